"""`docgen exhibits`: each exhibit file stamped with its label, the combined PDF, the JSON proof of
which file was filed, and the errors that leave nothing on disk."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import Destination
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from docgen.cli import main
from docgen.errors import ToolMissingError
from docgen.exhibits import stamp
from tests.conftest import MINIMAL_CASE, sample

YAMADA = sample("yamada-x-defamation")
TANAKA = sample("tanaka-carrier-preservation")
MM = 72 / 25.4


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, ["exhibits", *args])


def bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page index) of each top-level bookmark of a PDF."""
    found: list[tuple[str, int]] = []
    for item in reader.outline:
        assert isinstance(item, Destination), "a nested bookmark"
        page = reader.get_destination_page_number(item)
        assert page is not None
        found.append((str(item.title), page))
    return found


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def texts_with_positions(page: object) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text run on a pypdf page, in the page's own coordinates."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def assert_stamped_top_right(page: object, label: str) -> None:
    box = page.cropbox  # type: ignore[attr-defined]
    width, height = float(box.width), float(box.height)
    runs = [r for r in texts_with_positions(page) if r[0] == label]
    assert runs, texts_with_positions(page)
    _, x, y = runs[0]
    assert x > width / 2, "the stamp is on the right half"
    assert height - stamp.TOP_BAND < y < height - stamp.STAMP_TOP, "inside the top margin"
    label_width = pdfmetrics.stringWidth(label, stamp.stamp_font(), stamp.FONT_SIZE)
    assert x + label_width <= width - stamp.MARGIN, "inside the right margin"


def png(size: tuple[int, int] = (640, 420), mode: str = "RGB") -> bytes:
    image = Image.new(mode, size, "white" if mode != "1" else 1)
    if mode == "RGB":
        image.paste((30, 90, 200), (20, 20, size[0] - 20, 80))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def pdf_document(pages: int = 2, rotate: int = 0) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 400, f"Page {n} of the record")
        canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        writer.add_page(page).rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def case_with_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    """A minimal case whose only exhibit has ``file = name`` holding ``data``."""

    def write(name: str, data: bytes | None) -> Path:
        folder = tmp_path / "case"
        (folder / "evidence").mkdir(parents=True, exist_ok=True)
        if data is not None:
            (folder / name).write_bytes(data)
        path = folder / "case.toml"
        path.write_text(MINIMAL_CASE + f'file = "{name}"\n', encoding="utf-8")
        return path

    return write


