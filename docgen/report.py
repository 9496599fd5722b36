"""Findings as text for a terminal and as the JSON of ``case-file.md``. Pure: nothing prints here."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from docgen.law.findings import Finding

if TYPE_CHECKING:
    from docgen.check import PlannedFiling

SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}


def message_language(option: str | None = None) -> str:
    """The language docgen speaks to the user: ``--lang``, else ``LANG``/``LC_ALL``, else English."""
    if option in ("ja", "en"):
        return option
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def finding_line(source: str, finding: Finding, lang: str) -> str:
    """``case.toml:12: error [S4] disclosure.purposes: message (basis)``, as compilers print."""
    where = f"{source}:{finding.line}" if finding.line else source
    severity = SEVERITY_JA[finding.severity] if lang == "ja" else finding.severity
    path = f" {finding.path}:" if finding.path else ""
    basis = f" ({finding.basis})" if finding.basis else ""
    return f"{where}: {severity} [{finding.code}]{path} {finding.message.in_language(lang)}{basis}"


def findings_text(source: str, findings: Iterable[Finding], lang: str) -> str:
    return "\n".join(finding_line(source, f, lang) for f in findings)


def summary_line(findings: list[Finding], lang: str) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    if lang == "ja":
        return f"エラー {counts['error']} 件、警告 {counts['warning']} 件、情報 {counts['info']} 件"
    return f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"


def check_json(
    source: str,
    filing: str | None,
    findings: list[Finding],
    lang: str,
    extra: dict[str, Any] | None = None,
) -> str:
    data: dict[str, Any] = {
        "case": source,
        "filing": filing,
        "ok": not any(f.severity == "error" for f in findings),
        "findings": [f.as_json(lang) for f in findings],
        **(extra or {}),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def plan_text(plan: Iterable[PlannedFiling], lang: str) -> str:
    """The filings the matter's stage calls for, and those left for another stage, with why."""
    due = [p.filing.id for p in plan if p.status == "due"]
    later = [p for p in plan if p.status == "later" and p.filing.parent is None]
    head = "この段階で作成する書面" if lang == "ja" else "Filings due at this stage"
    lines = [f"{head}: {', '.join(due) if due else '-'}"]
    if later:
        lines.append("他の段階の書面" if lang == "ja" else "Not at this stage")
        for planned in later:
            assert planned.reason is not None
            reason = planned.reason.message.in_language(lang)
            lines.append(f"  {planned.filing.id} [{planned.reason.code}]: {reason}")
    return "\n".join(lines)


def plan_json(plan: Iterable[PlannedFiling]) -> list[dict[str, str | None]]:
    return [
        {
            "filing": p.filing.id,
            "status": p.status,
            "code": p.reason.code if p.reason else None,
        }
        for p in plan
    ]
