"""The cue tagger's prediction in plain Python, for short texts: the same bits, no numpy.

A draft check tags a few hundred tokens; importing numpy for that costs more than tagging
them. This module computes what ``tagger.py``'s numpy path computes, to the last bit, with
Python integers and ``array``:

- features: the FNV-style hash of each template, ``h = ((h ^ value) * FNV) mod 2**64`` per
  part, starting from the template's salt, then ``(h >> 24) & (2**bits - 1)``; a neighbour
  outside the token's sentence (or the text) reads as the pad value, as in
  ``tagger._hash_rows``;
- weights: a stored weight is the float32 quotient ``float32(milli) / float32(1000)``; the
  double quotient rounded once to float32 is that number (a double holds more than twice
  float32's precision, so rounding twice is rounding once for a quotient);
- scores: the template weights are summed in template order with float32 rounding after
  each addition (``array('f')`` rounds each double sum, which is exact-then-rounded for the
  same reason), as numpy's ``add.reduce`` over the template axis does; then, in float64,
  plus the bias, minus the row's maximum, ``math.exp`` per class (both paths use it:
  numpy's vectorised ``exp`` differs from it in the last bit for some inputs), divided by
  the sum of the three in class order.

``tests/test_tagger_light.py`` holds the two paths equal on many texts. The packed
format-2 weight rows (:func:`pack_tagger_rows`, :func:`unpack_tagger_rows`,
:class:`PackedRows`) are read here too.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import math
import operator
import struct
from array import array
from collections.abc import Callable, Sequence
from itertools import islice, repeat
from typing import TYPE_CHECKING, Any

from checker.core.datafiles import little_endian
from rules.attribution.words import QUOTE_TOKENS, SENT_FINAL

if TYPE_CHECKING:
    import numpy as np

FNV = 1099511628211
_M64 = (1 << 64) - 1

# template spec: (salt, ((attribute row, neighbour offset), ...)), in template order
Template = tuple[int, tuple[tuple[int, int], ...]]


_SHAPE_CODES = {"low": 1, "Cap": 2, "CAPS": 3, "num": 4, "Q": 5, ",": 6, ".": 7, ":": 8,
                "(": 9, ")": 10, "-": 11, "p": 12}


def text_shape(x: str) -> int:
    """Shape code of a token text: quote, capitalisation, number or punctuation class."""
    if x in QUOTE_TOKENS:
        return _SHAPE_CODES["Q"]
    c = x[0]
    if c.isalpha():
        if x.isupper() and len(x) > 1:
            return _SHAPE_CODES["CAPS"]
        return _SHAPE_CODES["Cap"] if c.isupper() else _SHAPE_CODES["low"]
    if c.isdigit():
        return _SHAPE_CODES["num"]
    if x in (",", ";"):
        return _SHAPE_CODES[","]
    if x in SENT_FINAL:
        return _SHAPE_CODES["."]
    if x == ":":
        return _SHAPE_CODES[":"]
    if x in ("(", "["):
        return _SHAPE_CODES["("]
    if x in (")", "]"):
        return _SHAPE_CODES[")"]
    if x in ("-", "—", "–", "--"):
        return _SHAPE_CODES["-"]
    return _SHAPE_CODES["p"]


# Format 2 stores the weight rows packed: a JSON list of 280,000 numbers takes ~100 ms to
# parse, these two base64 strings ~2 ms. "index_u32": the feature rows, little-endian
# uint32; "weights_milli_i16": their O/B/I weights in thousandths (format 1 rounded them
# to three decimals too, so the two formats predict alike), little-endian int16.
TAGGER_FORMAT_VERSION = 2


def pack_tagger_rows(index: np.ndarray, rows: np.ndarray) -> dict[str, str]:
    """The ``index_u32`` and ``weights_milli_i16`` fields of a format-2 tagger file."""
    import numpy as np

    milli = np.round(np.asarray(rows, dtype=np.float64) * 1000)
    if milli.size and np.abs(milli).max() > 32767:
        raise ValueError("a tagger weight beyond +-32.767 does not fit the packed format")
    return {
        "index_u32": base64.b64encode(np.asarray(index, dtype="<u4").tobytes()).decode(),
        "weights_milli_i16": base64.b64encode(milli.astype("<i2").tobytes()).decode(),
    }


def unpack_tagger_rows(data: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """(feature rows, their float32 weights (n, 3)) of a format-1 or format-2 tagger."""
    import numpy as np

    if "index_u32" in data:
        idx = np.frombuffer(base64.b64decode(data["index_u32"], validate=True),
                            dtype="<u4").astype(np.int64)
        milli = np.frombuffer(base64.b64decode(data["weights_milli_i16"], validate=True),
                              dtype="<i2")
        if milli.size != idx.size * 3:
            raise ValueError("tagger: index_u32 and weights_milli_i16 differ in length")
        return idx, (milli.astype(np.float32) / np.float32(1000)).reshape(-1, 3)
    idx = np.asarray(data["index"], dtype=np.int64)
    return idx, np.asarray(data["weights"], dtype=np.float32).reshape(-1, 3)


def _strict_b64(text: str) -> bytes:
    """Base64 ``text`` decoded (``ValueError`` unless it is canonical base64: a stray
    character, which the quick decoder skips, shortens the output and is caught)."""
    raw = binascii.a2b_base64(text)
    if len(text) % 4 or len(raw) != len(text) // 4 * 3 - text[-2:].count("="):
        raise ValueError("not base64")
    return raw


class PackedRows:
    """A format-2 tagger's weight rows as the file stores them: strictly increasing feature
    rows (uint32) and their O/B/I weights in thousandths (int16, three per row)."""

    def __init__(self, index: array, milli: array) -> None:
        self.index = index
        self.milli = milli

    @classmethod
    def from_fields(cls, data: dict[str, Any], bits: int) -> PackedRows | None:
        """The rows of a well-formed format-2 tagger, or None for anything else (a format-1
        file, a malformed or unsorted one: the numpy loader then reads it or names the
        problem)."""
        try:
            raw_idx = _strict_b64(data["index_u32"])
            raw_milli = _strict_b64(data["weights_milli_i16"])
            index, milli = little_endian("I", raw_idx), little_endian("h", raw_milli)
        except (KeyError, TypeError, ValueError, binascii.Error):
            return None
        if len(milli) != 3 * len(index) or len(index) > 1 << bits:
            return None
        if index and (index[-1] >= 1 << bits
                      or not all(map(operator.lt, index, islice(index, 1, None)))):
            return None
        return cls(index, milli)

    def weights_of(self, feats: set[int]) -> tuple[dict[int, float], ...]:
        """Per class (O, B, I), feature row -> float32 weight, for the rows of ``feats`` that
        the file stores (the others weigh 0.0)."""
        index, milli = self.index, self.milli
        n = len(index)
        find = bisect.bisect_left
        found = [(f, j) for f in feats if (j := find(index, f)) < n and index[j] == f]
        rows = [f for f, _ in found]
        out = []
        for k in range(3):
            vals = array("f", [milli[3 * j + k] / 1000.0 for _, j in found]).tolist()
            out.append(dict(zip(rows, vals, strict=True)))
        return tuple(out)


def hash_features(cols: Sequence[Sequence[int]], sent: Sequence[int],
                  templates: Sequence[Template], pad: int, bits: int) -> list[list[int]]:
    """Per template (in order), the hashed feature row of every token: ``cols`` holds one
    attribute row per attribute (values of each token), ``sent`` each token's sentence."""
    n = len(sent)
    near: dict[tuple[int, int], Sequence[int]] = {}

    def neighbours(attr: int, off: int) -> Sequence[int]:
        got = near.get((attr, off))
        if got is None:
            v = cols[attr]
            got = near[(attr, off)] = v if off == 0 else [
                v[j] if 0 <= j < n and sent[j] == s else pad
                for j, s in zip(range(off, n + off), sent, strict=True)
            ]
        return got

    mask = (1 << bits) - 1
    out = []
    for salt, parts in templates:
        attr, off = parts[0]
        h = [((v ^ salt) * FNV) & _M64 for v in neighbours(attr, off)]
        for attr, off in parts[1:]:
            h = [((x ^ v) * FNV) & _M64
                 for x, v in zip(h, neighbours(attr, off), strict=True)]
        out.append([(x >> 24) & mask for x in h])
    return out


