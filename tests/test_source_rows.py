"""The "who is cited" row model: rows, their features, the decision, the data file, and the
training data's match to gold sources. Our own sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.core.analysis import SourceMention
from checker.core.datafiles import DataFileError
from rules.attribution.lexicon import get_lexicon
from rules.attribution.row_features import row_features, row_key, rows_of
from rules.attribution.rows import ROWS_FORMAT, apply_row_model, load_row_model
from tests.families import analyse_attribution

TEXT = ("Harbour Authority spokesman Tomas Okafor said the ferry would sail again on Monday. "
        "The annual safety report found that two cranes had failed inspections. "
        "Okafor said the repairs would take a week.")


def _mention(name: str, kind: str = "person", cue: str = "said", start: int = -1,
             role: str = "") -> SourceMention:
    return SourceMention(name=name, kind=kind, start=start, end=start + len(name),
                         sentence=0, cue=cue, role=role)


def _write(tmp_path: Path, keep: dict | None, kind: dict | None, name: str = "rows.json"
           ) -> str:
    path = tmp_path / name  # (models are remembered by path)
    path.write_text(json.dumps({"format": ROWS_FORMAT, "format_version": 1,
                                "keep": keep, "kind": kind}), encoding="utf-8")
    return str(path)


def test_row_key_merges_what_a_reader_merges() -> None:
    assert row_key("The Harbour Authority’s") == "harbour authority"
    assert row_key("  a spokesman ") == "spokesman"
    assert row_key("Okafor") != row_key("Tomas Okafor")


def test_rows_group_mentions_and_leave_footnotes_and_links_alone() -> None:
    rows = rows_of([_mention("Tomas Okafor"), _mention("Port Gazette", "outlet", cue="link"),
                    _mention("the annual safety report", "document", cue="found"),
                    _mention("Tomas Okafor", cue="told"),
                    _mention("Port Gazette", "outlet", cue="named")])
    assert list(rows) == ["tomas okafor", "annual safety report"]
    assert [m.cue for m in rows["tomas okafor"]] == ["said", "told"]


def test_features_read_a_common_noun_head_but_not_a_proper_name() -> None:
    lex = get_lexicon()
    report = row_features(_mention("the annual safety report", "document", cue="found"),
                          [], "", lex)
    assert {"kind=document", "head=report", "first=the", "headcls=doc", "cue=found"} <= set(report)
    person = row_features(_mention("Tomas Okafor", role="spokesman"), [], "", lex)
    assert "shape=XX" in person and "role" in person and "rolehead=spokesman" in person
    assert not any(f.startswith("head=") for f in person)


def test_features_tell_a_row_resolved_from_a_pronoun() -> None:
    text = "Tomas Okafor spoke first. He said the pier was closed."
    at = text.index("He")
    feats = row_features(SourceMention(name="Tomas Okafor", kind="person", start=at,
                                       end=at + 2, sentence=1, cue="said"), [], text,
                         get_lexicon())
    assert "from_pronoun" in feats


def test_the_keep_model_drops_every_mention_of_a_doubted_row(tmp_path: Path) -> None:
    an = analyse_attribution(TEXT)
    assert {row_key(m.name) for m in an.sources} == {"tomas okafor", "annual safety report"}
    # a model that doubts rows read with "found": the report goes, with each of its mentions
    model = load_row_model(_write(tmp_path, {"weights": {"cue=found": -4.0}, "bias": 2.0,
                                             "threshold": 0.5}, None))
    assert model is not None
    apply_row_model(an, get_lexicon(), model)
    left = {row_key(m.name) for m in an.sources}
    assert "tomas okafor" in left and "annual safety report" not in left
    assert sum(row_key(m.name) == "tomas okafor" for m in an.sources) == 2  # both mentions


def test_the_kind_model_relabels_a_row_only_past_its_margin(tmp_path: Path) -> None:
    kind = {"classes": ["organisation", "person"], "bias": [0.0, 0.0], "kind_scale": 1.0,
            "weights": {"shape=XX": [3.0, 0.0]}, "margin": 0.9}
    sure = load_row_model(_write(tmp_path, None, kind))
    assert sure is not None
    an = analyse_attribution(TEXT)
    apply_row_model(an, get_lexicon(), sure)
    okafor = [m.kind for m in an.sources if row_key(m.name) == "tomas okafor"]
    assert okafor == ["organisation", "organisation"]  # softmax 0.95 >= 0.9
    unsure = load_row_model(_write(tmp_path, None, {**kind, "margin": 0.99}, "unsure.json"))
    an = analyse_attribution(TEXT)
    apply_row_model(an, get_lexicon(), unsure)
    assert {m.kind for m in an.sources if row_key(m.name) == "tomas okafor"} == {"person"}


def test_a_file_with_neither_part_is_no_model(tmp_path: Path) -> None:
    assert load_row_model(_write(tmp_path, None, None)) is None
    assert load_row_model(str(tmp_path / "absent.json")) is None


@pytest.mark.parametrize("kind", [
    {"classes": ["person", "robot"], "bias": [0, 0], "weights": {}, "kind_scale": 1, "margin": 0},
    {"classes": ["person", "outlet"], "bias": [0], "weights": {}, "kind_scale": 1, "margin": 0},
    {"classes": ["person", "outlet"], "bias": [0, 0], "weights": {"x": [1]}, "kind_scale": 1,
     "margin": 0},
])
def test_a_bad_kind_part_names_the_file(tmp_path: Path, kind: dict) -> None:
    with pytest.raises(DataFileError, match="rows.json"):
        load_row_model(_write(tmp_path, None, kind))


def test_a_non_finite_keep_weight_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    head = f'{{"format": "{ROWS_FORMAT}", "format_version": 1, "kind": null, "keep": '
    path.write_text(head + '{"weights": {"a": 1e999}, "bias": 0, "threshold": 0.5}}',
                    encoding="utf-8")
    with pytest.raises(DataFileError):
        load_row_model(str(path))


def test_training_rows_match_gold_sources_as_the_scorer_does() -> None:
    from training.source_rows_data import _match

    forms = [{"tomas okafor", "okafor"}, {"harbour authority"}, {"ana"}]
    assert _match("okafor", forms) == 0
    assert _match("spokesman tomas okafor", forms) == 0  # ends with a form
    assert _match("authority", forms) == 1  # a form ends with the row's name
    assert _match("ana", forms) == 2  # a form itself, however short
    assert _match("ana ruiz", forms) is None  # short forms match only whole
    assert _match("the harbour", forms) is None


def test_the_shipped_model_loads_and_judges_rows_of_our_own_text() -> None:
    from rules.attribution.record import ROWS_PATH

    if not ROWS_PATH.is_file():
        pytest.skip("no row model shipped")
    model = load_row_model(str(ROWS_PATH))
    assert model is not None and model.kind_weights is not None
    an = analyse_attribution(TEXT)  # the pipeline applies it inside record
    kinds = {row_key(m.name): m.kind for m in an.sources}
    assert kinds.get("tomas okafor") == "person"
    assert kinds.get("annual safety report") == "document"
