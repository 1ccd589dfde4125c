"""Classes of false unsourced-claim hits found on news copy the rules were not written
against (issue 14), each beside the ordinary claim the fix must keep: speech acts worded as
a light verb and a speech noun, documents that hold what the sentence tells, judgements and
concerns credited to no one, "it is unlikely that" forecasts, conditional forecasts, and a
participle that hands over to the subject's own quoted words. Sentences are written for
these tests."""

from __future__ import annotations

import pytest

from checker.core.config import Config
from checker.pipeline import run_rules
from checker.text.loader import document_from_text
from rules.claims.context import VAGUE, exemption
from rules.claims.stance import SPECULATION, SPOKEN
from rules.claims.voice import names_its_speaker


def _flagged(text: str, decision: str = "rules") -> list[str]:
    """The texts of the sentences flagged as unsourced claims (by the rules' verdict, or by
    the learned decision with ``decision="model"``)."""
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, Config(settings={"claim_decision": decision}))
    return [doc.text[f.start:f.end] for f in analysis.findings if f.code == "CLM001"]


# 1. a speech act worded as a light verb and a speech noun names its speaker
@pytest.mark.parametrize("text", [
    "The harbour trust issued a statement of regret about the closure of the slipway.",
    "Within hours, the museum released a short statement defending the loan of the vase.",
    "Parents and two school governors raised concerns that the bus route was unsafe.",
    "At a rally in Dunmore on Friday, Ms Okafor took several shots at her rival's record.",
    "As the hearing went on, the minister offered an increasingly testy defence of the fees.",
    "Days after the flood, the council unveiled a $40 million drainage plan for the valley.",
    "The governor has unveiled a new housing strategy for the northern towns.",
])
def test_light_verb_speech_acts_name_their_speaker(text: str) -> None:
    assert names_its_speaker(text)


@pytest.mark.parametrize("text", [
    "After the firm issued a statement, its shares fell 9 percent in an hour.",
    "The mayor unveiled a bronze statue of the mill's founder in the square.",
    "The storm raised new questions about the sea wall at Dunmore.",
    "Bus fares were raised to cover the cost of the new depot.",
    "The club took the field without its captain on Saturday.",
    "The hotel offered free rooms to the stranded passengers.",
    "Ticket prices rose 12 percent in 2024, and the operator issued new timetables.",
])
def test_acts_that_are_no_speech_keep_no_speaker(text: str) -> None:
    assert not names_its_speaker(text)


# 2. a document that holds what the sentence tells, or a compiler named with the tallies
@pytest.mark.parametrize("text", [
    "The charge against the driver is set out in an affidavit filed by a county detective.",
    "The terms of the sale were detailed in the company's annual report.",
    "Nearly 60% of the spots booked for May come from outside groups, tallies by the "
    "state election office and two private trackers show.",
    # a named author's work as the subject of what it tells, a title between or not
    "Ann Lee's new memoir documents thirty years of strikes at the Dunmore mill.",
    "Ann Lee's memoir “Mill Town Days” recounts the strike of 1984.",
    "Harbour Watch's latest audit found that the pier fund was never spent.",
])
def test_documents_that_hold_the_claim_source_it(text: str) -> None:
    assert names_its_speaker(text)


@pytest.mark.parametrize("text", [
    "The driver was detailed to guard the gate in the report week.",
    "Nearly 60% of the spots booked for May come from outside groups.",
    "The clinic's records were kept in a locked room until 2019.",
    "Ann Lee's memoir sold 200,000 copies in its first year.",
    "The company's report shows that profits rose in the spring.",
    "Lee's study group met on Monday and found a leak in the main.",
])
def test_sentences_without_such_a_document_name_none(text: str) -> None:
    assert not names_its_speaker(text)


# 3. judgements and concerns credited to no one are vague attributions, not unsourced claims
@pytest.mark.parametrize("text", [
    "The levy was already being criticised as a tax on the poorest renters.",
    "The new stadium is billed as the largest in the region.",
    "Even before the results were in, concerns were raised that the count had been rushed.",
    "Questions have also been raised about the cost of the bridge.",
])
def test_judgements_and_concerns_of_no_one_are_vague(text: str) -> None:
    assert exemption(text, 0, "news") == VAGUE


