"""Nothing lost, nothing corrupt, no traceback (issue 12): control characters, batch isolation,
extreme values, hostile files, and the exit codes of the contract.

The property-based test runs a fixed set of 25 examples by default (a few seconds);
``DOCGEN_FUZZ_EXAMPLES=500 pytest tests/test_robustness.py -k any_text`` runs that many random ones.
"""

from __future__ import annotations

import copy
import io
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree

import docgen.batch
from docgen.batch import render_case_filings
from docgen.case.load import dotted, load_case
from docgen.cli import main
from docgen.errors import BrokenTemplateError, CaseError, InvalidRequestError
from docgen.lint.vocabulary import MAXIMAL_CASE
from docgen.render.formatting import edate, jdate, jmoment
from docgen.render.output import RenderedFile, write_files
from tests.conftest import MINIMAL_CASE, REPO

WriteCase = Callable[..., Path]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def render(runner: CliRunner, case: Path, out: Path, *extra: str) -> Result:
    result = runner.invoke(main, ["render", "petition", str(case), "-o", str(out), *extra])
    no_traceback(result)
    return result


def xml_parts(docx: Path | bytes) -> dict[str, bytes]:
    source = io.BytesIO(docx) if isinstance(docx, bytes) else docx
    with zipfile.ZipFile(source) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.endswith((".xml", ".rels"))}


def word_text(docx: Path) -> str:
    """The text of every part of a .docx that holds text: runs, tabs, breaks, paragraphs."""
    pieces = []
    for name, data in sorted(xml_parts(docx).items()):
        if not name.startswith("word/"):
            continue
        for element in etree.fromstring(data).iter():
            tag = element.tag
            if tag == f"{W}t":
                pieces.append(element.text or "")
            elif tag == f"{W}tab":
                pieces.append("\t")
            elif tag in (f"{W}br", f"{W}cr", f"{W}p"):
                pieces.append("\n")
    return "".join(pieces)


def squeezed(text: str) -> str:
    return " ".join(text.split())


# --- 1. control characters ---------------------------------------------------------------------

IDENTIFICATION = "実名が記載されている。"


@pytest.mark.parametrize(
    ("escape", "label"),
    [
        ("\\u0000", "U+0000 (NUL)"),
        ("\\u0001", "U+0001 (a control character)"),
        ("\\u0007", "U+0007 (bell)"),
        ("\\b", "U+0008 (backspace)"),
        ("\\u000b", "U+000B (vertical tab)"),
        ("\\f", "U+000C (form feed)"),
        ("\\u001b", "U+001B (escape)"),
        ("\\u007f", "U+007F (delete)"),
        ("\\u0085", "U+0085 (a control character)"),
        ("\\ufffe", "U+FFFE (a Unicode noncharacter)"),
        ("\\uffff", "U+FFFF (a Unicode noncharacter)"),
    ],
)
def test_a_character_with_no_meaning_in_a_filing_is_an_error_naming_the_key(
    runner: CliRunner, write_case: WriteCase, tmp_path: Path, escape: str, label: str
) -> None:
    path = write_case(MINIMAL_CASE.replace(IDENTIFICATION, f"実名{escape}が記載されている。"))
    result = render(runner, path, tmp_path / "out")
    assert result.exit_code == 1
    assert f"error [schema] claim.identification.ja: holds {label} at character 3" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ('account = "@someone"', 'account = "@some\\u0007one"'),
        ('phone = "03-1000-0000"', 'phone = "03-1000\\u0000-0000"'),
        ('kind = "screenshot"', 'kind = "screenshot"\nfile = "shot\\u0000.png"'),
        ('evidence = ["1"]', 'evidence = ["1\\u0001"]'),
    ],
)
def test_every_kind_of_text_refuses_control_characters(
    write_case: WriteCase, key: str, line: str
) -> None:
    path = write_case(MINIMAL_CASE.replace(key, line))
    with pytest.raises(CaseError) as raised:
        load_case(path)
    assert any("holds U+" in f.message.en for f in raised.value.findings)


def test_tab_lf_and_crlf_stay_and_a_lone_cr_is_read_as_a_line_feed(write_case: WriteCase) -> None:
    text = "一行目\\t続き\\r\\n二行目\\n三行目\\r四行目"
    path = write_case(MINIMAL_CASE.replace(IDENTIFICATION, text))
    identification = load_case(path).case.claim.identification
    assert identification is not None and not isinstance(identification, str)
    assert identification.ja == "一行目\t続き\r\n二行目\n三行目\n四行目"


