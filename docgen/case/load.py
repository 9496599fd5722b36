"""case.toml → :class:`Case`, reporting every problem at once with its file, line and key path."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from docgen.case.crosscheck import cross_checks
from docgen.case.locate import PathPart, line_of
from docgen.case.messages import pydantic_message
from docgen.case.model import UNION_TAGS, Case
from docgen.case.suggest import did_you_mean
from docgen.errors import CaseError, UsageError
from docgen.law.findings import Finding, Message, has_errors


@dataclass(frozen=True)
class LoadedCase:
    """A valid case, the file it came from, and the warnings found while loading it."""

    case: Case
    path: Path
    source: str
    warnings: tuple[Finding, ...] = ()

    @property
    def folder(self) -> Path:
        return self.path.parent


def dotted(path: tuple[PathPart, ...]) -> str:
    """``('posts', 0, 'url')`` → ``posts[1].url``: list indices count from 1, as lawyers do."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def default_date() -> date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def read_source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # Windows editors may write a BOM
    except FileNotFoundError:
        raise UsageError(f"{path}: no such case file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a case file") from None
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "save the case file as UTF-8 (Shift_JIS is not supported)"
        ) from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None


def load_case(path: str | Path) -> LoadedCase:
    """Read, parse and validate a case file; raise :class:`CaseError` with every problem."""
    path = Path(path)
    source = read_source(path)
    data = with_document_date(parse_toml(path, source))
    findings: list[Finding] = []
    case = validate(data, source, findings)
    today = document_date_of(data)
    findings += [
        f.with_line(line_of(source, key_parts(f.path)))
        for f in cross_checks(data, path.parent, today)
    ]
    if has_errors(findings):
        raise CaseError(str(path), findings)
    assert case is not None
    return LoadedCase(case, path, source, tuple(findings))


def parse_toml(path: Path, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        place = f" at column {column}" if column else ""
        message = Message(
            ja=f"TOML の書式の誤り{f'（{column}桁目）' if column else ''}: {reason}",
            en=f"TOML syntax error{place}: {reason}",
        )
        raise CaseError(str(path), [Finding("schema", "error", "", message, line=line)]) from None


def with_document_date(data: dict[str, Any]) -> dict[str, Any]:
    """``case.date`` filled in with today (or SOURCE_DATE_EPOCH) where the file leaves it out."""
    case_table = data.get("case")
    if not isinstance(case_table, dict) or "date" in case_table:
        return data
    return {**data, "case": {**case_table, "date": default_date()}}


def document_date_of(data: dict[str, Any]) -> date:
    case_table = data.get("case")
    day = case_table.get("date") if isinstance(case_table, dict) else None
    return day if isinstance(day, date) and not isinstance(day, datetime) else default_date()


def validate(data: dict[str, Any], source: str, findings: list[Finding]) -> Case | None:
    """The case, or None with a finding for every validation error appended to ``findings``."""
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            findings.append(error_finding(error, data, source))
        return None


def error_finding(error: Any, data: dict[str, Any], source: str) -> Finding:
    parts = tuple(p for p in error["loc"] if p not in UNION_TAGS)
    message = pydantic_message(error)
    if error["type"] == "extra_forbidden":
        hint = did_you_mean(parts)
        if hint:
            message = Message(
                ja=f"{message.ja}（`{hint}` の誤りではありませんか）",
                en=f"{message.en} (did you mean `{hint}`?)",
            )
    return Finding("schema", "error", dotted(parts), message, line=line_of(source, parts))


def key_parts(dotted_path: str) -> list[PathPart]:
    parts: list[PathPart] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", dotted_path):
        parts.append(int(index) - 1 if index else name)
    return parts
