"""Rules about what a filing must plead, so that no required element vanishes silently.

- X2: every 当事者目録 names the respondent's representative (非訟事件手続法43条; 民事保全規則13条1項1号);
- S6: the 補充性 plea names the limb of Art. 5(1)(iii) relied on and does not contradict the items;
- L4: the steps a provisional disposition pleads (the platform's disclosure, the WHOIS lookup) cite
  their 疎明 (民事保全規則13条2項);
- P13: a 被害届 is not a complaint, and says what the victim wants about punishment.
"""

from __future__ import annotations

from docgen.case.model import LOGIN_ITEMS, Case, Item
from docgen.case.registry import foreign_providers
from docgen.case.resolve import resolve_court, resolve_provider
from docgen.findings import Finding
from docgen.law.common import finding, texts

ACCOUNT_IDENTITY = frozenset({Item.name, Item.address})
POSTING_ITEMS = frozenset({Item.ip, Item.port, Item.mobile_id, Item.sim_id, Item.posted_at_time})


def x2_representative(case: Case, key: str) -> list[Finding]:
    """X2: the respondent (``platform`` or ``access_provider``) and its representative."""
    given = getattr(case, key)
    provider = resolve_provider(given)
    if provider is None:
        return []
    missing = []
    if provider.representative is None:
        missing.append(("representative", "代表者の資格・氏名", "representative"))
    if provider.ref in foreign_providers() and provider.japan_representative is None:
        missing.append(("japan_representative", "日本における代表者", "representative in Japan"))
    return [
        finding(
            "X2",
            "warning",
            f"{key}.{field}",
            f"相手方の{ja}が記載されていないため、当事者目録に【{ja}】の空欄が入ります。登記事項証明書の"
            f"とおりに `{key}.{field}` を記載してください（記載がないと補正を命じられます）。",
            f"the respondent's {en} is not given, so the List of Parties shows a blank "
            f"[{en}]; write `{key}.{field}` as the certificate of registered matters states it "
            "(the court orders a correction otherwise).",
            "非訟事件手続法43条; 民事保全規則13条1項1号",
        )
        for field, ja, en in missing
    ]


def x2_platform_representative(case: Case) -> list[Finding]:
    return x2_representative(case, "platform")


def x2_access_provider_representative(case: Case) -> list[Finding]:
    return x2_representative(case, "access_provider")


def s6_supplementarity_ground(case: Case) -> list[Finding]:
    """S6: login-type items need the limb of Art. 5(1)(iii) relied on, consistent with the items."""
    disclosure = case.disclosure
    if not disclosure.asks_login_items:
        return []
    ground = disclosure.supplementarity_ground
    if ground is None:
        return [
            finding(
                "S6",
                "error",
                "disclosure.supplementarity_ground",
                "ログイン型の情報（特定発信者情報）を求めるには、法5条1項3号のイ・ロ・ハのどれによるかを"
                '`disclosure.supplementarity_ground`（"i"・"ro"・"ha"）で示してください。',
                "login-type items (specified sender information) need the limb of Art. 5(1)(iii) "
                'relied on: set `disclosure.supplementarity_ground` to "i", "ro" or "ha" ((a), (b), '
                "(c)).",
                "Art. 5(1)(iii)",
            )
        ]
    asked = set(disclosure.items)
    if ground == "i" and asked - LOGIN_ITEMS:
        return [_contradiction("イ", "何も保有していない", "holds no other sender information")]
    if ground == "ro" and asked & ACCOUNT_IDENTITY:
        return [_contradiction("ロ", "氏名・住所を保有していない", "holds no name or address")]
    if ground == "ro" and asked & POSTING_ITEMS:
        return [
            _contradiction(
                "ロ",
                "他の開示関係役務提供者を特定できる情報（投稿時のIPアドレス等）を保有していない",
                "holds nothing that identifies another provider (posting-time IP addresses)",
            )
        ]
    return []


def _contradiction(limb: str, ja: str, en: str) -> Finding:
    return finding(
        "S6",
        "warning",
        "disclosure.items",
        f"補充性を法5条1項3号{limb}によって主張すると、相手方は特定発信者情報以外の発信者情報を{ja}"
        "ことになりますが、`disclosure.items` はそれを求めています。矛盾する項目を外してください。",
        f"pleading supplementarity under limb ({'a' if limb == 'イ' else 'b'}) says the respondent "
        f"{en}, yet `disclosure.items` asks for it: drop the contradicting items.",
        "Art. 5(1)(iii)",
    )


