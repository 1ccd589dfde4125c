"""Safe file output: atomic writes confined to the output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """A report cannot be written where it was asked to go."""


def safe_path(out_dir: Path, relative: str) -> Path:
    """Resolve ``relative`` inside ``out_dir``; refuse anything that escapes it."""
    root = out_dir.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise OutputError(f"refusing to write outside the output folder: {relative}")
    return target


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write via a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
