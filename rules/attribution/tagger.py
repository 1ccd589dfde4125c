"""The learned cue tagger: B/I/O tags over every token, from hashed context features.

A token-level B/I/O tagger for cue spans over *every* token (not only lexicon verbs):
multinomial logistic regression over hashed feature templates (``tagger.json``, trained
on PolNeAR ``train`` by ``training/train_attribution.py``). Every template combines small
per-token attributes (lower-case word, suffix, shape, lexicon class, quote flag, position
in the sentence) of the token and its neighbours in the same sentence; feature indices
are computed for a whole document at once with numpy (FNV-style hashing of crc32
attribute codes, stable across runs and platforms), and scoring is one gather-and-sum.

Fast paths, each held to its plain form by ``tests/test_attribution_speed.py``: the
attribute codes of a token text are computed once per process (:class:`CodeTable`, kept
on the lexicon), all templates are hashed at once (:func:`_hash_rows`), and the weights
are gathered in rows of four (``CueTagger.weights4``).
"""

from __future__ import annotations

import binascii
import math
import re
import sys
import threading
import zlib
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.datafiles import (
    DataFileError,
    finite_number,
    load_data,
    mapping,
    number_array,
    whole_number,
)
from rules.attribution.doc import TokenDoc
from rules.attribution.lexicon import Lexicon, extra_key
from rules.attribution.tagger_light import TAGGER_FORMAT_VERSION as TAGGER_FORMAT_VERSION
from rules.attribution.tagger_light import (
    PackedRows,
    code_rows,
    decode,
    exp_array,
    hash_features,
    probabilities,
    unpack_tagger_rows,
)
from rules.attribution.tagger_light import pack_tagger_rows as pack_tagger_rows
from rules.attribution.tagger_light import text_shape as _text_shape
from rules.attribution.token_ranges import range_ids, range_offsets
from rules.attribution.tokens import Tok
from rules.attribution.words import (
    AUX,
    BOUNDARY_WORDS,
    DETERMINERS,
    NP_INNER_PREPS,
)

if TYPE_CHECKING:
    import numpy as np

TAGGER_FORMAT = "checker-attribution-tagger"  # the envelope of rules/attribution/tagger.json

TAGGER_PATH = Path(__file__).resolve().parent / "tagger.json"
TAG_O, TAG_B, TAG_I = 0, 1, 2
_CHUNK = 8192  # tokens scored at once (``CueTagger._proba_rows``)
_TAGGER_LOW = 0.5  # continuation tokens need half the decision threshold
_DIGITS = re.compile(r"\d")
_PAD = 0x5BD1E995
# templates: (name, ((attribute, offset), ...)); the name salts the hash
TAGGER_TEMPLATES: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("w", (("w", 0),)), ("w-1", (("w", -1),)), ("w+1", (("w", 1),)),
    ("w-2", (("w", -2),)), ("w+2", (("w", 2),)), ("w-3", (("w", -3),)), ("w+3", (("w", 3),)),
    ("s", (("s", 0),)), ("s-1", (("s", -1),)), ("s+1", (("s", 1),)),
    ("sh", (("sh", 0),)), ("sh-1", (("sh", -1),)), ("sh+1", (("sh", 1),)),
    ("sh-2", (("sh", -2),)), ("sh+2", (("sh", 2),)),
    ("lx", (("lx", 0),)), ("lx-1", (("lx", -1),)), ("lx+1", (("lx", 1),)),
    ("lx-2", (("lx", -2),)), ("lx+2", (("lx", 2),)),
    ("q", (("q", 0),)), ("pos", (("pos", 0),)),
    ("w|w+1", (("w", 0), ("w", 1))), ("w-1|w", (("w", -1), ("w", 0))),
    ("w|sh+1", (("w", 0), ("sh", 1))), ("sh-1|w", (("sh", -1), ("w", 0))),
    ("w|lx+1", (("w", 0), ("lx", 1))), ("lx-1|w", (("lx", -1), ("w", 0))),
    ("w|q", (("w", 0), ("q", 0))), ("w|pos", (("w", 0), ("pos", 0))),
    ("sh-1|sh|sh+1", (("sh", -1), ("sh", 0), ("sh", 1))),
    ("lx-1|lx|lx+1", (("lx", -1), ("lx", 0), ("lx", 1))),
    ("sh-2|sh-1|lx", (("sh", -2), ("sh", -1), ("lx", 0))),
    ("lx|sh+1|sh+2", (("lx", 0), ("sh", 1), ("sh", 2))),
    ("s|lx-1", (("s", 0), ("lx", -1))), ("s|w+1", (("s", 0), ("w", 1))),
    ("w-1|w+1", (("w", -1), ("w", 1))), ("w-2|w-1", (("w", -2), ("w", -1))),
    ("w+1|w+2", (("w", 1), ("w", 2))), ("q-1|q|q+1", (("q", -1), ("q", 0), ("q", 1))),
)


