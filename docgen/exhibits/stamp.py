"""The exhibit stamp (甲第1号証 in a thin box at the top right) and the pages that carry it.

An image becomes one A4 page: a top band of :data:`TOP_BAND` holds the stamp, and the image is
scaled to fit below it, inside the margins, so the stamp never covers it. A PDF keeps its pages;
the stamp is drawn over the top-right corner of its first page, :data:`STAMP_TOP` below the top
edge and :data:`MARGIN` in from the right. It is drawn without a fill, so it hides nothing, but on
a PDF whose content reaches the very top of the page the two may overlap.

Every PDF written here is deterministic: reportlab runs with ``invariant=1`` (fixed dates and
id), and pypdf output gets a fixed ``/ID`` derived from the inputs and no timestamps.
"""

from __future__ import annotations

import glob
import hashlib
import io
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from docgen.errors import ToolMissingError

FONT_NAME = "IPAexMincho"
FONT_FILE = "ipaexm.ttf"
FONT_ENV = "DOCGEN_STAMP_FONT"
FONT_DIRS = (
    "/usr/share/fonts/opentype/ipaexfont-mincho",
    "/usr/share/fonts/truetype/ipaexfont-mincho",
    "/usr/share/fonts/opentype/ipaexfont",
    "/usr/share/fonts/truetype/ipaexfont",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "~/Library/Fonts",
    "/Library/Fonts",
)
FONT_HINT = (
    "the exhibit stamp needs the IPAex Mincho font (ipaexm.ttf): on Debian or Ubuntu, "
    f"`sudo apt-get install fonts-ipaexfont-mincho`, or set {FONT_ENV} to the .ttf file"
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
"""Left and right margin of an image page; the stamp's right edge sits this far in."""
BOTTOM_MARGIN = 15 * mm
TOP_BAND = 30 * mm
"""The band above an image that holds the stamp."""
STAMP_TOP = 10 * mm
"""From the top edge of the page to the top of the stamp's box."""
FONT_SIZE = 12.0
PADDING_X = 3 * mm
BOX_HEIGHT = 8 * mm
IMAGE_DPI = 300
"""Images larger than this at their printed size are scaled down."""


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points, from the lower left."""

    left: float
    bottom: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def top(self) -> float:
        return self.bottom + self.height


def find_font() -> Path:
    """IPAex Mincho: ``$DOCGEN_STAMP_FONT``, the Debian package's path, fontconfig, common dirs."""
    configured = os.environ.get(FONT_ENV)
    if configured:
        path = Path(configured).expanduser()
        if path.is_file():
            return path
        raise ToolMissingError(f"{FONT_ENV}={configured}: no such font file; {FONT_HINT}")
    for folder in FONT_DIRS:
        candidate = Path(folder).expanduser() / FONT_FILE
        if candidate.is_file():
            return candidate
    matched = _fontconfig_match()
    if matched is not None:
        return matched
    for folder in ("/usr/share/fonts", "/usr/local/share/fonts"):
        found = sorted(glob.glob(f"{folder}/**/{FONT_FILE}", recursive=True))
        if found:
            return Path(found[0])
    raise ToolMissingError(FONT_HINT)


def _fontconfig_match() -> Path | None:
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "-f", "%{file}", "IPAexMincho"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(done.stdout.strip())
    return path if path.name == FONT_FILE and path.is_file() else None


@cache
def stamp_font() -> str:
    """Register IPAex Mincho with reportlab once; its reportlab name."""
    path = find_font()
    try:
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path)))
    except Exception as exc:  # reportlab raises TTFError and others for a broken font file
        raise ToolMissingError(f"{path}: not a usable TrueType font ({exc}); {FONT_HINT}") from None
    return FONT_NAME


def stamp_box(label: str, page: Box) -> Box:
    """Where the stamp of ``label`` goes on ``page``: top right, inside the margin."""
    width = pdfmetrics.stringWidth(label, stamp_font(), FONT_SIZE) + 2 * PADDING_X
    top = page.top - STAMP_TOP
    return Box(page.right - MARGIN - width, top - BOX_HEIGHT, width, BOX_HEIGHT)


