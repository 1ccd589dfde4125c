"""The word lists and text helpers that the ATT001 vagueness scans share.

Capitalised words for members of a group (:data:`GROUP_WORD`: "a Nevada Democrat", "two
Texans"), plural nouns for unnamed groups of people (:func:`_group_heads`), indefinite
document nouns (:data:`_REPORT_NOUNS`), and the scans' plumbing: one text's lower case
shared by its scans (:func:`_lowered`), a sentence scan gated by key strings that skips
quotations (:func:`_scan`, :func:`_quoted`). ``vague.py`` (source phrases),
``vague_groups.py`` (group and aside scans), ``vague_few.py`` and ``vague_passive.py``
read them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from checker.core.regexlit import lazy_compile
from checker.text.lowercase import lowered
from rules.attribution.lexicon import Lexicon

Span = tuple[int, int]

# nationalities and residents whose endings are as common in surnames and places ("-is":
# Lewis, Davis, Paris; "-ers": Sanders, Myers, Powers): named one by one
_LISTED_MEMBERS = (
    "Israelis", "Pakistanis", "Iraqis", "Saudis", "Somalis", "Yemenis", "Kuwaitis", "Omanis",
    "Qataris", "Bahrainis", "Emiratis", "Bangladeshis", "Nepalis", "Azeris", "Punjabis",
    "Kashmiris", "Londoners", "Northerners", "Southerners", "Westerners", "Easterners",
    "Islanders", "Highlanders", "Lowlanders", "Midlanders", "Yorkers", "Icelanders",
    "Netherlanders", "Newfoundlanders", "Marylanders",
)
# capitalised words for members of a group: party members, nationalities and residents
# ("a Nevada Democrat", "several Canadians", "two Texans"); not a surname ("a teary-eyed Bush",
# "Sanders") nor a place ("Paris"): an ending alone counts only where surnames rarely have it
GROUP_WORD = lazy_compile(
    r"^(?:(?:Democrat|Republican|Conservative|Liberal|Tory|Socialist|Libertarian|Progressive"
    r"|Independent|Green|Labourite|Unionist|Nationalist|Loyalist|Separatist|Muslim|Christian"
    r"|Catholic|Protestant|Jew|Sunni|Shiite|Evangelical)s?|Tories|"
    # the listed "-is" plurals and their singulars ("Israeli", "Kashmiri")
    + "|".join(w[:-1] for w in _LISTED_MEMBERS if w.endswith("is")) + "|"
    + "|".join(_LISTED_MEMBERS)
    + r"|[A-Z][a-z]+(?:ians?|eans?|ans|ese|ites))$")
# plural bodies that an unnamed group can be ("organisations that endorsed him")
_GROUP_BODIES = frozenset(("groups", "organizations", "organisations", "companies",
                           "businesses", "firms", "outlets", "agencies", "charities",
                           "unions", "campaigns"))

# rank words before an unnamed group: "senior Tories", "leading Democrats", "top
# Republicans", "senior government figures" (a first word that names no one)
RANKS = frozenset(("senior", "leading", "top", "prominent", "veteran", "moderate", "rebel",
                   "backbench", "influential", "high-ranking", "junior", "key", "centrist",
                   "hardline", "mainstream", "establishment"))

_REPORT_NOUNS = frozenset(("report", "study", "survey", "analysis", "memo", "document",
                           "poll", "paper", "briefing", "assessment", "estimate", "review",
                           "account", "dossier", "leak", "note", "letter", "filing"))


# plural nouns for unnamed people that a that-clause after a reporting verb makes a source
_GROUP_HEADS = frozenset((
    "critics", "experts", "officials", "analysts", "observers", "opponents", "supporters",
    "proponents", "detractors", "skeptics", "sceptics", "economists", "scientists", "researchers",
    "historians", "commentators", "pundits", "insiders", "sources", "activists", "campaigners",
    "advocates", "residents", "locals", "witnesses", "doctors", "lawyers", "investigators",
    "diplomats", "lawmakers", "legislators", "strategists", "academics", "scholars", "specialists",
    "parents", "teachers", "neighbours", "neighbors", "executives", "investors", "traders",
    "bankers", "officers", "authorities", "aides", "allies", "rivals", "environmentalists",
    "conservationists", "physicians", "nurses", "clinicians", "epidemiologists", "bosses",
    "chiefs", "managers", "reporters", "journalists", "authors", "visitors", "motorists",
    "tourists", "homeowners", "survivors",
    # trades and industries, unnamed: "Manufacturers say", "Cement makers argue"
    "makers", "manufacturers", "producers", "retailers", "lenders", "insurers", "employers",
    "exporters", "importers", "suppliers", "carmakers", "automakers", "drugmakers",
    "chipmakers", "airlines", "banks", "growers", "builders", "developers", "operators",
)) | _GROUP_BODIES
_QUOTE_CHARS = "\"“”"


# a capitalised word that modifies a head rather than names a person: an abbreviation
# ("U.S.", "EU") or an adjective of a nation or region ("Iranian", "Western", "Israeli")
_MODIFIER = lazy_compile(
    r"(?:[A-Z]|(?:[A-Z]\.){1,3}|[A-Z]{2,4}|[A-Z][a-z]+(?:ian|ese)|Israeli|Western|Eastern"
    r"|Northern|Southern|British|Irish|Scottish|Welsh|Spanish|Polish|Danish|Swedish|Turkish"
    r"|Finnish|Arab|Thai|Iraqi|Pakistani|Saudi|Kurdish|Dutch|French|Greek|Swiss)$")

# words for a source that withhold a name ("the senior U.S. official", "the diplomats")
_HIDDEN_HEADS = frozenset(("official", "officials", "source", "sources", "insider", "insiders",
                           "diplomat", "diplomats", "aide", "aides", "envoys", "negotiators"))

_NAMED_ROLE: dict[str, re.Pattern[str]] = {}


def lazy_named_role(head: str) -> re.Pattern[str]:
    """A pattern for someone named with the role ``head``: "official Ana Ruiz", "Ana Ruiz,
    a senior official", "Ruiz, the bank's envoy"."""
    got = _NAMED_ROLE.get(head)
    if got is None:
        got = re.compile(rf"\b{head}s?\s+(?:[A-Z]\.\s+)?[A-Z][a-z][\w'’-]*\s+[A-Z][\w'’-]+"
                         rf"|[A-Z][\w'’-]+,\s+(?:an?|the|one)\s+(?:[\w.'’-]+\s+){{0,5}}?"
                         rf"{head}s?\b")
        _NAMED_ROLE[head] = got
    return got


