"""A stable plain-text view of a .docx (a template or an output), for reviews and ``git diff``.

:func:`docx_as_text` prints the body in document order, one line a paragraph (tags as typed), each
table row as ``| a | b |`` (the paragraphs of a cell joined by ``<br>``), then every header and
footer after a ``--- header ---`` / ``--- footer ---`` line. Markers:

- ``>> `` starts a right-aligned paragraph, ``^^ `` a centred one (direct or from its style);
- ``--- page break ---`` stands for a page break (a break character, or "page break before");
- ``--- section break ---`` ends a section; ``<br>`` is a line break inside a paragraph;
- a field shows its instruction in braces, e.g. ``{PAGE}``; deleted tracked text is left out.

The same bytes always give the same text. This module also holds the small .docx reading helpers
the template linter shares (namespaces, parts, style inheritance).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docgen.errors import InvalidRequestError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
PAGE_BREAK = "--- page break ---"
SECTION_BREAK = "--- section break ---"
ALIGN_PREFIX = {"right": ">> ", "end": ">> ", "center": "^^ "}
TRACKED = frozenset({"ins", "del", "moveFrom", "moveTo"})
_PAGE = "\x00page\x00"  # stands for a page break while a paragraph's text is gathered
PAGE_CHARACTER = _PAGE
_SKIPPED = frozenset({"pPr", "rPr", "del", "moveFrom", "Fallback", "tblPr", "trPr", "tcPr"})


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")`` → ``{…main}p``."""
    return f"{{{W_NS}}}{tag}"


