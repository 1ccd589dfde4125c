"""``checker check``: pass/fail editorial drafts in CI, with findings on their lines.

A file *fails the bar* when any of these holds (command-line options win over
``[tool.checker]``, which per-path ``[[overrides]]`` refine):

- ``fail_on``: a reported finding is at least this severe (default ``error``);
- ``fail_under``: the article's 0-100 score is below this (default 60: a draft
  graded F fails; ``fail_under = 0`` turns the score bar off);
- ``max_unsourced``: it has more unsourced claims than this (default: no limit);
- always: it has no analysable body text (no score, warning "no article text",
  see :mod:`checker.scorer`): a file with nothing to judge never passes.

Exit codes: 0 every file meets the bar; 1 some file does not; 2 usage or
configuration error, a missing path, or a file that cannot be read (a file that
could not be checked is never a pass).

``--baseline FILE`` hides findings recorded by ``checker baseline`` and applies the
score and unsourced-claim bars only where the file got worse than recorded.
``--changed-since REV`` checks only files changed since a git revision (and
untracked ones), and reports only findings that touch changed lines.

This module runs the check (:func:`run_check`, :func:`evaluate`,
:func:`make_baseline`, file discovery); the result records live in
:mod:`checker.core.results`, git in :mod:`checker.vcs`, the command line in
:mod:`checker.cli_check`, and the output formats in :mod:`reports`.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.baseline import Baseline, FileBaseline, assign_fingerprints
from checker.core.config import Config, config_file_for
from checker.core.results import (
    DEFAULT_FAIL_ON,
    DEFAULT_FAIL_UNDER,
    MIN_BODY_WORDS,
    NO_TEXT,
    CheckedFile,
    CheckResult,
    Failure,
    Thresholds,
)
from checker.core.rule import SEVERITY_RANK
from checker.settings import load_config
from checker.vcs import GitError, changed_lines, git_toplevel

if TYPE_CHECKING:
    from checker.pipeline import ArticleResult


class CheckError(Exception):
    """A usage problem that stops the check (exit code 2)."""


Changed = dict[Path, set[int] | None]  # changed lines per file (None: a whole new file)


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
    p = Path(os.path.realpath(path))
    try:
        return p.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(p, root)).as_posix()


class _Configs:
    """Configuration per file: walk up from each file (cached), or one ``--config``; rule
    names are checked by :func:`checker.settings.load_config`, as for the audit."""

    def __init__(self, explicit: str | None) -> None:
        self.explicit = load_config(explicit) if explicit else None
        self.cache: dict[Path | None, Config] = {}
        self.folders: dict[Path, Path | None] = {}  # folder -> its configuration file

    def base(self, path: Path) -> Config:
        if self.explicit:
            return self.explicit
        folder = Path(os.path.realpath(path)).parent
        if folder not in self.folders:
            self.folders[folder] = config_file_for(path)
        found = self.folders[folder]
        if found not in self.cache:
            cfg = load_config(found) if found else Config()
            self.cache[found] = cfg
        return self.cache[found]



# ----------------------------------------------------------------------- check


def discover_files(paths: list[str], configs: _Configs) -> list[tuple[str, Path, str]]:
    """(display path, path, why it is not read or "") of every article found; raises
    CheckError for a missing path. Special files and links out of a folder come with
    the reason (they are reported as errors, never read)."""
    out: list[tuple[str, Path, str]] = []
    missing = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            missing.append(raw)
            continue
        if p.is_file():
            out.append((raw, p, ""))
            continue
        from checker.batch import discover  # folders only: a draft check names its files

        for inp in discover([raw]):
            fp = Path(inp.path)
            if inp.error or not configs.base(fp).is_excluded(fp):
                out.append((inp.path, fp, inp.error))
    if missing:
        raise CheckError(f"file or folder not found: {', '.join(missing)}")
    seen: set[Path] = set()
    unique = []
    for disp, p, error in out:
        key = Path(os.path.realpath(p))
        if key not in seen:
            seen.add(key)
            unique.append((disp, p, error))
    return unique


def _select_files(
    paths: list[str], configs: _Configs, changed_since: str | None
) -> tuple[list[tuple[str, Path, str]], Path, Changed | None]:
    """(files to check, folder ``uri``s are relative to, changed lines or None)."""
    files = discover_files(paths, configs)
    cwd = Path.cwd()
    changed: Changed | None = None
    if changed_since:
        try:
            top, changed = changed_lines(changed_since, cwd)
        except GitError as exc:
            raise CheckError(str(exc)) from exc
        files = [(d, p, e) for d, p, e in files if Path(os.path.realpath(p)) in changed]
    else:
        top = git_toplevel(cwd)
        if not files:
            raise CheckError(f"no articles (.txt, .md, .html) found in {', '.join(paths)}")
    return files, top or cwd.resolve(), changed


def _root() -> Path:
    """The folder ``uri``s are relative to: the git top-level folder, else the current one."""
    cwd = Path.cwd()
    return git_toplevel(cwd) or cwd.resolve()


def _thresholds(
    cfg: Config, fail_under: float | None, fail_on: str | None, max_unsourced: int | None
) -> Thresholds:
    """The bar for one file: command-line options win over its configuration."""
    return Thresholds(
        fail_under=next(
            v for v in (fail_under, cfg.fail_under, DEFAULT_FAIL_UNDER) if v is not None
        ),
        fail_on=fail_on or cfg.fail_on or DEFAULT_FAIL_ON,
        max_unsourced=max_unsourced if max_unsourced is not None else cfg.max_unsourced,
    )


def _fill_checked(
    cf: CheckedFile,
    path: Path,
    res: ArticleResult,
    changed: Changed | None,
    base: Baseline | None,
) -> CheckedFile:
    """Fill ``cf`` from the file's analysis: findings shown and hidden, failures."""
    if res.status == "error":
        cf.error = res.error
        cf.failures.append(Failure("error", res.error))
        return cf
    cf.format, cf.score, cf.grade = res.format, res.score, res.grade
    cf.no_text = NO_TEXT in res.warnings
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
        lines = changed.get(Path(os.path.realpath(path)))
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
    return cf


