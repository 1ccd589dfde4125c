"""One writer per output format; each takes the report dict and the output folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Writer = Callable[[dict[str, Any], Path], list[Path]]
FORMATS = ("csv", "json", "html")


def get_writer(fmt: str) -> Writer:
    if fmt == "csv":
        from reports.csv import write_csv

        return write_csv
    if fmt == "json":
        from reports.json import write_json

        return write_json
    if fmt == "html":
        from reports.html import write_html

        return write_html
    raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")
