"""The fast paths of rules.footnotes find exactly what a plain scan of the whole text finds."""

from __future__ import annotations

import re

import pytest

from rules.footnotes.definitions import HEADING_LINE, INLINE_LIST, MD_FNDEF, MD_REFDEF
from rules.footnotes.links import MD_REFLINK
from rules.footnotes.markers import (
    AFTER_PUNCT,
    PUNCT_DIGIT,
    SUPERSCRIPT,
    YEAR_DOT,
    glued_number_lines,
    has_superscript_digit,
)
from rules.footnotes.scan import MD_INLINE, finditer_if_contains, line_matches

TEXTS = [
    "The group1 said so.2 Smith,3 and others;4 \u201cquoted.\u201d5\nNext line 10% of 5)6 x\n",
    "In 2014.3 Next year.\nabc123def4 ok. 1.5 million, 3,4,5 (see)7.\n\nword.8\n",
    "No numbers here at all.",
    "9 starts the text; ends with a number 12",
    "Windows: a.1\r\nb)2\u2029c\u00b23 d\u00bd4 caf\u00e95.",
]


def _plain(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_after_punct_by_lines_equals_whole_text(text: str) -> None:
    by_lines = [
        (m.span(), m.groupdict())
        for ls, le in glued_number_lines(text)
        for m in AFTER_PUNCT.finditer(text, ls, le)
    ]
    assert by_lines == _plain(AFTER_PUNCT, text)
    # and the lookbehind / possessive form matches like the plain pattern
    plain = re.compile(AFTER_PUNCT.pattern.replace("(?<![^\\W\\d_])", "").replace("++", "+"))
    assert _plain(plain, text) == _plain(AFTER_PUNCT, text)


@pytest.mark.parametrize("text", [*TEXTS, "[a](b) [^1]: c [d]: e [f][g]"])
def test_skipped_scans_have_no_matches(text: str) -> None:
    for pattern, literal in (
        (MD_INLINE, "]("),
        (MD_FNDEF, "[^"),
        (MD_REFDEF, "]:"),
        (MD_REFLINK, "]["),
    ):
        found = [m.span() for m in finditer_if_contains(pattern, text, literal)]
        assert found == [m.span() for m in pattern.finditer(text)]
    assert bool(PUNCT_DIGIT.search(text)) or not YEAR_DOT.search(text)


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "Sources:\n1. a\n\nNotes: x, y\n## References\n\n  **Notes**  :  \nREFERENCES\n",
        "a\n\nSources: 1 CNN, 2 BBC",
        "Notes:",
        "",
    ],
)
def test_line_matches_equal_finditer(text: str) -> None:
    for pattern in (INLINE_LIST, HEADING_LINE):
        assert [(m.span(), m.groupdict()) for m in line_matches(pattern, text)] == [
            (m.span(), m.groupdict()) for m in pattern.finditer(text)
        ]


@pytest.mark.parametrize("text", [*TEXTS, "x\u00b2", "\u2074\u207b\u2076", "plain", "caf\u00e9"])
def test_superscript_prefilter_skips_only_texts_without_matches(text: str) -> None:
    assert has_superscript_digit(text) or not SUPERSCRIPT.search(text)
