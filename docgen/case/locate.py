"""Find the line of a key path in TOML source text.

``tomllib`` gives values without positions, so this scanner records, for every header and every
``key = value`` line, the key path it defines; a path is then located at the longest recorded prefix
(a missing key is reported at its table's header). Good enough for case files, which use plain
headers, arrays of tables and inline tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

PathPart = str | int
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split_key(text: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return [p.strip("\"'") for p in parts]


def key_lines(source: str) -> list[tuple[tuple[PathPart, ...], int]]:
    """Every (key path, 1-based line) a TOML document defines, in order."""
    entries: list[tuple[tuple[PathPart, ...], int]] = []
    counts: dict[tuple[PathPart, ...], int] = {}
    table: tuple[PathPart, ...] = ()
    in_multiline: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header:
            table = _header_path(header.group(1), _split_key(header.group(2)), table, counts)
            entries.append((table, number))
            continue
        key = _KEY.match(line)
        if key:
            entries.append((table + tuple(_split_key(key.group(1))), number))
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
    return entries


def _header_path(
    brackets: str,
    names: list[str],
    current: tuple[PathPart, ...],
    counts: dict[tuple[PathPart, ...], int],
) -> tuple[PathPart, ...]:
    # Resolve each prefix against the array tables already seen ([[posts]] then [posts.x]).
    path: tuple[PathPart, ...] = ()
    for name in names:
        path = (*path, name)
        if path in counts and (brackets == "[" or path != tuple(names)):
            path = (*path, counts[path] - 1)
    if brackets == "[[":
        key = path
        counts[key] = counts.get(key, 0) + 1
        return (*key, counts[key] - 1)
    return path


class PositionIndex:
    """The first line of every key path a TOML document defines, built once per document."""

    def __init__(self, source: str) -> None:
        self._first: dict[tuple[PathPart, ...], int] = {}
        for key_path, number in key_lines(source):
            self._first.setdefault(key_path, number)

    def line_of(self, path: Sequence[PathPart]) -> int | None:
        """The line of the longest defined prefix of ``path``, or None if nothing matches."""
        target = tuple(path)
        for size in range(len(target), 0, -1):
            found = self._first.get(target[:size])
            if found is not None:
                return found
        return None


@lru_cache(maxsize=16)
def positions(source: str) -> PositionIndex:
    """The index of ``source``; a case's findings are all located with one scan of its text."""
    return PositionIndex(source)


def line_of(source: str, path: Sequence[PathPart]) -> int | None:
    """The line that best shows ``path`` (0-based list indices), or None if nothing matches."""
    return positions(source).line_of(path)
