"""Requirements several filings share: parties, posts, the claim, the court."""

from __future__ import annotations

from docgen.case.model import Case
from docgen.filings.base import Requirement, Rule
from docgen.findings import Message
from docgen.law.rules.disclosure import s2_public_channel, s4_legitimate_reason
from docgen.law.rules.general import (
    s1_corporate_rights,
    s3_facts_alleged,
    x7_article_at_posting,
    x8_title_at_posting,
)


def has_contact(case: Case) -> bool:
    return bool(case.victim.phone or case.victim.email or case.attorneys)


COURT = Requirement(
    "case.court",
    lambda c: c.case.court is not None,
    Message(
        "申立書には宛先の裁判所を表示します", "a petition must name the court it is filed with"
    ),
    code="X1",
)
PLATFORM = Requirement(
    "platform",
    lambda c: c.platform is not None,
    Message(
        "投稿を管理するコンテンツプロバイダ（相手方）の名称と住所が必要です",
        "the content provider hosting the posts (the respondent) must be named",
    ),
    code="X2",
)
ACCESS_PROVIDER = Requirement(
    "access_provider",
    lambda c: c.access_provider is not None,
    Message(
        "ログを保有するアクセスプロバイダ（債務者）の名称と住所が必要です",
        "the access provider holding the logs (the respondent) must be named",
    ),
    code="X2",
)
CONNECTIONS = Requirement(
    "connections",
    lambda c: bool(c.connections),
    Message(
        "開示された通信（IPアドレス、タイムスタンプ等）を特定する必要があります",
        "the logged connections the platform disclosed (IP address, timestamp, …) must be listed",
    ),
    code="L3",
)
POSTS = Requirement(
    "posts",
    lambda c: bool(c.posts),
    Message(
        "権利を侵害する投稿を少なくとも1件特定する必要があります",
        "at least one infringing post must be identified",
    ),
    code="X9",
)
RIGHTS = Requirement(
    "claim.rights",
    lambda c: bool(c.claim.rights),
    Message("侵害された権利を示す必要があります", "the right infringed must be stated"),
    code="D2",
)
IDENTIFICATION = Requirement(
    "claim.identification",
    None,
    Message(
        "投稿が申立人に関するものと読めること（同定可能性）を主張する必要があります",
        "why readers know the posts are about the victim (identifiability) must be pleaded",
    ),
    code="S3",
)
HARM = Requirement(
    "claim.harm",
    None,
    Message(
        "投稿が社会的評価を低下させる理由（又は社会通念上許される限度を超える理由）が必要です",
        "why the posts lower the victim's social standing (or exceed tolerable insult) must be pleaded",
    ),
    code="S3",
)
NO_JUSTIFICATION = Requirement(
    "claim.no_justification",
    None,
    Message(
        "権利侵害の明白性として違法性阻却事由の不存在を主張する必要があります",
        "clear infringement requires pleading the absence of any justification",
    ),
    code="S3",
)
PURPOSES = Requirement(
    "disclosure.purposes",
    lambda c: bool(c.disclosure.purposes),
    Message(
        "開示を受けるべき正当な理由を少なくとも1つ示す必要があります",
        "at least one legitimate reason for disclosure must be given",
    ),
    code="S4",
)
ITEMS = Requirement(
    "disclosure.items",
    lambda c: bool(c.disclosure.items),
    Message(
        "開示を求める発信者情報（施行規則2条の項目）を指定する必要があります",
        "the sender information sought (items of the ordinance, Art. 2) must be listed",
    ),
    code="S5",
)
SUPPLEMENTARITY = Requirement(
    "disclosure.supplementarity",
    lambda c: c.disclosure.supplementarity is not None or not c.disclosure.asks_login_items,
    Message(
        "ログイン型の情報（特定発信者情報）を求めるには補充性の主張が必要です",
        "login-type items (specified sender information) require pleading supplementarity",
    ),
    code="S6",
)


CONCEALED_ADDRESS_HAS_AN_OFFICE = Requirement(
    "attorneys",
    lambda c: not c.victim.conceal_address or bool(c.attorneys),
    Message(
        "住所を秘匿する場合（victim.conceal_address）は、代わりに表示する代理人事務所が必要です",
        "a concealed address (victim.conceal_address) needs an attorney whose office is shown instead",
    ),
    code="X2",
)


PLEADED_INFRINGEMENT: tuple[Requirement, ...] = (
    POSTS,
    RIGHTS,
    IDENTIFICATION,
    HARM,
    NO_JUSTIFICATION,
)
"""What every court filing pleading the infringement needs: the posts, the rights, and why the
posts are about the victim, infringe and are unjustified (each in the shared or own wording)."""
AGAINST_THE_PLATFORM: tuple[Requirement, ...] = (
    CONCEALED_ADDRESS_HAS_AN_OFFICE,
    COURT,
    PLATFORM,
    *PLEADED_INFRINGEMENT,
)
AGAINST_THE_ACCESS_PROVIDER: tuple[Requirement, ...] = (
    CONCEALED_ADDRESS_HAS_AN_OFFICE,
    COURT,
    ACCESS_PROVIDER,
    *PLEADED_INFRINGEMENT,
    PURPOSES,
)
DISCLOSURE_FROM_THE_PLATFORM: tuple[Requirement, ...] = (
    *AGAINST_THE_PLATFORM,
    PURPOSES,
    ITEMS,
    SUPPLEMENTARITY,
)


DISCLOSURE_CLAIM_RULES: tuple[Rule, ...] = (
    x7_article_at_posting,
    x8_title_at_posting,
    s1_corporate_rights,
    s2_public_channel,
    s3_facts_alleged,
    s4_legitimate_reason,
)
"""What every petition resting on the right to disclosure (Art. 5) must show about the claim."""
