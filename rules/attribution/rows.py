"""The learned "who is cited" row model: keep a row, and which kind it is.

The rules read a source for every attribution relation; the real-news labels say which of
those rows an editor counts as a source and of which kind. ``source_rows.json`` (trained by
``training/train_source_rows.py`` on news-convention labels, model card in
``docs/model-card-source-rows.md``) holds two logistic regressions over the row features of
``row_features.py``, each of them optional (``null``: the rules decide):

- ``keep``: the probability that a row names a source; below its ``threshold`` the row's
  mentions leave ``sources`` (the relations and their sentences stay attributed, as for the
  source verifier's doubts);
- ``kind``: person / organisation / outlet / document / anonymous for the row, given to
  every mention of it.

Only the mentions attribution relations made are judged (not footnotes, source lists or
links). The file is read on the first article that cites anyone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from checker.core.analysis import SOURCE_KINDS, Analysis
from checker.core.datafiles import DataFileError, all_finite, finite_number, load_data, mapping
from rules.attribution.lexicon import Lexicon
from rules.attribution.row_features import row_features, rows_of

# (the shipped file is ``record.ROWS_PATH``, ``source_rows.json`` beside this module)
ROWS_FORMAT = "checker-attribution-source-rows"
ROWS_FORMAT_VERSION = 1


class RowModel:
    """The keep regression (or None) and the kind regression (or None). (A plain class: a
    dataclass costs the draft check's start-up more than the model's whole work.)"""

    __slots__ = ("keep_weights", "keep_bias", "threshold", "kinds", "kind_weights",
                 "kind_bias", "kind_scale", "margin")

    def __init__(self, keep_weights: dict[str, float] | None, keep_bias: float,
                 threshold: float, kinds: tuple[str, ...],
                 kind_weights: dict[str, list[float]] | None, kind_bias: tuple[float, ...],
                 kind_scale: float = 1.0, margin: float = 0.0) -> None:
        self.keep_weights = keep_weights
        self.keep_bias = keep_bias
        self.threshold = threshold
        self.kinds = kinds
        self.kind_weights = kind_weights
        self.kind_bias = kind_bias
        self.kind_scale = kind_scale
        self.margin = margin

    def keep(self, features: list[str]) -> bool:
        if self.keep_weights is None:
            return True
        z = self.keep_bias + sum(map(self.keep_weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) >= self.threshold

    def kind(self, features: list[str], default: str) -> str:
        if self.kind_weights is None:
            return default
        scores = list(self.kind_bias)
        for f in features:
            w = self.kind_weights.get(f)
            if w is not None:
                v = self.kind_scale if f.startswith("kind=") else 1.0
                for i, x in enumerate(w):
                    scores[i] += v * x
        best = max(range(len(scores)), key=scores.__getitem__)
        top = scores[best]
        total = sum(math.exp(s - top) for s in scores)  # softmax of the best: 1 / total
        return self.kinds[best] if 1.0 / total >= self.margin else default


def _keep_part(data: dict[str, Any], where: str) -> tuple[dict[str, float] | None, float, float]:
    part = data.get("keep")
    if part is None:
        return None, 0.0, 0.0
    if not isinstance(part, dict):
        raise DataFileError(f"{where}: 'keep' must be an object or null")
    weights = mapping(part, "weights", where, float)
    if not all_finite(list(weights.values())):
        raise DataFileError(f"{where}: a keep weight is not finite")
    return (weights, finite_number(part, "bias", where),
            finite_number(part, "threshold", where, 0.0, 1.0))


def _kind_part(data: dict[str, Any], where: str
               ) -> tuple[tuple[str, ...], dict[str, list[float]] | None, tuple[float, ...],
                          float, float]:
    part = data.get("kind")
    if part is None:
        return (), None, (), 1.0, 0.0
    if not isinstance(part, dict):
        raise DataFileError(f"{where}: 'kind' must be an object or null")
    kinds = tuple(part.get("classes", ()))
    bias = tuple(part.get("bias", ()))
    weights = part.get("weights")
    if not kinds or any(k not in SOURCE_KINDS for k in kinds) or len(bias) != len(kinds) \
            or not isinstance(weights, dict) or not all_finite(list(bias)):
        raise DataFileError(f"{where}: 'kind' needs classes among {sorted(SOURCE_KINDS)}, "
                            "one bias per class and weights")
    for name, row in weights.items():
        if not isinstance(row, list) or len(row) != len(kinds) or not all_finite(row):
            raise DataFileError(f"{where}: kind weights of {name!r} must be {len(kinds)} numbers")
    return (kinds, weights, bias, finite_number(part, "kind_scale", where, 0.0),
            finite_number(part, "margin", where, 0.0, 1.0))


@lru_cache(maxsize=4)
def load_row_model(path: str) -> RowModel | None:
    """The row model at ``path`` (None when there is no such file or both parts are null);
    a bad file is a :class:`~checker.core.datafiles.DataFileError` naming it."""
    p = Path(path)
    if not p.is_file():
        return None
    data = load_data(p, ROWS_FORMAT, versions=(ROWS_FORMAT_VERSION,))
    keep_weights, keep_bias, threshold = _keep_part(data, str(p))
    kinds, kind_weights, kind_bias, scale, margin = _kind_part(data, str(p))
    if keep_weights is None and kind_weights is None:
        return None
    return RowModel(keep_weights, keep_bias, threshold, kinds, kind_weights, kind_bias,
                    scale, margin)


def apply_row_model(analysis: Analysis, lex: Lexicon, model: RowModel | Path | None,
                    scores: Mapping[int, float] | None = None) -> None:
    """Drop the rows the model does not keep and give each kept row the model's kind
    (``model``: the model or the path of its file; None: the rules' rows stand;
    ``scores``: the source verifier's score of a mention, by the mention's id)."""
    rows = rows_of(analysis.sources)
    if not rows:
        return
    if isinstance(model, Path):
        model = load_row_model(str(model))
    if model is None:
        return
    dropped: set[int] = set()
    kinds: dict[int, str] = {}
    for mentions in rows.values():
        score = scores.get(id(mentions[0]), -1.0) if scores else -1.0
        features = row_features(mentions[0], mentions, analysis.doc.text, lex, score)
        if not model.keep(features):
            dropped.update(id(m) for m in mentions)
            continue
        kind = model.kind(features, mentions[0].kind)
        for m in mentions:
            if m.kind != kind:
                kinds[id(m)] = kind
    if dropped or kinds:
        analysis.sources[:] = [replace(m, kind=kinds[id(m)]) if id(m) in kinds else m
                               for m in analysis.sources if id(m) not in dropped]
