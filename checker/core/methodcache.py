"""Start-up: the methods ``@dataclass`` writes for our classes, compiled once and kept
beside the bytecode cache.

``dataclasses`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` ... as source text and compiles it (``exec``) every time the class is
created, that is in every process: for the ~45 classes a draft check imports, about 20 ms
of CPU, a fifth of its imports. Python keeps compiled modules in ``__pycache__``, not these.

:func:`install` gives the ``dataclasses`` module an ``exec`` that, for a class of our own
packages (``checker``, ``rules``, ``reports``), looks the compiled code up by its exact
source text in a file in this package's bytecode cache folder, and compiles (as ``exec``
would: file name ``<string>``, no inherited ``__future__`` flags) only what it does not
find. The class gets the very methods it would have got; other classes are not touched.
The file is read once per process (its name carries the interpreter's cache tag, and it
holds the bytecode magic number, like a ``.pyc``), and written back at exit when something
was compiled: as Python writes bytecode (not under ``PYTHONDONTWRITEBYTECODE``), atomically
(a temporary file renamed over it), and never an error (a read-only install simply
compiles every time). A missing, foreign or corrupt file is ignored and rewritten.
"""

from __future__ import annotations

import atexit
import builtins
import marshal
import os
import sys
import types
from pathlib import Path
from typing import Any

OURS = ("checker.", "rules.", "reports.")  # the module names whose classes are cached
MAX_ENTRIES = 2000  # more compiled methods than this on file: keep this process's only


def cache_path() -> Path | None:
    """Where the compiled methods are kept (the bytecode cache folder of this package, or
    ``sys.pycache_prefix``'s), or None when the interpreter keeps no bytecode cache."""
    import importlib.util

    try:
        source = Path(__file__).with_name("dataclass_methods.py")  # no such module: a name
        pyc = importlib.util.cache_from_source(str(source))
    except (NotImplementedError, ValueError):  # no cache tag
        return None
    return Path(pyc).with_suffix(".marshal")


def _magic() -> bytes:
    """The interpreter's bytecode magic number (what a ``.pyc`` header is checked by)."""
    import importlib.util

    return importlib.util.MAGIC_NUMBER


class MethodCache:
    """Compiled dataclass methods by their source text: read on first use, saved at exit."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.codes: dict[str, types.CodeType] | None = None  # None: not read yet
        self.used: set[str] = set()
        self.compiled = 0  # methods compiled in this process (not found on file)

    def _read(self) -> dict[str, types.CodeType]:
        try:
            # read whole: marshal.load from a file object reads it piecemeal, ten times slower
            data = marshal.loads(self.path.read_bytes())  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - missing, foreign or corrupt: compile afresh
            return {}
        if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _magic()
                and isinstance(data[1], dict)):
            return {}  # not ours, or written by another interpreter's bytecode
        codes = data[1]
        if not all(isinstance(k, str) and isinstance(v, types.CodeType)
                   for k, v in codes.items()):
            return {}
        return codes

    def code(self, source: str) -> types.CodeType:
        """The compiled ``source``: from the file, else compiled as ``exec`` compiles it."""
        if self.codes is None:
            self.codes = self._read() if self.path is not None else {}
        code = self.codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.codes[source] = code
            self.compiled += 1
        self.used.add(source)
        return code

    def save(self) -> None:
        """Write the methods back when this process compiled some (never raises)."""
        if not self.compiled or self.path is None or sys.dont_write_bytecode:
            return
        codes = self.codes or {}
        if len(codes) > MAX_ENTRIES:  # old classes' methods pile up: keep what is in use
            codes = {k: v for k, v in codes.items() if k in self.used}
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(marshal.dumps((_magic(), codes)))
            os.replace(tmp, self.path)
        except Exception:  # noqa: BLE001 - read-only or full: compile again next time
            try:
                tmp.unlink()
            except OSError:
                pass
        self.compiled = 0


_CACHE: MethodCache | None = None


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002
    """``exec`` for the ``dataclasses`` module: our classes' method texts come compiled.

    Text is compiled here as ``exec`` in ``dataclasses`` would compile it: without this
    module's ``__future__`` flags (``exec`` of a string would inherit them, and turn the
    annotations of the methods it makes into strings)."""
    if isinstance(source, str):
        if (_CACHE is not None and isinstance(globals, dict)
                and str(globals.get("__name__", "")).startswith(OURS)):
            source = _CACHE.code(source)
        else:
            source = compile(source, "<string>", "exec", dont_inherit=True)
    builtins.exec(source, globals, locals)


def install() -> None:
    """Let ``dataclasses`` take our classes' compiled methods from the cache (once)."""
    global _CACHE
    if _CACHE is not None:
        return
    import dataclasses

    _CACHE = MethodCache(cache_path())
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin
    atexit.register(_CACHE.save)
