"""What a Jinja syntax error means to a template's author, and where it really is (an unclosed
block is reported at its opening tag, not at the end of the part)."""

from __future__ import annotations

import re

import jinja2


def syntax_message(exc: jinja2.TemplateSyntaxError) -> str:
    message = re.sub(r" at \d+$", "", exc.message or "")  # an offset in the XML means nothing
    if re.search(r"unexpected char '[^\x00-\x7f]'", message):
        message += " (type tags in half-width characters, 半角)"
    return f"Jinja syntax error: {message}"


BLOCK_KEYWORDS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "set"})


def unclosed_block(env: jinja2.Environment, source: str) -> tuple[int, str] | None:
    """The line and keyword of the innermost block tag that is never closed, if there is one."""
    stack: list[tuple[int, str]] = []
    first: str | None = None
    try:
        for lineno, kind, value in env.lex(source):
            if kind == "block_begin":
                first = None
            elif kind == "name" and first is None:
                first = value
                if value in BLOCK_KEYWORDS:
                    stack.append((lineno, value))
                elif stack and value == f"end{stack[-1][1]}":
                    stack.pop()
            elif kind == "operator" and value == "=" and first == "set" and stack:
                stack.pop()  # `{% set x = … %}` is a statement, not a block
                first = "set ="
    except jinja2.TemplateSyntaxError:
        return None
    return stack[-1] if stack else None


def syntax_error(
    env: jinja2.Environment, source: str, exc: jinja2.TemplateSyntaxError
) -> tuple[int, str]:
    """Where a syntax error is (an unclosed block: its opening tag) and what it means."""
    found = (
        unclosed_block(env, source) if (exc.message or "").startswith("Unexpected end") else None
    )
    if found is None:
        return exc.lineno or 1, syntax_message(exc)
    lineno, keyword = found
    return lineno, (
        f"Jinja syntax error: this `{{% {keyword} %}}` block is never closed; add its "
        f"`{{% end{keyword} %}}` (in Word `{{%p end{keyword} %}}` or `{{%tr end{keyword} %}}`)"
    )
