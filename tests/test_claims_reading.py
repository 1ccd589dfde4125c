"""Issue 14: the author's reading of events in analysis and opinion pieces, the opinion
writer addressing the reader, and a headline that reached the body as a sentence are not
unsourced claims; figures, dated events and plain facts in the same pieces still are."""

from __future__ import annotations

import pytest

from checker.core.config import Config
from checker.pipeline import run_rules
from checker.text.loader import document_from_text
from rules.claims.context import ARGUMENT, exemption

READING = "the author's reading of events"


@pytest.mark.parametrize("text", [
    # what something is a sign of, as the main clause's predicate
    "The delays are emblematic of a council that has lost its grip on the harbour works.",
    "The walkout was symptomatic of a deeper distrust between the crews and the board.",
    "The empty benches at the meeting were a sign of how tired the town had grown.",
    "Yet the quarrel is also a telling reminder of who really runs the harbour.",
    # how someone seemed to be, not what seemed to happen
    "At the crucial moment, the chairman appeared to lose his nerve.",
    "By the spring the board seemed to lack any plan for the pier.",
    "The mayor appears to be increasingly isolated on the council.",
    "Twice the chairman seemed to step on his own good news.",
    # a limited explanation, a verdict of "not good enough", "just how"
    "But this only explains why the crews walked out of the meeting.",
    "That does not explain why the board ignored its own engineers.",
    "Winning the vote on the levy was no longer good enough for the chairman.",
    "The row over the pier showed just how brittle the coalition had become.",
    # a comparison of two things that were, a verdict in two adjectives
    "If the spring session was the board's high point, the autumn was its reckoning.",
    "If the first budget marked a truce, the second represented open war.",
    "The reaction on the quay was swift and angry.",
    "Its answer to the crews was curt and dismissive.",
])
def test_the_authors_reading_in_analysis_and_opinion_is_no_claim(text: str) -> None:
    assert exemption(text, 0, "analysis") == READING
    assert exemption(text, 0, "opinion") in {READING, ARGUMENT}
    # in a news report the same sentence is not exempted as the author's reading
    assert exemption(text, 0, "news") not in {READING, ARGUMENT}


@pytest.mark.parametrize("text", [
    # a figure or a dated event stays a claim, however it is read
    "The delays, emblematic of the whole project, added 4 million to the bill.",
    "In March the chairman appeared to lose the vote of his own board.",
    # a plain account of what happened
    "The harbour board sold the old pier to a developer from Truro.",
    "The chairman resigned after the inspectors found cracks in the sea wall.",
    # what appeared to happen: a report, not a reading
    "Footage from the pier appeared to show a guard pushing a protester into the water.",
    "The crane seemed to topple before the driver could jump clear.",
    "The letters appear to confirm that the board knew of the cracks.",
    # "so-called", "rationale", "only to" and "explain why" carry facts as often as readings
    "The so-called night crews cut the nets of two trawlers in the outer harbour.",
    "A judge struck down the council's rationale for closing the ferry office.",
    "The skipper was rescued once, only to be swept overboard again an hour later.",
    "The inspectors were asked to explain why the wall had not been repaired.",
    # a sign or a symbol of something inside a relative clause is a fact about a thing
    "The mayor carried a flag that is a symbol of the fishermen's union.",
    "Divers found a buoy which was a sign of an old wreck.",
    # a condition, not a comparison
    "If the ferry runs late, the council is obliged to refund the fare.",
    "If a skipper lands undersized crabs, the board is required to suspend his licence.",
    # two participles are what happened to someone, not a verdict
    "The skipper was arrested and charged.",
    "The old pier was sold and demolished.",
    # judging words are an opinion writer's argument; in an analysis a fact
    "The contractor was responsible for the collapse of the sea wall.",
    "The new harbour master is important to the plan, the board believes.",
])
def test_facts_in_an_analysis_are_still_checked(text: str) -> None:
    assert exemption(text, 0, "analysis") == ""


@pytest.mark.parametrize("text", [
    "Stand on the quay at dusk and you can sense the frustration of the crews.",
    "On one side of the quarrel you have the harbour board and its consultants.",
    "Anyone on the quay can see the frustration of the crews.",
    "Walk past the empty berths and you'll understand the anger.",
    "On any morning at the fish market you can hear the same complaint.",
])
def test_an_opinion_writer_addressing_the_reader_is_no_claim(text: str) -> None:
    assert exemption(text, 0, "opinion") == ARGUMENT
    # an analysis does not argue with its reader: no exemption for the address alone
    assert exemption(text, 0, "analysis") == ""


