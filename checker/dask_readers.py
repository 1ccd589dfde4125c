"""Readers of article tables for the Dask engine: Parquet, CSV/TSV and JSON Lines as Dask
DataFrames, from local paths, folders, globs or any fsspec URL the cluster can read.

Each row carries where it came from (the hidden columns of :mod:`checker.dask_tables`: its
file, its row or line, a reading problem), and values keep their type as the local audit's
readers (:mod:`checker.text.tabular`) give them, so that the same table gives the same
articles, ids and error messages on a cluster as on one machine.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import TYPE_CHECKING, Any

import pandas as pd

from checker.dask_engine import EngineError, require_dask
from checker.dask_tables import ERROR_COLUMN, HIDDEN, PATH_COLUMN, SKIP, WHERE_COLUMN

if TYPE_CHECKING:
    import dask.dataframe as dd

TABLE_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".tsv": "tsv",
                  ".jsonl": "jsonl", ".ndjson": "jsonl"}  # fmt: skip
DEFAULT_BLOCKSIZE = "16MB"  # JSON Lines bytes per partition: ~3,000 articles of 5 KB


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
