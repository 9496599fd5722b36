"""Batch results as data for CI dashboards: JSON, and JUnit XML (one testcase per case × filing).

Reports are written a result at a time from the spool, so their size, not memory, grows with the
batch; they carry no timestamps or durations, so the same batch gives the same report. A
character XML 1.0 cannot hold (a control character from a file name or a message) is written as
an escape, ``\\u001b``, so the JUnit report is always well-formed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from docgen.batch import FilingResult, ResultSpool
from docgen.render.output import write_atomically_with
from docgen.report import findings_text

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids written as a ``\\uXXXX`` escape."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _attr(text: str) -> str:
    return quoteattr(xml_safe(text))


def _text(text: str) -> str:
    return escape(xml_safe(text))


def failure_text(result: FilingResult, lang: str = "en") -> str:
    """Why a case × filing failed: its findings, one a line, or the error."""
    shown = [f for f in result.findings if f.severity != "info"]
    text = findings_text(result.case, shown, lang) if shown else ""
    return "\n".join(t for t in (result.error, text) if t)


def _json_result(result: FilingResult, lang: str) -> dict[str, Any]:
    return {
        "case": result.case,
        "case_id": result.case_id,
        "filing": result.filing,
        "ok": result.ok,
        "written": list(result.written),
        "error": result.error,
        "findings": [f.as_json(lang) for f in result.findings],
    }


def _json_lines(spool: ResultSpool, lang: str) -> Iterator[str]:
    yield "{\n"
    yield f'  "cases": {spool.cases()},\n  "documents": {spool.documents},\n'
    yield f'  "failures": {spool.failures},\n  "results": ['
    for index, result in enumerate(spool.results()):
        item = json.dumps(_json_result(result, lang), ensure_ascii=False, indent=2)
        yield ("," if index else "") + "\n    " + item.replace("\n", "\n    ")
    yield "\n  ]\n}\n"


def _junit_lines(spool: ResultSpool, lang: str) -> Iterator[str]:
    counts = f'tests="{spool.count}" failures="{spool.failures}"'
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield f'<testsuites name="docgen" {counts}>\n'
    yield f'  <testsuite name="docgen batch" {counts} errors="0" skipped="0">\n'
    for result in spool.results():
        names = f"classname={_attr(result.case_id or result.case)} "
        names += f"name={_attr(result.filing)} file={_attr(result.case)}"
        yield f"    <testcase {names}>\n"
        if not result.ok:
            errors = sum(f.severity == "error" for f in result.findings)
            message = _attr(result.error or f"{errors} error(s)")
            text = _text(failure_text(result, lang))
            yield f'      <failure message={message} type="docgen">{text}</failure>\n'
        elif result.written:
            yield f"      <system-out>{_text(chr(10).join(result.written))}</system-out>\n"
        yield "    </testcase>\n"
    yield "  </testsuite>\n</testsuites>\n"


def write_report(spool: ResultSpool, kind: str, target: Path, lang: str = "en") -> None:
    """Write the ``json`` or ``junit`` report of the batch to ``target``, whole or not at all."""
    lines = _json_lines(spool, lang) if kind == "json" else _junit_lines(spool, lang)

    def write(stream: IO[bytes]) -> None:
        for line in lines:
            # A file name that is not UTF-8 reaches Python as lone surrogates: escaped, not fatal.
            stream.write(line.encode("utf-8", "backslashreplace"))

    write_atomically_with(target, write)
