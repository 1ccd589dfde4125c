"""The CSV lines of the detail tables, as the audit prepares them (property-tested)."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.rows import FINDING_COLUMNS, SENTENCE_COLUMNS, columns_for
from reports.stream import detail_lines

cells = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(0, 1),
                  st.text(alphabet="ab =+-@\t\n\",'", max_size=12))  # fmt: skip
# (no bare CR: the loader turns every line end into LF, so article text has none)


_DETAIL = SENTENCE_COLUMNS[2:]  # the sentence columns after article and article_id


@given(rows=st.lists(st.lists(cells, min_size=len(_DETAIL), max_size=len(_DETAIL)), max_size=6))
@settings(max_examples=200, deadline=None)
def test_each_row_is_one_csv_line_that_reads_back_defused(rows: list[list[object]]) -> None:
    names = _DETAIL
    hedges, footnotes = names.index("hedges"), names.index("footnotes")
    items = []
    for row in rows:
        item = dict(zip(names, row, strict=True))
        item["hedges"] = [str(row[hedges] or "")] if row[hedges] else []
        item["footnotes"] = [str(row[footnotes])] if row[footnotes] else []
        items.append(item)
    lines = detail_lines({"article": "a", "sentences": items}, columns_for({}), "sentences")
    assert len(lines) == len(items) and all(line.endswith("\n") for line in lines)
    for line, item in zip(lines, items, strict=True):
        (back,) = list(csv.reader(io.StringIO(line)))
        for name, value in zip(names, back, strict=True):
            want = item[name]
            if name == "hedges":
                want = "; ".join(want)
            elif name == "footnotes":
                want = " ".join(want)
            if isinstance(want, str) and want.startswith(("=", "+", "-", "@", "\t", "\r")):
                want = "'" + want  # text only: a negative number stays a number
            want = "" if want is None else str(want)
            assert value == want, (name, value, want)


def test_findings_lines_keep_the_columns_order() -> None:
    finding = {"rule": "unsourced-claim", "id": "CLM001", "severity": "warning", "line": 2,
               "column": 1, "start": 10, "end": 20, "text": "=SUM(A1)", "sentence": 1,
               "message": "line one\nline two"}  # fmt: skip
    lines = detail_lines({"article": "a", "findings": [finding, finding]}, columns_for({}),
                         "findings")  # fmt: skip
    assert len(lines) == 2
    assert list(csv.reader(io.StringIO(lines[0])))[0] == [
        "unsourced-claim", "CLM001", "warning", "2", "1", "10", "20", "'=SUM(A1)", "1",
        "line one\nline two"]  # fmt: skip
    assert FINDING_COLUMNS[2:][0] == "rule"
