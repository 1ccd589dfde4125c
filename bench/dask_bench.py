"""The Dask engine against the local process pool, on the same corpus, in one run.

Builds a corpus of ``--articles`` PolNeAR articles (``../shared``; repeated with new names when
needed), as a folder of files and as one Parquet table, then measures, in turn and
``--repeats`` times each (medians printed):

- ``--jobs 2``: ``checker.audit(folder, jobs=2)`` and its four tables as DataFrames (a pool of
  2 processes forked from this warm process);
- ``--engine dask``, files: the same folder audited on a running 2-worker
  ``distributed.LocalCluster`` (one thread per worker), the four tables computed to this
  process;
- ``--engine dask``, Parquet: the same articles read from the Parquet table on the cluster;
- written, with pages: ``checker.audit(table, out=..., formats=[csv, html, parquet], jobs=2)``
  against ``write_tables(audit_dask(table), out, pages=...)`` on the cluster (each article's
  HTML page and the four tables written to the output folder, by the pool's or the cluster's
  workers), so that the Dask engine's write path, task by task, is timed too;
- end to end, once each: ``checker audit FOLDER --jobs 2 --format csv --no-cache`` against
  ``checker audit FOLDER --engine dask --jobs 2 --format csv`` as commands (the latter
  starting and stopping its own cluster, writing Parquet tables and summary.csv).

Each line gives articles/s and words/s; the Dask lines give their overhead against ``--jobs
2`` (time / pool time - 1). Target (the cluster issue): at most 20% with the cluster
running. Needs the dask extra (``pip install -e '.[dask]'``).

    python bench/dask_bench.py [--articles 600] [--repeats 3]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "train" / "text"


def build(dest: Path, n: int) -> tuple[Path, Path, int]:
    """The corpus as a folder of files and as a Parquet table; its word count."""
    import pandas as pd

    from checker.text.segment import word_count

    sources = sorted(POLNEAR.glob("*.txt"))
    if not sources:
        sys.exit(f"dask bench: no PolNeAR texts at {POLNEAR} (../shared is needed)")
    folder = dest / "articles"
    folder.mkdir(parents=True)
    rows, words = [], 0
    for i in range(n):
        src = sources[i % len(sources)]
        name = f"{i // len(sources)}_{src.name}"
        text = src.read_text(encoding="utf-8")
        (folder / name).write_text(text, encoding="utf-8")
        rows.append({"id": f"articles/{name}", "body": text})
        words += word_count(text)
    table = dest / "articles.parquet"
    pd.DataFrame(rows).to_parquet(table, row_group_size=200)
    return folder, table, words


def pool_run(folder: Path) -> int:
    import checker

    result = checker.audit([folder], jobs=2)
    tables = [result.summary, result.findings, result.sources, result.sentences]
    return len(tables[0])


def dask_run(folder: Path | None, table: Path | None) -> int:
    import dask

    from checker.batch import discover
    from checker.dask_engine import audit_dask, files_frame
    from checker.dask_readers import read_table

    if table is not None:
        tables = audit_dask(read_table(str(table)), "body", id_column="id", source=str(table))
    else:
        assert folder is not None
        tables = audit_dask(files_frame(discover([folder])))
    summary, *_ = dask.compute(*tables.values())
    return len(summary)


def pool_write(table: Path, out: Path) -> int:
    import checker
    from checker.text.tabular import TableSpec

    result = checker.audit([table], table=TableSpec("body", "id"), out=out, jobs=2, keep=False,
                           formats=["csv", "html", "parquet"])  # fmt: skip
    return result.count


def dask_write(table: Path, out: Path) -> int:
    from checker.core.config import Config
    from checker.dask_engine import audit_dask, page_meta, write_tables
    from checker.dask_readers import read_table

    tables = audit_dask(read_table(str(table)), "body", id_column="id", source=str(table))
    return len(write_tables(tables, out, pages=page_meta(Config())))


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *args) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    n = fn(*args)
    return time.perf_counter() - t0, n


def command(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def line(label: str, seconds: float, n: int, words: int, base: float | None) -> str:
    over = "" if base is None else f"  overhead vs --jobs 2: {100 * (seconds / base - 1):+.1f}%"
    return (f"  {label:44} {seconds:7.2f} s  {n / seconds:7.1f} articles/s  "
            f"{words / seconds:9.0f} words/s{over}")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        sys.exit("dask bench: the dask extra is not installed (pip install -e '.[dask]')")
    logging.getLogger("distributed").setLevel(logging.ERROR)
    work = Path(tempfile.mkdtemp(prefix="dask-bench-"))
    try:
        folder, table, words = build(work, args.articles)
        pool_run(folder)  # warm this process (models loaded once, inherited by the pool)
        from checker.dask_engine import cluster

        t0 = time.perf_counter()
        with cluster(workers=2) as client:
            start = time.perf_counter() - t0
            assert isinstance(client, Client) and isinstance(client.cluster, LocalCluster)
            dask_run(None, table)  # the cluster's first tasks run with cold caches
            times: dict[str, list[float]] = {k: [] for k in ("pool", "files", "parquet",
                                                              "pool-write", "dask-write")}
            for _ in range(args.repeats):  # in turn, so that load on the machine hits all
                for key, fn, fargs in (("pool", pool_run, (folder,)),
                                       ("files", dask_run, (folder, None)),
                                       ("parquet", dask_run, (None, table)),
                                       ("pool-write", pool_write, (table, work / "w-pool")),
                                       ("dask-write", dask_write, (table, work / "w-dask"))):
                    seconds, n = timed(fn, *fargs)
                    assert n == args.articles, (key, n)
                    times[key].append(seconds)
            peak_mb = client.run(_peak_rss_mb)
        med = {k: statistics.median(v) for k, v in times.items()}
        cli = [str(Path(sys.executable).parent / "checker"), "audit", str(folder), "--jobs",
               "2", "--format", "csv", "--quiet", "--no-cache"]  # fmt: skip
        e2e_pool = command([*cli, "--out", str(work / "out-pool")])
        e2e_dask = command([*cli, "--engine", "dask", "--out", str(work / "out-dask")])
        n = args.articles
        print(f"Dask engine vs --jobs 2: {n} PolNeAR articles ({words} words), medians of "
              f"{args.repeats} in turn; LocalCluster of 2 worker processes started in "
              f"{start:.1f} s")  # fmt: skip
        print(line("--jobs 2 (process pool), tables in memory", med["pool"], n, words, None))
        print(line("--engine dask, files, cluster running", med["files"], n, words, med["pool"]))
        print(line("--engine dask, Parquet table, cluster running", med["parquet"], n, words,
                   med["pool"]))  # fmt: skip
        print(line("--jobs 2, Parquet, written with pages", med["pool-write"], n, words, None))
        print(line("--engine dask, Parquet, written with pages", med["dask-write"], n, words,
                   med["pool-write"]))  # fmt: skip
        print(line("end to end: checker audit --jobs 2", e2e_pool, n, words, None))
        print(line("end to end: checker audit --engine dask", e2e_dask, n, words, e2e_pool))
        print("  (end to end includes starting the 2-worker cluster and loading models in it)")
        print(f"  peak memory per worker process: "
              f"{', '.join(f'{v:.0f} MB' for v in sorted(peak_mb.values()))}")
        worst = max(max(med["files"], med["parquet"]) / med["pool"],
                    med["dask-write"] / med["pool-write"]) - 1
        print(f"  target: Dask overhead <= 20% with the cluster running: "
              f"{'met' if worst <= 0.20 else 'NOT met'} ({100 * worst:+.1f}%)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
