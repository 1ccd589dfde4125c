"""Regex helpers for scanning many patterns fast, with the same matches.

- :func:`required_literals`: strings one of which every match of a pattern contains, worked
  out once from the parsed pattern. Checking them with ``in`` costs a fraction of a regex
  scan, so a pattern whose strings are all absent from a text is not run at all (used by
  :mod:`checker.text.segment` for the boilerplate patterns and by :mod:`rules.hedging` for its
  lexicon).
- :class:`PatternSet`: "does any of these patterns match this text?", answered with one
  joined ``match`` for the anchored patterns and the prefilter for the others.

The analysis reads the regex engine's parser (``re._parser``); if a future Python changes
it, every helper falls back to plain scanning: slower, never wrong.
"""

from __future__ import annotations

import copy
import os
import re
import re._constants as _sre
import re._parser as _sre_parser
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from itertools import pairwise
from typing import Any

_MAX_ALTERNATIVES = 64  # give up on longer lists of alternative strings
# Non-ASCII characters that a case-insensitive regex matches to an ASCII character (tested).
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def required_literals(pattern: str, flags: int = 0, lowered: bool = False) -> set[str] | None:
    """A small set of strings one of which every match of ``pattern`` contains, or None.

    For a case-insensitive pattern, None unless ``lowered``: then the strings are lower-case
    ASCII, to look for in ``text.lower()`` of a text without :data:`FOLDS_TO_ASCII`."""
    try:
        tree = _sre_parser.parse(pattern, flags)
    except Exception:  # the regex engine's internals changed: no prefilter
        return None
    return _literals(tree, lowered)


def _literals(tree: Any, lowered: bool) -> set[str] | None:
    """:func:`required_literals` of a parsed pattern."""
    try:
        found = _required(list(tree))
    except Exception:  # the regex engine's internals changed: no prefilter
        return None
    if found is None or not tree.state.flags & re.IGNORECASE:
        return found
    if not lowered or not all(s.isascii() for s in found):
        return None
    return {s.lower() for s in found}


def _alternatives(items: list[Any]) -> set[str] | None:
    """Every string the parsed regex ``items`` can match, if that is a small finite set
    (literals, classes of literals, alternations, ``?``, zero-width assertions)."""
    out = {""}
    for op, av in items:
        if op is _sre.LITERAL:
            options = {chr(av)}
        elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
            options = {chr(c) for _, c in av}
        elif op is _sre.BRANCH:
            options = set()
            for branch in av[1]:
                alts = _alternatives(branch)
                if alts is None:
                    return None
                options |= alts
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[1] == 1:
            alts = _alternatives(av[2])
            if alts is None:
                return None
            options = alts | {""} if av[0] == 0 else alts
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            options = {""}  # zero width: consumes nothing
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            alts = _alternatives(av[3])
            if alts is None:
                return None
            options = alts
        else:
            return None
        out = {a + b for a in out for b in options}
        if len(out) > _MAX_ALTERNATIVES:
            return None
    return out


