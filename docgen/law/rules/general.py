"""The rule catalogue of the domain brief §9: legal checks as pure functions of a case.

``general_rules`` apply whatever is filed; each filing adds its own through ``Filing.rules``
(the rules of the brief's §9.2–9.6 live in ``rules_deletion``, ``rules_disclosure``, ``rules_logs``
and ``rules_police``). This module also holds the rules several filings share: the Act's name and
article at the time of the posts (X7, X8) and the claim's rights (S1, S3). Codes are the brief's ids;
"today" is ``case.document_date``, never the clock.
"""

from __future__ import annotations

from datetime import date, timedelta

from docgen.case.model import Case, Right, is_utc
from docgen.findings import Finding
from docgen.law.calendar import period_end
from docgen.law.common import (
    ACT_2021_IN_FORCE,
    ACT_RENAMED,
    day_of,
    finding,
    is_individual_post_url,
    offset_given,
    posts,
)

# ---------------------------------------------------------------------------------------------
# Cross-cutting (every filing)
# ---------------------------------------------------------------------------------------------


def x6_time_zones(case: Case) -> list[Finding]:
    """X6: UTC moments are shown in JST with the UTC value beside them (info); a connection time
    without an offset is read as JST although platform logs are UTC (warning)."""
    moments = [(f"{p}.posted_at", post.posted_at) for p, post in posts(case)]
    moments += [(f"connections[{i}].at", c.at) for i, c in enumerate(case.connections, start=1)]
    found = [
        finding(
            "X6",
            "info",
            path,
            f"`{path}` は協定世界時（UTC）で記載されています。書面では日本時間（UTC+9時間）に"
            "換算して表示し、UTCの値を併記します。",
            f"`{path}` is given in UTC; the documents show it in Japan time (UTC+9) with the UTC "
            "value beside it.",
            "[P] practice (S-kanda-1121)",
        )
        for path, moment in moments
        if is_utc(moment)
    ]
    found += [
        finding(
            "X6",
            "warning",
            path,
            f"`{path}` に時差の記載がないため日本時間として扱います。プラットフォームが開示する"
            "ログ（Xのログイン記録等）はUTCで記録されているため、UTCの値であれば末尾に「Z」を"
            "付けてください。9時間ずれると別人の通信を特定することになります。",
            f"`{path}` has no UTC offset and is read as Japan time. Platform logs (such as X's "
            "login records) are kept in UTC: if this value was copied from one, end it with "
            '"Z". A nine-hour error points the access provider at someone else\'s connection.',
            "[P] practice (S-kanda-1121)",
        )
        for path, moment in moments
        if path.startswith("connections") and not offset_given(moment)
    ]
    return found


def x9_post_text(case: Case) -> list[Finding]:
    """X9: the content of every post but a plain repost must be stated verbatim."""
    return [
        finding(
            "X9",
            "error",
            f"{p}.text",
            f"`{p}.text` がありません: 投稿の内容（掲載されている情報）は原文のまま記載する必要が"
            "あります（内容を持たない単純なリポストを除きます）。",
            f"`{p}.text` is missing: the content of the post (the information posted) must be "
            "quoted verbatim (only a plain repost, which has no text of its own, may omit it).",
            "[P] practice (S-cancam)",
        )
        for p, post in posts(case)
        if post.kind != "repost" and post.text is None
    ]


def x10_individual_post_url(case: Case) -> list[Finding]:
    """X10: a post is identified by its own URL, not a profile or the site's top page."""
    return [
        finding(
            "X10",
            "warning",
            f"{p}.url",
            f"`{p}.url`（{post.url}）は個別の投稿ではなく、プロフィール又はトップページのURLの"
            "ようです。投稿は個別のURL（Xでは https://x.com/<ユーザー名>/status/<数字>）で特定して"
            "ください。",
            f"`{p}.url` ({post.url}) looks like a profile or top page rather than one post. "
            "Identify each post by its own URL (on X: https://x.com/<handle>/status/<digits>).",
            "[P] practice (S-cancam)",
        )
        for p, post in posts(case, "post", "repost", "quote", "reply")
        if not is_individual_post_url(post.url)
    ]


_REPOST_MESSAGES = {
    "repost": (
        "他人の投稿を単にリポストする行為も、その内容を自ら発信したものとして名誉毀損等が成立し得ます"
        "（大阪高判令和2年6月23日・単純リツイート）。元投稿の内容を特定し、リポストによりそれを"
        "摘示したことを主張してください。",
        "A plain repost can itself be defamation, as it publishes the original's content anew "
        "(Osaka High Court, 23 June 2020, a plain retweet). Identify the original's content and "
        "plead that the repost conveys it.",
    ),
    "quote": (
        "引用投稿は、付されたコメントを引用元の投稿と併せて読んだ意味で判断されます。引用元の内容を"
        "特定し、両者を併せて何を摘示しているかを主張してください（引用元自体が権利を侵害する場合、"
        "それを拡散したことも問題となり得ます）。",
        "A quote post is read together with the post it quotes. Identify the quoted content and "
        "plead what the two convey together (if the quoted post itself infringes, spreading it "
        "can also be actionable).",
    ),
}


