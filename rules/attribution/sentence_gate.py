"""Does a sentence report what someone said or thinks? The learned sentence gate.

The cue tagger (``tagger.py``) decides token by token with a window of three words either
side; many attribution cues of news copy are rare phrases ("took a swipe at", "is a
fierce critic of") that it scores below its threshold. This model looks at the whole
sentence instead: a logistic regression over hashed binary features (its words and word
pairs, the lexicon classes of its words, quotation marks, how it opens and ends), trained
on PolNeAR ``train`` (``training/train_attribution_sentences.py``) to tell whether a
sentence holds attributed content. The extractor asks it only about sentences that no
relation covers and in which the tagger sees a weaker cue (``extraction.py``): when the
sentence model agrees, that weaker cue is kept.

Its features also look past the sentence (``context_names``: it opens inside a quotation
begun earlier, a quotation runs on past it, the sentence before holds a cue or a quote).
A second stage (``SentenceGate.free_sentences``, the optional ``stack`` of the JSON) scores
every sentence that no relation covers once the extraction is done, from the gate's
probability, the tagger's strongest cue probability there and the neighbouring sentences;
what it accepts is a cue-less ``sentence_only`` relation: attributed content for PolNeAR's
sentence measure and an ``attributed`` sentence with no source, never an information source.

Inference is plain Python (``zlib.crc32`` hashing and a dict of weights): no numpy, so
that checking a short draft does not import it for this model.
"""

from __future__ import annotations

import base64
import math
import operator
import re
import struct
import sys
import zlib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import islice, repeat
from pathlib import Path
from typing import Any

from checker.core.datafiles import (
    DataFileError,
    finite_number,
    little_endian,
    load_data,
    whole_number,
)
from rules.attribution.candidates import SortedWeights
from rules.attribution.doc import TokenDoc
from rules.attribution.gate_batch import RowTable, logistic, sentence_sums, weight_array
from rules.attribution.lexicon import Lexicon
from rules.attribution.words import AUX, QUOTE_TOKENS

GATE_FORMAT = "checker-attribution-sentence-gate"
GATE_FORMAT_VERSION = 2
GATE_PATH = Path(__file__).resolve().parent / "sentence_gate.json"
MAX_BITS = 22
_DIGITS = re.compile(r"\d")
_MAX_WORDS = 120  # words of a sentence that give features (a run-on "sentence" is cut)


def _lex_class(low: str, d: TokenDoc) -> str:
    """A coarse lexicon class of a lower-case word ("" for none)."""
    lex = d.lex
    kind = lex.cue_forms.get(low)
    if kind:
        return "cue-" + kind
    if low in lex.pronouns:
        return "pron"
    if low in lex.role_nouns or low in lex.anonymous_heads or low in lex.titles:
        return "role"
    if low in lex.organisation_nouns or low in lex.outlet_nouns or low in lex.document_nouns:
        return "org"
    if low in AUX:
        return "aux"
    return ""


_MIX = 0x9E3779B97F4A7C15  # odd 64-bit multiplier of the pair hash
_MASK64 = (1 << 64) - 1
_MEMO_LIMIT = 200_000  # memoised words before the memo starts afresh (bounded memory)


def hash_feature(name: str) -> int:
    """The 64-bit code of a feature name (crc32 of its UTF-8 bytes, spread)."""
    return (zlib.crc32(name.encode()) * _MIX) & _MASK64


def _pair(a: int, b: int) -> int:
    """The code of an ordered pair of codes."""
    return ((a * _MIX) ^ b) & _MASK64


_EDGE_START = hash_feature("<s>")
_EDGE_END = hash_feature("</s>")
_NO_CLASS = hash_feature("c=-")
_SALT_PC = hash_feature("pc")
_SALT_CP = hash_feature("cp")


