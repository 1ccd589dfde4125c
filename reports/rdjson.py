"""reviewdog Diagnostic Format (rdjson), for ``reviewdog -f=rdjson``.

rdjson columns count UTF-8 bytes from 1 (end exclusive), where checker counts
characters: each column is converted with the checked file's line, so that a
finding after a curly quote or an accented name points at the right words. A
file that cannot be read again (standard input) keeps character columns.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reports.escape import json_text

if TYPE_CHECKING:
    from checker.core.results import CheckResult

SEVERITY = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}


def _lines(result: CheckResult, uri: str) -> list[str]:
    try:
        text = (Path(result.root) / uri).read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return []
    return text.split("\n")


def byte_column(lines: list[str], line: int, column: int) -> int:
    """Character ``column`` (1-based) of ``line`` as a UTF-8 byte column (1-based)."""
    if not 1 <= line <= len(lines):
        return column
    prefix = lines[line - 1][: max(column - 1, 0)]
    return len(prefix.encode("utf-8", "surrogateescape")) + 1


def rdjson_dict(result: CheckResult) -> dict[str, Any]:
    diags: list[dict[str, Any]] = []
    cache: dict[str, list[str]] = {}
    for cf, f in result.findings():
        if cf.uri not in cache:
            cache[cf.uri] = _lines(result, cf.uri)
        lines = cache[cf.uri]
        end_line = f.get("end_line", f["line"])
        diags.append(
            {
                "message": " ".join(str(f["message"]).split()),
                "location": {
                    "path": cf.uri,
                    "range": {
                        "start": {
                            "line": f["line"],
                            "column": byte_column(lines, f["line"], f["column"]),
                        },
                        "end": {
                            "line": end_line,
                            "column": byte_column(
                                lines, end_line, f.get("end_column", f["column"])
                            ),
                        },
                    },
                },
                "severity": SEVERITY.get(f["severity"], "WARNING"),
                "code": {"value": f"{f['id']} {f['rule']}"},
                "original_output": f"{cf.path}:{f['line']}:{f['column']}: {f['severity']} "
                f"{f['rule']} {f['message']}",
            }
        )
    for cf in result.files:
        for x in cf.failures:
            if x.kind != "fail-on":
                diags.append(
                    {
                        "message": x.message,
                        "location": {"path": cf.uri, "range": {"start": {"line": 1}}},
                        "severity": "ERROR",
                        "code": {"value": f"checker {x.kind}"},
                    }
                )
    return {"source": {"name": "checker"}, "diagnostics": diags}


def render_rdjson(result: CheckResult) -> str:
    return json_text(json.dumps(rdjson_dict(result), ensure_ascii=False, indent=1)) + "\n"
