"""Command-line interface: ``checker audit``, ``checker rules``, ``checker explain``.

Exit codes: 0 done, 1 some input failed to load or analyse (the others are still
reported), 2 usage or configuration error, 70 internal error of checker (a bug:
please report it), 74 a report or output file cannot be written (disk full,
permission denied; the previous report is left as it was).
"""

from __future__ import annotations

import gc

# The cycle collector is paused while the command line's modules load, and what they made
# is then moved out of its view (``gc.freeze``): tens of thousands of objects that live as
# long as the process (classes, patterns, lexicons), in which its passes found nothing to
# free (~3 ms of a draft check's ~0.1 s).
_COLLECTING = gc.isenabled()
gc.disable()
try:
    import argparse
    import dataclasses
    import os
    import sys
    from collections.abc import Sequence
    from pathlib import Path
    from typing import TYPE_CHECKING, Any

    import checker
    from checker.core.budget import seconds_arg
    from checker.core.config import Config, ConfigError
    from checker.core.io import OutputError
    from checker.core.results import EXIT_INTERNAL, EXIT_WRITE
    from checker.settings import find_config, load_config
finally:
    gc.freeze()
    if _COLLECTING:
        gc.enable()

if TYPE_CHECKING:
    from textwrap import TextWrapper

EXIT_OK, EXIT_FAILED_INPUT, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
Audit news articles and editorial drafts for how well they are sourced.

checker reads articles (.txt, .md, .html), strips page boilerplate, splits
sentences, and flags unsourced factual claims, vague or anonymous attribution,
unattributed quotes, hedging, and broken footnotes. Each article gets an
explainable 0-100 attribution score and a letter grade.
"""

AUDIT_EPILOG = """\
output files (in --out; the whole folder is replaced at the end of each run):
  summary.csv     one row per article (failed ones too): status, score, grade, metadata, metrics
  findings.csv    one row per finding: article_id, rule, id, severity, line, text...
  sources.csv     one row per source mention: name, kind, role, cue, footnote, url, domain
  sentences.csv   one row per sentence (region, is_claim, claim_prob, claim_status:
                  why a claim is or is not flagged, attributed, hedged, hedges...)
  articles.jsonl  everything, one JSON object per article per line
  audit.json      the run: id, time, version, counts, rules
  index.html      the audit at a glance; articles/<page>.html per article
  *.parquet       with --format parquet: the four tables above

examples:
  checker audit examples/ --out reports-out/
  checker audit export.csv --text-column body --id-column id --out out/
  checker audit drafts/ --out out/ --format csv,json --jobs 2 --exclude 'drafts/old/*'

exit codes:
  0   done
  1   some input failed to load or analyse (summary.csv lists it with the reason;
      the rest is still reported)
  2   usage or configuration error
  70  internal error of checker, not caused by one input (please report it)
  74  a report cannot be written (disk full, permission denied, read-only folder,
      another audit writing the same --out); the previous report in --out is left as it was
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # the width argparse's formatter works out itself, without importing shutil for it
        # (every add_argument makes a formatter: shutil and its compression modules were a
        # part of every command's start-up)
        return self.formatter_class(prog=self.prog, width=terminal_columns() - 2)


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size().columns`` gives it: $COLUMNS when
    set and positive, else the width of standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


def _add_audit_parser(sub: Any) -> None:
    """Add the ``audit`` subcommand to the CLI's subparsers."""
    a = sub.add_parser(
        "audit",
        help="audit files and folders; write CSV, HTML and JSON reports",
        description="Audit articles and write reports to --out.",
        epilog=AUDIT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)"
    )
    a.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the reports")
    a.add_argument(
        "--format", default="csv,html,json", metavar="LIST",
        help="comma-separated report formats: csv (the four CSV tables), html, json, "
        "parquet, sentences (sentences.csv alone); default: csv,html,json",
    )  # fmt: skip
    a.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    a.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="only files whose relative path or name matches (repeatable)",
    )
    a.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files whose relative path or name matches (repeatable)",
    )
    a.add_argument(
        "--config",
        metavar="FILE",
        help="pyproject.toml or .checker.toml to use "
        "(default: found by walking up from the first path)",
    )
    a.add_argument("--quiet", "-q", action="store_true", help="no progress bar or table")
    a.add_argument("--wait", action="store_true",
                   help="wait for another audit writing the same --out (default: refuse)")
    a.add_argument("--no-cache", action="store_true",
                   help="analyse every article again, ignoring the result cache")
    a.add_argument("--cache-dir", metavar="DIR",
                   help="folder of the result cache (default: $CHECKER_CACHE_DIR, else "
                   "$XDG_CACHE_HOME/checker/results or ~/.cache/checker/results)")  # fmt: skip
    _add_table_options(a)
    from checker.cli_dask import add_engine_options  # --engine dask, --scheduler

    add_engine_options(a)
    a.add_argument(
        "--time-budget", type=seconds_arg, metavar="SECONDS",
        help="stop analysing one article after SECONDS and report it as that article's "
        "error (default: time_budget in [tool.checker], else 60; 0: no limit)",
    )  # fmt: skip
    a.add_argument(
        "--group-by", metavar="COLUMN",
        help="add a group view to index.html: articles, mean score, unsourced-claim rate and "
        "anonymous-source share per outlet, author, section, month (from a date column) or "
        "any metadata column of a table input",
    )  # fmt: skip
    a.add_argument(
        "--ratings", action="append", default=[], metavar="FILE",
        help="source-credibility ratings CSV to use as well (repeatable; see 'checker ratings')",
    )  # fmt: skip


