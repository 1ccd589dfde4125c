"""The HTML report as a stream: each article's page as it is finished, the index at the end.

:class:`HtmlSink` renders ``articles/<page>.html`` for each article record it is given
(with :func:`reports.html.render.render_article`) and keeps only the article's summary
row; ``close()`` renders ``index.html`` from those rows
(:func:`reports.html.render.render_index`). Article pages do not carry the run's time,
so a page depends on its article alone; ``index.html`` and ``audit.json`` say which run
they belong to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from checker.core.io import open_report_file
from reports.rows import Columns, columns_for, summary_row
from reports.stream import Prepared, full_summary

_FINDING: dict[tuple[str, str], dict[str, str]] = {}  # (rule, severity) -> shared stand-in
# the metrics the index shows (kept per article); the rest stays in summary.csv/.parquet
INDEX_METRICS = ("words", "claims", "unsourced_claims", "attribution_rate",
                 "hedges_per_100_words", "distinct_sources", "named_sources",
                 "anonymous_sources", "dangling_footnotes", "unused_sources", "findings",
                 "quotes")  # fmt: skip


def page_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """What an article page shows of the report: all but the run's time (a page depends
    on its article alone, so that it can be cached)."""
    return {k: v for k, v in meta.items() if k != "generated"}


_RULES: dict[int, tuple[Mapping[str, Any], dict[str, Any]]] = {}


def render_page(article: Mapping[str, Any], meta: Mapping[str, Any]) -> str:
    """The HTML page of one article record, for a report with this ``meta`` (its rules)."""
    from reports.html.render import _rules_by_id, render_article

    known = _RULES.get(id(meta))
    if known is None or known[0] is not meta:
        known = _RULES[id(meta)] = (meta, _rules_by_id(meta))
    return render_article(article, meta, known[1])


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


def index_record(row: Mapping[str, Any], columns: Columns, severities: dict[str, str]) -> dict:
    """What the index needs of one article: its summary row (the metrics the index shows),
    with those metrics also as a dict and its findings as shared (rule id, severity)
    records, the shape :func:`reports.html.render.render_index` reads."""
    findings = []
    for part in str(row.get("rule_counts") or "").split():
        rid, _, n = part.rpartition(":")
        key = (rid, severities.get(rid, "warning"))
        stub = _FINDING.setdefault(key, {"id": rid, "severity": key[1]})
        findings += [stub] * int(n or 0)
    metrics = {k: row[k] for k in INDEX_METRICS if k in row}
    return {**row, "id": row["article_id"],
            "metrics": metrics if row["status"] != "error" else {}, "findings": findings}


class HtmlSink:
    """Writes each article's page as it comes, then ``index.html`` from the summary rows."""

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        from reports.html.render import _rules_by_id

        self.folder = Path(folder)
        self.columns = columns
        self.meta = page_meta(meta)
        self.index_meta = dict(meta)
        self.rules = _rules_by_id(meta)
        # summary rows as tuples of what the index shows: compact, whatever the audit's size
        self.names = [c for c in columns.summary
                      if c not in columns.metrics or c in INDEX_METRICS]  # fmt: skip
        # spilled to a temporary file as they come, read back for the index: memory stays
        # flat during the audit, whatever its size
        self.rows_path = self.folder / ".index-rows.tmp"
        self._rows = open_report_file(self.rows_path)
        self.pages = 0
        (self.folder / "articles").mkdir(exist_ok=True)

    def render(self, article: Mapping[str, Any]) -> str:
        """The page of one article record."""
        return render_page(article, self.meta)

    def add(self, article: Mapping[str, Any]) -> None:
        self._write(article, self.render(article), summary_row(article, self.columns))

    def put(self, fields: Mapping[str, Any], prepared: Prepared) -> None:
        """Write one prepared article's page (rendered now unless ``prepared.html`` is)."""
        html = prepared.html
        if html is None:
            html = self.render(prepared.record(fields))
        self._write(fields, html, full_summary(fields, prepared, self.columns))

    def _write(self, fields: Mapping[str, Any], html: str, row: dict[str, Any]) -> None:
        path = self.folder / str(fields["page"])
        with open_report_file(path) as fh:
            fh.write(html)
        self.pages += 1
        self._rows.write(json.dumps([row[c] for c in self.names], ensure_ascii=False))
        self._rows.write("\n")

    def close(self) -> list[Path]:
        from reports.html.render import render_index

        self._rows.close()
        index = self.folder / "index.html"
        html = render_index({**self.index_meta, "articles": self.index_records()})
        with open_report_file(index) as fh:
            fh.write(html)
        self.rows_path.unlink()
        return [index, *sorted((self.folder / "articles").iterdir())]

    def index_records(self) -> Iterator[dict[str, Any]]:
        """The index's record of every article so far, read back one at a time."""
        names = self.names
        severities = {rid: str(r.get("severity") or "warning") for rid, r in self.rules.items()}
        with self.rows_path.open(encoding="utf-8") as fh:
            for line in fh:
                row = dict(zip(names, json.loads(line), strict=True))
                yield index_record(row, self.columns, severities)
