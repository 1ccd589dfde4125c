"""Cue candidates from the lexicon, and the candidate classifier that filters them.

Before (and beside) the learned tagger, cues were found as lexicon candidates: every
inflected cue verb, "according to", "as reported by", "in the words of", "pointed out"
and headline colons (:func:`cue_candidates`), kept when the logistic-regression
candidate model (``cue_model.json``, over :func:`cue_features`) says so. The extractor
still merges these candidates into the tagger's cues.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import math
import operator
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, islice
from pathlib import Path
from typing import Any

from checker.core.datafiles import (
    DataFileError,
    all_finite,
    finite_number,
    little_endian,
    load_data,
    mapping,
)
from rules.attribution.doc import TokenDoc
from rules.attribution.lexicon import Lexicon, extra_key
from rules.attribution.source_words import people_word
from rules.attribution.tokens import Tok, is_cap, is_word
from rules.attribution.words import BOUNDARY_WORDS, PERSON_PRONOUNS, POLL_NOUNS, QUOTE_TOKENS

CUE_MODEL_FORMAT = "checker-attribution-cue-model"  # envelope of cue_model.json

MODEL_PATH = Path(__file__).resolve().parent / "cue_model.json"


@dataclass(frozen=True)
class CueModel:
    """Logistic regression over hashed-free sparse features, loaded from plain JSON."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    extra_cues: dict[str, str] = field(default_factory=dict)

    def prob(self, features: Iterable[str]) -> float:
        """P(the candidate is a cue) given its features."""
        z = self.bias
        w = self.weights
        get = w.getter() if isinstance(w, SortedWeights) else w.get
        for f in features:
            z += get(f, 0.0)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=4)
def load_cue_model(path: str = str(MODEL_PATH)) -> CueModel | None:
    """The candidate model at ``path`` (None when there is no such file)."""
    p = Path(path)
    if not p.is_file():
        return None
    data = load_data(p, CUE_MODEL_FORMAT, versions=(1, 2))
    where = str(p)
    try:
        weights = unpack_cue_weights(data)
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise DataFileError(f"{p}: unusable weights: {exc}") from None
    if not all_finite(weights.values()):
        raise DataFileError(f"{p}: a cue-model weight is not finite")
    return CueModel(
        weights=weights,
        bias=finite_number(data, "bias", where),
        threshold=finite_number(data, "threshold", where, 0.0, 1.0, default=0.5),
        extra_cues=mapping(data, "extra_cues", where, str, default={}),
    )


# Format 2 stores the weights packed: a JSON object of 33,000 entries takes ~30 ms to parse,
# these two strings ~3 ms. "feature_names": the feature names joined by newlines (no name
# holds one); "weights_f64": their weights, little-endian float64, in the same order.
CUE_MODEL_FORMAT_VERSION = 2


def pack_cue_weights(weights: dict[str, float]) -> dict[str, str]:
    """The ``feature_names`` and ``weights_f64`` fields of a format-2 cue model."""
    names = list(weights)
    if any("\n" in n for n in names):
        raise ValueError("a cue-model feature name holds a newline")
    vals = array("d", (weights[n] for n in names))
    if sys.byteorder != "little":
        vals.byteswap()
    return {"feature_names": "\n".join(names),
            "weights_f64": base64.b64encode(vals.tobytes()).decode()}


def unpack_cue_weights(data: dict[str, Any]) -> Mapping[str, float]:
    """The feature weights of a format-1 (an object) or format-2 (packed) cue model: a
    dict, or for a format-2 file with its names in order a :class:`SortedWeights` (the
    same mapping, read without building a dict of ~33,000 names)."""
    if "feature_names" not in data:
        return {k: float(v) for k, v in data["weights"].items()}
    names = data["feature_names"].split("\n") if data["feature_names"] else []
    vals = little_endian("d", base64.b64decode(data["weights_f64"], validate=True))
    if len(vals) != len(names):
        raise ValueError("cue model: feature_names and weights_f64 differ in length")
    if all(map(operator.lt, names, islice(names, 1, None))):
        return SortedWeights(names, vals.tolist())
    return dict(zip(names, vals.tolist(), strict=True))


class SortedWeights(Mapping[str, float]):
    """Feature name -> weight over strictly increasing names, found by binary search; a
    draft check looks up a few hundred names, so the dict is built only once a process
    has looked up many (an audit)."""

    DICT_AFTER = 20_000  # look-ups

    def __init__(self, names: Sequence[str], values: Sequence[float]) -> None:
        self._names = names
        self._values = values
        self._dict: dict[str, float] | None = None
        self._lookups = 0

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if self._dict is not None:
            return self._dict.get(key, default)
        self._lookups += 1
        if self._lookups > self.DICT_AFTER:
            self._dict = dict(zip(self._names, self._values, strict=True))
        names = self._names
        i = bisect.bisect_left(names, key)
        return self._values[i] if i < len(names) and names[i] == key else default

    def getter(self) -> Callable[[Any, Any], Any]:
        """The quickest ``get`` for a run of look-ups: the dict's own once it is built."""
        return self._dict.get if self._dict is not None else self.get

    def __getitem__(self, key: str) -> float:
        got = self.get(key, _MISSING)
        if got is _MISSING:
            raise KeyError(key)
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def values(self) -> tuple[float, ...]:  # type: ignore[override]
        return tuple(self._values)  # (Mapping's would look up every name)


