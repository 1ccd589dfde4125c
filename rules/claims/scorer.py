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

Two paths, the same digits. A small batch (a draft's few sentences) is scored in plain
Python: features hashed one by one, each row's coefficients found by binary search in the
model's sorted column list, summed in column order, then the sigmoid. A large batch (an
archive) is scored with numpy (all its features hashed in one pass, one gather and one
``bincount``). numpy is imported only for
a large batch, so a draft check pays neither its import nor a dense coefficient vector.
The sigmoid is ``math.exp`` per row on both paths (numpy's vectorised ``exp`` differs from
it in the last digit for about 2% of inputs). Nothing here imports scikit-learn.

Model files: format version 2 stores the coefficients as base64 of little-endian int32
columns and float64 values (``coef_indices_b64``, ``coef_values_b64``: exactly the same
numbers, read in a millisecond instead of parsing 48,000 JSON numbers); version 1 files
(plain JSON lists ``coef_indices``, ``coef_values``) are still read.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import math
import operator
import sys
from array import array
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.cache import Memo
from checker.core.datafiles import (
    DataFileError,
    all_finite,
    field,
    finite_number,
    little_endian,
    load_data,
    whole_number,
    with_envelope,
)
from rules.claims.features import _CAPWORD, ClaimAnalyzer, _copies  # noqa: F401 - _CAPWORD re-exported
from rules.claims.murmur import murmurhash3_32, murmurhash3_32_many

if TYPE_CHECKING:
    import numpy as np

FORMAT = "checker-claim-model"
FORMAT_VERSION = 2
READABLE_VERSIONS = frozenset({1, 2})
# Batches up to this many sentences are scored in plain Python (no numpy import).
SMALL_BATCH = 64
# ...for the first few batches of a process only (a check of a few drafts); an audit then
# switches to numpy for good.
LIGHT_CALLS = 4
# Bump whenever ClaimAnalyzer's output changes: a model trained on other features is refused.
ANALYZER_VERSION = 4
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "model.json"


def bucket(feature: str, n_features: int) -> int:
    """The hashed column of ``feature``, exactly as ``HashingVectorizer`` computes it."""
    h = murmurhash3_32(feature, 0)
    # same as sklearn's _hashing_fast: abs() of INT_MIN overflows there
    return (2147483647 - (n_features - 1)) % n_features if h == -2147483648 else abs(h) % n_features


class _Buckets(Memo[str, int]):
    """Feature string -> hashed column (:func:`bucket`), remembered per process, for the
    plain path (a draft check's few sentences; a large batch hashes its features with numpy,
    :meth:`ClaimScorer._columns`).

    Scoring a draft needs only dict look-ups for features seen before. A new feature reads
    as ``-1`` and waits in ``pending``; :meth:`settle` then hashes them.
    """

    limit = 300_000  # entries; starts afresh beyond this so memory stays bounded

    def __init__(self, n_features: int) -> None:
        super().__init__()
        self.n_features = n_features
        # in order of first use: the memo's entries then sit in that order, and the features
        # of one sentence close together in memory, which makes later look-ups faster
        self.pending: dict[str, None] = {}
        # every miss in order, repeats included: a row's new features are the misses its
        # look-ups added, so that only those are looked up again once they are hashed
        self.misses: list[str] = []

    def __missing__(self, feature: str) -> int:
        self.pending[feature] = None
        self.misses.append(feature)
        return -1

    def settle(self) -> None:
        """Hash and remember the pending features."""
        new = list(self.pending)
        self.pending.clear()
        self.misses.clear()
        self.learn(new)

    def learn(self, new: list[str]) -> None:
        """Hash and remember ``new`` (distinct features not remembered yet), one by one."""
        if len(self) + len(new) > self.limit:
            self.clear()
        n = self.n_features
        self.update((f, bucket(f, n)) for f in new)


@lru_cache(maxsize=8)
def _buckets(n_features: int) -> _Buckets:
    return _Buckets(n_features)


@lru_cache(maxsize=16)
def analyzer(ngram_max: int, cues: bool, split_questions: bool, shapes: bool = False,
             general_weight: int = 1) -> ClaimAnalyzer:
    return ClaimAnalyzer(ngram_max, cues, split_questions, shapes, general_weight)


MAX_GENERAL_WEIGHT = 16  # copies of each general (cue and shape) token
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
    field(data, "params.shapes", where, bool, default=False)
    whole_number(data, "params.general_weight", where, 1, MAX_GENERAL_WEIGHT, default=1)
    finite_number(data, "intercept", where)
    field(data, "calibration", where, dict)
    finite_number(data, "calibration.a", where)
    finite_number(data, "calibration.b", where)


