"""Reading a .docx template safely: the zip and every XML part checked once, when it is loaded.

A .docx is a zip of parts. Before any part is compiled or copied into an output,
:func:`read_template_archive` refuses, as a :class:`~docgen.errors.BrokenTemplateError` (exit 3) naming
the file and the part:

- a file that is not a zip, or is cut short; a part whose data fails its CRC check, is encrypted,
  or uses a compression method other than those Word writes (stored, deflate);
- a zip beyond the bounds of :mod:`docgen.render.limits`: too many parts, a part declaring more
  than ``MAX_ENTRY_SIZE`` bytes, more than ``MAX_TOTAL_SIZE`` in all, or a large part expanding
  more than ``MAX_RATIO`` times (a zip bomb) — judged from the sizes the zip declares, before
  anything is decompressed (a part is never read past its declared size);
- an XML part (``.xml``, ``.rels``) that is not well-formed XML, or that has a document type
  declaration (``<!DOCTYPE``: entities, external or expanding, have no place in a Word file);
- a part docgen renders (``word/document.xml``, headers, footers, footnotes) that is not UTF-8.

The same checks serve ``docgen render``, ``docgen templates check`` and ``docgen templates text``.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from docgen.errors import BrokenTemplateError
from docgen.render import limits

RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
"""The parts docgen renders as templates (the others are copied as they are)."""
READABLE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
XML_SUFFIXES = (".xml", ".rels")
_DOCTYPE = b"<!DOCTYPE"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
)


class ArchiveError(BrokenTemplateError):
    """A .docx template that cannot be used as it is: ``part`` names the zip part, if one."""

    def __init__(self, label: str, detail: str, part: str | None = None) -> None:
        super().__init__(f"{label} ({part})" if part else label, detail)
        self.part = part


def read_template_archive(
    source: Path | bytes, name: str | None = None
) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Every part of the .docx ``source`` (a path, or its bytes), checked as the module says."""
    label = name or ("the template" if isinstance(source, bytes) else str(source))
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as exc:
        raise ArchiveError(label, f"cannot be read ({exc.strerror})") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ArchiveError(
            label, f"not a Word document: the file is not a readable zip ({_said(exc)})"
        ) from None
    with archive:
        infos = archive.infolist()
        check_declared(label, infos)
        entries = [(info, _read(label, archive, info)) for info in infos]
    for info, part in entries:
        if info.filename.endswith(XML_SUFFIXES):
            check_xml(label, info.filename, part, utf8=bool(RENDERED_PART.match(info.filename)))
    return entries


def check_declared(label: str, infos: list[zipfile.ZipInfo]) -> None:
    """The zip's own account of its parts, before any is read."""
    if len(infos) > limits.MAX_ENTRIES:
        raise ArchiveError(
            label, f"the zip has {len(infos):,} parts; a template may have {limits.MAX_ENTRIES:,}"
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ArchiveError(
                label,
                "the part is encrypted; save the template again without a password",
                info.filename,
            )
        if info.compress_type not in READABLE_METHODS:
            raise ArchiveError(
                label,
                f"the part uses zip compression method {info.compress_type}, which docgen does "
                "not read (Word writes deflate); save the template again in Word or LibreOffice",
                info.filename,
            )
        if info.file_size > limits.MAX_ENTRY_SIZE:
            raise ArchiveError(
                label,
                f"the part declares {info.file_size:,} bytes; a part of a template may have at "
                f"most {limits.MAX_ENTRY_SIZE:,}",
                info.filename,
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.RATIO_FLOOR and ratio > limits.MAX_RATIO:
            raise ArchiveError(
                label,
                f"the part expands {ratio:,.0f} times ({info.compress_size:,} bytes to "
                f"{info.file_size:,}), as a zip bomb does; a template's parts expand at most "
                f"{limits.MAX_RATIO} times",
                info.filename,
            )
        total += info.file_size
    if total > limits.MAX_TOTAL_SIZE:
        raise ArchiveError(
            label,
            f"the parts declare {total:,} bytes in all; a template may have at most "
            f"{limits.MAX_TOTAL_SIZE:,}",
        )


def _read(label: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part (never more than its declared size), or why it cannot be read."""
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
        reason = "its data fails the zip's CRC check" if "CRC" in str(exc) else _said(exc)
        raise ArchiveError(
            label,
            f"the part cannot be read: {reason}; the file is damaged (copy it again, or save it "
            "again in Word)",
            info.filename,
        ) from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted, or an unknown method
        raise ArchiveError(label, f"the part cannot be read: {exc}", info.filename) from None


_PASSED: dict[tuple[bytes, bool], None] = {}
"""SHA-256 digests of the parts already seen to pass :func:`check_xml`: the parts templates share
(styles, numbering, theme) are parsed once per process. A digest, not the zip's CRC, which a
hostile part could be made to match."""
_PASSED_MAX = 4096


def check_xml(label: str, part: str, data: bytes, utf8: bool = False) -> None:
    """A part that must be XML: well-formed, without a document type declaration, and UTF-8
    where docgen reads it as text."""
    key = (hashlib.sha256(data).digest(), utf8)
    if key in _PASSED:
        return
    _check_xml(label, part, data, utf8)
    if len(_PASSED) < _PASSED_MAX:
        _PASSED[key] = None


def _check_xml(label: str, part: str, data: bytes, utf8: bool) -> None:
    if utf8:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ArchiveError(
                label,
                f"the part is not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
                "save the template again in Word or LibreOffice",
                part,
            ) from None
    try:
        root = None if _DOCTYPE in data else etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ArchiveError(
            label, f"the part is not well-formed XML ({exc.msg}); it was not used", part
        ) from None
    info = root.getroottree().docinfo if root is not None else None
    if info is None or info.doctype or info.internalDTD is not None or info.externalDTD:
        raise ArchiveError(
            label,
            "the part has a document type declaration (<!DOCTYPE …>), which a Word file never "
            "has (it can declare entities that read files or expand without end); it was refused",
            part,
        )


def _said(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
