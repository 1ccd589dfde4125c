"""Throughput, memory, re-runs and output size of the audit, against proselint in one run.

Builds a corpus from ../shared/data/attribution/polnear/train/text (840 texts; beyond
that, copies with a line naming the copy appended, so that every article is distinct and
the result cache cannot take a copy for its original), then runs, each in a fresh
subprocess:

- throughput on one core (``--articles``, 1,000): checker's full audit writing the default
  reports (CSV, HTML, JSON; streamed, no result cache), checker's analysis alone, and
  proselint 0.16's default checks; the words/s ratio checker / proselint (target >= 1.5x);
- the full audit with ``--jobs 2`` on two cores, against one core (target >= 1.8x), and
  by CPU time (all its processes' CPU per article against one core's: the speed-up two
  otherwise idle cores would give at most, steadier than the wall clock on a busy machine):
  once on the ``--articles`` corpus, and ``--rounds`` times on ``--parallel-articles``
  (5,000) articles, one core and two alternated, each round's ratio printed and the median
  taken. The issue's user audits an archive of 50,000-100,000 articles, where the pool's
  fixed start-up (the probe article, the warm-up before forking, the index at the end:
  about 0.5 s) is a negligible share; on 1,000 articles it is about 5% of the two-core run,
  on 5,000 about 1%, the size the re-run figure uses too;
- peak memory (max RSS) of the full audit with ``--jobs 1`` on 2,000 and 10,000 articles
  (``--memory``; target: the 10,000 peak <= 1.1x the 2,000 peak, and < 400 MB), and the
  output on disk per article of the 10,000-article run (target <= 50 KB), as the disk
  allocates it (``du``: every page fills whole blocks), and the files' sizes beside it;
- a second run over an unchanged corpus of 5,000 articles (``--rerun``) with the result
  cache, against the first (target >= 10x faster);
- the same 1,000 articles audited as a folder of files and as one Parquet file
  (``bench/same_results.py``): every per-article result must be the same.

    python bench/run.py [--articles 1000] [--parallel-articles 5000] [--rounds 3]
                        [--memory 2000,10000] [--rerun 5000] [--same 1000]
                        [--proselint-articles 1000] [--legacy-python PY]

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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"


def build_corpus(dest: Path, n: int) -> list[Path]:
    """``n`` distinct articles: the PolNeAR texts, then copies with a line naming the copy."""
    sources = sorted(POLNEAR.glob("*.txt"))
    if not sources:
        sys.exit(f"bench: no PolNeAR texts at {POLNEAR} (../shared is needed for the benchmark)")
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        copy = i // len(sources)
        target = dest / f"{copy:02d}_{src.name}"
        text = src.read_text(encoding="utf-8")
        if copy:
            text = text.rstrip("\n") + f"\n\nBenchmark copy {copy}.\n"
        target.write_text(text, encoding="utf-8")
        out.append(target)
    return out


def folder_bytes(folder: Path) -> int:
    """The files' sizes (what ``ls`` shows; see :func:`disk_bytes` for the space they take)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def disk_bytes(folder: Path) -> int:
    """The disk space the folder takes (``du``: allocated blocks, its folders included): more
    than the files' sizes, since each small file (an article page) fills whole blocks."""
    return sum(p.lstat().st_blocks * 512 for p in [folder, *folder.rglob("*")])


def output_parts(folder: Path) -> dict[str, int]:
    """Bytes on disk by kind of report file: pages, index, JSON, CSV, Parquet, other."""
    parts: dict[str, int] = {}
    for p in folder.rglob("*"):
        if p.is_file():
            kind = ("pages" if p.parent.name == "articles" else
                    p.suffix.lstrip(".") if p.suffix in (".csv", ".jsonl", ".parquet", ".html")
                    else "other")  # fmt: skip
            parts[kind] = parts.get(kind, 0) + p.stat().st_size
    return parts


