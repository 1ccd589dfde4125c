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
from reports.rows import TABLES, Columns, detail_rows, summary_row

if TYPE_CHECKING:
    import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> Any:
    """Keep spreadsheet programs from evaluating a text cell as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return value


class CsvSink:
    """Appends each article's rows to summary.csv, findings.csv, sources.csv, sentences.csv."""

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        self.columns = columns
        self.paths = [safe_path(folder, f"{name}.csv") for name in TABLES]
        self._files = [open_report_file(p) for p in self.paths]
        self._writers = [csv.writer(fh, lineterminator="\n") for fh in self._files]
        self._names = {t: columns.of(t) for t in TABLES}
        for name, w in zip(TABLES, self._writers, strict=True):
            w.writerow(self._names[name])

    def add(self, article: Mapping[str, Any]) -> None:
        summary, findings, sources, sentences = self._writers
        cols = self._names
        row = summary_row(article, self.columns)
        summary.writerow([_cell(row.get(c)) for c in cols["summary"]])
        for w, table in ((findings, "findings"), (sources, "sources"), (sentences, "sentences")):
            names = cols[table]
            w.writerows([_cell(r.get(c)) for c in names] for r in detail_rows(article, table))

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
