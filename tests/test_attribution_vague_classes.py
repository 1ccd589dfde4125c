"""ATT001 on the classes of unnamed sources that the source classifier alone leaves out
(``rules/attribution/vague.py``): descriptive anonymity, counted members of a group, unnamed
groups before a that-clause, anonymity asides; and never on sources that name someone.
Our own sentences."""

from __future__ import annotations

from collections import Counter

import pytest

from evaluation.vague_sources import VagueRecall, count_article
from rules.attribution.lexicon import get_lexicon
from rules.attribution.vague import anonymity_asides, group_claims, unnamed_phrase
from tests.families import analyse_attribution


def _vague(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # descriptive anonymity in the source phrase
        ("A harbour pilot, who was not cleared to brief the press, told us the "
         "buoys had drifted.", "A harbour pilot"),
        ("One Labour councillor familiar with the vote said the motion would fail.",
         "One Labour councillor familiar with the vote"),
        # counted members of a group, written with a capital
        ("A Leeds Conservative said the count had been chaotic.", "A Leeds Conservative"),
        ("Several Canadians on the trip said the border queue took four hours.",
         "Several Canadians"),
        # unnamed bodies defined by a clause
        ("Tenant organizations that backed the levy say the rents are still too high.",
         "Tenant organizations that backed the levy"),
        # an unnamed group before a that-clause or ending the sentence
        ("Critics charge that the new bus lanes slow the trams.", "Critics charge"),
        ("The levy will double next year, opponents contend.", "opponents contend"),
        ("Some historians now doubt that the bridge was built in 1620.", "Some historians"),
        ("The river rose overnight, though campaigners warned of worse to come.",
         "campaigners warned"),
        ("Aid agencies say thousands of families have left the valley.", "Aid agencies say"),
        # an indefinite document with no author or publisher
        ("The chain will shut forty stores, as per a report.", "as per a report"),
        ("Fares will rise in May, according to one internal memo.",
         "according to one internal memo"),
        # agentless reports beyond the lexicon's phrase list
        ("It was announced on Monday that the depot will close.", "It was announced"),
        ("The fire is suspected to have started in the kitchen.", "is suspected to have"),
        ("There are growing fears that the dam could fail.", "There are growing fears that"),
        ("Concerns have been raised that the new road will flood.",
         "Concerns have been raised that"),
        # a place name inside the source's postmodifier, a participle postmodifier
        ("One senior ferry company manager in northern Norway told the Harbour Times that "
         "crossings were cut.", "One senior ferry company manager in northern Norway"),
        ("Medics working in the emergency unit described the night as chaotic.",
         "Medics working in the emergency unit"),
        # an anonymity aside marks the sentence whatever the source span
        ("A manager at the depot, speaking on condition of anonymity, said two buses had "
         "failed inspection.", "A manager at the depot"),
    ],
)
def test_unnamed_sources_are_flagged(text: str, flagged: str) -> None:
    found = _vague(text)
    assert any(f.startswith(flagged) or flagged in f for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        # "the chief" after a named "Police Chief ..." is that named person
        "Police Chief Rick Dahl said the road would reopen on Monday. The chief said crews "
        "were still clearing debris.",
        # a group that names its members, or a source that names itself
        "Harbour officials, including the harbour master Ruth Amos, said the channel had "
        "silted up.",
        "A local news site called The Valley Ledger reported that the mill would close.",
        # a surname after an adjective, an initial: names
        "A tired Okafor said the count would finish at dawn.",
        "FBI counsel Jane A. Ruiz wrote that the files were incomplete.",
        # a document with its publisher or author, a passive with its agent, no report
        "The chain will shut forty stores, according to a report by Shop Watch.",
        "Fares will rise in May, according to a memo seen by the Valley Ledger.",
        "It was announced by the council that the depot will close.",
        "It was said in jest, and nobody took it seriously.",
        # a group's stance with no content reported
        "Rider groups disagreed.",
        # a named body; a pronoun subject and the group in its clause
        "The Green Party said that the levy was unfair.",
        "Ana Ruiz spoke after the vote. She said councillors had agreed to cut the levy.",
        # critics inside a quotation: the speaker's words
        "\u201cCritics charge that we are slow,\u201d the mayor, Ana Ruiz, said.",
    ],
)
def test_named_sources_are_not_flagged(text: str) -> None:
    assert _vague(text) == []


