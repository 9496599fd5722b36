"""The deletion injunction (投稿記事削除仮処分命令申立書): rendered from small cases and read as a
litigator would, and its rules D8–D16, each with a case that triggers it and one that does not.

Every test is parametrized with the filing id, so that ``-k deletion-injunction`` selects them."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from docgen.case.load import load_case
from docgen.case.model import Case
from docgen.check import filing_findings, supported_filings
from docgen.filings import get_filing
from docgen.law.rules import injunction as ri
from tests.conftest import ATTORNEY, MINIMAL_CASE, RenderText, found, sample

FILING = "deletion-injunction"
pytestmark = pytest.mark.parametrize("filing", [FILING])

NECESSITY = (
    '\n[claim.deletion-injunction]\nnecessity = { ja = "本件投稿は現在も閲覧でき、{victim}の勤務先の同僚にも'
    '拡散している{ev:1}。", en = "The post can still be read and has reached {victim}\'s colleagues '
    '{ev:1}." }\n'
)
CORPORATION = (
    '[victim]\nkind = "corporation"\nname = { ja = "株式会社みなと精機", en = "Minato Seiki Co., Ltd." }\n'
    'representative = { title = { ja = "代表取締役", en = "Representative Director" }, '
    'name = { ja = "港 一郎", en = "Ichiro Minato" } }'
)
DOMESTIC_PLATFORM = (
    '[platform]\nname = { ja = "株式会社テスト掲示板", en = "Test Board Co., Ltd." }\n'
    'address = { ja = "東京都港区芝九丁目1番1号", en = "9-1-1 Shiba, Minato-ku, Tokyo" }\n'
    'representative = { ja = "代表取締役 芝 太郎", en = "Taro Shiba, Representative Director" }\n'
    'service = { ja = "テスト掲示板", en = "Test Board" }'
)
SECOND_POST = """
[[posts]]
url = "https://x.com/someone/status/1834567890123456790"
account = "@someone"
posted_at = 2026-09-02T08:00:00+09:00
text = { ja = "山田花子は経費も水増ししている", en = "Hanako Yamada also pads her expenses" }
still_online = true
evidence = ["1"]
"""
OFFLINE_POST = """
[[posts]]
url = "https://x.com/someone/status/1834567890123456799"
account = "@someone"
posted_at = 2026-09-03T08:00:00+09:00
text = { ja = "削除済みの投稿", en = "A deleted post" }
still_online = false
evidence = ["1"]
"""
REPOST_AND_QUOTE = """
[[posts]]
url = "https://x.com/spreader/status/1834567890123456800"
account = "@spreader"
posted_at = 2026-09-04T08:00:00+09:00
kind = "repost"
original = { url = "https://x.com/someone/status/1834567890123456789", account = "@someone", text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" } }
evidence = ["1"]

[[posts]]
url = "https://x.com/spreader/status/1834567890123456801"
account = "@spreader"
posted_at = 2026-09-05T08:00:00+09:00
kind = "quote"
text = { ja = "やっぱりね", en = "I knew it" }
original = { url = "https://x.com/someone/status/1834567890123456789", account = "@someone" }
evidence = ["1"]
"""


def injunction_case(
    *,
    posts: str = "",
    rights: str = '["reputation"]',
    attorney: bool = False,
    corporation: bool = False,
    platform: str | None = None,
    online: bool = False,
) -> str:
    """The minimal case with the injunction's own necessity plea (what makes the filing due)."""
    text = MINIMAL_CASE
    if online:
        text = text.replace(
            'evidence = ["1"]\n\n[claim]', 'still_online = true\nevidence = ["1"]\n\n[claim]'
        )
    text = text.replace("\n[claim]\n", posts + "\n[claim]\n", 1)
    text = text.replace('rights = ["reputation"]', f"rights = {rights}", 1)
    if corporation:
        text = text.replace(
            '[victim]\nname = { ja = "山田 花子", en = "Hanako Yamada" }', CORPORATION, 1
        )
    if platform:
        text = text.replace('[platform]\nref = "x"', platform, 1)
    return text + NECESSITY + (ATTORNEY if attorney else "")


@pytest.fixture
def render(render_text: RenderText) -> RenderText:
    """``render(text, lang="ja")``: this module's filing as text."""

    def run(text: str, lang: str = "ja") -> str:
        return render_text(text, FILING, lang)

    return run


def section(text: str, start: str, end: str | None = None) -> str:
    after = text.split(start, 1)[1]
    return after.split(end, 1)[0] if end else after


# 1. The petition ---------------------------------------------------------------------------------


def test_the_petition_asks_for_provisional_deletion_in_the_provisional_voice(
    render: Callable[..., str], filing: str
) -> None:
    ja = render(injunction_case(attorney=True))
    assert ja.startswith("# 投稿記事削除仮処分命令申立書")
    header = ja.split("## 第1", 1)[0]
    assert "令和8年11月22日" in header
    assert "東京地方裁判所民事第9部　御中" in header
    assert "債権者代理人弁護士　高橋 誠" in header
    assert "当事者の表示　別紙当事者目録記載のとおり" in header
    assert (
        "仮処分により保全すべき権利　人格権（名誉権）に基づく妨害排除請求権としての削除請求権"
        in header
    )
    assert "貼用印紙額　2000円" in header
    relief = section(ja, "## 第1　申立ての趣旨", "## 第2　申立ての理由")
    assert "債務者は、別紙投稿記事目録記載の投稿記事を仮に削除せよ\n\nとの裁判を求める。" in relief
    headings = [
        "### 1　被保全権利",
        "#### (1)　当事者",
        "#### (2)　本件投稿",
        "#### (3)　同定可能性",
        "#### (4)　名誉権の侵害",
        "#### (5)　違法性阻却事由の不存在",
        "#### (6)　小括",
        "### 2　保全の必要性",
        "### 3　担保",
        "### 4　結語",
        "## 疎明方法",
        "## 附属書類",
        "# 当事者目録",
        "# 投稿記事目録",
    ]
    positions = [ja.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "申立人" not in ja and "相手方" not in ja
    assert "疎明資料　疎甲第1号証" in ja
    assert "疎甲第1号証　投稿のスクリーンショット" in section(ja, "## 疎明方法", "## 附属書類")
    assert not re.search(r"(?<!疎)甲第?\d", ja)
    # The facts of the defamation, each with its 疎明, and the ordinary-reader test.
    defamation = section(ja, "#### (4)　名誉権の侵害", "#### (5)")
    assert "ア　摘示事実\n\n本件投稿は、横領したとの事実を摘示するものである。" in defamation
    assert (
        "一般の閲読者の普通の注意と読み方を基準とすれば、債権者の社会的評価を低下させる"
        in defamation
    )
    assert (
        "債権者は、債務者に対し、人格権（名誉権）に基づく妨害排除請求権として、本件投稿の削除を求める権利を有する。"
        in ja
    )


def test_the_necessity_is_the_injunctions_own_plea_then_the_conclusion(
    render: Callable[..., str], filing: str
) -> None:
    ja = render(injunction_case())
    necessity = section(ja, "### 2　保全の必要性", "### 3　担保")
    assert "本件投稿は現在も閲覧でき、債権者の勤務先の同僚にも拡散している（疎甲1）。" in necessity
    assert "債務者に本件投稿を仮に削除させる必要がある（民事保全法23条2項）。" in necessity
    security = section(ja, "### 3　担保", "### 4　結語")
    assert "低額の担保を立てさせて発するよう求める（民事保全法14条1項）" in security
    assert "無担保" not in security


def test_several_posts_and_only_those_still_online(render: Callable[..., str], filing: str) -> None:
    ja = render(injunction_case(posts=SECOND_POST + OFFLINE_POST, online=True))
    relief = section(ja, "## 第1　申立ての趣旨", "## 第2　申立ての理由")
    assert "債務者は、別紙投稿記事目録記載の各投稿記事を仮に削除せよ" in relief
    assert (
        "（以下、同目録の番号に従い「本件投稿1」などといい、これらを併せて「本件各投稿」という。）"
        in ja
    )
    assert "ア　本件投稿1" in ja and "イ　本件投稿2" in ja
    assert "削除済みの投稿" not in ja and "1834567890123456799" not in ja
    assert "本申立ての時点においても削除されていない" in ja
    listed = section(ja, "# 投稿記事目録")
    assert "| 1 | URL：https://x.com/someone/status/1834567890123456789<br>" in listed
    assert "投稿内容：「山田花子は会社の金を横領している」" in listed
    assert "| 2 | URL：https://x.com/someone/status/1834567890123456790<br>" in listed
    assert "| 3 |" not in listed
    # A post whose status is unknown is not said to be online.
    unknown = render(injunction_case())
    assert "本申立ての時点においても削除されていない" not in unknown


def test_reposts_and_quotes_carry_their_original(render: Callable[..., str], filing: str) -> None:
    ja = render(injunction_case(posts=REPOST_AND_QUOTE))
    assert "イ　本件投稿2（リポスト）" in ja
    assert "リポスト元の投稿　@someone　https://x.com/someone/status/1834567890123456789" in ja
    assert "大阪高等裁判所令和2年6月23日判決参照" in ja
    assert "投稿内容（投稿者が付した文言）　「やっぱりね」" in ja
    assert "引用投稿は、引用された投稿とともに表示され" in ja
    listed = section(ja, "# 投稿記事目録")
    assert "投稿の種別：リポスト<br>リポスト元の投稿：@someone" in listed
    assert "リポスト元の投稿の内容：「山田花子は会社の金を横領している」" in listed
    assert "投稿内容（投稿者が付した文言）：「やっぱりね」<br>引用された投稿：@someone" in listed
    en = render(injunction_case(posts=REPOST_AND_QUOTE), "en")
    assert "Post 2 is a repost, made by the Poster from the Accounts, of a post by @someone." in en
    assert "Reposted post: @someone, https://x.com/someone/status/1834567890123456789" in en


def test_a_locked_post_is_readable_by_its_approved_followers(
    render: Callable[..., str], filing: str
) -> None:
    locked = MINIMAL_CASE.replace(
        'evidence = ["1"]\n\n[claim]',
        'visibility = "protected"\nfollowers = 48\nevidence = ["1"]\n\n[claim]',
    )
    ja = render(locked + NECESSITY)
    assert "いわゆる鍵アカウント" in ja
    assert "投稿の時点における承認を受けたフォロワーの数は、48名であった。" in ja
    assert "不特定多数の者が閲覧することができる" not in ja
    en = render(locked + NECESSITY, "en")
    assert "a so-called locked account" in en and "approved followers was 48." in en


def test_an_insult_pleads_the_socially_tolerable_limit(
    render: Callable[..., str], filing: str
) -> None:
    ja = render(injunction_case(rights='["honor_feeling"]'))
    assert (
        "仮処分により保全すべき権利　人格権（名誉感情）に基づく妨害排除請求権としての削除請求権"
        in ja
    )
    insult = section(ja, "#### (4)　名誉感情の侵害", "#### (5)")
    assert (
        "社会通念上許される限度を超えるものであるから、債権者の名誉感情を違法に侵害する" in insult
    )
    assert "最高裁判所平成22年4月13日第三小法廷判決参照" in insult
    assert "摘示事実" not in insult
    both = render(injunction_case(rights='["reputation", "honor_feeling"]'))
    assert "#### (4)　名誉権及び名誉感情の侵害" in both
    assert "人格権（名誉権及び名誉感情）に基づく妨害排除請求権" in both


def test_privacy_and_copyright_name_their_own_basis(
    render: Callable[..., str], filing: str
) -> None:
    ja = render(injunction_case(rights='["reputation", "privacy", "copyright"]'))
    assert (
        "仮処分により保全すべき権利　人格権（名誉権及びプライバシー権）に基づく妨害排除請求権及び"
        "著作権法112条1項に基づく差止請求権としての削除請求権"
    ) in ja
    en = render(injunction_case(rights='["privacy"]'), "en")
    assert (
        "as a claim to remove an interference based on the right of personality (right to privacy)"
        in en
    )


def test_the_annexes_and_the_parties(render: Callable[..., str], filing: str) -> None:
    ja = render(injunction_case(attorney=True, corporation=True))
    annexes = section(ja, "## 附属書類", "（別紙）")
    assert [line for line in annexes.splitlines() if line and line != "以上"] == [
        "1　疎甲号証写し　各1通",
        "2　証拠説明書　1通",
        "3　資格証明書（債務者）及びその訳文　各1通",
        "4　資格証明書（債権者）　1通",
        "5　委任状　1通",
    ]
    parties = section(ja, "# 当事者目録", "# 投稿記事目録")
    assert "債権者　株式会社みなと精機\n\n上記代表者代表取締役　港 一郎" in parties
    assert "東京都千代田区麹町八丁目4番5号（送達場所）" in parties
    assert "債務者　エックス・コープ（X Corp.）" in parties
    # the blanks X2 announces, with no note to the drafter inside them
    assert "上記代表者　【代表者の資格・氏名】\n" in parties
    assert "上記日本における代表者　【日本における代表者】\n" in parties
    assert "登記事項証明書のとおり" not in ja

    domestic = render(injunction_case(platform=DOMESTIC_PLATFORM))
    annexes = section(domestic, "## 附属書類", "（別紙）")
    assert "資格証明書（債務者）　1通" in annexes and "訳文" not in annexes
    assert "委任状" not in annexes and "資格証明書（債権者）" not in annexes
    assert "債権者　山田 花子" in domestic.split("## 第1", 1)[0]
    assert "上記代表者　代表取締役 芝 太郎" in domestic
    assert "日本における代表者" not in domestic
    assert "「テスト掲示板」という名称のインターネット上の情報発信サービス" in domestic


def test_the_english_version_speaks_of_the_obligee_and_prima_facie_exhibits(
    render: Callable[..., str], filing: str
) -> None:
    en = render(injunction_case(posts=SECOND_POST), "en")
    assert en.startswith("# Petition for Provisional Disposition Ordering Deletion of Posts")
    assert "Japanese original governs" in en
    assert (
        "The obligor shall provisionally delete each of the posts listed in the attached List of Posts."
        "\n\nThe obligee seeks a decision to that effect."
    ) in en
    assert (
        "Right to Be Preserved by the Provisional Disposition: the right to demand deletion, as a claim to "
        "remove an interference based on the right of personality (right to reputation)"
    ) in en
    assert "Prima facie evidence: Prima Facie Exhibit 1" in en
    assert "Prima Facie Exhibit 1: Screenshot of the post" in en
    assert "Court fee (revenue stamps affixed): JPY 2,000" in en
    assert (
        "The post can still be read and has reached the obligee's colleagues (Prima Facie Exhibit 1)."
        in en
    )
    assert "Article 23(2) of the Civil Provisional Remedies Act" in en
    assert "petitioner" not in en and "respondent" not in en
    listed = section(en, "# List of Posts")
    assert (
        'Text of the post (original, verbatim): 「山田花子は経費も水増ししている」<br>Translation: "Hanako Yamada also pads her expenses"'
        in listed
    )
    single = render(injunction_case(), "en")
    assert (
        "The obligor shall provisionally delete the post listed in the attached List of Posts."
        in single
    )


def test_the_suzuki_sample_calls_for_the_injunction_and_yamada_does_not(filing: str) -> None:
    suzuki = load_case(sample("suzuki-concealed-address")).case
    assert FILING in [f.id for f in supported_filings(suzuki)]
    yamada = load_case(sample("yamada-x-defamation")).case
    assert FILING not in [f.id for f in supported_filings(yamada)]
    errors = [f for f in filing_findings(suzuki, get_filing(FILING)) if f.severity == "error"]
    assert errors == []


# 2. The rules (pure functions of the case) -------------------------------------------------------

PLUS9 = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)
BASE_POST: dict[str, Any] = {
    "url": "https://x.com/someone/status/1834567890123456789",
    "account": "@someone",
    "posted_at": datetime(2026, 9, 1, 21, 14, tzinfo=PLUS9),
    "text": "山田花子は会社の金を横領している。",
    "evidence": ["1"],
}
BASE: dict[str, Any] = {
    "case": {"id": "t-1", "date": TODAY, "court": "tokyo"},
    "victim": {
        "name": "山田 花子",
        "address": "東京都世田谷区北沢九丁目12番3号",
        "phone": "03-1468-2271",
    },
    "platform": {"ref": "x"},
    "posts": [BASE_POST],
    "claim": {
        "rights": ["reputation"],
        "identification": "実名が記載されている。",
        "facts_alleged": "横領したとの事実。",
        "harm": "社会的評価を低下させる。",
        "no_justification": "私人であり公共の利害に関する事実ではない。",
        "deletion-injunction": {"necessity": "現在も閲覧できる。"},
    },
    "evidence": [{"id": "1", "title": "スクリーンショット", "kind": "screenshot"}],
}


def make(**sections: Any) -> Case:
    """BASE with tables merged key by key and lists replaced."""
    data = copy.deepcopy(BASE)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return Case.model_validate(data)


def post(**changes: Any) -> dict[str, Any]:
    return {**BASE_POST, **changes}



def test_the_base_case_triggers_no_rule_but_the_reminders(filing: str) -> None:
    case = make()
    for rule in ri.INJUNCTION_RULES:
        if rule in (ri.d13_certificate_of_foreign_obligor, ri.d14_court):
            continue
        assert rule(case) == [], rule.__name__
    codes = {f.code for f in filing_findings(case, get_filing(FILING))}
    assert {"D13", "D14"} <= codes
    assert not codes & {"D8", "D9", "D10", "D11", "D15", "D16"}


def test_d8_a_post_without_evidence(filing: str) -> None:
    case = make(posts=[post(), post(url="https://x.com/someone/status/2", evidence=[])])
    assert found(ri.d8_posts_cite_evidence(case)) == [("D8", "error", "posts[2].evidence")]
    offline = make(
        posts=[post(), post(url="https://x.com/someone/status/2", evidence=[], still_online=False)]
    )
    assert ri.d8_posts_cite_evidence(offline) == []


def test_d9_a_defamation_theory_names_each_missing_element(filing: str) -> None:
    claim: dict[str, Any] = {"facts_alleged": None, "no_justification": None}
    case = make(claim=claim)
    assert found(ri.d9_defamation_elements(case)) == [
        ("D9", "error", "claim.facts_alleged"),
        ("D9", "error", "claim.no_justification"),
    ]
    assert "摘示事実" in ri.d9_defamation_elements(case)[0].message.ja
    # The injunction's own wording fills the gap.
    claim["deletion-injunction"] = {
        "necessity": "急ぐ。",
        "facts_alleged": "横領の事実。",
        "no_justification": "虚偽である。",
    }
    assert ri.d9_defamation_elements(make(claim=claim)) == []
    # An insult theory alone needs no facts asserted.
    insult = {"rights": ["honor_feeling"], "facts_alleged": None}
    assert ri.d9_defamation_elements(make(claim=insult)) == []


def test_d10_falsity_pleaded_without_a_statement(filing: str) -> None:
    claim: dict[str, Any] = {"no_justification": "摘示事実は真実ではない。"}
    case = make(claim=claim)
    assert found(ri.d10_statement_for_falsity(case)) == [
        ("D10", "warning", "claim.no_justification")
    ]
    # A statement in the case but cited nowhere is named.
    statement = {"id": "2", "title": "陳述書", "kind": "statement"}
    uncited = make(claim=claim, evidence=[*BASE["evidence"], statement])
    (warning,) = ri.d10_statement_for_falsity(uncited)
    assert "{ev:2}" in warning.message.en
    claim["no_justification"] = "摘示事実は真実ではない{ev:2}。"
    assert (
        ri.d10_statement_for_falsity(make(claim=claim, evidence=[*BASE["evidence"], statement]))
        == []
    )
    # 「公共の利害に関する事実ではない」 denies public interest, not truth.
    assert ri.d10_statement_for_falsity(make()) == []


def test_d11_an_insult_alone_must_exceed_the_tolerable_limit(filing: str) -> None:
    claim: dict[str, Any] = {"rights": ["honor_feeling"]}
    case = make(claim=claim)
    assert found(ri.d11_insult_exceeds_tolerable_limit(case)) == [("D11", "warning", "claim.harm")]
    claim["harm"] = "執拗に人格を否定するもので、社会通念上許される限度を超える。"
    assert ri.d11_insult_exceeds_tolerable_limit(make(claim=claim)) == []
    claim["harm"] = {"ja": "社会通念上許される限度を超える。", "en": "It is merely rude."}
    assert found(ri.d11_insult_exceeds_tolerable_limit(make(claim=claim))) == [
        ("D11", "warning", "claim.harm")
    ]
    assert ri.d11_insult_exceeds_tolerable_limit(make()) == []  # defamation pleaded


def test_d13_a_foreign_obligor_needs_a_translated_certificate(filing: str) -> None:
    assert found(ri.d13_certificate_of_foreign_obligor(make())) == [("D13", "info", "platform")]
    domestic = make(
        platform={
            "ref": None,
            "name": "株式会社テスト掲示板",
            "address": "東京都港区芝九丁目1番1号",
        }
    )
    assert ri.d13_certificate_of_foreign_obligor(domestic) == []


def test_d14_the_court_and_no_joinder_outside_tokyo(filing: str) -> None:
    assert found(ri.d14_court(make())) == [("D14", "info", "case.court")]
    osaka = make(case={"court": "osaka"}, disclosure={"route": "provisional"})
    assert found(ri.d14_court(osaka)) == [
        ("D14", "info", "case.court"),
        ("D14", "warning", "case.court"),
    ]
    assert "joinder" in ri.d14_court(osaka)[1].message.en
    tokyo = make(disclosure={"route": "provisional"})
    assert found(ri.d14_court(tokyo)) == [("D14", "info", "case.court")]
    assert ri.d14_court(make(case={"court": None})) == []


def test_d15_a_long_delay_since_the_newest_post(filing: str) -> None:
    old = datetime(2026, 5, 21, 12, tzinfo=PLUS9)
    case = make(posts=[post(posted_at=old)])
    assert found(ri.d15_delay_since_posting(case)) == [
        ("D15", "warning", "claim.deletion-injunction.necessity")
    ]
    assert "2026-05-21" in ri.d15_delay_since_posting(case)[0].message.en
    six_months = make(posts=[post(posted_at=datetime(2026, 5, 22, 12, tzinfo=PLUS9))])
    assert ri.d15_delay_since_posting(six_months) == []
    # A recent post is the one that counts; an old one already offline does not.
    mixed = make(posts=[post(posted_at=old), post(url="https://x.com/s/status/2")])
    assert ri.d15_delay_since_posting(mixed) == []
    gone = make(
        posts=[post(posted_at=old), post(url="https://x.com/s/status/2", still_online=False)]
    )
    assert found(ri.d15_delay_since_posting(gone)) == [
        ("D15", "warning", "claim.deletion-injunction.necessity")
    ]


def test_d16_an_offline_post_is_left_out(filing: str) -> None:
    case = make(posts=[post(), post(url="https://x.com/s/status/2", still_online=False)])
    assert found(ri.d16_offline_posts_left_out(case)) == [("D16", "info", "posts[2].still_online")]
    assert ri.d16_offline_posts_left_out(make()) == []


def test_signed_and_sealed_with_plain_blanks_in_english(
    render: Callable[..., str], filing: str
) -> None:
    # 民事保全規則6条, 民事訴訟規則2条1項: the petition bears the attorney's name and seal
    ja = render(injunction_case(attorney=True, corporation=True))
    head = ja.split("当事者の表示", 1)[0]
    assert head.rstrip().endswith("　印")
    assert "代理人弁護士" in head
    en = render(injunction_case(attorney=True, corporation=True), "en")
    head = en.split("Indication of the Parties", 1)[0]
    assert "Attorney for the Obligee: " in head and head.rstrip().endswith(" (seal)")
    parties = en.split("# List of Parties", 1)[1]
    assert "Representative of the above: [representative]\n" in parties
    assert "Representative of the above in Japan: [representative in Japan]\n" in parties
    assert "certificate of registered matters]" not in en
    in_person = render(injunction_case())
    assert "\n債権者　" in in_person.split("当事者の表示", 1)[0]
    assert in_person.split("当事者の表示", 1)[0].rstrip().endswith("　印")
