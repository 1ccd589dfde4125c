"""A source's kind read from the whole text: a name written like a person's that the text
treats as a body is an organisation. Our own sentences."""

from __future__ import annotations

import pytest

from checker.core.analysis import ORGANISATION, PERSON
from tests.families import analyse_attribution


def _kinds(text: str) -> dict[str, str]:
    return {s.name: s.kind for s in analyse_attribution(text).sources}


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Water said bills would rise by 6 percent. Harbour Water, which serves two "
        "million homes, was fined last year.",
        "A spokesperson for Harbour Water declined to comment on Friday. Harbour Water said "
        "bills would rise by 6 percent.",
        "Harbour Water said bills would rise by 6 percent. Harbour Water's chief executive "
        "resigned in March.",
    ],
)
def test_a_two_word_name_the_text_treats_as_a_body_is_an_organisation(text: str) -> None:
    assert _kinds(text)["Harbour Water"] == ORGANISATION


@pytest.mark.parametrize(
    "text",
    [
        "Tom Berger said the club would appeal. Tom Berger, who has coached the team since "
        "2019, was not available.",
        "Tom Berger said the club would appeal.",
    ],
)
def test_a_person_stays_a_person(text: str) -> None:
    assert _kinds(text)["Tom Berger"] == PERSON
