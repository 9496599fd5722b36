"""発信者情報開示命令申立書 against the access provider: the second stage of the 2022 procedure.

The content provider has disclosed the connections (in the pending case, often under a provision
order); this petition asks the ISP or carrier that carried them for the subscriber's name,
address, telephone number and e-mail address, with an erasure-prohibition order (Art. 16) when
asked. It states the pending case (発信者情報開示命令事件手続規則2条) and goes to the same court.
"""

from __future__ import annotations

from docgen.case.model import Case
from docgen.filings.base import CLAIM_PLEADING, Filing, Requirement
from docgen.filings.requirements import (
    AGAINST_THE_ACCESS_PROVIDER,
    DISCLOSURE_CLAIM_RULES,
)
from docgen.findings import Message
from docgen.law.fees import access_provider_stamp
from docgen.law.rules.logs import l1_connection_retention, l3_connection_identifiers
from docgen.law.rules.pleading import (
    l4_pleaded_steps_cite_evidence,
    pending_case_needed,
    s14_same_court,
    x2_access_provider_representative,
)


def _after_provision_order(case: Case) -> bool:
    """Under a provision order the platform passes the IP addresses to the access provider
    itself, so the petitioner may know no connection (brief §3.2)."""
    related = case.case.related_case
    return related is not None and related.provision_order


FILING = Filing(
    id="access-provider-petition",
    aliases=("petition2", "ap-petition"),
    title=Message(
        "発信者情報開示命令申立書",
        "Petition for a Sender Identification Information Disclosure Order",
    ),
    addressee=Message("裁判所", "the court"),
    stage="disclosure",
    requirements=(
        *AGAINST_THE_ACCESS_PROVIDER,
        Requirement(
            "connections",
            lambda c: bool(c.connections) or _after_provision_order(c),
            Message(
                "開示された通信（IPアドレス、タイムスタンプ等）を特定するか、提供命令によって"
                "アクセスプロバイダが判明したこと（case.related_case.provision_order）が必要です",
                "list the connections the platform disclosed, or state that a provision order "
                "identified the access provider (case.related_case.provision_order)",
            ),
            code="L3",
        ),
        Requirement(
            "case.related_case",
            lambda c: c.case.related_case is not None,
            Message(
                "コンテンツプロバイダに対する係属中の事件（裁判所及び事件番号）を記載する必要があります",
                "the pending case against the content provider (court and number) must be stated",
            ),
            code="S14",
        ),
    ),
    rules=(
        *DISCLOSURE_CLAIM_RULES,
        l1_connection_retention,
        l3_connection_identifiers,
        l4_pleaded_steps_cite_evidence,
        x2_access_provider_representative,
        s14_same_court,
    ),
    texts=(*CLAIM_PLEADING, "disclosure.purpose_note"),
    uses_connections=True,
    not_now=pending_case_needed,
    stamp=access_provider_stamp,
)