def found_before(pattern: re.Pattern[str], text: str, at: int) -> bool:
    """``pattern.search(text, 0, at) is not None`` for a pattern whose every match ends in
    a word character, an apostrophe or a hyphen and looks past its end by ``\\b`` at most
    (:func:`lazy_named_role`, the group patterns of ``vague.py``), without a search from the
    text's start for every phrase (a long text of "the officials said" sentences was
    quadratic).

    Where ``text[at - 1]`` is none of those, no match can end at ``at``, so one is found in
    ``text[:at]`` exactly when the text holds a match ending before ``at``: true from some
    offset on. That offset, among such places, is found once per pattern and text by
    bisection (:func:`_first_place_after_a_match`); any other ``at`` is searched as before."""
    if not 0 < at < len(text) or _MATCH_END.match(text, at - 1):
        return pattern.search(text, 0, at) is not None
    places, first = _first_place_after_a_match(pattern, text)
    k = bisect.bisect_left(places, at)
    return k < len(places) and places[k] == at and k >= first


@functools.lru_cache(maxsize=32)
def _first_place_after_a_match(pattern: re.Pattern[str], text: str) -> tuple[list[int], int]:
    """The offsets ``p`` (0 < p < len(text)) where ``text[p - 1]`` cannot end a match, in
    order, and the index of the first of them with a match in ``text[:p]`` (``len`` when
    none). Whether ``text[:p]`` holds a match only grows with ``p`` at these places (a
    match there is a match of the whole text ending before ``p``), so bisection finds it."""
    places = [m.end() for m in _NOT_MATCH_END.finditer(text, 0, len(text) - 1)]
    lo, hi = 0, len(places)
    if hi and pattern.search(text, 0, places[-1]) is None:
        return places, hi
    while lo < hi:
        mid = (lo + hi) // 2
        if pattern.search(text, 0, places[mid]) is not None:
            hi = mid
        else:
            lo = mid + 1
    return places, lo


_MATCH_END = re.compile(r"[\w'’-]")
_NOT_MATCH_END = re.compile(r"[^\w'’-]")


LATER = 500  # characters after a document in which the text may name it


@functools.cache  # a head noun of a document: a handful of them
def named_document_later(head: str) -> re.Pattern[str]:
    """A pattern for a document with the head noun ``head`` and its author or publisher:
    "A Harbour Ledger poll", "The USA TODAY/Acme poll", "the survey, released by Acme",
    "a new poll by the Harbour Institute"."""
    return re.compile(
        rf"\b(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|One|Another"
        rf"|New|Latest|Last|Same|Such)\s)"
        rf"[A-Z][\w'’./&-]*\s+(?:[A-Z\d][\w'’./&-]*\s+)*(?:[a-z]+\s+)?{head}s?\b"
        rf"|\b{head}s?\b[^.;!?]{{0,80}}?\b(?:by|from)\s+(?:the\s+)?[A-Z]")


# the last text lowered and its lower case, one tuple (read and replaced whole, so threads
# never see a text with another's lower case): the scans of one text share it
_last_lowered: tuple[str, str] = ("", "")


