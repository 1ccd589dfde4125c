"""Learn the "who is cited" row decision and kind from news-convention labels.

    python -m training.train_source_rows [--web /work/tools/webtrain3] [--out FILE] [--write]

1. ``training.source_rows_data`` runs the shipped pipeline over the real-news *tune* half and
   a web working set labelled by the same guide, and matches every source row (one per
   normalised name, the kind of its first mention) to the gold sources as the scorer does;
2. two logistic regressions over ``rules.attribution.row_features``: **keep** (is the row a
   gold source?) and **kind** (person / organisation / outlet / document / anonymous, fitted
   on the rows that name a gold source);
3. model selection only by cross-validation grouped by excerpt (5 folds, 5 shuffles): every
   setting's out-of-fold decisions are scored like the scorer (sources P/R/F1 with recall
   over the gold sources, kind accuracy) **separately** on the web folds (the rules were
   never fitted there: the fair comparison) and on the tune folds, against the rules on the
   same folds;
4. a part is adopted only if, at its chosen setting, the web folds improve (sources F1 for
   keep, kind accuracy for kind) and the tune folds lose at most 0.02; ``--write`` then
   refits on every excerpt and writes ``rules/attribution/source_rows.json`` (a part that
   does not pay is written as ``null``: the rules decide).

The held-out half of the real-news dev set is never read here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from checker.core.datafiles import with_envelope
from rules.attribution.record import ROWS_PATH
from rules.attribution.rows import ROWS_FORMAT, ROWS_FORMAT_VERSION
from training.source_rows_data import Excerpt, Row, collect, figures

WEB = Path("/work/tools/webtrain3")
SEED = 13
FOLDS = 5
REPEATS = 5
NESTED_REPEATS = 2  # shuffles of the outer folds of the nested evaluation
INNER_REPEATS = 1  # shuffles of the inner cross-validation that chooses in each outer fold
KEEP_C = (0.1, 0.3, 1.0)
# keep fitted with the classes weighted equally (few rows are no source: unweighted, the
# model keeps nearly everything)
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
KIND_C = (1.0, 3.0)
# the rules' kind counts this much in the kind model's input (a larger value regularises it
# less: the model then learns corrections to the rules rather than the kind from scratch)
KIND_SCALES = (1.0, 4.0)
# the model overrides the rules' kind only when its probability reaches this margin
MARGINS = (0.0, 0.6, 0.8)
# feature sets: all, or without the word-valued features (the cue, a lower-case head, word
# endings, the role's head, the character before): fewer weights for few rows
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "full": (), "compact": ("cue=", "head=", "suf=", "capsuf=", "rolehead=", "before=")}
MAX_TUNE_LOSS = 0.02
# weights below these are left out of the file, and weights are written to 4 decimals (a
# smaller file to read at start-up; on the training rows 1 of 238 decisions moves)
KEEP_MIN_WEIGHT = 0.02
KIND_MIN_WEIGHT = 0.1
DECIMALS = 4

Key = tuple[str, str]


def _judged(excerpts: Sequence[Excerpt]) -> list[Row]:
    return [r for ex in excerpts for r in ex.rows if r.judged]


def _feats(r: Row, fs: str) -> list[str]:
    left_out = FEATURE_SETS[fs]
    return [f for f in r.features if not f.startswith(left_out)] if left_out else r.features


def _fit_keep(rows: list[Row], c: float, fs: str
              ) -> tuple[DictVectorizer, LogisticRegression] | None:
    y = [int(r.gold is not None) for r in rows]
    if len(set(y)) < 2:
        return None
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([dict.fromkeys(_feats(r, fs), 1) for r in rows])
    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced",
                               random_state=SEED)
    model.fit(x, y)
    return vec, model


def kind_input(features: list[str], scale: float) -> dict[str, float]:
    """A row's features for the kind model: the rules' kind weighted by ``scale``."""
    return {f: (scale if f.startswith("kind=") else 1.0) for f in features}


def _fit_kind(rows: list[Row], c: float, scale: float, fs: str
              ) -> tuple[DictVectorizer, LogisticRegression] | None:
    rows = [r for r in rows if r.gold is not None]
    y = [r.gold_kind for r in rows]
    if len(set(y)) < 2:
        return None
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([kind_input(_feats(r, fs), scale) for r in rows])
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, y)
    return vec, model


def _keep_proba(fitted, rows: list[Row]) -> list[float]:  # noqa: ANN001
    if fitted is None:
        return [1.0] * len(rows)
    vec, model = fitted  # (features the model has no weight for are left out)
    x = vec.transform([dict.fromkeys(r.features, 1) for r in rows])
    return list(model.predict_proba(x)[:, 1])


def _kind_pred(fitted, rows: list[Row], scale: float, margin: float  # noqa: ANN001
               ) -> list[str]:
    if fitted is None:
        return [r.rule_kind for r in rows]
    vec, model = fitted
    x = vec.transform([kind_input(r.features, scale) for r in rows])
    proba = model.predict_proba(x)
    out = []
    for r, p in zip(rows, proba, strict=True):
        j = int(np.argmax(p))
        out.append(str(model.classes_[j]) if p[j] >= margin else r.rule_kind)
    return out


def out_of_fold(excerpts: list[Excerpt], seed: int) -> tuple[dict, dict]:
    """Out-of-fold keep probabilities per C and kinds per C, keyed by row."""
    groups = [ex.article for ex in excerpts]
    folds = GroupKFold(n_splits=min(FOLDS, len(excerpts)), shuffle=True, random_state=seed)
    proba: dict[str, dict[Key, float]] = {}
    kinds: dict[str, dict[Key, str]] = {}
    for train_idx, test_idx in folds.split(np.zeros(len(excerpts)), groups=groups):
        train = _judged([excerpts[i] for i in train_idx])
        test = _judged([excerpts[i] for i in test_idx])
        if not test:
            continue
        keys = [(r.article, r.key) for r in test]
        for fs in FEATURE_SETS:
            for c in KEEP_C:
                p = _keep_proba(_fit_keep(train, c, fs), test)
                proba.setdefault(f"f={fs} C={c}", {}).update(zip(keys, p, strict=True))
        for fs, c, scale in ((fs, c, s) for fs in FEATURE_SETS for c in KIND_C
                             for s in KIND_SCALES):
            fitted = _fit_kind(train, c, scale, fs)
            for margin in MARGINS:
                name = f"kind f={fs} C={c} s={scale} m={margin}"
                pred = _kind_pred(fitted, test, scale, margin)
                kinds.setdefault(name, {}).update(zip(keys, pred, strict=True))
    return proba, kinds


def cross_validate(excerpts: list[Excerpt], repeats: int = REPEATS
                   ) -> dict[str, dict[str, list[float]]]:
    """Figures per setting and part, one value per shuffle: "rules", "keep ...", "kind ..."."""
    parts = {p: [ex for ex in excerpts if ex.part == p] for p in ("web", "tune")}
    table: dict[str, dict[str, list[float]]] = {}

    def add(name: str, part: str, values: tuple[float, ...]) -> None:
        table.setdefault(name, {})
        for label, v in zip(("P", "R", "F1", "kind"), values, strict=True):
            table[name].setdefault(f"{part} {label}", []).append(v)

    for rep in range(repeats):
        proba, kinds = out_of_fold(excerpts, SEED + rep)
        for part, exs in parts.items():
            if not exs:
                continue
            add("rules", part, figures(exs))
            for setting, probs in proba.items():
                for t in THRESHOLDS:
                    keep = {k: p >= t for k, p in probs.items()}
                    add(f"keep {setting} t={t}", part, figures(exs, keep=keep))
            for name, pred in kinds.items():
                add(name, part, figures(exs, kinds=pred))
    return table


def _mean(table: dict[str, dict[str, list[float]]], name: str, col: str) -> float:
    values = table[name].get(col)
    return statistics.fmean(values) if values else float("nan")


def choose(table: dict[str, dict[str, list[float]]]) -> tuple[str | None, str | None]:
    """The keep and kind settings adopted (None: the rules stay)."""
    best: dict[str, tuple[float, str | None]] = {}
    for prefix, col in (("keep", "F1"), ("kind", "kind")):
        base_web = _mean(table, "rules", f"web {col}")
        base_tune = _mean(table, "rules", f"tune {col}")
        chosen: tuple[float, str | None] = (base_web, None)
        for name in table:
            if not name.startswith(prefix):
                continue
            web, tune = _mean(table, name, f"web {col}"), _mean(table, name, f"tune {col}")
            if tune < base_tune - MAX_TUNE_LOSS or not web > chosen[0] + 1e-9:
                continue
            if prefix == "keep" and _mean(table, name, "tune F1") < \
                    _mean(table, "rules", "tune F1") - MAX_TUNE_LOSS:
                continue
            chosen = (web, name)
        best[prefix] = chosen
    return best["keep"][1], best["kind"][1]


def nested(excerpts: list[Excerpt]) -> tuple[dict[str, dict[str, list[float]]], list[str]]:
    """The whole selection, judged on data it did not see: in each outer fold (grouped by
    excerpt) the settings are chosen by cross-validation inside the fold's training
    excerpts, fitted there and applied to the fold's excerpts; the rules are scored on the
    same folds. Returns the figures per part ("rules", "learned") and the choices made."""
    parts = {p: [ex for ex in excerpts if ex.part == p] for p in ("web", "tune")}
    table: dict[str, dict[str, list[float]]] = {}
    choices = []
    groups = [ex.article for ex in excerpts]
    for rep in range(NESTED_REPEATS):
        folds = GroupKFold(n_splits=min(FOLDS, len(excerpts)), shuffle=True,
                           random_state=SEED + 100 + rep)
        keep: dict[Key, bool] = {}
        kinds: dict[Key, str] = {}
        for train_idx, test_idx in folds.split(np.zeros(len(excerpts)), groups=groups):
            train = [excerpts[i] for i in train_idx]
            test = _judged([excerpts[i] for i in test_idx])
            keys = [(r.article, r.key) for r in test]
            keep_name, kind_name = choose(cross_validate(train, repeats=INNER_REPEATS))
            choices.append(f"{keep_name or 'rules'} / {kind_name or 'rules'}")
            rows = _judged(train)
            if keep_name and test:
                st = _setting(keep_name)
                probs = _keep_proba(_fit_keep(rows, float(st["C"]), st["f"]), test)
                keep.update((k, p >= float(st["t"])) for k, p in zip(keys, probs, strict=True))
            if kind_name and test:
                st = _setting(kind_name)
                scale = float(st["s"])
                fitted = _fit_kind(rows, float(st["C"]), scale, st["f"])
                pred = _kind_pred(fitted, test, scale, float(st["m"]))
                kinds.update(zip(keys, pred, strict=True))
        for part, exs in parts.items():
            for name, values in (("rules", figures(exs)),
                                 ("learned", figures(exs, keep=keep, kinds=kinds))):
                for label, v in zip(("P", "R", "F1", "kind"), values, strict=True):
                    table.setdefault(name, {}).setdefault(f"{part} {label}", []).append(v)
    return table, choices


def _setting(name: str) -> dict[str, str]:
    return dict(p.split("=") for p in name.split()[1:])


def _keep_json(fitted, threshold: float) -> dict:  # noqa: ANN001
    vec, model = fitted
    pairs = zip(vec.feature_names_, model.coef_[0], strict=True)
    weights = {f: round(float(w), DECIMALS) for f, w in pairs if abs(w) >= KEEP_MIN_WEIGHT}
    return {"weights": weights, "bias": round(float(model.intercept_[0]), DECIMALS),
            "threshold": threshold}


def _kind_json(fitted, scale: float, margin: float) -> dict:  # noqa: ANN001
    vec, model = fitted
    classes = [str(c) for c in model.classes_]
    coef, bias = model.coef_, model.intercept_
    if len(classes) == 2:  # one score for the second class against the first
        coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
        bias = np.array([0.0, bias[0]])
    weights = {}
    for j, f in enumerate(vec.feature_names_):
        row = [round(float(coef[i, j]), DECIMALS) for i in range(len(classes))]
        if any(abs(w) >= KIND_MIN_WEIGHT for w in row):
            weights[f] = row
    return {"classes": classes, "weights": weights, "kind_scale": scale, "margin": margin,
            "bias": [round(float(b), DECIMALS) for b in bias]}


def report(table: dict[str, dict[str, list[float]]]) -> str:
    cols = ("web P", "web R", "web F1", "web kind", "tune P", "tune R", "tune F1", "tune kind")
    lines = ["| setting | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name in table:
        lines.append(f"| {name} | " + " | ".join(f"{_mean(table, name, c):.3f}" for c in cols)
                     + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--web", type=Path, default=WEB)
    parser.add_argument("--out", type=Path, default=ROWS_PATH)
    parser.add_argument("--write", action="store_true", help="write the model file")
    parser.add_argument("--no-cv", action="store_true",
                        help="skip the cross-validation: write the forced settings (a probe)")
    parser.add_argument("--rows", type=Path, metavar="JSON",
                        help="read the rows from this file if it exists, else write them there")
    parser.add_argument("--force-keep", help="write this keep setting whatever CV says")
    parser.add_argument("--force-kind", help="write this kind setting whatever CV says")
    args = parser.parse_args(argv)
    if args.rows is not None and args.rows.exists():
        excerpts = [Excerpt(**{**e, "rows": [Row(**r) for r in e["rows"]]})
                    for e in json.loads(args.rows.read_text(encoding="utf-8"))]
    else:
        excerpts = collect(args.web)
        if args.rows is not None:
            args.rows.write_text(json.dumps([asdict(e) for e in excerpts]), encoding="utf-8")
    n = {p: sum(ex.part == p for ex in excerpts) for p in ("web", "tune")}
    rows = _judged(excerpts)
    print(f"excerpts: web {n['web']}, tune {n['tune']}; judged rows {len(rows)}, "
          f"gold {sum(r.gold is not None for r in rows)}")
    table = cross_validate(excerpts) if not args.no_cv else {}
    print(report(table))
    keep_name, kind_name = choose(table) if table else (None, None)
    keep_name = args.force_keep or keep_name
    kind_name = args.force_kind or kind_name
    print(f"chosen: keep {keep_name or 'rules'}; kind {kind_name or 'rules'}")
    nested_table, choices = nested(excerpts) if table else ({}, [])
    print("nested evaluation (settings chosen inside each outer fold):")
    print(report(nested_table))
    print("choices per outer fold:", "; ".join(sorted(set(choices))))
    if not args.write:
        return 0
    keep = kind = None
    if keep_name:
        s = _setting(keep_name)
        fitted = _fit_keep(rows, float(s["C"]), s["f"])
        keep = _keep_json(fitted, float(s["t"])) if fitted else None
    if kind_name:
        s = _setting(kind_name)
        fitted_kind = _fit_kind(rows, float(s["C"]), float(s["s"]), s["f"])
        kind = _kind_json(fitted_kind, float(s["s"]), float(s["m"])) if fitted_kind else None
    cv = {name: {col: round(statistics.fmean(v), 4) for col, v in cols.items()}
          for name, cols in table.items()
          if name == "rules" or name in (keep_name, kind_name)}
    cv.update({f"nested {name}": {col: round(statistics.fmean(v), 4) for col, v in cols.items()}
               for name, cols in nested_table.items()})
    data = with_envelope(ROWS_FORMAT, {
        "trained": dt.date.today().isoformat(),
        "data": {"web_excerpts": n["web"], "tune_excerpts": n["tune"], "rows": len(rows)},
        "settings": {"keep": keep_name, "kind": kind_name},
        "cv": cv, "keep": keep, "kind": kind}, ROWS_FORMAT_VERSION)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
