"""The audit on a Dask cluster: Dask DataFrames of articles in, Dask DataFrames of results out.

    from checker.dask_engine import audit_dask, write_tables
    from checker.dask_readers import read_table
    ddf = read_table("s3://bucket/archive/*.parquet")    # or any Dask DataFrame of articles
    tables = audit_dask(ddf, text_column="body", id_column="id")   # summary, findings, ...
    write_tables(tables, "s3://bucket/audit/")                      # one pass over the input

Each partition goes through :func:`checker.dask_tables.audit_partition`, i.e. the same
per-article function as the local audit (:func:`checker.article.audit_article`); a failed
article is a row with status ``error``, as locally. The four tables
come from one task per partition, so computing them together (``dask.compute`` of all four,
or :func:`write_tables`) analyses every article once.

On the workers, models and lexicons are loaded once per process (the same read-only caches
as a process pool) and :class:`WarmUp`, a worker plugin, loads them when a worker starts,
before its first task. A worker that dies (killed for memory, a lost machine) loses nothing:
the scheduler runs its tasks again on another worker, and the results are the same.

Dask is an optional extra (``pip install 'checker[dask]'``); importing this module without it
works, and :func:`require_dask` says what to install.
"""

from __future__ import annotations

import os
import shutil
import uuid
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from checker.core.config import Config, ConfigError
from checker.dask_names import Survey, names_for, settle, survey
from checker.dask_run import NO_WORKERS_TIMEOUT, Limits, Plan, compute, rows_of
from checker.dask_tables import (
    FILE_COLUMNS,
    HIDDEN,
    PATH_COLUMN,
    TABLES,
    RowSpec,
    audit_partition,
    empty_tables,
    row_ids,
    table_columns,
)
from checker.text.tabular import INPUT_FORMATS, TableSpec

if TYPE_CHECKING:
    import dask.dataframe as dd
    from distributed import Client

INSTALL_HINT = "the Dask engine needs the dask extra: pip install 'checker[dask]'"
FILES_PER_PARTITION = 64
ROWS_PER_TASK = 128  # articles per task at most: ~2 s of work, small enough to spread and retry
# Workers' statistical profiler samples the running task's stack every 10 ms: on the audit's
# deep pure-Python stacks it cost about 2x the analysis time (measured, bench/dask_bench.py).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
# A local cluster closes a nanny for good when its restarted worker has not registered again
# within lost-worker-timeout (15 s by default): on a loaded machine, a worker that an article
# crashed takes longer than that to start again (a new process imports checker and loads the
# models), and the cluster was left with no workers. Its own nannies restart their workers.
LOCAL_CLUSTER_CONFIG = {"distributed.deploy.lost-worker-timeout": f"{NO_WORKERS_TIMEOUT:g}s"}
TASKS_PER_WORKER = 8  # for a small input: tasks enough to keep every worker busy to the end


class EngineError(ConfigError):
    """The Dask engine cannot run as asked (not installed, bad input, no scheduler)."""


