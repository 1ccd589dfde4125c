"""The group view of ``index.html``: figures per outlet, author, section or month.

:class:`GroupStats` takes summary rows one at a time and keeps, per group, running sums
only (articles, scores, claims, unsourced claims, source mentions, anonymous mentions,
and the same per month when rows carry a date), so it works on a streamed audit. Its
:meth:`GroupStats.view` gives the table and the inline-SVG geometry of a chart over time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reports.html.panels import as_number
from reports.html.style import OKABE_ITO

DATE_COLUMNS = ("date", "published", "published_at", "pub_date", "publication_date", "datetime")
_MONTH = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})(?:\D|$)")
_GROUP_OK = re.compile(r"^[A-Za-z_][A-Za-z0-9_. -]{0,63}$")
NO_VALUE = "(none)"
MAX_GROUPS = 200  # groups listed; the rest are summed into one "other" row
LINE_COLOURS = [OKABE_ITO[c] for c in ("blue", "vermillion", "green", "orange", "purple", "sky")]


def group_key(name: str) -> str:
    """The metadata column a ``--group-by`` value names (``month`` groups by date)."""
    key = str(name).strip()
    if not _GROUP_OK.match(key):
        raise ValueError(f"cannot group by {name!r}: give a metadata column name, or month")
    return key.lower() if key.lower() in ("outlet", "author", "section", "month") else key


def month_of(meta: Mapping[str, str]) -> str:
    """``2026-03`` from the row's date column (ISO-like dates), else ""."""
    for col in DATE_COLUMNS:
        m = _MONTH.match(meta.get(col, ""))
        if m and 1 <= int(m.group(2)) <= 12:
            return f"{m.group(1)}-{int(m.group(2)):02d}"
    return ""


@dataclass
class _Sums:
    articles: int = 0
    scored: int = 0
    score: float = 0.0
    claims: float = 0.0
    unsourced: float = 0.0
    mentions: float = 0.0
    anonymous: float = 0.0
    months: dict[str, list[float]] = field(default_factory=dict)  # month -> [score sum, n]

    def add(self, row: Mapping[str, Any], score: float | None, month: str) -> None:
        metrics = row.get("metrics") if isinstance(row.get("metrics"), Mapping) else row

        def get(key: str) -> float:
            value = metrics.get(key)  # type: ignore[union-attr]
            if isinstance(value, str):  # the text of a CSV cell
                try:
                    value = float(value)
                except ValueError:
                    return 0.0
            return as_number(value) or 0.0

        self.articles += 1
        if score is not None:
            self.scored += 1
            self.score += score
            if month:
                cell = self.months.setdefault(month, [0.0, 0])
                cell[0] += score
                cell[1] += 1
        self.claims += get("claims")
        self.unsourced += get("unsourced_claims")
        anon = get("anonymous_sources")
        self.mentions += get("named_sources") + anon
        self.anonymous += anon

    def figures(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "mean": self.score / self.scored if self.scored else None,
            "unsourced_rate": self.unsourced / self.claims if self.claims else None,
            "anonymous_share": self.anonymous / self.mentions if self.mentions else None,
            "claims": int(self.claims),
            "mentions": int(self.mentions),
        }


