"""発信者情報消去禁止仮処分命令申立書: keep the access provider from erasing its logs."""

from __future__ import annotations

from docgen.filings.base import CLAIM_PLEADING, Filing, Requirement
from docgen.filings.requirements import (
    AGAINST_THE_ACCESS_PROVIDER,
    CONNECTIONS,
    DISCLOSURE_CLAIM_RULES,
)
from docgen.filings.voice import PROVISIONAL_DISPOSITION
from docgen.findings import Message
from docgen.law.fees import provisional_disposition_stamp
from docgen.law.rules.logs import (
    l1_connection_retention,
    l3_connection_identifiers,
    s14_related_case,
)
from docgen.law.rules.pleading import (
    l4_pleaded_steps_cite_evidence,
    x2_access_provider_representative,
)

FILING = Filing(
    id="preservation-petition",
    aliases=("preservation",),
    title=Message(
        "発信者情報消去禁止仮処分命令申立書",
        "Petition for Provisional Disposition Prohibiting Erasure of Sender Identification "
        "Information",
    ),
    addressee=Message("裁判所", "the court"),
    voice=PROVISIONAL_DISPOSITION,
    uses_connections=True,
    stamp=provisional_disposition_stamp,
    texts=(*CLAIM_PLEADING, "claim.necessity", "disclosure.purpose_note"),
    stage="preservation",
    requirements=(
        *AGAINST_THE_ACCESS_PROVIDER,
        CONNECTIONS,
        Requirement(
            "claim.necessity",
            None,
            Message(
                "保全の必要性（本案前にログの保存期間が経過すること）を主張する必要があります",
                "the necessity of preservation (logs lapse before a merits decision) must be pleaded",
            ),
            code="L2",
        ),
    ),
    rules=(
        *DISCLOSURE_CLAIM_RULES,
        s14_related_case,
        l1_connection_retention,
        l3_connection_identifiers,
        l4_pleaded_steps_cite_evidence,
        x2_access_provider_representative,
    ),
)
