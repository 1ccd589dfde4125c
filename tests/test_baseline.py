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


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": 1, "files": []}', "'files' must be an object"),
        ('{"version": 1, "files": {"a.md": 3}}', "malformed entry for a.md"),
        ('{"version": 1, "files": {"a.md": {"score": "high"}}}', "malformed entry for a.md"),
        ('{"version": 1, "files": {"a.md": {"score": NaN}}}', "not readable JSON"),
        ('{"version": 1, "files": {"a.md": {"findings": [{"rule": "x"}]}}}', "malformed entry"),
        ('{"version": 1, "files": {"a.md": {"unsourced_claims": 1.5}}}', "malformed entry"),
        ('{"version": 1, "x": ' + "[" * 100 + "]" * 100 + "}", "nested more than"),
        ('{"version": ' + "1" * 5000 + "}", "not readable JSON"),
    ],
)
def test_a_damaged_baseline_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "b.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as err:
        Baseline.load(p)
    assert str(p) in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_damaged_baseline_stops_the_check_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from checker.cli import main

    art = tmp_path / "a.md"
    art.write_text("The council spent 4 million euros on roads last year.\n", encoding="utf-8")
    bl = tmp_path / "b.json"
    bl.write_bytes(b'{"version": 1, "files": {"a.md": {"score": 1e999}}}')
    assert main(["check", str(art), "--baseline", str(bl)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"baseline {bl}" in err and "Traceback" not in err
    assert main(["check", str(art), "--baseline", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_the_baseline_is_written_atomically(tmp_path: Path) -> None:
    p = tmp_path / "b.json"
    Baseline({"a.md": FileBaseline(50.0, 1, [])}).dump(p)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["b.json"]  # no temporary file left
    assert Baseline.load(p).files["a.md"].score == 50.0
