"""``checker audit --engine dask``: the audit on a Dask cluster, from the command line.

    checker audit archive.parquet --text-column body --id-column id --engine dask --out out/
    checker audit 's3://bucket/export/*.jsonl' --text-column body --engine dask \\
        --scheduler tcp://scheduler:8786 --out s3://bucket/audit/

Without ``--scheduler`` a local cluster starts with ``--jobs`` worker processes (default: one
per core) and stops at the end. The output is the four tables as partitioned Parquet
(``out/summary/``, ``out/findings/``, ``out/sources/``, ``out/sentences/``), ``summary.csv``,
``index.html`` (from the summary rows) and each article's page (``out/articles/``, written by
the workers: they must reach ``--out``); no ``articles.jsonl``. An article that kills every
worker it runs on is an error row, as with ``--jobs``.
Folders of files work too (the workers must see the same paths).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checker.core.results import EXIT_INTERNAL

# the defaults of checker.dask_run.Limits (not imported here: the parser stays light)
TASK_TIMEOUT = 1800.0
NO_WORKERS_TIMEOUT = 300.0

ENGINES = ("local", "dask")
MAX_ERRORS_SHOWN = 50


def add_engine_options(a: argparse.ArgumentParser) -> None:
    """``--engine`` and ``--scheduler`` for ``checker audit``."""
    g = a.add_argument_group(
        "engine", "where the articles are analysed: in this process or a pool (local), or on a "
        "Dask cluster (dask; needs pip install 'checker[dask]')",
    )  # fmt: skip
    g.add_argument("--engine", choices=ENGINES, default="local",
                   help="local (default) or dask: partitioned Parquet tables, summary.csv and "
                   "index.html")  # fmt: skip
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler (tcp://host:8786, or a scheduler "
                   "JSON file); default: a local cluster of --jobs workers, one per core if "
                   "--jobs is not given")  # fmt: skip
    g.add_argument("--task-timeout", metavar="SECONDS", type=_seconds, default=TASK_TIMEOUT,
                   help="with --engine dask: give up a task that runs longer and run it again "
                   f"under a new key (default {TASK_TIMEOUT:g})")  # fmt: skip
    g.add_argument("--no-workers-timeout", metavar="SECONDS", type=_seconds,
                   default=NO_WORKERS_TIMEOUT,
                   help="with --engine dask: stop the audit (exit 70) when the cluster has had "
                   f"no workers for this long (default {NO_WORKERS_TIMEOUT:g})")  # fmt: skip


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def _frame(args: argparse.Namespace, table: Any, config: Any) -> Any:
    """The input as one Dask DataFrame: table rows, or the files of the given paths."""
    from checker.dask_engine import EngineError, files_frame
    from checker.dask_readers import read_table

    if table is not None:
        import dask.dataframe as dd

        frames = [read_table(str(p)) for p in args.paths]
        return frames[0] if len(frames) == 1 else dd.concat(frames)
    from checker.batch import discover

    inputs = [i for i in discover(args.paths, args.include, args.exclude)
              if i.error or not config.is_excluded(i.path)]  # fmt: skip
    if not inputs:
        raise EngineError("no articles found (.txt, .md, .html) in the given paths")
    return files_frame(inputs)


def cmd_audit_dask(args: argparse.Namespace, config: Any, formats: list[str], table: Any) -> int:
    """Run the audit on a cluster; print errors and the lowest scores; the audit's exit code."""
    from checker.dask_engine import (
        audit_dask,
        cluster,
        page_meta,
        require_dask,
        write_index,
        write_tables,
    )

    require_dask()
    from distributed import KilledWorker

    from checker.dask_run import ClusterError, Limits

    if "json" in formats and not args.quiet:
        print("checker: note: --engine dask writes Parquet tables, summary.csv, index.html "
              "and article pages (no report.json or articles.jsonl)", file=sys.stderr)  # fmt: skip
    workers = args.jobs if args.jobs > 1 else None
    with cluster(args.scheduler, workers=workers, config=config) as client:
        if not args.quiet:
            print(f"checker: Dask cluster {client.scheduler.address} "
                  f"({len(client.scheduler_info()['workers'])} workers)", file=sys.stderr)
        ddf = _frame(args, table, config)
        kw = {} if table is None else {"text_column": table.text_column,
              "id_column": table.id_column, "format_column": table.format_column,
              "input_format": table.input_format}  # fmt: skip
        limits = Limits(task=args.task_timeout, no_workers=args.no_workers_timeout)
        try:
            tables = audit_dask(ddf, config=config, source=str(args.paths[0]), limits=limits,
                                **kw)  # fmt: skip
            pages = page_meta(config) if "html" in formats else None
            summary = write_tables(tables, args.out, summary_csv="csv" in formats, pages=pages,
                                   limits=limits)  # fmt: skip
        except ClusterError as exc:
            print(f"checker: error: {exc}; the previous tables are unchanged", file=sys.stderr)
            return EXIT_INTERNAL
        except KilledWorker as exc:  # not expected: write_tables isolates such an article
            print(f"checker: error: the audit stopped: {exc}; the previous tables are "
                  "unchanged", file=sys.stderr)  # fmt: skip
            return EXIT_INTERNAL
    if "html" in formats and "://" not in str(args.out):
        write_index(summary, args.out, config, group_by=args.group_by, pages=True)
    return _print_outcome(args, summary)


def _print_outcome(args: argparse.Namespace, summary: Any) -> int:
    from rich.console import Console
    from rich.table import Table

    failed = summary[summary["status"] == "error"]
    for error in failed["error"].head(MAX_ERRORS_SHOWN):
        print(f"checker: error: {error}", file=sys.stderr)
    if len(failed) > MAX_ERRORS_SHOWN:
        print(f"checker: error: ... and {len(failed) - MAX_ERRORS_SHOWN} more failed articles "
              "(summary.csv lists them all)", file=sys.stderr)  # fmt: skip
    if not len(summary):
        print("checker: error: no articles in the given input", file=sys.stderr)
        return 2
    if not args.quiet:
        scored = summary[summary["score"].notna()].sort_values("score", kind="stable")
        n = len(scored)
        t = Table(title=f"Lowest scores ({n} article{'' if n == 1 else 's'} scored, "
                  f"{len(failed)} failed)")  # fmt: skip
        for col in ("article", "score", "grade", "claims", "unsourced", "findings"):
            t.add_column(col, justify="left" if col == "article" else "right")
        for row in scored.head(10).itertuples(index=False):
            t.add_row(str(row.article), f"{row.score:.0f}", str(row.grade), str(row.claims),
                      str(row.unsourced_claims), str(row.findings))  # fmt: skip
        Console().print(t)
    where = Path(args.out) / "index.html" if "://" not in str(args.out) else args.out
    Console().print(f"Tables written to {args.out}/ (Parquet) — open {where}", soft_wrap=True)
    return 1 if len(failed) else 0
