"""The deadline timeline: counting rules at their edges, the order, and the three output formats."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from docgen.case.messages import basis_text
from docgen.case.model import Case, Disclosure
from docgen.findings import Message
from docgen.law.calendar import is_closed, japanese_holidays, next_business_day
from docgen.law.deadlines import Deadline, complaint_period_end, deadlines, urgent
from docgen.reports.deadline_views import _width, as_ics, as_json, as_text
from docgen.reports.ics import escape_text, fold

TODAY = date(2026, 11, 22)


ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)?")


def typed(value: Any) -> Any:
    """ISO strings as the TOML dates and date-times they stand for (the model takes no text)."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        return date.fromisoformat(value)
    if isinstance(value, str) and ISO_MOMENT.fullmatch(value):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def make(today: date = TODAY, **tables: Any) -> Case:
    """A minimal valid case with the given tables (dates may be written as ISO strings)."""
    data: dict[str, Any] = {
        "case": {"id": "t-001", "date": today},
        "victim": {"name": "山田 花子", "address": "東京都世田谷区"},
    }
    return Case.model_validate(typed(data | tables))


def post(posted_at: str, **extra: Any) -> dict[str, Any]:
    return {"url": "https://x.com/a/status/1", "account": "@a", "posted_at": posted_at} | {
        "text": "…",
        **extra,
    }


def of_kind(case: Case, kind: str) -> list[Deadline]:
    return [d for d in deadlines(case) if d.kind == kind]


def with_decision(case: Case, notified: date) -> Case:
    return case.model_copy(update={"disclosure": Disclosure(decision_notified_at=notified)})


# ---------------------------------------------------------------------------------------------
# Holidays and business days (CCP 55(3))
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        "2019-04-30",  # 国民の休日 between 昭和の日 and 即位の日
        "2019-05-01",  # 即位の日
        "2019-05-02",
        "2019-05-06",  # 振替休日 for こどもの日 on a Sunday
        "2019-10-22",  # 即位礼正殿の儀
        "2020-07-24",  # スポーツの日 moved for the Olympics
        "2021-08-09",  # 振替休日 for 山の日 moved to Sunday 8 August
        "2024-09-22",  # 秋分の日 (equinox formula)
        "2026-01-12",  # 成人の日: 2nd Monday of January
        "2026-05-06",  # 振替休日: 3 May on a Sunday, next non-holiday day
        "2026-09-22",  # 国民の休日 between 敬老の日 and 秋分の日
        "2027-03-22",  # 振替休日 for 春分の日 on a Sunday
    ],
)
def test_holidays(day: str) -> None:
    assert date.fromisoformat(day) in japanese_holidays(int(day[:4]))


@pytest.mark.parametrize("day", ["2019-12-23", "2020-10-12", "2021-10-11", "2023-09-22"])
def test_not_holidays(day: str) -> None:
    assert date.fromisoformat(day) not in japanese_holidays(int(day[:4]))


def test_holiday_count_and_range() -> None:
    assert len(japanese_holidays(2026)) == 18
    with pytest.raises(ValueError):
        japanese_holidays(1999)


@pytest.mark.parametrize(
    ("last", "due"),
    [
        ("2026-12-11", "2026-12-11"),  # Friday: no move
        ("2026-12-12", "2026-12-14"),  # Saturday
        ("2027-02-28", "2027-03-01"),  # Sunday
        ("2026-12-29", "2027-01-04"),  # year-end days, then Saturday and Sunday
        ("2026-09-21", "2026-09-24"),  # 敬老の日, 国民の休日, 秋分の日
        ("2027-05-01", "2027-05-06"),  # Golden Week
    ],
)
def test_next_business_day(last: str, due: str) -> None:
    assert next_business_day(date.fromisoformat(last)) == date.fromisoformat(due)


def test_year_end_closed_outside_holiday_years() -> None:
    assert is_closed(date(2100, 12, 30)) and not is_closed(date(2100, 12, 28))


