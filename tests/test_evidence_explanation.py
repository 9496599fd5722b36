"""The 証拠説明書 of every court filing: one row per exhibit its petition cites, in the petition's
own numbering (甲 / 疎甲) and the petition's terms for the parties; the petition lists it among its
附属書類 (brief §12.1, §8.1)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from docgen.api import render_case
from tests.conftest import MINIMAL_CASE, REPO, sample

# MINIMAL_CASE cites exhibit 1 for its post; this adds a statement cited in the pleaded harm (3),
# an exhibit no filing cites (2), the WHOIS behind the access provider (4) and the disclosed log
# of the connection (5): the preservation petition cites 1, 3, 4 and 5, the disclosure petition
# (which pleads no connections) only 1 and 3.
CASE = (
    MINIMAL_CASE.replace(
        'harm = { ja = "社会的評価を低下させる。", en = "It lowers her social standing." }',
        'harm = { ja = "社会的評価を低下させる{ev:3}。", en = "It lowers her social standing {ev:3}." }\n'
        'necessity = { ja = "ログは3か月で消去される。", en = "The logs are erased after three months." }',
    )
    + """\
made_at = 2026-09-02
author = { ja = "{victim}", en = "{Victim}" }
purpose = { ja = "本件投稿の存在及び内容", en = "The existence and content of the post" }

[[evidence]]
id = "2"
title = { ja = "引用されない資料", en = "An exhibit nobody cites" }
kind = "other"

[[evidence]]
id = "3"
title = { ja = "陳述書", en = "Written statement" }
kind = "statement"
form = "original"
author = { ja = "山田 花子", en = "Hanako Yamada" }
purpose = { ja = "{victim}の被った被害", en = "The harm {victim} suffered" }

[[evidence]]
id = "4"
title = { ja = "WHOIS検索結果", en = "WHOIS search result" }
kind = "printout"
made_at = 2026-11-16
purpose = { ja = "IPアドレスを{respondent}が管理していること", en = "That {respondent} administers the IP address" }

[[evidence]]
id = "5"
title = { ja = "ログイン記録", en = "Login records" }
kind = "record"

[access_provider]
ref = "docomo"
network = "mobile"
evidence = ["4"]

[[connections]]
ip = "203.0.113.87"
port = 50312
at = 2026-11-01T10:58:14+09:00
destination = "192.0.2.44"
evidence = ["5"]
"""
)
TITLES = {"1": "投稿のスクリーンショット", "2": "引用されない資料", "3": "陳述書"}
TITLES |= {"4": "WHOIS検索結果", "5": "ログイン記録"}


def _render(case: Path, filing: str, lang: str, fmt: str, out: Path) -> Path:
    outcome = render_case(case, filing, out_dir=out, languages=[lang], formats=[fmt])
    (path,) = outcome.written
    return path


def _md_rows(text: str) -> list[list[str]]:
    """The body rows of the 証拠説明書 table (its header starts 号証 / No.)."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    assert lines[0].startswith(("| 号証", "| No."))
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def _docx_rows(path: Path) -> list[list[str]]:
    (table,) = docx.Document(str(path)).tables
    header, *rows = ([cell.text for cell in row.cells] for row in table.rows)
    assert header[0] in {"号証", "No."}
    return rows


@pytest.fixture
def case(write_case: Callable[[str], Path]) -> Path:
    return write_case(CASE)


