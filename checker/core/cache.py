"""Bounded caches for per-process memo tables: :class:`BoundedCache` and :class:`Memo`.

Rule families keep small tables of things that are costly to build and depend only
on their inputs (a compiled lexicon per configuration, a tagger code per distinct
token text). Those tables must not grow with the corpus, so each one is a
:class:`BoundedCache`: it holds at most ``limit`` entries and starts afresh when full
(cheap, and right for caches whose working set is small or per-article).

:class:`Memo` is the same idea for the hottest per-token look-ups (a dict whose
misses are computed by ``compute``): a hit is one C-level dict look-up, so it can be
called once per token. ``functools.lru_cache`` stays right for pure functions of a
few hashable arguments.

Keep a cache on the object it belongs to (a lexicon's per-token table on the
``Lexicon``), never keyed by ``id()`` of another object: an id can be reused once
that object is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """A dict of at most ``limit`` entries; ``get(key, make)`` builds what is missing."""

    __slots__ = ("_data", "limit")

    def __init__(self, limit: int = 8) -> None:
        if limit < 1:
            raise ValueError("a BoundedCache needs a limit of at least 1")
        self.limit = limit
        self._data: dict[K, V] = {}

    def get(self, key: K, make: Callable[[], V]) -> V:
        """``self[key]``, made by ``make()`` when missing; the cache starts afresh at ``limit``."""
        data = self._data
        value = data.get(key)
        if value is None:
            if len(data) >= self.limit:
                data.clear()
            value = data[key] = make()
        return value

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def clear(self) -> None:
        self._data.clear()


class Memo(dict[K, V]):
    """``memo[key]`` is ``compute(key)``, remembered; at ``limit`` entries it starts afresh.

    Subclass and define :meth:`compute`. Look-ups of known keys run at dict speed (use
    ``memo.__getitem__`` as a bound function in tight loops); only a miss runs Python.
    """

    limit: int = 100_000

    def compute(self, key: K) -> V:
        raise NotImplementedError

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value
