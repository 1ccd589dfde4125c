"""The audit on a Dask cluster: Dask DataFrames of articles in, Dask DataFrames of results out.

    import dask.dataframe as dd
    from checker.dask_engine import audit_dask, write_tables
    ddf = dd.read_parquet("s3://bucket/archive/*.parquet")
    tables = audit_dask(ddf, text_column="body", id_column="id")   # summary, findings, ...
    write_tables(tables, "s3://bucket/audit/")                      # one pass over the input

Each partition goes through :func:`checker.dask_tables.audit_partition`, i.e. the same
per-article functions as the local audit (``analyse_file`` for files, ``analyse_document``
for text cells); a failed article is a row with status ``error``, as locally. The four tables
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

import json
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from checker.core.config import Config, ConfigError
from checker.dask_tables import (
    ERROR_COLUMN,
    FILE_COLUMNS,
    INPUT_FORMATS,
    TABLES,
    RowSpec,
    Schema,
    audit_partition,
    build_schema,
)

if TYPE_CHECKING:
    import dask.dataframe as dd
    from distributed import Client

INSTALL_HINT = "the Dask engine needs the dask extra: pip install 'checker[dask]'"
TABLE_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".tsv": "tsv",
                  ".jsonl": "jsonl", ".ndjson": "jsonl"}  # fmt: skip
DEFAULT_BLOCKSIZE = "16MB"  # CSV/JSONL bytes per partition: ~3,000 articles of 5 KB
FILES_PER_PARTITION = 64
ROWS_PER_TASK = 128  # articles per task: ~2 s of work, small enough to spread and retry


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


def table_format(path: str) -> str | None:
    """``parquet``, ``csv``, ``tsv`` or ``jsonl`` by the name's suffix (``.gz`` allowed)."""
    name = path.rstrip("/").lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix, fmt in TABLE_SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return None


def read_table(
    path: str, *, fmt: str | None = None, blocksize: str | int = DEFAULT_BLOCKSIZE,
    storage_options: dict[str, Any] | None = None,
) -> dd.DataFrame:  # fmt: skip
    """A table of articles as a Dask DataFrame: a local path, glob or any fsspec URL.

    Parquet (a file, a folder or a glob of files), CSV, TSV or JSON Lines (compressed with
    gzip too); ``fmt`` overrides the suffix. Text columns are read as they are: an empty CSV
    cell is missing, a JSON number stays a number (each becomes an error row).
    """
    require_dask()
    import dask.dataframe as dd

    fmt = fmt or table_format(path)
    opts = {"storage_options": storage_options} if storage_options else {}
    if fmt == "parquet":
        return dd.read_parquet(path, **opts)
    if fmt in ("csv", "tsv"):  # every CSV cell is text: only a missing one is an error
        gz = path.lower().endswith(".gz")
        return dd.read_csv(
            path, sep="\t" if fmt == "tsv" else ",", dtype=object, keep_default_na=False,
            na_values=[""], blocksize=None if gz else blocksize,
            compression="gzip" if gz else None, **opts,
        )  # fmt: skip
    if fmt == "jsonl":
        return _read_jsonl(path, blocksize, storage_options or {})
    raise EngineError(f"{path}: cannot tell the table format from the name; "
                      "name it .parquet, .csv, .tsv or .jsonl")  # fmt: skip


def _parse_jsonl(block: bytes, columns: list[str]) -> pd.DataFrame:
    """The rows of a block of JSON Lines; a malformed line is a row with only an error."""
    records: list[dict[str, Any]] = []
    for line in block.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError(f"a JSON {type(obj).__name__}, not an object")
            records.append({c: obj.get(c) for c in columns})
        except ValueError as exc:
            reason = " ".join(str(exc).split())[:120]
            records.append({ERROR_COLUMN: f"malformed JSON line ({reason})"})
    out = pd.DataFrame(records, columns=[*columns, ERROR_COLUMN], dtype=object)
    return out


