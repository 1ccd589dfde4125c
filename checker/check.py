"""``checker check``: pass/fail editorial drafts in CI, with findings on their lines.

A file *fails the bar* when any of these holds (command-line options win over
``[tool.checker]``, which per-path ``[[overrides]]`` refine):

- ``fail_on``: a reported finding is at least this severe (default ``error``);
- ``fail_under``: the article's 0-100 score is below this;
- ``max_unsourced``: it has more unsourced claims than this.

Exit codes: 0 every file meets the bar; 1 some file does not; 2 usage or
configuration error, a missing path, or a file that cannot be read (a file that
could not be checked is never a pass).

``--baseline FILE`` hides findings recorded by ``checker baseline`` and applies the
score and unsourced-claim bars only where the file got worse than recorded.
``--changed-since REV`` checks only files changed since a git revision (and
untracked ones), and reports only findings that touch changed lines.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.baseline import DEFAULT_BASELINE, Baseline, BaselineError, assign_fingerprints
from checker.core.config import Config, ConfigError, check_rule_names, config_file_for, load_config
from checker.core.rule import SEVERITIES, SEVERITY_RANK

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "github", "sarif", "rdjson", "junit", "json")
DEFAULT_FAIL_ON = "error"


class CheckError(Exception):
    """A usage problem that stops the check (exit code 2)."""


@dataclass(frozen=True)
class Thresholds:
    fail_under: float | None = None
    fail_on: str | None = DEFAULT_FAIL_ON
    max_unsourced: int | None = None

    def describe(self) -> str:
        parts = []
        if self.fail_on:
            parts.append(f"no {self.fail_on}-level findings")
        if self.fail_under is not None:
            parts.append(f"score >= {self.fail_under:g}")
        if self.max_unsourced is not None:
            parts.append(f"at most {self.max_unsourced} unsourced claims")
        return ", ".join(parts) or "none"


@dataclass(frozen=True)
class Failure:
    """Why a file fails the bar (file-level; findings carry their own lines)."""

    kind: str  # fail-on | fail-under | max-unsourced | error
    message: str


# File-level failures as rules, so that SARIF/rdjson/JUnit can show them like findings.
FILE_RULES: dict[str, dict[str, str]] = {
    "fail-under": {
        "id": "CHK001",
        "name": "score-below-bar",
        "summary": "The article's attribution score is below the configured fail_under.",
        "help": "Raise the score: source the flagged claims, name vague sources, fix footnotes. "
        "See the other findings in this file; 'checker audit' shows the score breakdown.",
    },
    "max-unsourced": {
        "id": "CHK002",
        "name": "too-many-unsourced-claims",
        "summary": "The article has more unsourced claims than the configured max_unsourced.",
        "help": "Attribute, link or footnote the claims flagged as unsourced-claim (CLM001).",
    },
    "error": {
        "id": "CHK003",
        "name": "unreadable-article",
        "summary": "The file could not be read as an article, so it was not checked.",
        "help": "Fix the encoding or file type; checker reads .txt, .md and .html files.",
    },
}


@dataclass
class CheckedFile:
    path: str  # as the user addressed it (for text output)
    uri: str  # relative to the git top-level folder, else the current folder (posix)
    thresholds: Thresholds = field(default_factory=Thresholds)
    format: str = ""
    score: float | None = None
    grade: str = ""
    unsourced: int | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)  # reported ones
    known: int = 0  # hidden because recorded in the baseline
    unchanged: int = 0  # hidden because not on a changed line
    suppressed: int = 0  # suppressed by inline comments
    failures: list[Failure] = field(default_factory=list)
    error: str = ""
    all_findings: list[dict[str, Any]] = field(default_factory=list)  # for baselines

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class CheckResult:
    files: list[CheckedFile]
    root: str  # folder that ``uri``s are relative to
    changed_since: str = ""
    baseline: str = ""

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.files)

    @property
    def exit_code(self) -> int:
        if any(f.error for f in self.files):
            return EXIT_USAGE
        return EXIT_OK if self.passed else EXIT_FAIL

    def findings(self) -> list[tuple[CheckedFile, dict[str, Any]]]:
        return [(cf, f) for cf in self.files for f in cf.findings]

    def summary(self) -> str:
        sev = Counter(f["severity"] for _, f in self.findings())
        n = sum(sev.values())
        parts = [f"{sev[s]} {s}{'s' if sev[s] != 1 else ''}" for s in reversed(SEVERITIES)]
        failed = [f for f in self.files if not f.passed]
        text = (
            f"{n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in "
            f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        )
        hidden = []
        known = sum(f.known for f in self.files)
        unchanged = sum(f.unchanged for f in self.files)
        suppressed = sum(f.suppressed for f in self.files)
        if known:
            hidden.append(f"{known} in the baseline")
        if unchanged:
            hidden.append(f"{unchanged} on unchanged lines")
        if suppressed:
            hidden.append(f"{suppressed} suppressed inline")
        if hidden:
            text += f"; not shown: {', '.join(hidden)}"
        if failed:
            text += f". {len(failed)} of {len(self.files)} below the bar."
        else:
            text += ". All files meet the bar."
        return text


# ------------------------------------------------------------------------- git


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
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
    try:
        out = _git(["rev-parse", "--show-toplevel"], cwd)
    except OSError:
        return None
    return Path(out.stdout.strip()).resolve() if out.returncode == 0 else None


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
        raise CheckError("--changed-since needs a git repository (none found here)")
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top).returncode:
        raise CheckError(f"--changed-since: unknown git revision {rev!r}")
    diff = _git(
        ["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", "--diff-filter=AMT",
         "--src-prefix=a/", "--dst-prefix=b/", rev, "--"],
        top,
    )  # fmt: skip
    if diff.returncode:
        raise CheckError(f"git diff failed: {diff.stderr.strip()}")
    changed: dict[Path, set[int] | None] = dict(parse_diff(diff.stdout, top))
    others = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in filter(None, others.stdout.split("\0")):
        changed[(top / name).resolve()] = None
    return top, changed


# ------------------------------------------------------------------- helpers


def _end_position(f: dict[str, Any], text: str, fmt: str) -> tuple[int, int]:
    """1-based (end line, end column exclusive) of a finding, where the text allows."""
    start, end = f.get("start", -1), f.get("end", -1)
    if fmt == "html" or not (0 <= start <= end <= len(text)):
        return f["line"], f["column"] + max(0, min(end - start, 1))
    span = text[start:end]
    nl = span.count("\n")
    if not nl:
        return f["line"], f["column"] + len(span)
    return f["line"] + nl, len(span) - span.rfind("\n")


def _relative(path: Path, root: Path) -> str:
    p = path.resolve()
    try:
        return p.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(p, root)).as_posix()


class _Configs:
    """Configuration per file: walk up from each file (cached), or one ``--config``."""

    def __init__(self, explicit: str | None, rule_keys: set[str]) -> None:
        self.explicit = load_config(explicit) if explicit else None
        self.rule_keys = rule_keys
        self.cache: dict[Path | None, Config] = {}
        self.folders: dict[Path, Path | None] = {}  # folder -> its configuration file
        if self.explicit:
            check_rule_names(self.explicit, rule_keys)

    def base(self, path: Path) -> Config:
        if self.explicit:
            return self.explicit
        folder = path.resolve().parent
        if folder not in self.folders:
            self.folders[folder] = config_file_for(path)
        found = self.folders[folder]
        if found not in self.cache:
            cfg = load_config(found) if found else Config()
            check_rule_names(cfg, self.rule_keys)
            self.cache[found] = cfg
        return self.cache[found]


def rule_keys() -> set[str]:
    """Every name a configuration or directive may use for rules (lower case)."""
    from rules import all_rules

    keys: set[str] = set()
    for r in all_rules():
        keys |= {r.name.lower(), r.id.lower(), r.family.lower()}
    return keys


# ----------------------------------------------------------------------- check


def discover_files(paths: list[str], configs: _Configs) -> list[tuple[str, Path]]:
    """(display path, path) of every article; raises CheckError for a missing path."""
    from checker.batch import discover

    out: list[tuple[str, Path]] = []
    missing = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            missing.append(raw)
            continue
        if p.is_file():
            out.append((raw, p))
            continue
        for inp in discover([raw]):
            fp = Path(inp.path)
            if not configs.base(fp).is_excluded(fp):
                out.append((inp.path, fp))
    if missing:
        raise CheckError(f"file or folder not found: {', '.join(missing)}")
    seen: set[Path] = set()
    unique = []
    for disp, p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((disp, p))
    return unique


def run_check(
    paths: list[str],
    *,
    fail_under: float | None = None,
    fail_on: str | None = None,
    max_unsourced: int | None = None,
    config: str | None = None,
    baseline: str | None = None,
    changed_since: str | None = None,
) -> CheckResult:
    """Check articles against the bar. Raises CheckError/ConfigError/BaselineError (exit 2)."""
    from checker.pipeline import analyse_file

    if not paths:
        raise CheckError("no files or folders given")
    configs = _Configs(config, rule_keys())
    files = discover_files(paths, configs)
    cwd = Path.cwd()
    changed: dict[Path, set[int] | None] | None = None
    if changed_since:
        top, changed = changed_lines(changed_since, cwd)
        files = [(d, p) for d, p in files if p.resolve() in changed]
    else:
        top = git_toplevel(cwd)
        if not files:
            raise CheckError(f"no articles (.txt, .md, .html) found in {', '.join(paths)}")
    root = top or cwd.resolve()
    base = Baseline.load(baseline) if baseline else None
    checked = []
    for display, path in files:
        cfg = configs.base(path).for_path(path)
        th = Thresholds(
            fail_under=fail_under if fail_under is not None else cfg.fail_under,
            fail_on=fail_on or cfg.fail_on or DEFAULT_FAIL_ON,
            max_unsourced=max_unsourced if max_unsourced is not None else cfg.max_unsourced,
        )
        cf = CheckedFile(path=display, uri=_relative(path, root), thresholds=th)
        res = analyse_file(str(path), cfg, display)
        if res.status == "error":
            cf.error = res.error
            cf.failures.append(Failure("error", res.error))
            checked.append(cf)
            continue
        cf.format, cf.score, cf.grade = res.format, res.score, res.grade
        cf.unsourced = res.metrics.get("unsourced_claims")
        cf.suppressed = int(res.metrics.get("suppressed", 0) or 0)
        findings = [dict(f) for f in res.findings]
        for f in findings:
            f["end_line"], f["end_column"] = _end_position(f, res.text, res.format)
        assign_fingerprints(findings, res.sentences)
        findings.sort(key=lambda f: (f["line"], f["column"], f["id"]))
        cf.all_findings = findings
        shown = findings
        if changed is not None:
            lines = changed.get(path.resolve())
            if lines is not None:
                shown = [f for f in shown if lines & set(range(f["line"], f["end_line"] + 1))]
                cf.unchanged = len(findings) - len(shown)
        recorded = None
        if base is not None:
            shown, known = base.split(cf.uri, shown)
            cf.known = len(known)
            recorded = base.files.get(cf.uri)
        cf.findings = shown
        cf.failures = evaluate(cf, recorded)
        checked.append(cf)
    return CheckResult(
        checked, root=str(root), changed_since=changed_since or "", baseline=baseline or ""
    )


def evaluate(cf: CheckedFile, recorded: Any = None) -> list[Failure]:
    """The reasons a checked file fails its thresholds (empty when it passes)."""
    th = cf.thresholds
    out = []
    if th.fail_on:
        bar = SEVERITY_RANK[th.fail_on]
        bad = [f for f in cf.findings if SEVERITY_RANK.get(f["severity"], 0) >= bar]
        if bad:
            out.append(
                Failure(
                    "fail-on",
                    f"{len(bad)} finding{'s' if len(bad) != 1 else ''} at or above "
                    f"{th.fail_on} severity (fail-on {th.fail_on})",
                )
            )
    if th.fail_under is not None and cf.score is not None and cf.score < th.fail_under:
        old = getattr(recorded, "score", None)
        if old is None or cf.score < old:
            was = f", was {old:g} in the baseline" if old is not None else ""
            out.append(
                Failure(
                    "fail-under",
                    f"score {cf.score:g} ({cf.grade}) is below fail-under {th.fail_under:g}{was}",
                )
            )
    if th.max_unsourced is not None and cf.unsourced is not None:
        old_n = getattr(recorded, "unsourced_claims", None)
        if cf.unsourced > th.max_unsourced and (old_n is None or cf.unsourced > old_n):
            was = f", was {old_n} in the baseline" if old_n is not None else ""
            out.append(
                Failure(
                    "max-unsourced",
                    f"{cf.unsourced} unsourced claims, more than max-unsourced "
                    f"{th.max_unsourced}{was}",
                )
            )
    return out


def make_baseline(paths: list[str], config: str | None = None) -> tuple[Baseline, CheckResult]:
    from checker.baseline import FileBaseline

    result = run_check(paths, config=config, fail_on="error")
    bl = Baseline()
    for cf in result.files:
        if cf.error:
            continue
        bl.files[cf.uri] = FileBaseline(
            score=cf.score,
            unsourced_claims=cf.unsourced,
            findings=[
                {k: f[k] for k in ("fingerprint", "id", "rule", "line", "message")}
                for f in cf.all_findings
            ],
        )
    return bl, result


# -------------------------------------------------------------------------- CLI


def _score(value: str) -> float:
    try:
        v = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= v <= 100:
        raise argparse.ArgumentTypeError("must be between 0 and 100")
    return v


def _count(value: str) -> int:
    try:
        v = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if v < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return v


CHECK_EPILOG = """\
a file fails the bar when a finding is at least --fail-on severe (default: error),
its score is below --fail-under, or it has more than --max-unsourced unsourced
claims; options override [tool.checker] in pyproject.toml or .checker.toml.

