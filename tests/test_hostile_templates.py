"""Hostile or damaged firm templates (issue 12, items 7 and 12): never a traceback, always exit 3.

Each template is built here from the built-in one with ``zipfile`` and a few patched bytes: a part
that is not UTF-8 or not XML, a CRC error, an encrypted part, compression method 99, a cut-short
zip, a DOCTYPE (billion laughs, an external entity), a zip bomb, and templates that would loop or
build gigabytes. ``render`` refuses each with exit 3 naming the file and the part, ``templates
check`` reports it as a finding (exit 1), and ``templates text`` exits 3 (or, as a git textconv
driver with ``--textconv``, prints the reason as the text and exits 0).
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from docgen.cli import main
from docgen.findings import Language
from docgen.render import limits
from docgen.render.templates import builtin_dir

TEMPLATE = "disclosure-petition"
BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"&lol9;</w:styles>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)


def builtin_parts(lang: Language = "ja", suffix: str = "docx") -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(builtin_dir(lang) / f"{TEMPLATE}.{suffix}") as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def build_docx(replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    replace, buffer = replace or {}, io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in builtin_parts():
            archive.writestr(name, replace.get(name, data))
        for name, data in (add or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_entry(data: bytes, part: str, local: dict[int, tuple[str, int]],
                central: dict[int, tuple[str, int]]) -> bytes:
    """``data`` with fields of ``part``'s local and central headers set (offset → (format, value))."""
    patched = bytearray(data)
    name = part.encode()
    for signature, fields, name_at in ((b"PK\x03\x04", local, 30), (b"PK\x01\x02", central, 46)):
        start = 0
        while (start := patched.find(signature, start)) != -1:
            if patched[start + name_at : start + name_at + len(name)] == name:
                for offset, (fmt, value) in fields.items():
                    struct.pack_into(fmt, patched, start + offset, value)
            start += 4
    return bytes(patched)


def document_xml() -> bytes:
    return dict(builtin_parts())["word/document.xml"]


def with_tag(tag: str) -> bytes:
    """The built-in document with its court heading tag replaced by ``tag``."""
    xml = document_xml()
    assert b"{{ court.heading }}" in xml
    return build_docx({"word/document.xml": xml.replace(b"{{ court.heading }}", tag.encode(), 1)})


