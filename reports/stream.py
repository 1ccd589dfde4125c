"""An article's report output, prepared once: where an audit spends its writing time.

:func:`prepare` turns one article record into the text every writer appends for it:
its ``articles.jsonl`` line (without the fields that belong to the input rather than to
the result), its findings, sources and sentences CSV rows (without the two leading
columns, ``article`` and ``article_id``), its summary values and, when asked, its HTML
page. The audit prepares articles in its worker processes (so ``--jobs 2`` serialises in
parallel), and the result cache stores what was prepared: re-auditing an unchanged
article only copies text.

The input's own fields (``article``, ``id``, ``path``, ``page``, ``metadata``) are put back
by :func:`record_line` and :func:`lead`, so the same prepared text serves any name.

The ``articles.jsonl`` line is compact (:mod:`reports.compact`: no text that is a slice of
the article's ``text``, no empty values in the per-item records); ``Prepared.record``
expands it, so pages and cached results see the whole record.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from reports.compact import compact, expand
from reports.rows import TABLES, Columns, summary_row

PER_INPUT = ("article", "id", "path", "page", "metadata")
DETAIL = TABLES[1:]  # findings, sources, sentences
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(FORMULA_START)


def cell(value: Any) -> Any:
    """A CSV cell: None as empty, formula-like text defused (a leading ``'``)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None (JSON has no NaN)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
_ASCII = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))


def dumps(value: Any, **options: Any) -> str:
    """JSON, non-ASCII kept, compact unless ``options`` (``json.dumps``'s) say otherwise; a
    number that is not finite is written as null (JSON has no NaN). The usual all-finite
    case costs nothing extra: the encoder checks as it goes."""
    if not options:  # the usual call: one encoder, made once (json.dumps makes one a call)
        try:
            return _COMPACT.encode(value)
        except ValueError:
            return _COMPACT.encode(finite(value))
    if "indent" not in options:
        options = {"separators": (",", ":"), **options}
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, **options)
    except ValueError:
        return json.dumps(finite(value), ensure_ascii=False, allow_nan=False, **options)


@dataclass
class Prepared:
    """What the writers append for one article (see the module docstring)."""

    body: str  # the articles.jsonl object without the per-input fields
    rows: dict[str, list[str]] = field(default_factory=dict)  # table -> CSV lines, no lead
    summary: dict[str, Any] = field(default_factory=dict)  # summary values, no per-input
    html: str | None = None  # the page (per input: not cached with the rest)

    def to_json(self) -> str:
        """The prepared output as one line of JSON in ASCII (for the result cache: escaping
        the few non-ASCII characters costs less than keeping them, and UTF-8 encoding an
        ASCII line is a copy); a number that is not finite is written as null."""
        value = {"body": self.body, "rows": self.rows, "summary": self.summary}
        try:
            return _ASCII.encode(value)
        except ValueError:
            return _ASCII.encode(finite(value))

    @classmethod
    def from_json(cls, text: str | bytes) -> Prepared:
        data = json.loads(text)
        return cls(str(data["body"]), dict(data["rows"]), dict(data["summary"]))

    def lines(self, table: str, fields: Mapping[str, Any], columns: Columns) -> list[str]:
        """The CSV lines of one detail table, made from the record if not prepared."""
        lines = self.rows.get(table)
        if lines is None:
            lines = self.rows[table] = detail_lines(self.record(fields), columns, table)
        return lines

    def record(self, per_input: Mapping[str, Any]) -> dict[str, Any]:
        """The whole article record (for writers and callers that need the dict), with
        what :func:`~reports.compact.compact` left out put back."""
        return expand(json.loads(record_line(per_input, self.body)))


_LEADLESS = 2  # article, article_id
_GETTERS: dict[tuple[str, ...], tuple[list[str], Any]] = {}


def _cells(header: list[str]) -> tuple[list[str], Any]:
    """A detail table's columns after the lead, and an itemgetter of them (made once)."""
    key = tuple(header)
    known = _GETTERS.get(key)
    if known is None:
        names = header[_LEADLESS:]
        known = _GETTERS[key] = (names, itemgetter(*names))
    return known


class _RowLines:
    """A file for :func:`csv.writer` that keeps each row's line apart: the writer hands
    ``write`` one whole row per call (its line end included), so a row whose cell holds a
    line break is still one item."""

    __slots__ = ("write",)

    def __init__(self, lines: list[str]) -> None:
        self.write = lines.append


def detail_lines(record: Mapping[str, Any], columns: Columns, table: str) -> list[str]:
    """The CSV lines of one detail table of a record, each without its leading cells (one
    line per row, even with line breaks in cells; the lead is the input's: :func:`lead`).
    Text cells that start like a formula are defused (as :func:`defuse_rows` does); the
    lines are those the csv module writes (:func:`csv_lines`)."""
    items = record.get(table) or ()
    if not items:
        return []
    names, get = _cells(columns.of(table))
    try:  # the audit's items have every field: one C call per row
        rows = [list(get(x)) for x in items]
    except (KeyError, TypeError):  # a record made by hand may lack some
        rows = [[x.get(c) for c in names] for x in items]
    if table == "sentences":
        hi, fi = names.index("hedges"), names.index("footnotes")
        for row in rows:
            h, f = row[hi], row[fi]
            row[hi] = "; ".join(h) if h else ""
            row[fi] = " ".join(map(str, f)) if f else ""
    return csv_lines(rows)


