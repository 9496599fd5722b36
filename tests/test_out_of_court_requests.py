"""The two out-of-court letters of the disclosure chain: the TELESA 発信者情報開示請求書 (to the
platform or the access provider) and the ログ保存要請書 to the access provider.

Each rule has a case that triggers it and one that does not; the drafts are checked for what the
provider reads (the addressee, the article relied on, the form's checklist, the connections, the
retention estimate stated as an estimate) and for what must not reach the poster (the victim's
statement, contact details in the reasons).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner

from docgen.api import render_case
from docgen.case.load import load_case
from docgen.case.model import Case
from docgen.catalogue import RULE_IDS
from docgen.check import filing_findings, supported_filings
from docgen.cli import main
from docgen.filings import FILINGS, get_filing
from docgen.law.rules import letters as rules_letters
from tests.conftest import MINIMAL_CASE, Make, case_builder, found, sample

PLUS9 = timezone(timedelta(hours=9))
REQUEST = "disclosure-request"
LOG = "log-preservation-request"

CONNECTION: dict[str, Any] = {
    "ip": "203.0.113.87",
    "port": 50312,
    "at": datetime(2026, 10, 19, 10, 58, 14, tzinfo=UTC),
    "destination": "192.0.2.44",
    "evidence": ["2"],
}
BASE: dict[str, Any] = {
    "case": {"id": "t-1", "date": date(2026, 11, 22)},
    "victim": {
        "name": "山田 花子",
        "address": "東京都世田谷区北沢九丁目12番3号",
        "phone": "03-1468-2271",
    },
    "platform": {"ref": "x"},
    "posts": [
        {
            "url": "https://x.com/someone/status/1834567890123456789",
            "account": "@someone",
            "posted_at": datetime(2026, 10, 19, 21, 14, tzinfo=PLUS9),
            "text": "山田花子は会社の金を横領している。",
            "evidence": ["1"],
        }
    ],
    "claim": {
        "rights": ["reputation"],
        "identification": "実名が記載されている。",
        "facts_alleged": "横領の事実",
        "harm": "社会的評価を低下させる。",
        "no_justification": "事実無根である。",
    },
    "disclosure": {"purposes": ["damages"], "items": ["name", "address"]},
    "evidence": [
        {"id": "1", "title": "投稿のスクリーンショット", "kind": "screenshot"},
        {"id": "2", "title": "ログイン記録", "kind": "record"},
        {"id": "3", "title": "陳述書", "kind": "statement"},
    ],
}
TO_AP: dict[str, Any] = {
    "access_provider": {"ref": "docomo", "network": "mobile"},
    "connections": [CONNECTION],
}



@pytest.fixture(autouse=True, params=[f"{REQUEST}+{LOG}"], ids=[f"{REQUEST}+{LOG}"])
def filing_ids(request: pytest.FixtureRequest) -> str:
    """Tags every test with both filings' ids, so ``-k disclosure-request`` or ``-k
    log-preservation-request`` runs them with the goldens."""
    return str(request.param)


@pytest.fixture
def make() -> Make:
    return case_builder(BASE)



def codes(case: Case, filing: str) -> set[tuple[str, str]]:
    return {(f.code, f.severity) for f in filing_findings(case, get_filing(filing))}


# ---------------------------------------------------------------------------------------------
# the registry
# ---------------------------------------------------------------------------------------------


def test_registered_in_the_order_of_a_matter() -> None:
    ids = list(FILINGS)
    assert ids.index("deletion-request") < ids.index(REQUEST) < ids.index("disclosure-petition")
    assert ids.index(LOG) < ids.index("preservation-petition")
    assert get_filing("kaiji-seikyu").id == REQUEST
    assert get_filing("log-hozon").id == LOG
    assert (get_filing(REQUEST).stage, get_filing(LOG).stage) == ("disclosure", "preservation")
    assert {"S24", "S25", "L5"} <= RULE_IDS


def test_render_all_writes_them_where_the_case_supports_them() -> None:
    tanaka = {
        f.id for f in supported_filings(load_case(sample("tanaka-carrier-preservation")).case)
    }
    assert {REQUEST, LOG} <= tanaka
    yamada = {f.id for f in supported_filings(load_case(sample("yamada-x-defamation")).case)}
    assert REQUEST in yamada and LOG not in yamada  # no connections yet


# ---------------------------------------------------------------------------------------------
# rules of the disclosure request
# ---------------------------------------------------------------------------------------------


def test_s24_names_the_access_provider_when_the_connections_are_known(make: Make) -> None:
    (finding,) = rules_letters.s24_addressee(make(**TO_AP))
    assert found([finding]) == [("S24", "info", "access_provider")]
    assert "NTT DOCOMO" in finding.message.en and "Art. 5(2)" in finding.message.en
    assert "[U]" in finding.message.en  # the article the 2025 form cites is unconfirmed


def test_s24_names_the_platform_otherwise(make: Make) -> None:
    (finding,) = rules_letters.s24_addressee(make(access_provider={"ref": "docomo"}))
    assert found([finding]) == [("S24", "info", "platform")]
    assert "X Corp." in finding.message.en and "Art. 5(1)" in finding.message.en


def test_s23_no_request_to_the_platform_while_a_case_against_it_is_pending(make: Make) -> None:
    related = {"related_case": {"court": "tokyo", "number": "令和8年(発チ)第1号"}}
    pending = make(case={**BASE["case"], **related})
    reason = rules_letters.pending_case_against_the_platform(pending)
    assert reason is not None and (reason.code, reason.severity) == ("S23", "error")
    assert REQUEST not in {f.id for f in supported_filings(pending)}


def test_s23_not_once_the_request_goes_to_the_access_provider(make: Make) -> None:
    related = {"related_case": {"court": "tokyo", "number": "令和8年(発チ)第1号"}}
    case = make(case={**BASE["case"], **related}, **TO_AP)
    assert rules_letters.pending_case_against_the_platform(case) is None
    assert REQUEST in {f.id for f in supported_filings(case)}


def test_d3_contact_details_in_the_requests_reasons(make: Make) -> None:
    own = {"harm": "連絡は hanako@example.jp まで。"}
    case = make(claim={**BASE["claim"], "disclosure-request": own})
    (finding,) = rules_letters.d3_contact_details_in_request(case)
    assert found([finding]) == [("D3", "warning", "claim.disclosure-request.harm")]
    assert "意見照会" in finding.message.ja


def test_d3_not_for_reasons_without_contact_details(make: Make) -> None:
    assert rules_letters.d3_contact_details_in_request(make()) == []


def test_s25_login_items_asked_of_the_access_provider(make: Make) -> None:
    case = make(disclosure={"purposes": ["damages"], "items": ["name", "login_ip"]}, **TO_AP)
    (finding,) = rules_letters.s25_items_the_addressee_holds(case)
    assert found([finding]) == [("S25", "warning", "disclosure.items")]
    assert "login_ip" in finding.message.en


def test_s25_not_for_subscriber_items_or_a_request_to_the_platform(make: Make) -> None:
    assert rules_letters.s25_items_the_addressee_holds(make(**TO_AP)) == []
    platform = make(disclosure={"purposes": ["damages"], "items": ["login_ip"]})
    assert rules_letters.s25_items_the_addressee_holds(platform) == []


def test_s6_login_items_asked_of_the_platform_need_the_limb(make: Make) -> None:
    case = make(
        disclosure={"purposes": ["damages"], "items": ["login_ip"], "supplementarity": "理由"}
    )
    assert ("S6", "error") in {
        (f.code, f.severity) for f in rules_letters.s6_platform_supplementarity(case)
    }


def test_s6_not_for_the_access_provider(make: Make) -> None:
    case = make(disclosure={"purposes": ["damages"], "items": ["login_ip"]}, **TO_AP)
    assert rules_letters.s6_platform_supplementarity(case) == []


def test_s8_each_connection_identified_for_the_access_provider(make: Make) -> None:
    case = make(**{**TO_AP, "connections": [{**CONNECTION, "destination": None}]})
    assert found(rules_letters.s8_connection_identifiers(case)) == [
        ("S8", "error", "connections[1].destination")
    ]


def test_s8_not_for_complete_connections_or_the_platform(make: Make) -> None:
    assert rules_letters.s8_connection_identifiers(make(**TO_AP)) == []
    assert rules_letters.s8_connection_identifiers(make()) == []


def test_s9_a_masked_copy_when_the_address_is_shown(make: Make) -> None:
    assert found(rules_letters.s9_two_copies(make())) == [("S9", "info", "victim.address")]


def test_s9_not_when_the_address_is_concealed(make: Make) -> None:
    case = make(victim={**BASE["victim"], "conceal_address": True})
    assert rules_letters.s9_two_copies(case) == []


def test_s10_seal_certificate_without_an_attorney(make: Make) -> None:
    assert found(rules_letters.s10_seal_certificate(make())) == [("S10", "info", "attorneys")]


def test_s10_not_with_an_attorney(make: Make) -> None:
    assert rules_letters.s10_seal_certificate(make(attorneys=[{"name": "高橋 誠"}])) == []


def test_a_statement_is_never_attached_and_citing_it_is_refused(make: Make) -> None:
    filing = get_filing(REQUEST)
    assert [e.id for e in filing.exhibits(make(**TO_AP))] == ["1", "2"]
    cites = make(claim={**BASE["claim"], "harm": "精神的苦痛を受けた{ev:3}。"})
    assert "3" not in [e.id for e in filing.exhibits(cites)]
    x12 = [f for f in filing_findings(cites, filing) if f.code == "X12"]
    assert found(x12) == [("X12", "error", "claim.harm")]


def test_the_tanaka_request_has_no_error() -> None:
    case = load_case(sample("tanaka-carrier-preservation")).case
    assert not any(sev == "error" for _, sev in codes(case, REQUEST))


# ---------------------------------------------------------------------------------------------
# rules of the log-preservation request
# ---------------------------------------------------------------------------------------------


def test_l5_a_mobile_carrier_may_want_a_disclosure_request(make: Make) -> None:
    assert found(rules_letters.l5_carrier_wants_a_request(make(**TO_AP))) == [
        ("L5", "info", "access_provider.network")
    ]


def test_l5_not_for_a_fixed_line_isp(make: Make) -> None:
    fixed = {**TO_AP, "access_provider": {"name": "株式会社みなと", "network": "fixed"}}
    assert rules_letters.l5_carrier_wants_a_request(make(**fixed)) == []


def test_l1_a_lapsed_retention_estimate_is_a_warning(make: Make) -> None:
    old = {**CONNECTION, "at": datetime(2026, 7, 1, 1, 0, tzinfo=UTC)}
    case = make(**{**TO_AP, "connections": [old]})
    assert ("L1", "warning") in codes(case, LOG)
    assert ("L1", "warning") not in codes(make(**TO_AP), LOG)  # 34 days: not urgent yet


def test_l3_a_mobile_connection_without_destination_is_an_error(make: Make) -> None:
    case = make(**{**TO_AP, "connections": [{**CONNECTION, "destination": None}]})
    assert ("L3", "error") in codes(case, LOG)
    assert ("L3", "error") not in codes(make(**TO_AP), LOG)


# ---------------------------------------------------------------------------------------------
# what the drafts say
# ---------------------------------------------------------------------------------------------

WriteCase = Callable[..., Path]
AP_TEXT = """
[access_provider]
ref = "docomo"
network = "mobile"
evidence = ["2"]