def require_dask() -> None:
    """Raise :class:`EngineError` with the install command when Dask is not installed."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise EngineError(f"{INSTALL_HINT} ({exc})") from None


# ---------------------------------------------------------------- inputs
# (tables: checker.dask_readers.read_table)


def files_frame(inputs: Iterable[Any], per_partition: int = FILES_PER_PARTITION) -> dd.DataFrame:
    """Discovered input files (``checker.batch.Input``) as a Dask DataFrame of ``path``,
    ``article``, ``error``, ``id`` and ``page`` (each id and page unique, as the local audit
    makes them): the workers read the files, so they must see the same paths."""
    require_dask()
    import dask.dataframe as dd

    from checker.batch import PageNames, _unique

    used: set[str] = set()
    pages = PageNames()
    rows = []
    for i in inputs:  # ids and pages as the local audit gives them, in the same order
        ident = _unique(i.article, used)
        rows.append((i.path, i.article, i.error, ident, pages(ident)))
    pdf = pd.DataFrame(rows, columns=[*FILE_COLUMNS, "id", "page"], dtype=object)
    n = max(1, -(-len(pdf) // per_partition))
    return dd.from_pandas(pdf, npartitions=n, sort=False)


# ---------------------------------------------------------------- the graph


def _spec_for(
    ddf: dd.DataFrame | pd.DataFrame, text_column: str | None, id_column: str | None,
    format_column: str | None, input_format: str, source: str,
) -> RowSpec:  # fmt: skip
    columns = list(ddf.columns)
    if text_column is None:
        missing = [c for c in FILE_COLUMNS if c not in columns]
        if missing:
            raise EngineError(f"{source}: no text column given and no {', '.join(missing)} "
                              "column(s) naming files; use --text-column")  # fmt: skip
        return RowSpec(source=source)
    for role, col in (("text", text_column), ("id", id_column), ("format", format_column)):
        if col is not None and col not in columns:
            shown = ", ".join(str(c) for c in columns if c not in HIDDEN)
            raise EngineError(f"{source}: no {role} column {col!r}; the columns are {shown}")
    if input_format not in INPUT_FORMATS:
        raise EngineError(f"input format {input_format!r}: choose from "
                          f"{', '.join(INPUT_FORMATS)}")  # fmt: skip
    return RowSpec(TableSpec(text_column, id_column, input_format, format_column), source)


def _metadata_keys(ddf: dd.DataFrame, spec: RowSpec) -> list[str]:
    """The input columns carried into the summary table (all but text, id, format)."""
    if spec.table is None:
        return []
    return [str(c) for c in ddf.columns if c not in spec.table.reserved() and c not in HIDDEN]


def _name_columns(ddf: dd.DataFrame, spec: RowSpec) -> list[str]:
    """The columns that name and locate each row (the id and the hidden ones)."""
    cols = [c for c in (spec.table.id_column if spec.table else None, *HIDDEN)
            if c is not None and c in ddf.columns]  # fmt: skip
    return cols or [ddf.columns[0]]


def _survey(ddf: dd.DataFrame, spec: RowSpec, limits: Limits | None) -> list[Survey]:
    """Each partition's rows, file and article names (:func:`checker.dask_names.survey`):
    one quick pass over the id and location columns."""
    import dask

    parts = ddf[_name_columns(ddf, spec)].to_delayed()
    return compute([dask.delayed(survey, pure=True)(p, spec, PATH_COLUMN) for p in parts],
                   "counting the rows of the input", limits)  # fmt: skip


def _befores(lengths: list[tuple[int, Any]]) -> list[int]:
    """Rows before each partition in its file (or the input)."""
    out, before, last = [], 0, None
    for n, name in lengths:
        if name is not None and name != last:
            before, last = 0, name
        out.append(before)
        before += n
    return out


def _collector(ddf: dd.DataFrame, spec: RowSpec, befores: list[int],
               limits: Limits | None) -> Any:  # fmt: skip
    """``collect`` for :func:`checker.dask_names.settle`: ids of some rows of some partitions."""
    import dask

    def collect(wanted: dict[int, list[int]]) -> dict[int, list[tuple[int, str]]]:
        parts = ddf[_name_columns(ddf, spec)].to_delayed()
        keys = sorted(wanted)
        got = compute([dask.delayed(_ids_of, pure=True)(parts[p], befores[p], spec, wanted[p])
                       for p in keys], "reading the ids that several rows share", limits)
        return dict(zip(keys, got, strict=True))

    return collect


def _ids_of(pdf: pd.DataFrame, before: int, spec: RowSpec, rows: list[int]
            ) -> list[tuple[int, str]]:  # fmt: skip
    want = set(rows)
    return [(r, ident) for r, ident in row_ids(pdf, before, spec) if r in want]


def _slices(
    lengths: list[tuple[int, Any]], rows_per_task: int
) -> Iterator[tuple[int, int, int, int]]:
    """(partition, start, stop, rows before it in its file) of each task: partitions cut into
    pieces of at most ``rows_per_task`` rows, numbered across each file (or the input)."""
    before, last = 0, None
    for part, (n, name) in enumerate(lengths):
        if name is not None and name != last:
            before, last = 0, name
        for start in range(0, n, rows_per_task):
            yield part, start, min(n, start + rows_per_task), before + start
        before += n


def _workers() -> int:
    """The number of workers of the current Dask client (1 without a client)."""
    try:
        from distributed import get_client

        return max(1, len(get_client().scheduler_info()["workers"]))
    except (ImportError, ValueError):
        return 1


def _rows_per_task(total: int) -> int:
    """Rows per task: about TASKS_PER_WORKER tasks per worker, so that the last tasks are
    short and every worker is busy to the end; at most ROWS_PER_TASK rows each."""
    return max(1, min(ROWS_PER_TASK, -(-total // (_workers() * TASKS_PER_WORKER))))


def _pick(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables[name]


class AuditTables(dict):  # type: ignore[type-arg]
    """The four tables (``summary``, ``findings``, ``sources``, ``sentences``) as Dask
    DataFrames, and the :class:`~checker.dask_run.Plan` they come from (``plan``), with
    which :func:`write_tables` writes them task by task."""

    plan: Plan | None = None


def audit_dask(
    ddf: dd.DataFrame,
    text_column: str | None = None,
    *,
    id_column: str | None = None,
    format_column: str | None = None,
    input_format: str = "text",
    config: Config | None = None,
    source: str = "<table>",
    rows_per_task: int | None = None,
    limits: Limits | None = None,
) -> AuditTables:
    """Audit every row of a Dask DataFrame; returns the four tables as Dask DataFrames.

    With ``text_column``, each row's cell is an article (``id_column`` names it, else
    ``<source>#<row>``; ``format_column`` or ``input_format`` says text, markdown or html); the
    other input columns are carried into the summary table. Without it, ``ddf`` has the
    columns ``path``, ``article`` and ``error`` of :func:`files_frame`. Nothing runs until
    the tables are computed; compute them together (``dask.compute(*tables.values())``) or
    write them with :func:`write_tables` (which isolates an article that kills workers) to
    analyse each article once. Ids are unique across the input and each article has its
    page name, as in the local audit (:mod:`checker.dask_names`).

    Work is cut by rows, not bytes: one quick pass over the id column counts the rows of
    each input partition (which also numbers them across the input and finds the ids that
    another article has too), and each task audits at most ``rows_per_task`` rows, so that a
    few large Parquet files still spread over every worker (default: enough tasks for about
    :data:`TASKS_PER_WORKER` per worker of the current client's cluster, at most
    :data:`ROWS_PER_TASK` rows each). On a ``distributed`` cluster, that pass is waited
    for within ``limits`` (:class:`checker.dask_run.Limits`; default: its defaults).
    """
    require_dask()
    import dask
    import dask.dataframe as dd

    config = config or Config()
    spec = _spec_for(ddf, text_column, id_column, format_column, input_format, source)
    columns = table_columns(config, _metadata_keys(ddf, spec))
    meta = empty_tables(columns)
    if rows_per_task is not None and rows_per_task < 1:
        raise EngineError("rows per task must be at least 1")
    surveys = _survey(ddf, spec, limits)
    lengths = [(s.rows, s.path) for s in surveys]
    befores = _befores(lengths)
    names = settle(surveys, befores, _collector(ddf, spec, befores, limits)) if spec.table else {}
    del surveys
    rows_per_task = rows_per_task or _rows_per_task(sum(n for n, _ in lengths))
    parts = ddf.to_delayed()
    plan = Plan(parts, list(_slices(lengths, rows_per_task)), spec, config, columns, names)
    token = dask.base.tokenize(spec, columns, config, ddf, rows_per_task, names)
    audited = [
        dask.delayed(audit_partition, pure=True, name=f"checker-audit-{token}-{i}")(
            dask.delayed(rows_of, pure=True)(parts[part], start, stop), offset, spec, config,
            columns, start, names_for(names, part, start, stop),
        )
        for i, (part, start, stop, offset) in enumerate(plan.slices)
    ]  # fmt: skip
    if not audited:  # no rows: one empty partition per table
        audited = [dask.delayed(meta)]
    out = AuditTables({
        name: dd.from_delayed(
            [dask.delayed(_pick, pure=True)(t, name) for t in audited],
            meta=meta[name], verify_meta=False,
        )
        for name in TABLES
    })  # fmt: skip
    out.plan = plan
    return out


# ---------------------------------------------------------------- the cluster


# An article that runs every family and model (claims, attribution, hedging, footnotes, links)
_WARM_UP = """\
Officials perhaps said on Monday that the city will spend 40 million dollars on roads.[1]