def s3_reposts(case: Case) -> list[Finding]:
    """S3: a repost or quote infringes through what it conveys of someone else's post (info);
    without ``original`` the filings cannot show that post (warning)."""
    found = []
    for p, post in posts(case, *_REPOST_MESSAGES):
        if post.original is None or post.original.text is None:
            found.append(
                finding(
                    "S3",
                    "warning",
                    f"{p}.original",
                    f'`{p}` は "{post.kind}" ですが、元の投稿（`{p}.original` の url・account・text）が'
                    f"ありません。{_REPOST_MESSAGES[post.kind][0]}書面に元の投稿を示せるよう記載してください。",
                    f'`{p}` is a "{post.kind}" but the original post (`{p}.original`: url, account, '
                    f"text) is not given. {_REPOST_MESSAGES[post.kind][1]} Give it so that the "
                    "filings can show it.",
                    "[P] Osaka HC 2020-06-23",
                )
            )
        else:
            found.append(
                finding(
                    "S3",
                    "info",
                    f"{p}.kind",
                    f'`{p}.kind` は "{post.kind}" です。{_REPOST_MESSAGES[post.kind][0]}',
                    f'`{p}.kind` is "{post.kind}". {_REPOST_MESSAGES[post.kind][1]}',
                    "[P] Osaka HC 2020-06-23",
                )
            )
    return found


def c1_civil_limitation(case: Case) -> list[Finding]:
    """C1: damages claims lapse 3 years after the victim knew the perpetrator, 20 years after the
    tort (Civil Code 724; first day excluded, Art. 140)."""
    today, found = case.document_date, []
    known = case.police.offender_known_at if case.police else None
    if known and period_end(known + timedelta(days=1), years=3) < today:
        found.append(
            finding(
                "C1",
                "warning",
                "police.offender_known_at",
                f"加害者を知った日（`police.offender_known_at` = {known}）から3年が経過しています。"
                "不法行為に基づく損害賠償請求権は時効により消滅している可能性があります。完成猶予・"
                "更新の事由がないか確認してください。",
                f"More than 3 years have passed since the victim learned who the offender is "
                f"(`police.offender_known_at` = {known}); the damages claim may be time-barred. Check "
                "for any suspension or renewal of the limitation period.",
                "Civil Code 724(i)",
            )
        )
    for p, post in posts(case):
        if period_end(day_of(post.posted_at) + timedelta(days=1), years=20) < today:
            found.append(
                finding(
                    "C1",
                    "warning",
                    f"{p}.posted_at",
                    f"`{p}.posted_at` の投稿から20年が経過しており、損害賠償請求権は消滅している可能性が"
                    "あります。",
                    f"More than 20 years have passed since `{p}.posted_at`; the damages claim may be "
                    "extinguished.",
                    "Civil Code 724(ii)",
                )
            )
    return found


GENERAL_RULES = (
    x6_time_zones,
    x9_post_text,
    x10_individual_post_url,
    s3_reposts,
    c1_civil_limitation,
)


def general_rules(case: Case) -> list[Finding]:
    return [f for rule in GENERAL_RULES for f in rule(case)]


# ---------------------------------------------------------------------------------------------
# Shared by the filings that cite the Act and plead a civil claim
# ---------------------------------------------------------------------------------------------


def _earliest_post_before(case: Case, cutoff: date) -> tuple[str, date] | None:
    """``(posts[i].posted_at, day)`` of the earliest post before ``cutoff``, if the document is
    dated on or after it (a document dated earlier cites the law of its own day)."""
    if case.document_date < cutoff:
        return None
    dated = sorted((day_of(post.posted_at), p) for p, post in posts(case))
    return next(((f"{p}.posted_at", day) for day, p in dated if day < cutoff), None)


