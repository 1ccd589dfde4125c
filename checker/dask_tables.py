"""Rows to articles to tables: the per-partition work of the Dask engine, with no Dask in it.

A partition of the input (a pandas DataFrame) goes through :func:`audit_partition`: each row
becomes one :class:`~checker.text.tabular.ArticleInput` (a file named in a ``path`` column,
or a table row, by :func:`checker.text.tabular.row_input` as in the local audit), then one
:class:`~checker.pipeline.ArticleResult` (by :func:`checker.article.audit_article`, the one
per-article function of every audit path), and the results become the four report tables
(summary, findings, sources, sentences) by :func:`reports.parquet.frames`, with the columns
and types of the local audit (:func:`checker.batch.audit_columns`). Fixed types matter on a
cluster: every partition of a table must have the same columns and dtypes whatever its
articles hold (a partition of failed rows has no findings), and a Parquet dataset needs one
schema for all its files.

Everything here is plain Python and pandas, so it is tested without a cluster.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from checker.article import audit_article
from checker.batch import audit_columns
from checker.core.config import Config
from checker.pipeline import ArticleResult, describe_exception, failed_result
from checker.text.tabular import ArticleInput, TableSpec, row_id, row_input
from reports.pages import slug
from reports.rows import TABLES, Columns

if TYPE_CHECKING:
    import pandas as pd

# the columns a table of files has (checker.dask_engine.files_frame builds it)
FILE_COLUMNS = ("path", "article", "error")
# Columns a reader of checker.dask_engine adds to each row (absent in a caller's own frame):
# the file it came from, where in it ("row 12", "line 12"), and why it could not be read
# (a malformed JSON line) or that it is to be skipped (a blank line).
PATH_COLUMN, WHERE_COLUMN, ERROR_COLUMN = "_checker_path", "_checker_where", "_checker_error"
SKIP = "\x00skip"  # ERROR_COLUMN value of a row that is no article (a blank JSON Lines line)
HIDDEN = (PATH_COLUMN, WHERE_COLUMN, ERROR_COLUMN)
__all__ = ["TABLES", "Columns"]


@dataclass(frozen=True)
class RowSpec:
    """How the rows of an input table become articles.

    ``table`` (a :class:`~checker.text.tabular.TableSpec`: text, id and format columns, as
    ``--text-column`` and friends give) for rows of article text; None for rows that name
    files to read (columns ``path``, ``article``, ``error``, as ``files_frame`` builds them).
    ``source`` names the input in messages when rows do not carry their file.
    """

    table: TableSpec | None = None
    source: str = "<table>"


class SourceName(str):
    """A file name or URL as ``row_input`` wants a path (``as_posix``, ``name``), without
    ``Path`` turning ``s3://bucket/x`` into ``s3:/bucket/x``."""

    __slots__ = ()

    def as_posix(self) -> str:
        return str(self)

    @property
    def name(self) -> str:
        return self.rstrip("/").rsplit("/", 1)[-1]


def table_columns(config: Config, metadata_keys: Sequence[str] = ()) -> Columns:
    """The four tables' columns and types, as the local audit's (``audit_columns``)."""
    return audit_columns(config, metadata_keys)


def empty_tables(columns: Columns) -> dict[str, pd.DataFrame]:
    """The four tables with no rows: their dtypes are Dask's ``meta``."""
    from reports.parquet import frames

    return frames([], columns)


def _is_missing(value: Any) -> bool:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and math.isnan(value)


def _plain_cell(value: Any) -> Any:
    """A cell as the local readers give it: missing is None, numpy scalars are Python's."""
    if _is_missing(value):
        return None
    return value.item() if hasattr(value, "item") and hasattr(value, "dtype") else value


Names = Mapping[int, tuple[str, str]]  # row of a partition -> (its unique id, its page)


def default_page(ident: str) -> str:
    """The page of an article whose page name no other article of the audit takes (as
    :class:`checker.batch.PageNames` names it)."""
    return f"articles/{slug(ident)}.html"


def _file_inputs(pdf: pd.DataFrame) -> list[tuple[int, ArticleInput]]:
    """The files of a partition; ids and pages from its ``id`` and ``page`` columns when it
    has them (:func:`checker.dask_engine.files_frame` makes them unique on the driver)."""
    out = []
    ids = pdf["id"].tolist() if "id" in pdf.columns else pdf["article"].tolist()
    pages = pdf["page"].tolist() if "page" in pdf.columns else [None] * len(pdf)
    rows = pdf[list(FILE_COLUMNS)].itertuples(index=False, name=None)
    for i, ((path, article, error), ident, page) in enumerate(zip(rows, ids, pages,
                                                                    strict=True)):  # fmt: skip
        err = error if isinstance(error, str) else ""
        page = page if isinstance(page, str) and page else default_page(str(ident))
        out.append((i, ArticleInput(str(ident), str(article), str(path), error=err, page=page)))
    return out


