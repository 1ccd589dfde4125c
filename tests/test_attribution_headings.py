"""A press release's speaker heading ("Statement from Ann Lee:") is the source of the
quotation paragraphs below it. Our own sentences."""

from __future__ import annotations

import pytest

from checker.core.analysis import PERSON
from tests.families import analyse_attribution

RELEASE = """Press Release

Statement from Carla Mendes:

"When we set up the review panel, we expected the chair to serve two years. Omar Field will
step down at the end of the season."

"The board will choose a new chair this month."
"""


def test_the_heading_names_the_speaker_of_the_quotations() -> None:
    an = analyse_attribution(RELEASE)
    assert [(s.name, s.kind) for s in an.sources] == [("Carla Mendes", PERSON)]
    assert not [f for f in an.findings if f.rule == "unattributed-quote"]


@pytest.mark.parametrize("heading", ["Remarks by Mayor Carla Mendes:",
                                     "A statement from Carla Mendes:"])
def test_other_headings(heading: str) -> None:
    text = f'{heading}\n\n"We will open the new bridge in May."\n'
    assert [s.name for s in analyse_attribution(text).sources] == ["Carla Mendes"]


def test_a_heading_without_a_quotation_below_names_nobody() -> None:
    text = "Statement from Carla Mendes:\n\nThe bridge opens in May, the council said.\n"
    assert "Carla Mendes" not in {s.name for s in analyse_attribution(text).sources}


def test_a_colon_inside_a_sentence_is_no_heading() -> None:
    text = ("The council read a statement from Carla Mendes: the bridge opens in May.\n\n"
            '"It is late," one resident said.\n')
    assert "Carla Mendes" not in {s.name for s in analyse_attribution(text).sources}
