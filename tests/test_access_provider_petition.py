"""The wording of the 発信者情報開示命令申立書 against the access provider (the second stage).

Each test renders a small case (the minimal case plus the pending case against the platform, an
access provider and, unless the provision-order route is tested, the connections the platform
disclosed) as text and reads it as a litigator would.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import CONNECTION_EVIDENCE as EVIDENCE
from tests.conftest import MINIMAL_CASE, OLD, RECENT, RenderText

FILING = "access-provider-petition"
RELATED = 'related_case = { court = "tokyo", number = "令和8年(発チ)第1234号"'
ACCESS_PROVIDER = """
[access_provider]
ref = "docomo"
network = "mobile"
evidence = ["3"]
"""
FIXED_PROVIDER = """
[access_provider]
name = { ja = "株式会社みなとネットワークス", en = "Minato Networks Co., Ltd." }
address = { ja = "東京都港区芝浦九丁目3番7号", en = "9-3-7 Shibaura, Minato-ku, Tokyo" }
representative = { ja = "代表取締役　松田 浩二", en = "Representative Director Koji Matsuda" }
network = "fixed"
evidence = ["3"]
"""
CONNECTION = """
[[connections]]
ip = "{ip}"
port = 50312
at = {at}
{destination}evidence = [{evidence}]
"""


def ap_case(
    *,
    connections: tuple[tuple[str, str], ...] = ((RECENT, '"2"'),),
    provision_order: bool = False,
    erasure: bool = False,
    access_provider: str = ACCESS_PROVIDER,
    platform: str = 'ref = "x"',
    destination: bool = True,
    base: str = MINIMAL_CASE,
) -> str:
    """The minimal case made a second-stage case; ``connections`` are (at, evidence ids)."""
    related = RELATED + (", provision_order = true }" if provision_order else " }")
    text = base.replace('court = "tokyo"\n', f'court = "tokyo"\n{related}\n', 1)
    text = text.replace('ref = "x"', platform, 1)
    if erasure:
        text = text.replace("[disclosure]\n", "[disclosure]\nerasure_prohibition = true\n", 1)
    text += access_provider + EVIDENCE
    for i, (at, evidence) in enumerate(connections, 1):
        dest = 'destination = "192.0.2.44"\n' if destination else ""
        text += CONNECTION.format(ip=f"203.0.113.{i}", at=at, evidence=evidence, destination=dest)
    return text


@pytest.fixture
def render(render_text: RenderText) -> RenderText:
    """``render(text, lang="ja")``: this module's filing as text."""

    def run(text: str, lang: str = "ja") -> str:
        return render_text(text, FILING, lang)

    return run


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


# The related case (発信者情報開示命令事件手続規則2条) ---------------------------------------------


def test_the_related_case_is_stated_near_the_top(render: Callable[..., str]) -> None:
    ja = render(ap_case())
    head = ja.split("## 第1　申立ての趣旨", 1)[0]
    assert (
        "関連事件の表示　東京地方裁判所令和8年(発チ)第1234号\n\n"
        "　　　　　　　　発信者情報開示命令申立事件\n" in head
    )
    assert "提供命令" not in head
    assert "（東京地方裁判所令和8年(発チ)第1234号。以下「本件関連事件」という。）" in ja
    en = render(ap_case(), "en")
    head = en.split("## Part 1", 1)[0]
    assert (
        "Related case: Tokyo District Court, 令和8年(発チ)第1234号, petition for a sender" in head
    )


def test_a_provision_order_in_the_related_case_is_noted(render: Callable[..., str]) -> None:
    ja = render(ap_case(provision_order=True))
    head = ja.split("## 第1　申立ての趣旨", 1)[0]
    assert "発信者情報開示命令申立事件（提供命令発令済み）" in head
    en = render(ap_case(provision_order=True), "en")
    assert "(a provision order has been issued)" in en.split("## Part 1", 1)[0]


# The requests (S11) and the stamp (S12) ---------------------------------------------------------


def test_the_disclosure_request_alone_without_erasure_prohibition(render: Callable[..., str]) -> None:
    ja = render(ap_case())
    relief = section(ja, "## 第1　申立ての趣旨", "## 第2　申立ての理由")
    assert (
        "相手方は、申立人に対し、別紙発信者情報目録記載の各情報を開示せよ\n\nとの裁判を求める。"
        in relief
    )
    assert relief.count("との裁判を求める。") == 1
    assert "消去" not in ja.split("## 証拠方法", 1)[0]
    assert "兼 消去禁止命令申立書" not in ja
    assert "貼用印紙額　1000円" in ja
    assert "法5条2項及び8条に基づき" in ja
    en = render(ap_case(), "en")
    assert "Court fee (revenue stamps affixed): JPY 1,000" in en
    assert "Order Prohibiting Erasure" not in en


