"""Train the committed check-worthiness model (rules/claims/model.json).

One command, fixed seed, reads ../shared/data::

    .venv/bin/python -m training.train_claims            # train + write the model
    .venv/bin/python -m training.train_claims --select   # also cross-validate the grid

Training data: ClaimBuster 2.5xNCS, CheckThat! 2024 English *train*, and the
positives of CheckThat! 2019 (debate sentences that fact-checkers actually
checked). The evaluation sets (CheckThat! 2024 English dev, our own news
fixture) are removed from training by normalised text, because CT24 overlaps
ClaimBuster. Duplicates inside the training data keep the first label in the
order CT24 > ClaimBuster > CLEF2019. Hyper-parameters are chosen by 5-fold
cross-validation on the training data only; the dev set is reported once, by
``python -m evaluation.claims``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rules.claims.fitting import logistic_regression
from rules.claims.model import DEFAULT_MODEL_PATH, ClaimClassifier
from rules.claims.training import binary_metrics, cross_validate

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
CHECKWORTHY = SHARED / "checkworthy"
CT24_TRAIN = CHECKWORTHY / "ct24" / "CT24_checkworthy_english_train.tsv"
CT24_DEV = CHECKWORTHY / "ct24" / "CT24_checkworthy_english_dev.tsv"
CLAIMBUSTER = CHECKWORTHY / "claimbuster" / "2.5xNCS.json"
CLEF2019 = CHECKWORTHY / "clef2019" / "training"
NEWS_FIXTURE = REPO / "tests" / "fixtures" / "claims_news.jsonl"
POLNEAR_TRAIN = SHARED / "attribution" / "polnear" / "train" / "text"
POLNEAR_LABELS = Path(__file__).resolve().parent / "data" / "polnear_train_claim_labels.tsv"
NEWS_SOURCE = "polnear_train_ours"
SEED = 0
NEWS_WEIGHTS = (1.0, 5.0, 20.0)
DEFAULT_NEWS_WEIGHT = 5.0

_NORM = re.compile(r"[^a-z0-9]+")
# CT24 train line 16877 glues two records: "...\tNo29286\tYou can't...\tNo".
_GLUED = re.compile(r"\t(Yes|No)(\d+)\t")


def normalise(text: str) -> str:
    """Key for de-duplication across datasets: lower case, alphanumerics only."""
    return _NORM.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    source: str


def read_ct24(path: Path) -> list[Example]:
    raw = path.read_text(encoding="utf-8")
    raw = _GLUED.sub(r"\t\1\n\2\t", raw)
    reader = csv.reader(io.StringIO(raw), delimiter="\t")
    header = next(reader)
    if header[:3] != ["Sentence_id", "Text", "class_label"]:
        raise ValueError(f"{path}: unexpected header {header}")
    out = []
    for row in reader:
        if len(row) != 3 or row[2] not in {"Yes", "No"}:
            raise ValueError(f"{path}: malformed row {row!r}")
        out.append(Example(row[1].strip(), int(row[2] == "Yes"), path.stem))
    return out


def read_claimbuster(path: Path = CLAIMBUSTER) -> list[Example]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [Example(r["text"].strip(), int(r["label"]), "claimbuster_2.5xNCS") for r in rows]


def read_clef2019(folder: Path = CLEF2019, positives_only: bool = True) -> list[Example]:
    out = []
    for f in sorted(folder.glob("*.tsv")):
        for line in f.read_text(encoding="utf-8").splitlines():  # CRLF-safe
            parts = line.split("\t")
            if len(parts) != 4 or parts[1] == "SYSTEM":
                continue
            label = int(parts[3].strip())
            if positives_only and not label:
                continue
            out.append(Example(parts[2].strip(), label, "clef2019"))
    return out


def read_news_fixture(path: Path = NEWS_FIXTURE) -> list[Example]:
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(Example(r["text"], int(r["label"]), "news_fixture"))
    return out


def read_polnear_labels(labels: Path = POLNEAR_LABELS, texts: Path = POLNEAR_TRAIN
                        ) -> list[Example]:
    """Our own check-worthiness labels for PolNeAR train sentences (news text).

    The label file stores file names and offsets only; the sentences are read from
    ../shared. Returns nothing when PolNeAR is absent; a changed text is an error.
    """
    import hashlib

    if not texts.is_dir() or not labels.is_file():
        return []
    out = []
    cache: dict[str, str] = {}
    rows = [ln for ln in labels.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        name = row["file"]
        if name not in cache:
            cache[name] = (texts / name).read_text(encoding="utf-8")
        sentence = cache[name][int(row["start"]) : int(row["end"])].strip()
        if hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:10] != row["sha1"]:
            raise ValueError(f"{labels}: {name} {row['start']}-{row['end']} changed under us")
        out.append(Example(sentence, int(row["label"]), NEWS_SOURCE))
    return out


def eval_keys(extra: list[Path] | None = None) -> set[str]:
    """Normalised texts that must never be trained on."""
    keys = {normalise(e.text) for e in read_ct24(CT24_DEV)}
    keys |= {normalise(e.text) for e in read_news_fixture()}
    for p in extra or []:
        if p.is_file():
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    keys.add(normalise(json.loads(line)["text"]))
    return keys


def training_set(clef_negatives: bool = False, extra_exclude: list[Path] | None = None
                 ) -> tuple[list[Example], dict[str, object]]:
    """De-duplicated training examples with the evaluation sets removed."""
    banned = eval_keys(extra_exclude)
    sources = [
        read_ct24(CT24_TRAIN),
        read_claimbuster(),
        read_clef2019(positives_only=not clef_negatives),
        read_polnear_labels(),
    ]
    seen: dict[str, int] = {}
    out: list[Example] = []
    stats: dict[str, dict[str, int]] = {}
    for examples in sources:
        for e in examples:
            s = stats.setdefault(e.source, {"read": 0, "kept": 0, "positives": 0,
                                            "dropped_eval_overlap": 0, "dropped_duplicate": 0,
                                            "label_conflicts": 0})
            s["read"] += 1
            key = normalise(e.text)
            if not key:
                continue
            if key in banned:
                s["dropped_eval_overlap"] += 1
                continue
            if key in seen:
                s["dropped_duplicate"] += 1
                if seen[key] != e.label:
                    s["label_conflicts"] += 1
                continue
            seen[key] = e.label
            out.append(e)
            s["kept"] += 1
            s["positives"] += e.label
    return out, stats


# Settled before this grid (5-fold CV, unigrams): the cue tokens help at every C
# (F1 0.626/0.646/0.638 with cues vs 0.614/0.634 without at C=1/4). Questions keep
# their own weights by design (a question is not a claim); on CV that choice is neutral
# (within 0.003 F1 either way; questions are 3 % of the training sentences).
GRID: list[dict[str, object]] = [
    {"C": c, "ngram_max": n, "cues": True, "split_questions": True}
    for n in (2, 3)
    for c in (2.0, 4.0, 8.0)
]


def _oof_probabilities(M: object, labels: np.ndarray, split: list, C: float,
                       weights: np.ndarray) -> np.ndarray:
    """Calibrated out-of-fold probabilities, as ClaimClassifier.fit would calibrate them."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    oof = np.zeros(len(labels))
    for tr, te in split:
        keep = np.bincount(M[tr].indices, minlength=M.shape[1]) >= 2  # type: ignore[index]
        Mk = sparse.csr_matrix(M @ sparse.diags(keep.astype(np.float64)))  # type: ignore[operator]
        lr = logistic_regression(C)
        oof[te] = lr.fit(Mk[tr], labels[tr], sample_weight=weights[tr]).decision_function(Mk[te])
    platt = LogisticRegression(C=1e6).fit(oof.reshape(-1, 1), labels, sample_weight=weights)
    return platt.predict_proba(oof.reshape(-1, 1))[:, 1]


