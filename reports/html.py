"""HTML reports: ``index.html`` (the audit at a glance) and one page per article.

Input is only the ``report.json`` dictionary described in ``docs/output.md``;
nothing from the pipeline is imported, so the pages can be rebuilt from a saved
``report.json``.

Design choices:

* Jinja2 with autoescape on for every template: article text, names, messages
  and URLs are always escaped; no value is marked safe except our own shipped
  CSS/JS. Pages also carry a Content-Security-Policy that forbids every network
  load and every script but the one (hash-pinned) sorting script of the index.
* No external resources: CSS and JS are inlined, charts are SVG computed here.
* Highlighted text is built by :func:`split_segments`, a pure function that cuts
  the text at every span boundary and labels each piece with *all* the spans
  covering it, so overlapping spans (a finding inside attributed content inside
  a quotation) never produce broken nesting.
* One compiled template per page kind (module-level environment), so thousands
  of article pages render quickly.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from checker.core.io import atomic_write_text

TEMPLATES = Path(__file__).resolve().parent / "templates"

# --------------------------------------------------------------------------------------
# Colours. Okabe & Ito's colour-blind-safe palette; highlights use light tints of it,
# charts and borders the full colours. Known rules get a fixed colour so that the same
# rule looks the same in every report; unknown rules take a stable one from the cycle.
# --------------------------------------------------------------------------------------

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#7A7A7A",
}

# (highlight background tint, strong colour for swatches/bars)
RULE_COLOURS: dict[str, tuple[str, str]] = {
    "CLM001": ("#F9C7A8", "#D55E00"),  # unsourced claim: vermillion
    "ATT001": ("#FBDE9A", "#E69F00"),  # vague attribution: orange
    "ATT002": ("#F2C6DE", "#CC79A7"),  # unattributed quote: purple
    "HDG001": ("#F7F09A", "#C9B800"),  # hedging: yellow
    "HDG002": ("#C3E3F7", "#56B4E9"),  # overstated certainty: sky
    "HDG003": ("#DCDCE6", "#8A8AA3"),  # approximator: grey-violet
    "FTN001": ("#A8E2CD", "#009E73"),  # dangling footnote: green
    "FTN002": ("#C9EDE0", "#4DB892"),
    "FTN003": ("#D4EAD9", "#6FA97F"),
    "FTN004": ("#B5D8EE", "#0072B2"),  # uncited statement: blue
    "FTN005": ("#E3DCCB", "#A08C5B"),
    "FTN006": ("#E6D2C3", "#9C6B4E"),
    "CRD001": ("#F4B5B5", "#B03A3A"),
    "CRD002": ("#D9CDEA", "#7B61A8"),
}
_FALLBACK = [
    ("#F9C7A8", "#D55E00"),
    ("#C3E3F7", "#56B4E9"),
    ("#A8E2CD", "#009E73"),
    ("#FBDE9A", "#E69F00"),
    ("#F2C6DE", "#CC79A7"),
    ("#B5D8EE", "#0072B2"),
    ("#F7F09A", "#C9B800"),
    ("#DCDCE6", "#8A8AA3"),
]

# Hedge categories: border colour of the cue box.
HEDGE_COLOURS: dict[str, str] = {
    "epistemic": OKABE_ITO["blue"],
    "reportative": OKABE_ITO["green"],
    "weasel": OKABE_ITO["vermillion"],
    "approximator": OKABE_ITO["purple"],
    "booster": OKABE_ITO["orange"],
}
# Category -> (plain-words name shown in the legend, examples)
HEDGE_LABELS: dict[str, tuple[str, str]] = {
    "epistemic": ("uncertain", "may, probably, could"),
    "reportative": ("hearsay", "reportedly, allegedly"),
    "weasel": ("weasel", "some say, experts believe"),
    "approximator": ("vague amount", "about, roughly, many"),
    "booster": ("overconfident", "clearly, undoubtedly"),
}

GRADE_CLASSES = {"A": "a", "B": "b", "C": "c", "D": "d", "E": "e", "F": "f"}

REGION_LABELS = {
    "heading": "heading",
    "byline": "byline",
    "caption": "caption",
    "boilerplate": "boilerplate",
    "references": "source list",
    "unsegmented": "not segmented",
}

_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_PAGE_OK = re.compile(r"^articles/[A-Za-z0-9][A-Za-z0-9._-]{0,180}\.html$")
_SLUG_BAD = re.compile(r"[^A-Za-z0-9._-]+")
_URL_OK = re.compile(r"^https?://", re.IGNORECASE)


def css_class(value: object) -> str:
    """A string made safe to use as (part of) a CSS class name or id."""
    return _CLASS_SAFE.sub("-", str(value)).strip("-") or "x"


def rule_colours(rule_id: str) -> tuple[str, str]:
    """(highlight tint, strong colour) of a rule, stable across reports."""
    if rule_id in RULE_COLOURS:
        return RULE_COLOURS[rule_id]
    digest = hashlib.sha1(rule_id.encode("utf-8")).digest()
    return _FALLBACK[digest[0] % len(_FALLBACK)]


def safe_url(url: object) -> str:
    """The URL if it is plain http(s), else "" (no javascript:, data:, file: links)."""
    text = str(url or "").strip()
    return text if _URL_OK.match(text) and not any(c in text for c in "\"'<> ") else ""


# --------------------------------------------------------------------------------------
# Segmentation of highlighted text (pure).
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """A maximal run of text covered by the same set of spans."""

    start: int
    end: int
    text: str
    covers: tuple[int, ...]  # indices (into the spans given) of the spans covering it


def split_segments(
    text: str,
    spans: Sequence[tuple[int, int]],
    start: int = 0,
    end: int | None = None,
) -> list[Segment]:
    """Cut ``text[start:end]`` at every span boundary.

    Returns consecutive segments whose texts concatenate to ``text[start:end]``;
    each segment lists, in increasing order, the indices of the spans
    ``(s, e)`` (half-open) that cover it entirely. Spans are clipped to the
    window; empty, reversed or outside spans cover nothing. Runs in
    O((n + k) log k) for n characters of boundaries and k spans (plus output).
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    opens: dict[int, list[int]] = defaultdict(list)
    closes: dict[int, list[int]] = defaultdict(list)
    bounds = {start, end}
    for i, (s, e) in enumerate(spans):
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        opens[s].append(i)
        closes[e].append(i)
        bounds.add(s)
        bounds.add(e)
    points = sorted(bounds)
    active: set[int] = set()
    segments: list[Segment] = []
    for a, b in zip(points, points[1:], strict=False):
        for i in closes.get(a, ()):
            active.discard(i)
        active.update(opens.get(a, ()))
        segments.append(Segment(a, b, text[a:b], tuple(sorted(active))))
    return segments


