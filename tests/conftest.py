"""Shared fixtures: a CLI runner, the samples, and small case files written into tmp_path."""

from __future__ import annotations

import copy
import textwrap
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

if TYPE_CHECKING:
    from docgen.case.model import Case
    from docgen.findings import Finding

Make = Callable[..., "Case"]
"""``make(section=value, …)``: a case built from a test module's BASE data."""


def case_builder(base: Mapping[str, Any]) -> Make:
    """``make(section=value, …)``: ``base`` with each given table merged key by key and every
    other value (lists included) replaced, validated as a case."""
    from docgen.case.model import Case

    def build(**sections: Any) -> Case:
        data = copy.deepcopy(dict(base))
        for key, value in sections.items():
            if isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {**data[key], **value}
            else:
                data[key] = value
        return Case.model_validate(data)

    return build


def found(findings: Iterable[Finding]) -> list[tuple[str, str, str]]:
    """(code, severity, key path) of each finding: what a rule test compares."""
    return [(f.code, f.severity, f.path) for f in findings]


REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if (p / "case.toml").is_file())

MINIMAL_CASE = """\
[case]
id = "test-001"
date = 2026-11-22
court = "tokyo"

[victim]
name = { ja = "山田 花子", en = "Hanako Yamada" }
address = { ja = "東京都世田谷区北沢九丁目1番2号", en = "9-1-2 Kitazawa, Setagaya-ku, Tokyo" }
phone = "03-1000-0000"

[platform]
ref = "x"

[[posts]]
url = "https://x.com/someone/status/1834567890123456789"
account = "@someone"
posted_at = 2026-09-01T21:14:00+09:00
text = { ja = "山田花子は会社の金を横領している", en = "Hanako Yamada embezzles company money" }
evidence = ["1"]

[claim]
rights = ["reputation"]
identification = { ja = "実名が記載されている。", en = "Her full name is given." }
facts_alleged = { ja = "横領したとの事実。", en = "That she embezzled." }
harm = { ja = "社会的評価を低下させる。", en = "It lowers her social standing." }
no_justification = { ja = "事実無根である。", en = "It is untrue." }

[disclosure]
purposes = ["damages"]
items = ["name", "address", "email"]

[[evidence]]
id = "1"
title = { ja = "投稿のスクリーンショット", en = "Screenshot of the post" }
kind = "screenshot"
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_case(tmp_path: Path) -> Callable[[str], Path]:
    """Write a case file (dedented) into its own folder under tmp_path; return its path."""

    def write(text: str, name: str = "case") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        path = folder / "case.toml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


RenderText = Callable[..., str]
"""``render(text, filing, lang="ja")``: the filing's text output for a case given as TOML."""


@pytest.fixture
def render_text(write_case: Callable[..., Path], tmp_path: Path) -> RenderText:
    """Render a case as text through the public API (checked first, as `docgen render` does)."""
    from docgen.api import render_case

    def run(text: str, filing: str, lang: str = "ja") -> str:
        path = write_case(text, name=f"{filing}-{lang}-{abs(hash(text))}")
        outcome = render_case(
            path, filing, out_dir=tmp_path / "out", languages=[lang], formats=["md"]
        )
        (written,) = outcome.written
        return written.read_text(encoding="utf-8")

    return run


@pytest.fixture
def minimal_case(write_case: Callable[[str], Path]) -> Path:
    return write_case(MINIMAL_CASE)


def sample(name: str) -> Path:
    return SAMPLES / name / "case.toml"


CONNECTION_EVIDENCE = """
[[evidence]]
id = "2"
title = { ja = "ログイン記録", en = "Login records" }
kind = "record"

[[evidence]]
id = "3"
title = { ja = "WHOIS検索結果", en = "WHOIS search results" }
kind = "printout"

[[evidence]]
id = "4"
title = { ja = "追加のログイン記録", en = "Further login records" }
kind = "record"
"""
"""The login records and WHOIS result the access-provider stage cites (ids 2–4)."""
RECENT = "2026-09-01T10:00:00Z"
"""A connection 82 days before the document date (2026-11-22): within docomo's 93 days."""
OLD = "2026-06-01T01:00:00Z"
"""A connection 174 days before the document date: past docomo's 93 days."""


ATTORNEY = """
[[attorneys]]
name = { ja = "高橋 誠", en = "Makoto Takahashi" }
office = { ja = "桜坂総合法律事務所", en = "Sakurazaka Law Office" }
address = { ja = "東京都千代田区麹町八丁目4番5号", en = "8-4-5 Kojimachi, Chiyoda-ku, Tokyo" }
phone = "03-1520-4871"
"""
"""The attorney of the small test cases (a TOML fragment to append)."""
