"""Ids and pages of a Dask audit equal the local audit's (no cluster needed: the survey and
the settling run on pandas partitions here, as the workers and the driver run them)."""

from __future__ import annotations

import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.batch import PageNames, _unique
from checker.dask_names import settle, survey
from checker.dask_tables import PATH_COLUMN, RowSpec, default_page, row_ids
from checker.text.tabular import TableSpec

SPEC = RowSpec(TableSpec("body", "id"), source="in/export.jsonl")
LONG = "x" * 79  # its slug is cut at 80 letters: "x...x-2" becomes "x...x-"
IDS = ["a", "A", "a~2", "a~2~2", "a~3", "a-2", "a 2", "A-2", "b", "b~2", "export.jsonl#2",
       "EXPORT.JSONL#3", "export-jsonl-2", "story-0001", "story-0001-2", LONG, LONG + "~2",
       LONG + " 5", None, ""]  # fmt: skip


def local_names(ids: list[str | None]) -> list[tuple[str, str]]:
    """(id, page) of each row as the local audit names them (checker.batch.Inputs)."""
    used: set[str] = set()
    pages = PageNames()
    out = []
    for n, ident in enumerate(ids, 1):
        ident = ident.strip() if ident else f"export.jsonl#{n}"
        ident = _unique(ident, used)
        out.append((ident, pages(ident)))
    return out


def dask_names(ids: list[str | None], sizes: list[int],
               passes: list | None = None) -> list[tuple[str, str]]:
    """(id, page) of each row as a Dask audit names them, the input cut into ``sizes``."""
    frames, at = [], 0
    for size in sizes:
        frames.append(pd.DataFrame({"id": ids[at:at + size], PATH_COLUMN: "in/export.jsonl"}))
        at += size
    frames.append(pd.DataFrame({"id": ids[at:], PATH_COLUMN: "in/export.jsonl"}))
    befores = [sum(len(f) for f in frames[:i]) for i in range(len(frames))]
    surveys = [survey(f, SPEC, PATH_COLUMN) for f in frames]  # on the workers
    passes = [] if passes is None else passes

    def collect(wanted):
        passes.append(wanted)
        return {p: [(r, i) for r, i in row_ids(frames[p], befores[p], SPEC) if r in set(rows)]
                for p, rows in wanted.items()}  # fmt: skip

    names = settle(surveys, befores, collect)
    out = []
    for p, frame in enumerate(frames):
        for r, ident in row_ids(frame, befores[p], SPEC):
            out.append(names.get(p, {}).get(r, (ident, default_page(ident))))
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(IDS), max_size=30),
       st.lists(st.integers(0, 8), max_size=5))  # fmt: skip
@example([LONG, LONG, LONG + " 5"], [1])  # a renamed id's page, cut at 80 letters, meets one
@example(["a", "a", "a~2", "a~2"], [])  # a renamed id meets a given one, renamed again
@example([None, "export.jsonl#1", None, "EXPORT.JSONL#3"], [1, 1])  # default ids meet given ones
def test_ids_and_pages_equal_the_local_audits_however_the_input_is_cut(ids, sizes) -> None:
    assert dask_names(ids, sizes) == local_names(ids)


def test_without_a_shared_name_no_id_comes_to_the_driver() -> None:
    ids = [f"story-{i:04d}" for i in range(500)] + [None] * 20
    frames = [pd.DataFrame({"id": ids[i:i + 100], PATH_COLUMN: "in/export.jsonl"})
              for i in range(0, len(ids), 100)]  # fmt: skip
    befores = [100 * i for i in range(len(frames))]
    calls = []
    names = settle([survey(f, SPEC, PATH_COLUMN) for f in frames], befores,
                   lambda wanted: calls.append(wanted) or {})  # fmt: skip
    assert names == {} and calls == []


def test_a_shared_id_brings_only_its_family() -> None:
    ids = [f"story-{i:04d}" for i in range(300)]
    ids[250] = "story-0007"  # the only shared id
    passes: list[dict[int, list[int]]] = []
    got = dask_names(ids, [100, 100], passes)
    assert got == local_names(ids)
    assert passes == [{0: [7], 2: [50]}]  # two rows of two partitions: one pass
    assert got[250] == ("story-0007~2", "articles/story-0007-2.html")
