"""The disclosure petition (発信者情報開示命令申立書) as a Tokyo litigator reads it.

Each test renders a small case (MINIMAL_CASE with a few keys changed) to text and asserts on the
sentences a lawyer sees: the respondent's representative, the element 特定電気通信 for a locked
account, the limb of 補充性 pleaded and a 保有 section that does not contradict it, the article of
the provision order, reposts and quotes, the service name and annexed documents, the style of thin
input, and the English translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.api import render_case
from tests.conftest import MINIMAL_CASE

WriteCase = Callable[..., Path]

POST = """\
[[posts]]
url = "https://x.com/someone/status/1834567890123456789"
account = "@someone"
posted_at = 2026-09-01T21:14:00+09:00
text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" }
evidence = ["1"]
"""

LOGIN = """\
[disclosure]
purposes = ["damages"]
items = ["phone", "email", "login_ip", "login_port", "login_at"]
provision_order = true
supplementarity_ground = "ro"
supplementarity = { ja = "相手方は、投稿時のIPアドレスを保存していない。", en = "The respondent keeps no posting IP addresses." }
"""


def case_text(*changes: tuple[str, str]) -> str:
    """MINIMAL_CASE with each (old, new) replacement made; every old text must be there."""
    text = MINIMAL_CASE
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return text


def with_disclosure(block: str, *changes: tuple[str, str]) -> str:
    """MINIMAL_CASE whose [disclosure] table is ``block``."""
    start = MINIMAL_CASE.index("[disclosure]")
    end = MINIMAL_CASE.index("[[evidence]]")
    return case_text(*changes).replace(MINIMAL_CASE[start:end], block + "\n")


def render(write_case: WriteCase, text: str, lang: str = "ja", name: str = "case") -> str:
    path = write_case(text, name)
    outcome = render_case(
        path, "disclosure-petition", out_dir=path.parent / "out", languages=[lang], formats=["md"]
    )
    (written,) = outcome.written
    return written.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """From the heading line that contains ``heading`` to the next heading of its level or above."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#") and heading in line)
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


def annex(text: str, title: str) -> str:
    """One annex (別紙), from its title to its closing 以上 / End."""
    start = text.index(f"# {title}")
    ends = [text.find(word, start) for word in ("\n以上\n", "\nEnd\n")]
    return text[start : min(e for e in ends if e != -1)]


# 1. The respondent's representative in the 当事者目録 -----------------------------------------


def test_parties_list_names_the_representatives_of_a_foreign_respondent(
    write_case: WriteCase,
) -> None:
    text = render(
        write_case,
        case_text(
            (
                'ref = "x"\n',
                'ref = "x"\nrepresentative = "代表取締役 某"\njapan_representative = "日本 太郎"\n',
            )
        ),
    )
    parties = annex(text, "当事者目録")
    assert "相手方　エックス・コープ（X Corp.）" in parties
    assert "上記代表者　代表取締役 某" in parties
    assert "上記日本における代表者　日本 太郎" in parties
    assert "【" not in parties


def test_missing_representatives_show_a_placeholder(write_case: WriteCase) -> None:
    ja = annex(render(write_case, MINIMAL_CASE), "当事者目録")
    assert "上記代表者　【代表者の資格・氏名】" in ja
    assert "上記日本における代表者　【日本における代表者】" in ja
    en = annex(render(write_case, MINIMAL_CASE, "en", "en"), "List of Parties")
    assert "[representative]" in en
    assert "[representative in Japan]" in en


def test_a_domestic_respondent_has_no_japan_representative_line(write_case: WriteCase) -> None:
    parties = annex(
        render(write_case, case_text(('ref = "x"\n', 'ref = "line-yahoo"\n'))), "当事者目録"
    )
    assert "上記代表者　【代表者の資格・氏名】" in parties
    assert "日本における代表者" not in parties


# 2. A locked account: 特定電気通信 is pleaded, never dropped ----------------------------------


