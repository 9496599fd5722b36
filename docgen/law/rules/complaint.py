"""Rules of the criminal complaint (告訴状), brief §5.2, §7.6–7.7 and §9.5: P1, P2, P5–P7, P10, P12.

P2 (an addressee: the police station, or ``police.prosecutors_office``, which then takes
precedence) and P3 (the wish for punishment) are requirements of the filing; the rule P2 checks the
prosecutors office's name. P4 (each act's date, time and place) is X9 for every post, and the
template writes them into each 告訴事実; P8 and P9 are shared with the police report
(:mod:`docgen.law.rules.police`).

Choices (design, not sourced):

- P6 counts the complaint period as ``docgen deadlines`` does (:func:`complaint_period`: 6 months,
  first day excluded, a closed last day moved, CCP 55). Once it has run it is an error, except
  while a post is still online: the Osaka High Court (2004-04-22) held the period does not start
  then, so the lapse is only a warning (as P8 treats the limitation of prosecution).
- P1 for ``police.complainant``: a relative without ``victim_died_at`` or a legal
  representative of a deceased victim is an error (no standing); a post after the death
  (230(2): false facts only) and an insult complained of by a relative outside 231(2) (whether
  233(2) covers insult is [U]) are warnings; the victim's expressed will (the provisos of 231(2)
  and 233(2)) is an info to check.
- P7 is raised only once ``police.offender_known_at`` is given: before that no period runs anyway.
- P10 is an info, never a warning: the complaint does not state the statutory penalty, because the
  insult penalty after the 拘禁刑 reform is unconfirmed [U]; the reminder names the penalty the
  law provided on each act's date.
"""

from __future__ import annotations

import re
from datetime import date

from docgen.case.model import Case, Complainant
from docgen.findings import Finding, Language, Message
from docgen.law.common import INSULT_AMENDED, day_of, finding, posts, texts
from docgen.law.deadlines import complaint_period

FILING_ID = "criminal-complaint"
COMPLAINANT_RELATIONS: dict[str, Message] = {
    "legal_representative": Message("法定代理人", "legal representative"),
    "spouse": Message("配偶者", "spouse"),
    "lineal_relative": Message("直系の親族", "lineal relative"),
    "sibling": Message("兄弟姉妹", "sibling"),
    "relative": Message("親族", "relative"),
    "descendant": Message("子孫", "descendant"),
}
"""Who may complain besides the victim (``police.complainant.relation``): the legal representative
(CCP 231(1)); for a victim who has died, the spouse, lineal relatives and siblings (231(2)), and for
defamation the relatives and descendants (233)."""
RELATIVES_231 = frozenset({"spouse", "lineal_relative", "sibling"})
"""The relatives CCP 231(2) lets complain of any offence once the victim has died."""
IMPRISONMENT_REFORM = date(2025, 6, 1)
"""拘禁刑 replaces 懲役 and 禁錮 in the Penal Code (Act No. 67 of 2022)."""

FEELINGS: dict[Language, tuple[str, ...]] = {
    "ja": (
        "悲しい",
        "悲しみ",
        "許せない",
        "許さない",
        "精神的苦痛",
        "苦痛",
        "悔しい",
        "憤り",
        "怒り",
        "腹立",
        "不安",
        "恐怖",
        "怖い",
        "傷つ",
        "つらい",
        "辛い",
        "苦しい",
        "ショック",
        "憎",
    ),
    "en": (
        "sad",
        "sadness",
        "unforgivable",
        "emotional distress",
        "mental anguish",
        "mental suffering",
        "distress",
        "anguish",
        "anger",
        "angry",
        "outrage",
        "upset",
        "hurt",
        "anxiety",
        "afraid",
        "fear",
        "frightened",
        "shock",
        "shocked",
    ),
}
"""Words of feeling: they belong in 告訴に至る経緯 (or a 陳述書), not in the 告訴事実."""


