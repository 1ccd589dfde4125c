"""Hedging on forms that unseen news copy writes: whose hedge a cue is when a report sits in an
opening subordinate clause, wh-clauses that ask rather than assert, and lexicon forms of
forecasts, analysis and crime reports (our own example sentences)."""

from __future__ import annotations

import pytest

from checker.core.analysis import Analysis
from rules.hedging import find_cues
from tests.families import analyse_hedging, hedge_findings


def analyse(text: str) -> Analysis:
    return analyse_hedging(text + "\n")


flagged = hedge_findings


def cues(text: str) -> list[str]:
    return [c.text for c in find_cues(text)]


# ------------------------------------------------------------- whose hedge: opening clauses


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("After the mayor said she would resign, the council may choose a new leader in May.",
         "may"),
        ("When the ministry announced the cuts, shares likely fell because traders panicked.",
         "likely"),
        ("Although the agency said fares would stay flat, they could rise again by spring.",
         "could"),
        ("Hours after the coach told reporters he was staying, the club seemed to change course.",
         "seemed"),
        ("Because the airline reported record bookings, prices might climb further this summer.",
         "might"),
    ],
)
def test_a_report_in_an_opening_clause_leaves_the_main_clause_to_the_author(
        text: str, cue: str) -> None:
    assert any(f.startswith(cue) for f in flagged(text))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the hedge is inside the opening clause's report
        ("If the mayor says the plan may fail, the council will vote again.", "may"),
        # the opening clause closed before the report: the main clause is the report
        ("After the meeting, the mayor said the council may choose a new leader.", "may"),
        # the comma opens a phrase inside the report, not the main clause
        ("When the minister said taxes could rise, according to aides, nobody objected.",
         "could"),
    ],
)
def test_a_hedge_inside_the_report_stays_the_speakers(text: str, cue: str) -> None:
    a = analyse(text)
    found = [h for h in a.hedges if h.text.startswith(cue)]
    assert found and not any(h.flagged for h in found)


def test_good_reason_to_think_is_the_authors_stance_not_a_speaker() -> None:
    assert flagged("There is good reason to think the party might well win the seat.") == [
        "might well"]


# ------------------------------------------------------------- asked, not asserted


@pytest.mark.parametrize(
    "text",
    [
        "The team built a model to identify which lakes are likely to dry out first.",
        "Police gave no explanation of what may have caused the fire.",
        "Nobody knows how the two firms could merge their networks.",
        "Engineers are still investigating why the dam might have failed.",
    ],
)
def test_a_wh_clause_after_knowing_or_asking_is_not_a_hedge(text: str) -> None:
    assert flagged(text) == []


def test_a_relative_which_clause_still_hedges() -> None:
    assert flagged("The frogs, which may be the last of their kind, live in one pond.") == [
        "may be"]


# ------------------------------------------------------------- lexicon forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash typed as two hyphens opens a word
        ("The driver swerved--seemingly to avoid a deer.", ["seemingly"]),
        # a contracted copula before "expected to"
        ("Crews brace for what's expected to be a colder night.", ["expected to"]),
        ("The ferry’s expected to resume sailing on Friday.", ["expected to"]),
        # a forecast through a time of day, not "made possible through" something
        ("Light snow is possible through the evening.", ["possible"]),
        ("Entry is possible through the side gate only.", []),
        # "could see" a quantity or a change is a forecast; seeing is not a hedge
        ("Coastal towns could see up to ten inches of rain.", ["could"]),
        ("Some districts could see a sharp rise in rents.", ["could"]),
        ("From the roof she could see the smoke.", []),
        ("The busiest hour looks to be just after noon.", ["looks to be"]),
        ("The firm looks to expand into Asia.", []),
        # an estimate credited with "by" is not the author's hedge
        ("Output fell short of the 2% suggested by the central bank.", []),
        # "appear" before a degree word and an adjective
        ("Some of the reforms appear more politically risky than others.", ["appear"]),
        ("The twins appear more often on radio than on television.", []),
        # "should" of expectation after an inanimate subject
        ("The showers will clear by noon and rivers should be fine.", ["should"]),
        ("This should be a good year for growers.", ["should"]),
        ("The new line opens in March, which should ease congestion.", ["should"]),
        # "should" of obligation, advice or a condition is no hedge
        ("Drivers should avoid the bridge until further notice.", []),
        ("It should be noted that the figures are provisional.", []),
        ("The statute that should be repealed dates from 1870.", []),
        ("Should the talks fail, the strike goes ahead.", []),
        # "potential" hedges a sign or a cause, not a hypothetical event or person
        ("The rash is a potential sign of an allergy.", ["potential"]),
        ("Investors weighed a potential merger with a rival.", []),
        ("The rock is a potential hazard to ships.", []),
    ],
)
def test_lexicon_forms_of_news_copy(text: str, expected: list[str]) -> None:
    assert [c for c in cues(text) if c in expected or not expected] == expected


def test_not_everybody_knows_is_no_booster() -> None:
    a = analyse("Not everybody knows that the lake froze in 1963.")
    assert [f for f in a.findings if f.code == "HDG002"] == []
    assert cues("Everybody knows the lake froze in 1963.") == ["Everybody knows"]


