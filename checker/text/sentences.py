"""Sentence splitting: sentence spans inside a block's text, offsets into the text.

The splitter is rule-based and offset-preserving: it never rewrites the text, it only
finds boundaries. It knows titles and initials ("Col. Kemp", "Myles B. Caggins III",
"U.S."), decimals, and footnote markers glued to the sentence end ("ending it.1").
"""

from __future__ import annotations

import re

from checker.core.words import WORD as _WORD

# Words after which a full stop does not end the sentence (titles, initials...).
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sr jr st mt ft col gen lt sgt capt cpt maj adm cmdr cdr brig
    rep reps sen sens gov pres supt det insp rev hon fr sec amb atty messrs mme mlle
    no nos vol vols pp fig figs ch sec approx est ret dept univ assn bros inc corp ltd co
    vs v cf al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun ave blvd rd hwy op ed eds repr e.g i.e a.m p.m u.s u.k u.n u.s.a e.u
    d.c""".split()
)
# After these abbreviations a sentence may well end ("...in the U.S. The next day").
SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    "u.s u.k u.n u.s.a e.u d.c a.m p.m etc inc co ltd corp".split()
)
SENTENCE_STARTERS = frozenset(
    """the a an in on at but and it its he she they we i this that these those there
    however meanwhile yet so still his her their our my after before when while if as
    for since although though then now today yesterday last next some many most one
    two three four five six seven eight nine ten""".split()
)

# The lookbehind starts a boundary only at the first mark of a run ("....": one try, not
# one per dot, each scanning the rest of the run).
_BOUNDARY = re.compile(
    r"(?<![.!?\u2026])(?:\.\.\.|[.!?\u2026]++)[\"'\u201d\u2019\u00bb)\]]*"
    r"(?:\[\d{1,3}(?:[,\u2013-]\s?\d{1,3})*\]|\^?\d{1,3}(?:,\d{1,3})*|[\u00b9\u00b2\u00b3\u2070-\u2079]+)?"
    r"(?=\s|$)"
)
_OPENERS = "\"'\u201c\u2018\u00ab([\u00bf\u00a1*_"


# --------------------------------------------------------------------- sentences


def _token_before(text: str, pos: int) -> str:
    """The token ending just before ``pos`` (the position of the terminal dot)."""
    i = pos
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".'\u2019-"):
        i -= 1
    return text[i:pos]


def _starter_follows(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is a common sentence opener ("The", "But", "In"...)."""
    nxt_word = _WORD.match(text, pos)
    return bool(nxt_word and nxt_word.group().lower() in SENTENCE_STARTERS)


def _dot_does_not_end(text: str, dot: int, boundary_end: int, nxt: int, end: int) -> bool:
    """Whether the full stop at ``dot`` is inside a sentence, not at its end.

    ``boundary_end`` is where the boundary match ends (after quotes and footnote
    markers), ``nxt`` the first non-space character after it, ``end`` the end of
    the span being split. Decimals ("2.5"), initials ("Myles B. Caggins") and
    abbreviations ("Col. Kemp", "a.k.a.") do not end a sentence.
    """
    tok = _token_before(text, dot)
    more = nxt < end  # text follows the boundary
    after = text[dot + 1 : boundary_end]
    if tok and tok[-1].isdigit() and after[:1].isdigit():
        year_marker = len(tok) == 4 and tok.isdigit() and len(after) <= 2
        if not (year_marker and more and text[nxt].isupper()):
            return True  # decimal number "2.5" (but "in 2014.3 Next" ends a sentence)
    if len(tok) == 1 and tok.isupper() and more:
        return True  # initial: "Myles B. Caggins"
    low = tok.lower().rstrip(".")
    if low in ABBREVIATIONS and more:
        if low not in SENTENCE_FINAL_ABBREVIATIONS or not _starter_follows(text, nxt):
            return True
    if "." in tok.strip(".") and len(tok) <= 6 and more:
        # other dotted abbreviations ("a.k.a."): split only before a clear starter
        if not _starter_follows(text, nxt):
            return True
    return False


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` inside ``text[start:end]`` (whitespace trimmed)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        b = m.end()
        # what follows?
        j = b
        while j < end and text[j].isspace():
            j += 1
        if j < end:
            nxt = text[j]
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                continue
        punct_pos = m.start()
        if text[punct_pos] == "." and _dot_does_not_end(text, punct_pos, b, j, end):
            continue
        s, e = _trim(text, cur, b)
        if e > s:
            spans.append((s, e))
        cur = b
    s, e = _trim(text, cur, end)
    if e > s:
        spans.append((s, e))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink the span ``(s, e)`` past whitespace at both ends."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