def test_erasure_prohibition_is_a_separate_request(render: Callable[..., str]) -> None:
    ja = render(ap_case(erasure=True))
    assert ja.startswith("# 発信者情報開示命令申立書\n\n兼 消去禁止命令申立書\n")
    relief = section(ja, "## 第1　申立ての趣旨", "## 第2　申立ての理由")
    first, second = relief.split("### 2　消去禁止命令の申立て")
    assert first.strip().endswith("開示せよ\n\nとの裁判を求める。")
    assert (
        "相手方は、本件発信者情報開示命令事件（同事件の決定に対して異議の訴えが提起されたときは、"
        "その訴訟）が終了するまでの間、別紙発信者情報目録記載の各情報を消去してはならない\n\n"
        "との裁判を求める。" in second
    )
    assert "貼用印紙額　2000円" in ja
    assert "消去禁止命令の必要性" in ja
    assert "（法16条1項）" in ja
    assert "法5条2項、8条及び16条1項に基づき" in ja
    en = render(ap_case(erasure=True), "en")
    assert "### 2 Petition for an Order Prohibiting Erasure" in en
    assert en.count("The petitioner seeks a decision to that effect.") == 2
    assert "JPY 2,000" in en
    assert "Articles 5(2), 8 and 16(1) of the Act" in en


def test_the_retention_is_stated_truthfully(render: Callable[..., str]) -> None:
    recent = render(ap_case(erasure=True))
    necessity = section(recent, "消去禁止命令の必要性", "### 結語")
    assert "約93日" in necessity and "令和8年12月3日頃には消去されるおそれがある" in necessity
    assert "既に" in necessity and "経過している（" not in necessity
    old = render(ap_case(erasure=True, connections=((OLD, '"2"'),)))
    necessity = section(old, "消去禁止命令の必要性", "### 結語")
    assert "174日" in necessity and "を経過している" in necessity
    assert "消去されるおそれがある。" not in necessity.split("他方、")[0]
    assert "記録が保存されている限り" in necessity


# The respondent's status: Art. 5(2) for logins, 5(1) otherwise ------------------------------------


def test_x_logins_make_the_respondent_a_related_provider_under_article_5_2(render: Callable[..., str]) -> None:
    ja = render(ap_case())
    assert "法5条2項の関連電気通信役務提供者として、開示関係役務提供者に当たる。" in ja
    assert "（以下「法」という。）5条2項に基づく" in ja
    assert "法5条1項" not in ja
    assert "本件アカウントへのログインに係る通信の記録として" in ja
    en = render(ap_case(), "en")
    assert "related telecommunications service provider within the meaning of Article 5(2)" in en


def test_posting_records_of_another_platform_fall_under_article_5_1(render: Callable[..., str]) -> None:
    platform = 'name = { ja = "株式会社けいじばん", en = "Keijiban Inc." }'
    ja = render(ap_case(platform=platform))
    assert "法5条1項の特定電気通信役務提供者として" in ja
    assert "法5条2項" not in ja
    assert "本件投稿の送信に係る通信の記録として" in ja


# Route (b): the provision order, no connections known ---------------------------------------------


def test_after_a_provision_order_without_connections_the_list_refers_to_the_provided_data(
    render: Callable[..., str],
) -> None:
    ja = render(ap_case(provision_order=True, connections=()))
    assert "# 通信目録" not in ja and "別紙通信目録" not in ja
    assert "### 4　本件関連事件及び本件提供命令" in ja
    assert "提供命令（法15条）が発せられた（以下「本件提供命令」という。）" in ja
    assert "相手方の氏名又は名称及び住所を申立人に提供した（甲2）" in ja
    assert "（法15条1項2号）" in ja
    listing = section(ja, "# 発信者情報目録", "# 投稿記事目録")
    assert (
        "東京地方裁判所令和8年(発チ)第1234号発信者情報開示命令申立事件に係る提供命令に基づき"
        in listing
    )
    assert "から相手方に提供された" in listing and "により特定される通信" in listing
    assert "1　氏名又は名称" in listing and "4　電子メールアドレス" in listing
    assert "法5条2項" in ja  # X: the data passed on are logins
    en = render(ap_case(provision_order=True, connections=()), "en")
    assert "List of Connections" not in en
    assert "the Provision Order" in en and "Article 15(1)(ii) of the Act" in en
    assert "under the provision order issued in the sender identification information" in en


