"""Article ids and pages unique across a Dask audit, the same as the local audit gives them.

The local audit names articles in order: an id that an earlier article has (case-blind) gets
``~2``, ``~3``... (``checker.batch._unique``), and each article's page is
``articles/<slug of its id>.html``, or ``-2``, ``-3``... before ``.html`` when an earlier
article has that page (:class:`checker.batch.PageNames`). That is a walk over every id in
order; on a cluster of ten million articles the driver should not hold them all.

So the names are settled in two steps. Each partition is surveyed on the workers
(:func:`survey`): its rows, and four 64-bit hashes of each article's id: the id (case-blind),
the id without one ``~<digits>`` ending, its page name, and the page name without one
``-<digits>`` ending. On the driver (:func:`settle`), hashes alone find the articles whose
name can be taken by another's: those that share an id or a page name, and, repeatedly,
those whose name is such a name with a suffix (the only names the renaming can make). Only
those articles' ids come to the driver (a second, filtered pass, skipped when there are
none), where the local walk runs over them in input order; every other article keeps its id
and ``articles/<slug>.html``. The driver holds about 100 bytes per article at the peak
(measured on a million ids: 0.1 s to settle them), and the result (the renamed articles
only) goes to the tasks that audit them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from checker.batch import PageNames, _unique
from checker.dask_tables import Names, RowSpec, row_ids
from reports.pages import slug

if TYPE_CHECKING:
    import pandas as pd

_ID_SUFFIX = re.compile(r"~\d+$")
_PAGE_SUFFIX = re.compile(r"-\d+$")
ID, ID_ROOT, PAGE, PAGE_ROOT = range(4)
MAX_ROUNDS = 8


def hash_strings(strings: list[str]) -> np.ndarray:
    """A deterministic 64-bit hash of each string (the same in every process)."""
    import pandas as pd

    if not strings:
        return np.zeros(0, dtype=np.uint64)
    return pd.util.hash_array(np.asarray(strings, dtype=object), categorize=False)


def name_hashes(ids: list[str]) -> np.ndarray:
    """The four hashes (rows ID, ID_ROOT, PAGE, PAGE_ROOT) of each id."""
    keys = [i.casefold() for i in ids]
    slugs = [slug(i) for i in ids]
    return np.stack([
        hash_strings(keys), hash_strings([_ID_SUFFIX.sub("", k) for k in keys]),
        hash_strings(slugs), hash_strings([_PAGE_SUFFIX.sub("", s) for s in slugs]),
    ]) if ids else np.zeros((4, 0), dtype=np.uint64)  # fmt: skip


@dataclass
class Survey:
    """One partition, surveyed: its rows, its first row's file, and per article its row
    in the partition and its name hashes. ``pending`` articles have a default id numbered
    by their row in the file (``<file>#<n>``), which needs the rows of the partitions
    before; the driver hashes those (:meth:`fill`), ``prefix`` is their id before ``n``."""

    rows: int
    path: Any
    at: np.ndarray
    hashes: np.ndarray
    pending: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    prefix: str = ""

    def fill(self, before: int) -> None:
        """Hash the pending articles' ids, the partition having ``before`` rows of its file
        before it."""
        if len(self.pending):
            ids = [f"{self.prefix}{before + int(r) + 1}" for r in self.at[self.pending]]
            self.hashes[:, self.pending] = name_hashes(ids)
            self.pending = self.pending[:0]


def survey(pdf: pd.DataFrame, spec: RowSpec, path_column: str) -> Survey:
    """Survey one partition of a table (its id and hidden columns are enough)."""
    path = pdf[path_column].iloc[0] if path_column in pdf.columns and len(pdf) else None
    if spec.table is None:
        return Survey(len(pdf), path, np.zeros(0, np.int32), np.zeros((4, 0), np.uint64))
    a, b = row_ids(pdf, 0, spec), row_ids(pdf, 1, spec)  # ids that move with the offset
    at = np.fromiter((i for i, _ in a), dtype=np.int32, count=len(a))
    pending = np.fromiter((k for k, (x, y) in enumerate(zip(a, b, strict=True))
                           if x[1] != y[1]), dtype=np.int64)  # fmt: skip
    prefix = a[pending[0]][1].rsplit("#", 1)[0] + "#" if len(pending) else ""
    return Survey(len(pdf), path, at, name_hashes([x for _, x in a]), pending, prefix)


def _closure(keys: np.ndarray, roots: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """Articles whose name is a seed, or (repeatedly) a taken name with a suffix."""
    mask = np.isin(keys, seeds)
    while True:
        more = np.isin(roots, keys[mask]) & ~mask
        if not more.any():
            return mask
        mask |= more


def _shared(keys: np.ndarray) -> np.ndarray:
    values, counts = np.unique(keys, return_counts=True)
    return values[counts > 1]


def settle(
    surveys: list[Survey], befores: list[int], collect: Any
) -> dict[int, dict[int, tuple[str, str]]]:
    """The ids and pages of the articles that the local audit would rename: per partition,
    ``{row: (id, page)}``. ``collect(wanted)`` gives, for ``{partition: [rows]}``, the
    ids of those rows (``{partition: [(row, id)]}``): a pass over those partitions."""
    for s, before in zip(surveys, befores, strict=True):
        s.fill(before)
    if not any(len(s.at) for s in surveys):
        return {}
    h = np.concatenate([s.hashes for s in surveys], axis=1)
    part = np.concatenate([np.full(len(s.at), p, dtype=np.int32) for p, s in enumerate(surveys)])
    at = np.concatenate([s.at for s in surveys])
    for s in surveys:  # held once, not twice
        s.at, s.hashes = s.at[:0], s.hashes[:, :0]
    ids = _closure(h[ID], h[ID_ROOT], _shared(h[ID]))
    seeds = np.union1d(_shared(h[PAGE]), h[PAGE][ids])
    names: dict[int, dict[int, tuple[str, str]]] = {}
    for _ in range(MAX_ROUNDS):
        pages = _closure(h[PAGE], h[PAGE_ROOT], seeds) | ids
        if not pages.any():
            return {}
        wanted: dict[int, list[int]] = {}
        for p, r in zip(part[pages].tolist(), at[pages].tolist(), strict=True):
            wanted.setdefault(p, []).append(r)
        got = collect(wanted)
        renamed = set(zip(part[ids].tolist(), at[ids].tolist(), strict=True))
        names = _walk(((p, r, i) for p in sorted(got) for r, i in got[p]), renamed)
        # a renamed id's page may still meet an article left out (a slug cut at 80 letters)
        new = hash_strings([slug(i) for p in names for i, _ in names[p].values()])
        met = np.isin(h[PAGE], new) & ~pages
        if not met.any():
            return names
        seeds = np.union1d(seeds, h[PAGE][met])
    return names


def _walk(rows: Iterable[tuple[int, int, str]], renamed: set[tuple[int, int]]
          ) -> dict[int, dict[int, tuple[str, str]]]:  # fmt: skip
    """The local audit's naming walk, over some articles in input order."""
    used: set[str] = set()
    pages = PageNames()
    out: dict[int, dict[int, tuple[str, str]]] = {}
    for p, r, ident in rows:
        if (p, r) in renamed:
            ident = _unique(ident, used)
        out.setdefault(p, {})[r] = (ident, pages(ident))
    return out


def names_for(names: Mapping[int, Mapping[int, tuple[str, str]]], part: int, start: int,
              stop: int) -> Names:  # fmt: skip
    """The renamed articles of rows ``start:stop`` of a partition."""
    mine = names.get(part) or {}
    return {r: v for r, v in mine.items() if start <= r < stop}
