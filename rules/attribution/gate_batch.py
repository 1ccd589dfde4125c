"""The sentence gate's probabilities for every sentence of a document at once, with numpy.

:meth:`SentenceGate.proba <rules.attribution.sentence_gate.SentenceGate.proba>` scores one
sentence at a time in plain Python: a set of feature rows built word by word, then one
dict look-up per row. An audit asks it about half the sentences of every article (the
weak-cue path, then the second stage), which cost about a tenth of the attribution stage.
Here the same rows are made for all sentences in a few array operations: per token text,
its rows are kept in a table (:class:`RowTable`, like the tagger's ``CodeTable``); a
word pair's row is the exclusive or of two of them (taking the top bits commutes with the
exclusive or); the rows of each sentence are made distinct by one sort of (sentence, row)
keys; and the weights are summed per sentence.

The weights are whole thousandths, so the sums are integers: exact in any order (numpy's
float64 sum of integers below 2**53 is exact), hence the same probability to the bit as
the plain path (``tests/test_attribution_speed.py`` holds the two together). Used only
when numpy is loaded already (an audit): a draft check keeps the plain path and never
imports numpy for the gate.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from rules.attribution.doc import TokenDoc

# a token text's entry: (word row, class row (-1: none), left word row, left class row,
# its third own row (quotation mark or colon; -1: none))
_COLUMNS = 5


class RowTable:
    """The gate rows of every token text seen so far (one gate, one lexicon): text -> row
    of a (``limit``, 5) int64 table (a text's rows side by side: one cache line per token
    gathered), started afresh past ``limit`` texts (the pages of rows never written are
    never touched). Thread-safe as ``tagger.CodeTable``: texts are added under a lock,
    their rows written before their ids are published, and a reader takes the (ids,
    table) pair in one read."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._state = self._fresh()

    def _fresh(self) -> tuple[dict[str, int], np.ndarray]:
        import numpy as np

        return {}, np.empty((self.limit, _COLUMNS), dtype=np.int64)

    def columns(self, texts: Sequence[str],
                entry: Callable[[str], tuple[int, int, int, int, int]]) -> np.ndarray:
        """(5, n) rows of the texts (``entry`` gives a new text's five rows)."""
        import numpy as np

        ids, table = self._state
        idx = list(map(ids.get, texts, repeat(-1)))
        if -1 in idx:
            with self._lock:
                ids, table = self._add(texts, entry)
            if len(ids) == 0:  # more distinct texts than the table holds: directly
                return np.array([entry(x) for x in texts], dtype=np.int64).reshape(-1, 5).T
            idx = list(map(ids.__getitem__, texts))
        return table[np.array(idx, dtype=np.intp)].T

    def _add(self, texts: Sequence[str], entry: Callable[[str], tuple[int, int, int, int, int]]
             ) -> tuple[dict[str, int], np.ndarray]:
        import numpy as np

        ids, table = self._state
        new = [x for x in dict.fromkeys(texts) if x not in ids]
        if len(ids) + len(new) > self.limit:
            ids, table = self._state = self._fresh()
            new = list(dict.fromkeys(texts))
            if len(new) > self.limit:
                return ids, table
        known = len(ids)
        if new:
            table[known:known + len(new)] = np.array([entry(x) for x in new], dtype=np.int64)
        ids.update(zip(new, range(known, known + len(new)), strict=True))
        return ids, table


def weight_array(weights: Mapping[int, int], bits: int) -> np.ndarray:
    """The gate's weights (row -> thousandths) as an array over all ``2**bits`` rows (0
    where the file has none), in the narrowest integer type that holds them (int16 for
    the shipped gate: 2 MB, which a document's few thousand scattered reads find in the
    processor's caches far more often than they would 8 MB of int64)."""
    import numpy as np

    names = getattr(weights, "_names", None)  # a SortedWeights: its packed rows as they are
    rows, vals = (names, weights._values) if names is not None else (  # type: ignore[attr-defined]
        list(weights), list(weights.values()))
    r = np.asarray(rows, dtype=np.int64)
    v = np.asarray(vals, dtype=np.int64)
    keep = (r >= 0) & (r < 1 << bits)  # (no feature row lies outside)
    r, v = r[keep], v[keep]
    low, high = (int(v.min()), int(v.max())) if len(v) else (0, 0)
    dtype = next(t for t in (np.int16, np.int32, np.int64)
                 if np.iinfo(t).min <= low and high <= np.iinfo(t).max)
    out = np.zeros(1 << bits, dtype=dtype)
    out[r] = v
    return out


