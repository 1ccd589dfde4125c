"""Parquet writer and DataFrames: the four tables with a fixed schema per audit.

``--format parquet`` writes ``summary.parquet``, ``findings.parquet``,
``sources.parquet`` and ``sentences.parquet`` for pandas, DuckDB, Polars or Spark.
Rows are buffered a few hundred articles at a time and written as row groups
(:class:`ParquetSink`), so memory does not grow with the audit. Every column has one
type whatever the articles hold (:data:`reports.rows.TYPES`): text is ``string``,
counts and positions ``int64``, scores and probabilities ``float64``, flags ``bool``,
all nullable; metadata columns are ``string``.

:func:`frames` builds the same tables as pandas DataFrames straight from result
records (no file written and read back), with pandas' nullable dtypes (``Int64``,
``Float64``, ``boolean``, ``string``): the Python API's ``AuditResult.summary``...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.io import close_all, safe_path
from reports.rows import TABLES, Columns, rows_of
from reports.stream import Prepared

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

FLUSH_ROWS = 20_000  # rows of one table buffered before a row group is written


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    return {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}.get(kind, pa.string())


def schema(table: str, columns: Columns) -> pa.Schema:
    """The Arrow schema of one table for an audit with these columns."""
    import pyarrow as pa

    return pa.schema([(c, _arrow_type(columns.type_of(table, c))) for c in columns.of(table)])


def _coerce(rows: list[dict[str, Any]], sch: pa.Schema) -> dict[str, list[Any]]:
    """Column lists of the rows, each value made to fit its column's type."""
    out: dict[str, list[Any]] = {}
    for f in sch:
        kind = str(f.type)
        values = [r.get(f.name) for r in rows]
        if kind == "string":
            values = [None if v is None else v if isinstance(v, str) else str(v) for v in values]
        elif kind == "double":
            values = [None if v is None else float(v) for v in values]
        elif kind == "int64":
            values = [None if v is None or v == "" else int(v) for v in values]
        out[f.name] = values
    return out


def arrow_table(rows: list[dict[str, Any]], sch: pa.Schema) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pydict(_coerce(rows, sch), schema=sch)


class ParquetSink:
    """Writes the four tables to ``<table>.parquet``, a row group every few thousand rows."""

    emitter = None  # its rows are made here, from the prepared article (see ``put``)

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        import pyarrow.parquet as pq

        self.columns = columns
        self.paths = [safe_path(folder, f"{t}.parquet") for t in TABLES]
        self._schemas = [schema(t, columns) for t in TABLES]
        self._writers = [pq.ParquetWriter(str(p), s, compression="zstd")
                         for p, s in zip(self.paths, self._schemas, strict=True)]  # fmt: skip
        self._buffers: list[list[dict[str, Any]]] = [[] for _ in TABLES]

    def put(self, fields: Mapping[str, Any], prepared: Prepared) -> None:
        """Append one prepared article (its rows come from the whole record)."""
        self.add(prepared.record(fields))

    def add(self, article: Mapping[str, Any]) -> None:
        for i, table in enumerate(TABLES):
            buf = self._buffers[i]
            buf += rows_of(article, table, self.columns)
            if len(buf) >= FLUSH_ROWS:
                self._flush(i)

    def _flush(self, i: int) -> None:
        if self._buffers[i]:
            self._writers[i].write_table(arrow_table(self._buffers[i], self._schemas[i]))
            self._buffers[i] = []

    def close(self) -> list[Path]:
        try:
            for i in range(len(self._writers)):
                self._flush(i)
        finally:
            close_all(self._writers)
        return list(self.paths)


def to_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as a DataFrame with pandas' nullable dtypes (stable across audits)."""
    import pandas as pd
    import pyarrow as pa

    mapping = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
               pa.bool_(): pd.BooleanDtype(), pa.string(): pd.StringDtype()}  # fmt: skip
    return table.to_pandas(types_mapper=mapping.get)


def frames(articles: Iterable[Mapping[str, Any]], columns: Columns) -> dict[str, pd.DataFrame]:
    """The four tables of these article records as DataFrames (nothing written to disk)."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for article in articles:
        for t in TABLES:
            rows[t] += rows_of(article, t, columns)
    return {t: to_frame(arrow_table(rows[t], schema(t, columns))) for t in TABLES}
