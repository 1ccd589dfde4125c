"""One loader for every lexicon and model file the tool ships or a user supplies.

Every such file is JSON with the same envelope::

    {"format": "checker-hedging-lexicon", "format_version": 1, ...the data...}

``load_data(path, fmt, versions)`` reads a file, checks that it is a JSON object
with the expected ``format`` and a supported ``format_version``, and returns the
data without the envelope keys. Problems are a :class:`DataFileError` naming the
file and what is wrong, never a traceback from deep inside a rule.

Whatever a file holds, reading it is bounded: only regular files are read (not a
folder, a FIFO or a device), at most :data:`MAX_BYTES`; JSON nested deeper than
:data:`MAX_DEPTH`, ``NaN``/``Infinity``, a number too large for a float and an integer
too long to convert are refused when the file is read. A model's own shape (which
keys, which types, sizes and ranges) is checked by its loader with :func:`field`,
:func:`whole_number`, :func:`finite_number` and :func:`number_array`, which name the
file and the key.
"""

from __future__ import annotations

import gc
import json
import math
import os
import stat
import struct
import sys
from array import array
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from importlib import import_module
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

ENVELOPE = ("format", "format_version")
MAX_BYTES = 64 * 1024 * 1024  # the largest shipped model is under 3 MB; a full 2**20 model ~25 MB
MAX_DEPTH = 32  # the shipped files nest 5 levels deep
_MISSING = object()


class DataFileError(ValueError):
    """A lexicon or model file is missing, unreadable or of the wrong kind."""


def _bad_constant(name: str) -> Any:
    raise DataFileError(f"{name} is not a number this tool accepts (numbers must be finite)")


def all_finite(values: Sequence[float]) -> bool:
    """Whether every number of ``values`` is finite: their sum is finite only when none is
    infinite or NaN (which stay in a running sum), so one sum in C answers, and only a sum
    that is not finite (maybe finite numbers too large together) is checked item by item."""
    return math.isfinite(sum(values)) or all(map(math.isfinite, values))


def little_endian(typecode: str, raw: bytes) -> array:
    """The numbers packed little-endian in ``raw`` (as the model files store them), as an
    array of ``typecode`` (``ValueError`` when ``raw`` is not a whole number of them)."""
    out = array(typecode)
    width = struct.calcsize("<" + typecode)  # the files' size; a C type may be wider
    if out.itemsize != width:  # pragma: no cover - exotic C
        if len(raw) % width:
            raise ValueError(f"{len(raw)} bytes are not a whole number of {width}-byte items")
        return array(typecode, struct.unpack(f"<{len(raw) // width}{typecode}", raw))
    out.frombytes(raw)
    if sys.byteorder != "little":  # pragma: no cover - the files are little-endian
        out.byteswap()
    return out


def _numbers_finite(values: Iterable[Any]) -> bool | None:
    """True/False when every item is a number (all finite or not), None otherwise."""
    try:
        return all(map(math.isfinite, values))
    except TypeError:
        return None


def check_values(data: Any, limit: int = MAX_DEPTH) -> str:
    """What is wrong with parsed JSON ``data`` ("" when nothing): nesting deeper than
    ``limit``, a number that is not finite. Linear in the size of ``data``; lists of
    numbers (and lists of such lists) are checked at C speed."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return f"nested more than {limit} levels deep"
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            try:
                ok = _numbers_finite(value)
                if ok is None and value and isinstance(value[0], list) and depth < limit:
                    ok = _numbers_finite(chain.from_iterable(value))
            except OverflowError:
                return "a number is too large"
            if ok is False:
                return "a number is not finite (NaN or infinity)"
            if ok is None:
                stack.extend((v, depth + 1) for v in value if isinstance(v, list | dict | float))
        elif isinstance(value, float) and not math.isfinite(value):
            return "a number is not finite (NaN or infinity)"
    return ""


def _loads(text: str) -> Any:
    """``json.loads`` (NaN and infinity refused) with the cycle collector paused: parsing a
    model of a million values would otherwise run it again and again over objects that
    JSON cannot make cycles of (a third of the time of reading the attribution tagger)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return json.loads(text, parse_constant=_bad_constant)
    finally:
        if paused:
            gc.enable()


