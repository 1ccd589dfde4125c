"""The shortcuts of rules.hedging.find_cues (needles, lookbehind checked in Python) change
no match: each lexicon entry finds what its plain pattern finds."""

from __future__ import annotations

import re

import pytest

from rules.hedging import lexicon

TEXTS = [
    "It may well be that critics argue the plan is unlikely; dismay, re-may and 'may too.",
    "Some experts say it seems possible, perhaps. The possibility_of x-possible and pre-seems.",
    "Reportedly, it is widely believed to be true. Clearly, there is no doubt. May 5 saw rain.",
    "Theresa May might be said to have won. It's likely that it'll rain; it is thought that.",
    "seemingly\u2019seems undoubtedly—arguably_potentially (potential) sort of kind of about 30",
    "",
]
EXTRA = {"epistemic": ["in all likelihood"], "booster": ["$5 bn", "it's"]}


def _plain(entry: lexicon.LexiconEntry, subject: str) -> list[tuple[int, int]]:
    body = entry.pattern.pattern.removeprefix(lexicon.WORD_BEFORE)
    return [m.span() for m in re.finditer(lexicon.WORD_BEFORE + body, subject)]


@pytest.mark.parametrize("text", TEXTS)
def test_entries_match_like_their_plain_patterns(text: str) -> None:
    for entry in lexicon.entries_for(lexicon.freeze_extra(EXTRA)):
        for subject in (text, text.lower()):
            plain = _plain(entry, subject)
            assert list(lexicon.entry_matches(entry, subject)) == plain, entry.key
            if plain and entry.needles:
                assert any(n in subject for n in entry.needles), entry.key


def test_shortcuts_are_used() -> None:
    entries = lexicon.base_entries()
    assert sum(e.check_start for e in entries) > len(entries) // 2
    assert sum(bool(e.needles) for e in entries) > len(entries) // 2


def test_stored_needles_equal_what_the_patterns_give() -> None:
    """The lexicon stores each entry's needles so start-up parses no pattern: they must be
    what the pattern gives (``python -m training.refresh_hedging_lexicon`` rewrites them)."""
    for entries in lexicon.load_lexicon().values():
        for raw in entries:
            derived = lexicon.derived_fields(raw)
            assert raw.get("needles") == derived["needles"], raw["key"]
            assert raw.get("check_start") == derived["check_start"], raw["key"]


def test_a_short_text_compiles_few_patterns() -> None:
    entries = [lexicon.compile_entry(cat, raw) for cat, raws in lexicon.load_lexicon().items()
               for raw in raws]
    text = "The council may meet on Monday."
    found = []
    from rules.hedging.cues import _entry_cues

    for entry in entries:
        found += list(_entry_cues(entry, text, text.lower()))
    assert [c.text for c in found] == ["may"]
    compiled = sum(entry._pattern is not None for entry in entries)
    assert compiled < len(entries) // 4


def test_span_index_answers_like_a_scan() -> None:
    import random

    from rules.hedging.spans import SpanIndex, overlaps_any

    rng = random.Random(3)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 200) for _ in range(8))]
        index = SpanIndex(spans, list(range(len(spans))))
        s = rng.randint(0, 220)
        e = s + rng.randint(1, 10)
        holding = [i for i, (a, b) in enumerate(spans) if a <= s and e <= b]
        assert index.holds(s, e) == bool(holding)
        assert sorted(index.containing(s, e)) == holding
        flat = sorted({(a, a + 3) for a in range(0, 200, 7)})
        assert overlaps_any(flat, s, e) == any(a < e and s < b for a, b in flat)


def test_overlap_selection_keeps_the_longest_cue() -> None:
    from rules.hedging.cues import find_cues

    cues = find_cues("It is thought that the plan may well fail, critics argue.")
    texts = [c.text for c in cues]
    assert "It is thought that" in texts and "may well" in texts
    assert all(a.end <= b.start for a, b in zip(cues, cues[1:], strict=False))
