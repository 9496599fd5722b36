"""Build the Word templates (``templates_*/<name>.docx``) from their ``.md`` sources.

Implements the markup of docs/template-source.md with python-docx: title, headings, body
paragraphs, ``{#right#}``/``{#center#}``/``{#flush#}``/``{#pagebreak#}`` markers, ``{%p %}``
paragraphs for block-tag lines, bordered tables with ``{%tr %}`` rows. Japanese documents get the
court layout (A4, margins 35/20/27/30 mm, 12 pt Mincho, 37 × 26 grid), English ones A4 with
25 mm margins (30 mm left) and a serif font; both number pages in the footer. The output is
byte-identical from run to run (fixed zip timestamps, core properties without clock dates).

Font: every run names ``IPAex明朝`` as its East Asian font (and Latin font in Japanese documents).
On Debian neither ``fc-match "ＭＳ 明朝"`` nor ``fc-match "MS Mincho"`` resolves to IPAexMincho
(both give DejaVu); a document naming ＭＳ 明朝 came out of LibreOffice in IPAexGothic and DejaVu
Serif. IPAex明朝 (alias IPAexMincho) is the installed Mincho and is what the PDF embeds, with no
font configuration at PDF time. For Word, which rarely has IPAex, the font table describes the
font as Word describes ＭＳ 明朝: alternate name ＭＳ 明朝, its PANOSE number, the Shift-JIS
charset (80) and the roman family, so Word substitutes the Mincho it has (docs/templates.md).

Usage: ``python tools/build_word_templates.py [--lang ja|en] [SOURCE.md ...]`` (default: all
templates; the language comes from the folder, ``templates_en`` → en, otherwise ja).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from docgen.render.word import DocumentProperties
from docgen.render.word import core_xml as word_core_xml

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is not a package
import word_layout

ROOT = Path(__file__).resolve().parent.parent
MINCHO = "IPAex明朝"
MINCHO_ALIASES = "ＭＳ 明朝"  # what Word substitutes when IPAex明朝 is not installed
MINCHO_PANOSE = "02020609040205080304"  # ＭＳ 明朝's PANOSE classification (a serif Mincho)
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
CORE_PART = "docProps/core.xml"
# The 37 × 26 grid: "lines" fixes 26 lines a page; 160 mm of text at 12 pt already holds 37
# full-width characters. "linesAndChars" (Word's 文字数と行数を指定, w:charSpace computed below)
# makes LibreOffice pad every run of half-width digits or letters to whole grid cells in the
# PDF ("令和8 年11 月22 日"), so it is not used.
GRID_TYPE = "lines"
STYLE_OF = {
    "title": "Title",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "body": "Body Text",
    "plain": "Normal",
    "tag": "Normal",
}
STYLE_KEEPS = {"title", "h1", "h2", "h3"}
ALIGN = {
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}

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


@dataclass(frozen=True)
class Layout:
    """Page, font and paragraph settings of one language."""

    language: str
    latin_font: str
    size_pt: float
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    grid: tuple[int, int] | None  # characters per line, lines per page
    body_indent: bool
    justify: bool
    paragraph_after_pt: float
    line_spacing: int  # in 240ths of a line
    # Tables listing values (投稿記事目録, 通信目録) are set in 10.5 pt so that a date, a URL
    # segment and an account handle each fit their column.
    list_table_pt: float = 10.5

    def twips(self, mm: float) -> int:
        return round(mm * 1440 / 25.4)

    @property
    def text_width(self) -> int:
        _, right, _, left = self.margins_mm
        return self.twips(210) - self.twips(right) - self.twips(left)

    @property
    def text_height(self) -> int:
        top, _, bottom, _ = self.margins_mm
        return self.twips(297) - self.twips(top) - self.twips(bottom)

    @property
    def char_width(self) -> int:
        """One character in twips: the grid pitch, else the font size."""
        if self.grid and GRID_TYPE != "lines":
            return self.text_width // self.grid[0]
        return round(self.size_pt * 20)


JA = Layout("ja-JP", MINCHO, 12, (35, 20, 27, 30), (37, 26), True, True, 0, 240)
EN = Layout("en-US", "Times New Roman", 12, (25, 25, 25, 30), None, False, False, 6, 276)


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
        if block.page_break or (self.pending_break and not _is_tag(block)):
            block.page_break, self.pending_break = True, False
        self.blocks.append(block)


def _is_tag(block: Para | Table) -> bool:
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


# ---------------------------------------------------------------- building the document


def set_fonts(rpr: Any, layout: Layout) -> None:
    """Name the Latin and East Asian fonts explicitly (no theme fonts) in an rPr."""
    fonts = rpr.get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attribute}"), layout.latin_font)
    fonts.set(qn("w:eastAsia"), MINCHO)


def set_language(rpr: Any) -> None:
    """Latin text en-US, East Asian text ja-JP."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.attrib.clear()
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "ja-JP")


