"""A pool worker that dies while the caller is busy with earlier results loses no article.

The pool can break (a worker killed for memory, a crash in native code) at any moment, also
between two articles that the caller takes: the articles handed to the broken pool after
that moment are analysed again like those that were in flight, never dropped.
"""

from __future__ import annotations

import os
import sys
import time

import pytest

import checker.pool as pool
from checker.pool import WORKER_DIED, Job, iter_done
from checker.text.tabular import ArticleInput

TEXT = "The council approved the new budget on Monday, the mayor said in a statement.\n"


def _inputs(n: int, crash: int) -> list[ArticleInput]:
    texts = [("CRASH " if i == crash else "") + TEXT for i in range(n)]
    return [ArticleInput(f"a{i}", f"a{i}", f"a{i}.txt", t, "text") for i, t in enumerate(texts)]


@pytest.mark.skipif(sys.platform != "linux", reason="the monkeypatch reaches workers by fork")
@pytest.mark.parametrize("crash", [5])
def test_articles_handed_to_a_broken_pool_are_analysed_again(monkeypatch, crash: int) -> None:
    real = pool.audit_article

    def audit(item, config):
        if "CRASH" in item.text:
            os._exit(1)
        return real(item, config)

    monkeypatch.setattr(pool, "audit_article", audit)
    crash = 5
    inputs = _inputs(20, crash)
    done = []
    for d in iter_done(iter(inputs), Job(), jobs=2):
        done.append(d)
        if len(done) == 1:
            time.sleep(1.5)  # the crash breaks the pool while the caller is busy here
    assert [d.fields["id"] for d in done] == [i.id for i in inputs]
    status = {d.fields["id"]: d.result.status for d in done}
    assert [k for k, v in status.items() if v == "error"] == [f"a{crash}"]
    assert WORKER_DIED in done[crash].result.error
