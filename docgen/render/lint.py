"""The template linter: what would break a template, found before a case is rendered.

``lint_paths`` checks Word (.docx) and text (.md) templates and names each problem's file and
where it is: the visible text of the paragraph or table cell (Word), or the line (text). Checks:

- ``syntax``: the template does not parse, with the environment and docxtpl patching that
  rendering uses (so what passes here compiles when rendering);
- ``unknown-name`` / ``unknown-filter``: a name, attribute, filter or test that is not in the
  template vocabulary (:mod:`docgen.render.vocabulary`), ``victim.nmae`` included;
- Word only: ``split-tag`` (a tag typed across differently formatted pieces of text, or not
  closed in its paragraph), ``curly-quotes`` (“ ” ‘ ’ in a tag), ``tracked-change`` (a tag in an
  insertion or deletion), ``comment`` (a tag under a comment, or in one), ``east-asian-font``
  (Japanese text whose run, styles and document defaults name no East Asian font).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from docgen.errors import UsageError
from docgen.render.docx_text import (
    ParagraphRuns,
    Styles,
    commented_runs,
    owner_paragraph,
    paragraph_text,
    parse_xml,
    read_parts,
    w,
)
from docgen.render.environment import text_environment, word_environment
from docgen.render.lint_names import NameIssue, check_names, compile_errors, syntax_error
from docgen.render.templates import builtin_dir
from docgen.render.text import prepare_text_source
from docgen.render.word import RENDERED_PART

Kind = Literal[
    "syntax",
    "unknown-name",
    "unknown-filter",
    "split-tag",
    "curly-quotes",
    "tracked-change",
    "comment",
    "east-asian-font",
]
SUFFIXES = (".docx", ".md")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
OPENER = re.compile(r"\{[{%#]")
CURLY = re.compile("[“”‘’]")
JAPANESE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
PART_LABEL = {"header": "header", "footer": "footer", "footnotes": "footnote"}
SHORT = 60
MARK = "docgen-lint-paragraph:"


@dataclass(frozen=True)
class Problem:
    """One problem of one template: which file, where in it, what kind, and what to do."""

    file: Path
    where: str
    kind: Kind
    message: str


def format_problem(problem: Problem) -> str:
    """``file: where: message`` on one line."""
    return f"{problem.file}: {problem.where}: {problem.message}"


def template_files(paths: Sequence[Path]) -> list[Path]:
    """The files to lint: the given ones, the templates in given folders, else the built-ins."""
    roots = list(paths) or [builtin_dir("ja"), builtin_dir("en")]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files += sorted(
                f
                for f in root.rglob("*")
                if f.suffix in SUFFIXES
                and f.is_file()
                and not f.name.startswith("~$")
                and not any(p.startswith(".") for p in f.relative_to(root).parts)
            )
        elif root.is_file():
            if root.suffix not in SUFFIXES:
                raise UsageError(f"{root}: not a template (a .docx or .md file)")
            files.append(root)
        else:
            raise UsageError(f"{root}: no such file or folder")
    return files


def lint_paths(paths: Sequence[Path]) -> list[Problem]:
    """Every problem of every template in ``paths`` (files or folders; none: the built-ins)."""
    problems: list[Problem] = []
    for path in template_files(paths):
        found = lint_docx(path) if path.suffix == ".docx" else lint_text(path)
        problems += dict.fromkeys(found)  # each problem once, in order
    return problems


def shorten(text: str) -> str:
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _name_message(issue: NameIssue) -> tuple[Kind, str]:
    kind: Kind = "unknown-filter" if issue.kind == "unknown-filter" else "unknown-name"
    return kind, issue.message


# ---------------------------------------------------------------------------- text templates


def _line_starts(source: str) -> list[int]:
    """For each source line, the line of the prepared source it starts on (both from 1)."""
    starts, current = [], 1
    for line in source.split("\n"):
        starts.append(current)
        current += prepare_text_source(line + "\n").endswith("\n")
    return starts


def _source_line(lines: list[str], starts: list[int], prepared: int, needle: str) -> int:
    """The source line of a prepared line: the first of its lines that shows ``needle``."""
    group = [i for i, start in enumerate(starts) if start == prepared] or [0]
    found = next((i for i in group if needle and needle in lines[i]), group[0])
    return found + 1


def lint_text(path: Path) -> list[Problem]:
    """A text (.md) template: syntax, names and filters, by source line."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(path, "line 1", "syntax", f"cannot read the template as UTF-8 ({exc})")]
    lines, starts = source.split("\n"), _line_starts(source)
    env = text_environment()
    try:
        template = env.parse(prepare_text_source(source))
    except jinja2.TemplateSyntaxError as exc:
        line, message = _text_syntax_error(source, exc, lines, starts)
        return [Problem(path, f"line {line}", "syntax", message)]
    problems = []
    for issue in check_names(template):
        line = _source_line(lines, starts, issue.lineno, issue.name)
        kind, message = _name_message(issue)
        problems.append(Problem(path, f"line {line}", kind, message))
    problems += [
        Problem(path, f"line {_source_line(lines, starts, lineno, '')}", "syntax", message)
        for lineno, message in compile_errors(env, template)
    ]
    return problems


