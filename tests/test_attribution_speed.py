"""The fast paths of rules/attribution/ give what their plain forms give.

Each speed-up there rests on an equivalence (a regex rewritten for the engine, a
case-insensitive scan done case-sensitively over lower-cased text, templates hashed all at
once, a table of codes per token text). These tests hold the fast code to plain reference
code on random and tricky input.
"""

from __future__ import annotations

import bisect
import math
import random
import re
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.loader import document_from_text
from rules.attribution import content, vague_words
from rules.attribution.doc import TokenDoc, free_tokens, mark_used
from rules.attribution.findings import phrase_hits
from rules.attribution.lexicon import base_lexicon_data, get_lexicon, phrase_regex
from rules.attribution.sources import _classify, classify
from rules.attribution.tagger import (
    _DIGITS,
    _FNV,
    _PAD,
    TAGGER_TEMPLATES,
    CodeTable,
    _lex_code,
    _pos_code,
    _shape_code,
    _word_codes,
    decode_cue_spans,
    load_cue_tagger,
    tagger_attributes,
    tagger_feature_indices,
)
from rules.attribution.tokens import _ABBREV, TOKEN, find_quotes, is_cap, tokenize
from rules.attribution.words import QUOTE_TOKENS, SENT_FINAL

# the token regex in its plain form
_PLAIN_TOKEN = re.compile(
    rf"(?:[A-Za-z]\.){{2,}}|(?:{_ABBREV})\.(?=\s|\)|,|$)|''|``|"
    r"[\w@#]+(?:[-’'.&/]\w+)*|[“”\"‘’']|[^\w\s]",
)

_PIECES = st.sampled_from(
    ["Mr.", "N.Y.", "U.S.", "e.g.", "Gov't.", "approx.", "etc.", "ret.", "St", "Univ.", "A.",
     "said", "is", "Is", "thought", "to", "sources", "ſources", "İs", "ıs", "Kk", "Σ", "é",
     "it's", "well-known", "x", "5", "''", "``", "“", "”", '"', "‘", "’", "'", ",", ".", ":",
     "(", ")", "—", "-", "_", "@a", "#b", "\x00", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0",
     "\u2003", "according", "widely", "believed", "critics", "say", "reportedly"]
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_tokens_are_those_of_the_plain_regex(text: str) -> None:
    assert TOKEN.findall(text) == _PLAIN_TOKEN.findall(text)
    want = [(m.start(), m.end(), m.group(), m.group().lower()) for m in _PLAIN_TOKEN.finditer(text)]
    assert [(t.start, t.end, t.text, t.low) for t in tokenize(text)] == want


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.integers(0, 40))
def test_sentence_and_quote_of_every_token(text: str, cut: int) -> None:
    sents = [(0, min(cut, len(text))), (min(cut, len(text)), len(text))]
    d = TokenDoc(text, sents, get_lexicon())
    quotes = find_quotes(text, tokenize(text))
    assert d.quotes == quotes
    qi = 0
    for t in d.toks:  # the plain rules: the sentence it starts in, the quote it starts in
        sent = next((i for i, (s, e) in enumerate(sents) if s <= t.start < e), -1)
        assert t.sent == sent
        while qi < len(quotes) and quotes[qi][1] <= t.start:
            qi += 1
        inside = qi < len(quotes) and quotes[qi][0] <= t.start < quotes[qi][1]
        assert t.quote == (qi if inside else -1)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_lower_case_of_every_token_is_its_plain_lower_case(texts: list[str]) -> None:
    from rules.attribution import doc as doc_module

    for limit in (doc_module._LOWERED_LIMIT, 3):  # the memo kept, and started afresh
        doc_module._LOWERED_LIMIT, saved = limit, doc_module._LOWERED_LIMIT
        try:
            for text in texts:
                d = TokenDoc(text, [(0, len(text))], get_lexicon())
                assert d.tok_lows == [t.lower() for t in d.tok_texts]
                assert [t.low for t in d.toks] == d.tok_lows
        finally:
            doc_module._LOWERED_LIMIT = saved


def _plain_phrase_re(phrases: list[str]) -> re.Pattern[str]:
    alts = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_phrase_hits_are_those_of_the_case_insensitive_regexes(texts: list[str]) -> None:
    data = base_lexicon_data()
    extra = {"vague_phrases": ["it's said", "x-ray sources", "s", "i k"],
             "agentless_passives": ["a"]}
    for more in ({}, extra):
        lex = get_lexicon(more or None)
        plain = [_plain_phrase_re(data[key] + more.get(key, []))
                 for key in ("agentless_passives", "vague_phrases")]
        want = [[[m.span() for m in p.finditer(t)] for p in plain] for t in texts]
        assert phrase_hits(texts, (lex.agentless_re, lex.vague_re)) == want


