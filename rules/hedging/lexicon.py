"""The hedging lexicon: cue categories, and the compiled cue entries with their speed shortcuts.

Cue spans come from ``rules/hedging/lexicon.json``: per category, a list of entries, each a
regular expression (``re``) with optional vetoes on the text just before (``not_before``)
or just after (``not_after``) a match, so that "May" the month, "military might", "could
not be reached" or "suggested a meeting" are not taken for hedges. The configuration adds
literal cue phrases per category (``[tool.checker.lexicon.hedging]``).

Speed shortcuts, each behind one function here, never change a match:

- case-insensitive entries run case-sensitively on the lower-cased text (about three times
  faster than ``re.IGNORECASE``, which defeats the regex engine's prefix scan);
- :attr:`LexiconEntry.needles`: strings one of which every match contains
  (:func:`checker.core.regexlit.prefilter_needles`); when none is in the text the entry is
  not scanned at all;
- :attr:`LexiconEntry.check_start`: the "cue starts a word" lookbehind is left out of the
  pattern and checked in Python by :func:`entry_matches`, where
  :func:`checker.core.regexlit.opens_with_required_item` says that is equivalent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.core.datafiles import load_data
from checker.core.regexlit import opens_with_required_item, prefilter_needles
from rules.hedging.scan import leading_strings

LEXICON_PATH = Path(__file__).resolve().parent / "lexicon.json"

EPISTEMIC = "epistemic"
REPORTATIVE = "reportative"
WEASEL = "weasel"
APPROXIMATOR = "approximator"
BOOSTER = "booster"
CATEGORIES: tuple[str, ...] = (EPISTEMIC, REPORTATIVE, WEASEL, APPROXIMATOR, BOOSTER)
# Categories recorded when the configuration does not say otherwise (approximators are
# added when the ``approximator`` rule is enabled).
DEFAULT_CATEGORIES: tuple[str, ...] = (EPISTEMIC, REPORTATIVE, WEASEL, BOOSTER)
# The categories that count as hedges (boosters are the opposite: overstated certainty).
HEDGE_CATEGORIES: frozenset[str] = frozenset({EPISTEMIC, REPORTATIVE, WEASEL, APPROXIMATOR})

# Extra cue phrases from the configuration, frozen to be hashable: ((category, phrases), ...).
FrozenExtra = tuple[tuple[str, tuple[str, ...]], ...]


class LexiconEntry:
    """One cue entry of the lexicon (or a configured literal phrase), compiled on first use.

    ``needles`` and ``check_start`` are known before any regex is compiled (the shipped
    lexicon stores them, see :func:`derived_fields`), so an entry whose needles are absent
    from a text is never compiled: a short draft compiles a handful of the ~80 patterns."""

    __slots__ = ("_na", "_nb", "_pattern", "_starts", "category", "check_start", "key", "lower",
                 "na_source", "nb_source", "needles", "source", "veto_flags")

    def __init__(self, key: str, category: str, source: str, *, nb_source: str = "",
                 na_source: str = "", veto_flags: int = 0, lower: bool = True,
                 needles: tuple[str, ...] = (), check_start: bool = False) -> None:
        self.key = key
        self.category = category
        self.source = source  # the pattern, with the word-start lookbehind unless check_start
        self.nb_source = nb_source
        self.na_source = na_source
        self.veto_flags = veto_flags
        self.lower = lower  # match against the lower-cased text
        # Strings of which every match contains one: when none is in the text, skip the scan.
        self.needles = needles
        # The "not inside a word" lookbehind is left out of the pattern and checked in Python
        # by :func:`entry_matches`: a leading lookbehind disables the engine's fast scan for
        # the first characters (kept for patterns that start with an optional part).
        self.check_start = check_start
        self._pattern: re.Pattern[str] | None = None
        self._starts: tuple[str, ...] | None | bool = False  # False: not worked out yet
        self._nb: re.Pattern[str] | None = None
        self._na: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source)
        return self._pattern

    @property
    def starts(self) -> tuple[str, ...] | None:
        """Strings one of which every match starts with (:mod:`rules.hedging.scan`), or
        None (scan the whole text); worked out on first use."""
        if self._starts is False:
            self._starts = leading_strings(self.source)
        return self._starts  # type: ignore[return-value]

    @property
    def not_before(self) -> re.Pattern[str] | None:
        """Vetoes a match when it matches the text just before it."""
        if self._nb is None and self.nb_source:
            self._nb = re.compile(self.nb_source, self.veto_flags)
        return self._nb

    @property
    def not_after(self) -> re.Pattern[str] | None:
        """Vetoes a match when it matches the text just after it (anchored)."""
        if self._na is None and self.na_source:
            self._na = re.compile(self.na_source, self.veto_flags)
        return self._na


WORD_BEFORE = r"(?<![\w'’-])"  # a cue starts a word
WORD_CHARS_BEFORE = "_'’-"  # with str.isalnum(), what the lookbehind rejects (\w'’-)


def _pattern_of(raw: Mapping[str, Any]) -> tuple[str, bool]:
    """The full pattern of a lexicon entry (before the word-start lookbehind), and whether
    it runs on the lower-cased text."""
    case = bool(raw.get("case"))
    # A space in the lexicon means "some whitespace"; " ?" means "optional whitespace".
    body = str(raw["re"]).replace(" ?", r"\s*").replace(" ", r"\s+")
    if not case:
        # Case-insensitive entries run case-sensitively on the lower-cased text (about three
        # times faster than re.IGNORECASE, which defeats the regex engine's prefix scan).
        body = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), body)
    return rf"(?:{body})(?![\w-])", not case


def derived_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """What the shipped lexicon stores beside each entry's ``re`` so that nothing has to be
    parsed at start-up: its ``needles`` and ``check_start`` (a test keeps them equal to
    what :mod:`checker.core.regexlit` works out from the pattern), and its ``starts``
    (:func:`rules.hedging.scan.leading_strings`; null when every position must be tried)."""
    pattern, _ = _pattern_of(raw)
    starts = leading_strings(pattern)
    return {"needles": list(prefilter_needles(pattern)),
            "check_start": opens_with_required_item(pattern),
            "starts": None if starts is None else list(starts)}


def _entry(key: str, category: str, pattern: str, derived: Mapping[str, Any] | None,
           **vetoes: Any) -> LexiconEntry:
    starts: tuple[str, ...] | None | bool = False  # False: worked out on first use
    if derived is None:
        needles, check_start = prefilter_needles(pattern), opens_with_required_item(pattern)
    else:
        needles, check_start = tuple(derived["needles"]), bool(derived["check_start"])
        if "starts" in derived:
            starts = None if derived["starts"] is None else tuple(derived["starts"])
    entry = LexiconEntry(key, category, pattern if check_start else WORD_BEFORE + pattern,
                         needles=needles, check_start=check_start, **vetoes)
    entry._starts = starts
    return entry


def compile_entry(category: str, raw: Mapping[str, Any]) -> LexiconEntry:
    """One lexicon entry (``key``, ``re``, optional ``not_before``/``not_after``/``case``, and
    the stored ``needles``/``check_start``/``starts``, worked out here when absent)."""
    pattern, lower = _pattern_of(raw)
    stored = raw if "needles" in raw and "check_start" in raw else None
    return _entry(
        str(raw["key"]), category, pattern, stored,
        nb_source=str(raw.get("not_before") or ""),
        na_source=str(raw.get("not_after") or ""),
        veto_flags=0 if raw.get("case") else re.IGNORECASE,
        lower=lower,
    )


def literal_entry(category: str, phrase: str) -> LexiconEntry:
    """A configured cue phrase: its words, any whitespace between them, any case."""
    words = [re.escape(w) for w in phrase.split()]
    if not words:
        raise ValueError(f"empty {category} cue in configuration")
    body = r"\s+".join(words).lower()
    return _entry(phrase.lower(), category, rf"(?:{body})(?![\w-])", None)


def entry_matches(entry: LexiconEntry, subject: str) -> Iterator[tuple[int, int]]:
    """Spans of ``entry.pattern`` in ``subject`` (as ``finditer`` with the word-start
    lookbehind would give them)."""
    if not entry.check_start:
        for m in entry.pattern.finditer(subject):
            yield m.span()
        return
    search = entry.pattern.search
    pos = 0
    while (m := search(subject, pos)) is not None:
        s = m.start()
        if s and (subject[s - 1].isalnum() or subject[s - 1] in WORD_CHARS_BEFORE):
            pos = s + 1  # inside a word: the lookbehind would have failed here
            continue
        pos = m.end()  # matches are never empty (checked when compiled)
        yield s, pos


def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, list[dict[str, Any]]]:
    """The raw lexicon: category -> list of entries (``key``, ``re``, vetoes)."""
    data = load_data(path, "checker-hedging-lexicon")
    return {cat: list(spec["entries"]) for cat, spec in data["categories"].items()}


@lru_cache(maxsize=1)
def base_entries() -> tuple[LexiconEntry, ...]:
    """The shipped lexicon, compiled (once per process)."""
    lex = load_lexicon()
    return tuple(compile_entry(cat, raw) for cat in CATEGORIES for raw in lex.get(cat, ()))


def as_list(values: Iterable[str] | str) -> list[str]:
    """A configuration value given as one string or as a list of strings."""
    return [values] if isinstance(values, str) else [str(v) for v in values]


def freeze_extra(m: Mapping[str, Iterable[str]] | None) -> FrozenExtra:
    """Configured extra cue phrases per category, as a hashable key for :func:`entries_for`."""
    if not m:
        return ()
    return tuple(sorted((str(k), tuple(as_list(vs))) for k, vs in m.items()))


@lru_cache(maxsize=32)
def entries_for(extra: FrozenExtra) -> tuple[LexiconEntry, ...]:
    """The shipped entries plus the configured extra phrases (compiled once per configuration)."""
    added = []
    for cat, phrases in extra:
        if cat not in CATEGORIES:
            raise ValueError(f"unknown hedge category {cat!r} (known: {', '.join(CATEGORIES)})")
        added.extend(literal_entry(cat, p) for p in phrases)
    return base_entries() + tuple(added)
