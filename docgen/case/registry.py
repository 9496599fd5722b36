"""The built-in providers and courts, read from the data files shipped in ``docgen/data``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from docgen.case.model import Court, Provider


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(files("docgen.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def providers() -> dict[str, Provider]:
    """Provider id → provider, e.g. ``x`` → X Corp."""
    fields = set(Provider.model_fields) - {"ref"}
    return {
        key: Provider.model_validate({k: v for k, v in entry.items() if k in fields})
        for key, entry in _read("providers.toml").items()
    }


@cache
def provider_networks() -> dict[str, str]:
    """Provider id → ``mobile`` / ``fixed`` for the access providers whose network is known."""
    return {k: v["network"] for k, v in _read("providers.toml").items() if "network" in v}


@cache
def provider_nicknames() -> dict[str, str]:
    """Other names of the built-in providers (``twitter`` → ``x``), for "did you mean" hints."""
    return {n: k for k, v in _read("providers.toml").items() for n in v.get("known_as", [])}


@cache
def foreign_providers() -> frozenset[str]:
    """Provider ids of foreign companies (their certificates need a Japanese translation)."""
    return frozenset(k for k, v in _read("providers.toml").items() if v.get("foreign"))


@cache
def courts() -> dict[str, Court]:
    """Court id → court, e.g. ``tokyo`` → 東京地方裁判所 民事第9部."""
    return {key: Court.model_validate(entry) for key, entry in _read("courts.toml").items()}
