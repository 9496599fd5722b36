"""One filing's exhibits → stamped PDFs (and a combined PDF), all in memory before anything is
written, so that a problem with any file leaves nothing half-written on disk."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.case.load import LoadedCase, key_parts, load_case
from docgen.case.locate import line_of
from docgen.case.model import Evidence
from docgen.errors import CaseError, DocgenError, InvalidRequestError, ToolMissingError
from docgen.exhibits import stamp
from docgen.exhibits.sources import (
    PDF_MAGIC,
    PDF_MAGIC_WITHIN,
    Source,
    SourceProblem,
    open_pdf,
    prepare_image,
    read_source,
)
from docgen.filings import FILINGS, Filing, get_filing
from docgen.findings import Finding, Language, Message, has_errors, sort_findings
from docgen.render.context import Localizer
from docgen.render.output import RenderedFile, write_files
from docgen.render.templates import TemplateSource

CODE = "exhibit"
"""The code of the findings about exhibit files."""
EXPLANATION_TITLE = {"ja": "証拠説明書", "en": "Explanation of Evidence"}
RENDER, NONE = "render", "none"


@dataclass(frozen=True)
class Exhibit:
    """One exhibit of the filing: its number and label there, its source, and its stamped PDF."""

    number: int
    evidence: Evidence
    key: str
    """``evidence[N]``: where the case file holds it (N counts every [[evidence]] from 1)."""
    label: str
    title: str
    source: Source | None = None
    pdf: RenderedFile | None = None
    pages: int = 0
    scaled_from: tuple[int, int] | None = None
    """The image's own pixel size when it was scaled down to 300 dpi."""

    @property
    def heading(self) -> str:
        """The outline entry: 甲第1号証 本件投稿1のスクリーンショット."""
        return f"{self.label} {self.title}".strip()


@dataclass(frozen=True)
class ExhibitSet:
    """Everything ``docgen exhibits`` writes and reports, in memory."""

    loaded: LoadedCase
    filing: Filing
    lang: Language
    exhibits: tuple[Exhibit, ...]
    combined: RenderedFile | None
    explanation: str | None
    """How the combined PDF got its 証拠説明書: "rendered", "given", or None (left out)."""
    findings: tuple[Finding, ...]

    @property
    def files(self) -> list[RenderedFile]:
        stamped = [e.pdf for e in self.exhibits if e.pdf is not None]
        return [*stamped, *([self.combined] if self.combined else [])]


def main_filing(filing: Filing) -> Filing:
    """The filing the exhibits belong to (a 証拠説明書 lists its petition's)."""
    return filing.parent or filing


def output_name(case_id: str, filing: Filing, lang: Language, number: int | None, width: int) -> Path:
    """``<case.id>/<filing>.exhibit-01.<lang>.pdf``, or ``<filing>.exhibits.<lang>.pdf``."""
    part = "exhibits" if number is None else f"exhibit-{number:0{width}d}"
    return Path(case_id) / f"{main_filing(filing).id}.{part}.{lang}.pdf"


def build_exhibits(
    case_path: str | Path,
    filing_name: str,
    lang: Language = "ja",
    combined: bool = False,
    explanation: str | Path = RENDER,
    strict: bool = False,
    templates: TemplateSource | None = None,
) -> ExhibitSet:
    """Stamp every exhibit of the filing that has a ``file``; raise :class:`CaseError` with every
    problem found (each on ``evidence[N].file``) before anything is written.

    ``explanation`` (with ``combined``): ``"render"`` puts the filing's 証拠説明書 first, rendered
    to PDF through LibreOffice; a path puts that PDF first; ``"none"`` leaves it out.
    """
    loaded = load_case(case_path)
    filing = get_filing(filing_name)
    main = main_filing(filing)
    listed = main.exhibits(loaded.case)
    if not listed:
        raise CaseError(
            str(loaded.path), [_finding(loaded, "error", "evidence", _no_exhibits(main))]
        )
    findings: list[Finding] = []
    exhibits = [
        _exhibit(loaded, main, lang, n, e, len(listed), findings) for n, e in enumerate(listed, 1)
    ]
    blocking = has_errors(findings) or (strict and bool(findings))
    if blocking:
        raise CaseError(str(loaded.path), sort_findings(findings))
    joined, how = None, None
    if combined:
        first, how, more = _explanation(loaded, main, lang, explanation, strict, templates)
        findings += [f for f in more if f not in findings]
        joined = _combined(loaded, main, lang, exhibits, first)
    return ExhibitSet(loaded, filing, lang, tuple(exhibits), joined, how, tuple(findings))


