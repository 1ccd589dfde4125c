"""Choose the news ``claim_threshold`` by cross-validation of the whole tool on the tune half.

    .venv/bin/python -m training.claim_threshold
    .venv/bin/python -m training.claim_threshold --no-record --models /tmp/folds --detail 0.4

``--detail T`` lists the tune half's out-of-fold misses and false hits at threshold ``T``:
errors of a model that never saw the excerpt (the in-sample tune errors of the shipped model
hide most of the model's own mistakes). ``--models DIR`` keeps the fold models, so a change
of the context rules is re-measured in a minute (a kept model's name carries a fingerprint of
its parameters, training data and model code: after a change of any, the fold is refitted);
``--no-record`` leaves the model file alone.

The claim model is trained on the tune half of the real-news dev labels, so its probabilities
for those sentences are in-sample: a threshold chosen on them would be too low. Here every
tune excerpt is audited (``checker audit``, default configuration otherwise) with a model
that never saw it: the 4 folds by excerpt of :mod:`training.cross_source`, each fold's model
fitted on all debates plus the other folds' news plus the own-written sentences (the
shipped recipe, weights and parameters from ``rules/claims/model.json``). Each audit runs
at threshold 0; a threshold ``t`` then keeps the unsourced-claim findings of sentences
with ``claim_prob >= t`` (exactly what the rule would report at ``t``), and the real-news
``score.py`` scores the out-of-fold report against the tune half. The threshold with the
best unsourced-claim F1 wins (ties: the higher threshold). The held-out half is not read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rules.claims.model import DEFAULT_MODEL_PATH, ClaimClassifier, load_model_file
from training.claim_sources import REALNEWS_DEV, debate_and_news, own_news, realnews_split
from training.cross_source import SEED, _news_split
from training.train_claims import training_rows

SCORER = REALNEWS_DEV.parent / "score.py"
THRESHOLDS = tuple(float(t) for t in np.round(np.arange(0.20, 0.701, 0.05), 2))
_FIGURES = re.compile(r"unsourced-claim P=([\d.]+) R=([\d.]+) F1=([\d.]+)")


# The code that fits a claim model: a change to it makes a kept fold model stale too.
_MODEL_CODE = tuple(Path(__file__).resolve().parents[1] / "rules" / "claims" / name
                    for name in ("model.py", "scorer.py", "fitting.py", "murmur.py"))


def fold_model_name(k: int, params: dict, texts: Sequence[str], y: np.ndarray,
                    weights: np.ndarray) -> str:
    """The file name of fold ``k``'s model: ``model{k}-{fingerprint}.json``, where the
    fingerprint is a SHA-256 of everything the fit depends on (the parameters, the seed, the
    training texts, labels and weights, and the model code). A model kept in ``--models``
    is reused only when all of these are unchanged; after any change the fold is refitted
    under a new name, never read stale."""
    h = hashlib.sha256()
    h.update(json.dumps({"params": params, "seed": SEED}, sort_keys=True,
                        default=repr).encode("utf-8"))
    for text in texts:
        h.update(text.encode("utf-8"))
        h.update(b"\0")
    h.update(np.ascontiguousarray(y, dtype=np.int64).tobytes())
    h.update(np.ascontiguousarray(weights, dtype=np.float64).tobytes())
    for path in _MODEL_CODE:
        h.update(path.read_bytes())
    return f"model{k}-{h.hexdigest()[:16]}.json"


def _fold_records(tmp: Path, models: Path | None = None) -> list[dict]:
    """Audit records of every tune excerpt, each scored by a model that never saw it.

    ``models``: a folder that keeps the fold models between runs (a fold model found there
    with the same parameters, training data and model code is reused, so a change of the
    context rules is measured without refitting; see :func:`fold_model_name`)."""
    shipped = load_model_file(DEFAULT_MODEL_PATH)
    params = {k: v for k, v in shipped.get_params().items() if k != "random_state"}
    weight = float(shipped.metadata_["training_data"]["news_weight"])
    own_weight = float(shipped.metadata_["training_data"].get("own_weight", 0.0))
    debates, news, _ = debate_and_news()
    own = own_news(debates, news)
    records: list[dict] = []
    for k, (tr, te) in enumerate(_news_split([e.article for e in news])):
        texts, y, w = training_rows(debates, [news[i] for i in tr], own, weight, own_weight)
        saved = (models or tmp) / fold_model_name(k, params, texts, y, w)
        if models is None or not saved.is_file():
            if models is not None:
                models.mkdir(parents=True, exist_ok=True)
                print(f"fold {k}: fitting {saved.name} (none kept with these parameters, "
                      "data and code)", flush=True)
            model = ClaimClassifier(random_state=SEED, **params).fit(texts, y, sample_weight=w)
            model.save(saved)
        else:
            print(f"fold {k}: reusing {saved}", flush=True)
        folder = tmp / f"fold{k}"
        folder.mkdir()
        for article in sorted({news[i].article for i in te}):
            shutil.copy(REALNEWS_DEV / f"{article}.txt", folder)
        config = tmp / f"fold{k}.toml"
        config.write_text(f'[tool.checker]\nclaim_model = "{saved}"\n'
                          "claim_threshold = 0.0\n", encoding="utf-8")
        cmd = [sys.executable, "-m", "checker", "audit", str(folder), "--out",
               str(tmp / f"out{k}"), "--format", "json", "--config", str(config), "--quiet"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise SystemExit(f"checker audit failed ({done.returncode}):\n{done.stderr}")
        lines = (tmp / f"out{k}" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        records += [json.loads(line) for line in lines if line.strip()]
        print(f"fold {k}: {len(te)} news sentences held out", flush=True)
    return records


def _at(records: list[dict], threshold: float) -> list[dict]:
    """The records with the unsourced-claim findings a threshold would not report removed."""
    out = []
    for r in records:
        prob = {s["index"]: s.get("claim_prob") for s in r["sentences"]}
        keep = [f for f in r["findings"] if f["rule"] != "unsourced-claim"
                or (prob.get(f["sentence"]) or 0.0) >= threshold]
        out.append({**r, "findings": keep})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--detail", type=float, default=None, metavar="T",
                        help="also list the tune half's out-of-fold misses and false hits at "
                             "threshold T (the model never saw the excerpt it audits)")
    parser.add_argument("--no-record", action="store_true",
                        help="do not write the chosen threshold into the model file")
    parser.add_argument("--models", type=Path, default=None, metavar="DIR",
                        help="keep the fold models in DIR and reuse those found there")
    args = parser.parse_args(argv)
    if not SCORER.is_file():
        print(f"real-news dev set not found: {SCORER}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        records = _fold_records(tmp, args.models)
        gold = tmp / "gold"
        gold.mkdir()
        for label in sorted(REALNEWS_DEV.glob("*.json")):
            if realnews_split(label.stem) == "tune":
                for path in (label, label.with_suffix(".txt")):
                    os.symlink(path, gold / path.name)
        rows = []
        for t in THRESHOLDS:
            report = tmp / f"report-{t}.json"
            report.write_text(json.dumps({"articles": _at(records, t)}), encoding="utf-8")
            out = subprocess.run([sys.executable, str(SCORER), str(report), str(gold)],
                                 capture_output=True, text=True, check=True).stdout
            m = _FIGURES.search(out)
            if not m:
                raise SystemExit(f"unexpected score.py output:\n{out}")
            p, r, f1 = (float(x) for x in m.groups())
            rows.append({"threshold": t, "precision": p, "recall": r, "f1": f1})
            print(f"  threshold {t:.2f}: unsourced-claim P {p:.2f} R {r:.2f} F1 {f1:.2f}")
        if args.detail is not None:
            report = tmp / "report-detail.json"
            report.write_text(json.dumps({"articles": _at(records, args.detail)}),
                              encoding="utf-8")
            print(subprocess.run([sys.executable, str(SCORER), str(report), str(gold),
                                  "--detail"], capture_output=True, text=True,
                                 check=True).stdout)
    best = max(rows, key=lambda r: (r["f1"], r["threshold"]))
    print(json.dumps({"tool_threshold_sweep": rows, "chosen": best["threshold"]}))
    if not args.no_record:
        record(best["threshold"], rows)
    return 0


def record(threshold: float, rows: list[dict], path: Path = DEFAULT_MODEL_PATH) -> None:
    """Write the chosen news threshold and the sweep into the model file's metadata, with
    the ``*_at_news_threshold`` figures re-read from the training sweeps at that threshold
    (the default ``claim_threshold`` in rules/claims/__init__.py must then equal it; a test
    checks)."""
    from training.train_claims import at_news_threshold

    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data["metadata"]
    meta["sentence_threshold"] = meta.get("sentence_threshold", meta.get("news_threshold"))
    meta["news_threshold"] = threshold
    meta["selection"]["tool_threshold_sweep"] = rows
    meta["selection"]["threshold_method"] = (
        "python -m training.claim_threshold: unsourced-claim F1 of the whole tool on the "
        "real-news tune half, each excerpt audited with a fold model that never saw it")
    sweeps = meta["selection"].get("threshold_sweeps")
    if sweeps:
        at_news_threshold(meta["metrics"], sweeps, threshold)
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
