"""Who is cited: the right name for a source and no row for what is no source (issue 13).
Classes of rows the rules read wrongly: a name cut at a middle initial, a name left out
before two appositives, a person named after a word for people ("another forum user, Ann
Lee", "a man calling himself ..."), an organisation's name with its place, and a "citing
..." phrase that gives reasons rather than a source. Our own sentences."""

from __future__ import annotations

import pytest

from checker.core.analysis import ANONYMOUS, ORGANISATION, PERSON
from rules.attribution.lexicon import get_lexicon
from rules.attribution.source_spans import names_a_source
from rules.attribution.sources import classify
from tests.families import analyse_attribution as _analyse


def _sources(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in _analyse(text).sources]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“The harbour is too shallow for the new ferries,” writes Anna K. Berglund, one of "
         "the critics on staff at the Coast Review.", "Anna K. Berglund"),
        ("“The pier is unsafe,” said J. R. Lund, a harbour pilot.", "J. R. Lund"),
        ("Olav P. Strand told the council that the bridge would close in May.",
         "Olav P. Strand"),
    ],
)
def test_a_middle_initial_does_not_cut_the_name(text: str, name: str) -> None:
    assert _sources(text) == [(name, PERSON)]


@pytest.mark.parametrize(
    "text",
    [
        "Last week, T.R. Holmgren, editor of The Valley Herald, a weekly paper, wrote, "
        "“The mill will not reopen.”",
        "T.R. Holmgren, editor of The Valley Herald, a weekly paper, wrote that the mill "
        "would not reopen.",
    ],
)
def test_the_name_before_two_appositives_is_the_source(text: str) -> None:
    an = _analyse(text)
    assert [(s.name, s.kind) for s in an.sources] == [("T.R. Holmgren", PERSON)]
    assert "editor of The Valley Herald" in an.sources[0].role


def test_a_time_phrase_and_a_body_before_the_comma_are_not_taken() -> None:
    assert _sources("On Monday, officials said the mill would not reopen.") == [
        ("officials", ANONYMOUS)]
    assert _sources("Ann Lee, the mayor, said the mill would not reopen.") == [
        ("Ann Lee", PERSON)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“We are tired of the noise,” said another forum user, Lisa Dahl.", "Lisa Dahl"),
        ("“The ferry is always late,” said one reader, Tom Vik.", "Tom Vik"),
        ("“Close the road!” wrote a man calling himself Nils Quist.", "Nils Quist"),
    ],
)
def test_a_person_named_after_a_word_for_people_is_cited_by_name(text: str,
                                                                 name: str) -> None:
    assert (name, PERSON) in _sources(text)
    assert not any(kind == ANONYMOUS for _, kind in _sources(text))


def test_a_named_user_keeps_the_plural_group_and_the_outlet_rules() -> None:
    lex = get_lexicon()
    assert classify("another forum user, Lisa Dahl", lex) == (
        PERSON, "Lisa Dahl", "another forum user")
    assert classify("a woman who calls herself Ann L.", lex)[:2] == (PERSON, "Ann L.")
    # (a body calls itself by its name: no person)
    assert classify("a company calling itself Acme", lex)[0] != PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Maritime Museum in Bergen issued a report this month saying the wrecks had been "
         "looted.", "The Maritime Museum"),
        ("The Policy Institute in Oslo said the plan would cost too much.",
         "The Policy Institute"),
    ],
)
def test_an_organisation_is_named_without_its_place(text: str, name: str) -> None:
    assert _sources(text) == [(name, ORGANISATION)]


def test_a_place_is_kept_when_no_body_word_comes_before_it() -> None:
    lex = get_lexicon()
    assert classify("the Coalition for Jobs in Ohio", lex)[1] == "the Coalition for Jobs in Ohio"


def test_a_reason_cited_is_no_source_and_not_vague() -> None:
    text = ("“It is a hard time for us,” Berg said, citing slow wage growth, high rents and "
            "rising fuel prices.")
    an = _analyse(text)
    assert [s.cue for s in an.sources] == ["said"]
    assert not any(f.rule == "vague-attribution" for f in an.findings)


@pytest.mark.parametrize(
    ("phrase", "source"),
    [
        ("slow wage growth", False),
        ("weak demand in Asia", False),
        ("concerns about safety", False),
        ("unnamed officials", True),
        ("people familiar with the matter", True),
        ("a source close to the talks", True),
        ("a report by the ministry", True),
        ("data from the census", True),
        ("Valley police records", True),
        ("two former aides", True),
    ],
)
def test_names_a_source(phrase: str, source: bool) -> None:
    assert names_a_source(phrase, get_lexicon()) is source


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("The lopsided spending by super PACs", ANONYMOUS),
        ("heavy buying by Valley Foods", ANONYMOUS),
        ("a report by Harbour Watch", "document"),
        ("a survey by Gallup", "document"),
    ],
)
def test_an_act_by_a_name_names_no_person(phrase: str, kind: str) -> None:
    # ("PACs" or "Valley Foods" do the spending; the phrase is no person named "PACs")
    assert classify(phrase, get_lexicon())[0] == kind


def test_a_reason_done_by_a_name_is_no_source_cited() -> None:
    assert not names_a_source("heavy spending by local unions", get_lexicon())
    assert not names_a_source("the lopsided spending by super PACs", get_lexicon())


@pytest.mark.parametrize(
    "text",
    [
        "It is striking when a leader says the harbour will close within a year.",
        "If a doctor tells you that the drug is safe, you believe it.",
        "Prices rise when a central bank says so.",
    ],
)
def test_a_case_of_someone_saying_is_no_source_and_not_vague(text: str) -> None:
    an = _analyse(text)
    assert an.sources == []
    assert not any(f.rule == "vague-attribution" for f in an.findings)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("When a spokesman said the plant would close, workers walked out.", "a spokesman"),
        ("A spokesman says the plant will close.", "A spokesman"),
        ("When Ann Lee says the plant will close, workers listen.", "Ann Lee"),
    ],
)
def test_a_report_that_happened_or_a_named_speaker_stays_a_source(text: str,
                                                                  name: str) -> None:
    assert name in [s.name for s in _analyse(text).sources]
