"""What a lawyer opens: golden text outputs, the paragraphs and tables of each .docx, determinism."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from docgen.api import render_case
from docgen.case.load import load_case
from docgen.check import supported_filings
from docgen.filings import get_filing
from tests.conftest import MINIMAL_CASE, REPO, SAMPLE_NAMES, sample
from tests.test_cli import NASTY

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("DOCGEN_UPDATE_GOLDEN") == "1"
RENDERS = [
    (name, filing.id, lang)
    for name in SAMPLE_NAMES
    for filing in supported_filings(load_case(sample(name)).case)
    for lang in ("ja", "en")
]


def render_bytes(case: Path, filing: str, lang: str, fmt: str, out: Path) -> bytes:
    outcome = render_case(case, filing, out_dir=out, languages=[lang], formats=[fmt])
    (path,) = outcome.written
    return path.read_bytes()


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, in document order, one per line."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "filing", "lang"), RENDERS)
def test_text_output_matches_golden(name: str, filing: str, lang: str, tmp_path: Path) -> None:
    rendered = render_bytes(sample(name), filing, lang, "md", tmp_path).decode("utf-8")
    golden = GOLDEN / name / f"{filing}.{lang}.md"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with DOCGEN_UPDATE_GOLDEN=1"
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "filing", "lang"), RENDERS)
def test_word_document_holds_the_facts(name: str, filing: str, lang: str, tmp_path: Path) -> None:
    case = load_case(sample(name)).case
    text = docx_text(render_bytes(sample(name), filing, lang, "docx", tmp_path))
    assert not re.search(r"\{[{%#]|[}%#]\}", text), "a template tag survived"
    assert "None" not in text.replace("None of", "")
    listed = get_filing(filing)
    if listed.parent is None:  # a 証拠説明書 names the posts as its petition defines them
        for post in listed.posts_of(case):
            assert post.url in text
    victim_name = case.victim.name if isinstance(case.victim.name, str) else case.victim.name.ja
    assert victim_name is not None
    if lang == "ja":
        assert victim_name in text
    else:
        assert re.search(r"Japanese original.{0,20} govern", text), "no governing-text notice"


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_the_same_case_gives_the_same_bytes(fmt: str, tmp_path: Path) -> None:
    first = render_bytes(sample("yamada-x-defamation"), "petition", "ja", fmt, tmp_path / "a")
    second = render_bytes(sample("yamada-x-defamation"), "petition", "ja", fmt, tmp_path / "b")
    assert first == second


def test_document_properties_come_from_the_case(tmp_path: Path) -> None:
    data = render_bytes(sample("yamada-x-defamation"), "petition", "ja", "docx", tmp_path)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "発信者情報開示命令申立書"
    assert props.created is not None and props.created.date().isoformat() == "2026-11-22"
    assert props.author != "python-docx"


def test_a_concealed_address_appears_in_no_document(tmp_path: Path) -> None:
    case = load_case(sample("suzuki-concealed-address")).case
    address = case.victim.address
    hidden = [address] if isinstance(address, str) else [a for a in (address.ja, address.en) if a]
    outcome = render_case(
        sample("suzuki-concealed-address"), "all", out_dir=tmp_path, formats=["docx", "md"]
    )
    for path in outcome.written:
        data = path.read_bytes()
        text = docx_text(data) if path.suffix == ".docx" else data.decode("utf-8")
        for value in hidden:
            assert value not in text, f"{path.name} shows the concealed address"


def test_word_shows_values_verbatim_with_line_breaks(
    write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    escaped = NASTY.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    path = write_case(
        MINIMAL_CASE.replace('ja = "山田花子は会社の金を横領している"', f'ja = "{escaped}"')
    )
    data = render_bytes(path, "petition", "ja", "docx", tmp_path / "out")
    assert NASTY in docx_text(data)
    assert b"<w:br/>" in _document_xml(data)


def _document_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def test_every_golden_file_belongs_to_a_rendered_filing() -> None:
    """A golden left behind by a filing a sample no longer calls for would test nothing."""
    expected = {GOLDEN / name / f"{filing}.{lang}.md" for name, filing, lang in RENDERS}
    assert sorted(set(GOLDEN.rglob("*.md")) - expected) == []
