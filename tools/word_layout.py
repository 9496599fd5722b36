"""Layout rules of the Word templates built by ``build_word_templates.py``, decided from the source.

Three questions the .md markup does not answer and paper does:

- which paragraphs keep with the next one (headings, （別紙）, 記, outline labels such as
  「ア　摘示事実」 and short labels such as 「投稿内容」), so none sits alone at the foot of a page;
- which Japanese paragraphs are left-aligned instead of justified (see :func:`left_aligned`);
- how wide each table column is and which rows may split across pages (:func:`column_widths`,
  :func:`row_may_split`).

Every rule reads only the template text, so the output stays deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
OUTPUT = re.compile(r"\{\{(.*?)\}\}", re.S)

# （別紙） / (Attachment) / (Annex 1): the line above an annex title.
ANNEX = re.compile(r"[（(](?:別紙|Attachment|Annex)[^）)]{0,4}[）)]")
# 記 / Particulars: the line that introduces the list below it.
INTRODUCES = {"記", "Particulars"}
# An outline label of the court numbering below 1: ア　…, (1)　…, （1）　….
OUTLINE = re.compile(r"(?:[ア-ン]|\(\d+\)|（\d+）)[　 ]")
LABEL_MAX = 8  # characters of a label line such as 投稿内容 or 本件投稿{{ post.no }}
CLOSING = {"以上"}

# Values that may hold a long run without a break opportunity (a URL, an account handle, an IP
# address, an e-mail address), and free prose from the case file, which may quote any of those.
NAME = r"(?<![A-Za-z_])(?:{})(?![A-Za-z_])"
UNBREAKABLE = re.compile(NAME.format(r"url|accts|account\w*|ip|email|destination|original|title"))
PROSE = re.compile(
    NAME.format(
        r"text|translation|identification|facts_alleged|harm|no_justification|necessity"
        r"|purpose_note|purpose|supplementarity|circumstances"
    )
)
LONG_RUN = re.compile(r"[!-~]{20,}")  # a literal Latin run of 20 characters or more

# Table columns whose values have a known shape get the width that shape needs; the rest share
# what remains. Widths are in ems of the body font (a full-width character; half-width = 0.5).
NUMBER = re.compile(r"\{\{\s*\w+\.no\s*\}\}")
MOMENT = re.compile(r"moment|posted_at|when\.\w+\[")
SHAPED = (  # (pattern on the cell source, width in ems: ja, en)
    (re.compile(r"\.ip\b"), (7.5, 7.5)),
    (re.compile(r"\.port\b"), (3.0, 3.0)),
    (re.compile(r"\.account\b"), (9.0, 9.0)),  # @ and up to 15 letters of a handle
    (re.compile(r"\.destination\b"), (7.5, 7.5)),
    # 証拠説明書: the exhibit number 疎甲10 / "Prima Facie" over "Exhibit 10"; 原本 / "Original".
    (re.compile(r"\bexhibit_prefix\b"), (3.25, 5.5)),
    (re.compile(r"\.form_label\b"), (2.0, 4.0)),
)
MOMENT_EMS = (14.5, 9.0)  # ja: ems("令和10年12月12日21時03分"); en: "September 12, 2026," wraps
# A date (jdate / edate). ja: 「令和10年12月12日」 on one line, or 「令和10年」 over 「12月12日」 when
# the cell breaks the line after 年 ({{ br }}); en: "September" over "12, 2026".
DATE = re.compile(r"\|\s*[je]date\b")
DATE_EMS = (9.5, 4.5)
BROKEN_DATE_EMS = 4.75
SLACK = 0.5  # ems: bold headers and proportional Latin letters run wider than the estimate
CELL_PADDING = 216  # twips: Word's default left + right cell margins (2 × 0.075 in)
BREAK = re.compile(r"\{\{-?\s*br\s*-?\}\}")  # a line break inside a cell
SHORT_CELL = 20  # characters of literal text below which a label cell cannot be long


def literal(text: str) -> str:
    """The template text without its Jinja tags."""
    return JINJA.sub("", text)


def ems(text: str) -> float:
    """Width of a text in ems: East Asian wide and full-width characters 1, others 0.5, plus the
    quarter em that Word and LibreOffice put between Japanese and digits or Latin letters."""
    wide = [unicodedata.east_asian_width(ch) in "WF" for ch in text]
    turns = sum(1 for a, b in pairwise(wide) if a != b)
    return sum(1.0 if w else 0.5 for w in wide) + 0.25 * turns


# ---------------------------------------------------------------- paragraphs


def keeps_with_next(kind: str, text: str, align: str | None) -> bool:
    """Whether a paragraph must stay on the page of the paragraph after it.

    Headings keep through their styles; this covers the other lines that head what follows: the
    （別紙） line above an annex title, 記, outline labels (「ア　摘示事実」) and short labels
    (「投稿内容」, 「本件投稿{{ post.no }}」). A label starts with its own words, ends without 。
    and is short; value lines (「投稿日時　{{ … }}」) and list items (「{{ att.n }}　…」, 「・…」)
    are not labels, so lists never chain into a block that leaves half a page blank.
    """
    if kind in {"title", "h1", "h2", "h3"}:
        return True
    if kind == "tag" or align == "right":
        return False
    plain = literal(text).strip()
    if ANNEX.fullmatch(plain) or plain in INTRODUCES:
        return True
    if align or plain in CLOSING or plain.endswith(("。", "。）", ".", ":", "：")):
        return False
    if OUTLINE.match(text) and len(plain) <= 2 + 16 and "、" not in plain:
        return True
    if re.search(r"　\{\{", text) or re.match(r"\s*(?:\{\{|・)", text):
        return (
            False  # 「投稿日時　{{ … }}」, 「{{ att.n }}　…」, 「・委任状」: values and list items
        )
    compact = re.sub(r"[\s　（）()「」]", "", plain)
    risky = any(UNBREAKABLE.search(body) or PROSE.search(body) for body in OUTPUT.findall(text))
    japanese = not re.search(r"[A-Za-z0-9]", compact)  # 「1　住所」 is a list item
    return japanese and 2 <= len(compact) <= LABEL_MAX and not risky


def left_aligned(kind: str, text: str) -> bool:
    """Whether a Japanese paragraph is left-aligned rather than justified.

    Japanese body text is justified by convention, and justification costs nothing while every
    character is full-width. It goes wrong where a line ends before a long run that has no break
    opportunity (a URL, an account handle, an IP address): Word and LibreOffice then spread the
    characters of the short line across the whole width (「氏 名 不 詳 者 （ 以 下」). Those runs come
    from values, not from the template's own wording, and the template says which values a
    paragraph holds. So a paragraph is left-aligned when it outputs such a value or free prose
    from the case file (which may quote one), or holds a long Latin run itself; every {#flush#}
    line is left-aligned too: those are addresses, list items and value lines, never running
    prose. The rest stays justified; a left-aligned line differs from a justified one only by
    the sub-character slack that half-width digits leave at its end.
    """
    if kind == "plain":
        return True
    if LONG_RUN.search(literal(text)):
        return True
    return any(UNBREAKABLE.search(body) or PROSE.search(body) for body in OUTPUT.findall(text))


# ---------------------------------------------------------------- tables


def column_ems(header: str, cells: Sequence[str], english: bool) -> float | None:
    """The width a column needs in ems, or None for a column that takes a share of the rest.

    A column of numbers is as wide as its header; a column of dates and times fits
    「令和10年12月12日21時03分」 on one line, so no number is split from its unit (a moment with
    seconds and its UTC original is long anyway: that column shares the rest); IP addresses,
    ports and account handles fit on one line. A column is shaped only when every value in it
    has that shape. A date column fits 「令和10年12月12日」 on one line, or its two halves when the
    cell breaks after 年. A header with line breaks ({{ br }}) is as wide as its longest line.
    """
    values = [cell for cell in cells if cell.strip()]
    if not values:
        return None
    lines = [literal(line) for line in BREAK.split(header)]
    words = [w for line in lines for w in line.split()] if english else [x.strip() for x in lines]
    head = max((ems(word) for word in words), default=0.0)
    if all(NUMBER.fullmatch(cell.strip()) for cell in values):
        return max(head, 1.5) + SLACK
    if all(MOMENT.search(cell) for cell in values):
        if any("seconds" in cell for cell in values):
            return None
        return max(head, MOMENT_EMS[english]) + SLACK
    if all(DATE.search(cell) for cell in values):
        broken = not english and all(_breaks(cell) for cell in values)
        return max(head, BROKEN_DATE_EMS if broken else DATE_EMS[english]) + SLACK
    for pattern, (ja, en) in SHAPED:
        if all(pattern.search(cell) for cell in values):
            return max(head, en if english else ja) + SLACK
    return None


def _breaks(cell: str) -> bool:
    """Whether a cell puts a line break in its text ({{ br }}, or ``br`` inside an expression
    such as ``replace("年", "年" ~ br, 1)``)."""
    return any(re.search(r"(?<![\w.\"'])br(?![\w\"'])", body) for body in OUTPUT.findall(cell))


URL = re.compile(r"\.url\b")


def is_list_table(header: Sequence[str], columns: Sequence[Sequence[str]], english: bool) -> bool:
    """A table listing values (投稿記事目録, 通信目録; some column has a shape), or one that
    carries post URLs: set in the smaller list size so that an X post URL fits on one line
    (UAX #14 forbids a break between '/' and the digits of the status id, so a URL that does
    not fit is broken inside the number)."""
    shaped = any(column_ems(h, c, english) is not None for h, c in zip(header, columns, strict=True))
    return shaped or any(URL.search(cell) for column in columns for cell in column)


def column_widths(
    total: int,
    weights: Sequence[int],
    header: Sequence[str],
    columns: Sequence[Sequence[str]],
    em: int,
    english: bool,
) -> list[int]:
    """Integer twips summing exactly to total: shaped columns get what they need, the others
    share the rest in proportion to the dashes of the ``|---|`` line (all columns do when none
    is left over)."""
    needs = [column_ems(h, cells, english) for h, cells in zip(header, columns, strict=True)]
    fixed = [round(n * em) + CELL_PADDING if n is not None else 0 for n in needs]
    free = [max(w, 1) if n is None else 0 for w, n in zip(weights, needs, strict=True)]
    rest = total - sum(fixed)
    if not any(free) or rest < em * 4 * sum(1 for f in free if f):
        return _proportional(total, [max(w, 1) for w in weights])
    shares = _proportional(rest, free)
    return [f + s for f, s in zip(fixed, shares, strict=True)]


def _proportional(total: int, weights: Sequence[int]) -> list[int]:
    edges = [round(total * sum(weights[:i]) / sum(weights)) for i in range(len(weights) + 1)]
    return [b - a for a, b in pairwise(edges)]


def row_may_split(cells: Sequence[str]) -> bool:
    """A row may break across pages when it holds running text (case prose, several lines, a
    long literal); a row of values and short labels stays whole. A long row that cannot fit on
    the rest of a page then starts there instead of leaving the rest of the page blank."""
    return any(
        len(BREAK.findall(cell)) > 1  # a label over its value (本件投稿1 / URL) stays whole
        or len(literal(cell).strip()) > SHORT_CELL
        or any(PROSE.search(body) for body in OUTPUT.findall(cell))
        for cell in cells
    )
