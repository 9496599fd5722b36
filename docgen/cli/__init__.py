"""The command line: parse arguments, call one library function, print, exit. Nothing more."""

from docgen.cli import batch, cases, exhibits, templates  # noqa: F401  (each registers its commands)
from docgen.cli.base import add_completion, main

add_completion(main)

__all__ = ["main"]
