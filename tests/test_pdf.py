"""The PDF a court or police station receives: A4, Mincho embedded, the facts findable as text.

All sample PDFs are made by one `docgen batch --format pdf` run (one LibreOffice process).
Without LibreOffice these tests are skipped on a developer's machine but fail in CI (CI=true).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.case.load import load_case
from docgen.case.model import localized
from docgen.check import supported_filings
from docgen.cli import main
from docgen.filings import FILINGS, get_filing
from docgen.findings import Language
from tests.conftest import SAMPLE_NAMES, SAMPLES, sample

TOOLS = ("soffice", "pdfinfo", "pdffonts", "pdftotext")
if not all(shutil.which(t) for t in TOOLS) and not os.environ.get("CI"):
    pytest.skip("LibreOffice and poppler-utils are not installed", allow_module_level=True)

CASES = [
    (name, filing.id, lang)
    for name in SAMPLE_NAMES
    for filing in supported_filings(load_case(sample(name)).case)
    for lang in ("ja", "en")
]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    result = CliRunner().invoke(main, ["batch", str(SAMPLES), "-o", str(out), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    return out


def tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_of(pdfs: Path, name: str, filing: str, lang: str) -> Path:
    case_id = load_case(sample(name)).case.case.id
    return pdfs / case_id / f"{filing}.{lang}.pdf"


@pytest.mark.parametrize(("name", "filing", "lang"), CASES)
def test_pdf_is_a4_with_mincho_and_the_facts(
    pdfs: Path, name: str, filing: str, lang: Language
) -> None:
    path = pdf_of(pdfs, name, filing, lang)
    info = tool("pdfinfo", str(path))
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= (3 if filing.endswith("petition") else 1)  # petitions: annexes on new pages
    fonts = tool("pdffonts", str(path))
    if lang == "ja" or get_filing(filing).parent is None:  # an English 証拠説明書 may hold no kanji
        assert re.search(r"IPAexMincho\s+\S+\s+\S+\s+yes", fonts), fonts
    text = re.sub(r"\s+", "", tool("pdftotext", str(path), "-"))
    case = load_case(sample(name)).case
    title = FILINGS[filing].title.in_language(lang)
    assert re.sub(r"\s+", "", title) in text
    name_text = localized(case.victim.name, lang)[0] or ""
    assert re.sub(r"\s+", "", name_text) in text
    listed = get_filing(filing)
    if listed.parent is None:  # a 証拠説明書 names the posts as its petition defines them
        for post in listed.posts_of(case):
            assert post.url in text, f"{post.url} not found in {path.name}"


def test_a_missing_libreoffice_is_a_clear_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DOCGEN_SOFFICE", raising=False)
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        [
            "render",
            "petition",
            str(sample("yamada-x-defamation")),
            "-o",
            str(out),
            "--format",
            "pdf",
        ],
    )
    assert result.exit_code == 2
    assert "PDF output needs LibreOffice" in result.stderr
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    assert not out.exists()


def test_the_same_document_gives_the_same_pdf(runner: CliRunner, tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        args = [
            "render",
            "police",
            str(sample("sato-insult-police")),
            "-o",
            str(tmp_path / name),
            "--format",
            "pdf",
            "--lang",
            "ja",
        ]
        assert runner.invoke(main, args).exit_code == 0
        outputs.append((tmp_path / name / "sato-2026-002" / "police-report.ja.pdf").read_bytes())
    assert outputs[0] == outputs[1]


def test_pdf_bytes_do_not_depend_on_the_time_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docgen.api import render_case

    outputs = []
    for zone in ("Asia/Tokyo", "America/New_York", "UTC"):
        monkeypatch.setenv("TZ", zone)
        outcome = render_case(
            sample("yamada-x-defamation"), "deletion", tmp_path / zone, ["ja"], ["pdf"]
        )
        (written,) = outcome.written
        outputs.append(written.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


FAKE_OFFICE = """#!/bin/sh
# A stand-in for LibreOffice: $MODE says how it misbehaves.
out=""
while [ $# -gt 0 ]; do
  case "$1" in --outdir) out="$2"; shift;; *.docx) last="$1";; esac
  shift
done
case "$MODE" in
  hang) sleep 30 & echo $! > "$PIDFILE"; wait;;
  truncated) mkdir -p "$out"; printf '%%PDF-1.7\\n%%truncated here ...\\n' > "$out/$(basename "$last" .docx).pdf";;
  crash) echo "javaldx: Could not find a Java Runtime Environment!" >&2
         echo "Error: source file could not be loaded" >&2
         echo "Warning: failed to read path from javaldx" >&2; exit 1;;
esac
"""


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("truncated", "invalid PDF"),
        ("crash", "source file could not be loaded"),
        ("hang", "did not finish within 1 s"),
    ],
)
def test_libreoffice_faults_exit_4_with_its_own_reason(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, message: str
) -> None:
    office = tmp_path / "soffice"
    office.write_text(FAKE_OFFICE, encoding="utf-8")
    office.chmod(0o755)
    pidfile = tmp_path / "child.pid"
    monkeypatch.setenv("DOCGEN_PDF_TIMEOUT", "600")  # restored after the test: --pdf-timeout sets it
    monkeypatch.setenv("DOCGEN_SOFFICE", str(office))
    monkeypatch.setenv("MODE", mode)
    monkeypatch.setenv("PIDFILE", str(pidfile))
    args = ["render", "deletion", str(sample("yamada-x-defamation")), "-o", str(tmp_path / "o")]
    result = runner.invoke(main, [*args, "--lang", "ja", "--format", "pdf", "--pdf-timeout", "1"])
    assert result.exit_code == 4, result.output
    assert message in result.stderr and "javaldx" not in result.stderr
    assert not (tmp_path / "o").exists()  # nothing half-written
    if mode == "hang":  # the whole process group was ended, the child too
        child = int(pidfile.read_text())
        assert (
            not Path(f"/proc/{child}").exists()
            or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]
        )