def run_one(tool: str, corpus: Path, limit: int, cache: str = "") -> dict[str, float]:
    """Run inside a child process; prints a JSON line of measurements."""
    cores = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, set(cores[:2] if tool == "checker-jobs2" else cores[:1]))
    from checker.text.segment import word_count

    files = sorted(corpus.glob("*.txt"))[:limit]
    stages: dict[str, float] = {}  # seconds per stage, where the tool reports them
    if tool.startswith("checker"):
        import rules

        assert rules.FAMILIES  # every rule module is imported before timing, as proselint's are
    words = sum(word_count(f.read_text(encoding="utf-8")) for f in files)
    output = 0
    if tool in ("checker", "checker-jobs2"):
        import checker

        tmp = Path(tempfile.mkdtemp(prefix="bench-out-"))
        kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        c0, t0 = time.process_time(), time.perf_counter()
        # what `checker audit CORPUS --out OUT` does: streamed, results not kept
        checker.audit([str(corpus)] if limit >= len(list(corpus.glob("*.txt"))) else
                      [str(f) for f in files], out=tmp / "out", keep=False,
                      jobs=2 if tool == "checker-jobs2" else 1,
                      cache=cache or None)  # fmt: skip
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, reaped
        stages["workers_cpu"] = (kids1.ru_utime + kids1.ru_stime) - (kids0.ru_utime
                                                                    + kids0.ru_stime)
        output = folder_bytes(tmp / "out")
        stages["output"] = output_parts(tmp / "out")  # type: ignore[assignment]
        stages["disk"] = disk_bytes(tmp / "out")
        shutil.rmtree(tmp, ignore_errors=True)
    elif tool == "checker-analysis":
        from checker.core.config import Config
        from checker.pipeline import analyse_file

        config = Config()
        c0, t0 = time.process_time(), time.perf_counter()
        for f in files:
            analyse_file(str(f), config, timings=stages)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    elif tool == "proselint":
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        c0, t0 = time.process_time(), time.perf_counter()
        for f in files:
            LintFile(f).lint()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    else:
        raise SystemExit(f"unknown tool {tool}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": len(files),
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu,  # this process's CPU time (not its workers'): steady on a busy machine
        "peak_mb": peak_mb,
        "stages": stages,
        "output_bytes": output,
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


def measure(tool: str, corpus: Path, limit: int, cache: str = "") -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", tool, "--corpus", str(corpus), "--limit",
           str(limit), "--cache", cache]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench: {tool} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _table(rows: dict[str, dict[str, float]]) -> None:
    print(f"{'run':40} {'articles':>8} {'words':>10} {'seconds':>8} {'art/s':>8} "
          f"{'words/s':>10} {'peak MB':>8}")  # fmt: skip
    for name, r in rows.items():
        peak = f"{r['peak_mb']:8.0f}" if r["peak_mb"] else f"{'n/a':>8}"
        print(
            f"{name:40} {r['articles']:8d} {r['words']:10d} {r['seconds']:8.2f} "
            f"{r['articles'] / r['seconds']:8.1f} {r['words'] / r['seconds']:10.0f} {peak}"
        )
    for name, r in rows.items():
        stages = {k: v for k, v in (r.get("stages") or {}).items()
                  if k not in ("output", "disk", "workers_cpu")}  # fmt: skip
        if stages:
            print(f"\nwhere the time goes: {name} (ms per article, share of its run)")
            for stage, sec in sorted(stages.items(), key=lambda kv: -kv[1]):
                print(f"  {stage:24} {1000 * sec / r['articles']:7.2f} ms  "
                      f"{100 * sec / r['seconds']:5.1f}%")  # fmt: skip


