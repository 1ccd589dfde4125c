"""reviewdog Diagnostic Format (rdjson), for ``reviewdog -f=rdjson``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.core.results import CheckResult

SEVERITY = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}


def rdjson_dict(result: CheckResult) -> dict[str, Any]:
    diags: list[dict[str, Any]] = []
    for cf, f in result.findings():
        diags.append(
            {
                "message": " ".join(str(f["message"]).split()),
                "location": {
                    "path": cf.uri,
                    "range": {
                        "start": {"line": f["line"], "column": f["column"]},
                        "end": {
                            "line": f.get("end_line", f["line"]),
                            "column": f.get("end_column", f["column"]),
                        },  # fmt: skip
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
    return json.dumps(rdjson_dict(result), ensure_ascii=False, indent=1) + "\n"
