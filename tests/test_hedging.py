"""Behaviour of the hedging family: cue finding, false-positive traps, quotations, config."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from evaluation.hedging_summary import body_words, summarise
from rules.hedging import (
    APPROXIMATOR,
    CATEGORIES,
    FAMILY,
    author_cues,
    find_cues,
    quotation_spans,
    run,
)
from training.hedge_sentence_model import HedgeSentenceClassifier, load_model, sentence_features

RULES = {r.name: r for r in FAMILY.rules}

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "hedging_news.jsonl"


def cues(text: str, categories=None, **kw) -> list[tuple[str, str]]:
    cats = (
        categories if categories is not None else ("epistemic", "reportative", "weasel", "booster")
    )
    return [(c.text, c.category) for c in find_cues(text, cats, **kw)]


def analyse(text: str, config: Config | None = None) -> Analysis:
    doc = document_from_text(text, path="t.txt")
    analysis = Analysis(doc, config or Config())
    for fam in ("footnotes", "attribution"):
        importlib.import_module(f"rules.{fam}").run(analysis)
    run(analysis)
    return analysis


# --------------------------------------------------------------------------- categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote may be delayed again.", [("may be", "epistemic")]),
        ("The plan might not be enough to save the mill.", [("might not", "epistemic")]),
        ("The merger could be the end of the brand.", [("could be", "epistemic")]),
        ("The levee is weak, so it could fail.", [("could", "epistemic")]),
        ("Prices would appear to have peaked.", [("would appear", "epistemic")]),
        ("The tide, it seems, has turned.", [("it seems", "epistemic")]),
        ("The tests suggest that the water is safe.", [("suggest", "epistemic")]),
        ("The vote was possibly the closest ever.", [("possibly", "epistemic")]),
        ("It is possible that the count is wrong.", [("It is possible that", "epistemic")]),
        ("The talks were apparently cut short.", [("apparently", "epistemic")]),
        ("The singer reportedly cancelled the tour.", [("reportedly", "reportative")]),
        ("The boxer is said to be furious.", [("is said to", "reportative")]),
        ("The ship is believed to have sunk in 1912.", [("is believed to", "reportative")]),
        ("Some say the referee was bribed.", [("Some say", "weasel")]),
        ("Many believe the mine will reopen.", [("Many believe", "weasel")]),
        ("Critics argue that fares are too high.", [("Critics argue", "weasel")]),
        ("It is thought that the lake is drying up.", [("It is thought that", "weasel")]),
        ("The dish is often considered the national meal.", [("is often considered", "weasel")]),
        ("The driver, believed to be in his 60s, was unhurt.", [("believed to be", "reportative")]),
        ("The march was ostensibly about rents.", [("ostensibly", "reportative")]),
        ("It is doubtful the pier can be saved.", [("doubtful", "epistemic")]),
        ("The leak was in all likelihood a mistake.", [("in all likelihood", "epistemic")]),
        ("The outage appears linked to the storm.", [("appears linked", "epistemic")]),
        ("The leak looks to have started overnight.", [("looks to have", "epistemic")]),
        ("The levy is seen as a test for the council.", [("is seen as", "weasel")]),
        ("The striker is considered a doubt for Saturday.", [("is considered", "weasel")]),
        ("The attack, if confirmed, would be the worst.", [("if confirmed", "epistemic")]),
        ("If true, the claims would end his career.", [("If true", "epistemic")]),
        ("The cause of the fire has yet to be determined.",
         [("yet to be determined", "epistemic")]),
        ("The ferry, expected to sail at noon, was held.", [("expected to", "reportative")]),
        ("Sales are projected to fall by a fifth.", [("are projected to", "reportative")]),
        ("Six fishermen are feared dead after the storm.", [("feared dead", "reportative")]),
        ("The fire must have started upstairs.", [("must have started", "epistemic")]),
        ("Chances are the vote will slip again.", [("Chances are", "epistemic")]),
        ("Doubts remain over the bridge.", [("Doubts remain", "epistemic")]),
        ("The goal was clearly offside.", [("clearly", "booster")]),
        ("This is undoubtedly the club's best season.", [("undoubtedly", "booster")]),
        ("It was without question a turning point.", [("without question", "booster")]),
    ],
)
def test_cue_categories(text: str, expected: list[tuple[str, str]]) -> None:
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In May the city council approved the budget.",
        "The hearing was set for May 3, 2021.",
        "Theresa May addressed the conference.",
        "May the best side win.",
        "The mayor could not be reached for comment.",
        "He could not attend the funeral.",
        "The nation's military might is unmatched.",
        "She lifted the crate with all her might.",
        "The coach suggested a meeting with the players.",
        "Some 40 people gathered outside the court.",
        "The runway lights were clearly visible from the tower.",
        "He spoke clearly to the jury.",
        "The company reported a loss of 3 million dollars.",
        "Police said the driver was not injured.",
        # ability, not possibility: what someone managed or was able to do
        "The keeper ran as fast as he could towards the goal.",
        "Before the crew could land, the wind turned.",
        "The shop owner did all she could to stay open.",
        "Smoke from the fire could be seen for miles.",
        # purpose: "so (that) someone could/might"
        "She moved back to Leeds so she could care for her father.",
        "They saved for a decade so they might buy the farm.",
        "The gates were widened so people could leave faster.",
        "The ban was lifted so the fishermen could return to the bay.",
        # capacity: what a ship or hall was able to hold
        "The ferry could carry 2,000 passengers.",
        "The old hall could seat about 600 people.",
        "The new terminal could handle twice as many flights.",
        # statistical comparatives state a measured difference
        "Night-shift workers were twice as likely to report poor sleep.",
        "Cyclists are three times as likely to be hurt on that road.",
        "The survey asked 1,200 likely voters about the levy.",
        # seen, considered and appeared in their literal senses
        "The van was seen as it left the depot.",
        "The request was considered at Monday's meeting.",
        "The singer appeared at the festival in 2019.",
        "He appeared in court on Tuesday.",
        # an expectation the subject holds, a condition that is not a doubt, a checked fact
        "The company expected to sell a million heaters.",
        "Officials, expected to announce the result on Monday, declined to comment.",
        "The plan, if approved, would double the fare.",
        "True to form, the ferry left late.",
        # a requirement and a compliment: not the author's doubt
        "Applicants must have completed a degree.",
        "The team could not have played better.",
        "The accounts were verified by the auditors in March.",
        "The appointment was confirmed on Monday.",
        # permission that a rule grants, not a possibility
        "The club's rules say that members may bring two guests.",
        "The statute provides that a tenant may end the lease early.",
    ],
)
def test_known_false_positives_are_not_cues(text: str) -> None:
    assert cues(text) == []


@pytest.mark.parametrize("text", [
    # "So" opening a sentence, or after a comma, is a conclusion, not a purpose clause
    "So we may never know why the bridge failed.",
    "The records were lost, so we may never know who signed them.",
])
def test_so_as_a_conclusion_keeps_the_hedge(text: str) -> None:
    assert cues(text) == [("may never", "epistemic")]


@pytest.mark.parametrize("text", [
    # in news "may appeal / choose / claim" is a party's possible next step, not a permission
    "The state may appeal the ruling.",
    "Lawyers for the driver may appeal against the sentence next week.",
    "Buyers may choose cheaper cuts of meat as prices rise.",
    "The insurer may claim that the damage was there before the policy began.",
])
def test_may_before_appeal_choose_or_claim_is_a_hedge(text: str) -> None:
    assert cues(text) == [("may", "epistemic")]


@pytest.mark.parametrize("text", [
    # a reader's permitted action: park, attend, book
    "Visitors may park in the east car park after six.",
    "Parents may attend the assembly on Friday morning.",
    "Members may book a court up to a week ahead.",
])
def test_may_before_a_permitted_visitor_action_is_not_a_hedge(text: str) -> None:
    assert cues(text) == []


def test_approximators_only_when_asked_for() -> None:
    text = "Some 3,500 homes lost power and about 40 roads were closed."
    assert cues(text) == []
    assert cues(text, CATEGORIES) == [
        ("Some 3,500", APPROXIMATOR),
        ("about 40", APPROXIMATOR),
    ]
    # a year after "about" is a topic, not an approximation
    assert cues("They argued about 2020, and about 1990.", CATEGORIES) == []


def test_overlaps_keep_the_longest_cue() -> None:
    found = find_cues("Some regional observers believe the truce might not hold.")
    assert [(c.text, c.category) for c in found] == [
        ("Some regional observers believe", "weasel"),
        ("might not", "epistemic"),
    ]
    spans = [(c.start, c.end) for c in found]
    assert spans == sorted(spans)


def test_config_extra_and_remove_cues() -> None:
    text = "The result is conceivably wrong, and the plan may fail."
    assert ("conceivably", "epistemic") in cues(text)
    assert cues(text, remove={"epistemic": ["conceivably"]}) == [("may", "epistemic")]
    assert cues(text, remove={"epistemic": ["may"]}) == [("conceivably", "epistemic")]
    added = cues("The figures look shaky to me.", extra={"epistemic": ["look shaky"]})
    assert added == [("look shaky", "epistemic")]
    # a single string is accepted where a list is expected
    assert cues(text, remove={"epistemic": "may"}) == [("conceivably", "epistemic")]
    assert cues("It looks shaky.", extra={"epistemic": "looks shaky"}) == [
        ("looks shaky", "epistemic")
    ]
    with pytest.raises(ValueError):
        find_cues("x", extra={"nonsense": ["x"]})


# --------------------------------------------------------------------------- quotations


def test_quoted_hedges_belong_to_the_speaker() -> None:
    text = (
        "Flooding Hits the Valley\n\n"
        "The river may burst its banks tonight. "
        "\u201cIt might be the worst flood in fifty years,\u201d said Maria Lopez, the mayor. "
        "The dam clearly failed.\n"
    )
    a = analyse(text)
    by_text = {h.text.split()[0]: h for h in a.hedges}
    assert by_text["may"].flagged and by_text["may"].speaker == ""
    assert not by_text["might"].flagged
    assert "Lopez" in by_text["might"].speaker
    assert by_text["clearly"].category == "booster" and by_text["clearly"].flagged
    codes = sorted(f.code for f in a.findings if f.code.startswith("HDG"))
    assert codes == ["HDG001", "HDG002"]  # the quoted "might" is not reported
    summary = summarise(a.hedges, body_words(a.doc))
    assert summary["hedges"] == 1 and summary["boosters"] == 1
    assert summary["speaker_hedges"] == 1
    assert summary["by_category"]["epistemic"] == 1


def test_author_cues_skips_quotations() -> None:
    text = 'He said: "We may lose." The team may lose.'
    found = author_cues(text)
    assert len(found) == 1 and found[0].start == text.rindex("may")
    assert quotation_spans(text) == [(9, 23)]


def test_single_curly_quotes_are_quotations_but_apostrophes_are_not() -> None:
    text = "‘It’s rotten; the pier may fall,’ said the harbour master. The pier may fall."
    assert [text[a:b] for a, b in quotation_spans(text)] == [
        "‘It’s rotten; the pier may fall,’"
    ]
    assert [c.start for c in author_cues(text)] == [text.rindex("may")]
    # an elided year and a possessive open and close nothing
    assert quotation_spans("In the ‘80s fares may have doubled, as drivers’ pay did.") == []
    a = analyse("The pier was shut.\n\n‘The pier may fall,’ said the harbour master.\n")
    assert [(h.text, h.flagged) for h in a.hedges] == [("may", False)]


def test_indirect_speech_owns_the_hedge_named_or_not() -> None:
    named = analyse("The river could flood the town, Maria Lopez said.\n").hedges
    assert [(h.text, h.speaker, h.flagged) for h in named] == [("could", "Maria Lopez", False)]
    # the unnamed speakers' hedge is theirs too: the vague attribution is ATT001's finding
    anon = analyse("The river could flood the town, analysts said.\n").hedges
    assert [(h.text, h.flagged) for h in anon] == [("could", False)]
    assert anon[0].speaker.lower() == "analysts"


def test_unnamed_crowd_that_says_something_owns_its_hedge() -> None:
    # "Analysts argue" is one weasel phrase (reported once, by vague-attribution); the
    # modal in what they argue is their hedge, not the author's
    a = analyse("Analysts argue the merger could raise fares for commuters.\n")
    modal = [h for h in a.hedges if h.text == "could"]
    assert [(h.speaker.lower(), h.flagged) for h in modal] == [("analysts", False)]
    text = a.doc.text
    assert "could" not in [text[f.start : f.end] for f in a.findings if f.code == "HDG001"]
    # an agentless "it is thought" has no speaker: the modal stays the author's
    b = analyse("It is thought that the ferry may be sold.\n")
    assert [(h.text, h.flagged) for h in b.hedges if h.text.startswith("may")] == [("may be", True)]


def test_a_comment_clause_after_reported_content_is_the_authors_hedge() -> None:
    # ", which probably ..." and ", a move that could ..." comment on what was reported
    for text, cue in (
        ("The firm reported a loss of 3 million pounds, which probably reflects the recall.\n",
         "probably"),
        ("The survey by the council shows a rise in rents, which may reflect new demand.\n",
         "may"),
        ("Mayor Ana Ruiz announced a fare freeze, a move that could cost the city millions.\n",
         "could"),
    ):
        hedges = [h for h in analyse(text).hedges if h.text.startswith(cue)]
        assert [(h.speaker, h.flagged) for h in hedges] == [("", True)], text
    # a relative clause closed before the hedge is inside what the source said
    said = analyse("Maria Lopez said the bridge, which opened in 1890, could collapse.\n")
    assert [(h.speaker, h.flagged) for h in said.hedges] == [("Maria Lopez", False)]


def test_a_reporting_verb_inside_a_closed_relative_clause_makes_no_speaker() -> None:
    a = analyse("Jones, who has denied wrongdoing, may face a retrial next year.\n")
    assert [(h.text, h.speaker, h.flagged) for h in a.hedges] == [("may", "", True)]
    # the same verb as the sentence's own reporting verb keeps the hedge the source's
    b = analyse("Jones has denied that the payments may have broken the rules.\n")
    assert [h.flagged for h in b.hedges] == [False]


def test_attribution_cue_that_is_a_hedge_does_not_make_a_speaker() -> None:
    a = analyse("The review is expected to take months, and the plan could fail.\n")
    assert all(h.flagged for h in a.hedges)


# --------------------------------------------------------------------------- configuration


def test_approximator_rule_off_by_default_and_enabled_by_config() -> None:
    text = "Some 3,500 troops are stationed there.\n"
    assert [h for h in analyse(text).hedges if h.category == APPROXIMATOR] == []
    a = analyse(text, Config(enable=["approximator"]))
    approx = [h for h in a.hedges if h.category == APPROXIMATOR]
    assert [h.text for h in approx] == ["Some 3,500"]
    assert [f.code for f in a.findings if f.code.startswith("HDG")] == ["HDG003"]


def test_categories_can_be_disabled_and_cues_added() -> None:
    text = "Critics argue the tax is unfair and it may be repealed, clearly.\n"
    a = analyse(text, Config(remove={"hedging": {"weasel": "*"}}))
    assert {h.category for h in a.hedges} == {"epistemic", "booster"}
    a = analyse(text, Config(settings={"hedge_categories": ["booster"]}))
    assert [h.category for h in a.hedges] == ["booster"]
    a = analyse(text, Config(lexicon={"hedging": {"epistemic": ["unfair"]}}))
    assert "unfair" in [h.text for h in a.hedges]
    a = analyse(text, Config(disable=["hedging"]))
    assert a.hedges and not [f for f in a.findings if f.code == "HDG001"]


def test_only_body_sentences_are_analysed() -> None:
    a = analyse("Prices May Rise Again\n\nThe shop opened in 1990.\n")
    assert a.hedges == []


def test_summary_counts_per_100_words() -> None:
    a = analyse("The plan may fail. It might also succeed. Nobody knows.\n")
    s = summarise(a.hedges, body_words(a.doc))
    assert s["hedges"] == 2
    assert s["words"] == 10
    assert s["hedges_per_100_words"] == 20.0
    assert summarise([], 0)["hedges_per_100_words"] == 0.0


# --------------------------------------------------------------------------- rule docs


@pytest.mark.parametrize("name", ["hedging", "overstated-certainty", "approximator"])
def test_rule_examples_behave_as_documented(name: str) -> None:
    rule = RULES[name]
    assert rule.family == "hedging" and rule.summary and rule.rationale
    cfg = Config(enable=["approximator"])
    code = rule.id
    bad = analyse(rule.bad + "\n", cfg)
    good = analyse(rule.good + "\n", cfg)
    assert code in {f.code for f in bad.findings}
    assert code not in {f.code for f in good.findings}
    assert RULES["approximator"].enabled is False


# --------------------------------------------------------------------------- classifier


def test_classifier_learns_and_round_trips_through_json() -> None:
    texts = [
        "The bridge may collapse.",
        "The bridge is said to be unsafe.",
        "Some say the bridge is unsafe.",
        "The bridge might fall.",
        "The bridge opened in 1990.",
        "The bridge is 40 metres long.",
        "The bridge crosses the river.",
        "The bridge was painted red.",
    ] * 3
    labels = [1, 1, 1, 1, 0, 0, 0, 0] * 3
    model = HedgeSentenceClassifier(C=1.0, min_df=1).fit(texts, labels)
    probs = model.predict_proba(["The tower may collapse.", "The tower opened in 1990."])
    assert probs[0][1] > 0.5 > probs[1][1]
    clone = HedgeSentenceClassifier.from_json(json.loads(json.dumps(model.to_json())))
    assert clone.predict_proba(["The tower may collapse."])[0][1] == pytest.approx(
        probs[0][1], abs=1e-3
    )
    assert clone.get_params()["C"] == 1.0


def test_nb_weighted_classifier_folds_its_scale_into_plain_weights() -> None:
    # NB-LR: fitted on scaled features, stored as one weight per binary feature, so the
    # audit's plain scorer (no scale, no scikit-learn) gives the estimator's probabilities
    from rules.hedging.uncertainty import SentenceModel

    texts = [
        "The ferry may be late.",
        "Some say the ferry is unsafe.",
        "The ferry might sink.",
        "The ferry is reportedly for sale.",
        "The ferry left at noon.",
        "The ferry carries 300 cars.",
        "The ferry was built in 1999.",
        "The ferry docked in Oban.",
    ] * 3
    labels = [1, 1, 1, 1, 0, 0, 0, 0] * 3
    model = HedgeSentenceClassifier(C=1.0, min_df=1, nb_alpha=1.0).fit(texts, labels)
    plain = HedgeSentenceClassifier(C=1.0, min_df=1).fit(texts, labels)
    assert model.coef_ != plain.coef_  # the scale changed the fit
    data = json.loads(json.dumps(model.to_json()))
    assert data["params"]["nb_alpha"] == 1.0
    scorer = SentenceModel.from_dict(data)
    for text in ("The bus may be late.", "The bus left at noon."):
        expected = model.predict_proba([text])[0][1]
        got = scorer.probability(sentence_features(text))
        assert got == pytest.approx(expected, abs=1e-3)
    may, noon = (scorer.probability(sentence_features(t))
                 for t in ("The bus may be late.", "The bus left at noon."))
    assert may > 0.5 > noon


def test_uncertainty_does_not_depend_on_the_approximator_rule() -> None:
    # the model reads no approximator cue, so turning HDG003 on reports approximators
    # without changing any sentence's probability (and, off, they need not be scanned)
    text = "Some 3,500 homes were largely without power, and repairs may take weeks.\n"
    assert not any(f.startswith("c=about") for f in sentence_features(text))
    off, on = analyse(text), analyse(text, Config(enable=["approximator"]))
    assert [h.category for h in off.hedges] == ["epistemic"]
    assert "approximator" in {h.category for h in on.hedges}
    assert on.uncertainty == off.uncertainty and on.hedged == off.hedged


def test_shipped_model_ranks_hedged_sentences_higher() -> None:
    model = load_model()
    hedged, plain = model.predict_proba(
        ["Some critics say the policy may have failed.", "The policy took effect in 2004."]
    )
    assert hedged[1] > 0.5 > plain[1]
    assert "c=may" in sentence_features("It may rain.")


# --------------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abcdemoy MAYSI,.\"'\u201c\u201d0123-\n")), max_size=200)
)
def test_find_cues_spans_are_sorted_disjoint_and_exact(text: str) -> None:
    found = find_cues(text, CATEGORIES)
    last = -1
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.start >= last
        last = c.end
        assert c.category in CATEGORIES


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "may",
                "might",
                "could",
                "the",
                "May",
                "reportedly",
                "some",
                "say",
                "40",
                ".",
                "\u201c",
            ]
        ),
        max_size=30,
    )
)
def test_find_cues_on_word_soup_never_breaks(words: list[str]) -> None:
    text = " ".join(words)
    for c in find_cues(text, CATEGORIES):
        assert text[c.start : c.end] == c.text


# --------------------------------------------------------------------------- own news fixture


def test_news_fixture_precision_and_recall() -> None:
    from evaluation.hedging import news_scores, read_news_fixture

    cases = read_news_fixture(FIXTURE)
    assert len(cases) >= 80 and all(c["reason"] for c in cases)
    scores = news_scores(cases)
    assert scores["precision"] >= 0.9
    assert scores["recall"] >= 0.85
    assert scores["category_accuracy"] >= 0.9
