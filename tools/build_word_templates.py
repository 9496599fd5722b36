"""Build the Word templates (``templates_*/<name>.docx``) from their ``.md`` sources.

The markup of docs/template-source.md (parsed by ``template_source.py``) laid out with
python-docx: title, headings, body paragraphs, aligned and flush lines, ``{%p %}`` paragraphs for
block-tag lines, page breaks, bordered tables with ``{%tr %}`` rows, the page number in the
footer. The house layout (page, fonts, styles, the deterministic package) is ``word_styles.py``;
what paper decides from the text (keeping with the next paragraph, justification, column
widths) is ``word_layout.py``. The output is byte-identical from run to run.

Usage: ``python tools/build_word_templates.py [--lang ja|en] [--out-dir DIR] [SOURCE.md ...]``
(default: all templates; each ``<name>.docx`` is written beside its ``.md``, or with
``--out-dir`` into ``DIR/templates_ja/`` or ``DIR/templates_en/``; the language comes from the
folder, ``templates_en`` → en, otherwise ja).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is not a package
import word_layout
from template_source import Para, Row, SourceError, Table, is_tag, parse
from word_styles import (
    EN,
    JA,
    MINCHO,
    Layout,
    core_xml,
    deterministic_zip,
    set_fonts,
    setup_package,
    setup_section,
    setup_settings,
    setup_styles,
)

__all__ = ["EN", "JA", "MINCHO", "Layout", "SourceError", "build", "main", "parse", "word_layout"]

ROOT = Path(__file__).resolve().parent.parent
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


def new_paragraph(doc: Any, name: str) -> Any:
    """``doc.add_paragraph(style=name)``, without python-docx's scan of every style in the
    document for the default one on each call (two thirds of the build time)."""
    style = doc.styles[name]
    paragraph = doc.add_paragraph()
    paragraph._p.style = None if style.element.default else style.style_id
    return paragraph


def add_paragraph(doc: Any, para: Para, layout: Layout) -> None:
    paragraph = new_paragraph(doc, STYLE_OF[para.kind])
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
    paragraph = new_paragraph(doc, "Normal")
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
        if block.page_break and previous is not None and is_tag(previous):
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


def build_file(path: Path, lang: str | None = None, out_dir: Path | None = None) -> Path:
    """Write ``<name>.docx`` beside ``<name>.md``, or into ``out_dir/<folder of the .md>/``."""
    try:
        data = build(path.read_text(encoding="utf-8"), layout_for(path, lang), path.stem)
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from None
    folder = out_dir / path.resolve().parent.name if out_dir else path.parent
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}.docx"
    target.write_bytes(data)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Word templates from .md sources.")
    parser.add_argument("sources", nargs="*", type=Path, help="default: all templates")
    parser.add_argument("--lang", choices=("ja", "en"), help="default: from the folder name")
    parser.add_argument(
        "--out-dir",
        type=Path,
        help="write DIR/<folder of the .md>/<name>.docx (default: beside each .md)",
    )
    args = parser.parse_args(argv)
    sources = args.sources or sorted(
        [*ROOT.glob("templates_ja/*.md"), *ROOT.glob("templates_en/*.md")]
    )
    failed = 0
    for path in sources:
        try:
            print(build_file(path, args.lang, args.out_dir))
        except (SourceError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