# ---------------------------------------------------------------------------------------------
# Complaint period (CCP 235, 55)
# ---------------------------------------------------------------------------------------------


def test_complaint_period_month_end_then_sunday_shift() -> None:
    assert complaint_period_end(date(2026, 8, 31)) == date(2027, 2, 28)
    (deadline,) = of_kind(make(police={"offender_known_at": "2026-08-31"}), "complaint-period")
    assert deadline.due == date(2027, 3, 1)  # 28 February 2027 is a Sunday
    assert deadline.certainty == "statutory" and deadline.path == "police.offender_known_at"
    assert deadline.note is not None and "2027-02-28" in deadline.note.en
    assert "CCP 55(3)" in deadline.note.en


def test_complaint_period_ends_on_leap_day() -> None:
    assert complaint_period_end(date(2027, 8, 31)) == date(2028, 2, 29)
    (deadline,) = of_kind(make(police={"offender_known_at": "2027-08-31"}), "complaint-period")
    assert deadline.due == date(2028, 2, 29) and deadline.note is None  # a Tuesday


def test_complaint_period_first_day_excluded() -> None:
    assert complaint_period_end(date(2026, 5, 10)) == date(2026, 11, 10)


def test_complaint_period_uncertain_while_post_online() -> None:
    case = make(
        posts=[post("2026-09-01T10:00:00+09:00", still_online=True)],
        police={"offender_known_at": "2026-10-15", "offenses": ["defamation"]},
    )
    (deadline,) = of_kind(case, "complaint-period")
    assert deadline.certainty == "uncertain" and deadline.due == date(2027, 4, 15)
    assert deadline.note is not None and "Osaka High Court" in deadline.note.en


# ---------------------------------------------------------------------------------------------
# Prosecution limitation (CCP 250(2); the 2022-07-07 change for insult)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posted", "due", "basis"),
    [
        ("2022-07-06T23:59:00+09:00", date(2023, 7, 5), "CCP 250(2)(vii)"),  # 1 year
        ("2022-07-07T00:00:00+09:00", date(2025, 7, 6), "CCP 250(2)(vi)"),  # 3 years
        ("2022-07-06T15:30:00Z", date(2025, 7, 6), "CCP 250(2)(vi)"),  # 7 July in Japan
    ],
)
def test_insult_limitation_changes_on_2022_07_07(posted: str, due: date, basis: str) -> None:
    case = make(
        date(2022, 8, 1),
        posts=[post(posted, still_online=False)],
        police={"offenses": ["insult"]},
    )
    (deadline,) = of_kind(case, "prosecution-limitation")
    assert (deadline.due, deadline.basis, deadline.certainty) == (due, basis, "statutory")
    assert deadline.subject == "insult" and deadline.path == "posts[1].posted_at"


def test_prosecution_limitation_per_offence_and_leap_day() -> None:
    case = make(
        date(2028, 3, 1),
        posts=[post("2028-02-29T12:00:00+09:00")],
        police={"offenses": ["defamation", "insult"]},
    )
    found = of_kind(case, "prosecution-limitation")
    assert [d.subject for d in found] == ["defamation", "insult"]
    assert {d.due for d in found} == {date(2031, 2, 28)}  # first day included, no 29 Feb
    assert len({(d.kind, d.path, d.subject, d.due) for d in found}) == 2


def test_prosecution_limitation_uncertain_when_online() -> None:
    case = make(
        posts=[
            post("2026-01-10T10:00:00+09:00", still_online=True),
            post("2022-03-01T10:00:00+09:00", still_online=False, found_at="2022-08-01"),
        ],
        police={"offenses": ["insult"]},
    )
    online, old = sorted(of_kind(case, "prosecution-limitation"), key=lambda d: d.path)
    assert online.certainty == "uncertain" and old.certainty == "uncertain"
    assert old.due == date(2023, 2, 28) and old.note is not None and "7 July 2022" in old.note.en


# ---------------------------------------------------------------------------------------------
# Civil limitation, objection suit, log retention
# ---------------------------------------------------------------------------------------------


