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


def training_set(clef_negatives: bool = False, extra_exclude: list[Path] | None = None,
                 include_news_labels: bool = True) -> tuple[list[Example], dict[str, object]]:
    """De-duplicated training examples with the evaluation sets removed (with
    ``include_news_labels``, also the 200 PolNeAR train sentences of an earlier model)."""
    banned = eval_keys(extra_exclude)
    sources = [
        read_ct24(CT24_TRAIN),
        read_claimbuster(),
        read_clef2019(positives_only=not clef_negatives),
    ]
    if include_news_labels:
        sources.append(read_polnear_labels())
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


# The grid (``--select``), scored by cross-source validation (training/cross_source.py):
# word bigrams and the cue tokens were settled by earlier grids on the debates (bigrams beat
# trigrams, cues helped at every C); the shape cues were chosen (on) by the previous grid.
# Here C, the weight of the general (cue and shape) features against the word n-grams,
# class balancing and the news weight are chosen, by the mean of four cross-source F1s.
# A first run of this grid (interrupted for time, November 2026) scored general weight 1
# and 4 without class balancing and general weight 1 with it: every unbalanced point was
# below every balanced one (criterion 0.670-0.679 against 0.724-0.732; news -> debates F1
# 0.40-0.42 against 0.50-0.51), so the rerun keeps balancing on and scores weights 4 and 8
# (the model card lists the rows of both runs). The news weight was chosen (100, the
# largest tried) by the previous grid.
GRID_C = (1.0, 4.0)
GRID_SHAPES = (True,)
GRID_GENERAL_WEIGHTS = (4, 8)
GRID_CLASS_WEIGHTS: tuple[str | None, ...] = ("balanced",)
GRID_NEWS_WEIGHTS = (100.0,)
# Weight of the own-written news-style sentences (training/data/own_news_claims.tsv; 0: not
# used). C, general weight, balancing and news weight fixed at the previous choice.
GRID_OWN_WEIGHTS = (0.0, 30.0, 100.0)
# What --select chose last (so that a plain run reproduces the committed model).
CHOSEN: dict[str, object] = {"C": 4.0, "shapes": True, "general_weight": 8,
                             "class_weight": "balanced"}
CHOSEN_NEWS_WEIGHT = 100.0
CHOSEN_OWN_WEIGHT = 30.0


def _selection(args: argparse.Namespace, debates: list[Example], news: list,
               own: list[Example]) -> tuple[dict[str, object], float, float,
                                            list[dict[str, object]]]:
    """``(estimator params, news weight, own weight, grid rows)``: chosen by the grid or
    the defaults."""
    from training.cross_source import select

    params: dict[str, object] = {"ngram_max": 2, "cues": True, "split_questions": True,
                                 **CHOSEN}
    if not args.select:
        return params, CHOSEN_NEWS_WEIGHT, CHOSEN_OWN_WEIGHT, []
    best, rows = select([e.text for e in debates], np.array([e.label for e in debates]),
                        [e.text for e in news], np.array([e.label for e in news]),
                        [e.article for e in news], GRID_C, GRID_SHAPES, GRID_NEWS_WEIGHTS,
                        GRID_GENERAL_WEIGHTS, GRID_CLASS_WEIGHTS,
                        ([e.text for e in own], np.array([e.label for e in own])),
                        GRID_OWN_WEIGHTS)
    params.update(C=best["C"], shapes=best["shapes"], general_weight=best["general_weight"],
                  class_weight=best["class_weight"])
    return params, float(best["news_weight"]), float(best["own_weight"]), rows


