"""Speed and memory of docgen against a plain docxtpl loop (issue: batch generation for CI).

Run from the repository root with docgen installed:  python benchmarks/bench.py [--quick]

Every figure is printed as a markdown table row; benchmarks/README.md records a run.
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "samples" / "yamada-x-defamation" / "case.toml"
EXTRA = """
[case.police_station]
ja = "警視庁渋谷警察署"
en = "Shibuya Police Station"

[access_provider]
ref = "docomo"
network = "mobile"
evidence = ["1"]

[[connections]]
ip = "203.0.113.45"
port = 51234
at = 2026-11-01T12:13:55Z
destination = "198.51.100.7"
evidence = ["1"]

[police]
offenses = ["defamation"]
wants_punishment = true
circumstances = { ja = "匿名のアカウントから虚偽の投稿を繰り返された。", en = "False posts were made repeatedly." }
"""


BENCH_FILINGS = ("deletion-request", "disclosure-petition", "preservation-petition", "police-report")
"""The four filings every benchmark case supports."""


def full_case(index: int) -> str:
    """The yamada sample with every table four filings need, under a case id of its own."""
    text = BASE.read_text(encoding="utf-8")
    text = text.replace('id = "yamada-2026-001"', f'id = "bench-{index:05d}"', 1)
    claim_necessity = '\nnecessity = { ja = "ログは約3か月で消去される。", en = "Logs are erased in about 3 months." }\n'
    text = text.replace("[claim]\n", "[claim]" + claim_necessity, 1)
    return text.replace("\n[platform]", EXTRA + "\n[platform]", 1)


def make_cases(folder: Path, count: int) -> Path:
    for index in range(count):
        case_dir = folder / f"case-{index:05d}"
        case_dir.mkdir(parents=True)
        (case_dir / "case.toml").write_text(full_case(index), encoding="utf-8")
    return folder


def docgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "docgen", *args], capture_output=True, text=True, check=False
    )


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def plain_docxtpl_loop(cases: list[Path], out: Path) -> int:
    """Load, render (autoescape) and save every document with docxtpl, contexts prepared first."""
    from docxtpl import DocxTemplate

    from docgen.case.load import load_case
    from docgen.filings import FILINGS
    from docgen.render.context import build_context
    from docgen.render.environment import word_environment
    from docgen.render.templates import builtin_dir

    jobs = []
    for case in cases:
        loaded = load_case(case).case
        for filing in (FILINGS[name] for name in BENCH_FILINGS):
            for lang in ("ja", "en"):
                context, _ = build_context(loaded, filing, lang)
                jobs.append((builtin_dir(lang) / f"{filing.template_name}.docx", context))
    start = time.perf_counter()
    for number, (template, context) in enumerate(jobs):
        document = DocxTemplate(str(template))
        document.render(context, jinja_env=word_environment(), autoescape=True)
        document.save(str(out / f"{number}.docx"))
    return int(len(jobs) / (time.perf_counter() - start))


def batch_rate(cases_dir: Path, out: Path, jobs: int) -> tuple[float, int]:
    args = [
        "batch",
        str(cases_dir),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
        "--filings",
        ",".join(BENCH_FILINGS),
    ]
    start = time.perf_counter()
    result = docgen(*args)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"batch failed:\n{result.stderr[-3000:]}")
    return elapsed, sum(1 for _ in out.rglob("*.docx"))


def peak_memory_mib(cases_dir: Path, out: Path, jobs: int) -> float:
    """Peak RSS of the largest process of a batch run (the parent or a worker), in MiB."""
    code = (
        "import resource, subprocess, sys; "
        f"subprocess.run([sys.executable, '-m', 'docgen', 'batch', {str(cases_dir)!r}, "
        f"'-o', {str(out)!r}, '--jobs', '{jobs}'], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return int(result.stdout.strip()) / 1024


def best_wall(args: list[str], runs: int = 7) -> tuple[float, float]:
    """(fastest, median) wall time in ms of ``docgen ARGS`` through the installed script."""
    script = shutil.which("docgen") or str(Path(sys.executable).with_name("docgen"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([script, *args], capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def pdf_rates(folder: Path, count: int) -> tuple[float, float]:
    """PDFs per second: one LibreOffice run for ``count`` documents, against one run each."""
    from docgen.render.output import RenderedFile
    from docgen.render.pdf import convert_to_pdf

    docs = sorted(folder.rglob("*.docx"))[:count]
    files = [RenderedFile(Path(p.name), p.read_bytes()) for p in docs]
    together = timed(lambda: convert_to_pdf(files))
    apart = timed(lambda: [convert_to_pdf([f]) for f in files])
    return count / together, count / apart


def row(name: str, value: str, goal: str = "") -> None:
    print(f"| {name} | {value} | {goal} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller runs (100 cases)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice figures")
    options = parser.parse_args()
    large = 100 if options.quick else 1000
    print(
        f"machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{resource.getpagesize()}-byte pages, CPUs: {__import__('os').cpu_count()}\n"
    )
    print("| measure | result | goal |\n|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as work:
        root = Path(work)
        small = make_cases(root / "small", 25)
        plain = plain_docxtpl_loop(sorted(small.rglob("case.toml")), _fresh(root / "plain"))
        elapsed, docs = batch_rate(small, _fresh(root / "b1"), jobs=1)
        rate = docs / elapsed
        row("plain docxtpl loop, 25 cases × 4 filings × 2 languages", f"{plain} docs/s")
        row(
            "`docgen batch --jobs 1`, same cases (load + check + render + write)",
            f"{rate:.0f} docs/s ({rate / plain:.1f}× plain)",
            "≥ 12× plain",
        )
        hundred = make_cases(root / "hundred", 100)
        elapsed, docs = batch_rate(hundred, _fresh(root / "b100"), jobs=1)
        rate = docs / elapsed
        row(
            "`docgen batch --jobs 1`, 100 cases (start-up and compiling shared by more documents)",
            f"{rate:.0f} docs/s ({rate / plain:.1f}× plain)",
            "≥ 12× plain",
        )
        cases = make_cases(root / "large", large)
        elapsed, docs = batch_rate(cases, _fresh(root / "b2"), jobs=2)
        row(
            f"`docgen batch --jobs 2`, {large} cases",
            f"{docs} .docx in {elapsed:.1f} s",
            "8,000 in < 30 s" if large == 1000 else "",
        )
        for number, (label, folder) in enumerate((("100", hundred), (str(large), cases))):
            for jobs in (1, 2):
                mib = peak_memory_mib(folder, _fresh(root / f"memory-{number}-{jobs}"), jobs)
                row(f"peak memory, {label} cases, --jobs {jobs}", f"{mib:.0f} MiB", "flat")
        if not options.quick:
            most = make_cases(root / "most", 2000)
            mib = peak_memory_mib(most, _fresh(root / "memory-2000"), 2)
            row("peak memory, 2000 cases, --jobs 2", f"{mib:.0f} MiB", "flat")
        fastest, median = best_wall(["--help"])
        row("`docgen --help` wall time", f"{fastest:.0f} ms (median {median:.0f})", "< 150 ms")
        fastest, median = best_wall(["check", str(BASE)])
        row("`docgen check` on a sample", f"{fastest:.0f} ms (median {median:.0f})", "< 250 ms")
        if not options.no_pdf:
            together, apart = pdf_rates(root / "b1", 16)
            row("PDF, 16 documents in one LibreOffice run", f"{together:.2f} PDFs/s")
            row(
                "PDF, one LibreOffice run per document",
                f"{apart:.2f} PDFs/s",
                f"batch {together / apart:.1f}× faster (goal ≥ 5×)",
            )


def _fresh(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


if __name__ == "__main__":
    main()