@pytest.mark.parametrize(
    ("phrase", "unnamed"),
    [
        ("an aide who asked not to be named", True),
        ("two people with knowledge of the talks", True),
        ("another Ohio Republican", True),
        ("a handful of Democrats", True),
        ("the sources", True),
        ("a teary-eyed Bush", False),
        ("A. Baker", False),
        ("an honor Donald", False),
        ("five to 10 years Iran", False),
        ("a Democrat from Ohio named Ann Lee", False),
        ("they", False),
    ],
)
def test_unnamed_phrase(phrase: str, unnamed: bool) -> None:
    assert unnamed_phrase(phrase, get_lexicon()) is unnamed


def test_scans_skip_quotations_and_named_groups() -> None:
    lex = get_lexicon()
    text = ("\u201cCritics say that we are slow,\u201d she said. Ann Lee and critics say "
            "that the fare is high. Residents, who asked not to be named, said it was late.")
    first, second = text.index("Ann"), text.index("Residents")
    sents = [(0, first - 1), (first, second - 1), (second, len(text))]
    assert group_claims(text, sents, lex) == []  # quoted; "and" joins a named person
    asides = anonymity_asides(text, sents)
    assert [text[a:b] for a, b in asides] == ["who asked not to be named"]


def test_the_measure_counts_what_the_scans_flag() -> None:
    text = "The fare rose, critics say. A driver, who asked not to be named, said so."
    gold = [((15, 22),), ((28, 36),)]
    sents = [(0, 27), (28, len(text))]
    counts = Counter({"critics": 2, "driver": 2, "a": 5})
    acc = VagueRecall()
    count_article(text, gold, [], counts, acc, sentences=sents)
    assert (acc.vague, acc.vague_found) == (2, 1)  # the aside does not overlap "A driver"
    acc = VagueRecall()
    count_article(text, gold, [], counts, acc)
    assert acc.vague_found == 0  # without the sentences, only relations count


def _source_names(text: str) -> list[str]:
    return [s.name for s in analyse_attribution(text).sources]


@pytest.mark.parametrize("place", ["Paris", "Lewis", "Sanders", "Powers", "Travis"])
def test_a_surname_or_place_ending_like_a_demonym_is_read_as_any_other_name(place: str) -> None:
    """A place or surname ending in "-is" or "-ers" after "officials in" is not a group of
    people: the source phrase is read as it is after any other place name."""
    sentence = "Officials in {} in the spring said the ferry would stop running."
    assert _source_names(sentence.format(place)) == _source_names(sentence.format("Harwich"))


@pytest.mark.parametrize("members", ["Israelis", "Londoners", "Islanders", "Texans"])
def test_listed_residents_and_nationalities_are_still_counted_members(members: str) -> None:
    text = f"Several {members} on the ferry said the crossing took four hours."
    found = _vague(text)
    assert len(found) == 1 and found[0].startswith(f"Several {members}")


@pytest.mark.parametrize("opener", ["Update: ", "Update \u2014 ", "Yet (", ""])
def test_a_group_capitalised_after_a_colon_dash_or_bracket_is_still_unnamed(
        opener: str) -> None:
    """"Update: Critics charge that ...": a capital right after a colon, a dash or an
    opening bracket is a sentence's capital, not a name's."""
    found = _vague(f"{opener}Critics charge that the new bus lanes slow the trams.")
    assert any(f.startswith("Critics charge") for f in found), found


def test_a_capitalised_word_inside_a_sentence_still_names_the_group() -> None:
    assert _vague("The trams are slower, Acme analysts charge.") == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("The depot will close, according to a leaked letter.", "according to a leaked letter"),
    ("The depot will close in May, as per a note.", "as per a note"),
    ("Rival outlets reported that the depot will close.", "Rival outlets reported"),
    ("Some campaigns charge that the depot will close.", "Some campaigns charge"),
])
def test_every_listed_document_and_body_noun_is_scanned_for(text: str, flagged: str) -> None:
    """The indefinite-document scan knows every document noun the source-phrase check knows
    (a leak, a note, a letter), and the group scan every plural body noun."""
    assert any(f.startswith(flagged) for f in _vague(text)), _vague(text)