@pytest.mark.parametrize("text", [
    # "you" and "your" in a statement of fact
    "A season's mooring in the new marina costs more than you earn in a month.",
    "The ferry fare is higher than your bus pass covers.",
    "Your local harbour board sold the pier to a developer from Truro.",
    # "you" inside a relative clause: a fact about what anyone gets
    "Saving what you can earn on the boats has in fact ruined many families in Portloe.",
    "The pier sold for less than all you can catch in a season.",
    # an interviewer's line
    "Q: You have run the harbour board since the ferry company left.",
    "Q. Your father sold the boatyard to the council.",
])
def test_you_in_a_statement_of_fact_is_still_a_claim_in_an_opinion_piece(text: str) -> None:
    assert exemption(text, 0, "opinion") == ""


def _statuses(text: str, decision: str = "model") -> dict[str, str]:
    """Each body sentence's ``claim_status`` (text -> status) under ``claim_decision``."""
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, Config(settings={"claim_decision": decision}))
    return {s.text: analysis.claim_status[s.index] or "" for s in analysis.body_sentences()}


TITLED = (
    "Storm closes coastal road; \nFerries cancelled until the weekend.\n\n"
    "PORTLOE (Courier) — The coastal road between Portloe and Veryan closed on Monday after "
    "a storm washed away part of its sea wall.\n\n"
    "The council shut the road to all traffic after an inspection found deep cracks in the "
    "wall.\n")

DATELINE_TITLED = (
    "Quarry owner fined 40,000 pounds over dust from blasting in May.\n\n"
    "DUNMORE (Courier) — "
    "The owner of the Dunmore quarry was fined 40,000 pounds on Thursday for dust that "
    "covered the village after blasting in May.\n")


ONE_LINE_TITLED = (
    "Council sells the old pier;  Developer plans flats and a marina on the site of the old "
    "ferry landing.\n\n"
    "The harbour board sold the old pier to a developer from Truro for 2 million pounds on "
    "Friday after a vote of five to four.\n")


@pytest.mark.parametrize("decision", ["model", "rules"])
@pytest.mark.parametrize(("text", "title"), [
    (TITLED, "Storm closes coastal road; \nFerries cancelled until the weekend."),
    (ONE_LINE_TITLED, "Council sells the old pier;  Developer plans flats and a marina on the "
                      "site of the old ferry landing."),
    (DATELINE_TITLED, "Quarry owner fined 40,000 pounds over dust from blasting in May."),
])
def test_a_title_line_at_the_top_of_the_text_is_no_claim(text: str, title: str,
                                                          decision: str) -> None:
    statuses = _statuses(text, decision)
    assert statuses[title] == "not a claim: headline"
    # the lead after it is still the author's claim
    assert [t for t, status in statuses.items() if status == "unsourced"]


LONG_LEAD = (
    "The owner of the Dunmore quarry was fined 40,000 pounds on Thursday for the dust that "
    "covered the village of Dunmore after blasting in May.\n\n"
    "The quarry has appealed against the fine.\n")

ONE_PARAGRAPH = "The quarry owner was fined over the dust from the blasting at Dunmore.\n"

AFTER_TEXT = (
    "Quarry fines\n\nBy A. Writer\n\n"
    "The quarry owner was fined over the dust.\n\n"
    "The owner of the Dunmore quarry was fined 40,000 pounds on Thursday for the dust that "
    "covered the village of Dunmore after blasting in May.\n")

LEAD_IN = (
    "The governor signed the following bills into law:\n\n"
    "A bill that raises the school leaving age to eighteen from next September.\n")


SEMICOLON_LEAD = (
    "The harbour master retired on Friday; his deputy, Tom Hale, takes over the port until "
    "the board meets in June.\n\n"
    "The board thanked him for twenty years of service.\n")

LABELLED_UPDATE = (
    "The board voted on Monday to sell the old boatyard to the council.\n\n"
    "CORRECTION: An earlier version gave the wrong price for the boatyard.\n\n"
    "The sale will close in the autumn.\n")

CAPITAL_AFTER_SEMICOLON = (
    "Two trawlers collided off Portloe at dawn; Coastguard crews pulled four men from the "
    "water.\n\n"
    "All four were taken to hospital in Truro.\n")


@pytest.mark.parametrize("text", [LONG_LEAD, ONE_PARAGRAPH, AFTER_TEXT, LEAD_IN,
                                  SEMICOLON_LEAD, LABELLED_UPDATE, CAPITAL_AFTER_SEMICOLON])
def test_an_opening_sentence_that_is_not_a_title_line_keeps_its_verdict(text: str) -> None:
    statuses = _statuses(text, "rules")
    assert "not a claim: headline" not in statuses.values()


