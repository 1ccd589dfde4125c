"""Check-worthiness model: is a sentence a checkable factual claim?

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
At predict time the same deterministic hashing (scikit-learn's
``HashingVectorizer``, MurmurHash3 with a fixed seed) rebuilds the features.

This module is what the audit needs: the features, prediction and loading.
Fitting the weights is in :mod:`rules.claims.fitting`; the ``checker
train-claims`` command (a newsroom retrains the model on its own labelled CSV),
cross-validation and metrics are in :mod:`rules.claims.training`.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32
from sklearn.utils.validation import check_is_fitted

from checker.core.cache import Memo
from checker.core.datafiles import load_data, with_envelope

FORMAT = "checker-claim-model"
FORMAT_VERSION = 1
# Bump whenever ClaimAnalyzer's output changes: a model trained on other features is refused.
ANALYZER_VERSION = 3
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "model.json"

# One C-level pass normalises a sentence for the word features: digits fold to "0"
# (so "5,000" and "12,500" share the shape "0 000"), apostrophes vanish ("don't" ->
# "dont"), currency and percent signs become tokens, other punctuation becomes space.
_FOLD: dict[int, str | None] = {ord(c): " " for c in string.punctuation}
_FOLD.update({ord(c): "0" for c in string.digits})
_FOLD.update({ord(c): f" {c} " for c in "%$€£"})
_FOLD.update({ord(c): None for c in "'’"})
_FOLD.update({ord(c): " " for c in "‘“”«»—–…•·"})
_CLOSERS = " \t\r\n\"'”’)]»"
_CAPWORD = re.compile(r"(?<=[\s(\"“])[A-Z][a-z]*[A-Za-z]")


class ClaimAnalyzer:
    """Turn one sentence into hashed-feature strings (deterministic, picklable).

    Produces lower-cased word n-grams (1 to ``ngram_max``) over digit-folded
    text, and, when ``cues`` is on, tokens that words alone miss: ``_cap`` once per
    capitalised word after the first token (named entities, up to 3),
    ``_q`` for a question, ``_len<k>`` for the length bucket. With
    ``split_questions`` every feature of a question is prefixed with ``?``, so that
    questions get their own weights (a number inside a question is not a claim).
    """

    def __init__(self, ngram_max: int = 2, cues: bool = True,
                 split_questions: bool = True) -> None:
        self.ngram_max = ngram_max
        self.cues = cues
        self.split_questions = split_questions

    def __call__(self, text: str) -> list[str]:
        words = text.lower().translate(_FOLD).split()
        feats = list(words)
        if self.ngram_max >= 2:
            feats += map(" ".join, zip(words, words[1:]))  # noqa: B905 - ragged on purpose
        if self.ngram_max >= 3:
            feats += map(" ".join, zip(words, words[1:], words[2:]))  # noqa: B905
        if self.cues:
            caps = len(_CAPWORD.findall(text))
            if caps:
                feats += ["_cap"] * min(caps, 3)
            n = len(words)
            feats.append(
                "_len0" if n < 6 else "_len1" if n < 12 else "_len2" if n < 25 else "_len3"
            )
        if text.rstrip(_CLOSERS).endswith("?"):
            if self.split_questions:
                feats = ["?" + f for f in feats]
            if self.cues:
                feats.append("_q")
        return feats


class _Buckets(Memo[str, int]):
    """Feature string -> hashed column, exactly as ``HashingVectorizer`` computes it.

    A per-process memo: scoring a document needs only dict look-ups for features seen
    before, and one MurmurHash3 call for a new one (sklearn's public ``murmurhash3_32``).
    """

    limit = 300_000  # entries; starts afresh beyond this so memory stays bounded

    def __init__(self, n_features: int) -> None:
        super().__init__()
        self.n_features = n_features

    def compute(self, feature: str) -> int:
        h = murmurhash3_32(feature, seed=0, positive=False)
        n = self.n_features
        # same as sklearn's _hashing_fast: abs() of INT_MIN overflows there
        return (2147483647 - (n - 1)) % n if h == -2147483648 else abs(h) % n


@lru_cache(maxsize=8)
def _buckets(n_features: int) -> _Buckets:
    return _Buckets(n_features)


@lru_cache(maxsize=16)
def _analyzer(ngram_max: int, cues: bool, split_questions: bool) -> ClaimAnalyzer:
    return ClaimAnalyzer(ngram_max, cues, split_questions)


# Above this many sentences, scikit-learn's compiled hashing loop is faster than the
# memoised path (whose advantage is no per-call overhead, i.e. one document at a time).
_BATCH_CUTOFF = 2000


@lru_cache(maxsize=16)
def _vectorizer(n_features: int, ngram_max: int, cues: bool, split_questions: bool
                ) -> HashingVectorizer:
    return HashingVectorizer(
        analyzer=ClaimAnalyzer(ngram_max, cues, split_questions),
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
        self.C = C
        self.class_weight = class_weight
        self.min_df = min_df
        self.calibration_folds = calibration_folds
        self.random_state = random_state

    # -- features and fitting ------------------------------------------------
    def _transform(self, X: Iterable[str]) -> sparse.csr_matrix:
        vec = _vectorizer(self.n_features, self.ngram_max, self.cues, self.split_questions)
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
        check_is_fitted(self, "coef_")
        texts = X if isinstance(X, list) else list(X)
        if len(texts) > _BATCH_CUTOFF:
            return self._transform(texts) @ self.coef_ + self.intercept_
        return self._scores_small(texts)

    def _scores_small(self, texts: list[str]) -> np.ndarray:
        """Same scores as the sparse path (binary, L2-normalised hashed features)."""
        analyzer = _analyzer(self.ngram_max, self.cues, self.split_questions)
        col = _buckets(self.n_features).__getitem__
        cols: list[int] = []
        counts: list[int] = []
        for text in texts:
            unique = set(map(col, analyzer(text)))
            cols += unique
            counts.append(len(unique))
        n = np.asarray(counts, dtype=np.float64)
        rows = np.repeat(np.arange(len(texts)), counts)
        sums = np.bincount(rows, weights=self.coef_[np.asarray(cols, dtype=np.int64)],
                           minlength=len(texts))
        out = np.zeros(len(texts))
        np.divide(sums, np.sqrt(n), out=out, where=n > 0)
        return out + self.intercept_

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        a, b = self.calibration_
        z = a * self.decision_function(X) + b
        p = 1.0 / (1.0 + np.exp(-z))
        return np.column_stack([1.0 - p, p])

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
            "coef_indices": nz.tolist(),
            "coef_values": self.coef_[nz].tolist(),
            "metadata": metadata or {},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimClassifier:
        if data.get("format") != FORMAT:
            raise ValueError("not a checker claim model (missing format marker)")
        if int(data.get("format_version", 0)) > FORMAT_VERSION:
            raise ValueError(f"claim model format {data['format_version']} is newer than this tool")
        version = data.get("features", {}).get("analyzer_version")
        if version != ANALYZER_VERSION:
            raise ValueError(
                f"claim model was built for feature analyzer version {version}, this tool has "
                f"{ANALYZER_VERSION}: retrain it with `checker train-claims`"
            )
        params = dict(data["params"])
        model = cls(**params)
        idx = np.asarray(data["coef_indices"], dtype=np.int64)
        vals = np.asarray(data["coef_values"], dtype=np.float64)
        bad_range = idx.size and (idx.min() < 0 or idx.max() >= model.n_features)
        if idx.shape != vals.shape or bad_range:
            raise ValueError("claim model coefficients are malformed")
        model.coef_ = np.zeros(model.n_features, dtype=np.float64)
        model.coef_[idx] = vals
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
    data = load_data(path, FORMAT, {FORMAT_VERSION})
    return ClaimClassifier.from_dict(with_envelope(FORMAT, data, FORMAT_VERSION))


@lru_cache(maxsize=8)
def _cached(path: str) -> ClaimClassifier:
    return load_model_file(path or DEFAULT_MODEL_PATH)


def load_model(path: str | Path | None = None) -> ClaimClassifier:
    """The model at ``path`` (default: the committed one), loaded once per process."""
    if not path or Path(path) == DEFAULT_MODEL_PATH:
        return _cached("")
    return _cached(str(path))