@pytest.mark.parametrize("text", [
    "The levy was criticised as a tax on renters by the tenants' union.",
    "Questions were raised by the auditor about the cost of the bridge.",
    "The fee was raised to 40 dollars in March.",
    "She was described by neighbours as a careful driver.",
    "The mission was billed as a rescue, but it ended with the fall of the port in 2011.",
])
def test_judgements_with_their_judge_are_left_to_attribution(text: str) -> None:
    assert exemption(text, 0, "news") != VAGUE


# 4. forecasts: "it is unlikely that", and a conditional with a forecast in its main clause
@pytest.mark.parametrize("text", [
    "It's unlikely that many of the old donors will come back to the party.",
    "It is highly likely that the vote slips into the new year.",
    "If the ferry company loses the contract, it will cut the night crossings.",
    "If turnout falls short again, the mayor risks losing the council seat.",
    "Unless the board finds a buyer, the mill may close before winter.",
])
def test_forecasts_and_conditional_forecasts_are_no_claims(text: str) -> None:
    assert exemption(text, 0, "news") == SPECULATION


@pytest.mark.parametrize("text", [
    "It is likely that 4,000 homes will lose power, the utility estimated.",  # a figure
    "If convicted, the driver faces up to ten years in prison.",
    "If the measure passes, rents will rise 12 percent by 2027.",
    "The mill closed in 2019, and many workers were likely to leave the town.",
])
def test_forecasts_with_figures_or_legal_facts_stay_claims(text: str) -> None:
    assert exemption(text, 0, "news") != SPECULATION


# 5. a participle that hands over to the subject's own quoted words
@pytest.mark.parametrize("text", [
    "The union walked out of the talks, saying “the offer insults every nurse here.”",
    "Ms Okafor needled the “independent” panel, adding, “It answers to the minister alone.”",
])
def test_a_participle_before_the_subjects_quoted_words_is_quoted_speech(text: str) -> None:
    assert exemption(text, 0, "news") == SPOKEN


@pytest.mark.parametrize("text", [
    "The board met on Monday, saying little about the plan to sell the pier.",
    # a title, not the subject's words
    "The mayor's son has built a career on the harbour, writing a book called “Boats Of "
    "The North Sea” in 2019.",
])
def test_a_participle_without_the_subjects_quoted_words_stays_a_claim(text: str) -> None:
    assert exemption(text, 0, "news") != SPOKEN


# 6. in an article: these sentences are no CLM001, by the rules and by the learned decision,
# while a plain claim beside them still is
ARTICLE = (
    "Ferry Row Deepens\n\n"
    "The ferry company cut the winter timetable to two crossings a day in November.\n\n"
    "Islanders and two councillors raised concerns that the cut left the clinic unreachable.\n\n"
    "At a meeting in the harbour hall, the company's chief offered a brisk defence of the "
    "timetable.\n\n"
    "If the crossings stay cut, the island school will lose its visiting teachers.\n")


@pytest.mark.parametrize("decision", ["rules", "model"])
def test_in_an_article_only_the_plain_claim_is_flagged(decision: str) -> None:
    flagged = _flagged(ARTICLE, decision)
    assert any(t.startswith("The ferry company cut") for t in flagged)
    assert not any(t.startswith(("Islanders", "At a meeting", "If the crossings"))
                   for t in flagged)


# 7. a forecast of a consequence, a forecast after a short lead and a colon, and "does not
# necessarily" reasoning are no claims; a scheduled act or a figure keeps the claim
@pytest.mark.parametrize("text", [
    "The new timetable will put extra pressure on the island ferry crews.",
    "The closure is going to hurt the smaller shops along the quay.",
    "Whatever the result of the May 4 vote, the outlook is the same: the levy is likely to "
    "stay.",
    "Those two donors, however, do not necessarily speak for the rest of the board.",
])
def test_consequences_colon_forecasts_and_not_necessarily_are_no_claims(text: str) -> None:
    assert exemption(text, 0, "news") != ""


@pytest.mark.parametrize("text", [
    "The agency will open two offices in the valley next year.",
    "The new timetable will take effect in May.",
    "The closure will cost the town 40 jobs.",
    "The result: turnout fell to 41 percent, and the levy is likely to stay.",
    "The board does not publish its minutes, and its chair necessarily signs every cheque.",
])
def test_scheduled_acts_and_figures_stay_claims(text: str) -> None:
    assert exemption(text, 0, "news") == ""
