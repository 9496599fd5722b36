"""Case + filing + language → the template context: plain dicts, lists, strings, dates. Pure.

This module defines the template vocabulary documented in ``docs/templates.md``: every name a
template may use. Localized text is resolved for the language; a field that has no text in that
language shows the other one, and is reported once as a warning naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docgen.case.markup import ExhibitReference, resolve
from docgen.case.model import (
    CLAIM_TEXTS,
    Attorney,
    Case,
    Complainant,
    Court,
    Evidence,
    LocalizedTable,
    Post,
    Provider,
    as_jst,
    localized,
)
from docgen.case.registry import foreign_providers
from docgen.case.resolve import access_network, resolve_court, resolve_provider
from docgen.case.translations import untranslated
from docgen.filings.base import Filing, text_at
from docgen.findings import Finding, Language, Message
from docgen.law.calendar import days_between
from docgen.law.common import day_of
from docgen.law.deadlines import retention_horizon
from docgen.law.rules.civil import (
    DAMAGES_COMPLAINT,
    HEAD_LABELS,
    claim_total,
    complaint_court,
    delay_from,
    delay_rate,
    tort_day,
)
from docgen.law.rules.complaint import COMPLAINANT_RELATIONS
from docgen.law.rules.complaint import standing as complaint_standing
from docgen.law.terms import (
    EVIDENCE_FORMS,
    EVIDENCE_KINDS,
    ITEMS,
    OFFENSES,
    POST_KINDS,
    PURPOSES,
    RIGHTS,
)
from docgen.render.formatting import age_on

Context = dict[str, Any]


@dataclass(frozen=True)
class Localizer:
    """Picks each text in one language (the other one where a text has only that), and writes the
    references of case-file prose in the filing's voice."""

    lang: Language
    filing: Filing
    has_attorney: bool = False
    numbers: dict[str, int] = field(default_factory=dict)
    """Evidence id → its number in this filing."""

    def text(self, value: str | LocalizedTable | None) -> str | None:
        return localized(value, self.lang)[0]

    def prose(self, value: str | LocalizedTable | None) -> str | None:
        """A prose text with ``{ev:4}``, ``{victim}``… written as this filing writes them."""
        text = self.text(value)
        return None if text is None else resolve(text, self._exhibits, self._role)

    def term(self, message: Message) -> str:
        return message.in_language(self.lang)

    def _exhibits(self, reference: ExhibitReference) -> str:
        numbers = [self.numbers[i] for i in reference.ids if i in self.numbers]
        if not numbers:  # cited evidence this filing does not list: `check` reports it (X12)
            return ""
        style = self.filing.voice.exhibits
        return style.cite(numbers, self.lang) if reference.cited else style.name(numbers, self.lang)

    def _role(self, role: str) -> str:
        voice = self.filing.voice
        lower = role.lower()
        term = voice.victim_term(self.has_attorney) if lower == "victim" else voice.respondent
        text = self.term(term)
        return text[:1].upper() + text[1:] if role[:1].isupper() else text


def build_context(case: Case, filing: Filing, lang: Language) -> tuple[Context, list[Finding]]:
    """The context of ``filing`` in ``lang`` and the warnings for text missing in that language."""
    exhibits = filing.exhibits(case)
    numbers = {e.id: i for i, e in enumerate(exhibits, 1)}
    loc = Localizer(lang, filing, bool(case.attorneys), numbers)
    attorneys = [_attorney(a, loc) for a in case.attorneys]
    context: Context = {
        "lang": lang,
        "filing": _filing(filing, loc),
        "case": _case_info(case, loc),
        "court": _court(_filing_court(case, filing), loc),
        "police_station": loc.text(case.case.police_station),
        "victim": _victim(case, loc, attorneys),
        "voice": _voice(loc),
        "attorneys": attorneys,
        "attorney": attorneys[0] if attorneys else None,
        "platform": _provider(resolve_provider(case.platform), loc),
        "access_provider": _access_provider(case, loc),
        "posts": [_post(p, i, loc) for i, p in enumerate(filing.posts_of(case), 1)],
        "claim": _claim(case, loc),
        "deletion": {"show_name_to_sender": case.deletion.show_name_to_sender},
        "disclosure": _disclosure(case, loc),
        "connections": [
            {"no": i, "ip": c.ip, "port": c.port, "at": c.at, "destination": c.destination}
            | {"cite": _cite(c.evidence, loc)}
            for i, c in enumerate(case.connections, 1)
        ],
        "connections_cite": _cite(_connection_evidence(case, numbers), loc),
        "retention": _retention(case, loc),
        "police": _police(case, loc),
        "evidence": [_evidence(e, i, loc) for i, e in enumerate(exhibits, 1)],
        "fees": {"stamp": filing.stamp(case)},
        "damages": _damages(case, loc),
    }
    context["respondent"] = _respondent(filing, context)
    return context, untranslated(case, lang)


