"""End to end: folders in, reports out; failures kept; safety of the outputs."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import checker
from checker.cli import main
from tests.conftest import EXAMPLES

ARTICLE = (
    "Water Rates Rise\n\n"
    "The utility raised water rates by 6 percent on Monday, the city's finance office said.\n"
    "Officials said the increase was unavoidable. The network lost 14 percent of its water "
    "to leaks in 2023.\n"
)


def make_corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "sub" / "b.md").write_text("# Note\n\n" + ARTICLE, encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\x00\x00binary\x00")
    (src / "notes.pdf").write_bytes(b"%PDF")  # not an article type: not discovered
    return src


def test_python_api_returns_dataframes_and_keeps_failures(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    result = checker.audit([src, tmp_path / "missing.txt"])
    summary = result.summary
    assert isinstance(summary, pd.DataFrame)
    assert set(summary["article"]) == {
        "in/a.txt",
        "in/bad.txt",
        "in/sub/b.md",
        str(tmp_path / "missing.txt"),
    }
    status = dict(zip(summary["article"], summary["status"], strict=True))
    assert status["in/a.txt"] == "ok" and status["in/bad.txt"] == "error"
    errors = dict(zip(summary["article"], summary["error"], strict=True))
    assert "binary" in errors["in/bad.txt"] and "bad.txt" in errors["in/bad.txt"]
    assert "not found" in errors[str(tmp_path / "missing.txt")]
    for name in ("findings", "sources", "sentences"):
        assert isinstance(getattr(result, name), pd.DataFrame)
    sentences = result.sentences
    assert {
        "article",
        "index",
        "start",
        "end",
        "line",
        "region",
        "text",
        "is_claim",
        "claim_prob",
        "attributed",
        "source",
        "hedged",
        "footnotes",
    } <= set(sentences.columns)
    ok = summary[summary["status"] == "ok"]
    assert ok["score"].between(0, 100).all()
    assert set(ok["grade"]) <= set("ABCDF")


def test_cli_writes_every_report_and_exits_1_on_failed_input(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    out = tmp_path / "out"
    code = main(["audit", str(src), "--out", str(out), "--quiet"])
    assert code == 1  # bad.txt failed to load; the others are still reported
    for name in (
        "summary.csv",
        "findings.csv",
        "sources.csv",
        "sentences.csv",
        "articles.jsonl",
        "audit.json",
        "index.html",
    ):
        assert (out / name).is_file(), name
    rows = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    assert len(rows) == 3
    meta = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert meta["version"] == checker.__version__ and meta["complete"] is True
    assert meta["articles"] == 3 and meta["statuses"]["error"] == 1
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    report = {"articles": [json.loads(x) for x in lines]}  # one line per article
    assert [a["article"] for a in report["articles"]] == [r["article"] for r in rows]
    art = next(a for a in report["articles"] if a["article"] == "in/a.txt")
    for key in (
        "path",
        "status",
        "error",
        "score",
        "grade",
        "metrics",
        "findings",
        "sources",
        "sentences",
        "footnotes",
    ):
        assert key in art
    assert set(art["footnotes"]) >= {"markers", "definitions", "dangling", "unused"}
    for a in report["articles"]:
        if a["status"] != "error":
            assert (out / a["page"]).is_file()
    # nothing written outside --out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_cli_exit_codes(tmp_path: Path) -> None:
    src = tmp_path / "ok.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    assert main(["audit", str(src), "--out", str(tmp_path / "o"), "-q"]) == 0
    assert main(["audit", str(src), "--out", str(tmp_path / "o"), "--format", "pdf"]) == 2
    assert main(["audit", str(src), "--out", str(tmp_path / "o"), "--jobs", "0"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["audit", "--out", str(tmp_path / "o")])
    assert exc.value.code == 2
    assert main(["audit", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "o2"), "-q"]) == 1


def test_csv_cells_cannot_become_formulas(tmp_path: Path) -> None:
    src = tmp_path / "f.txt"
    src.write_text(
        '=HYPERLINK("http://evil.example","click") was typed here, the clerk said.\n\n'
        "+1 is what the vote came to on Friday, officials said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["audit", str(src), "--out", str(out), "-q", "--format", "csv"]) == 0
    for name in ("sentences.csv", "findings.csv"):
        for row in csv.DictReader((out / name).open(encoding="utf-8")):
            for value in row.values():
                assert not (value or "").startswith(("=", "+", "-", "@")), (name, value)
    texts = [r["text"] for r in csv.DictReader((out / "sentences.csv").open(encoding="utf-8"))]
    assert any(t.startswith("'=HYPERLINK") for t in texts)


def test_parallel_audit_matches_serial(tmp_path: Path) -> None:
    serial = checker.audit([EXAMPLES], jobs=1)
    parallel = checker.audit([EXAMPLES], jobs=2)
    cols = ["article", "score", "grade", "claims", "findings"]
    pd.testing.assert_frame_equal(serial.summary[cols], parallel.summary[cols])


def test_include_exclude_globs(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    only_md = checker.audit([src], include=["*.md"])
    assert list(only_md.summary["article"]) == ["in/sub/b.md"]
    no_sub = checker.audit([src], exclude=["in/sub/*", "bad.txt"])
    assert list(no_sub.summary["article"]) == ["in/a.txt"]


def test_examples_demo_runs_as_a_module(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "audit", str(EXAMPLES), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "index.html" in proc.stdout
    summary = pd.read_csv(out / "summary.csv")
    assert len(summary) == len(list(EXAMPLES.iterdir()))
    assert (summary["status"] == "ok").all()


def test_help_explains_outputs_and_exit_codes() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "audit", "--help"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    for word in ("summary.csv", "findings.csv", "exit codes", "--jobs", "--exclude"):
        assert word in proc.stdout


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    for name in (
        "unsourced-claim",
        "vague-attribution",
        "unattributed-quote",
        "hedging",
        "dangling-footnote",
        "unused-source",
        "footnote-sequence",
    ):
        assert name in listing
    assert main(["explain", "unsourced-claim"]) == 0
    text = capsys.readouterr().out
    assert "Why it matters" in text and "Use instead" in text
    assert main(["explain", "no-such-rule"]) == 2


def test_explain_lists_the_settings_of_the_rules_family(capsys: pytest.CaptureFixture[str]) -> None:
    # how CLM001 decides is configurable: explain says so, with each key's default
    assert main(["explain", "CLM001"]) == 0
    text = capsys.readouterr().out
    assert "Settings of the claims family" in text
    assert 'claim_decision = "model"' in text and "claim_threshold = 0.5" in text
    # a family with no settings of its own prints no such section
    assert main(["explain", "SUP001"]) == 0
    assert "Settings of the" not in capsys.readouterr().out