def test_a_public_post_is_pleaded_as_specified_telecommunications(write_case: WriteCase) -> None:
    text = render(write_case, MINIMAL_CASE)
    assert (
        "本件投稿は、本件サービス上で公開され、不特定の者によって閲覧され得る状態に置かれたもの"
        "であるから、その送信は特定電気通信（法2条1号）に当たる。"
    ) in text


def test_a_locked_post_pleads_why_it_is_still_specified_telecommunications(
    write_case: WriteCase,
) -> None:
    text = render(
        write_case,
        case_text(
            ('evidence = ["1"]\n', 'evidence = ["1"]\nvisibility = "protected"\nfollowers = 1234\n')
        ),
    )
    posts = section(text, "### 2　本件投稿")
    assert "いわゆる鍵アカウント" in posts
    assert "投稿の時点における承認を受けたフォロワーの数は、1234名であった。" in posts
    assert "フォローリクエスト" in posts
    assert "特定かつ閉じた範囲の者ではなく" in posts
    assert "本件投稿の送信は、不特定の者によって受信されることを目的とする電気通信の送信" in posts
    assert "特定電気通信（法2条1号）に当たるというべきである。" in posts
    assert "公開され、不特定の者によって閲覧され得る" not in posts
    assert "判決" not in posts  # an argued point: no case is cited for it


def test_public_and_locked_posts_are_pleaded_each_for_itself(write_case: WriteCase) -> None:
    second = POST.replace("1834567890123456789", "1834567890123456790") + (
        'visibility = "protected"\n'
    )
    text = render(write_case, case_text(("[claim]", second + "\n[claim]")))
    posts = section(text, "### 2　本件各投稿")
    assert "本件投稿1は、本件サービス上で公開され" in posts
    assert "本件投稿2は、投稿に用いられたアカウントが" in posts
    assert "本件投稿2の送信も、" in posts
    assert "フォロワーの数は" not in posts  # not given: no number is invented


# 3. 補充性: the limb pleaded, and a 保有 section that agrees with it ---------------------------


@pytest.mark.parametrize(
    ("ground", "limb", "words"),
    [
        ("i", "イ", "特定発信者情報以外の発信者情報を保有していない"),
        (
            "ro",
            "ロ",
            "発信者の氏名及び住所並びに他の開示関係役務提供者を特定するために用いることが",
        ),
        ("ha", "ハ", "開示を受けたとしても、これによっては発信者を特定することができない"),
    ],
)
def test_supplementarity_pleads_the_limb_then_the_facts(
    write_case: WriteCase, ground: str, limb: str, words: str
) -> None:
    text = render(
        write_case, with_disclosure(LOGIN.replace('ground = "ro"', f'ground = "{ground}"'))
    )
    supp = section(text, "補充性")
    assert f"同号{limb}に該当する。" in supp
    assert f"（法5条1項3号{limb}）" in supp
    assert words in supp
    assert supp.index(f"（法5条1項3号{limb}）") < supp.index(
        "相手方は、投稿時のIPアドレスを保存していない。"
    )
    assert f"以上のとおり、本件は、法5条1項3号{limb}に該当する" in supp
    for other in {"イ", "ロ", "ハ"} - {limb}:
        assert f"3号{other}）" not in supp and f"同号{other}に" not in supp


def test_holding_section_does_not_claim_name_and_address_under_ground_ro(
    write_case: WriteCase,
) -> None:
    block = LOGIN.replace('items = ["phone"', 'items = ["name", "address", "phone"')
    held = section(
        render(write_case, with_disclosure(block)), "相手方が発信者情報を保有していること"
    )
    assert "本件アカウントに登録された電話番号及び電子メールアドレス" in held
    assert (
        "本件アカウントへのログイン等の侵害関連通信の記録（別紙発信者情報目録2記載の各情報）"
        in held
    )
    assert "氏名" not in held and "住所" not in held
    assert "目録記載の各情報を保有している" not in held


