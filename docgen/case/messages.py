"""Pydantic's validation errors and tomllib's syntax errors, said in words a lawyer can act on, in
Japanese and English."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from docgen.case.suggest import closest
from docgen.eras import era_date, era_year_text
from docgen.findings import Language, Message

_JA_BY_TYPE = {
    "missing": "必須の項目がありません",
    "extra_forbidden": "この項目は定義されていません",
    "string_type": "文字列を書いてください",
    "int_type": "整数を書いてください",
    "int_parsing": "整数を書いてください",
    "bool_type": "true か false を書いてください",
    "bool_parsing": "true か false を書いてください",
    "list_type": "配列 [ … ] を書いてください",
    "date_type": "日付（例: 2026-11-22）を書いてください",
    "date_from_datetime_inexact": "日付（例: 2026-11-22）を書いてください（時刻は不要です）",
    "datetime_type": "日時（例: 2026-09-01T21:14:00+09:00）を書いてください",
    "model_type": "表 { … } を書いてください",
    "model_attributes_type": "表 { … } を書いてください",
    "literal_error": "次のいずれかを書いてください",
    "enum": "次のいずれかを書いてください",
    "string_pattern_mismatch": "書式が正しくありません",
    "too_short": "少なくとも1つ必要です",
    "too_long": "多すぎます",
    "string_too_short": "文字列が短すぎます",
    "string_too_long": "文字列が長すぎます",
    "float_type": "数値を書いてください",
    "float_parsing": "数値を書いてください",
    "int_from_float": "整数を書いてください（小数は書けません）",
    "dict_type": "表 { … } を書いてください",
    "union_tag_invalid": "文字列又は表 { … } を書いてください",
    "union_tag_not_found": "文字列又は表 { … } を書いてください",
    "finite_number": "有限の数値を書いてください",
}

_EN_BY_TYPE = {
    "missing": "required value is missing",
    "extra_forbidden": "unknown key",
    "model_type": "expected a table { … }",
    "model_attributes_type": "expected a table { … }",
    "bool_type": "expected true or false",
    "int_type": "expected a whole number",
    "date_type": "expected a date such as 2026-11-22",
    "date_from_datetime_inexact": "expected a date such as 2026-11-22, without a time",
    "datetime_type": "expected a date-time such as 2026-09-01T21:14:00+09:00",
    "too_short": "at least one value is needed",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "int_from_float": "expected a whole number, without a fraction",
    "union_tag_invalid": "expected a text or a table { … }",
    "union_tag_not_found": "expected a text or a table { … }",
}

_BOUNDS = {
    # pydantic type: (context key, ja, en)
    "greater_than": ("gt", "{} より大きい値を書いてください", "expected a value greater than {}"),
    "greater_than_equal": ("ge", "{} 以上の値を書いてください", "expected a value of at least {}"),
    "less_than": ("lt", "{} より小さい値を書いてください", "expected a value less than {}"),
    "less_than_equal": ("le", "{} 以下の値を書いてください", "expected a value of at most {}"),
    "too_long": ("max_length", "{} 個までにしてください", "at most {} values are allowed"),
    "string_too_long": ("max_length", "{} 文字までにしてください", "at most {} characters"),
    "string_too_short": ("min_length", "{} 文字以上にしてください", "at least {} characters"),
}

_VALUE_ERRORS = {
    "give at least one of `ja` or `en`": Message(
        ja="`ja` と `en` の少なくとも一方を書いてください",
        en="give at least one of `ja` or `en`",
    ),
}
"""The ValueErrors of the models (said in English only there), in both languages."""

_PATTERN_HINTS = {
    "^[A-Za-z0-9_-][A-Za-z0-9._-]*$": Message(
        ja="英数字と . _ - だけで、先頭を . 以外にして書いてください（出力フォルダ名になります）",
        en="use only letters, digits, `.`, `_` and `-`, not starting with `.` "
        "(it names the output folder)",
    ),
    r"^https?://\S+$": Message(
        ja="http:// または https:// で始まる URL を書いてください",
        en="expected a URL starting with http:// or https://",
    ),
}


_TYPED = {"bool_type", "int_type", "float_type", "date_type", "datetime_type"}
"""TOML types of their own: written in quotes they are text, and the editor's schema says so too."""


