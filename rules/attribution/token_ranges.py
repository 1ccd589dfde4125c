"""Token ranges (of sentences, of quotations) as per-token numpy arrays.

``TokenDoc`` keeps, for each sentence and each quotation, the range of tokens it holds.
The tagger needs per-token rows (the sentence of every token, whether it is quoted, its
place in its sentence): made here from those few ranges with a handful of array
operations, instead of converting a Python list of every token (``np.array`` of a list
costs a conversion per element). ``tests/test_attribution_speed.py`` holds them to the
per-token lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def segments(ranges: Sequence[tuple[int, int]], n: int) -> tuple[list[int], list[int]]:
    """(id, length) of the runs of ``n`` tokens that the ascending, non-overlapping token
    ``ranges`` cut them into: a gap before each range (id -1), the range (its index), and
    the tail after the last."""
    ids, lens = [], []
    end = 0
    for i, (a, b) in enumerate(ranges):
        ids += (-1, i)
        lens += (a - end, b - a)
        end = b
    ids.append(-1)
    lens.append(n - end)
    return ids, lens


def range_ids(ranges: Sequence[tuple[int, int]], n: int) -> np.ndarray:
    """(n,) int64: the index of the range each token is in, or -1 (as ``TokenDoc.tok_sent``
    and ``tok_quote`` hold them for the sentences and the quotations)."""
    import numpy as np

    ids, lens = segments(ranges, n)
    return np.repeat(np.array(ids, dtype=np.int64), lens)


def range_offsets(ranges: Sequence[tuple[int, int]], n: int) -> np.ndarray:
    """(n,) int64: each token's place in its run (:func:`segments`): in a range, the
    token's index in it."""
    import numpy as np

    _, lens = segments(ranges, n)
    counts = np.array(lens, dtype=np.int64)
    firsts = np.cumsum(counts) - counts
    return np.arange(n, dtype=np.int64) - np.repeat(firsts, counts)
