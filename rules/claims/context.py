"""When a check-worthy sentence is still not an *unsourced* claim: its form and the genre.

The claim model scores what a sentence says; whether the author owes the reader a source for
it also depends on what kind of sentence it is and what kind of text it sits in:

- a question asks and an imperative tells the reader what to do: neither asserts a fact;
- a sentence that is (mostly) a direct quotation is the speaker's, not the author's (a
  quotation with no speaker is the attribution family's ``unattributed-quote``);
- photo captions and credits ("X looks on during ...", "(Photo: ...)") and fragments of
  fewer than four words (datelines, labels, list stubs) are page furniture;
- in opinion pieces and editorials, the author's argument, predictions and value judgements
  (first person, "should", "must", "will", evaluative words) are the point of the piece, not
  claims to source; factual statements there are still checked;
- in research text, the authors' own methods and findings ("we found", "our results", "this
  study") are their results, not unsourced claims;
- a sentence that credits its content to an unnamed source through an agentless reporting
  passive ("X is thought to ...", "it is believed that ...", "reportedly") *is* attributed,
  vaguely: that is a vague-attribution problem (and the hedging family's cue), not an
  unsourced claim.

An imperative is recognised after a leading conjunction too ("And don't ...", "So take ...").

:func:`exemption` names the reason, or returns ``""`` when the sentence may be an unsourced
claim. The patterns are compiled on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

QUESTION = "question"
IMPERATIVE = "imperative"
QUOTATION = "quotation"
CAPTION = "caption"
FRAGMENT = "fragment"
ARGUMENT = "opinion"  # argument, prediction or value judgement in an opinion piece
OWN_RESULT = "authors' own result"
VAGUE = "vaguely attributed"

OPINION_GENRES = frozenset({"opinion"})
RESEARCH_GENRES = frozenset({"research"})

_CLOSERS = " \t\r\n\"'”’)]»"
_OPENERS = "\"“‘'«„"
_LEAD = " \t•*-–—·>\"“‘'«„("

# Base-form verbs that open an imperative addressed to the reader.
_IMPERATIVE_VERBS = (
    "avoid|book|bring|call|check|choose|click|consider|contact|download|email|find|follow|"
    "get|go|imagine|join|keep|learn|listen|look|make|note|order|please|read|register|"
    "remember|see|share|shop|sign|simply|just|subscribe|take|tell|try|turn|visit|watch|"
    "don't|don’t|do not|let's|let’s"
)
# Conjunctions and adverbs that may open an imperative ("And don't ...", "So, take ...").
_IMPERATIVE_OPENERS = r"(?:and|but|so|or|now|then|also|instead|first|finally)\s*,?\s+"
# Agentless reporting passives: the content is credited to someone unnamed.
_REPORTING = "thought|believed|said|reported|understood|alleged|rumou?red|claimed"

def _may_be_vague(text: str) -> bool:
    """A cheap test before the pattern: every match contains one of these words."""
    t = text.casefold()
    return ("said" in t or "report" in t or "thought" in t or "believed" in t or "alleged" in t
            or "understood" in t or "claimed" in t or "rumo" in t or "purported" in t)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        IMPERATIVE: re.compile(rf"(?:{_IMPERATIVE_OPENERS})?(?:{_IMPERATIVE_VERBS})\b"
                               r"(?!\s+(?:is|are|was|were|has|had)\b)", re.IGNORECASE),
        VAGUE: re.compile(
            rf"\b(?:is|are|was|were|(?:has|have|had) been)\s+(?:\w+ly\s+)?(?:{_REPORTING})"
            r"\s+(?:that\b|to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|"
            r"those|police|officials|reporters|investigators)\b)(?-i:[a-z]+\b))|"
            r"\b(?:reportedly|allegedly|purportedly)\b",
            re.IGNORECASE),
        CAPTION: re.compile(
            r"\b(?:(?:is|are) (?:seen|pictured|shown)\b|watch(?:es)? as\b|looks? on\b|"
            r"pose[sd]? (?:for|with|during)\b|gestures (?:as|during|while)\b|"
            r"photo(?:graph)?(?:ed)? by\b|\((?:photo|image|picture|credit|file)\b|"
            r"Getty Images|AP Photo|AFP via|File photo)",
            re.IGNORECASE,
        ),
        "words": re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*"),
        ARGUMENT: re.compile(
            r"\b(?:I|I'm|I've|I'd|I’m|I’ve|I’d|my|me|we|we're|we’re|our|us)\b|"
            r"\b(?:should|must|ought|need to|needs to|have to|has to|will|won't|won’t|would|"
            r"could|might|may|can't|can’t|cannot)\b|"
            r"\b(?:absurd|ridiculous|disgrace\w*|shameful|outrageous|foolish|reckless|"
            r"hypocri\w+|nonsense|surely|of course|downright|self-destructive|wrong|"
            r"right to|best|worst|better|worse|great|terrible|fail\w*|mess)\b|"
            r"\btoo (?:often|much|many|few|little|long|late|slow|fast|far)\b",
            re.IGNORECASE,
        ),
        OWN_RESULT: re.compile(
            r"\b(?:we|We|our|Our)\b|\b(?:this|the present|the current) "
            r"(?:study|paper|work|review|meta-analysis|analysis)\b|\bhere,? we\b",
            re.IGNORECASE,
        ),
    }


class SpanIndex:
    """Character spans (such as quotations or links) sorted by start, for overlap questions
    in time that does not grow with the number of spans: only spans that start within the
    longest span's length before a range can reach into it."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect_left(self.starts, start - self.longest)
        return self.spans[lo : bisect_left(self.starts, end)]

    def covered(self, start: int, end: int) -> int:
        """Characters of ``start..end`` inside the spans (a span counted once each)."""
        return sum(max(0, min(end, b) - max(start, a)) for a, b in self._near(start, end))

    def touches(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``start..end``."""
        return any(a < end and start < b for a, b in self._near(start, end))


def _mostly_quoted(start: int, end: int, quotes: SpanIndex) -> bool:
    return quotes.covered(start, end) >= 0.6 * max(1, end - start)


def exemption(text: str, start: int, genre: str,
              quotes: SpanIndex | Sequence[tuple[int, int]] = ()) -> str:
    """Why the sentence ``text`` (at ``start`` in the article, whose quotation spans are
    ``quotes``) is not an unsourced claim whatever its claim probability; ``""`` if none."""
    p = _patterns()
    if not isinstance(quotes, SpanIndex):
        quotes = SpanIndex(quotes)
    stripped = text.strip()
    if stripped.rstrip(_CLOSERS).endswith("?"):
        return QUESTION
    if len(p["words"].findall(stripped)) < 4:
        return FRAGMENT
    if stripped[:1] in _OPENERS or _mostly_quoted(start, start + len(text), quotes):
        return QUOTATION
    if p[IMPERATIVE].match(stripped.lstrip(_LEAD)):
        return IMPERATIVE
    if p[CAPTION].search(stripped):
        return CAPTION
    if _may_be_vague(stripped) and p[VAGUE].search(stripped):
        return VAGUE
    if genre in OPINION_GENRES and p[ARGUMENT].search(stripped):
        return ARGUMENT
    if genre in RESEARCH_GENRES and p[OWN_RESULT].search(stripped):
        return OWN_RESULT
    return ""