"It is clearly the right plan," said Mayor Ann Lee, according to [the Planet](https://example.com/a).

## Sources

1. City budget report, 2026.
"""


class WarmUp:
    """A worker plugin: load every model and lexicon when a worker starts (once per process).

    Registered by :func:`cluster` for the audit's configuration; a worker that the nanny
    restarts after a crash runs it again. Without it the first task on each worker loads
    them, which is the same once-per-process cost, paid inside a task.
    """

    name = "checker-warm-up"
    idempotent = True

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()

    def setup(self, worker: Any) -> None:
        from checker.article import audit_article
        from checker.text.tabular import ArticleInput

        audit_article(ArticleInput("warm-up", "warm-up", "warm-up", _WARM_UP, "markdown"),
                      self.config)  # fmt: skip

    def teardown(self, worker: Any) -> None:
        return None


def _register_warm_up(client: Client, config: Config) -> None:
    from distributed.diagnostics.plugin import WorkerPlugin

    plugin = type("CheckerWarmUp", (WarmUp, WorkerPlugin), {})(config)
    client.register_plugin(plugin, name=WarmUp.name)


@contextmanager
def cluster(
    scheduler: str | None = None, *, workers: int | None = None, config: Config | None = None,
    memory_limit: str = "auto",
) -> Iterator[Client]:  # fmt: skip
    """A Dask client: connected to ``scheduler`` (an address such as ``tcp://host:8786``, or a
    scheduler file), else to a local cluster with ``workers`` processes of one thread each
    (default: one per core, with :data:`WORKER_CONFIG`), started here and stopped on exit.
    Workers of a cluster started elsewhere should run with that configuration too
    (``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``; see docs/scale.md)."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            kwargs = {"scheduler_file": scheduler} if scheduler.endswith(".json") else {
                "address": scheduler}  # fmt: skip
            client = Client(timeout="30s", **kwargs)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        try:
            _register_warm_up(client, config or Config())
            yield client
        finally:
            client.close()
        return
    import dask

    n = workers or len(os.sched_getaffinity(0))
    with dask.config.set({**WORKER_CONFIG, **LOCAL_CLUSTER_CONFIG}), LocalCluster(
        n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
        memory_limit=memory_limit,
    ) as local, Client(local) as client:  # fmt: skip
        _register_warm_up(client, config or Config())
        yield client


