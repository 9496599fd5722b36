"""The zip writer that copies each template part's compressed bytes, and the listing fast path."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from docgen.render.word import resolve_listing
from docgen.render.zip_writer import deflate, write_zip

ROOT = Path(__file__).resolve().parent.parent


def test_the_archive_reads_back_with_fixed_dates_and_permissions() -> None:
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": "本文".encode() * 500}
    parts["word/名前.xml"] = b"<x/>"
    data = write_zip(deflate(name, body) for name, body in parts.items())

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == list(parts)
        for info in archive.infolist():
            assert archive.read(info) == parts[info.filename]
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o644
            assert info.compress_type == zipfile.ZIP_DEFLATED
    assert write_zip(deflate(n, b) for n, b in parts.items()) == data


@pytest.mark.parametrize(
    "text",
    ["one line", "two\nlines", "a\ttab", "tab\tand\nbreak", "\n\nleading", "end\n"],
)
def test_listing_fast_path_gives_docxtpl_s_own_result(text: str) -> None:
    patcher = DocxTemplate(str(ROOT / "templates_ja" / "disclosure-petition.docx"))
    xml = (
        '<w:document><w:body><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
        f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
        "<w:r><w:tab/><w:t>after</w:t></w:r></w:p></w:body></w:document>"
    )
    assert resolve_listing(patcher, xml) == str(patcher.resolve_listing(xml))