def _shape_code(t: Tok) -> int:
    """Shape code of a token (the plain form of :func:`_text_shape`)."""
    return _text_shape(t.text)


_LX_WORDS = ("that", "whether", "if", "how", "why", "what", "about", "over", "against", "into")


def _lex_code(low: str, lex: Lexicon, extra: dict[str, str]) -> int:
    """Lexicon class code of a lower-case token text (0: none)."""
    kind = lex.cue_forms.get(low) or extra.get(low)
    if kind:
        return 1 if kind == "speech" else 2 if kind == "belief" else 3
    if low in lex.pronouns:
        return 4
    if low in AUX:
        return 5
    if low in DETERMINERS:
        return 6
    if low in _LX_WORDS[:6]:
        return 7
    if low in NP_INNER_PREPS or low in _LX_WORDS[6:]:
        return 8
    if low in lex.role_nouns or low in lex.anonymous_heads or low in lex.titles:
        return 9
    if low in lex.organisation_nouns or low in lex.outlet_nouns or low in lex.document_nouns:
        return 10
    if low in BOUNDARY_WORDS:
        return 11
    return 0


def _pos_code(k: int) -> int:
    """Position code of the ``k``-th token of a sentence (0-3, 4-6, later)."""
    return k if k < 4 else 4 if k < 7 else 5


def _word_codes(text: str, lex: Lexicon, extra: dict[str, str]) -> tuple[int, int, int, int]:
    """(word, suffix, lexicon class, shape) attribute codes of one token text."""
    low = text.lower()
    norm = _DIGITS.sub("0", low)
    return (zlib.crc32(norm.encode()), zlib.crc32(("~" + norm[-3:]).encode()),
            _lex_code(low, lex, extra), _text_shape(text))


# tagger attribute rows, ordered so that the attributes a neighbour offset needs come first
_ATTRS = ("w", "lx", "sh", "s", "q", "pos")


