"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

What code scanning needs, and what we give it:
- stable ``ruleId``s: the rule ids (``CLM001``), never reused; every rule that a
  result uses is described in ``tool.driver.rules`` with its summary, rationale
  and an example as help text (text and Markdown) and its default level;
- repo-relative ``artifactLocation.uri``s with ``uriBaseId`` ``%SRCROOT%``
  (relative to the git top-level folder, else the current folder), so alerts
  keep their identity across runs; they are RFC 3986 URI references
  (percent-encoded: ``a#1 100%.txt`` is ``a%231%20100%25.txt``), so a ``#``,
  ``%`` or space in a file name does not cut or change the path;
- ``partialFingerprints`` from :mod:`checker.baseline` (rule + sentence text +
  occurrence, no line numbers), so an alert survives edits elsewhere in the file.
  We do not set ``primaryLocationLineHash``: GitHub computes that one itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.results import FILE_RULES
from checker.core.version import __version__
from reports.escape import json_text, uri_reference
from rules import all_rules

if TYPE_CHECKING:
    from checker.core.results import CheckedFile, CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}
FINGERPRINT_KEY = "checkerFingerprint/v1"


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    help_text = (
        f"{rule.summary}\n\nWhy it matters: {rule.rationale}\n\n"
        f"Flagged: {rule.bad}\n\nUse instead: {rule.good}"
    )
    help_md = (
        f"**{rule.name}** ({rule.id}): {rule.summary}\n\n"
        f"**Why it matters.** {rule.rationale}\n\n"
        f"**Flagged:**\n\n> {rule.bad}\n\n**Use instead:**\n\n> {rule.good}\n\n"
        f"Run `checker explain {rule.name}` for details."
    )
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": ["sourcing", rule.family]},
    }


def _file_rule_descriptor(meta: dict[str, str]) -> dict[str, Any]:
    return {
        "id": meta["id"],
        "name": meta["name"],
        "shortDescription": {"text": meta["summary"]},
        "fullDescription": {"text": meta["summary"]},
        "help": {"text": meta["help"], "markdown": meta["help"]},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["sourcing", "threshold"]},
    }


def _region(f: dict[str, Any]) -> dict[str, Any]:
    """Where a finding is: start, end (never an empty span on one line), snippet."""
    region: dict[str, Any] = {
        "startLine": f["line"],
        "startColumn": f["column"],
        "endLine": f.get("end_line", f["line"]),
        "endColumn": max(f.get("end_column", f["column"] + 1), f["column"] + 1)
        if f.get("end_line", f["line"]) == f["line"]
        else f.get("end_column", 1),
    }
    if f.get("text"):
        region["snippet"] = {"text": f["text"]}
    return region


def _finding_result(
    cf: CheckedFile, f: dict[str, Any], index: dict[str, int], baseline: bool
) -> dict[str, Any]:
    """One finding as a SARIF result."""
    res: dict[str, Any] = {
        "ruleId": f["id"],
        "level": LEVEL.get(f["severity"], "warning"),
        "message": {"text": " ".join(str(f["message"]).split())},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri_reference(cf.uri), "uriBaseId": "%SRCROOT%"},
                    "region": _region(f),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f["fingerprint"]},
        "properties": {"rule": f["rule"]},
    }
    if f["id"] in index:
        res["ruleIndex"] = index[f["id"]]
    if baseline:
        res["baselineState"] = "new"
    return res


def _failure_result(
    cf: CheckedFile, meta: dict[str, str], index: dict[str, int], message: str
) -> dict[str, Any]:
    """A file-level failure (score, unsourced claims, unreadable) as a result on line 1."""
    return {
        "ruleId": meta["id"],
        "ruleIndex": index[meta["id"]],
        "level": "error",
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri_reference(cf.uri), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 1},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f"{meta['id']}:{cf.uri}"},
    }


def sarif_dict(result: CheckResult) -> dict[str, Any]:
    """The check as a SARIF 2.1.0 log: every rule described, one result per finding/failure."""
    rules: list[dict[str, Any]] = [_rule_descriptor(r) for r in all_rules()]
    rules += [_file_rule_descriptor(m) for m in FILE_RULES.values()]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [_finding_result(cf, f, index, bool(result.baseline)) for cf, f in result.findings()]
    for cf in result.files:
        for x in cf.failures:
            meta = FILE_RULES.get(x.kind)
            if meta is not None:
                results.append(_failure_result(cf, meta, index, x.message))
    root = Path(result.root).resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checker",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
                "invocations": [
                    {
                        "executionSuccessful": not any(cf.error for cf in result.files),
                        "exitCode": result.exit_code,
                    }
                ],
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render_sarif(result: CheckResult) -> str:
    """:func:`sarif_dict` as indented JSON."""
    return json_text(json.dumps(sarif_dict(result), ensure_ascii=False, indent=1)) + "\n"
