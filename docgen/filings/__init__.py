"""The registry of filings: each module of this package declares one."""

from __future__ import annotations

from docgen.errors import UsageError
from docgen.filings import (
    deletion_request,
    disclosure_petition,
    police_report,
    preservation_petition,
)
from docgen.filings.base import Filing, Requirement

FILINGS: dict[str, Filing] = {
    module.FILING.id: module.FILING
    for module in (deletion_request, disclosure_petition, preservation_petition, police_report)
}


def get_filing(name: str) -> Filing:
    """The filing called ``name`` (its id or an alias), or a usage error listing the choices."""
    for filing in FILINGS.values():
        if name in filing.names():
            return filing
    choices = ", ".join(n for f in FILINGS.values() for n in f.names())
    raise UsageError(f"unknown filing `{name}`; choose one of: {choices}, all")


__all__ = ["FILINGS", "Filing", "Requirement", "get_filing"]
