"""Rendering: the Jinja environment, the article page, the index page, and writing them.

One compiled template per page kind (module-level environment, cached), so
thousands of article pages render quickly. Every value reaches the templates
through autoescape; only our own shipped CSS/JS is marked safe.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from checker.core.io import atomic_write_text
from reports.html.panels import (
    KEY_METRICS,
    as_number,
    breakdown_panel,
    findings_panel,
    fmt_metric,
    fmt_score,
    footnotes_panel,
    rule_chart,
    score_histogram,
    shorten,
    sources_panel,
)
from reports.html.spans import article_marks, build_paragraphs, runs_html, span_of
from reports.html.style import (
    GRADE_CLASSES,
    HEDGE_COLOURS,
    HEDGE_LABELS,
    OKABE_ITO,
    css_class,
    rule_colours,
)
from reports.pages import page_names

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        undefined=StrictUndefined,
        auto_reload=False,  # templates are package data; compile each once per process
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["score"] = fmt_score
    env.filters["metric"] = fmt_metric
    env.filters["cls"] = css_class
    env.filters["runs_html"] = runs_html
    env.globals["grade_class"] = lambda g: GRADE_CLASSES.get(str(g or "").upper()[:1], "none")
    return env


@lru_cache(maxsize=1)
def _assets() -> dict[str, Any]:
    css = (TEMPLATES / "style.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "sort.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return {"css": Markup(css), "js": Markup(js), "js_hash": f"sha256-{digest}"}


def _rules_by_id(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in report.get("rules") or []:
        if isinstance(r, Mapping) and r.get("id"):
            out[str(r["id"])] = dict(r)
    return out


def _rule_styles(rule_ids: Iterable[str]) -> list[dict[str, str]]:
    return [
        {"cls": css_class(r), "tint": rule_colours(r)[0], "strong": rule_colours(r)[1]}
        for r in sorted(set(rule_ids))
    ]


def render_article(
    article: Mapping[str, Any],
    report: Mapping[str, Any] | None = None,
    rules: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """The HTML page of one article (a ``report.json`` article entry)."""
    report = report or {}
    rules = rules if rules is not None else _rules_by_id(report)
    marks = article_marks(article, rules)
    paragraphs = build_paragraphs(article, marks)
    findings = findings_panel(article, rules)
    hedges = article.get("hedges") or []
    hedge_cats = sorted({str(h.get("category") or "other") for h in hedges})
    rule_counts = Counter(f["id"] for f in findings)
    legend_rules = [
        {
            "id": rid,
            "cls": css_class(rid),
            "name": (rules.get(rid) or {}).get("name")
            or next((f["rule"] for f in findings if f["id"] == rid), ""),
            "summary": (rules.get(rid) or {}).get("summary", ""),
            "count": c,
        }
        for rid, c in sorted(rule_counts.items())
    ]
    sev_counts = Counter(f["severity"] for f in findings)
    metrics = article.get("metrics") or {}
    key_metrics = [
        {"label": label, "value": fmt_metric(metrics.get(key), kind)}
        for key, label, kind in KEY_METRICS
        if key in metrics
    ]
    other_metrics = [
        {"key": k, "value": fmt_metric(v)}
        for k, v in sorted(metrics.items())
        if k not in {m[0] for m in KEY_METRICS}
    ]
    ctx = {
        "a": article,
        "report": report,
        "assets": _assets(),
        "paragraphs": paragraphs,
        "findings": findings,
        "sev_counts": sev_counts,
        "legend_rules": legend_rules,
        "rule_styles": _rule_styles(rule_counts),
        "hedge_cats": [
            {
                "cls": css_class(c),
                "name": HEDGE_LABELS.get(c, (c, ""))[0],
                "examples": HEDGE_LABELS.get(c, (c, ""))[1],
                "label": f"{c} hedge",
                "colour": HEDGE_COLOURS.get(c, OKABE_ITO["grey"]),
                "count": sum(1 for h in hedges if str(h.get("category") or "other") == c),
            }
            for c in hedge_cats
        ],
        "has_speaker_hedges": any(h.get("speaker") or not h.get("flagged", True) for h in hedges),
        "has_attr": bool(article.get("attributions")),
        "has_quotes": bool(article.get("quotes")),
        "skipped": [p for p in paragraphs if p.skipped],
        "sources": sources_panel(article),
        "footnotes": footnotes_panel(article),
        "breakdown": breakdown_panel(article),
        "base_score": _base_score(article),
        "key_metrics": key_metrics,
        "other_metrics": other_metrics,
        "attributions": _attribution_rows(article),
    }
    return _env().get_template("article.html").render(ctx)


def _base_score(article: Mapping[str, Any]) -> float | None:
    """100 when the breakdown's points are deductions from 100 (shown as the first row)."""
    score = as_number(article.get("score"))
    comps = article.get("score_breakdown") or []
    points = [as_number(c.get("points")) for c in comps if isinstance(c, Mapping)]
    if score is None or not points or any(p is None for p in points):
        return None
    total = sum(p for p in points if p is not None)
    return 100.0 if abs(100.0 + total - score) < 0.051 else None


