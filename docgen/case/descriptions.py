"""The one-line explanation of every case-file key: the attribute docstrings of ``case/model.py``.

They are read from the source only when a command needs them (``docgen schema``, ``docgen init``),
so that loading a case does not pay for parsing the model's source on every run.
"""

from __future__ import annotations

import ast
import inspect
from functools import cache

from docgen.case import model


@cache
def attribute_docs() -> dict[str, dict[str, str]]:
    """Class name → attribute name → its docstring."""
    docs: dict[str, dict[str, str]] = {}
    for node in ast.parse(inspect.getsource(model)).body:
        if isinstance(node, ast.ClassDef):
            docs[node.name] = _class_docs(node)
    return docs


def _class_docs(node: ast.ClassDef) -> dict[str, str]:
    found: dict[str, str] = {}
    for statement, following in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            found[statement.target.id] = following.value.value.strip()
    return found


def describe(model_class: type, field: str) -> str:
    """The explanation of ``field`` of ``model_class``, looking through its base classes."""
    for cls in model_class.__mro__:
        text = attribute_docs().get(cls.__name__, {}).get(field)
        if text:
            return text
    return ""
