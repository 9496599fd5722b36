"""The civil claim against the identified poster (brief §7.8, §9.6, §12.3): what the demand letter
(通知書) and the complaint for damages (訴状) compute, and their rules C1–C10.

Computations (pure functions of the case):

- the amount claimed is the sum of ``damages.heads``; it is the value of the claim (訴額), delay
  damages being an incidental claim that does not count (民事訴訟法9条2項);
- delay damages run from ``damages.interest_from`` or the day of the first post (the tort), at
  ``damages.interest_rate`` or the statutory rate in force that day: 5 % before 2020-04-01, 3 %
  from then (Civil Code 404(2), 419(1)); the rate for acts from 2026-04-01 is unconfirmed [U]
  (404(3) reviews it every 3 years), so 3 % is kept with a warning (C5);
- the court: ``damages.court`` when given, else a summary court for ¥1.4 million or less and a
  district court above (裁判所法33条1項1号, 24条1号), in the place of ``case.court``; the division
  a disclosure case went to (東京地方裁判所民事第9部) is never the division of a damages suit, so a
  built-in court is named without it.

Choices (design, not sourced): C3 flags attorney fees above 15 % of the other heads (courts award
about 10 % [P]); C4 calls a payment deadline under 7 days short (the practice is 1–2 weeks [P]);
C1 warns 90 days before a limitation period ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from docgen.case.model import Case, Court, DamageKind
from docgen.case.registry import courts
from docgen.case.resolve import resolve_court
from docgen.findings import Finding, Message
from docgen.law.common import day_of, finding, posts
from docgen.law.deadlines import civil_limitation

DAMAGES_COMPLAINT = "damages-complaint"
"""The id of the complaint for damages (its court and its defendant are its own)."""
SUMMARY_COURT_LIMIT = 1_400_000
"""A summary court hears claims of ¥1.4 million or less (裁判所法33条1項1号)."""
SUMMARY_COURTS = {"tokyo": "tokyo-summary", "osaka": "osaka-summary"}
"""The summary court in the place of each built-in district court."""
RATE_REFORM = date(2020, 4, 1)
"""The 2017 Civil Code reform in force: the statutory rate falls from 5 % to 3 % (404(2))."""
RATE_REVIEWED = date(2026, 4, 1)
"""The first 3-year review of the rate (404(3)); the rate from this day is unconfirmed [U]."""
ATTORNEY_SHARE = 0.15
"""C3: attorney fees above this share of the other heads are flagged (courts award ~10 % [P])."""
SHORT_NOTICE_DAYS = 7
LIMITATION_WARNING_DAYS = 90

HEAD_LABELS: dict[DamageKind, Message] = {
    "distress": Message("慰謝料", "Compensation for emotional distress"),
    "investigation": Message("調査費用", "Investigation costs"),
    "attorney": Message("弁護士費用", "Attorney's fees"),
    "other": Message("その他の損害", "Other damage"),
}
"""The heads of damage as the letter and the complaint name them (an ``other`` head by its title)."""


def claim_total(case: Case) -> int:
    """The principal claimed: the sum of the heads (0 without ``[damages]``)."""
    return sum(head.amount for head in case.damages.heads) if case.damages else 0


def tort_day(case: Case) -> date | None:
    """The day of the first post in Japan: the tort the delay damages run from."""
    days = [day_of(post.posted_at) for post in case.posts]
    return min(days) if days else None


def statutory_rate(day: date) -> int:
    """The statutory rate in percent for a tort committed on ``day`` (Civil Code 404(2))."""
    return 5 if day < RATE_REFORM else 3


def delay_rate(case: Case) -> float | None:
    """``damages.interest_rate``, else the statutory rate on the day of the tort."""
    if case.damages is not None and case.damages.interest_rate is not None:
        return case.damages.interest_rate
    day = tort_day(case)
    return None if day is None else statutory_rate(day)


def delay_from(case: Case) -> date | None:
    """``damages.interest_from``, else the day of the first post."""
    if case.damages is not None and case.damages.interest_from is not None:
        return case.damages.interest_from
    return tort_day(case)


@dataclass(frozen=True)
class CourtChoice:
    """The court the complaint goes to and how it was chosen."""

    court: Court | None
    summary: bool
    """It is a summary court (簡易裁判所)."""
    given: bool
    """``damages.court`` names it; otherwise chosen from the amount and ``case.court``."""


def _without_division(court: Court) -> Court:
    return court.model_copy(update={"division": None})


def _is_summary(given: str | Court | None, court: Court | None) -> bool:
    if isinstance(given, str) and given.endswith("-summary"):
        return True
    names = [court.name] if court and isinstance(court.name, str) else []
    if court and not isinstance(court.name, str):
        names = [n for n in (court.name.ja, court.name.en) if n]
    return any("簡易裁判所" in n or "Summary Court" in n for n in names)


def complaint_court(case: Case) -> CourtChoice:
    """``damages.court``, else the summary or district court for the amount in the place of
    ``case.court`` (None when no such court is known); a built-in court without its division."""
    given = case.damages.court if case.damages else None
    if given is not None:
        court = resolve_court(given)
        if court is not None and isinstance(given, str):
            court = _without_division(court)
        return CourtChoice(court, _is_summary(given, court), True)
    place = case.case.court
    if claim_total(case) > SUMMARY_COURT_LIMIT:
        district = resolve_court(place)
        return CourtChoice(district and _without_division(district), False, False)
    ref = SUMMARY_COURTS.get(place) if isinstance(place, str) else None
    return CourtChoice(courts().get(ref) if ref else None, True, False)


def _names(court: Court | None) -> Message:
    if court is None:
        return Message("", "")
    name = court.name
    if isinstance(name, str):
        return Message(name, name)
    return Message(name.ja or name.en or "", name.en or name.ja or "")


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------


def c1_limitation(case: Case) -> list[Finding]:
    """C1: the damages claim is time-barred 3 years after the victim knew the damage and the
    perpetrator, and 20 years after the tort (Civil Code 724, counted as ``docgen deadlines``)."""
    known = case.police.offender_known_at if case.police else None
    found = []
    if known is None:
        found.append(
            finding(
                "C1",
                "info",
                "police.offender_known_at",
                "発信者（加害者）を知った日（`police.offender_known_at`）が記載されていないため、損害賠償"
                "請求権の3年の消滅時効（民法724条1号）を計算していません。通常は開示により氏名・住所が"
                "判明した日から進行します。",
                "the day the poster (the perpetrator) became known (`police.offender_known_at`) is "
                "not given, so the 3-year limitation of the damages claim (Civil Code 724(i)) is "
                "not computed; it usually runs from the disclosure of the name and address.",
                "民法724条",
            )
        )
    today = case.document_date
    for deadline in civil_limitation(case):
        left = deadline.days_left(today)
        if left > LIMITATION_WARNING_DAYS:
            continue
        lapsed = left < 0
        years = "3年" if deadline.kind == "civil-limitation" else "20年"
        years_en = "3-year" if deadline.kind == "civil-limitation" else "20-year"
        state_ja = "経過しています" if lapsed else "迫っています"
        state_en = "has passed" if lapsed else "is near"
        found.append(
            finding(
                "C1",
                "warning",
                deadline.path,
                f"損害賠償請求権の{years}の消滅時効の期間の末日（{deadline.due}）が{state_ja}（書面の日付"
                f" {today}）。時効の完成猶予・更新（催告による6か月の猶予、民法150条）や援用の有無を"
                "確認してください。",
                f"the last day of the {years_en} limitation of the damages claim ({deadline.due}) "
                f"{state_en} (document date {today}). Check any suspension or renewal (a demand "
                "suspends completion for 6 months, Civil Code 150) and whether it is invoked.",
                "民法724条, 150条",
            )
        )
    return found


def c2_other_head_titled(case: Case) -> list[Finding]:
    """C2: an ``other`` head needs a title, or the letter and the complaint cannot name it."""
    heads = case.damages.heads if case.damages else []
    return [
        finding(
            "C2",
            "error",
            f"damages.heads[{i}].title",
            f'`damages.heads[{i}]` は kind = "other" ですが、費目の名称（`title`）がありません。'
            "通知書・訴状に損害の費目として表示する名称を記載してください。",
            f'`damages.heads[{i}]` is kind = "other" but has no `title`: give the name of the '
            "head the letter and the complaint show.",
            "民法709条; 民事訴訟規則53条1項",
        )
        for i, head in enumerate(heads, start=1)
        if head.kind == "other" and head.title is None
    ]


def c3_attorney_fee_share(case: Case) -> list[Finding]:
    """C3 (info) [P]: attorney fees are customarily awarded at about 10 % of the other heads."""
    heads = case.damages.heads if case.damages else []
    fees = sum(h.amount for h in heads if h.kind == "attorney")
    others = sum(h.amount for h in heads if h.kind != "attorney")
    if not fees or not others or fees <= others * ATTORNEY_SHARE:
        return []
    index = next(i for i, h in enumerate(heads, start=1) if h.kind == "attorney")
    share = round(100 * fees / others)
    return [
        finding(
            "C3",
            "info",
            f"damages.heads[{index}].amount",
            f"弁護士費用（{fees:,}円）が他の損害の合計（{others:,}円）の約{share}%です。裁判所が不法行為"
            "と相当因果関係のある損害として認める弁護士費用は、認容額の1割程度とされることが多いため、"
            "請求額の根拠を確認してください。",
            f"the attorney's fees (JPY {fees:,}) are about {share} % of the other heads "
            f"(JPY {others:,}); courts usually award about 10 % of the damages recognised as "
            "attorney's fees caused by the tort, so check the basis of the amount.",
            "[P] brief §12.3",
        )
    ]


def c4_payment_deadline(case: Case) -> list[Finding]:
    """C4: the demand letter's payment deadline lies after its date, commonly 1–2 weeks [P]."""
    pay_by = case.damages.pay_by if case.damages else None
    if pay_by is None:
        return []
    today = case.document_date
    if pay_by <= today:
        return [
            finding(
                "C4",
                "error",
                "damages.pay_by",
                f"支払期限（`damages.pay_by` {pay_by}）が通知書の日付（{today}）以前です。通知書の到達後、"
                "支払に必要な期間をおいた日を指定してください。",
                f"the payment deadline (`damages.pay_by`, {pay_by}) is not after the letter's date "
                f"({today}); set a day that leaves time to pay once the letter arrives.",
                "民法412条3項; [P] brief §12.3",
            )
        ]
    if pay_by - today < timedelta(days=SHORT_NOTICE_DAYS):
        days = (pay_by - today).days
        return [
            finding(
                "C4",
                "info",
                "damages.pay_by",
                f"支払期限（{pay_by}）が通知書の日付から{days}日後です。内容証明郵便の到達に数日かかる"
                "ため、実務では1〜2週間程度の期限を設けることが多いです。",
                f"the payment deadline ({pay_by}) is {days} days after the letter's date; a "
                "registered letter takes a few days to arrive, and 1–2 weeks is usual.",
                "[P] brief §12.3",
            )
        ]
    return []


