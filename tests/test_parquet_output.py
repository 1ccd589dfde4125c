"""--format parquet and the Python API's DataFrames: the same four tables, stable types."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import checker
from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
N_EXAMPLES = len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html")])
TABLES = ("summary", "findings", "sources", "sentences")


def test_parquet_tables_match_the_csv_ones_and_the_dataframes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["audit", str(EXAMPLES), "--out", str(out), "-q", "--format",
                 "csv,sentences,parquet"]) == 0  # fmt: skip
    api = checker.audit(EXAMPLES)
    for name in TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        df = pd.read_parquet(out / f"{name}.parquet")
        from_csv = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        if name == "summary":
            assert list(df.columns) == list(from_csv.columns), name
        else:  # a detail CSV file leads with one column, article_id
            assert list(df.columns) == ["article", "article_id", *from_csv.columns[1:]], name
            assert from_csv.columns[0] == "article_id"
            assert list(from_csv["article_id"]) == list(df["article_id"]), name
        assert len(df) == len(from_csv) == len(getattr(api, name)), name
        assert list(getattr(api, name).columns) == list(df.columns), name
        assert table.schema.field("article_id").type == "string"
    summary = pq.read_table(out / "summary.parquet").schema
    assert str(summary.field("score").type) == "double"
    assert str(summary.field("words").type) == "int64"
    sentences = pq.read_table(out / "sentences.parquet").schema
    assert str(sentences.field("is_claim").type) == "bool"
    assert str(sentences.field("claim_prob").type) == "double"


def test_types_do_not_depend_on_what_the_articles_hold(tmp_path: Path) -> None:
    """An audit of failed articles only has the same schema as one of good articles."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\x00\x01binary")
    good = checker.audit(EXAMPLES, out=tmp_path / "good", formats=["parquet"])
    failed = checker.audit(bad, out=tmp_path / "failed", formats=["parquet"])
    assert failed.statuses == {"error": 1} and good.count == N_EXAMPLES
    for name in TABLES:
        a = pq.read_schema(tmp_path / "good" / f"{name}.parquet")
        b = pq.read_schema(tmp_path / "failed" / f"{name}.parquet")
        assert a.equals(b, check_metadata=False), name
    assert dict(good.summary.dtypes) == dict(failed.summary.dtypes)
    assert str(good.summary["score"].dtype) == "Float64"
    assert str(good.summary["words"].dtype) == "Int64"
    assert str(good.sentences["is_claim"].dtype) == "boolean"


def test_an_audit_that_did_not_keep_its_results_says_so(tmp_path: Path) -> None:
    result = checker.audit(EXAMPLES, out=tmp_path / "o", keep=False, formats=["json"])
    assert result.count == N_EXAMPLES and result.articles == []
    with pytest.raises(ValueError, match="keep=False"):
        _ = result.summary