class CodeTable:
    """Attribute codes of every token text seen so far, for one lexicon and extra cues: the
    codes depend on the token text only, so each text is coded once per process.

    Thread-safe: texts are added under a lock, their table columns written before their ids
    are published, and a reader takes the (ids, table) pair in one read."""

    MAX_TEXTS = 200_000  # start afresh past this many distinct texts (bounded memory)

    def __init__(self, lex: Lexicon, extra: dict[str, str]) -> None:
        self.lex = lex
        self.extra = dict(extra)
        self._lock = threading.Lock()
        self._state = self._fresh()
        # the lexicon class of every word in one of the lists (:func:`_lex_code`; any
        # other word's is 0): one look-up per new text instead of a dozen
        listed = (lex.cue_forms, self.extra, lex.pronouns, AUX, DETERMINERS, _LX_WORDS,
                  NP_INNER_PREPS, lex.role_nouns, lex.anonymous_heads, lex.titles,
                  lex.organisation_nouns, lex.outlet_nouns, lex.document_nouns, BOUNDARY_WORDS)
        self._lex_codes = {w: c for words in listed for w in words
                           if (c := _lex_code(w, lex, self.extra))}

    def _fresh(self) -> tuple[dict[str, int], np.ndarray]:
        import numpy as np

        # text -> row of the table; its columns w, lx, sh, s (the order of _ATTRS): the four
        # codes of a text side by side, so that gathering a document's tokens reads one
        # cache line per token, not four far apart
        return {}, np.empty((self.MAX_TEXTS, 4), dtype=np.uint64)

    def _column(self, text: str) -> tuple[int, int, int, int]:
        """:func:`_word_codes` of ``text``, in the table's row order (w, lx, sh, s)."""
        low = text.lower()
        norm = _DIGITS.sub("0", low)
        return (zlib.crc32(norm.encode()), self._lex_codes.get(low, 0), _text_shape(text),
                zlib.crc32(("~" + norm[-3:]).encode()))

    def codes(self, texts: Sequence[str]) -> np.ndarray:
        """(4, n) uint64 codes (rows w, lx, sh, s) of the texts."""
        import numpy as np

        seen, table = self._state
        idx = list(map(seen.get, texts, repeat(-1)))
        if -1 in idx:
            new = [i for i, j in enumerate(idx) if j < 0]
            with self._lock:  # only the new texts, unless the table was renewed since
                renewed = self._state[0] is not seen
                ids, table = self._add(texts, texts if renewed else [texts[i] for i in new])
            if len(ids) == 0:  # more new texts than the table holds: code them directly
                cols = [self._column(x) for x in texts]
                return np.array(cols, dtype=np.uint64).reshape(-1, 4).T
            if ids is seen:  # the same table, grown: the texts seen before keep their columns
                for i in new:
                    idx[i] = ids[texts[i]]
            else:
                idx = list(map(ids.__getitem__, texts))
        return np.take(table, np.array(idx, dtype=np.intp), axis=0).T

    def _add(self, texts: Sequence[str],
             missing: Sequence[str]) -> tuple[dict[str, int], np.ndarray]:
        import numpy as np

        ids, table = self._state
        new = [x for x in dict.fromkeys(missing) if x not in ids]
        if len(ids) + len(new) > self.MAX_TEXTS:
            ids, table = self._state = self._fresh()
            new = list(dict.fromkeys(texts))
            if len(new) > self.MAX_TEXTS:
                return ids, table
        known = len(ids)
        cols = [self._column(x) for x in new]
        table[known : known + len(new)] = np.array(cols, dtype=np.uint64).reshape(-1, 4)
        ids.update(zip(new, range(known, known + len(new)), strict=True))
        return ids, table


def _code_table(lex: Lexicon, extra: dict[str, str]) -> CodeTable:
    """The code table of a lexicon and extra cue forms (kept on the lexicon)."""
    table: CodeTable = lex.code_tables.get(extra_key(extra), lambda: CodeTable(lex, extra))
    return table


_POS_CODES = [_pos_code(k) for k in range(512)]


def _attribute_matrix(d: TokenDoc, extra: dict[str, str]) -> np.ndarray:
    """(len(_ATTRS), n_tokens) uint64 attribute codes of a document's tokens."""
    import numpy as np

    n = len(d.toks)
    vals = np.empty((len(_ATTRS), n), dtype=np.uint64)
    vals[:4] = _code_table(d.lex, extra).codes(d.tok_texts)
    vals[4] = range_ids(d.quote_tok, n) >= 0  # (from token ranges: ``token_ranges.py``)
    sent = range_ids(d.sent_tok, n)
    vals[5] = _pos_array()[np.minimum(range_offsets(d.sent_tok, n), 7)]
    vals[5][sent < 0] = 6  # tokens outside every sentence
    return vals


@lru_cache(maxsize=1)
def _pos_array() -> np.ndarray:
    """:func:`_pos_code` of the indices 0 to 7 (every later index has the code of 7)."""
    import numpy as np

    return np.array([_pos_code(k) for k in range(8)], dtype=np.uint64)


def tagger_attributes(d: TokenDoc, extra: dict[str, str] | None = None) -> dict[str, np.ndarray]:
    """Per-token attribute codes (uint64) and sentence ids of a document."""
    vals = _attribute_matrix(d, extra or {})
    attrs = {name: vals[i] for i, name in enumerate(_ATTRS)}
    attrs["sent"] = range_ids(d.sent_tok, len(d.toks))
    return attrs