class GroupStats:
    """Running sums per group (see the module docstring)."""

    def __init__(self, group_by: str) -> None:
        self.key = group_key(group_by)
        self.groups: dict[str, _Sums] = {}
        self.other = _Sums()
        self.dated = 0

    def add(self, row: Mapping[str, Any], meta: Mapping[str, str], score: float | None) -> None:
        month = month_of(meta)
        self.dated += bool(month)
        value = month if self.key == "month" else meta.get(self.key, "")
        value = value or NO_VALUE
        sums = self.groups.get(value)
        if sums is None:
            if len(self.groups) >= MAX_GROUPS * 50:  # bounded memory on a free-text column
                sums = self.other
            else:
                sums = self.groups[value] = _Sums()
        sums.add(row, score, month)

    def view(self) -> dict[str, Any]:
        """Rows for the table (most articles first; by month: in time order) and a chart."""
        items = sorted(self.groups.items(), key=lambda kv: (-kv[1].articles, kv[0]))
        if self.key == "month":
            items = sorted(self.groups.items())
        shown, rest = items[:MAX_GROUPS], items[MAX_GROUPS:]
        other = self.other
        for _, s in rest:
            other = _merge(other, s)
        rows = [{"value": v, **s.figures()} for v, s in shown]
        if other.articles:
            rows.append({"value": f"other ({len(rest)} groups)", "other": True, **other.figures()})
        chart = self._chart(shown) if self.dated else None
        return {"key": self.key, "rows": rows, "chart": chart, "column": self._column()}

    def _column(self) -> str:
        """The metadata column the table filter uses for a group ("" for months)."""
        return "" if self.key == "month" else self.key

    def _chart(self, items: list[tuple[str, _Sums]]) -> dict[str, Any] | None:
        if self.key == "month":
            total = _Sums()
            for _, s in items:
                total = _merge(total, s)
            series = [("all articles", total)]
        else:
            series = [(v, s) for v, s in items if s.months][: len(LINE_COLOURS)]
        months = sorted({m for _, s in series for m in s.months})
        if not months:
            return None
        return line_chart(months, series)


def _merge(a: _Sums, b: _Sums) -> _Sums:
    out = _Sums(
        a.articles + b.articles, a.scored + b.scored, a.score + b.score, a.claims + b.claims,
        a.unsourced + b.unsourced, a.mentions + b.mentions, a.anonymous + b.anonymous,
        {m: list(v) for m, v in a.months.items()},
    )  # fmt: skip
    for m, (sc, n) in b.months.items():
        cell = out.months.setdefault(m, [0.0, 0])
        cell[0] += sc
        cell[1] += n
    return out


def line_chart(
    months: list[str], series: list[tuple[str, _Sums]], width: int = 760, height: int = 230
) -> dict[str, Any]:
    """Mean score per month, one line per series, as SVG geometry (0-100 on the y axis)."""
    ml, mr, mt, mb = 36, 34, 12, 34
    pw, ph = width - ml - mr, height - mt - mb
    step = pw / max(1, len(months) - 1)
    xs = {m: round(ml + (i * step if len(months) > 1 else pw / 2), 1) for i, m in enumerate(months)}

    def y(score: float) -> float:
        return round(mt + ph * (1 - score / 100.0), 1)

    lines = []
    for k, (name, s) in enumerate(series):
        pts = [
            (xs[m], y(s.months[m][0] / s.months[m][1]), m, s.months[m][0] / s.months[m][1],
             int(s.months[m][1]))
            for m in months
            if m in s.months and s.months[m][1]
        ]  # fmt: skip
        lines.append(
            {
                "name": name,
                "colour": LINE_COLOURS[k % len(LINE_COLOURS)],
                "points": " ".join(f"{x},{yy}" for x, yy, *_ in pts),
                "dots": [
                    {"x": x, "y": yy, "month": m, "mean": round(v, 1), "n": n}
                    for x, yy, m, v, n in pts
                ],
            }
        )
    every = max(1, len(months) // 12)
    ticks = [{"x": xs[m], "label": m} for i, m in enumerate(months) if i % every == 0]
    bands = [  # grade bands behind the lines, in the grade colours
        {"y": y(hi), "h": round(y(lo) - y(hi), 1), "cls": cls}
        for lo, hi, cls in (
            (0, 60, "f"),
            (60, 70, "d"),
            (70, 80, "c"),
            (80, 90, "b"),
            (90, 100, "a"),
        )
    ]
    yticks = [{"y": y(v), "v": v} for v in (0, 60, 70, 80, 90, 100)]
    return {
        "w": width, "h": height, "x0": ml, "x1": width - mr, "lines": lines, "ticks": ticks,
        "bands": bands, "yticks": yticks, "base": mt + ph,
    }  # fmt: skip
