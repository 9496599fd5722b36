"""docgen: filings for victims of online defamation in Japan, from one TOML case file.

The pipeline: load → check → context → render. The small public API below is what the command line
uses; batch runs and other programs use it too.
"""

from docgen.api import check_path, render_case
from docgen.case.load import load_case
from docgen.check import check_case
from docgen.errors import DocgenError
from docgen.filings import FILINGS

__all__ = ["FILINGS", "DocgenError", "check_case", "check_path", "load_case", "render_case"]
