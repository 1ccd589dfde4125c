"""MurmurHash3 (x86, 32-bit) in plain Python: the hash scikit-learn's ``HashingVectorizer`` uses.

:func:`murmurhash3_32` gives, for a string and seed, the same signed 32-bit value as
``sklearn.utils.murmurhash3_32(text, seed=seed, positive=False)`` (the string is hashed
as its UTF-8 bytes, as scikit-learn does), so that the claim model can rebuild its
hashed features without importing scikit-learn. It is Austin Appleby's public-domain
``MurmurHash3_x86_32``, step for step; a test compares it with scikit-learn's on many
strings, non-ASCII ones included.
"""

from __future__ import annotations

from struct import unpack_from
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_MASK = 0xFFFFFFFF
_C1 = 0xCC9E2D51
_C2 = 0x1B873593


def murmurhash3_32(key: str | bytes, seed: int = 0) -> int:
    """Signed 32-bit MurmurHash3_x86_32 of ``key`` (a ``str`` is hashed as UTF-8)."""
    data = key.encode("utf-8") if isinstance(key, str) else key
    length = len(data)
    nblocks = length >> 2
    h = seed & _MASK
    if nblocks:
        for k in unpack_from(f"<{nblocks}I", data):
            k = (k * _C1) & _MASK
            k = ((k << 15) | (k >> 17)) & _MASK
            h ^= (k * _C2) & _MASK
            h = ((h << 13) | (h >> 19)) & _MASK
            h = (h * 5 + 0xE6546B64) & _MASK
    tail = length & 3
    if tail:
        i = nblocks << 2
        k = data[i]
        if tail > 1:
            k |= data[i + 1] << 8
        if tail > 2:
            k |= data[i + 2] << 16
        k = (k * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        h ^= (k * _C2) & _MASK
    h ^= length
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    h ^= h >> 16
    return h - 0x100000000 if h & 0x80000000 else h


# Keys longer than this (in bytes) are hashed one by one: a padded row per key is as wide as
# the longest key, so one pathological token (a run-on word of thousands of characters) would
# otherwise widen every row of the batch.
LONG_KEY = 256


def murmurhash3_32_many(keys: list[bytes]) -> np.ndarray:  # numpy only when called
    """:func:`murmurhash3_32` (seed 0) of many byte strings at once, as signed int64 values.

    The same steps on numpy ``uint32`` columns (whose arithmetic wraps as the C code's
    does): keys are laid out null-padded in rows, every row runs the block loop up to
    its own number of blocks, and the tail bytes are the (zero-padded) next word. Keys
    over :data:`LONG_KEY` bytes are hashed by :func:`murmurhash3_32` instead.
    """
    import numpy as np

    m = len(keys)
    if not m:
        return np.zeros(0, dtype=np.int64)
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=m)
    longest = int(lengths.max())
    if longest > LONG_KEY:
        out = np.empty(m, dtype=np.int64)
        long_rows = np.flatnonzero(lengths > LONG_KEY)
        out[long_rows] = [murmurhash3_32(keys[i]) for i in long_rows.tolist()]
        short_rows = np.flatnonzero(lengths <= LONG_KEY)
        if len(short_rows):
            out[short_rows] = murmurhash3_32_many([keys[i] for i in short_rows.tolist()])
        return out
    width = max(4, -(-longest // 4) * 4)
    words = np.array(keys, dtype=f"S{width}").view("<u4").reshape(m, width // 4)
    nblocks = lengths >> 2
    # every word's mixed value k, the blocks' and the tail's alike, in one pass over all
    # columns (then the block loop only folds them into h, row by row as far as each goes)
    k = words * np.uint32(_C1)
    k = (k << np.uint32(15)) | (k >> np.uint32(17))
    k *= np.uint32(_C2)
    h = np.zeros(m, dtype=np.uint32)
    for j in range(longest // 4):
        step = h ^ k[:, j]
        step = (step << np.uint32(13)) | (step >> np.uint32(19))
        step *= np.uint32(5)
        step += np.uint32(0xE6546B64)
        h = np.where(nblocks > j, step, h)
    # the tail bytes are the (zero-padded) word after the last block
    tail = k[np.arange(m), np.minimum(nblocks, width // 4 - 1)]
    h = np.where((lengths & 3) > 0, h ^ tail, h)
    h ^= lengths.astype(np.uint32)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h.view(np.int32).astype(np.int64)
