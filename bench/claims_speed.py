"""Claim model speed: load time and sentences per second on one core.

    .venv/bin/python bench/claims_speed.py [--n 50000] [--repeat 3]

Measures the prediction path the audit uses (:class:`rules.claims.scorer.ClaimScorer`,
numpy only) and, in the same run, the scikit-learn estimator it equals
(:class:`rules.claims.model.ClaimClassifier`: ``HashingVectorizer`` and a sparse product).
Sentences come from CheckThat! 2024 train in ../shared (realistic lengths); when
it is absent, from our own news fixture, repeated. Prints the best of
``--repeat`` runs (the machine may be shared) and the median.

Then the cost a draft check pays: in fresh processes, with everything else already imported,
the first run of the hedging and claims families (and genre) on a three-sentence draft:
compiling patterns, loading models, and scoring (target, issue 17: <= 10 ms each). The
plain-Python small-batch path is also timed on its own (sentences/s in batches of 3).
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

from rules.claims.scorer import DEFAULT_MODEL_PATH, load_scorer_file  # noqa: E402

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
        scorer = load_scorer_file(args.model)
        loads.append(time.perf_counter() - t0)
    size = Path(args.model).stat().st_size
    print(f"model {args.model}: {size / 1e6:.2f} MB, "
          f"{int((scorer.coef_ != 0).sum())} non-zero coefficients")
    print(f"load: best {min(loads) * 1000:.0f} ms, median {statistics.median(loads) * 1000:.0f} ms"
          " (target: well under 1 s)")

    texts, source = sentences(args.n)
    words = sum(len(t.split()) for t in texts)
    print(f"predict: {len(texts)} {source}, {words / len(texts):.1f} words each")
    from rules.claims.model import load_model_file  # scikit-learn, for the comparison only

    paths = {"ClaimScorer (audit, numpy)": scorer,
             "ClaimClassifier (scikit-learn)": load_model_file(args.model)}
    runs: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(args.repeat):  # alternating, so that both see the same machine load
        for name, model in paths.items():
            t0 = time.process_time()
            model.predict_proba(texts)
            runs[name].append(time.process_time() - t0)
    for name, times in runs.items():
        best, med = min(times), statistics.median(times)
        print(f"  {name}: best {len(texts) / best:,.0f} sentences/s ({words / best:,.0f} "
              f"words/s), median {len(texts) / med:,.0f} sentences/s")
    print("  (CPU time of this process; target: >= 20,000 sentences/s per core)")
    t0 = time.process_time()
    small = texts[:6000]
    for i in range(0, len(small), 3):
        scorer.probabilities(small[i : i + 3])
    took = time.process_time() - t0
    print(f"  ClaimScorer plain-Python path, batches of 3: {len(small) / took:,.0f} sentences/s")
    first_runs(args.repeat * 2 + 1)
    return 0


FIRST_RUN = """
import sys, time
import rules
from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
doc = document_from_text(DRAFT, path="draft.md")
a = Analysis(doc=doc, config=Config(), rules=rules.RULES)
out = {}
for family in rules.FAMILIES:
    t = time.perf_counter()
    family.run(a)
    out[family.name] = time.perf_counter() - t
print(out["genre"], out["hedging"], out["claims"], "numpy" in sys.modules)
"""
DRAFT = ("# Heat\n\nHospital admissions rose 40 percent in the first week of July. Experts "
         "say the city may need more cooling centres. The council will meet on Monday, "
         "according to its agenda.\n")


def first_runs(n: int) -> None:
    """Median first-run time of genre, hedging and claims on a draft, in fresh processes."""
    import subprocess

    code = FIRST_RUN.replace("DRAFT", repr(DRAFT))
    rows = []
    for _ in range(n):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=Path(__file__).resolve().parents[1]).stdout
        rows.append([float(x) for x in out.split()[:3]])
    med = [statistics.median(col) * 1000 for col in zip(*rows, strict=True)]
    print(f"first run on a 3-sentence draft, fresh process, median of {n}: genre {med[0]:.1f} "
          f"ms, hedging {med[1]:.1f} ms, claims {med[2]:.1f} ms (target <= 10 ms each)")


if __name__ == "__main__":
    raise SystemExit(main())
