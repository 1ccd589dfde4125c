"""The sentence gate scored in batches with numpy gives the plain path's probabilities.

``SentenceGate.prepare`` scores many sentences together (``rules/attribution/gate_batch.py``);
``SentenceGate.proba`` on a fresh gate, without ``prepare``, is the plain per-sentence form
and serves as the oracle. Our own sentences and random ones.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.loader import document_from_text
from rules.attribution import gate_batch
from rules.attribution.doc import TokenDoc
from rules.attribution.lexicon import get_lexicon
from rules.attribution.sentence_gate import SentenceGate, load_sentence_gate

_PIECES = st.sampled_from(
    ["said", "Said", "the", "The", "2024", "“", "”", '"', "''", ":", ",", ".", "officials",
     "betting", "he", "NHS", "x", " ", " ", "\n\n", "according", "to", "critic", "of", "é",
     "believes", "Mr.", "she", "told", "reporters", "?", "!", "'"])


def _doc(text: str) -> TokenDoc:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return TokenDoc(text, [(s.start, s.end) for s in doc.sentences], get_lexicon())


def _gates(seed: int) -> list[SentenceGate]:
    """The shipped gate and small gates whose every row has a weight (so that a row counted
    twice, or one missed, changes the sum)."""
    rnd = random.Random(seed)
    gates = [SentenceGate(bits=bits, weights={r: rnd.randint(-900, 900) for r in range(1 << bits)},
                          bias=rnd.uniform(-1, 1), threshold=0.5, cue_threshold=0.3)
             for bits in (6, 11)]
    shipped = load_sentence_gate()
    assert shipped is not None
    return [*gates, shipped]


def _plain(gate: SentenceGate) -> SentenceGate:
    """A fresh gate with the same weights: it scores each sentence on its own."""
    return SentenceGate(gate.bits, gate.weights, gate.bias, gate.threshold, gate.cue_threshold)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=60).map(" ".join), st.integers(0, 3),
       st.randoms(use_true_random=False))
def test_prepared_probabilities_are_the_plain_ones(text: str, seed: int, rnd) -> None:  # noqa: ANN001
    d = _doc(text)
    n = len(d.sents)
    for gate in _gates(seed):
        plain = _plain(gate)
        asked = rnd.sample(range(n), rnd.randint(0, n)) if n else []
        gate.prepare(d, asked)
        gate.prepare(d, range(n))  # the rest, the first ones kept
        for si in range(n):
            assert gate.proba(d, si) == plain.proba(d, si)


def test_long_sentences_are_cut_and_empty_ones_left_to_the_plain_path() -> None:
    words = " ".join(f"w{k} said" if k % 7 == 0 else f"w{k}" for k in range(300))
    text = f"{words}. “Officials said it,” he said. The NHS believes that 2024 was hard."
    d = _doc(text)
    d.sent_tok.append((len(d.toks), len(d.toks)))  # a sentence without a token
    d.sents.append((len(text), len(text)))
    for gate in _gates(7):
        plain = _plain(gate)
        gate.prepare(d, range(len(d.sents)))
        assert len(d.sents) - 1 not in gate._seen[1]  # scored by the plain path when asked
        for si in range(len(d.sents)):
            assert gate.proba(d, si) == plain.proba(d, si)


def test_the_row_table_starts_afresh_and_codes_more_texts_than_it_holds() -> None:
    table = gate_batch.RowTable(limit=4)

    def entry(text: str) -> tuple[int, int, int, int, int]:
        return len(text), -1, ord(text[0]), 2, -1

    for texts in (["ab", "c", "ab"], ["d", "e", "f"], list("ghijklmno"), ["ab"], []):
        got = table.columns(texts, entry)
        assert got.shape == (5, len(texts))
        assert [tuple(col) for col in got.T.tolist()] == [entry(x) for x in texts]


@pytest.mark.parametrize("sorted_rows", [True, False])
def test_weight_array_holds_every_weight(sorted_rows: bool) -> None:
    from rules.attribution.candidates import SortedWeights

    rows, vals = [1, 5, 63], [-7, 900, 3]
    weights = SortedWeights(rows, vals) if sorted_rows else dict(zip(rows, vals, strict=True))
    arr = gate_batch.weight_array(weights, 6)  # type: ignore[arg-type]
    assert arr.tolist() == [0, -7, 0, 0, 0, 900, *[0] * 57, 3] and arr.dtype == np.int16
    for big, dtype in ((40_000, np.int32), (-(2**40), np.int64)):  # wider weights: wider type
        arr = gate_batch.weight_array({2: big, 3: 1}, 6)
        assert arr.dtype == dtype and arr[2] == big and arr[3] == 1
