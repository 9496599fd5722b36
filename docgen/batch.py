"""batch: many case files through the same pipeline, in worker processes, with reports for CI.

Each case × filing succeeds or fails on its own; a broken case never stops the others. Workers
keep their compiled templates between cases (see ``render.word.load_word_template``), write their
files themselves and send back only small results, so memory does not grow with the number of
cases. PDFs are converted afterwards by one LibreOffice process for many documents.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from docgen.case.load import LoadedCase, load_case
from docgen.check import check_case, supported_filings
from docgen.errors import CaseError, DocgenError, UsageError
from docgen.filings import Filing, get_filing
from docgen.law.findings import Finding, has_errors
from docgen.render.document import RenderRequest, render_documents
from docgen.render.output import RenderedFile, write_atomically, write_files
from docgen.render.templates import TemplateSource

PDF_CHUNK = 200
"""Documents a single LibreOffice run converts in a batch."""


@dataclass(frozen=True)
class BatchOptions:
    out_dir: Path
    filings: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    formats: tuple[str, ...] = ("docx",)
    strict: bool = False
    templates: TemplateSource = TemplateSource()


@dataclass(frozen=True)
class FilingResult:
    """One case × filing: what was written, or the findings that stopped it."""

    case: str
    case_id: str | None
    filing: str
    ok: bool
    findings: tuple[Finding, ...] = ()
    written: tuple[str, ...] = ()
    error: str | None = None


@dataclass
class BatchSummary:
    results: list[FilingResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FilingResult]:
        return [r for r in self.results if not r.ok]

    @property
    def documents(self) -> int:
        return sum(len(r.written) for r in self.results)


def discover(paths: Sequence[str]) -> list[Path]:
    """Case files named, found under folders (``case.toml``), or matched by globs; sorted."""
    found: set[Path] = set()
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found |= set(path.rglob("case.toml"))
        elif path.is_file():
            found.add(path)
        elif matches := glob.glob(text, recursive=True):
            found |= {Path(m) for m in matches if Path(m).is_file()}
            found |= {c for m in matches if Path(m).is_dir() for c in Path(m).rglob("case.toml")}
        else:
            raise UsageError(f"{text}: no such case file or folder")
    return sorted(found)


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """``"2/4"`` → (2, 4): the second of four shards, counted from 1."""
    if text is None:
        return None
    index, _, total = text.partition("/")
    if not (index.isdigit() and total.isdigit() and 1 <= int(index) <= int(total)):
        raise UsageError(f"--shard takes I/N with 1 ≤ I ≤ N, not `{text}`")
    return int(index), int(total)


def in_shard(case: Path, shard: tuple[int, int] | None) -> bool:
    """A stable split: the same case path always lands in the same shard."""
    if shard is None:
        return True
    digest = hashlib.sha256(case.as_posix().encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shard[1] == shard[0] - 1


def _filings_for(loaded: LoadedCase, names: Sequence[str]) -> list[Filing]:
    return [get_filing(n) for n in names] if names else supported_filings(loaded.case)


def render_case_filings(path: Path, options: BatchOptions) -> list[FilingResult]:
    """Every requested filing of one case, each on its own (runs in a worker process)."""
    try:
        loaded = load_case(path)
    except DocgenError as exc:
        return [_failure(path, None, name, exc) for name in options.filings or ("*",)]
    filings = _filings_for(loaded, options.filings)
    if not filings:
        return [_failure(path, loaded, "*", UsageError("the case supports no filing"))]
    return [_render_filing(loaded, filing, options) for filing in filings]


def _render_filing(loaded: LoadedCase, filing: Filing, options: BatchOptions) -> FilingResult:
    findings = [*loaded.warnings, *check_case(loaded, filing).findings]
    warned = options.strict and any(f.severity == "warning" for f in findings)
    if has_errors(findings) or warned:
        return _result(loaded, filing.id, False, findings)
    request = RenderRequest(
        filings=[filing],
        languages=list(options.languages or loaded.case.case.languages),
        formats=list(options.formats),
        templates=options.templates,
    )
    try:
        rendered = render_documents(loaded, request)
    except DocgenError as exc:
        return _failure(loaded.path, loaded, filing.id, exc)
    written = write_files(options.out_dir, rendered.files)
    return _result(loaded, filing.id, True, findings, tuple(map(str, written)))


def _result(
    loaded: LoadedCase,
    filing: str,
    ok: bool,
    findings: Sequence[Finding],
    written: tuple[str, ...] = (),
) -> FilingResult:
    return FilingResult(str(loaded.path), loaded.case.case.id, filing, ok, tuple(findings), written)


def _failure(path: Path, loaded: LoadedCase | None, filing: str, exc: DocgenError) -> FilingResult:
    findings = tuple(exc.findings) if isinstance(exc, CaseError) else ()
    case_id = loaded.case.case.id if loaded else None
    return FilingResult(str(path), case_id, filing, False, findings, (), exc.message)


def run_batch(
    cases: Sequence[Path], options: BatchOptions, jobs: int
) -> Iterator[list[FilingResult]]:
    """The results of each case as it finishes (in no fixed order when ``jobs`` > 1)."""
    if jobs <= 1:
        for case in cases:
            yield render_case_filings(case, options)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[Future[list[FilingResult]]] = [
            pool.submit(render_case_filings, case, options) for case in cases
        ]
        for future in pending:
            yield future.result()


def convert_written_pdfs(summary: BatchSummary, keep_docx: bool) -> None:
    """Convert every written .docx to PDF, a chunk of documents per LibreOffice run."""
    from docgen.render.pdf import convert_to_pdf

    docx = [Path(p) for r in summary.results for p in r.written if p.endswith(".docx")]
    for start in range(0, len(docx), PDF_CHUNK):
        chunk = [RenderedFile(p, p.read_bytes()) for p in docx[start : start + PDF_CHUNK]]
        for pdf in convert_to_pdf(chunk):
            write_atomically(pdf.relative, pdf.data)
    if not keep_docx:
        for path in docx:
            path.unlink()
    _record_pdfs(summary, keep_docx)


def _record_pdfs(summary: BatchSummary, keep_docx: bool) -> None:
    for index, result in enumerate(summary.results):
        written = [p for p in result.written if keep_docx or not p.endswith(".docx")]
        written += [p[: -len(".docx")] + ".pdf" for p in result.written if p.endswith(".docx")]
        summary.results[index] = FilingResult(**{**result.__dict__, "written": tuple(written)})


__all__ = [
    "BatchOptions",
    "BatchSummary",
    "FilingResult",
    "convert_written_pdfs",
    "discover",
    "in_shard",
    "parse_shard",
    "run_batch",
]
