"""Cold start: `checker check` on a short draft next to `proselint check`, in the same run.

Each measurement is one fresh process, timed from start to exit (the way an editor's
on-save hook or a pre-commit hook runs the tool). The two tools run alternately, so
that both see the same machine load, after one untimed run each (to have the files in
the page cache: a hook runs on a machine that has run it before). Checker's modules are
byte-compiled first, as ``pip install`` does for an installed package (and did for
proselint): an editable install under ``PYTHONDONTWRITEBYTECODE`` would otherwise
compile every module from source on every run; for the same reason one untimed run writes
the dataclass method cache beside the bytecode (``checker.core.methodcache``), as the first
run of an installed package does. Prints the medians and their ratio, the
start-up of ``checker rules`` and ``checker explain CLM001``, then where the draft
check's time goes: the median of each part over fresh processes (interpreter start-up,
imports, configuration, loading, each rule family's first run, scoring, output) and the
heavy packages the check imported.

    python bench/cold_start.py [--runs 7] [--draft FILE] [--strict] [--no-breakdown]

Targets (issue 17): ``checker check`` at most 1.5x proselint's median; ``checker rules``
and ``checker explain`` under 0.3 s. ``--strict`` exits 1 when a target is missed.
Needs only this repository and proselint from PyPI (``make bench`` installs it).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import resource
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


# Run in a fresh interpreter: `checker check DRAFT` as the console script runs it, with the
# wall-clock and CPU time of each part (each rule family, loading, scoring: their functions
# wrapped with timers; the rest of the run is configuration, file discovery and output).
PROBE = """
import io, json, sys, time
W, C = time.perf_counter, time.process_time
w0, c0 = W(), C()
HEAVY = json.loads(sys.argv[2])
parts = {}
def add(name, w, c):
    part = parts.setdefault(name, [0.0, 0.0])
    part[0] += W() - w
    part[1] += C() - c
import checker.cli
add("import checker.cli", w0, c0)
w, c = W(), C()
import checker.check, checker.cli_check, checker.pipeline  # what `check` imports next
add("import check and pipeline", w, c)
import dataclasses, rules
def timed(name, fn):
    def run(*args, **kwargs):
        w, c = W(), C()
        try:
            return fn(*args, **kwargs)
        finally:
            add(name, w, c)
    return run
rules.FAMILIES = tuple(dataclasses.replace(f, run=timed("rules." + f.name, f.run))
                       for f in rules.FAMILIES)
checker.pipeline.load_document = timed("load+segment", checker.pipeline.load_document)
checker.pipeline.result_from_analysis = timed("score+record",
                                              checker.pipeline.result_from_analysis)
sys.stdout = io.StringIO()
sys.argv = ["checker", "check", sys.argv[1]]  # main() as the console script calls it
w, c = W(), C()
code = checker.cli.main()
wall, cpu = W() - w, C() - c
sys.stdout = sys.__stdout__
inner = [sum(p[i] for n, p in parts.items() if not n.startswith("import")) for i in (0, 1)]
parts["configuration, files, output"] = [wall - inner[0], cpu - inner[1]]
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
print(json.dumps({"code": code, "inside": [W() - w0, C() - c0], "parts": parts,
                  "heavy": heavy}))
