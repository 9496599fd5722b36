"""The library's entry points: what each command calls, and what other programs can call too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.case.load import load_case
from docgen.check import CheckResult, check_case
from docgen.errors import InvalidRequestError
from docgen.filings import FILINGS, get_filing
from docgen.findings import Finding, as_language
from docgen.render.templates import TemplateSource

if TYPE_CHECKING:
    from docgen.render.output import RenderedFile

FORMATS: tuple[str, ...] = ("docx", "md", "pdf")


@dataclass(frozen=True)
class RenderOutcome:
    written: tuple[Path, ...]
    findings: tuple[Finding, ...]


def parse_choices(value: str | None, allowed: Sequence[str], what: str) -> list[str] | None:
    """``"ja,en"`` → ``["ja", "en"]``, refusing anything not in ``allowed``."""
    if value is None:
        return None
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in allowed]
    if unknown or not chosen:
        raise InvalidRequestError(
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
    from docgen.pipeline import render_all_or_nothing
    from docgen.render.document import RenderOptions
    from docgen.render.output import write_files

    loaded = load_case(case_path)
    options = RenderOptions(
        filings=(filing,),
        languages=tuple(as_language(name) for name in languages or ()),
        formats=tuple(formats),
        strict=strict,
        templates=templates or TemplateSource(),
        out_dir=Path(out_dir),
    )
    files, findings = render_all_or_nothing(loaded, options)
    if "pdf" in formats:
        files = _with_pdfs(files, keep_docx="docx" in formats)
    written = write_files(options.out_dir, files)
    return RenderOutcome(tuple(written), tuple(findings))


def _with_pdfs(files: list[RenderedFile], keep_docx: bool) -> list[RenderedFile]:
    from docgen.render.pdf import convert_to_pdf

    documents = [f for f in files if f.relative.suffix == ".docx"]
    pdfs = convert_to_pdf(documents)
    others = [f for f in files if f.relative.suffix != ".docx"]
    return [*others, *(documents if keep_docx else []), *pdfs]


def check_path(
    case_path: str | Path, filing: str | None = None, as_of: date | None = None
) -> CheckResult:
    """``docgen check``: every finding about the case, for one filing or all it supports, with
    the deadlines as of ``as_of`` (default: today, or the day of SOURCE_DATE_EPOCH)."""
    from docgen.case.load import default_date

    loaded = load_case(case_path)
    return check_case(loaded, get_filing(filing) if filing else None, as_of or default_date())


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
