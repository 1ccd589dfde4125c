"""Which files a folder walk finds: articles, minus what a repository does not want checked.

``checker check`` and ``checker audit`` expand every folder named on the command
line into its articles (``.txt``, ``.md``, ``.html``...). Below a named folder the
walk skips:

- what git ignores (``.gitignore``, ``.git/info/exclude``, the global excludes
  file), when the folder is inside a git work tree and git can be run; git is
  asked (``git ls-files --others --ignored --exclude-standard --directory``), never
  imitated, so without git no ignore file is read;
- hidden files and folders (a name starting with ``.``);
- virtual environments (a folder holding ``pyvenv.cfg``);
- checker's own report folders: one holding the :data:`REPORT_MARKER` file that
  ``checker audit`` writes into ``--out``, or, for folders written before the
  marker existed, a ``report.json`` written by checker, or ``index.html`` beside
  ``summary.csv`` and ``findings.csv``.

Nothing that looks like an article (a supported suffix) is skipped silently: a
symbolic link pointing outside the folder named on the command line, a broken
link, a link loop, and anything that is not a regular file (a FIFO, a device, a
socket, or a link to one) is not read but listed by :func:`walk_folder` with the
reason, and ``checker audit``/``checker check`` report it as that file's error.
Links to folders are not followed.

A file named on the command line is always taken, and a folder named on the
command line is always walked, even where a rule above would skip it (then git's
rules are not applied inside it either: everything in an ignored folder is
ignored). ``[tool.checker] exclude`` and ``--include``/``--exclude`` are applied by
the callers.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.text.loader import SUPPORTED_SUFFIXES

REPORT_MARKER = ".checker-report"
REPORT_MARKER_TEXT = (
    "This folder holds reports written by 'checker audit'.\n"
    "'checker check' and 'checker audit' skip it when walking folders.\n"
)
_TOOL_HEAD = ('"tool": "checker"', '"tool":"checker"')


def is_virtualenv(folder: Path) -> bool:
    """A Python virtual environment (``python -m venv``, virtualenv, uv): has pyvenv.cfg."""
    return (folder / "pyvenv.cfg").is_file()


def is_report_folder(folder: Path) -> bool:
    """A folder of reports written by ``checker audit`` (see the module docstring)."""
    if (folder / REPORT_MARKER).is_file():
        return True
    report = folder / "report.json"
    if report.is_file():
        try:
            with report.open("r", encoding="utf-8", errors="replace") as fh:
                head = fh.read(200)
        except OSError:
            head = ""
        if any(t in head for t in _TOOL_HEAD):
            return True
    return all((folder / n).is_file() for n in ("index.html", "summary.csv", "findings.csv"))


def git_ignored(root: Path) -> set[Path] | None:
    """Resolved paths under ``root`` that git ignores (folders and files).

    None when git cannot answer: not a work tree, no git, or git fails; and when
    ``root`` itself is ignored (it was named on the command line, so it is walked).
    """
    cmd = ["git", "-c", "core.quotePath=false", "ls-files", "-z", "--others", "--ignored",
           "--exclude-standard", "--directory"]  # fmt: skip
    try:
        out = subprocess.run(cmd, cwd=root, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    names = [n for n in out.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    if "./" in names:
        return None
    base = root.resolve()
    return {(base / n.rstrip("/")).resolve() for n in names}


def _skip_folder(folder: Path, ignored: set[Path]) -> bool:
    return (
        folder.name.startswith(".")
        or (bool(ignored) and folder.resolve() in ignored)
        or is_virtualenv(folder)
        or is_report_folder(folder)
    )


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"),
)  # fmt: skip


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO (named pipe)")."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def unreadable_reason(f: Path, top: Path | None = None) -> str:
    """Why ``f`` is not read as an article ("" when it can be), without opening it.

    ``top`` (resolved) is the folder named on the command line: a link pointing
    outside it is not followed.
    """
    try:
        st = f.stat()  # follows links; never opens the file (a FIFO would block)
    except OSError as exc:
        if f.is_symlink():
            if exc.errno == errno.ELOOP:
                return "skipped: symbolic link loop"
            return f"skipped: broken symbolic link (its target {os.readlink(f)} does not exist)"
        return f"skipped: cannot read file: {exc.strerror or exc}"
    if top is not None and f.is_symlink():
        target = Path(os.path.realpath(f))
        if target != top and top not in target.parents:
            return f"skipped: symbolic link to {target}, outside the input folder"
    if not stat.S_ISREG(st.st_mode):
        return f"skipped: {file_kind(st.st_mode)}, not a regular file"
    return ""


@dataclass
class Walk:
    """What a folder walk found: articles to read, and candidates not read, with why."""

    found: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def walk_folder(root: str | os.PathLike[str], skip: Iterable[str | os.PathLike[str]] = ()) -> Walk:
    """The articles under folder ``root``, sorted, skipping what the module docstring
    lists and the folders in ``skip`` (an audit's own ``--out``, whatever it holds);
    special files and links out of ``root`` are in ``skipped`` with the reason."""
    top = Path(root)
    base = top.resolve()
    avoid = {Path(os.path.realpath(p)) for p in skip}
    walk = Walk()
    if base in avoid or any(a in base.parents for a in avoid):
        return walk
    ignored = git_ignored(top) or set()
    for here, dirs, files in os.walk(top):
        folder = Path(here)
        dirs[:] = [d for d in dirs if not _skip_folder(folder / d, ignored)
                   and not (avoid and Path(os.path.realpath(folder / d)) in avoid)]  # fmt: skip
        for name in files:
            f = folder / name
            if name.startswith(".") or f.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if ignored and Path(os.path.realpath(f)) in ignored:  # realpath: loops too
                continue
            reason = unreadable_reason(f, base)
            if reason:
                walk.skipped.append((f, reason))
            else:
                walk.found.append(f)
    walk.found.sort()
    walk.skipped.sort()
    return walk


def walk_articles(root: str | os.PathLike[str]) -> list[Path]:
    """The articles under folder ``root``, sorted, skipping what the module docstring lists."""
    return walk_folder(root).found
