"""The template linter: one template per problem kind, located by file and visible text."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from pydantic import BaseModel

from docgen.case.model import LocalizedTable
from docgen.errors import InvalidRequestError
from docgen.lint.template_lint import Problem, format_problem, lint_paths
from docgen.lint.vocabulary import is_known, maximal_case, vocabulary_names

REPO = Path(__file__).resolve().parent.parent


def paragraph(xml: str) -> str:
    return f"<w:p {nsdecls('w')}>{xml}</w:p>"


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def word_template(tmp_path: Path, *xml: str, name: str = "t.docx", east_asia: bool = True) -> Path:
    """A .docx holding the raw paragraphs ``xml``; without East Asian default font if asked."""
    document = docx.Document()
    body = document.element.body
    for piece in xml:
        body.insert(len(body) - 1, parse_xml(piece))
    if not east_asia:
        fonts = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:rFonts')}")
        del fonts.attrib[qn("w:eastAsiaTheme")]
    path = tmp_path / name
    document.save(str(path))
    return path


def only(problems: list[Problem], kind: str) -> Problem:
    found = [p for p in problems if p.kind == kind]
    assert len(found) == 1, problems
    return found[0]


def test_a_clean_template_has_no_problems(tmp_path: Path) -> None:
    path = word_template(
        tmp_path,
        paragraph(run("{%p for post in posts %}")),
        paragraph(run("{{ post.no }} {{ post.posted_at | jmoment }} {{ loop.index }}")),
        paragraph(run("{%p endfor %}")),
        paragraph(run("{%p set n = namespace(count=0) %}")),
        paragraph(run("{%p set n.count = n.count + 1 %}")),
        paragraph(run("{{ n.count }} {{ case.date | jdate }} {{ fees.stamp | yen }}")),
    )
    assert lint_paths([path]) == []


def test_syntax_error_names_the_paragraph(tmp_path: Path) -> None:
    path = word_template(tmp_path, paragraph(run("申立人 {{ victim.name | }}")))
    problem = only(lint_paths([path]), "syntax")
    assert problem.file == path
    assert problem.where == "paragraph “申立人 {{ victim.name | }}”"
    assert "syntax" in problem.message


def test_an_unclosed_block_is_found_at_its_opening_tag(tmp_path: Path) -> None:
    path = word_template(
        tmp_path,
        paragraph(run("{%p if victim.representative %}")),
        paragraph(run("代表者")),
        paragraph(run("{{ victim.name }}")),
    )
    problem = only(lint_paths([path]), "syntax")
    assert problem.where == "paragraph “{%p if victim.representative %}”"
    assert "`{% endif %}`" in problem.message


def test_unknown_attribute_is_caught_with_a_suggestion(tmp_path: Path) -> None:
    path = word_template(
        tmp_path,
        paragraph(run("序文")),
        paragraph(run("申立人　{{ victim.nmae }}")),
    )
    problem = only(lint_paths([path]), "unknown-name")
    assert problem.where == "paragraph “申立人　{{ victim.nmae }}”"
    assert problem.message == (
        "`victim.nmae` is not in the template vocabulary (did you mean `victim.name`?)"
    )
    assert format_problem(problem) == f"{path}: {problem.where}: {problem.message}"


def test_loop_variables_are_scoped_to_their_loop(tmp_path: Path) -> None:
    path = word_template(
        tmp_path,
        paragraph(run("{%p for post in posts %}")),
        paragraph(run("{{ post.urll }}")),
        paragraph(run("{%p endfor %}")),
        paragraph(run("{{ post.url }}")),
    )
    problems = lint_paths([path])
    assert [(p.kind, p.where) for p in problems] == [
        ("unknown-name", "paragraph “{{ post.urll }}”"),
        ("unknown-name", "paragraph “{{ post.url }}”"),
    ]
    assert "did you mean `post.url`?" in problems[0].message


def test_table_rows_are_located_by_cell(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for e in evidence %}"
    table.cell(1, 0).text = "{{ e.label }}"
    table.cell(1, 1).text = "{{ e.titel }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    path = tmp_path / "table.docx"
    document.save(str(path))
    problem = only(lint_paths([path]), "unknown-name")
    assert problem.where == "table cell “{{ e.titel }}”"
    assert "did you mean `e.title`?" in problem.message


def test_unknown_filter(tmp_path: Path) -> None:
    path = word_template(tmp_path, paragraph(run("{{ case.date | jdat }}")))
    problem = only(lint_paths([path]), "unknown-filter")
    assert problem.where == "paragraph “{{ case.date | jdat }}”"
    assert "did you mean `jdate`?" in problem.message


def test_tag_split_across_runs_is_no_problem_but_an_info(tmp_path: Path) -> None:
    """Rendering joins the pieces (LibreOffice splits runs where Latin and Japanese meet)."""
    path = word_template(
        tmp_path, paragraph(run("宛先 {{ victim.") + run("name }}", "<w:b/>") + run("様"))
    )
    assert lint_paths([path]) == []
    problem = only(lint_paths([path], info=True), "split-runs")
    assert (problem.level, problem.where) == ("info", "paragraph “宛先 {{ victim.name }}様”")
    assert "split across 2 runs; rendering joins them" in problem.message


def test_tag_not_closed_in_its_paragraph(tmp_path: Path) -> None:
    path = word_template(tmp_path, paragraph(run("{{ victim.name")), paragraph(run("}}")))
    problems = lint_paths([path])
    assert any(p.kind == "split-tag" and "not closed" in p.message for p in problems)


def test_curly_quotes_in_a_tag_are_made_straight(tmp_path: Path) -> None:
    path = word_template(tmp_path, paragraph(run("{% if lang == “ja” %}和文{% endif %}")))
    assert lint_paths([path]) == []
    problem = only(lint_paths([path], info=True), "curly-quotes")
    assert problem.where.startswith("paragraph “{% if lang ==")


def test_tags_in_tracked_changes(tmp_path: Path) -> None:
    revision = 'w:id="{}" w:author="Lawyer" w:date="2026-11-01T00:00:00Z"'
    inserted = f"<w:ins {revision.format(1)}>{run('{{ victim.name }}')}</w:ins>"
    deleted = f"<w:del {revision.format(2)}><w:r><w:delText>{{{{ court.name }}}}</w:delText></w:r></w:del>"
    path = word_template(
        tmp_path, paragraph(run("申立人") + inserted), paragraph(run("裁判所") + deleted)
    )
    problems = [p for p in lint_paths([path]) if p.kind == "tracked-change"]
    assert [p.where for p in problems] == [
        "paragraph “申立人{{ victim.name }}”",
        "paragraph “裁判所”",
    ]
    assert "`{{ court.name }}`" in problems[1].message


def test_tags_in_comments(tmp_path: Path) -> None:
    document = docx.Document()
    tagged = document.add_paragraph().add_run("{{ victim.name }}")
    document.add_comment(tagged, text="check the name", author="Lawyer")
    plain = document.add_paragraph().add_run("本文")
    document.add_comment(plain, text="use {{ victim.shown_address }} here", author="Lawyer")
    path = tmp_path / "comments.docx"
    document.save(str(path))
    problems = [p for p in lint_paths([path]) if p.kind == "comment"]
    assert [p.where for p in problems] == [
        "paragraph “{{ victim.name }}”",
        "comment “use {{ victim.shown_address }} here”",
    ]


def test_japanese_text_without_an_east_asian_font(tmp_path: Path) -> None:
    with_font = '<w:rFonts w:eastAsia="IPAex明朝"/>'
    path = word_template(
        tmp_path,
        paragraph(run("発信者情報開示命令申立書", with_font)),
        paragraph(run("Petition ") + run("申立人")),
        east_asia=False,
    )
    problem = only(lint_paths([path]), "east-asian-font")
    assert problem.where == "paragraph “Petition 申立人”"
    assert "“申立人”" in problem.message
    # the default font of python-docx's template names an East Asian theme font: no problem
    assert lint_paths([word_template(tmp_path, paragraph(run("申立人")), name="ok.docx")]) == []


def test_text_template_lines(tmp_path: Path) -> None:
    source = tmp_path / "petition.md"
    source.write_text(
        "# 申立書\n\n{% for post in posts %}\n{% if post.text %}\n"
        "{{ post.txet }}\n{% endif %}\n{% endfor %}\n{{ fees.stamp | yn }}\n",
        encoding="utf-8",
    )
    problems = lint_paths([source])
    assert [(p.where, p.kind) for p in problems] == [
        ("line 5", "unknown-name"),
        ("line 8", "unknown-filter"),
    ]
    broken = tmp_path / "broken.md"
    broken.write_text("本文\n\n{% if victim.name %}\n本文\n", encoding="utf-8")
    assert [(p.where, p.kind) for p in lint_paths([broken])] == [("line 3", "syntax")]


def test_folders_are_searched_and_missing_paths_are_usage_errors(tmp_path: Path) -> None:
    folder = tmp_path / "firm" / "templates_ja"
    folder.mkdir(parents=True)
    (folder / "police-report.md").write_text("{{ victm.name }}\n", encoding="utf-8")
    (folder / "~$lock.docx").write_bytes(b"Word's lock file")
    problems = lint_paths([tmp_path / "firm"])
    assert [(p.file.name, p.kind) for p in problems] == [("police-report.md", "unknown-name")]
    with pytest.raises(InvalidRequestError):
        lint_paths([tmp_path / "nowhere"])


def test_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"not a zip")
    assert only(lint_paths([path]), "syntax").where == "the file"


def test_problem_is_frozen(tmp_path: Path) -> None:
    problem = Problem(tmp_path, "line 1", "syntax", "x")
    with pytest.raises(FrozenInstanceError):
        problem.kind = "comment"  # type: ignore[misc]


def test_vocabulary_is_derived_from_the_context() -> None:
    names = vocabulary_names()
    assert {"victim.name", "posts[].posted_at", "disclosure.login_items[].label"} <= set(names)
    assert names == sorted(names)
    assert is_known("victim.representative.title")
    assert not is_known("victim.nmae")
    assert is_known("loop.index")


def unset_keys(model: BaseModel, path: str = "") -> list[str]:
    missing = [
        path + name for name in type(model).model_fields if name not in model.model_fields_set
    ]
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel) and not isinstance(item, LocalizedTable):
                missing += unset_keys(item, f"{path}{name}.")
    return missing


def test_the_maximal_case_gives_every_key() -> None:
    """A key added to the case model must be added to the vocabulary's maximal case too."""
    assert unset_keys(maximal_case()) == []


def test_the_guide_lists_every_name() -> None:
    guide = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    block = guide.split("<!-- vocabulary: begin -->")[1].split("<!-- vocabulary: end -->")[0]
    listed, names = set(re.findall(r"`([^`]+)`", block)), set(vocabulary_names())
    assert (sorted(names - listed), sorted(listed - names)) == ([], []), "(undocumented, stale)"


def test_builtin_templates_lint_clean() -> None:
    """CI lints the built-in templates (.docx and .md) exactly as `docgen templates check` does."""
    problems = lint_paths([])
    assert problems == [], "\n".join(format_problem(p) for p in problems)
