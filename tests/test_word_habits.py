"""What Word writes into a template, as XML fixtures (no Word here), rendered and linted.

Word splits a tag into several runs at spell-check marks (w:proofErr), at each editing session
(w:rsidR…), around bookmarks and smart tags; AutoCorrect makes quotes curly; a tag may sit in a
field, a content control or a tracked change. Each case either renders to the right text with no
lint finding, or gets a finding that tells the lawyer what to do in Word; and where a finding says
rendering breaks, it does.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from docgen.errors import BrokenTemplateError
from docgen.lint.template_lint import Problem, lint_paths
from docgen.render.docx_text import docx_as_text, w
from docgen.render.word import DocumentProperties, WordTemplate

CONTEXT: dict[str, Any] = {
    "lang": "ja",
    "victim": {"name": "山田花子", "representative": None},
    "court": {"name": "東京地方裁判所"},
    "posts": [{"url": "https://x.com/a/status/1"}, {"url": "https://x.com/b/status/2"}],
}
PROPS = DocumentProperties("t", "a", "ja-JP", date(2026, 11, 22))
REVISION = 'w:author="Lawyer" w:date="2026-11-01T00:00:00Z"'


def run(text: str, props: str = "", attrs: str = "") -> str:
    return f'<w:r{attrs}><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(xml: str, ppr: str = "") -> str:
    return f"<w:p {nsdecls('w')}>{ppr}{xml}</w:p>"


def template(tmp_path: Path, *paragraphs: str, name: str = "t.docx") -> Path:
    """A .docx whose body holds the raw paragraphs (or other body elements) given."""
    document = docx.Document()
    body = document.element.body
    for piece in paragraphs:
        body.insert(len(body) - 1, parse_xml(piece))
    path = tmp_path / name
    document.save(str(path))
    return path


def edit_document(path: Path, change: Callable[[etree._Element], None]) -> None:
    """Change the body of word/document.xml in place, every other part kept as it is."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                change(root.find(w("body")))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def replace_in_document(path: Path, old: str, new: str) -> None:
    """Rewrite the XML text of word/document.xml (for what lxml would never write)."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def rendered(path: Path, context: dict[str, Any] | None = None) -> str:
    """The rendered document's text view; its document.xml must be well-formed."""
    data = WordTemplate(path).render(context or CONTEXT, PROPS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        etree.fromstring(archive.read("word/document.xml"))  # raises on broken XML
    return docx_as_text(data)


def kinds(problems: list[Problem]) -> list[str]:
    return [p.kind for p in problems]


# ---------------------------------------------------------------------------- rendered correctly

SPLIT_BY_WORD = {
    "proofErr": run("{{ victim.")
    + '<w:proofErr w:type="spellStart"/>'
    + run("name")
    + '<w:proofErr w:type="spellEnd"/>'
    + run(" }}様"),
    "rsid": run("{{ vic", attrs=' w:rsidR="00A1B2C3" w:rsidRPr="00A1B2C3"')
    + run("tim.na", attrs=' w:rsidR="00D4E5F6" w:rsidRPr="00D4E5F6"')
    + run("me }}様", attrs=' w:rsidR="00A1B2C3"'),
    "bookmark": run("{{ victim.")
    + '<w:bookmarkStart w:id="0" w:name="_GoBack"/>'
    + run("name }}")
    + '<w:bookmarkEnd w:id="0"/>'
    + run("様"),
    "smartTag": run("{{ victim.")
    + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">'
    + '<w:smartTagPr><w:attr w:name="ProductID" w:val="name"/></w:smartTagPr>'
    + run("name }}様")
    + "</w:smartTag>",
    "formatting": run("{{ victim.", "<w:b/>")
    + run("name }}", '<w:rFonts w:ascii="Century"/>')
    + run("様"),
    "curly quotes": run("{{ victim.name if lang == “ja” else ‘x’ }}様"),
    "accepted change": run("{{ victim.name }}", attrs=' w:rsidR="00112233"') + run("様"),
}


@pytest.mark.parametrize("habit", list(SPLIT_BY_WORD))
def test_what_render_copes_with_renders_and_is_no_finding(tmp_path: Path, habit: str) -> None:
    path = template(tmp_path, para(SPLIT_BY_WORD[habit]))
    assert "山田花子様" in rendered(path)
    assert lint_paths([path]) == []


def test_split_runs_and_curly_quotes_are_info_on_request(tmp_path: Path) -> None:
    path = template(tmp_path, para(SPLIT_BY_WORD["rsid"]), para(SPLIT_BY_WORD["curly quotes"]))
    found = lint_paths([path], info=True)
    assert [(p.kind, p.level) for p in found] == [("split-runs", "info"), ("curly-quotes", "info")]
    assert "rendering joins them" in found[0].message


def test_entities_libreoffice_writes_inside_tags_are_undone(tmp_path: Path) -> None:
    path = template(
        tmp_path,
        para(run('{%p set urls = posts | map(attribute="url") | list %}')),
        para(run('{{ urls | join("、") }}{{ " &amp; " ~ victim.name }}')),
    )
    replace_in_document(path, 'attribute="url"', "attribute=&quot;url&quot;")
    replace_in_document(path, 'join("、")', "join(&quot;、&quot;)")
    assert lint_paths([path]) == []
    assert "https://x.com/a/status/1、https://x.com/b/status/2 & 山田花子" in rendered(path)


# ---------------------------------------------------------------------------- findings


def test_a_tag_half_in_a_hyperlink_breaks_rendering_and_is_a_finding(tmp_path: Path) -> None:
    link = f'<w:hyperlink w:anchor="x">{run("name }}")}</w:hyperlink>'
    path = template(tmp_path, para(run("{{ victim.") + link))
    problems = lint_paths([path])
    assert kinds(problems) == ["split-tag"]
    assert "partly inside a hyperlink (right-click > Remove Hyperlink" in problems[0].message
    with pytest.raises(etree.XMLSyntaxError):
        rendered(path)  # the finding tells the truth


def test_a_tag_in_a_field_is_a_finding(tmp_path: Path) -> None:
    simple = f'<w:fldSimple w:instr=" MERGEFIELD name ">{run("{{ victim.name }}")}</w:fldSimple>'
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF _Ref1 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("{{ court.name }}")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    path = template(tmp_path, para(simple), para(complex_field))
    problems = lint_paths([path])
    assert kinds(problems) == ["field", "field"]
    assert "`MERGEFIELD name`" in problems[0].message
    assert "Ctrl+Shift+F9" in problems[0].message
    assert "`REF _Ref1`" in problems[1].message


def content_control(inner: str, properties: str = "") -> str:
    return f"<w:sdt {nsdecls('w')}><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def test_tags_in_content_controls(tmp_path: Path) -> None:
    plain = para(
        f"<w:sdt><w:sdtPr/><w:sdtContent>{run('{{ victim.name }}様')}</w:sdtContent></w:sdt>"
    )
    path = template(tmp_path, plain)
    assert "山田花子様" in rendered(path)
    assert lint_paths([path]) == []  # a plain inline control keeps the rendered text
    placeholder = para(
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
        f"<w:sdtContent>{run('{{ victim.name }}')}</w:sdtContent></w:sdt>"
    )
    block = content_control(
        para(run("{%p if victim.name %}")).replace(f" {nsdecls('w')}", "")
        + para(run("本文")).replace(f" {nsdecls('w')}", "")
    )
    path = template(tmp_path, placeholder, block, para(run("{%p endif %}")), name="c.docx")
    problems = lint_paths([path])
    assert kinds(problems) == ["content-control", "content-control"]
    assert "placeholder text" in problems[0].message
    assert "Remove Content Control" in problems[1].message


def test_tracked_changes_pending_are_findings(tmp_path: Path) -> None:
    inserted = f'<w:ins w:id="1" {REVISION}>{run("{{ victim.name }}")}</w:ins>'
    deleted = (
        f'<w:del w:id="2" {REVISION}><w:r><w:delText>{{{{ court.name }}}}</w:delText></w:r></w:del>'
    )
    path = template(tmp_path, para(run("申立人") + inserted), para(run("裁判所") + deleted))
    problems = lint_paths([path])
    assert kinds(problems) == ["tracked-change", "tracked-change"]
    assert all("Accept All Changes" in p.message for p in problems)


def test_content_of_a_tag_paragraph_that_rendering_removes(tmp_path: Path) -> None:
    path = template(
        tmp_path,
        para(run("{%p if victim.name %}") + '<w:r><w:br w:type="page"/></w:r>'),
        para(run("（別紙）")),
        para(run("{%p endif %}"), "<w:pPr><w:pageBreakBefore/></w:pPr>"),
        para(run("{%p if court.name %}") + run("注記")),
        para(run("{%p endif %}")),
    )
    problems = lint_paths([path])
    assert [(p.kind, p.where) for p in problems] == [
        ("removed-content", "paragraph “{%p if victim.name %}”"),
        ("removed-content", "paragraph “{%p endif %}”"),
        ("removed-content", "paragraph “{%p if court.name %}注記”"),
    ]
    assert "a page break," in problems[0].message
    assert "a page break before it" in problems[1].message
    assert "the text “注記”" in problems[2].message
    # and rendering does drop them: no page break and no 注記 are left
    text = rendered(path)
    assert "--- page break ---" not in text and "注記" not in text


# ---------------------------------------------------------------------------- render errors


def test_a_syntax_error_names_its_tag_and_paragraph(tmp_path: Path) -> None:
    path = template(
        tmp_path,
        para(run("{%p set a = 1 %}")),
        para(run("{%p set b = 2 %}")),
        para(run('{%p set keys = posts | map(attribute="url" | list %}')),
        para(run("{{ a }}{{ b }}")),
    )
    with pytest.raises(BrokenTemplateError) as caught:
        WordTemplate(path)
    message = str(caught.value.message)
    assert 'paragraph “{%p set keys = posts | map(attribute="url" | list %}”' in message
    assert "tag `{%p set keys" in message
    assert "set a" not in message


def test_a_runtime_error_names_its_tag_and_paragraph(tmp_path: Path) -> None:
    path = template(
        tmp_path,
        para(run("序文")),
        para(run("申立人　{{ victim.name }}、{{ victim.name // 2 }}")),
        para(run("{{ court.name // 2 }}")),
    )
    with pytest.raises(BrokenTemplateError) as caught:
        rendered(path)
    message = str(caught.value.message)
    assert "paragraph “申立人　{{ victim.name }}、{{ victim.name // 2 }}”: " in message
    assert "TypeError" in message
    del CONTEXT["victim"]["name"]
    try:
        with pytest.raises(BrokenTemplateError) as caught:
            rendered(template(tmp_path, para(run("x{{ victim.name }}")), name="u.docx"))
    finally:
        CONTEXT["victim"]["name"] = "山田花子"
    assert "paragraph “x{{ victim.name }}”, tag `{{ victim.name }}`: " in caught.value.message
