"""Page furniture that is not article prose, both ways (issue 13): the headline and deck over
the byline, bylines and credits in their many shapes, timestamps, tables of contents, author
boxes and bios, prompts and notes; and the prose that looks like them, which stays analysed.
Nothing from a block that is not analysed reaches the findings, sources or attributions.
Every page is of our own writing, in the shapes publishing systems print; none is copied."""

from __future__ import annotations

import pytest

from checker.core.document import BODY, BOILERPLATE, BYLINE, HEADING, REFERENCES, Document
from checker.pipeline import analyse_text
from checker.text.loader import document_from_text
from tests.chrome_fixture import PAGES, UNSEEN, measure, render
from tests.chrome_fixture import THIRD as THIRD_SET
from tests.chrome_pages import STORY

LEAD = ("The regional water company will raise bills by 9 percent from April after the "
        "regulator approved its spending plans on Monday.")
SECOND = "The company said the money would pay for new pipes and two reservoirs."
THIRD = "Customer groups said households already struggled to pay their bills."


def page(*blocks: str) -> str:
    """Blocks as paragraphs between blank lines."""
    return "\n\n".join(blocks) + "\n"


def region_of(doc: Document, needle: str) -> str:
    """The region of the block that holds the first ``needle`` of the text."""
    start = doc.text.index(needle)
    return next(b.region for b in doc.blocks if b.start <= start < b.end)


# ------------------------------------------------------------- the masthead over the byline


def test_a_title_and_deck_ending_in_full_stops_over_the_byline_are_not_analysed() -> None:
    doc = document_from_text(page(
        "Water bills to rise by 9 percent in April.",
        "The regulator backs the company's plan for new reservoirs.",
        "By Tom Reyes, Consumer Affairs Correspondent",
        LEAD, SECOND, THIRD))
    assert region_of(doc, "Water bills to rise") == HEADING
    assert region_of(doc, "The regulator backs") == HEADING
    assert region_of(doc, LEAD) == BODY


@pytest.mark.parametrize("byline", [
    "By Mitch Keller and Anna Ruiz | Photographs by Leo Park for The Daily",
    "BY JAMES HOLT FOR THE EVENING POST",
])
def test_a_deck_over_a_byline_the_patterns_leave_as_a_heading_is_not_analysed(
        byline: str) -> None:
    doc = document_from_text(page(
        "Bills to rise", "Households face a 9 percent increase from April.", byline,
        "March 4, 2024", LEAD, SECOND))
    assert region_of(doc, "Households face") == HEADING
    assert region_of(doc, LEAD) == BODY


def test_a_deck_over_a_name_line_and_its_date_is_not_analysed() -> None:
    doc = document_from_text(page(
        "## Bills will rise again next year.",
        "Households face a 9 percent increase, and the regulator expects more.",
        "**Jonathan Reed**", "Sunday 5 May 2024 8:00 am", LEAD, SECOND), fmt="markdown")
    assert region_of(doc, "Households face") == HEADING
    assert region_of(doc, LEAD) == BODY


def test_a_summary_over_a_date_alone_stays_prose() -> None:
    # over a timestamp, a page's first sentence is as often the lead's twin as a deck
    doc = document_from_text(page(
        "Water bills rise",
        "The regional water company will raise bills by 9 percent from April.",
        "March 4, 2024",
        LEAD, SECOND))
    assert region_of(doc, "The regional water company will raise bills by 9 percent from "
                          "April.") == BODY


def test_a_lead_paragraph_before_a_late_byline_stays_prose() -> None:
    long_lead = LEAD + " " + SECOND + " " + THIRD
    doc = document_from_text(page("Bills to rise", long_lead, "By Tom Reyes", SECOND, THIRD))
    assert region_of(doc, LEAD) == BODY


def test_a_first_block_in_headline_case_with_a_full_stop_is_the_title() -> None:
    doc = document_from_text(page(
        "Mayor Says Flood Defences Will Be Ready Before Winter Storms Arrive.",
        LEAD, SECOND))
    assert region_of(doc, "Mayor Says Flood") == HEADING
    assert region_of(doc, LEAD) == BODY


def test_a_first_line_in_headline_case_that_ends_with_a_colon_introduces_the_text() -> None:
    doc = document_from_text(page("Statement by Council Leader Maya Stone:",
                                  "\u201cWe will open the new bridge in May.\u201d"))
    assert region_of(doc, "Statement by") == BODY


