"""Readability's own hyphenation count equals pyphen's, word for word."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.readability import _hyphenator, hyphenation_points
from checker.text.segment import word_tokens

ROOT = Path(__file__).resolve().parents[1]


def _pyphen(word: str) -> int:
    return len(_hyphenator().positions(word))


def test_hyphenation_points_equal_pyphen_on_real_words() -> None:
    words = set()
    for path in [*(ROOT / "examples").iterdir(), *(ROOT / "docs").glob("*.md")]:
        if path.is_file() and path.suffix in (".md", ".txt", ".html"):
            words |= {w.lower() for w in word_tokens(path.read_text(encoding="utf-8"))}
    words |= {"", "a", "ab", "onomatopoeia", "rhythm", "hyphenation", "extraordinarily",
              "co-operate", "naïve", "東京", "x" * 60, "antidisestablishmentarianism"}
    assert len(words) > 1000
    assert [hyphenation_points(w) for w in sorted(words)] == [_pyphen(w) for w in sorted(words)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz.'-é", max_size=30))
def test_hyphenation_points_equal_pyphen_on_any_letters(word: str) -> None:
    assert hyphenation_points(word) == _pyphen(word)


def test_readability_counts_words_that_start_with_a_letter_whatever_their_case() -> None:
    from checker.text.readability import readability, syllables

    words = ["The", "THE", "the", "42", "3rd", "_x", "Élan", "re-elected", "U.S", "it's"]
    kept = ["the", "the", "the", "élan", "re-elected", "u.s", "it's"]
    wps, spw = len(kept) / 2, sum(syllables(w) for w in kept) / len(kept)
    expected = (round(206.835 - 1.015 * wps - 84.6 * spw, 1),
                round(0.39 * wps + 11.8 * spw - 15.59, 1))  # fmt: skip
    assert readability(words, 2) == expected
    assert readability(words, 2) == expected  # the second time from the per-word cache
    assert readability(["42", "3rd", "the", "cat"], 1) == (None, None)  # under 3 words
