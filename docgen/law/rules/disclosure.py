"""Rules of the disclosure-order petition (発信者情報開示命令申立書, with 提供命令 / 消去禁止命令)
against the content provider, brief §9.3. S2 and S4 also apply to the preservation petition, whose
right to be preserved is the same disclosure right.
"""

from __future__ import annotations

from docgen.case.model import Case, Purpose
from docgen.findings import Finding
from docgen.law.common import (
    ACT_2021_IN_FORCE,
    court_is_tokyo,
    day_of,
    finding,
    is_foreign_platform,
    is_x,
    nonpublic,
    platform_name,
    posts,
)
from docgen.law.fees import disclosure_stamp
from docgen.law.rules.logs import retention_finding
from docgen.law.terms import ITEMS

"""Revenue stamps per request: the order, and each of a provision and an erasure-prohibition order."""


def s2_public_channel(case: Case) -> list[Finding]:
    """S2: only 特定電気通信 (meant for unspecified recipients) is disclosable. Direct messages →
    error; a protected account → warning (publicness contested; found where many followers read)."""
    found = []
    for path, visibility in nonpublic(case):
        if visibility == "direct":
            found.append(
                finding(
                    "S2",
                    "error",
                    path,
                    f"`{path}` はダイレクトメッセージ等の非公開の通信です。不特定の者によって受信される"
                    "ことを目的とする特定電気通信（法2条1号）に当たらないため、法5条による開示の対象に"
                    "なりません。",
                    f"`{path}` is a direct, non-public message. It is not a specified telecommunication "
                    "meant to be received by unspecified persons (Art. 2(i)), so Art. 5 disclosure "
                    "does not reach it.",
                    "Art. 2(i); Art. 5(1)",
                )
            )
        elif _followers(case, path) is None:
            followers = path.replace(".visibility", ".followers")
            found.append(
                finding(
                    "S2",
                    "warning",
                    followers,
                    f'`{path}` は "protected"（非公開アカウント）です。承認されたフォロワーしか閲覧できない'
                    "ため、特定電気通信（不特定の者による受信）に当たるかが争われる可能性があります。申立書は"
                    f"承認済みフォロワーが閲覧できたことを主張しますので、その人数を `{followers}` に記載して"
                    "ください。",
                    f'`{path}` is "protected" (a locked account): only approved followers can read it, '
                    "so whether it is a specified telecommunication may be contested. The petition "
                    f"pleads that approved followers could read it: give their number in `{followers}`.",
                    "Art. 2(i); [P] practice",
                )
            )
    return found


def _followers(case: Case, path: str) -> int | None:
    index = int(path.split("[", 1)[1].split("]", 1)[0])
    return case.posts[index - 1].followers


def s4_legitimate_reason(case: Case) -> list[Finding]:
    """S4: "other" must be explained (error); a criminal complaint alone is of uncertain weight."""
    purposes, found = set(case.disclosure.purposes), []
    if Purpose.other in purposes and case.disclosure.purpose_note is None:
        found.append(
            finding(
                "S4",
                "error",
                "disclosure.purpose_note",
                '`disclosure.purposes` に "other"（その他）がありますが、その内容'
                "（`disclosure.purpose_note`）がありません。開示を受けるべき正当な理由を具体的に記載して"
                "ください。",
                '`disclosure.purposes` includes "other" but `disclosure.purpose_note` does not say '
                "what it is; state the legitimate reason concretely.",
                "Art. 5(1)(ii)",
            )
        )
    if purposes == {Purpose.criminal_complaint}:
        found.append(
            finding(
                "S4",
                "warning",
                "disclosure.purposes",
                "正当な理由が刑事告訴のみです。刑事告訴だけで正当な理由が認められるかは確認できて"
                "いないため、損害賠償請求権の行使等を併せて挙げることを検討してください。",
                "The only legitimate reason given is a criminal complaint. Whether courts accept that "
                "alone is unconfirmed; consider adding the exercise of a damages claim or another "
                "listed reason.",
                "Art. 5(1)(ii); [U] brief §10.10",
            )
        )
    return found


def s5_login_items_for_old_posts(case: Case) -> list[Finding]:
    """S5: login-type (specified) sender information exists in law only since 2022-10-01."""
    old = [p for p, post in posts(case) if day_of(post.posted_at) < ACT_2021_IN_FORCE]
    if not old or not case.disclosure.asks_login_items:
        return []
    return [
        finding(
            "S5",
            "warning",
            "disclosure.items",
            f"ログイン型の発信者情報（特定発信者情報）を求めていますが、{old[0]} 等は令和3年改正法の"
            "施行日（2022年10月1日）前の投稿です。施行前の投稿について侵害関連通信との「相当の関連性」"
            "が認められるか、またそのログイン記録が保存されているかを確認してください。",
            f"Login-type (specified) sender information is requested, but {old[0]} and possibly "
            "others predate 1 October 2022, when the 2021 amendment created it. Check that logins "
            "can be shown to be sufficiently related to such an old post, and that they are still kept.",
            "施行規則2条, 5条; [U] application to earlier posts",
        )
    ]


