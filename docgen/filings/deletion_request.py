"""侵害情報の通知書 兼 送信防止措置依頼書: the out-of-court takedown request to the platform."""

from __future__ import annotations

from docgen.case.model import Case, Evidence, Post
from docgen.filings.base import Filing, Requirement
from docgen.filings.requirements import (
    CONCEALED_ADDRESS_HAS_AN_OFFICE,
    HARM,
    PLATFORM,
    POSTS,
    RIGHTS,
    has_contact,
)
from docgen.filings.voice import NOTICE_TO_PLATFORM
from docgen.findings import Message
from docgen.law.rules.deletion import (
    d3_private_details_in_reasons,
    d4_attachments,
    d5_account_deletion,
    d6_x_japan_form,
    s2_nonpublic_deletion,
)
from docgen.law.rules.general import d2_facts_alleged, s1_corporate_rights, x8_title_at_posting
from docgen.law.rules.pleading import (
    d4_posts_without_a_printout,
    d16_nothing_online,
    d16_offline_posts,
)


def posts_to_remove(case: Case) -> list[Post]:
    """The posts the notice asks to remove: every post not known to be offline already."""
    return [p for p in case.posts if p.still_online is not False]


def attachments(case: Case) -> list[Evidence]:
    """``deletion.attachments`` if given, else the evidence of the posts it concerns: the notice
    is forwarded to the poster, so it never attaches a statement unless the lawyer says so (and
    then rule D3 refuses it)."""
    chosen = case.deletion.attachments
    if chosen is None:
        chosen = [ref for post in posts_to_remove(case) for ref in post.evidence]
    wanted = set(chosen)
    return [e for e in case.evidence if e.id in wanted]


FILING = Filing(
    id="deletion-request",
    aliases=("deletion",),
    title=Message(
        "侵害情報の通知書 兼 送信防止措置依頼書",
        "Notice of Infringing Information and Request for Measures to Prevent Transmission",
    ),
    addressee=Message("プラットフォーム事業者", "the platform"),
    voice=NOTICE_TO_PLATFORM,
    posts_of=posts_to_remove,
    attachments=attachments,
    not_now=d16_nothing_online,
    stage="deletion",
    tables=("deletion",),
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
        d16_offline_posts,
        d4_posts_without_a_printout,
    ),
)
