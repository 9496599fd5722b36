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
from click.shell_completion import CompletionItem

from docgen.errors import CaseError, DocgenError
from docgen.reports.check_report import findings_text, message_language, summary_line

F = TypeVar("F", bound=Callable[..., Any])
INTERRUPTED = 130
"""Exit code after Ctrl-C: 128 + SIGINT, as a shell reports a program the signal stopped."""
WRITING_COMMANDS = {"render", "batch", "init"}
SPOKEN = {"check", "deadlines", "list_filings"}
"""Commands whose `--lang` is the language of what they print, messages included."""
NOTHING_WRITTEN = {"ja": "。何も書き出していません", "en": "; nothing was written"}


def echo(text: str, err: bool = False) -> None:
    """``click.echo``; on a terminal, without the escape sequences and control characters a case
    file or its path may hold, which would move the cursor, retitle the window or hide text
    (``docgen batch`` filters them wherever it prints)."""
    if (sys.stderr if err else sys.stdout).isatty():
        from docgen.cli.batch import terminal_safe  # here: `docgen --help` stays fast

        text = terminal_safe(text)
    click.echo(text, err=err)


def reports_errors(command: F) -> F:
    """Turn a DocgenError raised by the library into its message and exit code."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # `--lang ja|en` where it names the language of the messages, not of a document
        lang = message_language(kwargs.get("lang") if command.__name__ in SPOKEN else None)
        try:
            return command(*args, **kwargs)
        except CaseError as exc:
            echo(findings_text(exc.source, exc.findings, lang), err=True)
            suffix = NOTHING_WRITTEN[lang] if command.__name__ in WRITING_COMMANDS else ""
            echo(f"{exc.source}: {summary_line(exc.findings, lang)}{suffix}", err=True)
            sys.exit(exc.exit_code)
        except DocgenError as exc:
            localized = getattr(exc, "localized", None)  # said in both languages where it can be
            text = localized.in_language(lang) if localized is not None else exc.message
            echo(f"docgen: {text}", err=True)
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


def filing_names() -> list[str]:
    """Every filing id and alias, in the order of a matter."""
    from docgen.filings import FILINGS  # imported here: `docgen --help` stays fast

    return [name for filing in FILINGS.values() for name in filing.names()]


def complete_filing(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """A filing id or alias (``--filing`` of check, init and exhibits; ``templates copy``)."""
    return [CompletionItem(n) for n in filing_names() if n.startswith(incomplete)]


def complete_filing_or_all(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """A filing id or alias, or ``all`` (``docgen render FILING``)."""
    return [CompletionItem(n) for n in [*filing_names(), "all"] if n.startswith(incomplete)]


def complete_filing_list(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Filings separated by commas, or ``all`` alone (``batch --filings``): the name after the
    last comma is completed, the ones before it are kept."""
    done, _, last = incomplete.rpartition(",")
    taken = set(done.split(","))
    if "all" in taken:
        return []
    names = [n for n in filing_names() if n not in taken] if done else [*filing_names(), "all"]
    head = f"{done}," if done else ""
    return [CompletionItem(head + n) for n in names if n.startswith(last)]


CASE_FILE = "case.toml"
MAX_CASE_COMPLETIONS = 200


def complete_case(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Case files: ``.toml`` files and the ``case.toml`` of folders (and of their subfolders)
    whose path starts with what was typed; when there are none, the shell's own file completion."""
    import glob
    from pathlib import Path

    found: set[str] = set()
    for match in glob.glob(glob.escape(incomplete) + "*"):
        path = Path(match)
        if path.is_file() and path.suffix == ".toml":
            found.add(match)
        elif path.is_dir():
            inside = [path / CASE_FILE, *sorted(path.glob(f"*/{CASE_FILE}"))]
            found |= {str(p) for p in inside if p.is_file()}
    if not found:
        return [CompletionItem(incomplete, type="file")]
    return [CompletionItem(p) for p in sorted(found)[:MAX_CASE_COMPLETIONS]]


COMPLETERS: dict[str, Callable[[click.Context, click.Parameter, str], list[CompletionItem]]] = {
    "filing": complete_filing,
    "filing_names": complete_filing,
    "filings": complete_filing_list,
    "case": complete_case,
    "paths": complete_case,
}
"""Parameter name → completion; ``render FILING`` also takes ``all`` (see :func:`add_completion`)."""


def add_completion(group: click.Group) -> None:
    """Shell completion (``_DOCGEN_COMPLETE=bash_source docgen``) for every command's filing and
    case parameters, set in one place as click's ``shell_complete=`` would set it."""
    for command in group.commands.values():
        if isinstance(command, click.Group):
            add_completion(command)
            continue
        for param in command.params:
            completer = COMPLETERS.get(param.name or "")
            if command.name == "render" and param.name == "filing":
                completer = complete_filing_or_all
            if param.name == "paths" and command.name != "batch":
                completer = None  # `templates lint PATHS` are template files, not case files
            if completer is not None and param._custom_shell_complete is None:
                param._custom_shell_complete = completer


@click.group(cls=DocgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docgen")
def main() -> None:
    """docgen: filings for victims of online defamation in Japan, from one case file."""
