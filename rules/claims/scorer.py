"""The claim model's prediction path: features and probabilities without scikit-learn.

This is what an audit and ``checker check`` use. :class:`ClaimScorer` reads the same
plain-data JSON model as :class:`rules.claims.model.ClaimClassifier` (the scikit-learn
estimator, which fits it) and gives the same probabilities, to the last digit: it
rebuilds the hashed features exactly as scikit-learn's ``HashingVectorizer`` does
(:class:`ClaimAnalyzer` features, MurmurHash3 with seed 0 from
:mod:`rules.claims.murmur`, ``abs(hash) % n_features``, binary, L2-normalised), and does
the estimator's arithmetic in the estimator's order: each row's non-zero feature
values ``1 / sqrt(n)`` times the coefficients, summed in increasing column order (as
the sparse product does), plus the intercept, through the Platt sigmoid. A test keeps
the two equal on 10,000 sentences.

Only numpy is needed here: importing scikit-learn (and with it scipy and pandas) would
cost a draft check more than a second of start-up.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from checker.core.cache import Memo
from checker.core.datafiles import (
    DataFileError,
    field,
    finite_number,
    load_data,
    number_array,
    whole_number,
    with_envelope,
)
from rules.claims.murmur import murmurhash3_32, murmurhash3_32_many

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


def bucket(feature: str, n_features: int) -> int:
    """The hashed column of ``feature``, exactly as ``HashingVectorizer`` computes it."""
    h = murmurhash3_32(feature, 0)
    # same as sklearn's _hashing_fast: abs() of INT_MIN overflows there
    return (2147483647 - (n_features - 1)) % n_features if h == -2147483648 else abs(h) % n_features


class _Buckets(Memo[str, int]):
    """Feature string -> hashed column (:func:`bucket`), remembered per process.

    Scoring a document needs only dict look-ups for features seen before. A new feature
    reads as ``-1`` and waits in ``pending``; :meth:`settle` then hashes all of them in
    one numpy pass (a pure-Python MurmurHash3 per feature would be ten times slower).
    """

    limit = 300_000  # entries; starts afresh beyond this so memory stays bounded

    def __init__(self, n_features: int) -> None:
        super().__init__()
        self.n_features = n_features
        # in order of first use: the memo's entries then sit in that order, and the features
        # of one sentence close together in memory, which makes later look-ups faster
        self.pending: dict[str, None] = {}

    def __missing__(self, feature: str) -> int:
        self.pending[feature] = None
        return -1

    def settle(self) -> None:
        """Hash and remember the pending features."""
        new = list(self.pending)
        self.pending.clear()
        if len(self) + len(new) > self.limit:
            self.clear()
        n = self.n_features
        if len(new) < 16:  # a few: one by one is as quick
            self.update((f, bucket(f, n)) for f in new)
            return
        h = murmurhash3_32_many([f.encode("utf-8") for f in new])
        cols = np.where(h == -2147483648, (2147483647 - (n - 1)) % n, np.abs(h) % n)
        self.update(zip(new, cols.tolist(), strict=True))


@lru_cache(maxsize=8)
def _buckets(n_features: int) -> _Buckets:
    return _Buckets(n_features)


@lru_cache(maxsize=16)
def analyzer(ngram_max: int, cues: bool, split_questions: bool) -> ClaimAnalyzer:
    return ClaimAnalyzer(ngram_max, cues, split_questions)


MAX_FEATURES = 2**24  # hashed columns: 128 MB of coefficients at most (the model has 2**20)


def check_model_dict(data: dict[str, Any], where: str = "claim model") -> None:
    """Refuse data that is not a claim model this tool can read (a ``DataFileError``,
    which is a ``ValueError``, naming ``where`` and the key): its envelope, analyzer
    version, parameters, coefficients and calibration, all finite and in range."""
    if data.get("format") != FORMAT:
        raise DataFileError(f"{where}: not a checker claim model (missing format marker)")
    version = data.get("format_version", 0)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise DataFileError(f"{where}: claim model format {version!r} is newer than this tool")
    analyzer_version = field(data, "features", where, dict).get("analyzer_version")
    if analyzer_version != ANALYZER_VERSION:
        raise DataFileError(
            f"{where}: claim model was built for feature analyzer version {analyzer_version},"
            f" this tool has {ANALYZER_VERSION}: retrain it with `checker train-claims`"
        )
    field(data, "params", where, dict)
    whole_number(data, "params.n_features", where, 1, MAX_FEATURES, default=2**20)
    whole_number(data, "params.ngram_max", where, 1, 3, default=2)
    for flag in ("cues", "split_questions"):
        field(data, f"params.{flag}", where, bool, default=True)
    finite_number(data, "intercept", where)
    field(data, "calibration", where, dict)
    finite_number(data, "calibration.a", where)
    finite_number(data, "calibration.b", where)


def dense_coefficients(data: dict[str, Any], n_features: int, where: str = "claim model"
                       ) -> np.ndarray:
    """The model's coefficient vector (zero where the JSON stores none), checked."""
    idx = number_array(data, "coef_indices", where, np.int64, (None,), n_features)
    vals = number_array(data, "coef_values", where, np.float64, (None,), n_features)
    bad_range = idx.size and (idx.min() < 0 or idx.max() >= n_features)
    if idx.shape != vals.shape or bad_range:
        raise DataFileError(f"{where}: claim model coefficients are malformed (coef_indices"
                            f" and coef_values differ in length, or an index is not below"
                            f" n_features = {n_features})")
    coef = np.zeros(n_features, dtype=np.float64)
    coef[idx] = vals
    return coef


