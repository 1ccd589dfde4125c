"""The hedging family's fast paths give what the plain definitions give; whose hedge a cue is."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from rules.hedging import CATEGORIES, find_cues, lexicon, run
from rules.hedging.scan import Starts, leading_strings, matches_at_starts
from rules.hedging.uncertainty import features_from_cues, load_model

SENTENCES = [
    "The bridge may never open, and its cost seems to have doubled.",
    "Critics argue that the plan is likely to fail, reportedly because of the weather.",
    "The council approved the budget on Tuesday.",
    "It is widely believed that some experts say about 30 people could be affected.",
    "",
    "x",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_probability_equals_the_feature_path(text: str) -> None:
    model = load_model()
    cues = [(c.key, c.category) for c in find_cues(text, CATEGORIES)]
    slow = model.probability(features_from_cues(text, cues))
    assert model.sentence_probability(text, cues) == pytest.approx(slow, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["may", "might", "the", "bridge", "it", "is", "likely",
                                 "critics", "argue", "said", "seems", "30", "people", "x-y"]),
                max_size=14))
def test_sentence_probability_equals_the_feature_path_on_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    model = load_model()
    cues = [(c.key, c.category) for c in find_cues(text, CATEGORIES)]
    slow = model.probability(features_from_cues(text, cues))
    assert model.sentence_probability(text, cues) == pytest.approx(slow, abs=1e-12)


WORDS = ["may", "might", "it", "is", "thought", "critics", "argue", "some", "say", "about",
         "30", "people", "likely", "unlikely", "possibility", "reportedly", "said", "to", "be",
         "could", "not", "ruled", "out", "in", "my", "view", "kind", "of", "clearly",
         "Critics", "May", "dismay", "re-may", "I", "We", "think", "widely", "believed"]
SEPARATORS = [" ", " ", " ", ", ", ".\n", " (", "\u2019", "-", "\n\n", " \u201c"]
EXTRA = {"epistemic": ["in all likelihood"], "booster": ["$5 bn", "it's"]}


def _plain(entry: lexicon.LexiconEntry, subject: str) -> list[tuple[int, int]]:
    body = entry.pattern.pattern.removeprefix(lexicon.WORD_BEFORE)
    return [m.span() for m in re.finditer(lexicon.WORD_BEFORE + body, subject)]


def _at_starts(entry: lexicon.LexiconEntry, subject: str) -> list[tuple[int, int]]:
    if entry.starts is None:
        return list(lexicon.entry_matches(entry, subject))
    at = Starts(subject, lexicon.WORD_CHARS_BEFORE).positions(entry.starts)
    return list(matches_at_starts(entry.pattern, subject, at))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30))
def test_matching_at_starts_finds_what_finditer_finds(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    for entry in lexicon.entries_for(lexicon.freeze_extra(EXTRA)):
        for subject in (text, text.lower()):
            assert _at_starts(entry, subject) == _plain(entry, subject), entry.key


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"(?:could|can|cannot)\s+be", ("can", "could")),
        (r"(?:(?:most\s+|very\s+)?(?:likely|unlikely))", ("likely", "most", "unlikely", "very")),
        (r"(?<![\w'])(?:it\s+is\s+thought)", ("it",)),
        (r"\s*maybe", None),  # may start with any whitespace
        (r"[a-z]+ly", None),  # may start with any letter
        (r"a\s+lot", None),  # a one-letter start occurs everywhere
    ],
)
def test_leading_strings(pattern: str, starts: tuple[str, ...] | None) -> None:
    assert leading_strings(pattern) == starts


def test_stored_starts_equal_what_the_patterns_give() -> None:
    """``python -m training.refresh_hedging_lexicon`` rewrites them after an edit."""
    for entries in lexicon.load_lexicon().values():
        for raw in entries:
            assert raw.get("starts", "absent") == lexicon.derived_fields(raw)["starts"], raw["key"]


def test_most_entries_are_matched_at_their_starts() -> None:
    entries = lexicon.base_entries()
    assert sum(e.starts is not None for e in entries) > 0.8 * len(entries)


def analyse(text: str) -> Analysis:
    """The hedging family's view of ``text``, after the families it reads."""
    analysis = Analysis(document_from_text(text, path="t.txt"), Config())
    for fam in ("footnotes", "attribution"):
        importlib.import_module(f"rules.{fam}").run(analysis)
    run(analysis)
    return analysis


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("As the harbour study found, the sea wall may fail within a decade.\n",
         "the harbour study"),
        ("But as Dana Reyes recently noted, the ferry may never turn a profit.\n", "Dana Reyes"),
        ("As he told the council on Monday, the budget might not survive.\n", "he"),
    ],
)
def test_an_as_clause_credits_the_hedge_to_its_source(text: str, speaker: str) -> None:
    hedges = [h for h in analyse(text).hedges if h.category == "epistemic"]
    assert hedges and all((h.speaker, h.flagged) == (speaker, False) for h in hedges)


@pytest.mark.parametrize(
    "text",
    ["As expected, the sea wall may fail within a decade.\n",
     "The sea wall may fail, as the harbour study found, within a decade.\n"],
)
def test_other_as_phrases_leave_the_hedge_to_the_author(text: str) -> None:
    hedges = [h for h in analyse(text).hedges if h.category == "epistemic"]
    assert hedges and hedges[0].flagged and hedges[0].speaker == ""


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The latest figures suggest a slowdown in hiring.", ["suggest"]),
        ("The results imply a sharp rise in costs.", ["imply"]),
        ("The mayor suggested a meeting on Friday.", []),
        ("She implied a deal was close.", []),
    ],
)
def test_evidence_suggests_is_an_inference_a_person_suggesting_is_not(
    text: str, cues: list[str]
) -> None:
    assert [c.text for c in find_cues(text) if c.category == "epistemic"] == cues


@pytest.mark.parametrize("s", ["in", "may", "critics"])
def test_starts_are_the_word_starts_of_a_string(s: str) -> None:
    text = f"{s} x{s} ({s} '{s} -{s} _{s} \u00e9{s} 3{s} \u201c{s}, {s}{s}"
    expected = [m.start() for m in re.finditer(lexicon.WORD_BEFORE + re.escape(s), text)]
    assert Starts(text, lexicon.WORD_CHARS_BEFORE).positions((s,)) == expected
