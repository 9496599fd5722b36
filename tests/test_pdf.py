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
def test_pdf_is_a4_with_mincho_and_the_facts(pdfs: Path, name: str, filing: str, lang: str) -> None:
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
