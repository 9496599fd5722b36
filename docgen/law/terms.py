"""Legal vocabulary in both languages: rights, reasons for disclosure, ordinance items, offences.

Wording follows the ordinance (施行規則2条, MIC Ordinance No. 39 of 2022) and the Japanese Law
Translation where it has one; see the domain brief §7.3 and §8.
"""

from __future__ import annotations

from docgen.findings import Message

RIGHTS: dict[str, Message] = {
    "reputation": Message("名誉権", "right to reputation"),
    "honor_feeling": Message("名誉感情", "sense of honour (名誉感情)"),
    "privacy": Message("プライバシー権", "right to privacy"),
    "portrait": Message("肖像権", "right of portrait"),
    "credit": Message("信用", "business credit"),
    "copyright": Message("著作権", "copyright"),
}

PURPOSES: dict[str, Message] = {
    "damages": Message("損害賠償請求権の行使", "exercise of a claim for damages"),
    "reputation_restoration": Message(
        "謝罪広告等の名誉回復措置の要請",
        "request for an apology notice or other measures to restore reputation",
    ),
    "injunction": Message("差止請求権の行使", "exercise of a claim for an injunction"),
    "deletion_request": Message(
        "発信者に対する削除要求", "request to the sender to delete the post"
    ),
    "criminal_complaint": Message("刑事告訴", "filing of a criminal complaint"),
    "other": Message("その他", "other"),
}

# (ordinance number, Japanese wording, English wording, group)
ITEMS: dict[str, tuple[int, Message, str]] = {
    "name": (1, Message("氏名又は名称", "name (individual or corporate)"), "account"),
    "address": (2, Message("住所", "address"), "account"),
    "phone": (3, Message("電話番号", "telephone number"), "account"),
    "email": (4, Message("電子メールアドレス", "e-mail address"), "account"),
    "ip": (
        5,
        Message(
            "侵害情報の送信に係るアイ・ピー・アドレス及び当該アイ・ピー・アドレスと組み合わされたポート番号",
            "IP address used to transmit the infringing information and the port number combined with it",
        ),
        "posting",
    ),
    "port": (
        5,
        Message(
            "侵害情報の送信に係るポート番号",
            "port number used to transmit the infringing information",
        ),
        "posting",
    ),
    "mobile_id": (
        6,
        Message(
            "侵害情報の送信に係る移動端末設備からのインターネット接続サービス利用者識別符号",
            "mobile internet-access user identification code used to transmit the infringing information",
        ),
        "posting",
    ),
    "sim_id": (
        7,
        Message(
            "侵害情報の送信に係るSIMカード識別番号",
            "SIM card identification number used to transmit the infringing information",
        ),
        "posting",
    ),
    "posted_at_time": (
        8,
        Message(
            "侵害情報が送信された年月日及び時刻",
            "date and time at which the infringing information was transmitted",
        ),
        "posting",
    ),
    "login_ip": (
        9,
        Message(
            "侵害関連通信に係るアイ・ピー・アドレス及び当該アイ・ピー・アドレスと組み合わされたポート番号",
            "IP address of the violation-related telecommunications and the port number combined with it",
        ),
        "login",
    ),
    "login_port": (
        9,
        Message(
            "侵害関連通信に係るポート番号",
            "port number of the violation-related telecommunications",
        ),
        "login",
    ),
    "login_mobile_id": (
        10,
        Message(
            "侵害関連通信に係る移動端末設備からのインターネット接続サービス利用者識別符号",
            "mobile internet-access user identification code of the violation-related telecommunications",
        ),
        "login",
    ),
    "login_sim_id": (
        11,
        Message(
            "侵害関連通信に係るSIMカード識別番号",
            "SIM card identification number of the violation-related telecommunications",
        ),
        "login",
    ),
    "sms_phone": (
        12,
        Message(
            "侵害関連通信に係るSMS認証に用いられた電話番号",
            "telephone number used for SMS authentication in the violation-related telecommunications",
        ),
        "login",
    ),
    "login_at": (
        13,
        Message(
            "侵害関連通信の年月日及び時刻",
            "date and time of the violation-related telecommunications",
        ),
        "login",
    ),
    "usage_code": (
        14,
        Message("利用管理符号", "usage management code"),
        "account",
    ),
}

OFFENSES: dict[str, Message] = {
    "defamation": Message("名誉毀損罪（刑法230条1項）", "Defamation (Penal Code Art. 230(1))"),
    "insult": Message("侮辱罪（刑法231条）", "Insult (Penal Code Art. 231)"),
}

POST_KINDS: dict[str, Message] = {
    "post": Message("投稿", "post"),
    "repost": Message("リポスト", "repost"),
    "quote": Message("引用投稿", "quote post"),
    "reply": Message("返信", "reply"),
    "profile": Message("プロフィール", "profile"),
    "direct_message": Message("ダイレクトメッセージ", "direct message"),
}

EVIDENCE_KINDS: dict[str, Message] = {
    "screenshot": Message("スクリーンショット", "screenshot"),
    "printout": Message("印刷物", "printout"),
    "statement": Message("陳述書", "written statement"),
    "certificate": Message("証明書", "certificate"),
    "record": Message("記録", "record"),
    "medical": Message("診断書等", "medical record"),
    "other": Message("その他", "other"),
}

EVIDENCE_FORMS: dict[str, Message] = {
    "copy": Message("写し", "copy"),
    "original": Message("原本", "original"),
}
"""原本・写しの別, as the 証拠説明書 states it."""