def run_check(
    paths: list[str],
    *,
    fail_under: float | None = None,
    fail_on: str | None = None,
    max_unsourced: int | None = None,
    config: str | None = None,
    baseline: str | None = None,
    changed_since: str | None = None,
    stdin: tuple[str, bytes] | None = None,
    time_budget: float | None = None,
) -> CheckResult:
    """Check articles against the bar. Raises CheckError/ConfigError/BaselineError (exit 2).

    ``time_budget`` (seconds per file, 0 for none) overrides the configured one.

    ``stdin`` is (name, bytes) of one article read from standard input: it is checked
    instead of ``paths``, as if it were the file ``name`` (format from its suffix,
    configuration found from its folder, positions against the given text).
    """
    from checker.pipeline import analyse_bytes, analyse_file, failed_result

    if not paths and stdin is None:
        raise CheckError("no files or folders given")
    configs = _Configs(config)
    if stdin is not None:
        if changed_since:
            raise CheckError("--changed-since cannot be used with standard input")
        files, root, changed = [(stdin[0], Path(stdin[0]), "")], _root(), None
    else:
        files, root, changed = _select_files(paths, configs, changed_since)
    base = Baseline.load(baseline) if baseline else None
    checked = []
    for display, path, error in files:
        cfg = configs.base(path).for_path(path)
        if time_budget is not None:
            cfg = replace(cfg, time_budget=time_budget)
        th = _thresholds(cfg, fail_under, fail_on, max_unsourced)
        cf = CheckedFile(path=display, uri=_relative(path, root), thresholds=th)
        if error:
            res = failed_result(display, str(path), error)
        elif stdin is not None:
            res = analyse_bytes(stdin[1], display, cfg, readability=False, warm_first=False)
        else:  # no check output shows readability: skip its hyphenation dictionary; load
            # models and patterns as the draft needs them, no warm-up on a sample first
            res = analyse_file(str(path), cfg, display, readability=False, warm_first=False)
        checked.append(_fill_checked(cf, path, res, changed, base))
    return CheckResult(
        checked, root=str(root), changed_since=changed_since or "", baseline=baseline or ""
    )


def evaluate(cf: CheckedFile, recorded: Any = None) -> list[Failure]:
    """The reasons a checked file fails its thresholds (empty when it passes)."""
    th = cf.thresholds
    out = []
    if cf.no_text and not (recorded is not None and getattr(recorded, "score", 0) is None):
        out.append(
            Failure(
                "no-text",
                f"no article text: fewer than {MIN_BODY_WORDS} words of body text, "
                "so nothing to score",
            )
        )
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
    """Check ``paths`` (fail-on error) and record every finding, score and count."""
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