def reset_style(doc: Any, name: str, layout: Layout) -> Any:
    """A style with its own paragraph and run properties removed, then our fonts and size."""
    style = doc.styles[name]
    for tag in ("w:pPr", "w:rPr", "w:link"):
        for element in style.element.findall(qn(tag)):
            style.element.remove(element)
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, layout)
    set_language(rpr)
    style.font.size = Pt(layout.size_pt)
    return style


def setup_defaults(doc: Any, layout: Layout) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, layout)
    set_language(rpr)
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is not None:
            size.set(qn("w:val"), str(round(layout.size_pt * 2)))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.attrib.clear()
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(layout.line_spacing))
    spacing.set(qn("w:lineRule"), "auto")
    normal = reset_style(doc, "Normal", layout)
    normal.paragraph_format.alignment = (
        WD_ALIGN_PARAGRAPH.JUSTIFY if layout.justify else WD_ALIGN_PARAGRAPH.LEFT
    )
    normal.paragraph_format.widow_control = True


def set_indent(pformat: Any, layout: Layout, left: int = 0, first: int = 0) -> None:
    """Indents in characters (w:leftChars / w:firstLineChars) with a twips fallback."""
    if not left and not first:
        return
    if left:
        pformat.left_indent = Twips(left * layout.char_width)
    if first:
        pformat.first_line_indent = Twips(first * layout.char_width)
    ind = pformat._element.get_or_add_pPr().get_or_add_ind()
    if left:
        ind.set(qn("w:leftChars"), str(left * 100))
    if first:
        ind.set(qn("w:firstLineChars"), str(first * 100))


