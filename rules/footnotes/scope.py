"""Where each marker's cited text is: blocks, sentences and the scope of every marker.

A marker covers its sentence; with ``footnote_scope = "auto"`` a marker that ends its
block (bullet or paragraph) covers the whole block. ``fallback_blocks`` splits a text
with simple rules when no segmenter ran; ``record_sentence_footnotes`` turns the scopes
into the per-sentence note lists of the analysis.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from checker.core.analysis import FootnoteMarker
from checker.core.config import Setting, one_of
from checker.core.document import BODY, HEADING, Block, Sentence, Span
from checker.core.regexlit import lazy_compile
from rules.footnotes.records import Candidate
from rules.footnotes.scan import CLOSERS_CLS, SUP_DIGITS, WORDS, line_bounds

_SENT_END = lazy_compile(
    rf"[.!?\u2026][{CLOSERS_CLS}]*(?:\d{{1,3}}|\[\d{{1,3}}[^\]]*\]|[{SUP_DIGITS}]+)?\s+"
    rf"(?=[A-Z\d\"'\u201c\u2018(\[])"
)
# What may follow a marker that ends its block: spaces, punctuation, closers, brackets,
# digits, carets (other markers). (A "[^label]" is covered by these characters but its
# label's letters are not.)
_BLOCK_TAIL = lazy_compile(rf"[\s.!?,;:{CLOSERS_CLS}\[\]\d{SUP_DIGITS}^]")
_BULLET_OR_NUMBERED = r"[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+\S"


FOOTNOTE_SCOPES = ("auto", "sentence")
FOOTNOTE_SCOPE = Setting(
    "footnote_scope", "auto", one_of(*FOOTNOTE_SCOPES),
    "what a marker covers: its sentence, or (auto) its paragraph or bullet when it ends one",
)  # fmt: skip


class _Locator:
    """The block and sentence holding a position (by bisection over sorted starts)."""

    def __init__(self, blocks: list[Block], sentences: Sequence[Sentence] | None) -> None:
        self.blocks = blocks
        self.block_starts = [b.start for b in blocks]
        self.sentences = sorted(sentences or (), key=lambda s: s.start)
        self.sentence_starts = [s.start for s in self.sentences]

    def block_of(self, pos: int) -> Block | None:
        i = bisect.bisect_right(self.block_starts, pos) - 1
        blocks = self.blocks
        if i >= 0 and blocks[i].start <= pos < max(blocks[i].end, blocks[i].start + 1):
            return blocks[i]
        return None

    def sentence_of(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        sents = self.sentences
        if i >= 0 and sents[i].start <= pos < max(sents[i].end, sents[i].start + 1):
            return sents[i]
        return None


def place_markers(
    text: str,
    candidates: list[Candidate],
    blocks: list[Block],
    sentences: Sequence[Sentence] | None,
    scope: str,
) -> tuple[list[FootnoteMarker], dict[str, str]]:
    """The markers with their sentence and scope (``blocks`` sorted by start), and the
    convention each number was first written in."""
    where = _Locator(blocks, sentences)
    boundary_ends = _marker_sentence_ends(text, candidates)
    tails: dict[int, int] = {}  # block start -> where its tail of _BLOCK_TAIL characters starts
    markers: list[FootnoteMarker] = []
    conventions: dict[str, str] = {}
    for c in candidates:
        blk = where.block_of(c.anchor) or where.block_of(c.start)
        sent = where.sentence_of(c.anchor) or where.sentence_of(c.start)
        if sent is not None:
            sspan = _sentence_span(text, c, sent, boundary_ends)
        else:
            sspan = _simple_sentence(text, c.anchor, blk)
            sspan = (sspan[0], max(sspan[1], c.end))
        span = Span(*sspan)
        if scope == "auto" and blk is not None and c.end >= _tail_start(text, blk, tails):
            span = Span(blk.start, blk.end)
        markers.append(
            FootnoteMarker(
                number=c.number,
                start=c.start,
                end=c.end,
                sentence=sent.index if sent else None,
                scope=span,
            )
        )
        conventions.setdefault(c.number, c.convention)
    return markers, conventions


def _tail_start(text: str, blk: Block, memo: dict[int, int]) -> int:
    """Where the run of ``_BLOCK_TAIL`` characters that ends block ``blk`` starts: a marker
    ending at or after it ends its block (computed once per block)."""
    pos = memo.get(blk.start)
    if pos is None:
        pos = blk.end
        while pos > blk.start and _BLOCK_TAIL.match(text, pos - 1):
            pos -= 1
        memo[blk.start] = pos
    return pos


def _marker_sentence_ends(text: str, candidates: list[Candidate]) -> list[int]:
    """Ends of markers that close a sentence ("...week.^2 The"), sorted."""
    return sorted(
        c.end
        for c in candidates
        if re.match(r"\s+[A-Z\"'\u201c\u2018(]", text[c.end : c.end + 3])
        and re.search(rf"[.!?\u2026][{CLOSERS_CLS}]*$", text[max(0, c.start - 4) : c.start])
    )


def _sentence_span(
    text: str, c: Candidate, sent: Sentence, boundary_ends: list[int]
) -> tuple[int, int]:
    """The segmenter's sentence of a marker, cut at a marker that ends a sentence the
    segmenter did not split, without leading space."""
    lo, hi = sent.start, max(sent.end, c.end)
    k = bisect.bisect_right(boundary_ends, c.anchor)  # the last end at or before the anchor
    if k and boundary_ends[k - 1] > lo:
        lo = boundary_ends[k - 1]
    k = bisect.bisect_left(boundary_ends, c.end)
    if k < len(boundary_ends) and boundary_ends[k] == c.end < hi:
        hi = c.end
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


def _simple_sentence(text: str, pos: int, blk: Block | None) -> tuple[int, int]:
    """The sentence around ``pos`` by punctuation, within its block (or line)."""
    lo, hi = (blk.start, blk.end) if blk else line_bounds(text, pos)
    s = lo
    for m in _SENT_END.finditer(text, lo, hi):
        if m.end() <= pos:
            s = m.end()
        else:
            return s, m.end() - len(m.group()) + len(m.group().rstrip())
    return s, hi


def record_sentence_footnotes(
    sentences: Sequence[Sentence], markers: list[FootnoteMarker], table: list[list[str]]
) -> None:
    """Add each marker's number to ``table[i]`` for every sentence ``i`` its scope touches,
    and to its own sentence (each number once per sentence)."""
    starts = [s.start for s in sentences]
    for mk in markers:
        sc = mk.scope or Span(mk.start, mk.end)
        i = max(0, bisect.bisect_right(starts, sc.start) - 1)
        while i < len(sentences) and sentences[i].start < sc.end:
            s = sentences[i]
            if s.end > sc.start and mk.number not in table[s.index]:
                table[s.index].append(mk.number)
            i += 1
        if mk.sentence is not None and mk.number not in table[mk.sentence]:
            table[mk.sentence].append(mk.number)


# ------------------------------------------------------------ fallback blocks


def fallback_blocks(text: str) -> list[Block]:
    """Blocks when no segmenter is available: blank-line paragraphs, or one block per line
    for texts written one paragraph per line; bullets and Markdown headings start blocks."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    nonblank = [ln for ln in lines if text[ln[0] : ln[1]].strip()]
    blank = len(lines) - len(nonblank)
    per_line = blank < max(1, len(nonblank) // 4)
    blocks: list[Block] = []
    cur: list[int] | None = None
    bullet = False
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            _close_block(text, cur, bullet, blocks)
            cur = None
            continue
        starts = bool(re.match(_BULLET_OR_NUMBERED + r"|[ \t]{0,3}#|[ \t]{0,3}\[", line))
        if cur is None or per_line or starts:
            _close_block(text, cur, bullet, blocks)
            lstrip = len(line) - len(line.lstrip())
            cur = [s + lstrip, e]
            bullet = bool(re.match(_BULLET_OR_NUMBERED, line))
        else:
            cur[1] = e
    _close_block(text, cur, bullet, blocks)
    return blocks


def _close_block(text: str, cur: list[int] | None, bullet: bool, blocks: list[Block]) -> None:
    """Append the block ``cur`` ([start, end], if any): a heading when it starts with "#" or
    is one short line of at most ten words without closing punctuation."""
    if cur is None:
        return
    s, e = cur
    stripped = text[s:e].strip()
    region = BODY
    if stripped.startswith("#") or (
        not bullet
        and len(stripped) < 80
        and not re.search(r"[.!?:;,\"'\u201d]\s*$", stripped)
        and "\n" not in stripped
        and len(WORDS.findall(stripped)) <= 10
    ):
        region = HEADING
    blocks.append(Block(len(blocks), s, e, region, bullet))
