"""The Art. 15(1)(ii) notice: telling the content provider that the petition against the access
provider has been filed, so that it passes the IP addresses to that provider (brief §3.2, rule
S17). The step most often forgotten after a provision order."""

from __future__ import annotations

from docgen.case.model import Case, Evidence
from docgen.filings.base import Filing, Requirement
from docgen.filings.requirements import ACCESS_PROVIDER, PLATFORM
from docgen.filings.voice import NOTICE_OF_FILING
from docgen.findings import Message
from docgen.law.rules.pleading import no_provision_order, s14_same_court


def nothing_attached(case: Case) -> list[Evidence]:
    return []


FILING = Filing(
    id="provision-notice",
    aliases=("notice", "art15-notice"),
    title=Message(
        "発信者情報開示命令の申立てをした旨の通知書",
        "Notice of Filing of a Disclosure Order Petition (Art. 15(1)(ii))",
    ),
    addressee=Message("コンテンツプロバイダ", "the content provider"),
    stage="disclosure",
    requirements=(
        PLATFORM,
        ACCESS_PROVIDER,
        Requirement(
            "case.related_case",
            lambda c: c.case.related_case is not None,
            Message(
                "提供命令が発令された係属中の事件（裁判所及び事件番号）が必要です",
                "the pending case in which the provision order was issued is needed",
            ),
            code="S17",
        ),
        Requirement(
            "access_provider.case_number",
            lambda c: c.access_provider is not None and c.access_provider.case_number is not None,
            Message(
                "アクセスプロバイダに対する申立ての事件番号（申立て後に付されるもの）を記載してください",
                "give the number of the case against the access provider (assigned once filed)",
            ),
            code="S17",
            severity="warning",
        ),
    ),
    voice=NOTICE_OF_FILING,
    texts=(),
    attachments=nothing_attached,
    rules=(s14_same_court,),
    not_now=no_provision_order,
)