# ---------------------------------------------------------------- outputs


def write_tables(
    tables: dict[str, dd.DataFrame], out: str | os.PathLike[str], *,
    summary_csv: bool = True, storage_options: dict[str, Any] | None = None,
    pages: Mapping[str, Any] | None = None, limits: Limits | None = None,
) -> pd.DataFrame:  # fmt: skip
    """Write the four tables as partitioned Parquet (``out/<table>/part.N.parquet``) and
    ``out/summary.csv``, in one pass over the input; returns the summary (in memory).

    Tables from :func:`audit_dask` are written task by task
    (:func:`checker.dask_run.run_plan`): on a ``distributed`` cluster, an article that kills
    every worker it runs on is an error row, not the end of the audit; with ``pages`` (the
    report's description, as :func:`page_meta` gives it) each article's HTML page goes to
    ``out/articles/``, written by the workers, which must reach ``out`` (a shared filesystem,
    or an fsspec URL). Other Dask DataFrames are written with ``to_parquet``, without pages.
    On a cluster the waits are bounded by ``limits`` (:class:`checker.dask_run.Limits`): a
    :class:`checker.dask_run.ClusterError` when the cluster has had no workers for too long.

    On a local folder, the tables are written to a temporary folder beside them and moved
    into place at the end, so a failed or killed run leaves the previous tables; on a URL
    (``s3://...``) they are written in place.
    """
    require_dask()
    target = str(out)
    local = "://" not in target
    stage = Path(target) / f".checker-tmp-{uuid.uuid4().hex[:8]}" if local else None
    base = str(stage) if stage else target.rstrip("/")
    try:
        plan = getattr(tables, "plan", None)
        if plan is not None:
            from checker.dask_run import Target, run_plan

            summary = run_plan(plan, Target(base, storage_options or {}, pages), _client(),
                               limits)  # fmt: skip
        else:
            if pages is not None:
                warnings.warn("write_tables: these tables did not come from audit_dask (no "
                              "plan), so no article pages are written", stacklevel=2)
            summary = _write_lazily(tables, base, storage_options)
    except BaseException:
        if stage:
            shutil.rmtree(stage, ignore_errors=True)
        raise
    if stage:
        _move_into_place(stage, Path(target), pages is not None)
    if summary_csv:
        _write_summary_csv(summary, target, base, local, storage_options)
    return summary


