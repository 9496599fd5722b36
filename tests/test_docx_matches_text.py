"""The Word filing says what the text filing says: every fact of the .md is in the .docx too.

The .docx is rendered from a Word template that tools/build_word_templates.py builds from the same
.md source, so a construct the builder mistranslates (an inline ``{% if %}`` line turned into a
``{%p %}`` paragraph that docxtpl removes) silently drops text from the Word filing only. For
every sample, every filing it supports and both languages, the values the text carries (numbers,
URLs, e-mail addresses, runs of Japanese, English words) must occur in the Word text at least as
often as in the text, layout aside.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest

from docgen.api import render_case
from tests.conftest import SAMPLE_NAMES, sample

LANGUAGES = ["ja", "en"]
TOKEN = re.compile(
    r"https?://[!-~]+?(?=[\s）)」』、。|<>]|$)"  # a URL, up to the punctuation after it
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # an e-mail address
    r"|@[A-Za-z0-9_]+"  # an account handle
    r"|\d+"  # a number: dates, case numbers, phone numbers, ports, amounts
    r"|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ー]{2,}"  # a run of Japanese
    r"|[A-Za-z]{4,}"  # an English word
)
MARKUP = re.compile(r"<br>|\\\||^#{1,4} |^\|[-:| ]+\|$", re.M)


def md_tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(MARKUP.sub(" ", text)))


def docx_text(path: Path) -> str:
    """Body paragraphs and table cells (nested tables too), headers and footers, in one string
    without any whitespace, so that line and cell boundaries do not matter."""
    document: Any = docx.Document(str(path))
    parts: list[str] = []

    def cells(table: Any) -> None:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cells(inner)

    parts.extend(p.text for p in document.paragraphs)
    for table in document.tables:
        cells(table)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return re.sub(r"\s+", "", "\n".join(parts))


@pytest.fixture(scope="module", params=SAMPLE_NAMES)
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(request.param)
    render_case(sample(request.param), "all", out, languages=LANGUAGES, formats=["md", "docx"])
    return out


def test_every_fact_of_the_text_is_in_the_word_filing(rendered: Path) -> None:
    pairs = sorted(rendered.rglob("*.md"))
    assert pairs, "no filing rendered"
    assert {p.name.split(".")[-2] for p in pairs} == set(LANGUAGES)
    for md in pairs:
        word = md.with_suffix(".docx")
        assert word.is_file(), f"{md.name} has no Word filing"
        text = docx_text(word)
        missing = {
            token: count
            for token, count in md_tokens(md.read_text(encoding="utf-8")).items()
            if text.count(token.replace(" ", "")) < count
        }
        assert not missing, f"{word.name} lacks what {md.name} says: {sorted(missing)[:20]}"


def test_tokens_see_the_facts() -> None:
    tokens = md_tokens(
        "電話　03-1831-0457　FAX　03-1831-0458\n"
        "| 1 | https://x.com/a_b/status/123） | taro@example.jp | @a_b |\n"
        "なお、東京地方裁判所令和8年(発チ)第1234号が係属している。pending"
    )
    assert set(tokens) >= {"0457", "0458", "https://x.com/a_b/status/123", "taro@example.jp"}
    assert set(tokens) >= {"@a_b", "電話", "東京地方裁判所令和", "発チ", "1234", "pending"}