def test_civil_limitation_and_long_stop() -> None:
    case = make(
        posts=[post("2026-09-01T21:14:00+09:00")], police={"offender_known_at": "2028-02-29"}
    )
    (civil,) = of_kind(case, "civil-limitation")
    (long_stop,) = of_kind(case, "civil-long-stop")
    assert civil.due == date(2031, 2, 28) and civil.basis == "Civil Code 724(i)"
    assert long_stop.due == date(2046, 9, 1) and long_stop.path == "posts[1].posted_at"


@pytest.mark.parametrize(
    ("notified", "due"),
    [
        (date(2026, 11, 1), date(2026, 12, 1)),
        (date(2026, 11, 28), date(2026, 12, 28)),
        (date(2026, 11, 29), date(2027, 1, 4)),  # 29 December: year-end, then the weekend
        (date(2027, 1, 31), date(2027, 3, 1)),  # 28 February 2027 is a Sunday
    ],
)
def test_objection_suit_from_decision_notice(notified: date, due: date) -> None:
    (deadline,) = of_kind(with_decision(make(), notified), "objection-suit")
    assert deadline.due == due and deadline.path == "disclosure.decision_notified_at"
    assert deadline.certainty == "statutory"


def test_no_objection_suit_without_decision() -> None:
    assert of_kind(make(), "objection-suit") == []


@pytest.mark.parametrize(
    ("provider", "due", "basis"),
    [
        ({"ref": "docomo"}, date(2026, 12, 4), "93 days"),
        ({"ref": "softbank"}, date(2026, 12, 4), "93 days"),
        ({"ref": "kddi"}, date(2026, 12, 2), "3 months"),
        ({"ref": "docomo", "network": "fixed"}, date(2026, 12, 2), "3–6 months"),
        ({"name": "Some ISP"}, date(2026, 12, 2), "mobile ~3, fixed 3–6 months"),
    ],
)
def test_log_retention_from_connections(provider: dict[str, str], due: date, basis: str) -> None:
    # 20:00 UTC on 1 September is 2 September in Japan.
    case = make(
        access_provider=provider, connections=[{"ip": "203.0.113.1", "at": "2026-09-01T20:00:00Z"}]
    )
    (deadline,) = of_kind(case, "log-retention")
    assert (deadline.due, deadline.certainty) == (due, "practice")
    assert basis in deadline.basis and deadline.path == "connections[1].at"
    assert "connections[1]" in deadline.title.en


def test_log_retention_from_posts_before_the_provider_is_known() -> None:
    case = make(posts=[post("2026-09-01T21:14:00+09:00")])
    (deadline,) = of_kind(case, "log-retention")
    assert deadline.due == date(2026, 12, 1) and deadline.path == "posts[1].posted_at"
    assert deadline.certainty == "practice" and deadline.note is not None


# ---------------------------------------------------------------------------------------------
# The timeline: order and urgency
# ---------------------------------------------------------------------------------------------


def test_soonest_first_with_deterministic_ties() -> None:
    posts = [post("2026-09-01T10:00:00+09:00") for _ in range(10)]
    case = make(posts=posts, police={"offender_known_at": "2026-10-15", "offenses": ["insult"]})
    found = deadlines(case)
    assert [d.due for d in found] == sorted(d.due for d in found)
    retention = [d.path for d in found if d.kind == "log-retention"]
    assert retention == [f"posts[{i}].posted_at" for i in range(1, 11)]
    assert found[0].kind == "log-retention" and found[-1].kind == "civil-long-stop"
    assert deadlines(case) == found


def test_urgent_boundaries() -> None:
    at = [TODAY + timedelta(days=offset - 93) for offset in (15, 14, 0, -1)]
    case = make(
        access_provider={"ref": "docomo"},
        connections=[{"ip": "203.0.113.1", "at": f"{day}T12:00:00+09:00"} for day in at],
    )
    days = [d.days_left(TODAY) for d in deadlines(case)]
    assert days == [-1, 0, 14, 15]
    assert [d.days_left(TODAY) for d in urgent(case)] == [-1, 0, 14]
    assert [d.days_left(TODAY) for d in urgent(case, within_days=15)] == [-1, 0, 14, 15]


