"""Attributions the extractor used to miss or throw away, by class: a document, poll or
data set that reports a finding without a that-clause ("a new poll shows the mayor
ahead"). Our own sentences, read through the attribution family as in the pipeline."""

from __future__ import annotations

import pytest

from checker.core.analysis import DOCUMENT
from checker.text.loader import document_from_text
from rules.attribution.candidates import as_put_it
from rules.attribution.cues import (
    addressed_clause,
    characterisation,
    document_evidence,
    document_finding,
    judgement,
    spoken_object,
)
from rules.attribution.doc import TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.lexicon import get_lexicon
from tests.families import analyse_attribution


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


@pytest.mark.parametrize("text", [
    "The latest Harbor Institute poll showed the mayor leading the field with 31 percent.",
    "A new survey shows the governor ahead by ten points in the county.",
    "Last week's county poll showed a slimmer lead for the incumbent.",
])
def test_a_document_reporting_a_finding_attributes_its_sentence(text: str) -> None:
    an = analyse_attribution(text)
    assert an.attributed == [True]
    found, _ = extract(text, _sentences(text))
    assert any(r.informational and r.cue_text.lower().startswith("show") for r in found)


@pytest.mark.parametrize(("text", "source"), [
    # a data subject whose postmodifier names its author, in the present tense, with no
    # "that": the cue classifier alone turned the verb down after a capitalised name
    ("Figures from the Pellworth Trust show waiting times grew sharply last winter.",
     "Figures from the Pellworth Trust"),
    ("Data from the Office for Ferry Statistics suggest fares rose by a tenth.",
     "Data from the Office for Ferry Statistics"),
    ("The latest records from the Grain Council indicate yields fell in the north.",
     "The latest records from the Grain Council"),
])
def test_figures_from_a_body_report_a_finding(text: str, source: str) -> None:
    an = analyse_attribution(text)
    assert an.attributed == [True]
    assert [(s.name, s.kind) for s in an.sources] == [(source, DOCUMENT)]


@pytest.mark.parametrize("text", [
    # a place, not an author, after the head; a clause boundary before the verb
    "Figures in the old mural show two women at a well.",
    "Figures from the archive, which the museum bought, show two women at a well.",
])
def test_figures_without_an_author_are_no_document_finding(text: str) -> None:
    d = TokenDoc(text, _sentences(text), get_lexicon())
    verb = next(i for i, t in enumerate(d.toks) if t.low == "show")
    assert not document_finding(d, verb)


