"""Writing the reports alone: CPU ms per article and bytes per article, by part and file kind.

The full audit's writing cost, measured apart from the analysis (whose time varies far more
on a busy machine than the writing does): audits ``--articles`` PolNeAR articles once
(``bench/run.py``'s corpus) to get their records, then writes the default reports
(``csv``, ``json``, ``html``) from those records ``--rounds`` times, each in a fresh process,
as the audit does per article (each article's output prepared, its page made from its
``articles.jsonl`` line, each writer appending it; the index at the end), and prints the
median CPU ms per article (the process's CPU time: other processes on a busy machine do not
inflate it), the ms per article of each part, and the bytes per article of each kind of file,
as file sizes and as the disk allocates them.

Each round also times the file system's own share: as many files as the pages, of the
same sizes, created and written with plain ``os`` calls in the pages' folder (no report
code at all). On some machines creating a file costs far more than writing it (on
this project's 2-core machines 0.03-0.9 ms of system CPU per new file, varying with where
the folder lies on the disk); that part of the writing cost is the disk's, not the
writers', and it moves from round to round.

With ``--baseline TREE`` (another checkout of checker, e.g. the main branch), the same records
are written by TREE's report code too, the two in turn, and the ratio of the medians printed.

    python bench/writing.py [--articles 500] [--rounds 5] [--baseline ../main]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import POLNEAR, build_corpus, disk_bytes, output_parts  # noqa: E402


def write_once(records: list[dict], meta: dict, out: Path) -> dict[str, float]:
    """CPU seconds spent on each part of writing ``records`` into ``out``."""
    import inspect

    from reports import open_sink
    from reports.sinks import page_meta, render_page, report_columns
    from reports.stream import per_input, prepare, record_line

    # (a tree whose pages are not made from the line, e.g. before pages carried it, renders
    # each page from the record: the script times either)
    from_line = "line" in inspect.signature(render_page).parameters
    columns = report_columns(records)
    sinks = [open_sink(f, out, meta, columns) for f in ("csv", "json", "html")]
    pmeta = page_meta(meta)
    parts = {"prepare": 0.0, "page": 0.0, "append": 0.0, "close": 0.0}
    clock = time.process_time
    for r in records:
        t0 = clock()
        fields = per_input(r)
        prepared = prepare(r, columns)
        t1 = clock()
        if from_line:
            prepared.html = render_page(r, pmeta, record_line(fields, prepared.body))
        else:
            prepared.html = render_page(r, pmeta)
        t2 = clock()
        for sink in sinks:
            sink.put(fields, prepared)
        t3 = clock()
        parts["prepare"] += t1 - t0
        parts["page"] += t2 - t1
        parts["append"] += t3 - t2
    t4 = clock()
    for sink in sinks:
        sink.close()
    parts["close"] = clock() - t4
    return parts


def child(tree: Path, records_path: Path, meta_path: Path) -> dict:
    """One round in this process, with ``tree``'s report code: parts and bytes."""
    sys.path.insert(0, str(tree))
    from reports.compact import expand

    lines = records_path.read_text(encoding="utf-8").splitlines()
    records = [expand(json.loads(line)) for line in lines]
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-writing-") as tmp:
        out = Path(tmp) / "out"
        out.mkdir()
        parts = write_once(records, meta, out)
        sizes = {"bytes": output_parts(out), "disk": disk_bytes(out)}
        return {"n": len(records), "parts": parts, **sizes, "floor": file_floor(out / "articles")}


def file_floor(pages: Path) -> float:
    """CPU seconds to create and write files of the pages' sizes with plain ``os`` calls,
    in the pages' own folder (the file system's share of writing them; the cost of making
    a file varies with where its folder lies on the disk)."""
    sizes = [p.stat().st_size for p in pages.iterdir()]
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    c0 = time.process_time()
    for i, size in enumerate(sizes):
        fd = os.open(pages / f"floor-{i}.tmp", flags, 0o666)
        try:
            os.write(fd, b"x" * size)
        finally:
            os.close(fd)
    return time.process_time() - c0


def _round(tree: Path, records: Path, meta: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", str(tree), "--records", str(records),
           "--meta", str(meta)]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(tree)})  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"bench/writing.py: a round with {tree} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _summary(name: str, runs: list[dict]) -> float:
    n = runs[0]["n"]
    totals = [1000 * sum(r["parts"].values()) / n for r in runs]
    each = {k: 1000 * statistics.median(r["parts"][k] for r in runs) / n
            for k in runs[0]["parts"]}  # fmt: skip
    print(f"{name}: writing the default reports (csv, json, html), {n} articles: "
          f"{statistics.median(totals):.2f} CPU ms per article (median of {len(runs)}; "
          f"{', '.join(f'{t:.2f}' for t in totals)})")  # fmt: skip
    print("  by part, CPU ms per article: " + ", ".join(f"{k} {v:.2f}" for k, v in each.items()))
    if all("floor" in r for r in runs):
        floors = [1000 * r["floor"] / n for r in runs]
        own = statistics.median(t - f for t, f in zip(totals, floors, strict=True))
        print(f"  of which the file system's (the same number of files of the same sizes, "
              f"plain os calls): {statistics.median(floors):.2f} CPU ms per article "
              f"({', '.join(f'{t:.2f}' for t in floors)}); the writers' own: "
              f"{own:.2f}")  # fmt: skip
    parts = runs[0]["bytes"]
    print("  file sizes per article: " + ", ".join(
        f"{k} {v / n / 1024:.1f} KB" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])
    ) + f"; total {sum(parts.values()) / n / 1024:.1f} KB; on disk (allocated) "
        f"{runs[0]['disk'] / n / 1024:.1f} KB")  # fmt: skip
    return statistics.median(totals)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--baseline", metavar="TREE", help="another checkout to compare with")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--records", help=argparse.SUPPRESS)
    ap.add_argument("--meta", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child), Path(args.records), Path(args.meta))))
        return 0
    if not POLNEAR.is_dir():
        print(f"bench/writing.py: no PolNeAR texts at {POLNEAR} (../shared is needed)")
        return 0
    import checker

    trees = {"this tree": ROOT}
    if args.baseline:
        trees["baseline " + args.baseline] = Path(args.baseline).resolve()
    with tempfile.TemporaryDirectory(prefix="bench-writing-") as tmp:
        base = Path(tmp)
        build_corpus(base / "corpus", args.articles)
        checker.audit([str(base / "corpus")], out=base / "first", formats=("json",),
                      keep=False, cache=None)  # fmt: skip
        records, meta = base / "first" / "articles.jsonl", base / "first" / "audit.json"
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for _ in range(args.rounds):  # the trees in turn, so that a drift hits both
            for name, tree in trees.items():
                runs[name].append(_round(tree, records, meta))
    medians = {name: _summary(name, r) for name, r in runs.items()}
    if args.baseline:
        mine, other = medians.values()
        print(f"CPU ms per article, this tree / baseline: {mine / other:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
