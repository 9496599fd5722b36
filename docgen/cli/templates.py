"""docgen templates: which templates are used, a firm's copy to start from, lint, text view."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.cli.base import main, reports_errors
from docgen.findings import Language

TEMPLATES_OPTION = click.option(
    "--templates",
    "folder",
    type=click.Path(file_okay=False),
    envvar="DOCGEN_TEMPLATES",
    help="A firm's template folder (holding templates_ja/, templates_en/) overriding built-ins.",
)


@main.group()
def templates() -> None:
    """List, copy and lint the Word and text templates, and print a .docx as text."""


def _template_names() -> dict[str, str]:
    """Each filing's id, aliases and template name → its template name."""
    from docgen.filings import FILINGS

    names = {f.template_name: f.template_name for f in FILINGS.values()}
    for filing in FILINGS.values():
        for name in filing.names():
            names.setdefault(name, filing.template_name)
    return names


def _warn_misplaced(source: object) -> None:
    from docgen.render.templates import TemplateSource

    assert isinstance(source, TemplateSource)
    for path, where in source.misplaced(_template_names()):
        click.echo(
            f"docgen: warning: {path} is never used; a firm's template goes in {where}", err=True
        )


@templates.command(name="list")
@TEMPLATES_OPTION
@reports_errors
def templates_list(folder: str | None) -> None:
    """Which template file each filing and language uses: firm or built-in."""
    from docgen.filings import FILINGS
    from docgen.render.templates import TemplateSource

    source = TemplateSource.from_option(folder)
    _warn_misplaced(source)
    click.echo("FILING\tLANG\tFORMAT\tSOURCE\tFILE")
    for filing in FILINGS.values():
        for lang in ("ja", "en"):
            for ext in ("docx", "md"):
                path = source.find(filing.template_name, lang, ext)
                origin = "built-in" if source.is_builtin(path) else "firm"
                click.echo(f"{filing.id}\t{lang}\t{ext}\t{origin}\t{path}")


@templates.command(name="copy")
@click.argument("filing")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option(
    "--lang",
    type=click.Choice(["ja", "en"]),
    help="Only this language (default: both).",
)
@reports_errors
def templates_copy(filing: str, folder: str, lang: Language | None) -> None:
    """Copy FILING's built-in Word template into FOLDER/templates_<lang>/.

    Then edit the copy in Word or LibreOffice and render with `--templates FOLDER`.
    An existing file is never overwritten.
    """
    import shutil

    from docgen.errors import InvalidRequestError
    from docgen.filings import get_filing
    from docgen.findings import LANGUAGES, as_language
    from docgen.render.templates import builtin_dir

    chosen = get_filing(filing)
    languages = [as_language(lang)] if lang else LANGUAGES
    pairs = []
    for language in languages:
        source = builtin_dir(language) / f"{chosen.template_name}.docx"
        target = Path(folder) / f"templates_{language}" / source.name
        if target.exists():
            raise InvalidRequestError(f"{target} exists already; nothing was copied")
        pairs.append((source, target))
    for source, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        click.echo(str(target))
    click.echo(
        f"edit the copy, then: docgen templates check {folder}; docgen render … "
        f"--templates {folder}",
        err=True,
    )


@templates.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--info",
    is_flag=True,
    help="Also list what rendering copes with (tags split into runs, curly quotes).",
)
@reports_errors
def templates_check(paths: tuple[str, ...], info: bool) -> None:
    """Lint templates (files, folders; default the built-ins): exit 1 on a problem."""
    from docgen.lint.template_lint import format_problem, lint_paths, template_files
    from docgen.render.templates import TemplateSource

    for path in paths:
        if Path(path).is_dir() and not Path(path).name.startswith("templates_"):
            _warn_misplaced(TemplateSource(Path(path)))
    found = lint_paths([Path(p) for p in paths], info=info)
    for problem in found:
        click.echo(format_problem(problem))
    problems = [p for p in found if p.level != "info"]
    checked = len(template_files([Path(p) for p in paths]))
    click.echo(f"{checked} template(s) checked, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


@templates.command(name="text")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--textconv",
    is_flag=True,
    help="For git's diff.docx.textconv: a file that cannot be read prints one line saying why "
    "and exits 0, so the rest of the diff is still shown.",
)
@reports_errors
def templates_text(file: str, textconv: bool) -> None:
    """Print a .docx as stable plain text (a git textconv driver for diffs).

    A file that cannot be read (damaged, encrypted, a zip bomb, an XML part with a DOCTYPE) is
    exit 3 with the reason; with --textconv the reason is printed as the file's text instead, and
    the exit code is 0, because git stops the whole diff when a textconv program fails.
    """
    from docgen.errors import DocgenError
    from docgen.render.archive import read_template_archive
    from docgen.render.docx_text import docx_as_text

    try:
        read_template_archive(Path(file))  # the checks rendering makes, before anything is read
        text = docx_as_text(Path(file))
    except DocgenError as exc:
        if not textconv:
            raise
        click.echo(f"docgen: {exc.message}", err=True)
        click.echo(f"--- docgen: this file cannot be read as a Word document: {exc.message} ---")
        return
    click.echo(text, nl=False)