def draw_stamp(canvas: Canvas, label: str, page: Box) -> Box:
    box = stamp_box(label, page)
    canvas.setLineWidth(0.8)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.rect(box.left, box.bottom, box.width, box.height, stroke=1, fill=0)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(stamp_font(), FONT_SIZE)
    baseline = box.bottom + (box.height - FONT_SIZE) / 2 + FONT_SIZE * 0.12
    canvas.drawString(box.left + PADDING_X, baseline, label)
    return box


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams without reportlab's ASCII85 wrapping (a quarter smaller, and a JPEG stays as it
    was in the file, byte for byte)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _canvas(buffer: io.BytesIO, size: tuple[float, float], title: str) -> Canvas:
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(title)  # the dates reportlab writes are dropped: pypdf rewrites every page
    return canvas


def image_area() -> Box:
    """Where an image goes on its A4 page: inside the margins, below the stamp's band."""
    return Box(
        MARGIN,
        BOTTOM_MARGIN,
        PAGE_WIDTH - 2 * MARGIN,
        PAGE_HEIGHT - TOP_BAND - BOTTOM_MARGIN,
    )


def fitted(size: tuple[int, int], area: Box) -> Box:
    """``size`` (pixels) scaled to fit ``area``, centred horizontally, at the top."""
    width, height = size
    scale = min(area.width / width, area.height / height)
    drawn_w, drawn_h = width * scale, height * scale
    left = area.left + (area.width - drawn_w) / 2
    return Box(left, area.top - drawn_h, drawn_w, drawn_h)


def max_pixels(size: tuple[int, int], area: Box, dpi: int = IMAGE_DPI) -> tuple[int, int]:
    """The most pixels ``size`` needs at ``dpi`` once fitted into ``area`` (never more than it has)."""
    drawn = fitted(size, area)
    limit_w = max(1, round(drawn.width / 72 * dpi))
    limit_h = max(1, round(drawn.height / 72 * dpi))
    scale = min(1.0, limit_w / size[0], limit_h / size[1])
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def image_page(
    image: ImageReader, size: tuple[int, int], label: str, title: str, identity: bytes
) -> bytes:
    """One A4 page: the stamp in the top band and the image fitted below it, in a thin frame
    that shows where the image ends."""
    buffer = io.BytesIO()
    with _binary_streams():
        canvas = _canvas(buffer, A4, title)
        draw_stamp(canvas, label, Box(0, 0, PAGE_WIDTH, PAGE_HEIGHT))
        place = fitted(size, image_area())
        canvas.drawImage(image, place.left, place.bottom, place.width, place.height)
        canvas.setLineWidth(0.4)
        canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
        canvas.rect(place.left, place.bottom, place.width, place.height, stroke=1, fill=0)
        canvas.showPage()
        canvas.save()
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(buffer.getvalue())), import_outline=False)
    return finish(writer, title, identity)


def stamp_overlay(label: str, width: float, height: float) -> bytes:
    """A transparent page of ``width`` × ``height`` with only the stamp on it."""
    buffer = io.BytesIO()
    with _binary_streams():
        canvas = _canvas(buffer, (width, height), label)
        draw_stamp(canvas, label, Box(0, 0, width, height))
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def stamp_pdf(reader: PdfReader, label: str, title: str, identity: bytes) -> bytes:
    """Every page of ``reader``, the first with the stamp over its top-right corner."""
    writer = PdfWriter()
    for source in reader.pages:
        writer.add_page(source)
    first = writer.pages[0]
    if first.rotation:
        first.transfer_rotation_to_content()  # so that "top right" is the top right one sees
    visible = first.cropbox
    overlay = PdfReader(
        io.BytesIO(stamp_overlay(label, float(visible.width), float(visible.height)))
    ).pages[0]
    first.merge_translated_page(overlay, float(visible.left), float(visible.bottom))
    return finish(writer, title, identity)


def finish(writer: PdfWriter, title: str, identity: bytes) -> bytes:
    """The bytes of ``writer`` with its title, no dates, and a fixed file identifier derived from
    ``identity`` (pypdf writes no dates and, by default, no identifier)."""
    writer.add_metadata({"/Title": title, "/Creator": "docgen"})
    digest = ByteStringObject(hashlib.sha256(identity).digest()[:16])
    writer._ID = ArrayObject([digest, digest])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Part:
    """One document of a combined PDF and its outline entry."""

    title: str
    data: bytes


def combine(parts: Sequence[Part], title: str, identity: bytes) -> bytes:
    """``parts`` one after another, with one outline entry (bookmark) per part."""
    writer = PdfWriter()
    for part in parts:
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(part.data)), import_outline=False)
        writer.add_outline_item(title=part.title, page_number=start)
    writer.page_mode = "/UseOutlines"
    return finish(writer, title, identity)
