"""The Jinja environments: sandboxed, strict about undefined names, with the shared filters.

Case values are only ever *data* passed to a template; nothing from a case file is compiled as
template code, so ``{{ x }}`` typed into a post text is printed as those characters.

The sandbox is also bounded (:mod:`docgen.render.limits`): before ``*``, ``**``, ``+``, ``%``,
``~``, ``str.format``, the string methods and filters that make text longer (``center``,
``replace``, ``join``, ``indent``, ``wordwrap`` …) and the joining of what a macro or block
printed, the size of the result is checked, and every call's and filter's result is checked
after; ``range`` counts at most :data:`~docgen.render.limits.MAX_RANGE` numbers.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable
from functools import cache
from types import BuiltinFunctionType
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment

from docgen.render import limits
from docgen.render.formatting import FILTERS
from docgen.render.limits import TemplateLimitError, check_power, check_repeat, check_size

_GROWABLE = (str, list, dict, set)
_FORMAT_METHODS = frozenset({"format", "format_map"})  # the sandbox wraps them in a function


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with ``a ~ b`` checked for size before it is joined."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"{func_name}(environment.checked_pieces((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(")))")


class DocgenEnvironment(SandboxedEnvironment):
    """The sandbox, where ``disclosure.items`` is the key, not the dict's ``items`` method, and
    where no operation builds a string, list or number beyond :mod:`docgen.render.limits`."""

    code_generator_class = BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.concat = checked_concat  # type: ignore[method-assign]  # what macros and blocks print
        self.globals["range"] = bounded_range
        lipsum = self.globals["lipsum"]
        assert callable(lipsum)
        self.globals["lipsum"] = _bounded_lipsum(lipsum)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        value = super().getattr(obj, attribute)
        grows = type(value) is BuiltinFunctionType or attribute in _FORMAT_METHODS
        if grows and isinstance(obj, _GROWABLE) and callable(value):
            return _bounded_method(obj, attribute, value)
        return value

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if type(left) is int and type(right) is int and operator != "**":
            return self.binop_table[operator](left, right)  # loop.index + 1: nothing to check
        if operator == "*":
            check_repeat(left, right)
            check_repeat(right, left)
        elif operator == "**":
            check_power(left, right)
        elif operator == "+":
            if limits.sized(left) is not None and limits.sized(right) is not None:
                _check_length(len(left) + len(right), limits.kind(left))
        elif operator == "%" and isinstance(left, str):
            check_percent(left, right)
        return check_size(super().call_binop(context, operator, left, right), "value")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        return check_size(super().call(__context, __obj, *args, **kwargs), "value")

    @staticmethod
    def checked_pieces(pieces: tuple[Any, ...]) -> tuple[Any, ...]:
        """The pieces of ``a ~ b``, if what they make is not too long."""
        total = sum(len(p) for p in pieces if isinstance(p, str))
        if total > limits.MAX_SIZE:
            raise TemplateLimitError(limits.too_big("string", total))
        return pieces


def checked_concat(parts: Iterable[str]) -> str:
    """``"".join(parts)``, unless the text would be longer than MAX_OUTPUT characters."""
    buffer = parts if isinstance(parts, list) else list(parts)
    if len(buffer) > limits.MAX_SIZE or sum(map(len, buffer)) > limits.MAX_OUTPUT:
        raise TemplateLimitError(
            f"the template prints more than {limits.number(limits.MAX_OUTPUT)} characters "
            "into one document or block; a template may print at most that"
        )
    return "".join(buffer)


def bounded_range(*args: int) -> range:
    """``range``, counting at most :data:`~docgen.render.limits.MAX_RANGE` numbers."""
    numbers = range(*args)
    if len(numbers) > limits.MAX_RANGE:
        raise TemplateLimitError(
            f"range() of {limits.number(len(numbers))} numbers; a template may count at most "
            f"{limits.number(limits.MAX_RANGE)}"
        )
    return numbers


def _bounded_lipsum(lipsum: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(lipsum)
    def bounded(n: int = 5, *args: Any, **kwargs: Any) -> Any:
        if isinstance(n, int) and n > 100:
            raise TemplateLimitError(f"lipsum({n}): a template may ask for at most 100 paragraphs")
        return lipsum(n, *args, **kwargs)

    return bounded


_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


def _too_wide(digits: str) -> bool:
    return len(digits) > 9 or int(digits) > limits.MAX_SIZE


def check_percent(template: str, values: Any) -> None:
    """Before ``template % values``: no field wider than MAX_SIZE characters."""
    star = False
    for match in _PERCENT.finditer(template):
        for group in match.groups():
            if group == "*":
                star = True
            elif group and _too_wide(group):
                raise TemplateLimitError(_wide(group))
    if star:
        for value in values if isinstance(values, tuple) else (values,):
            limits.check_width(value, "a field")


def check_format(template: str, args: Iterable[Any]) -> None:
    """Before ``template.format(*args)``: no field wider than MAX_SIZE characters."""
    nested = False
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return  # str.format itself says what is wrong
    for _, _, spec, _ in fields:
        if not spec:
            continue
        nested = nested or "{" in spec
        for digits in _DIGITS.findall(spec):
            if _too_wide(digits):
                raise TemplateLimitError(_wide(digits))
    if nested:
        for value in args:
            limits.check_width(value, "a field")


def _wide(digits: str) -> str:
    shown = digits if len(digits) <= 12 else digits[:12] + "…"
    return (
        f"the template formats a field {shown} characters wide; a template may build at most "
        f"{limits.number(limits.MAX_SIZE)} characters"
    )


def _grown_by(text: str, old: Any, new: Any, count: Any = -1) -> int:
    """The length of ``text.replace(old, new, count)``, computed without building it."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return len(text)
    found = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def _joined_length(separator: Any, items: list[Any]) -> int:
    pieces = sum(len(i) for i in items if isinstance(i, str))
    return pieces + len(str(separator)) * max(len(items) - 1, 0)


