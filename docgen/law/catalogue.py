"""The rule ids findings carry: the brief's §9 catalogue and the ones docgen adds to it.

Every id a case may name in ``case.acknowledged`` is one of these, so a typo there is an error.
"""

from __future__ import annotations


def _series(prefix: str, last: int) -> frozenset[str]:
    return frozenset(f"{prefix}{n}" for n in range(1, last + 1))


BRIEF_RULES = (
    _series("X", 11) | _series("D", 15) | _series("S", 22) | _series("L", 3) | _series("P", 12)
) | {"C1"}
"""The ids of the brief's §9."""

DOCGEN_RULES = frozenset(
    {
        "X12",  # another procedure's party terms or raw exhibit labels in prose (brief §12.4)
        "D16",  # a post already offline: nothing to ask removed
        "S23",  # a second petition against the platform while one is pending
        "L4",  # a provisional disposition's pleaded steps cite their evidence
        "P13",  # a victim report is no complaint; the victim's wish about punishment
        "E1",  # a 証拠説明書 row without author, date or purpose
    }
)
"""The ids docgen adds, documented in README.md ("Findings")."""

RULE_IDS = BRIEF_RULES | DOCGEN_RULES
