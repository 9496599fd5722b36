"""batch: many case files through the same pipeline, in worker processes, with reports for CI.

Each case × filing succeeds or fails on its own; a broken case never stops the others. Workers
keep their compiled templates between cases (see ``render.word.load_word_template``), write their
files themselves and send back only small results, so memory does not grow with the number of
cases. PDFs are converted afterwards by one LibreOffice process for many documents.

Before anything is rendered, cases that share a ``case.id`` (they would write the same folder)
are failed together (:func:`duplicate_ids`). A worker process that is lost (killed, out of
memory) takes no other case down: the cases it may have held are rendered again one at a time,
each in a process of its own, so only a case that brings its process down again fails. Workers
ignore Ctrl-C, which the main process handles (exit 130), and exit as soon as the main process
dies, even by ``kill -9`` (:func:`_init_worker`).
"""

from __future__ import annotations

import glob
import hashlib
import os
import pickle
import signal
import sys
import tempfile
import threading
import time
import tomllib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from docgen.case.load import LoadedCase, load_case, read_source
from docgen.errors import CaseError, DocgenError, InvalidRequestError
from docgen.filings import Filing
from docgen.findings import Finding
from docgen.pipeline import chosen_filings, render_filing
from docgen.render.document import RenderOptions
from docgen.render.output import RenderedFile, write_atomically, write_files

PDF_CHUNK = 200
"""Documents a single LibreOffice run converts in a batch."""
IN_FLIGHT_PER_WORKER = 4
"""Cases submitted ahead per worker: enough to keep workers busy, few enough to bound memory."""


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
    seconds: float = 0.0
    """Time spent on this case × filing in its worker: its render and its share of loading the
    case (the PDF conversion, done afterwards for many documents at once, is not counted)."""
    error_type: str | None = None
    """The class of the error that stopped it (``CaseError``, ``BrokenTemplateError``, or the exception
    of a defect of docgen); None when its own findings stopped it, or nothing did."""


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
        raise InvalidRequestError(f"{text}: no such case file or folder")
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
        raise InvalidRequestError(f"--shard takes I/N with 1 ≤ I ≤ N, not `{text}`")
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


def peek_case_id(path: Path) -> str | None:
    """The ``case.id`` a case file gives, read without validating anything (None if none)."""
    try:
        data = tomllib.loads(read_source(path))
    except (DocgenError, tomllib.TOMLDecodeError, RecursionError):
        return None  # the case fails on its own when it is loaded
    case = data.get("case")
    ident = case.get("id") if isinstance(case, dict) else None
    return ident if isinstance(ident, str) else None


def duplicate_ids(cases: Sequence[Path]) -> dict[Path, tuple[str, list[Path]]]:
    """Each case whose ``case.id`` another case also has → (that id, every case that has it).

    Ids are compared ignoring letter case, since ``ABC`` and ``abc`` are one folder on Windows
    and macOS. Whichever case was written last would silently replace the other's files.
    """
    by_id: dict[str, list[Path]] = {}
    names: dict[str, str] = {}
    for path in cases:
        ident = peek_case_id(path)
        if ident is not None:
            by_id.setdefault(ident.casefold(), []).append(path)
            names.setdefault(ident.casefold(), ident)
    return {
        path: (names[key], group)
        for key, group in by_id.items()
        if len(group) > 1
        for path in group
    }


def duplicate_failures(
    path: Path, ident: str, group: Sequence[Path], options: RenderOptions
) -> list[FilingResult]:
    """The failed results of a case that shares its id: they name every case with that id."""
    files = " and ".join(str(p) for p in group)
    folder = options.out_dir / ident
    error = (
        f"case.id `{ident}` is the id of {len(group)} cases, {files}: they would write the same "
        f"files in {folder}/, each over the other's; give each case its own case.id "
        "(none of them was rendered)"
    )
    return [
        FilingResult(str(path), ident, name, False, (), (), error)
        for name in options.filings or ("*",)
    ]


