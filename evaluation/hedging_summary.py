"""Per-article hedging figures (for evaluations and tests; the audit does not record them)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from checker.core.analysis import HedgeCue
from checker.core.document import BODY, Document
from rules.hedging.lexicon import BOOSTER, CATEGORIES, HEDGE_CATEGORIES

_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def body_words(doc: Document) -> int:
    """Words in the body sentences of ``doc`` (the denominator of hedges per 100 words)."""
    return sum(len(_WORD_RE.findall(s.text)) for s in doc.sentences if s.region == BODY)


def summarise(hedges: Sequence[HedgeCue], n_words: int) -> dict[str, Any]:
    """Per-article figures: author's hedges, hedges per 100 words, per category, boosters."""
    own = [h for h in hedges if h.flagged]
    own_hedges = [h for h in own if h.category in HEDGE_CATEGORIES]
    by_cat = Counter(h.category for h in own)
    sentences: dict[int, list[str]] = {}
    for h in own:
        if h.sentence is not None:
            sentences.setdefault(h.sentence, []).append(h.text)
    return {
        "words": n_words,
        "hedges": len(own_hedges),
        "hedges_per_100_words": round(100.0 * len(own_hedges) / n_words, 3) if n_words else 0.0,
        "by_category": {c: by_cat.get(c, 0) for c in CATEGORIES},
        "boosters": by_cat.get(BOOSTER, 0),
        "speaker_hedges": sum(1 for h in hedges if not h.flagged),
        "sentences": sentences,
    }
