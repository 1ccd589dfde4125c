"""The extractor's working state for one text, and the relation record it produces.

:class:`TokenDoc` holds the tokens of a text with the sentence and quotation each one
belongs to, and which tokens earlier relations already took (relations are univocal).
:class:`Extracted` is one attribution relation, with character offsets into the text.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

from rules.attribution.lexicon import Lexicon
from rules.attribution.tokens import QUOTE_MARKS, Tok, find_quotes, make_toks, token_spans
from rules.attribution.words import JUDGED_BY


@dataclass
class Extracted:
    """One attribution relation, with offsets into the text."""

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: list[tuple[int, int]]
    source_text: str = ""
    source_name: str = ""
    source_kind: str = ""
    role: str = ""
    direct: bool = False
    cue_text: str = ""
    vague: bool = False
    citing: tuple[int, int] | None = None  # a nested "citing sources" mention
    citing_text: str = ""
    recipient: tuple[int, int] | None = None  # an outlet told: "told the Valley Journal"
    kind: str = ""  # how the cue was found: "verb", "according", "colon" ("" for none)
    # an information source reporting content, not an actor doing something
    # (``plausible.py``); only these count as sources and attribute their sentences
    informational: bool = True
    # the author's or the reader's own stance ("We understand that ...", "you might want
    # to ..."): no source, but no bare factual assertion either (``plausible.py``)
    stance: bool = False
    # an actor's own wish, intention, commitment, request or belief ("wants to raise the
    # wage", "urged the board to act", "called for an inquiry"): no information
    # source (``informational`` stays False), but its content is the actor's, not the
    # author's claim (``held.py``: attributed, no source named)
    held: bool = False
    # found by the sentence gate from a weaker tagger cue (``extraction.recover``): an
    # information source only when its cue is a lexicon reporting or belief verb
    weak: bool = False
    # read by the sentence gate alone (``extraction.recover``): the sentence reports what
    # someone said or thinks, but no source or content boundary could be read; it counts
    # for the PolNeAR sentence measure and is never an information source (its sentence is
    # attributed, with no source named: ``record.py``)
    sentence_only: bool = False
    # the learned source verifier (``verifier.py``) does not take the source phrase for an
    # information source ("spending reported", "in his formal statement"): mostly a
    # misread span in a sentence that does report, so the sentence stays attributed, but
    # the phrase is not listed among the sources nor flagged as vague
    source_doubted: bool = False
    # the verifier's probability that the source is an information source (-1: not judged);
    # a feature of the "who is cited" row model (``rows.py``)
    source_score: float = -1.0


class TokenDoc:
    """Tokens with sentence and quote indices, for one text."""

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]], lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        # token texts and offsets first; the Tok objects are made once their sentence and
        # quotation are known (the lists stay: tok_sent and tok_quote feed the tagger)
        texts, starts, ends = token_spans(text)
        self.tok_texts, self.tok_starts = texts, starts
        n = len(texts)
        self.sents = list(sentences)
        self._starts = [s for s, _ in self.sents]
        self.tok_sent, self.sent_tok = _sentence_index(starts, self.sents)
        marks = [Tok(starts[k], ends[k], texts[k], texts[k], -1)
                 for k in compress(range(n), map(QUOTE_MARKS.__contains__, texts))]
        self.quotes = quotes = find_quotes(text, marks)
        self.quote_starts = [q[0] for q in quotes]
        # the quotation of each token (-1: none), and the token range of each quotation
        quote, self.quote_tok = _quote_index(starts, quotes)
        self.tok_quote = quote
        self.tok_lows = lows = lower_all(texts)
        self.toks = make_toks(starts, ends, texts, lows, self.tok_sent, quote)
        self.used = [False] * n
        # for each token, a token at or before the first one from it not yet used
        # (``mark_used`` skips runs it marked before: marking stays linear when contents
        # overlap); rebuilt by ``free_tokens``
        self._next_free = list(range(n + 1))
        # sorted token positions by kind (``positions``), and the first-hit scans over
        # them cached per kind and bound (``rules.attribution.content``)
        self.positions: dict[str, list[int]] = {}
        self.first_hits: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
        # one-word source -> whether the text names it as a person (``sources.py``)
        self.person_names: dict[str, bool] = {}
        # name -> whether the text treats it as a body (``names.body_in_context``): one
        # scan of the text per distinct name, not one per relation naming it
        self.body_names: dict[str, bool] = {}
        # times each one-word source name occurs in the text (``verifier._source_features``)
        self.name_counts: dict[str, int] = {}
        # one-word name -> (offsets, full names) where the text writes it after a first
        # name (``names.full_name_before``): one scan of the text per distinct name
        self.full_names: dict[str, tuple[list[int], list[str]]] = {}
        # role noun -> (offsets, names) of the people the text names with it ("Gov. Ann
        # Lee", "Ann Lee, the governor"): ``names.role_holder_before``
        self.role_names: dict[str, tuple[list[int], list[str]]] = {}
        # lexicon cue candidates per set of extra cue forms (``candidates.cue_candidates``)
        self.candidates: dict[tuple[tuple[str, str], ...], list[tuple[int, int, str]]] = {}

    def sent_of(self, offset: int) -> int:
        """The sentence an offset is in (the first one before every sentence)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return max(i, 0)

    def covered_sentences(self, results: Iterable[Extracted]) -> set[int]:
        """The sentences that relations cover: the sentence of each cue and every sentence
        that a content span touches."""
        covered: set[int] = set()
        sent_of = self.sent_of
        for r in results:
            if r.cue is not None:
                covered.add(sent_of(r.cue[0]))
            for a, b in r.content:
                covered.update(range(sent_of(a), sent_of(max(a, b - 1)) + 1))
        return covered


