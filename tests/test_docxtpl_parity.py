"""docgen's Word rendering (``render.word.WordTemplate``) gives what plain docxtpl gives.

``WordTemplate`` calls docxtpl's internals (``patch_xml``, ``resolve_listing``, ``fix_tables``)
part by part instead of ``DocxTemplate.render``, so that a template is patched and compiled once
for many cases. An upgrade of docxtpl that changes what those internals do would make the two
differ: this test renders every built-in Word template both ways with the same context and
compares the text a reader sees, paragraph by paragraph and cell by cell.
"""

from __future__ import annotations

import copy
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docxtpl import DocxTemplate

from docgen.case.model import Case
from docgen.filings import FILINGS
from docgen.findings import Language
from docgen.lint.vocabulary import MAXIMAL_CASE
from docgen.render.context import build_context
from docgen.render.docx_text import docx_as_text
from docgen.render.environment import word_environment
from docgen.render.word import DocumentProperties, WordTemplate

ROOT = Path(__file__).resolve().parent.parent
PLAIN = {"ja": "あ", "en": "a"}
# Every free text of the maximal case becomes two lines with XML's special characters, so both
# paths must turn a line feed into a Word line break and escape the value the same way.
MULTILINE = {"ja": "一行目 & <二>\n「二行目」", "en": 'line one & <two>\n"line two"'}
TEMPLATES = [
    (filing_id, lang)
    for filing_id, filing in FILINGS.items()
    for lang in ("ja", "en")
    if (ROOT / f"templates_{lang}" / f"{filing.template_name}.docx").is_file()
]


def _multiline(node: Any) -> Any:
    if node == PLAIN:
        return dict(MULTILINE)
    if isinstance(node, dict):
        return {key: _multiline(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_multiline(item) for item in node]
    return node


@pytest.fixture(scope="module")
def case() -> Case:
    return Case.model_validate(_multiline(copy.deepcopy(MAXIMAL_CASE)))


def plain_docxtpl(path: Path, context: dict[str, Any]) -> bytes:
    template = DocxTemplate(str(path))
    template.render(context, jinja_env=word_environment())
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def test_every_built_in_template_is_compared() -> None:
    assert len(TEMPLATES) >= 20
    assert ("disclosure-petition", "ja") in TEMPLATES and ("police-report", "en") in TEMPLATES


@pytest.mark.parametrize(("filing_id", "lang"), TEMPLATES)
def test_word_template_renders_what_plain_docxtpl_renders(
    case: Case, filing_id: str, lang: Language
) -> None:
    filing = FILINGS[filing_id]
    path = ROOT / f"templates_{lang}" / f"{filing.template_name}.docx"
    context, _ = build_context(case, filing, lang)
    props = DocumentProperties("t", "a", "ja-JP", date(2026, 11, 22))
    ours = docx_as_text(WordTemplate(path).render(context, props))
    theirs = docx_as_text(plain_docxtpl(path, context))
    assert ours == theirs
    assert MULTILINE[lang].replace("\n", "<br>") in ours  # a value, its line break a <w:br/>
    assert "{{" not in ours and "{%" not in ours