# a word's memo entry: (normalised word, word code, class code (0: none), own feature codes,
# word code times _MIX and class code (or _NO_CLASS) times _MIX, both masked: the left
# halves of the pair codes)
_Info = tuple[str, int, int, tuple[int, ...], int, int]
_BIAS = hash_feature("bias-sent")
_LEN = [hash_feature(f"len={k}") for k in range(7)]
_QUOTED = [hash_feature(f"quoted={k}") for k in range(4)]


class WordMemo:
    """Per token text: its normalised form, the code of the word and of its lexicon class,
    and the codes of its own features; made once per text and lexicon. Also the codes of
    the first-word and last-two-words features seen."""

    def __init__(self) -> None:
        self.lex: Lexicon | None = None
        self.words: dict[str, _Info] = {}
        self.names: dict[str, int] = {}

    def check(self, d: TokenDoc) -> None:
        """Start afresh for another lexicon (the classes of words depend on it), or when
        the memo has grown past its bound."""
        if d.lex is not self.lex or len(self.words) > _MEMO_LIMIT \
                or len(self.names) > _MEMO_LIMIT:
            self.lex, self.words, self.names = d.lex, {}, {}

    def get(self, low: str, d: TokenDoc) -> _Info:
        """The memo entry of a token text (see ``_Info``)."""
        info = self.words.get(low)
        if info is None:
            norm = _DIGITS.sub("0", low)
            cls = _lex_class(low, d)
            w = hash_feature("w=" + norm)
            c = hash_feature("c=" + cls) if cls else 0
            own = [w]
            if c:
                own.append(c)
            if norm in QUOTE_TOKENS:
                own.append(hash_feature("has-quote-mark"))
            elif norm == ":":
                own.append(hash_feature("has-colon"))
            info = self.words[low] = (norm, w, c, tuple(own), (w * _MIX) & _MASK64,
                                      ((c or _NO_CLASS) * _MIX) & _MASK64)
        return info

    def name(self, name: str) -> int:
        """The code of a feature name, memoised."""
        code = self.names.get(name)
        if code is None:
            code = self.names[name] = hash_feature(name)
        return code


_START_MIX = (_EDGE_START * _MIX) & _MASK64
# the second stage's features (``SentenceGate.stack_features``): a constant, the gate's
# log-odds, the strongest tagger cue's log-odds, whether that cue reaches the gate's cue
# threshold, the share of quoted words, opens inside / runs on in a quotation, the sentence
# before / after is covered by a relation, log of the word count, gate P times cue P
STACK_FEATURES = ("bias", "gate_logit", "cue_logit", "weak_cue", "quoted", "qcont", "qruns",
                  "prev_covered", "next_covered", "log_words", "gate_x_cue")
_CONTEXT = {name: hash_feature(name) for name in (
    "ctx=qcont", "ctx=qruns", "ctx=prev-cue", "ctx=prev-quoted", "ctx=qcont+prev-cue",
    "ctx=first-sentence")}


def context_names(d: TokenDoc, si: int) -> list[str]:
    """Features of sentence ``si`` that look beyond it: it opens inside a quotation begun
    in an earlier sentence ("qcont"), a quotation runs on past its end ("qruns"), the
    sentence before holds a lexicon cue word ("prev-cue") or quoted words ("prev-quoted"),
    or it is the text's first sentence. A quotation running over several sentences is
    attributed as a whole, although only one of its sentences holds the cue."""
    a, b = d.sent_tok[si]
    out: list[str] = []
    quote, quotes = d.tok_quote, d.quotes
    start, end = d.sents[si]
    qa = quote[a]
    if qa >= 0 and quotes[qa][0] < start:
        out.append("ctx=qcont")
    qb = quote[b - 1]
    if qb >= 0 and quotes[qb][1] > end:
        out.append("ctx=qruns")
    if si == 0:
        out.append("ctx=first-sentence")
        return out
    pa, pb = d.sent_tok[si - 1]
    cues = d.lex.cue_forms
    if not cues.keys().isdisjoint(d.tok_lows[pa:pb]):
        out.append("ctx=prev-cue")
        if "ctx=qcont" in out:
            out.append("ctx=qcont+prev-cue")
    if pb > pa and quote[pa:pb].count(-1) < pb - pa:
        out.append("ctx=prev-quoted")
    return out



