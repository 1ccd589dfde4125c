"""Readability: Flesch reading ease and Flesch-Kincaid grade.

Syllables are counted as textstat 0.7 counts them (``textstat.syllable_count``):
punctuation removed, then for each word one more than the number of hyphenation
points that pyphen's ``en_US`` dictionary finds. We call pyphen directly (textstat
is not imported: its import alone costs a draft check a fifth of a second), load the
dictionary on the first word, and count once per distinct word, cached across
articles; words and sentences come from our own segmentation, which handles titles,
initials and headings better than textstat's sentence splitter. This keeps the
figures textstat's (a test compares them) while making them cheap enough for audits of
thousands of articles.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

_PUNCTUATION = re.compile(r"[^\w\s]")  # textstat's remove_punctuation (apostrophes too)


@lru_cache(maxsize=1)
def _hyphenator() -> Pyphen:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in ``word`` (at least 1), as ``textstat.syllable_count`` counts them."""
    text = _PUNCTUATION.sub("", word.lower())
    positions = _hyphenator().positions
    return max(1, sum(len(positions(w)) + 1 for w in text.split()))


def readability(words: list[str], n_sentences: int) -> tuple[float | None, float | None]:
    """(Flesch reading ease, Flesch-Kincaid grade) of body text, from its words
    (:func:`checker.text.segment.word_tokens`) and its number of sentences; None when too short."""
    words = [w.lower() for w in words if w[:1].isalpha()]
    if len(words) < 3 or not n_sentences:
        return None, None
    wps = len(words) / n_sentences
    spw = sum(map(syllables, words)) / len(words)
    ease = 206.835 - 1.015 * wps - 84.6 * spw
    grade = 0.39 * wps + 11.8 * spw - 15.59
    return round(ease, 1), round(grade, 1)
