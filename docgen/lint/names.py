"""The Jinja side of the linter: names checked against the vocabulary, syntax errors explained.

:class:`NameChecker` walks the Jinja AST of a template (parsed with the environment rendering
uses) and resolves every ``Name`` / ``Getattr`` / ``Getitem`` chain: against the context shape of
:mod:`docgen.lint.vocabulary`, against the names a template defines itself (``{% set %}``,
``{% for x in … %}`` with its ``loop``, ``namespace()`` and the attributes set on it, macro
parameters), and against Jinja's globals. It also checks filter and test names, and the
``attribute=`` of ``map`` / ``sort`` / ``selectattr`` and the like. ``victim.nmae`` and
``post.urll`` inside ``{% for post in posts %}`` are reported, with the closest known name.
:func:`syntax_error` points an "unexpected end of template" at the block that is never closed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes

from docgen.lint.vocabulary import ANY, TEXT, Shape, Vocabulary, suggestion, vocabulary
from docgen.render.syntax import syntax_message


@dataclass
class Namespace:
    """A ``namespace()``: it has the attributes it was made with and those set later."""

    names: set[str]
    open: bool = False


Binding = Shape | Namespace


@dataclass(frozen=True)
class NameIssue:
    """A name a template uses that the vocabulary does not have, at a line of the parsed source."""

    lineno: int
    kind: str  # unknown-name | unknown-filter
    message: str
    name: str  # what was typed, to find it on the line


# Filters whose result is the list they were given, or one of its elements.
SAME_LIST = frozenset({"list", "sort", "unique", "reverse", "selectattr", "rejectattr", "default"})
ONE_ITEM = frozenset({"first", "last", "random", "min", "max"})
ATTRIBUTE_ARG = frozenset({"selectattr", "rejectattr", "groupby"})


def dotted_text(node: nodes.Node) -> str:
    """How ``node`` reads in the template: ``victim.name``, ``posts[0]``, ``a["b"]``."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{dotted_text(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg
        key = repr(arg.value) if isinstance(arg, nodes.Const) else "…"
        return f"{dotted_text(node.node)}[{key}]"
    if isinstance(node, nodes.Filter) and node.node is not None:
        return f"({dotted_text(node.node)} | {node.name})"
    return "(…)"


