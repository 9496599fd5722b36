"""The criminal complaint (告訴状): its rules (P1, P5–P7, P10, P12) and what the draft says.

Each rule has a case that triggers it and one that does not; the rendered drafts are checked for
what a police officer or prosecutor reads first (the parties, the wish for punishment, each act
with its date, time, place and words, P4) and for what must not be there (penalties, the civil
test, the shared claim texts).
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
from docgen.case.model import LocalizedTable
from docgen.check import filing_findings
from docgen.cli import main
from docgen.filings import get_filing
from docgen.law.rules import complaint as rules_complaint
from tests.conftest import ATTORNEY, MINIMAL_CASE, Make, case_builder, found, sample

PLUS9 = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)
FILING = "criminal-complaint"

BASE_POST: dict[str, Any] = {
    "url": "https://x.com/someone/status/1834567890123456789",
    "account": "@someone",
    "posted_at": datetime(2026, 9, 1, 21, 14, tzinfo=PLUS9),
    "text": "山田花子は会社の金を横領している。",
}
BASE: dict[str, Any] = {
    "case": {"id": "t-1", "date": TODAY, "police_station": "警視庁北沢警察署"},
    "victim": {
        "name": "山田 花子",
        "address": "東京都世田谷区北沢九丁目12番3号",
        "phone": "03-1468-2271",
    },
    "platform": {"ref": "x"},
    "posts": [BASE_POST],
    "claim": {"rights": ["reputation"], "facts_alleged": "横領の事実"},
    "police": {"offenses": ["defamation"], "wants_punishment": True},
}



@pytest.fixture(autouse=True, params=[FILING], ids=[FILING])
def filing_id(request: pytest.FixtureRequest) -> str:
    """Tags every test of this module with the filing's id, so ``-k criminal-complaint`` runs
    them together with the filing's golden tests."""
    return str(request.param)


@pytest.fixture
def make() -> Make:
    return case_builder(BASE)


def post(**changes: Any) -> dict[str, Any]:
    return {**BASE_POST, **changes}



def police(**changes: Any) -> dict[str, Any]:
    return {**BASE["police"], **changes}


# ---------------------------------------------------------------------------------------------
# rules
# ---------------------------------------------------------------------------------------------


def test_the_filing_runs_the_complaint_rules() -> None:
    rules = get_filing(FILING).rules
    assert all(rule in rules for rule in rules_complaint.RULES)


def test_p1_corporation_without_representative(make: Make) -> None:
    case = make(victim={"kind": "corporation", "name": "株式会社山田商店"})
    assert found(rules_complaint.p1_complainant(case)) == [
        ("P1", "warning", "victim.representative")
    ]


def test_p1_corporation_with_representative_or_individual(make: Make) -> None:
    represented = make(
        victim={
            "kind": "corporation",
            "name": "株式会社山田商店",
            "representative": {"title": "代表取締役", "name": "山田 太郎"},
        }
    )
    assert rules_complaint.p1_complainant(represented) == []
    assert rules_complaint.p1_complainant(make()) == []


def test_p5_feelings_in_the_complaints_own_facts(make: Make) -> None:
    wording = {
        "ja": "被告訴人の投稿により、告訴人は精神的苦痛を受け、許せない思いである。",
        "en": "The complainant suffered emotional distress.",
    }
    case = make(claim={"criminal-complaint": {"facts_alleged": wording}})
    (finding,) = rules_complaint.p5_facts_only(case)
    assert (finding.code, finding.severity) == ("P5", "warning")
    assert finding.path == "claim.criminal-complaint.facts_alleged"
    assert "精神的苦痛" in finding.message.ja and "許せない" in finding.message.ja
    assert (
        "「苦痛」" not in finding.message.ja
    )  # the shorter word inside 精神的苦痛 is not repeated
    assert "emotional distress" in finding.message.en


def test_p5_facts_only_or_shared_text_not_printed(make: Make) -> None:
    facts = "本件投稿にいう「山田花子」は、告訴人を指す。"
    assert rules_complaint.p5_facts_only(make(claim={FILING: {"facts_alleged": facts}})) == []
    # the shared text is not printed in the complaint, so its wording is not the complaint's
    assert rules_complaint.p5_facts_only(make(claim={"facts_alleged": "悲しい"})) == []


def test_p6_unknown_offender_date_is_an_info(make: Make) -> None:
    assert found(rules_complaint.p6_complaint_period(make())) == [
        ("P6", "info", "police.offender_known_at")
    ]