def pydantic_message(error: Any) -> Message:
    message = _message(error)
    if error["type"] in _TYPED and isinstance(error.get("input"), str):
        return Message(
            ja=f'{message.ja}（引用符 " " を付けずに書きます。付けると文字列になります）',
            en=f"{message.en}, written without quotes (in quotes it is text)",
        )
    return message


def _message(error: Any) -> Message:
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "string_pattern_mismatch" and context.get("pattern") in _PATTERN_HINTS:
        return _PATTERN_HINTS[context["pattern"]]
    if kind == "value_error":
        text = str(context.get("error", error["msg"]))
        known = _VALUE_ERRORS.get(text)
        return known or Message(ja=f"値が正しくありません（{text}）", en=text)
    if kind in _BOUNDS and _BOUNDS[kind][0] in context:
        key, ja, en = _BOUNDS[kind]
        return Message(ja=ja.format(context[key]), en=en.format(context[key]))
    if kind in {"literal_error", "enum"} and "expected" in context:
        return _choice_message(choices_of(str(context["expected"])), error.get("input"))
    en = _EN_BY_TYPE.get(kind, error["msg"][0].lower() + error["msg"][1:])
    # A type of error without a Japanese text of its own is named by its code, never in English.
    ja = _JA_BY_TYPE.get(kind, f"値が正しくありません（`{kind}`）")
    return Message(ja=ja, en=en)


_CHOICE = re.compile(r"'(?:[^'\\]|\\.)*'|-?\d+")


def choices_of(expected: str) -> list[str]:
    """pydantic's ``'a', 'b' or 'c'`` (and ``1`` for a number) → ``["'a'", "'b'", "'c'"]``:
    each choice as TOML writes it."""
    return _CHOICE.findall(expected)


def choice_list(choices: list[str], lang: Language) -> str:
    """``'a'、'b' または 'c'`` / ``'a', 'b' or 'c'``: the choices as a lawyer reads a list."""
    if len(choices) < 2:
        return "".join(choices)
    comma, conjunction = ("、", " または ") if lang == "ja" else (", ", " or ")
    return comma.join(choices[:-1]) + conjunction + choices[-1]


def _choice_message(choices: list[str], given: object) -> Message:
    """One of the choices, listed; and the one meant when the value is a misspelling of it."""
    ja = f"次のいずれかを書いてください: {choice_list(choices, 'ja')}"
    en = f"expected {choice_list(choices, 'en')}"
    words = [c.strip("'") for c in choices if c.startswith("'")]
    meant = closest(given, words) if isinstance(given, str) else None
    if meant is not None:
        ja += f"（`{meant}` の誤りではありませんか）"
        en += f" (did you mean `{meant}`?)"
    return Message(ja=ja, en=en)


_CHARACTER_NAMES = {"\n": "改行", "\r": "復帰", "\t": "タブ", " ": "空白", "\x00": "ヌル文字"}


def _character(quoted: str) -> str:
    """A character as tomllib quotes it (``'\\n'``), named for a lawyer (改行, or ``U+0001``)."""
    try:
        character = ast.literal_eval(quoted)
    except (ValueError, SyntaxError):
        return quoted
    if not isinstance(character, str) or len(character) != 1:
        return quoted
    if character in _CHARACTER_NAMES:
        return _CHARACTER_NAMES[character]
    return f"`{character}`" if character.isprintable() else f"U+{ord(character):04X}"


def _key(namespace: str) -> str:
    """tomllib's ``('claim', 'harm')`` → ``claim.harm``."""
    try:
        parts = ast.literal_eval(namespace)
    except (ValueError, SyntaxError):
        return namespace
    return ".".join(str(p) for p in parts) if isinstance(parts, tuple) else namespace