def render_case_filings(path: Path, options: RenderOptions) -> list[FilingResult]:
    """Every requested filing of one case, each on its own (runs in a worker process)."""
    names, started = options.filings, time.perf_counter()
    try:
        loaded = load_case(path)
        filings = chosen_filings(loaded, options)
    except DocgenError as exc:
        return _timed(started, [_failure(path, None, name, exc) for name in names or ("*",)])
    except Exception as exc:  # a defect of docgen costs this case, never the batch
        return _timed(started, [_crash(path, None, name, exc) for name in names or ("*",)])
    loading = (time.perf_counter() - started) / max(len(filings), 1)
    results = []
    for filing in filings:
        begun = time.perf_counter()
        result = _render_filing(loaded, filing, options)
        results.append(replace(result, seconds=loading + time.perf_counter() - begun))
    return results


def _timed(started: float, results: list[FilingResult]) -> list[FilingResult]:
    """``results`` sharing the time since ``started`` (a case that stopped before its filings)."""
    share = (time.perf_counter() - started) / max(len(results), 1)
    return [replace(result, seconds=share) for result in results]


def _render_filing(loaded: LoadedCase, filing: Filing, options: RenderOptions) -> FilingResult:
    try:
        return _render_and_write(loaded, filing, options)
    except DocgenError as exc:  # a broken template, or an output that cannot be written
        return _failure(loaded.path, loaded, filing.id, exc)
    except Exception as exc:
        return _crash(loaded.path, loaded, filing.id, exc)


def _render_and_write(loaded: LoadedCase, filing: Filing, options: RenderOptions) -> FilingResult:
    rendered = render_filing(loaded, filing, options)
    if not rendered.ok:
        return _result(loaded, filing.id, False, rendered.findings)
    findings, formats = rendered.findings, options.formats
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
    return FilingResult(
        str(path), case_id, filing, False, findings, (), exc.message, error_type=type(exc).__name__
    )


def _crash(path: Path, loaded: LoadedCase | None, filing: str, exc: Exception) -> FilingResult:
    case_id = loaded.case.case.id if loaded else None
    error = (
        f"docgen failed on this case ({type(exc).__name__}: {exc}); nothing of it was written. "
        "This is a defect of docgen: please report it with the case file"
    )
    return FilingResult(
        str(path), case_id, filing, False, (), (), error, error_type=type(exc).__name__
    )


def _lost(path: Path, options: RenderOptions) -> list[FilingResult]:
    error = (
        "the worker process rendering this case stopped (killed, or out of memory), and so did "
        "a process rendering it alone; it was not rendered"
    )
    return [
        FilingResult(str(path), None, name, False, (), (), error)
        for name in options.filings or ("*",)
    ]


def _ignore_interrupts() -> None:
    """Worker processes leave Ctrl-C to the main process, which stops the batch (exit 130)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


PARENT_POLL = 0.5
"""Seconds between two looks of a worker at whether the batch's main process still lives."""


class ParentGone(SystemExit):
    """The batch's main process is gone (killed): this worker stops what it does and exits.

    Not an ``Exception``, so that nothing keeps it; the writing of a render's files sees it as it
    sees Ctrl-C and leaves the old set of files in place; an idle worker exits quietly."""


def _init_worker(parent: int) -> None:
    """A worker: Ctrl-C left to the main process, and an exit as soon as that process dies.

    Without it, a worker whose parent was killed (``kill -9``) would wait forever for work that
    never comes, holding the batch's stdout and stderr, so a CI job would hang. On Linux the kernel
    sends SIGTERM when the parent dies (``PR_SET_PDEATHSIG``); everywhere, a thread looks every
    :data:`PARENT_POLL` s whether the parent still lives. Either way SIGTERM raises
    :class:`ParentGone` in the worker's main thread: what it was writing is cleaned up, then it
    exits."""
    _ignore_interrupts()
    signal.signal(signal.SIGTERM, _parent_gone)
    direct = os.getppid() == parent  # False under a fork server: the parent is then the server
    if direct:
        _ask_kernel_for_parent_death_signal()
    if not _parent_alive(parent, direct):  # died before the above took effect
        os._exit(1)
    watcher = threading.Thread(target=_watch_parent, args=(parent, direct), daemon=True)
    watcher.start()


