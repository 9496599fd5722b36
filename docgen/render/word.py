"""Word (.docx) templates: docxtpl's tag syntax, compiled once, written as a deterministic zip.

This is the only module that imports docxtpl. A :class:`WordTemplate` patches each XML part of
the template with docxtpl (``{%p %}``, ``{%tr %}``, tags split across runs, curly quotes) and
compiles it once with our sandboxed, autoescaping environment; rendering a case then only runs the
compiled templates and zips the parts with fixed timestamps, so the same case and template always
give the same bytes, and a batch reuses the compiled template for every case.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from docgen.errors import TemplateError
from docgen.render.environment import word_environment
from docgen.render.text import template_failure

ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
CELL_TAGS = re.compile(r"{%-?\s*(tc|hm|colspan|vm)\b")
RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
CORE_PART = "docProps/core.xml"


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


class WordTemplate:
    """A .docx template read and compiled once, ready to render many contexts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._patcher = DocxTemplate(str(path))
        try:
            with zipfile.ZipFile(path) as archive:
                self._entries = [(info, archive.read(info)) for info in archive.infolist()]
        except (zipfile.BadZipFile, OSError) as exc:
            raise TemplateError(str(path), f"not a Word document ({exc})") from None
        self._cell_tags = {
            info.filename
            for info, data in self._entries
            if RENDERED_PART.match(info.filename) and CELL_TAGS.search(data.decode("utf-8"))
        }
        self._compiled = {
            info.filename: self._compile(info.filename, data)
            for info, data in self._entries
            if RENDERED_PART.match(info.filename)
        }
        if "word/document.xml" not in self._compiled:
            raise TemplateError(str(path), "not a Word document (no word/document.xml)")

    def _compile(self, name: str, data: bytes) -> jinja2.Template:
        xml = self._patcher.patch_xml(data.decode("utf-8"))
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        try:
            return word_environment().from_string(xml)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{self.path} ({name})", f"{exc.message} near “{_visible_text(exc, xml)}”"
            ) from None

    def _render_part(self, name: str, context: dict[str, Any]) -> bytes:
        try:
            xml = self._compiled[name].render(context)
        except Exception as exc:  # template code is the author's: any failure is a broken template
            raise TemplateError(str(self.path), template_failure(exc)) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = str(self._patcher.resolve_listing(xml))
        data = xml.encode("utf-8")
        if name in self._cell_tags:  # cell loops may change a table's column count
            data = _serialize(self._patcher.fix_tables(data))
        return data

    def render(self, context: dict[str, Any], props: DocumentProperties) -> bytes:
        """The rendered document as .docx bytes."""
        rendered = {name: self._render_part(name, context) for name in self._compiled}
        rendered[CORE_PART] = core_xml(props)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            names = [info.filename for info, _ in self._entries]
            if CORE_PART not in names:
                names.append(CORE_PART)
            originals = {info.filename: data for info, data in self._entries}
            for name in names:
                info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, rendered.get(name, originals.get(name, b"")))
        return buffer.getvalue()


def _serialize(tree: Any) -> bytes:
    serialized: bytes = etree.tostring(
        tree, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    return serialized


def _visible_text(exc: jinja2.TemplateSyntaxError, xml: str) -> str:
    lines = xml.splitlines()
    index = max((exc.lineno or 1) - 1, 0)
    text = re.sub(r"<[^>]+>", "", lines[index] if index < len(lines) else "")
    return text.strip()[:80]


@lru_cache(maxsize=64)
def _cached(path: Path, mtime_ns: int, size: int) -> WordTemplate:
    return WordTemplate(path)


def load_word_template(path: Path) -> WordTemplate:
    """The compiled template for ``path``, reused while the file is unchanged."""
    stat = path.stat()
    return _cached(path.resolve(), stat.st_mtime_ns, stat.st_size)
