"""The built-in templates survive LibreOffice: opened and saved as Word, and edited by a macro.

Every built-in template goes through LibreOffice twice, in one ``soffice`` run each (the suite
stays fast): a plain open-and-save as Word 2007 XML (``--convert-to docx:"MS Word 2007 XML"``),
and an edit by a LibreOffice Basic macro that appends a sentence to an unconditional body
paragraph and saves as .docx (the macro is installed in the throw-away LibreOffice profile, so no
Python-UNO bridge is needed). Then, for each copy: ``templates check`` is clean, and every sample
renders, with the copies as a firm's templates, to the same text and the same page starts as with
the built-ins (plus the inserted sentence).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from docgen.case.load import load_case
from docgen.errors import ToolMissingError
from docgen.findings import Language
from docgen.lint.template_lint import format_problem, lint_paths
from docgen.pipeline import chosen_filings, render_all_or_nothing
from docgen.render.document import RenderOptions
from docgen.render.docx_text import PAGE_BREAK, docx_as_text, paragraph_text, parse_xml, w
from docgen.render.pdf import find_office
from docgen.render.templates import TemplateSource, builtin_dir
from tests.conftest import SAMPLE_NAMES, sample

LANGS: tuple[Language, ...] = ("ja", "en")
SENTENCE = {
    "ja": "なお、この一文は事務所で加筆した。",
    "en": " This sentence was added by the firm.",
}
TIMEOUT = 120

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="DocgenEdit" \
script:language="StarBasic">
REM Each line of the job file: source TAB target TAB paragraph text TAB sentence TAB .
Sub Main(sJob As String)
  Dim oAccess As Object, oText As Object, sLine As String
  oAccess = createUnoService(&quot;com.sun.star.ucb.SimpleFileAccess&quot;)
  oText = createUnoService(&quot;com.sun.star.io.TextInputStream&quot;)
  oText.setInputStream(oAccess.openFileRead(ConvertToURL(sJob)))
  oText.setEncoding(&quot;UTF-8&quot;)
  Do While Not oText.isEOF()
    sLine = oText.readLine()
    If Len(sLine) &gt; 0 Then EditOne(Split(sLine, Chr(9)))
  Loop
  oText.closeInput()
End Sub

Sub EditOne(aParts)
  Dim oDoc As Object, oEnum As Object, oPara As Object
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  Dim aSave(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = &quot;Hidden&quot;
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(aParts(0)), &quot;_blank&quot;, 0, aLoad())
  oEnum = oDoc.getText().createEnumeration()
  Do While oEnum.hasMoreElements()
    oPara = oEnum.nextElement()
    If oPara.supportsService(&quot;com.sun.star.text.Paragraph&quot;) Then
      If oPara.getString() = aParts(2) Then
        oDoc.getText().insertString(oPara.getEnd(), aParts(3), False)
        Exit Do
      End If
    End If
  Loop
  aSave(0).Name = &quot;FilterName&quot;
  aSave(0).Value = &quot;MS Word 2007 XML&quot;
  oDoc.storeToURL(ConvertToURL(aParts(1)), aSave())
  oDoc.close(True)
End Sub
</script:module>
"""


@dataclass(frozen=True)
class OfficeCopies:
    plain: Path  # a firm folder: every built-in template opened and saved by LibreOffice
    edited: Path  # the same, each with SENTENCE appended to one paragraph by a macro
    edited_paragraph: dict[tuple[str, str], str]  # (lang, template name) → the edited paragraph


def builtin_templates() -> list[tuple[str, Path]]:
    return [(lang, path) for lang in LANGS for path in sorted(builtin_dir(lang).glob("*.docx"))]


def unconditional_paragraph(path: Path) -> str:
    """A body paragraph outside every ``{%p %}`` block that occurs once: a sentence of running
    text if there is one, else a line without tags, else any line that is not a tag paragraph."""
    body = parse_xml(zip_part(path, "word/document.xml")).find(w("body"))
    assert body is not None
    depth, texts, candidates = 0, [], []
    for paragraph in body.iterchildren(w("p")):
        text = paragraph_text(paragraph)
        texts.append(text)
        opened = re.match(r"\{%p (if|for) ", text)
        closed = re.match(r"\{%p end(if|for) ", text)
        depth += 1 if opened else -1 if closed else 0
        if depth or "\x00" in text or "<br>" in text or not text.strip() or text.startswith("{%"):
            continue
        plain = "{" not in text
        sentence = plain and len(text) >= 15 and text.endswith(("。", "."))
        candidates.append((not sentence, not plain, text))
    return next(t for *_, t in sorted(candidates, key=lambda c: c[:2]) if texts.count(t) == 1)


