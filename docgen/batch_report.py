"""Batch results as data for CI dashboards: JSON, and JUnit XML (one testcase per case × filing).

Reports carry no timestamps or durations, so the same batch gives the same report.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from docgen.batch import FilingResult
from docgen.report import findings_text


def _sorted(results: Sequence[FilingResult]) -> list[FilingResult]:
    return sorted(results, key=lambda r: (r.case, r.filing))


def failure_text(result: FilingResult, lang: str = "en") -> str:
    """Why a case × filing failed: its findings, one a line, or the error."""
    shown = [f for f in result.findings if f.severity != "info"]
    text = findings_text(result.case, shown, lang) if shown else ""
    return "\n".join(t for t in (result.error, text) if t)


def as_json(results: Sequence[FilingResult], lang: str = "en") -> str:
    data: dict[str, Any] = {
        "cases": len({r.case for r in results}),
        "documents": sum(len(r.written) for r in results),
        "failures": sum(1 for r in results if not r.ok),
        "results": [
            {
                "case": r.case,
                "case_id": r.case_id,
                "filing": r.filing,
                "ok": r.ok,
                "written": list(r.written),
                "error": r.error,
                "findings": [f.as_json(lang) for f in r.findings],
            }
            for r in _sorted(results)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_junit(results: Sequence[FilingResult], lang: str = "en") -> str:
    failures = str(sum(1 for r in results if not r.ok))
    suites = ET.Element("testsuites", name="docgen", tests=str(len(results)), failures=failures)
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="docgen batch",
        tests=str(len(results)),
        failures=failures,
        errors="0",
        skipped="0",
    )
    for result in _sorted(results):
        case = ET.SubElement(
            suite,
            "testcase",
            classname=result.case_id or result.case,
            name=result.filing,
            file=result.case,
        )
        if not result.ok:
            message = (
                result.error or f"{sum(f.severity == 'error' for f in result.findings)} error(s)"
            )
            failure = ET.SubElement(case, "failure", message=message, type="docgen")
            failure.text = failure_text(result, lang)
        elif result.written:
            ET.SubElement(case, "system-out").text = "\n".join(result.written)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
