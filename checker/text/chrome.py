"""Shape tests the segmenter uses to tell headings and page chrome from article prose.

The patterns of page chrome are data (``lexicons/boilerplate.json``); what is here are the
tests that look at a block's shape and neighbours rather than its words:

- a **question heading** ("What are the new rules?") is a short question standing alone,
  followed by a longer paragraph, in a text that has at least two of them (an explainer's
  sections), or a short one in title case. A lone question paragraph in running prose
  ("Why?", "Is the party already united?") is the author's rhetoric and stays body text,
  and so do an interview's questions ("Q: ...", "RAMOS: ...") and quoted questions;
- a **leading dateline** ("date 2024-01-28", "Published: 3 March 2024 10:42") glued to
  the start of a paragraph is cut off into a block of its own (a byline);
- a **chrome fragment** is a short, unpunctuated block ("Trusted Mideast"): the pieces a
  page's promotional banner is broken into (:func:`broken_banner`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "date 2024-01-28", "Published: 3 March 2024 10:42 GMT", "Updated Jan. 5, 2024": a timestamp
# glued to the start of a paragraph by a scraper that flattened the page
_LEADING_DATELINE = re.compile(
    r"(?i:date|dated|published|posted|updated|last updated|first published)\s*[:\-\u2013]?\s*"
    r"(?i:\d{4}-\d{2}-\d{2}|" + _MONTH + r"\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH
    + r"\.?,?\s+\d{4})"
    r"(?:[ ,T]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"[ \t]*[|\u2013\u2014-]?[ \t]+(?=[A-Z\"\u201c])"
)
QUESTION_HEADING_WORDS = 12  # a question heading has at most this many words
# "Q:", "A.", "RAMOS:", "Sen. Smith:" at the start: a speaker's turn in an interview
_SPEAKER_LABEL = re.compile(r"[A-Z][\w.'\u2019 -]{0,30}:\s|[QA][.:)]?\s|Q\S")
_OPENING_QUOTE = "\"'\u201c\u2018\u00ab-\u2013\u2014("
_INNER_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")


class Span(Protocol):
    """A block as these tests see it: where its content starts and where it ends."""

    end: int

    @property
    def cstart(self) -> int: ...


def leading_dateline(text: str, start: int, end: int) -> int:
    """Where the text of a block ``text[start:end]`` starts after a timestamp glued to its
    start ("date 2024-01-28 PARIS: The ..."), or -1 when it does not start with one."""
    m = _LEADING_DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else -1


def question_shape(body: str, words: int) -> bool:
    """Whether ``body`` (a whole block) could be a question heading by its own shape: one
    short question, not a quotation and not an interview turn."""
    if not body.endswith("?") or not 1 <= words <= QUESTION_HEADING_WORDS:
        return False
    if body[0] in _OPENING_QUOTE or _SPEAKER_LABEL.match(body):
        return False
    return not _INNER_END.search(body)


def question_blocks(text: str, raw: Sequence[Span]) -> int:
    """How many blocks of ``text`` are a question of heading shape."""
    n = 0
    for b in raw:
        if text[b.end - 1 : b.end] == "?":
            body = text[b.cstart : b.end].strip()
            n += question_shape(body, len(_WORD.findall(body)))
    return n


def followed_by_longer(text: str, raw: Sequence[Span], i: int, words: int) -> bool:
    """Whether the next block of more than three words (short page chrome such as "Hide Ad"
    passed over) has more words than block ``i``'s ``words``."""
    for b in raw[i + 1 :]:
        n = len(_WORD.findall(text[b.cstart : b.end]))
        if n > 3:
            return n > words
    return False


def chrome_fragment(text: str, start: int, end: int, max_words: int = 4) -> bool:
    """Whether ``text[start:end]`` is a short piece of a banner: at most ``max_words`` words,
    no final punctuation."""
    body = text[start:end].rstrip()
    return len(_WORD.findall(body)) <= max_words and body[-1:] not in ".!?:;\"'\u201d\u2019)"


def broken_banner(text: str, raw: Sequence[Span], i: int) -> bool:
    """Whether block ``i`` is the end of a banner broken into pieces ("Trusted Mideast" /
    "News source."): the block before it is a chrome fragment, or its own first line is one
    and more lines follow ("We are on the" / "front lines."). A short sentence after a
    paragraph of prose ("Pure propaganda.") is not."""
    blk = raw[i]
    line_end = text.find("\n", blk.cstart, blk.end)
    if line_end >= 0 and chrome_fragment(text, blk.cstart, line_end):
        return True
    return i > 0 and chrome_fragment(text, raw[i - 1].cstart, raw[i - 1].end)
