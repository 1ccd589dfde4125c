"""A fixed set of character spans with overlap and containment tests in logarithmic time.

A plain ``any(a < y and x < b for x, y in spans)`` per query makes a long article with many
spans quadratic. The spans are sorted by start once, with the running maximum of their
ends: a span overlapping ``[a, b)`` exists exactly when, among the spans starting before
``b``, the largest end passes ``a``; one containing ``[a, b)`` exactly when, among those
starting at or before ``a``, the largest end reaches ``b``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

__all__ = ["FixedSpans"]


class FixedSpans:
    """``(start, end)`` character spans, fixed at construction, for overlap and
    containment questions."""

    __slots__ = ("_max_end", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end = list(itertools.accumulate((b for _, b in ordered), max))

    def overlaps(self, a: int, b: int) -> bool:
        """Whether a span starting before ``b`` ends after ``a``."""
        i = bisect.bisect_left(self._starts, b) - 1
        return i >= 0 and self._max_end[i] > a

    def encloses(self, a: int, b: int) -> bool:
        """Whether a span starting at or before ``a`` ends at or after ``b``."""
        i = bisect.bisect_right(self._starts, a) - 1
        return i >= 0 and self._max_end[i] >= b
