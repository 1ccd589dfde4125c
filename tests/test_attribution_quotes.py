"""ATT002 unattributed-quote: a quotation is flagged only when no speaker stands in its
sentence, in the body sentence before it, or in the paragraph it continues (page chrome
between does not break the chain). Our own sentences."""

from __future__ import annotations

import pytest

from tests.families import analyse_attribution


def _quote_findings(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [an.doc.text[f.start:f.end] for f in an.findings if f.rule == "unattributed-quote"]


@pytest.mark.parametrize(
    "text",
    [
        # the quote paragraph right after the speaker's sentence
        "The harbour master spoke to the council on Tuesday. She said the tides had moved "
        "the sandbanks twice this winter.\n\n"
        "\u201cWe have never had to re-chart the channel this often in one season.\u201d\n",
        # "X also noted ..." in the sentence before, the quote in a paragraph of its own
        "Marta Lewis also noted the cost of the new dredger.\n\n"
        "\u201cIt will take the port eleven years to pay for the machine.\u201d\n",
        # the speaker in the same sentence, in a shape the relation finder does not read
        "Deputy mayor Tom Okafor, who chaired the hearing, added later in the evening "
        "\u201cnobody on this council wants the ferry route to close\u201d.\n",
        # page chrome between the speaker's sentence and the quote
        "The ferry operator's chief executive, Ann Holm, said the route lost money.\n\n"
        "We use cookies to improve your experience. Accept all cookies\n\n"
        "\u201cEvery crossing in January ran at less than a third full.\u201d\n",
        # a run of quote paragraphs after the speaker's sentence: one speaker goes on
        "Tom Berg also noted that the ferry had been late on most days.\n\n"
        "\u201cI have missed the first hour of work eleven times since January.\u201d\n\n"
        "\u201cMy employer has been patient, but that patience will not last.\u201d\n",
        # a quote that continues across paragraphs after "said <name>"
        "\u201cWe were never told about the closure,\u201d said Ann Lee, who lives on the "
        "hill. \u201cThe council knew for months.\n\n"
        "\u201cNow the road is shut and nobody will say when it reopens.\u201d\n",
        # the speaker named as the subject of the sentence before, with no speech verb
        "Lewis, the head of the port authority, was clear. \u201cWe will not dredge again "
        "until the spring tides have passed.\u201d\n",
        # other page chrome between: an advertisement label, a "Read more" line
        "The ferry operator's chief executive, Ann Holm, said the route lost money.\n\n"
        "Advertisement\n\n"
        "\u201cEvery crossing in January ran at less than a third full.\u201d\n",
        "The ferry operator's chief executive, Ann Holm, said the route lost money.\n\n"
        "Read more: Ferry fares to rise in the spring\n\n"
        "\u201cEvery crossing in January ran at less than a third full.\u201d\n",
    ],
    ids=["after-she-said", "also-noted", "same-sentence", "across-chrome", "quote-run",
         "continued-quote", "named-subject", "across-advert", "across-read-more"],
)
def test_quote_with_a_speaker_nearby_is_not_flagged(text: str) -> None:
    assert _quote_findings(text) == []


def test_quote_with_no_speaker_anywhere_is_flagged() -> None:
    text = (
        "The ferry route has run at a loss for three winters.\n\n"
        "Ticket prices rose by a fifth in the spring.\n\n"
        "\u201cEvery crossing in January ran at less than a third full.\u201d\n"
    )
    found = _quote_findings(text)
    assert len(found) == 1 and "Every crossing" in found[0]


def test_speaker_two_sentences_back_does_not_cover_a_quote() -> None:
    text = (
        "The harbour master, Ruth Amos, said the channel had silted up.\n\n"
        "Dredging resumed in March after a two-month pause.\n\n"
        "\u201cThe port cannot take the larger container ships until the autumn.\u201d\n"
    )
    assert len(_quote_findings(text)) == 1


def test_a_run_of_quotes_with_no_speaker_is_flagged_throughout() -> None:
    text = (
        "Ticket prices rose by a fifth in the spring.\n\n"
        "\u201cEvery crossing in January ran at less than a third full.\u201d\n\n"
        "\u201cNobody wants to sail in a half-empty boat in the middle of winter.\u201d\n"
    )
    found = _quote_findings(text)
    assert len(found) == 2 and "Nobody wants" in found[1]


@pytest.mark.parametrize("before", [
    "The tide tables were wrong all winter.",
    "New ferry timetables were printed in March.",
])
def test_a_sentence_before_with_no_person_names_no_speaker(before: str) -> None:
    text = f"{before} \u201cEvery crossing in January ran at less than a third full.\u201d\n"
    assert len(_quote_findings(text)) == 1


_SHIFT_QUOTE = (
    "\u201cThat leaves the first boat of the morning far too late for shift workers.\u201d"
)
_OPENER_ARTICLE = (
    "The ferry has crossed the estuary every hour since the spring.\n\n"
    "{opener}, the operator cut the winter timetable to four crossings a day.\n\n"
    "{short}" + _SHIFT_QUOTE + "\n\n"
    "The new timetable starts in November.\n"
)


@pytest.mark.parametrize("opener", ["On Friday", "Last Tuesday", "In Harwich", "However"])
def test_an_opening_phrase_before_a_comma_names_no_speaker(opener: str) -> None:
    """"Yesterday, the council ..." or "In Paris, the ...": a capitalised opening phrase set
    off by a comma is no named person in the subject's place."""
    text = _OPENER_ARTICLE.format(opener=opener, short="")
    found = _quote_findings(text)
    assert len(found) == 1 and "shift workers" in found[0]


@pytest.mark.parametrize("before", [
    "Okafor, the chair of the ferry users' group, was furious.",
    "Dr Okafor, a commuter from the town, was furious.",
    "Tom Okafor, a commuter from the town, was furious.",
    "Okafor, who commutes every day, was furious.",
])
def test_a_named_person_in_an_appositive_still_names_the_speaker(before: str) -> None:
    text = (f"{before}\n\n"
            + _SHIFT_QUOTE + "\n")
    assert _quote_findings(text) == []


def test_a_short_quote_with_no_speaker_does_not_excuse_the_next_quote() -> None:
    """A quote of three words or fewer is not flagged, but it names no speaker either: the
    unattributed quote paragraph after it is still flagged."""
    text = _OPENER_ARTICLE.format(opener="On Friday", short="\u201cNot again.\u201d\n\n")
    found = _quote_findings(text)
    assert len(found) == 1 and "shift workers" in found[0]
