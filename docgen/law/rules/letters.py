"""Rules of the two out-of-court letters of the disclosure chain (brief §3.1, §4.1, §9.3, §9.4):
the TELESA 発信者情報開示請求書 to the platform or the access provider, and the request asking the
access provider to preserve its logs (ログ保存要請書).

The disclosure request goes to the access provider when the case names one and lists the
connections the platform disclosed; otherwise to the platform. The provider sends the request to
the poster for comment (意見照会, Art. 6), so what it says is written for the poster's eyes too.
"""

from __future__ import annotations

from dataclasses import replace

from docgen.case.model import Case, ClaimText, L, localized
from docgen.case.resolve import resolve_provider
from docgen.findings import Finding, Message
from docgen.law.common import finding, is_x, network, platform_name
from docgen.law.rules.deletion import contact_details_shown
from docgen.law.rules.logs import l3_connection_identifiers
from docgen.law.rules.pleading import s6_supplementarity_ground

REQUEST_ID = "disclosure-request"
CLAIM_TEXTS: tuple[ClaimText, ...] = ("identification", "facts_alleged", "harm", "no_justification")
"""The claim's texts that make up the request's 「権利が明らかに侵害されたとする理由」."""
SUBSCRIBER_ITEMS = frozenset({"name", "address", "phone", "email"})
"""What an access provider holds of its subscriber (施行規則2条1号〜4号)."""


def to_access_provider(case: Case) -> bool:
    """The request goes to the access provider: it is named and the connections are known."""
    return case.access_provider is not None and bool(case.connections)


def connections_are_logins(case: Case) -> bool:
    """The disclosed connections are logins (X keeps login records, not the posting IPs), so the
    access provider carried 侵害関連通信 and is asked under Art. 5(2)."""
    return bool(case.connections) and (is_x(case) or case.disclosure.asks_login_items)


def article(case: Case) -> Message:
    """法5条1項 / Art. 5(1), or 法5条2項 / Art. 5(2) for an access provider that carried logins."""
    if to_access_provider(case) and connections_are_logins(case):
        return Message("法5条2項", "Art. 5(2)")
    return Message("法5条1項", "Art. 5(1)")


def _access_provider_name(case: Case) -> Message:
    """The access provider's name in both languages (the registry's for a built-in reference)."""
    provider = resolve_provider(case.access_provider)
    if provider is None:
        return Message("", "")
    fallback = provider.ref or ""
    ja, _ = localized(provider.name, "ja")
    en, _ = localized(provider.name, "en")
    return Message(ja or fallback, en or fallback)


# ---------------------------------------------------------------------------------------------
# 発信者情報開示請求書
# ---------------------------------------------------------------------------------------------


def s24_addressee(case: Case) -> list[Finding]:
    """S24 (info): to whom the request is addressed, why, and the article it cites [U]."""
    art = article(case)
    unconfirmed = Message(
        f"請求書は{art.ja}を根拠として記載しています。2025年5月改訂のテレサ書式が引用する条項の文言は"
        "確認できていないため（brief §3.1 [U]）、宛先の事業者が指定する書式と照合してください。",
        f"The request cites {art.en}; the exact article the revised TELESA form (May 2025) cites is "
        "unconfirmed (brief §3.1 [U]): compare it with the form the provider asks for.",
    )
    if to_access_provider(case):
        name = _access_provider_name(case)
        head = Message(
            f"請求書の宛先はアクセスプロバイダ（{name.ja}）です（`access_provider` と `connections` が"
            "あるため）。開示された通信に係る契約者の情報を求めます。",
            f"The request is addressed to the access provider ({name.en}), because the case gives "
            "`access_provider` and `connections`: it asks for the subscriber behind the disclosed "
            "connections.",
        )
        path = "access_provider"
    else:
        name = platform_name(case)
        head = Message(
            f"請求書の宛先はコンテンツプロバイダ（{name.ja}）です。アクセスプロバイダ宛てにするには、"
            "`access_provider` と開示された `connections` を記載してください。",
            f"The request is addressed to the content provider ({name.en}). To address it to the "
            "access provider instead, give `access_provider` and the disclosed `connections`.",
        )
        path = "platform"
    return [
        finding(
            "S24",
            "info",
            path,
            head.ja + unconfirmed.ja,
            f"{head.en} {unconfirmed.en}",
            "Art. 5(1), (2); brief §3.1 [U]",
        )
    ]