def test_phrase_re_matches_as_the_plain_alternation_does() -> None:
    # a phrase opening with a space matches any whitespace there, lookahead or not
    for phrases in ([" it is said"], ["it is said", " sources say"], ["x", "x-ray"]):
        fast, plain = phrase_regex(phrases).regex, _plain_phrase_re(phrases)
        for text in ("\n\nit is said", "so\tsources say", " it is  said", "an x-ray, x"):
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
    assert phrase_regex([" it is said"]).regex.search("\n\nit is said")


def test_phrase_hits_with_characters_that_fold_to_ascii() -> None:
    lex = get_lexicon()
    plain = [_plain_phrase_re(base_lexicon_data()[key])
             for key in ("agentless_passives", "vague_phrases")]
    for texts in (["ſources said it", "Sources ſaid"], ["it ıs said", "KNOWN"],
                  ["He is ſaid to", "crıtics say"], ["it is thought", "İt is said"],
                  ["ΣΑ is thought to", "sources said\x00"]):
        want = [[[m.span() for m in p.finditer(t)] for p in plain] for t in texts]
        assert phrase_hits(texts, (lex.agentless_re, lex.vague_re)) == want
        assert any(want[0]) or any(want[1])


def _plain_attributes(d: TokenDoc, extra: dict[str, str]) -> dict[str, np.ndarray]:
    rows = []
    for t in d.toks:
        norm = _DIGITS.sub("0", t.low)
        rows.append((zlib.crc32(norm.encode()), zlib.crc32(("~" + norm[-3:]).encode()),
                     _lex_code(t.low, d.lex, extra), _shape_code(t),
                     1 if t.quote >= 0 else 0))
    pos = [6] * len(d.toks)
    for a, b in d.sent_tok:
        pos[a:b] = [_pos_code(k) for k in range(b - a)]
    cols = np.array(rows, dtype=np.uint64).reshape(-1, 5).T
    return {"w": cols[0], "s": cols[1], "lx": cols[2], "sh": cols[3], "q": cols[4],
            "pos": np.array(pos, dtype=np.uint64),
            "sent": np.array([t.sent for t in d.toks], dtype=np.int64)}


def _plain_features(attrs: dict[str, np.ndarray], bits: int) -> np.ndarray:
    sent = attrs["sent"]
    n = len(sent)
    out = np.empty((n, len(TAGGER_TEMPLATES)), dtype=np.int64)
    for ti, (name, parts) in enumerate(TAGGER_TEMPLATES):
        h = np.full(n, np.uint64(zlib.crc32(name.encode())), dtype=np.uint64)
        for attr, off in parts:
            j = np.arange(n) + off
            ok = (j >= 0) & (j < n)
            jj = np.clip(j, 0, max(n - 1, 0))
            ok &= sent[jj] == sent
            h = (h ^ np.where(ok, attrs[attr][jj], np.uint64(_PAD))) * _FNV
        out[:, ti] = ((h >> np.uint64(24)) & np.uint64((1 << bits) - 1)).astype(np.int64)
    return out