def p1_complainant(case: Case) -> list[Finding]:
    """P1: the complainant is the victim itself (CCP 230), a corporation through its named
    representative; or ``police.complainant``: the legal representative (231(1)), or for a victim
    who has died a relative the Code names (231(2), 233)."""
    complainant = case.police.complainant if case.police else None
    if complainant is not None:
        return _p1_other_complainant(case, complainant)
    victim = case.victim
    if victim.kind != "corporation" or victim.representative is not None:
        return []
    return [
        finding(
            "P1",
            "warning",
            "victim.representative",
            "告訴人が法人であるのに代表者（`victim.representative`）が記載されていません。法人の告訴は"
            "代表者が法人を代表して行うため、登記事項証明書のとおりに代表者の資格と氏名を記載してください。",
            "the complainant is a corporation but no representative (`victim.representative`) is "
            "given; a corporation complains through its representative, so give the "
            "representative's title and name as the certificate of registered matters states them.",
            "刑事訴訟法230条; 民法（法人の代表）",
        )
    ]


def _p1_error(path: str, ja: str, en: str, basis: str) -> Finding:
    return finding("P1", "error", path, ja, en, basis)


def _p1_other_complainant(case: Case, complainant: Complainant) -> list[Finding]:
    relation = complainant.relation
    path = "police.complainant.relation"
    if case.victim.kind == "corporation":
        return [
            _p1_error(
                path,
                "被害者が法人のときは、法人自身が代表者によって告訴します。法人には法定代理人も親族も"
                "ないため、`police.complainant` を削除し、`victim.representative` に代表者を記載して"
                "ください。",
                "the victim is a corporation, which complains itself through its representative; a "
                "corporation has no legal representative or relatives, so remove "
                "`police.complainant` and name the representative in `victim.representative`.",
                "刑事訴訟法230条, 231条, 233条",
            )
        ]
    died = complainant.victim_died_at
    if relation == "legal_representative":
        if died is None:
            return []
        return [
            _p1_error(
                path,
                "法定代理人の告訴権（刑事訴訟法231条1項）は被害者の生存中のものです。被害者が死亡した"
                "ときは、配偶者、直系の親族又は兄弟姉妹（231条2項）、名誉毀損罪では親族又は子孫（233条）"
                "が告訴します。`police.complainant.relation` を見直してください。",
                "a legal representative complains for a living victim (CCP 231(1)); once the "
                "victim has died, the spouse, a lineal relative or a sibling (231(2)), and for "
                "defamation a relative or descendant (233), complains: review "
                "`police.complainant.relation`.",
                "刑事訴訟法231条",
            )
        ]
    if died is None:
        return [
            _p1_error(
                "police.complainant.victim_died_at",
                "被害者の親族が告訴できるのは被害者が死亡したときです（刑事訴訟法231条2項、233条）。"
                "被害者の死亡日を `police.complainant.victim_died_at` に記載してください。被害者が"
                "生存しているときは、被害者本人又は法定代理人が告訴します。",
                "a relative may complain only once the victim has died (CCP 231(2), 233): give the "
                "day of death in `police.complainant.victim_died_at`. A living victim complains "
                "personally or through the legal representative.",
                "刑事訴訟法230条, 231条, 233条",
            )
        ]
    return _p1_deceased_victim(case, complainant, died)


