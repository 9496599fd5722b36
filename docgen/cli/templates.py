"""docgen templates: see which templates are used, lint them, and view a .docx as text."""

from __future__ import annotations

import sys

import click

from docgen.cli.base import main, reports_errors


@main.group()
def templates() -> None:
    """See, lint and diff the Word and text templates."""


@templates.command(name="list")
@click.option(
    "--templates",
    "folder",
    type=click.Path(file_okay=False),
    envvar="DOCGEN_TEMPLATES",
    help="A firm's template folder overriding built-ins.",
)
@reports_errors
def templates_list(folder: str | None) -> None:
    """Show, for each filing and language, which template file will be used."""
    from docgen.filings import FILINGS
    from docgen.render.templates import TemplateSource

    source = TemplateSource.from_option(folder)
    for filing in FILINGS.values():
        for lang in ("ja", "en"):
            for ext in ("docx", "md"):
                path = source.find(filing.template_name, lang, ext)
                origin = "built-in" if source.is_builtin(path) else "override"
                click.echo(f"{filing.id}\t{lang}\t{ext}\t{origin}\t{path}")


@templates.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@reports_errors
def templates_check(paths: tuple[str, ...]) -> None:
    """Lint templates (files or folders; the built-ins when none): exit 1 on a problem."""
    from pathlib import Path

    from docgen.render.lint import format_problem, lint_paths, template_files

    problems = lint_paths([Path(p) for p in paths])
    for problem in problems:
        click.echo(format_problem(problem))
    checked = len(template_files([Path(p) for p in paths]))
    click.echo(f"{checked} template(s) checked, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


@templates.command(name="text")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@reports_errors
def templates_text(file: str) -> None:
    """Print a stable plain-text view of a .docx (a git textconv driver for template diffs)."""
    from pathlib import Path

    from docgen.render.docx_text import docx_as_text

    click.echo(docx_as_text(Path(file)), nl=False)
