"""The wording of the 発信者情報消去禁止仮処分命令申立書 and its English version, on small cases.

Each test renders a small preservation case (the minimal case plus an access provider, logged
connections and the necessity of preservation) as text and reads it as a litigator would.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.case.load import load_case
from docgen.filings import get_filing
from docgen.findings import Language
from docgen.render.document import RenderOptions, render_documents
from tests.conftest import CONNECTION_EVIDENCE as EVIDENCE
from tests.conftest import MINIMAL_CASE, OLD, RECENT, RenderText

FILING = "preservation-petition"
NECESSITY = (
    'necessity = { ja = "債務者は通信記録を短期間で消去する運用をしており、本案の判断を待っていては'
    '記録が消去されるおそれがある。", en = "The obligor erases its records after a short time, and they '
    'may be erased before a decision on the merits." }\n'
)
ACCESS_PROVIDER = """
[access_provider]
ref = "docomo"
network = "mobile"
evidence = ["3"]
"""
CONNECTION = """
[[connections]]
ip = "203.0.113.87"
port = 50312
at = {at}
destination = "192.0.2.44"
evidence = [{evidence}]
"""


def preservation_case(
    *,
    connections: tuple[tuple[str, str], ...] = ((RECENT, '"2"'),),
    access_provider: str = ACCESS_PROVIDER,
    platform: str = 'ref = "x"',
    extra: str = "",
    base: str = MINIMAL_CASE,
) -> str:
    """The minimal case made a preservation case; ``connections`` are (at, evidence ids)."""
    text = base.replace('ref = "x"', platform, 1)
    text = text.replace("[disclosure]\n", NECESSITY + "\n[disclosure]\n", 1)
    text += access_provider + EVIDENCE
    for at, evidence in connections:
        text += CONNECTION.format(at=at, evidence=evidence)
    return text + extra


@pytest.fixture
def render(render_text: RenderText) -> RenderText:
    """``render(text, lang="ja")``: this module's filing as text."""

    def run(text: str, lang: str = "ja") -> str:
        return render_text(text, FILING, lang)

    return run


@pytest.fixture
def render_unchecked(write_case: Callable[..., Path]) -> Callable[..., str]:
    """Render a case whose findings would stop `docgen render` (a missing 疎明 is an error,
    L4): the template must still read well for the drafter who looks at it."""

    def run(text: str, lang: Language = "ja") -> str:
        loaded = load_case(write_case(text, name=f"raw-{lang}-{abs(hash(text))}"))
        options = RenderOptions(languages=(lang,), formats=("md",))
        (rendered,) = render_documents(loaded, [get_filing(FILING)], options).files
        return rendered.data.decode("utf-8")

    return run


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


# 1. The respondent's representative in the 当事者目録 -------------------------------------------


