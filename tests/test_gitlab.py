"""``checker check --format gitlab``: a GitLab Code Quality report of the documented shape."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from checker.check import run_check
from checker.core.results import CheckResult
from reports.gitlab import gitlab_issues, render_gitlab

ROOT = Path(__file__).resolve().parents[1]

# GitLab's "Code Quality report format" (docs.gitlab.com/ci/testing/code_quality): a JSON
# array of issues; each needs these fields; severity is one of five names.
CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    # relative to the repository root, forward slashes
                    "path": {"type": "string", "pattern": "^[^/\\\\][^\\\\]*$"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}

BUDGET = (
    "# Council budget\n\n"
    "Critics argue the council may have overspent, and sources close to the mayor say the "
    "cuts are expected to deepen.[^1]\n\n"
    "The council spent 4.2 million pounds on consultants last year, up 40 percent on 2022.\n\n"
    "The shortfall may grow next year.\n"  # the author's own hedge: a suggestion
)


def _check(repo: Path, *paths: str, **kw: object) -> CheckResult:
    old = os.getcwd()
    os.chdir(repo)
    try:
        return run_check(list(paths), **kw)  # type: ignore[arg-type]
    finally:
        os.chdir(old)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "budget.md").write_text(BUDGET, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "transit-fares.html", tmp_path / "drafts")
    return tmp_path


def test_report_has_gitlab_shape_and_sensible_severities(repo: Path) -> None:
    result = _check(repo, "drafts", fail_under=95)
    issues = gitlab_issues(result)
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    findings = [f for _, f in result.findings()]
    assert {f["severity"] for f in findings} == {"error", "warning", "suggestion"}
    # one issue per finding, in order, then one critical issue per file below the score bar
    assert len(issues) == len(findings) + 2
    expected = {"error": "major", "warning": "minor", "suggestion": "info"}
    for f, issue in zip(findings, issues, strict=False):
        assert issue["severity"] == expected[f["severity"]]
        assert issue["check_name"] == f["id"]
        assert issue["location"]["lines"]["begin"] == f["line"]
        assert f["rule"] in issue["description"]
    bar = issues[len(findings) :]
    assert [i["severity"] for i in bar] == ["critical", "critical"]
    assert {i["check_name"] for i in bar} == {"CHK001"}
    assert {i["location"]["path"] for i in bar} == {"drafts/budget.md", "drafts/transit-fares.html"}
    assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints must be unique"


def test_fingerprints_survive_reruns_and_edits_above(repo: Path) -> None:
    first = {i["fingerprint"]: i for i in gitlab_issues(_check(repo, "drafts"))}
    assert first == {i["fingerprint"]: i for i in gitlab_issues(_check(repo, "drafts"))}
    budget = repo / "drafts" / "budget.md"
    inserted = "\n\nWhat changed since the first draft?\n\n"  # a question: never a claim
    budget.write_text(BUDGET.replace("\n\n", inserted, 1), "utf-8")
    moved = {i["fingerprint"]: i for i in gitlab_issues(_check(repo, "drafts"))}
    assert set(first) == set(moved)  # same issues, identified across the edit
    shifted = [fp for fp, i in first.items() if i["location"]["path"].endswith("budget.md")
               and not i["check_name"].startswith("CHK")]  # file-level issues stay on line 1
    assert shifted
    for fp in shifted:
        before, after = (d[fp]["location"]["lines"]["begin"] for d in (first, moved))
        assert after == before + 2


def test_same_sentence_in_two_files_gets_two_fingerprints(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(BUDGET, encoding="utf-8")
    issues = gitlab_issues(_check(tmp_path, "a.md", "b.md"))
    assert len(issues) >= 2
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_cli_writes_the_report_and_keeps_exit_codes(repo: Path) -> None:
    out = repo / "gl-code-quality.json"
    cmd = [sys.executable, "-m", "checker", "check", "drafts", "--format", "gitlab"]
    proc = subprocess.run([*cmd, "--output", str(out)], cwd=repo, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr  # transit-fares.html has dangling footnotes
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, CODE_QUALITY_SCHEMA)
    assert any(i["check_name"] == "FTN001" and i["severity"] == "major" for i in report)
    assert "below the bar" in proc.stderr
    clean = "# Office hours\n\nThe mayor, Jo Bloggs, said the office shuts on Friday.\n"
    (repo / "clean.md").write_text(clean, encoding="utf-8")
    proc = subprocess.run([*cmd[:4], "clean.md", "--format", "gitlab"], cwd=repo,
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


def test_empty_result_is_an_empty_array() -> None:
    assert render_gitlab(CheckResult([], root=".")) == "[]\n"
