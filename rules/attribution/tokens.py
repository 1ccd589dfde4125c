"""Tokens of an article and its quotations: the first stage of attribution extraction.

The text is tokenised once with one regex (``TOKEN``); quotation marks are paired into
quote spans across sentences and paragraphs (``find_quotes``). Tokens are plain tuples
(:class:`Tok`), made by the thousand per article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import accumulate, repeat
from typing import Any, NamedTuple

from checker.core.regexlit import lazy_compile

_ABBREV = (
    r"Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|St|Jr|Sr|Maj|Adm|Cmdr|Brig|Inc|Corp|"
    r"Co|Ltd|No|Mt|Ft|Pres|Sec|Amb|Calif|Mass|Vt|Fla|Ill|Tenn|Ariz|Conn|Penn|Pa|Va|Ga|Wash|Ore|"
    r"Mich|Minn|Wis|Ky|La|Okla|Colo|Nev|Tex|Ala|Miss|Md|Del|Neb|Kan|Ind|Mo|N\.Y|N\.J|N\.H|"
    r"N\.C|S\.C|Ret|ret|vs|etc|approx|Dept|Gov't|Univ"
)
# For speed, equivalent to the plain form ``(?:[A-Za-z]\.){2,}|(?:{_ABBREV})\.(?=...)|...``:
# the first alternative starts with a character class (which the regex engine rejects
# quickly), and the lookahead before the abbreviations is implied by them (every one starts
# with a capital or r/v/e/a and has at most six characters before its dot); it only saves
# trying the ~90 alternatives at every other word. The tokens are found with its captured
# form (``_TOKEN_SPLIT``): this one is compiled only if used.
TOKEN = lazy_compile(
    rf"[A-Za-z]\.(?:[A-Za-z]\.)+|(?=[A-Zrvea][\w'.]{{0,5}}\.)(?:{_ABBREV})\.(?=\s|\)|,|$)|''|``|"
    r"[\w@#]+(?:[-’'.&/]\w+)*|[“”\"‘’']|[^\w\s]",
)
# The same tokens, captured, for ``split``: the pieces alternate gap (whitespace, perhaps
# empty) and token, so the running sum of their lengths gives every token's offset.
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
WORD = re.compile(r"\w")

QUOTE_MARKS = frozenset(('“', '”', '"', "''", "``"))  # the marks that open or close quotes

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


class Tok(NamedTuple):
    """One token. A tuple: made by the hundred per article, a tuple costs no Python call
    (``make_toks``)."""

    start: int
    end: int
    text: str
    low: str
    sent: int  # index of the sentence containing this token (-1: none)
    quote: int = -1  # index of the quote span containing this token (-1: none)


def make_toks(*fields: Iterable[Any]) -> list[Tok]:
    """Tokens from parallel field sequences (``Tok(*row)`` for each row, without the call)."""
    return list(map(tuple.__new__, repeat(Tok), zip(*fields, strict=False)))


def token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """Texts, start and end offsets of the tokens (what ``TOKEN.findall`` finds, and where),
    in one scan without a match object per token: ``split`` on the captured pattern gives
    gap, token, gap, ..., token, gap, and the running sum of their lengths gives where each
    token starts and ends."""
    parts = _TOKEN_SPLIT.split(text)
    edges = list(accumulate(map(len, parts)))
    return parts[1::2], edges[:-1:2], edges[1::2]


def token_texts(text: str) -> tuple[list[str], list[int]]:
    """Texts and start offsets of the tokens (see :func:`token_spans`)."""
    texts, starts, _ = token_spans(text)
    return texts, starts


def tokenize(text: str) -> list[Tok]:
    """The tokens of ``text`` (outside every sentence and quotation)."""
    texts, starts, ends = token_spans(text)
    return make_toks(starts, ends, texts, map(str.lower, texts), repeat(-1), repeat(-1))


def is_cap(t: Tok) -> bool:
    """Capitalised, or a number glued to letters ("3M")."""
    c = t.text[0]
    return c.isupper() or (c.isdigit() and len(t.text) > 1 and t.text[-1].isalpha())


def is_word(t: Tok) -> bool:
    """Whether a token starts with a word character (``WORD``'s ``\\w``: a letter, digit
    or numeral, or an underscore; no regex call)."""
    c = t.text[:1]
    return c.isalnum() or c == "_"


def count_words(toks: Sequence[Tok], a: int, b: int, cap: int) -> int:
    """The number of word tokens in ``toks[a:b]``, counting no further than ``cap``."""
    n = 0
    for k in range(a, b):
        if WORD.match(toks[k].text):
            n += 1
            if n >= cap:
                break
    return n


# what becomes of a quotation still open at a paragraph break
_CONTINUED = "continued"  # the next paragraph opens with a quotation mark
_GOES_ON = "goes on"  # the next paragraph starts lower-case: broken mid-sentence
_CLOSED = "closed"


def _open_quote_at_break(text: str, para_end: int) -> str:
    """:data:`_CONTINUED`, :data:`_GOES_ON` or :data:`_CLOSED`: the fate of a quotation
    open at the paragraph break at ``para_end``, by how the next paragraph starts."""
    nxt = text[para_end:].lstrip()
    if nxt[:1] in ('“', '"') or nxt[:2] in ("''", "``"):
        return _CONTINUED
    if nxt[:1].islower():
        return _GOES_ON
    return _CLOSED


def _paragraph_end(para_ends: list[int], start: int, text_end: int) -> int:
    """The first paragraph end after ``start`` (``text_end`` if none)."""
    for pe in para_ends:
        if pe > start:
            return pe
    return text_end


def find_quotes(text: str, toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """Pair quotation marks into spans (including the marks), across paragraphs; the spans
    come in text order and never overlap (one quotation is open at a time).

    Curly marks pair by direction; straight ``"`` and ``''`` toggle. A paragraph
    that ends with a quotation still open continues into the next paragraph when
    that paragraph opens with a quotation mark; otherwise the quotation is closed
    at the paragraph end.
    """
    para_ends = [m.start() for m in _PARA_BREAK.finditer(text)] + [len(text)]
    spans: list[tuple[int, int]] = []
    open_start = -1
    open_kind = ""
    last_end = -1
    pi = 0
    continuing = False
    for t in toks:
        if t.text not in QUOTE_MARKS:
            continue
        while pi < len(para_ends) - 1 and t.start > para_ends[pi]:
            # paragraph boundary crossed
            if open_start >= 0:
                fate = _open_quote_at_break(text, para_ends[pi])
                if fate == _CONTINUED:
                    continuing = True
                elif fate == _CLOSED:
                    spans.append((open_start, max(last_end, open_start + 1)))
                    open_start = -1
            pi += 1
        last_end = t.end
        kind = "curly" if t.text in ('“', '”') else "straight"
        if continuing:
            continuing = False
            if t.text in ('“', '"', "''", "``"):
                continue  # the continuation mark of a multi-paragraph quotation
        if open_start < 0:
            if t.text == '”':
                continue  # stray closing mark
            open_start, open_kind = t.start, kind
        else:
            if t.text == '“' and open_kind == "curly":
                # a new opening inside an open curly quote: close the old one here
                spans.append((open_start, t.start))
                open_start = t.start
                continue
            if kind == "curly" and t.text != '”' and open_kind != "curly":
                continue
            spans.append((open_start, t.end))
            open_start = -1
    if open_start >= 0:
        spans.append((open_start, _paragraph_end(para_ends, open_start, len(text))))
    return [s for s in spans if s[1] > s[0]]