def encode_coefficients(indices: Iterable[int], values: Iterable[float]) -> dict[str, str]:
    """The version-2 fields for sorted non-zero columns and their coefficients."""
    idx = array("i", indices)
    vals = array("d", values)
    if sys.byteorder != "little":  # pragma: no cover - the files are little-endian
        idx.byteswap()
        vals.byteswap()
    return {"coef_indices_b64": base64.b64encode(idx.tobytes()).decode("ascii"),
            "coef_values_b64": base64.b64encode(vals.tobytes()).decode("ascii")}


def coefficient_arrays(data: dict[str, Any], n_features: int, where: str = "claim model"
                       ) -> tuple[array, array]:
    """The model's sorted non-zero columns and their coefficients (either file version),
    checked: ``ValueError`` when they are malformed."""
    try:
        if "coef_indices_b64" in data:
            # a2b_base64 ignores stray characters (a corrupt string then has the wrong length,
            # which the checks below refuse) and is ten times quicker than validating first
            idx = little_endian("i", binascii.a2b_base64(data["coef_indices_b64"]))
            vals = little_endian("d", binascii.a2b_base64(data["coef_values_b64"]))
        else:
            idx = array("i", data["coef_indices"])
            vals = array("d", data["coef_values"])
    except (KeyError, TypeError, ValueError, OverflowError, binascii.Error) as exc:
        raise DataFileError(f"{where}: claim model coefficients are malformed ({exc})") from None
    ordered = all(map(operator.lt, idx, idx[1:]))  # strictly increasing (checked in C)
    if len(idx) != len(vals) or not ordered or (idx and (idx[0] < 0 or idx[-1] >= n_features)):
        raise DataFileError(f"{where}: claim model coefficients are malformed (coef_indices"
                            f" and coef_values differ in length, are not in increasing order,"
                            f" or an index is not below n_features = {n_features})")
    if not all_finite(vals):
        raise DataFileError(f"{where}: a claim model coefficient is not finite")
    return idx, vals


def dense_coefficients(data: dict[str, Any], n_features: int, where: str = "claim model"
                       ) -> np.ndarray:
    """The model's coefficient vector (zero where the file stores none), checked."""
    import numpy as np

    idx, vals = coefficient_arrays(data, n_features, where)
    coef = np.zeros(n_features, dtype=np.float64)
    coef[np.frombuffer(idx, dtype=np.int32)] = np.frombuffer(vals, dtype=np.float64)
    return coef


