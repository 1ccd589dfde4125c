"""Git helpers for ``checker check --changed-since``: which files and lines changed.

- :func:`git_toplevel`: the repository's top-level folder (``uri``s are relative to it);
- :func:`parse_diff`: added/changed line numbers per file from ``git diff -U0`` output;
- :func:`changed_lines`: those lines since a revision, plus untracked files.

Git is run as a subprocess with ``core.quotePath=false``; problems raise :class:`GitError`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess


class GitError(Exception):
    """Git cannot answer: no repository, an unknown revision, or a failed diff."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    import subprocess

    return subprocess.run(
        ["git", "-c", "core.quotePath=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def git_toplevel(cwd: Path) -> Path | None:
    """The top-level folder of the git repository holding ``cwd``, else None."""
    if not _may_be_in_repository(cwd):
        return None
    try:
        out = _git(["rev-parse", "--show-toplevel"], cwd)
    except OSError:
        return None
    return Path(out.stdout.strip()).resolve() if out.returncode == 0 else None


def _may_be_in_repository(cwd: Path) -> bool:
    """False only when git cannot find a repository here: no ``.git`` in ``cwd`` or a
    folder above it, and no ``GIT_DIR`` or ``GIT_WORK_TREE`` that points git elsewhere.
    Saves starting git where there is none (a draft checked outside any repository)."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_WORK_TREE"):
        return True
    here = Path(os.path.abspath(cwd))
    return any(os.path.lexists(d / ".git") for d in (here, *here.parents))


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def parse_diff(diff: str, top: Path) -> dict[Path, set[int]]:
    """Added/changed line numbers (new side) per file from ``git diff -U0`` output."""
    out: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name == "/dev/null":
                current = None
                continue
            name = name.removeprefix("b/")
            if name.startswith('"') and name.endswith('"'):
                name = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
                name = name.encode("latin-1").decode("utf-8", "replace")
            current = out.setdefault((top / name).resolve(), set())
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m.group(1)), int(m.group(2) or "1")
            current.update(range(start, start + count))
    return out


def changed_lines(rev: str, cwd: Path) -> tuple[Path, dict[Path, set[int] | None]]:
    """(top, {file: changed lines, or None for a whole new untracked file}) since ``rev``."""
    top = git_toplevel(cwd)
    if top is None:
        raise GitError("--changed-since needs a git repository (none found here)")
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top).returncode:
        raise GitError(f"--changed-since: unknown git revision {rev!r}")
    diff = _git(
        ["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", "--diff-filter=AMT",
         "--src-prefix=a/", "--dst-prefix=b/", rev, "--"],
        top,
    )  # fmt: skip
    if diff.returncode:
        raise GitError(f"git diff failed: {diff.stderr.strip()}")
    changed: dict[Path, set[int] | None] = dict(parse_diff(diff.stdout, top))
    others = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in filter(None, others.stdout.split("\0")):
        changed[(top / name).resolve()] = None
    return top, changed
