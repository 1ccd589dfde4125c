"""Train the page-chrome line model (one command, fixed seed).

    python -m training.train_line_model [--web DIR ...] [--out FILE]

(default ``--out``: ``checker/text/lexicons/line_model.json``)

Data: the real-news dev set's **tune** half (``evaluation.realnews.split_of``; the held-out half
is never read here) and the labelled web working sets given with ``--web`` (default
``../tools/webtrain3`` when present), both in the real-news format (``<id>.txt`` + ``<id>.json``).

1. segment every excerpt with the chrome rules alone (the model off);
2. label each block 1 when every labelled item in it is ``skip`` (not article prose), 0 when
   any is prose (``unsourced``, ``sourced``, ``not_claim``, ``borderline``);
3. a logistic regression (scikit-learn, liblinear, L2, standardised features of
   :mod:`checker.text.line_model`) fitted on every block (what the rules said of a block is not
   one of its own features, only of its neighbours': the chrome the rules find teaches the
   model what chrome looks like); C and the threshold chosen only by cross-validation grouped
   by excerpt (one outlet per excerpt), on the blocks the rules leave as body (the only ones the
   model decides): the threshold is the lowest that loses no prose line out of fold, plus a
   margin; C the one that then catches the most chrome lines;
4. the cross-validated figures on the whole pipeline: for each fold, the excerpts held out are
   audited with the rules alone and with the fold's model, and the skip lines that carry a
   finding and the prose lines lost are counted (as ``score.py`` counts them);
5. refit on all the data with that C, write the weights as plain JSON with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from checker.core.config import Config
from checker.core.document import BODY
from checker.pipeline import run_rules
from checker.text import line_model
from checker.text.loader import load_document
from evaluation.realnews import DEV, REPO, split_of

WEB = REPO.parent / "tools" / "webtrain3"
LABELS = ("skip", "unsourced", "sourced", "not_claim", "borderline")
SEED = 13
FOLDS = 5
C_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
MARGIN = 0.02  # added to the out-of-fold prose maximum


class DataError(ValueError):
    """A labelled file that cannot be read; the message names the file and the problem."""


@dataclass
class Excerpt:
    """One labelled excerpt: its text, the labelled items' spans and labels."""

    name: str  # "<set>/<id>"
    path: Path
    text: str
    items: list[tuple[int, int, str]]