def c5_delay_rate(case: Case) -> list[Finding]:
    """C5: the statutory rate for acts from 2026-04-01 is unconfirmed [U]; posts on both sides
    of 2020-04-01 fall under different rates."""
    damages = case.damages
    if damages is None or damages.interest_rate is not None:
        return []
    days = sorted((day_of(post.posted_at), path) for path, post in posts(case))
    late = [(d, p) for d, p in days if d >= RATE_REVIEWED]
    if late:
        day, path = late[0]
        return [
            finding(
                "C5",
                "warning",
                "damages.interest_rate",
                f"`{path}.posted_at`（{day}）は2026年4月1日以後の不法行為です。法定利率は3年ごとに"
                "見直され（民法404条3項）、同日以後の利率は未確認のため、遅延損害金を年3%として"
                "います。利率を確認して `damages.interest_rate` に記載してください。",
                f"`{path}.posted_at` ({day}) is a tort committed on or after 1 April 2026. The "
                "statutory rate is reviewed every 3 years (Civil Code 404(3)) and the rate from "
                "that day is unconfirmed, so delay damages are claimed at 3 % a year; confirm "
                "the rate and set `damages.interest_rate`.",
                "民法404条 [U]",
            )
        ]
    if days and days[0][0] < RATE_REFORM <= days[-1][0]:
        return [
            finding(
                "C5",
                "info",
                "damages.interest_rate",
                "投稿が2020年4月1日の前後にまたがります。遅延損害金の利率は不法行為の時の法定利率"
                "（同日前は年5%、以後は年3%）によるため、最初の投稿の日の利率で一括して請求しています。"
                "投稿ごとに分けて請求するときは訴状を修正してください。",
                "the posts fall on both sides of 1 April 2020; delay damages follow the rate at "
                "the time of each tort (5 % before, 3 % from then), and the complaint claims the "
                "rate of the first post for the whole sum. Split the claim by post if needed.",
                "民法404条, 419条1項; 附則17条3項",
            )
        ]
    return []


