"""The sentence gate: weaker tagger cues kept where the sentence model reads an attribution.

Our own sentences; the PolNeAR comparison skips when ../shared is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.core.datafiles import DataFileError
from checker.text.loader import document_from_text
from rules import attribution as att
from rules import footnotes
from rules.attribution.candidates import SortedWeights
from rules.attribution.doc import TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.findings import report_findings
from rules.attribution.lexicon import get_lexicon
from rules.attribution.record import record
from rules.attribution.sentence_gate import (
    GATE_PATH,
    SentenceGate,
    WordMemo,
    feature_rows,
    hash_feature,
    load_sentence_gate,
    pack_gate_weights,
    sentence_codes,
    unpack_gate_weights,
)
from rules.attribution.tagger import decode_cue_spans, load_cue_tagger
from tests.families import analyse_attribution

REPO = Path(__file__).resolve().parents[1]
# "are betting that": a stance the tagger scores below its threshold on its own
BETTING = "The governor's allies are betting that turnout will be low in the suburbs."


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


def _gate(bias: float, cue_threshold: float = 0.3) -> SentenceGate:
    """A gate that says yes (bias > 0) or no (bias < 0) to every sentence."""
    return SentenceGate(bits=8, weights={}, bias=bias, threshold=0.5, cue_threshold=cue_threshold)


def test_a_weak_cue_is_kept_only_where_the_gate_agrees() -> None:
    sents = _sentences(BETTING)
    assert extract(BETTING, sents, gate=None)[0] == []
    assert extract(BETTING, sents, gate=_gate(-20.0))[0] == []
    found, _ = extract(BETTING, sents, gate=_gate(20.0))
    assert len(found) == 1
    r = found[0]
    assert "betting" in r.cue_text
    assert BETTING[r.source[0]:r.source[1]] == "The governor's allies"
    assert BETTING[r.content[0][0]:r.content[0][1]].startswith("that turnout")
    # no lexicon reporting verb, but its content is a that-clause: what the allies
    # expect is theirs, not the author's claim (issue 13), so it is an information source
    assert r.weak and r.informational


def test_weak_cue_with_a_reporting_verb_is_an_information_source() -> None:
    text = "Her lawyer maintains that she did nothing wrong."
    # with every cue the gate recovers marked weak, a lexicon reporting verb still reports
    found, _ = extract(text, _sentences(text), gate=_gate(20.0, cue_threshold=0.05))
    assert [r.informational for r in found] == [True]


def test_sentences_with_a_relation_are_not_asked() -> None:
    text = "The mayor said the bridge will reopen in March. " + BETTING
    strong = extract(text, _sentences(text), gate=None)[0]
    gated = extract(text, _sentences(text), gate=_gate(20.0))[0]
    assert [r.cue_text for r in strong] == ["said"]
    assert [r.cue_text for r in gated][0] == "said" and len(gated) == 2


def test_spans_are_the_token_probabilities_decoded() -> None:
    text = ("“We will not give up,” the coach said. It rained all day in the city.\n\n"
            "“The players know it. The fans know it. Everyone does,” he added after the game. "
            "The board, however, is betting on a new stadium that nobody wants.")
    d = TokenDoc(text, _sentences(text), get_lexicon())
    tagger = load_cue_tagger()
    assert tagger is not None
    proba = np.asarray(tagger.token_proba(d), dtype=np.float64).reshape(-1, 3)
    assert proba.shape == (len(d.toks), 3) and np.allclose(proba.sum(axis=1), 1.0)
    assert tagger.spans(d) == decode_cue_spans(proba, d.tok_sent, tagger.threshold)
    empty = TokenDoc("", [], get_lexicon())
    assert tagger.spans(empty) == [] and len(tagger.token_proba(empty)) == 0


def test_a_weak_relation_does_not_attribute_its_sentence() -> None:
    an = analyse_attribution(BETTING)
    assert an.attributed == [False] and an.sources == []


def test_sentence_codes_are_those_of_the_words() -> None:
    d = TokenDoc(BETTING, _sentences(BETTING), get_lexicon())
    codes = sentence_codes(d, 0, WordMemo())
    assert hash_feature("w=betting") in codes and hash_feature("first=the") in codes
    assert hash_feature("w=said") not in codes
    assert all(0 <= c < 1 << 64 for c in codes)
    assert all(0 <= r < 1 << 10 for r in feature_rows(codes, 10))


_PIECES = st.sampled_from(
    ["said", "Said", "the", "The", "2024", "“", "”", '"', ":", ",", ".", "officials",
     "betting", "he", "NHS", "x", " ", " ", "\n\n", "according", "to", "critic", "of", "é"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_codes_do_not_depend_on_the_memo(text: str) -> None:
    warm = WordMemo()
    d = TokenDoc(text, _sentences(text), get_lexicon())
    gates = [_gate(0.0), SentenceGate(bits=20, weights={}, bias=0.0, threshold=0.5,
                                      cue_threshold=0.3)]
    for si in range(len(d.sents)):
        fresh = sentence_codes(d, si, WordMemo())
        assert sentence_codes(d, si, warm) == fresh == sentence_codes(d, si, warm)
        for gate in gates:  # the gate's rows are those of the codes, memo cold or warm
            assert gate.rows(d, si) == feature_rows(fresh, gate.bits) == gate.rows(d, si)


TALK = "There was a lot of talk about the budget and the new school."


def test_a_sentence_the_gate_reads_as_attributed_counts_without_a_relation() -> None:
    """With an alone threshold, a sentence whose weak cue yields no relation is kept as a
    sentence-only relation: its whole sentence as content, no source, no information."""
    sents = _sentences(TALK)
    assert extract(TALK, sents, gate=_gate(20.0, cue_threshold=0.02))[0] == []
    yes = SentenceGate(bits=8, weights={}, bias=20.0, threshold=0.5, cue_threshold=0.02,
                       alone_threshold=0.5)
    found, _ = extract(TALK, sents, gate=yes)
    assert len(found) == 1
    r = found[0]
    assert r.sentence_only and not r.informational and r.source is None
    assert r.content == [(0, len(TALK))] and r.cue_text in TALK
    no = SentenceGate(bits=8, weights={}, bias=-20.0, threshold=0.5, cue_threshold=0.02,
                      alone_threshold=0.5)
    assert extract(TALK, sents, gate=no)[0] == []


def test_a_sentence_only_relation_names_no_source_and_hides_no_quote() -> None:
    text = TALK + " “We cannot keep the library open on Sundays any longer.”"
    doc = document_from_text(text, path="t.txt", fmt="text")
    an = Analysis(doc=doc, config=Config())
    footnotes.run(an)
    gate = SentenceGate(bits=8, weights={}, bias=20.0, threshold=0.5, cue_threshold=0.02,
                        alone_threshold=0.5)
    found, quotes = extract(text, [(s.start, s.end) for s in doc.sentences], gate=gate)
    assert any(r.sentence_only for r in found)
    record(an, found, quotes, get_lexicon())
    report_findings(an, found, quotes, get_lexicon())
    # the gate's verdict: the sentence reports what someone said, with no source named
    assert an.attributed[0] is True and an.sentence_source[0] == ""
    assert an.sources == [] and an.attributions == []
    # the quotation after it still has no speaker: ATT002
    assert [f.rule for f in an.findings] == [att.UNATTRIBUTED_QUOTE.name]


def test_the_alone_threshold_is_optional_in_the_gate_file(tmp_path: Path) -> None:
    data = json.loads(GATE_PATH.read_text(encoding="utf-8"))
    shipped = load_sentence_gate()
    assert shipped is not None
    assert shipped.alone_threshold == data["alone_threshold"]
    for value, want in ((None, None), (0.75, 0.75)):
        data["alone_threshold"] = value
        path = tmp_path / f"gate{value}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert load_sentence_gate(str(path)).alone_threshold == want
    data["alone_threshold"] = 1.5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.json"):
        load_sentence_gate(str(bad))


def test_gate_json_records_training_and_dev_side_by_side() -> None:
    gate = load_sentence_gate()
    assert gate is not None and 0 < gate.threshold < 1 and 0 < gate.cue_threshold < 1
    data = json.loads(GATE_PATH.read_text(encoding="utf-8"))
    card = data["training"]
    assert "PolNeAR train" in card["data"] and card["seed"] == 13
    assert 0.5 < card["cv_train_85"]["auc"] <= 1
    for part in ("heldout_train_15", "dev"):
        assert set(card[part]) >= {"without_gate", "with_gate"}
    assert len(gate.weights) > 1000


def test_packed_gate_weights_round_trip_and_damage_names_the_file(tmp_path: Path) -> None:
    packed = pack_gate_weights([3, 70, 255], [125, -2500, 1])
    assert unpack_gate_weights(packed, "x", 8) == {3: 125, 70: -2500, 255: 1}
    with pytest.raises(DataFileError, match="outside"):
        unpack_gate_weights(packed, "x", 6)
    data = json.loads(GATE_PATH.read_text(encoding="utf-8"))
    for i, (key, value) in enumerate((("weights_milli_i32", "AAAA"),
                                      ("index_u32", "not base64!"), ("threshold", 2.0))):
        path = tmp_path / f"{i}-gate.json"
        path.write_text(json.dumps({**data, key: value}), encoding="utf-8")
        with pytest.raises(DataFileError, match=str(path)):
            load_sentence_gate(str(path))


def test_the_shipped_gate_reads_its_rows_without_a_dict_and_gives_the_same_weights(
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(GATE_PATH.read_text(encoding="utf-8"))
    weights = unpack_gate_weights(data, "gate", data["bits"])
    assert isinstance(weights, SortedWeights)
    rows = list(weights)
    want = dict(zip(rows, weights.values(), strict=True))
    probes = [*rows[::89], -1, 0, (1 << data["bits"]) - 1, *(r + 1 for r in rows[:50])]
    assert [weights.get(r, 0) for r in probes] == [want.get(r, 0) for r in probes]
    monkeypatch.setattr(SortedWeights, "DICT_AFTER", 20)  # then a dict: the same answers
    fresh = unpack_gate_weights(data, "gate", data["bits"])
    assert [fresh.getter()(r, 0) for r in probes] == [want.get(r, 0) for r in probes]
    assert fresh.getter()(rows[0], 0) == want[rows[0]]
    # rows out of order (a file written by hand): a plain dict, the same weights
    shuffled = pack_gate_weights(rows[::-1], [want[r] for r in rows[::-1]])
    assert unpack_gate_weights(shuffled, "x", data["bits"]) == want
    repeated = pack_gate_weights([5, 5, 9], [1, 2, 3])  # a repeated row: the last one counts
    assert unpack_gate_weights(repeated, "x", 8) == {5: 2, 9: 3}
    with pytest.raises(DataFileError, match="outside"):
        unpack_gate_weights(pack_gate_weights([300, 2], [1, 1]), "x", 8)
    # the gate gives the same probability from either reading
    gate = load_sentence_gate()
    assert gate is not None
    text = BETTING + " Officials said the plan was sound."
    doc = TokenDoc(text, _sentences(text), get_lexicon())
    plain = SentenceGate(gate.bits, want, gate.bias, gate.threshold, gate.cue_threshold)
    for si in range(len(doc.sents)):
        assert gate.proba(doc, si) == plain.proba(doc, si)


def test_the_gate_needs_no_numpy() -> None:
    code = ("import sys; import rules.attribution.sentence_gate as g; "
            "assert g.load_sentence_gate() is not None; assert 'numpy' not in sys.modules")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_polnear_dev_gate_adds_recall_without_losing_precision() -> None:
    from evaluation.polnear import available, load_split

    if not available():
        pytest.skip("../shared PolNeAR not available")
    from evaluation.attribution import evaluate

    dev = load_split("dev")
    base = evaluate(dev, gate=None, whole_tool=False)
    gated = evaluate(dev, whole_tool=False)
    assert gated["sentence_r"] > base["sentence_r"] + 0.01
    assert gated["sentence_p"] >= base["sentence_p"] - 0.005