def pending_case_against_the_platform(case: Case) -> Finding | None:
    """S23: with a disclosure case against the platform pending, an out-of-court request to the
    platform duplicates it; once the connections are known the request goes to the access
    provider instead."""
    related = case.case.related_case
    if related is None or to_access_provider(case):
        return None
    if related.provision_order:
        return finding(
            "S23",
            "error",
            "case.related_case",
            f"コンテンツプロバイダに対する発信者情報開示命令事件（{related.number}）が係属中で、提供命令により"
            "通信記録はアクセスプロバイダに直接提供されます。同じ事業者に裁判外の開示請求書を送ると手続が"
            "重複し、アクセスプロバイダ宛てには通信を特定できないため、アクセスプロバイダに対する開示命令の"
            "申立て（access-provider-petition）によります。",
            f"a disclosure-order case against the content provider ({related.number}) is pending and "
            "under its provision order the records go to the access provider directly: an "
            "out-of-court request to the content provider would duplicate that case, and one to the "
            "access provider cannot name the connections, so the access provider is petitioned "
            "(access-provider-petition).",
            "Art. 5, 8, 15; brief §12.4",
        )
    return finding(
        "S23",
        "error",
        "case.related_case",
        f"コンテンツプロバイダに対する発信者情報開示命令事件（{related.number}）が係属中です。同じ事業者に"
        "裁判外の開示請求書を送ると手続が重複します。アクセスプロバイダに宛てるには、`access_provider` と"
        "開示された `connections` を記載してください。",
        f"a disclosure-order case against the content provider ({related.number}) is pending; an "
        "out-of-court request to the same provider would duplicate it. To address the request to "
        "the access provider, give `access_provider` and the disclosed `connections`.",
        "Art. 5, 8; brief §12.4",
    )


def request_texts(case: Case) -> list[tuple[str, L | None]]:
    """The texts the request prints as its reasons (and sends to the poster for comment)."""
    found = [case.claim.wording(REQUEST_ID, key) for key in CLAIM_TEXTS]
    if case.disclosure.purpose_note is not None:
        found.append(("disclosure.purpose_note", case.disclosure.purpose_note))
    return found


def d3_contact_details_in_request(case: Case) -> list[Finding]:
    """D3: the provider sends the request to the poster for comment; keep the requester's
    contact details out of the reasons."""
    return contact_details_shown(
        case,
        request_texts(case),
        Message(
            "発信者情報開示請求書は、発信者への意見照会の際にそのまま発信者に送られるため",
            "The provider sends the disclosure request to the poster when it asks for their "
            "opinion",
        ),
        "Art. 6(1) [U number]; S-rakuten, S-21ip",
    )


def s25_items_the_addressee_holds(case: Case) -> list[Finding]:
    """S25: an access provider holds its subscriber's name, address, telephone number and e-mail
    address, not the IP addresses and timestamps the platform logged."""
    if not to_access_provider(case):
        return []
    other = [str(i) for i in case.disclosure.items if str(i) not in SUBSCRIBER_ITEMS]
    if not other:
        return []
    listed = ", ".join(other)
    return [
        finding(
            "S25",
            "warning",
            "disclosure.items",
            f"請求書はアクセスプロバイダ宛てですが、`disclosure.items` に契約者の氏名・住所・電話番号・"
            f"電子メールアドレス以外の項目（{listed}）があります。IPアドレスやタイムスタンプはコンテンツ"
            "プロバイダに求める情報です。",
            f"The request is addressed to the access provider, but `disclosure.items` lists items other "
            f"than the subscriber's name, address, telephone number and e-mail address ({listed}); IP "
            "addresses and timestamps are asked of the content provider.",
            "施行規則2条; brief §0, §3.1",
        )
    ]


