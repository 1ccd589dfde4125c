"""Source rows on newsroom shapes: the named speaker of an appositive or of "X and
colleagues", and the kind of a firm, a document or an office named by a common noun.
Our own sentences."""

from __future__ import annotations

import pytest

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, PERSON
from tests.families import analyse_attribution


def _rows(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in analyse_attribution(text).sources]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Dana Whitfield, Plant Manager and a Denver native said, "We ran out of room."',
         "Dana Whitfield"),
        ("Ann Lee, a nurse and mother of two, said the ward was full.", "Ann Lee"),
        ('VP of Regional Sales, Omar Quint, commented, "The region is growing fast."',
         "Omar Quint"),
        ("Director of Public Health, Sara Nunn, said cases were rising.", "Sara Nunn"),
        ("Bank analyst Rosa Leyland and colleagues said in a note that demand had peaked.",
         "Rosa Leyland"),
        ("The warning came from Halden Capital, where analyst Rosa Leyland and colleagues "
         "said that demand had peaked.", "Rosa Leyland"),
        ("Tomas Reyes and his team said the vaccine worked in mice.", "Tomas Reyes"),
    ],
)
def test_the_named_speaker_is_the_source(text: str, name: str) -> None:
    rows = _rows(text)
    assert rows and {n for n, _ in rows} == {name}
    assert all(kind == PERSON for _, kind in rows)


@pytest.mark.parametrize(
    "text",
    ["The mayor and others said the road would close.",
     "City officials and residents said the road would close."],
)
def test_no_name_before_and_leaves_the_group(text: str) -> None:
    names = {n for n, _ in _rows(text)}
    assert names and not any(n[:1].isupper() and " " in n for n in names)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Shares fell after the smartphone-maker reported a loss of $12 million.",
         "the smartphone-maker", ORGANISATION),
        ("Later the retailer reported weak sales in its stores.", "the retailer", ORGANISATION),
        ("According to Halden Research, the market grew by 3 percent last year.",
         "Halden Research", ORGANISATION),
        ("According to FactSet, analysts expected a profit of 40 cents a share.",
         "FactSet", ORGANISATION),
        ("A new report published today has shown that prices fell.", "A new report", DOCUMENT),
        ("The results showed revenue doubled to $24 million.", "The results", DOCUMENT),
        ("The Secretary-General reiterates that the attacks are against international law.",
         "The Secretary-General", PERSON),
    ],
)
def test_kind_of_a_common_noun_source(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _rows(text)


def test_lawmakers_stay_people() -> None:
    assert all(kind != ORGANISATION for _, kind in _rows(
        "Lawmakers said the bill would pass next week."))


def test_a_surname_after_the_full_name_is_the_person() -> None:
    rows = _rows("Wedbush’s Jen Redding said in a note that sales were weak. Store sales "
                 "were flat, Redding wrote.")
    assert rows and all(r == ("Jen Redding", PERSON) for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "The firm saw its shares fall 21 percent on Thursday, despite reporting results that "
        "beat forecasts.",
        "Police have not released any details about the driver.",
        "Police did not say whether the man was armed.",
        "The council hasn't disclosed how much the study cost.",
    ],
)
def test_no_source_row_for_a_preposition_or_a_withheld_report(text: str) -> None:
    assert _rows(text) == []


def test_a_noun_compound_is_no_report() -> None:
    assert {n for n, _ in _rows("In an analyst note on Monday, Rita Osei said the stock "
                                "would fall.")} == {"Rita Osei"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police said the driver was not injured.", "Police"),
        ("A spokesman for the harbour said the pier would not reopen.",
         "A spokesman for the harbour"),
        ("A Valley Water spokesman said supplies were safe.", "A Valley Water spokesman"),
    ],
)
def test_a_negated_content_or_a_singular_sayer_stays_a_source(text: str, name: str) -> None:
    assert name in {n for n, _ in _rows(text)}


