"""Localized text given in one language only: the warnings of a document in the other language.

A post text is evidence: its original is always shown, and ``en`` is its translation, so a post
without ``en`` makes the English document quote the original alone; that is reported too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from docgen.case.model import Case, LocalizedTable
from docgen.findings import Finding, Language, Message

_NAMES = {"ja": ("Japanese", "日本語"), "en": ("English", "英語")}


def _walk(value: Any, path: str) -> Iterator[tuple[str, LocalizedTable]]:
    if isinstance(value, LocalizedTable):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _walk(item, f"{path}[{index}]")


def missing_text(case: Case, lang: Language) -> list[str]:
    """Key paths of the texts that have no ``lang`` version (only the other language)."""
    return [path for path, text in _walk(case, "") if getattr(text, lang) is None]


def untranslated(case: Case, lang: Language) -> list[Finding]:
    """One warning per text a ``lang`` document needs but that is given in the other language."""
    own, own_ja = _NAMES[lang]
    other, other_ja = _NAMES["en" if lang == "ja" else "ja"]
    return [
        Finding(
            "schema",
            "warning",
            path,
            Message(
                ja=f"`{path}` に{own_ja}の記載がないため、{own_ja}の書面には{other_ja}の記載を表示します",
                en=f"`{path}` has no {own} text; the {own} document shows the {other} text",
            ),
        )
        for path in missing_text(case, lang)
    ]