# ------------------------------------------------------------- denials, closing reports


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is no evidence to suggest that the dye harms fish.", []),
        ("There is little reason to suggest the bridge is unsafe.", []),
        ("Early counts suggest turnout rose in the north.", ["suggest"]),
        ("It is still too early to say whether the dam will hold.", ["too early to say"]),
        ("It's too soon to tell how many homes were lost.", ["too soon to tell"]),
    ],
)
def test_denials_and_too_early_to_tell(text: str, expected: list[str]) -> None:
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an inverted closing report: "..., say people who know the plans"
        "The insurer is likely to cut 500 jobs this year, say people briefed on the plans.",
        # a verb of estimating or expecting whose clause has no "that"
        "The weather office estimates it could be the wettest June on record.",
        "Analysts expect the rate may rise again in June.",
    ],
)
def test_reports_without_that_or_inverted_own_their_hedges(text: str) -> None:
    a = analyse(text)
    assert a.hedges and not any(h.flagged for h in a.hedges if h.category == "epistemic")


def test_a_study_that_suggests_owns_its_hedges_but_the_authors_figures_do_not() -> None:
    a = analyse("The upside is that early trials suggest that the drug works, although it might "
                "be weaker in older patients.")
    assert not any(h.flagged for h in a.hedges if h.text.startswith("might"))
    # the author's own reading of the figures stays the author's hedge
    assert "suggest" in flagged("The latest figures suggest that rents have stopped rising.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named person who indicates or suggests something reports it
        ("Board chair Maria Lopez has indicated that the vote will go ahead.", []),
        ("Senator Ann Cole suggested that the audit was rushed.", []),
        ("The latest survey indicated that rents may rise.", ["indicated that", "may"]),
        # "make X seem", "cause X to appear": how a thing looks, not a hedge
        ("The low count makes the outbreak seem small.", []),
        ("Dust causes the moon to appear to glow red.", []),
        ("The outbreak seems to be slowing.", ["seems"]),
        # an expectation without "to"
        ("More storms are expected.", ["are expected"]),
    ],
)
def test_named_reports_appearances_and_bare_expectations(text: str,
                                                         expected: list[str]) -> None:
    assert cues(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It wasn't clear whether the pump had failed.", ["wasn't clear"]),
        ("It isn’t known how many boats sank.", ["isn’t known"]),
        ("The results weren't always clear-cut.", []),
    ],
)
def test_contracted_not_clear_or_known(text: str, expected: list[str]) -> None:
    assert cues(text) == expected


def test_a_dash_and_though_after_a_report_opens_the_authors_addition() -> None:
    text = ("A county official told reporters that the levee had been leaking for weeks "
            "– though it is not clear exactly how long.")
    assert flagged(text) == ["not clear"]


# ------------------------------------------------- a speaker's hedge, other people's reports


def hedged(text: str) -> bool:
    """Whether a one-sentence article's sentence is ``hedged`` (what sentences.csv shows)."""
    return any(analyse(text).hedged)


@pytest.mark.parametrize(
    "text",
    [
        '"It is far too early to tell," said Dr. Ravi Menon of Eastbrook Clinic.',
        "The harbour master said it was too early to say whether the ferry would run again.",
    ],
)
def test_a_sentence_whose_only_hedge_is_a_speakers_is_not_hedged(text: str) -> None:
    a = analyse(text)
    assert a.hedges and not any(h.flagged for h in a.hedges)
    assert not any(a.hedged)


def test_the_authors_own_hedge_still_makes_the_sentence_hedged() -> None:
    assert hedged("It is too early to say whether the ferry will run again.")
    # the author's cue beside a speaker's: still the author's uncertainty
    assert hedged("The council will probably vote in May, after the harbour master said the "
                  "ferry might run again.")


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # a study's finding, with or without "that"
        ("A new survey suggests tenants may be paying more than they realise.", "A new survey"),
        ("A study of 12,000 nurses suggests that night shifts may raise the risk.",
         "A study of 12,000 nurses"),
        # an organisation or an official that indicates something states it
        ("The transport department indicated that fares could rise in spring.",
         "The transport department"),
        ("Company officials indicated that the plant might close.", "Company officials"),
        # a closing report of speculation: the hedge and the verb are the researchers'
        ("Warm winters could shorten the season, the researchers speculate.",
         "the researchers"),
    ],
)
def test_a_study_or_organisation_that_suggests_or_indicates_reports_it(text: str,
                                                                     owner: str) -> None:
    verb = next(h for h in analyse(text).hedges
                if h.text.lower().startswith(("sugg", "indic", "spec")))
    assert (verb.speaker, verb.flagged) == (owner, False)
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the author's reading of evidence stays the author's hedge
        "These numbers suggest that the scheme may be working.",
        "This indicates that the pump failed.",
        "Higher prices suggest that demand is cooling.",
    ],
)
def test_the_authors_own_reading_of_evidence_stays_flagged(text: str) -> None:
    assert flagged(text)[:1] and flagged(text)[0].lower().startswith(("sugg", "indic"))