"""
HEAVY = ("numpy", "pyphen", "sklearn", "scipy", "pandas", "textstat", "rich", "jinja2")
START = "interpreter start-up and exit"


def byte_compile(python: str) -> None:
    """Byte-compile checker's packages where they are installed (as pip install does)."""
    where = subprocess.run(
        [python, "-c", "import checker, rules, reports, os; print(*(os.path.dirname(m.__file__)"
         " for m in (checker, rules, reports)), sep=chr(10))"],
        capture_output=True, text=True, check=True).stdout.split()
    subprocess.run([python, "-m", "compileall", "-q", *where], stdout=subprocess.DEVNULL,
                   check=True)
    # ... and let one run write the compiled dataclass methods beside the bytecode
    # (checker.core.methodcache), as the first run of an installed package does: not under
    # PYTHONDONTWRITEBYTECODE, which an editable checkout may set but an install does not
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([python, "-c", "import checker.cli, checker.cli_check, checker.check, "
                    "checker.pipeline, rules, reports.text"], env=env, check=True)


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def breakdown(python: str, draft: Path, runs: int) -> tuple[dict[str, tuple[float, float]],
                                                            list[str]]:
    """Median (wall, CPU) seconds of each part of ``checker check DRAFT`` over ``runs`` fresh
    processes (after one untimed run), and the heavy packages it imported."""
    parts: dict[str, list[tuple[float, float]]] = {START: []}
    heavy: list[str] = []
    for i in range(runs + 1):
        t0, cpu0 = time.perf_counter(), _child_cpu()
        proc = subprocess.run([python, "-c", PROBE, draft.name, json.dumps(HEAVY)],
                              cwd=draft.parent, capture_output=True, text=True)
        wall, cpu = time.perf_counter() - t0, _child_cpu() - cpu0
        if proc.returncode != 0:
            sys.exit(f"cold_start: the breakdown probe failed:\n{proc.stderr.strip()}")
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        if i == 0:
            continue
        heavy = got["heavy"]
        inside_wall, inside_cpu = got["inside"]
        parts[START].append((wall - inside_wall, cpu - inside_cpu))
        for name, (w, c) in got["parts"].items():
            parts.setdefault(name, []).append((w, c))
    return {name: (statistics.median(w for w, _ in values),
                   statistics.median(c for _, c in values))
            for name, values in parts.items()}, heavy


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


def timed(cmd: list[str], cwd: Path, cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of one run of ``cmd``; its CPU seconds appended to ``cpu``."""
    t0, cpu0 = time.perf_counter(), _child_cpu()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    elapsed = time.perf_counter() - t0
    if cpu is not None:
        cpu.append(_child_cpu() - cpu0)
    if proc.returncode not in (0, 1):  # 1 = findings, for both tools
        sys.exit(f"cold_start: {' '.join(cmd)} failed with status {proc.returncode}:\n"
                 f"{proc.stderr.strip()}")
    return elapsed


def medians(commands: dict[str, list[str]], runs: int, cwd: Path,
            cpu: dict[str, list[float]] | None = None) -> dict[str, list[float]]:
    """``runs`` timings of each command, alternating, after one untimed run each (and their
    CPU times in ``cpu``, by command)."""
    for cmd in commands.values():
        timed(cmd, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(timed(cmd, cwd, None if cpu is None else
                                     cpu.setdefault(name, [])))
    return times


def line(name: str, values: list[float], cpu: list[float] | None = None) -> str:
    return (f"  {name:<28} median {statistics.median(values):6.3f} s   "
            f"(min {min(values):.3f}, max {max(values):.3f}, {len(values)} runs)"
            + (f"  CPU {statistics.median(cpu):.3f} s" if cpu else ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs of each command")
    ap.add_argument("--draft", type=Path, help="the draft to check (default: a 3-sentence one)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--no-breakdown", action="store_true",
                    help="do not time the parts of the draft check")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.draft is not None and not args.draft.is_file():
        ap.error(f"--draft {args.draft}: no such file")
    checker = tool("checker")
    if checker is None:
        sys.exit("cold_start: no `checker` command; install the package (make install)")
    proselint = tool("proselint")
    byte_compile(sys.executable)

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
        cpu: dict[str, list[float]] = {}
        times = medians(commands, args.runs, cwd, cpu)
        for name, values in times.items():
            print(line(name, values, cpu[name]))
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
            cpu_ratio = statistics.median(cpu["checker check"]) / statistics.median(
                cpu[next(name for name in cpu if name.startswith("proselint"))])
            print(f"  (CPU time ratio {cpu_ratio:.2f}x: steadier than wall-clock time on a "
                  "busy machine)")

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
        if not args.no_breakdown:
            parts, heavy = breakdown(sys.executable, draft, args.runs)
            print(f"where `checker check` spends its time (median of {args.runs} fresh processes;"
                  " rules.* are first runs, with their models and patterns):")
            print(f"  {'part':<34} {'wall ms':>8} {'CPU ms':>8}")
            for name, (wall, cpu) in parts.items():
                print(f"  {name:<34} {1000 * wall:8.1f} {1000 * cpu:8.1f}")
            print(f"  {'sum of the parts':<34} {1000 * sum(w for w, _ in parts.values()):8.1f} "
                  f"{1000 * sum(c for _, c in parts.values()):8.1f}")
            print(f"  heavy packages imported: {', '.join(heavy) or 'none'}")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
