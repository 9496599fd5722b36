"""PDF through LibreOffice headless: one office process converts every document of a run.

The documents are copied into a temporary ``docgen-pdf-*`` folder for LibreOffice, removed when
the run ends; a run that is killed cannot remove it, so every run first removes the folders of
runs that are over (:func:`remove_stale_work_folders`: no process holds their lock).

LibreOffice stamps each PDF with the time of conversion and a random document id; both are
replaced in place (same length, so the cross-reference offsets stay valid) by values derived from
the document itself, so the same .docx always gives the same PDF bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: stale folders are recognised by their age
    fcntl = None  # type: ignore[assignment]

from docgen.errors import InvalidRequestError, ToolFailedError, ToolMissingError
from docgen.render.output import RenderedFile

INSTALL_HINT = (
    "PDF output needs LibreOffice: on Debian or Ubuntu, "
    "`sudo apt-get install libreoffice-writer-nogui fonts-ipaexfont-mincho fonts-ipaexfont-gothic`"
)
CONVERSION_TIMEOUT = 600.0
"""Seconds a LibreOffice run may take unless DOCGEN_PDF_TIMEOUT (or --pdf-timeout) says."""
NOISE = re.compile(r"javaldx|failed to read path from javaldx|^Warning:|^\s*$")
"""LibreOffice's start-up chatter, never the reason a conversion failed."""


def conversion_timeout() -> float:
    value = os.environ.get("DOCGEN_PDF_TIMEOUT", "").strip()
    if not value:
        return CONVERSION_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if seconds < 1:
        raise InvalidRequestError(f"DOCGEN_PDF_TIMEOUT must be a number of seconds ≥ 1, not `{value}`")
    return seconds


def find_office() -> str:
    """The LibreOffice program, or a clear error saying what to install."""
    for name in (os.environ.get("DOCGEN_SOFFICE", ""), "soffice", "libreoffice"):
        if name and (found := shutil.which(name)):
            return found
    raise ToolMissingError(INSTALL_HINT)


def convert_to_pdf(documents: Sequence[RenderedFile]) -> list[RenderedFile]:
    """The PDF of each .docx, converted by a single LibreOffice process."""
    if not documents:
        return []
    office = find_office()
    remove_stale_work_folders()
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX) as work, _claimed(Path(work)):
        root = Path(work)
        sources = _write_sources(root, documents)
        _run_office(office, root, sources)
        return [
            RenderedFile(doc.relative.with_suffix(".pdf"), _stable(_read_pdf(source)))
            for doc, source in zip(documents, sources, strict=True)
        ]


WORK_PREFIX = "docgen-pdf-"
"""The temporary folders where LibreOffice converts: they hold a copy of every document."""
LOCK_NAME = ".owner.lock"
YOUNG = 5.0
"""Seconds during which a new work folder is never taken for stale (its lock is being taken)."""
STALE_AFTER = 24 * 3600.0
"""Seconds after which a work folder no process can be seen to own is removed (where files
cannot be locked)."""


@contextlib.contextmanager
def _claimed(folder: Path) -> Iterator[None]:
    """Hold a lock on ``folder`` while it is in use: a process that is killed (``kill -9``)
    cannot remove its folder, but its lock goes with it, so the next run removes the folder."""
    with open(folder / LOCK_NAME, "wb") as lock:
        if fcntl is not None:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield


