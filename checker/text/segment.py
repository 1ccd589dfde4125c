"""Segmentation: blocks (paragraphs, headings, bullets) with region kinds, then sentences.

The splitter is rule-based and offset-preserving: it never rewrites the text,
it only finds boundaries. It knows titles and initials ("Col. Kemp",
"Myles B. Caggins III", "U.S."), footnote markers glued to the sentence end
("ending it.1"), quotations that close after the full stop, bullets, and
headings without final punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from checker.core.datafiles import packaged_data
from checker.core.document import (
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    HEADING,
    REFERENCES,
    Block,
    Document,
    Link,
    Sentence,
)
from checker.core.regexlit import PatternSet, lazy_compile
from checker.core.words import word_count, word_tokens
from checker.text import captions, chrome, chrome_bio, firstchar
from checker.text.blockspans import block_hints, mark_bullets
from checker.text.chrome_runs import mark_runs
from checker.text.lines import (
    hard_wrapped,
    indented_paragraphs,
    lower_byline,
    without_trailing_pictographs,
)
from checker.text.pattern_index import known_analysis, known_first_chars, known_needles
from checker.text.sentences import (  # noqa: F401  (re-exported: the splitter's names)
    _BOUNDARY,
    ABBREVIATIONS,
    SENTENCE_FINAL_ABBREVIATIONS,
    SENTENCE_STARTERS,
    _trim,
    split_sentences,
)

# --------------------------------------------------------------------- lexicons


class RegionPatterns(NamedTuple):
    """The boilerplate lexicon, compiled: page chrome, byline, caption and references patterns."""

    boilerplate: PatternSet
    boilerplate_short: PatternSet  # only for blocks of at most ``short_words`` words...
    short_anchored: firstchar.FirstCharIndex  # ...and its patterns anchored at the start
    short_words: int
    byline: tuple[re.Pattern[str], ...]
    byline_dated: tuple[re.Pattern[str], ...]  # byline patterns that only match with a digit
    caption: PatternSet
    caption_single: PatternSet  # only for a block of one sentence of at most short_words
    references_heading: re.Pattern[str]
    references_inline: re.Pattern[str]


@lru_cache(maxsize=1)
def region_patterns() -> RegionPatterns:
    """The packaged boilerplate lexicon, compiled once."""
    data = packaged_data("checker.text", "lexicons/boilerplate.json", "checker-boilerplate-lexicon")
    short = data["boilerplate_short"]
    known = known_analysis()  # the sets' patterns analysed ahead (pattern_index.py)
    first, needles = known_first_chars(), known_needles()
    return RegionPatterns(
        boilerplate=PatternSet(data["boilerplate"], re.I, known, first, needles),
        boilerplate_short=PatternSet([p for p in short if not p.startswith("^")], re.I, known,
                                     first, needles),
        short_anchored=firstchar.FirstCharIndex([p for p in short if p.startswith("^")],
                                             known=first, needles=needles),
        short_words=int(data["short_words"]),
        byline=tuple(lazy_compile(p) for p in data["byline"]),
        byline_dated=tuple(lazy_compile(p) for p in data["byline_dated"]),
        caption=PatternSet(data["caption"], re.I, known, first, needles),
        caption_single=PatternSet(data["caption_single"], re.I, known, first, needles),
        references_heading=re.compile(data["references_heading"], re.I),
        references_inline=re.compile(data["references_inline"], re.I),
    )


_BULLET = re.compile(r"[ \t]*(?:[-*+\u2022\u2023\u25aa\u25cf\u2013\u2014]|\d{1,3}[.)])[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+\S")
_MD_DEF = re.compile(r"[ \t]{0,3}\[(\^[^\]]+|[^\]]+)\]:[ \t]*\S")
_TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")
# A line that is only comments: from "<!--" to a last "-->" (what the lazy form
# "(<!--.*?-->\s*)+" accepted, without its exponential backtracking over runs of comments)
_COMMENT_LINE = re.compile(r"[ \t]*+<!--.*-->[ \t]*+$")
# sentence-final punctuation, then closing quotes or brackets, then an optional note marker
# ("3", "[3]", "[^3]", "[^note-a]")
_TERMINAL = re.compile(
    r"[.!?\u2026:;][\"'\u201d\u2019\u00bb)\]]*(?:\d{1,3}|\[\^?[\w-]{1,20}\])?\s*$"
)


def _ends_a_sentence(body: str) -> bool:
    """Whether ``body`` ends with sentence-final punctuation, past any pictographs after it
    ("... on Tuesday. \U0001f6a2" is no heading)."""
    if _TERMINAL.search(body):
        return True
    bare = without_trailing_pictographs(body)
    return len(bare) < len(body) and _TERMINAL.search(bare) is not None


# A line ending in one of these leaves its block open for the next line.
_OPEN_ENDINGS = (",", ";", "-", "\u2013", "\u2014", "\u201c")


# ------------------------------------------------------------------------ blocks


@dataclass
class _RawBlock:
    """A block found by ``split_blocks``, before ``classify_blocks`` gives it a region."""

    start: int
    end: int
    bullet: bool = False
    heading_mark: bool = False  # markdown "#"
    definition: bool = False  # markdown "[^1]: ..." / "[x]: url"
    hint: str = ""
    reason: str = ""
    content_start: int = -1  # after the bullet/heading marker
    comment: bool = False  # a line that is only an HTML comment (e.g. a checker directive)

    @property
    def cstart(self) -> int:
        """Where the block's content starts (after a bullet or heading marker)."""
        return self.content_start if self.content_start >= 0 else self.start


