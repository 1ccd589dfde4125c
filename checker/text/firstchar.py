"""A first-character index of regular expressions anchored at the start of a block.

The segmenter asks, for every short block, whether any of a few hundred boilerplate patterns
anchored at its start matches it. :class:`FirstCharIndex` groups the patterns by the characters
a match can start with (:func:`first_chars`, worked out from the parsed pattern), so a block is
tried only against the patterns that can start with its first character.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parser
from collections.abc import Mapping, Sequence
from typing import Any

from checker.core.regexlit import may_hold_literals

_MAX_RANGE = 40  # a character class wider than this tells nothing about the first character


def _class_chars(members: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The lower-cased characters of a parsed character class, or None when it is too wide
    or holds a category other than the digits."""
    chars: set[str] = set()
    for cop, cav in members:
        if cop is _sre.LITERAL:
            chars.add(chr(cav).lower())
        elif cop is _sre.RANGE and cav[1] - cav[0] <= _MAX_RANGE:
            chars.update(chr(c).lower() for c in range(cav[0], cav[1] + 1))
        elif cop is _sre.CATEGORY and cav is _sre.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None
    return frozenset(chars)


def _first_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The lower-cased characters a match of the parsed sequence ``items`` can start with,
    or None when any character (or none) can."""
    for k, (op, av) in enumerate(items):
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: the next item decides
        if op is _sre.LITERAL:
            return frozenset(chr(av).lower())
        if op is _sre.IN:
            return _class_chars(av)
        if op is _sre.SUBPATTERN:
            return _first_chars([*av[3], *items[k + 1 :]])
        if op is _sre.BRANCH:
            found: set[str] = set()
            for alt in av[1]:
                sub = _first_chars([*alt, *items[k + 1 :]])
                if sub is None:
                    return None
                found |= sub
            return frozenset(found)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            lo, _, body = av
            head = _first_chars(list(body))
            if head is None:
                return None
            if lo:
                return head
            rest = _first_chars(items[k + 1 :])
            return None if rest is None else head | rest
        return None
    return None


def first_chars(pattern: str, flags: int = re.IGNORECASE) -> list[str] | None:
    """The lower-cased characters a match of ``pattern`` can start with, sorted, or None
    when it can start with any character (what :class:`FirstCharIndex` groups it by)."""
    chars = _first_chars(list(_sre_parser.parse(pattern, flags)))
    return None if chars is None else sorted(chars)


class FirstCharIndex:
    """Patterns anchored at the start of a block, asked whether any matches it, grouped by
    the characters a match can start with: a block is tried only against the patterns that
    can start with its first character (joined into one regex per character, compiled on
    first use and shared by the characters with the same patterns, such as the ten digits),
    not against all of them in turn.

    ``known`` maps a pattern to its :func:`first_chars`, worked out ahead (with these
    ``flags``): such a pattern is not parsed again here. ``needles`` maps a pattern to the
    lower-case strings every match contains
    (:func:`checker.core.regexlit.required_literals`, None: none known): when every pattern
    is in it, a character's regex is compiled only for a block that holds one of its
    patterns' strings (a short draft's blocks seldom do), and then answers every block of
    that character."""

    def __init__(self, patterns: Sequence[str], flags: int = re.IGNORECASE,
                 known: Mapping[str, list[str] | None] | None = None,
                 needles: Mapping[str, Sequence[str] | None] | None = None) -> None:
        self.flags = flags
        self.any: list[str] = []  # patterns that can start with any character
        self.by_char: dict[str, list[str]] = {}
        for p in patterns:
            chars = known[p] if known and p in known else first_chars(p, flags)
            if chars is None:
                self.any.append(p)
            else:
                for ch in chars:
                    self.by_char.setdefault(ch, []).append(p)
        self._needles = needles if needles is not None and all(
            p in needles for p in patterns) else None
        self._joined: dict[str, re.Pattern[str] | None] = {}
        self._by_group: dict[tuple[str, ...], re.Pattern[str]] = {}

    def _regex(self, ch: str) -> re.Pattern[str] | None:
        if ch not in self._joined:
            group = (*self.by_char.get(ch, ()), *self.any)
            regex = self._by_group.get(group)
            if regex is None and group:
                source = "|".join(f"(?:{p})" for p in group)
                regex = self._by_group[group] = re.compile(source, self.flags)
            self._joined[ch] = regex
        return self._joined[ch]

    def match(self, body: str) -> bool:
        """Whether one of the patterns matches at the start of ``body``."""
        key = body[:1].casefold()[:1]
        if key.isdigit() and not key.isascii():
            key = "0"  # another script's digit: the patterns that start with any digit
        if key not in self._joined and self._needles is not None and not self._may_match(
                key, body):
            return False  # no pattern of this character can match: nothing compiled yet
        regex = self._regex(key)
        return bool(regex and regex.match(body))

    def _may_match(self, key: str, body: str) -> bool:
        """Whether ``body`` may match a pattern of ``key`` (:func:`may_hold_literals`)."""
        needles: Any = self._needles
        return may_hold_literals(body, [needles[p] for p in (*self.by_char.get(key, ()),
                                                              *self.any)])