@pytest.mark.parametrize("name", ["Artner Tamás", "Ferenc Kovács", "Marek Halvorsen"])
def test_a_name_and_colon_before_a_quotation_is_its_speaker(name: str) -> None:
    text = (f'{name}: "I would like to congratulate my side! We played very well when it '
            'was eleven against eleven."')
    assert {n for n, _ in _rows(text)} == {name}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The decision was welcomed by Tom Reid, chairman of the Harbour Trust, who said it "
         "was overdue.", "Tom Reid", PERSON),
        ("In a letter to shareholders, Acme Corp said profits had fallen.", "Acme Corp",
         ORGANISATION),
        ("Valley Foods Ltd. said sales rose in the spring.", "Valley Foods Ltd.", ORGANISATION),
        ("Figures released by the health ministry on Tuesday showed 40 new cases.",
         "Figures released by the health ministry", DOCUMENT),
        ("A report from the audit office found 12 errors.", "A report from the audit office",
         DOCUMENT),
        ("Officials from the ministry said the talks had failed.",
         "Officials from the ministry", ANONYMOUS),
        ("A lawyer from the firm said the deal was legal.", "A lawyer from the firm", ANONYMOUS),
    ],
)
def test_postmodified_and_appositive_sources(text: str, name: str, kind: str) -> None:
    assert {r for r in _rows(text)} == {(name, kind)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("According to council documents seen by the Harbour Herald, the contract runs for "
         "ten years.", "council documents seen by the Harbour Herald", DOCUMENT),
        ("The report, by the Institute for Fiscal Studies, said taxes would rise.",
         "The report", DOCUMENT),
        ("Environmental groups criticised the decision, saying it would harm wildlife.",
         "Environmental groups", ANONYMOUS),
    ],
)
def test_documents_asides_and_plural_bodies(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _rows(text)
    assert all(n == name for n, _ in _rows(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("St. Michael in a statement on its website said the hospital was working with the "
         "state.", "St. Michael"),
        ("The union in a statement said the strike would go ahead.", "The union"),
        ("The mayor in an interview with the Valley Post said the plan was dead.", "The mayor"),
        ("Harbour Water in a letter to customers said bills would rise.", "Harbour Water"),
    ],
)
def test_the_subject_before_in_a_statement_is_the_source(text: str, name: str) -> None:
    assert {n for n, _ in _rows(text)} == {name}


@pytest.mark.parametrize(
    "text",
    [
        "Scott Pauley, a spokesperson for the agency, declined to tell reporters where the "
        "passengers were taken.",
        "More than 30 positive confirmed cases of the virus have been reported from the "
        "hospital.",
    ],
)
def test_declined_disclosure_and_counted_things_are_no_sources(text: str) -> None:
    assert _rows(text) == []


def test_a_share_of_people_stays_a_source() -> None:
    rows = _rows("21 percent said they would skip the ballot this year.")
    assert ("21 percent", ANONYMOUS) in rows


@pytest.mark.parametrize("name", ["The Spokesman-Review", "The Post-Gazette"])
def test_a_hyphenated_paper_is_an_outlet(name: str) -> None:
    assert (name, "outlet") in _rows(f"{name} reported that the mill would close in June.")


def test_a_clock_time_is_no_part_of_the_source() -> None:
    text = ("One pair arrived before noon, while the others arrived shortly before 4 p.m. "
            "Hospital staff said the patients were in satisfactory condition.")
    assert {n for n, _ in _rows(text)} == {"Hospital staff"}


def test_in_a_statement_from_names_each_body() -> None:
    text = ("The estimate was first reported on Friday in a statement from the Harbour Health "
            "District and the State Department of Health.")
    assert set(_rows(text)) == {("the Harbour Health District", ORGANISATION),
                                ("the State Department of Health", ORGANISATION)}


@pytest.mark.parametrize("text", ["She lives in a house from the 1920s.",
                                  "The plan was in a drawer from the old office."])
def test_in_a_thing_from_somewhere_is_no_source(text: str) -> None:
    assert _rows(text) == []


def test_the_short_form_of_a_hospital_name_is_the_hospital() -> None:
    text = ("Twelve cases were found at St. Anselm Medical Center on Friday. St. Anselm in a "
            "statement said the hospital was testing every patient.")
    assert ("St. Anselm", ORGANISATION) in _rows(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Data and statistics provided by the Harbour Chamber of Commerce illustrate how fast "
         "the town has grown.", "the Harbour Chamber of Commerce"),
        ("Data compiled by Bloomberg shows the yen fell 2 percent in a week.", "Bloomberg"),
    ],
)
def test_the_body_that_compiled_the_data_is_the_source(text: str, name: str) -> None:
    assert {n for n, _ in _rows(text)} == {name}


def test_data_with_nothing_after_the_verb_names_no_source() -> None:
    assert _rows("The data provided by Acme show nothing.") == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The results, along with comments from chief executive Ivo Brandt that further "
         "losses were expected in the next quarter, hit the shares.", "Ivo Brandt", PERSON),
        ("Shares fell after warnings from the Harbour Port Authority that traffic would slow "
         "this year.", "the Harbour Port Authority", ORGANISATION),
    ],
)
def test_a_nominal_report_with_a_that_clause_names_its_speaker(text: str, name: str,
                                                                kind: str) -> None:
    assert (name, kind) in _rows(text)


