"""Nominal cues with their clause (issue 13, ``rules.attribution.nominal``): a noun of
something said or held, a named holder and a that-clause make the sentence someone's
words or view ("his insistence that ...", "the union's accusation that ...", "complaints
from Ana Ruiz that ..."); with no holder, a relative clause or a thing as holder it stays
the author's claim. Our own sentences, read through the attribution family as in the
pipeline."""

from __future__ import annotations

import pytest

from checker.text.loader import document_from_text
from rules.attribution.extraction import extract
from tests.families import analyse_attribution


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


def _nominal(text: str, cue: str):  # type: ignore[no-untyped-def]
    found, _ = extract(text, _sentences(text))
    return [r for r in found if r.cue_text == cue]


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Critics seized on the health minister's claim that the harbour plan was fully "
     "funded.", "claim", "the health minister"),
    ("The council rebutted the union's accusation that the figures were misleading.",
     "accusation", "the union"),
    ("Ana Ruiz's argument is that the levy will pay for itself within a decade.",
     "argument", "Ana Ruiz"),
    ("The plan drew complaints from Ana Ruiz that the fares were too high.", "complaints",
     "Ana Ruiz"),
    ("The board stood by the port authority's finding that the pier was safe.", "finding",
     "the port authority"),
])
def test_a_named_holder_of_a_nominal_cue_is_a_source(text: str, cue: str,
                                                     source: str) -> None:
    rels = _nominal(text, cue)
    assert rels and rels[0].informational and rels[0].source_text == source
    assert rels[0].content and text[rels[0].content[0][0]:].startswith("that ")
    an = analyse_attribution(text)
    assert an.attributed == [True]
    # (whether the phrase is listed among the sources is the verifier's call)
    assert any(a.source_name.endswith(source.split()[-1]) for a in an.attributions)


@pytest.mark.parametrize("text", [
    "Part of the pitch is his insistence that young voters will turn out in spring.",
    "The ferry ran late despite their smug assurances that it wouldn’t happen again.",
    "The board held to its position that the pier lacks a permit.",
])
def test_a_possessive_pronoun_frames_the_sentence_without_a_source(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert any(r.stance and not r.informational for r in found)
    an = analyse_attribution(text)
    assert an.attributed == [True]
    assert not an.sources


@pytest.mark.parametrize("text", [
    # no holder: a rumour or an idea stays the author's claim
    "There is speculation that the mayor will resign in May.",
    "The idea that the pier could open in May is new.",
    # a relative clause: the noun is the verb's object, or "that" is followed by a verb
    "Her statement that she issued on Monday ran to four pages.",
    "Her promise that she made in May was broken within a year.",
    "Their vow that they kept for a decade ended in June.",
    # a thing holds no view; the author's own "our"
    "The plan's premise that fares could stay low rested on cheap fuel.",
    "Our view that the pier is unsafe has not changed since May.",
])
def test_no_named_holder_or_no_content_clause_stays_unattributed(text: str) -> None:
    found, _ = extract(text, _sentences(text))
    assert not any(r.informational or r.stance for r in found)
    assert analyse_attribution(text).attributed == [False]


@pytest.mark.parametrize(("text", "informational"), [
    ("In their view, the levy will pay for itself within a decade.", False),
    ("The levy, in Ana Ruiz's opinion, is a tax on sunshine.", True),
    ("In the mayor's words, the ferry is a lifeline for the island.", True),
])
def test_in_a_holders_view_frames_the_rest_of_the_sentence(text: str,
                                                           informational: bool) -> None:
    found, _ = extract(text, _sentences(text))
    assert any(r.cue_text.lower().startswith("in ") and r.informational == informational
               and r.stance != informational for r in found)
    assert analyse_attribution(text).attributed == [True]


@pytest.mark.parametrize("text", [
    "Lee was less sure in his estimation of the market's strength.",
    "They had tears in their eyes as the ferry left the harbour.",
])
def test_in_a_view_that_is_no_parenthetical_frames_nothing(text: str) -> None:
    assert analyse_attribution(text).attributed == [False]
