"""Bounded caches: what they return, and that they never grow past their limit."""

from __future__ import annotations

import pytest

from checker.core.cache import BoundedCache, Memo


def test_bounded_cache_builds_once_and_starts_afresh_at_its_limit() -> None:
    made: list[int] = []
    cache: BoundedCache[int, int] = BoundedCache(limit=3)

    def square(k: int) -> int:
        made.append(k)
        return k * k

    assert [cache.get(k, lambda k=k: square(k)) for k in (1, 2, 1, 2)] == [1, 4, 1, 4]
    assert made == [1, 2]
    for k in range(10):
        cache.get(k, lambda k=k: square(k))
        assert len(cache) <= 3
    with pytest.raises(ValueError):
        BoundedCache(limit=0)


class Lengths(Memo[str, int]):
    limit = 4
    calls = 0

    def compute(self, key: str) -> int:
        type(self).calls += 1
        return len(key)


def test_memo_computes_misses_only_and_stays_bounded() -> None:
    memo = Lengths()
    assert memo["abc"] == 3 and memo["abc"] == 3 and Lengths.calls == 1
    for word in ("a", "bb", "ccc", "dddd", "eeeee", "ffffff"):
        assert memo[word] == len(word)
        assert len(memo) <= Lengths.limit
