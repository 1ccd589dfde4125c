"""The sentence gate's second stage and its context features: sentences that no relation
covers (a quotation's later sentences, a stance with no cue the tagger finds) read as
attributed content for PolNeAR, never as information sources.

Our own sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.core.datafiles import DataFileError
from checker.text.loader import document_from_text
from rules import attribution as att
from rules import footnotes
from rules.attribution.doc import TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.findings import report_findings
from rules.attribution.lexicon import get_lexicon
from rules.attribution.record import record
from rules.attribution.sentence_gate import (
    GATE_PATH,
    STACK_FEATURES,
    SentenceGate,
    context_names,
    load_sentence_gate,
)

SPEECH = ("The mayor spoke to reporters on Monday. “We will rebuild the bridge. Nobody in "
          "this town should doubt it. The money is there.” The council meets next week.")
PLAIN = "The harbour opened in 1904. Its lighthouse was painted red in the spring of 1950."


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


def _gate(stack_bias: float | None) -> SentenceGate:
    """A gate that keeps no weak cue, whose second stage says yes (positive bias) or no
    (negative) to every uncovered sentence, or that has no second stage (None)."""
    stack = None if stack_bias is None else [stack_bias] + [0.0] * (len(STACK_FEATURES) - 1)
    return SentenceGate(bits=8, weights={}, bias=-20.0, threshold=0.5, cue_threshold=0.3,
                        stack=stack, stack_threshold=0.0)


def test_context_features_follow_a_quotation_over_several_sentences() -> None:
    d = TokenDoc(SPEECH, _sentences(SPEECH), get_lexicon())
    texts = [SPEECH[a:b].strip() for a, b in d.sents]
    assert texts[1].startswith("“We will") and texts[3].startswith("The money")
    assert "ctx=first-sentence" in context_names(d, 0)
    assert "ctx=qruns" in context_names(d, 1) and "ctx=qcont" not in context_names(d, 1)
    assert {"ctx=qcont", "ctx=qruns", "ctx=prev-quoted"} <= set(context_names(d, 2))
    assert "ctx=qcont" in context_names(d, 3) and "ctx=qruns" not in context_names(d, 3)
    last = context_names(d, 4)
    assert "ctx=qcont" not in last and "ctx=prev-quoted" in last


def test_the_second_stage_keeps_uncovered_sentences_as_sentence_only() -> None:
    sents = _sentences(PLAIN)
    assert extract(PLAIN, sents, gate=_gate(None))[0] == []
    assert extract(PLAIN, sents, gate=_gate(-20.0))[0] == []
    found, _ = extract(PLAIN, sents, gate=_gate(20.0))
    assert len(found) == 2
    for r, (a, b) in zip(found, sents, strict=True):
        assert r.sentence_only and not r.informational
        assert r.source is None and r.cue is None and r.cue_text == ""
        assert r.content == [(a, a + len(PLAIN[a:b].rstrip()))]


def test_a_second_stage_relation_names_no_source_and_hides_no_quote() -> None:
    text = "The library board met on Tuesday. “We cannot keep the doors open on Sundays.”"
    doc = document_from_text(text, path="t.txt", fmt="text")
    an = Analysis(doc=doc, config=Config())
    footnotes.run(an)
    found, quotes = extract(text, [(s.start, s.end) for s in doc.sentences], gate=_gate(20.0))
    assert sum(r.sentence_only for r in found) == 2
    record(an, found, quotes, get_lexicon())
    report_findings(an, found, quotes, get_lexicon())
    # the gate's verdicts attribute their sentences, with no source named
    assert all(an.attributed) and not any(an.sentence_source)
    assert an.sources == [] and an.attributions == []
    assert [f.rule for f in an.findings] == [att.UNATTRIBUTED_QUOTE.name]


def test_a_relation_s_own_sentences_are_not_asked() -> None:
    """A sentence a relation covers (its cue or its content) gets no second relation."""
    text = "The minister said the port would reopen in May. The harbour opened in 1904."
    found, _ = extract(text, _sentences(text), gate=_gate(20.0))
    said = [r for r in found if not r.sentence_only]
    extra = [r for r in found if r.sentence_only]
    assert said and said[0].source is not None
    assert [text[r.content[0][0]:r.content[0][1]] for r in extra] == \
        ["The harbour opened in 1904."]


def test_the_second_stage_is_validated_in_the_gate_file(tmp_path: Path) -> None:
    data = json.loads(GATE_PATH.read_text(encoding="utf-8"))
    shipped = load_sentence_gate()
    assert shipped is not None
    if data.get("stack") is not None:
        assert shipped.stack == [data["stack"]["weights"][k] for k in STACK_FEATURES]
    data["stack"] = None
    path = tmp_path / "none.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_sentence_gate(str(path)).stack is None
    data["stack"] = {"weights": {"bias": 1.0}, "threshold": 0.0}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.json.*stack"):
        load_sentence_gate(str(bad))
    data["stack"] = {"weights": dict.fromkeys(STACK_FEATURES, 1.0), "threshold": "high"}
    worse = tmp_path / "worse.json"
    worse.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="worse.json"):
        load_sentence_gate(str(worse))
