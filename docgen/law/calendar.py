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
# Saturday, Sunday, national holiday or 29 Dec–3 Jan ends on the next business day. The national
# holidays (Holidays Act: named days, 振替休日 and 国民の休日, including one-off days such as those
# of the 2019 enthronement and the Olympic moves of 2020–2021) come from the ``holidays``
# package's Japan calendar, which follows amendments of the Act (tests/test_calendar.py checks
# that it agrees with the equinox formula docgen used before, for 2000–2099). The closure
# 29 Dec–3 Jan is the courts' own (裁判所の休日に関する法律 Art. 1(3)), not a national holiday.

HOLIDAY_YEARS = range(2000, 2100)
YEAR_END = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})


@cache
def japanese_holidays(year: int) -> frozenset[date]:
    """Every public holiday of ``year`` (2000–2099): named, substitute (振替休日) and in-between
    (国民の休日) days."""
    if year not in HOLIDAY_YEARS:
        raise ValueError(f"holidays are computed for 2000–2099, not {year}")
    import holidays  # imported on first use: loading its calendars takes ~0.1 s

    return frozenset(holidays.country_holidays("JP", years=year))


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
