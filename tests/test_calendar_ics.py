"""``docgen deadlines --format ics`` read back by an independent iCalendar parser (``icalendar``):
what a calendar application imports is every deadline, on its day, with its text intact."""

from __future__ import annotations

import json
from datetime import date, timedelta

import icalendar
import pytest
from click.testing import CliRunner

from docgen.cli import main
from tests.conftest import sample

AS_OF = "2026-11-22"


def _run(runner: CliRunner, case: str, lang: str, fmt: str) -> str:
    result = runner.invoke(
        main, ["deadlines", case, "--format", fmt, "--lang", lang, "--as-of", AS_OF]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", ["tanaka-carrier-preservation", "sato-insult-police"])
def test_every_deadline_is_an_all_day_event_with_its_text(
    runner: CliRunner, name: str, lang: str
) -> None:
    case = str(sample(name))
    expected = json.loads(_run(runner, case, lang, "json"))
    raw = _run(runner, case, lang, "ics")
    calendar = icalendar.Calendar.from_ical(raw)
    components = list(calendar.walk())
    assert all(not component.errors for component in components), [
        component.errors for component in components
    ]
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == f"-//docgen//deadlines//{lang.upper()}"
    events = calendar.walk("VEVENT")
    assert expected and len(events) == len(expected)
    case_id = str(calendar["X-WR-CALNAME"]).removeprefix("docgen ")
    for event, deadline in zip(events, expected, strict=True):
        due = date.fromisoformat(deadline["due"])
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and (start, end) == (due, due + timedelta(days=1))
        assert event.decoded("DTSTAMP").date() == date.fromisoformat(AS_OF)
        assert str(event["SUMMARY"]) == f"[{case_id}] {deadline['title']}"
        lines = str(event["DESCRIPTION"]).split("\n")
        assert lines[0].endswith(deadline["basis"]) and lines[2].endswith(deadline["path"])
        if deadline.get("note"):
            assert lines[3] == deadline["note"]  # commas, semicolons and all
        assert lines[-1] == f"docgen: {case_id}, {AS_OF}"
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(days=-7)
    assert len({str(event["UID"]) for event in events}) == len(events)
