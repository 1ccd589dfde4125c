"""Command line of ``checker check`` and ``checker baseline`` (CI): parsers and commands.

- :func:`add_parsers` adds both subcommands to the ``checker`` parser (see
  :mod:`checker.cli`);
- :func:`cmd_check` runs :func:`checker.check.run_check` and writes the result in
  the chosen format (:func:`render`, one writer per format in :mod:`reports`);
- :func:`cmd_baseline` records today's findings with
  :func:`checker.check.make_baseline`.

Exit codes: 0 every file meets the bar; 1 some file does not; 2 usage or
configuration error, missing or unreadable file (or one whose analysis failed: it
is listed with the reason, the other files are still checked); 70 internal error of
checker; 74 the --output (or baseline) file cannot be written.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from checker.baseline import DEFAULT_BASELINE, BaselineError
from checker.check import CheckError, make_baseline, run_check
from checker.core.budget import seconds_arg
from checker.core.config import ConfigError
from checker.core.io import atomic_write_text
from checker.core.results import (
    EXIT_FAIL,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WRITE,
    CheckResult,
)
from checker.core.rule import SEVERITIES

FORMATS = ("text", "github", "sarif", "rdjson", "gitlab", "junit", "json")


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
its score is below --fail-under (default: 60, so a draft graded F fails), it has
more than --max-unsourced unsourced claims, or it has no article text to score;
options override [tool.checker] in pyproject.toml or .checker.toml.
folders are searched recursively, skipping what git ignores, hidden folders,
virtual environments and checker's report folders; files named are always checked.

examples:
  checker check drafts/ --fail-under 70 --max-unsourced 2
  checker check drafts/ --format sarif --output checker.sarif
  checker check . --changed-since origin/main --format github
  cat draft.md | checker check --stdin-filename drafts/draft.md
  checker baseline drafts/ && checker check drafts/ --baseline .checker-baseline.json

exit codes: 0 every file meets the bar; 1 some file does not;
            2 usage or configuration error, missing or unreadable file, or a file
              whose analysis failed (listed with the reason; the others are checked)
            70 internal error of checker (please report it)
            74 the --output file cannot be written (disk full, permission denied)
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
    c.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders (recursive); '-' reads standard input")  # fmt: skip
    c.add_argument("--stdin-filename", metavar="NAME",
                   help="check standard input as if it were the file NAME: format from its "
                   "suffix, configuration from its folder, findings reported against NAME "
                   "(for editors and pipes)")  # fmt: skip
    c.add_argument("--fail-under", type=_score, metavar="SCORE",
                   help="fail a file whose 0-100 score is below SCORE (default: 60, "
                   "so grade F fails; 0 turns the score bar off)")  # fmt: skip
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
    c.add_argument("--time-budget", type=seconds_arg, metavar="SECONDS",
                   help="stop analysing a file after SECONDS and report it as an error "
                   "(default: time_budget in [tool.checker], else 60; 0: no limit)")  # fmt: skip
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


# format -> (module, function) of its renderer; "text" also takes a colour flag
_RENDERERS = {
    "github": ("reports.github", "render_github"),
    "sarif": ("reports.sarif", "render_sarif"),
    "rdjson": ("reports.rdjson", "render_rdjson"),
    "gitlab": ("reports.gitlab", "render_gitlab"),
    "junit": ("reports.junit", "render_junit"),
    "json": ("reports.text", "render_json"),
}


def render(result: CheckResult, fmt: str, color: bool = False) -> str:
    """The check result in one of :data:`FORMATS` (``color`` only for text)."""
    if fmt == "text":
        from reports.text import render_text

        return render_text(result, color=color)
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}")
    module, function = _RENDERERS[fmt]  # imported when used: start-up stays light
    rendered: str = getattr(importlib.import_module(module), function)(result)
    return rendered



def use_color(stream: Any) -> bool:
    """Colour on a terminal, unless ``NO_COLOR`` (``FORCE_COLOR`` forces it)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def silence_stdout() -> None:
    """Point standard output at the null device (its reader closed the pipe).

    Python flushes standard output at exit; to a closed pipe that flush fails again
    with "Exception ignored ... BrokenPipeError", so the descriptor is replaced.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _write(text: str) -> bool:
    """Write to standard output; False when its reader has closed the pipe."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return False
    return True


