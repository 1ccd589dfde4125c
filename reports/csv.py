"""CSV writer: summary.csv, findings.csv, sources.csv, sentences.csv (see docs/output.md).

:class:`CsvSink` appends each article's rows to its files as the article is finished:
the ``csv`` format's summary.csv, findings.csv, sources.csv and sentences.csv, or the
``sentences`` format's sentences.csv alone. Rows are appended
with Python's csv module, one article at a time: nothing is held back, whatever the
number of articles. Text cells that a spreadsheet would evaluate as a formula are
defused (:func:`defuse`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.io import close_all, open_report_bytes, safe_path
from reports.rows import TABLES, Columns
from reports.stream import (
    DETAIL,
    FORMULA_START,
    Prepared,
    cell,
    csv_columns,
    csv_text,
    full_summary,
    lead,
    per_input,
    prepare,
)

if TYPE_CHECKING:
    import pandas as pd


def defuse(value: Any) -> Any:
    """Keep spreadsheet programs from evaluating a text cell as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


CSV_TABLES = ("summary", "findings", "sources", "sentences")  # the ``csv`` format
SENTENCE_TABLES = ("sentences",)  # the ``sentences`` format: sentences.csv alone


class CsvLines:
    """The bytes one article adds to each file of a :class:`CsvSink`, in the sink's order
    of files: pure and picklable, so that an audit's worker processes make them (the main
    process only appends; see :mod:`checker.pool`)."""

    def __init__(self, columns: Columns, tables: list[str]) -> None:
        self.columns = columns
        self.summary = "summary" in tables
        self.detail = [t for t in DETAIL if t in tables]

    def __call__(self, fields: Mapping[str, Any], prepared: Prepared) -> list[bytes]:
        out = []
        if self.summary:
            row = full_summary(fields, prepared, self.columns)
            out.append(csv_text([[cell(v) for v in row.values()]]).encode())
        head = lead(fields)
        for table in self.detail:
            lines = prepared.lines(table, fields, self.columns)
            # each line ends with its line break: the lead goes before each
            out.append((head + head.join(lines)).encode() if lines else b"")
        return out


class CsvSink:
    """Appends each article's rows to ``<table>.csv`` for each of ``tables`` (by default
    the four tables of the ``csv`` format)."""

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns,
                 tables: tuple[str, ...] = CSV_TABLES) -> None:  # fmt: skip
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise ValueError(f"unknown tables {sorted(unknown)}; choose from {', '.join(TABLES)}")
        self.columns = columns
        self.tables = [t for t in TABLES if t in tables]  # in the tables' order
        self.paths = [safe_path(folder, f"{name}.csv") for name in self.tables]
        # binary: the lines come encoded (from the workers), in the order of ``paths``
        self._files = [open_report_bytes(p) for p in self.paths]
        for name, fh in zip(self.tables, self._files, strict=True):
            fh.write(csv_text([csv_columns(columns, name)]).encode())
        self.emitter = CsvLines(columns, self.tables)

    def add(self, article: Mapping[str, Any]) -> None:
        self.put(per_input(article), prepare(article, self.columns))

    def put(self, fields: Mapping[str, Any], prepared: Prepared) -> None:
        """Append one prepared article (``fields``: its input's own fields)."""
        self.append(self.emitter(fields, prepared))

    def append(self, chunks: list[bytes]) -> None:
        """Append what :attr:`emitter` made of one article."""
        for fh, data in zip(self._files, chunks, strict=True):
            if data:
                fh.write(data)

    def close(self) -> list[Path]:
        close_all(self._files)
        return list(self.paths)


def to_csv_text(df: pd.DataFrame) -> str:
    """A DataFrame as CSV text with formula-like cells defused."""
    import io

    import pandas as pd

    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(defuse)
    buf = io.StringIO()
    safe.to_csv(buf, index=False)
    return buf.getvalue()