# --------------------------------------------------------------------------------------
# Marks: what each highlighted span means, and how a segment covered by several is shown.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    classes: tuple[str, ...]
    title: str = ""
    anchor: str = ""  # id of an empty anchor placed where the mark starts
    href: str = ""  # segments under this mark become links (footnote markers)
    paint: str = ""  # background class; where several overlap, the shortest span's wins
    boxed: bool = False  # drawn as a box: pieces inside it get cl/cr to join into one box


@dataclass(slots=True)
class Piece:
    """A segment ready for the template."""

    text: str
    classes: str = ""
    title: str = ""
    href: str = ""
    anchors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Run:
    """A sentence (``sentence`` set) or text between sentences, as pieces."""

    sentence: int | None
    pieces: list[Piece]
    claim: bool = False


@dataclass(slots=True)
class Paragraph:
    region: str
    reason: str
    runs: list[Run]
    bullet: bool = False

    @property
    def skipped(self) -> bool:
        return self.region != "body"

    @property
    def label(self) -> str:
        return REGION_LABELS.get(self.region, self.region)

    @property
    def why(self) -> str:
        """The segmenter's reason, unless it only repeats the region's name."""
        reason = self.reason.strip()
        return "" if reason.casefold() in {self.region, self.label} else reason


def _span(obj: Any) -> tuple[int, int] | None:
    if not isinstance(obj, Mapping):
        return None
    s, e = obj.get("start"), obj.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e:
        return s, e
    return None


