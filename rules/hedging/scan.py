"""Matching a lexicon entry only where a match can start: the same spans, found faster.

Most hedge cues start with one of a few words ("may", "might", "critics", "some", "it is
thought"). :func:`leading_strings` works out, from the parsed pattern, a small set of
strings one of which every match starts with; :class:`Starts` finds where each such string
starts a word in a text (``str.find``, once per string and text, shared by every entry that
starts with it), and :func:`matches_at_starts` tries the entry's pattern only there (``match``
at a position), left to right, resuming after each match: exactly the spans ``finditer``
finds, since a match (which always starts a word) can begin nowhere else. An entry whose
pattern may start with almost anything (no such set, or one holding a string shorter than
:data:`MIN_START` characters) is scanned as before.

The analysis reads the regex engine's parser (``re._parser``); if a future Python changes
it, :func:`leading_strings` returns None and every entry is scanned as before.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parser
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

MAX_STARTS = 64  # more leading strings than this: not worth a find each
MIN_START = 2  # a one-character leading string occurs everywhere: scan instead
SHORT_START = 3  # leading strings this short are found with a regex, longer ones with find
# In a text this short every leading string is found with find: compiling its regex would
# cost more than the scan (a draft checked on save), and both give the same offsets.
SHORT_TEXT = 4000


def leading_strings(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings (each at least :data:`MIN_START` characters) one of which every match of
    ``pattern`` starts with, or None when there is no such small set."""
    try:
        found = _starts(list(_sre_parser.parse(pattern, flags)))
    except Exception:  # the regex engine's internals changed: scan instead
        return None
    if not found or len(found) > MAX_STARTS or min(map(len, found)) < MIN_START:
        return None
    # a string that starts with another one is found with it
    kept = {s for s in found if not any(t != s and s.startswith(t) for t in found)}
    return tuple(sorted(kept))


def _finite(item: tuple[Any, Any]) -> set[str] | None:
    """Every string one parsed item can match, if it is a literal or a class of literals."""
    op, av = item
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.IN and av and all(o is _sre.LITERAL for o, _ in av):
        return {chr(c) for _, c in av}
    return None


def _starts(items: list[Any]) -> set[str] | None:
    """Non-empty strings one of which every match of the parsed ``items`` starts with (the
    longest literal run at the start, through groups and alternations), or None."""
    run = {""}
    for i, item in enumerate(items):
        op, av = item
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT) and run == {""}:
            continue  # zero width before anything is consumed
        options = _finite(item)
        if options is not None:
            longer = {a + b for a in run for b in options}
            if len(longer) > MAX_STARTS:
                break
            run = longer
            continue
        found = _starts_of_item(item, items[i + 1 :])
        if found is None:
            break  # the run so far (if any) is the start
        longer = {a + b for a in run for b in found}
        if run != {""} and min(map(len, run)) >= MIN_START or len(longer) > MAX_STARTS:
            break  # long enough already, or too many to look for
        return longer
    return None if "" in run else run


def _starts_of_item(item: tuple[Any, Any], rest: list[Any]) -> set[str] | None:
    """:func:`_starts` of a group, alternation or repeat followed by ``rest``."""
    op, av = item
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        return _starts(list(av[3]) + rest)
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _starts(list(branch) + rest)
            if found is None:
                return None
            out |= found
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        lo, hi, body = av
        first = _starts(list(body) + rest) if hi == 1 else _starts(list(body))
        if lo >= 1 or first is None:
            return first
        skipped = _starts(rest)
        return None if skipped is None else first | skipped
    return None


class Starts:
    """Where each leading string occurs at the start of a word in one text (found on first
    request): every lexicon match starts a word (the lookbehind ``(?<![\\w'’-])``)."""

    __slots__ = ("_found", "text", "word_chars")

    def __init__(self, text: str, word_chars: str = "_'’-") -> None:
        self.text = text
        self.word_chars = word_chars  # besides alphanumerics, what continues a word
        self._found: dict[str, list[int]] = {}

    def positions(self, strings: tuple[str, ...]) -> list[int]:
        """Every offset where one of ``strings`` starts a word, sorted."""
        out: list[int] = []
        for s in strings:
            at = self._found.get(s)
            if at is None:
                at = self._find(s)
                self._found[s] = at
            out.extend(at)
        if len(strings) > 1:
            out.sort()
        return out

    def _find(self, s: str) -> list[int]:
        if len(s) <= SHORT_START and len(self.text) > SHORT_TEXT:
            # occurs often inside words: let the engine skip those
            return [m.start() for m in _word_start_finder(s, self.word_chars).finditer(self.text)]
        text, inside = self.text, self.word_chars
        find = text.find
        at = []
        i = find(s)
        while i >= 0:
            if not i or not (text[i - 1].isalnum() or text[i - 1] in inside):
                at.append(i)
            i = find(s, i + 1)
        return at


def matches_at_starts(pattern: re.Pattern[str], text: str,
                      positions: list[int]) -> Iterator[tuple[int, int]]:
    """The spans ``finditer`` finds with a word-start lookbehind, trying only ``positions``
    (word starts, from :class:`Starts`)."""
    match = pattern.match
    end = 0
    for p in positions:
        if p >= end and (m := match(text, p)) is not None:
            end = m.end()
            yield p, end


@lru_cache(maxsize=1024)
def _word_start_finder(s: str, word_chars: str) -> re.Pattern[str]:
    """``s`` where it starts a word: the literal first (the engine scans for it as fast as
    ``str.find``), then a lookbehind over it and the character before it."""
    literal = re.escape(s)
    inside = "".join(re.escape(c) for c in word_chars)
    return re.compile(f"{literal}(?<![\\w{inside}]{literal})")
