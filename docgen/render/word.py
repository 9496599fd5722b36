"""Word (.docx) templates: docxtpl's tag syntax, compiled once, written as a deterministic zip.

This is the only module that imports docxtpl. A :class:`WordTemplate` patches each XML part of
the template with docxtpl (``{%p %}``, ``{%tr %}``, tags split across runs, curly quotes) and
compiles it once with our sandboxed, autoescaping environment; rendering a case then only runs the
compiled templates and zips the parts with fixed timestamps, so the same case and template always
give the same bytes, and a batch reuses the compiled template for every case.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from docgen.errors import BrokenTemplateError
from docgen.render.archive import RENDERED_PART as RENDERED_PART  # used by the linter too
from docgen.render.archive import read_template_archive
from docgen.render.environment import word_environment
from docgen.render.limits import TemplateLimitError, render_timeout, time_limit
from docgen.render.syntax import syntax_error
from docgen.render.text import template_failure
from docgen.render.zip_writer import Entry, deflate, write_zip

_UNESCAPED = re.compile(r"\b(safe|urlize|autoescape)\b")
"""What lets a Word template print text unescaped, as markup: only then can a document type
declaration reach a rendered part (the template's own XML was checked when it was read)."""
CELL_TAGS = re.compile(r"{%-?\s*(tc|hm|colspan|vm)\b")
CORE_PART = "docProps/core.xml"
MARK = "docgen-paragraph:"
_MARKS = re.compile(f"\n?<!--{MARK}\\d+-->")
# The inside of a tag once docxtpl has joined its pieces: what an XML writer escaped there is
# Jinja code, not text (LibreOffice writes the quotes of map(attribute="key") as &quot;).
_TAG_INSIDE = re.compile(r"(?<=\{[{%#])(.*?)(?=[}%#]\})")
# Word's smart tags wrap runs without changing what they show; a tag whose pieces are partly
# inside one would leave an unbalanced </w:smartTag> once docxtpl joins the pieces.
_SMART_TAG = re.compile(
    r"<w:smartTagPr>.*?</w:smartTagPr>|<w:smartTagPr/>|</?w:smartTag\b[^>]*>", re.S
)


@dataclass(frozen=True)
class DocumentProperties:
    """The document properties Word shows, taken from the case, never from the clock."""

    title: str
    author: str
    language: str
    day: date


def core_xml(props: DocumentProperties) -> bytes:
    """``docProps/core.xml`` for ``props``."""
    moment = f"{props.day.isoformat()}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(props.title)}</dc:title>"
        f"<dc:creator>{escape(props.author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(props.author)}</cp:lastModifiedBy>"
        f"<dc:language>{escape(props.language)}</dc:language>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{moment}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{moment}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def prepare_xml(xml: str) -> str:
    """The part as docxtpl should see it: Word's smart tags unwrapped (they only wrap runs)."""
    return _SMART_TAG.sub("", xml) if "w:smartTag" in xml else xml


def patch_xml(patcher: DocxTemplate, xml: str) -> str:
    """docxtpl's patching (tag pieces joined, ``{%p %}`` paragraphs removed, curly quotes made
    straight), then the XML entities inside each tag undone: ``&quot;``, ``&apos;``, ``&amp;``."""
    patched: str = patcher.patch_xml(prepare_xml(xml))
    return _TAG_INSIDE.sub(_unescape_tag, patched)


def _unescape_tag(match: re.Match[str]) -> str:
    inside = match.group(1)
    return html.unescape(inside) if "&" in inside else inside


_NEEDS_DOCXTPL_LISTING = re.compile("[\t\x07\x0c]")
_TEXT_WITH_LINE_FEED = re.compile(r"<w:t(?: [^>]*)?>[^<]*\n[^<]*</w:t>")
_LINE_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def resolve_listing(patcher: DocxTemplate, xml: str) -> str:
    """docxtpl's ``resolve_listing`` (a value's tab, line feed … become Word's own elements), which
    scans every paragraph and run of the part: it is needed only where a text holds one of those
    characters. A line feed is a ``<w:br/>`` whatever the run, so that case, the only common
    one, is done by one substitution with the same result."""
    if _NEEDS_DOCXTPL_LISTING.search(xml):
        return str(patcher.resolve_listing(xml))
    if "\n" not in xml:
        return xml
    return _TEXT_WITH_LINE_FEED.sub(lambda m: m.group(0).replace("\n", _LINE_BREAK), xml)


def mark_paragraphs(xml: str) -> str:
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


def line_paragraphs(source: str) -> list[int]:
    """For each line of the marked source (from 1, at index 0 too), the paragraph it is in."""
    found, current = [-1], -1
    for line in re.split(r"\r\n|\r|\n", source):
        first = re.match(f"<!--{MARK}(\\d+)-->", line)
        found.append(int(first.group(1)) if first else current)
        marks = re.findall(f"<!--{MARK}(\\d+)-->", line)
        current = int(marks[-1]) if marks else found[-1]
    return found


class WordTemplate:
    """A .docx template read and compiled once, ready to render many contexts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries = read_template_archive(path)  # the zip and its XML checked, once
        self._unescaped: set[str] = set()
        _seen_to_parse(self._entries)
        self._patcher = DocxTemplate(str(path))
        self._cell_tags = {
            info.filename
            for info, data in self._entries
            if RENDERED_PART.match(info.filename) and CELL_TAGS.search(data.decode("utf-8"))
        }
        self._sources = {
            info.filename: data
            for info, data in self._entries
            if RENDERED_PART.match(info.filename)
        }
        self._compiled = {
            info.filename: self._compile(info.filename, data)
            for info, data in self._entries
            if RENDERED_PART.match(info.filename)
        }
        self._packed: dict[str, Entry] = {}
        if "word/document.xml" not in self._compiled:
            raise BrokenTemplateError(str(path), "not a Word document (no word/document.xml)")

    def _compile(self, name: str, data: bytes) -> jinja2.Template:
        xml = patch_xml(self._patcher, mark_paragraphs(data.decode("utf-8")))
        try:
            template = word_environment().from_string(xml)
        except jinja2.TemplateSyntaxError as exc:
            raise BrokenTemplateError(f"{self.path} ({name})", _syntax_failure(exc, xml, data)) from None
        template._docgen_source = xml  # type: ignore[attr-defined]  # to locate runtime errors
        if _UNESCAPED.search(xml):  # it may print markup of its own, a DOCTYPE too
            self._unescaped.add(name)
        return template

    def _render_part(self, name: str, context: dict[str, Any]) -> bytes:
        try:
            xml = self._compiled[name].render(context)
        except Exception as exc:  # template code is the author's: any failure is a broken template
            where = _runtime_location(exc, self._compiled[name], self._sources.get(name, b""))
            raise BrokenTemplateError(f"{self.path} ({name})", where + template_failure(exc)) from None
        xml = _MARKS.sub("", xml)
        if name in self._unescaped and "<!DOCTYPE" in xml:  # markup printed with |safe
            raise BrokenTemplateError(
                f"{self.path} ({name})",
                "the template printed a document type declaration (<!DOCTYPE …>) into the part; "
                "it was refused",
            )
        xml = resolve_listing(self._patcher, xml)
        data = xml.encode("utf-8")
        if name in self._cell_tags:  # cell loops may change a table's column count
            data = _serialize(self._patcher.fix_tables(data))
        return data

    def render(self, context: dict[str, Any], props: DocumentProperties) -> bytes:
        """The rendered document as .docx bytes (all its parts within one time limit)."""
        seconds = render_timeout()
        try:
            with time_limit(seconds):
                rendered = {name: self._render_part(name, context) for name in self._compiled}
        except TemplateLimitError as exc:  # the time ran out outside a part's own rendering
            raise BrokenTemplateError(str(self.path), str(exc)) from None
        rendered[CORE_PART] = core_xml(props)
        return write_zip(
            deflate(name, rendered[name]) if name in rendered else self._unchanged_part(name)
            for name in self._part_names
        )

    @cached_property
    def _part_names(self) -> list[str]:
        names = [info.filename for info, _ in self._entries]
        return names if CORE_PART in names else [*names, CORE_PART]

    def _unchanged_part(self, name: str) -> Entry:
        """A part every document copies from the template, compressed once."""
        if name not in self._packed:
            self._packed[name] = deflate(name, self._originals[name])
        return self._packed[name]

    @cached_property
    def _originals(self) -> dict[str, bytes]:
        return {info.filename: data for info, data in self._entries}


def _seen_to_parse(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
    """Tell the output check (:func:`docgen.render.output.check_word_parts`) that the template's
    XML parts parse: those a document copies unchanged are then not parsed again."""
    from docgen.render import output

    for info, _ in entries:
        if len(output._VERIFIED) >= output._VERIFIED_MAX:
            return
        if info.filename.endswith((".xml", ".rels")):
            output._VERIFIED[(info.filename, info.CRC, info.file_size)] = None


def _serialize(tree: Any) -> bytes:
    serialized: bytes = etree.tostring(
        tree, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    return serialized


def _paragraph_texts(data: bytes) -> list[str]:
    from docgen.render.docx_text import PAGE_CHARACTER, paragraph_text, parse_xml, w

    try:
        root = parse_xml(data)
    except etree.XMLSyntaxError:
        return []
    return [paragraph_text(p).replace(PAGE_CHARACTER, " ") for p in root.iter(w("p"))]


def _paragraph_of(source: str, lineno: int | None) -> int:
    lines = line_paragraphs(source)
    return lines[min(max(lineno or 1, 1), len(lines) - 1)]


def _where(data: bytes, index: int, tag: str | None) -> str:
    texts = _paragraph_texts(data)
    text = re.sub(r"[ \t\r\n]+", " ", texts[index]).strip() if 0 <= index < len(texts) else ""
    text = text if len(text) <= 80 else text[:79] + "…"
    place = f"paragraph “{text}”" if text else f"paragraph {index + 1}"
    return f"{place}, tag `{tag}`" if tag else place


TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
BLOCK_WORD = re.compile(r"\{%[-+]?(?:p|tr|tc|r)?\s+(\w+)")
BLOCKS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape"})


def broken_tag(text: str) -> str | None:
    """The first tag of a paragraph's text that does not parse on its own, if any."""
    env = word_environment()
    for match in TAG.finditer(text):
        tag = match.group()
        body = re.sub(r"^\{%[-+]?(?:p|tr|tc|r)\s", "{% ", tag)
        word = BLOCK_WORD.match(tag)
        keyword = word.group(1) if word else ""
        if keyword.startswith("end") or keyword in ("elif", "else"):
            continue
        if keyword in BLOCKS or (keyword == "set" and "=" not in tag):
            body += f"{{% end{keyword} %}}"
        try:
            env.parse(body.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'"))
        except jinja2.TemplateSyntaxError:
            return tag
    return None


def _syntax_failure(exc: jinja2.TemplateSyntaxError, source: str, data: bytes) -> str:
    lineno, message = syntax_error(word_environment(), source, exc)
    index = _paragraph_of(source, lineno)
    texts = _paragraph_texts(data)
    text = texts[index] if 0 <= index < len(texts) else ""
    return f"{_where(data, index, broken_tag(text))}: {message}"


def _runtime_location(exc: BaseException, template: jinja2.Template, data: bytes) -> str:
    """``paragraph “…”, tag `…`: `` for an error raised while the template ran, if known."""
    lineno = None
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            lineno = trace.tb_lineno
        trace = trace.tb_next
    source = getattr(template, "_docgen_source", None)
    if lineno is None or source is None:
        return ""
    index = _paragraph_of(source, lineno)
    texts = _paragraph_texts(data)
    text = texts[index] if 0 <= index < len(texts) else ""
    tags = TAG.findall(text)
    name = getattr(exc, "message", None) or str(exc)
    named = re.findall(r"'([^']+)'", name)
    tag = next((t for t in tags if any(n in t for n in named)), tags[0] if len(tags) == 1 else None)
    return f"{_where(data, index, tag)}: "


@lru_cache(maxsize=64)
def _cached(path: Path, mtime_ns: int, size: int) -> WordTemplate:
    return WordTemplate(path)


def load_word_template(path: Path) -> WordTemplate:
    """The compiled template for ``path``, reused while the file is unchanged."""
    stat = path.stat()
    return _cached(path.resolve(), stat.st_mtime_ns, stat.st_size)