def test_a_lone_cr_reaches_word_as_a_line_break(
    runner: CliRunner, write_case: WriteCase, tmp_path: Path
) -> None:
    path = write_case(MINIMAL_CASE.replace(IDENTIFICATION, "甲ＣＲ\\r乙ＣＲ"))
    assert render(runner, path, tmp_path, "--lang", "ja").exit_code == 0
    assert "甲ＣＲ\n乙ＣＲ" in word_text(tmp_path / "test-001/disclosure-petition.ja.docx")


def test_a_word_file_whose_xml_does_not_parse_is_never_made() -> None:
    """The last line of defence: whatever reaches a .docx, it is refused if Word could not read it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>\x01</w:document>")
    with pytest.raises(BrokenTemplateError, match=r"word/document.xml would not be well-formed XML"):
        RenderedFile(Path("x/petition.ja.docx"), buffer.getvalue())
    with pytest.raises(BrokenTemplateError, match="not a valid Word document"):
        RenderedFile(Path("x/petition.ja.docx"), b"not a zip")
    RenderedFile(Path("x/petition.ja.md"), b"\x01 is fine in bytes that are not Word")


def test_a_firm_template_that_writes_a_control_character_is_exit_3(
    runner: CliRunner, minimal_case: Path, tmp_path: Path
) -> None:
    firm = tmp_path / "firm" / "templates_ja"
    firm.mkdir(parents=True)
    built = REPO / "templates_ja" / "disclosure-petition.docx"
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(firm / built.name, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                # the template is well-formed XML; what it prints (U+0001) is not
                text = b'<w:p><w:r><w:t>{{ "\\x01" }}</w:t></w:r></w:p></w:body>'
                data = data.replace(b"</w:body>", text)
            target.writestr(info, data)
    out = tmp_path / "out"
    args = ["--lang", "ja", "--templates", str(tmp_path / "firm")]
    result = render(runner, minimal_case, out, *args)
    assert result.exit_code == 3, result.output
    assert "would not be well-formed XML" in result.stderr
    assert not out.exists()


# The property: every text field of a case, any text at all. Either the case is refused (exit 1,
# nothing written) or every XML part of the .docx parses and the value is in the document's text.

FUZZ_EXAMPLES = int(os.environ.get("DOCGEN_FUZZ_EXAMPLES", "0")) or None
"""None: the CI run, a fixed set of 25 examples; a number: that many random ones."""
URL_FORM = "https://zq.example/"
COURT, RELATED_COURT = ("case", "court"), ("case", "related_case", "court")


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return []


def _put(data: dict[str, Any], path: tuple[Any, ...], value: str) -> None:
    """Set ``path``; a value of the court petitioned also goes to the pending case's court (S14
    requires the two to be one court), so that changing it does not make another error."""
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    if path[: len(COURT)] == COURT and "related_case" in data["case"]:
        _put(data, (*RELATED_COURT, *path[len(COURT) :]), value)


def _maximal() -> dict[str, Any]:
    """MAXIMAL_CASE (every key there is) as an individual's case that renders without error."""
    data: dict[str, Any] = tomllib.loads(tomlkit.dumps(MAXIMAL_CASE))  # no shared tables
    data["claim"]["rights"] = ["reputation", "honor_feeling", "privacy"]
    data["victim"]["kind"] = "individual"
    data["case"]["related_case"]["court"] = copy.deepcopy(data["case"]["court"])
    return data


def _maximal_first_petition() -> dict[str, Any]:
    """The same before any petition is pending (so a disclosure petition is called for), with a
    quote post, and the claim worded once for every filing but the disclosure petition."""
    data = _maximal()
    del data["case"]["related_case"]
    data["posts"][0]["kind"] = "quote"
    claim = data["claim"]
    data["claim"] = {
        k: v for k, v in claim.items() if k == "disclosure-petition" or "ja" in v or k == "rights"
    }
    return data


VARIANTS = (_maximal, _maximal_first_petition)


def _errors(data: dict[str, Any], folder: Path) -> list[str]:
    """The key paths of the errors loading ``data`` finds (as load_case, without the file)."""
    from docgen.case.crosscheck import cross_checks
    from docgen.case.load import validate

    findings: list[Any] = []
    validate(data, "", findings)
    findings += cross_checks(data, folder, data["case"]["date"])
    return [f.path for f in findings if f.severity == "error"]