def _client() -> Client | None:
    try:
        from distributed import get_client

        return get_client()
    except (ImportError, ValueError):
        return None


def _write_lazily(tables: dict[str, dd.DataFrame], base: str,
                  storage_options: dict[str, Any] | None) -> pd.DataFrame:  # fmt: skip
    """The tables through ``to_parquet``, computed together (any Dask scheduler)."""
    import dask

    writes = [
        tables[name].to_parquet(f"{base}/{name}", write_index=False, compute=False,
                                storage_options=storage_options)  # fmt: skip
        for name in TABLES
    ]
    *_, summary = dask.compute(*writes, tables["summary"])
    return summary


def _write_summary_csv(summary: pd.DataFrame, target: str, base: str, local: bool,
                       storage_options: dict[str, Any] | None) -> None:  # fmt: skip
    from reports.csv import to_csv_text

    text = to_csv_text(summary)
    if local:
        from checker.core.io import atomic_write_text

        atomic_write_text(Path(target) / "summary.csv", text)
    else:
        import fsspec

        with fsspec.open(f"{base}/summary.csv", "w", encoding="utf-8",
                         **(storage_options or {})) as fh:  # fmt: skip
            fh.write(text)


def page_meta(config: Config) -> dict[str, Any]:
    """What an article page shows of the report (tool, version, rules on or off): the
    ``pages`` of :func:`write_tables`, as the local audit renders its pages."""
    from checker.batch import rules_meta
    from checker.core.version import __version__
    from reports.sinks import page_meta as of_report

    return of_report({"tool": "checker", "version": __version__, "rules": rules_meta(config)})


def write_index(summary: pd.DataFrame, out: str | os.PathLike[str], config: Config,
                group_by: str | None = None, *, pages: bool = False) -> Path:
    """``out/index.html`` (with its data file and shared assets) from the summary rows, as
    the local audit builds its index, and the marker that keeps later folder walks out of
    ``out``. Rows link to the article pages (``page``) when :func:`write_tables` wrote
    them (``pages``); else they link to none."""
    from checker.batch import rules_meta
    from checker.core.io import atomic_write_text
    from checker.core.version import __version__
    from checker.walk import REPORT_MARKER, REPORT_MARKER_TEXT
    from reports.html.index import write_index as write_html_index

    rules = rules_meta(config)
    meta = {"tool": "checker", "version": __version__, "rules": rules,
            "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}  # fmt: skip
    rows = ({**{k: (None if _missing(v) else v) for k, v in row.items()},
             **({} if pages else {"page": ""})} for row in summary.to_dict("records"))
    folder = Path(out)
    atomic_write_text(folder / REPORT_MARKER, REPORT_MARKER_TEXT)
    write_html_index(rows, folder, rules=rules, meta=meta, group_by=group_by)
    return folder / "index.html"


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _move_into_place(stage: Path, out: Path, pages: bool = False) -> None:
    """Replace ``out/<table>`` folders (and ``out/articles``) by the staged ones, then
    remove the stage."""
    for name in (*TABLES, "articles") if pages else TABLES:
        new, old = stage / name, out / name
        trash = stage / f"{name}.old"
        if old.exists():
            old.rename(trash)
        if new.exists():
            new.rename(old)
    shutil.rmtree(stage, ignore_errors=True)
