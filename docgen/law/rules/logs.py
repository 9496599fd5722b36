"""Rules about the access provider's logs (brief §9.4 L1, L3 and §9.3 S14 for the preservation
petition): how old the logged communications are, and whether each is identified well enough.

Log retention is practice, not law (brief §7.9, table from ~2015): mobile carriers keep about
3 months (docomo and SoftBank 93 days, KDDI 3 months); fixed-line ISPs 3–6 months, some a year.
The lapse date is the one ``docgen deadlines`` shows (``deadlines.retention_horizon``: 93 days at
docomo and SoftBank, otherwise 3 months, the shortest retention anyone reports); a lapse within
``LOG_LAPSE_ALERT_DAYS`` is called urgent. Both thresholds are design choices, not sourced.
"""

from __future__ import annotations

from datetime import date

from docgen.case.model import Case
from docgen.findings import Finding, Message
from docgen.law.calendar import days_between
from docgen.law.common import day_of, finding, network
from docgen.law.deadlines import retention_horizon

LOG_LAPSE_ALERT_DAYS = 30
"""L1 calls a log retention urgent when it may lapse within this many days."""
_PERIOD = {
    "mobile": Message(
        "携帯電話事業者では約3か月（ドコモ・ソフトバンク93日、KDDI 3か月）",
        "about 3 months at mobile carriers (docomo and SoftBank 93 days, KDDI 3 months)",
    ),
    "fixed": Message(
        "固定回線事業者では3〜6か月程度（1年以上の事業者もあります）",
        "3 to 6 months at fixed-line ISPs (some keep a year or more)",
    ),
    None: Message(
        "携帯電話事業者で約3か月、固定回線事業者で3〜6か月程度",
        "about 3 months at mobile carriers and 3 to 6 months at fixed-line ISPs",
    ),
}


def retention_finding(case: Case, path: str, day: date) -> Finding | None:
    """L1 for one logged communication on ``day``: lapsed (possibly erased) or urgent, or None."""
    today, period = case.document_date, _PERIOD.get(network(case), _PERIOD[None])
    lapse, age = retention_horizon(case).after(day), days_between(day, case.document_date)
    if today > lapse:
        ja = f"ログの保存期間は一般に{period.ja}とされ、既に消去されている可能性があります。"
        en = f"Logs are typically kept {period.en}; they may already have been erased."
    elif days_between(today, lapse) <= LOG_LAPSE_ALERT_DAYS:
        ja = f"ログの保存期間（{period.ja}）が早ければ{lapse}に経過するため、至急の対応が必要です。"
        en = f"Logs are typically kept {period.en}, so they may lapse as early as {lapse}: urgent."
    else:
        return None
    return finding(
        "L1",
        "warning",
        path,
        f"`{path}`（{day}）から{age}日が経過しています。{ja}",
        f"{age} days have passed since `{path}` ({day}). {en}",
        "[P] practice (S-kanda-logtable)",
    )


def l1_connection_retention(case: Case) -> list[Finding]:
    """L1: days since each logged connection against the access provider's typical retention."""
    found = [
        retention_finding(case, f"connections[{i}].at", day_of(c.at))
        for i, c in enumerate(case.connections, start=1)
    ]
    return [f for f in found if f is not None]


def l3_connection_identifiers(case: Case) -> list[Finding]:
    """L3: each connection needs what the access provider searches by. ``ip`` and ``at`` (with its
    zone) are required by the case model already; the port may be missing from a platform's log
    (warning); a mobile carrier cannot search without the destination (error)."""
    mobile, found = network(case) == "mobile", []
    for i, connection in enumerate(case.connections, start=1):
        if connection.port is None:
            found.append(
                finding(
                    "L3",
                    "warning",
                    f"connections[{i}].port",
                    f"`connections[{i}].port`（接続元ポート番号）がありません。IPアドレスを複数の利用者で"
                    "共有する事業者では、ポート番号がなければ契約者を特定できないことがあります。"
                    "開示を受けていれば記載してください。",
                    f"`connections[{i}].port` (source port) is missing. Where an IP address is shared "
                    "by many subscribers, the provider may be unable to identify one without it; add "
                    "it if it was disclosed.",
                    "[P] practice (S-rakuten, S-koshino)",
                )
            )
        if mobile and connection.destination is None:
            found.append(
                finding(
                    "L3",
                    "error",
                    f"connections[{i}].destination",
                    f"`connections[{i}].destination`（接続先IPアドレス）がありません。携帯電話事業者は"
                    "接続先が分からなければ通信を特定できません。",
                    f"`connections[{i}].destination` (the destination IP address) is missing; a mobile "
                    "carrier cannot find the connection without it.",
                    "[P] practice (S-rakuten); S-kanda-logkari-2015",
                )
            )
    return found


def s14_related_case(case: Case) -> list[Finding]:
    """S14 (warning for this petition): name the pending case in which the connections were
    disclosed; a follow-up 開示命令 against the access provider must state it and goes to the same
    court (Rule 2; Art. 10, exclusive)."""
    if case.case.related_case is not None:
        return []
    return [
        finding(
            "S14",
            "warning",
            "case.related_case",
            "`case.related_case`（接続情報が開示された係属中の事件の裁判所及び事件番号）がありません。"
            "消去を禁止する通信がどの事件で開示されたかを示すため記載してください。提供命令を経て"
            "アクセスプロバイダに開示命令を申し立てる場合には、係属中の事件の裁判所と事件番号の記載が"
            "必要であり、同じ裁判所に申し立てる必要があります。",
            "`case.related_case` (the court and number of the pending case in which the connections "
            "were disclosed) is missing. State it to show where the connections come from; a "
            "disclosure-order petition against the access provider after a provision order must state "
            "it and be filed with the same court.",
            "Rule 2; Art. 10 (exclusive)",
        )
    ]
