"""What a filing declares: its id, aliases, titles, the facts it requires, its rules, its templates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from docgen.case.markup import cited_ids
from docgen.case.model import Case, ClaimText, Evidence, L, LocalizedTable, Post
from docgen.filings.voice import PETITION, Voice
from docgen.findings import Finding, Message, Severity
from docgen.law.fees import no_fee

Rule = Callable[[Case], list[Finding]]
Stage = Literal["deletion", "disclosure", "preservation", "police", "civil"]
STAGES: tuple[Stage, ...] = ("deletion", "disclosure", "preservation", "police", "civil")
"""The steps of a matter, in the order ``docgen list`` shows the filings."""

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


def text_at(case: Case, filing_id: str, dotted: str) -> tuple[str, L | None]:
    """(key path, value) of a prose key, in ``filing_id``'s own ``[claim.<filing>]`` wording if it
    gives one (claim texts, and ``disclosure.supplementarity``)."""
    table, key = dotted.split(".", 1)
    if table == "claim":
        claim_key: ClaimText = key  # type: ignore[assignment]  # filings declare valid keys
        return case.claim.wording(filing_id, claim_key)
    own = case.claim.own_wording(filing_id, key)  # e.g. [claim.disclosure-request] supplementarity
    if own[1] is not None:
        return own
    owner = getattr(case, table)
    return dotted, None if owner is None else getattr(owner, key)


def _languages(value: L) -> list[str]:
    if isinstance(value, LocalizedTable):
        return [t for t in (value.ja, value.en) if t]
    return [value]


@dataclass(frozen=True)
class Requirement:
    """A fact the filing cannot be drafted without, and why the filing needs it."""

    path: str
    present: Callable[[Case], bool] | None
    """None for a claim text (``claim.harm``): present in the shared or the filing's own wording."""
    why: Message
    code: str = "required"
    severity: Severity = "error"

    def met(self, case: Case, filing_id: str) -> bool:
        if self.present is not None:
            return self.present(case)
        return text_at(case, filing_id, self.path)[1] is not None

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
    stage: Stage
    """The step of the matter it belongs to."""
    rules: tuple[Rule, ...] = field(default=())
    voice: Voice = PETITION
    texts: tuple[str, ...] = CLAIM_PLEADING
    """The case-file prose it prints (dotted key paths; claim texts may be worded per filing)."""
    shared_claim: bool = True
    """False when it prints only its own ``[claim.<id>]`` wording, never the shared texts."""
    posts_of: Callable[[Case], list[Post]] = every_post
    """The posts it concerns, numbered 1… in it."""
    attachments: Callable[[Case], list[Evidence]] | None = None
    """What a letter or report attaches; None: a court filing lists the exhibits it cites."""
    tables: tuple[str, ...] = ()
    """Case-file tables it reads beyond those its requirements name (``docgen init`` writes them)."""
    uses_connections: bool = False
    """It pleads the logged connections (and the WHOIS lookup behind ``access_provider``)."""
    template: str = ""
    """The templates' name when it is not the id (the 証拠説明書 of every court filing)."""
    stamp: Callable[[Case], int | None] = no_fee
    """Revenue stamps (収入印紙) it needs, in yen; None out of court."""
    parent: Filing | None = None
    """The filing it accompanies (a 証拠説明書 accompanies a petition)."""
    not_now: Callable[[Case], Finding | None] = always_applies
    """Why the matter's stage calls for no such filing (a pending duplicate, nothing left to
    remove), or None: ``render all`` then skips it, and asking for it is an error."""

    @property
    def template_name(self) -> str:
        return self.template or self.id

    def exhibits(self, case: Case) -> list[Evidence]:
        """Its exhibits or attachments in ``[[evidence]]`` order, numbered 1… in it: what it
        attaches, or for a court filing the evidence it cites (posts, connections, its prose)."""
        if self.attachments is not None:
            return self.attachments(case)
        cited = {ref for post in self.posts_of(case) for ref in post.evidence}
        if self.uses_connections:
            cited |= {ref for c in case.connections for ref in c.evidence}
            cited |= set(case.access_provider.evidence if case.access_provider else [])
        for dotted in self.texts:
            _, value = text_at(case, self.id, dotted)
            for text in _languages(value) if value is not None else []:
                cited |= set(cited_ids(text))
        return [e for e in case.evidence if e.id in cited]

    def missing_facts(self, case: Case) -> list[Finding]:
        return [r.finding() for r in self.requirements if not r.met(case, self.id)]

    def supported_by(self, case: Case) -> bool:
        """Whether the case holds every fact this filing requires and its stage calls for it
        (``render all`` uses this)."""
        if self.not_now(case) is not None:
            return False
        if self.parent is not None and not self.parent.supported_by(case):
            return False
        return not any(
            r.severity == "error" and not r.met(case, self.id) for r in self.requirements
        )

    def names(self) -> Sequence[str]:
        return (self.id, *self.aliases)
