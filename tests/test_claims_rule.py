"""The `claims` family: claim probabilities per body sentence and CLM001 unsourced-claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.core.config import Config
from checker.pipeline import run_rules
from checker.text.loader import document_from_text
from rules import all_rules, get_rule
from rules.claims import CLAIM_THRESHOLD
from rules.claims.model import ClaimClassifier, load_model_file
from rules.claims.training import binary_metrics

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

ARTICLE = """Harbour budget under pressure

The harbour authority spent $48 million on dredging in 2023, twice its 2021 budget.

Is the spending worth it? Did the harbour really need to spend $48 million in 2023?
Residents gathered outside the town hall on a grey morning.

Cargo volumes fell 6 percent last year, the port authority said.
"""


def analyse(text: str, config: Config | None = None):  # noqa: ANN201
    doc = document_from_text(text, path="article.txt")
    return doc, run_rules(doc, config or Config())


def sentence_index(doc, prefix: str) -> int:  # noqa: ANN001
    return next(s.index for s in doc.sentences if s.text.startswith(prefix))


def test_rule_is_listed_with_docs() -> None:
    rule = get_rule("CLM001")
    assert rule.name == "unsourced-claim" and rule.family == "claims"
    assert rule.severity == "warning"
    assert rule.summary and rule.rationale and rule.bad and rule.good


def test_probabilities_for_body_sentences_only() -> None:
    doc, a = analyse(ARTICLE)
    for s in doc.sentences:
        if s.region == "body":
            assert a.claim_prob[s.index] is not None
            above = a.claim_prob[s.index] >= CLAIM_THRESHOLD.default
            # at or above the threshold a sentence is a claim unless a context rule exempts
            # it (here: the two questions); below it, never
            assert a.is_claim[s.index] == (above and not s.text.rstrip().endswith("?"))
        else:
            assert a.claim_prob[s.index] is None and not a.is_claim[s.index]


def test_flags_unsourced_claim_but_not_questions_scenes_or_attributed() -> None:
    doc, a = analyse(ARTICLE)
    flagged = {f.sentence for f in a.findings if f.rule == "unsourced-claim"}
    dredging = sentence_index(doc, "The harbour authority")
    question = sentence_index(doc, "Is the spending")
    scene = sentence_index(doc, "Residents gathered")
    report = sentence_index(doc, "Cargo volumes")
    numeric_question = sentence_index(doc, "Did the harbour")
    assert dredging in flagged
    assert a.is_claim[report] and a.attributed[report]
    assert report not in flagged
    assert question not in flagged and scene not in flagged
    assert not a.is_claim[question]
    # a figure inside a question is not an assertion
    assert not a.is_claim[numeric_question] and numeric_question not in flagged
    finding = next(f for f in a.findings if f.sentence == dredging)
    s = doc.sentences[dredging]
    assert (finding.start, finding.end, finding.code) == (s.start, s.end, "CLM001")
    assert "claim probability" in finding.message


RUN_ON_QUOTE = """Mill closure

The mill closed in March 2024 after 112 years, with the loss of 340 jobs.

"We built this town, and the town built us. The mill paid for the school, the pool and the
library in 1931, and every family here had someone on its payroll.

