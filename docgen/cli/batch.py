"""docgen batch: many cases for CI, with progress, a summary and reports.

Whatever a case file or its path holds is printed through :func:`terminal_safe`: no escape
sequence or control character from a case reaches the terminal (or a CI log).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

import click

from docgen.cli.base import main, output_options, reports_errors
from docgen.errors import InvalidRequestError
from docgen.findings import LANGUAGES, as_language
from docgen.reports.check_report import message_language

_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
"""ANSI/VT escape sequences: CSI (colours, cursor moves), OSC (window titles, links), and the
two-character ones."""


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences and with other control characters escaped, line by line."""
    from docgen.case.crosscheck import visible  # imported here: `docgen --help` stays fast

    return "\n".join(visible(line) for line in _ESCAPE_SEQUENCE.sub("", text).split("\n"))


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
    "reports",
    nargs=2,
    multiple=True,
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
    reports: tuple[tuple[str, str], ...],
    shard: str | None,
    allow_empty: bool,
    templates: str | None,
    strict: bool,
) -> None:
    """Render many cases (files, folders holding case.toml, or globs) for CI."""
    from docgen import api
    from docgen import batch as batching
    from docgen.render.document import RenderOptions
    from docgen.render.templates import TemplateSource

    if len(reports) > 1:
        raise InvalidRequestError(
            "--report is given more than once; give one report (json FILE or junit FILE)"
        )
    report = reports[0] if reports else None
    if report:
        _check_report_target(Path(report[1]))
    timestamp = _report_timestamp() if report and report[0] == "junit" else None
    chosen_formats = api.parse_choices(formats, api.FORMATS, "format") or ["docx"]
    options = RenderOptions(
        filings=tuple(api.validate_filing_names(filings)),
        languages=tuple(
            as_language(name) for name in api.parse_choices(langs, LANGUAGES, "language") or ()
        ),
        formats=tuple(chosen_formats),
        strict=strict,
        templates=TemplateSource.from_option(templates),
        out_dir=Path(out_dir),
    )
    found = batching.discover(paths)
    if not found and not allow_empty:
        raise InvalidRequestError(
            f"no case file (case.toml) found in {', '.join(paths)}; check the path, or pass "
            "--allow-empty if an empty set is expected"
        )
    cases = [c.path for c in batching.select_shard(found, batching.parse_shard(shard))]
    # Over every case found, not only this shard's: every CI job agrees on which cases fail.
    shared = batching.duplicate_ids([c.path for c in found])
    pdfs = batching.PdfQueue("docx" in chosen_formats) if "pdf" in chosen_formats else None
    started = time.monotonic()
    with batching.ResultSpool() as spool:
        with BatchProgress(len(cases)) as progress:
            for case in cases:
                if case in shared:
                    failed = batching.duplicate_failures(case, *shared[case], options)
                    for result in failed:
                        spool.add(result)
                    progress.advance(failed)
            unique = [case for case in cases if case not in shared]
            workers = jobs or os.cpu_count() or 1
            for results in batching.run_batch(unique, options, workers, _worker_lost):
                for result in results:
                    spool.add(result)
                    if pdfs:
                        pdfs.add(result.to_convert)
                progress.advance(results)
        if pdfs:
            pdfs.flush()
        _finish_batch(spool, report, timestamp, time.monotonic() - started)


def _worker_lost(count: int) -> None:
    click.echo(
        f"docgen: a worker process was lost (killed, or out of memory); the {count} case(s) it "
        "may have held are rendered again, each in a process of its own",
        err=True,
    )


def _check_report_target(target: Path) -> None:
    """Refuse a report file that cannot be written before anything is rendered."""
    import tempfile

    if target.is_dir():
        raise InvalidRequestError(f"--report {target}: is a folder, not a file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=target.parent):
            pass
    except OSError as exc:
        raise InvalidRequestError(f"--report {target}: cannot be written ({exc.strerror})") from None


def _report_timestamp() -> datetime:
    """When the batch starts (or SOURCE_DATE_EPOCH), checked before anything is rendered."""
    from docgen.reports.batch_report import report_timestamp

    return report_timestamp()


def _finish_batch(
    spool: Any, report: tuple[str, str] | None, timestamp: datetime | None, seconds: float
) -> None:
    from docgen.reports.batch_report import failure_text, write_report

    lang = message_language()
    for result in spool.results(failed_only=True):
        click.echo(terminal_safe(f"FAILED {result.case} [{result.filing}]"), err=True)
        text = terminal_safe(failure_text(result, lang))
        click.echo("  " + text.replace("\n", "\n  "), err=True)
    report_failed = False
    if report:
        try:
            write_report(
                spool, report[0], Path(report[1]), lang, timestamp=timestamp, seconds=seconds
            )
        except OSError as exc:
            report_failed = True
            click.echo(
                terminal_safe(
                    f"docgen: the {report[0]} report could not be written to {report[1]} "
                    f"({exc.strerror}); the documents themselves were written"
                ),
                err=True,
            )
    click.echo(
        f"{spool.cases()} case(s), {spool.documents} document(s) written, "
        f"{spool.failures} case × filing failure(s)"
    )
    sys.exit(2 if report_failed else 1 if spool.failures else 0)


def wants_progress_bar(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """A progress bar only for a person at a terminal: plain lines when ``stream`` is not a TTY
    (a CI log, a pipe, a file), when ``CI`` is set (runners that give jobs a pseudo-terminal) or
    when ``TERM=dumb``, where a bar redrawn in place would fill the log with fragments."""
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
    ci = environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return interactive and not ci and environ.get("TERM") != "dumb"


def case_status(results: list[Any]) -> str:
    """One case's own outcome: its documents and its failures (naming the filings that failed)."""
    documents = sum(len(r.written) for r in results)
    failed = [r.filing for r in results if not r.ok]
    status = f"{documents} document(s), {len(failed)} failure(s)"
    named = [name for name in failed if name != "*"]  # "*": it stopped before its filings
    return f"{status} ({', '.join(named)})" if named else status


class BatchProgress:
    """A progress bar on a terminal; one plain line per case otherwise, so CI logs stay readable.

    Either way what is shown of a case is that case's own documents and failures, never totals
    so far (the summary at the end gives those)."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.interactive = wants_progress_bar(self.stream)
        self._bar: Any = None

    def __enter__(self) -> BatchProgress:
        if self.interactive:
            self._bar = click.progressbar(
                length=self.total,
                label="cases",
                file=self.stream,
                show_eta=True,
                item_show_func=lambda line: line,
            )
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def advance(self, results: list[Any]) -> None:
        self.done += 1
        case = results[0].case if results else "?"
        line = terminal_safe(f"{case}: {case_status(results)}")
        if self._bar is not None:
            self._bar.update(1, line)
        else:
            click.echo(f"[{self.done}/{self.total}] {line}", file=self.stream)
