"""The template linter: what would break a template, found before a case is rendered.

``lint_paths`` checks Word (.docx) and text (.md) templates and names each problem's file and
where it is: the visible text of the paragraph or table cell (Word), or the line (text). Checks:

- ``syntax``: the template does not parse, with the environment and docxtpl patching that
  rendering uses (so what passes here compiles when rendering); or it cannot be used at all, as
  rendering would refuse it: a text template that is not UTF-8; a .docx that is damaged (not a
  zip, cut short, a CRC error), has an encrypted part or one compressed in a way Word does not
  write, exceeds the zip bounds of :mod:`docgen.render.limits` (a zip bomb), or has an XML part
  that is not well-formed or declares a ``<!DOCTYPE`` (the finding names the part);
- ``unknown-name`` / ``unknown-filter``: a name, attribute, filter or test that is not in the
  template vocabulary (:mod:`docgen.lint.vocabulary`), ``victim.nmae`` included;
- Word only, each a finding because rendering would break or change: ``split-tag`` (a tag not
  closed in its paragraph, or whose pieces sit in different Word elements, e.g. half in a
  hyperlink), ``tracked-change`` (a tag in a pending insertion or deletion), ``comment`` (a tag
  under a comment, or in one), ``field`` (a tag inside a Word field, which Word recomputes),
  ``content-control`` (a ``{%p %}`` tag in a content control, or a tag in one that Word refills),
  ``removed-content`` (a page break, section break, text or object in a ``{%p %}`` paragraph,
  which docxtpl removes with it), ``east-asian-font`` (Japanese text whose run, styles and
  document defaults name no East Asian font).

What rendering copes with is no finding: a tag split into several runs (LibreOffice splits runs
where Latin and Japanese text meet; Word at spell-check marks, bookmarks, smart tags and editing
sessions), curly quotes in a tag (docxtpl makes them straight) and XML entities in a tag. With
``info=True`` the split runs and curly quotes are listed as ``info``, for the curious.
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

from docgen.errors import BrokenTemplateError, InvalidRequestError
from docgen.lint.names import NameIssue, check_names, compile_errors
from docgen.render.archive import ArchiveError, read_template_archive
from docgen.render.docx_text import (
    PAGE_CHARACTER,
    ParagraphRuns,
    Styles,
    commented_runs,
    local,
    owner_paragraph,
    paragraph_text,
    parse_xml,
    read_parts,
    w,
)
from docgen.render.environment import text_environment, word_environment
from docgen.render.syntax import syntax_error
from docgen.render.templates import builtin_dir
from docgen.render.text import prepare_text_source, read_text_template
from docgen.render.word import (
    RENDERED_PART,
    line_paragraphs,
    mark_paragraphs,
    patch_xml,
)

Kind = Literal[
    "syntax",
    "unknown-name",
    "unknown-filter",
    "split-tag",
    "curly-quotes",
    "tracked-change",
    "comment",
    "field",
    "content-control",
    "removed-content",
    "east-asian-font",
    "split-runs",
]
Level = Literal["error", "info"]
SUFFIXES = (".docx", ".md")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
OPENER = re.compile(r"\{[{%#]")
CURLY = re.compile("[“”‘’]")
JAPANESE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
PART_LABEL = {"header": "header", "footer": "footer", "footnotes": "footnote"}
SHORT = 60
# Elements that wrap runs and that docxtpl's joining of a tag's pieces would leave unbalanced.
WRAPPERS = {
    "hyperlink": "a hyperlink (right-click > Remove Hyperlink, then retype the tag)",
    "fldSimple": "a field (select it and press Ctrl+Shift+F9 to turn it into text)",
    "sdtContent": "a content control (right-click > Remove Content Control)",
    "customXml": "a custom XML element (Developer > Structure: remove it)",
    "ins": "a tracked insertion (Review > Accept All Changes)",
    "del": "a tracked deletion (Review > Accept All Changes)",
    "moveTo": "a tracked move (Review > Accept All Changes)",
    "moveFrom": "a tracked move (Review > Accept All Changes)",
    "r": "a run",
}
TRANSPARENT = frozenset({"smartTag"})  # rendering unwraps them
OBJECTS = ("drawing", "pict", "object", "footnoteReference", "endnoteReference")


@dataclass(frozen=True)
class Problem:
    """One problem of one template: which file, where in it, what kind, and what to do."""

    file: Path
    where: str
    kind: Kind
    message: str
    level: Level = "error"


def format_problem(problem: Problem) -> str:
    """``file: where: message`` on one line (``info:`` before the message of an info)."""
    level = "info: " if problem.level == "info" else ""
    return f"{problem.file}: {problem.where}: {level}{problem.message}"


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
                raise InvalidRequestError(f"{root}: not a template (a .docx or .md file)")
            files.append(root)
        else:
            raise InvalidRequestError(f"{root}: no such file or folder")
    return files


def lint_paths(paths: Sequence[Path], info: bool = False) -> list[Problem]:
    """Every problem of every template in ``paths`` (files or folders; none: the built-ins);
    with ``info``, also what rendering copes with (``level == "info"``)."""
    problems: list[Problem] = []
    for path in template_files(paths):
        found = lint_docx(path) if path.suffix == ".docx" else lint_text(path)
        problems += dict.fromkeys(p for p in found if info or p.level != "info")
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
        source = read_text_template(path)
    except BrokenTemplateError as exc:  # not UTF-8, too large: what rendering would refuse
        where, _, detail = exc.detail.partition(": ")
        if not where.startswith("line "):
            where, detail = "the file", exc.detail
        return [Problem(path, where, "syntax", detail)]
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
    try:  # the zip and its XML as rendering checks them: damaged, a zip bomb, a DOCTYPE …
        read_template_archive(path)
    except ArchiveError as exc:
        return [Problem(path, exc.part or "the file", "syntax", exc.detail)]
    try:
        parts = read_parts(path)
    except InvalidRequestError as exc:
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


def _jinja_problems(path: Path, xml: str) -> list[tuple[int, Kind, str]]:
    """Parse the part as rendering does (docxtpl's patching, our environment); by paragraph."""
    source = patch_xml(DocxTemplate(str(path)), mark_paragraphs(xml))
    paragraph_of = line_paragraphs(source)

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
    text = shorten(text.replace(PAGE_CHARACTER, " "))
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
            level: Level = "info" if kind in ("split-runs", "curly-quotes") else "error"
            yield Problem(path, where, kind, message, level)
    closed = [m.span() for m in TAG.finditer(runs.text)]
    for opener in OPENER.finditer(runs.text):
        if not any(start <= opener.start() < end for start, end in closed):
            snippet = shorten(runs.text[opener.start() :])
            text = (
                f"the tag starting `{snippet}` is not closed in this paragraph; "
                "a tag must start and end in the same paragraph"
            )
            yield Problem(path, where, "split-tag", text)
    yield from _removed_content(path, paragraph, runs, where)
    yield from _deleted_tags(path, paragraph, where)
    yield from _font_problems(path, runs, where, styles)


def _container(run: etree._Element, paragraph: etree._Element) -> etree._Element:
    """The element holding a run, smart tags (which rendering unwraps) looked through."""
    parent = run.getparent()
    while parent is not None and parent is not paragraph and local(parent) in TRANSPARENT:
        parent = parent.getparent()
    return parent if parent is not None else paragraph


def _ancestors(run: etree._Element, paragraph: etree._Element) -> Iterator[etree._Element]:
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return
        yield ancestor


def _tag_problems(
    runs: ParagraphRuns, match: re.Match[str], commented: set[etree._Element]
) -> Iterator[tuple[Kind, str]]:
    tag, involved = shorten(match.group()), runs.runs_of(*match.span())
    tracked = any(runs.tracked(run) for run in involved)
    containers = {id(c): c for c in (_container(r, runs.paragraph) for r in involved)}
    if len(containers) > 1 and not tracked:
        inner = next(
            (c for c in containers.values() if c is not runs.paragraph and local(c) in WRAPPERS),
            None,
        )
        what = WRAPPERS[local(inner)] if inner is not None else "another Word element"
        yield (
            "split-tag",
            f"the tag `{tag}` is partly inside {what}; rendering would leave the document "
            "broken: retype the whole tag outside it",
        )
    elif len(involved) > 1:
        yield (
            "split-runs",
            f"the tag `{tag}` is split across {len(involved)} runs; rendering joins them "
            "(with the formatting of the first piece)",
        )
    if CURLY.search(match.group()):
        yield (
            "curly-quotes",
            f"the tag `{tag}` has curly quotes; rendering makes them straight (\" or ')",
        )
    if tracked:
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
    yield from _field_problems(runs, involved, tag)
    yield from _control_problems(runs, involved, tag, match.group())


def _field_problems(
    runs: ParagraphRuns, involved: list[etree._Element], tag: str
) -> Iterator[tuple[Kind, str]]:
    simple = [a for r in involved for a in _ancestors(r, runs.paragraph) if local(a) == "fldSimple"]
    instruction = simple[0].get(w("instr"), "") if simple else _complex_field(runs, involved)
    if instruction is not None:
        yield (
            "field",
            f"the tag `{tag}` is inside a Word field (`{shorten(instruction.strip())}`); Word "
            "replaces a field's text with its result when fields are updated (F9, printing): "
            "select the field and press Ctrl+Shift+F9 (unlink) to keep the tag as plain text",
        )


def _complex_field(runs: ParagraphRuns, involved: list[etree._Element]) -> str | None:
    """The instruction of the complex field (w:fldChar) whose result holds one of the runs."""
    depth: list[str] = []
    for element in runs.paragraph.iter(w("fldChar"), w("instrText"), w("r")):
        name = local(element)
        if name == "fldChar":
            kind = element.get(w("fldCharType"))
            if kind == "begin":
                depth.append("")
            elif kind == "end" and depth:
                depth.pop()
        elif name == "instrText" and depth:
            depth[-1] += element.text or ""
        elif name == "r" and depth and element in involved and element.find(w("t")) is not None:
            return depth[-1]
    return None


def _control_problems(
    runs: ParagraphRuns, involved: list[etree._Element], tag: str, source: str
) -> Iterator[tuple[Kind, str]]:
    controls = [c for r in involved[:1] for c in r.iterancestors(w("sdt"))]
    if not controls:
        return
    properties = [c.find(w("sdtPr")) for c in controls]
    refilled = any(
        p is not None
        and (p.find(w("dataBinding")) is not None or p.find(w("showingPlcHdr")) is not None)
        for p in properties
    )
    if re.match(r"\{%[-+]?\s*(p|tr|tc)\s", source):
        yield (
            "content-control",
            f"the tag `{tag}` is in a content control; rendering removes its paragraph or row "
            "but not the control, which breaks the document: right-click the control > Remove "
            "Content Control (its text stays)",
        )
    elif refilled:
        yield (
            "content-control",
            f"the tag `{tag}` is in a content control that Word fills itself (placeholder text "
            "or data binding), so Word may show something else than the rendered value: "
            "right-click the control > Remove Content Control (its text stays)",
        )


def _removed_content(
    path: Path, paragraph: etree._Element, runs: ParagraphRuns, where: str
) -> Iterator[Problem]:
    """What a ``{%p %}`` paragraph holds besides its tag: docxtpl removes it with the paragraph."""
    tags = list(TAG.finditer(runs.text))
    if not any(re.match(r"\{%[-+]?p\s", m.group()) for m in tags):
        return
    properties = paragraph.find(w("pPr"))
    lost: list[str] = []
    own = [e for e in paragraph.iter() if owner_paragraph(e) is paragraph or e is paragraph]
    if any(local(e) == "br" and e.get(w("type")) == "page" for e in own):
        lost.append("a page break")
    if properties is not None and _on(properties.find(w("pageBreakBefore"))):
        lost.append("a page break before it")
    if properties is not None and properties.find(w("sectPr")) is not None:
        lost.append("a section break (page size, margins, headers of the section before it)")
    if TAG.sub("", runs.text).strip():
        lost.append(f"the text “{shorten(TAG.sub('', runs.text))}”")
    if any(local(e) in OBJECTS for e in own):
        lost.append("a picture, object or footnote")
    if not lost:
        return
    yield Problem(
        path,
        where,
        "removed-content",
        f"this `{{%p … %}}` paragraph holds {' and '.join(lost)}, which rendering removes with "
        "the paragraph (so, for a page break, the next paragraph no longer starts a page); keep "
        "only the tag in it. For a page break, put an empty paragraph after the tag paragraph "
        "and start the page at the paragraph after that one (LibreOffice saves a page break at "
        "the end of the paragraph before the one that starts the page)",
    )


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(w("val"), "1") not in ("0", "false", "off")


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
