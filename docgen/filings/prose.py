"""The case-file prose a filing prints, and rule X12: nothing of another procedure's voice in it.

Shared texts name parties and exhibits with references (``{victim}``, ``{ev:4}``); a party term of
another procedure (債権者 in a 申立人 petition) or a raw exhibit label (甲4, 疎甲4, 資料4, Exhibit 4)
typed into them reads wrongly in some filing, or breaks when ``[[evidence]]`` is reordered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docgen.case.markup import cited_ids, without_references
from docgen.case.model import PRIVATE_EVIDENCE, Case, L, LocalizedTable
from docgen.filings.base import Filing, text_at
from docgen.filings.voice import PARTY_TERMS, Voice
from docgen.findings import Finding, Language, Message

RAW_LABEL = {
    "ja": re.compile(r"(?:疎甲|甲|資料)\s*(?:第\s*)?[0-9０-９]+(?:\s*号証)?"),
    "en": re.compile(
        r"\b(?:prima\s+facie\s+)?(?:exhibits?|attachments?)\s+(?:no\.\s*)?\d+", re.IGNORECASE
    ),
}
NOT_A_PARTY = {
    "告訴人": re.compile(r"被告訴人"),
    "相手方": re.compile(r"を相手方と"),  # 「X Corp.を相手方とする申立て」 describes another case
}
EVIDENCE_TEXTS = ("title", "purpose", "author")
X12_BASIS = "brief §12.4; docs/case-file.md (references)"


def filing_texts(case: Case, filing: Filing) -> Iterator[tuple[str, L]]:
    """(key path, text) of every case-file prose text ``filing`` prints, in its own wording."""
    for dotted in filing.texts:
        path, value = text_at(case, filing.id, dotted)
        shared = path == dotted and dotted.startswith("claim.")
        if value is not None and (filing.shared_claim or not shared):
            yield path, value
    for item in filing.exhibits(case):
        for key in EVIDENCE_TEXTS:
            value = getattr(item, key)
            if value is not None:
                yield f"{case.evidence_path(item)}.{key}", value


def by_language(value: L) -> list[tuple[Language, str]]:
    """(language, text) pairs to check; a plain string serves both languages."""
    if isinstance(value, LocalizedTable):
        pairs: tuple[tuple[Language, str | None], ...] = (("ja", value.ja), ("en", value.en))
        return [(lang, text) for lang, text in pairs if text]
    return [("ja", value), ("en", value)]


def foreign_terms(text: str, lang: Language, voice: Voice) -> list[str]:
    """Party terms of other procedures in ``text`` (raw, outside references)."""
    raw = without_references(text)
    own = {t.removeprefix("the ") for t in voice.own_terms()}
    found = []
    for term in PARTY_TERMS[lang]:
        if term in own:
            continue
        cleaned = NOT_A_PARTY[term].sub(" ", raw) if term in NOT_A_PARTY else raw
        if _contains(cleaned, term, lang):
            found.append(term)
    return found


def _contains(text: str, term: str, lang: Language) -> bool:
    if lang == "ja":
        return term in text
    return re.search(rf"\b{re.escape(term)}\b", text, re.IGNORECASE) is not None


def raw_labels(text: str, lang: Language) -> list[str]:
    return list(dict.fromkeys(m.group(0) for m in RAW_LABEL[lang].finditer(without_references(text))))


def x12_voice(case: Case, filing: Filing) -> list[Finding]:
    """X12: another procedure's party terms, or raw exhibit labels, in the prose ``filing`` prints."""
    findings = []
    severity = "error" if filing.voice.strict else "warning"
    for path, value in filing_texts(case, filing):
        for lang, text in by_language(value):
            for term in foreign_terms(text, lang, filing.voice):
                findings.append(_term_finding(path, term, filing, severity))
            for label in raw_labels(text, lang):
                findings.append(_label_finding(path, label, case, filing, severity))
    return findings


