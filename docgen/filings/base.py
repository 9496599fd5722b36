"""What a filing declares: its id, aliases, titles, the facts it requires, its rules, its templates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from docgen.case.model import Case, Evidence, Post
from docgen.filings.voice import PETITION, Voice
from docgen.law.findings import Finding, Message, Severity

Rule = Callable[[Case], list[Finding]]

CLAIM_PLEADING = (
    "claim.identification",
    "claim.facts_alleged",
    "claim.harm",
    "claim.no_justification",
)
"""The claim texts every filing that pleads the infringement prints."""


def always_applies(case: Case) -> Finding | None:
    return None


def every_post(case: Case) -> list[Post]:
    return list(case.posts)


def every_exhibit(case: Case) -> list[Evidence]:
    return list(case.evidence)


@dataclass(frozen=True)
class Requirement:
    """A fact the filing cannot be drafted without, and why the filing needs it."""

    path: str
    present: Callable[[Case], bool]
    why: Message
    code: str = "required"
    severity: Severity = "error"

    def finding(self) -> Finding:
        return Finding(
            self.code,
            self.severity,
            self.path,
            Message(
                ja=f"`{self.path}` がありません: {self.why.ja}",
                en=f"`{self.path}` is missing: {self.why.en}",
            ),
        )


@dataclass(frozen=True)
class Filing:
    id: str
    aliases: tuple[str, ...]
    title: Message
    addressee: Message
    requirements: tuple[Requirement, ...]
    rules: tuple[Rule, ...] = field(default=())
    voice: Voice = PETITION
    texts: tuple[str, ...] = CLAIM_PLEADING
    """The case-file prose it prints (dotted key paths; claim texts may be worded per filing)."""
    shared_claim: bool = True
    """False when it prints only its own ``[claim.<id>]`` wording, never the shared texts."""
    posts_of: Callable[[Case], list[Post]] = every_post
    """The posts it concerns, numbered 1… in it."""
    evidence_of: Callable[[Case], list[Evidence]] = every_exhibit
    """The exhibits or attachments it lists, numbered 1… in it."""
    not_now: Callable[[Case], Finding | None] = always_applies
    """Why the matter's stage calls for no such filing (a pending duplicate, nothing left to
    remove), or None: ``render all`` then skips it, and asking for it is an error."""

    @property
    def template_name(self) -> str:
        return self.id

    def missing_facts(self, case: Case) -> list[Finding]:
        return [r.finding() for r in self.requirements if not r.present(case)]

    def supported_by(self, case: Case) -> bool:
        """Whether the case holds every fact this filing requires and its stage calls for it
        (``render all`` uses this)."""
        if self.not_now(case) is not None:
            return False
        return not any(r.severity == "error" and not r.present(case) for r in self.requirements)

    def names(self) -> Sequence[str]:
        return (self.id, *self.aliases)