# Hashing all templates at once: the neighbour values every template part needs are rows of
# one matrix (a block of attribute rows per offset), and the templates are hashed in order
# of their number of parts, so that each later part updates a tail of the hash rows in place.
def _offset_blocks() -> list[tuple[int, int, int]]:
    """(offset, first row, number of attribute rows) of each offset block."""
    need: dict[int, int] = {}
    for _, parts in TAGGER_TEMPLATES:
        for attr, off in parts:
            need[off] = max(need.get(off, 0), _ATTRS.index(attr) + 1)
    blocks = []
    row = 0
    for off in sorted(need):
        blocks.append((off, row, need[off]))
        row += need[off]
    return blocks


_BLOCKS = _offset_blocks()
_BLOCK_ROW = {off: row for off, row, _ in _BLOCKS}
_BY_PARTS = sorted(range(len(TAGGER_TEMPLATES)), key=lambda ti: len(TAGGER_TEMPLATES[ti][1]))


def _part_rows(level: int) -> tuple[int, np.ndarray]:
    """(first sorted template with a part ``level``, matrix row of that part per template)."""
    import numpy as np

    parts = [TAGGER_TEMPLATES[ti][1] for ti in _BY_PARTS]
    first = next(i for i, p in enumerate(parts) if len(p) > level)
    rows = [_BLOCK_ROW[p[level][1]] + _ATTRS.index(p[level][0]) for p in parts[first:]]
    return first, np.array(rows, dtype=np.intp)


@lru_cache(maxsize=1)
def _numpy_tables() -> dict[str, Any]:
    """The numpy constants of the hashing (made on first use: a short text is tagged by
    ``tagger_light`` without importing numpy)."""
    import numpy as np

    return {
        "_FNV": np.uint64(1099511628211),
        "_UNSORT": np.argsort(_BY_PARTS).astype(np.intp),  # back to template order
        "_SALTS": np.array([[zlib.crc32(TAGGER_TEMPLATES[ti][0].encode())] for ti in _BY_PARTS],
                           dtype=np.uint64),
        "_PART_ROWS": [_part_rows(level)
                       for level in range(max(len(p) for _, p in TAGGER_TEMPLATES))],
    }