def test_a_first_sentence_with_names_in_it_stays_prose() -> None:
    first = "Maria Lopez, the Mayor of Eastport, opened the new Harbour Bridge on Sunday."
    doc = document_from_text(page(first, LEAD, SECOND))
    assert region_of(doc, first) == BODY


# ------------------------------------------------------------- bylines, credits, timestamps


@pytest.mark.parametrize("line", [
    "Guest Essay by Laura Kim",
    "Analysis by Sam Wu",
    "Reviewed by Sue Lin",
    "Edited by Mark Ellis",
    "Crime Reporter",
    "Senior economics correspondent",
    "First posted Tue 12 Nov 2019 at 5:04am",
    "Published: 19 December 2024.",
    "Originally published March 3, 2024",
])
def test_bylines_credits_and_timestamps_are_bylines(line: str) -> None:
    doc = document_from_text(page("Bills to rise", line, LEAD, SECOND))
    assert region_of(doc, line) == BYLINE


@pytest.mark.parametrize("line", [
    "**By Claire Hobbs, Health Editor**",
    "_Published 11 April 2024, 09:30_",
    "By **Ben Cho** and **Lily Park**",
])
def test_a_byline_in_markdown_emphasis_is_a_byline(line: str) -> None:
    doc = document_from_text(page("Bills to rise", line, LEAD, SECOND), fmt="markdown")
    assert region_of(doc, line) == BYLINE


@pytest.mark.parametrize("line", [
    "\u2014 With reporting by Sami Aziz in Cairo and Rachel Green in Jerusalem and Amman",
    "--additional reporting from Dana Wells.",
    "This story appears in the May 2024 issue.",
    "A version of this article appears in print on page A12 of the New York edition.",
    "Have you been affected by the flooding? Share your experiences.",
    "Do you have information about this story? Email tips@example.com.",
    "We\u2019d like to hear what you think about this or any of our articles.",
    "Log in, register or subscribe to save articles for later.",
    "Our live coverage has now ended. Thanks for following.",
    "Thanks for reading.",
    "The Weekly Politics podcast is available wherever you listen",
    "Listen to our interview with the mayor in the podcast embedded below. The discussion "
    "starts at the 12:40 mark.",
    "Watch the full clip above.",
    "A version of this article appears in print on Aug. 15, 2023, Section A, Page 1 of the "
    "New York edition with the headline: Water Bills to Rise by 9 Percent in April.",
    "*Originally published as \u2018Water bills to rise\u2019*",
    "Originally published on The Conversation",
    "*Do you agree? Have your say in the comments below.*",
    "This report was produced in partnership with the Water Desk.",
    "If you or someone you know is affected by any of the issues raised in this story, call "
    "the helpline on 0800 000 000.",
    "For confidential support call the Samaritans on 116 123.",
    "In the UK and Ireland, Samaritans can be contacted on freephone 116 123.",
    "Open this photo in gallery:",
])
def test_notes_prompts_and_credits_are_chrome(line: str) -> None:
    doc = document_from_text(page(LEAD, SECOND, line, THIRD), fmt="markdown")
    assert region_of(doc, line) == BOILERPLATE


@pytest.mark.parametrize("line", [
    "By the end of the decade, every household will need three separate bins.",
    "Reporting by the local paper first revealed the leak in 2021.",
    "Thanks to the new pipes, leaks fell by a third.",
    "Subscribers to the company's payment plan will be protected from the rise.",
    "Listeners heard the minister defend the plan on the radio on Monday.",
    "The editor of the local paper said readers had written hundreds of letters.",
    "Have the company's profits risen? Yes, by 12 percent, its accounts show.",
    "Originally published in 1851, the paper now prints only on Sundays.",
    "What do you think will happen, she asked the crowd below the stage.",
    "If you want to know why bills rise, look at the pipes.",
    "For support, the council turned to its reserves.",
    "This report was welcomed by campaigners.",
    "In the UK, the helpline received 2,000 calls in March, the charity said.",
    "View the full list of affected streets on the council's website.",
    "The photo, taken in 2019, shows the reservoir almost empty.",
    "Credit card debt rose by 8 percent last year.",
    "Supported by the council, the scheme will run until 2026.",
])
def test_prose_that_opens_like_a_note_stays_prose(line: str) -> None:
    doc = document_from_text(page(LEAD, SECOND, line, THIRD))
    assert region_of(doc, line) == BODY


