"""What a filing declares: its id, aliases, titles, the facts it requires, its rules, its templates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from docgen.case.model import Case
from docgen.law.findings import Finding, Message, Severity

Rule = Callable[[Case], list[Finding]]


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
    exhibit_prefix: Message = Message("甲", "Exhibit")
    court_exhibits: bool = True
    """False for letters and police reports: attachments are 資料1, not 甲第1号証."""

    @property
    def template_name(self) -> str:
        return self.id

    def missing_facts(self, case: Case) -> list[Finding]:
        return [r.finding() for r in self.requirements if not r.present(case)]

    def supported_by(self, case: Case) -> bool:
        """Whether the case holds every fact this filing requires (``render all`` uses this)."""
        return not any(r.severity == "error" and not r.present(case) for r in self.requirements)

    def names(self) -> Sequence[str]:
        return (self.id, *self.aliases)