def test_p6_period_run_is_an_error(make: Make) -> None:
    # 2026-05-20 + 6 months ends on Friday 2026-11-20, before the document date 2026-11-22
    case = make(police=police(offender_known_at=date(2026, 5, 20)))
    (finding,) = rules_complaint.p6_complaint_period(case)
    assert (finding.code, finding.severity) == ("P6", "error")
    assert "2026-11-20" in finding.message.en


def test_p6_last_day_on_a_closed_day_moves_under_ccp_55(make: Make) -> None:
    # ends on Saturday 2026-11-21; Monday 11-23 is a holiday, so the period runs to 11-24
    assert (
        rules_complaint.p6_complaint_period(
            make(police=police(offender_known_at=date(2026, 5, 21)))
        )
        == []
    )


def test_p6_period_run_while_a_post_is_online_is_a_warning(make: Make) -> None:
    case = make(
        police=police(offender_known_at=date(2026, 5, 20)),
        posts=[post(still_online=True)],
    )
    (finding,) = rules_complaint.p6_complaint_period(case)
    assert (finding.code, finding.severity) == ("P6", "warning")
    assert "大阪高判平成16年4月22日" in finding.message.ja


def test_p7_post_still_online_once_the_offender_is_known(make: Make) -> None:
    case = make(
        police=police(offender_known_at=date(2026, 10, 1)),
        posts=[post(still_online=False), post(still_online=True)],
    )
    assert found(rules_complaint.p7_still_online(case)) == [
        ("P7", "warning", "posts[2].still_online")
    ]


def test_p7_not_when_removed_or_no_period_running(make: Make) -> None:
    removed = make(
        police=police(offender_known_at=date(2026, 10, 1)), posts=[post(still_online=False)]
    )
    assert rules_complaint.p7_still_online(removed) == []
    assert rules_complaint.p7_still_online(make(posts=[post(still_online=True)])) == []


def test_p10_act_before_the_imprisonment_reform(make: Make) -> None:
    case = make(posts=[post(posted_at=datetime(2025, 3, 1, 10, 0, tzinfo=PLUS9))])
    (finding,) = rules_complaint.p10_penalty_reminder(case)
    assert found([finding]) == [("P10", "info", "posts[1].posted_at")]
    assert "3年以下の懲役若しくは禁錮又は50万円以下の罰金" in finding.message.ja


def test_p10_insult_before_2022_07_07_names_the_old_penalty(make: Make) -> None:
    case = make(
        police=police(offenses=["insult"]),
        posts=[post(posted_at=datetime(2022, 7, 6, 23, 0, tzinfo=PLUS9))],
    )
    (finding,) = rules_complaint.p10_penalty_reminder(case)
    assert "拘留又は科料" in finding.message.ja
    assert "petty fine" in finding.message.en


def test_p10_not_for_acts_under_the_current_wording(make: Make) -> None:
    assert rules_complaint.p10_penalty_reminder(make()) == []


def test_p12_accused_without_a_name(make: Make) -> None:
    case = make(police=police(offender={"account": "@someone"}))
    assert found(rules_complaint.p12_accused_unknown(case)) == [
        ("P12", "info", "police.offender.name")
    ]


def test_p12_not_once_the_accused_is_named(make: Make) -> None:
    case = make(
        police=police(offender={"name": "鈴木 一郎", "address": "東京都港区芝一丁目1番1号"})
    )
    assert rules_complaint.p12_accused_unknown(case) == []


def test_the_sato_sample_has_no_error_or_warning() -> None:
    case = load_case(sample("sato-insult-police")).case
    findings = filing_findings(case, get_filing(FILING))
    assert {(f.code, f.severity) for f in findings} == {("P6", "info"), ("P12", "info")}


# ---------------------------------------------------------------------------------------------
# the draft
# ---------------------------------------------------------------------------------------------

WriteCase = Callable[..., Path]

POLICE = """
[police]
offenses = [{offenses}]
wants_punishment = true
circumstances = {{ ja = "{{victim}}は、令和8年9月3日、知人から知らされて本件投稿を見つけた。", en = "On September 3, 2026, {{victim}} found the post when an acquaintance told {{victim}} of it." }}
{extra}
"""


