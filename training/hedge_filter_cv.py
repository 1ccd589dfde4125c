"""Would a learned filter on the author-hedge findings (HDG001) beat the rules? A CV study.

    python training/hedge_filter_cv.py --webset DIR

Data as for ``train_vague_model.py``: the real-news dev tune half and a labelled web set in
the same format. Each excerpt is audited in-process; every HDG001 finding is one example:
positive when it covers one of its gold sentence's hedge cues, negative when its gold
sentence has no hedge cue (a wrongly hedged sentence), left out otherwise. Features: the
cue's category and head word class, a first- or second-person subject just before it, "if"
in the sentence, the sentence model's uncertainty probability. A logistic regression keeps
or drops each finding; C and threshold are chosen by 5-fold CV grouped by excerpt
(3 shuffles). Printed per part (web set, tune): sentences wrongly hedged and hedge cues
found, rules vs model, on the same folds. Nothing is written: the study decides whether a
model is worth shipping.
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
from checker.pipeline import run_rules  # noqa: E402
from checker.text.loader import load_document  # noqa: E402
from evaluation.realnews import DEV, split_of  # noqa: E402
from training.train_vague_model import _locate, _overlap  # noqa: E402

HEADS = {
    "ability": {"can", "could", "would", "able"},
    "possibility": {"may", "might", "perhaps", "possibly", "maybe"},
    "seem": {"seem", "seems", "seemed", "appear", "appears", "appeared", "apparently"},
    "belief": {"believe", "think", "feel", "suppose", "guess", "suspect", "assume"},
    "likely": {"likely", "probably", "unlikely", "presumably"},
}
FEATURES = ["cat_epistemic", "cat_weasel", "cat_reportative", *[f"head_{h}" for h in HEADS],
            "first_person", "second_person", "if", "uncertainty"]


def _features(text: str, sent: tuple[int, int], cue: Any, p: float) -> list[float]:
    words = text[cue.start:cue.end].lower().split()
    before = text[max(sent[0], cue.start - 25):cue.start].lower().split()[-3:]
    sentence = text[sent[0]:sent[1]].lower().split()
    f = {f"cat_{cue.category}": 1.0, "uncertainty": p}
    for name, heads in HEADS.items():
        if words and words[0].strip(".,") in heads:
            f[f"head_{name}"] = 1.0
    f["first_person"] = float(any(w in ("i", "we") for w in before))
    f["second_person"] = float("you" in before)
    f["if"] = float("if" in sentence)
    return [f.get(n, 0.0) for n in FEATURES]


def excerpt(txt: Path, gold: dict[str, Any]) -> list[tuple[int, list[float], int]]:
    """(gold sentence number, features, label) per HDG001 finding; label -1: not scored.
    Gold sentences without a finding are returned with label -2 when they have cues."""
    an = run_rules(load_document(txt), Config())
    text = an.doc.text
    spans = {s.index: (s.start, s.end) for s in an.doc.sentences}
    cues = {(h.start, h.end): h for h in an.hedges}
    out = []
    golds = list(zip(gold["sentences"], _locate(text, gold["sentences"]), strict=True))
    for f in an.findings:
        if f.rule != "hedging" or f.sentence is None:
            continue
        cue = cues.get((f.start, f.end))
        if cue is None:
            continue
        for j, (g, sp) in enumerate(golds):
            if sp is None or g["label"] in ("skip", "borderline") or _overlap(sp, (f.start,
                                                                                 f.end)) == 0:
                continue
            gc = g.get("hedges") or []
            hit = False
            for c in gc:
                k = g["text"].lower().find(c.lower())
                cs = (sp[0] + k, sp[0] + k + len(c)) if k >= 0 else sp
                hit = hit or _overlap(cs, (f.start, f.end)) > 0
            label = 1 if hit else (0 if not gc else -1)
            out.append((j, _features(text, spans[f.sentence], cue,
                                     float(an.uncertainty[f.sentence] or 0.0)), label))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--webset", type=Path, required=True)
    args = parser.parse_args(argv)
    data = []
    for part, folder, keep in (("tune", DEV, lambda s: split_of(s) == "tune"),
                               ("web", args.webset, lambda s: True)):
        for label in sorted(folder.glob("*.json")):
            if keep(label.stem):
                gold = json.loads(label.read_text(encoding="utf-8"))
                data.append((f"{part}:{label.stem}", part,
                             excerpt(label.with_suffix(".txt"), gold)))
    groups = [g for g, _, _ in data]
    results = []
    for C in (0.1, 0.3, 1.0, 3.0):
        for t in (0.1, 0.2, 0.3, 0.4, 0.5):
            c = {p: {"fp_rule": 0, "fp_model": 0, "drop_hit": 0} for p in ("web", "tune")}
            for seed in range(3):
                for tr, te in GroupKFold(5, shuffle=True, random_state=seed).split(
                        groups, groups=groups):
                    rows = [r for i in tr for r in data[i][2] if r[2] >= 0]
                    x = np.array([r[1] for r in rows])
                    y = np.array([r[2] for r in rows])
                    clf = LogisticRegression(C=C, max_iter=2000).fit(x, y)
                    for i in te:
                        _, part, rows_i = data[i]
                        scored = [r for r in rows_i if r[2] >= 0]
                        if not scored:
                            continue
                        keep = clf.predict_proba(np.array([r[1] for r in scored]))[:, 1] >= t
                        neg = {r[0] for r in scored if r[2] == 0}
                        kept_neg = {r[0] for r, k in zip(scored, keep, strict=True)
                                    if r[2] == 0 and k}
                        c[part]["fp_rule"] += len(neg)
                        c[part]["fp_model"] += len(kept_neg)
                        c[part]["drop_hit"] += sum(1 for r, k in zip(scored, keep, strict=True)
                                                   if r[2] == 1 and not k)
            results.append((C, t, c))
            print(f"C={C} t={t}: " + "; ".join(
                f"{p}: wrongly hedged sentences {v['fp_rule']} -> {v['fp_model']}, "
                f"found cues lost {v['drop_hit']}" for p, v in c.items()))
    n = {p: sum(1 for _, q, rows in data if q == p for r in rows if r[2] == 1)
         for p in ("web", "tune")}
    print(f"found cues (HDG001) per part: {n} (x3 shuffles in the counts above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