def _wps(r: dict[str, float]) -> float:
    return r["words"] / r["seconds"]


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def throughput(tmp: Path, args: argparse.Namespace) -> list[str]:
    corpus = tmp / "corpus"
    build_corpus(corpus, args.articles)
    rows = {
        "checker (full audit, default reports)": measure("checker", corpus, args.articles),
        "checker (full audit, --jobs 2)": measure("checker-jobs2", corpus, args.articles),
        "checker (analysis only)": measure("checker-analysis", corpus, args.articles),
        "proselint (default checks)": measure("proselint", corpus, args.proselint_articles),
    }
    if args.legacy_python:
        rows["proselint 0.13 (default checks)"] = measure_legacy(
            args.legacy_python, corpus, min(100, args.articles))
    _table(rows)
    full = rows["checker (full audit, default reports)"]
    jobs2 = rows["checker (full audit, --jobs 2)"]
    base = _wps(rows["proselint (default checks)"])
    ratio, par = _wps(full) / base, _wps(jobs2) / _wps(full)
    analysis = rows["checker (analysis only)"]
    per = {name: 1000 * r["seconds"] / r["articles"] for name, r in (("full", full),
                                                                      ("analysis", analysis))}
    prose = rows["proselint (default checks)"]
    cpu_ratio = (full["words"] / full["cpu_seconds"]) / (prose["words"] / prose["cpu_seconds"])
    cpu = {name: 1000 * r["cpu_seconds"] / r["articles"] for name, r in (("full", full),
                                                                           ("analysis", analysis))}
    lines = [
        f"ms per article, one core: full audit {per['full']:.2f}, analysis {per['analysis']:.2f}, "
        f"so writing the default reports {per['full'] - per['analysis']:.2f}",
        f"CPU ms per article (steadier on a busy machine): full audit {cpu['full']:.2f}, "
        f"analysis {cpu['analysis']:.2f}, so writing the default reports "
        f"{cpu['full'] - cpu['analysis']:.2f}",
        f"words per CPU second, full audit / proselint 0.16: {cpu_ratio:.2f}x (the same ratio "
        "by CPU time, which other processes on a busy machine do not inflate)",
        f"words/s, full audit / proselint 0.16 (one core each): {ratio:.2f}x "
        f"(target >= 1.5x: {_verdict(ratio >= 1.5)})",
        f"words/s, analysis only / proselint 0.16: "
        f"{_wps(rows['checker (analysis only)']) / base:.2f}x",
        f"words/s, full audit --jobs 2 / one core, {full['articles']:,} articles, one run each: "
        f"{par:.2f}x (the figure quoted before 2026-12-01; see --parallel-articles for the "
        "archive-scale one)",
    ]
    # --jobs 2 by CPU time: what all its processes spend per article against one core; on
    # two otherwise idle cores its speed-up is at most 2 x one core's CPU / this
    both = jobs2["cpu_seconds"] + (jobs2.get("stages") or {}).get("workers_cpu", 0.0)
    both_ms = 1000 * both / jobs2["articles"]
    lines.append(f"CPU ms per article, --jobs 2, all its processes: {both_ms:.2f} (the audit "
                 f"{1000 * jobs2['cpu_seconds'] / jobs2['articles']:.2f}, its workers the rest)"
                 f" against one core's {cpu['full']:.2f}: on two idle cores --jobs 2 / one core "
                 f"is at most {2 * cpu['full'] / both_ms:.2f}x")  # fmt: skip
    if "proselint 0.13 (default checks)" in rows:
        lines.append(f"words/s, full audit / proselint 0.13: "
                     f"{_wps(full) / _wps(rows['proselint 0.13 (default checks)']):.2f}x")
    return lines


def _cpu_ms(r: dict[str, float]) -> float:
    """CPU ms per article of a run, all its processes (the audit's and its workers')."""
    return 1000 * (r["cpu_seconds"] + (r.get("stages") or {}).get("workers_cpu", 0.0)) / r[
        "articles"]


def parallel(tmp: Path, n: int, rounds: int) -> list[str]:
    """``--jobs 2`` against one core on ``n`` articles, ``rounds`` times, the two alternated
    (which goes first swaps each round, so that a drift in the machine's load hits both):
    each round's words/s and ratio, by the wall clock and by CPU time, then the medians."""
    corpus = tmp / "corpus-parallel"
    build_corpus(corpus, n)
    lines, ratios, bounds = [], [], []
    for k in range(rounds):
        order = ("checker", "checker-jobs2") if k % 2 == 0 else ("checker-jobs2", "checker")
        runs = {tool: measure(tool, corpus, n) for tool in order}
        one, two = runs["checker"], runs["checker-jobs2"]
        ratio, bound = _wps(two) / _wps(one), 2 * _cpu_ms(one) / _cpu_ms(two)
        ratios.append(ratio)
        bounds.append(bound)
        lines.append(f"  round {k + 1}: one core {_wps(one):,.0f} words/s ({_cpu_ms(one):.2f} "
                     f"CPU ms/article), --jobs 2 {_wps(two):,.0f} words/s ({_cpu_ms(two):.2f} "
                     f"CPU ms/article, all processes; the audit's own "
                     f"{1000 * two['cpu_seconds'] / n:.2f}): {ratio:.2f}x; by CPU time at "
                     f"most {bound:.2f}x")  # fmt: skip
    med = statistics.median(ratios)
    return [f"words/s, full audit --jobs 2 / one core, {n:,} articles, median of {rounds} "
            f"alternated rounds: {med:.2f}x (target >= 1.8x: {_verdict(med >= 1.8)}; "
            f"{', '.join(f'{r:.2f}x' for r in ratios)}); by CPU time (two idle cores) at most "
            f"{statistics.median(bounds):.2f}x", *lines]


