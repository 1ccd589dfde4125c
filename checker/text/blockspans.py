"""Which blocks list items and HTML region hints apply to, in O((blocks + spans) log n).

The segmenter asks, for every block, whether it starts inside a list item and which HTML
region hint covers it; asked block by block over every span, that was quadratic on
pages of many list items or hinted elements.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from heapq import heappop, heappush
from typing import Protocol


class BlockSpan(Protocol):
    """A block as these functions see it: its span, and whether it is a bullet."""

    start: int
    end: int
    bullet: bool


def mark_bullets(raw: Sequence[BlockSpan], bullets: list[tuple[int, int]]) -> None:
    """Mark as bullets the blocks that start inside a list item's span (in place).

    A block is a bullet when any ``(start, end)`` span has ``start <= block.start < end``:
    with the spans sorted by start, that is whether the largest end among the spans
    starting at or before the block reaches past it (a binary search and a prefix maximum).
    """
    if not bullets:
        return
    spans = sorted(bullets)
    starts = [bs for bs, _ in spans]
    reach: list[int] = []
    far = -1
    for _, be in spans:
        far = max(far, be)
        reach.append(far)
    for b in raw:
        k = bisect_right(starts, b.start)
        if k and reach[k - 1] > b.start:
            b.bullet = True


def block_hints(raw: Sequence[BlockSpan], hints: list[tuple[int, int, str, str]]) -> list[int]:
    """For each block, the index of the last HTML hint that applies to it (-1 for none).

    A hint applies to block ``b`` when it covers ``b`` (``hs <= b.start`` and
    ``b.end <= he``) or starts inside ``b`` and spans at least 80% of its length; the last
    such hint in ``hints`` wins. Blocks are in text order and do not overlap, so their
    ends never decrease: covering hints are found with one sweep and a heap (a hint that
    ends before one block ends covers no later block), starting ones by binary search.
    """
    best = [-1] * len(raw)
    order = sorted(range(len(hints)), key=lambda h: hints[h][0])
    heap: list[tuple[int, int]] = []  # (-hint index, hint end)
    k = 0
    for i, b in enumerate(raw):
        while k < len(order) and hints[order[k]][0] <= b.start:
            heappush(heap, (-order[k], hints[order[k]][1]))
            k += 1
        while heap and heap[0][1] < b.end:
            heappop(heap)
        if heap:
            best[i] = -heap[0][0]
    starts = [b.start for b in raw]
    for h, (hs, he, _, _) in enumerate(hints):
        i = bisect_right(starts, hs) - 1
        if i >= 0 and hs < raw[i].end and he - hs >= (raw[i].end - raw[i].start) * 0.8:
            best[i] = max(best[i], h)
    return best
