"""The HTML report as a stream: each article's page as it is finished, the index at the end.

:class:`HtmlSink` renders ``articles/<page>.html`` for each article record it is given
(with :func:`reports.html.render.render_article`) and keeps only the article's summary
row; ``close()`` writes ``index.html`` from those rows
(:func:`reports.html.index.write_index`). Article pages do not carry the run's time,
so a page depends on its article alone; ``index.html`` and ``audit.json`` say which run
they belong to.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from checker.core.io import WriteError, new_report_fd, open_report_bytes, open_report_file
from reports.compact import expand
from reports.rows import Columns, columns_for, summary_row
from reports.stream import Prepared, dumps, full_summary, record_line


def page_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """What an article page shows of the report: all but the run's time (a page depends
    on its article alone, so that it can be cached)."""
    return {k: v for k, v in meta.items() if k != "generated"}


_RULES: dict[int, tuple[Mapping[str, Any], dict[str, Any]]] = {}


def render_page(
    article: Mapping[str, Any], meta: Mapping[str, Any], line: str | None = None
) -> str:
    """The HTML page of one article record, for a report with this ``meta`` (its rules);
    ``line``: the record's ``articles.jsonl`` line when the caller has made it already."""
    from reports.html.render import _rules_by_id, render_article

    known = _RULES.get(id(meta))
    if known is None or known[0] is not meta:
        known = _RULES[id(meta)] = (meta, _rules_by_id(meta))
    return render_article(article, meta, known[1], line)


def report_columns(articles: Iterable[Mapping[str, Any]]) -> Columns:
    """The columns of a whole report's tables (its metric and metadata keys, in order)."""
    metrics: dict[str, Any] = {}
    meta: dict[str, None] = {}
    for a in articles:
        for k, v in (a.get("metrics") or {}).items():
            if metrics.get(k) is None:
                metrics[k] = v
        meta.update(dict.fromkeys(a.get("metadata") or ()))
    return columns_for(metrics, list(meta))


def write_page_file(path: str, data: bytes) -> None:
    """Write a new page file (inside the staging folder: see :mod:`checker.core.staging`)
    in as few calls as it takes: one file per article, no text layer, no folder check.
    An OSError is the caller's to name (the audit names the report folder)."""
    fd = new_report_fd(path)
    try:
        view = memoryview(data)
        while view:  # a regular file takes it all in one call, unless the disk fills
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


class HtmlPages:
    """What one article adds to a :class:`HtmlSink`: its page, written here into the report
    folder (``articles/<page>.html``), and its index row, returned as bytes to append.
    Picklable, so that an audit's worker processes write the pages (the main process only
    appends the rows; see :mod:`checker.pool`)."""

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        self.folder = str(folder)
        self.meta = meta
        self.columns = columns

    def __call__(self, fields: Mapping[str, Any], prepared: Prepared) -> list[bytes]:
        html = prepared.html
        if html is None:
            line = record_line(fields, prepared.body)
            html = render_page(expand(json.loads(line)), self.meta, line)
        row = full_summary(fields, prepared, self.columns)
        return self.write(fields, html, row)

    def write(self, fields: Mapping[str, Any], html: str, row: dict[str, Any]) -> list[bytes]:
        """Write the page; the index row to append."""
        path = os.path.join(self.folder, str(fields["page"]))
        try:
            write_page_file(path, html.encode("utf-8"))
        except FileNotFoundError:  # a page in a folder of its own (not one the audit names)
            with open_report_file(Path(path)) as fh:
                fh.write(html)
        except OSError as exc:
            raise WriteError(path, exc) from exc
        return [(dumps([row[c] for c in self.columns.summary]) + "\n").encode()]


class HtmlSink:
    """Writes each article's page as it comes, then ``index.html`` from the summary rows."""

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        self.folder = Path(folder)
        self.columns = columns
        self.meta = page_meta(meta)
        self.index_meta = dict(meta)
        self.names = columns.summary
        # spilled to a temporary file as they come, read back for the index: memory stays
        # flat during the audit, whatever its size
        self.rows_path = self.folder / ".index-rows.tmp"
        self._rows = open_report_bytes(self.rows_path)  # binary: rows come encoded
        self.pages = 0
        (self.folder / "articles").mkdir(exist_ok=True)
        self.emitter = HtmlPages(self.folder, self.meta, columns)

    def render(self, article: Mapping[str, Any]) -> str:
        """The page of one article record."""
        return render_page(article, self.meta)

    def add(self, article: Mapping[str, Any]) -> None:
        self.append(self.emitter.write(article, self.render(article),
                                       summary_row(article, self.columns)))  # fmt: skip

    def put(self, fields: Mapping[str, Any], prepared: Prepared) -> None:
        """Write one prepared article's page (made now unless ``prepared.html`` is)."""
        self.append(self.emitter(fields, prepared))

    def append(self, chunks: list[bytes]) -> None:
        """Append the index row :attr:`emitter` returned (it has written the page)."""
        self.pages += 1
        self._rows.write(chunks[0])

    def close(self) -> list[Path]:
        self._rows.close()
        from reports.html.index import write_index  # the index: summary rows in, read once

        meta = self.index_meta
        written = write_index(self._summary_rows(), self.folder, rules=meta.get("rules") or [],
                              meta=meta, group_by=meta.get("group_by"))  # fmt: skip
        self.rows_path.unlink()
        return [*written, *sorted((self.folder / "articles").iterdir())]

    def _summary_rows(self) -> Iterator[dict[str, Any]]:
        with self.rows_path.open(encoding="utf-8") as fh:
            for line in fh:
                yield dict(zip(self.names, json.loads(line), strict=True))
