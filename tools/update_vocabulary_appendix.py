"""Rewrite the appendix of docs/templates.md (every template name) from the template context.

Run after adding a name to ``docgen/render/context.py``; ``tests/test_lint.py`` checks the result.
"""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path

from docgen.lint.vocabulary import vocabulary_names

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "templates.md"
BEGIN, END = "<!-- vocabulary: begin -->", "<!-- vocabulary: end -->"


def appendix() -> str:
    lines = []
    names = vocabulary_names()
    order = list(dict.fromkeys(re.split(r"[.\[]", n)[0] for n in names))
    for top, group in groupby(sorted(names, key=lambda n: (order.index(re.split(r"[.\[]", n)[0]), n)),
                              key=lambda n: re.split(r"[.\[]", n)[0]):
        members = [n for n in group if n != top]
        lines.append(f"- `{top}`" + (": " + ", ".join(f"`{n}`" for n in members) if members else ""))
    return "\n".join(lines)


def main() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN)
    _, tail = rest.split(END)
    GUIDE.write_text(f"{head}{BEGIN}\n{appendix()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
