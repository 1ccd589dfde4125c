"""Evaluate the committed claim model: ``python -m evaluation.claims``.

Prints F1 of the positive class (at the configured default threshold 0.5),
precision, recall, ROC-AUC and average precision on

* CheckThat! 2024 English dev (../shared/data; never trained on: the trainer
  removes it by normalised text, and this script re-checks that),
* our own news-style sentences, ``tests/fixtures/claims_news.jsonl`` (written by
  the project, one reason per label),
* optionally a privately labelled sample of PolNeAR dev sentences kept outside the
  repository (``--private FILE``, default ``../claims_polnear_dev.jsonl``), since
  PolNeAR text may not be redistributed,

with the published reference point beside the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rules.claims.model import DEFAULT_MODEL_PATH, load_model_file
from rules.claims.training import binary_metrics
from training.train_claims import (
    CT24_DEV,
    NEWS_FIXTURE,
    REPO,
    Example,
    normalise,
    read_ct24,
    read_news_fixture,
    training_set,
)

PRIVATE_DEFAULT = REPO.parent / "claims_polnear_dev.jsonl"
REFERENCE = "CheckThat! 2024 English check-worthiness winner (an LLM, test set): F1 about 0.80"


def _read_jsonl(path: Path) -> list[Example]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(Example(r["text"], int(r["label"]), path.stem))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate the claim model.")
    ap.add_argument("--model", default=str(DEFAULT_MODEL_PATH))
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--private", type=Path, default=PRIVATE_DEFAULT,
                    help="labelled PolNeAR dev sample kept outside the repo (JSONL)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    model = load_model_file(args.model)
    load_s = time.perf_counter() - t0
    meta = getattr(model, "metadata_", {})
    print(f"model: {args.model} (loaded in {load_s * 1000:.0f} ms; trained "
          f"{meta.get('trained', '?')}, seed {meta.get('seed', '?')})")

    sets: list[tuple[str, list[Example]]] = []
    if CT24_DEV.is_file():
        dev = read_ct24(CT24_DEV)
        train, _ = training_set()
        overlap = {normalise(e.text) for e in train} & {normalise(e.text) for e in dev}
        if overlap:
            print(f"ERROR: {len(overlap)} dev sentences are in the training data", file=sys.stderr)
            return 1
        sets.append(("CheckThat! 2024 en dev (held out)", dev))
    else:
        print(f"skipped CheckThat! 2024 dev: {CT24_DEV} not found (../shared absent)")
    sets.append((f"news, own-written ({NEWS_FIXTURE.name})", read_news_fixture()))
    if args.private.is_file():
        sets.append((f"news, PolNeAR dev sample ({args.private.name}, private)",
                     _read_jsonl(args.private)))
    else:
        print(f"skipped private PolNeAR sample: {args.private} not found")

    header = f"{'dataset':<60} {'n':>5} {'pos':>4} {'F1':>6} {'P':>6} {'R':>6} {'AUC':>6} {'AP':>6}"
    print()
    print(header)
    print("-" * len(header))
    for name, examples in sets:
        prob = model.predict_proba([e.text for e in examples])[:, 1]
        m = binary_metrics([e.label for e in examples], prob, args.threshold)
        print(f"{name:<60} {m['n']:>5} {m['positives']:>4} {m['f1']:>6.3f} "
              f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['roc_auc']:>6.3f} "
              f"{m['average_precision']:>6.3f}")
    cv = meta.get("metrics", {}).get("cv5_train")
    if cv:
        print(f"{'5-fold CV on training data (from model JSON)':<60} {cv['n']:>5} "
              f"{cv['positives']:>4} {cv['f1']:>6.3f} {cv['precision']:>6.3f} "
              f"{cv['recall']:>6.3f} {cv['roc_auc']:>6.3f} {cv['average_precision']:>6.3f}")
    print()
    print(f"threshold {args.threshold}; F1/P/R of the positive class (check-worthy claim)")
    print(f"reference: {REFERENCE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
