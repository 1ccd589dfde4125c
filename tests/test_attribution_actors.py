"""Who is cited on unseen copy: actors and look-alikes are no source rows, spans name the
speaker, and one source is one row. Our own sentences, one class each."""

from __future__ import annotations

import pytest

import rules.credibility
from checker.core.analysis import ORGANISATION, PERSON
from tests.families import analyse_attribution as _analyse


def _sources(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in _analyse(text).sources]


@pytest.mark.parametrize(
    "text",
    [
        # a verb that reports nothing, whose object has a clause of its own
        "The parish council has approved a scheme that would put new lamps on every lane.",
        "Harbour Mutual delivered a profit and missed the forecasts of most brokers.",
        "The minister accepted the offer of the mayor to send an envoy to discuss how the "
        "port could reopen.",
        "In her address she asked for the backing of voters who had chosen her rival.",
        # a time or "not" between the verb and its infinitive
        "The trustees agreed Monday to set aside the surplus from completed works for the roof.",
        "Three trustees expressed a desire not to vote on the budget that evening.",
        "The town board voted Wednesday night to approve the new parking rules.",
        # a refusal to disclose, a negated subject
        "Lindqvist Foods declined to immediately comment on the recall.",
        "Neither Okafor nor Brandt revealed any findings of the inquiry so far.",
        # the writer's reading of an act
        "Brokers raised their price target on the shares, showing that the firm is doing well.",
        # nouns read as cues, verbs read as sources, idioms, adverbs, clauses, labels
        "One rumour going around is that the stadium will be sold.",
        "Shares fell after the brewer's sales forecast for the winter fell short.",
        "Blood Test May Help Predict How Long A Fever Lasts",
        "All told, the district spent four million on the new bridge.",
        "Geologically, the ridge is a remnant of an old reef, offering clues about how the "
        "valley formed.",
        "Here we look at what that means, explain what's driving the increase, and ask what "
        "comes next.",
        "Quoting Management: “We are pleased with the quarter.”",
    ],
)
def test_actors_and_look_alikes_give_no_source_row(text: str) -> None:
    assert _sources(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sen. Ada Kohl, R-Maine, who serves on the committee, said the bill was weak.",
         "Ada Kohl"),
        ("Committee Chairman Piet Varga, R-N.C., said the hearing would be public.",
         "Piet Varga"),
        ("Every few million years a large rock hits the planet, said Skywatch Near Earth "
         "Object program manager Lena Ortiz.", "Lena Ortiz"),
        ("The agency has no story to tell, said astronomer and former pilot Anders Holm.",
         "Anders Holm"),
    ],
)
def test_titles_party_tags_and_roles_stay_with_the_name(text: str, name: str) -> None:
    assert _sources(text) == [(name, PERSON)]


def test_a_named_family_is_the_family() -> None:
    assert _sources("The Morales family said the house had been sold in May.") \
        == [("The Morales family", PERSON)]


def test_who_gathered_the_figures_is_the_source() -> None:
    text = ("Data compiled by Halden Analytics shows that rents rose. Rents fell in the "
            "north, according to data compiled by Halden Analytics. Traders surveyed by "
            "Halden Analytics had expected a cut of half a point.")
    names = {name for name, _ in _sources(text)}
    assert names == {"Halden Analytics"}


def test_a_later_role_or_body_noun_is_the_source_named_before() -> None:
    text = ("Sen. Tom Varga, R-Ark., said that the inquiry had run for months.\n\n"
            "The Arkansas senator said that the inquiry had been kept from the public.\n\n"
            "Nineteen patients fell ill after taking the tablets, the National Medicines "
            "Administration said on Thursday.\n\n"
            "Seven of the patients took them too often, the agency said in a notice.")
    assert _sources(text) == [("Tom Varga", PERSON), ("Tom Varga", PERSON),
                              ("the National Medicines Administration", ORGANISATION),
                              ("the National Medicines Administration", ORGANISATION)]


def test_a_body_noun_that_fits_no_earlier_name_stays_as_written() -> None:
    text = ("Norland announced new tariffs on steel, the trade office said.\n\n"
            "The administration indicated it would keep the tariffs in place all year.")
    assert ("The administration", ORGANISATION) in _sources(text)


def test_one_name_has_one_kind() -> None:
    text = ("The panel is reading a trove of letters, according to Brandvold.\n\n"
            "“It was a useful meeting,” Brandvold said.\n\n"
            "Brandvold said he was pleased with the vote.")
    assert {kind for _, kind in _sources(text)} == {PERSON}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor assured residents that the water was safe to drink.",
        "The chief joked to Finance Minister Ruth Alder that the budget was already spent.",
        "Several councillors have also warned the board not to sell the depot, noting the "
        "rise in rents.",
        "Ann Lee, citing figures from the port authority, said that traffic had doubled.",
    ],
)
def test_reports_stay_sources(text: str) -> None:
    assert _sources(text) != []


def test_an_acronym_is_the_body_it_abbreviates() -> None:
    text = ("Two wells failed the test, the Regional Water Authority said on Monday.\n\n"
            "The wells “will stay shut until further notice,” the RWA said in a notice.")
    assert {name for name, _ in _sources(text)} == {"the Regional Water Authority"}


def test_a_time_opening_the_sentence_is_nobody() -> None:
    text = ("Last Friday, when the inspector toured the plant, he revealed that two valves "
            "had failed.")
    assert all(name != "Last Friday" for name, _ in _sources(text))


