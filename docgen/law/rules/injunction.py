"""Rules of the deletion injunction (投稿記事削除仮処分命令申立書), brief §2.2 and §9.2 D8–D16.

A provisional disposition is granted on a prima facie showing (疎明) of the right to be preserved and
of the necessity of preservation (民事保全法13条); the petition states each fact needing proof with
its evidence (民事保全規則13条2項). The rules read the claim as this filing words it
(``[claim.deletion-injunction]`` over ``[claim]``) and look only at the posts still online, which
are the posts it asks to have deleted. Pure functions of the case; "today" is the document date.
"""

from __future__ import annotations

from docgen.case.markup import cited_ids
from docgen.case.model import CLAIM_TEXTS, Case, ClaimText, Post, Right
from docgen.findings import Finding
from docgen.law.calendar import add_months
from docgen.law.common import court_is_tokyo, day_of, finding, is_foreign_platform, texts

FILING = "deletion-injunction"
DELAY_MONTHS = 6
"""A delay after which the necessity of an urgent deletion may be questioned [P] (S-todasogo)."""

DEFAMATION_ELEMENTS: tuple[tuple[ClaimText, str, str], ...] = (
    ("identification", "同定可能性（投稿が債権者を指すと読めること）", "identifiability"),
    ("facts_alleged", "摘示事実", "the facts the posts assert"),
    ("harm", "社会的評価の低下", "the lowering of social standing"),
    (
        "no_justification",
        "違法性阻却事由の不存在（公共の利害に関する事実でないこと、公益目的でないこと、真実でないこと）",
        "the absence of justification (not a matter of public interest, not for the public "
        "benefit, untrue)",
    ),
)
FALSITY = ("真実ではな", "真実でな", "虚偽", "事実無根", "untrue", "not true", "false", "baseless")
"""Words by which a plea says the facts asserted are untrue (not 「事実でない」: 「公共の利害に関する
事実でない」 denies public interest, not truth)."""
TOLERABLE_LIMIT = (
    "社会通念上",
    "許される限度",
    "許容される限度",
    "受忍限度",
    "tolerable",
    "social norms",
)
"""Words by which a plea says an insult exceeds the limit society tolerates (SC 2010-04-13)."""


def _posts(case: Case) -> list[tuple[int, Post]]:
    """(number in ``posts``, post) for the posts still online: those the petition concerns."""
    return [(i, p) for i, p in enumerate(case.posts, start=1) if p.still_online is not False]


def _cited(case: Case) -> set[str]:
    """The evidence ids the petition cites: its posts' evidence and the ids its prose cites."""
    cited = {ref for _, post in _posts(case) for ref in post.evidence}
    for key in CLAIM_TEXTS:
        for text in texts(case.claim.wording(FILING, key)[1]):
            cited |= set(cited_ids(text))
    return cited


def d8_posts_cite_evidence(case: Case) -> list[Finding]:
    """D8: each post to be deleted is shown by evidence (its existence, URL and content)."""
    return [
        finding(
            "D8",
            "error",
            f"posts[{index}].evidence",
            f"`posts[{index}]` の存在と内容を疎明する資料（URLが表示された画面の写し等）がありません。"
            "`evidence`（[[evidence]] の id）を記載してください。申立書には、疎明を要する事実ごとに"
            "証拠を記載しなければなりません。",
            f"nothing shows that `posts[{index}]` exists and what it says (a printout with its URL "
            "visible): give its `evidence` (ids of [[evidence]]). The petition must state the "
            "evidence for each fact needing proof.",
            "民事保全規則13条2項",
        )
        for index, post in _posts(case)
        if not post.evidence
    ]


def d9_defamation_elements(case: Case) -> list[Finding]:
    """D9: a defamation theory pleads identifiability, the facts asserted, the lowered standing
    and the absence of justification (error naming each missing key)."""
    if Right.reputation not in case.claim.rights:
        return []
    found = []
    for key, ja, en in DEFAMATION_ELEMENTS:
        path, value = case.claim.wording(FILING, key)
        if value is not None:
            continue
        found.append(
            finding(
                "D9",
                "error",
                path,
                f"名誉権侵害を理由に削除を求めるには、{ja}を主張する必要があります。`{path}`"
                f"（又は `claim.{FILING}.{key}`）に記載してください。",
                f"a deletion for infringed reputation must plead {en}: write `{path}` (or "
                f"`claim.{FILING}.{key}`).",
                "Penal Code 230, 230-2 (by analogy); S-endo-note, S-kajo-toc13",
            )
        )
    return found


