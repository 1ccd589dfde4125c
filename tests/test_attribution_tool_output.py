"""The tool's sentence output (``sentences.csv`` ``attributed``) as training reads it
without a whole audit (``evaluation.attribution.tool_attributed``), and the second stage's
choice on that output (``training.train_attribution_sentences.choose_stack``): sentences
that no relation covers and that report a stance, a plan or a view with a cue the tagger
sees only weakly are what the second stage adds.

Our own sentences."""

from __future__ import annotations

import numpy as np
import pytest

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from evaluation.attribution import tool_attributed
from rules.attribution.doc import Extracted
from rules.attribution.extraction import extract
from rules.attribution.lexicon import get_lexicon
from rules.attribution.record import record
from rules.attribution.sentence_gate import STACK_FEATURES, SentenceGate

TEXTS = (
    # an information source, a quotation running on, an unsourced claim
    "The harbour master said the ferry would run twice a day. “It is the only way to keep "
    "up.” The fares rose in May.",
    # an agentless passive ("is expected to"): no source, the content stays unsourced
    "The bridge is expected to reopen in June. The council meets on Tuesday.",
    # an actor doing something, and a reader's stance
    "The union sued the harbour board over the fees. We understand that the board will "
    "appeal. Nobody else has commented.",
    # "according to" with the content before it, over two clauses
    "Ticket sales fell by a third last winter, according to the ferry company. The company "
    "runs four boats.",
)


def _sentences(text: str) -> list[tuple[int, int]]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    return [(s.start, s.end) for s in doc.sentences]


def _recorded(text: str, found: list[Extracted], quotes: list[tuple[int, int]]) -> list[bool]:
    an = Analysis(doc=document_from_text(text, path="t.txt", fmt="text"), config=Config())
    record(an, found, quotes, get_lexicon())
    return list(an.attributed)


def _gate(stack_bias: float) -> SentenceGate:
    """A gate that keeps no weak cue and whose second stage says yes (positive bias) or no
    (negative) to every uncovered sentence."""
    stack = [stack_bias] + [0.0] * (len(STACK_FEATURES) - 1)
    return SentenceGate(bits=8, weights={}, bias=-20.0, threshold=0.5, cue_threshold=0.3,
                        stack=stack, stack_threshold=0.0)


@pytest.mark.parametrize("text", TEXTS)
def test_tool_attributed_reads_relations_as_the_record_does(text: str) -> None:
    sents = _sentences(text)
    found, quotes = extract(text, sents)
    assert tool_attributed(sents, found) == _recorded(text, found, quotes)


@pytest.mark.parametrize("text", TEXTS)
def test_tool_attributed_counts_the_second_stage_s_sentences(text: str) -> None:
    sents = _sentences(text)
    found, quotes = extract(text, sents, gate=_gate(20.0))
    assert any(r.sentence_only for r in found)
    shown = tool_attributed(sents, found)
    assert shown == _recorded(text, found, quotes)
    # the sentences that no relation covered are attributed now, the others as before
    before = tool_attributed(sents, extract(text, sents, gate=_gate(-20.0))[0])
    added = [k for k, (a, b) in enumerate(zip(before, shown, strict=True)) if b and not a]
    assert added and not any(a and not b for a, b in zip(before, shown, strict=True))


def test_tool_attributed_leaves_out_actors_agentless_reports_and_weak_actions() -> None:
    text = ("The union sued the harbour board. The bridge is expected to reopen. "
            "The skipper took a swipe at the board. The mayor said the fees would fall.")
    sents = _sentences(text)

    def span(part: str) -> tuple[int, int]:
        a = text.index(part)
        return a, a + len(part)

    found = [
        Extracted(source=span("The union"), cue=span("sued"),
                  content=[span("the harbour board")], informational=False),
        Extracted(source=None, cue=span("is expected to"), content=[span("reopen")]),
        Extracted(source=span("The skipper"), cue=span("took a swipe at"),
                  content=[span("the board")], weak=True, informational=False),
        Extracted(source=span("The mayor"), cue=span("said"),
                  content=[span("the fees would fall")]),
    ]
    assert tool_attributed(sents, found) == [False, False, False, True]
    assert tool_attributed(sents, found) == _recorded(text, found, [])


