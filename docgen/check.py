"""check: the findings for one case, for one filing or for every filing its facts support."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from docgen.case.load import LoadedCase, key_parts
from docgen.case.locate import line_of
from docgen.case.model import Case
from docgen.case.translations import untranslated
from docgen.filings import FILINGS, Filing
from docgen.filings.prose import voice_findings
from docgen.findings import Finding, Message, dedupe, has_errors, sort_findings
from docgen.law.deadlines import Deadline, urgent
from docgen.law.rules.general import general_rules


@dataclass(frozen=True)
class PlannedFiling:
    """A filing of the matter: ``due`` (``render all`` writes it), ``later`` (its stage is past
    or not reached: ``reason`` says why) or ``missing`` (facts it needs are not in the case)."""

    filing: Filing
    status: Literal["due", "later", "missing"]
    reason: Finding | None = None


def filing_plan(case: Case) -> list[PlannedFiling]:
    """Which filings the matter calls for now, which belong to another stage, which lack facts."""
    plan = []
    for filing in FILINGS.values():
        reason = filing.not_now(case)
        if reason is not None:
            plan.append(PlannedFiling(filing, "later", reason))
        elif filing.supported_by(case):
            plan.append(PlannedFiling(filing, "due"))
        else:
            plan.append(PlannedFiling(filing, "missing"))
    return plan


@dataclass(frozen=True)
class CheckResult:
    source: str
    filing: str | None
    findings: tuple[Finding, ...]
    case: Case | None = None
    deadlines: tuple[Deadline, ...] = ()
    """Deadlines already past or within 14 days of the document date."""
    plan: tuple[PlannedFiling, ...] = ()
    """Every filing and whether the matter's stage and facts call for it now."""
    as_of: date | None = None
    """The day the deadlines count from (None: the document date)."""

    @property
    def ok(self) -> bool:
        return not has_errors(list(self.findings))


NO_FILING_YET = Finding(
    "required",
    "info",
    "",
    Message(
        ja="必須事項がそろった書面はまだありません。`docgen check --filing 書面名` で、"
        "その書面に不足している事項を確認できます（書面名は `docgen list`）",
        en="no filing has all its required facts yet; `docgen check --filing F` lists what "
        "filing F still needs (filings: `docgen list`)",
    ),
)


def supported_filings(case: Case) -> list[Filing]:
    """The filings whose required facts the case holds (what ``render all`` renders)."""
    return [f for f in FILINGS.values() if f.supported_by(case)]


def skipped_filings(case: Case) -> list[Finding]:
    """Why ``render all`` leaves out filings whose facts are there but whose stage is past."""
    reasons = [f.not_now(case) for f in FILINGS.values()]
    return [replace(r, severity="info") for r in reasons if r is not None]


def filing_findings(case: Case, filing: Filing) -> list[Finding]:
    reason = filing.not_now(case)
    findings = filing.missing_facts(case) + voice_findings(case, filing)
    if reason is not None:
        findings.append(reason)
    for rule in filing.rules:
        findings += rule(case)
    return findings


def check_case(
    loaded: LoadedCase, filing: Filing | None = None, as_of: date | None = None
) -> CheckResult:
    """Every finding about ``loaded``: load warnings, general rules, then the filing's own; with
    ``as_of`` (``docgen check``: today), the deadlines as of that day and a warning for the log
    retention that has lapsed by then."""
    case = loaded.case
    due = urgent(case, as_of=as_of)
    findings = [*loaded.warnings, *general_rules(case), *lapsed_retention(due, as_of)]
    for lang in case.case.languages:
        findings += untranslated(case, lang)
    targets = [filing] if filing else supported_filings(case)
    if not targets:
        findings.append(NO_FILING_YET)
    for target in targets:
        findings += filing_findings(case, target)
    located = [
        f if f.line is not None else f.with_line(_line(loaded.source, f.path))
        for f in acknowledge(findings, case)
    ]
    return CheckResult(
        str(loaded.path),
        filing.id if filing else None,
        tuple(sort_findings(dedupe(located))),
        case,
        tuple(due),
        tuple(filing_plan(case)),
        as_of,
    )


def lapsed_retention(due: list[Deadline], as_of: date | None) -> list[Finding]:
    """L1: a log-retention deadline already past on ``as_of``: the logs may be gone."""
    if as_of is None:
        return []
    return [
        Finding(
            "L1",
            "warning",
            d.path,
            Message(
                ja=f"アクセスプロバイダのログの通常の保存期間は {d.due.isoformat()} に経過しています"
                f"（{as_of.isoformat()} 現在）。ログは既に消去されているおそれがあります",
                en=f"the access provider's usual log retention lapsed on {d.due.isoformat()} "
                f"(as of {as_of.isoformat()}): the logs may already be erased",
            ),
            basis=d.basis,
        )
        for d in due
        if d.kind == "log-retention" and d.days_left(as_of) < 0
    ]


def acknowledge(findings: list[Finding], case: Case) -> list[Finding]:
    """Warnings of the rules in ``case.acknowledged`` become infos marked as acknowledged: still
    listed, no longer failing ``--strict``. An error is never acknowledged."""
    chosen = set(case.case.acknowledged)
    return [
        replace(
            f,
            severity="info",
            message=Message(ja=f"（確認済み）{f.message.ja}", en=f"(acknowledged) {f.message.en}"),
        )
        if f.severity == "warning" and f.code in chosen
        else f
        for f in findings
    ]


def _line(source: str, path: str) -> int | None:
    return line_of(source, key_parts(path)) if path else None