DOCUMENT = "word/document.xml"
HOSTILE_DOCX: dict[str, tuple[Callable[[], bytes], str | None, str]] = {
    "not-utf-8": (
        lambda: build_docx({DOCUMENT: document_xml().replace("申立".encode(), b"\x90\x5c", 1)}),
        DOCUMENT,
        "not UTF-8",
    ),
    "crc-error": (
        lambda: patch_entry(build_docx(), DOCUMENT, {14: ("<I", 0x12345678)}, {16: ("<I", 0x12345678)}),
        DOCUMENT,
        "CRC",
    ),
    "encrypted": (
        lambda: patch_entry(build_docx(), DOCUMENT, {6: ("<H", 1)}, {8: ("<H", 1)}),
        DOCUMENT,
        "encrypted",
    ),
    "method-99": (
        lambda: patch_entry(build_docx(), DOCUMENT, {8: ("<H", 99)}, {10: ("<H", 99)}),
        DOCUMENT,
        "compression method 99",
    ),
    "truncated": (lambda: build_docx()[: len(build_docx()) // 2], None, "not a readable zip"),
    "billion-laughs": (
        lambda: build_docx({"word/styles.xml": BILLION_LAUGHS}),
        "word/styles.xml",
        "document type declaration",
    ),
    "external-entity": (
        lambda: build_docx({DOCUMENT: EXTERNAL_ENTITY}),
        DOCUMENT,
        "document type declaration",
    ),
    "not-xml": (
        lambda: build_docx({"word/styles.xml": b"this part is not XML at all {{ x }}"}),
        "word/styles.xml",
        "not well-formed XML",
    ),
    "declares-1-GB": (
        lambda: patch_entry(build_docx(), "word/styles.xml", {22: ("<I", 10**9)}, {24: ("<I", 10**9)}),
        "word/styles.xml",
        "declares 1,000,000,000 bytes",
    ),
    "zip-bomb": (
        lambda: build_docx(add={"word/media/image9.png": bytes(20_000_000)}),
        "word/media/image9.png",
        "zip bomb",
    ),
}


@pytest.fixture
def firm_with(tmp_path: Path) -> Callable[[bytes, str], Path]:
    def make(data: bytes, suffix: str = "docx") -> Path:
        folder = tmp_path / "firm" / "templates_ja"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{TEMPLATE}.{suffix}").write_bytes(data)
        return tmp_path / "firm"

    return make


def render(runner: CliRunner, case: Path, firm: Path, out: Path, fmt: str = "docx",
           env: dict[str, str] | None = None) -> Result:
    args = ["render", "petition", str(case), "-o", str(out), "--lang", "ja", "--format", fmt,
            "--templates", str(firm)]
    return runner.invoke(main, args, env=env)


@pytest.mark.parametrize("kind", sorted(HOSTILE_DOCX))
def test_a_damaged_or_hostile_word_template_is_exit_3_naming_file_and_part(
    kind: str, runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path
) -> None:
    build, part, reason = HOSTILE_DOCX[kind]
    firm = firm_with(build())
    template = firm / "templates_ja" / f"{TEMPLATE}.docx"
    out = tmp_path / "out"

    result = render(runner, minimal_case, firm, out)
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"docgen: {template}"), first
    if part:
        assert f"({part})" in first
    assert reason in first
    assert not out.exists()  # nothing copied into an output

    checked = runner.invoke(main, ["templates", "check", str(template)])
    assert checked.exit_code == 1, checked.output
    assert checked.exception is None or isinstance(checked.exception, SystemExit)
    assert f"{template}: {part or 'the file'}: " in checked.stdout
    assert reason in checked.stdout
    assert "1 template(s) checked, 1 problem(s)" in checked.stdout

    text = runner.invoke(main, ["templates", "text", str(template)])
    assert text.exit_code == 3, text.output
    assert reason in text.stderr and text.stdout == ""
    conv = runner.invoke(main, ["templates", "text", "--textconv", str(template)])
    assert conv.exit_code == 0, conv.output
    assert conv.stdout.startswith("--- docgen: this file cannot be read as a Word document: ")
    assert reason in conv.stdout


def test_a_text_template_that_is_not_utf8_is_exit_3_with_its_line(
    runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path
) -> None:
    source = (builtin_dir("ja") / f"{TEMPLATE}.md").read_text(encoding="utf-8")
    firm = firm_with(("一行目\n" + source).encode("shift_jis", errors="replace"), "md")
    template = firm / "templates_ja" / f"{TEMPLATE}.md"
    result = render(runner, minimal_case, firm, tmp_path / "out", fmt="md")
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"docgen: {template}: line 1: not UTF-8 text (byte 0x88")
    checked = runner.invoke(main, ["templates", "check", str(template)])
    assert checked.exit_code == 1
    assert f"{template}: line 1: not UTF-8 text" in checked.stdout


def text_template(body: str) -> bytes:
    return ("# {{ victim.name }}\n\n" + body + "\n").encode()


SANDBOX_LIMITS = {
    "string-multiplied": ("{{ 'a' * 10**9 }}", "builds a string of 1,000,000,000 characters"),
    "range-100000": (
        "{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}",
        "range() of 100,000 numbers; a template may count at most 10,000",
    ),
    "format-width": ("{{ '{:>999999999}'.format('a') }}", "a field 999999999 characters wide"),
    "percent-width": ("{{ '%999999999s' % 'a' }}", "a field 999999999 characters wide"),
    "center": ("{{ 'a' | center(10**9) }}", "a centred text of 1,000,000,000 characters"),
    "doubling": (
        "{% set ns = namespace(x='ab') %}{% for i in range(40) %}"
        "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}",
        "builds a string of 16,777,216 characters",
    ),
    "list-extend": (
        "{% set l = [0] %}{% for i in range(40) %}{{ l.extend(l) or '' }}{% endfor %}",
        "builds a list of 16,777,216 items",
    ),
    "join": ("{{ (['x' * 5000000] * 1000) | join }}", "builds a string of 5,000,000,000"),
    "power": ("{{ 7 ** 10000000 }}", "a template may compute numbers of at most 100,000 bits"),
    "printed-too-much": (
        "{% set big = 'a' * 5000000 %}{% for i in range(10000) %}{{ big }}{% endfor %}",
        "prints more than 50,000,000 characters",
    ),
}