def parse_data(
    text: str, fmt: str, versions: Collection[int] = (1,), where: str = "<data>"
) -> dict[str, Any]:
    """The data of one envelope-wrapped JSON document (``where`` names it in errors)."""
    try:
        data = _loads(text)
    except DataFileError as exc:
        raise DataFileError(f"{where}: {exc}") from None
    except RecursionError:
        raise DataFileError(f"{where}: JSON nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:
        reason = str(exc)
        if "integer string conversion" in reason:
            reason = "a number has too many digits"
        raise DataFileError(f"{where}: not valid JSON ({reason})") from None
    problem = check_values(data)
    if problem:
        raise DataFileError(f"{where}: {problem}")
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


def load_data(
    path: str | Path, fmt: str, versions: Collection[int] = (1,)
) -> dict[str, Any]:
    """Read and check a data file from disk (a user's model or lexicon, or a shipped one)."""
    p = Path(path)
    return parse_data(read_text(p), fmt, versions, where=str(p))


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes (``DataFileError`` else).

    The size is counted while reading, not taken from the file system: a device or a
    FIFO reports a size of 0 whatever it holds, and those are refused before reading."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError(f"{path}: is a folder, not a JSON file")
    if not stat.S_ISREG(info.st_mode):
        raise DataFileError(f"{path}: not a regular file (a device, FIFO or socket)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise DataFileError(f"{path}: larger than {limit // (1024 * 1024)} MB")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path}: not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})"
        ) from None


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


# --------------------------------------------------------------- shape checks


def field(data: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...],
          default: Any = _MISSING) -> Any:
    """``data[key]`` (``key`` may be dotted: ``"params.n_features"``), of type ``kind``."""
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict):
            value = _MISSING
            break
        value = value.get(part, _MISSING)
    if value is _MISSING:
        if default is not _MISSING:
            return default
        raise DataFileError(f"{where}: {key!r} is missing")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if bool not in kinds and isinstance(value, bool) or not isinstance(value, kinds):
        names = "a number" if float in kinds else " or ".join(
            _KIND_NAMES.get(k, k.__name__) for k in kinds)
        raise DataFileError(f"{where}: {key!r} must be {names}, not {_describe(value)}")
    return value


_KIND_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false",
               int: "a whole number", float: "a number"}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    text = json.dumps(value) if isinstance(value, bool | int | float | str) else ""
    name = _KIND_NAMES.get(type(value), type(value).__name__)
    return f"{name} {text[:40]}" if text else name


def mapping(data: dict[str, Any], key: str, where: str, kind: type,
            default: Any = _MISSING) -> dict[str, Any]:
    """An object field whose values are all of type ``kind``."""
    value = field(data, key, where, dict, default)
    for k, v in value.items():
        if not isinstance(v, kind) or isinstance(v, bool) and kind is not bool:
            raise DataFileError(f"{where}: {key}[{k!r}] must be {_KIND_NAMES.get(kind, kind)},"
                                f" not {_describe(v)}")
    return value


def whole_number(data: dict[str, Any], key: str, where: str, lo: int, hi: int,
                 default: Any = _MISSING) -> int:
    """An integer field between ``lo`` and ``hi`` (inclusive)."""
    value = field(data, key, where, int, default)
    if not lo <= value <= hi:
        shown = str(value) if len(str(value)) <= 24 else f"a {len(str(value))}-digit number"
        raise DataFileError(f"{where}: {key!r} must be from {lo} to {hi}, not {shown}")
    return int(value)


def finite_number(data: dict[str, Any], key: str, where: str, lo: float = -math.inf,
                  hi: float = math.inf, default: Any = _MISSING) -> float:
    """A finite number field between ``lo`` and ``hi``."""
    value = field(data, key, where, (int, float), default)
    if not math.isfinite(float(value)) or not lo <= value <= hi:
        span = "" if (lo, hi) == (-math.inf, math.inf) else f" from {lo} to {hi}"
        raise DataFileError(f"{where}: {key!r} must be a finite number{span}, not {value!r}")
    return float(value)


def number_array(data: dict[str, Any], key: str, where: str, dtype: Any,
                 shape: tuple[int | None, ...], max_items: int) -> np.ndarray:
    """A list (of lists) of finite numbers as a numpy array of ``dtype`` and ``shape``
    (``None``: any length), with at most ``max_items`` numbers in all; an integer
    ``dtype`` takes whole numbers only."""
    import numpy as np  # only the model loaders need it

    value = field(data, key, where, list)
    if len(value) > max_items:
        raise DataFileError(f"{where}: {key!r} has {len(value)} items, more than {max_items}")
    whole = np.dtype(dtype).kind in "iu"
    try:  # floats convert straight to their type; whole numbers must be written as such
        with np.errstate(over="ignore", invalid="ignore"):  # too large: inf, refused below
            raw = np.asarray(value) if whole else np.asarray(value, dtype=dtype)
        if raw.dtype.kind not in "iuf" and raw.size:
            raise TypeError
        if whole and raw.dtype.kind == "f":
            raise DataFileError(f"{where}: {key!r} must be a list of whole numbers")
        if raw.size:
            arr = raw.astype(dtype, copy=False)
        elif not value and shape[0] in (None, 0):  # an empty list: no rows of any width
            arr = np.zeros((0, *(n or 0 for n in shape[1:])), dtype=dtype)
        else:
            arr = np.zeros(raw.shape, dtype=dtype)
    except (TypeError, ValueError, OverflowError) as exc:
        if isinstance(exc, DataFileError):
            raise
        raise DataFileError(f"{where}: {key!r} must be a list of numbers") from None
    expected = "x".join("n" if n is None else str(n) for n in shape)
    if arr.ndim != len(shape) or any(
        n is not None and n != m for n, m in zip(shape, arr.shape, strict=True)
    ):
        got = "x".join(map(str, arr.shape))
        raise DataFileError(f"{where}: {key!r} must have shape {expected}, not {got}")
    if arr.size > max_items:
        raise DataFileError(f"{where}: {key!r} has {arr.size} numbers, more than {max_items}")
    if arr.dtype.kind == "f" and not np.isfinite(arr).all():
        raise DataFileError(f"{where}: {key!r} holds a number that is not finite"
                            " (or too large for its type)")
    return arr
