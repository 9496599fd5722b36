"""docgen: filings for victims of online defamation in Japan, from one TOML case file.

The pipeline: load → check → context → render. The small public API below is what the command line
uses; batch runs and other programs use it too. Names are imported on first use, so that
``docgen --help`` starts without loading pydantic or docxtpl.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docgen.api import check_path, render_case
    from docgen.case.load import load_case
    from docgen.check import check_case
    from docgen.errors import DocgenError
    from docgen.filings import FILINGS

_PUBLIC = {
    "FILINGS": "docgen.filings",
    "DocgenError": "docgen.errors",
    "check_case": "docgen.check",
    "check_path": "docgen.api",
    "load_case": "docgen.case.load",
    "render_case": "docgen.api",
}
__all__ = ["FILINGS", "DocgenError", "check_case", "check_path", "load_case", "render_case"]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'docgen' has no attribute {name!r}")
