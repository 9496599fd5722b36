"""Every deadline the facts of a case imply (brief §0, §3.2, §7.6–7.10; rules L1, P6, P8, S20,
C1), soonest first, with the days left as of ``case.document_date`` (never the clock).

Choices (design, not sourced):

- Log retention [P] is counted from each ``connections[i].at`` or, with no connections yet, from
  each ``posts[i].posted_at``: docomo and SoftBank 93 days, other mobile carriers 3 months, fixed
  ISPs 3 months (the shortest of the 3–6 months reported), unknown network 3 months (the shortest
  retention anyone reports: one early date rather than two).
- Complaint period (CCP 235) and objection suit (Art. 14(1)): the first day is excluded and a last
  day on a Saturday, Sunday, national holiday or 29 Dec–3 Jan moves to the next business day
  (CCP 55(3); Code of Civil Procedure 95(3)). National holidays for 2000–2099 come from the
  ``holidays`` package's Japan calendar (``law/calendar.py``), which follows amendments of the
  Holidays Act in new releases of the package.
- Prosecution limitation (CCP 250(2)): first day included, never moved (CCP 55(1), (3) provisos),
  counted from posting; "uncertain" while the post is online (continuing offence, disputed).
- Civil limitation (Civil Code 724) is counted from ``police.offender_known_at`` and never moved
  (the earliest reading of Civil Code 142).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from docgen.case.model import Case, Post
from docgen.case.resolve import access_network
from docgen.findings import Message
from docgen.law.calendar import ONE_DAY, add_months, next_business_day, period_end
from docgen.law.common import INSULT_AMENDED, day_of, online_after, posts
from docgen.law.rules.police import prosecution_period
from docgen.law.terms import OFFENSES

Certainty = Literal["statutory", "practice", "uncertain"]
DEADLINE_ALERT_DAYS = 14
"""``docgen check`` lists the deadlines already past or due within this many days."""
DECISION_KEY = "disclosure.decision_notified_at"
"""Proposed optional key: the day the disclosure-order decision was notified (Art. 14(1))."""
CERTAINTY: dict[str, Message] = {
    "statutory": Message("法定", "statutory"),
    "practice": Message("実務上の目安", "practice"),
    "uncertain": Message("不確定", "uncertain"),
}


@dataclass(frozen=True)
class Deadline:
    """One dated deadline; ``subject`` tells apart deadlines of one kind and path (the offence)."""

    kind: str
    due: date
    title: Message
    basis: str
    certainty: Certainty
    path: str
    note: Message | None = None
    subject: str = ""

    def days_left(self, today: date) -> int:
        """Days from ``today`` to the due date; negative once it has passed."""
        return (self.due - today).days


# ---------------------------------------------------------------------------------------------
# Business days: CCP 55(3) and Code of Civil Procedure 95(3)
# ---------------------------------------------------------------------------------------------


def complaint_period_end(known: date) -> date:
    """Last day of the 6 months after ``known`` (first day excluded), before CCP 55(3)."""
    return period_end(known + ONE_DAY, months=6)


def _moved(last: date, law: Message) -> tuple[date, Message | None]:
    due = next_business_day(last)
    if due == last:
        return last, None
    return due, Message(
        f"期間の末日 {last} が休日（土日・祝日・12月29日〜1月3日）に当たるため、"
        f"{due} に満了します（{law.ja}）。",
        f"The last day, {last}, is a closed day (weekend, national holiday or 29 Dec–3 Jan), "
        f"so the period ends on {due} ({law.en}).",
    )


def _join(*notes: Message | None) -> Message | None:
    given = [n for n in notes if n is not None]
    if not given:
        return None
    return Message("".join(n.ja for n in given), " ".join(n.en for n in given))


# ---------------------------------------------------------------------------------------------
# The deadlines, one function per kind
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Horizon:
    """How long an access provider is taken to keep its logs: ``days`` or ``months``."""

    label: Message
    basis: str
    note: Message | None = None
    days: int = 0
    months: int = 0

    def after(self, day: date) -> date:
        return add_months(day, self.months) + timedelta(days=self.days)


_3_MONTHS = Message("3か月", "3 months")
HORIZONS: dict[str, Horizon] = {
    "mobile-93": Horizon(
        Message("約93日", "about 93 days"), "[P] carrier practice (about 93 days)", days=93
    ),
    "mobile": Horizon(
        Message("約3か月", "about 3 months"), "[P] carrier practice (about 3 months)", months=3
    ),
    "fixed": Horizon(
        _3_MONTHS,
        "[P] ISP practice (3–6 months; earliest)",
        months=3,
        note=Message(
            "固定回線事業者の保存期間は3〜6か月程度（6か月以上の事業者もある）で、最短の3か月で示します。",
            "Fixed-line ISPs keep logs 3 to 6 months (some longer); the shortest is shown.",
        ),
    ),
    "unknown": Horizon(
        _3_MONTHS,
        "[P] practice (mobile ~3, fixed 3–6 months; earliest)",
        months=3,
        note=Message(
            "回線の種類が不明なため、携帯電話（約3か月）・固定回線（3〜6か月）を通じて最短の"
            "3か月で示します。",
            "The network is unknown: the shortest retention reported "
            "(mobile about 3 months, fixed 3 to 6 months) is shown.",
        ),
    ),
}
"""Log retention in practice (brief §7.9 [P], table from ~2015): the earliest lapse reported."""
_FROM_POST = Message(
    "接続記録が未開示のため投稿日時から数えています（ログイン型の場合、対象の通信は投稿より前の"
    "ことがあり、より早く消去され得ます）。",
    "No connection has been disclosed yet, so this counts from the post (for login-type "
    "records the connection may precede the post and lapse sooner).",
)
_ONLINE_COMPLAINT = Message(
    "投稿が現在も閲覧可能であり、掲載中は告訴期間が進行しないとする裁判例（大阪高判平成16年4月22日）"
    "があります。ここでは最も早い日を示します。",
    "A post is still online; the Osaka High Court (22 April 2004) held the period does not run "
    "while it stays online. The earliest date is shown.",
)
_STILL_ONLINE = Message(
    "投稿は現在も閲覧可能であり、継続犯として削除時から起算するかには争いがあります。"
    "投稿日から数えた最も早い日を示します。",
    "The post is still online; whether the period runs only from its removal (continuing "
    "offence) is disputed. The earliest date, from posting, is shown.",
)
_INSULT_ONLINE = Message(
    "投稿は2022年7月7日以後も閲覧可能であったため、継続犯とすれば改正後の3年の時効が"
    "適用される可能性があります。",
    "The post was online after 7 July 2022; if the offence is continuing, the amended "
    "3-year period may apply.",
)
_CIVIL_KNOWN = Message(
    "犯人を知った日から数えています。時効は損害賠償を請求できる程度に加害者を知った時（通常は"
    "氏名・住所の開示時）から進行するため、より遅いことがあります。完成猶予・更新は考慮していません。",
    "Counted from learning who the offender is; the period runs from knowing the perpetrator well "
    "enough to sue (usually the disclosure of name and address), which may be later. Suspension "
    "or renewal is not accounted for.",
)
_FINAL = Message(
    "期間内に異議の訴えがなければ決定は確定判決と同一の効力を有します（不服のある当事者が提起）。",
    "Without an objection suit by then, the decision has the effect of a final judgment (the "
    "dissatisfied party must sue).",
)


def retention_horizon(case: Case) -> Horizon:
    """The horizon for the access provider's network; unknown network: the shortest of all."""
    provider = case.access_provider
    net = access_network(provider)
    if net == "mobile" and provider is not None and provider.ref in {"docomo", "softbank"}:
        return HORIZONS["mobile-93"]
    return HORIZONS.get(net or "unknown", HORIZONS["unknown"])