def test_a_letter_with_its_author_named_is_no_vague_source() -> None:
    assert _vague("The depot will close, according to a letter from the mayor.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Sources inside the ministry said the ferry plan was dead.",
         "Sources inside the ministry"),
        ("Critics among the trustees said the ferry plan was dead.",
         "Critics among the trustees"),
        ("But advocates within the farming community cite his voting record as proof.",
         "advocates within the farming community"),
        ("Officials within the Harbour Authority said the ferry plan was dead.",
         "Officials within the Harbour Authority"),
    ],
)
def test_people_placed_in_a_group_or_body_are_the_unnamed_source(text: str, source: str) -> None:
    an = analyse_attribution(text)
    assert [(s.name, s.kind) for s in an.sources] == [(source, "anonymous")]
    assert _vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "Concerns were raised about the ferry timetable even before the vote.",
        "Doubts have been voiced over the cost of the new bridge.",
        "The toll was already being criticized as a tax on commuters.",
        "The harbour board was roundly condemned for the delays.",
        "The new toll was branded as a tax on commuters.",
        "The harbour master was branded as reckless after the collision.",
        "The old pier was condemned for its cost, not its safety.",
        # a "by" later in the clause that names no one: a vague few, a time
        "Concerns were raised about the ferry fares by many.",
        "Concerns were raised about the ferry fares by some residents.",
        "Concerns were raised about the cost of the new pier by the end of the meeting.",
        "Doubts were voiced over the ferry fares by Monday.",
        "The harbour levy was condemned for its cost by some in the Labour Party.",
        "The harbour levy was criticised as a tax on work by fishermen.",
    ],
)
def test_agentless_concerns_and_judgements_are_vague(text: str) -> None:
    assert _vague(text)


def test_a_judgement_finding_ends_on_its_word() -> None:
    text = "The new toll was branded as a tax on commuters."
    spans = [text[f.start:f.end] for f in analyse_attribution(text).findings
             if f.rule == "vague-attribution"]
    assert spans == ["was branded as a"]


@pytest.mark.parametrize(
    "text",
    [
        "The toll was criticized as a tax on commuters by the chamber of commerce.",
        "The mayor raised concerns about the ferry timetable.",
        "Councillor Ann Lee said concerns were raised about the ferry timetable.",
        "Councillor Ann Lee criticized the toll as a tax on work.",
        # the agent later in the clause, after the concern's topic or a time
        "Concerns were raised about the cost of the new pier by the council's auditor.",
        "The questions were raised about an hour into the meeting by Councillor Ann Lee.",
        "Concerns were raised about the ferry fares by the Treasury.",
        "Concerns were raised about the ferry fares by the harbour council.",
        "The harbour levy was condemned for its cost by Lee.",
        # the holder named in the same clause outside a by-phrase
        "The toll was condemned for its cost in a statement from councillor Ivo Berg.",
        "The toll was sharply criticized as unfair, with councillor Ivo Berg calling it "
        "a tax on work.",
        # condemned, branded in senses that judge nothing
        "The old warehouse was condemned for demolition after the flood.",
        "The harbour cottages were condemned for human habitation in 1950.",
        "Most of the timber is branded for export.",
        "The lambs were branded as yearlings.",
    ],
)
def test_concerns_and_judgements_with_their_holder_are_not_vague(text: str) -> None:
    assert not _vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "The union, which represents ferry workers, said the strike would go ahead.",
        "The Harbour Board, which employs 300 dock workers, said the cranes were safe.",
    ],
)
def test_a_body_with_a_relative_clause_about_people_is_not_vague(text: str) -> None:
    assert not _vague(text)


def test_a_plural_group_with_a_relative_clause_stays_vague() -> None:
    assert _vague("Protest groups, which marched on Sunday, say the toll is unfair.")
