"""case.toml → :class:`Case`, reporting every problem at once with its file, line and key path."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from docgen.case.crosscheck import cross_checks, placeholders_left, visible
from docgen.case.locate import PathPart, line_of
from docgen.case.messages import pydantic_message, toml_reason
from docgen.case.model import FIRST_YEAR, LAST_YEAR, UNION_TAGS, Case
from docgen.case.suggest import did_you_mean
from docgen.errors import CaseError, InvalidRequestError
from docgen.findings import Finding, Message, has_errors


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
    return visible(text)  # a quoted TOML key may hold any character: never print it raw


class UnreadableCase(InvalidRequestError):
    """A case file that cannot be read at all (exit 2), said in both languages."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.localized = Message(ja=ja, en=en)


_EPOCH_DAY = date(1970, 1, 1).toordinal()


def default_date() -> date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds.

    A value that is not a whole number of seconds, or that names a day outside the years case
    dates may have, is a usage error (as the reproducible-builds specification asks), never an
    overflow deep inside a filing; an empty value counts as unset.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return date.today()
    if not re.fullmatch(r"-?[0-9]+", epoch):
        raise UnreadableCase(
            f"SOURCE_DATE_EPOCH は秒数（整数）で指定してください（`{visible(epoch)}` は使えません）",
            f"SOURCE_DATE_EPOCH must be a whole number of seconds, not `{visible(epoch)}`",
        )
    ordinal = _EPOCH_DAY + int(epoch) // 86400 if len(epoch) <= 20 else 0
    if not date(FIRST_YEAR, 1, 1).toordinal() <= ordinal <= date(LAST_YEAR, 12, 31).toordinal():
        raise UnreadableCase(
            f"SOURCE_DATE_EPOCH={epoch} は {FIRST_YEAR}-01-01 から {LAST_YEAR}-12-31 までの日では"
            "ありません",
            f"SOURCE_DATE_EPOCH={epoch} is not a day between {FIRST_YEAR}-01-01 and "
            f"{LAST_YEAR}-12-31",
        )
    return date.fromordinal(ordinal)


MAX_CASE_BYTES = 5_000_000
"""A case file of 1,000 posts with their texts holds about 1 MB; beyond 5 MB it is refused before
TOML reads it (100,000 posts took 20 s to refuse by count)."""


