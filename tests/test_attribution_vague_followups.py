"""ATT001 on unnamed sources that news copy refers back to or cites second-hand, and on
look-alikes that name someone or report nothing (``rules/attribution/vague.py``,
``vague_groups.py``, ``vague_passive.py``, ``vague_named.py``). Our own sentences."""

from __future__ import annotations

import pytest

from tests.families import analyse_attribution


def _vague(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an unnamed official told of before, with modifiers that are no name
        ("The ferry talks stalled on Monday. \"We are close,\" the Norwegian official said, "
         "adding that the text ran to nine pages.", "the Norwegian official said"),
        ("A senior E.U. official spoke to reporters. Later the senior E.U. official said "
         "the vote would slip.", "the senior E.U. official said"),
        # an unnamed group whose modifiers are joined ("Senior U.S. and Danish officials")
        ("Senior U.S. and Danish officials suggested there was not enough time left.",
         "Danish officials suggested"),
        # an outlet or a document citing or quoting an unnamed person
        ("The Harbour Ledger, citing an unnamed port official, said the pier would close.",
         "citing an unnamed port official"),
        ("The agency quoted an \"informed source\" as denying the merger.",
         "quoted an \"informed source"),
        ("The radio station, quoting two people briefed on the deal, said it was signed.",
         "quoting two people"),
        # the diplomats told of before, unnamed, judging; casting doubt; sounding the alarm
        ("Diplomats close to the talks said progress was slow. The diplomats cautioned "
         "against hope of a deal this week.", "The diplomats cautioned"),
        ("Engineers at the site also cast doubt on the timetable.",
         "Engineers at the site also cast"),
        ("Critics have blasted the council for cutting the night buses.",
         "Critics have blasted"),
        # a group's account going on in the next sentence
        ("Critics, including former ferry captains, have blasted the plan. They dismiss talk "
         "of a faster crossing. They argue that the old route was safer.", "They argue"),
        # members counted off with a capitalised modifier are not named ones
        ("Critics, including former Navy pilots and coaches, say the base is unsafe.",
         "Critics, including former Navy pilots and coaches, say"),
        # a view or a concern held by no one named; a parenthetical agentless report
        ("So the argument is that a small tunnel is cheaper than a bridge.",
         "the argument is that"),
        ("Concerns exist that the new rules will raise rents.", "Concerns exist that"),
        ("The blaze, it was learnt, started in the boiler room.", "it was learnt"),
        # media of a place or a kind, no outlet named
        ("A blast shook the depot on Friday morning, Dutch media said.", "Dutch media said"),
        ("The fire spread to the roof, according to local media.",
         "according to local media"),
        # an unnamed official told of before, in a long sentence with another source
        ("Asked about the ruling, which the Ledger reported on Monday, the official said the "
         "port would appeal.", "the official said"),
        # an act before the report; haste to report; a passive whose agent is a group
        ("But reporters interrupted and pointed out that the pier had been shut before.",
         "reporters interrupted and pointed"),
        ("Policy experts were quick to warn that the levy would raise rents.",
         "Policy experts were quick to warn"),
        ("Engineers at the depot in Leeds also cast doubt on the timetable.",
         "Engineers at the depot in Leeds also cast"),
        ("The levy is being widely critiqued by tax experts as unfair.",
         "critiqued by tax experts"),
        # a modifier in capitals joined to another ("US and diplomatic officials")
        ("The ferry was sold to a Danish firm, UK and port officials told the Ledger.",
         "UK and port officials told"),
        # reports that surface with no source; a joined group of unnamed people
        ("On Monday, reports emerged that the harbour master had resigned.",
         "reports emerged that"),
        ("Residents and visitors said they saw the pier sway in the wind.",
         "Residents and visitors said"),
        # an outlet citing unnamed people with no determiner; "It was gathered"; a judgement
        # passive with an adverb inside
        ("The bid rose, the newspaper said, citing people involved in the talks.",
         "citing people"),
        ("It was gathered the bodies are being prepared for burial.", "It was gathered"),
        ("The ferry firm has also been criticised for its plan to cut night crossings.",
         "has also been criticised"),
        # a forecast figure after a group and an aside
        ("The firm made $9 billion, while analysts, on average, had forecast $8 billion.",
         "analysts, on average, had forecast"),
        # a concern with what it holds
        ("Two members of the board voiced concerns that the levy was illegal.",
         "Two members of the board voiced"),
    ],
)
def test_unnamed_sources_are_flagged(text: str, flagged: str) -> None:
    got = _vague(text)
    assert any(flagged in g or g in flagged for g in got), got


@pytest.mark.parametrize(
    "text",
    [
        # an official named with that role before
        ("Norwegian official Kari Dahl met the press. \"We are close,\" the Norwegian "
         "official said."),
        ("Kari Dahl, a senior ferry official, met the press. \"We are close,\" the senior "
         "ferry official said."),
        # a citing phrase followed by the name
        "The Harbour Ledger, citing an official, Kari Dahl, said the pier would close.",
        # a group named by who leads it, or by one of its members, told of before
        ("The mice fell ill, according to researchers led by Ann Lee at Harbour University. "
         "The cages were too clean, the researchers said."),
        ("\"Prices follow neighbours,\" says Tom Berg, one of the authors of the study. But "
         "the authors say most such stocks fizzle out."),
        # a concern about a topic only: an act, no claim reported
        "Two members of the board voiced concerns over the levy and asked to delay the vote.",
        "Several authors of the bill have expressed deep concerns.",
        "Residents raised concerns about traffic at the meeting.",
        # a wish expressed; money spent
        "Two members of the board expressed a desire not to vote on the levy.",
        "Officials spent $9 million on the pier.",
        # summoned, not named; nothing reported
        "The army has been called in to help with the floods.",
        "No deaths have been reported, though the roads are shut.",
        "No injuries were reported after the blast on Friday.",
        # a pronoun after a sentence that opens with no unnamed group
        "Harbour Police officers searched the car. They said a knife was found.",
        "Ann Lee and Tom Berg ran the depot. They argue that it made money.",
        # media named; an official named with the role before; haste to act
        "Media outlets such as the Harbour Ledger said the pier was shut.",
        "Ann Lee, a senior port official, met us. The official said the pier was shut.",
        "Police were quick to arrest the driver.",
        # an alarm sounded with no content: a concern about a topic only
        "Policy experts were quick to sound the alarm after the levy was announced.",
        # a request, with whom it asks and what to do: an appeal, no claim
        "Harbour officials asked residents in the valley to stay indoors.",
        "City officials urged people to leave their homes before dark.",
        # a named body and its supporters: one of them is named
        "The Harbour Board and its supporters, however, believe the levy is fair.",
        # a spokesperson for a named body; a pronoun after named reporters
        "A spokesman for the Harbour Board denied that the pier was shut, the paper said.",
        ("Reporters Ann Lee and Tom Berg wrote that the talks were tense. They also point out "
         "that any merger faces hurdles."),
        # a problem, not a view
        "The problem is that the pier is old.",
    ],
)
def test_named_or_no_report_is_not_flagged(text: str) -> None:
    assert _vague(text) == []