def test_the_second_stage_is_chosen_on_what_the_tool_does_not_show_yet() -> None:
    """Uncovered sentences that the tool's output already marks attributed add nothing to
    its recall: a stage whose only right answers are those is not kept."""
    from training.train_attribution_sentences import choose_stack

    rng = np.random.default_rng(3)
    n = 400
    y = (rng.random(n) < 0.5).astype(int)
    # one informative feature (the gate's log-odds) and the constant
    x = np.zeros((n, len(STACK_FEATURES)))
    x[:, 0] = 1.0
    x[:, 1] = np.where(y == 1, 2.0, -2.0) + rng.normal(0.0, 0.5, n)
    groups = np.arange(n) % 10
    base = (900, 940, 1200)  # the tool's counts before the stage: P 0.957, R 0.75
    c, th, figs = choose_stack(x, y, groups, base, 0.95)
    assert c is not None and figs["added_right"] > 0.9 * figs["added"]
    assert figs["sentence_f1"] > 2 * 0.957 * 0.75 / (0.957 + 0.75)
    c, th, figs = choose_stack(x, y, groups, base, 0.95, shown=y.astype(bool))
    assert c is None and figs == {}


def test_a_missed_cue_is_counted_by_the_tagger_s_score_on_it() -> None:
    """``cue_missed`` broken down: a cue the tagger marks but no relation is built on, one it
    sees only weakly (the sentence gate turned the sentence down), one it does not see;
    and whether the cue holds a lexicon reporting word ("argued") or not ("plans")."""
    from collections import Counter

    from evaluation.attribution import CueScores, Rel, _count_misses
    from rules.attribution.doc import TokenDoc

    text = ("The mayor argued that the fees were too high. The council plans to cut them. "
            "Residents are weary of the debate.")
    sents = _sentences(text)
    d = TokenDoc(text, sents, get_lexicon())

    def span(part: str) -> tuple[int, int]:
        a = text.index(part)
        return a, a + len(part)

    def tok(part: str) -> int:
        return d.tok_texts.index(part)

    sums = [0.0] * len(d.tok_texts)
    gold = [Rel((span("The mayor"),), (span("argued"),), (span("the fees were too high"),)),
            Rel((span("The council"),), (span("plans to"),), (span("cut them"),)),
            Rel((span("Residents"),), (span("are weary of"),), (span("the debate"),))]
    gold_chars = {i for g in gold for a, b in g.content for i in range(a, b)}
    missed = [(a, b, False) for a, b in sents]
    for argued, plans, weary, tiers in ((0.9, 0.4, 0.05, ("strong", "weak", "low")),
                                        (0.4, 0.05, 0.9, ("weak", "low", "strong"))):
        sums[tok("argued")], sums[tok("plans")], sums[tok("weary")] = argued, plans, weary
        scores = CueScores(d, sums, threshold=0.75, cue_threshold=0.15)
        assert [scores.tier(g.cue)[0] for g in gold] == list(tiers)
        assert [scores.tier(g.cue)[1] for g in gold] == [True, False, False]
        misses: Counter[str] = Counter()
        _count_misses(misses, missed, gold_chars, [], gold, scores)
        assert misses == Counter({"cue_missed": 3, "cue_missed_strong": 1,
                                  "cue_missed_weak": 1, "cue_missed_low": 1,
                                  "cue_missed_lexicon": 1})
    # without the tagger's scores, the class alone
    misses = Counter()
    _count_misses(misses, missed, gold_chars, [], gold)
    assert misses == Counter({"cue_missed": 3})