def _text_syntax_error(
    source: str, exc: jinja2.TemplateSyntaxError, lines: list[str], starts: list[int]
) -> tuple[int, str]:
    env = text_environment()
    try:
        env.parse(source)  # the raw source gives exact lines when it fails too
    except jinja2.TemplateSyntaxError as raw:
        return syntax_error(env, source, raw)
    line, message = syntax_error(env, prepare_text_source(source), exc)
    return _source_line(lines, starts, line, ""), message


# ---------------------------------------------------------------------------- Word templates


def lint_docx(path: Path) -> list[Problem]:
    """A Word template: Jinja and names per part, then the Word checks paragraph by paragraph."""
    try:
        parts = read_parts(path)
    except UsageError as exc:
        return [Problem(path, "the file", "syntax", f"cannot be read as a Word template: {exc}")]
    styles = Styles.parse(parts.get("word/styles.xml"))
    names = sorted((n for n in parts if RENDERED_PART.match(n)), key=_part_order)
    located: list[tuple[int, int, Problem]] = []
    for order, name in enumerate(names):
        located += [(order, *found) for found in _lint_part(path, name, parts[name], styles)]
    located.sort(key=lambda found: found[:2])
    return [problem for *_, problem in located] + list(_comment_problems(path, parts))


def _part_order(name: str) -> tuple[bool, str]:
    return name != "word/document.xml", name


def _lint_part(path: Path, name: str, data: bytes, styles: Styles) -> list[tuple[int, Problem]]:
    root = parse_xml(data)
    paragraphs = list(root.iter(w("p")))
    wheres = [_where(name, p, i) for i, p in enumerate(paragraphs)]

    def locate(index: int) -> str:
        return wheres[index] if 0 <= index < len(wheres) else name

    found = [
        (index, Problem(path, locate(index), kind, message))
        for index, kind, message in _jinja_problems(path, data.decode("utf-8"))
    ]
    commented = commented_runs(root)
    for index, paragraph in enumerate(paragraphs):
        problems = _paragraph_problems(path, paragraph, wheres[index], styles, commented)
        found += [(index, problem) for problem in problems]
    return found


def _mark_paragraphs(xml: str) -> str:
    """Start each paragraph, row and cell on a new line marked with the paragraph's number.

    docxtpl's patching removes the ``{%p %}`` paragraphs and ``{%tr %}`` rows but keeps what is
    before them, so every line of the patched source still starts with the mark of its paragraph.
    """
    count = 0

    def mark(match: re.Match[str]) -> str:
        nonlocal count
        index = count
        count += match.group(1) == "p"
        return f"\n<!--{MARK}{index}-->{match.group(0)}"

    return re.sub(r"<w:(p|tr|tc)[ >/]", mark, xml)


def _line_paragraphs(source: str) -> list[int]:
    """For each line of the marked source (from 1, at index 0 too), the paragraph it is in."""
    found, current = [-1], -1
    for line in re.split(r"\r\n|\r|\n", source):
        first = re.match(f"<!--{MARK}(\\d+)-->", line)
        found.append(int(first.group(1)) if first else current)
        marks = re.findall(f"<!--{MARK}(\\d+)-->", line)
        current = int(marks[-1]) if marks else found[-1]
    return found


def _jinja_problems(path: Path, xml: str) -> list[tuple[int, Kind, str]]:
    """Parse the part as rendering does (docxtpl's patching, our environment); by paragraph."""
    source = DocxTemplate(str(path)).patch_xml(_mark_paragraphs(xml))
    paragraph_of = _line_paragraphs(source)

    def at(lineno: int | None) -> int:
        return paragraph_of[min(max(lineno or 1, 1), len(paragraph_of) - 1)]

    env = word_environment()
    try:
        template = env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        line, message = syntax_error(env, source, exc)
        return [(at(line), "syntax", message)]
    found: list[tuple[int, Kind, str]] = []
    for issue in check_names(template):
        found.append((at(issue.lineno), *_name_message(issue)))
    found += [(at(line), "syntax", message) for line, message in compile_errors(env, template)]
    return found


