"""Output naming and writing: every file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from docgen.errors import UsageError


@dataclass(frozen=True)
class RenderedFile:
    """One output, in memory, with its path relative to the output folder."""

    relative: Path
    data: bytes


def output_name(case_id: str, filing: str, lang: str, ext: str) -> Path:
    """``<case.id>/<filing>.<lang>.<ext>``."""
    return Path(case_id) / f"{filing}.{lang}.{ext}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename it into place."""
    write_atomically_with(path, lambda stream: stream.write(data))


def write_atomically_with(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Let ``write`` fill a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_files(out_dir: Path, files: Sequence[RenderedFile]) -> list[Path]:
    """Write every rendered file under ``out_dir``; the paths written, in order."""
    written = []
    try:
        for item in files:
            target = out_dir / item.relative
            write_atomically(target, item.data)
            written.append(target)
    except OSError as exc:
        raise UsageError(f"{out_dir}: cannot write output ({exc.strerror})") from None
    return written
