"""The one loader for lexicon and model files: envelope checked, errors name the file."""

from __future__ import annotations

import json
import math
import os
from array import array
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.datafiles import (
    DataFileError,
    field,
    finite_number,
    load_data,
    mapping,
    number_array,
    packaged_data,
    parse_data,
    read_text,
    whole_number,
    with_envelope,
)

SHIPPED = [
    ("checker.text", "lexicons/boilerplate.json", "checker-boilerplate-lexicon"),
    ("checker.text", "lexicons/boilerplate-analysis.json", "checker-pattern-analysis"),
    ("checker.text", "lexicons/line_model.json", "checker-line-model"),
    ("checker.reference", "outlets.json", "checker-outlets"),
    ("checker.reference", "domains.json", "checker-domains"),
    ("rules.attribution", "lexicon.json", "checker-attribution-lexicon"),
    ("rules.attribution", "cue_model.json", "checker-attribution-cue-model"),
    ("rules.attribution", "tagger.json", "checker-attribution-tagger"),
    ("rules.attribution", "sentence_gate.json", "checker-attribution-sentence-gate"),
    ("rules.attribution", "source_verifier.json", "checker-attribution-source-verifier"),
    ("rules.attribution", "vague_model.json", "checker-attribution-vague-model"),
    ("rules.footnotes", "lexicon.json", "checker-footnotes-lexicon"),
    ("rules.hedging", "lexicon.json", "checker-hedging-lexicon"),
    ("rules.hedging", "sentence_model.json", "checker-hedge-sentence-model"),
    ("rules.genre", "cues.json", "checker-genre-cues"),
    ("rules.claims", "model.json", "checker-claim-model"),
    ("rules.claims", "decision.json", "checker-claim-decision"),
]


@pytest.mark.parametrize(("package", "name", "fmt"), SHIPPED)
def test_every_shipped_data_file_has_the_envelope(package: str, name: str, fmt: str) -> None:
    data = packaged_data(package, name, fmt, (1, 2))  # the claim model is format 2
    assert data and "format" not in data and "format_version" not in data


def test_every_json_file_in_the_packages_is_listed_above() -> None:
    root = Path(__file__).resolve().parents[1]
    found = {
        (p.parent.relative_to(root).as_posix().replace("/", "."), p.name)
        for top in ("checker", "rules", "reports")
        for p in (root / top).rglob("*.json")
    }
    listed = {(pkg, name) for pkg, name, _ in SHIPPED}
    listed = {(pkg + "." + n.rsplit("/", 1)[0] if "/" in n else pkg, n.rsplit("/", 1)[-1])
              for pkg, n in listed}  # fmt: skip
    assert found == listed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"coef": 1}', 'not a checker-x file (it has no "format" field)'),
        ('{"format": "checker-y", "format_version": 1}', "a checker-y file, not the checker-x"),
        ('{"format": "checker-x", "format_version": 9}', "format_version 9 of checker-x"),
    ],
)
def test_bad_files_are_named_with_the_problem(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "model.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_data(p, "checker-x")
    assert str(p) in str(err.value) and message in str(err.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="gone.json: no such file"):
        load_data(tmp_path / "gone.json", "checker-x")


def test_written_files_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "m.json"
    p.write_text(json.dumps(with_envelope("checker-x", {"w": [1, 2]})), encoding="utf-8")
    assert load_data(p, "checker-x") == {"w": [1, 2]}


# ------------------------------------------------- bounded, checked reading (issue 18)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "checker-x", "format_version": 1, "w": NaN}', "NaN is not a number"),
        ('{"format": "checker-x", "format_version": 1, "w": [-Infinity]}', "-Infinity"),
        ('{"format": "checker-x", "format_version": 1, "w": [[1e999]]}', "not finite"),
        ('{"format": "checker-x", "format_version": 1, "w": ' + "9" * 5000 + "}",
         "too many digits"),
        ('{"format": "checker-x", "format_version": 1, "w": ' + "[" * 40 + "]" * 40 + "}",
         "nested more than 32 levels deep"),
        ("[" * 200_000 + "]" * 200_000, "nested more than 32 levels deep"),
    ],
)
def test_absurd_values_are_refused_when_read(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "model.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_data(p, "checker-x")
    assert str(err.value).startswith(f"{p}: ") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_only_regular_utf8_files_of_sane_size_are_read(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="is a folder"):
        load_data(tmp_path, "checker-x")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"format": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(DataFileError, match="not UTF-8 text"):
        load_data(latin, "checker-x")
    big = tmp_path / "big.json"
    big.write_text(json.dumps(with_envelope("checker-x", {"w": "x" * 2000})), encoding="utf-8")
    with pytest.raises(DataFileError, match="larger than"):
        read_text(big, limit=1000)
    assert read_text(big, limit=4000).startswith("{")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_or_a_device_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "model.json"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    with pytest.raises(DataFileError, match="not a regular file"):
        load_data(fifo, "checker-x")
    if Path("/dev/zero").exists():  # endless: reading it would fill the memory
        link = tmp_path / "zero.json"
        link.symlink_to("/dev/zero")
        with pytest.raises(DataFileError, match="not a regular file"):
            load_data(link, "checker-x")


MODEL = {"params": {"n": 3, "on": True}, "w": [[1, 2.5], [0, -1]], "i": [0, 2], "names": {}}


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (lambda d: field(d, "params.size", "m.json", int), "'params.size' is missing"),
        (lambda d: field(d, "params.on", "m.json", int), "'params.on' must be a whole number"),
        (lambda d: field(d, "w", "m.json", dict), "'w' must be an object, not a list"),
        (lambda d: whole_number(d, "params.n", "m.json", 4, 9), "must be from 4 to 9, not 3"),
        (lambda d: finite_number(d, "params.n", "m.json", 0, 1), "finite number from 0 to 1"),
        (lambda d: number_array(d, "w", "m.json", np.float64, (None, 3), 99), "shape nx3"),
        (lambda d: number_array(d, "w", "m.json", np.float64, (None, 2), 3), "more than 3"),
        (lambda d: number_array(d, "w", "m.json", np.int64, (None, 2), 9), "whole numbers"),
        (lambda d: number_array(d, "params", "m.json", np.int64, (None,), 9), "must be a list"),
        (lambda d: mapping(d, "params", "m.json", int), "params['on'] must be a whole number"),
    ],
)
def test_shape_checks_name_the_file_and_the_key(check: Any, message: str) -> None:
    with pytest.raises(DataFileError) as err:
        check(json.loads(json.dumps(MODEL)))
    assert str(err.value).startswith("m.json: ") and message in str(err.value)


def test_shape_checks_return_the_values() -> None:
    d = json.loads(json.dumps(MODEL))
    assert whole_number(d, "params.n", "m", 1, 3) == 3
    assert whole_number(d, "params.k", "m", 1, 3, default=2) == 2
    assert number_array(d, "i", "m", np.int64, (None,), 9).tolist() == [0, 2]
    assert number_array(d, "w", "m", np.float32, (2, 2), 9).dtype == np.float32
    assert number_array({"e": []}, "e", "m", np.float32, (None, 3), 9).shape == (0, 3)
    assert mapping(d, "names", "m", str) == {}


@settings(max_examples=300, deadline=1000)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner,
                                                                max_size=4),
    max_leaves=30,
))  # fmt: skip
def test_any_json_value_is_data_or_a_data_file_error(value: Any) -> None:
    text = json.dumps({"format": "checker-x", "format_version": 1, "v": value})
    try:
        data = parse_data(text, "checker-x")
    except DataFileError as exc:
        assert "\n" not in str(exc)
        return
    assert data == {"v": value}


@settings(max_examples=300, deadline=1000)
@given(st.text(alphabet='[]{}":,0123456789.eE-+ aNInfinity\\tru', max_size=200))
def test_any_text_is_data_or_a_data_file_error(text: str) -> None:
    try:
        parse_data(text, "checker-x")
    except DataFileError:
        pass


ROOT = Path(__file__).resolve().parents[1]


def _spoiled(tmp_path: Path, name: str, spoil: Any) -> Path:
    data = json.loads((ROOT / "rules" / "attribution" / name).read_text(encoding="utf-8"))
    spoil(data)
    p = tmp_path / name
    p.write_text(json.dumps(data), encoding="utf-8")
    return p


