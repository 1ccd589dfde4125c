"""The learned sentence-level ATT001 decision (``rules/attribution/vague_model.py``)."""

from __future__ import annotations

import json

import pytest

from rules.attribution import vague_model
from rules.attribution.findings import VagueFinding, vague_findings
from rules.attribution.lexicon import get_lexicon
from tests.families import analyse_attribution


def _vague(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize("text", [
    "Officials said the ferry service would stop in March.",
    "It is understood that the ferry service will stop in March.",
    "Forecasters expect a wet and windy winter across the north coast.",
    "Numerous indicators suggest that the slowdown is under way.",
    "The ferry service will reportedly stop in March.",
])
def test_unnamed_sources_and_agentless_reports_are_vague(text: str) -> None:
    assert _vague(text)


@pytest.mark.parametrize("text", [
    "Transport Minister Ana Ruiz said the ferry service would stop in March.",
    "The ferry service will stop in March, the port authority said in a statement.",
    "The ferry carried 300 passengers on its last crossing.",
])
def test_named_sources_and_plain_facts_are_not_vague(text: str) -> None:
    assert not _vague(text)


def test_the_model_is_plain_json_with_a_weight_for_every_feature() -> None:
    data = json.loads(vague_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["format"] == vague_model.MODEL_FORMAT
    data = {k: v for k, v in data.items() if k not in ("format", "format_version")}
    assert data["features"] == list(vague_model.FEATURES)
    assert set(data["weights"]) == set(vague_model.FEATURES)
    assert 0.0 < data["threshold"] < 1.0
    assert data["mode"] in ("add", "replace")
    assert vague_model.load_model() == data


def _run(text: str, model: dict[str, object]) -> list[str]:
    lex = get_lexicon()
    an = analyse_attribution(text)
    from rules.attribution.extraction import extract
    found, quotes = extract(text, [(s.start, s.end) for s in an.doc.sentences], lex)
    body = [(s.start, s.end, s.index) for s in an.doc.sentences]
    real = vague_model.load_model
    vague_model.load_model = lambda path=None: None  # type: ignore[assignment,misc]
    try:
        rule = vague_findings(text, body, found, list(quotes), lex)
    finally:
        vague_model.load_model = real  # type: ignore[assignment]
    out = vague_model.apply(text, body, found, lex, rule, VagueFinding, quotes, model=model)
    return [text[f.start:f.end] for f in out]


def _model(mode: str, bias: float, **weights: float) -> dict[str, object]:
    w = dict.fromkeys(vague_model.FEATURES, 0.0)
    w.update(weights)
    return {"features": list(vague_model.FEATURES), "weights": w, "bias": bias,
            "threshold": 0.5, "mode": mode}


def test_a_sentence_the_model_reads_as_vague_gains_a_finding_on_the_phrase() -> None:
    text = "Meteorologists expect that the drought will last into spring."
    assert _run(text, _model("add", -5.0)) == []  # the scans alone do not flag it
    got = _run(text, _model("add", -5.0, group_verb=10.0))
    assert got and got[0].startswith("Meteorologists expect")
    assert _run(text, vague_model.load_model())  # nor does the shipped model miss it


def test_replace_mode_drops_findings_of_sentences_the_model_does_not_read_as_vague() -> None:
    text = "Officials said the ferry service would stop in March."
    assert _run(text, _model("replace", 5.0))
    assert _run(text, _model("replace", -5.0)) == []
    assert _run(text, _model("add", -5.0))  # add mode keeps the rule's findings
