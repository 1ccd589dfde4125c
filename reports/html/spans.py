"""Highlighted article text: spans cut into segments, marks, paragraphs, and their HTML.

The pipeline from a ``articles.jsonl`` article to the text shown on its page:

1. :func:`article_marks`: every highlighted span (quotation, attribution source,
   cue and content, hedge, finding, footnote marker and definition) as a
   :class:`Mark` saying how it is drawn;
2. :func:`split_segments`: a pure function that cuts the text at every span
   boundary and labels each piece with *all* the spans covering it, so
   overlapping spans (a finding inside attributed content inside a quotation)
   never produce broken nesting;
3. :func:`build_paragraphs`: blocks -> sentences (:class:`Run`) -> highlighted
   :class:`Piece`\\ s, one :class:`Paragraph` per block;
4. :func:`runs_html`: a paragraph's runs as escaped HTML (a Jinja filter).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from markupsafe import Markup, escape

from reports.html.style import REGION_LABELS, css_class, safe_url


class Segment(NamedTuple):
    """A maximal run of text covered by the same set of spans (a named tuple: there is
    one per piece of every page, and a tuple is made several times faster than a frozen
    dataclass)."""

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
    covers: tuple[int, ...] = ()
    for a, b in zip(points, points[1:], strict=False):
        closing, opening = closes.get(a), opens.get(a)
        if closing or opening:  # the covering set changes here
            if closing:
                active.difference_update(closing)
            if opening:
                active.update(opening)
            covers = tuple(sorted(active))
        segments.append(Segment(a, b, text[a:b], covers))
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
    refs: list[int] = field(default_factory=list)  # numbers of the findings on this sentence


@dataclass(slots=True)
class Paragraph:
    region: str
    reason: str
    runs: list[Run]
    bullet: bool = False
    level: int = 0  # a Markdown heading's level (1-6), else 0

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


def span_of(obj: Any) -> tuple[int, int] | None:
    """``(start, end)`` of a mapping with a valid non-empty span, else None."""
    if not isinstance(obj, Mapping):
        return None
    s, e = obj.get("start"), obj.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e:
        return s, e
    return None


def _quote_marks(article: Mapping[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for q in article.get("quotes") or []:
        sp = span_of(q)
        if sp:
            marks.append(Mark(*sp, classes=("q",)))
    return marks


def _attribution_marks(article: Mapping[str, Any]) -> list[Mark]:
    """Source, cue and content of every attribution."""
    marks: list[Mark] = []
    for att in article.get("attributions") or []:
        name = str(att.get("source_name") or "")
        kind = str(att.get("source_kind") or "")
        who = name + (f" ({kind})" if kind else "")
        sp = span_of(att.get("source"))
        if sp:
            marks.append(Mark(*sp, classes=("a-src",), title=who))
        sp = span_of(att.get("cue"))
        if sp:
            marks.append(Mark(*sp, classes=("a-cue",)))
        for part in att.get("content") or []:
            sp = span_of(part)
            if sp:
                marks.append(Mark(*sp, classes=("a-con",)))  # its source is underlined
    return marks


def _hedge_marks(article: Mapping[str, Any]) -> list[Mark]:
    """Hedges as boxes, coloured by category; a speaker's hedge is drawn apart."""
    marks: list[Mark] = []
    for h in article.get("hedges") or []:
        sp = span_of(h)
        if not sp:
            continue
        cat = str(h.get("category") or "other")
        speaker = str(h.get("speaker") or "")
        own = bool(h.get("flagged", True)) and not speaker
        classes = ("h", f"h-{css_class(cat)}") + (() if own else ("h-spk",))
        who = "author's hedge" if own else f"speaker's hedge ({speaker or 'quoted'})"
        marks.append(Mark(*sp, classes=classes, title=f"Hedge: {cat}, {who}", boxed=True))
    return marks


def _finding_marks(
    article: Mapping[str, Any],
    rules: Mapping[str, Mapping[str, Any]],
    number: Mapping[int, int] | None = None,
) -> list[Mark]:
    """Findings, painted in their rule's colour, with an anchor ``f-<k>`` each; the title
    names the rule and the finding's number in the findings panel (its message is there)."""
    marks: list[Mark] = []
    number = number or {}
    for k, f in enumerate(article.get("findings") or []):
        sp = span_of(f)
        if not sp:
            continue
        rid = str(f.get("id") or "")
        rule = rules.get(rid) or {}
        name = str(f.get("rule") or rule.get("name") or "")
        sev = str(f.get("severity") or rule.get("severity") or "warning")
        n = number.get(k)
        marks.append(
            Mark(
                *sp,
                classes=("f", f"r-{css_class(rid)}") + (("sev-error",) if sev == "error" else ()),
                title="" if n else f"{rid} {name}",  # numbered: its badge links the finding
                anchor="" if isinstance(f.get("sentence"), int) else f"f-{k}",
                paint=f"bg-{css_class(rid)}",
            )
        )
    return marks


_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+", re.M)
_MD_BULLET = re.compile(r"^[ \t]*([-*+])[ \t]+(?=\S)", re.M)
_MD_STRONG = re.compile(r"(?<![*\w])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![*\w])")
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,300})\]\(([^()\s]{1,2000})\)")
_MD_EM = re.compile(r"(?<![*\w])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")


