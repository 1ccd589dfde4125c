"""Words as the tool counts them: runs of letters and digits, joined by inner ' ’ . -.

One definition for every count of words (the segmenter's block sizes, the scorer's word
count and readability, the benchmarks' words per second), so that they agree.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")


def word_tokens(text: str) -> list[str]:
    """The words of ``text`` as the tool counts them (letters/digits, inner ' ’ . -)."""
    return WORD.findall(text)


def word_count(text: str) -> int:
    """The number of ``word_tokens`` in ``text``."""
    return len(WORD.findall(text))
