"""Dates that cannot be later than the document date (rule X5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from docgen.case.model import Case, as_jst
from docgen.law.findings import Finding, Message


def dated_facts(case: Case) -> Iterator[tuple[str, date]]:
    """Every (key path, day in Japan) the case file states as having already happened."""
    if case.victim.birth_date:
        yield "victim.birth_date", case.victim.birth_date
    for i, post in enumerate(case.posts, start=1):
        yield f"posts[{i}].posted_at", as_jst(post.posted_at).date()
        if post.found_at:
            yield f"posts[{i}].found_at", post.found_at
    for i, connection in enumerate(case.connections, start=1):
        yield f"connections[{i}].at", as_jst(connection.at).date()
    if case.police and case.police.offender_known_at:
        yield "police.offender_known_at", case.police.offender_known_at
    if case.disclosure.decision_notified_at:
        yield "disclosure.decision_notified_at", case.disclosure.decision_notified_at
    for i, item in enumerate(case.evidence, start=1):
        if item.made_at:
            yield f"evidence[{i}].made_at", item.made_at


def future_date_findings(case: Case) -> list[Finding]:
    today = case.document_date
    return [
        Finding(
            "X5",
            "error",
            path,
            Message(
                ja=f"{day.isoformat()} は書面の作成日（case.date = {today.isoformat()}）より後です",
                en=f"{day.isoformat()} is later than the document date (case.date = {today})",
            ),
            basis="logic",
        )
        for path, day in dated_facts(case)
        if day > today
    ]
