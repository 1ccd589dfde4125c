"""One writer per output format.

Streaming (``checker audit``): :func:`open_sink` opens a format's writer on a folder;
``add(article)`` appends one article record as it is finished; ``close()`` completes
the files and returns their paths. :func:`get_writer` writes a whole report dict
(``{"rules": ..., "articles": [...]}``) with the same sinks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

Writer = Callable[[dict[str, Any], Path], list[Path]]
FORMATS = ("csv", "json", "html", "parquet", "sentences")
DEFAULT_FORMATS = ("csv", "html", "json")
# ``csv`` writes summary, findings, sources and sentences.csv; ``sentences`` writes
# sentences.csv alone (with json, say); given both, sentences.csv is written once


class Sink(Protocol):
    def add(self, article: Mapping[str, Any]) -> None: ...

    def close(self) -> list[Path]: ...


def open_sink(fmt: str, folder: Path, meta: Mapping[str, Any], columns: Any) -> Sink:
    """The streaming writer of one format (``columns``: a :class:`reports.rows.Columns`)."""
    if fmt == "csv":
        from reports.csv import CsvSink

        return CsvSink(folder, meta, columns)
    if fmt == "sentences":
        from reports.csv import SENTENCE_TABLES, CsvSink

        return CsvSink(folder, meta, columns, SENTENCE_TABLES)
    if fmt == "json":
        from reports.json import JsonSink

        return JsonSink(folder, meta, columns)
    if fmt == "html":
        from reports.sinks import HtmlSink

        return HtmlSink(folder, meta, columns)
    if fmt == "parquet":
        from reports.parquet import ParquetSink

        return ParquetSink(folder, meta, columns)
    raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")


def get_writer(fmt: str) -> Writer:
    """A function writing a whole report dict in one format into a folder."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")

    def write(report: dict[str, Any], out: Path) -> list[Path]:
        from reports.sinks import report_columns

        articles = report.get("articles") or []
        sink = open_sink(fmt, Path(out), report, report_columns(articles))
        for a in articles:
            sink.add(a)
        return sink.close()

    return write
