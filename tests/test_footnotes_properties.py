"""Property tests for the footnote reader: mutations of a well-cited document always produce
the matching finding, and documents without notes never produce footnote findings."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from rules import footnotes as F

FTN = {
    "dangling-footnote",
    "unused-source",
    "footnote-sequence",
    "uncited-statement",
    "malformed-source-entry",
    "broken-link",
}

SUBJECTS = [
    "The council",
    "The port authority",
    "A rail union",
    "The museum",
    "Local farmers",
    "The water board",
    "Two ministers",
    "The school trust",
    "Ferry crews",
    "The mayor",
]
VERBS = [
    "approved",
    "rejected",
    "delayed",
    "announced",
    "questioned",
    "published",
    "cut",
    "doubled",
    "reviewed",
    "postponed",
]
OBJECTS = [
    "the harbour plan",
    "a new timetable",
    "the bridge repairs",
    "its annual budget",
    "the parking charges",
    "a flood barrier",
    "the library hours",
    "the tram extension",
    "a housing scheme",
    "the night buses",
]
WHEN = [
    "on Monday",
    "last week",
    "in March",
    "after a long debate",
    "without a vote",
    "for the second time",
    "this spring",
    "by a narrow margin",
]
NAMES = [
    "Harbour Times",
    "Valley Radio",
    "Coastal Gazette",
    "Northern Ledger",
    "City Council",
    "Rail Workers Union",
    "Estuary Trust",
    "Museum Board",
    "Water Board",
    "Tram Company",
    "Ferry Herald",
    "School Trust",
]
CONVENTIONS = ["glued", "glued-quote", "glued-word", "bracket", "caret", "superscript", "md"]
ENTRY_STYLES = ["inline", "dot", "bracket", "paren"]
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def sup(n: int) -> str:
    return "".join(SUP[int(c)] for c in str(n))


@dataclass
class Doc:
    convention: str
    style: str
    facts: list[str]  # sentence bodies, without final punctuation
    names: list[str]
    markers: list[int]  # marker number per fact (None-free)
    entries: list[int]  # entry numbers, in list order

    def marker_text(self, body: str, n: int) -> str:
        c = self.convention
        if c == "glued":
            return f"{body}.{n}"
        if c == "glued-quote":
            return f"{body}, they said 'at last.'{n}"
        if c == "glued-word":
            return f"{body}{n}."
        if c == "bracket":
            return f"{body}.[{n}]"
        if c == "caret":
            return f"{body}.^{n}"
        if c == "superscript":
            return f"{body}.{sup(n)}"
        return f"{body}.[^{n}]"

    def render(self) -> str:
        lines = ["Town news in brief", "", "Facts"]
        for body, n in zip(self.facts, self.markers, strict=True):
            lines.append("- " + (self.marker_text(body, n) if n else body + "."))
        lines.append("")
        names = {n: self.names[(n - 1) % len(self.names)] for n in self.entries}
        if self.convention == "md":
            lines += [f"[^{n}]: {names[n]}." for n in self.entries]
        elif self.style == "inline":
            parts = [f"{n}{names[n]}" for n in self.entries]
            joined = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
            lines.append(f"Sources: {joined}.")
        else:
            lines.append("Sources")
            fmt = {"dot": "{n}. {s}", "bracket": "[{n}] {s}", "paren": "{n}) {s}"}[self.style]
            lines += [fmt.format(n=n, s=names[n]) for n in self.entries]
        return "\n".join(lines) + "\n"


@st.composite
def cited_docs(draw: st.DrawFn) -> Doc:
    n = draw(st.integers(min_value=2, max_value=8))
    facts = [
        f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} "
        f"{draw(st.sampled_from(OBJECTS))} {draw(st.sampled_from(WHEN))}"
        for _ in range(n)
    ]
    names = draw(st.permutations(NAMES))
    return Doc(
        convention=draw(st.sampled_from(CONVENTIONS)),
        style=draw(st.sampled_from(ENTRY_STYLES)),
        facts=facts,
        names=list(names),
        markers=list(range(1, n + 1)),
        entries=list(range(1, n + 1)),
    )


def analyse(text: str) -> Analysis:
    doc = document_from_text(text, path="x.md", fmt="markdown")
    a = Analysis(doc=doc, config=Config())
    F.run(a)
    return a


def findings(a: Analysis, rule: str) -> list[str]:
    return [a.doc.text[f.start : f.end] for f in a.findings if f.rule == rule]


PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(cited_docs())
def test_well_cited_document_is_clean(d: Doc) -> None:
    a = analyse(d.render())
    assert [m.number for m in a.footnotes.markers] == [str(n) for n in d.markers]
    assert sorted(a.footnotes.definitions, key=int) == [str(n) for n in d.entries]
    assert [f for f in a.findings if f.rule in FTN] == []
    assert all(s.cue == "footnote" for s in a.sources)
    assert len(a.sources) == len(d.entries)


@PROPS
@given(cited_docs(), st.data())
def test_deleting_an_entry_makes_its_marker_dangle(d: Doc, data: st.DataObject) -> None:
    j = data.draw(st.sampled_from(d.entries))
    d.entries = [n for n in d.entries if n != j]
    a = analyse(d.render())
    assert a.footnotes.dangling == [str(j)]
    dangling = findings(a, "dangling-footnote")
    assert len(dangling) == 1 and str(j) in dangling[0].translate(str.maketrans(SUP, "0123456789"))
    assert a.footnotes.unused == []


@PROPS
@given(cited_docs(), st.data())
def test_deleting_a_marker_leaves_its_entry_unused(d: Doc, data: st.DataObject) -> None:
    i = data.draw(st.integers(min_value=0, max_value=len(d.markers) - 1))
    j = d.markers[i]
    d.markers[i] = 0
    a = analyse(d.render())
    assert a.footnotes.unused == [str(j)]
    unused = findings(a, "unused-source")
    assert len(unused) == 1 and d.names[(j - 1) % len(d.names)] in unused[0]
    assert a.footnotes.dangling == []


@PROPS
@given(cited_docs(), st.data())
def test_renumbering_a_marker_is_caught(d: Doc, data: st.DataObject) -> None:
    i = data.draw(st.integers(min_value=0, max_value=len(d.markers) - 1))
    old = d.markers[i]
    new = len(d.entries) + data.draw(st.integers(min_value=1, max_value=3))
    d.markers[i] = new
    a = analyse(d.render())
    assert a.footnotes.dangling == [str(new)]
    assert a.footnotes.unused == [str(old)]
    assert len(findings(a, "dangling-footnote")) == 1
    assert len(findings(a, "unused-source")) == 1


@PROPS
@given(cited_docs(), st.data())
def test_renumbering_an_entry_is_caught(d: Doc, data: st.DataObject) -> None:
    i = data.draw(st.integers(min_value=0, max_value=len(d.entries) - 1))
    old = d.entries[i]
    new = len(d.entries) + data.draw(st.integers(min_value=1, max_value=3))
    d.entries[i] = new
    a = analyse(d.render())
    assert a.footnotes.dangling == [str(old)]
    assert a.footnotes.unused == [str(new)]
    assert len(findings(a, "dangling-footnote")) == 1


@PROPS
@given(cited_docs(), st.data())
def test_swapping_two_markers_breaks_the_sequence(d: Doc, data: st.DataObject) -> None:
    if d.convention == "md":
        return  # Markdown renumbers footnotes on rendering: order is not the author's
    i = data.draw(st.integers(min_value=0, max_value=len(d.markers) - 2))
    k = data.draw(st.integers(min_value=i + 1, max_value=len(d.markers) - 1))
    d.markers[i], d.markers[k] = d.markers[k], d.markers[i]
    a = analyse(d.render())
    assert findings(a, "footnote-sequence")
    assert a.footnotes.dangling == [] and a.footnotes.unused == []


# ------------------------------------------------------------ no notes at all

TRAPS = [
    "{n} people attended",
    "in {y}.",
    "{n} times.",
    "COVID-19",
    "F-35",
    "G7",
    "1.5C",
    "Part {d}",
    "the {d}th time",
    "on {d} May {y}",
    "won {d}-{d}",
    "${d}.{d}m",
    "£{n}",
    "{d}.{d}K",
    "{d}.{d}%",
    "at {d}:{d}{d}",
    "No. {d}",
    "the A{n} road",
    "the {y}/{d}{d} season",
    "a {n}-page report",
    "page {n}",
    "{n} km²",
    "x^{d}",
    "[{y}]",
    "({d})",
    "#{d}",
]


@st.composite
def plain_docs(draw: st.DrawFn) -> str:
    paras = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        sents = []
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            trap = draw(st.sampled_from(TRAPS)).format(
                n=draw(st.integers(min_value=1, max_value=999)),
                y=draw(st.integers(min_value=1900, max_value=2030)),
                d=draw(st.integers(min_value=1, max_value=9)),
            )
            sents.append(
                f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} "
                f"{draw(st.sampled_from(OBJECTS))} {trap}".rstrip(".")
                + "."
            )
        bullet = draw(st.booleans())
        paras.append(("- " if bullet else "") + " ".join(sents))
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return "Local news" + sep + sep.join(paras) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plain_docs())
def test_documents_without_notes_never_get_footnote_findings(text: str) -> None:
    a = analyse(text)
    assert a.footnotes.markers == [], [
        a.doc.text[m.start - 10 : m.end] for m in a.footnotes.markers
    ]
    assert [f for f in a.findings if f.rule in FTN] == []