def test_holding_section_claims_the_registered_name_and_address_under_ground_ha(
    write_case: WriteCase,
) -> None:
    block = LOGIN.replace('items = ["phone"', 'items = ["name", "address", "phone"').replace(
        'ground = "ro"', 'ground = "ha"'
    )
    held = section(
        render(write_case, with_disclosure(block)), "相手方が発信者情報を保有していること"
    )
    assert "本件アカウントに登録された氏名又は名称、住所、電話番号及び電子メールアドレス" in held


# 4. The article of the provision order ----------------------------------------------------------


def test_provision_order_for_login_items_cites_article_15_2(write_case: WriteCase) -> None:
    text = render(write_case, with_disclosure(LOGIN))
    assert "提供命令を発する必要がある（法15条2項）。" in section(text, "提供命令の必要性")
    assert "法5条1項、8条及び15条2項に基づき" in section(text, "結語")
    assert "15条1項" not in text
    order = annex(text, "提供命令主文目録")
    assert "その保有する別紙発信者情報目録2記載の各情報（以下「本件発信者情報」という。）" in order


def test_provision_order_without_login_items_cites_article_15_1(write_case: WriteCase) -> None:
    block = """\
[disclosure]
purposes = ["damages"]
items = ["email", "ip", "posted_at_time"]
provision_order = true
"""
    text = render(write_case, with_disclosure(block))
    assert "提供命令を発する必要がある（法15条1項）。" in section(text, "提供命令の必要性")
    assert "法5条1項、8条及び15条1項に基づき" in section(text, "結語")
    assert "15条2項" not in text


# 5. Reposts and quotes --------------------------------------------------------------------------


def test_a_repost_conveys_the_original_statement(write_case: WriteCase) -> None:
    repost = """\
[[posts]]
url = "https://x.com/someone/status/1834567890123456789"
account = "@someone"
posted_at = 2026-09-01T21:14:00+09:00
kind = "repost"
evidence = ["1"]
original = { url = "https://x.com/author/status/1834567890000000001", account = "@author", text = { ja = "山田花子は横領犯だ", en = "Hanako Yamada is an embezzler" } }
"""
    start = MINIMAL_CASE.index("[[posts]]")
    end = MINIMAL_CASE.index("[claim]")
    ja = render(write_case, MINIMAL_CASE.replace(MINIMAL_CASE[start:end], repost + "\n"))
    posts = section(ja, "### 2　本件投稿")
    assert "投稿の種別　リポスト" in posts
    assert "元投稿のアカウント　@author" in posts
    assert "元投稿のURL　https://x.com/author/status/1834567890000000001" in posts
    assert "「山田花子は横領犯だ」" in posts
    assert "大阪高等裁判所令和2年6月23日判決参照" in posts
    assert "自己の表現として" in posts and "拡散する" in posts
    assert "本文なし" not in posts
    assert not re.search("発信者は[^。]*と投稿した", posts)  # never the author of the original
    en = render(
        write_case, MINIMAL_CASE.replace(MINIMAL_CASE[start:end], repost + "\n"), "en", "en"
    )
    posts_en = section(en, "### 2 The Post")
    assert "Osaka High Court, judgment of June 23, 2020" in posts_en
    assert "@author" in posts_en and '"Hanako Yamada is an embezzler"' in posts_en


def test_a_quote_pleads_both_texts(write_case: WriteCase) -> None:
    text = render(
        write_case,
        case_text(
            (
                'evidence = ["1"]\n',
                'evidence = ["1"]\nkind = "quote"\n'
                'original = { url = "https://x.com/company/status/1834567890000000002", '
                'account = "@company", text = "経理スタッフ募集中" }\n',
            )
        ),
    )
    posts = section(text, "### 2　本件投稿")
    assert "投稿内容（発信者が付した文言）\n\n「山田花子は会社の金を横領している」" in posts
    assert "引用された投稿" in posts
    assert "アカウント　@company" in posts
    assert "「経理スタッフ募集中」" in posts
    assert "併せて判断されるべき" in posts


