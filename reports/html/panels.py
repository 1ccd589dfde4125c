"""Number formats and the index charts.

:func:`fmt_metric` / :func:`fmt_score` (also Jinja filters); :func:`score_histogram` and
:func:`rule_chart` compute inline-SVG geometry so that the template only draws. (Article
pages are drawn in the browser by ``templates/checker.js``.)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from reports.html.style import GRADE_CLASSES, grade_of, rule_colours

# --------------------------------------------------------------------------------------
# Number formats (also Jinja filters).
# --------------------------------------------------------------------------------------


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
