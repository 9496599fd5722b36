"""Findings as text for a terminal and as the JSON of ``case-file.md``. Pure: nothing prints here."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from docgen.case.messages import basis_text
from docgen.findings import Finding, Language, Message

if TYPE_CHECKING:
    from docgen.check import PlannedFiling
    from docgen.filings.base import Filing

SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}


def message_language(option: str | None = None) -> Language:
    """The language docgen speaks to the user: ``--lang``, else ``LANG``/``LC_ALL``, else English."""
    if option == "ja":
        return "ja"
    if option == "en":
        return "en"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def finding_line(source: str, finding: Finding, lang: Language) -> str:
    """``case.toml:12: error [S4] disclosure.purposes: message (basis)``, as compilers print."""
    where = f"{source}:{finding.line}" if finding.line else source
    severity = SEVERITY_JA[finding.severity] if lang == "ja" else finding.severity
    path = f" {finding.path}:" if finding.path else ""
    basis = basis_text(finding.basis, lang)
    basis = (f"（{basis}）" if lang == "ja" else f" ({basis})") if basis else ""
    return f"{where}: {severity} [{finding.code}]{path} {finding.message.in_language(lang)}{basis}"


def in_file_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings by line, then by key path (``posts[2]`` before ``posts[10]``), as an editor shows
    them; those about no line (the file, a table left out) come last."""

    def key(finding: Finding) -> tuple[bool, int, list[tuple[str, int]]]:
        path = [
            (text, int(number or 0)) for text, number in re.findall(r"(\D*)(\d*)", finding.path)
        ]
        return finding.line is None, finding.line or 0, path

    return sorted(findings, key=key)


def findings_text(source: str, findings: Iterable[Finding], lang: Language) -> str:
    return "\n".join(finding_line(source, f, lang) for f in in_file_order(findings))


def summary_line(findings: list[Finding], lang: Language) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    if lang == "ja":
        return f"エラー {counts['error']} 件、警告 {counts['warning']} 件、情報 {counts['info']} 件"
    return f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"


def check_json(
    source: str,
    filing: str | None,
    findings: list[Finding],
    lang: Language,
    extra: dict[str, Any] | None = None,
) -> str:
    data: dict[str, Any] = {
        "case": source,
        "filing": filing,
        "ok": not any(f.severity == "error" for f in findings),
        "findings": [
            f.as_json(lang) | {"basis": basis_text(f.basis, lang)} for f in in_file_order(findings)
        ],
        **(extra or {}),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


STAGE_TITLES: dict[str, tuple[str, str]] = {
    "deletion": ("削除", "Deletion"),
    "disclosure": ("発信者情報開示", "Disclosure"),
    "preservation": ("ログの保存", "Log preservation"),
    "police": ("警察", "Police"),
    "civil": ("損害賠償", "Civil claim"),
}
"""Each stage of a matter (``Filing.stage``) as ``docgen list`` heads it, in the order of a matter."""


def stage_title(stage: str, lang: Language) -> str:
    ja, en = STAGE_TITLES.get(stage, (stage, stage))
    return f"{ja if lang == 'ja' else en} [{stage}]"


def by_stage(filings: Iterable[Filing]) -> list[tuple[str, list[Filing]]]:
    """(stage, its filings in registry order) for each stage that has any, in the matter's order."""
    listed = list(filings)
    order = list(STAGE_TITLES)
    stages = sorted({f.stage for f in listed}, key=lambda s: order.index(s) if s in order else 99)
    return [(stage, [f for f in listed if f.stage == stage]) for stage in stages]


DUE_NOW = Message("この段階で作成する書面", "Filings due at this stage")
NOT_NOW = Message("他の段階の書面", "Not at this stage")
TO = Message("宛先", "to")


def plan_text(plan: Iterable[PlannedFiling], lang: Language) -> str:
    """The filings the matter's stage calls for, and those left for another stage, with why;
    both grouped by the stage of the matter they belong to."""
    plan = list(plan)
    due = [p.filing for p in plan if p.status == "due"]
    later = {p.filing.id: p for p in plan if p.status == "later" and p.filing.parent is None}
    head = DUE_NOW.in_language(lang)
    lines = [f"{head}: {', '.join(f.id for f in due) if due else '-'}"]
    for stage, filings in by_stage(due):
        lines.append(f"  {stage_title(stage, lang)}: {', '.join(f.id for f in filings)}")
    if later:
        lines.append(NOT_NOW.in_language(lang))
        for stage, filings in by_stage(p.filing for p in later.values()):
            lines.append(f"  {stage_title(stage, lang)}")
            for filing in filings:
                reason = later[filing.id].reason
                assert reason is not None
                message = reason.message.in_language(lang)
                lines.append(f"    {filing.id} [{reason.code}]: {message}")
    return "\n".join(lines)


def plan_json(plan: Iterable[PlannedFiling]) -> list[dict[str, str | None]]:
    return [
        {
            "filing": p.filing.id,
            "stage": p.filing.stage,
            "status": p.status,
            "code": p.reason.code if p.reason else None,
        }
        for p in plan
    ]


def filings_text(filings: Iterable[Filing], lang: Language) -> str:
    """Every filing, grouped by stage: its id, aliases, titles and the facts it requires."""
    lines = []
    for stage, listed in by_stage(filings):
        lines.append(stage_title(stage, lang))
        for filing in listed:
            lines.append(f"  {filing.id}  (aliases: {', '.join(filing.aliases)})")
            lines.append(f"    {filing.title.ja}")
            lines.append(f"    {filing.title.en}")
            lines.append(f"    {TO.in_language(lang)}: {filing.addressee.in_language(lang)}")
            for requirement in filing.requirements:
                lines.append(f"    - {requirement.path}: {requirement.why.in_language(lang)}")
    return "\n".join(lines)


def filings_json(filings: Iterable[Filing], lang: Language) -> str:
    """Every filing as JSON, in the order of a matter, with its stage."""
    data = [
        {
            "filing": f.id,
            "stage": f.stage,
            "aliases": list(f.aliases),
            "title": {"ja": f.title.ja, "en": f.title.en},
            "addressee": {"ja": f.addressee.ja, "en": f.addressee.en},
            "parent": f.parent.id if f.parent else None,
            "requires": [
                {"path": r.path, "code": r.code, "why": r.why.in_language(lang)}
                for r in f.requirements
            ],
        }
        for _, listed in by_stage(filings)
        for f in listed
    ]
    return json.dumps({"filings": data}, ensure_ascii=False, indent=2)