def test_a_noun_for_what_is_said_in_object_position_is_no_source() -> None:
    assert _sources("We have gathered the most recent quarterly forecasts to see whether "
                    "brokers changed their view.") == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Brokers polled by Halden Financial expect sales of four million.",
         "Halden Financial", ORGANISATION),
        ("“The quarter was hard,” said Marta deSilva, the chief executive.",
         "Marta deSilva", PERSON),
    ],
)
def test_names_and_kinds_of_less_common_shapes(text: str, name: str, kind: str) -> None:
    assert _sources(text) == [(name, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "Oslo (Reuters) The port authority reported that traffic had doubled since May.",
        "The mayor did not answer CNN's request for comment on the new tolls, officials said.",
        "A former CNN reporter told the inquiry that the tapes had been cut.",
    ],
)
def test_an_outlet_named_as_credit_or_employer_is_no_source(text: str) -> None:
    an = _analyse(text)
    for s in an.body_sentences():
        an.is_claim[s.index] = True
    rules.credibility.run(an)
    names = {s.name for s in an.sources}
    assert "Reuters" not in names and "CNN" not in names


def test_an_outlet_cited_is_still_a_source() -> None:
    an = _analyse("The port authority cut its fees, CNN reported on Monday.")
    for s in an.body_sentences():
        an.is_claim[s.index] = True
    rules.credibility.run(an)
    assert "CNN" in {s.name for s in an.sources}


@pytest.mark.parametrize(
    "text",
    [
        "First Death From the Fever Reported in Ohio",
        "Lund and Berg scored 31 runs each and Okafor, once again showing that he can bat, "
        "added 30.",
        "At 79 the painter was still busy in the year the documentary was made, attending "
        "openings and keeping up with young artists.",
    ],
)
def test_headline_passives_adverbial_participles_and_gerunds_are_no_sources(text: str) -> None:
    assert _sources(text) == []


def test_comments_from_a_speaker_opening_a_sentence() -> None:
    assert _sources("Comments from Ann Lee that the plan was dead drew criticism from the "
                    "council.") == [("Ann Lee", PERSON)]


def test_a_spokeswoman_for_someone_is_not_that_someone() -> None:
    assert _sources("A spokeswoman for Gov. Ann Lee says the new report contains more false "
                    "claims.") == [("A spokeswoman for Gov. Ann Lee", PERSON)]


@pytest.mark.parametrize(
    "text",
    [
        "Harbour board members who backed the toll were mocked and criticized online.",
        "The ferry captain was booed and then criticized by the crowd at the pier.",
        "Two trustees were praised, thanked and quoted in the newsletter.",
    ],
)
def test_the_second_participle_of_a_passive_is_no_cue_of_its_subject(text: str) -> None:
    an = _analyse(text)
    assert [(s.name, s.kind) for s in an.sources] == []
    assert not [f for f in an.findings if f.code == "ATT001"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor was interrupted, and said the crossing would run on Sunday.",
        "The mayor was interrupted and said that the crossing would run on Sunday.",
        # a phrase after the verb that is no by-agent, then its content
        "The mayor was interviewed, and said on Tuesday that the crossing would run.",
        "The mayor was released and said on Tuesday he was innocent.",
        "The mayor was re-elected and said in a statement that the tolls would fall.",
    ],
)
def test_a_finite_verb_after_a_passive_still_reports(text: str) -> None:
    assert [s.name for s in _analyse(text).sources] == ["The mayor"]


def test_a_by_agent_right_after_the_second_participle_keeps_it_passive() -> None:
    an = _analyse("The harbour master was briefed and warned by aides that the crossing "
                  "would not run.")
    assert "The harbour master" not in [s.name for s in an.sources]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The mayors of the ten largest towns in the region have said the toll is unfair.",
         "The mayors of the ten largest towns in the region"),
        ("Leaders of the biggest unions in the state said the toll is unfair.",
         "Leaders of the biggest unions in the state"),
    ],
)
def test_a_place_after_the_plural_of_an_of_phrase_is_no_source(text: str, source: str) -> None:
    assert [s.name for s in _analyse(text).sources] == [source]


def test_a_semicolon_ends_the_object_of_an_act() -> None:
    text = ("Most of the mayors of the ten largest towns in the region have publicly endorsed "
            "her; last week, the campaign unveiled a list of 40 mayors from across the "
            "region, including some in the hills.")
    an = _analyse(text)
    assert an.sources == []
    assert not [f for f in an.findings if f.code == "ATT001"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Most commuters want the toll scrapped, the mayor said.", "the mayor"),
        ("The ferry company expects fares to rise, a spokesman said.", "a spokesman"),
        ("Dock workers fear the crane will fail, the union's safety officer said.",
         "the union's safety officer"),
    ],
)
def test_a_speech_tag_after_a_clause_with_its_own_verb_of_wanting_or_fearing_is_a_source(
        text: str, speaker: str) -> None:
    an = _analyse(text)
    assert speaker in [s.name for s in an.sources]
    tail = next(r for r in an.attributions
                if r.source and text[r.source.start:r.source.end] == speaker)
    assert tail.content and tail.content[0].start == 0  # the whole clause is the speaker's


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The mayor, the harbour master and Ivo Berg all said the pier would close.", "Ivo Berg"),
        ("Ann Lee and Ivo Berg both said the pier would close.", "Ivo Berg"),
        ("The harbour board members each said the pier would close.",
         "The harbour board members"),
    ],
)
def test_a_quantifier_after_the_subject_is_not_part_of_its_name(text: str, name: str) -> None:
    names = [s.name for s in _analyse(text).sources]
    assert name in names and not [n for n in names if n.endswith(("all", "both", "each"))]
