"""The Jinja environments: sandboxed, strict about undefined names, with the shared filters.

Case values are only ever *data* passed to a template; nothing from a case file is compiled as
template code, so ``{{ x }}`` typed into a post text is printed as those characters.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from docgen.render.formatting import FILTERS


class DocgenEnvironment(SandboxedEnvironment):
    """The sandbox, where ``disclosure.items`` is the key, not the dict's ``items`` method."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def _environment(
    autoescape: bool, cell: Callable[[Any], str], line_break: str
) -> SandboxedEnvironment:
    env = DocgenEnvironment(
        autoescape=autoescape, undefined=StrictUndefined, keep_trailing_newline=True
    )
    env.filters.update(FILTERS)
    env.filters["cell"] = cell
    env.globals["br"] = line_break  # a line break inside a table cell or paragraph
    return env


def markdown_cell(value: Any) -> str:
    """A value inside a markdown table cell: line breaks as <br>, pipes escaped."""
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", "<br>")


def word_cell(value: Any) -> str:
    """In Word a cell holds line breaks and pipes as they are."""
    return "" if value is None else str(value)


@cache
def text_environment() -> SandboxedEnvironment:
    """For text (.md) templates: values printed exactly as written."""
    env = _environment(autoescape=False, cell=markdown_cell, line_break="<br>")
    env.lstrip_blocks = True
    return env


@cache
def word_environment() -> SandboxedEnvironment:
    """For Word templates: values escaped for XML, so `&`, `<` and `>` stay text."""
    return _environment(autoescape=True, cell=word_cell, line_break="\n")