def test_tagger_features_and_probabilities_are_those_of_the_plain_code() -> None:
    tagger = load_cue_tagger()
    texts = [
        "The mayor brushed off the complaints. “It is fine,” she said on Monday.",
        "A",
        "“We were never asked,” said Tom Berg, 42, who lives nearby. Officials declined.\n\n"
        "“The plan,” he added, “is thought to cost $5 million.” According to the U.S. Dept. "
        "of Labor, it's widely believed that costs rose 3.5%.",
    ]
    for text in texts:
        doc = document_from_text(text, path="t.txt", fmt="text")
        d = TokenDoc(text, [(s.start, s.end) for s in doc.sentences], get_lexicon())
        extra = tagger.extra_cues if tagger else {}
        want = _plain_attributes(d, extra)
        got = tagger_attributes(d, extra)
        for key, value in want.items():
            assert got[key].dtype == value.dtype and (got[key] == value).all(), key
        for bits in (18, 20):
            feats = tagger_feature_indices(got, bits)
            assert (feats == _plain_features(want, bits)).all()
        if tagger is not None:
            feats = tagger_feature_indices(got, tagger.bits)
            z = tagger.weights[feats].sum(axis=1) + tagger.bias
            z -= z.max(axis=1, keepdims=True)
            # math.exp per element, as both prediction paths take it (tagger_light)
            e = np.array([[math.exp(v) for v in row] for row in z.tolist()])
            assert tagger.proba(feats).tobytes() == (e / e.sum(axis=1, keepdims=True)).tobytes()


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.lists(st.integers(0, 60), max_size=6))
def test_tagger_rows_from_token_ranges_are_those_of_every_token(text: str,
                                                                cuts: list[int]) -> None:
    # sentences with gaps between them (tokens outside every sentence), empty ones too; the
    # sentence, quote-flag and position rows are made from token ranges (``token_ranges.py``)
    edges = sorted(min(c, len(text)) for c in cuts)
    sents = list(zip(edges[::2], edges[1::2], strict=False))
    d = TokenDoc(text, sents, get_lexicon())
    want = _plain_attributes(d, {})
    got = tagger_attributes(d, {})
    for key in ("q", "pos", "sent"):
        assert got[key].dtype == want[key].dtype and got[key].tolist() == want[key].tolist()


def test_weight_sum_is_the_sequential_fold_of_numpy_sum() -> None:
    rng = np.random.default_rng(0)
    w = (rng.standard_normal((4096, 3)) * np.exp(rng.uniform(-6, 6, (4096, 3)))).astype(np.float32)
    for n in (1, 7, 300):
        feats = rng.integers(0, 4096, (n, len(TAGGER_TEMPLATES)))
        folded = np.add.reduce(np.take(w, feats.T, axis=0), axis=0)
        assert folded.tobytes() == w[feats].sum(axis=1).tobytes()


def test_classify_cache_gives_the_fresh_answer() -> None:
    lex = get_lexicon()
    for text in ("he", "officials", "State Department spokesman Ned Price", "the report"):
        assert classify(text, lex) == _classify(text, lex)
        assert classify(text, lex) == _classify(text, lex)


def test_code_table_starts_afresh_and_codes_huge_documents(monkeypatch) -> None:  # noqa: ANN001
    lex = get_lexicon()
    monkeypatch.setattr(CodeTable, "MAX_TEXTS", 5)
    table = CodeTable(lex, {})
    docs = [["said", "the", "said"], ["a", "b", "c", "said"], ["x", "y", "z", "w", "v", "u"],
            ["the", "said"], [], ["q"] * 9]
    for texts in docs:
        want = np.array([table._column(x) for x in texts], dtype=np.uint64).reshape(-1, 4).T
        got = table.codes(texts)
        assert got.shape == want.shape and (got == want).all()


def test_code_table_columns_are_the_plain_word_codes() -> None:
    # one word of every lexicon class (and an extra cue, and words in no list), in any case
    lex = get_lexicon()
    extra = {"opined": "speech", "Reckoned": "belief"}
    table = CodeTable(lex, extra)
    words = ["said", "believes", "opined", "reckoned", "he", "would", "the", "whether",
             "into", "spokesman", "officials", "senator", "ministry", "newspaper", "report",
             "however", "banana", "2024", "A1", "\u201c", ",", "...", "(", "--", "STATE"]
    texts = [w for x in words for w in (x, x.upper(), x.capitalize())]
    for text in texts:
        w, suffix, lx, sh = _word_codes(text, lex, extra)
        assert table._column(text) == (w, lx, sh, suffix), text
    got = table.codes(texts)
    want = [[c[i] for c in (table._column(x) for x in texts)] for i in range(4)]
    assert got.tolist() == want


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4),
       st.lists(st.sampled_from(["is thought to", "is thought", "sources said", "sources",
                                 "it is said", "a", "s", "x ray", "critics say"]),
                min_size=1, max_size=5))
def test_word_scan_finds_what_the_uncompiled_regex_would(texts: list[str],
                                                         phrases: list[str]) -> None:
    # a fresh pattern (never compiled) takes the word path for short texts
    pat = phrase_regex(phrases)
    assert pat.index is not None and not pat.compiled
    got = phrase_hits(texts, (pat,))
    want = [[[m.span() for m in _plain_phrase_re(phrases).finditer(t)]] for t in texts]
    assert got == want


