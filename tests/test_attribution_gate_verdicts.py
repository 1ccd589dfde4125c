"""The sentence gate's own verdicts reach ``attributed`` (the ``sentences.csv`` column): a
sentence the gate alone reads as reported speech (``sentence_only``: no source or content
boundary found) is no unsourced assertion of the author's, yet it names no source. A weak
relation whose cue is no reporting verb (an action the gate let in) attributes nothing.
Our own sentences."""

from __future__ import annotations

import re

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import get_lexicon
from rules.attribution.record import record

TEXT = ("The ferry runs twice a day. Its skipper took a swipe at the harbour board over "
        "the fees. The board meets in June.")


def _analysis(text: str) -> Analysis:
    return Analysis(doc=document_from_text(text, path="t.txt", fmt="text"), config=Config())


def _span(text: str, part: str) -> tuple[int, int]:
    a = text.index(part)
    return a, a + len(part)


def test_a_gate_verdict_with_a_weak_cue_attributes_its_sentence_without_a_source() -> None:
    an = _analysis(TEXT)
    rel = Extracted(source=None, cue=_span(TEXT, "took a swipe at"),
                    content=[_span(TEXT, "Its skipper took a swipe at the harbour board over "
                                         "the fees.")],
                    cue_text="took a swipe at", weak=True, informational=False,
                    sentence_only=True)
    record(an, [rel], [], get_lexicon())
    assert an.attributed == [False, True, False]
    assert an.sentence_source == ["", "", ""]
    assert an.sources == [] and an.attributions == []


def test_a_weak_action_relation_attributes_nothing() -> None:
    text = "The ferry runs twice a day. The union sued the harbour board over the fees."
    an = _analysis(text)
    rel = Extracted(source=_span(text, "The union"), cue=_span(text, "sued"),
                    content=[_span(text, "the harbour board over the fees")],
                    cue_text="sued", weak=True, informational=False)
    record(an, [rel], [], get_lexicon())
    assert an.attributed == [False, False]


def test_a_cue_less_sentence_verdict_attributes_that_sentence_only() -> None:
    an = _analysis(TEXT)
    rel = Extracted(source=None, cue=None, content=[_span(TEXT, "The board meets in June.")],
                    weak=True, informational=False, sentence_only=True)
    record(an, [rel], [], get_lexicon())
    assert an.attributed == [False, False, True]
    assert an.sources == []


def test_an_actor_found_without_the_gate_attributes_nothing() -> None:
    an = _analysis(TEXT)
    rel = Extracted(source=_span(TEXT, "Its skipper"), cue=_span(TEXT, "took a swipe at"),
                    content=[_span(TEXT, "the harbour board over the fees")],
                    cue_text="took a swipe at", informational=False)
    record(an, [rel], [], get_lexicon())
    assert an.attributed == [False, False, False]


def test_the_evaluation_names_why_the_tool_misses_a_sentence() -> None:
    from evaluation.attribution import Rel, _miss_class

    text = ("The union sued the board. It wants lower fees. Fares rose again. "
            "The plan is expected to pass.")
    sents = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    actor = Extracted(source=_span(text, "The union"), cue=_span(text, "sued"),
                      content=[_span(text, "the board")], informational=False)
    weak = Extracted(source=_span(text, "It"), cue=_span(text, "wants"),
                     content=[_span(text, "lower fees")], weak=True, informational=False)
    agentless = Extracted(source=None, cue=_span(text, "is expected"),
                          content=[_span(text, "to pass")])
    found = [actor, weak, agentless]
    gold = [Rel(source=(), cue=(_span(text, "wants"),), content=(_span(text, "Fares rose"),))]
    assert _miss_class(*sents[0], found, gold) == "actor"
    assert _miss_class(*sents[1], found, gold) == "weak_action"
    assert _miss_class(*sents[2], found, gold) == "continues"
    assert _miss_class(*sents[3], found, gold) == "agentless"
    assert _miss_class(*sents[2], [], [Rel((), (), (_span(text, "Fares"),))]) == "no_cue"