def s6_platform_supplementarity(case: Case) -> list[Finding]:
    """S6: login-type items asked of the platform need the limb of Art. 5(1)(iii)."""
    return [] if to_access_provider(case) else s6_supplementarity_ground(case)


def s6_supplementarity_in_the_letter(case: Case) -> list[Finding]:
    """S6 (info): the request to the platform prints the reasons for Art. 5(1)(iii); the shared
    ``disclosure.supplementarity`` is pleaded for the petition (である), the request is a form in
    です・ます, so it may word them itself."""
    asks_login = case.disclosure.asks_login_items
    shared = case.disclosure.supplementarity
    own = case.claim.own_wording(REQUEST_ID, "supplementarity")
    if to_access_provider(case) or not asks_login or shared is None or own[1] is not None:
        return []
    return [
        finding(
            "S6",
            "info",
            "disclosure.supplementarity",
            "開示請求書は `disclosure.supplementarity`（申立書のための記載）をそのまま載せます。"
            "です・ます調の請求書に合わせるには、`[claim.disclosure-request] supplementarity` に"
            "請求書での記載を書いてください。",
            "the request prints `disclosure.supplementarity`, written for the petition; to word it "
            "for the request (a letter in the polite form), give `[claim.disclosure-request] "
            "supplementarity`.",
            "Art. 5(1)(iii)",
        )
    ]


def s8_connection_identifiers(case: Case) -> list[Finding]:
    """S8: a request to the access provider identifies each connection (IP, port, timestamp with
    its zone, destination for a mobile carrier): rule L3's checks under the request's own id."""
    if not to_access_provider(case):
        return []
    return [replace(f, code="S8") for f in l3_connection_identifiers(case)]


def s9_two_copies(case: Case) -> list[Finding]:
    """S9 (info): the request shows the requester's own address; providers want two originals,
    the one sent to the poster for comment masked. Not when the address is concealed (the
    attorney's office is shown instead)."""
    if case.victim.address is None or case.victim.conceal_address:
        return []
    return [
        finding(
            "S9",
            "info",
            "victim.address",
            "開示請求書には請求者の住所が記載されます。事業者用と発信者への意見照会用の2通を提出するのが"
            "一般的ですので、意見照会用には、発信者に示したくない情報（住所・連絡先等）を伏せたものを"
            "用意してください。",
            "The request shows the requester's address. Providers usually want two originals, one "
            "for themselves and one to send to the poster for comment: mask in the second what the "
            "poster should not see (address, contact).",
            "[P] S-rakuten, S-21ip",
        )
    ]


def s10_seal_certificate(case: Case) -> list[Finding]:
    """S10 (info): a requester without an attorney may need a registered seal and certificate."""
    if case.attorneys:
        return []
    return [
        finding(
            "S10",
            "info",
            "attorneys",
            "本人による請求では、実印による押印と印鑑登録証明書（発行から3か月以内）、本人確認書類"
            "（法人は登記事項証明書）の添付を求める事業者があります。宛先の事業者の案内を確認してください。",
            "Without an attorney, some providers require the registered seal, a seal certificate "
            "issued within 3 months and proof of identity (a certificate of registered matters for "
            "a company): check the provider's instructions.",
            "[P] S-rakuten",
        )
    ]


# ---------------------------------------------------------------------------------------------
# ログ保存要請書
# ---------------------------------------------------------------------------------------------


def l5_carrier_wants_a_request(case: Case) -> list[Finding]:
    """L5 (info): some mobile carriers want a TELESA disclosure request sent with the letter."""
    if network(case) != "mobile":
        return []
    return [
        finding(
            "L5",
            "info",
            "access_provider.network",
            "携帯電話事業者の中には、ログ保存の要請にテレサ書式の発信者情報開示請求書の同封を求めるものが"
            "あります（`docgen render disclosure-request` で作成できます）。",
            "Some mobile carriers want a TELESA disclosure request sent with a request to preserve "
            "logs (`docgen render disclosure-request` drafts it).",
            "[P] F-1",
        )
    ]
