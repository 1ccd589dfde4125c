"""One finding per phrase: a vague attribution that is also a hedge is reported once."""

from __future__ import annotations

import pytest

from checker.core.config import Config
from checker.pipeline import analyse_document
from checker.text.loader import document_from_text

PHRASES = [
    "The mayor reportedly spent twice the budget on the new bridge last spring.",
    "It is thought that the bridge cost twice the budget the council set in 2021.",
    "Critics argue the bridge cost twice the budget the council set in 2021.",
    "Sources close to the mayor said the bridge cost twice the budget set in 2021.",
]


def _result(text: str, config: Config | None = None):  # noqa: ANN202 - an ArticleResult
    doc = document_from_text("# Bridge\n\n" + text + "\n", path="draft.md")
    return analyse_document(doc, config or Config())


@pytest.mark.parametrize("text", PHRASES)
def test_vague_attribution_and_hedge_make_one_finding(text: str) -> None:
    result = _result(text)
    rules = [f["rule"] for f in result.findings]
    assert "hedging" not in rules
    vague = [f for f in result.findings if f["rule"] == "vague-attribution"]
    assert vague, rules
    # the finding over the phrase names both aspects
    assert any("also" in f["message"] for f in vague)
    # deducted once: no hedging-density or hedge count for the merged phrase
    assert result.metrics["hedges"] == 0
    components = {p["component"] for p in result.score_breakdown}
    assert "hedging density" not in components
    # the sentence still counts as hedged and lists the cue
    sentence = next(s for s in result.sentences if s["region"] == "body")
    assert sentence["hedges"]


def test_without_the_attribution_rule_the_hedge_is_reported() -> None:
    result = _result(PHRASES[0], Config(disable=["vague-attribution"]))
    assert [f["rule"] for f in result.findings if f["rule"] == "hedging"] == ["hedging"]


def test_a_plain_hedge_is_still_a_hedging_finding() -> None:
    result = _result("The new bridge may never open, and its cost seems to have doubled.")
    assert [f["text"] for f in result.findings if f["rule"] == "hedging"] == ["may never", "seems"]


def test_a_claim_credited_to_a_vague_source_is_one_finding_and_one_deduction() -> None:
    result = _result("Parents are worried that the district will cut 35 teaching posts.")
    rules = [f["rule"] for f in result.findings]
    assert rules == ["vague-attribution"]
    # attributed, vaguely: not counted as an unsourced claim in the score either
    assert result.metrics["unsourced_claims"] == 0
    components = {p["component"] for p in result.score_breakdown}
    assert "unsourced claims" not in components