def article_marks(article: Mapping[str, Any], rules: Mapping[str, Mapping[str, Any]]) -> list[Mark]:
    """Every highlighted span of an article, as marks (order = paint order)."""
    marks: list[Mark] = []
    for q in article.get("quotes") or []:
        sp = _span(q)
        if sp:
            marks.append(Mark(*sp, classes=("q",)))
    for att in article.get("attributions") or []:
        name = str(att.get("source_name") or "")
        kind = str(att.get("source_kind") or "")
        who = name + (f" ({kind})" if kind else "")
        sp = _span(att.get("source"))
        if sp:
            marks.append(Mark(*sp, classes=("a-src",), title=f"Source: {who}"))
        sp = _span(att.get("cue"))
        if sp:
            marks.append(Mark(*sp, classes=("a-cue",), title="Attribution cue"))
        for part in att.get("content") or []:
            sp = _span(part)
            if sp:
                style = "direct quotation" if att.get("direct") else "paraphrase"
                marks.append(Mark(*sp, classes=("a-con",), title=f"Attributed to {who}, {style}"))
    for h in article.get("hedges") or []:
        sp = _span(h)
        if not sp:
            continue
        cat = str(h.get("category") or "other")
        speaker = str(h.get("speaker") or "")
        own = bool(h.get("flagged", True)) and not speaker
        classes = ("h", f"h-{css_class(cat)}") + (() if own else ("h-spk",))
        who = "author's hedge" if own else f"speaker's hedge ({speaker or 'quoted'})"
        marks.append(Mark(*sp, classes=classes, title=f"Hedge: {cat}, {who}", boxed=True))
    for k, f in enumerate(article.get("findings") or []):
        sp = _span(f)
        if not sp:
            continue
        rid = str(f.get("id") or "")
        rule = rules.get(rid) or {}
        name = str(f.get("rule") or rule.get("name") or "")
        sev = str(f.get("severity") or rule.get("severity") or "warning")
        marks.append(
            Mark(
                *sp,
                classes=("f", f"r-{css_class(rid)}", f"sev-{css_class(sev)}"),
                title=f"{rid} {name}: {f.get('message') or ''}".strip(),
                anchor=f"f-{k}",
                paint=f"bg-{css_class(rid)}",
            )
        )
    fn = article.get("footnotes") or {}
    defs = fn.get("definitions") or {}
    seen: Counter[str] = Counter()
    for m in fn.get("markers") or []:
        sp = _span(m)
        if not sp:
            continue
        num = str(m.get("number"))
        seen[num] += 1
        if num in defs:
            title = f"Footnote {num}: {defs[num].get('text') or ''}"
            marks.append(
                Mark(
                    *sp,
                    classes=("fn",),
                    title=title,
                    anchor=f"fnref-{css_class(num)}-{seen[num]}",
                    href=f"#fn-{css_class(num)}",
                )
            )
        else:
            marks.append(
                Mark(
                    *sp,
                    classes=("fn", "fn-dangling"),
                    title=f"Footnote {num}: no source listed for this marker",
                    anchor=f"fnref-{css_class(num)}-{seen[num]}",
                    href="#footnotes",
                )
            )
    for num, d in defs.items():
        sp = _span(d)
        if sp:
            marks.append(Mark(*sp, classes=("fn-def",), anchor=f"fndef-{css_class(num)}"))
    return marks


def _piece(seg: Segment, covering: Sequence[Mark]) -> Piece:
    """How one segment is shown, given every mark covering it."""
    if not covering:
        return Piece(seg.text)
    anchors = [m.anchor for m in covering if m.anchor and m.start == seg.start]
    classes: list[str] = []
    for m in covering:
        for c in m.classes:
            if c not in classes:
                classes.append(c)
        if m.boxed:
            if seg.start > m.start and "cl" not in classes:
                classes.append("cl")
            if seg.end < m.end and "cr" not in classes:
                classes.append("cr")
    painted = [m for m in covering if m.paint]
    if painted:
        classes.append(min(painted, key=lambda m: m.end - m.start).paint)
        if len({m.paint for m in painted}) > 1:
            classes.append("f-multi")
    titles = list(dict.fromkeys(m.title for m in covering if m.title))
    href = next((m.href for m in covering if m.href), "")
    return Piece(seg.text, " ".join(classes), "\n".join(titles), href, anchors)


