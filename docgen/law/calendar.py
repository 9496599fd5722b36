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
