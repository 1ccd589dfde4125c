"""Throughput and memory benchmark: checker vs proselint on the same corpus, in one run.

Builds a corpus of at least 1,000 articles from ../shared/data/attribution/polnear/train/text
(repeated with new names when needed), then runs, each in a fresh subprocess on one core:

- checker: the full audit (load, segment, rules, score) writing CSV, JSON and HTML reports;
- checker (analysis only): the same without writing reports;
- proselint: every article linted with proselint's default checks.

It prints articles/s, words/s and peak memory (max RSS) for each, and the words/s ratio of
checker to proselint 0.16 measured in the same run. Target (the archive-scale issue): the full
audit, writing the default reports, at least 1.5x proselint's words per second on one core.
(The earlier 10x target is retired.)

    python bench/run.py [--articles 1000] [--proselint-articles 1000] [--legacy-python PY]

``--legacy-python`` names an interpreter with proselint 0.13 installed (the release most
users ran until 2025, e.g. ``python3 -m venv /tmp/pl13 && /tmp/pl13/bin/pip install
proselint==0.13.0``); its words/s on the first 100 articles is printed as a second baseline.
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
    from checker.text.segment import word_count

    files = sorted(corpus.glob("*.txt"))[:limit]
    stages: dict[str, float] = {}  # seconds per stage, where the tool reports them
    if tool.startswith("checker"):
        import rules

        assert rules.FAMILIES  # every rule module is imported before timing, as proselint's are
    words = sum(word_count(f.read_text(encoding="utf-8")) for f in files)
    if tool == "checker":
        import checker

        out = Path(tempfile.mkdtemp(prefix="bench-out-"))
        t0 = time.perf_counter()
        result = checker.audit([str(f) for f in files])
        t1 = time.perf_counter()
        result.write(out)  # the same as checker.audit(..., out=out), timed in two parts
        seconds = time.perf_counter() - t0
        stages["analysis"] = t1 - t0
        stages["writing reports"] = seconds - stages["analysis"]
        shutil.rmtree(out, ignore_errors=True)
    elif tool == "checker-analysis":
        from checker.core.config import Config
        from checker.pipeline import analyse_file

        config = Config()
        t0 = time.perf_counter()
        for f in files:
            analyse_file(str(f), config, timings=stages)
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
    return {
        "articles": len(files),
        "words": words,
        "seconds": seconds,
        "peak_mb": peak_mb,
        "stages": stages,
    }


LEGACY_CHILD = r"""
import glob, json, re, sys, time
from proselint.config import default
from proselint.tools import lint, load_options
files = sorted(glob.glob(sys.argv[1] + "/*.txt"))[: int(sys.argv[2])]
texts = [open(f, encoding="utf-8").read() for f in files]
words = sum(len(re.findall(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*", t)) for t in texts)
cfg = load_options(conf_default=default)
t0 = time.perf_counter()
for t in texts:
    lint(t, config=cfg)
print(json.dumps({"articles": len(texts), "words": words,
                  "seconds": time.perf_counter() - t0, "peak_mb": 0.0}))
"""


def measure_legacy(python: str, corpus: Path, limit: int) -> dict[str, float]:
    # proselint 0.13 memoises results on disk: give it an empty cache so it really lints
    cache = tempfile.mkdtemp(prefix="proselint-cache-")
    env = {**os.environ, "XDG_CACHE_HOME": cache, "HOME": cache}
    proc = subprocess.run(
        ["taskset", "-c", "0", python, "-c", LEGACY_CHILD, str(corpus), str(limit)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    shutil.rmtree(cache, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: legacy proselint failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


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
    ap.add_argument("--legacy-python", metavar="PY", help="interpreter with proselint 0.13")
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
        if args.legacy_python:
            rows["proselint 0.13 (default checks)"] = measure_legacy(
                args.legacy_python, corpus, min(100, args.articles)
            )
    print(f"{'tool':36} {'articles':>8} {'words':>10} {'seconds':>8} {'art/s':>8} "
          f"{'words/s':>10} {'peak MB':>8}")  # fmt: skip
    for name, r in rows.items():
        peak = f"{r['peak_mb']:8.0f}" if r["peak_mb"] else f"{'n/a':>8}"
        print(
            f"{name:36} {r['articles']:8d} {r['words']:10d} {r['seconds']:8.2f} "
            f"{r['articles'] / r['seconds']:8.1f} {r['words'] / r['seconds']:10.0f} {peak}"
        )
    for name, r in rows.items():
        stages = r.get("stages") or {}
        if not stages:
            continue
        print(f"\nwhere the time goes: {name} (ms per article, share of its run)")
        for stage, sec in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(
                f"  {stage:24} {1000 * sec / r['articles']:7.2f} ms  "
                f"{100 * sec / r['seconds']:5.1f}%"
            )
    print()
    base = rows["proselint (default checks)"]
    base_wps = base["words"] / base["seconds"]
    bases = [("proselint", base_wps)]
    if "proselint 0.13 (default checks)" in rows:
        legacy = rows["proselint 0.13 (default checks)"]
        bases.append(("proselint 0.13", legacy["words"] / legacy["seconds"]))
    for name in ("checker (full audit, all reports)", "checker (analysis only)"):
        r = rows[name]
        for label, wps in bases:
            ratio = (r["words"] / r["seconds"]) / wps
            target = " (target >= 1.5x)" if name.startswith("checker (full") else ""
            print(f"ratio {name} / {label} words/s: {ratio:.1f}x{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
