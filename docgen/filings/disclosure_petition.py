"""発信者情報開示命令申立書 (with 提供命令 / 消去禁止命令) against the content provider."""

from __future__ import annotations

from docgen.filings.base import Filing
from docgen.filings.requirements import (
    COURT,
    HARM,
    IDENTIFICATION,
    ITEMS,
    NO_JUSTIFICATION,
    PLATFORM,
    POSTS,
    PURPOSES,
    RIGHTS,
    SUPPLEMENTARITY,
)
from docgen.law.findings import Message

FILING = Filing(
    id="disclosure-petition",
    aliases=("petition", "disclosure"),
    title=Message(
        "発信者情報開示命令申立書",
        "Petition for a Sender Identification Information Disclosure Order",
    ),
    addressee=Message("裁判所", "the court"),
    requirements=(
        COURT,
        PLATFORM,
        POSTS,
        RIGHTS,
        IDENTIFICATION,
        HARM,
        NO_JUSTIFICATION,
        PURPOSES,
        ITEMS,
        SUPPLEMENTARITY,
    ),
)