examples:
  checker check drafts/ --fail-under 70 --max-unsourced 2
  checker check drafts/ --format sarif --output checker.sarif
  checker check . --changed-since origin/main --format github
  checker baseline drafts/ && checker check drafts/ --baseline .checker-baseline.json

exit codes: 0 every file meets the bar; 1 some file does not;
            2 usage or configuration error, missing or unreadable file
"""


def add_parsers(sub: Any) -> None:
    """Add the ``check`` and ``baseline`` subcommands to the CLI's subparsers."""
    c = sub.add_parser(
        "check",
        help="pass/fail articles against a bar (for CI); findings on their lines",
        description="Check articles against the bar; print findings as path:line:col.",
        epilog=CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    c.add_argument("--fail-under", type=_score, metavar="SCORE",
                   help="fail a file whose 0-100 score is below SCORE")  # fmt: skip
    c.add_argument("--fail-on", choices=SEVERITIES, metavar="LEVEL",
                   help="fail on findings at least this severe: suggestion, warning, error "
                   "(default: error)")  # fmt: skip
    c.add_argument("--max-unsourced", type=_count, metavar="N",
                   help="fail a file with more than N unsourced claims")  # fmt: skip
    c.add_argument("--format", choices=FORMATS, default="text", metavar="FORMAT",
                   help=f"output: {', '.join(FORMATS)} (default: text)")  # fmt: skip
    c.add_argument("--output", "-o", metavar="FILE",
                   help="write the output to FILE (the summary still goes to stderr)")  # fmt: skip
    c.add_argument("--config", metavar="FILE",
                   help="pyproject.toml or .checker.toml (default: found by walking up "
                   "from each checked file)")  # fmt: skip
    c.add_argument(
        "--baseline",
        metavar="FILE",
        help="fail only on findings not recorded in FILE (see 'checker baseline')",
    )
    c.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when a file is below the bar (report only); "
                   "errors still exit 2")  # fmt: skip
    c.add_argument("--changed-since", metavar="REV",
                   help="check only files changed since git revision REV (and untracked "
                   "ones); report only findings on changed lines")  # fmt: skip

    b = sub.add_parser(
        "baseline",
        help="record today's findings so that 'check --baseline' fails only on new ones",
        description="Record the current findings (with edit-tolerant fingerprints), "
        "scores and unsourced-claim counts of the given articles.",
    )
    b.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    b.add_argument("--output", "-o", default=DEFAULT_BASELINE, metavar="FILE",
                   help=f"baseline file to write (default: {DEFAULT_BASELINE})")  # fmt: skip
    b.add_argument("--config", metavar="FILE", help="pyproject.toml or .checker.toml")


