"""Whose voice a sentence is in (rules/claims/voice.py) and what that does to CLM001: reported
speech acts and documents named in a reporting clause are sourced; the author's first person,
headlines and embedded posts are no claims; continued attribution and the authors' own
research results are not unsourced. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from checker.core.config import Config
from checker.pipeline import run_rules
from checker.text.loader import document_from_text
from rules.claims.context import OWN_RESULT, exemption
from rules.claims.voice import (
    EMBEDDED_POST,
    HEADLINE,
    OWN_VOICE,
    continues_account,
    names_its_speaker,
    own_result,
    research_voice,
)


@pytest.mark.parametrize("text", [
    "The governor vowed to veto the transit bill before the summer recess.",
    "Two senators urged the agency to delay the sale of the airport land.",
    "The bakery's owner was told by an inspector that the oven was unsafe.",
    "Last week the union accused the hospital of cutting night shifts.",
    "She has repeatedly called for an audit of the harbour accounts.",
    "The mayor was asked about the missing ledgers on Tuesday.",
    # a document credited in a reporting clause of its own
    "Hospital admissions rose 8 percent in March, the latest county figures show.",
    "Grain exports fell to 2.1 million tonnes, customs data showed.",
    # or as the subject of what it shows
    "Daily state fire briefings showed on Monday four fires with no containment.",
    "Federal incident summaries listed the blaze at about 40 square km.",
    "County court records show the lease was signed in March 2019.",
])
def test_speech_acts_and_credited_documents_name_their_source(text: str) -> None:
    assert names_its_speaker(text)


@pytest.mark.parametrize("text", [
    "The accused was taken to the county jail after the hearing.",
    "The festival promised to be the biggest the valley had seen.",
    "Insurance claims rose 5 percent in the year to June.",
    "The suspect was denied bail at a hearing on Friday.",
    "Officials who warned of the flood lost their seats in 2019.",
    "The council approved the harbour budget on Monday night.",
    "The figures show a sharp rise in burglaries since 2020.",
    "These data show a sharp fall in admissions since the spring.",
    "Police records went missing from the station in 2019.",
])
def test_other_sentences_do_not_name_a_speaker(text: str) -> None:
    assert not names_its_speaker(text)


@pytest.mark.parametrize("text, reason", [
    ("We walked the length of the flooded road with two farmers in May.", OWN_VOICE),
    ("Few of us remember a winter as dry as this one in the valley.", OWN_VOICE),
    ("I have covered the county court for eleven years.", OWN_VOICE),
    ("Our count of the ballots took three days and two recounts.", OWN_VOICE),
    ("Harbour Board Rejects Dredging Plan After Long Night.", HEADLINE),
    ("FLOODWATERS CLOSE THE COAST ROAD FOR A THIRD DAY.", HEADLINE),
    ("Two hours to clear the square and still no buses #cityhall @metro_transit", EMBEDDED_POST),
    ("— A. Reader (@areader_42) May 3, 2021", EMBEDDED_POST),
    ("A. Reader (@areader_42) May 3, 2021", EMBEDDED_POST),
])
def test_voice_exemptions(text: str, reason: str) -> None:
    assert exemption(text, 0, "news") == reason


@pytest.mark.parametrize("text", [
    "Our Principles Fund spent $1.3 million on radio advertising in March.",
    "US troops left the northern base in the spring of 2021.",
    "Sen. Maria Lopez (D-Ore.) voted against the bill on Thursday.",
    "The mayor “will not be bullied by us or anyone”, the letter said in 2020.",
    "The city's account, known as @metro_transit, lost 4,000 followers in a week.",
    "World War I ended with the armistice of November 1918.",
])
def test_names_quotations_and_prose_mentions_are_not_voice_exemptions(text: str) -> None:
    assert exemption(text, 0, "news") == ""


def test_continuation_openers() -> None:
    assert continues_account("These levels are the highest the gauge has recorded.")
    assert continues_account("In addition, the survey found 40 percent had no heating.",
                             "Of the homes surveyed, 40 percent were cold, the survey found.")
    assert continues_account("“The report also lists 12 unsafe bridges.")
    assert not continues_account("This year the river froze twice.")
    assert not continues_account("Prices rose again in June.")


def test_research_voice_and_results() -> None:
    assert research_voice(["Here we show that the enzyme is stable at 40C.",
                           "Twelve trials were included."])
    assert research_voice(["In a paper in a medical journal, we reviewed 30 trials."])
    # in quotation marks it is the speaker's research, not the author's
    assert not research_voice(["“We reviewed 30 trials,” the lead author said."])
    assert not research_voice(["The council reviewed 30 applications in May."])
    assert own_result("Twelve trials from five countries were included.")
    assert own_result("Daily walking was associated with lower blood pressure.")
    assert own_result("There was insufficient evidence of a lasting effect.")
    assert not own_result("The bridge was closed for repairs in May.")
    assert exemption("Twelve trials from five countries were included.", 0, "research") \
        == OWN_RESULT


def _flagged(text: str) -> list[str]:
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, Config())
    return [doc.sentences[f.sentence].text for f in analysis.findings if f.code == "CLM001"]


def test_continued_attribution_in_the_same_paragraph_is_not_flagged() -> None:
    flagged = _flagged(
        "The river rose two metres overnight, the water agency said on Sunday. These levels "
        "are the highest the gauge at the old bridge has recorded since 1998.\n\n"
        "The ferry carried 300 passengers across the estuary on Sunday. These crossings took "
        "twice as long as usual because of the debris in the channel.\n")
    assert not any(t.startswith("These levels") for t in flagged)
    # after a sentence that is not attributed, the same opener is a claim of its own
    assert any(t.startswith("These crossings") for t in flagged)


def test_a_speech_act_stays_a_claim_but_is_not_unsourced() -> None:
    text = ("The governor vowed on Tuesday to veto the transit bill, which would raise "
            "fares by 40 percent in 2026.\n")
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, Config())
    assert analysis.is_claim[0]
    assert not [f for f in analysis.findings if f.code == "CLM001"]


def test_research_voice_exempts_the_authors_passive_results_only_in_research_writing() -> None:
    abstract = (
        "Loneliness is common among older adults in rural areas. In this review, we "
        "analysed 14 randomised trials of befriending schemes published between 2005 and "
        "2020. We also assessed the quality of each trial. Befriending was associated "
        "with a 12 percent fall in reported loneliness across the 14 trials.\n")
    news = (
        "Loneliness is common among older adults in rural areas, the county council said. "
        "The council analysed 14 befriending schemes run between 2005 and 2020.\n\n"
        "Befriending was associated with a 12 percent fall in reported loneliness across "
        "the 14 schemes.\n")
    assert not any(t.startswith("Befriending") for t in _flagged(abstract))
    assert any(t.startswith("Befriending") for t in _flagged(news))


@pytest.mark.parametrize("text", [
    "Estimates range up to a trillion species, with 8.7 million whose cells are like ours.",
    "Our planet has warmed by about 1.2C since the late nineteenth century.",
    "Most of us carry two copies of the gene, one from each parent.",
])
def test_everyones_first_person_is_not_the_authors_voice(text: str) -> None:
    assert exemption(text, 0, "news") == ""