def zip_part(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def run_office(profile: Path, *args: str) -> None:
    command = [
        find_office(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        *args,
    ]
    # soffice starts soffice.bin: a session of its own lets a timeout end both.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        _, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    assert process.returncode == 0, stderr


def install_macro(profile: Path) -> None:
    """Put the DocgenEdit module into the profile's Standard library (the profile exists now)."""
    library = profile / "user" / "basic" / "Standard"
    (library / "DocgenEdit.xba").write_text(MACRO, encoding="utf-8")
    index = library / "script.xlb"
    xml = index.read_text(encoding="utf-8")
    if 'library:name="DocgenEdit"' not in xml:
        entry = ' <library:element library:name="DocgenEdit"/>\n</library:library>'
        index.write_text(xml.replace("</library:library>", entry), encoding="utf-8")


@pytest.fixture(scope="session")
def office(tmp_path_factory: pytest.TempPathFactory) -> OfficeCopies:
    try:
        find_office()
    except ToolMissingError:
        pytest.skip("LibreOffice (soffice) is not installed")
    root = tmp_path_factory.mktemp("office")
    profile, source, converted, edited = (root / n for n in ("profile", "in", "rt", "edited"))
    for folder in (source, converted, edited):
        folder.mkdir()
    originals = builtin_templates()
    for lang, path in originals:
        shutil.copy(path, source / f"{lang}--{path.name}")
    files = sorted(str(p) for p in source.iterdir())
    run_office(profile, "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(converted), *files)
    install_macro(profile)
    jobs, edited_paragraph = [], {}
    for lang, path in originals:
        text = unconditional_paragraph(path)
        edited_paragraph[(lang, path.stem)] = text
        name = f"{lang}--{path.name}"
        jobs.append("\t".join([str(source / name), str(edited / name), text, SENTENCE[lang], "."]))
    job = root / "job.txt"
    job.write_text("\n".join(jobs) + "\n", encoding="utf-8")
    run_office(profile, f'macro:///Standard.DocgenEdit.Main("{job}")')
    folders = []
    for kind, results in (("plain", converted), ("edited", edited)):
        firm = root / f"firm-{kind}"
        for lang, path in originals:
            target = firm / f"templates_{lang}" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(results / f"{lang}--{path.name}", target)
        folders.append(firm)
    return OfficeCopies(folders[0], folders[1], edited_paragraph)


def firm(office: OfficeCopies, kind: str) -> Path:
    return office.plain if kind == "plain" else office.edited


# ---------------------------------------------------------------------------- the checks


@pytest.mark.parametrize("kind", ["plain", "edited"])
def test_templates_check_is_clean_after_libreoffice(office: OfficeCopies, kind: str) -> None:
    problems = lint_paths([firm(office, kind)])
    assert problems == [], "\n".join(format_problem(p) for p in problems)


def test_the_macro_edited_every_template(office: OfficeCopies) -> None:
    for lang, path in builtin_templates():
        edited = docx_as_text(office.edited / f"templates_{lang}" / path.name)
        assert office.edited_paragraph[(lang, path.stem)] + SENTENCE[lang] in edited, path


def normalized(lines: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(re.sub(r"^(>> |\^\^ )", "", line) for line in lines))


def page_starts(text: str) -> list[str]:
    """The first text after each page break: what starts each page after the first."""
    lines = text.splitlines()
    starts = []
    for index, line in enumerate(lines):
        if line == PAGE_BREAK:
            following = next((x for x in lines[index + 1 :] if x.strip() and x != PAGE_BREAK), "")
            starts.append(normalized([following])[:40])
    return starts


def rendered_texts(templates: TemplateSource) -> dict[str, str]:
    """Every Word filing of every sample, both languages, as the plain-text view."""
    texts = {}
    for name in SAMPLE_NAMES:
        loaded = load_case(sample(name))
        filings = [  # a filing whose template is still being written is left out
            f.id
            for f in chosen_filings(loaded, RenderOptions())
            if all((builtin_dir(lang) / f"{f.template_name}.docx").is_file() for lang in LANGS)
        ]
        options = RenderOptions(tuple(filings), LANGS, ("docx",), templates=templates)
        files, _ = render_all_or_nothing(loaded, options)
        for item in files:
            texts[str(item.relative)] = docx_as_text(item.data)
    return texts


@pytest.fixture(scope="session")
def builtin_renders() -> dict[str, str]:
    return rendered_texts(TemplateSource())


@pytest.mark.parametrize("kind", ["plain", "edited"])
def test_every_sample_renders_the_same_filing(
    office: OfficeCopies, builtin_renders: dict[str, str], kind: str
) -> None:
    theirs = rendered_texts(TemplateSource(firm(office, kind)))
    assert theirs.keys() == builtin_renders.keys()
    used = {f"{p.parts[-1].split('.')[0]}" for p in map(Path, theirs)}
    assert used >= {path.stem for _, path in builtin_templates()} - {"evidence-explanation"}
    for name, text in theirs.items():
        lang = name.split(".")[-2]
        expected = builtin_renders[name]
        if kind == "edited":
            assert SENTENCE[lang].strip() in text, f"{name}: the inserted sentence is missing"
            text = text.replace(SENTENCE[lang], "", 1)
        assert normalized(text.splitlines()) == normalized(expected.splitlines()), name
        assert page_starts(text) == page_starts(expected), name
    annexes = sum(
        start.startswith("（別紙") for text in theirs.values() for start in page_starts(text)
    )
    assert annexes >= 20  # the comparison does see the annexes' pages


def test_annexes_keep_their_pages_in_the_pdf(office: OfficeCopies, tmp_path: Path) -> None:
    """The PDF of the LibreOffice-edited petition has the pages of the built-in one, each
    （別紙） at the top of its own page (the provision-order annex included); both embed only
    IPAex Mincho."""
    from docgen.api import render_case

    pages = {}
    for kind, source in (("builtin", TemplateSource()), ("edited", TemplateSource(office.edited))):
        out = tmp_path / kind
        render_case(
            sample("yamada-x-defamation"), "petition", out, ["ja"], ["pdf"], templates=source
        )
        pdf = next(out.rglob("*.pdf"))
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages[kind] = [page.strip().splitlines()[0].strip() for page in text.split("\f")[:-1]]
        fonts = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        # the font table's fallback for Word (altName ＭＳ 明朝) does not change what is embedded
        assert {line.split()[0].split("+")[-1] for line in fonts} == {"IPAexMincho"}, fonts
        assert all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), fonts
    assert len(pages["edited"]) == len(pages["builtin"])
    annexes = [i for i, first in enumerate(pages["builtin"]) if first.startswith("（別紙）")]
    assert len(annexes) == 4, pages["builtin"]
    assert [i for i, f in enumerate(pages["edited"]) if f.startswith("（別紙）")] == annexes


def test_a_tag_paragraph_before_a_page_break_loses_the_page_and_lint_says_so(
    office: OfficeCopies, tmp_path: Path
) -> None:
    """What the builder now avoids: LibreOffice saves a paragraph's page break at the end of
    the paragraph before it; when that is a {%p %} paragraph, rendering drops the break."""
    folder = tmp_path / "firm" / "templates_ja"
    folder.mkdir(parents=True)
    target = folder / "disclosure-petition.docx"
    shutil.copy(office.plain / "templates_ja" / "disclosure-petition.docx", target)
    from tests.test_word_habits import edit_document

    def move_break_into_the_tag_paragraph(body: etree._Element) -> None:
        paragraphs = list(body.iterchildren(w("p")))
        for before, after in itertools.pairwise(paragraphs):
            tag = paragraph_text(before).startswith("{%p if po %}")
            if tag and paragraph_text(after) == "\x00page\x00":  # the builder's break paragraph
                before.extend(after.findall(w("r")))
                body.remove(after)
                return
        raise AssertionError("no break paragraph after {%p if po %}")

    edit_document(target, move_break_into_the_tag_paragraph)
    problems = lint_paths([folder])
    assert [p.kind for p in problems] == ["removed-content"], problems
    assert problems[0].where == "paragraph “{%p if po %}”"
    assert "page break" in problems[0].message
