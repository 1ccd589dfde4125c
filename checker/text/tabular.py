"""Articles out of tables: one article per row of a CSV, TSV, JSON Lines or Parquet file.

A newsroom's archive usually comes out of its CMS as one big export, not as one file
per article. :func:`read_table` turns such a file into :class:`ArticleInput` records,
one per row, read in chunks (never the whole file at once):

- ``.csv``, ``.tsv`` (and ``.csv.gz``, ``.tsv.gz``): read by Python's csv module, row
  by row; a row with the wrong number of cells is that row's error;
- ``.jsonl``, ``.ndjson`` (and ``.gz``): one JSON object per line; a line that is not
  valid JSON, or not an object, is that line's error and reading goes on;
- ``.parquet``: read with pyarrow in record batches of :data:`CHUNK_ROWS` rows.

The text column is named by the caller (``--text-column``); an optional id column
gives each article its id (else ``<file>#<row>``); the format of the text (plain
text, Markdown, HTML) is one for the whole file or read from a column. Every other
column is carried along as the article's metadata (outlet, author, date...).

A row whose text cell is missing, empty or not text is not dropped: it becomes an
:class:`ArticleInput` with ``error`` naming the file, the row and the column, so that
it appears in the audit's output with its status like any other input.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import itertools
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet",
                  ".csv.gz", ".tsv.gz", ".jsonl.gz", ".ndjson.gz")  # fmt: skip
INPUT_FORMATS = ("text", "markdown", "html")
_FORMAT_ALIASES = {"text": "text", "txt": "text", "plain": "text", "markdown": "markdown",
                   "md": "markdown", "html": "html", "htm": "html"}  # fmt: skip
CHUNK_ROWS = 1000  # rows per Parquet record batch


class TableError(Exception):
    """A table cannot be read at all (missing text column, unreadable file)."""


@dataclass(frozen=True)
class ArticleInput:
    """One article to audit: a file to read (``text`` None) or text from a table row.

    ``id`` is unique within an audit (the audit makes it so); ``article`` is the name
    shown in reports; ``path`` is the file (the table, for a row); ``fmt`` is the text's
    format ("" for a file: its suffix decides); ``metadata`` holds a table row's other
    columns; ``error`` is why the article cannot be analysed ("" when it can); ``page``
    is where the audit puts the article's HTML page.
    """

    id: str
    article: str
    path: str
    text: str | None = None
    fmt: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str = ""
    page: str = ""  # the article's page in the HTML report (given by the audit)


@dataclass(frozen=True)
class TableSpec:
    """Which columns of a table hold what (the ``--text-column`` family of options)."""

    text_column: str
    id_column: str | None = None
    input_format: str = "text"
    format_column: str | None = None

    def reserved(self) -> set[str]:
        return {c for c in (self.text_column, self.id_column, self.format_column) if c}


def is_table(path: str | Path) -> bool:
    """A file whose suffix names a table format (read row by row, not as one article)."""
    name = str(path).lower()
    return any(name.endswith(s) for s in TABLE_SUFFIXES)


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open("r", encoding="utf-8-sig", newline="")


def _kind(value: Any) -> str:
    """What a non-text cell holds, in words."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "not text (a boolean)"
    if isinstance(value, (int, float)):
        return "not text (a number)"
    if isinstance(value, (list, tuple)):
        return "not text (a list)"
    if isinstance(value, dict):
        return "not text (an object)"
    return f"not text ({type(value).__name__})"


def _not_unicode(text: str) -> str:
    """Why ``text`` is not valid Unicode ("" when it is): a JSON ``\\ud800`` escape or a
    Parquet cell can hold a lone surrogate, which no encoder or report can write."""
    if text.isascii():
        return ""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (f"holds an unpaired surrogate (U+{ord(text[exc.start]):04X} at character "
                f"{exc.start + 1}), which is not valid Unicode text")
    return ""


def _plain(value: Any) -> Any:
    """A metadata cell as a JSON scalar (lists and objects as compact JSON text)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def row_id(spec: TableSpec, path: Path, key: str, row: dict[str, Any]) -> str:
    """A table row's id before the audit makes it unique: its id column's value, else
    ``<file name>#<key>`` (``key``: its row or line number)."""
    ident = row.get(spec.id_column) if spec.id_column else None
    return str(_plain(ident)).strip() if ident not in (None, "") else f"{path.name}#{key}"


def row_input(
    spec: TableSpec, path: Path, where: str, key: str, row: dict[str, Any]
) -> ArticleInput:
    """The article of one table row (``where``: "row 12" or "line 12"; ``key``: its default id)."""
    name = path.as_posix()
    ident = row_id(spec, path, key, row)
    meta = {k: _plain(v) for k, v in row.items() if k not in spec.reserved()}
    base = {"id": ident, "article": ident, "path": name, "metadata": meta}
    fmt = spec.input_format
    if spec.format_column:
        raw = row.get(spec.format_column)
        fmt = _FORMAT_ALIASES.get(str(raw or "").strip().lower(), "")
        if not fmt:
            return ArticleInput(**base, error=f"{name}: {where}: column {spec.format_column!r} "
                                f"is {raw!r}, not one of {', '.join(INPUT_FORMATS)}")  # fmt: skip
    if spec.text_column not in row:
        problem = "is missing"
    else:
        text = row[spec.text_column]
        if isinstance(text, str) and text.strip():
            problem = _not_unicode(text)
            if not problem:
                return ArticleInput(**base, text=text, fmt=fmt)
        else:
            problem = "is empty" if isinstance(text, str) else f"is {_kind(text)}"
    error = f"{name}: {where}: column {spec.text_column!r} {problem}"
    return ArticleInput(**base, fmt=fmt, error=error)


