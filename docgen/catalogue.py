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
        "S24",  # to whom the out-of-court disclosure request goes (platform or access provider)
        "S25",  # items the addressee of the disclosure request does not hold
        "L4",  # a provisional disposition's pleaded steps cite their evidence
        "L5",  # a mobile carrier may want a disclosure request with the log-preservation letter
        "P13",  # a victim report is no complaint; the victim's wish about punishment
        "E1",  # a 証拠説明書 row without author, date or purpose
        "C2",  # a damages head of kind "other" without a title
        "C3",  # attorney fees much above the customary ~10 % of the other heads
        "C4",  # the demand letter's payment deadline not after its date, or very short
        "C5",  # the statutory delay rate for torts from 2026-04-01 unconfirmed; rates differ
        "C6",  # the court the complaint for damages goes to, and why
        "C7",  # no 名誉感情 for a corporate plaintiff
        "C8",  # a damages head without its basis
        "C9",  # delay damages starting before the tort
        "C10",  # the apology asked in the letter is not claimed in the complaint
        "C11",  # a concealed plaintiff's address needs the court's secrecy order (民訴法133条)
        "V1",  # a victim's statement speaking of the victim in the third person
        "V2",  # a victim's statement not listed as [[evidence]] of kind "statement"
        "V3",  # a victim's statement mixing です・ます into its である style
    }
)
"""The ids docgen adds, documented in README.md ("Findings")."""

RULE_IDS = BRIEF_RULES | DOCGEN_RULES
