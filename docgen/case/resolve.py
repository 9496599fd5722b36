"""Built-in references (``ref = "x"``, ``court = "tokyo"``) resolved against the registries."""

from __future__ import annotations

import difflib

from docgen.case.model import AccessProvider, Case, Court, Provider
from docgen.case.registry import courts, provider_networks, providers
from docgen.law.findings import Finding, Message


def resolve_provider(given: Provider | None) -> Provider | None:
    """The provider with the registry's fields filled in; the case file's own fields win."""
    if given is None or given.ref is None or given.ref not in providers():
        return given
    base = providers()[given.ref]
    own = {k: v for k, v in given.model_dump(exclude_none=True).items()}
    merged = {**base.model_dump(exclude_none=True), **own}
    return type(given).model_validate(merged)


def access_network(given: AccessProvider | None) -> str | None:
    if given is None:
        return None
    if given.network:
        return given.network
    return provider_networks().get(given.ref or "")


def resolve_court(given: str | Court | None) -> Court | None:
    if isinstance(given, str):
        return courts().get(given)
    return given


def reference_findings(case: Case) -> list[Finding]:
    findings = []
    for path, ref in (
        ("platform.ref", case.platform),
        ("access_provider.ref", case.access_provider),
    ):
        if ref is not None and ref.ref is not None and ref.ref not in providers():
            findings.append(_unknown(path, ref.ref, sorted(providers()), "provider"))
        elif ref is not None and ref.ref is None and ref.name is None:
            findings.append(
                Finding(
                    "schema",
                    "error",
                    path.replace(".ref", ""),
                    Message(
                        ja="`ref`（登録済み事業者）か `name` のどちらかを書いてください",
                        en="give either `ref` (a built-in provider) or the provider's `name`",
                    ),
                )
            )
    for path, court in (
        ("case.court", case.case.court),
        ("case.related_case.court", case.case.related_case and case.case.related_case.court),
    ):
        if isinstance(court, str) and court not in courts():
            findings.append(_unknown(path, court, sorted(courts()), "court"))
    return findings


def _unknown(path: str, value: str, known: list[str], what: str) -> Finding:
    close = difflib.get_close_matches(value, known, n=1)
    hint_en = f" (did you mean `{close[0]}`?)" if close else ""
    hint_ja = f"（`{close[0]}` の誤りではありませんか）" if close else ""
    listing = ", ".join(known)
    noun_ja = "事業者" if what == "provider" else "裁判所"
    return Finding(
        "schema",
        "error",
        path,
        Message(
            ja=f"登録されていない{noun_ja} `{value}` です{hint_ja}。登録済み: {listing}",
            en=f"unknown {what} `{value}`{hint_en}; built-in: {listing}",
        ),
    )
