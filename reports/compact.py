"""The compact form of an article record in ``articles.jsonl``, and back.

An article's record repeats a lot: every sentence, finding and hedge carries its
``text``, which is the slice ``text[start:end]`` of the article's own ``text``, and most
per-item fields hold an empty value (a sentence with no source, no hedge, no footnote;
an unrated source). ``articles.jsonl`` leaves both out (docs/output.md):

- in ``sentences``, ``findings``, ``hedges`` and the spans of ``attributions``
  (``source``, ``cue``, ``content``), ``text`` is left out where it equals
  ``text[start:end]`` of the article (``jq -r '.text as $t | .sentences[] |
  $t[.start:.end]'`` prints the sentences);
- in those items and in ``sources`` and ``blocks``, a field of :data:`SCHEMA` whose value
  is ``false``, ``null``, ``""`` or ``[]`` is left out (a missing key reads as null in
  ``jq``, which is false and has length 0). Numbers are never left out, nor any field
  that is not in the schema;
- a sentence's or finding's ``line`` and ``column`` are left out where they are those of
  its ``start`` in the text (a plain-text file; a Markdown or HTML file's own positions
  differ and are kept), and a block's ``index`` where it is its position in the list.

:func:`expand` puts everything back, in the record's own key order, so that
``expand(json.loads(line))`` equals the record the audit built (the pages and cached
results are made from it).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping
from typing import Any

_SLICE = object()  # the field is the article's text[start:end]
_KEEP = object()  # never left out (restoring it is not possible)
_LINE = object()  # the line of ``start`` in the text (with _COLUMN: both or neither)
_COLUMN = object()  # the column of ``start`` in the text
_POSITION = object()  # the item's position in its list

# per list of the record: its items' fields in order, each with the empty value that is
# left out (or _SLICE / _KEEP)
SCHEMA: dict[str, tuple[tuple[str, Any], ...]] = {
    "sentences": (("index", _KEEP), ("start", _KEEP), ("end", _KEEP), ("line", _LINE),
                  ("column", _COLUMN), ("region", ""), ("text", _SLICE), ("is_claim", False),
                  ("claim_prob", None), ("claim_status", ""), ("attributed", False),
                  ("source", ""), ("uncertainty", None), ("hedged", False), ("hedges", []),
                  ("footnotes", [])),
    "findings": (("rule", _KEEP), ("id", _KEEP), ("severity", _KEEP), ("line", _LINE),
                 ("column", _COLUMN), ("start", _KEEP), ("end", _KEEP), ("text", _SLICE),
                 ("sentence", None), ("message", "")),
    "sources": (("name", ""), ("kind", ""), ("start", _KEEP), ("end", _KEEP),
                ("sentence", None), ("cue", ""), ("role", ""), ("footnote", None), ("url", ""),
                ("domain", ""), ("rating", None), ("rating_source", ""), ("rating_label", ""),
                ("percentile", None)),
    "hedges": (("start", _KEEP), ("end", _KEEP), ("text", _SLICE), ("category", ""),
               ("sentence", None), ("speaker", ""), ("flagged", False),
               ("reported_with", "")),
    "blocks": (("index", _POSITION), ("start", _KEEP), ("end", _KEEP), ("region", ""),
               ("bullet", False), ("reason", "")),
    "attributions": (("source", None), ("cue", None), ("content", []), ("source_name", ""),
                     ("source_kind", ""), ("role", ""), ("direct", False)),
}  # fmt: skip
_SPAN = (("start", _KEEP), ("end", _KEEP), ("text", _SLICE))
_SPAN_KEYS = ("source", "cue")


_SPECIAL = (_KEEP, _SLICE, _LINE, _COLUMN, _POSITION)


def _droppable(fields: tuple[tuple[str, Any], ...]) -> dict[str, type]:
    """The fields that may be left out, each with the type of its empty value."""
    return {k: type(e) for k, e in fields if not any(e is s for s in _SPECIAL)}


def line_starts(text: str) -> list[int]:
    """The offset in ``text`` where each line starts (the first is 0)."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _line_column(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, from :func:`line_starts`."""
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


# a falsy value of exactly that type is left out (0 is not False; 0.0 is not None)
_DROP = {name: _droppable(fields) for name, fields in SCHEMA.items()}
_SLICED = {name for name, fields in SCHEMA.items() if ("text", _SLICE) in fields}
_PLACED = {name for name, fields in SCHEMA.items() if ("line", _LINE) in fields}
_NO_DROP: dict[str, type] = {}


