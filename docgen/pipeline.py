"""One case's filings through load → check → context → render: what ``render`` and every batch
worker run, so the two never drift.

:func:`render_filing` checks one filing and renders its documents in memory; :func:`blocks` is the
one place that decides whether findings stop a filing (errors, or warnings under ``--strict``,
including warnings raised while rendering). Writing files and converting PDFs stay with the
callers: ``render`` writes a case's set at once, the batch writes each filing as it comes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docgen.case.load import LoadedCase
from docgen.check import check_case, skipped_filings, supported_filings
from docgen.errors import CaseError
from docgen.filings import Filing, get_filing
from docgen.findings import Finding, Message, dedupe, has_errors, sort_findings
from docgen.render.document import RenderOptions, render_documents
from docgen.render.output import RenderedFile


@dataclass(frozen=True)
class FilingRender:
    """One filing of one case: its findings, and its documents in memory when nothing blocked."""

    filing: Filing
    findings: tuple[Finding, ...]
    files: tuple[RenderedFile, ...] = ()

    @property
    def ok(self) -> bool:
        return bool(self.files)


def blocks(findings: Sequence[Finding], strict: bool) -> bool:
    """Whether ``findings`` stop a filing: any error, or any warning under ``--strict``."""
    return has_errors(list(findings)) or (strict and any(f.severity == "warning" for f in findings))


def chosen_filings(loaded: LoadedCase, options: RenderOptions) -> list[Filing]:
    """The filings named, or every filing the case's stage calls for."""
    names = [n for n in options.filings if n != "all"]
    if names:
        return [get_filing(n) for n in names]
    filings = supported_filings(loaded.case)
    if not filings:
        raise CaseError(str(loaded.path), [NO_FILING_SUPPORTED])
    return filings


def render_filing(loaded: LoadedCase, filing: Filing, options: RenderOptions) -> FilingRender:
    """Check one filing (load warnings included, once) and render its documents in memory."""
    findings = list(check_case(loaded, filing).findings)
    if blocks(findings, options.strict):
        return FilingRender(filing, tuple(findings))
    result = render_documents(loaded, [filing], options)
    findings = dedupe([*findings, *result.warnings])
    if blocks(result.warnings, options.strict):
        return FilingRender(filing, tuple(sort_findings(findings)))
    return FilingRender(filing, tuple(sort_findings(findings)), result.files)


def render_all_or_nothing(
    loaded: LoadedCase, options: RenderOptions
) -> tuple[list[RenderedFile], list[Finding]]:
    """``render``: the documents of every chosen filing with their findings, or a
    :class:`CaseError` with every finding when any filing is blocked (then nothing is written)."""
    renders = [render_filing(loaded, f, options) for f in chosen_filings(loaded, options)]
    findings = dedupe([f for r in renders for f in r.findings])
    if not options.filings or "all" in options.filings:
        findings += [f for f in skipped_filings(loaded.case) if f not in findings]
    if not all(r.ok for r in renders):
        raise CaseError(str(loaded.path), sort_findings(findings))
    return [file for r in renders for file in r.files], sort_findings(findings)


NO_FILING_SUPPORTED = Finding(
    "required",
    "error",
    "",
    Message(
        ja="この事件ファイルには、どの書面の必須事項もそろっていません（docgen check で確認できます）",
        en="the case holds the required facts of no filing (run `docgen check` to see what is missing)",
    ),
)
