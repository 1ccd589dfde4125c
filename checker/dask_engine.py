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

import csv
import io
import json
import os
import shutil
import sys
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
    HIDDEN,
    PATH_COLUMN,
    SKIP,
    TABLES,
    WHERE_COLUMN,
    RowSpec,
    audit_partition,
    empty_tables,
    table_columns,
)
from checker.text.tabular import INPUT_FORMATS, TableSpec

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
    """A table of articles as a Dask DataFrame: a local path, folder, glob or fsspec URL.

    Parquet (one partition per row group), CSV or TSV (one partition per file: a quoted cell
    may hold line breaks, so a file cannot be cut at any line), JSON Lines (blocks of whole
    lines); gzip-compressed text too. ``fmt`` overrides the suffix. Each row carries where it
    came from (file, row or line) and values keep their type as the local audit's readers
    give them: a number in the text column is an error row, not the text "1234"; a
    malformed JSON line is an error row, not the end of the audit.
    """
    require_dask()
    fmt = fmt or table_format(path)
    options = storage_options or {}
    if fmt == "parquet":
        return _read_parquet(path, options)
    if fmt in ("csv", "tsv", "jsonl"):
        return _read_text_table(path, fmt, blocksize, options)
    raise EngineError(f"{path}: cannot tell the table format from the name; "
                      "name it .parquet, .csv, .tsv or .jsonl")  # fmt: skip


def _files(path: str, options: dict[str, Any], suffix: str) -> tuple[Any, list[tuple[str, str]]]:
    """The filesystem and (file, display name) of each file a path, folder or glob names."""
    import fsspec

    fs, _, paths = fsspec.get_fs_token_paths(path, storage_options=options)
    local = "://" not in path
    out = []
    for p in paths:
        found = sorted(f for f in fs.find(p) if f.endswith(suffix)) if fs.isdir(p) else [p]
        out += [(f, f if local else fs.unstrip_protocol(f)) for f in found]
    if not out:
        raise EngineError(f"{path}: no such file or folder")
    if len(out) == 1 and len(paths) == 1 and not fs.isdir(paths[0]):
        out = [(out[0][0], path)]  # a single file keeps the name it was given
    return fs, out


def _read_parquet(path: str, options: dict[str, Any]) -> dd.DataFrame:
    import dask
    import dask.dataframe as dd
    import pyarrow.parquet as pq

    fs, files = _files(path, options, ".parquet")
    pieces, schema = [], None
    for f, name in files:
        with fs.open(f, "rb") as fh:
            pf = pq.ParquetFile(fh)
            schema = schema or pf.schema_arrow
            before = 0
            for rg in range(pf.metadata.num_row_groups):
                pieces.append((f, name, rg, before))
                before += pf.metadata.row_group(rg).num_rows
    assert schema is not None
    meta = schema.empty_table().to_pandas()
    meta[PATH_COLUMN] = pd.Series([], dtype=object)
    meta[WHERE_COLUMN] = pd.Series([], dtype=object)
    parts = [dask.delayed(_parquet_piece, pure=True)(fs, *piece) for piece in pieces]
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _parquet_piece(fs: Any, file: str, name: str, row_group: int, before: int) -> pd.DataFrame:
    import pyarrow.parquet as pq

    with fs.open(file, "rb") as fh:
        pdf = pq.ParquetFile(fh).read_row_group(row_group).to_pandas()
    pdf[PATH_COLUMN] = name
    pdf[WHERE_COLUMN] = [f"row {before + i + 1}" for i in range(len(pdf))]
    return pdf


def _read_text_table(
    path: str, fmt: str, blocksize: str | int, options: dict[str, Any]
) -> dd.DataFrame:
    import dask
    import dask.dataframe as dd
    from dask.bytes import read_bytes

    gz = path.lower().endswith(".gz")
    whole = gz or fmt != "jsonl"
    sample, blocks, names = read_bytes(
        path, delimiter=b"\n", blocksize=None if whole else blocksize, sample="256 kiB",
        compression="gzip" if gz else None, include_path=True, **options,
    )  # fmt: skip
    text = sample.decode("utf-8-sig", errors="replace")
    columns = _jsonl_columns(text) if fmt == "jsonl" else _csv_header(text, fmt)
    parse = _parse_jsonl if fmt == "jsonl" else _parse_csv
    one = len(names) == 1 and "*" not in path
    parts = [dask.delayed(parse, pure=True)(b, columns, path if one else name, fmt)
             for per_file, name in zip(blocks, names, strict=True) for b in per_file]  # fmt: skip
    meta = pd.DataFrame({c: pd.Series([], dtype=object) for c in [*columns, *HIDDEN]})
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _jsonl_columns(sample: str) -> list[str]:
    """The keys of the objects on the first lines (the sample's last line may be cut)."""
    columns: list[str] = []
    for line in sample.splitlines()[:-1] or sample.splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            columns += [str(k) for k in obj if str(k) not in columns]
    return columns


