"""The report writers' shortcuts give what their plain forms give (property-tested).

- ``detail_lines`` writes the CSV lines itself (quoting and defusing text cells as it goes);
  the plain form defuses every cell, then writes them with the csv module.
- ``compact`` drops a schema's empty fields by looking at those fields only, and compares
  line and column without a helper call; the plain form keeps every non-empty field of
  the item in a comprehension and asks ``_line_column``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.compact import _DROP, _line_column, compact, line_starts
from reports.rows import SENTENCE_COLUMNS, columns_for
from reports.stream import cell, detail_lines

TEXT = st.text(alphabet="ab =+-@\t\r\n\",'é", max_size=10)
CELLS = st.one_of(st.none(), st.booleans(), st.integers(-5, 99), st.floats(-1, 1), TEXT)


def _written(rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _plain_lines(items: list[dict[str, Any]]) -> list[str]:
    names = SENTENCE_COLUMNS[2:]
    lines = []
    for x in items:
        row = [x.get(c) for c in names]
        row[names.index("hedges")] = "; ".join(x["hedges"]) if x["hedges"] else ""
        row[names.index("footnotes")] = " ".join(map(str, x["footnotes"])) if x["footnotes"] else ""
        lines.append(_written([[cell(v) if isinstance(v, str) else v for v in row]]))
    return lines


_DETAIL = SENTENCE_COLUMNS[2:]  # the sentence columns after article and article_id


@given(rows=st.lists(st.lists(CELLS, min_size=len(_DETAIL), max_size=len(_DETAIL)),
                     max_size=6))
@settings(max_examples=300, deadline=None)
def test_detail_lines_equal_the_plain_form(rows: list[list[Any]]) -> None:
    names = _DETAIL
    hedges, footnotes = names.index("hedges"), names.index("footnotes")
    items = []
    for row in rows:
        item = dict(zip(names, row, strict=True))
        item["hedges"] = [str(row[hedges])] if row[hedges] else []
        item["footnotes"] = [str(row[footnotes])] if row[footnotes] else []
        items.append(item)
    got = detail_lines({"article": "a", "sentences": items}, columns_for({}), "sentences")
    assert got == _plain_lines(items)


def _plain_compact_item(item: dict[str, Any], drop: dict[str, type], sliced: bool, text: str,
                        starts: list[int] | None) -> dict[str, Any]:  # fmt: skip
    out = {k: v for k, v in item.items() if v or type(v) is not drop.get(k)}
    start = out.get("start")
    if type(start) is not int:
        return out
    if sliced and "text" in out:
        end = out.get("end")
        if type(end) is int and text[start:end] == out["text"]:
            del out["text"]
    if starts is not None and 0 <= start <= len(text) and "line" in out and "column" in out:
        if (out["line"], out["column"]) == _line_column(starts, start):
            del out["line"], out["column"]
    return out


EMPTIES = st.sampled_from([False, None, "", [], 0, 0.0, True, "x", [1]])


@st.composite
def sentences(draw: st.DrawFn, text: str) -> dict[str, Any]:
    start = draw(st.integers(-1, len(text) + 1))
    end = draw(st.integers(start, len(text) + 2))
    item: dict[str, Any] = {"index": draw(st.integers(0, 9)), "start": start, "end": end}
    starts = line_starts(text)
    if draw(st.booleans()) and 0 <= start <= len(text):
        line, column = _line_column(starts, start)
        item["line"], item["column"] = line + draw(st.sampled_from([0, 0, 1])), column
    if draw(st.booleans()):
        item["text"] = text[start:end] if draw(st.booleans()) else "other"
    for key in ("region", "is_claim", "claim_prob", "claim_status", "attributed", "source",
                "uncertainty", "hedged", "hedges", "footnotes", "extra"):  # fmt: skip
        if draw(st.booleans()):
            item[key] = draw(EMPTIES)
    return item


@given(data=st.data(), text=st.text(alphabet="ab\n", max_size=30))
@settings(max_examples=300, deadline=None)
def test_compact_equals_the_plain_form(data: st.DataObject, text: str) -> None:
    items = data.draw(st.lists(sentences(text), max_size=5))
    record = {"article": "a", "text": text, "sentences": items}
    want = [_plain_compact_item(x, _DROP["sentences"], True, text, line_starts(text))
            for x in items]  # fmt: skip
    got = compact(record, ("article",))["sentences"]
    assert got == want
    assert [list(g) for g in got] == [list(w) for w in want]  # the same keys, in order
