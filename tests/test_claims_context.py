"""When a check-worthy sentence is still not an unsourced claim (rules/claims/context.py),
and the claim analyzer's shape cues. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from rules.claims.context import IMPERATIVE, QUESTION, QUOTATION, VAGUE, exemption
from rules.claims.scorer import ClaimAnalyzer


@pytest.mark.parametrize("text", [
    "And don't you dare complain about the new timetable this winter.",
    "So, take the early ferry if you want a seat on the deck.",
    "But remember that the museum closes at four on Sundays.",
    "Don't expect the bridge to reopen before the spring thaw.",
])
def test_imperatives_even_after_a_conjunction(text: str) -> None:
    assert exemption(text, 0, "news") == IMPERATIVE


@pytest.mark.parametrize("text", [
    "The new strain is thought to spread faster than the old one.",
    "It is widely believed that the smelter will close in the spring.",
    "The harbour master was said to have resigned after the collision.",
    "The mayor reportedly met the developers twice before the vote.",
    "Three ministers are understood to oppose the pension reform.",
])
def test_agentless_reporting_passives_are_vaguely_attributed(text: str) -> None:
    assert exemption(text, 0, "news") == VAGUE


@pytest.mark.parametrize("text", [
    "And the council approved the budget on Monday night.",
    "Then the council voted 7-2 to close the branch library.",
    "The theft was reported to police on Friday morning.",
    "The results were reported to the board in May.",
    "The company said that profits rose by 5 percent last year.",
    "Unemployment fell to 4.1 percent in March, the lowest in a decade.",
    "Instead the ferry operator added two sailings on weekdays.",
    # an imperative verb that is really a noun, or part of a hyphenated noun
    "And share prices fell 5% in March.",
    "But sign-ups rose 40% last year.",
    "So visit counts doubled to 3 million in 2020.",
    "First take-up of the scheme was 12%.",
    "Watch sales rose 12% in 2023.",
    # "reported to" a recipient, and "that" as a demonstrative, are not vague reporting
    "The outbreak was reported to health officials in 2019.",
    "The fire was reported that evening and destroyed 40 homes.",
    "The loss was claimed that year by 12 insurers.",
])
def test_plain_factual_sentences_stay_claims(text: str) -> None:
    assert exemption(text, 0, "news") == ""


def test_other_exemptions_unchanged() -> None:
    assert exemption("Did the council approve the budget on Monday?", 0, "news") == QUESTION
    quote = "“The budget is balanced for the first time in years,” she said."
    assert exemption(quote, 0, "news") == QUOTATION


def test_shape_cues_are_word_classes() -> None:
    feats = ClaimAnalyzer(ngram_max=1, shapes=True)(
        "In March 2021 we said unemployment rose 5% to 3 million.")
    for cue in ("_num", "_year", "_month", "_first", "_past", "_unit"):
        assert cue in feats
    plain = ClaimAnalyzer(ngram_max=1, shapes=True)("The river is wide and slow here.")
    assert not [f for f in plain if f in {"_num", "_year", "_month", "_first", "_unit"}]
    assert "_modal" in ClaimAnalyzer(shapes=True)("Prices could fall again next winter.")
    assert "_num" not in ClaimAnalyzer()("In March 2021 prices rose 5%.")  # off by default
