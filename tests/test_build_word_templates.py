"""tools/build_word_templates.py: the Word template a lawyer opens, built from a .md source."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from docgen.render.docx_text import docx_as_text
from docgen.render.word import DocumentProperties, WordTemplate

ROOT = Path(__file__).resolve().parent.parent


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_word_templates", ROOT / "tools" / "build_word_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bwt = _load_tool()
word_layout = bwt.word_layout

SOURCE = """\
{% set n = posts | length %}
# 発信者情報開示命令申立書

{#right#}{{ case.date }}

{#flush#}{{ court.heading }}　御中

## 第1　申立ての趣旨

### 1　当事者

#### (1)　申立人

{% for post in posts %}
投稿{{ post.no }}：{{ post.text }}
{% endfor %}

{#center#}記

| 番号 | 本文 |
|--|------|
| {%- for post in posts -%} | |
| {{ post.no }} | {{ post.text | upper }} |
| {% endfor %} | |

{#center#}以上

{#pagebreak#}
{% if posts %}
# 別紙
{% endif %}
"""

CONTEXT = {
    "case": {"date": "令和8年11月22日"},
    "court": {"heading": "東京地方裁判所民事第9部"},
    "posts": [
        {"no": 1, "text": "A & B < C > \"q\" 'x' {{ x }}\n二行目"},
        {"no": 2, "text": "二件目"},
    ],
}


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def ja_bytes() -> bytes:
    data: bytes = bwt.build(SOURCE, bwt.JA, "fallback")
    return data


@pytest.fixture(scope="module")
def ja(ja_bytes: bytes) -> Any:
    return _open(ja_bytes)


def _texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_paragraph_texts_with_tag_paragraphs(ja: Any) -> None:
    assert _texts(ja) == [
        "{%p set n = posts | length %}",
        "発信者情報開示命令申立書",
        "{{ case.date }}",
        "{{ court.heading }}　御中",
        "第1　申立ての趣旨",
        "1　当事者",
        "(1)　申立人",
        "{%p for post in posts %}",
        "投稿{{ post.no }}：{{ post.text }}",
        "{%p endfor %}",
        "記",
        "以上",
        "{%p if posts %}",
        "",  # the page break, in a paragraph of its own (see the next test)
        "別紙",
        "{%p endif %}",
    ]


def test_one_run_per_paragraph(ja: Any) -> None:
    assert all(len(p.runs) == 1 for p in ja.paragraphs)


def test_title_headings_and_alignment(ja: Any) -> None:
    paragraphs = {p.text: p for p in ja.paragraphs}
    title = paragraphs["発信者情報開示命令申立書"]
    assert title.style.name == "Title"
    assert title.style.font.bold and title.style.font.size == Pt(16)
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert paragraphs["{{ case.date }}"].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert paragraphs["記"].alignment == WD_ALIGN_PARAGRAPH.CENTER
    levels = ["第1　申立ての趣旨", "1　当事者", "(1)　申立人"]
    styles = [paragraphs[text].style for text in levels]
    assert [s.name for s in styles] == ["Heading 1", "Heading 2", "Heading 3"]
    assert [bool(s.font.bold) for s in styles] == [True, False, False]
    indents = [s.paragraph_format.left_indent or 0 for s in styles]
    assert indents == [0, Pt(12), Pt(24)]


def test_japanese_body_indent_and_flush(ja: Any) -> None:
    paragraphs = {p.text: p for p in ja.paragraphs}
    body = paragraphs["投稿{{ post.no }}：{{ post.text }}"]
    assert body.style.paragraph_format.first_line_indent == Pt(12)
    flush = paragraphs["{{ court.heading }}　御中"]
    assert flush.style.name == "Normal"
    assert flush.paragraph_format.first_line_indent is None


def test_page_break_before_the_annex_not_the_tag_paragraph(ja: Any) -> None:
    """After a {%p %} paragraph the break gets a 1 pt paragraph of its own: LibreOffice saves a
    paragraph's page break at the end of the paragraph before it, which docxtpl would remove."""
    assert not [p.text for p in ja.paragraphs if p.paragraph_format.page_break_before]
    texts = _texts(ja)
    holder = ja.paragraphs[texts.index("別紙") - 1]
    assert holder.text == "" and texts[texts.index("別紙") - 2] == "{%p if posts %}"
    assert holder._p.xml.count('w:type="page"') == 1
    assert holder.paragraph_format.line_spacing == Pt(1)
    plain = bwt.build("本文\n\n{#pagebreak#}\n# 別紙\n", bwt.JA, "t")
    breaks = [p.text for p in _open(plain).paragraphs if p.paragraph_format.page_break_before]
    assert breaks == ["別紙"]  # after a paragraph that stays, the break is the annex's own


def list_column(ems: float) -> int:
    """Twips of a shaped column of a list table (set in ``list_table_pt``): its ems, the slack
    for bold headers and proportional letters, and the cell margins."""
    em = round(bwt.JA.list_table_pt * 20)
    twips: int = round((ems + word_layout.SLACK) * em) + word_layout.CELL_PADDING
    return twips


def test_table_rows_header_and_widths(ja: Any) -> None:
    (table,) = ja.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["番号", "本文"],
        ["{%tr for post in posts %}", ""],
        ["{{ post.no }}", "{{ post.text | upper }}"],
        ["{%tr endfor %}", ""],
    ]
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert table.style.name == "Table Grid"
    widths = [column.width for column in table.columns]
    assert widths[0] == Twips(list_column(2))  # a column of numbers: as wide as its header 番号
    assert sum(widths) == pytest.approx(Mm(160), rel=0.001)
    flags = [_row_flags(row) for row in table.rows]
    # the header repeats; tag rows vanish; a row of running text (post.text) may split
    assert flags == [{"cantSplit", "tblHeader"}, set(), set(), set()]


def _runs(document: Any) -> list[Any]:
    parts = [document.element.body, document.sections[0].footer._element]
    return [r for part in parts for r in part.iter(qn("w:r"))]


def test_every_run_names_the_east_asian_font(ja: Any) -> None:
    runs = _runs(ja)
    assert len(runs) > 20
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == bwt.MINCHO
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == bwt.MINCHO
    defaults = ja.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    for rpr in (defaults.find(qn("w:rPr")), ja.styles["Normal"].element.rPr):
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == bwt.MINCHO
        assert fonts.get(qn("w:asciiTheme")) is None
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "ja-JP"


def test_a4_margins_grid_and_page_number(ja: Any) -> None:
    section = ja.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    margins = (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    assert [m.mm for m in margins] == pytest.approx([35, 20, 27, 30], abs=0.1)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert int(grid.get(qn("w:linePitch"))) * 26 <= 13323  # 26 lines fit the text height
    footer = section.footer.paragraphs[0]
    instructions = [el.text for el in footer._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    assert footer.text.startswith("- ") and footer.text.endswith(" -")


def test_english_layout(tmp_path: Path) -> None:
    source = tmp_path / "petition.md"
    source.write_text("# Petition\n\nThe respondent shall disclose.\n", encoding="utf-8")
    assert bwt.main(["--lang", "en", str(source)]) == 0
    document: Any = docx.Document(str(tmp_path / "petition.docx"))
    section = document.sections[0]
    margins = (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    assert [m.mm for m in margins] == pytest.approx([25, 25, 25, 30], abs=0.1)
    body = document.paragraphs[1]
    assert not body.style.paragraph_format.first_line_indent
    fonts = body.runs[0]._r.rPr.rFonts
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    assert fonts.get(qn("w:eastAsia")) == bwt.MINCHO


def test_deterministic_with_fixed_properties(ja_bytes: bytes) -> None:
    assert bwt.build(SOURCE, bwt.JA, "fallback") == ja_bytes
    with zipfile.ZipFile(io.BytesIO(ja_bytes)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "<dc:title>発信者情報開示命令申立書</dc:title>" in core
    assert "<dc:creator>docgen</dc:creator>" in core
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z' in core


def test_rendered_loops_and_verbatim_values(ja_bytes: bytes, tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(ja_bytes)
    props = DocumentProperties("t", "a", "ja-JP", date(2026, 11, 22))
    out = _open(WordTemplate(path).render(CONTEXT, props))
    texts = _texts(out)
    assert "投稿1：A & B < C > \"q\" 'x' {{ x }}\n二行目" in texts
    assert "投稿2：二件目" in texts
    assert not any("{%" in text for text in texts)
    rows = [[cell.text for cell in row.cells] for row in out.tables[0].rows]
    assert rows == [
        ["番号", "本文"],
        ["1", "A & B < C > \"Q\" 'X' {{ X }}\n二行目"],
        ["2", "二件目"],
    ]
    view = docx_as_text(WordTemplate(path).render(CONTEXT, props)).splitlines()
    annex = next(i for i, line in enumerate(view) if line.removeprefix("^^ ") == "別紙")
    assert view[annex - 1] == "--- page break ---"


def test_pipes_escapes_and_multiline_tags() -> None:
    source = "| a | b |\n|---|:-:|\n| x \\| y | {{ v | default('-') }} |\n{% if a\n  and b %}\n"
    parsed = bwt.parse(source)
    table, tag = parsed.blocks
    assert table.rows[0].cells == [("x | y", None), ("{{ v | default('-') }}", "center")]
    assert tag.text == "if a and b" and tag.kind == "tag"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("| a | b |\n| c | d |\n", "|---|"),
        ("| a | b |\n|---|---|\n| {% for x in y %} | z |\n", "nothing else"),
        ("{% if a %\n", "never closed"),
    ],
)
def test_source_errors(source: str, message: str) -> None:
    with pytest.raises(bwt.SourceError, match=message.replace("|", r"\|")):
        bwt.parse(source)


def _row_flags(row: Any) -> set[str]:
    tr_pr = row._tr.trPr
    return set() if tr_pr is None else {el.tag.split("}")[1] for el in tr_pr}


def test_a_line_starting_and_ending_with_inline_tags_stays_one_paragraph() -> None:
    source = (
        "{#flush#}{% if a.phone %}電話　{{ a.phone }}{% endif %}"
        "{% if a.phone and a.fax %}　{% endif %}{% if a.fax %}FAX　{{ a.fax }}{% endif +%}\n\n"
        "{% if case.related_case %}なお、{{ case.related_case.number }}が係属している。{% endif +%}\n"
        "{# a comment #}text{# another #}\n"
    )
    paras = bwt.parse(source).blocks
    assert [(p.kind, p.text) for p in paras] == [
        ("plain", source.splitlines()[0].removeprefix("{#flush#}")),
        ("body", source.splitlines()[2]),
        ("body", "{# a comment #}text{# another #}"),
    ]
    texts = _texts(_open(bwt.build(source, bwt.JA, "t")))
    assert texts[0].startswith("{% if a.phone %}電話") and texts[1].startswith("{% if case")


LAYOUT_SOURCE = """\
# 申立書

## 第1　申立ての理由

本文は、両端揃えである。

氏名不詳者は、{{ accounts | ja_list }}のアカウントから投稿した。

{{ claim.harm }}

#### (1)　本件投稿1

{#flush#}URL　{{ post.url }}

ア　摘示事実

{#flush#}投稿内容

{#center#}記

{#right#}以上

{#pagebreak#}
{#flush#}（別紙）

# 投稿記事目録

| 番号 | 投稿日時 | URL | アカウント |
|--|------|----------|-------|
| {% for post in posts %} | | | |
| {{ post.no }} | {{ post.posted_at | jmoment }} | {{ post.url }} | {{ post.account }} |
| {% endfor %} | | | |

| 項目 | 内容 |
|----|----------|
| 投稿日時 | {{ post.posted_at | jmoment }} |
| 被害の模様 | {{ police.circumstances | cell }}{{ br }}{{ claim.harm }} |
"""


@pytest.fixture(scope="module")
def laid_out() -> Any:
    return _open(bwt.build(LAYOUT_SOURCE, bwt.JA, "t"))


def test_headings_and_heading_lines_keep_with_the_next_paragraph(laid_out: Any) -> None:
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        pformat = laid_out.styles[name].paragraph_format
        assert pformat.keep_with_next and pformat.keep_together, name
    keeps = {p.text: bool(p.paragraph_format.keep_with_next) for p in laid_out.paragraphs}
    assert keeps["（別紙）"] and keeps["記"] and keeps["ア　摘示事実"] and keeps["投稿内容"]
    assert not keeps["以上"] and not keeps["本文は、両端揃えである。"]
    assert not keeps["URL　{{ post.url }}"]


def test_lines_with_unbreakable_values_are_not_justified(laid_out: Any) -> None:
    assert laid_out.styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    align = {p.text: p.paragraph_format.alignment for p in laid_out.paragraphs}
    assert align["本文は、両端揃えである。"] is None  # justified, from the style
    left = ["URL　{{ post.url }}", "{{ claim.harm }}", "投稿内容"]
    left.append("氏名不詳者は、{{ accounts | ja_list }}のアカウントから投稿した。")
    assert all(align[text] == WD_ALIGN_PARAGRAPH.LEFT for text in left)
    assert align["記"] == WD_ALIGN_PARAGRAPH.CENTER


def test_columns_fit_dates_numbers_and_handles_and_the_url_takes_the_rest(laid_out: Any) -> None:
    posts, _ = laid_out.tables
    number, moment, url, account = (column.width.twips for column in posts.columns)
    assert number == list_column(2)
    assert moment == list_column(word_layout.MOMENT_EMS[0])  # 令和10年12月12日21時3分, one line
    assert account == list_column(9)  # a 15-character handle and its @
    assert url == Mm(160).twips - number - moment - account
    assert all(
        cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
        for row in (posts.rows[0], posts.rows[2])
        for cell in row.cells
    )


def test_rows_of_values_stay_whole_and_rows_of_prose_may_split(laid_out: Any) -> None:
    posts, items = laid_out.tables
    assert [_row_flags(row) for row in posts.rows] == [
        {"cantSplit", "tblHeader"},
        set(),
        {"cantSplit"},
        set(),
    ]
    assert [_row_flags(row) for row in items.rows] == [
        {"cantSplit", "tblHeader"},
        {"cantSplit"},
        set(),
    ]


def test_english_columns_and_alignment() -> None:
    document = _open(bwt.build(LAYOUT_SOURCE, bwt.EN, "t"))
    assert document.styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert all(
        p.paragraph_format.alignment != WD_ALIGN_PARAGRAPH.JUSTIFY for p in document.paragraphs
    )
    widths = [column.width.twips for column in document.tables[0].columns]
    assert widths[1] == list_column(9) and sum(widths) == bwt.EN.text_width


def test_a_paragraph_naming_the_accounts_through_a_set_variable_is_left_aligned() -> None:
    """「氏名不詳者は、{{ accts }}のアカウントから…」: the handles cannot break, so the short line
    before them must not be spread across the width."""
    text = "氏名不詳者（以下「発信者」という。）は、本件サービス上で、{{ accts }}のアカウントから"
    assert word_layout.left_aligned("body", text)
    assert not word_layout.left_aligned("body", "申立人は、会社員である。")


SOURCES = sorted([*ROOT.glob("templates_ja/*.md"), *ROOT.glob("templates_en/*.md")])


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every built-in template built from its .md source into a temporary folder."""
    out = tmp_path_factory.mktemp("built")
    bwt.main(["--out-dir", str(out), *map(str, SOURCES)])  # a source that fails has no .docx
    return out


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_committed_word_template_is_what_its_source_builds(fresh_build: Path, source: Path) -> None:
    """Run ``python tools/build_word_templates.py`` after editing a .md and commit the .docx."""
    committed = source.with_suffix(".docx")
    assert committed.is_file(), f"{committed.relative_to(ROOT)} is missing: run the builder"
    built = fresh_build / source.parent.name / committed.name
    assert built.is_file(), f"{source.relative_to(ROOT)} does not build"
    assert committed.read_bytes() == built.read_bytes(), (
        f"{committed.relative_to(ROOT)} is not what {source.name} builds: run the builder"
    )


def test_out_dir_keeps_the_folder_and_leaves_the_source_folder_alone(tmp_path: Path) -> None:
    folder = tmp_path / "templates_en"
    folder.mkdir()
    (folder / "letter.md").write_text("# Letter\n\nText.\n", encoding="utf-8")
    assert bwt.main(["--out-dir", str(tmp_path / "out"), str(folder / "letter.md")]) == 0
    assert not (folder / "letter.docx").exists()
    built: Any = docx.Document(str(tmp_path / "out" / "templates_en" / "letter.docx"))
    assert [p.text for p in built.paragraphs] == ["Letter", "Text."]
    assert built.sections[0].left_margin.mm == pytest.approx(30, abs=0.1)  # English layout


def test_the_font_table_declares_the_mincho_as_word_knows_it(ja_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(ja_bytes)) as archive:
        fonts = archive.read("word/fontTable.xml").decode()
    entry = fonts[fonts.index(f'<w:font w:name="{bwt.MINCHO}">') :]
    assert entry.startswith(f'<w:font w:name="{bwt.MINCHO}"><w:altName w:val="ＭＳ 明朝"/>')
    assert '<w:charset w:val="80"/>' in entry.split("</w:font>")[0]
    assert fonts.count(f'w:name="{bwt.MINCHO}"') == 1