def d10_statement_for_falsity(case: Case) -> list[Finding]:
    """D10: a plea that the facts are untrue comes with the obligee's 陳述書 (kind = "statement")."""
    path, value = case.claim.wording(FILING, "no_justification")
    pleaded = [t for t in texts(value) if any(word in t.lower() for word in FALSITY)]
    if not pleaded:
        return []
    cited = _cited(case)
    if any(e.kind == "statement" and e.id in cited for e in case.evidence):
        return []
    uncited = [e.id for e in case.evidence if e.kind == "statement"]
    if uncited:
        ja = (
            f'陳述書（[[evidence]] id = "{uncited[0]}"）がありますが、申立書のどこにも引用されていないため'
            f"疎明方法に掲げられません。`{path}` などで `{{ev:{uncited[0]}}}` と引用してください。"
        )
        en = (
            f'the written statement ([[evidence]] id = "{uncited[0]}") is cited nowhere in the '
            f"petition, so it is not offered: cite it as `{{ev:{uncited[0]}}}` in `{path}` or "
            "another plea."
        )
    else:
        ja = '[[evidence]] に kind = "statement" の陳述書を加え、`{ev:…}` で引用してください。'
        en = 'add a written statement ([[evidence]] with kind = "statement") and cite it with `{ev:…}`.'
    return [
        finding(
            "D10",
            "warning",
            path,
            f"`{path}` は摘示事実が真実でないと主張していますが、それを疎明する債権者の陳述書がありません。{ja}",
            f"`{path}` pleads that the facts asserted are untrue, but no written statement of the "
            f"obligee shows it: {en}",
            "F-1 [P]",
        )
    ]


def d11_insult_exceeds_tolerable_limit(case: Case) -> list[Finding]:
    """D11: on an insult theory alone, the plea says why the insult exceeds what society
    tolerates (最高裁平成22年4月13日第三小法廷判決)."""
    rights = case.claim.rights
    if Right.honor_feeling not in rights or Right.reputation in rights:
        return []
    if case.victim.kind == "corporation":
        return []  # a company has no sense of honour (S1 says so)
    path, value = case.claim.wording(FILING, "harm")
    given = texts(value)
    if given and all(any(word in t for word in TOLERABLE_LIMIT) for t in given):
        return []
    return [
        finding(
            "D11",
            "warning",
            path,
            f"名誉感情の侵害だけを理由に削除を求める場合、侮辱が社会通念上許される限度を超えることを具体的に"
            f"主張する必要があります。`{path}` にその理由（表現の内容、執拗さ、回数、文脈等）を記載してください"
            "（申立書は結論としてその旨を述べますが、根拠となる事情は事件ごとの主張です）。",
            f"a deletion for an injured sense of honour alone must show why the insult exceeds the "
            f"limit society tolerates: give the reasons (the words, their persistence, number, "
            f"context) in `{path}` (the petition states the conclusion; the circumstances behind "
            "it are the case's to plead).",
            "最高裁平成22年4月13日第三小法廷判決 (SC 2010-04-13)",
        )
    ]


def d13_certificate_of_foreign_obligor(case: Case) -> list[Finding]:
    """D13 (info): a foreign obligor's certificate goes with a Japanese translation whose names
    and titles match the List of Parties (the petition lists both)."""
    if not is_foreign_platform(case):
        return []
    return [
        finding(
            "D13",
            "info",
            "platform",
            "債務者は外国法人です。申立書は附属書類に資格証明書（債務者）とその訳文を掲げています。訳文の名称、"
            "代表者の資格・氏名を当事者目録の記載と一致させてください。",
            "the obligor is a foreign company: the petition lists its certificate of corporate "
            "status with a Japanese translation among the annexed documents; the names and titles "
            "in the translation must match the List of Parties.",
            "[C] S-kanda-touki, S-pronama",
        )
    ]


