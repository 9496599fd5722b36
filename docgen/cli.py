"""The command line: parse arguments, call one library function, print, exit. Nothing more.

This is the only module that prints or exits. A :class:`DocgenError` becomes a message on stderr
and its exit code: 1 the case has errors, 2 usage, 3 a broken template.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from docgen.errors import CaseError, DocgenError
from docgen.report import check_json, findings_text, message_language, summary_line

F = TypeVar("F", bound=Callable[..., Any])
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
)


def output_options(command: F) -> F:
    """--lang, --format, --templates and --strict: the same for render and batch."""
    for option in reversed(_OUTPUT_OPTIONS):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docgen")
def main() -> None:
    """docgen: filings for victims of online defamation in Japan, from one case file."""


@main.command()
@click.argument("filing")
@click.argument("case", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to write <case.id>/ into.",
)
@output_options
@reports_errors
def render(
    filing: str,
    case: str,
    out_dir: str,
    langs: str | None,
    formats: str,
    templates: str | None,
    strict: bool,
) -> None:
    """Render FILING (or `all`) for the CASE file."""
    from docgen import api
    from docgen.render.templates import TemplateSource

    outcome = api.render_case(
        case,
        filing,
        out_dir=out_dir,
        languages=api.parse_choices(langs, ("ja", "en"), "language"),
        formats=api.parse_choices(formats, api.FORMATS, "format") or ["docx"],
        strict=strict,
        templates=TemplateSource.from_option(templates),
    )
    lang = message_language()
    shown = [f for f in outcome.findings if f.severity != "info"]
    if shown:
        click.echo(findings_text(case, shown, lang), err=True)
    for path in outcome.written:
        click.echo(str(path))


@main.command()
@click.argument("case", type=click.Path(dir_okay=False))
@click.option("--filing", help="Check for one filing (default: every filing the case supports).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--lang", type=click.Choice(["ja", "en"]), help="Language of the messages.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@reports_errors
def check(case: str, filing: str | None, fmt: str, lang: str | None, strict: bool) -> None:
    """Check the CASE file the way a careful lawyer would, before anything is filed."""
    from docgen import api
    from docgen.render.deadline_views import as_data, urgent_text

    lang = message_language(lang)
    try:
        result = api.check_path(case, filing)
        findings, filing_id = list(result.findings), result.filing
        loaded, due = result.case, list(result.deadlines)
    except CaseError as exc:  # a case that does not load is reported like any other finding
        findings, filing_id, loaded, due = exc.findings, filing, None, []
    if fmt == "json":
        extra = {"deadlines": as_data(loaded, due, lang)} if loaded else {}
        click.echo(check_json(case, filing_id, findings, lang, extra))
    else:
        if findings:
            click.echo(findings_text(case, findings, lang))
        if loaded and due:
            click.echo(urgent_text(loaded, due, lang).rstrip())
        click.echo(f"{case}: {summary_line(findings, lang)}")
    failed = any(f.severity == "error" for f in findings) or (
        strict and any(f.severity == "warning" for f in findings)
    )
    sys.exit(1 if failed else 0)


@main.command(name="list")
@click.option("--lang", type=click.Choice(["ja", "en"]), help="Language of the titles.")
def list_filings(lang: str | None) -> None:
    """List the filings, their aliases, titles and required facts."""
    from docgen import api

    lang = message_language(lang)
    for filing in api.FILINGS.values():
        aliases = ", ".join(filing.aliases)
        click.echo(f"{filing.id}  (aliases: {aliases})")
        click.echo(f"  {filing.title.ja}")
        click.echo(f"  {filing.title.en}")
        for requirement in filing.requirements:
            click.echo(f"  - {requirement.path}: {requirement.why.in_language(lang)}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the case file, for editors that validate TOML (e.g. Taplo)."""
    import json

    from docgen.case.schema import case_schema

    click.echo(json.dumps(case_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option(
    "--filing",
    "filing_names",
    multiple=True,
    help="A filing the case is for (repeatable; default: every filing).",
)
@reports_errors
def init(folder: str, filing_names: tuple[str, ...]) -> None:
    """Write a commented case.toml skeleton into FOLDER (never overwrites)."""
    from pathlib import Path

    from docgen import api
    from docgen.case.load import default_date
    from docgen.case.scaffold import write_scaffold
    from docgen.filings import get_filing

    filings = [get_filing(n) for n in filing_names] or list(api.FILINGS.values())
    click.echo(str(write_scaffold(Path(folder), filings, default_date())))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write <case.id>/ folders into.",
)
@click.option("--filings", help="Filings to render, e.g. petition,police (default: all supported).")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes (default: CPUs).")
@click.option(
    "--report",
    nargs=2,
    type=(click.Choice(["json", "junit"]), click.Path()),
    help="Write a report: json FILE or junit FILE.",
)
@click.option("--shard", help="Render only shard I of N (I/N), a stable split of the cases.")
@output_options
@reports_errors
def batch(
    paths: tuple[str, ...],
    out_dir: str,
    filings: str | None,
    langs: str | None,
    formats: str,
    jobs: int | None,
    report: tuple[str, str] | None,
    shard: str | None,
    templates: str | None,
    strict: bool,
) -> None:
    """Render many cases (files, folders holding case.toml, or globs) for CI."""
    import os
    from pathlib import Path

    from docgen import api
    from docgen import batch as batching
    from docgen.render.templates import TemplateSource

    chosen_formats = api.parse_choices(formats, api.FORMATS, "format") or ["docx"]
    options = batching.BatchOptions(
        out_dir=Path(out_dir),
        filings=tuple(api.validate_filing_names(filings)),
        languages=tuple(api.parse_choices(langs, ("ja", "en"), "language") or ()),
        formats=tuple(chosen_formats),
        strict=strict,
        templates=TemplateSource.from_option(templates),
    )
    selected = batching.parse_shard(shard)
    cases = [c.path for c in batching.discover(paths) if batching.in_shard(c, selected)]
    pdfs = batching.PdfQueue("docx" in chosen_formats) if "pdf" in chosen_formats else None
    with batching.ResultSpool() as spool:
        with BatchProgress(len(cases)) as progress:
            for results in batching.run_batch(cases, options, jobs or os.cpu_count() or 1):
                for result in results:
                    spool.add(result)
                    if pdfs:
                        pdfs.add(result.to_convert)
                progress.advance(results)
        if pdfs:
            pdfs.flush()
        _finish_batch(spool, report)


def _finish_batch(spool: Any, report: tuple[str, str] | None) -> None:
    from pathlib import Path

    from docgen.batch_report import failure_text, write_report

    lang = message_language()
    for result in spool.results(failed_only=True):
        click.echo(f"FAILED {result.case} [{result.filing}]", err=True)
        click.echo("  " + failure_text(result, lang).replace("\n", "\n  "), err=True)
    if report:
        write_report(spool, report[0], Path(report[1]), lang)
    click.echo(
        f"{spool.cases()} case(s), {spool.documents} document(s) written, "
        f"{spool.failures} case × filing failure(s)"
    )
    sys.exit(1 if spool.failures else 0)


class BatchProgress:
    """A progress bar on a terminal; one plain line per case otherwise, so CI logs stay readable."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.documents, self.failures = total, 0, 0, 0
        self.interactive = sys.stderr.isatty()
        self._bar: Any = None

    def __enter__(self) -> BatchProgress:
        if self.interactive:
            self._bar = click.progressbar(
                length=self.total,
                label="cases",
                file=sys.stderr,
                show_eta=True,
                item_show_func=lambda _: self._status(),
            )
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def _status(self) -> str:
        return f"{self.documents} documents, {self.failures} failures"

    def advance(self, results: list[Any]) -> None:
        self.done += 1
        self.documents += sum(len(r.written) for r in results)
        self.failures += sum(1 for r in results if not r.ok)
        if self._bar is not None:
            self._bar.update(1, results)
        else:
            case = results[0].case if results else "?"
            click.echo(f"[{self.done}/{self.total}] {case}: {self._status()}", err=True)


@main.command()
@click.argument("case", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "ics"]),
    default="text",
    show_default=True,
    help="ics: an iCalendar file to import into a calendar.",
)
@click.option("--lang", type=click.Choice(["ja", "en"]), help="Language of the timeline.")
@reports_errors
def deadlines(case: str, fmt: str, lang: str | None) -> None:
    """Every deadline the CASE's facts imply, soonest first, with the days left."""
    from docgen.case.load import load_case
    from docgen.render import deadline_views

    lang = message_language(lang)
    loaded = load_case(case).case
    views = {
        "text": deadline_views.as_text,
        "json": deadline_views.as_json,
        "ics": deadline_views.as_ics,
    }
    click.echo(views[fmt](loaded, lang), nl=False)


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
