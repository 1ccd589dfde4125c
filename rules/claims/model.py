"""Check-worthiness model: is a sentence a checkable factual claim? (scikit-learn side)

:class:`ClaimClassifier` is a scikit-learn estimator (``fit``/``predict_proba``,
parameters in ``__init__`` only, usable in a ``Pipeline``) that reads raw
sentences. Its features are hashed word n-grams over a light normalisation
(lower case, every digit folded to ``0`` so that "5,000" and "12,500" share the
shape ``0,000``) plus a few cue tokens beyond words: mid-sentence capitalised
words (named entities), a trailing question mark, sentence length. A logistic
regression scores the sentence and a Platt (sigmoid) calibration, fitted on
out-of-fold scores, turns the score into a probability.

The fitted state is plain data: hashing parameters, the non-zero coefficients,
the intercept and the two calibration numbers. :meth:`ClaimClassifier.to_dict`
and :func:`load_model` write and read it as JSON; nothing is ever unpickled.
Here the features come from scikit-learn's ``HashingVectorizer`` (MurmurHash3 with
a fixed seed) and the scores from a sparse product.

This module is for training and evaluation (``checker train-claims``,
``training/``, ``evaluation/``): importing it imports scikit-learn. An audit
predicts with :class:`rules.claims.scorer.ClaimScorer`, which reads the same JSON
and gives the same probabilities with numpy alone. Fitting the weights is in
:mod:`rules.claims.fitting`; the ``checker train-claims`` command (a newsroom
retrains the model on its own labelled CSV), cross-validation and metrics are in
:mod:`rules.claims.training`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils.validation import check_is_fitted

from rules.claims.scorer import (
    ANALYZER_VERSION,
    DEFAULT_MODEL_PATH,
    FORMAT,
    FORMAT_VERSION,
    ClaimAnalyzer,
    check_model_dict,
    dense_coefficients,
    encode_coefficients,
    read_model_dict,
    sigmoid_proba,
)

__all__ = [
    "ANALYZER_VERSION", "DEFAULT_MODEL_PATH", "FORMAT", "FORMAT_VERSION", "ClaimAnalyzer",
    "ClaimClassifier", "load_model", "load_model_file",
]


@lru_cache(maxsize=16)
def _vectorizer(n_features: int, ngram_max: int, cues: bool, split_questions: bool,
                shapes: bool = False, general_weight: int = 1) -> HashingVectorizer:
    return HashingVectorizer(
        analyzer=ClaimAnalyzer(ngram_max, cues, split_questions, shapes, general_weight),
        n_features=n_features,
        alternate_sign=False,
        binary=True,
        norm="l2",
    )


class ClaimClassifier(ClassifierMixin, BaseEstimator):
    """Check-worthy factual claim vs not, on raw sentence strings.

    Parameters
    ----------
    n_features : hashing space size (a power of two).
    ngram_max : longest word n-gram (1-3).
    cues : add the non-word cue tokens (capitalised words, question, length).
    split_questions : give questions their own feature weights (prefix ``?``).
    shapes : add word-class cue tokens (figures, years, dates, first person, modals, tense,
        units, opinion words; see :class:`ClaimAnalyzer`).
    general_weight : copies of each cue and shape token (1-16): the general features are
        regularised that many times less than the word n-grams (see :class:`ClaimAnalyzer`).
    C : inverse L2 regularisation strength of the logistic regression.
    class_weight : passed to ``LogisticRegression`` (``None`` or ``"balanced"``).
    min_df : a hashed feature must occur in at least this many training sentences.
    calibration_folds : folds for the out-of-fold scores the sigmoid calibration is fitted on.
    random_state : seed for the calibration folds.
    """

    def __init__(
        self,
        n_features: int = 2**20,
        ngram_max: int = 2,
        cues: bool = True,
        split_questions: bool = True,
        shapes: bool = False,
        general_weight: int = 1,
        C: float = 4.0,
        class_weight: str | None = None,
        min_df: int = 2,
        calibration_folds: int = 5,
        random_state: int = 0,
    ) -> None:
        self.n_features = n_features
        self.ngram_max = ngram_max
        self.cues = cues
        self.split_questions = split_questions
        self.shapes = shapes
        self.general_weight = general_weight
        self.C = C
        self.class_weight = class_weight
        self.min_df = min_df
        self.calibration_folds = calibration_folds
        self.random_state = random_state

    # -- features and fitting ------------------------------------------------
    def _transform(self, X: Iterable[str]) -> sparse.csr_matrix:
        vec = _vectorizer(self.n_features, self.ngram_max, self.cues, self.split_questions,
                          self.shapes, self.general_weight)
        return vec.transform(list(X))

    def fit(self, X: Iterable[str], y: Sequence[int] | np.ndarray,
            sample_weight: Sequence[float] | np.ndarray | None = None) -> ClaimClassifier:
        """Fit on raw sentences ``X`` with labels ``y`` (0/1, both present); see
        :func:`rules.claims.fitting.fit_weights` (imported here: the audit never fits)."""
        from rules.claims.fitting import fit_weights

        texts = list(X)
        y_arr = np.asarray(y).astype(int)
        sw = (np.ones(len(texts)) if sample_weight is None
              else np.asarray(sample_weight, dtype=np.float64))
        if set(np.unique(y_arr).tolist()) != {0, 1}:
            raise ValueError("ClaimClassifier needs binary labels 0/1 with both classes present")
        fitted = fit_weights(
            self._transform(texts), y_arr, sw, C=self.C, class_weight=self.class_weight,
            min_df=self.min_df, calibration_folds=self.calibration_folds,
            random_state=self.random_state, n_features=self.n_features,
        )  # fmt: skip
        self.coef_ = fitted.coef
        self.intercept_ = fitted.intercept
        self.calibration_ = fitted.calibration
        self.classes_ = np.array([0, 1])
        self.n_train_ = len(texts)
        return self

    # -- prediction ----------------------------------------------------------
    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Linear scores: hashed features (``HashingVectorizer``) times the coefficients."""
        check_is_fitted(self, "coef_")
        texts = X if isinstance(X, list) else list(X)
        if not texts:
            return np.zeros(0)
        return self._transform(texts) @ self.coef_ + self.intercept_

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        return sigmoid_proba(self.decision_function(X), self.calibration_)

    def predict(self, X: Iterable[str], threshold: float = 0.5) -> np.ndarray:
        return (self.predict_proba(X)[:, 1] >= threshold).astype(int)

    # -- plain-data persistence ----------------------------------------------
    def to_dict(self, metadata: dict[str, Any] | None = None) -> dict[str, Any]:
        check_is_fitted(self, "coef_")
        nz = np.flatnonzero(self.coef_)
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "estimator": "rules.claims.model.ClaimClassifier",
            "params": self.get_params(),
            "features": {
                "hashing": "sklearn.feature_extraction.text.HashingVectorizer",
                "hash": "murmurhash3_32 (seed 0), index = abs(hash) % n_features",
                "alternate_sign": False,
                "binary": True,
                "norm": "l2",
                "analyzer": "rules.claims.model.ClaimAnalyzer",
                "analyzer_version": ANALYZER_VERSION,
            },
            "intercept": self.intercept_,
            "calibration": {"method": "sigmoid", "a": self.calibration_[0],
                            "b": self.calibration_[1]},
            **encode_coefficients(nz.tolist(), self.coef_[nz].tolist()),
            "metadata": metadata or {},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimClassifier:
        check_model_dict(data)
        params = dict(data["params"])
        model = cls(**params)
        model.coef_ = dense_coefficients(data, model.n_features)
        model.intercept_ = float(data["intercept"])
        cal = data["calibration"]
        model.calibration_ = (float(cal["a"]), float(cal["b"]))
        model.classes_ = np.array([0, 1])
        model.metadata_ = data.get("metadata", {})
        return model

    def save(self, path: str | Path, metadata: dict[str, Any] | None = None) -> None:
        Path(path).write_text(
            json.dumps(self.to_dict(metadata), separators=(",", ":")) + "\n", encoding="utf-8"
        )


def load_model_file(path: str | Path) -> ClaimClassifier:
    """Read a JSON claim model (plain data; never unpickles) through the one data-file loader."""
    return ClaimClassifier.from_dict(read_model_dict(path))


@lru_cache(maxsize=8)
def _cached(path: str) -> ClaimClassifier:
    return load_model_file(path or DEFAULT_MODEL_PATH)


def load_model(path: str | Path | None = None) -> ClaimClassifier:
    """The model at ``path`` (default: the committed one), loaded once per process."""
    if not path or Path(path) == DEFAULT_MODEL_PATH:
        return _cached("")
    return _cached(str(path))