def training_rows(debates: list[Example], news: list, own: list[Example], news_weight: float,
                  own_weight: float) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, labels and sample weights of the shipped recipe's training set: the debates
    (weight 1), the real-news tune half (``news_weight``) and, with ``own_weight > 0``, the
    own-written sentences (``own_weight``)."""
    own = own if own_weight > 0 else []
    rows = [*debates, *news, *own]
    weights = [1.0] * len(debates) + [news_weight] * len(news) + [own_weight] * len(own)
    return [e.text for e in rows], np.array([e.label for e in rows]), np.array(weights)


def _evaluate(params: dict[str, object], news_weight: float, own_weight: float,
              debates: list[Example], news: list, own: list[Example]
              ) -> tuple[dict[str, object], dict[str, object]]:
    """Cross-source figures, 5-fold CV on CT24 train (the shipped recipe: news and own
    sentences in every training fold), and the thresholds per use: news (sentence level, on
    out-of-fold news probabilities; ``training/claim_threshold.py`` then replaces it by the
    whole tool's choice) and transcript (on the CT24 train folds, with its nested figure)."""
    from sklearn.model_selection import StratifiedKFold

    from training.cross_source import (
        news_threshold,
        report,
        threshold_sweep,
        transcript_threshold,
    )

    dt_, dy = [e.text for e in debates], np.array([e.label for e in debates])
    nt, ny = [e.text for e in news], np.array([e.label for e in news])
    extra = ([e.text for e in own], np.array([e.label for e in own]), own_weight)
    metrics, news_prob = report(params, news_weight, dt_, dy, nt, ny,
                                [e.article for e in news], extra if own_weight > 0 else None)
    threshold, sweep = news_threshold(ny, news_prob)
    texts, labels, weights = training_rows(debates, news, own, news_weight, own_weight)
    model = ClaimClassifier(random_state=SEED, **params)  # type: ignore[arg-type]
    cv, prob = cross_validate(model, texts, labels, folds=5, seed=SEED, sample_weight=weights)
    ct24 = np.zeros(len(labels), dtype=bool)
    ct24[: len(debates)] = [e.source == CT24_TRAIN.stem for e in debates]
    # the CT24 sentences of each CV fold (the same folds as cross_validate's), renumbered
    position = np.cumsum(ct24) - 1
    folds = [position[te[ct24[te]]] for _, te in StratifiedKFold(
        5, shuffle=True, random_state=SEED).split(np.zeros(len(labels)), labels)]
    y24, p24 = labels[ct24], prob[ct24]
    transcript, nested = transcript_threshold(y24, p24, folds)
    metrics["cv5_train"] = cv
    metrics["cv5_ct24_train"] = binary_metrics(y24, p24)
    metrics["cv5_ct24_train_at_transcript_threshold"] = binary_metrics(y24, p24, transcript)
    metrics["cv5_ct24_train_transcript_threshold_nested"] = nested
    sweeps = {"cv5_ct24_train": threshold_sweep(y24, p24),
              "news_cv": threshold_sweep(ny, news_prob)}
    thresholds = {"news_threshold": threshold, "sentence_threshold": threshold,
                  "transcript_threshold": transcript, "sweep": sweep, "sweeps": sweeps}
    at_news_threshold(metrics, sweeps, threshold)
    return metrics, thresholds


def at_news_threshold(metrics: dict[str, object], sweeps: dict[str, list[dict[str, object]]],
                      threshold: float) -> None:
    """Set ``cv5_ct24_train_at_news_threshold`` and ``news_cv_at_news_threshold`` to the
    swept figures at ``threshold`` (the news threshold the tool uses by default)."""
    for name, rows in sweeps.items():
        row = next((r for r in rows if abs(float(r["threshold"]) - threshold) < 1e-9), None)  # type: ignore[arg-type]
        if row is None:
            raise ValueError(f"news threshold {threshold} is not in the {name} sweep")
        metrics[f"{name}_at_news_threshold"] = {k: v for k, v in row.items()
                                               if k != "threshold"}


def main(argv: list[str] | None = None) -> int:
    from training.claim_sources import OWN_NEWS, OWN_SOURCE, debate_and_news, own_news

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(DEFAULT_MODEL_PATH))
    ap.add_argument("--select", action="store_true",
                    help="choose C, shape cues and news weight by cross-source validation")
    args = ap.parse_args(argv)
    if not CT24_TRAIN.is_file():
        print(f"training data not found under {CHECKWORTHY}", file=sys.stderr)
        return 2
    debates, news, stats = debate_and_news()
    if not news:
        print("real-news dev labels not found under ../shared/data/realnews", file=sys.stderr)
        return 2
    print(f"debate sentences: {len(debates)}; news sentences (real-news tune half): "
          f"{len(news)} ({sum(e.label for e in news)} claims)")
    own = own_news(debates, news)
    stats[OWN_SOURCE] = {"kept": len(own), "positives": sum(e.label for e in own)}
    params, news_weight, own_weight, grid = _selection(args, debates, news, own)
    metrics, th = _evaluate(params, news_weight, own_weight, debates, news, own)
    for name in ("debates_to_news", "news_to_debates", "news_and_own_to_debates", "news_cv",
                 "cv5_ct24_train", "cv5_ct24_train_transcript_threshold_nested"):
        if name not in metrics:
            continue
        print(f"  {name}: F1 {metrics[name]['f1']:.3f}")  # type: ignore[index]
    print(f"chosen {params}, news weight {news_weight}, own weight {own_weight}, "
          "news threshold (sentence level) "
          f"{th['news_threshold']}, transcript threshold {th['transcript_threshold']}")
    texts, labels, weights = training_rows(debates, news, own, news_weight, own_weight)
    t0 = time.perf_counter()
    model = ClaimClassifier(random_state=SEED, **params)  # type: ignore[arg-type]
    model.fit(texts, labels, sample_weight=weights)
    meta = {
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": SEED,
        "command": "python -m training.train_claims" + (" --select" if args.select else ""),
        "news_threshold": th["news_threshold"],
        "sentence_threshold": th["sentence_threshold"],
        "transcript_threshold": th["transcript_threshold"],
        "training_data": {
            "sources": stats, "sentences": len(texts), "positives": int(labels.sum()),
            "news_weight": news_weight,
            "own_weight": own_weight,
            "own": f"{OWN_NEWS.relative_to(REPO)}: news-style sentences written by the "
            "project (not from any article or data set), labelled by the real-news guide; "
            "extra training rows of every training set of the recipe, never scored",
            "news": "real-news dev, tune half only (crc32(id) % 2 == 0): sourced/unsourced = "
            "claim, not_claim = not; borderline and skip lines left out; the held-out half "
            "is never read",
            "excluded": "CheckThat! 2024 English dev and tests/fixtures/claims_news.jsonl, by "
            "normalised text",
            "deduplication": "normalised text (lower case, alphanumerics) before any split; "
            "first label wins in the order CT24 train > ClaimBuster 2.5xNCS > CLEF2019 positives",
        },
        "selection": {"method": "grid scored by the mean of news CV F1 (4 folds by excerpt, "
                      "debates + other folds' news in training) and debate 5-fold CV F1",
                      "grid": grid, "threshold_sweep": th["sweep"],
                      "threshold_sweeps": th["sweeps"],
                      "transcript_threshold_method": "best F1 of the 5-fold CV "
                      "probabilities of the CheckThat! 2024 train sentences (news in every "
                      "training fold); nested figure: each fold scored at the threshold "
                      "chosen on the other four"},
        "metrics": metrics,
        "fit_seconds": round(time.perf_counter() - t0, 1),
    }
    model.save(args.out, meta)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
