""" "Did you mean `posted_at`?": the closest key a table really has."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docgen.case.locate import PathPart

if TYPE_CHECKING:
    from pydantic import BaseModel


def _models_in(annotation: object) -> list[type[BaseModel]]:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    if typing.get_origin(annotation) is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found += _models_in(arg)
    return found


def keys_at(path: Sequence[PathPart]) -> list[str]:
    """The keys the table at ``path`` accepts (its aliases where it has them)."""
    from docgen.case.model import Case  # the model only when a key is misspelt: --help stays quick

    models: list[type[BaseModel]] = [Case]
    for part in path:
        if isinstance(part, int):
            continue
        nested: list[type[BaseModel]] = []
        for model in models:
            field = model.model_fields.get(part)
            if field is not None:
                nested += _models_in(field.annotation)
        models = nested
    return sorted({f.alias or name for m in models for name, f in m.model_fields.items()})


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The choice ``word`` most likely misspells (``adress`` → ``address``, ``Individual`` →
    ``individual``), if one is close enough; never ``word`` itself."""
    folded = {c.casefold(): c for c in choices}
    if word.casefold() in folded and folded[word.casefold()] != word:
        return folded[word.casefold()]
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close and folded[close[0]] != word else None


def did_you_mean(path: Sequence[PathPart]) -> str | None:
    """A close, valid key for the unknown last key of ``path``, if there is one."""
    if not path or not isinstance(path[-1], str):
        return None
    close = difflib.get_close_matches(path[-1], keys_at(path[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None
