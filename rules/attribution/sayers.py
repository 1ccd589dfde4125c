"""What named sayers say, for ATT001's document sources: a document ("a survey", "an
analysis") that a named person, organisation or outlet reads out is that sayer's, not a vague
source ("The Herald said that, according to a survey by ..."). The sayers' spans are kept
sorted, so each document is placed by bisection (an article of many reports and documents
stays linear)."""

from __future__ import annotations

import bisect
import re

from checker.core.analysis import ANONYMOUS, DOCUMENT
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import Lexicon
from rules.attribution.sources import classify

Span = tuple[int, int]


def named_content(found: list[Extracted], lex: Lexicon) -> Sayers:
    """From the cue to the end of the content of each informational relation whose source
    names a person, an organisation or an outlet (not a document, not an anonymous source):
    a document read there is that sayer's."""
    return Sayers([(r.cue[1] if r.cue else min(a for a, _ in r.content),
                    max(b for _, b in r.content))
                   for r in found
                   if r.informational and r.source is not None and not r.source_doubted
                   and r.content and r.source_kind != DOCUMENT
                   and classify(r.source_text, lex)[0] != ANONYMOUS])


class Sayers:
    """What named sayers say (spans from a cue to the end of its content), sorted by start,
    with the furthest end reached so far: whether a span lies in one of them is two bisects,
    not a scan of every sayer for every document (an article of many reports and documents
    would be quadratic)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach: list[int] = []
        furthest = -1
        for _, b in self.spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def covers(self, span: Span) -> bool:
        """Whether some sayer's span starts at or before ``span`` and ends at or after it."""
        i = bisect.bisect_right(self.starts, span[0])
        return i > 0 and self.reach[i - 1] >= span[1]

    def starting_within(self, lo: int, hi: int) -> list[Span]:
        """The sayers' spans that start in ``[lo, hi]``."""
        return self.spans[bisect.bisect_left(self.starts, lo):bisect.bisect_right(self.starts, hi)]


# what joins a named sayer's cue to a document it reads: "The Herald said | that,
# according to | a survey by ..."
_SAYER_TO_DOCUMENT = re.compile(r"\s*(?:that\s*)?,?\s*(?:according\s+to|citing|as\s+per)\s+$",
                                re.IGNORECASE)


def sayers_document(text: str, source: Span, sayers: Sayers) -> bool:
    """Whether a document source lies in what a named sayer says (``sayers``: from
    :func:`named_content`) or right after the sayer's cue ("The Herald said that,
    according to a survey by ...": the extractor may cut the content there)."""
    return sayers.covers(source) or any(
        _SAYER_TO_DOCUMENT.match(text, ca, source[0]) is not None
        for ca, _ in sayers.starting_within(source[0] - 40, source[0]))
