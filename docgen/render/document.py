"""render: one case × filing × language × format → bytes, all in memory before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.case.load import LoadedCase
from docgen.case.model import localized
from docgen.filings import Filing
from docgen.findings import Finding, Language, Message, dedupe
from docgen.render.context import build_context
from docgen.render.output import RenderedFile, output_name
from docgen.render.templates import TemplateSource
from docgen.render.text import render_text
from docgen.render.word import DocumentProperties, load_word_template

TEMPLATE_EXT = {"docx": "docx", "md": "md"}


@dataclass(frozen=True)
class RenderOptions:
    """What to render of each case: the same options for ``render``, ``batch`` and the tests."""

    filings: tuple[str, ...] = ()
    """Filing names; empty (or ``all``) means every filing the case's stage calls for."""
    languages: tuple[Language, ...] = ()
    """Empty: the case's own ``case.languages``."""
    formats: tuple[str, ...] = ("docx",)
    strict: bool = False
    templates: TemplateSource = field(default_factory=TemplateSource)
    out_dir: Path = Path("out")
    """Where the files go: ``<out_dir>/<case id>/<filing>.<lang>.<format>``."""


@dataclass(frozen=True)
class RenderResult:
    files: tuple[RenderedFile, ...]
    warnings: tuple[Finding, ...]


def document_author(loaded: LoadedCase, lang: Language) -> str:
    """The attorney who signs, or the victim filing in person."""
    case = loaded.case
    signer = case.attorneys[0].name if case.attorneys else case.victim.name
    return localized(signer, lang)[0] or ""


def render_one(
    loaded: LoadedCase, filing: Filing, lang: Language, fmt: str, templates: TemplateSource
) -> tuple[RenderedFile, list[Finding]]:
    context, warnings = build_context(loaded.case, filing, lang)
    template = templates.find(filing.template_name, lang, TEMPLATE_EXT.get(fmt, "docx"))
    if fmt == "md":
        data = render_text(template, context)
    else:
        props = DocumentProperties(
            title=filing.title.in_language(lang),
            author=document_author(loaded, lang),
            language="ja-JP" if lang == "ja" else "en-US",
            day=loaded.case.document_date,
        )
        data = load_word_template(template).render(context, props)
    name = output_name(loaded.case.case.id, filing.id, lang, "docx" if fmt == "pdf" else fmt)
    return RenderedFile(name, data), warnings


def render_documents(
    loaded: LoadedCase, filings: Sequence[Filing], options: RenderOptions
) -> RenderResult:
    """Every requested document of one case, in memory (PDF is converted later from the .docx)."""
    files: list[RenderedFile] = []
    warnings: list[Finding] = []
    formats = options.formats
    word_formats = [f for f in formats if f in ("docx", "pdf")]
    for filing in filings:
        for lang in options.languages or loaded.case.case.languages:
            if lang == "en":
                warnings.append(ENGLISH_IS_A_TRANSLATION)
            for fmt in ["md"] * ("md" in formats) + word_formats[:1]:
                rendered, found = render_one(loaded, filing, lang, fmt, options.templates)
                files.append(rendered)
                warnings += found
    return RenderResult(tuple(files), tuple(dedupe(warnings)))


ENGLISH_IS_A_TRANSLATION = Finding(
    "X11",
    "info",
    "case.languages",
    Message(
        ja="英語版は参考訳です。日本語版が正本となります（英語版にもその旨を記載しています）",
        en="the English version is a reference translation; the Japanese original governs "
        "(the English document says so)",
    ),
    basis="[P]",
)
