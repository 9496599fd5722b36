"""投稿記事削除仮処分命令申立書: the provisional injunction ordering the platform to delete the posts
(brief §2.2, rules D7–D15): 債権者 / 債務者, 申立ての趣旨 「債務者は、別紙投稿記事目録記載の各投稿記事を
仮に削除せよ」, 被保全権利 (人格権に基づく妨害排除請求権としての削除請求権), 保全の必要性, 疎甲号証,
投稿記事目録 with the posts' texts; only for posts still online."""

from __future__ import annotations

from docgen.filings.base import CLAIM_PLEADING, Filing, Requirement
from docgen.filings.deletion_request import posts_to_remove
from docgen.filings.requirements import (
    AGAINST_THE_PLATFORM,
)
from docgen.filings.voice import PROVISIONAL_DISPOSITION
from docgen.findings import Message
from docgen.law.fees import provisional_disposition_stamp
from docgen.law.rules.general import s1_corporate_rights, x8_title_at_posting
from docgen.law.rules.injunction import INJUNCTION_RULES
from docgen.law.rules.pleading import d16_nothing_online, x2_platform_representative

FILING = Filing(
    id="deletion-injunction",
    aliases=("injunction", "sakujo-karishobun"),
    title=Message(
        "投稿記事削除仮処分命令申立書",
        "Petition for Provisional Disposition Ordering Deletion of Posts",
    ),
    addressee=Message("裁判所", "the court"),
    stage="deletion",
    requirements=(
        *AGAINST_THE_PLATFORM,
        Requirement(
            "claim.deletion-injunction.necessity",
            lambda c: c.claim.deletion_injunction is not None
            and c.claim.deletion_injunction.necessity is not None,
            Message(
                "削除の保全の必要性（本案判決を待てない理由）を [claim.deletion-injunction] necessity に"
                "書く必要があります（ログ保存の必要性とは別の主張です）",
                "the necessity of deletion (why it cannot wait for a merits judgment) must be "
                "pleaded in [claim.deletion-injunction] necessity (a different plea from the "
                "logs' necessity)",
            ),
            code="D7",
        ),
    ),
    rules=(
        s1_corporate_rights,
        x8_title_at_posting,
        x2_platform_representative,
        *INJUNCTION_RULES,
    ),
    voice=PROVISIONAL_DISPOSITION,
    texts=(*CLAIM_PLEADING, "claim.necessity"),
    posts_of=posts_to_remove,
    not_now=d16_nothing_online,
    stamp=provisional_disposition_stamp,
)