NO_TITLE = (
    "Flood defences along the river cost the county 14 million pounds in 2022.\n\n"
    "The county's chief engineer said the new barrier had held back a record surge.\n")

WRAPPED_NO_TITLE = (
    "Flood defences along the river cost the county 14 million pounds\nin 2022.\n\n"
    "The county's chief engineer said the new barrier had held back a record surge.\n")


@pytest.mark.parametrize(("text", "lead"), [
    (NO_TITLE, "Flood defences along the river cost the county 14 million pounds in 2022."),
    (WRAPPED_NO_TITLE, "Flood defences along the river cost the county 14 million pounds\nin "
                       "2022."),
])
def test_a_short_opening_paragraph_of_a_draft_with_no_title_is_still_a_claim(
        text: str, lead: str) -> None:
    """Only a paragraph built as a title is one: not a short lead (hard-wrapped or not)
    with no subhead run into it and no dateline after it."""
    assert _statuses(text, "rules")[lead] == "unsourced"


@pytest.mark.parametrize("text", [
    "The council's “zero waste” pledge was nearly as hollow as its promise on the buses.",
    "The chairman's “10-point plan” is every bit as vague as the one before it.",
])
def test_a_comparison_in_an_opinion_piece_is_its_argument_whatever_it_quotes(text: str) -> None:
    """A figure inside quotation marks names a remark or a slogan; the comparison is the
    writer's judgement."""
    assert exemption(text, 0, "opinion") == READING
    assert exemption(text, 0, "news") not in {READING, ARGUMENT}


@pytest.mark.parametrize("text", [
    "The council's “zero waste” pledge cut 40 jobs at the depot.",
    "The levy was almost as high as 30 percent of the fare.",
])
def test_a_figure_outside_quotation_marks_stays_a_claim_in_an_opinion_piece(text: str) -> None:
    assert exemption(text, 0, "opinion") == ""


CLOSING_NOTES = (
    "The Harbour Board Has Lost the Town\n\n"
    "The harbour board sold the old pier to a developer from Truro for 2 million pounds.\n\n"
    "The crews were not consulted before the sale.\n\n"
    "Ann Kerr is a former chair of the Portloe Fishermen's Association.\n\n"
    "Reprinted with permission from the Portloe Gazette.\n")


def test_a_note_on_the_writer_and_a_reprint_credit_closing_the_text_are_no_claims() -> None:
    statuses = _statuses(CLOSING_NOTES, "rules")
    for note in ("Ann Kerr is a former chair of the Portloe Fishermen's Association.",
                 "Reprinted with permission from the Portloe Gazette."):
        assert statuses[note] == "not a claim: note on the writer or a reprint credit"
    assert statuses["The harbour board sold the old pier to a developer from Truro for 2 "
                    "million pounds."] == "unsourced"


MID_TEXT_ROLE = (
    "Ann Kerr is a former chair of the Portloe Fishermen's Association.\n\n"
    "She was fined 2,000 pounds for landing undersized crabs in March.\n\n"
    "The harbour board sold the old pier to a developer from Truro.\n")


def test_a_sentence_naming_a_role_inside_the_text_keeps_its_verdict() -> None:
    """Only the paragraphs that close the text are notes: a role named before the end is
    the article's own statement."""
    statuses = _statuses(MID_TEXT_ROLE, "rules")
    assert "not a claim: note on the writer or a reprint credit" not in statuses.values()


BOOK_EXCERPT = (
    "The harbour board sold the old pier to a developer from Truro for 2 million pounds.\n\n"
    "The crews were not consulted before the sale, and they have not forgotten it.\n\n"
    "From HARBOUR DAYS by Ann Kerr. Copyright © 2024 by Ann Kerr. Reprinted courtesy of "
    "Portloe Books.\n")

ENDS_IN_PROSE = (
    "The harbour board sold the old pier to a developer from Truro for 2 million pounds.\n\n"
    "The crews were not consulted. Ann Kerr is a former chair of the fishermen's "
    "association.\n")


def test_a_closing_paragraph_of_credits_is_no_claim_but_a_paragraph_of_prose_is() -> None:
    book = _statuses(BOOK_EXCERPT, "rules")
    assert [t for t, st in book.items() if st == "not a claim: note on the writer or a "
            "reprint credit"] == ["From HARBOUR DAYS by Ann Kerr.", "Copyright © 2024 by Ann Kerr.",
                                  "Reprinted courtesy of Portloe Books."]
    prose = _statuses(ENDS_IN_PROSE, "rules")
    assert "not a claim: note on the writer or a reprint credit" not in prose.values()


