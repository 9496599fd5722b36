"""発信者情報開示命令申立書 (with 提供命令 / 消去禁止命令) against the content provider."""

from __future__ import annotations

from docgen.case.model import Case
from docgen.filings.base import CLAIM_PLEADING, Filing
from docgen.filings.requirements import (
    DISCLOSURE_CLAIM_RULES,
    DISCLOSURE_FROM_THE_PLATFORM,
)
from docgen.findings import Finding, Message
from docgen.law.fees import disclosure_stamp
from docgen.law.rules.disclosure import (
    l1_posting_logs,
    s5_login_items_for_old_posts,
    s7_login_scope,
    s12_stamp_fee,
    s13_court_for_foreign_platform,
    s17_notify_content_provider,
    s18_x_provision_order,
    s19_erasure_scope,
)
from docgen.law.rules.pleading import (
    route_is_provisional,
    s6_supplementarity_ground,
    s23_pending_disclosure_case,
    x2_platform_representative,
)


def not_now(case: Case) -> Finding | None:
    """A pending case against the platform (S23), or the provisional route chosen instead."""
    return s23_pending_disclosure_case(case) or route_is_provisional(case)


FILING = Filing(
    id="disclosure-petition",
    aliases=("petition", "disclosure"),
    title=Message(
        "発信者情報開示命令申立書",
        "Petition for a Sender Identification Information Disclosure Order",
    ),
    addressee=Message("裁判所", "the court"),
    texts=(*CLAIM_PLEADING, "disclosure.supplementarity", "disclosure.purpose_note"),
    not_now=not_now,
    stamp=disclosure_stamp,
    stage="disclosure",
    requirements=(
        *DISCLOSURE_FROM_THE_PLATFORM,
    ),
    rules=(
        *DISCLOSURE_CLAIM_RULES,
        s5_login_items_for_old_posts,
        s7_login_scope,
        s12_stamp_fee,
        s13_court_for_foreign_platform,
        s17_notify_content_provider,
        s18_x_provision_order,
        s19_erasure_scope,
        l1_posting_logs,
        s6_supplementarity_ground,
        x2_platform_representative,
    ),
)
