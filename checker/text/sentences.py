"""Sentence splitting: sentence spans inside a block's text, offsets into the text.

The splitter is rule-based and offset-preserving: it never rewrites the text, it only
finds boundaries. It knows titles and initials ("Col. Kemp", "Myles B. Caggins III",
"U.S."), decimals, and footnote markers glued to the sentence end ("ending it.1").
"""

from __future__ import annotations

import re

from checker.core.regexlit import lazy_compile
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
# State abbreviations in the style of US datelines and addresses ("Ruston, La.", "N.Y."),
# lower case, without their last dot. "D.C." is left to the rules above ("Washington, D.C.
# Mayor ..." goes on as often as it ends).
STATE_ABBREVIATIONS = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wisc wyo n.h n.j n.m n.y n.c
    n.d r.i s.c s.d w.va""".split()
)

# The lookbehind starts a boundary only at the first mark of a run ("....": one try, not
# one per dot, each scanning the rest of the run). Only its source is used here (in
# ``_BREAK``): compiled on first use, by a test that compares it with its old form.
_BOUNDARY = lazy_compile(
    r"(?<![.!?\u2026])(?:\.\.\.|[.!?\u2026]++)[\"'\u201d\u2019\u00bb)\]]*"
    r"(?:\[\d{1,3}(?:[,\u2013-]\s?\d{1,3})*\]|\^?\d{1,3}(?:,\d{1,3})*|[\u00b9\u00b2\u00b3\u2070-\u2079]+)?"
    r"(?=\s|$)"
)
# A boundary, or a full stop that lost the space after it ("rose 5%.The council", "the
# panel said.Here we"): after a lower-case word, a number or a percent sign, before a
# capitalised word. ``_BOUNDARY`` itself stays as it was (tests compare it to its old form).
# The leading lookahead lets the engine skip to the next mark (faster than ``_BOUNDARY`` alone).
_BREAK = re.compile(
    r"(?=[.!?\u2026])(?:" + _BOUNDARY.pattern
    + r"|\.(?=[A-Z][a-z])(?:(?<=[a-z]{2}\.)|(?<=\d\d\.)|(?<=%\.)))"
)
# A name and a speech verb after a quotation that closes on "?" or "!" ("Who pays?" Dana
# Ruiz asked.): the cue belongs to the quotation's sentence. Pronouns are left out ("Stay!"
# She left.) and so are common openers (``SENTENCE_STARTERS``).
_NAME_CUE = lazy_compile(
    r"([A-Z][\w'\u2019.-]*)(?: [A-Z][\w'\u2019.-]*){0,2} (?:said|says|asked|asks|wrote|writes"
    r"|told|tells|added|adds|tweeted|replied|recalled|explained|shouted|yelled|wondered)\b"
)
_QUOTE_CLOSERS = frozenset("\"'\u201d\u2019\u00bb")
_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "you", "it", "who", "one"))
_PARTY_STATE = re.compile(r"[DRI]-")  # "R-Fla.": a party before a state
_TITLE = re.compile(r"([A-Z][a-z]{1,4})\.\s")  # "Gov. ", "Sen. ", "Rep. "
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
    if more and tok[:1].isupper():
        state = _state_decides(text, dot, tok, nxt)
        if state is not None:
            return state
    part = tok.rsplit("-", 1)[-1]
    if part[:1].isupper() and part.lower() in ABBREVIATIONS:
        low = part.lower()  # a title after a hyphen: "then-Sen. Obama", "ex-Gov. Jones"
    if low in ABBREVIATIONS and more:
        if low not in SENTENCE_FINAL_ABBREVIATIONS or not _starter_follows(text, nxt):
            return True
    if "." in tok.strip(".") and len(tok) <= 6 and more:
        # other dotted abbreviations ("a.k.a."): split only before a clear starter
        if not _starter_follows(text, nxt):
            return True
    return False


def _state_decides(text: str, dot: int, tok: str, nxt: int) -> bool | None:
    """Whether a state abbreviation before ``dot`` keeps the sentence going (None: no state).

    After a place and a comma ("moved to Shreveport, La. The plant", "a rally in
    Chappaqua, N.Y. Mrs. Smith spoke") a capitalised word starts a new sentence (PolNeAR
    train: every such case does), except a wire credit in a dateline ("RENO, Nev. (AP)").
    Used as a modifier ("former Fla. Gov. Jeb Bush", "N.J. Gov. X") it goes on before a
    title and, for the dotted forms, before anything but a common sentence opener.
    """
    if not text[dot + 1 : dot + 2].isspace():
        return None  # "(Bergen County, N.J.) Record": the bracket decides, not the state
    name = tok[2:] if _PARTY_STATE.match(tok) else tok
    low = name.lower().rstrip(".")
    if low not in STATE_ABBREVIATIONS:
        return None
    before = text[max(0, dot - len(tok) - 3) : dot - len(name)]
    if before.rstrip(" \t\n-").endswith(",") or tok is not name:
        return text[nxt] == "("  # "Ruston, La. The plant" ends; "RENO, Nev. (AP)" does not
    title = _TITLE.match(text, nxt)
    if title and title.group(1).lower() in ABBREVIATIONS:
        return True  # "former Fla. Gov. Jeb Bush"
    return None  # otherwise as any other word or dotted abbreviation


def _cue_after_quote(text: str, boundary: str, nxt: int) -> bool:
    """Whether a quotation closing on "?" or "!" goes on with its speaker on the same line.

    ("Who pays?" Lee asked.)
    """
    if "\n" in text[nxt - 3 : nxt] or not any(c in _QUOTE_CLOSERS for c in boundary):
        return False
    cue = _NAME_CUE.match(text, nxt)
    if not cue:
        return False
    first = cue.group(1).lower()
    return first not in _PRONOUNS and first not in SENTENCE_STARTERS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` inside ``text[start:end]`` (whitespace trimmed)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BREAK.finditer(text, start, end):
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
        if text[punct_pos] in "!?" and j < end and _cue_after_quote(text, m.group(), j):
            continue
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
