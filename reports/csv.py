"""CSV writer: summary.csv, findings.csv, sources.csv, sentences.csv (see docs/output.md).

:class:`CsvSink` appends each article's rows to the four files as the article is
finished (Python's csv module, one row at a time): nothing is held back, whatever
the number of articles. Text cells that a spreadsheet would evaluate as a formula are
defused (:func:`defuse`).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.io import open_report_file, safe_path
from reports.rows import TABLES, Columns
from reports.stream import (
    DETAIL,
    Prepared,
    cell,
    csv_text,
    full_summary,
    lead,
    per_input,
    prepare,
)

if TYPE_CHECKING:
    import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> Any:
    """Keep spreadsheet programs from evaluating a text cell as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class CsvSink:
    """Appends each article's rows to summary.csv, findings.csv, sources.csv, sentences.csv."""

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        self.columns = columns
        self.paths = [safe_path(folder, f"{name}.csv") for name in TABLES]
        self._files = [open_report_file(p) for p in self.paths]
        self._summary = csv.writer(self._files[0], lineterminator="\n")
        for name, fh in zip(TABLES, self._files, strict=True):
            fh.write(csv_text([columns.of(name)]))

    def add(self, article: Mapping[str, Any]) -> None:
        self.put(per_input(article), prepare(article, self.columns))

    def put(self, fields: Mapping[str, Any], prepared: Prepared) -> None:
        """Append one prepared article (``fields``: its input's own fields)."""
        row = full_summary(fields, prepared, self.columns)
        self._summary.writerow([cell(v) for v in row.values()])
        head = lead(fields)
        for fh, table in zip(self._files[1:], DETAIL, strict=True):
            lines = prepared.rows.get(table) or ()
            if lines:
                fh.write("".join([head + line for line in lines]))

    def close(self) -> list[Path]:
        for fh in self._files:
            fh.close()
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