def read_excerpt(label: Path, name: str) -> Excerpt:
    """The excerpt of one ``<id>.json`` label file and its ``.txt``; DataError when malformed."""
    try:
        gold = json.loads(label.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{label}: not readable JSON ({exc})") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("sentences"), list):
        raise DataError(f"{label}: no 'sentences' list")
    txt = label.with_name(str(gold.get("file") or label.with_suffix(".txt").name))
    try:
        text = txt.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{label}: its text {txt.name} cannot be read ({exc})") from exc
    items = []
    pos = 0
    for k, s in enumerate(gold["sentences"]):
        if not isinstance(s, dict) or not isinstance(s.get("text"), str):
            raise DataError(f"{label}: sentence {k} has no 'text' string")
        if s.get("label") not in LABELS:
            raise DataError(f"{label}: sentence {k} has label {s.get('label')!r}, "
                            f"not one of {', '.join(LABELS)}")
        i = text.find(s["text"], pos)
        if i < 0:
            i = text.find(s["text"])
        if i < 0:
            continue  # unlocated, as score.py leaves it
        pos = i + len(s["text"])
        items.append((i, pos, s["label"]))
    return Excerpt(name, txt, text, items)


def read_set(folder: Path, tag: str, part: str | None = None) -> list[Excerpt]:
    """Every excerpt of ``folder`` (only the ``part`` half of the real-news split if given)."""
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder")
    out = []
    for label in sorted(folder.glob("*.json")):
        if part is not None and split_of(label.stem) != part:
            continue
        out.append(read_excerpt(label, f"{tag}/{label.stem}"))
    return out


@dataclass
class Block:
    """A labelled block, with its features and whether the model decides it (the rules left
    it as body text: :func:`checker.text.line_model.decided`)."""

    excerpt: int
    label: int
    lines: int  # labelled items in it
    row: list[float]
    body: bool


def rule_blocks(excerpts: list[Excerpt]) -> list[Block]:
    """The labelled blocks of every excerpt under the rules alone."""
    line_model.use(None)
    out = []
    for e, ex in enumerate(excerpts):
        doc = load_document(ex.path)
        spans = [(b.start, b.end) for b in doc.blocks]
        chrome = [b.region != BODY for b in doc.blocks]
        rows = line_model.features(doc.text, spans, chrome)
        decided = set(line_model.decided(doc.text, spans, chrome))
        for b in doc.blocks:
            labels = [lab for s, t, lab in ex.items if s < b.end and t > b.start]
            if not labels:
                continue
            chrome_line = all(lab == "skip" for lab in labels)
            out.append(Block(e, int(chrome_line), len(labels), rows[b.index], b.index in decided))
    return out


def fit(x: np.ndarray, y: np.ndarray, c: float
        ) -> tuple[LogisticRegression, np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit((x - mean) / scale, y)
    return clf, mean, scale


def as_model(clf: LogisticRegression, mean: np.ndarray, scale: np.ndarray, threshold: float,
             extra: dict | None = None) -> dict:
    return {"format": line_model.FORMAT, "format_version": 1, "features": list(line_model.FEATURES),
            "weights": [round(float(w), 6) for w in clf.coef_[0]],
            "intercept": round(float(clf.intercept_[0]), 6),
            "mean": [round(float(m), 6) for m in mean],
            "scale": [round(float(s), 6) for s in scale],
            "threshold": round(threshold, 4), **(extra or {})}


def out_of_fold(blocks: list[Block], c: float, folds: list[tuple[np.ndarray, np.ndarray]]
                ) -> np.ndarray:
    x = np.array([b.row for b in blocks])
    y = np.array([b.label for b in blocks])
    p = np.zeros(len(blocks))
    for train, test in folds:
        clf, mean, scale = fit(x[train], y[train], c)
        p[test] = clf.predict_proba((x[test] - mean) / scale)[:, 1]
    return p


def choose(blocks: list[Block], folds: list[tuple[np.ndarray, np.ndarray]]
           ) -> tuple[float, float, list[str]]:
    """``(C, threshold, log lines)``: per C, the lowest threshold losing no prose out of fold
    (plus ``MARGIN``), and the chrome lines it catches; the C catching most wins."""
    y = np.array([b.label for b in blocks])
    lines = np.array([b.lines for b in blocks])
    body = np.array([b.body for b in blocks])
    y, lines = y[body], lines[body]
    best: tuple[int, float, float] | None = None
    log = []
    for c in C_GRID:
        p = out_of_fold(blocks, c, folds)[body]
        threshold = min(1.0, float(p[y == 0].max()) + MARGIN)
        caught = int(lines[(y == 1) & (p >= threshold)].sum())
        log.append(f"C={c}: threshold {threshold:.3f}, chrome lines caught out of fold "
                   f"{caught}/{int(lines[y == 1].sum())}")
        if best is None or caught > best[0]:
            best = (caught, c, threshold)
    assert best is not None
    return best[1], best[2], log


def _findings_on_skip(ex: Excerpt) -> tuple[int, int, int]:
    """``(skip lines with a finding, prose lines not analysed, skip lines)`` of one excerpt
    under the model now in use."""
    doc = load_document(ex.path)
    analysis = run_rules(doc, Config())
    finds = [(f.start, f.end) for f in analysis.findings]
    body = [(s.start, s.end) for s in doc.sentences if s.region == BODY]
    skip_f = lost = skips = 0
    for s, e, lab in ex.items:
        if lab == "skip":
            skips += 1
            skip_f += any(fs < e and fe > s for fs, fe in finds)
        elif not any(bs < e and be > s for bs, be in body):
            lost += 1
    return skip_f, lost, skips


def pipeline_cv(excerpts: list[Excerpt], blocks: list[Block], c: float, threshold: float,
                folds: list[tuple[np.ndarray, np.ndarray]], tags: tuple[str, ...]
                ) -> dict[str, dict[str, list[int]]]:
    """Per set: ``[skip lines with findings, prose lines lost, skip lines]`` with the rules
    alone and with the rules and each fold's model (on the fold's held-out excerpts)."""
    x = np.array([b.row for b in blocks])
    y = np.array([b.label for b in blocks])
    ex_of = np.array([b.excerpt for b in blocks])
    out = {tag: {"rules": [0, 0, 0], "rules+model": [0, 0, 0]} for tag in tags}
    for train, test in folds:
        clf, mean, scale = fit(x[train], y[train], c)
        model = line_model.LineModel(as_model(clf, mean, scale, threshold))
        for e in sorted(set(ex_of[test].tolist())):
            ex = excerpts[e]
            tag = ex.name.split("/")[0]
            for key, m in (("rules", None), ("rules+model", model)):
                line_model.use(m)
                got = _findings_on_skip(ex)
                out[tag][key] = [a + b for a, b in zip(out[tag][key], got, strict=True)]
    line_model.use(None)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--web", type=Path, action="append",
                        help="a labelled web working set (default ../tools/webtrain3)")
    parser.add_argument("--out", type=Path, default=line_model.MODEL_PATH)
    parser.add_argument("--no-pipeline-cv", action="store_true",
                        help="skip the cross-validated audit figures (step 4)")
    args = parser.parse_args(argv)
    webs = args.web if args.web is not None else ([WEB] if WEB.is_dir() else [])
    try:
        excerpts = read_set(DEV, "realnews-tune", "tune")
        for web in webs:
            excerpts += read_set(web, web.name)
    except DataError as exc:
        raise SystemExit(f"error: {exc}") from exc
    blocks = rule_blocks(excerpts)
    groups = np.array([b.excerpt for b in blocks])
    folds = list(GroupKFold(n_splits=FOLDS).split(groups, groups=groups))
    c, threshold, log = choose(blocks, folds)
    for line in log:
        print(line)
    print(f"chosen: C={c}, threshold {threshold:.3f}")
    tags = tuple(dict.fromkeys(ex.name.split("/")[0] for ex in excerpts))
    cv = {} if args.no_pipeline_cv else pipeline_cv(excerpts, blocks, c, threshold, folds, tags)
    for tag, figs in cv.items():
        for key, (skip_f, lost, skips) in figs.items():
            print(f"CV {tag} {key}: skip lines with findings {skip_f}/{skips}, "
                  f"prose lines not analysed {lost}")
    x = np.array([b.row for b in blocks])
    y = np.array([b.label for b in blocks])
    clf, mean, scale = fit(x, y, c)
    extra = {
        "trained": dt.date.today().isoformat(),
        "data": {tag: sum(ex.name.startswith(tag + "/") for ex in excerpts) for tag in tags},
        "blocks": {"chrome": int(y.sum()), "prose": int(len(y) - y.sum()),
                   "body_chrome": sum(b.label for b in blocks if b.body),
                   "body_prose": sum(1 - b.label for b in blocks if b.body)},
        "C": c, "seed": SEED, "folds": FOLDS, "margin": MARGIN, "selection": log,
        "cv_pipeline": cv,
    }
    data = as_model(clf, mean, scale, threshold, extra)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(blocks)} blocks, {int(y.sum())} chrome)")
    assert not math.isnan(threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
