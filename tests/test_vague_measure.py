"""The PolNeAR vague-source measure (evaluation/vague_sources.py): its gold rule on spans in
their sentence, the reporting-cue filter, and that it counts what ATT001 reports. Our own
sentences."""

from __future__ import annotations

from collections import Counter

import pytest

from evaluation.vague_sources import VagueRecall, count_article, gold_kind, reporting


@pytest.mark.parametrize(
    ("span", "inside", "kind"),
    [
        ("a Harbour Democrat", False, "vague"),  # a party member counted off
        ("by some", True, "vague"),  # a passive's agent: "seen by some as"
        ("Will", True, "named"),  # "..., Will wrote": a capital inside a sentence
        ("Critics", False, "vague"),  # at a sentence start, more often lower case
        ("who", True, "other"),  # a relative stands for its antecedent
        ("police", True, "other"),  # the force, like "the police"
        ("A", False, "other"),  # "A:" of a Q&A
        ("According to", False, "other"),  # no noun phrase
        ("We’ve", False, "named"),  # a pronoun with a contraction
    ],
)
def test_gold_rule_reads_the_span_in_its_sentence(span: str, inside: bool, kind: str) -> None:
    counts = Counter({"critics": 5, "Critics": 1, "will": 9, "Will": 1, "harbour": 3})
    assert gold_kind(span, counts, inside) == kind


def test_a_first_word_capitalised_inside_a_sentence_of_the_article_is_a_name() -> None:
    counts = Counter({"day": 40, "Day": 2})
    assert gold_kind("Day", counts) == "vague"
    assert gold_kind("Day", counts, own=Counter({"Day": 1})) == "named"


@pytest.mark.parametrize(
    ("cue", "counted"),
    [("said", True), ("according to", True), ("fear", True), ("have long argued", True),
     (":", True), ("see", True), ("backed", False), ("have gravitated to", False),
     ("to accept", False), ("seem to care more about", False), ("asked", False)],
)
def test_reporting_cues(cue: str, counted: bool) -> None:
    assert reporting(cue) is counted


def test_only_reporting_relations_count_and_every_relation_is_kept_too() -> None:
    text = "Critics said the fare was high. Commuters backed the plan."
    gold = [((0, 7),), ((32, 41),)]
    sents = [(0, 31), (32, len(text))]
    counts = Counter({"critics": 3, "commuters": 3})
    acc = VagueRecall()
    count_article(text, gold, [], counts, acc, sentences=sents, cues=["said", "backed"])
    assert (acc.vague, acc.vague_all) == (1, 2)
    # "Critics said" is found by the rule's phrase and group scans, not by a relation
    assert (acc.vague_found, acc.vague_all_found) == (1, 1)
