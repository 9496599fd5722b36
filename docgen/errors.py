"""One error hierarchy. Errors hold data and build their message; they never print.

The ``docgen.cli`` package is the only place that turns a :class:`DocgenError` into text on
stderr and an exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docgen.findings import Finding


class DocgenError(Exception):
    """Base of every error docgen raises for a user's mistake or an unusable environment."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CaseError(DocgenError):
    """The case file cannot be used: it holds the findings that say why (exit 1)."""

    exit_code = 1

    def __init__(self, source: str, findings: Sequence[Finding]) -> None:
        self.source = source
        self.findings = list(findings)
        count = sum(1 for f in self.findings if f.severity == "error")
        super().__init__(f"{source}: {count} error(s)")


class InvalidRequestError(DocgenError):
    """Unknown command, filing or option, or an unreadable file (exit 2)."""

    exit_code = 2


class BrokenTemplateError(DocgenError):
    """A template is broken although the case is fine (exit 3)."""

    exit_code = 3

    def __init__(self, template: str, detail: str) -> None:
        self.template = template
        self.detail = detail
        super().__init__(f"{template}: {detail}")


class ToolMissingError(DocgenError):
    """An external program docgen needs (LibreOffice) is not installed (exit 2)."""

    exit_code = 2


class ToolFailedError(DocgenError):
    """A tool docgen relies on failed while working: LibreOffice crashed, timed out or wrote an
    invalid PDF (exit 4). The case and the templates may be fine: try again."""

    exit_code = 4
