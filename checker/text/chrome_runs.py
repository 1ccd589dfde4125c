"""Page chrome told by a block's neighbours rather than its own words.

:mod:`checker.text.chrome` tests one block at a time; what is here looks at runs of blocks
and at the whole page, after every block has its first region:

- an **embedded post** (a tweet as a scraper flattens it): its text, then a signature line
  "— Jane Roe (@janeroe) May 3, 2024", or one block that holds both, or a
  "pic.twitter.com/..." link;
- a **list of teasers**: two or more blocks in a row cut off with "..." (the first lines of
  other stories, "GENEVA: Rights experts warned on Monday that...");
- a **related-link list** after its label ("Related articles", "More from Politics",
  "Promoted articles"): the short blocks that follow it, even when they are full sentences;
- **summary bullets** under a headline, before the story's first paragraph;
- a **headline** with no final punctuation that its byline or timestamp follows;
- a **repeated block**: a title printed twice in a row, or a photo caption that repeats a
  sentence of the story;
- a **contributor's line** by the byline ("Jane Roe covers science for the Gazette.").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from checker.core.document import BODY, BOILERPLATE, BYLINE, CAPTION, HEADING
from checker.core.regexlit import lazy_compile
from checker.text.chrome import RawBlock, headline_shape, one_sentence, trailing_bio

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_POST_DATE = (
    rf"(?i:{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\.?,?\s+\d{{4}})"
)
# "— Jane Roe (@janeroe) May 3, 2024": who posted it, their handle and the date
_SIGNATURE = (rf"[\u2014\u2013-]{{1,2}}\s*[^\n()]{{1,60}}\(@\w{{1,15}}\)\s*"
              rf"(?:on\s+)?(?:{_POST_DATE})?")
_SIGNATURE_LINE = lazy_compile(_SIGNATURE + r"\s*")
_POST_END = lazy_compile(
    r"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)|[\u2014\u2013]\s*[^\n()]{1,60}\(@\w{1,15}\)\s+"
    + _POST_DATE + r"\s*$"
)
_TRUNCATED = ("...", "\u2026", "[\u2026]", "[...]")
# the label of a list of links to other stories
_LIST_LABEL = lazy_compile(
    r"(?i:related(?: (?:articles?|stories|news|posts|content|coverage|links|reading|topics"
    r"|videos?))?"
    r"|more (?:stories|news|articles|headlines|from\b[^\n]{1,40}|on\b[^\n]{1,40}|in\b[^\n]{1,40}"
    r"|like this|to read)|read (?:more|next|also)|also read|see also|other news|in other news"
    r"|recommended(?: (?:for you|stories|articles|reading))?"
    r"|you (?:may|might) also (?:like|enjoy|be interested in)"
    r"|(?:latest|top|trending|popular|most (?:read|popular|viewed|shared))"
    r"(?: (?:news|stories|articles|headlines|now|videos?))?"
    r"|promoted (?:articles|stories|content)|editors?'?\u2019?s? picks?|around the web"
    r"|from (?:our|the) partners|what to read next|don'?\u2019?t miss)\s*[:\u00bb>|\u2192]?\s*"
)
LIST_ITEM_WORDS = 25  # an item of a related-link list (a headline, or one short sentence)
SUMMARY_WORDS = 45  # a summary bullet
REPEAT_DISTANCE = 3  # a caption stands at most this many blocks from the text it repeats
_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")


def _body(text: str, b: RawBlock) -> str:
    return text[b.cstart : b.end].strip()


def _open(regions: list[tuple[str, str]], i: int) -> bool:
    """Whether block ``i`` is still read as text (or as a heading of its own shape)."""
    return regions[i][0] in (BODY, HEADING)


def _mark(regions: list[tuple[str, str]], i: int, region: str, reason: str) -> None:
    regions[i] = (region, reason)


def _posts(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
           words: Sequence[int]) -> None:
    """Embedded posts: a signature line and the text before it, or a block ending in one."""
    for i, b in enumerate(raw):
        if not _open(regions, i):
            continue
        body = _body(text, b)
        whole = text[b.start : b.end].strip()  # with the dash a bullet marker would take
        if "(@" in body and _SIGNATURE_LINE.fullmatch(whole):
            _mark(regions, i, BOILERPLATE, "embedded post")
            if i > 0 and _open(regions, i - 1) and words[i - 1] <= 80:
                _mark(regions, i - 1, BOILERPLATE, "embedded post")
        elif words[i] <= 100 and ("t.co/" in body or "twitter.com/" in body or "(@" in body):
            if _POST_END.search(body):
                _mark(regions, i, BOILERPLATE, "embedded post")


def _teasers(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
             words: Sequence[int]) -> None:
    """Runs of two or more blocks cut off with an ellipsis: other stories' first lines."""
    run: list[int] = []
    for i in range(len(raw) + 1):
        if i < len(raw) and _open(regions, i) and words[i] <= 60 and _body(
                text, raw[i]).endswith(_TRUNCATED):
            run.append(i)
            continue
        if i < len(raw) and run and regions[i][0] in (BYLINE, CAPTION, BOILERPLATE):
            continue  # a timestamp or credit between two teasers
        if len(run) >= 2:
            for k in run:
                _mark(regions, k, BOILERPLATE, "list of teasers")
        run = []


def _link_lists(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
                words: Sequence[int]) -> None:
    """The short blocks after a related-link list's label ("Related articles")."""
    i = 0
    while i < len(raw):
        if regions[i][0] == BOILERPLATE and words[i] <= 6 and _LIST_LABEL.fullmatch(
                _body(text, raw[i])):
            j = i + 1
            while (j < len(raw) and j - i <= 15 and _open(regions, j)
                   and words[j] <= LIST_ITEM_WORDS and one_sentence(_body(text, raw[j]))):
                _mark(regions, j, BOILERPLATE, "related-link list")
                j += 1
            i = j
        else:
            i += 1


