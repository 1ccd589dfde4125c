"""``checker check`` and ``checker baseline`` end to end: exit codes, formats, baselines,
``--changed-since`` in a temporary git repository, configuration and colour."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
# a vague attribution of a forecast that no claim model reads as a claim (with "within five
# years" it was a borderline one, 0.4-0.6, and the grade of the draft hung on it)
VAGUE = "Experts say the new channel will need dredging again soon."
CLAIM = "The harbour handled 3 million tonnes of cargo last year, up 40 percent on 2022."
DRAFT = f"# Harbour works\n\n{VAGUE}\n\n{CLAIM}\n"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<sev>suggestion|warning|error) (?P<rule>[a-z-]+) (?P<msg>.+)$")  # fmt: skip
git_missing = shutil.which("git") is None


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": ""}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "drafts"
    d.mkdir()
    (d / "harbour.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ----------------------------------------------------------- subprocess: exit codes


def test_exit_1_below_the_bar_with_one_line_per_finding(drafts: Path) -> None:
    p = cli("check", "drafts", "--fail-under", "99", cwd=drafts)
    assert p.returncode == 1, p.stderr
    lines = p.stdout.splitlines()
    found = [m for ln in lines if (m := LINE.match(ln))]
    assert found and all(m["path"] == "drafts/harbour.md" for m in found)
    assert {"vague-attribution", "unsourced-claim"} <= {m["rule"] for m in found}
    assert any(m["rule"] == "vague-attribution" and m["line"] == "3" and m["col"] == "1"
               for m in found)  # fmt: skip
    assert "below fail-under 99" in p.stdout and "1 of 1 below the bar" in lines[-1]
    assert "\x1b[" not in p.stdout  # not a terminal: plain


def test_exit_0_when_the_bar_is_met(drafts: Path) -> None:
    p = cli("check", "drafts/harbour.md", "--fail-on", "error", "--fail-under", "10", cwd=drafts)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "All files meet the bar (bar: no error-level findings, score >= 10)." in p.stdout


def test_exit_2_for_a_missing_file(drafts: Path) -> None:
    p = cli("check", "drafts", "drafts/missing.md", cwd=drafts)
    assert p.returncode == 2 and "drafts/missing.md" in p.stderr and not p.stdout


def test_exit_2_for_bad_configuration(drafts: Path, capsys) -> None:
    (drafts / "pyproject.toml").write_text("[tool.checker]\nfail_undr = 50\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "drafts")
    assert code == 2 and "'fail_undr'" in err and not out


def test_sarif_output_file_via_subprocess(drafts: Path) -> None:
    p = cli("check", "drafts", "--format", "sarif", "--output", "out.sarif", "--fail-under", "0",
            cwd=drafts)  # fmt: skip
    assert p.returncode == 0, p.stderr  # warnings only, no score bar: passes --fail-on error
    doc = json.loads((drafts / "out.sarif").read_text(encoding="utf-8"))
    assert doc["version"] == "2.1.0" and doc["runs"][0]["results"]
    assert "Wrote out.sarif" in p.stderr
    schema = ROOT.parent / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"
    if schema.is_file():
        import jsonschema

        jsonschema.validate(doc, json.loads(schema.read_text(encoding="utf-8")))


# -------------------------------------------------------------- in process: options


def test_thresholds_from_options_and_configuration(drafts: Path, capsys) -> None:
    assert run(capsys, "check", "drafts", "--fail-on", "warning")[0] == 1
    assert run(capsys, "check", "drafts", "--max-unsourced", "0")[0] == 1
    code, out, _ = run(capsys, "check", "drafts", "--max-unsourced", "5")
    assert code == 1 and "below fail-under 60" in out  # the default bar: a draft graded F fails
    code, out, _ = run(capsys, "check", "drafts", "--max-unsourced", "5", "--fail-under", "30")
    assert code == 0
    (drafts / ".checker.toml").write_text(
        'fail_on = "warning"\nfail_under = 0\n[[overrides]]\npaths = ["drafts/*.md"]\n'
        'disable = ["attribution", "claims"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "drafts", "--format", "json")
    data = json.loads(out)
    rules = {f["rule"] for f in data["files"][0]["findings"]}
    assert not rules & {"vague-attribution", "unsourced-claim"}
    assert data["files"][0]["thresholds"]["fail_on"] == "warning"
    severe = [f for f in data["files"][0]["findings"] if f["severity"] != "suggestion"]
    assert code == (1 if severe else 0)
    (drafts / ".checker.toml").write_text('disable = ["hedgng"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "drafts")
    assert code == 2 and "unknown rule 'hedgng'" in err


def test_usage_errors_exit_2(drafts: Path, capsys) -> None:
    for args in (["--fail-on", "fatal"], ["--fail-under", "150"], ["--format", "xml"]):
        with pytest.raises(SystemExit) as exc:
            main(["check", "drafts", *args])
        assert exc.value.code == 2
    (drafts / "empty").mkdir()
    code, _, err = run(capsys, "check", "empty")
    assert code == 2 and "no articles" in err
    code, _, err = run(capsys, "check", "drafts", "--baseline", "nope.json")
    assert code == 2 and "nope.json" in err
    (drafts / "drafts" / "bin.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "check", "drafts")
    assert code == 2 and "bin.txt" in err  # an unreadable file is never a pass


def test_every_format_renders(drafts: Path, capsys) -> None:
    import xml.etree.ElementTree as ET

    for fmt in ("text", "github", "sarif", "rdjson", "junit", "json"):
        code, out, err = run(capsys, "check", "drafts", "--format", fmt, "--fail-on", "warning")
        assert code == 1, (fmt, err)
        if fmt in ("sarif", "rdjson", "json"):
            json.loads(out)
        elif fmt == "junit":
            assert ET.fromstring(out.split("\n", 1)[1]).tag == "testsuites"
        elif fmt == "github":
            assert "::warning file=drafts/harbour.md,line=" in out
        else:
            assert LINE.match(out.splitlines()[0])


def test_colour_only_when_asked_or_on_a_terminal(drafts: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(capsys, "check", "drafts")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "check", "drafts")[1]


def test_exit_zero_reports_without_failing(drafts: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", "drafts", "--fail-on", "warning", "--exit-zero")
    assert code == 0 and "1 of 1 below the bar" in out


# ------------------------------------------------------------------------ baseline


def test_baseline_fails_only_on_new_findings(drafts: Path, capsys) -> None:
    code, out, _ = run(capsys, "baseline", "drafts", "--output", "bl.json")
    assert code == 0 and "recorded" in out
    recorded = json.loads((drafts / "bl.json").read_text(encoding="utf-8"))
    assert recorded["files"]["drafts/harbour.md"]["findings"]
    args = ("check", "drafts", "--baseline", "bl.json", "--fail-on", "warning",
            "--fail-under", "100")  # fmt: skip
    code, out, _ = run(capsys, *args)
    assert code == 0, out
    assert "in the baseline" in out and not LINE.match(out.splitlines()[0])
    # edits elsewhere (lines inserted above) keep old findings known ...
    art = drafts / "drafts" / "harbour.md"
    art.write_text(DRAFT.replace("# Harbour works\n", "# Harbour works\n\n## Update\n\n## Map\n"),
                   encoding="utf-8")  # fmt: skip
    code, out, _ = run(capsys, *args)
    assert code == 0, out
    # ... and a new problem fails, reported alone on its line
    art.write_text(art.read_text(encoding="utf-8") + "\nCritics argue the fee is unfair.\n",
                   encoding="utf-8")  # fmt: skip
    code, out, _ = run(capsys, *args)
    found = [m for ln in out.splitlines() if (m := LINE.match(ln))]
    assert code == 1 and found and {m["line"] for m in found} == {"11"}


# ------------------------------------------------------------------ changed-since


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True,
                   capture_output=True)  # fmt: skip


@pytest.mark.skipif(git_missing, reason="git is not installed")
def test_changed_since_checks_changed_files_and_lines(drafts: Path, capsys) -> None:
    (drafts / "drafts" / "stable.md").write_text(DRAFT, encoding="utf-8")
    git(drafts, "init", "-q")
    git(drafts, "add", ".")
    git(drafts, "commit", "-q", "-m", "drafts")
    art = drafts / "drafts" / "harbour.md"
    art.write_text(DRAFT + "\nCritics argue the fee is unfair.\n", encoding="utf-8")  # line 7
    (drafts / "drafts" / "new.md").write_text(f"# New\n\n{VAGUE}\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "drafts", "--changed-since", "HEAD", "--format", "json",
                       "--fail-on", "warning")  # fmt: skip
    data = json.loads(out)
    files = {f["uri"]: f for f in data["files"]}
    assert set(files) == {"drafts/harbour.md", "drafts/new.md"}  # stable.md is unchanged
    assert {f["line"] for f in files["drafts/harbour.md"]["findings"]} == {7}
    assert files["drafts/harbour.md"]["hidden"]["unchanged_lines"] >= 2
    assert files["drafts/new.md"]["findings"]  # untracked: every line counts
    assert code == 1
    # from a subfolder, paths stay repo-relative
    os.chdir(drafts / "drafts")
    code, out, _ = run(capsys, "check", ".", "--changed-since", "HEAD", "--format", "json")
    assert {f["uri"] for f in json.loads(out)["files"]} == set(files)
    code, _, err = run(capsys, "check", ".", "--changed-since", "no-such-rev")
    assert code == 2 and "no-such-rev" in err
    git(drafts, "add", ".")
    git(drafts, "commit", "-q", "-m", "more")
    code, out, _ = run(capsys, "check", ".", "--changed-since", "HEAD")
    assert code == 0 and "0 findings" in out


def test_changed_since_outside_git_is_a_usage_error(drafts: Path, capsys) -> None:
    if (drafts / ".git").exists() or subprocess.run(
        ["git", "rev-parse"], cwd=drafts, capture_output=True, check=False
    ).returncode == 0:
        pytest.skip("the temporary folder is inside a git repository")
    code, _, err = run(capsys, "check", "drafts", "--changed-since", "HEAD")
    assert code == 2 and "git repository" in err
