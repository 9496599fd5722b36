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


def access_provider_stamp(case: Case) -> int:
    """The petition against the access provider: the order, plus an erasure-prohibition order
    (a provision order is not asked of an access provider)."""
    return STAMP_PER_REQUEST * (1 + case.disclosure.erasure_prohibition)


def provisional_disposition_stamp(case: Case) -> int:
    return PROVISIONAL_DISPOSITION_STAMP


def no_fee(case: Case) -> int | None:
    """Filed out of court (letters, police reports): no revenue stamps."""
    return None
