"""Writing a Dask audit task by task, so that one article cannot stop it.

:func:`run_plan` runs an audit's slices of rows (a :class:`Plan`, from
:func:`checker.dask_engine.audit_dask`) on a ``distributed`` cluster, each slice one task that
audits its articles and writes them: its part of the four Parquet tables
(``<table>/part.<slice>.parquet``) and each article's HTML page (``articles/<name>.html``,
when pages are asked for), into the output folder or URL, which the workers must reach (a
shared filesystem, or any fsspec URL such as ``s3://``). Only each slice's summary rows come
back to the driver; no task's output waits in memory for another.

A worker that dies is replaced and its task runs again (Dask's retries). A slice whose task
kills every worker it runs on (an article that crashes native code, or needs more memory than
a worker has) fails with ``KilledWorker``; once every other slice is done, its articles are
run again one at a time, alone on the cluster, and an article that still kills its worker
becomes an error row worded as the local pool words it ("the worker process ended
unexpectedly"): every other article of the slice gets its real result, as with ``--jobs``.

Nothing that this second pass needs lives on a worker: the slice's rows are read once, by
the driver itself, and kept there (at most ``rows_per_task`` rows), and each article's task
carries its own row, so it has no dependency to lose with a worker: a ``KilledWorker`` can
only be its own. (``distributed`` recomputes a lost dependency, but a task keeps its count of
workers that died while it ran, even across ``retry``, and a dependency that reaches
``allowed-failures`` fails every task that needs it, with a ``KilledWorker`` naming the
dependency; data lost with a worker that cannot be computed again cancels every task that
needs it.)

The driver never waits on the cluster without bound (:class:`Limits`): it looks at the cluster
every few seconds while it waits, stops the audit with a :class:`ClusterError` naming the slice
(and row) it waited for when the cluster has had no workers for ``Limits.no_workers`` seconds
(every worker died or was shut down, and none came back), and gives up a task that runs past
``Limits.task`` seconds: a slice of the first pass then runs again one article at a time, and an
article's task is submitted again under a new key (``RETRIES`` tries in all, then a
:class:`ClusterError`). A result lost on the way is thus computed again, never waited for.

Every file is written under a hidden temporary name and then renamed into place, so a part
or page that a task writes again (Dask may run a task twice: a result lost with its worker
is recomputed) replaces the earlier one whole, and a task killed while writing leaves no
half-written part for a reader of the folder to pick up.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.core.config import Config
from checker.dask_names import names_for
from checker.dask_tables import (
    TABLES,
    Columns,
    RowSpec,
    audit_one,
    failed_one,
    partition_inputs,
    result_tables,
)
from checker.pipeline import ArticleResult
from checker.pool import WORKER_DIED

RETRIES = 3  # tries of a task that cannot kill its worker (reading rows, writing a part)
TASK_TIMEOUT = 1800.0  # seconds a task may run (a slice of <= 128 articles takes ~2-20 s)
NO_WORKERS_TIMEOUT = 300.0  # seconds the cluster may have no worker (restarts, scaling up)
_PAGE = re.compile(r"articles/[A-Za-z0-9._-]+\.html")

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client


@dataclass(frozen=True)
class Limits:
    """How long the driver waits on the cluster, in seconds: for one task to finish
    (``task``; then the task is given up and run again under a new key), for a worker when
    the cluster has none (``no_workers``; then the audit stops with a :class:`ClusterError`),
    and between two looks at the cluster while it waits (``poll``).
    ``checker audit --engine dask --task-timeout S --no-workers-timeout S`` sets the first two."""

    task: float = TASK_TIMEOUT
    no_workers: float = NO_WORKERS_TIMEOUT
    poll: float = 2.0

    def __post_init__(self) -> None:
        for name in ("task", "no_workers", "poll"):
            if not getattr(self, name) > 0:
                raise ValueError(f"Limits.{name} must be a positive number of seconds")


class ClusterError(RuntimeError):
    """The audit cannot go on on this cluster: it has had no workers for too long, or a task
    could not finish in any of its tries. The message names the slice (and row) concerned."""


class _Overdue(Exception):
    """A task that has run longer than ``Limits.task``."""


class _Watch:
    """Since when the cluster has had no workers, while the driver waits on ``what``."""

    def __init__(self, client: Client, limits: Limits) -> None:
        self.client, self.limits = client, limits
        self.since: float | None = None

    def check(self, what: str) -> None:
        """Raise :class:`ClusterError` once the cluster has had no worker for
        ``Limits.no_workers`` seconds (counted from the first look that found none)."""
        if self.client.nthreads():  # asks the scheduler: the workers registered now
            self.since = None
            return
        now = time.monotonic()
        self.since = now if self.since is None else self.since
        if now - self.since >= self.limits.no_workers:
            raise ClusterError(
                f"{what}: the Dask cluster has had no workers for {now - self.since:.0f} s "
                f"(limit {self.limits.no_workers:g} s: every worker died or was shut down and "
                "none came back); the audit stopped")  # fmt: skip


def _result(client: Client, fut: Any, what: str, limits: Limits) -> Any:
    """``fut.result()``, waited for in steps of ``Limits.poll`` seconds: a
    :class:`ClusterError` when the cluster has had no workers for ``Limits.no_workers``
    seconds, :class:`_Overdue` after ``Limits.task`` seconds (the caller cancels it)."""
    started = time.monotonic()
    watch = _Watch(client, limits)
    while True:
        try:
            return fut.result(timeout=limits.poll)
        except TimeoutError:
            pass
        watch.check(what)
        if time.monotonic() - started > limits.task:
            raise _Overdue(what)


def compute(objs: list[Any], what: str, limits: Limits | None = None) -> list[Any]:
    """``dask.compute(*objs)``; on a ``distributed`` cluster (the current client), waited
    for within ``limits`` (:func:`_result`): a :class:`ClusterError` naming ``what``
    instead of a wait without end when the cluster has no workers, or a task never ends."""
    import dask

    try:
        from distributed import get_client

        client = get_client()
    except (ImportError, ValueError):  # no distributed, or no client: Dask's own scheduler
        return list(dask.compute(*objs))
    limits = limits or Limits()
    futures = client.compute(objs)
    try:
        return [_result(client, fut, what, limits) for fut in futures]
    except _Overdue:
        raise ClusterError(f"{what}: a task ran past {limits.task:g} s") from None
    finally:
        client.cancel(futures)


@dataclass
class Plan:
    """An audit cut into tasks: the input's partitions (Dask delayed objects), each task's
    (partition, first row, row after its last, rows before it in its file), and what every
    task needs (how rows become articles, the configuration, the tables' columns, the
    renamed articles of :mod:`checker.dask_names`)."""

    parts: list[Any]
    slices: list[tuple[int, int, int, int]]
    spec: RowSpec
    config: Config
    columns: Columns
    names: dict[int, dict[int, tuple[str, str]]] = field(default_factory=dict)

    def args(self, i: int) -> tuple[Any, ...]:
        """What the task of slice ``i`` needs besides its rows."""
        part, start, stop, offset = self.slices[i]
        names = names_for(self.names, part, start, stop)
        return start, offset, self.spec, self.config, self.columns, names


@dataclass(frozen=True)
class Target:
    """Where the tasks write: a folder or fsspec URL (``base``), its storage options, and
    the report's description for the article pages (None: no pages)."""

    base: str
    storage_options: Mapping[str, Any] = field(default_factory=dict)
    page_meta: Mapping[str, Any] | None = None

    def fs(self) -> tuple[Any, str]:
        import fsspec

        return fsspec.core.url_to_fs(self.base, **dict(self.storage_options))


