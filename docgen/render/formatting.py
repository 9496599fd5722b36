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
from docgen.eras import era_year_text


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
