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


# 民事訴訟費用等に関する法律 別表第一 1項: the fee for a first-instance complaint, by the value of the
# claim (訴額). Each bracket: (upper bound of the bracket in yen, step in yen, fee per step or part).
FILING_FEE_BRACKETS: tuple[tuple[int, int, int], ...] = (
    (1_000_000, 100_000, 1_000),
    (5_000_000, 200_000, 1_000),
    (10_000_000, 500_000, 2_000),
    (1_000_000_000, 1_000_000, 3_000),
    (5_000_000_000, 5_000_000, 10_000),
)
ABOVE_TOP_BRACKET = (10_000_000, 10_000)
"""Above ¥5 billion: ¥10,000 per ¥10 million or part."""


def _steps(amount: int, step: int) -> int:
    return -(-amount // step)  # "or part": rounded up


def filing_fee(value: int) -> int:
    """Revenue stamps on a complaint whose claim is worth ``value`` yen (別表第一 1項): ¥1,000 per
    ¥100,000 up to ¥1 million, then ¥1,000 per ¥200,000 up to ¥5 million, ¥2,000 per ¥500,000 up
    to ¥10 million, ¥3,000 per ¥1 million up to ¥1 billion, ¥10,000 per ¥5 million up to ¥5
    billion, and ¥10,000 per ¥10 million above; each step begun counts in full."""
    if value <= 0:
        raise ValueError("the value of a claim is a positive amount of yen")
    fee, floor = 0, 0
    for ceiling, step, per_step in FILING_FEE_BRACKETS:
        if value <= ceiling:
            return fee + _steps(value - floor, step) * per_step
        fee += _steps(ceiling - floor, step) * per_step
        floor = ceiling
    step, per_step = ABOVE_TOP_BRACKET
    return fee + _steps(value - floor, step) * per_step


def damages_complaint_stamp(case: Case) -> int | None:
    """The complaint for damages: the fee on the principal claimed (delay damages, an incidental
    claim, are not part of the value: 民事訴訟法9条2項); None without ``[damages]`` heads."""
    if case.damages is None or not case.damages.heads:
        return None
    return filing_fee(sum(head.amount for head in case.damages.heads))
