"""A minimal iCalendar (RFC 5545) writer for all-day reminders: what ``docgen deadlines --format
ics`` needs and nothing else, so that the output is byte-for-byte deterministic.

Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); TEXT values escape
backslash, semicolon, comma and newlines (RFC 5545 §3.1, §3.3.11). No clock is read: the caller
gives every date, including the DTSTAMP.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

CRLF = "\r\n"
LINE_OCTETS = 75


@dataclass(frozen=True)
class AllDayEvent:
    """One all-day VEVENT with a display alarm ``alarm_days`` before the day."""

    uid: str
    stamp: date
    day: date
    summary: str
    description: str
    alarm_days: int = 7


def escape_text(value: str) -> str:
    """A TEXT value: ``\\`` ``;`` ``,`` escaped, every newline written as ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded into CRLF-joined pieces of at most 75 octets (continuations start with a
    space, which counts towards the 75)."""
    pieces: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, LINE_OCTETS
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _event_lines(event: AllDayEvent) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{_day(event.stamp)}T000000Z",
        f"DTSTART;VALUE=DATE:{_day(event.day)}",
        f"DTEND;VALUE=DATE:{_day(event.day + timedelta(days=1))}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(event.summary)}",
        f"TRIGGER;RELATED=START:-P{event.alarm_days}D",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar(prodid: str, events: Iterable[AllDayEvent], name: str | None = None) -> str:
    """A VCALENDAR holding ``events`` in the order given; CRLF after every line."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(_event_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
