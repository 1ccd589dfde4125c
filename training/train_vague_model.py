"""Train the sentence-level vague-attribution decision (``rules/attribution/vague_model.json``).

    python training/train_vague_model.py --webset DIR [--write]

Data: the real-news dev **tune** half (``evaluation.realnews.split_of``; the held-out half is
never read here) and a labelled web set in the same format (``--webset``, one outlet per
excerpt). Each excerpt is audited in-process with the rules alone; per body sentence the
features of ``rules.attribution.vague_model`` are read, and the sentence is vague when a
gold sentence it covers (the scorer's overlap rule) is labelled vague. Skip and borderline
gold sentences are not scored, as in ``score.py``.

Everything is chosen by cross-validation grouped by excerpt (5 folds, 3 shuffles): the
feature set, C and the threshold, by vague F1 pooled over all folds. The rules are scored
on the same folds, and both are reported separately on the web-set excerpts and on the tune
excerpts. ``--write`` refits the chosen setting on everything and writes the JSON weights
with those figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.core.config import Config  # noqa: E402
from checker.core.datafiles import with_envelope  # noqa: E402
from checker.pipeline import run_rules  # noqa: E402
from checker.text.loader import load_document  # noqa: E402
from evaluation.realnews import DEV, locate, overlap, split_of  # noqa: E402
from rules.attribution import vague_model  # noqa: E402

OUT = REPO / "rules" / "attribution" / "vague_model.json"
FEATURES = vague_model.FEATURES
# "replace": the findings follow the model; "add": the rule's findings stay and the model
# adds sentences the rule missed
MODES = ("replace", "add")
GROUPS = {  # feature subsets compared by CV
    "all": FEATURES,
    "no_regex": tuple(f for f in FEATURES if f not in (
        "adverb", "it_passive", "people_passive", "group_verb")),
    "rule_and_sources": tuple(f for f in FEATURES if f.startswith(("rule_", "src_", "rel"))),
}



def excerpt_rows(txt: Path, gold: dict[str, Any]) -> dict[str, Any]:
    """One excerpt: per body sentence its features, whether the rule flags it, whether a
    finding span exists; per scored gold sentence its label and the body sentences it hits."""
    seen: list[Any] = []

    def capture(text, body, found, lex, rule, make, quotes=(),  # type: ignore[no-untyped-def]
                model=None):
        seen.append(vague_model.sentence_features(text, body, found, lex, rule, quotes))
        seen.append({f.sentence for f in rule})
        seen.append([b for b in body])
        return rule

    real = vague_model.apply
    vague_model.apply = capture  # type: ignore[assignment]
    try:
        doc = load_document(txt)
        run_rules(doc, Config())
    finally:
        vague_model.apply = real  # type: ignore[assignment]
    rows, flagged, body = seen if seen else ({}, set(), [])
    text = txt.read_text(encoding="utf-8")
    if doc.text != text:
        raise SystemExit(f"{txt}: document text differs from the file")
    sents = []
    for k in (b[2] for b in body):
        feats, span = rows.get(k, ({}, None))
        sents.append((k, [feats.get(n, 0.0) for n in FEATURES], k in flagged,
                      span is not None or k in flagged))
    index = {k: i for i, (k, *_rest) in enumerate(sents)}
    spans = {b[2]: (b[0], b[1]) for b in body}
    golds = []
    for s, sp in zip(gold["sentences"], locate(text, gold["sentences"]), strict=True):
        if sp is None or s["label"] in ("borderline", "skip"):
            continue
        length = sp[1] - sp[0]
        hit = [index[k] for k, t in spans.items()
               if overlap(t, sp) >= 0.5 * min(length, max(1, t[1] - t[0]))]
        golds.append((bool(s.get("vague")), hit))
    return {"sents": sents, "golds": golds}


def load(webset: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(group, part, rows) per excerpt: part ``web`` or ``tune``."""
    out = []
    for part, folder, keep in (("tune", DEV, lambda s: split_of(s) == "tune"),
                               ("web", webset, lambda s: True)):
        for label in sorted(folder.glob("*.json")):
            if not keep(label.stem):
                continue
            gold = json.loads(label.read_text(encoding="utf-8"))
            out.append((f"{part}:{label.stem}", part, excerpt_rows(label.with_suffix(".txt"),
                                                                   gold)))
    return out


