"""The layers of docgen never reach up: each module imports only its own layer and those below.

Ground floor (findings, errors, eras, the rule ids) → the case file → the law → the filings →
rendering → template lint and the check → the pipeline → exhibits and batches → reports and
``init``'s scaffold → the API → the command line. Imports for type checking count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "docgen"
LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(names.split())
    for names in (
        "findings errors eras catalogue data",
        "case",
        "law",
        "filings",
        "render",
        "lint check",
        "pipeline",
        "exhibits batch",
        "reports scaffold",
        "api",
        "cli __main__ __init__",
    )
)


def layer_of(part: str) -> int:
    for number, names in enumerate(LAYERS):
        if part in names:
            return number
    raise AssertionError(f"docgen.{part} belongs to no layer: add it to LAYERS")


def imported_parts(path: Path) -> set[str]:
    """The top-level docgen parts (``case``, ``render`` …) a module imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "docgen":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("docgen."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("docgen.")}
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_layer_above_its_own(path: Path) -> None:
    relative = path.relative_to(PACKAGE)
    own = relative.parts[0].removesuffix(".py")
    above = sorted(p for p in imported_parts(path) if layer_of(p) > layer_of(own))
    assert not above, f"docgen/{relative} reaches up to {above}"


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    """`docgen --help` (and completion, which runs on every TAB) imports click and docgen's own
    thin modules only: pydantic, docxtpl, lxml and Babel load when a command needs them."""
    import subprocess
    import sys

    code = (
        "import sys; from docgen.cli import main\n"
        "heavy = ('pydantic', 'docxtpl', 'lxml', 'babel', 'jinja2', 'holidays')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