def select(texts: list[str], labels: np.ndarray, news: np.ndarray, folds: int = 5
           ) -> tuple[dict[str, object], float, list[dict[str, object]]]:
    """Choose the estimator parameters and the weight of our news labels jointly, by
    5-fold CV on the training data only (one shared fold split).

    Criterion: F1 over all training sentences (out of fold), ties broken by average
    precision. The F1 on our 200 news sentences is printed and recorded too, but with
    40 news sentences per fold its standard error (about 0.04) is larger than the
    differences between settings, so it does not decide.
    """
    from sklearn.model_selection import StratifiedKFold

    from rules.claims.training import binary_metrics

    split = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(texts, labels))
    rows: list[dict[str, object]] = []
    # Vectorise once per feature setting (everything but C), then fit each C on it.
    settings: dict[str, list[dict[str, object]]] = {}
    for g in GRID:
        key = json.dumps({k: v for k, v in g.items() if k != "C"}, sort_keys=True)
        settings.setdefault(key, []).append(g)
    for key, group in settings.items():
        M = ClaimClassifier(**json.loads(key))._transform(texts)
        for grid_params in group:
            for w in NEWS_WEIGHTS if news.any() else (1.0,):
                t0 = time.perf_counter()
                prob = _oof_probabilities(M, labels, split, float(grid_params["C"]),  # type: ignore[arg-type]
                                          np.where(news, w, 1.0))
                m = binary_metrics(labels, prob)
                if news.any():
                    m["f1_debate"] = binary_metrics(labels[~news], prob[~news])["f1"]
                    m["f1_news"] = binary_metrics(labels[news], prob[news])["f1"]
                rows.append({**grid_params, "news_weight": w,
                             **{k: round(float(v), 4) for k, v in m.items()}})
                print(f"  cv {grid_params} news weight {w}: F1 {m['f1']:.4f} "
                      f"(debate {m.get('f1_debate', m['f1']):.4f}, "
                      f"news {m.get('f1_news', float('nan')):.4f}) AUC {m['roc_auc']:.4f} "
                      f"AP {m['average_precision']:.4f} ({time.perf_counter() - t0:.0f}s)",
                      flush=True)
    best = max(rows, key=lambda r: (r["f1"], r["average_precision"]))
    return {k: best[k] for k in GRID[0]}, float(best["news_weight"]), rows  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(DEFAULT_MODEL_PATH))
    ap.add_argument("--select", action="store_true",
                    help="cross-validate the parameter grid on train and keep the best F1")
    ap.add_argument("--exclude", action="append", default=[], type=Path,
                    help="extra JSONL evaluation files (with a 'text' field) to keep out")
    args = ap.parse_args(argv)
    if not CT24_TRAIN.is_file():
        print(f"training data not found under {CHECKWORTHY}", file=sys.stderr)
        return 2
    examples, stats = training_set(extra_exclude=args.exclude)
    texts = [e.text for e in examples]
    labels = np.array([e.label for e in examples])
    news = np.array([e.source == NEWS_SOURCE for e in examples])
    print(f"training sentences: {len(texts)} ({labels.sum()} positive, {news.sum()} news)")
    for name, s in stats.items():
        print(f"  {name}: {s}")
    params: dict[str, object] = {"C": 8.0, "ngram_max": 2, "cues": True,
                                 "split_questions": True}
    news_weight = DEFAULT_NEWS_WEIGHT
    selection: list[dict[str, object]] = []
    if args.select:
        params, news_weight, selection = select(texts, labels, news)
    weights = np.where(news, news_weight, 1.0)
    model = ClaimClassifier(random_state=SEED, **params)  # type: ignore[arg-type]
    cv, prob = cross_validate(model, texts, labels, folds=5, seed=SEED, sample_weight=weights)
    metrics: dict[str, object] = {"cv5_train": cv}
    if news.any():
        metrics["cv5_train_debate"] = binary_metrics(labels[~news], prob[~news])
        metrics["cv5_train_news"] = binary_metrics(labels[news], prob[news])
    print(f"chosen {params}, news weight {news_weight}: 5-fold CV on train F1 {cv['f1']:.4f} "
          f"AUC {cv['roc_auc']:.4f}")
    t0 = time.perf_counter()
    model.fit(texts, labels, sample_weight=weights)
    meta = {
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": SEED,
        "command": "python -m training.train_claims" + (" --select" if args.select else ""),
        "training_data": {
            "sources": stats,
            "sentences": len(texts),
            "positives": int(labels.sum()),
            "news_weight": news_weight,
            "excluded": "CheckThat! 2024 English dev and tests/fixtures/claims_news.jsonl "
            "(and any --exclude file), by normalised text",
            "deduplication": "normalised text (lower case, alphanumerics); first label wins in "
            "the order CT24 train > ClaimBuster 2.5xNCS > CLEF2019 positives > our PolNeAR "
            "train labels (training/data/polnear_train_claim_labels.tsv)",
        },
        "selection": {"method": "5-fold stratified CV on the training data; criterion: F1 "
                      "over all training sentences (out of fold)", "grid": selection},
        "metrics": metrics,
        "fit_seconds": round(time.perf_counter() - t0, 1),
    }
    model.save(args.out, meta)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