def _p1_deceased_victim(case: Case, complainant: Complainant, died: date) -> list[Finding]:
    offenses = set(case.police.offenses) if case.police else set()
    dated = [(p, day_of(post.posted_at)) for p, post in posts(case)]
    before = [p for p, day in dated if day < died]
    after = [p for p, day in dated if day >= died]
    label = COMPLAINANT_RELATIONS[complainant.relation]
    found = []
    if after:
        found.append(
            finding(
                "P1",
                "warning",
                f"{after[0]}.posted_at",
                f"`{after[0]}.posted_at` は被害者の死亡後の投稿です。死者の名誉毀損は虚偽の事実を"
                "摘示した場合に限り処罰され（刑法230条2項）、告訴は死者の親族又は子孫がします（刑事訴訟法"
                "233条1項）。摘示された事実が虚偽であることを告訴事実と立証方法で示してください。死者に対する"
                "侮辱は侮辱罪に当たらないと解されます [U]。",
                f"`{after[0]}.posted_at` is after the victim's death. Defaming a deceased person is "
                "punished only for false facts (Penal Code 230(2)), on the complaint of a relative "
                "or descendant (CCP 233(1)): show in the facts and the means of proof that the facts "
                "alleged are false. Insulting a deceased person is read as no offence of insult "
                "[U].",
                "刑法230条2項; 刑事訴訟法233条1項",
            )
        )
    if before and offenses == {"insult"} and complainant.relation not in RELATIVES_231:
        found.append(
            finding(
                "P1",
                "warning",
                "police.complainant.relation",
                f"生前の侮辱について死亡後に告訴できるのは、配偶者、直系の親族又は兄弟姉妹です（刑事訴訟法"
                f"231条2項）。告訴人は「{label.ja}」であり、233条2項の「名誉を毀損した罪」に侮辱罪が"
                "含まれるかは確認できていません [U]。",
                "after the victim's death, an insult made in the victim's lifetime may be complained "
                "of by the spouse, a lineal relative or a sibling (CCP 231(2)); the complainant is "
                f"a {label.en}, and whether the “offence of defamation” of CCP 233(2) includes "
                "insult is unconfirmed [U].",
                "刑事訴訟法231条2項, 233条2項 [U]",
            )
        )
    if before:
        found.append(
            finding(
                "P1",
                "info",
                "police.complainant",
                "被害者の生前の投稿について遺族が告訴するときは、被害者が明示していた意思に反することは"
                "できません（刑事訴訟法231条2項ただし書、233条2項ただし書）。被害者が告訴を望まない意思を"
                "明らかにしていなかったか確認してください。",
                "a relative complaining of posts made in the victim's lifetime may not act against "
                "the will the victim expressed (CCP 231(2) and 233(2), provisos): check that the "
                "victim never said they did not want to complain.",
                "刑事訴訟法231条2項, 233条2項",
            )
        )
    return found


def standing(case: Case) -> Message | None:
    """The provision a complainant other than the victim complains under, or None (the victim
    complains, or no provision covers the complainant: P1 says why)."""
    complainant = case.police.complainant if case.police else None
    if complainant is None or case.victim.kind == "corporation":
        return None
    if complainant.relation == "legal_representative":
        return Message("刑事訴訟法231条1項", "Art. 231(1) of the Code of Criminal Procedure")
    died = complainant.victim_died_at
    if died is None:
        return None
    days = [day_of(post.posted_at) for post in case.posts]
    offenses = set(case.police.offenses) if case.police else set()
    parts = []
    if any(day < died for day in days):
        if "defamation" in offenses:
            parts.append(("233条2項", "Art. 233(2)"))
        elif complainant.relation in RELATIVES_231:
            parts.append(("231条2項", "Art. 231(2)"))
    if any(day >= died for day in days):
        parts.insert(0, ("233条1項", "Art. 233(1)"))
    if not parts:
        return None
    return Message(
        "刑事訴訟法" + "及び".join(ja for ja, _ in parts),
        " and ".join(en for _, en in parts) + " of the Code of Criminal Procedure",
    )


def p2_addressee(case: Case) -> list[Finding]:
    """P2: a complaint to the public prosecutor goes to a district public prosecutors office
    (○○地方検察庁, addressed to its 検事正) or its branch (…支部, to its 支部長)."""
    office = case.police.prosecutors_office if case.police else None
    if office is None:
        return []
    names = [t for t in texts(office)[:1] if not t.endswith(("地方検察庁", "支部"))]
    if not names:
        return []
    return [
        finding(
            "P2",
            "warning",
            "police.prosecutors_office",
            f"`police.prosecutors_office`（{names[0]}）は「○○地方検察庁」又は「○○地方検察庁○○支部」"
            "の形になっていません。告訴状は「○○地方検察庁検事正　殿」（支部は「…支部長　殿」）宛てに"
            "するため、検察庁の正式名称を略さずに記載してください（例: 東京地方検察庁）。",
            f"`police.prosecutors_office` ({names[0]}) is not of the form 「○○地方検察庁」 (a "
            "district public prosecutors office) or 「…支部」 (its branch). The complaint is "
            "addressed to the office's chief prosecutor (検事正), or to the head of the branch "
            "(支部長): give the office's full name (e.g. 東京地方検察庁).",
            "刑事訴訟法241条1項; 検察庁法",
        )
    ]


def _feelings(text: str, lang: Language) -> list[str]:
    if lang == "ja":
        return [w for w in FEELINGS["ja"] if w in text]
    return [w for w in FEELINGS["en"] if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)]


