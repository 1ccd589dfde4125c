"""JSON writer: report.json, everything per article (see docs/output.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.core.io import atomic_write_text, safe_path


def report_json(report: dict[str, Any]) -> str:
    """The report as JSON text with one line per article (and per rule).

    Each record is compact, so it goes through the json module's C encoder (``indent``
    would force the pure-Python one, several times slower on large audits), while the line
    per article keeps the file readable with ``grep``, ``diff`` and line-based tools.
    """

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    head = [
        f"{dumps(key)}: {dumps(value)}"
        for key, value in report.items()
        if key not in ("rules", "articles")
    ]
    lists = [
        f"{dumps(key)}: [\n" + ",\n".join(dumps(item) for item in report[key]) + "\n]"
        for key in ("rules", "articles")
        if key in report
    ]
    return "{\n" + ",\n".join(head + lists) + "\n}\n"


def write_json(report: dict[str, Any], out_dir: Path) -> list[Path]:
    path = safe_path(out_dir, "report.json")
    return [atomic_write_text(path, report_json(report))]