def _respondent(filing: Filing, context: Context) -> Context | None:
    """The provider a court filing (or the petition a 証拠説明書 accompanies) is against: the
    access provider for those that plead its connections (the preservation petition, the
    access-provider petition), else the platform; None out of court."""
    main = filing.parent or filing
    if not main.voice.court:
        return None
    if main.id == DAMAGES_COMPLAINT:  # the complaint for damages: the identified poster
        offender: Context = context["police"]["offender"] if context["police"] else {}
        return {"name": offender.get("name"), "address": offender.get("address")}
    respondent: Context | None = context["access_provider" if main.uses_connections else "platform"]
    return respondent


def _filing(filing: Filing, loc: Localizer) -> Context:
    return {
        "id": filing.id,
        "title": loc.term(filing.title),
        "title_ja": filing.title.ja,
        "exhibit_prefix": loc.term(filing.voice.exhibits.prefix),
        "parent": None
        if filing.parent is None
        else {"id": filing.parent.id, "title": loc.term(filing.parent.title)},
    }


def _voice(loc: Localizer) -> Context:
    """The parties in this filing's terms: ``voice.victim`` 申立人, ``voice.Victim`` The petitioner."""
    return {role: loc.prose("{" + role + "}") for role in ("victim", "Victim", "respondent", "Respondent")}


def _case_info(case: Case, loc: Localizer) -> Context:
    related = case.case.related_case
    return {
        "id": case.case.id,
        "date": case.document_date,
        # the day the victim's statement was made, as its exhibit entry records it (kind
        # "statement"): the statement is dated that day, as the 証拠説明書 says
        "statement_date": next(
            (e.made_at for e in case.evidence if e.kind == "statement" and e.made_at), None
        ),
        "related_case": None
        if related is None
        else {
            "court": _court(resolve_court(related.court), loc),
            "number": related.number,
            "provision_order": related.provision_order,
        },
    }


def _court(court: Court | None, loc: Localizer) -> Context | None:
    if court is None:
        return None
    name = loc.text(court.name) or ""
    division = loc.text(court.division)
    joiner = "" if loc.lang == "ja" else ", "  # 東京地方裁判所民事第9部 / Tokyo District Court, 9th …
    return {
        "name": name,
        "division": division,
        "address": loc.text(court.address),
        "heading": joiner.join(x for x in (name, division) if x),
    }


def _attorney(attorney: Attorney, loc: Localizer) -> Context:
    return {
        "name": loc.text(attorney.name),
        "office": loc.text(attorney.office),
        "address": loc.text(attorney.address),
        "phone": attorney.phone,
        "fax": attorney.fax,
        "email": attorney.email,
        "bar": loc.text(attorney.bar),
    }


def _victim(case: Case, loc: Localizer, attorneys: list[Context]) -> Context:
    victim = case.victim
    own_address = loc.text(victim.address)
    conceal = victim.conceal_address
    office = attorneys[0] if attorneys else None
    shown = own_address
    if conceal:
        shown = _office_address(office, loc) if office else None
    rep = victim.representative
    return {
        "kind": victim.kind,
        "is_corporation": victim.kind == "corporation",
        "name": loc.text(victim.name),
        "name_kana": victim.name_kana,
        "address": None if conceal else own_address,
        "shown_address": shown,
        "conceal_address": conceal,
        "birth_date": victim.birth_date,
        "age": age_on(victim.birth_date, case.document_date),
        "occupation": loc.text(victim.occupation),
        "phone": None if conceal else victim.phone,
        "email": None if conceal else victim.email,
        "representative": None
        if rep is None
        else {
            "title": loc.text(rep.title),
            "name": loc.text(rep.name),
        },
    }


def _office_address(office: Context, loc: Localizer) -> str:
    """Where the other side writes to instead of a concealed address: the attorney's office."""
    address, name = office.get("address"), office.get("office")
    if loc.filing.voice.court:
        victim = loc.prose("{victim}")
        if loc.lang == "ja":
            return f"{address or name}（{victim}代理人事務所）"
        return f"{address or name} (c/o the attorneys for {victim})"
    if loc.lang == "ja":
        return "　".join(p for p in (address, f"{name}気付" if name else None) if p)
    return ", ".join(p for p in (f"c/o {name}" if name else None, address) if p)