def probabilities(rows: Sequence[Sequence[int]], weights: PackedRows,
                  bias: Sequence[float]) -> list[tuple[float, float, float]]:
    """(P(O), P(B), P(I)) of every token, from its feature rows (one list per template)."""
    if not rows or not rows[0]:
        return []
    per_class = weights.weights_of(set().union(*rows))
    f32 = struct.Struct(f"<{len(rows[0])}f")
    sums = []
    for wk in per_class:
        get = wk.get
        acc: Sequence[float] = list(map(get, rows[0], repeat(0.0)))
        for row in rows[1:]:  # each sum rounded to float32 (struct's ``f`` rounds)
            acc = f32.unpack(f32.pack(*map(operator.add, acc, map(get, row, repeat(0.0)))))
        sums.append(acc)
    b0, b1, b2 = bias
    exp = math.exp
    out = []
    for s0, s1, s2 in zip(*sums, strict=True):
        z0, z1, z2 = s0 + b0, s1 + b1, s2 + b2
        top = max(z0, z1, z2)
        e0, e1, e2 = exp(z0 - top), exp(z1 - top), exp(z2 - top)
        total = e0 + e1 + e2
        out.append((e0 / total, e1 / total, e2 / total))
    return out


def code_rows(texts: Sequence[str], memo: dict[str, tuple[int, ...]],
              column: Callable[[str], tuple[int, ...]], width: int,
              limit: int) -> list[list[int]]:
    """The ``width`` attribute rows of token ``texts`` (one row per attribute), each text
    coded once by ``column`` and kept in ``memo`` (which starts afresh beyond ``limit``)."""
    if len(memo) + len(texts) > limit:
        memo.clear()
    for x in texts:
        if x not in memo:
            memo[x] = column(x)
    rows = [list(c) for c in zip(*map(memo.__getitem__, texts), strict=True)]
    return rows or [[] for _ in range(width)]


