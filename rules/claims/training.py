"""Training the claim model on labelled sentences: ``checker train-claims``, CV and metrics.

``train_claims_main`` is the ``checker train-claims`` command: a newsroom retrains the
claim model (:class:`rules.claims.model.ClaimClassifier`) on its own labelled CSV and
points ``[tool.checker] claim_model`` at the JSON file it writes. :func:`cross_validate`
and :func:`binary_metrics` are shared with ``training/train_claims.py`` and
``evaluation/claims.py``. Nothing here runs during an audit.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

from rules.claims.model import ClaimClassifier


# -- metrics ---------------------------------------------------------------------
def binary_metrics(y_true: Sequence[int], prob: Sequence[float], threshold: float = 0.5
                   ) -> dict[str, float]:
    """F1/precision/recall of the positive class, ROC-AUC and average precision."""
    from sklearn.metrics import (
        average_precision_score,
        f1_score,
        precision_score,
        recall_score,
        roc_auc_score,
    )

    y = np.asarray(y_true).astype(int)
    p = np.asarray(prob, dtype=float)
    pred = (p >= threshold).astype(int)
    both = len(set(y.tolist())) == 2
    return {
        "n": int(len(y)),
        "positives": int(y.sum()),
        "f1": float(f1_score(y, pred, zero_division=0)),
        "precision": float(precision_score(y, pred, zero_division=0)),
        "recall": float(recall_score(y, pred, zero_division=0)),
        "roc_auc": float(roc_auc_score(y, p)) if both else math.nan,
        "average_precision": float(average_precision_score(y, p)) if both else math.nan,
    }


# -- `checker train-claims` ------------------------------------------------------
_TRUE = {"1", "yes", "y", "true", "t", "claim", "positive", "pos"}
_FALSE = {"0", "no", "n", "false", "f", "not", "none", "negative", "neg", "nonclaim", ""}


def _parse_label(value: str, line: int) -> int:
    v = value.strip().lower()
    if v in _TRUE:
        return 1
    if v in _FALSE:
        return 0
    raise ValueError(f"line {line}: label {value!r} is not one of 1/0, yes/no, true/false")


def read_labelled_csv(path: str | Path, text_column: str, label_column: str
                      ) -> tuple[list[str], list[int]]:
    """Read (text, label) pairs from a CSV (or TSV, by extension) file."""
    p = Path(path)
    delimiter = "\t" if p.suffix.lower() in {".tsv", ".tab"} else ","
    texts: list[str] = []
    labels: list[int] = []
    with open(p, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        cols = reader.fieldnames or []
        for col in (text_column, label_column):
            if col not in cols:
                raise ValueError(f"{p}: no column {col!r} (columns: {', '.join(cols)})")
        for i, row in enumerate(reader, start=2):
            text = (row[text_column] or "").strip()
            if not text:
                continue
            texts.append(text)
            labels.append(_parse_label(row[label_column] or "", i))
    return texts, labels


def cross_validate(model: ClaimClassifier, texts: Sequence[str], labels: Sequence[int],
                   folds: int = 5, seed: int = 0,
                   sample_weight: Sequence[float] | np.ndarray | None = None
                   ) -> tuple[dict[str, float], np.ndarray]:
    """Out-of-fold probabilities and (unweighted) metrics for ``model``'s parameters."""
    from sklearn.base import clone

    y = np.asarray(labels).astype(int)
    t = np.asarray(texts, dtype=object)
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    prob = np.zeros(len(y))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(t, y):
        m = clone(model).fit(t[tr].tolist(), y[tr], sample_weight=sw[tr])
        prob[te] = m.predict_proba(t[te].tolist())[:, 1]
    return binary_metrics(y, prob), prob


def train_claims_main(argv: list[str]) -> int:
    """``checker train-claims``: fit a claim model on a labelled CSV and save it as JSON."""
    ap = argparse.ArgumentParser(
        prog="checker train-claims",
        description="Train a check-worthy claim model on your own labelled sentences and "
        "write it as plain JSON; point [tool.checker] claim_model at the file to use it.",
    )
    ap.add_argument("--data", required=True, help="CSV (or .tsv) with one sentence per row")
    ap.add_argument("--text-column", default="text")
    ap.add_argument("--label-column", default="label", help="1/0, yes/no or true/false")
    ap.add_argument("--out", required=True, help="where to write the model JSON")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--C", type=float, default=ClaimClassifier().C,
                    help="inverse regularisation strength (default %(default)s)")
    ap.add_argument("--cv", type=int, default=5,
                    help="cross-validation folds for the recorded metrics (0 = skip)")
    args = ap.parse_args(argv)
    try:
        texts, labels = read_labelled_csv(args.data, args.text_column, args.label_column)
    except (OSError, ValueError) as exc:
        print(f"checker train-claims: {exc}", file=sys.stderr)
        return 2
    n_pos = sum(labels)
    folds = max(2, min(5, n_pos, len(labels) - n_pos))
    if n_pos < 2 or len(labels) - n_pos < 2:
        print("checker train-claims: need at least 2 positive and 2 negative rows",
              file=sys.stderr)
        return 2
    model = ClaimClassifier(C=args.C, random_state=args.seed, calibration_folds=folds)
    t0 = time.perf_counter()
    metrics: dict[str, Any] = {}
    if args.cv:
        cv_metrics, _ = cross_validate(model, texts, labels, folds=min(args.cv, folds),
                                       seed=args.seed)
        metrics[f"cv{min(args.cv, folds)}_train"] = cv_metrics
    model.fit(texts, labels)
    meta = {
        "trained": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": args.seed,
        "training_data": [{"file": str(args.data), "rows": len(labels), "positives": n_pos,
                           "text_column": args.text_column,
                           "label_column": args.label_column}],
        "metrics": metrics,
        "command": "checker train-claims " + " ".join(argv),
        "fit_seconds": round(time.perf_counter() - t0, 2),
    }
    model.save(args.out, meta)
    line = f"wrote {args.out}: {len(labels)} sentences, {n_pos} positive"
    if metrics:
        m = next(iter(metrics.values()))
        line += f"; cross-validated F1 {m['f1']:.3f}, ROC-AUC {m['roc_auc']:.3f}"
    print(line)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(train_claims_main(sys.argv[1:]))