def _check_columns(path: Path, spec: TableSpec, columns: list[str]) -> None:
    missing = [c for c in (spec.text_column, spec.id_column, spec.format_column)
               if c and c not in columns]  # fmt: skip
    if missing:
        raise TableError(f"{path}: no column {missing[0]!r} (its columns: "
                         f"{', '.join(map(repr, columns)) or 'none'})")  # fmt: skip


def _read_delimited(path: Path, spec: TableSpec) -> Iterator[ArticleInput]:
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article can exceed the 128 KB default
    with _open_text(path) as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise TableError(f"{path}: empty file (no header row)") from None
        _check_columns(path, spec, header)
        start = reader.line_num + 1
        for n, cells in enumerate(reader, 1):
            where = f"row {n} (line {start})"  # the line the row starts on
            start = reader.line_num + 1
            if not cells:
                continue  # a blank line
            row = dict(zip(header, cells, strict=False))
            if len(cells) != len(header):
                yield ArticleInput(
                    id=f"{path.name}#{n}", article=f"{path.name}#{n}", path=path.as_posix(),
                    metadata={}, error=f"{path.as_posix()}: {where}: {len(cells)} cells where "
                    f"the header has {len(header)}",
                )  # fmt: skip
                continue
            yield row_input(spec, path, where, str(n), row)


def _read_jsonl(path: Path, spec: TableSpec) -> Iterator[ArticleInput]:
    name = path.as_posix()
    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"line {n}"
            try:
                row = json.loads(line)
            except ValueError as exc:
                problem = f"not valid JSON ({exc.msg} at column {exc.colno})" if isinstance(
                    exc, json.JSONDecodeError) else f"not valid JSON ({exc})"  # fmt: skip
                yield ArticleInput(id=f"{path.name}#{n}", article=f"{path.name}#{n}", path=name,
                                   error=f"{name}: {where}: {problem}")  # fmt: skip
                continue
            if not isinstance(row, dict):
                yield ArticleInput(id=f"{path.name}#{n}", article=f"{path.name}#{n}", path=name,
                                   error=f"{name}: {where}: not a JSON object")  # fmt: skip
                continue
            yield row_input(spec, path, where, str(n), row)


def _read_parquet(path: Path, spec: TableSpec) -> Iterator[ArticleInput]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise TableError(f"{path}: reading Parquet needs pyarrow (pip install pyarrow)") from exc
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own error types for bad files
        raise TableError(f"{path}: not a readable Parquet file ({exc})") from exc
    _check_columns(path, spec, list(pf.schema_arrow.names))
    n = 0
    for batch in pf.iter_batches(batch_size=CHUNK_ROWS):
        for row in batch.to_pylist():
            n += 1
            yield row_input(spec, path, f"row {n}", str(n), row)


def table_columns(path: str | Path, spec: TableSpec, sample: int = 1000) -> list[str]:
    """The metadata columns of a table: its columns but the text, id and format ones.

    From the header (CSV, TSV) or the schema (Parquet); for JSON Lines, the keys of the
    first ``sample`` objects (a key first seen later is kept in ``articles.jsonl``'s
    metadata, not as a summary column). Raises :class:`TableError` like read_table.
    """
    p = Path(path)
    lower = p.name.lower()
    try:
        if lower.endswith(".parquet"):
            import pyarrow.parquet as pq

            names = list(pq.ParquetFile(p).schema_arrow.names)
        elif lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            keys: dict[str, None] = {}
            with _open_text(p) as fh:
                for line in itertools.islice(fh, sample):
                    with contextlib.suppress(ValueError):
                        obj = json.loads(line)
                        if isinstance(obj, dict):
                            keys.update(dict.fromkeys(obj))
            names = list(keys)
        else:
            delimiter = "\t" if lower.removesuffix(".gz").endswith(".tsv") else ","
            with _open_text(p) as fh:
                names = next(csv.reader(fh, delimiter=delimiter), [])
    except Exception as exc:
        raise TableError(f"{p}: cannot read: {exc}") from exc
    return [n for n in names if n not in spec.reserved()]


def read_table(path: str | Path, spec: TableSpec) -> Iterator[ArticleInput]:
    """One :class:`ArticleInput` per row of the table at ``path``, read in chunks.

    Raises :class:`TableError` when the file cannot be read as a table at all (not
    found, no such column, not Parquet, not UTF-8); problems of single rows are the
    rows' errors instead.
    """
    p = Path(path)
    lower = p.name.lower()
    try:
        if lower.endswith(".parquet"):
            yield from _read_parquet(p, spec)
        elif lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            yield from _read_jsonl(p, spec)
        else:
            yield from _read_delimited(p, spec)
    except UnicodeDecodeError as exc:
        raise TableError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except (OSError, EOFError, csv.Error) as exc:
        raise TableError(f"{p}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc
