"""The house layout of the Word templates: page, fonts, styles and the deterministic package.

Japanese documents get the court layout (A4, margins 35/20/27/30 mm, 12 pt Mincho, 26 lines a
page), English ones A4 with 25 mm margins (30 mm left) and a serif font. The .docx is
byte-identical from run to run (fixed zip timestamps, core properties without clock dates).

Font: every run names ``IPAex明朝`` as its East Asian font (and Latin font in Japanese documents).
On Debian neither ``fc-match "ＭＳ 明朝"`` nor ``fc-match "MS Mincho"`` resolves to IPAexMincho
(both give DejaVu); a document naming ＭＳ 明朝 came out of LibreOffice in IPAexGothic and DejaVu
Serif. IPAex明朝 (alias IPAexMincho) is the installed Mincho and is what the PDF embeds, with no
font configuration at PDF time. For Word, which rarely has IPAex, the font table describes the
font as Word describes ＭＳ 明朝: alternate name ＭＳ 明朝, its PANOSE number, the Shift-JIS
charset (80) and the roman family, so Word substitutes the Mincho it has (docs/templates.md).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from docgen.render.word import DocumentProperties
from docgen.render.word import core_xml as word_core_xml

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
FONT_TABLE_PART = "word/fontTable.xml"
MINCHO_FONT_ENTRY = (
    f'<w:font w:name="{MINCHO}"><w:altName w:val="{MINCHO_ALIASES}"/>'
    f'<w:panose1 w:val="{MINCHO_PANOSE}"/>'
    '<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
    '<w:sig w:usb0="E00002FF" w:usb1="6AC7FDFB" w:usb2="00000012" w:usb3="00000000" '
    'w:csb0="0002009F" w:csb1="00000000"/>'
    "</w:font>"
).encode()


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

def setup_package(doc: Any) -> None:
    """Drop python-docx's sample thumbnail and legacy styles (the Mincho font is declared in the
    font table when the package is written: :func:`deterministic_zip`)."""
    package_rels = doc.part.package.rels
    for rid in [rid for rid, rel in package_rels.items() if rel.reltype.endswith("/thumbnail")]:
        del package_rels[rid]
    for rid in [
        rid for rid, rel in doc.part.rels.items() if rel.reltype.endswith("/stylesWithEffects")
    ]:
        doc.part.drop_rel(rid)


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
    """The .docx rewritten with fixed timestamps, our core properties and the Mincho font
    declared in the font table."""
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
            part = core if info.filename == CORE_PART else source.read(info)
            if info.filename == FONT_TABLE_PART:
                part = part.replace(b"</w:fonts>", MINCHO_FONT_ENTRY + b"</w:fonts>")
            target.writestr(entry, part)
    return buffer.getvalue()
