"""The rule catalogue of the domain brief §9: legal checks as pure functions of a case.

``general_rules`` apply whatever is filed; each filing adds its own through ``Filing.rules``.
"""

from __future__ import annotations

from docgen.case.model import Case
from docgen.law.findings import Finding


def general_rules(case: Case) -> list[Finding]:
    return []
