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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyphen import Pyphen

_PUNCTUATION = re.compile(r"[^\w\s]")  # textstat's remove_punctuation (apostrophes too)


@lru_cache(maxsize=1)
def _hyphenator() -> Pyphen:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


# A trie of pyphen's patterns: char -> child node; a node's "" entry is the values of every
# pattern that is a prefix of the node's string, merged (the highest value at each place),
# counted from the pattern's first character.
_Trie = dict[str, Any]


@lru_cache(maxsize=1)
def _trie() -> _Trie:
    """pyphen's en_US patterns as a trie with the values merged along each path."""
    trie: _Trie = {}
    for key, own in _hyphenator().hd.patterns.items():
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = own  # (offset, values) for now; merged below
    stack: list[tuple[_Trie, tuple[int, ...]]] = [(trie, ())]
    while stack:
        node, merged = stack.pop()
        own = node.get("")
        if own:
            offset, values = own
            acc = list(merged) + [0] * max(0, offset + len(values) - len(merged))
            for k, v in enumerate(values, offset):
                if v > acc[k]:
                    acc[k] = v
            merged = tuple(acc)
        if merged:
            node[""] = merged
        stack.extend((child, merged) for ch, child in node.items() if ch)
    return trie


def hyphenation_points(word: str) -> int:
    """``len(Pyphen(lang="en_US").positions(word))`` for a lower-case word, by the same
    patterns and rule (Liang's algorithm; points at least 2 characters from either end),
    without pyphen's per-point objects: from each place, one walk down a trie of the
    patterns to the longest one that matches there, whose node holds the values of every
    pattern on its path, merged. About four times as fast as pyphen, and every distinct
    word of an archive meets it once (a test compares it with pyphen on many words)."""
    if len(word) < 4:  # no place 2 characters from either end
        return 0
    trie = _trie()
    pointed = f".{word}."
    n = len(pointed)
    refs = [0] * (n + 1)
    for i in range(n - 2):  # a pattern from the last letter on sets no point in the word
        node: _Trie | None = trie
        deepest = None
        for j in range(i, n):  # not ``pointed[i:]``: a copy per place is quadratic
            node = node.get(pointed[j])  # type: ignore[union-attr]
            if node is None:
                break
            deepest = node
        values = deepest.get("") if deepest is not None else None
        if values:
            k = i
            for v in values[: n + 1 - i]:
                if v > refs[k]:
                    refs[k] = v
                k += 1
    # pyphen's point p is index p + 1 of refs; it keeps 2 <= p <= len(word) - 2
    return sum(1 for idx in range(3, len(word)) if refs[idx] % 2)


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in ``word`` (at least 1), as ``textstat.syllable_count`` counts them."""
    text = _PUNCTUATION.sub("", word.lower())
    return max(1, sum(hyphenation_points(w.lower()) + 1 for w in text.split()))


class _WordSyllables(dict[str, int]):
    """Syllables of a word as the text spells it (any case): 0 for a word that does not
    start with a letter (readability leaves it out), else :func:`syllables` of its lower
    case. One look-up per word, without lower-casing it first; bounded like
    :func:`syllables`' cache (cleared when full)."""

    LIMIT = 400_000

    def __missing__(self, word: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        n = syllables(word.lower()) if word[:1].isalpha() else 0
        self[word] = n
        return n


_WORD_SYLLABLES = _WordSyllables()


def readability(words: list[str], n_sentences: int) -> tuple[float | None, float | None]:
    """(Flesch reading ease, Flesch-Kincaid grade) of body text, from its words
    (:func:`checker.text.segment.word_tokens`) and its number of sentences; None when too short.

    Only words that start with a letter count (as words and for their syllables)."""
    counts = list(map(_WORD_SYLLABLES.__getitem__, words))
    n_words = len(counts) - counts.count(0)
    if n_words < 3 or not n_sentences:
        return None, None
    wps = n_words / n_sentences
    spw = sum(counts) / n_words
    ease = 206.835 - 1.015 * wps - 84.6 * spw
    grade = 0.39 * wps + 11.8 * spw - 15.59
    return round(ease, 1), round(grade, 1)
