"""Each procedure's own voice: what it calls the parties and how it labels and cites exhibits.

A disclosure petition speaks of 申立人 / 相手方 and 甲第1号証 （甲1）; a provisional disposition of
債権者 / 債務者 and 疎甲第1号証 （疎甲1）; a letter to the platform of 依頼者 / 貴社 and 資料1; a police
report of 被害者 and 資料1. Case-file prose names parties and exhibits with the references of
:mod:`docgen.case.markup`, and the filing's voice writes them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docgen.findings import Language, Message


@dataclass(frozen=True)
class ExhibitStyle:
    """How a procedure numbers its exhibits: 甲第1号証 （甲1）, or 資料1 for a letter."""

    prefix: Message
    """甲 / Exhibit; 疎甲 / Prima Facie Exhibit; 資料 / Attachment."""
    court: bool
    """A court's 号証 numbering (甲第1号証) rather than a letter's plain 資料1."""

    def label(self, number: int, lang: Language) -> str:
        """甲第1号証 / 疎甲第1号証 / 資料1 / Exhibit 1: the exhibit's name in a list."""
        if lang == "ja" and self.court:
            return f"{self.prefix.ja}第{number}号証"
        return self.short(number, lang)

    def short(self, number: int, lang: Language) -> str:
        """甲1 / 疎甲1 / 資料1 / Exhibit 1: the form used inside a citation."""
        return f"{self.prefix.ja}{number}" if lang == "ja" else f"{self.prefix.en} {number}"

    def cite(self, numbers: Sequence[int], lang: Language) -> str:
        """（甲1、甲4） / (Exhibits 1 and 4): a citation in the text."""
        if lang == "ja":
            return "（" + "、".join(self.short(n, lang) for n in numbers) + "）"
        return "(" + self.name(numbers, lang) + ")"

    def name(self, numbers: Sequence[int], lang: Language) -> str:
        """甲第1号証、甲第4号証 / Exhibits 1 and 4: exhibits named in running text."""
        if lang == "ja":
            return "、".join(self.label(n, lang) for n in numbers)
        if len(numbers) == 1:
            return f"{self.prefix.en} {numbers[0]}"
        listed = [str(n) for n in numbers]
        return f"{self.prefix.en}s {', '.join(listed[:-1])} and {listed[-1]}"


COURT_EXHIBITS = ExhibitStyle(Message("甲", "Exhibit"), court=True)
PRIMA_FACIE_EXHIBITS = ExhibitStyle(Message("疎甲", "Prima Facie Exhibit"), court=True)
ATTACHMENTS = ExhibitStyle(Message("資料", "Attachment"), court=False)


@dataclass(frozen=True)
class Voice:
    """The party terms and exhibit style of one procedure."""

    victim: Message
    respondent: Message
    exhibits: ExhibitStyle
    court: bool = False
    """A court filing: another procedure's words in it are errors, not warnings."""
    forwarded: bool = False
    """The platform forwards it to the poster: no private evidence, and no other voice's words."""
    victim_in_person: Message | None = None
    """The victim's term when no attorney acts (a letter the victim sends in person)."""

    def victim_term(self, has_attorney: bool) -> Message:
        if not has_attorney and self.victim_in_person is not None:
            return self.victim_in_person
        return self.victim

    def own_terms(self) -> frozenset[str]:
        terms = [self.victim, self.respondent, self.victim_in_person]
        return frozenset(t for m in terms if m for t in (m.ja, m.en))

    @property
    def strict(self) -> bool:
        """Whether a foreign word in its text is an error (court filings, forwarded letters)."""
        return self.court or self.forwarded


PETITION = Voice(
    Message("申立人", "the petitioner"),
    Message("相手方", "the respondent"),
    COURT_EXHIBITS,
    court=True,
)
PROVISIONAL_DISPOSITION = Voice(
    Message("債権者", "the obligee"),
    Message("債務者", "the obligor"),
    PRIMA_FACIE_EXHIBITS,
    court=True,
)
NOTICE_TO_PLATFORM = Voice(
    Message("依頼者", "our client"),
    Message("貴社", "your company"),
    ATTACHMENTS,
    forwarded=True,
    victim_in_person=Message("申出者", "the requester"),
)
NOTICE_OF_FILING = Voice(
    Message("申立人", "the petitioner"),
    Message("貴社", "your company"),
    ATTACHMENTS,
)
"""A letter to the respondent of the pending case, written as its petitioner."""
DISCLOSURE_REQUEST = Voice(
    Message("請求者", "the requester"),
    Message("貴社", "your company"),
    ATTACHMENTS,
    forwarded=True,
)
"""The TELESA out-of-court disclosure request: the provider sends it to the poster for comment
(意見照会), so it is forwarded like the deletion request; the victim is 請求者 in the form."""
LETTER_TO_ACCESS_PROVIDER = Voice(
    Message("依頼者", "our client"),
    Message("貴社", "your company"),
    ATTACHMENTS,
    victim_in_person=Message("要請者", "the requester"),
)
"""The letter asking the access provider to preserve its logs (not forwarded to anyone)."""
CRIMINAL_COMPLAINT = Voice(
    Message("告訴人", "the complainant"),
    Message("被告訴人", "the accused"),
    ATTACHMENTS,
)
POLICE_REPORT = Voice(
    Message("被害者", "the victim"),
    Message("犯人", "the offender"),
    ATTACHMENTS,
)
DEMAND_LETTER = Voice(
    Message("通知人", "our client"),
    Message("貴殿", "you"),
    ATTACHMENTS,
    victim_in_person=Message("通知人", "the sender"),
)
"""The letter to the identified poster: the victim (通知人, also when writing in person) to 貴殿."""
CIVIL_SUIT = Voice(
    Message("原告", "the plaintiff"),
    Message("被告", "the defendant"),
    COURT_EXHIBITS,
    court=True,
)
"""The complaint for damages against the identified poster: 原告 / 被告, 甲号証."""
VICTIM_STATEMENT = Voice(
    Message("私", "I"),
    Message("投稿者", "the poster"),
    ATTACHMENTS,
)
"""The victim's own statement (陳述書): the victim speaks in the first person."""

PARTY_TERMS: dict[str, tuple[str, ...]] = {
    "ja": (
        "申立人",
        "相手方",
        "債権者",
        "債務者",
        "依頼者",
        "貴社",
        "申出者",
        "告訴人",
        "被告訴人",
        "請求者",
        "要請者",
    ),
    "en": (
        "petitioner",
        "respondent",
        "obligee",
        "obligor",
        "creditor",
        "debtor",
        "our client",
        "your company",
        "requester",
        "complainant",
        "the accused",
    ),
}
"""Words that name a party in some procedure: typed raw into shared prose, they leak into others."""