# 6. The service's name and the annexed documents ------------------------------------------------


def test_the_service_is_named(write_case: WriteCase) -> None:
    text = render(write_case, MINIMAL_CASE)
    assert (
        "相手方は、「X（旧Twitter）」という名称のインターネット上の情報発信サービス"
        "（以下「本件サービス」という。）を運営する者であり、"
    ) in text


def test_annexed_documents_follow_the_parties(write_case: WriteCase) -> None:
    foreign = section(render(write_case, MINIMAL_CASE), "附属書類")
    assert "甲号証写し　各1通" in foreign
    assert "資格証明書（相手方のもの）及びその訳文　各1通" in foreign
    assert "申立人のもの" not in foreign
    assert "委任状" not in foreign  # no attorney
    assert "外国法人については" not in foreign  # no note to the drafter
    assert "2　証拠説明書　1通" in foreign
    corporate = case_text(
        ('name = { ja = "山田 花子"', 'kind = "corporation"\nname = { ja = "山田 花子"'),
        ('ref = "x"\n', 'ref = "line-yahoo"\n'),
    ) + (
        '\n[[attorneys]]\nname = { ja = "高橋 誠", en = "Makoto Takahashi" }\n'
        'address = { ja = "東京都千代田区麹町一丁目1番1号", en = "1-1-1 Kojimachi, Chiyoda-ku, Tokyo" }\n'
    )
    annexed = section(render(write_case, corporate, name="corporate"), "附属書類")
    assert "資格証明書（相手方のもの）　1通" in annexed
    assert "訳文" not in annexed
    assert "資格証明書（申立人のもの）　1通" in annexed
    assert "手続代理委任状　1通" in annexed


# 7. Style ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "pleaded"),
    [
        ("横領したとの事実。", "本件投稿は、横領したとの事実を摘示するものである。"),
        (
            "申立人が会社の金を横領した",
            "本件投稿は、申立人が会社の金を横領したとの事実を摘示するものである。",
        ),
        ("申立人が横領したこと", "本件投稿は、申立人が横領したことを摘示するものである。"),
        (
            "本件投稿は、申立人が横領したことを摘示するものである。",
            "本件投稿は、申立人が横領したことを摘示するものである。",
        ),
        (
            "本件投稿は、申立人を横領犯と呼ぶものである",
            "本件投稿は、申立人を横領犯と呼ぶものである。",
        ),
    ],
)
def test_thin_facts_are_pleaded_as_a_sentence(
    write_case: WriteCase, facts: str, pleaded: str
) -> None:
    text = render(
        write_case,
        case_text(
            ('facts_alleged = { ja = "横領したとの事実。"', f'facts_alleged = {{ ja = "{facts}"')
        ),
    )
    alleged = section(text, "名誉権侵害")
    assert f"ア　摘示事実\n\n{pleaded}\n" in alleged


@pytest.mark.parametrize(
    ("facts", "pleaded"),
    [
        ("That she embezzled.", "The Post asserts that she embezzled."),
        (
            "embezzlement of company money",
            "The Post asserts the following facts: embezzlement of company money.",
        ),
        ("The Post asserts that she embezzled", "The Post asserts that she embezzled."),
    ],
)
def test_thin_facts_are_pleaded_as_a_sentence_in_english(
    write_case: WriteCase, facts: str, pleaded: str
) -> None:
    text = render(
        write_case, case_text(('en = "That she embezzled." }', f'en = "{facts}" }}')), "en", "en"
    )
    assert f"(a) Facts asserted\n\n{pleaded}\n" in section(text, "Right to Reputation")


def test_one_post_one_account_one_measure_read_in_the_singular(write_case: WriteCase) -> None:
    text = render(write_case, MINIMAL_CASE)
    body = text[: text.index("# 当事者目録")]
    for plural in ("本件各投稿", "本件各アカウント", "いずれも", "各投稿", "これらの措置"):
        assert plural not in body, plural
    assert "この措置をとるためには" in body
    assert "別紙発信者情報目録記載の各情報を開示せよ" in body  # three items


