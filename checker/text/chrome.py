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
- a **chrome fragment** is a short, unpunctuated block ("Fearless Valley"): the pieces a
  page's promotional banner is broken into (:func:`broken_banner`);
- a **headline** in headline case (:func:`headline_shape`).

The other concerns live beside it: photo captions and credits in :mod:`checker.text.captions`,
a contributor's bio and the chrome ending a text in :mod:`checker.text.chrome_bio`, chrome told
by its neighbours in :mod:`checker.text.chrome_runs`, and the first-character index of the
anchored patterns in :mod:`checker.text.firstchar` (re-exported here).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from checker.core.regexlit import lazy_compile
from checker.core.words import WORD as _CORE_WORD
from checker.text.firstchar import FirstCharIndex, first_chars

__all__ = ["MONTH", "WORD", "FirstCharIndex", "RawBlock", "Span", "first_chars"]

MONTH = (  # a month name or its abbreviation, lower case (use under re.I)
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "date 2024-01-28", "Published: 3 March 2024 10:42 GMT", "Updated Jan. 5, 2024": a timestamp
# glued to the start of a paragraph by a scraper that flattened the page
_DATE_LABELS = ("date", "dated", "published", "posted", "updated", "last updated",
                "first published")
_LEADING_DATELINE = lazy_compile(
    r"(?i:" + "|".join(_DATE_LABELS) + r")\s*[:\-\u2013]?\s*"
    r"(?i:\d{4}-\d{2}-\d{2}|" + MONTH + r"\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + MONTH
    + r"\.?,?\s+\d{4})"
    r"(?:[ ,T]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"[ \t]*[|\u2013\u2014-]?[ \t]+(?=[A-Z\"\u201c])"
)
# a stock quote glued to the start of a paragraph: "NYSE: ACM 45.20 +1.35 Acme Corp said ..."
_EXCHANGES = ("NYSE", "NASDAQ", "Nasdaq", "AMEX", "LSE", "TSX", "TSXV", "ASX", "HKEX", "SGX",
              "OTC", "OTCQX", "OTCQB", "Euronext", "XETRA")
_LEADING_TICKER = lazy_compile(
    r"\(?(?:" + "|".join(_EXCHANGES) + r")"
    r"\s*:\s*[A-Z][A-Z0-9.\-]{0,6}\)?(?:\s*[-+$\u20ac\u00a3\u25b2\u25bc]?\s*\d[\d,.]*\s*%?"
    r"|\s*\(\s*[-+]?\d[\d,.]*\s*%?\s*\)){1,4}[ \t]+(?=[A-Z\"\u201c])"
)
# a sentence closed by a bracketed source list: "... leads in Indiana. [Courier, Gazette]"
_CITED_END = lazy_compile(r"[.!?][\"'\u201d\u2019]?\s*\[[^\[\]\n]{1,80}\]\.?\s*$")
QUESTION_HEADING_WORDS = 12  # a question heading has at most this many words
# "Q:", "A.", "RAMOS:", "Sen. Smith:" at the start: a speaker's turn in an interview
_SPEAKER_LABEL = lazy_compile(r"[A-Z][\w.'\u2019 -]{0,30}:\s|[QA][.:)]?\s|Q\S")
_OPENING_QUOTE = "\"'\u201c\u2018\u00ab-\u2013\u2014("
_INNER_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[A-Z]")
WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")  # a word, as blocks count them
_WORD = WORD


class Span(Protocol):
    """A block as these tests see it: where its content starts and where it ends."""

    end: int

    @property
    def cstart(self) -> int: ...


class RawBlock(Span, Protocol):
    """A block before its region is final: also whether it is a bullet or a comment."""

    bullet: bool
    comment: bool


# Markdown emphasis around words ("**By Jane Roe**", "_Published 3 May 2024_", "By **Jane
# Roe**"): the marks, not the underscores inside a word or a handle ("@jane_roe")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")


def without_emphasis(body: str) -> str:
    """``body`` without the Markdown emphasis marks around its words, for the region tests
    (a byline, caption or bio in bold or italics is one all the same); ``body`` itself when
    nothing but marks would be left (a rule drawn with underscores)."""
    if "*" not in body and "_" not in body:
        return body
    return _EMPHASIS.sub("", body).strip() or body


def headline_shape(body: str) -> bool:
    """Whether ``body`` is one line in headline case: nearly every word of more than three
    letters capitalised (all but one in ten; "Acme Reports Fourth Quarter Results and Raises
    Outlook"). A line of prose broken by a blank line has lower-case words among its names
    ("The agreement between the Federal Reserve Bank of New York and the")."""
    if "\n" in body.strip():
        return False
    words = [w for w in _WORD.findall(body) if len(w) > 3 and not w[0].isdigit()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.9 * len(words)


# a quote widget's ticker left on a line of its own inside a sentence ("Oracle / ORCL, /
# shares fell ..."): one upper-case symbol and a comma, the sentence going on in lower case
_TICKER_LINE = re.compile(r"[A-Z]{2,5}(?:\.[A-Z]{1,2})?,[ \t]*\n(?=[a-z])")


def leading_dateline(text: str, start: int, end: int) -> int:
    """Where the text of a block ``text[start:end]`` starts after a timestamp, a stock quote
    or a ticker's line glued to its start ("date 2024-01-28 PARIS: The ...", "NYSE: ACM 45.20
    +1.35 Acme ...", "ORCL,\nshares fell ..."), or -1 when it does not start with one."""
    m = None
    head = text[start : start + 16]  # the longest label is 15 characters
    # a timestamp opens with a label, a quote with an exchange's name: a block that opens
    # with neither is not run against (nor compiles) their patterns. Case-insensitive labels
    # are compared in lower case, in ASCII (lower() of other letters is not re.I's folding)
    if not head.isascii() or head.lower().startswith(_DATE_LABELS):
        m = _LEADING_DATELINE.match(text, start, end)
    if m is None and text.startswith(_EXCHANGES, start + text.startswith("(", start)):
        m = _LEADING_TICKER.match(text, start, end)
    m = m or _TICKER_LINE.match(text, start, end)
    return m.end() if m and m.end() < end else -1


def sentence_count(body: str) -> int:
    """How many sentences ``body`` holds, by its inner sentence ends (a full stop, question or
    exclamation mark and a capital after it)."""
    return len(_INNER_END.findall(body)) + 1


def one_sentence(body: str) -> bool:
    """Whether ``body`` holds no sentence end before its last one."""
    return not _INNER_END.search(body)


def cited_sentence_end(body: str) -> bool:
    """Whether ``body`` ends with a full sentence followed by a bracketed list of its
    sources (a roundup's item, not a heading without final punctuation)."""
    return body.endswith(("]", "].")) and bool(_CITED_END.search(body))


def question_shape(body: str, words: int) -> bool:
    """Whether ``body`` (a whole block) could be a question heading by its own shape: one
    short question, not a quotation and not an interview turn."""
    if not body.endswith("?") or not 1 <= words <= QUESTION_HEADING_WORDS:
        return False
    if body[0] in _OPENING_QUOTE or _SPEAKER_LABEL.match(body):
        return False
    return not _INNER_END.search(body)


def question_blocks(text: str, raw: Sequence[Span]) -> int:
    """How many blocks of ``text`` are a question of heading shape and at least three words
    ("Why?" and "Come again?" are rhetoric, not an explainer's sections)."""
    n = 0
    for b in raw:
        if text[b.end - 1 : b.end] == "?":
            body = text[b.cstart : b.end].strip()
            words = len(_WORD.findall(body))
            n += words >= 3 and question_shape(body, words)
    return n


def title_case(text: str) -> bool:
    """Whether at least 60% of the words longer than 3 letters are capitalised (or numbers)."""
    words = [w for w in _CORE_WORD.findall(text) if len(w) > 3]
    if not words:
        return True
    return sum(w[0].isupper() or w[0].isdigit() for w in words) / len(words) >= 0.6


def title_case_after_first(text: str) -> bool:
    """Whether ``text`` is in title case past its first word, which is capitalised in any
    sentence: nearly every word of more than three letters (nine in ten) capitalised. A lone
    short question is a heading when written as one ("What Went Wrong?"), not when names make
    up most of its capitals ("What was Jane Roe's answer on Twitter?")."""
    words = [w for w in _CORE_WORD.findall(text)[1:] if len(w) > 3]
    return bool(words) and sum(w[0].isupper() or w[0].isdigit() for w in words) >= 0.9 * len(
        words)


def question_heading(text: str, raw: Sequence[Span], i: int, words: int, questions: int,
                     next_long: Sequence[int | None]) -> bool:
    """Whether a short question standing alone (block ``i`` of ``raw``, not the last, of
    ``words`` words; :func:`question_shape`) heads a section. In an explainer (``questions``,
    from :func:`question_blocks`, two or more): one of three words or more ("Why?" and "Come
    again?" are rhetoric) that is not one of a series (the next paragraph asking another);
    else a question in title case (:func:`title_case_after_first`; the text's first block, its
    headline, by :func:`title_case`). Followed by a longer paragraph, or in an explainer by
    nothing but short chrome (``next_long`` from :func:`next_long_words`)."""
    body = text[raw[i].cstart : raw[i].end].strip()[:-1]
    nxt = raw[i + 1]
    explainer = questions >= 2 and words >= 3 and text[nxt.end - 1 : nxt.end] != "?"
    titled = (title_case(body) if i == 0
              else words <= 8 and title_case_after_first(body))
    return ((explainer or titled) and followed_by_longer(next_long, i, words)
            or explainer and nothing_longer_after(next_long, i))


def next_long_words(text: str, raw: Sequence[Span]) -> list[int | None]:
    """For each block of ``text``, the word count of the next later block of more than three
    words (short page chrome such as "Hide Ad" passed over), or None when no such block
    follows. Computed once per document, walking back from the end, so the question-heading
    checks below take constant time per block."""
    out: list[int | None] = [None] * len(raw)
    nxt: int | None = None
    for i in range(len(raw) - 1, -1, -1):
        out[i] = nxt
        b = raw[i]
        n = len(_WORD.findall(text[b.cstart : b.end]))
        if n > 3:
            nxt = n
    return out


def followed_by_longer(next_long: Sequence[int | None], i: int, words: int) -> bool:
    """Whether the next block of more than three words after block ``i`` (``next_long``
    from :func:`next_long_words`) has more words than block ``i``'s ``words``."""
    n = next_long[i]
    return n is not None and n > words


def nothing_longer_after(next_long: Sequence[int | None], i: int) -> bool:
    """Whether only short page chrome ("Hide Ad", "Advertisement") follows block ``i``: no
    later block has more than three words (``next_long`` from :func:`next_long_words`). In
    an explainer of question headings, a question there is the heading of a section the page
    cut off, not the author's closing question."""
    return next_long[i] is None


def chrome_fragment(text: str, start: int, end: int, max_words: int = 4) -> bool:
    """Whether ``text[start:end]`` is a short piece of a banner: at most ``max_words`` words,
    no final punctuation."""
    body = text[start:end].rstrip()
    return len(_WORD.findall(body)) <= max_words and body[-1:] not in ".!?:;\"'\u201d\u2019)"


def broken_banner(text: str, raw: Sequence[Span], i: int) -> bool:
    """Whether block ``i`` is the end of a banner broken into pieces ("Fearless Valley" /
    "Newsroom today."): the block before it is a chrome fragment, or its own first line is one
    and more lines follow ("We are on the" / "front lines."). A short sentence after a
    paragraph of prose ("Pure propaganda.") is not."""
    blk = raw[i]
    line_end = text.find("\n", blk.cstart, blk.end)
    if line_end >= 0 and chrome_fragment(text, blk.cstart, line_end):
        return True
    return i > 0 and chrome_fragment(text, raw[i - 1].cstart, raw[i - 1].end)