_MISSING = object()


_PHRASE_CUE_STARTS = frozenset(("according", "as", "in", "per", "pointed", "points", ":",
                                "put", "puts"))


def candidate_starters(lex: Lexicon, extra: dict[str, str]) -> frozenset[str]:
    """Lower-case token texts at which :func:`cue_candidates` can find a candidate (kept on
    the lexicon, per set of extra cue forms)."""
    return lex.starters.get(
        extra_key(extra), lambda: _PHRASE_CUE_STARTS | set(lex.cue_forms) | set(extra)
    )


def cue_candidates(d: TokenDoc, model: CueModel | None) -> list[tuple[int, int, str]]:
    """(first token, last token, kind) of cue candidates, in text order. They depend on
    the tokens and the extra cue forms only, so they are found once per document and set
    of extra forms (kept on the document; the list is shared: do not change it)."""
    extra = model.extra_cues if model else {}
    key = extra_key(extra)
    found = d.candidates.get(key)
    if found is None:
        found = d.candidates[key] = _find_candidates(d, extra)
    return found


def _per_source(d: TokenDoc, i: int) -> bool:
    """Whether "as per" or "per" at token ``i`` introduces a source ("as per the memo",
    ", per a court filing"): a determiner or a capitalised word follows, and a bare "per"
    opens its sentence or follows a comma (not "$5 per hour", "per the hour")."""
    toks = d.toks
    j = i + 1
    if toks[i].low == "as":
        if j >= len(toks) or toks[j].low != "per":
            return False
        j += 1
    elif i > 0 and toks[i - 1].sent == toks[i].sent and toks[i - 1].text != ",":
        return False
    if j >= len(toks) or toks[j].sent != toks[i].sent:
        return False
    nxt = toks[j]
    return nxt.low in _PER_DETERMINERS or (is_cap(nxt) and nxt.low not in _PER_DETERMINERS)


def _poll_source(d: TokenDoc, i: int) -> bool:
    """Whether "in" at token ``i`` opens a named or singled-out poll ("in the latest
    Harbour Research poll", "in a Daily Post survey", "in the poll"): within eight tokens
    of the sentence, a determiner or a capitalised word, then words up to a poll noun; a
    plural with no name ("in the polls", "in recent surveys") cites no poll in particular."""
    toks = d.toks
    sent = toks[i].sent
    j = i + 1
    if j >= len(toks) or toks[j].sent != sent or not (
            toks[j].low in _PER_DETERMINERS or is_cap(toks[j])):
        return False
    named = False
    for k in range(j, min(j + 8, len(toks))):
        t = toks[k]
        if t.sent != sent or (not is_word(t) and t.text not in ("/", "-", "’s", "'s", "&")):
            return False
        if t.low in POLL_NOUNS:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt.sent == sent and is_word(nxt) and not is_cap(nxt) \
                    and nxt.low not in BOUNDARY_WORDS and not nxt.low.endswith(("ed", "en")):
                return False  # "the poll station": a modifier
            if nxt is not None and nxt.low in ("closed", "opened", "close", "open"):
                return False  # "after the Ohio polls closed": voting, not a poll
            return named or t.low in ("poll", "survey") or toks[j].low != "the" and k > j
        if k > j and is_cap(t):
            named = True
    return False


# what opens the source after "as per": "the", "a", possessives
_PER_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "this"))


