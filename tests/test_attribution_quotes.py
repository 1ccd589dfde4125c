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
    ],
    ids=["after-she-said", "also-noted", "same-sentence", "across-chrome"],
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
