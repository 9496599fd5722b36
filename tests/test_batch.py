"""`docgen batch`: good cases render, broken ones are reported, shards split stably, bytes match."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.batch import FoundCase, discover, select_shard
from docgen.cli import main
from tests.conftest import MINIMAL_CASE, SAMPLE_NAMES, SAMPLES


@pytest.fixture
def firm(tmp_path: Path) -> Path:
    """A firm's repository: the samples, a case with a typo and one with a missing fact."""
    root = tmp_path / "matters"
    shutil.copytree(SAMPLES, root)
    broken = root / "broken-typo"
    broken.mkdir()
    (broken / "case.toml").write_text(MINIMAL_CASE.replace("posted_at", "posted_on"), "utf-8")
    missing = root / "missing-purpose"
    missing.mkdir()
    (missing / "case.toml").write_text(
        MINIMAL_CASE.replace('id = "test-001"', 'id = "missing-001"').replace(
            'purposes = ["damages"]\n', ""
        ),
        "utf-8",
    )
    return root


def test_good_cases_render_and_broken_ones_are_reported(
    runner: CliRunner, firm: Path, tmp_path: Path
) -> None:
    out, report = tmp_path / "out", tmp_path / "junit.xml"
    args = ["batch", str(firm), "-o", str(out), "--filings", "petition", "--jobs", "1"]
    result = runner.invoke(main, [*args, "--report", "junit", str(report)])
    assert result.exit_code == 1, result.output
    assert "FAILED" in result.stderr and "posts[1].posted_on" in result.stderr
    assert (out / "yamada-2026-001/disclosure-petition.ja.docx").is_file()
    assert not (out / "missing-001").exists()
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == len(SAMPLE_NAMES) + 2  # every case folder × one filing
    failed = {c.get("file", "").split("/")[-2] for c in cases if c.find("failure") is not None}
    # sato has no petition facts; the follow-ups have a disclosure case pending against X (S23)
    follow_ups = {
        "tanaka-carrier-preservation",
        "ito-repost-fixed-line",
        "yamada-followup-access-provider",
    }
    assert failed == {"broken-typo", "missing-purpose", "sato-insult-police", *follow_ups}
    missing = next(c for c in cases if "missing-purpose" in c.get("file", ""))
    failure = missing.find("failure")
    assert failure is not None and "[S4] disclosure.purposes" in (failure.text or "")


