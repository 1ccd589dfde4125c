"""Hedging on news copy: whose hedge a cue is when attribution found no content for it, cues
that are asked about rather than asserted, and lexicon forms that news writes (contractions,
"there are growing signs that", "implying that", "potential buyers")."""

from __future__ import annotations

import pytest

from rules.hedging import find_cues
from tests.families import analyse_hedging, hedge_findings

analyse = analyse_hedging
flagged = hedge_findings


# --------------------------------------------------------------------------- lexicon forms


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("There’s a good chance the ferry sails on time.", "There’s a good chance"),
        ("There's a fair chance that the vote slips.", "There's a fair chance that"),
        ("The vault must’ve been opened from inside.", "must’ve been"),
        ("There are increasing signs that the drought is easing.",
         "There are increasing signs that"),
        ("There’s mounting signs that rents have peaked.", "There’s mounting signs that"),
        ("Sales fell, raising the prospect that the plant will close.", "the prospect"),
        ("Two wells ran dry, implying that the aquifer is shrinking.", "implying that"),
    ],
)
def test_news_forms_of_hedges_are_cues(text: str, cue: str) -> None:
    assert cue in [c.text for c in find_cues(text)]


def test_contracted_no_doubt_is_a_booster() -> None:
    assert [(c.text, c.category) for c in find_cues("There’s no doubt the levy works.")] == [
        ("There’s no doubt", "booster")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The fair draws potential buyers from three counties.",
        "The firm interviewed potential foreign employees last week.",
        "He implied that the deal was done.",  # a person's insinuation, not an inference
        "The prospects for the harvest are good.",
    ],
)
def test_not_hedges(text: str) -> None:
    assert [c.text for c in find_cues(text, ("epistemic",))] == []


def test_potential_before_a_noun_of_evidence_stays_a_hedge() -> None:
    assert [c.text for c in find_cues("The cracks are a potential sign of subsidence.")] == [
        "potential"
    ]


# --------------------------------------------------------------------------- whose hedge


@pytest.mark.parametrize(
    "text",
    [
        # a reporting verb with its that-clause, where attribution found no content
        "The report uses tide records to claim that the harbour may silt up within a decade.",
        "Rents are rising, with agents forecasting that they may double by 2030.",
        # a reporting verb in the negative: what the court did not say is still its words
        "The court did not say the council could keep the fees.",
        # a reporting clause that closes the sentence owns what comes before it
        "The tremors suggest the volcano is likely to erupt again, says a new survey.",
        "This implies that the dam probably leaked for years, the engineers wrote.",
    ],
)
def test_hedges_inside_reported_clauses_are_the_speakers(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # first person: the authors' own hedge (a research abstract, a columnist)
        ("We found that the new drug may lower blood pressure.", "may"),
        # "as seems likely": the author's own comment inside a reported passage
        ("If the board approved the merger, as seems likely, fares will rise.", "seems"),
        # a lone determiner read as a source makes no speaker
        ("With the first reported case in May, there’s a good chance it spread earlier.",
         "there’s a good chance"),
    ],
)
def test_the_authors_own_hedges_stay_flagged(text: str, cue: str) -> None:
    assert cue in flagged(text)


def test_a_closing_reporting_clause_names_its_speaker() -> None:
    a = analyse("The dam probably leaked for years, the engineers wrote.\n")
    assert [(h.text, h.speaker, h.flagged) for h in a.hedges] == [
        ("probably", "the engineers", False)
    ]


# --------------------------------------------------------------------------- not asserted


@pytest.mark.parametrize(
    "text",
    [
        "The test for a grant is whether applicants are likely to finish the course.",
        "Inspectors will decide whether the bridge could carry buses.",
    ],
)
def test_cues_inside_an_indirect_question_are_not_reported(text: str) -> None:
    assert flagged(text) == []


def test_the_clause_after_an_indirect_question_is_asserted() -> None:
    assert flagged("Whether or not the plan works, it may cost more.") == ["may"]
    assert flagged("It is not clear whether the levy could pass.") == ["It is not clear whether"]


def test_a_title_case_line_in_the_body_is_not_reported() -> None:
    text = ("The council met on Monday and the levy may rise.\n\n"
            "What the New Levy Could Mean for Renters\n\n"
            "The vote is due in June.\n")
    a = analyse(text)
    found = [a.doc.text[f.start : f.end] for f in a.findings if f.code == "HDG001"]
    assert found == ["may"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a reporting verb used as a noun reports nothing
        ("Concerns grew on Monday over claims that ballots had arrived late, apparently "
         "tipping the count.", "apparently"),
        # "say" with an object is not a report of the clause after it
        ("Many backers do not want to say so publicly, with some likely to wait until spring.",
         "likely"),
        # a closing reporting clause covers its quotation, not the author's words before a colon
        ("At the time, the mayor seemed to back down: “We will wait,” she told reporters.",
         "seemed"),
        # a hedge inside a noun phrase of an indirect question is still the author's
        ("The dispute over whether to reopen the seemingly doomed mill is another hurdle.",
         "seemingly"),
        # "that said" is a discourse marker, not a report
        ("That said, the ruling may matter more than it seems.", "may"),
    ],
)
def test_the_speaker_rules_leave_the_authors_hedges_alone(text: str, cue: str) -> None:
    assert cue in flagged(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The hill is traditionally thought to be a burial site.",
         "is traditionally thought to"),
        ("Little is known about the second driver.", "Little is known"),
        ("The cause of the blaze remains unknown.", "unknown"),
        ("Turnout fell, which implies that the campaign failed.", "which implies that"),
    ],
)
def test_more_news_cues(text: str, cue: str) -> None:
    assert cue in [c.text for c in find_cues(text)]


def test_an_unknown_quantity_and_a_named_insinuation_are_not_cues() -> None:
    assert find_cues("An unknown number of people fled.", ("epistemic",)) == []
    assert find_cues("Senators implied that the deal was dead.", ("epistemic",)) == []


def test_a_passive_said_to_is_no_ones_report() -> None:
    # "are said to be" is the reportative cue itself (vague attribution), not a subject
    # reporting the rest of the sentence: the author's inference after it stays flagged
    assert "likely" in flagged(
        "Board members are said to be split, meaning the final say will likely fall to the chair.")


def test_a_dash_and_after_reported_content_opens_the_authors_addition() -> None:
    assert "likely" in flagged(
        "Two counties confirmed cases of the new strain – and more counties are likely to follow.")
    # a noun phrase after the dash is still inside what the residents fear
    a = analyse("Some residents fear that the new arena – and potential late concerts "
                "could bring more traffic.\n")
    # ("potential" before a noun of an event is no cue at all: only "could" is recorded)
    assert [h.flagged for h in a.hedges if h.text in ("potential", "could")] == [False]
    # without the dash the clause is still read as part of what was confirmed
    a = analyse("Two counties confirmed that more counties are likely to follow.\n")
    assert [h.flagged for h in a.hedges if h.text == "likely"] == [False]