def p5_facts_only(case: Case) -> list[Finding]:
    """P5: the complaint's own 告訴事実 text (``[claim.criminal-complaint] facts_alleged``) states
    facts only; feelings belong in the background (brief §5.2)."""
    path, value = case.claim.wording(FILING_ID, "facts_alleged")
    if path == "claim.facts_alleged" or value is None:
        return []  # the complaint prints only its own wording
    found = {w for text in texts(value) for lang in FEELINGS for w in _feelings(text, lang)}
    words = [w for w in (*FEELINGS["ja"], *FEELINGS["en"]) if w in found]
    words = [w for w in words if not any(w != longer and w in longer for longer in words)]
    if not words:
        return []
    listed = "」「".join(words)
    return [
        finding(
            "P5",
            "warning",
            path,
            f"`{path}` に感情を表す語（「{listed}」）があります。告訴事実には犯罪事実（日時・場所・"
            "行為・結果）だけを書き、被害感情や経緯は `police.circumstances` や "
            f"`[claim.{FILING_ID}] harm`（告訴に至る経緯）に書いてください。",
            f"`{path}` contains words of feeling (“{'”, “'.join(words)}”). The facts of the "
            "offence state only the act (date, place, conduct, result); put the victim's feelings "
            f"and the background in `police.circumstances` or `[claim.{FILING_ID}] harm` (the "
            "background to the complaint).",
            "brief §5.2; [P] S-asari-9176",
        )
    ]


def p6_complaint_period(case: Case) -> list[Finding]:
    """P6: a complaint is barred 6 months after the complainant learned who the offender is (CCP
    235), counted under CCP 55 as ``docgen deadlines`` counts it; unknown → info."""
    police = case.police
    if police is None:
        return []
    if police.offender_known_at is None:
        return [
            finding(
                "P6",
                "info",
                "police.offender_known_at",
                "名誉毀損罪・侮辱罪は親告罪であり、告訴は犯人を知った日から6か月以内にする必要があります"
                "（刑事訴訟法235条）。犯人（発信者）を知った日が記載されていないため、告訴期間は計算して"
                "いません。開示決定等で発信者を知ったときは `police.offender_known_at` に記載してください。",
                "defamation and insult are prosecuted only on complaint, which must be filed within 6 "
                "months of learning who the offender is (CCP 235). The day the complainant learned it "
                "is not given, so no complaint period is computed; once the poster is known (e.g. "
                "from a disclosure order), set `police.offender_known_at`.",
                "刑事訴訟法235条; 刑法232条1項",
            )
        ]
    (deadline,) = complaint_period(case)
    if deadline.due >= case.document_date:
        return []
    known = police.offender_known_at
    online = deadline.certainty == "uncertain"
    head_ja = (
        f"`police.offender_known_at`（{known}）から6か月の告訴期間は{deadline.due}に満了しており、"
        f"書面の日付（{case.document_date}）には告訴できません（刑事訴訟法235条）。"
    )
    head_en = (
        f"the 6-month complaint period from `police.offender_known_at` ({known}) ended on "
        f"{deadline.due}, before the document date ({case.document_date}); the complaint is "
        "barred (CCP 235)."
    )
    if online:
        return [
            finding(
                "P6",
                "warning",
                "police.offender_known_at",
                head_ja.replace("告訴できません", "告訴できないおそれがあります")
                + "ただし投稿が現在も閲覧可能であり、掲載中は告訴期間が進行しないとする裁判例"
                "（大阪高判平成16年4月22日）があります。",
                head_en.replace("is barred", "may be barred")
                + " A post is still online, however, and the Osaka High Court (22 April 2004) "
                "held that the period does not run while it stays online.",
                "刑事訴訟法235条, 55条; 大阪高判平成16年4月22日 [U]",
            )
        ]
    return [
        finding(
            "P6",
            "error",
            "police.offender_known_at",
            head_ja,
            head_en,
            "刑事訴訟法235条, 55条",
        )
    ]