def c6_court(case: Case) -> list[Finding]:
    """C6: which court the complaint goes to and why; a summary court above ¥1.4 million."""
    if case.damages is None or not case.damages.heads:
        return []
    choice, total = complaint_court(case), claim_total(case)
    name = _names(choice.court)
    above = total > SUMMARY_COURT_LIMIT
    if choice.given:
        if choice.summary and above:
            return [
                finding(
                    "C6",
                    "warning",
                    "damages.court",
                    f"訴額（{total:,}円）が140万円を超えるのに、`damages.court` が簡易裁判所"
                    f"（{name.ja}）です。簡易裁判所の事物管轄は140万円以下の請求に限られます"
                    "（裁判所法33条1項1号）。",
                    f"the value of the claim (JPY {total:,}) exceeds JPY 1.4 million, but "
                    f"`damages.court` is a summary court ({name.en}); summary courts hear only "
                    "claims of JPY 1.4 million or less (Court Act 33(1)(i)).",
                    "裁判所法33条1項1号, 24条1号; 民事訴訟法16条1項",
                )
            ]
        return []
    if choice.court is None:
        return []  # the requirement names damages.court
    kind_ja = "140万円以下であるため簡易裁判所" if not above else "140万円を超えるため地方裁判所"
    kind_en = (
        "is JPY 1.4 million or less, so a summary court"
        if not above
        else "exceeds JPY 1.4 million, so a district court"
    )
    return [
        finding(
            "C6",
            "info",
            "damages.court",
            f"訴額（請求額の合計 {total:,}円）が{kind_ja}とし、`case.court` の所在地から{name.ja}を"
            "提出先としました（裁判所法33条1項1号、24条1号）。土地管轄は被告の住所地（民事訴訟法4条）"
            "又は不法行為地（同法5条9号。被害者の住所地を含むと解されています。）にあります。"
            "別の裁判所に提起するときは `damages.court` を指定してください。",
            f"the value of the claim (the sum claimed, JPY {total:,}) {kind_en} was chosen, in "
            f"the place of `case.court`: {name.en} (Court Act 33(1)(i), 24(i)). Venue lies at the "
            "defendant's domicile (Code of Civil Procedure 4) or the place of the tort (5(ix), "
            "read as including the victim's domicile); set `damages.court` to file elsewhere.",
            "裁判所法33条1項1号, 24条1号; 民事訴訟法4条, 5条9号 [P]",
        )
    ]