def _add_table_options(a: argparse.ArgumentParser) -> None:
    """Options for table inputs (.csv, .tsv, .jsonl[.gz], .parquet: one article per row)."""
    t = a.add_argument_group(
        "table inputs", "a .csv, .tsv, .jsonl, .jsonl.gz or .parquet PATH holds one article per "
        "row; its other columns are carried into summary.csv as metadata",
    )  # fmt: skip
    t.add_argument("--text-column", metavar="COL", help="the column holding the article text")
    t.add_argument("--id-column", metavar="COL",
                   help="the column holding each article's id (default: FILE#ROW)")  # fmt: skip
    fmt = t.add_mutually_exclusive_group()
    fmt.add_argument("--input-format", choices=("text", "markdown", "html"), default="text",
                     help="the format of every text cell (default: text)")  # fmt: skip
    fmt.add_argument("--format-column", metavar="COL",
                     help="the column naming each row's format (text, markdown or html)")


def _check_group_by(name: str | None) -> None:
    """Refuse an unusable ``--group-by`` before any article is read (exit 2)."""
    if name:
        from reports.html.groups import group_key

        try:
            group_key(name)
        except ValueError as exc:
            raise ConfigError(f"--group-by: {exc}") from None


def _table_spec(args: argparse.Namespace) -> Any:
    """The TableSpec of the table options, or None; exits 2 when a table lacks --text-column."""
    from checker.text.tabular import TableSpec, is_table

    if args.text_column:
        return TableSpec(args.text_column, args.id_column, args.input_format, args.format_column)
    tables = [p for p in args.paths if is_table(p) and Path(p).is_file()]
    if tables:
        raise ConfigError(f"{tables[0]} is a table: name the column that holds the article "
                          "text with --text-column COL")  # fmt: skip
    if args.id_column or args.format_column:
        raise ConfigError("--id-column and --format-column apply to table inputs "
                          "and need --text-column")  # fmt: skip
    return None



