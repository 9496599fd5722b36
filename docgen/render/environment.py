"""The Jinja environments: sandboxed, strict about undefined names, with the shared filters.

Case values are only ever *data* passed to a template; nothing from a case file is compiled as
template code, so ``{{ x }}`` typed into a post text is printed as those characters.
"""

from __future__ import annotations

from functools import cache

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from docgen.render.formatting import FILTERS


def _environment(autoescape: bool) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


@cache
def text_environment() -> SandboxedEnvironment:
    """For text (.md) templates: values printed exactly as written."""
    return _environment(autoescape=False)


@cache
def word_environment() -> SandboxedEnvironment:
    """For Word templates: values escaped for XML, so `&`, `<` and `>` stay text."""
    env = _environment(autoescape=True)
    # docxtpl joins the paragraphs of a part on newlines; the XML must keep its own whitespace.
    env.trim_blocks = False
    env.lstrip_blocks = False
    return env