def d14_court(case: Case) -> list[Finding]:
    """D14: the court is that of the obligor's seat or of the place of the tort, which includes
    the victim's domicile; provisional cases allow no joinder jurisdiction, so outside Tokyo a
    deletion and an IP-disclosure provisional disposition are filed separately."""
    if case.case.court is None:
        return []
    found = [
        finding(
            "D14",
            "info",
            "case.court",
            "削除仮処分の管轄は、本案の管轄裁判所、すなわち債務者の本店所在地等を管轄する地方裁判所のほか、"
            "不法行為地（債権者の住所地を含む。）を管轄する地方裁判所にあります。`case.court` がこれに当たる"
            "ことを確認してください。",
            "the deletion injunction belongs to the court of the merits: the district court of the "
            "obligor's seat, or that of the place of the tort, which includes the obligee's "
            "domicile; check that `case.court` is one of them.",
            "民事保全法12条1項; 民事訴訟法4条, 5条9号; [C] S-touki-kankatsu",
        )
    ]
    if case.disclosure.route == "provisional" and not court_is_tokyo(case):
        found.append(
            finding(
                "D14",
                "warning",
                "case.court",
                "仮処分事件には併合請求の管轄がないため、東京地方裁判所以外に削除仮処分を申し立てる場合、発信者"
                "情報開示仮処分を同じ申立書で求めることはできず、開示仮処分は管轄のある裁判所（東京地方裁判所等）"
                "に別に申し立てる必要があります。",
                "provisional cases allow no joinder jurisdiction: filed outside the Tokyo District "
                "Court, the deletion injunction cannot carry the IP-disclosure provisional "
                "disposition with it, which must be filed separately with a competent court (such "
                "as Tokyo).",
                "[C] S-touki-kankatsu, S-touki-heigo",
            )
        )
    return found


def d15_delay_since_posting(case: Case) -> list[Finding]:
    """D15: when even the newest post is more than six months old, urgency may be doubted."""
    current = _posts(case)
    if not current:
        return []
    index, newest = max(current, key=lambda item: item[1].posted_at)
    posted = day_of(newest.posted_at)
    if add_months(posted, DELAY_MONTHS) >= case.document_date:
        return []
    path = f"claim.{FILING}.necessity"
    return [
        finding(
            "D15",
            "warning",
            path,
            f"最も新しい投稿（`posts[{index}]`、{posted.isoformat()}）から書面の日付まで{DELAY_MONTHS}か月以上が"
            "経過しています。投稿から長期間が経過していると、本案判決を待てないほどの緊急性（保全の必要性）を"
            f"疑われることがあります。`{path}` に、投稿を知った時期や申立てまでの経緯、現在も続く被害を"
            "記載してください。",
            f"the newest post (`posts[{index}]`, {posted.isoformat()}) is more than "
            f"{DELAY_MONTHS} months old by the document date; after a long delay the court may "
            f"doubt the urgency (the necessity of preservation): explain in `{path}` when the "
            "obligee learned of the posts, why the petition comes now and the harm that continues.",
            "[P] S-todasogo",
        )
    ]


def d16_offline_posts_left_out(case: Case) -> list[Finding]:
    """D16 (info): a post already offline is not asked to be deleted."""
    return [
        finding(
            "D16",
            "info",
            f"posts[{index}].still_online",
            f"`posts[{index}]` は既に削除されているため（still_online = false）、削除仮処分の投稿記事目録には"
            "記載しません。",
            f"`posts[{index}]` is already offline (still_online = false), so the deletion "
            "injunction's List of Posts leaves it out.",
            "logic",
        )
        for index, post in enumerate(case.posts, start=1)
        if post.still_online is False
    ]


INJUNCTION_RULES = (
    d8_posts_cite_evidence,
    d9_defamation_elements,
    d10_statement_for_falsity,
    d11_insult_exceeds_tolerable_limit,
    d13_certificate_of_foreign_obligor,
    d14_court,
    d15_delay_since_posting,
    d16_offline_posts_left_out,
)
"""The rules of this module, in the order of the brief."""
