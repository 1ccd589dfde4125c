"""Rows to articles to tables: the per-partition work of the Dask engine, with no Dask in it.

A partition of the input (a pandas DataFrame) goes through :func:`audit_partition`: each row
becomes one :class:`~checker.text.tabular.ArticleInput` (a file named in a ``path`` column, or
a table row, by :func:`checker.text.tabular.row_input` as in the local audit) and one
:class:`~checker.pipeline.ArticleResult` (by :func:`checker.article.audit_article`, the one
per-article function of every audit path), and
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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from checker.article import audit_article
from checker.core.config import Config
from checker.pipeline import ArticleResult, describe_exception, failed_result
from checker.text.tabular import ArticleInput, TableSpec, row_input
from reports.csv import (
    FINDING_COLUMNS,
    SENTENCE_COLUMNS,
    SOURCE_COLUMNS,
    SUMMARY_BASE,
    metadata_columns,
    tables,
)

INPUT_FORMATS = ("text", "markdown", "html")
TABLES = ("summary", "findings", "sources", "sentences")
# the columns a table of files has (checker.dask_engine.files_frame builds it)
FILE_COLUMNS = ("path", "article", "error")
# Columns a reader of checker.dask_engine adds to each row (absent in a caller's own frame):
# the file it came from, where in it ("row 12", "line 12"), and why it could not be read
# (a malformed JSON line) or that it is to be skipped (a blank line).
PATH_COLUMN, WHERE_COLUMN, ERROR_COLUMN = "_checker_path", "_checker_where", "_checker_error"
SKIP = "\x00skip"  # ERROR_COLUMN value of a row that is no article (a blank JSON Lines line)
HIDDEN = (PATH_COLUMN, WHERE_COLUMN, ERROR_COLUMN)

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

    ``table`` (a :class:`~checker.text.tabular.TableSpec`: text, id and format columns, as
    ``--text-column`` and friends give) for rows of article text; None for rows that name
    files to read (columns ``path``, ``article``, ``error``, as ``files_frame`` builds them).
    ``source`` names the input in messages when rows do not carry their file. ``metadata``
    are the input columns carried into the summary table.
    """

    table: TableSpec | None = None
    source: str = "<table>"
    metadata: tuple[str, ...] = ()


class SourceName(str):
    """A file name or URL as ``row_input`` wants a path (``as_posix``, ``name``), without
    ``Path`` turning ``s3://bucket/x`` into ``s3:/bucket/x``."""

    def as_posix(self) -> str:
        return str(self)

    @property
    def name(self) -> str:
        return self.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Schema:
    """The columns and dtypes of the four tables (empty frames: Dask's ``meta``)."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)

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


def _text(value: Any) -> str | None:
    """A cell as text; a whole float as an integer (64.0 -> "64"): a column of numbers that
    some rows lack is float in one frame and int in another, and must read the same."""
    if _is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cast(values: pd.Series, dtype: str) -> pd.Series:
    if str(values.dtype) == dtype:
        return values
    if dtype == "string":
        return values.astype(object).map(_text).astype("string")
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


def build_schema(config: Config, metadata: Mapping[str, Any] | None = None) -> Schema:
    """The four tables' columns and dtypes under ``config``, found by auditing a probe article.

    ``metadata`` maps input columns carried into the summary table to their input dtype.
    """
    probe = audit_article(ArticleInput("probe", "probe", "probe.md", _PROBE, "markdown"), config)
    frames = tables({"articles": [probe.to_dict()]})
    base = {"summary": SUMMARY_BASE, "findings": FINDING_COLUMNS, "sources": SOURCE_COLUMNS,
            "sentences": SENTENCE_COLUMNS}  # fmt: skip
    columns: dict[str, dict[str, str]] = {}
    for name in TABLES:
        df = frames[name]
        cols = list(dict.fromkeys([*base[name], *df.columns]))
        columns[name] = {c: _dtype_of(c, df[c]) if c in df.columns else "string" for c in cols}
    summary = columns["summary"]
    metrics = [c for c in summary if c not in SUMMARY_BASE]
    names = metadata_columns(list(metadata or {}), [*SUMMARY_BASE, *metrics])
    meta = {names[c]: _metadata_dtype(d) for c, d in (metadata or {}).items()}
    columns["summary"] = {**{c: summary[c] for c in SUMMARY_BASE}, **meta,
                          **{c: summary[c] for c in metrics}}  # fmt: skip
    return Schema(columns)


def _plain_cell(value: Any) -> Any:
    """A cell as the local readers give it: missing is None, numpy scalars are Python's."""
    if _is_missing(value):
        return None
    return value.item() if hasattr(value, "item") and hasattr(value, "dtype") else value


def _file_inputs(pdf: pd.DataFrame) -> list[ArticleInput]:
    out = []
    for path, article, error in pdf[list(FILE_COLUMNS)].itertuples(index=False, name=None):
        err = error if isinstance(error, str) else ""
        out.append(ArticleInput(str(article), str(article), str(path), error=err))
    return out


def _row_inputs(pdf: pd.DataFrame, offset: int, spec: RowSpec) -> list[ArticleInput]:
    """One input per row, as :func:`checker.text.tabular.read_table` would give it."""
    assert spec.table is not None
    keep = [c for c in pdf.columns if c not in HIDDEN]
    cells = {c: pdf[c].tolist() for c in keep}
    hidden = {c: pdf[c].tolist() if c in pdf.columns else [None] * len(pdf) for c in HIDDEN}
    out = []
    for i in range(len(pdf)):
        error = hidden[ERROR_COLUMN][i]
        if error == SKIP:
            continue
        path = SourceName(hidden[PATH_COLUMN][i] or spec.source)
        where = hidden[WHERE_COLUMN][i] or "row"
        if not any(ch.isdigit() for ch in where):  # numbered here: "line" -> "line 12"
            where = f"{where} {offset + i + 1}"
        key = where.split()[1]  # "row 12 (line 14)" -> "12", "line 12" -> "12"
        if isinstance(error, str) and error:
            ident = f"{path.name}#{key}"
            out.append(ArticleInput(ident, ident, str(path), error=f"{path}: {where}: {error}"))
            continue
        row = {c: _plain_cell(cells[c][i]) for c in keep}
        out.append(row_input(spec.table, path, where, key, row))  # type: ignore[arg-type]
    return out


def _audit(item: ArticleInput, config: Config) -> ArticleResult:
    try:
        return audit_article(item, config)
    except Exception as exc:  # audit_article never raises for an article: a bug, kept to one row
        res = failed_result(item.article, item.path,
                            f"{item.article}: analysis failed: {describe_exception(exc)}")
        res.id, res.metadata = item.id, dict(item.metadata)
        return res


def result_tables(results: list[ArticleResult], schema: Schema) -> dict[str, pd.DataFrame]:
    """The four tables of some results (``reports.csv.tables``), conformed to ``schema``."""
    frames = tables({"articles": [r.to_dict() for r in results]})
    return {name: schema.conform(name, frames[name]) for name in TABLES}


def audit_partition(
    pdf: pd.DataFrame, offset: int, spec: RowSpec, config: Config, schema: Schema
) -> dict[str, pd.DataFrame]:
    """Audit one partition of rows (the first numbered ``offset + 1``): its four tables."""
    items = _file_inputs(pdf) if spec.table is None else _row_inputs(pdf, offset, spec)
    return result_tables([_audit(item, config) for item in items], schema)