[[connections]]
ip = "203.0.113.87"
port = 50312
at = 2026-10-19T10:58:14Z
destination = "192.0.2.44"
evidence = ["2"]

[[evidence]]
id = "2"
title = { ja = "ログイン記録", en = "Login records" }
kind = "record"
"""
RELATED = 'related_case = { court = "tokyo", number = "令和8年(発チ)第1234号" }\n'


def _with_related(text: str) -> str:
    """``text`` with the pending case against the platform, the access provider and the
    connection it disclosed."""
    return text.replace('court = "tokyo"\n', 'court = "tokyo"\n' + RELATED, 1) + AP_TEXT


@pytest.fixture
def draft(write_case: WriteCase, tmp_path: Path) -> Callable[..., str]:
    def run(filing: str, extra: str = "", lang: str = "ja", text: str = MINIMAL_CASE) -> str:
        path = write_case(text + extra)
        out = render_case(path, filing, out_dir=tmp_path / "out", languages=[lang], formats=["md"])
        (written,) = out.written
        return written.read_text(encoding="utf-8")

    return run


def test_request_to_the_platform_is_the_form(draft: Callable[..., str]) -> None:
    ja = draft(REQUEST)
    assert "至 エックス・コープ（X Corp.） 御中" in ja
    assert (
        "［権利を侵害されたと主張する者］（請求者）\n住所　東京都世田谷区北沢九丁目1番2号\n氏名　山田 花子　印\n電話　03-1000-0000"
        in ja
    )
    assert "# 発信者情報開示請求書" in ja
    assert "法律（以下「法」といいます。）第5条第1項に基づき" in ja
    assert (
        "貴社が発信者から苦情又は損害賠償請求等を受けた場合には、請求者が責任をもって対処いたします。"
        in ja
    )
    assert (
        "| 貴社が管理する特定電気通信設備等 | https://x.com/someone/status/1834567890123456789 |"
        in ja
    )
    assert (
        "| 発信者情報の開示を受けるべき正当理由（複数選択可） | ■ 1　損害賠償請求権の行使のために必要であるため<br>□ 2"
        in ja
    )
    assert "□ 5　その他 |" in ja
    assert (
        "1　本件アカウントに登録された氏名又は名称<br>2　本件アカウントに登録された住所<br>3　本件アカウントに登録された電子メールアドレス"
        in ja
    )
    assert "| 証拠 | 添付のとおり<br>資料1　投稿のスクリーンショット |" in ja
    for absent in ("申立人", "相手方", "甲1", "債権者"):
        assert absent not in ja


def test_request_is_sealed_and_the_note_on_the_sender_has_its_own_heading(
    draft: Callable[..., str],
) -> None:
    ja = draft(REQUEST)
    # in person: the requester seals the form (TELESA: 氏名 + 印)
    assert "氏名　山田 花子　印\n" in ja
    # the paragraph on what the sender will see is not part of the last reason
    assert "### 2　発信者に示される情報について\n\n請求者は、貴社が発信者の意見を聴くに当たり" in ja
    en = draft(REQUEST, lang="en")
    assert "Name: Hanako Yamada (seal)\n" in en
    assert "### 2. Information Shown to the Sender\n\nThe requester understands" in en


def test_the_attorney_seals_the_request(tmp_path: Path) -> None:
    outcome = render_case(
        sample("nakamura-whole-chain"), REQUEST, out_dir=tmp_path, languages=["ja"], formats=["md"]
    )
    (path,) = outcome.written
    ja = path.read_text(encoding="utf-8")
    assert "上記代理人弁護士　森本 健太　印\n" in ja
    assert "氏名　中村 美咲\n連絡先　下記代理人" in ja  # the client does not seal
    assert "### 2　発信者に示される情報について" in ja


def test_request_to_the_access_provider(draft: Callable[..., str]) -> None:
    ja = draft(REQUEST, text=_with_related(MINIMAL_CASE))
    assert "至 株式会社NTTドコモ 御中" in ja
    assert "第5条第2項に基づき" in ja
    assert "貴社は、当該通信を媒介した関連電気通信役務提供者です。" in ja
    assert (
        "| 貴社が管理する特定電気通信設備等 | 次の通信を媒介した貴社の電気通信設備<br>IPアドレス：203.0.113.87"
        "<br>ポート番号：50312<br>日時：令和8年10月19日19時58分14秒（日本時間。協定世界時 2026-10-19T10:58:14Z）"
        "<br>接続先：192.0.2.44" in ja
    )
    assert (
        "であって、同日時に同欄記載の接続先に接続していたものに係る契約者に関する次の情報<br>1　氏名又は名称<br>2　住所<br>3　電子メールアドレス"
        in ja
    )
    assert "資料2　ログイン記録" in ja
    en = draft(REQUEST, text=_with_related(MINIMAL_CASE), lang="en")
    assert "To: NTT DOCOMO, INC." in en and "under Article 5(2) of the Act" in en
    assert "Japanese original governs" in en


def test_other_reasons_are_ticked_with_their_text(draft: Callable[..., str]) -> None:
    text = MINIMAL_CASE.replace(
        'purposes = ["damages"]',
        'purposes = ["deletion_request", "criminal_complaint", "other"]\npurpose_note = "謝罪を求めるため"',
    )
    ja = draft(REQUEST, text=text)
    assert "□ 1　損害賠償請求権" in ja and "■ 4　発信者に対する削除要求" in ja
    assert "■ 5　その他（刑事告訴のため、謝罪を求めるため） |" in ja


def test_the_deletion_wording_serves_unless_the_request_has_its_own(
    draft: Callable[..., str],
) -> None:
    deletion = '\n[claim.deletion-request]\nharm = "通知書向けの記載です{ev:1}。"\n'
    assert "通知書向けの記載です（資料1）。" in draft(REQUEST, deletion)
    own = deletion + '\n[claim.disclosure-request]\nharm = "開示請求書だけの記載です。"\n'
    ja = draft(REQUEST, own)
    assert "開示請求書だけの記載です。" in ja and "通知書向け" not in ja
    assert "社会的評価を低下させる。" not in ja  # the shared (petition) text is not used


def test_log_request_names_the_connections_and_the_estimate(draft: Callable[..., str]) -> None:
    ja = draft(LOG, text=_with_related(MINIMAL_CASE))
    assert ja.startswith("令和8年11月22日\n\n株式会社NTTドコモ　御中\n")
    assert "# アクセスログ保存要請書" in ja
    assert "山田 花子（以下「要請者」といいます。）は、貴社に対し" in ja
    assert (
        "東京地方裁判所にエックス・コープ（X Corp.）を相手方とする発信者情報開示命令を申し立て（令和8年(発チ)第1234号）"
        in ja
    )
    assert "今後速やかに、貴社に対し" in ja
    assert (
        "| 1 | 203.0.113.87 | 50312 | 令和8年10月19日19時58分14秒（日本時間。協定世界時 2026-10-19T10:58:14Z） | 192.0.2.44 |"
        in ja
    )
    assert (
        "通信記録の保存期間は法令に定めがなく、各事業者の運用によりますが、携帯電話事業者においては、一般に約93日とされています。"
        in ja
    )
    assert "早ければ令和9年1月20日頃に本件ログが消去されるおそれがあります。" in ja
    assert (
        "本書到達後1週間以内に、本件ログの保存の可否（保存していただける場合はその保存期限、該当する記録が見当たらない場合"
        in ja
    )
    assert "電話　03-1000-0000" in ja
    assert "・資料1　ログイン記録" in ja and "スクリーンショット" not in ja
    en = draft(LOG, text=_with_related(MINIMAL_CASE), lang="en")
    assert "mobile carriers are generally said to keep them for about 93 days" in en
    assert "the Logs may be erased as early as around January 20, 2027" in en


def test_log_request_after_the_petition_against_the_access_provider(
    draft: Callable[..., str],
) -> None:
    text = _with_related(MINIMAL_CASE).replace(
        'network = "mobile"\n', 'network = "mobile"\ncase_number = "令和8年(発チ)第2000号"\n'
    )
    ja = draft(LOG, text=text)
    assert (
        "貴社を相手方として、本件投稿の発信者の氏名、住所等の開示を求める手続を既にとっており（令和8年(発チ)第2000号）"
        in ja
    )
    assert "今後速やかに" not in ja


def test_log_request_in_word_lists_the_connection(write_case: WriteCase, tmp_path: Path) -> None:
    path = write_case(_with_related(MINIMAL_CASE))
    out = render_case(path, LOG, out_dir=tmp_path / "out", languages=["ja"], formats=["docx"])
    (written,) = out.written
    document = docx.Document(io.BytesIO(written.read_bytes()))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert [
        "1",
        "203.0.113.87",
        "50312",
        "令和8年10月19日19時58分14秒（日本時間。協定世界時 2026-10-19T10:58:14Z）",
        "192.0.2.44",
    ] in rows


def test_log_request_needs_the_access_provider_and_the_connections(
    write_case: WriteCase, runner: CliRunner, tmp_path: Path
) -> None:
    path = write_case(MINIMAL_CASE)
    result = runner.invoke(main, ["render", LOG, str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert (
        "`access_provider` is missing: the letter is addressed to the access provider"
        in result.output
    )
    assert (
        "`connections` is missing: the connections to preserve (IP address, port, timestamp to the second"
        in result.output
    )
    assert not (tmp_path / "out").exists()


def test_s23_after_a_provision_order_points_to_the_petition(make: Make) -> None:
    related = {
        "related_case": {"court": "tokyo", "number": "令和8年(発チ)第1号", "provision_order": True}
    }
    reason = rules_letters.pending_case_against_the_platform(
        make(case={**BASE["case"], **related}, access_provider={"ref": "docomo"})
    )
    assert reason is not None and reason.code == "S23"
    assert "access-provider-petition" in reason.message.en


def test_the_request_words_the_supplementarity_reasons_itself(
    runner: CliRunner, tmp_path: Path
) -> None:
    """S6 (info): the petition's である reasons for Art. 5(1)(iii) in a です・ます form are
    pointed out; `[claim.disclosure-request] supplementarity` gives the request its own."""
    own = runner.invoke(
        main, ["check", str(sample("yamada-x-defamation")), "--filing", REQUEST, "--lang", "en"]
    )
    assert "[S6] disclosure.supplementarity: the request prints" not in own.output
    shared = runner.invoke(
        main, ["check", str(sample("kato-locked-account")), "--filing", REQUEST, "--lang", "en"]
    )
    assert "info [S6] disclosure.supplementarity: the request prints" in shared.output
    out = tmp_path / "out"
    rendered = runner.invoke(
        main,
        ["render", REQUEST, str(sample("yamada-x-defamation")), "-o", str(out), "--format", "md"],
    )
    assert rendered.exit_code == 0, rendered.output
    text = next(out.rglob(f"{REQUEST}.ja.md")).read_text(encoding="utf-8")
    reasons = text.split("（法第5条第1項第3号）", 1)[1].split("###", 1)[0]
    assert "特定することができません。" in reasons and "とどまる。" not in reasons
    petition = load_case(sample("yamada-x-defamation")).case.disclosure.supplementarity
    assert petition is not None and "とどまる。" in str(petition)  # the petition keeps its own
