"""Issue "fileable after light review": each procedure in its own voice, nothing required dropped.

References in prose ({ev:ID}, {victim}) resolved per filing; X12 for another procedure's words or
raw exhibit labels; the rules that keep required elements (X2, S6, L4, P13, S23, D16, D3).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.api import render_case
from docgen.case.load import load_case
from docgen.check import check_case
from docgen.cli import main
from docgen.errors import CaseError
from docgen.filings import get_filing
from tests.conftest import MINIMAL_CASE, sample

WriteCase = Callable[..., Path]

SECOND_EXHIBIT = """
[[evidence]]
id = "stmt"
title = { ja = "陳述書", en = "Written statement" }
kind = "statement"
"""


def with_claim(harm: str, extra: str = "") -> str:
    """MINIMAL_CASE whose claim.harm is ``harm`` (a TOML basic string body) plus ``extra``."""
    case = MINIMAL_CASE.replace(
        'harm = { ja = "社会的評価を低下させる。", en = "It lowers her social standing." }',
        f'harm = "{harm}"',
    )
    return case + SECOND_EXHIBIT + textwrap.dedent(extra)


def rendered(path: Path, filing: str, lang: str, out: Path) -> str:
    outcome = render_case(path, filing, out_dir=out, languages=[lang], formats=["md"])
    return outcome.written[0].read_text(encoding="utf-8")


def codes(path: Path, filing: str) -> list[tuple[str, str, str]]:
    result = check_case(load_case(path), get_filing(filing))
    return [(f.code, f.severity, f.path) for f in result.findings]


def test_one_claim_text_speaks_in_each_filings_voice(write_case: WriteCase, tmp_path: Path) -> None:
    case = write_case(with_claim("{Victim}の社会的評価を低下させた{ev:stmt}。"))
    petition = rendered(case, "disclosure-petition", "ja", tmp_path / "p")
    assert "申立人の社会的評価を低下させた（甲2）。" in petition
    english = rendered(case, "disclosure-petition", "en", tmp_path / "e")
    assert "申立人" not in english and "The petitioner" in english  # one text for both: plain
    preservation = (
        case.read_text(encoding="utf-8")
        + textwrap.dedent(
            """
        [access_provider]
        ref = "docomo"
        evidence = ["1"]

        [[connections]]
        ip = "203.0.113.1"
        port = 1
        at = 2026-09-01T12:00:00Z
        destination = "192.0.2.1"
        evidence = ["1"]
        """
        )
    ).replace("[claim]", '[claim]\nnecessity = "ログが消去されるおそれがある。"')
    other = write_case(preservation, name="preservation")
    text = rendered(other, "preservation-petition", "ja", tmp_path / "v")
    assert "債権者の社会的評価を低下させた（疎甲2）。" in text
    assert "申立人の社会的評価" not in text


def test_reordering_evidence_renumbers_every_reference(
    write_case: WriteCase, tmp_path: Path
) -> None:
    text = with_claim("社会的評価を低下させた{ev:stmt}。")
    first, stmt = (
        text.index("[[evidence]]"),
        text.index("[[evidence]]", text.index("[[evidence]]") + 1),
    )
    reordered = text[:first] + text[stmt:] + "\n" + text[first:stmt]
    case = write_case(reordered)
    assert "社会的評価を低下させた（甲1）。" in rendered(case, "petition", "ja", tmp_path)


def test_doubled_braces_write_a_reference_literally(write_case: WriteCase, tmp_path: Path) -> None:
    case = write_case(with_claim("{{ev:stmt}} と {{ x }} はそのまま"))
    assert "{ev:stmt} と {{ x }} はそのまま" in rendered(case, "petition", "ja", tmp_path)


def test_a_dangling_reference_is_an_error_naming_its_key(write_case: WriteCase) -> None:
    case = write_case(with_claim("虚偽である{ev:9}。"))
    with pytest.raises(CaseError) as raised:
        load_case(case)
    assert [(f.severity, f.path) for f in raised.value.findings] == [("error", "claim.harm")]
    assert "{ev:9}" in raised.value.findings[0].message.en


def test_a_misspelt_reference_is_a_warning_with_a_suggestion(write_case: WriteCase) -> None:
    loaded = load_case(write_case(with_claim("虚偽である{evidnce:1}。")))
    (warning,) = [f for f in loaded.warnings if f.path == "claim.harm"]
    assert warning.severity == "warning" and "did you mean `ev`" in warning.message.en


def test_x12_another_procedures_party_term_is_an_error_in_a_court_filing(
    write_case: WriteCase,
) -> None:
    case = write_case(with_claim("債権者の信用を毀損した。"))
    assert ("X12", "error", "claim.harm") in codes(case, "disclosure-petition")
    assert ("X12", "error", "claim.harm") in codes(case, "deletion-request")
    fine = write_case(with_claim("{victim}の信用を毀損した。"), name="fine")
    assert not [c for c in codes(fine, "disclosure-petition") if c[0] == "X12"]


def test_x12_a_raw_exhibit_label_is_reported_with_the_reference_to_write(
    write_case: WriteCase,
) -> None:
    case = write_case(with_claim("信用を毀損した（甲2）。"))
    result = check_case(load_case(case), get_filing("petition"))
    (finding,) = [f for f in result.findings if f.code == "X12"]
    assert finding.severity == "error" and "{ev:stmt}" in finding.message.en


def test_x12_describing_the_pending_case_against_the_platform_is_no_leak(
    write_case: WriteCase,
) -> None:
    case = write_case(with_claim("X Corp.を相手方とする申立てをした。"))
    assert not [c for c in codes(case, "preservation-petition") if c[0] == "X12"]


def test_a_notice_forwarded_to_the_poster_never_attaches_the_statement(
    write_case: WriteCase, tmp_path: Path
) -> None:
    case = write_case(with_claim("社会的評価を低下させた。"))
    notice = rendered(case, "deletion-request", "ja", tmp_path)
    assert "陳述書" not in notice and "資料1" in notice
    cited = write_case(with_claim("社会的評価を低下させた{ev:stmt}。"), name="cited")
    assert ("X12", "error", "claim.harm") in codes(cited, "deletion-request")
    attached = write_case(
        with_claim("社会的評価を低下させた。", '[deletion]\nattachments = ["1", "stmt"]\n'),
        name="attached",
    )
    assert ("D3", "error", "evidence[2].kind") in codes(attached, "deletion-request")


def test_claim_wording_for_one_filing_replaces_the_shared_text_there_only(
    write_case: WriteCase, tmp_path: Path
) -> None:
    own = '\n[claim.deletion-request]\nharm = "{victim}の評価が下がりました。"\n'
    case = write_case(with_claim("{victim}の社会的評価を低下させた{ev:stmt}。", own))
    # no attorney acts: the requester speaks for herself (申出者)
    assert "申出者の評価が下がりました。" in rendered(
        case, "deletion-request", "ja", tmp_path / "d"
    )
    assert "申立人の社会的評価を低下させた（甲2）。" in rendered(case, "petition", "ja", tmp_path)


def test_x2_a_missing_representative_is_reported(write_case: WriteCase) -> None:
    case = write_case(MINIMAL_CASE)
    found = codes(case, "petition")
    assert ("X2", "warning", "platform.representative") in found
    assert ("X2", "warning", "platform.japan_representative") in found
    given = MINIMAL_CASE.replace(
        '[platform]\nref = "x"',
        '[platform]\nref = "x"\nrepresentative = "最高経営責任者　A"\njapan_representative = "B"',
    )
    assert not [c for c in codes(write_case(given, name="given"), "petition") if c[0] == "X2"]


def test_s6_login_items_need_the_limb_and_it_must_fit_the_items(write_case: WriteCase) -> None:
    login = MINIMAL_CASE.replace(
        'items = ["name", "address", "email"]',
        'items = ["name", "address", "email", "login_ip"]\nsupplementarity = "ログイン情報のみ保有。"',
    )
    assert ("S6", "error", "disclosure.supplementarity_ground") in codes(
        write_case(login), "petition"
    )
    contradicting = login.replace(
        'supplementarity = "', 'supplementarity_ground = "ro"\nsupplementarity = "'
    )
    assert ("S6", "warning", "disclosure.items") in codes(
        write_case(contradicting, name="ro"), "petition"
    )
    posting_ips = contradicting.replace('"name", "address", ', '"ip", ')
    assert ("S6", "warning", "disclosure.items") in codes(
        write_case(posting_ips, name="ip"), "petition"
    )
    consistent = contradicting.replace('"name", "address", ', "")
    assert not [c for c in codes(write_case(consistent, name="ok"), "petition") if c[0] == "S6"]


def test_s23_a_pending_case_against_the_platform_is_never_petitioned_twice(
    runner: CliRunner, tmp_path: Path
) -> None:
    tanaka = sample("tanaka-carrier-preservation")
    outcome = render_case(tanaka, "all", out_dir=tmp_path, formats=["md"])
    written = sorted(p.name for p in outcome.written)
    assert not [name for name in written if name.startswith("disclosure-petition")]
    assert "preservation-petition.ja.md" in written
    assert ("S23", "info") in [(f.code, f.severity) for f in outcome.findings]
    explicit = runner.invoke(main, ["render", "petition", str(tanaka), "-o", str(tmp_path / "x")])
    assert explicit.exit_code == 1 and "S23" in explicit.output


def test_d16_posts_already_offline_get_no_deletion_request(
    write_case: WriteCase, tmp_path: Path
) -> None:
    offline = MINIMAL_CASE.replace(
        'evidence = ["1"]\n', 'evidence = ["1"]\nstill_online = false\n', 1
    )
    case = write_case(offline)
    assert ("D16", "error", "posts") in codes(case, "deletion-request")
    with pytest.raises(CaseError):
        render_case(case, "deletion-request", out_dir=tmp_path, formats=["md"])


def test_l4_provisional_disposition_steps_cite_their_evidence(write_case: WriteCase) -> None:
    case = MINIMAL_CASE + textwrap.dedent(
        """
        [access_provider]
        ref = "docomo"

        [[connections]]
        ip = "203.0.113.1"
        at = 2026-09-01T12:00:00Z
        """
    )
    found = codes(write_case(case), "preservation-petition")
    assert ("L4", "error", "connections[1].evidence") in found
    assert ("L4", "error", "access_provider.evidence") in found


def test_p13_a_victim_report_is_no_complaint_and_says_what_the_victim_wants(
    write_case: WriteCase,
) -> None:
    police = MINIMAL_CASE + textwrap.dedent(
        """
        [police]
        offenses = ["defamation"]
        circumstances = "投稿を見つけた。"
        """
    )
    police = police.replace("[case]\n", '[case]\npolice_station = "警視庁渋谷警察署"\n').replace(
        'phone = "03-1000-0000"', 'phone = "03-1000-0000"\nbirth_date = 1990-01-01'
    )
    found = codes(write_case(police), "police-report")
    assert ("P13", "info", "police") in found
    assert ("P13", "warning", "police.wants_punishment") in found



def test_an_acknowledged_warning_is_listed_but_no_longer_fails_strict(
    runner: CliRunner, write_case: WriteCase
) -> None:
    case = write_case(MINIMAL_CASE)
    strict = runner.invoke(main, ["check", str(case), "--filing", "petition", "--strict"])
    assert strict.exit_code == 1 and "warning [X2]" in strict.output
    text = MINIMAL_CASE.replace('court = "tokyo"', 'court = "tokyo"\nacknowledged = ["X2", "X11"]')
    acknowledged = write_case(text, name="ack")
    result = runner.invoke(main, ["check", str(acknowledged), "--filing", "petition", "--strict"])
    assert "info [X2]" in result.output and "(acknowledged)" in result.output
    assert "warning [X2]" not in result.output and result.exit_code == 0, result.output


def test_an_error_is_never_acknowledged_and_an_unknown_id_is_refused(
    runner: CliRunner, write_case: WriteCase
) -> None:
    text = MINIMAL_CASE.replace('court = "tokyo"', 'court = "tokyo"\nacknowledged = ["S4", "S19x"]')
    text = text.replace('purposes = ["damages"]\n', "")
    result = runner.invoke(main, ["check", str(write_case(text)), "--filing", "petition"])
    assert result.exit_code == 1
    assert "case.acknowledged[2]" in result.output and "did you mean `S19`" in result.output
    fixed = text.replace(', "S19x"', "")
    result = runner.invoke(main, ["check", str(write_case(fixed, name="e")), "--filing", "petition"])
    assert "error [S4]" in result.output


def test_list_with_a_case_says_which_filings_its_stage_calls_for(runner: CliRunner) -> None:
    result = runner.invoke(main, ["list", str(sample("tanaka-carrier-preservation"))])
    assert result.exit_code == 0, result.output
    due = result.output.splitlines()[0]
    assert "preservation-petition" in due and "access-provider-petition" in due
    assert "disclosure-petition [S23]" in result.output


def test_a_claim_text_written_only_for_one_filing_satisfies_that_filing(
    write_case: WriteCase,
) -> None:
    """The required-fact check reads the filing's own wording, as the templates and D9 do."""
    shared = 'harm = { ja = "社会的評価を低下させる。", en = "It lowers her social standing." }\n'
    text = MINIMAL_CASE.replace(shared, "") + '\n[claim.disclosure-petition]\nharm = "評価の低下。"\n'
    case = write_case(text)
    assert ("S3", "error", "claim.harm") not in codes(case, "disclosure-petition")
    assert ("S3", "error", "claim.harm") in codes(case, "provisional-disclosure-petition")
