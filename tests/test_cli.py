"""Every command through the CLI: exit codes, what reaches stdout and stderr, and the files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from tests.conftest import MINIMAL_CASE, SAMPLE_NAMES, sample

NASTY = "A & B < C > D \"q\" 's' {{ victim.name }} {% if x %} 🙂\nsecond line"


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_list_shows_filings_aliases_titles_and_requirements(runner: CliRunner) -> None:
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 0
    assert "disclosure-petition  (aliases: petition, disclosure)" in result.stdout
    assert "発信者情報開示命令申立書" in result.stdout
    assert "- disclosure.purposes: at least one legitimate reason" in result.stdout


def test_render_petition_writes_both_languages(
    runner: CliRunner, minimal_case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["render", "petition", str(minimal_case), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert files_under(out) == [
        "test-001/disclosure-petition.en.docx",
        "test-001/disclosure-petition.ja.docx",
    ]
    assert result.stdout.splitlines() == [
        str(out / "test-001/disclosure-petition.ja.docx"),
        str(out / "test-001/disclosure-petition.en.docx"),
    ]


def test_render_one_language_and_text_format(
    runner: CliRunner, minimal_case: Path, tmp_path: Path
) -> None:
    args = ["render", "disclosure", str(minimal_case), "-o", str(tmp_path), "--lang", "en"]
    result = runner.invoke(main, [*args, "--format", "md,docx"])
    assert result.exit_code == 0, result.output
    assert files_under(tmp_path) == [
        "case/case.toml",
        "test-001/disclosure-petition.en.docx",
        "test-001/disclosure-petition.en.md",
    ]
    text = (tmp_path / "test-001/disclosure-petition.en.md").read_text(encoding="utf-8")
    assert "Japanese original governs" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "nonsense", "CASE"], "unknown filing `nonsense`"),
        (["render", "petition", "CASE", "--format", "rtf"], "unknown format `rtf`"),
        (["render", "petition", "CASE", "--lang", "fr"], "unknown language `fr`"),
        (["check", "CASE", "--filing", "nonsense"], "unknown filing `nonsense`"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_2(
    runner: CliRunner, minimal_case: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    args = [str(minimal_case) if a == "CASE" else a for a in args]
    result = runner.invoke(
        main, [*args, "-o", str(tmp_path / "out")] if args[0] == "render" else args
    )
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_required_fact_names_the_key_and_why(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    path = write_case(MINIMAL_CASE.replace('purposes = ["damages"]\n', ""))
    result = runner.invoke(main, ["render", "petition", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "error [S4] disclosure.purposes: `disclosure.purposes` is missing" in result.stderr
    assert "nothing was written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_check_json_has_the_contract_shape(
    runner: CliRunner, write_case: Callable[[str], Path]
) -> None:
    path = write_case(MINIMAL_CASE.replace('purposes = ["damages"]\n', ""))
    result = runner.invoke(main, ["check", str(path), "--filing", "petition", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["case"] == str(path)
    assert data["filing"] == "disclosure-petition"
    assert data["ok"] is False
    finding = next(f for f in data["findings"] if f["code"] == "S4")
    assert set(finding) >= {"code", "severity", "path", "message", "basis"}
    assert (finding["severity"], finding["path"]) == ("error", "disclosure.purposes")


def test_check_json_without_filing_is_null_and_ok(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(sample("yamada-x-defamation")), "--format", "json"])
    data = json.loads(result.stdout)
    assert (data["filing"], data["ok"], result.exit_code) == (None, True, 0)


def test_check_json_reports_a_case_that_does_not_load(
    runner: CliRunner, write_case: Callable[[str], Path]
) -> None:
    path = write_case(MINIMAL_CASE.replace("posted_at =", "posted_on ="))
    data = json.loads(runner.invoke(main, ["check", str(path), "--format", "json"]).stdout)
    assert data["ok"] is False
    assert {f["path"] for f in data["findings"]} == {"posts[1].posted_on", "posts[1].posted_at"}


def test_strict_fails_on_warnings_and_writes_nothing(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    path = write_case(
        MINIMAL_CASE.replace('en = "Hanako Yamada"', 'en = "x"').replace(
            'name = { ja = "山田 花子", en = "x" }', 'name = { ja = "山田 花子" }'
        )
    )
    out = tmp_path / "out"
    relaxed = runner.invoke(main, ["render", "petition", str(path), "-o", str(out)])
    assert relaxed.exit_code == 0, relaxed.output
    assert "warning [schema] victim.name: `victim.name` has no English text" in relaxed.stderr
    strict_out = tmp_path / "strict"
    result = runner.invoke(
        main, ["render", "petition", str(path), "-o", str(strict_out), "--strict"]
    )
    assert result.exit_code == 1
    assert not strict_out.exists()
    assert runner.invoke(main, ["check", str(path), "--strict"]).exit_code in (0, 1)


def test_render_all_renders_every_supported_filing(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main,
        [
            "render",
            "all",
            str(sample("yamada-x-defamation")),
            "-o",
            str(tmp_path),
            "--format",
            "md",
        ],
    )
    assert result.exit_code == 0, result.output
    names = files_under(tmp_path)
    assert "yamada-2026-001/disclosure-petition.ja.md" in names
    assert "yamada-2026-001/deletion-request.en.md" in names
    assert not any("police-report" in n for n in names)


def test_values_are_shown_verbatim_never_evaluated(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    escaped = NASTY.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = MINIMAL_CASE.replace('ja = "山田花子は会社の金を横領している"', f'ja = "{escaped}"')
    path = write_case(text)
    result = runner.invoke(
        main,
        [
            "render",
            "petition",
            str(path),
            "-o",
            str(tmp_path / "o"),
            "--format",
            "md",
            "--lang",
            "ja",
        ],
    )
    assert result.exit_code == 0, result.output
    rendered = (tmp_path / "o/test-001/disclosure-petition.ja.md").read_text(encoding="utf-8")
    assert NASTY in rendered


def test_broken_override_template_exits_3(
    runner: CliRunner, minimal_case: Path, tmp_path: Path
) -> None:
    firm = tmp_path / "firm" / "templates_ja"
    firm.mkdir(parents=True)
    (firm / "disclosure-petition.md").write_text("{% if %}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        [
            "render",
            "petition",
            str(minimal_case),
            "-o",
            str(out),
            "--format",
            "md",
            "--templates",
            str(tmp_path / "firm"),
        ],
    )
    assert result.exit_code == 3
    assert "disclosure-petition.md: line 1" in result.stderr
    assert not out.exists()


def test_override_replaces_one_template_and_the_rest_fall_back(
    runner: CliRunner, minimal_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    firm = tmp_path / "firm" / "templates_ja"
    firm.mkdir(parents=True)
    (firm / "disclosure-petition.md").write_text("FIRM {{ victim.name }}\n", encoding="utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "firm"))
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["render", "petition", str(minimal_case), "-o", str(out), "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "test-001/disclosure-petition.ja.md").read_text(encoding="utf-8") == (
        "FIRM 山田 花子\n"
    )
    assert "Japanese original" in (out / "test-001/disclosure-petition.en.md").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_sample_passes_check(runner: CliRunner, name: str) -> None:
    result = runner.invoke(main, ["check", str(sample(name))])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.stdout


def test_a_concealed_address_needs_an_attorney_office(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    path = write_case(MINIMAL_CASE.replace('phone = "03-1000-0000"', "conceal_address = true"))
    result = runner.invoke(main, ["render", "petition", str(path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "error [X2] attorneys: `attorneys` is missing: a concealed address" in result.stderr


def test_deadlines_timeline_in_every_format(runner: CliRunner) -> None:
    case = str(sample("tanaka-carrier-preservation"))
    text = runner.invoke(main, ["deadlines", case])
    assert text.exit_code == 0
    assert "2026-12-21" in text.stdout and "log retention" in text.stdout
    data = json.loads(runner.invoke(main, ["deadlines", case, "--format", "json"]).stdout)
    assert data[0]["due"] <= data[-1]["due"]
    assert {"kind", "due", "days_left", "basis", "certainty", "path"} <= set(data[0])
    ics = runner.invoke(main, ["deadlines", case, "--format", "ics"]).stdout
    assert ics.startswith("BEGIN:VCALENDAR") and ics.count("BEGIN:VEVENT") == len(data)
    ja = runner.invoke(main, ["deadlines", case, "--lang", "ja"]).stdout
    assert "令和8年12月21日" in ja


def test_check_shows_deadlines_within_14_days(
    runner: CliRunner, write_case: Callable[[str], Path]
) -> None:
    text = MINIMAL_CASE.replace("[disclosure]", "[disclosure]\ndecision_notified_at = 2026-11-01")
    path = write_case(text)
    result = runner.invoke(main, ["check", str(path), "--as-of", "2026-11-22"])
    assert "Deadlines past or within 14 days (as of 2026-11-22):" in result.stdout
    assert "2026-12-01" in result.stdout  # objection suit: 1 month from notice
    args = ["check", str(path), "--format", "json", "--as-of", "2026-11-22"]
    data = json.loads(runner.invoke(main, args).stdout)
    assert "objection-suit" in [d["kind"] for d in data["deadlines"]]


def test_deadlines_count_from_today_and_a_lapsed_retention_is_a_warning(
    runner: CliRunner, write_case: Callable[[str], Path]
) -> None:
    """A case dated in the spring must not show its logs as still kept in the winter."""
    path = write_case(MINIMAL_CASE.replace("date = 2026-11-22", "date = 2026-09-02"))
    then = runner.invoke(main, ["deadlines", str(path), "--as-of", "2026-09-02"])
    assert "as of 2026-09-02" in then.stdout and "-" not in then.stdout.split("Days left")[1][:40]
    later = runner.invoke(main, ["check", str(path), "--as-of", "2026-12-20"])
    assert "warning [L1] posts[1]" in later.stdout and "may already be erased" in later.stdout
    assert "as of 2026-12-20" in later.stdout
    json_later = runner.invoke(
        main, ["deadlines", str(path), "--format", "json", "--as-of", "2026-12-20"]
    )
    retention = [d for d in json.loads(json_later.stdout) if d["kind"] == "log-retention"]
    assert retention and retention[0]["days_left"] < 0
    ics = runner.invoke(main, ["deadlines", str(path), "--format", "ics", "--as-of", "2026-12-20"])
    assert "DTSTAMP:20261220T000000Z" in ics.stdout
    epoch = runner.invoke(
        main,
        ["deadlines", str(path)],
        env={"SOURCE_DATE_EPOCH": "1797724800"},  # 2026-12-20
    )
    assert "as of 2026-12-20" in epoch.stdout


def test_check_warns_once_per_field_an_english_document_lacks(
    runner: CliRunner, write_case: Callable[..., Path]
) -> None:
    text = MINIMAL_CASE.replace(', en = "Hanako Yamada embezzles company money"', "")
    text = text.replace(
        'harm = { ja = "社会的評価を低下させる。", en = "It lowers her social standing." }',
        'harm = { ja = "社会的評価を低下させる。" }',
    )
    result = runner.invoke(main, ["check", str(write_case(text))])
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if "has no English text" in line]
    assert len(lines) == 2
    assert any("warning [schema] posts[1].text:" in line for line in lines)
    assert any("warning [schema] claim.harm:" in line for line in lines)
    japanese_only = text.replace("[case]\n", '[case]\nlanguages = ["ja"]\n')
    quiet = runner.invoke(main, ["check", str(write_case(japanese_only, "ja-only"))])
    assert "has no English text" not in quiet.stdout


def test_check_says_how_to_see_what_a_filing_still_needs(
    runner: CliRunner, write_case: Callable[[str], Path]
) -> None:
    path = write_case(
        '[case]\nid = "new-001"\ndate = 2026-11-22\n\n[victim]\nname = "x"\naddress = "y"\n'
    )
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    assert "docgen check --filing F" in result.stdout
    needs = runner.invoke(main, ["check", str(path), "--filing", "police"])
    assert needs.exit_code == 1
    assert "police.offenses" in needs.stdout and "case.police_station" in needs.stdout
