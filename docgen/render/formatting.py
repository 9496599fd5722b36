"""Formatting filters: plain functions, registered in both environments through ``FILTERS``.

Japanese documents write dates in the era system (令和8年11月22日, 元年 for a first year), moments
in Japan time, and money as 3万5000円; English documents write "November 22, 2026" and "JPY 35,000".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from docgen.case.model import as_jst, is_utc

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


def _in_japan(moment: datetime) -> datetime:
    """``moment`` in Japan time; as given when that would leave the calendar (near year 1 or 9999)."""
    try:
        return as_jst(moment)
    except OverflowError:
        return moment


def jdate(day: date | datetime | None) -> str:
    """令和8年11月22日 (the date in Japan for a moment)."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = _in_japan(day).date()
    return f"{era_year_text(day)}{day.month}月{day.day}日"


def jmoment(moment: datetime | None, seconds: bool = False) -> str:
    """令和8年9月1日21時14分 in Japan time; a UTC source value is shown beside it."""
    if moment is None:
        return ""
    local = _in_japan(moment)
    clock = f"{local.hour}時{local.minute}分" + (f"{local.second}秒" if seconds else "")
    text = f"{jdate(local.date())}{clock}"
    if is_utc(moment):
        utc = moment.strftime("%Y-%m-%dT%H:%M:%S") + "Z"
        text += f"（日本時間。協定世界時 {utc}）"
    return text


def edate(day: date | datetime | None) -> str:
    """November 22, 2026 (the date in Japan for a moment)."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = _in_japan(day).date()
    return format_date(day, format="long", locale="en_US")


def emoment(moment: datetime | None, seconds: bool = False) -> str:
    """September 1, 2026, 21:14 JST; a UTC source value is shown beside it."""
    if moment is None:
        return ""
    local = _in_japan(moment)
    pattern = "HH:mm:ss" if seconds else "HH:mm"
    text = f"{edate(local.date())}, {format_time(local.time(), pattern, locale='en_US')} JST"
    if is_utc(moment):
        text += f" ({moment.strftime('%Y-%m-%dT%H:%M:%S')}Z UTC)"
    return text


def yen(amount: int | None) -> str:
    """35000 → 3万5000円, 2000 → 2000円, 300000 → 30万円, as Japanese legal documents write it."""
    if amount is None:
        return ""
    if amount < 0:
        return "マイナス" + yen(-amount)
    parts = []
    for unit, name in ((10**12, "兆"), (10**8, "億"), (10**4, "万")):
        if amount >= unit:
            parts.append(f"{amount // unit}{name}")
            amount %= unit
    if amount or not parts:
        parts.append(str(amount))
    return "".join(parts) + "円"


def en_yen(amount: int | None) -> str:
    """35000 → JPY 35,000."""
    return "" if amount is None else f"JPY {format_decimal(amount, locale='en_US')}"


def ja_list(items: Iterable[Any]) -> str:
    """名誉権、名誉感情: items joined with the Japanese comma."""
    return "、".join(str(i) for i in items)


def en_list(items: Iterable[Any]) -> str:
    """a, b and c."""
    words = [str(i) for i in items]
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def age_on(birth: date | None, day: date) -> int | None:
    """Completed years of age on ``day``."""
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


FILTERS: dict[str, Callable[..., str]] = {
    "jdate": jdate,
    "jmoment": jmoment,
    "edate": edate,
    "emoment": emoment,
    "yen": yen,
    "en_yen": en_yen,
    "ja_list": ja_list,
    "en_list": en_list,
}
"""Every filter a template may use, by name."""
