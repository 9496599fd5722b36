"""Bad case files: every problem reported at once, with file, line and key path; nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.case.load import load_case
from docgen.cli import main
from docgen.errors import CaseError, InvalidRequestError
from tests.conftest import MINIMAL_CASE

WriteCase = Callable[..., Path]


def line_of(text: str, snippet: str) -> int:
    """The 1-based line of the first line containing ``snippet``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if snippet in line)


def findings_of(path: Path) -> list[tuple[int | None, str, str, str]]:
    with pytest.raises(CaseError) as caught:
        load_case(path)
    return [(f.line, f.path, f.severity, f.message.en) for f in caught.value.findings]


def render_fails(runner: CliRunner, path: Path, tmp_path: Path) -> str:
    """Render the case through the CLI; assert exit 1 and that nothing was written."""
    out = tmp_path / "out"
    result = runner.invoke(main, ["render", "petition", str(path), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert not out.exists() or not any(out.rglob("*"))
    assert "Traceback" not in result.stderr
    return result.stderr


def test_minimal_case_loads(minimal_case: Path) -> None:
    loaded = load_case(minimal_case)
    assert loaded.case.case.id == "test-001"
    assert loaded.warnings == ()


def test_toml_syntax_error_names_line_and_column(
    write_case: WriteCase, runner: CliRunner, tmp_path: Path
) -> None:
    path = write_case('[case]\nid = "x"\ndate = 2026-11-22\nlanguages = ["ja",\n[victim]\n')
    stderr = render_fails(runner, path, tmp_path)
    assert f"{path}:5: error [schema]" in stderr
    assert "TOML syntax error at column" in stderr


def test_unknown_key_suggests_the_close_name(
    write_case: WriteCase, runner: CliRunner, tmp_path: Path
) -> None:
    text = MINIMAL_CASE.replace("posted_at =", "posted_on =")
    path = write_case(text)
    found = findings_of(path)
    hint = "unknown key (did you mean `posted_at`?)"
    assert (line_of(text, "posted_on"), "posts[1].posted_on", "error", hint) in found
    missing = (
        line_of(text, "[[posts]]"),
        "posts[1].posted_at",
        "error",
        "required value is missing",
    )
    assert missing in found
    stderr = render_fails(runner, path, tmp_path)
    assert "posts[1].posted_on: unknown key (did you mean `posted_at`?)" in stderr


def test_every_problem_is_reported_at_once(write_case: WriteCase) -> None:
    text = MINIMAL_CASE.replace('id = "test-001"', 'id = "bad id!"')
    text = text.replace('url = "https://x.com', 'url = 42\n# "https://x.com')
    text = text.replace("[victim]\n", "[victim]\nnmae = 'x'\n")
    paths = {path for _, path, _, _ in findings_of(write_case(text))}
    assert {"case.id", "posts[1].url", "victim.nmae"} <= paths


def test_wrong_type_and_missing_value_name_the_key_path(write_case: WriteCase) -> None:
    text = MINIMAL_CASE.replace(
        'url = "https://x.com/someone/status/1834567890123456789"\n', ""
    ).replace('phone = "03-1000-0000"', "phone = 310000000")
    found = findings_of(write_case(text))
    assert (13, "posts[1]", "error", "required value is missing") not in found
    assert any(p == "posts[1].url" and m == "required value is missing" for _, p, _, m in found)
    assert any(p == "victim.phone" and line == 9 for line, p, _, _ in found)


def test_case_id_must_be_a_safe_folder_name(write_case: WriteCase) -> None:
    path = write_case(MINIMAL_CASE.replace('id = "test-001"', 'id = "../escape"'))
    (line, key, severity, message), *_ = findings_of(path)
    assert (line, key, severity) == (2, "case.id", "error")
    assert "names the output folder" in message


def test_evidence_path_may_not_leave_the_case_folder(write_case: WriteCase) -> None:
    text = MINIMAL_CASE + 'file = "../../etc/passwd"\n'
    found = findings_of(write_case(text))
    assert found == [
        (
            line_of(text, "file ="),
            "evidence[1].file",
            "error",
            "`../../etc/passwd` points outside the case folder",
        )
    ]


def test_missing_evidence_file_is_a_warning(write_case: WriteCase) -> None:
    loaded = load_case(write_case(MINIMAL_CASE + 'file = "evidence/post-1.png"\n'))
    assert [(f.path, f.severity) for f in loaded.warnings] == [("evidence[1].file", "warning")]


def test_unknown_evidence_id_in_a_post(write_case: WriteCase) -> None:
    text = MINIMAL_CASE.replace('evidence = ["1"]', 'evidence = ["1", "7"]')
    assert findings_of(write_case(text)) == [
        (
            line_of(text, 'evidence = ["1", "7"]'),
            "posts[1].evidence[2]",
            "error",
            "evidence `7` is not defined by any [[evidence]] entry",
        )
    ]


def test_a_date_after_the_document_date_is_an_error(
    write_case: WriteCase, runner: CliRunner, tmp_path: Path
) -> None:
    text = MINIMAL_CASE.replace("2026-09-01T21:14", "2026-12-01T21:14")
    path = write_case(text)
    found = findings_of(path)
    assert [(line, key) for line, key, _, _ in found] == [
        (line_of(text, "posted_at ="), "posts[1].posted_at")
    ]
    assert "later than the document date" in found[0][3]
    assert "[X5] posts[1].posted_at" in render_fails(runner, path, tmp_path)


@pytest.mark.parametrize(
    ("typed", "meant"), [("twitter", "x"), ("Instagram", "meta"), ("au", "kddi")]
)
def test_a_provider_typed_by_another_name_suggests_its_id(
    write_case: WriteCase, typed: str, meant: str
) -> None:
    path = write_case(MINIMAL_CASE.replace('ref = "x"', f'ref = "{typed}"'))
    ((_, key, _, message),) = findings_of(path)
    assert key == "platform.ref"
    assert f"did you mean `{meant}`?" in message


def test_unknown_registry_reference_suggests_one(write_case: WriteCase) -> None:
    path = write_case(MINIMAL_CASE.replace('ref = "x"', 'ref = "docomoo"'))
    ((_, key, _, message),) = findings_of(path)
    assert key == "platform.ref"
    assert "did you mean `docomo`?" in message


def test_missing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    with pytest.raises(InvalidRequestError):
        load_case(tmp_path / "nope.toml")
    result = runner.invoke(main, ["check", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2, result.output
    assert result.exit_code == 2
    assert "no such case file" in result.stderr


def test_japanese_messages_when_the_user_speaks_japanese(
    write_case: WriteCase, runner: CliRunner
) -> None:
    path = write_case(MINIMAL_CASE.replace("posted_at =", "posted_on ="))
    result = runner.invoke(main, ["check", str(path), "--lang", "ja"])
    assert result.exit_code == 1
    assert "`posted_at` の誤りではありませんか" in result.stdout
    assert "エラー 2 件" in result.stdout


def test_cross_table_problems_are_reported_with_structural_ones(write_case: WriteCase) -> None:
    text = MINIMAL_CASE.replace("posted_at =", "posted_on =")
    text = text.replace('evidence = ["1"]', 'evidence = ["9"]').replace('ref = "x"', 'ref = "xx"')
    paths = {path for _, path, _, _ in findings_of(write_case(text))}
    assert {"posts[1].posted_on", "posts[1].evidence[1]", "platform.ref"} <= paths


@pytest.mark.parametrize("table", ["case = 5\n", "posts = 3\n[case]\nid = 'x'\n"])
def test_tables_of_the_wrong_type_are_errors_not_crashes(write_case: WriteCase, table: str) -> None:
    found = findings_of(write_case(table))
    assert found and all(severity == "error" for _, _, severity, _ in found)


@pytest.mark.parametrize("bad_id", ["..", ".", ".hidden", "a/b", "山田"])
def test_case_ids_that_would_misplace_the_output_are_refused(
    write_case: WriteCase, bad_id: str
) -> None:
    path = write_case(MINIMAL_CASE.replace('id = "test-001"', f'id = "{bad_id}"'))
    assert [key for _, key, _, _ in findings_of(path)] == ["case.id"]


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL_CASE.encode("utf-8"))
    assert load_case(path).case.case.id == "test-001"


def test_shift_jis_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(MINIMAL_CASE.encode("shift_jis"))
    with pytest.raises(InvalidRequestError, match="save the case file as UTF-8"):
        load_case(path)


@pytest.mark.parametrize(
    ("line", "replacement", "path", "hint"),
    [
        (
            'evidence = ["1"]\n',
            'evidence = ["1"]\nstill_online = "no"\n',
            "posts[1].still_online",
            "true or false",
        ),
        (
            'evidence = ["1"]\n',
            'evidence = ["1"]\nstill_online = 1\n',
            "posts[1].still_online",
            "true or false",
        ),
        (
            'phone = "03-1000-0000"',
            'phone = "03-1000-0000"\nbirth_date = "1984-05-17"',
            "victim.birth_date",
            "without quotes",
        ),
        (
            'phone = "03-1000-0000"',
            'phone = "03-1000-0000"\nconceal_address = "yes"',
            "victim.conceal_address",
            "true or false",
        ),
        (
            "posted_at = 2026-09-01T21:14:00+09:00",
            'posted_at = "2031-09-03"',
            "posts[1].posted_at",
            "without quotes",
        ),
        (
            'kind = "screenshot"',
            'kind = "screenshot"\nmade_at = "2026-02-06"',
            "evidence[1].made_at",
            "without quotes",
        ),
    ],
)
def test_types_are_as_strict_as_the_schema(
    write_case: Callable[[str], Path], line: str, replacement: str, path: str, hint: str
) -> None:
    """The CLI and an editor validating with `docgen schema` agree: a string is not a date."""
    case = write_case(MINIMAL_CASE.replace(line, replacement, 1))
    with pytest.raises(CaseError) as raised:
        load_case(case)
    (finding,) = [f for f in raised.value.findings if f.path == path]
    assert finding.severity == "error" and hint in finding.message.en


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("found_at = 2026/2/5", "dates are written 2026-02-05"),
        ('name = "山田', "a string is not closed"),
        ('name "山田"', "need = between them"),
    ],
)
def test_a_syntax_error_says_what_was_meant(
    write_case: Callable[[str], Path], line: str, hint: str
) -> None:
    case = write_case(f'[case]\nid = "x"\n\n[victim]\n{line}\n')
    with pytest.raises(CaseError) as raised:
        load_case(case)
    finding = raised.value.findings[0]  # the problems of the rest follow (tests/test_messages.py)
    assert finding.line == 5 and hint in finding.message.en
