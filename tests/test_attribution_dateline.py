"""A wire dateline that opens a story's first sentence ("HARBOURTON - Mayor Ines Varga
said ...") is a place, not part of the sayer: it is not in the source's role nor in the
span ATT001 quotes. Our own sentences."""

from __future__ import annotations

import pytest

from checker.article import audit_article
from checker.text.tabular import ArticleInput


def _audit(body: str):  # noqa: ANN202 - the result record
    text = f"Ferry levy passes\n\n{body}\n"
    return audit_article(ArticleInput(id="d", article="d", path="d.txt", text=text))


@pytest.mark.parametrize("dash", [" - ", " -- ", " — ", " – "])
def test_the_dateline_is_not_in_the_role(dash: str) -> None:
    res = _audit(f"HARBOURTON{dash}Mayor Ines Varga said on Tuesday that the levy would pass.")
    roles = {s["name"]: s["role"] for s in res.sources}
    assert roles == {"Ines Varga": "Mayor"}


@pytest.mark.parametrize("dateline", ["HARBOURTON -", "PORT ELLEN, May 3 --", "OSLO, March 14 —"])
def test_the_dateline_is_not_in_the_vague_span(dateline: str) -> None:
    res = _audit(f"{dateline} Others said the levy was unfair to islanders.")
    spans = [f["text"] for f in res.findings if f["id"] == "ATT001"]
    assert spans == ["Others said"]


def test_a_capitalised_source_with_no_dash_keeps_its_words() -> None:
    res = _audit("US officials said the ferry levy would be lifted in the spring.")
    spans = [f["text"] for f in res.findings if f["id"] == "ATT001"]
    assert spans == ["US officials said"]
