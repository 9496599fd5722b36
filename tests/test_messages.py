"""Messages a lawyer can act on, in their language: every kind of problem the loader reports,
said in Japanese with `--lang ja` (or a Japanese locale), misspelt choices corrected, findings in
file order, and a syntax error that does not hide the rest of the file."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.case.messages import basis_text
from docgen.cli import main
from docgen.filings import FILINGS
from tests.conftest import MINIMAL_CASE, SAMPLES

WriteCase = Callable[..., Path]
M = MINIMAL_CASE
POST_END = 'evidence = ["1"]\n'
CONNECTION = '\n[[connections]]\nip = "203.0.113.1"\nat = 2026-09-01T21:14:00+09:00\n'

BAD_CASES = {
    # choices (Literal and Enum), misspelt and not
    "kind": M.replace('phone = "03-1000-0000"', 'phone = "03-1000-0000"\nkind = "individal"'),
    "items": M.replace('"address", "email"]', '"adress", "email"]'),
    "purposes": M.replace('purposes = ["damages"]', 'purposes = ["compensation"]'),
    "language": M.replace('court = "tokyo"', 'court = "tokyo"\nlanguages = ["jp"]'),
    "schema version": "schema = 2\n" + M,
    "post kind": M.replace(POST_END, POST_END + 'kind = "repots"\n', 1),
    # lists, tables, strings, numbers, dates and date-times of the wrong type or out of range
    "no language": M.replace('court = "tokyo"', 'court = "tokyo"\nlanguages = []'),
    "port too big": M + CONNECTION + "port = 70000\n",
    "port negative": M + CONNECTION + "port = -1\n",
    "followers quoted": M.replace(POST_END, POST_END + 'followers = "100"\n', 1),
    "followers fraction": M.replace(POST_END, POST_END + "followers = 1.5\n", 1),
    "amount zero": M + '\n[damages]\nheads = [{ kind = "distress", amount = 0 }]\n',
    "rate as text": M + '\n[damages]\nheads = [{ kind = "distress", amount = 1 }]\n'
    'interest_rate = "3"\n',
    "rate too high": M + '\n[damages]\nheads = [{ kind = "distress", amount = 1 }]\n'
    "interest_rate = 30.0\n",
    "url": M.replace('url = "https://x.com', 'url = "ftp://x.com'),
    "case id": M.replace('id = "test-001"', 'id = "bad id"'),
    "empty text": M.replace(
        'harm = { ja = "社会的評価を低下させる。", en = "It lowers her social standing." }',
        "harm = {}",
    ),
    "missing": M.replace('account = "@someone"\n', ""),
    "unknown key": M.replace("[victim]\n", '[victim]\nnmae = "x"\n'),
    "list expected": M.replace('rights = ["reputation"]', 'rights = "reputation"'),
    "text expected": M.replace('account = "@someone"', "account = 5"),
    "table expected": "case = 5\n",
    "court as number": M.replace('court = "tokyo"', "court = 5"),
    "date-time for a date": M.replace("date = 2026-11-22", "date = 2026-11-22T10:00:00"),
    "date for a date-time": M.replace(
        "posted_at = 2026-09-01T21:14:00+09:00", "posted_at = 2026-09-01"
    ),
    "date in quotes": M.replace("date = 2026-11-22", 'date = "2026-11-22"'),
    "year out of range": M.replace("date = 2026-11-22", "date = 1899-11-22"),
    "flag in quotes": M.replace(POST_END, POST_END + 'still_online = "no"\n', 1),
    "control character": M.replace('account = "@someone"', 'account = "@some\\u0007one"'),
    # across tables
    "unknown provider": M.replace('ref = "x"', 'ref = "twiter"'),
    "unknown court": M.replace('court = "tokyo"', 'court = "tokio"'),
    "unknown exhibit": M.replace('evidence = ["1"]', 'evidence = ["9"]'),
    "after the document": M.replace("posted_at = 2026-09-01", "posted_at = 2027-09-01"),
    "unknown rule id": M.replace('court = "tokyo"', 'court = "tokyo"\nacknowledged = ["S99"]'),
    "placeholder": M.replace('account = "@someone"', 'account = "【要記入：アカウント】"'),
    "too deep": "a = " + "[" * 20 + "]" * 20 + "\n",
    # syntax errors, each kind tomllib reports
    "slash date": M.replace("date = 2026-11-22", "date = 2026/11/22"),
    "open string": M.replace('phone = "03-1000-0000"', 'phone = "03-1000-0000'),
    "no equals": M.replace('phone = "03-1000-0000"', 'phone "03-1000-0000"'),
    "table twice": M + "\n[case]\nid = 'y'\n",
    "key twice": M.replace("date = 2026-11-22", "date = 2026-11-22\ndate = 2026-11-23"),
    "open array": M.replace('"address", "email"]', '"address", "email"'),
    "open inline table": M.replace('phone = "03-1000-0000"', 'phone = { ja = "x"'),
    "bad value": M.replace('phone = "03-1000-0000"', "phone = yes"),
    "bad escape": M.replace('phone = "03-1000-0000"', 'phone = "C:\\Users"'),
    "bad key": M.replace('phone = "03-1000-0000"', '電話 = "03-1000-0000"'),
    "header open": M.replace("[platform]", "[platform"),
    "bad date": M.replace("date = 2026-11-22", "date = 2026-13-45"),
    "inline key twice": M.replace('phone = "03-1000-0000"', 'phone = { a = "1", a = "2" }'),
}

_RULE_IDS = re.compile(r"\b[A-Z]{1,2}\d+\b")
_FINDING = re.compile(
    r"^(?P<where>\S+?):(?:\d+:)? (?P<severity>\S+) \[[^\]]+\](?: \S+:)? (?P<text>.*)$"
)
_NOT_PROSE = re.compile(
    r"`[^`]*`"  # code: key paths, values, commands
    r"|'[^']*'|\"[^\"]*\""  # choices and values as TOML writes them
    r"|\[\[?[a-z_]+\]\]?"  # a table header
    r"|https?://\S*"
    r"|\b[SF]-[\w-]+"  # the research notes a basis cites (S-kanda-1121, F-1)
    r"|登録済み: [a-z0-9, -]+"  # the built-in ids
    r"|\bdocgen [a-z]+\b"  # a command
    r"|\b(TOML|UTF-8|Shift_JIS|Word|Windows|Unicode|true|false|URL)\b"
    r"|[a-z_]+(?:\.[a-z_]+|\[\d+\])+"  # a key path written out
)


def english_words(text: str) -> list[str]:
    """ASCII words of 4 letters or more left once code, choices, key paths and ids are removed."""
    return re.findall(r"[A-Za-z]{4,}", _NOT_PROSE.sub(" ", _RULE_IDS.sub(" ", text)))


def check(path: Path, *args: str, env: dict[str, str] | None = None) -> list[str]:
    result = CliRunner().invoke(main, ["check", str(path), *args], env=env)
    assert "Traceback" not in result.output
    return result.stdout.splitlines() + result.stderr.splitlines()


def finding_texts(lines: list[str]) -> list[str]:
    return [m["text"] for line in lines if (m := _FINDING.match(line))]


@pytest.mark.parametrize("name", list(BAD_CASES))
def test_every_message_of_the_loader_is_japanese(write_case: WriteCase, name: str) -> None:
    path = write_case(BAD_CASES[name])
    lines = check(path, "--lang", "ja")
    texts = finding_texts(lines)
    assert texts, lines
    for text in texts:
        assert not english_words(text), text
    assert re.search(r"エラー [1-9]\d* 件", lines[-1]), lines[-1]


@pytest.mark.parametrize("variable", ["LANG", "LC_ALL", "LC_MESSAGES"])
def test_a_japanese_locale_gives_japanese(write_case: WriteCase, variable: str) -> None:
    path = write_case(BAD_CASES["kind"])
    env = {"LANG": "", "LC_ALL": "", "LC_MESSAGES": "", variable: "ja_JP.UTF-8"}
    lines = check(path, env=env)
    assert any(
        "次のいずれかを書いてください: 'individual' または 'corporation'" in ln for ln in lines
    )
    english = check(path, env={"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""})
    assert any("expected 'individual' or 'corporation'" in ln for ln in english)


def test_a_file_that_cannot_be_read_is_said_in_japanese(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "none.toml"), "--lang", "ja"])
    assert result.exit_code == 2
    assert "事件ファイルがありません" in result.stderr and "no such" not in result.stderr


@pytest.mark.parametrize(
    ("replace", "by", "key", "meant"),
    [
        (
            'phone = "03-1000-0000"',
            'phone = "03-1000-0000"\nkind = "individal"',
            "victim.kind",
            "individual",
        ),
        ('"address", "email"]', '"adress", "email"]', "disclosure.items[2]", "address"),
        ('kind = "screenshot"', 'kind = "Screenshot"', "evidence[1].kind", "screenshot"),
        ('purposes = ["damages"]', 'purposes = ["damage"]', "disclosure.purposes[1]", "damages"),
    ],
)
def test_a_misspelt_choice_gets_did_you_mean(
    write_case: WriteCase, replace: str, by: str, key: str, meant: str
) -> None:
    path = write_case(M.replace(replace, by))
    (english,) = [ln for ln in check(path, "--lang", "en") if f" {key}: " in ln]
    assert english.endswith(f"(did you mean `{meant}`?)")
    (japanese,) = [ln for ln in check(path, "--lang", "ja") if f" {key}: " in ln]
    assert japanese.endswith(f"（`{meant}` の誤りではありませんか）")


def test_a_choice_far_from_every_option_lists_them_without_a_guess(write_case: WriteCase) -> None:
    path = write_case(M.replace('purposes = ["damages"]', 'purposes = ["compensation"]'))
    (line,) = [ln for ln in check(path, "--lang", "ja") if "disclosure.purposes[1]" in ln]
    assert "'damages'、'reputation_restoration'、" in line and " または 'other'" in line
    assert "誤りではありませんか" not in line


def test_findings_are_in_file_order(write_case: WriteCase) -> None:
    text = M.replace('purposes = ["damages"]', 'purposes = ["damage"]')
    text = text.replace("[victim]\n", '[victim]\nnmae = "x"\n')
    text = text.replace('evidence = ["1"]', 'evidence = ["9"]').replace('ref = "x"', 'ref = "xx"')
    lines = check(write_case(text), "--lang", "ja")
    numbers = [int(m[1]) for ln in lines if (m := re.match(r"^\S+?:(\d+): ", ln))]
    assert len(numbers) >= 4 and numbers == sorted(numbers)


def test_after_a_syntax_error_the_rest_is_still_checked(write_case: WriteCase) -> None:
    text = M.replace("date = 2026-11-22", "date = 2026/11/22")
    text = text.replace('phone = "03-1000-0000"', 'phone "03-1000-0000"')
    text = text.replace(
        "posted_at = 2026-09-01T21:14:00+09:00\n",
        "posted_at = 2026-09-01T21:14:00+09:00\nfound_at = 2026/9/5\n",
    )
    text = text.replace('"address", "email"]', '"adress", "email"]')
    path = write_case(text)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    out = result.stdout
    assert "dates are written 2026-11-22" in out and "dates are written 2026-09-05" in out
    assert "a key and its value need = between them" in out
    assert "disclosure.items[2]: expected" in out and "(did you mean `address`?)" in out
    # A key on a line left out is not reported missing: that would only repeat the syntax error.
    assert "victim.phone" not in out and "case.date" not in out
    assert "checked without the lines with syntax errors" in out
    assert "4 error(s)" in out


def test_a_syntax_error_that_stops_reading_says_so(write_case: WriteCase) -> None:
    path = write_case(M.replace('"address", "email"]', '"address", "email"'))
    lines = check(path, "--lang", "en")
    (error,) = [ln for ln in lines if " error [schema]" in ln]
    assert error.endswith(
        "(only the first syntax error is shown; fix it and run `docgen check` again)"
    )
    (japanese,) = [ln for ln in check(path, "--lang", "ja") if "エラー [schema]" in ln]
    assert "配列が ] で閉じられていません" in japanese
    assert japanese.endswith(
        "（書式の誤りは最初の1つだけを示しています。直してから再度 `docgen check` を実行してください）"
    )


def test_the_legal_basis_is_cited_the_japanese_way(write_case: WriteCase) -> None:
    path = write_case(M.replace("posted_at = 2026-09-01", "posted_at = 2027-09-01"))
    (line,) = [ln for ln in check(path, "--lang", "ja") if "[X5]" in ln]
    assert line.endswith("（論理）")
    (english,) = [ln for ln in check(path, "--lang", "en") if "[X5]" in ln]
    assert english.endswith(" (logic)")


FILING_NAMES = {n for f in FILINGS.values() for n in f.names()}


@pytest.mark.parametrize("case", sorted(SAMPLES.glob("*/case.toml")), ids=lambda p: p.parent.name)
def test_the_deadline_table_is_japanese(case: Path) -> None:
    result = CliRunner().invoke(
        main, ["deadlines", str(case), "--lang", "ja", "--as-of", "2026-12-01"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("期限一覧: ")
    if len(lines) > 2:
        assert lines[2].split() == ["#", "期限", "残日数", "内容", "根拠", "確度"]
    for line in lines[3:]:
        assert not english_words(line), line
    # and the same table in English is left as it was
    english = CliRunner().invoke(main, ["deadlines", str(case), "--as-of", "2026-12-01"])
    assert "Deadlines: " in english.stdout


def test_a_lapsed_deadline_is_said_to_be_lapsed(tmp_path: Path) -> None:
    sample = SAMPLES / "tanaka-carrier-preservation" / "case.toml"
    result = CliRunner().invoke(
        main, ["deadlines", str(sample), "--lang", "ja", "--as-of", "2027-06-01"]
    )
    assert "期限経過" in result.stdout
    assert "[P] 携帯電話事業者の実務" in result.stdout and "carrier" not in result.stdout


def test_a_day_that_does_not_exist_is_named(write_case: WriteCase) -> None:
    path = write_case(M.replace("date = 2026-11-22", "date = 2026-13-45"))
    lines = check(path, "--lang", "en")
    assert any("(2026-13-45 is not a date: check the month and the day)" in ln for ln in lines)
    (japanese,) = [ln for ln in check(path, "--lang", "ja") if "エラー [schema]" in ln]
    assert "TOML の書式の誤り（12桁目）: 2026-13-45 という日付はありません" in japanese


@pytest.mark.parametrize("case", sorted(SAMPLES.glob("*/case.toml")), ids=lambda p: p.parent.name)
def test_every_basis_of_a_sample_is_cited_in_japanese(case: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", str(case), "--lang", "ja", "--format", "json", "--as-of", "2026-12-01"]
    )
    findings = json.loads(result.stdout)["findings"]
    bases = [f["basis"] for f in findings if f["basis"]]
    assert bases
    for basis in bases:
        assert not english_words(basis), basis
    english = CliRunner().invoke(main, ["check", str(case), "--format", "json"])
    assert any(
        re.search(r"[A-Za-z]{4,}", f["basis"]) for f in json.loads(english.stdout)["findings"]
    )


@pytest.mark.parametrize(
    ("basis", "japanese"),
    [
        ("Art. 5(1)(iii)", "法5条1項3号"),
        ("Art. 2(i); Art. 5(1)", "法2条1号; 法5条1項"),
        ("Art. 5(1), (2); brief §3.1 [U]", "法5条1項、2項; 調査資料 §3.1 [U]"),
        ("Penal Code 230(1), 231; [P] practice", "刑法230条1項、231条; [P] 実務"),
        (
            "Penal Code 230, 230-2 (by analogy); S-endo-note",
            "刑法230条、230条の2（類推）; S-endo-note",
        ),
        ("CCP 250(2)(vi); [U] continuing offence", "刑事訴訟法250条2項6号; [U] 継続犯"),
        ("Art. 14(1); Code of Civil Procedure 95", "法14条1項; 民事訴訟法95条"),
        ("Civil Code 724(ii)", "民法724条2号"),
        ("Rule 2; Art. 10 (exclusive)", "発信者情報開示命令事件手続規則2条; 法10条（専属管轄）"),
        ("Act No. 25 of 2024", "令和6年法律第25号"),
        ("[P] Osaka HC 2020-06-23", "[P] 大阪高判令和2年6月23日"),
        (
            "最高裁平成22年4月13日第三小法廷判決 (SC 2010-04-13)",
            "最高裁平成22年4月13日第三小法廷判決",
        ),
        ("[P] practice (S-kenzai, S-makering)", "[P] 実務（S-kenzai, S-makering）"),
        ("刑法232条1項; 刑事訴訟法235条", "刑法232条1項; 刑事訴訟法235条"),
    ],
)
def test_a_basis_is_cited_as_a_japanese_lawyer_cites_it(basis: str, japanese: str) -> None:
    assert basis_text(basis, "ja") == japanese
    assert basis_text(basis, "en") == basis
