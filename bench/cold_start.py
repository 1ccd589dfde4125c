"""Cold start: `checker check` on a short draft next to `proselint check`, in the same run.

Each measurement is one fresh process, timed from start to exit (the way an editor's
on-save hook or a pre-commit hook runs the tool). The two tools run alternately, so
that both see the same machine load, after one untimed run each (to have the files in
the page cache: a hook runs on a machine that has run it before). Prints the medians
and their ratio, then the start-up of ``checker rules`` and ``checker explain CLM001``.

    python bench/cold_start.py [--runs 7] [--draft FILE] [--strict]

Targets (issue 17): ``checker check`` at most 1.5x proselint's median; ``checker rules``
and ``checker explain`` under 0.3 s. ``--strict`` exits 1 when a target is missed.
Needs only this repository and proselint from PyPI (``make bench`` installs it).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHECK_RATIO_TARGET = 1.5
CATALOGUE_TARGET = 0.3  # seconds

# Three sentences, as a writer's draft is saved between edits.
DRAFT = """\
# Heat

Hospital admissions rose 40 percent in the first week of July. Experts say the city
may need more cooling centres. The council will meet on Monday, according to its agenda.
"""


def tool(name: str) -> list[str] | None:
    """The command for ``name``: the script beside this interpreter, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.is_file():
        return [str(here)]
    found = shutil.which(name)
    return [found] if found else None


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "(version unknown)"


def timed(cmd: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # 1 = findings, for both tools
        sys.exit(f"cold_start: {' '.join(cmd)} failed with status {proc.returncode}:\n"
                 f"{proc.stderr.strip()}")
    return elapsed


def medians(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, list[float]]:
    """``runs`` timings of each command, alternating, after one untimed run each."""
    for cmd in commands.values():
        timed(cmd, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(timed(cmd, cwd))
    return times


def line(name: str, values: list[float]) -> str:
    return (f"  {name:<28} median {statistics.median(values):6.3f} s   "
            f"(min {min(values):.3f}, max {max(values):.3f}, {len(values)} runs)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs of each command")
    ap.add_argument("--draft", type=Path, help="the draft to check (default: a 3-sentence one)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.draft is not None and not args.draft.is_file():
        ap.error(f"--draft {args.draft}: no such file")
    checker = tool("checker")
    if checker is None:
        sys.exit("cold_start: no `checker` command; install the package (make install)")
    proselint = tool("proselint")

    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmp:
        cwd = Path(tmp)  # no configuration file, no git repository around the draft
        if args.draft is not None:
            draft = cwd / args.draft.name
            shutil.copyfile(args.draft, draft)
        else:
            draft = cwd / "draft.md"
            draft.write_text(DRAFT, encoding="utf-8")
        commands = {"checker check": [*checker, "check", draft.name]}
        if proselint is not None:
            commands[f"proselint {_version('proselint')} check"] = [
                *proselint, "check", draft.name]
        print(f"cold start on {draft.name} ({len(draft.read_text().split())} words), "
              f"{args.runs} alternating runs each:")
        times = medians(commands, args.runs, cwd)
        for name, values in times.items():
            print(line(name, values))
        ok = True
        if proselint is None:
            print("  proselint is not installed (pip install proselint): no ratio")
        else:
            ratio = statistics.median(times["checker check"]) / statistics.median(
                times[next(name for name in times if name.startswith("proselint"))])
            met = ratio <= CHECK_RATIO_TARGET
            ok &= met
            print(f"  ratio checker / proselint: {ratio:.2f}x "
                  f"(target <= {CHECK_RATIO_TARGET}x: {'met' if met else 'NOT met'})")

        catalogue = medians({"checker rules": [*checker, "rules"],
                             "checker explain CLM001": [*checker, "explain", "CLM001"]},
                            args.runs, cwd)
        print("rule catalogue start-up:")
        for name, values in catalogue.items():
            med = statistics.median(values)
            met = med < CATALOGUE_TARGET
            ok &= met
            print(line(name, values) + f"  target < {CATALOGUE_TARGET} s: "
                  + ("met" if met else "NOT met"))
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
