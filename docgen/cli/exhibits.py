"""`docgen exhibits`: a filing's exhibit files stamped with their labels, ready to file."""

from __future__ import annotations

import json

import click

from docgen.cli.base import WRITING_COMMANDS, main, output_folder, reports_errors
from docgen.findings import Language, as_language
from docgen.reports.check_report import findings_text, message_language

WRITING_COMMANDS.add("exhibits")  # its case errors end with "nothing was written"


@main.command()
@click.argument("case", type=click.Path(dir_okay=False))
@click.option("--filing", required=True, help="The filing whose exhibits (and numbering) to use.")
@output_folder
@click.option(
    "--lang",
    type=click.Choice(["ja", "en"]),
    default="ja",
    show_default=True,
    help="Language of the labels (甲第1号証 / Exhibit 1) and titles.",
)
@click.option("--combined", is_flag=True, help="Also one PDF: 証拠説明書, then every exhibit.")
@click.option(
    "--explanation",
    default="render",
    show_default=True,
    metavar="render|none|FILE.pdf",
    help="With --combined: render the 証拠説明書 (LibreOffice), leave it out, or use this PDF.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False),
    envvar="DOCGEN_TEMPLATES",
    help="A firm's template folder (for the 証拠説明書).",
)
@click.option(
    "--strict", is_flag=True, help="Treat warnings (an exhibit without a file) as errors."
)
@reports_errors
def exhibits(
    case: str,
    filing: str,
    out_dir: str,
    lang: Language,
    combined: bool,
    explanation: str,
    fmt: str,
    templates: str | None,
    strict: bool,
) -> None:
    """Stamp each exhibit file of FILING with its label, one PDF each (and --combined)."""
    from docgen.exhibits import as_data, build_exhibits, write_exhibits
    from docgen.render.templates import TemplateSource

    result = build_exhibits(
        case,
        filing,
        lang=as_language(lang),
        combined=combined,
        explanation=explanation,
        strict=strict,
        templates=TemplateSource.from_option(templates),
    )
    messages = message_language()
    shown = [f for f in result.findings if f.severity != "info"]
    if shown:
        click.echo(findings_text(case, shown, messages), err=True)
    written = write_exhibits(out_dir, result)
    if fmt == "json":
        data = as_data(result, out_dir, messages)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for path in written:
            click.echo(str(path))
