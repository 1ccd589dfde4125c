"""The four report tables, row by row: summary, findings, sources, sentences.

Every table writer (CSV, Parquet, the DataFrames of the Python API) takes its rows
from here, one article at a time, so that the tables agree with each other whatever
the format, and an audit never needs all articles at once. Each table has a fixed
list of columns with a fixed type (:data:`TYPES`), so that a Parquet file's schema,
and a DataFrame's dtypes, are the same for every audit:

- ``summary``: one row per article (failed ones too): ids, status, score, grade, the
  article's page, its most frequent rule, the metadata columns of a table input,
  then every metric;
- ``findings``, ``sources``, ``sentences``: one row per finding, source mention and
  sentence, each led by ``article`` (the display name) and ``article_id`` (unique in the
  audit: the name with ``~2`` where a name repeats), which joins it to its summary row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SUMMARY_BASE = ["article", "article_id", "path", "status", "error", "warnings", "score",
                "grade", "page", "top_rule", "top_rule_count", "rule_counts"]  # fmt: skip
FINDING_COLUMNS = [
    "article", "article_id", "rule", "id", "severity", "line", "column", "start", "end", "text",
    "sentence", "message",
]  # fmt: skip
SOURCE_COLUMNS = [
    "article", "article_id", "name", "kind", "role", "cue", "sentence", "start", "end", "footnote",
    "url", "domain", "rating", "rating_source", "rating_label", "percentile",
]  # fmt: skip
SENTENCE_COLUMNS = [
    "article", "article_id", "index", "start", "end", "line", "column", "region", "text",
    "is_claim", "claim_prob", "claim_status", "attributed", "source", "uncertainty", "hedged",
    "hedges", "footnotes",
]  # fmt: skip

# column type: "str", "int", "float" or "bool" (nullable); unlisted columns are "str"
TYPES: dict[str, str] = {
    "score": "float", "top_rule_count": "int", "line": "int", "column": "int", "start": "int",
    "end": "int", "sentence": "int", "rating": "float", "percentile": "float",
    "index": "int", "is_claim": "bool", "claim_prob": "float", "attributed": "bool",
    "uncertainty": "float", "genre_confidence": "float",
    "hedged": "bool",
}  # fmt: skip
TABLES = ("summary", "findings", "sources", "sentences")


@dataclass(frozen=True)
class Columns:
    """The columns of the four tables for one audit (its metadata and metric columns)."""

    metadata: dict[str, str]  # metadata key -> summary column name
    metrics: dict[str, str]  # metric key -> type ("int" or "float")

    @property
    def summary(self) -> list[str]:
        return SUMMARY_BASE + list(self.metadata.values()) + list(self.metrics)

    def of(self, table: str) -> list[str]:
        return {"summary": self.summary, "findings": FINDING_COLUMNS,
                "sources": SOURCE_COLUMNS, "sentences": SENTENCE_COLUMNS}[table]  # fmt: skip

    def type_of(self, table: str, column: str) -> str:
        """A column's type: "str", "int", "float" or "bool" (all nullable)."""
        if table == "summary":
            if column in self.metrics:
                return self.metrics[column]
            if column in self.metadata.values():
                return "str"
        return TYPES.get(column, "str")


def metadata_columns(keys: Sequence[str], taken: Sequence[str] = ()) -> dict[str, str]:
    """Column name per metadata key: the key itself, or ``meta_<key>`` where a report
    column already has that name (a table with its own ``status`` or ``score`` column)."""
    taken = set(SUMMARY_BASE) | set(taken)
    return {k: (f"meta_{k}" if k in taken else k) for k in keys}


def metric_types(metrics: Mapping[str, Any]) -> dict[str, str]:
    """Each metric's column type, from one article's metrics (counts are ints, text is
    text, and a metric without a value is a number)."""
    def kind(v: Any) -> str:
        if isinstance(v, bool):
            return "bool"
        if isinstance(v, int):
            return "int"
        return "str" if isinstance(v, str) else "float"

    return {k: kind(v) for k, v in metrics.items()}


def columns_for(metrics: Mapping[str, Any], metadata_keys: Sequence[str] = ()) -> Columns:
    return Columns(metadata_columns(metadata_keys, list(metrics)), metric_types(metrics))


def rule_counts(article: Mapping[str, Any]) -> Counter[str]:
    return Counter(str(f.get("id") or f.get("rule") or "?") for f in article.get("findings") or ())


def summary_row(article: Mapping[str, Any], columns: Columns) -> dict[str, Any]:
    """The summary row of one article record (a report.json/articles.jsonl entry)."""
    counts = rule_counts(article)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    metrics = article.get("metrics") or {}
    meta = article.get("metadata") or {}
    row = {
        "article": article["article"],
        "article_id": article.get("id") or article["article"],
        "path": article.get("path", ""),
        "status": article.get("status", "ok"),
        "error": article.get("error", ""),
        "warnings": "; ".join(article.get("warnings") or ()),
        "score": article.get("score"),
        "grade": article.get("grade", ""),
        "page": article.get("page", ""),
        "top_rule": top[0][0] if top else "",
        "top_rule_count": top[0][1] if top else None,
        "rule_counts": " ".join(f"{rid}:{n}" for rid, n in top),
    }
    for key, col in columns.metadata.items():
        value = meta.get(key)
        row[col] = None if value is None else str(value)
    for key in columns.metrics:
        row[key] = metrics.get(key)
    return row


def detail_rows(article: Mapping[str, Any], table: str) -> Iterator[dict[str, Any]]:
    """The findings, sources or sentences rows of one article record."""
    lead = {"article": article["article"], "article_id": article.get("id") or article["article"]}
    if table == "findings":
        for f in article.get("findings") or ():
            yield {**lead, **f}
    elif table == "sources":
        for s in article.get("sources") or ():
            yield {**lead, **s}
    else:
        for s in article.get("sentences") or ():
            yield {**lead, **s, "hedges": "; ".join(s.get("hedges") or ()),
                   "footnotes": " ".join(str(x) for x in s.get("footnotes") or ())}  # fmt: skip


def rows_of(article: Mapping[str, Any], table: str, columns: Columns) -> list[dict[str, Any]]:
    if table == "summary":
        return [summary_row(article, columns)]
    return list(detail_rows(article, table))
