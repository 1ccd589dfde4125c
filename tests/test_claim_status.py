"""sentences.csv's ``claim_status``: why a check-worthy sentence is or is not an unsourced claim.

The column, the CLM001 findings and the score's "unsourced claims" component tell one story:
the sentences whose status is ``unsourced`` are exactly the CLM001 findings, a claim tied to
a source says how, and a sentence exempted by its context says why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.core.config import Config
from checker.pipeline import analyse_document
from checker.scorer import UNREPORTED
from checker.text.loader import document_from_text, load_document
from rules.claims import SPEAKER, UNSOURCED, VAGUELY

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

UNSOURCED_TEXT = "The new bridge cost 41 million dollars, twice the budget the council set in 2021."
ANY_PROBABILITY = Config(settings={"claim_threshold": 0.0})
NO_PROBABILITY = Config(settings={"claim_threshold": 1.0})
SPEECH_ACT = "The governor vowed on Monday to veto the 41 million dollar bridge bill in 2025."


def _result(text: str, config: Config | None = None):  # noqa: ANN202 - an ArticleResult
    doc = document_from_text("# Bridge\n\n" + text + "\n", path="draft.md")
    return analyse_document(doc, config or Config())


def _status(result) -> dict[str, str]:  # noqa: ANN001 - an ArticleResult
    return {s["text"]: s["claim_status"] for s in result.sentences if s["region"] == "body"}


def _unsourced_points(result) -> float:  # noqa: ANN001 - an ArticleResult
    return sum(-p["points"] for p in result.score_breakdown if p["component"] == "unsourced claims")


def test_an_unsourced_claim_is_flagged_and_says_so() -> None:
    result = _result(UNSOURCED_TEXT)
    assert _status(result)[UNSOURCED_TEXT] == UNSOURCED
    assert [f["rule"] for f in result.findings if f["id"] == "CLM001"] == ["unsourced-claim"]
    assert result.metrics["unsourced_claims"] == 1
    assert _unsourced_points(result) > 0


def test_a_speech_act_of_its_subject_is_sourced_and_costs_nothing() -> None:
    # the rules' verdict (the learned decision weighs this tie with the rest, and the
    # labelled news it was fitted on often calls such sentences unsourced)
    result = _result(SPEECH_ACT, Config(settings={"claim_decision": "rules"}))
    sentence = next(s for s in result.sentences if s["text"] == SPEECH_ACT)
    assert sentence["is_claim"] is True
    assert sentence["claim_status"] == SPEAKER
    assert not [f for f in result.findings if f["id"] == "CLM001"]
    # the score agrees with the findings: no deduction for a claim the tool calls sourced
    assert result.metrics["unsourced_claims"] == 0
    assert result.metrics["attributed_claims"] == result.metrics["claims"]
    assert _unsourced_points(result) == 0


def test_an_attributed_claim_names_how_it_is_sourced() -> None:
    text = "The bridge cost 41 million dollars, the city's finance director, Ana Ruiz, said."
    assert _status(_result(text))[text] == "sourced: attributed"


def test_an_exempt_sentence_says_why_it_is_no_claim() -> None:
    text = "Did the bridge really cost 41 million dollars, twice the budget set in 2021?"
    # at threshold 0 every body sentence is scored check-worthy: the question's exemption
    # is what keeps it from being a claim
    sentence = next(s for s in _result(text, ANY_PROBABILITY).sentences if s["text"] == text)
    assert sentence["claim_status"] == "not a claim: question"
    assert sentence["is_claim"] is False
    # below the threshold a sentence has no status at all
    low = next(s for s in _result(text, NO_PROBABILITY).sentences if s["text"] == text)
    assert low["claim_status"] == "" and low["is_claim"] is False


def test_a_claim_worded_as_an_unnamed_view_is_vaguely_attributed() -> None:
    text = "The new bridge is expected to cost twice the budget the council set in 2021."
    result = _result(text, ANY_PROBABILITY)
    sentence = next(s for s in result.sentences if s["text"] == text)
    assert sentence["claim_status"] == VAGUELY and sentence["is_claim"] is True
    assert [f["id"] for f in result.findings if f["sentence"] == sentence["index"]] == ["ATT001"]
    # counted as a claim credited to someone (vaguely): no unsourced-claims deduction
    assert result.metrics["attributed_claims"] == result.metrics["claims"] >= 1
    assert _unsourced_points(result) == 0


@pytest.mark.parametrize("config,text", [
    (Config(disable=["unsourced-claim"]), UNSOURCED_TEXT),
    (Config(), "<!-- checker: disable-next-line=unsourced-claim -->\n" + UNSOURCED_TEXT),
])
def test_a_suppressed_claim_is_marked_and_not_deducted(config: Config, text: str) -> None:
    result = _result(text, config)
    assert _status(result)[UNSOURCED_TEXT] == UNREPORTED
    assert not [f for f in result.findings if f["id"] == "CLM001"]
    assert result.metrics["unsourced_claims"] == 0
    assert _unsourced_points(result) == 0


def test_status_and_findings_agree_on_every_example() -> None:
    paths = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in {".txt", ".md", ".html"})
    assert paths, "the bundled examples are missing"
    for path in paths:
        result = analyse_document(load_document(path), Config())
        flagged = {f["sentence"] for f in result.findings if f["id"] == "CLM001"}
        unsourced = {s["index"] for s in result.sentences if s["claim_status"] == UNSOURCED}
        assert flagged == unsourced, path.name
        for s in result.sentences:
            status = s["claim_status"]
            # every claim says how it is sourced or that it is not; a non-claim has no
            # "sourced"/"unsourced" status
            assert bool(s["is_claim"]) == (status == UNSOURCED or status.startswith("sourced")
                                           or status == UNREPORTED), (path.name, s["text"])
        assert result.metrics["unsourced_claims"] == len(flagged), path.name
