"""GitLab Code Quality report (``artifacts: reports: codequality:``).

GitLab reads a JSON array of issues, each with ``description``, ``check_name``,
``fingerprint``, ``severity`` (``info``, ``minor``, ``major``, ``critical`` or
``blocker``) and ``location`` (``path`` relative to the repository root and
``lines.begin``); it shows them in the merge request widget and marks new and
fixed ones by comparing fingerprints with the target branch's report.

Severities: error findings are ``major``, warnings ``minor``, suggestions
``info``; a file that fails the score or unsourced-claim bar, or could not be
read, is one ``critical`` issue on its line 1.

Fingerprints are the baseline fingerprints (rule id, normalised sentence,
flagged words, occurrence index; never line numbers) hashed with the file's
path, so they are unique within a report and stable across runs and across
edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from checker.core.results import FILE_RULES
from reports.escape import json_text

if TYPE_CHECKING:
    from checker.core.results import CheckResult

SEVERITY = {"error": "major", "warning": "minor", "suggestion": "info"}
BAR_SEVERITY = "critical"


def _fingerprint(*parts: str) -> str:
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _issue(
    description: str, check_name: str, fingerprint: str, severity: str, path: str, line: int
) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": check_name,
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": max(int(line), 1)}},
    }


def gitlab_issues(result: CheckResult) -> list[dict[str, Any]]:
    """The check as a list of Code Quality issues (findings, then file-level failures)."""
    issues = [
        _issue(
            f"{f['rule']}: {' '.join(str(f['message']).split())}",
            f["id"],
            _fingerprint(cf.uri, f.get("fingerprint") or f"{f['id']}:{f['line']}:{f['column']}"),
            SEVERITY.get(f["severity"], "minor"),
            cf.uri,
            f["line"],
        )
        for cf, f in result.findings()
    ]
    for cf in result.files:
        for x in cf.failures:
            meta = FILE_RULES.get(x.kind)
            if meta is None:  # fail-on: the findings themselves are the issues
                continue
            issues.append(
                _issue(
                    f"{meta['name']}: {x.message}",
                    meta["id"],
                    _fingerprint(cf.uri, meta["id"]),
                    BAR_SEVERITY,
                    cf.uri,
                    1,
                )
            )
    return issues


def render_gitlab(result: CheckResult) -> str:
    """:func:`gitlab_issues` as indented JSON (``[]`` when there is nothing to report)."""
    return json_text(json.dumps(gitlab_issues(result), ensure_ascii=False, indent=1)) + "\n"
