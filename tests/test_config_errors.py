"""Configuration errors are one-line messages with exit code 2, the same from ``checker
audit`` and ``checker check`` (issue 18): a bad claim model, an undecodable or invalid
TOML file, names that no rule, family, lexicon list or hedge category answers to."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "The council spent 4 million euros on the new bridge last year.\n\n"
    "Officials said the work would finish in the spring, and the mayor agreed.\n"
)


def shipped_model() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "rules/claims/model.json").read_text("utf-8"))
    return data


def model_text(change: Callable[[dict[str, Any]], Any]) -> str:
    data = shipped_model()
    change(data)
    return json.dumps(data)


def _negative_index(d: dict[str, Any]) -> None:
    """The model as format 1 (plain lists), its first coefficient index made negative."""
    from rules.claims.scorer import coefficient_arrays

    idx, vals = coefficient_arrays(d, int(d["params"].get("n_features", 2**20)))
    del d["coef_indices_b64"], d["coef_values_b64"]
    d.update(format_version=1, coef_indices=[-4, *list(idx)[1:]], coef_values=list(vals))


def _intercept_nan(d: dict[str, Any]) -> None:
    d["intercept"] = math.nan  # json.dumps writes a bare NaN


# name -> (.checker.toml text, {other file: its text or bytes}, what the message must say)
CASES: dict[str, tuple[str, dict[str, str | bytes], list[str]]] = {
    "model-missing": ('claim_model = "gone.json"\n', {}, ["'claim_model'", "gone.json",
                                                          "no such file"]),
    "model-folder": ('claim_model = "models"\n', {"models/keep.txt": "x"},
                     ["'claim_model'", "models", "is a folder"]),
    "model-not-json": ('claim_model = "m.json"\n', {"m.json": "weights: 1, 2, 3\n"},
                       ["'claim_model'", "m.json", "not valid JSON"]),
    "model-wrong-shape": ('claim_model = "m.json"\n',
                          {"m.json": model_text(lambda d: d.update(params=[1, 2]))},
                          ["'claim_model'", "m.json", "'params' must be an object"]),
    "model-wrong-kind": ('claim_model = "m.json"\n',
                         {"m.json": '{"format": "checker-hedging-lexicon", "format_version": 1}'},
                         ["'claim_model'", "m.json", "not the checker-claim-model file"]),
    "model-5000-digits": ('claim_model = "m.json"\n',
                          {"m.json": model_text(lambda d: d.update(intercept=7)).replace(
                              '"intercept": 7', '"intercept": ' + "7" * 5000)},
                          ["'claim_model'", "m.json", "too many digits"]),
    "model-deep": ('claim_model = "m.json"\n', {"m.json": "[" * 200_000 + "]" * 200_000},
                   ["'claim_model'", "m.json", "nested more than"]),
    "model-n-features": ('claim_model = "m.json"\n',
                         {"m.json": model_text(lambda d: d["params"].update(n_features=10**15))},
                         ["'claim_model'", "m.json", "'params.n_features' must be from 1 to"]),
    "model-nan-intercept": ('claim_model = "m.json"\n', {"m.json": model_text(_intercept_nan)},
                            ["'claim_model'", "m.json", "NaN"]),
    "model-huge-float": ('claim_model = "m.json"\n',
                         {"m.json": model_text(lambda d: d.update(intercept=1.5)).replace(
                             '"intercept": 1.5', '"intercept": 1e999')},
                         ["'claim_model'", "m.json", "not finite"]),
    "model-bad-index": ('claim_model = "m.json"\n',
                        {"m.json": model_text(_negative_index)},
                        ["'claim_model'", "m.json", "coefficients are malformed"]),
    "model-in-override": ('[[overrides]]\npaths = ["x/*"]\nclaim_model = "gone.json"\n', {},
                          ["'overrides[0].claim_model'", "gone.json", "no such file"]),
    "toml-latin-1": ("", {"pyproject.toml": "[tool.checker]\n# caf\xe9\nfail_under = 50\n"
                          .encode("latin-1")},
                     ["pyproject.toml", "not UTF-8 (byte 0xe9 on line 2)"]),
    "toml-not-a-table": ("", {"pyproject.toml": "[tool]\nchecker = 3\n"},
                         ["pyproject.toml", "'tool.checker' must be a table"]),
    "toml-invalid": ("fail_under = = 3\n", {}, [".checker.toml", "cannot read configuration"]),
    "toml-long-number": ("max_unsourced = " + "9" * 5000 + "\n", {},
                         [".checker.toml", "too many digits"]),
    "toml-deep": ("x = " + "[" * 5000 + "]" * 5000 + "\n", {},
                  [".checker.toml", "nested too deeply"]),
    "unknown-rule": ('disable = ["hedgin"]\n', {}, ["unknown rule 'hedgin' in disable"]),
    "unknown-rule-in-severity": ('severity = { unsourced-clam = "error" }\n', {},
                                 ["unknown rule 'unsourced-clam' in severity"]),
    "unknown-rule-in-override": ('[[overrides]]\npaths = ["x/*"]\nenable = ["nope"]\n', {},
                                 ["unknown rule 'nope' in overrides[0].enable"]),
    "unknown-lexicon-family": ('[lexicon.hedgin]\nepistemic = ["conceivably"]\n', {},
                               ["lexicon.hedgin", "no such family"]),
    "lexicon-family-without-lexicon": ('[lexicon.claims]\nwords = ["x"]\n', {},
                                       ["lexicon.claims", "no such family"]),
    "unknown-hedge-category": ('[lexicon.hedging]\nepistemics = ["conceivably"]\n', {},
                               ["lexicon.hedging", "unknown category 'epistemics'"]),
    "unknown-attribution-list": ('[lexicon.attribution]\nvague_phrase = ["insiders"]\n', {},
                                 ["lexicon.attribution", "unknown list 'vague_phrase'"]),
    "empty-hedge-cue": ('[lexicon.hedging]\nepistemic = ["  "]\n', {},
                        ["lexicon.hedging.epistemic", "empty cue"]),
    "unknown-removed-category": ('[remove.hedging]\napproximators = "*"\n', {},
                                 ["remove.hedging", "unknown category 'approximators'"]),
    "remove-from-family-without-cues": ('[remove.footnotes]\nibid = "*"\n', {},
                                        ["remove.footnotes", "only cues of hedging"]),
    "unknown-hedge-categories-value": ('hedge_categories = ["epistemic", "nonsense"]\n', {},
                                       ["'hedge_categories'", "'nonsense'"]),
    "threshold-nan": ("claim_threshold = nan\n", {}, ["'claim_threshold'"]),
}


def project(tmp_path: Path, name: str) -> Path:
    """A folder with the case's configuration and one article in ``articles/``."""
    toml, files, _ = CASES[name]
    if toml:
        (tmp_path / ".checker.toml").write_text(toml, encoding="utf-8")
    for rel, content in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    art = tmp_path / "articles" / "story.md"
    art.parent.mkdir()
    art.write_text(ARTICLE, encoding="utf-8")
    return art