@pytest.mark.parametrize("text", [
    "The mayor showed reporters the new bridge on Friday.",
    "The harbour master found the missing boat near the pier.",
])
def test_a_person_showing_or_finding_a_thing_stays_an_action(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert not any(r.informational for r in found)
    assert analyse_attribution(text).attributed == [False]


@pytest.mark.parametrize(("text", "source", "cue", "expected"), [
    ("The new county figures put the cost at 40 million dollars.", "The new county figures",
     "put", True),
    ("Campaign records show a gap.", "Campaign records", "show", True),
    ("The early results gave the senator a narrow lead.", "The early results", "gave", True),
    ("The mayor showed the plans.", "The mayor", "showed", False),
    ("The new poll worried the mayor.", "The new poll", "worried", False),
])
def test_document_evidence(text: str, source: str, cue: str, expected: bool) -> None:
    d = TokenDoc(text, _sentences(text), get_lexicon())
    a = text.index(source)
    assert document_evidence(d, (a, a + len(source)), cue) is expected


@pytest.mark.parametrize("text", [
    "The mayor accused the council of hiding the costs of the bridge.",
    "Residents praised the fire crews for their quick response.",
    "The union has repeatedly criticized the board for cutting night shifts.",
    "The senator blamed the ministry for the delays at the border.",
])
def test_praise_or_blame_of_someone_reports_the_speakers_judgement(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert any(r.informational and r.source is not None for r in found)
    assert analyse_attribution(text).attributed == [True]


@pytest.mark.parametrize("text", [
    "The lorry slammed into the wall of the depot.",
    "Russian forces attacked the town at dawn.",
    "The harbour board charged the ferry company a higher fee.",
])
def test_physical_or_legal_acts_stay_unattributed(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert not any(r.informational for r in found)
    assert analyse_attribution(text).attributed == [False]


@pytest.mark.parametrize(("cue", "content", "expected"), [
    ("accused", "the council of hiding costs", True),
    ("has repeatedly criticized", "the board for cuts", True),
    ("slammed", "into the wall", False),
    ("attacked", "the town", False),
    ("complained", "about the noise", False),
    ("commentators", "the plan", False),
])
def test_judgement(cue: str, content: str, expected: bool) -> None:
    text = f"Someone {cue} {content}."
    d = TokenDoc(text, _sentences(text), get_lexicon())
    a = text.index(content)
    assert judgement(d, cue, [(a, a + len(content))]) is expected


@pytest.mark.parametrize("text", [
    "The mayor called the council’s decision “reckless.”",
    "Most farmers see the new levy as a threat to their income.",
    "The critics portrayed the budget as a giveaway to developers.",
])
def test_a_characterisation_reports_the_speakers_view(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert any(r.informational and r.source is not None for r in found)
    assert analyse_attribution(text).attributed == [True]


@pytest.mark.parametrize("text", [
    "The neighbour called the police.",
    "The harbour master saw the boat near the pier on Friday.",
])
def test_calling_or_seeing_a_thing_is_no_characterisation(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert not any(r.informational for r in found)
    assert analyse_attribution(text).attributed == [False]


@pytest.mark.parametrize(("cue", "content", "expected"), [
    ("called", "the plan “reckless”", True),
    ("called", "the police", False),
    ("has labelled", "the tax 'disgraceful'", False),  # single quotes alone: no marks read
    ("has labelled", "the tax a disgrace", True),  # an indefinite complement: what it was called
    ("sees", "the senator as a uniter", True),
    ("saw", "the boat near the pier", False),
    ("regarded", "asbestos", False),
    ("built", "the shed as a store", False),
    # the "as" must belong to the object's complement, not to a later clause
    ("dismissed", "the plan as a stunt", True),
    ("attacked", "the ferry timetable as “a shambles”", True),
    ("attacked", "the convoy near the border on Friday, which came as a surprise", False),
    ("dismissed", "the coach after the defeat, as a storm of criticism grew", False),
    ("saw", "the pier on Friday, as a crowd gathered", False),
])
def test_characterisation(cue: str, content: str, expected: bool) -> None:
    text = f"Someone {cue} {content}."
    d = TokenDoc(text, _sentences(text), get_lexicon())
    a = text.index(content)
    assert characterisation(d, cue, [(a, a + len(content))]) is expected


@pytest.mark.parametrize("text", [
    "The minister reiterated her support for the rent cap.",
    "The coach bemoaned the state of the pitch after the match.",
    "The campaign has touted the endorsement on its website.",
])
def test_a_speech_verb_with_what_was_said_as_its_object_reports(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert any(r.informational and r.source is not None for r in found)
    assert analyse_attribution(text).attributed == [True]


@pytest.mark.parametrize(("cue", "expected"), [
    ("has repeatedly stressed", True), ("explained", True), ("reiterated", True),
    ("note", False),  # the noun: "a handwritten note"
    ("noted", False),  # also noticed or wrote down: "noted the readings in her log"
    ("boasts", False),  # "the town boasts a harbour": has
    ("conceded", False),  # "conceded the race": gave up
    ("recalled", False),  # "recalled 10,000 cars"
    ("explainable", False), ("", False),
])
def test_spoken_object(cue: str, expected: bool) -> None:
    assert spoken_object(cue) is expected


@pytest.mark.parametrize("text", [
    "The engineer noted the readings in her log.",
    "Nurses noted the patient's temperature every hour.",
])
def test_noting_something_down_is_no_report(text: str) -> None:
    assert analyse_attribution(text).attributed == [False]


def test_a_report_to_an_addressee_keeps_its_clause() -> None:
    text = "The union wrote to the board that it would not accept the offer."
    found, _ = extract(text, _sentences(text))
    assert any(r.informational and r.source is not None for r in found)
    assert analyse_attribution(text).attributed == [True]


@pytest.mark.parametrize(("cue", "content", "expected"), [
    ("wrote", "to the board that it would not accept", True),
    ("complained", "to reporters that the count was wrong", True),
    ("wrote", "to ask the board for a meeting", False),
    ("drove", "to the station that night", False),  # no reporting verb
    ("said", "that the count was wrong", False),  # no addressee: the rules' own case
])
def test_addressed_clause(cue: str, content: str, expected: bool) -> None:
    text = f"Someone {cue} {content}."
    d = TokenDoc(text, _sentences(text), get_lexicon())
    a = text.index(content)
    assert addressed_clause(d, cue, [(a, a + len(content))]) is expected


@pytest.mark.parametrize(("text", "source"), [
    ("Officials there said the pier would stay closed until spring.", "Officials"),
    ("Residents here say the ferry has been late every week since May.", "Residents"),
    ("Polls there show Lee trailing Berg just ahead of the vote.", "Polls"),
])
def test_a_place_adverb_between_source_and_cue_keeps_the_source(text: str,
                                                                 source: str) -> None:
    # "there" / "here" float between the subject and its verb like "however"
    found, _ = extract(text, _sentences(text))
    assert any(r.informational and r.source_text == source for r in found)
    assert analyse_attribution(text).attributed == [True]


@pytest.mark.parametrize(("text", "source"), [
    # a passive of praise or blame names its judge after "by": the judge is the source,
    # the subject is what is judged
    ("The ferry timetable was criticized by Mayor Lena Dorsch as a waste of money.",
     "Lena Dorsch"),
    ("The new ferry timetable has been roundly praised by Tomas Perl, who runs the café.",
     "Tomas Perl"),
    ("The harbour levy was condemned by the Dockers Guild on Tuesday.", "Dockers Guild"),
    # a group followed by the one of them who is named: the named one
    ("The ferry timetable has been praised by harbour critics, including economist Tomas "
     "Perl.", "Tomas Perl"),
    # the grounds of the judgement after the judge are no part of the judge
    ("The ferry timetable was criticised by commuters for the delays.", "commuters"),
    ("The ferry timetable was praised by Ann Lee as a model of its kind.", "Ann Lee"),
])
def test_a_passive_judgement_cites_its_judge(text: str, source: str) -> None:
    an = analyse_attribution(text)
    assert an.attributed == [True]
    assert [s.name for s in an.sources] == [source]
    found, _ = extract(text, _sentences(text))
    judged = [r for r in found if r.informational and r.source_text.endswith(source)]
    assert judged and text.startswith(text[judged[0].content[0][0]:judged[0].content[0][1]])


@pytest.mark.parametrize("text", [
    # acts that share the passive form: a vote, a jet of water, a greeting
    # a dispute between two parties is no judgement of anyone's
    "The island is disputed by the two harbour towns.",
    "The harbour levy was rejected by the council on Tuesday.",
    "The driver was blasted by a jet of water from the broken main.",
    "The visitors were welcomed by the mayor at the pier.",
])
def test_a_passive_act_by_someone_cites_nobody(text: str) -> None:
    an = analyse_attribution(text)
    assert an.sources == [] and an.attributed == [False]


@pytest.mark.parametrize(("text", "source"), [
    # "as <someone> put(s) it": the words around it are that person's
    ("As Lena Dorsch put it, the ferry plan is a betrayal of rural voters.", "Lena Dorsch"),
    ("The ferry plan, as The Valley Post's Ana Brill puts it, is a betrayal.", "Ana Brill"),
    ("As the mayor put it, the tide waits for no one.", "the mayor"),
])
def test_as_someone_put_it_cites_them(text: str, source: str) -> None:
    an = analyse_attribution(text)
    assert an.attributed == [True]
    assert [s.name for s in an.sources] == [source]


@pytest.mark.parametrize("text", [
    "As a rule, the ferry put it off until May.",
    "The ferry, as usual, put it off until May.",
    "As the tide rose, the crew put it back in the shed.",
])
def test_putting_something_off_is_no_report(text: str) -> None:
    d = TokenDoc(text, _sentences(text), get_lexicon())
    verb = next(i for i, t in enumerate(d.toks) if t.low == "put")
    assert not as_put_it(d, verb)
    assert analyse_attribution(text).sources == []


@pytest.mark.parametrize(("text", "source"), [
    # "in the view (opinion) of X", like "in the words of X"
    ("In the view of economist Ivo Tanner, the rate rise on the ferries came too late.",
     "Ivo Tanner"),
    ("The island fares are far too high, in the opinion of the Harbour Riders Trust.",
     "the Harbour Riders Trust"),
])
def test_in_the_view_of_someone_cites_them(text: str, source: str) -> None:
    an = analyse_attribution(text)
    assert an.attributed == [True]
    assert [s.name for s in an.sources] == [source]


@pytest.mark.parametrize("text", [
    # a view that is a sight: nobody holds it
    "In the view of the harbour camera, the quay was empty all night.",
    "In the view of the old lighthouse, the ferry slowly turned east.",
])
def test_in_the_view_of_a_thing_cites_nobody(text: str) -> None:
    assert analyse_attribution(text).sources == []