def decode(pb: Sequence[float], pi: Sequence[float], sent: Sequence[int], threshold: float,
           lo: float, pin: Sequence[float] | None = None,
           hits: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Hysteresis B/I/O decoding of the P(B) and P(I) columns (``tagger.decode_cue_spans``):
    runs of tokens with P(B) + P(I) >= ``lo`` inside one sentence, split where B beats I,
    kept when some token reaches ``threshold``; adjacent kept runs of a sentence merge.
    ``pin`` (P(B) + P(I)) and ``hits`` (the tokens where it reaches ``lo``, in order) are
    worked out here unless given."""
    if pin is None:
        pin = list(map(operator.add, pb, pi))
    if hits is None:
        hits = [i for i, x in enumerate(pin) if x >= lo]
    out: list[tuple[int, int]] = []
    start = end = -1
    peak = 0.0
    for i in hits:
        if start >= 0 and end == i - 1 and sent[i] == sent[start] and pi[i] >= pb[i]:
            end = i
            peak = max(peak, pin[i])
            continue
        if start >= 0 and peak >= threshold:
            out.append((start, end))
        start = end = i
        peak = pin[i]
    if start >= 0 and peak >= threshold:
        out.append((start, end))
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and merged[-1][1] == a - 1 and sent[a] == sent[merged[-1][0]]:
            merged[-1] = (merged[-1][0], b)  # adjacent cues are one ("widely | believed")
        else:
            merged.append((a, b))
    return [(a, b) for a, b in merged if sent[a] >= 0]


def exp_array(z: np.ndarray) -> np.ndarray:
    """``math.exp`` of every element: the plain path's digits (numpy's vectorised ``exp``
    differs from it in the last bit for a few percent of inputs on some processors)."""
    import numpy as np

    e = np.ones_like(z)  # exp(0) = 1: the row maximum, once subtracted
    todo = z != 0
    e[todo] = np.fromiter(map(math.exp, z[todo].tolist()), dtype=np.float64,
                          count=int(todo.sum()))
    return e
