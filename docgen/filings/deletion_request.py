"""侵害情報の通知書 兼 送信防止措置依頼書: the out-of-court takedown request to the platform."""

from __future__ import annotations

from docgen.filings.base import Filing, Requirement
from docgen.filings.requirements import HARM, PLATFORM, POSTS, RIGHTS, has_contact
from docgen.law.findings import Message

FILING = Filing(
    id="deletion-request",
    aliases=("deletion",),
    title=Message(
        "侵害情報の通知書 兼 送信防止措置依頼書",
        "Notice of Infringing Information and Request for Measures to Prevent Transmission",
    ),
    addressee=Message("プラットフォーム事業者", "the platform"),
    requirements=(
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
)
