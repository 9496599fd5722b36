"""Templates lawyers own: edit a built-in one in Word, point --templates at it, lint, diff."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.filings import FILINGS
from docgen.render.templates import builtin_dir
from tests.conftest import sample
from tests.test_render import docx_text


@pytest.fixture
def firm(tmp_path: Path) -> Path:
    """A firm's folder holding one reworded copy of the built-in Japanese petition."""
    folder = tmp_path / "firm" / "templates_ja"
    folder.mkdir(parents=True)
    target = folder / "disclosure-petition.docx"
    shutil.copy(builtin_dir("ja") / "disclosure-petition.docx", target)
    document = docx.Document(str(target))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("当事者の表示"))
    paragraph.runs[0].text = "当事者の表示　別紙当事者目録に記載したとおり（当事務所改訂版）"
    for run in paragraph.runs[1:]:
        run.text = ""
    document.save(str(target))
    return tmp_path / "firm"


def test_a_reworded_template_is_used_and_the_rest_fall_back(
    runner: CliRunner, firm: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = [
        "render",
        "petition",
        str(sample("yamada-x-defamation")),
        "-o",
        str(out),
        "--templates",
        str(firm),
    ]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    ja = docx_text((out / "yamada-2026-001/disclosure-petition.ja.docx").read_bytes())
    assert "別紙当事者目録に記載したとおり（当事務所改訂版）" in ja
    assert "山田" in ja
    en = docx_text((out / "yamada-2026-001/disclosure-petition.en.docx").read_bytes())
    assert "List of Parties" in en


def test_templates_list_shows_which_file_is_used(runner: CliRunner, firm: Path) -> None:
    result = runner.invoke(main, ["templates", "list", "--templates", str(firm)])
    assert result.exit_code == 0
    header, *lines = result.stdout.splitlines()
    assert header == "FILING\tLANG\tFORMAT\tSOURCE\tFILE"
    assert any(line.startswith("disclosure-petition\tja\tdocx\tfirm\t") for line in lines)
    assert any(line.startswith("disclosure-petition\ten\tdocx\tbuilt-in\t") for line in lines)
    assert len(lines) == len(FILINGS) * 2 * 2  # every filing × language × format


def test_builtin_templates_lint_clean(runner: CliRunner) -> None:
    result = runner.invoke(main, ["templates", "check"])
    assert result.exit_code == 0, result.output
    templates = {f.template_name for f in FILINGS.values()}
    assert f"{len(templates) * 2 * 2} template(s) checked, 0 problem(s)" in result.stdout


def test_a_broken_edit_is_caught_by_check_and_by_render(
    runner: CliRunner, firm: Path, tmp_path: Path
) -> None:
    target = firm / "templates_ja" / "disclosure-petition.docx"
    document = docx.Document(str(target))
    document.add_paragraph("申立人　{{ victim.nmae }}")
    document.save(str(target))
    result = runner.invoke(main, ["templates", "check", str(firm)])
    assert result.exit_code == 1
    assert "disclosure-petition.docx" in result.stdout
    assert "申立人　{{ victim.nmae }}" in result.stdout
    assert "did you mean `victim.name`?" in result.stdout
    out = tmp_path / "out"
    rendered = runner.invoke(
        main,
        [
            "render",
            "petition",
            str(sample("yamada-x-defamation")),
            "-o",
            str(out),
            "--templates",
            str(firm),
        ],
    )
    assert rendered.exit_code == 3
    assert "disclosure-petition.docx" in rendered.stderr
    assert not out.exists()


def test_templates_text_is_a_stable_view(runner: CliRunner) -> None:
    path = str(builtin_dir("ja") / "disclosure-petition.docx")
    first = runner.invoke(main, ["templates", "text", path])
    assert first.exit_code == 0
    assert "{{ court.heading }}" in first.stdout
    assert "| 番号 | 投稿日時 | URL | アカウント |" in first.stdout
    assert first.stdout == runner.invoke(main, ["templates", "text", path]).stdout


def test_templates_copy_puts_the_templates_where_render_finds_them(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "firm"
    result = runner.invoke(main, ["templates", "copy", "petition", str(folder)])
    assert result.exit_code == 0, result.output
    for lang in ("ja", "en"):
        copied = folder / f"templates_{lang}" / "disclosure-petition.docx"
        assert copied.read_bytes() == (builtin_dir(lang) / copied.name).read_bytes()
    listed = runner.invoke(main, ["templates", "list", "--templates", str(folder)]).stdout
    assert "disclosure-petition\tja\tdocx\tfirm\t" in listed
    again = runner.invoke(main, ["templates", "copy", "petition", "--lang", "ja", str(folder)])
    assert again.exit_code == 2 and "exists already" in again.stderr
    only_en = runner.invoke(main, ["templates", "copy", "police", str(tmp_path / "b"), "--lang", "en"])
    assert only_en.exit_code == 0
    assert [p.parent.name for p in (tmp_path / "b").rglob("*.docx")] == ["templates_en"]


def test_a_missing_firm_folder_is_an_error_saying_where_templates_go(
    runner: CliRunner, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    for args, env in (
        (["templates", "list", "--templates", str(missing)], {}),
        (["render", "petition", str(sample("yamada-x-defamation")), "-o", str(tmp_path)],
         {"DOCGEN_TEMPLATES": str(missing)}),
    ):
        result = runner.invoke(main, args, env=env)
        assert result.exit_code == 2, result.output
        assert "no such folder" in result.stderr
        assert f"{missing / 'templates_ja'}/<filing>.docx" in result.stderr


def test_a_firm_file_that_is_never_used_is_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "firm"
    (folder / "templates_ja").mkdir(parents=True)
    shutil.copy(builtin_dir("ja") / "police-report.docx", folder / "police-report.docx")
    shutil.copy(builtin_dir("ja") / "police-report.docx", folder / "templates_ja" / "police.docx")
    result = runner.invoke(main, ["templates", "list", "--templates", str(folder)])
    assert result.exit_code == 0
    target = folder / "templates_ja" / "police-report.docx"
    assert f"{folder / 'police-report.docx'} is never used; a firm's template goes in {target}" in (
        result.stderr
    )
    assert f"{folder / 'templates_ja' / 'police.docx'} is never used" in result.stderr
    checked = runner.invoke(main, ["templates", "check", str(folder)])
    assert "is never used" in checked.stderr


def test_templates_help_describes_what_exists(runner: CliRunner) -> None:
    result = runner.invoke(main, ["templates", "-h"])
    commands = result.stdout.split("Commands:")[1]
    assert sorted(line.split()[0] for line in commands.strip().splitlines()) == [
        "check",
        "copy",
        "list",
        "text",
    ]
    assert "diff the" not in result.stdout