def _find_candidates(d: TokenDoc, extra: dict[str, str]) -> list[tuple[int, int, str]]:
    """The cue candidates of :func:`cue_candidates`, found afresh."""
    lex = d.lex
    toks = d.toks
    out: list[tuple[int, int, str]] = []
    n = len(toks)
    starters = candidate_starters(lex, extra)
    nxt = 0  # the next token to look at: a phrase cue found skips its other tokens
    for i in compress(range(n), map(starters.__contains__, d.tok_lows)):
        if i < nxt:
            continue
        nxt = i + 1
        t = toks[i]
        if t.quote >= 0 and toks[i].text not in QUOTE_TOKENS:
            continue
        low = t.low
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            out.append((i, i + 1, "according"))
            nxt = i + 2
            continue
        if low == "as" and i + 2 < n and toks[i + 1].low in ("provided", "reported", "quoted") \
                and toks[i + 2].low == "by":
            out.append((i, i + 2, "according"))
            nxt = i + 3
            continue
        if low in ("as", "per") and _per_source(d, i):
            # "as per a memo to staff", "Per the company's filing, ...": "according to"
            j = i + 1 if low == "as" else i
            out.append((i, j, "according"))
            nxt = j + 1
            continue
        if low == "in" and _poll_source(d, i):
            # "In the new Harbour Research poll, 40 percent ...", "... in a Daily Post
            # survey": the poll is the source of the figures
            out.append((i, i, "according"))
            continue
        if low == "in" and i + 3 < n and toks[i + 1].low == "the" \
                and toks[i + 2].low in ("words", "view", "opinion", "judgment", "judgement") \
                and toks[i + 3].low == "of" and _holder_after(d, i + 4):
            out.append((i, i + 3, "according"))  # "in the words of", "in the view of"
            nxt = i + 4
            continue
        if low in ("put", "puts") and as_put_it(d, i):
            out.append((i, i + 1, "speech"))  # "As the mayor put it, ..."
            nxt = i + 2
            continue
        kind = lex.cue_forms.get(low) or extra.get(low)
        if kind:
            j = i
            if low in ("pointed", "points", "point", "pointing") and i + 1 < n \
                    and toks[i + 1].low == "out":
                j = i + 1
            out.append((i, j, kind))
        elif low in ("pointed", "points") and i + 1 < n and toks[i + 1].low == "out":
            out.append((i, i + 1, "speech"))
            nxt = i + 2
        elif low == ":" and i > 0 and t.quote < 0:
            out.append((i, i, "colon"))
    return out


def _holder_after(d: TokenDoc, k: int) -> bool:
    """Whether the phrase from token ``k`` (after "in the view of") names someone who can
    hold a view within four words: a capitalised word, a pronoun, a word for people, a role
    or a body ("the court", "many economists", "its founder"); not "the camera"."""
    toks = d.toks
    lex = d.lex
    for m in range(k, min(k + 4, len(toks))):
        t = toks[m]
        if t.sent != toks[k].sent or not is_word(t):
            return False
        if is_cap(t) or t.low in lex.pronouns or t.low in lex.role_nouns \
                or t.low in lex.organisation_words or people_word(t.low, lex):
            return True
    return False


def as_put_it(d: TokenDoc, i: int) -> bool:
    """Whether "put"/"puts" at token ``i`` is the verb of "as <someone> put(s) it" ("As the
    mayor put it, ...", "as The Post's Ann Lee puts it"): "it" follows, and "as" opens the
    clause (sentence start or after a comma) one to eight tokens before, with no comma
    between."""
    toks = d.toks
    if i + 1 >= len(toks) or toks[i + 1].low != "it":
        return False
    sent = toks[i].sent
    for k in range(i - 1, max(i - 10, -1), -1):
        if toks[k].sent != sent or toks[k].text in (",", ";", ":"):
            return False
        if toks[k].low == "as" and k < i - 1:
            return k == d.sent_tok[sent][0] or toks[k - 1].text in (",", "—", "–", "(") \
                or toks[k - 1].text in QUOTE_TOKENS
    return False


def cue_features(toks: Sequence[Tok], i: int, j: int) -> list[str]:
    """Context features of a cue candidate spanning tokens ``i..j`` (used by the model)."""
    t = toks[i]
    prev = toks[i - 1] if i > 0 else None
    prev2 = toks[i - 2] if i > 1 else None
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    nxt2 = toks[j + 2] if j + 2 < len(toks) else None
    same_prev = prev is not None and prev.sent == t.sent
    same_next = nxt is not None and nxt.sent == t.sent

    def shape(x: Tok | None, same: bool) -> str:
        if x is None or not same:
            return "<S>"
        if x.text in QUOTE_TOKENS:
            return "Q"
        if not is_word(x):
            return x.text
        if x.low in PERSON_PRONOUNS or x.low in ("they", "we", "it", "who"):
            return "PRON"
        if is_cap(x):
            return "Cap"
        return "low"

    w = t.low
    f = [f"w={w}", f"p={prev.low if same_prev and prev else '<S>'}",
         f"n={nxt.low if same_next and nxt else '<E>'}",
         f"ps={shape(prev, same_prev)}", f"ns={shape(nxt, same_next)}",
         f"w_ps={w}|{shape(prev, same_prev)}", f"w_ns={w}|{shape(nxt, same_next)}",
         f"pp={prev2.low if prev2 is not None and prev2.sent == t.sent else '<S>'}",
         f"nn={nxt2.low if nxt2 is not None and nxt2.sent == t.sent else '<E>'}",
         f"suf={w[-3:]}", f"w_n={w}|{nxt.low if same_next and nxt else '<E>'}",
         f"w_p={w}|{prev.low if same_prev and prev else '<S>'}"]
    if t.quote >= 0:
        f.append("inquote")
    if w == ":":
        f.append(f"colon_p={shape(prev, same_prev)}|{shape(nxt, same_next)}")
    return f