_TOML_REASONS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(p), f)
    for p, f in [
        (
            r"Invalid statement$",
            lambda m: (
                'キーと値の組（キー = 値）又は表の見出しとして読めません（キーは英数字・_・- で書くか " " で囲みます）'
            ),
        ),
        (
            r"Expected newline or end of document after a statement$",
            lambda m: "値の後には改行が必要です（1行に書けるキーと値の組は1つです）",
        ),
        (r"Found invalid character (.+)$", lambda m: f"使えない文字 {_character(m[1])} があります"),
        (r"Cannot declare (.+) twice$", lambda m: f"表 [{_key(m[1])}] が2回書かれています"),
        (r"Cannot overwrite a value$", lambda m: "同じキーに2回値を書いています"),
        (
            r"Expected '\]' at the end of a table declaration$",
            lambda m: "表の見出しの終わりに ] が必要です",
        ),
        (
            r"Expected '\]\]' at the end of an array declaration$",
            lambda m: "配列の表の見出しの終わりに ]] が必要です",
        ),
        (
            r"Cannot mutate immutable namespace (.+)$",
            lambda m: (
                f"{_key(m[1])} はインライン表又は配列として書き終えているため、後から追加できません"
            ),
        ),
        (
            r"Cannot redefine namespace (.+)$",
            lambda m: f"{_key(m[1])} を別の形で書き直すことはできません",
        ),
        (r"Expected '=' after a key in a key/value pair$", lambda m: "キーの後に = が必要です"),
        (
            r"Invalid initial character for a key part$",
            lambda m: (
                'キーの先頭に使えない文字があります（キーは英数字・_・- で書くか " " で囲みます）'
            ),
        ),
        (r"Unclosed array$", lambda m: "配列が ] で閉じられていません"),
        (
            r"Duplicate inline table key (.+)$",
            lambda m: f"インライン表のキー {m[1]} が重複しています",
        ),
        (
            r"Unclosed inline table$",
            lambda m: "インライン表が } で閉じられていません（インライン表 { … } は1行に書きます）",
        ),
        (
            r"Unescaped '\\\\' in a string$",
            lambda m: "文字列の中の \\ は \\\\ と書きます（又は ' ' で囲みます）",
        ),
        (
            r"Invalid hex value$",
            lambda m: (
                "\\u 又は \\U の後の16進数が正しくありません（\\ そのものは \\\\ と書くか、文字列を ' ' で囲みます）"
            ),
        ),
        (
            r"Escaped character is not a Unicode scalar value$",
            lambda m: "\\u 又は \\U で書いた文字は Unicode の文字ではありません",
        ),
        (r"Unterminated string$", lambda m: "文字列が閉じられていません"),
        (
            r"Illegal character (.+)$",
            lambda m: f"文字列に使えない文字 {_character(m[1])} があります",
        ),
        (r"Invalid date or datetime$", lambda m: "日付又は日時として正しくありません"),
        (
            r"Invalid value$",
            lambda m: '値として読めません（文字列は " " で囲み、真偽値は true / false と書きます）',
        ),
        (r"Expected (.+)$", lambda m: f"{m[1]} が必要です"),
    ]
]


def toml_reason(reason: str) -> Message:
    """tomllib's reason for refusing a file (English), in both languages; one it does not know is
    said in general terms in Japanese, never in English."""
    for pattern, japanese in _TOML_REASONS:
        match = pattern.match(reason)
        if match:
            return Message(ja=japanese(match), en=reason)
    return Message(ja="TOML として読めません", en=reason)