def _provider(provider: Provider | None, loc: Localizer) -> Context | None:
    if provider is None:
        return None
    return {
        "ref": provider.ref,
        "foreign": provider.ref in foreign_providers(),
        "name": loc.text(provider.name),
        "address": loc.text(provider.address),
        "representative": loc.text(provider.representative),
        "japan_representative": loc.text(provider.japan_representative),
        "service": loc.text(provider.service),
    }


def _access_provider(case: Case, loc: Localizer) -> Context | None:
    context = _provider(resolve_provider(case.access_provider), loc)
    if context is not None and case.access_provider is not None:
        context["network"] = access_network(case.access_provider)
        context["cite"] = _cite(case.access_provider.evidence, loc)
        context["case_number"] = case.access_provider.case_number
    return context


def _post(post: Post, number: int, loc: Localizer) -> Context:
    original, translation = _post_text(post.text)
    style = loc.filing.voice.exhibits
    source = post.original
    quoted, quoted_translation = _post_text(source.text if source else None)
    return {
        "no": number,
        "url": post.url,
        "account": post.account,
        "account_name": post.account_name,
        "posted_at": post.posted_at,
        "kind": post.kind,
        "kind_label": loc.term(POST_KINDS[post.kind]),
        "visibility": post.visibility,
        "text": original,
        "translation": translation,
        "found_at": post.found_at,
        "still_online": post.still_online,
        "followers": post.followers,
        "original": None
        if source is None
        else {
            "url": source.url,
            "account": source.account,
            "text": quoted,
            "translation": quoted_translation,
        },
        "exhibits": [
            style.label(loc.numbers[ref], loc.lang) for ref in post.evidence if ref in loc.numbers
        ],
        "cite": _cite(post.evidence, loc),
    }


def _cite(ids: list[str], loc: Localizer) -> str:
    """（甲1、甲2） / (Exhibits 1 and 2) for these evidence ids, or "" when there are none."""
    return (loc.prose("{ev:" + ",".join(ids) + "}") or "") if ids else ""


def _connection_evidence(case: Case, numbers: dict[str, int]) -> list[str]:
    """The distinct evidence ids cited for the connections, in exhibit order."""
    ids = {i for c in case.connections for i in c.evidence if i in numbers}
    return sorted(ids, key=numbers.__getitem__)


def _retention(case: Case, loc: Localizer) -> Context | None:
    """The oldest logged connection against the access provider's usual log retention as of the
    document date (brief §7.9 [P]; the horizon of ``docgen deadlines`` and rule L1), or None.
    With no connection known (after a provision order) the oldest post of the filing stands in,
    as in ``docgen deadlines``: ``source`` is ``"connections"`` or ``"posts"``."""
    moments = [c.at for c in case.connections]
    source = "connections"
    if not moments:
        moments = [p.posted_at for p in loc.filing.posts_of(case)]
        source = "posts"
    if not moments:
        return None
    horizon, today = retention_horizon(case), case.document_date
    days = [day_of(at) for at in moments]
    lapsed = [today > horizon.after(day) for day in days]
    oldest = min(range(len(days)), key=lambda i: (as_jst(moments[i]), i))
    return {
        "source": source,
        "oldest_no": oldest + 1,
        "oldest_at": moments[oldest],
        "age_days": days_between(days[oldest], today),
        "period": loc.term(horizon.label),
        "lapses_on": horizon.after(days[oldest]),
        "lapsed": lapsed[oldest],
        "lapsed_count": sum(lapsed),
        "all_lapsed": all(lapsed),
    }


def _post_text(text: str | LocalizedTable | None) -> tuple[str | None, str | None]:
    """(the original, verbatim; its English translation if one is given)."""
    if text is None or isinstance(text, str):
        return text, None
    if text.ja is not None:
        return text.ja, text.en
    return text.en, None


def _claim(case: Case, loc: Localizer) -> Context:
    """The claim as this filing pleads it: its own wording where the case gives one."""
    claim = case.claim
    corporation = case.victim.kind == "corporation"
    rights = [r for r in claim.rights if not (corporation and r == "honor_feeling")]
    texts: dict[str, str | None] = {
        key: loc.prose(claim.wording(loc.filing.id, key)[1]) for key in CLAIM_TEXTS
    }
    return {
        "rights": [loc.term(RIGHTS[r]) for r in rights],
        "defamation": "reputation" in rights,
        "insult": "honor_feeling" in rights,
        **texts,
        "own_wording": [
            key for key in CLAIM_TEXTS if claim.wording(loc.filing.id, key)[0] != f"claim.{key}"
        ],
    }


