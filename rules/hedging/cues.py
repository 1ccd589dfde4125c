"""Finding hedge and booster cues in any string, and the quotations they may sit in.

:func:`find_cues` runs the lexicon (:mod:`rules.hedging.lexicon`) over a text and keeps
non-overlapping spans (longest first, then the more specific category);
:func:`author_cues` leaves out the cues inside double quotation marks;
:func:`quotation_spans` finds those quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from checker.core.needles import NeedleIndex
from rules.hedging.lexicon import (
    APPROXIMATOR,
    BOOSTER,
    DEFAULT_CATEGORIES,
    EPISTEMIC,
    REPORTATIVE,
    WEASEL,
    WORD_CHARS_BEFORE,
    FrozenExtra,
    LexiconEntry,
    as_list,
    entries_for,
    entry_matches,
    freeze_extra,
)
from rules.hedging.scan import Starts, matches_at_starts

# On equal length, the more specific reading wins.
_PRIORITY = {REPORTATIVE: 0, WEASEL: 1, EPISTEMIC: 2, BOOSTER: 3, APPROXIMATOR: 4}
_WINDOW = 60  # characters of context the vetoes look at


class Cue(NamedTuple):
    """One cue span in a string: ``text[start:end]``, its category and lexicon key."""

    start: int
    end: int
    text: str
    category: str
    key: str


def _lowered(text: str) -> str:
    """``text.lower()``, keeping offsets: characters whose lower case is longer stay as they are."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare characters whose lower case is longer
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return lowered


def _entry_cues(entry: LexiconEntry, text: str, lowered: str,
                starts: tuple[Starts, Starts] | None = None,
                holds: tuple[AbstractSet[str], AbstractSet[str]] | None = None
                ) -> Iterator[Cue]:
    """The matches of one entry that its vetoes let through (``starts``: where leading
    strings occur in ``text`` and in ``lowered``, ``holds``: the entries' needles each of
    them holds, both shared by the entries of one scan)."""
    subject = lowered if entry.lower else text
    if entry.needles:
        if holds:
            present = any(map(holds[entry.lower].__contains__, entry.needles))
        else:
            present = any(n in subject for n in entry.needles)
        if not present:
            return  # none of the strings every match contains: no match (nothing compiled)
    leading = entry.starts
    if leading is not None:
        finder = starts[entry.lower] if starts else Starts(subject, WORD_CHARS_BEFORE)
        at = finder.positions(leading)
        if not at:
            return  # none of the strings every match starts with: no match
        spans = matches_at_starts(entry.pattern, subject, at)
    else:
        spans = entry_matches(entry, subject)
    for s, e in spans:
        if entry.not_before is not None and entry.not_before.search(
            text, max(0, s - _WINDOW), s
        ):
            continue
        if entry.not_after is not None and entry.not_after.match(text[e : e + _WINDOW]):
            continue
        yield Cue(s, e, text[s:e], entry.category, entry.key)


def _removed_keys(remove: Mapping[str, Iterable[str]] | None) -> dict[str, set[str]]:
    """Lexicon keys or cue texts to drop, lower-cased, per category."""
    return {cat: {v.lower() for v in as_list(vs)} for cat, vs in (remove or {}).items()}


def _without_removed(found: list[Cue], removed: dict[str, set[str]]) -> list[Cue]:
    """``found`` without the cues removed per category, by lexicon key or matched text (keys
    and texts lower-cased)."""
    if not removed:
        return found
    return [
        c
        for c in found
        if not (
            c.category in removed
            and (c.key.lower() in removed[c.category] or c.text.lower() in removed[c.category])
        )
    ]


