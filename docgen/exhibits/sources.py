"""An exhibit's source file: read once, recognised by its first bytes, decoded safely.

PNG and JPEG images and PDF documents are accepted. The file's type comes from its magic bytes,
never from its name. Images are decoded with Pillow's decompression-bomb limit in force (an image
of more pixels than ``Image.MAX_IMAGE_PIXELS`` is refused, not decoded) and scaled down to at
most 300 dpi at their printed size. Problems are :class:`SourceProblem`s, which the caller turns
into findings on ``evidence[N].file``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from reportlab.lib.utils import ImageReader

from docgen.exhibits import stamp
from docgen.findings import Message

Kind = Literal["png", "jpeg", "pdf"]

MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)
EXIF_ORIENTATION = 0x0112
PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WITHIN = 1024
"""Readers accept bytes before ``%PDF-`` within the first 1024 (ISO 32000-2, Annex H.3)."""
OTHER_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"PK\x03\x04", "ZIP (a Word or Excel file?)"),
    (b"<", "HTML or XML text"),
)


class SourceProblem(Exception):
    """Why a source file cannot be used, in both languages."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


@dataclass(frozen=True)
class Source:
    """The bytes of an exhibit's file, what they are, and their fingerprint."""

    name: str
    """As the case file writes it (relative to the case folder)."""
    data: bytes
    kind: Kind

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


def read_source(folder: Path, name: str) -> Source:
    """The file ``name`` of the case folder, or a :class:`SourceProblem` saying what is wrong."""
    path = folder / name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceProblem(
            Message(
                f"証拠ファイル `{name}` が見つかりません", f"evidence file `{name}` does not exist"
            )
        ) from None
    except IsADirectoryError:
        raise SourceProblem(
            Message(
                f"`{name}` はフォルダでありファイルではありません",
                f"`{name}` is a folder, not a file",
            )
        ) from None
    except OSError as exc:
        raise SourceProblem(
            Message(
                f"`{name}` を読み込めません（{exc.strerror}）",
                f"`{name}` cannot be read ({exc.strerror})",
            )
        ) from None
    return Source(name, data, kind_of(name, data))


def kind_of(name: str, data: bytes) -> Kind:
    if not data:
        raise SourceProblem(Message(f"`{name}` は空のファイルです", f"`{name}` is an empty file"))
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if PDF_MAGIC in data[:PDF_MAGIC_WITHIN]:
        return "pdf"
    seems = next((what for magic, what in OTHER_FORMATS if data.lstrip().startswith(magic)), None)
    if data[4:8] == b"ftyp":
        seems = "HEIC or another ISO media file"
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        seems = "WebP"
    hint_ja = f"（{seems} のようです）" if seems else ""
    hint_en = f" (it looks like {seems})" if seems else ""
    raise SourceProblem(
        Message(
            f"`{name}` は PNG、JPEG、PDF のいずれでもありません{hint_ja}。PNG、JPEG 又は PDF に変換してください",
            f"`{name}` is not a PNG, JPEG or PDF file{hint_en}; convert it to one of them",
        )
    )


def open_pdf(source: Source) -> PdfReader:
    """The parsed PDF, with at least one page, not locked by a password."""
    name = source.name
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the user's
    try:
        reader = PdfReader(io.BytesIO(source.data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceProblem(
                Message(
                    f"`{name}` はパスワードで保護されています。保護を解除した写しを指定してください",
                    f"`{name}` is password-protected; give an unprotected copy",
                )
            )
        count = len(reader.pages)
        if count:
            _ = reader.pages[0].cropbox  # the first page must be usable: it gets the stamp
    except SourceProblem:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a broken file
        raise SourceProblem(
            Message(
                f"`{name}` は PDF として読み込めません（{type(exc).__name__}: {exc}）",
                f"`{name}` is not a readable PDF ({type(exc).__name__}: {exc})",
            )
        ) from None
    if not count:
        raise SourceProblem(Message(f"`{name}` にはページがありません", f"`{name}` has no pages"))
    return reader


@dataclass(frozen=True)
class PreparedImage:
    """An image ready for the page: what reportlab draws, its pixel size, and whether it was
    scaled down from ``original`` pixels."""

    reader: ImageReader
    size: tuple[int, int]
    original: tuple[int, int]

    @property
    def scaled(self) -> bool:
        return self.size != self.original


def prepare_image(source: Source) -> PreparedImage:
    """Decode ``source`` within Pillow's bomb limit, upright, on white, at most 300 dpi."""
    name = source.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(source.data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise SourceProblem(_too_large(name, source.data)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        kind = source.kind.upper()
        raise SourceProblem(
            Message(
                f"`{name}` は {kind} として読み込めません（{exc}）",
                f"`{name}` cannot be decoded as {kind} ({exc})",
            )
        ) from None
    original = image.size
    turned = image.getexif().get(EXIF_ORIENTATION, 1) not in (1, None)
    upright = ImageOps.exif_transpose(image) if turned else image
    target = stamp.max_pixels(upright.size, stamp.image_area())
    as_is = source.kind == "jpeg" and image.mode in ("RGB", "L")
    if as_is and not turned and target == upright.size:
        # embedded as it is (DCT), so the page holds exactly the pixels of the file
        return PreparedImage(ImageReader(io.BytesIO(source.data)), original, original)
    flat = _on_white(upright)
    if target != flat.size:
        flat = flat.resize(target, Image.Resampling.LANCZOS)
    if source.kind == "jpeg":
        buffer = io.BytesIO()
        flat.save(buffer, "JPEG", quality=90, optimize=False)
        return PreparedImage(ImageReader(buffer), flat.size, original)
    return PreparedImage(ImageReader(flat), flat.size, original)


def _on_white(image: Image.Image) -> Image.Image:
    """RGB or greyscale, transparency flattened onto white paper."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 256).convert("L")
    return image.convert("RGB")


def _too_large(name: str, data: bytes) -> Message:
    limit = Image.MAX_IMAGE_PIXELS or 0
    size = _declared_size(data)
    what_en = f" is {size[0]:,} × {size[1]:,} pixels and" if size else ""
    what_ja = f"は {size[0]:,} × {size[1]:,} ピクセルで、" if size else "は"
    return Message(
        f"`{name}` {what_ja}安全に読み込める上限（{limit:,} ピクセル）を超えています。"
        "縮小するか、複数の画像に分けてください",
        f"`{name}`{what_en} has more pixels than docgen decodes safely ({limit:,}); "
        "scale it down or split it into several images",
    )


def _declared_size(data: bytes) -> tuple[int, int] | None:
    """The size a PNG or JPEG header declares, read without decoding the image."""
    if data.startswith(b"\x89PNG") and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    at = 2
    while data.startswith(b"\xff\xd8") and at + 9 < len(data) and data[at] == 0xFF:
        marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            return int.from_bytes(data[at + 7 : at + 9], "big"), height
        at += 2 + length
    return None
