"""ATT001 on unnamed groups that voice a stance or a concern, unnamed people described by
their access, reduced agentless passives, and the look-alikes that stay unflagged
(``rules/attribution/vague.py``, ``vague_few.py``, ``vague_passive.py``,
``findings.py``). Our own sentences."""

from __future__ import annotations

import pytest

from tests.families import analyse_attribution


def _vague(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an unnamed group in the progressive, or judging with an object
        ("Meanwhile, tenant groups are criticizing the council for raising rents twice.",
         "tenant groups are criticizing"),
        ("While planners say the depot brings jobs, many residents living beside it lament "
         "the noise.", "many residents living beside it lament"),
        ("Since the flood, farmers have blamed the new weir for the silt.",
         "farmers have blamed"),
        # a stance with a that-clause
        ("Some economists are concerned that the levy will push prices up.",
         "Some economists are concerned"),
        # a concern voiced by an unnamed group or an unnamed few
        # (with what the concern holds: a clause, "about whether", a colon)
        ("After the vote, many raised concerns that the tunnel would cost twice as much.",
         "many raised"),
        ("Parents have voiced alarm about whether the crossing will reopen.",
         "Parents have voiced"),
        # a place in the group's postmodifier names none of them
        ("Lawmakers in the U.S. are concerned that the data could be shared.",
         "Lawmakers in the U.S. are concerned"),
        # a quantifier counting off a capitalised group word
        ("The tax, many Liberals say, will never pass the upper house.", "many Liberals say"),
        # an unnamed group made to believe or say
        ("The leak caused residents to fear that the well water was unsafe.",
         "caused residents to fear"),
        # unnamed people described by their access, inside another report
        ("The Harbour Gazette reported that people close to the talks said the deal was "
         "off.", "people close to the talks"),
        ("The airline will cut 900 jobs, people briefed on the plan said.",
         "people briefed on"),
        ("Another local told the radio station that the ferry had not run for a week.",
         "Another local told"),
        # an unnamed group as the sayer of a relative clause, and "counter"
        ("The levy drew fire from various groups who claim it harms renters.",
         "various groups who claim"),
        ("The ruling alarmed legal experts, who warn that appeals will drag on.",
         "legal experts, who warn"),
        ("Supporters say the toll pays for the bridge; opponents counter that it hurts "
         "commuters.", "opponents counter"),
        # a reduced agentless passive
        ("A man, believed to be the driver, was taken to hospital.", "believed to be"),
        ("The wreck thought to have sunk in 1702 was found off the cape.",
         "thought to have"),
    ],
)
def test_an_unnamed_stance_or_access_is_flagged(text: str, flagged: str) -> None:
    got = _vague(text)
    assert any(flagged in g or g in flagged for g in got), got


@pytest.mark.parametrize(
    "text",
    [
        # a demand or a consent, not a report
        ("The port is busy again, but some officials insist on anonymity when they talk "
         "to reporters."),
        "In the end, the unions agreed to meet the ferry company on Monday.",
        # questioning people, charging a suspect: acts, not reports
        "Investigators are still questioning witnesses about the blaze.",
        "Prosecutors are charging the driver with careless driving.",
        # told, not telling
        "Residents were told that the water would be back by noon.",
        # a stance with no clause
        "Many residents are worried about the new road.",
        # hands raised, not concerns
        "At the meeting, many raised their hands when asked who drove to work.",
        # people close to a place, with nothing reported
        "About forty people close to the river were moved to the school hall.",
        # the reports told of before
        ("The Valley Ledger and the Harbour Gazette both covered the closure. The depot will "
         "shut in May, the reports said."),
        # an active verb after a pronoun, not a passive
        "They believed to the end in the plan.",
        # the people told, not the teller; a wish, not a report
        ("Patients being told they must wait nine hours is not acceptable, the minister "
         "Ana Ruiz said."),
        "When the dam failed, local leaders in the county weren't told what to say.",
        "At the hall, residents want to know how the fire crews would reach the plant.",
        # knowing states a fact; a named member among the group
        "The test works before many women know they are pregnant.",
        "The levy drew praise from Ana Ruiz and other tenants who say it helps.",
        # named members in an aside after the group
        "Harbour board members — including chair Ana Ruiz — said the port would stay open.",
        # named members and groups
        "Ana Ruiz and other tenants are criticizing the council for the rent rise.",
        "Meanwhile, Acme analysts are concerned that the levy will push prices up.",
    ],
)
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert _vague(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a definite office holder, told of before
        ("Mayor Ana Ruiz opened the bridge on Monday. The mayor said the tolls would end "
         "in May."),
        ("Former Transport Secretary Tom Berg spoke at the dock. The former secretary of "
         "state said the ferries were safe."),
        "Dr Lena Holm led the team. The surgeon said the patient was recovering well.",
        # a document whose author or publisher the phrase names
        ("Turnout was 61 percent, according to a new poll from Harbour University."),
        "Crime fell by a fifth, according to calculations by Ann Lee of the Civic Institute.",
        # a share or a count from a poll
        ("The union polled its members: 1,204 nurses said they backed the strike."),
        "In the survey, 28 percent of drivers said they would pay the toll.",
        "One in four drivers in a Harbour Gazette poll said the toll was too high.",
        # a definite leader, and both office holders, told of before
        ("Senate minority leader Ana Ruiz spoke last. The minority leader said the vote "
         "would fail."),
        ("Senators Ana Ruiz and Tom Berg met on Monday, both senators saying the port "
         "would stay open."),
        # "who" after a name in brackets
        ("The deputy (who chaired the inquiry and said the port was safe) left in May."),
    ],
)
def test_named_offices_documents_and_shares_are_not_vague(text: str) -> None:
    assert _vague(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # words for sources that hide a name stay vague when definite
        ("A port official spoke to us on Friday. The official said the cranes were idle.",
         "The official"),
        ("One source described the talks. The source said the deal was close.", "The source"),
        # an indefinite document with no author, and unnamed people of a named body
        ("Fares will rise in May, according to a report.", "according to a report"),
        # an adjective opening the sentence is no publisher's name
        ("Anecdotal evidence suggests that ferry fares doubled.", "Anecdotal evidence"),
        ("Ferry company officials say the timetable will change.", "officials"),
    ],
)
def test_sources_that_hide_a_name_stay_vague(text: str, flagged: str) -> None:
    got = _vague(text)
    assert any(flagged in g for g in got), got
