"""The civil claim against the identified poster: the demand letter (通知書) and the complaint for
damages (訴状), the filing-fee table, the court chosen, and rules C1–C10.

Each rule has a case that triggers it and one that does not; the rendered drafts are checked for
what the poster or the court reads (the amounts by head, the total, the deadline, the relief
sought with delay damages, the court without the disclosure division, the stamps).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docgen.api import render_case
from docgen.case.load import load_case
from docgen.check import filing_findings
from docgen.cli import main
from docgen.filings import get_filing
from docgen.law.fees import filing_fee
from docgen.law.rules import civil as rc
from tests.conftest import Make, case_builder, found, sample

PLUS9 = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 25)
SAMPLE = sample("nakamura-whole-chain")

BASE_POST: dict[str, Any] = {
    "url": "https://x.com/someone/status/1834567890123456789",
    "account": "@someone",
    "posted_at": datetime(2025, 9, 1, 21, 14, tzinfo=PLUS9),
    "text": "山田花子は会社の金を横領している。",
    "evidence": ["1"],
}
BASE: dict[str, Any] = {
    "case": {"id": "t-1", "date": TODAY, "court": "tokyo"},
    "victim": {"name": "山田 花子", "address": "東京都世田谷区北沢九丁目12番3号"},
    "attorneys": [{"name": "高橋 誠", "address": "東京都千代田区麹町八丁目4番5号"}],
    "platform": {"ref": "x"},
    "posts": [BASE_POST],
    "claim": {
        "rights": ["reputation"],
        "identification": "実名である。",
        "facts_alleged": "横領の事実。",
        "harm": "社会的評価を低下させる。",
        "no_justification": "事実無根である。",
    },
    "police": {
        "offender": {"name": "小野 一郎", "address": "埼玉県さいたま市浦和区高砂九丁目1番1号"},
        "offender_known_at": date(2026, 11, 1),
    },
    "damages": {
        "heads": [
            {"kind": "distress", "amount": 1_000_000, "basis": "精神的苦痛。"},
            {"kind": "attorney", "amount": 100_000, "basis": "1割。"},
        ],
        "pay_by": date(2026, 12, 9),
        "account": "杉並みらい銀行 普通 0123456",
    },
    "evidence": [{"id": "1", "title": "スクリーンショット", "kind": "screenshot"}],
}


@pytest.fixture(autouse=True, params=["demand-letter damages-complaint"], ids=["civil"])
def tag(request: pytest.FixtureRequest) -> str:
    """Tags every test (``-k demand-letter`` / ``-k damages-complaint`` run them)."""
    return str(request.param)


@pytest.fixture
def make() -> Make:
    return case_builder(BASE)



# ---------------------------------------------------------------------------------------------
# The fee table (民事訴訟費用等に関する法律 別表第一 1項)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fee"),
    [
        (1_000_000, 10_000),
        (2_600_000, 18_000),
        (3_000_000, 20_000),
        (5_000_000, 30_000),
        (10_000_000, 50_000),
        # every bracket edge, and the first yen above it
        (1, 1_000),
        (100_000, 1_000),
        (100_001, 2_000),
        (1_000_001, 11_000),
        (1_200_000, 11_000),
        (1_200_001, 12_000),
        (5_000_001, 32_000),
        (10_000_001, 53_000),
        (100_000_000, 320_000),
        (1_000_000_000, 3_020_000),
        (1_000_000_001, 3_030_000),
        (5_000_000_000, 11_020_000),
        (5_000_000_001, 11_030_000),
        (5_010_000_000, 11_030_000),
    ],
)
def test_the_filing_fee_follows_the_table(value: int, fee: int) -> None:
    assert filing_fee(value) == fee


# ---------------------------------------------------------------------------------------------
# Delay damages and the court
# ---------------------------------------------------------------------------------------------


def test_the_statutory_rate_follows_the_day_of_the_tort(make: Make) -> None:
    before = make(posts=[{**BASE_POST, "posted_at": datetime(2020, 3, 31, 23, 0, tzinfo=PLUS9)}])
    after = make(posts=[{**BASE_POST, "posted_at": datetime(2020, 4, 1, 0, 0, tzinfo=PLUS9)}])
    assert (rc.delay_rate(before), rc.delay_rate(after)) == (5, 3)
    assert rc.delay_from(after) == date(2020, 4, 1)
    given = make(
        damages={**BASE["damages"], "interest_rate": 4.5, "interest_from": date(2021, 1, 1)}
    )
    assert (rc.delay_rate(given), rc.delay_from(given)) == (4.5, date(2021, 1, 1))


def test_the_court_follows_the_amount_and_the_place(make: Make) -> None:
    summary = rc.complaint_court(make())  # ¥1.1 million
    assert summary.summary and summary.court is not None
    assert summary.court.name.ja == "東京簡易裁判所"  # type: ignore[union-attr]
    big = {**BASE["damages"], "heads": [{"kind": "distress", "amount": 1_400_001}]}
    district = rc.complaint_court(make(damages=big))
    assert not district.summary and district.court is not None
    assert district.court.name.ja == "東京地方裁判所"  # type: ignore[union-attr]
    assert district.court.division is None  # never the disclosure division
    osaka = rc.complaint_court(make(case={**BASE["case"], "court": "osaka"}))
    assert osaka.court is not None and osaka.court.name.ja == "大阪簡易裁判所"  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------
# The rules: one case that triggers each, one that does not
# ---------------------------------------------------------------------------------------------


def test_c1_limitation(make: Make) -> None:
    assert found(rc.c1_limitation(make())) == []
    old = make(police={**BASE["police"], "offender_known_at": date(2023, 10, 1)})
    assert found(rc.c1_limitation(old)) == [("C1", "warning", "police.offender_known_at")]
    unknown = make(police={"offender_known_at": None})
    assert found(rc.c1_limitation(unknown)) == [("C1", "info", "police.offender_known_at")]


def test_c2_other_head_needs_a_title(make: Make) -> None:
    titled = {"kind": "other", "amount": 5000, "title": "交通費"}
    assert rc.c2_other_head_titled(make(damages={**BASE["damages"], "heads": [titled]})) == []
    untitled = {"kind": "other", "amount": 5000}
    case = make(damages={**BASE["damages"], "heads": [untitled]})
    assert found(rc.c2_other_head_titled(case)) == [("C2", "error", "damages.heads[1].title")]


def test_c3_attorney_fees_above_the_custom(make: Make) -> None:
    assert rc.c3_attorney_fee_share(make()) == []  # 10 %
    heads = [{"kind": "distress", "amount": 1_000_000}, {"kind": "attorney", "amount": 300_000}]
    case = make(damages={**BASE["damages"], "heads": heads})
    assert found(rc.c3_attorney_fee_share(case)) == [("C3", "info", "damages.heads[2].amount")]


def test_c4_payment_deadline(make: Make) -> None:
    assert rc.c4_payment_deadline(make()) == []
    past = make(damages={**BASE["damages"], "pay_by": TODAY})
    assert found(rc.c4_payment_deadline(past)) == [("C4", "error", "damages.pay_by")]
    short = make(damages={**BASE["damages"], "pay_by": TODAY + timedelta(days=3)})
    assert found(rc.c4_payment_deadline(short)) == [("C4", "info", "damages.pay_by")]


def test_c5_delay_rate_from_2026(make: Make) -> None:
    assert rc.c5_delay_rate(make()) == []  # a 2025 post: 3 %
    late = make(posts=[{**BASE_POST, "posted_at": datetime(2026, 4, 1, 9, 0, tzinfo=PLUS9)}])
    assert found(rc.c5_delay_rate(late)) == [("C5", "warning", "damages.interest_rate")]
    rated = make(
        posts=late.model_dump(mode="python")["posts"],
        damages={**BASE["damages"], "interest_rate": 3},
    )
    assert rc.c5_delay_rate(rated) == []


def test_c6_court_choice_and_a_summary_court_too_small(make: Make) -> None:
    (info,) = rc.c6_court(make())
    assert (info.code, info.severity) == ("C6", "info")
    assert "東京簡易裁判所" in info.message.ja and "damages.court" in info.message.en
    big = {**BASE["damages"], "heads": [{"kind": "distress", "amount": 2_000_000}]}
    given = make(damages={**big, "court": "tokyo"})
    assert rc.c6_court(given) == []
    wrong = make(damages={**big, "court": "tokyo-summary"})
    assert found(rc.c6_court(wrong)) == [("C6", "warning", "damages.court")]


def test_c7_no_sense_of_honour_for_a_company(make: Make) -> None:
    assert (
        rc.c7_corporate_honor_feeling(make(claim={**BASE["claim"], "rights": ["honor_feeling"]}))
        == []
    )
    company = make(
        victim={**BASE["victim"], "kind": "corporation"},
        claim={**BASE["claim"], "rights": ["reputation", "honor_feeling"]},
    )
    assert found(rc.c7_corporate_honor_feeling(company)) == [("C7", "info", "claim.rights")]


def test_c8_head_without_basis(make: Make) -> None:
    assert rc.c8_head_basis(make()) == []
    bare = make(
        damages={**BASE["damages"], "heads": [{"kind": "investigation", "amount": 400_000}]}
    )
    assert found(rc.c8_head_basis(bare)) == [("C8", "info", "damages.heads[1].basis")]


def test_c9_delay_before_the_tort(make: Make) -> None:
    assert (
        rc.c9_interest_start(make(damages={**BASE["damages"], "interest_from": date(2025, 9, 1)}))
        == []
    )
    early = make(damages={**BASE["damages"], "interest_from": date(2025, 8, 31)})
    assert found(rc.c9_interest_start(early)) == [("C9", "warning", "damages.interest_from")]


def test_c10_apology_not_claimed_in_the_complaint(make: Make) -> None:
    assert rc.c10_apology_not_sued_for(make()) == []
    sorry = make(damages={**BASE["damages"], "apology": "謝罪します。"})
    assert found(rc.c10_apology_not_sued_for(sorry)) == [("C10", "info", "damages.apology")]


def test_c11_a_concealed_plaintiff_needs_the_secrecy_order(make: Make) -> None:
    assert rc.c11_concealed_plaintiff(make()) == []
    hidden = make(victim={"conceal_address": True})
    assert found(rc.c11_concealed_plaintiff(hidden)) == [
        ("C11", "warning", "victim.conceal_address")
    ]
    assert "秘匿決定" in rc.c11_concealed_plaintiff(hidden)[0].message.ja
    assert "C11" in {f.code for f in filing_findings(hidden, get_filing("damages-complaint"))}


def test_the_missing_poster_is_named_in_each_filing_s_own_words(make: Make) -> None:
    case = make(police={"offender": {"account": "@someone"}})
    for filing, document in (
        ("demand-letter", "the letter"),
        ("damages-complaint", "the complaint"),
    ):
        messages = [f.message.en for f in filing_findings(case, get_filing(filing))]
        assert any(m.startswith("`police.offender.name` is missing: " + document) for m in messages)


def test_the_poster_must_be_named_with_an_address(make: Make) -> None:
    case = make(police={"offender": {"account": "@someone"}})
    for filing in ("demand-letter", "damages-complaint"):
        paths = {f.path for f in filing_findings(case, get_filing(filing)) if f.severity == "error"}
        assert {"police.offender.name", "police.offender.address"} <= paths


def test_render_names_the_missing_poster(write_case: Callable[[str], Path], tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("offender = {")
    text = (
        text[:start]
        + 'offender = { account = "@asagaya_oto_info" }'
        + text[text.index("\n", start) :]
    )
    path = write_case(text)
    result = CliRunner().invoke(main, ["render", "demand-letter", str(path), "-o", str(tmp_path)])
    assert result.exit_code != 0
    assert "police.offender.name" in result.output and "police.offender.address" in result.output


# ---------------------------------------------------------------------------------------------
# What the drafts say
# ---------------------------------------------------------------------------------------------


def rendered(filing: str, lang: str, tmp_path: Path) -> str:
    outcome = render_case(SAMPLE, filing, out_dir=tmp_path, languages=[lang], formats=["md"])
    (path,) = outcome.written
    return path.read_text(encoding="utf-8")


def test_the_demand_letter_claims_each_head_and_the_deadline(tmp_path: Path) -> None:
    text = rendered("demand-letter", "ja", tmp_path)
    assert "小野寺 拓海　殿" in text
    assert "当職は、中村 美咲（以下「通知人」といいます。）の代理人として" in text
    for line in ("(1)　慰謝料　200万円", "(2)　調査費用　49万5000円", "(3)　弁護士費用　25万円"):
        assert line in text
    assert "合計274万5000円を、令和8年12月9日までに" in text
    assert "直ちに削除すること" in text and "謝罪文" in text
    assert "申立人" not in text and "甲" not in text  # no court voice, nothing attached
    english = rendered("demand-letter", "en", tmp_path)
    assert "our client" in english and "JPY 2,745,000" in english
    assert "Japanese original governs" in english


def test_the_demand_letter_sets_the_apology_apart_and_signs_as_the_attorney(
    tmp_path: Path,
) -> None:
    text = rendered("demand-letter", "ja", tmp_path)
    # the sender block: the office's address belongs to the attorney, the client and the
    # attorney who signs close it
    assert (
        "荻窪中央法律事務所\n電話　03-1398-2260　FAX　03-1398-2261\n"
        "通知人　中村 美咲\n上記通知人代理人弁護士　森本 健太\n" in text
    )
    # the apology demanded is quoted text, not the letter's own "私は…"
    assert "（謝罪文の内容）\n\n「私は、令和8年7月、" in text
    assert "\n私は、令和8年7月" not in text
    assert text.rstrip().endswith("草々") and text.count("冠省") == 1
    english = rendered("demand-letter", "en", tmp_path)
    # one term for the client, and one attorney writes in the first person singular
    assert "Our client: Misaki Nakamura\nAttorney for our client: Kenta Morimoto" in english
    assert "Sender:" not in english and "the sender " not in english
    assert "the sender's" not in english
    assert "I write to you as the attorney for Misaki Nakamura" in english
    assert "I accordingly demand" in english and "to me, not to our client." in english
    assert '(Text of the apology)\n\n"In July 2026 I posted' in english


def test_the_complaint_claims_delay_damages_before_the_right_court(tmp_path: Path) -> None:
    text = rendered("damages-complaint", "ja", tmp_path)
    assert text.startswith("# 訴状")
    assert "東京地方裁判所　御中" in text and "民事第9部" not in text
    assert "訴訟物の価額　274万5000円" in text and "貼用印紙額　1万9000円" in text
    assert (
        "被告は、原告に対し、金274万5000円及びこれに対する令和8年7月18日から支払済みまで"
        "年3分の割合による金員を支払え。"
    ) in text
    assert "名誉感情" not in text  # the claim pleads defamation only
    assert "令和8年(発チ)第2107号" in text and "甲第6号証　陳述書" in text
    assert "4　訴訟委任状　1通" in text
    english = rendered("damages-complaint", "en", tmp_path)
    assert "3 per cent per annum" in english and "Tokyo District Court" in english
    assert "9th Civil Division" not in english


def test_a_summary_court_complaint(write_case: Callable[[str], Path], tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("amount = 2000000", "amount = 600000")
    path = write_case(text)
    outcome = render_case(
        path, "damages-complaint", out_dir=tmp_path, languages=["ja"], formats=["md"]
    )
    (out,) = outcome.written
    body = out.read_text(encoding="utf-8")
    assert "東京簡易裁判所　御中" in body and "貼用印紙額　1万2000円" in body


def test_the_sample_checks_without_errors() -> None:
    loaded = load_case(SAMPLE)
    for filing in ("demand-letter", "damages-complaint", "damages-complaint-evidence"):
        errors = [
            f for f in filing_findings(loaded.case, get_filing(filing)) if f.severity == "error"
        ]
        assert errors == []


def test_the_complaint_is_signed_and_sealed_and_numbers_its_conclusion(tmp_path: Path) -> None:
    # 民事訴訟規則2条1項: the complaint bears the name and seal of the party or the attorney;
    # the よって書き is a numbered section of 請求の原因 (第1 / 1 / (1)), not a stray heading,
    # and the total of the damage is stated, not left as a heading without a body
    text = rendered("damages-complaint", "ja", tmp_path)
    assert "原告訴訟代理人弁護士　森本 健太　印\n" in text
    assert "### 結語" not in text
    assert "### 6　結論\n\nよって、原告は、被告に対し、" in text
    assert (
        "#### (4)　合計　274万5000円\n\n以上(1)ないし(3)の損害の合計は、金274万5000円である。"
        in text
    )
    english = rendered("damages-complaint", "en", tmp_path)
    assert "Attorney for the Plaintiff: Kenta Morimoto (seal)\n" in english
    assert "### 6 Conclusion\n\nThe plaintiff therefore claims" in english
    assert "#### (5) Summary" in english and "#### (5) Conclusion" not in english
    assert "The damage in (1) to (3) above totals JPY 2,745,000." in english
    assert (
        "The plaintiff, whose occupation is Piano teacher (runs the Nakamura Piano School), is"
        in english
    )
    assert "(occupation:" not in english


def test_a_complaint_in_person_gives_the_plaintiffs_address_for_service_and_phone(
    write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    # 民事訴訟規則53条4項: the plaintiff's phone; the plaintiff's own address is where the
    # court serves documents when no attorney acts
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("[[attorneys]]")
    text = text[:start] + text[text.index("\n\n", start) + 2 :]
    outcome = render_case(
        write_case(text),
        "damages-complaint",
        out_dir=tmp_path,
        languages=["ja", "en"],
        formats=["md"],
    )
    ja, en = (p.read_text(encoding="utf-8") for p in sorted(outcome.written, reverse=True))
    assert "原告　中村 美咲　印\n" in ja
    assert "訴訟委任状" not in ja
    parties = ja.split("# 当事者目録", 1)[1]
    assert (
        "東京都杉並区阿佐谷南九丁目8番2号（送達場所）\n\n電話　03-1375-0912\n\n原告　中村 美咲\n"
        in parties
    )
    assert "Plaintiff: Misaki Nakamura (seal)\n" in en
    assert (
        "9-8-2 Asagaya-minami, Suginami-ku, Tokyo (address for service)\n\n"
        "Telephone: 03-1375-0912\n\nPlaintiff: Misaki Nakamura\n"
    ) in en.split("# List of Parties", 1)[1]
