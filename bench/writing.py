"""Writing the reports alone: ms per article and bytes per article, by format and file kind.

The full audit's writing cost, measured apart from the analysis (whose time varies far more
on a busy machine than the writing does): audits ``--articles`` PolNeAR articles once
(``bench/run.py``'s corpus) to get their records, then writes the default reports
(``csv``, ``json``, ``html``) from those records five times, as the audit does per article
(each article's output prepared, its page made from its ``articles.jsonl`` line, each writer
appending it; the index at the end), and prints the median ms per article, the ms per
article of each part, and the bytes per article of each kind of file.

    python bench/writing.py [--articles 500]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import POLNEAR, build_corpus, output_parts  # noqa: E402


def write_once(records: list[dict], meta: dict, out: Path) -> dict[str, float]:
    """Seconds spent on each part of writing ``records`` into ``out``."""
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
    clock = time.perf_counter
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    args = ap.parse_args()
    if not POLNEAR.is_dir():
        print(f"bench/writing.py: no PolNeAR texts at {POLNEAR} (../shared is needed)")
        return 0
    import checker
    from reports.compact import expand

    with tempfile.TemporaryDirectory(prefix="bench-writing-") as tmp:
        base = Path(tmp)
        corpus = build_corpus(base / "corpus", args.articles)
        checker.audit([str(base / "corpus")], out=base / "first", formats=("json",),
                      keep=False, cache=None)  # fmt: skip
        del corpus
        lines = (base / "first" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        records = [expand(json.loads(line)) for line in lines]
        meta = json.loads((base / "first" / "audit.json").read_text(encoding="utf-8"))
        runs = []
        for i in range(5):
            out = base / f"out{i}"
            out.mkdir()
            runs.append(write_once(records, meta, out))
        n = len(records)
        totals = [1000 * sum(r.values()) / n for r in runs]
        each = {k: 1000 * statistics.median(r[k] for r in runs) / n for k in runs[0]}
        print(f"writing the default reports (csv, json, html), {n} articles: "
              f"{statistics.median(totals):.2f} ms per article (median of 5; "
              f"{', '.join(f'{t:.2f}' for t in totals)})")  # fmt: skip
        print("  by part, ms per article: " + ", ".join(f"{k} {v:.2f}" for k, v in each.items()))
        parts = output_parts(base / "out0")
        print("  bytes per article: " + ", ".join(
            f"{k} {v / n / 1024:.1f} KB" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])
        ) + f"; total {sum(parts.values()) / n / 1024:.1f} KB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
