"""References inside case-file prose: exhibits and party roles, resolved per filing.

One claim text serves several procedures, so it names exhibits and parties by what they are, and
each filing writes them in its own voice (``docs/case-file.md``, "References in prose"):

- ``{ev:4}`` cites the exhibit whose ``[[evidence]]`` id is ``4``: （甲4） in a disclosure petition,
  （疎甲4） in a provisional disposition, （資料4） in a letter, (Exhibit 4) in English;
  ``{ev:4,7}`` cites several: （甲4、甲7）, (Exhibits 4 and 7).
- ``{exhibit:4}`` names it without parentheses: 甲第4号証, 疎甲第4号証, 資料4, Exhibit 4.
- ``{victim}`` / ``{respondent}`` are the parties in the filing's own terms (申立人 / 相手方,
  債権者 / 債務者, 依頼者 / 貴社, …); ``{Victim}`` / ``{Respondent}`` start an English sentence.
- ``{{ev:4}}`` (doubled braces) writes ``{ev:4}`` itself; other text, ``{{ x }}`` included, is left
  exactly as written.

Everything else in a value is data. This module only parses; :mod:`docgen.render.context` resolves.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_NAMES = r"(?:ev|exhibit):[^{}\n]*|[Vv]ictim|[Rr]espondent"
REFERENCE = re.compile(
    r"\{\{(?P<literal>" + _NAMES + r")\}\}"
    r"|\{(?P<kind>ev|exhibit):(?P<ids>[^{}\n]*)\}"
    r"|\{(?P<role>[Vv]ictim|[Rr]espondent)\}"
)
LOOKS_LIKE_A_REFERENCE = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_]+)(?::[^{}\n]*)?\}(?!\})")
KNOWN_NAMES = ("ev", "exhibit", "victim", "respondent")


@dataclass(frozen=True)
class ExhibitReference:
    ids: tuple[str, ...]
    cited: bool
    """True for ``{ev:…}`` (in parentheses, as a citation), False for ``{exhibit:…}``."""


ExhibitWriter = Callable[[ExhibitReference], str]
RoleWriter = Callable[[str], str]


def split_ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[,、，]", text) if part.strip())


def exhibit_references(text: str) -> Iterator[ExhibitReference]:
    for match in REFERENCE.finditer(text):
        if match.group("kind"):
            yield ExhibitReference(split_ids(match.group("ids")), match.group("kind") == "ev")


def cited_ids(text: str) -> list[str]:
    """Every evidence id ``text`` refers to, in order, each once."""
    ids = (i for ref in exhibit_references(text) for i in ref.ids)
    return list(dict.fromkeys(ids))


def unknown_references(text: str) -> list[tuple[str, str | None]]:
    """``{name…}`` forms that look like a reference but are none: (the form, a suggestion)."""
    found = []
    for match in LOOKS_LIKE_A_REFERENCE.finditer(REFERENCE.sub("", text)):
        name = match.group("name")
        if name.lower() in KNOWN_NAMES:
            continue  # e.g. `{ev}` without ids, or `{VICTIM}`
        close = difflib.get_close_matches(name.lower(), (*KNOWN_NAMES, "evidence"), 1, 0.5)
        suggestion = {"evidence": "ev"}.get(close[0], close[0]) if close else None
        found.append((match.group(0), suggestion))
    return found


def resolve(text: str, exhibit: ExhibitWriter, role: RoleWriter) -> str:
    """``text`` with every reference written out and every doubled one made literal."""

    def write(match: re.Match[str]) -> str:
        if match.group("literal"):
            return "{" + match.group("literal") + "}"
        if match.group("kind"):
            ids = split_ids(match.group("ids"))
            return exhibit(ExhibitReference(ids, match.group("kind") == "ev"))
        return role(match.group("role"))

    return REFERENCE.sub(write, text)


def without_references(text: str) -> str:
    """``text`` with the references (and their literal forms) taken out: what was typed raw."""
    return REFERENCE.sub(" ", text)