COMMANDS = ("audit", "rules", "explain", "check", "baseline", "ratings", "train-claims")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``checker`` parser with every subcommand, or with ``command``'s alone.

    A command line that names its subcommand is parsed by that subcommand's parser only,
    so the others need not be built (nor their modules imported): ``checker check`` starts
    sooner, and parses and prints help exactly as with every subcommand built.
    """
    parser = _Parser(
        prog="checker",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"checker {checker.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def wanted(*names: str) -> bool:
        return command is None or command in names

    if wanted("audit"):
        _add_audit_parser(sub)
    if wanted("rules"):
        r = sub.add_parser("rules", help="list every rule with its id, severity and summary")
        r.add_argument("--markdown", action="store_true", help="print a Markdown table (for docs)")
    if wanted("explain"):
        e = sub.add_parser("explain", help="print a rule's documentation")
        e.add_argument("rule", metavar="RULE",
                       help="rule name or id, e.g. unsourced-claim or CLM001")  # fmt: skip
    if wanted("check", "baseline"):
        from checker.cli_check import add_parsers  # check and baseline (CI)

        add_parsers(sub)
    if wanted("ratings"):
        from checker.ratings_cli import add_parser as add_ratings_parser  # update/status

        add_ratings_parser(sub)
    if wanted("train-claims"):
        # Parsed by rules.claims.training.train_claims_main (its own argparse); listed for help.
        sub.add_parser("train-claims", add_help=False, help="train a claim model on your own "
                       "labelled CSV (see train-claims --help)")
    return parser


def _cache_for(args: argparse.Namespace) -> Path | None:
    """The result cache's folder, or None with --no-cache."""
    import os

    if args.no_cache:
        return None
    if args.cache_dir:
        return Path(args.cache_dir)
    if os.environ.get("CHECKER_CACHE_DIR"):
        return Path(os.environ["CHECKER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker" / "results"


def _config_for(args: argparse.Namespace) -> Config:
    if args.config:
        return load_config(args.config)
    first = Path(args.paths[0]) if args.paths else Path.cwd()
    return find_config(first if first.exists() else Path.cwd())


def _formats(text: str, known: Sequence[str]) -> list[str] | None:
    """The report formats of ``--format`` (comma-separated), or None after an error line."""
    formats = [f.strip() for f in text.split(",") if f.strip()]
    bad = [f for f in formats if f not in known]
    if bad or not formats:
        print(f"checker: error: unknown format {', '.join(bad) or '(none)'}; "
              f"choose from {', '.join(known)}", file=sys.stderr)  # fmt: skip
        return None
    return formats


def _audit_on_dask(args: argparse.Namespace, config: Config, formats: list[str],
                   table: Any) -> int:  # fmt: skip
    """``--engine dask``: see :mod:`checker.cli_dask`."""
    from checker.cli_dask import cmd_audit_dask

    return cmd_audit_dask(args, config, formats, table)


def cmd_audit(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
    from rich.table import Table

    from checker.batch import audit
    from reports import FORMATS

    formats = _formats(args.format, FORMATS)
    if formats is None:
        return EXIT_USAGE
    if args.jobs < 1:
        print("checker: error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    _check_group_by(args.group_by)
    table = _table_spec(args)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"checker: error: --out {out} exists and is not a folder", file=sys.stderr)
        return EXIT_USAGE
    config = _config_for(args)
    from rules.credibility import ratings

    config = config.with_settings(ratings=[
        *config.get(ratings.RATINGS), *(str(Path(f).resolve()) for f in args.ratings)
    ])
    if args.time_budget is not None:
        config = dataclasses.replace(config, time_budget=args.time_budget)
    has_ratings = bool(ratings.load_ratings(config))  # a bad file: RatingsError -> exit 2
    if args.engine == "dask":
        return _audit_on_dask(args, config, formats, table)
    err = Console(stderr=True)
    show = not args.quiet and err.is_terminal
    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=err, disable=not show, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("auditing", total=None)

        def tick(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        try:
            result = audit(
                args.paths, out=out, formats=formats, jobs=args.jobs, include=args.include,
                exclude=args.exclude, config=config, progress=tick if show else None, table=table,
                keep=False, wait=args.wait, cache=_cache_for(args), group_by=args.group_by,
            )  # fmt: skip
        except OutputError as exc:
            print(f"checker: error: {exc}; the previous report (if any) is unchanged",
                  file=sys.stderr)  # fmt: skip
            return EXIT_WRITE
    failed = result.failed
    for res in failed:
        print(f"checker: error: {res.error}", file=sys.stderr)
    for article, w in result.warnings:
        print(f"checker: warning: {article}: {w}", file=sys.stderr)
    if not result.count:
        print("checker: error: no articles found (.txt, .md, .html) in the given paths",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    console = Console()
    if not args.quiet:
        scored = sorted(result.lowest, key=lambda a: a["score"])
        n = result.scored
        table = Table(title=f"Lowest scores ({n} article{'' if n == 1 else 's'} scored, "
                      f"{len(failed)} failed)")  # fmt: skip
        for col in ("article", "score", "grade", "claims", "unsourced", "findings"):
            table.add_column(col, justify="left" if col == "article" else "right")
        for a in scored[:10]:
            table.add_row(
                a["article"], f"{a['score']:.0f}", a["grade"], str(a.get("claims", "")),
                str(a.get("unsourced_claims", "")), str(a.get("findings", "")),
            )  # fmt: skip
        console.print(table)
    if not has_ratings:
        print(f"checker: note: {ratings.NO_RATINGS_NOTE}", file=sys.stderr)
    where = out / "index.html" if "html" in formats else out
    console.print(f"Reports written to {out}/ — open {where}", soft_wrap=True)
    return EXIT_FAILED_INPUT if failed else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from rules import all_rules

    rules = all_rules()
    if args.markdown:
        print("| id | name | family | default severity | enabled | what it flags |")
        print("|---|---|---|---|---|---|")
        for r in rules:
            print(f"| {r.id} | `{r.name}` | {r.family} | {r.severity} | "
                  f"{'yes' if r.enabled else 'no'} | {r.summary} |")  # fmt: skip
        return EXIT_OK
    for r in rules:
        off = "" if r.enabled else "  (off by default)"
        print(f"{r.id:7} {r.name:26} {r.severity:10} {r.summary}{off}")
    return EXIT_OK


def _explain_file_rule(key: str, fill: TextWrapper) -> bool:
    """``checker explain CHK004``: the check's file-level failures (SARIF/GitLab ids)."""
    from checker.core.results import FILE_RULES

    for rule in FILE_RULES.values():
        if key.lower() in (rule["id"].lower(), rule["name"]):
            print(f"{rule['id']} {rule['name']} (checker check: a file that fails the bar)\n")
            print("What it means\n" + fill.fill(rule["summary"]) + "\n")
            print("What to do\n" + fill.fill(rule["help"]))
            return True
    return False


def cmd_explain(args: argparse.Namespace) -> int:
    from rules import all_rules, get_rule

    all_rules()
    from textwrap import TextWrapper

    fill = TextWrapper(width=78, initial_indent="  ", subsequent_indent="  ")
    try:
        r = get_rule(args.rule)
    except KeyError:
        if _explain_file_rule(args.rule, fill):
            return EXIT_OK
        print(f"checker: error: unknown rule {args.rule!r}; see 'checker rules'", file=sys.stderr)
        return EXIT_USAGE
    print(f"{r.id} {r.name} ({r.family}, default severity: {r.severity}"
          f"{'' if r.enabled else ', off by default'})\n")  # fmt: skip
    print("What it does\n" + fill.fill(r.summary) + "\n")
    print("Why it matters\n" + fill.fill(r.rationale) + "\n")
    print("Example (flagged)\n" + _example(fill, r.bad) + "\n")
    print("Use instead\n" + _example(fill, r.good))
    _print_settings(r.family, fill)
    if r.context:
        print("\nThe examples run with")
        if r.context.ratings:
            print("  this ratings file (--ratings FILE):\n" + _verbatim(r.context.ratings))
        if r.context.config:
            print("  this configuration ([tool.checker]):\n" + _verbatim(r.context.config))
    return EXIT_OK


def _print_settings(family: str, fill: TextWrapper) -> None:
    """The ``[tool.checker]`` settings of a rule's family: key, default and what it does."""
    import json
    from textwrap import TextWrapper

    from rules import FAMILIES

    settings = [st for f in FAMILIES if f.name == family for st in f.settings]
    if not settings:
        return
    deeper = TextWrapper(width=fill.width, initial_indent="    ", subsequent_indent="    ")
    print(f"\nSettings of the {family} family ([tool.checker]; docs/configuration.md)")
    for st in settings:
        print(f"  {st.key} = {json.dumps(st.default)}")
        if st.summary:
            print(deeper.fill(st.summary))


def _example(fill: TextWrapper, text: str) -> str:
    """An example, wrapped line by line (its line breaks matter: lists, notes sections)."""
    return "\n".join(fill.fill(line) if line.strip() else "" for line in text.splitlines())


def _verbatim(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a closed output pipe (``| head -1``) ends quietly.

    When the reader of standard output goes away, the command stops writing without a
    traceback and exits 0 (``checker check`` keeps its verdict, see cmd_check).

    Run as the program (``argv`` None: the console script, ``python -m checker``), the
    objects left when the command is done are handed to the process's exit as they are:
    the cycle collector's last pass over the loaded models and lexicons would only delay
    the exit (a tenth of a draft check's time).
    """
    try:
        code = _main(argv)
        sys.stdout.flush()
        if argv is None:
            gc.freeze()  # everything dies with the process: no collection pass at exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except SystemExit:  # --help, --version, usage errors: flush before exiting
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
        raise


def _silence_stdout() -> None:
    """Point standard output at the null device, so the flush at exit cannot fail again."""
    from checker.cli_check import silence_stdout

    silence_stdout()


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["train-claims"]:
        from rules.claims.training import train_claims_main

        return train_claims_main(argv[1:])
    parser = build_parser(argv[0] if argv[:1] and argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "audit":
            return cmd_audit(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
        if args.command in ("check", "baseline"):
            gc.disable()  # while its modules load, as above
            try:
                from checker.cli_check import cmd_baseline, cmd_check
            finally:
                gc.freeze()
                if _COLLECTING:
                    gc.enable()

            return cmd_check(args) if args.command == "check" else cmd_baseline(args)
        if args.command == "ratings":
            from checker.ratings_cli import cmd_ratings

            return cmd_ratings(args)
    except ConfigError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug of checker: never exit 1 ("some input failed")
        import traceback

        from checker.pipeline import describe_exception

        traceback.print_exc()
        print(f"checker: internal error: {describe_exception(exc)} (traceback above; "
              "please report it)", file=sys.stderr)  # fmt: skip
        return EXIT_INTERNAL
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
