"""`docgen list` groups the filings by the stage of the matter they belong to (deletion,
disclosure, preservation, police, civil), in text and in JSON, with and without a case."""

from __future__ import annotations

import json

from click.testing import CliRunner

from docgen.cli import main
from docgen.filings import FILINGS
from docgen.filings.base import STAGES
from tests.conftest import sample

HEADINGS = {
    "deletion": "Deletion [deletion]",
    "disclosure": "Disclosure [disclosure]",
    "preservation": "Log preservation [preservation]",
    "police": "Police [police]",
    "civil": "Civil claim [civil]",
}


def groups(text: str) -> dict[str, list[str]]:
    """Heading → the filing ids listed under it (lines indented by two spaces)."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line and not line.startswith(" "):
            current = line
            found[current] = []
        elif line.startswith("  ") and not line.startswith("   "):
            found[current].append(line.split()[0])
    return found


def test_list_groups_every_filing_under_its_stage_in_the_matters_order(
    runner: CliRunner,
) -> None:
    result = runner.invoke(main, ["list", "--lang", "en"])
    assert result.exit_code == 0, result.output
    listed = groups(result.stdout)
    stages = [s for s in STAGES if any(f.stage == s for f in FILINGS.values())]
    assert list(listed) == [HEADINGS[s] for s in stages]
    for filing in FILINGS.values():
        assert filing.id in listed[HEADINGS[filing.stage]], filing.id
    assert "criminal-complaint" in listed["Police [police]"]
    assert "victim-statement" in listed["Civil claim [civil]"]
    assert "  deletion-request  (aliases: deletion)\n    侵害情報の通知書" in result.stdout
    assert "  demand-letter  " in result.stdout and "    to: the poster\n" in result.stdout


def test_list_headings_in_japanese(runner: CliRunner) -> None:
    result = runner.invoke(main, ["list", "--lang", "ja"])
    assert result.exit_code == 0
    assert "削除 [deletion]\n" in result.stdout and "警察 [police]\n" in result.stdout
    assert "損害賠償 [civil]\n  " in result.stdout


def test_list_as_json_gives_each_filings_stage(runner: CliRunner) -> None:
    result = runner.invoke(main, ["list", "--format", "json"])
    assert result.exit_code == 0, result.output
    filings = json.loads(result.stdout)["filings"]
    assert {f["filing"] for f in filings} == set(FILINGS)
    by_id = {f["filing"]: f for f in filings}
    assert by_id["criminal-complaint"]["stage"] == "police"
    assert by_id["victim-statement"]["stage"] == "civil"
    assert by_id["victim-statement"]["title"] == {"ja": "陳述書", "en": "Statement"}
    assert by_id["log-preservation-request"]["addressee"]["en"] == "the access provider"
    assert "claim.victim-statement.harm" in [
        r["path"] for r in by_id["victim-statement"]["requires"]
    ]
    order = [STAGES.index(f["stage"]) for f in filings]
    assert order == sorted(order)


def test_the_plan_of_a_case_is_grouped_by_stage(runner: CliRunner) -> None:
    result = runner.invoke(main, ["list", str(sample("sato-insult-police")), "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Filings due at this stage: deletion-request, ")
    assert "  Deletion [deletion]: deletion-request" in lines
    assert "  Police [police]: police-report, criminal-complaint" in lines
    assert "  Civil claim [civil]: victim-statement" in lines


def test_a_stage_that_waits_is_headed_by_its_stage(runner: CliRunner) -> None:
    result = runner.invoke(main, ["list", str(sample("tanaka-carrier-preservation"))])
    assert result.exit_code == 0, result.output
    waiting = result.stdout.split("Not at this stage\n", 1)[1]
    assert waiting.startswith("  Disclosure [disclosure]\n    ")
    assert "\n    disclosure-petition [S23]: " in waiting


def test_the_plan_as_json_gives_each_filings_stage(runner: CliRunner) -> None:
    path = str(sample("sato-insult-police"))
    result = runner.invoke(main, ["list", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["case"] == path
    plan = {p["filing"]: p for p in data["plan"]}
    assert plan["victim-statement"] == {
        "filing": "victim-statement",
        "stage": "civil",
        "status": "due",
        "code": None,
    }
    assert plan["criminal-complaint"]["stage"] == "police"
    checked = runner.invoke(main, ["check", path, "--format", "json"])
    assert {p["stage"] for p in json.loads(checked.stdout)["plan"]} <= set(STAGES)
