"""What every command shares: the click group, the translation of errors into exit codes, and
the output options of render and batch.

The ``docgen.cli`` package is the only place that prints or exits. A :class:`DocgenError` becomes a
message on stderr and its exit code: 1 the case has errors, 2 usage, 3 a broken template. Ctrl-C
(SIGINT) is caught once, here, and exits with 130 as shells expect, without a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from docgen.errors import CaseError, DocgenError
from docgen.report import findings_text, message_language, summary_line

F = TypeVar("F", bound=Callable[..., Any])
INTERRUPTED = 130
"""Exit code after Ctrl-C: 128 + SIGINT, as a shell reports a program the signal stopped."""
WRITING_COMMANDS = {"render", "batch", "init"}
NOTHING_WRITTEN = {"ja": "。何も書き出していません", "en": "; nothing was written"}


def reports_errors(command: F) -> F:
    """Turn a DocgenError raised by the library into its message and exit code."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CaseError as exc:
            lang = message_language()
            click.echo(findings_text(exc.source, exc.findings, lang), err=True)
            suffix = NOTHING_WRITTEN[lang] if command.__name__ in WRITING_COMMANDS else ""
            click.echo(f"{exc.source}: {summary_line(exc.findings, lang)}{suffix}", err=True)
            sys.exit(exc.exit_code)
        except DocgenError as exc:
            click.echo(f"docgen: {exc.message}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


output_folder = click.option(
    "-o",
    "--output",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to write <case.id>/ into.",
)
"""-o DIR of the commands that write one case's files (render, exhibits)."""

_OUTPUT_OPTIONS = (
    click.option("--lang", "langs", help="Languages, e.g. ja,en (default: the case's)."),
    click.option(
        "--format",
        "formats",
        default="docx",
        show_default=True,
        help="Formats: docx, md, pdf (comma-separated).",
    ),
    click.option(
        "--templates",
        "templates",
        type=click.Path(file_okay=False),
        envvar="DOCGEN_TEMPLATES",
        help="A firm's template folder overriding built-ins.",
    ),
    click.option("--strict", is_flag=True, help="Treat warnings as errors."),
    click.option(
        "--pdf-timeout",
        type=click.FloatRange(min=1),
        expose_value=False,
        callback=lambda _ctx, _param, value: _set_pdf_timeout(value),
        help="Seconds LibreOffice may take for a PDF run (default 600; DOCGEN_PDF_TIMEOUT).",
    ),
)


def _set_pdf_timeout(value: float | None) -> None:
    """--pdf-timeout reaches the converter (and batch workers) as DOCGEN_PDF_TIMEOUT."""
    if value is not None:
        os.environ["DOCGEN_PDF_TIMEOUT"] = str(value)


def output_options(command: F) -> F:
    """--lang, --format, --templates and --strict: the same for render and batch."""
    for option in reversed(_OUTPUT_OPTIONS):
        command = option(command)
    return command


class DocgenGroup(click.Group):
    """The command group, which turns Ctrl-C into exit 130 (click's own handling exits 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\ndocgen: interrupted", err=True)
            raise click.exceptions.Exit(INTERRUPTED) from None


@click.group(cls=DocgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docgen")
def main() -> None:
    """docgen: filings for victims of online defamation in Japan, from one case file."""
