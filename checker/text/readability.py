"""Readability: Flesch reading ease and Flesch-Kincaid grade.

Syllables come from textstat (pyphen hyphenation dictionaries), counted once per
distinct word and cached across articles; words and sentences come from our own
segmentation, which handles titles, initials and headings better than
textstat's sentence splitter. This keeps the figures textstat's while making
them cheap enough for audits of thousands of articles.
"""

from __future__ import annotations

from functools import lru_cache

import textstat


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    return max(1, int(textstat.syllable_count(word)))


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
