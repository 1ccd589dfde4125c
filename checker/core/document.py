"""The document model: one immutable text with character-offset spans.

Everything downstream (rules, scorer, reports) points into ``Document.text`` by
character offsets, as spaCy's ``Doc``/``Span`` do. ``Document.line_col`` maps an
offset back to a 1-based line and column in the *original file*, which for HTML
differs from the extracted text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from checker.core.words import word_tokens

# Region kinds. Only "body" text is analysed for claims and hedges; the rest is
# kept so that reports can show what was skipped and why.
BODY = "body"
HEADING = "heading"  # titles, section headings (no final punctuation, short)
BYLINE = "byline"  # "BY Jane Doe", dates standing alone, datelines
CAPTION = "caption"  # photo captions and credits
BOILERPLATE = "boilerplate"  # site chrome: cookie notices, subscribe, comments...
REFERENCES = "references"  # source lists / reference sections ("Sources: 1AP, 2CNN")
REGION_KINDS = (BODY, HEADING, BYLINE, CAPTION, BOILERPLATE, REFERENCES)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in ``Document.text``."""

    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading, bullet or other line group, with its region kind."""

    index: int
    start: int
    end: int
    region: str
    bullet: bool = False
    reason: str = ""  # why a non-body region was chosen (shown in reports)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its offsets into the document text, its block and region."""

    index: int
    start: int
    end: int
    text: str
    block: int
    region: str
    line: int  # 1-based, in the original file
    column: int  # 1-based, in the original file


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink found in HTML or Markdown; ``start/end`` cover its anchor text."""

    start: int
    end: int
    url: str


@dataclass(frozen=True)
class Document:
    """A loaded, segmented article.

    ``text`` is what the rules read. For ``.txt`` and ``.md`` it is the file's
    text verbatim (after decoding); for HTML it is the extracted text, and
    ``source_offsets`` maps text offsets back to the decoded source.
    """

    path: str
    text: str
    format: str  # "text", "markdown", "html"
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    links: tuple[Link, ...] = ()
    warnings: tuple[str, ...] = ()
    encoding: str = "utf-8"
    # Sorted breakpoints: text offset -> source offset (identity when empty).
    source_offsets: tuple[tuple[int, int], ...] = ()
    source_line_starts: tuple[int, ...] = field(default=(0,), repr=False)
    # The decoded file when ``text`` was extracted from it (HTML); "" when ``text`` is the file.
    source: str = field(default="", repr=False)

    def source_offset(self, offset: int) -> int:
        if not self.source_offsets:
            return offset
        i = bisect.bisect_right(self._offset_keys, offset) - 1
        if i < 0:
            return offset
        text_off, src_off = self.source_offsets[i]
        return src_off + (offset - text_off)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset in the original file."""
        src = self.source_offset(offset)
        i = bisect.bisect_right(self.source_line_starts, src) - 1
        return i + 1, src - self.source_line_starts[i] + 1

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """The sentences in body text (the regions the families analyse), in order."""
        return tuple(s for s in self.sentences if s.region == BODY)

    @cached_property
    def body_words(self) -> list[str]:
        """The words (:func:`checker.core.words.word_tokens`) of the body sentences, in
        order: what the word count and readability are measured on. The segmenter fills
        it in from the words it counted while classifying the blocks; a document built
        otherwise counts them here, once."""
        return word_tokens(" ".join(s.text for s in self.sentences if s.region == BODY))

    @cached_property
    def _offset_keys(self) -> list[int]:
        return [k for k, _ in self.source_offsets]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(
            self.sentences[i].end, self.sentences[i].start + 1
        ):
            return self.sentences[i]
        return None

    @property
    def name(self) -> str:
        return self.path