def s7_login_scope(case: Case) -> list[Finding]:
    """S7: login-type items are limited by 施行規則5条; the list must mirror its wording."""
    if not case.disclosure.asks_login_items:
        return []
    return [
        finding(
            "S7",
            "warning",
            "disclosure.items",
            "ログイン型の情報は、侵害情報の送信と相当の関連性のある侵害関連通信（施行規則5条）に限られ"
            "ます。アカウント作成に係る通信は侵害情報の送信より前のもの、アカウント削除に係る通信は"
            "その後のものに限られるため、発信者情報目録はその文言に沿って記載してください。",
            "Login-type information is limited to violation-related communications sufficiently "
            "related to the posting (Ordinance Art. 5): account creation only before the post, account "
            "deletion only after it. Word the List of Sender Information accordingly.",
            "施行規則5条; [P] S-kanda-1109",
        )
    ]


def s12_stamp_fee(case: Case) -> list[Finding]:
    """S12 (info): the stamp amount the petition carries."""
    amount = disclosure_stamp(case)
    return [
        finding(
            "S12",
            "info",
            "disclosure",
            f"申立手数料として収入印紙{amount:,}円（申立て1件につき1,000円）を貼付します。郵便切手は"
            "裁判所の定めによります。",
            f"The filing fee is ¥{amount:,} in revenue stamps (¥1,000 per request); postage stamps "
            "follow the court's own schedule.",
            "S-kanda-dosys",
        )
    ]


def s13_court_for_foreign_platform(case: Case) -> list[Finding]:
    """S13: a foreign platform without an office in Japan is sued in Tokyo (Rule 1); the
    eastern/western competing jurisdiction of Tokyo and Osaka is unconfirmed."""
    if not is_foreign_platform(case) or case.case.court is None or court_is_tokyo(case):
        return []
    name = platform_name(case)
    return [
        finding(
            "S13",
            "warning",
            "case.court",
            f"相手方（{name.ja}）は外国法人です。日本における営業所等がなければ管轄は東京地方裁判所と"
            "なります（法10条、発信者情報開示命令事件手続規則1条）。大阪地方裁判所等への申立てが"
            "できるかは確認を要します。",
            f"The respondent ({name.en}) is a foreign company: without an office in Japan the "
            "competent court is the Tokyo District Court (Art. 10; Rule 1). Whether another court "
            "such as Osaka may hear it is unconfirmed.",
            "Art. 10; Rule 1; [U] competing jurisdiction",
        )
    ]


def s17_notify_content_provider(case: Case) -> list[Finding]:
    """S17 (info): after filing against the access provider, tell the content provider."""
    if not case.disclosure.provision_order:
        return []
    return [
        finding(
            "S17",
            "info",
            "disclosure.provision_order",
            "提供命令によりアクセスプロバイダの名称等の提供を受け、同プロバイダに開示命令を申し立てた"
            "ときは、その旨を相手方に通知してください。通知がなければ、IPアドレス等はアクセス"
            "プロバイダに提供されません。",
            "Once the provision order yields the access provider and you petition against it, notify "
            "the respondent; without that notice it will not pass the IP addresses to the access "
            "provider.",
            "Art. 15(1)(ii)",
        )
    ]


def s18_x_provision_order(case: Case) -> list[Finding]:
    """S18: X reportedly did not comply with provision orders (2023)."""
    if not (is_x(case) and case.disclosure.provision_order):
        return []
    return [
        finding(
            "S18",
            "warning",
            "disclosure.provision_order",
            "Xは提供命令に従っていないとの報告があります（2023年時点）。IPアドレス等の開示を求める"
            "仮処分の利用も検討してください。",
            "X has been reported not to comply with provision orders (as of 2023); consider a "
            "provisional disposition for disclosure of the IP addresses instead.",
            "[P] S-kanda-1118",
        )
    ]


def s19_erasure_scope(case: Case) -> list[Finding]:
    """S19 (info): an erasure-prohibition order covers only this case's sender information."""
    if not case.disclosure.erasure_prohibition:
        return []
    return [
        finding(
            "S19",
            "info",
            "disclosure.erasure_prohibition",
            "消去禁止命令は、本件の開示命令事件（異議の訴えを含む）が終了するまで、本件で開示を求める"
            "発信者情報の消去を禁止するものです。それ以外のログの保存には別の手続が必要です。",
            "The erasure-prohibition order forbids erasing only the sender information sought in this "
            "case, until this case (including any objection suit) ends; other logs need separate steps.",
            "Art. 16(1)",
        )
    ]


def l1_posting_logs(case: Case) -> list[Finding]:
    """L1: when the IP address of the posting itself is sought, the access provider's logs of that
    transmission age from the post. (Logins the platform discloses are its recent ones, so a
    login-only request is not measured from the post.)"""
    if not any(ITEMS[item][2] == "posting" for item in case.disclosure.items):
        return []
    found = [
        retention_finding(case, f"{p}.posted_at", day_of(post.posted_at)) for p, post in posts(case)
    ]
    return [f for f in found if f is not None]
