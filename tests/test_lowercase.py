"""Lower case that keeps offsets (checker.text.lowercase), as the attribution scans use it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.text.lowercase import lowered
from rules.attribution.vague_passive import agentless_reports


def test_dotted_capital_i_lowers_to_one_character() -> None:
    text = "İt is said that the İzmir ferry was late."
    low = lowered(text)
    assert len(low) == len(text)
    assert low.startswith("it is said that the izmir")


def test_plain_text_is_plain_lower() -> None:
    assert lowered("The Mayor SAID so; ΟΔΟΣ") == "The Mayor SAID so; ΟΔΟΣ".lower()


@given(st.text())
def test_same_length_and_each_character_lowered(text: str) -> None:
    low = lowered(text)
    assert len(low) == len(text)
    if len(text.lower()) == len(text):
        assert low == text.lower()
    else:  # one character in, the first character of its lower case out
        assert low == "".join(c.lower()[0] for c in text)


def test_agentless_scan_offsets_point_at_the_original_text() -> None:
    text = "The İzmir pier reopened. İt was confirmed that the ferry had been repaired."
    sentences = [(0, 24), (25, len(text))]
    spans = agentless_reports(text, sentences)
    assert spans, "the passive after a dotted capital I is found"
    a, b = spans[0]
    assert text[a:b].startswith("İt was confirmed that")
