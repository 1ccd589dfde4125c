"""The side panels of the HTML pages, metric formatting, and the index charts.

Pure functions from a ``articles.jsonl`` article (or the whole report) to plain
dicts the templates draw: findings, sources (grouped by who is cited),
footnotes, score breakdown; :func:`fmt_metric` / :func:`fmt_score` (also Jinja
filters); :func:`score_histogram` and :func:`rule_chart` compute inline-SVG
geometry so that the template only draws.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from reports.html.spans import span_of
from reports.html.style import GRADE_CLASSES, css_class, grade_of, rule_colours, safe_url

# --------------------------------------------------------------------------------------
# Panels: findings, sources, footnotes, score breakdown, metrics.
# --------------------------------------------------------------------------------------


def _natural_key(value: str) -> tuple[int, int | str]:
    # ASCII digits only: '²'.isdigit() is true but int('²') fails; bounded, as int() is
    numeric = value.isascii() and value.isdigit() and len(value) < 19
    return (0, int(value)) if numeric else (1, value)


def findings_panel(
    article: Mapping[str, Any], rules: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The article's findings in reading order, numbered from 1 (``n``; ``k``: list index)."""
    out = []
    sev_rank = {"error": 0, "warning": 1, "suggestion": 2}
    for k, f in enumerate(article.get("findings") or []):
        rid = str(f.get("id") or "")
        sent = f.get("sentence")
        if isinstance(sent, int):
            href = f"#s-{sent}"
        elif span_of(f):
            href = f"#f-{k}"
        else:
            href = ""
        out.append(
            {
                "id": rid,
                "cls": css_class(rid),
                "rule": f.get("rule") or (rules.get(rid) or {}).get("name", ""),
                "severity": str(f.get("severity") or "warning"),
                "message": f.get("message") or "",
                "text": shorten(str(f.get("text") or ""), 70),
                "line": f.get("line"),
                "column": f.get("column"),
                "href": href,
                "order": (f.get("start") if isinstance(f.get("start"), int) else 10**12, k),
                "rank": sev_rank.get(str(f.get("severity")), 3),
                "k": k,
                "sentence": sent if isinstance(sent, int) else None,
            }
        )
    out.sort(key=lambda x: x["order"])
    for n, f in enumerate(out, 1):  # numbered in reading order: the text links to "fi-<n>"
        f["n"] = n
    return out


