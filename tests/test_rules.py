"""The rule catalogue (brief §9): for every rule, a case that triggers it and one that does not.

Cases are built in Python from a minimal valid case (``BASE``) through the ``make`` fixture; the
document date is 2026-11-22 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from docgen.case.model import Case
from docgen.check import filing_findings
from docgen.filings import FILINGS
from docgen.law import fees
from docgen.law.calendar import add_months, days_between, period_end
from docgen.law.rules import deletion as rules_deletion
from docgen.law.rules import disclosure as rules_disclosure
from docgen.law.rules import general as rules
from docgen.law.rules import logs as rules_logs
from docgen.law.rules import pleading as rules_pleading
from docgen.law.rules import police as rules_police
from tests.conftest import Make, case_builder, found

PLUS9 = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)

BASE_POST: dict[str, Any] = {
    "url": "https://x.com/someone/status/1834567890123456789",
    "account": "@someone",
    "posted_at": datetime(2026, 9, 1, 21, 14, tzinfo=PLUS9),
    "text": "山田花子は会社の金を横領している。",
}
BASE: dict[str, Any] = {
    "case": {"id": "t-1", "date": TODAY, "court": "tokyo"},
    "victim": {
        "name": "山田 花子",
        "address": "東京都世田谷区北沢九丁目12番3号",
        "phone": "03-1468-2271",
    },
    "platform": {"ref": "x"},
    "posts": [BASE_POST],
    "claim": {"rights": ["reputation"], "facts_alleged": "横領の事実", "harm": "社会的評価の低下"},
}



def post(**changes: Any) -> dict[str, Any]:
    return {**BASE_POST, **changes}


def day(year: int, month: int, dd: int, hour: int = 12) -> datetime:
    return datetime(year, month, dd, hour, tzinfo=PLUS9)


@pytest.fixture
def make() -> Make:
    return case_builder(BASE)



# ---------------------------------------------------------------------------------------------
# calendar
# ---------------------------------------------------------------------------------------------


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_period_end_counts_like_the_civil_code() -> None:
    assert period_end(date(2023, 5, 11), years=3) == date(2026, 5, 10)
    assert period_end(date(2024, 1, 31), months=1) == date(2024, 2, 29)
    assert period_end(date(2024, 2, 29), years=1) == date(2025, 2, 28)
    assert days_between(date(2026, 9, 1), TODAY) == 82


# ---------------------------------------------------------------------------------------------
# cross-cutting: X6, X7, X8, X9, X10, S3 (reposts), C1
# ---------------------------------------------------------------------------------------------


def test_x6_utc_post_is_noted(make: Make) -> None:
    case = make(posts=[post(posted_at=datetime(2026, 9, 1, 12, 14, tzinfo=UTC))])
    assert found(rules.x6_time_zones(case)) == [("X6", "info", "posts[1].posted_at")]


def test_x6_connection_without_offset_warns(make: Make) -> None:
    case = make(
        connections=[
            {"ip": "203.0.113.1", "port": 1, "at": datetime(2026, 9, 1, 12, 0)},
            {"ip": "203.0.113.2", "port": 1, "at": day(2026, 9, 1)},
        ]
    )
    assert found(rules.x6_time_zones(case)) == [("X6", "warning", "connections[1].at")]


def test_x6_japan_time_is_fine(make: Make) -> None:
    assert rules.x6_time_zones(make()) == []


def test_x7_post_before_2022_amendment(make: Make) -> None:
    case = make(posts=[post(posted_at=day(2022, 10, 1)), post(posted_at=day(2022, 9, 30))])
    assert found(rules.x7_article_at_posting(case)) == [("X7", "info", "posts[2].posted_at")]
    assert rules.x7_article_at_posting(make(posts=[post(posted_at=day(2022, 10, 1))])) == []


def test_x8_post_before_rename(make: Make) -> None:
    case = make(posts=[post(posted_at=day(2025, 3, 31))])
    assert found(rules.x8_title_at_posting(case)) == [("X8", "info", "posts[1].posted_at")]
    assert rules.x8_title_at_posting(make(posts=[post(posted_at=day(2025, 4, 1))])) == []


def test_x8_document_dated_before_rename_cites_old_title(make: Make) -> None:
    case = make(case={"date": date(2025, 3, 31)}, posts=[post(posted_at=day(2025, 3, 1))])
    assert rules.x8_title_at_posting(case) == []


def test_x9_post_without_text(make: Make) -> None:
    case = make(posts=[post(text=None)])
    assert found(rules.x9_post_text(case)) == [("X9", "error", "posts[1].text")]


def test_x9_repost_needs_no_text(make: Make) -> None:
    assert rules.x9_post_text(make(posts=[post(text=None, kind="repost")])) == []


@pytest.mark.parametrize(
    "url", ["https://x.com/someone", "https://twitter.com/someone/", "https://example.com/"]
)
def test_x10_profile_or_top_page_url(make: Make, url: str) -> None:
    case = make(posts=[post(url=url)])
    assert found(rules.x10_individual_post_url(case)) == [("X10", "warning", "posts[1].url")]


@pytest.mark.parametrize(
    "url", ["https://twitter.com/someone/status/123", "https://example.com/thread/12#45"]
)
def test_x10_individual_post_url(make: Make, url: str) -> None:
    assert rules.x10_individual_post_url(make(posts=[post(url=url)])) == []


def test_x10_profile_kind_may_use_profile_url(make: Make) -> None:
    case = make(posts=[post(url="https://x.com/someone", kind="profile")])
    assert rules.x10_individual_post_url(case) == []


@pytest.mark.parametrize("kind", ["repost", "quote"])
def test_s3_repost_is_noted(make: Make, kind: str) -> None:
    original = {"url": "https://x.com/a/status/1", "account": "@a", "text": "元の投稿"}
    case = make(posts=[post(kind=kind, original=original)])
    assert found(rules.s3_reposts(case)) == [("S3", "info", "posts[1].kind")]


@pytest.mark.parametrize("kind", ["repost", "quote"])
def test_s3_repost_without_its_original_cannot_show_what_it_conveys(make: Make, kind: str) -> None:
    case = make(posts=[post(kind=kind)])
    assert found(rules.s3_reposts(case)) == [("S3", "warning", "posts[1].original")]


def test_s3_plain_post_is_not(make: Make) -> None:
    assert rules.s3_reposts(make(posts=[post(kind="reply")])) == []


def test_c1_three_years_since_offender_known(make: Make) -> None:
    case = make(police={"offender_known_at": date(2023, 11, 21)})
    assert found(rules.c1_civil_limitation(case)) == [("C1", "warning", "police.offender_known_at")]
    assert rules.c1_civil_limitation(make(police={"offender_known_at": date(2023, 11, 22)})) == []


def test_c1_twenty_years_since_post(make: Make) -> None:
    case = make(posts=[post(posted_at=day(2006, 11, 21))])
    assert found(rules.c1_civil_limitation(case)) == [("C1", "warning", "posts[1].posted_at")]
    assert rules.c1_civil_limitation(make(posts=[post(posted_at=day(2006, 11, 22))])) == []


def test_general_rules_collect_the_cross_cutting_rules(make: Make) -> None:
    case = make(posts=[post(text=None, url="https://x.com/someone")])
    assert {f.code for f in rules.general_rules(case)} == {"X9", "X10"}
    assert rules.general_rules(make()) == []


# ---------------------------------------------------------------------------------------------
# the claim: S1, S3 (facts alleged), D2
# ---------------------------------------------------------------------------------------------


def test_s1_corporation_claims_sense_of_honour(make: Make) -> None:
    case = make(victim={"kind": "corporation"}, claim={"rights": ["reputation", "honor_feeling"]})
    assert found(rules.s1_corporate_rights(case)) == [("S1", "error", "claim.rights")]


def test_s1_individual_may_claim_sense_of_honour(make: Make) -> None:
    assert rules.s1_corporate_rights(make(claim={"rights": ["honor_feeling"]})) == []


def test_s3_defamation_without_facts_alleged(make: Make) -> None:
    case = make(claim={"rights": ["reputation"], "facts_alleged": None})
    assert found(rules.s3_facts_alleged(case)) == [("S3", "error", "claim.facts_alleged")]
    assert found(rules.d2_facts_alleged(case)) == [("D2", "warning", "claim.facts_alleged")]


def test_s3_insult_needs_no_facts_alleged(make: Make) -> None:
    case = make(claim={"rights": ["honor_feeling"], "facts_alleged": None})
    assert rules.s3_facts_alleged(case) == []
    assert rules.d2_facts_alleged(case) == []
    assert rules.s3_facts_alleged(make()) == []


# ---------------------------------------------------------------------------------------------
# deletion request: D3, D4, D5, D6, S2
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "連絡は03-1468-2271まで",
        "hanako@example.jp に連絡",
        "住所は東京都世田谷区北沢九丁目12番3号である",
    ],
)
def test_d3_contact_details_in_reasons(make: Make, text: str) -> None:
    case = make(claim={"harm": text})
    assert found(rules_deletion.d3_private_details_in_reasons(case)) == [
        ("D3", "warning", "claim.harm")
    ]


def test_d3_checks_the_notice_own_wording_instead_of_the_shared_claim(make: Make) -> None:
    contact = "連絡は03-1000-0000まで"
    own = {"harm": "虚偽の事実である。"}
    case = make(claim={"harm": contact, "deletion-request": own})
    assert rules_deletion.d3_private_details_in_reasons(case) == []
    case = make(claim={"harm": "虚偽の事実である。", "deletion-request": {"harm": contact}})
    assert found(rules_deletion.d3_private_details_in_reasons(case)) == [
        ("D3", "warning", "claim.deletion-request.harm")
    ]


def test_d3_reasons_without_contact_details(make: Make) -> None:
    case = make(claim={"harm": "800万円を横領したとの虚偽の事実により社会的評価が低下した"})
    assert rules_deletion.d3_private_details_in_reasons(case) == []


def test_d4_attorney_and_corporation_attachments(make: Make) -> None:
    case = make(victim={"kind": "corporation"}, attorneys=[{"name": "高橋 誠"}])
    assert found(rules_deletion.d4_attachments(case)) == [
        ("D4", "info", "attorneys"),
        ("D4", "warning", "victim.kind"),
    ]


def test_d4_registration_certificate_listed(make: Make) -> None:
    case = make(
        victim={"kind": "corporation"},
        evidence=[{"id": "1", "title": "履歴事項全部証明書（登記事項証明書）"}],
    )
    assert rules_deletion.d4_attachments(case) == []
    assert rules_deletion.d4_attachments(make()) == []


def test_d5_profile_target(make: Make) -> None:
    case = make(posts=[post(kind="profile", url="https://x.com/someone")])
    assert found(rules_deletion.d5_account_deletion(case)) == [("D5", "warning", "posts[1].kind")]
    assert rules_deletion.d5_account_deletion(make()) == []


def test_d6_x_after_2025_act(make: Make) -> None:
    assert found(rules_deletion.d6_x_japan_form(make())) == [("D6", "warning", "platform")]


def test_d6_not_before_2025_nor_for_other_platforms(make: Make) -> None:
    early = make(case={"date": date(2025, 3, 31)}, posts=[post(posted_at=day(2025, 3, 1))])
    assert rules_deletion.d6_x_japan_form(early) == []
    assert rules_deletion.d6_x_japan_form(make(platform={"ref": "google"})) == []


def test_s2_deletion_of_direct_message(make: Make) -> None:
    case = make(posts=[post(visibility="direct")])
    assert found(rules_deletion.s2_nonpublic_deletion(case)) == [
        ("S2", "warning", "posts[1].visibility")
    ]
    assert rules_deletion.s2_nonpublic_deletion(make(posts=[post(visibility="protected")])) == []


# ---------------------------------------------------------------------------------------------
# disclosure petition: S2, S4, S5, S7, S12, S13, S17, S18, S19, L1 (posts)
# ---------------------------------------------------------------------------------------------


def test_s2_direct_and_protected(make: Make) -> None:
    case = make(
        posts=[post(visibility="direct"), post(kind="direct_message"), post(visibility="protected")]
    )
    assert found(rules_disclosure.s2_public_channel(case)) == [
        ("S2", "error", "posts[1].visibility"),
        ("S2", "error", "posts[2].kind"),
        ("S2", "warning", "posts[3].followers"),
    ]


def test_s2_protected_post_with_its_approved_followers_pleaded(make: Make) -> None:
    case = make(posts=[post(visibility="protected", followers=212)])
    assert rules_disclosure.s2_public_channel(case) == []


def test_s2_public_post(make: Make) -> None:
    assert rules_disclosure.s2_public_channel(make()) == []


def test_s4_other_without_note(make: Make) -> None:
    case = make(disclosure={"purposes": ["damages", "other"]})
    assert found(rules_disclosure.s4_legitimate_reason(case)) == [
        ("S4", "error", "disclosure.purpose_note")
    ]
    noted = make(disclosure={"purposes": ["other"], "purpose_note": "謝罪の要求"})
    assert rules_disclosure.s4_legitimate_reason(noted) == []


def test_s4_criminal_complaint_alone(make: Make) -> None:
    case = make(disclosure={"purposes": ["criminal_complaint"]})
    assert found(rules_disclosure.s4_legitimate_reason(case)) == [
        ("S4", "warning", "disclosure.purposes")
    ]
    both = make(disclosure={"purposes": ["damages", "criminal_complaint"]})
    assert rules_disclosure.s4_legitimate_reason(both) == []


def test_s5_login_items_for_pre_2022_post(make: Make) -> None:
    case = make(posts=[post(posted_at=day(2022, 9, 30))], disclosure={"items": ["login_ip"]})
    assert found(rules_disclosure.s5_login_items_for_old_posts(case)) == [
        ("S5", "warning", "disclosure.items")
    ]


def test_s5_login_items_for_recent_post(make: Make) -> None:
    case = make(disclosure={"items": ["login_ip"]})
    assert rules_disclosure.s5_login_items_for_old_posts(case) == []
    old = make(posts=[post(posted_at=day(2022, 9, 30))], disclosure={"items": ["name"]})
    assert rules_disclosure.s5_login_items_for_old_posts(old) == []


def test_s7_login_items_scope(make: Make) -> None:
    case = make(disclosure={"items": ["name", "login_at"]})
    assert found(rules_disclosure.s7_login_scope(case)) == [("S7", "warning", "disclosure.items")]
    assert rules_disclosure.s7_login_scope(make(disclosure={"items": ["name", "ip"]})) == []


def test_s12_stamp_per_request(make: Make) -> None:
    case = make(disclosure={"provision_order": True, "erasure_prohibition": True})
    assert fees.disclosure_stamp(case) == 3000
    [fee] = rules_disclosure.s12_stamp_fee(case)
    assert (fee.code, fee.severity, fee.path) == ("S12", "info", "disclosure")
    assert "¥3,000" in fee.message.en and "3,000円" in fee.message.ja
    assert fees.disclosure_stamp(make()) == 1000


def test_s13_foreign_platform_outside_tokyo(make: Make) -> None:
    case = make(case={"court": "osaka"})
    assert found(rules_disclosure.s13_court_for_foreign_platform(case)) == [
        ("S13", "warning", "case.court")
    ]


def test_s13_tokyo_or_domestic_platform(make: Make) -> None:
    assert rules_disclosure.s13_court_for_foreign_platform(make()) == []
    table = make(case={"court": {"name": {"ja": "東京地方裁判所", "en": "Tokyo District Court"}}})
    assert rules_disclosure.s13_court_for_foreign_platform(table) == []
    domestic = make(case={"court": "osaka"}, platform={"ref": "line-yahoo"})
    assert rules_disclosure.s13_court_for_foreign_platform(domestic) == []


def test_s17_s18_provision_order_against_x(make: Make) -> None:
    case = make(disclosure={"provision_order": True})
    assert found(rules_disclosure.s17_notify_content_provider(case)) == [
        ("S17", "info", "disclosure.provision_order")
    ]
    assert found(rules_disclosure.s18_x_provision_order(case)) == [
        ("S18", "warning", "disclosure.provision_order")
    ]


def test_s17_s18_without_provision_order_or_x(make: Make) -> None:
    assert rules_disclosure.s17_notify_content_provider(make()) == []
    assert rules_disclosure.s18_x_provision_order(make()) == []
    google = make(platform={"ref": "google"}, disclosure={"provision_order": True})
    assert rules_disclosure.s18_x_provision_order(google) == []


def test_s19_erasure_prohibition_scope(make: Make) -> None:
    case = make(disclosure={"erasure_prohibition": True})
    assert found(rules_disclosure.s19_erasure_scope(case)) == [
        ("S19", "info", "disclosure.erasure_prohibition")
    ]
    assert rules_disclosure.s19_erasure_scope(make()) == []


def test_l1_posting_ip_near_retention_lapse(make: Make) -> None:
    case = make(disclosure={"items": ["ip", "posted_at_time"]})  # posted 82 days ago
    [finding] = rules_disclosure.l1_posting_logs(case)
    assert (finding.code, finding.severity, finding.path) == ("L1", "warning", "posts[1].posted_at")
    assert "urgent" in finding.message.en


def test_l1_posting_logs_not_measured_for_login_items(make: Make) -> None:
    assert rules_disclosure.l1_posting_logs(make(disclosure={"items": ["login_ip"]})) == []
    fresh = make(posts=[post(posted_at=day(2026, 11, 1))], disclosure={"items": ["ip"]})
    assert rules_disclosure.l1_posting_logs(fresh) == []


# ---------------------------------------------------------------------------------------------
# preservation petition: L1 (connections), L3, S14
# ---------------------------------------------------------------------------------------------


def connection(**changes: Any) -> dict[str, Any]:
    return {
        "ip": "203.0.113.87",
        "port": 50312,
        "at": day(2026, 11, 1),
        "destination": "192.0.2.44",
        **changes,
    }


def test_l1_connection_possibly_erased(make: Make) -> None:
    case = make(connections=[connection(at=day(2026, 8, 1)), connection(at=day(2026, 9, 19))])
    findings = rules_logs.l1_connection_retention(case)
    assert found(findings) == [
        ("L1", "warning", "connections[1].at"),
        ("L1", "warning", "connections[2].at"),
    ]
    assert "erased" in findings[0].message.en and "urgent" in findings[1].message.en


def test_l1_recent_connection(make: Make) -> None:
    assert rules_logs.l1_connection_retention(make(connections=[connection()])) == []


def test_l3_missing_port_and_mobile_destination(make: Make) -> None:
    case = make(
        access_provider={"ref": "docomo"}, connections=[connection(port=None, destination=None)]
    )
    assert found(rules_logs.l3_connection_identifiers(case)) == [
        ("L3", "warning", "connections[1].port"),
        ("L3", "error", "connections[1].destination"),
    ]


def test_l3_fixed_line_needs_no_destination(make: Make) -> None:
    fixed = make(
        access_provider={"name": "OCN", "network": "fixed"},
        connections=[connection(destination=None)],
    )
    assert rules_logs.l3_connection_identifiers(fixed) == []
    mobile = make(access_provider={"ref": "docomo"}, connections=[connection()])
    assert rules_logs.l3_connection_identifiers(mobile) == []


def test_s14_related_case_missing(make: Make) -> None:
    assert found(rules_logs.s14_related_case(make())) == [("S14", "warning", "case.related_case")]
    case = make(case={"related_case": {"court": "tokyo", "number": "令和8年(発チ)第1234号"}})
    assert rules_logs.s14_related_case(case) == []


# ---------------------------------------------------------------------------------------------
# police report: P8, P9
# ---------------------------------------------------------------------------------------------


def reported(make: Make, offense: str, when: datetime, **post_changes: Any) -> Case:
    return make(police={"offenses": [offense]}, posts=[post(posted_at=when, **post_changes)])


def test_p8_defamation_barred(make: Make) -> None:
    case = reported(make, "defamation", day(2023, 11, 22), still_online=False)  # ended 11-21
    assert found(rules_police.p8_prosecution_limitation(case)) == [
        ("P8", "error", "posts[1].posted_at")
    ]


def test_p8_defamation_in_time(make: Make) -> None:
    case = reported(make, "defamation", day(2023, 11, 23))  # first day counted: ends today
    assert rules_police.p8_prosecution_limitation(case) == []


def test_p8_still_online_is_only_a_warning(make: Make) -> None:
    case = reported(make, "defamation", day(2023, 1, 10), still_online=True)
    assert found(rules_police.p8_prosecution_limitation(case)) == [
        ("P8", "warning", "posts[1].posted_at")
    ]


def test_p8_insult_before_2022_07_07(make: Make) -> None:
    seen_before = reported(make, "insult", day(2022, 7, 6), found_at=date(2022, 7, 6))
    assert found(rules_police.p8_prosecution_limitation(seen_before)) == [
        ("P8", "error", "posts[1].posted_at")
    ]
    seen_after = reported(make, "insult", day(2022, 7, 6), found_at=date(2022, 7, 10))
    assert found(rules_police.p8_prosecution_limitation(seen_after)) == [
        ("P8", "warning", "posts[1].posted_at")
    ]


def test_p8_insult_from_2022_07_07_has_three_years(make: Make) -> None:
    case = reported(make, "insult", day(2024, 1, 1))
    assert rules_police.p8_prosecution_limitation(case) == []
    assert rules_police.prosecution_period("insult", date(2022, 7, 7))[0] == 3


def test_p9_defamation_without_facts(make: Make) -> None:
    case = make(police={"offenses": ["defamation"]}, claim={"facts_alleged": None})
    assert found(rules_police.p9_offence_classification(case)) == [
        ("P9", "warning", "claim.facts_alleged")
    ]


def test_p9_insult_with_facts_suggests_defamation(make: Make) -> None:
    case = make(police={"offenses": ["insult"]})
    assert found(rules_police.p9_offence_classification(case)) == [
        ("P9", "warning", "police.offenses")
    ]


def test_p9_consistent_classification(make: Make) -> None:
    assert rules_police.p9_offence_classification(make(police={"offenses": ["defamation"]})) == []
    insult = make(police={"offenses": ["insult"]}, claim={"facts_alleged": None})
    assert rules_police.p9_offence_classification(insult) == []


def test_p9_publicness(make: Make) -> None:
    case = make(posts=[post(visibility="direct"), post(visibility="protected"), post()])
    assert found(rules_police.p9_publicness(case)) == [
        ("P9", "error", "posts[1].visibility"),
        ("P9", "warning", "posts[2].visibility"),
    ]
    assert rules_police.p9_publicness(make()) == []


# ---------------------------------------------------------------------------------------------
# wiring: each filing runs its rules
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filing", "code", "severity"),
    [
        ("deletion-request", "S2", "warning"),
        ("disclosure-petition", "S2", "error"),
        ("preservation-petition", "S2", "error"),
        ("police-report", "P9", "error"),
    ],
)
def test_filings_run_their_rules(make: Make, filing: str, code: str, severity: str) -> None:
    case = make(posts=[post(visibility="direct")])
    assert (code, severity, "posts[1].visibility") in found(filing_findings(case, FILINGS[filing]))


def test_p9_the_civil_insult_test_in_the_police_reports_wording_is_flagged(make: Make) -> None:
    civil = "社会通念上許される限度を超える侮辱である。"
    case = make(claim={"police-report": {"harm": civil}})
    assert found(rules_pleading.p9_civil_test_in_police_wording(case)) == [
        ("P9", "warning", "claim.police-report.harm")
    ]
    shared = make(claim={"harm": civil})  # not printed by the police report: no finding
    assert rules_pleading.p9_civil_test_in_police_wording(shared) == []


def test_d4_a_post_of_the_notice_without_a_printout(make: Make) -> None:
    assert found(rules_pleading.d4_posts_without_a_printout(make())) == [
        ("D4", "warning", "posts[1].evidence")
    ]
    offline = make(posts=[post(still_online=False)])
    assert rules_pleading.d4_posts_without_a_printout(offline) == []


def test_s14_after_a_provision_order_the_same_court_only(make: Make) -> None:
    pending = {"court": "tokyo", "number": "令和8年(発チ)第1号", "provision_order": True}
    same = make(case={"related_case": pending})
    assert rules_pleading.s14_same_court(same) == []
    other = make(case={"court": "osaka", "related_case": pending})
    assert found(rules_pleading.s14_same_court(other)) == [("S14", "error", "case.court")]
    voluntary = make(case={"court": "osaka", "related_case": {**pending, "provision_order": False}})
    assert found(rules_pleading.s14_same_court(voluntary)) == [("S14", "warning", "case.court")]


def test_l4_the_provision_that_named_the_access_provider_needs_its_evidence(make: Make) -> None:
    pending = {"court": "tokyo", "number": "令和8年(発チ)第1号", "provision_order": True}
    case = make(case={"related_case": pending}, access_provider={"ref": "docomo"})
    assert found(rules_pleading.l4_pleaded_steps_cite_evidence(case)) == [
        ("L4", "error", "access_provider.evidence")
    ]
    cited = make(
        case={"related_case": pending},
        access_provider={"ref": "docomo", "evidence": ["1"]},
        evidence=[{"id": "1", "title": "提供書"}],
    )
    assert rules_pleading.l4_pleaded_steps_cite_evidence(cited) == []


def test_s21_the_provisional_route_asks_for_ip_records(make: Make) -> None:
    login = make(disclosure={"items": ["login_ip", "login_at"]})
    assert rules_pleading.s21_provisional_items(login) == []
    mixed = make(disclosure={"items": ["phone", "login_ip"]})
    assert found(rules_pleading.s21_provisional_items(mixed)) == [
        ("S21", "warning", "disclosure.items")
    ]
    none = make(disclosure={"items": ["name", "address"]})
    assert found(rules_pleading.s21_provisional_items(none)) == [("S21", "error", "disclosure.items")]


def test_the_route_decides_which_petition_against_the_platform_is_due(make: Make) -> None:
    order = make()
    assert rules_pleading.route_is_provisional(order) is None
    assert rules_pleading.route_is_order(order) is not None
    provisional = make(disclosure={"route": "provisional"})
    assert rules_pleading.route_is_provisional(provisional) is not None
    assert rules_pleading.route_is_order(provisional) is None
    assert found(rules_pleading.s22_security(provisional)) == [("S22", "info", "disclosure.route")]


def test_second_stage_filings_wait_for_the_pending_case_and_the_provision_order(
    make: Make,
) -> None:
    first = make()
    assert rules_pleading.pending_case_needed(first) is not None
    assert rules_pleading.no_provision_order(first) is not None
    pending = {"court": "tokyo", "number": "令和8年(発チ)第1号"}
    voluntary = make(case={"related_case": pending})
    assert rules_pleading.pending_case_needed(voluntary) is None
    assert rules_pleading.no_provision_order(voluntary) is not None
    ordered = make(case={"related_case": {**pending, "provision_order": True}})
    assert rules_pleading.no_provision_order(ordered) is None


def test_e1_a_row_of_the_explanation_of_evidence_left_blank(make: Make) -> None:
    from docgen.filings import FILINGS

    explained = FILINGS["disclosure-petition-evidence"]
    full = {"id": "1", "title": "画面", "author": "代理人", "made_at": date(2026, 9, 2)}
    complete = make(evidence=[full | {"purpose": "投稿の存在"}], posts=[post(evidence=["1"])])
    assert [f for rule in explained.rules for f in rule(complete)] == []
    blank = make(evidence=[full], posts=[post(evidence=["1"])])
    assert found([f for rule in explained.rules for f in rule(blank)]) == [
        ("E1", "warning", "evidence[1].purpose")
    ]
