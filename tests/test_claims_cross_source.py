"""The claim model's cross-source data and selection (training/claim_sources.py,
training/cross_source.py) and what the committed model records about them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rules.claims import CLAIM_THRESHOLD
from rules.claims.model import DEFAULT_MODEL_PATH
from training.claim_sources import (
    OWN_NEWS,
    NewsExample,
    read_own_news,
    read_realnews_tune,
    realnews_split,
)
from training.cross_source import news_threshold

REALNEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "realnews" / "dev"


def _labels_file(folder: Path, article: str, rows: list[tuple[str, str]]) -> None:
    sentences = [{"text": t, "label": lab, "source": "", "vague": False, "hedges": []}
                 for t, lab in rows]
    (folder / f"{article}.json").write_text(json.dumps({"sentences": sentences}))


def test_only_the_tune_half_and_only_claim_labels_are_read(tmp_path: Path) -> None:
    tune = next(f"x{i}" for i in range(100) if realnews_split(f"x{i}") == "tune")
    held = next(f"x{i}" for i in range(100) if realnews_split(f"x{i}") == "heldout")
    rows = [("The ferry carried 412 passengers on Sunday.", "unsourced"),
            ("The mayor said the budget was balanced.", "sourced"),
            ("Everyone should visit the old harbour at least once.", "not_claim"),
            ("The bridge might be the oldest in the county.", "borderline"),
            ("Photo: harbour office", "skip")]
    _labels_file(tmp_path, tune, rows)
    _labels_file(tmp_path, held, rows)
    got = read_realnews_tune(tmp_path)
    assert [(e.label, e.article) for e in got] == [(1, tune), (1, tune), (0, tune)]
    assert all(isinstance(e, NewsExample) for e in got)


def test_a_malformed_label_file_is_named(tmp_path: Path) -> None:
    tune = next(f"x{i}" for i in range(100) if realnews_split(f"x{i}") == "tune")
    (tmp_path / f"{tune}.json").write_text('{"sentences": [{"text": 1}]}')
    with pytest.raises(ValueError, match=f"{tune}.json"):
        read_realnews_tune(tmp_path)


def test_news_threshold_does_not_pick_everything_is_a_claim() -> None:
    y = np.array([1] * 80 + [0] * 20)
    # claims score 0.3-0.9, non-claims 0.2-0.45: below 0.45 every non-claim passes too
    rng = np.random.default_rng(0)
    prob = np.concatenate([rng.uniform(0.3, 0.9, 80), rng.uniform(0.2, 0.45, 20)])
    t, sweep = news_threshold(y, prob)
    assert t >= 0.45
    assert {r["threshold"] for r in sweep} >= {0.2, 0.5, 0.7}


def test_real_news_tune_half_is_read_when_present() -> None:
    if not REALNEWS.is_dir():
        pytest.skip("../shared/data/realnews is absent (third-party text, not in the repo)")
    got = read_realnews_tune()
    assert got and {realnews_split(e.article) for e in got} == {"tune"}
    assert 0 < sum(e.label for e in got) < len(got)


def test_committed_model_records_cross_source_figures_and_its_news_threshold() -> None:
    meta = json.loads(DEFAULT_MODEL_PATH.read_text(encoding="utf-8"))["metadata"]
    for key in ("debates_to_news", "news_to_debates", "news_cv", "cv5_ct24_train"):
        assert 0.0 <= meta["metrics"][key]["f1"] <= 1.0
    assert meta["news_threshold"] == CLAIM_THRESHOLD.default
    assert "held-out half is never read" in meta["training_data"]["news"]


def test_committed_model_figures_at_a_threshold_are_at_that_threshold() -> None:
    """The ``*_at_news_threshold`` figures are those of the news threshold the tool uses
    (not of an earlier, sentence-level choice), and the transcript threshold's figures are
    recorded beside it, with the nested CV figure of choosing it."""
    meta = json.loads(DEFAULT_MODEL_PATH.read_text(encoding="utf-8"))["metadata"]
    sweeps = meta["selection"]["threshold_sweeps"]
    for name in ("cv5_ct24_train", "news_cv"):
        row = next(r for r in sweeps[name] if r["threshold"] == meta["news_threshold"])
        recorded = meta["metrics"][f"{name}_at_news_threshold"]
        assert recorded["f1"] == row["f1"] and recorded["precision"] == row["precision"]
    t = meta["transcript_threshold"]
    assert 0.2 <= t <= 0.9
    best = max(sweeps["cv5_ct24_train"], key=lambda r: (r["f1"], r["threshold"]))
    assert best["threshold"] == t
    at = meta["metrics"]["cv5_ct24_train_at_transcript_threshold"]
    assert abs(at["f1"] - best["f1"]) < 1e-4
    nested = meta["metrics"]["cv5_ct24_train_transcript_threshold_nested"]
    assert nested["n"] == meta["metrics"]["cv5_ct24_train"]["n"]
    assert nested["f1"] <= at["f1"] + 1e-9  # choosing on other folds cannot beat the best


def test_transcript_threshold_is_chosen_without_the_scored_fold() -> None:
    from training.cross_source import transcript_threshold

    rng = np.random.default_rng(1)
    y = (rng.random(400) < 0.25).astype(int)
    prob = np.clip(0.55 + 0.3 * y + rng.normal(0, 0.12, 400), 0, 1)
    folds = [np.arange(i, 400, 4) for i in range(4)]
    t, nested = transcript_threshold(y, prob, folds)
    assert 0.6 <= t <= 0.9  # non-claims sit near 0.55: the best cut is well above 0.5
    assert len(nested["fold_thresholds"]) == 4 and nested["n"] == 400
    # a fold whose labels were flipped would change every threshold but its own
    flipped = y.copy()
    flipped[folds[0]] = 1 - flipped[folds[0]]
    _, again = transcript_threshold(flipped, prob, folds)
    assert again["fold_thresholds"][0] == nested["fold_thresholds"][0]


_HARBOUR = ["ferry", "harbour", "quay", "tide", "pier", "dock"]
_BUDGET = ["tax", "budget", "deficit", "wage", "pension", "tariff"]


def _made_up_source(rng: np.random.Generator, nouns: list[str], n: int, share: float,
                    claim: str, other: str, tag: str = "s"
                    ) -> tuple[list[str], np.ndarray, list[str]]:
    """``n`` sentences about two of ``nouns`` each: a ``share`` of them claims (``claim``
    filled with the nouns and a figure), the rest ``other``; groups of 8 named by ``tag``."""
    texts, labels, groups = [], [], []
    for i in range(n):
        a, b = rng.choice(nouns, 2, replace=False)
        if rng.random() < share:
            texts.append(claim.format(a=a, b=b, n=rng.integers(2, 900)))
            labels.append(1)
        else:
            texts.append(other.format(a=a, b=b))
            labels.append(0)
        groups.append(f"{tag}{i % 8}")
    return texts, np.array(labels), groups


def test_transfer_table_shows_shape_cues_carrying_across_sources() -> None:
    """Two made-up sources that share no topic word: in both, claims carry a figure and a
    past-tense verb and non-claims a modal of obligation. Words cannot carry over; the shape
    cues can, and class balancing removes the first source's share of claims."""
    from training.cross_source import TRANSFER_FEATURES, transfer_table

    rng = np.random.default_rng(0)
    claim = "The {a} rose {n} percent in {b} last year."
    other = "We should {a} the {b} before it is too late for everyone."
    news_t, news_y, _ = _made_up_source(rng, _HARBOUR, 60, 0.8, claim, other)
    deb_t, deb_y, _ = _made_up_source(rng, _BUDGET, 300, 0.25, claim, other)
    rows = transfer_table(deb_t, deb_y, news_t, news_y)
    assert [(r["features"], r["balanced"]) for r in rows] == [
        (f, b) for f in TRANSFER_FEATURES for b in (False, True)]
    shapes = next(r for r in rows if r["features"] == TRANSFER_FEATURES[2] and r["balanced"])
    assert shapes["news_to_debates"]["f1"] > 0.95
    assert shapes["debates_to_news"]["f1"] > 0.95
    assert shapes["news_to_debates"]["n"] == 300 and shapes["debates_to_news"]["n"] == 60


