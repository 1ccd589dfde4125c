"""The learned source verifier: its features, its decision, its data file. Our own sentences."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from checker.core.datafiles import DataFileError
from checker.text.loader import document_from_text
from rules.attribution import verifier
from rules.attribution.doc import TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.lexicon import get_lexicon
from rules.attribution.verifier import (
    VERIFIER_FORMAT,
    SourceVerifier,
    candidates,
    load_source_verifier,
    source_features,
    switched_off,
    verify,
)
from tests.families import analyse_attribution


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


def _relations(text: str) -> tuple[TokenDoc, list]:
    """The rules' own relations of ``text`` (verifier off) and its token document."""
    lex = get_lexicon()
    sents = _sentences(text)
    with switched_off():
        found, _ = extract(text, sents, lex)
    return TokenDoc(text, sents, lex), found


def _features(text: str) -> set[str]:
    d, found = _relations(text)
    (r,) = candidates(found)
    return set(source_features(d, r))


def test_features_read_the_cue_the_content_and_the_source() -> None:
    feats = _features("Police Chief Dana Whitfield said that the road would reopen on Monday.")
    assert {"cue=said", "cuecls=speech", "content=that", "srckind=person", "start=True",
            "after=False", "inquote=False", "head=Name"} <= feats


def test_features_of_a_pronoun_after_a_quotation() -> None:
    feats = _features("“We will appeal the ruling,” she said.")
    assert {"pron=she", "content=left", "after=False", "direct=True"} <= feats


def test_a_proper_name_is_no_feature_of_its_own() -> None:
    """Names seen in the training articles must not decide for a new text's names."""
    feats = _features("Okonkwo-Baptiste said the ferry would run again in May.")
    assert not any("okonkwo" in f for f in feats)


def test_a_doubted_source_is_not_listed_but_its_sentence_stays_attributed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Several harbour officials said the channel was closed to large ships."
    d, found = _relations(text)
    assert candidates(found)
    verify(d, found, SourceVerifier(weights={}, bias=-5.0, threshold=0.5))
    assert all(r.source_doubted and not r.vague for r in candidates(found))
    before = analyse_attribution(text)
    assert before.sources and [f for f in before.findings if f.code == "ATT001"]
    rejecting = SourceVerifier(weights={}, bias=-5.0, threshold=0.5)
    monkeypatch.setattr(verifier, "load_source_verifier", lambda: rejecting)
    an = analyse_attribution(text)
    assert not an.sources and all(an.attributed)
    assert not [f for f in an.findings if f.code == "ATT001"]


def test_no_verifier_keeps_every_relation() -> None:
    d, found = _relations("The harbour master said the channel was closed to large ships.")
    verify(d, found, None)
    assert not any(r.source_doubted for r in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police Chief Dana Whitfield said the road would reopen on Monday.", "Dana Whitfield"),
        ("According to the weather service, the storm will reach the coast tonight.",
         "the weather service"),
        ("“We are ready,” said Tom Berger, the club's coach.", "Tom Berger"),
        ("The Herald reported that the factory would close in June.", "The Herald"),
        ("Many residents say the noise from the new depot has become unbearable.",
         "Many residents"),
    ],
)
def test_the_shipped_verifier_keeps_plain_information_sources(text: str, name: str) -> None:
    an = analyse_attribution(text)
    assert name in [s.name for s in an.sources]
    assert all(an.attributed)


def test_the_shipped_verifier_is_plain_finite_data() -> None:
    model = load_source_verifier()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert all(math.isfinite(w) for w in model.weights.values())
    assert not any(f.startswith("head=") and f[5:6].isupper() and f != "head=Name"
                   for f in model.weights)


def test_a_broken_verifier_file_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "verifier.json"
    bad.write_text(json.dumps({"format": VERIFIER_FORMAT, "format_version": 1, "bias": 0.1,
                               "threshold": 0.5, "weights": {"cue=said": "x"}}),
                   encoding="utf-8")
    with pytest.raises(DataFileError, match="verifier.json"):
        load_source_verifier(str(bad))


def test_a_missing_verifier_file_means_no_verifier(tmp_path: Path) -> None:
    assert load_source_verifier(str(tmp_path / "absent.json")) is None