def c7_corporate_honor_feeling(case: Case) -> list[Finding]:
    """C7 (info): a corporation has no sense of honour (名誉感情); the claim leaves it out."""
    if case.victim.kind != "corporation" or "honor_feeling" not in case.claim.rights:
        return []
    return [
        finding(
            "C7",
            "info",
            "claim.rights",
            "被害者が法人のため、名誉感情の侵害は主張していません（法人には名誉感情が認められない"
            "とされています）。名誉権・信用の侵害として主張しています。",
            "the victim is a corporation, so no injury to its sense of honour is pleaded (courts "
            "deny a company a sense of honour); the claim rests on its reputation and credit.",
            "brief §12.4",
        )
    ]


def c8_head_basis(case: Case) -> list[Finding]:
    """C8 (info): the complaint states how each head is reckoned (民事訴訟規則53条1項)."""
    heads = case.damages.heads if case.damages else []
    return [
        finding(
            "C8",
            "info",
            f"damages.heads[{i}].basis",
            f"`damages.heads[{i}]`（{HEAD_LABELS[head.kind].ja}）に金額の根拠（`basis`）がありません。"
            "訴状の請求の原因には、損害ごとにその額を基礎付ける事実を記載し、証拠を引用してください。",
            f"`damages.heads[{i}]` ({HEAD_LABELS[head.kind].en.lower()}) has no `basis`; the "
            "statement of claim gives the facts behind each amount, with the evidence.",
            "民事訴訟規則53条1項",
        )
        for i, head in enumerate(heads, start=1)
        if head.basis is None
    ]