def _disclosure(case: Case, loc: Localizer) -> Context:
    disclosure = case.disclosure
    items = [
        {
            "key": key,
            "number": ITEMS[key][0],
            "label": loc.term(ITEMS[key][1]),
            "group": ITEMS[key][2],
        }
        for key in disclosure.items
    ]
    return {
        "purposes": [loc.term(PURPOSES[p]) for p in disclosure.purposes],
        "purpose_keys": [str(p) for p in disclosure.purposes],
        "purpose_note": loc.prose(disclosure.purpose_note),
        "items": items,
        "account_items": [i for i in items if i["group"] == "account"],
        "posting_items": [i for i in items if i["group"] == "posting"],
        "login_items": [i for i in items if i["group"] == "login"],
        "asks_login_items": disclosure.asks_login_items,
        "provision_order": disclosure.provision_order,
        "erasure_prohibition": disclosure.erasure_prohibition,
        "supplementarity": loc.prose(
            text_at(case, loc.filing.id, "disclosure.supplementarity")[1]
        ),
        "supplementarity_ground": disclosure.supplementarity_ground,
    }


def _police(case: Case, loc: Localizer) -> Context | None:
    police = case.police
    if police is None:
        return None
    offender = police.offender
    return {
        "offenses": [loc.term(OFFENSES[o]) for o in police.offenses],
        "offense_keys": [str(o) for o in police.offenses],
        "offender": {
            "name": offender and loc.text(offender.name),
            "address": offender and loc.text(offender.address),
            "account": offender and offender.account,
        },
        "offender_known_at": police.offender_known_at,
        "wants_punishment": police.wants_punishment,
        "circumstances": loc.prose(police.circumstances),
        "prosecutors_office": loc.text(police.prosecutors_office),
        "prosecutors_branch": _is_branch(police.prosecutors_office),
        "complainant": _complainant(case, police.complainant, loc),
    }


def _is_branch(office: str | LocalizedTable | None) -> bool:
    """Whether the prosecutors office is a branch (…支部, addressed to its 支部長, not a 検事正)."""
    return (localized(office, "ja")[0] or "").endswith("支部")


def _complainant(case: Case, complainant: Complainant | None, loc: Localizer) -> Context | None:
    """A complainant other than the victim (CCP 231, 233), or None: the victim complains;
    ``standing`` is the provision the complainant complains under (None: P1 says why not)."""
    if complainant is None:
        return None
    article = complaint_standing(case)
    return {
        "name": loc.text(complainant.name),
        "address": loc.text(complainant.address),
        "relation": complainant.relation,
        "relation_label": loc.term(COMPLAINANT_RELATIONS[complainant.relation]),
        "kinship": loc.text(complainant.kinship),
        "birth_date": complainant.birth_date,
        "phone": complainant.phone,
        "victim_died_at": complainant.victim_died_at,
        "standing": loc.term(article) if article else None,
    }


def _evidence(item: Evidence, number: int, loc: Localizer) -> Context:
    return {
        "no": number,
        "id": item.id,
        "label": loc.filing.voice.exhibits.label(number, loc.lang),
        "title": loc.prose(item.title),
        "kind": item.kind,
        "kind_label": loc.term(EVIDENCE_KINDS[item.kind]),
        "form": item.form,
        "form_label": loc.term(EVIDENCE_FORMS[item.form]),
        "made_at": item.made_at,
        "author": loc.prose(item.author),
        "purpose": loc.prose(item.purpose),
        "file": item.file,
    }


def _filing_court(case: Case, filing: Filing) -> Court | None:
    """``case.court``; for the complaint for damages (and its 証拠説明書) the court chosen for it
    (``damages.court``, or from the amount and the place: rule C6), never the disclosure division."""
    main = filing.parent or filing
    if main.id == DAMAGES_COMPLAINT:
        return complaint_court(case).court
    return resolve_court(case.case.court)


def _damages(case: Case, loc: Localizer) -> Context | None:
    """The damages claimed: each head with its label and basis, the total, delay damages, the
    payment terms, and whether the complaint goes to a summary court."""
    damages = case.damages
    if damages is None:
        return None
    return {
        "heads": [
            {
                "no": i,
                "kind": head.kind,
                "label": loc.text(head.title) or loc.term(HEAD_LABELS[head.kind]),
                "amount": head.amount,
                "basis": loc.prose(head.basis),
            }
            for i, head in enumerate(damages.heads, 1)
        ],
        "total": claim_total(case),
        "interest_rate": delay_rate(case),
        "interest_from": delay_from(case),
        "interest_from_tort": delay_from(case) == tort_day(case),
        "statutory_rate": damages.interest_rate is None,
        "pay_by": damages.pay_by,
        "account": loc.text(damages.account),
        "apology": loc.prose(damages.apology),
        "demanded_at": damages.demanded_at,
        "summary_court": complaint_court(case).summary,
    }
