"""Terminal output of ``checker check``: one line per finding, then a summary.

``path:line:col: severity rule message``, as ruff and Vale print them, so editors
and CI log parsers (problem matchers) can jump to the line. Colour only on a
terminal (``NO_COLOR`` turns it off, ``FORCE_COLOR`` on). ``render_json`` is the
machine-readable form of the same result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.core.version import __version__
from reports.escape import json_text, visible

if TYPE_CHECKING:
    from checker.core.results import CheckResult

_RESET = "\x1b[0m"
_STYLE = {
    "path": "\x1b[1m",
    "pos": "\x1b[2m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[33m",
    "suggestion": "\x1b[36m",
    "rule": "\x1b[2m",
    "fail": "\x1b[1;31m",
    "pass": "\x1b[1;32m",
}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color else text


def finding_line(path: str, f: dict[str, Any], color: bool = False) -> str:
    """``path:line:col: severity rule message`` (one physical line, nothing from the input
    that could act on a terminal: see :func:`reports.escape.visible`)."""
    message = visible(" ".join(str(f["message"]).split()))
    return (
        f"{_paint(visible(path), 'path', color)}:{f['line']}:{f['column']}: "
        f"{_paint(f['severity'], f['severity'], color)} "
        f"{_paint(f['rule'], 'rule', color)} {message}"
    )


def render_text(result: CheckResult, color: bool = False) -> str:
    lines = [finding_line(cf.path, f, color) for cf, f in result.findings()]
    if lines:
        lines.append("")
    for cf in result.files:
        path = _paint(visible(cf.path), "path", color)
        if cf.error:
            lines.append(f"{path}: {_paint('error', 'fail', color)} "
                         f"not checked: {visible(cf.error)}")  # fmt: skip
            continue
        if cf.no_text:
            score, unsourced = "no score (no article text)", ""
        else:
            score = "" if cf.score is None else f"score {cf.score:g} ({cf.grade})"
            unsourced = (
                ""
                if cf.unsourced is None
                else f", {cf.unsourced} unsourced claim{'s' if cf.unsourced != 1 else ''}"
            )
        verdict = (
            _paint("pass", "pass", color)
            if cf.passed
            else _paint("FAIL", "fail", color)
            + ": "
            + "; ".join(visible(x.message) for x in cf.failures)
        )
        lines.append(f"{path}: {score}{unsourced} - {verdict}")
    lines.append("")
    lines.append(visible(result.summary()))
    return "\n".join(lines) + "\n"


def result_dict(result: CheckResult) -> dict[str, Any]:
    """The whole check as plain data (``--format json``)."""
    return {
        "tool": f"checker {__version__}",
        "passed": result.passed,
        "exit_code": result.exit_code,
        "changed_since": result.changed_since or None,
        "baseline": result.baseline or None,
        "summary": result.summary(),
        "files": [
            {
                "path": cf.path,
                "uri": cf.uri,
                "passed": cf.passed,
                "error": cf.error or None,
                "no_text": cf.no_text,
                "score": cf.score,
                "grade": cf.grade,
                "unsourced_claims": cf.unsourced,
                "thresholds": {
                    "fail_under": cf.thresholds.fail_under,
                    "fail_on": cf.thresholds.fail_on,
                    "max_unsourced": cf.thresholds.max_unsourced,
                },
                "failures": [{"kind": x.kind, "message": x.message} for x in cf.failures],
                "hidden": {
                    "baseline": cf.known,
                    "unchanged_lines": cf.unchanged,
                    "suppressed": cf.suppressed,
                },
                "findings": [
                    {
                        k: f.get(k)
                        for k in (
                            "rule",
                            "id",
                            "severity",
                            "line",
                            "column",
                            "end_line",
                            "end_column",
                            "text",
                            "message",
                            "fingerprint",
                        )
                    }  # fmt: skip
                    for f in cf.findings
                ],
            }
            for cf in result.files
        ],
    }


def render_json(result: CheckResult) -> str:
    from reports.json import dumps as json_dumps  # only for --format json

    return json_text(json_dumps(result_dict(result), indent=1)) + "\n"  # never a bare NaN