def test_a_deck_in_italics_under_the_headline_is_not_analysed() -> None:
    doc = document_from_text(page(
        "# Bills to rise", "*An explainer by the Consumer Desk. Updated every Friday.*",
        LEAD, "*\u201cWe cannot go on like this,\u201d one reader wrote.*", SECOND),
        fmt="markdown")
    assert region_of(doc, "*An explainer") == HEADING
    assert region_of(doc, LEAD) == BODY
    # in italics inside the story: a quotation set off, still prose
    assert region_of(doc, "*\u201cWe cannot") == BODY


# ------------------------------------------------------------- captions


@pytest.mark.parametrize("line", [
    "Firefighters battle blazes every summer in Malibu.",
    "Residents queue for hours at the only open pharmacy.",
    "Crews worked through the night on Saturday to repair the main.",
    "Engineers check the pipes every month, the company said on Monday.",
    "Harbour board approves late ferry sailings from May 3, 2024.",
])
def test_a_scene_without_a_date_or_in_the_past_stays_prose(line: str) -> None:
    # a present-tense scene is a caption only with its date (and one of the caption verbs,
    # data/boilerplate.json caption_single): "Harbour board approves ..." has a noun for a verb
    doc = document_from_text(page(LEAD, SECOND, line, THIRD))
    assert region_of(doc, line) == BODY


# ------------------------------------------------------------- lists: contents and links


def test_a_table_of_contents_after_its_label_is_not_analysed() -> None:
    doc = document_from_text(page(
        "Why trains run late", "In this article:", "1. The timetable problem",
        "2. Signals and staff", "3. What happens next", LEAD, SECOND), fmt="markdown")
    for line in ("In this article:", "The timetable problem", "Signals and staff",
                 "What happens next"):
        assert region_of(doc, line) == BOILERPLATE, line
    assert region_of(doc, LEAD) == BODY


def test_a_contents_label_followed_by_sentences_stays_prose() -> None:
    doc = document_from_text(page(LEAD, "Contents:", SECOND, THIRD))
    assert region_of(doc, SECOND) == BODY


def test_prose_after_a_list_of_linked_lines_stays_prose() -> None:
    doc = document_from_text(page(
        LEAD, "**MORE NEWS**",
        "[Man charged over harbour crash](https://example.com/crash)",
        "[Heatwave warning for the west](https://example.com/heat)",
        "It is the third rise in three years.",
        "*Originally published as \u2018Water bills to rise\u2019*"), fmt="markdown")
    assert region_of(doc, "[Man charged") == BOILERPLATE
    assert region_of(doc, "It is the third rise") == BODY


def test_prose_after_a_list_of_linked_bullets_stays_prose() -> None:
    doc = document_from_text(page(
        LEAD, "**READ NEXT:**",
        "- [Village pub reopens its doors](https://example.com/pub)",
        "- [Council approves 300 homes](https://example.com/homes)",
        SECOND, THIRD), fmt="markdown")
    assert region_of(doc, "[Village pub") == BOILERPLATE
    assert region_of(doc, SECOND) == BODY
    assert region_of(doc, THIRD) == BODY


# ------------------------------------------------------------- bios and author boxes


@pytest.mark.parametrize("bio", [
    "Nina Patel is a congressional reporter. She joined the paper in 2019.",
    "Kit Rowe writes about transport. He was previously a reporter at the Yorkshire Post.",
    "Ellen Marsh is a writer based in Penzance. Her book on Cornish lighthouses is published "
    "next year.",
    "Laura Kim is a senior fellow at the Brookings Institution and the author of \u201cTime "
    "Poor.\u201d",
    "Priya Raman is a senior reporter covering semiconductors. Send tips to priya@example.com.",
    "*Jonathan Reed is a former housing minister.*",
])
def test_a_bio_with_its_pronoun_sentences_ending_the_text_is_chrome(bio: str) -> None:
    doc = document_from_text(page(LEAD, SECOND, THIRD, bio, "Comments"))
    assert region_of(doc, bio[:20]) == BOILERPLATE


def test_a_closing_paragraph_about_a_source_stays_prose() -> None:
    last = ("Ada Kohl is a retired teacher who has lived on the street for 40 years. She "
            "joined the protest in May.")
    doc = document_from_text(page(LEAD, SECOND, THIRD, last))
    assert region_of(doc, "Ada Kohl") == BODY


def test_an_author_box_is_not_analysed() -> None:
    doc = document_from_text(page(
        "# Housing targets", LEAD, SECOND, "### About the author",
        "Priya Shah is a senior researcher at the Centre for Cities. She previously worked at "
        "the Treasury.",
        "- [Twitter](https://example.com/tw)", "- [LinkedIn](https://example.com/li)"),
        fmt="markdown")
    assert region_of(doc, "Priya Shah") == BOILERPLATE
    assert region_of(doc, LEAD) == BODY


