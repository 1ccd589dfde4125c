"""The cycle collector's threshold while an audit runs its articles in one process."""

from __future__ import annotations

import gc

from checker.pool import ARTICLES_GC_THRESHOLD, Job, iter_done
from checker.text.tabular import ArticleInput


def _inputs(n: int) -> list[ArticleInput]:
    text = "The mayor said on Monday that the council had met. Critics disagreed."
    return [ArticleInput(f"a{i}", f"a{i}", f"a{i}.txt", text=text) for i in range(n)]


def test_threshold_raised_while_articles_run_and_restored_after() -> None:
    before = gc.get_threshold()
    seen = []
    for done in iter_done(_inputs(2), Job()):
        assert done.result is not None and done.result.status == "ok"
        seen.append(gc.get_threshold())
    assert seen == [(ARTICLES_GC_THRESHOLD, *before[1:])] * 2
    assert gc.get_threshold() == before


def test_threshold_restored_when_the_caller_stops_early() -> None:
    before = gc.get_threshold()
    it = iter_done(_inputs(3), Job())
    next(it)
    it.close()
    assert gc.get_threshold() == before