def _read_jsonl(path: str, blocksize: str | int, options: dict[str, Any]) -> dd.DataFrame:
    """JSON Lines in blocks of whole lines. Unlike ``dd.read_json``, a malformed line becomes
    an error row, and values keep their JSON type (a number in the text column is an error
    row, not the text "1234"); the columns are the keys of the first lines."""
    import dask
    import dask.dataframe as dd
    from dask.bytes import read_bytes

    gz = path.lower().endswith(".gz")
    sample, blocks = read_bytes(
        path, delimiter=b"\n", blocksize=None if gz else blocksize, sample="256 kiB",
        compression="gzip" if gz else None, **options,
    )  # fmt: skip
    columns: list[str] = []
    for line in sample.decode("utf-8", errors="replace").splitlines()[:-1] or [""]:
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            columns += [str(k) for k in obj if str(k) not in columns]
    parts = [dask.delayed(_parse_jsonl, pure=True)(b, columns) for per_file in blocks
             for b in per_file]  # fmt: skip
    meta = pd.DataFrame({c: pd.Series([], dtype=object) for c in [*columns, ERROR_COLUMN]})
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(parts, meta=meta, verify_meta=False)


def files_frame(inputs: Iterable[Any], per_partition: int = FILES_PER_PARTITION) -> dd.DataFrame:
    """Discovered input files (``checker.batch.Input``) as a Dask DataFrame of ``path``,
    ``article`` and ``error``: the workers read the files, so they must see the same paths."""
    require_dask()
    import dask.dataframe as dd

    rows = [(i.path, i.article, i.error) for i in inputs]
    pdf = pd.DataFrame(rows, columns=list(FILE_COLUMNS), dtype=object)
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
            raise EngineError(f"{source}: no {role} column {col!r}; the columns are "
                              f"{', '.join(map(str, columns))}")  # fmt: skip
    if input_format not in INPUT_FORMATS:
        raise EngineError(f"input format {input_format!r}: choose from "
                          f"{', '.join(INPUT_FORMATS)}")  # fmt: skip
    used = {text_column, format_column, ERROR_COLUMN}
    metadata = tuple(c for c in columns if c not in used)
    return RowSpec(text_column, id_column, format_column, input_format, source, metadata)


def _lengths(ddf: dd.DataFrame, spec: RowSpec) -> list[int]:
    """The number of rows in each partition (one quick pass over one column)."""
    col = spec.text_column or "path"
    return [int(n) for n in ddf[col].map_partitions(len).compute()]


def _slices(lengths: list[int], rows_per_task: int) -> Iterator[tuple[int, int, int, int]]:
    """(partition, start, stop, rows before it) of each task: partitions cut into pieces of
    at most ``rows_per_task`` rows, numbered across the whole input."""
    before = 0
    for part, n in enumerate(lengths):
        for start in range(0, n, rows_per_task):
            yield part, start, min(n, start + rows_per_task), before + start
        before += n


def _rows(pdf: pd.DataFrame, start: int, stop: int) -> pd.DataFrame:
    return pdf.iloc[start:stop]