def read_source(path: Path) -> str:
    """The text of a case file; only a regular file is read (a FIFO or a device would hang)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for a file.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableCase(
            f"{path}: 事件ファイルがありません", f"{path}: no such case file"
        ) from None
    except IsADirectoryError:
        raise UnreadableCase(
            f"{path}: フォルダです。事件ファイル（case.toml）を指定してください",
            f"{path}: is a folder, not a case file",
        ) from None
    except ValueError:  # a NUL in the path
        shown = visible(str(path))
        raise UnreadableCase(
            f"{shown}: ファイル名として使えません", f"{shown}: not a usable file name"
        ) from None
    except OSError as exc:
        raise UnreadableCase(
            f"{path}: 読み込めません（{exc.strerror}）", f"{path}: cannot be read ({exc.strerror})"
        ) from None
    try:
        with os.fdopen(handle, "rb") as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise UnreadableCase(
                    f"{path}: フォルダです。事件ファイル（case.toml）を指定してください",
                    f"{path}: is a folder, not a case file",
                )
            if not stat.S_ISREG(mode):
                raise UnreadableCase(
                    f"{path}: 通常のファイルではありません（パイプ、デバイス又はソケット）",
                    f"{path}: not a regular file (a pipe, device or socket)",
                )
            data = stream.read(MAX_CASE_BYTES + 1)
            if len(data) > MAX_CASE_BYTES:
                raise UnreadableCase(
                    f"{path}: 事件ファイルが {MAX_CASE_BYTES // 1_000_000}MB を超えています。"
                    "一つの事件としては大きすぎます（投稿・証拠・通信記録は各1000件まで）",
                    f"{path}: larger than {MAX_CASE_BYTES // 1_000_000} MB, far beyond one matter "
                    "(at most 1,000 posts, exhibits and connections each)",
                )
    except OSError as exc:
        raise UnreadableCase(
            f"{path}: 読み込めません（{exc.strerror}）", f"{path}: cannot be read ({exc.strerror})"
        ) from None
    try:
        return data.decode("utf-8-sig")  # Windows editors may write a BOM
    except UnicodeDecodeError as exc:
        raise UnreadableCase(
            f"{path}: UTF-8 のテキストではありません（{exc.start}バイト目）。事件ファイルは UTF-8 で"
            "保存してください（Shift_JIS には対応していません）",
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "save the case file as UTF-8 (Shift_JIS is not supported)",
        ) from None


def load_case(path: str | Path) -> LoadedCase:
    """Read, parse and validate a case file; raise :class:`CaseError` with every problem."""
    path = Path(path)
    source = read_source(path)
    parsed = parse_toml(path, source)
    if parsed.syntax_errors:
        raise CaseError(str(path), recovered_findings(parsed, source))
    data = with_document_date(parsed.data)
    findings: list[Finding] = []
    case = validate(data, source, findings)
    unfilled = {f.path for f in placeholders_left(data)}  # said once, as a placeholder left
    findings = [f for f in findings if f.path not in unfilled]
    today = document_date_of(data)
    findings += [
        f.with_line(line_of(source, key_parts(f.path)))
        for f in cross_checks(data, path.parent, today)
    ]
    if has_errors(findings):
        raise CaseError(str(path), findings)
    assert case is not None
    return LoadedCase(case, path, source, tuple(findings))


MAX_DEPTH = 16
"""Tables and arrays nested deeper than this have no place in a case file (it needs about 5)."""
MAX_SYNTAX_ERRORS = 20
"""Syntax errors reported at once; after that many, the file is too broken to read on."""


@dataclass(frozen=True)
class Parsed:
    """The data of a case file; with its syntax errors, the data of the lines TOML could read."""

    data: dict[str, Any]
    syntax_errors: tuple[Finding, ...] = ()
    skipped: tuple[int, ...] = ()
    """Lines left out to read on past a syntax error (each a line of its own: see
    :func:`syntax_hint`); empty when the file stopped at a syntax error it could not read past."""
    complete: bool = True
    """False when reading stopped at a syntax error: nothing after it was read."""


def parse_toml(path: Path, source: str) -> Parsed:
    """The file's data. tomllib stops at the first syntax error; when the error is confined to its
    own line (a date with slashes, a missing =, a string left open), that line is left out and
    the rest read on, so every such error is reported at once, with the problems of the rest."""
    errors: list[Finding] = []
    lines = source.split("\n")
    skipped: list[int] = []
    while True:
        try:
            data = tomllib.loads("\n".join(lines))
        except RecursionError:
            raise CaseError(str(path), [TOO_DEEP]) from None
        except tomllib.TOMLDecodeError as exc:
            finding, local = syntax_error(exc, lines)
            errors.append(finding)
            line = finding.line
            if len(errors) >= MAX_SYNTAX_ERRORS:
                return Parsed({}, (*errors[:-1], with_note(finding, "many")), (), False)
            if not local or line is None or line in skipped:
                stop = "first" if len(errors) == 1 else "stopped"
                return Parsed({}, (*errors[:-1], with_note(finding, stop)), (), False)
            lines[line - 1] = ""
            skipped.append(line)
            continue
        if nesting_depth(data) > MAX_DEPTH:
            raise CaseError(str(path), [TOO_DEEP])
        return Parsed(data, tuple(errors), tuple(skipped))


def syntax_error(exc: tomllib.TOMLDecodeError, lines: list[str]) -> tuple[Finding, bool]:
    """The finding for one syntax error, and whether it is confined to its own line."""
    where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
    reason = toml_reason(re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc)))
    place = f" at column {column}" if column else ""
    text = lines[line - 1] if line and line <= len(lines) else ""
    hint = syntax_hint(text)
    if reason.en.startswith("Expected '='") and hint.en:  # in Japanese the hint would repeat it
        hint = Message(ja="", en=hint.en)
        local = True
    else:
        local = bool(hint.en)
    # After a date TOML cannot read, "expected newline" says nothing to a lawyer; the hint does.
    if date_hint(text) is not None:
        reason = Message(ja=hint.ja.strip("（）"), en=reason.en)
        hint = Message(ja="", en=hint.en)
    message = Message(
        ja=f"TOML の書式の誤り{f'（{column}桁目）' if column else ''}: {reason.ja}{hint.ja}",
        en=f"TOML syntax error{place}: {reason.en}{hint.en}",
    )
    local = local and not text.lstrip().startswith("[")
    return Finding("schema", "error", "", message, line=line), local


_STOP_NOTES = {
    "first": Message(
        ja="（書式の誤りは最初の1つだけを示しています。直してから再度 `docgen check` を実行してください）",
        en=" (only the first syntax error is shown; fix it and run `docgen check` again)",
    ),
    "stopped": Message(
        ja="（ここから先は読めないため、以降の誤りは示していません。直してから再度 `docgen check` を"
        "実行してください）",
        en=" (the file cannot be read past this error, so nothing after it is shown; "
        "fix it and run `docgen check` again)",
    ),
    "many": Message(
        ja=f"（書式の誤りが多いため、最初の{MAX_SYNTAX_ERRORS}件だけを示しています。直してから再度 "
        "`docgen check` を実行してください）",
        en=f" (the first {MAX_SYNTAX_ERRORS} syntax errors are shown, and nothing after them; "
        "fix them and run `docgen check` again)",
    ),
}


def with_note(finding: Finding, stop: str) -> Finding:
    """The syntax error reading stopped at, saying plainly that nothing after it was checked."""
    note = _STOP_NOTES[stop]
    message = Message(ja=finding.message.ja + note.ja, en=finding.message.en + note.en)
    return Finding(finding.code, finding.severity, finding.path, message, line=finding.line)


SKIPPED_NOTE = Message(
    ja="書式の誤りがある行を除いて残りを確認しました。表をまたぐ確認（証拠番号・登録済みの事業者など）は、"
    "書式の誤りを直した後に行います",
    en="the rest of the file was checked without the lines with syntax errors; the checks across "
    "tables (exhibit ids, built-in providers …) run once the syntax errors are fixed",
)


def recovered_findings(parsed: Parsed, source: str) -> list[Finding]:
    """The syntax errors, and when every one was confined to its line, the structural problems
    of the rest, but none that only says a key on a left-out line is missing."""
    findings = list(parsed.syntax_errors)
    if not parsed.complete:
        return findings
    lines = source.split("\n")
    left_out = {
        match.group(1)
        for n in parsed.skipped
        if (match := re.match(r"\s*([A-Za-z0-9_-]+)", lines[n - 1]))
    }
    data = with_document_date(parsed.data)
    try:
        Case.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            key = next((p for p in reversed(error["loc"]) if isinstance(p, str)), None)
            if error["type"] == "missing" and key in left_out:
                continue
            finding = error_finding(error, data, source)
            if finding.line not in parsed.skipped:
                findings.append(finding)
    findings.append(Finding("schema", "info", "", SKIPPED_NOTE))
    return findings


_SLASH_DATE = re.compile(r"=\s*(\d{4})/(\d{1,2})/(\d{1,2})")
_DASH_DATE = re.compile(r"=\s*(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NO_EQUALS = re.compile(r"^\s*[A-Za-z0-9_-]+\s+[^=\s]")


def date_hint(line: str) -> Message | None:
    """How to write the date on ``line`` when TOML cannot read it (slashes, a day that does not
    exist), or None."""
    if match := _SLASH_DATE.search(line):
        year, month, day = match.groups()
        written = f"{year}-{int(month):02d}-{int(day):02d}"
        return Message(
            ja=f"（日付は {written} のように - で区切り、引用符なしで書きます）",
            en=f" (dates are written {written}, with hyphens and no quotes)",
        )
    if match := _DASH_DATE.search(line):
        try:
            date(*(int(part) for part in match.groups()))
        except ValueError:
            written = match.group(0).lstrip("= ")
            return Message(
                ja=f"（{written} という日付はありません。月と日を確認してください）",
                en=f" ({written} is not a date: check the month and the day)",
            )
    return None


def syntax_hint(line: str) -> Message:
    """What a lawyer most likely meant on the line TOML refused (a date written another way, a
    missing =, an unclosed string), or nothing."""
    dated = date_hint(line)
    if dated is not None:
        return dated
    if line.count('"') % 2 == 1 and '"""' not in line:
        return Message(
            ja='（文字列の終わりの " がありません）', en=' (a string is not closed with ")'
        )
    if _NO_EQUALS.match(line) and not line.lstrip().startswith(("[", "#")):
        return Message(
            ja="（キーと値の間に = が必要です）", en=" (a key and its value need = between them)"
        )
    return Message(ja="", en="")


TOO_DEEP = Finding(
    "schema",
    "error",
    "",
    Message(
        ja=f"表や配列の入れ子が深すぎます（{MAX_DEPTH}段まで）。事件ファイルの形式ではありません",
        en=f"tables and arrays are nested too deeply (at most {MAX_DEPTH} levels); "
        "this is not the shape of a case file",
    ),
)


def nesting_depth(value: object) -> int:
    """How deeply tables and arrays nest in ``value``, counted without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


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
    context = error.get("ctx") or {}
    if error["type"].startswith("docgen_"):  # our own checks (model.refusal) say it in both
        message = Message(ja=context["ja"], en=context["en"])
    else:
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