def remove_stale_work_folders(root: Path | None = None) -> list[Path]:
    """Remove the work folders of runs that are over (killed before they could clean up); the
    folders removed. A folder is stale when no process holds its lock (or, where files cannot be
    locked, when it has not changed for :data:`STALE_AFTER` seconds)."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(f"{WORK_PREFIX}*"):
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            if _stale(folder):
                shutil.rmtree(folder)
                removed.append(folder)
        except OSError:  # another run removes it, or it is not ours
            continue
    return removed


def _stale(folder: Path) -> bool:
    lock = folder / LOCK_NAME
    age = time.time() - folder.stat().st_ctime
    if fcntl is None or not lock.is_file():
        return age > STALE_AFTER
    if age < YOUNG:  # its run may not have taken the lock yet
        return False
    with open(lock, "rb") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a running conversion holds it
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return True


def _write_sources(root: Path, documents: Sequence[RenderedFile]) -> list[Path]:
    sources = []
    for index, doc in enumerate(documents):
        source = root / "in" / f"{index:05d}.docx"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(doc.data)
        sources.append(source)
    return sources


def office_environment() -> dict[str, str]:
    """The environment LibreOffice runs in: UTC, so that the dates it writes into a PDF (later
    replaced by fixed ones of the same length) have one length under any ``TZ``."""
    return {**os.environ, "TZ": "UTC"}


def _run_office(office: str, root: Path, sources: Sequence[Path]) -> None:
    profile = (root / "profile").as_uri()
    command = [
        office,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(root / "out"),
        *map(str, sources),
    ]
    timeout = conversion_timeout()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=office_environment(),
        start_new_session=True,  # its own process group: a timeout ends its children too
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise ToolFailedError(
            f"LibreOffice did not finish within {timeout:g} s and was stopped; "
            "try again, or allow more time with --pdf-timeout SECONDS"
        ) from None
    if process.returncode != 0:
        raise ToolFailedError(f"LibreOffice failed to convert to PDF: {_reason(stderr, stdout)}")


def _kill_group(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _reason(*outputs: str) -> str:
    """LibreOffice's own message, without the start-up chatter it prints on every run."""
    lines = [line for out in outputs for line in (out or "").splitlines() if not NOISE.search(line)]
    return " ".join(lines[-2:]) if lines else "no message (it exited with an error)"


def _read_pdf(source: Path) -> bytes:
    pdf = source.parent.parent / "out" / source.with_suffix(".pdf").name
    if not pdf.is_file():
        raise ToolFailedError(f"LibreOffice wrote no PDF for {source.name}")
    data = pdf.read_bytes()
    if not _is_valid_pdf(data):
        raise ToolFailedError(f"LibreOffice wrote an invalid PDF for {source.name} ({len(data)} bytes)")
    return data


def _is_valid_pdf(data: bytes) -> bool:
    """A PDF that parses and has at least one page (a truncated file does not)."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(io.BytesIO(data), strict=False).pages) > 0
    except (PdfReadError, ValueError, KeyError, OSError):
        return False


_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</xmp:)")


def _stable(pdf: bytes) -> bytes:
    """The PDF with its conversion time and random id replaced by same-length stable values."""
    volatile = (_DATE, _ID, _CHECKSUM, _XMP_DATE)
    content = pdf
    for pattern in volatile:
        content = pattern.sub(b"", content)
    digest = hashlib.sha256(content).hexdigest().upper().encode()

    def hexed(size: int) -> bytes:
        return (digest * 4)[:size]

    def fixed_date(match: re.Match[bytes]) -> bytes:
        return _same_length(match.group(0), b"/" + match.group(1) + b"(D:19800101000000Z)")

    def fixed_id(match: re.Match[bytes]) -> bytes:
        value = hexed(len(match.group(1)))
        return match.group(0).replace(match.group(1), value).replace(match.group(2), value)

    def fixed_checksum(match: re.Match[bytes]) -> bytes:
        return match.group(0).replace(match.group(1), hexed(len(match.group(1))))

    def fixed_xmp(match: re.Match[bytes]) -> bytes:
        return match.group(1) + _pad(b"1980-01-01T00:00:00Z", len(match.group(2))) + match.group(3)

    pdf = _DATE.sub(fixed_date, pdf)
    pdf = _ID.sub(fixed_id, pdf)
    pdf = _CHECKSUM.sub(fixed_checksum, pdf)
    return _XMP_DATE.sub(fixed_xmp, pdf)


def _pad(value: bytes, size: int) -> bytes:
    return value[:size].ljust(size, b" ")


def _same_length(original: bytes, replacement: bytes) -> bytes:
    if len(replacement) > len(original):
        return original
    return replacement + b" " * (len(original) - len(replacement))