def _error(message: str) -> int:
    from reports.escape import visible  # file names in messages must not act on the terminal

    print(f"checker: error: {visible(message)}", file=sys.stderr)
    return EXIT_USAGE


def _stdin_input(args: argparse.Namespace) -> tuple[str, bytes] | None:
    """(name, bytes) of standard input when asked for ('-' or --stdin-filename), else None.

    Raises CheckError for a usage problem (standard input mixed with paths, or nothing).
    """
    paths = list(args.paths)
    if args.stdin_filename is None and "-" not in paths:
        if not paths:
            raise CheckError("no files or folders given (use '-' or --stdin-filename NAME "
                             "to check standard input)")  # fmt: skip
        return None
    if paths not in ([], ["-"]):
        raise CheckError("standard input ('-' or --stdin-filename) cannot be combined "
                         "with other paths")  # fmt: skip
    name = args.stdin_filename or "-"
    if not name.strip():
        raise CheckError("--stdin-filename needs a file name, e.g. drafts/story.md")
    return name, sys.stdin.buffer.read()


T = TypeVar("T")


def _guarded(work: Callable[[], T]) -> tuple[T | None, int]:
    """Run a check: (its value, EXIT_OK), or (None, an exit code) once the problem is said."""
    try:
        return work(), EXIT_OK
    except (CheckError, ConfigError, BaselineError) as exc:
        return None, _error(str(exc))
    except Exception:  # a crash must never look like "below the bar" (exit 1)
        import traceback

        traceback.print_exc()
        _error("internal error while checking (traceback above); please report it")
        return None, EXIT_INTERNAL


def _say_unreadable(result: CheckResult) -> None:
    """One error line per file that could not be checked."""
    for cf in result.files:
        if cf.error:
            _error(cf.error)


def _run_check(args: argparse.Namespace) -> CheckResult:
    stdin = _stdin_input(args)
    return run_check(
        args.paths if stdin is None else [],
        stdin=stdin,
        fail_under=args.fail_under,
        fail_on=args.fail_on,
        max_unsourced=args.max_unsourced,
        config=args.config,
        baseline=args.baseline,
        changed_since=args.changed_since,
        time_budget=args.time_budget,
    )


def cmd_check(args: argparse.Namespace) -> int:
    """``checker check``: check, write the chosen format, exit 0/1/2."""
    result, code = _guarded(lambda: _run_check(args))
    if result is None:
        return code
    _say_unreadable(result)
    if args.output:
        out = render(result, args.format)
        try:
            atomic_write_text(Path(args.output), out)  # a failed write keeps the old file
        except OSError as exc:
            _error(f"cannot write {args.output}: {exc.strerror or exc}")
            return EXIT_WRITE
        print(f"checker: {result.summary()} Wrote {args.output}.", file=sys.stderr)
    else:
        # a closed pipe (| head) cuts the output short but keeps the verdict as exit code
        if not _write(render(result, args.format, color=use_color(sys.stdout))):
            return EXIT_OK if args.exit_zero else result.exit_code
        if args.format in ("sarif", "rdjson", "gitlab", "junit", "json"):
            print(f"checker: {result.summary()}", file=sys.stderr)
    if args.exit_zero and result.exit_code == EXIT_FAIL:
        return EXIT_OK
    return result.exit_code


def cmd_baseline(args: argparse.Namespace) -> int:
    """``checker baseline``: record today's findings to the baseline file."""
    made, code = _guarded(lambda: make_baseline(args.paths, config=args.config))
    if made is None:
        return code
    bl, result = made
    _say_unreadable(result)
    if any(cf.error for cf in result.files):
        return EXIT_USAGE
    try:
        bl.dump(args.output)
    except OSError as exc:
        _error(f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_WRITE
    n = sum(len(fb.findings) for fb in bl.files.values())
    files = len(bl.files)
    print(f"checker: recorded {n} finding{'' if n == 1 else 's'} in {files} "
          f"file{'' if files == 1 else 's'} to {args.output}")  # fmt: skip
    return EXIT_OK
