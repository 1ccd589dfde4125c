"""Rows of "who is cited" matched against news-convention labels (data for
``training/train_source_rows.py``).

For every excerpt of a labelled folder in the real-news format (``<id>.txt`` + ``<id>.json``,
``../shared/data/realnews/README.md``), the shipped pipeline is run and its source rows are
read as the real-news scorer reads them: one row per normalised name, the kind of its first
mention. Each row gets the scorer's match against the excerpt's gold sources (which gold
source it names, if any, and that source's kind) and the features of
``rules.attribution.row_features``. The scorer's own name normaliser is imported from
``../shared/data/realnews/score.py``; its matching rule is re-implemented in ``_match``.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from unittest import mock

from checker.core.analysis import SourceMention
from checker.core.config import Config
from checker.pipeline import run_rules
from checker.text.loader import load_document
from evaluation.realnews import DEV, SCORER, split_of
from rules.attribution import rows
from rules.attribution.row_features import UNJUDGED_CUES, row_features, row_key


@dataclass
class Row:
    """One source row of one excerpt."""

    article: str  # "<set>/<id>"
    key: str  # the scorer's normalised name
    judged: bool  # made by an attribution relation (the learned decision applies)
    rule_kind: str  # the kind the report gives it (after the credibility family)
    # the rules' kind where the row model reads it (the credibility family may then make a
    # person an outlet whose name its outlet table knows)
    kind_before: str = ""
    features: list[str] = field(default_factory=list)
    gold: int | None = None  # index of the gold source it names (scorer's match), else None
    gold_kind: str = ""


@dataclass
class Excerpt:
    """The rows of one excerpt and how many gold sources it has."""

    article: str
    part: str  # "tune" or "web"
    n_gold: int
    rows: list[Row]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realnews_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _match(key: str, forms: list[set[str]]) -> int | None:
    """The gold source a row's name counts for under the scorer's rule: one of its name
    forms, or (for forms over three characters) a form that is one of the row's words,
    ends the row's name, or ends with the row's name."""
    for i, fs in enumerate(forms):
        if key in fs:
            return i
        words = key.split(" ")
        for f in fs:
            if f == key:
                return i
            if len(f) > 3 and (f in words or key.endswith(" " + f) or f.endswith(" " + key)):
                return i
    return None


def _pipeline_rows(txt: Path) -> tuple[list[SourceMention], dict[str, list[str]]]:
    """The report's sources of one excerpt, and the features of each judged row as the
    row model reads them in the pipeline (inside ``record``, with every row kept)."""
    seen: dict[str, list[str]] = {}

    def features(first, mentions, text, lex, score):  # noqa: ANN001, ANN202
        f = row_features(first, mentions, text, lex, score)
        seen[row_key(first.name)] = f
        return f

    record = importlib.import_module("rules.attribution.record")  # (the package's
    # ``record`` attribute is the function of that name)
    keep_all = rows.RowModel({}, 30.0, 0.0, (), None, ())
    with mock.patch.object(record, "ROWS_PATH", SCORER), \
            mock.patch.object(rows, "load_row_model", lambda _path: keep_all), \
            mock.patch.object(rows, "row_features", features):
        analysis = run_rules(load_document(txt), Config())
    return analysis.sources, seen


def excerpt_rows(txt: Path, label: dict, part: str, norm) -> Excerpt:  # noqa: ANN001
    """Run the pipeline over one excerpt and match its rows to its gold sources."""
    sources, seen = _pipeline_rows(txt)
    gold = label.get("sources", [])
    forms = [{norm(m) for m in [g["name"], *g.get("mentions", [])] if norm(m)} for g in gold]
    firsts: dict[str, tuple[str, bool]] = {}
    for m in sources:
        n = norm(m.name or "")
        if n and n not in firsts:
            firsts[n] = (m.kind, m.cue not in UNJUDGED_CUES)
    out = []
    for key, (kind, is_judged) in firsts.items():
        row = Row(article=f"{part}/{txt.stem}", key=key, judged=is_judged and key in seen,
                  rule_kind=kind)
        if row.judged:
            row.features = seen[key]
            row.kind_before = next(f[5:] for f in row.features if f.startswith("kind="))
        row.gold = _match(key, forms)
        if row.gold is not None:
            row.gold_kind = gold[row.gold]["kind"]
        out.append(row)
    return Excerpt(article=f"{part}/{txt.stem}", part=part, n_gold=len(gold), rows=out)


def collect(web: Path | None) -> list[Excerpt]:
    """The excerpts of the real-news tune half and, if given, of the web working set."""
    norm = _scorer().norm_name
    out = []
    sets: list[tuple[Path, str]] = [(DEV, "tune")]
    if web is not None and web.is_dir():
        sets.append((web, "web"))
    for folder, part in sets:
        for lab in sorted(folder.glob("*.json")):
            if part == "tune" and split_of(lab.stem) != "tune":
                continue
            txt = lab.with_suffix(".txt")
            if not txt.exists():
                continue
            label = json.loads(lab.read_text(encoding="utf-8"))
            out.append(excerpt_rows(txt, label, part, norm))
    return out


def final_kind(r: Row, predicted: str | None) -> str:
    """The kind the report would give a row whose kind the model made ``predicted``."""
    if predicted is None or predicted == r.kind_before:
        return r.rule_kind
    if predicted == "person" and r.rule_kind == "outlet" and r.kind_before == "person":
        return r.rule_kind  # the outlet table knows the name: it is made an outlet again
    return predicted


def figures(excerpts: list[Excerpt], keep: dict[tuple[str, str], bool] | None = None,
            kinds: dict[tuple[str, str], str] | None = None) -> tuple[float, float, float, float]:
    """Sources P, R, F1 and kind accuracy as the scorer counts them, with rows dropped
    where ``keep`` says False and kinds replaced by ``kinds``."""
    pred = tp = ok = gold_n = hit = 0
    for ex in excerpts:
        gold_n += ex.n_gold
        matched = set()
        for r in ex.rows:
            k = (r.article, r.key)
            if keep is not None and not keep.get(k, True):
                continue
            pred += 1
            if r.gold is None:
                continue
            tp += 1
            matched.add(r.gold)
            ok += final_kind(r, kinds.get(k) if kinds is not None else None) == r.gold_kind
        hit += len(matched)
    p = tp / pred if pred else 0.0
    rc = hit / gold_n if gold_n else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return p, rc, f1, ok / tp if tp else 0.0
