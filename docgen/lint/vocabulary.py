"""The template vocabulary as data, derived from the code rather than written by hand.

:func:`vocabulary` builds the context (:func:`~docgen.render.context.build_context`) of a *maximal*
case (every optional table and key present, one entry in every list) for every filing and
language, and records the shape of what it gets: the keys of each table, the element of each
list, the Python types of each value. Jinja's own names (``loop.index``, ``range``,
``namespace``), its filters and tests, and ours (``docgen.render.formatting.FILTERS`` and
``cell``) come from the environment. :class:`NameChecker` walks a parsed template with scopes for
``{% for %}``, ``{% set %}``, ``namespace()`` and macros and reports every name, attribute, filter
and test the vocabulary does not have, so ``victim.nmae`` is caught before a case is rendered.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from jinja2 import Undefined
from jinja2.runtime import LoopContext

from docgen.case.model import JST, Case, Item, Purpose, Right
from docgen.filings import FILINGS
from docgen.findings import LANGUAGES
from docgen.render.context import build_context
from docgen.render.environment import word_environment

_TEXT = {"ja": "あ", "en": "a"}
_COURT = {"name": _TEXT, "division": _TEXT, "address": _TEXT}
_PROVIDER = {
    "name": _TEXT,
    "address": _TEXT,
    "representative": _TEXT,
    "japan_representative": _TEXT,
    "service": _TEXT,
}
_WORDING = {k: _TEXT for k in ("identification", "facts_alleged", "harm", "no_justification")} | {
    "necessity": _TEXT,
    "supplementarity": _TEXT,
}
MAXIMAL_CASE: dict[str, Any] = {
    "schema": 1,
    "case": {
        **{"id": "vocabulary", "date": date(2026, 11, 22), "languages": ["ja", "en"]},
        **{"court": _COURT, "police_station": _TEXT},
        "related_case": {"court": _COURT, "number": "1", "provision_order": True},
        "acknowledged": ["S18"],
    },
    "victim": {
        **{"kind": "corporation", "name_kana": "ア", "birth_date": date(1990, 1, 1)},
        **{k: _TEXT for k in ("name", "address", "occupation")},
        **{"phone": "1", "email": "a@b", "conceal_address": False},
        "representative": {"title": _TEXT, "name": _TEXT},
    },
    "attorneys": [
        {k: _TEXT for k in ("name", "office", "address", "bar")}
        | {"phone": "1", "fax": "1", "email": "a@b"}
    ],
    "platform": {"ref": "x", **_PROVIDER},
    "access_provider": {"ref": "docomo", **_PROVIDER, "network": "mobile", "evidence": ["1"]}
    | {"case_number": "1"},
    "posts": [
        {"url": "https://example.com/1", "account": "@a", "account_name": "a"}
        | {"posted_at": datetime(2026, 9, 1, 21, 14, tzinfo=JST), "kind": "post", "text": _TEXT}
        | {"visibility": "public", "found_at": date(2026, 9, 2), "still_online": True}
        | {"evidence": ["1"], "followers": 1}
        | {"original": {"url": "https://example.com/0", "account": "@b", "text": _TEXT}}
    ],
    "claim": {"rights": [r.value for r in Right]}
    | {k: _TEXT for k in ("identification", "facts_alleged", "harm")}
    | {k: _TEXT for k in ("no_justification", "necessity")}
    | {"deletion-request": _WORDING, "disclosure-petition": _WORDING}
    | {"preservation-petition": _WORDING, "police-report": _WORDING}
    | {"provisional-disclosure-petition": _WORDING, "access-provider-petition": _WORDING}
    | {"deletion-injunction": _WORDING, "criminal-complaint": _WORDING}
    | {"disclosure-request": _WORDING, "log-preservation-request": _WORDING}
    | {"demand-letter": _WORDING, "damages-complaint": _WORDING, "victim-statement": _WORDING},
    "deletion": {"show_name_to_sender": True, "attachments": ["1"]},
    "disclosure": {
        **{"purposes": [p.value for p in Purpose], "items": [i.value for i in Item]},
        **{"provision_order": True, "erasure_prohibition": True, "route": "order"},
        **{"purpose_note": _TEXT, "supplementarity": _TEXT, "supplementarity_ground": "ro"},
        "decision_notified_at": date(2026, 10, 1),
    },
    "connections": [
        {"ip": "192.0.2.1", "port": 1, "at": datetime(2026, 9, 1, 0, 0, tzinfo=UTC), "destination": "a"}
        | {"evidence": ["1"]}
    ],
    "police": {
        **{"offenses": ["defamation", "insult"], "offender_known_at": date(2026, 9, 1)},
        "offender": {"name": _TEXT, "address": _TEXT, "account": "@a"},
        **{"wants_punishment": True, "circumstances": _TEXT},
        "prosecutors_office": _TEXT,
        "complainant": {"name": _TEXT, "address": _TEXT, "relation": "spouse", "kinship": _TEXT}
        | {"birth_date": date(1960, 1, 1), "phone": "1", "victim_died_at": date(2026, 1, 1)},
    },
    "damages": {
        "heads": [{"kind": "other", "amount": 1, "title": _TEXT, "basis": _TEXT}],
        **{"interest_rate": 3, "interest_from": date(2026, 9, 1), "pay_by": date(2026, 12, 1)},
        **{"account": _TEXT, "apology": _TEXT, "demanded_at": date(2026, 11, 1), "court": _COURT},
    },
    "evidence": [
        {"id": "1", "title": _TEXT, "kind": "screenshot", "made_at": date(2026, 9, 1)}
        | {"author": _TEXT, "purpose": _TEXT, "file": "a.png", "form": "copy"}
    ],
}
"""Every key of the case file given, one entry in every list (a test checks it)."""


def maximal_case() -> Case:
    """The case of :data:`MAXIMAL_CASE`: every optional table present, no list empty."""
    return Case.model_validate(MAXIMAL_CASE)


@dataclass(frozen=True, eq=False)
class Shape:
    """What a template can do with a value: read its keys, loop over it, use its attributes."""

    types: frozenset[type] = frozenset()
    keys: Mapping[str, Shape] = field(default_factory=dict)
    item: Shape | None = None
    open: bool = False  # anything goes: a value the checker cannot follow

    def member(self, name: str, called: bool = False) -> Shape | None:
        """The shape of ``value.name`` (``value.name(…)`` when ``called``), None if it is unknown."""
        if self.open:
            return ANY
        if name in self.keys:
            return self.keys[name]
        if name.startswith("_"):
            return None
        for kind in self.types - {type(None)}:
            if hasattr(kind, name) and (called or kind not in (dict, list)):
                return ANY
        return None

    def merge(self, other: Shape) -> Shape:
        keys = dict(self.keys)
        for name, shape in other.keys.items():
            keys[name] = keys[name].merge(shape) if name in keys else shape
        items = [s for s in (self.item, other.item) if s is not None]
        item = items[0].merge(items[1]) if len(items) == 2 else (items[0] if items else None)
        return Shape(self.types | other.types, keys, item, self.open or other.open)


ANY = Shape(open=True)
TEXT = Shape(frozenset({str}))


def shape_of(value: Any) -> Shape:
    """The shape of one context value (a dict, a list, or a plain value)."""
    if isinstance(value, dict):
        return Shape(frozenset({dict}), {str(k): shape_of(v) for k, v in value.items()})
    if isinstance(value, list):
        item: Shape | None = None
        for element in value:
            item = shape_of(element) if item is None else item.merge(shape_of(element))
        return Shape(frozenset({list}), item=item)
    return Shape(frozenset({type(value)}))


def _loop_names() -> list[str]:
    loop = LoopContext(iter(()), Undefined)
    return sorted(n for n in dir(loop) if not n.startswith("_"))


@dataclass(frozen=True)
class Vocabulary:
    """Every name, filter and test a template may use."""

    context: Shape
    globals: frozenset[str]
    filters: frozenset[str]
    tests: frozenset[str]
    loop_names: tuple[str, ...]

    def loop(self, element: Shape) -> Shape:
        """``loop`` inside ``{% for %}``: ``loop.previtem`` / ``loop.nextitem`` are elements."""
        keys = {n: element if n in ("previtem", "nextitem") else ANY for n in self.loop_names}
        return Shape(frozenset({LoopContext}), keys)

    def is_known(self, dotted: str) -> bool:
        """``victim.name`` → True, ``victim.nmae`` → False; ``posts[].url`` for a list's element."""
        head, *rest = dotted.split(".")
        shape: Shape | None = self.context
        for part in [head, *rest]:
            name, brackets = part.removesuffix("[]"), part.endswith("[]")
            if shape is None or name not in shape.keys:
                return head == "loop" and bool(rest) and rest[0] in self.loop_names
            shape = shape.keys[name].item if brackets else shape.keys[name]
        return shape is not None


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary of every filing in every language (built once)."""
    case = maximal_case()
    context = Shape(frozenset({dict}))
    for filing in FILINGS.values():
        for lang in LANGUAGES:
            built, _ = build_context(case, filing, lang)
            context = context.merge(shape_of(built))
    env = word_environment()
    return Vocabulary(
        context,
        frozenset(env.globals),
        frozenset(env.filters),
        frozenset(env.tests),
        tuple(_loop_names()),
    )


def is_known(dotted: str) -> bool:
    """Whether a template may use ``dotted`` (see :meth:`Vocabulary.is_known`)."""
    return vocabulary().is_known(dotted)


def _names(prefix: str, shape: Shape) -> Iterable[str]:
    for name, child in shape.keys.items():
        dotted = f"{prefix}.{name}" if prefix else name
        yield dotted
        yield from _names(dotted, child)
        if child.item is not None and child.item.keys:
            yield from _names(f"{dotted}[]", child.item)


def vocabulary_names() -> list[str]:
    """Every name of the context, dotted and sorted; ``posts[].url`` is an element's key."""
    return sorted(_names("", vocabulary().context))


def suggestion(name: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a misspelt ``name``, if one is close enough."""
    close = difflib.get_close_matches(name, sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None
