"""Exhibits ready to file: each source file of a filing's evidence as a PDF stamped with its label
(甲第1号証 / 疎甲第1号証 / 資料1 / Exhibit 1) at the top right of the first page, and optionally
one combined PDF (the 証拠説明書 first, then the exhibits in order, one bookmark each).

- :mod:`docgen.exhibits.sources` reads a file, recognises PNG / JPEG / PDF by its magic bytes and
  decodes it safely;
- :mod:`docgen.exhibits.stamp` draws the stamp (reportlab, IPAex Mincho embedded) and stamps,
  merges and bookmarks PDFs (pypdf), deterministically;
- :mod:`docgen.exhibits.build` does it for one filing of one case, in memory, then writes.
"""

from docgen.exhibits.build import (
    NONE,
    RENDER,
    Exhibit,
    ExhibitSet,
    as_data,
    build_exhibits,
    write_exhibits,
)

__all__ = [
    "NONE",
    "RENDER",
    "Exhibit",
    "ExhibitSet",
    "as_data",
    "build_exhibits",
    "write_exhibits",
]
