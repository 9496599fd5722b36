"""The victim's statement (陳述書): its rules (V1–V3), what it requires, and what the draft says.

The statement is the victim's own account: first person, only the texts of
``[claim.victim-statement]`` (never the shared third-person claim), the posts with their date,
URL and words, and a place for the victim's seal.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docgen.api import render_case
from docgen.case.model import Case
from docgen.cli import main
from docgen.filings import get_filing
from docgen.law.rules import statement as rules_statement
from tests.conftest import MINIMAL_CASE, Make, found, sample

PLUS9 = timezone(timedelta(hours=9))
FILING = "victim-statement"
OWN_HARM = "私は、本件投稿を見て眠れなくなった。"

BASE: dict[str, Any] = {
    "case": {"id": "t-1", "date": date(2026, 11, 22)},
    "victim": {"name": "山田 花子", "address": "東京都世田谷区北沢九丁目12番3号"},
    "platform": {"ref": "x"},
    "posts": [
        {
            "url": "https://x.com/someone/status/1834567890123456789",
            "account": "@someone",
            "posted_at": datetime(2026, 9, 1, 21, 14, tzinfo=PLUS9),
            "text": "山田花子は会社の金を横領している。",
        }
    ],
    "claim": {"rights": ["reputation"], "victim-statement": {"harm": OWN_HARM}},
}



@pytest.fixture(autouse=True, params=[FILING], ids=[FILING])
def filing_id(request: pytest.FixtureRequest) -> str:
    """Tags every test of this module with the filing's id (``-k victim-statement``)."""
    return str(request.param)


@pytest.fixture
def make() -> Make:
    def build(statement: dict[str, Any] | None = None, **sections: Any) -> Case:
        data = copy.deepcopy(BASE)
        if statement is not None:
            data["claim"]["victim-statement"] = statement
        data.update(sections)
        return Case.model_validate(data)

    return build



# ---------------------------------------------------------------------------------------------
# rules
# ---------------------------------------------------------------------------------------------


def test_the_filing_runs_the_statement_rules() -> None:
    filing = get_filing("statement")
    assert filing.id == FILING and filing.stage == "civil"
    assert all(rule in filing.rules for rule in rules_statement.RULES)


def test_v1_third_person_in_the_statement(make: Make) -> None:
    case = make(
        {
            "harm": "申立人は、本件投稿を見て眠れなくなった。",
            "facts_alleged": "The victim was upset.",
        }
    )
    findings = rules_statement.v1_first_person(case)
    assert found(findings) == [
        ("V1", "warning", "claim.victim-statement.facts_alleged"),
        ("V1", "warning", "claim.victim-statement.harm"),
    ]
    assert "「申立人」" in findings[1].message.ja and "「私」" in findings[1].message.ja
    assert "“the victim”" in findings[0].message.en


def test_v1_not_for_the_first_person_quotes_or_the_accused(make: Make) -> None:
    case = make(
        {
            "harm": "私は、「被害者ぶるな」と書かれ、被告訴人の処罰を望む。{victim}は眠れない。",
            "identification": "I run a shop.",
        }
    )
    assert rules_statement.v1_first_person(case) == []


def test_v2_statement_not_listed_as_evidence(make: Make) -> None:
    assert found(rules_statement.v2_listed_as_evidence(make())) == [("V2", "info", "evidence")]


def test_v2_not_once_listed_or_when_no_statement_is_drafted(make: Make) -> None:
    listed = make(evidence=[{"id": "9", "title": "陳述書", "kind": "statement"}])
    assert rules_statement.v2_listed_as_evidence(listed) == []
    data = copy.deepcopy(BASE)
    del data["claim"]["victim-statement"]
    assert rules_statement.v2_listed_as_evidence(Case.model_validate(data)) == []


def test_v3_polite_style_in_a_plain_style_statement(make: Make) -> None:
    case = make({"harm": "私は、眠れなくなりました。今も怖いです。"})
    (finding,) = rules_statement.v3_one_style(case)
    assert found([finding]) == [("V3", "warning", "claim.victim-statement.harm")]
    assert "「ました。」「です。」" in finding.message.ja


def test_v3_not_for_plain_style_or_quoted_politeness(make: Make) -> None:
    case = make({"harm": "私は、「あなたはゴミです。」と書かれ、眠れなくなった。"})
    assert rules_statement.v3_one_style(case) == []


# ---------------------------------------------------------------------------------------------
# what it requires (through the CLI)
# ---------------------------------------------------------------------------------------------

WriteCase = Callable[..., Path]
STATEMENT = """
[claim.victim-statement]
identification = { ja = "私は、会社員である。", en = "I am an office worker." }
facts_alleged = { ja = "本件投稿にいう「山田花子」は私のことである。", en = "The Hanako Yamada of the post is me." }
harm = { ja = "私は、本件投稿を見て眠れなくなり、勤務先でも噂になった。", en = "After seeing the post I could not sleep, and it became gossip at work." }
"""