class _Lowered(dict[str, str]):
    """Token text -> its lower case, made once per process (bounded: see
    :func:`lower_all`)."""

    def __missing__(self, text: str) -> str:
        low = self[text] = text.lower()
        return low


_LOWERED = _Lowered()
_LOWERED_LIMIT = 200_000  # distinct token texts remembered before starting afresh


def lower_all(texts: list[str]) -> list[str]:
    """``[t.lower() for t in texts]``, each distinct lower case one string object kept
    across documents: no new string per token, and its hash, computed on its first
    look-up in any of the many sets and dicts the extractor keys by lower-case words
    (lexicon, memos, tables), is kept with it for the next document's look-ups."""
    if len(_LOWERED) > _LOWERED_LIMIT:
        _LOWERED.clear()
    return list(map(_LOWERED.__getitem__, texts))


def _sentence_index(starts: list[int], sents: list[tuple[int, int]]
                    ) -> tuple[list[int], list[tuple[int, int]]]:
    """(sentence of each token or -1, token range of each sentence): a sentence owns the
    tokens starting inside it, skipping none (token starts ascend)."""
    sent = [-1] * len(starts)
    sent_tok: list[tuple[int, int]] = []
    ti = 0
    for si, (s, e) in enumerate(sents):
        a = bisect.bisect_left(starts, s, ti)
        ti = bisect.bisect_left(starts, e, a)
        sent[a:ti] = [si] * (ti - a)
        sent_tok.append((a, ti))
    return sent, sent_tok


def _quote_index(starts: list[int], quotes: list[tuple[int, int]]
                 ) -> tuple[list[int], list[tuple[int, int]]]:
    """(the quotation each token starts inside, or -1; the token range of each quotation)
    (find_quotes opens one quotation at a time, so its spans come in text order and do not
    overlap, and neither do the ranges)."""
    quote = [-1] * len(starts)
    ranges = []
    prev_end = -1
    for qi, (qs, qe) in enumerate(quotes):
        a = bisect.bisect_left(starts, max(qs, prev_end))
        b = bisect.bisect_left(starts, qe)
        quote[a:b] = [qi] * (b - a)
        ranges.append((a, max(a, b)))
        prev_end = qe
    return quote, ranges


