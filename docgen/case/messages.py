"""Pydantic's validation errors, said in words a lawyer can act on, in Japanese and English."""

from __future__ import annotations

from typing import Any

from docgen.law.findings import Message

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
    "greater_than_equal": "値が小さすぎます",
    "less_than_equal": "値が大きすぎます",
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
}

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


_TYPED = {"bool_type", "int_type", "date_type", "datetime_type"}
"""TOML types of their own: written in quotes they are text, and the editor's schema says so too."""


def pydantic_message(error: Any) -> Message:
    message = _message(error)
    if error["type"] in _TYPED and isinstance(error.get("input"), str):
        return Message(
            ja=f"{message.ja}（引用符 \" \" を付けずに書きます。付けると文字列になります）",
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
        return Message(
            ja=text.replace("give at least one of", "次の少なくとも一つが必要です:"), en=text
        )
    en = _EN_BY_TYPE.get(kind, error["msg"][0].lower() + error["msg"][1:])
    ja = _JA_BY_TYPE.get(kind, en)
    if kind in {"literal_error", "enum"} and "expected" in context:
        ja = f"{ja}: {context['expected']}"
    return Message(ja=ja, en=en)