def memory(tmp: Path, sizes: list[int]) -> list[str]:
    corpus = tmp / "corpus-memory"
    build_corpus(corpus, max(sizes))
    runs = {n: measure("checker", corpus, n) for n in sizes}
    small, big = runs[min(sizes)], runs[max(sizes)]
    ratio = big["peak_mb"] / small["peak_mb"]
    kb = big["output_bytes"] / big["articles"] / 1024
    lines = ["peak RSS, full audit --jobs 1: " + ", ".join(
        f"{n:,} articles {r['peak_mb']:.0f} MB" for n, r in runs.items())]  # fmt: skip
    lines.append(f"peak RSS {max(sizes):,} / {min(sizes):,} articles: {ratio:.2f}x (target <= "
                 f"1.1x: {_verdict(ratio <= 1.1)}); {max(sizes):,}-article peak "
                 f"{big['peak_mb']:.0f} MB (target < 400 MB: {_verdict(big['peak_mb'] < 400)})")
    parts = (big.get("stages") or {}).get("output") or {}
    split = ", ".join(f"{k} {v / big['articles'] / 1024:.1f}" for k, v in sorted(
        parts.items(), key=lambda kv: -kv[1]))  # fmt: skip
    disk = (big.get("stages") or {}).get("disk") or big["output_bytes"]
    on_disk = disk / big["articles"] / 1024
    lines.append(f"output on disk, {max(sizes):,} articles, default formats: {on_disk:.1f} KB per "
                 f"article as allocated on disk (du; target <= 50 KB: {_verdict(on_disk <= 50)}); "
                 f"file sizes {kb:.1f} KB per article (KB per article: {split})")
    return lines


def rerun(tmp: Path, n: int) -> list[str]:
    corpus = tmp / "corpus-rerun"
    build_corpus(corpus, n)
    cache = str(tmp / "result-cache")
    first = measure("checker", corpus, n, cache)
    second = measure("checker", corpus, n, cache)
    ratio = first["seconds"] / second["seconds"]
    return [f"re-run over {n:,} unchanged articles (result cache): first {first['seconds']:.1f} s, "
            f"second {second['seconds']:.1f} s: {ratio:.1f}x faster (target >= 10x: "
            f"{_verdict(ratio >= 10)})"]


def same(tmp: Path, n: int) -> list[str]:
    corpus = tmp / "corpus-same"
    build_corpus(corpus, n)
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "same_results.py"), "--folder",
                           str(corpus), "--articles", str(n), "--as", "parquet"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    last = (proc.stdout.strip().splitlines() or ["(no output)"])[-1]
    return [f"same results, {n:,} articles as a folder and as one Parquet file: {last} "
            f"({_verdict(proc.returncode == 0)})"]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--proselint-articles", type=int, default=1000)
    ap.add_argument("--parallel-articles", type=int, default=5000,
                    help="articles for --jobs 2 against one core (0: skip)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds of --jobs 2 against one core, alternated (median taken)")
    ap.add_argument("--memory", default="2000,10000", help="two corpus sizes (0: skip)")
    ap.add_argument("--rerun", type=int, default=5000, help="articles (0: skip)")
    ap.add_argument("--same", type=int, default=1000, help="articles (0: skip)")
    ap.add_argument("--legacy-python", metavar="PY", help="interpreter with proselint 0.13")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--cache", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, Path(args.corpus), args.limit, args.cache)))
        return 0
    figures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        root = Path(tmp)
        if args.articles:
            figures += throughput(root, args)
        if args.parallel_articles and args.rounds > 0:
            figures += parallel(root, args.parallel_articles, args.rounds)
        sizes = [int(x) for x in args.memory.split(",") if x.strip() and int(x)]
        if len(sizes) >= 2:
            figures += memory(root, sizes)
        if args.rerun:
            figures += rerun(root, args.rerun)
        if args.same:
            figures += same(root, args.same)
    print("\n" + "\n".join(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
