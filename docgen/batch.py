"""batch: many case files through the same pipeline, in worker processes, with reports for CI.

Each case × filing succeeds or fails on its own; a broken case never stops the others. Workers
keep their compiled templates between cases (see ``render.word.load_word_template``), write their
files themselves and send back only small results, so memory does not grow with the number of
cases. PDFs are converted afterwards by one LibreOffice process for many documents.
"""

from __future__ import annotations

import glob
import hashlib
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from docgen.case.load import LoadedCase, load_case
from docgen.errors import CaseError, DocgenError, UsageError
from docgen.filings import Filing
from docgen.law.findings import Finding
from docgen.pipeline import chosen_filings, render_filing
from docgen.render.document import RenderOptions
from docgen.render.output import RenderedFile, write_atomically, write_files

PDF_CHUNK = 200
"""Documents a single LibreOffice run converts in a batch."""
IN_FLIGHT_PER_WORKER = 4
"""Cases submitted ahead per worker: enough to keep workers busy, few enough to bound memory."""


@dataclass(frozen=True)
class BatchOptions:
    """Where a batch writes, and what it renders of each case (the options ``render`` takes)."""

    out_dir: Path
    render: RenderOptions = field(default_factory=RenderOptions)


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
    to_convert: tuple[str, ...] = ()
    """Written .docx files still to be converted to PDF (by :class:`PdfQueue`)."""


@dataclass(frozen=True, order=True)
class FoundCase:
    """A case file, and the key that places it in a shard: its path relative to the folder it was
    found under (or as named), so that every CI job agrees whatever its checkout directory."""

    key: str
    path: Path


def discover(paths: Sequence[str]) -> list[FoundCase]:
    """Case files named, found under folders (``case.toml``), or matched by globs; sorted."""
    found: dict[Path, FoundCase] = {}
    for text in paths:
        for case in _expand(text):
            found.setdefault(case.path.resolve(), case)
    return sorted(found.values())


def _expand(text: str) -> list[FoundCase]:
    path = Path(text)
    if path.is_dir():
        return [FoundCase(c.relative_to(path).as_posix(), c) for c in path.rglob("case.toml")]
    if path.is_file():
        return [FoundCase(path.name if path.is_absolute() else path.as_posix(), path)]
    matches = [Path(m) for m in glob.glob(text, recursive=True)]
    if not matches:
        raise UsageError(f"{text}: no such case file or folder")
    files = [m for m in matches if m.is_file()]
    files += [c for m in matches if m.is_dir() for c in m.rglob("case.toml")]
    return [FoundCase(_glob_key(text, f), f) for f in files]


def _glob_key(pattern: str, match: Path) -> str:
    """The match relative to the pattern's fixed leading folders."""
    fixed = Path(pattern.split("*")[0].split("?")[0].split("[")[0])
    base = fixed if fixed.is_dir() else fixed.parent
    return match.relative_to(base).as_posix()


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """``"2/4"`` → (2, 4): the second of four shards, counted from 1."""
    if text is None:
        return None
    index, _, total = text.partition("/")
    if not (index.isdigit() and total.isdigit() and 1 <= int(index) <= int(total)):
        raise UsageError(f"--shard takes I/N with 1 ≤ I ≤ N, not `{text}`")
    return int(index), int(total)


def select_shard(cases: Sequence[FoundCase], shard: tuple[int, int] | None) -> list[FoundCase]:
    """Shard I of N: the cases ordered by a hash of their key, cut into N runs whose sizes differ
    by at most one. The order does not depend on which other cases exist, so adding or removing a
    case moves at most one case across each of the N - 1 cuts."""
    if shard is None:
        return list(cases)
    index, total = shard
    ordered = sorted(cases, key=lambda c: (hashlib.sha256(c.key.encode("utf-8")).digest(), c))
    start, end = (index - 1) * len(ordered) // total, index * len(ordered) // total
    return sorted(ordered[start:end])


def render_case_filings(path: Path, options: BatchOptions) -> list[FilingResult]:
    """Every requested filing of one case, each on its own (runs in a worker process)."""
    names = options.render.filings
    try:
        loaded = load_case(path)
        filings = chosen_filings(loaded, options.render)
    except DocgenError as exc:
        return [_failure(path, None, name, exc) for name in names or ("*",)]
    return [_render_filing(loaded, filing, options) for filing in filings]


