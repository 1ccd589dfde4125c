"""Train the attribution sentence gate on PolNeAR ``train`` (one command, fixed seed).

    python -m training.train_attribution_sentences [--out rules/attribution/sentence_gate.json]

What is learned (every choice on ``train``; ``dev`` is only scored at the end, for the card):

1. a logistic regression (scikit-learn, liblinear, L2) over the hashed binary sentence
   features of ``rules.attribution.sentence_gate.sentence_codes``: does a sentence hold
   attributed content? Its C is chosen by 5-fold cross-validation grouped by article
   (log loss) on the 85% of train articles used for fitting;
2. the gate's two thresholds (the sentence probability and the weaker tagger cue it lets
   in), chosen end to end on the other 15% of train articles, with a cue tagger and a gate
   both fitted on the 85% only: the best sentence-level F1 whose precision is not below
   the *precision floor* (the held-out precision of the same gate with the thresholds
   shipped before the second stage, ``BEFORE``: the extractor must not lose precision);
   then, on the same articles, the third threshold (``alone_threshold``: a sentence whose
   weak cue yields no relation still counts as attributed, as a source-less
   ``sentence_only`` relation that is never an information source): the best sentence F1
   at or above the floor (or none);
3. the second stage (``SentenceGate.free_sentences``): a logistic regression over a few
   dense features (``STACK_FEATURES``: the gate's and the tagger's probabilities, quotation
   and neighbour context) of the sentences the first stage leaves uncovered, fitted on the
   held-out 15% (where both models' outputs are out of sample); its C and log-odds
   threshold by 5-fold CV grouped by article there: the best sentence F1 at or above the
   floor (none when nothing keeps it); with ``--stack-objective tool``, the best sentence
   F1 *of the tool's output* (``evaluation.attribution.tool_attributed``: the tool does not
   count actors and weak actions as attributed, as the extraction layer does) at or above
   ``TOOL_PRECISION_FLOOR`` (measured and not shipped: see there);
4. the gate is refitted on all train articles and written as plain JSON (hashed rows and
   milli-weights, packed) with its model card: cross-validated figures on train, the
   held-out train figures with and without the gate, and the PolNeAR ``dev`` figures with
   and without the gate, side by side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

from checker.core.datafiles import with_envelope
from checker.text.loader import document_from_text
from evaluation.attribution import _chars, _norm, _pred_rels, evaluate, tool_attributed
from evaluation.polnear import ROOT, Article, load_split
from rules.attribution.doc import TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.lexicon import get_lexicon
from rules.attribution.sentence_gate import (
    GATE_FORMAT,
    GATE_FORMAT_VERSION,
    GATE_PATH,
    STACK_FEATURES,
    SentenceGate,
    WordMemo,
    feature_rows,
    pack_gate_weights,
    sentence_codes,
)
from rules.attribution.tagger import CueTagger, load_cue_tagger
from training.train_attribution import SEED, TAGGER_BITS, _sentences, fit_tagger, tagger_data

BITS = 20
C_GRID = (0.03, 0.1, 0.3)
GATE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
CUE_THRESHOLDS = (0.15, 0.25, 0.35, 0.45, 0.55)
# (gate threshold, cue threshold, alone threshold) shipped before the second stage: their
# held-out precision is the floor that every choice keeps
BEFORE = (0.9, 0.15, 0.9)
ALONE_THRESHOLDS = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
STACK_C = (0.1, 1.0, 10.0)
STACK_THRESHOLDS = tuple(np.round(np.arange(-1.0, 3.01, 0.25), 2))
# ``--stack-objective tool``: the second stage, which only adds sentences that the tool's
# output then marks attributed (with no source named), chosen on the tool's output
# (``tool_attributed``) at this precision or above, instead of on the extraction layer at
# the first stage's floor (where actors and weak actions already count as attributed, so
# the floor leaves the stage little to add). Measured 2026-12-02 and not shipped: PolNeAR
# dev tool output P/R/F1 0.963/0.725/0.827 -> 0.951/0.755/0.841, but the sentences it adds
# are mostly PolNeAR's actions, plans and polls, which the real-news labels count as
# unsourced claims: unsourced-claim R 0.92 -> 0.89 (all 32), 0.83 -> 0.74 (pnlab tuning set)
TOOL_PRECISION_FLOOR = 0.95
PRUNE = 0.02  # weights below this (absolute) are not saved
MIN_COUNT = 3  # feature rows seen in fewer training sentences are left out


def sentence_data(articles: list[Article]) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """Hashed binary sentence features, labels (1: overlaps gold content) and article ids."""
    lex = get_lexicon()
    memo = WordMemo()
    rows: list[int] = []
    cols: list[int] = []
    y: list[int] = []
    groups: list[int] = []
    for ai, art in enumerate(articles):
        sents = _sentences(art)
        d = TokenDoc(art.text, sents, lex)
        gold = _chars([p for g in art.attributions for p in _norm(art.text, g.content)])
        for si, (a, b) in enumerate(sents):
            if d.sent_tok[si][1] - d.sent_tok[si][0] < 1:
                continue
            for col in feature_rows(sentence_codes(d, si, memo), BITS):
                rows.append(len(y))
                cols.append(col)
            y.append(int(any(i in gold for i in range(a, b))))
            groups.append(ai)
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(y), 1 << BITS))
    m.sum_duplicates()
    m.data[:] = 1.0
    rare = np.flatnonzero(np.bincount(m.indices, minlength=1 << BITS) < MIN_COUNT)
    m = m.tocsc()
    for c in rare[np.diff(m.indptr)[rare] > 0]:
        m.data[m.indptr[c]:m.indptr[c + 1]] = 0.0
    m = m.tocsr()
    m.eliminate_zeros()
    return m, np.asarray(y), np.asarray(groups)


def _fit(m: sp.csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=500)
    return clf.fit(m, y)


def choose_c(m: sp.csr_matrix, y: np.ndarray, groups: np.ndarray) -> tuple[float, dict]:
    """C with the lowest 5-fold grouped cross-validated log loss; its CV figures."""
    best: tuple[float, float, dict] = (np.inf, C_GRID[0], {})
    for c in C_GRID:
        p = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(m, y, groups):
            p[te] = _fit(m[tr], y[tr], c).predict_proba(m[te])[:, 1]
        loss = log_loss(y, p)
        pred = p >= 0.5
        tp = int((pred & (y == 1)).sum())
        figs = {"C": c, "log_loss": round(loss, 4), "auc": round(roc_auc_score(y, p), 4),
                "precision@0.5": round(tp / max(int(pred.sum()), 1), 4),
                "recall@0.5": round(tp / max(int((y == 1).sum()), 1), 4)}
        print(f"  C={c}: {figs}")
        if loss < best[0]:
            best = (loss, c, figs)
    return best[1], best[2]


def gate_of(clf: LogisticRegression, threshold: float, cue_threshold: float,
            alone_threshold: float | None = None,
            stack: list[float] | None = None, stack_threshold: float = 0.0) -> SentenceGate:
    """The plain-Python gate of a fitted classifier (weights rounded as when written)."""
    coef = clf.coef_[0]
    nz = np.flatnonzero(np.abs(coef) >= PRUNE)
    return SentenceGate(bits=BITS, weights={int(i): round(float(coef[i]) * 1000) for i in nz},
                        bias=round(float(clf.intercept_[0]), 5), threshold=threshold,
                        cue_threshold=cue_threshold, alone_threshold=alone_threshold,
                        stack=stack, stack_threshold=stack_threshold)


def _figures(res: dict[str, float]) -> dict[str, float]:
    keys = ("sentence_p", "sentence_r", "sentence_f1", "attribution_f1", "source_exact_f1",
            "cue_exact_f1")
    return {k: round(res[k], 4) for k in keys}


def choose_thresholds(hold: list[Article], tagger: CueTagger, clf: LogisticRegression,
                      floor: float) -> tuple[float, float, dict, dict]:
    """(gate threshold, cue threshold, held-out figures without and with the gate): the
    best sentence F1 whose precision is ``floor`` or more."""
    base = evaluate(hold, model=tagger, gate=None)
    print(f"  no gate: {_figures(base)}")
    best: tuple[float, float, float, dict] = (-1.0, 1.0, 1.0, base)
    for th in GATE_THRESHOLDS:
        for cue in CUE_THRESHOLDS:
            if cue >= tagger.threshold:
                continue
            res = evaluate(hold, model=tagger, gate=gate_of(clf, th, cue))
            ok = res["sentence_p"] >= floor
            print(f"  gate {th} cue {cue}: {_figures(res)}{'' if ok else ' (precision lost)'}")
            if ok and res["sentence_f1"] > best[0]:
                best = (res["sentence_f1"], th, cue, res)
    return best[1], best[2], _figures(base), _figures(best[3])


def choose_alone(hold: list[Article], tagger: CueTagger, clf: LogisticRegression, th: float,
                 cue: float, floor: float) -> tuple[float | None, dict]:
    """The alone threshold (None: none) and the held-out figures with it: the best
    sentence F1 whose precision is ``floor`` or more."""
    best: tuple[float, float | None, dict] = (-1.0, None, {})
    for alone in (None, *ALONE_THRESHOLDS):
        res = evaluate(hold, model=tagger, gate=gate_of(clf, th, cue, alone))
        ok = res["sentence_p"] >= floor
        print(f"  alone {alone}: {_figures(res)}{'' if ok else ' (precision lost)'}")
        if ok and res["sentence_f1"] > best[0]:
            best = (res["sentence_f1"], alone, res)
    return best[1], _figures(best[2])


def stack_data(hold: list[Article], tagger: CueTagger, gate: SentenceGate
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, PRFCounts, PRFCounts]:
    """The second stage's data on ``hold``: the features (``STACK_FEATURES``) of every
    sentence that the extractor with ``gate`` (no second stage) leaves uncovered, their
    labels (overlaps gold content), their article ids, whether the tool's output already
    marks them attributed (``evaluation.attribution.tool_attributed``), and the sentence
    counts (tp, predicted, gold) before the second stage of the extraction layer, as
    ``evaluate`` counts them, and of the tool's output."""
    lex = get_lexicon()
    x: list[list[float]] = []
    y: list[int] = []
    groups: list[int] = []
    shown: list[int] = []
    tp = n_pred = n_gold = 0
    t_tp = t_pred = 0
    for ai, art in enumerate(hold):
        text = art.text
        doc = document_from_text(text, path=f"{art.name}.txt", fmt="text")
        sents = [(s.start, s.end) for s in doc.sentences]
        found, _ = extract(text, sents, model=tagger, gate=gate)
        gold = _chars([p for g in art.attributions for p in _norm(text, g.content)])
        pred = _chars([p for r in _pred_rels(text, found, False) for p in r.content])
        d = TokenDoc(text, sents, lex)
        proba = tagger.token_proba(d)
        covered = d.covered_sentences(found)
        tool = tool_attributed(sents, found)
        for si, (a, b) in enumerate(sents):
            g = any(i in gold for i in range(a, b))
            p = any(i in pred for i in range(a, b))
            tp += g and p
            n_pred += p
            n_gold += g
            t_tp += g and tool[si]
            t_pred += tool[si]
            ta, tb = d.sent_tok[si]
            if tb - ta < 4 or si in covered:
                continue
            x.append(gate.stack_features(d, si, covered, proba))
            y.append(int(g))
            groups.append(ai)
            shown.append(int(tool[si]))
    return (np.asarray(x), np.asarray(y), np.asarray(groups), np.asarray(shown, dtype=bool),
            (tp, n_pred, n_gold), (t_tp, t_pred, n_gold))