def _parent_gone(_signum: int, _frame: object) -> None:
    raise ParentGone(1)


def _ask_kernel_for_parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):  # no prctl: the watcher thread alone
        pass


def _parent_alive(parent: int, direct: bool) -> bool:
    if direct:  # a dead parent's children are adopted by another process at once
        return os.getppid() == parent
    if os.name != "posix":  # os.kill would end the process there; trust the pool's own checks
        return True
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch_parent(parent: int, direct: bool) -> None:
    while _parent_alive(parent, direct):
        time.sleep(PARENT_POLL)
    os.kill(os.getpid(), signal.SIGTERM)


def _work(case: Path, options: RenderOptions) -> list[FilingResult]:
    """:func:`render_case_filings` in a worker, which exits if the main process dies meanwhile."""
    try:
        return render_case_filings(case, options)
    except ParentGone:
        os._exit(1)


def run_batch(
    cases: Sequence[Path],
    options: RenderOptions,
    jobs: int,
    on_lost: Callable[[int], object] | None = None,
) -> Iterator[list[FilingResult]]:
    """The results of each case; at most a few cases per worker are in flight.

    When a worker is lost, the pool cannot be used any more: the cases still in flight are each
    rendered again alone, in a process of their own, then a new pool takes the rest
    (``on_lost`` is told how many cases are rendered again).
    """
    if jobs <= 1:
        for case in cases:
            yield render_case_filings(case, options)
        return
    pending = deque(cases)
    while pending:
        held = yield from _run_pool(pending, options, jobs)
        if held and on_lost is not None:
            on_lost(len(held))
        for case in held:
            yield _render_alone(case, options)


def _run_pool(
    pending: deque[Path], options: RenderOptions, jobs: int
) -> Generator[list[FilingResult], None, list[Path]]:
    """Render ``pending`` in one pool; the cases whose results a lost worker took with it."""
    window: deque[tuple[Path, Future[list[FilingResult]]]] = deque()
    pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(os.getpid(),))
    with pool:
        try:
            while pending or window:
                while pending and len(window) < IN_FLIGHT_PER_WORKER * jobs:
                    case = pending.popleft()
                    try:
                        window.append((case, pool.submit(_work, case, options)))
                    except BrokenProcessPool:
                        pending.appendleft(case)
                        break
                if not window:  # lost before it took anything: this case goes on alone
                    return [pending.popleft()]
                case, future = window.popleft()
                try:
                    yield _outcome(case, future, options)
                except BrokenProcessPool:
                    window.appendleft((case, future))
                    break
            held = []
            for case, future in window:  # after a loss: what finished is kept, the rest retried
                try:
                    yield _outcome(case, future, options, timeout=60)
                except (BrokenProcessPool, TimeoutError):
                    held.append(case)
            return held
        except BaseException:  # Ctrl-C, or the caller stopped: start nothing more
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _outcome(
    case: Path,
    future: Future[list[FilingResult]],
    options: RenderOptions,
    timeout: float | None = None,
) -> list[FilingResult]:
    """The results of one case's future; BrokenProcessPool when its worker was lost."""
    try:
        return future.result(timeout)
    except (BrokenProcessPool, TimeoutError):
        raise
    except Exception as exc:  # e.g. a result that could not be sent back
        return [_crash(case, None, name, exc) for name in options.filings or ("*",)]


def _render_alone(case: Path, options: RenderOptions) -> list[FilingResult]:
    """One case in a process of its own: if that process is lost too, only this case fails."""
    with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(os.getpid(),)) as solo:
        try:
            return solo.submit(_work, case, options).result()
        except BrokenProcessPool:
            return _lost(case, options)


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
    "FilingResult",
    "FoundCase",
    "PdfQueue",
    "ResultSpool",
    "discover",
    "duplicate_failures",
    "duplicate_ids",
    "parse_shard",
    "run_batch",
    "select_shard",
]