def csv_lines(rows: list[list[Any]]) -> list[str]:
    """Each row as the line ``csv.writer(..., lineterminator="\\n")`` writes for it, text cells
    that start like a formula defused (a leading ``'``, as :func:`defuse_rows` does).

    Written here rather than by the csv module, which looks at every character of every
    cell twice (the detail tables' text is most of a CSV report): a text cell is quoted
    when it holds a quote (doubled), a comma or a line feed; None is empty; an int, float
    or bool is its ``str``, as the csv module writes them. A row with anything else (a
    carriage return, whose quoting differs across Python versions; another type; fewer
    than two cells) is written by the csv module itself."""
    out: list[str] = []
    for row in rows:
        cells: list[str] = []
        plain = len(row) > 1
        for v in row:
            t = type(v)
            if t is str:
                if v:
                    if v[0] in _FORMULA_CHARS:
                        v = "'" + v
                    if '"' in v:
                        v = '"' + v.replace('"', '""') + '"'
                    elif "," in v or "\n" in v:
                        v = '"' + v + '"'
            elif v is None:
                v = ""
            elif t is int or t is float or t is bool:
                v = str(v)
            else:
                plain = False
                break
            cells.append(v)
        line = ",".join(cells) if plain else ""
        if plain and "\r" not in line:
            out.append(line + "\n")
        else:
            out.append(_csv_module_line(row))
    return out


def _csv_module_line(row: list[Any]) -> str:
    """One row's line as the csv module writes it, its formula-like text cells defused."""
    defused = [row[:]]
    defuse_rows(defused)
    lines: list[str] = []
    csv.writer(_RowLines(lines), lineterminator="\n").writerows(defused)
    return lines[0]


def defuse_rows(rows: list[list[Any]]) -> None:
    """Defuse, in place, every text cell of ``rows`` that starts like a formula (a leading
    ``'``, as :func:`cell` does)."""
    for row in rows:
        for i, v in enumerate(row):
            if type(v) is str and v and v[0] in _FORMULA_CHARS:
                row[i] = "'" + v


def prepare(
    record: Mapping[str, Any], columns: Columns, tables: tuple[str, ...] = DETAIL
) -> Prepared:
    """The prepared output of one article record (no page: see ``Prepared.html``), with
    the CSV lines of the detail ``tables`` (the others are made when a writer needs
    them: see :meth:`Prepared.lines`)."""
    body = dumps(compact(record, PER_INPUT))
    rows = {table: detail_lines(record, columns, table) for table in tables}
    summary = summary_row(record, columns)
    for k in ("article", "article_id", "path", "page"):
        summary.pop(k, None)
    for col in columns.metadata.values():
        summary.pop(col, None)
    summary["_warnings"] = list(record.get("warnings") or ())
    return Prepared(body, rows, summary)


def per_input(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: record.get(k) for k in PER_INPUT}


def record_line(fields: Mapping[str, Any], body: str) -> str:
    """The articles.jsonl line: the per-input fields, then the prepared body's fields."""
    head = dumps({k: fields.get(k) for k in PER_INPUT})
    return head if body == "{}" else head[:-1] + "," + body[1:]


def lead(fields: Mapping[str, Any]) -> str:
    """The leading CSV cell of a detail row of a CSV file: its ``article_id`` column, the
    article's id (unique in the audit; see :data:`CSV_LEAD`), and the comma after it."""
    return csv_text([[cell(fields.get("id") or fields.get("article"))]])[:-1] + ","


# The findings, sources and sentences CSV files lead each row with one column, ``article_id``,
# the article's id (its name, ``~2``... added where a name repeats in the audit), the key that
# joins every table in every format (summary.csv, Parquet, DataFrames). The tables' other forms
# also carry ``article`` (the display name); in a CSV file that second copy of a long name on
# every row was a fifth of the report folder.
CSV_LEAD = ("article_id",)


def csv_columns(columns: Columns, table: str) -> list[str]:
    """The header of a table's CSV file (the detail tables lead with :data:`CSV_LEAD`)."""
    names = columns.of(table)
    return names if table == "summary" else [*CSV_LEAD, *names[_LEADLESS:]]


def full_summary(fields: Mapping[str, Any], prepared: Prepared, columns: Columns) -> dict:
    """The summary row of an article from its prepared values and its input's fields."""
    meta = fields.get("metadata") or {}
    row = {"article": fields.get("article"), "article_id": fields.get("id") or fields.get(
        "article"), "path": fields.get("path"), "page": fields.get("page")}  # fmt: skip
    for key, col in columns.metadata.items():
        value = meta.get(key)
        row[col] = None if value is None else str(value)
    row.update(prepared.summary)
    return {c: row.get(c) for c in columns.summary}
