"""The cue tagger's plain-Python path (``tagger_light``) gives the numpy path's numbers to
the last bit, the candidate model's sorted weights are its dict, and a short draft check
runs without importing numpy."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from array import array
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rules.attribution.tagger as tagger_module
from checker.text.loader import document_from_text
from rules.attribution.candidates import (
    MODEL_PATH,
    SortedWeights,
    load_cue_model,
    unpack_cue_weights,
)
from rules.attribution.doc import TokenDoc
from rules.attribution.lexicon import get_lexicon
from rules.attribution.tagger import (
    TAGGER_PATH,
    CueTagger,
    _attribute_matrix,
    _hash_rows,
    decode_cue_spans,
    load_cue_tagger,
)
from rules.attribution.tagger_light import PackedRows, _strict_b64

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear"

TEXTS = [
    "",
    "Yes.",
    "The mayor brushed off the complaints. “It is fine,” she said on Monday.",
    "“We were never asked,” said Tom Berg, 42, who lives nearby. Officials declined to "
    "comment.\n\n“The plan,” he added, “is thought to cost $5 million.” According to the "
    "U.S. Dept. of Labor, it's widely believed that costs rose 3.5%.",
    "# Heat\n\nHospital admissions rose 40 percent in the first week of July. Experts say "
    "the city may need more cooling centres. The council will meet on Monday, according "
    "to its agenda.",
    "Critics argue - and the union agrees - that the rules (first set in 1998) are unfair; "
    "a spokeswoman told reporters the ministry \"would review them\". Sources say otherwise.",
    "WASHINGTON — The senator, speaking on condition of anonymity, suggested that the bill "
    "could pass. \"I don't know,\" another aide said. 'Maybe,' a third one wrote in an email.",
]


def _doc(text: str) -> TokenDoc:
    doc = document_from_text(text, path="t.md")
    return TokenDoc(doc.text, [(s.start, s.end) for s in doc.sentences], get_lexicon())


def _numpy_proba(tagger: CueTagger, d: TokenDoc) -> np.ndarray:
    rows = _hash_rows(_attribute_matrix(d, tagger.extra_cues),
                      np.array(d.tok_sent, dtype=np.int64), tagger.bits)
    return tagger._proba_rows(rows)


def _same_on(tagger: CueTagger, d: TokenDoc) -> None:
    light = tagger.light_proba(d)
    heavy = _numpy_proba(tagger, d)
    assert np.array(light, dtype=np.float64).reshape(-1, 3).tobytes() == heavy.tobytes()
    assert decode_cue_spans(light, d.tok_sent, tagger.threshold) \
        == decode_cue_spans(heavy, d.tok_sent, tagger.threshold)


@pytest.fixture(scope="module")
def tagger() -> CueTagger:
    t = load_cue_tagger()
    if t is None:
        pytest.skip("no tagger.json")
    assert t._packed is not None, "the shipped tagger is read without numpy"
    return t


@pytest.mark.parametrize("text", TEXTS)
def test_light_probabilities_and_spans_equal_numpy_on_our_texts(tagger: CueTagger,
                                                                 text: str) -> None:
    _same_on(tagger, _doc(text))


_PIECES = st.sampled_from(
    ["said", "says", "told", "according", "to", "the", "The", "mayor", "Officials", "sources",
     "believed", "widely", "critics", "argue", "that", "“", "”", '"', "'", ",", ".", "!", "?",
     ":", "(", ")", "—", "-", "5", "3.5%", "U.S.", "Mr.", "he", "she", "It", "is", "thought",
     "WASHINGTON", "a", "spokesman", "report", " ", " ", "  ", "\n", "\n\n", "#"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=80).map(" ".join))
def test_light_path_equals_numpy_on_random_token_soup(text: str) -> None:
    t = load_cue_tagger()
    if t is not None:
        _same_on(t, _doc(text))


def test_light_path_equals_numpy_on_real_news(tagger: CueTagger) -> None:
    files = sorted(POLNEAR.glob("*/text/*.txt"))
    if not files:
        pytest.skip("../shared PolNeAR not available (third-party, not in the repo)")
    for f in files[::4][:150]:  # every split, a spread of outlets
        _same_on(tagger, _doc(f.read_text(encoding="utf-8")))


def test_every_packed_weight_is_numpys_float32_quotient() -> None:
    milli = array("h", range(-32768, 32768))
    packed = PackedRows(array("I", range(len(milli) // 3)), milli[: len(milli) // 3 * 3])
    got = packed.weights_of(set(range(len(milli) // 3)))
    want = (np.frombuffer(packed.milli, dtype=np.int16).astype(np.float32)
            / np.float32(1000)).reshape(-1, 3)
    for k in range(3):
        assert np.array([got[k][i] for i in range(len(want))], dtype=np.float32).tobytes() \
            == want[:, k].tobytes()


def test_spans_take_the_light_path_for_short_texts_and_numpy_past_the_bounds(
        tagger: CueTagger, monkeypatch: pytest.MonkeyPatch) -> None:
    d = _doc(TEXTS[3])
    calls: list[str] = []
    light = tagger.light_proba
    monkeypatch.setattr(tagger, "light_proba", lambda doc: calls.append("light") or light(doc))
    monkeypatch.setattr(tagger_module, "_light_used", [0])
    assert tagger.spans(d) and calls == []  # numpy is loaded here: its path
    monkeypatch.setattr(tagger_module, "_numpy_loaded", lambda: False)
    short = tagger.spans(d)
    assert calls == ["light"] and short
    monkeypatch.setattr(tagger_module, "LIGHT_TOKENS", len(d.toks) - 1)
    assert tagger.spans(d) == short and calls == ["light"]  # too long: numpy
    monkeypatch.setattr(tagger_module, "LIGHT_TOKENS", 10**6)
    monkeypatch.setattr(tagger_module, "_light_used", [tagger_module.LIGHT_BUDGET])
    assert tagger.spans(d) == short and calls == ["light"]  # budget spent: numpy


def _tagger_file(tmp_path: Path, **change: object) -> str:
    data = json.loads(TAGGER_PATH.read_text(encoding="utf-8"))
    data.update(change)
    p = tmp_path / "tagger.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    return str(p)


def test_unsorted_rows_are_read_by_the_numpy_loader_with_the_same_result(
        tagger: CueTagger, tmp_path: Path) -> None:
    data = json.loads(TAGGER_PATH.read_text(encoding="utf-8"))
    idx = np.frombuffer(base64.b64decode(data["index_u32"]), dtype="<u4")
    milli = np.frombuffer(base64.b64decode(data["weights_milli_i16"]), dtype="<i2").reshape(-1, 3)
    order = np.arange(len(idx))[::-1]
    path = _tagger_file(tmp_path, index_u32=base64.b64encode(idx[order].tobytes()).decode(),
                        weights_milli_i16=base64.b64encode(milli[order].tobytes()).decode())
    reversed_tagger = load_cue_tagger(path)
    assert reversed_tagger is not None and reversed_tagger._packed is None
    d = _doc(TEXTS[3])
    assert reversed_tagger.spans(d) == decode_cue_spans(tagger.light_proba(d), d.tok_sent,
                                                        tagger.threshold)
    assert _numpy_proba(reversed_tagger, d).tobytes() == _numpy_proba(tagger, d).tobytes()


@pytest.mark.parametrize("text", ["", "AAAA", "AAAAAAA=", "AA==", "QUJD"])
def test_strict_base64_accepts_what_base64_accepts(text: str) -> None:
    assert _strict_b64(text) == base64.b64decode(text, validate=True)


@pytest.mark.parametrize("text", ["AAA", "AA A", "AA==AAAA", "A!AA", "AAA\n"])
def test_strict_base64_refuses_what_base64_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        base64.b64decode(text, validate=True)
    with pytest.raises(ValueError):
        _strict_b64(text)


def test_a_short_draft_check_does_not_import_numpy(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(TEXTS[4] + "\n\n" + TEXTS[3] + "\n", encoding="utf-8")
    probe = ("import sys; sys.argv = ['checker', 'check', 'draft.md']\n"
             "import checker.cli\n"
             "try:\n    code = checker.cli.main()\nexcept SystemExit as exc:\n"
             "    code = exc.code\n"
             "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
             "{'numpy', 'scipy', 'sklearn', 'pandas', 'textstat', 'pyphen'})\n"
             "print('HEAVY', heavy, code, file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                          text=True, env=env, timeout=120)
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("HEAVY [] "), proc.stderr
    assert proc.stdout.strip(), "the check printed its result"


# ----------------------------------------------------- the candidate model's sorted weights


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.floats(allow_nan=False, allow_infinity=False),
                       max_size=30),
       st.lists(st.text(max_size=6), max_size=30))
def test_sorted_weights_are_the_dict(weights: dict[str, float], probes: list[str]) -> None:
    names = sorted(weights)
    sw = SortedWeights(names, [weights[n] for n in names])
    assert len(sw) == len(weights) and dict(sw.items()) == weights
    assert sorted(sw.values()) == sorted(weights.values())
    for key in [*probes, *weights]:
        assert sw.get(key, 0.0) == weights.get(key, 0.0)
        assert (key in sw) == (key in weights)


def test_the_shipped_cue_model_reads_as_sorted_weights_and_switches_to_a_dict(
        monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_cue_model.__wrapped__()
    assert model is not None and isinstance(model.weights, SortedWeights)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    names = data["feature_names"].split("\n")
    want = dict(zip(names, model.weights.values(), strict=True))
    monkeypatch.setattr(SortedWeights, "DICT_AFTER", 50)
    probes = [*names[::97], "no such feature", ""]
    assert [model.weights.get(k, 0.0) for k in probes] == [want.get(k, 0.0) for k in probes]
    assert model.weights._dict is not None  # past DICT_AFTER look-ups: a dict
    shuffled = {**data, "feature_names": "\n".join(reversed(names)),
                "weights_f64": base64.b64encode(
                    array("d", reversed(model.weights.values())).tobytes()).decode()}
    assert unpack_cue_weights(shuffled) == want  # names out of order: a plain dict
