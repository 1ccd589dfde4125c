"""``python -m evaluation.realnews --gold DIR`` scores another labelled set in the same format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import realnews

NEEDS_SCORER = pytest.mark.skipif(
    not realnews.SCORER.exists(),
    reason="../shared/data/realnews/score.py absent (shared data not beside the repo)")

ARTICLE = (
    "Harbour Town votes on ferry fares\n"
    "The ferry fare rose to 4 pounds in March. "
    "The harbour master, Ana Ruiz, said the new timetable starts in May.\n"
)


def _labelled_set(folder: Path) -> Path:
    folder.mkdir()
    (folder / "x01.txt").write_text(ARTICLE, encoding="utf-8")
    sentences = [
        {"text": "Harbour Town votes on ferry fares", "label": "skip"},
        {"text": "The ferry fare rose to 4 pounds in March.", "label": "unsourced"},
        {"text": "The harbour master, Ana Ruiz, said the new timetable starts in May.",
         "label": "sourced", "source": "Ana Ruiz"},
    ]
    for s in sentences:
        s.setdefault("source", "")
        s.update({"vague": False, "hedges": []})
    label = {"file": "x01.txt", "genre": "news", "sentences": sentences,
             "sources": [{"name": "Ana Ruiz", "kind": "person",
                          "mentions": ["The harbour master, Ana Ruiz", "Ana Ruiz"]}]}
    (folder / "x01.json").write_text(json.dumps(label), encoding="utf-8")
    (folder / "README.md").write_text("notes about the set, not an article\n", encoding="utf-8")
    return folder


@NEEDS_SCORER
def test_other_set_is_audited_and_scored_whole(tmp_path, capsys):
    gold = _labelled_set(tmp_path / "set")
    assert realnews.main(["--gold", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "(1 excerpts, scored whole)" in out
    assert "missing articles=0" in out
    assert "unlocated sentences=0" in out
    assert "(tp=1 fp=0 fn=0)" in out  # the unattributed fare rise is found, nothing else


@NEEDS_SCORER
def test_a_folder_without_labels_is_a_usage_error(tmp_path, capsys):
    assert realnews.main(["--gold", str(tmp_path)]) == 2
    assert "not a folder of <id>.txt + <id>.json" in capsys.readouterr().err
