"""The one loader for lexicon and model files: envelope checked, errors name the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.core.datafiles import DataFileError, load_data, packaged_data, with_envelope

SHIPPED = [
    ("checker.text", "lexicons/boilerplate.json", "checker-boilerplate-lexicon"),
    ("checker.reference", "outlets.json", "checker-outlets"),
    ("checker.reference", "domains.json", "checker-domains"),
    ("rules.attribution", "lexicon.json", "checker-attribution-lexicon"),
    ("rules.attribution", "cue_model.json", "checker-attribution-cue-model"),
    ("rules.attribution", "tagger.json", "checker-attribution-tagger"),
    ("rules.footnotes", "lexicon.json", "checker-footnotes-lexicon"),
    ("rules.hedging", "lexicon.json", "checker-hedging-lexicon"),
    ("rules.hedging", "sentence_model.json", "checker-hedge-sentence-model"),
    ("rules.genre", "cues.json", "checker-genre-cues"),
    ("rules.claims", "model.json", "checker-claim-model"),
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
    with pytest.raises(DataFileError, match="gone.json: cannot read"):
        load_data(tmp_path / "gone.json", "checker-x")


def test_written_files_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "m.json"
    p.write_text(json.dumps(with_envelope("checker-x", {"w": [1, 2]})), encoding="utf-8")
    assert load_data(p, "checker-x") == {"w": [1, 2]}
