"""Detect an article's genre from cue phrases: a small, explainable rule classifier.

Each genre has a prior and weighted cues (``rules/genre/cues.json``): labels at the head of
the page ("Opinion", "Press release", "Abstract"), and phrases in the body sentences, counted
once per hit or as a rate per sentence (first-person "I", "should", "we found", "today
announced", "according to"), each capped so that one long article cannot run away with it.
Quoted passages are left out of the body: the genre is the author's voice, not the voices of
the people quoted. The genre with the most points wins; its confidence is its softmax share
of all points.
News is the prior: text with no genre cues is news.

The patterns of one genre are compiled lazily, once per process.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.core.datafiles import load_data
from checker.core.document import BODY, Document

CUES_PATH = Path(__file__).resolve().parent / "cues.json"
GENRES: tuple[str, ...] = (
    "news", "analysis", "explainer", "opinion", "press-release", "research", "reference",
)  # fmt: skip
HEAD_CHARS = 300  # the page's head: where labels such as "Opinion" sit


@dataclass(frozen=True)
class GenreCue:
    """One weighted cue of a genre."""

    pattern: re.Pattern[str]
    where: str  # "head" or "body"
    weight: float
    per_sentence: bool
    cap: float


@lru_cache(maxsize=1)
def genre_cues() -> dict[str, tuple[float, tuple[GenreCue, ...]]]:
    """Per genre: (prior, cues), compiled from ``cues.json`` once per process."""
    data = load_data(CUES_PATH, "checker-genre-cues")
    out: dict[str, tuple[float, tuple[GenreCue, ...]]] = {}
    for genre, spec in data["genres"].items():
        if genre not in GENRES:
            raise ValueError(f"{CUES_PATH}: unknown genre {genre!r}")
        out[genre] = (float(spec.get("prior", 0.0)), tuple(_cue(c) for c in spec["cues"]))
    return out


def _cue(raw: dict[str, Any]) -> GenreCue:
    flags = 0 if raw.get("case") else re.IGNORECASE
    if raw.get("multiline"):
        flags |= re.MULTILINE
    return GenreCue(
        pattern=re.compile(str(raw["re"]), flags),
        where=str(raw.get("where", "body")),
        weight=float(raw["weight"]),
        per_sentence=bool(raw.get("per_sentence")),
        cap=float(raw.get("cap", 1)),
    )


def genre_scores(head: str, body: str, n_sentences: int) -> dict[str, float]:
    """Points per genre for a page head and its body text of ``n_sentences`` sentences."""
    scores: dict[str, float] = {}
    n = max(1, n_sentences)
    for genre, (prior, cues) in genre_cues().items():
        total = prior
        for cue in cues:
            hits = len(cue.pattern.findall(head if cue.where == "head" else body))
            amount = 10.0 * hits / n if cue.per_sentence else float(hits)
            total += cue.weight * min(amount, cue.cap)
        scores[genre] = total
    return scores


def classify(scores: dict[str, float]) -> tuple[str, float]:
    """The best genre and its softmax share (ties go to the earlier genre in ``GENRES``)."""
    best = max(GENRES, key=lambda g: (scores.get(g, float("-inf")), -GENRES.index(g)))
    top = scores[best]
    total = sum(math.exp(v - top) for v in scores.values())
    return best, 1.0 / total


# Double-quoted passages: the voice of the people quoted, not the author's.
_QUOTED = re.compile(r"“[^”\n]{0,1500}”|\"[^\"\n]{0,1500}\"|«[^»\n]{0,1500}»")


def author_voice(text: str) -> str:
    """``text`` without its double-quoted passages (a quoted "I think" is not the author's)."""
    return _QUOTED.sub(" ", text)


def detect(doc: Document) -> tuple[str, float]:
    """The genre of ``doc`` and the confidence in it (0-1), from the author's own words."""
    body = [s.text for s in doc.sentences if s.region == BODY]
    text = author_voice("\n".join(body))
    return classify(genre_scores(doc.text[:HEAD_CHARS], text, len(body)))