def test_each_screenshot_becomes_one_stamped_page(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(runner, str(YAMADA), "--filing", "petition", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert files_under(out) == [
        f"yamada-2026-001/disclosure-petition.exhibit-0{n}.ja.pdf" for n in (1, 2, 3)
    ]
    for n in (1, 2, 3):
        reader = PdfReader(out / f"yamada-2026-001/disclosure-petition.exhibit-0{n}.ja.pdf")
        assert len(reader.pages) == 1
        page = reader.pages[0]
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert f"甲第{n}号証" in page.extract_text()
        assert_stamped_top_right(page, f"甲第{n}号証")
        assert reader.metadata is not None and "/CreationDate" not in reader.metadata
    # the statement (甲4) has no file: a warning naming its key, and no PDF
    assert "evidence[4].file" in result.stderr and "甲第4号証" in result.stderr


def test_the_image_sits_below_the_stamp_inside_the_margins() -> None:
    area = stamp.image_area()
    for size in ((720, 480), (480, 3000), (4000, 200)):
        placed = stamp.fitted(size, area)
        assert placed.left >= stamp.MARGIN - 0.01
        assert placed.right <= stamp.PAGE_WIDTH - stamp.MARGIN + 0.01
        assert placed.bottom >= stamp.BOTTOM_MARGIN - 0.01
        assert placed.top <= stamp.PAGE_HEIGHT - stamp.TOP_BAND + 0.01
        page = stamp.Box(0, 0, stamp.PAGE_WIDTH, stamp.PAGE_HEIGHT)
        assert stamp.stamp_box("疎甲第12号証", page).bottom > placed.top


def test_labels_follow_the_filing_and_the_language(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(runner, str(TANAKA), "--filing", "preservation", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    reader = PdfReader(out / "tanaka-2026-003/preservation-petition.exhibit-01.en.pdf")
    assert_stamped_top_right(reader.pages[0], "Prima Facie Exhibit 1")
    result = run(
        runner, str(TANAKA), "--filing", "preservation", "-o", str(out), "--format", "json"
    )
    data = json.loads(result.stdout)
    assert [e["label"] for e in data["exhibits"]][:3] == [
        "疎甲第1号証",
        "疎甲第2号証",
        "疎甲第3号証",
    ]


def test_same_inputs_give_the_same_bytes(runner: CliRunner, tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        args = [str(YAMADA), "--filing", "petition", "-o", str(out), "--combined"]
        result = run(runner, *args, "--explanation", "none")
        assert result.exit_code == 0, result.output
        outputs.append({p: (out / p).read_bytes() for p in files_under(out)})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 4


def test_json_proves_which_file_was_filed(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(runner, str(YAMADA), "--filing", "petition", "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["filing"] == "disclosure-petition"
    first, *_, statement = data["exhibits"]
    source = (YAMADA.parent / "evidence/post1.png").read_bytes()
    assert first["label"] == "甲第1号証" and first["id"] == "1"
    assert first["title"] == "本件投稿1のスクリーンショット"
    assert first["file"] == "evidence/post1.png"
    assert first["sha256"] == hashlib.sha256(source).hexdigest()
    assert first["size"] == len(source)
    written = Path(first["output"]).read_bytes()
    assert first["output_sha256"] == hashlib.sha256(written).hexdigest()
    assert statement["stamped"] is False and statement["output"] is None
    assert statement["file"] is None and statement["label"] == "甲第4号証"
    assert [f["path"] for f in data["findings"] if f["code"] == "exhibit"] == ["evidence[4].file"]


def test_a_pdf_keeps_its_pages_and_gets_the_stamp_on_the_first(
    runner: CliRunner, tmp_path: Path, case_with_file: Callable[[str, bytes], Path]
) -> None:
    case = case_with_file("evidence/record.pdf", pdf_document(pages=3))
    out = tmp_path / "out"
    result = run(runner, str(case), "--filing", "petition", "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(out / "test-001/disclosure-petition.exhibit-01.ja.pdf")
    assert len(reader.pages) == 3
    assert "Page 1 of the record" in reader.pages[0].extract_text()
    assert_stamped_top_right(reader.pages[0], "甲第1号証")
    assert "甲第1号証" not in reader.pages[1].extract_text()


def test_a_rotated_pdf_page_is_stamped_at_the_top_right_one_sees(
    runner: CliRunner, tmp_path: Path, case_with_file: Callable[[str, bytes], Path]
) -> None:
    case = case_with_file("evidence/landscape.pdf", pdf_document(pages=1, rotate=90))
    out = tmp_path / "out"
    assert run(runner, str(case), "--filing", "petition", "-o", str(out)).exit_code == 0
    page = PdfReader(out / "test-001/disclosure-petition.exhibit-01.ja.pdf").pages[0]
    assert page.rotation == 0
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape as shown
    assert_stamped_top_right(page, "甲第1号証")


def test_a_jpeg_is_embedded_as_it_is(
    runner: CliRunner, tmp_path: Path, case_with_file: Callable[[str, bytes], Path]
) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 60, 60)).save(buffer, "JPEG", quality=80)
    case = case_with_file("evidence/photo.jpg", buffer.getvalue())
    out = tmp_path / "out"
    assert run(runner, str(case), "--filing", "petition", "-o", str(out)).exit_code == 0
    data = (out / "test-001/disclosure-petition.exhibit-01.ja.pdf").read_bytes()
    assert b"/DCTDecode" in data and buffer.getvalue() in data


def test_a_huge_image_is_scaled_down_to_300_dpi(
    runner: CliRunner, tmp_path: Path, case_with_file: Callable[[str, bytes], Path]
) -> None:
    case = case_with_file("evidence/huge.png", png((6000, 6000), mode="L"))
    out = tmp_path / "out"
    result = run(runner, str(case), "--filing", "petition", "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)["exhibits"][0]
    assert row["scaled_from"] == [6000, 6000]
    page = PdfReader(row["output"]).pages[0]
    (embedded,) = page.images
    drawn = stamp.fitted((6000, 6000), stamp.image_area())
    assert embedded.image is not None
    assert max(embedded.image.size) <= round(drawn.width / 72 * 300)
    assert Path(row["output"]).stat().st_size < 2_000_000


def test_the_combined_pdf_has_one_bookmark_per_exhibit(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [str(YAMADA), "--filing", "petition", "-o", str(out), "--combined"]
    result = run(runner, *args, "--explanation", "none")
    assert result.exit_code == 0, result.output
    reader = PdfReader(out / "yamada-2026-001/disclosure-petition.exhibits.ja.pdf")
    assert len(reader.pages) == 3
    assert bookmarks(reader) == [
        ("甲第1号証 本件投稿1のスクリーンショット", 0),
        ("甲第2号証 本件投稿2のスクリーンショット", 1),
        ("甲第3号証 本件投稿3（引用投稿）のスクリーンショット", 2),
    ]


def test_a_given_explanation_comes_first(
    runner: CliRunner, tmp_path: Path, case_with_file: Callable[[str, bytes], Path]
) -> None:
    case = case_with_file("evidence/post.png", png())
    given = tmp_path / "explanation.pdf"
    given.write_bytes(pdf_document(pages=2))
    out = tmp_path / "out"
    args = [str(case), "--filing", "petition", "-o", str(out), "--combined"]
    result = run(runner, *args, "--explanation", str(given), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["combined"]["explanation"] == "given"
    reader = PdfReader(out / "test-001/disclosure-petition.exhibits.ja.pdf")
    assert bookmarks(reader) == [
        ("証拠説明書", 0),
        ("甲第1号証 投稿のスクリーンショット", 2),
    ]
    not_pdf = tmp_path / "explanation.txt"
    not_pdf.write_text("hello", encoding="utf-8")
    result = run(runner, *args, "-o", str(tmp_path / "o2"), "--explanation", str(not_pdf))
    assert result.exit_code == 2
    assert f"--explanation {not_pdf}: not a PDF file" in result.stderr
    assert not (tmp_path / "o2").exists()


@pytest.mark.skipif(
    not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice not installed"
)
def test_the_combined_pdf_starts_with_the_rendered_explanation(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = [str(YAMADA), "--filing", "petition", "-o", str(out), "--combined", "--format", "json"]
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["combined"]["explanation"] == "rendered"
    reader = PdfReader(out / "yamada-2026-001/disclosure-petition.exhibits.ja.pdf")
    titles = [title for title, _ in bookmarks(reader)]
    assert titles[0] == "証拠説明書" and len(titles) == 4
    assert "証拠説明書" in reader.pages[0].extract_text()
    first_exhibit = bookmarks(reader)[1][1]
    assert "甲第1号証" in reader.pages[first_exhibit].extract_text()


def bomb() -> bytes:
    limit = Image.MAX_IMAGE_PIXELS or 0
    side = int(limit**0.5) + 100
    return png((side, side), mode="1")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("evidence/missing.png", None, "evidence file `evidence/missing.png` does not exist"),
        ("evidence/empty.png", b"", "`evidence/empty.png` is an empty file"),
        (
            "evidence/page.png",
            b"<html><body>saved page</body></html>",
            "`evidence/page.png` is not a PNG, JPEG or PDF file (it looks like HTML or XML text)",
        ),
        (
            "evidence/photo.heic",
            b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40,
            "(it looks like HEIC or another ISO media file)",
        ),
        ("evidence/cut.png", png()[:200], "`evidence/cut.png` cannot be decoded as PNG"),
        ("evidence/broken.pdf", b"%PDF-1.7\nthis is not a PDF\n", "is not a readable PDF"),
        ("evidence/bomb.png", None, "has more pixels than docgen decodes safely"),
    ],
)
def test_a_bad_file_is_an_error_on_its_key_and_nothing_is_written(
    runner: CliRunner,
    tmp_path: Path,
    case_with_file: Callable[[str, bytes | None], Path],
    name: str,
    data: bytes | None,
    message: str,
) -> None:
    case = case_with_file(name, bomb() if name.endswith("bomb.png") else data)
    out = tmp_path / "out"
    result = run(runner, str(case), "--filing", "petition", "-o", str(out), "--combined")
    assert result.exit_code == 1, result.output
    assert "error [exhibit] evidence[1].file:" in result.stderr
    assert message in result.stderr
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_one_bad_file_stops_the_others_too(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "yamada"
    shutil.copytree(YAMADA.parent, folder)
    (folder / "evidence/post2.png").write_bytes(b"GIF89a not really")
    out = tmp_path / "out"
    result = run(runner, str(folder / "case.toml"), "--filing", "petition", "-o", str(out))
    assert result.exit_code == 1
    assert "evidence[2].file" in result.stderr and "(it looks like GIF)" in result.stderr
    assert not out.exists()


def test_strict_makes_an_exhibit_without_a_file_an_error(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(runner, str(YAMADA), "--filing", "petition", "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert "warning [exhibit] evidence[4].file" in result.stderr
    assert not out.exists()


def test_unknown_filing_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, str(YAMADA), "--filing", "nonsense", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "unknown filing `nonsense`" in result.stderr


def test_a_missing_font_names_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(stamp.FONT_ENV, str(tmp_path / "nothing.ttf"))
    with pytest.raises(ToolMissingError, match="fonts-ipaexfont-mincho"):
        stamp.find_font()