STORY_ENDING_ON_BACKGROUND = (
    "A fishing boat sank off Portloe on Tuesday night.\n\n"
    "The coastguard said two of the crew were rescued.\n\n"
    "The skipper was a member of the harbour board for a decade.\n\n"
    "His brother was the chairman of the lifeboat trust until he was convicted of theft in "
    "2019.\n\n"
    "It was the third boat lost from the harbour this year.\n")

STORY_ENDING_ON_COPYRIGHT = (
    "The Portloe museum reopened on Saturday after a year of repairs.\n\n"
    "The curator said visitors had queued since dawn.\n\n"
    "Copyright disputes over the museum's photographs went to court twice last year.\n")


@pytest.mark.parametrize("text", [STORY_ENDING_ON_BACKGROUND, STORY_ENDING_ON_COPYRIGHT])
def test_a_story_that_ends_on_background_has_no_closing_note(text: str) -> None:
    """A note on the writer opens with the writer's name, not with "The skipper", "His
    brother" or "It"; a credit says "Copyright ©", "Copyright 2024" or "Copyright by", not
    "Copyright disputes"."""
    for decision in ("rules", "model"):
        statuses = _statuses(text, decision)
        assert "not a claim: note on the writer or a reprint credit" not in statuses.values()


@pytest.mark.parametrize("note", [
    "Tom Hale is a retired skipper and a columnist for the Portloe Gazette.",
    "Dr. Ann Kerr is a lecturer in marine history at the University of Falmouth.",
    "Adapted from a talk Tom Hale gave at the Portloe book festival.",
])
def test_notes_on_the_writer_in_other_words(note: str) -> None:
    text = ("The Harbour Board Has Lost the Town\n\n"
            "The harbour board sold the old pier to a developer from Truro.\n\n"
            "The crews were not consulted before the sale.\n\n" + note + "\n\n"
            "Reprinted with permission from the Portloe Gazette.\n")
    statuses = _statuses(text, "rules")
    assert statuses[note] == "not a claim: note on the writer or a reprint credit"
    assert statuses["The harbour board sold the old pier to a developer from Truro."] == (
        "unsourced")


def test_a_closing_note_is_chrome_to_the_learned_decision() -> None:
    from rules.claims.decision import REASON_GROUPS
    from rules.claims.edges import CLOSING_NOTE
    assert REASON_GROUPS[CLOSING_NOTE] == REASON_GROUPS["headline"] == "chrome"


@pytest.mark.parametrize("text", [
    "But the mayor also managed to underscore her strength among the harbour crews.",
    "The walkout helped highlight the rift between the board and the crews.",
    "The second vote served to illustrate how little the board had listened.",
])
def test_the_authors_reading_through_a_verb_of_achieving_is_no_claim(text: str) -> None:
    assert exemption(text, 0, "news") == "the author's reading of events"


@pytest.mark.parametrize("text", [
    "The board managed to sell the pier before the vote.",
    "The mayor helped underscore 40 percent of the cuts in the budget.",
    # verbs of achieving before an act, not a reading
    "A deckhand managed to signal the lifeboat with a torch.",
    "The receipts helped demonstrate the theft to the auditors, who called the police.",
    "The new radar served to signal ships away from the rocks.",
])
def test_an_achievement_or_a_figure_is_still_a_claim(text: str) -> None:
    assert exemption(text, 0, "news") == ""


@pytest.mark.parametrize("text", [
    "In this case, the board's approach seems to have backfired on its chairman.",
    "The gamble on a second ferry appears to have paid off for the harbour board.",
    "But that strategy seemed to have fallen flat with the crews.",
    "So far, the mayor's charm offensive appears to have worked.",
    "Her bid for the chair seems to have stalled: the crews have not forgotten the sale.",
])
def test_how_a_course_of_action_turned_out_as_the_author_reads_it_is_no_claim(text: str) -> None:
    assert exemption(text, 0, "news") == "the author's reading of events"


@pytest.mark.parametrize("text", [
    "The fire appears to have started in the kitchen of the harbour cafe.",
    "The strategy appears to have cost the board 40,000 pounds.",
    "Police said the approach seems to have failed, and two men were arrested.",
    # a machine or an office that failed is an event, and "failed to" names what it failed
    # to do
    "The lifeboat's engine appears to have failed off the point.",
    "The harbour office seems to have failed to renew its insurance last year.",
    "Their plan seems to have failed to win a single vote on the board.",
    "The ferry's pumps seem to have worked until the hull split.",
])
def test_what_appears_to_have_happened_is_still_a_claim(text: str) -> None:
    assert exemption(text, 0, "news") != "the author's reading of events"
