"""Japanese era years (令和8年): a ground-floor helper for the documents and the messages alike."""

from __future__ import annotations

from datetime import date

# (first day, era name): the Gregorian day each era began.
ERAS: tuple[tuple[date, str], ...] = (
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
    (date(1912, 7, 30), "大正"),
    (date(1873, 1, 1), "明治"),
)


MEIJI_FIRST_YEAR = 1868


def era_year(day: date) -> tuple[str, int]:
    """(era name, year of the era) for ``day``: 2019-04-30 → 平成31, 2019-05-01 → 令和1."""
    for start, name in ERAS:
        if day >= start:
            # Meiji began in 1868; the table starts it at 1873, when the Gregorian calendar did.
            first_year = MEIJI_FIRST_YEAR if name == "明治" else start.year
            return name, day.year - first_year + 1
    raise ValueError(f"{day.isoformat()} is before the Gregorian calendar was adopted in Japan")


def era_year_text(day: date) -> str:
    """令和8年; a day before the eras (1873, when Japan took the Gregorian calendar) as 1872年.

    The loader keeps the dates of a case in 1900–2100, but a template may compute any date: a
    filter never fails inside a template, which would blame the template for the value.
    """
    if day < ERAS[-1][0]:
        return f"{day.year}年"
    name, year = era_year(day)
    return f"{name}{'元' if year == 1 else year}年"


def era_date(day: date) -> str:
    """令和8年11月22日."""
    return f"{era_year_text(day)}{day.month}月{day.day}日"