def set_outline_level(style: Any, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    ppr.insert_element_before(outline, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr")


def setup_styles(doc: Any, layout: Layout) -> None:
    setup_defaults(doc, layout)
    title = reset_style(doc, "Title", layout)
    title.font.size, title.font.bold = Pt(16), True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(layout.paragraph_after_pt * 2)
    title.paragraph_format.keep_with_next = title.paragraph_format.keep_together = True
    for level in (1, 2, 3):
        heading = reset_style(doc, f"Heading {level}", layout)
        heading.font.bold = level == 1
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.keep_together = True
        heading.paragraph_format.space_before = Pt(layout.paragraph_after_pt)
        heading.paragraph_format.space_after = Pt(layout.paragraph_after_pt)
        set_indent(heading.paragraph_format, layout, left=level - 1)
        set_outline_level(heading, level - 1)
    body = reset_style(doc, "Body Text", layout)
    body.paragraph_format.space_after = Pt(layout.paragraph_after_pt)
    if layout.body_indent:
        set_indent(body.paragraph_format, layout, first=1)
    footer = reset_style(doc, "Footer", layout)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def setup_section(doc: Any, layout: Layout) -> None:
    section = doc.sections[0]
    top, right, bottom, left = (layout.twips(mm) for mm in layout.margins_mm)
    section.page_width, section.page_height = Twips(layout.twips(210)), Twips(layout.twips(297))
    section.top_margin, section.right_margin = Twips(top), Twips(right)
    section.bottom_margin, section.left_margin = Twips(bottom), Twips(left)
    section.header_distance = section.footer_distance = Twips(layout.twips(15))
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.attrib.clear()
    if layout.grid is None:
        grid.set(qn("w:linePitch"), "360")
        return
    chars, lines = layout.grid
    pitch_pt = layout.text_width / chars / 20
    grid.set(qn("w:type"), GRID_TYPE)
    grid.set(qn("w:linePitch"), str(layout.text_height // lines))
    if GRID_TYPE != "lines":
        grid.set(qn("w:charSpace"), str(int((pitch_pt - layout.size_pt) * 4096)))


def add_run(paragraph: Any, text: str, layout: Layout, bold: bool = False) -> Any:
    """One run holding the whole text, so Jinja tags are never split."""
    run = paragraph.add_run(text or None)
    set_fonts(run._r.get_or_add_rPr(), layout)
    if bold:
        run.bold = True
    return run


def field_part(paragraph: Any, layout: Layout, tag: str, value: str) -> None:
    """A run holding one piece of a complex field (w:fldChar or w:instrText)."""
    run = add_run(paragraph, "", layout)
    element = OxmlElement(tag)
    if tag == "w:fldChar":
        element.set(qn("w:fldCharType"), value)
    else:
        element.set(qn("xml:space"), "preserve")
        element.text = value
    run._r.append(element)


def add_page_number(doc: Any, layout: Layout) -> None:
    """A centred "- PAGE -" field in the footer."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.style = doc.styles["Footer"]
    add_run(paragraph, "- ", layout)
    field_part(paragraph, layout, "w:fldChar", "begin")
    field_part(paragraph, layout, "w:instrText", " PAGE ")
    field_part(paragraph, layout, "w:fldChar", "separate")
    add_run(paragraph, "1", layout)
    field_part(paragraph, layout, "w:fldChar", "end")
    add_run(paragraph, " -", layout)


def add_paragraph(doc: Any, para: Para, layout: Layout) -> None:
    paragraph = doc.add_paragraph(style=doc.styles[STYLE_OF[para.kind]])
    if para.align:
        paragraph.paragraph_format.alignment = ALIGN[para.align]
    elif layout.justify and word_layout.left_aligned(para.kind, para.text):
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    # Headings keep with the next paragraph through their styles; other lines that head what
    # follows ((別紙), 記, outline labels) get it on the paragraph.
    if para.kind not in STYLE_KEEPS and word_layout.keeps_with_next(
        para.kind, para.text, para.align
    ):
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.keep_together = True
    if para.page_break:
        paragraph.paragraph_format.page_break_before = True
    text = f"{{%p {para.text} %}}" if para.kind == "tag" else para.text
    if text:
        add_run(paragraph, text, layout)


def add_break_paragraph(doc: Any, layout: Layout) -> None:
    """A page break in an almost invisible paragraph of its own, for a page that starts after a
    ``{%p %}`` tag paragraph.

    LibreOffice saves the page break of a paragraph (w:pageBreakBefore, or a break run at its
    start) as a break run at the end of the paragraph before it. After a tag paragraph, which
    docxtpl removes, the page would be lost once a lawyer saves the template in LibreOffice; so
    the break sits in this paragraph instead, where Word and LibreOffice both keep it. The
    paragraph is 1 pt high, off the line grid, so it never pushes the page over.
    """
    paragraph = doc.add_paragraph(style=doc.styles["Normal"])
    ppr = paragraph._p.get_or_add_pPr()
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr.append(snap)
    spacing = OxmlElement("w:spacing")
    for name, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
        spacing.set(qn(f"w:{name}"), value)
    ppr.append(spacing)
    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, layout)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "2")
        rpr.append(size)
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    run._r.append(br)


def set_table_width(table: Any, total: int) -> None:
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(
            width,
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
        )
    width.set(qn("w:w"), str(total))
    width.set(qn("w:type"), "dxa")


def set_row_flags(row: Any, source: Row, header: bool) -> None:
    """The header row repeats on every page; a row of running text may split (tag rows
    vanish, so they carry no flags)."""
    if source.tag is not None:
        return
    tags = ["w:cantSplit", "w:tblHeader"] if header else ["w:cantSplit"]
    if not header and word_layout.row_may_split([text for text, _ in source.cells]):
        tags.remove("w:cantSplit")
    tr_pr = row._tr.get_or_add_trPr()
    for tag in tags:
        tr_pr.append(OxmlElement(tag))


def fill_row(
    row: Any, source: Row, layout: Layout, widths: list[int], bold: bool, size: float | None
) -> None:
    set_row_flags(row, source, header=bold)
    for index, (cell, width, (text, align)) in enumerate(
        zip(row.cells, widths, source.cells, strict=True)
    ):
        cell.width = Twips(width)
        paragraph = cell.paragraphs[0]
        if source.tag is not None:
            if index == 0:
                add_run(paragraph, f"{{%tr {source.tag} %}}", layout)
            continue
        # Cells are narrow: justified text would spread wrapped URLs and dates across the line.
        paragraph.paragraph_format.alignment = ALIGN[align] if align else WD_ALIGN_PARAGRAPH.LEFT
        if text:
            run = add_run(paragraph, text, layout, bold=bold)
            if size:
                run.font.size = Pt(size)


def add_table(doc: Any, source: Table, layout: Layout) -> None:
    body = [row for row in source.rows if row.tag is None]
    header = [text for text, _ in source.header.cells]
    columns = [[row.cells[i][0] for row in body] for i in range(len(source.widths))]
    english = layout.language.startswith("en")
    size = layout.list_table_pt if word_layout.is_list_table(header, columns, english) else None
    em = round((size or layout.size_pt) * 20)
    widths = word_layout.column_widths(
        layout.text_width, source.widths, header, columns, em, english
    )
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    set_table_width(table, layout.text_width)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    fill_row(table.add_row(), source.header, layout, widths, bold=True, size=size)
    for row in source.rows:
        fill_row(table.add_row(), row, layout, widths, bold=False, size=size)
    if source.page_break:
        table.rows[0].cells[0].paragraphs[0].paragraph_format.page_break_before = True


def setup_package(doc: Any) -> None:
    """Drop python-docx's sample thumbnail and legacy styles; declare the Mincho font."""
    package_rels = doc.part.package.rels
    for rid in [rid for rid, rel in package_rels.items() if rel.reltype.endswith("/thumbnail")]:
        del package_rels[rid]
    for rid in [
        rid for rid, rel in doc.part.rels.items() if rel.reltype.endswith("/stylesWithEffects")
    ]:
        doc.part.drop_rel(rid)
    font_table = doc.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    )
    xml = font_table.blob.decode("utf-8")
    entry = (
        f'<w:font w:name="{MINCHO}"><w:altName w:val="{MINCHO_ALIASES}"/>'
        f'<w:panose1 w:val="{MINCHO_PANOSE}"/>'
        '<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
        '<w:sig w:usb0="E00002FF" w:usb1="6AC7FDFB" w:usb2="00000012" w:usb3="00000000" '
        'w:csb0="0002009F" w:csb1="00000000"/>'
        "</w:font>"
    )
    font_table._blob = xml.replace("</w:fonts>", entry + "</w:fonts>").encode("utf-8")


def setup_settings(doc: Any) -> None:
    """Lines ending in a line break (newlines in values) are not stretched when justified."""
    compat = doc.settings.element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        doc.settings.element.append(compat)
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


EPOCH = date(1980, 1, 1)


def core_xml(title: str, language: str) -> bytes:
    """Core properties dated 1980-01-01 (the zip epoch): nothing depends on the clock."""
    return word_core_xml(DocumentProperties(title, "docgen", language, EPOCH))


def deterministic_zip(data: bytes, core: bytes) -> bytes:
    """The .docx rewritten with fixed timestamps and our core properties."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, core if info.filename == CORE_PART else source.read(info))
    return buffer.getvalue()


def build(source: str, layout: Layout, fallback_title: str) -> bytes:
    """The Word template of a .md source, as .docx bytes."""
    parsed = parse(source)
    doc = Document()
    setup_package(doc)
    setup_styles(doc, layout)
    setup_section(doc, layout)
    setup_settings(doc)
    add_page_number(doc, layout)
    previous: Para | Table | None = None
    for block in parsed.blocks:
        if block.page_break and previous is not None and _is_tag(previous):
            add_break_paragraph(doc, layout)
            block.page_break = False
        if isinstance(block, Table):
            add_table(doc, block, layout)
        else:
            add_paragraph(doc, block, layout)
        previous = block
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(
        buffer.getvalue(), core_xml(parsed.title or fallback_title, layout.language)
    )


def layout_for(path: Path, lang: str | None) -> Layout:
    if lang:
        return EN if lang == "en" else JA
    return EN if path.parent.name == "templates_en" else JA


def build_file(path: Path, lang: str | None = None) -> Path:
    """Write ``<name>.docx`` beside ``<name>.md``."""
    try:
        data = build(path.read_text(encoding="utf-8"), layout_for(path, lang), path.stem)
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from None
    target = path.with_suffix(".docx")
    target.write_bytes(data)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Word templates from .md sources.")
    parser.add_argument("sources", nargs="*", type=Path, help="default: all templates")
    parser.add_argument("--lang", choices=("ja", "en"), help="default: from the folder name")
    args = parser.parse_args(argv)
    sources = args.sources or sorted(
        [*ROOT.glob("templates_ja/*.md"), *ROOT.glob("templates_en/*.md")]
    )
    failed = 0
    for path in sources:
        try:
            print(build_file(path, args.lang))
        except (SourceError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
