"""被害届: the victim's report of the offence to the police station."""

from __future__ import annotations

from docgen.filings.base import Filing, Requirement, every_exhibit
from docgen.filings.requirements import CONCEALED_ADDRESS_HAS_AN_OFFICE, POSTS
from docgen.filings.voice import POLICE_REPORT
from docgen.findings import Message
from docgen.law.rules.pleading import p9_civil_test_in_police_wording, p13_punishment
from docgen.law.rules.police import (
    p8_prosecution_limitation,
    p9_offence_classification,
    p9_publicness,
)

FILING = Filing(
    id="police-report",
    aliases=("police",),
    title=Message("被害届", "Crime Victim Report"),
    voice=POLICE_REPORT,
    attachments=every_exhibit,
    texts=("police.circumstances", "claim.harm", "claim.facts_alleged"),
    shared_claim=False,
    addressee=Message("警察署長", "the chief of police"),
    stage="police",
    requirements=(
        CONCEALED_ADDRESS_HAS_AN_OFFICE,
        Requirement(
            "case.police_station",
            lambda c: c.case.police_station is not None,
            Message(
                "被害届の宛先となる警察署が必要です",
                "the police station it is addressed to is needed",
            ),
            code="P11",
        ),
        Requirement(
            "police.offenses",
            lambda c: c.police is not None and bool(c.police.offenses),
            Message(
                "届け出る罪名（名誉毀損又は侮辱）が必要です",
                "the offence reported (defamation or insult) is needed",
            ),
            code="P11",
        ),
        Requirement(
            "police.circumstances",
            lambda c: c.police is not None and c.police.circumstances is not None,
            Message(
                "被害の模様を記載する必要があります", "the circumstances of the damage are needed"
            ),
            code="P11",
        ),
        Requirement(
            "victim.birth_date",
            lambda c: c.victim.kind == "corporation" or c.victim.birth_date is not None,
            Message(
                "被害者の年齢を記載するため生年月日が必要です",
                "the victim's age (birth date) is needed",
            ),
            code="P11",
        ),
        POSTS,
    ),
    rules=(
        p8_prosecution_limitation,
        p9_offence_classification,
        p9_publicness,
        p13_punishment,
        p9_civil_test_in_police_wording,
    ),
)