def sentence_sums(d: TokenDoc, sentences: Sequence[int], max_words: int, bits: int,
                  table: RowTable, entry: Callable[[str], tuple[int, int, int, int, int]],
                  edges: tuple[int, int, int, int], fixed: Callable[[int, int, int], list[int]],
                  weights: np.ndarray) -> dict[int, int]:
    """Sentence -> the weight sum (thousandths) of its distinct feature rows, as
    ``SentenceGate.rows`` makes them, for each of ``sentences`` that has a token (a
    sentence with none is left to the plain path).

    ``edges``: the rows of the sentence start (as left word and left class), the sentence
    end and the two pair salts (class after word, word after class); ``fixed(si, a, b)``:
    the rows of sentence ``si`` (tokens ``a..b``, cut at ``max_words``) that do not come
    from word pairs (bias, length, quoted share, first and last words, context)."""
    import numpy as np

    start, end, pc, cp = edges
    sent_tok, lows = d.sent_tok, d.tok_lows
    asked = []  # (sentence, first token, end token) of the sentences with tokens
    for si in sentences:
        a, b = sent_tok[si]
        b = min(b, a + max_words)
        if b > a:
            asked.append((si, a, b))
    if not asked:
        return {}
    # the tokens of each asked sentence (cut at max_words), one after the other; ``sid``:
    # the place of each token's sentence in ``asked``
    texts: list[str] = []
    for _, a, b in asked:
        texts += lows[a:b]
    lens = np.array([b - a for _, a, b in asked], dtype=np.int64)
    sid = np.repeat(np.arange(len(asked), dtype=np.int64), lens)
    heads = np.cumsum(lens) - lens  # each sentence's first token
    last = heads + lens - 1
    w, c, wm, cm, x = table.columns(texts, entry)
    prev_wm = np.empty_like(wm)  # the left word of each token: the one before, or the start
    prev_wm[1:] = wm[:-1]
    prev_wm[heads] = start
    prev_cm = np.empty_like(cm)
    prev_cm[1:] = cm[:-1]
    prev_cm[heads] = start
    has_c, has_x = c >= 0, x >= 0
    parts_rows = [w, c[has_c], x[has_x], prev_wm ^ w, (prev_wm ^ c ^ pc)[has_c],
                  (prev_cm ^ w ^ cp)[has_c], wm[last] ^ end]
    parts_sid = [sid, sid[has_c], sid[has_x], sid, sid[has_c], sid[has_c], sid[last]]
    extra_rows: list[int] = []
    extra_sid: list[int] = []
    for j, (si, a, b) in enumerate(asked):
        more = fixed(si, a, b)
        extra_rows += more
        extra_sid += [j] * len(more)
    parts_rows.append(np.array(extra_rows, dtype=np.int64))
    parts_sid.append(np.array(extra_sid, dtype=np.int64))
    # each sentence's distinct rows: the (sentence, row) keys sorted, repeats dropped (a
    # plain sort: numpy's ``unique`` hashes first, slower at this size)
    keys = np.sort(np.concatenate(parts_sid) << bits | np.concatenate(parts_rows))
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    sums = np.bincount(keys >> bits, weights=weights[keys & ((1 << bits) - 1)],
                       minlength=len(asked))
    return {si: int(total) for (si, _, _), total in zip(asked, sums.tolist(), strict=True)}


def logistic(z: float) -> float:
    """The gate's probability of a log-odds (clipped to -30 .. 30), as the plain path."""
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


__all__: list[Any] = ["RowTable", "logistic", "sentence_sums", "weight_array"]
