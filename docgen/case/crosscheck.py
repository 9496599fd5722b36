"""Checks that span tables, run on the parsed TOML itself so that they report even when other keys
are malformed: every problem of a case file is reported at once.

- an evidence id used by a post but defined by no ``[[evidence]]`` entry, or defined twice;
- an evidence file outside the case folder (error) or missing (warning);
- a date later than the document date (rule X5);
- a built-in provider or court that does not exist.

Values quoted in a message pass through :func:`visible`, so that no control character or escape
sequence typed into a case file reaches a terminal or a report.

Values of the wrong type are left to the model's own messages and skipped here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from docgen.case.markup import cited_ids, unknown_references
from docgen.case.model import JST, UNUSABLE_CHARACTER
from docgen.case.registry import courts, provider_nicknames, providers
from docgen.findings import Finding, Message, Severity

Data = dict[str, Any]
# (key path of a list of tables, key holding a day or a moment) that must not be in the future.
DATED = (
    ("posts", "posted_at"),
    ("posts", "found_at"),
    ("connections", "at"),
    ("evidence", "made_at"),
)
DATED_KEYS = (
    ("victim", "birth_date"),
    ("police", "offender_known_at"),
    ("disclosure", "decision_notified_at"),
)


PLACEHOLDERS = ("【要記入：", "[TO FILL: ")
"""How `docgen init` marks what the lawyer must write; a value still holding one is an error."""


def cross_checks(data: Data, folder: Path, today: date) -> list[Finding]:
    return [
        *placeholders_left(data),
        *evidence_references(data),
        *prose_references(data),
        *evidence_files(data, folder),
        *future_dates(data, today),
        *registry_references(data),
        *acknowledged_rules(data),
    ]


def _tables(data: Data, key: str) -> Iterator[tuple[int, Data]]:
    items = data.get(key)
    if isinstance(items, list):
        yield from ((i, t) for i, t in enumerate(items, start=1) if isinstance(t, dict))


def _table(data: Data, key: str) -> Data:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


_SHOWN_ESCAPED = re.compile(
    f"{UNUSABLE_CHARACTER.pattern}|[\t\n\r\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""Besides the characters a case file may not hold: tab and line breaks (a message is one line)
and the bidirectional controls that can make a terminal line read as something else."""


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b`` → ``\\u001b``)."""
    return _SHOWN_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _error(path: str, ja: str, en: str, severity: Severity = "error") -> Finding:
    return Finding("schema", severity, visible(path), Message(ja=visible(ja), en=visible(en)))


def evidence_references(data: Data) -> list[Finding]:
    findings, known = [], set()
    for index, item in _tables(data, "evidence"):
        ident = item.get("id")
        if ident in known:
            findings.append(
                _error(
                    f"evidence[{index}].id",
                    f"証拠番号 `{ident}` が重複しています",
                    f"evidence id `{ident}` is used twice",
                )
            )
        known.add(ident)
    for p, post in _tables(data, "posts"):
        refs = post.get("evidence")
        for e, ref in enumerate(refs if isinstance(refs, list) else [], start=1):
            if ref not in known:
                findings.append(
                    _error(
                        f"posts[{p}].evidence[{e}]",
                        f"証拠 `{ref}` は [[evidence]] にありません",
                        f"evidence `{ref}` is not defined by any [[evidence]] entry",
                    )
                )
    return findings


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    """(key path, string) of every string under ``value``; a ``{ja, en}`` table counts as one key."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = path if key in ("ja", "en") and path else f"{path}.{key}" if path else key
            yield from _strings(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _strings(item, f"{path}[{index}]")


def _prose(data: Data) -> Iterator[tuple[str, str]]:
    """The strings that may hold references: everything but post texts (verbatim evidence)."""
    for key, value in data.items():
        if key == "posts" and isinstance(value, list):
            for index, post in enumerate(value, start=1):
                if isinstance(post, dict):
                    rest = {k: v for k, v in post.items() if k not in ("text", "original")}
                    yield from _strings(rest, f"posts[{index}]")
        else:
            yield from _strings(value, key)


def prose_references(data: Data) -> list[Finding]:
    """``{ev:ID}`` naming no ``[[evidence]]`` entry (error); ``{evidnce:…}``-like typos (warning)."""
    known = {item.get("id") for _, item in _tables(data, "evidence")}
    findings = []
    for path, text in _prose(data):
        for ident in cited_ids(text):
            if ident not in known:
                findings.append(
                    _error(
                        path,
                        f"`{{ev:{ident}}}` の証拠 `{ident}` は [[evidence]] にありません",
                        f"`{{ev:{ident}}}` cites evidence `{ident}`, which no [[evidence]] entry defines",
                    )
                )
        for form, close in unknown_references(text):
            hint_ja = f"（`{close}` の誤りではありませんか）" if close else ""
            hint_en = f" (did you mean `{close}`?)" if close else ""
            findings.append(
                _error(
                    path,
                    f"`{form}` は参照の書き方ではないため、そのまま表示されます{hint_ja}",
                    f"`{form}` is not a reference and is shown as written{hint_en}; references are "
                    "{ev:ID}, {exhibit:ID}, {victim} and {respondent}",
                    "warning",
                )
            )
    return findings


NAME_MAX_BYTES = 255
"""The longest file or folder name (in UTF-8 bytes) common file systems allow."""


def evidence_files(data: Data, folder: Path) -> list[Finding]:
    findings, root = [], folder.resolve()
    for index, item in _tables(data, "evidence"):
        name, path = item.get("file"), f"evidence[{index}].file"
        if not isinstance(name, str) or UNUSABLE_CHARACTER.search(name):
            continue  # the model names the wrong type or the character (a NUL, say)
        if any(len(part.encode("utf-8", "replace")) > NAME_MAX_BYTES for part in Path(name).parts):
            findings.append(
                _error(
                    path,
                    f"ファイル名が長すぎます（一つの名前は {NAME_MAX_BYTES} バイトまで）",
                    f"a file or folder name longer than {NAME_MAX_BYTES} bytes, "
                    "which file systems do not allow",
                )
            )
            continue
        try:
            target = (root / name).resolve()
            outside = not target.is_relative_to(root)
            missing = not outside and not target.is_file()
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            findings.append(
                _error(
                    path,
                    f"証拠ファイル `{name}` を確認できません（{reason}）",
                    f"evidence file `{name}` cannot be checked ({reason})",
                )
            )
            continue
        if outside:
            findings.append(
                _error(
                    path,
                    f"`{name}` は事件フォルダの外を指しています",
                    f"`{name}` points outside the case folder",
                )
            )
        elif missing:
            findings.append(
                _error(
                    path,
                    f"証拠ファイル `{name}` が見つかりません",
                    f"evidence file `{name}` does not exist",
                    "warning",
                )
            )
    return findings


def _day(value: object) -> date | None:
    """The day in Japan of a TOML date or date-time (a local date-time is read as JST)."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=JST)
        try:
            return aware.astimezone(JST).date()
        except OverflowError:  # near year 1 or 9999: the model reports the date out of range
            return None
    return value if isinstance(value, date) else None


def _dated(data: Data) -> Iterator[tuple[str, date]]:
    for table, key in DATED:
        for index, item in _tables(data, table):
            if (day := _day(item.get(key))) is not None:
                yield f"{table}[{index}].{key}", day
    for table, key in DATED_KEYS:
        if (day := _day(_table(data, table).get(key))) is not None:
            yield f"{table}.{key}", day


def future_dates(data: Data, today: date) -> list[Finding]:
    """X5: a fact dated after the document date."""
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
        for path, day in _dated(data)
        if day > today
    ]


def registry_references(data: Data) -> list[Finding]:
    findings = []
    for key in ("platform", "access_provider"):
        table = data.get(key)
        if not isinstance(table, dict):
            continue
        ref = table.get("ref")
        if isinstance(ref, str) and ref not in providers():
            findings.append(_unknown(f"{key}.ref", ref, sorted(providers()), "provider"))
        elif ref is None and "name" not in table:
            findings.append(
                _error(
                    key,
                    "`ref`（登録済み事業者）か `name` のどちらかを書いてください",
                    "give either `ref` (a built-in provider) or the provider's `name`",
                )
            )
    case = _table(data, "case")
    for path, court in (
        ("case.court", case.get("court")),
        ("case.related_case.court", _table(case, "related_case").get("court")),
    ):
        if isinstance(court, str) and court not in courts():
            findings.append(_unknown(path, court, sorted(courts()), "court"))
    return findings


def _unknown(path: str, value: str, known: list[str], what: str) -> Finding:
    nickname = provider_nicknames().get(value.lower()) if what == "provider" else None
    close = [nickname] if nickname else difflib.get_close_matches(value, known, n=1)
    hint_en = f" (did you mean `{close[0]}`?)" if close else ""
    hint_ja = f"（`{close[0]}` の誤りではありませんか）" if close else ""
    noun_ja = "事業者" if what == "provider" else "裁判所"
    listing = ", ".join(known)
    return _error(
        path,
        f"登録されていない{noun_ja} `{value}` です{hint_ja}。登録済み: {listing}",
        f"unknown {what} `{value}`{hint_en}; built-in: {listing}",
    )


def acknowledged_rules(data: Data) -> list[Finding]:
    """``case.acknowledged`` names rule ids that exist (a typo would silence nothing)."""
    from docgen.catalogue import RULE_IDS

    listed = _table(data, "case").get("acknowledged")
    findings = []
    for index, code in enumerate(listed if isinstance(listed, list) else [], start=1):
        if isinstance(code, str) and code not in RULE_IDS:
            close = difflib.get_close_matches(code.upper(), sorted(RULE_IDS), n=1)
            hint_en = f" (did you mean `{close[0]}`?)" if close else ""
            hint_ja = f"（`{close[0]}` の誤りではありませんか）" if close else ""
            findings.append(
                _error(
                    f"case.acknowledged[{index}]",
                    f"`{code}` という規則IDはありません{hint_ja}",
                    f"no rule has the id `{code}`{hint_en}",
                )
            )
    return findings


def placeholders_left(data: Data) -> list[Finding]:
    """A value `docgen init` wrote as a placeholder and nobody replaced yet."""
    return [
        _error(
            path,
            f"`{path}` は docgen init が書いた仮の値のままです。実際の内容に書き換えてください",
            f"`{path}` still holds the placeholder docgen init wrote: replace it with the facts",
        )
        for path, text in dict(_strings(data, "")).items()
        if any(marker in text for marker in PLACEHOLDERS)
    ]