def test_grid_scores_measure_both_directions_and_balance_helps_across_shares() -> None:
    """Two made-up sources with different shares of claims (80 % and 25 %) and no topic
    word in common: the criterion is the mean of the four F1s, and the general features
    (here weighted 4x against the words) carry each way once the classes are balanced."""
    from training.cross_source import grid_scores

    rng = np.random.default_rng(1)
    claim = "The {a} fell {n} percent in {b} in 2019."
    other = "Please think about the {a} and the {b} with me, friends!"
    nt, ny, ng = _made_up_source(rng, _HARBOUR, 80, 0.8, claim, other, tag="n")
    dt_, dy, _ = _made_up_source(rng, _BUDGET, 240, 0.25, claim, other, tag="d")
    got = grid_scores(dt_, dy, nt, ny, ng, C=1.0, shapes=True, news_weight=10.0,
                      general_weight=4, class_weight="balanced")
    four = [got[k] for k in ("f1_news_cv", "f1_debate_cv", "f1_debates_to_news",
                             "f1_news_to_debates")]
    assert got["criterion"] == pytest.approx(sum(four) / 4)
    assert min(four) > 0.9


@pytest.mark.skipif(not (REALNEWS.parents[1] / "attribution" / "polnear" / "dev").is_dir(),
                    reason="PolNeAR (../shared/data/attribution/polnear) not present")