def _term_finding(path: str, term: str, filing: Filing, severity: str) -> Finding:
    voice = filing.voice
    return Finding(
        "X12",
        "error" if severity == "error" else "warning",
        path,
        Message(
            ja=f"`{path}` の「{term}」は他の手続の当事者の呼び方です。{filing.title.ja}では当事者を"
            f"「{voice.victim.ja}」「{voice.respondent.ja}」と呼びます。`{{victim}}`・`{{respondent}}` と"
            "書けば、書面ごとにその手続の呼び方で表示されます",
            en=f"`{path}` says “{term}”, another procedure's name for a party; this filing calls the "
            f"parties “{voice.victim.en}” and “{voice.respondent.en}”. Write `{{victim}}` or "
            "`{respondent}` and each filing uses its own term",
        ),
        basis=X12_BASIS,
    )


def _label_finding(path: str, label: str, case: Case, filing: Filing, severity: str) -> Finding:
    digits = re.search(r"[0-9０-９]+", label)
    number = int(digits.group(0)) if digits else 0
    ident = case.evidence[number - 1].id if 0 < number <= len(case.evidence) else "ID"
    return Finding(
        "X12",
        "error" if severity == "error" else "warning",
        path,
        Message(
            ja=f"`{path}` に証拠番号「{label}」がそのまま書かれています。証拠番号は書面ごとに異なり"
            f"（甲・疎甲・資料）、[[evidence]] の順序を変えるとずれるため、`{{ev:{ident}}}` のように"
            "証拠の id で参照してください",
            en=f"`{path}` spells out the exhibit label “{label}”. Each filing labels and numbers its "
            "exhibits itself (甲, 疎甲, 資料; Exhibit, Attachment), and reordering [[evidence]] "
            f"renumbers them: refer to the evidence by its id, as `{{ev:{ident}}}`",
        ),
        basis=X12_BASIS,
    )


def x12_citations_in_scope(case: Case, filing: Filing) -> list[Finding]:
    """X12: a text cites evidence this filing does not list (a letter attaches only some)."""
    listed = {e.id for e in filing.exhibits(case)}
    known = {e.id for e in case.evidence}
    findings = []
    for path, value in filing_texts(case, filing):
        cited = {i for _, text in by_language(value) for i in cited_ids(text)}
        for ident in sorted(cited & known - listed):
            findings.append(
                Finding(
                    "X12",
                    "error",
                    path,
                    Message(
                        ja=f"`{path}` は証拠 `{ident}` を引用していますが、{filing.title.ja}はこの"
                        "証拠を添付しません。この書面用の記載（[claim."
                        f"{filing.id}]）で引用を外すか、添付する証拠を見直してください",
                        en=f"`{path}` cites evidence `{ident}`, which this filing does not attach: "
                        f"drop the citation in this filing's own wording ([claim.{filing.id}]) or "
                        "review what it attaches",
                    ),
                    basis=X12_BASIS,
                )
            )
    return findings


def d3_private_attachments(case: Case, filing: Filing) -> list[Finding]:
    """D3: a notice the platform forwards to the poster never attaches a statement or records."""
    if not filing.voice.forwarded:
        return []
    return [
        Finding(
            "D3",
            "error",
            f"{case.evidence_path(item)}.kind",
            Message(
                ja=f"証拠 `{item.id}`（{item.kind}）は陳述書・診断書等です。この書面は発信者に転送される"
                "ため添付できません。deletion.attachments から外してください",
                en=f"evidence `{item.id}` ({item.kind}) is a statement or medical record; this notice "
                "is forwarded to the poster, so it must not attach it: remove it from "
                "deletion.attachments",
            ),
            basis="Art. 3(2)(ii); brief §12.4",
        )
        for item in filing.exhibits(case)
        if item.kind in PRIVATE_EVIDENCE
    ]


def voice_findings(case: Case, filing: Filing) -> list[Finding]:
    return [
        *x12_voice(case, filing),
        *x12_citations_in_scope(case, filing),
        *d3_private_attachments(case, filing),
    ]
