"""The formatting filters, one behaviour a line, at the edges lawyers care about."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from docgen.eras import era_year
from docgen.render.formatting import (
    FILTERS,
    age_on,
    edate,
    emoment,
    en_list,
    en_yen,
    ja_list,
    jdate,
    jmoment,
    yen,
)

JST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 11, 22), "令和8年11月22日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 12, 31), "令和元年12月31日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(2024, 2, 29), "令和6年2月29日"),
    ],
)
def test_jdate_writes_era_dates(day: date, text: str) -> None:
    assert jdate(day) == text


def test_era_year_counts_from_the_first_year() -> None:
    assert era_year(date(2026, 1, 1)) == ("令和", 8)


def test_jdate_of_a_moment_is_the_day_in_japan() -> None:
    assert jdate(datetime(2026, 8, 31, 20, 0, tzinfo=UTC)) == "令和8年9月1日"


def test_jmoment_in_jst() -> None:
    assert jmoment(datetime(2026, 9, 1, 21, 14, tzinfo=JST)) == "令和8年9月1日21時14分"


def test_jmoment_shows_a_utc_source_beside_jst() -> None:
    moment = datetime(2026, 9, 1, 12, 13, 55, tzinfo=UTC)
    assert jmoment(moment, seconds=True) == (
        "令和8年9月1日21時13分55秒（日本時間。協定世界時 2026-09-01T12:13:55Z）"
    )


def test_edate_is_written_out() -> None:
    assert edate(date(2026, 11, 22)) == "November 22, 2026"


def test_emoment_in_jst_with_utc_source() -> None:
    assert emoment(datetime(2026, 9, 1, 21, 14, tzinfo=JST)) == "September 1, 2026, 21:14 JST"
    moment = datetime(2026, 9, 1, 12, 13, 55, tzinfo=UTC)
    assert emoment(moment, seconds=True) == (
        "September 1, 2026, 21:13:55 JST (2026-09-01T12:13:55Z UTC)"
    )


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (2000, "2000円"),
        (35000, "3万5000円"),
        (300000, "30万円"),
        (0, "0円"),
        (123456789, "1億2345万6789円"),
    ],
)
def test_yen_as_japanese_documents_write_it(amount: int, text: str) -> None:
    assert yen(amount) == text


def test_en_yen() -> None:
    assert en_yen(35000) == "JPY 35,000"


def test_lists() -> None:
    assert ja_list(["名誉権", "名誉感情"]) == "名誉権、名誉感情"
    assert en_list(["a", "b", "c"]) == "a, b and c"
    assert en_list(["a", "b"]) == "a and b"


def test_age_on_a_birthday_and_the_day_before() -> None:
    assert age_on(date(1990, 11, 22), date(2026, 11, 22)) == 36
    assert age_on(date(1990, 11, 23), date(2026, 11, 22)) == 35


def test_missing_values_print_nothing() -> None:
    assert (jdate(None), edate(None), jmoment(None), emoment(None), yen(None)) == ("",) * 5


def test_every_filter_is_registered_once() -> None:
    assert set(FILTERS) == {
        "jdate",
        "jmoment",
        "edate",
        "emoment",
        "yen",
        "en_yen",
        "ja_list",
        "en_list",
    }