def _lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` span of every line of ``text`` (newlines excluded)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _paragraphs(text: str, fmt: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines (line spans); blank lines in Markdown code fences do not split."""
    paragraphs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    in_fence = False
    for s, e in _lines(text):
        line = text[s:e]
        if fmt == "markdown" and line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not line.strip() and not in_fence:
            if cur:
                paragraphs.append(cur)
                cur = []
            continue
        cur.append((s, e))
    if cur:
        paragraphs.append(cur)
    if fmt != "text":
        return paragraphs
    return [part for para in paragraphs for part in indented_paragraphs(text, para)]


def _html_line_blocks(text: str, para: list[tuple[int, int]]) -> list[_RawBlock]:
    """One block per line: the HTML renderer already put one block per line."""
    blocks: list[_RawBlock] = []
    for s, e in para:
        blk = _RawBlock(s, e)
        bullet = _BULLET.match(text, s, e)
        if bullet:
            blk.bullet, blk.content_start = True, bullet.end()
        blocks.append(blk)
    return blocks


def _continues_block(text: str, blk: _RawBlock, line: str, wrapped: bool) -> bool:
    """Whether an unmarked ``line`` carries on block ``blk`` rather than starting a new one."""
    if blk.heading_mark or blk.comment or blk.definition and line[:1] not in " \t":
        return False
    return (
        wrapped
        or line.lstrip()[:1].islower()
        or _ends_open(text, blk.start, blk.end)
        or (blk.bullet and line[:1] in " \t")
    )


def _ends_open(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, trailing whitespace aside, ends in an ``_OPEN_ENDINGS``
    character (found from the end, without copying the block once per line)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] in _OPEN_ENDINGS


def _marked_block(
    s: int,
    e: int,
    line: str,
    bullet: re.Match[str] | None,
    heading: re.Match[str] | None | bool,
    mdef: re.Match[str] | None,
    comment: re.Match[str] | None,
) -> _RawBlock:
    """A new block for the line ``(s, e)``, flagged by the marker it starts with (if any)."""
    blk = _RawBlock(s, e)
    if bullet:
        blk.bullet = True
        blk.content_start = s + bullet.end()
    elif heading:
        blk.heading_mark = True
        blk.content_start = s + len(line) - len(line.lstrip(" \t#"))
    elif mdef:
        blk.definition = True
    elif comment:
        blk.comment = True
    return blk


def _paragraph_blocks(text: str, para: list[tuple[int, int]], fmt: str) -> list[_RawBlock]:
    """Raw blocks of one plain-text or Markdown paragraph.

    A line opening with a marker (bullet, Markdown heading, table row, link or
    footnote definition, HTML comment) starts a block; other lines join the
    block before them when it looks like the same paragraph (see
    ``_continues_block``).
    """
    markdown = fmt == "markdown"
    wrapped = markdown or hard_wrapped(text, para)
    blocks: list[_RawBlock] = []
    blk: _RawBlock | None = None
    for s, e in para:
        line = text[s:e]
        if line[:1].isalpha():  # no marker starts with a letter (most lines: no regex tried)
            bullet = heading = mdef = table = comment = None
        else:
            bullet = _BULLET.match(line)
            heading = markdown and _MD_HEADING.match(line)
            mdef = _MD_DEF.match(line)
            table = markdown and _TABLE_ROW.match(line)
            comment = _COMMENT_LINE.match(line)
        if (
            blk is not None
            and not (bullet or heading or mdef or table or comment)
            and _continues_block(text, blk, line, wrapped)
        ):
            blk.end = e
            continue
        blk = _marked_block(s, e, line, bullet, heading, mdef, comment)
        blocks.append(blk)
    return blocks


def _joins_broken_sentence(text: str, prev: _RawBlock, b: _RawBlock) -> bool:
    """Whether block ``b`` finishes a sentence that ``prev`` left open before a blank line.

    "... is no longer perceived" + blank line + "in the Middle East": ``b`` opens in
    lower case, ``prev`` has no final punctuation and at least 8 words, and neither
    is a heading, bullet or comment; nor is ``prev`` a headline (:func:`chrome.headline_shape`:
    a paragraph that opens with a brand in lower case, "j2 Global ...", is not its end).
    """
    if b.bullet or b.heading_mark or prev.heading_mark or prev.comment:
        return False
    if not text[b.cstart : b.cstart + 1].islower() or lower_byline(text[b.cstart : b.end]):
        return False
    prev_text = text[prev.start : prev.end]
    return (not _TERMINAL.search(prev_text) and word_count(prev_text) >= 8
            and not chrome.headline_shape(prev_text))


def _merge_broken_sentences(text: str, blocks: list[_RawBlock]) -> list[_RawBlock]:
    """``blocks`` with every sentence broken by a blank line joined back into one block."""
    merged: list[_RawBlock] = []
    for b in blocks:
        if merged and _joins_broken_sentence(text, merged[-1], b):
            merged[-1].end = b.end
            continue
        merged.append(b)
    return merged


def split_blocks(text: str, fmt: str) -> list[_RawBlock]:
    """Group lines into blocks: paragraphs, bullets, headings, definitions."""
    blocks: list[_RawBlock] = []
    for para in _paragraphs(text, fmt):
        if fmt == "html":
            blocks += _html_line_blocks(text, para)
        else:
            blocks += _paragraph_blocks(text, para, fmt)
    # trim trailing whitespace inside blocks; cut off a timestamp glued to a paragraph
    out: list[_RawBlock] = []
    for b in blocks:
        b.start, b.end = _trim(text, b.start, b.end)
        if not b.heading_mark and (cut := chrome.leading_dateline(text, b.cstart, b.end)) > 0:
            out.append(_RawBlock(b.start, _trim(text, b.start, cut)[1], b.bullet))
            b.start, b.content_start, b.bullet = cut, -1, False
        out.append(b)
    return _merge_broken_sentences(text, out)


_DIGIT = re.compile(r"\d")  # what ``\d`` in a byline pattern matches


def _is_byline(pats: RegionPatterns, body: str) -> bool:
    """Whether a byline pattern matches at the start of ``body`` (the dated ones, which all
    need a digit, only when ``body`` has one; each pattern compiled on its first try)."""
    return any(p.match(body) for p in pats.byline) or (
        _DIGIT.search(body) is not None and any(p.match(body) for p in pats.byline_dated)
    )


_is_title_case = chrome.title_case  # at least 60% of the long words capitalised
DECK_WORDS = 60  # a deck in bold or italics over the story has at most this many words


class _RegionClassifier:
    """Decides the region of each block of one text, walking the blocks in order.

    The boilerplate and caption pattern sets are narrowed to the text once.
    ``in_refs`` remembers that a references heading was passed: later blocks
    are references until the next heading.
    """

    def __init__(self, text: str, raw: list[_RawBlock]) -> None:
        self.text = text
        self.raw = raw
        self.pats = region_patterns()
        self.tokens = [word_tokens(text[b.cstart : b.end]) for b in raw]  # each block's words
        self.words = [len(t) for t in self.tokens]
        self.boilerplate = self.pats.boilerplate.within(text)
        short, sized = captions.short_texts(text, raw, self.words, self.pats.short_words)
        self.boilerplate_short = self.pats.boilerplate_short.within(short)
        self.caption = self.pats.caption.within(sized)
        self.caption_single = self.pats.caption_single
        self.in_refs = False
        self.bodies: list[str] = []  # each block's stripped text, as ``region`` meets it
        self.questions = chrome.question_blocks(text, raw)
        self._next_long: list[int | None] | None = None  # see ``next_long``
        self.seen_body = False  # whether a block of body text came before

    @property
    def next_long(self) -> list[int | None]:
        """Each block's next block of more than three words' word count (None if none),
        counted once per text, on the first question-shaped block."""
        if self._next_long is None:
            self._next_long = chrome.next_long_words(self.text, self.raw)
        return self._next_long

    def region(self, i: int, b: _RawBlock, hint: str) -> tuple[str, str]:
        """``(region, reason)`` for block ``i`` (``b``), given its HTML hint kind."""
        pats = self.pats
        body = self.text[b.cstart : b.end].strip()
        emphasised = False  # the whole block in bold or italics ("*An explainer by ...*")
        if "*" in body or "_" in body:
            emphasised = body[:1] in "*_" and body[-1:] in "*_" and len(body) > 2
            body = chrome.without_emphasis(body)
        self.bodies.append(body)
        if b.comment:
            return BOILERPLATE, "directive"
        if hint == "boilerplate":
            return BOILERPLATE, f"page chrome ({b.reason})"
        words = self.words[i]
        if self.boilerplate.search(body) or (
            words <= pats.short_words
            and (pats.short_anchored.match(body) or self.boilerplate_short.search(body))
        ):
            return BOILERPLATE, "page boilerplate"
        if b.definition:
            return REFERENCES, "link or footnote definition"
        if b.heading_mark or hint == "heading":
            self.in_refs = bool(pats.references_heading.match(body))
            return HEADING, "heading"
        if pats.references_heading.match(body) and words <= 4:
            self.in_refs = True
            return HEADING, "references heading"
        if pats.references_inline.match(body):
            return REFERENCES, "source list"
        if self.in_refs:
            return REFERENCES, "in references section"
        sets = (self.caption, self.caption_single, pats.short_words)
        if hint == "caption" or captions.is_caption(body, words, *sets):
            return CAPTION, "caption / photo credit"
        if hint == "byline" or (words <= 12 and _is_byline(pats, body)):
            return BYLINE, "byline or date"
        if not b.bullet:
            return self._unmarked_region(i, body, words, emphasised)
        self.seen_body = True
        return BODY, ""

    def _unmarked_region(self, i: int, body: str, words: int,
                         emphasised: bool = False) -> tuple[str, str]:
        """Body text, or a heading told only by its shape (short, unpunctuated, a question);
        a block wholly in bold or italics over the text's first paragraph of body text is its
        deck ("*An explainer by the Coastline Desk. Updated weekly.*" under the headline)."""
        if emphasised and not self.seen_body and words <= DECK_WORDS:
            return HEADING, "deck (bold or italics over the story)"
        region = self._shape_region(i, body, words)
        self.seen_body = self.seen_body or region[0] == BODY
        return region

    def _shape_region(self, i: int, body: str, words: int) -> tuple[str, str]:
        """Body text, or a heading told only by its shape (short, unpunctuated, a question)."""
        raw = self.raw
        n = len(raw)
        last = i == n - 1
        if not last and chrome.question_shape(body, words) and chrome.question_heading(
                self.text, raw, i, words, self.questions, self.next_long):
            return HEADING, "question heading"
        unpunctuated = not _ends_a_sentence(body) and not chrome.cited_sentence_end(body)
        if unpunctuated and words <= 30 and not (last and words > 8):
            if words <= 14 or i < 4 or _is_title_case(body):
                return HEADING, "title or heading (no final punctuation)"
        return BODY, ""


def classify_blocks(
    text: str,
    raw: list[_RawBlock],
    fmt: str,
    hints: list[tuple[int, int, str, str]] | None = None,
    words: dict[int, list[str]] | None = None,
    links: list[Link] | None = None,
) -> list[Block]:
    """Give every raw block its region (body, heading, byline, ...) and the reason why.

    ``hints`` are the HTML renderer's ``(start, end, kind, reason)`` region hints.
    ``fmt`` is accepted for the callers' sake; the decisions do not depend on it.
    ``words``, when given, receives the words of every block, counted on the way
    (block index -> ``word_tokens`` of its content). ``links`` are the markup's links (their
    anchor texts tell a list of links from a list in the story).
    """
    classifier = _RegionClassifier(text, raw)
    if words is not None:
        words.update(enumerate(classifier.tokens))
    regions: list[tuple[str, str]] = []
    which = block_hints(raw, hints) if hints else [-1] * len(raw)
    for i, b in enumerate(raw):
        hint = ""
        if which[i] >= 0:
            _, _, hint, b.reason = hints[which[i]]  # type: ignore[index]
        regions.append(classifier.region(i, b, hint))
    mark_runs(text, raw, regions, classifier.words, classifier.bodies,
              [(link.start, link.end) for link in links or ()])
    chrome_bio.mark_trailing_chrome(text, raw, regions, _TERMINAL)
    if len(raw) >= 6:  # a page, not a draft: the learned line model (its MIN_BLOCKS) may add chrome
        from checker.text import line_model

        line_model.mark_chrome(text, [(b.start, b.end) for b in raw], regions, BOILERPLATE)
        # the end's chrome again: a bio over share buttons that only the line model told
        chrome_bio.mark_trailing_chrome(text, raw, regions, _TERMINAL)
    return [
        Block(i, b.start, b.end, region, b.bullet, reason)
        for i, (b, (region, reason)) in enumerate(zip(raw, regions, strict=True))
    ]


# ------------------------------------------------------------------------ public


def segment(
    text: str,
    path: str = "<text>",
    fmt: str = "text",
    links: list[Link] | None = None,
    hints: list[tuple[int, int, str, str]] | None = None,
    bullets: list[tuple[int, int]] | None = None,
    source_offsets: tuple[tuple[int, int], ...] = (),
    source_line_starts: tuple[int, ...] = (0,),
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
    source: str = "",
) -> Document:
    """Split ``text`` into blocks and sentences and wrap it, with what the loader found,
    in a Document.

    ``hints`` and ``bullets`` come from the HTML renderer (region hints; spans of
    list items); the other arguments are stored on the Document as they are.
    """
    raw = split_blocks(text, fmt)
    mark_bullets(raw, bullets or [])
    block_words: dict[int, list[str]] = {}
    blocks = classify_blocks(text, raw, fmt, hints, block_words, links)
    doc = Document(
        path=path,
        text=text,
        format=fmt,
        blocks=tuple(blocks),
        links=tuple(links or ()),
        warnings=tuple(warnings),
        encoding=encoding,
        source_offsets=source_offsets,
        source_line_starts=source_line_starts,
        source=source,
    )
    sentences: list[Sentence] = []
    body_words: list[str] = []
    for blk, rb in zip(blocks, raw, strict=True):
        if blk.region in (HEADING, BYLINE, CAPTION, BOILERPLATE) or rb.definition:
            spans = [_trim(text, rb.cstart, blk.end)]
        else:
            spans = split_sentences(text, rb.cstart, blk.end)
        body = blk.region == BODY
        if not body:
            marked = [(*sp, False) for sp in spans]
        else:  # a caption glued into the paragraph is marked; the words are its sentences'
            marked = list(captions.glued_captions(text, spans))
            if any(glued for _, _, glued in marked):  # the block's words less its captions'
                body_words += [w for s, e, g in marked if not g for w in word_tokens(text[s:e])]
            else:
                body_words += block_words[blk.index]
        for s, e, glued in marked:
            if e <= s:
                continue
            line, col = doc.line_col(s)
            region = CAPTION if glued else blk.region
            sentences.append(
                Sentence(len(sentences), s, e, text[s:e], blk.index, region, line, col)
            )
    doc = replace(doc, sentences=tuple(sentences))
    vars(doc)["body_words"] = body_words  # Document.body_words, from the blocks' words
    return doc
