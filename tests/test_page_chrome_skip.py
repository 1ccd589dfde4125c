"""Page chrome, both ways, on classes found on copy nobody here wrote: article prose that the
neighbour rules (checker/text/chrome_runs.py) and the closing-bio rule took for chrome, and
chrome that was read as article text. Each test is a page of our own writing, in the shape a
scraper leaves a news page; none is copied from any page."""

from __future__ import annotations

import pytest

from checker.core.document import BODY, BOILERPLATE
from checker.text import chrome_runs
from checker.text.loader import document_from_text
from checker.text.segment import split_blocks
from tests.chrome_pages import STORY, analysed, region_of

# ---------------------------------------------------------------- prose the neighbour rules took


def test_the_authors_lead_in_to_an_image_only_post_is_prose() -> None:
    page = (
        f"{STORY}\n"
        "The mayor answered on social media within minutes:\n\n"
        "\u2014 Jane Roe (@janeroe_mayor) May 3, 2024\n\n"
        "Shop owners on Market Street said the lanes would slow their deliveries.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "The mayor answered on social media") == BODY
    assert region_of(doc, "Jane Roe (@janeroe_mayor)") == BOILERPLATE
    assert region_of(doc, "Shop owners on Market Street") == BODY


def test_a_paragraph_citing_a_post_by_its_link_mid_sentence_is_prose() -> None:
    page = (
        f"{STORY}\n"
        "A clip posted by the fire brigade at pic.twitter.com/Xy12Ab shows crews wading through "
        "the flooded underpass while a driver waits on the roof of her car.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "A clip posted by the fire brigade") == BODY


def test_a_post_that_its_own_link_closes_is_still_not_analysed() -> None:
    page = (
        f"{STORY}\n"
        "Crews are still pumping water out of the Elm Street underpass pic.twitter.com/Xy12Ab\n\n"
        "The council said the pumps had failed after a power cut.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Crews are still pumping") == BOILERPLATE
    assert region_of(doc, "The council said the pumps") == BODY


def test_full_sentences_after_a_related_label_before_a_caption_are_prose() -> None:
    page = (
        "Shelter opens two weeks early\n\nBy Jane Roe\n\n"
        f"{STORY}\n"
        "Related articles\n\n"
        "The shelter has 80 beds and will stay open until March.\n\n"
        "Volunteers are asked to sign up at the county office.\n\n"
        "Photo: The shelter on Fourth Street. (Jane Roe/Northfield Gazette)\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "The shelter has 80 beds") == BODY
    assert region_of(doc, "Volunteers are asked") == BODY


def test_a_link_shaped_list_after_its_label_before_a_caption_is_still_chrome() -> None:
    page = (
        f"{STORY}\n"
        "Related articles\n\n"
        "Harbour ferry fares will rise by a fifth from April.\n\n"
        "Police arrest two men after a break-in at the library\n\n"
        "Photo: The library on Fourth Street. (Jane Roe/Northfield Gazette)\n"
    )
    assert len(analysed(document_from_text(page))) == 2


def test_a_lead_in_ending_with_a_colon_before_a_date_is_not_a_headline() -> None:
    page = (
        "Senator answers her critics\n\n"
        "In a long post on Monday night, the senator answered her critics in her own words:\n\n"
        "May 4, 2024\n\n"
        "She said the bill would halve waiting times for veterans within two years.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "In a long post on Monday night") == BODY


def test_a_closing_line_describing_a_source_the_story_quoted_is_prose() -> None:
    page = (
        "Ferry service resumes\n\n"
        "The island ferry resumed service on Sunday after a week of storms, the operator said.\n\n"
        "\"We had people waiting since six in the morning,\" said Ada Kohl, who has run the "
        "crossing for a decade.\n\n"
        "Ada Kohl is a professor of marine biology at Northfield University and the ferry "
        "company's chair.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Ada Kohl is a professor") == BODY


def test_a_closing_bio_of_a_writer_the_piece_never_names_is_still_chrome() -> None:
    page = (
        "Why the ferry matters\n\n"
        "The island has had a ferry since 1921, and every winter shows how fragile the link "
        "is.\n\n"
        "We should fund a second boat before the next storm season, not after it.\n\n"
        "Ada Kohl is a professor of marine biology at Northfield University.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Ada Kohl is a professor") == BOILERPLATE


# ------------------------------------------------------------- chrome that was read as text


def test_a_run_of_headline_bullets_with_no_label_is_a_list_of_links() -> None:
    page = (
        "- Harbour Ferry Fares Rise by a Fifth From April\n"
        "- Library Gets Two New Branches, Council Says\n"
        "- Why the Bypass Plan Keeps Coming Back\n"
        "- Street Lights Switch to LED Lamps Over Three Years\n\n"
        f"{STORY}"
    )
    assert len(analysed(document_from_text(page))) == 2


def test_bullets_in_sentence_case_in_a_story_stay_prose() -> None:
    page = (
        f"{STORY}\n"
        "The plan includes:\n\n"
        "- New bus lanes on three downtown streets\n"
        "- Two more buses an hour on the harbour route\n"
        "- A free fare for riders under 18\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "New bus lanes on three") == BODY
    assert region_of(doc, "A free fare for riders") == BODY


def test_a_recent_posts_widget_of_dated_titles_is_a_list_of_links() -> None:
    page = (
        f"{STORY}\n"
        "- Harbour board approves late ferry sailings - May 3, 2024\n"
        "- Library branch to open in the spring - April 28, 2024\n"
    )
    assert len(analysed(document_from_text(page))) == 2


TIMELINE = (
    "Protests spread through the capital over the spring, and the government fell within six "
    "weeks.\n\n"
    "- Bread subsidies are cut and flour prices triple \u2013 March 5, 2024\n"
    "- Soldiers fire on marchers outside the parliament \u2013 April 3, 2024\n"
    "- The cabinet steps down \u2013 April 14, 2024\n\n"
)


def test_a_storys_dated_timeline_that_the_story_follows_is_prose() -> None:
    page = (
        f"{STORY}\n{TIMELINE}"
        "An interim council has promised elections before the end of the year, though no date "
        "has been set.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Bread subsidies are cut") == BODY
    assert region_of(doc, "The cabinet steps down") == BODY
    assert len(analysed(doc)) == 7


def test_a_dated_list_followed_by_more_chrome_is_a_list_of_links() -> None:
    page = f"{STORY}\n{TIMELINE}Share this article\n\nCopyright 2024 Northfield Media\n"
    doc = document_from_text(page)
    assert region_of(doc, "Bread subsidies are cut") == BOILERPLATE
    assert region_of(doc, "The cabinet steps down") == BOILERPLATE
    assert len(analysed(doc)) == 3


def test_a_dated_list_of_links_in_the_markup_is_chrome_even_inside_the_story() -> None:
    page = f"{STORY}\n{TIMELINE}The interim council meets again on Monday.\n"
    raw = split_blocks(page, "text")
    bullets = [b for b in raw if "2024" in page[b.start : b.end]]
    for b in bullets:
        b.bullet = True
    regions = [(BODY, "") for _ in raw]
    words = [len(page[b.cstart : b.end].split()) for b in raw]
    bodies = [page[b.cstart : b.end].strip() for b in raw]
    unlinked = list(regions)
    chrome_runs.mark_runs(page, raw, unlinked, words, bodies)
    assert all(unlinked[raw.index(b)][0] == BODY for b in bullets)
    anchors = [(b.cstart, b.cstart + bodies[raw.index(b)].index(" \u2013 ")) for b in bullets]
    chrome_runs.mark_runs(page, raw, regions, words, bodies, anchors)
    assert [regions[raw.index(b)] for b in bullets] == [(BOILERPLATE, "list of links")] * 3


def _html_page(linked: bool) -> str:
    """The story, then the dated timeline as an HTML list (its titles links or not), then
    another paragraph of the story."""
    items = [("Bread subsidies are cut and flour prices triple", "March 5, 2024"),
             ("Soldiers fire on marchers outside the parliament", "April 3, 2024"),
             ("The cabinet steps down", "April 14, 2024")]
    lis = "".join(
        f'<li><a href="/news/{n}">{title}</a> \u2013 {date}</li>' if linked
        else f"<li>{title} \u2013 {date}</li>"
        for n, (title, date) in enumerate(items))
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n") if p.strip())
    return (f"<html><body><article>{paragraphs}<p>Protests spread through the capital over the "
            f"spring.</p><ul>{lis}</ul><p>The interim council meets again on Monday.</p>"
            "</article></body></html>")


@pytest.mark.parametrize(("linked", "region"), [(True, BOILERPLATE), (False, BODY)])
def test_a_dated_list_in_html_is_chrome_only_when_its_titles_are_links(linked: bool,
                                                                        region: str) -> None:
    doc = document_from_text(_html_page(linked), path="page.html", fmt="html")
    assert region_of(doc, "Bread subsidies are cut") == region
    assert region_of(doc, "The cabinet steps down") == region
    assert region_of(doc, "The interim council meets again") == BODY


def test_a_list_of_links_gives_its_own_reason() -> None:
    page = f"{STORY}\n{TIMELINE}"
    doc = document_from_text(page)
    reasons = {b.reason for b in doc.blocks if b.region == BOILERPLATE}
    assert reasons == {"list of links"}


def test_a_lower_case_site_tagline_over_the_story_is_chrome() -> None:
    page = (
        "the county's guide to markets & fairs\n"
        "a NorthfieldGuide.com site\n"
        "part of Northfield Media llc.\n\n"
        f"{STORY}"
    )
    assert len(analysed(document_from_text(page))) == 2


def test_a_ticker_left_on_its_own_line_is_cut_out_of_the_sentence() -> None:
    page = (
        "Acme Corp.\nACME,\nshares fell 9% in late trading after the company cut its "
        "forecast for the quarter.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "ACME,") == BOILERPLATE
    assert region_of(doc, "shares fell 9%") == BODY


@pytest.mark.parametrize("line", [
    "Story topics:", "Connect with us:", "Published: | Updated:",
    "The Heart Society has more on blood pressure and diet.",
])
def test_labels_and_pointers_closing_a_page_are_chrome(line: str) -> None:
    page = f"{STORY}\n{line}\n"
    assert len(analysed(document_from_text(page))) == 2


def test_a_company_that_has_more_stores_is_prose() -> None:
    page = f"{STORY}\nThe company has more stores in the county than any rival, its filings show.\n"
    assert len(analysed(document_from_text(page))) == 3


def test_teasers_each_under_its_own_headline_are_a_list_of_other_stories() -> None:
    page = (
        "Wire stories, page 12\n"
        "Harbour board approves late ferry sailings\n"
        "NORTHFIELD \u2014 The harbour board voted on Monday to add two late sailings on "
        "Fridays after commuters asked for them in a survey, and its chair said...\n"
        "Library branch to open in the spring\n"
        "NORTHFIELD \u2014 The county's first new library branch since 1998 will open in "
        "April on the site of the old fire station, officials said...\n"
        "Street lights to switch to LED lamps\n"
        "NORTHFIELD \u2014 Every street light in the county will switch to LED lamps over "
        "three years under a plan the council approved on Tuesday, which...\n"
    )
    assert analysed(document_from_text(page)) == []


def test_a_quote_trailing_off_in_a_story_with_subheads_stays_prose() -> None:
    page = (
        f"{STORY}\n"
        "A long night\n\n"
        "\"We kept thinking the water would stop rising, and then it didn't...\"\n\n"
        "Residents said the pumps failed twice before midnight.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "\"We kept thinking") == BODY


def test_a_lone_short_question_capitalised_by_its_names_is_prose() -> None:
    page = (
        f"{STORY}\n"
        "What was Maya Stone's answer on Twitter?\n\n"
        "\"We listened to drivers and we acted,\" Stone wrote on Wednesday, adding that the "
        "repairs would start in March.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "What was Maya Stone's answer") == BODY


def test_a_lone_short_question_in_title_case_is_still_a_heading() -> None:
    page = (
        f"{STORY}\n"
        "What Went Wrong?\n\n"
        "The council's own review found that the contract had no penalty for late work, and "
        "that nobody had checked the first repairs before paying for them.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "What Went Wrong?") != BODY


def test_a_letter_writers_closing_line_before_the_pages_end_is_chrome() -> None:
    page = (
        "The council should publish every repair contract before it signs, not after. "
        "Residents pay for these roads and deserve to see what they buy.\n\n"
        "Tom Bell is a resident of Northfield.\n\n"
        "Copy the Story Link\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Tom Bell is a resident") == BOILERPLATE


def test_a_resident_the_story_quoted_described_at_its_end_is_prose() -> None:
    page = (
        f"{STORY}\n"
        "\"The potholes on my street have been there since spring,\" said Tom Bell.\n\n"
        "Tom Bell is a resident of Northfield.\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Tom Bell is a resident") == BODY


LONG = (
    "The council's own review found that the contract had no penalty for late work, and that "
    "nobody had checked the first repairs before paying for them in full last spring."
)


def test_a_series_of_rhetorical_questions_in_an_article_is_prose() -> None:
    page = (
        f"{STORY}\n"
        "Why had nobody checked the first repairs before paying?\n\n"
        "Who signed a contract with no penalty for late work, and why did the council not ask?\n\n"
        f"{LONG}\n\n"
        "Why?\n\n"
        f"{LONG}\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "Why had nobody checked") == BODY
    assert region_of(doc, "Why?") == BODY


def test_a_headline_question_in_title_case_opening_the_text_is_a_heading() -> None:
    page = f"As Rivals Merge, Will the Harbour Ferry Be Next?\n\n{STORY}"
    doc = document_from_text(page)
    assert region_of(doc, "As Rivals Merge") != BODY


def test_a_post_whose_signature_the_page_cut_after_its_dash_is_not_analysed() -> None:
    page = (
        f"{STORY}\n"
        "JUST IN: Crews close Harbour Road as the water rises pic.twitter.com/Xy12Ab \u2014\n"
    )
    doc = document_from_text(page)
    assert region_of(doc, "JUST IN: Crews close") == BOILERPLATE
