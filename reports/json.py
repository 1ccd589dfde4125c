"""JSON writer: report.json, everything per article (see docs/output.md)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from checker.core.io import atomic_write_text, safe_path


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None (JSON has no NaN)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` that never writes a bare ``NaN`` or ``Infinity`` (not JSON): a
    number that is not finite becomes ``null``. The usual all-finite case costs nothing
    extra (the encoder checks as it goes)."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, **options)
    except ValueError:
        return json.dumps(finite(value), ensure_ascii=False, allow_nan=False, **options)


def report_json(report: dict[str, Any]) -> str:
    """The report as JSON text with one line per article (and per rule).

    Each record is compact, so it goes through the json module's C encoder (``indent``
    would force the pure-Python one, several times slower on large audits), while the line
    per article keeps the file readable with ``grep``, ``diff`` and line-based tools.
    """

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