def test_long_texts_are_scored_in_chunks_with_the_same_result(monkeypatch) -> None:
    import rules.attribution.tagger as tagger_module

    text = "Officials said that the plan, “which nobody liked,” is thought to fail. " * 1500
    d = TokenDoc(text, [(0, len(text))], get_lexicon())
    tagger = load_cue_tagger()
    assert tagger is not None
    rows = tagger_module._hash_rows(
        tagger_module._attribute_matrix(d, tagger.extra_cues),
        np.array(d.tok_sent, dtype=np.int64), tagger.bits)
    assert rows.shape[1] > tagger_module._CHUNK
    chunked = tagger._proba_rows(rows)
    monkeypatch.setattr(tagger_module, "_CHUNK", 10**9)
    assert np.array_equal(chunked, tagger._proba_rows(rows))


def test_long_texts_are_hashed_in_windows_with_the_same_features() -> None:
    """The tagger hashes a long text a window of tokens at a time (memory that does not grow
    with the text); every token's features equal those of hashing the whole text at once."""
    from rules.attribution.tagger import _CHUNK, _attribute_matrix, _hash_rows, _hash_window

    para = ("The mayor said on Monday that the budget, which officials called \"tight\", "
            "would rise. Critics argue it will not. ")
    doc = document_from_text(para * 700)
    d = TokenDoc(doc.text, [(s.start, s.end) for s in doc.sentences], get_lexicon())
    n = len(d.toks)
    assert n > 2 * _CHUNK
    vals = _attribute_matrix(d, {})
    sent = np.array(d.tok_sent, dtype=np.int64)
    whole = _hash_rows(vals, sent, 18)
    windows = np.concatenate([_hash_window(vals, sent, 18, a, min(n, a + 5000))
                              for a in range(0, n, 5000)], axis=1)  # fmt: skip
    assert np.array_equal(whole, windows)


# --- the clause-end scans and the used-token marks ------------------------------------

_CLAUSE_PIECES = [
    *"a plan that critics say will fail , and officials said which who the mayor according to "
     "but while board believe have also “ ” . Officials That rents rise".split(),
    ", and", ", but officials said", ", according to the board ,", ", officials say .",
    ", says the mayor .", "that critics say", "who police believe", ", while", "rents rose",
    ", the mayor of the town and the board say .",
]
_CLAUSE_TEXTS = st.lists(st.sampled_from(_CLAUSE_PIECES), min_size=1, max_size=40).map(" ".join)


def _plain_own_clause_end(d: TokenDoc, k: int, s_end: int) -> int:
    """``own_clause_end`` as first written: every scan from ``k`` to ``s_end``."""
    toks, texts, lows = d.toks, d.tok_texts, d.tok_lows
    if toks[k].quote >= 0:
        return s_end
    for j in range(k + 1, s_end - 2):
        if lows[j] in content._RELATIVES and not is_cap(toks[j]) and toks[j].quote < 0 \
                and lows[j - 1] not in d.lex.cue_forms and lows[j - 1].isalpha() \
                and content._reports_on_its_own(d, j + 1, s_end, content._EMBEDDED_VERBS):
            return j
    conj = content._CLAUSE_CONJUNCTIONS
    commas = [j for j in range(k, s_end - 1) if texts[j] == ","]
    if not commas and lows[k] not in conj:
        return s_end
    if lows[k] in conj and content._reports_on_its_own(d, k + 1, s_end):
        return k
    for j in commas:
        if j > k and j + 2 < s_end and lows[j + 1] in conj and toks[j + 1].quote < 0 \
                and content._reports_on_its_own(d, j + 2, s_end):
            return j
        if j > k and j + 3 < s_end and lows[j + 1] == "according" and lows[j + 2] == "to":
            return j
    last = s_end - 1
    while last > k and (texts[last] in SENT_FINAL or texts[last] in QUOTE_TOKENS):
        last -= 1
    comma = max((j for j in commas if last - j < 9 and j < last), default=-1)
    if comma <= k or toks[comma].quote >= 0:
        return s_end
    cues = [i for i in range(comma + 1, last + 1)
            if lows[i] in d.lex.cue_forms and not is_cap(toks[i])]
    if not cues or not (cues[0] > comma + 1 or cues[0] < last):
        return s_end
    if lows[k] in conj and toks[k].quote < 0:
        return k
    tail = comma if content._reports_on_its_own(d, comma + 1, s_end) else s_end
    return next((j for j in commas
                 if k < j < comma - 1 and lows[j + 1] in conj and toks[j + 1].quote < 0), tail)


