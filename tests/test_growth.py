"""Growth smoke test: pathological inputs cost time in proportion to their size.

The fast version of ``bench/growth.py`` (which ``make bench`` runs at 10k, 100k and 1M
characters and prints exponents for): every family of pathological input is analysed at
two sizes eight times apart, and the larger may take at most ``RATIO`` times as long
(linear is 8x, quadratic 64x). Generous, for a loaded machine; the benchmark holds the
real target. The document time budget is tested in ``test_isolation.py``.
"""

from __future__ import annotations

import sys
import time

import pytest

from checker.core.config import Config
from checker.pipeline import analyse_document, paused_gc
from checker.text.loader import document_from_text
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.growth import FAMILIES  # noqa: E402

SMALL, LARGE = 4_000, 32_000
RATIO = 20.0  # linear: 8
FLOOR = 0.15  # seconds: below this, timer noise and warm-up dominate

def _seconds(name: str, size: int) -> float:
    """The best of two runs of the whole per-document path (every stage counted)."""
    fmt, gen = FAMILIES[name]
    text = gen(size)
    best = float("inf")
    for _ in range(2):
        timings: dict[str, float] = {}
        with paused_gc():  # as analyse_file does
            t0 = time.perf_counter()
            doc = document_from_text(text, path=f"x.{fmt}", fmt=fmt)
            timings["load+segment"] = time.perf_counter() - t0
            analyse_document(doc, Config(time_budget=0), timings=timings)
        best = min(best, sum(timings.values()))
    return best


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    analyse_document(document_from_text("The mayor said so on Monday."), Config())


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_time_grows_linearly(name: str) -> None:
    small = _seconds(name, SMALL)
    large = _seconds(name, LARGE)
    assert large <= max(RATIO * small, FLOOR), (
        f"{name}: {small:.3f} s at {SMALL} chars, {large:.3f} s at {LARGE} "
        f"(x{large / max(small, 1e-9):.0f} for x{LARGE // SMALL} the size)"
    )


def test_the_families_cover_the_issue() -> None:
    """Every family the growth issue names is in the benchmark."""
    needed = {
        "byline-and", "html-comments", "directives", "padded-total", "spaces",
        "comment-openers", "unclosed-bracket", "unclosed-link", "autolink-openers",
        "bracket-markers", "glued-numbers", "reference-definitions", "source-list",
        "footnote-findings", "curly-quotes", "ordinary-text", "html-ol-li", "html-div",
        "html-li", "html-sup", "html-deep-nesting", "sources-said", "long-line", "short-lines",
        "according-to-run-on", "say-and-run-on", "relative-say-run-on",
    }  # fmt: skip
    assert needed <= set(FAMILIES)
    for name, (fmt, gen) in FAMILIES.items():
        assert fmt in ("text", "markdown", "html")
        assert 9_000 <= len(gen(10_000)) <= 11_000, name


def _stage_seconds(name: str, size: int, stage: str) -> float:
    """The best of two runs of one stage of the per-document path on family ``name``."""
    fmt, gen = FAMILIES[name]
    text = gen(size)
    best = float("inf")
    for _ in range(2):
        timings: dict[str, float] = {}
        with paused_gc():
            analyse_document(document_from_text(text, path=f"x.{fmt}", fmt=fmt),
                             Config(time_budget=0), timings=timings)
        best = min(best, timings[stage])
    return best


# run-on families whose super-linear part only shows past the smoke test's sizes (the stage's
# quadratic term is small at 32k characters): one stage, timed at 25k and 200k
STAGE_FAMILIES = [("comment-clause-hedges", "rules.hedging"),  # was x26 for x8 the size
                  ("say-and-run-on", "rules.attribution")]


@pytest.mark.parametrize(("name", "stage"), STAGE_FAMILIES)
def test_a_run_on_stage_grows_linearly(name: str, stage: str) -> None:
    small = _stage_seconds(name, 25_000, stage)
    large = _stage_seconds(name, 200_000, stage)
    assert large <= max(16 * small, FLOOR), (
        f"{name} {stage}: {small:.3f} s at 25k chars, {large:.3f} s at 200k "
        f"(x{large / max(small, 1e-9):.0f} for x8 the size)"
    )
