"""docgen batch: many cases for CI, with progress, a summary and reports."""

from __future__ import annotations

import sys
from typing import Any

import click

from docgen.cli.base import main, output_options, reports_errors
from docgen.errors import UsageError
from docgen.report import message_language


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
@click.option(
    "--allow-empty", is_flag=True, help="Exit 0 when no case file is found (default: exit 2)."
)
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
    allow_empty: bool,
    templates: str | None,
    strict: bool,
) -> None:
    """Render many cases (files, folders holding case.toml, or globs) for CI."""
    import os
    from pathlib import Path

    from docgen import api
    from docgen import batch as batching
    from docgen.render.document import RenderOptions
    from docgen.render.templates import TemplateSource

    chosen_formats = api.parse_choices(formats, api.FORMATS, "format") or ["docx"]
    options = batching.BatchOptions(
        out_dir=Path(out_dir),
        render=RenderOptions(
            filings=tuple(api.validate_filing_names(filings)),
            languages=tuple(api.parse_choices(langs, ("ja", "en"), "language") or ()),
            formats=tuple(chosen_formats),
            strict=strict,
            templates=TemplateSource.from_option(templates),
        ),
    )
    found = batching.discover(paths)
    if not found and not allow_empty:
        raise UsageError(
            f"no case file (case.toml) found in {', '.join(paths)}; check the path, or pass "
            "--allow-empty if an empty set is expected"
        )
    cases = [c.path for c in batching.select_shard(found, batching.parse_shard(shard))]
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