def _check_length(size: int, what: str = "string") -> None:
    if size > limits.MAX_SIZE:
        raise TemplateLimitError(limits.too_big(what, size))


_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
_MUTATORS = frozenset({"append", "extend", "insert", "update", "setdefault", "add", "__iadd__"})


def _bounded_method(obj: Any, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    """A method of a string, list, dict or set, checked before it can grow something too big."""

    @functools.wraps(method)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if isinstance(obj, str):
            if name in _WIDTH_METHODS and args:
                limits.check_width(args[0], f"a {name}() padding")
            elif name == "expandtabs":
                size = args[0] if args else kwargs.get("tabsize", 8)
                if isinstance(size, int):
                    _check_length(len(obj) + obj.count("\t") * size)
            elif name == "replace" and len(args) >= 2:
                _check_length(_grown_by(obj, *args[:3]))
            elif name == "join" and args:
                items = list(args[0])
                _check_length(_joined_length(obj, items))
                args = (items, *args[1:])
            elif name in ("format", "format_map"):
                values = list(args) + list(kwargs.values())
                if name == "format_map" and args and isinstance(args[0], dict):
                    values = list(args[0].values())
                check_format(obj, values)
        elif name in ("extend", "update") and args and hasattr(args[0], "__len__"):
            _check_length(len(obj) + len(args[0]), "list")
        result = method(*args, **kwargs)
        if name in _MUTATORS:
            check_size(obj, "list")
        return check_size(result, "value")

    return bounded


GROWING_FILTERS = frozenset(
    {"center", "format", "replace", "indent", "wordwrap", "join", "sum", "batch", "slice", "tojson"}
)
"""Jinja's filters whose result can be far larger than their input: checked before they run."""


def _bounded_filters(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Jinja's own filters checked after (docgen's only format values), and the ones that make
    text longer checked before."""
    return {
        name: _bounded_filter(name, f)
        for name, f in filters.items()
        if name not in FILTERS and name != "cell"
    }


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    # Filters marked pass_context / pass_environment … receive that first: skip it.
    passes = getattr(function, "jinja_pass_arg", None) is not None
    growing = name in GROWING_FILTERS

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if growing:
            given = list(args[1:] if passes else args)
            if given:
                given = _before_filter(name, given, kwargs)
                args = (*args[:1], *given) if passes else tuple(given)
        return check_size(function(*args, **kwargs), "value")

    return bounded


def _argument(given: list[Any], kwargs: dict[str, Any], index: int, key: str, default: Any) -> Any:
    return given[index] if len(given) > index else kwargs.get(key, default)


def _before_filter(name: str, given: list[Any], kwargs: dict[str, Any]) -> list[Any]:
    value = given[0]
    if name == "center":
        limits.check_width(_argument(given, kwargs, 1, "width", 80), "a centred text")
    elif name == "format" and isinstance(value, str):
        check_percent(value, tuple(given[1:]) or tuple(kwargs.values()))
    elif name == "replace" and isinstance(value, str) and len(given) >= 3:
        _check_length(_grown_by(value, given[1], given[2], _argument(given, kwargs, 3, "count", -1)))
    elif name == "indent" and isinstance(value, str):
        width = _argument(given, kwargs, 1, "width", 4)
        size = width if isinstance(width, int) else len(str(width))
        _check_length(len(value) + (value.count("\n") + 1) * max(size, 0))
    elif name == "wordwrap" and isinstance(value, str):
        width = _argument(given, kwargs, 1, "width", 79)
        wrap = _argument(given, kwargs, 3, "wrapstring", None)
        if isinstance(wrap, str) and isinstance(width, int):
            lines = len(value) // max(width, 1) + value.count("\n") + 1
            _check_length(len(value) + lines * len(wrap))
    elif name == "join" and not isinstance(value, str) and hasattr(value, "__iter__"):
        items = list(value)
        _check_length(_joined_length(_argument(given, kwargs, 1, "d", ""), items))
        given[0] = items
    elif name == "sum" and not isinstance(value, str) and hasattr(value, "__iter__"):
        items = list(value)
        start = _argument(given, kwargs, 2, "start", 0)
        if limits.sized(start) is not None:
            _check_length(len(start) + sum(limits.sized(i) or 0 for i in items), "list")
        given[0] = items
    elif name in ("batch", "slice"):
        count = given[1] if len(given) > 1 else kwargs.get("linecount", kwargs.get("slices"))
        limit = limits.MAX_SIZE if name == "batch" else limits.MAX_RANGE
        if isinstance(count, int) and count > limit:
            raise TemplateLimitError(
                f"{name}({count}): a template may ask for at most {limits.number(limit)}"
            )
    elif name == "tojson":
        limits.check_width(_argument(given, kwargs, 1, "indent", None), "an indentation")
    return given


def _environment(
    autoescape: bool, cell: Callable[[Any], str], line_break: str
) -> SandboxedEnvironment:
    env = DocgenEnvironment(
        autoescape=autoescape, undefined=StrictUndefined, keep_trailing_newline=True
    )
    env.filters.update(FILTERS)
    env.filters["cell"] = cell
    env.filters.update(_bounded_filters(env.filters))
    env.globals["br"] = line_break  # a line break inside a table cell or paragraph
    return env


def markdown_cell(value: Any) -> str:
    """A value inside a markdown table cell: line breaks as <br>, pipes escaped."""
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", "<br>")


def word_cell(value: Any) -> str:
    """In Word a cell holds line breaks and pipes as they are."""
    return "" if value is None else str(value)


@cache
def text_environment() -> SandboxedEnvironment:
    """For text (.md) templates: values printed exactly as written."""
    env = _environment(autoescape=False, cell=markdown_cell, line_break="<br>")
    env.lstrip_blocks = True
    return env


@cache
def word_environment() -> SandboxedEnvironment:
    """For Word templates: values escaped for XML, so `&`, `<` and `>` stay text."""
    return _environment(autoescape=True, cell=word_cell, line_break="\n")