PRFCounts = tuple[int, int, int]


def _prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def choose_stack(x: np.ndarray, y: np.ndarray, groups: np.ndarray, base: PRFCounts,
                 min_precision: float, shown: np.ndarray | None = None
                 ) -> tuple[float | None, float, dict]:
    """C and log-odds threshold of the second stage by 5-fold CV grouped by article on the
    held-out train articles: the best sentence F1 (the ``base`` counts plus the sentences
    the stage adds, out of fold; with ``shown``, the sentences already counted as
    predicted there add nothing) whose precision stays at ``min_precision`` or above.
    (None, 0, figures) when no threshold keeps the precision."""
    tp0, pred0, gold0 = base
    new = np.ones(len(y), dtype=bool) if shown is None else ~shown
    best: tuple[float, float | None, float, dict] = (_prf(*base)[2], None, 0.0, {})
    for c in STACK_C:
        z = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
            clf = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
            z[te] = clf.fit(x[tr], y[tr]).decision_function(x[te])
        for th in STACK_THRESHOLDS:
            sel = (z >= th) & new
            added, right = int(sel.sum()), int(y[sel].sum())
            p, r, f = _prf(tp0 + right, pred0 + added, gold0)
            ok = p >= min_precision
            if ok and f > best[0]:
                best = (f, c, float(th), {"C": c, "threshold": float(th), "sentence_p": round(p, 4),
                                   "sentence_r": round(r, 4), "sentence_f1": round(f, 4),
                                   "added": added, "added_right": right})
    print(f"  second stage: {best[3] or 'none keeps the precision'}")
    return best[1], best[2], best[3]


