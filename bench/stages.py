"""CPU ms per article of each analysis stage, optionally paired against another checkout.

Analyses ``--articles`` PolNeAR train texts (``../shared``) once to fill the per-word caches,
then ``--rounds`` more times, timing each stage (``checker.pipeline``'s stage timings, read
as this thread's CPU time, which other processes on a busy machine do not inflate), and
prints the median ms per article of each stage. With ``--baseline TREE`` (another checkout,
e.g. a worktree of an older commit), the two are run in turn ``--pairs`` times, each in a
fresh process, and the medians and their ratios printed side by side. Stages that a change
did not touch show the machine's drift in the same run: read a ratio against theirs.

With ``--cold``, the per-word caches are not filled first: the process is started up by
analysing ``--articles`` other texts (models and lexicons loaded, the patterns that news copy
needs compiled), then the ``--articles`` texts are analysed once each, every one new to the
caches, as the articles of an audit are (``--rounds`` is then 1). That is what an audit pays
per article once its process has started up: the per-word work the caches hide in the warm
passes (token codes, gate rows, syllables, source kinds; measured 2026-12-02: TOTAL 21.5 ms
cold against 20.6-21.8 warm, score+record 1.0 against 0.63). A process's first hundred
articles pay more again: the patterns they need are compiled as they meet them (about 0.4 s
of CPU per process, most of it in the first 100 articles).

    python bench/stages.py [--articles 200] [--rounds 3] [--cold] [--baseline TREE --pairs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"


class _ThreadClock:
    """``time`` with ``perf_counter`` reading this thread's CPU time."""

    perf_counter = staticmethod(time.thread_time)

    def __getattr__(self, name: str) -> object:
        return getattr(time, name)


def measure(n: int, rounds: int, cold: bool = False) -> dict[str, float]:
    """Median CPU ms per article of each stage (and ``TOTAL``) over ``rounds`` passes (with
    ``cold``, one pass over texts new to the per-word caches: see the module docstring)."""
    import checker.pipeline as pipeline
    from checker.core.config import Config

    pipeline.time = _ThreadClock()  # type: ignore[assignment]
    texts = sorted(str(p) for p in POLNEAR.glob("*.txt"))
    files = texts[:n]
    if not files:
        sys.exit(f"bench: no PolNeAR texts at {POLNEAR} (../shared is needed)")
    if cold and len(texts) < 2 * n:
        sys.exit(f"bench: --cold needs {2 * n} PolNeAR texts (there are {len(texts)})")
    config = Config()
    pipeline.warm_up(config)
    # the per-word caches filled, as in a long audit; or (cold) the process started up on
    # other texts, so that the measured ones are new to the caches
    for f in texts[n : 2 * n] if cold else files:
        pipeline.analyse_file(f, config)
    if cold:
        rounds = 1
    passes = []
    for _ in range(rounds):
        timings: dict[str, float] = {}
        t0 = time.thread_time()
        for f in files:
            pipeline.analyse_file(f, config, timings=timings)
        timings["TOTAL"] = time.thread_time() - t0
        passes.append(timings)
    return {k: statistics.median(p[k] for p in passes) * 1000 / len(files) for k in passes[0]}


def _child(tree: Path, n: int, rounds: int, cold: bool = False) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child",
                          "--articles", str(n), "--rounds", str(rounds),
                          *(["--cold"] if cold else [])],
                         cwd=tree, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline", type=Path, metavar="TREE", help="another checkout to pair with")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--cold", action="store_true",
                    help="texts new to the per-word caches, one pass (as an audit meets them)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.articles, args.rounds, args.cold)))
        return 0
    if args.baseline is None:
        for stage, ms in measure(args.articles, args.rounds, args.cold).items():
            print(f"{stage:24s} {ms:7.2f} ms")
        return 0
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "this": []}
    for _ in range(args.pairs):
        runs["baseline"].append(_child(args.baseline.resolve(), args.articles, args.rounds,
                                       args.cold))
        runs["this"].append(_child(ROOT, args.articles, args.rounds, args.cold))
    print(f"CPU ms per article, {args.articles} PolNeAR articles{' (cold)' if args.cold else ''}, "
          f"{args.pairs} alternated pairs (medians): baseline {args.baseline} / this tree")
    for stage in runs["this"][0]:
        base = statistics.median(r[stage] for r in runs["baseline"])
        this = statistics.median(r[stage] for r in runs["this"])
        print(f"{stage:24s} {base:7.2f} {this:7.2f}   {this / base if base else float('nan'):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