def test_route_b_erasure_prohibition_counts_from_the_post(render: Callable[..., str]) -> None:
    """No connection is known: the post's date stands in, and the logins may be older."""
    ja = render(ap_case(provision_order=True, connections=(), erasure=True))
    necessity = section(ja, "消去禁止命令の必要性", "### 結語")
    assert "携帯電話事業者においては一般に3か月程度" in necessity
    assert (
        "本件投稿は令和8年9月1日にされたものであり、本日までに既に82日が経過している。" in necessity
    )
    assert "令和8年12月3日頃までには消去されるおそれがあり" in necessity
    assert "さらに早く消去されるおそれがある" in necessity
    late = MINIMAL_CASE.replace("date = 2026-11-22", "date = 2026-12-20")
    ja = render(ap_case(provision_order=True, connections=(), erasure=True, base=late))
    necessity = section(ja, "消去禁止命令の必要性", "### 結語")
    assert "（約93日）を既に経過しているおそれがある" in necessity
    assert "記録が保存されている限り" in necessity
    en = render(ap_case(provision_order=True, connections=(), erasure=True, base=late), "en")
    assert "may already be past the retention period generally reported for mobile carriers" in en


# The 通信目録 -------------------------------------------------------------------------------------


def test_the_list_of_connections_shows_each_in_jst_with_the_utc_original(render: Callable[..., str]) -> None:
    ja = render(ap_case(connections=((RECENT, '"2"'), (OLD, '"4"'))))
    table = ja.split("# 通信目録", 1)[1]
    assert "| 番号 | IPアドレス | ポート番号 | 日時（日本時間） | 接続先 |" in table
    assert (
        "| 1 | 203.0.113.1 | 50312 | 令和8年9月1日19時0分0秒（日本時間。協定世界時 "
        "2026-09-01T10:00:00Z） | 192.0.2.44 |" in table
    )
    assert (
        "| 2 | 203.0.113.2 | 50312 | 令和8年6月1日10時0分0秒（日本時間。協定世界時 2026-06-01T01:00:00Z）"
        in table
    )
    # connections disclosed in different exhibits are each cited
    assert "（別紙通信目録番号1につき甲2、番号2につき甲4）" in ja
    en = render(ap_case(connections=((RECENT, '"2"'),)), "en")
    assert (
        "| 1 | 203.0.113.1 | 50312 | September 1, 2026, 19:00:00 JST (2026-09-01T10:00:00Z UTC) |"
        in en
    )


def test_no_destination_column_without_destinations(render: Callable[..., str]) -> None:
    ja = render(ap_case(access_provider=FIXED_PROVIDER, destination=False))
    table = ja.split("# 通信目録", 1)[1]
    assert "| 番号 | IPアドレス | ポート番号 | 日時（日本時間） |\n" in table
    assert "接続先" not in ja
    parties = section(ja, "# 当事者目録", "# 発信者情報目録")
    assert "相手方　株式会社みなとネットワークス\n\n上記代表者　代表取締役　松田 浩二" in parties


# The posts --------------------------------------------------------------------------------------


def test_a_repost_is_pleaded_as_conveying_its_original(render: Callable[..., str]) -> None:
    repost = MINIMAL_CASE.replace(
        'text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" }\n',
        'kind = "repost"\n',
    ).replace(
        "\n[claim]",
        '\n[posts.original]\nurl = "https://x.com/other/status/1834567890123450000"\n'
        'account = "@other"\ntext = { ja = "山田花子は会社の金を横領している", '
        'en = "Hanako Yamada embezzles company money" }\n\n[claim]',
    )
    ja = render(ap_case(base=repost))
    assert (
        "本件投稿は、発信者が、次の投稿（以下「本件投稿の元投稿」という。）を本件アカウントからリポストしたものである。"
        in ja
    )
    assert "元投稿のアカウント　@other" in ja
    assert "「山田花子は会社の金を横領している」" in ja
    assert "本件投稿の元投稿が摘示する事実を、発信者自身の表現として摘示するものである。" in ja
    posts = ja.split("# 投稿記事目録", 1)[1]
    assert "横領" not in posts  # no post text in the 投稿記事目録
    en = render(ap_case(base=repost), "en")
    assert "the facts asserted in the Original of the Post" in en


def test_the_respondent_and_the_attachments(render: Callable[..., str]) -> None:
    ja = render(ap_case())
    parties = section(ja, "# 当事者目録", "# 発信者情報目録")
    assert (
        "相手方　株式会社NTTドコモ\n\n上記代表者　【代表者の資格・氏名】"
        in parties
    )
    annexed = section(ja, "## 附属書類", "# 当事者目録")
    for line in ("甲号証写し", "証拠説明書", "申立書写し（相手方送付用）", "資格証明書（相手方）"):
        assert line in annexed
    assert "資格証明書（申立人）" not in annexed  # an individual
    assert "債権者" not in ja and "疎甲" not in ja
    listing = section(ja, "# 発信者情報目録", "# 投稿記事目録")
    assert "同日時に同目録記載の接続先に接続していたもの" in listing