def p7_still_online(case: Case) -> list[Finding]:
    """P7: a post still online may keep the complaint period from starting (Osaka HC 2004-04-22);
    raised once the day the offender became known is given, since the period counts from it."""
    if case.police is None or case.police.offender_known_at is None:
        return []
    online = [p for p, post in posts(case) if post.still_online]
    if not online:
        return []
    path = f"{online[0]}.still_online"
    return [
        finding(
            "P7",
            "warning",
            path,
            f"`{path}`: 投稿が現在も閲覧可能です。サーバ上に掲載された投稿による名誉毀損は掲載が続く限り"
            "終了せず、告訴期間も進行しないとした裁判例（大阪高判平成16年4月22日）があり、告訴期間は"
            "まだ始まっていない可能性があります。ただし確立した扱いではないため、犯人を知った日から6か月"
            "以内に告訴することをお勧めします。",
            f"`{path}`: the post is still online. The Osaka High Court (22 April 2004) held that "
            "defamation by a post left on a server continues while it stays there, so the complaint "
            "period may not have started; this is not settled, so file within 6 months of learning "
            "who the offender is.",
            "刑事訴訟法235条; 大阪高判平成16年4月22日（平成15年(う)第1995号）",
        )
    ]


def p10_penalty_reminder(case: Case) -> list[Finding]:
    """P10 (info): the statutory penalty follows the act's date; the complaint does not state it.

    Raised for posts before the 拘禁刑 reform (2025-06-01), and for insults before the 2022-07-07
    increase, whose penalty was only detention or a petty fine."""
    offenses = set(case.police.offenses) if case.police else set()
    dated = sorted((day_of(post.posted_at), p) for p, post in posts(case))
    early = [(d, p) for d, p in dated if d < IMPRISONMENT_REFORM]
    if not offenses or not early:
        return []
    day, path = early[0]
    old_insult = "insult" in offenses and day < INSULT_AMENDED
    ja = (
        f"`{path}.posted_at`（{day}）は拘禁刑の導入（2025年6月1日）より前の行為です。告訴状は"
        "法定刑を記載していませんが、法定刑に触れるときは行為時の規定によってください（名誉毀損罪は"
        "行為時「3年以下の懲役若しくは禁錮又は50万円以下の罰金」"
    )
    en = (
        f"`{path}.posted_at` ({day}) predates the 拘禁刑 reform (1 June 2025). The complaint "
        "states no penalty; if you mention one, use the law at the time of the act (defamation "
        'then: "imprisonment with or without work for up to 3 years or a fine of up to '
        'JPY 500,000"'
    )
    if old_insult:
        ja += "、2022年7月7日より前の侮辱罪は「拘留又は科料」のみで公訴時効は1年）。"
        en += "; insult before 7 July 2022: only penal detention or a petty fine, with a 1-year "
        en += "limitation)."
    elif "insult" in offenses:
        ja += "、侮辱罪は「1年以下の懲役若しくは禁錮若しくは30万円以下の罰金又は拘留若しくは科料」）。"
        en += '; insult: "imprisonment with or without work for up to 1 year or a fine of up to '
        en += 'JPY 300,000, or penal detention or a petty fine").'
    else:
        ja += "）。"
        en += ")."
    return [finding("P10", "info", f"{path}.posted_at", ja, en, "刑法6条, 230条1項, 231条")]


def p12_accused_unknown(case: Case) -> list[Finding]:
    """P12 (info): the accused may be named 氏名不詳 until the disclosure identifies the poster."""
    offender = case.police.offender if case.police else None
    if offender is not None and offender.name is not None:
        return []
    return [
        finding(
            "P12",
            "info",
            "police.offender.name",
            "被告訴人の氏名が記載されていないため、告訴状では被告訴人を「氏名不詳」とし、使用アカウントで"
            "特定しています。氏名不詳のままでも告訴できます。発信者情報の開示で氏名・住所が判明したときは"
            "`police.offender.name`・`police.offender.address` に記載してください。",
            "no name of the accused is given, so the complaint names the accused as unknown "
            "(氏名不詳) and identifies them by the account used; a complaint may be filed so. Once "
            "the disclosure names the poster, set `police.offender.name` and "
            "`police.offender.address`.",
            "[C] S-asari-5209",
        )
    ]


RULES = (
    p1_complainant,
    p2_addressee,
    p5_facts_only,
    p6_complaint_period,
    p7_still_online,
    p10_penalty_reminder,
    p12_accused_unknown,
)
"""The complaint's own rules, in the brief's order."""