def case_text(
    *,
    offenses: str = '"defamation"',
    attorney: bool = False,
    conceal: bool = False,
    corporation: bool = False,
    police_extra: str = "",
    extra: str = "",
) -> str:
    text = MINIMAL_CASE.replace(
        'court = "tokyo"\n', 'court = "tokyo"\npolice_station = "警視庁北沢警察署"\n'
    ).replace('phone = "03-1000-0000"\n', 'phone = "03-1000-0000"\nbirth_date = 1991-06-14\n')
    if conceal:
        text = text.replace(
            'phone = "03-1000-0000"\n', 'phone = "03-1000-0000"\nconceal_address = true\n'
        )
    if corporation:
        text = text.replace("[victim]\n", '[victim]\nkind = "corporation"\n')
        text = text.replace("birth_date = 1991-06-14\n", "")
        text += '\n[victim.representative]\ntitle = "代表取締役"\nname = "山田 太郎"\n'
    text += extra
    if attorney:
        text += ATTORNEY
    return text + POLICE.format(offenses=offenses, extra=police_extra)


@pytest.fixture
def complaint(write_case: WriteCase, tmp_path: Path) -> Callable[..., str]:
    def run(lang: str = "ja", **options: Any) -> str:
        path = write_case(case_text(**options))
        outcome = render_case(
            path, FILING, out_dir=tmp_path / "out", languages=[lang], formats=["md"]
        )
        (written,) = outcome.written
        return written.read_text(encoding="utf-8")

    return run


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_p4_each_act_has_its_date_time_place_and_words(tmp_path: Path) -> None:
    path = sample("sato-insult-police")
    out = render_case(path, FILING, out_dir=tmp_path, languages=["ja"], formats=["md"])
    (written,) = out.written
    facts = section(written.read_text(encoding="utf-8"), "## 第2　告訴事実", "## 第3")
    case = load_case(path).case
    assert facts.count("被告訴人は、") == len(case.posts)
    for p in case.posts:
        assert isinstance(p.text, LocalizedTable)
        assert p.url in facts
        assert f"告訴人について「{p.text.ja}」との投稿（URL　{p.url}。" in facts
    assert (
        "1　被告訴人は、令和8年9月30日23時18分頃、不特定多数の者が閲覧可能なインターネット上の"
        "サービス「X（旧Twitter）」において、アカウント「@shinjuku_nanashi88」を用いて、"
    ) in facts
    assert "事実を摘示しないで公然と告訴人を侮辱したものである（資料1）。" in facts


def test_parties_purpose_and_attachments(complaint: Callable[..., str]) -> None:
    ja = complaint()
    assert ja.startswith("# 告訴状\n")
    assert "警視庁北沢警察署長　殿" in ja
    assert (
        "告訴人\n住居　東京都世田谷区北沢九丁目1番2号\n氏名　山田 花子　印\n生年月日　平成3年6月14日（35歳）"
        in ja
    )
    assert "被告訴人\n住居　不詳\n氏名　不詳\n使用アカウント　@someone" in ja
    purpose = section(ja, "## 第1　告訴の趣旨", "## 第2")
    assert "名誉毀損罪（刑法230条1項）に該当する" in purpose
    assert "被告訴人の厳重な処罰を求めるため、告訴する。" in purpose
    assert "公然と事実を摘示して告訴人の名誉を毀損したものである（資料1）。" in ja
    assert "被告訴人の氏名及び住居は、現時点では不詳である。" in ja
    assert "## 第4　立証方法\n\n資料1　投稿のスクリーンショット" in ja
    assert "1　資料1の写し　1通" in ja
    assert "委任状" not in ja
    assert ja.rstrip().endswith("以上")


def test_no_penalty_no_civil_test_no_shared_claim(complaint: Callable[..., str]) -> None:
    ja = complaint()
    for absent in ("懲役", "拘禁刑", "罰金", "社会通念上", "社会的評価を低下させる。", "事実無根"):
        assert absent not in ja


