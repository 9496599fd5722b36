"""通知書 to the identified poster (brief §12.3): the victim, or the attorney on the victim's behalf,
tells the poster (``police.offender``) which posts infringed which rights, claims the damages by
head (``[damages].heads``) with their total, sets the payment deadline and the account, demands
that the posts be deleted and not repeated (and the apology, if asked), and says what follows if
the poster does not pay. A letter: です・ます, 通知人 / 貴殿, nothing attached by default."""

from __future__ import annotations

from docgen.case.model import Case, Evidence
from docgen.filings.base import Filing, Requirement
from docgen.filings.requirements import CONCEALED_ADDRESS_HAS_AN_OFFICE, HARM, POSTS, RIGHTS
from docgen.filings.voice import DEMAND_LETTER
from docgen.findings import Message
from docgen.law.rules.civil import DEMAND_LETTER_RULES


def nothing_attached(case: Case) -> list[Evidence]:
    """The letter goes to the poster, who knows the posts: it attaches nothing."""
    return []


def offender_has(key: str, document: Message) -> Requirement:
    """The identified poster's ``name`` or ``address``, which ``document`` is addressed to or
    names as the defendant."""
    name = {"name": ("氏名", "name"), "address": ("住所", "address")}[key]
    return Requirement(
        f"police.offender.{key}",
        lambda c: (
            c.police is not None
            and c.police.offender is not None
            and getattr(c.police.offender, key) is not None
        ),
        Message(
            f"{document.ja}は判明した発信者を相手とするため、その{name[0]}（開示された{name[0]}）が必要です",
            f"{document.en} is directed at the identified poster, so the poster's {name[1]} (as "
            "disclosed) is needed",
        ),
    )


LETTER = Message("通知書", "the letter")
OFFENDER_NAME = offender_has("name", LETTER)
OFFENDER_ADDRESS = offender_has("address", LETTER)
HEADS = Requirement(
    "damages.heads",
    lambda c: c.damages is not None and bool(c.damages.heads),
    Message(
        "請求する損害（慰謝料・調査費用・弁護士費用等）を少なくとも1つ記載する必要があります",
        "at least one head of damage (distress, investigation costs, attorney's fees …) is needed",
    ),
)

FILING = Filing(
    id="demand-letter",
    aliases=("demand",),
    title=Message("通知書", "Notice of Demand"),
    addressee=Message("発信者", "the poster"),
    stage="civil",
    voice=DEMAND_LETTER,
    attachments=nothing_attached,
    texts=("claim.facts_alleged", "claim.harm", "claim.no_justification", "damages.apology"),
    requirements=(
        CONCEALED_ADDRESS_HAS_AN_OFFICE,
        OFFENDER_NAME,
        OFFENDER_ADDRESS,
        POSTS,
        RIGHTS,
        HARM,
        HEADS,
        Requirement(
            "damages.pay_by",
            lambda c: c.damages is not None and c.damages.pay_by is not None,
            Message(
                "支払期限を示さなければ請求の期限が定まりません（民法412条3項）",
                "without a payment deadline the demand sets no time to pay (Civil Code 412(3))",
            ),
        ),
        Requirement(
            "damages.account",
            lambda c: c.damages is not None and c.damages.account is not None,
            Message("支払先の口座が必要です", "the account the payment is to go to is needed"),
        ),
    ),
    rules=DEMAND_LETTER_RULES,
)