def __getattr__(name: str) -> Any:
    """``_FNV``, ``_UNSORT``, ``_SALTS``, ``_PART_ROWS``: the numpy constants, on first use."""
    tables = _numpy_tables() if name in ("_FNV", "_UNSORT", "_SALTS", "_PART_ROWS") else {}
    if name in tables:
        return tables[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# the templates for ``tagger_light``: (salt, ((row in _ATTRS, offset), ...)), in order
_LIGHT_TEMPLATES = tuple(
    (zlib.crc32(name.encode()), tuple((_ATTRS.index(a), off) for a, off in parts))
    for name, parts in TAGGER_TEMPLATES
)


def _hash_rows(vals: np.ndarray, sent: np.ndarray, bits: int) -> np.ndarray:
    """(n_templates, n_tokens) hashed feature indices of an attribute matrix
    (:func:`_attribute_matrix`); see :func:`tagger_feature_indices`."""
    import numpy as np

    t = _numpy_tables()
    n = vals.shape[1]
    pad = np.uint64(_PAD)
    # near[row(offset, attribute), i]: the attribute of token i + offset if that token is
    # in the same sentence, else _PAD
    near = np.full((_BLOCKS[-1][1] + _BLOCKS[-1][2], n), pad, dtype=np.uint64)
    for off, row, k in _BLOCKS:
        if off == 0:
            near[row : row + k] = vals[:k]
        elif 0 < off < n:
            near[row : row + k, :-off] = np.where(sent[off:] == sent[:-off], vals[:k, off:], pad)
        elif 0 < -off < n:
            near[row : row + k, -off:] = np.where(sent[:off] == sent[-off:], vals[:k, :off], pad)
    fnv = t["_FNV"]
    h = near[t["_PART_ROWS"][0][1]]
    h ^= t["_SALTS"]
    h *= fnv
    for first, rows in t["_PART_ROWS"][1:]:
        tail = h[first:]
        tail ^= near[rows]
        tail *= fnv
    h >>= np.uint64(24)
    h &= np.uint64((1 << bits) - 1)
    return np.take(h.view(np.int64), t["_UNSORT"], axis=0)


_REACH = max(abs(off) for off, _, _ in _BLOCKS)  # the farthest neighbour a template reads


def _hash_window(vals: np.ndarray, sent: np.ndarray, bits: int, a: int, b: int) -> np.ndarray:
    """:func:`_hash_rows` of tokens ``a..b`` only, computed over that window and the
    neighbours its templates read: the same values, in memory that does not grow with the
    text (hashing a 1M-character text at once built a matrix of ~500 MB)."""
    lo, hi = max(0, a - _REACH), min(vals.shape[1], b + _REACH)
    return _hash_rows(vals[:, lo:hi], sent[lo:hi], bits)[:, a - lo : b - lo]


def tagger_feature_indices(attrs: dict[str, np.ndarray], bits: int) -> np.ndarray:
    """(n_tokens, n_templates) hashed feature indices in ``[0, 2**bits)``.

    Template ``name`` over parts (attribute, offset): FNV-style hash of the crc32 of the name
    and the part values, a neighbour outside the token's sentence (or the text) being _PAD.
    """
    import numpy as np

    vals = np.stack([attrs[a] for a in _ATTRS]).astype(np.uint64, copy=False)
    return np.ascontiguousarray(_hash_rows(vals, attrs["sent"], bits).T)


# A short text is tagged in plain Python (``tagger_light``: the same bits, no numpy import)
# while a process has tagged few tokens that way (a draft check) and has not imported numpy
# for something else; past either bound, or with numpy loaded, the numpy path, several times
# faster per token once numpy is loaded, takes over.
LIGHT_TOKENS = 1500  # tokens of one text (a draft of some 1,300 words)
LIGHT_BUDGET = 2000  # tokens per process
_light_used = [0]


def _numpy_loaded() -> bool:
    """Whether this process has imported numpy already (then its path costs nothing extra
    and is the faster one)."""
    return "numpy" in sys.modules


class CueTagger:
    """B/I/O cue tagger: hashed-feature weights (index -> 3 class weights) from plain JSON.

    ``weights`` ((2**bits, 3) float32), ``weights4`` (the same in rows of four, the fourth
    0.0, which numpy gathers faster) and ``bias`` ((3,) float64) are numpy arrays; a tagger
    read from a format-2 file makes them on first use only, and tags short texts from the
    file's packed rows in plain Python (:data:`LIGHT_TOKENS`)."""

    def __init__(self, bits: int, weights: np.ndarray | None, bias: Any, threshold: float,
                 extra_cues: dict[str, str] | None = None, *,
                 packed: PackedRows | None = None) -> None:
        self.bits = bits
        self.threshold = threshold  # a token is in a cue when P(B) + P(I) >= threshold
        self.extra_cues = dict(extra_cues or {})
        self.bias_values = tuple(float(b) for b in bias)
        self._bias = bias if hasattr(bias, "dtype") else None
        self._packed = packed
        self._weights4: np.ndarray | None = None
        if weights is not None:
            self._set_weights(weights)
        elif packed is None:
            raise ValueError("a CueTagger needs weights or packed rows")

    def __repr__(self) -> str:
        return f"CueTagger(bits={self.bits}, threshold={self.threshold})"

    def _set_weights(self, weights: np.ndarray) -> None:
        import numpy as np

        base = weights.base
        if isinstance(base, np.ndarray) and base.shape == (len(weights), 4) \
                and base.dtype == weights.dtype and base.flags.c_contiguous \
                and weights.strides == base.strides \
                and weights.ctypes.data == base.ctypes.data:
            self._weights4 = base  # already the first three columns of rows of four
            return
        w4 = np.zeros((len(weights), 4), dtype=weights.dtype)
        w4[:, :3] = weights
        self._weights4 = w4

    @property
    def weights4(self) -> np.ndarray:
        if self._weights4 is None:
            import numpy as np

            assert self._packed is not None
            w4 = np.zeros((1 << self.bits, 4), dtype=np.float32)  # untouched rows unpaged
            idx = np.frombuffer(self._packed.index, dtype=np.uint32).astype(np.int64)
            milli = np.frombuffer(self._packed.milli, dtype=np.int16)
            w4[idx, :3] = (milli.astype(np.float32) / np.float32(1000)).reshape(-1, 3)
            self._weights4 = w4
        return self._weights4

    @property
    def weights(self) -> np.ndarray:
        return self.weights4[:, :3]

    @property
    def bias(self) -> np.ndarray:
        if self._bias is None:
            import numpy as np

            self._bias = np.array(self.bias_values, dtype=np.float64)
        return self._bias

    def proba(self, feats: np.ndarray) -> np.ndarray:
        """(n, 3) class probabilities of (n, n_templates) feature indices."""
        return self._proba_rows(feats.T)

    def _proba_rows(self, rows: np.ndarray) -> np.ndarray:
        # the template weights are summed in template order (a sequential float32 fold, as
        # ``weights[feats].sum(axis=1)`` does), so the result is the same to the bit
        import numpy as np

        n = rows.shape[1]
        if n > _CHUNK:
            # long texts in chunks of tokens: the gathered (templates, n, 4) block stays
            # small (a 1M-character text would gather ~100 MB at once); same result
            return np.concatenate([self._proba_rows(rows[:, a:a + _CHUNK])
                                   for a in range(0, n, _CHUNK)])
        z = np.add.reduce(np.take(self.weights4, rows, axis=0), axis=0)[:, :3] + self.bias
        z -= z.max(axis=1, keepdims=True)
        e = exp_array(z)
        return e / e.sum(axis=1, keepdims=True)

    def spans(self, d: TokenDoc) -> list[tuple[int, int]]:
        """Token ranges (first, last) of predicted cues, in text order."""
        if not d.toks:
            return []
        return decode_cue_spans(self.token_proba(d), d.tok_sent, self.threshold)

    def token_proba(self, d: TokenDoc) -> Any:
        """O/B/I probabilities of each token (decoded by :meth:`spans`, again by the gate):
        (P(O), P(B), P(I)) tuples for short texts, else an (n, 3) array; the same numbers."""
        toks = d.toks
        if not toks:
            return []
        n = len(toks)
        if self._packed is not None and n <= LIGHT_TOKENS \
                and _light_used[0] + n <= LIGHT_BUDGET and not _numpy_loaded():
            _light_used[0] += n
            return self.light_proba(d)
        import numpy as np

        vals = _attribute_matrix(d, self.extra_cues)
        sent = range_ids(d.sent_tok, n)  # (``d.tok_sent`` as an array)
        if n <= _CHUNK:
            return self._proba_rows(_hash_rows(vals, sent, self.bits))
        # long texts a window of tokens at a time (each token's row is the same)
        return np.concatenate([
            self._proba_rows(_hash_window(vals, sent, self.bits, a, min(n, a + _CHUNK)))
            for a in range(0, n, _CHUNK)
        ])

    def light_proba(self, d: TokenDoc) -> list[tuple[float, float, float]]:
        """(P(O), P(B), P(I)) of every token in plain Python (format 2): numpy's numbers."""
        assert self._packed is not None
        rows = hash_features(_light_attributes(d, self.extra_cues), d.tok_sent,
                             _LIGHT_TEMPLATES, _PAD, self.bits)
        return probabilities(rows, self._packed, self.bias_values)


def _light_attributes(d: TokenDoc, extra: dict[str, str]) -> list[list[int]]:
    """The rows of :func:`_attribute_matrix` as lists of ints (no numpy)."""
    lex = d.lex
    memo = lex.code_tables.get(("plain", *extra_key(extra)), dict)

    def column(text: str) -> tuple[int, int, int, int]:  # as CodeTable._column
        w, suffix, lx, sh = _word_codes(text, lex, extra)
        return w, lx, sh, suffix

    cols = code_rows(d.tok_texts, memo, column, 4, CodeTable.MAX_TEXTS)
    n = len(d.tok_texts)
    pos = [6] * n  # tokens outside every sentence
    for a, b in d.sent_tok:
        pos[a:b] = _POS_CODES[: b - a] if b - a <= len(_POS_CODES) else map(_pos_code, range(b - a))
    return [*cols, [1 if q >= 0 else 0 for q in d.tok_quote], pos]


def decode_cue_spans(p: np.ndarray, sent: Sequence[int], threshold: float,
                     low: float | None = None) -> list[tuple[int, int]]:
    """Hysteresis B/I/O decoding: runs of tokens with P(B) + P(I) >= ``low`` inside one
    sentence, split where B beats I, kept when some token reaches ``threshold``. ``p`` is
    a numpy array or a list of (P(O), P(B), P(I)) rows (:meth:`CueTagger.token_proba`)."""
    lo = threshold * _TAGGER_LOW if low is None else low
    if isinstance(p, list):
        return decode([r[TAG_B] for r in p], [r[TAG_I] for r in p], sent, threshold, lo)
    import numpy as np

    pin = p[:, TAG_B] + p[:, TAG_I]
    hits = np.flatnonzero(pin >= lo)
    # only the tokens at or above ``lo`` are looked at: their columns as floats
    return decode(dict(zip(hits.tolist(), p[hits, TAG_B].tolist(), strict=True)),
                  dict(zip(hits.tolist(), p[hits, TAG_I].tolist(), strict=True)), sent,
                  threshold, lo, dict(zip(hits.tolist(), pin[hits].tolist(), strict=True)),
                  hits.tolist())


MAX_BITS = 24  # hashed feature rows: 2**24 x 4 float32 = 256 MB at most (the tagger has 20)


@lru_cache(maxsize=4)
def load_cue_tagger(path: str = str(TAGGER_PATH)) -> CueTagger | None:
    """The tagger at ``path`` (None when there is no such file); its shape, sizes and
    numbers are checked (``DataFileError`` naming the file and the key). A well-formed
    format-2 file is read without numpy; any other goes through :func:`_numpy_tagger`."""
    p = Path(path)
    if not p.is_file():
        return None
    data = load_data(p, TAGGER_FORMAT, versions=(1, 2))
    where = str(p)
    bits = whole_number(data, "bits", where, 1, MAX_BITS)
    packed = PackedRows.from_fields(data, bits) if "index_u32" in data else None
    bias = data.get("bias")
    plain_bias = isinstance(bias, list) and len(bias) == 3 and all(
        (type(b) is float and math.isfinite(b)) or (type(b) is int and abs(b) < 2**53)
        for b in bias)
    if packed is None or not plain_bias:
        return _numpy_tagger(data, where, bits)
    return CueTagger(bits=bits, weights=None, bias=bias,
                     threshold=finite_number(data, "threshold", where, 0.0, 1.0),
                     extra_cues=mapping(data, "extra_cues", where, str, default={}),
                     packed=packed)


def _numpy_tagger(data: dict[str, Any], where: str, bits: int) -> CueTagger:
    """A tagger read with numpy (either format), its rows checked."""
    import numpy as np

    # rows of four, the fourth 0.0 (``CueTagger.weights4``); untouched rows stay unpaged
    weights4 = np.zeros((1 << bits, 4), dtype=np.float32)
    try:
        idx, rows = unpack_tagger_rows(data)
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise DataFileError(f"{where}: unusable feature rows: {exc}") from None
    if idx.size > 1 << bits:
        raise DataFileError(f"{where}: more feature rows than 2**bits")
    if idx.size and (idx.min() < 0 or idx.max() >= 1 << bits):
        raise DataFileError(f"{where}: 'index' holds a row outside 0 to 2**bits - 1")
    if not np.isfinite(rows).all():
        raise DataFileError(f"{where}: a tagger weight is not finite")
    if len(idx):
        weights4[idx, :3] = rows
    return CueTagger(bits=bits, weights=weights4[:, :3],
                     bias=number_array(data, "bias", where, np.float64, (3,), 3),
                     threshold=finite_number(data, "threshold", where, 0.0, 1.0),
                     extra_cues=mapping(data, "extra_cues", where, str, default={}))
