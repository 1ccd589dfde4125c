"""JSON writer: report.json, everything per article (see docs/output.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.io import atomic_write_text, safe_path


def write_json(report: dict[str, Any], out_dir: Path) -> list[Path]:
    path = safe_path(out_dir, "report.json")
    return [atomic_write_text(path, json.dumps(report, ensure_ascii=False, indent=1))]