def mark_used(d: TokenDoc, spans: Iterable[tuple[int, int]], tok_lo: int, tok_hi: int) -> None:
    """Mark the tokens in ``[tok_lo, tok_hi)`` that start inside one of ``spans`` as used.

    Runs of tokens marked before are skipped in one step each, so a text whose relations
    take ever longer overlapping contents (a run-on sentence of "..., according to X,")
    costs time in proportion to its length, not to the sum of the contents."""
    starts = d.tok_starts
    used = d.used
    nxt = d._next_free
    for a, b in spans:
        # the tokens in [tok_lo, tok_hi) starting in [a, b)
        k = bisect.bisect_left(starts, a, tok_lo, tok_hi)
        hi = bisect.bisect_left(starts, b, tok_lo, tok_hi)
        while k < hi:
            if nxt[k] != k:  # (a free token is its own entry: no call for it)
                k = _find_free(nxt, k)
                if k >= hi:
                    break
            used[k] = True
            nxt[k] = k + 1
            k += 1


def _find_free(nxt: list[int], k: int) -> int:
    """The first token from ``k`` that ``mark_used`` has not marked (path halving)."""
    while nxt[k] != k:
        nxt[k] = nxt[nxt[k]]
        k = nxt[k]
    return k


def free_tokens(d: TokenDoc, ranges: Iterable[tuple[int, int]]) -> None:
    """Mark the tokens in each ``[lo, hi)`` of ``ranges`` as not used (relations given
    up)."""
    for lo, hi in ranges:
        d.used[lo:hi] = [False] * (hi - lo)
    d._next_free = list(map(operator.add, range(len(d.used)), d.used))  # k + 1 if used
    d._next_free.append(len(d.used))


def positions(d: TokenDoc, kind: str, test: Callable[[int], bool],
              among: frozenset[str] | None = None) -> list[int]:
    """The sorted token indices for which ``test`` holds, found once per ``kind``;
    ``among``, when given, holds every lower-case token text ``test`` can accept (only
    those tokens are tested: most kinds stand on a few words)."""
    found = d.positions.get(kind)
    if found is None:
        n = len(d.toks)
        cands: Iterable[int]
        if among is None:
            cands = range(n)
        elif len(among) == 1:  # (one word: found by ``list.index``, faster than a test each)
            cands = _indices(d.tok_lows, next(iter(among)))
        else:
            cands = compress(range(n), map(among.__contains__, d.tok_lows))
        found = d.positions[kind] = [k for k in cands if test(k)]
    return found


def _indices(items: list[str], x: str) -> list[int]:
    """The ascending indices of ``x`` in ``items``."""
    out: list[int] = []
    find = items.index
    i = -1
    try:
        while True:
            i = find(x, i + 1)
            out.append(i)
    except ValueError:
        return out


def first_hit(d: TokenDoc, kind: str, cands: list[int], k: int, limit: int,
              test: Callable[[int], bool]) -> int:
    """The first of the sorted token indices ``cands`` in ``(k, limit)`` for which
    ``test`` holds, or -1. ``test`` must depend on nothing but its index (for a given
    ``kind`` and ``limit``): each index is tested once per ``(kind, limit)``, so that many
    scans from relations along one long sentence cost time in proportion to it."""
    key = (kind, limit)
    entry = d.first_hits.get(key)
    if entry is None:  # (from-index tested so far, negated hits: ascending)
        entry = d.first_hits[key] = ([limit], [])
    lo, neg = entry
    if k + 1 < lo[0]:
        a = bisect.bisect_left(cands, k + 1)
        for i in range(bisect.bisect_left(cands, min(lo[0], limit)) - 1, a - 1, -1):
            if test(cands[i]):
                neg.append(-cands[i])
        lo[0] = k + 1
    i = bisect.bisect_right(neg, -(k + 1)) - 1
    return -neg[i] if i >= 0 else -1


def tok_index(d: TokenDoc, offset: int) -> int:
    """Index of the first token starting at or after ``offset``."""
    return bisect.bisect_left(d.tok_starts, offset)


def judge_after(r: Extracted) -> bool:
    """Whether a passive cue of praise or blame has its source after it, the judge named
    after "by" ("was applauded by the unions"): a report of the judge's view, whose source
    the construction names."""
    words = r.cue_text.lower().split()
    return bool(words) and words[-1] in JUDGED_BY and r.source is not None \
        and r.cue is not None and r.source[0] >= r.cue[1]