def x7_article_at_posting(case: Case) -> list[Finding]:
    """X7 (info): a post before 2022-10-01 fell under old Art. 4(1); we cite current Art. 5."""
    earliest = _earliest_post_before(case, ACT_2021_IN_FORCE)
    if earliest is None:
        return []
    path, day = earliest
    return [
        finding(
            "X7",
            "info",
            path,
            f"`{path}`（{day}）は令和3年改正法の施行日（2022年10月1日）前の投稿です。投稿当時、発信者"
            "情報開示請求権は旧4条1項に定められていましたが、施行日以後の請求であるため本書面は現行の"
            "5条を引用します（改正後の手続は施行前の投稿にも利用できます）。",
            f"`{path}` ({day}) predates 1 October 2022, when the 2021 amendment took effect. The "
            "disclosure right was then in old Art. 4(1); as the request is made after that date, this "
            "document cites current Art. 5 (the new procedure is available for earlier posts).",
            "Act No. 27 of 2021; S-courts9",
        )
    ]


def x8_title_at_posting(case: Case) -> list[Finding]:
    """X8 (info): a post before 2025-04-01 was made under the Act's former title."""
    earliest = _earliest_post_before(case, ACT_RENAMED)
    if earliest is None:
        return []
    path, day = earliest
    return [
        finding(
            "X8",
            "info",
            path,
            f"`{path}`（{day}）の当時、法律の題名は「特定電気通信役務提供者の損害賠償責任の制限及び"
            "発信者情報の開示に関する法律」（プロバイダ責任制限法）でした。本書面は2025年4月1日以後の"
            "題名「特定電気通信による情報の流通によって発生する権利侵害等への対処に関する法律」"
            "（情報流通プラットフォーム対処法）を引用します。条番号は変わりません。",
            f"When `{path}` ({day}) was posted, the Act was titled the Provider Liability Limitation "
            "Act; this document cites its title from 1 April 2025, the Information Distribution "
            "Platform Act. The article numbers are unchanged.",
            "Act No. 25 of 2024",
        )
    ]


_PERSONAL_RIGHTS = {
    Right.honor_feeling: (
        "名誉感情は自然人の主観的な感情であり、法人には認められないとするのが一般的です。"
        "名誉権（reputation）又は信用（credit）の侵害として構成してください。",
        "a sense of honour is a natural person's feeling, generally not recognised for a "
        "corporation; plead its reputation (reputation) or business credit (credit) instead.",
    ),
    Right.privacy: (
        "プライバシー権は自然人の人格的利益です。役員・従業員個人の権利であれば、その個人が"
        "申立人（請求者）となる必要があります。",
        "privacy is a natural person's interest; if an officer's or employee's privacy is "
        "infringed, that person must be the petitioner (requester).",
    ),
    Right.portrait: (
        "肖像権は自然人の人格的利益です。写っている個人が申立人（請求者）となる必要があります。",
        "the right of portrait belongs to the natural person depicted, who must be the petitioner "
        "(requester).",
    ),
}


def s1_corporate_rights(case: Case) -> list[Finding]:
    """S1: the requester must hold the right; a corporation holds no personal feelings or image."""
    if case.victim.kind != "corporation":
        return []
    return [
        finding(
            "S1",
            "error" if right == Right.honor_feeling else "warning",
            "claim.rights",
            f'被害者は法人ですが、`claim.rights` に "{right.value}" が含まれています。{ja}',
            f'The victim is a corporation, but `claim.rights` includes "{right.value}": {en}',
            "Art. 5(1); brief §12.4 (courts deny a company a sense of honour) [P]",
        )
        for right, (ja, en) in _PERSONAL_RIGHTS.items()
        if right in case.claim.rights
    ]


def defamation_without_facts(case: Case) -> bool:
    return Right.reputation in case.claim.rights and case.claim.facts_alleged is None


_FACTS_JA = (
    "名誉権侵害（名誉毀損）を主張するには、投稿が摘示する事実（`claim.facts_alleged`）を特定する"
    "必要があります。事実の摘示がなければ名誉毀損は成立せず、名誉感情の侵害（侮辱）としての主張に"
    "なります。"
)
_FACTS_EN = (
    "A claim of infringed reputation (defamation) must state the facts the posts assert "
    "(`claim.facts_alleged`); without a statement of fact there is no defamation, only a claim of "
    "injured sense of honour (insult)."
)


def s3_facts_alleged(case: Case) -> list[Finding]:
    """S3: clear infringement of reputation cannot be shown without the facts asserted (error)."""
    if not defamation_without_facts(case):
        return []
    return [finding("S3", "error", "claim.facts_alleged", _FACTS_JA, _FACTS_EN, "Art. 5(1)(i)")]


def d2_facts_alleged(case: Case) -> list[Finding]:
    """D2 (warning): the takedown request's reasons should name the facts asserted."""
    if not defamation_without_facts(case):
        return []
    return [
        finding(
            "D2", "warning", "claim.facts_alleged", _FACTS_JA, _FACTS_EN, "Art. 3(2)(i); S-netowl"
        )
    ]
