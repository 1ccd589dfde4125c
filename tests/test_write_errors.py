"""Write failures are one-line messages with exit code 74 that name the path, and the
previous complete output stays as it was (issue 18): a really full disk and a really
read-only folder (small tmpfs mounts, when the tests run as root), a simulated
``ENOSPC`` or ``EACCES``, a file where a folder should be; for ``checker audit``,
``checker check --output`` and ``checker baseline``."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.cli import main
from checker.core.results import EXIT_WRITE

ARTICLE = (
    "The council spent 4 million euros on the new bridge last year.\n\n"
    "Officials said the work would finish in the spring, and the mayor agreed.\n"
)


def _can_mount() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[Path]:
    """A tmpfs mounted at ``where`` for the block (skips the test when mounting fails)."""
    where.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                         capture_output=True, text=True)  # fmt: skip
    if run.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()}")
    try:
        yield where
    finally:
        # a lazy unmount if something still holds a file there (the test that holds it
        # fails on its own assertion; this keeps the mount from outliving the run)
        if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def open_files_under(folder: Path) -> list[str]:
    """Files under ``folder`` that this process still holds open (Linux)."""
    fds = Path("/proc/self/fd")
    held = []
    for fd in fds.iterdir() if fds.is_dir() else []:
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith(str(folder) + os.sep):
                held.append(target)
    return held


def one_error(err: str, *needles: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("checker: error:")]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "Traceback" not in err
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file() and p.name != ".checker-lock"}  # fmt: skip


def articles(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story{i:03}.md").write_text(f"# Story {i}\n\n" + ARTICLE * 3, "utf-8")
    return folder


@pytest.mark.skipif(not _can_mount(), reason="mounting a tmpfs needs root")
def test_a_really_full_disk_keeps_the_previous_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk", "size=96k") as disk:
        out = disk / "out"
        assert main(["audit", str(articles(tmp_path / "one", 1)), "--out", str(out), "-q",
                     "--format", "csv,json"]) == 0  # fmt: skip
        before = snapshot(out)
        code = main(["audit", str(articles(tmp_path / "many", 120)), "--out", str(out), "-q",
                     "--format", "csv,json"])  # fmt: skip
        err = capsys.readouterr().err
        assert code == EXIT_WRITE
        one_error(err, f"cannot write {out}", "No space left on device")
        assert snapshot(out) == before  # no half-written report, no temporary files
        assert open_files_under(disk) == []  # every report file closed (the disk unmounts)


@pytest.mark.skipif(not _can_mount(), reason="mounting a tmpfs needs root")
def test_a_really_read_only_folder_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    art = articles(tmp_path / "in", 1) / "story000.md"
    with tmpfs(tmp_path / "ro", "ro,size=64k") as ro:
        assert main(["audit", str(art), "--out", str(ro / "out"), "-q"]) == EXIT_WRITE
        one_error(capsys.readouterr().err, f"cannot write {ro / 'out'}", "Read-only file system")
        assert main(["baseline", str(art), "--output", str(ro / "b.json")]) == EXIT_WRITE
        one_error(capsys.readouterr().err, f"cannot write {ro / 'b.json'}", "Read-only")
        assert main(["check", str(art), "--format", "sarif",
                     "--output", str(ro / "c.sarif")]) == EXIT_WRITE  # fmt: skip
        one_error(capsys.readouterr().err, f"cannot write {ro / 'c.sarif'}", "Read-only")
        assert list(ro.iterdir()) == []


@pytest.mark.parametrize("command", ["audit", "check", "baseline"])
def test_a_file_where_a_folder_should_be(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    art = articles(tmp_path / "in", 1) / "story000.md"
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "sub" / "out"
    argv = {
        "audit": ["audit", str(art), "--out", str(target), "-q"],
        "check": ["check", str(art), "--format", "json", "--output", str(target)],
        "baseline": ["baseline", str(art), "--output", str(target)],
    }[command]
    assert main(argv) == EXIT_WRITE
    one_error(capsys.readouterr().err, "cannot write", str(blocker), "Not a directory")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
     PermissionError(errno.EACCES, os.strerror(errno.EACCES))],
    ids=["disk-full", "permission-denied"],
)  # fmt: skip
def test_baseline_keeps_the_previous_file_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    error: OSError,
) -> None:  # fmt: skip
    import checker.core.io as io

    art = articles(tmp_path / "in", 1) / "story000.md"
    target = tmp_path / "baseline.json"
    assert main(["baseline", str(art), "--output", str(target)]) == 0
    before = target.read_bytes()
    art.write_text(ARTICLE + "Analysts say prices may rise.\n", encoding="utf-8")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(io.os, "replace", fail)
    assert main(["baseline", str(art), "--output", str(target)]) == EXIT_WRITE
    one_error(capsys.readouterr().err, f"cannot write {target}", error.strerror or "")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "in"]


def test_the_exit_codes_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("audit", "check"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "74" in capsys.readouterr().out


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_written_files_get_the_mode_a_plain_write_would(tmp_path: Path) -> None:
    """Temporary files are made private (0600); the files renamed into place are not."""
    art = articles(tmp_path / "in", 1) / "story000.md"
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    expected = plain.stat().st_mode & 0o777
    assert main(["audit", str(art), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert main(["baseline", str(art), "--output", str(tmp_path / "b.json")]) == 0
    written = [tmp_path / "b.json", *(p for p in (tmp_path / "out").rglob("*") if p.is_file())]
    assert {p.stat().st_mode & 0o777 for p in written} == {expected}