def test_refused_without_the_victims_own_harm(
    runner: CliRunner, write_case: WriteCase, tmp_path: Path
) -> None:
    # the shared third-person [claim] harm is there, but a statement never uses it
    path = write_case(MINIMAL_CASE)
    result = runner.invoke(main, ["render", FILING, str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "[required] claim.victim-statement.harm" in result.stderr
    assert "first person" in result.stderr and "never used in a statement" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.docx"))


def test_a_corporation_needs_its_representative(
    runner: CliRunner, write_case: WriteCase, tmp_path: Path
) -> None:
    text = MINIMAL_CASE.replace("[victim]\n", '[victim]\nkind = "corporation"\n') + STATEMENT
    result = runner.invoke(main, ["render", FILING, str(write_case(text)), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "[required] victim.representative" in result.stderr
    assert "signed and sealed by its representative" in result.stderr


# ---------------------------------------------------------------------------------------------
# the draft
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def statement(write_case: WriteCase, tmp_path: Path) -> Callable[..., str]:
    def run(extra: str = STATEMENT, lang: str = "ja", base: str = MINIMAL_CASE) -> str:
        path = write_case(base + extra)
        outcome = render_case(
            path, FILING, out_dir=tmp_path / "out", languages=[lang], formats=["md"]
        )
        (written,) = outcome.written
        return written.read_text(encoding="utf-8")

    return run


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_the_sato_statement_is_in_the_victims_first_person(tmp_path: Path) -> None:
    out = render_case(
        sample("sato-insult-police"), FILING, out_dir=tmp_path, languages=["ja"], formats=["md"]
    )
    (written,) = out.written
    ja = written.read_text(encoding="utf-8")
    assert ja.startswith("# 陳述書\n\n令和8年11月22日\n")
    assert "御中" not in ja  # no court in this matter
    assert "氏名　佐藤 陽介　　　　印" in ja
    assert "## 1　私について\n\n私は、昭和59年2月9日生まれの42歳で、職業は美容室経営" in ja
    found_at = section(ja, "## 2　本件各投稿を見つけた経緯", "## 3")
    assert (
        "私がX（旧Twitter）上で見つけた投稿は、次のとおりである（以下、順に「本件投稿1」ないし"
        "「本件投稿4」といい、併せて「本件各投稿」という。）。"
    ) in found_at
    assert (
        "私は、令和8年10月3日に本件投稿1及び2を、令和8年10月21日に本件投稿3を、令和8年11月9日に"
        "本件投稿4を、それぞれ見つけた。"
    ) in found_at
    assert "　投稿日時　令和8年9月30日23時18分\n" in found_at
    assert "　URL　https://x.com/shinjuku_nanashi88/status/2105301139558464314\n" in found_at
    assert (
        "　内容　「これが佐藤陽介の顔。性格の悪さが全部顔に出てる。気持ち悪すぎて無理。」"
        in found_at
    )
    assert "本件各投稿は、この陳述書を作成した日においても削除されていない。" in found_at
    assert "## 3　私が受けた被害\n\n本件各投稿を見て、私は強い衝撃を受けた。" in ja
    assert "## 4　私が望むこと" in ja and "投稿者が特定され、厳重に処罰されることを望む。" in ja
    # nothing of the shared, third-person pleading, and no exhibit numbers
    for absent in (
        "被害者の名誉感情を著しく害する",
        "被害者",
        "申立人",
        "告訴人",
        "（資料",
        "（甲",
    ):
        assert absent not in ja
    assert ja.rstrip().endswith("以上")


def test_the_shared_claim_is_never_printed(statement: Callable[..., str]) -> None:
    own = '\n[claim.victim-statement]\nharm = "私は、眠れなくなった。"\n'
    ja = statement(own)
    assert "私は、眠れなくなった。" in ja
    for shared in (
        "実名が記載されている。",
        "横領したとの事実。",
        "社会的評価を低下させる。",
        "事実無根である。",
    ):
        assert shared not in ja


def test_court_addressee_and_what_has_been_done(statement: Callable[..., str]) -> None:
    extra = (
        STATEMENT
        + """
[[attorneys]]
name = { ja = "高橋 誠", en = "Makoto Takahashi" }

[police]
offender = { name = { ja = "鈴木 一郎", en = "Ichiro Suzuki" } }
offender_known_at = 2026-10-15
wants_punishment = true

[damages]
demanded_at = 2026-11-01

[[damages.heads]]
kind = "distress"
amount = 1000000
"""
    )
    base = MINIMAL_CASE.replace(
        'court = "tokyo"\n',
        'court = "tokyo"\nrelated_case = { court = "tokyo", number = "令和8年(発チ)第123号" }\n',
    )
    ja = statement(extra, base=base)
    assert "令和8年11月22日\n\n東京地方裁判所　御中\n" in ja  # the court, not the division
    done = section(ja, "## 4　これまでの対応", "## 5")
    assert "私は、本件について、弁護士高橋 誠に対応を依頼した。" in done
    assert (
        "私は、東京地方裁判所民事第9部に、エックス・コープ（X Corp.）を相手方として、本件投稿の発信者情報の開示を求める申立てをした（令和8年(発チ)第123号）。"
        in done
    )
    assert "私は、令和8年10月15日、本件投稿をしたのが鈴木 一郎であることを知った。" in done
    wishes = section(ja, "## 5　私が望むこと", "以上")
    assert "私は、令和8年11月1日、鈴木 一郎に対し、通知書を送って損害の賠償を求めた。" in done
    assert "私は、鈴木 一郎が厳重に処罰されることを望む。" in wishes
    assert "私は、鈴木 一郎に対し、私が受けた損害の賠償を求める。" in wishes
    en = statement(extra, lang="en", base=base)
    assert "I engaged Makoto Takahashi, attorney-at-law, to act in this matter." in en
    assert "On October 15, 2026, I learned that the Post had been made by Ichiro Suzuki." in en
    assert "I wish Ichiro Suzuki to be severely punished." in en
    assert "On November 1, 2026, I sent Ichiro Suzuki a demand letter claiming damages." in en
    assert "I claim from Ichiro Suzuki damages for the harm I suffered." in en


def test_a_corporation_speaks_through_its_representative(statement: Callable[..., str]) -> None:
    base = MINIMAL_CASE.replace("[victim]\n", '[victim]\nkind = "corporation"\n')
    rep = '\n[victim.representative]\ntitle = "代表取締役"\nname = "山田 太郎"\n'
    ja = statement(rep + STATEMENT, base=base)
    assert (
        "所在地　東京都世田谷区北沢九丁目1番2号\n\n名称　山田 花子\n\n代表者　代表取締役　山田 太郎　　　　印"
        in ja
    )
    assert (
        "## 1　当社及び私について\n\n私は、山田 花子（以下「当社」という。）の代表取締役であり、当社を代表してこの陳述書を作成した。"
        in ja
    )
    assert "## 3　当社が受けた被害" in ja


def test_removed_posts_and_concealed_address(statement: Callable[..., str]) -> None:
    base = MINIMAL_CASE.replace(
        'phone = "03-1000-0000"\n', 'phone = "03-1000-0000"\nconceal_address = true\n'
    ).replace(
        'evidence = ["1"]\n', 'evidence = ["1"]\nstill_online = false\nfound_at = 2026-09-02\n', 1
    )
    attorney = '\n[[attorneys]]\nname = "高橋 誠"\naddress = "東京都千代田区麹町八丁目4番5号"\n'
    ja = statement(attorney + STATEMENT, base=base)
    assert "北沢九丁目" not in ja and "住所" not in ja
    assert (
        "私がX（旧Twitter）上で見つけた投稿は、次のとおりである（以下「本件投稿」という。）。" in ja
    )
    assert "私は、令和8年9月2日に本件投稿を見つけた。" in ja
    assert "本件投稿は、現在は削除されている。" in ja
    assert "私が望むこと" not in ja  # nothing online to remove, no wish about punishment given


def test_english_is_a_translation_of_the_victims_statement(statement: Callable[..., str]) -> None:
    en = statement(lang="en")
    assert en.startswith("# Statement\n")
    assert (
        "Reference translation of the statement made in Japanese. The Japanese original governs"
        in en
    )
    assert "To: Tokyo District Court\n" in en
    assert "Name: Hanako Yamada        (seal)" in en
    assert "## 1. About Me\n\nI am an office worker.\n\n" in en
    assert (
        '    Content: "山田花子は会社の金を横領している" (English translation: "Hanako Yamada embezzles company money")'
        in en
    )
    assert "## 3. The Harm I Suffered\n\nAfter seeing the post I could not sleep" in en
    assert "petitioner" not in en and "victim" not in en.lower()


def test_dated_the_day_its_exhibit_entry_says_it_was_made(statement: Callable[..., str]) -> None:
    # the 証拠説明書 gives the statement's 作成年月日 from its [[evidence]] entry: the statement
    # itself bears that date, not the date of the filing it is offered with
    listed = (
        STATEMENT
        + '\n[[evidence]]\nid = "9"\ntitle = "陳述書"\nkind = "statement"\nmade_at = 2026-11-18\n'
    )
    assert statement(listed).startswith("# 陳述書\n\n令和8年11月18日\n")
    assert statement(listed, lang="en").count("November 18, 2026") >= 1
    assert "November 22, 2026" not in statement(listed, lang="en").split("##", 1)[0]
    # no statement listed: the matter's date
    assert statement().startswith("# 陳述書\n\n令和8年11月22日\n")
