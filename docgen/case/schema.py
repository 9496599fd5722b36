"""The JSON Schema of the case file, generated from the models, for editors that validate TOML."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from docgen.case import model, registry
from docgen.case.descriptions import describe
from docgen.case.model import Case

SCHEMA_ID = "https://docgen.invalid/schema/case-1.json"


def _without_nulls(node: Any) -> Any:
    """TOML has no null: an optional value is simply left out, so drop the null alternatives."""
    if isinstance(node, list):
        return [_without_nulls(item) for item in node]
    if not isinstance(node, dict):
        return node
    cleaned = {k: _without_nulls(v) for k, v in node.items() if not (k == "default" and v is None)}
    options = cleaned.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        del cleaned["anyOf"]
        cleaned = {**rest[0], **cleaned} if len(rest) == 1 else {**cleaned, "anyOf": rest}
    return cleaned


def _described(schema: dict[str, Any]) -> dict[str, Any]:
    """Every property described with its bilingual explanation from the model's docstrings."""
    tables = [(Case, schema), *((getattr(model, n), d) for n, d in schema["$defs"].items())]
    for cls, definition in tables:
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            for name, field in cls.model_fields.items():
                prop = definition.get("properties", {}).get(field.alias or name)
                if prop is not None and describe(cls, name):
                    prop.pop("description", None)  # pydantic's copy: put it last, after the type
                    prop["description"] = describe(cls, name)
    return schema


_COURT_REF = {"$ref": "#/$defs/Court"}


def _with_registry_ids(node: Any) -> Any:
    """A court or provider given by id must be a built-in id, as the loader insists: the string
    alternative of a court becomes an ``enum`` beside the table form, and so does a provider's
    ``ref`` (the table form there is leaving ``ref`` out and writing the fields)."""
    if isinstance(node, list):
        return [_with_registry_ids(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {k: _with_registry_ids(v) for k, v in node.items()}
    options = node.get("oneOf")
    if isinstance(options, list) and _COURT_REF in options:
        node["oneOf"] = [
            {"type": "string", "enum": sorted(registry.courts())} if o == {"type": "string"} else o
            for o in options
        ]
    for name in ("Provider", "AccessProvider"):
        ref = node.get("$defs", {}).get(name, {}).get("properties", {}).get("ref")
        if ref is not None and ref.get("type") == "string":
            ref["enum"] = sorted(registry.providers())
    return node


def case_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``case.toml``: unknown keys rejected, enums listed."""
    schema = _without_nulls(_described(Case.model_json_schema(by_alias=True)))
    schema = _with_registry_ids(schema)
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "docgen case file (case.toml)",
    }