def test_a_sentence_after_a_photo_credit_at_the_end_stays_prose() -> None:
    doc = document_from_text(page(
        LEAD, SECOND,
        "Protesters outside the company's offices on Monday, March 4, 2024.",
        "Dan Ruiz/Getty Images",
        "Bills will rise again next year.",
        "Sign up for our newsletter"))
    assert region_of(doc, "Bills will rise again") == BODY


# ------------------------------------------------------------- nothing from chrome


def test_links_and_source_lines_in_chrome_give_no_source() -> None:
    text = page(
        "Bills to rise", "By Tom Reyes", "Source: Example Wire",
        LEAD, "**Read more:** [Why bills rise](https://www.bbc.co.uk/news/bills)", SECOND,
        "Sources: Ofwat; Office for National Statistics")
    result = analyse_text(text, "page.md", fmt="markdown")
    names = {s["name"] for s in result.sources}
    assert "BBC" not in names and "bbc.co.uk" not in names
    assert not any("Example Wire" in n for n in names)
    assert "Ofwat" in names  # a closing source list is the story's


def test_a_link_in_the_story_is_still_a_source() -> None:
    text = page(LEAD, "The regulator's [decision](https://www.ofwat.gov.uk/decision) runs to "
                "200 pages.", SECOND)
    result = analyse_text(text, "page.md", fmt="markdown")
    assert any(s["cue"] == "link" for s in result.sources)


@pytest.mark.parametrize("n", range(len(PAGES)))
def test_nothing_from_a_block_that_is_not_analysed(n: int) -> None:
    fmt, lines = PAGES[n]
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[fmt]
    result = analyse_text(render(fmt, lines), f"page{suffix}", fmt=fmt)
    open_regions = (BODY, REFERENCES)
    sents = result.sentences

    def regions(a: int, b: int) -> set[str]:
        return {s["region"] for s in sents if s["start"] < max(b, a + 1) and a < s["end"]}

    spans = [(f["start"], f["end"]) for f in result.findings]
    spans += [(s["start"], s["end"]) for s in result.sources]
    for rec in result.attributions:
        spans += [(p["start"], p["end"]) for p in (rec["source"], rec["cue"]) if p]
    for a, b in spans:
        got = regions(a, b)
        assert not got or got & set(open_regions), (result.text[a:b], got)


# ------------------------------------------------------------- the fixture as a whole


_SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}


@pytest.mark.parametrize("fmt,lines", PAGES + UNSEEN, ids=lambda v: v if isinstance(v, str)
                         else str(len(v)))
def test_a_page_audits_as_its_prose_alone(fmt: str, lines: list[tuple[str, str]]) -> None:
    # issue 13: nothing from the blocks that are not analysed, in findings, sources or score
    name = f"page{_SUFFIX[fmt]}"
    full = analyse_text(render(fmt, lines), name, fmt=fmt)
    bare = analyse_text(render(fmt, [x for x in lines if x[0] != "C"]), name, fmt=fmt)
    assert sorted((f["rule"], f["text"]) for f in full.findings) == sorted(
        (f["rule"], f["text"]) for f in bare.findings)
    assert sorted(s["name"] for s in full.sources) == sorted(s["name"] for s in bare.sources)
    assert full.score == bare.score


def test_the_fixture_pages_chrome_is_not_analysed_and_their_prose_is() -> None:
    tally = measure(PAGES)
    assert tally.chrome >= 150
    assert tally.chrome_analysed == []
    assert tally.chrome_found == []
    assert tally.prose_skipped == []


def test_the_second_fixture_set_chrome_is_not_analysed_and_its_prose_is() -> None:
    tally = measure(UNSEEN)
    assert tally.chrome_analysed == []
    assert tally.chrome_found == []
    assert tally.prose_skipped == []


def test_the_third_fixture_set_less_a_caption_without_credit() -> None:
    # a caption that is two full sentences with no credit ("A rancher moves cattle near
    # Dodge City, Kan., last month. Prices for hay have doubled.") is still read as text
    tally = measure(THIRD_SET)
    assert [t.split(": ", 1)[1][:20] for t in tally.chrome_analysed] == ["A rancher moves catt"]
    assert len(tally.chrome_found) <= 1
    assert tally.prose_skipped == []


def test_story_pages_of_the_other_tests_keep_their_prose() -> None:
    doc = document_from_text(STORY)
    assert all(s.region == BODY for s in doc.sentences)
