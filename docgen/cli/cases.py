"""The commands about one case: render, check, deadlines, list, schema, init."""

from __future__ import annotations

import sys
from typing import Any

import click

from docgen.cli.base import echo, main, output_folder, output_options, reports_errors
from docgen.errors import CaseError
from docgen.findings import Language
from docgen.reports.check_report import (
    check_json,
    findings_text,
    message_language,
    plan_json,
    plan_text,
    summary_line,
)


@main.command()
@click.argument("filing")
@click.argument("case", type=click.Path(dir_okay=False))
@output_folder
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
        echo(findings_text(case, shown, lang), err=True)
    for path in outcome.written:
        echo(str(path))


AS_OF = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Count days left from this day (default: today, or SOURCE_DATE_EPOCH).",
)


@main.command()
@click.argument("case", type=click.Path(dir_okay=False))
@click.option("--filing", help="Check for one filing (default: every filing the case supports).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--lang", type=click.Choice(["ja", "en"]), help="Language of the messages.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@AS_OF
@reports_errors
def check(
    case: str, filing: str | None, fmt: str, lang: Language | None, strict: bool, as_of: Any
) -> None:
    """Check the CASE file the way a careful lawyer would, before anything is filed."""
    from docgen import api
    from docgen.reports.deadline_views import as_data, urgent_text

    lang = message_language(lang)
    try:
        today = as_of.date() if as_of else None
        result = api.check_path(case, filing, today)
        findings, filing_id = list(result.findings), result.filing
        loaded, due, plan = result.case, list(result.deadlines), list(result.plan)
    except CaseError as exc:  # a case that does not load is reported like any other finding
        findings, filing_id, loaded, due, plan = exc.findings, filing, None, [], []
    if fmt == "json":
        today = result.as_of if loaded else None
        extra = (
            {"deadlines": as_data(loaded, due, lang, today), "plan": plan_json(plan)}
            if loaded
            else {}
        )
        click.echo(check_json(case, filing_id, findings, lang, extra))
    else:
        if findings:
            echo(findings_text(case, findings, lang))
        if loaded and due:
            echo(urgent_text(loaded, due, lang, result.as_of).rstrip())
        if plan and filing is None:
            echo(plan_text(plan, lang))
        echo(f"{case}: {summary_line(findings, lang)}")
    failed = any(f.severity == "error" for f in findings) or (
        strict and any(f.severity == "warning" for f in findings)
    )
    sys.exit(1 if failed else 0)


@main.command(name="list")
@click.argument("case", required=False, type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["ja", "en"]), help="Language of the titles.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@reports_errors
def list_filings(case: str | None, lang: Language | None, fmt: str) -> None:
    """List the filings by stage of the matter (deletion, disclosure, preservation, police,
    civil), with their aliases, titles and required facts; with CASE, which of them the matter's
    stage calls for now and why the others wait."""
    import json

    from docgen import api
    from docgen.reports.check_report import filings_json, filings_text

    lang = message_language(lang)
    if case is not None:
        plan = api.check_path(case).plan
        if fmt == "json":
            data = {"case": case, "plan": plan_json(plan)}
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            click.echo(plan_text(plan, lang))
        return
    filings = api.FILINGS.values()
    click.echo(filings_json(filings, lang) if fmt == "json" else filings_text(filings, lang))


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
    from docgen.filings import get_filing
    from docgen.scaffold import write_scaffold

    filings = [get_filing(n) for n in filing_names] or list(api.FILINGS.values())
    click.echo(str(write_scaffold(Path(folder), filings, default_date())))


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
@AS_OF
@reports_errors
def deadlines(case: str, fmt: str, lang: Language | None, as_of: Any) -> None:
    """Every deadline the CASE's facts imply, soonest first, with the days left as of today."""
    from docgen.case.load import default_date, load_case
    from docgen.reports import deadline_views

    lang = message_language(lang)
    loaded = load_case(case).case
    views = {
        "text": deadline_views.as_text,
        "json": deadline_views.as_json,
        "ics": deadline_views.as_ics,
    }
    click.echo(views[fmt](loaded, lang, as_of.date() if as_of else default_date()), nl=False)