def _combined(
    loaded: LoadedCase,
    filing: Filing,
    lang: Language,
    exhibits: list[Exhibit],
    explanation: bytes | None,
) -> RenderedFile | None:
    """The 証拠説明書 (if any), then every stamped exhibit, one bookmark each."""
    parts = [stamp.Part(e.heading, e.pdf.data) for e in exhibits if e.pdf is not None]
    if explanation is not None:
        parts.insert(0, stamp.Part(EXPLANATION_TITLE[lang], explanation))
    if not parts:
        return None
    title = f"証拠一式（{filing.title.ja}）" if lang == "ja" else f"Evidence ({filing.title.en})"
    identity = "\n".join([title, *(p.title for p in parts)]).encode()
    identity += b"".join(hashlib.sha256(p.data).digest() for p in parts)
    name = output_name(loaded.case.case.id, filing, lang, None, _width(len(exhibits)))
    return RenderedFile(name, stamp.combine(parts, title, identity))


def _width(count: int) -> int:
    return max(2, len(str(count)))


def _exhibit(
    loaded: LoadedCase,
    filing: Filing,
    lang: Language,
    number: int,
    item: Evidence,
    count: int,
    findings: list[Finding],
) -> Exhibit:
    case = loaded.case
    numbers = {e.id: n for n, e in enumerate(filing.exhibits(case), 1)}
    title = Localizer(lang, filing, bool(case.attorneys), numbers).prose(item.title) or ""
    label = filing.voice.exhibits.label(number, lang)
    exhibit = Exhibit(number, item, case.evidence_path(item), label, title)
    path = f"{exhibit.key}.file"
    if item.file is None:
        findings.append(_finding(loaded, "warning", path, _no_file(label, item)))
        return exhibit
    try:
        source = read_source(loaded.folder, item.file)
        data, pages, scaled = _stamped(source, label, exhibit.heading)
    except SourceProblem as problem:
        findings.append(_finding(loaded, "error", path, problem.message))
        return exhibit
    name = output_name(case.case.id, filing, lang, number, _width(count))
    return Exhibit(
        number, item, exhibit.key, label, title, source, RenderedFile(name, data), pages, scaled
    )


def _stamped(source: Source, label: str, heading: str) -> tuple[bytes, int, tuple[int, int] | None]:
    identity = f"{heading}\n{source.sha256}".encode()
    if source.kind == "pdf":
        reader = open_pdf(source)
        return stamp.stamp_pdf(reader, label, heading, identity), len(reader.pages), None
    image = prepare_image(source)
    data = stamp.image_page(image.reader, image.size, label, heading, identity)
    return data, 1, image.original if image.scaled else None


def _explanation(
    loaded: LoadedCase,
    filing: Filing,
    lang: Language,
    choice: str | Path,
    strict: bool,
    templates: TemplateSource | None,
) -> tuple[bytes | None, str | None, list[Finding]]:
    """The 証拠説明書 to put first in the combined PDF: (PDF, how, findings)."""
    if choice == NONE:
        return None, None, []
    explanation = FILINGS.get(f"{filing.id}-evidence")
    if explanation is None:
        if choice == RENDER:
            return None, None, []  # a letter's attachments have no 証拠説明書
        raise InvalidRequestError(f"{filing.id} is not a court filing: it has no 証拠説明書 to put first")
    if choice != RENDER:
        return _given_explanation(Path(choice)), "given", []
    return _rendered_explanation(loaded, explanation, lang, strict, templates)