def markdown_marks(text: str) -> list[Mark]:
    """Markdown syntax of an article's text: heading hashes and list bullets hidden (their
    block is drawn as a heading or list item), emphasis shown as emphasis and links as links
    (http and https only), their markers hidden."""
    marks: list[Mark] = []
    for rx in (_MD_HEADING, _MD_BULLET):
        for m in rx.finditer(text):
            marks.append(Mark(m.start(), m.end(), ("md",)))
    for m in _MD_LINK.finditer(text):  # [words](address): the words, as a link when http(s)
        url = safe_url(m.group(2))
        marks.append(Mark(m.start(1), m.end(1), ("md-a",), title=url, href=url))
        marks.append(Mark(m.start(), m.start(1), ("md",)))
        marks.append(Mark(m.end(1), m.end(), ("md",)))
    taken: list[tuple[int, int]] = []
    for rx, cls in ((_MD_STRONG, "md-b"), (_MD_EM, "md-i")):
        for m in rx.finditer(text):
            if "\n\n" in m.group(2) or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            d = len(m.group(1))
            taken.append((m.start(), m.end()))
            marks.append(Mark(m.start() + d, m.end() - d, (cls,)))
            marks.append(Mark(m.start(), m.start() + d, ("md",)))
            marks.append(Mark(m.end() - d, m.end(), ("md",)))
    return marks


def heading_level(text: str) -> int:
    """1-6 for a Markdown heading line (``## Title``), else 0."""
    m = _MD_HEADING.match(text)
    return len(m.group(1)) if m else 0


def _footnote_marks(article: Mapping[str, Any]) -> list[Mark]:
    """Footnote markers (linked to their source, or flagged as dangling), then definitions."""
    marks: list[Mark] = []
    fn = article.get("footnotes") or {}
    defs = fn.get("definitions") or {}
    seen: Counter[str] = Counter()
    for m in fn.get("markers") or []:
        sp = span_of(m)
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
        sp = span_of(d)
        if sp:
            marks.append(Mark(*sp, classes=("fn-def",), anchor=f"fndef-{css_class(num)}"))
    return marks


def article_marks(
    article: Mapping[str, Any],
    rules: Mapping[str, Mapping[str, Any]],
    number: Mapping[int, int] | None = None,
) -> list[Mark]:
    """Every highlighted span of an article, as marks (order = paint order); ``number``
    maps a finding's index to its number in the findings panel."""
    text = str(article.get("text") or "")
    md = markdown_marks(text) if article.get("format") == "markdown" else []
    return [
        *md,
        *_quote_marks(article),
        *_attribution_marks(article),
        *_hedge_marks(article),
        *_finding_marks(article, rules, number),
        *_footnote_marks(article),
    ]


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
        paint = min(painted, key=lambda m: m.end - m.start).paint
        if len({m.paint for m in painted}) > 1:  # the shortest span's colour wins
            classes += [paint, "f-multi"]
        elif "r-" + paint[3:] not in classes:  # else its rule class ``r-<id>`` paints it
            classes.append(paint)
    # a mark's title on its first piece only: a long quotation does not repeat it per piece
    titles = list(dict.fromkeys(m.title for m in covering if m.title and m.start == seg.start))
    href = next((m.href for m in covering if m.href), "")
    return Piece(seg.text, " ".join(classes), "\n".join(titles), href, anchors)


def _blocks_with_gaps(article: Mapping[str, Any], text: str) -> list[Mapping[str, Any]]:
    """The article's blocks in order, clipped to the text and to each other; gaps between
    them that hold text become ``unsegmented`` blocks (no block at all: one body block)."""
    n = len(text)
    blocks = sorted(
        (b for b in article.get("blocks") or [] if span_of(b)), key=lambda b: (b["start"], b["end"])
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
    return full


Window = tuple[Run, int, int]  # a run to fill, with its text window


def _paragraphs(
    full: Sequence[Mapping[str, Any]],
    sentences: Sequence[Mapping[str, Any]],
    windows: list[Window],
    text: str = "",
    markdown: bool = False,
) -> list[Paragraph]:
    """One paragraph per block, its runs still empty; appends every run's window."""
    paragraphs: list[Paragraph] = []
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
                heading_level(text[bs:be]) if markdown else 0,
            )
        )
    return paragraphs


def _fill_runs(text: str, marks: Sequence[Mark], windows: Sequence[Window]) -> None:
    """One pass over the whole text: marks plus every window edge as cut points, so
    no segment crosses a sentence or paragraph edge; then hand segments to runs."""
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


def build_paragraphs(article: Mapping[str, Any], marks: Sequence[Mark]) -> list[Paragraph]:
    """Blocks -> sentences -> highlighted pieces, ready for the template.

    Blocks and sentences are trusted only as far as they are consistent: gaps
    between blocks that hold text become an ``unsegmented`` paragraph, sentences
    are clipped to their block, and overlapping sentences to the previous end.
    """
    text: str = article.get("text") or ""
    full = _blocks_with_gaps(article, text)
    sentences = sorted(
        (s for s in article.get("sentences") or [] if span_of(s)), key=lambda s: s["start"]
    )
    windows: list[Window] = []
    markdown = article.get("format") == "markdown"
    paragraphs = _paragraphs(full, sentences, windows, text, markdown)
    _fill_runs(text, marks, windows)
    return paragraphs


def runs_html(runs: Sequence[Run]) -> Markup:
    """A paragraph's sentences and pieces as HTML, every text and attribute escaped.

    Rendered here rather than in the template: this is the innermost loop of every article
    page (a span per highlighted piece), and Jinja's per-item overhead made it the slowest
    part of writing an audit.
    """
    out: list[str] = []
    for run in runs:
        if run.sentence is not None:
            out.append(f'<span id="s-{escape(run.sentence)}">')
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
            for n in run.refs:  # back to the findings panel
                out.append(f'<a class="fl" href="#fi-{n}">{n}</a>')
            out.append("</span>")
    return Markup("".join(out))