class ClaimScorer:
    """A fitted claim model, for prediction only (what the claims family uses).

    ``predict_proba`` returns the same ``(n, 2)`` array, to the last digit, as
    :meth:`rules.claims.model.ClaimClassifier.predict_proba` of the same model.
    """

    def __init__(self, params: dict[str, Any], coef: np.ndarray, intercept: float,
                 calibration: tuple[float, float], metadata: dict[str, Any] | None = None
                 ) -> None:
        self.n_features = int(params.get("n_features", 2**20))
        self.ngram_max = int(params.get("ngram_max", 2))
        self.cues = bool(params.get("cues", True))
        self.split_questions = bool(params.get("split_questions", True))
        self.params = dict(params)
        self.coef_ = coef
        self.intercept_ = float(intercept)
        self.calibration_ = (float(calibration[0]), float(calibration[1]))
        self.metadata_ = metadata or {}

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "claim model") -> ClaimScorer:
        check_model_dict(data, where)
        params = dict(data["params"])
        n_features = int(params.get("n_features", 2**20))
        cal = data["calibration"]
        return cls(params, dense_coefficients(data, n_features, where), float(data["intercept"]),
                   (float(cal["a"]), float(cal["b"])), data.get("metadata", {}))

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Linear scores, computed as scikit-learn's sparse product computes them."""
        texts = X if isinstance(X, list) else list(X)
        features = analyzer(self.ngram_max, self.cues, self.split_questions)
        buckets = _buckets(self.n_features)
        col = buckets.__getitem__
        cols: list[int] = []
        counts: list[int] = []
        unsettled: list[tuple[int, list[str]]] = []  # rows with new features (column -1)
        for text in texts:
            feats = features(text)
            row = sorted(set(map(col, feats)))
            if row and row[0] < 0:
                unsettled.append((len(counts), feats))
            cols += row
            counts.append(len(row))
        if unsettled:
            cols = self._settled(buckets, cols, counts, unsettled)
        with np.errstate(divide="ignore"):
            value = 1.0 / np.sqrt(np.asarray(counts, dtype=np.float64))
        terms = np.repeat(value, counts) * self.coef_[np.asarray(cols, dtype=np.int64)]
        # bincount adds each row's terms one by one, in column order: the sparse product's sum
        rows = np.repeat(np.arange(len(texts)), counts)
        return np.bincount(rows, weights=terms, minlength=len(texts)) + self.intercept_

    @staticmethod
    def _settled(buckets: _Buckets, cols: list[int], counts: list[int],
                 unsettled: list[tuple[int, list[str]]]) -> list[int]:
        """``cols`` with the rows of new features redone once those are hashed (together)."""
        col = buckets.__getitem__
        fixed: dict[int, list[int]] = {}
        while unsettled:
            buckets.settle()
            redo, unsettled = unsettled, []
            for i, feats in redo:
                row = fixed[i] = sorted(set(map(col, feats)))
                if row[0] < 0:  # the memo started afresh meanwhile
                    unsettled.append((i, feats))
        out: list[int] = []
        start = 0
        for i, n in enumerate(counts):
            row = fixed.get(i)
            if row is None:
                out += cols[start : start + n]
            else:
                out += row
                counts[i] = len(row)
            start += n
        return out

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        return sigmoid_proba(self.decision_function(X), self.calibration_)

    def predict(self, X: Iterable[str], threshold: float = 0.5) -> np.ndarray:
        return (self.predict_proba(X)[:, 1] >= threshold).astype(int)


def sigmoid_proba(scores: np.ndarray, calibration: tuple[float, float]) -> np.ndarray:
    """``(1 - p, p)`` columns, ``p`` the Platt sigmoid of the linear ``scores``."""
    a, b = calibration
    z = a * scores + b
    p = 1.0 / (1.0 + np.exp(-z))
    return np.column_stack([1.0 - p, p])


def read_model_dict(path: str | Path) -> dict[str, Any]:
    """A JSON claim model's data (plain data; never unpickles), through the data-file loader."""
    return with_envelope(FORMAT, load_data(path, FORMAT, {FORMAT_VERSION}), FORMAT_VERSION)


def load_scorer_file(path: str | Path) -> ClaimScorer:
    """Read a JSON claim model for prediction (checked: ``DataFileError`` names the file)."""
    return ClaimScorer.from_dict(read_model_dict(path), where=str(path))


@lru_cache(maxsize=8)
def _cached(path: str) -> ClaimScorer:
    return load_scorer_file(path or DEFAULT_MODEL_PATH)


def load_scorer(path: str | Path | None = None) -> ClaimScorer:
    """The model at ``path`` (default: the committed one), for prediction; loaded once."""
    if not path or Path(path) == DEFAULT_MODEL_PATH:
        return _cached("")
    return _cached(str(path))
