"""Train the source verifier on PolNeAR ``train`` (one command, fixed seed).

    python -m training.train_source_verifier [--out rules/attribution/source_verifier.json]

1. run the shipped extractor without the verifier over every ``train`` article and keep
   the relations the verifier judges (``rules.attribution.verifier.candidates``);
2. label each: 1 when its source overlaps the source of a gold attribution whose cue or
   content overlaps its own, else 0 (the source is no source of what the cue reports);
3. a logistic regression (scikit-learn, liblinear, L2) over the binary features of
   ``source_features``; C chosen by 5-fold cross-validation grouped by article (log loss);
4. the threshold: on the out-of-fold probabilities, the one whose kept candidates have the
   best F1 against the true sources (a rejected true source is a lost source);
5. refit on all of ``train``, write the weights as plain JSON with the CV figures.

``dev`` is never read here (``python -m evaluation.attribution`` scores it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

from checker.core.datafiles import with_envelope
from evaluation.polnear import Article, load_split
from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.lexicon import get_lexicon
from rules.attribution.tagger import CueTagger, load_cue_tagger
from rules.attribution.verifier import (
    VERIFIER_FORMAT,
    VERIFIER_FORMAT_VERSION,
    VERIFIER_PATH,
    candidates,
    source_features,
    switched_off,
)
from training.train_attribution import SEED, TAGGER_BITS, _sentences, fit_tagger, tagger_data

C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 14))
MIN_WEIGHT = 1e-4
FOLDS = 3


def _overlaps(a: tuple[int, int], pieces: tuple[tuple[int, int], ...]) -> bool:
    return any(min(a[1], b) > max(a[0], x) for x, b in pieces)


def label(art: Article, r: Extracted) -> int:
    """1 when ``r``'s source is the source of a gold attribution of the same report."""
    assert r.source is not None and r.cue is not None
    for g in art.attributions:
        if not g.source or not _overlaps(r.source, g.source):
            continue
        if _overlaps(r.cue, g.cue) or any(_overlaps(c, g.content) for c in r.content):
            return 1
    return 0


def fold_taggers(articles: list[Article], folds: int) -> list[CueTagger]:
    """One cue tagger per fold, fitted on the other folds' articles (with the shipped
    tagger's threshold and extra cues): the candidates of a fold's articles then carry
    the noise of text the tagger never saw, as on a newsroom's copy."""
    shipped = load_cue_tagger()
    assert shipped is not None, "the shipped cue tagger is missing"
    taggers = []
    for k in range(folds):
        rest = [a for i, a in enumerate(articles) if i % folds != k]
        feats, tags = tagger_data(rest, shipped.extra_cues)
        weights, bias, _ = fit_tagger(feats, tags)
        taggers.append(CueTagger(bits=TAGGER_BITS, weights=weights, bias=bias,
                                 threshold=shipped.threshold, extra_cues=shipped.extra_cues))
        print(f"fold {k + 1}/{folds}: tagger fitted on {len(rest)} articles", flush=True)
    return taggers


def rows(articles: list[Article], folds: int
         ) -> tuple[list[dict[str, int]], list[int], list[int]]:
    """Feature dicts, labels and article groups of every candidate relation, each article
    read by the cue tagger of its fold (:func:`fold_taggers`)."""
    lex = get_lexicon()
    taggers = fold_taggers(articles, folds)
    feats: list[dict[str, int]] = []
    ys: list[int] = []
    groups: list[int] = []
    with switched_off():
        for gi, art in enumerate(articles):
            sents = _sentences(art)
            found, _ = extract(art.text, sents, lex, model=taggers[gi % folds])
            d = TokenDoc(art.text, sents, lex)  # the features read the text's tokens
            for r in candidates(found):
                feats.append(dict.fromkeys(source_features(d, r), 1))
                ys.append(label(art, r))
                groups.append(gi)
    return feats, ys, groups


def cross_validate(x: object, y: np.ndarray, groups: np.ndarray) -> tuple[float, np.ndarray,
                                                                          dict[str, float]]:
    """(best C, its out-of-fold probabilities, log loss per C)."""
    losses: dict[str, float] = {}
    best: tuple[float, float, np.ndarray] | None = None
    for c in C_GRID:
        oof = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
            m = LogisticRegression(C=c, solver="liblinear", random_state=SEED)
            m.fit(x[tr], y[tr])  # type: ignore[index]
            oof[te] = m.predict_proba(x[te])[:, 1]  # type: ignore[index]
        loss = float(log_loss(y, oof))
        losses[str(c)] = round(loss, 4)
        if best is None or loss < best[0]:
            best = (loss, c, oof)
    assert best is not None
    return best[1], best[2], losses


def choose_threshold(y: np.ndarray, oof: np.ndarray) -> tuple[float, list[dict[str, float]]]:
    """The threshold whose kept sources have the best F1 against the gold sources among the
    candidates (precision of what is kept, recall of the true sources kept)."""
    table = []
    best = (-1.0, 0.0)
    pos = max(int(y.sum()), 1)
    neg = max(int((1 - y).sum()), 1)
    for t in THRESHOLDS:
        rejected = oof < t
        kept = ~rejected
        lost = float((rejected & (y == 1)).sum()) / pos
        precision = float((kept & (y == 1)).sum()) / max(int(kept.sum()), 1)
        f1 = 2 * precision * (1 - lost) / max(precision + 1 - lost, 1e-9)
        table.append({"threshold": t, "true_sources_rejected": round(lost, 4),
                      "non_sources_rejected": round(float((rejected & (y == 0)).sum()) / neg, 4),
                      "kept_precision": round(precision, 4), "kept_f1": round(f1, 4)})
        if f1 > best[0]:
            best = (f1, t)
    return best[1], table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(VERIFIER_PATH))
    parser.add_argument("--folds", type=int, default=FOLDS,
                        help="cue taggers fitted out of fold to produce the candidates")
    args = parser.parse_args(argv)
    articles = load_split("train")
    feats, ys, gs = rows(articles, args.folds)
    vec = DictVectorizer()
    x = vec.fit_transform(feats).tocsr()
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)
    y, groups = np.array(ys), np.array(gs)
    c, oof, losses = cross_validate(x, y, groups)
    threshold, table = choose_threshold(y, oof)
    model = LogisticRegression(C=c, solver="liblinear", random_state=SEED).fit(x, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    base_precision = float(y.mean())
    data = with_envelope(VERIFIER_FORMAT, {
        "model": "logistic regression: is a relation's source an information source",
        "features": "rules.attribution.verifier.source_features (binary)",
        "trained_on": "PolNeAR train (relations of the shipped extractor, verifier off)",
        "trained": dt.date.today().isoformat(),
        "params": {"C": c, "solver": "liblinear", "seed": SEED},
        "cv": {"articles": len(articles), "candidates": len(ys),
               "positive_rate": round(base_precision, 4), "log_loss_by_C": losses,
               "auc": round(float(roc_auc_score(y, oof)), 4), "thresholds": table},
        "bias": round(float(model.intercept_[0]), 5),
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }, VERIFIER_FORMAT_VERSION)
    Path(args.out).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    print(json.dumps({k: data[k] for k in ("params", "cv", "threshold")}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