def rows_of(pdf: pd.DataFrame, start: int, stop: int) -> pd.DataFrame:
    """Rows ``start:stop`` of a partition."""
    return pdf.iloc[start:stop]


def _results(pdf: pd.DataFrame, start: int, offset: int, spec: RowSpec, config: Config,
             names: Mapping[int, tuple[str, str]], fail: str) -> list[ArticleResult]:  # fmt: skip
    items = partition_inputs(pdf, offset, spec, start, names)
    return [failed_one(item, fail) if fail else audit_one(item, config) for _, item in items]


def write_pages(results: list[ArticleResult], target: Target) -> None:
    """Each result's HTML page, as the local audit renders it, at its ``page``."""
    if target.page_meta is None or not results:
        return
    from reports.sinks import render_page

    fs, root = target.fs()
    fs.makedirs(f"{root}/articles", exist_ok=True)
    for res in results:
        page = res.page
        if not _PAGE.fullmatch(page):  # never out of the folder, whatever a caller's frame says
            raise ValueError(f"{res.article}: page {page!r} is not articles/<name>.html")
        html = render_page(res.to_dict(), target.page_meta).encode("utf-8")
        _replace(fs, f"{root}/{page}", lambda fh, data=html: fh.write(data))


def _replace(fs: Any, path: str, write: Callable[[Any], Any]) -> None:
    """Write ``path`` whole or not at all: into a hidden file beside it (readers of a
    Parquet folder skip names that start with a dot), then renamed over it, so that a task
    that runs twice, or dies while writing, never leaves a mixed or half-written file."""
    folder, name = path.rsplit("/", 1)
    tmp = f"{folder}/.{name}.{uuid.uuid4().hex[:12]}.tmp"
    try:
        with fs.open(tmp, "wb") as fh:
            write(fh)
        fs.mv(tmp, path)
    except BaseException:
        if fs.exists(tmp):
            fs.rm(tmp)
        raise


