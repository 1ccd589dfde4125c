"""The fast paths of the hedging family give what the plain definitions give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.hedging import CATEGORIES, find_cues
from rules.hedging.uncertainty import features_from_cues, load_model

SENTENCES = [
    "The bridge may never open, and its cost seems to have doubled.",
    "Critics argue that the plan is likely to fail, reportedly because of the weather.",
    "The council approved the budget on Tuesday.",
    "It is widely believed that some experts say about 30 people could be affected.",
    "",
    "x",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_probability_equals_the_feature_path(text: str) -> None:
    model = load_model()
    cues = [(c.key, c.category) for c in find_cues(text, CATEGORIES)]
    slow = model.probability(features_from_cues(text, cues))
    assert model.sentence_probability(text, cues) == pytest.approx(slow, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["may", "might", "the", "bridge", "it", "is", "likely",
                                 "critics", "argue", "said", "seems", "30", "people", "x-y"]),
                max_size=14))
def test_sentence_probability_equals_the_feature_path_on_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    model = load_model()
    cues = [(c.key, c.category) for c in find_cues(text, CATEGORIES)]
    slow = model.probability(features_from_cues(text, cues))
    assert model.sentence_probability(text, cues) == pytest.approx(slow, abs=1e-12)