def build_paragraphs(article: Mapping[str, Any], marks: Sequence[Mark]) -> list[Paragraph]:
    """Blocks -> sentences -> highlighted pieces, ready for the template.

    Blocks and sentences are trusted only as far as they are consistent: gaps
    between blocks that hold text become an ``unsegmented`` paragraph, sentences
    are clipped to their block, and overlapping sentences to the previous end.
    """
    text: str = article.get("text") or ""
    n = len(text)
    blocks = sorted(
        (b for b in article.get("blocks") or [] if _span(b)), key=lambda b: (b["start"], b["end"])
    )
    if not blocks and text.strip():
        blocks = [{"start": 0, "end": n, "region": "body", "reason": ""}]
    # fill gaps that hold text
    full: list[Mapping[str, Any]] = []

    def gap(a: int, b: int) -> None:
        chunk = text[a:b]
        if chunk.strip():
            a += len(chunk) - len(chunk.lstrip())
            b -= len(chunk) - len(chunk.rstrip())
            full.append({"start": a, "end": b, "region": "unsegmented", "reason": ""})

    pos = 0
    for b in blocks:
        s, e = min(max(b["start"], pos), n), min(b["end"], n)
        if s > pos:
            gap(pos, s)
            pos = s
        if e > s:
            full.append({**b, "start": s, "end": e})
            pos = e
    gap(pos, n)

    sentences = sorted(
        (s for s in article.get("sentences") or [] if _span(s)), key=lambda s: s["start"]
    )
    paragraphs: list[Paragraph] = []
    windows: list[tuple[Run, int, int]] = []  # runs to fill, with their text window
    emitted: set[int] = set()
    si = 0
    for b in full:
        bs, be = b["start"], b["end"]
        runs: list[Run] = []
        pos = bs
        while si < len(sentences) and sentences[si]["end"] <= bs:
            si += 1
        while si < len(sentences) and sentences[si]["start"] < be:
            sent = sentences[si]
            ss, se = max(sent["start"], pos), min(sent["end"], be)
            if ss > pos:
                windows.append((Run(None, []), pos, ss))
                runs.append(windows[-1][0])
            if se > ss:
                index = int(sent.get("index", si))
                run = Run(None if index in emitted else index, [], bool(sent.get("is_claim")))
                emitted.add(index)
                windows.append((run, ss, se))
                runs.append(run)
                pos = se
            if sent["end"] > be:  # sentence continues in the next block
                break
            si += 1
        if pos < be:
            windows.append((Run(None, []), pos, be))
            runs.append(windows[-1][0])
        paragraphs.append(
            Paragraph(
                str(b.get("region") or "body"),
                str(b.get("reason") or ""),
                runs,
                bool(b.get("bullet")),
            )
        )
    # One pass over the whole text: marks plus every window edge as cut points, so
    # no segment crosses a sentence or paragraph edge; then hand segments to runs.
    spans = [(m.start, m.end) for m in marks]
    spans += [(a, z) for _, a, z in windows]
    segments = split_segments(text, spans)
    starts = [seg.start for seg in segments]
    nmarks = len(marks)
    for run, a, z in windows:
        i = bisect.bisect_left(starts, a)
        while i < len(segments) and segments[i].start < z:
            seg = segments[i]
            run.pieces.append(_piece(seg, [marks[k] for k in seg.covers if k < nmarks]))
            i += 1
    return paragraphs


# --------------------------------------------------------------------------------------
# Panels: findings, sources, footnotes, score breakdown, metrics.
# --------------------------------------------------------------------------------------


def _natural_key(value: str) -> tuple[int, int | str]:
    return (0, int(value)) if value.isdigit() else (1, value)


