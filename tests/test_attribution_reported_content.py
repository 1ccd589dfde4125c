"""Relations whose content is someone's words or view, whatever the cue (issue 13): a cue
counts when it introduces content -- a proposition ("rejected the notion that ..."), a
quotation, what someone was called, a question put to an addressee -- while an action on a
plain object ("raised rates", "approved the budget", "rejected the budget") stays the
author's claim. Our own sentences, read through the attribution family as in the
pipeline, and the predicates of ``rules.attribution.cues`` on cue and content."""

from __future__ import annotations

import pytest

from checker.text.loader import document_from_text
from rules.attribution.cues import (
    asked_question,
    characterisation,
    clause_content,
    proposition_object,
    reported_content,
    spoken_content,
)
from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.extraction import _flag, extract
from rules.attribution.lexicon import get_lexicon
from tests.families import analyse_attribution


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


def _doc(cue: str, content: str) -> tuple[TokenDoc, list[tuple[int, int]]]:
    text = f"Someone {cue} {content}."
    a = text.index(content, len("Someone ") + len(cue))
    return TokenDoc(text, _sentences(text), get_lexicon()), [(a, a + len(content))]


@pytest.mark.parametrize("text", [
    "The minister rejected the notion that the harbour plan was rushed.",
    "The council leader dismissed concerns that ferry fares would double in spring.",
    "Ana Ruiz repeated her contention that the budget was short by ten million.",
    "The mayor dismissed the report as a political stunt.",
    "The senator mocked the levy as “a tax on sunshine” during the debate.",
    "The mayor called the levy a tax on working families.",
    "The reporter asked the minister whether the ferry would run in winter.",
])
def test_a_cue_with_a_proposition_or_words_attributes_its_sentence(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert any(r.informational and r.source is not None for r in found)
    assert analyse_attribution(text).attributed == [True]


@pytest.mark.parametrize("text", [
    "The European Central Bank raised interest rates on Thursday.",
    "The council approved the budget after a long debate.",
    "The board rejected the budget for the new pier.",
    "The insurer paid the claims that were filed in May.",
    "The coach called the police a second time.",
    # (a request, "asked the council to vote", is the mayor's: tests/test_attribution_held.py)
    "The mayor asked the council a second time.",
])
def test_an_action_on_a_plain_object_stays_the_authors_claim(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert not any(r.informational for r in found)
    assert analyse_attribution(text).attributed == [False]


def test_an_infinitive_report_frames_its_sentence_without_a_source() -> None:
    text = "Lee used her speech to argue that the levy would pay for itself."
    an = analyse_attribution(text)
    assert an.attributed == [True]
    assert not any(s.cue.startswith("to ") for s in an.sources)


@pytest.mark.parametrize(("cue", "content", "expected"), [
    ("rejected", "the notion that the plan was rushed", True),
    ("responded", "Sunday to accusations that he lied", True),
    ("repeated", "his contention that the count was wrong", True),
    ("rejected", "the mayor's claim", True),  # a verb that answers what was said
    ("investigated", "the claim", False),  # no clause, and no answer to words
    ("paid", "the claims that were filed", False),  # a relative clause
    ("approved", "the plan that the board drew up", False),
    ("dismissed", "the coach after the loss", False),
])
def test_proposition_object(cue: str, content: str, expected: bool) -> None:
    d, spans = _doc(cue, content)
    assert proposition_object(d, cue, spans) is expected


@pytest.mark.parametrize(("content", "expected"), [
    ("“let us not get carried away” before the final", True),
    ("“bring back the old ferry” outside the hall", True),
    ("“Harbour Nights” at the fair", False),  # a title: two words
    ("“The Long Way Home” on Friday", False),  # a title: every longer word capitalised
    ("the plan “reckless”", False),  # the quotation does not open the content
])
def test_spoken_content(content: str, expected: bool) -> None:
    d, spans = _doc("cautioned", content)
    assert spoken_content(d, spans) is expected


@pytest.mark.parametrize(("cue", "content", "expected"), [
    ("called", "him a showman", True),
    ("called", "the levy a tax on families", True),
    ("called", "the police a second time", False),
    ("called", "an emergency session", False),
    ("called", "Lee on Friday", False),
    ("called", "it a night", False),
    ("dismissed", "the report as a stunt", True),
    ("has mocked", "the plan as “fantasy”", True),
    ("referred to", "the mayor as “our friend”", True),
    ("attacked", "the convoy as it crossed", False),
    ("dismissed", "the coach as losses mounted", False),
])
def test_characterisation_without_quotes_or_with_as(cue: str, content: str,
                                                    expected: bool) -> None:
    d, spans = _doc(cue, content)
    assert characterisation(d, cue, spans) is expected


@pytest.mark.parametrize(("cue", "content", "expected"), [
    ("asked", "the minister whether the ferry would run", True),
    ("asked", "voters if they would back the levy", True),
    ("asked", "the council to vote", False),
    ("asked", "for a recount", False),
    ("told", "the board whether it would run", False),  # no asking verb
])
def test_asked_question(cue: str, content: str, expected: bool) -> None:
    d, spans = _doc(cue, content)
    assert asked_question(d, cue, spans) is expected


@pytest.mark.parametrize(("content", "expected"), [
    ("that voters will back the levy", True),
    ("whether the ferry would run", True),
    ("that was built in May", False),  # a relative clause
    ("that victory to raise money", False),  # a demonstrative
    ("the budget", False),
])
def test_clause_content(content: str, expected: bool) -> None:
    d, spans = _doc("is betting", content)
    assert clause_content(d, spans) is expected
    assert reported_content(d, "is betting", spans) is expected


@pytest.mark.parametrize(("cue", "content", "informational"), [
    ("is betting", "that voters will back the levy", True),
    ("fumed", "“this is a disgrace to the harbour”", True),
    ("sued", "the board over the levy", False),  # an action the gate let in
    ("blocked", "the new law", False),
])
def test_a_weak_cue_reports_only_with_reported_content(cue: str, content: str,
                                                       informational: bool) -> None:
    text = f"Ann Lee {cue} {content}."
    d = TokenDoc(text, _sentences(text), get_lexicon())
    c = text.index(cue)
    a = text.index(content, c + len(cue))
    r = Extracted(source=(0, 7), cue=(c, c + len(cue)), content=[(a, a + len(content))],
                  source_text="Ann Lee", source_name="Ann Lee", cue_text=cue, kind="verb",
                  weak=True)
    _flag(d, [r])
    assert r.informational is informational