def sentence_codes(d: TokenDoc, si: int, memo: WordMemo) -> set[int]:
    """The 64-bit codes of the binary features of sentence ``si`` of a document: each word,
    each word pair (with the sentence edges), each lexicon class and its pairs with the
    neighbouring words, quotation marks and colons, the first word, the last two words, the
    length and the share of quoted words (at most ``_MAX_WORDS`` words).

    A pair's code is ``_pair(left, right)``; the loop uses the memoised left halves."""
    a, b = d.sent_tok[si]
    b = min(b, a + _MAX_WORDS)
    if a >= b:
        return {hash_feature("empty")}
    memo.check(d)
    raw = d.tok_lows[a:b]
    out: set[int] = set()
    add = out.add
    update = out.update
    wget = memo.words.get
    prev_wm = prev_cm = _START_MIX
    for low in raw:
        info = wget(low) or memo.get(low, d)
        w, c = info[1], info[2]
        update(info[3])
        add(prev_wm ^ w)
        if c:
            add((prev_wm ^ c) ^ _SALT_PC)
            add((prev_cm ^ w) ^ _SALT_CP)
        prev_wm, prev_cm = info[4], info[5]
    add(prev_wm ^ _EDGE_END)
    n = len(raw)
    quoted = n - d.tok_quote[a:b].count(-1)
    add(_BIAS)
    add(memo.name("first=" + memo.get(raw[0], d)[0]))
    add(memo.name("last2=" + "_".join(memo.get(x, d)[0] for x in raw[-2:])))
    add(_LEN[min(n // 8, 6)])
    add(_QUOTED[min(4 * quoted // n, 3)])
    out.update(_CONTEXT[name] for name in context_names(d, si))
    return out


def feature_rows(codes: set[int], bits: int) -> set[int]:
    """The weight rows of feature codes (their top ``bits`` bits)."""
    shift = 64 - bits
    return {c >> shift for c in codes}


class SentenceGate:
    """Logistic regression over hashed sentence features, from plain JSON.

    :meth:`rows` computes the weight rows of :func:`sentence_codes` directly: a row is the
    top ``bits`` bits of a code, and taking them commutes with the exclusive or that makes
    the pair codes, so every code is kept as its row (small integers) in a memo of rows."""

    def __init__(self, bits: int, weights: Mapping[int, int], bias: float, threshold: float,
                 cue_threshold: float, alone_threshold: float | None = None,
                 stack: Sequence[float] | None = None, stack_threshold: float = 0.0) -> None:
        self.bits = bits
        self.weights = weights  # row -> weight in thousandths (as stored)
        self.bias = bias
        self.threshold = threshold  # P(attributed) a sentence needs
        self.cue_threshold = cue_threshold  # the weaker tagger cue a kept sentence may have
        # P(attributed) at which a sentence whose weak cue yields no relation is still read
        # as reporting something (``extraction.recover``); None: never
        self.alone_threshold = alone_threshold
        # the second stage (``free_sentences``): weights of ``STACK_FEATURES`` and the
        # log-odds a sentence needs (None: no second stage)
        self.stack = list(stack) if stack is not None else None
        self.stack_threshold = stack_threshold
        self.memo = WordMemo()
        # the last document asked and its sentence -> P(attributed)
        self._seen: tuple[TokenDoc | None, dict[int, float]] = (None, {})
        # and its sentence -> ``context_names`` (read by the gate and by the second stage)
        self._context: tuple[TokenDoc | None, dict[int, list[str]]] = (None, {})
        self._shift = 64 - bits
        # token text -> (word row, class row (-1: none), own rows, left word row, left
        # class row, normalised word)
        self._rows: dict[str, tuple[int, int, tuple[int, ...], int, int, str]] = {}
        self._lex: Lexicon | None = None
        # the same rows in a numpy table, and the weights as an array (``prepare``)
        self._table: tuple[Lexicon, RowTable] | None = None
        self._weight_array: Any = None
        sh = self._shift
        self._start, self._end = _START_MIX >> sh, _EDGE_END >> sh
        self._pc, self._cp = _SALT_PC >> sh, _SALT_CP >> sh
        self._fixed = (_BIAS >> sh, [c >> sh for c in _LEN], [c >> sh for c in _QUOTED])

    def stack_features(self, d: TokenDoc, si: int, covered: set[int], proba: Any,
                       cue_sums: Any = None) -> list[float]:
        """The second stage's features of sentence ``si`` (``STACK_FEATURES``, in order);
        ``cue_sums``: the B + I sum of every token (:func:`_cue_sums`), when the caller
        asks about many sentences of one document."""
        a, b = d.sent_tok[si]
        p = self.proba(d, si)
        cue = _strongest_cue(proba, a, b) if cue_sums is None else float(max(cue_sums[a:b]))
        names = self.context(d, si)
        n = b - a
        quoted = (n - d.tok_quote[a:b].count(-1)) / n
        return [1.0, _logit(p), _logit(cue), float(cue >= self.cue_threshold), quoted,
                float("ctx=qcont" in names), float("ctx=qruns" in names),
                float(si - 1 in covered), float(si + 1 in covered), math.log(n),
                p * cue]

    def free_sentences(self, d: TokenDoc, covered: set[int], proba: Any) -> list[int]:
        """Sentences outside ``covered`` (of four or more words) that the second stage
        reads as attributed: a logistic regression over the gate's probability, the
        strongest tagger cue probability (``proba``: rows of O/B/I per token) and the
        neighbouring sentences, at ``stack_threshold``; none without a second stage."""
        if self.stack is None:
            return []
        w, th = self.stack, self.stack_threshold
        out = []
        sums = None
        asked = [si for si, (a, b) in enumerate(d.sent_tok) if b - a >= 4 and si not in covered]
        self.prepare(d, asked)
        for si in asked:
            if sums is None:
                sums = _cue_sums(proba)
            z = sum(map(operator.mul, w, self.stack_features(d, si, covered, proba, sums)))
            if z >= th:
                out.append(si)
        return out

    def proba(self, d: TokenDoc, si: int) -> float:
        """P(sentence ``si`` holds attributed content) (kept for the last document, which
        the weak-cue path and the second stage both ask)."""
        seen = self._seen  # (one tuple: a thread that swaps it keeps its own document's)
        if seen[0] is not d:
            seen = self._seen = (d, {})
        p = seen[1].get(si)
        if p is None:
            w = self.weights
            get = w.getter() if isinstance(w, SortedWeights) else w.get
            z = self.bias + sum(map(get, self.rows(d, si), repeat(0))) / 1000
            p = seen[1][si] = logistic(z)
        return p

    def prepare(self, d: TokenDoc, sentences: Iterable[int]) -> None:
        """Work out :meth:`proba` of ``sentences`` together, before they are asked one by
        one: with numpy loaded (an audit), in a few array operations
        (:func:`~rules.attribution.gate_batch.sentence_sums`), the same numbers; without
        (a draft check), nothing is done here and :meth:`proba` scores each sentence in
        plain Python, without importing numpy."""
        if "numpy" not in sys.modules:
            return
        seen = self._seen
        if seen[0] is not d:
            seen = self._seen = (d, {})
        todo = [si for si in sentences if si not in seen[1]]
        if not todo:
            return
        if d.lex is not self._lex or len(self._rows) > _MEMO_LIMIT:
            self._rows, self._lex = {}, d.lex
        self.memo.check(d)
        table = self._table
        if table is None or table[0] is not d.lex:  # (a token's rows depend on the lexicon)
            table = self._table = (d.lex, RowTable(_MEMO_LIMIT))
        if self._weight_array is None:
            self._weight_array = weight_array(self.weights, self.bits)
        sums = sentence_sums(d, todo, _MAX_WORDS, self.bits, table[1],
                             lambda low: self._entry(low, d),
                             (self._start, self._end, self._pc, self._cp),
                             lambda si, a, b: self._fixed_rows(si, a, b, d),
                             self._weight_array)
        bias = self.bias
        seen[1].update((si, logistic(bias + s / 1000)) for si, s in sums.items())

    def _entry(self, low: str, d: TokenDoc) -> tuple[int, int, int, int, int]:
        """A token text's rows for :class:`~rules.attribution.gate_batch.RowTable`: word,
        class (-1: none), left word, left class, and its quotation-mark or colon row (-1:
        none; the last of its own rows when it has one beside the word and class)."""
        w, c, own, wm, cm, _ = self._rows.get(low) or self._word_rows(low, d)
        return w, c, wm, cm, own[-1] if len(own) == 2 + (c >= 0) else -1

    def _word_rows(self, low: str, d: TokenDoc) -> tuple[int, int, tuple[int, ...], int, int,
                                                          str]:
        norm, w, c, own, wm, cm = self.memo.get(low, d)
        sh = self._shift
        info = self._rows[low] = (w >> sh, c >> sh if c else -1, tuple(x >> sh for x in own),
                                  wm >> sh, cm >> sh, norm)
        return info

    def rows(self, d: TokenDoc, si: int) -> set[int]:
        """``feature_rows(sentence_codes(d, si, memo), bits)``, computed in rows."""
        a, b = d.sent_tok[si]
        b = min(b, a + _MAX_WORDS)
        if a >= b:
            return {hash_feature("empty") >> self._shift}
        if d.lex is not self._lex or len(self._rows) > _MEMO_LIMIT:
            self._rows, self._lex = {}, d.lex
        self.memo.check(d)
        raw = d.tok_lows[a:b]
        out: set[int] = set()
        add = out.add
        update = out.update
        get = self._rows.get
        pc, cp = self._pc, self._cp
        prev_wm = prev_cm = self._start
        for low in raw:
            w, c, own, wm, cm, _ = get(low) or self._word_rows(low, d)
            update(own)
            add(prev_wm ^ w)
            if c >= 0:
                add(prev_wm ^ c ^ pc)
                add(prev_cm ^ w ^ cp)
            prev_wm, prev_cm = wm, cm
        add(prev_wm ^ self._end)
        out.update(self._fixed_rows(si, a, b, d))
        return out

    def _fixed_rows(self, si: int, a: int, b: int, d: TokenDoc) -> list[int]:
        """The rows of sentence ``si`` (tokens ``a`` to ``b - 1``, cut at ``_MAX_WORDS``,
        at least one) that no word pair gives: bias, length, share of quoted words, first
        word, last two words and the context (``context_names``)."""
        raw = d.tok_lows[a:b]
        n = len(raw)
        quoted = n - d.tok_quote[a:b].count(-1)
        bias, lens, quotes = self._fixed
        sh = self._shift
        memo = self.memo
        get = self._rows.get
        return [bias, lens[min(n // 8, 6)], quotes[min(4 * quoted // n, 3)],
                memo.name("first=" + (get(raw[0]) or self._word_rows(raw[0], d))[5]) >> sh,
                memo.name("last2=" + "_".join(
                    (get(x) or self._word_rows(x, d))[5] for x in raw[-2:])) >> sh,
                *(_CONTEXT[name] >> sh for name in self.context(d, si))]

    def context(self, d: TokenDoc, si: int) -> list[str]:
        """:func:`context_names` of sentence ``si``, kept for the last document (do not
        change the list)."""
        seen = self._context  # (one tuple, as ``_seen``)
        if seen[0] is not d:
            seen = self._context = (d, {})
        names = seen[1].get(si)
        if names is None:
            names = seen[1][si] = context_names(d, si)
        return names


def pack_gate_weights(index: Sequence[int], milli: Sequence[int]) -> dict[str, str]:
    """``index_u32`` and ``weights_milli_i32`` fields (little-endian, base64) of weight rows
    and their weights in thousandths."""
    return {
        "index_u32": base64.b64encode(struct.pack(f"<{len(index)}I", *index)).decode(),
        "weights_milli_i32": base64.b64encode(struct.pack(f"<{len(milli)}i", *milli)).decode(),
    }


def unpack_gate_weights(data: dict[str, Any], where: str, bits: int) -> Mapping[int, int]:
    """Feature row -> weight in thousandths of a gate file (``DataFileError`` on a
    malformed file): over strictly increasing rows (as the training writes them) a
    :class:`~rules.attribution.candidates.SortedWeights` read straight from the packed
    bytes (a draft check looks up a few hundred rows: no dict of ~44,000 is built), else
    a dict."""
    try:
        raw_idx = base64.b64decode(data["index_u32"], validate=True)
        raw_w = base64.b64decode(data["weights_milli_i32"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{where}: unusable weights: {exc}") from None
    if len(raw_idx) % 4 or len(raw_idx) != len(raw_w):
        raise DataFileError(f"{where}: index_u32 and weights_milli_i32 differ in length")
    idx, milli = little_endian("I", raw_idx), little_endian("i", raw_w)
    increasing = all(map(operator.lt, idx, islice(idx, 1, None)))
    if idx and (idx[-1] if increasing else max(idx)) >= 1 << bits:
        raise DataFileError(f"{where}: a weight row outside 0 to 2**bits - 1")
    if increasing:
        return SortedWeights(idx, milli)  # type: ignore[arg-type]
    return dict(zip(idx, milli, strict=True))



@lru_cache(maxsize=4)
def load_sentence_gate(path: str = str(GATE_PATH)) -> SentenceGate | None:
    """The gate at ``path`` (None when there is no such file)."""
    p = Path(path)
    if not p.is_file():
        return None
    data = load_data(p, GATE_FORMAT, versions=(GATE_FORMAT_VERSION,))
    where = str(p)
    bits = whole_number(data, "bits", where, 1, MAX_BITS)
    return SentenceGate(bits=bits, weights=unpack_gate_weights(data, where, bits),
                        bias=finite_number(data, "bias", where, -100.0, 100.0),
                        threshold=finite_number(data, "threshold", where, 0.0, 1.0),
                        cue_threshold=finite_number(data, "cue_threshold", where, 0.0, 1.0),
                        alone_threshold=(finite_number(data, "alone_threshold", where, 0.0, 1.0)
                                         if data.get("alone_threshold") is not None else None),
                        **_stack(data, where))


def _stack(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The second stage of a gate file (``stack``: a weight per ``STACK_FEATURES`` name and
    ``threshold`` in log-odds; absent or null: none)."""
    raw = data.get("stack")
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not isinstance(raw.get("weights"), dict) \
            or set(raw["weights"]) != set(STACK_FEATURES):
        raise DataFileError(f"{where}: stack needs a weight for each of {STACK_FEATURES}")
    weights = raw["weights"]
    return {"stack": [finite_number(weights, k, where, -100.0, 100.0) for k in STACK_FEATURES],
            "stack_threshold": finite_number(raw, "threshold", where, -100.0, 100.0)}


def _strongest_cue(proba: Any, a: int, b: int) -> float:
    """The largest B + I probability of tokens ``a`` to ``b - 1`` (``proba``: a numpy array
    of O/B/I rows, or a list of such rows on the tagger's light path)."""
    if isinstance(proba, list):
        return max(r[1] + r[2] for r in proba[a:b])
    return float((proba[a:b, 1] + proba[a:b, 2]).max())


def _cue_sums(proba: Any) -> list[float]:
    """The B + I probability of every token, as :func:`_strongest_cue` sums it (numpy's
    float64 sums, kept as Python floats)."""
    if isinstance(proba, list):
        return [r[1] + r[2] for r in proba]
    return (proba[:, 1] + proba[:, 2]).tolist()


def _logit(p: float) -> float:
    """log(p / (1 - p)), clipped to -8 .. 8."""
    p = min(max(p, 0.000335), 0.999665)
    return math.log(p / (1.0 - p))