def _repack_tagger(d: dict[str, Any], edit: Any) -> None:
    """Unpack a format-2 tagger's rows, let ``edit`` change them, and pack them again."""
    from rules.attribution.tagger import pack_tagger_rows, unpack_tagger_rows

    idx, rows = unpack_tagger_rows(d)
    idx, rows = edit(idx.copy(), rows.copy())
    d.update(pack_tagger_rows(idx, rows))


def _as_format_1(d: dict[str, Any], edit: Any) -> None:
    """Turn a packed tagger into the format-1 lists, then let ``edit`` spoil them."""
    from rules.attribution.tagger import unpack_tagger_rows

    idx, rows = unpack_tagger_rows(d)
    del d["index_u32"], d["weights_milli_i16"]
    d.update(format_version=1, index=idx.tolist(), weights=rows.tolist())
    edit(d)


def _row_outside(idx: Any, rows: Any) -> tuple[Any, Any]:
    idx[0] = 1 << 20
    return idx, rows


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d.update(bits=60), "'bits' must be from 1 to 24, not 60"),
        (lambda d: _repack_tagger(d, _row_outside), "'index' holds a row outside"),
        (lambda d: d.update(weights_milli_i16=d["weights_milli_i16"][:-8]),
         "unusable feature rows"),
        (lambda d: d.update(index_u32="not base64!"), "unusable feature rows"),
        (lambda d: _as_format_1(d, lambda f: f["weights"].__setitem__(0, [1e300, 0, 0])),
         "not finite"),
        (lambda d: d.update(bias=[0.0, 1.0]), "'bias' must have shape 3"),
        (lambda d: d.update(threshold=7), "'threshold' must be a finite number from 0.0 to 1.0"),
        (lambda d: d["extra_cues"].update(said=3), "extra_cues['said'] must be a string"),
    ],
)
def test_the_attribution_tagger_is_checked_before_use(tmp_path: Path, spoil: Any,
                                                       message: str) -> None:
    from rules.attribution.tagger import load_cue_tagger

    p = _spoiled(tmp_path, "tagger.json", spoil)
    with pytest.raises(DataFileError) as err:
        load_cue_tagger(str(p))
    assert str(err.value).startswith(f"{p}: ") and message in str(err.value)


def _nan_weight(d: dict[str, Any]) -> None:
    import base64
    import struct

    raw = bytearray(base64.b64decode(d["weights_f64"]))
    raw[:8] = struct.pack("<d", float("nan"))
    d["weights_f64"] = base64.b64encode(bytes(raw)).decode()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d.update(bias="high"), "'bias' must be a number, not a string"),
        (lambda d: d.update(threshold=-1), "'threshold' must be a finite number from 0.0"),
        (lambda d: d.update(feature_names=d["feature_names"] + "\nextra"), "unusable weights"),
        (_nan_weight, "not finite"),
    ],
)
def test_the_attribution_cue_model_is_checked_before_use(tmp_path: Path, spoil: Any,
                                                          message: str) -> None:
    from rules.attribution.candidates import load_cue_model

    p = _spoiled(tmp_path, "cue_model.json", spoil)
    with pytest.raises(DataFileError) as err:
        load_cue_model(str(p))
    assert str(err.value).startswith(f"{p}: ") and message in str(err.value)


def test_the_shipped_models_pass_their_checks() -> None:
    from rules.attribution.candidates import load_cue_model
    from rules.attribution.tagger import load_cue_tagger
    from rules.claims.scorer import load_scorer

    tagger, model, claims = load_cue_tagger(), load_cue_model(), load_scorer()
    assert tagger is not None and tagger.weights.shape == (1 << tagger.bits, 3)
    assert model is not None and model.weights
    assert claims.coef_.shape == (claims.n_features,)


@given(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                          st.floats(min_value=1e307, max_value=1.7e308),
                          st.integers(-10, 10)), max_size=30))
def test_all_finite_answers_like_checking_each_number(values: list[float]) -> None:
    from checker.core.datafiles import all_finite

    assert all_finite(values) == all(map(math.isfinite, values))
    assert all_finite(array("d", values)) == all(map(math.isfinite, values))
