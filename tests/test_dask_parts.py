"""The Dask engine's part files: a part written again replaces the earlier one whole.

Dask may run a slice's task twice (its result lost with a worker is recomputed; its slice
run again one article at a time), and a task may die while writing: a reader of the output
folder must never see two versions of a part, a half-written part, or a temporary file.
"""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("pyarrow", reason="the dask extra is not installed")
pytest.importorskip("fsspec", reason="the dask extra is not installed")

from checker.core.config import Config  # noqa: E402
from checker.dask_run import Target, audit_slice, part_name, write_part  # noqa: E402
from checker.dask_tables import TABLES, RowSpec, empty_tables, table_columns  # noqa: E402
from checker.text.tabular import TableSpec  # noqa: E402
from tests.dask_corpus import rows  # noqa: E402

SPEC = RowSpec(TableSpec("body", "id", format_column="fmt"), source="export.parquet")


def _read(out) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / name) for name in TABLES}


def test_a_slice_written_twice_has_one_part_with_the_last_rows(tmp_path):
    columns = table_columns(Config(), ["outlet", "words"])
    pdf = pd.DataFrame(rows(6))
    target = Target(str(tmp_path), page_meta={})
    audit_slice(pdf, 0, 0, SPEC, Config(), columns, {}, target, part_name(3))
    first = _read(tmp_path)
    audit_slice(pdf, 0, 0, SPEC, Config(), columns, {}, target, part_name(3))  # a rerun
    again = _read(tmp_path)
    for name in TABLES:
        pd.testing.assert_frame_equal(again[name], first[name])
        assert [p.name for p in (tmp_path / name).iterdir()] == ["part.0000003.parquet"]
    assert len(first["summary"]) == 6 and len(first["sentences"]) > 6
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == sorted(
        f"{r['id']}.html" for r in rows(6))  # fmt: skip
    fewer = {name: t.head(2) for name, t in first.items()}
    write_part(fewer, target, part_name(3), columns)  # another run's rows replace them whole
    assert all(len(t) == 2 for t in _read(tmp_path).values())


def test_a_write_that_fails_midway_leaves_the_earlier_part_and_no_temporary_file(
    tmp_path, monkeypatch
):
    import pyarrow.parquet as pq

    columns = table_columns(Config(), [])
    tables = empty_tables(columns)
    target = Target(str(tmp_path))
    write_part(tables, target, part_name(0), columns)
    before = _read(tmp_path)

    def dies_midway(table, where, **kw):
        where.write(b"PAR1 and then the disk is full")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", dies_midway)
    with pytest.raises(OSError, match="No space left"):
        write_part(tables, target, part_name(0), columns)
    monkeypatch.undo()
    for name in TABLES:  # the earlier part, whole; no temporary file beside it
        assert [p.name for p in (tmp_path / name).iterdir()] == ["part.0000000.parquet"]
        pd.testing.assert_frame_equal(_read(tmp_path)[name], before[name])