def one_error_line(err: str, needles: list[str]) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("checker: error: "), err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_audit_and_check_give_the_same_one_line_error_and_exit_2(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    art = project(tmp_path, name)
    out = tmp_path / "out"
    assert main(["audit", str(art.parent), "--out", str(out), "-q"]) == 2
    audit_line = one_error_line(capsys.readouterr().err, CASES[name][2])
    assert not out.exists()  # nothing analysed, nothing written
    assert main(["check", str(art)]) == 2
    check_line = one_error_line(capsys.readouterr().err, CASES[name][2])
    assert audit_line == check_line


@pytest.mark.parametrize("name", ["model-nan-intercept", "unknown-rule", "toml-latin-1"])
def test_an_explicit_config_file_is_checked_the_same_way(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    art = project(tmp_path, name)
    cfg = tmp_path / ("pyproject.toml" if name == "toml-latin-1" else ".checker.toml")
    out = tmp_path / "out"
    assert main(["audit", str(art), "--out", str(out), "-q", "--config", str(cfg)]) == 2
    one_error_line(capsys.readouterr().err, CASES[name][2])
    assert main(["check", str(art), "--config", str(cfg)]) == 2
    one_error_line(capsys.readouterr().err, CASES[name][2])
    assert main(["baseline", str(art), "--config", str(cfg),
                 "--output", str(tmp_path / "b.json")]) == 2  # fmt: skip
    one_error_line(capsys.readouterr().err, CASES[name][2])


def test_a_missing_config_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    art = tmp_path / "a.md"
    art.write_text(ARTICLE, encoding="utf-8")
    gone = tmp_path / "gone.toml"
    assert main(["check", str(art), "--config", str(gone)]) == 2
    one_error_line(capsys.readouterr().err, [str(gone), "no such file"])
    assert main(["audit", str(art), "--out", str(tmp_path / "o"), "--config", str(tmp_path)]) == 2
    one_error_line(capsys.readouterr().err, [str(tmp_path), "not a regular file"])


def test_a_good_custom_model_and_lexicon_still_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "m.json").write_text(json.dumps(shipped_model()), encoding="utf-8")
    (tmp_path / ".checker.toml").write_text(
        'claim_model = "m.json"\ndisable = ["CLM001", "hedging"]\n'
        '[lexicon.hedging]\nepistemic = ["conceivably"]\n'
        '[lexicon.attribution]\nvague_phrases = ["people close to the talks"]\n'
        '[lexicon.credibility]\n"example.org" = ["Example Gazette"]\n'
        '[remove.hedging]\napproximator = "*"\n',
        encoding="utf-8",
    )
    art = tmp_path / "a.md"
    art.write_text(ARTICLE, encoding="utf-8")
    assert main(["audit", str(art), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert main(["check", str(art), "--fail-under", "0"]) == 0
    assert "error" not in capsys.readouterr().err


# ------------------------------------------------------------------ JSON output


def _nan_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the claim model answer NaN (what a NaN intercept did before models were checked)."""
    from rules.claims.scorer import ClaimScorer

    def nan_proba(self: ClaimScorer, texts: list[str]) -> np.ndarray:
        return np.full((len(list(texts)), 2), np.nan)

    def nan_probabilities(self: ClaimScorer, texts: list[str]) -> list[float]:
        return [math.nan for _ in texts]

    monkeypatch.setattr(ClaimScorer, "predict_proba", nan_proba)
    monkeypatch.setattr(ClaimScorer, "probabilities", nan_probabilities)


def _strict(text: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"bare {name} in JSON output")

    return json.loads(text, parse_constant=refuse)


def test_no_bare_nan_in_articles_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _nan_scores(monkeypatch)
    art = tmp_path / "a.md"
    art.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["audit", str(art), "--out", str(out), "-q", "--format", "json"]) == 0
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = _strict(lines[0])["sentences"]
    assert sentences and all(s["claim_prob"] is None for s in sentences if s["region"] == "body")


def test_no_bare_nan_in_check_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _nan_scores(monkeypatch)
    art = tmp_path / "a.md"
    art.write_text(ARTICLE, encoding="utf-8")
    main(["check", str(art), "--format", "json"])
    _strict(capsys.readouterr().out)


def test_the_json_writer_replaces_only_what_is_not_finite() -> None:
    from reports.json import dumps

    value = {"a": [1.5, math.nan, {"b": math.inf}], "c": -math.inf, "d": "NaN", "e": 2}
    assert json.loads(dumps(value)) == {"a": [1.5, None, {"b": None}], "c": None,
                                        "d": "NaN", "e": 2}  # fmt: skip


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    from checker.settings import find_config

    (tmp_path / "pyproject.toml").write_bytes(b"\xef\xbb\xbf[tool.checker]\nfail_under = 55\n")
    assert find_config(tmp_path).fail_under == 55
