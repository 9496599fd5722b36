"""The deletion request and the police report say what a lawyer and a police officer expect.

Small cases built from MINIMAL_CASE are rendered as text (and once as Word and PDF); each test
names the reviewer's item it guards (brief §12.4 and the review of the generated drafts).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from docgen.api import render_case
from tests.conftest import ATTORNEY, MINIMAL_CASE, sample

WriteCase = Callable[..., Path]

POLICE = """
[police]
offenses = ["{offense}"]
circumstances = {{ ja = "被害者は、投稿を見て強い不安を感じている。", en = "The victim feels strong anxiety." }}
{punish}
"""

SECOND_POST = """
[[posts]]
url = "https://x.com/someone/status/1834567890123456790"
account = "@someone"
posted_at = 2026-09-02T08:05:00+09:00
kind = "{kind}"
{extra}
evidence = ["1"]
"""

CIVIL_TEST = (
    'harm = { ja = "社会通念上許される限度を超える侮辱である（最高裁平成22年4月13日第三小法廷判決参照）。", '
    'en = "It exceeds the limit tolerated by social norms." }'
)


def case_text(
    *,
    attorney: bool = False,
    police: str | None = None,
    punish: str = "",
    extra: str = "",
    conceal: bool = False,
    show_name: bool | None = None,
) -> str:
    text = MINIMAL_CASE
    if police:
        text = text.replace(
            'court = "tokyo"\n', 'court = "tokyo"\npolice_station = "警視庁新宿警察署"\n'
        )
        text = text.replace(
            'phone = "03-1000-0000"\n', 'phone = "03-1000-0000"\nbirth_date = 1991-06-14\n'
        )
    if conceal:
        text = text.replace(
            'phone = "03-1000-0000"\n', 'phone = "03-1000-0000"\nconceal_address = true\n'
        )
    text += extra
    if attorney:
        text += ATTORNEY
    if show_name is not None:
        text += f"\n[deletion]\nshow_name_to_sender = {'true' if show_name else 'false'}\n"
    if police:
        text += POLICE.format(offense=police, punish=punish)
    return text


def render(write_case: WriteCase, text: str, filing: str, lang: str, tmp_path: Path) -> str:
    path = write_case(text)
    outcome = render_case(path, filing, out_dir=tmp_path / "out", languages=[lang], formats=["md"])
    (written,) = outcome.written
    return written.read_text(encoding="utf-8")


@pytest.fixture
def deletion(write_case: WriteCase, tmp_path: Path) -> Callable[..., str]:
    def run(lang: str = "ja", **options: object) -> str:
        return render(write_case, case_text(**options), "deletion-request", lang, tmp_path)  # type: ignore[arg-type]

    return run


@pytest.fixture
def police(write_case: WriteCase, tmp_path: Path) -> Callable[..., str]:
    def run(lang: str = "ja", offense: str = "defamation", **options: object) -> str:
        text = case_text(police=offense, **options)  # type: ignore[arg-type]
        return render(write_case, text, "police-report", lang, tmp_path)

    return run


# item 8: no note to the drafter inside a deliverable


def test_deletion_request_has_no_note_for_the_sender(deletion: Callable[..., str]) -> None:
    ja, en = deletion("ja"), deletion("en")
    assert "備考" not in ja and "本書を送付する方へ" not in ja and "japan-report" not in ja
    assert "Note (for the sender" not in en and "japan-report" not in en


def test_police_report_has_no_note_about_the_complaint(police: Callable[..., str]) -> None:
    ja, en = (
        police("ja", punish="wants_punishment = true"),
        police("en", punish="wants_punishment = true"),
    )
    assert "この被害届のみでは" not in ja and "告訴とはならない" not in ja and "親告罪" not in ja
    assert "this report alone" not in en and "prosecutable only on complaint" not in en


# item 9: the police report pleads the offence, not the civil test


def test_police_defamation_pleads_publicity_facts_and_lowered_reputation(
    police: Callable[..., str],
) -> None:
    ja = police("ja", "defamation")
    assert "不特定又は多数の者が閲覧することができる「X（旧Twitter）」上に" in ja
    assert (
        "公然と被害者の社会的評価を低下させる事実を摘示して、被害者の名誉を毀損したものである。"
        in ja
    )
    assert "名誉毀損罪（刑法230条1項）" in ja
    en = police("en", "defamation")
    assert "can be read by an unspecified or large number of persons" in en
    assert (
        "publicly alleged facts that lower the victim's social reputation, defaming the victim"
        in en
    )


def test_police_insult_pleads_public_insult_without_facts(police: Callable[..., str]) -> None:
    ja = police("ja", "insult")
    assert "事実を摘示しないで、公然と被害者を侮辱したものである。" in ja
    assert "社会的評価を低下させる事実" not in ja
    assert "侮辱罪（刑法231条）" in ja
    assert "publicly insulted the victim without alleging facts" in police("en", "insult")


def test_police_report_never_uses_the_civil_test(write_case: WriteCase, tmp_path: Path) -> None:
    text = case_text(police="insult").replace(
        'harm = { ja = "社会的評価を低下させる。", en = "It lowers her social standing." }',
        CIVIL_TEST,
    )
    for lang in ("ja", "en"):
        out = render(write_case, text, "police-report", lang, tmp_path)
        assert "社会通念上" not in out and "平成22年4月13日" not in out
        assert "tolerated by social norms" not in out


def test_police_report_shows_its_own_claim_wording(write_case: WriteCase, tmp_path: Path) -> None:
    text = case_text(police="insult") + (
        '\n[claim.police-report]\nharm = { ja = "被害者は不眠が続いている。", en = "The victim cannot sleep." }\n'
    )
    assert "【被害の状況】" in render(write_case, text, "police-report", "ja", tmp_path)
    assert "被害者は不眠が続いている。" in render(write_case, text, "police-report", "ja", tmp_path)
    assert "The victim cannot sleep." in render(write_case, text, "police-report", "en", tmp_path)


@pytest.mark.parametrize(
    ("punish", "ja", "en"),
    [
        (
            "wants_punishment = true",
            "被害者は、犯人の処罰を求めており、告訴をする意思を有している。",
            "The victim wants the offender punished and intends to file a criminal complaint",
        ),
        (
            "wants_punishment = false",
            "被害者は、現時点では、犯人の処罰を求めていない。",
            "The victim does not, at present, seek the offender's punishment.",
        ),
    ],
)
def test_police_report_states_the_wish_for_punishment(
    police: Callable[..., str], punish: str, ja: str, en: str
) -> None:
    assert ja in police("ja", punish=punish)
    assert en in police("en", punish=punish)


def test_police_report_says_nothing_of_punishment_the_case_does_not_state(
    police: Callable[..., str],
) -> None:
    assert "処罰" not in police("ja")
    assert "punish" not in police("en")


# item 10: the posts and attachments scoped for the notice; no statement or medical record


def test_deletion_request_attaches_only_the_posts_evidence(deletion: Callable[..., str]) -> None:
    extra = """
