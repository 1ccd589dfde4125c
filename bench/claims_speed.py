"""Claim model speed: load time and sentences per second on one core.

    .venv/bin/python bench/claims_speed.py [--n 50000] [--repeat 3]

Sentences come from CheckThat! 2024 train in ../shared (realistic lengths); when
it is absent, from our own news fixture, repeated. Prints the best of
``--repeat`` runs (the machine may be shared) and the median.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rules.claims.model import DEFAULT_MODEL_PATH, load_model_file  # noqa: E402

CT24_TRAIN = (ROOT.parent / "shared" / "data" / "checkworthy" / "ct24"
              / "CT24_checkworthy_english_train.tsv")
FIXTURE = ROOT / "tests" / "fixtures" / "claims_news.jsonl"


def sentences(n: int) -> tuple[list[str], str]:
    if CT24_TRAIN.is_file():
        lines = CT24_TRAIN.read_text(encoding="utf-8").splitlines()[1:]
        base = [ln.split("\t")[1].strip('"') for ln in lines if ln.count("\t") >= 2]
        source = "CheckThat! 2024 train sentences"
    else:
        base = [json.loads(ln)["text"] for ln in FIXTURE.read_text().splitlines() if ln]
        source = "own news fixture sentences (repeated)"
    reps = n // len(base) + 1
    return (base * reps)[:n], source


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=str(DEFAULT_MODEL_PATH))
    ap.add_argument("--n", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    loads = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        model = load_model_file(args.model)
        loads.append(time.perf_counter() - t0)
    size = Path(args.model).stat().st_size
    print(f"model {args.model}: {size / 1e6:.2f} MB, "
          f"{int((model.coef_ != 0).sum())} non-zero coefficients")
    print(f"load: best {min(loads) * 1000:.0f} ms, median {statistics.median(loads) * 1000:.0f} ms"
          " (target: well under 1 s)")

    texts, source = sentences(args.n)
    words = sum(len(t.split()) for t in texts)
    runs = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        model.predict_proba(texts)
        runs.append(time.perf_counter() - t0)
    best, med = min(runs), statistics.median(runs)
    print(f"predict: {len(texts)} {source}, {words / len(texts):.1f} words each")
    print(f"  best {len(texts) / best:,.0f} sentences/s ({words / best:,.0f} words/s), "
          f"median {len(texts) / med:,.0f} sentences/s (target: >= 50,000 sentences/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