def l4_pleaded_steps_cite_evidence(case: Case) -> list[Finding]:
    """L4: the platform's disclosure of each connection and the WHOIS lookup cite their 疎明."""
    found = [
        finding(
            "L4",
            "error",
            f"connections[{index}].evidence",
            f"`connections[{index}]` の通信記録がプラットフォームから開示されたことを示す疎明資料がありません。"
            "`evidence`（[[evidence]] の id）を記載してください。",
            f"nothing shows that the platform disclosed `connections[{index}]`: give its `evidence` "
            "(ids of [[evidence]]).",
            "民事保全規則13条2項",
        )
        for index, connection in enumerate(case.connections, start=1)
        if not connection.evidence
    ]
    related = case.case.related_case
    provided = related is not None and related.provision_order and not case.connections
    if case.access_provider and not case.access_provider.evidence and (case.connections or provided):
        found.append(
            finding(
                "L4",
                "error",
                "access_provider.evidence",
                "アクセスプロバイダを特定した経緯（WHOIS検索結果、又は提供命令によるコンテンツプロバイダからの"
                "提供）を示す証拠がありません。`access_provider.evidence` を記載してください。",
                "nothing shows how the access provider was identified (a WHOIS result, or the "
                "content provider's provision under the provision order): give "
                "`access_provider.evidence`.",
                "民事保全規則13条2項; 非訟事件手続規則37条",
            )
        )
    return found


def s14_same_court(case: Case) -> list[Finding]:
    """S14: after a provision order the petition against the access provider belongs to the court
    of the pending case alone (Art. 10, exclusive); state the pending case either way (Rule 2)."""
    related = case.case.related_case
    if related is None or case.case.court is None:
        return []
    if resolve_court(related.court) == resolve_court(case.case.court):
        return []
    exclusive = related.provision_order
    return [
        finding(
            "S14",
            "error" if exclusive else "warning",
            "case.court",
            "申立先の裁判所（`case.court`）が係属中の関連事件の裁判所と異なります。"
            + (
                "提供命令を経た申立ては、関連事件の裁判所の専属管轄です。"
                if exclusive
                else "関連事件と同じ裁判所に申し立てるのが通例です。"
            ),
            "the court petitioned (`case.court`) differs from the court of the pending case. "
            + (
                "After a provision order the petition belongs to that court alone."
                if exclusive
                else "The petition normally goes to the same court."
            ),
            "Art. 10; 発信者情報開示命令事件手続規則2条",
        )
    ]


def p13_punishment(case: Case) -> list[Finding]:
    """P13: a 被害届 reports the offence but is no complaint (告訴) for a 親告罪."""
    police = case.police
    if police is None:
        return []
    found = [
        finding(
            "P13",
            "info",
            "police",
            "名誉毀損罪・侮辱罪は親告罪であり（刑法232条1項）、被害届だけでは処罰を求める意思表示（告訴）"
            "になりません。処罰を求めるときは告訴状を提出してください（告訴期間は犯人を知った日から6か月）。",
            "defamation and insult are prosecuted only on complaint (Penal Code 232(1)); a victim "
            "report is not a complaint. To seek punishment, file a criminal complaint (告訴状) within "
            "6 months of learning who the offender is.",
            "刑法232条1項; 刑事訴訟法235条",
        )
    ]
    if police.wants_punishment is None:
        found.append(
            finding(
                "P13",
                "warning",
                "police.wants_punishment",
                "被害者が犯人の処罰を求めるかどうか（`police.wants_punishment`）が記載されていません。",
                "whether the victim wants the offender punished (`police.wants_punishment`) is not "
                "stated.",
                "犯罪捜査規範61条; 様式第6号",
            )
        )
    return found