def _lowered(text: str) -> str:
    """``text`` in lower case, offset for offset (:func:`checker.text.lowercase.lowered`),
    remembered for the last text."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    low = lowered(text)
    _last_lowered = (text, low)
    return low


def blank_out(text: str, chars: str) -> str:
    """``text`` with every character of ``chars`` turned into a space, offset for offset."""
    for c in chars:
        if c in text:
            text = text.replace(c, " ")
    return text


# characters that separate words in :func:`_words`' copy of a text (besides white space)
PUNCT_CHARS = ".,;:!?()\"“”‘’'—–"
# the last text's words: its lower case with :data:`PUNCT_CHARS` turned into spaces, offset
# for offset, and the set of its white-space separated words (one tuple, as above)
_last_words: tuple[str, str, frozenset[str]] = ("", "", frozenset())


def _words(text: str) -> tuple[str, frozenset[str]]:
    """``text`` lower-cased with :data:`PUNCT_CHARS` turned into spaces (offset for
    offset), and the set of its words (split at white space), remembered for the last
    text: the scans of one text share them, to skip the keys that text cannot hold."""
    global _last_words
    last = _last_words
    if last[0] is text:
        return last[1], last[2]
    words = blank_out(_lowered(text), PUNCT_CHARS)
    vocab = frozenset(words.split())
    _last_words = (text, words, vocab)
    return words, vocab


@functools.cache  # one tuple of keys per scan: a few dozen in all
def key_words(keys: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """For each key, the words that every text holding it holds (:func:`_words`): those
    with a space on both sides inside the key (" been raised": "been"; "it is ": "is"),
    none of them with a character of :data:`PUNCT_CHARS`."""
    out = []
    for k in keys:
        inner = k.split(" ")[1:-1]
        out.append(tuple(w for w in inner if w and w.split() == [w]
                         and not any(c in PUNCT_CHARS for c in w)))
    return tuple(out)


def _scan(text: str, sentences: Iterable[Span], keys: tuple[str, ...],
          pattern: re.Pattern[str], lower: bool = False) -> list[Span]:
    """Spans of ``pattern`` outside quotations in the sentences that hold one of ``keys``
    (lower case; found with ``str.find``, much faster than a regex over the text; a key
    with a word the text lacks (:func:`key_words`) is not looked for)."""
    low = _lowered(text)
    sents = list(sentences)
    starts = [a for a, _ in sents]
    n = len(sents)
    vocab = _words(text)[1]
    # the sentences in which a key starts (one before every sentence, or between two, is
    # in none); after each start found, a key's search goes on where the next sentence
    # starts: the starts before it would find the same sentence again, or none
    hit: set[int] = set()
    for k, needed in zip(keys, key_words(keys), strict=True):
        if needed and not all(w in vocab for w in needed):
            continue  # a word of the key is nowhere in the text
        i = low.find(k)
        while i >= 0:
            si = bisect.bisect_right(starts, i) - 1
            if si >= 0 and i < sents[si][1]:
                hit.add(si)
            i = low.find(k, starts[si + 1]) if si + 1 < n else -1
    if not hit:
        return []
    out: list[Span] = []
    for i in sorted(hit):
        a, b = sents[i]
        s = text[a:b]
        for m in pattern.finditer(low[a:b] if lower else s):  # ``lower``: a lower-case pattern
            if not _quoted(s, m.start()):
                out.append((a + m.start(), a + m.end()))
    return sorted(out)


_HEADS_OF: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _group_heads(lex: Lexicon) -> frozenset[str]:
    """Lower-case plural nouns for unnamed groups of people ("critics", "paramedics",
    "farmers"): the scan's own list and the lexicon's plural anonymous heads and generic
    people (kept per lexicon)."""
    got = _HEADS_OF.get(id(lex))
    if got is None or got[0] is not lex:
        more = {w for w in lex.anonymous_heads | lex.generic_people
                if w.endswith("s") and " " not in w and w not in ("others", "some")}
        got = (lex, _GROUP_HEADS | frozenset(more))
        if len(_HEADS_OF) > 8:
            _HEADS_OF.clear()
        _HEADS_OF[id(lex)] = got
    return got[1]


def _quoted(s: str, at: int, lo: int = 0) -> bool:
    """Whether offset ``at`` of sentence ``s`` (or of the sentence ``s[lo:]``) lies inside a
    quotation (an odd number of straight or curly double quotes in ``s[lo:at]``). The
    quotes' offsets are found once per text (:func:`_quote_offsets`): counting them from
    the sentence's start for every phrase made a run-on sentence of many phrases quadratic."""
    if at < 0 or lo < 0:  # slice offsets from the end: as ``str.count`` reads them
        return sum(s.count(q, lo, at) for q in _QUOTE_CHARS) % 2 == 1
    if at <= lo:
        return False
    quotes = _quote_offsets(s)
    return (bisect.bisect_left(quotes, at) - bisect.bisect_left(quotes, lo)) % 2 == 1


@functools.lru_cache(maxsize=64)
def _quote_offsets(s: str) -> list[int]:
    """The offsets of the straight and curly double quotes in ``s``, in order."""
    return [m.start() for m in _QUOTE.finditer(s)]


_QUOTE = re.compile("[" + _QUOTE_CHARS + "]")