@cache
def text_fields() -> tuple[tuple[int, tuple[Any, ...], str, str, str], ...]:
    """(variant, key path, form, filing, language) of every free-text field of the maximal cases
    with a document that shows it: found by giving each field a marker (a field that refuses the
    marker, such as an evidence id or a choice, is no free text) and rendering every filing."""
    import tempfile

    from docgen import api

    folder = Path(tempfile.mkdtemp(prefix="docgen-fuzz-"))
    fields = []
    for variant, build in enumerate(VARIANTS):
        base, markers = build(), {}
        for index, path in enumerate(_leaves(base)):
            if path[: len(RELATED_COURT)] == RELATED_COURT:
                continue  # follows the court petitioned
            for form in ("", URL_FORM):
                trial = copy.deepcopy(base)
                _put(trial, path, f"{form}ZQ{index:03d}Q")
                if not _errors(trial, folder):
                    markers[path] = (form, f"{form}ZQ{index:03d}Q")
                    break
        case = copy.deepcopy(base)
        for path, (_, marker) in markers.items():
            _put(case, path, marker)
        (folder / "case.toml").write_text(tomlkit.dumps(case), encoding="utf-8")
        texts = {}
        for filing in api.FILINGS:
            try:
                outcome = api.render_case(folder / "case.toml", filing, out_dir=folder / "out")
            except CaseError:
                continue  # this variant does not call for that filing
            texts.update({doc: word_text(doc) for doc in outcome.written})
        for path, (form, marker) in markers.items():
            shown = sorted(doc for doc, text in texts.items() if marker in text)
            if shown:
                filing, lang, _ = shown[0].name.split(".")
                fields.append((variant, path, form, filing, lang))
    return tuple(fields)


def test_the_fuzzed_fields_cover_the_free_text_of_the_case() -> None:
    covered = {dotted(path) for _, path, *_ in text_fields()}
    for key in (
        "victim.name.ja",
        "victim.address.en",
        "attorneys[1].phone",
        "posts[1].text.ja",
        "posts[1].url",
        "claim.harm.en",
        "police.circumstances.ja",
        "evidence[1].title.ja",
        "case.court.name.ja",
        "claim.identification.ja",
        "disclosure.supplementarity.en",
        "posts[1].original.text.ja",
        "claim.disclosure-petition.harm.en",
    ):
        assert key in covered
    assert len(covered) > 60


ANY_CHARACTER = st.characters(exclude_categories=["Cs"]) | st.sampled_from(
    list("\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x7f\x85\u2028\ufeff\ufffe\uffff&<>\"'")
)


