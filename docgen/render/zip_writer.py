"""A minimal, deterministic zip writer that takes parts already compressed.

A Word document is a zip whose parts are, but for one to four, the template's own (styles,
fonts, theme, settings). :mod:`zipfile` re-compresses every part it writes, which was a fifth of
a batch's time; here each unchanged part is deflated once per template and its compressed bytes
copied into every document. Every entry carries the same fixed timestamp (1980-01-01 00:00) and
Unix permissions 0644, so the same parts always give the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_VERSION = 20  # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the external attributes are permissions
_PERMISSIONS = 0o644 << 16
_DEFLATED = 8


@dataclass(frozen=True)
class Entry:
    """One part of the archive, compressed."""

    name: str
    crc: int
    size: int
    compressed: bytes


def deflate(name: str, data: bytes) -> Entry:
    """``data`` as a deflated entry called ``name``."""
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    compressed = packer.compress(data) + packer.flush()
    return Entry(name, zlib.crc32(data), len(data), compressed)


def write_zip(entries: Iterable[Entry]) -> bytes:
    """The zip archive of ``entries``, in their order."""
    body = bytearray()
    directory = bytearray()
    count = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        common = struct.pack(
            "<HHHHHIII",
            _VERSION,
            flags,
            _DEFLATED,
            _DOS_TIME,
            _DOS_DATE,
            entry.crc,
            len(entry.compressed),
            entry.size,
        )
        offset = len(body)
        body += struct.pack("<I", 0x04034B50) + common + struct.pack("<HH", len(name), 0)
        body += name + entry.compressed
        directory += struct.pack("<IH", 0x02014B50, _MADE_BY) + common
        directory += struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, _PERMISSIONS, offset) + name
        count += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(body), 0)
    return bytes(body + directory + end)