def test_days_left() -> None:
    deadline = Deadline("x", date(2026, 12, 1), Message("", ""), "", "practice", "p")
    assert deadline.days_left(date(2026, 11, 22)) == 9
    assert deadline.days_left(date(2026, 12, 2)) == -1


# ---------------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------------


def era_case() -> Case:
    return make(
        date(2019, 4, 20),
        posts=[
            post("2016-05-01T10:00:00+09:00", still_online=False),
            post("2016-05-02T10:00:00+09:00", still_online=False),
        ],
        police={"offenses": ["defamation"]},
    )


def test_text_era_boundary_and_past() -> None:
    text = as_text(era_case(), "ja")
    assert "2019-04-30（平成31年4月30日）" in text
    assert "2019-05-01（令和元年5月1日）" in text
    assert "期限経過" in text  # the posts' log retention lapsed in 2016
    assert "平成31年4月20日" in text.splitlines()[0]
    english = as_text(era_case(), "en")
    assert "2019-04-30" in english and "PAST" in english and "平成" not in english


def test_text_columns_align() -> None:
    case = era_case()
    found = deadlines(case)
    rows = as_text(case, "ja").splitlines()[3 : 3 + len(found)]
    bases = [basis_text(d.basis, "ja") for d in found]  # cited the Japanese way
    starts = {_width(row[: row.index(basis)]) for row, basis in zip(rows, bases, strict=True)}
    assert len(starts) == 1  # full-width characters count twice


def test_text_without_deadlines() -> None:
    assert "No deadlines." in as_text(make(), "en")
    assert "期限はありません" in as_text(make(), "ja")


def test_json_shape() -> None:
    case = with_decision(era_case(), date(2019, 4, 10))
    items = json.loads(as_json(case, "en"))
    assert isinstance(items, list) and len(items) == len(deadlines(case))
    keys = {"kind", "due", "days_left", "title", "basis", "certainty", "path", "note"}
    for item in items:
        assert set(item) == keys
        assert date.fromisoformat(item["due"]) and isinstance(item["days_left"], int)
        assert item["certainty"] in {"statutory", "practice", "uncertain"}
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)
    assert "objection-suit" in {i["kind"] for i in items}
    assert "posts[1]" in json.loads(as_json(case, "ja"))[0]["title"]


def unfold(raw: str) -> list[str]:
    logical: list[str] = []
    for line in raw.split("\r\n")[:-1]:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def test_ics_round_trip() -> None:
    case = make(
        posts=[post("2026-09-01T21:14:00+09:00", still_online=True)],
        police={"offender_known_at": "2026-10-15", "offenses": ["defamation", "insult"]},
    )
    raw = as_ics(case, "ja")
    assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    assert any(line.startswith(" ") for line in raw.split("\r\n"))  # something was folded
    lines = unfold(raw)
    assert lines[:4] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//docgen//deadlines//JA",
        "CALSCALE:GREGORIAN",
    ]
    assert lines[-1] == "END:VCALENDAR"
    found = deadlines(case)
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(found)
    starts = [line.split(":")[1] for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    assert starts == [d.due.strftime("%Y%m%d") for d in found]
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(found)
    assert set(line for line in lines if line.startswith("DTSTAMP:")) == {
        "DTSTAMP:20261122T000000Z"
    }
    assert lines.count("TRIGGER;RELATED=START:-P7D") == len(found)
    assert as_ics(case, "ja") == raw and as_ics(case.model_copy(), "ja") == raw
    assert uids == [line for line in unfold(as_ics(case, "en")) if line.startswith("UID:")]


def test_ics_escaping_and_folding() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    long = "告訴期間" * 40 + "abc"
    folded = fold("SUMMARY:" + long)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces) and len(pieces) > 1
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == "SUMMARY:" + long