# The legal basis of a finding or a deadline is written once, in English citation style
# ("Art. 5(1)(iii); [P] practice (S-kanda-1121)"); a Japanese reader gets it the Japanese way
# ("法5条1項3号; [P] 実務（S-kanda-1121）"). Source ids (S-…, F-…) and the markers [P] [C] [U]
# stay as they are: they name the research notes.
_LAWS = {
    "Penal Code": "刑法",
    "Civil Code": "民法",
    "Code of Civil Procedure": "民事訴訟法",
    "CCP": "刑事訴訟法",
    "Ordinance Art.": "施行規則",
    "Art.": "法",
    "Rule": "発信者情報開示命令事件手続規則",
}
_ITEM = r"(?:\d+(?:-\d+)?(?:\((?:\d+|[ivx]+)\))*|(?:\((?:\d+|[ivx]+)\))+)"
_CITATION = re.compile(
    r"\b(" + "|".join(re.escape(n) for n in _LAWS) + rf")(?<=\.|\w) ({_ITEM}(?:, {_ITEM})*)"
)
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_PHRASES = [
    (r"\[P\] carrier practice \(about (\d+) days\)", r"[P] 携帯電話事業者の実務（約\1日）"),
    (r"\[P\] carrier practice \(about (\d+) months\)", r"[P] 携帯電話事業者の実務（約\1か月）"),
    (
        r"\[P\] ISP practice \(3–6 months; earliest\)",
        "[P] 固定回線事業者の実務（3〜6か月。最短で計算）",
    ),
    (
        r"\[P\] practice \(mobile ~3, fixed 3–6 months; earliest\)",
        "[P] 実務（携帯電話約3か月、固定回線3〜6か月。最短で計算）",
    ),
    (r"\(courts deny a company a sense of honour\)", "（法人には名誉感情がないとされる）"),
    (r"docs/case-file\.md \(references\)", "docs/case-file.md（参照の書き方）"),
    (r"\s*\((?:SC|HC) \d{4}-\d\d-\d\d\)", ""),  # the English gloss of a Japanese citation
    (r"\bcourt practice\b", "裁判実務"),
    (r"\bpractice\b", "実務"),
    (r"\blogic\b", "論理"),
    (r"\bbrief §", "調査資料 §"),
    (r"\bpaper requests\b", "書面による依頼"),
    (r"\bcompeting jurisdiction\b", "競合する管轄"),
    (r"\bapplication to earlier posts\b", "施行前の投稿への適用"),
    (r"\bcontinuing offence\b", "継続犯"),
    (r"\s*\(by analogy\)", "（類推）"),
    (r"\s*\(exclusive\)", "（専属管轄）"),
    (r"\[U number\]", "[U 条番号]"),
]
_PHRASE_PATTERNS = [(re.compile(p), r) for p, r in _PHRASES]
_JUDGMENT = re.compile(r"\b(Osaka|Tokyo)? ?(SC|HC|DC) (\d{4})-(\d\d)-(\d\d)")
_COURTS = {"Osaka": "大阪", "Tokyo": "東京"}
_ACT = re.compile(r"\bAct No\. (\d+) of (\d{4})")


def _article(item: str) -> str:
    """``5(1)(iii)`` → ``5条1項3号``; ``230-2`` → ``230条の2``."""
    match = re.fullmatch(r"(\d+)?(?:-(\d+))?((?:\([^)]+\))*)", item)
    assert match is not None
    text = f"{match[1]}条" if match[1] else ""  # "Art. 5(1), (2)": the second item is 2項
    text += f"の{match[2]}" if match[2] else ""
    for part in re.findall(r"\(([^)]+)\)", match[3]):
        text += f"{part}項" if part.isdigit() else f"{_ROMAN.get(part, part)}号"
    return text


def _judgment(match: re.Match[str]) -> str:
    place = _COURTS.get(match[1] or "", "")
    court = {"SC": "最判", "HC": "高判", "DC": "地判"}[match[2]]
    return f"{place}{court}{era_date(date(int(match[3]), int(match[4]), int(match[5])))}"


def basis_text(basis: str, lang: Language) -> str:
    """The legal basis as a reader of ``lang`` cites it (the English text is the original)."""
    if lang != "ja" or not basis:
        return basis
    text = _CITATION.sub(
        lambda m: _LAWS[m[1]] + "、".join(_article(item) for item in m[2].split(", ")), basis
    )
    text = _ACT.sub(lambda m: f"{era_year_text(date(int(m[2]), 12, 31))}法律第{m[1]}号", text)
    for pattern, replacement in _PHRASE_PATTERNS:
        text = pattern.sub(replacement, text)
    text = _JUDGMENT.sub(_judgment, text)
    return re.sub(r" \(([^()]*)\)", r"（\1）", text)  # "実務 (S-…)" → "実務（S-…）"
