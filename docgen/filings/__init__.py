"""The registry of filings: each module of this package declares one."""

from __future__ import annotations

from docgen.errors import InvalidRequestError
from docgen.filings import (
    access_provider_petition,
    criminal_complaint,
    damages_complaint,
    deletion_injunction,
    deletion_request,
    demand_letter,
    disclosure_petition,
    disclosure_request,
    log_preservation_request,
    police_report,
    preservation_petition,
    provision_notice,
    provisional_disclosure_petition,
    victim_statement,
)
from docgen.filings.base import Filing, Requirement
from docgen.filings.evidence_explanation import evidence_explanation

MAIN_FILINGS: tuple[Filing, ...] = tuple(
    module.FILING
    for module in (
        deletion_request,
        deletion_injunction,
        disclosure_request,
        disclosure_petition,
        provisional_disclosure_petition,
        log_preservation_request,
        preservation_petition,
        access_provider_petition,
        provision_notice,
        police_report,
        criminal_complaint,
        demand_letter,
        damages_complaint,
        victim_statement,
    )
)
FILINGS: dict[str, Filing] = {
    filing.id: filing
    for main in MAIN_FILINGS
    for filing in ((main, evidence_explanation(main)) if main.voice.court else (main,))
}
"""Every filing by id, in the order of a matter; each court filing followed by its 証拠説明書."""


def get_filing(name: str) -> Filing:
    """The filing called ``name`` (its id or an alias), or a usage error listing the choices."""
    for filing in FILINGS.values():
        if name in filing.names():
            return filing
    choices = ", ".join(n for f in FILINGS.values() for n in f.names())
    raise InvalidRequestError(f"unknown filing `{name}`; choose one of: {choices}, all")


__all__ = ["FILINGS", "Filing", "Requirement", "get_filing"]
