"""Behaviour tests for the attribution family (our own sentences; seeds/PolNeAR skip if absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.analysis import ANONYMOUS, DOCUMENT, OUTLET, PERSON, Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from rules import attribution as att
from rules import footnotes
from rules.attribution.candidates import (
    MODEL_PATH,
    load_cue_model,
    pack_cue_weights,
    unpack_cue_weights,
)
from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.lexicon import get_lexicon
from rules.attribution.tagger import (
    TAGGER_PATH,
    TAGGER_TEMPLATES,
    decode_cue_spans,
    load_cue_tagger,
    pack_tagger_rows,
    tagger_attributes,
    tagger_feature_indices,
    unpack_tagger_rows,
)
from rules.attribution.tokens import find_quotes, tokenize
from tests.families import analyse_attribution as _analyse

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _extract(text: str) -> list[Extracted]:
    doc = document_from_text(text, path="t.txt", fmt="text")
    found, _ = extract(doc.text, [(s.start, s.end) for s in doc.sentences])
    return found


def _by_cue(found: list[Extracted], text: str, cue: str) -> Extracted:
    for r in found:
        if r.cue and text[r.cue[0] : r.cue[1]].lower().endswith(cue):
            return r
    raise AssertionError(f"no relation with cue {cue!r}: {[r.cue_text for r in found]}")


def test_according_to_named_person_with_role() -> None:
    text = "According to Dutch economist Pieter de Vries, prices will fall next spring."
    r = _by_cue(_extract(text), text, "according to")
    assert r.source_kind == PERSON
    assert r.source_name == "Pieter de Vries"
    assert r.role == "Dutch economist"
    assert text[r.content[0][0] : r.content[0][1]] == "prices will fall next spring"


def test_pronoun_resolves_to_earlier_full_name() -> None:
    text = (
        "“The harbour is silting up,” Dr. Amira Haddad, a marine geologist at the port "
        "authority, told the Coastal Gazette. “We need dredging within a year,” she said."
    )
    found = _extract(text)
    first = _by_cue(found, text, "told")
    assert first.source_name == "Amira Haddad"
    second = [r for r in found if r.cue_text == "said"][0]
    assert second.source_name == "Amira Haddad"
    assert second.direct


def test_short_name_resolves_and_split_quote_has_two_pieces() -> None:
    text = (
        "Maj. Tomas Berg commanded the unit for a decade.\n\n"
        "“The first part,” Maj. Berg explained, “is the hardest. We trained for it.”"
    )
    r = _by_cue(_extract(text), text, "explained")
    assert r.source_name == "Tomas Berg"
    assert len(r.content) == 2
    assert text[r.content[1][0] : r.content[1][1]].startswith("“is the hardest")


def test_multi_paragraph_quote_attributed_at_its_end() -> None:
    text = (
        "“We opened the clinic in spring. Patients came from three valleys.\n\n"
        "“Now the road is closed,” said Lena Park, the clinic's director."
    )
    r = _by_cue(_extract(text), text, "said")
    assert r.source_name == "Lena Park"
    assert r.content[0][0] == 0  # the quotation starts in the first paragraph


def test_outlet_citing_sources_is_flagged_vague() -> None:
    text = "Reuters reported, citing sources, that the mill will close in May."
    an = _analyse(text)
    assert an.attributions[0].source_kind == OUTLET
    assert an.attributions[0].source_name == "Reuters"
    assert any(f.code == "ATT001" and "sources" in text[f.start : f.end] for f in an.findings)
    assert any(s.cue == "citing" and s.kind == ANONYMOUS for s in an.sources)


@pytest.mark.parametrize(
    "text",
    [
        "Sources quoted in the magazine suggested that the deal may collapse.",
        "Officials said the bridge would reopen on Friday.",
        "Several analysts told the paper that the plan was doomed.",
        "According to a local farmer, the river rose overnight.",
    ],
)
def test_anonymous_sources_are_vague(text: str) -> None:
    an = _analyse(text)
    assert an.attributions and an.attributions[0].source_kind == ANONYMOUS
    assert any(f.code == "ATT001" for f in an.findings)


def test_agentless_passive_flagged() -> None:
    an = _analyse("The new militia is thought to be a front for the older group.")
    assert [f.code for f in an.findings] == ["ATT001"]


def test_document_source_kind() -> None:
    text = "A report by the audit office found that spending rose by a third."
    r = _by_cue(_extract(text), text, "found")
    assert r.source_kind == DOCUMENT


def test_unattributed_quote_flagged_but_not_scare_quotes() -> None:
    an = _analyse(
        "Residents are angry about the plan.\n\n"
        "“We were never asked about the new road at all.”\n\n"
        "The council called it a “modest” change."
    )
    codes = [(f.code, an.doc.text[f.start : f.end]) for f in an.findings]
    assert [c for c, _ in codes].count("ATT002") == 1
    assert "never asked" in [t for c, t in codes if c == "ATT002"][0]


def test_attributed_and_sentence_source_filled() -> None:
    an = _analyse("The bakery will close. “It is the end of an era,” said Omar Lind, its owner.")
    assert an.attributed == [False, True]
    assert an.sentence_source[1] == "Omar Lind"
    assert an.quotes and an.sources[0].cue == "said"


def test_author_voice_is_not_attributed() -> None:
    an = _analyse("The river flooded twice this year. Farmers lost most of the harvest.")
    assert not any(an.attributed)
    assert not an.attributions


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”\"'.,:\n said Tom")), max_size=80))
def test_quote_spans_are_well_formed(text: str) -> None:
    toks = tokenize(text)
    spans = find_quotes(text, toks)
    for a, b in spans:
        assert 0 <= a < b <= len(text)
    assert spans == sorted(spans)
    doc = document_from_text(text, path="t.txt", fmt="text")
    found, _ = extract(doc.text, [(s.start, s.end) for s in doc.sentences])
    for r in found:
        for a, b in r.content:
            assert 0 <= a < b <= len(text)


def test_cue_model_json_records_training() -> None:
    model = load_cue_model()
    assert model is not None and 0 < model.threshold < 1
    import json

    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert "PolNeAR train" in data["training"]["data"]
    assert data["training"]["seed"] == 13
    assert data["format_version"] == 2 and len(model.weights) > 10_000


def test_packed_cue_weights_round_trip_exactly() -> None:
    weights = {"w=said": 1.23457, "p=Cap|<S>": -0.5, "colon_p=)|Q": 3e-05}
    packed = pack_cue_weights(weights)
    assert unpack_cue_weights(packed) == weights
    assert unpack_cue_weights({"weights": weights}) == weights
    with pytest.raises(ValueError):
        pack_cue_weights({"two\nlines": 1.0})


SEEDS = SHARED / "data" / "seeds"


@pytest.fixture()
def seed_analysis() -> callable:
    if not SEEDS.is_dir():
        pytest.skip("../shared/data/seeds not available")
    from checker.text.loader import load_document

    def analyse(prefix: str) -> Analysis:
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        doc = load_document(str(path))
        an = Analysis(doc=doc, config=Config())
        footnotes.run(an)
        att.run(an)
        return an

    return analyse


def _find(an: Analysis, source_sub: str) -> list:
    t = an.doc.text
    return [a for a in an.attributions if a.source and source_sub in t[a.source.start:a.source.end]]


def test_seed_long_form_analysis(seed_analysis) -> None:  # noqa: ANN001
    an = seed_analysis("004")
    t = an.doc.text
    src = _find(an, "Sources cited")
    assert src and src[0].source_kind == ANONYMOUS
    assert any(a.source_name == "Chuck Freilich" for a in _find(an, "he") if a.direct)
    kemp = [a for a in _find(an, "Kemp") if t[a.cue.start : a.cue.end] == "elaborated"]
    assert kemp and kemp[0].source_name == "Richard Kemp" and len(kemp[0].content) == 2
    assert _find(an, "Freilich")[-1].source_name == "Chuck Freilich"


def test_seed_blog_post(seed_analysis) -> None:  # noqa: ANN001
    an = seed_analysis("002")
    habib = _find(an, "Mustafa Habib")
    assert habib and habib[0].role == "Iraqi analyst" and habib[0].source_kind == PERSON
    assert any(f.code == "ATT001" and "local journalist" in an.doc.text[f.start : f.end]
               for f in an.findings)


def test_seed_fact_list(seed_analysis) -> None:  # noqa: ANN001
    an = seed_analysis("000")
    reuters = _find(an, "Reuters")
    assert reuters and reuters[0].source_kind == OUTLET
    assert any(s.cue == "citing" and s.kind == ANONYMOUS for s in an.sources)


@pytest.mark.slow
def test_polnear_dev_beats_feature_crf() -> None:
    from evaluation.polnear import available, load_split

    if not available():
        pytest.skip("../shared PolNeAR not available")
    from evaluation.attribution import evaluate

    m = evaluate(load_split("dev"), whole_tool=False)
    assert m["source_exact_f1"] > 0.506 and m["cue_exact_f1"] > 0.534
    assert m["attribution_p"] > 0.7


# --------------------------------------------------------------------------- cue tagger


def test_cue_tagger_json_records_training() -> None:
    import json

    tagger = load_cue_tagger()
    assert tagger is not None and 0 < tagger.threshold < 1
    data = json.loads(TAGGER_PATH.read_text(encoding="utf-8"))
    assert "PolNeAR train" in data["training"]["data"]
    assert data["training"]["seed"] == 13
    assert data["training"]["heldout"]["metrics"]["attribution_f1"] > 0.5
    assert data["format_version"] == 2 and data["classes"] == ["O", "B", "I"]
    idx, rows = unpack_tagger_rows(data)
    assert len(idx) > 10_000 and rows.shape == (len(idx), 3)


def test_packed_tagger_rows_round_trip_and_match_the_list_format() -> None:
    import numpy as np

    idx = np.array([3, 17, 1 << 19], dtype=np.int64)
    rows = np.array([[0.125, -1.5, 0.0], [2.0, 0.001, -0.003], [-32.5, 7.25, 0.5]])
    packed = pack_tagger_rows(idx, rows)
    got_idx, got_rows = unpack_tagger_rows(packed)
    listed_idx, listed_rows = unpack_tagger_rows(
        {"index": idx.tolist(), "weights": rows.tolist()})
    assert got_idx.tolist() == listed_idx.tolist() == idx.tolist()
    assert np.allclose(got_rows, listed_rows, atol=5e-4)
    with pytest.raises(ValueError):
        pack_tagger_rows(idx[:1], np.array([[40.0, 0.0, 0.0]]))


def test_decode_cue_spans_hysteresis() -> None:
    import numpy as np

    # O, B, I probabilities for 7 tokens; sentence 0 = tokens 0..4, sentence 1 = 5..6
    p = np.array([
        [0.9, 0.05, 0.05],  # O
        [0.6, 0.1, 0.3],    # weak I before a strong B: a span of its own, dropped (weak)
        [0.1, 0.8, 0.1],    # strong B starts a span
        [0.55, 0.05, 0.4],  # weak I continues it (above half the threshold)
        [0.9, 0.05, 0.05],  # O
        [0.3, 0.1, 0.6],    # I at a sentence start: new span
        [0.2, 0.2, 0.6],
    ])
    spans = decode_cue_spans(p, [0, 0, 0, 0, 0, 1, 1], threshold=0.6, low=0.3)
    assert spans == [(2, 3), (5, 6)]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(0, 2)), max_size=40),
       st.floats(0.05, 0.95))
def test_decode_cue_spans_well_formed(rows: list[tuple[float, float, int]], th: float) -> None:
    import numpy as np

    sent = sorted(r[2] for r in rows)
    p = np.array([[1.0, b * (1 - i) , i * (1 - b)] for b, i, _ in rows]).reshape(-1, 3)
    spans = decode_cue_spans(p, sent, threshold=th)
    last = -1
    for a, b in spans:
        assert last < a <= b < len(rows)
        assert sent[a] == sent[b]
        assert max(p[k, 1] + p[k, 2] for k in range(a, b + 1)) >= th
        last = b


def test_tagger_features_are_stable_and_in_range() -> None:
    text = "The mayor brushed off the complaints. “It is fine,” she said on Monday."
    doc = document_from_text(text, path="t.txt", fmt="text")
    d = TokenDoc(text, [(s.start, s.end) for s in doc.sentences], get_lexicon())
    f1 = tagger_feature_indices(tagger_attributes(d), 18)
    f2 = tagger_feature_indices(tagger_attributes(d), 18)
    assert f1.shape == (len(d.toks), len(TAGGER_TEMPLATES))
    assert (f1 == f2).all() and f1.min() >= 0 and f1.max() < 2**18


def test_agentless_passive_has_no_source_and_stays_unsourced() -> None:
    text = "The harbour master has been accused of hiding the inspection report from the board."
    found = _extract(text)
    r = _by_cue(found, text, "accused of")
    assert r.source is None
    assert "hiding the inspection report" in text[r.content[0][0] : r.content[0][1]]
    an = _analyse(text)
    assert an.attributed == [False]


def test_damaged_packed_models_are_refused_naming_the_file(tmp_path: Path) -> None:
    import json

    from checker.core.datafiles import DataFileError

    tagger = json.loads(TAGGER_PATH.read_text(encoding="utf-8"))
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    spoiled = [
        ("tagger.json", tagger, "weights_milli_i16", "AAAA", load_cue_tagger),
        ("tagger.json", tagger, "index_u32", "not base64!", load_cue_tagger),
        ("tagger.json", tagger, "index_u32", "/////w==", load_cue_tagger),  # row 2**32 - 1
        ("cue_model.json", model, "weights_f64", "AAAAAAAA+H8=", load_cue_model),  # one NaN
    ]
    for i, (name, data, key, value, loader) in enumerate(spoiled):
        path = tmp_path / f"{i}-{name}"
        path.write_text(json.dumps({**data, key: value}), encoding="utf-8")
        with pytest.raises(DataFileError, match=str(path)):
            loader(str(path))


def test_belief_with_object_and_infinitive_is_reported_but_a_wish_names_no_source() -> None:
    an = _analyse("Industry insiders expect prices to climb further.")
    assert [(s.name, s.kind) for s in an.sources] == [("Industry insiders", ANONYMOUS)]
    assert any(f.code == "ATT001" for f in an.findings)
    # a wish is the union's, not the author's claim (held.py), but the union reports nothing
    wish = _analyse("The union wants the council to raise wages for bus drivers.")
    assert wish.sources == [] and wish.attributed == [True]
    assert not any(f.code == "ATT001" for f in wish.findings)


@pytest.mark.parametrize("text", [
    "It has been claimed that the vote count was rigged in two districts.",
    "Those close to the singer say she is recovering well at home.",
    "Local media reported that the old bridge had collapsed overnight.",
])
def test_more_vague_attributions(text: str) -> None:
    assert any(f.code == "ATT001" for f in _analyse(text).findings)


def test_perfect_passive_subject_is_no_source() -> None:
    an = _analyse("The head teacher had been warned twice about the broken fire doors.")
    assert an.sources == [] and not any(f.code == "ATT001" for f in an.findings)


@pytest.mark.parametrize(("text", "source"), [
    ("The mayor however said the bridge would reopen in March.", "The mayor"),
    ("The senators, however, said they would vote against the bill.", "The senators"),
    ("The two coaches both stressed that the pitch was in poor shape.", "The two coaches"),
])
def test_source_before_floating_words(text: str, source: str) -> None:
    found = _extract(text)
    assert [text[r.source[0]:r.source[1]] for r in found if r.source] == [source]


def test_evidential_adverb_is_a_report_without_source() -> None:
    text = "The club is reportedly spending two million pounds on new players."
    r = _by_cue(_extract(text), text, "reportedly")
    assert r.source is None and "two million pounds" in text[r.content[0][0]:r.content[0][1]]
    assert _analyse(text).attributed == [False]


@pytest.mark.parametrize(("text", "source"), [
    ("By noon, the mayor had visited the site and said the damage was severe.", "the mayor"),
    ("Ms. Okafor is a Democrat, but has said she will back the bill.", "Ms. Okafor"),
])
def test_coordinated_cue_takes_the_clause_subject(text: str, source: str) -> None:
    found = _extract(text)
    assert [text[r.source[0]:r.source[1]] for r in found if r.source] == [source]


@pytest.mark.parametrize("text", [
    "The Kent variant, found in May and announced in June, spreads faster.",
    "The South Coast ferry service stopped in March and announced no date to restart.",
])
def test_coordinated_cue_without_a_clear_subject_names_nobody(text: str) -> None:
    assert [r for r in _extract(text) if r.source] == []


def test_source_before_an_aside_between_dashes() -> None:
    text = "Many speakers at the service — including two bishops — said the loss was painful."
    found = _extract(text)
    assert [text[r.source[0]:r.source[1]] for r in found] == ["Many speakers at the service"]
    assert text[found[0].content[0][0]:found[0].content[0][1]] == "the loss was painful"
