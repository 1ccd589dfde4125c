"""Which span contains ``[s, e)``? In logarithmic time, for articles with many quotations.

A plain ``any(a <= s and e <= b for a, b in spans)`` per cue makes an article with many
quotations and many cues quadratic (a million characters of quoted text took minutes). The
spans are sorted by start once, with the running maximum of their ends: some span contains
``[s, e)`` exactly when, among the spans starting at or before ``s``, the largest end reaches
``e``; the containing span nearest to the cue is found by walking back from there, and the
walk stops as soon as the running maximum says no earlier span can reach ``e``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """``(start, end)`` spans, each with an optional payload, for containment queries."""

    __slots__ = ("_ends", "_max_end", "_payloads", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]],
                 payloads: Sequence[T] | None = None) -> None:
        spans = list(spans)
        items = payloads if payloads is not None else [None] * len(spans)
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        self._starts = [spans[i][0] for i in order]
        self._ends = [spans[i][1] for i in order]
        self._payloads = [items[i] for i in order]
        self._max_end = list(accumulate(self._ends, max))

    def holds(self, s: int, e: int) -> bool:
        """Whether some span ``(a, b)`` has ``a <= s`` and ``e <= b``."""
        i = bisect.bisect_right(self._starts, s)
        return i > 0 and self._max_end[i - 1] >= e

    def containing(self, s: int, e: int) -> list[T]:
        """The payloads of the spans that contain ``[s, e)``, the latest-starting first."""
        out: list[T] = []
        j = bisect.bisect_right(self._starts, s) - 1
        while j >= 0 and self._max_end[j] >= e:
            if self._ends[j] >= e:
                out.append(self._payloads[j])
            j -= 1
        return out

    def __len__(self) -> int:
        return len(self._starts)


def overlaps_any(sorted_spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    """Whether a span of ``sorted_spans`` (sorted, non-overlapping) overlaps ``[s, e)``."""
    i = bisect.bisect_left(sorted_spans, (e, e)) - 1  # the last span starting before e
    return i >= 0 and sorted_spans[i][1] > s
