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

- :mod:`rules.hedging.uncertainty`: the sentence-level uncertainty model (CoNLL-2010 task 1
  style): ``Analysis.uncertainty`` (its probability) and ``Analysis.hedged`` (the sentence's
  one verdict, the model combined with the author's cues);
- :mod:`rules.hedging.merge`: one finding per phrase: an author's hedge that an attribution
  finding already reports (``reportedly``, ``critics argue``) is folded into that finding.

Cues inside questions are not reported (a modal in a question asks, it does not hedge), nor
those inside an indirect question ("whether they are likely to qualify") or in a line set in
title case without closing punctuation (a headline or a related-story link left in the body).
"""

from __future__ import annotations

import bisect
import functools
import re

from checker.core.analysis import Analysis, Family, HedgeCue
from checker.core.document import BODY
from checker.core.regexlit import lazy_compile
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
from rules.hedging.cues import Cue, all_matches, author_cues, find_cues, quotation_spans, select
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
from rules.hedging.merge import PhraseMerger
from rules.hedging.speakers import SpeechContext
from rules.hedging.uncertainty import MODEL_CATEGORIES
from rules.hedging.uncertainty import load_model as load_sentence_model

_CLOSERS = " \t\r\n\"'”’)]»"


def _body_cues(analysis: Analysis) -> tuple[list[tuple[Cue, int]], list[tuple[Cue, int]]]:
    """The cues inside body sentences, with article offsets and sentence index: those of
    the categories the uncertainty model reads (:data:`MODEL_CATEGORIES`) and those the
    configuration asks to report.

    One scan over the stretch of text that holds the body, then keep the cues that lie
    inside a body sentence."""
    doc = analysis.doc
    body = [s for s in doc.sentences if s.region == BODY]
    if not body:
        return [], []
    lo, hi = body[0].start, max(s.end for s in body)
    starts = [s.start for s in body]
    sentence_of: dict[tuple[int, int], int] = {}
    inside_body: list[Cue] = []
    categories, remove = active_categories(analysis)
    scanned = set(MODEL_CATEGORIES) | set(categories)  # what the model reads, what is reported
    extra = analysis.config.lexicon_for(NAME)
    for cue in all_matches(doc.text[lo:hi], scanned, extra):
        s, e = lo + cue.start, lo + cue.end
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and e <= body[i].end:
            inside_body.append(cue._replace(start=s, end=e))
            sentence_of[(s, e)] = body[i].index
    every = [(c, sentence_of[(c.start, c.end)]) for c in select(inside_body, MODEL_CATEGORIES)]
    wanted = [(c, sentence_of[(c.start, c.end)]) for c in select(inside_body, categories, remove)]
    return every, wanted


def _is_question(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith("?")


_LONG_WORD = lazy_compile(r"[^\W\d_][\w’'-]{3,}")


def _is_title_line(text: str) -> bool:
    """A headline-like line: no closing punctuation, three words or more, and every word of
    four letters or more capitalised ("What the Ruling Could Mean for Renters")."""
    stripped = text.strip()
    if not stripped or stripped[-1] in ".!?:;,\"”’)]»" or len(stripped.split()) < 3:
        return False
    long_words = _LONG_WORD.findall(stripped)
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


# The cues that an indirect question asks about rather than asserts: its modal or its
# probability ("whether the plan could work"), not a hedge inside a noun phrase of it
# ("whether the seemingly certain winner ...").
_ASKED = frozenset({"may", "might", "could", "likely", "it is possible that", "it is likely",
                    "possible", "probably", "possibly", "must have", "would appear"})
_WHETHER = lazy_compile(r"(?<!\w)whether\b[^,;:—–()]*$", re.IGNORECASE)


# A wh-clause that a verb or noun of knowing, asking or finding out takes as its object
# ("to identify which species are likely to ...", "an explanation of what may have led to
# ...", "it is unclear how the plan could work"): the cue is asked about, not asserted.
_WH_ASKED = lazy_compile(
    r"\b(?:know|knows|knew|known|ask|asks|asked|asking|wonder|wonders|wondered|wondering|"
    r"determine|determines|determined|determining|identify|identifies|identified|identifying|"
    r"understand|understands|understood|understanding|explain|explains|explained|explaining|"
    r"explanation|explanations|predict|predicts|predicted|predicting|decide|decides|decided|"
    r"deciding|learn|learns|learned|learnt|investigate|investigates|investigating|"
    r"investigation|examine|examines|examining|assess|assesses|assessing|study|studies|"
    r"studying|question|questions|unclear|unknown|idea|clue|sure|certain|out|show|shows|"
    r"showed|see|tell|told)"
    r"\s+(?:(?:of|for|about|on|into|as\s+to)\s+)?(?:what|which|who|whom|how|why|where|when)\b"
    r"[^,;:—–()]*$", re.IGNORECASE)
_WH_WINDOW = 160  # characters before a cue where its wh-clause may open


def _in_indirect_question(text: str, at: int) -> bool:
    """Whether the cue at ``at`` (an offset in the sentence ``text``) sits in a clause
    opened by "whether", or by a wh-word after a verb or noun of knowing or asking, with no
    clause break between: it is asked about, not asserted. Only the last "whether" before
    the cue can open it (a constant-width match there)."""
    whethers, wh = _question_words(text)
    k = bisect.bisect_right(whethers, at - len("whether")) - 1  # the last one ending by ``at``
    if k >= 0 and _WHETHER.match(text, whethers[k], at) is not None:
        return True
    return wh and _WH_ASKED.search(text, max(0, at - _WH_WINDOW), at) is not None


@functools.lru_cache(maxsize=256)
def _question_words(text: str) -> tuple[list[int], bool]:
    """The offsets of "whether" and "Whether" in a sentence's ``text`` (in order), and
    whether "wh" or "how" occurs in it in any case: worked out once per sentence, not once
    per cue (a run-on sentence of many cues stays linear)."""
    whethers = sorted(m.start() for m in _WHETHER_WORD.finditer(text)) if "hether" in text else []
    low = text.lower()
    return whethers, "wh" in low or "how" in low


_WHETHER_WORD = re.compile("[wW]hether")


def _outside_questions(analysis: Analysis, cues: list[tuple[Cue, int]]
                       ) -> list[tuple[Cue, int]]:
    """The cues not in a question, an indirect question or a headline-like line (a modal in
    a question asks; it does not weaken a claim)."""
    sentences = analysis.doc.sentences
    kept = []
    asks: dict[int, bool] = {}  # per sentence, worked out once (a run-on one has many cues)
    for c, i in cues:
        s = sentences[i]
        if i not in asks:
            asks[i] = _is_question(s.text) or _is_title_line(s.text)
        if asks[i]:
            continue
        if c.key in _ASKED and _in_indirect_question(s.text, c.start - s.start):
            continue
        kept.append((c, i))
    return kept


def _judge_sentences(analysis: Analysis, located: list[tuple[Cue, int]],
                     author: set[int], spoken: frozenset[int] = frozenset()) -> None:
    """Record each body sentence's uncertainty probability and ``hedged`` verdict. A
    sentence whose every hedge cue is a speaker's (``spoken``, none in ``author``) is not
    hedged, whatever the model says: a speaker's hedge is not the author's uncertainty ("The
    mayor said it was too early to say ..."). One with no cue at all is the model's call."""
    model = load_sentence_model()
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for cue, i in located:
        by_sentence.setdefault(i, []).append((cue.key, cue.category))
    for s in analysis.body_sentences():
        p = model.sentence_probability(s.text, by_sentence.get(s.index, ()))
        analysis.uncertainty[s.index] = p
        analysis.hedged[s.index] = s.index not in spoken and model.is_hedged(
            p, s.index in author)


def run(analysis: Analysis) -> None:
    """Record every cue of the article's body sentences and each sentence's uncertainty;
    report the author's own cues (once per phrase)."""
    located, wanted = _body_cues(analysis)
    reported = _outside_questions(analysis, wanted)
    if not reported:  # no cue to give a speaker (a quarter of articles): no context built
        _judge_sentences(analysis, located, set())
        return
    speech = SpeechContext.of(
        analysis, [(c.start, c.end) for c, _ in reported if c.category != BOOSTER]
    )
    merger = PhraseMerger.of(analysis)
    author: set[int] = set()
    speakers: set[int] = set()  # sentences with a speaker's hedge cue
    # sentences framed as tentative by a named source's own verb of saying ("Okafor
    # suggested that ..."): no hedge of the author's, but the sentence is uncertain
    framed: set[int] = set()
    for cue, sentence in reported:
        speaker, flagged = speech.owner(cue.start, cue.end, sentence)
        if not flagged and cue.category in HEDGE_CATEGORIES:
            if speech.says(cue.start, cue.end, sentence):
                framed.add(sentence)
            else:
                speakers.add(sentence)
        carried_by = ""
        if flagged and cue.category in HEDGE_CATEGORIES:
            author.add(sentence)
            carried_by = merger.merge(cue, sentence)
        analysis.hedges.append(
            HedgeCue(
                start=cue.start,
                end=cue.end,
                text=cue.text,
                category=cue.category,
                sentence=sentence,
                speaker=speaker,
                flagged=flagged and not carried_by,
                reported_with=carried_by,
            )
        )
        if flagged and not carried_by:
            analysis.report(
                CATEGORY_RULE[cue.category],
                cue.start,
                cue.end,
                message(cue.category, cue.text),
                sentence=sentence,
            )
    _judge_sentences(analysis, located, author | framed, frozenset(speakers - author - framed))


FAMILY = Family(
    name=NAME,
    rules=(HEDGING, OVERSTATED_CERTAINTY, APPROXIMATOR_RULE),
    run=run,
    reads=frozenset({"attributions", "quotes", "sentence_source", "findings"}),
    writes=frozenset({"hedges", "findings", "uncertainty", "hedged"}),
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
