"""発信者情報開示請求書: the TELESA standard out-of-court disclosure request (brief §3.1, §8.2).

A form, not a petition: 至 … 御中, the requester block, the request under Art. 5, the undertaking,
and the 記 table. It goes to the access provider when the case names it and lists the connections
the platform disclosed (the subscriber's name and address), else to the platform. The provider
sends it to the poster for comment (意見照会), so it attaches no statement or medical record.
"""

from __future__ import annotations

from docgen.case.markup import cited_ids
from docgen.case.model import PRIVATE_EVIDENCE, Case, Evidence
from docgen.filings.base import CLAIM_PLEADING, Filing, Requirement, text_at
from docgen.filings.requirements import (
    CONCEALED_ADDRESS_HAS_AN_OFFICE,
    DISCLOSURE_CLAIM_RULES,
    ITEMS,
    PLEADED_INFRINGEMENT,
    PURPOSES,
    SUPPLEMENTARITY,
    has_contact,
)
from docgen.filings.voice import DISCLOSURE_REQUEST
from docgen.findings import Message
from docgen.law.common import texts
from docgen.law.rules.letters import (
    REQUEST_ID,
    d3_contact_details_in_request,
    pending_case_against_the_platform,
    s6_platform_supplementarity,
    s6_supplementarity_in_the_letter,
    s8_connection_identifiers,
    s9_two_copies,
    s10_seal_certificate,
    s24_addressee,
    s25_items_the_addressee_holds,
    to_access_provider,
)
from docgen.law.rules.logs import l1_connection_retention

TEXTS = (*CLAIM_PLEADING, "disclosure.purpose_note", "disclosure.supplementarity")


def attachments(case: Case) -> list[Evidence]:
    """The evidence of the posts, of the connections and the WHOIS lookup (to the access
    provider), and what the request's texts cite; never a statement or medical record, since the
    request reaches the poster (a text citing one is refused by rule X12)."""
    wanted = {ref for post in case.posts for ref in post.evidence}
    if to_access_provider(case):
        wanted |= {ref for c in case.connections for ref in c.evidence}
        wanted |= set(case.access_provider.evidence if case.access_provider else [])
    for dotted in TEXTS:
        _, value = text_at(case, REQUEST_ID, dotted)
        wanted |= {i for text in texts(value) for i in cited_ids(text)}
    return [e for e in case.evidence if e.id in wanted and e.kind not in PRIVATE_EVIDENCE]


FILING = Filing(
    id=REQUEST_ID,
    aliases=("kaiji-seikyu",),
    title=Message(
        "発信者情報開示請求書",
        "Request for Disclosure of Sender Identification Information",
    ),
    addressee=Message(
        "コンテンツプロバイダ又はアクセスプロバイダ", "the platform or the access provider"
    ),
    stage="disclosure",
    voice=DISCLOSURE_REQUEST,
    texts=TEXTS,
    attachments=attachments,
    not_now=pending_case_against_the_platform,
    requirements=(
        CONCEALED_ADDRESS_HAS_AN_OFFICE,
        Requirement(
            "platform",
            lambda c: c.platform is not None or to_access_provider(c),
            Message(
                "請求書の宛先（投稿を管理するコンテンツプロバイダ、又は `access_provider` と "
                "`connections` を記載してアクセスプロバイダ）が必要です",
                "the request needs an addressee: the platform hosting the posts, or the access "
                "provider (give `access_provider` and `connections`)",
            ),
            code="X2",
        ),
        *PLEADED_INFRINGEMENT,
        PURPOSES,
        ITEMS,
        SUPPLEMENTARITY,
        Requirement(
            "victim.phone",
            has_contact,
            Message(
                "請求者の連絡先（電話番号、メールアドレス又は代理人）が必要です（書式の請求者欄）",
                "the requester's contact (phone, e-mail or an attorney) is needed (the form's "
                "requester block)",
            ),
            code="D1",
        ),
    ),
    rules=(
        *DISCLOSURE_CLAIM_RULES,
        s24_addressee,
        s6_platform_supplementarity,
        s6_supplementarity_in_the_letter,
        s25_items_the_addressee_holds,
        s8_connection_identifiers,
        l1_connection_retention,
        d3_contact_details_in_request,
        s9_two_copies,
        s10_seal_certificate,
    ),
)
