"""Batch results as data for CI dashboards: JSON, and JUnit XML (one testcase per case × filing).

Reports are written a result at a time from the spool, so their size, not memory, grows with the
batch. The JSON report carries no timestamps or durations, so the same batch gives the same report.
The JUnit report is the shape GitLab, GitHub and Jenkins read (it validates against the Jenkins
JUnit schema): a ``time`` on every testcase and on the suite, and the suite's ``timestamp`` (UTC,
or ``SOURCE_DATE_EPOCH`` when set); everything else in it depends only on the batch. A case whose
findings stop a filing is a ``<failure>`` whose message is the first of them; a broken template
or a defect of docgen is an ``<error>`` with its type (it is not the case's fault); the warnings
and files of a passing case are its ``<system-out>``. A character XML 1.0 cannot hold (a control
character from a file name, a message or a case value) is written as an escape, ``\\u001b``, so
the report is always well-formed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from docgen.batch import FilingResult, ResultSpool
from docgen.findings import Finding, Language, Message
from docgen.render.output import write_atomically_with
from docgen.reports.check_report import findings_text, in_file_order

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

CASE_FAULTS = (None, "CaseError")
"""``FilingResult.error_type`` of a result the case itself is to blame for (its findings, a
shared case.id): a JUnit ``<failure>``. Any other type is an ``<error>``."""


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids written as a ``\\uXXXX`` escape."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _attr(text: str) -> str:
    return quoteattr(xml_safe(text))


def _text(text: str) -> str:
    return escape(xml_safe(text))


def failure_text(result: FilingResult, lang: Language = "en") -> str:
    """Why a case × filing failed: its findings, one a line, or the error."""
    shown = [f for f in result.findings if f.severity != "info"]
    text = findings_text(result.case, shown, lang) if shown else ""
    return "\n".join(t for t in (result.error, text) if t)


def _json_result(result: FilingResult, lang: Language) -> dict[str, Any]:
    return {
        "case": result.case,
        "case_id": result.case_id,
        "filing": result.filing,
        "ok": result.ok,
        "written": list(result.written),
        "error": result.error,
        "findings": [f.as_json(lang) for f in result.findings],
    }


def _json_lines(spool: ResultSpool, lang: Language) -> Iterator[str]:
    yield "{\n"
    yield f'  "cases": {spool.cases()},\n  "documents": {spool.documents},\n'
    yield f'  "failures": {spool.failures},\n  "results": ['
    for index, result in enumerate(spool.results()):
        item = json.dumps(_json_result(result, lang), ensure_ascii=False, indent=2)
        yield ("," if index else "") + "\n    " + item.replace("\n", "\n    ")
    yield "\n  ]\n}\n"


def first_problem(result: FilingResult, lang: Language = "en") -> str:
    """The one line a CI dashboard shows for a failed case × filing: its first error (or, when
    a warning failed it under ``--strict``, its first warning), else the error that stopped it."""
    blocking = _blocking(result)
    if not blocking:
        return result.error or FAILED.in_language(lang)
    line = _short(blocking[0], lang)
    if blocking[0].severity == "warning":
        line += FAILS_STRICT.in_language(lang)
    if len(blocking) > 1:
        line += AND_MORE.in_language(lang).format(more=len(blocking) - 1)
    return line


FAILED = Message("失敗", "failed")
FAILS_STRICT = Message("（警告。--strict により不合格）", " (warning; fails --strict)")
AND_MORE = Message("（ほか{more}件）", " (and {more} more)")


def _short(finding: Finding, lang: Language) -> str:
    path = f" {finding.path}:" if finding.path else ":"
    return f"{finding.code}{path} {finding.message.in_language(lang)}"


def _passed_text(result: FilingResult, lang: Language) -> str:
    """What a passing case × filing leaves for the log: its warnings, then the files written."""
    warnings = [f for f in result.findings if f.severity != "info"]
    lines = [findings_text(result.case, warnings, lang)] if warnings else []
    return "\n".join([*lines, *result.written])


def report_timestamp(environ: Mapping[str, str] = os.environ) -> datetime:
    """When the batch ran, for the JUnit ``timestamp``: now, or ``SOURCE_DATE_EPOCH`` when set
    (a usage error if it is not a whole number of seconds within the years docgen handles)."""
    from docgen.case.load import default_date

    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(UTC).replace(microsecond=0)
    default_date()  # refuses a malformed or out-of-range value with the usual message
    return datetime.fromtimestamp(int(epoch), UTC)


@dataclass(frozen=True)
class _Totals:
    tests: int
    failures: int
    errors: int
    seconds: float


def _totals(spool: ResultSpool) -> _Totals:
    """The suite's counts (a first pass over the spool: the header comes before the cases)."""
    tests = failures = errors = 0
    seconds = 0.0
    for result in spool.results():
        tests += 1
        seconds += result.seconds
        if not result.ok:
            if result.error_type in CASE_FAULTS:
                failures += 1
            else:
                errors += 1
    return _Totals(tests, failures, errors, seconds)


