"""Where templates come from: the built-in ones, or a firm's own folder taking precedence."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import TemplateError

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_dir(lang: str) -> Path:
    """``templates_<lang>`` inside the installed package, or beside it in a source checkout."""
    for root in (PACKAGE_DIR, PACKAGE_DIR.parent):
        candidate = root / f"templates_{lang}"
        if candidate.is_dir():
            return candidate
    raise TemplateError(f"templates_{lang}", "the built-in templates are not installed")


@dataclass(frozen=True)
class TemplateSource:
    """Where to look for templates: an optional override folder, then the built-ins."""

    override: Path | None = None

    @classmethod
    def from_option(cls, option: str | Path | None) -> TemplateSource:
        value = option or os.environ.get("DOCGEN_TEMPLATES") or None
        return cls(Path(value) if value else None)

    def is_builtin(self, path: Path) -> bool:
        return self.override is None or not path.is_relative_to(self.override)

    def find(self, name: str, lang: str, ext: str) -> Path:
        """The template file for ``name`` in ``lang`` with extension ``ext``."""
        filename = f"{name}.{ext}"
        if self.override is not None:
            candidate = self.override / f"templates_{lang}" / filename
            if candidate.is_file():
                return candidate
        path = builtin_dir(lang) / filename
        if not path.is_file():
            raise TemplateError(str(path), "no such template")
        return path
