"""The Dask engine's per-partition work, without a cluster: cells to articles, stable tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from checker.core.config import Config
from checker.dask_tables import (
    TABLES,
    RowSpec,
    analyse_cell,
    audit_partition,
    build_schema,
)
from tests.dask_corpus import rows

SPEC = RowSpec("body", "id", "fmt", source="export.parquet", metadata=("id", "outlet", "words"))


@pytest.fixture(scope="module")
def schema():
    return build_schema(Config(), {"id": "string", "outlet": "string", "words": "int64"})


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (None, "empty cell"),
        (float("nan"), "empty cell"),
        (pd.NA, "empty cell"),
        ("", "empty cell"),
        (" \n\t", "empty cell"),
        (42, "not text (a int value)"),
        ([1, 2], "not text (a list value)"),
        ({"a": 1}, "not text (a dict value)"),
        (b"\xff\xfe\xfa", "not UTF-8 text"),
    ],
)
def test_a_bad_cell_is_an_error_row_naming_file_row_and_column(value, problem):
    where = "export.parquet: row 7, column 'body'"
    res = analyse_cell(value, article="a7", where=where, fmt="text", config=Config())
    assert res.status == "error"
    assert res.error.startswith(f"{where}: {problem}")
    assert res.score is None and not res.findings


def test_a_cell_is_analysed_like_a_file_with_that_text(tmp_path):
    from checker.pipeline import analyse_file

    text = "Officials said the bridge will close for 3 weeks in May.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    from_file = analyse_file(str(tmp_path / "a.md"), Config(), "a")
    from_cell = analyse_cell(text, article="a", where="t: row 1", fmt="markdown", config=Config())
    a, b = from_file.to_dict(), from_cell.to_dict()
    assert {k for k in a if a[k] != b[k]} == {"path"}
    assert from_cell.findings and from_cell.score is not None


def test_bytes_cells_are_read_as_utf8():
    res = analyse_cell(b"Critics say the plan will fail.", article="b", where="w",
                       fmt="text", config=Config())  # fmt: skip
    assert res.status == "ok" and res.findings


def test_an_unknown_format_cell_is_an_error_row():
    pdf = pd.DataFrame([{"id": "x", "body": "Some text here.", "fmt": "docx", "outlet": "o",
                         "words": 3}])  # fmt: skip
    summary = audit_partition(pdf, 0, SPEC, Config(), build_schema(Config()))["summary"]
    assert summary.loc[0, "status"] == "error"
    assert "unknown format 'docx'" in summary.loc[0, "error"]


def test_tables_have_the_same_columns_and_dtypes_whatever_the_rows_hold(schema):
    good = pd.DataFrame(rows(6))
    bad = pd.DataFrame([{"id": "e1", "body": None, "fmt": "text", "outlet": None, "words": 0}])
    a = audit_partition(good, 0, SPEC, Config(), schema)
    b = audit_partition(bad, 6, SPEC, Config(), schema)
    empty = {name: schema.empty(name) for name in TABLES}
    for name in TABLES:
        assert list(a[name].dtypes.items()) == list(b[name].dtypes.items()), name
        assert list(a[name].dtypes.items()) == list(empty[name].dtypes.items()), name
    assert len(b["findings"]) == 0 and len(a["findings"]) > 0
    assert b["summary"].loc[0, "error"] == "export.parquet: row 7, column 'body': empty cell " \
                                           "(no article text)"  # fmt: skip


def test_metadata_columns_are_carried_into_the_summary_and_renamed_when_taken(schema):
    out = audit_partition(pd.DataFrame(rows(3)), 0, SPEC, Config(), schema)["summary"]
    assert list(out["outlet"]) == ["Harbour Post", "City Desk", "Valley News"]
    # "words" is also a metric: the input's column keeps its values under another name
    assert "input_words" in out.columns
    assert list(out["input_words"]) == [len(r["body"].split()) for r in rows(3)]
    assert list(out["article"]) == ["story-0000", "story-0001", "story-0002"]


def test_rows_without_an_id_are_named_by_source_and_row_number(schema):
    spec = RowSpec("body", source="data/export.csv")
    out = audit_partition(pd.DataFrame({"body": ["One claim.", None]}), 40, spec, Config(),
                          build_schema(Config()))["summary"]  # fmt: skip
    assert list(out["article"]) == ["export.csv:41", "export.csv:42"]
    assert out.loc[1, "error"].startswith("data/export.csv: row 42, column 'body': empty cell")


def test_scores_keep_their_values_through_the_fixed_dtypes(schema):
    pdf = pd.DataFrame(rows(4))
    out = audit_partition(pdf, 0, SPEC, Config(), schema)["summary"]
    from checker.dask_tables import analyse_cell as cell

    for i, r in enumerate(rows(4)):
        res = cell(r["body"], article=r["id"], where="w", fmt=r["fmt"], config=Config())
        assert math.isclose(float(out.loc[i, "score"]), res.score)
        assert out.loc[i, "grade"] == res.grade
