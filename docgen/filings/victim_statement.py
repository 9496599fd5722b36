"""陳述書: the victim's statement, a draft the victim reviews, signs and seals, offered as an
exhibit (brief §5.2 立証方法, §12.1; D10 asks for it when falsity is pleaded).

Written in the victim's first person (私 / "I") and in である調, the style of the house's court
papers: 1 私について, 2 本件投稿を見つけた経緯 (when each post was found, its date, URL and words),
3 受けた被害, 4 これまでの対応 (only what the case file records: the attorney, the disclosure
cases, the day the poster became known), 5 望むこと (the deletion of the posts still online, the
punishment the victim wants). A corporation's statement is made by its representative, in the
representative's first person, on behalf of the company.

Its prose comes only from ``[claim.victim-statement]`` (``identification`` → 1, ``facts_alleged``
and ``no_justification`` → 2, ``harm`` → 3): the shared ``[claim]`` texts are a lawyer's
third-person pleading and are never printed here, so ``harm`` in the victim's own words is
required. It cites no exhibit numbers: it is itself an exhibit, numbered by each filing that
offers it (甲 in a petition or the damages suit, 疎甲 in a provisional disposition, 資料 with a
complaint), so a number inside it would be wrong in some of them.

It is addressed to the court of ``case.court`` (the court's name only: it is offered in
several proceedings, and each filing names its own division and case).

Stage: ``civil``. The statement is the victim's proof of the harm suffered in the victim's own
words, which is what the claim for damages (慰謝料) against the identified poster turns on; the
disclosure petitions are judged on the posts themselves and need it only where falsity must be
shown (D10), and a complaint lists it among its means of proof. So it belongs with the claim for
damages, the last step, and is written once the matter's facts are complete.
"""

from __future__ import annotations

from docgen.case.model import Case, Evidence
from docgen.filings.base import Filing, Requirement
from docgen.filings.requirements import POSTS
from docgen.filings.voice import VICTIM_STATEMENT
from docgen.findings import Message
from docgen.law.rules.statement import RULES as STATEMENT_RULES


def no_exhibits(case: Case) -> list[Evidence]:
    """A statement cites no exhibit: each filing offering it numbers the exhibits its own way."""
    return []


def _own_harm(case: Case) -> bool:
    own = case.claim.victim_statement
    return own is not None and own.harm is not None


FILING = Filing(
    id="victim-statement",
    aliases=("statement", "chinjutsusho"),
    title=Message("陳述書", "Statement"),
    addressee=Message("裁判所", "the court"),
    stage="civil",
    requirements=(
        POSTS,
        Requirement(
            "claim.victim-statement.harm",
            _own_harm,
            Message(
                "陳述書は被害者自身が一人称（私）で述べる書面です。受けた被害を被害者の言葉で "
                "[claim.victim-statement] の harm に書いてください（[claim] の harm は代理人が"
                "三人称で書いた主張なので、陳述書には使いません）",
                "a statement is the victim's own account in the first person (“I”): write the "
                "harm suffered, in the victim's words, as `harm` in [claim.victim-statement] (the "
                "shared [claim] harm is the lawyer's third-person pleading and is never used in a "
                "statement)",
            ),
        ),
        Requirement(
            "victim.representative",
            lambda c: c.victim.kind != "corporation" or c.victim.representative is not None,
            Message(
                "法人の陳述書は代表者が法人を代表して作成し署名押印します。代表者の資格と氏名"
                "（`victim.representative`）が必要です",
                "a corporation's statement is made, signed and sealed by its representative on "
                "its behalf: the representative's title and name (`victim.representative`) are "
                "needed",
            ),
        ),
    ),
    rules=STATEMENT_RULES,
    voice=VICTIM_STATEMENT,
    texts=(
        "claim.identification",
        "claim.facts_alleged",
        "claim.no_justification",
        "claim.harm",
    ),
    shared_claim=False,
    attachments=no_exhibits,
)