def test_polnear_audit_counts_flags_inside_gold_attribution() -> None:
    from evaluation.claims import polnear_audit
    from rules.claims import context, voice

    r = polnear_audit("dev", limit=4)
    assert r["articles"] == 4
    sentences, flagged = int(r["sentences"]), int(r["flagged"])
    assert 0 < flagged < sentences
    assert 0 <= int(r["flagged_gold_attributed"]) <= flagged
    assert 0 < int(r["gold_attributed"]) <= sentences
    reasons = {getattr(m, n) for m in (context, voice) for n in dir(m) if n.isupper()
               and isinstance(getattr(m, n), str)}
    assert set(r["exempted"]) <= reasons | {"other"}
    assert r["exempted"].get("quotation", 0) > 0


def test_own_news_sentences_are_read_and_a_bad_row_is_named(tmp_path: Path) -> None:
    own = read_own_news()
    assert len(own) >= 200 and 0.3 < sum(e.label for e in own) / len(own) < 0.7
    assert len({e.text for e in own}) == len(own)
    bad = tmp_path / "own.tsv"
    bad.write_text("# note\nlabel\ttext\n1\tThe ferry carried 412 people.\nmaybe\tX\n")
    with pytest.raises(ValueError, match=r"own.tsv:4"):
        read_own_news(bad)
    bad.write_text("text\tlabel\n")
    with pytest.raises(ValueError, match="label<TAB>text"):
        read_own_news(bad)


def test_own_news_sentences_are_not_evaluation_sentences() -> None:
    """None of the own-written sentences is in our news fixture (an evaluation set)."""
    from training.train_claims import normalise, read_news_fixture

    fixture = {normalise(e.text) for e in read_news_fixture()}
    assert fixture and not fixture & {normalise(e.text) for e in read_own_news(OWN_NEWS)}


def test_committed_model_records_the_own_sentences_weight() -> None:
    meta = json.loads(DEFAULT_MODEL_PATH.read_text(encoding="utf-8"))["metadata"]
    data = meta["training_data"]
    assert data["own_weight"] >= 0 and "written by the project" in data["own"]
    if data["own_weight"] > 0:
        assert data["sources"]["own_news"]["kept"] == len(read_own_news())
