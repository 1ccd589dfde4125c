"""Issue 14: the author's reading of events in analysis and opinion pieces, the opinion
writer addressing the reader, and a headline that reached the body as a sentence are not
unsourced claims; figures, dated events and plain facts in the same pieces still are."""

from __future__ import annotations

import pytest

from checker.core.config import Config
from checker.pipeline import run_rules
from checker.text.loader import document_from_text
from rules.claims.context import ARGUMENT, exemption


@pytest.mark.parametrize("text", [
    "The delays are emblematic of a council that has lost its grip on the harbour works.",
    "At the crucial moment, the chairman appeared to lose his nerve.",
    "If the spring session was the board's high point, the autumn was its reckoning.",
    "The reaction on the quay was swift and angry.",
    "In the board's version of events, the so-called rebels are the fishermen themselves.",
    "The row over the pier showed just how brittle the coalition on the council had become.",
    "But this only explains why the fishermen walked out of the meeting.",
    "Winning the vote on the levy was no longer good enough for the chairman.",
    "The most convenient rationale for the board is that the crews are simply stubborn.",
])
def test_the_authors_reading_in_analysis_and_opinion_is_no_claim(text: str) -> None:
    assert exemption(text, 0, "analysis") == ARGUMENT
    assert exemption(text, 0, "opinion") == ARGUMENT
    # in a news report the same sentence is not exempted as the author's reading
    assert exemption(text, 0, "news") != ARGUMENT


@pytest.mark.parametrize("text", [
    # a figure or a dated event stays a claim, however it is read
    "The delays, emblematic of the whole project, added 4 million to the bill.",
    "In March the chairman appeared to lose the vote of his own board.",
    # a plain account of what happened
    "The harbour board sold the old pier to a developer from Truro.",
    "The chairman resigned after the inspectors found cracks in the sea wall.",
])
def test_facts_in_an_analysis_are_still_checked(text: str) -> None:
    assert exemption(text, 0, "analysis") == ""


@pytest.mark.parametrize("text", [
    "Stand on the quay at dusk and you can sense the frustration of the crews.",
    "On one side of the quarrel you have the harbour board and its consultants.",
    "Anyone on the quay can see the frustration of the crews.",
])
def test_an_opinion_writer_addressing_the_reader_is_no_claim(text: str) -> None:
    assert exemption(text, 0, "opinion") == ARGUMENT
    # an analysis does not argue with its reader: no exemption for the address alone
    assert exemption(text, 0, "analysis") == ""


def test_what_something_can_do_is_still_a_claim_in_an_opinion_piece() -> None:
    text = "The solvent can damage the lungs of children who breathe its fumes."
    assert exemption(text, 0, "opinion") == ""


def _statuses(text: str, decision: str = "model") -> dict[str, str]:
    """Each body sentence's ``claim_status`` (text -> status) under ``claim_decision``."""
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, Config(settings={"claim_decision": decision}))
    return {s.text: analysis.claim_status[s.index] or "" for s in analysis.body_sentences()}


TITLED = (
    "Storm closes coastal road; \nFerries cancelled until the weekend.\n\n"
    "PORTLOE (Courier) — The coastal road between Portloe and Veryan closed on Monday after "
    "a storm washed away part of its sea wall.\n\n"
    "The council shut the road to all traffic after an inspection found deep cracks in the "
    "wall.\n")

DATELINE_TITLED = (
    "Quarry owner fined 40,000 pounds over dust from blasting in May.\n\n"
    "DUNMORE (Courier) — "
    "The owner of the Dunmore quarry was fined 40,000 pounds on Thursday for dust that "
    "covered the village after blasting in May.\n")


@pytest.mark.parametrize("decision", ["model", "rules"])
@pytest.mark.parametrize(("text", "title"), [
    (TITLED, "Storm closes coastal road; \nFerries cancelled until the weekend."),
    (DATELINE_TITLED, "Quarry owner fined 40,000 pounds over dust from blasting in May."),
])
def test_a_title_line_at_the_top_of_the_text_is_no_claim(text: str, title: str,
                                                          decision: str) -> None:
    statuses = _statuses(text, decision)
    assert statuses[title] == "not a claim: headline"
    # the lead after it is still the author's claim
    assert [t for t, status in statuses.items() if status == "unsourced"]


LONG_LEAD = (
    "The owner of the Dunmore quarry was fined 40,000 pounds on Thursday for the dust that "
    "covered the village of Dunmore after blasting in May.\n\n"
    "The quarry has appealed against the fine.\n")

ONE_PARAGRAPH = "The quarry owner was fined over the dust from the blasting at Dunmore.\n"

AFTER_TEXT = (
    "Quarry fines\n\nBy A. Writer\n\n"
    "The quarry owner was fined over the dust.\n\n"
    "The owner of the Dunmore quarry was fined 40,000 pounds on Thursday for the dust that "
    "covered the village of Dunmore after blasting in May.\n")

LEAD_IN = (
    "The governor signed the following bills into law:\n\n"
    "A bill that raises the school leaving age to eighteen from next September.\n")


@pytest.mark.parametrize("text", [LONG_LEAD, ONE_PARAGRAPH, AFTER_TEXT, LEAD_IN])
def test_an_opening_sentence_that_is_not_a_title_line_keeps_its_verdict(text: str) -> None:
    statuses = _statuses(text, "rules")
    assert "not a claim: headline" not in statuses.values()


NO_TITLE = (
    "Flood defences along the river cost the county 14 million pounds in 2022.\n\n"
    "The county's chief engineer said the new barrier had held back a record surge.\n")


def test_a_short_opening_paragraph_of_a_draft_with_no_title_is_still_a_claim() -> None:
    """Only a paragraph built as a title is one: not a short lead with no dateline after it."""
    statuses = _statuses(NO_TITLE, "rules")
    assert statuses[NO_TITLE.split("\n")[0]] == "unsourced"
