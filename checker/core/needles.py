"""Which of a fixed set of strings occur in a text, for many texts: :class:`NeedleIndex`.

A lexicon's prefilter asks, per text, which of a few hundred strings (the "needles" every
match of an entry contains: :func:`checker.core.regexlit.required_literals`) the text holds;
one ``in`` scan of the text per string made that the largest part of the hedging family's
lexicon scan. The index answers from the text's words instead (see the class).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FEW_NEEDLES = 40  # fewer strings than this are looked for one by one (:class:`NeedleIndex`)


class NeedleIndex:
    """Which of a fixed set of strings occur in a text: ``{n for n in needles if n in
    text}``, worked out from the text's runs of needle characters instead of one scan of
    the text per string.

    Every occurrence of a string lies inside one maximal run of the characters the strings
    are made of; so the strings in a text are those in its distinct runs (mostly words, as
    the strings of a lexicon's prefilter are), and the strings in each run are remembered
    per process (at most ``limit`` runs, then afresh). Each string is looked for in the
    text itself instead when there are fewer than ``few`` (one scan of the
    runs costs about as much as that many ``in`` scans), or when one holds whitespace (runs
    of whole sentences, seldom seen twice)."""

    def __init__(self, needles: Iterable[str], limit: int = 100_000,
                 few: int = _FEW_NEEDLES) -> None:
        self.needles = frozenset(needles)
        chars = set("".join(self.needles))
        self._plain = len(self.needles) < few or any(c.isspace() for c in chars)
        # (with no characters, a class that matches nothing)
        self._runs = re.compile("[" + "".join(map(_class_char, sorted(chars))) + "]+"
                                if chars else "[^\\s\\S]")
        self._by_char: dict[str, list[str]] = {}
        for n in sorted(self.needles):
            if n:
                self._by_char.setdefault(n[0], []).append(n)
        self._always = frozenset(("",)) & self.needles  # (the empty string is in any text)
        self._in_run: dict[str, frozenset[str]] = {}
        self.limit = limit

    def present(self, text: str) -> set[str]:
        """The strings that occur in ``text``."""
        if self._plain:
            return {n for n in self.needles if n in text}
        runs = set(self._runs.findall(text))
        known = self._in_run
        if len(known) + len(runs) > self.limit:  # (a new table: a thread reading the old
            known = self._in_run = {}  # one meanwhile keeps it whole)
        known.update({run: self._strings_in(run) for run in runs.difference(known)})
        return set(self._always).union(*map(known.__getitem__, runs))

    def _strings_in(self, run: str) -> frozenset[str]:
        """The strings inside ``run`` (each starts with one of its characters)."""
        by_char = self._by_char
        return frozenset(n for c in set(run) for n in by_char.get(c, ()) if n in run)


def _class_char(c: str) -> str:
    """``c`` as a member of a regex character class."""
    return "\\" + c if c in "\\]^-[" else c
