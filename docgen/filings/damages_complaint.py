"""損害賠償請求訴状: the complaint for damages against the identified poster (Civil Code 709, 710;
brief §12.3). 原告 / 被告 and 甲号証; 請求の趣旨 with the principal and delay damages from the tort,
請求の原因 (the parties, the posts, the infringement as the claim's rights say, no justification,
how the poster was identified, each head of damage with its basis), 証拠方法, 附属書類; the value
of the claim and the revenue stamps of 民事訴訟費用等に関する法律 別表第一; the court chosen from
the amount and the place (rule C6) unless ``damages.court`` names it."""

from __future__ import annotations

from docgen.case.markup import cited_ids
from docgen.case.model import Case, Evidence
from docgen.filings.base import CLAIM_PLEADING, Filing, Requirement, text_at
from docgen.filings.demand_letter import HEADS, offender_has
from docgen.filings.requirements import CONCEALED_ADDRESS_HAS_AN_OFFICE, PLEADED_INFRINGEMENT
from docgen.filings.voice import CIVIL_SUIT
from docgen.findings import Message
from docgen.law.common import texts
from docgen.law.fees import damages_complaint_stamp
from docgen.law.rules.civil import COMPLAINT_RULES, DAMAGES_COMPLAINT, complaint_court

FILING_ID = DAMAGES_COMPLAINT
TEXTS = CLAIM_PLEADING


def exhibits(case: Case) -> list[Evidence]:
    """The evidence the complaint cites: the posts', its pleaded texts' and each head's basis."""
    cited = {ref for post in case.posts for ref in post.evidence}
    values = [text_at(case, FILING_ID, dotted)[1] for dotted in TEXTS]
    values += [head.basis for head in case.damages.heads] if case.damages else []
    for value in values:
        for text in texts(value):
            cited |= set(cited_ids(text))
    return [e for e in case.evidence if e.id in cited]


COMPLAINT = Message("訴状", "the complaint")

FILING = Filing(
    id=FILING_ID,
    aliases=("damages", "lawsuit"),
    title=Message("訴状", "Complaint for Damages"),
    addressee=Message("裁判所", "the court"),
    stage="civil",
    voice=CIVIL_SUIT,
    texts=TEXTS,
    attachments=exhibits,
    stamp=damages_complaint_stamp,
    requirements=(
        CONCEALED_ADDRESS_HAS_AN_OFFICE,
        offender_has("name", COMPLAINT),
        offender_has("address", COMPLAINT),
        *PLEADED_INFRINGEMENT,
        HEADS,
        Requirement(
            "damages.court",
            lambda c: complaint_court(c).court is not None,
            Message(
                "訴状の提出先が定まりません。`case.court` が組込みの裁判所（`tokyo`、`osaka`）でないか"
                "記載がないため、`damages.court` に裁判所を指定してください",
                "no court for the complaint: case.court is missing or not a built-in court "
                "(tokyo, osaka), so name the court in damages.court",
            ),
            code="C6",
        ),
    ),
    rules=COMPLAINT_RULES,
)
