"""The plain-text view of a .docx: paragraphs, tables, breaks, alignment, headers and footers."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docgen.api import render_case
from docgen.errors import InvalidRequestError
from docgen.render.docx_text import docx_as_text
from tests.conftest import REPO, sample

PAGE_FIELD = f"<w:fldSimple {nsdecls('w')} w:instr=' PAGE '><w:r><w:t>1</w:t></w:r></w:fldSimple>"


def build(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("申立書").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("{{ case.date | jdate }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("{%p for post in posts %}")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "番号"
    table.cell(0, 1).text = "URL"
    table.cell(1, 0).text = "{{ post.no }}"
    table.cell(1, 1).add_paragraph("a|b")
    body = document.add_paragraph("before")
    body.add_run().add_break(WD_BREAK.PAGE)
    body.add_run("after")
    tracked = document.add_paragraph("kept ")
    revision = 'w:id="{}" w:author="Lawyer" w:date="2026-11-01T00:00:00Z"'
    tracked._p.append(
        parse_xml(f"<w:ins {nsdecls('w')} {revision.format(1)}><w:r><w:t>new</w:t></w:r></w:ins>")
    )
    tracked._p.append(
        parse_xml(
            f"<w:del {nsdecls('w')} {revision.format(2)}><w:r><w:delText>old</w:delText></w:r></w:del>"
        )
    )
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(parse_xml(PAGE_FIELD))
    document.save(str(path))
    return path


def test_the_view_of_a_small_document(tmp_path: Path) -> None:
    assert docx_as_text(build(tmp_path / "t.docx")) == (
        "^^ 申立書\n"
        ">> {{ case.date | jdate }}\n"
        "{%p for post in posts %}\n"
        "| 番号 | URL |\n"
        "| {{ post.no }} | <br>a\\|b |\n"
        "before\n"
        "--- page break ---\n"
        "after\n"
        "kept new\n"
        "--- footer ---\n"
        "^^ {PAGE}\n"
    )


def test_bytes_and_paths_give_the_same_text(tmp_path: Path) -> None:
    path = build(tmp_path / "t.docx")
    assert docx_as_text(path.read_bytes()) == docx_as_text(path)


def test_a_rendered_filing_is_stable_and_shows_its_tables(tmp_path: Path) -> None:
    outcome = render_case(
        sample("yamada-x-defamation"),
        "disclosure-petition",
        out_dir=tmp_path,
        languages=["ja"],
        formats=["docx"],
    )
    (path,) = outcome.written
    first, second = docx_as_text(path), docx_as_text(path)
    assert first == second
    assert "山田 花子" in first
    rows = [line for line in first.splitlines() if line.startswith("| ")]
    assert any("https://x.com/mnt_naibu_leak/status/2095507353315266310" in r for r in rows)
    assert "--- page break ---" in first
    assert first.index("--- footer ---") > first.index(rows[-1])
    assert "{{" not in first


@pytest.mark.skipif(
    not (REPO / "templates_ja" / "disclosure-petition.docx").is_file(),
    reason="the Word templates are not built",
)
def test_a_template_shows_its_tags() -> None:
    text = docx_as_text(REPO / "templates_ja" / "disclosure-petition.docx")
    assert "{{ case.date | jdate }}" in text
    assert any(line.startswith("{%p for post in posts %}") for line in text.splitlines())


def test_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(b"nope")
    with pytest.raises(InvalidRequestError, match="not a readable Word document"):
        docx_as_text(path)