def _required(items: list[Any]) -> set[str] | None:
    """A small set of strings one of which every match of the parsed regex ``items``
    contains, or None. Candidates are the runs of finite items and the requirements of
    groups that must occur; the one with the longest shortest string wins."""
    candidates: list[set[str]] = []
    run = {""}  # alternatives of the current run of finite items
    for item in items:
        alts = _alternatives([item])
        if alts is not None:
            longer = {a + b for a in run for b in alts}
            if len(longer) <= _MAX_ALTERNATIVES:
                run = longer
            else:
                candidates.append(run)
                run = alts
            continue
        candidates.append(run)
        run = {""}
        op, av = item
        inner: set[str] | None = None
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:
            inner = _required(av[3])
        elif op is _sre.BRANCH:
            inner = set()
            for branch in av[1]:
                req = _required(branch)
                if req is None:
                    inner = None
                    break
                inner |= req
        if inner is not None:
            candidates.append(inner)
    candidates.append(run)
    # "" in a set means "may match nothing"; drop strings that contain another one
    usable = [{s for s in c if not any(t != s and t in s for t in c)} for c in candidates if c]
    usable = [c for c in usable if "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(s) for s in c), -len(c)))


_MAX_NEEDLES = 16  # beyond this many ``in`` checks a prefilter does not pay


def prefilter_needles(pattern: str, flags: int = 0, lowered: bool = False) -> tuple[str, ...]:
    """The :func:`required_literals` of ``pattern``, sorted, when there are few enough of them
    for ``any(s in text for s in needles)`` to pay as a test before the regex scan; else ()
    (no prefilter: always scan)."""
    found = required_literals(pattern, flags, lowered)
    return tuple(sorted(found)) if found and len(found) <= _MAX_NEEDLES else ()


def opens_with_required_item(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` is non-empty and its first item is not optional
    (not a leading ``x?``, ``x*`` or ``x{0,n}``).

    Then a lookbehind written in front of the pattern tests the character before the
    match's first character, so it can be checked in Python on each match's start instead
    (a leading lookbehind disables the regex engine's fast scan for the first characters).
    False when the regex engine's parser cannot tell (the caller keeps the lookbehind)."""
    try:
        tree = _sre_parser.parse(pattern, flags)
        first_op, first_av = tree[0]
        return tree.getwidth()[0] > 0 and not (
            first_op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and first_av[0] == 0
        )
    except Exception:  # the regex engine's internals changed: no shortcut
        return False
# \1, (?P=name), (?(1)...): not joined. The bracket must not be escaped ("\(?(?-i:x)" is an
# optional literal bracket before a group, not a conditional): an even run of backslashes only.
_GROUP_REFERENCE = re.compile(r"\\\d|(?<!\\)(?:\\\\)*\((?:\?P=|\?\()")


def analyse_pattern(source: str, flags: int = 0) -> tuple[str, int, tuple[str, ...]]:
    """How :class:`PatternSet` runs ``source``: ``("anchored", flags, ())`` for a pattern
    anchored at the text's start, else ``("unanchored", flags, needles)`` with the
    lower-case strings one of which every match contains (``()``: none known). ``flags``
    in the result are the compiled pattern's. Raises ``re.error`` for a bad pattern.

    A pure function of the pattern (its needles are a property of the language it
    matches), so it may be computed ahead and shipped as plain data."""
    try:
        tree = _sre_parser.parse(source, flags)
        full_flags = tree.state.flags  # what the compiled pattern's .flags will be
    except re.error:
        raise
    except Exception:  # the regex engine's internals changed: plain scanning
        return ("unanchored", flags, ())
    if _anchored_tree(tree, full_flags):
        return ("anchored", full_flags, ())
    found = _literals(tree, lowered=True) if full_flags & re.IGNORECASE else None
    needles = tuple(sorted(found)) if found and len(found) <= _MAX_NEEDLES else ()
    return ("unanchored", full_flags, needles)


class PatternSet:
    """Regexes asked one question: does any of them match somewhere in a text?

    :meth:`search` answers as ``any(p.search(text) for p in patterns)`` would, with less
    work: the patterns anchored at the start of the text are tried together in one
    ``match``, and a case-insensitive unanchored pattern is run only when one of its
    required strings (:func:`required_literals`) is in the lower-cased text.

    Each pattern is parsed once, when the set is made, and compiled only where it runs:
    the anchored ones joined into one regex, each other one on its first use (most are
    never used in a short text: their required strings are not in it).
    """

    def __init__(self, patterns: list[str], flags: int = 0,
                 known: Mapping[str, Sequence[Any]] | None = None,
                 first: Mapping[str, Sequence[str] | None] | None = None,
                 start_needles: Mapping[str, Sequence[str] | None] | None = None) -> None:
        """``known`` maps a pattern to its :func:`analyse_pattern` result, computed ahead
        (with these ``flags``): such a pattern is not parsed again here. ``first`` maps an
        anchored pattern to the characters a match can start with (lower case; None: any),
        as :func:`checker.text.firstchar.first_chars` works them out: when every anchored
        pattern is in it, a text is tried only against those that can start with its first
        character (see :class:`_JoinedByFirstChar`). ``start_needles`` maps an anchored pattern
        to its :func:`required_literals` (``lowered``; None: none known), by which those
        are not even compiled for a text that has none of their strings."""
        self.patterns = tuple(lazy_compile(p, flags) for p in patterns)
        anchored: list[tuple[re.Pattern[str], str, int]] = []
        self.unanchored: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
        for source, p in zip(patterns, self.patterns, strict=True):
            ahead = known.get(source) if known else None
            if ahead is not None:
                kind, full_flags, needles = ahead[0], int(ahead[1]), tuple(ahead[2])
            else:
                kind, full_flags, needles = analyse_pattern(source, flags)
            if kind == "anchored":
                anchored.append((p, source, full_flags))
            else:
                self.unanchored.append((p, needles))
        self.anchored = _joined_sources(anchored, first, start_needles)
        self.pieces = False  # True for a set narrowed by ``within``: its texts hold no FOLDS

    def within(self, text: str) -> PatternSet:
        """This set for searching pieces of ``text``: without the unanchored patterns none of
        whose required strings is anywhere in ``text``, and each other one with only those of
        its strings that are (without FOLDS_TO_ASCII, the ASCII strings of a piece's lower
        case come from ASCII characters, so they are in ``text.lower()`` too; and a piece of
        ``text`` holds no FOLDS_TO_ASCII letter: :meth:`search` does not look for one)."""
        if not self.unanchored or not text.isascii() and any(ch in text for ch in FOLDS_TO_ASCII):
            return self  # nothing to narrow, or a letter whose lower case is ASCII
        present = _present(text.lower(), self._needle_checks)
        narrowed = copy.copy(self)
        narrowed.pieces = True
        narrowed.unanchored = []
        for p, needles in self.unanchored:
            if needles:
                needles = tuple(filter(present.__getitem__, needles))  # a piece holds no other
                if not needles:
                    continue
            narrowed.unanchored.append((p, needles))
        return narrowed

    @cached_property
    def _needle_checks(self) -> tuple[tuple[str, str | None], ...]:
        """The unanchored patterns' strings, for :func:`_present`."""
        return _guarded_checks([n for _, needles in self.unanchored for n in needles])

    def search(self, text: str) -> bool:
        for a in self.anchored:
            if a.match(text):
                return True
        unanchored = self.unanchored
        if not unanchored:
            return False
        # rare (never in ASCII text, nor in a piece of a text ``within`` narrowed to): lower()
        # would miss a match
        if not self.pieces and not text.isascii() and any(ch in text for ch in FOLDS_TO_ASCII):
            return any(p.search(text) for p, _ in unanchored)
        low = ""  # lower-cased once a pattern has needles to look for
        for p, needles in unanchored:
            if needles:
                low = low or text.lower()
                if not any(map(low.__contains__, needles)):  # no generator frame per text
                    continue
            if p.search(text):
                return True
        return False


_GUARD_PREFIX = 7  # a prefix this long that two strings share is looked for before either


def _guarded_checks(needles: Iterable[str]) -> tuple[tuple[str, str | None], ...]:
    """``(string, guard)`` pairs for :func:`_present`, shortest string first: every distinct
    string of ``needles``, and every prefix of at least ``_GUARD_PREFIX`` characters that two
    of them share (" can be contacted " for " can be contacted at", "... by"); each with its
    guard, the longest shorter one of these strings it contains (None: none). A string is not
    in a text whose guard is not: one ``in`` saves many (a third of the time on news text)."""
    distinct = set(needles)
    strings = set(distinct)
    ordered = sorted(distinct)
    for pair in pairwise(ordered):  # neighbours in sorted order share the longest prefixes
        prefix = os.path.commonprefix(pair)
        if len(prefix) >= _GUARD_PREFIX:
            strings.add(prefix)
    by_length = sorted(strings, key=lambda s: (len(s), s))
    checks: list[tuple[str, str | None]] = []
    for i, s in enumerate(by_length):
        inside = [g for g in by_length[:i] if len(g) < len(s) and g in s]
        checks.append((s, max(inside, key=len) if inside else None))
    return tuple(checks)


def _present(low: str, checks: tuple[tuple[str, str | None], ...]) -> dict[str | None, bool]:
    """Whether each string of ``checks`` (:func:`_guarded_checks`) is in ``low``: looked for
    only when its guard is."""
    seen: dict[str | None, bool] = {None: True}
    for s, guard in checks:
        seen[s] = seen[guard] and s in low
    return seen


def _anchored_tree(tree: Any, flags: int) -> bool:
    """Whether a parsed pattern can only match at the start of the text (``^...`` without
    MULTILINE)."""
    try:
        return not flags & re.MULTILINE and len(tree) > 0 and tree[0] == (
            _sre.AT, _sre.AT_BEGINNING)
    except Exception:  # the regex engine's internals changed
        return False


_INLINE_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # "(?i)...": not inside a group


def _joined_sources(
    patterns: list[tuple[re.Pattern[str], str, int]],
    first: Mapping[str, Sequence[str] | None] | None = None,
    needles: Mapping[str, Sequence[str] | None] | None = None,
) -> tuple[re.Pattern[str], ...]:
    """One regex matching where any of ``patterns`` (each with its source and full flags)
    matches, when they can be joined (compiled on its first use: see :class:`_Joined`, or
    by the text's first character: :class:`_JoinedByFirstChar`, when ``first`` knows
    every pattern's first characters); else the patterns themselves."""
    alone = tuple(p for p, _, _ in patterns)
    if len(patterns) < 2 or len({flags for _, _, flags in patterns}) > 1:
        return alone
    if any(
        _GROUP_REFERENCE.search(source) or _INLINE_GLOBAL_FLAGS.match(source)
        for _, source, _ in patterns
    ):
        return alone  # group numbers change in the joined pattern; flags must come first
    joined: Any
    if first is not None and all(source in first for _, source, _ in patterns):
        known = needles is not None and all(source in needles for _, source, _ in patterns)
        joined = _JoinedByFirstChar(
            [source for _, source, _ in patterns], patterns[0][2], alone,
            [first[source] for _, source, _ in patterns],
            [needles[source] for _, source, _ in patterns] if known else None)  # type: ignore[index]
    else:
        joined = _Joined(
            "|".join(f"(?:{source})" for _, source, _ in patterns), patterns[0][2], alone
        )
    return (joined,)


class _Joined:
    """Anchored patterns joined into one regex, compiled on the first ``match`` (a set
    whose anchored patterns a short text never reaches does not compile them). If the
    joined regex does not compile (a group name used twice, say), each pattern is tried
    in turn: the same answer, slower."""

    def __init__(self, source: str, flags: int, alone: tuple[re.Pattern[str], ...]) -> None:
        self.pattern = source
        self.flags = flags
        self.alone = alone

    def match(self, text: str) -> Any:
        try:
            self.match = re.compile(self.pattern, self.flags).match  # type: ignore[method-assign]
        except re.error:
            alone = self.alone
            self.match = lambda t: next((m for p in alone if (m := p.match(t))), None)  # type: ignore[method-assign]
        return self.match(text)


def may_hold_literals(text: str, literals: Iterable[Sequence[str] | None]) -> bool:
    """Whether ``text`` may match one of some patterns, each given by the lower-case strings
    every match of it contains (:func:`required_literals`, ``lowered``; None: none known):
    it holds one of a pattern's strings, a pattern has none known, or ``text`` has a letter
    of :data:`FOLDS_TO_ASCII` (whose lower case is not what ``re.I`` matches)."""
    if not text.isascii() and any(ch in text for ch in FOLDS_TO_ASCII):
        return True
    low = text.lower()
    return any(found is None or any(map(low.__contains__, found)) for found in literals)


class _JoinedByFirstChar:
    """Anchored patterns joined by the character a match can start with: a text is tried
    against one regex joining only the patterns that can start with its first character,
    compiled on first use (a short draft whose blocks start with a few letters compiles a
    few small regexes, not one joining every pattern). The same answers as :class:`_Joined`
    (``pattern`` and ``flags`` are the whole join's):

    - an ASCII first character is looked up in lower case (a pattern's characters are in
      lower case: the ASCII letters are the only characters a case-insensitive ASCII letter
      matches, besides :data:`FOLDS_TO_ASCII`);
    - another first character: the patterns that can start with a non-ASCII character,
      unless it is in :data:`FOLDS_TO_ASCII` or a digit (``\\d`` matches any script's):
      then every pattern;
    - a pattern that can start with any character (None), or with one of
      :data:`FOLDS_TO_ASCII` (or a character whose lower case is two, as ``\u0130``'s), is
      tried on every text.

    With ``needles`` (each pattern's lower-case :func:`required_literals`, None: none
    known), the regex of a first character is compiled only when a text comes that holds
    one of its patterns' strings (no text that holds none can match): a short draft's
    blocks seldom do. Once compiled, it answers every text of that first character.
    """

    def __init__(self, sources: list[str], flags: int, alone: tuple[re.Pattern[str], ...],
                 firsts: list[Sequence[str] | None],
                 needles: list[Sequence[str] | None] | None = None) -> None:
        self.pattern = "|".join(f"(?:{source})" for source in sources)
        self.flags = flags
        self._sources = sources
        self._alone = alone
        any_start: list[int] = []
        by_char: dict[str, list[int]] = {}
        other: list[int] = []  # can start with a non-ASCII character
        for k, chars in enumerate(firsts):
            if chars is None or any(len(c) != 1 or c in FOLDS_TO_ASCII for c in chars):
                any_start.append(k)
                continue
            for c in chars:
                if c.isascii():
                    by_char.setdefault(c, []).append(k)
            if not all(c.isascii() for c in chars):
                other.append(k)
        self._any = any_start
        self._by_char = by_char
        self._other = other
        self._needles = needles
        self._by_key: dict[str, Callable[[str], Any] | None] = {}
        self._by_group: dict[tuple[int, ...], Callable[[str], Any]] = {}
        self._members: dict[str, tuple[int, ...]] = {}

    def _key(self, ch: str) -> str:
        if ch.isascii():
            return ch.lower()
        if ch in FOLDS_TO_ASCII or ch.isdigit():
            return "all"
        return "other"

    def _group(self, key: str) -> tuple[int, ...]:
        """The patterns (their indices, in order) a text of this key may match."""
        group = self._members.get(key)
        if group is None:
            if key == "all":
                members = set(range(len(self._sources)))
            elif key == "other":
                members = {*self._other, *self._any}
            else:
                members = {*self._by_char.get(key, ()), *self._any}
            group = self._members[key] = tuple(sorted(members))  # as the whole join tries them
        return group

    def _may_match(self, group: tuple[int, ...], text: str) -> bool:
        """Whether ``text`` may match a pattern of ``group`` (:func:`may_hold_literals`)."""
        needles = self._needles
        return needles is None or may_hold_literals(text, [needles[k] for k in group])

    def _matcher(self, key: str) -> Callable[[str], Any] | None:
        group = self._group(key)
        if not group:
            self._by_key[key] = None
            return None
        fn = self._by_group.get(group)
        if fn is None:
            try:
                fn = re.compile("|".join(f"(?:{self._sources[k]})" for k in group),
                                self.flags).match
            except re.error:
                alone = [self._alone[k] for k in group]
                fn = lambda t: next((m for p in alone if (m := p.match(t))), None)  # noqa: E731
            self._by_group[group] = fn
        self._by_key[key] = fn
        return fn

    def match(self, text: str) -> Any:
        key = self._key(text[:1]) if text else ""
        try:
            fn = self._by_key[key]
        except KeyError:
            if not self._may_match(self._group(key), text):
                return None  # nothing to compile for it yet
            fn = self._matcher(key)
        return fn(text) if fn is not None else None


_PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn",
                    "split", "scanner")


class LazyPattern:
    """A module-level regex compiled on first use, not at import.

    It answers like the ``re.Pattern`` it stands for (``search``, ``finditer``, ``sub``,
    ``pattern``, ``flags``...). The first call compiles the pattern and puts its own
    methods on the instance, where they shadow this class's: later calls cost what they
    cost on the pattern. A module whose patterns most runs never need (footnote notations
    in a draft without notes, HTML chrome in a Markdown file) does not compile them when
    it is imported. Pass :meth:`compiled` where a real ``re.Pattern`` is needed
    (``re.sub(pattern, ...)``, ``isinstance``).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = re.compile(self.pattern, self._flags)
        for name in _PATTERN_METHODS:
            self.__dict__[name] = getattr(compiled, name)
        return compiled

    def search(self, *args: Any) -> Any:
        return self.compiled().search(*args)

    def match(self, *args: Any) -> Any:
        return self.compiled().match(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self.compiled().fullmatch(*args)

    def finditer(self, *args: Any) -> Any:
        return self.compiled().finditer(*args)

    def findall(self, *args: Any) -> Any:
        return self.compiled().findall(*args)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def scanner(self, *args: Any) -> Any:
        return self.compiled().scanner(*args)

    @property
    def flags(self) -> int:
        return self.compiled().flags  # with the inline flags and re.UNICODE, as compiled

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use (see :class:`LazyPattern`)."""
    lazy: Any = LazyPattern(pattern, flags)
    return lazy  # typed as the pattern it stands for


class CompiledOnUse(dict[str, re.Pattern[str]]):
    """Named patterns, each compiled the first time it is asked for.

    ``sources`` returns every name's pattern source, or ``(source, flags)``; it is called on
    each first use, so it should be cached. A short draft compiles only the patterns its
    sentences reach (most sentences stop at a cheap word test before any pattern).
    """

    def __init__(self, sources: Callable[[], Mapping[str, str | tuple[str, int]]]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, key: str) -> re.Pattern[str]:
        source = self._sources()[key]
        pattern = re.compile(*source) if isinstance(source, tuple) else re.compile(source)
        self[key] = pattern
        return pattern
