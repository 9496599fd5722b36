"""`docgen schema` validates what the loader accepts; `docgen init` writes a loadable skeleton."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from docgen.case.load import load_case
from docgen.cli import main
from tests.conftest import SAMPLE_NAMES, sample


def as_json(value: Any) -> Any:
    """TOML values as an editor's validator sees them: dates and times as ISO strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_schema_validates_every_sample(validator: jsonschema.Validator, name: str) -> None:
    data = tomllib.loads(sample(name).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(as_json(data))) == []


def test_schema_rejects_a_misspelled_key(validator: jsonschema.Validator) -> None:
    data = as_json(tomllib.loads(sample("yamada-x-defamation").read_text(encoding="utf-8")))
    data["posts"][0]["posted_on"] = data["posts"][0].pop("posted_at")
    messages = [e.message for e in validator.iter_errors(data)]
    assert any("'posted_at' is a required property" in m for m in messages)
    assert any("'posted_on' was unexpected" in m for m in messages)


def test_schema_lists_enums_and_describes_keys_in_both_languages() -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).stdout)
    post = schema["$defs"]["Post"]["properties"]
    assert post["visibility"]["enum"] == ["public", "protected", "direct"]
    assert post["url"]["description"] == "個別の投稿のURL / URL of the individual post"
    assert schema["$defs"]["Post"]["additionalProperties"] is False


def fill(skeleton: str) -> str:
    """The skeleton with every placeholder replaced by the text it asks for (a date: the example
    it gives, without the quotes)."""
    text = re.sub(r'"【要記入：[^】]*引用符を外して (\S+) の形で】"', r"\1", skeleton)
    text = re.sub(r"【要記入：([^】]*)】", r"\1", text)
    return re.sub(r"\[TO FILL: ([^\]]*)\]", r"\1", text)


def test_init_writes_a_commented_skeleton_for_the_filing(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["init", "--filing", "police", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "m" / "case.toml").read_text(encoding="utf-8")
    assert "# 罪名: defamation（名誉毀損）, insult（侮辱） / offences" in text
    assert "[police]" in text and "[disclosure]" not in text
    filled = tmp_path / "m" / "filled.toml"
    filled.write_text(fill(text), encoding="utf-8")
    assert load_case(filled).case.police is not None


def test_an_untouched_skeleton_never_passes(runner: CliRunner, tmp_path: Path) -> None:
    """Every placeholder init writes is an error naming its key until it is replaced."""
    assert runner.invoke(main, ["init", "--filing", "petition", str(tmp_path)]).exit_code == 0
    case = tmp_path / "case.toml"
    result = runner.invoke(main, ["check", str(case), "--filing", "petition", "--strict"])
    assert result.exit_code == 1
    assert "victim.name" in result.output and "still holds the placeholder" in result.output
    # a date init cannot know is a placeholder too, never today's date passed off as a fact
    assert "posts[1].posted_at` still holds the placeholder" in result.output
    assert "expected a date-time" not in result.output  # said once, as a placeholder
    rendered = runner.invoke(main, ["render", "petition", str(case), "-o", str(tmp_path / "o")])
    assert rendered.exit_code == 1 and not (tmp_path / "o").exists()


def test_init_for_every_filing_passes_check_once_filled(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(main, ["init", str(tmp_path)]).exit_code == 0
    case = tmp_path / "case.toml"
    case.write_text(fill(case.read_text(encoding="utf-8")), encoding="utf-8")
    result = runner.invoke(main, ["check", str(case)])
    assert result.exit_code == 0, result.output


def test_init_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "case.toml").write_text("# mine\n", encoding="utf-8")
    result = runner.invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (tmp_path / "case.toml").read_text(encoding="utf-8") == "# mine\n"


def test_a_petition_skeleton_holds_only_what_the_petition_needs(
    runner: CliRunner, tmp_path: Path
) -> None:
    assert runner.invoke(main, ["init", "--filing", "petition", str(tmp_path)]).exit_code == 0
    text = (tmp_path / "case.toml").read_text(encoding="utf-8")
    assert "police_station" not in text and "decision_notified_at" not in text
    assert runner.invoke(main, ["init", "--filing", "police", str(tmp_path / "p")]).exit_code == 0
    assert "police_station" in (tmp_path / "p" / "case.toml").read_text(encoding="utf-8")
