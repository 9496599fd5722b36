"""侵害情報の通知書 兼 送信防止措置依頼書: the out-of-court takedown request to the platform."""

from __future__ import annotations

from docgen.filings.base import Filing, Requirement
from docgen.filings.requirements import (
    CONCEALED_ADDRESS_HAS_AN_OFFICE,
    HARM,
    PLATFORM,
    POSTS,
    RIGHTS,
    has_contact,
)
from docgen.law.findings import Message
from docgen.law.rules import d2_facts_alleged, s1_corporate_rights, x8_title_at_posting
from docgen.law.rules_deletion import (
    d3_private_details_in_reasons,
    d4_attachments,
    d5_account_deletion,
    d6_x_japan_form,
    s2_nonpublic_deletion,
)

FILING = Filing(
    id="deletion-request",
    aliases=("deletion",),
    title=Message(
        "侵害情報の通知書 兼 送信防止措置依頼書",
        "Notice of Infringing Information and Request for Measures to Prevent Transmission",
    ),
    court_exhibits=False,
    addressee=Message("プラットフォーム事業者", "the platform"),
    requirements=(
        CONCEALED_ADDRESS_HAS_AN_OFFICE,
        PLATFORM,
        POSTS,
        RIGHTS,
        HARM,
        Requirement(
            "victim.phone",
            has_contact,
            Message(
                "依頼者の連絡先（電話番号、メールアドレス又は代理人）が必要です",
                "the requester's contact (phone, e-mail or an attorney) is needed",
            ),
            code="D1",
        ),
    ),
    rules=(
        x8_title_at_posting,
        s1_corporate_rights,
        s2_nonpublic_deletion,
        d2_facts_alleged,
        d3_private_details_in_reasons,
        d4_attachments,
        d5_account_deletion,
        d6_x_japan_form,
    ),
)
