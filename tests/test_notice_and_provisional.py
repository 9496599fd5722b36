"""The Art. 15(1)(ii) notice (provision-notice) and the IP-disclosure provisional disposition
(provisional-disclosure-petition), rendered from small cases and read as a litigator would."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.conftest import ATTORNEY, MINIMAL_CASE, RenderText

NOTICE = "provision-notice"
PROVISIONAL = "provisional-disclosure-petition"

RELATED = (
    'related_case = { court = "tokyo", number = "令和8年(発チ)第123号", provision_order = true }\n'
)
ACCESS_PROVIDER = """
[access_provider]
name = { ja = "株式会社テストモバイル", en = "Test Mobile Co., Ltd." }
address = { ja = "東京都港区芝九丁目1番1号", en = "9-1-1 Shiba, Minato-ku, Tokyo" }
network = "mobile"
{case_number}
"""
OWN_ADDRESS = "東京都世田谷区北沢九丁目1番2号"
OFFICE_ADDRESS = "東京都千代田区麹町八丁目4番5号"


def notice_case(
    *,
    case_number: str | None = "令和8年(発チ)第456号",
    attorney: bool = False,
    conceal: bool = False,
) -> str:
    """The minimal case one stage on: a provision order in the pending case named the carrier."""
    text = MINIMAL_CASE.replace('court = "tokyo"\n', 'court = "tokyo"\n' + RELATED, 1)
    if conceal:
        text = text.replace(
            'phone = "03-1000-0000"\n', 'phone = "03-1000-0000"\nconceal_address = true\n', 1
        )
    number = f'case_number = "{case_number}"' if case_number else ""
    text += ACCESS_PROVIDER.replace("{case_number}", number)
    return text + (ATTORNEY if attorney else "")


NECESSITY = (
    'necessity = { ja = "経由プロバイダの通信記録は3か月程度で消去されるとされ、本案の判決を待っていては'
    '発信者を特定することができなくなる。", en = "Access providers are said to erase their logs after about '
    'three months; the sender could no longer be identified if the obligee waited for a judgment." }\n'
)
SUPPLEMENTARITY = {
    "i": 'supplementarity = { ja = "{respondent}はアカウントの登録情報を保有していない。", '
    'en = "{Respondent} holds no registration details for the account." }',
    "ro": 'supplementarity = { ja = "{respondent}は電話番号及び電子メールアドレスしか保有していない。", '
    'en = "{Respondent} holds only a telephone number and an e-mail address." }',
    "ha": 'supplementarity = { ja = "{respondent}が保有する電子メールアドレスからは発信者を特定できない。", '
    'en = "The e-mail address {respondent} holds does not identify the sender." }',
}


def provisional_case(
    *,
    items: str = '["login_ip", "login_port", "login_at"]',
    ground: str | None = "ro",
    attorney: bool = False,
    corporation: bool = False,
) -> str:
    """The minimal case taking the provisional route for the login IP addresses."""
    text = MINIMAL_CASE.replace("[disclosure]\n", NECESSITY + "\n[disclosure]\n", 1)
    disclosure = f'items = {items}\nroute = "provisional"\n'
    if ground:
        disclosure += f'supplementarity_ground = "{ground}"\n{SUPPLEMENTARITY[ground]}\n'
    text = text.replace('items = ["name", "address", "email"]\n', disclosure, 1)
    if corporation:
        text = text.replace(
            '[victim]\nname = { ja = "山田 花子", en = "Hanako Yamada" }',
            '[victim]\nkind = "corporation"\nname = { ja = "株式会社みなと精機", en = "Minato Seiki Co., Ltd." }\n'
            'representative = { title = { ja = "代表取締役", en = "Representative Director" }, '
            'name = { ja = "港 一郎", en = "Ichiro Minato" } }',
            1,
        )
    return text + (ATTORNEY if attorney else "")


@pytest.fixture
def render(render_text: RenderText) -> RenderText:
    return render_text


def section(text: str, start: str, end: str | None = None) -> str:
    after = text.split(start, 1)[1]
    return after.split(end, 1)[0] if end else after


ABOUT_NOTICE = pytest.mark.parametrize("filing", [NOTICE])
"""Names the filing id in the test ids, so that ``-k provision-notice`` selects these tests."""
ABOUT_PROVISIONAL = pytest.mark.parametrize("filing", [PROVISIONAL])


# 1. The Art. 15(1)(ii) notice --------------------------------------------------------------------


@ABOUT_NOTICE
def test_the_notice_names_both_cases_and_article_15_1_ii(render: Callable[..., str], filing: str) -> None:
    ja = render(notice_case(attorney=True), filing)
    assert ja.startswith("令和8年11月22日")
    assert "エックス・コープ（X Corp.）　御中" in ja
    assert "# 通知書" in ja
    assert "15条1項2号に基づく通知）" in section(ja, "# 通知書", "記")
    assert "令和8年(発チ)第123号" in ja and "令和8年(発チ)第456号" in ja
    cases = section(ja, "### 4　事件の表示")
    assert (
        "| 貴社を相手方とする事件（本件開示命令事件） | 東京地方裁判所民事第9部 | 令和8年(発チ)第123号 |"
        in cases
    )
    assert (
        "| 株式会社テストモバイルを相手方とする事件 | 東京地方裁判所民事第9部 | 令和8年(発チ)第456号 |"
        in cases
    )
    # What the statute makes the notice: a petition against that provider about that information.
    assert "株式会社テストモバイルを相手方として" in ja
    assert "法15条1項2号に定める" in ja
    assert "株式会社テストモバイルに提供してくださいますようお願いいたします。" in ja
    assert "https://x.com/someone/status/1834567890123456789" in ja
    # A letter: です・ます, the parties as 申立人 / 貴社, no court-filing voice.
    assert "いたします。" in ja and "である。" not in ja
    assert "債権者" not in ja and "相手方とする事件" in ja and "相手方は" not in ja
    assert ja.rstrip().endswith("以上")

    en = render(notice_case(attorney=True), filing, "en")
    assert "# Notice" in en
    assert "Notice under Article 15(1)(ii)" in en
    assert "Japanese original governs" in en
    assert "令和8年(発チ)第123号" in en and "令和8年(発チ)第456号" in en
    assert "provide Test Mobile Co., Ltd. promptly with the sender identification information" in en
    assert "obligee" not in en


@ABOUT_NOTICE
def test_a_case_number_not_yet_known_is_an_explicit_blank(render: Callable[..., str], filing: str) -> None:
    ja = render(notice_case(case_number=None), filing)
    assert ja.count("【事件番号】") == 2  # in the body and in the list of cases
    assert (
        "| 株式会社テストモバイルを相手方とする事件 | 東京地方裁判所民事第9部 | 【事件番号】 |"
        in ja
    )
    assert "None" not in ja
    en = render(notice_case(case_number=None), filing, "en")
    assert en.count("[case number]") == 2
    assert "None" not in en


@ABOUT_NOTICE
def test_a_concealed_address_is_never_shown_and_the_office_appears_once(
    render: Callable[..., str], filing: str
) -> None:
    ja = render(notice_case(attorney=True, conceal=True), filing)
    header = ja.split("# 通知書", 1)[0]
    assert OWN_ADDRESS not in ja
    assert "03-1000-0000" not in ja
    assert "申立人　山田 花子\n連絡先　下記代理人" in header
    assert ja.count(OFFICE_ADDRESS) == 1
    assert "申立人代理人弁護士　高橋 誠" in header
    en = render(notice_case(attorney=True, conceal=True), filing, "en")
    assert "9-1-2 Kitazawa" not in en
    assert "Contact: the attorney named below" in en
    assert en.count("8-4-5 Kojimachi") == 1


@ABOUT_NOTICE
def test_a_petitioner_in_person_signs_with_her_own_address_and_phone(render: Callable[..., str], filing: str) -> None:
    ja = render(notice_case(), filing)
    header = ja.split("# 通知書", 1)[0]
    assert f"住所　{OWN_ADDRESS}\n申立人　山田 花子\n電話　03-1000-0000" in header
    assert "代理人" not in ja
    assert "申立人は、貴社に対し" in ja


# 2. The IP-disclosure provisional disposition -----------------------------------------------------


@ABOUT_PROVISIONAL
def test_the_petition_asks_for_provisional_disclosure_in_the_provisional_voice(
    render: Callable[..., str], filing: str
) -> None:
    ja = render(provisional_case(), filing)
    assert ja.startswith("# 発信者情報開示仮処分命令申立書")
    assert (
        "仮処分により保全すべき権利　特定電気通信による情報の流通によって発生する権利侵害等への対処に関する法律"
        in ja
    )
    assert "5条1項に基づく発信者情報（特定発信者情報を含む。）の開示請求権" in ja
    assert "貼用印紙額　2000円" in ja
    relief = section(ja, "## 第1　申立ての趣旨", "## 第2　申立ての理由")
    assert (
        "債務者は、債権者に対し、別紙発信者情報目録記載の各情報を仮に開示せよ\n\nとの裁判を求める。"
        in relief
    )
    for heading in (
        "### 1　被保全権利",
        "### 2　保全の必要性",
        "### 3　担保",
        "## 疎明方法",
        "## 附属書類",
    ):
        assert heading in ja
    assert "申立人" not in ja and "相手方" not in ja
    # 疎甲号証 only, cited as 疎甲1 and listed as 疎甲第1号証.
    assert "疎明資料　疎甲第1号証" in ja
    assert "疎甲第1号証　投稿のスクリーンショット" in section(ja, "## 疎明方法", "## 附属書類")
    assert not re.search(r"(?<!疎)甲第?\d", ja)
    # The necessity is the case's text, then the conclusion under 民事保全法23条2項.
    necessity = section(ja, "### 2　保全の必要性", "### 3　担保")
    assert necessity.count("3か月程度で消去") == 1
    assert "仮に開示させる必要がある（民事保全法23条2項）" in necessity


@ABOUT_PROVISIONAL
def test_security_is_asked_for_not_asserted(render: Callable[..., str], filing: str) -> None:
    ja = render(provisional_case(), filing)
    security = section(ja, "### 3　担保", "### 4　結語")
    assert (
        "担保を立てさせないで、又は低額の担保を立てさせて発するよう求める（民事保全法14条1項）"
        in security
    )
    assert "要求しない" not in security and "求めない運用" not in security
    en = render(provisional_case(), filing, "en")
    security = section(en, "### 3 Security", "### 4 Conclusion")
    assert (
        "asks the court to issue the provisional disposition order without requiring security, or on a low security"
        in security
    )


@ABOUT_PROVISIONAL
@pytest.mark.parametrize(
    ("ground", "limb", "en_limb"), [("i", "イ", "(a)"), ("ro", "ロ", "(b)"), ("ha", "ハ", "(c)")]
)
def test_supplementarity_pleads_the_limb_of_the_case(
    render: Callable[..., str], filing: str, ground: str, limb: str, en_limb: str
) -> None:
    ja = render(provisional_case(ground=ground), filing)
    supp = section(ja, "#### (6)　補充性", "#### (7)　小括")
    assert f"同号{limb}に該当する" in supp
    assert f"（法5条1項3号{limb}）" in supp
    assert f"法5条1項3号{limb}に該当するから" in supp
    others = {"イ", "ロ", "ハ"} - {limb}
    assert not any(f"3号{o}）" in supp for o in others)
    assert "債務者" in supp and "{respondent}" not in supp
    en = render(provisional_case(ground=ground), filing, "en")
    assert f"falls under Article 5(1)(iii){en_limb} of the Act" in en


@ABOUT_PROVISIONAL
def test_the_list_holds_only_the_ip_type_items_and_the_target_accounts(render: Callable[..., str], filing: str) -> None:
    ja = render(provisional_case(items='["email", "login_ip", "login_at"]'), filing)
    listed = section(ja, "# 発信者情報目録", "# 投稿記事目録")
    assert "電子メールアドレス" not in listed
    assert "侵害関連通信に係るアイ・ピー・アドレス" in listed
    assert "施行規則（令和4年総務省令第39号）5条各号に掲げる侵害関連通信" in listed
    assert "（当該投稿の送信より前に行われたものに限る。）" in listed
    assert "（当該投稿の送信より後に行われたものに限る。）" in listed
    assert "別紙対象アカウント目録記載のアカウント" in listed
    accounts = section(ja, "# 対象アカウント目録")
    assert "| 1 | @someone | ― |" in accounts

    posting = render(provisional_case(items='["ip", "posted_at_time"]', ground=None), filing)
    assert "# 対象アカウント目録" not in posting
    assert "補充性" not in posting
    assert "（特定発信者情報を含む。）" not in posting
    listed = section(posting, "# 発信者情報目録", "# 投稿記事目録")
    assert "1　投稿の送信に係る情報" in listed
    assert "別紙投稿記事目録記載の投稿に係る侵害情報が送信された年月日及び時刻" in listed

    en = render(provisional_case(items='["email", "login_ip", "login_at"]'), filing, "en")
    listed = section(en, "# List of Sender Identification Information", "# List of Posts")
    assert "e-mail" not in listed
    assert "# List of Target Accounts" in en


@ABOUT_PROVISIONAL
def test_the_annexes_and_the_parties(render: Callable[..., str], filing: str) -> None:
    ja = render(provisional_case(attorney=True, corporation=True), filing)
    annexes = section(ja, "## 附属書類", "（別紙）")
    assert [line for line in annexes.splitlines() if line and line != "以上"] == [
        "1　疎甲号証写し　各1通",
        "2　証拠説明書　1通",
        "3　資格証明書（債務者）及びその訳文　各1通",
        "4　資格証明書（債権者）　1通",
        "5　委任状　1通",
    ]
    assert "債権者代理人弁護士　高橋 誠" in ja.split("## 第1", 1)[0]
    parties = section(ja, "# 当事者目録", "# 発信者情報目録")
    assert "債権者　株式会社みなと精機\n\n上記代表者代表取締役　港 一郎" in parties
    assert f"{OFFICE_ADDRESS}（送達場所）" in parties
    assert "債務者　エックス・コープ（X Corp.）" in parties
    assert "上記代表者　【代表者の資格・氏名】" in parties
    assert "上記日本における代表者　【日本における代表者】" in parties

    in_person = render(provisional_case(), filing)
    annexes = section(in_person, "## 附属書類", "（別紙）")
    assert "委任状" not in annexes and "資格証明書（債権者）" not in annexes
    assert "債権者　山田 花子" in in_person.split("## 第1", 1)[0]


@ABOUT_PROVISIONAL
def test_the_english_version_speaks_of_the_obligee_and_prima_facie_exhibits(
    render: Callable[..., str], filing: str
) -> None:
    en = render(provisional_case(), filing, "en")
    assert en.startswith(
        "# Petition for Provisional Disposition Ordering Disclosure of Sender Identification Information"
    )
    assert "Japanese original governs" in en
    assert (
        "The obligor shall provisionally disclose to the obligee each item of information listed in the "
        "attached List of Sender Identification Information.\n\nThe obligee seeks a decision to that effect."
    ) in en
    assert "Prima facie evidence: Prima Facie Exhibit 1" in en
    assert "Prima Facie Exhibit 1: Screenshot of the post" in en
    assert "Court fee (revenue stamps affixed): JPY 2,000" in en
    assert "petitioner" not in en and "respondent" not in en
    assert "Article 23(2) of the Civil Provisional Remedies Act" in en
