"""Character spans of an article (quotations, links) and the overlap questions the claims
family asks about them."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

__all__ = ["SpanIndex"]


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
