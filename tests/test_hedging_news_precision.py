"""Hedging precision on news copy: idioms and constructions that carry a hedge word but state
no doubt of the author's ("can't seem to", "not known as", "was supposed to be", "made the
merger possible", "suggested the aide be fired", "how easily a newcomer could win"), the
legal caution of "the alleged gunman"; and hedges that are a speaker's: a named source's own
verb of saying ("Okafor suggested that ...") and the turns of an interview transcript
("HOLT: I think ...")."""

from __future__ import annotations

import pytest

from rules.hedging import find_cues
from rules.hedging.speakers import transcript_speaker
from tests.families import analyse_hedging, hedge_findings

analyse = analyse_hedging
flagged = hedge_findings


def hedge_cues(text: str) -> list[str]:
    return [c.text for c in find_cues(text, ("epistemic", "reportative", "weasel"))]


# --------------------------------------------------------------------------- not hedges


@pytest.mark.parametrize(
    "text",
    [
        # a verdict the author boosts, not a doubt
        "The old excuses for the delay seem downright reckless today.",
        "The rule seems utterly absurd to the growers.",
        # inability, not doubt
        "The coach just can't seem to settle on a goalkeeper.",
        "The council cannot seem to agree on a budget.",
        "She couldn’t seem to find the receipts.",
        # a reputation, not an unknown
        "The ferry operator is not known as a generous employer.",
        "The senator isn't known for patience with reporters.",
        # an intention or an arrangement that did not hold, not hearsay
        "The toll was supposed to be temporary.",
        "The bridge wasn’t supposed to be closed this long.",
        "The cuts were originally supposed to be reversed in spring.",
        # enabling, not a possibility
        "A loan from the state made the new stadium possible.",
        "Volunteers made the festival's reopening possible.",
        # a proposal (the mandative subjunctive), not evidence
        "The inspector suggested the ramp be rebuilt.",
        "Two trustees suggested that the vote be delayed until March.",
        "The auditors suggested the fees not be raised.",
        # legal caution about a charge not yet proven, not the author's doubt
        "The alleged gunman appeared in court on Tuesday.",
        "Two of the alleged victims were minors.",
        "The alleged armed robbery took place near the depot.",
        "The trader allegedly laundered cash through a car wash.",
        "The guard allegedly punched a visitor.",
        # a person's reporting verb, not evidence
        "A retired admiral who suggested the port should be sold has resigned.",
        "She repeatedly suggested the figures were wrong.",
        "They publicly suggested that the count was rigged.",
        # an equative, not a possibility
        "The clinic wanted to vaccinate as many children as possible before winter.",
        # the degree of an ability, not a possibility
        "The primary showed how easily an outsider could outspend the party's favourite.",
        "The drill tested how quickly crews could clear the tunnel.",
    ],
)
def test_idioms_and_constructions_are_not_hedges(text: str) -> None:
    assert hedge_cues(text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The striker seems to have lost his pace.", "seems"),
        ("A late deal seems truly unlikely.", "seems"),
        ("Why the pump failed is not yet known.", "not yet known"),
        ("It is not known whether the levee held.", "It is not known whether"),
        ("The amulet is supposed to be cursed.", "supposed"),
        ("The board made a possible accounting error.", "possible"),
        ("The readings suggested the well was contaminated.", "suggested"),
        ("The outage suggests the grid may be overloaded.", "suggests"),
        ("The flood could close the bridge by Friday.", "could"),
        ("The drop in Texas suggests demand is cooling.", "suggests"),
        ("Rain in April suggested the drought was over.", "suggested"),
        ("A deal with the union is possible.", "possible"),
        ("The alleged cover-up reached the cabinet.", "alleged"),
        ("The firm allegedly knew of the fault for years.", "allegedly"),
    ],
)
def test_the_hedges_around_them_stay_cues(text: str, cue: str) -> None:
    assert cue in hedge_cues(text)


# --------------------------------------------------------------------------- named speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Neither rival has won a county, and Okafor strongly suggested they should quit.",
         "Okafor"),
        ("The mayor, Ana Ruiz, bluntly suggested that the plan was dead.", "Ana Ruiz"),
        ("Tomas Berg, the club's treasurer, suggested that the losses came from bad luck.",
         "Tomas Berg"),
    ],
)
def test_a_named_speakers_verb_of_saying_is_theirs(text: str, speaker: str) -> None:
    a = analyse(text + "\n")
    assert flagged(text) == []
    said = [h for h in a.hedges if h.text.lower().startswith("suggest")]
    assert [(h.speaker, h.flagged) for h in said] == [(speaker, False)]
    # what the sentence says is still put forward as tentative: it stays hedged
    assert a.hedged[said[0].sentence] is True


@pytest.mark.parametrize(
    "text",
    [
        "The early figures suggest that turnout fell in the valley.",  # a document: evidence
        "Ana Ruiz seemed to hesitate before the vote.",  # the author's reading of her
        "Okafor may have left the party before the count.",
    ],
)
def test_other_hedges_by_a_named_subject_stay_the_authors(text: str) -> None:
    assert flagged(text) != []


# --------------------------------------------------------------------------- transcripts


TRANSCRIPT = (
    "The governor spoke to the station on Sunday.\n\n"
    "HOLT: Governor, I think voters will want answers on the levy.\n\n"
    "GOV. MARIA LOPEZ: Well, I think the levy probably passes, and the schools may reopen "
    "in the fall.\n\n"
    "The levy may still face a court challenge.\n"
)


def test_hedges_in_a_transcript_turn_are_the_speakers() -> None:
    a = analyse(TRANSCRIPT)
    assert flagged(TRANSCRIPT) == ["may still"]
    speakers = {(h.text, h.speaker) for h in a.hedges if not h.flagged}
    assert ("I think", "HOLT") in speakers
    assert ("probably", "GOV. MARIA LOPEZ") in speakers
    assert ("may", "GOV. MARIA LOPEZ") in speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("HOLT: I think so.", "HOLT"),
        ("SEN. JANE ROE (D-Ore.): Maybe next week.", "SEN. JANE ROE"),
        ("UPDATE: The road may reopen on Friday.", ""),  # a label of the page
        ("EDITOR'S NOTE: The vote may be delayed.", ""),
        ("A: I think it will pass.", "the interviewee"),  # a question-and-answer interview
        ("Q: Might the vote slip?", "the interviewer"),
        ("B: Maybe next week.", ""),  # no other one-letter label names anyone
        ("Update: the road may reopen.", ""),  # not in capitals
        ("The road may reopen: HOLT said so.", ""),  # the label must open the line
    ],
)
def test_transcript_speaker(text: str, speaker: str) -> None:
    assert transcript_speaker(text, len(text) - 3) == speaker


def test_a_page_label_keeps_the_authors_hedge() -> None:
    assert flagged("UPDATE: The road may reopen on Friday.") == ["may"]
