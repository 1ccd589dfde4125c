"""CPU ms per article spent in named functions (inclusive), timed by wrapping them.

cProfile charges every Python call a fixed overhead, several times the cost of the small
functions this code base is made of, so its figures for them are inflated and a flat
profile looks flatter still. Here only the functions named on the command line are wrapped,
each call timed by this thread's CPU clock (other processes on a busy machine do not inflate
it): a call costs about a microsecond more and nothing else is slowed. A function that calls
itself, directly or through another, is counted once (its outermost call).

Analyses ``--articles`` PolNeAR train texts (``../shared``) as ``bench/stages.py`` does (a pass
to fill the per-word caches, then ``--rounds`` timed passes; ``--cold``: texts new to the
caches, one pass) and prints, per function and per stage, the median CPU ms per article,
largest first. Name a function as ``module:name`` or ``module:Class.method``; a function
imported by name into other modules (``from m import f``) is wrapped there too. The code
timed is the one on ``PYTHONPATH`` (another checkout's: ``PYTHONPATH=TREE``), or this one's.

    python bench/functions.py rules.attribution.extraction:extract \\
        rules.claims.scorer:ClaimScorer.probabilities [--articles 200] [--rounds 3] [--cold]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # (last: with PYTHONPATH=TREE, TREE's code is the one timed)

from bench.stages import POLNEAR, _ThreadClock  # noqa: E402


def _timed(func: Callable[..., Any], name: str, spent: dict[str, float]) -> Callable[..., Any]:
    """``func``, adding the CPU seconds of its outermost calls to ``spent[name]``."""
    depth = [0]
    clock = time.thread_time

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:
            return func(*args, **kwargs)
        depth[0] = 1
        t0 = clock()
        try:
            return func(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + clock() - t0
            depth[0] = 0

    return wrapper


def wrap(spec: str, spent: dict[str, float]) -> None:
    """Wrap the function ``spec`` (``module:name`` or ``module:Class.method``) in place."""
    module_name, _, path = spec.partition(":")
    if not path:
        raise SystemExit(f"bench/functions.py: name a function as module:name, not {spec!r}")
    *outer, attr = path.split(".")
    try:
        owner: Any = importlib.import_module(module_name)
        for part in outer:
            owner = getattr(owner, part)
        raw = inspect.getattr_static(owner, attr)
    except (ImportError, AttributeError) as exc:
        raise SystemExit(f"bench/functions.py: no function {spec} ({exc!r})") from None
    if isinstance(raw, staticmethod | classmethod):
        setattr(owner, attr, type(raw)(_timed(raw.__func__, spec, spent)))
        return
    if not callable(raw):
        raise SystemExit(f"bench/functions.py: {spec} is not a function")
    timed = _timed(raw, spec, spent)
    setattr(owner, attr, timed)
    if not outer:  # the same function imported by name elsewhere
        for module in list(sys.modules.values()):
            if module is not None and getattr(module, attr, None) is raw:
                setattr(module, attr, timed)


def measure(specs: list[str], n: int, rounds: int, cold: bool) -> dict[str, float]:
    """Median CPU ms per article of each wrapped function and each stage."""
    import checker.pipeline as pipeline
    import rules
    from checker.core.config import Config

    assert rules.FAMILIES  # every rule module imported, so that every importer is patched
    spent: dict[str, float] = {}
    for spec in specs:
        wrap(spec, spent)
    pipeline.time = _ThreadClock()  # type: ignore[assignment]
    texts = sorted(str(p) for p in POLNEAR.glob("*.txt"))
    files = texts[:n]
    if not files or (cold and len(texts) < 2 * n):
        raise SystemExit(f"bench/functions.py: too few PolNeAR texts at {POLNEAR}")
    config = Config()
    pipeline.warm_up(config)
    for f in texts[n : 2 * n] if cold else files:
        pipeline.analyse_file(f, config)
    passes = []
    for _ in range(1 if cold else rounds):
        spent.clear()
        stages: dict[str, float] = {}
        for f in files:
            pipeline.analyse_file(f, config, timings=stages)
        passes.append({**{f"stage {k}": v for k, v in stages.items()}, **spent})
    return {k: statistics.median(p.get(k, 0.0) for p in passes) * 1000 / n for k in passes[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("functions", nargs="+", metavar="module:name")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cold", action="store_true", help="texts new to the per-word caches")
    args = ap.parse_args()
    if not POLNEAR.is_dir():
        print(f"bench/functions.py: no PolNeAR texts at {POLNEAR} (../shared is needed)")
        return 0
    result = measure(args.functions, args.articles, args.rounds, args.cold)
    print(f"CPU ms per article (inclusive), {args.articles} PolNeAR articles"
          f"{', cold' if args.cold else f', median of {args.rounds} passes'}")
    for name, ms in sorted(result.items(), key=lambda kv: -kv[1]):
        print(f"{ms:8.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
