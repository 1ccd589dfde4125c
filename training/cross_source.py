"""Cross-source validation of the claim model: does what it learns on one source hold on another?

Used by ``training/train_claims.py --select`` (choosing C, the shape cues, the weight
of the general features against the word n-grams, class weighting and the news weight)
and by ``python -m evaluation.claims`` (reporting). The sources are the debates and the
tune half of the real-news dev labels (:mod:`training.claim_sources`). Measures:

* **debates -> news**: fit on every debate sentence, score the news sentences;
* **news -> debates**: fit on the news sentences alone, score the debate sentences;
* **news CV**: 4 folds over the news *excerpts* (GroupKFold: no excerpt on both sides), each
  fold's model fitted on all debates plus the other folds' news (news rows weighted
  ``news_weight``): how the shipped recipe does on news it has not seen;
* **debate CV**: 5-fold stratified CV over the debates, each fold's model fitted on the
  other debate folds plus every news sentence (weighted): how that recipe does on debates.

The grid uses plain logistic-regression probabilities (one fit per fold); the final figures
(:func:`report`) use the full :class:`~rules.claims.model.ClaimClassifier` with its Platt
calibration, exactly as shipped.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from rules.claims.model import ClaimClassifier
from rules.claims.training import binary_metrics

SEED = 0
NEWS_FOLDS = 4
DEBATE_FOLDS = 5


def _news_split(groups: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    idx = np.arange(len(groups))
    return list(GroupKFold(NEWS_FOLDS).split(idx, groups=list(groups)))


def _debate_split(labels: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(DEBATE_FOLDS, shuffle=True, random_state=SEED)
    return list(folds.split(labels, labels))


def _raw_fit_proba(M: Any, y: np.ndarray, w: np.ndarray, train: np.ndarray,
                   test: np.ndarray, C: float, min_df: int = 2,
                   class_weight: str | None = None) -> np.ndarray:
    """Logistic-regression probabilities of ``test`` rows, fitted on ``train`` rows (the
    estimator's min_df rule applied to the training rows only)."""
    from scipy import sparse

    from rules.claims.fitting import logistic_regression

    keep = np.bincount(M[train].indices, minlength=M.shape[1]) >= min_df
    Mk = sparse.csr_matrix(M @ sparse.diags(keep.astype(np.float64)))
    lr = logistic_regression(C, class_weight).fit(Mk[train], y[train], sample_weight=w[train])
    return lr.predict_proba(Mk[test])[:, 1]


def grid_scores(debate_texts: list[str], debate_y: np.ndarray, news_texts: list[str],
                news_y: np.ndarray, news_groups: list[str], C: float, shapes: bool,
                news_weight: float, M: Any = None, general_weight: int = 1,
                class_weight: str | None = None, own: tuple[list[str], np.ndarray] | None = None,
                own_weight: float = 0.0) -> dict[str, float]:
    """Cheap (uncalibrated) F1 at 0.5 of one grid point, four ways: news CV, debate CV, and
    the two pure cross-source directions (debates -> news: fit on the debates alone, score
    the news; news -> debates: fit on the news alone, score the debates). The criterion is
    their mean: a recipe must hold on the source it did not see, in both directions.

    ``own`` (texts, labels): the own-written news-style sentences; with ``own_weight > 0``
    they join every training set (news CV and debate CV folds, and the news side of news ->
    debates), weighted ``own_weight``, and are never scored. ``M`` (if given) holds the
    features of the debates, then the news, then ``own``."""
    own_texts, own_y = own if own else ([], np.zeros(0, dtype=int))
    if M is None:
        M = ClaimClassifier(shapes=shapes, general_weight=general_weight)._transform(
            debate_texts + news_texts + own_texts)
    nd, nn = len(debate_texts), len(news_texts)
    y = np.concatenate([debate_y, news_y, own_y])
    w = np.concatenate([np.ones(nd), np.full(nn, news_weight), np.full(len(own_y), own_weight)])
    debates = np.arange(nd)
    news = np.arange(nd, nd + nn)
    extra = np.arange(nd + nn, len(y)) if own_weight > 0 else np.zeros(0, dtype=int)
    fit = {"C": C, "class_weight": class_weight}
    news_prob = np.zeros(len(news))
    for tr, te in _news_split(news_groups):
        news_prob[te] = _raw_fit_proba(M, y, w, np.concatenate([debates, news[tr], extra]),
                                       news[te], **fit)
    debate_prob = np.zeros(nd)
    for tr, te in _debate_split(debate_y):
        debate_prob[te] = _raw_fit_proba(M, y, w, np.concatenate([tr, news, extra]), te, **fit)
    ones = np.ones(len(y))
    d2n = _raw_fit_proba(M, y, ones, debates, news, **fit)
    n2d = _raw_fit_proba(M, y, ones, np.concatenate([news, extra]), debates, **fit)
    f = {"f1_news_cv": binary_metrics(news_y, news_prob)["f1"],
         "f1_debate_cv": binary_metrics(debate_y, debate_prob)["f1"],
         "f1_debates_to_news": binary_metrics(news_y, d2n)["f1"],
         "f1_news_to_debates": binary_metrics(debate_y, n2d)["f1"]}
    return {**f, "ap_news_cv": binary_metrics(news_y, news_prob)["average_precision"],
            "auc_news_to_debates": binary_metrics(debate_y, n2d)["roc_auc"],
            "criterion": float(np.mean(list(f.values())))}


def select(debate_texts: list[str], debate_y: np.ndarray, news_texts: list[str],
           news_y: np.ndarray, news_groups: list[str], Cs: Sequence[float],
           shapes_options: Sequence[bool], weights: Sequence[float],
           general_weights: Sequence[int] = (1,),
           class_weights: Sequence[str | None] = (None,),
           own: tuple[list[str], np.ndarray] | None = None,
           own_weights: Sequence[float] = (0.0,),
           ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The grid point with the best criterion of :func:`grid_scores` (ties: news AP)."""
    rows: list[dict[str, Any]] = []
    own_texts = own[0] if own else []
    for shapes in shapes_options:
        for k in general_weights:
            M = ClaimClassifier(shapes=shapes, general_weight=k)._transform(
                debate_texts + news_texts + own_texts)
            for C, cw, w, ow in itertools.product(Cs, class_weights, weights, own_weights):
                t0 = time.perf_counter()
                s = grid_scores(debate_texts, debate_y, news_texts, news_y, news_groups, C,
                                shapes, w, M, k, cw, own, ow)
                row = {"C": C, "shapes": shapes, "general_weight": k, "class_weight": cw,
                       "news_weight": w, "own_weight": ow,
                       **{key: round(v, 4) for key, v in s.items()}}
                rows.append(row)
                print(f"  grid {row} ({time.perf_counter() - t0:.0f}s)", flush=True)
    best = max(rows, key=lambda r: (r["criterion"], r["ap_news_cv"]))
    return best, rows


def _fit(params: dict[str, Any], texts: list[str], y: np.ndarray,
         w: np.ndarray | None = None) -> ClaimClassifier:
    return ClaimClassifier(random_state=SEED, **params).fit(texts, y, sample_weight=w)


Extra = tuple[list[str], np.ndarray, float]  # own-written rows: texts, labels, weight


def report(params: dict[str, Any], news_weight: float, debate_texts: list[str],
           debate_y: np.ndarray, news_texts: list[str], news_y: np.ndarray,
           news_groups: list[str], extra: Extra | None = None
           ) -> tuple[dict[str, Any], np.ndarray]:
    """Calibrated cross-source figures of the shipped recipe, and the out-of-fold news
    probabilities (for choosing the news threshold).

    ``extra``: the own-written news-style sentences (texts, labels, weight), added to every
    training set of the shipped recipe (the news CV folds) and never scored. The pure
    directions stay pure: ``news_to_debates`` is fitted on the real-news tune half alone
    (as before); ``news_and_own_to_debates`` on the tune half plus the own sentences."""
    out: dict[str, Any] = {}
    dy, ny = np.asarray(debate_y), np.asarray(news_y)
    et, ey, ew = extra if extra and extra[0] else ([], np.zeros(0, dtype=int), 0.0)
    out["debates_to_news"] = binary_metrics(
        ny, _fit(params, debate_texts, dy).predict_proba(news_texts)[:, 1])
    news_model = _fit({**params, "calibration_folds": 3}, news_texts, ny)
    out["news_to_debates"] = binary_metrics(dy, news_model.predict_proba(debate_texts)[:, 1])
    if et:
        both = _fit(params, news_texts + et, np.concatenate([ny, ey]))
        out["news_and_own_to_debates"] = binary_metrics(
            dy, both.predict_proba(debate_texts)[:, 1])
    news_prob = np.zeros(len(news_texts))
    for tr, te in _news_split(news_groups):
        texts = debate_texts + [news_texts[i] for i in tr] + et
        y = np.concatenate([dy, ny[tr], ey])
        w = np.concatenate([np.ones(len(dy)), np.full(len(tr), news_weight),
                            np.full(len(et), ew)])
        news_prob[te] = _fit(params, texts, y, w).predict_proba(
            [news_texts[i] for i in te])[:, 1]
    out["news_cv"] = binary_metrics(ny, news_prob)
    return out, news_prob


def news_threshold(news_y: np.ndarray, news_prob: np.ndarray) -> tuple[float, list[dict]]:
    """The threshold (0.20-0.70, steps of 0.05) with the best out-of-fold news F1 of the
    claim class at precision >= the share of claims + half the rest (so that "everything
    is a claim" cannot win); ties go to the higher threshold."""
    base = float(np.mean(news_y))
    floor = base + (1 - base) / 2
    rows = []
    for t in np.round(np.arange(0.20, 0.701, 0.05), 2):
        m = binary_metrics(news_y, news_prob, float(t))
        rows.append({"threshold": float(t), "f1": round(m["f1"], 4),
                     "precision": round(m["precision"], 4), "recall": round(m["recall"], 4)})
    ok = [r for r in rows if r["precision"] >= floor] or rows
    best = max(ok, key=lambda r: (r["f1"], r["threshold"]))
    return best["threshold"], rows


# Thresholds recorded per use (news, transcript) and swept for the model file's metadata.
SWEEP = tuple(float(t) for t in np.round(np.arange(0.20, 0.901, 0.05), 2))


def threshold_sweep(y: np.ndarray, prob: np.ndarray,
                    thresholds: Sequence[float] = SWEEP) -> list[dict[str, Any]]:
    """:func:`binary_metrics` of out-of-fold probabilities at every threshold (rounded to 4
    digits), so that a threshold chosen later (the news threshold of
    ``training/claim_threshold.py``) finds its figures in the model file."""
    rows = []
    for t in thresholds:
        m = binary_metrics(y, prob, float(t))
        rows.append({"threshold": float(t), **{k: round(v, 4) if isinstance(v, float) else v
                                               for k, v in m.items()}})
    return rows


def best_threshold(y: np.ndarray, prob: np.ndarray,
                   thresholds: Sequence[float] = SWEEP) -> float:
    """The threshold with the best F1 of the claim class (ties: the higher threshold)."""
    scores = [(binary_metrics(y, prob, float(t))["f1"], float(t)) for t in thresholds]
    return max(scores)[1]


def transcript_threshold(y: np.ndarray, prob: np.ndarray, folds: Sequence[np.ndarray]
                         ) -> tuple[float, dict[str, float]]:
    """The debate/transcript threshold, chosen on out-of-fold debate probabilities, and the
    figures of that *choice* under cross-validation.

    ``prob`` are out-of-fold probabilities of the debate sentences (5-fold CV on CheckThat!
    2024 train) and ``folds`` the test indices of each fold. The threshold for the model
    file is :func:`best_threshold` on all of them. The figure to quote is nested: for each
    fold, the threshold is chosen on the other folds' sentences only and applied to this
    fold's, so no sentence is scored at a threshold chosen with its own label.
    """
    y = np.asarray(y)
    pred = np.zeros(len(y), dtype=bool)
    chosen = []
    for te in folds:
        rest = np.setdiff1d(np.arange(len(y)), te)
        t = best_threshold(y[rest], prob[rest])
        chosen.append(t)
        pred[te] = prob[te] >= t
    nested = binary_metrics(y, pred.astype(float), 0.5)
    nested = {**nested, "roc_auc": binary_metrics(y, prob)["roc_auc"],
              "average_precision": binary_metrics(y, prob)["average_precision"],
              "fold_thresholds": chosen}  # type: ignore[dict-item]
    return best_threshold(y, prob), nested


# Feature sets for the transfer analysis (:func:`transfer_table`): all the model's features,
# single words with the cue and shape tokens, and the cue and shape tokens alone (word
# classes, length, capitals, a question mark: no topic words at all).
TRANSFER_FEATURES = ("bigrams+cues+shapes", "words+cues+shapes", "cues+shapes only")


def _transfer_analyzer(name: str) -> Any:
    from rules.claims.scorer import ClaimAnalyzer

    if name == TRANSFER_FEATURES[0]:
        return ClaimAnalyzer(2, True, True, True)
    words = ClaimAnalyzer(1, True, True, True)
    if name == TRANSFER_FEATURES[1]:
        return words
    return lambda text: [f for f in words(text) if f.startswith(("_", "?_"))]


def transfer_table(debate_texts: list[str], debate_y: np.ndarray, news_texts: list[str],
                   news_y: np.ndarray, C: float = 1.0) -> list[dict[str, Any]]:
    """Both cross-source directions for each feature set of :data:`TRANSFER_FEATURES`, with
    plain and with class-balanced logistic regression (C fixed at 1, not tuned).

    An analysis, not a selection: it shows how much of what is learnt on one source is
    topic (words) and how much is shape, and how much of the news -> debates gap is the
    news sentences' share of claims (84 %, against about 25 % in the debates), which
    class balancing removes. Rows: ``features``, ``balanced`` and, per direction
    (``news_to_debates``, ``debates_to_news``), the :func:`binary_metrics` at 0.5.
    """
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = []
    for name in TRANSFER_FEATURES:
        vec = HashingVectorizer(analyzer=_transfer_analyzer(name), n_features=2 ** 20,
                                binary=True, alternate_sign=False)
        Xn, Xd = vec.transform(news_texts), vec.transform(debate_texts)
        for balanced in (False, True):
            weight = "balanced" if balanced else None
            row: dict[str, Any] = {"features": name, "balanced": balanced}
            for key, (Xa, ya, Xb, yb) in (("news_to_debates", (Xn, news_y, Xd, debate_y)),
                                          ("debates_to_news", (Xd, debate_y, Xn, news_y))):
                lr = LogisticRegression(C=C, class_weight=weight, max_iter=2000,
                                        random_state=SEED).fit(Xa, ya)
                row[key] = binary_metrics(yb, lr.predict_proba(Xb)[:, 1])
            rows.append(row)
    return rows


def size_control(debate_texts: list[str], debate_y: np.ndarray, news_texts: list[str],
                 news_y: np.ndarray, params: dict[str, Any], draws: int = 5
                 ) -> list[dict[str, Any]]:
    """Why news -> debates is low: the news set's size, its share of claims, or its domain?

    Fits plain logistic regressions (the model's features, C and class weighting; no
    calibration) on: the news sentences alone (news -> debates); as many *debate* sentences
    as there are news sentences, drawn at random (``draws`` times; the same source, so no
    domain shift), once at the debates' own share of claims and once at the news share;
    and growing random debate subsets (500, 2,000, 8,000). Each is scored on the debate
    sentences it was not fitted on: F1 at 0.5, the best F1 over all thresholds (an upper
    bound for any threshold choice, not a figure to quote) and ROC-AUC. If a same-size
    debate sample does no better than the news, the gap is the size, not the domain.
    """
    from sklearn.metrics import precision_recall_curve, roc_auc_score

    est = ClaimClassifier(shapes=bool(params.get("shapes", True)),
                          general_weight=int(params.get("general_weight", 1)))
    M = est._transform(list(debate_texts) + list(news_texts))
    dy, ny = np.asarray(debate_y), np.asarray(news_y)
    nd, nn = len(dy), len(ny)
    y = np.concatenate([dy, ny])
    ones = np.ones(len(y))
    debates = np.arange(nd)
    fit = {"C": float(params.get("C", 4.0)), "class_weight": params.get("class_weight")}
    rng = np.random.default_rng(SEED)

    def scored(train: np.ndarray) -> dict[str, float]:
        test = np.setdiff1d(debates, train)
        p = _raw_fit_proba(M, y, ones, train, test, **fit)
        prec, rec, _ = precision_recall_curve(dy[test], p)
        f = 2 * prec * rec / np.maximum(prec + rec, 1e-12)
        return {"f1": binary_metrics(dy[test], p)["f1"], "best_f1": float(f.max()),
                "roc_auc": float(roc_auc_score(dy[test], p))}

    def mean(name: str, n: int, share: float, runs: list[dict[str, float]]
             ) -> dict[str, Any]:
        return {"trained_on": name, "n": n, "share_of_claims": round(share, 3),
                **{k: float(np.mean([r[k] for r in runs])) for k in runs[0]}}

    rows = [mean("news (the real-news tune half)", nn, float(ny.mean()),
                 [scored(np.arange(nd, nd + nn))])]
    pos, neg = debates[dy == 1], debates[dy == 0]
    n_pos = int(ny.sum())
    same = [scored(rng.choice(debates, nn, replace=False)) for _ in range(draws)]
    rows.append(mean("debates, same size, debate share", nn, float(dy.mean()), same))
    news_share = [scored(np.concatenate([rng.choice(pos, n_pos, replace=False),
                                         rng.choice(neg, nn - n_pos, replace=False)]))
                  for _ in range(draws)]
    rows.append(mean("debates, same size, news share", nn, float(ny.mean()), news_share))
    for n in (500, 2000, 8000):
        if n < nd:
            rows.append(mean("debates, random subset", n, float(dy.mean()),
                             [scored(rng.choice(debates, n, replace=False))]))
    return rows
