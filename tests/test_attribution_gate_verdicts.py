"""The sentence gate's verdicts reach ``attributed`` (the ``sentences.csv`` column): a
sentence the gate lets in with a weak cue that names no information source (a cue-less
verdict, a stance or an act of speech outside the lexicon) is no unsourced assertion of the
author's, yet it names no source. Our own sentences."""

from __future__ import annotations

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


def test_a_weak_stance_relation_attributes_its_sentence_without_a_source() -> None:
    an = _analysis(TEXT)
    rel = Extracted(source=_span(TEXT, "Its skipper"), cue=_span(TEXT, "took a swipe at"),
                    content=[_span(TEXT, "the harbour board over the fees")],
                    cue_text="took a swipe at", weak=True, informational=False)
    record(an, [rel], [], get_lexicon())
    assert an.attributed == [False, True, False]
    assert an.sentence_source == ["", "", ""]
    assert an.sources == [] and an.attributions == []


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