@settings(max_examples=300, deadline=None)
@given(_CLAUSE_TEXTS, st.randoms(use_true_random=False))
def test_own_clause_end_is_that_of_the_plain_scans(text: str, rnd) -> None:  # noqa: ANN001
    """The cached first-hit scans give the plain scans' answer, whatever order the
    relations ask in and whatever bound (sentence end or an aside's comma) they give."""
    _same_clause_ends(text, rnd)


@pytest.mark.parametrize("text", [
    "Rents rose , and wages fell , the mayor of the town and the board say .",
    "Rents rose , and wages fell , the mayor of the town and the board said , she says .",
    "He passed a plan that critics say will fail , and officials said it would , says Ann .",
])
def test_own_clause_end_at_the_edges_of_its_bounds(text: str) -> None:
    _same_clause_ends(text, random.Random(0))


def _same_clause_ends(text: str, rnd: random.Random) -> None:
    d = TokenDoc(text, [(0, len(text))], get_lexicon())
    n = len(d.toks)
    ends = [n, *(j for j in range(n) if d.tok_texts[j] == ",")]
    calls = [(k, e) for e in ends for k in range(e)]
    rnd.shuffle(calls)
    for k, e in calls:
        assert content.own_clause_end(d, k, e) == _plain_own_clause_end(d, k, e), (k, e)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 80), st.lists(st.tuples(st.integers(0, 90), st.integers(0, 30),
                                              st.booleans()), max_size=30))
def test_marking_used_tokens_is_the_plain_marking(n: int, ops) -> None:  # noqa: ANN001
    """``mark_used`` and ``free_tokens`` in any mix mark what the plain loops mark."""
    text = " ".join(["w"] * n)
    d = TokenDoc(text, [(0, len(text))], get_lexicon())
    plain = [False] * n
    for a, length, free in ops:
        lo, hi = min(a, n), min(a + length, n)
        if free:
            free_tokens(d, [(lo, hi)])
            plain[lo:hi] = [False] * (hi - lo)
        else:  # spans in characters, as relations give them ("w" at 2 * k)
            mark_used(d, [(2 * lo, 2 * hi)], 0, n)
            plain[lo:hi] = [True] * (hi - lo)
        assert d.used == plain


def _plain_scan(text: str, sentences: list[tuple[int, int]], keys: tuple[str, ...],
                pattern: re.Pattern[str], lower: bool) -> list[tuple[int, int]]:
    """``vague_words._scan`` as it first was: every start of every key, sorted, each
    looked up among the sentences."""
    low = text.lower()
    offsets = sorted(i for k in keys for i in range(len(low)) if low.startswith(k, i))
    starts = [a for a, _ in sentences]
    seen: set[int] = set()
    out = []
    for off in offsets:
        i = bisect.bisect_right(starts, off) - 1
        if i < 0 or i in seen or off >= sentences[i][1]:
            continue
        seen.add(i)
        a, b = sentences[i]
        s = text[a:b]
        for m in pattern.finditer(low[a:b] if lower else s):
            if not vague_words._quoted(s, m.start()):
                out.append((a + m.start(), a + m.end()))
    return sorted(out)


_SCAN_TEXTS = st.lists(st.sampled_from(["it is ", "said ", "it ", "is", " ", ". ", "“", "”",
                                        "x", "It Is ", "\n", "it is said"]),
                       max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SCAN_TEXTS, st.lists(st.integers(0, 80), max_size=12), st.booleans())
def test_key_scan_finds_the_sentences_every_key_start_finds(text: str, cuts: list[int],
                                                            lower: bool) -> None:
    """The scan that skips to the next sentence after a key's hit runs the pattern on the
    sentences that every start of every key would find (sentences with gaps between them,
    text before the first and after the last, keys that overlap)."""
    edges = sorted({min(c, len(text)) for c in cuts})
    sentences = [(edges[i], edges[i + 1]) for i in range(0, len(edges) - 1, 2)]
    keys = ("it is ", "is ", "said")
    pattern = re.compile(r"it\s+is\s+said|\bis\b")
    got = vague_words._scan(text, sentences, keys, pattern, lower)
    assert got == _plain_scan(text, sentences, keys, pattern, lower)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(-1, 3)),
                max_size=40), st.floats(0.05, 0.95))
