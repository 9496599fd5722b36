"""The markup of a Word template's ``.md`` source (docs/template-source.md), parsed into blocks.

Title and headings (``#`` … ``####``), body paragraphs, the ``{#right#}``/``{#center#}``/
``{#flush#}``/``{#pagebreak#}`` markers, lines of block tags (``{%p %}`` paragraphs in Word) and
``| … |`` tables whose ``{% … %}`` rows become ``{%tr %}`` rows. ``build_word_templates.py`` lays
the blocks out; nothing here knows about Word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

TAG = re.compile(r"\{%[-+]?\s*(.*?)\s*[-+]?%\}", re.S)
# A line of block tags only. A tag body never spans a "%}": with ``.*?`` the pattern also matched
# "{% if a %}text{% endif %}" (the line starts and ends with a tag), and the inline text became
# {%p %} paragraphs that docxtpl removed (the attorney's phone line, the pending-case sentence).
TAGS_ONLY = re.compile(r"\s*(?:\{%(?:(?!%\}).)*%\}\s*)+", re.S)
COMMENTS_ONLY = re.compile(r"\s*(?:\{#(?:(?!#\}).)*#\}\s*)+", re.S)
MARKER = re.compile(r"\{#\s*(right|center|flush|pagebreak)\s*#\}")
HEADING = re.compile(r"(#{1,4}) +(.*)")
SEPARATOR = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
CELL_TOKEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\\\||\|", re.S)


class SourceError(ValueError):
    """A construct of the .md source that has no Word equivalent."""


# ---------------------------------------------------------------- parsing the .md source


@dataclass
class Para:
    text: str
    kind: str  # title, h1, h2, h3, body, plain, tag
    align: str | None = None
    page_break: bool = False


@dataclass
class Row:
    cells: list[tuple[str, str | None]]  # (text, alignment)
    tag: str | None = None  # body of a {%tr %} row


@dataclass
class Table:
    header: Row
    rows: list[Row]
    widths: list[int]
    page_break: bool = False


@dataclass
class Parsed:
    blocks: list[Para | Table] = field(default_factory=list)
    title: str | None = None
    pending_break: bool = False

    def add(self, block: Para | Table) -> None:
        if block.page_break or (self.pending_break and not is_tag(block)):
            block.page_break, self.pending_break = True, False
        self.blocks.append(block)


def is_tag(block: Para | Table) -> bool:
    return isinstance(block, Para) and block.kind == "tag"


def logical_lines(source: str) -> Iterator[tuple[int, str]]:
    """Numbered lines, a Jinja tag spanning several lines joined into one."""
    pending, start = "", 0
    for number, line in enumerate(source.splitlines(), 1):
        if pending:
            pending = f"{pending} {line.strip()}"
        else:
            pending, start = line.rstrip(), number
        if not re.search(r"\{[{%#]", JINJA.sub("", pending)):
            yield start, pending
            pending = ""
    if pending:
        raise SourceError(f"line {start}: a Jinja tag is never closed")


def tag_bodies(text: str, number: int) -> list[str] | None:
    """The bodies of the block tags if the text holds only block tags, else None."""
    if not TAGS_ONLY.fullmatch(text):
        return None
    bodies = TAG.findall(text)
    for body in bodies:
        if re.search(r"[%}]", body):
            raise SourceError(f"line {number}: docxtpl cannot take '%' or '}}' in {{% {body} %}}")
    return bodies


def strip_markers(text: str) -> tuple[str, set[str]]:
    markers = set(MARKER.findall(text))
    return MARKER.sub("", text).strip(), markers


def parse_line(text: str, number: int) -> list[Para]:
    """The paragraphs of one non-table line; ``{#pagebreak#}`` alone gives a "break" Para."""
    text, markers = strip_markers(text)
    breaks = [Para("", "break")] if "pagebreak" in markers else []
    bodies = tag_bodies(text, number)
    if bodies is not None:
        return [*breaks, *(Para(body, "tag") for body in bodies)]
    if not text or COMMENTS_ONLY.fullmatch(text):
        return breaks
    align = marker_align(markers)
    heading = HEADING.fullmatch(text)
    if heading:
        kind = ("title", "h1", "h2", "h3")[len(heading.group(1)) - 1]
        return [*breaks, Para(heading.group(2).strip(), kind, align)]
    kind = "plain" if align or "flush" in markers else "body"
    return [*breaks, Para(text, kind, align)]


def split_cells(line: str) -> list[str]:
    """The cells of a ``| a | b |`` line; ``|`` inside Jinja tags and ``\\|`` stay text."""
    cells: list[str] = []
    current: list[str] = []
    position = 0
    for match in CELL_TOKEN.finditer(line):
        current.append(line[position : match.start()])
        token = match.group()
        if token == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append("|" if token == "\\|" else token)
        position = match.end()
    cells.append("".join([*current, line[position:]]))
    cells = cells[1:]  # the text before the leading pipe
    if cells and not cells[-1].strip():
        cells.pop()
    return [cell.strip() for cell in cells]


def parse_row(line: str, columns: int, number: int) -> Row:
    cells = split_cells(line)
    if len(cells) > columns:
        raise SourceError(f"line {number}: {len(cells)} cells in a table of {columns} columns")
    cells += [""] * (columns - len(cells))
    bodies = tag_bodies(cells[0], number) if cells[0] else None
    if bodies is not None:
        if any(cells[1:]) or len(bodies) != 1:
            raise SourceError(f"line {number}: a {{%tr %}} row holds one tag and nothing else")
        return Row([(text, None) for text in cells], bodies[0])
    marked = [strip_markers(cell) for cell in cells]
    return Row([(text, marker_align(markers)) for text, markers in marked])


def marker_align(markers: set[str]) -> str | None:
    return "right" if "right" in markers else "center" if "center" in markers else None


def parse_table(lines: list[tuple[int, str]]) -> Table:
    """A table from its lines: header row, ``|---|`` separator, body rows."""
    number = lines[0][0]
    if len(lines) < 2 or not SEPARATOR.fullmatch(lines[1][1].strip()):
        raise SourceError(f"line {number}: a table needs a |---| line after its header row")
    separator = split_cells(lines[1][1].strip())
    widths = [cell.count("-") for cell in separator]
    aligns = [_separator_align(cell) for cell in separator]
    header = parse_row(lines[0][1], len(widths), number)
    rows = [parse_row(text, len(widths), n) for n, text in lines[2:]]
    for row in [header, *rows]:
        if row.tag is None:
            row.cells = [
                (text, own or col) for (text, own), col in zip(row.cells, aligns, strict=True)
            ]
    return Table(header, rows, widths)


def _separator_align(cell: str) -> str | None:
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    return "right" if cell.endswith(":") else None


def parse(source: str) -> Parsed:
    """The blocks of a template source, in order."""
    parsed = Parsed()
    lines = list(logical_lines(source))
    index = 0
    while index < len(lines):
        number, text = lines[index]
        if text.lstrip().startswith("|"):
            end = index
            while end < len(lines) and lines[end][1].lstrip().startswith("|"):
                end += 1
            parsed.add(parse_table([(n, t.strip()) for n, t in lines[index:end]]))
            index = end
            continue
        for para in parse_line(text, number) if text.strip() else []:
            _add_para(parsed, para)
        index += 1
    return parsed


def _add_para(parsed: Parsed, para: Para) -> None:
    if para.kind == "break":
        parsed.pending_break = True
        return
    if para.kind == "title" and parsed.title is None:
        parsed.title = para.text
    parsed.add(para)