def log_retention(case: Case) -> list[Deadline]:
    """L1: when the access provider may erase the log of each connection (or post)."""
    horizon = retention_horizon(case)
    note = horizon.note
    sources = [
        (f"connections[{i}]", f"connections[{i}].at", day_of(c.at))
        for i, c in enumerate(case.connections, start=1)
    ]
    if not sources:
        sources = [(p, f"{p}.posted_at", day_of(post.posted_at)) for p, post in posts(case)]
        note = _join(horizon.note, _FROM_POST)
    found = []
    for name, path, day in sources:
        title = Message(
            f"{name}（{day}）: アクセスプロバイダのログ保存期間の目安（{horizon.label.ja}）",
            f"{name} ({day}): access-provider log retention ({horizon.label.en})",
        )
        due = horizon.after(day)
        found.append(Deadline("log-retention", due, title, horizon.basis, "practice", path, note))
    return found


def complaint_period(case: Case) -> list[Deadline]:
    """P6: 6 months from learning who the offender is (CCP 235; counted under CCP 55)."""
    known = case.police.offender_known_at if case.police else None
    if known is None:
        return []
    due, moved = _moved(complaint_period_end(known), Message("刑事訴訟法55条3項", "CCP 55(3)"))
    online = any(post.still_online for post in case.posts)
    title = Message(
        f"告訴期間の満了（犯人を知った日 {known} から6か月）",
        f"End of the complaint period (6 months from learning the offender, {known})",
    )
    certainty: Certainty = "uncertain" if online else "statutory"
    note = _join(moved, _ONLINE_COMPLAINT if online else None)
    path = "police.offender_known_at"
    return [Deadline("complaint-period", due, title, "CCP 235; CCP 55", certainty, path, note)]