def test_one_item_is_not_each_item(write_case: WriteCase) -> None:
    text = render(
        write_case, case_text(('items = ["name", "address", "email"]', 'items = ["email"]'))
    )
    assert "別紙発信者情報目録記載の情報を開示せよ" in text
    assert "各情報" not in text


def test_rights_are_joined_with_oyobi(write_case: WriteCase) -> None:
    text = render(
        write_case,
        case_text(('rights = ["reputation"]', 'rights = ["reputation", "honor_feeling"]')),
    )
    assert "その権利（名誉権及び名誉感情）" in text
    assert "名誉権、名誉感情" not in text


def test_court_line_has_one_full_width_space(write_case: WriteCase) -> None:
    text = render(write_case, MINIMAL_CASE)
    assert "\n東京地方裁判所民事第9部　御中\n" in text
    assert "東京地方裁判所 民事第9部" not in text


def test_body_writes_ip_address_one_way(write_case: WriteCase) -> None:
    text = render(write_case, with_disclosure(LOGIN))
    body = text[: text.index("# 当事者目録")]
    assert "IPアドレス等の情報" in body
    assert "アイ・ピー・アドレス" not in body


def test_times_are_written_without_a_leading_zero(write_case: WriteCase) -> None:
    text = render(write_case, case_text(("T21:14:00", "T21:03:00")))
    assert "令和8年9月1日21時3分" in text


def test_no_drafter_notes_or_stray_markup(write_case: WriteCase) -> None:
    for lang in ("ja", "en"):
        text = render(write_case, with_disclosure(LOGIN), lang, lang)
        assert "None" not in text
        assert not re.search(r"\{[{%#]|[}%#]\}", text)
        assert "外国法人については" not in text and "for a foreign company" not in text


# 8. English -------------------------------------------------------------------------------------


def test_english_uses_the_house_heading_scheme_and_one_date_style(write_case: WriteCase) -> None:
    text = render(write_case, with_disclosure(LOGIN), "en", "en")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:2] == [
        "## Part 1 Object of the Petition",
        "## Part 2 Grounds for the Petition",
    ]
    assert "### 1 The Parties" in text and "#### (1) The Petitioner" in text
    assert not re.search(r"^#+ [IVX]+\.", text, re.M) and not re.search(r"^### \d+\.", text, re.M)
    assert "November 22, 2026" in text and "September 1, 2026, 21:14 JST" in text
    assert not re.search(
        r"\b\d{1,2} (January|February|March|April|May|June|July|August|September"
        r"|October|November|December) \d{4}",
        text,
    )
    assert "the Japanese original governs" in text


def test_english_parties_and_articles(write_case: WriteCase) -> None:
    text = render(write_case, with_disclosure(LOGIN), "en", "en")
    body = text[: text.index("# List of Parties")]
    assert "Obligee" not in text and "Obligor" not in text
    assert "the respondent" in body and "the petitioner" in body
    assert "(Article 15(2) of the Act)" in body
    assert "Article 5(1)(iii)(b) of the Act" in body
    assert 'the online information service called "X (formerly Twitter)"' in body
    assert "with its Japanese translation" in section(text, "Annexed Documents")


def test_english_singular_and_locked_post(write_case: WriteCase) -> None:
    text = render(
        write_case,
        case_text(
            ('evidence = ["1"]\n', 'evidence = ["1"]\nvisibility = "protected"\nfollowers = 57\n')
        ),
        "en",
        "en",
    )
    body = text[: text.index("# List of Parties")]
    assert "the following measure against the Sender" in body and "To take this measure" in body
    assert "the Posts" not in body and "each post" not in body
    assert "(a so-called locked account)" in body
    assert "the number of approved followers was 57." in body
    assert "not a specific, closed group" in body
    assert "specified telecommunications (Article 2(i) of the Act)" in body
    assert "made public on the Service" not in body