def _attribution_rows(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    text: str = article.get("text") or ""
    # sentences by start offset, to find the one holding each cue by bisection
    sentences = sorted(
        (sp[0], sp[1], s.get("index")) for s in article.get("sentences") or [] if (sp := span_of(s))
    )
    sent_starts = [s for s, _, _ in sentences]
    for att in article.get("attributions") or []:
        content = " … ".join(
            text[s:e] for s, e in (span_of(c) or (0, 0) for c in att.get("content") or [])
        )
        sent = None
        sp = span_of(att.get("cue")) or span_of(att.get("source"))
        if sp:
            i = bisect.bisect_right(sent_starts, sp[0]) - 1  # last sentence starting at or before
            if i >= 0 and sp[0] < sentences[i][1]:
                sent = sentences[i][2]
        rows.append(
            {
                "source": att.get("source_name") or (att.get("source") or {}).get("text") or "",
                "kind": att.get("source_kind") or "",
                "role": att.get("role") or "",
                "cue": (att.get("cue") or {}).get("text") or "",
                "content": shorten(content, 220),
                "direct": bool(att.get("direct")),
                "sentence": sent,
            }
        )
    return rows


def _index_row(article: Mapping[str, Any], page: str) -> dict[str, Any]:
    m = article.get("metrics") or {}
    findings = article.get("findings") or []
    dangling = as_number(m.get("dangling_footnotes")) or 0
    unused = as_number(m.get("unused_sources")) or 0
    return {
        "name": article.get("article") or article.get("path") or page,
        "page": page,
        "status": str(article.get("status") or "ok"),
        "error": article.get("error") or "",
        "score": as_number(article.get("score")),
        "grade": article.get("grade") or "",
        "words": as_number(m.get("words")),
        "claims": as_number(m.get("claims")),
        "unsourced": as_number(m.get("unsourced_claims")),
        "rate": as_number(m.get("attribution_rate")),
        "hedges": as_number(m.get("hedges_per_100_words")),
        "sources": as_number(m.get("distinct_sources")),
        "anon": as_number(m.get("anonymous_sources")),
        "fn_issues": (dangling + unused) if m else None,
        "findings": len(findings) if article.get("status") != "error" else None,
    }


def render_index(report: Mapping[str, Any], pages: Sequence[str] | None = None) -> str:
    """The audit at a glance: summary, charts, sortable table of every article."""
    articles = [a for a in report.get("articles") or [] if isinstance(a, Mapping)]
    pages = list(pages) if pages is not None else page_names(articles)
    rules = _rules_by_id(report)
    rows = [_index_row(a, p) for a, p in zip(articles, pages, strict=True)]
    scores = [r["score"] for r in rows if r["score"] is not None]
    rule_counts: Counter[str] = Counter()
    sev_counts: Counter[str] = Counter()
    for a in articles:
        for f in a.get("findings") or []:
            rule_counts[str(f.get("id") or f.get("rule") or "?")] += 1
            sev_counts[str(f.get("severity") or "warning")] += 1
    grades = Counter(str(r["grade"]) for r in rows if r["grade"])
    status = Counter(r["status"] for r in rows)
    rule_table = [
        {**r, "count": rule_counts.get(rid, 0), "colour": rule_colours(rid)[1]}
        for rid, r in sorted(rules.items())
    ]
    for rid in sorted(set(rule_counts) - set(rules)):
        rule_table.append(
            {
                "id": rid,
                "name": "",
                "severity": "",
                "summary": "",
                "family": "",
                "count": rule_counts[rid],
                "colour": rule_colours(rid)[1],
            }
        )
    ctx = {
        "report": report,
        "assets": _assets(),
        "rows": rows,
        "n": len(rows),
        "mean": statistics.fmean(scores) if scores else None,
        "median": statistics.median(scores) if scores else None,
        "status": status,
        "grades": sorted(grades.items()),
        "sev_counts": sev_counts,
        "total_findings": sum(rule_counts.values()),
        "hist": score_histogram(scores),
        "rule_chart": rule_chart(rule_counts, rules),
        "rule_table": rule_table,
    }
    return _env().get_template("index.html").render(ctx)


def write_html(report: dict, out_dir: Path) -> list[Path]:
    """Write ``out_dir/index.html`` and one page per article; return the paths written.

    Every file is written atomically (temporary file in the same directory, then
    ``os.replace``), so a reader never sees a half-written page.
    """
    out_dir = Path(out_dir)
    articles = [a for a in report.get("articles") or [] if isinstance(a, Mapping)]
    pages = page_names(articles)
    rules = _rules_by_id(report)
    written: list[Path] = []
    for article, page in zip(articles, pages, strict=True):
        path = out_dir / page
        atomic_write_text(path, render_article(article, report, rules))
        written.append(path)
    index = out_dir / "index.html"
    atomic_write_text(index, render_index(report, pages))
    return [index, *written]
