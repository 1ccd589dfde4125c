"""JSON writer: ``articles.jsonl`` (one line per article) and ``audit.json`` (the run).

``articles.jsonl`` holds one compact JSON object per line, the whole record of one
article (``jq -c 'select(.grade == "F")' articles.jsonl`` works line by line); lines
are appended as articles finish, so the file never needs the whole audit in memory.
``audit.json`` is small: which run wrote the folder, when, with which version, the
rules, the formats and files written, and the counts by status (see docs/output.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from checker.core.io import open_report_bytes, open_report_file, safe_path
from reports.compact import compact
from reports.rows import Columns
from reports.stream import PER_INPUT, Prepared, dumps, record_line

ARTICLES = "articles.jsonl"
AUDIT = "audit.json"


def jsonl_line(fields: Mapping[str, Any], prepared: Prepared) -> list[bytes]:
    """The bytes one article adds to ``articles.jsonl`` (its line), as a one-item list: the
    emitter of :class:`JsonSink` (made in an audit's worker processes)."""
    return [(record_line(fields, prepared.body) + "\n").encode()]


class JsonSink:
    """Appends one line per article to ``articles.jsonl``."""

    emitter = staticmethod(jsonl_line)

    def __init__(self, folder: Path, meta: Mapping[str, Any], columns: Columns) -> None:
        self.path = safe_path(folder, ARTICLES)
        self._fh = open_report_bytes(self.path)  # binary: lines come encoded

    def add(self, article: Mapping[str, Any]) -> None:
        self._fh.write((record_line(article, dumps(compact(article, PER_INPUT))) + "\n").encode())

    def put(self, fields: Mapping[str, Any], prepared: Prepared) -> None:
        """Append one prepared article (``fields``: its input's own fields)."""
        self.append(jsonl_line(fields, prepared))

    def append(self, chunks: list[bytes]) -> None:
        """Append what :attr:`emitter` made of one article."""
        self._fh.write(chunks[0])

    def close(self) -> list[Path]:
        self._fh.close()
        return [self.path]


def audit_json(meta: Mapping[str, Any]) -> str:
    """The audit-level metadata file: one JSON object, the ``rules`` one per line."""
    head = [f"{dumps(k)}: {dumps(v)}" for k, v in meta.items() if k != "rules"]
    rules = ",\n".join(dumps(r) for r in meta.get("rules") or ())
    return "{\n" + ",\n".join([*head, f'"rules": [\n{rules}\n]']) + "\n}\n"


def write_audit_json(folder: Path, meta: Mapping[str, Any]) -> Path:
    path = safe_path(folder, AUDIT)
    with open_report_file(path) as fh:
        fh.write(audit_json(meta))
    return path
