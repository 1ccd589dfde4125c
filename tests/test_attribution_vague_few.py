"""ATT001 on an unnamed few as the source ("some saw it as", "led many to wonder") and on an
unnamed group as a passive's agent ("was seen by some as"), and not on look-alikes: a noun
after "some" ("some views on"), a named agent ("by the council"), a named person with
"others". Our own sentences."""

from __future__ import annotations

import pytest

from rules.attribution.lexicon import get_lexicon
from rules.attribution.vague import group_claims
from tests.families import analyse_attribution


def _vague(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Some saw the ferry fare rise as a tax on islanders.", "Some saw"),
        ("The depot closure, many would likely point out, came a week after the vote.",
         "many would likely point out"),
        ("Others have long argued that the tram line was never needed.",
         "Others have long argued"),
        ("Some of the drivers said the new timetable was unworkable.",
         "Some of the drivers said"),
        ("The late vote led some to speculate that the mayor had lost her majority.",
         "led some to speculate"),
        ("The delay left many to wonder whether the bridge would open at all.",
         "left many to wonder"),
        ("Many fear the mill will not reopen after the flood.", "Many fear"),
        ("The council pushed through what some call a tax on parking.", "some call"),
        ("The move to the harbour office was seen by some as a step down for the clerk.",
         "seen by some"),
        ("The budget was criticised by local economists for ignoring the harbour.",
         "criticised by local economists"),
        ("The pier is considered by many to be the oldest on the coast.",
         "considered by many"),
        ("The bypass was cancelled, as some have speculated.", "some have speculated"),
        # an unnamed group judging: "see ... as", "call it ...", "point to", "criticise"
        ("Given the vote, party leaders see him as a safe pair of hands.",
         "party leaders see"),
        ("Critics call it a tax on commuters.", "Critics call"),
        ("Some called it a tax on islanders by another name.", "Some called"),
        ("Others called for a recount of the harbour vote.", "Others called"),
        ("Many called him “reckless” after the vote.", "Many called"),
        ("The levy passed, but critics point to the rising fares.", "critics point"),
        ("Business groups criticise the levy on freight.", "Business groups criticise"),
        # "there are those who"
        ("There are those who believe the tram will never run.", "those who believe"),
        ("There are some economists who think the levy is too low.", "who think"),
        # unnamed people whose only name is the document quoting them
        ("Sources cited in the memo said the port might close.", "Sources cited in the memo"),
        # a group word counted off before the source span; a common word opening a sentence
        ("Many liberal Democrats have also warned the council not to raise the levy.",
         "Democrats have also warned"),
        ("The levy was raised in May. Protest groups say the new fees are unfair, and the "
         "protest goes on.", "Protest groups say"),
        ("The fire destroyed what investigators called the oldest mill in the county.",
         "what investigators called"),
        ("The fee stays under the level that economists generally consider fair.",
         "that economists generally consider"),
        # unnamed groups with a postmodifier, an aside, a joined pair, after a semicolon
        ("Owners of small ferries, for example, argue that the levy is unfair.",
         "Owners of small ferries"),
        ("The mill shut in May, where inspectors reported a cracked boiler.",
         "inspectors reported"),
        ("The tram fares, many economists say, are the highest in the region.",
         "many economists say"),
        ("The depot is short of drivers, nurses and care workers told the council.",
         "care workers told"),
        ("Levy row splits the council; Critics charge that the vote was rushed.",
         "Critics charge"),
    ],
)
def test_an_unnamed_few_is_flagged(text: str, flagged: str) -> None:
    found = _vague(text)
    assert any(flagged in f for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        # nouns after a quantifier, not verbs
        "The two candidates share some views on housing and transport.",
        "The late count was causing some worry at the party office.",
        "There were few calls for a recount after the vote.",
        # "called" as phoned
        "She added that some drivers have called her to complain about the detour.",
        # a named agent: the passive is attributed, not agentless
        "The pier is considered by the county archivist to be the oldest on the coast.",
        "The move to the harbour office was seen by Ana Ruiz as a step down for her clerk.",
        # seeing, calling (phoning) with no judgement
        "Residents saw flames over the pier.",
        "The mayor left early, and officials called him back.",
        # a thing seen, not a view: no "as" of judging after it
        "Many saw the regatta from the harbour wall on Saturday.",
        "Others saw a nurse at the clinic the next morning.",
        "The ferry house was viewed by some buyers on Tuesday.",
        "The harbour film was seen by many in its first week.",
        # calling as phoning, an idiom: no naming, no judgement
        "Some called the ferry office after the storm.",
        "Many called him back within the hour.",
        "Some of the players called it a night after the final whistle.",
        "Others called in sick on the day of the strike.",
        # people named in a document; one of the group is named; a relative after a name
        "Officials named in the report said the port might close.",
        "Ana Ruiz and others said the depot would close.",
        "The deal was struck over ten days with help from Harbour Commissioner Tomas Berg, who "
        "said he expects the ferries to run again next week.",
        "The ferry strike ended after talks with Transport Minister Ola Dahl, who said the "
        "crews would return on Monday.",
    ],
)
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert _vague(text) == []


def test_the_group_scan_leaves_a_group_named_by_its_employer_to_the_classifier() -> None:
    text = "Engineers at Acme Rail, for example, argue that the levy is unfair."
    assert group_claims(text, [(0, len(text))], get_lexicon()) == []
    text = "Engineers at the depot, for example, argue that the levy is unfair."
    spans = group_claims(text, [(0, len(text))], get_lexicon())
    assert [text[a:b] for a, b in spans] == ["Engineers at the depot, for example, argue"]
