"""Page chrome told by its neighbours (checker/text/chrome_runs.py) and by line layout (wire
credits, stock quotes, indented and wrapped wire copy). Each test is a page of our own
writing, in the shape a scraper leaves a news page; none is copied from any page."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.document import BODY, BOILERPLATE, BYLINE, CAPTION, HEADING
from checker.text import chrome_runs
from checker.text.loader import document_from_text
from checker.text.segment import split_blocks
from tests.chrome_pages import STORY, analysed, region_of


def test_a_list_of_related_headlines_after_its_label_is_not_analysed() -> None:
    page = (
        f"{STORY}\n"
        "Related articles\n\n"
        "Harbour ferry fares will rise by a fifth from April.\n\n"
        "Police say two men were arrested after a break-in at the library\n\n"
        "Why the bypass plan keeps coming back\n"
    )
    doc = document_from_text(page)
    assert analysed(doc) == [
        "The county council approved a new budget on Tuesday after a four-hour meeting, "
        "raising spending on road repairs by 12 percent.",
        "Council leader Maya Stone said the increase was overdue after two hard winters.",
    ]


def test_a_read_more_line_inside_a_story_leaves_the_story_after_it_prose() -> None:
    page = (
        "Read more\n\n"
        "Harbour ferry fares will rise by a fifth from April.\n\n"
        "The harbour board met on Monday to settle the new timetable, which adds two late "
        "sailings on Fridays, and its chair said the board had listened to commuters who "
        "asked for them in a survey last autumn.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Harbour ferry fares") == BODY
    assert region_of(doc, "The harbour board met") == BODY


def test_teasers_cut_off_with_an_ellipsis_are_a_list_of_other_stories() -> None:
    page = (
        f"{STORY}\n"
        "OSLO: Rescue crews searched on Monday for three fishermen missing since their...\n"
        "LIMA: The central bank held its key rate steady for a fourth month as inflation...\n"
        "CAIRO: Engineers reopened the eastern lane of the canal bridge after repairs that…\n"
    )
    doc = document_from_text(page)
    assert len(analysed(doc)) == 2
    assert region_of(doc, "LIMA:") != BODY


def test_one_sentence_trailing_off_in_prose_stays_prose() -> None:
    page = f"{STORY}\nAnd then the lights went out...\n\nBy morning the roads were clear.\n"
    doc = document_from_text(page)
    assert region_of(doc, "And then the lights") == BODY


def test_an_embedded_post_and_its_signature_are_not_analysed() -> None:
    page = (
        f"{STORY}\n"
        "Residents were quick to react online.\n"
        "Thirty years on this street and I have never seen the river this high. "
        "pic.twitter.com/Ab12Cd34\n"
        "\u2014 Sam Ortega (@samortega) March 3, 2024\n"
        "Our crews are on the bridge now. Please stay away from the embankment.\n"
        "\u2014 Northfield Fire (@NorthfieldFire) March 3, 2024\n"
        "By Monday the water had fallen by a metre, the river agency said.\n"
    )
    doc = document_from_text(page)
    body = analysed(doc)
    assert "Residents were quick to react online." in body
    assert "By Monday the water had fallen by a metre, the river agency said." in body
    assert not any("crews are on the bridge" in s or "@" in s for s in body)


def test_a_post_quoted_in_one_paragraph_with_its_signature_is_not_analysed() -> None:
    page = (
        f"{STORY}\n"
        "The bridge is closed until further notice. https://t.co/Xy98 \u2014 Northfield "
        "Police (@NfieldPolice) March 3, 2024\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "The bridge is closed") != BODY


def test_summary_bullets_under_a_headline_are_read_as_the_storys() -> None:
    # the labelled real news counts a standfirst as the story's prose; its bullets too
    page = (
        "Council approves budget with bigger road repair fund\n"
        "- Spending on road repairs rises by 12 percent.\n"
        "- Parking fees go up by 50 cents an hour from July.\n\n"
        "By Jane Roe\n\n"
        f"{STORY}"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Parking fees go up") == BODY


def test_a_list_in_the_story_after_its_first_paragraph_is_prose() -> None:
    page = (
        "Council approves budget with bigger road repair fund\n\n"
        f"{STORY}\n"
        "The budget also sets out three changes:\n"
        "- Parking fees go up by 50 cents an hour from July.\n"
        "- Libraries open on Sundays.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Parking fees go up") == BODY
    assert region_of(doc, "Libraries open") == BODY


def test_a_headline_in_a_list_of_stories_is_the_heading_of_its_timestamp() -> None:
    page = (
        "- Ferry fares to rise by a fifth from April\n\n"
        "Updated: 3 hr ago\n\n"
        "PORTSMOUTH (AP) \u2014 Ferry fares between the island and the mainland will rise by "
        "a fifth from April, the operator said on Tuesday.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Ferry fares to rise") != BODY
    assert region_of(doc, "Updated: 3 hr ago") != BODY
    assert region_of(doc, "PORTSMOUTH") == BODY


def test_a_caption_repeating_a_sentence_of_the_next_paragraph_is_not_analysed() -> None:
    page = (
        "Volunteers planted 400 oaks along the river path last spring.\n\n"
        "The trust hopes the trees will hold the bank in floods. Volunteers planted 400 oaks "
        "along the river path last spring. Most of them have survived the dry summer.\n\n"
        "The trust will plant 300 more in March.\n"
    )
    doc = document_from_text(page)
    copies = [s for s in doc.sentences if s.text.startswith("Volunteers planted")]
    assert [s.region for s in copies] == ["caption", BODY]


def test_a_refrain_standing_alone_twice_stays_prose() -> None:
    page = (
        "It takes 270 electoral votes to win.\n\n"
        "Ohio and Florida were still counting at midnight.\n\n"
        "It takes 270 electoral votes to win.\n"
    )
    doc = document_from_text(page)
    assert len(analysed(doc)) == 3


def test_a_title_printed_twice_in_a_row_is_a_heading() -> None:
    page = (
        "Could a four-day week work for the council?\n\n"
        "Could a four-day week work for the council?\n\n"
        f"{STORY}"
    )
    doc = document_from_text(page)
    assert len(analysed(doc)) == 2


def test_a_reporters_beat_line_by_the_byline_and_at_the_end_is_not_analysed() -> None:
    page = (
        "Council approves budget\n\nBy Jane Roe\n\n"
        "Jane Roe covers city hall for the Northfield Gazette.\n\n"
        f"{STORY}\n"
        "Omar Haddad covers science and health for the Gazette.\n"
    )
    doc = document_from_text(page)
    assert len(analysed(doc)) == 2


def test_a_programme_that_covers_a_cost_is_prose() -> None:
    page = f"{STORY}\nMedicare Part B covers 80 percent of the cost of most visits.\n"
    doc = document_from_text(page)
    assert region_of(doc, "Medicare Part B") == BODY


def test_a_wire_credit_is_chrome_and_gives_no_source_row() -> None:
    from checker.pipeline import analyse_document

    page = f"{STORY}\nSource: AFP\n\nCredit: Reuters/AFP\n\nWith inputs from agencies\n"
    doc = document_from_text(page)
    for line in ("Source: AFP", "Credit: Reuters/AFP", "With inputs from agencies"):
        assert region_of(doc, line) != BODY
    result = analyse_document(doc)
    names = {s["name"] for s in result.sources}
    assert not names & {"AFP", "Reuters/AFP", "Reuters"}


def test_a_source_list_that_names_documents_is_still_references() -> None:
    page = f"{STORY}\nSources: County budget report 2024, Northfield Gazette.\n"
    doc = document_from_text(page)
    assert region_of(doc, "Sources: County budget report") == "references"


def test_a_stock_quote_is_cut_off_the_sentence_it_was_glued_to() -> None:
    page = (
        "Acme shares jump on profit forecast\n\n"
        "ACME (NYSE: ACM) $45.20 +1.35 (3.1%)\n"
        "Acme Corp raised its profit forecast for the year on Tuesday.\n\n"
        "NASDAQ: WDGT 12.40 -0.22 The maker of widgets said sales fell 4 percent.\n"
    )
    doc = document_from_text(page)
    assert analysed(doc) == [
        "Acme Corp raised its profit forecast for the year on Tuesday.",
        "The maker of widgets said sales fell 4 percent.",
    ]


def test_a_ticker_named_in_prose_stays_in_its_sentence() -> None:
    page = "Shares of Acme (NYSE: ACM) rose 3 percent on Tuesday after the forecast.\n"
    doc = document_from_text(page)
    assert analysed(doc) == [page.strip()]


def test_wire_copy_with_indented_paragraphs_is_not_split_mid_sentence() -> None:
    page = (
        "   WASHINGTON (AP) -- The Senate voted on Thursday to extend the farm aid program\n"
        "for another year, sending the measure to the House, where leaders said it\n"
        "would pass.\n"
        "   The bill would cost about $4 billion over five years, according to the\n"
        "Congressional Budget Office, which published its estimate on Monday.\n"
        "   The House is expected to vote next week.\n"
    )
    doc = document_from_text(page)
    body = analysed(doc)
    assert len(body) == 3
    assert body[1].startswith("The bill would cost") and body[1].endswith("on Monday.")
    assert [b.region for b in doc.blocks] == [BODY, BODY, BODY]


def test_a_short_line_over_a_long_one_is_not_a_wrapped_paragraph() -> None:
    text = "Markets at a glance today\nAcme Corp raised its profit forecast for the year on " \
           "Tuesday, sending its shares up in early trading in New York.\n"
    assert len(split_blocks(text, "text")) == 2


def test_a_wire_reporting_credit_closing_the_last_paragraph_is_not_analysed() -> None:
    page = (
        "The central bank held its key rate at 4 percent on Thursday, as expected. "
        "(Reporting by Jane Roe; Editing by Tom Lee)\n"
    )
    doc = document_from_text(page)
    assert analysed(doc) == ["The central bank held its key rate at 4 percent on Thursday, "
                             "as expected."]


def test_comment_forms_and_breaking_story_promises_are_chrome() -> None:
    lines = [
        "(More to follow)",
        "Details to follow.",
        "This is a developing story.",
        "Please enter your comment!",
        "There are no comments to display.",
        "Create a free account or sign in to comment",
        "Already have an account? Sign in here.",
        "Report an error",
        "Click to follow",
        "Pocket",
        "If you value our reporting, please consider making a donation today.",
    ]
    page = STORY + "\n" + "\n\n".join(lines) + "\n"
    doc = document_from_text(page)
    assert len(analysed(doc)) == 2


def test_a_story_about_a_donation_drive_is_prose() -> None:
    page = (
        "The food bank asked residents to donate tinned goods before the holiday, and "
        "volunteers will collect them door to door on Saturday.\n\n"
        "Readers are invited to contribute what they can at the library.\n"
    )
    doc = document_from_text(page)
    assert len(analysed(doc)) == 2


def test_reader_funding_appeals_are_chrome_and_a_report_about_funding_is_not() -> None:
    appeals = [
        "Independent journalism needs you. Give $5 a month to keep our reporting free.",
        "Help us keep our reporting free for everyone.",
        "Support our journalism. Become a member today.",
    ]
    page = STORY + "\n" + "\n\n".join(appeals) + "\n"
    assert len(analysed(document_from_text(page))) == 2
    report = (
        "The station asked listeners to give what they can. Support may come as monthly "
        "gifts or one-off donations, which pay for high-quality journalism, its director said."
    )
    doc = document_from_text(f"{STORY}\n{report}\n")
    assert region_of(doc, "The station asked") == BODY
    assert region_of(doc, "Support may come") == BODY


def test_a_photographers_credit_in_brackets_after_a_sentence_is_not_analysed() -> None:
    page = (
        "The warehouse, which stored paint, had been inspected in March. "
        "(Jane Roe/Northfield Gazette)\n"
    )
    doc = document_from_text(page)
    assert analysed(doc) == ["The warehouse, which stored paint, had been inspected in March."]


def test_a_sentence_said_twice_in_a_row_stays_prose() -> None:
    line = "Officials said the bridge would reopen on Friday."
    doc = document_from_text(f"{line}\n\n{line}\n")
    assert len(analysed(doc)) == 2


@pytest.mark.parametrize(
    "label",
    ["Related Stories:", "MORE FROM THE GAZETTE", "Also on Northfield Gazette", "Top Headlines",
     "Promoted Stories", "Read These Next", "Latest News", "In case you missed it",
     "What others are reading", "You may be interested in", "Explore more"],
)
def test_a_related_link_list_is_told_by_many_labels(label: str) -> None:
    page = (
        f"{STORY}\n{label}\n\n"
        "Harbour ferry fares will rise by a fifth from April.\n\n"
        "Police arrest two men after a break-in at the library\n"
    )
    assert len(analysed(document_from_text(page))) == 2


def test_reader_widgets_app_prompts_and_the_outlets_own_blurb_are_chrome() -> None:
    page = (
        "Hi, what are you looking for?\n\n"
        f"{STORY}\n"
        "How informative is this news?\n\n"
        "Download our app for breaking news alerts.\n\n"
        "The Northfield Ledger is a daily news site devoted to the county's politics and "
        "courts.\n"
    )
    assert len(analysed(document_from_text(page))) == 2


def test_a_newspaper_named_in_the_last_paragraph_of_a_story_is_prose_when_it_acts() -> None:
    page = f"{STORY}\nThe Gazette reported last week that the council had cut the fund.\n"
    doc = document_from_text(page)
    assert region_of(doc, "The Gazette reported") == BODY


def test_a_lower_case_byline_after_a_teaser_is_not_joined_to_it() -> None:
    page = (
        "Council approves budget with bigger road repair fund\n"
        "The county council approved a new budget on Tuesday after a four-hour meeting, and "
        "its leader said the roads had waited long enough for the money that the county had "
        "promised them in two budgets before this one, which she called\n\n"
        "by Jane Roe\n\n"
        "Read More\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "by Jane Roe") != BODY
    assert region_of(doc, "The county council approved") == BODY


def test_video_durations_and_a_credit_opening_a_sentence_are_not_analysed() -> None:
    page = (
        f"{STORY}\nFerry fares to rise by a fifth from April\n\n01:53\n\n"
        "The delay came after residents raised concerns about the old pier. (Photo Credit: "
        "Jane Roe) Part of the new path would cross the pier, the council said.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "01:53") != BODY
    assert region_of(doc, "(Photo Credit: Jane Roe)") != BODY
    assert region_of(doc, "Part of the new path") == BODY


PIECES = ["Related articles", "The council said the road would reopen.", "Ferry fares rise...",
          "pic.twitter.com/Ab12", "\u2014 Jane Roe (@janeroe) May 3, 2024", "- ", "\u2022 ", "\n",
          "\n\n", "By Jane Roe", "Updated: 3 hr ago", "NYSE: ACM 4.50 +0.2", "Source: AFP",
          "   ", "(Photo credit: Jane Roe)", "by Jane Roe", "01:53", "Jane Roe covers courts."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_any_page_of_chrome_pieces_segments_into_valid_spans(pieces: list[str]) -> None:
    text = " ".join(pieces)
    doc = document_from_text(text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start : s.end] == s.text
    assert all(b.start <= b.end for b in doc.blocks)


SUBHEAD_ITEMS = (
    "Bus fares will rise by 10 percent for adult riders from March.\n\n"
    "The library gets two new branches, the first since 1998.\n\n"
    "Street lights will switch to LED lamps over three years.\n"
)


@pytest.mark.parametrize("label", ["More on the budget", "Latest", "Also on the agenda",
                                   "More from the hearing", "More in the report"])
def test_a_subhead_over_short_sentences_closing_a_story_is_prose(label: str) -> None:
    page = f"{STORY}\n{label}\n\n{SUBHEAD_ITEMS}"
    doc = document_from_text(page)
    assert len(analysed(doc)) == 5
    assert region_of(doc, "Bus fares will rise") == BODY


@pytest.mark.parametrize("label", ["Latest", "More on the budget"])
def test_a_subhead_like_label_over_link_shaped_lines_is_still_a_link_list(label: str) -> None:
    page = (
        f"{STORY}\n{label}\n\n"
        "Ferry Fares to Rise by a Fifth From April\n\n"
        "Two men arrested after a break-in at the library\n\n"
        "Why the bypass plan keeps coming back\n"
    )
    assert len(analysed(document_from_text(page))) == 2


def test_related_articles_over_full_sentences_is_still_a_link_list() -> None:
    page = f"{STORY}\nRelated articles\n\n{SUBHEAD_ITEMS}"
    assert len(analysed(document_from_text(page))) == 2


def test_a_profile_lede_after_the_byline_is_prose() -> None:
    page = (
        "Tenants Take On the Landlord\n\nBy Jane Roe\n\n"
        "Omar Fell is a retired bus driver in Eastvale, and his rent has risen by half in "
        "three years.\n\n"
        "His landlord raised rents across the block by 30 percent last spring.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Omar Fell is a retired") == BODY


def test_the_bylined_writers_own_bio_and_beat_by_the_byline_are_chrome() -> None:
    for bio in ("Jane Roe is a senior fellow at the Eastvale Policy Institute.",
                "The writer is a professor of law at Eastvale University.",
                "Jane Roe covers housing for the Eastvale Courier.",
                "Sam Ortiz covers housing for the Eastvale Courier."):
        page = (
            "Tenants Take On the Landlord\n\nBy Jane Roe\n\n"
            f"{bio}\n\n"
            "The landlord raised rents across the block by 30 percent last spring.\n"
        )
        doc = document_from_text(page)
        assert region_of(doc, bio[:8]) != BODY, bio
        assert len(analysed(doc)) == 1


@pytest.mark.parametrize("last", [
    "The Eastvale Courier is a weekly newspaper that will close in June after losing "
    "$400,000 last year.",
    "The Eastvale Courier is a weekly newspaper that laid off half its reporters in May.",
])
def test_a_closing_paragraph_of_news_about_a_newspaper_is_prose(last: str) -> None:
    doc = document_from_text(f"{STORY}\n{last}\n")
    assert region_of(doc, "The Eastvale Courier") == BODY


def test_an_outlets_own_blurb_with_its_founding_year_is_chrome() -> None:
    last = "The Eastvale Courier is a nonprofit news site founded in 2015 that covers the valley."
    doc = document_from_text(f"{STORY}\n{last}\n")
    assert region_of(doc, "The Eastvale Courier") != BODY


def test_two_places_in_brackets_after_a_sentence_are_not_a_photo_credit() -> None:
    page = (
        "Freight through the two harbours rose 9 percent in May (Port Adley/West Quay).\n\n"
        "Air traffic at the paired airports fell by a tenth (Fort Lyle/New Carrow).\n"
    )
    doc = document_from_text(page)
    assert len(analysed(doc)) == 2


def test_a_photographer_and_outlet_in_brackets_are_still_a_credit() -> None:
    page = (
        f"{STORY}\n"
        "Crowds gather at the harbour for the festival. (Jane Roe/Eastvale Courier)\n\n"
        "Firefighters at the scene on Monday. (Tom Berg/NPR)\n"
    )
    assert not [s for s in analysed(document_from_text(page)) if "/" in s]


def test_someone_else_covering_a_cost_after_the_byline_is_prose() -> None:
    page = (
        "Caring at Home\n\nBy Jane Roe\n\n"
        "Omar Fell covers his mother's care with his small pension.\n\n"
        "The state cut home-care grants by a fifth last year.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Omar Fell covers") == BODY


def _teasers_without_precheck(page: chrome_runs._Page) -> None:
    """The teaser rule as it was before its whole-text test (the oracle of the next test)."""
    run: list[int] = []
    for i in range(page.n + 1):
        if (i < page.n and page.regions[i][0] in chrome_runs._OPEN and page.words[i] <= 60
                and page.bodies[i].endswith(chrome_runs._TRUNCATED)):
            run.append(i)
            continue
        if i < page.n and run and page.regions[i][0] in (BYLINE, CAPTION, BOILERPLATE, HEADING):
            continue
        if len(run) >= 3 or len(run) == 2 and i == page.n:
            for k in run:
                page.mark(k, BOILERPLATE, "list of teasers")
        run = []


TEASER_PIECES = [*PIECES, "Rights experts warned on Monday that\u2026", "Read the rest [...]",
                 "The mayor said [\u2026]", "Fares rise again..", "A story cut off ..."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TEASER_PIECES), max_size=30))
def test_the_teaser_rule_skips_only_pages_it_cannot_change(pieces: list[str]) -> None:
    text = "\n\n".join(pieces)
    fast = [(b.region, b.reason) for b in document_from_text(text).blocks]
    real = chrome_runs._teasers
    chrome_runs._teasers = _teasers_without_precheck
    try:
        slow = [(b.region, b.reason) for b in document_from_text(text).blocks]
    finally:
        chrome_runs._teasers = real
    assert fast == slow