def _csv_header(sample: str, fmt: str) -> list[str]:
    return next(csv.reader(io.StringIO(sample), delimiter="\t" if fmt == "tsv" else ","), [])


def _parse_jsonl(block: bytes, columns: list[str], name: str, fmt: str) -> pd.DataFrame:
    """One row per line of a block of JSON Lines, as the local reader words each problem:
    a blank line is skipped, a malformed one is an error row."""
    records: list[dict[str, Any]] = []
    # lines as the local reader's text file gives them: ends kept, any newline convention
    for line in io.StringIO(block.decode("utf-8-sig", errors="replace"), newline=""):
        if not line.strip():
            records.append({ERROR_COLUMN: SKIP})
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            obj = f"not valid JSON ({exc.msg} at column {exc.colno})"
        except ValueError as exc:
            obj = f"not valid JSON ({exc})"
        if isinstance(obj, dict):
            records.append({c: obj.get(c) for c in columns})
        else:
            records.append({ERROR_COLUMN: obj if isinstance(obj, str) and obj.startswith(
                "not valid") else "not a JSON object"})  # fmt: skip
    out = pd.DataFrame(records, columns=[*columns, *HIDDEN], dtype=object)
    out[PATH_COLUMN] = name
    out[WHERE_COLUMN] = "line"  # numbered across the file when the rows are counted
    return out


def _parse_csv(block: bytes, columns: list[str], name: str, fmt: str) -> pd.DataFrame:
    """Every row of a whole CSV/TSV file (cells as text), numbered as the local reader does."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(block.decode("utf-8-sig", errors="replace"), newline=""),
                        delimiter="\t" if fmt == "tsv" else ",")  # fmt: skip
    header = next(reader, [])
    records: list[dict[str, Any]] = []
    start = reader.line_num + 1
    for n, cells in enumerate(reader, 1):
        where = f"row {n} (line {start})"
        start = reader.line_num + 1
        if not cells:
            continue
        row: dict[str, Any] = dict(zip(header, cells, strict=False))
        if len(cells) != len(header):
            row = {ERROR_COLUMN: f"{len(cells)} cells where the header has {len(header)}"}
        records.append({**{c: row.get(c) for c in columns}, WHERE_COLUMN: where,
                        ERROR_COLUMN: row.get(ERROR_COLUMN)})  # fmt: skip
    out = pd.DataFrame(records, columns=[*columns, *HIDDEN], dtype=object)
    out[PATH_COLUMN] = name
    return out


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
    return RowSpec(TableSpec(text_column, id_column, input_format, format_column), source)


def _metadata_keys(ddf: dd.DataFrame, spec: RowSpec) -> list[str]:
    """The input columns carried into the summary table (all but text, id, format)."""
    if spec.table is None:
        return []
    return [str(c) for c in ddf.columns if c not in spec.table.reserved() and c not in HIDDEN]


def _count(pdf: pd.DataFrame) -> tuple[int, Any]:
    return len(pdf), (pdf[PATH_COLUMN].iloc[0] if PATH_COLUMN in pdf.columns and len(pdf)
                      else None)  # fmt: skip


def _lengths(ddf: dd.DataFrame) -> list[tuple[int, Any]]:
    """Rows and file of each partition: one quick pass over one or two columns."""
    import dask

    cols = [c for c in (PATH_COLUMN, ddf.columns[0]) if c in ddf.columns][:1] or [ddf.columns[0]]
    parts = ddf[cols].to_delayed()
    return list(dask.compute(*[dask.delayed(_count, pure=True)(p) for p in parts]))


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
    columns = table_columns(config, _metadata_keys(ddf, spec))
    meta = empty_tables(columns)
    if rows_per_task < 1:
        raise EngineError("rows per task must be at least 1")
    parts = ddf.to_delayed()
    token = dask.base.tokenize(spec, columns, config, ddf, rows_per_task)
    audited = [
        dask.delayed(audit_partition, pure=True, name=f"checker-audit-{token}-{i}")(
            dask.delayed(_rows, pure=True)(parts[part], start, stop), offset, spec, config,
            columns,
        )
        for i, (part, start, stop, offset) in enumerate(_slices(_lengths(ddf), rows_per_task))
    ]  # fmt: skip
    if not audited:  # no rows: one empty partition per table
        audited = [dask.delayed(meta)]
    return {
        name: dd.from_delayed(
            [dask.delayed(_pick, pure=True)(t, name) for t in audited],
            meta=meta[name], verify_meta=False,
        )
        for name in TABLES
    }  # fmt: skip


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
