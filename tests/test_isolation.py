"""One input cannot stop an audit: crash inputs, failing rule families, special files,
decoding surprises and write failures each end as that input's row or a one-line
message with a documented exit code (issue 18)."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import rules
from checker.batch import audit
from checker.cli import main
from checker.core.analysis import Analysis
from checker.core.results import EXIT_INTERNAL, EXIT_USAGE, EXIT_WRITE
from checker.text.loader import decode_bytes, load_document
from tests.families import wrap_family

GOOD = "The council spent 4 million euros on roads, the mayor said on Monday.\n"

# Inputs that crashed the footnote parser or the HTML renderer (int() of superscript
# digits, or of more than 4,300 digits). They are now read like any other text.
CRASHERS = {
    "sup-marker.md": "The council spent money.[^\u00b2]",
    "sup-definition.md": "[^\u00b9]: Reuters",
    "sup-reference.md": "[\u00b2]: http://a.com\n",
    "sup-start.html": '<ol start="\u00b2"><li>x</li></ol>',
    "sup-run.txt": "The council spent money." + "\u00b2" * 10_000 + " Then it stopped.\n",
    "long-start.html": "<ol start=" + "7" * 5000 + "><li>The council spent money.</li></ol>",
}


@pytest.mark.parametrize("name", sorted(CRASHERS))
def test_crash_inputs_are_analysed_in_a_complete_audit(tmp_path: Path, name: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / name).write_text(CRASHERS[name], encoding="utf-8")
    result = audit(src, out=tmp_path / "out", formats=("csv", "html", "json"))
    by_name = {Path(a.path).name: a for a in result.articles}
    assert set(by_name) == {"good.txt", name}
    assert by_name[name].status != "error", by_name[name].error
    assert by_name["good.txt"].status == "ok" and by_name["good.txt"].score is not None
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_superscript_note_label_is_a_dangling_note_not_a_crash(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(CRASHERS["sup-marker.md"], encoding="utf-8")
    art = audit(f).articles[0]
    assert [m["number"] for m in art.footnotes["markers"]] == ["\u00b2"]
    assert [x["id"] for x in art.findings] == ["FTN001"]


def _failing_family(monkeypatch: pytest.MonkeyPatch, family: str, trigger: str) -> None:
    """Make rule family ``family`` raise ValueError on articles containing ``trigger``."""

    def wrap(run):  # noqa: ANN001, ANN202
        def run_or_fail(analysis: Analysis) -> None:
            if trigger in analysis.doc.text:
                raise ValueError("boom\nsecond line")
            run(analysis)

        return run_or_fail

    wrap_family(monkeypatch, family, wrap)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_exception_in_a_family_is_that_articles_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    if jobs > 1 and sys.platform != "linux":
        pytest.skip("the monkeypatch reaches the workers through fork")
    _failing_family(monkeypatch, "footnotes", "EXPLODE")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"good{i}.txt").write_text(GOOD, encoding="utf-8")
    (src / "bad.txt").write_text("EXPLODE. " + GOOD, encoding="utf-8")
    result = audit(src, out=tmp_path / "out", formats=("csv", "json"), jobs=jobs)
    rows = {Path(a.path).name: a for a in result.articles}
    assert [n for n, a in rows.items() if a.status == "error"] == ["bad.txt"]
    err = rows["bad.txt"].error
    assert err.startswith(f"{src / 'bad.txt'}: analysis failed at rules.footnotes: ValueError: ")
    assert "boom second line" in err and "\n" not in err
    assert all(rows[f"good{i}.txt"].score is not None for i in range(3))
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8")
    assert "analysis failed at rules.footnotes" in summary


def test_cli_audit_reports_the_failed_article_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _failing_family(monkeypatch, "hedging", "EXPLODE")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("EXPLODE. " + GOOD, encoding="utf-8")
    code = main(["audit", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"),
                 "--out", str(tmp_path / "out"), "-q"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert "bad.txt: analysis failed at rules.hedging: ValueError: boom" in err
    assert "Traceback" not in err
    lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["status"] for x in lines] == ["ok", "error"]


def test_cli_check_lists_the_failed_file_and_checks_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _failing_family(monkeypatch, "attribution", "EXPLODE")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("EXPLODE. " + GOOD, encoding="utf-8")
    code = main(["check", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"),
                 "--format", "json"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE  # a file that could not be checked is never a pass
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert "analysis failed at rules.attribution: ValueError" in files["bad.txt"]["error"]
    assert not files["good.txt"]["error"] and files["good.txt"]["score"] is not None
    assert "Traceback" not in err


def test_a_failure_while_loading_is_an_error_row_naming_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.pipeline as pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pipeline, "load_document", broken)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    art = audit(tmp_path).articles[0]
    assert art.status == "error"
    assert "analysis failed at load+segment: RecursionError: maximum recursion" in art.error


@pytest.mark.parametrize("command", ["audit", "check"])
def test_an_internal_error_has_its_own_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:  # fmt: skip
    import checker.batch
    import checker.check

    def bug(*args: object, **kwargs: object) -> None:
        raise KeyError("not an input problem")

    monkeypatch.setattr(checker.batch, "audit", bug)
    monkeypatch.setattr(checker.check, "run_check", bug)
    monkeypatch.setattr("checker.cli_check.run_check", bug)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    args = ["--out", str(tmp_path / "out")] if command == "audit" else []
    assert main([command, str(tmp_path / "a.txt"), *args]) == EXIT_INTERNAL == 70
    assert "internal error" in capsys.readouterr().err


def test_exit_codes_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("audit", "check"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "70" in out and "74" in out and "internal error" in out


# ----------------------------------------------------------------- special files


def _special_tree(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("The password is hunter2, officials said on Monday.\n", encoding="utf-8")
    (src / "outside.txt").symlink_to(outside)
    (src / "dangling.md").symlink_to(src / "nowhere.md")
    (src / "loop.md").symlink_to(src / "loop.md")
    (src / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(src / "pipe.txt")
    (src / "sub" / "inside.txt").write_text(GOOD, encoding="utf-8")
    (src / "inside-link.md").symlink_to(src / "sub" / "inside.txt")
    (src / ".hidden.md").write_text(GOOD, encoding="utf-8")  # hidden: skipped (issue 17)
    return src


EXPECTED_SKIPS = {
    "outside.txt": "symbolic link to ",
    "dangling.md": "broken symbolic link",
    "loop.md": "symbolic link loop",
    "zero.txt": "outside the input folder",
    "pipe.txt": "a FIFO (named pipe), not a regular file",
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")
@pytest.mark.parametrize("command", ["audit", "check"])
def test_special_files_and_links_are_listed_never_read(tmp_path: Path, command: str) -> None:
    src = _special_tree(tmp_path)
    args = ["--out", str(tmp_path / "out"), "-q"] if command == "audit" else ["--format", "json"]
    run = subprocess.run(
        [sys.executable, "-m", "checker", command, str(src), *args],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == (1 if command == "audit" else 2), run.stderr
    assert "Traceback" not in run.stderr
    for name, reason in EXPECTED_SKIPS.items():
        line = next(x for x in run.stderr.splitlines() if f"/{name}:" in x)
        assert "skipped: " in line and reason in line, line
    if command == "audit":
        lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        rows = {Path(a["path"]).name: a for a in map(json.loads, lines)}
    else:
        rows = {Path(f["path"]).name: f for f in json.loads(run.stdout)["files"]}
    assert set(EXPECTED_SKIPS) <= set(rows)
    assert all("skipped: " in rows[n]["error"] for n in EXPECTED_SKIPS)
    assert not rows["good.txt"]["error"]
    assert ".hidden.md" not in rows
    assert "hunter2" not in json.dumps(rows)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_device_named_on_the_command_line_is_refused_at_once(tmp_path: Path) -> None:
    from checker.text.loader import LoadError

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    for name, kind in (("pipe.txt", "FIFO"), ("zero.txt", "character device")):
        with pytest.raises(LoadError, match=f"{kind}.*not a regular file"):
            load_document(tmp_path / name)


def test_the_size_limit_does_not_trust_the_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.text.loader as loader

    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    (tmp_path / "big.txt").write_text("x" * 101, encoding="utf-8")
    with pytest.raises(loader.LoadError, match="the limit is"):
        load_document(tmp_path / "big.txt")
    (tmp_path / "fits.txt").write_text("The council spent money. " * 4, encoding="utf-8")
    assert load_document(tmp_path / "fits.txt").text.startswith("The council")


# ----------------------------------------------------------------------- decoding


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_decoded(codec: str) -> None:
    text = "Der Rat gab 4 Millionen Euro aus, sagte die Bürgermeisterin.\n"
    bom = {"utf-32": b"", "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
    decoded, encoding, warnings = decode_bytes(bom[codec] + text.encode(codec))
    assert (decoded, encoding, warnings) == (text, "utf-32", [])


def test_nul_bytes_after_the_first_4k_are_reported_and_kept_out(tmp_path: Path) -> None:
    body = (GOOD * 80) + "Late\x00text\x00.\n"
    assert body.index("\x00") > 4096
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    art = audit(tmp_path, out=tmp_path / "out", formats=("csv", "json", "sentences")).articles[0]
    assert art.status == "warning"
    assert "2 NUL characters (the first at line 81, column 5) replaced by U+FFFD" in art.warnings
    for name in ("articles.jsonl", "sentences.csv", "summary.csv"):
        raw = (tmp_path / "out" / name).read_bytes()
        assert b"\x00" not in raw and b"\\u0000" not in raw


def test_nul_bytes_at_the_start_still_mean_a_binary_file() -> None:
    from checker.text.loader import LoadError

    with pytest.raises(LoadError, match="binary file"):
        decode_bytes(b"PK\x03\x04\x00\x00" + b"x" * 100)


# ----------------------------------------------------------------- write failures


def _audit_twice_with_failing_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError, fail_at: int
) -> tuple[int, dict[str, bytes], dict[str, bytes]]:
    """Audit once (complete report), then again with the ``fail_at``-th file write
    raising ``exc``; returns (exit code, files before, files after)."""
    import checker.core.io as io

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    argv = ["audit", str(src), "--out", str(out), "-q"]
    assert main(argv) == 0

    def files() -> dict[str, bytes]:
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
                if p.is_file() and p.name != ".checker-lock"}  # fmt: skip

    before = files()
    (src / "b.txt").write_text("Officials said the bridge would reopen.\n", encoding="utf-8")
    real = io.os.fdopen
    calls = {"n": 0}

    def fdopen(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        fh = real(*args, **kwargs)
        if "w" not in (args[1] if len(args) > 1 else kwargs.get("mode", "r")):
            return fh  # os.fdopen is shared: the loader reads through it too
        calls["n"] += 1
        if calls["n"] == fail_at:
            def write(_text: str) -> int:
                raise exc
            fh.write = write  # type: ignore[method-assign]
        return fh

    monkeypatch.setattr(io.os, "fdopen", fdopen)
    code = main(argv)
    monkeypatch.undo()
    assert calls["n"] >= fail_at
    return code, before, files()


@pytest.mark.parametrize("fail_at", [1, 4, 7])
def test_a_full_disk_leaves_the_previous_report_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    fail_at: int,
) -> None:  # fmt: skip
    enospc = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    code, before, after = _audit_twice_with_failing_write(tmp_path, monkeypatch, enospc, fail_at)
    err = capsys.readouterr().err
    assert code == EXIT_WRITE == 74
    lines = [x for x in err.splitlines() if x.startswith("checker: error:")]
    assert len(lines) == 1 and "No space left on device" in lines[0]
    assert f"cannot write {tmp_path / 'out'}" in lines[0]
    assert "Traceback" not in err
    assert after == before  # previous complete report kept, no temporary files left


def test_permission_denied_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    code, before, after = _audit_twice_with_failing_write(tmp_path, monkeypatch, denied, 2)
    err = capsys.readouterr().err
    assert code == EXIT_WRITE
    assert "Permission denied" in err and "Traceback" not in err
    assert after == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root ignores folder permissions")  # fmt: skip
def test_a_read_only_output_folder_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        code = main(["audit", str(tmp_path / "a.txt"), "--out", str(out), "-q"])
    finally:
        out.chmod(0o755)
    err = capsys.readouterr().err
    assert code == EXIT_WRITE and "Permission denied" in err and "Traceback" not in err
    assert list(out.iterdir()) == []


def test_check_output_that_cannot_be_written_exits_74(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    target = tmp_path / "a.txt" / "out.sarif"  # its folder is a file
    code = main(["check", str(tmp_path / "a.txt"), "--format", "sarif", "--output", str(target)])
    err = capsys.readouterr().err
    assert code == EXIT_WRITE
    assert f"cannot write {target}" in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform != "linux", reason="the monkeypatch reaches workers by fork")
def test_a_worker_process_that_dies_is_that_articles_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def die(analysis: Analysis) -> None:
        if "EXPLODE" in analysis.doc.text:
            os._exit(9)  # as if killed for memory: no exception, the process is gone

    fams = tuple(
        dataclasses.replace(f, run=lambda a, run=f.run: (die(a), run(a))[1])
        if f.name == "hedging" else f
        for f in rules.FAMILIES
    )  # fmt: skip
    monkeypatch.setattr(rules, "FAMILIES", fams)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"good{i}.txt").write_text(GOOD, encoding="utf-8")
    (src / "good2.txt").write_text("EXPLODE. " + GOOD, encoding="utf-8")
    result = audit(src, jobs=2)
    rows = {Path(a.path).name: a for a in result.articles}
    assert sorted(rows) == [f"good{i}.txt" for i in range(6)]
    assert [n for n, a in rows.items() if a.status == "error"] == ["good2.txt"]
    assert "worker process ended unexpectedly" in rows["good2.txt"].error
    assert all(rows[f"good{i}.txt"].score is not None for i in (0, 1, 3, 4, 5))


def test_check_output_keeps_the_old_file_when_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import checker.core.io as io

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    target = tmp_path / "out.sarif"
    target.write_text("previous", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(io.os, "replace", full)
    code = main(["check", str(tmp_path / "a.txt"), "--format", "sarif", "--output", str(target)])
    err = capsys.readouterr().err
    assert code == EXIT_WRITE
    assert f"cannot write {target}: No space left on device" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.sarif"]


def test_cli_audit_with_jobs_gives_the_same_rows(tmp_path: Path) -> None:
    """``--jobs 2`` from the command line (the configuration is pickled to the workers)."""
    src = tmp_path / "in"
    src.mkdir()
    for name, text in CRASHERS.items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    rows = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        run = subprocess.run(
            [sys.executable, "-m", "checker", "audit", str(src), "--out", str(out), "-q",
             "--jobs", jobs, "--format", "json"],
            capture_output=True, text=True, timeout=120, cwd=tmp_path,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        rows.append([(a["article"], a["status"], a["score"]) for a in map(json.loads, lines)])
    assert rows[0] == rows[1] and len(rows[0]) == len(CRASHERS) + 1


# ------------------------------------------------------------------ time and memory budget


def _stalling_family(monkeypatch: pytest.MonkeyPatch, family: str, trigger: str, how: str) -> None:
    """Make ``family`` stall on articles containing ``trigger``: in Python code, or inside
    one catastrophic regular-expression search (C code that never returns to Python)."""
    import re
    import time

    def wrap(run):  # noqa: ANN001, ANN202
        def run_or_stall(analysis: Analysis) -> None:
            if trigger in analysis.doc.text:
                if how == "regex":
                    re.match(r"(a+)+b", "a" * 64)  # 2^64 steps
                else:
                    end = time.monotonic() + 600
                    while time.monotonic() < end:
                        pass
            run(analysis)

        return run_or_stall

    wrap_family(monkeypatch, family, wrap)


@pytest.mark.parametrize(("how", "jobs"), [("python", 1), ("regex", 1), ("regex", 2)])
def test_a_document_past_its_time_budget_is_its_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, jobs: int
) -> None:
    import time

    from checker.core.config import Config

    if jobs > 1 and sys.platform != "linux":
        pytest.skip("the monkeypatch reaches the workers through fork")
    _stalling_family(monkeypatch, "hedging", "STALL", how)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"good{i}.txt").write_text(GOOD, encoding="utf-8")
    (src / "slow.txt").write_text("STALL. " + GOOD, encoding="utf-8")
    t0 = time.monotonic()
    result = audit(src, out=tmp_path / "out", formats=("csv", "json"), jobs=jobs,
                   config=Config(time_budget=0.5))  # fmt: skip
    assert time.monotonic() - t0 < 60
    rows = {Path(a.path).name: a for a in result.articles}
    assert rows["slow.txt"].status == "error"
    assert rows["slow.txt"].error == f"{src / 'slow.txt'}: analysis exceeded 0.5 s at rules.hedging"
    assert all(rows[f"good{i}.txt"].status == "ok" for i in range(3))
    assert "analysis exceeded 0.5 s" in (tmp_path / "out" / "summary.csv").read_text("utf-8")


def test_cli_time_budget_for_audit_and_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stalling_family(monkeypatch, "claims", "STALL", "regex")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "slow.txt").write_text("STALL. " + GOOD, encoding="utf-8")
    paths = [str(tmp_path / "good.txt"), str(tmp_path / "slow.txt")]
    code = main(["audit", *paths, "--out", str(tmp_path / "out"), "-q", "--time-budget", "0.4"])
    err = capsys.readouterr().err
    assert code == 1
    assert "slow.txt: analysis exceeded 0.4 s at rules.claims" in err
    code = main(["check", *paths, "--format", "json", "--time-budget", "0.4"])
    out, err = capsys.readouterr()
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert files["slow.txt"]["error"].endswith("analysis exceeded 0.4 s at rules.claims")
    assert files["good.txt"]["score"] is not None and code == EXIT_USAGE


def test_time_budget_from_configuration_and_its_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stalling_family(monkeypatch, "footnotes", "STALL", "python")
    (tmp_path / "slow.md").write_text("STALL. " + GOOD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.checker]\ntime_budget = 0.3\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "slow.md", "--out", "out", "-q"]) == 1
    assert "slow.md: analysis exceeded 0.3 s at rules.footnotes" in capsys.readouterr().err
    for bad in ("-1", '"soon"', "nan", "1e9"):
        (tmp_path / "pyproject.toml").write_text(f"[tool.checker]\ntime_budget = {bad}\n", "utf-8")
        for command in (["audit", "slow.md", "--out", "out", "-q"], ["check", "slow.md"]):
            assert main(command) == EXIT_USAGE
            err = capsys.readouterr().err
            assert "'time_budget' must be a number >= 0" in err and "Traceback" not in err
    for bad in ("-1", "soon", "nan"):
        with pytest.raises(SystemExit) as exc:
            main(["check", "slow.md", "--time-budget", bad])
        assert exc.value.code == EXIT_USAGE
        assert "--time-budget" in capsys.readouterr().err


def test_no_budget_means_no_limit_and_the_budget_leaves_other_alarms_alone() -> None:
    import signal

    from checker.core.budget import BudgetExceeded, Deadline

    fired: list[int] = []
    old = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with Deadline(5) as d:
            d.enter("rules.x")
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 20 < left <= 30  # the outer timer is given back
        with pytest.raises(BudgetExceeded, match=r"analysis exceeded 0\.05 s at stage-b"):
            with Deadline(0.05) as d:
                d.enter("stage-b")
                while True:
                    pass
        with Deadline(0) as d:  # no budget: nothing armed, nothing raised
            d.enter("x")
            d.check()
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS and fork")
def test_a_document_past_the_memory_budget_is_its_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.core.config import Config

    def wrap(run):  # noqa: ANN001, ANN202
        def run_or_hog(analysis: Analysis) -> None:
            if "HOG" in analysis.doc.text:
                analysis.metrics["hog"] = bytearray(8 * 1024**3)  # 8 GB
            run(analysis)

        return run_or_hog

    wrap_family(monkeypatch, "claims", wrap)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text(GOOD, encoding="utf-8")
    (src / "hog.txt").write_text("HOG. " + GOOD, encoding="utf-8")
    result = audit(src, jobs=2, config=Config(memory_budget=2048))
    rows = {Path(a.path).name: a for a in result.articles}
    assert rows["hog.txt"].error == f"{src / 'hog.txt'}: analysis ran out of memory at rules.claims"
    assert rows["a.txt"].status == rows["b.txt"].status == "ok"