def test_cue_spans_decoded_from_an_array_are_those_of_its_plain_rows(
        rows: list[tuple[float, float, int]], threshold: float) -> None:
    """The weak-cue pass decodes numpy rows as they are: the same spans as from the rows
    turned into Python floats (the same float64 sums)."""
    proba = np.array([[1.0 - b / 2 - i / 2, b / 2, i / 2] for b, i, _ in rows],
                     dtype=np.float64).reshape(-1, 3)
    sent = sorted(s for _, _, s in rows)
    assert decode_cue_spans(proba, sent, threshold) \
        == decode_cue_spans(proba.tolist(), sent, threshold)


_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPAN, max_size=12), _SPAN)
def test_enclosing_and_overlapping_spans_by_bisection_match_a_scan(
        spans: list[tuple[int, int]], probe: tuple[int, int]) -> None:
    # checker.core.spans.FixedSpans: encloses (a named source's content holding a passive)
    # and overlaps (an outlet already taken) against the scans they replace
    from checker.core.spans import FixedSpans

    a, b = probe
    fixed = FixedSpans(spans)
    assert fixed.encloses(a, b) == any(ca <= a and b <= cb for ca, cb in spans)
    assert fixed.overlaps(a, b) == any(x < b and a < y for x, y in spans)


# pieces of sentences for the ATT001 sentence scans: their key words, the words around them,
# punctuation that splits words and white space of several kinds
_ASIDE_PIECES = st.sampled_from(
    ["it is ", "it was ", " believed", " thought", " to be", " to have", "there are ",
     " fears", " concerns", " have been raised", " been", " raised ", "raised", " that ",
     " critics", " charge", " officials", " say", "Some ", "many ", "Democrats ", " by some",
     "according to a report", " as per ", "citing ", " an official ", "the official said ",
     "Figures show", " data", "who asked not to be named", " familiar with", " the talks",
     "people ", " said.", ", ", ". ", "(", ")", "“", "”", "'", "—", "-", "[", "\n", "  ",
     "\u00a0", "\t", "x", "İt is ", "Σ", "widely ", "reportedly ", "condemned ", " for"])
_ASIDE_TEXTS = st.lists(_ASIDE_PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_ASIDE_TEXTS, st.lists(st.integers(0, 400), max_size=10))
def test_key_words_skip_only_keys_a_text_cannot_hold(text: str, cuts: list[int]) -> None:
    """The sentence scans skip a key whose inner word the text lacks (``key_words``): the
    seven scans of ``findings._unnamed_asides`` give what they give when every key is
    looked for."""
    from rules.attribution.vague_few import unnamed_access, unnamed_few
    from rules.attribution.vague_groups import anonymity_asides, group_claims
    from rules.attribution.vague_passive import agentless_reports, unnamed_data, unnamed_documents

    lex = get_lexicon()
    edges = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    sentences = [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]

    def scans() -> list[list[tuple[int, int]]]:
        return [anonymity_asides(text, sentences), group_claims(text, sentences, lex),
                unnamed_documents(text, sentences), unnamed_data(text, sentences),
                unnamed_few(text, sentences, lex), unnamed_access(text, sentences, lex),
                agentless_reports(text, sentences)]

    fast = scans()
    gate = vague_words.key_words
    vague_words.key_words = lambda keys: tuple(() for _ in keys)  # every key looked for
    try:
        plain = scans()
    finally:
        vague_words.key_words = gate
    assert fast == plain


def test_key_words_are_the_inner_words_of_each_key() -> None:
    assert vague_words.key_words((" been raised", "it is ", "there ", " a b c ", " x.y z",
                                  "figures")) == (("been",), ("is",), (), ("a", "b", "c"),
                                                  (), ())


@settings(max_examples=300, deadline=None)
@given(_ASIDE_TEXTS, st.lists(st.integers(0, 400), max_size=10),
       st.sampled_from(["", "\x1c", "\x85", "\u2028", "\u200b", "İ", "…", "*", "{"]))
def test_cue_phrase_prefilter_on_the_flat_text_is_the_one_per_sentence(
        text: str, cuts: list[int], extra: str) -> None:
    """The vague model's prefilter read from the whole text lower-cased once, punctuation
    turned into spaces, says what it says on each sentence lower-cased alone."""
    from rules.attribution import vague_model

    text = text.replace("x", extra)
    flat = vague_model._flat_lower(text)
    if flat is None:
        assert len(text.lower()) != len(text) or "Σ" in text
        return
    edges = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    for a, b in zip(edges, edges[1:], strict=False):
        words = set(flat[a:b].split())
        assert words == set(vague_model._CORE_WORDS.findall(text[a:b].lower()))
        assert vague_model._may_hit_words(words) == vague_model._may_hit(text[a:b])