def _where(part: str, paragraph: etree._Element, index: int) -> str:
    stem = re.sub(r"\d+$", "", part.removeprefix("word/").removesuffix(".xml"))
    label = PART_LABEL.get(stem, "paragraph")
    cell = next(paragraph.iterancestors(w("tc")), None)
    if cell is not None:
        label = "table cell" if label == "paragraph" else f"{label} table cell"
        text = " ".join(paragraph_text(p) for p in cell.iter(w("p")))
    else:
        text = paragraph_text(paragraph)
    text = shorten(text)
    return f"{label} “{text}”" if text else f"{label} {index + 1} (empty)"


def _paragraph_problems(
    path: Path,
    paragraph: etree._Element,
    where: str,
    styles: Styles,
    commented: set[etree._Element],
) -> Iterator[Problem]:
    runs = ParagraphRuns.of(paragraph)
    for match in TAG.finditer(runs.text):
        for kind, message in _tag_problems(runs, match, commented):
            yield Problem(path, where, kind, message)
    closed = [m.span() for m in TAG.finditer(runs.text)]
    for opener in OPENER.finditer(runs.text):
        if not any(start <= opener.start() < end for start, end in closed):
            snippet = shorten(runs.text[opener.start() :])
            text = (
                f"the tag starting `{snippet}` is not closed in this paragraph; "
                "a tag must start and end in the same paragraph"
            )
            yield Problem(path, where, "split-tag", text)
    yield from _deleted_tags(path, paragraph, where)
    yield from _font_problems(path, runs, where, styles)


def _tag_problems(
    runs: ParagraphRuns, match: re.Match[str], commented: set[etree._Element]
) -> Iterator[tuple[Kind, str]]:
    tag, involved = shorten(match.group()), runs.runs_of(*match.span())
    if len(involved) > 1:
        yield (
            "split-tag",
            f"the tag `{tag}` is split across {len(involved)} Word runs (pieces of text Word "
            "formats separately, e.g. after a formatting change or a spell-check mark); select "
            "the whole tag, delete it and type it again in one go, or paste it as plain text "
            "(Paste Options > Keep Text Only)",
        )
    if CURLY.search(match.group()):
        yield (
            "curly-quotes",
            f"the tag `{tag}` has curly quotes; type straight quotes (\" or ') instead, with "
            "AutoCorrect's “smart quotes” turned off (AutoFormat As You Type)",
        )
    if any(runs.tracked(run) for run in involved):
        yield (
            "tracked-change",
            f"the tag `{tag}` is inside a tracked change; accept or reject all changes "
            "(Review > Accept All Changes) and turn Track Changes off before saving",
        )
    if any(run in commented for run in involved):
        yield (
            "comment",
            f"the tag `{tag}` has a Word comment on it; delete the comment (Review > Delete): "
            "rendering removes tag paragraphs and rows and would leave the comment broken",
        )


def _deleted_tags(path: Path, paragraph: etree._Element, where: str) -> Iterator[Problem]:
    deleted = "".join(
        t.text or "" for t in paragraph.iter(w("delText")) if owner_paragraph(t) is paragraph
    )
    if OPENER.search(deleted) or re.search(r"[}%#]\}", deleted):
        yield Problem(
            path,
            where,
            "tracked-change",
            f"deleted tag text (`{shorten(deleted)}`) is still in the file as a tracked change; "
            "accept or reject all changes (Review > Accept All Changes) before saving",
        )


def _font_problems(
    path: Path, runs: ParagraphRuns, where: str, styles: Styles
) -> Iterator[Problem]:
    for run in runs.runs:
        text = "".join(t.text or "" for t in run.findall(w("t")))
        if JAPANESE.search(text) and not styles.east_asian_font(runs.paragraph, run):
            yield Problem(
                path,
                where,
                "east-asian-font",
                f"Japanese text “{shorten(text)}” has no East Asian font (not in the run, its "
                "style or the document defaults); select it and set the Japanese font "
                "(Font > Asian text font), e.g. IPAex明朝",
            )
            return


def _comment_problems(path: Path, parts: dict[str, bytes]) -> Iterable[Problem]:
    data = parts.get("word/comments.xml")
    if not data:
        return
    for comment in parse_xml(data).iter(w("comment")):
        text = " ".join(paragraph_text(p) for p in comment.iter(w("p")))
        for match in TAG.finditer(text):
            yield Problem(
                path,
                f"comment “{shorten(text)}”",
                "comment",
                f"the comment holds the tag `{shorten(match.group())}`; comments are never "
                "rendered: put the tag in the document text and delete the comment",
            )