def s23_pending_disclosure_case(case: Case) -> Finding | None:
    """S23: with a disclosure case against the platform pending, a second petition against it
    duplicates that case; the next filing is against the access provider."""
    related = case.case.related_case
    if related is None:
        return None
    return finding(
        "S23",
        "error",
        "case.related_case",
        f"コンテンツプロバイダに対する発信者情報開示命令事件（{related.number}）が係属中です。同じ相手方に"
        "再び申し立てると二重の申立てになります。次の書面は、開示された通信記録をもとにしたアクセス"
        "プロバイダに対する申立て（消去禁止の仮処分 preservation-petition、又は開示命令）です。",
        f"a disclosure-order case against the content provider ({related.number}) is pending; "
        "a second petition against it would duplicate that case. The next filing is against the "
        "access provider, from the disclosed connections (the preservation petition, or a "
        "disclosure order against it).",
        "非訟事件手続法; Art. 8, 15(1); brief §12.4",
    )


def d16_nothing_online(case: Case) -> Finding | None:
    """D16: every post is already offline (``still_online = false``): nothing to ask removed."""
    if not case.posts or any(p.still_online is not False for p in case.posts):
        return None
    return finding(
        "D16",
        "error",
        "posts",
        "すべての投稿が既に削除されています（still_online = false）。送信防止措置を依頼する投稿がありません。",
        "every post is already offline (still_online = false): there is nothing to ask the "
        "platform to remove.",
        "Art. 3(2); logic",
    )


def d16_offline_posts(case: Case) -> list[Finding]:
    """D16 (info): a post already offline is left out of the deletion request."""
    return [
        finding(
            "D16",
            "info",
            f"posts[{index}].still_online",
            f"`posts[{index}]` は既に削除されているため（still_online = false）、送信防止措置依頼書には"
            "記載しません。",
            f"`posts[{index}]` is already offline (still_online = false), so the deletion request "
            "leaves it out.",
            "logic",
        )
        for index, post in enumerate(case.posts, start=1)
        if post.still_online is False
    ]


CIVIL_INSULT_TEST = ("社会通念上", "平成22年4月13日", "socially tolerable", "social norms")


def p9_civil_test_in_police_wording(case: Case) -> list[Finding]:
    """P9: a police document pleads 刑法231's elements, not the civil 名誉感情 test."""
    found = []
    for key in ("harm", "facts_alleged"):
        path, value = case.claim.wording("police-report", key)
        if path == f"claim.{key}":
            continue  # the police report prints only its own wording
        if any(marker in text for text in texts(value) for marker in CIVIL_INSULT_TEST):
            found.append(
                finding(
                    "P9",
                    "warning",
                    path,
                    f"`{path}` は民事の名誉感情侵害の基準（社会通念上許される限度、最判平成22年4月13日）を"
                    "述べています。被害届では、刑法230条・231条の要件（公然と事実を摘示し、又は事実を"
                    "摘示しないで公然と人を侮辱したこと）を書いてください。",
                    f"`{path}` states the civil test for a sense of honour (the socially tolerable "
                    "limit, Supreme Court 2010-04-13); a police report pleads the elements of Penal "
                    "Code 230 / 231 (publicly asserting facts, or publicly insulting without them).",
                    "Penal Code 230(1), 231; brief §12.4",
                )
            )
    return found


def d4_posts_without_a_printout(case: Case) -> list[Finding]:
    """D4: each post the notice concerns comes with a printout showing its URL."""
    return [
        finding(
            "D4",
            "warning",
            f"posts[{index}].evidence",
            f"`posts[{index}]` に証拠（URLが表示された画面の印刷等）がありません。送信防止措置依頼書には、"
            "投稿ごとにURLが表示された画面の写しを添付してください。",
            f"`posts[{index}]` has no evidence: attach to the notice a printout of each post with "
            "its URL visible.",
            "[C] S-kenzai, S-netowl, S-makering",
        )
        for index, post in enumerate(case.posts, start=1)
        if post.still_online is not False and not post.evidence
    ]


def route_is_provisional(case: Case) -> Finding | None:
    """The case chose the provisional disposition for the IP addresses over the disclosure order."""
    if case.disclosure.route != "provisional":
        return None
    return finding(
        "S18",
        "info",
        "disclosure.route",
        "`disclosure.route = \"provisional\"` のため、コンテンツプロバイダに対しては発信者情報開示命令ではなく"
        "発信者情報開示仮処分（provisional-disclosure-petition）を申し立てます。",
        'with `disclosure.route = "provisional"` the content provider is asked by a provisional '
        "disposition for disclosure of the IP addresses (provisional-disclosure-petition), not by "
        "a disclosure order.",
        "[P] S-kanda-1118",
    )


