"""Rules of the victim's statement (陳述書): V1–V3, ids docgen adds (brief §12.1, §12.4).

The statement is the victim's own account, signed by the victim and offered as an exhibit (甲号証)
by the court filings that rely on it, and listed among the means of proof of a complaint. Its
prose comes only from ``[claim.victim-statement]``, written in the first person.

Choices (design, not sourced):

- V1 (warning): the statement's texts name the victim in the third person, with a procedure's
  term (申立人, 債権者, 告訴人 …) or as 被害者 / "the victim". Quoted words (「…」, "…") are not
  read: a post may say anything.
- V2 (info): a statement is drafted but no ``[[evidence]]`` entry of kind "statement" lists it,
  so no court filing offers it and no 証拠説明書 names it.
- V3 (warning): the statement is written in である調 (its fixed sentences end in である); a text of
  ``[claim.victim-statement]`` ending its sentences in です・ます mixes the two styles.
"""

from __future__ import annotations

import re

from docgen.case.markup import without_references
from docgen.case.model import CLAIM_TEXTS, Case, L
from docgen.findings import Finding
from docgen.law.common import finding, texts

FILING_ID = "victim-statement"
THIRD_PERSON = {
    "ja": ("申立人", "債権者", "依頼者", "申出者", "請求者", "通知人", "告訴人", "被害者", "原告"),
    "en": (
        "the petitioner",
        "the obligee",
        "our client",
        "the requester",
        "the complainant",
        "the victim",
        "the plaintiff",
    ),
}
"""What other filings call the victim; the statement's victim says 私 / "I"."""
NOT_THE_VICTIM = re.compile(r"被告訴人")
QUOTED = re.compile(r"「[^」]*」|『[^』]*』|“[^”]*”|\"[^\"]*\"")
POLITE_ENDING = re.compile(r"(?:です|ます|ました|でした|ません|ましょう)(?=。)")
BASIS = "brief §12.1, §12.4; docs/case-file.md ([claim.victim-statement])"


def statement_texts(case: Case) -> list[tuple[str, L]]:
    """(key path, text) of every text of ``[claim.victim-statement]``."""
    own = case.claim.victim_statement
    if own is None:
        return []
    found = []
    for key in CLAIM_TEXTS:
        value = getattr(own, key)
        if value is not None:
            found.append((f"claim.{FILING_ID}.{key}", value))
    return found


def _unquoted(text: str) -> str:
    return QUOTED.sub(" ", without_references(text))


def _third_person(text: str) -> list[str]:
    plain = NOT_THE_VICTIM.sub(" ", _unquoted(text))
    words = [w for w in THIRD_PERSON["ja"] if w in plain]
    words += [
        w for w in THIRD_PERSON["en"] if re.search(rf"\b{re.escape(w)}\b", plain, re.IGNORECASE)
    ]
    return words


def v1_first_person(case: Case) -> list[Finding]:
    """V1: the statement is the victim's own account: 私 / "I", never 申立人 or "the victim"."""
    findings = []
    for path, value in statement_texts(case):
        words = list(dict.fromkeys(w for text in texts(value) for w in _third_person(text)))
        if not words:
            continue
        findings.append(
            finding(
                "V1",
                "warning",
                path,
                f"`{path}` は被害者を「{'」「'.join(words)}」と三人称で呼んでいます。陳述書は被害者が"
                "自ら述べる書面なので、「私」と一人称で書いてください（`{victim}` と書けば陳述書では"
                "「私」になります）。",
                f"`{path}` speaks of the victim in the third person (“{'”, “'.join(words)}”). A "
                "statement is the victim's own account: write it in the first person (“I”; "
                "`{victim}` becomes 私 in the statement).",
                BASIS,
            )
        )
    return findings


def v2_listed_as_evidence(case: Case) -> list[Finding]:
    """V2 (info): the statement drafted here is offered as an exhibit only once ``[[evidence]]``
    lists it (kind "statement") and the filings that rely on it cite it."""
    if case.claim.victim_statement is None:
        return []
    if any(e.kind == "statement" for e in case.evidence):
        return []
    return [
        finding(
            "V2",
            "info",
            "evidence",
            '陳述書を作成していますが、種類 "statement" の `[[evidence]]` がありません。署名押印を'
            '得た陳述書を証拠として提出するときは、`kind = "statement"` の `[[evidence]]` を追加し、'
            "それに依拠する申立書等の記載から `{ev:ID}` で引用してください（証拠説明書にも載ります）。",
            'a victim\'s statement is drafted, but no `[[evidence]]` entry of kind "statement" '
            "lists it. Once it is signed and sealed, add an `[[evidence]]` entry with "
            '`kind = "statement"` and cite it as `{ev:ID}` in the texts of the court filings '
            "that rely on it (their 証拠説明書 then lists it too).",
            "brief §5.2 (立証方法), §12.1",
        )
    ]


def v3_one_style(case: Case) -> list[Finding]:
    """V3: the statement is in である調; a text in です・ます mixes the styles."""
    findings = []
    for path, value in statement_texts(case):
        polite = [
            m.group(0) for text in texts(value) for m in POLITE_ENDING.finditer(_unquoted(text))
        ]
        if not polite:
            continue
        findings.append(
            finding(
                "V3",
                "warning",
                path,
                f"`{path}` の文末に「{'。」「'.join(dict.fromkeys(polite))}。」があります。陳述書の定型部分は"
                "である調（「私は…である。」）で書かれているため、文体をである調にそろえてください。",
                f"`{path}` ends sentences in the polite です・ます style "
                f"(“{'”, “'.join(dict.fromkeys(polite))}”); the statement's fixed sentences are "
                "in the plain である style, so write this text in that style too.",
                BASIS,
            )
        )
    return findings


RULES = (v1_first_person, v2_listed_as_evidence, v3_one_style)
"""The statement's own rules."""