def _render_filing(loaded: LoadedCase, filing: Filing, options: BatchOptions) -> FilingResult:
    try:
        rendered = render_filing(loaded, filing, options.render)
    except DocgenError as exc:
        return _failure(loaded.path, loaded, filing.id, exc)
    if not rendered.ok:
        return _result(loaded, filing.id, False, rendered.findings)
    findings, formats = rendered.findings, options.render.formats
    written = [str(p) for p in write_files(options.out_dir, list(rendered.files))]
    if "pdf" not in formats:
        return _result(loaded, filing.id, True, findings, tuple(written))
    docx = tuple(p for p in written if p.endswith(".docx"))
    shown = [p for p in written if "docx" in formats or not p.endswith(".docx")]
    shown += [p.removesuffix(".docx") + ".pdf" for p in docx]
    return _result(loaded, filing.id, True, findings, tuple(shown), docx)


def _result(
    loaded: LoadedCase,
    filing: str,
    ok: bool,
    findings: Sequence[Finding],
    written: tuple[str, ...] = (),
    to_convert: tuple[str, ...] = (),
) -> FilingResult:
    return FilingResult(
        str(loaded.path),
        loaded.case.case.id,
        filing,
        ok,
        tuple(findings),
        written,
        None,
        to_convert,
    )


def _failure(path: Path, loaded: LoadedCase | None, filing: str, exc: DocgenError) -> FilingResult:
    findings = tuple(exc.findings) if isinstance(exc, CaseError) else ()
    case_id = loaded.case.case.id if loaded else None
    return FilingResult(str(path), case_id, filing, False, findings, (), exc.message)


def run_batch(
    cases: Sequence[Path], options: BatchOptions, jobs: int
) -> Iterator[list[FilingResult]]:
    """The results of each case, in order; at most a few cases per worker are in flight."""
    if jobs <= 1:
        for case in cases:
            yield render_case_filings(case, options)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: deque[Future[list[FilingResult]]] = deque()
        for case in cases:
            window.append(pool.submit(render_case_filings, case, options))
            if len(window) >= IN_FLIGHT_PER_WORKER * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


class ResultSpool:
    """Every result on disk as it arrives, with a small index in memory, so that a batch of any
    size keeps flat memory; reports and the list of failures read them back in a stable order."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115  closed by close() / __exit__
        self._index: list[tuple[str, str, bool, int]] = []
        self.documents = 0

    def add(self, result: FilingResult) -> None:
        self._index.append((result.case, result.filing, result.ok, self._file.tell()))
        pickle.dump(result, self._file)
        self.documents += len(result.written)

    @property
    def count(self) -> int:
        return len(self._index)

    @property
    def failures(self) -> int:
        return sum(1 for *_, ok, _ in self._index if not ok)

    def cases(self) -> int:
        return len({case for case, *_ in self._index})

    def results(self, failed_only: bool = False) -> Iterator[FilingResult]:
        """The results sorted by case and filing (only the failed ones if asked)."""
        for _, _, ok, offset in sorted(self._index):
            if ok and failed_only:
                continue
            self._file.seek(offset)
            result: FilingResult = pickle.load(self._file)
            yield result
        self._file.seek(0, os.SEEK_END)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ResultSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PdfQueue:
    """Rendered .docx files waiting for PDF, converted a chunk per LibreOffice run."""

    def __init__(self, keep_docx: bool) -> None:
        from docgen.render.pdf import find_office

        find_office()  # a missing LibreOffice stops the batch before anything is rendered
        self.keep_docx = keep_docx
        self._pending: list[Path] = []

    def add(self, paths: Iterable[str]) -> None:
        self._pending += map(Path, paths)
        if len(self._pending) >= PDF_CHUNK:
            self.flush()

    def flush(self) -> None:
        from docgen.render.pdf import convert_to_pdf

        chunk = [RenderedFile(p, p.read_bytes()) for p in self._pending]
        for pdf in convert_to_pdf(chunk):
            write_atomically(pdf.relative, pdf.data)
        if not self.keep_docx:
            for path in self._pending:
                path.unlink()
        self._pending = []


__all__ = [
    "BatchOptions",
    "FilingResult",
    "FoundCase",
    "PdfQueue",
    "ResultSpool",
    "discover",
    "parse_shard",
    "run_batch",
    "select_shard",
]
