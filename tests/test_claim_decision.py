"""The claims family's learned decision (rules/claims/decision.py, decision.json): what it
flags, what ``claim_status`` says when it says no, and that it is read from plain JSON.
Sentences are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.config import Config, ConfigError
from checker.core.datafiles import DataFileError
from checker.pipeline import run_rules
from checker.settings import load_config
from checker.text.loader import document_from_text
from rules.claims import CLAIM_DECISION, UNSOURCED
from rules.claims.decision import DEFAULT_PATH, FEATURES, FORMAT, load_decision, read_decision

MODEL = Config(settings={"claim_decision": "model"})
RULES = Config(settings={"claim_decision": "rules"})

ARTICLE = (
    "Flood defences along the river cost the county 14 million pounds in 2022.\n\n"
    "The county's chief engineer, Maria Lenz, said the new barrier had held back a "
    "record surge in March.\n\n"
    "\"We were lucky this time, and the next storm will test us again,\" Lenz said.\n"
)


def _statuses(text: str, config: Config) -> tuple[list[str], list[str], list[str]]:
    doc = document_from_text(text, path="article.txt")
    analysis = run_rules(doc, config)
    flagged = [doc.sentences[f.sentence].text for f in analysis.findings if f.code == "CLM001"]
    return flagged, [s.text for s in doc.sentences], analysis.claim_status


def test_the_decision_flags_an_unsourced_claim_not_an_attributed_one_or_a_quotation() -> None:
    flagged, sentences, status = _statuses(ARTICLE, MODEL)
    assert flagged == [sentences[0]]
    assert status[0] == UNSOURCED
    assert status[1].startswith("sourced: ")  # attributed to the engineer
    assert not status[2].startswith(UNSOURCED)  # her quotation


def test_the_score_counts_exactly_the_findings_the_decision_reports() -> None:
    doc = document_from_text(ARTICLE, path="article.txt")
    analysis = run_rules(doc, MODEL)
    reported = {f.sentence for f in analysis.findings if f.code == "CLM001"}
    assert reported == {i for i, st in enumerate(analysis.claim_status) if st == UNSOURCED}


def test_a_sentence_the_decision_clears_says_why() -> None:
    model = load_decision()
    # a sentence the rules call unsourced: where the decision disagrees, claim_status names
    # the learned decision and the feature that argued most against it
    text = ("Officials in the valley opened two shelters on Tuesday.\n\n"
            "It was a long night for everyone in the valley.\n")
    _, _, by_rules = _statuses(text, RULES)
    _, _, by_model = _statuses(text, MODEL)
    for rule_status, model_status in zip(by_rules, by_model, strict=True):
        if rule_status == UNSOURCED and model_status != UNSOURCED:
            reason = model_status.removeprefix("not a claim: learned decision (").rstrip(")")
            assert reason in FEATURES
    assert 0.0 < model.threshold < 1.0


def test_the_setting_accepts_rules_or_model_only(tmp_path: Path) -> None:
    assert Config().get(CLAIM_DECISION) == "model"
    path = tmp_path / ".checker.toml"
    path.write_text('[tool.checker]\nclaim_decision = "rules"\n', encoding="utf-8")
    assert load_config(path).get(CLAIM_DECISION) == "rules"
    path.write_text('[tool.checker]\nclaim_decision = "forest"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="claim_decision"):
        load_config(path)


def test_the_shipped_decision_is_plain_json_with_its_cv_figures() -> None:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert data["features"] == list(FEATURES)
    assert len(data["coef"]) == len(data["mean"]) == len(data["scale"]) == len(FEATURES)
    cv = data["metadata"]["cv"]
    for part in ("web", "tune"):
        for who in ("learned", "rules"):
            assert 0.0 <= cv[part][who]["f1"] <= 1.0


def test_a_decision_file_is_read_and_checked(tmp_path: Path) -> None:
    n = len(FEATURES)
    data = {"format": FORMAT, "format_version": 1, "features": list(FEATURES),
            "mean": [0.0] * n, "scale": [1.0] * n,
            "coef": [2.0 if name == "rule_unsourced" else 0.0 for name in FEATURES],
            "intercept": -1.0, "threshold": 0.5}
    path = tmp_path / "decision.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    model = read_decision(path)
    row = [0.0] * n
    assert model.probability(row) == pytest.approx(1 / (1 + 2.718281828459045))
    row[FEATURES.index("rule_unsourced")] = 1.0
    assert model.probability(row) == pytest.approx(1 / (1 + 2.718281828459045 ** -1))
    assert model.strongest_against([0.0] * n) in FEATURES
    path.write_text(json.dumps({**data, "features": list(FEATURES)[:-1]}), encoding="utf-8")
    with pytest.raises(DataFileError, match="features"):
        read_decision(path)
    path.write_text(json.dumps({**data, "scale": [0.0] * n}), encoding="utf-8")
    with pytest.raises(DataFileError, match="scale"):
        read_decision(path)


class _SaysYes:
    """A decision that calls every sentence an unsourced claim."""

    threshold = 0.5

    def probability(self, row: object) -> float:
        return 1.0

    def strongest_against(self, row: object) -> str:
        return "nothing"


HARD_CASES = (
    "The bridge cost the city 40 million dollars last year.\n\n"  # the one claim
    "Will the bridge cost the city another 40 million dollars next year?\n\n"
    "\"The bridge cost us 40 million dollars and it will cost us more,\" Ann Roe said.\n\n"
    "Check the bridge's accounts before the council meeting on Monday.\n\n"
    "Critics say the bridge cost the city far more than 40 million dollars.\n"
)


def test_whatever_the_decision_says_a_question_quotation_order_or_vague_claim_is_not_flagged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # issue 14: quotations, questions and imperatives are never unsourced claims, and a
    # vaguely attributed sentence carries ATT001 only (one finding per phrase)
    monkeypatch.setattr("rules.claims.decision.load_decision", lambda path="": _SaysYes())
    flagged, sentences, _ = _statuses(HARD_CASES, MODEL)
    assert flagged == [sentences[0]]


def _paragraph_share(analysis, sentences, i: int) -> float:  # type: ignore[no-untyped-def]
    """The share of the other sentences of sentence ``i``'s paragraph that are attributed,
    counted the plain way."""
    block = next(s.block for s in sentences if s.index == i)
    others = [s.index for s in sentences if s.block == block and s.index != i]
    return sum(analysis.attributed[j] for j in others) / len(others) if others else 0.0


def test_the_paragraph_attributed_share_counts_the_other_sentences() -> None:
    from rules.claims import rule_pass
    from rules.claims.decision import INDEX, sentence_features

    text = ("The ferry fare rose by a fifth in May. The operator said fuel cost more. "
            "Riders were angry, a union official said. Services run hourly.\n\n"
            "The bridge reopens in June.\n\n"
            "Tolls will double. The council said so on Monday.\n")
    analysis = run_rules(document_from_text(text, path="a.txt"), RULES)
    sentences, seen, _, _ = rule_pass(analysis)
    rows = sentence_features(analysis, sentences, seen, "news")
    shares = [row[INDEX["paragraph_attributed_share"]] for row in rows]
    assert shares == [_paragraph_share(analysis, sentences, s.index) for s in sentences]
    assert 0.0 < shares[0] < 1.0 and shares[4] == 0.0  # (a paragraph of one sentence)


def test_the_features_of_a_paragraph_of_thousands_of_sentences_take_linear_time() -> None:
    # a transcript pasted as one paragraph: the paragraph's attributed share was counted
    # anew for every sentence (20,000 sentences: about a minute, past the time budget)
    import time
    from types import SimpleNamespace

    from checker.core.document import BODY, Block, Sentence
    from rules.claims import Seen
    from rules.claims.decision import INDEX, sentence_features

    n = 20_000
    line = "The mayor said the bridge would close in May. "
    sentences = [Sentence(i, i * len(line), (i + 1) * len(line) - 1, line.strip(), 0, BODY, 1,
                          1 + i * len(line)) for i in range(n)]
    analysis = SimpleNamespace(
        attributed=[i % 2 == 0 for i in range(n)], genre="news", genre_confidence=0.9,
        doc=SimpleNamespace(text=line * n, blocks=[Block(0, 0, n * len(line), BODY)]),
        attributions=[], uncertainty=[0.0] * n, hedged=[False] * n)
    seen = [Seen(prob=0.8, threshold=0.5, reason="", tie="", rule_flag=False,
                 told_prev=False, vague=False, quoted=0.0)] * n
    start = time.perf_counter()
    rows = sentence_features(analysis, sentences, seen, "news")  # type: ignore[arg-type]
    assert time.perf_counter() - start < 10.0
    share = INDEX["paragraph_attributed_share"]
    assert rows[0][share] == (n // 2 - 1) / (n - 1) and rows[1][share] == (n // 2) / (n - 1)


def _plain_text_features(text: str) -> list[float]:
    """The text features of one sentence, word by word (what ``text_features`` reads from
    its per-token table, in plain words)."""
    import math

    from rules.claims import decision as d

    tokens = [t.strip(d._STRIP) for t in text.split()]
    words = [t for t in tokens if t[:1].isalpha()]
    lowered = [w.lower() for w in words]
    folded = set(lowered)
    long_words = [w for w in words if len(w) > 3]
    numeric = [t for t in tokens if not t.isalpha() and any(c.isdigit() for c in t)]
    low, stripped, n = text.lower(), text.rstrip(), len(words)
    return [
        math.log1p(n), float(n < 6), float(bool(numeric)),
        float(any(not d._is_year(t) for t in numeric)),
        float(any(s in low for s in d._MONEY_SIGNS) or bool(folded & d._MONEY_WORDS)),
        float(bool(folded & d._DATE_WORDS) or any(s in low for s in d._LAST)),
        min(sum(w[0].isupper() for w in words[1:]), 6) / 6.0,
        float(bool(folded & d._FIRST_SINGULAR)), float(bool(folded & d._FIRST_PLURAL)),
        float(bool(folded & d._SECOND)), float(bool(folded & d._MODALS)),
        float(bool(folded & d._FUTURE) or "’ll " in text or "'ll " in text),
        float(bool(folded & d._JUDGING)),
        min(3, sum(w.endswith("ly") and len(w) > 4 for w in lowered)) / 3,
        float(bool(folded & d._PAST) or any(w.endswith("ed") and len(w) > 4
                                            for w in lowered[1:])),
        float(bool(lowered) and lowered[0] in d._PRONOUN_SUBJECTS),
        float(not stripped or stripped[-1] not in d._ENDS), float(stripped.endswith(":")),
        float(any(s in low for s in d._ADDRESS)),
        sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0,
    ]


_WORDS = ["He", "they", "We", "I’ll", "you're", "Could", "will", "was", "walked", "Reed",
          "quickly", "Fly", "1990", "2020s", "3M", "x²", "$5", "percent", "Monday", "last",
          "week", "very", "İstanbul", "ΣΟΦΙΑ", "“Maybe”", "(may)", "--", "...", "@x", "www.",
          ":", "é", "Ünal", "FIFTY", "so-called", "5,000", "½"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*_WORDS, " ", "\n", ".", "?"]), max_size=14).map(
    " ".join), max_size=6))
def test_text_features_of_all_sentences_at_once_are_each_sentences_own(texts: list[str]) -> None:
    from rules.claims.decision import _TEXT_FEATURES, text_features

    rows = text_features(texts)
    assert len(rows) == len(texts)
    for text, row in zip(texts, rows, strict=True):
        assert len(row) == len(_TEXT_FEATURES)
        assert list(map(repr, row)) == list(map(repr, _plain_text_features(text))), text


def test_the_decision_works_out_no_row_where_the_rules_settle_the_sentence() -> None:
    from rules.claims import _never_unsourced, rule_pass
    from rules.claims.decision import sentence_features

    text = ("Is the bridge safe? \"It is,\" the engineer said. Tolls will double in June, "
            "officials are expected to say. The council spent 4 million pounds on it.\n")
    analysis = run_rules(document_from_text(text, path="a.txt"), MODEL)
    sentences, seen, _, _ = rule_pass(analysis)
    wanted = [not _never_unsourced(v) for v in seen]
    assert not all(wanted) and any(wanted)
    full = sentence_features(analysis, sentences, seen, "news")
    some = sentence_features(analysis, sentences, seen, "news", wanted)
    assert some == [row if w else [] for row, w in zip(full, wanted, strict=True)]
