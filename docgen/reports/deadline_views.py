"""Deadlines as a lawyer reads them: an aligned text table, JSON, and an iCalendar file."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import date
from typing import Any

from docgen.case.messages import basis_text
from docgen.case.model import Case
from docgen.findings import Language
from docgen.law.deadlines import CERTAINTY, Deadline, deadlines
from docgen.render.formatting import jdate
from docgen.reports.ics import AllDayEvent, calendar

# Column labels: due, days left, deadline, basis, certainty, key path.
_LABELS = {
    "ja": ("期限", "残日数", "内容", "根拠", "確度", "項目"),
    "en": ("Due", "Days left", "Deadline", "Basis", "Certainty", "Key"),
}


def _days_text(days: int, lang: Language) -> str:
    if days < 0:
        return f"{days} {'期限経過' if lang == 'ja' else 'PAST'}"
    return f"{days} {'本日' if lang == 'ja' else 'TODAY'}" if days == 0 else str(days)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]


def _cells(d: Deadline, today: date, lang: Language) -> list[str]:
    due = f"{d.due}（{jdate(d.due)}）" if lang == "ja" else d.due.isoformat()
    days, title = _days_text(d.days_left(today), lang), d.title.in_language(lang)
    basis = basis_text(d.basis, lang)
    return [due, days, title, basis, CERTAINTY[d.certainty].in_language(lang)]


def _notes(found: list[Deadline], lang: Language) -> list[str]:
    """Each distinct note once, after the numbers of the rows it belongs to."""
    rows: dict[str, list[str]] = {}
    for n, d in enumerate(found, start=1):
        if d.note:
            rows.setdefault(d.note.in_language(lang), []).append(str(n))
    return [f"[{', '.join(numbers)}] {text}" for text, numbers in rows.items()]


def as_text(case: Case, lang: Language, as_of: date | None = None) -> str:
    """An aligned table (for ``ja`` with the era date) and the notes below it."""
    today, ja = as_of or case.document_date, lang == "ja"
    head = f"Deadlines: {case.case.id} (as of {today})"
    if ja:
        head = f"期限一覧: {case.case.id}（{jdate(today)}（{today}）現在）"
    return table_text(case, deadlines(case), lang, head, today)


def urgent_text(case: Case, found: list[Deadline], lang: Language, as_of: date | None = None) -> str:
    """The deadlines ``docgen check`` shows: past, or within 14 days of ``as_of``."""
    today = as_of or case.document_date
    if lang == "ja":
        head = f"期限経過又は14日以内の期限（{today}現在）:"
    else:
        head = f"Deadlines past or within 14 days (as of {today}):"
    return table_text(case, found, lang, head, today)


def table_text(case: Case, found: list[Deadline], lang: Language, head: str, today: date) -> str:
    ja = lang == "ja"
    if not found:
        return head + "\n" + ("事実から導かれる期限はありません。\n" if ja else "No deadlines.\n")
    rows = [["#", *_LABELS["ja" if ja else "en"][:5]]]
    rows += [[str(n), *_cells(d, today, lang)] for n, d in enumerate(found, start=1)]
    notes = _notes(found, lang)
    lines = [head, "", *_table(rows)]
    if notes:
        lines += ["", "注:" if ja else "Notes:", *notes]
    return "\n".join(lines) + "\n"


def as_json(case: Case, lang: Language, as_of: date | None = None) -> str:
    """A JSON list, soonest first: kind, due, days_left, title, basis, certainty, path, note."""
    data = as_data(case, deadlines(case), lang, as_of)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_data(
    case: Case, found: list[Deadline], lang: Language, as_of: date | None = None
) -> list[dict[str, Any]]:
    today = as_of or case.document_date
    return [
        {"kind": d.kind, "due": d.due.isoformat(), "days_left": d.days_left(today)}
        | {"title": d.title.in_language(lang), "basis": basis_text(d.basis, lang)}
        | {"certainty": d.certainty}
        | {"path": d.path, "note": d.note.in_language(lang) if d.note else None}
        for d in found
    ]


def uid(case: Case, d: Deadline) -> str:
    """A stable UID: the same case, kind, path, offence and due date give the same event."""
    key = "|".join((case.case.id, d.kind, d.path, d.subject, d.due.isoformat()))
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}@docgen"


def as_ics(case: Case, lang: Language, as_of: date | None = None) -> str:
    """An iCalendar file: one all-day event per deadline, an alarm 7 days before; DTSTAMP is the
    day the file is made (``as_of``), by default the document date."""
    today, labels, events = as_of or case.document_date, _LABELS[lang], []
    for d in deadlines(case):
        certainty = CERTAINTY[d.certainty].in_language(lang)
        basis = basis_text(d.basis, lang)
        parts = [f"{labels[3]}: {basis}", f"{labels[4]}: {certainty}", f"{labels[5]}: {d.path}"]
        parts += [d.note.in_language(lang)] if d.note else []
        parts.append(f"docgen: {case.case.id}, {today}")
        summary = f"[{case.case.id}] {d.title.in_language(lang)}"
        events.append(AllDayEvent(uid(case, d), today, d.due, summary, "\n".join(parts)))
    prodid = f"-//docgen//deadlines//{lang.upper()}"
    return calendar(prodid, events, name=f"docgen {case.case.id}")
