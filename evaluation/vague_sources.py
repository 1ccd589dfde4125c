"""Vague-source recall on PolNeAR: how many gold sources that name no one ATT001 would flag.

PolNeAR marks every attribution's source span but says nothing about vagueness, so the gold
side is read off the span's words by a fixed rule that does not use the tool's lexicon:

- **vague**: no capitalised word after the first, the first word a common word (its
  lower-case form is, in the corpus, more frequent than its capitalised form), no pronoun
  or possessive ("he", "his aides"), and no definite description ("the company", "the
  officials", which refer back to someone named); e.g. "officials", "a senior aide",
  "people familiar with the matter", "critics", "one analyst".
- **named**: a capitalised head word ("Hillary Clinton", "the Pentagon"; a first word only
  when it is a proper name), or a personal pronoun (which refers to someone, usually named
  earlier).
- everything else is left out: definite descriptions and possessives (whether they name
  someone depends on the text before them), unnamed members of a named group ("Florida
  election officials": the group is named, the people are not), poll shares ("47 percent",
  "most voters": the poll is the source) and documents ("a new poll", "emails"), and
  "one"/"another" (which count off people named before).

A vague gold source counts as found when a relation that ATT001 reports (informational and
``vague``) has a source overlapping it; a named one counts as a false vague flag the same way.
The rule reads each article's own text for the capitalisation test; nothing is tuned here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.core.analysis import ANONYMOUS
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import Lexicon, get_lexicon
from rules.attribution.sources import classify
from rules.attribution.vague import (
    agentless_reports,
    anonymity_asides,
    group_claims,
    unnamed_documents,
    vague_source,
)

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "who", "which", "that",
                      "him", "her", "them", "us", "me", "one's", "whom"))
_POSSESSIVES = frozenset(("his", "her", "its", "their", "our", "my", "your", "whose"))
_DEFINITE = frozenset(("the", "this", "that", "these", "those", "such", "both", "each",
                       "either", "neither", "said"))
_SHARES = frozenset(("one", "another", "others", "everyone", "everybody", "self", "most", "half",
                     "third", "thirds", "quarter", "quarters", "percent", "majority",
                     "majorities", "minority", "plurality", "all", "none", "each", "t",
                     "both", "dozen", "dozens", "hundreds", "thousands", "millions", "few",
                     "fewer", "more", "less", "number", "numbers"))
_QUANTIFIERS = frozenset(("some", "many", "several", "few", "various", "numerous", "multiple"))
_POSTMOD_START = frozenset(("of", "at", "from", "in", "with", "for", "on", "who", "that",
                            "close", "familiar", "involved", "to", "within", "inside",
                            "across", "around", "near", "by", "among", "speaking"))
# documents and records are sources of their own kind, not people left unnamed
_DOCUMENT_HEADS = frozenset(("poll", "polls", "survey", "surveys", "report", "reports", "study",
                             "studies", "data", "law", "laws", "transcript", "results",
                             "documents", "document", "filings", "filing", "emails", "email",
                             "calls", "records", "tweet", "tweets", "message", "messages",
                             "statement", "statements", "signs", "figures", "estimates",
                             "analysis", "research", "article", "story", "letter", "video",
                             "memo", "ruling", "complaint", "lawsuit", "indictment",
                             "budget", "plan", "bill", "website", "post", "posts"))
_THOSE_OK = frozenset(("close", "familiar", "involved", "who", "with", "in", "at", "who've"))


@dataclass
class VagueRecall:
    """Counts of the vague-source measure over a set of articles."""

    vague: int = 0
    vague_found: int = 0
    named: int = 0
    named_flagged: int = 0

    @property
    def recall(self) -> float:
        return self.vague_found / self.vague if self.vague else 0.0

    @property
    def false_rate(self) -> float:
        return self.named_flagged / self.named if self.named else 0.0


def case_counts(texts: Iterable[str]) -> Counter[str]:
    """Counts of each word form not at a sentence start (``"x"`` vs ``"X"``): the evidence
    that a capitalised first word is a common word."""
    c: Counter[str] = Counter()
    for t in texts:
        prev = "."
        for m in _WORD.finditer(t):
            before = t[max(0, m.start() - 3) : m.start()].strip()
            if before and before[-1] not in ".!?\"“”'‘’:(" and prev != ".":
                c[m.group()] += 1
            prev = m.group()
    return c


def gold_kind(span: str, counts: Counter[str]) -> str:
    """``vague``, ``named`` or ``other`` for a gold source span (rule in the module doc)."""
    words = _WORD.findall(span)
    if not words or any(c.isdigit() for c in span):
        return "other"
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in PRONOUNS:
        return "named"
    if any(w in _POSSESSIVES or w.endswith(("'s", "’s", "s'", "s’")) for w in lows) \
            or lows[0] in PRONOUNS or any(w in _SHARES for w in lows):
        return "other"  # "his aides", "Sanders' aides"; poll shares ("half", "most voters")
    head = _head(words)
    first = words[0]
    proper_first = first[:1].isupper() and counts[first.lower()] <= counts[first]
    if head[:1].isupper() and (head is not first or proper_first):
        if lows[0] in _QUANTIFIERS and head.endswith("s"):
            return "vague"  # "some Democrats", "many Germans": unnamed members of a group
        return "named"  # "Hillary Clinton", "the Pentagon", "Obama"
    if any(w[:1].isupper() for w in words[1:]) or proper_first \
            or lows[-1] in _DOCUMENT_HEADS or _head(lows) in _DOCUMENT_HEADS:
        return "other"  # "Florida election officials": unnamed people of a named group
    if lows[0] in _DEFINITE and not (lows[0] == "those" and len(lows) > 1
                                     and lows[1] in _THOSE_OK):
        return "other"
    return "vague"


def _scan_hits(text: str, sentences: Sequence[tuple[int, int]], lex: Lexicon
               ) -> list[tuple[int, int] | None]:
    """The spans the sentence scans of ATT001 flag: a group claim's source and verb, an
    anonymity aside ("who asked not to be named", which a gold source phrase may hold)."""
    return [*group_claims(text, sentences, lex), *anonymity_asides(text, sentences),
            *unnamed_documents(text, sentences), *agentless_reports(text, sentences)]


def _head(words: list[str]) -> str:
    """The last word before a postmodifier ("officials | at the ministry")."""
    for i, w in enumerate(words):
        if i and w.lower() in _POSTMOD_START:
            return words[i - 1]
    return words[-1]


def _overlaps(a: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in pieces)


def count_article(text: str, gold_sources: list[tuple[tuple[int, int], ...]],
                  found: list[Extracted], counts: Counter[str], acc: VagueRecall,
                  misses: list[str] | None = None,
                  sentences: Sequence[tuple[int, int]] | None = None) -> None:
    """Add one article's vague-source counts to ``acc`` (``misses``: gold spans not found).

    With ``sentences`` (the article's sentence spans), the sentence scans of ATT001 count
    too: anonymity asides and unnamed groups before a that-clause
    (``rules/attribution/vague.py``), when the span they flag overlaps the gold source."""
    lex = get_lexicon()
    flagged: list[tuple[int, int] | None] = [
        r.source for r in found
        if r.source is not None and r.informational and vague_source(r, lex, text)]
    flagged += [r.citing for r in found if r.citing is not None
                and classify(r.citing_text, lex)[0] == ANONYMOUS]
    if sentences is not None:
        flagged += _scan_hits(text, sentences, lex)
    for pieces in gold_sources:
        if not pieces:
            continue
        span = " ".join(text[a:b] for a, b in pieces)
        kind = gold_kind(span, counts)
        hit = any(_overlaps(f, pieces) for f in flagged if f is not None)
        if kind == "vague":
            acc.vague += 1
            acc.vague_found += hit
            if not hit and misses is not None:
                misses.append(span)
        elif kind == "named":
            acc.named += 1
            acc.named_flagged += hit