def _located(pdf: pd.DataFrame, offset: int, spec: RowSpec
             ) -> Iterator[tuple[int, SourceName, str, str, str]]:  # fmt: skip
    """(row, file, where, key, reading problem) of each row that is an article."""
    hidden = {c: pdf[c].tolist() if c in pdf.columns else [None] * len(pdf) for c in HIDDEN}
    for i in range(len(pdf)):
        error = hidden[ERROR_COLUMN][i]
        if error == SKIP:
            continue
        path = SourceName(hidden[PATH_COLUMN][i] or spec.source)
        where = hidden[WHERE_COLUMN][i] or "row"
        if not any(ch.isdigit() for ch in where):  # numbered here: "line" -> "line 12"
            where = f"{where} {offset + i + 1}"
        key = where.split()[1]  # "row 12 (line 14)" -> "12", "line 12" -> "12"
        yield i, path, where, key, error if isinstance(error, str) else ""


def _row_inputs(pdf: pd.DataFrame, offset: int, spec: RowSpec) -> list[tuple[int, ArticleInput]]:
    """One input per row, as :func:`checker.text.tabular.read_table` would give it, with
    the row's position in the partition (rows that are no article are left out)."""
    assert spec.table is not None
    keep = [c for c in pdf.columns if c not in HIDDEN]
    cells = {c: pdf[c].tolist() for c in keep}
    out = []
    for i, path, where, key, error in _located(pdf, offset, spec):
        if error:
            ident = f"{path.name}#{key}"
            out.append((i, ArticleInput(ident, ident, str(path),
                                        error=f"{path}: {where}: {error}")))  # fmt: skip
            continue
        row = {c: _plain_cell(cells[c][i]) for c in keep}
        out.append((i, row_input(spec.table, path, where, key, row)))  # type: ignore[arg-type]
    return out


def row_ids(pdf: pd.DataFrame, offset: int, spec: RowSpec) -> list[tuple[int, str]]:
    """(row, id) of each article of a partition, its id as :func:`_row_inputs` gives it
    (before the audit makes it unique); reads only the id and the hidden columns."""
    assert spec.table is not None
    column = spec.table.id_column
    cells = pdf[column].tolist() if column and column in pdf.columns else None
    out = []
    for i, path, _, key, error in _located(pdf, offset, spec):
        row = {column: _plain_cell(cells[i])} if cells is not None and not error else {}
        out.append((i, row_id(spec.table, path, key, row)))
    return out


def partition_inputs(
    pdf: pd.DataFrame, offset: int, spec: RowSpec, start: int = 0, names: Names | None = None
) -> list[tuple[int, ArticleInput]]:
    """The articles of some rows of a partition (the first is its row ``start``, numbered
    ``offset + 1`` in its file), each with its row in the partition, its id unique in the
    audit and its page: ``names`` holds the rows whose id or page another article of the
    audit took first (:mod:`checker.dask_names`); the others keep theirs."""
    if spec.table is None:
        return [(start + i, item) for i, item in _file_inputs(pdf)]
    names = names or {}
    out = []
    for i, item in _row_inputs(pdf, offset, spec):
        row = start + i
        if row in names:
            ident, page = names[row]
            item = replace(item, id=ident, article=ident, page=page)
        else:
            item = replace(item, page=default_page(item.id))
        out.append((row, item))
    return out


def audit_one(item: ArticleInput, config: Config) -> ArticleResult:
    """One article's result, its page set (a failure of the analysis is its error row)."""
    try:
        res = audit_article(item, config)
    except Exception as exc:  # audit_article never raises for an article: a bug, kept to one row
        res = failed_result(item.article, item.path,
                            f"{item.article}: analysis failed: {describe_exception(exc)}")
        res.id, res.metadata = item.id, dict(item.metadata)
    res.page = item.page
    return res


def failed_one(item: ArticleInput, error: str) -> ArticleResult:
    """The error row of an article that was not analysed (``error`` after its path)."""
    res = failed_result(item.article, item.path, f"{item.path}: {error}")
    res.id, res.metadata, res.page = item.id, dict(item.metadata), item.page
    return res


def result_tables(results: list[ArticleResult], columns: Columns) -> dict[str, pd.DataFrame]:
    """The four tables of some results, as the local audit's DataFrames are built."""
    from reports.parquet import frames

    return frames((r.to_dict() for r in results), columns)


def audit_partition(
    pdf: pd.DataFrame, offset: int, spec: RowSpec, config: Config, columns: Columns,
    start: int = 0, names: Names | None = None,
) -> dict[str, pd.DataFrame]:  # fmt: skip
    """Audit some rows of a partition (see :func:`partition_inputs`): its four tables."""
    items = partition_inputs(pdf, offset, spec, start, names)
    return result_tables([audit_one(item, config) for _, item in items], columns)