def _given_explanation(path: Path) -> bytes:
    """The PDF given with ``--explanation FILE``: a usage error (exit 2) if it is no PDF."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidRequestError(f"--explanation {path}: cannot be read ({exc.strerror})") from None
    if PDF_MAGIC not in data[:PDF_MAGIC_WITHIN]:
        raise InvalidRequestError(f"--explanation {path}: not a PDF file")
    source = Source(str(path), data, "pdf")
    try:
        open_pdf(source)
    except SourceProblem as problem:
        raise InvalidRequestError(f"--explanation {problem.message.en}") from None
    return source.data


def _rendered_explanation(
    loaded: LoadedCase,
    explanation: Filing,
    lang: Language,
    strict: bool,
    templates: TemplateSource | None,
) -> tuple[bytes, str, list[Finding]]:
    from docgen.pipeline import render_all_or_nothing
    from docgen.render.document import RenderOptions
    from docgen.render.pdf import convert_to_pdf

    options = RenderOptions(
        filings=(explanation.id,),
        languages=(lang,),
        formats=("docx",),
        strict=strict,
        templates=templates or TemplateSource(),
    )
    documents, findings = render_all_or_nothing(loaded, options)  # CaseError if it is blocked
    try:
        pdf = convert_to_pdf(documents)[0].data
    except ToolMissingError as exc:
        raise ToolMissingError(
            f"{exc.message}; or leave the 証拠説明書 out with `--explanation none`, "
            "or give its PDF with `--explanation FILE.pdf`"
        ) from None
    return pdf, "rendered", findings


def write_exhibits(out_dir: str | Path, result: ExhibitSet) -> list[Path]:
    """Write every PDF of ``result`` (each whole); on a failure, remove those already written."""
    out = Path(out_dir)
    written: list[Path] = []
    try:
        for item in result.files:
            written += write_files(out, [item])
    except DocgenError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def as_data(result: ExhibitSet, out_dir: str | Path, message_lang: Language = "en") -> dict[str, Any]:
    """The JSON report: for each exhibit its label, id, title, source file with its SHA-256 and
    size, and the stamped PDF written from it (so a firm can prove which file it filed)."""
    out = Path(out_dir)

    def written(item: RenderedFile | None) -> str | None:
        return None if item is None else str(out / item.relative)

    rows = []
    for e in result.exhibits:
        rows.append(
            {
                "no": e.number,
                "label": e.label,
                "id": e.evidence.id,
                "title": e.title,
                "key": f"{e.key}.file",
                "file": e.evidence.file,
                "type": e.source.kind if e.source else None,
                "sha256": e.source.sha256 if e.source else None,
                "size": e.source.size if e.source else None,
                "stamped": e.pdf is not None,
                "output": written(e.pdf),
                "output_sha256": hashlib.sha256(e.pdf.data).hexdigest() if e.pdf else None,
                "pages": e.pages or None,
                "scaled_from": list(e.scaled_from) if e.scaled_from else None,
            }
        )
    combined = None
    if result.combined is not None:
        combined = {
            "output": written(result.combined),
            "sha256": hashlib.sha256(result.combined.data).hexdigest(),
            "explanation": result.explanation,
        }
    return {
        "case": str(result.loaded.path),
        "filing": main_filing(result.filing).id,
        "lang": result.lang,
        "exhibits": rows,
        "combined": combined,
        "findings": [f.as_json(message_lang) for f in result.findings],
    }


def _finding(loaded: LoadedCase, severity: str, path: str, message: Message) -> Finding:
    line = line_of(loaded.source, key_parts(path))
    return Finding(CODE, "error" if severity == "error" else "warning", path, message, line=line)


def _no_file(label: str, item: Evidence) -> Message:
    return Message(
        f"{label}（id `{item.id}`）には `file` がないため、押印した PDF を作りません",
        f"{label} (id `{item.id}`) has no `file`: no stamped PDF is made for it",
    )


def _no_exhibits(filing: Filing) -> Message:
    return Message(
        f"{filing.title.ja}が引用する証拠がありません",
        f"{filing.title.en} cites no evidence",
    )