def _pick(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables[name]


def audit_dask(
    ddf: dd.DataFrame,
    text_column: str | None = None,
    *,
    id_column: str | None = None,
    format_column: str | None = None,
    input_format: str = "text",
    config: Config | None = None,
    source: str = "<table>",
    rows_per_task: int = ROWS_PER_TASK,
) -> dict[str, dd.DataFrame]:
    """Audit every row of a Dask DataFrame; returns the four tables as Dask DataFrames.

    With ``text_column``, each row's cell is an article (``id_column`` names it, else
    ``<source>:<row>``; ``format_column`` or ``input_format`` says text, markdown or html); the
    other input columns are carried into the summary table. Without it, ``ddf`` has the
    columns ``path``, ``article`` and ``error`` of :func:`files_frame`. Nothing runs until
    the tables are computed; compute them together (``dask.compute(*tables.values())`` or
    :func:`write_tables`) to analyse each article once.

    Work is cut by rows, not bytes: one quick pass over one column counts the rows of each
    input partition (which also numbers them across the input), and each task audits at most
    ``rows_per_task`` rows, so that a few large Parquet files still spread over every worker.
    """
    require_dask()
    import dask
    import dask.dataframe as dd

    config = config or Config()
    spec = _spec_for(ddf, text_column, id_column, format_column, input_format, source)
    schema = build_schema(config, {c: ddf.dtypes[c] for c in spec.metadata})
    if rows_per_task < 1:
        raise EngineError("rows per task must be at least 1")
    parts = ddf.to_delayed()
    token = dask.base.tokenize(spec, schema, config, ddf, rows_per_task)
    audited = [
        dask.delayed(audit_partition, pure=True, name=f"checker-audit-{token}-{i}")(
            dask.delayed(_rows, pure=True)(parts[part], start, stop), offset, spec, config,
            schema,
        )
        for i, (part, start, stop, offset) in enumerate(_slices(_lengths(ddf, spec),
                                                                rows_per_task))
    ]  # fmt: skip
    if not audited:  # no rows: one empty partition per table
        audited = [dask.delayed({name: schema.empty(name) for name in TABLES})]
    return {
        name: dd.from_delayed(
            [dask.delayed(_pick, pure=True)(t, name) for t in audited],
            meta=schema.empty(name), verify_meta=False,
        )
        for name in TABLES
    }  # fmt: skip


# ---------------------------------------------------------------- the cluster


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
        build_schema(self.config)  # audits a probe article that runs every family

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
    (default: one per core), started here and stopped on exit."""
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
    n = workers or len(os.sched_getaffinity(0))
    with LocalCluster(
        n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
        memory_limit=memory_limit,
    ) as local, Client(local) as client:  # fmt: skip
        _register_warm_up(client, config or Config())
        yield client


# ---------------------------------------------------------------- outputs


def write_tables(
    tables: dict[str, dd.DataFrame], out: str | os.PathLike[str], *,
    summary_csv: bool = True, storage_options: dict[str, Any] | None = None,
) -> pd.DataFrame:  # fmt: skip
    """Write the four tables as partitioned Parquet (``out/<table>/part.N.parquet``) and
    ``out/summary.csv``, in one pass over the input; returns the summary (in memory).

    On a local folder, the tables are written to a temporary folder beside them and moved
    into place at the end, so a failed or killed run leaves the previous tables; on a URL
    (``s3://...``) they are written in place.
    """
    require_dask()
    import dask

    target = str(out)
    local = "://" not in target
    stage = Path(target) / f".checker-tmp-{uuid.uuid4().hex[:8]}" if local else None
    base = str(stage) if stage else target.rstrip("/")
    writes = [
        tables[name].to_parquet(f"{base}/{name}", write_index=False, compute=False,
                                storage_options=storage_options)  # fmt: skip
        for name in TABLES
    ]
    try:
        *_, summary = dask.compute(*writes, tables["summary"])
    except BaseException:
        if stage:
            shutil.rmtree(stage, ignore_errors=True)
        raise
    if stage:
        _move_into_place(stage, Path(target))
    if summary_csv:
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
    return summary


def _move_into_place(stage: Path, out: Path) -> None:
    """Replace ``out/<table>`` folders by the staged ones, then remove the stage."""
    for name in TABLES:
        new, old = stage / name, out / name
        trash = stage / f"{name}.old"
        if old.exists():
            old.rename(trash)
        new.rename(old)
    shutil.rmtree(stage, ignore_errors=True)


def local_tables(
    pdf: pd.DataFrame, text_column: str | None = None, *, id_column: str | None = None,
    format_column: str | None = None, input_format: str = "text",
    config: Config | None = None, source: str = "<table>", schema: Schema | None = None,
) -> dict[str, pd.DataFrame]:  # fmt: skip
    """The tables :func:`audit_dask` computes, in this process for a pandas DataFrame (the
    reference a cluster run is compared with)."""
    config = config or Config()
    spec = _spec_for(pdf, text_column, id_column, format_column, input_format, source)
    schema = schema or build_schema(config, {c: pdf.dtypes[c] for c in spec.metadata})
    return audit_partition(pdf, 0, spec, config, schema)