def local(element: etree._Element) -> str:
    """An element's name without its namespace ("" for comments and processing instructions)."""
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def read_parts(source: Path | bytes) -> dict[str, bytes]:
    """Every part of a .docx by name; a :class:`InvalidRequestError` when it is not a Word document."""
    name = "the input" if isinstance(source, bytes) else str(source)
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {part: archive.read(part) for part in archive.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise InvalidRequestError(f"{name} is not a readable Word document ({exc})") from None
    if "word/document.xml" not in parts:
        raise InvalidRequestError(f"{name} is not a Word document (no word/document.xml)")
    return parts


def parse_xml(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


@dataclass(frozen=True)
class Styles:
    """styles.xml: each style by id, with ``basedOn`` inheritance and the document defaults."""

    by_id: dict[str, etree._Element] = field(default_factory=dict)
    default_paragraph: str | None = None
    defaults: etree._Element | None = None  # w:docDefaults

    @classmethod
    def parse(cls, data: bytes | None) -> Styles:
        if not data:
            return cls()
        root = parse_xml(data)
        by_id = {s.get(w("styleId"), ""): s for s in root.iter(w("style"))}
        default = next(
            (
                s.get(w("styleId"))
                for s in root.iter(w("style"))
                if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true")
            ),
            None,
        )
        return cls(by_id, default, root.find(w("docDefaults")))

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None

    def paragraph_style(self, paragraph: etree._Element) -> str | None:
        found = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        return found.get(w("val")) if found is not None else self.default_paragraph

    def alignment(self, paragraph: etree._Element) -> str | None:
        """``w:jc`` of the paragraph, else of its style chain."""
        path = f"{w('pPr')}/{w('jc')}"
        for holder in (paragraph, *self.chain(self.paragraph_style(paragraph))):
            found = holder.find(path)
            if found is not None:
                return str(found.get(w("val"), ""))
        return None

    def east_asian_font(self, paragraph: etree._Element, run: etree._Element) -> bool:
        """Whether the run gets an East Asian font: its own, its styles' or the defaults'."""
        if _has_east_asian_font(run.find(w("rPr"))):
            return True
        run_style = run.find(f"{w('rPr')}/{w('rStyle')}")
        styles = [
            *self.chain(run_style.get(w("val")) if run_style is not None else None),
            *self.chain(self.paragraph_style(paragraph)),
        ]
        if any(_has_east_asian_font(s.find(w("rPr"))) for s in styles):
            return True
        defaults = self.defaults
        return defaults is not None and _has_east_asian_font(
            defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
        )


def _has_east_asian_font(properties: etree._Element | None) -> bool:
    fonts = properties.find(w("rFonts")) if properties is not None else None
    return fonts is not None and bool(fonts.get(w("eastAsia")) or fonts.get(w("eastAsiaTheme")))


# ---------------------------------------------------------------------------- runs (for the linter)


def commented_runs(root: etree._Element) -> set[etree._Element]:
    """The runs between a ``commentRangeStart`` and its ``commentRangeEnd``."""
    open_ids: set[str] = set()
    inside: set[etree._Element] = set()
    for element in root.iter():
        name = local(element)
        if name == "commentRangeStart":
            open_ids.add(element.get(w("id"), ""))
        elif name == "commentRangeEnd":
            open_ids.discard(element.get(w("id"), ""))
        elif name == "r" and open_ids:
            inside.add(element)
    return inside


@dataclass(frozen=True)
class ParagraphRuns:
    """The runs of one paragraph, its visible text and the run each character comes from."""

    paragraph: etree._Element
    runs: list[etree._Element]
    text: str
    owners: list[int]

    @classmethod
    def of(cls, paragraph: etree._Element) -> ParagraphRuns:
        runs = [r for r in paragraph.iter(w("r")) if owner_paragraph(r) is paragraph]
        texts, owners = [], []
        for index, run in enumerate(runs):
            for piece in run.findall(w("t")):
                texts.append(piece.text or "")
                owners += [index] * len(piece.text or "")
        return cls(paragraph, runs, "".join(texts), owners)

    def runs_of(self, start: int, end: int) -> list[etree._Element]:
        return [self.runs[i] for i in sorted(set(self.owners[start:end]))]

    def tracked(self, run: etree._Element) -> bool:
        for ancestor in run.iterancestors():
            if ancestor is self.paragraph:
                return False
            if local(ancestor) in TRACKED:
                return True
        return False


def owner_paragraph(element: etree._Element) -> etree._Element | None:
    return next(element.iterancestors(w("p")), None)


# ---------------------------------------------------------------------------- text of a paragraph


@dataclass
class _Gatherer:
    """The text of one paragraph: runs, tabs, breaks and fields, in order."""

    parts: list[str] = field(default_factory=list)
    fields: list[list[str]] = field(default_factory=list)  # open fields: [instruction, state]

    def element(self, node: etree._Element) -> None:
        name = local(node)
        if name in _SKIPPED:
            return
        if name == "fldSimple":
            self.parts.append("{" + (node.get(w("instr")) or "").strip() + "}")
            return
        if name in ("t", "instrText", "tab", "br", "cr", "noBreakHyphen", "fldChar"):
            self.leaf(name, node)
            return
        for child in node:
            self.element(child)

    def leaf(self, name: str, node: etree._Element) -> None:
        if name == "fldChar":
            self.field_char(node.get(w("fldCharType")) or "")
        elif name == "instrText" and self.fields:
            self.fields[-1][0] += node.text or ""
        elif self.fields and self.fields[-1][1] == "result":
            return  # the cached result of a field: its instruction is shown instead
        elif name == "t":
            self.parts.append(node.text or "")
        elif name == "tab":
            self.parts.append("\t")
        elif name == "noBreakHyphen":
            self.parts.append("-")
        elif name in ("br", "cr"):
            self.parts.append(_PAGE if node.get(w("type")) == "page" else "<br>")

    def field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(["", "instruction"])
        elif kind == "separate" and self.fields:
            self.parts.append("{" + self.fields[-1][0].strip() + "}")
            self.fields[-1][1] = "result"
        elif kind == "end" and self.fields:
            instruction, state = self.fields.pop()
            if state != "result":
                self.parts.append("{" + instruction.strip() + "}")


def paragraph_text(paragraph: etree._Element) -> str:
    """What the paragraph shows, with ``<br>`` for line breaks and ``{PAGE}`` for fields."""
    gatherer = _Gatherer()
    for child in paragraph:
        gatherer.element(child)
    return "".join(gatherer.parts)


def _paragraph_lines(paragraph: etree._Element, styles: Styles) -> list[str]:
    properties = paragraph.find(w("pPr"))
    lines = [PAGE_BREAK] if _switched_on(properties, "pageBreakBefore") else []
    prefix = ALIGN_PREFIX.get(styles.alignment(paragraph) or "", "")
    for index, chunk in enumerate(paragraph_text(paragraph).split(_PAGE)):
        if index:
            lines.append(PAGE_BREAK)
        if chunk or not index:
            lines.append((prefix + chunk) if chunk else "")
    if properties is not None and properties.find(w("sectPr")) is not None:
        lines.append(SECTION_BREAK)
    return lines


def _switched_on(properties: etree._Element | None, name: str) -> bool:
    found = properties.find(w(name)) if properties is not None else None
    return found is not None and found.get(w("val"), "1") not in ("0", "false", "off")


def _cell_text(cell: etree._Element) -> str:
    texts = [paragraph_text(p) for p in cell.iter(w("p"))]
    return "<br>".join(t.replace(_PAGE, "") for t in texts).replace("|", "\\|")


def _table_of(row: etree._Element) -> etree._Element | None:
    return next(row.iterancestors(w("tbl")), None)


def _block_lines(container: etree._Element, styles: Styles) -> Iterator[str]:
    for child in container:
        name = local(child)
        if name == "p":
            yield from _paragraph_lines(child, styles)
        elif name == "tbl":
            first = next(child.iter(w("p")), None)
            if first is not None and _switched_on(first.find(w("pPr")), "pageBreakBefore"):
                yield PAGE_BREAK  # a table that starts a page
            for row in (r for r in child.iter(w("tr")) if _table_of(r) is child):
                cells = [_cell_text(c) for c in row if local(c) == "tc"]
                yield "| " + " | ".join(cells) + " |"
        elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            yield from _block_lines(child, styles)


# ---------------------------------------------------------------------------- the document


def _relationship_targets(parts: dict[str, bytes]) -> dict[str, str]:
    data = parts.get("word/_rels/document.xml.rels")
    if not data:
        return {}
    root = parse_xml(data)
    return {
        rel.get("Id", ""): "word/" + rel.get("Target", "").lstrip("/").removeprefix("word/")
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship")
    }


def _header_footer_lines(
    parts: dict[str, bytes], document: etree._Element, styles: Styles
) -> Iterator[str]:
    targets = _relationship_targets(parts)
    shown: set[str] = set()
    for reference in document.iter(w("headerReference"), w("footerReference")):
        target = targets.get(reference.get(f"{{{R_NS}}}id", ""), "")
        if target in shown or target not in parts:
            continue
        shown.add(target)
        kind = "header" if local(reference) == "headerReference" else "footer"
        which = reference.get(w("type"), "default")
        yield f"--- {kind} ---" if which == "default" else f"--- {kind} ({which}) ---"
        yield from _block_lines(parse_xml(parts[target]), styles)


def docx_as_text(source: Path | bytes) -> str:
    """The plain-text view of a .docx described in the module docstring, ending in a newline."""
    parts = read_parts(source)
    styles = Styles.parse(parts.get("word/styles.xml"))
    document = parse_xml(parts["word/document.xml"])
    body = document.find(w("body"))
    lines = list(_block_lines(body, styles)) if body is not None else []
    lines.extend(_header_footer_lines(parts, document, styles))
    return "\n".join(lines) + "\n"
