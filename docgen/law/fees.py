"""Court fees in revenue stamps (収入印紙), brief §3.2 and §4.2."""

from __future__ import annotations

from docgen.case.model import Case

STAMP_PER_REQUEST = 1000
"""Non-contentious disclosure procedure: ¥1,000 per request (開示命令, 提供命令, 消去禁止命令)."""
PROVISIONAL_DISPOSITION_STAMP = 2000
"""A petition for a provisional disposition (仮処分): ¥2,000."""


def disclosure_stamp(case: Case) -> int:
    """Revenue stamps for the petition: one request plus each ancillary order requested."""
    disclosure = case.disclosure
    return STAMP_PER_REQUEST * (1 + disclosure.provision_order + disclosure.erasure_prohibition)


def court_fee(case: Case, filing_id: str) -> int | None:
    """The stamps a filing needs, or None for one filed out of court (letters, police reports)."""
    if filing_id == "disclosure-petition":
        return disclosure_stamp(case)
    if filing_id == "preservation-petition":
        return PROVISIONAL_DISPOSITION_STAMP
    return None
