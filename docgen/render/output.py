"""Output naming and writing: every file whole or not at all, and a render's files as one set.

A .docx is checked as it is made (:class:`RenderedFile`): every XML part must parse, so that no
value can reach a Word file in a form Word cannot read, whatever a template or a case holds.
:func:`write_files` writes a render's files as a set: all new, or, when anything fails (a full
disk, a target that is a folder), all as they were before.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from docgen.errors import BrokenTemplateError, InvalidRequestError
from docgen.findings import Language


@dataclass(frozen=True)
class RenderedFile:
    """One output, in memory, with its path relative to the output folder.

    A .docx whose XML parts do not all parse is refused here (a :class:`BrokenTemplateError`), before
    it can be written or given to LibreOffice: the last line of defence behind the loader, which
    refuses the characters XML cannot hold.
    """

    relative: Path
    data: bytes

    def __post_init__(self) -> None:
        if self.relative.suffix == ".docx":
            check_word_parts(self.relative, self.data)


_VERIFIED: dict[tuple[str, int, int], None] = {}
"""(part, CRC-32, size) of parts already seen to parse: the parts a template passes through
unchanged (styles, themes) are parsed once per process, not once per document."""
_VERIFIED_MAX = 4096


def check_word_parts(name: Path, data: bytes) -> None:
    """Raise :class:`BrokenTemplateError` unless ``data`` is a zip whose every XML part is well-formed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                key = (info.filename, info.CRC, info.file_size)
                if not info.filename.endswith((".xml", ".rels")) or key in _VERIFIED:
                    continue
                try:
                    etree.fromstring(archive.read(info), parser)
                except etree.XMLSyntaxError as exc:
                    raise BrokenTemplateError(
                        str(name),
                        f"{info.filename} would not be well-formed XML ({exc.msg}), so Word could "
                        "not open the document; it was not written",
                    ) from None
                if len(_VERIFIED) < _VERIFIED_MAX:
                    _VERIFIED[key] = None
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise BrokenTemplateError(str(name), f"not a valid Word document ({exc})") from None


def output_name(case_id: str, filing: str, lang: Language, ext: str) -> Path:
    """``<case.id>/<filing>.<lang>.<ext>``."""
    return Path(case_id) / f"{filing}.{lang}.{ext}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename it into place."""
    write_atomically_with(path, lambda stream: stream.write(data))


def write_atomically_with(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Let ``write`` fill a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_files(out_dir: Path, files: Sequence[RenderedFile]) -> list[Path]:
    """Write every rendered file under ``out_dir`` as one set; the paths written, in order.

    Each file is first written whole to a temporary file in its own target folder; only when all
    of them are written is each renamed into place (an old version is kept as a hard link until
    the last rename succeeds, and put back if one fails). On any failure the temporary files are
    removed and the folder holds the files it held before: never a mix of new and old versions.
    """
    targets = [out_dir / item.relative for item in files]
    staged: list[tuple[Path, Path]] = []
    created: list[Path] = []
    try:
        for item, target in zip(files, targets, strict=True):
            if target.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
            staged.append((_stage(target, item.data, created), target))
        _commit(staged)
    except BaseException as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if still empty
        if isinstance(exc, OSError):
            where = exc.filename or out_dir
            raise InvalidRequestError(f"{where}: cannot write output ({exc.strerror})") from None
        raise
    return targets


def _stage(target: Path, data: bytes, created: list[Path]) -> Path:
    """``data`` written whole to a new temporary file beside ``target``."""
    missing = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
    target.parent.mkdir(parents=True, exist_ok=True)
    created.extend(reversed(missing))
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _commit(staged: Sequence[tuple[Path, Path]]) -> None:
    """Rename each temporary file onto its target; if a rename fails, put the old set back."""
    done: list[tuple[Path, Path | None, bool]] = []  # (target, kept old version, existed)
    try:
        for temporary, target in staged:
            existed = target.is_file()
            done.append((target, _keep(target) if existed else None, existed))
            os.replace(temporary, target)
    except BaseException:
        for target, kept, existed in reversed(done):
            with contextlib.suppress(OSError):
                if kept is not None:
                    os.replace(kept, target)
                elif not existed:
                    target.unlink(missing_ok=True)
        raise
    finally:
        for _, kept, _ in done:
            if kept is not None:
                kept.unlink(missing_ok=True)


def _keep(target: Path) -> Path | None:
    """A hard link to the current version of ``target`` (None where links are not supported)."""
    kept = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    try:
        os.link(target, kept)
    except OSError:
        return None
    return kept