def _limitation_doubt(offense: str, post: Post, act: date) -> Message | None:
    if post.still_online:
        return _STILL_ONLINE
    if offense == "insult" and act < INSULT_AMENDED and online_after(post, INSULT_AMENDED):
        return _INSULT_ONLINE
    return None


def prosecution_limitation(case: Case) -> list[Deadline]:
    """P8: per post and offence, first day included, never moved (CCP 250(2), 253, 55)."""
    found = []
    for p, post in posts(case):
        act = day_of(post.posted_at)
        for offense in case.police.offenses if case.police else []:
            years, basis = prosecution_period(offense, act)
            doubt, name = _limitation_doubt(offense, post, act), OFFENSES[offense]
            title = Message(
                f"{p}: {name.ja}の公訴時効（{years}年）",
                f"{p}: limitation of prosecution, {name.en} ({years} years)",
            )
            certainty: Certainty = "uncertain" if doubt else "statutory"
            due, path = period_end(act, years=years), f"{p}.posted_at"
            kind = "prosecution-limitation"
            found.append(Deadline(kind, due, title, basis, certainty, path, doubt, offense))
    return found


def civil_limitation(case: Case) -> list[Deadline]:
    """C1: 3 years from knowing the perpetrator; 20 years from each post (Civil Code 724, 140)."""
    found = []
    known = case.police.offender_known_at if case.police else None
    if known is not None:
        title = Message(
            "損害賠償請求権の消滅時効（加害者を知った時から3年）",
            "Limitation of the damages claim (3 years from knowing the perpetrator)",
        )
        due, path = period_end(known + ONE_DAY, years=3), "police.offender_known_at"
        found.append(
            Deadline(
                "civil-limitation", due, title, "Civil Code 724(i)", "statutory", path, _CIVIL_KNOWN
            )
        )
    for p, post in posts(case):
        title = Message(
            f"{p}: 損害賠償請求権の消滅時効（不法行為の時から20年）",
            f"{p}: limitation of the damages claim (20 years from the tort)",
        )
        due = period_end(day_of(post.posted_at) + ONE_DAY, years=20)
        basis = "Civil Code 724(ii)"
        found.append(Deadline("civil-long-stop", due, title, basis, "statutory", f"{p}.posted_at"))
    return found


def objection_suit(case: Case) -> list[Deadline]:
    """S20: 1 month (不変期間) from notice of the disclosure-order decision (Art. 14(1))."""
    notified = case.disclosure.decision_notified_at
    if notified is None:
        return []
    law = Message("民事訴訟法95条3項", "Code of Civil Procedure 95(3)")
    due, moved = _moved(period_end(notified + ONE_DAY, months=1), law)
    title = Message(
        f"開示命令の決定に対する異議の訴えの提起期限（告知 {notified} から1か月）",
        f"Objection suit against the disclosure-order decision (1 month from notice, {notified})",
    )
    basis, note = "Art. 14(1); Code of Civil Procedure 95", _join(moved, _FINAL)
    return [Deadline("objection-suit", due, title, basis, "statutory", DECISION_KEY, note)]


# ---------------------------------------------------------------------------------------------
# The timeline and its formats
# ---------------------------------------------------------------------------------------------


def _natural(path: str) -> str:
    return re.sub(r"\d+", lambda m: m.group().zfill(6), path)


def deadlines(case: Case) -> list[Deadline]:
    """Every deadline, soonest first; ties by kind, then key path, then offence."""
    found = log_retention(case) + complaint_period(case) + prosecution_limitation(case)
    found += civil_limitation(case) + objection_suit(case)
    return sorted(found, key=lambda d: (d.due, d.kind, _natural(d.path), d.subject))


def urgent(
    case: Case, within_days: int = DEADLINE_ALERT_DAYS, as_of: date | None = None
) -> list[Deadline]:
    """The deadlines already past or at most ``within_days`` after ``as_of`` (a lawyer checks a
    matter today; the tests and reproducible CI pass a day), by default the document date."""
    today = as_of or case.document_date
    return [d for d in deadlines(case) if d.days_left(today) <= within_days]