def c9_interest_start(case: Case) -> list[Finding]:
    """C9: delay damages on a tort run from the tort at the earliest, not before the first post."""
    damages, first = case.damages, tort_day(case)
    if damages is None or damages.interest_from is None or first is None:
        return []
    if damages.interest_from >= first:
        return []
    return [
        finding(
            "C9",
            "warning",
            "damages.interest_from",
            f"遅延損害金の起算日（`damages.interest_from` {damages.interest_from}）が最初の投稿の日"
            f"（{first}）より前です。不法行為に基づく損害賠償債務は不法行為の時から遅滞に陥るため、"
            "起算日は投稿の日以後としてください。",
            f"delay damages are to run from {damages.interest_from} (`damages.interest_from`), "
            f"before the first post ({first}); a tort debt is in default from the tort, so "
            "start on or after the day of the post.",
            "最判昭和37年9月4日; 民法412条",
        )
    ]


def c10_apology_not_sued_for(case: Case) -> list[Finding]:
    """C10 (info): the complaint claims money only; an apology (Art. 723) must be drafted."""
    if case.damages is None or case.damages.apology is None:
        return []
    return [
        finding(
            "C10",
            "info",
            "damages.apology",
            "`damages.apology` の謝罪は通知書では求めていますが、訴状は金銭の支払のみを請求しています。"
            "名誉回復処分（民法723条）を求めるときは、謝罪広告の媒体・文面・掲載方法を特定して請求の"
            "趣旨に加えてください。",
            "the demand letter asks for the apology of `damages.apology`, but the complaint "
            "claims money only; to seek a measure restoring reputation (Civil Code 723), add "
            "the apology's medium, text and manner of publication to the relief sought.",
            "民法723条",
        )
    ]


def c11_concealed_plaintiff(case: Case) -> list[Finding]:
    """C11: a complaint states the plaintiff's address; one kept from the poster needs the court's
    order keeping it secret (民訴法133条), applied for with the complaint."""
    if not case.victim.conceal_address:
        return []
    return [
        finding(
            "C11",
            "warning",
            "victim.conceal_address",
            "訴状には原告の住所を記載します（民訴法134条2項1号、民訴規則2条1項1号）。"
            "住所を被告に知られないようにするには、訴状とともに秘匿決定の申立て（民訴法133条1項）を"
            "し、秘匿事項届出書面を提出して、訴状には代替住所を記載します。当事者目録は住所を空けて"
            "います。",
            "a complaint states the plaintiff's address (Code of Civil Procedure 134(2)(i), Rules "
            "2(1)(i)); to keep it from the defendant, apply with the complaint for an order "
            "keeping it secret (Code of Civil Procedure 133(1)), file the address separately, and "
            "give the substitute address in the complaint. The List of Parties leaves the "
            "address blank.",
            "民訴法133条・134条2項1号 [P]",
        )
    ]


DEMAND_LETTER_RULES = (
    c1_limitation,
    c2_other_head_titled,
    c3_attorney_fee_share,
    c4_payment_deadline,
    c7_corporate_honor_feeling,
)
COMPLAINT_RULES = (
    c1_limitation,
    c2_other_head_titled,
    c3_attorney_fee_share,
    c5_delay_rate,
    c6_court,
    c7_corporate_honor_feeling,
    c8_head_basis,
    c9_interest_start,
    c10_apology_not_sued_for,
    c11_concealed_plaintiff,
)
