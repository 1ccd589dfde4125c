"""Information sources, not actors; who a source is and what kind; nothing from blocks that are
not analysed. Our own sentences."""

from __future__ import annotations

import re

import pytest

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, OUTLET, PERSON
from rules.attribution import names
from tests.families import analyse_attribution as _analyse


def _sources(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in _analyse(text).sources]


@pytest.mark.parametrize(
    "text",
    [
        "The regional bank raised its lending rate by half a point on Thursday.",
        "The county board approved the budget proposed by the city manager, Ed Lund.",
        "The senator has failed his duty to the voters of the valley.",
        # (a call for a strike is the union's request: ``held``, tests/test_attribution_held.py)
        "The dock workers' union called a strike over the new rosters.",
        "The utility threatened to cut supplies to the two mills.",
        "The harbour town is bracing for a storm surge this weekend.",
        "The rail operator rejected the offer from the drivers.",
        "Grass fires continued to rage across the northern hills.",
    ],
)
def test_actors_are_no_sources_and_leave_the_sentence_unattributed(text: str) -> None:
    an = _analyse(text)
    assert an.sources == [] and an.attributions == []
    assert an.attributed == [False]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The county health officer, Maria Lund, confirmed that two wards were closed.",
         "Maria Lund", PERSON),
        ("The ferry sailed late, the harbour master, Tom Berg, said at a briefing.",
         "Tom Berg", PERSON),
        ("Waiting lists grew by a tenth, NHS Digital said.", "NHS Digital", ORGANISATION),
        ("Metra says the new fares will raise slightly more money.", "Metra", ORGANISATION),
        ("The Environment Agency said the river had recovered.", "The Environment Agency",
         ORGANISATION),
        ("The Valley Herald reported that the mill would close.", "The Valley Herald", OUTLET),
        ("The survey found that most riders pay monthly.", "The survey", DOCUMENT),
        ("Recent data show that prices fell in March.", "Recent data", ANONYMOUS),
        ("Reports suggest that the mine will reopen.", "Reports", ANONYMOUS),
        ("A security source on Friday told reporters that the talks would resume.",
         "A security source", ANONYMOUS),
        # a legal-form suffix after a comma belongs to the company's name
        ("Brightwater Holdings, Inc. said it would close two depots.",
         "Brightwater Holdings Inc.", ORGANISATION),
        ("k9 Systems, Inc. (NASDAQ: KNNS) today reported results for the fourth quarter.",
         "k9 Systems Inc.", ORGANISATION),
        ("K9 Systems Posts Record Year\n  k9 Systems, Inc. today reported results for the "
         "fourth quarter.", "k9 Systems Inc.", ORGANISATION),
        ("The depot closed after Harlow Freight Co. said demand had fallen.",
         "Harlow Freight Co.", ORGANISATION),
        # "as per" and "per" are "according to"
        ("Fares will rise in May, as per the operator's annual report.",
         "the operator's annual report", DOCUMENT),
        ("Per a filing with the regulator, the mill lost money for a third year.",
         "a filing with the regulator", DOCUMENT),
        # the subject of the first of two coordinated verbs, headed by a lexicon noun
        ("The council cut 200 posts in March and warned that more cuts could follow.",
         "The council", ORGANISATION),
        # a poll cited with "in"
        ("In the new Harbour Research poll, conducted last week, 40 percent back the mayor.",
         "the new Harbour Research poll", DOCUMENT),
        ("The mayor leads by nine points in a Daily Post survey released on Monday.",
         "a Daily Post survey", DOCUMENT),
        # a common noun with a postmodifier that holds the names: no person named
        ("Residents of Ohio say the river has never been this high.", "Residents of Ohio",
         ANONYMOUS),
        ("The latest polling in Ohio shows that the race is tied.",
         "The latest polling in Ohio", ANONYMOUS),
        ("The chairman of the Joint Chiefs said the drills would go ahead.",
         "The chairman of the Joint Chiefs", PERSON),
        # a group with a postmodifier, not the place or study it is in
        ("People in the trial said they slept better within a week.", "People in the trial",
         ANONYMOUS),
        ("Some in the union fear the deal will not survive a vote.", "Some in the union",
         ANONYMOUS),
    ],
)
def test_source_name_and_kind(text: str, name: str, kind: str) -> None:
    assert _sources(text)[:1] == [(name, kind)]


@pytest.mark.parametrize(
    "text",
    ["Parking costs $4 per hour near the station.",
     "As per usual, the meeting of the board ran late.",
     "The trains ran at two per hour on Sunday."],
)
def test_per_as_a_rate_is_no_attribution(text: str) -> None:
    an = _analyse(text)
    assert an.sources == [] and an.attributed == [False]


