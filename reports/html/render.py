"""Rendering: the Jinja environment, the article page, the index page, and writing them.

Every value reaches the templates through autoescape (:mod:`reports.html.env`); pages
link the shared ``assets/`` instead of carrying their own style or script.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup

from checker.core.io import atomic_write_text, safe_path
from reports.html.assets import rule_css
from reports.html.env import render_template
from reports.html.index import IndexBuilder, summary_row, write_index
from reports.html.panels import (
    as_number,
    breakdown_panel,
    findings_panel,
    footnotes_panel,
    key_metrics,
    source_counts,
    sources_panel,
)
from reports.html.spans import article_marks, build_paragraphs
from reports.html.style import HEDGE_LABELS, css_class
from reports.pages import page_names


def _rules_by_id(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in report.get("rules") or []:
        if isinstance(r, Mapping) and r.get("id"):
            out[str(r["id"])] = dict(r)
    return out


def render_article(
    article: Mapping[str, Any],
    report: Mapping[str, Any] | None = None,
    rules: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """The HTML page of one article (a ``articles.jsonl`` article entry).

    The page links ``../assets/checker.css`` (written by :func:`write_assets`); only the
    highlight classes of rules missing from ``rules`` are in the page itself.
    """
    report = report or {}
    rules = rules if rules is not None else _rules_by_id(report)
    findings = findings_panel(article, rules)
    number = {f["k"]: f["n"] for f in findings}
    marks = article_marks(article, rules, number)
    paragraphs = build_paragraphs(article, marks)
    by_sentence: dict[int, list[int]] = {}
    for f in findings:
        if isinstance(f["sentence"], int):
            by_sentence.setdefault(f["sentence"], []).append(f["n"])
    sources = sources_panel(article)
    linked = set(by_sentence) | _linked_sentences(article, sources)
    for p in paragraphs:
        for run in p.runs:
            if run.sentence is not None:
                run.refs = by_sentence.get(run.sentence, [])
                if run.sentence not in linked:  # an anchor only where something links to it
                    run.sentence = None
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
    ctx = {
        "a": article,
        "root": "../",
        "report": report,
        "paragraphs": paragraphs,
        "findings": findings,
        "sev_counts": sev_counts,
        "legend_rules": legend_rules,
        "extra_css": Markup(rule_css(r for r in rule_counts if r not in rules)),
        "hedge_cats": [
            {
                "cls": css_class(c),
                "name": HEDGE_LABELS.get(c, (c, ""))[0],
                "examples": HEDGE_LABELS.get(c, (c, ""))[1],
                "label": f"{c} hedge",
                "count": sum(1 for h in hedges if str(h.get("category") or "other") == c),
            }
            for c in hedge_cats
        ],
        "has_speaker_hedges": any(h.get("speaker") or not h.get("flagged", True) for h in hedges),
        "has_attr": bool(article.get("attributions")),
        "has_quotes": bool(article.get("quotes")),
        "skipped": [p for p in paragraphs if p.skipped],
        "sources": sources,
        "source_counts": source_counts(sources),
        "footnotes": footnotes_panel(article),
        "breakdown": breakdown_panel(article),
        "base_score": _base_score(article),
        "key_metrics": key_metrics(article.get("metrics") or {}, sources),
        "genre": str(article.get("genre") or (article.get("metrics") or {}).get("genre") or ""),
    }
    return render_template("article.html", ctx)


def _linked_sentences(article: Mapping[str, Any], sources: Sequence[Mapping[str, Any]]) -> set[int]:
    """Sentences that the page links to besides findings: sources' and footnote markers'."""
    out = {i for s in sources for i in s.get("sentences") or []}
    for m in (article.get("footnotes") or {}).get("markers") or []:
        if isinstance(m, Mapping) and isinstance(m.get("sentence"), int):
            out.add(m["sentence"])
    return out


def _base_score(article: Mapping[str, Any]) -> float | None:
    """100 when the breakdown's points are deductions from 100 (shown as the first row)."""
    score = as_number(article.get("score"))
    comps = article.get("score_breakdown") or []
    points = [as_number(c.get("points")) for c in comps if isinstance(c, Mapping)]
    if score is None or not points or any(p is None for p in points):
        return None
    total = sum(p for p in points if p is not None)
    return 100.0 if abs(100.0 + total - score) < 0.051 else None


def render_index(
    report: Mapping[str, Any],
    pages: Sequence[str] | None = None,
    group_by: str | None = None,
) -> str:
    """``index.html`` of a whole ``articles.jsonl`` (its rows go to ``index-data.js``)."""
    builder = _index_builder(report, pages, group_by)
    return render_template("index.html", {"report": _report_meta(report), **builder.context()})


def _index_builder(
    report: Mapping[str, Any], pages: Sequence[str] | None, group_by: str | None
) -> IndexBuilder:
    articles = [a for a in report.get("articles") or [] if isinstance(a, Mapping)]
    pages = list(pages) if pages is not None else page_names(articles)
    builder = IndexBuilder(report.get("rules") or [], group_by)
    for a, p in zip(articles, pages, strict=True):
        builder.add(summary_row(a, p))
    return builder


def _report_meta(report: Mapping[str, Any]) -> dict[str, Any]:
    return {k: report[k] for k in ("tool", "version", "generated") if k in report}


def write_article(
    article: Mapping[str, Any],
    out_dir: Path,
    page: str,
    rules: Mapping[str, Mapping[str, Any]],
    meta: Mapping[str, Any] | None = None,
) -> Path:
    """Write one article's page (``page`` from :func:`reports.pages.page_names`)."""
    return atomic_write_text(safe_path(Path(out_dir), page), render_article(article, meta, rules))


def write_html(report: dict, out_dir: Path, group_by: str | None = None) -> list[Path]:
    """Write ``index.html`` (with ``index-data.js``), one page per article and the shared
    ``assets/``; return the paths written, ``index.html`` first, then the article pages.

    Every file is written atomically (temporary file in the same directory, then
    ``os.replace``), so a reader never sees a half-written page. The index is built from
    each article's summary row only (:func:`reports.html.index.write_index`).
    """
    out_dir = Path(out_dir)
    articles = [a for a in report.get("articles") or [] if isinstance(a, Mapping)]
    pages = page_names(articles)
    rules = _rules_by_id(report)
    meta = _report_meta(report)
    written = [
        write_article(a, out_dir, p, rules, meta) for a, p in zip(articles, pages, strict=True)
    ]
    rows = (summary_row(a, p) for a, p in zip(articles, pages, strict=True))
    index, *rest = write_index(
        rows, out_dir, rules=report.get("rules") or [], meta=meta, group_by=group_by
    )
    return [index, *written, *rest]
