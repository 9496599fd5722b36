"""発信者情報開示仮処分命令申立書: the older route for the IP addresses (brief §3.3), which practice
uses where the platform does not comply with provision orders (rule S18): 債権者 / 債務者, 疎甲号証,
保全の必要性 (the access provider's logs lapse before a merits judgment), 担保."""

from __future__ import annotations

from docgen.case.model import Case
from docgen.filings.base import CLAIM_PLEADING, Filing, Requirement
from docgen.filings.requirements import (
    DISCLOSURE_CLAIM_RULES,
    DISCLOSURE_FROM_THE_PLATFORM,
)
from docgen.filings.voice import PROVISIONAL_DISPOSITION
from docgen.findings import Finding, Message
from docgen.law.fees import provisional_disposition_stamp
from docgen.law.rules.disclosure import s5_login_items_for_old_posts, s7_login_scope
from docgen.law.rules.pleading import (
    route_is_order,
    s6_supplementarity_ground,
    s21_provisional_items,
    s22_security,
    s23_pending_disclosure_case,
    x2_platform_representative,
)


def not_now(case: Case) -> Finding | None:
    """A pending case against the platform (S23), or the disclosure-order route (the default)."""
    return s23_pending_disclosure_case(case) or route_is_order(case)


FILING = Filing(
    id="provisional-disclosure-petition",
    aliases=("provisional-disclosure", "ip-injunction"),
    title=Message(
        "発信者情報開示仮処分命令申立書",
        "Petition for Provisional Disposition Ordering Disclosure of Sender Identification "
        "Information",
    ),
    addressee=Message("裁判所", "the court"),
    stage="disclosure",
    requirements=(
        *DISCLOSURE_FROM_THE_PLATFORM,
        Requirement(
            "claim.necessity",
            None,
            Message(
                "保全の必要性（経由プロバイダのログが本案の判断前に消去されること）を主張する必要があります",
                "the necessity of preservation (the access provider's logs lapse before a merits "
                "decision) must be pleaded",
            ),
            code="D7",
        ),
    ),
    rules=(
        *DISCLOSURE_CLAIM_RULES,
        s5_login_items_for_old_posts,
        s6_supplementarity_ground,
        s7_login_scope,
        x2_platform_representative,
        s21_provisional_items,
        s22_security,
    ),
    voice=PROVISIONAL_DISPOSITION,
    texts=(*CLAIM_PLEADING, "claim.necessity", "disclosure.supplementarity", "disclosure.purpose_note"),
    not_now=not_now,
    stamp=provisional_disposition_stamp,
)