def test_json_report_and_exit_0_when_all_render(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = runner.invoke(
        main,
        [
            "batch",
            str(SAMPLES),
            "-o",
            str(tmp_path / "out"),
            "--format",
            "md",
            "--report",
            "json",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["cases"], data["failures"]) == (len(SAMPLE_NAMES), 0)
    assert data["documents"] == sum(len(r["written"]) for r in data["results"])
    assert f"{len(SAMPLE_NAMES)} case(s)" in result.stdout


def test_shards_cover_every_case_exactly_once(firm: Path) -> None:
    cases = discover([str(firm)])
    for total in (1, 2, 3, 5):
        shards = [select_shard(cases, (i, total)) for i in range(1, total + 1)]
        assert sorted(c for shard in shards for c in shard) == cases
        sizes = [len(shard) for shard in shards]
        assert max(sizes) - min(sizes) <= 1, sizes


def test_shard_option_renders_a_subset(runner: CliRunner, firm: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    for index in (1, 2):
        report = tmp_path / f"s{index}.json"
        runner.invoke(
            main,
            [
                "batch",
                str(firm),
                "-o",
                str(tmp_path / "o"),
                "--format",
                "md",
                "--shard",
                f"{index}/2",
                "--report",
                "json",
                str(report),
            ],
        )
        seen += sorted({r["case"] for r in json.loads(report.read_text("utf-8"))["results"]})
    assert sorted(seen) == sorted(str(c.path) for c in discover([str(firm)]))
    bad = runner.invoke(main, ["batch", str(firm), "-o", str(tmp_path), "--shard", "3/2"])
    assert bad.exit_code == 2


def test_batch_bytes_equal_single_renders(runner: CliRunner, tmp_path: Path) -> None:
    batch_out, single_out = tmp_path / "batch", tmp_path / "single"
    result = runner.invoke(
        main, ["batch", str(SAMPLES), "-o", str(batch_out), "--jobs", "2", "--format", "docx,md"]
    )
    assert result.exit_code == 0, result.output
    case = SAMPLES / "yamada-x-defamation" / "case.toml"
    runner.invoke(main, ["render", "all", str(case), "-o", str(single_out), "--format", "docx,md"])
    singles = sorted(p.relative_to(single_out) for p in single_out.rglob("*.*"))
    assert singles
    for relative in singles:
        assert (batch_out / relative).read_bytes() == (single_out / relative).read_bytes()


def test_unknown_filing_and_missing_path_are_usage_errors(
    runner: CliRunner, tmp_path: Path
) -> None:
    args = ["batch", str(SAMPLES), "-o", str(tmp_path)]
    assert runner.invoke(main, [*args, "--filings", "nope"]).exit_code == 2
    missing = runner.invoke(main, ["batch", str(tmp_path / "none"), "-o", str(tmp_path)])
    assert missing.exit_code == 2 and "no such case file or folder" in missing.stderr


def test_globs_find_case_files(tmp_path: Path) -> None:
    found = discover([str(SAMPLES / "*" / "case.toml")])
    assert [c.key for c in found] == [
        f"{name}/case.toml"
        for name in sorted(p.name for p in SAMPLES.iterdir() if (p / "case.toml").is_file())
    ]


def test_shards_do_not_depend_on_the_checkout_directory(tmp_path: Path) -> None:
    first, second = tmp_path / "runner-a" / "repo", tmp_path / "runner-b" / "work" / "repo"
    shutil.copytree(SAMPLES, first)
    shutil.copytree(SAMPLES, second)
    for total in (2, 3):
        for index in range(1, total + 1):
            names = [
                [c.key for c in select_shard(discover([str(root)]), (index, total))]
                for root in (first, second)
            ]
            assert names[0] == names[1]


WARNED = MINIMAL_CASE.replace('kind = "screenshot"', 'kind = "screenshot"\nfile = "missing.png"')
"""A case whose only problem is a missing evidence file: a warning raised while loading."""


def test_a_load_warning_is_reported_once_by_render_and_by_batch(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    case = write_case(WARNED)
    rendered = runner.invoke(main, ["render", "petition", str(case), "-o", str(tmp_path / "r")])
    assert rendered.exit_code == 0, rendered.output
    assert rendered.stderr.count("missing.png") == 1
    report = tmp_path / "report.json"
    args = ["batch", str(case), "-o", str(tmp_path / "b"), "--filings", "petition,deletion"]
    batched = runner.invoke(main, [*args, "--jobs", "1", "--report", "json", str(report)])
    assert batched.exit_code == 0, batched.output
    for result in json.loads(report.read_text(encoding="utf-8"))["results"]:
        paths = [f["path"] for f in result["findings"]]
        assert paths.count("evidence[1].file") == 1, result["filing"]


def test_strict_fails_the_same_filing_in_render_and_in_batch(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    case = write_case(WARNED)
    rendered = runner.invoke(
        main, ["render", "petition", str(case), "-o", str(tmp_path / "r"), "--strict"]
    )
    batched = runner.invoke(
        main,
        ["batch", str(case), "-o", str(tmp_path / "b"), "--filings", "petition", "--strict"],
    )
    assert (rendered.exit_code, batched.exit_code) == (1, 1)
    assert not (tmp_path / "r").exists() and not list((tmp_path / "b").rglob("*.docx"))


def test_shards_are_balanced_and_adding_a_case_moves_few() -> None:
    cases = [FoundCase(f"m{i:03d}/case.toml", Path(f"m{i:03d}/case.toml")) for i in range(60)]
    for total in (2, 3, 7):
        before = {c: i for i in range(1, total + 1) for c in select_shard(cases, (i, total))}
        sizes = [list(before.values()).count(i) for i in range(1, total + 1)]
        assert max(sizes) - min(sizes) <= 1
        grown = [*cases, FoundCase("new/case.toml", Path("new/case.toml"))]
        after = {c: i for i in range(1, total + 1) for c in select_shard(grown, (i, total))}
        moved = [c for c in cases if before[c] != after[c]]
        assert len(moved) <= total - 1


def test_six_cases_fill_three_shards(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"c{i}").mkdir()
        (tmp_path / f"c{i}" / "case.toml").write_text("", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert [len(select_shard(found, (i, 3))) for i in (1, 2, 3)] == [2, 2, 2]


def test_an_empty_batch_fails_unless_allowed(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["batch", str(empty), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "no case file" in result.stderr
    allowed = runner.invoke(main, ["batch", str(empty), "-o", str(tmp_path / "o"), "--allow-empty"])
    assert allowed.exit_code == 0, allowed.output
