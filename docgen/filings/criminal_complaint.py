"""告訴状: the criminal complaint for defamation (刑法230条) or insult (231条), brief §5.2 and rules
P1–P7, P10, P12: 告訴人 / 被告訴人 (氏名不詳 until known), 告訴の趣旨 with the wish for punishment,
告訴事実 per post (date and time, the service, the words, publicness), 告訴に至る経緯, 証拠資料,
添付書類; to the police station (署長) or, with ``police.prosecutors_office``, to the district public
prosecutors office (検事正). The complainant is the victim, or ``police.complainant`` (the legal
representative, or a relative of a victim who has died, CCP 231, 233): the victim is then named
apart as 被害者 and the complaint says under which provision the complainant complains."""

from __future__ import annotations

from docgen.filings.base import Filing, Requirement, every_exhibit
from docgen.filings.requirements import CONCEALED_ADDRESS_HAS_AN_OFFICE, POSTS
from docgen.filings.voice import CRIMINAL_COMPLAINT
from docgen.findings import Message
from docgen.law.rules.complaint import RULES as COMPLAINT_RULES
from docgen.law.rules.police import (
    p8_prosecution_limitation,
    p9_offence_classification,
    p9_publicness,
)

FILING = Filing(
    id="criminal-complaint",
    aliases=("complaint", "kokuso"),
    title=Message("告訴状", "Criminal Complaint"),
    addressee=Message("警察署長", "the chief of police"),
    stage="police",
    requirements=(
        CONCEALED_ADDRESS_HAS_AN_OFFICE,
        POSTS,
        Requirement(
            "case.police_station",
            lambda c: (
                c.case.police_station is not None
                or (c.police is not None and c.police.prosecutors_office is not None)
            ),
            Message(
                "告訴状の宛先（警察署（case.police_station）又は検察庁（police.prosecutors_office））"
                "が必要です（刑事訴訟法241条1項）",
                "the complaint must be addressed to the police (case.police_station) or a public "
                "prosecutors office (police.prosecutors_office) (Code of Criminal Procedure 241(1))",
            ),
            code="P2",
        ),
        Requirement(
            "police.offenses",
            lambda c: c.police is not None and bool(c.police.offenses),
            Message(
                "告訴する罪名（名誉毀損又は侮辱）が必要です",
                "the offence complained of (defamation or insult) is needed",
            ),
            code="P9",
        ),
        Requirement(
            "police.wants_punishment",
            lambda c: c.police is not None and c.police.wants_punishment is True,
            Message(
                "告訴は処罰を求める意思表示です。police.wants_punishment = true が必要です",
                "a complaint is the expression of a wish for punishment: "
                "police.wants_punishment = true is needed",
            ),
            code="P3",
        ),
    ),
    rules=(*COMPLAINT_RULES, p8_prosecution_limitation, p9_offence_classification, p9_publicness),
    voice=CRIMINAL_COMPLAINT,
    texts=("police.circumstances", "claim.facts_alleged", "claim.harm"),
    shared_claim=False,
    attachments=every_exhibit,
)