def test_a_nominal_report_from_an_unnamed_group_names_nobody() -> None:
    assert _rows("Shares fell after warnings from several traders that the market would "
                 "turn.") == []


def test_a_verb_and_its_object_are_no_source_and_cue() -> None:
    assert _rows("The minister faced questions about the delay on Monday.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Local businesses say they have lost customers since the road closed.", "Local businesses"),
    ("Two charities said the cuts would hurt families.", "Two charities"),
    ("Residents surveyed said the road was unsafe.", "Residents surveyed"),
])
def test_unnamed_bodies_and_people_are_anonymous(text: str, name: str) -> None:
    assert _rows(text) == [(name, ANONYMOUS)]


@pytest.mark.parametrize(("text", "name"), [
    ("Goldman Sachs said oil prices would rise.", "Goldman Sachs"),
    ("Morgan Stanley said in a note that the stock was cheap.", "Morgan Stanley"),
    ("Downing Street said the prime minister had full confidence in her.", "Downing Street"),
    ("Statistics Canada said the economy grew 0.3 percent.", "Statistics Canada"),
    ("Johnson & Johnson said the vaccine was safe.", "Johnson & Johnson"),
    ("Procter & Gamble said sales rose in the spring.", "Procter & Gamble"),
])
def test_firms_and_offices_named_like_people_are_organisations(text: str, name: str) -> None:
    assert _rows(text) == [(name, ORGANISATION)]


def test_people_at_a_firm_stay_anonymous() -> None:
    assert _rows("Officials at Johnson & Johnson said the plant would close.") == [
        ("Officials at Johnson & Johnson", ANONYMOUS)]


@pytest.mark.parametrize(("text", "name"), [
    ("A resident who spoke at the meeting, Maria Diaz, said the library hours mattered most "
     "to her family.", "Maria Diaz"),
    ("The senator who chairs the panel, Ann Lee, said the bill would pass.", "Ann Lee"),
])
def test_a_name_after_a_relative_clause_is_the_speaker(text: str, name: str) -> None:
    assert _rows(text) == [(name, PERSON)]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The company's filing with the Securities and Exchange Commission shows revenue fell.",
     "The company's filing with the Securities and Exchange Commission", DOCUMENT),
    ("The Department of Health and Human Services said the rule would change.",
     "The Department of Health and Human Services", ORGANISATION),
    ("Researchers led by Dr. Mia Chen at Stanford found that the drug worked.", "Mia Chen",
     PERSON),
    ("A team led by Ann Lee found that the drug worked in mice.", "Ann Lee", PERSON),
])
def test_names_with_and_filings_and_leaders(text: str, name: str, kind: str) -> None:
    assert _rows(text) == [(name, kind)]


def test_two_people_joined_by_and_stay_apart() -> None:
    assert "Ann Lee and Tom Reid" not in {n for n, _ in _rows(
        "Ann Lee and Tom Reid said the plan would fail.")}


def test_who_after_a_chain_of_appositives_is_the_named_person() -> None:
    text = ("The leader did not go as far as Sen. Ada Kohl, R-Maine, who serves on the "
            "Senate Intelligence Committee, who on Tuesday suggested in a statement that the "
            "talks had failed.")
    assert _rows(text) == [("Ada Kohl", PERSON)]


@pytest.mark.parametrize(("text", "name"), [
    ("Findings that are wrong gain more attention, according to academics who suspect that "
     "the bar is lower.", "academics"),
    ("The plan failed, according to officials who spoke on condition of anonymity.",
     "officials"),
])
def test_a_relative_clause_after_according_to_is_no_part_of_the_source(text: str,
                                                                        name: str) -> None:
    assert _rows(text) == [(name, ANONYMOUS)]


@pytest.mark.parametrize("text", [
    "The automaker offered buyouts to 18,000 workers, but it has yet to say how many "
    "accepted.",
    "The firm has yet to disclose the price it paid.",
])
def test_a_disclosure_not_yet_made_names_no_source(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("WFMJ says the plant had more than 4,500 employees.", "WFMJ", "outlet"),
    ("WJZ-TV reported that the road was closed.", "WJZ-TV", "outlet"),
    ("WADA said the test was positive.", "WADA", ORGANISATION),
    ("Flooding hit the town, according to Andrews Police Dispatch.", "Andrews Police Dispatch",
     ORGANISATION),
    ("Some stronger storms are possible, the advisory added.", "the advisory", DOCUMENT),
])
def test_stations_services_and_advisories(text: str, name: str, kind: str) -> None:
    assert _rows(text) == [(name, kind)]