def _seconds(value: float) -> str:
    return f"{max(value, 0.0):.3f}"


def _junit_lines(
    spool: ResultSpool, lang: Language, timestamp: datetime | None, seconds: float | None
) -> Iterator[str]:
    totals = _totals(spool)
    elapsed = _seconds(totals.seconds if seconds is None else seconds)
    counts = f'tests="{totals.tests}" failures="{totals.failures}" errors="{totals.errors}"'
    when = (timestamp or report_timestamp()).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield f'<testsuites name="docgen" {counts} time="{elapsed}">\n'
    yield (
        f'  <testsuite name="docgen batch" {counts} skipped="0" time="{elapsed}" '
        f'timestamp="{when}">\n'
    )
    for result in spool.results():
        # A case that stopped before its filings were known (not loaded, a shared case.id, a
        # lost worker) is named by its file, not by "*".
        name = result.filing if result.filing != "*" else result.case
        names = f"classname={_attr(result.case_id or result.case)} name={_attr(name)}"
        yield f'    <testcase {names} time="{_seconds(result.seconds)}">\n'
        if not result.ok:
            tag = "failure" if result.error_type in CASE_FAULTS else "error"
            kind = result.error_type if tag == "error" else _failure_type(result)
            message, text = _attr(first_problem(result, lang)), _text(failure_text(result, lang))
            yield f"      <{tag} message={message} type={_attr(kind or 'docgen')}>{text}</{tag}>\n"
        elif output := _passed_text(result, lang):
            yield f"      <system-out>{_text(output)}</system-out>\n"
        yield "    </testcase>\n"
    yield "  </testsuite>\n</testsuites>\n"


def _failure_type(result: FilingResult) -> str:
    """The rule id of the first finding that failed the case (``S4``, ``schema``), or docgen."""
    blocking = _blocking(result)
    return blocking[0].code if blocking else "docgen"


def _blocking(result: FilingResult) -> list[Finding]:
    """The findings that failed a case × filing: its errors, else (``--strict``) its warnings,
    in the order the failure text lists them (the file's)."""
    errors = [f for f in result.findings if f.severity == "error"]
    return in_file_order(errors or [f for f in result.findings if f.severity == "warning"])


def write_report(
    spool: ResultSpool,
    kind: str,
    target: Path,
    lang: Language = "en",
    *,
    timestamp: datetime | None = None,
    seconds: float | None = None,
) -> None:
    """Write the ``json`` or ``junit`` report of the batch to ``target``, whole or not at all.

    ``timestamp`` is when the batch started (default: :func:`report_timestamp`), ``seconds`` how
    long it took (default: the sum of its cases' times); only the JUnit report shows them.
    """
    if kind == "json":
        lines = _json_lines(spool, lang)
    else:
        lines = _junit_lines(spool, lang, timestamp, seconds)

    def write(stream: IO[bytes]) -> None:
        for line in lines:
            # A file name that is not UTF-8 reaches Python as lone surrogates: escaped, not fatal.
            stream.write(line.encode("utf-8", "backslashreplace"))

    write_atomically_with(target, write)