@pytest.mark.parametrize(
    ("filing", "labels", "ids"),
    [
        ("disclosure-petition-evidence", ["甲1", "甲2"], ["1", "3"]),
        (
            "preservation-petition-evidence",
            ["疎甲1", "疎甲2", "疎甲3", "疎甲4"],
            ["1", "3", "4", "5"],
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_rows_are_the_exhibits_the_petition_cites_in_its_numbering(
    case: Path, tmp_path: Path, filing: str, labels: list[str], ids: list[str], fmt: str
) -> None:
    path = _render(case, filing, "ja", fmt, tmp_path)
    rows = _md_rows(path.read_text("utf-8")) if fmt == "md" else _docx_rows(path)
    assert [row[0] for row in rows] == labels
    assert [row[1] for row in rows] == [TITLES[i] for i in ids]
    assert all(TITLES["2"] not in cell for row in rows for cell in row)  # cited by no filing
    # The petition names the same exhibits with the same numbers.
    parent = _render(case, filing.removesuffix("-evidence"), "ja", "md", tmp_path / "parent")
    prefix = labels[0].rstrip("0123456789")
    for label, i in zip(labels, ids, strict=True):
        assert f"{prefix}第{label[len(prefix) :]}号証　{TITLES[i]}" in parent.read_text("utf-8")


def test_reordering_the_evidence_renumbers_the_rows(
    write_case: Callable[..., Path], tmp_path: Path
) -> None:
    statement = CASE[CASE.index('[[evidence]]\nid = "3"') : CASE.index('[[evidence]]\nid = "4"')]
    moved = CASE.replace(statement, "").replace(
        '[[evidence]]\nid = "1"', statement + '[[evidence]]\nid = "1"'
    )
    path = _render(write_case(moved, "moved"), "petition-evidence", "ja", "md", tmp_path)
    rows = _md_rows(path.read_text("utf-8"))
    assert [(row[0], row[1]) for row in rows] == [
        ("甲1", "陳述書"),
        ("甲2", "投稿のスクリーンショット"),
    ]


def test_form_date_author_and_purpose(case: Path, tmp_path: Path) -> None:
    rows = _docx_rows(_render(case, "preservation-evidence", "ja", "docx", tmp_path))
    screenshot, statement, whois, log = rows
    assert screenshot[2:] == ["写し", "令和8年\n9月2日", "債権者", "本件投稿の存在及び内容"]
    assert statement[2:] == ["原本", "", "山田 花子", "債権者の被った被害"]  # no made_at: blank
    assert whois[2:] == ["写し", "令和8年\n11月16日", "", "IPアドレスを債務者が管理していること"]
    assert log[2:] == ["写し", "", "", ""]


@pytest.mark.parametrize(
    ("filing", "lang", "parties"),
    [
        (
            "disclosure-petition-evidence",
            "ja",
            ["申立人　山田 花子", "相手方　エックス・コープ（X Corp.）"],
        ),
        (
            "preservation-petition-evidence",
            "ja",
            ["債権者　山田 花子", "債務者　株式会社NTTドコモ"],
        ),
        (
            "disclosure-petition-evidence",
            "en",
            ["Petitioner: Hanako Yamada", "Respondent: X Corp."],
        ),
        (
            "preservation-petition-evidence",
            "en",
            ["Obligee: Hanako Yamada", "Obligor: NTT DOCOMO, INC."],
        ),
    ],
)
def test_the_parties_are_named_in_the_petitions_terms(
    case: Path, tmp_path: Path, filing: str, lang: str, parties: list[str]
) -> None:
    text = _render(case, filing, lang, "md", tmp_path).read_text("utf-8")
    lines = text.splitlines()
    for party in parties:
        assert party in lines
    title = "# 証拠説明書" if lang == "ja" else "# Explanation of Evidence"
    assert lines.index(parties[-1]) < lines.index(title)  # the caption stands above the title
    other = ("債権者", "債務者") if "disclosure" in filing else ("申立人", "相手方")
    if lang == "en":
        other = ("Obligee", "Obligor") if "disclosure" in filing else ("Petitioner", "Respondent")
    assert not any(word in text for word in other)


def test_caption_date_court_and_signer(
    write_case: Callable[..., Path], case: Path, tmp_path: Path
) -> None:
    text = _render(case, "petition-evidence", "ja", "md", tmp_path).read_text("utf-8")
    assert text.splitlines()[0] == "発信者情報開示命令申立事件"
    assert "令和8年11月22日" in text and "東京地方裁判所民事第9部　御中" in text
    assert text.rstrip().endswith("以上")
    english = _render(case, "petition-evidence", "en", "md", tmp_path / "en").read_text("utf-8")
    assert re.search(r"Japanese original governs", english)
    assert "November 22, 2026" in english and "To: Tokyo District Court" in english
    assert "令和" not in english
    with_attorney = CASE.replace(
        "[platform]",
        '[[attorneys]]\nname = { ja = "高橋 誠", en = "Makoto Takahashi" }\n\n[platform]',
    )
    path = write_case(with_attorney, "attorney")
    signed = _render(path, "preservation-evidence", "ja", "md", tmp_path / "a").read_text("utf-8")
    assert "債権者代理人弁護士　高橋 誠　印" in signed.splitlines()  # 記名押印 (民訴規則2条)
    signed = _render(path, "petition-evidence", "ja", "md", tmp_path / "b").read_text("utf-8")
    assert "申立人手続代理人弁護士　高橋 誠　印" in signed.splitlines()


def test_render_all_writes_the_preservation_petitions_explanation(tmp_path: Path) -> None:
    outcome = render_case(
        sample("tanaka-carrier-preservation"), "all", out_dir=tmp_path, formats=["docx"]
    )
    names = {path.name for path in outcome.written}
    assert "preservation-petition-evidence.ja.docx" in names
    assert "preservation-petition-evidence.en.docx" in names
    path = next(p for p in outcome.written if p.name == "preservation-petition-evidence.ja.docx")
    assert [row[0] for row in _docx_rows(path)][:2] == ["疎甲1", "疎甲2"]


@pytest.mark.parametrize(
    ("filing", "lang", "line"),
    [
        ("petition", "ja", "証拠説明書　1通"),
        ("preservation", "ja", "証拠説明書　1通"),
        ("petition", "en", "Explanation of Evidence: 1 copy"),
        ("preservation", "en", "Explanation of Evidence: 1 copy"),
    ],
)
def test_the_petition_lists_its_explanation_among_the_annexed_documents(
    case: Path, tmp_path: Path, filing: str, lang: str, line: str
) -> None:
    text = _render(case, filing, lang, "md", tmp_path).read_text("utf-8")
    annexed = text.split("## 附属書類" if lang == "ja" else "## Annexed Documents")[1]
    annexed = annexed.split("以上" if lang == "ja" else "End")[0]
    assert re.search(rf"^2[.　] ?{re.escape(line)}$", annexed, re.M)  # right after the exhibits


# ---------------------------------------------------------------- the table's layout


def test_the_builder_sizes_the_number_form_and_date_columns() -> None:
    """疎甲10 on one line; 原本 under 「原本・」「写しの別」; the date as 「令和10年」 over 「12月12日」
    (the cell breaks after 年); the three prose columns share the rest, 立証趣旨 the most."""
    from tests.test_build_word_templates import bwt, list_column, word_layout

    em = round(bwt.JA.list_table_pt * 20)
    for lang, layout in (("ja", bwt.JA), ("en", bwt.EN)):
        source = (REPO / f"templates_{lang}" / "evidence-explanation.md").read_text("utf-8")
        (table,) = docx.Document(io.BytesIO(bwt.build(source, layout, "t"))).tables
        number, title, form, made, author, purpose = (c.width.twips for c in table.columns)
        if lang == "ja":
            assert number == list_column(3.25)
            assert form == list_column(4)  # the header's longer line 写しの別
            assert made == list_column(5)  # the header 作成年月日 is wider than 12月12日
        else:
            assert number == list_column(5.5) and form == list_column(4)
            assert made == list_column(word_layout.DATE_EMS[1])  # "September" over "12, 2026"
        assert number + title + form + made + author + purpose == layout.text_width
        assert purpose > max(title, author) >= 5 * em + word_layout.CELL_PADDING
    assert word_layout.column_ems("日付", ["{{ e.made_at | jdate }}"], False) == 10.0
    broken = '{{ e.made_at | jdate | replace("年", "年" ~ br, 1) }}'
    assert word_layout.column_ems("日付", [broken], False) == 5.25
    assert word_layout.column_ems("原本・{{ br }}写しの別", ["{{ e.form_label }}"], False) == 4.5
