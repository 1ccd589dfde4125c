"""CSV writer: summary.csv, findings.csv, sources.csv, sentences.csv (see docs/output.md)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd

from checker.core.io import atomic_write_text, safe_path

SUMMARY_BASE = ["article", "article_id", "path", "status", "error", "warnings", "score", "grade"]
FINDING_COLUMNS = [
    "article", "article_id", "rule", "id", "severity", "line", "column", "start", "end", "text",
    "sentence", "message",
]  # fmt: skip
SOURCE_COLUMNS = [
    "article", "article_id", "name", "kind", "role", "cue", "sentence", "start", "end", "footnote",
    "url", "domain", "rating", "rating_source", "rating_label",
]  # fmt: skip
SENTENCE_COLUMNS = [
    "article", "article_id", "index", "start", "end", "line", "column", "region", "text",
    "is_claim", "claim_prob", "attributed", "source", "hedged", "hedges", "footnotes",
]  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> Any:
    """Keep spreadsheet programs from evaluating a text cell as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def metadata_columns(keys: list[str], taken: list[str]) -> dict[str, str]:
    """Column name per metadata key: the key itself, or ``meta_<key>`` where a report
    column already has that name (a table with its own ``status`` or ``score`` column)."""
    return {k: (f"meta_{k}" if k in taken else k) for k in keys}


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    extra = [c for c in df.columns if c not in columns]
    df = df.reindex(columns=columns + extra)
    return df


def tables(report: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """The four tables as DataFrames (unescaped values, for the Python API)."""
    summary, findings, sources, sentences = [], [], [], []
    metric_keys: list[str] = []
    meta_keys: list[str] = []
    for art in report["articles"]:
        for k in art.get("metrics", {}):
            if k not in metric_keys:
                metric_keys.append(k)
        for k in art.get("metadata") or {}:
            if k not in meta_keys:
                meta_keys.append(k)
    meta_columns = metadata_columns(meta_keys, SUMMARY_BASE + metric_keys)
    for art in report["articles"]:
        name = art["article"]
        ident = art.get("id") or name
        row = {
            "article": name,
            "article_id": ident,
            "path": art["path"],
            "status": art["status"],
            "error": art["error"],
            "warnings": "; ".join(art.get("warnings", [])),
            "score": art["score"],
            "grade": art["grade"],
        }
        meta = art.get("metadata") or {}
        row.update({col: meta.get(k) for k, col in meta_columns.items()})
        row.update({k: art.get("metrics", {}).get(k) for k in metric_keys})
        summary.append(row)
        findings += [{"article": name, "article_id": ident, **f} for f in art["findings"]]
        sources += [{"article": name, "article_id": ident, **s} for s in art["sources"]]
        for s in art["sentences"]:
            sentences.append(
                {
                    "article": name,
                    "article_id": ident,
                    **s,
                    "hedges": "; ".join(s["hedges"]),
                    "footnotes": " ".join(str(x) for x in s["footnotes"]),
                }
            )
    return {
        "summary": _frame(summary, SUMMARY_BASE + list(meta_columns.values()) + metric_keys),
        "findings": _frame(findings, FINDING_COLUMNS),
        "sources": _frame(sources, SOURCE_COLUMNS),
        "sentences": _frame(sentences, SENTENCE_COLUMNS),
    }


def to_csv_text(df: pd.DataFrame) -> str:
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(defuse)
    buf = io.StringIO()
    safe.to_csv(buf, index=False)
    return buf.getvalue()


def write_csv(report: dict[str, Any], out_dir: Path) -> list[Path]:
    written = []
    for name, df in tables(report).items():
        path = safe_path(out_dir, f"{name}.csv")
        written.append(atomic_write_text(path, to_csv_text(df)))
    return written
