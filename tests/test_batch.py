"""`docgen batch`: good cases render, broken ones are reported, shards split stably, bytes match."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.batch import FilingResult, FoundCase, discover, peek_case_id, select_shard
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
    folders = {peek_case_id(p): p.parent.name for p in firm.glob("*/case.toml")}
    failed = {  # a case that fails to load is named by its path, the others by their case.id
        folders.get(c.get("classname", ""), Path(c.get("classname", "")).parent.name)
        for c in cases
        if c.find("failure") is not None
    }
    # sato has no petition facts; the follow-ups have a disclosure case pending against X (S23)
    follow_ups = {
        "tanaka-carrier-preservation",
        "ito-repost-fixed-line",
        "yamada-followup-access-provider",
        "nakamura-whole-chain",
    }
    assert failed == {"broken-typo", "missing-purpose", "sato-insult-police", *follow_ups}
    missing = next(c for c in cases if c.get("classname") == "missing-001")
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


def test_each_progress_line_shows_that_cases_own_documents_and_failures(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = tmp_path / "m"
    cases = {
        "a-broken": MINIMAL_CASE.replace('purposes = ["damages"]\n', ""),
        "b-good": MINIMAL_CASE,
        "c-good": MINIMAL_CASE.replace('id = "test-001"', 'id = "test-003"'),
    }
    for name, text in cases.items():
        (root / name).mkdir(parents=True)
        (root / name / "case.toml").write_text(
            text.replace('id = "test-001"', f'id = "{name}"'), encoding="utf-8"
        )
    args = ["batch", str(root), "-o", str(tmp_path / "out"), "--filings", "petition,deletion"]
    result = runner.invoke(main, [*args, "--format", "md", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert lines == [
        f"[1/3] {root / 'a-broken' / 'case.toml'}: 2 document(s), 1 failure(s) "
        "(disclosure-petition)",
        f"[2/3] {root / 'b-good' / 'case.toml'}: 4 document(s), 0 failure(s)",
        f"[3/3] {root / 'c-good' / 'case.toml'}: 4 document(s), 0 failure(s)",
    ]
    assert result.stdout.strip().endswith(
        "3 case(s), 10 document(s) written, 1 case × filing failure(s)"
    )


class _Terminal(io.StringIO):
    """What a person's terminal looks like to docgen: a stream that is a TTY."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.cli.batch import BatchProgress, wants_progress_bar

    assert wants_progress_bar(_Terminal(), {"TERM": "xterm-256color"})
    assert not wants_progress_bar(io.StringIO(), {"TERM": "xterm-256color"})  # a pipe, a log
    for ci in ({"CI": "true"}, {"GITLAB_CI": "true", "CI": "1"}, {"TERM": "dumb"}):
        assert not wants_progress_bar(_Terminal(), ci), ci
    assert wants_progress_bar(_Terminal(), {"CI": "false"})

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    terminal = _Terminal()
    results = [
        FilingResult("m/a/case.toml", "a", "disclosure-petition", True, written=("x.md", "y.md")),
        FilingResult("m/a/case.toml", "a", "deletion-request", False, error="broken"),
    ]
    with BatchProgress(2, terminal) as progress:
        assert progress.interactive
        progress.advance(results)
        progress.advance(results[:1])
    shown = terminal.getvalue()
    assert "cases" in shown and "[1/2]" not in shown  # a bar redrawn in place, not log lines
    assert "m/a/case.toml: 2 document(s), 1 failure(s) (deletion-request)" in shown
    assert "m/a/case.toml: 2 document(s), 0 failure(s)" in shown


def _children_of(parent: int) -> set[int]:
    """The processes whose parent is ``parent`` (a /proc scan, Linux)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="scans /proc (Linux)")
def test_workers_exit_when_the_batch_main_process_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    root = tmp_path / "m"
    for index in range(150):
        (root / f"c{index:03d}").mkdir(parents=True)
        text = MINIMAL_CASE.replace('id = "test-001"', f'id = "case-{index:03d}"')
        (root / f"c{index:03d}" / "case.toml").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "docgen", "batch", str(root), "-o", str(tmp_path / "out")]
    batch = subprocess.Popen(
        [*command, "--jobs", "2", "--filings", "petition", "--format", "md,docx"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children_of(batch.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) >= 2, "the batch started no workers"
        time.sleep(0.5)  # in the middle of rendering
        batch.send_signal(signal.SIGKILL)
        batch.wait()
        gone_by = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < gone_by:
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "workers outlived the killed batch"
        assert batch.stdout is not None
        batch.stdout.read()  # EOF: no worker holds the pipe a CI job reads
    finally:
        if batch.stdout is not None:
            batch.stdout.close()
        for pid in _children_of(batch.pid):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(batch.pid, signal.SIGKILL)
    leftovers = [p for p in (tmp_path / "out").rglob("*") if p.name.endswith((".tmp", ".old"))]
    assert leftovers == []  # what a worker was writing was cleaned up