def test_complaints_own_wording_and_background(complaint: Callable[..., str]) -> None:
    own = """
[claim.criminal-complaint]
facts_alleged = { ja = "本件投稿にいう「山田花子」は、{victim}を指す。", en = "The Hanako Yamada of the post is {victim}." }
harm = { ja = "{victim}は、勤務先から事情を聴かれた{ev:1}。", en = "{Victim} was questioned by her employer {ev:1}." }
"""
    ja = complaint(extra=own, police_extra="offender_known_at = 2026-10-15")
    facts = section(ja, "## 第2　告訴事実", "## 第3")
    assert "本件投稿にいう「山田花子」は、告訴人を指す。" in facts
    background = section(ja, "## 第3　告訴に至る経緯", "## 第4")
    assert "告訴人は、令和8年9月3日、知人から知らされて" in background
    assert (
        "告訴人が、本件投稿をした者が被告訴人であることを知ったのは、令和8年10月15日である。"
        in background
    )
    assert "告訴人は、勤務先から事情を聴かれた（資料1）。" in background
    en = complaint("en", extra=own, police_extra="offender_known_at = 2026-10-15")
    assert (
        "The complainant learned on October 15, 2026 that the accused is the person who made the Post."
        in en
    )
    assert "The complainant was questioned by her employer (Attachment 1)." in en


def test_named_accused(complaint: Callable[..., str]) -> None:
    offender = 'offender = { name = "鈴木 一郎", address = "東京都港区芝一丁目1番1号", account = "@someone" }'
    ja = complaint(police_extra=offender)
    assert (
        "被告訴人\n住居　東京都港区芝一丁目1番1号\n氏名　鈴木 一郎\n使用アカウント　@someone" in ja
    )
    assert "不詳" not in ja


def test_attorney_and_concealed_address(complaint: Callable[..., str]) -> None:
    ja = complaint(attorney=True, conceal=True)
    assert "告訴人\n連絡先　下記代理人\n氏名　山田 花子" in ja
    assert "北沢九丁目1番2号" not in ja and "03-1000-0000" not in ja
    assert (
        "告訴人代理人\n事務所　東京都千代田区麹町八丁目4番5号　桜坂総合法律事務所\n弁護士　高橋 誠"
        in ja
    )
    assert "2　委任状　1通" in ja


def test_corporation_complains_through_its_representative(complaint: Callable[..., str]) -> None:
    ja = complaint(corporation=True)
    assert (
        "告訴人\n所在地　東京都世田谷区北沢九丁目1番2号\n名称　山田 花子\n代表者　代表取締役　山田 太郎"
        in ja
    )
    assert "生年月日" not in ja
    assert "2　資格証明書（登記事項証明書）　1通" in ja


def test_repost_and_quote(complaint: Callable[..., str]) -> None:
    repost = """
[[posts]]
url = "https://x.com/other/status/1834567890123456790"
account = "@other"
posted_at = 2026-09-02T08:05:00+09:00
kind = "repost"
original = { url = "https://x.com/someone/status/1834567890123456789", account = "@someone", text = "山田花子は会社の金を横領している" }
evidence = ["1"]

[[posts]]
url = "https://x.com/third/status/1834567890123456791"
account = "@third"
posted_at = 2026-09-03T09:30:00+09:00
kind = "quote"
text = "これは本当らしい"
original = { url = "https://x.com/someone/status/1834567890123456789", account = "@someone", text = "山田花子は会社の金を横領している" }
evidence = ["1"]
"""
    ja = complaint(extra=repost)
    facts = section(ja, "## 第2　告訴事実", "## 第3")
    assert "2　被告訴人は、令和8年9月2日8時5分頃" in facts
    assert (
        "告訴人について「山田花子は会社の金を横領している」との記載のあるアカウント「@someone」の投稿"
        "（URL　https://x.com/someone/status/1834567890123456789）をリポストする投稿"
        "（URL　https://x.com/other/status/1834567890123456790。以下「本件投稿2」という。）"
    ) in facts
    assert "告訴人について「これは本当らしい」との記載を付してアカウント「@someone」の投稿" in facts
    assert "使用アカウント　@someone、@other及び@third" in ja


def test_both_offences(complaint: Callable[..., str]) -> None:
    ja = complaint(offenses='"defamation", "insult"')
    assert "名誉毀損罪（刑法230条1項）及び侮辱罪（刑法231条）に該当する" in ja
    assert "名誉を毀損し、又は事実を摘示しないで公然と告訴人を侮辱したものである" in ja


def test_english_is_a_faithful_reference_translation(complaint: Callable[..., str]) -> None:
    en = complaint("en")
    assert en.startswith("# Criminal Complaint\n")
    assert "The Japanese original governs" in en
    assert "To: Chief of 警視庁北沢警察署" in en
    assert "Accused\nResidence: unknown\nName: unknown\nAccount used: @someone" in en
    assert "constitutes the offence of Defamation (Penal Code Art. 230(1))" in en
    assert "to seek the severe punishment of the accused" in en
    assert "At about September 1, 2026, 21:14 JST, the accused" in en
    assert "publicly alleged facts and defamed the complainant (Attachment 1)." in en
    assert "None" not in en and "victim" not in en.lower().replace("victims", "")


