"""Train the sentence-level hedge classifier: ``python -m training.train_hedging``.

Data: ``../shared/data/hedging/wikiweasel/train.csv`` (CoNLL-2010 task 1 Wikipedia
sentences, label 1 = uncertain), training articles only; the held-out articles
(``crc32(article id) % 5 == 0``, see ``evaluation/hedging.py``) are never read here.
The Szeged ``<ccue>`` annotations are used to report how often each lexicon cue matches a
gold Szeged cue on the training articles (a per-cue precision, stored in the model card).
Szeged sentences are not added as training rows: their labels only mark speculation, not
weasel wording, and adding them lowered cross-validated F1 (0.61 -> 0.54).

Model selection: 5-fold GroupKFold by article over min_df x C x class_weight x nb_alpha
(plain logistic regression, or NB-LR: features scaled by their naive-Bayes log-count ratio,
folded into the stored weights); the decision threshold is the one that maximises
cross-validated F1 of the uncertain class. The final model is
fit on all training articles and saved as plain JSON to
``rules/hedging/sentence_model.json`` (see ``rules/hedging/uncertainty.py``, which the audit
uses, and ``training/hedge_sentence_model.py``). The same cross-validation then chooses
``cue_threshold``: from which lower probability a sentence holding an author's hedge cue
counts as ``hedged``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from checker.core.datafiles import with_envelope
from evaluation.hedging import HELDOUT_MOD, WIKIWEASEL, load_data, sentence_scores
from rules.hedging import CATEGORIES, author_cues, find_cues
from training.hedge_sentence_model import (
    MODEL_FORMAT,
    MODEL_PATH,
    HedgeSentenceClassifier,
    sentence_features,
)

SEED = 13
HEDGE_CUES = ("epistemic", "reportative", "weasel")
GRID_C = (0.03, 0.1, 0.3)
GRID_CW: tuple[str | None, ...] = (None, "balanced")
GRID_MIN_DF = (2, 5, 10)
# None: plain logistic regression; a number: NB-LR (features scaled by their naive-Bayes
# log-count ratio, smoothed by this; see HedgeSentenceClassifier)
GRID_NB: tuple[float | None, ...] = (None, 1.0)
# A model with fewer features loads faster at start-up: within this much CV F1 of the best,
# the one with the largest min_df is chosen.
SMALLER_WITHIN = 0.003
THRESHOLDS = np.round(np.arange(0.15, 0.851, 0.025), 3)


def cue_precision_on_szeged(sents: list) -> dict[str, dict[str, float]]:
    """Per lexicon key: matches on Szeged training sentences and share overlapping a gold cue."""
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for s in sents:
        gold = [(a, b) for a, b, _, _ in s.cues]
        for c in find_cues(s.text, CATEGORIES):
            total[c.key] += 1
            if any(c.start < b and a < c.end for a, b in gold):
                hits[c.key] += 1
    return {
        k: {"matches": n, "szeged_precision": round(hits[k] / n, 3)}
        for k, n in sorted(total.items())
    }


def _cv_probs(y: np.ndarray, feats: list[list[str]], folds: list,
              params: dict) -> np.ndarray:
    """Out-of-fold P(uncertain) of every training row, for the estimator ``params``."""
    probs = np.zeros(len(y))
    for a, b in folds:
        m = HedgeSentenceClassifier(**params).fit(
            [], list(y[a]), features=[feats[i] for i in a]
        )
        probs[b] = [p[1] for p in m.predict_proba([], features=[feats[i] for i in b])]
    return probs


def _cv_results(y: np.ndarray, feats: list[list[str]], folds: list,
                params: dict) -> list[tuple]:
    """(F1, P, R, threshold, params) per threshold, cross-validated."""
    probs = _cv_probs(y, feats, folds, params)
    out = []
    for th in THRESHOLDS:
        p, r, f = sentence_scores(list(y), list((probs >= th).astype(int)))
        out.append((f, p, r, float(th), params))
    best = max(out, key=lambda x: x[0])
    print(f"{params}: best CV F1 {best[0]:.3f} at {best[3]}")
    return out


def choose_cue_threshold(texts: list[str], y: np.ndarray, feats: list[list[str]],
                         folds: list, params: dict, th: float) -> tuple[float, float]:
    """The ``cue_threshold`` of the combined ``hedged`` verdict (a sentence with an author's
    hedge cue counts as hedged from this lower probability), by the same cross-validation;
    ties go to the higher threshold (the model alone)."""
    probs = _cv_probs(y, feats, folds, params)
    cue = np.array([
        any(c.category in HEDGE_CUES for c in author_cues(t, CATEGORIES)) for t in texts
    ])
    best = (-1.0, 0.0)
    for ct in sorted({float(x) for x in THRESHOLDS if x <= th} | {th}, reverse=True):
        pred = (probs >= th) | (cue & (probs >= ct))
        f = sentence_scores(list(y), list(pred.astype(int)))[2]
        if f > best[0] + 1e-9:
            best = (f, ct)
    return best[1], best[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)

    data = load_data(with_bio=False)
    train = data.conll_train()
    texts = [r.text for r in train]
    y = np.array([r.label for r in train])
    groups = [r.doc for r in train]
    feats = [sentence_features(t) for t in texts]
    folds = list(GroupKFold(n_splits=5).split(feats, y, groups))

    results = []
    for nb in GRID_NB:
        for min_df in GRID_MIN_DF:
            for C in GRID_C:
                for cw in GRID_CW:
                    params = {"C": C, "class_weight": cw, "min_df": min_df, "nb_alpha": nb}
                    results += _cv_results(y, feats, folds, params)
    top = max(x[0] for x in results)
    f, p, r, th, params = max(
        (x for x in results if x[0] >= top - SMALLER_WITHIN),
        key=lambda x: (x[4]["min_df"], x[0]),
    )
    print(f"chosen: {params} threshold={th} "
          f"(CV F1 {f:.3f}, P {p:.3f}, R {r:.3f}; best of the grid {top:.3f})")
    cue_th, cue_f = choose_cue_threshold(texts, y, feats, folds, params, th)
    print(f"chosen: cue_threshold={cue_th} (CV F1 of the combined verdict {cue_f:.3f})")

    model = HedgeSentenceClassifier(threshold=th, **params).fit([], list(y), features=feats)
    model.cue_threshold = cue_th
    meta = {
        "trained": dt.date.today().isoformat(),
        "seed": SEED,
        "training_data": {
            "file": "../shared/data/hedging/wikiweasel/train.csv (CoNLL-2010 task 1 Wikipedia)",
            "split": f"training articles only: crc32(Szeged article id) % {HELDOUT_MOD} != 0",
            "rows": len(train),
            "uncertain": int(y.sum()),
            "articles": len(set(groups)),
        },
        "selection": {
            "cv": "5-fold GroupKFold by article on the training rows",
            "grid": {"C": list(GRID_C), "class_weight": list(GRID_CW),
                     "min_df": list(GRID_MIN_DF), "nb_alpha": list(GRID_NB)},
            "rule": f"best CV F1; within {SMALLER_WITHIN} of it, the largest min_df",
            "cv_f1": round(f, 4),
            "cv_precision": round(p, 4),
            "cv_recall": round(r, 4),
            "cue_threshold": cue_th,
            "cv_f1_hedged": round(cue_f, 4),
            "hedged": "probability >= threshold, or an author's hedge cue (epistemic, "
            "reportative, weasel; outside quotations) and probability >= cue_threshold",
        },
        "cue_precision_szeged_train": cue_precision_on_szeged(data.szeged_train()),
    }
    out = with_envelope(MODEL_FORMAT, model.to_json(meta))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(out['weights'])} weights) from {WIKIWEASEL.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
