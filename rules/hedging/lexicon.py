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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.core.datafiles import load_data
from checker.core.regexlit import opens_with_required_item, prefilter_needles

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


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One compiled cue entry of the lexicon (or a configured literal phrase)."""

    key: str
    category: str
    pattern: re.Pattern[str]
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    lower: bool = True  # match against the lower-cased text
    # Strings of which every match contains one: when none is in the text, skip the scan.
    needles: tuple[str, ...] = ()
    # The "not inside a word" lookbehind is left out of the pattern and checked in Python by
    # :func:`entry_matches`: a leading lookbehind disables the engine's fast scan for the
    # first characters (kept for patterns that start with an optional part, where it pays).
    check_start: bool = False


WORD_BEFORE = r"(?<![\w'’-])"  # a cue starts a word
_WORD_CHARS_BEFORE = "_'’-"  # with str.isalnum(), what the lookbehind rejects (\w'’-)


def _compile(
    key: str,
    category: str,
    body: str,
    not_before: re.Pattern[str] | None = None,
    not_after: re.Pattern[str] | None = None,
    lower: bool = True,
) -> LexiconEntry:
    pattern = rf"(?:{body})(?![\w-])"
    check_start = opens_with_required_item(pattern)
    return LexiconEntry(
        key=key,
        category=category,
        pattern=re.compile(pattern if check_start else WORD_BEFORE + pattern),
        not_before=not_before,
        not_after=not_after,
        lower=lower,
        needles=prefilter_needles(pattern),
        check_start=check_start,
    )


def compile_entry(category: str, raw: Mapping[str, Any]) -> LexiconEntry:
    """One lexicon entry (``key``, ``re``, optional ``not_before``/``not_after``/``case``)."""
    case = bool(raw.get("case"))
    flags = 0 if case else re.IGNORECASE
    # A space in the lexicon means "some whitespace"; " ?" means "optional whitespace".
    body = str(raw["re"]).replace(" ?", r"\s*").replace(" ", r"\s+")
    if not case:
        # Case-insensitive entries run case-sensitively on the lower-cased text (about three
        # times faster than re.IGNORECASE, which defeats the regex engine's prefix scan).
        body = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), body)
    nb = raw.get("not_before")
    na = raw.get("not_after")
    return _compile(
        str(raw["key"]),
        category,
        body,
        not_before=re.compile(str(nb), flags) if nb else None,
        not_after=re.compile(str(na), flags) if na else None,
        lower=not case,
    )


def literal_entry(category: str, phrase: str) -> LexiconEntry:
    """A configured cue phrase: its words, any whitespace between them, any case."""
    words = [re.escape(w) for w in phrase.split()]
    if not words:
        raise ValueError(f"empty {category} cue in configuration")
    return _compile(phrase.lower(), category, r"\s+".join(words).lower())


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
        if s and (subject[s - 1].isalnum() or subject[s - 1] in _WORD_CHARS_BEFORE):
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