class ClaimScorer:
    """A fitted claim model, for prediction only (what the claims family uses).

    ``probabilities`` gives P(check-worthy) per sentence as a list (plain Python for small
    batches, no numpy import); ``predict_proba`` returns the same ``(n, 2)`` array, to the
    last digit, as :meth:`rules.claims.model.ClaimClassifier.predict_proba` of the same model.
    """

    def __init__(self, params: dict[str, Any], indices: array, values: array,
                 intercept: float, calibration: tuple[float, float],
                 metadata: dict[str, Any] | None = None) -> None:
        self.n_features = int(params.get("n_features", 2**20))
        self.ngram_max = int(params.get("ngram_max", 2))
        self.cues = bool(params.get("cues", True))
        self.split_questions = bool(params.get("split_questions", True))
        self.shapes = bool(params.get("shapes", False))
        self.general_weight = int(params.get("general_weight", 1))
        self.params = dict(params)
        self.indices_ = indices  # sorted non-zero columns
        self.values_ = values  # their coefficients
        self._dense: np.ndarray | None = None
        self._general: dict[str, tuple[int, ...]] = {}  # see _general_columns
        self._general_sets: dict[tuple[Any, ...], frozenset[int]] = {}  # see _general_set
        self._general_arrays: dict[frozenset[int], np.ndarray] = {}  # see _sentence_arrays
        self._light_calls = 0  # small batches scored in plain Python so far (see probabilities)
        self.intercept_ = float(intercept)
        self.calibration_ = (float(calibration[0]), float(calibration[1]))
        self.metadata_ = metadata or {}

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "claim model") -> ClaimScorer:
        check_model_dict(data, where)
        params = dict(data["params"])
        n_features = int(params.get("n_features", 2**20))
        cal = data["calibration"]
        idx, vals = coefficient_arrays(data, n_features, where)
        return cls(params, idx, vals, float(data["intercept"]),
                   (float(cal["a"]), float(cal["b"])), data.get("metadata", {}))

    @property
    def coef_(self) -> np.ndarray:
        """The dense coefficient vector (built with numpy on first use)."""
        if self._dense is None:
            import numpy as np

            dense = np.zeros(self.n_features, dtype=np.float64)
            dense[np.frombuffer(self.indices_, dtype=np.int32)] = np.frombuffer(
                self.values_, dtype=np.float64
            )
            self._dense = dense
        return self._dense

    def _rows(self, texts: list[str]) -> tuple[list[int], list[int]]:
        """Every row's sorted distinct hashed columns, concatenated, and each row's count."""
        buckets = _buckets(self.n_features)
        misses = buckets.misses
        rows: list[set[int]] = []
        unsettled: list[tuple[set[int], list[str]]] = []  # rows with new features (column -1)
        for words, general in self._sentence_columns(texts, buckets):
            seen = len(misses)
            row = set(words)
            row.update(general)
            if len(misses) > seen:  # new features: their columns once they are hashed
                row.discard(-1)
                unsettled.append((row, misses[seen:]))
            rows.append(row)
        if unsettled:
            self._settle(buckets, unsettled)
        cols: list[int] = []
        counts: list[int] = []
        for row in rows:
            cols += sorted(row)
            counts.append(len(row))
        return cols, counts

    def _sentence_columns(self, texts: list[str], buckets: _Buckets
                          ) -> Iterator[tuple[Iterator[int], frozenset[int]]]:
        """Per sentence: its word features' columns (lazily: a feature not hashed yet reads
        as -1 and joins ``buckets.misses`` as it is read) and the columns of its general
        tokens with all their copies (one look-up per sentence)."""
        col = buckets.__getitem__
        for feats, extra in self._sentence_features(texts):
            yield map(col, feats), extra

    def _sentence_features(self, texts: list[str]) -> Iterator[tuple[list[str], frozenset[int]]]:
        """Per sentence: its word features (``?``-prefixed in a question when questions are
        split) and the columns of its general tokens with all their copies."""
        parts = analyzer(self.ngram_max, self.cues, self.split_questions, self.shapes,
                         self.general_weight).parts
        known = self._general_sets
        split = self.split_questions
        for text in texts:
            feats, general, question = parts(text)
            prefixed = question and split
            key = (prefixed, *general)
            extra = known.get(key)
            yield (["?" + f for f in feats] if prefixed else feats,
                   extra if extra is not None else self._general_set(key))

    def _general_set(self, key: tuple[Any, ...]) -> frozenset[int]:
        """The columns of a sentence's general tokens and all their copies, for ``key`` =
        (question-prefixed?, token, token, ...), remembered: sentences share a few
        combinations."""
        known = self._general_sets
        if len(known) >= 50_000:  # bounded memory
            known.clear()
        prefixed, *tokens = key
        cols: set[int] = set()
        for t in tokens:
            cols.update(self._general_columns("?" + t if prefixed and t != "_q" else t))
        out = known[key] = frozenset(cols)
        return out

    def _general_columns(self, name: str) -> tuple[int, ...]:
        """The hashed columns of a general token and its ``general_weight - 1`` copies
        (``name``, ``name~1``, ...), which always come together: hashed once per process."""
        cols = self._general.get(name)
        if cols is None:
            n = self.n_features
            names = (name, *_copies(name, self.general_weight))
            cols = self._general[name] = tuple(bucket(f, n) for f in names)
        return cols

    def scores(self, texts: list[str]) -> list[float]:
        """Linear scores in plain Python: the same sums, in the same order, as
        :meth:`decision_function` (and scikit-learn's sparse product)."""
        cols, counts = self._rows(texts)
        idx, vals = self.indices_, self.values_
        n_idx = len(idx)
        find = bisect.bisect_left
        out: list[float] = []
        start = 0
        for n in counts:
            acc = 0.0
            if n:
                value = 1.0 / math.sqrt(n)
                for c in cols[start : start + n]:
                    j = find(idx, c)
                    acc += value * (vals[j] if j < n_idx and idx[j] == c else 0.0)
            out.append(acc + self.intercept_)
            start += n
        return out

    def probabilities(self, texts: Iterable[str]) -> list[float]:
        """P(check-worthy) per sentence; the same digits on either path.

        A process that scores a few small batches (a draft check) uses plain Python and
        never builds the dense coefficient vector or imports numpy for it; from the
        :data:`LIGHT_CALLS`-th batch on (an audit of many articles), or for a batch over
        :data:`SMALL_BATCH` sentences, numpy, which is about twice as fast per sentence
        once the vector exists."""
        batch = texts if isinstance(texts, list) else list(texts)
        if len(batch) <= SMALL_BATCH and self._dense is None and self._light_calls < LIGHT_CALLS:
            self._light_calls += 1
            return [sigmoid(z, self.calibration_) for z in self.scores(batch)]
        # (the second column of :meth:`predict_proba`, without building its array)
        calibration = self.calibration_
        return [sigmoid(z, calibration) for z in self.decision_function(batch).tolist()]

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Linear scores, computed as scikit-learn's sparse product computes them."""
        import numpy as np

        texts = X if isinstance(X, list) else list(X)
        cols, counts = self._columns(texts)
        with np.errstate(divide="ignore"):
            value = 1.0 / np.sqrt(counts.astype(np.float64))
        terms = np.repeat(value, counts) * self.coef_[cols]
        # bincount adds each row's terms one by one, in column order: the sparse product's sum
        rows = np.repeat(np.arange(len(texts)), counts)
        return np.bincount(rows, weights=terms, minlength=len(texts)) + self.intercept_

    def _columns(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """What :meth:`_rows` gives (every row's sorted distinct columns, concatenated, and
        each row's count), for a large batch: the rows' word features are hashed together
        (one numpy MurmurHash3 pass over all of them, unsorted and with repeats), their
        general columns (one cached array per combination of general tokens) are joined to
        them, and one numpy sort of (row, column) keys orders and dedupes them all.

        (No memo of feature columns here: a third of an article's n-grams are new to any
        memo, and looking up the rest in a memo of a hundred thousand strings cost more than
        hashing them all again.)"""
        import numpy as np

        flat: list[str] = []
        lengths: list[int] = []
        general: list[np.ndarray] = []
        for feats, extra in self._sentence_arrays(texts):
            flat += feats
            lengths.append(len(feats))
            general.append(extra)
        n = self.n_features
        h = murmurhash3_32_many(list(map(str.encode, flat)))  # (UTF-8, strict: as encode("utf-8"))
        # abs() of INT_MIN as scikit-learn's _hashing_fast takes it (see :func:`bucket`)
        cols = np.where(h == -2147483648, (2147483647 - (n - 1)) % n, np.abs(h) % n)
        index = np.arange(len(texts), dtype=np.int64)
        rows = np.repeat(index, lengths)
        if general:
            cols = np.concatenate((cols, *general))
            rows = np.concatenate((rows, np.repeat(index, [len(g) for g in general])))
        keys = rows * n + cols
        keys.sort()  # by row, then column
        if len(keys) > 1:  # distinct (np.unique hashes first, which is slower here)
            keep = np.empty(len(keys), dtype=bool)
            keep[0] = True
            np.not_equal(keys[1:], keys[:-1], out=keep[1:])
            keys = keys[keep]
        return keys % n, np.bincount(keys // n, minlength=len(texts))

    def _sentence_arrays(self, texts: list[str]) -> Iterator[tuple[list[str], np.ndarray]]:
        """:meth:`_sentence_features` with each sentence's general columns as an int64 array
        (one per combination of general tokens, made once and shared)."""
        import numpy as np

        arrays = self._general_arrays
        for words, extra in self._sentence_features(texts):
            got = arrays.get(extra)
            if got is None:
                if len(arrays) >= 50_000:  # bounded memory
                    arrays.clear()
                got = arrays[extra] = np.fromiter(extra, dtype=np.int64, count=len(extra))
            yield words, got

    @staticmethod
    def _settle(buckets: _Buckets, unsettled: list[tuple[set[int], list[str]]]) -> None:
        """Hash the pending features (together) and add their columns to the rows that
        have them."""
        buckets.settle()
        col = buckets.get
        n = buckets.n_features
        for row, new in unsettled:
            row.update(map(col, new))
            if None in row:  # not remembered (more new features than the memo holds)
                row.discard(None)
                row.update(bucket(feature, n) for feature in new)

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        return sigmoid_proba(self.decision_function(X), self.calibration_)

    def predict(self, X: Iterable[str], threshold: float = 0.5) -> np.ndarray:
        return (self.predict_proba(X)[:, 1] >= threshold).astype(int)


def sigmoid(score: float, calibration: tuple[float, float]) -> float:
    """The Platt sigmoid of one linear score: P(check-worthy)."""
    a, b = calibration
    z = a * score + b
    try:
        return 1.0 / (1.0 + math.exp(-z))
    except OverflowError:  # -z beyond ~709: the probability is 0 to double precision
        return 0.0


def sigmoid_proba(scores: np.ndarray, calibration: tuple[float, float]) -> np.ndarray:
    """``(1 - p, p)`` columns, ``p`` the Platt sigmoid of the linear ``scores`` (per row with
    ``math.exp``, so that both prediction paths give the same digits)."""
    import numpy as np

    p = np.fromiter((sigmoid(z, calibration) for z in scores.tolist()), dtype=np.float64,
                    count=len(scores))
    return np.column_stack([1.0 - p, p])


def read_model_dict(path: str | Path) -> dict[str, Any]:
    """A JSON claim model's data (plain data; never unpickles), through the data-file loader."""
    return with_envelope(FORMAT, load_data(path, FORMAT, READABLE_VERSIONS), FORMAT_VERSION)


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
