"""ログ保存要請書: the letter asking the access provider to keep its logs (brief §4.1, §9.4).

It names the connections the platform disclosed (IP address, source port, timestamp to the second
with its zone, destination), says disclosure proceedings will be brought or are pending, asks that
the logs not be erased until they end and for a reply (kept until when, or no log found), and
states the retention estimate it races against as the practical estimate it is (brief §7.9 [P]).
"""

from __future__ import annotations

from docgen.case.model import Case, Evidence
from docgen.filings.base import Filing, Requirement
from docgen.filings.requirements import CONCEALED_ADDRESS_HAS_AN_OFFICE, POSTS, has_contact
from docgen.filings.voice import LETTER_TO_ACCESS_PROVIDER
from docgen.findings import Message
from docgen.law.rules.letters import l5_carrier_wants_a_request
from docgen.law.rules.logs import l1_connection_retention, l3_connection_identifiers


def attachments(case: Case) -> list[Evidence]:
    """The platform's disclosure of the connections and the WHOIS lookup naming the provider."""
    wanted = {ref for c in case.connections for ref in c.evidence}
    wanted |= set(case.access_provider.evidence if case.access_provider else [])
    return [e for e in case.evidence if e.id in wanted]


FILING = Filing(
    id="log-preservation-request",
    aliases=("log-hozon", "log-preservation"),
    title=Message("アクセスログ保存要請書", "Request to Preserve Access Logs"),
    addressee=Message("アクセスプロバイダ", "the access provider"),
    stage="preservation",
    voice=LETTER_TO_ACCESS_PROVIDER,
    texts=("claim.necessity",),
    shared_claim=False,
    attachments=attachments,
    requirements=(
        CONCEALED_ADDRESS_HAS_AN_OFFICE,
        Requirement(
            "access_provider",
            lambda c: c.access_provider is not None,
            Message(
                "要請書の宛先となるアクセスプロバイダ（開示されたIPアドレスをWHOIS等で調べて判明した"
                "事業者）の名称が必要です",
                "the letter is addressed to the access provider (found from the disclosed IP "
                "addresses, e.g. by WHOIS): name it",
            ),
            code="X2",
        ),
        Requirement(
            "connections",
            lambda c: bool(c.connections),
            Message(
                "保存を求める通信（IPアドレス、ポート番号、秒までのタイムスタンプと時間帯、接続先）を"
                "列挙する必要があります。アクセスプロバイダはこれで記録を検索します",
                "the connections to preserve (IP address, port, timestamp to the second with its "
                "zone, destination) must be listed: the access provider searches its logs by them",
            ),
            code="L3",
        ),
        POSTS,
        Requirement(
            "victim.phone",
            has_contact,
            Message(
                "回答を受ける連絡先（電話番号、メールアドレス又は代理人）が必要です",
                "a contact for the reply (phone, e-mail or an attorney) is needed",
            ),
            code="X2",
        ),
    ),
    rules=(l1_connection_retention, l3_connection_identifiers, l5_carrier_wants_a_request),
)
