"""Built-in references (``ref = "x"``, ``court = "tokyo"``) resolved against the registries."""

from __future__ import annotations

from docgen.case.model import AccessProvider, Court, Provider
from docgen.case.registry import courts, provider_networks, providers


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