def _compact_item(
    item: dict[str, Any], drop: dict[str, type], sliced: bool, text: str,
    starts: list[int] | None = None,
) -> dict:  # fmt: skip
    out = item.copy()
    for k, empty in drop.items():  # the schema's few droppable fields, not every field
        v = out.get(k, True)
        if not v and type(v) is empty:
            del out[k]
    start = out.get("start")
    if type(start) is not int:
        return out
    if sliced and "text" in out:
        end = out.get("end")
        if type(end) is int and text[start:end] == out["text"]:
            del out["text"]
    if starts is not None and 0 <= start <= len(text) and "line" in out and "column" in out:
        line = bisect.bisect_right(starts, start)  # (_line_column, without the call)
        if out["line"] == line and out["column"] == start - starts[line - 1] + 1:
            del out["line"], out["column"]
    return out


def compact(record: Mapping[str, Any], drop: Collection[str] = ()) -> dict[str, Any]:
    """The articles.jsonl object of ``record`` without the keys ``drop`` and without what
    the module docstring lists (the record itself is not changed)."""
    body = {k: v for k, v in record.items() if k not in drop}
    text = body.get("text") or ""
    if not isinstance(text, str):
        return body
    starts = line_starts(text)
    for name, drop in _DROP.items():
        items = body.get(name)
        if items and isinstance(items, list):
            sliced, placed = name in _SLICED, starts if name in _PLACED else None
            body[name] = [_compact_item(x, drop, sliced, text, placed) if type(x) is dict else x
                          for x in items]  # fmt: skip
    blocks = body.get("blocks")
    if blocks and isinstance(blocks, list):  # new dicts already (blocks are in SCHEMA)
        for i, b in enumerate(blocks):
            if type(b) is dict and type(b.get("index")) is int and b["index"] == i:
                del b["index"]
    for a in body.get("attributions") or ():  # new dicts already (attributions are in SCHEMA)
        if type(a) is not dict:
            continue
        for key in _SPAN_KEYS:
            if type(a.get(key)) is dict:
                a[key] = _compact_item(a[key], _NO_DROP, True, text)
        if type(a.get("content")) is list:
            a["content"] = [_compact_item(c, _NO_DROP, True, text) if type(c) is dict else c
                            for c in a["content"]]  # fmt: skip
    return body


def _expand_item(
    item: Any, fields: tuple[tuple[str, Any], ...], text: str, starts: list[int],
    position: int = -1,
) -> Any:  # fmt: skip
    if not isinstance(item, dict):
        return item
    out: dict[str, Any] = {}
    start, end = item.get("start"), item.get("end")
    for k, empty in fields:
        if k in item:
            out[k] = item[k]
        elif empty is _KEEP:
            continue
        elif empty is _SLICE:
            if isinstance(start, int) and isinstance(end, int):
                out[k] = text[start:end]
        elif empty is _LINE or empty is _COLUMN:
            if isinstance(start, int) and 0 <= start <= len(text) and "line" not in item:
                out[k] = _line_column(starts, start)[0 if empty is _LINE else 1]
        elif empty is _POSITION:
            out[k] = position
        else:
            out[k] = [] if isinstance(empty, list) else empty
    if len(out) < len(item) or any(k not in out for k in item):
        out.update((k, v) for k, v in item.items() if k not in out)  # fields of no schema
    return out


def expand(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` (read from articles.jsonl) with what :func:`compact` left out put back;
    the record is changed in place and returned."""
    text = record.get("text") or ""
    if not isinstance(text, str):
        return record
    starts = line_starts(text)
    for name, fields in SCHEMA.items():
        items = record.get(name)
        if isinstance(items, list):
            record[name] = [_expand_item(x, fields, text, starts, i) for i, x in enumerate(items)]
    for a in record.get("attributions") or ():
        if not isinstance(a, dict):
            continue
        for key in _SPAN_KEYS:
            if isinstance(a.get(key), dict):
                a[key] = _expand_item(a[key], _SPAN, text, starts)
        if isinstance(a.get("content"), list):
            a["content"] = [_expand_item(c, _SPAN, text, starts) for c in a["content"]]
    return record