def test_the_obligors_representative_is_named_or_left_as_a_placeholder(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    parties = section(ja, "# 当事者目録", "# 発信者情報目録")
    assert (
        "債務者　株式会社NTTドコモ\n\n上記代表者　【代表者の資格・氏名】"
        in parties
    )
    en = render(preservation_case(), "en")
    assert (
        "Representative of the above: [representative]"
        in en
    )

    named = (
        ACCESS_PROVIDER
        + 'representative = { ja = "代表取締役 前田 義晃", en = "Yoshiaki Maeda, President" }\n'
    )
    ja = render(preservation_case(access_provider=named))
    assert "上記代表者　代表取締役 前田 義晃" in ja
    assert "【" not in ja
    en = render(preservation_case(access_provider=named), "en")
    assert "Representative of the above: Yoshiaki Maeda, President" in en
    assert "[" not in section(en, "# List of Parties", "# List of Sender")


def test_a_foreign_obligor_also_names_its_representative_in_japan(render_unchecked: Callable[..., str]) -> None:
    foreign = """
[access_provider]
name = { ja = "フォーリン・ネット・インク", en = "Foreign Net, Inc." }
ref = "google"
network = "fixed"
evidence = ["3"]
"""
    ja = render_unchecked(preservation_case(access_provider=foreign))
    assert "上記日本における代表者　【日本における代表者】" in ja
    assert "資格証明書（債務者。訳文を含む。）" in ja
    en = render_unchecked(preservation_case(access_provider=foreign), "en")
    assert (
        "Representative of the above in Japan: [representative in Japan]"
        in en
    )
    assert "obligor (with a Japanese translation)" in en


# 2. Pleaded steps cite their evidence (民事保全規則13条2項) --------------------------------------


def test_the_disclosure_and_the_whois_steps_cite_their_evidence(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    assert "タイムスタンプを開示した（疎甲2）。" in ja
    assert "債務者に割り当てられたものであり（疎甲3）、" in ja
    en = render(preservation_case(), "en")
    assert '(the "Connection") (Prima Facie Exhibit 2).' in en
    assert "allocated to the obligor (Prima Facie Exhibit 3)," in en


def test_the_connections_distinct_citations_are_combined(render: Callable[..., str]) -> None:
    two = ((RECENT, '"2"'), ("2026-09-02T10:00:00Z", '"2", "4"'))
    ja = render(preservation_case(connections=two))
    assert "タイムスタンプを開示した（疎甲2、疎甲4）。" in ja
    en = render(preservation_case(connections=two), "en")
    assert "(Prima Facie Exhibits 2 and 4)." in en


def test_without_citations_the_sentences_still_read_well(render_unchecked: Callable[..., str]) -> None:
    bare = ACCESS_PROVIDER.replace('evidence = ["3"]\n', "")
    text = preservation_case(connections=((RECENT, ""),), access_provider=bare)
    ja = render_unchecked(text)
    assert "タイムスタンプを開示した。" in ja
    assert "債務者に割り当てられたものであり、本件通信は" in ja
    assert "（）" not in ja
    en = render_unchecked(text, "en")
    assert '(the "Connection").' in en
    assert "allocated to the obligor, and the Connection was made" in en
    assert "()" not in en


# 3. The basis: Art. 5(2) for login records, Art. 5(1) otherwise ----------------------------------


def test_logins_disclosed_by_x_are_pleaded_under_article_5_2(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    assert "5条1項又は2項" not in ja
    assert "（以下「法」という。）5条2項に基づく発信者情報開示請求権" in ja
    basis = section(ja, "#### (4)　本件通信と債務者", "#### (5)")
    assert "法5条2項の関連電気通信役務提供者に当たる" in basis
    assert "侵害関連通信に当たる" in basis
    assert "5条1項" not in basis
    assert "法5条2項に基づき、本件発信者情報の開示を請求する権利を有する" in ja
    en = render(preservation_case(), "en")
    assert "under Article 5(2) of the Act on Responses" in en
    assert "related telecommunications service provider within the meaning of Article 5(2)" in en
    assert "5(1)" not in en


def test_posting_records_of_another_platform_are_pleaded_under_article_5_1(render: Callable[..., str]) -> None:
    text = preservation_case(platform='ref = "line-yahoo"')
    ja = render(text)
    assert "（以下「法」という。）5条1項に基づく発信者情報開示請求権" in ja
    assert "法5条1項の特定電気通信役務提供者に当たる" in ja
    assert "5条2項" not in ja and "侵害関連通信" not in ja
    en = render(text, "en")
    assert "specified telecommunications service provider within the meaning of Article 5(1)" in en
    assert "5(2)" not in en


def test_login_items_asked_make_the_basis_article_5_2(render_unchecked: Callable[..., str]) -> None:
    text = preservation_case(platform='ref = "line-yahoo"').replace(
        'items = ["name", "address", "email"]', 'items = ["name", "login_ip", "login_at"]'
    )
    ja = render_unchecked(text)
    assert "5条2項に基づく発信者情報開示請求権" in ja
    assert "法5条2項の関連電気通信役務提供者" in ja


# 4. Necessity: the retention point once, truthfully ----------------------------------------------


def test_the_retention_point_is_the_cases_own_when_the_logs_are_within_retention(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    necessity = section(ja, "### 2　保全の必要性", "### 3　結語")
    assert "債務者は通信記録を短期間で消去する運用をしており" in necessity
    assert necessity.count("保存期間") == 0
    assert "おそれが高い" not in ja
    assert "その前に" not in ja
    en = render(preservation_case(), "en")
    assert "retention period" not in section(en, "### 2 Necessity", "### 3 Conclusion")


def test_logs_past_the_usual_retention_are_said_to_be_so(render: Callable[..., str]) -> None:
    ja = render(preservation_case(connections=((OLD, '"2"'),)))
    necessity = section(ja, "### 2　保全の必要性", "### 3　結語")
    assert (
        "本件通信は令和8年6月1日に行われたものであり、本日までに既に174日が経過している"
        in necessity
    )
    assert "携帯電話事業者において一般的とされる保存期間（約93日）を経過している" in necessity
    assert "債権者において確認する手段はなく" in necessity
    assert "おそれが高い" not in ja and "その前に" not in ja
    en = render(preservation_case(connections=((OLD, '"2"'),)), "en")
    assert "took place on June 1, 2026, 174 days before the date of this petition" in en
    assert (
        "already past the retention period generally reported for mobile carriers (about 93 days)"
        in en
    )


def test_only_some_lapsed_connections_are_counted(render: Callable[..., str]) -> None:
    both = ((OLD, '"2"'), (RECENT, '"2"'))
    ja = render(preservation_case(connections=both))
    assert (
        "本件各通信のうち1件は、携帯電話事業者において一般的とされる保存期間（約93日）を既に経過している"
        in ja
    )
    assert "最も古い別紙通信目録番号1の通信は令和8年6月1日に行われたもの" in ja
    en = render(preservation_case(connections=both), "en")
    assert "Of the 2 Connections, 1 is already past" in en


# 5. Reposts and quotes ---------------------------------------------------------------------------

REPOST = MINIMAL_CASE.replace(
    'text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" }\n',
    'kind = "repost"\n'
    'original = { url = "https://x.com/origin/status/1834567890123456000", account = "@origin", '
    'text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" } }\n',
)
QUOTE = MINIMAL_CASE.replace(
    'text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" }\n',
    'kind = "quote"\n'
    'text = { ja = "やっぱりね", en = "Just as I thought" }\n'
    'original = { url = "https://x.com/origin/status/1834567890123456000", account = "@origin", '
    'text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" } }\n',
)


def test_a_repost_conveys_the_original_statement(render: Callable[..., str]) -> None:
    ja = render(preservation_case(base=REPOST))
    assert "　リポスト元の投稿　@origin　https://x.com/origin/status/1834567890123456000" in ja
    assert "　リポスト元の投稿の内容　「山田花子は会社の金を横領している」" in ja
    assert "本件投稿は、@originの投稿をリポストしたものである。" in ja
    assert "大阪高等裁判所令和2年6月23日判決参照" in ja
    assert "元の投稿の表現内容を自らの表現として発信したものと評価される" in ja
    en = render(preservation_case(base=REPOST), "en")
    assert "The Post is a repost of a post by @origin." in en
    assert "Osaka High Court, judgment of June 23, 2020" in en
    assert 'Translation: "Hanako Yamada embezzles company money"' in en


def test_a_quote_pleads_both_texts(render: Callable[..., str]) -> None:
    ja = render(preservation_case(base=QUOTE))
    assert "　投稿内容　「やっぱりね」" in ja
    assert "　引用された投稿の内容　「山田花子は会社の金を横領している」" in ja
    assert "上記の投稿内容と引用された投稿の内容とを併せて判断すべきである" in ja
    en = render(preservation_case(base=QUOTE), "en")
    assert "from its own text and the text of the quoted post" in en


# 6. Service name and annexes ---------------------------------------------------------------------


def test_the_service_is_named(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    assert (
        "エックス・コープ（X Corp.）が提供するインターネット上の情報発信サービス「X（旧Twitter）」（以下「本件サービス」という。）"
        in ja
    )
    en = render(preservation_case(), "en")
    assert 'on the online information service "X (formerly Twitter)" provided by X Corp.' in en


def test_annexes_for_an_individual_filing_in_person(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    annexes = section(ja, "## 附属書類", "以上")
    assert annexes.split() == [
        *("1", "疎甲号証写し", "各1通"),
        *("2", "証拠説明書", "1通"),
        *("3", "資格証明書（債務者）", "1通"),
    ]
    assert "訳文" not in ja


def test_annexes_for_a_company_with_an_attorney(render: Callable[..., str]) -> None:
    company = (
        preservation_case().replace(
            'name = { ja = "山田 花子", en = "Hanako Yamada" }',
            'kind = "corporation"\nname = { ja = "株式会社山田商事", en = "Yamada Shoji Co., Ltd." }\n'
            'representative = { title = "代表取締役", name = "山田 太郎" }',
        )
        + '\n[[attorneys]]\nname = { ja = "小林 亮介", en = "Ryosuke Kobayashi" }\n'
    )
    ja = render(company)
    annexes = section(ja, "## 附属書類", "以上")
    assert [line for line in annexes.splitlines() if line] == [
        "1　疎甲号証写し　各1通",
        "2　証拠説明書　1通",
        "3　資格証明書（債務者）　1通",
        "4　資格証明書（債権者）　1通",
        "5　委任状　1通",
    ]
    en = render(company, "en")
    annexes = section(en, "## Annexed Documents", "End")
    assert "Certificate of corporate status of the obligee: 1 copy" in annexes
    assert "Power of attorney: 1 copy" in annexes
    assert "translation" not in annexes


# 7. Style ----------------------------------------------------------------------------------------


def test_one_post_and_one_connection_are_singular(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    assert "本件各投稿" not in ja and "本件投稿1" not in ja
    assert "本件各通信" not in ja
    assert "次の投稿（以下「本件投稿」という。）" in ja
    assert "#### (4)　本件通信と債務者" in ja
    assert "同目録記載のIPアドレス" in ja
    en = render(preservation_case(), "en")
    assert "the Posts" not in en and "Post 1" not in en and "the Connections" not in en


def test_two_posts_and_two_connections_are_plural(render: Callable[..., str]) -> None:
    second_post = """
[[posts]]
url = "https://x.com/someone/status/1834567890123456790"
account = "@someone"
posted_at = 2026-09-02T21:14:00+09:00
text = { ja = "山田花子はまた横領した", en = "Hanako Yamada embezzled again" }
evidence = ["1"]
"""
    text = preservation_case(
        connections=((RECENT, '"2"'), ("2026-09-02T10:00:00Z", '"2"')), extra=second_post
    )
    ja = render(text)
    assert "本件投稿1" in ja and "本件投稿2" in ja and "本件各通信" in ja
    assert "いずれも債務者に割り当てられたもの" in ja


def test_court_line_lists_and_terms(render: Callable[..., str]) -> None:
    text = preservation_case().replace(
        'rights = ["reputation"]', 'rights = ["reputation", "privacy"]'
    )
    ja = render(text)
    assert "\n東京地方裁判所民事第9部　御中\n" in ja
    assert "名誉権及びプライバシー権を侵害された者" in ja
    assert "アイ・ピー" not in ja
    assert "当事者の表示　別紙当事者目録記載のとおり" in ja
    assert "　　" not in ja.replace("\n　", "\n")


def test_a_bare_facts_phrase_is_wrapped_into_a_sentence(render: Callable[..., str]) -> None:
    ja = render(preservation_case())
    assert "本件投稿は、横領したとの事実を摘示するものである。" in ja
    assert "\n横領したとの事実。\n" not in ja
    en = render(preservation_case(), "en")
    assert "The Post states as a fact that she embezzled." in en


def test_a_full_facts_text_is_kept_as_written(render: Callable[..., str]) -> None:
    text = preservation_case().replace(
        'facts_alleged = { ja = "横領したとの事実。", en = "That she embezzled." }',
        'facts_alleged = { ja = "本件投稿は、債権者が横領したとの事実を摘示する。", en = "The post alleges embezzlement." }',
    )
    ja = render(text)
    assert "\n本件投稿は、債権者が横領したとの事実を摘示する。\n" in ja


# 8. English --------------------------------------------------------------------------------------


def test_the_english_version_keeps_one_term_one_date_style_and_the_governing_notice(render: Callable[..., str]) -> None:
    en = render(preservation_case(connections=((OLD, '"2"'),)), "en")
    assert not re.search(r"\b(creditor|debtor)s?\b", en, re.IGNORECASE)
    assert "the obligee" in en and "the obligor" in en
    assert "the Japanese original governs" in en
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert not re.search(rf"\b\d{{1,2}} ({months}) \d{{4}}", en), "a day-month-year date"
    assert "November 22, 2026" in en
    headings = [line for line in en.splitlines() if line.startswith("## ")]
    assert headings[:2] == [
        "## Part 1 Object of the Petition",
        "## Part 2 Grounds for the Petition",
    ]
    assert "### 1 Right to Be Preserved" in en
    assert "### 2 Necessity of Preservation" in en
    assert "### 3 Conclusion" in en
    assert "Prima Facie Exhibit 1: Screenshot of the post" in en


# Nothing meant for the drafter -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_note_to_the_drafter(render: Callable[..., str], lang: str) -> None:
    named = (
        ACCESS_PROVIDER
        + 'representative = { ja = "代表取締役 前田 義晃", en = "Yoshiaki Maeda, President" }\n'
    )
    text = render(preservation_case(access_provider=named, connections=((OLD, '"2"'),)), lang)
    for marker in (
        "【",
        "[Representative",
        "TODO",
        "確認してください",
        "記載してください",
        "please",
        "{{",
        "{%",
        "{#",
    ):
        assert marker not in text


def test_times_are_written_without_zero_padding(render: Callable[..., str]) -> None:
    text = preservation_case(connections=(("2026-09-01T00:05:07Z", '"2"'),)).replace(
        "posted_at = 2026-09-01T21:14:00+09:00", "posted_at = 2026-09-01T21:04:00+09:00"
    )
    ja = render(text)
    assert "　投稿日時　令和8年9月1日21時4分\n" in ja
    assert "令和8年9月1日9時5分7秒" in ja
