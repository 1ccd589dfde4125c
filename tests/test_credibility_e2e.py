"""Credibility through the whole pipeline and the CLI: ratings in reports, the no-ratings note."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checker.cli import main
from checker.core.config import Config
from checker.pipeline import analyse_document
from checker.text.loader import document_from_text

ARTICLE = (
    "Harbour reopens\n\n"
    "The harbour reopened on Monday after a week of repairs, Reuters reported. "
    "Two cranes were damaged in the storm, the Daily Example said.\n"
)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("CHECKER_RATINGS", raising=False)


def _ratings(tmp_path: Path) -> Path:
    p = tmp_path / "newsroom.csv"
    p.write_text("domain,score,label\nreuters.com,0.95,\ndailyexample.test,0.1,deprecated\n")
    return p


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_result_record_carries_ratings_and_metrics(tmp_path: Path) -> None:
    cfg = Config(
        settings={"ratings": [str(_ratings(tmp_path))]},
        lexicon={"credibility": {"dailyexample.test": ["Daily Example"]}},
    )
    res = analyse_document(document_from_text(ARTICLE), cfg)
    rated = {s["domain"]: s for s in res.sources if s["domain"]}
    assert rated["reuters.com"]["rating_label"] == "high"
    assert rated["reuters.com"]["rating_source"] == "user:newsroom.csv"
    assert rated["reuters.com"]["percentile"] is not None
    assert rated["dailyexample.test"]["rating_label"] == "deprecated"
    assert res.metrics["low_credibility_sources"] == 1
    assert res.metrics["min_credibility"] == 0.1
    assert any(f["id"] == "CRD001" for f in res.findings)


def test_cli_audit_without_ratings_runs_and_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = main(["audit", "a.txt", "--out", "out", "--format", "csv", "-q"])
    assert code == 0
    err = capsys.readouterr().err
    assert err.count("checker ratings update") == 1
    (row,) = _rows(tmp_path / "out" / "summary.csv")
    assert row["rating_sets"].startswith("none")
    sources = _rows(tmp_path / "out" / "sources.csv")
    reuters = [s for s in sources if s["domain"] == "reuters.com"]
    assert reuters and reuters[0]["rating_label"] == "unrated"


def test_cli_audit_with_a_user_ratings_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ours = _ratings(tmp_path)
    code = main(["audit", "a.txt", "--out", "out", "--format", "csv", "-q", "--ratings", str(ours)])
    assert code == 0
    assert "checker ratings update" not in capsys.readouterr().err
    (row,) = _rows(tmp_path / "out" / "summary.csv")
    assert row["rating_sets"] == "user:newsroom.csv"
    assert float(row["mean_credibility"]) == 0.95
    sources = _rows(tmp_path / "out" / "sources.csv")
    reuters = [s for s in sources if s["domain"] == "reuters.com"]
    assert reuters[0]["rating_source"] == "user:newsroom.csv"
    assert reuters[0]["percentile"] != ""


def test_cli_audit_with_a_missing_ratings_file_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["audit", "a.txt", "--out", "out", "-q", "--ratings", "gone.csv"]) == 2
    assert "ratings file not found" in capsys.readouterr().err
