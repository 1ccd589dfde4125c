"""The credibility family: name/URL resolution, ratings on sources, CRD001/CRD002, metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

import rules.attribution
import rules.credibility
import rules.footnotes
from checker.core.analysis import DOCUMENT, ORGANISATION, OUTLET, PERSON, Analysis, SourceMention
from checker.core.config import Config
from checker.text.loader import document_from_text, load_document
from rules.credibility import outlet_table, resolve_name

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CRED = SHARED / "data" / "credibility"
SHARED_FILES = [
    CRED / "lin2023" / "domain_ratings.csv",
    CRED / "wikipedia_perennial" / "reliability_ranking.csv",
    CRED / "cred1" / "cred1_current.csv",
]
SEEDS = SHARED / "data" / "seeds"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("CHECKER_RATINGS", raising=False)


def analyse(doc_or_text: object, config: Config, claims: bool = True) -> Analysis:
    """Sources come from footnotes + attribution; every body sentence counts as a claim
    (the claim model is tested elsewhere), then the credibility family runs."""
    doc = document_from_text(doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
    a = Analysis(doc=doc, config=config)  # type: ignore[arg-type]
    rules.footnotes.run(a)
    rules.attribution.run(a)
    for s in a.body_sentences():
        a.is_claim[s.index] = claims
    rules.credibility.run(a)
    return a


def user_csv(tmp_path: Path, rows: str) -> str:
    p = tmp_path / "newsroom.csv"
    p.write_text("domain,score,label\n" + rows, encoding="utf-8")
    return str(p)


def by_domain(a: Analysis, domain: str) -> list[SourceMention]:
    return [m for m in a.sources if m.domain == domain]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "kind", "domain"),
    [
        ("Associated Press", OUTLET, "apnews.com"),
        ("the Associated Press", OUTLET, "apnews.com"),
        ("AP", OUTLET, "apnews.com"),
        ("Reuters", OUTLET, "reuters.com"),
        ("Reuters'", OUTLET, "reuters.com"),
        ("Bloomberg", OUTLET, "bloomberg.com"),
        ("CNN", OUTLET, "cnn.com"),
        ("Al Jazeera", OUTLET, "aljazeera.com"),
        ("Middle East Eye", OUTLET, "middleeasteye.net"),
        ("Al Mayadeen", OUTLET, "almayadeen.net"),
        ("POLITICO", OUTLET, "politico.com"),
        ("Politico", OUTLET, "politico.com"),
        ("Animal Politico", OUTLET, "animalpolitico.com"),
        ("Reason.com", OUTLET, "reason.com"),
        ("Reason", OUTLET, "reason.com"),
        ("Reason", ORGANISATION, ""),
        ("reason", OUTLET, ""),
        ("The Media Line", OUTLET, "themedialine.org"),
        ("The New York Times", OUTLET, "nytimes.com"),
        ("a report by Human Rights Watch", DOCUMENT, "hrw.org"),
        ("news.example.co.uk", OUTLET, "example.co.uk"),
        ("Jane Example", PERSON, ""),
    ],
)
def test_resolve_name(name: str, kind: str, domain: str) -> None:
    assert resolve_name(name, kind) == domain


def test_alias_table_is_extensible_by_configuration() -> None:
    cfg = Config(lexicon={"credibility": {"harbourherald.test": ["Harbour Herald", "HH"]}})
    table = outlet_table(cfg)
    assert resolve_name("the Harbour Herald", OUTLET, table) == "harbourherald.test"
    assert resolve_name("Harbour Herald", OUTLET) == ""  # the default table is untouched


def test_text_scan_avoids_ambiguous_and_embedded_names(tmp_path: Path) -> None:
    text = (
        "The reason for the delay is simple, the mayor said.\n\n"
        "Michael Bloomberg said the plan would fail.\n\n"
        "The ferry sank near the coast, Animal Politico reported.\n\n"
        "Fuel prices rose again, Politico reported on Tuesday.\n"
    )
    a = analyse(text, Config())
    domains = {m.domain for m in a.sources if m.domain}
    assert "reason.com" not in domains and "bloomberg.com" not in domains
    assert {"animalpolitico.com", "politico.com"} <= domains


# --------------------------------------------------------------------------- ratings


def test_low_rated_outlet_flags_the_claim_it_supports(tmp_path: Path) -> None:
    cfg = Config(
        settings={
            "ratings": [user_csv(tmp_path, "dailyexample.test,0.1,deprecated\nreuters.com,0.95,\n")]
        },
        lexicon={"credibility": {"dailyexample.test": ["Daily Example"]}},
    )
    text = (
        "A fuel depot was destroyed overnight, the Daily Example reported.\n\n"
        "The governor resigned on Friday, Reuters reported.\n"
    )
    a = analyse(text, cfg)
    (low,) = [m for m in a.sources if m.domain == "dailyexample.test"][:1]
    assert (low.rating, low.rating_label) == (0.1, "deprecated")
    assert low.rating_source == "user:newsroom.csv"
    assert low.percentile is not None
    assert by_domain(a, "reuters.com")[0].rating_label == "high"
    crd = [f for f in a.findings if f.code == "CRD001"]
    assert len(crd) == 1 and crd[0].sentence == 0 and "Daily Example" in crd[0].message
    m = a.metrics
    assert (m["rated_sources"], m["low_credibility_sources"]) == (2, 1)
    assert (m["min_credibility"], m["mean_credibility"]) == (0.1, 0.525)


def test_footnoted_low_source_flags_its_scope_only(tmp_path: Path) -> None:
    cfg = Config(
        settings={"ratings": [user_csv(tmp_path, "dailyexample.test,0.05,deprecated\n")]},
        lexicon={"credibility": {"dailyexample.test": ["Daily Example"]}},
    )
    text = (
        "Harbour closure\n\n"
        "- The old bridge closed after the flood.1\n"
        "- Two roads reopened on Sunday morning.2\n\n"
        "Sources: 1Daily Example, 2Reuters.\n"
    )
    a = analyse(text, cfg)
    crd = [f for f in a.findings if f.code == "CRD001"]
    assert crd, a.sources
    flagged = {a.doc.sentences[f.sentence].text for f in crd}
    assert any("bridge" in t for t in flagged)
    assert not any("roads" in t for t in flagged)
    assert by_domain(a, "reuters.com")[0].rating_label == "unrated"  # not in this set


def test_not_a_claim_still_warns_once_per_outlet(tmp_path: Path) -> None:
    cfg = Config(settings={"ratings": [user_csv(tmp_path, "dailyexample.test,0.1,low\n")]},
                 lexicon={"credibility": {"dailyexample.test": ["Daily Example"]}})  # fmt: skip
    text = "Read more, the Daily Example reported. Read more again, the Daily Example said.\n"
    a = analyse(text, cfg, claims=False)
    assert len([f for f in a.findings if f.code == "CRD001"]) == 1


def test_single_source_rule(tmp_path: Path) -> None:
    one = (
        "The mill will close in March, the Harbour Herald reported. "
        "About 400 jobs will go, the Harbour Herald reported. "
        "Production moves abroad next year, the Harbour Herald reported.\n"
    )
    cfg = Config(lexicon={"credibility": {"harbourherald.test": ["Harbour Herald"]}})
    a = analyse(one, cfg)
    crd = [f for f in a.findings if f.code == "CRD002"]
    assert len(crd) == 1 and "Harbour Herald" in crd[0].message
    two = one + "\nThe job losses were confirmed by Reuters, which saw the filing.\n"
    two = two.replace("go, the Harbour Herald", "go, Reuters")
    assert not [f for f in analyse(two, cfg).findings if f.code == "CRD002"]


def test_no_ratings_installed_everything_is_unrated() -> None:
    a = analyse("The port reopened on Monday, Reuters reported.\n", Config())
    (m,) = by_domain(a, "reuters.com")
    assert (m.rating, m.rating_label, m.rating_source) == (None, "unrated", "")
    assert a.metrics["rating_sets"].startswith("none")
    assert a.metrics["mean_credibility"] is None
    assert not [f for f in a.findings if f.code.startswith("CRD001")]


def test_link_urls_fold_subdomains(tmp_path: Path) -> None:
    cfg = Config(
        settings={"ratings": [user_csv(tmp_path, "example-mayadeen.test,0.0,deprecated\n")]}
    )
    text = "Drones hit the base, [a broadcaster said](https://english.example-mayadeen.test/x).\n"
    a = analyse(document_from_text(text, path="x.md", fmt="markdown"), cfg)
    (m,) = [m for m in a.sources if m.url]
    assert (m.domain, m.rating_label) == ("example-mayadeen.test", "deprecated")


# --------------------------------------------------------------------------- seeds


def _seed(prefix: str) -> Path:
    if not all(p.is_file() for p in SHARED_FILES) or not SEEDS.is_dir():
        pytest.skip("../shared/data (seeds and rating sets) is absent")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def test_seed_000_wires_high_al_mayadeen_low() -> None:
    cfg = Config(settings={"ratings": [str(p) for p in SHARED_FILES]})
    a = analyse(load_document(_seed("000")), cfg)
    mayadeen = by_domain(a, "almayadeen.net")
    assert mayadeen and all(m.rating_label in ("low", "deprecated") for m in mayadeen)
    assert mayadeen[0].rating_source in ("wikipedia-perennial", "cred1")
    for wire in ("apnews.com", "reuters.com"):
        ms = by_domain(a, wire)
        assert ms and all(m.rating_label == "high" and m.percentile >= 99 for m in ms)
    assert any(f.code == "CRD001" and "Al Mayadeen" in f.message for f in a.findings)
    assert a.metrics["low_credibility_sources"] == 1


def test_seed_004_media_line_unrated() -> None:
    cfg = Config(settings={"ratings": [str(p) for p in SHARED_FILES]})
    a = analyse(load_document(_seed("004")), cfg)
    ms = by_domain(a, "themedialine.org")
    assert ms and all(m.rating_label == "unrated" and m.rating is None for m in ms)
    assert by_domain(a, "nytimes.com")[0].rating_label == "high"


@pytest.mark.parametrize("medium", ["appearance", "interview", "town hall"])
def test_an_outlet_that_is_only_the_medium_is_not_a_named_source(medium: str) -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution(
        f"The spokesman added in a Fox News {medium} that the president had spoken to some "
        "of the senators.")
    credibility.run(an)
    assert not [s for s in an.sources if s.cue == "named"]


@pytest.mark.parametrize("text", [
    "The harbour master spoke for an hour in a long interview with reporters from the "
    "Chicago Tribune about the dredging plan.",
    "Fewer viewers watched the second council debate on CNN than the first one.",
    "She reported on tides for a decade as a staff writer at the Chicago Tribune.",
    "Guests on the list included the mayor, CNN, the Chicago Tribune and two bakers, "
    "the organisers said.",
    "Listen to CNN's conversation with the harbour master in the episode below, she said.",
])
def test_an_outlet_merely_mentioned_near_a_citing_word_is_not_a_named_source(text: str) -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution(text)
    credibility.run(an)
    assert not [s for s in an.sources if s.cue == "named"]


@pytest.mark.parametrize(("text", "outlets"), [
    ("Turnout at the harbour vote fell by a third, according to a report in the Chicago "
     "Tribune.", {"Chicago Tribune"}),
    ("A new survey conducted by the Chicago Tribune and CNN puts the ferry plan ahead.",
     {"Chicago Tribune", "CNN"}),
    ("By the Chicago Tribune's tally, the ferry plan has lost two votes since March.",
     {"Chicago Tribune"}),
    ("The dredging memo, a copy of which was obtained by the Chicago Tribune, puts the cost "
     "at twice the estimate.", {"Chicago Tribune"}),
    ("The harbour fund lent money to three bakeries that, CNN later reported, belonged "
     "to the mayor's cousin.", {"CNN"}),
])
def test_an_outlet_that_reports_or_publishes_what_is_cited_is_a_named_source(
        text: str, outlets: set[str]) -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution(text)
    credibility.run(an)
    names = {s.name.removeprefix("the ").removesuffix("'s") for s in an.sources}
    assert outlets <= names, an.sources


@pytest.mark.parametrize(("text", "outlets"), [
    # the cited one first, second or in the middle; one of them already a source of the
    # attribution family ("X and Y confirmed")
    ("The ferry will stop at the old pier, according to the Chicago Tribune and CNN.",
     {"Chicago Tribune", "CNN"}),
    ("The ferry will stop at the old pier, according to CNN and the Chicago Tribune.",
     {"Chicago Tribune", "CNN"}),
    ("The Chicago Tribune and CNN confirmed that the ferry will stop at the old pier.",
     {"Chicago Tribune", "CNN"}),
    ("The ferry will stop at the old pier, the Chicago Tribune and CNN reported.",
     {"Chicago Tribune", "CNN"}),
    ("Reuters, the Chicago Tribune and CNN all reported that the ferry will stop at the "
     "old pier.", {"Reuters", "Chicago Tribune", "CNN"}),
])
def test_outlets_listed_together_are_cited_together(text: str, outlets: set[str]) -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution(text)
    credibility.run(an)
    names = {s.name.removeprefix("The ").removeprefix("the ") for s in an.sources}
    assert outlets <= names, an.sources


def test_an_outlet_listed_beside_an_uncited_one_stays_uncited() -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution("The harbour master has appeared on CNN and the Chicago Tribune "
                             "podcast twice, she said.")
    credibility.run(an)
    assert not [s for s in an.sources if s.cue == "named"]


@pytest.mark.parametrize(("text", "cited"), [
    # an aside after the outlet, then another speaker's inverted verb: no citing of it
    ("She left CNN, the network she joined in 2001, said a spokesman.", False),
    ("She left CNN, the network she joined in 2001, said the harbour's lawyer.", False),
    ("CNN, the cable network, said the ferry would stop at the old pier.", True),
])
def test_an_outlet_before_an_aside_and_an_inverted_speaker_is_not_cited(
        text: str, cited: bool) -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution(text)
    credibility.run(an)
    assert ("CNN" in [s.name for s in an.sources]) is cited, an.sources


@pytest.mark.parametrize("text", [
    # outlets that only heard a named speaker: none of them cites, nor do its neighbours
    "Harbour master Ann Lee told CNN and the Chicago Tribune that the ferry would stop.",
    "Ann Lee told CNN, the Chicago Tribune and Reuters the ferry fares were too high.",
])
def test_outlets_listed_beside_an_addressee_stay_uncited(text: str) -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution(text)
    credibility.run(an)
    assert [s.name for s in an.sources] == ["Ann Lee"], an.sources


@pytest.mark.parametrize(("text", "outlet"), [
    # the citing verb before the outlet after a comma, an aside between outlet and verb
    ("Ann Lee said the toll is \u201cunfair\u201d to commuters, reported the Chicago Tribune.",
     "Chicago Tribune"),
    ("\u201cThe toll is unfair,\u201d said Ann Lee, a harbour trustee, reports CNN.", "CNN"),
    ("CNN, the harbour master said, reported that the ferry will stop at the old pier.",
     "CNN"),
])
def test_an_outlet_cited_after_a_comma_or_an_aside_is_a_named_source(
        text: str, outlet: str) -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution(text)
    credibility.run(an)
    assert outlet in {s.name.removeprefix("the ") for s in an.sources}, an.sources


def test_an_outlet_said_about_is_not_cited() -> None:
    from rules import credibility
    from tests.families import analyse_attribution

    an = analyse_attribution("The harbour master said CNN was wrong about the ferry.")
    credibility.run(an)
    assert not [s for s in an.sources if s.cue == "named"]
