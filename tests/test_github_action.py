"""The GitHub Action (``action.yml``): its check step, run as a script in a scratch repository.

The step is taken from ``action.yml`` itself: its ``run`` line and its ``env`` with the
``${{ inputs.* }}`` expressions filled in from the action's defaults and the test's
inputs, as the runner would; ``GITHUB_OUTPUT`` and ``GITHUB_STEP_SUMMARY`` are
temporary files. The install step is skipped (checker is installed in this
environment) and the upload step is checked for wiring only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.drafts import BAD, GOOD

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = ROOT.parent / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
CHECK = next(s for s in STEPS if s.get("id") == "check")


pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=os.devnull)  # fmt: skip
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def run_step(repo: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict, str]:
    """Run the action's check step in ``repo``; (process, step outputs, step summary)."""
    values = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    unknown = set(inputs) - set(values)
    assert not unknown, f"not inputs of action.yml: {unknown}"
    values.update(inputs)

    def fill(text: str) -> str:
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m.group(1)], text)

    out, summary = repo / ".gh-output", repo / ".gh-summary"
    out.write_text("", encoding="utf-8")
    summary.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "INPUT_"))}
    env.update({k: fill(str(v)) for k, v in CHECK["env"].items()})
    env.update(
        GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=str(ROOT), GITHUB_WORKSPACE=str(repo),
        GITHUB_OUTPUT=str(out), GITHUB_STEP_SUMMARY=str(summary), NO_COLOR="1",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    )  # fmt: skip
    assert CHECK["shell"] == "bash"
    proc = subprocess.run(["bash", "-e", "-c", fill(CHECK["run"])], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    outputs = dict(
        line.split("=", 1) for line in out.read_text(encoding="utf-8").splitlines() if line
    )
    return proc, outputs, summary.read_text(encoding="utf-8")


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "drafts" / "good.md").write_text(GOOD, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "drafts")
    return tmp_path


def _sarif_results(path: Path) -> list[tuple[str, str, int]]:
    log = json.loads(path.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    return [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in log["runs"][0]["results"]
    ]


def test_failing_draft_annotated_sarif_written_step_fails(repo: Path) -> None:
    proc, outputs, summary = run_step(repo, paths="drafts")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=drafts/bad.md,line=3,col=88,endLine=3,title=dangling-footnote (FTN001)::" \
        "note 1 has" in proc.stdout  # fmt: skip
    assert outputs["exit-code"] == "1"
    assert outputs["sarif-file"] == "checker.sarif"
    assert "1 of 2 below the bar (bar: no error-level findings, score >= 60)." in outputs["summary"]
    assert ("FTN001", "drafts/bad.md", 3) in _sarif_results(repo / "checker.sarif")
    assert "failed" in summary and outputs["summary"] in summary
    assert "Traceback" not in proc.stderr


def test_sarif_validates_against_the_schema(repo: Path) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF 2.1.0 schema not found at {SARIF_SCHEMA} (not part of the repo)")
    proc, outputs, _ = run_step(repo, paths="drafts", **{"sarif-file": "out/c.sarif"})
    assert proc.returncode == 1
    assert outputs["sarif-file"] == "out/c.sarif"
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((repo / "out" / "c.sarif").read_text("utf-8")), schema)


def test_passing_draft_exits_0_and_bar_inputs_apply(repo: Path) -> None:
    proc, outputs, summary = run_step(repo, paths="drafts/good.md", sarif="false")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert outputs == {"exit-code": "0", "sarif-file": "", "summary": outputs["summary"]}
    assert "All files meet the bar" in outputs["summary"]
    assert "passed" in summary
    assert not (repo / "checker.sarif").exists()
    assert "::error" not in proc.stdout

    # a draft that passes the default bar but scores below 95 (an anonymous source)
    fair = repo / "drafts" / "fair.md"
    fair.write_text(GOOD.replace("the city engineer, Ana Ruiz,", "officials"), "utf-8")
    proc, _, _ = run_step(repo, paths="drafts/fair.md", sarif="false")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc, outputs, _ = run_step(repo, paths="drafts/fair.md", sarif="false",
                                **{"fail-under": "95"})  # fmt: skip
    assert proc.returncode == 1
    assert outputs["exit-code"] == "1"
    assert "::error file=drafts/fair.md,line=1," in proc.stdout


def test_changed_since_gates_changes_but_sarif_stays_full(repo: Path) -> None:
    good = repo / "drafts" / "good.md"
    good.write_text(GOOD + "\nRepairs cost 4 million pounds, the council said.[^2]\n", "utf-8")
    proc, outputs, _ = run_step(repo, paths="drafts", **{"changed-since": "HEAD"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "file=drafts/good.md,line=5" in proc.stdout
    assert "drafts/bad.md" not in proc.stdout  # unchanged since HEAD: not gated
    results = _sarif_results(repo / "checker.sarif")
    assert ("FTN001", "drafts/bad.md", 3) in results  # code scanning sees everything
    assert ("FTN001", "drafts/good.md", 5) in results


def test_bad_input_is_a_usage_error(repo: Path) -> None:
    proc, outputs, _ = run_step(repo, paths="drafts", **{"fail-on": "severe"})
    assert proc.returncode == 2
    assert outputs["exit-code"] == "2"
    assert "fail-on" in proc.stderr
    proc, _, _ = run_step(repo, paths="drafts", sarif="yes")
    assert proc.returncode == 2
    assert "sarif must be true or false" in proc.stdout


def test_upload_step_is_wired_to_the_check_step() -> None:
    upload = next(s for s in STEPS if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    assert "always()" in upload["if"] and "inputs.sarif == 'true'" in upload["if"]
    for name in ("exit-code", "sarif-file", "summary"):
        assert ACTION["outputs"][name]["value"] == f"${{{{ steps.check.outputs.{name} }}}}"
    install = next(s for s in STEPS if s.get("name") == "Install checker")
    assert "$GITHUB_ACTION_PATH" in install["run"]
    assert (ROOT / "scripts" / "github-action.sh").is_file()
