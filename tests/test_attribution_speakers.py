"""Who is speaking in wire, local and opinion copy: the subject past an aside, inverted
sources that are really the reported clause's subject, the kind of a one-word name read
from its context, and a second source at the end of a sentence. Our own sentences."""

from __future__ import annotations

import pytest

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from rules import attribution as att
from rules import footnotes


def _analyse(text: str) -> Analysis:
    doc = document_from_text(text, path="t.txt", fmt="text")
    an = Analysis(doc=doc, config=Config())
    footnotes.run(an)
    att.run(an)
    return an


def _names(text: str) -> list[str]:
    return [s.name for s in _analyse(text).sources]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The senator, who has many followers, said the bill was dead.", "The senator"),
        ("A senior official, speaking on condition of anonymity, said the talks had stalled.",
         "A senior official"),
        ("The mayor, a former teacher, said the school would reopen.", "The mayor"),
        ("The company, which employs 400 people, said the plant would close.", "The company"),
        ("The minister, asked about the delay, said the bridge would open in May.",
         "The minister"),
        ("Ms Farrow, whose son attends the school, said parents were not consulted.",
         "Ms Farrow"),
    ],
)
def test_the_subject_past_an_aside_is_the_source(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The bridge, said the minister, would open in May.", "the minister"),
        ("“It will open in May,” said the harbour master.", "the harbour master"),
        ("It will open in May, said Ana Ruiz, a lawyer for the port.", "Ana Ruiz"),
    ],
)
def test_inverted_sources_still_found(text: str, name: str) -> None:
    assert _names(text) == [name]
