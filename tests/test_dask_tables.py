"""The Dask engine's per-partition work, without a cluster: rows to articles, stable tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from checker.core.config import Config
from checker.dask_tables import (
    ERROR_COLUMN,
    PATH_COLUMN,
    SKIP,
    TABLES,
    WHERE_COLUMN,
    RowSpec,
    audit_partition,
    empty_tables,
    table_columns,
)
from checker.text.tabular import TableSpec
from tests.dask_corpus import rows

TABLE = TableSpec("body", "id", format_column="fmt")
SPEC = RowSpec(TABLE, source="export.parquet")


@pytest.fixture(scope="module")
def schema():
    return table_columns(Config(), ["outlet", "words"])


def _summary(pdf: pd.DataFrame, schema, offset: int = 0, spec: RowSpec = SPEC) -> pd.DataFrame:
    return audit_partition(pdf, offset, spec, Config(), schema)["summary"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (None, "is empty (null)"),
        (float("nan"), "is empty (null)"),
        ("", "is empty"),
        (" \n\t", "is empty"),
        (42, "is not text (a number)"),
        (["a", "list"], "is not text (a list)"),
        ({"a": 1}, "is not text (an object)"),
    ],
)
def test_a_bad_cell_is_an_error_row_naming_file_row_and_column(schema, value, problem):
    pdf = pd.DataFrame({"id": ["a7"], "body": pd.Series([value], dtype=object), "fmt": ["text"],
                        "outlet": ["x"], "words": [1]})  # fmt: skip
    row = _summary(pdf, schema, offset=6).iloc[0]
    assert row["status"] == "error"
    assert row["error"] == f"export.parquet: row 7: column 'body' {problem}"
    assert row["article"] == "a7" and pd.isna(row["score"])


def test_a_row_is_analysed_like_a_file_with_that_text(tmp_path, schema):
    from checker.pipeline import analyse_file

    text = "Officials said the bridge will close for 3 weeks in May.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    res = analyse_file(str(tmp_path / "a.md"), Config(), "a")
    pdf = pd.DataFrame([{"id": "a", "body": text, "fmt": "markdown", "outlet": "o", "words": 1}])
    out = audit_partition(pdf, 0, SPEC, Config(), schema)
    assert out["summary"].loc[0, "score"] == res.score
    assert list(out["findings"]["message"]) == [f["message"] for f in res.findings]
    assert list(out["sentences"]["text"]) == [s["text"] for s in res.sentences]


def test_an_unknown_format_is_an_error_row(schema):
    pdf = pd.DataFrame([{"id": "x", "body": "Some text here.", "fmt": "docx", "outlet": "o",
                         "words": 3}])  # fmt: skip
    row = _summary(pdf, schema).iloc[0]
    assert row["status"] == "error"
    assert row["error"] == ("export.parquet: row 1: column 'fmt' is 'docx', not one of text, "
                            "markdown, html")  # fmt: skip


def test_tables_have_the_same_columns_and_dtypes_whatever_the_rows_hold(schema):
    good = pd.DataFrame(rows(6))
    bad = pd.DataFrame([{"id": "e1", "body": None, "fmt": "text", "outlet": None, "words": 0}])
    a = audit_partition(good, 0, SPEC, Config(), schema)
    b = audit_partition(bad, 6, SPEC, Config(), schema)
    for name in TABLES:
        assert list(a[name].dtypes.items()) == list(b[name].dtypes.items()), name
        assert list(a[name].dtypes.items()) == list(empty_tables(schema)[name].dtypes.items())
    assert len(b["findings"]) == 0 and len(a["findings"]) > 0


def test_metadata_columns_are_carried_into_the_summary_and_renamed_when_taken(schema):
    out = _summary(pd.DataFrame(rows(3)), schema)
    assert list(out["outlet"]) == ["Harbour Post", "City Desk", "Valley News"]
    # "words" is also a metric: the input's column keeps its values under another name
    assert list(out["meta_words"]) == [str(len(str(r["body"]).split())) for r in rows(3)]
    assert list(out["article"]) == ["story-0000", "story-0001", "story-0002"]
    assert list(out["article_id"]) == list(out["article"])


def test_rows_without_an_id_are_named_by_file_and_row_number():
    spec = RowSpec(TableSpec("body"), source="data/export.parquet")
    out = _summary(pd.DataFrame({"body": ["One claim.", None]}), table_columns(Config()), 40,
                   spec)  # fmt: skip
    assert list(out["article"]) == ["export.parquet#41", "export.parquet#42"]
    assert out.loc[1, "error"] == "data/export.parquet: row 42: column 'body' is empty (null)"


def test_reader_columns_name_the_file_and_line_and_skip_blank_lines():
    pdf = pd.DataFrame({
        "body": ["Critics say the plan fails.", None, None, "Text."],
        PATH_COLUMN: ["a.jsonl"] * 4, WHERE_COLUMN: ["line"] * 4,
        ERROR_COLUMN: [None, SKIP, "not a JSON object", None],
    }, dtype=object)  # fmt: skip
    spec = RowSpec(TableSpec("body"), source="ignored")
    out = _summary(pdf, table_columns(Config()), 10, spec)
    assert list(out["article"]) == ["a.jsonl#11", "a.jsonl#13", "a.jsonl#14"]
    assert out.loc[1, "error"] == "a.jsonl: line 13: not a JSON object"


def test_scores_keep_their_values_through_the_fixed_dtypes(schema):
    from checker.article import audit_article
    from checker.text.tabular import ArticleInput

    out = _summary(pd.DataFrame(rows(4)), schema)
    for i, r in enumerate(rows(4)):
        res = audit_article(ArticleInput(r["id"], r["id"], "x", r["body"], r["fmt"]), Config())
        assert math.isclose(float(out.loc[i, "score"]), res.score)
        assert out.loc[i, "grade"] == res.grade


def test_write_tables_without_a_cluster_writes_the_local_audits_tables_and_pages(tmp_path):
    """Dask's default scheduler (no ``distributed`` client): the same tables, and each
    article's page as the local audit writes it, byte for byte."""
    pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
    pytest.importorskip("pyarrow", reason="the dask extra is not installed")
    import dask

    import checker
    from checker.dask_engine import audit_dask, page_meta, write_tables
    from checker.dask_readers import read_table

    data = rows(9)
    data[4]["id"] = data[2]["id"]  # a shared id: story-0002~2
    data[6]["body"] = ""
    path = tmp_path / "export.parquet"
    pd.DataFrame(data).to_parquet(path, row_group_size=4)
    local = checker.audit([path], table=TABLE, out=tmp_path / "local", formats=["html"])
    with dask.config.set(scheduler="sync"):
        tables = audit_dask(read_table(str(path)), "body", id_column="id", format_column="fmt",
                            source=str(path), rows_per_task=3)  # fmt: skip
        summary = write_tables(tables, tmp_path / "out", pages=page_meta(Config()))
    pd.testing.assert_frame_equal(summary, local.summary)
    for name in TABLES:
        got = pd.read_parquet(tmp_path / "out" / name, dtype_backend="pyarrow")
        want = getattr(local, name)
        pd.testing.assert_frame_equal(got.astype(want.dtypes.to_dict()), want)
    assert list(summary["article_id"])[4] == "story-0002~2"
    for page in summary["page"]:
        assert (tmp_path / "out" / page).read_bytes() == (tmp_path / "local" / page).read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "articles", "findings", "sentences", "sources", "summary", "summary.csv"]
    # a plain dict of the tables has no plan: it is written, and asking for pages warns
    with dask.config.set(scheduler="sync"), pytest.warns(UserWarning, match="no article pages"):
        again = write_tables(dict(tables), tmp_path / "plain", pages=page_meta(Config()))
    assert len(again) == len(summary) and not (tmp_path / "plain" / "articles").exists()