def _prose_before(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
                  i: int) -> bool:
    """Whether a paragraph of the story (body text ending a sentence, not a bullet) comes
    before block ``i``."""
    return any(regions[k][0] == BODY and not raw[k].bullet and _TERMINAL.search(
        _body(text, raw[k])) for k in range(i))


def _headline_like(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
                   words: Sequence[int], i: int) -> bool:
    """Whether block ``i`` is a heading, or body text shaped like a headline (short, with no
    final punctuation)."""
    if regions[i][0] == HEADING:
        return True
    return (regions[i][0] == BODY and words[i] <= 30
            and not _TERMINAL.search(_body(text, raw[i])))


def _previous_open(regions: list[tuple[str, str]], i: int) -> int:
    """The nearest block before ``i`` that is body text or a heading (-1 if none)."""
    k = i - 1
    while k >= 0 and regions[k][0] in (BYLINE, CAPTION, BOILERPLATE):
        k -= 1
    return k


def _summaries(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
               words: Sequence[int]) -> None:
    """Summary bullets under a headline (of five words or more: "Facts" or "Key dates" over
    a list is a section's heading), before the story's first paragraph (a one-sentence
    standfirst is left to be read: the labelled real news counts it as the story's)."""
    n = len(raw)
    i = 0
    while i < n:
        if regions[i][0] != BODY:
            i += 1
            continue
        run_end = i
        while run_end < n and raw[run_end].bullet and regions[run_end][0] == BODY and (
                words[run_end] <= SUMMARY_WORDS):
            run_end += 1
        head = _previous_open(regions, i)
        under_headline = (head >= 0 and not raw[head].bullet and words[head] >= 5
                          and _headline_like(text, raw, regions, words, head)
                          and not _prose_before(text, raw, regions, head))
        if run_end > i and under_headline and run_end - i <= 6:
            for k in range(i, run_end):
                _mark(regions, k, HEADING, "summary bullets")
            if regions[head][0] == BODY:
                _mark(regions, head, HEADING, "headline")
            i = run_end
            continue
        i += 1


def _headlines(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
               words: Sequence[int]) -> None:
    """A short block with no final punctuation that a byline or timestamp follows."""
    for i in range(len(raw) - 1):
        if (regions[i][0] == BODY and regions[i + 1][0] == BYLINE and words[i] <= 20
                and not _TERMINAL.search(_body(text, raw[i]))):
            _mark(regions, i, HEADING, "headline")


def _title_case_headlines(text: str, raw: Sequence[RawBlock],
                          regions: list[tuple[str, str]], words: Sequence[int]) -> None:
    """A line in headline case ("Work Rules Exempt the Frail. Deciding Who Qualifies Is
    Hard."), read as body text for its full stops, with no body text next to it (a list of
    names in a story, "Trump has won Georgia, Virginia, Alabama", is not one)."""
    last = len(raw) - 1
    for i, b in enumerate(raw):
        if regions[i][0] == BODY and not b.bullet and words[i] <= 20 and headline_shape(
                _body(text, b)) and (i == 0 or regions[i - 1][0] != BODY) and (
                i == last or regions[i + 1][0] != BODY):
            _mark(regions, i, HEADING, "headline")


def _repeats(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
             words: Sequence[int]) -> None:
    """A title printed twice in a row, and a caption that repeats a sentence of the story
    nearby: the copy standing alone as a block, where the other is inside a longer
    paragraph (two copies standing alone, apart, are left as they are: a refrain)."""
    starts = [b.cstart for b in raw]
    for i, b in enumerate(raw):
        if not (_open(regions, i) and 4 <= words[i] <= 60) or b.bullet or not one_sentence(
                _body(text, b)):
            continue
        body = _body(text, b)
        pos = text.find(body)
        other = text.find(body, b.end) if pos >= b.cstart else pos
        if other < 0:
            continue
        j = bisect_right(starts, other) - 1
        if j == i or j < 0 or abs(j - i) > REPEAT_DISTANCE or not _open(regions, j):
            continue  # far apart: a live blog's entries repeat its running totals
        if abs(j - i) == 1 and _body(text, raw[j]) == body:
            _mark(regions, i, HEADING, "repeated title")
            _mark(regions, j, HEADING, "repeated title")
        elif regions[i][0] == BODY and regions[j][0] == BODY and len(
                _body(text, raw[j])) > len(body):
            _mark(regions, i, CAPTION, "caption repeating the text")


def _contributor_lines(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
                       words: Sequence[int]) -> None:
    """A contributor's bio next to the byline, before the story's first paragraph."""
    for i, b in enumerate(raw):
        if regions[i][0] != BODY or words[i] > 60:
            continue
        near_byline = (i > 0 and regions[i - 1][0] == BYLINE
                       or i + 1 < len(raw) and regions[i + 1][0] == BYLINE)
        if near_byline and trailing_bio(_body(text, b)):
            _mark(regions, i, BOILERPLATE, "contributor bio")


def mark_runs(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
              words: Sequence[int]) -> None:
    """Relabel, in place, the page chrome told by its neighbours (see the module's doc)."""
    if len(raw) < 2:
        return
    _posts(text, raw, regions, words)
    _teasers(text, raw, regions, words)
    _link_lists(text, raw, regions, words)
    _repeats(text, raw, regions, words)
    _summaries(text, raw, regions, words)
    _headlines(text, raw, regions, words)
    _title_case_headlines(text, raw, regions, words)
    _contributor_lines(text, raw, regions, words)