@pytest.mark.parametrize("kind", sorted(SANDBOX_LIMITS))
def test_a_template_building_too_much_is_stopped_with_exit_3(
    kind: str, runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path
) -> None:
    source, message = SANDBOX_LIMITS[kind]
    firm = firm_with(text_template(source), "md")
    started = time.monotonic()
    result = render(runner, minimal_case, firm, tmp_path / "out", fmt="md")
    assert time.monotonic() - started < 10
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"docgen: {firm / 'templates_ja' / TEMPLATE}.md: ")
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_template_that_never_ends_is_stopped_by_the_time_limit(
    runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path
) -> None:
    loop = "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}"
    firm = firm_with(text_template(loop), "md")
    started = time.monotonic()
    result = render(runner, minimal_case, firm, tmp_path / "out", "md", {"DOCGEN_RENDER_TIMEOUT": "0.5"})
    assert time.monotonic() - started < 5
    assert result.exit_code == 3, result.output
    assert "took longer than 0.5 s to render one document" in result.stderr
    assert "DOCGEN_RENDER_TIMEOUT" in result.stderr
    bad = render(runner, minimal_case, firm, tmp_path / "out", "md", {"DOCGEN_RENDER_TIMEOUT": "0"})
    assert bad.exit_code == 2
    assert "DOCGEN_RENDER_TIMEOUT must be a number of seconds greater than 0" in bad.stderr


def test_a_word_template_that_never_ends_is_stopped_naming_the_part(
    runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path
) -> None:
    loop = "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}"
    firm = firm_with(with_tag(loop))
    result = render(runner, minimal_case, firm, tmp_path / "out", "docx", {"DOCGEN_RENDER_TIMEOUT": "0.5"})
    assert result.exit_code == 3, result.output
    assert f"{firm / 'templates_ja' / TEMPLATE}.docx ({DOCUMENT})" in result.stderr
    assert "took longer than 0.5 s" in result.stderr


def test_a_template_growing_memory_is_stopped(
    runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_RENDER_MEMORY", 200 * 2**20)
    # Each piece is small, but a macro keeps all it printed until it returns.
    grow = "{% macro m() %}{% for i in range(10000) %}{{ 'a' * 1000000 }}{% endfor %}{% endmacro %}{{ m() }}"
    firm = firm_with(text_template(grow), "md")
    result = render(runner, minimal_case, firm, tmp_path / "out", "md")
    assert result.exit_code == 3, result.output
    assert "more memory while rendering one document and was stopped" in result.stderr


def test_a_word_template_cannot_print_a_doctype(
    runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path
) -> None:
    xml = document_xml()
    doctype = b"{{ ('<!DOC' ~ 'TYPE d [<!ENTITY x \"y\">]>') | safe }}"
    firm = firm_with(build_docx({DOCUMENT: xml.replace(b"<w:body>", b"<!--" + doctype + b"--><w:body>", 1)}))
    result = render(runner, minimal_case, firm, tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert "printed a document type declaration" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_word_template_building_too_much_names_the_part(
    runner: CliRunner, minimal_case: Path, firm_with: Callable[..., Path], tmp_path: Path
) -> None:
    firm = firm_with(with_tag("{{ 'a' * 10**9 }}"))
    result = render(runner, minimal_case, firm, tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert f"{TEMPLATE}.docx ({DOCUMENT}): " in result.stderr
    assert "builds a string of 1,000,000,000 characters" in result.stderr


def test_the_built_in_templates_are_within_every_limit(runner: CliRunner, tmp_path: Path) -> None:
    from docgen.render.archive import read_template_archive

    for lang in ("ja", "en"):
        for path in sorted(builtin_dir(lang).glob("*.docx")):
            assert read_template_archive(path)