# ---------------------------------------------------------------------------------------------
# the addressee (P2) and a complainant other than the victim (P1: CCP 231, 233)
# ---------------------------------------------------------------------------------------------

SON = {
    "name": "山田 一郎",
    "address": "東京都杉並区阿佐谷北九丁目2番1号",
    "relation": "lineal_relative",
    "kinship": "長男",
}


def test_p1_a_relative_of_a_living_victim_may_not_complain(make: Make) -> None:
    case = make(police=police(complainant=SON))
    (finding,) = rules_complaint.p1_complainant(case)
    assert found([finding]) == [("P1", "error", "police.complainant.victim_died_at")]
    assert "刑事訴訟法231条2項、233条" in finding.message.ja


def test_p1_a_relative_of_a_deceased_victim_may_complain(make: Make) -> None:
    son = {**SON, "victim_died_at": date(2026, 10, 1)}
    findings = rules_complaint.p1_complainant(make(police=police(complainant=son)))
    # only the reminder of the victim's expressed will: no error, no warning
    assert found(findings) == [("P1", "info", "police.complainant")]
    assert "明示していた意思" in findings[0].message.ja


def test_p1_insult_complained_of_by_a_relative_outside_ccp_231_2(make: Make) -> None:
    cousin = {**SON, "relation": "relative", "victim_died_at": date(2026, 10, 1)}
    case = make(police=police(offenses=["insult"], complainant=cousin))
    findings = rules_complaint.p1_complainant(case)
    assert ("P1", "warning", "police.complainant.relation") in found(findings)
    (warning,) = [f for f in findings if f.severity == "warning"]
    assert "[U]" in warning.message.ja and "231条2項" in warning.message.ja
    # a sibling is one of the relatives of CCP 231(2): no warning
    sibling = {**cousin, "relation": "sibling"}
    case = make(police=police(offenses=["insult"], complainant=sibling))
    assert [f.severity for f in rules_complaint.p1_complainant(case)] == ["info"]


def test_p1_a_post_after_the_victims_death(make: Make) -> None:
    son = {**SON, "victim_died_at": date(2026, 8, 1)}
    (finding,) = rules_complaint.p1_complainant(make(police=police(complainant=son)))
    assert found([finding]) == [("P1", "warning", "posts[1].posted_at")]
    assert "刑法230条2項" in finding.message.ja and "虚偽の事実" in finding.message.ja


def test_p1_a_legal_representative(make: Make) -> None:
    mother = {**SON, "relation": "legal_representative", "kinship": "母"}
    assert rules_complaint.p1_complainant(make(police=police(complainant=mother))) == []
    died = {**mother, "victim_died_at": date(2026, 10, 1)}
    (finding,) = rules_complaint.p1_complainant(make(police=police(complainant=died)))
    assert found([finding]) == [("P1", "error", "police.complainant.relation")]


def test_p1_a_corporation_has_no_other_complainant(make: Make) -> None:
    case = make(
        victim={
            "kind": "corporation",
            "name": "株式会社山田商店",
            "representative": {"title": "代表取締役", "name": "山田 太郎"},
        },
        police=police(complainant={**SON, "relation": "legal_representative"}),
    )
    assert found(rules_complaint.p1_complainant(case)) == [
        ("P1", "error", "police.complainant.relation")
    ]


def test_p2_prosecutors_office_not_written_out(make: Make) -> None:
    (finding,) = rules_complaint.p2_addressee(make(police=police(prosecutors_office="東京地検")))
    assert found([finding]) == [("P2", "warning", "police.prosecutors_office")]
    assert "東京地方検察庁" in finding.message.ja


def test_p2_district_office_branch_or_police_station(make: Make) -> None:
    for office in ("東京地方検察庁", "東京地方検察庁立川支部"):
        assert rules_complaint.p2_addressee(make(police=police(prosecutors_office=office))) == []
    assert rules_complaint.p2_addressee(make()) == []