class NameChecker:
    """Walks a parsed template with its scopes and reports what the vocabulary does not have."""

    def __init__(self, vocab: Vocabulary | None = None) -> None:
        self.vocab = vocab or vocabulary()
        self.scopes: list[dict[str, Binding]] = [{}]
        self.issues: list[NameIssue] = []

    def check(self, template: nodes.Template) -> list[NameIssue]:
        self.visit_all(template.body)
        return self.issues

    # -------------------------------------------------------------------------- plumbing

    def visit(self, node: nodes.Node | None) -> Binding:
        if node is None:
            return ANY
        method: Callable[[Any], Binding] | None = getattr(
            self, f"visit_{type(node).__name__}", None
        )
        if method is not None:
            return method(node)
        self.visit_all(node.iter_child_nodes())
        return ANY

    def visit_all(self, children: Iterable[nodes.Node]) -> None:
        for child in children:
            self.visit(child)

    def report(self, node: nodes.Node, kind: str, text: str, hint: str | None, name: str) -> None:
        message = text + (f" (did you mean `{hint}`?)" if hint else "")
        self.issues.append(NameIssue(node.lineno, kind, message, name))

    def lookup(self, name: str) -> Binding | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in self.vocab.context.keys:
            return self.vocab.context.keys[name]
        return ANY if name in self.vocab.globals else None

    def visible_names(self) -> set[str]:
        names = set(self.vocab.context.keys) | set(self.vocab.globals)
        for scope in self.scopes:
            names |= set(scope)
        return names

    def bind(self, target: nodes.Node, value: Binding) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = value
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, ANY)
        elif isinstance(target, nodes.NSRef):
            self.set_namespace_attribute(target)

    def in_scope(self, bindings: Mapping[str, Binding], body: Iterable[nodes.Node]) -> None:
        self.scopes.append(dict(bindings))
        try:
            self.visit_all(body)
        finally:
            self.scopes.pop()

    # -------------------------------------------------------------------------- names

    def visit_Name(self, node: nodes.Name) -> Binding:
        found = self.lookup(node.name)
        if found is None:
            hint = suggestion(node.name, self.visible_names())
            text = f"`{node.name}` is not in the template vocabulary"
            self.report(node, "unknown-name", text, hint, node.name)
            return ANY
        return found

    def member(self, node: nodes.Node, base_node: nodes.Node, attr: str, called: bool) -> Binding:
        base = self.visit(base_node)
        if isinstance(base, Namespace):
            if base.open or attr in base.names:
                return ANY
            choices: Iterable[str] = base.names
        else:
            found = base.member(attr, called)
            if found is not None:
                return found
            choices = base.keys
        hint = suggestion(attr, choices)
        text = f"`{dotted_text(node)}` is not in the template vocabulary"
        self.report(node, "unknown-name", text, hint and f"{dotted_text(base_node)}.{hint}", attr)
        return ANY

    def visit_Getattr(self, node: nodes.Getattr) -> Binding:
        return self.member(node, node.node, node.attr, called=False)

    def visit_Getitem(self, node: nodes.Getitem) -> Binding:
        arg = node.arg
        if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
            return self.member(node, node.node, arg.value, called=False)
        base = self.visit(node.node)
        self.visit(arg)
        if not isinstance(base, Shape):
            return ANY
        if isinstance(arg, nodes.Slice):
            return base
        return base.item if base.item is not None else ANY

    def visit_Call(self, node: nodes.Call) -> Binding:
        callee = node.node
        result: Binding = ANY
        if isinstance(callee, nodes.Getattr):
            self.member(callee, callee.node, callee.attr, called=True)
        elif isinstance(callee, nodes.Name) and callee.name == "namespace":
            if self.lookup("namespace") is ANY:
                result = Namespace({k.key for k in node.kwargs}, open=bool(node.args))
        else:
            self.visit(callee)
        self.visit_all(node.args)
        self.visit_all(k.value for k in node.kwargs)
        self.visit(node.dyn_args)
        self.visit(node.dyn_kwargs)
        return result

    # -------------------------------------------------------------------------- filters, tests

    def visit_Filter(self, node: nodes.Filter) -> Binding:
        base = self.visit(node.node)
        self.check_callable(node, node.name, self.vocab.filters, "filter")
        self.visit_all(node.args)
        self.visit_all(k.value for k in node.kwargs)
        element = base.item if isinstance(base, Shape) else None
        attribute = self.attribute_argument(node)
        if attribute is not None and element is not None:
            picked = self.check_attribute(node, element, attribute)
            if node.name == "map":
                return Shape(frozenset({list}), item=picked)
        if node.name == "map" and node.args and isinstance(node.args[0], nodes.Const):
            self.check_callable(node, str(node.args[0].value), self.vocab.filters, "filter")
        if node.name in SAME_LIST:
            return base
        if node.name in ONE_ITEM:
            return element or ANY
        return ANY

    def attribute_argument(self, node: nodes.Filter) -> str | None:
        for keyword in node.kwargs:
            if keyword.key == "attribute" and isinstance(keyword.value, nodes.Const):
                return str(keyword.value.value)
        if node.name in ATTRIBUTE_ARG and node.args and isinstance(node.args[0], nodes.Const):
            return str(node.args[0].value)
        return None

    def check_attribute(self, node: nodes.Filter, element: Shape, attribute: str) -> Shape:
        shape = element
        for part in attribute.split("."):
            found = shape.member(part) if not part.isdigit() else (shape.item or ANY)
            if found is None:
                hint = suggestion(part, shape.keys)
                self.report(
                    node,
                    "unknown-name",
                    f'`{node.name}(attribute="{attribute}")`: the items have no `{part}`',
                    hint,
                    part,
                )
                return ANY
            shape = found
        return shape

    def check_callable(self, node: nodes.Node, name: str, known: frozenset[str], what: str) -> None:
        if name not in known:
            hint = suggestion(name, known)
            text = f"`{name}` is not a {what} templates can use"
            self.report(node, "unknown-filter", text, hint, name)

    def visit_Test(self, node: nodes.Test) -> Binding:
        self.visit(node.node)
        self.check_callable(node, node.name, self.vocab.tests, "test")
        self.visit_all(node.args)
        self.visit_all(k.value for k in node.kwargs)
        return ANY

    # -------------------------------------------------------------------------- statements

    def visit_For(self, node: nodes.For) -> Binding:
        iterated = self.visit(node.iter)
        element = iterated.item if isinstance(iterated, Shape) else None
        element = element or ANY
        self.scopes.append({"loop": self.vocab.loop(element)})
        try:
            self.bind(node.target, element)
            self.visit(node.test)
            self.visit_all(node.body)
        finally:
            self.scopes.pop()
        self.visit_all(node.else_)
        return ANY

    def visit_Assign(self, node: nodes.Assign) -> Binding:
        self.bind(node.target, self.visit(node.node))
        return ANY

    def set_namespace_attribute(self, target: nodes.NSRef) -> None:
        found = self.lookup(target.name)
        if isinstance(found, Namespace):
            found.names.add(target.attr)
        elif found is None:
            hint = suggestion(target.name, self.visible_names())
            text = f"`{target.name}` is not a namespace: make it first with `namespace()`"
            self.report(target, "unknown-name", text, hint, target.name)

    def visit_AssignBlock(self, node: nodes.AssignBlock) -> Binding:
        self.visit(node.filter)
        self.visit_all(node.body)
        self.bind(node.target, TEXT)
        return ANY

    def visit_Macro(self, node: nodes.Macro) -> Binding:
        self.scopes[-1][node.name] = ANY
        self.visit_all(node.defaults)
        params = {a.name: ANY for a in node.args}
        params.update(varargs=ANY, kwargs=ANY, caller=ANY)
        self.in_scope(params, node.body)
        return ANY

    def visit_CallBlock(self, node: nodes.CallBlock) -> Binding:
        self.visit(node.call)
        self.visit_all(node.defaults)
        self.in_scope({a.name: ANY for a in node.args}, node.body)
        return ANY

    def visit_With(self, node: nodes.With) -> Binding:
        values = [self.visit(v) for v in node.values]
        self.scopes.append({})
        try:
            for target, value in zip(node.targets, values, strict=False):
                self.bind(target, value)
            self.visit_all(node.body)
        finally:
            self.scopes.pop()
        return ANY


def check_names(template: nodes.Template) -> list[NameIssue]:
    """Every name, attribute, filter and test of ``template`` the vocabulary does not have."""
    return NameChecker().check(template)


def compile_errors(env: jinja2.Environment, template: nodes.Template) -> list[tuple[int, str]]:
    """What compiling finds beyond the parser (unknown filters are reported by name already)."""
    try:
        env.compile(template)
    except jinja2.TemplateSyntaxError as exc:
        if not (exc.message or "").startswith(("No filter named", "No test named")):
            return [(exc.lineno or 1, syntax_message(exc))]
    return []