def findings_panel(
    article: Mapping[str, Any], rules: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    out = []
    sev_rank = {"error": 0, "warning": 1, "suggestion": 2}
    for k, f in enumerate(article.get("findings") or []):
        rid = str(f.get("id") or "")
        sent = f.get("sentence")
        if isinstance(sent, int):
            href = f"#s-{sent}"
        elif _span(f):
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
                "text": _shorten(str(f.get("text") or ""), 140),
                "line": f.get("line"),
                "column": f.get("column"),
                "href": href,
                "order": (f.get("start") if isinstance(f.get("start"), int) else 10**12, k),
                "rank": sev_rank.get(str(f.get("severity")), 3),
            }
        )
    out.sort(key=lambda x: x["order"])
    return out


def _shorten(text: str, limit: int) -> str:
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
        sent = src.get("sentence")
        if isinstance(sent, int) and sent not in g["sentences"]:
            g["sentences"].append(sent)
    return sorted(groups.values(), key=lambda g: (-g["count"], g["name"].casefold()))


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
    dangling = sorted({str(x) for x in fn.get("dangling") or []} | (set(refs) - set(defs)),
                      key=_natural_key)
    return {
        "entries": entries,
        "dangling": [{"number": d, "refs": refs.get(d, [])} for d in dangling],
        "markers": sum(len(v) for v in refs.values()),
    }


def breakdown_panel(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    comps = [c for c in article.get("score_breakdown") or [] if isinstance(c, Mapping)]
    biggest = max((abs(_num(c.get("points")) or 0.0) for c in comps), default=0.0) or 1.0
    for c in comps:
        pts = _num(c.get("points")) or 0.0
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
    # key, label, format
    ("words", "Words", "int"),
    ("claims", "Claims", "int"),
    ("unsourced_claims", "Unsourced claims", "int"),
    ("attribution_rate", "Claims attributed", "pct"),
    ("hedges_per_100_words", "Hedges / 100 words", "f1"),
    ("distinct_sources", "Distinct sources", "int"),
    ("named_sources", "Named sources", "int"),
    ("anonymous_sources", "Anonymous sources", "int"),
    ("quotes", "Quotations", "int"),
    ("footnote_markers", "Footnote markers", "int"),
    ("dangling_footnotes", "Dangling footnotes", "int"),
    ("flesch_reading_ease", "Reading ease", "f1"),
)


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return float(value)


def fmt_metric(value: Any, kind: str = "auto") -> str:
    v = _num(value)
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
    v = _num(value)
    return "—" if v is None else f"{v:.0f}" if v == int(v) else f"{v:.1f}"


# --------------------------------------------------------------------------------------
# Index charts (inline SVG geometry computed here; the template only draws).
# --------------------------------------------------------------------------------------


