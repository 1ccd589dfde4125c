"""Exemptions from unsourced claims stay narrow: a factual claim in ordinary copy is never
dropped because a judging word, a participle, a continuation opener, "our" or one "we"
sentence happens to be in it (each class beside the case the exemption is for)."""

from __future__ import annotations

import pytest

from checker.core.config import Config
from checker.pipeline import analyse_document, run_rules
from checker.text.loader import document_from_text
from rules.claims.context import ARGUMENT, exemption
from rules.claims.voice import continues_account, names_its_speaker


def _flagged(text: str) -> list[str]:
    """The texts of the sentences the claim rules flag as unsourced claims (their verdict:
    ``claim_decision = "rules"``; the learned decision reads it as one feature of many)."""
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, Config(settings={"claim_decision": "rules"}))
    return [doc.text[f.start:f.end] for f in analysis.findings if f.code == "CLM001"]


# 1. opinion pieces: a figure or a dated event stays a claim; judging words exempt only as
# the predicate of the sentence's own claim
@pytest.mark.parametrize("text", [
    "The county closed half its clinics by 2022, the most harmful decision in years.",
    "Sadly, nine workers were hurt in the blast at the Dunmore quarry in August.",
    "The mill pays 250 families a wage and is essential to the valley.",
    "Sadly, the harbour board voted on Monday to sell the old pier.",
    "Clearly the ferry company raised its fares last year.",
])
def test_an_opinion_piece_still_owes_a_source_for_figures_and_dated_events(text: str) -> None:
    assert exemption(text, 0, "opinion") == ""


@pytest.mark.parametrize("text", [
    "A second bridge over the estuary is sorely needed.",
    "The new parking rules are simply pointless for the high street.",
    "The harbour board should listen to the fishermen before it sells the pier.",
    "The more telling sign came in the quarrel over the harbour levy.",
])
def test_an_opinion_pieces_argument_is_still_no_claim(text: str) -> None:
    assert exemption(text, 0, "opinion") == ARGUMENT


# 2. one first-person sentence of method does not make a news story research writing
NEWS_WITH_ONE_WE = (
    "Ferry Safety Checks Lapsed\n\nBy A. Writer\n\n"
    "We reviewed 200 maintenance logs from the harbour authority for this story.\n\n"
    "The engine fire on the night crossing was linked to a leaking fuel line.\n\n"
    "Three engineers were identified as having signed off checks they never made.\n")


def test_one_we_sentence_does_not_turn_news_into_research() -> None:
    flagged = _flagged(NEWS_WITH_ONE_WE)
    assert any(t.startswith("The engine fire") for t in flagged)
    assert any(t.startswith("Three engineers") for t in flagged)


def test_research_writing_in_the_first_person_keeps_its_own_results() -> None:
    abstract = (
        "Falls are common among older adults living alone. We analysed 22 trials of home "
        "exercise programmes published between 2008 and 2021. We then measured the risk "
        "of bias in each trial. Home exercise was associated with a 20 percent fall in "
        "injuries across the 22 trials.\n")
    assert not any(t.startswith("Home exercise") for t in _flagged(abstract))


# 3. a participle is no speech act of the subject
@pytest.mark.parametrize("text", [
    "The tunnel, announced in 2019, has cost the region $60 million so far.",
    "A woman accused of fraud was detained at the airport on Friday.",
    "The arena, touted as a lifeline for the docks, lost $9 million last year.",
    "The vaccine, hailed as a turning point in 2020, failed a third trial.",
    "Rents expressed in 2015 pounds rose 6 percent over the decade.",
    "The retailer called on a $500 million loan facility in March.",
])
def test_a_participle_or_a_noun_use_is_no_speech_act(text: str) -> None:
    assert not names_its_speaker(text)


@pytest.mark.parametrize("text", [
    "The governor vowed to veto the ferry bill.",
    "The harbour master, a former pilot, said the channel was safe.",
    "The operator announced in May that it would cut two routes.",
    "The mayor called on residents to save water.",
    "Unions accused the operator of cutting corners.",
    "The minister said in a statement the route would reopen.",
])
def test_a_finite_speech_verb_of_the_subject_is_a_speech_act(text: str) -> None:
    assert names_its_speaker(text)


# 4. continued attribution is not decided by the opening words alone
@pytest.mark.parametrize("text", [
    "The mayor said fares would rise in spring. This comes after the port lost "
    "$30 million in freight fees last year.\n",
    "The mayor said fares would rise in spring. She also faces an inquiry over "
    "$3 million in missing fees.\n",
    "The mayor said fares would rise in spring. This is the fourth time the ferry has "
    "broken down in a year.\n",
    "Rosa Lind, the port treasurer, said the fund was sound. In addition, the port "
    "borrowed $15 million from the city in 2022.\n",
])
def test_a_continuation_with_a_claim_of_its_own_is_flagged(text: str) -> None:
    assert len(_flagged(text)) == 1


def test_a_continuation_of_the_account_is_still_sourced() -> None:
    text = ("The harbour rose a metre overnight, the port authority said on Sunday. These "
            "levels are the highest its gauge has recorded since 1987.\n")
    assert _flagged(text) == []
    assert continues_account("The report also lists 14 unsafe berths.")
    assert not continues_account("In addition, the port borrowed $15 million in 2022.",
                                 "The port treasurer said the fund was sound.")


# 5. "our city" is the reader's city, not the author's experience
def test_our_city_with_a_figure_is_a_claim() -> None:
    assert exemption("Burglary in our town rose 25 percent last year, the most in the "
                     "region.", 0, "news") == ""
    # the author's own experience stays the author's voice
    assert exemption("I have lived in our town for twenty years and seen the harbour "
                     "empty.", 0, "news") != ""


# 6. a claim credited to a vague source is one finding (ATT001), not also CLM001
def test_a_vaguely_attributed_claim_is_not_also_unsourced() -> None:
    doc = document_from_text(
        "# Schools\n\nParents are worried that the district will cut 35 teaching posts.\n",
        path="draft.md")
    result = analyse_document(doc, Config())
    rules = [f["rule"] for f in result.findings]
    assert "vague-attribution" in rules
    assert "unsourced-claim" not in rules


def test_the_claims_genre_is_reported_beside_the_detected_genre() -> None:
    doc = document_from_text(NEWS_WITH_ONE_WE, path="article.txt")
    result = analyse_document(doc, Config())
    assert result.metrics["claims_genre"] == result.metrics["genre"]
    abstract = document_from_text(
        "Falls are common among older adults living alone. We analysed 22 trials of home "
        "exercise programmes. We then measured the risk of bias in each trial. Home "
        "exercise was associated with a 20 percent fall in injuries.\n", path="a.txt")
    assert analyse_document(abstract, Config()).metrics["claims_genre"] == "research"
