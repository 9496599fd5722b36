"""Text (.md) templates rendered with the sandboxed text environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from docgen.errors import TemplateError
from docgen.render.environment import text_environment


def render_text(template_path: Path, context: dict[str, Any]) -> bytes:
    """The rendered text as UTF-8 bytes with Unix line ends."""
    try:
        source = template_path.read_text(encoding="utf-8")
        template = text_environment().from_string(source)
        text = template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(str(template_path), f"line {exc.lineno}: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(str(template_path), f"unknown name: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(str(template_path), str(exc)) from None
    return text.replace("\r\n", "\n").encode("utf-8")
