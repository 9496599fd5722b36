"""Text (.md) templates rendered with the sandboxed text environment.

The template source is prepared first so that it reads as its author meant: a line holding only a
block tag or a comment (``{% if … %}``, ``{#pagebreak#}``) leaves no line behind, a table row holding
only a block tag (``| {% for post in posts %} | |``) leaves no empty row, and every other line keeps
its line break, inline tags included.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from docgen.errors import BrokenTemplateError
from docgen.render.environment import text_environment
from docgen.render.limits import (
    MAX_TEMPLATE_FILE,
    TemplateLimitError,
    render_timeout,
    time_limit,
)

_TAG_ROW = re.compile(r"^[ \t]*\|[ \t]*(\{%.*?%\})[ \t]*(?:\|[ \t]*)*$", re.MULTILINE)
_TAG_LINE = re.compile(r"^[ \t]*(\{%.*?%\}|\{#.*?#\})[ \t]*\n", re.MULTILINE)


def template_failure(exc: Exception) -> str:
    """What went wrong while a template ran, in words for its author."""
    if isinstance(exc, TemplateLimitError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "the template needed more memory than there is (far more than a document needs)"
    if isinstance(exc, jinja2.UndefinedError):
        return f"unknown name: {exc.message}"
    if isinstance(exc, jinja2.TemplateError):
        return str(exc)
    return f"the template failed while rendering: {type(exc).__name__}: {exc}"


def prepare_text_source(source: str) -> str:
    """The template source with tag-only rows and lines folded away (see the module docstring)."""
    return _TAG_LINE.sub(r"\1", _TAG_ROW.sub(r"\1", source))


def read_text_template(path: Path) -> str:
    """A text template's source; a :class:`BrokenTemplateError` when it is too large or not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BrokenTemplateError(str(path), f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_TEMPLATE_FILE:
        raise BrokenTemplateError(
            str(path),
            f"the template is {len(data):,} bytes; a text template may have at most "
            f"{MAX_TEMPLATE_FILE:,}",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BrokenTemplateError(
            str(path),
            f"line {line}: not UTF-8 text (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
            "save the template as UTF-8",
        ) from None


@lru_cache(maxsize=64)
def _compiled(path: Path, mtime_ns: int) -> jinja2.Template:
    source = read_text_template(path)
    try:
        return text_environment().from_string(prepare_text_source(source))
    except jinja2.TemplateSyntaxError as exc:
        raise BrokenTemplateError(str(path), f"line {exc.lineno}: {exc.message}") from None


def render_text(template_path: Path, context: dict[str, Any]) -> bytes:
    """The rendered text as UTF-8 bytes with Unix line ends, within the time limit."""
    template = _compiled(template_path.resolve(), template_path.stat().st_mtime_ns)
    seconds = render_timeout()
    try:
        with time_limit(seconds):
            text = template.render(context)  # joined by checked_concat
    except Exception as exc:  # template code is the author's: any failure is a broken template
        raise BrokenTemplateError(str(template_path), template_failure(exc)) from None
    return text.replace("\r\n", "\n").encode("utf-8")