def write_part(tables: Mapping[str, pd.DataFrame], target: Target, part: str,
               columns: Columns) -> None:  # fmt: skip
    """``<table>/part.<part>.parquet`` of the four tables, with the local audit's schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from reports.parquet import schema

    fs, root = target.fs()
    for name in TABLES:
        fs.makedirs(f"{root}/{name}", exist_ok=True)
        table = pa.Table.from_pandas(tables[name], schema=schema(name, columns),
                                     preserve_index=False)  # fmt: skip
        _replace(fs, f"{root}/{name}/part.{part}.parquet",
                 lambda fh, table=table: pq.write_table(table, fh))  # fmt: skip


def audit_slice(pdf: pd.DataFrame, start: int, offset: int, spec: RowSpec, config: Config,
                columns: Columns, names: Mapping[int, tuple[str, str]], target: Target,
                part: str) -> pd.DataFrame:  # fmt: skip
    """The task of one slice: audit its rows, write its pages and table parts; its summary."""
    results = _results(pdf, start, offset, spec, config, names, "")
    write_pages(results, target)
    tables = result_tables(results, columns)
    write_part(tables, target, part, columns)
    return tables["summary"]


def audit_row(row: pd.DataFrame, j: int, start: int, offset: int, spec: RowSpec,
              config: Config, columns: Columns, names: Mapping[int, tuple[str, str]],
              target: Target, fail: str = "") -> dict[str, pd.DataFrame]:  # fmt: skip
    """Row ``j`` of a slice alone (``row``, a frame of that one row; its error row ``fail``
    when given): its page and tables."""
    results = _results(row, start + j, offset + j, spec, config, names, fail)
    write_pages(results, target)
    return result_tables(results, columns)


def part_name(i: int) -> str:
    """The part of slice ``i`` (zero-padded: the files sort in the input's order)."""
    return f"{i:07d}"


def run_plan(plan: Plan, target: Target, client: Client | None,
             limits: Limits | None = None) -> pd.DataFrame:  # fmt: skip
    """Run every slice's task (see the module docstring); the summary rows, in order.
    Without a ``distributed`` client, the tasks run on Dask's default scheduler, with no
    isolation of an article that kills its process (and no :class:`Limits`)."""
    import dask
    import pandas as pd

    tasks = [_slice_task(plan, i, target) for i in range(len(plan.slices))]
    if client is None:
        done = list(dask.compute(*tasks))
    else:
        done = _on_cluster(plan, target, client, tasks, limits or Limits())
    _sweep(target)
    if not done:
        from checker.dask_tables import empty_tables

        return empty_tables(plan.columns)["summary"]
    return pd.concat(done, ignore_index=True)


def _slice_task(plan: Plan, i: int, target: Target) -> Any:
    """The task of slice ``i`` (a Dask delayed object under a new key at each call)."""
    import dask

    part, start, stop, _ = plan.slices[i]
    return dask.delayed(audit_slice, pure=False)(
        dask.delayed(rows_of, pure=True)(plan.parts[part], start, stop),
        *plan.args(i), target, part_name(i),
    )  # fmt: skip


def slice_name(plan: Plan, i: int) -> str:
    """How errors name slice ``i``: its number and its rows in its partition."""
    part, start, stop, _ = plan.slices[i]
    return f"slice {i} (rows {start + 1}-{stop} of partition {part})"


def _sweep(target: Target) -> None:
    """Remove the temporary files that tasks killed while writing left behind."""
    fs, root = target.fs()
    for leftover in fs.glob(f"{root}/*/.*.tmp"):
        fs.rm(leftover)


def _on_cluster(plan: Plan, target: Target, client: Client, tasks: list[Any],
                limits: Limits) -> list[pd.DataFrame]:  # fmt: skip
    """The first pass (every slice a task), then the slices that failed with
    ``KilledWorker`` or ran past ``Limits.task`` again one article at a time."""
    from distributed import KilledWorker, wait

    futures = client.compute(tasks)
    where = {f.key: i for i, f in enumerate(futures)}
    summaries: list[pd.DataFrame | None] = [None] * len(futures)
    killed: list[int] = []
    pending, watch, moved = set(futures), _Watch(client, limits), time.monotonic()
    try:
        while pending:
            try:
                done, pending = wait(list(pending), timeout=limits.poll,
                                     return_when="FIRST_COMPLETED")  # fmt: skip
            except CancelledError:  # one lost a dependency that cannot be computed again
                done = {f for f in pending if f.done()}
                pending -= done
            except TimeoutError:
                watch.check(_waiting_for(plan, sorted(where[f.key] for f in pending)))
                if time.monotonic() - moved > limits.task:  # none finished for that long:
                    client.cancel(list(pending))  # given up, run again row by row
                    killed += [where[f.key] for f in pending]
                    pending = set()
                continue
            moved = time.monotonic()
            for fut in done:
                try:
                    summaries[where[fut.key]] = fut.result()
                except (KilledWorker, CancelledError):  # run again, row by row
                    killed.append(where[fut.key])
                fut.release()
    except BaseException:
        client.cancel(futures)
        raise
    for i in sorted(killed):
        summaries[i] = _one_at_a_time(plan, i, target, client, limits)
    return [s for s in summaries if s is not None]


def _waiting_for(plan: Plan, slices: list[int]) -> str:
    shown = ", ".join(slice_name(plan, i) for i in slices[:3])
    return f"waiting for {shown}{f' and {len(slices) - 3} more' if len(slices) > 3 else ''}"


def _one_at_a_time(plan: Plan, i: int, target: Target, client: Client,
                   limits: Limits) -> pd.DataFrame:  # fmt: skip
    """Slice ``i`` again, one article per task, each alone on the cluster; an article whose
    task kills its worker again is an error row. Its table part; its summary."""
    import pandas as pd
    from distributed import KilledWorker

    part, start, stop, _ = plan.slices[i]
    rows = _read_rows(plan, i)
    args = plan.args(i)
    pieces = []
    for j in range(stop - start):
        row = rows.iloc[j:j + 1]  # fmt: skip  # its own copy: nothing on a worker to lose
        what = f"{slice_name(plan, i)}: row {start + j + 1} of partition {part}"
        fut = client.submit(audit_row, row, j, *args, target, pure=False)
        try:
            pieces.append(_result(client, fut, what, limits))
        except KilledWorker as exc:
            if exc.task != fut.key:  # it has no dependency: no other task can be named
                raise
            pieces.append(_retrying(client, f"{what}: its error row", limits, audit_row,
                                    row, j, *args, target, WORKER_DIED))  # fmt: skip
        except (_Overdue, CancelledError):  # lost, or slow: tried again under new keys
            fut.cancel()
            pieces.append(_retrying(client, what, limits, audit_row, row, j, *args, target))
        finally:
            fut.release()
    tables = {name: pd.concat([p[name] for p in pieces], ignore_index=True) for name in TABLES}
    _retrying(client, f"{slice_name(plan, i)}: its part", limits, write_part, tables, target,
              part_name(i), plan.columns)  # fmt: skip
    return tables["summary"]


def _read_rows(plan: Plan, i: int) -> pd.DataFrame:
    """The rows of slice ``i``, read here, on the driver (Dask's synchronous scheduler), and
    kept (few: one slice's; the read holds its partition for a moment).

    Not on the cluster: the first pass's read of the partition may have failed for good (a
    task keeps its count of workers that died while it was assigned to them), or its graph
    may hold data that was lost with a worker and cannot be computed again, so that every
    task needing it is cancelled ("lost dependencies"), whatever its own key."""
    import dask

    part, start, stop, _ = plan.slices[i]
    (rows,) = dask.compute(dask.delayed(rows_of, pure=False)(plan.parts[part], start, stop),
                           scheduler="sync")  # fmt: skip
    if len(rows) != stop - start:
        raise RuntimeError(f"slice {i}: read {len(rows)} rows of partition {part} where "
                           f"{stop - start} were counted")  # fmt: skip
    return rows


def _retrying(client: Client, what: str, limits: Limits, fn: Callable[..., Any],
              *args: Any) -> Any:  # fmt: skip
    """``fn(*args)`` as a task of its own (no dependency), under a new key at each try, tried
    again if workers die under it or it runs past ``Limits.task`` (a task that cannot itself
    kill one: an error row, a part's files)."""
    from distributed import KilledWorker

    for _ in range(RETRIES):
        fut = client.submit(fn, *args, pure=False)
        try:
            return _result(client, fut, what, limits)
        except (KilledWorker, _Overdue, CancelledError):
            fut.cancel()
            continue
        finally:
            fut.release()
    raise ClusterError(f"{what}: every try lost its worker or ran past {limits.task:g} s "
                       f"({RETRIES} tries)")  # fmt: skip
