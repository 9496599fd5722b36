"""The library's entry points: what each command calls, and what other programs can call too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.case.load import LoadedCase, load_case
from docgen.check import CheckResult, check_case, skipped_filings, supported_filings
from docgen.errors import CaseError, UsageError
from docgen.filings import FILINGS, Filing, get_filing
from docgen.law.findings import Finding, Message, has_errors, sort_findings
from docgen.render.templates import TemplateSource

if TYPE_CHECKING:
    from docgen.render.output import RenderedFile

FORMATS: tuple[str, ...] = ("docx", "md", "pdf")


@dataclass(frozen=True)
class RenderOutcome:
    written: tuple[Path, ...]
    findings: tuple[Finding, ...]


def resolve_filings(name: str, loaded: LoadedCase) -> list[Filing]:
    """``all`` → every filing the case supports; otherwise the one filing named."""
    if name != "all":
        return [get_filing(name)]
    filings = supported_filings(loaded.case)
    if not filings:
        raise CaseError(str(loaded.path), [NO_FILING_SUPPORTED])
    return filings


NO_FILING_SUPPORTED = Finding(
    "required",
    "error",
    "",
    Message(
        ja="この事件ファイルには、どの書面の必須事項もそろっていません（docgen check で確認できます）",
        en="the case holds the required facts of no filing (run `docgen check` to see what is missing)",
    ),
)


def check_filings(loaded: LoadedCase, filings: Sequence[Filing], strict: bool) -> list[Finding]:
    """The findings for ``filings``; raises :class:`CaseError` when they stop the render."""
    findings: list[Finding] = []
    for filing in filings:
        findings += [f for f in check_case(loaded, filing).findings if f not in findings]
    blocking = has_errors(findings) or (strict and any(f.severity == "warning" for f in findings))
    if blocking:
        raise CaseError(str(loaded.path), sort_findings(findings))
    return findings


def parse_choices(value: str | None, allowed: Sequence[str], what: str) -> list[str] | None:
    """``"ja,en"`` → ``["ja", "en"]``, refusing anything not in ``allowed``."""
    if value is None:
        return None
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in allowed]
    if unknown or not chosen:
        raise UsageError(
            f"unknown {what} `{','.join(unknown) or value}`; choose from {', '.join(allowed)}"
        )
    return list(dict.fromkeys(chosen))


def validate_filing_names(value: str | None) -> list[str]:
    """``"petition,police"`` → the filing ids, refusing unknown names (``all`` means every one)."""
    names = [n.strip() for n in (value or "").split(",") if n.strip()]
    if names == ["all"]:
        return []
    return [get_filing(n).id for n in names]


def render_case(
    case_path: str | Path,
    filing: str,
    out_dir: str | Path = "out",
    languages: Sequence[str] | None = None,
    formats: Sequence[str] = ("docx",),
    strict: bool = False,
    templates: TemplateSource | None = None,
) -> RenderOutcome:
    """load → check → context → render → write. Nothing is written when anything fails."""
    from docgen.render.document import RenderRequest, render_documents
    from docgen.render.output import write_files

    loaded = load_case(case_path)
    filings = resolve_filings(filing, loaded)
    findings = [*loaded.warnings, *check_filings(loaded, filings, strict)]
    if filing == "all":
        findings += skipped_filings(loaded.case)
    request = RenderRequest(
        filings=filings,
        languages=list(languages or loaded.case.case.languages),
        formats=list(formats),
        templates=templates or TemplateSource(),
    )
    result = render_documents(loaded, request)
    findings += [w for w in result.warnings if w not in findings]
    if strict and any(f.severity == "warning" for f in result.warnings):
        raise CaseError(str(loaded.path), sort_findings(findings))
    files = list(result.files)
    if "pdf" in formats:
        files = _with_pdfs(files, keep_docx="docx" in formats)
    written = write_files(Path(out_dir), files)
    return RenderOutcome(tuple(written), tuple(sort_findings(findings)))


def _with_pdfs(files: list[RenderedFile], keep_docx: bool) -> list[RenderedFile]:
    from docgen.render.pdf import convert_to_pdf

    documents = [f for f in files if f.relative.suffix == ".docx"]
    pdfs = convert_to_pdf(documents)
    others = [f for f in files if f.relative.suffix != ".docx"]
    return [*others, *(documents if keep_docx else []), *pdfs]


def check_path(case_path: str | Path, filing: str | None = None) -> CheckResult:
    """``docgen check``: every finding about the case, for one filing or all it supports."""
    loaded = load_case(case_path)
    return check_case(loaded, get_filing(filing) if filing else None)


__all__ = [
    "FILINGS",
    "FORMATS",
    "CheckResult",
    "RenderOutcome",
    "check_path",
    "load_case",
    "parse_choices",
    "render_case",
]
