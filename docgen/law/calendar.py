"""Calendar arithmetic for legal periods: months and years with month-end clamping.

Japanese periods counted in months or years end on the day *before* the day that corresponds to
the first day of the period; when the last month has no such day, they end on that month's last
day (Civil Code Art. 143(2); CCP Art. 55(2) follows the calendar the same way). Whether the first
day counts is the caller's choice:

- the first day is excluded (Civil Code Art. 140; CCP Art. 55(1)): pass the day *after* the event;
- the first day is included (limitation of prosecution, CCP Art. 55(1) proviso): pass the event day.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from functools import cache

ONE_DAY = timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months; a day the month lacks becomes its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """``day`` moved by ``years``; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def period_end(first_day: date, *, years: int = 0, months: int = 0) -> date:
    """The last day of a period of ``years`` and ``months`` whose first counted day is ``first_day``.

    >>> period_end(date(2023, 5, 11), years=3)   # event 2023-05-10, first day excluded
    datetime.date(2026, 5, 10)
    >>> period_end(date(2024, 1, 31), months=1)  # no 31 February: the month's last day
    datetime.date(2024, 2, 29)
    """
    corresponding = add_months(first_day, 12 * years + months)
    if corresponding.day != first_day.day:  # clamped: the month has no corresponding day
        return corresponding
    return corresponding - timedelta(days=1)


def days_between(start: date, end: date) -> int:
    """Whole days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    return (end - start).days


# Business days (CCP 55(3); Code of Civil Procedure 95(3)): a period whose last day falls on a
# Saturday, Sunday, national holiday or 29 Dec–3 Jan ends on the next business day.

HOLIDAY_YEARS = range(2000, 2100)
YEAR_END = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})
# (海の日, 山の日, スポーツの日) moved for the Tokyo Olympics.
_OLYMPIC = {
    2020: (date(2020, 7, 23), date(2020, 8, 10), date(2020, 7, 24)),
    2021: (date(2021, 7, 22), date(2021, 8, 8), date(2021, 7, 23)),
}
_ONE_OFF = {2019: (date(2019, 5, 1), date(2019, 10, 22))}  # 即位の日, 即位礼正殿の儀


def _nth_monday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def _equinox(year: int, base: float) -> int:
    """Day of the equinox (valid 1980–2099); the official day is announced a year ahead."""
    k = year - 1980
    return int(base + 0.242194 * k) - k // 4


def _named_holidays(year: int) -> set[date]:
    """国民の祝日 (Holidays Act Art. 2) of ``year``, before substitute and in-between days."""

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


@cache
def japanese_holidays(year: int) -> frozenset[date]:
    """Every public holiday of ``year`` (2000–2099): named, substitute (振替休日) and in-between
    (国民の休日) days."""
    if year not in HOLIDAY_YEARS:
        raise ValueError(f"holidays are computed for 2000–2099, not {year}")
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
        old_sunday = year < 2007 and between.weekday() == 6  # before 2007 Sundays were not
        if between not in named and between + ONE_DAY in named and not old_sunday:
            holidays.add(between)
    return frozenset(holidays)


def is_closed(day: date) -> bool:
    """Saturday, Sunday, national holiday or 29 Dec–3 Jan (holidays known for 2000–2099 only)."""
    if day.weekday() >= 5 or (day.month, day.day) in YEAR_END:
        return True
    return day.year in HOLIDAY_YEARS and day in japanese_holidays(day.year)


def next_business_day(day: date) -> date:
    """``day`` itself, or the first day after it that is not closed."""
    while is_closed(day):
        day += ONE_DAY
    return day
