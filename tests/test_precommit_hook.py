"""The pre-commit hook (``.pre-commit-hooks.yaml``), run by pre-commit from PyPI.

``pre-commit try-repo`` installs this project into a fresh virtual environment (its
dependencies from the package index, as a user's pre-commit would) and runs the hook
on files of a scratch repository. The project is first copied into a scratch git
repository of its own, so that the test runs what is on disk (committed or not,
new files included) and does not depend on the state of the outer repository.
try-repo builds a fresh environment on every call (about 30 s here, nearly all of it
pip installing the dependencies), and the test makes two calls: marked ``slow`` (CI runs
it; ``make test-fast`` skips it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.drafts import BAD, GOOD

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", "*.egg-info", "reports-out", ".pytest_cache",
    ".ruff_cache", "build", "dist",
)  # fmt: skip



def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        PRE_COMMIT_HOME=str(home / "pre-commit-cache"), NO_COLOR="1",
    )  # fmt: skip
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _copy_project(dest: Path, env: dict[str, str]) -> None:
    """This project's source tree as a one-commit git repository at ``dest``."""
    shutil.copytree(ROOT, dest, ignore=IGNORE)
    _git(dest, env, "init", "-q")
    _git(dest, env, "add", "-A")
    _git(dest, env, "commit", "-q", "-m", "snapshot")


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "checker"
    assert hook["entry"] == "checker check"
    assert hook["language"] == "python"
    assert hook.get("pass_filenames", True) is True


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_try_repo_fails_bad_draft_and_passes_good_one(tmp_path: Path) -> None:
    env = _git_env(tmp_path)
    project = tmp_path / "checker-src"
    _copy_project(project, env)
    work = tmp_path / "newsroom"
    (work / "drafts").mkdir(parents=True)
    (work / "drafts" / "bad.md").write_text(BAD, encoding="utf-8")
    (work / "drafts" / "good.md").write_text(GOOD, encoding="utf-8")
    (work / "build.py").write_text("print('said.[^1]')\n", encoding="utf-8")
    _git(work, env, "init", "-q")
    _git(work, env, "add", "-A")
    _git(work, env, "commit", "-q", "-m", "drafts")

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(project), "checker",
               "--verbose", "--files", *files]  # fmt: skip
        return subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True,
                              timeout=600)  # fmt: skip

    bad = try_repo("drafts/bad.md", "drafts/good.md", "build.py")
    out = bad.stdout + bad.stderr
    assert bad.returncode == 1, out
    assert "Failed" in out
    assert "drafts/bad.md:3:88: error dangling-footnote note 1" in out
    assert "drafts/good.md: score" in out and "- pass" in out
    assert "build.py" not in out.replace("drafts/", "")  # not a draft: not passed to the hook
    assert "Traceback" not in out

    good = try_repo("drafts/good.md", "build.py")
    out = good.stdout + good.stderr
    assert good.returncode == 0, out
    assert "Passed" in out
    assert "All files meet the bar" in out
