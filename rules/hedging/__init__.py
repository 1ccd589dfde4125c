"""Hedging, weasel attribution, approximators and boosters (family ``hedging``).

Finds hedge and booster cues in the article's body sentences with our own lexicon, records
every cue on ``analysis.hedges`` and reports only the author's own ones: a cue inside a
direct quotation, or inside content attributed to a named source, is the speaker's hedge
(``speaker`` set, ``flagged=False``).

Modules:

- :mod:`rules.hedging.lexicon`: cue categories; the lexicon (``lexicon.json``) compiled into
  entries, with the prefilter and word-start shortcuts that keep the scan fast;
- :mod:`rules.hedging.cues`: :func:`find_cues` on any string, :func:`author_cues`,
  :func:`quotation_spans`;
- :mod:`rules.hedging.speakers`: whose hedge a cue is (author, quoted or attributed speaker);
- :mod:`rules.hedging.checks`: the rules ``HDG001``-``HDG003``, their messages, and the
  categories the configuration asks for.

The sentence-level uncertainty classifier (CoNLL-2010 task 1) is not part of the audit: it
lives in ``training/hedge_sentence_model.py``.
"""

from __future__ import annotations

import bisect

from checker.core.analysis import Analysis, Family, HedgeCue
from checker.core.document import BODY
from rules.hedging.checks import (
    APPROXIMATOR_RULE,
    CATEGORIES_SETTING,
    CATEGORY_RULE,
    HEDGING,
    NAME,
    OVERSTATED_CERTAINTY,
    active_categories,
    message,
)
from rules.hedging.cues import Cue, author_cues, find_cues, quotation_spans
from rules.hedging.lexicon import (
    APPROXIMATOR,
    BOOSTER,
    CATEGORIES,
    DEFAULT_CATEGORIES,
    EPISTEMIC,
    HEDGE_CATEGORIES,
    REPORTATIVE,
    WEASEL,
    load_lexicon,
)
from rules.hedging.speakers import SpeechContext


def _body_cues(analysis: Analysis, categories: list[str], remove: dict[str, list[str]]
               ) -> list[tuple[Cue, int]]:
    """The cues inside body sentences, with article offsets, and their sentence index.

    One scan over the stretch of text that holds the body, then keep the cues that lie
    inside a body sentence."""
    doc = analysis.doc
    body = [s for s in doc.sentences if s.region == BODY]
    if not body or not categories:
        return []
    extra = analysis.config.lexicon_for(NAME)
    lo, hi = body[0].start, max(s.end for s in body)
    starts = [s.start for s in body]
    located: list[tuple[Cue, int]] = []
    for cue in find_cues(doc.text[lo:hi], categories, extra, remove):
        s, e = lo + cue.start, lo + cue.end
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and e <= body[i].end:
            located.append((cue._replace(start=s, end=e), body[i].index))
    return located


def run(analysis: Analysis) -> None:
    """Record every cue of the article's body sentences; report the author's own ones."""
    categories, remove = active_categories(analysis)
    located = _body_cues(analysis, categories, remove)
    if not located:
        return
    speech = SpeechContext.of(
        analysis, [(c.start, c.end) for c, _ in located if c.category != BOOSTER]
    )
    for cue, sentence in located:
        speaker, flagged = speech.owner(cue.start, cue.end, sentence)
        analysis.hedges.append(
            HedgeCue(
                start=cue.start,
                end=cue.end,
                text=cue.text,
                category=cue.category,
                sentence=sentence,
                speaker=speaker,
                flagged=flagged,
            )
        )
        if flagged:
            analysis.report(
                CATEGORY_RULE[cue.category],
                cue.start,
                cue.end,
                message(cue.category, cue.text),
                sentence=sentence,
            )


FAMILY = Family(
    name=NAME,
    rules=(HEDGING, OVERSTATED_CERTAINTY, APPROXIMATOR_RULE),
    run=run,
    reads=frozenset({"attributions", "quotes", "sentence_source"}),
    writes=frozenset({"hedges", "findings"}),
    settings=(CATEGORIES_SETTING,),
)

__all__ = [
    "APPROXIMATOR",
    "APPROXIMATOR_RULE",
    "BOOSTER",
    "CATEGORIES",
    "DEFAULT_CATEGORIES",
    "EPISTEMIC",
    "FAMILY",
    "HEDGE_CATEGORIES",
    "HEDGING",
    "OVERSTATED_CERTAINTY",
    "REPORTATIVE",
    "WEASEL",
    "Cue",
    "author_cues",
    "find_cues",
    "load_lexicon",
    "quotation_spans",
    "run",
]
