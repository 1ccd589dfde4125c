"""The HTML report as a stream: each article's page as it is finished, the index at the end.

:class:`HtmlSink` renders ``articles/<page>.html`` for each article record it is given
(with :func:`reports.html.render.render_article`) and keeps only the article's summary
row; ``close()`` renders ``index.html`` from those rows
(:func:`reports.html.render.render_index`). Article pages do not carry the run's time,
so a page depends on its article alone; ``index.html`` and ``audit.json`` say which run
they belong to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from checker.core.io import open_report_file
from reports.rows import Columns, columns_for, summary_row

_FINDING = {}  # (rule id, severity) -> one shared stand-in finding for the index


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
    """What the index needs of one article: its summary row, with its metrics as a dict
    and its findings as (shared) records of rule id and severity."""
    findings = []
    for part in str(row.get("rule_counts") or "").split():
        rid, _, n = part.rpartition(":")
        key = (rid, severities.get(rid, "warning"))
        stub = _FINDING.setdefault(key, {"id": rid, "severity": key[1]})
        findings += [stub] * int(n or 0)
    return {**row, "id": row["article_id"],
            "metrics": {k: row.get(k) for k in columns.metrics} if row["status"] != "error"
            else {}, "findings": findings}  # fmt: skip


class HtmlSink:
    """Writes each article's page as it comes, then ``index.html`` from the summary rows."""

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        from reports.html.render import _rules_by_id

        self.folder = Path(folder)
        self.columns = columns
        self.meta = {k: v for k, v in meta.items() if k != "generated"}
        self.index_meta = dict(meta)
        self.rules = _rules_by_id(meta)
        self.rows: list[tuple[Any, ...]] = []  # summary rows as tuples: compact
        self.paths: list[Path] = []
        (self.folder / "articles").mkdir(exist_ok=True)

    def render(self, article: Mapping[str, Any]) -> str:
        """The page of one article record."""
        from reports.html.render import render_article

        return render_article(article, self.meta, self.rules)

    def add(self, article: Mapping[str, Any]) -> None:
        self.add_page(article, self.render(article))

    def add_page(self, article: Mapping[str, Any], html: str) -> None:
        """Write an article's page already rendered (from the result cache) and keep its row."""
        path = self.folder / str(article["page"])
        with open_report_file(path) as fh:
            fh.write(html)
        self.paths.append(path)
        row = summary_row(article, self.columns)
        self.rows.append(tuple(row.values()))

    def close(self) -> list[Path]:
        from reports.html.render import render_index

        names = self.columns.summary
        severities = {rid: str(r.get("severity") or "warning") for rid, r in self.rules.items()}
        records = [index_record(dict(zip(names, t, strict=True)), self.columns, severities)
                   for t in self.rows]  # fmt: skip
        self.rows = []
        index = self.folder / "index.html"
        html = render_index({**self.index_meta, "articles": records},
                            [r["page"] for r in records])  # fmt: skip
        with open_report_file(index) as fh:
            fh.write(html)
        return [index, *self.paths]
