"""Files a formatter leaves alone, and an editor that validates them as docgen does: everything here
runs the real ``taplo`` binary (the ``taplo`` wheel of the ``test`` extra)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.filings import FILINGS
from tests.conftest import SAMPLES

TAPLO = shutil.which("taplo", path=str(Path(sys.executable).parent)) or shutil.which("taplo")
CASE_FILES = sorted(SAMPLES.glob("*/case.toml"))  # samples added later are held to the same rule


def taplo(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert TAPLO is not None, "taplo is not installed: pip install -e '.[test]'"
    return subprocess.run(
        [TAPLO, *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    path = tmp_path_factory.mktemp("schema") / "case.schema.json"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def init(tmp_path: Path, *filings: str) -> Path:
    args = ["init", str(tmp_path / "m1")] + [a for f in filings for a in ("--filing", f)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return tmp_path / "m1" / "case.toml"


@pytest.mark.parametrize("filing", [None, *FILINGS])
def test_init_writes_what_taplo_fmt_leaves_alone(tmp_path: Path, filing: str | None) -> None:
    case = init(tmp_path, *([filing] if filing else []))
    result = taplo("fmt", "--check", case.name, cwd=case.parent)
    assert result.returncode == 0, result.stderr
    # The skeleton names its schema, which init writes beside it: taplo validates without setup.
    assert case.read_text(encoding="utf-8").startswith("#:schema ./case.schema.json\n")
    # The editor flags exactly what docgen check refuses: the dates init could not know.
    checked = taplo("check", case.name, cwd=case.parent)
    flagged = [line for line in checked.stderr.splitlines() if line.startswith("error:")]
    assert all("【要記入：" in line for line in flagged), checked.stderr


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.parent.name)
def test_every_sample_is_formatted(case: Path) -> None:
    result = taplo("fmt", "--check", str(case), cwd=case.parent)
    assert result.returncode == 0, f"run `taplo fmt {case}`\n{result.stderr}"


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.parent.name)
def test_every_sample_passes_taplo_check_with_the_schema(case: Path, schema_file: Path) -> None:
    result = taplo("check", "--schema", schema_file.as_uri(), str(case), cwd=case.parent)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("line", "replacement"),
    [
        ('court = "tokyo"', 'court = "tokio"'),
        ('ref = "x"', 'ref = "twitter"'),
        ('ref = "docomo"', 'ref = "dokomo"'),
    ],
)
def test_taplo_rejects_an_unknown_court_or_provider(
    tmp_path: Path, line: str, replacement: str
) -> None:
    case = init(tmp_path)
    text = case.read_text(encoding="utf-8")
    assert f"\n{line}\n" in text
    case.write_text(text.replace(f"\n{line}\n", f"\n{replacement}\n", 1), encoding="utf-8")
    result = taplo("check", case.name, cwd=case.parent)
    assert result.returncode != 0
    assert replacement.split(" = ")[1] in result.stderr


def test_the_schema_lists_the_built_in_ids_beside_the_table_form(schema_file: Path) -> None:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    court = schema["$defs"]["CaseInfo"]["properties"]["court"]["oneOf"]
    assert {"type": "string", "enum": ["osaka", "osaka-summary", "tokyo", "tokyo-summary"]} in court
    assert {"$ref": "#/$defs/Court"} in court
    assert "docomo" in schema["$defs"]["AccessProvider"]["properties"]["ref"]["enum"]