def _non_overlapping(found: list[Cue]) -> list[Cue]:
    """Longest match wins; on ties the more specific category; sorted by offset."""
    if not found:
        return []
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.category], c.start))
    # one byte per character, 1 where a kept cue lies: a cue is a few words long, so each
    # check and mark is short, and the whole selection linear in the text's length
    taken = bytearray(max(c.end for c in found))
    kept: list[Cue] = []
    for c in found:
        if taken.find(1, c.start, c.end) >= 0:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def all_matches(
    text: str,
    categories: Iterable[str] = DEFAULT_CATEGORIES,
    extra: Mapping[str, Iterable[str]] | None = None,
) -> list[Cue]:
    """Every match of the lexicon in ``text`` (overlapping ones too), in no set order: one
    scan that :func:`select` then narrows for different purposes."""
    wanted = set(categories)
    if "--" in text:  # a dash typed as two hyphens opens a word ("shots--seemingly aimed")
        text = text.replace("--", "——")  # the same length: every offset stays
    lowered = _lowered(text)
    starts = (Starts(text, WORD_CHARS_BEFORE), Starts(lowered, WORD_CHARS_BEFORE))
    frozen = freeze_extra(extra)
    in_text, in_lowered = _needle_indexes(frozen)
    holds = (in_text.present(text), in_lowered.present(lowered))
    found: list[Cue] = []
    for entry in entries_for(frozen):
        # most entries' needles are absent: tested here, before a generator is made for them
        if entry.category in wanted and (
            not entry.needles or any(map(holds[entry.lower].__contains__, entry.needles))
        ):
            found.extend(_entry_cues(entry, text, lowered, starts, holds))
    return found


@lru_cache(maxsize=32)
def _needle_indexes(extra: FrozenExtra) -> tuple[NeedleIndex, NeedleIndex]:
    """The needles of the entries (with ``extra``) looked for in the text as it is and in
    its lower case (the entries that match case-sensitively and the others)."""
    entries = entries_for(extra)
    return (NeedleIndex(n for e in entries if not e.lower for n in e.needles or ()),
            NeedleIndex(n for e in entries if e.lower for n in e.needles or ()))


def select(
    matches: Iterable[Cue],
    categories: Iterable[str] | None = None,
    remove: Mapping[str, Iterable[str]] | None = None,
) -> list[Cue]:
    """The cues of ``categories`` (all when None) among ``matches``, without those ``remove``
    drops, non-overlapping (longest first, then the more specific category), by offset."""
    wanted = None if categories is None else set(categories)
    found = [c for c in matches if wanted is None or c.category in wanted]
    return _non_overlapping(_without_removed(found, _removed_keys(remove)))


def find_cues(
    text: str,
    categories: Iterable[str] = DEFAULT_CATEGORIES,
    extra: Mapping[str, Iterable[str]] | None = None,
    remove: Mapping[str, Iterable[str]] | None = None,
) -> list[Cue]:
    """All hedge/booster cue spans in ``text``, sorted by offset, non-overlapping.

    ``categories`` selects what to look for (approximators are off unless asked for);
    ``extra`` adds literal cue phrases per category; ``remove`` drops cues per category,
    by lexicon key or by the matched text (case-insensitive).
    """
    return select(all_matches(text, categories, extra), None, remove)


# Quotation marks within one paragraph: “...”, "...", „...“, «...», ``...'', and the
# single curly quotes of British copy, ‘...’: a ’ between letters is an apostrophe (it’s,
# Tan’s), so the quotation closes at a ’ that no letter follows; an opening ‘ before a
# digit is an elided year (the ‘90s), not a quotation.
_QUOTE_RE = re.compile(
    r"“[^”\n]{1,1500}”|\"[^\"\n]{1,1500}\"|„[^“”\n]{1,1500}[“”]|«[^»\n]{1,1500}»|``[^'\n]{1,1500}''"
)
# A separate pattern that opens with its literal, run only on text that holds a ‘: most
# text has none, and a lookbehind in the shared alternation would slow every scan.
_SINGLE_QUOTE_RE = re.compile(r"‘(?<!\w‘)(?=[^\d\s])(?:[^‘’\n]|’(?=\w)){1,1500}’(?!\w)")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (a fallback when attribution found none), sorted."""
    spans = [m.span() for m in _QUOTE_RE.finditer(text)]
    if "‘" in text:
        spans = sorted(spans + [m.span() for m in _SINGLE_QUOTE_RE.finditer(text)])
    return spans


def inside(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    """Whether some span in ``spans`` contains ``[s, e)`` (articles have few quotes)."""
    return any(a <= s and e <= b for a, b in spans)


def author_cues(
    text: str,
    categories: Iterable[str] = DEFAULT_CATEGORIES,
    extra: Mapping[str, Iterable[str]] | None = None,
    remove: Mapping[str, Iterable[str]] | None = None,
) -> list[Cue]:
    """:func:`find_cues` without the cues that sit inside double quotation marks."""
    quotes = quotation_spans(text)
    cues = find_cues(text, categories, extra, remove)
    return [c for c in cues if not inside(quotes, c.start, c.end)]
