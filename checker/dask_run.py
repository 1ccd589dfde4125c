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

Nothing that this second pass needs lives on a worker: the slice's rows are read once (by a
task of their own, tried again if its worker dies) and kept by the driver (at
most ``rows_per_task`` rows), and each article's task carries its own row, so it has no
dependency to lose with a worker: a ``KilledWorker`` can only be its own. (``distributed``
recomputes a lost dependency, but a task keeps its count of workers that died while it ran,
even across ``retry``, and a dependency that reaches ``allowed-failures`` fails every task
that needs it, with a ``KilledWorker`` naming the dependency.)

Every file is written under a hidden temporary name and then renamed into place, so a part
or page that a task writes again (Dask may run a task twice: a result lost with its worker
is recomputed) replaces the earlier one whole, and a task killed while writing leaves no
half-written part for a reader of the folder to pick up.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
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
_PAGE = re.compile(r"articles/[A-Za-z0-9._-]+\.html")

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client


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


def run_plan(plan: Plan, target: Target, client: Client | None) -> pd.DataFrame:
    """Run every slice's task (see the module docstring); the summary rows, in order.
    Without a ``distributed`` client, the tasks run on Dask's default scheduler, with no
    isolation of an article that kills its process."""
    import dask
    import pandas as pd

    tasks = [
        dask.delayed(audit_slice, pure=False)(
            dask.delayed(rows_of, pure=True)(plan.parts[part], start, stop),
            *plan.args(i), target, part_name(i),
        )
        for i, (part, start, stop, _) in enumerate(plan.slices)
    ]  # fmt: skip
    if client is None:
        done = list(dask.compute(*tasks))
    else:
        done = _on_cluster(plan, target, client, tasks)
    _sweep(target)
    if not done:
        from checker.dask_tables import empty_tables

        return empty_tables(plan.columns)["summary"]
    return pd.concat(done, ignore_index=True)


def _sweep(target: Target) -> None:
    """Remove the temporary files that tasks killed while writing left behind."""
    fs, root = target.fs()
    for leftover in fs.glob(f"{root}/*/.*.tmp"):
        fs.rm(leftover)


def _on_cluster(plan: Plan, target: Target, client: Client, tasks: list[Any]
                ) -> list[pd.DataFrame]:  # fmt: skip
    from distributed import KilledWorker, as_completed

    futures = client.compute(tasks)
    where = {f.key: i for i, f in enumerate(futures)}
    summaries: list[pd.DataFrame | None] = [None] * len(futures)
    killed = []
    try:
        for fut in as_completed(futures):
            try:
                summaries[where[fut.key]] = fut.result()
            except KilledWorker:
                killed.append(where[fut.key])
            fut.release()
    except BaseException:
        client.cancel(futures)
        raise
    for i in sorted(killed):
        summaries[i] = _one_at_a_time(plan, i, target, client)
    return [s for s in summaries if s is not None]


def _one_at_a_time(plan: Plan, i: int, target: Target, client: Client) -> pd.DataFrame:
    """Slice ``i`` again, one article per task, each alone on the cluster; an article whose
    task kills its worker again is an error row. Its table part; its summary."""
    import pandas as pd
    from distributed import KilledWorker

    part, start, stop, _ = plan.slices[i]
    rows = _read_rows(plan, i, client)
    args = plan.args(i)
    pieces = []
    for j in range(stop - start):
        row = rows.iloc[j:j + 1]  # fmt: skip  # its own copy: nothing on a worker to lose
        fut = client.submit(audit_row, row, j, *args, target, pure=False)
        try:
            pieces.append(fut.result())
        except KilledWorker as exc:
            if exc.task != fut.key:  # it has no dependency: no other task can be named
                raise
            pieces.append(_retrying(client, f"slice {i}: the error row of its row {j}",
                                    audit_row, row, j, *args, target, WORKER_DIED))  # fmt: skip
        fut.release()
    tables = {name: pd.concat([p[name] for p in pieces], ignore_index=True) for name in TABLES}
    _retrying(client, f"slice {i}: its part", write_part, tables, target, part_name(i),
              plan.columns)  # fmt: skip
    return tables["summary"]


def _read_rows(plan: Plan, i: int, client: Client) -> pd.DataFrame:
    """The rows of slice ``i``, read on the cluster and kept here (few: one slice's)."""
    import dask
    from distributed import KilledWorker

    part, start, stop, _ = plan.slices[i]
    # a new key: this read does not inherit the count of deaths of the first pass's
    fut = client.compute(dask.delayed(rows_of, pure=False)(plan.parts[part], start, stop))
    try:
        for _ in range(RETRIES):
            try:
                rows = fut.result()
                break
            except KilledWorker:  # its own task or the partition's read (shared, so maybe
                fut.retry()  # still failed from the first pass): the scheduler reruns both
        else:
            raise RuntimeError(f"slice {i}: its rows could not be read: every try lost its "
                               f"worker ({RETRIES} tries)")  # fmt: skip
    finally:
        fut.release()
    if len(rows) != stop - start:
        raise RuntimeError(f"slice {i}: read {len(rows)} rows of partition {part} where "
                           f"{stop - start} were counted")  # fmt: skip
    return rows


def _retrying(client: Client, what: str, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` as a task of its own (no dependency), tried again if workers die under
    it (a task that cannot itself kill one: an error row, a part's files)."""
    from distributed import KilledWorker

    for _ in range(RETRIES):
        fut = client.submit(fn, *args, pure=False)
        try:
            return fut.result()
        except KilledWorker:
            continue
        finally:
            fut.release()
    raise RuntimeError(f"{what}: every try lost its worker ({RETRIES} tries)")
