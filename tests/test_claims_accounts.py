"""Told accounts, estimates of the subject, and sentences that only look like furniture or
stance (rules/claims/voice.py, context.py, stance.py). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from checker.core.config import Config
from checker.pipeline import run_rules
from checker.text.loader import document_from_text
from rules.claims.context import CAPTION, FRAGMENT, IMPERATIVE, exemption
from rules.claims.stance import JUDGEMENT, OPEN_QUESTION, SPECULATION
from rules.claims.voice import continues_account, names_its_speaker, told_after


def _flagged(text: str) -> list[str]:
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, Config())
    return [doc.sentences[f.sentence].text for f in analysis.findings if f.code == "CLM001"]


@pytest.mark.parametrize("text", [
    # "just" and "simply" before a time phrase, not an order
    "Just last month, a survey ship began mapping the trench south of the islands.",
    "Simply put, the county spent 40 percent more on roads in 2023.",
    # "is seen" inside a clause of a longer sentence is no caption
    "Only three of the 40 clinics met the target of making sure 90 percent of patients "
    "are seen within a week.",
    # a short clause with a finite verb is a sentence, not a stub
    "The motion failed.",
    "They were outvoted.",
    "She was rebuffed.",
    # an example sentence that reports a study is a claim
    "For example, a 2021 survey of 900 tenants found that half had damp homes.",
])
def test_sentences_that_only_look_exempt_stay_claims(text: str) -> None:
    assert exemption(text, 0, "news") == ""


@pytest.mark.parametrize(("text", "reason"), [
    ("Just call the library before noon to reserve a room.", IMPERATIVE),
    ("Simply visit any ticket office with the old pass.", IMPERATIVE),
    ("Firefighters are seen outside the warehouse on Monday morning.", CAPTION),
    ("In the footage filmed by a passer-by on Tuesday night, a man is seen running.", CAPTION),
    ("Just ask the drivers who queued for three hours on the ring road.", IMPERATIVE),
    ("Connect with us:", FRAGMENT),
    ("Comments are closed.", FRAGMENT),
    ("And they were.", FRAGMENT),
    ("All rights reserved.", FRAGMENT),
    ("Whether the truce holds depends on talks due to resume in the spring.", OPEN_QUESTION),
    ("For instance, if a coffee costs 3 dollars and rises by 30 cents, prices are up 10%.",
     SPECULATION),
    ("Say you borrow 5,000 pounds over two years at 6 percent.", SPECULATION),
    ("It should not be surprising to anyone who has ridden the night bus.", JUDGEMENT),
])
def test_illustrations_open_questions_and_judgements(text: str, reason: str) -> None:
    assert exemption(text, 0, "news") == reason


@pytest.mark.parametrize("text", [
    "Analysts polled by the agency had forecast a profit of 2 dollars a share.",
    "Economists at the bank predicted growth of 1.5 percent for the year.",
    "The chain provided guidance of 3 billion dollars in sales for the spring.",
    "Last week, analysts at a Boston broker lowered their estimates for the airline.",
])
def test_an_estimate_of_its_subject_names_its_source(text: str) -> None:
    assert names_its_speaker(text)


@pytest.mark.parametrize("text", [
    # the passive credits no one; a participle is no act; comparisons are the writer's
    "Revenue is forecast to rise 5 percent next year.",
    "A storm expected to reach the coast on Friday closed 40 schools.",
    "Damage estimated at 2 million dollars was reported in the harbour.",
    "Sales were weaker than expected in the third quarter.",
    "The bakery raised prices by 5 percent in March.",
    "The projected deficit grew to 4 billion dollars.",
    "Eagerly anticipated, the new bridge opened to traffic on Monday.",
])
def test_estimates_without_an_estimator_stay_unsourced(text: str) -> None:
    assert not names_its_speaker(text)


def test_only_openers_that_add_to_an_account_continue_it() -> None:
    said = "Police said officers stopped the van on the bridge and arrested the driver."
    assert continues_account("Similarly, the depot on the ring road had a long queue.", said,
                             across_paragraphs=True)
    assert continues_account("Also, the second van carried no cargo.", said,
                             across_paragraphs=True)
    # the next step of a story is as often the writer's own fact as the source's
    assert not continues_account("She is being held at the county jail.", said)
    assert not continues_account("The driver then ran across the road.", said)
    # "He also ..." adds a fact of the writer's; a figure of its own is the writer's claim
    assert not continues_account("He also coached the junior side.", said)
    assert not continues_account("Similarly, 40 drivers were stopped in May.", said,
                                 across_paragraphs=True)
    # "In addition to" a thing is no opener that adds to the account
    assert not continues_account("In addition to the van, the driver owned two lorries.", said,
                                 across_paragraphs=True)


def test_a_sentence_the_next_one_credits_to_its_teller() -> None:
    assert told_after("He swerved into the hard shoulder and hit a parked lorry.",
                      "This caused the van to roll over, said Sgt. Ann Lee.")
    assert told_after("The man left his car and walked off.",
                      "That is when officers caught up with him, the sergeant said.")
    assert not told_after("The crash sent 12 people to hospital.",
                          "This caused the road to close, said Sgt. Ann Lee.")
    assert not told_after("The road reopened at noon.",
                          "Officers said the cause was under investigation.")


def test_told_accounts_are_not_flagged_but_the_writers_facts_are() -> None:
    flagged = _flagged(
        "The driver was travelling north on the bypass when he clipped a cyclist, said "
        "Sgt. Ann Lee. He then kept driving and struck a parked delivery lorry near the "
        "roundabout. This caused his van to roll onto its roof, said Lee.\n\n"

        "The bypass was closed for six hours while crews cleared the wreckage from the "
        "carriageway.\n")
    assert not any(t.startswith("He then") for t in flagged)
    assert any(t.startswith("The bypass was closed") for t in flagged)
