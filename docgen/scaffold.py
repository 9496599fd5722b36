"""``docgen init``: a commented case.toml skeleton with every key the chosen filings need.

Each key carries its one-line explanation in Japanese and English (the models' docstrings, the same
text the JSON Schema shows). Placeholder values are valid, so the skeleton loads at once and
``docgen check`` then says what is still missing.

The text is what ``taplo fmt`` would write (a formatter leaves it alone), and its first line,
``#:schema ./case.schema.json``, points Taplo and the editors built on it (Even Better TOML) at the
schema ``init`` writes beside it, so they validate without setup.
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Sequence
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

import tomlkit
from pydantic import BaseModel
from tomlkit.items import AoT, Table

from docgen.case.crosscheck import PLACEHOLDERS
from docgen.case.descriptions import describe
from docgen.case.model import JST, Case, LocalizedTable
from docgen.errors import InvalidRequestError
from docgen.filings import Filing

ALWAYS = ("case", "victim", "attorneys", "posts", "claim", "evidence")
EXAMPLES: dict[str, Any] = {
    "case.id": "case-0001",
    "case.court": "tokyo",
    "case.languages": ["ja", "en"],
    "platform.ref": "x",
    "access_provider.ref": "docomo",
    "posts.url": "https://x.com/account/status/0000000000000000000",
    "posts.account": "@account",
    "posts.evidence": ["1"],
    "evidence.id": "1",
    "connections.ip": "203.0.113.1",
    "connections.port": 50000,
    "victim.phone": "03-0000-0000",
    "attorneys.phone": "03-0000-0000",
    "attorneys.fax": "03-0000-0001",
}
PLACEHOLDER_JA, PLACEHOLDER_EN = PLACEHOLDERS
SKIPPED = {
    "case.date",  # the document date: today unless the lawyer fixes one
    "case.related_case",
    "case.acknowledged",
    "platform.name",
    "platform.address",
    "access_provider.name",
    "access_provider.address",
    "evidence.file",
    "victim.representative",
    "victim.name_kana",
    "damages.court",  # optional: chosen from the amount and case.court; a placeholder is no court id
    "police.prosecutors_office",  # optional: the complaint goes to the police station unless given
}


def needed_tables(filings: Sequence[Filing]) -> list[str]:
    tables = set(ALWAYS)
    for filing in filings:
        tables |= {r.path.split(".")[0] for r in filing.requirements} | set(filing.tables)
    return [name for name in Case.model_fields if name in tables]


def scaffold(filings: Sequence[Filing], today: date) -> str:
    """The skeleton for ``filings`` as TOML text."""
    document = tomlkit.document()
    names = ", ".join(f.id for f in filings)
    document.add(tomlkit.comment(f"docgen 事件ファイル / case file — {names}"))
    document.add(tomlkit.comment("【…】 / […] を書き換えてください / replace every placeholder"))
    document.add(
        tomlkit.comment(
            f"{SCHEMA_FILE}: docgen schema > {SCHEMA_FILE} で更新 / refresh after upgrading docgen"
        )
    )
    document.add(tomlkit.nl())
    document.add("schema", 1)
    for name in needed_tables(filings):
        field = Case.model_fields[name]
        model = _model_of(field.annotation)
        assert model is not None
        table = _table(model, name, today, skipped(filings))
        document.add(tomlkit.nl())
        if _is_list(field.annotation):
            array = AoT([table])
            document.add(name, array)
        else:
            document.add(name, table)
        table.comment(describe(Case, name))
    # Taplo reads the directive only as written, "#:schema" without a space.
    return f"#:schema ./{SCHEMA_FILE}\n" + taplo_style(tomlkit.dumps(document))


SCHEMA_FILE = "case.schema.json"
"""The JSON Schema ``init`` writes beside case.toml (``docgen schema`` prints the same)."""

_INLINE_TABLE = re.compile(r"^(\s*[A-Za-z0-9_-]+ = )\{(.*)\}$")


def taplo_style(text: str) -> str:
    """tomlkit's output in Taplo's default style, so ``taplo fmt --check`` accepts it: inline
    tables are written ``{ ja = "…", en = "…" }`` (init's placeholders hold no braces)."""
    lines = []
    for line in text.splitlines():
        match = _INLINE_TABLE.match(line)
        if match:
            line = f"{match.group(1)}{{ {match.group(2).strip()} }}"
        lines.append(line)
    return "\n".join(lines) + "\n"


ONLY_WHEN_REQUIRED = {"case.police_station", "disclosure.decision_notified_at"}
"""Keys written only for a filing that requires them (a petition has no police station)."""


def skipped(filings: Sequence[Filing]) -> set[str]:
    required = {r.path for f in filings for r in f.requirements}
    return SKIPPED | (ONLY_WHEN_REQUIRED - required)


def _table(model: type[BaseModel], prefix: str, today: date, skip: set[str]) -> Table:
    table = tomlkit.table()
    for key, field in model.model_fields.items():
        path = f"{prefix}.{key}"
        if path in skip:
            continue
        value = EXAMPLES.get(path, _placeholder(field.annotation, describe(model, key), today))
        if value is None:
            continue
        table.add(tomlkit.comment(describe(model, key)))
        table.add(key, value)
    return table


def placeholder_ja(what: str) -> str:
    return f"{PLACEHOLDER_JA}{what}】"


def placeholder_en(what: str) -> str:
    return f"{PLACEHOLDER_EN}{what}]"


def _placeholder(annotation: Any, description: str, today: date) -> Any:
    if _is_list(_without_none(annotation)):
        item = _single(typing.get_args(_without_none(annotation))[0], description, today)
        return None if item is None else (item if isinstance(item, list) else [item])
    return _single(annotation, description, today)


def _without_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _single(annotation: Any, description: str, today: date) -> Any:
    ja, _, en = description.partition(" / ")
    options = _options(annotation)
    if LocalizedTable in options:
        inline = tomlkit.inline_table()
        inline.update(
            {"ja": placeholder_ja(ja.split("（")[0]), "en": placeholder_en(en.split(" (")[0])}
        )
        return inline
    for option in options:
        if isinstance(option, type) and issubclass(option, Enum):
            return [next(iter(option)).value]
        if option is bool:
            return False
        if option is datetime:  # a made-up moment would pass every check: a placeholder
            example = datetime.combine(today, time(21, 0), JST).isoformat()
            return placeholder_ja(f"{ja}。引用符を外して {example} の形で")
        if option is date:
            return placeholder_ja(f"{ja}。引用符を外して {today} の形で")
        if option is str:
            return placeholder_ja(ja)
        if typing.get_origin(option) is typing.Literal:
            return typing.get_args(option)[0]
    return None


def _options(annotation: Any) -> list[Any]:
    """The types an annotation admits, looking through Optional, Annotated and list."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _options(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [o for arg in typing.get_args(annotation) for o in _options(arg)]
    return [annotation]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list


def write_scaffold(folder: Path, filings: Sequence[Filing], today: date) -> Path:
    """Write ``folder/case.toml`` and its schema ``folder/case.schema.json`` (regenerated, as
    ``docgen schema`` would print it); refuse to overwrite an existing case file."""
    target = folder / "case.toml"
    if target.exists():
        raise InvalidRequestError(f"{target} already exists; docgen init never overwrites a case file")
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as stream:
        stream.write(scaffold(filings, today))
    from docgen.case.schema import case_schema

    schema = json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n"
    (folder / SCHEMA_FILE).write_text(schema, encoding="utf-8")
    return target
