"""HTML report benchmark: page size per article and index open time at archive scale.

- Page size: ``checker audit`` of ``examples/`` and of 1,000 PolNeAR articles (when
  ../shared/data is present), mean and median size of the article pages, and the size of
  the shared assets (written once per report folder).
- Page draw time: article pages are drawn in the browser from the record they carry; the
  time from navigation until a page is drawn (its own ``performance.mark``), median and
  largest over the first 30 PolNeAR pages (or the examples' pages), in headless Chromium.
- Index: ``index.html`` written from 20,000 and 100,000 summary rows of an imaginary
  archive (outlets, authors, sections, dates, findings), opened from disk in headless
  Chromium; the time from navigation until the first page of rows is in the table (the
  page's own ``performance.mark``), median of 3 loads. Target (the archive-scale issue):
  under 2 s at 20,000 rows.

    python bench/html_report.py [--articles 1000] [--rows 20000,100000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import POLNEAR, build_corpus  # noqa: E402


def page_sizes(src: list[str], out: Path) -> str:
    import checker

    checker.audit(src, out=out, formats=("html",))
    sizes = [p.stat().st_size for p in (out / "articles").glob("*.html")]
    assets = sum(p.stat().st_size for p in (out / "assets").iterdir())
    return (
        f"{len(sizes)} pages: mean {statistics.fmean(sizes) / 1024:.1f} KB, "
        f"median {statistics.median(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB "
        f"(+ {assets / 1024:.1f} KB of shared assets per report folder)"
    )


def _mark(b: Any, url: str, ready: str, mark: str) -> float:
    """Open ``url``, wait until ``ready`` is true, and return when the page set its
    performance ``mark`` (ms after navigation)."""
    b.goto(url)
    b.wait_for(ready, 60)
    return b.evaluate(f"performance.getEntriesByName('{mark}')[0].startTime")


def page_draw(out: Path, n: int = 30) -> str:
    from tests.cdp import Browser

    pages = sorted((out / "articles").glob("*.html"))[:n]
    with Browser() as b:
        times = [_mark(b, page.as_uri(), "document.documentElement.getAttribute('data-drawn')",
                       "checker-page-drawn") for page in pages]  # fmt: skip
    return (
        f"{len(times)} pages drawn {statistics.median(times):.0f} ms after navigation (median; "
        f"largest {max(times):.0f} ms)"
    )


def index_open(n: int, out: Path) -> str:
    from reports.html import write_index
    from tests.archive import archive_rows
    from tests.cdp import Browser

    rules = [
        {"id": r, "name": r.lower()}
        for r in ("CLM001", "ATT001", "HDG001", "HDG002", "FTN001", "FTN002")
    ]

    t0 = time.perf_counter()
    write_index(iter(archive_rows(n)), out, rules=rules, group_by="outlet")
    written = time.perf_counter() - t0
    data = (out / "index-data.js").stat().st_size
    with Browser() as b:
        marks = [_mark(b, (out / "index.html").as_uri(),
                       "document.querySelectorAll('#articles tbody tr').length > 0",
                       "checker-rows-shown") for _ in range(3)]  # fmt: skip
    return (
        f"{n:,} rows: written in {written:.1f} s, index-data.js {data / 1e6:.1f} MB; first page "
        f"of rows shown {statistics.median(marks):.0f} ms after navigation (median of 3; "
        f"target < 2000 ms at 20,000)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rows", default="20000,100000")
    args = ap.parse_args()
    from scripts.screenshot import find_chromium

    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
        base = Path(tmp)
        print("article pages, examples/:", page_sizes([str(ROOT / "examples")], base / "ex"))
        if POLNEAR.is_dir():
            corpus = build_corpus(base / "corpus", args.articles)
            print(
                f"article pages, {args.articles} PolNeAR articles:",
                page_sizes([str(p) for p in corpus], base / "pn"),
            )
        else:
            print(f"PolNeAR page sizes skipped: no texts at {POLNEAR}")
        if find_chromium() is None:
            print("page draw and index open times skipped: chromium not installed")
            return 0
        drawn = base / ("pn" if POLNEAR.is_dir() else "ex")
        print("article pages, draw time:", page_draw(drawn))
        for n in (int(x) for x in args.rows.split(",")):
            print("index.html:", index_open(n, base / f"idx{n}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
