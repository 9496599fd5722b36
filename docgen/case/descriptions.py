"""The one-line explanation of every case-file key: the attribute docstrings of ``case/model.py``,
which pydantic keeps as each field's description (``use_attribute_docstrings`` on
``StrictModel``)."""

from __future__ import annotations

from pydantic import BaseModel


def describe(model_class: type[BaseModel], field: str) -> str:
    """The explanation of ``field`` of ``model_class`` (inherited fields included), or ""."""
    info = model_class.model_fields.get(field)
    return (info.description or "") if info is not None else ""