@settings(
    max_examples=FUZZ_EXAMPLES or 25,
    derandomize=FUZZ_EXAMPLES is None,  # the same examples on every CI run: no flaky failures
    database=None,  # nothing written into the working tree
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(range(10_000)), value=st.text(ANY_CHARACTER, max_size=24))
def test_any_text_in_any_field_gives_a_readable_word_file_or_an_error(
    tmp_path_factory: pytest.TempPathFactory, field: int, value: str
) -> None:
    fields = text_fields()
    variant, path, form, filing, lang = fields[field % len(fields)]
    assume("{" not in value)  # `{victim}`, `{ev:1}` are references, replaced by design
    if form:
        assume(value and not any(c.isspace() for c in value))
    data = VARIANTS[variant]()
    _put(data, path, form + value)
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "case.toml").write_text(tomlkit.dumps(data), encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(
        main, ["render", filing, str(folder / "case.toml"), "-o", str(out), "--lang", lang]
    )
    no_traceback(result)
    assert result.exit_code in (0, 1), result.output
    event(f"exit {result.exit_code}")
    if result.exit_code == 1:
        assert not out.exists()
        return
    document = out / "vocabulary" / f"{filing}.{lang}.docx"
    for data_part in xml_parts(document).values():
        etree.fromstring(data_part)  # raises if Word could not read it
    expected = squeezed((form + value).replace("\r\n", "\n").replace("\r", "\n"))
    assert expected in squeezed(word_text(document))


# --- 2. cases that share a case.id ---------------------------------------------------------------


def test_cases_that_share_an_id_both_fail_naming_both_files(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = tmp_path / "matters"
    for name, ident in (("a", "same-001"), ("b", "SAME-001"), ("c", "other-001")):
        (root / name).mkdir(parents=True)
        text = MINIMAL_CASE.replace('id = "test-001"', f'id = "{ident}"')
        (root / name / "case.toml").write_text(text, encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "report.json"
    for jobs in ("1", "2"):
        args = ["batch", str(root), "-o", str(out), "--filings", "petition", "--jobs", jobs]
        result = runner.invoke(main, [*args, "--report", "json", str(report)])
        no_traceback(result)
        assert result.exit_code == 1
        assert files_under(out) == [
            "other-001/disclosure-petition.en.docx",
            "other-001/disclosure-petition.ja.docx",
        ]
        both = f"{root / 'a' / 'case.toml'} and {root / 'b' / 'case.toml'}"
        assert result.stderr.count(both) == 2
        results = {Path(r["case"]).parent.name: r for r in json_results(report)}
        assert not results["a"]["ok"] and not results["b"]["ok"] and results["c"]["ok"]
        assert "case.id `same-001` is the id of 2 cases" in results["a"]["error"]


def json_results(report: Path) -> list[dict[str, Any]]:
    import json

    results: list[dict[str, Any]] = json.loads(report.read_text(encoding="utf-8"))["results"]
    return results


# --- 3. a render's files as one set --------------------------------------------------------------


def test_a_render_that_fails_half_way_leaves_the_old_set(
    runner: CliRunner, minimal_case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert render(runner, minimal_case, out, "--format", "md").exit_code == 0
    before = {p: (out / p).read_bytes() for p in files_under(out)}
    (out / "test-001/disclosure-petition.en.docx").mkdir()  # a target that cannot be replaced
    result = render(runner, minimal_case, out, "--format", "md,docx")
    assert result.exit_code == 2
    assert "disclosure-petition.en.docx: cannot write output" in result.stderr
    assert {p: (out / p).read_bytes() for p in files_under(out)} == before
    assert not [p for p in (out / "test-001").iterdir() if p.name.startswith(".")]


def test_a_full_disk_leaves_the_old_set_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    old = [RenderedFile(Path(f"c/{n}.md"), b"old") for n in ("a", "b", "c")]
    write_files(out, old)
    real_fdopen = os.fdopen
    calls = {"n": 0}

    class FullDisk(io.BytesIO):
        def write(self, data: Any) -> int:
            raise OSError(28, "No space left on device")

    def fill_up(handle: int, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:  # the second file of the set does not fit
            os.close(handle)
            return FullDisk()
        return real_fdopen(handle, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fill_up)
    new = [RenderedFile(Path(f"c/{n}.md"), b"new") for n in ("a", "b", "c")]
    with pytest.raises(InvalidRequestError, match="No space left on device"):
        write_files(out, new)
    monkeypatch.undo()
    assert calls["n"] == 2
    assert {p: (out / p).read_bytes() for p in files_under(out)} == {
        "c/a.md": b"old",
        "c/b.md": b"old",
        "c/c.md": b"old",
    }  # and no temporary file is left (files_under lists hidden files too)


def test_a_rename_that_fails_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_files(out, [RenderedFile(Path(f"c/{n}.md"), b"old") for n in ("a", "b")])
    real_replace = os.replace

    def refuse_b(source: Any, target: Any) -> None:
        if str(target).endswith("b.md") and ".tmp" in str(source):
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_b)
    new = [RenderedFile(Path(f"c/{n}.md"), b"new") for n in ("a", "b", "c")]
    with pytest.raises(InvalidRequestError, match="Input/output error"):
        write_files(out, new)
    monkeypatch.undo()
    assert {p: (out / p).read_bytes() for p in files_under(out)} == {
        "c/a.md": b"old",
        "c/b.md": b"old",
    }


# --- 5. extreme values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("date = 2026-11-22", "date = 0001-01-01", "case.date"),
        ("date = 2026-11-22", "date = 9999-12-31", "case.date"),
        (
            "posted_at = 2026-09-01T21:14:00+09:00",
            "posted_at = 0001-01-01T00:00:00+09:00",
            "posts[1].posted_at",
        ),
        (
            "posted_at = 2026-09-01T21:14:00+09:00",
            "posted_at = 9999-12-31T23:59:59-05:00",
            "posts[1].posted_at",
        ),
        (
            "posted_at = 2026-09-01T21:14:00+09:00",
            "posted_at = 1989-12-31T23:00:00+09:00",
            "posts[1].posted_at",
        ),
        (
            'phone = "03-1000-0000"',
            'phone = "03-1000-0000"\nbirth_date = 1850-01-01',
            "victim.birth_date",
        ),
        (
            'items = ["name", "address", "email"]',
            'items = ["name"]\ndecision_notified_at = 9999-12-31',
            "disclosure.decision_notified_at",
        ),
        ('id = "1"', 'id = "1"\nmade_at = 0001-01-01', "evidence[1].made_at"),
        (
            "[claim]",
            "[police]\noffender_known_at = 9999-12-31\n\n[claim]",
            "police.offender_known_at",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "render", "deadlines"])
def test_a_date_outside_the_plausible_range_is_an_error_naming_the_key(
    runner: CliRunner,
    write_case: WriteCase,
    tmp_path: Path,
    old: str,
    new: str,
    key: str,
    command: str,
) -> None:
    path = write_case(MINIMAL_CASE.replace(old, new))
    args = {"render": ["render", "petition", str(path), "-o", str(tmp_path / "o")]}
    result = runner.invoke(main, args.get(command, [command, str(path)]))
    no_traceback(result)
    assert result.exit_code == 1
    assert f"error [schema] {key}: " in result.output
    assert "is outside the range docgen accepts here" in result.output


def test_two_lines_with_a_moment_near_year_one_are_errors_not_a_crash(
    runner: CliRunner, write_case: WriteCase
) -> None:
    path = write_case("[[posts]]\nposted_at = 0001-01-01T00:00:00+09:00\n")
    result = runner.invoke(main, ["check", str(path)])
    no_traceback(result)
    assert result.exit_code == 1
    assert "posts[1].posted_at: 0001-01-01T00:00:00+09:00 is outside the range" in result.stdout


@pytest.mark.parametrize("epoch", ["1" + "0" * 21, "-1", "4102444800000", "soon", "1e9"])
def test_source_date_epoch_out_of_range_or_malformed_is_a_usage_error(
    runner: CliRunner, write_case: WriteCase, tmp_path: Path, epoch: str
) -> None:
    path = write_case(MINIMAL_CASE.replace("date = 2026-11-22\n", ""))
    result = runner.invoke(
        main,
        ["render", "petition", str(path), "-o", str(tmp_path / "o")],
        env={"SOURCE_DATE_EPOCH": epoch},
    )
    no_traceback(result)
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr


def test_source_date_epoch_in_range_dates_the_documents(write_case: WriteCase) -> None:
    path = write_case(MINIMAL_CASE.replace("date = 2026-11-22\n", ""))
    os.environ["SOURCE_DATE_EPOCH"] = "1795305600"  # 2026-11-22T00:00:00Z
    try:
        assert load_case(path).case.document_date == date(2026, 11, 22)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def test_the_date_filters_never_fail_inside_a_template() -> None:
    assert jdate(date(1850, 3, 1)) == "1850年3月1日"
    assert jdate(date(1873, 1, 1)) == "明治6年1月1日"
    assert jdate(date(1900, 4, 1)) == "明治33年4月1日"
    assert edate(date(1, 1, 1)) == "January 1, 1"
    assert jmoment(datetime.fromisoformat("0001-01-01T00:00:00+09:00")).startswith("1年1月1日")
    assert jdate(datetime.fromisoformat("9999-12-31T23:00:00-05:00")).endswith("12月31日")


# --- 6. hostile files ----------------------------------------------------------------------------


def test_toml_nested_a_thousand_deep_is_an_error(runner: CliRunner, write_case: WriteCase) -> None:
    for text in ("a = " + "[" * 1000 + "]" * 1000, "x = " + "{a = " * 400 + "1" + "}" * 400):
        path = write_case(text + "\n")
        result = runner.invoke(main, ["check", str(path)])
        no_traceback(result)
        assert result.exit_code == 1
        assert "nested too deeply" in result.stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a\\u0000b.png", "evidence[1].file: holds U+0000 (NUL)"),
        ("x" * 256 + ".png", "evidence[1].file: a file or folder name longer than 255 bytes"),
        ("証" * 90 + ".png", "evidence[1].file: a file or folder name longer than 255 bytes"),
        ("d/" * 3000 + "x.png", "evidence[1].file: evidence file"),
    ],
)
def test_an_evidence_file_name_no_file_system_allows_is_a_message(
    runner: CliRunner, write_case: WriteCase, name: str, message: str
) -> None:
    path = write_case(MINIMAL_CASE + f'file = "{name}"\n')
    result = runner.invoke(main, ["check", str(path)])
    no_traceback(result)
    assert result.exit_code in (0, 1)
    assert message in result.stdout


def test_a_case_file_that_is_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "case.toml"
    os.mkfifo(fifo)
    docgen = Path(sys.executable).with_name("docgen")
    for args in (["check", str(fifo)], ["batch", str(tmp_path), "-o", str(tmp_path / "o")]):
        done = subprocess.run([docgen, *args], capture_output=True, text=True, timeout=60)
        assert done.returncode in (1, 2), done.stderr
        assert "not a regular file" in done.stderr
        assert "Traceback" not in done.stderr


# --- 8 / 9. batch: isolation, lost workers, reports, the terminal --------------------------------


def _bad_cases(root: Path) -> None:
    cases = {
        "good": MINIMAL_CASE,
        "far-future": MINIMAL_CASE.replace("date = 2026-11-22", "date = 9999-12-31").replace(
            'id = "test-001"', 'id = "far-001"'
        ),
        "long-id": MINIMAL_CASE.replace('id = "test-001"', f'id = "{"x" * 300}"'),
    }
    for name, text in cases.items():
        (root / name).mkdir(parents=True)
        (root / name / "case.toml").write_text(text, encoding="utf-8")


def test_one_bad_case_fails_on_its_own(runner: CliRunner, tmp_path: Path) -> None:
    root, out, report = tmp_path / "m", tmp_path / "out", tmp_path / "junit.xml"
    _bad_cases(root)
    args = ["batch", str(root), "-o", str(out), "--filings", "petition", "--jobs", "2"]
    result = runner.invoke(main, [*args, "--report", "junit", str(report)])
    no_traceback(result)
    assert result.exit_code == 1
    assert files_under(out) == [
        "test-001/disclosure-petition.en.docx",
        "test-001/disclosure-petition.ja.docx",
    ]
    assert "case.date: 9999-12-31 is outside the range" in result.stderr
    assert "case.id: is 300 characters long; use at most 100" in result.stderr
    failures = [
        c for c in ET.parse(report).getroot().iter("testcase") if c.find("failure") is not None
    ]
    assert len(failures) == 2


def test_a_case_that_crashes_docgen_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docgen.render.document import RenderOptions

    root = tmp_path / "m"
    _bad_cases(root)

    def explode(*_: Any) -> Any:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(docgen.batch, "render_filing", explode)
    options = RenderOptions(filings=("disclosure-petition",), out_dir=tmp_path / "out")
    (result,) = render_case_filings(root / "good" / "case.toml", options)
    assert not result.ok
    assert result.error is not None and "OverflowError: date value out of range" in result.error


def _render_or_die(path: Path, options: Any) -> Any:
    """In a worker: the process dies (as under kill -9) on the case named `killer`."""
    if path.parent.name == "killer":
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_RENDER(path, options)


_REAL_RENDER = render_case_filings


def test_a_lost_worker_fails_only_the_case_it_held(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched worker function reaches the workers only when they are forked")
    root, out, report = tmp_path / "m", tmp_path / "out", tmp_path / "report.json"
    for index in range(6):
        name = "killer" if index == 2 else f"case-{index}"
        (root / name).mkdir(parents=True)
        text = MINIMAL_CASE.replace('id = "test-001"', f'id = "{name}"')
        (root / name / "case.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(docgen.batch, "render_case_filings", _render_or_die)
    args = ["batch", str(root), "-o", str(out), "--filings", "petition", "--jobs", "2"]
    result = runner.invoke(main, [*args, "--format", "md", "--report", "json", str(report)])
    no_traceback(result)
    assert result.exit_code == 1
    assert sorted(p.split("/")[0] for p in files_under(out)) == sorted(
        f"case-{i}" for i in range(6) if i != 2 for _ in ("ja", "en")
    )
    failed = [r for r in json_results(report) if not r["ok"]]
    assert [Path(r["case"]).parent.name for r in failed] == ["killer"]
    assert "the worker process rendering this case stopped" in failed[0]["error"]
    assert "docgen: a worker process was lost" in result.stderr


def test_a_report_that_cannot_be_written_is_a_message_before_rendering(
    runner: CliRunner, minimal_case: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    for target in (blocker / "report.xml", tmp_path):
        args = ["batch", str(minimal_case), "-o", str(out), "--report", "junit", str(target)]
        result = runner.invoke(main, args)
        no_traceback(result)
        assert result.exit_code == 2
        assert f"--report {target}:" in result.stderr
        assert not out.exists()


def test_a_report_that_fails_at_the_end_is_explained(
    runner: CliRunner, minimal_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docgen.reports.batch_report

    def read_only(*_: Any, **__: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(docgen.reports.batch_report, "write_report", read_only)
    report = tmp_path / "r" / "report.json"
    args = ["batch", str(minimal_case), "-o", str(tmp_path / "o"), "--report", "json", str(report)]
    result = runner.invoke(main, [*args, "--jobs", "1"])
    no_traceback(result)
    assert result.exit_code == 2
    assert f"the json report could not be written to {report} (Permission denied)" in result.stderr
    assert re.search(r"^1 case\(s\), [1-9][0-9]* document\(s\) written", result.stdout)


def test_escape_sequences_from_a_case_reach_neither_terminal_nor_report(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = tmp_path / "m"
    folder = root / "evil\x1b]0;owned\x07\x1b[2J\x01"
    folder.mkdir(parents=True)
    text = MINIMAL_CASE.replace("[claim]", '[claim]\n"\\u001b[31mred" = 1')
    (folder / "case.toml").write_text(text, encoding="utf-8")
    report = tmp_path / "junit.xml"
    args = ["batch", str(root), "-o", str(tmp_path / "o"), "--report", "junit", str(report)]
    result = runner.invoke(main, [*args, "--jobs", "1"])
    no_traceback(result)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\x01" not in result.output
    assert "claim.\\u001b[31mred: unknown key" in result.stderr
    suite = ET.parse(report).getroot()  # well-formed despite the control characters
    (case,) = suite.iter("testcase")
    assert "\\u0001" in (case.get("classname") or "")  # a case that fails to load: its path
    checked = runner.invoke(main, ["check", str(folder / "case.toml")])
    assert "claim.\\u001b[31mred: unknown key" in checked.stdout  # the key, escaped


# --- 15. case ids every file system can use ------------------------------------------------------


@pytest.mark.parametrize(
    "ident", ["CON", "nul", "Com1", "LPT9", "aux.docx", "prn.tar.gz", "abc.", "x" * 101]
)
def test_case_ids_windows_cannot_use_or_too_long_are_refused(
    write_case: WriteCase, ident: str
) -> None:
    path = write_case(MINIMAL_CASE.replace('id = "test-001"', f'id = "{ident}"'))
    with pytest.raises(CaseError) as raised:
        load_case(path)
    assert [(f.path, f.line) for f in raised.value.findings] == [("case.id", 2)]


@pytest.mark.parametrize("ident", ["CONTRACT-1", "com10", "nullable", "a.b", "x" * 100])
def test_case_ids_near_the_reserved_names_are_fine(write_case: WriteCase, ident: str) -> None:
    path = write_case(MINIMAL_CASE.replace('id = "test-001"', f'id = "{ident}"'))
    assert load_case(path).case.case.id == ident


# --- 17. exit codes ------------------------------------------------------------------------------


def test_ctrl_c_exits_130_without_a_traceback(
    runner: CliRunner, minimal_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docgen.api

    def interrupted(*_: Any, **__: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(docgen.api, "render_case", interrupted)
    result = runner.invoke(main, ["render", "petition", str(minimal_case), "-o", str(tmp_path)])
    assert result.exit_code == 130
    assert "docgen: interrupted" in result.stderr
    assert "Traceback" not in result.output


def test_sigint_to_the_process_exits_130(minimal_case: Path, tmp_path: Path) -> None:
    script = (
        "import sys, time, docgen.api\n"
        "def slow(*a, **k):\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(60)\n"
        "docgen.api.render_case = slow\n"
        "from docgen.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            script,
            "render",
            "petition",
            str(minimal_case),
            "-o",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in stderr


def test_a_second_report_option_is_a_usage_error(
    runner: CliRunner, minimal_case: Path, tmp_path: Path
) -> None:
    args = ["batch", str(minimal_case), "-o", str(tmp_path / "o")]
    reports = [
        "--report",
        "json",
        str(tmp_path / "a.json"),
        "--report",
        "junit",
        str(tmp_path / "b"),
    ]
    result = runner.invoke(main, [*args, *reports])
    no_traceback(result)
    assert result.exit_code == 2
    assert "--report is given more than once" in result.stderr
    assert not (tmp_path / "o").exists()


def test_no_message_carries_a_raw_control_character(write_case: WriteCase) -> None:
    path = write_case(MINIMAL_CASE.replace('ref = "x"', 'ref = "x\\u001b[0m"'))
    with pytest.raises(CaseError) as raised:
        load_case(path)
    for finding in raised.value.findings:
        shown = finding.path + finding.message.en + finding.message.ja
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", shown), shown


# ----------------------------------------------------------- issue 12 item 10: a killed PDF run

HANGING_OFFICE = """#!/bin/sh
sleep 60 &
echo $! > "$PIDFILE"
wait
"""


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_the_pdf_folder_of_a_killed_run_is_removed_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docgen.render import pdf

    office, pidfile, scratch = tmp_path / "soffice", tmp_path / "office.pid", tmp_path / "tmp"
    office.write_text(HANGING_OFFICE, encoding="utf-8")
    office.chmod(0o755)
    scratch.mkdir()
    case = tmp_path / "case" / "case.toml"
    case.parent.mkdir()
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    env = {**os.environ, "DOCGEN_SOFFICE": str(office), "PIDFILE": str(pidfile), "TMPDIR": str(scratch)}
    command = [sys.executable, "-m", "docgen", "render", "petition", str(case), "-o", str(tmp_path / "o")]
    run = subprocess.Popen([*command, "--format", "pdf", "--lang", "ja"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not pidfile.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        (work,) = scratch.glob("docgen-pdf-*")
        assert list(work.rglob("*.docx"))  # a copy of the filing waits for LibreOffice
        run.send_signal(signal.SIGKILL)
        run.wait()
    finally:
        if pidfile.exists():
            os.kill(int(pidfile.read_text()), signal.SIGKILL)
        if run.poll() is None:
            run.kill()
    assert work.is_dir()  # a killed run cannot clean up after itself
    live = scratch / "docgen-pdf-live"
    live.mkdir()
    monkeypatch.setattr(pdf, "YOUNG", 0.0)
    with pdf._claimed(live):  # a run that is still converting keeps its folder
        assert pdf.remove_stale_work_folders(scratch) == [work]
        assert live.is_dir()
    assert not work.exists()


# ------------------------------------------- issue 12 item 9: check and render on a terminal

def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run docgen with stdout and stderr on a pseudo-terminal; its exit code and what it shows."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "docgen", *args], stdout=follower, stderr=follower,
        stdin=subprocess.DEVNULL, env={**os.environ, "DOCGEN_LANG": "en"},
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once docgen has exited
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=60), shown.decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal (Linux)")
def test_check_and_render_show_no_escape_sequence_from_a_case_path_on_a_terminal(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "case\x1b]0;owned\x07\x1b[2J\x08x"
    folder.mkdir()
    case = folder / "case.toml"
    case.write_text(MINIMAL_CASE.replace("posted_at", "posted_on"), encoding="utf-8")
    for args in (["check", str(case)], ["render", "petition", str(case), "-o", str(tmp_path / "o")]):
        code, shown = _on_a_terminal(args)
        assert code == 1, shown
        assert "\x1b" not in shown and "\x07" not in shown and "\x08" not in shown
        # the path without its escape sequences (a title, a clear screen), other controls shown
        assert f"{tmp_path}/case\\u0008x/case.toml" in shown
        assert "posts[1].posted_on" in shown
    piped = subprocess.run(
        [sys.executable, "-m", "docgen", "check", str(case)], capture_output=True, check=False
    )
    assert b"case\x1b]0;owned\x07" in piped.stdout  # a pipe gets the path (click drops CSI)


# ------------------------------------------------ issue 12 item 13: a bound on posts per case

@pytest.mark.parametrize(
    ("key", "entry"),
    [
        ("posts", 'url = "https://x.com/a/status/{n}"\naccount = "@a"\n'
                  "posted_at = 2026-09-01T21:14:00+09:00\ntext = \"t\"\n"),
        ("evidence", 'id = "e{n}"\ntitle = "t"\nkind = "screenshot"\n'),
        ("connections", 'ip = "192.0.2.1"\n'),
    ],
)
def test_more_than_1000_posts_evidence_or_connections_are_refused_naming_the_key(
    key: str, entry: str, runner: CliRunner, write_case: WriteCase, tmp_path: Path
) -> None:
    from docgen.case.model import MAX_CONNECTIONS, MAX_EVIDENCE, MAX_POSTS

    assert MAX_POSTS == MAX_EVIDENCE == MAX_CONNECTIONS == 1000
    extra = "".join(f"\n[[{key}]]\n" + entry.format(n=n) for n in range(1001))
    case = write_case(MINIMAL_CASE + extra)
    started = time.monotonic()
    checked = runner.invoke(main, ["check", str(case), "--lang", "en"])
    assert checked.exit_code == 1, checked.output
    assert f"error [schema] {key}: at most 1000 values are allowed" in checked.stdout
    rendered = runner.invoke(main, ["render", "petition", str(case), "-o", str(tmp_path / "o")])
    assert rendered.exit_code == 1
    assert not (tmp_path / "o").exists()
    assert time.monotonic() - started < 20


def test_a_case_file_over_5_mb_is_refused_before_it_is_read(
    runner: CliRunner, write_case: WriteCase
) -> None:
    post = '\n[[posts]]\nurl = "https://x.com/a/status/{n}"\naccount = "@a"\ntext = "{pad}"\n'
    extra = "".join(post.format(n=n, pad="x" * 500) for n in range(10_000))
    case = write_case(MINIMAL_CASE + extra)
    started = time.monotonic()
    checked = runner.invoke(main, ["check", str(case), "--lang", "en"])
    assert checked.exit_code == 2, checked.output
    assert "larger than 5 MB" in checked.output
    assert time.monotonic() - started < 2
