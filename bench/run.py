"""Throughput and memory benchmark: checker vs proselint on the same corpus, in one run.

Builds a corpus of at least 1,000 articles from ../shared/data/attribution/polnear/train/text
(repeated with new names when needed), then runs, each in a fresh subprocess on one core:

- checker: the full audit (load, segment, rules, score) writing CSV, JSON and HTML reports;
- checker (analysis only): the same without writing reports;
- proselint: every article linted with proselint's default checks.

It prints articles/s, words/s and peak memory (max RSS) for each, and the words/s ratio of
checker to proselint. Target: checker >= 10x proselint's words per second.

    python bench/run.py [--articles 1000] [--proselint-articles 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"


def build_corpus(dest: Path, n: int) -> list[Path]:
    sources = sorted(POLNEAR.glob("*.txt"))
    if not sources:
        sys.exit(f"bench: no PolNeAR texts at {POLNEAR} (../shared is needed for the benchmark)")
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    i = 0
    while len(out) < n:
        src = sources[i % len(sources)]
        target = dest / f"{i // len(sources)}_{src.name}"
        shutil.copyfile(src, target)
        out.append(target)
        i += 1
    return out


def run_one(tool: str, corpus: Path, limit: int) -> dict[str, float]:
    """Run inside a child process; prints a JSON line of measurements."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from checker.segment import word_count

    files = sorted(corpus.glob("*.txt"))[:limit]
    words = sum(word_count(f.read_text(encoding="utf-8")) for f in files)
    if tool == "checker":
        import checker

        out = Path(tempfile.mkdtemp(prefix="bench-out-"))
        t0 = time.perf_counter()
        checker.audit([str(f) for f in files], out=out)
        seconds = time.perf_counter() - t0
        shutil.rmtree(out, ignore_errors=True)
    elif tool == "checker-analysis":
        from checker.config import Config
        from checker.pipeline import analyse_file

        config = Config()
        t0 = time.perf_counter()
        for f in files:
            analyse_file(str(f), config)
        seconds = time.perf_counter() - t0
    elif tool == "proselint":
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        t0 = time.perf_counter()
        for f in files:
            LintFile(f).lint()
        seconds = time.perf_counter() - t0
    else:
        raise SystemExit(f"unknown tool {tool}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(files), "words": words, "seconds": seconds, "peak_mb": peak_mb}


def measure(tool: str, corpus: Path, limit: int) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", tool, "--corpus", str(corpus), "--limit", str(limit)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench: {tool} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--proselint-articles", type=int, default=1000)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, Path(args.corpus), args.limit)))
        return 0
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        build_corpus(corpus, args.articles)
        rows = {
            "checker (full audit, all reports)": measure("checker", corpus, args.articles),
            "checker (analysis only)": measure("checker-analysis", corpus, args.articles),
            "proselint (default checks)": measure("proselint", corpus, args.proselint_articles),
        }
    print(f"{'tool':36} {'articles':>8} {'words':>10} {'seconds':>8} {'art/s':>8} "
          f"{'words/s':>10} {'peak MB':>8}")  # fmt: skip
    for name, r in rows.items():
        print(
            f"{name:36} {r['articles']:8d} {r['words']:10d} {r['seconds']:8.2f} "
            f"{r['articles'] / r['seconds']:8.1f} {r['words'] / r['seconds']:10.0f} "
            f"{r['peak_mb']:8.0f}"
        )
    base = rows["proselint (default checks)"]
    base_wps = base["words"] / base["seconds"]
    for name in ("checker (full audit, all reports)", "checker (analysis only)"):
        r = rows[name]
        ratio = (r["words"] / r["seconds"]) / base_wps
        print(f"ratio {name} / proselint words/s: {ratio:.1f}x (target >= 10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
