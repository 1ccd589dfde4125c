"""Source-resolution coverage on PolNeAR news text (``python -m evaluation.credibility``).

There is no gold standard for "which outlet does this mention name" in the shared data, and no
published reference point for it, so this measures *coverage*, not accuracy: over real news
articles (PolNeAR, 2016 US election coverage from many outlets), how many outlet mentions that
the footnotes and attribution families record (plus the ones this family adds) resolve to a
domain through ``checker/reference/outlets.json``, and how many of those domains the three shared
rating sets rate. It also lists the most frequent unresolved outlet names (gaps in the alias
table) and the most frequent resolved ones (for a by-eye precision check).

Options: ``--split dev|train|all`` (default dev), ``--limit N``, ``--top K``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from checker.core.analysis import OUTLET, Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from rules import attribution, credibility, footnotes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
POLNEAR = SHARED / "attribution" / "polnear"
RATINGS = [
    SHARED / "credibility" / "lin2023" / "domain_ratings.csv",
    SHARED / "credibility" / "wikipedia_perennial" / "reliability_ranking.csv",
    SHARED / "credibility" / "cred1" / "cred1_current.csv",
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "train", "all"), default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args(argv)
    if not POLNEAR.is_dir() or not all(p.is_file() for p in RATINGS):
        print("../shared/data (PolNeAR and rating sets) is absent", file=sys.stderr)
        return 2
    splits = ("dev", "train") if args.split == "all" else (args.split,)
    files = sorted(f for s in splits for f in (POLNEAR / s / "text").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    cfg = Config(settings={"ratings": [str(p) for p in RATINGS]})
    outlets = resolved = rated = low = added = 0
    labels: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    t_cred = 0.0
    t0 = time.perf_counter()
    for f in files:
        doc = document_from_text(f.read_text(encoding="utf-8"), path=f.name)
        a = Analysis(doc=doc, config=cfg)
        footnotes.run(a)
        attribution.run(a)
        t = time.perf_counter()
        credibility.run(a)
        t_cred += time.perf_counter() - t
        for m in a.sources:
            if m.kind != OUTLET:
                continue
            outlets += 1
            added += m.cue == "named"
            if m.domain:
                resolved += 1
                hits[(m.name, m.domain)] += 1
                labels[m.rating_label] += 1
                rated += m.rating is not None
                low += m.rating_label in ("low", "deprecated")
            else:
                unresolved[m.name] += 1
    total = time.perf_counter() - t0

    def pct(x: int, n: int) -> str:
        return f"{100 * x / n:.1f}%" if n else "-"

    print(f"PolNeAR {args.split}: {len(files)} articles ({total:.1f}s; credibility family "
          f"{t_cred:.2f}s)")  # fmt: skip
    print("| measure | value | published reference |")
    print("|---|---|---|")
    print(f"| outlet mentions | {outlets} | none exists |")
    print(f"| of which added by the text scan (cue 'named') | {added} | - |")
    print(f"| resolved to a domain | {resolved} ({pct(resolved, outlets)}) | - |")
    print(f"| resolved and rated by a shared set | {rated} ({pct(rated, resolved)}) | - |")
    print(f"| rated low or deprecated | {low} ({pct(low, resolved)}) | - |")
    print("| labels | " + ", ".join(f"{k} {v}" for k, v in labels.most_common()) + " | - |")
    print(f"\nmost frequent unresolved outlet names (top {args.top}):")
    for name, n in unresolved.most_common(args.top):
        print(f"  {n:5}  {name}")
    print(f"\nmost frequent resolutions (top {args.top}):")
    for (name, dom), n in hits.most_common(args.top):
        print(f"  {n:5}  {name} -> {dom}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
