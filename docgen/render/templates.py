"""Where templates come from: the built-in ones, or a firm's own folder taking precedence."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import BrokenTemplateError, InvalidRequestError
from docgen.findings import Language

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_dir(lang: Language) -> Path:
    """``templates_<lang>`` inside the installed package, or beside it in a source checkout."""
    for root in (PACKAGE_DIR, PACKAGE_DIR.parent):
        candidate = root / f"templates_{lang}"
        if candidate.is_dir():
            return candidate
    raise BrokenTemplateError(f"templates_{lang}", "the built-in templates are not installed")


@dataclass(frozen=True)
class TemplateSource:
    """Where to look for templates: an optional override folder, then the built-ins."""

    override: Path | None = None

    @classmethod
    def from_option(cls, option: str | Path | None) -> TemplateSource:
        """The source for ``--templates`` (else ``DOCGEN_TEMPLATES``); a folder that is not
        there is a usage error saying what it should hold."""
        value = option or os.environ.get("DOCGEN_TEMPLATES") or None
        if value and not Path(value).is_dir():
            origin = "--templates" if option else "DOCGEN_TEMPLATES"
            raise InvalidRequestError(
                f"{value} ({origin}): no such folder; a firm's templates go in "
                f"{Path(value) / 'templates_ja'}/<filing>.docx and "
                f"{Path(value) / 'templates_en'}/<filing>.docx "
                "(`docgen templates copy FILING DIR` starts one)"
            )
        return cls(Path(value) if value else None)

    def misplaced(self, names: Mapping[str, str]) -> list[tuple[Path, str]]:
        """Files in the override folder that no filing will ever use, each with where a
        template should go; ``names`` maps each filing name and alias to its template name."""
        if self.override is None:
            return []
        found = []
        for path in sorted(self.override.rglob("*")):
            relative = path.relative_to(self.override)
            if not path.is_file() or path.suffix not in (".docx", ".md"):
                continue
            if path.name.startswith(("~$", ".")) or any(p.startswith(".") for p in relative.parts):
                continue
            folder = relative.parent.as_posix()
            if folder in ("templates_ja", "templates_en") and path.stem in names.values():
                continue
            lang = "en" if "en" in relative.parent.name.lower() else "ja"
            name = names.get(path.stem, "<filing>")
            found.append((path, str(self.override / f"templates_{lang}" / f"{name}{path.suffix}")))
        return found

    def is_builtin(self, path: Path) -> bool:
        return self.override is None or not path.is_relative_to(self.override)

    def find(self, name: str, lang: Language, ext: str) -> Path:
        """The template file for ``name`` in ``lang`` with extension ``ext``."""
        filename = f"{name}.{ext}"
        if self.override is not None:
            candidate = self.override / f"templates_{lang}" / filename
            if candidate.is_file():
                return candidate
        path = builtin_dir(lang) / filename
        if not path.is_file():
            raise BrokenTemplateError(str(path), "no such template")
        return path