def render(result: CheckResult, fmt: str, color: bool = False) -> str:
    if fmt == "text":
        from reports.text import render_text

        return render_text(result, color=color)
    if fmt == "github":
        from reports.github import render_github

        return render_github(result)
    if fmt == "sarif":
        from reports.sarif import render_sarif

        return render_sarif(result)
    if fmt == "rdjson":
        from reports.rdjson import render_rdjson

        return render_rdjson(result)
    if fmt == "junit":
        from reports.junit import render_junit

        return render_junit(result)
    if fmt == "json":
        from reports.text import render_json

        return render_json(result)
    raise ValueError(f"unknown format {fmt!r}")


def use_color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def _error(message: str) -> int:
    print(f"checker: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_check(args: argparse.Namespace) -> int:
    try:
        result = run_check(
            args.paths,
            fail_under=args.fail_under,
            fail_on=args.fail_on,
            max_unsourced=args.max_unsourced,
            config=args.config,
            baseline=args.baseline,
            changed_since=args.changed_since,
        )
    except (CheckError, ConfigError, BaselineError) as exc:
        return _error(str(exc))
    except Exception:  # a crash must never look like "below the bar" (exit 1)
        traceback.print_exc()
        return _error("internal error while checking (traceback above); please report it")
    for cf in result.files:
        if cf.error:
            print(f"checker: error: {cf.error}", file=sys.stderr)
    if args.output:
        out = render(result, args.format)
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as exc:
            return _error(f"cannot write {args.output}: {exc.strerror or exc}")
        print(f"checker: {result.summary()} Wrote {args.output}.", file=sys.stderr)
    else:
        sys.stdout.write(render(result, args.format, color=use_color(sys.stdout)))
        sys.stdout.flush()
        if args.format in ("sarif", "rdjson", "junit", "json"):
            print(f"checker: {result.summary()}", file=sys.stderr)
    if args.exit_zero and result.exit_code == EXIT_FAIL:
        return EXIT_OK
    return result.exit_code


def cmd_baseline(args: argparse.Namespace) -> int:
    try:
        bl, result = make_baseline(args.paths, config=args.config)
    except (CheckError, ConfigError, BaselineError) as exc:
        return _error(str(exc))
    except Exception:
        traceback.print_exc()
        return _error("internal error while checking (traceback above); please report it")
    for cf in result.files:
        if cf.error:
            print(f"checker: error: {cf.error}", file=sys.stderr)
    if any(cf.error for cf in result.files):
        return EXIT_USAGE
    try:
        bl.dump(args.output)
    except OSError as exc:
        return _error(f"cannot write {args.output}: {exc.strerror or exc}")
    n = sum(len(fb.findings) for fb in bl.files.values())
    print(f"checker: recorded {n} findings in {len(bl.files)} files to {args.output}")
    return EXIT_OK
