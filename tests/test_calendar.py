"""The national holidays come from the ``holidays`` package: they agree, for every year docgen
counts (2000–2099), with the equinox formula and holiday rules docgen computed them with before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from docgen.law.calendar import HOLIDAY_YEARS, is_closed, japanese_holidays, next_business_day

ONE_DAY = timedelta(days=1)

# ---------------------------------------------------------------- the former formula, verbatim

_OLYMPIC = {  # (海の日, 山の日, スポーツの日) moved for the Tokyo Olympics
    2020: (date(2020, 7, 23), date(2020, 8, 10), date(2020, 7, 24)),
    2021: (date(2021, 7, 22), date(2021, 8, 8), date(2021, 7, 23)),
}
_ONE_OFF = {2019: (date(2019, 5, 1), date(2019, 10, 22))}  # 即位の日, 即位礼正殿の儀


def _nth_monday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def _equinox(year: int, base: float) -> int:
    k = year - 1980
    return int(base + 0.242194 * k) - k // 4


def _named_holidays(year: int) -> set[date]:
    def on(month: int, day: int) -> date:
        return date(year, month, day)

    days = {on(1, 1), _nth_monday(year, 1, 2), on(2, 11), on(3, _equinox(year, 20.8431))}
    days |= {on(4, 29), on(5, 3), on(5, 5), on(9, _equinox(year, 23.2488)), on(11, 3), on(11, 23)}
    if year != 2019:
        days.add(on(2, 23) if year >= 2020 else on(12, 23))
    if year >= 2007:
        days.add(on(5, 4))
    marine = _nth_monday(year, 7, 3) if year >= 2003 else on(7, 20)
    mountain = on(8, 11) if year >= 2016 else None
    sports = _nth_monday(year, 10, 2)
    marine, mountain, sports = _OLYMPIC.get(year, (marine, mountain, sports))
    days |= {marine, sports, _nth_monday(year, 9, 3) if year >= 2003 else on(9, 15)}
    days |= set(_ONE_OFF.get(year, ()))
    return days | ({mountain} if mountain else set())


def formula_holidays(year: int) -> frozenset[date]:
    named = _named_holidays(year)
    holidays = set(named)
    for day in sorted(d for d in named if d.weekday() == 6):
        substitute = day + ONE_DAY
        while year >= 2007 and substitute in named:
            substitute += ONE_DAY
        if substitute not in named:
            holidays.add(substitute)
    for day in named:
        between = day + ONE_DAY
        old_sunday = year < 2007 and between.weekday() == 6
        if between not in named and between + ONE_DAY in named and not old_sunday:
            holidays.add(between)
    return frozenset(holidays)


# ---------------------------------------------------------------- the tests


def test_the_package_agrees_with_the_former_formula_for_2000_to_2099() -> None:
    differ = {
        year: sorted(japanese_holidays(year) ^ formula_holidays(year)) for year in HOLIDAY_YEARS
    }
    assert {year: days for year, days in differ.items() if days} == {}
    assert sum(len(japanese_holidays(year)) for year in HOLIDAY_YEARS) > 1600


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2000, 5, 4), "国民の休日 (before 2007: between 憲法記念日 and こどもの日)"),
        (date(2019, 4, 30), "国民の休日 between 昭和の日 and 即位の日"),
        (date(2021, 7, 23), "スポーツの日 moved for the Olympics"),
        (date(2032, 9, 21), "国民の休日 between 敬老の日 and 秋分の日"),
        (date(2099, 3, 20), "春分の日 in the last year counted"),
    ],
)
def test_edge_holidays(day: date, name: str) -> None:
    assert day in japanese_holidays(day.year), name
    assert is_closed(day)


def test_court_closure_and_weekends_are_not_national_holidays() -> None:
    assert date(2026, 12, 29) not in japanese_holidays(2026)
    assert is_closed(date(2026, 12, 29)) and is_closed(date(2027, 1, 3))
    assert next_business_day(date(2030, 12, 28)) == date(2031, 1, 6)  # Sat, year end, Sat–Sun
    assert next_business_day(date(2099, 12, 31)) == date(2100, 1, 4)  # after the counted years