def route_is_order(case: Case) -> Finding | None:
    """The IP-disclosure provisional disposition is the route only when the case chooses it."""
    if case.disclosure.route == "provisional":
        return None
    return finding(
        "S18",
        "info",
        "disclosure.route",
        "発信者情報開示仮処分は、`disclosure.route = \"provisional\"` としたときに作成します"
        "（現在は発信者情報開示命令の手続）。",
        'the provisional disposition for the IP addresses is drafted when `disclosure.route = '
        '"provisional"` (the case now takes the disclosure-order route).',
        "[P] S-kanda-1118",
    )


def pending_case_needed(case: Case) -> Finding | None:
    """S14: the petition against the access provider follows the case against the platform."""
    if case.case.related_case is not None:
        return None
    return finding(
        "S14",
        "error",
        "case.related_case",
        "アクセスプロバイダに対する申立ては、コンテンツプロバイダに対する係属中の事件"
        "（`case.related_case`: 裁判所及び事件番号）を前提とします。",
        "the petition against the access provider follows the pending case against the content "
        "provider: give `case.related_case` (court and case number).",
        "発信者情報開示命令事件手続規則2条; Art. 10",
    )


def no_provision_order(case: Case) -> Finding | None:
    """S17: the Art. 15(1)(ii) notice exists only after a provision order."""
    related = case.case.related_case
    if related is not None and related.provision_order:
        return None
    return finding(
        "S17",
        "info",
        "case.related_case.provision_order",
        "提供命令を経ていないため（`case.related_case.provision_order` が true ではない）、法15条1項2号の"
        "通知は不要です。",
        "no provision order was issued in the pending case (`case.related_case.provision_order` "
        "is not true), so the Art. 15(1)(ii) notice is not needed.",
        "Art. 15(1)(ii)",
    )


def s21_provisional_items(case: Case) -> list[Finding]:
    """S21: a provisional disposition against the platform asks for IP-type records only; the
    subscriber's name and address come from the access provider later."""
    asked = set(case.disclosure.items)
    ip_type = asked & (LOGIN_ITEMS | POSTING_ITEMS)
    if not ip_type:
        return [
            finding(
                "S21",
                "error",
                "disclosure.items",
                "発信者情報開示仮処分では、IPアドレス・タイムスタンプ等の通信の記録を求めます。"
                "`disclosure.items` にその項目（login_ip、ip など）がありません。",
                "a provisional disposition for disclosure asks the platform for IP-type records: "
                "`disclosure.items` lists none (login_ip, ip, …).",
                "[C] S-kanda-kaiji-karishobun",
            )
        ]
    if asked - ip_type:
        return [
            finding(
                "S21",
                "warning",
                "disclosure.items",
                "仮処分で開示を命じられるのは、通常、消去されるおそれのあるIPアドレス等の記録に限られるため、"
                "申立書はそれ以外の項目（氏名・住所・電話番号・メールアドレス等）を目録に載せません。",
                "a provisional disposition normally orders only the records at risk of erasure, so "
                "the petition leaves the other items (name, address, telephone, e-mail) out of "
                "its list.",
                "[C] S-kanda-kaiji-karishobun",
            )
        ]
    return []


def s22_security(case: Case) -> list[Finding]:
    """S22 (info): a provisional disposition costs ¥2,000 in stamps, and the court may order
    security before it issues (¥100,000–300,000 is reported) unless it grants it without."""
    return [
        finding(
            "S22",
            "info",
            "disclosure.route",
            "仮処分の貼用印紙は2000円です。発令前に担保（10万円から30万円程度とされる）を立てるよう命じられる"
            "ことがあるため、申立書は無担保又は低額の担保での発令を求めています。",
            "the provisional disposition takes ¥2,000 in stamps; the court may order security "
            "before it issues (¥100,000–300,000 is reported), so the petition asks for an order "
            "without security or with a low one.",
            "S-ben54; F-1 [P]",
        )
    ]
