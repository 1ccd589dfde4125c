"""Does some span contain ``[s, e)``? In logarithmic time, for articles with many quotations.

A plain ``any(a <= s and e <= b for a, b in spans)`` per cue makes an article with many
quotations and many cues quadratic (a million characters of quoted text took 20 s). The
spans are sorted by start once, with the running maximum of their ends: some span contains
``[s, e)`` exactly when, among the spans starting at or before ``s``, the largest end reaches
``e``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """A set of ``(start, end)`` spans that answers containment queries quickly."""

    __slots__ = ("_max_end", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end = list(accumulate((b for _, b in ordered), max))

    def holds(self, s: int, e: int) -> bool:
        """Whether some span ``(a, b)`` has ``a <= s`` and ``e <= b``."""
        i = bisect.bisect_right(self._starts, s)
        return i > 0 and self._max_end[i - 1] >= e

    def __len__(self) -> int:
        return len(self._starts)
