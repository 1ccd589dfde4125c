"""Text-scanning helpers shared by the parse steps: common patterns and the fast paths.

Most articles have no Markdown, no notes and no links, so the readers skip whole scans
cheaply: ``finditer_if_contains`` runs a pattern only when a literal that every match holds
is in the text, and ``line_matches`` tries line-anchored patterns at line starts only.
``Mask`` answers "is this position inside a URL, code span or tag" by bisection.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checker.core.regexlit import lazy_compile

SUP_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
SUP_MAP = {c: str(i) for i, c in enumerate(SUP_DIGITS)}
SUP_MINUS = "\u207b"
CLOSERS = "'\"\u2019\u201d\u00bb)"
CLOSERS_CLS = "'\"\u2019\u201d\u00bb)\\]"

URLISH = lazy_compile(r"(?:https?|ftp)://[^\s<>\"'\])]+|\bwww\.[^\s<>\"'\])]+", re.I)
BROKEN_URLISH = lazy_compile(
    r"\b(?:h+t+p+s?|ftp)(?::/{0,1}(?!/)|/{1,3}|:/{3,})[\w.\-]+\.[a-z]{2,}[^\s<>\"']*", re.I
)
MD_INLINE = lazy_compile(
    r"(?<![!\\])\[(?P<label>[^\[\]\n]{1,300})\]\((?P<url>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)"
)
FRAGMENT = lazy_compile(
    r"^#(?:fn|footnote|note|endnote|cite[_-]note|ref|reference|source|en|n)[\w\-:.]*?(\d{1,3})$",
    re.I,
)
WORDS = lazy_compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


class Mask:
    """Sorted, non-overlapping spans where no marker may be read (URLs, code, tags)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, s: int, e: int) -> None:
        """Mask ``[s, e)`` (empty spans are ignored); call :meth:`freeze` before :meth:`hit`."""
        if e > s:
            self.spans.append((s, e))

    def freeze(self) -> None:
        """Sort and merge the spans added so far."""
        merged: list[tuple[int, int]] = []
        for s, e in sorted(self.spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.spans = merged
        self._starts = [s for s, _ in merged]

    def hit(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a masked span."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]


class Taken:
    """Spans taken by markers, appended in runs of increasing start, queried for overlap.

    Each run keeps its starts and the running maximum of its ends, so "does ``[s, e)``
    overlap a taken span?" is a binary search per run (a handful: one per marker reader),
    not a scan of every span taken so far (quadratic for an article of many markers).
    Iterating yields the spans in the order they were added.
    """

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self._runs: list[tuple[list[int], list[int]]] = []  # (starts, max end so far)

    def append(self, span: tuple[int, int]) -> None:
        """Take ``span`` (start, end)."""
        s, e = span
        self.spans.append(span)
        if not self._runs or s < self._runs[-1][0][-1]:
            self._runs.append(([], []))
        starts, reach = self._runs[-1]
        starts.append(s)
        reach.append(max(e, reach[-1]) if reach else e)

    def overlaps(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` overlaps a taken span (some ``(a, b)`` with ``a < e and s < b``):
        in a run, the spans with ``a < e`` are a prefix, and one of them has ``b > s`` when
        the furthest end among them does."""
        for starts, reach in self._runs:
            i = bisect.bisect_left(starts, e)
            if i and reach[i - 1] > s:
                return True
        return False

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


def finditer_if_contains(
    pattern: re.Pattern[str], text: str, literal: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when ``literal``, which every match of ``pattern``
    contains, is not in the text (most articles have no Markdown, notes or links)."""
    return pattern.finditer(text) if literal in text else iter(())


def line_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a MULTILINE pattern whose matches start at a line start
    ("^") and hold no newline (the inline-list and heading patterns): tried at line starts
    only."""
    pos = 0
    while True:
        m = pattern.match(text, pos)
        if m is not None:
            yield m
        pos = text.find("\n", pos) + 1
        if pos == 0:
            return


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (without the newline) of the line holding ``pos``."""
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def sup_to_int(s: str) -> str:
    """The digits of a run of Unicode superscript digits ("¹²" -> "12")."""
    return "".join(SUP_MAP.get(c, "") for c in s)


# A note number has at most this many digits: "[12345]" or a run of 10,000 superscript
# digits is not a footnote number (and int() of a very long run raises).
MAX_NOTE_DIGITS = 4


def is_note_number(s: str) -> bool:
    """Whether ``s`` is a note number: ASCII digits, at most MAX_NOTE_DIGITS of them.

    ``str.isdigit`` is not enough: it accepts superscript digits ("²"), which ``int``
    refuses."""
    return s.isascii() and s.isdigit() and len(s) <= MAX_NOTE_DIGITS


def note_key(label: str) -> str | None:
    """The canonical note number of a label ("007" -> "7"), or None when it is not one."""
    if not (label.isascii() and label.isdigit()):
        return None
    digits = label.lstrip("0") or "0"
    return digits if len(digits) <= MAX_NOTE_DIGITS else None
