"""Rules of the police report (被害届), brief §9.5: limitation of prosecution (P8) and whether the
facts fit the offence reported (P9).

Publicness (公然性) is an element of both defamation (Penal Code 230(1)) and insult (231); a post
that was not public is reported under P9, the offence-classification rule, because it is the
offence's elements that fail, not the report's contents (P11). Statements to a few people can
exceptionally be public when they are likely to spread (伝播性の理論); that is why a protected
account is only a warning.
"""

from __future__ import annotations

from datetime import date

from docgen.case.model import Case, Post
from docgen.findings import Finding, Message, Severity
from docgen.law.calendar import period_end
from docgen.law.common import INSULT_AMENDED, day_of, finding, nonpublic, online_after, posts
from docgen.law.terms import OFFENSES


def prosecution_period(offense: str, act: date) -> tuple[int, str]:
    """Years of limitation for prosecution and the CCP provision: 3 years for defamation, and for
    insult committed from 2022-07-07; 1 year for insult committed earlier."""
    if offense == "insult" and act < INSULT_AMENDED:
        return 1, "CCP 250(2)(vii)"
    return 3, "CCP 250(2)(vi)"


def _barred_message(offense: str, post: Post, years: int, last: date) -> tuple[Message, bool]:
    """Why the period has run, and whether the continuing-offence question leaves it open."""
    name = OFFENSES[offense]
    head = Message(
        f"{name.ja}の公訴時効（{years}年）は投稿日から起算すると{last}に完成しています。",
        f"Counted from the post, the {years}-year limitation for {name.en} ended on {last}.",
    )
    if post.still_online:
        tail = Message(
            "投稿は現在も閲覧可能であり、継続犯として削除時から起算するかには争いがあります。",
            "The post is still online; whether the period runs only from its removal, as for a "
            "continuing offence, is disputed.",
        )
    elif (
        offense == "insult"
        and day_of(post.posted_at) < INSULT_AMENDED
        and online_after(post, INSULT_AMENDED)
    ):
        tail = Message(
            "投稿は2022年7月7日以後も閲覧可能であったため、継続犯とすれば改正後の3年の時効が適用"
            "される可能性があります。",
            "The post was still online after 7 July 2022; if the offence is continuing, the "
            "amended 3-year period may apply.",
        )
    else:
        return Message(head.ja + "起訴はできません。", head.en + " Prosecution is barred."), False
    return Message(head.ja + tail.ja, f"{head.en} {tail.en}"), True


def p8_prosecution_limitation(case: Case) -> list[Finding]:
    """P8: limitation of prosecution, counted from the post with its first day included (CCP 55(1)
    proviso). Error once it has run; a warning while the continuing-offence question is open [U]."""
    offenses = case.police.offenses if case.police else []
    found = []
    for p, post in posts(case):
        for offense in offenses:
            years, basis = prosecution_period(offense, day_of(post.posted_at))
            last = period_end(day_of(post.posted_at), years=years)
            if last >= case.document_date:
                continue
            message, open_question = _barred_message(offense, post, years, last)
            severity: Severity = "warning" if open_question else "error"
            found.append(
                finding(
                    "P8",
                    severity,
                    f"{p}.posted_at",
                    f"`{p}.posted_at`: {message.ja}",
                    f"`{p}.posted_at`: {message.en}",
                    f"{basis}{'; [U] continuing offence' if open_question else ''}",
                )
            )
    return found


def p9_offence_classification(case: Case) -> list[Finding]:
    """P9: defamation needs a fact asserted (230(1)); facts asserted suggest more than insult."""
    offenses = set(case.police.offenses) if case.police else set()
    facts = case.claim.facts_alleged is not None
    if "defamation" in offenses and not facts:
        return [
            finding(
                "P9",
                "warning",
                "claim.facts_alleged",
                "名誉毀損罪（刑法230条1項）は事実の摘示を要件とします。投稿が摘示する事実"
                "（`claim.facts_alleged`）を記載してください。事実の摘示がなければ侮辱罪（同231条）に"
                "なります。",
                "Defamation (Penal Code 230(1)) requires a statement of fact: give the facts the posts "
                "assert (`claim.facts_alleged`). Without one, the offence is insult (Art. 231).",
                "Penal Code 230(1), 231",
            )
        ]
    if offenses == {"insult"} and facts:
        return [
            finding(
                "P9",
                "warning",
                "police.offenses",
                "`claim.facts_alleged` に摘示事実が記載されていますが、罪名は侮辱罪のみです。事実を"
                "摘示して社会的評価を低下させる投稿は名誉毀損罪（刑法230条1項）に当たり得るため、"
                "罪名を確認してください。",
                "`claim.facts_alleged` states facts the posts assert, yet only insult is reported. "
                "Posts asserting facts that lower the victim's standing may be defamation (Penal "
                "Code 230(1)); check the offence.",
                "Penal Code 230(1), 231",
            )
        ]
    return []


def p9_publicness(case: Case) -> list[Finding]:
    """P9: both offences require publicness. Direct messages → error; protected account → warning."""
    found = []
    for path, visibility in nonpublic(case):
        if visibility == "direct":
            found.append(
                finding(
                    "P9",
                    "error",
                    path,
                    f"`{path}` はダイレクトメッセージ等の非公開の通信であり、名誉毀損罪・侮辱罪の要件で"
                    "ある公然性（不特定又は多数の者が認識し得る状態）を欠きます。",
                    f"`{path}` is a direct, non-public message: it lacks the publicness (perceptible "
                    "by unspecified or many persons) that both defamation and insult require.",
                    "Penal Code 230(1), 231",
                )
            )
        else:
            found.append(
                finding(
                    "P9",
                    "warning",
                    path,
                    f'`{path}` は "protected"（非公開アカウント）の投稿です。公然性が争われる可能性が'
                    "ありますが、多数のフォロワーが閲覧できた場合には認められ得るため、フォロワー数等の"
                    "事情を記載してください。",
                    f"`{path}` was posted from a protected account, so publicness may be contested; it "
                    "can be found where many approved followers could read it, so state the follower "
                    "count and similar facts.",
                    "Penal Code 230(1), 231; [P] practice",
                )
            )
    return found
