"""Seed articles and accuracy on ../shared data (skipped when ../shared is absent)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import load_document
from evaluation.hedging_summary import body_words, summarise
from rules.hedging import run

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "data" / "seeds"
HEDGING_DATA = SHARED / "data" / "hedging"

# Hedges the issue lists for the seeds: (seed prefix, cue phrase in the article, cue text start).
SEED_HEDGES = [
    ("001", "reportedly claimed", "reportedly"),
    ("002", "is thought to have", "is thought to"),
    ("002", "might not be enough", "might not"),
    ("002", "it seems", "it seems"),
    ("002", "could be the undoing", "could be"),
    ("003", "it was likely offered", "it was likely"),
    ("004", "may have been exposed", "may have"),
    ("004", "Apparent mass confusion", "Apparent"),
    ("004", "seemingly in disarray", "seemingly"),
]

_QUOTED = re.compile(r"\u201c[^\u201d\n]+\u201d")


def analyse_seed(prefix: str) -> Analysis:
    if not SEEDS.is_dir():
        pytest.skip("../shared/data/seeds is absent (seed articles are not part of the repo)")
    path = next(SEEDS.glob(f"{prefix}*.txt"))
    analysis = Analysis(load_document(path), Config())
    for fam in ("footnotes", "attribution"):
        importlib.import_module(f"rules.{fam}").run(analysis)
    run(analysis)
    return analysis


@pytest.mark.parametrize(("prefix", "phrase", "cue"), SEED_HEDGES)
def test_seed_hedges_are_found_as_the_authors(prefix: str, phrase: str, cue: str) -> None:
    a = analyse_seed(prefix)
    at = a.doc.text.index(phrase)
    found = [h for h in a.hedges if at <= h.start < at + len(phrase)]
    assert [h.text for h in found] == [a.doc.text[at : at + len(cue)]]
    assert found[0].category in ("epistemic", "reportative", "weasel")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_hedges_inside_quotations_are_the_speakers(prefix: str) -> None:
    a = analyse_seed(prefix)
    quotes = [m.span() for m in _QUOTED.finditer(a.doc.text)]
    inside = [h for h in a.hedges if any(s <= h.start and h.end <= e for s, e in quotes)]
    for h in inside:
        assert not h.flagged and h.speaker, h
    flagged = {(f.start, f.end) for f in a.findings if f.code.startswith("HDG")}
    assert not flagged & {(h.start, h.end) for h in inside}
    if prefix == "004":  # a long quotation full of a commentator's hedges
        assert len(inside) >= 4


def test_seed_without_hedges_is_quiet_on_plain_sentences() -> None:
    a = analyse_seed("000")
    s = summarise(a.hedges, body_words(a.doc))
    assert s["words"] > 300
    assert s["hedges_per_100_words"] < 2.0


@pytest.mark.slow
def test_corpus_accuracy_figures() -> None:
    if not (HEDGING_DATA / "wikiweasel" / "train.csv").is_file():
        pytest.skip("../shared/data/hedging is absent")
    from evaluation.hedging import cue_scores, load_data, sentence_scores
    from training.hedge_sentence_model import load_model

    data = load_data(with_bio=False)
    test = data.conll_test()
    assert 1000 < len(test) < 2500
    train_texts = {r.text for r in data.conll_train()}
    assert not train_texts & {r.text for r in test}
    pred = load_model().predict([r.text for r in test])
    p, r, f = sentence_scores([r.label for r in test], pred)
    # Measured 0.632 on this split (CV on training articles 0.615); shared task best 0.57-0.60.
    assert f >= 0.57, (p, r, f)
    cp, cr, _ = cue_scores(data.szeged_test())["overlap"]
    assert cp >= 0.6 and cr >= 0.5, (cp, cr)
