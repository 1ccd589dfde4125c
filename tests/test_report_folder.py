"""One run, one report folder: atomic swap, one writer at a time, nothing stale, unique ids."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import checker
from checker.cli import main
from checker.core.staging import FolderBusy, ReportFolder

ROOT = Path(__file__).resolve().parents[1]
STORY = ("The port authority said on Tuesday that container traffic rose 8 percent in {n}, "
         "citing its annual report.\n\nCritics say the expansion is a mistake, according to "
         "people familiar with the plans.\n")  # fmt: skip


def corpus(folder: Path, n: int, tag: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(STORY.format(n=2000 + i) + tag, "utf-8")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".checker-lock"}  # fmt: skip


def rows(out: Path, name: str = "summary.csv") -> list[dict[str, str]]:
    with (out / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_report_files_are_readable_as_the_umask_allows(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 2)
    old = os.umask(0o022)
    try:
        assert main(["audit", str(src), "--out", str(tmp_path / "out"), "-q",
                     "--format", "csv,html,json,parquet"]) == 0  # fmt: skip
        modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "out").rglob("*")}
        os.umask(0o027)
        assert main(["audit", str(src), "--out", str(tmp_path / "out2"), "-q"]) == 0
        modes2 = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "out2").rglob("*")}
    finally:
        os.umask(old)
    assert modes["summary.csv"] == modes["summary.parquet"] == modes["index.html"] == 0o644
    assert modes["articles"] == 0o755 and modes["audit.json"] == 0o644
    assert {m for n, m in modes.items() if n.endswith(".html")} == {0o644}
    assert (tmp_path / "out2").stat().st_mode & 0o777 == 0o750
    assert modes2["summary.csv"] == modes2["articles.jsonl"] == 0o640


def test_a_second_audit_on_the_same_out_is_refused_or_waits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    holder = ReportFolder(out, "run-one")
    with holder:
        code = main(["audit", str(src), "--out", str(out), "-q"])
        err = capsys.readouterr().err
        assert code == 74
        assert f"another audit is writing {out}" in err and f"pid {os.getpid()}" in err
        assert "--wait" in err
        with pytest.raises(FolderBusy):
            ReportFolder(out, "run-two").__enter__()
        threading.Timer(1.0, holder.__exit__).start()  # the first run ends in a second
        assert main(["audit", str(src), "--out", str(out), "-q", "--wait"]) == 0
    assert [r["status"] for r in rows(out)] == ["ok"]


def test_out_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 3)
    for _ in range(3):
        assert main(["audit", str(src), "--out", str(src / "reports"), "-q"]) == 0
        assert len(rows(src / "reports")) == 3


def test_pages_of_articles_no_longer_audited_are_gone(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert main(["audit", str(src), "--out", str(out), "-q"]) == 0
    assert len(list((out / "articles").iterdir())) == 3
    (src / "story-001.txt").unlink()
    assert main(["audit", str(src), "--out", str(out), "-q"]) == 0
    assert sorted(p.name for p in (out / "articles").iterdir()) == [
        "in-story-000-txt.html", "in-story-002-txt.html"]  # fmt: skip
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == [] and not list(out.rglob("*.tmp"))


def test_two_inputs_with_the_same_relative_name_get_distinct_ids(tmp_path: Path) -> None:
    a = corpus(tmp_path / "run1" / "articles", 1)
    b = corpus(tmp_path / "run2" / "articles", 1, tag="\nA second version.\n")
    out = tmp_path / "out"
    assert main(["audit", str(a), str(b), "--out", str(out), "-q", "--format",
                 "csv,html,json,sentences"]) == 0  # fmt: skip
    summary = rows(out)
    ids = [r["article_id"] for r in summary]
    assert ids == ["articles/story-000.txt", "articles/story-000.txt~2"]
    for table in ("findings.csv", "sources.csv", "sentences.csv"):
        # the detail CSV files name each row's article by its id, in their one lead column
        table_rows = rows(out, table)
        assert {r["article_id"] for r in table_rows} == set(ids), table
        assert "article" not in table_rows[0], table
    pages = {r["page"] for r in summary}
    assert len(pages) == 2 and all((out / p).is_file() for p in pages)
    lines = (out / "articles.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == ids


def test_out_holding_other_files_is_refused(tmp_path: Path, capsys) -> None:
    src = corpus(tmp_path / "in", 1)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious", "utf-8")
    assert main(["audit", str(src), "--out", str(out), "-q"]) == 74
    assert "holds files that checker did not write" in capsys.readouterr().err
    assert (out / "thesis.docx").read_text("utf-8") == "precious"


def _wait_for_pages(staging_glob: str, parent: Path, proc: subprocess.Popen, n: int) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        for folder in parent.glob(staging_glob):
            pages = list((folder / "articles").glob("*.html"))
            if len(pages) >= n:
                return len(pages)
        time.sleep(0.05)
    raise AssertionError(f"the audit wrote fewer than {n} pages before ending")


def test_kill_9_mid_audit_leaves_the_previous_report_and_the_next_run_resumes(
    tmp_path: Path,
) -> None:
    src = corpus(tmp_path / "in", 40)
    out, cache = tmp_path / "out", tmp_path / "cache"
    cmd = [sys.executable, "-m", "checker", "audit", str(src), "--out", str(out), "-q",
           "--cache-dir", str(cache)]  # fmt: skip
    assert subprocess.run(cmd, capture_output=True, cwd=ROOT).returncode == 0
    before = snapshot(out)
    first = json.loads(before["audit.json"])
    corpus(src, 40, tag="\nUpdated on Friday.\n")  # every article changes
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seen = _wait_for_pages(".out.checker-*.tmp", tmp_path, proc, 10)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert snapshot(out) == before  # the previous complete report, nothing of the killed run
    assert list(tmp_path.glob(".out.checker-*.tmp"))  # the killed run's staging folder
    done = subprocess.run(cmd, capture_output=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    meta = json.loads((out / "audit.json").read_text("utf-8"))
    assert meta["run"] != first["run"] and meta["complete"] is True
    assert meta["from_cache"] >= seen - 1  # what the killed run finished is not redone
    assert meta["articles"] == 40 and len(list((out / "articles").iterdir())) == 40
    assert not list(tmp_path.glob(".out.checker-*"))  # its leftovers are removed


def test_a_failed_write_keeps_the_previous_report_and_leaves_no_staging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    checker.audit(src, out=out)
    before = snapshot(out)
    import reports.json as rj

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rj, "write_audit_json", broken)
    corpus(src, 3)
    with pytest.raises(OSError, match="No space left"):
        checker.audit(src, out=out)
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


@pytest.mark.parametrize("where", ["page", "asset"])
def test_a_full_disk_while_writing_pages_names_the_report_folder_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    where: str,
) -> None:  # fmt: skip
    """Pages are written with plain os calls and the shared assets at the end: a failure of
    either (here a full disk at the second page, or at the stylesheet) is exit 74 with one
    line naming the file as it would be in --out (never the hidden staging folder), and the
    previous report stays whole."""
    import errno

    import checker.core.io as io
    import reports.sinks

    src = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert main(["audit", str(src), "--out", str(out), "-q"]) == 0
    before = snapshot(out)
    (src / "story-003.txt").write_text(STORY.format(n=1999), "utf-8")
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    calls = {"n": 0}
    if where == "page":
        real = reports.sinks.write_page_file

        def write_page_file(path: str, data: bytes) -> None:
            calls["n"] += 1
            if calls["n"] == 2:
                raise full
            real(path, data)

        monkeypatch.setattr(reports.sinks, "write_page_file", write_page_file)
    else:
        real_atomic = io.atomic_write_text

        def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
            calls["n"] += 1
            if path.name == "checker.css":
                raise io.WriteError(path, full)
            return real_atomic(path, text, encoding)

        monkeypatch.setattr("reports.html.assets.atomic_write_text", atomic_write_text)
    capsys.readouterr()
    assert main(["audit", str(src), "--out", str(out), "-q"]) == 74
    monkeypatch.undo()
    errors = [x for x in capsys.readouterr().err.splitlines() if x.startswith("checker: error")]
    assert len(errors) == 1 and "No space left on device" in errors[0], errors
    assert f"cannot write {out}" in errors[0] and ".tmp" not in errors[0], errors
    if where == "asset":
        assert f"cannot write {out / 'assets' / 'checker.css'}:" in errors[0]
    assert calls["n"] >= 1
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_audit_that_keeps_nothing_and_writes_nothing_still_counts(tmp_path: Path) -> None:
    """``checker.audit(paths, keep=False)`` with no --out and no cache: nothing is prepared,
    so each result is what the audit counts from (it failed on an assertion)."""
    src = corpus(tmp_path / "in", 2)
    res = checker.audit(src, keep=False, cache=None)
    assert res.count == 2 and res.statuses == {"ok": 2}
    with pytest.raises(ValueError, match="keep=False"):
        res.report()
