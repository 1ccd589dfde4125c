"""Table inputs: one article per row of a CSV, TSV, JSON Lines (gzip too) or Parquet file."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker
from checker.article import audit_article
from checker.cli import main
from checker.text.tabular import ArticleInput, TableError, TableSpec, read_table

STORIES = {
    "harbour.txt": "The harbour authority said on Monday that traffic rose by 12 percent.\n\n"
    "Critics argue the figures are misleading, according to people familiar with the matter.\n",
    "school.txt": "Enrolment at the district's schools doubled over the decade.\n\n"
    "\"We were not ready,\" said Ana Ruiz, the district's head of planning.\n",
    "bridge.md": "# Bridge repairs\n\nThe bridge will reopen in May, the council said in a "
    "statement.\n\n- Costs rose to 3 million euros.\n- Work began in 2024.\n",
}
ROWS = [
    {"id": name, "outlet": f"Outlet {i}", "date": f"2026-0{i + 1}-15",
     "fmt": "markdown" if name.endswith(".md") else "text", "body": text}
    for i, (name, text) in enumerate(STORIES.items())
]  # fmt: skip
COMPARED = ("score", "grade", "status", "metrics", "findings", "sentences", "sources", "hedges")


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "stories"
    src.mkdir()
    for name, text in STORIES.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def _write(tmp_path: Path, kind: str, rows: list[dict]) -> Path:
    path = tmp_path / f"export.{kind}"
    if kind in ("csv", "tsv"):
        with path.open("w", encoding="utf-8", newline="") as fh:
            sep = "\t" if kind == "tsv" else ","
            w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=sep)
            w.writeheader()
            w.writerows(rows)
    elif kind == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif kind == "jsonl.gz":
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in rows)
    else:
        pd.DataFrame(rows).to_parquet(path)
    return path


@pytest.mark.parametrize("kind", ["csv", "tsv", "jsonl", "jsonl.gz", "parquet"])
def test_a_table_gives_the_same_results_as_a_folder_of_files(tmp_path: Path, kind: str) -> None:
    by_file = {Path(a.path).name: a for a in checker.audit(_folder(tmp_path)).articles}
    table = _write(tmp_path, kind, ROWS)
    spec = TableSpec("body", id_column="id", format_column="fmt")
    by_row = {a.id: a for a in checker.audit(table, table=spec).articles}
    assert set(by_row) == set(by_file)
    for name, a in by_file.items():
        b = by_row[name]
        for key in COMPARED:
            assert getattr(a, key) == getattr(b, key), (name, key)
        assert b.metadata == {"outlet": ROWS[list(STORIES).index(name)]["outlet"],
                              "date": ROWS[list(STORIES).index(name)]["date"]}  # fmt: skip


def test_metadata_columns_reach_summary_csv_and_bad_rows_are_error_rows(tmp_path: Path) -> None:
    rows = [*ROWS, {"id": "empty-one", "outlet": "X", "date": "", "fmt": "text", "body": "  "}]
    table = _write(tmp_path, "csv", rows)
    out = tmp_path / "out"
    code = main(["audit", str(table), "--text-column", "body", "--id-column", "id",
                 "--format-column", "fmt", "--out", str(out), "-q"])  # fmt: skip
    assert code == 1  # one failed row
    summary = pd.read_csv(out / "summary.csv", keep_default_na=False)
    assert list(summary["article_id"]) == [r["id"] for r in rows]
    assert {"outlet", "date"} <= set(summary.columns)
    bad = summary[summary["article_id"] == "empty-one"].iloc[0]
    assert bad["status"] == "error"
    assert bad["error"] == f"{table.as_posix()}: row 4 (line 17): column 'body' is empty"
    assert bad["outlet"] == "X"


def test_jsonl_errors_are_rows_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"body": "Prices rose 3 percent in May, the statistics office said."}\n'
        "{not json\n"
        '[1, 2]\n'
        '{"body": 42}\n'
        '{"body": null}\n'
        '{"headline": "no body here"}\n'
        '{"body": "Rents fell in June, the housing agency reported."}\n'
        '{"body": "Fares rose \\ud800 again, the rail operator said."}\n',
        encoding="utf-8",
    )
    items = list(read_table(path, TableSpec("body")))
    assert items[0].error == "" and items[6].error == ""
    assert items[7].error.endswith(  # a lone surrogate from a JSON escape: no valid text
        "line 8: column 'body' holds an unpaired surrogate (U+D800 at character 12), which "
        "is not valid Unicode text")
    assert "line 2: not valid JSON" in items[1].error
    assert items[2].error.endswith("line 3: not a JSON object")
    assert items[3].error.endswith("line 4: column 'body' is not text (a number)")
    assert items[4].error.endswith("line 5: column 'body' is empty (null)")
    assert items[5].error.endswith("line 6: column 'body' is missing")
    assert items[5].metadata == {"headline": "no body here"}
    result = checker.audit(path, table=TableSpec("body"))
    assert [a.status for a in result.articles].count("error") == 6
    assert [a.id for a in result.articles][:2] == ["feed.jsonl#1", "feed.jsonl#2"]


def test_a_table_without_its_column_is_one_error_row_naming_it(tmp_path: Path) -> None:
    table = _write(tmp_path, "parquet", ROWS)
    with pytest.raises(TableError, match="no column 'text'"):
        list(read_table(table, TableSpec("text")))
    result = checker.audit(table, table=TableSpec("text"))
    assert len(result.articles) == 1
    assert result.articles[0].status == "error"
    assert "no column 'text' (its columns: 'id', 'outlet', 'date', 'fmt', 'body')" in (
        result.articles[0].error
    )


def test_a_table_needs_text_column_on_the_command_line(tmp_path: Path, capsys) -> None:
    table = _write(tmp_path, "csv", ROWS)
    assert main(["audit", str(table), "--out", str(tmp_path / "o"), "-q"]) == 2
    assert "--text-column" in capsys.readouterr().err


def test_parquet_cells_that_are_not_text_are_error_rows(tmp_path: Path) -> None:
    path = tmp_path / "n.parquet"
    pd.DataFrame({"body": [1.5, 2.5], "id": ["x", "y"]}).to_parquet(path)
    items = list(read_table(path, TableSpec("body", id_column="id")))
    assert [i.id for i in items] == ["x", "y"]
    assert items[0].error.endswith("row 1: column 'body' is not text (a number)")


def test_duplicate_ids_are_made_unique_across_inputs(tmp_path: Path) -> None:
    a = _write(tmp_path, "csv", ROWS[:1])
    b = tmp_path / "again.jsonl"
    b.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    result = checker.audit([a, b], table=TableSpec("body", id_column="id"))
    assert [r.id for r in result.articles] == ["harbour.txt", "harbour.txt~2"]


def test_the_per_article_function_takes_plain_text() -> None:
    res = audit_article(ArticleInput(id="k", article="k", path="cms", text="<p>Taxes rose, "
                                     "officials said.</p>", fmt="html"))  # fmt: skip
    assert res.id == "k" and res.status in ("ok", "warning") and res.format == "html"
    empty = audit_article(ArticleInput(id="e", article="e", path="cms", error="cms: row 1: x"))
    assert empty.status == "error" and empty.id == "e"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0,
                        max_size=60), min_size=1, max_size=5))  # fmt: skip
def test_csv_cells_come_back_as_written(tmp_path: Path, texts: list[str]) -> None:
    path = tmp_path / "h.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["body", "n"])
        w.writerows([t, i] for i, t in enumerate(texts))
    items = list(read_table(path, TableSpec("body")))
    assert len(items) == len(texts)
    for item, text in zip(items, texts, strict=True):
        if text.strip():
            assert item.text == text and item.error == ""
        else:
            assert item.error.endswith("column 'body' is empty")
