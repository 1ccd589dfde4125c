"""Sentence-level uncertainty classifier (CoNLL-2010 task 1 style): the estimator that fits it.

The audit uses the fitted model through :mod:`rules.hedging.uncertainty` (plain Python, same
features, same probabilities from the same JSON file, ``rules/hedging/sentence_model.json``):
each body sentence's ``uncertainty`` and ``hedged`` in ``sentences.csv``. This module is the
scikit-learn side: :class:`HedgeSentenceClassifier` fits the weights
(``training/train_hedging.py``) and round-trips them through JSON.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from checker.core.datafiles import load_data
from rules.hedging import find_cues
from rules.hedging.uncertainty import (
    MODEL_CATEGORIES,
    MODEL_FORMAT,
    MODEL_PATH,
    features_from_cues,
)

__all__ = ["MODEL_FORMAT", "MODEL_PATH", "HedgeSentenceClassifier", "sentence_features"]


def sentence_features(text: str) -> list[str]:
    """Sparse binary features of one sentence on its own: word uni/bigrams and lexicon cues
    (:func:`rules.hedging.uncertainty.features_from_cues`)."""
    cues = find_cues(text, MODEL_CATEGORIES)
    return features_from_cues(text, [(c.key, c.category) for c in cues])


class HedgeSentenceClassifier:
    """Logistic regression over :func:`sentence_features` (scikit-learn estimator API).

    ``nb_alpha``: when set, each binary feature is first scaled by its naive-Bayes
    log-count ratio (smoothed by ``nb_alpha``; Wang & Manning's NB-LR), which ranks
    indicative words ahead before the regression weighs them. The scale is folded into the
    stored weights, so the fitted model is still one weight per binary feature: the same
    file format and the same prediction code whichever way it was fitted.

    After ``fit`` the state is plain data (``vocabulary_``, ``coef_``, ``intercept_``) and
    round-trips through :meth:`to_json` / :meth:`from_json`.
    """

    def __init__(
        self, C: float = 1.0, min_df: int = 2, threshold: float = 0.5, class_weight: Any = None,
        nb_alpha: float | None = None,
    ) -> None:
        self.C = C
        self.min_df = min_df
        self.threshold = threshold
        self.class_weight = class_weight
        self.nb_alpha = nb_alpha

    # sklearn's clone() needs these two
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {
            "C": self.C,
            "min_df": self.min_df,
            "threshold": self.threshold,
            "class_weight": self.class_weight,
            "nb_alpha": self.nb_alpha,
        }

    def set_params(self, **params: Any) -> HedgeSentenceClassifier:
        for k, v in params.items():
            setattr(self, k, v)
        return self

    def _matrix(self, feats: Sequence[Sequence[str]]) -> Any:
        import numpy as np
        from scipy.sparse import csr_matrix

        rows, cols = [], []
        for i, fs in enumerate(feats):
            for f in fs:
                j = self.vocabulary_.get(f)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        data = np.ones(len(rows), dtype=float)
        return csr_matrix((data, (rows, cols)), shape=(len(feats), len(self.vocabulary_)))

    def fit(
        self, X: Sequence[str], y: Sequence[int], features: Sequence[Sequence[str]] | None = None
    ) -> HedgeSentenceClassifier:
        from sklearn.linear_model import LogisticRegression

        feats = features if features is not None else [sentence_features(t) for t in X]
        df = Counter(f for fs in feats for f in set(fs))
        vocab = sorted(f for f, n in df.items() if n >= self.min_df)
        self.vocabulary_ = {f: i for i, f in enumerate(vocab)}
        lr = LogisticRegression(
            C=self.C,
            max_iter=2000,
            class_weight=self.class_weight,
            solver="liblinear",
            random_state=0,
        )
        X = self._matrix(feats)
        scale = self._nb_scale(X, y)
        lr.fit(X.multiply(scale).tocsr(), list(y))
        self.coef_ = [float(v) * float(r) for v, r in zip(lr.coef_[0], scale, strict=True)]
        self.intercept_ = float(lr.intercept_[0])
        self.classes_ = [0, 1]
        return self

    def _nb_scale(self, X: Any, y: Sequence[int]) -> Any:
        """Per feature: the naive-Bayes log-count ratio (all ones without ``nb_alpha``)."""
        import numpy as np

        if self.nb_alpha is None:
            return np.ones(X.shape[1])
        pos = np.asarray(y) == 1
        p = self.nb_alpha + np.asarray(X[pos].sum(axis=0)).ravel()
        q = self.nb_alpha + np.asarray(X[~pos].sum(axis=0)).ravel()
        return np.log((p / p.sum()) / (q / q.sum()))

    def decision_function(
        self, X: Sequence[str], features: Sequence[Sequence[str]] | None = None
    ) -> list[float]:
        feats = features if features is not None else [sentence_features(t) for t in X]
        out = []
        for fs in feats:
            z = self.intercept_
            for f in fs:
                j = self.vocabulary_.get(f)
                if j is not None:
                    z += self.coef_[j]
            out.append(z)
        return out

    def predict_proba(
        self, X: Sequence[str], features: Sequence[Sequence[str]] | None = None
    ) -> list[list[float]]:
        probs = []
        for z in self.decision_function(X, features):
            p = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
            probs.append([1.0 - p, p])
        return probs

    def predict(
        self, X: Sequence[str], features: Sequence[Sequence[str]] | None = None
    ) -> list[int]:
        return [int(p[1] >= self.threshold) for p in self.predict_proba(X, features)]

    def to_json(self, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Plain-data model: non-zero weights by feature name, plus metadata."""
        weights = {
            f: round(self.coef_[j], 5)
            for f, j in self.vocabulary_.items()
            if abs(self.coef_[j]) >= 1e-4
        }
        return {
            "model": "HedgeSentenceClassifier",
            "features": "sentence_features: w= unigram, b= bigram, c= cue key, k= category "
            "(epistemic, reportative, weasel, booster cues), n= cue count (binary)",
            "params": self.get_params(),
            "threshold": self.threshold,
            "cue_threshold": getattr(self, "cue_threshold", self.threshold),
            "intercept": self.intercept_,
            "weights": dict(sorted(weights.items())),
            **(dict(meta) if meta else {}),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HedgeSentenceClassifier:
        params = dict(data.get("params", {}))
        params["threshold"] = float(data.get("threshold", params.get("threshold", 0.5)))
        model = cls(**params)
        names = list(data["weights"])
        model.vocabulary_ = {f: i for i, f in enumerate(names)}
        model.coef_ = [float(data["weights"][f]) for f in names]
        model.intercept_ = float(data["intercept"])
        model.classes_ = [0, 1]
        return model


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> HedgeSentenceClassifier:
    """The trained sentence classifier saved in ``rules/hedging/sentence_model.json``."""
    return HedgeSentenceClassifier.from_json(load_data(path, MODEL_FORMAT))


def sentence_uncertainty(texts: Sequence[str]) -> list[float]:
    """Probability that each sentence is uncertain (hedged or weaselly), per the model."""
    return [p[1] for p in load_model().predict_proba(texts)]
