"""bench/functions.py: named functions wrapped in place, their CPU time counted once per
outermost call, wherever they are called from."""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:  # bench/ is not a package
    path = ROOT / "bench" / "functions.py"
    spec = importlib.util.spec_from_file_location("bench_functions", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _busy(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


@pytest.fixture
def toy() -> Iterator[tuple[ModuleType, ModuleType]]:
    """A module of functions to wrap, and a second one that imported one of them by name."""
    lib = ModuleType("toy_lib_for_bench")

    def countdown(k: int) -> int:
        _busy(0.002)
        return 0 if k == 0 else 1 + lib.countdown(k - 1)

    class Shape:
        def area(self, side: int) -> int:
            _busy(0.002)
            return side * side

        @staticmethod
        def sides() -> int:
            return 4

    lib.countdown = countdown  # type: ignore[attr-defined]
    lib.Shape = Shape  # type: ignore[attr-defined]
    user = ModuleType("toy_user_for_bench")
    user.countdown = countdown  # type: ignore[attr-defined]  # as "from toy_lib import countdown"
    sys.modules[lib.__name__], sys.modules[user.__name__] = lib, user
    try:
        yield lib, user
    finally:
        del sys.modules[lib.__name__], sys.modules[user.__name__]


def test_wrapped_functions_keep_their_results_and_count_outermost_calls(
        toy: tuple[ModuleType, ModuleType]) -> None:
    lib, user = toy
    tool = _tool()
    spent: dict[str, float] = {}
    for spec in ("toy_lib_for_bench:countdown", "toy_lib_for_bench:Shape.area",
                 "toy_lib_for_bench:Shape.sides"):
        tool.wrap(spec, spent)
    assert user.countdown is lib.countdown  # the by-name import is wrapped too
    assert user.countdown(3) == 3  # four nested calls, one outermost
    assert lib.Shape().area(5) == 25
    assert lib.Shape.sides() == 4 and lib.Shape().sides() == 4  # still a staticmethod
    assert set(spent) == {"toy_lib_for_bench:countdown", "toy_lib_for_bench:Shape.area",
                          "toy_lib_for_bench:Shape.sides"}
    # four nested calls of 2 ms each: about 8 ms, counted once (16+ ms if counted per level)
    assert 0.007 <= spent["toy_lib_for_bench:countdown"] < 0.014
    assert 0.0019 <= spent["toy_lib_for_bench:Shape.area"] < 0.006


def test_a_name_that_is_no_function_is_refused_by_name(toy: tuple[ModuleType, ModuleType]) -> None:
    tool = _tool()
    with pytest.raises(SystemExit):
        tool.wrap("toy_lib_for_bench", {})
    with pytest.raises(SystemExit):
        tool.wrap("toy_lib_for_bench:missing", {})
    with pytest.raises(SystemExit):
        tool.wrap("no_such_module_for_bench:f", {})
