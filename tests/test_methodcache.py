"""The dataclass method cache: our classes get the very methods ``dataclasses`` would write,
compiled once and read back from the bytecode cache folder; a bad file is ignored."""

from __future__ import annotations

import dataclasses
import marshal
import subprocess
import sys
import types
from pathlib import Path

import pytest

from checker.core import methodcache
from checker.core.methodcache import MethodCache

# A module of ours with dataclasses of every kind the project uses (frozen, slotted,
# defaults, factories, ordering); ``from __future__ import annotations`` as in our modules.
SOURCE = '''
from __future__ import annotations
from dataclasses import dataclass, field

@dataclass(frozen=True, slots=True)
class Point:
    """A point."""
    x: int
    y: int = 0

@dataclass(order=True)
class Record:
    """A record."""
    name: str
    tags: list[str] = field(default_factory=list)
    score: float | None = None
'''


def _module(name: str, cache: MethodCache | None, *, plain: bool = False) -> types.ModuleType:
    """``SOURCE`` run as module ``name``, with ``cache`` as the method cache (``plain``:
    with ``dataclasses`` as Python ships it, without our ``exec``)."""
    old, ours = methodcache._CACHE, dataclasses.__dict__.get("exec")
    methodcache._CACHE = cache
    if plain:
        dataclasses.__dict__.pop("exec", None)
    mod = types.ModuleType(name)
    sys.modules[name] = mod
    try:
        exec(compile(SOURCE, f"<{name}>", "exec", dont_inherit=True), mod.__dict__)
    finally:
        methodcache._CACHE = old
        if ours is not None:
            dataclasses.exec = ours  # type: ignore[attr-defined]
        del sys.modules[name]
    return mod


def _plain() -> list[object]:
    return _behaviour(_module("checker.plain_test_module", None, plain=True))


def _behaviour(mod: types.ModuleType) -> list[object]:
    """What the generated methods do: construct, repr, compare, hash, order, freeze."""
    p, r = mod.Point(1), mod.Record("a", score=2.5)
    out: list[object] = [repr(p), p == mod.Point(1, 0), hash(p) == hash(mod.Point(1)), repr(r),
                         r < mod.Record("b"), r.tags is not mod.Record("a").tags,
                         mod.Point.__init__.__annotations__, mod.Record.__match_args__]
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2
    return out


@pytest.fixture(autouse=True)
def _writes_bytecode(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a process without PYTHONDONTWRITEBYTECODE (which the tests may run under)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_classes_get_the_same_methods_compiled_or_cached(tmp_path: Path) -> None:
    plain = _plain()
    assert _behaviour(_module("checker.uncached_test_module", None)) == plain
    first = MethodCache(tmp_path / "methods.marshal")
    assert _behaviour(_module("checker.cached_test_module", first)) == plain
    assert first.compiled > 0
    first.save()
    second = MethodCache(tmp_path / "methods.marshal")
    mod = _module("checker.cached_test_module", second)
    assert second.compiled == 0  # every method came from the file
    assert _behaviour(mod) == plain


def test_other_packages_classes_are_not_cached_and_keep_their_methods(tmp_path: Path) -> None:
    cache = MethodCache(tmp_path / "methods.marshal")
    assert _behaviour(_module("someone_else.module", cache)) == _plain()
    assert cache.compiled == 0 and cache.codes is None


@pytest.mark.parametrize("content", [
    b"", b"not marshal at all", marshal.dumps([1, 2]),
    marshal.dumps((methodcache._magic(), {"def f(): pass": "not code"})),
    marshal.dumps((b"other", {"def f(): pass": compile("def f(): pass", "<s>", "exec")})),
])
def test_a_bad_file_is_ignored_and_rewritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "methods.marshal"
    path.write_bytes(content)
    cache = MethodCache(path)
    plain = _plain()
    assert _behaviour(_module("checker.bad_file_test_module", cache)) == plain
    cache.save()
    assert MethodCache(path)._read()  # rewritten, readable


def test_an_unwritable_folder_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = MethodCache(blocker / "sub" / "methods.marshal")  # its folder cannot be made
    _module("checker.unwritable_test_module", cache)
    cache.save()  # no exception
    assert not (blocker / "sub").exists()


def test_the_command_line_writes_the_cache_as_python_writes_bytecode(tmp_path: Path) -> None:
    """With a bytecode cache prefix, a first run writes the file there and a second run takes
    its methods from it; under PYTHONDONTWRITEBYTECODE nothing is written."""
    probe = ("import checker.cli, rules; from checker.core import methodcache as m; "
             "print(m._CACHE.compiled, m._CACHE.path)")
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(prefix: Path, **extra: str) -> tuple[int, Path]:
        out = subprocess.run([sys.executable, "-X", f"pycache_prefix={prefix}", "-c", probe],
                             capture_output=True, text=True, check=True,
                             env={**env, **extra}).stdout.split()
        return int(out[0]), Path(out[1])

    compiled, path = run(tmp_path / "quiet", PYTHONDONTWRITEBYTECODE="1")
    assert compiled > 0 and not path.exists()
    compiled, path = run(tmp_path / "cache")
    assert compiled > 0 and path.is_file() and str(path).startswith(str(tmp_path / "cache"))
    compiled, _ = run(tmp_path / "cache")
    assert compiled == 0
