"""Baselines: fingerprints that survive edits elsewhere; only new findings fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.baseline import (
    Baseline,
    BaselineError,
    FileBaseline,
    assign_fingerprints,
    fingerprint,
    normalise,
)


def finding(fid: str, line: int, sentence: int | None, text: str, start: int) -> dict:
    return {"id": fid, "rule": fid.lower(), "line": line, "sentence": sentence, "text": text,
            "start": start, "message": "m"}  # fmt: skip


def sentences(*texts: str) -> list[dict]:
    return [{"index": i, "text": t} for i, t in enumerate(texts)]


def test_normalise_ignores_case_spacing_and_quote_style() -> None:
    assert normalise("  Officials  SAID \u201cno\u201d\n") == normalise('officials said "no"')
    assert fingerprint("A1", "X y.", "x", 0) == fingerprint("A1", "x  Y.", "X", 0)
    assert fingerprint("A1", "X y.", "x", 0) != fingerprint("A1", "X y.", "x", 1)
    assert fingerprint("A1", "X y.", "x", 0) != fingerprint("A2", "X y.", "x", 0)


def test_fingerprints_survive_moves_and_change_with_the_sentence() -> None:
    s1 = "Experts say the channel may silt up."
    old = [finding("ATT001", 3, 0, "Experts", 10), finding("HDG001", 3, 0, "may", 30)]
    assign_fingerprints(old, sentences(s1))
    # two paragraphs inserted above: lines, offsets and sentence indices all move
    moved = [finding("HDG001", 9, 4, "may", 130), finding("ATT001", 9, 4, "Experts", 110)]
    assign_fingerprints(moved, sentences("a", "b", "c", "d", s1))
    assert {f["fingerprint"] for f in moved} == {f["fingerprint"] for f in old}
    edited = [finding("ATT001", 3, 0, "Experts", 10)]
    assign_fingerprints(edited, sentences("Experts say the channel may silt up by 2030."))
    assert edited[0]["fingerprint"] not in {f["fingerprint"] for f in old}


def test_repeated_identical_findings_get_occurrence_indices() -> None:
    s = "It may rain."
    fs = [finding("HDG001", 1, 0, "may", 3), finding("HDG001", 5, 2, "may", 40)]
    assign_fingerprints(fs, sentences(s, "x", s))
    assert fs[0]["fingerprint"] != fs[1]["fingerprint"]
    bl = Baseline({"a.md": FileBaseline(findings=[{"fingerprint": fs[0]["fingerprint"]}])})
    # one recorded occurrence hides one finding: the repeated one is new
    third = dict(fs[0], line=9)
    new, known = bl.split("a.md", [fs[0], third])
    assert len(new) == 1 and len(known) == 1
    assert bl.split("other.md", fs) == (fs, [])


def test_round_trip_and_errors(tmp_path: Path) -> None:
    bl = Baseline({"d/a.md": FileBaseline(71.5, 2, [{"fingerprint": "ab", "rule": "r"}])})
    p = tmp_path / "b.json"
    bl.dump(p)
    data = json.loads(p.read_text())
    assert data["version"] == 1 and data["tool"].startswith("checker ")
    back = Baseline.load(p)
    assert back.files["d/a.md"].score == 71.5 and back.files["d/a.md"].unsourced_claims == 2
    with pytest.raises(BaselineError, match="not found"):
        Baseline.load(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{nope")
    with pytest.raises(BaselineError, match="not readable"):
        Baseline.load(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text('{"version": 7}')
    with pytest.raises(BaselineError, match="version 1"):
        Baseline.load(tmp_path / "other.json")