def _matrix(excerpts: list[Any], cols: list[int]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for _, _, ex in excerpts:
        labels = [False] * len(ex["sents"])
        for vague, hit in ex["golds"]:
            for i in hit:
                labels[i] = labels[i] or vague
        for (_, feats, _, _), y in zip(ex["sents"], labels, strict=True):
            xs.append([feats[c] for c in cols])
            ys.append(int(y))
    return np.array(xs, dtype=float).reshape(-1, len(cols)), np.array(ys)


def _count(ex: dict[str, Any], pred: list[bool], c: dict[str, int]) -> None:
    for vague, hit in ex["golds"]:
        p = any(pred[i] for i in hit)
        c["tp"] += vague and p
        c["fp"] += (not vague) and p
        c["fn"] += vague and not p


def f1(c: dict[str, int]) -> float:
    return 2 * c["tp"] / max(1, 2 * c["tp"] + c["fp"] + c["fn"])


def cross_validate(excerpts: list[Any], cols: list[int], C: float, thresholds: list[float],
                   seeds: int = 3) -> dict[str, Any]:
    """Pooled counts per threshold and part, and for the rules, over grouped folds."""
    model_c = {(t, m, p): {"tp": 0, "fp": 0, "fn": 0} for t in thresholds for m in MODES
               for p in ("web", "tune")}
    rule_c = {p: {"tp": 0, "fp": 0, "fn": 0} for p in ("web", "tune")}
    groups = [g for g, _, _ in excerpts]
    for seed in range(seeds):
        folds = GroupKFold(n_splits=5, shuffle=True, random_state=seed)
        for train_i, test_i in folds.split(groups, groups=groups):
            x, y = _matrix([excerpts[i] for i in train_i], cols)
            clf = LogisticRegression(C=C, max_iter=2000).fit(x, y)
            for i in test_i:
                _, part, ex = excerpts[i]
                _count(ex, [s[2] for s in ex["sents"]], rule_c[part])
                xt = np.array([[s[1][c] for c in cols] for s in ex["sents"]],
                              dtype=float).reshape(-1, len(cols))
                prob = clf.predict_proba(xt)[:, 1] if len(xt) else np.array([])
                for t in thresholds:
                    pred = [bool(pr >= t) and s[3] for pr, s in zip(prob, ex["sents"],
                                                                    strict=True)]
                    _count(ex, pred, model_c[(t, "replace", part)])
                    pred = [p or s[2] for p, s in zip(pred, ex["sents"], strict=True)]
                    _count(ex, pred, model_c[(t, "add", part)])
    return {"model": model_c, "rule": rule_c}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--webset", type=Path, required=True,
                        help="a labelled folder in the real-news format, one outlet per excerpt")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    # no model while reading features: the rules' own findings
    vague_model.load_model.cache_clear()
    excerpts = load(args.webset)
    thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
    best: tuple[float, str, float, float, str, dict[str, Any]] | None = None
    for name, feats in GROUPS.items():
        cols = [FEATURES.index(f) for f in feats]
        for C in (0.1, 0.3, 1.0, 3.0, 10.0):
            cv = cross_validate(excerpts, cols, C, thresholds)
            for t in thresholds:
                for mode in MODES:
                    pooled = {k: cv["model"][(t, mode, "web")][k]
                              + cv["model"][(t, mode, "tune")][k] for k in ("tp", "fp", "fn")}
                    score = f1(pooled)
                    print(f"{name:17} C={C:<4} t={t:.2f} {mode:7} pooled F1 {score:.3f} web "
                          f"{f1(cv['model'][(t, mode, 'web')]):.3f} tune "
                          f"{f1(cv['model'][(t, mode, 'tune')]):.3f}", file=sys.stderr)
                    # ties go to the higher threshold (fewer findings added), then to
                    # the stronger regularisation (the smaller C)
                    if best is None or (round(score, 4), t, -C) > (round(best[0], 4),
                                                                    best[3], -best[2]):
                        best = (score, name, C, t, mode, cv)
    assert best is not None
    score, name, C, t, mode, cv = best
    figures = {
        "features": name, "C": C, "threshold": t, "mode": mode,
        "cv": "GroupKFold(5) by excerpt, 3 shuffles, counts pooled",
        "cv_model_web": cv["model"][(t, mode, "web")],
        "cv_model_tune": cv["model"][(t, mode, "tune")],
        "cv_rule_web": cv["rule"]["web"], "cv_rule_tune": cv["rule"]["tune"],
    }
    for key in ("cv_model_web", "cv_model_tune", "cv_rule_web", "cv_rule_tune"):
        figures[key + "_f1"] = round(f1(figures[key]), 3)
    print(json.dumps(figures, indent=1))
    web_gain = figures["cv_model_web_f1"] - figures["cv_rule_web_f1"]
    tune_loss = figures["cv_rule_tune_f1"] - figures["cv_model_tune_f1"]
    adopt = web_gain > 0 and tune_loss <= 0.02
    print(f"web-set folds gain {web_gain:+.3f}, tune folds loss {tune_loss:+.3f}: "
          f"{'adopt' if adopt else 'do not adopt'}")
    if args.write:
        cols = [FEATURES.index(f) for f in GROUPS[name]]
        x, y = _matrix(excerpts, cols)
        clf = LogisticRegression(C=C, max_iter=2000).fit(x, y)
        weights = dict.fromkeys(FEATURES, 0.0)
        for c, w in zip(cols, clf.coef_[0], strict=True):
            weights[FEATURES[c]] = round(float(w), 6)
        model = {"features": list(FEATURES), "weights": weights,
                 "bias": round(float(clf.intercept_[0]), 6), "threshold": t, "mode": mode,
                 "trained_on": {"tune_excerpts": sum(p == "tune" for _, p, _ in excerpts),
                                "web_excerpts": sum(p == "web" for _, p, _ in excerpts),
                                "sentences": int(len(y)), "vague": int(y.sum())},
                 "metrics": figures, "adopted": adopt}
        OUT.write_text(json.dumps(with_envelope(vague_model.MODEL_FORMAT, model), indent=1)
                       + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
