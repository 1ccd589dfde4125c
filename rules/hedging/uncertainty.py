"""The sentence-level uncertainty model (CoNLL-2010 task 1 style), for prediction.

One uncertainty judgement per sentence: the probability that a sentence is uncertain
(speculative, hedged or weaselly), from a logistic regression over binary features of the
sentence (lower-cased word unigrams and bigrams, the lexicon cues it holds, their categories
and how many hedge cues there are). The hedging family records it per body sentence
(``Analysis.uncertainty``) and combines it with the author's lexicon cues into
``Analysis.hedged`` (:func:`is_hedged`); ``sentences.csv`` carries both.

Prediction is plain Python (a dictionary look-up per feature and one ``math.exp``), so it
needs neither numpy nor scikit-learn and costs nothing to import. The model is fitted by
``training/train_hedging.py`` (``training/hedge_sentence_model.py``, the scikit-learn
estimator, gives the same probabilities from the same file) and stored as plain JSON next
to this module (``sentence_model.json``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.core.datafiles import load_data
from rules.hedging.lexicon import BOOSTER, EPISTEMIC, REPORTATIVE, WEASEL

MODEL_FORMAT = "checker-hedge-sentence-model"
MODEL_PATH = Path(__file__).resolve().parent / "sentence_model.json"

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_COUNTED = frozenset({EPISTEMIC, REPORTATIVE, WEASEL})
# The cue categories the model reads. Approximators are left out: their learned weights
# were negligible (|w| < 0.03), and without them the audit need not scan for approximators
# unless their rule is on (the costliest entries of the lexicon).
MODEL_CATEGORIES: tuple[str, ...] = (EPISTEMIC, REPORTATIVE, WEASEL, BOOSTER)
_READ = frozenset(MODEL_CATEGORIES)


def features_from_cues(text: str, cues: Iterable[tuple[str, str]]) -> list[str]:
    """Sparse binary features of one sentence, given its lexicon cues as ``(key, category)``.

    ``w=`` unigrams, ``b=`` bigrams of lower-cased word tokens; ``c=`` each cue's lexicon
    key, ``k=`` its category; ``n=`` the number of hedge cues (epistemic, reportative,
    weasel), capped at 3. Cues of categories outside :data:`MODEL_CATEGORIES` are ignored."""
    toks = _TOKEN_RE.findall(text.lower())
    feats = {"w=" + t for t in toks}
    feats.update("b=" + a + "_" + b for a, b in zip(toks, toks[1:], strict=False))
    return sorted(feats | _cue_features(cues))


def _cue_features(cues: Iterable[tuple[str, str]]) -> set[str]:
    """The ``c=``, ``k=`` and ``n=`` features of a sentence's lexicon cues."""
    feats: set[str] = set()
    n = 0
    for key, category in cues:
        if category not in _READ:
            continue
        feats.add("c=" + key)
        feats.add("k=" + category)
        n += category in _COUNTED
    feats.add(f"n={min(n, 3)}")
    return feats


@dataclass(frozen=True)
class SentenceModel:
    """A fitted uncertainty model: feature weights, intercept, and the thresholds of ``hedged``.

    ``threshold``: from this probability a sentence is uncertain on the model's word alone;
    ``cue_threshold``: from this (lower) probability a sentence with one of the author's own
    hedge cues is uncertain (the lexicon and the model agree)."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    cue_threshold: float

    def __post_init__(self) -> None:
        # The word and bigram weights keyed by the tokens themselves, so that a sentence is
        # scored without building its feature strings (:meth:`sentence_probability`).
        unigrams: dict[str, float] = {}
        bigrams: dict[tuple[str, str], float] = {}
        for f, w in self.weights.items():
            if f.startswith("w="):
                unigrams[f[2:]] = w
            elif f.startswith("b=") and "_" in f:
                a, _, b = f[2:].partition("_")
                bigrams[(a, b)] = w
        object.__setattr__(self, "_unigrams", unigrams)
        object.__setattr__(self, "_bigrams", bigrams)
        object.__setattr__(self, "_no_cue", self.weights.get("n=0", 0.0))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceModel:
        """The model of a ``checker-hedge-sentence-model`` file's data (envelope removed)."""
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            threshold = float(data.get("threshold", 0.5))
            cue = float(data.get("cue_threshold", threshold))
            return cls(weights, float(data["intercept"]), threshold, cue)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"malformed hedge sentence model ({exc!r})") from None

    def probability(self, features: Sequence[str]) -> float:
        """P(uncertain) of one sentence's features (unknown features weigh nothing)."""
        z = self.intercept
        get = self.weights.get
        for f in features:
            w = get(f)
            if w is not None:
                z += w
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def sentence_probability(self, text: str, cues: Iterable[tuple[str, str]]) -> float:
        """P(uncertain) of a sentence and its lexicon cues ``(key, category)``: the same as
        ``probability(features_from_cues(text, cues))`` but for the last bits of the sum
        (an exactly rounded ``math.fsum``, so the same in every process whatever the hash
        seed), without building the feature strings."""
        toks = _TOKEN_RE.findall(text.lower())
        uni: dict[str, float] = self._unigrams  # type: ignore[attr-defined]
        bi: dict[tuple[str, str], float] = self._bigrams  # type: ignore[attr-defined]
        # a view's ``&`` runs over the other operand (a list or an iterator here: no set of
        # tokens or pairs is built) and keeps each word or pair once
        terms = [self.intercept, *map(uni.__getitem__, uni.keys() & toks)]
        if len(toks) > 1:
            terms.extend(map(bi.__getitem__, bi.keys() & zip(toks, toks[1:], strict=False)))
        if cues:
            get = self.weights.get
            terms.extend(get(f, 0.0) for f in _cue_features(cues))
        else:  # no cue: the one feature "n=0"
            terms.append(self._no_cue)  # type: ignore[attr-defined]
        z = math.fsum(terms)  # order-free: sets iterate in a hash-seed order
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def is_hedged(self, probability: float, author_cue: bool) -> bool:
        """The sentence's one uncertainty verdict: the model is sure enough on its own, or
        the author's own hedge cue is there and the model does not disagree."""
        return probability >= self.threshold or (author_cue and probability >= self.cue_threshold)


@lru_cache(maxsize=4)
def load_model(path: str = "") -> SentenceModel:
    """The sentence model at ``path`` (default: the shipped one), read once per process."""
    return SentenceModel.from_dict(load_data(path or MODEL_PATH, MODEL_FORMAT))