@pytest.mark.parametrize(
    "text",
    ["The council met in the poll station on Monday.",
     "The mayor has a lead in the polls ahead of the vote.",
     "Turnout was high until the Ohio polls closed at eight."],
)
def test_in_cites_only_a_poll_in_particular(text: str) -> None:
    an = _analyse(text)
    assert an.sources == [] and an.attributed == [False]


@pytest.mark.parametrize(
    "text",
    ["The launch went according to plan, and the rocket reached orbit at 9am.",
     "According to tradition, the mayor opens the fair each spring.",
     "The crates were sorted according to size before the sale."],
)
def test_according_to_a_manner_is_no_attribution(text: str) -> None:
    an = _analyse(text)
    assert an.sources == [] and an.attributed == [False]


def test_according_to_a_source_still_cites_it() -> None:
    assert _sources("According to the ministry, 40 schools closed on Monday.")[:1] == [
        ("the ministry", ORGANISATION)]


def test_the_chief_after_a_named_chief_is_that_person_and_not_vague() -> None:
    an = _analyse("Fire Chief Rick Olsen said the blaze started in a barn. "
                  "The chief said crews arrived within nine minutes.")
    assert [(s.name, s.kind) for s in an.sources] == [("Rick Olsen", PERSON)] * 2
    assert not [f for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize(
    "text",
    ["“The queues start before dawn,” Ann Lee, 66, said on the local radio show.",
     "“The queues start before dawn,” Ann Lee, who runs the shelter, said on Monday.",
     "“The queues start before dawn,” said Ann Lee, who runs the shelter."],
)
def test_an_appositive_after_a_name_leaves_the_name_a_source(text: str) -> None:
    an = _analyse(text)
    assert [(s.name, s.kind) for s in an.sources] == [("Ann Lee", PERSON)]
    assert an.attributed == [True]


def test_a_quote_after_an_appositive_speaker_continues_the_speaker() -> None:
    an = _analyse("“The queues start before dawn,” Ann Lee, who runs the shelter, said on "
                  "Monday. “Nobody should have to wait that long for a meal.”")
    assert an.attributed == [True, True]
    assert not [f for f in an.findings if f.rule == "unattributed-quote"]


@pytest.mark.parametrize(("lead", "attributed"),
                         [("But ", True), ("And ", True), ("Outside, ", False)])
def test_a_quote_after_a_conjunction_continues_the_speaker(lead: str, attributed: bool
                                                           ) -> None:
    an = _analyse("“The yard is not finished,” the owner, Ed Lund, said on Friday. "
                  f"{lead}“the cranes can still be sold to a buyer who wants them.”")
    assert an.attributed == [True, attributed]


@pytest.mark.parametrize(
    ("text", "name"),
    [("The retired engineer says the bridge was never inspected.", "The retired engineer"),
     ("Lund himself said on Tuesday that he would stay in the race.", "Lund"),
     ("Rep. Ann Lee (D-Vt.) said in a statement that the bill was flawed.", "Ann Lee"),
     ("The vast majority of Norwegians say the tunnel was worth it.",
      "The vast majority of Norwegians"),
     ("Turnout fell, according to the latest StateWatch tally.",
      "the latest StateWatch tally"),
     ("KTV News reported that the suspect was arrested at the port.", "KTV News"),
     ("The latest polling in Ohio shows that the race is tied.",
      "The latest polling in Ohio"),
     ("The SEC filings show that the firm spent heavily on rent.", "The SEC filings"),
     ("By then many residents believed that the dam would hold.", "many residents"),
     ("The NFL legend said the league had changed beyond recognition.", "The NFL legend")],
)
def test_sources_a_capital_or_an_aside_used_to_hide(text: str, name: str) -> None:
    an = _analyse(text)
    assert [s.name for s in an.sources][:1] == [name]
    assert an.attributed == [True]


def test_a_noun_read_as_a_cue_after_a_capitalised_first_word_is_no_report() -> None:
    an = _analyse("The amber warning came into force at noon on Saturday.")
    assert an.sources == [] and an.attributed == [False]


@pytest.mark.parametrize(
    ("text", "content"),
    [("Ruiz told reporters he planned to stay neutral.", "he planned to stay neutral"),
     ("Ruiz told KTVN he planned to stay neutral.", "he planned to stay neutral"),
     ("Ruiz told the Valley Herald she planned to stay.", "she planned to stay"),
     ("Ruiz told the local paper that the plan was dead.", "that the plan was dead")],
)
def test_the_recipient_of_told_ends_where_the_reported_clause_starts(text: str,
                                                                   content: str) -> None:
    an = _analyse(text)
    assert [s.name for s in an.sources] == ["Ruiz"] and an.attributed == [True]
    assert [text[a.content[0].start:a.content[-1].end] for a in an.attributions] == [content]


def test_a_quotation_after_a_recipient_is_reported_content() -> None:
    an = _analyse("After the vote, Ann Lee wrote to her 20,000 followers, “It is time to "
                  "close the depot for good.”")
    assert [s.name for s in an.sources] == ["Ann Lee"] and an.attributed == [True]
    # without a quotation, writing to someone is an act, not a report
    assert _analyse("Ann Lee wrote to the council about the bins.").sources == []


def test_a_group_identified_by_a_study_is_not_vague() -> None:
    an = _analyse("People in the survey said they walked more after the lockdown.")
    assert [(s.name, s.kind) for s in an.sources] == [("People in the survey", ANONYMOUS)]
    assert not [f for f in an.findings if f.rule == "vague-attribution"]
    an = _analyse("People in the town said they walked more after the lockdown.")
    assert [f.rule for f in an.findings] == ["vague-attribution"]


def test_generic_groups_are_vague() -> None:
    an = _analyse("Doctors at the two hospitals say the wards are full. Officials close to "
                  "the talks said a deal was near. Quoting unnamed officials, the paper said "
                  "the plan was dropped.")
    vague = [an.doc.text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]
    assert len(vague) == 3, vague


def test_the_author_and_the_reader_are_no_sources() -> None:
    assert _sources("We understand that the figures can be read two ways. If you want to "
                    "save money, you might want to buy a monthly pass.") == []


def test_a_report_inside_an_action_keeps_its_source() -> None:
    text = ("The mayor met the ferry operators on Monday to discuss the winter timetable, "
            "the city council said.")
    assert _sources(text) == [("the city council", ORGANISATION)]


def test_headlines_and_captions_give_no_sources_or_quotes() -> None:
    md = ("# We say the mayor must go\n\n"
          "The council met on Monday. The treasurer, Ana Ruiz, said the reserves were "
          "spent.\n")
    an = _analyse(md, fmt="markdown", path="t.md")
    assert [s.name for s in an.sources] == ["Ana Ruiz"]
    heading = an.doc.sentences[0]
    assert heading.region != "body"
    assert all(not (heading.start <= a.cue.start < heading.end)
               for a in an.attributions if a.cue)


def test_author_year_citations_are_documents_and_attribute_the_sentence() -> None:
    an = _analyse("Positive results reach print more often than null ones (Okafor 2014; "
                  "Lund and Berg, 2019). The ferry carried 9,000 cars last year.")
    assert [(s.name, s.kind) for s in an.sources] == [
        ("Okafor 2014", DOCUMENT), ("Lund and Berg, 2019", DOCUMENT)]
    assert an.attributed == [True, False]


def test_as_set_out_in_a_document_names_it() -> None:
    assert _sources("The toll would rise by a third, as set out in a council commentary "
                    "last spring.") == [("a council commentary", DOCUMENT)]


def test_a_journal_after_told_is_an_outlet_source() -> None:
    names = _sources("A senior ambulance service leader told the Valley Medical Journal "
                     "that crews waited five hours.")
    assert ("the Valley Medical Journal", OUTLET) in names
    assert ("A senior ambulance service leader", ANONYMOUS) in names


def test_the_authors_own_stance_names_no_source_but_is_no_bare_assertion() -> None:
    an = _analyse("We understand that the figures can be read two ways.")
    assert an.sources == [] and an.attributions == []
    assert an.attributed == [True]
    assert not [f for f in an.findings if f.rule == "vague-attribution"]


class _CountingPattern:
    """A compiled pattern that counts its ``match`` calls."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def match(self, *args: object) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(*args)  # type: ignore[arg-type]

    def search(self, *args: object) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.search(*args)  # type: ignore[arg-type]


def test_body_check_scans_each_name_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long text whose many sentences all quote one two-word name is scanned for that
    name once, not once per sentence (which made the check quadratic in the text)."""
    after = _CountingPattern(names._BODY_AFTER_RE)
    before = _CountingPattern(names._BODY_BEFORE_RE)
    monkeypatch.setattr(names, "_BODY_AFTER_RE", after)
    monkeypatch.setattr(names, "_BODY_BEFORE_RE", before)
    n = 120
    _analyse(" ".join(["Nora Vance said the bridge would close."] * n))
    assert 0 < after.calls <= n and before.calls <= n, (after.calls, before.calls)
