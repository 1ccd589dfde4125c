"""Train the attribution cue model on PolNeAR ``train`` (one command, fixed seed).

    python -m training.train_attribution [--out rules/models/attribution_cues.json]

What is learned (everything from ``train``; ``dev`` is never read here):

1. ``extra_cues``: verb forms that PolNeAR annotators mark as cues often enough
   (>= ``MIN_COUNT`` times and in >= ``MIN_RATE`` of their occurrences) but that our
   hand-written lexicon lacks. Stored as form -> "learned".
2. a logistic regression (scikit-learn, lbfgs, L2) that decides whether a cue
   candidate (lexicon form, learned form, "according to", colon) is an attribution
   cue in context, over the sparse context features of
   ``rules.attribution.cue_features``. Saved as plain JSON: feature -> weight, bias.
3. the decision threshold, chosen on a held-out 15% of the train articles by the
   end-to-end attribution-level F1 (model fitted on the other 85%), then the model is
   refitted on all train articles.

The JSON records the training data, date, seed, parameters and the held-out metrics.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from checker.segment import segment_text
from evaluation.attribution import evaluate
from evaluation.polnear import ROOT, Article, load_split
from rules import attribution as att

SEED = 13
MIN_COUNT = 5
MIN_RATE = 0.35
C = 0.5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def _sentences(art: Article) -> list[tuple[int, int]]:
    doc = segment_text(art.text, path=f"{art.name}.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


def learn_extra_cues(articles: list[Article], lex: att.Lexicon) -> dict[str, str]:
    """Single-word cue forms frequent and reliable in gold but absent from the lexicon."""
    as_cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for art in articles:
        toks = att.tokenize(art.text)
        cue_starts = set()
        for g in art.attributions:
            for a, b in g.cue:
                words = [t for t in att.tokenize(art.text[a:b]) if t.text[:1].isalpha()]
                if words:
                    last = words[-1]
                    cue_starts.add(a + last.start)
        for t in toks:
            if not t.text[:1].isalpha():
                continue
            total[t.low] += 1
            if t.start in cue_starts:
                as_cue[t.low] += 1
    extra = {}
    for w, n in as_cue.items():
        if w in lex.cue_forms or n < MIN_COUNT or len(w) < 3:
            continue
        if n / total[w] >= MIN_RATE:
            extra[w] = "learned"
    return dict(sorted(extra.items()))


def candidates(
    articles: list[Article], model: att.CueModel
) -> tuple[list[dict[str, int]], list[int]]:
    """Feature dicts and labels (1 = inside a gold cue) for every cue candidate."""
    lex = att.get_lexicon()
    X: list[dict[str, int]] = []
    y: list[int] = []
    for art in articles:
        d = att._Doc(art.text, _sentences(art), lex)
        gold = sorted(p for g in art.attributions for p in g.cue)
        for ci, cj, _kind in att._cue_candidates(d, model):
            a, b = d.toks[ci].start, d.toks[cj].end
            label = int(any(ga < b and a < gb for ga, gb in gold))
            X.append(dict.fromkeys(att.cue_features(d.toks, ci, cj), 1))
            y.append(label)
    return X, y


def fit(X: list[dict[str, int]], y: list[int]) -> tuple[dict[str, float], float]:
    vec = DictVectorizer()
    M = vec.fit_transform(X)
    clf = LogisticRegression(C=C, solver="lbfgs", random_state=SEED, max_iter=2000)
    clf.fit(M, np.asarray(y))
    names = vec.get_feature_names_out()
    coef = clf.coef_[0]
    weights = {str(n): round(float(w), 5) for n, w in zip(names, coef, strict=True)
               if abs(w) >= 0.01}
    return weights, float(clf.intercept_[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="train the PolNeAR attribution cue model")
    ap.add_argument("--out", default=str(att.MODEL_PATH))
    args = ap.parse_args(argv)
    random.seed(SEED)
    arts = load_split("train")
    lex = att.get_lexicon()
    extra = learn_extra_cues(arts, lex)
    print(f"learned {len(extra)} extra cue forms")
    base = att.CueModel(weights={}, bias=0.0, threshold=0.0, extra_cues=extra)

    order = list(range(len(arts)))
    random.Random(SEED).shuffle(order)
    n_hold = len(arts) * 15 // 100
    hold = [arts[i] for i in sorted(order[:n_hold])]
    fit_part = [arts[i] for i in sorted(order[n_hold:])]

    X, y = candidates(fit_part, base)
    print(f"held-out tuning: {len(X)} candidates, {sum(y)} positive")
    weights, bias = fit(X, y)
    best = (-1.0, 0.5, {})
    for th in THRESHOLDS:
        m = att.CueModel(weights=weights, bias=bias, threshold=th, extra_cues=extra)
        res = evaluate(hold, model=m)
        print(f"  threshold {th:.2f}: attribution F1 {res['attribution_f1']:.3f} "
              f"cue F1 {res['cue_exact_f1']:.3f} sentence F1 {res['sentence_f1']:.3f}")
        if res["attribution_f1"] > best[0]:
            best = (res["attribution_f1"], th, res)
    threshold = best[1]

    X, y = candidates(arts, base)
    weights, bias = fit(X, y)
    out = {
        "model": "logistic regression over cue-candidate context features",
        "features": "rules.attribution.cue_features (binary)",
        "weights": weights,
        "bias": round(bias, 5),
        "threshold": threshold,
        "extra_cues": extra,
        "training": {
            "data": f"PolNeAR train ({len(arts)} articles), {ROOT.name} @ c3eee83, "
                    "one annotator per article (alphabetically first)",
            "candidates": len(X),
            "positives": int(sum(y)),
            "date": dt.date.today().isoformat(),
            "seed": SEED,
            "params": {"C": C, "solver": "lbfgs", "min_count": MIN_COUNT,
                       "min_rate": MIN_RATE},
            "heldout": {
                "articles": len(hold),
                "note": "15% of train, model fitted on the other 85%; threshold picked here",
                "metrics": {k: round(v, 4) for k, v in best[2].items()
                            if isinstance(v, float)},
            },
        },
    }
    Path(args.out).write_text(json.dumps(out, indent=1, sort_keys=False) + "\n",
                              encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, threshold {threshold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