def findings_html(findings: Sequence[Mapping[str, Any]]) -> Markup:
    """The findings panel's list items (:func:`findings_panel`'s entries), one line each,
    every value escaped. Built here rather than in the template: a page has dozens of
    findings, and a Jinja loop's per-value overhead made it a large part of a page's time.
    """
    out = []
    for f in findings:
        n = escape(f["n"])
        href = f' href="{escape(f["href"])}"' if f["href"] else ""
        loc = f'<span class="loc">line {escape(f["line"])}</span>' if f["line"] else ""
        quote = f'<div class="quote">\u201c{escape(f["text"])}\u201d</div>' if f["text"] else ""
        sev = f["severity"]
        out.append(
            f'<li id="fi-{n}"><a{href}><div class="hd"><b>{n}</b>'
            f'<span class="sw bg-{escape(f["cls"])}"></span><code>{escape(f["id"])}</code> '
            f'{escape(f["rule"])} <span class="sev sev-t-{escape(css_class(sev))}">'
            f'{escape(sev)}</span>{loc}</div><div class="msg">{escape(f["message"])}</div>'
            f"{quote}</a></li>\n"
        )
    return Markup("".join(out))


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sources_panel(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Who is cited, how often, with kind, role, cues, footnotes and ratings."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for src in article.get("sources") or []:
        name = str(src.get("name") or "(unnamed)")
        kind = str(src.get("kind") or "")
        g = groups.setdefault(
            (name.casefold(), kind),
            {
                "name": name,
                "kind": kind,
                "count": 0,
                "roles": [],
                "cues": [],
                "footnotes": [],
                "domain": "",
                "url": "",
                "rating": None,
                "rating_source": "",
                "rating_label": "",
                "percentile": None,
                "unrated": False,
                "sentences": [],
            },
        )
        g["count"] += 1
        for key, value in (("roles", src.get("role")), ("cues", src.get("cue"))):
            if value and value not in g[key]:
                g[key].append(str(value))
        fn = src.get("footnote")
        if fn not in (None, "") and str(fn) not in g["footnotes"]:
            g["footnotes"].append(str(fn))
        g["domain"] = g["domain"] or str(src.get("domain") or "")
        g["url"] = g["url"] or safe_url(src.get("url"))
        for key in ("rating", "percentile"):
            if g[key] is None and isinstance(src.get(key), int | float):
                g[key] = src[key]
        for key in ("rating_source", "rating_label"):
            g[key] = g[key] or str(src.get(key) or "")
        if g["rating_label"] == UNRATED:  # one wording: shown as "unrated", not as a rating
            g["rating_label"], g["unrated"] = "", True
        sent = src.get("sentence")
        if isinstance(sent, int) and sent not in g["sentences"]:
            g["sentences"].append(sent)
    for g in groups.values():
        g["unrated"] = g["unrated"] and g["rating"] is None and not g["rating_label"]
    return sorted(groups.values(), key=lambda g: (-g["count"], g["name"].casefold()))


def source_counts(sources: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Distinct sources and mentions, each split into named and anonymous (one meaning each)."""
    out = {"distinct": 0, "distinct_anonymous": 0, "mentions": 0, "anonymous_mentions": 0}
    for g in sources:
        anon = g.get("kind") == "anonymous"
        out["distinct"] += 1
        out["distinct_anonymous"] += anon
        out["mentions"] += int(g.get("count") or 0)
        out["anonymous_mentions"] += int(g.get("count") or 0) if anon else 0
    out["distinct_named"] = out["distinct"] - out["distinct_anonymous"]
    out["named_mentions"] = out["mentions"] - out["anonymous_mentions"]
    return out


def footnotes_panel(article: Mapping[str, Any]) -> dict[str, Any]:
    fn = article.get("footnotes") or {}
    defs: Mapping[str, Mapping[str, Any]] = fn.get("definitions") or {}
    refs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in fn.get("markers") or []:
        num = str(m.get("number"))
        anchor = f"fnref-{css_class(num)}-{len(refs[num]) + 1}"
        refs[num].append({"anchor": anchor, "sentence": m.get("sentence")})
    unused = {str(u) for u in fn.get("unused") or []}
    entries = []
    for num in sorted(defs, key=_natural_key):
        d = defs[num]
        entries.append(
            {
                "number": num,
                "id": f"fn-{css_class(num)}",
                "text": d.get("text") or "",
                "url": safe_url(d.get("url")),
                "raw_url": "" if safe_url(d.get("url")) else str(d.get("url") or ""),
                "domain": d.get("domain") or "",
                "refs": refs.get(num, []),
                "unused": num in unused or not refs.get(num),
            }
        )
    dangling = sorted(
        {str(x) for x in fn.get("dangling") or []} | (set(refs) - set(defs)), key=_natural_key
    )
    return {
        "entries": entries,
        "dangling": [{"number": d, "refs": refs.get(d, [])} for d in dangling],
        "markers": sum(len(v) for v in refs.values()),
    }


def breakdown_panel(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    comps = [c for c in article.get("score_breakdown") or [] if isinstance(c, Mapping)]
    biggest = max((abs(as_number(c.get("points")) or 0.0) for c in comps), default=0.0) or 1.0
    for c in comps:
        pts = as_number(c.get("points")) or 0.0
        rows.append(
            {
                "component": c.get("component") or "",
                "detail": c.get("detail") or "",
                "points": pts,
                "width": round(100 * abs(pts) / biggest, 1),
                "sign": "neg" if pts < 0 else "pos",
            }
        )
    return rows


KEY_METRICS: tuple[tuple[str, str, str], ...] = (
    # key, label, format (source counts are added from the sources panel: see key_metrics)
    ("words", "Words", "int"),
    ("claims", "Claims", "int"),
    ("unsourced_claims", "Unsourced claims", "int"),
    ("attribution_rate", "Claims attributed", "pct"),
    ("hedges_per_100_words", "Hedges / 100 words", "f1"),
    ("quotes", "Quotations", "int"),
    ("footnote_markers", "Footnote markers", "int"),
    ("dangling_footnotes", "Dangling footnotes", "int"),
    ("flesch_reading_ease", "Reading ease", "f1"),
)
UNRATED = "unrated"


def key_metrics(
    metrics: Mapping[str, Any], sources: Sequence[Mapping[str, Any]]
) -> list[dict[str, str]]:
    """The metric tiles of an article page; every source count says what it counts."""
    out = [
        {"label": label, "value": fmt_metric(metrics.get(key), kind), "note": ""}
        for key, label, kind in KEY_METRICS
        if key in metrics
    ]
    if sources or "anonymous_sources" in metrics:
        c = source_counts(sources)
        out[min(5, len(out)) : min(5, len(out))] = [
            {
                "label": "Sources cited",
                "value": fmt_metric(c["distinct"], "int"),
                "note": f"{c['distinct_named']} named, {c['distinct_anonymous']} anonymous",
            },
            {
                "label": "Source mentions",
                "value": fmt_metric(c["mentions"], "int"),
                "note": f"{c['named_mentions']} named, {c['anonymous_mentions']} anonymous",
            },
        ]
    return out


def as_number(value: Any) -> float | None:
    """A finite int/float value as float, else None (bools, strings, NaN, inf)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return float(value)


def fmt_metric(value: Any, kind: str = "auto") -> str:
    v = as_number(value)
    if v is None:
        return "—" if value in (None, "") else str(value)
    if kind == "pct":
        return f"{100 * v:.0f}%" if v <= 1.0 else f"{v:.0f}%"
    if kind == "int" or (kind == "auto" and v == int(v)):
        return f"{int(v):,}"
    if kind == "f1":
        return f"{v:.1f}"
    return f"{v:.2f}"


def fmt_score(value: Any) -> str:
    v = as_number(value)
    return "—" if v is None else f"{v:.0f}" if v == int(v) else f"{v:.1f}"


# --------------------------------------------------------------------------------------
# Index charts (inline SVG geometry computed here; the template only draws).
# --------------------------------------------------------------------------------------


def score_histogram(scores: Iterable[float], width: int = 520, height: int = 190) -> dict[str, Any]:
    """Articles per 10-point band of score; each bar in the colour of the grade it falls in."""
    counts = [0] * 10
    for s in scores:
        counts[min(9, max(0, int(s // 10)))] += 1
    top = max(counts) or 1
    ml, mr, mb, mt = 34, 18, 26, 16
    plot_w, plot_h = width - ml - mr, height - mb - mt
    bw = plot_w / 10
    bars = []
    for i, c in enumerate(counts):
        h = plot_h * c / top
        grade = grade_of(i * 10.0)
        bars.append(
            {
                "x": round(ml + i * bw + 2, 1),
                "y": round(mt + plot_h - h, 1),
                "w": round(bw - 4, 1),
                "h": round(h, 1),
                "count": c,
                "label": f"{i * 10}\u2013{i * 10 + 10}",
                "tick": i * 10,
                "tx": round(ml + i * bw, 1),
                "grade": grade,
                "cls": GRADE_CLASSES.get(grade, "none"),
            }
        )
    ticks = sorted({0, top // 2, top}) if top > 1 else [0, 1]
    yticks = [{"v": t, "y": round(mt + plot_h - plot_h * t / top, 1)} for t in ticks]
    return {
        "w": width,
        "h": height,
        "bars": bars,
        "yticks": yticks,
        "x0": ml,
        "x1": width - mr,
        "base": mt + plot_h,
        "end_x": round(ml + 10 * bw, 1),
    }


def rule_chart(
    counts: Mapping[str, int], rules: Iterable[Mapping[str, Any]], width: int = 520
) -> dict[str, Any]:
    """Findings per rule, most first; rules that are switched off are listed last, as off."""
    known = {str(r.get("id")): r for r in rules}
    ids = set(counts) | {rid for rid, r in known.items() if r.get("enabled") is False}

    def off(rid: str) -> bool:  # a rule with findings is on, whatever its default says
        return known.get(rid, {}).get("enabled") is False and not counts.get(rid)

    def key(rid: str) -> tuple[bool, int, str]:
        return (off(rid), -counts.get(rid, 0), rid)

    top = max(counts.values(), default=0) or 1
    row, label_w, pad = 24, 210, 70
    bars = []
    for i, rid in enumerate(sorted(ids, key=key)):
        c = counts.get(rid, 0)
        bars.append(
            {
                "id": rid,
                "name": known.get(rid, {}).get("name", ""),
                "count": c,
                "off": off(rid),
                "y": i * row + 4,
                "w": round((width - label_w - pad) * c / top, 1),
                "colour": rule_colours(rid)[1],
            }
        )
    return {"w": width, "h": max(row * len(bars) + 8, 40), "bars": bars, "x0": label_w}
