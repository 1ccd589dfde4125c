"""One loader for every lexicon and model file the tool ships or a user supplies.

Every such file is JSON with the same envelope::

    {"format": "checker-hedging-lexicon", "format_version": 1, ...the data...}

``load_data(path, fmt, versions)`` reads a file, checks that it is a JSON object
with the expected ``format`` and a supported ``format_version``, and returns the
data without the envelope keys. Problems are a :class:`DataFileError` naming the
file and what is wrong, never a traceback from deep inside a rule.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Collection
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

ENVELOPE = ("format", "format_version")


class DataFileError(ValueError):
    """A lexicon or model file is missing, unreadable or of the wrong kind."""


def parse_data(
    text: str, fmt: str, versions: Collection[int] = (1,), where: str = "<data>"
) -> dict[str, Any]:
    """The data of one envelope-wrapped JSON document (``where`` names it in errors)."""
    try:
        data = _loads(text)
    except ValueError as exc:
        raise DataFileError(f"{where}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DataFileError(f"{where}: expected a JSON object with format {fmt!r}")
    found = data.get("format")
    if found is None:
        raise DataFileError(f"{where}: not a {fmt} file (it has no \"format\" field)")
    if found != fmt:
        raise DataFileError(f"{where}: a {found} file, not the {fmt} file expected here")
    version = data.get("format_version")
    if version not in versions:
        supported = ", ".join(str(v) for v in sorted(versions))
        raise DataFileError(
            f"{where}: format_version {version!r} of {fmt} is not supported"
            f" (supported: {supported})"
        )
    return {k: v for k, v in data.items() if k not in ENVELOPE}


def _loads(text: str) -> Any:
    """``json.loads`` with the cycle collector paused: parsing a model of a million values
    would otherwise run it again and again over objects that JSON cannot make cycles of
    (a third of the time of reading the attribution tagger)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return json.loads(text)
    finally:
        if paused:
            gc.enable()


def load_data(
    path: str | Path, fmt: str, versions: Collection[int] = (1,)
) -> dict[str, Any]:
    """Read and check a data file from disk (a user's model or lexicon, or a shipped one)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{p}: cannot read: {exc}") from None
    return parse_data(text, fmt, versions, where=str(p))


@lru_cache(maxsize=32)
def _packaged(package: str, name: str, fmt: str, versions: tuple[int, ...]) -> dict[str, Any]:
    return parse_data(_packaged_text(package, name), fmt, versions,
                      where=f"{package.replace('.', '/')}/{name}")


def _packaged_text(package: str, name: str) -> str:
    """The text of a file shipped in ``package``: read beside the package's ``__init__``
    when it is installed as files (as pip installs it), else through importlib.resources
    (zip imports), whose import the usual case skips."""
    module = sys.modules.get(package) or import_module(package)
    init = getattr(module, "__file__", None)
    if init:
        path = Path(init).parent / name
        if path.is_file():
            return path.read_text("utf-8")
    from importlib import resources

    return resources.files(package).joinpath(name).read_text("utf-8")


def packaged_data(
    package: str, name: str, fmt: str, versions: Collection[int] = (1,)
) -> dict[str, Any]:
    """A data file shipped inside ``package`` (read once per process; do not mutate it)."""
    return _packaged(package, name, fmt, tuple(sorted(versions)))


def with_envelope(fmt: str, data: dict[str, Any], version: int = 1) -> dict[str, Any]:
    """``data`` wrapped for writing (training scripts use this when they save a model)."""
    return {"format": fmt, "format_version": version, **{k: v for k, v in data.items()
                                                          if k not in ENVELOPE}}
