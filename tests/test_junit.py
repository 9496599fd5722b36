"""`docgen batch --report junit`: a report GitLab, GitHub and Jenkins read, valid against the
Jenkins JUnit schema (tests/data/jenkins-junit.xsd), in every shape a batch can end in."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner, Result

from docgen.cli import main
from tests.conftest import MINIMAL_CASE

SCHEMA = xmlschema.XMLSchema(Path(__file__).parent / "data" / "jenkins-junit.xsd")
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
WARNED = MINIMAL_CASE.replace('kind = "screenshot"', 'kind = "screenshot"\nfile = "missing.png"')
"""A case whose only problem is a warning: an evidence file that does not exist."""
NO_PURPOSE = MINIMAL_CASE.replace('purposes = ["damages"]\n', "")
TYPO = MINIMAL_CASE.replace("posted_at", "posted_on")


def _matters(root: Path, cases: dict[str, str]) -> Path:
    for name, text in cases.items():
        (root / name).mkdir(parents=True)
        text = text.replace('id = "test-001"', f'id = "{re.sub("[^a-z-]", "", name)}"')
        (root / name / "case.toml").write_text(text, encoding="utf-8")
    return root


def _batch(runner: CliRunner, tmp_path: Path, *args: str) -> tuple[Result, ET.Element, bytes]:
    """Run a batch with a JUnit report; the result, the report's root, and its bytes, once the
    report is known to be well-formed and valid against the JUnit schema."""
    report = tmp_path / "junit.xml"
    command = ["batch", *args, "-o", str(tmp_path / "out"), "--format", "md", "--jobs", "1"]
    result = runner.invoke(main, [*command, "--report", "junit", str(report)])
    assert "Traceback" not in result.output, result.output
    data = report.read_bytes()
    SCHEMA.validate(str(report))  # raises with the element and the rule broken
    return result, ET.fromstring(data), data


def _cases(root: ET.Element) -> list[ET.Element]:
    return list(root.iter("testcase"))


def _first(text: str, severity: str) -> str:
    """``S4 disclosure.purposes: `` of the first finding of ``severity`` a failure text lists."""
    found = re.search(rf": {severity} \[(\S+)\] ([^:]+): ", text)
    assert found, text
    return f"{found[1]} {found[2]}: "


def test_a_passing_batch_has_times_a_timestamp_and_its_warnings_as_output(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = _matters(tmp_path / "m", {"alpha": MINIMAL_CASE, "beta": WARNED})
    result, report, _ = _batch(runner, tmp_path, str(root), "--filings", "petition")
    assert result.exit_code == 0, result.output
    (suite,) = report.iter("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "0", "0")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", suite.get("timestamp") or "")
    for element in [report, suite, *_cases(report)]:
        assert float(element.get("time") or "-1") >= 0, element.tag
    beta = next(c for c in _cases(report) if c.get("classname") == "beta")
    assert beta.find("failure") is None and beta.find("error") is None
    out = beta.findtext("system-out") or ""
    assert "warning [" in out and "evidence[1].file" in out and "missing.png" in out
    assert out.endswith("beta/disclosure-petition.en.md")


def test_a_failing_case_states_its_first_error_and_lists_every_finding(
    runner: CliRunner, tmp_path: Path
) -> None:
    two_errors = NO_PURPOSE.replace('items = ["name", "address", "email"]', "items = []")
    root = _matters(tmp_path / "m", {"good": MINIMAL_CASE, "missing-purpose": two_errors})
    result, report, _ = _batch(runner, tmp_path, str(root), "--filings", "petition")
    assert result.exit_code == 1
    (suite,) = report.iter("testsuite")
    assert (suite.get("failures"), suite.get("errors")) == ("1", "0")
    failed = next(c for c in _cases(report) if c.get("classname") == "missing-purpose")
    failure = failed.find("failure")
    assert failure is not None
    message = failure.get("message") or ""
    assert message.startswith("S4 disclosure.purposes: "), message
    assert "error(s)" not in message and re.search(r"\(and [1-9][0-9]* more\)$", message)
    assert failure.get("type") == "S4"
    text = failure.text or ""
    assert "[S4] disclosure.purposes" in text and "disclosure.items" in text


def test_a_case_that_fails_to_load_is_named_by_its_file(runner: CliRunner, tmp_path: Path) -> None:
    root = _matters(tmp_path / "m", {"good": MINIMAL_CASE, "broken-typo": TYPO})
    result, report, _ = _batch(runner, tmp_path, str(root))
    assert result.exit_code == 1
    broken = [c for c in _cases(report) if c.find("failure") is not None]
    assert len(broken) == 1
    assert broken[0].get("name") == str(root / "broken-typo" / "case.toml")
    assert all(c.get("name") != "*" for c in _cases(report))
    failure = broken[0].find("failure")
    assert failure is not None
    message, text = failure.get("message") or "", failure.text or ""
    assert "posts[1].posted_on: unknown key" in text
    assert message.startswith(_first(text, "error")), (message, text)


def test_a_warning_that_fails_strict_is_the_message(runner: CliRunner, tmp_path: Path) -> None:
    root = _matters(tmp_path / "m", {"warned": WARNED})
    result, report, _ = _batch(runner, tmp_path, str(root), "--filings", "petition", "--strict")
    assert result.exit_code == 1
    (case,) = _cases(report)
    failure = case.find("failure")
    assert failure is not None
    message = failure.get("message") or ""
    assert "0 error(s)" not in message
    assert re.match(r"\S+ [\w.\[\]]+: .+\(warning; fails --strict\)", message), message
    assert message.startswith(_first(failure.text or "", "warning"))


def test_a_broken_firm_template_is_an_error_not_a_failure(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = _matters(tmp_path / "m", {"fine": MINIMAL_CASE})
    templates = tmp_path / "firm" / "templates_ja"
    templates.mkdir(parents=True)
    (templates / "disclosure-petition.md").write_text("# 申立書\n{{ no_such_name }}\n", "utf-8")
    args = ["--filings", "petition", "--templates", str(tmp_path / "firm")]
    result, report, _ = _batch(runner, tmp_path, str(root), *args)
    assert result.exit_code != 0
    (suite,) = report.iter("testsuite")
    assert (suite.get("failures"), suite.get("errors")) == ("0", "1")
    (case,) = _cases(report)
    assert case.find("failure") is None
    error = case.find("error")
    assert error is not None and error.get("type") == "BrokenTemplateError"
    assert "disclosure-petition.md" in (error.get("message") or "")
    assert "no_such_name" in (error.get("message") or "")


def test_control_characters_from_a_case_never_reach_the_report(
    runner: CliRunner, tmp_path: Path
) -> None:
    value = MINIMAL_CASE.replace('account = "@someone"', 'account = "@some\\u0001one"')
    root = _matters(tmp_path / "m", {"value\x01\x1b[31m": value, "key": TYPO})
    key = root / "key" / "case.toml"
    key.write_text(TYPO.replace("[claim]", '[claim]\n"bad\\u0002key" = 1'), "utf-8")
    result, report, data = _batch(runner, tmp_path, str(root), "--filings", "petition")
    assert result.exit_code == 1
    assert not NOT_XML.search(data.decode("utf-8"))
    failures = {c.get("classname", ""): c.find("failure") for c in _cases(report)}
    assert len(failures) == 2 and all(f is not None for f in failures.values())
    named = next(name for name in failures if "value" in name)
    assert "value\\u0001\\u001b[31m" in named  # the folder's control characters, as escapes
    texts = [(f.get("message") or "") + (f.text or "") for f in failures.values() if f is not None]
    assert any("posts[1].account" in t for t in texts)
    assert any("claim.bad\\u0002key" in t for t in texts)


def test_the_report_is_the_same_but_for_times_under_source_date_epoch(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796100000")
    root = _matters(tmp_path / "m", {"good": MINIMAL_CASE, "broken": TYPO, "warned": WARNED})
    reports = []
    for _ in ("first", "second"):
        _, report, data = _batch(runner, tmp_path, str(root), "--filings", "petition")
        (suite,) = report.iter("testsuite")
        assert suite.get("timestamp") == "2026-12-01T04:40:00"
        reports.append(re.sub(rb' time="[0-9.]+"', b"", data))
    assert reports[0] == reports[1]


def test_a_malformed_source_date_epoch_stops_the_batch_before_rendering(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    root = _matters(tmp_path / "m", {"good": MINIMAL_CASE})
    report, out = tmp_path / "junit.xml", tmp_path / "out"
    args = ["batch", str(root), "-o", str(out), "--report", "junit", str(report)]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH must be a whole number of seconds" in result.stderr
    assert not out.exists() and not report.exists()


def test_an_empty_batch_gives_a_valid_report(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    result, report, _ = _batch(runner, tmp_path, str(tmp_path / "none"), "--allow-empty")
    assert result.exit_code == 0, result.output
    assert _cases(report) == [] and report.get("tests") == "0"
