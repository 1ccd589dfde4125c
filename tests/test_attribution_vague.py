"""ATT001 on sources that name no one, and never on named ones; the gold rule of the PolNeAR
vague-source measure. Our own sentences."""

from __future__ import annotations

from collections import Counter

import pytest

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, OUTLET, PERSON
from evaluation.vague_sources import VagueRecall, count_article, gold_kind
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import get_lexicon
from rules.attribution.sources import classify
from tests.families import analyse_attribution


def _vague(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A friend of the family said the boat had left before dawn.", "A friend"),
        ("Donors said the gala raised less than last year.", "Donors"),
        ("Allies say the councillor will not stand again.", "Allies"),
        ("Top advisers said the mayor would sign the order.", "Top advisers"),
        ("A local pediatrician said the clinic had run out of vaccine.", "pediatrician"),
        ("A former speechwriter said the address was rewritten twice.", "former speechwriter"),
        ("An outside group said the ads cost more than a million.", "An outside group"),
        ("Multiple outlets reported that the plant would close.", "Multiple outlets"),
        ("Two businesses on the square said the closure cut their takings.", "Two businesses"),
        ("Respondents said the new timetable was harder to read.", "Respondents"),
        ("But several sources privy to the talks say the mayor asked for the delay.",
         "sources privy to the talks"),
        ("People briefed on the plan said the mayor would sign it.", "People briefed"),
        ("Residents who live near the plant said the smell was worse in summer.",
         "Residents who live near the plant"),
        ("People who have lost a job say the office was slow to pay.", "People who have"),
        ("The mayor will rethink how she deals with the board, a source close to her said.",
         "a source close to her"),
        ("A source close to him said the mayor would resign.", "A source close to him"),
        ("The publisher declined to renew the offer, according to an editor familiar with "
         "the talks.", "an editor familiar with the talks"),
        ("Rabbis say the new rules go too far. Two rabbis from the valley wrote to the "
         "council last week.", "Rabbis"),
    ],
)
def test_sources_that_name_no_one_are_vague(text: str, source: str) -> None:
    found = _vague(text)
    assert any(source in f for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee, a friend of the family, said the boat had left before dawn.",
        "The Valley Herald reported that the plant would close.",
        "Dr. Ruth Olsen, a local pediatrician, said the clinic had run out of vaccine.",
        "Tom Berg said the gala raised less. He said the ticket price was too high.",
        "The company said the ads cost more than a million.",
        "Governor Ana Ruiz said she would sign the order, and her office said so too.",
        "We think the new timetable is harder to read.",
        "People in the survey said they walked more after the lockdown.",
        "Sanders said the rules go too far. Jo Sanders chairs the housing board.",
        "Ann Lee, who runs the shop, said sales fell in the spring.",
    ],
)
def test_named_sources_pronouns_and_the_author_are_not_vague(text: str) -> None:
    assert _vague(text) == []


@pytest.mark.parametrize(
    ("span", "kind"),
    [
        ("officials", "vague"),
        ("a senior aide", "vague"),
        ("people familiar with the matter", "vague"),
        ("those close to the talks", "vague"),
        ("some Democrats", "vague"),
        ("Critics", "vague"),
        ("Hillary Clinton", "named"),
        ("the Pentagon", "named"),
        ("Olsen", "named"),
        ("he", "named"),
        ("the company", "other"),
        ("his aides", "other"),
        ("47 percent of voters", "other"),
        ("most voters", "other"),
        ("a new poll", "other"),
        ("Florida election officials", "other"),
        ("one", "other"),
    ],
)
def test_gold_rule_of_the_vague_source_measure(span: str, kind: str) -> None:
    # "Critics"/"Olsen": a capitalised first word is a common word when the corpus writes it
    # in lower case more often than capitalised
    counts = Counter({"critics": 5, "Critics": 1, "Olsen": 4})
    assert gold_kind(span, counts) == kind


def test_the_measure_counts_found_missed_and_wrongly_flagged_sources() -> None:
    text = "Officials said the road would close. Ann Lee said it would not."
    gold = [((0, 9),), ((37, 44),)]
    counts = Counter({"officials": 3, "Ann": 2})
    flagged = Extracted(source=(0, 9), cue=(10, 14), content=[(15, 36)], vague=True)
    acc = VagueRecall()
    count_article(text, gold, [flagged], counts, acc)
    assert (acc.vague, acc.vague_found, acc.named, acc.named_flagged) == (1, 1, 1, 0)
    wrong = Extracted(source=(37, 44), cue=(45, 49), content=[(50, 62)], vague=True)
    acc = VagueRecall()
    misses: list[str] = []
    count_article(text, gold, [wrong], counts, acc, misses)
    assert (acc.vague_found, acc.named_flagged, acc.recall, acc.false_rate) == (0, 1, 0.0, 1.0)
    # each miss with its cue (none given here) and its sentence (here, its line)
    assert misses == ["Officials\t\t" + text]


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("the Post", OUTLET),
        ("The Journal", OUTLET),
        ("The city", ORGANISATION),
        ("Each faction", ORGANISATION),
        ("one Valley Democrat", ANONYMOUS),
        ("some high-profile Republican", ANONYMOUS),
        ("A Harbour Research poll last week", DOCUMENT),
        ("freshly filed County Election Board reports", DOCUMENT),
        ("A Plus reporter Ann Lee", PERSON),
        ("a post on social media", DOCUMENT),
    ],
)
def test_source_kind_of_a_phrase(phrase: str, kind: str) -> None:
    assert classify(phrase, get_lexicon())[0] == kind


def test_a_text_of_thousands_of_sentences_opened_by_a_plural_is_read_once_per_word() -> None:
    # whether "Experts" is a common noun was read from the whole text again for every
    # sentence it opened (2,000 sentences: about 6 s, quadratic); once per word now, and
    # each is still the unnamed group
    import time

    from rules.attribution.extraction import extract

    sentences = [f"Experts say fares will rise by {i} percent." for i in range(2000)]
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    extract(sentences[0], spans[:1])  # (the models load outside the clock)
    start = time.perf_counter()
    found, _ = extract(" ".join(sentences), spans)
    assert time.perf_counter() - start < 3.0
    assert len(found) == 2000 and all(r.source_kind == ANONYMOUS and r.vague for r in found)
