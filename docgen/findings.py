"""A finding: one thing a careful lawyer would point out about a case, with where and why."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

Language = Literal["ja", "en"]
"""The two languages docgen writes and speaks."""
LANGUAGES: tuple[Language, ...] = ("ja", "en")


def as_language(name: str) -> Language:
    """``name`` (a choice already validated) as a :data:`Language`."""
    if name == "ja":
        return "ja"
    if name == "en":
        return "en"
    raise ValueError(f"not a language docgen writes: {name!r}")
Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Message:
    """The same sentence in Japanese and in English."""

    ja: str
    en: str

    def in_language(self, lang: Language) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Finding:
    """``code`` is a rule id of the brief's §9 (X1, S4, …) or ``schema`` for a structural problem."""

    code: str
    severity: Severity
    path: str
    message: Message
    basis: str = ""
    line: int | None = None

    def with_line(self, line: int | None) -> Finding:
        return replace(self, line=line)

    def as_json(self, lang: Language) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message.in_language(lang),
            "basis": self.basis,
        }
        if self.line is not None:
            data["line"] = self.line
        return data


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then infos; within each, in the order they were found."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for finding in findings:
        key = (finding.code, finding.path, finding.message.en)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique
