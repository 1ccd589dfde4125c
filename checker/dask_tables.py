"""Rows to articles to tables: the per-partition work of the Dask engine, with no Dask in it.

A partition of the input (a pandas DataFrame) goes through :func:`audit_partition`: each row
becomes one :class:`~checker.pipeline.ArticleResult` (a file named in a ``path`` column, or a
table cell of article text), through the same per-article functions as the local audit, and
the results become the four report tables (summary, findings, sources, sentences) with the
fixed columns and dtypes of a :class:`Schema`. Fixed dtypes matter on a cluster: every
partition of a table must have the same columns and types, whatever its articles hold (a
partition of failed rows has no findings, a column of all-missing values is not a float
column), and a Parquet dataset needs one schema for all its files.

Everything here is plain Python and pandas, so it is tested (and used for the local
comparison) without a cluster.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from checker.core.config import Config
from checker.pipeline import (
    ArticleResult,
    StageError,
    analyse_document,
    analyse_file,
    describe_exception,
    failed_result,
)
from checker.text.loader import document_from_text
from reports.csv import FINDING_COLUMNS, SENTENCE_COLUMNS, SOURCE_COLUMNS, SUMMARY_BASE, tables

INPUT_FORMATS = ("text", "markdown", "html")
TABLES = ("summary", "findings", "sources", "sentences")
# the columns a table of files has (checker.dask_engine.files_frame builds it)
FILE_COLUMNS = ("path", "article", "error")
# a reader's column for a row it could not read (a malformed JSON line): the row's error
ERROR_COLUMN = "_checker_error"

# dtypes of the columns whose type a probe article cannot show (a value that is None there)
_KNOWN_DTYPES: dict[str, str] = {
    "score": "Float64", "attribution_rate": "Float64", "mean_credibility": "Float64",
    "min_credibility": "Float64", "anonymous_source_share": "Float64",
    "flesch_reading_ease": "Float64", "grade_level": "Float64", "hedges_per_100_words": "Float64",
    "claim_prob": "Float64", "rating": "Float64", "percentile": "Float64", "footnote": "Int64",
    "sentence": "Int64", "line": "Int64", "column": "Int64", "start": "Int64", "end": "Int64",
    "index": "Int64", "is_claim": "boolean", "attributed": "boolean", "hedged": "boolean",
}  # fmt: skip

# An article that exercises every family, so that every metric and column appears.
_PROBE = """\
<!-- checker: disable-next-line=hedging -->
Officials perhaps said on Monday that the city will spend 40 million dollars on roads.[1]

"It is clearly the right plan," said Mayor Ann Lee, according to [the Daily Planet](https://example.com/a).

Critics say the plan is flawed.

## Sources

1. City budget report, 2026.
"""


@dataclass(frozen=True)
class RowSpec:
    """How the rows of an input table become articles.

    ``text_column`` names the column holding each article's text; without it, the rows name
    files to read (columns ``path``, ``article``, ``error``, as ``files_frame`` builds them).
    ``id_column`` gives each article its name (default: ``<source>:<row>``, the row numbered
    from 1 in input order); ``format_column`` gives each row's format, else ``input_format``
    (text, markdown or html) applies to all. ``source`` names the input in messages.
    """

    text_column: str | None = None
    id_column: str | None = None
    format_column: str | None = None
    input_format: str = "text"
    source: str = "<table>"
    metadata: tuple[str, ...] = ()  # input columns carried into the summary table

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input format {self.input_format!r}: choose from "
                             f"{', '.join(INPUT_FORMATS)}")  # fmt: skip


@dataclass(frozen=True)
class Schema:
    """The columns and dtypes of the four tables (empty frames: Dask's ``meta``)."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    base_summary: tuple[str, ...] = ()  # the summary's own columns (before any metadata)

    def empty(self, table: str) -> pd.DataFrame:
        cols = self.columns[table]
        return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in cols.items()})

    def conform(self, table: str, df: pd.DataFrame) -> pd.DataFrame:
        """``df`` with exactly the table's columns, in order, each of the table's dtype."""
        cols = self.columns[table]
        n = len(df)
        out = {}
        for col, dtype in cols.items():
            values = df[col] if col in df.columns else pd.Series([None] * n, dtype=object)
            out[col] = _cast(values.reset_index(drop=True), dtype)
        return pd.DataFrame(out, index=pd.RangeIndex(n))


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _cast(values: pd.Series, dtype: str) -> pd.Series:
    if str(values.dtype) == dtype:
        return values
    if dtype == "string":
        return values.map(lambda v: None if _is_missing(v) else str(v)).astype("string")
    if dtype in ("Int64", "Float64"):
        return pd.to_numeric(values.astype(object).map(
            lambda v: None if _is_missing(v) else v), errors="raise").astype(dtype)  # fmt: skip
    if dtype == "boolean":
        return values.astype(object).map(lambda v: None if _is_missing(v) else bool(v)).astype(
            "boolean")  # fmt: skip
    return values.astype(dtype)


def _dtype_of(column: str, series: pd.Series) -> str:
    if column in _KNOWN_DTYPES:
        return _KNOWN_DTYPES[column]
    if series.isna().all():
        return "string"
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "Int64"
    if pd.api.types.is_float_dtype(series):
        return "Float64"
    return "string"


def _metadata_dtype(dtype: Any) -> str:
    """The summary dtype of an input column carried along as metadata."""
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "Int64"
    if pd.api.types.is_float_dtype(dtype):
        return "Float64"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return str(dtype)
    return "string"


def metadata_name(column: str, taken: Iterable[str]) -> str:
    """The summary column of an input column: its own name, ``input_<name>`` when taken."""
    return column if column not in set(taken) else f"input_{column}"


def build_schema(config: Config, metadata: Mapping[str, Any] | None = None) -> Schema:
    """The four tables' columns and dtypes under ``config``, found by auditing a probe article.

    ``metadata`` maps input columns carried into the summary table to their input dtype.
    """
    probe = analyse_document(document_from_text(_PROBE, path="probe.md", fmt="markdown"), config)
    frames = tables({"articles": [probe.to_dict()]})
    base = {"summary": SUMMARY_BASE, "findings": FINDING_COLUMNS, "sources": SOURCE_COLUMNS,
            "sentences": SENTENCE_COLUMNS}  # fmt: skip
    columns: dict[str, dict[str, str]] = {}
    for name in TABLES:
        df = frames[name]
        cols = list(dict.fromkeys([*base[name], *df.columns]))
        columns[name] = {c: _dtype_of(c, df[c]) if c in df.columns else "string" for c in cols}
    base_summary = tuple(columns["summary"])
    for col, dtype in (metadata or {}).items():
        columns["summary"][metadata_name(col, base_summary)] = _metadata_dtype(dtype)
    return Schema(columns, base_summary)


def _row_name(spec: RowSpec, row_id: Any, row: int) -> str:
    if spec.id_column and not _is_missing(row_id):
        return str(row_id)
    return f"{PurePosixPath(spec.source).name or spec.source}:{row}"


def analyse_cell(
    value: Any, *, article: str, where: str, fmt: str, config: Config
) -> ArticleResult:
    """Analyse one table cell as an article; a missing, empty or non-text cell is an error row.

    ``where`` names the cell in messages (``export.parquet: row 12, column 'body'``). Bytes
    are read as UTF-8. Like ``analyse_file``, this never raises for what the cell holds.
    """
    if isinstance(value, bytes | bytearray):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            return failed_result(article, where, f"{where}: not UTF-8 text ({exc.reason} at "
                                                 f"byte {exc.start})")  # fmt: skip
    if _is_missing(value):
        return failed_result(article, where, f"{where}: empty cell (no article text)")
    if not isinstance(value, str):
        return failed_result(article, where,
                             f"{where}: not text (a {type(value).__name__} value)")  # fmt: skip
    if not value.strip():
        return failed_result(article, where, f"{where}: empty cell (no article text)")
    if fmt not in INPUT_FORMATS:
        return failed_result(article, where, f"{where}: unknown format {fmt!r} (choose from "
                                             f"{', '.join(INPUT_FORMATS)})")  # fmt: skip
    try:
        doc = document_from_text(value.replace("\x00", ""), path=article, fmt=fmt)
    except Exception as exc:
        return failed_result(article, where,
                             f"{where}: {StageError('load+segment', exc)}")  # fmt: skip
    try:
        return analyse_document(doc, config, article)
    except StageError as exc:
        return failed_result(article, where, f"{where}: {exc}")


def _file_results(pdf: pd.DataFrame, config: Config) -> list[ArticleResult]:
    out = []
    for path, article, error in pdf[list(FILE_COLUMNS)].itertuples(index=False, name=None):
        if isinstance(error, str) and error:
            out.append(failed_result(article, path, error))
        else:  # per-path [[tool.checker.overrides]] apply to this file only
            out.append(analyse_file(path, config.for_path(path), article))
    return out


def _cell_results(pdf: pd.DataFrame, offset: int, spec: RowSpec, config: Config) -> list[Any]:
    col = spec.text_column
    assert col is not None
    texts = pdf[col].tolist() if col in pdf.columns else [None] * len(pdf)
    ids = pdf[spec.id_column].tolist() if spec.id_column else [None] * len(pdf)
    fmts = pdf[spec.format_column].tolist() if spec.format_column else [None] * len(pdf)
    errors = pdf[ERROR_COLUMN].tolist() if ERROR_COLUMN in pdf.columns else [None] * len(pdf)
    out = []
    for i, (text, row_id, fmt, error) in enumerate(zip(texts, ids, fmts, errors, strict=True)):
        row = offset + i + 1
        where = f"{spec.source}: row {row}, column {col!r}"
        name = _row_name(spec, row_id, row)
        fmt = spec.input_format if _is_missing(fmt) else str(fmt).strip().lower()
        try:
            if isinstance(error, str) and error:
                res = failed_result(name, where, f"{spec.source}: row {row}: {error}")
            else:
                res = analyse_cell(text, article=name, where=where, fmt=fmt, config=config)
        except Exception as exc:  # a bug in a path analyse_cell does not guard
            res = failed_result(name, where, f"{where}: analysis failed: "
                                             f"{describe_exception(exc)}")  # fmt: skip
        res.path = spec.source
        out.append(res)
    return out


def result_tables(
    results: list[ArticleResult], schema: Schema, metadata: pd.DataFrame | None = None
) -> dict[str, pd.DataFrame]:
    """The four tables of some results, conformed to ``schema``.

    ``metadata`` (one row per result, in order) is carried into the summary table.
    """
    frames = tables({"articles": [r.to_dict() for r in results]})
    out = {name: schema.conform(name, frames[name]) for name in TABLES}
    if metadata is not None and len(metadata.columns):
        summary = frames["summary"].reset_index(drop=True)
        meta = metadata.reset_index(drop=True)
        meta.columns = [metadata_name(c, schema.base_summary) for c in meta.columns]
        out["summary"] = schema.conform("summary", pd.concat([summary, meta], axis=1))
    return out


def audit_partition(
    pdf: pd.DataFrame, offset: int, spec: RowSpec, config: Config, schema: Schema
) -> dict[str, pd.DataFrame]:
    """Audit one partition of rows (the first numbered ``offset + 1``): its four tables."""
    if spec.text_column is None:
        results = _file_results(pdf, config)
    else:
        results = _cell_results(pdf, offset, spec, config)
    meta = pdf[list(spec.metadata)] if spec.metadata else None
    return result_tables(results, schema, meta)
