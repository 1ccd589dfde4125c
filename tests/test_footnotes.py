"""Footnotes, references and links (rules/footnotes/): fixtures, helpers, seeds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.reference.domains import registrable, registrable_domain, url_domain
from checker.text.loader import document_from_text, load_document
from rules import footnotes as F
from rules.footnotes.links import url_problem
from rules.footnotes.scan import URLISH
from rules.footnotes.sources import clean_source_name, guess_kind

FIXTURES = Path(__file__).parent / "fixtures" / "footnotes"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "data" / "seeds"
FTN_RULES = {
    r.name for r in (F.DANGLING, F.UNUSED, F.SEQUENCE, F.UNCITED, F.MALFORMED, F.BROKEN_LINK)
}


def run_file(path: Path, config: Config | None = None) -> Analysis:
    doc = load_document(path)
    analysis = Analysis(doc=doc, config=config or Config())
    F.run(analysis)
    return analysis


def fixture_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if not p.name.endswith(".json"))


# ------------------------------------------------------------------ fixtures


@pytest.mark.parametrize("name", fixture_names())
def test_fixture_read_right(name: str) -> None:
    path = FIXTURES / name
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    a = run_file(path)
    fn = a.footnotes
    text = a.doc.text
    assert [m.number for m in fn.markers] == expected["markers"]
    assert set(fn.definitions) == set(expected["definitions"]) | set(fn.definitions) - set(
        expected["definitions"]
    )
    for label, want in expected["definitions"].items():
        got = fn.definitions[label]
        for key, value in want.items():
            assert getattr(got, key) == value, (label, key)
    assert sorted(fn.dangling) == sorted(expected["dangling"])
    assert sorted(fn.unused) == sorted(expected["unused"])
    got_findings = Counter((f.rule, a.doc.line_col(f.start)[0]) for f in a.findings)
    want_findings = Counter((f["rule"], f["line"]) for f in expected["findings"])
    assert got_findings == want_findings
    for want in expected.get("sources", []):
        assert any(all(getattr(s, k) == v for k, v in want.items()) for s in a.sources), want
    for number, (head, tail) in expected.get("scopes", {}).items():
        m = next(m for m in fn.markers if m.number == number)
        assert m.scope is not None
        scope_text = text[m.scope.start : m.scope.end]
        assert scope_text.startswith(head) and scope_text.endswith(tail), scope_text


def test_fixture_into_report_record() -> None:
    """The footnotes entry of report.json, built by the pipeline from our analysis."""
    from checker.pipeline import result_from_analysis

    a = run_file(FIXTURES / "glued_after_punct.txt")
    result = result_from_analysis(a, "glued_after_punct.txt").to_dict()
    fn = result["footnotes"]
    assert [m["number"] for m in fn["markers"]] == ["1", "2", "4", "3"]
    assert fn["definitions"]["3"]["text"] == "Harbour Times"
    assert fn["dangling"] == ["4"] and fn["unused"] == ["5"]
    ids = {f["id"] for f in result["findings"]}
    assert {"FTN001", "FTN002", "FTN003", "FTN004"} <= ids
    cited = [s for s in result["sentences"] if s["footnotes"]]
    assert cited and all(s["region"] == "body" for s in cited)


def test_sentence_scope_config() -> None:
    text = (
        "Facts\n- The mill closed in March. Forty jobs were lost, the union said.1\n"
        "- The site will become housing, the council said.2\n"
        "Sources: 1Mill Workers Union, 2City Council.\n"
    )
    doc = document_from_text(text, path="x.txt", fmt="text")
    auto = Analysis(doc=doc, config=Config())
    F.run(auto)
    sent = Analysis(doc=doc, config=Config(settings={"footnote_scope": "sentence"}))
    F.run(sent)
    first = next(s for s in doc.sentences if s.text.startswith("The mill closed"))
    second = next(s for s in doc.sentences if s.text.startswith("Forty jobs"))
    assert auto.sentence_footnotes[first.index] == ["1"]
    assert auto.sentence_footnotes[second.index] == ["1"]
    assert sent.sentence_footnotes[first.index] == []
    assert sent.sentence_footnotes[second.index] == ["1"]


def test_rules_are_listed_with_docs() -> None:
    for rule in (F.DANGLING, F.UNUSED, F.SEQUENCE, F.UNCITED, F.MALFORMED, F.BROKEN_LINK):
        assert rule.family == "footnotes" and rule.summary and rule.rationale
        assert rule.bad and rule.good and rule.bad != rule.good
    assert F.DANGLING.severity == "error" and F.UNUSED.severity == "warning"


def test_disabled_rule_is_not_reported() -> None:
    a = run_file(FIXTURES / "superscript.txt", Config(disable=["dangling-footnote"]))
    assert not any(f.rule == "dangling-footnote" for f in a.findings)
    assert a.footnotes.dangling == ["4"]  # still recorded


# ------------------------------------------------------------------- seeds


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seed articles not available at {SEEDS}")
    found = sorted(SEEDS.glob(prefix + "_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


def test_first_seed_maps_six_outlets_with_nothing_flagged() -> None:
    a = run_file(_seed("000"))
    fn = a.footnotes
    assert sorted({m.number for m in fn.markers}, key=int) == ["1", "2", "3", "4", "5", "6"]
    assert len(fn.markers) == 6
    assert {k: d.text for k, d in fn.definitions.items()} == {
        "1": "Associated Press",
        "2": "Bloomberg",
        "3": "CNN",
        "4": "Al Jazeera",
        "5": "Middle East Eye",
        "6": "Al Mayadeen",
    }
    assert fn.dangling == [] and fn.unused == []
    assert [f for f in a.findings if f.rule in FTN_RULES] == []
    notes = [s for s in a.sources if s.cue == "footnote"]
    assert [(s.footnote, s.name, s.kind) for s in notes] == [
        (1, "Associated Press", "outlet"),
        (2, "Bloomberg", "outlet"),
        (3, "CNN", "outlet"),
        (4, "Al Jazeera", "outlet"),
        (5, "Middle East Eye", "outlet"),
        (6, "Al Mayadeen", "outlet"),
    ]
    assert [s.domain for s in notes] == [
        "apnews.com",
        "bloomberg.com",
        "cnn.com",
        "aljazeera.com",
        "middleeasteye.net",
        "almayadeen.net",
    ]
    # every fact bullet is covered, including both sentences of the two-sentence bullets
    for s in a.doc.sentences:
        if s.region == "body" and a.doc.text[a.doc.blocks[s.block].start] == "-":
            bullet = a.doc.text[a.doc.blocks[s.block].start : a.doc.blocks[s.block].end]
            assert bool(a.sentence_footnotes[s.index]) == bullet.rstrip()[-1].isdigit()


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_other_seeds_have_no_footnote_findings(prefix: str) -> None:
    a = run_file(_seed(prefix))
    assert a.footnotes.markers == []
    assert [f for f in a.findings if f.rule in FTN_RULES] == []


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("english.almayadeen.net", "almayadeen.net"),
        ("www.bbc.co.uk", "bbc.co.uk"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("bbc.co.uk", "bbc.co.uk"),
        ("www.abc.net.au", "abc.net.au"),
        ("smh.com.au", "smh.com.au"),
        ("edition.cnn.com", "cnn.com"),
        ("CNN.COM.", "cnn.com"),
        ("apnews.com", "apnews.com"),
        ("localhost", ""),  # no domain at all
        ("192.168.0.1", "192.168.0.1"),
        ("www.gov.uk", "gov.uk"),  # "www." is dropped first (as for every cited host)
        ("user.github.io", "user.github.io"),
        ("example.com:8080", "example.com"),
        ("https://www.theguardian.com/world/2024/x", "theguardian.com"),
        ("a.b.c.example.co.jp", "example.co.jp"),
    ],
)
def test_registrable_domain(host: str, expected: str) -> None:
    assert registrable_domain(host) == expected


def test_a_bare_host_keeps_its_www_label_under_a_public_suffix() -> None:
    # links are resolved by the host as written: www.gov.uk is its own registrable domain
    assert registrable("www.gov.uk") == "www.gov.uk" and registrable("localhost") == "localhost"
    assert url_domain("https://www.gov.uk/x") == "www.gov.uk"


def test_url_domain() -> None:
    assert url_domain("https://english.almayadeen.net/news/x") == "almayadeen.net"
    assert url_domain("www.reuters.com/world") == "reuters.com"
    assert url_domain("/about") == ""
    assert url_domain("#fn1") == ""


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reuters.com/world/",
        "http://example.co.uk/a?b=c#d",
        "https://xn--bcher-kva.example/",
        "https://例え.jp/path",
        "/relative/page",
        "page.html",
        "#fn1",
        "mailto:desk@example.org",
        "https://localhost:8000/x",
        "http://192.168.1.10/status",
    ],
)
def test_valid_urls(url: str) -> None:
    assert url_problem(url) == ""


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("", "empty"),
        ("https://example.com/a b", "space"),
        ("htps://example.com", "misspelt"),
        ("http//example.com/x", "missing its ':'"),
        ("https:/example.com", "must be followed by '//'"),
        ("https://", "no host"),
        ("https://example", "no domain suffix"),
        ("https://exa_mple.com", "invalid part"),
        ("https://example..com", "not a valid name"),
        ("https://example.com:port/x", "invalid host or port"),
        ("www.example.com/page", "no scheme"),
        ("mailto:desk", "'@'"),
    ],
)
def test_invalid_urls(url: str, fragment: str) -> None:
    assert fragment in url_problem(url)


@pytest.mark.parametrize(
    ("entry", "name", "kind"),
    [
        ("Associated Press", "Associated Press", "outlet"),
        ("Reuters, 'Talks begin', 12 May, https://www.reuters.com/x", "Reuters", "outlet"),
        ("Ministry of Finance press briefing.", "Ministry of Finance", "organisation"),
        ("Smith, J. (2021). Harbour silt. Coastal Journal 4.", "Smith, J.", "person"),
        ("https://www.theguardian.com/uk/2024/x", "The Guardian", "outlet"),
        ("Harbour Times", "Harbour Times", "outlet"),
        (
            "Statistics Office annual report, https://stats.example.gov/r.pdf",
            "Statistics Office",
            "document",
        ),
    ],
)
def test_clean_source_name_and_kind(entry: str, name: str, kind: str) -> None:
    url_m = URLISH.search(entry)
    url = url_m.group() if url_m else ""
    got = clean_source_name(entry, url)
    assert got == name
    assert guess_kind(got, url) == kind


# ------------------------------------------------------- conventions on strings


def numbers(text: str) -> list[str]:
    return [m.number for m in F.parse_footnotes(text).footnotes.markers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Facts\n- The ferry stopped running in May.1\n- Fares doubled.2\nSources: 1A, 2B.\n",
            ["1", "2"],
        ),
        (
            "Facts\n- She called it 'a quiet failure.'1\n- Fares doubled, they said.\"2\n"
            "Sources: 1Harbour Times, 2Radio Estuary.\n",
            ["1", "2"],
        ),
        (
            "The vote was close for the group1. Then it passed easily2.\n\nNotes\n1. City Hall\n"
            "2. Town Crier\n",
            ["1", "2"],
        ),
        (
            "Prices rose.[1] Wages fell.[2, 3] Rents stayed flat.[1-3][4]\n\nReferences\n[1] A\n"
            "[2] B\n[3] C\n[4] D\n",
            ["1", "2", "3", "1", "2", "3", "4"],
        ),
        ("Prices rose.^1 Wages fell.^2\n\nNotes\n1) Alpha Bank\n2) Beta Union\n", ["1", "2"]),
        ("Prices rose.¹ Wages fell.²³\n\nSources\n¹ Alpha\n² Beta\n³ Gamma\n", ["1", "2", "3"]),
        (
            "Prices rose.[^1] Wages fell.[^pay]\n\n[^1]: Alpha Bank.\n[^pay]: Beta Union.\n",
            ["1", "pay"],
        ),
    ],
)
def test_conventions(text: str, expected: list[str]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Troops numbered 2.5K in the country.",
        "They returned in 2014. Then they left again.",
        "The base was hit 60 times.",
        "The COVID-19 wave ended.",
        "An F-35 flew over the town.",
        "The G7 met in June.",
        "Warming is capped at 1.5C by the treaty.",
        "See Part 2 of the series.",
        "She finished 3rd in the race, on 4 July 2021.",
        "United won 3-1 at home.",
        "The fine was $4.5m, or £3m.",
        "Prices rose 12.5% in the year.",
        "The area covers 40 km² of marsh.",
        "Equation x^2 and (a+b)^2 stay maths.",
        "Read Fig.3 and No.1 in the appendix.",
        "It ran on mp3 players and web3 apps.",
        "Appendix A.1 lists the figures.",
        "Visit https://example.com/page1. It is new.",
        "The team [sic] won [again].",
        "The array [2014] entry is a year in brackets.",
    ],
)
def test_numbers_that_are_not_markers(text: str) -> None:
    res = F.parse_footnotes(text)
    assert res.footnotes.markers == []
    assert [i for i in res.issues if i.rule.name != "broken-link"] == []


def test_glued_markers_need_evidence() -> None:
    # a lone glued number with no list and no sequence is not a note
    assert numbers("The hall seats about 300 people after the refit.4\n") == []
    # a clean 1, 2, 3 sequence without any list is read, and every marker dangles
    res = F.parse_footnotes("- Alpha rose.1\n- Beta fell.2\n- Gamma held.3\n")
    assert [m.number for m in res.footnotes.markers] == ["1", "2", "3"]
    assert sorted(res.footnotes.dangling) == ["1", "2", "3"]


def test_year_then_marker_at_block_end() -> None:
    text = "- Troops returned in 2014.1\n- They stayed on.2\nSources: 1Alpha News, 2Beta Radio.\n"
    assert numbers(text) == ["1", "2"]


def test_html_fragment_link_marker() -> None:
    src = (
        "<p>Trade fell by a fifth.<a href='#fn1'>1</a></p><p>Exports fell too.<sup>2</sup></p>"
        "<h2>Notes</h2><ol><li id='fn1'>Customs Office</li><li id='fn2'>Port Authority</li></ol>"
    )
    from checker.text.loader import document_from_text

    doc = document_from_text(src, path="x.html", fmt="html")
    a = Analysis(doc=doc, config=Config())
    F.run(a)
    assert [m.number for m in a.footnotes.markers] == ["1", "2"]
    assert {k: d.text for k, d in a.footnotes.definitions.items()} == {
        "1": "Customs Office",
        "2": "Port Authority",
    }
    assert [f.rule for f in a.findings] == []


def test_inline_links_recorded_as_sources() -> None:
    text = "The mayor resigned, [the paper said](https://english.harbour-news.example.co.uk/a).\n"
    doc = document_from_text(text, path="x.md", fmt="markdown")
    a = Analysis(doc=doc, config=Config())
    F.run(a)
    links = [s for s in a.sources if s.cue == "link"]
    assert len(links) == 1
    assert links[0].domain == "example.co.uk" and links[0].sentence == 0
    assert links[0].url.startswith("https://english.harbour-news")


@pytest.mark.parametrize(
    ("link", "name", "domain"),
    [
        # an outlet's own short link cites that outlet
        ("http://nyti.ms/4QpLmZ", "The New York Times", "nytimes.com"),
        ("https://politi.co/2WxYv", "Politico", "politico.com"),
        ("http://wapo.st/3kTr9", "The Washington Post", "washingtonpost.com"),
        # one the outlet table does not name: its domain
        ("http://nyp.st/1aB2c", "nypost.com", "nypost.com"),
        # a subdomain of the outlet's own domain already is the outlet's
        ("http://on.wsj.com/1aQz", "The Wall Street Journal", "wsj.com"),
    ],
)
def test_outlet_short_links_cite_the_outlet(link: str, name: str, domain: str) -> None:
    text = f"The ferry operator lost its licence on Tuesday, the paper reported. {link}\n"
    a = Analysis(doc=document_from_text(text, path="x.txt"), config=Config())
    F.run(a)
    links = [s for s in a.sources if s.cue == "link"]
    assert [(s.name, s.domain, s.kind) for s in links] == [(name, domain, "outlet")]
    assert links[0].url == link


@pytest.mark.parametrize("link", ["http://bit.ly/2Lm0Qx", "https://t.co/Zq81Kd",
                                  "https://goo.gl/abc12", "http://ow.ly/Xy7Q"])
def test_links_through_anyones_shortener_name_no_source(link: str) -> None:
    text = f"Tickets for the harbour concert sold out within the hour: {link}\n"
    a = Analysis(doc=document_from_text(text, path="x.txt"), config=Config())
    F.run(a)
    assert [s for s in a.sources if s.cue == "link"] == []
    # the same sentence with the full link cites the site
    full = text.replace(link, "https://www.harbourtickets.example.org/sold-out")
    a = Analysis(doc=document_from_text(full, path="x.txt"), config=Config())
    F.run(a)
    assert [s.domain for s in a.sources if s.cue == "link"] == ["example.org"]


def test_bracketed_number_without_notes_is_not_a_marker() -> None:
    # a pollster cited as "[538]" in a piece that has no notes at all
    text = "The average gave him a lead of 4 points, it said. [538]\n\nHe disputed it.\n"
    res = F.parse_footnotes(text)
    assert res.footnotes.markers == [] and res.issues == []
    # but a draft that numbers from 1 and lost its list is flagged
    res = F.parse_footnotes("Rents rose.[1] Wages fell.[2]\n")
    assert [i.rule.name for i in res.issues] == ["dangling-footnote", "dangling-footnote"]


def test_reference_link_labels_only_checked_in_markdown() -> None:
    text = "The price was [about right][est] they said.\n"
    assert F.parse_footnotes(text, fmt="text").issues == []
    assert [i.rule for i in F.parse_footnotes(text, fmt="markdown").issues] == [F.BROKEN_LINK]


def test_superscript_pairs_follow_the_entries() -> None:
    two = "Rents rose.²³\n\nSources\n¹ Alpha\n² Beta\n³ Gamma\n"
    assert numbers(two) == ["2", "3"]
    many = "Rents rose.¹² Wages fell.¹\n\nSources\n" + "".join(
        f"{n}. Source Name {n}\n" for n in range(1, 13)
    )
    assert numbers(many) == ["12", "1"]


def test_lexicon_extended_by_config() -> None:
    text = "- Rents rose.1\n- Wages fell.2\n\nQuellen\n1. Alpha Zeitung\n2. Beta Blatt\n"
    doc = document_from_text(text, path="x.txt", fmt="text")
    plain = Analysis(doc=doc, config=Config())
    F.run(plain)
    assert plain.footnotes.definitions == {}
    cfg = Config(
        lexicon={
            "footnotes": {
                "section_headings": ["quellen"],
                "outlets": ["Alpha Zeitung=alpha.example.de"],
            }
        }
    )
    a = Analysis(doc=doc, config=cfg)
    F.run(a)
    assert sorted(a.footnotes.definitions) == ["1", "2"]
    alpha = next(s for s in a.sources if s.footnote == 1)
    assert (alpha.name, alpha.kind) == ("Alpha Zeitung", "outlet")


def test_ibid_needs_a_previous_entry() -> None:
    text = "Rents rose.[1] Wages fell.[2]\n\nNotes\n[1] Ibid.\n[2] Ibid.\n"
    issues = [(i.rule.name, i.message) for i in F.parse_footnotes(text).issues]
    assert [r for r, _ in issues] == ["malformed-source-entry"]
    assert "entry 1" in issues[0][1]
