"""Rules of the takedown request (侵害情報の通知書 兼 送信防止措置依頼書), brief §9.2 D3–D6.

The platform forwards the right infringed and the reasons to the poster when it asks whether they
consent to removal (Art. 3(2)(ii)), so what the request says is written for the poster's eyes too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docgen.case.model import Case, ClaimText, L
from docgen.findings import Finding, Message
from docgen.law.common import ACT_RENAMED, finding, is_x, nonpublic, posts, texts

CLAIM_TEXTS: tuple[ClaimText, ...] = ("identification", "facts_alleged", "harm", "no_justification")
"""The claim's texts that make up the request's 「権利が侵害されたとする理由」."""
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)0\d{1,4}[-‐－]\d{1,4}[-‐－]\d{3,4}(?!\d)|(?<!\d)0\d{9,10}(?!\d)")


def _contact_details(case: Case, text: str) -> list[Message]:
    """Which of the requester's private contact details ``text`` shows."""
    shown = []
    if EMAIL.search(text):
        shown.append(Message("メールアドレス", "e-mail address"))
    if PHONE.search(text):
        shown.append(Message("電話番号", "telephone number"))
    if any(address in text for address in texts(case.victim.address)):
        shown.append(Message("住所", "address"))
    return shown


def forwarded_texts(case: Case) -> list[tuple[str, L | None]]:
    """The texts the notice forwards: the claim as the deletion request words it."""
    return [case.claim.wording("deletion-request", key) for key in CLAIM_TEXTS]


def contact_details_shown(
    case: Case, prose: Iterable[tuple[str, L | None]], why: Message, basis: str
) -> list[Finding]:
    """D3: a text the poster will read shows the requester's contact details; ``why`` says how
    the poster comes to read it."""
    found = []
    for path, value in prose:
        shown = [m for text in texts(value) for m in _contact_details(case, text)]
        if shown:
            ja = "・".join(dict.fromkeys(m.ja for m in shown))
            en = ", ".join(dict.fromkeys(m.en for m in shown))
            found.append(
                finding(
                    "D3",
                    "warning",
                    path,
                    f"`{path}` に連絡先等（{ja}）が含まれています。{why.ja}、発信者に知られたくない情報は"
                    "記載しないでください。",
                    f"`{path}` shows contact details ({en}). {why.en}: leave out anything the poster "
                    "should not learn.",
                    basis,
                )
            )
    return found


def d3_private_details_in_reasons(case: Case) -> list[Finding]:
    """D3: the reasons are forwarded to the poster; keep the requester's contact details out."""
    return contact_details_shown(
        case,
        forwarded_texts(case),
        Message(
            "権利侵害の理由は、削除への同意照会の際に発信者へそのまま転送されるため",
            "The reasons are forwarded to the poster when the platform asks whether they "
            "consent to removal",
        ),
        "Art. 3(2)(ii); S-netowl",
    )


def _registration_listed(case: Case) -> bool:
    titles = [t for item in case.evidence for t in texts(item.title)]
    return any("登記" in t or "registered matters" in t.lower() for t in titles)


def d4_attachments(case: Case) -> list[Finding]:
    """D4: power of attorney for an agent; certificate of registered matters for a company."""
    found = []
    if case.attorneys:
        found.append(
            finding(
                "D4",
                "info",
                "attorneys",
                "代理人による依頼のため、委任状を添付してください。",
                "The request is made through an attorney: attach the power of attorney (委任状).",
                "[P] practice (S-kenzai, S-makering)",
            )
        )
    if case.victim.kind == "corporation" and not _registration_listed(case):
        found.append(
            finding(
                "D4",
                "warning",
                "victim.kind",
                "依頼者は法人です。代表者の資格を証明するため、登記事項証明書（履歴事項全部証明書又は"
                "代表者事項証明書）を添付してください。",
                "The requester is a corporation: attach a certificate of registered matters (登記事項"
                "証明書) proving its representative's authority.",
                "[P] practice (S-kenzai, S-makering)",
            )
        )
    return found


def d5_account_deletion(case: Case) -> list[Finding]:
    """D5: whole accounts are generally not deleted on request; target posts or the profile text."""
    return [
        finding(
            "D5",
            "warning",
            f"{p}.kind",
            f'`{p}.kind` は "profile"（アカウントのプロフィール）です。アカウント自体の削除は一般に'
            "認められにくく、削除依頼は個別の投稿又はプロフィール中の該当する記載を対象とするのが"
            "実務です。",
            f'`{p}.kind` is "profile". Deletion of a whole account is generally not obtained; '
            "in practice a request targets individual posts or the offending part of the profile.",
            "[P] practice (S-niben)",
        )
        for p, _ in posts(case, "profile")
    ]


def d6_x_japan_form(case: Case) -> list[Finding]:
    """D6: since the 2025 Act, X decides requests made through its Japan form within 7 days."""
    if not is_x(case) or case.document_date < ACT_RENAMED:
        return []
    return [
        finding(
            "D6",
            "warning",
            "platform",
            "Xは情報流通プラットフォーム対処法の大規模特定電気通信役務提供者に指定されており"
            "（2025年4月30日）、2025年7月31日から日本向けの申出窓口（help.x.com/ja/forms/japan-report）"
            "で削除の申出を受け付け、7日以内に判断して通知するとしています。書面による依頼が受け付け"
            "られるかは確認できていないため、同窓口からの申出を併せて行ってください。",
            "X has been designated a large-scale platform under the Information Distribution Platform "
            "Act (30 April 2025) and, since 31 July 2025, takes removal requests through its Japan "
            "form (help.x.com/ja/forms/japan-report), deciding and notifying within 7 days. Whether it "
            "still accepts paper requests is unconfirmed: file through that form as well.",
            "Art. 22, 25; [U] paper requests",
        )
    ]


def s2_nonpublic_deletion(case: Case) -> list[Finding]:
    """S2 (warning here): a direct message is not 特定電気通信, so the Act's notice does not fit."""
    return [
        finding(
            "S2",
            "warning",
            path,
            f"`{path}` はダイレクトメッセージ等の非公開の通信です。特定電気通信（法2条1号）に当たらず、"
            "この依頼書（法3条の送信防止措置）の対象になりません。プラットフォームの報告機能等を"
            "利用してください。",
            f"`{path}` is a direct, non-public message: it is not a specified telecommunication "
            "(Art. 2(i)), so this request (transmission-prevention measures under Art. 3) does not "
            "apply. Use the platform's own reporting tools.",
            "Art. 2(i), 3",
        )
        for path, visibility in nonpublic(case)
        if visibility == "direct"
    ]
