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
