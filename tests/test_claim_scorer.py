"""The claim model's light prediction path (no scikit-learn) against the estimator.

:class:`rules.claims.scorer.ClaimScorer` must give the probabilities of
:class:`rules.claims.model.ClaimClassifier` (scikit-learn's ``HashingVectorizer`` and
sparse product) to the last digit, and its MurmurHash3 must be scikit-learn's.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.utils import murmurhash3_32 as sk_murmurhash3_32

from rules.claims.model import ClaimAnalyzer, ClaimClassifier, load_model, load_model_file
from rules.claims.murmur import murmurhash3_32
from rules.claims.scorer import (
    _CAPWORD,
    ClaimScorer,
    coefficient_arrays,
    load_scorer,
    load_scorer_file,
    sigmoid,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "claims_news.jsonl"
CHECKWORTHY = ROOT.parent / "shared" / "data" / "checkworthy"

WORDS = (
    "the council approved a budget of million on Monday inflation rose percent since "
    "nurses went strike hospital Senator Ortega said we must believe what why how "
    "café naïve Zürich São Paulo Ångström 東京 Москва ½ € £ $ % 3.1 5,250 1991 "
    "don't it's “quoted” ‘single’ — – … • « » ? ! ( ) [ ] ; : 'n' co-operate e.g."
).split()


def generated_sentences(n: int, seed: int = 7) -> list[str]:
    """Sentences made up here: words, numbers, quotes, questions, non-ASCII, edge cases."""
    rng = random.Random(seed)
    base = [json.loads(line)["text"] for line in FIXTURE.read_text().splitlines() if line]
    out = ["", " ", "?", "Why?", "A.", "5,000", "“Is it?”", "ÉTÉ 2024: 12 % de plus."]
    while len(out) < n:
        kind = rng.random()
        if kind < 0.3:
            text = rng.choice(base)
            words = text.split()
            i = rng.randrange(len(words))
            words[i] = rng.choice(WORDS)  # a variation of a real sentence
            text = " ".join(words)
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.15:
            text = text.rstrip(".") + rng.choice(["?", "?”", "?)", " ? "])
        if rng.random() < 0.2:
            text = text.capitalize()
        out.append(text)
    return out


def assert_same_probabilities(scorer: ClaimScorer, estimator: ClaimClassifier,
                              texts: list[str]) -> None:
    light = scorer.predict_proba(texts)
    reference = estimator.predict_proba(texts)
    assert light.shape == reference.shape == (len(texts), 2)
    if not np.array_equal(light, reference):  # name the first sentence that differs
        i = int(np.flatnonzero((light != reference).any(axis=1))[0])
        pytest.fail(f"sentence {i} {texts[i]!r}: {light[i, 1]!r} != {reference[i, 1]!r}")
    # the plain-Python path (what a draft check runs, no numpy) gives the same digits
    plain = [sigmoid(z, scorer.calibration_) for z in scorer.scores(texts)]
    expected = reference[:, 1].tolist()
    if plain != expected:
        i = next(k for k, (a, b) in enumerate(zip(plain, expected, strict=True)) if a != b)
        pytest.fail(f"plain path, sentence {i} {texts[i]!r}: {plain[i]!r} != {expected[i]!r}")


# -- the hash ---------------------------------------------------------------------
def test_murmurhash_equals_scikit_learn_on_many_strings() -> None:
    rng = random.Random(3)
    alphabet = "abcxyzABC 0123456789?_-'’é€😀ß中ñ\u0301\t"
    strings = ["", "a", "ab", "abc", "abcd", "abcde", "?_q", "_len0", "0 000"]
    strings += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20_000)
    ]
    analyzer = ClaimAnalyzer(ngram_max=3)
    strings += [f for text in generated_sentences(300) for f in analyzer(text)]
    for s in strings:
        for seed in (0, 1, 2**31 - 1, 2**32 - 1):
            assert murmurhash3_32(s, seed) == sk_murmurhash3_32(s, seed=seed, positive=False), (
                s, seed)
    assert murmurhash3_32("é") == murmurhash3_32("é".encode())  # a str is hashed as UTF-8


# -- the shipped model ------------------------------------------------------------
def test_light_path_equals_estimator_on_generated_sentences() -> None:
    texts = generated_sentences(3000)
    assert_same_probabilities(load_scorer(), load_model(), texts)
    # one sentence at a time (the order of a batch changes nothing)
    for text in texts[:200]:
        assert_same_probabilities(load_scorer(), load_model(), [text])


def test_light_path_equals_estimator_on_10000_checkworthy_sentences() -> None:
    ct24 = CHECKWORTHY / "ct24" / "CT24_checkworthy_english_train.tsv"
    claimbuster = CHECKWORTHY / "claimbuster" / "2.5xNCS.json"
    if not ct24.is_file() or not claimbuster.is_file():
        pytest.skip(f"{CHECKWORTHY} is absent (CheckThat! 2024 and ClaimBuster sentences are "
                    "not part of the repo); the generated-sentence test still runs")
    rows = ct24.read_text(encoding="utf-8").splitlines()[1:]
    texts = [r.split("\t")[1] for r in rows if r.count("\t") >= 2][:6000]
    texts += [r["text"] for r in json.loads(claimbuster.read_text(encoding="utf-8"))][:4000]
    assert len(texts) == 10_000
    assert_same_probabilities(load_scorer(), load_model(), texts)


def test_family_scores_with_the_light_path() -> None:
    from checker.core.config import Config
    from checker.pipeline import run_rules
    from checker.text.loader import document_from_text

    text = ("Unemployment in the county fell to 3.1 percent last year.\n\n"
            "What should the town do now?\n")
    analysis = run_rules(document_from_text(text, path="draft.txt"), Config())
    body = list(analysis.body_sentences())
    assert len(body) == 2
    probs = [analysis.claim_prob[s.index] for s in body]
    assert probs == load_model().predict_proba([s.text for s in body])[:, 1].tolist()
    assert analysis.is_claim[body[0].index] and not analysis.is_claim[body[1].index]


# -- other models -----------------------------------------------------------------
@pytest.mark.parametrize("params", [
    {"ngram_max": 3, "cues": False, "split_questions": False},
    {"ngram_max": 1, "cues": True, "split_questions": True},
    {"ngram_max": 2, "cues": True, "split_questions": True, "shapes": True},
    {"ngram_max": 2, "cues": True, "split_questions": True, "shapes": True,
     "general_weight": 3, "class_weight": "balanced"},
])
def test_light_path_equals_estimator_for_a_newly_trained_model(tmp_path: Path,
                                                                 params: dict) -> None:
    texts = generated_sentences(400, seed=11)
    labels = [int(any(c.isdigit() for c in t)) for t in texts]
    model = ClaimClassifier(n_features=2**12, min_df=1, calibration_folds=3, **params)
    model.fit(texts, labels)
    path = tmp_path / "model.json"
    model.save(path)
    test = generated_sentences(1000, seed=12)
    assert_same_probabilities(load_scorer_file(path), load_model_file(path), test)
    assert_same_probabilities(load_scorer_file(path), model, test)


def test_scorer_refuses_what_the_estimator_refuses(tmp_path: Path) -> None:
    data = json.loads((ROOT / "rules" / "claims" / "model.json").read_text())
    version1 = json.loads(json.dumps(data))
    idx, vals = coefficient_arrays(version1, 2**20)
    del version1["coef_indices_b64"], version1["coef_values_b64"]
    version1.update(format_version=1, coef_indices=list(idx), coef_values=list(vals))
    assert ClaimScorer.from_dict(version1).probabilities(["Prices rose 4% in May."]) == (
        ClaimScorer.from_dict(data).probabilities(["Prices rose 4% in May."])
    )
    cases = [
        (lambda d: d.pop("format"), "not a checker claim model"),
        (lambda d: d["features"].update(analyzer_version=99), "retrain it"),
        (lambda d: d.update(coef_values_b64=d["coef_values_b64"][:-8]), "malformed"),
        (lambda d: d.update(coef_indices_b64="!!"), "malformed"),
    ]
    v1_cases = [(lambda d: d["coef_indices"].append(2**40), "malformed"),
                (lambda d: d["coef_indices"].reverse(), "malformed")]
    for spoil, message in v1_cases:
        bad = json.loads(json.dumps(version1))
        spoil(bad)
        with pytest.raises(ValueError, match=message):
            ClaimScorer.from_dict(bad)
    for spoil, message in cases:
        bad = json.loads(json.dumps(data))
        spoil(bad)
        with pytest.raises(ValueError, match=message):
            ClaimScorer.from_dict(bad)
        with pytest.raises(ValueError, match=message):
            ClaimClassifier.from_dict(bad)


def test_small_batches_need_no_numpy() -> None:
    code = ("import sys; from rules.claims.scorer import load_scorer; "
            "p = load_scorer().probabilities(['Prices rose 4% in May.', 'Is it true?']); "
            "print(len(p), 'numpy' in sys.modules)")
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    assert out == ["2", "False"]


def test_empty_batch() -> None:
    assert load_scorer().probabilities([]) == []
    assert load_scorer().predict_proba([]).shape == (0, 2)
    assert load_model().predict_proba([]).shape == (0, 2)


_CAP_PIECES = st.sampled_from(
    ["The", "the", "Mayor", "mayor", "A", "I", "US", "McDonald", "x", "Zo", "é", "É", " ", "  ",
     "\n", "\t", "\u00a0", "(", ")", '"', "“", "”", "'", ",", ".", "?", "5", "-"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CAP_PIECES, max_size=25).map("".join))
def test_capitalised_word_pattern_matches_its_plain_form(text: str) -> None:
    """The capitalised-word cue finds what the plain lookbehind-first pattern finds."""
    plain = re.compile(r"(?<=[\s(\"“])[A-Z][a-z]*[A-Za-z]")
    assert _CAPWORD.findall(text) == plain.findall(text)


def test_fold_equals_the_translation_table_on_every_character() -> None:
    """The quick fold of the word features is ``lower().translate(_FOLD)`` exactly, for every
    code point (lone surrogates included) and for sentences mixing signs, quotes and digits."""
    from rules.claims.features import _FOLD, fold

    every = "".join(map(chr, range(0x110000)))
    assert fold(every) == every.lower().translate(_FOLD)
    for text in ("The levy rose 4% to $1,250 (€1.1m) – a “record”, officials’ data show.",
                 "ΟΔΟΣ ΑΘΗΝΑΣ: prices fell £3 in 2019 … don't panic",
                 "plain ascii only", "", "İstanbul's mayor said: «no»!", "\ud800 x"):
        assert fold(text) == text.lower().translate(_FOLD)


@pytest.mark.parametrize("limit", [None, 5])
def test_large_batches_score_as_the_plain_path_does(limit: int | None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The numpy path (word columns gathered, general columns joined as shared arrays) gives
    the plain path's probabilities, question prefixes and repeated general tokens included."""
    texts = ["Why did the council raise rates by 4% in 2019?", "We will win.",
             "Unemployment fell to 3.9 percent in March, the lowest since 2000.",
             "Thank you!", "", "It is what it is", "Prices rose 12 percent last year."] * 12
    scorer = load_scorer()
    if limit:  # a feature memo too small for one batch: new features hashed again
        from rules.claims import scorer as scorer_module

        monkeypatch.setattr(scorer_module._Buckets, "limit", limit)
        scorer_module._buckets(scorer.n_features).clear()
    assert scorer.predict_proba(texts)[:, 1].tolist() == [
        sigmoid(z, scorer.calibration_) for z in scorer.scores(texts)]
    assert scorer.probabilities(texts) == scorer.predict_proba(texts)[:, 1].tolist()