def score_histogram(scores: Iterable[float], width: int = 520, height: int = 190) -> dict[str, Any]:
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
        bars.append(
            {
                "x": round(ml + i * bw + 2, 1),
                "y": round(mt + plot_h - h, 1),
                "w": round(bw - 4, 1),
                "h": round(h, 1),
                "count": c,
                "label": f"{i * 10}–{i * 10 + 10}",
                "tick": i * 10,
                "tx": round(ml + i * bw, 1),
                "band": "low" if i < 5 else "mid" if i < 8 else "high",
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
    counts: Mapping[str, int], rules: Mapping[str, Mapping[str, Any]], width: int = 520
) -> dict[str, Any]:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max(counts.values(), default=0) or 1
    row, label_w, pad = 24, 210, 44
    bars = []
    for i, (rid, c) in enumerate(items):
        bars.append(
            {
                "id": rid,
                "name": (rules.get(rid) or {}).get("name", ""),
                "count": c,
                "y": i * row + 4,
                "w": round((width - label_w - pad) * c / top, 1),
                "colour": rule_colours(rid)[1],
            }
        )
    return {"w": width, "h": max(row * len(items) + 8, 40), "bars": bars, "x0": label_w}


# --------------------------------------------------------------------------------------
# Rendering.
# --------------------------------------------------------------------------------------


def runs_html(runs: Sequence[Run]) -> Markup:
    """A paragraph's sentences and pieces as HTML, every text and attribute escaped.

    Rendered here rather than in the template: this is the innermost loop of every article
    page (a span per highlighted piece), and Jinja's per-item overhead made it the slowest
    part of writing an audit.
    """
    out: list[str] = []
    for run in runs:
        if run.sentence is not None:
            out.append(f'<span class="sent" id="s-{escape(run.sentence)}">')
        for x in run.pieces:
            for an in x.anchors:
                out.append(f'<a class="anc" id="{escape(an)}"></a>')
            if x.href:
                out.append(
                    f'<a href="{escape(x.href)}" class="{escape(x.classes)}" '
                    f'title="{escape(x.title)}">{escape(x.text)}</a>'
                )
            elif x.classes:
                title = f' title="{escape(x.title)}"' if x.title else ""
                out.append(f'<span class="{escape(x.classes)}"{title}>{escape(x.text)}</span>')
            else:
                out.append(escape(x.text))
        if run.sentence is not None:
            out.append("</span>")
    return Markup("".join(out))


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


def page_names(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    """Relative page path per article: its ``page`` when safe, else a slug; unique."""
    used: set[str] = set()
    names = []
    for i, a in enumerate(articles):
        page = str(a.get("page") or "")
        if not _PAGE_OK.match(page) or ".." in page:
            slug = _SLUG_BAD.sub("-", str(a.get("article") or f"article-{i}")).strip("-.")
            page = f"articles/{slug[:150] or f'article-{i}'}.html"
        base, k = page[: -len(".html")], 2
        while page.casefold() in used:
            page = f"{base}-{k}.html"
            k += 1
        used.add(page.casefold())
        names.append(page)
    return names


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
        "has_speaker_hedges": any(
            h.get("speaker") or not h.get("flagged", True) for h in hedges
        ),
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
    score = _num(article.get("score"))
    comps = article.get("score_breakdown") or []
    points = [_num(c.get("points")) for c in comps if isinstance(c, Mapping)]
    if score is None or not points or any(p is None for p in points):
        return None
    total = sum(p for p in points if p is not None)
    return 100.0 if abs(100.0 + total - score) < 0.051 else None


def _attribution_rows(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    text: str = article.get("text") or ""
    # sentences by start offset, to find the one holding each cue by bisection
    sentences = sorted(
        (sp[0], sp[1], s.get("index"))
        for s in article.get("sentences") or []
        if (sp := _span(s))
    )
    sent_starts = [s for s, _, _ in sentences]
    for att in article.get("attributions") or []:
        content = " … ".join(
            text[s:e] for s, e in (_span(c) or (0, 0) for c in att.get("content") or [])
        )
        sent = None
        sp = _span(att.get("cue")) or _span(att.get("source"))
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
                "content": _shorten(content, 220),
                "direct": bool(att.get("direct")),
                "sentence": sent,
            }
        )
    return rows


def _index_row(article: Mapping[str, Any], page: str) -> dict[str, Any]:
    m = article.get("metrics") or {}
    findings = article.get("findings") or []
    dangling = _num(m.get("dangling_footnotes")) or 0
    unused = _num(m.get("unused_sources")) or 0
    return {
        "name": article.get("article") or article.get("path") or page,
        "page": page,
        "status": str(article.get("status") or "ok"),
        "error": article.get("error") or "",
        "score": _num(article.get("score")),
        "grade": article.get("grade") or "",
        "words": _num(m.get("words")),
        "claims": _num(m.get("claims")),
        "unsourced": _num(m.get("unsourced_claims")),
        "rate": _num(m.get("attribution_rate")),
        "hedges": _num(m.get("hedges_per_100_words")),
        "sources": _num(m.get("distinct_sources")),
        "anon": _num(m.get("anonymous_sources")),
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
            {"id": rid, "name": "", "severity": "", "summary": "", "family": "",
             "count": rule_counts[rid], "colour": rule_colours(rid)[1]}
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