def fit_stack(x: np.ndarray, y: np.ndarray, c: float) -> list[float]:
    """The second stage's weights (``STACK_FEATURES`` order), fitted on all of ``x``."""
    clf = LogisticRegression(C=c, max_iter=2000, fit_intercept=False).fit(x, y)
    return [round(float(v), 5) for v in clf.coef_[0]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="train the attribution sentence gate")
    ap.add_argument("--out", default=str(GATE_PATH))
    ap.add_argument("--stack-objective", choices=("extraction", "tool"), default="extraction",
                    help="choose the second stage on the extraction layer at the first "
                         "stage's precision floor (shipped) or on the tool's output at "
                         f"{TOOL_PRECISION_FLOOR} (see TOOL_PRECISION_FLOOR)")
    args = ap.parse_args(argv)
    random.seed(SEED)
    arts = load_split("train")
    order = list(range(len(arts)))
    random.Random(SEED).shuffle(order)
    n_hold = len(arts) * 15 // 100
    hold = [arts[i] for i in sorted(order[:n_hold])]
    fit_part = [arts[i] for i in sorted(order[n_hold:])]
    shipped = load_cue_tagger()
    if shipped is None:
        raise SystemExit("no cue tagger: train it first (training.train_attribution)")

    print(f"sentence features of {len(fit_part)} train articles (85%)")
    m, y, groups = sentence_data(fit_part)
    c, cv = choose_c(m, y, groups)
    clf = _fit(m, y, c)
    print("cue tagger on the same 85% (for choosing the thresholds)")
    feats, labels = tagger_data(fit_part, shipped.extra_cues)
    w, bias, _ = fit_tagger(feats, labels)
    tagger85 = CueTagger(bits=TAGGER_BITS, weights=np.round(w, 3), bias=bias,
                         threshold=shipped.threshold, extra_cues=shipped.extra_cues)
    # (the floor is that precision to four digits, as the card prints it)
    hold_before = _figures(evaluate(hold, model=tagger85, gate=gate_of(clf, *BEFORE)))
    floor = hold_before["sentence_p"]
    print(f"precision floor {floor} (thresholds {BEFORE}): {hold_before}")
    th, cue, hold_base, hold_gate = choose_thresholds(hold, tagger85, clf, floor)
    print(f"chosen: gate threshold {th}, cue threshold {cue}")
    alone, hold_alone = choose_alone(hold, tagger85, clf, th, cue, floor)
    print(f"chosen: alone threshold {alone}")
    gate85 = gate_of(clf, th, cue, alone)
    sx, sy, sg, shown, base, tool_base = stack_data(hold, tagger85, gate85)
    print(f"second stage: {len(sy)} uncovered held-out sentences, {int(sy.sum())} attributed;"
          f" tool output before it (P, R, F1) {_prf(*tool_base)}")
    on_tool = args.stack_objective == "tool"
    if on_tool:
        stack_c, stack_th, stack_cv = choose_stack(sx, sy, sg, tool_base,
                                                   TOOL_PRECISION_FLOOR, shown)
    else:
        stack_c, stack_th, stack_cv = choose_stack(sx, sy, sg, base, floor)
    stack = fit_stack(sx, sy, stack_c) if stack_c is not None else None
    hold_stack = _figures(evaluate(hold, model=tagger85, gate=gate_of(
        clf, th, cue, alone, stack, stack_th))) if stack is not None else hold_alone

    m, y, _ = sentence_data(arts)
    final = _fit(m, y, c)
    gate = gate_of(final, th, cue, alone, stack, stack_th)
    dev = load_split("dev")
    dev_base = _figures(evaluate(dev, model=True, gate=None))
    dev_gate = _figures(evaluate(dev, model=True, gate=replace_gate(gate, None)))
    dev_alone = _figures(evaluate(dev, model=True, gate=replace_gate(gate, alone)))
    dev_stack = _figures(evaluate(dev, model=True, gate=gate))
    idx = sorted(gate.weights)
    out = {
        "model": "sentence gate: logistic regression over hashed binary sentence features",
        "features": "rules.attribution.sentence_gate.sentence_codes (top bits of 64-bit codes)",
        "bits": BITS,
        **pack_gate_weights(idx, [gate.weights[i] for i in idx]),
        "bias": gate.bias,
        "threshold": th,
        "cue_threshold": cue,
        "alone_threshold": alone,
        "stack": None if stack is None else {
            "weights": dict(zip(STACK_FEATURES, stack, strict=True)), "threshold": stack_th},
        "training": {
            "data": f"PolNeAR train ({len(arts)} articles), {ROOT.name}, one annotator per "
                    "article (alphabetically first); label: the sentence overlaps gold content",
            "sentences": int(len(y)),
            "positives": int(y.sum()),
            "date": dt.date.today().isoformat(),
            "seed": SEED,
            "params": {"C": c, "solver": "liblinear", "bits": BITS, "prune": PRUNE,
                       "min_count": MIN_COUNT},
            "cv_train_85": {"note": "5-fold CV grouped by article on 85% of train; gate "
                                    "probability >= 0.5 as the decision", **cv},
            "heldout_train_15": {
                "note": "end to end on 15% of train, tagger and gate fitted on the other "
                        "85%; thresholds chosen here: best sentence F1 whose precision is "
                        "not below the floor, the precision with the thresholds shipped "
                        f"before ({BEFORE})",
                "precision_floor": floor, "before": hold_before,
                "without_gate": hold_base, "with_gate": hold_gate,
                "with_gate_and_alone": hold_alone,
                "with_second_stage": hold_stack,
                "second_stage_cv": {
                    "note": "the second stage (logistic regression over STACK_FEATURES of "
                            "the sentences the first stage leaves uncovered) is fitted here, "
                            "its C and threshold chosen by 5-fold CV grouped by article on "
                            "these articles: " + (
                                "the best sentence F1 of the tool's output (evaluation."
                                "attribution.tool_attributed) whose precision is not below "
                                f"{TOOL_PRECISION_FLOOR} (figures below: the tool's output)"
                                if on_tool else "the best sentence F1 whose precision is not "
                                "below the precision floor") + "; 'with_second_stage' is "
                            "in-sample for it",
                    "objective": args.stack_objective,
                    "uncovered_sentences": int(len(sy)), "attributed": int(sy.sum()),
                    "tool_before": dict(zip(("sentence_p", "sentence_r", "sentence_f1"),
                                            (round(v, 4) for v in _prf(*tool_base)),
                                            strict=True)),
                    **stack_cv},
                "alone_note": "alone threshold chosen here after the other two: best "
                              "sentence F1 with precision not below the floor"},
            "dev": {"note": "PolNeAR dev end to end with the shipped tagger, scored after "
                            "every choice was made (never used to choose)",
                    "without_gate": dev_base, "with_gate": dev_gate,
                    "with_gate_and_alone": dev_alone,
                    "with_second_stage": dev_stack},
        },
    }
    out = with_envelope(GATE_FORMAT, out, GATE_FORMAT_VERSION)
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(idx)} weights; dev {dev_base} -> {dev_gate} -> {dev_alone}"
          f" -> {dev_stack}")
    return 0


def replace_gate(gate: SentenceGate, alone: float | None) -> SentenceGate:
    """A copy of ``gate`` with the alone threshold ``alone`` and no second stage (the
    evaluation must not share the loader's cache)."""
    return SentenceGate(gate.bits, dict(gate.weights), gate.bias, gate.threshold,
                        gate.cue_threshold, alone)


if __name__ == "__main__":
    raise SystemExit(main())
