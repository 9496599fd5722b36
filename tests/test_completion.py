"""Shell completion, through click's own machinery: what bash shows after `docgen render <TAB>`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main


def complete(words: str, shell: str = "bash") -> list[str]:
    """The values the shell offers for the last word of ``docgen {words}`` (bash_complete)."""
    runner = CliRunner()
    env = {
        "_DOCGEN_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": f"docgen {words}",
        "COMP_CWORD": str(len(f"docgen {words}".split(" ")) - 1),
    }
    result = runner.invoke(main, [], env=env, prog_name="docgen")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line]
    assert all(line.startswith(("plain,", "file,", "dir,")) for line in lines), lines
    return [line.split(",", 1)[1] if line.startswith("plain,") else line for line in lines]


def test_render_completes_filing_ids_aliases_and_all() -> None:
    offered = complete("render ")
    assert {"disclosure-petition", "petition", "police-report", "police", "all"} <= set(offered)
    assert complete("render pol") == ["police-report", "police"]
    assert complete("render al") == ["all"]


@pytest.mark.parametrize(
    "words", ["check case.toml --filing dis", "init m1 --filing dis", "exhibits x --filing dis"]
)
def test_the_filing_option_completes_filing_names(words: str) -> None:
    offered = complete(words)
    assert "disclosure-petition" in offered and "disclosure" in offered
    assert "all" not in offered and "police" not in offered


def test_batch_filings_completes_the_name_after_the_last_comma() -> None:
    offered = complete("batch cases -o out --filings petition,pol")
    assert offered == ["petition,police-report", "petition,police"]
    assert complete("batch cases -o out --filings all,") == []


def test_the_case_argument_completes_case_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("matters/m1", "matters/m2", "matters/empty"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "matters/m1/case.toml").write_text("", encoding="utf-8")
    (tmp_path / "matters/m2/case.toml").write_text("", encoding="utf-8")
    (tmp_path / "matters/notes.txt").write_text("", encoding="utf-8")
    (tmp_path / "other.toml").write_text("", encoding="utf-8")
    assert complete("check mat") == ["matters/m1/case.toml", "matters/m2/case.toml"]
    assert complete("render petition matters/m2") == ["matters/m2/case.toml"]
    assert complete("deadlines oth") == ["other.toml"]
    # Nothing that looks like a case file: the shell's own file completion takes over.
    assert complete("check nothing-here") == ["file,nothing-here"]


def test_zsh_and_fish_are_served_too() -> None:
    runner = CliRunner()
    for shell in ("zsh", "fish"):
        result = runner.invoke(
            main, [], env={"_DOCGEN_COMPLETE": f"{shell}_source"}, prog_name="docgen"
        )
        assert result.exit_code == 0 and "_DOCGEN_COMPLETE" in result.stdout