def test_no_addressee_is_refused_naming_both_keys(
    runner: CliRunner, write_case: WriteCase, tmp_path: Path
) -> None:
    text = case_text().replace('police_station = "警視庁北沢警察署"\n', "")
    result = runner.invoke(main, ["render", FILING, str(write_case(text)), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "[P2] case.police_station" in result.stderr
    assert "police.prosecutors_office" in result.stderr


def test_addressed_to_the_public_prosecutor(complaint: Callable[..., str]) -> None:
    office = 'prosecutors_office = { ja = "東京地方検察庁", en = "Tokyo District Public Prosecutors Office" }'
    ja = complaint(police_extra=office)
    assert "令和8年11月22日\n\n東京地方検察庁検事正　殿\n\n告訴人\n" in ja
    assert "警察署長" not in ja
    en = complaint("en", police_extra=office)
    assert "To: Chief Prosecutor, Tokyo District Public Prosecutors Office" in en
    branch = 'prosecutors_office = { ja = "東京地方検察庁立川支部", en = "Tachikawa Branch, Tokyo District Public Prosecutors Office" }'
    assert "東京地方検察庁立川支部長　殿" in complaint(police_extra=branch)
    assert "To: Head, Tachikawa Branch" in complaint("en", police_extra=branch)


SON_TOML = (
    'complainant = { name = { ja = "山田 一郎", en = "Ichiro Yamada" }, '
    'address = { ja = "東京都杉並区阿佐谷北九丁目2番1号", en = "9-2-1 Asagaya-kita, Suginami-ku, Tokyo" }, '
    'relation = "lineal_relative", kinship = { ja = "長男", en = "eldest son" }, '
    "victim_died_at = 2026-10-01 }"
)


def test_a_relative_complains_for_a_deceased_victim(complaint: Callable[..., str]) -> None:
    ja = complaint(police_extra=SON_TOML)
    assert (
        "告訴人\n住居　東京都杉並区阿佐谷北九丁目2番1号\n氏名　山田 一郎　印\n被害者との関係　長男（直系の親族）\n\n"
        "被害者\n住居　東京都世田谷区北沢九丁目1番2号\n氏名　亡　山田 花子\n生年月日　平成3年6月14日\n"
        "死亡日　令和8年10月1日\n"
    ) in ja
    facts = section(ja, "## 第2　告訴事実", "## 第3")
    assert "被害者について「山田花子は会社の金を横領している」との投稿" in facts
    assert "公然と事実を摘示して被害者の名誉を毀損したものである（資料1）。" in facts
    assert "告訴人について" not in facts
    background = section(ja, "## 第3　告訴に至る経緯", "## 第4")
    assert background.startswith(
        "\n\n告訴人は、被害者亡山田 花子の長男（直系の親族）であり、被害者は令和8年10月1日に死亡した。"
        "告訴人は、刑事訴訟法233条2項により告訴をする。\n"
    )
    assert (
        "2　告訴人が被害者の直系の親族であること及び被害者の死亡を証する書面（戸籍謄本等）　1通"
        in ja
    )
    en = complaint("en", police_extra=SON_TOML)
    assert "Relation to the victim: eldest son (lineal relative)" in en
    assert (
        "Victim\nResidence: 9-1-2 Kitazawa, Setagaya-ku, Tokyo\nName: the late Hanako Yamada" in en
    )
    assert "publicly alleged facts and defamed the victim (Attachment 1)." in en
    assert (
        "The complainant is the eldest son (lineal relative) of the late victim, Hanako Yamada, "
        "who died on October 1, 2026. The complainant files this complaint under Art. 233(2) of "
        "the Code of Criminal Procedure."
    ) in en


def test_a_legal_representative_complains_under_ccp_231_1(make: Make) -> None:
    mother = {**SON, "relation": "legal_representative", "kinship": "母"}
    standing = rules_complaint.standing(make(police=police(complainant=mother)))
    assert standing is not None and standing.ja == "刑事訴訟法231条1項"
    assert rules_complaint.standing(make()) is None


def test_the_complaint_bears_a_place_for_the_seal(complaint: Callable[..., str]) -> None:
    # the one who files signs and seals: the complainant in person, or the attorney
    ja = complaint()
    assert "氏名　山田 花子　印\n生年月日" in ja
    assert "Name: Hanako Yamada (seal)\nDate of birth" in complaint("en")
    represented = complaint(attorney=True)
    assert "氏名　山田 花子\n生年月日" in represented
    assert "弁護士　高橋 誠　印\n" in represented
    english = complaint("en", attorney=True)
    assert "Name: Hanako Yamada\nDate of birth" in english
    assert "Attorney-at-law: Makoto Takahashi (seal)\n" in english
