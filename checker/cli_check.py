"""Command line of ``checker check`` and ``checker baseline`` (CI): parsers and commands.

- :func:`add_parsers` adds both subcommands to the ``checker`` parser (see
  :mod:`checker.cli`);
- :func:`cmd_check` runs :func:`checker.check.run_check` and writes the result in
  the chosen format (:func:`render`, one writer per format in :mod:`reports`);
- :func:`cmd_baseline` records today's findings with
  :func:`checker.check.make_baseline`.

Exit codes: 0 every file meets the bar; 1 some file does not; 2 usage or
configuration error, missing or unreadable file.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from checker.baseline import DEFAULT_BASELINE, BaselineError
from checker.check import CheckError, make_baseline, run_check
from checker.core.config import ConfigError
from checker.core.results import EXIT_FAIL, EXIT_OK, EXIT_USAGE, CheckResult
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
    """The check result in one of :data:`FORMATS` (``color`` only for text)."""
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
    if fmt == "gitlab":
        from reports.gitlab import render_gitlab

        return render_gitlab(result)
    if fmt == "junit":
        from reports.junit import render_junit

        return render_junit(result)
    if fmt == "json":
        from reports.text import render_json

        return render_json(result)
    raise ValueError(f"unknown format {fmt!r}")


def use_color(stream: Any) -> bool:
    """Colour on a terminal, unless ``NO_COLOR`` (``FORCE_COLOR`` forces it)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def _error(message: str) -> int:
    print(f"checker: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_check(args: argparse.Namespace) -> int:
    """``checker check``: check, write the chosen format, exit 0/1/2."""
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
        if args.format in ("sarif", "rdjson", "gitlab", "junit", "json"):
            print(f"checker: {result.summary()}", file=sys.stderr)
    if args.exit_zero and result.exit_code == EXIT_FAIL:
        return EXIT_OK
    return result.exit_code


def cmd_baseline(args: argparse.Namespace) -> int:
    """``checker baseline``: record today's findings to the baseline file."""
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
