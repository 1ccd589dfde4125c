"""``checker check --format rdjson`` is what ``reviewdog -f=rdjson`` reads.

The shape follows reviewdog's ``DiagnosticResult`` message (proto/rdf/reviewdog.proto in
the reviewdog repository); positions are 1-based lines and UTF-8 *byte* columns, end
exclusive, so the byte range of each diagnostic must cut out exactly the flagged words.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

POSITION = {
    "type": "object",
    "required": ["line"],
    "additionalProperties": False,
    "properties": {
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
    },
}
RDJSON_SCHEMA = {
    "type": "object",
    "required": ["diagnostics"],
    "additionalProperties": False,
    "properties": {
        "source": {"type": "object", "required": ["name"]},
        "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
        "diagnostics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["message", "location"],
                "additionalProperties": False,
                "properties": {
                    "message": {"type": "string", "minLength": 1},
                    "location": {
                        "type": "object",
                        "required": ["path"],
                        "additionalProperties": False,
                        "properties": {
                            "path": {"type": "string", "minLength": 1},
                            "range": {
                                "type": "object",
                                "required": ["start"],
                                "additionalProperties": False,
                                "properties": {"start": POSITION, "end": POSITION},
                            },
                        },
                    },
                    "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
                    "source": {"type": "object", "required": ["name"]},
                    "code": {
                        "type": "object",
                        "required": ["value"],
                        "properties": {"value": {"type": "string"}, "url": {"type": "string"}},
                    },
                    "suggestions": {"type": "array"},
                    "original_output": {"type": "string"},
                },
            },
        },
    },
}

DRAFT = (
    "# Bridge\n\n"
    "The \u201cbridge\u201d reopened on Monday, Jos\u00e9 Mu\u00f1oz\u2019s engineers said."
    "[^1]\n\n"
    "Critics argue the caf\u00e9 closures may deepen, sources close to the mayor said.\n"
)


def test_rdjson_shape_and_utf8_byte_columns(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "draft.md", "--format", "rdjson"],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr  # the dangling footnote
    rd = json.loads(proc.stdout)
    jsonschema.validate(rd, RDJSON_SCHEMA)
    raw = (tmp_path / "draft.md").read_bytes().split(b"\n")
    cut = []
    for d in rd["diagnostics"]:
        start, end = d["location"]["range"]["start"], d["location"]["range"]["end"]
        if start["line"] == end["line"] and "column" in start:
            cut.append(raw[start["line"] - 1][start["column"] - 1 : end["column"] - 1].decode())
    assert "[^1]" in cut  # after three curly quotes and two accented letters on that line
    assert any(c.startswith("Critics") for c in cut)
    assert all(c.strip() for c in cut)  # every range lands on words, none between bytes
    codes = {d["code"]["value"].split()[0] for d in rd["diagnostics"]}
    assert "FTN001" in codes
    assert {d["severity"] for d in rd["diagnostics"]} <= {"ERROR", "WARNING", "INFO"}