[[evidence]]
id = "2"
title = { ja = "陳述書", en = "Written statement" }
kind = "statement"

[[evidence]]
id = "3"
title = { ja = "診断書", en = "Medical certificate" }
kind = "certificate"
"""
    ja = deletion("ja", extra=extra, attorney=True)
    attachments = ja.split("添付書類")[1]
    assert "・資料1　投稿のスクリーンショット" in attachments
    assert "・依頼者の本人確認書類の写し" in attachments and "・委任状" in attachments
    assert "陳述書" not in ja and "診断書" not in ja and "資料2" not in ja
    en = deletion("en", extra=extra, attorney=True)
    assert "- Attachment 1: Screenshot of the post" in en
    assert "Written statement" not in en and "Medical certificate" not in en


def test_deletion_request_numbers_the_posts_it_lists(deletion: Callable[..., str]) -> None:
    offline = SECOND_POST.format(kind="post", extra='text = "消えた投稿"\nstill_online = false')
    online = SECOND_POST.format(kind="reply", extra='text = "二つ目の投稿"').replace("790", "791")
    ja = deletion("ja", extra=offline + online)
    assert "「本件投稿1」などといい、併せて「本件各投稿」といいます。" in ja
    assert "| 掲載されている場所 | 本件投稿1<br>" in ja and "| 掲載されている場所 | 本件投稿2<br>" in ja
    assert "二つ目の投稿" in ja and "消えた投稿" not in ja and "本件投稿3" not in ja


# item 11: the consent to show the name, in correct Japanese and in the letter's own voice


def test_deletion_name_is_withheld_in_plain_words(deletion: Callable[..., str]) -> None:
    ja = deletion("ja", attorney=True, show_name=False)
    assert "依頼者の氏名を発信者に開示することには同意しません。" in ja
    assert "依頼者の氏名、住所及び連絡先を伏せてくださいますよう" in ja
    assert "差し支え" not in ja
    en = deletion("en", attorney=True, show_name=False)
    assert "Our client does not consent to the disclosure of our client's name to the sender." in en


def test_deletion_name_may_be_shown_when_the_case_says_so(deletion: Callable[..., str]) -> None:
    ja = deletion("ja", attorney=True, show_name=True)
    assert "発信者への照会に当たり、依頼者の氏名を発信者に開示することに同意します。" in ja
    assert "差し支え" not in ja and "同意しません" not in ja
    assert "our client consents to the disclosure of our client's name" in deletion(
        "en", attorney=True, show_name=True
    )


def test_deletion_requester_without_an_attorney_is_the_moushidesha(
    deletion: Callable[..., str],
) -> None:
    ja = deletion("ja")
    assert ja.count("（以下「申出者」といいます。）") == 1
    assert "依頼者" not in ja and "当職" not in ja
    assert "申出者の氏名を発信者に開示することには同意しません。" in ja
    en = deletion("en")
    assert '("the requester")' in en and "The requester hereby notifies your company" in en
    assert "our client" not in en.lower() and '"Requester"' not in en


def test_deletion_requester_with_an_attorney_is_the_client(deletion: Callable[..., str]) -> None:
    ja = deletion("ja", attorney=True)
    assert ja.count("（以下「依頼者」といいます。）") == 1
    assert "当職は、依頼者の代理人として" in ja and "申出者" not in ja
    en = deletion("en", attorney=True)
    assert '("our client")' in en and "Acting for our client, I hereby notify your company" in en
    assert "requester" not in en.lower()


# item 12: a concealed address is the attorney's office, labelled 連絡先, printed once


def test_deletion_concealed_address_is_printed_once_as_the_attorneys(
    deletion: Callable[..., str],
) -> None:
    ja = deletion("ja", attorney=True, conceal=True)
    assert "東京都世田谷区北沢" not in ja and "03-1000-0000" not in ja
    assert ja.count("東京都千代田区麹町八丁目4番5号") == 1
    assert "連絡先　下記代理人" in ja
    assert "送達場所" not in ja and "住所　東京都千代田区" not in ja
    en = deletion("en", attorney=True, conceal=True)
    assert en.count("8-4-5 Kojimachi") == 1 and "Kitazawa" not in en
    assert "address for service" not in en.lower()


def test_police_report_with_a_concealed_address(police: Callable[..., str]) -> None:
    ja = police("ja", attorney=True, conceal=True)
    assert "東京都世田谷区北沢" not in ja
    assert ja.count("東京都千代田区麹町八丁目4番5号") == 1
    assert "連絡先　下記代理人" in ja and "送達場所" not in ja


# item 14: a repost shows the original statement it spreads; a quote shows both texts

REPOST = SECOND_POST.format(
    kind="repost",
    extra='original = { url = "https://x.com/origin/status/1834567890123450000", account = "@origin", '
    'text = { ja = "元の投稿の中傷文", en = "The original smear" } }',
)
QUOTE = SECOND_POST.format(
    kind="quote",
    extra='text = { ja = "引用した側の文", en = "The quoting text" }\n'
    'original = { url = "https://x.com/origin/status/1834567890123450001", account = "@origin", '
    'text = { ja = "引用された元の文", en = "The quoted text" } }',
).replace("790", "792")


def test_deletion_request_shows_what_a_repost_spreads(deletion: Callable[..., str]) -> None:
    ja = deletion("ja", extra=REPOST)
    assert "種別：リポスト（下記の元の投稿を再投稿し、その内容を拡散するもの）" in ja
    assert "元の投稿（@origin）：<br>https://x.com/origin/status/1834567890123450000" in ja
    assert "内容（リポストされた元の投稿の内容。原文のまま）：「元の投稿の中傷文」" in ja
    en = deletion("en", extra=REPOST)
    assert "Original post (@origin):<br>https://x.com/origin/status/1834567890123450000" in en
    assert '"元の投稿の中傷文"' in en and '"The original smear"' in en


def test_deletion_request_shows_both_texts_of_a_quote(deletion: Callable[..., str]) -> None:
    ja = deletion("ja", extra=QUOTE)
    assert "内容（原文のまま）：「引用した側の文」" in ja
    assert "引用された投稿（@origin）：<br>https://x.com/origin/status/1834567890123450001" in ja
    assert "引用された投稿の内容（原文のまま）：「引用された元の文」" in ja
    en = deletion("en", extra=QUOTE)
    assert '"The quoting text"' in en and '"The quoted text"' in en


def test_police_report_shows_reposts_and_quotes(police: Callable[..., str]) -> None:
    ja = police("ja", extra=REPOST + QUOTE)
    assert "元の投稿　https://x.com/origin/status/1834567890123450000" in ja
    assert "投稿内容　「元の投稿の中傷文」（リポストされた元の投稿の内容。原文のまま）" in ja
    assert "投稿内容　「引用した側の文」（原文のまま）" in ja and "「引用された元の文」" in ja
    en = police("en", extra=REPOST + QUOTE)
    assert "Original post: https://x.com/origin/status/1834567890123450000" in en
    assert '"The original smear"' in en and '"The quoted text"' in en


# item 15: the service's own name


def test_police_report_names_the_service(police: Callable[..., str]) -> None:
    ja = police("ja")
    place = next(line for line in ja.splitlines() if line.startswith("| 被害の場所 |"))
    assert "「X（旧Twitter）」（エックス・コープ（X Corp.）が提供するサービス）" in place
    en = police("en")
    place = next(line for line in en.splitlines() if line.startswith("| Place of the offence"))
    assert '"X (formerly Twitter)" (a service provided by X Corp.)' in place


# item 16: one post is 本件投稿; lists take 及び


def test_deletion_and_police_one_post_is_the_post(
    deletion: Callable[..., str], police: Callable[..., str]
) -> None:
    for text in (deletion("ja"), police("ja")):
        assert "本件投稿" in text
        assert "本件各投稿" not in text and "本件投稿1" not in text and "各URL" not in text
    for text in (deletion("en"), police("en")):
        assert '"the Post"' in text and "Post 1" not in text and "the Posts" not in text


def test_deletion_and_police_lists_are_joined_with_oyobi(
    write_case: WriteCase, tmp_path: Path
) -> None:
    text = case_text(police="defamation").replace(
        'rights = ["reputation"]', 'rights = ["reputation", "honor_feeling"]'
    )
    text = text.replace('offenses = ["defamation"]', 'offenses = ["defamation", "insult"]')
    assert "| 侵害されたとする権利 | 名誉権及び名誉感情 |" in render(
        write_case, text, "deletion-request", "ja", tmp_path
    )
    report = render(write_case, text, "police-report", "ja", tmp_path)
    assert "【罪名】名誉毀損罪（刑法230条1項）及び侮辱罪（刑法231条）" in report
    assert "名誉を毀損し、又は事実を摘示しないで、公然と被害者を侮辱したものである。" in report


def test_deletion_minutes_are_not_zero_padded(deletion: Callable[..., str]) -> None:
    extra = SECOND_POST.format(kind="post", extra='text = "朝の投稿"')
    assert "令和8年9月2日8時5分" in deletion("ja", extra=extra)


# item 18: the police form stays short; the posts are in an annex on its own page


def test_police_report_lists_the_posts_in_an_annex(police: Callable[..., str]) -> None:
    ja = police("ja", extra=SECOND_POST.format(kind="post", extra='text = "二つ目"'))
    form, annex = ja.split("（別紙1）")
    assert "以上" in form and "# 被害に係る投稿の一覧" in annex
    assert "https://x.com/someone/status/" not in form
    assert "（各投稿の日時は別紙1のとおり）" in form and "別紙1記載の各URLのページ" in form
    assert "### 本件投稿1" in annex and "### 本件投稿2" in annex
    assert "URL　https://x.com/someone/status/1834567890123456790" in annex
    assert (
        "（別紙2）" in annex
        and "被害者は、投稿を見て強い不安を感じている。" in annex.split("（別紙2）")[1]
    )


def test_police_report_annexes_start_new_pages_in_word(
    write_case: WriteCase, tmp_path: Path
) -> None:
    path = write_case(case_text(police="defamation"))
    outcome = render_case(
        path, "police", out_dir=tmp_path / "out", languages=["ja"], formats=["docx"]
    )
    (written,) = outcome.written
    document = docx.Document(io.BytesIO(written.read_bytes()))
    paragraphs = document.paragraphs
    starts = [i for i, p in enumerate(paragraphs) if p.text in ("（別紙1）", "（別紙2）")]
    assert len(starts) == 2
    for index in starts:  # a break before the annex, or in a break paragraph just before it
        before = paragraphs[index - 1]._p.xml
        assert paragraphs[index].paragraph_format.page_break_before or 'w:type="page"' in before


@pytest.mark.skipif(
    not all(shutil.which(t) for t in ("soffice", "pdftotext", "pdfinfo")),
    reason="LibreOffice and poppler-utils are not installed",
)
def test_police_sample_form_fits_two_pages(tmp_path: Path) -> None:
    outcome = render_case(
        sample("sato-insult-police"), "police", out_dir=tmp_path, languages=["ja"], formats=["pdf"]
    )
    (pdf,) = outcome.written
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = [re.sub(r"\s", "", page) for page in text.stdout.split("\f")]
    first_annex = next(i for i, page in enumerate(pages, 1) if "（別紙1）" in page)
    assert first_annex <= 3, "the form itself runs over two pages"
    assert "以上" in pages[first_annex - 2]


# item 19: English: one date style, one term per role, the governing text


MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"


@pytest.mark.parametrize("filing", ["deletion-request", "police-report"])
def test_deletion_and_police_english_dates_and_governing_text(
    write_case: WriteCase, tmp_path: Path, filing: str
) -> None:
    text = case_text(police="defamation", attorney=True, punish="offender_known_at = 2026-10-01")
    en = render(write_case, text, filing, "en", tmp_path)
    assert "(Reference translation. The Japanese original governs; in case of any discrepancy" in en
    assert re.search(MONTH + r" \d{1,2}, \d{4}", en)
    assert not re.search(r"\b\d{1,2} " + MONTH + r" \d{4}", en)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", en)


def test_english_police_report_keeps_its_terms(police: Callable[..., str]) -> None:
    en = police("en", punish="wants_punishment = true")
    assert "the offender" in en and "the victim" in en
    for other in ("suspect", "perpetrator", "poster", "petitioner", "complainant", "our client"):
        assert other not in en.lower()


def test_english_deletion_request_keeps_its_terms(deletion: Callable[..., str]) -> None:
    en = deletion("en", attorney=True)
    assert "your company" in en and "our client" in en
    for other in ("the Requester", "petitioner", "respondent", "the victim"):
        assert other not in en