"Now the gates are shut and the payroll is gone," said the former union secretary.
"""


def test_a_quotation_that_runs_on_into_the_next_paragraph_is_not_a_claim() -> None:
    doc, a = analyse(RUN_ON_QUOTE)
    flagged = {f.sentence for f in a.findings if f.rule == "unsourced-claim"}
    closure = sentence_index(doc, "The mill closed")
    inside = sentence_index(doc, "The mill paid")
    assert closure in flagged
    assert a.claim_prob[inside] is not None and inside not in flagged
    assert not a.is_claim[inside]


def test_threshold_from_configuration() -> None:
    # (the rules' verdict: the learned decision reads the threshold as one feature of many)
    _, strict = analyse(ARTICLE, Config(settings={"claim_threshold": 1.0,
                                                  "claim_decision": "rules"}))
    assert not any(strict.is_claim)
    assert not [f for f in strict.findings if f.rule == "unsourced-claim"]
    _, loose = analyse(ARTICLE, Config(settings={"claim_threshold": 0.0,
                                                 "claim_decision": "rules"}))
    body = [p for p in loose.claim_prob if p is not None]
    # every scored sentence is a claim at threshold 0, but for the two questions, which
    # never are (they still get a probability)
    assert len(body) == 5
    assert sum(loose.is_claim) == len(body) - 2


def test_rule_can_be_disabled_but_probabilities_are_kept() -> None:
    _, a = analyse(ARTICLE, Config(disable=["unsourced-claim"]))
    assert not [f for f in a.findings if f.rule == "unsourced-claim"]
    assert any(a.is_claim)


def test_custom_model_from_configuration(tmp_path: Path) -> None:
    # A newsroom model that (perversely) treats readiness notes as claims, shipments not.
    texts = [f"Item {w} is ready for the team." for w in "abcdefghij"] + [
        f"The {w} depot shipped 40 crates." for w in "abcdefghij"
    ]
    labels = [1] * 10 + [0] * 10
    model = ClaimClassifier(n_features=2**16, min_df=1, calibration_folds=3).fit(texts, labels)
    (tmp_path / "models").mkdir()
    model.save(tmp_path / "models" / "ours.json")
    cfg_file = tmp_path / "pyproject.toml"
    cfg_file.write_text('[tool.checker]\nclaim_model = "models/ours.json"\n')
    from checker.settings import load_config

    cfg = load_config(cfg_file)
    doc, a = analyse("Item k is ready for the team. The k depot shipped 40 crates.\n", cfg)
    q = sentence_index(doc, "Item k")
    d = sentence_index(doc, "The k depot")
    assert a.is_claim[q] and not a.is_claim[d]


@pytest.mark.slow
def test_ct24_dev_held_out_f1() -> None:
    dev = SHARED / "checkworthy" / "ct24" / "CT24_checkworthy_english_dev.tsv"
    if not dev.is_file():
        pytest.skip("../shared/data/checkworthy is absent (third-party data, not in the repo)")
    from rules.claims.model import DEFAULT_MODEL_PATH
    from training.train_claims import read_ct24

    rows = read_ct24(dev)
    model = load_model_file(DEFAULT_MODEL_PATH)
    prob = model.predict_proba([r.text for r in rows])[:, 1]
    m = binary_metrics([r.label for r in rows], prob)
    assert m["f1"] >= 0.80, m
    assert m["roc_auc"] >= 0.95, m


def test_rule_documentation_examples_behave_as_documented() -> None:
    all_rules()
    rule = get_rule("unsourced-claim")
    _, bad = analyse(rule.bad + "\n")
    _, good = analyse(rule.good + "\n")
    assert [f.rule for f in bad.findings] == ["unsourced-claim"]
    assert good.is_claim[0] and "unsourced-claim" not in [f.rule for f in good.findings]


def _tiny_model(path: Path, metadata: dict) -> None:
    texts = [f"The {w} depot shipped {n} crates in May." for w in "abcdefghij" for n in (4, 70)]
    texts += [f"Thank you, {w}, it is good to be here." for w in "abcdefghijklmnopqrst"]
    labels = [1] * 20 + [0] * 20
    model = ClaimClassifier(n_features=2**16, min_df=1, calibration_folds=3).fit(texts, labels)
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path, metadata)


def test_threshold_named_by_use_is_the_one_the_model_records(tmp_path: Path) -> None:
    from checker.settings import load_config
    from rules.claims.scorer import load_scorer

    _tiny_model(tmp_path / "m.json", {"news_threshold": 0.0, "transcript_threshold": 1.0})
    text = "The k depot shipped 12 crates in May. The q depot shipped 9 crates in May.\n"
    for use, claims in (("news", 2), ("transcript", 0)):
        cfg_file = tmp_path / f"{use}.toml"
        cfg_file.write_text(f'[tool.checker]\nclaim_model = "m.json"\nclaim_threshold = "{use}"\n')
        cfg = load_config(cfg_file)
        _, a = analyse(text, cfg)
        assert sum(a.is_claim) == claims, use
    # the shipped model records both uses
    shipped = load_scorer().metadata_
    assert 0.0 < shipped["news_threshold"] < 1.0 and 0.0 < shipped["transcript_threshold"] < 1.0


def test_threshold_per_folder_by_use(tmp_path: Path) -> None:
    from checker.settings import load_config
    from rules.claims import CLAIM_THRESHOLD, threshold_for
    from rules.claims.scorer import load_scorer

    cfg_file = tmp_path / "pyproject.toml"
    cfg_file.write_text('[tool.checker]\n[[tool.checker.overrides]]\npaths = ["debates/*"]\n'
                        'claim_threshold = "transcript"\n')
    cfg = load_config(cfg_file)
    model = load_scorer()
    news = cfg.for_path(tmp_path / "news" / "a.md")
    assert threshold_for(news, model) == CLAIM_THRESHOLD.default
    debate = cfg.for_path(tmp_path / "debates" / "a.md")
    assert threshold_for(debate, model) == model.metadata_["transcript_threshold"]


@pytest.mark.parametrize(("toml", "needles"), [
    ('claim_threshold = "sometimes"\n', ["'claim_threshold'", "'news'", "'transcript'"]),
    ('claim_model = "m.json"\nclaim_threshold = "transcript"\n',
     ["'claim_threshold'", "'transcript'", "no transcript threshold"]),
])
def test_a_bad_named_threshold_stops_the_run(tmp_path: Path, capsys: pytest.CaptureFixture,
                                             toml: str, needles: list[str]) -> None:
    from checker.cli import main

    _tiny_model(tmp_path / "m.json", {})
    (tmp_path / ".checker.toml").write_text(toml, encoding="utf-8")
    art = tmp_path / "articles" / "story.md"
    art.parent.mkdir()
    art.write_text("The depot shipped 40 crates in May.\n", encoding="utf-8")
    assert main(["check", str(art)]) == 2
    err = capsys.readouterr().err
    for needle in needles:
        assert needle in err, err
