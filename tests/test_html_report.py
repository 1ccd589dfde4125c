"""HTML reports: pure segmentation (property-tested), escaping, links, atomic writes.

The sample report is written by hand here (our own short news-like article), in
the shape documented in docs/output.md; it is also used by the browser test and
by scripts/screenshot.py.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from reports.html import (
    page_names,
    score_histogram,
    summary_row,
    write_html,
    write_index,
)
from reports.html.style import GRADE_BOUNDS

INJECTION = '<script>document.title="PWNED"</script>'
IMG_INJECTION = '<img src=x onerror="document.title=\'PWNED2\'">'

# (region, reason, sentences) -> joined with " " inside a block, "\n\n" between blocks
SAMPLE_BLOCKS: list[tuple[str, str, list[str]]] = [
    ("heading", "title", ["Harbour council delays vote on flood barrier again"]),
    ("byline", "byline", ["By Mara Lindqvist | 14 March 2026"]),
    (
        "body",
        "",
        [
            "The Westport harbour council postponed its vote on a new flood barrier on "
            "Tuesday, the third delay this year.[1]",
        ],
    ),
    (
        "body",
        "",
        [
            '"We will not rush a decision that shapes the waterfront for fifty years," '
            "said council chair Ines Okafor.",
            '"The costs may well rise again, but the risk of getting it wrong is higher."',
        ],
    ),
    (
        "body",
        "",
        [
            "Critics say the delay will probably push construction past the next storm season.",
            "Some experts believe the barrier design is already outdated, according to a "
            "review by the regional planning office.[2]",
        ],
    ),
    (
        "body",
        "",
        [
            "The project is estimated to cost about 48 million euros.",
            "Residents clearly want the barrier built quickly.",
        ],
    ),
    (
        "body",
        "",
        [
            "A campaign group, Dry Feet Westport, posted a statement reading "
            f"{INJECTION} on its website, which the council reportedly called "
            '"unhelpful".[3]',
        ],
    ),
    ("caption", "photo caption", ["Photo: The harbour wall at low tide. (Westport Gazette)"]),
    ("boilerplate", "newsletter prompt", ["Sign up for our newsletter for local news."]),
    (
        "references",
        "source list",
        [
            "Sources",
            "[1] Westport Council minutes, 11 March 2026. https://westport.example.org/minutes",
            "[2] Regional Planning Office, Coastal Risk Review 2025.",
            "[4] Interview notes, February 2026.",
        ],
    ),
]

RULES = [
    {"id": "CLM001", "name": "unsourced-claim", "family": "claims", "severity": "warning",
     "summary": "A factual claim with no attribution, footnote or link."},
    {"id": "ATT001", "name": "vague-attribution", "family": "attribution",
     "severity": "warning", "summary": "Attribution to unnamed experts, critics or sources."},
    {"id": "HDG001", "name": "hedging", "family": "hedging", "severity": "suggestion",
     "summary": "The author hedges a statement instead of sourcing it."},
    {"id": "HDG002", "name": "overstated-certainty", "family": "hedging",
     "severity": "suggestion", "summary": "A booster asserts certainty without evidence."},
    {"id": "FTN001", "name": "dangling-footnote", "family": "footnotes", "severity": "error",
     "summary": "A footnote marker with no matching source entry."},
    {"id": "FTN002", "name": "unused-source", "family": "footnotes", "severity": "suggestion",
     "summary": "A listed source that no marker cites."},
]


def _build_text() -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    parts: list[str] = []
    blocks: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    pos = 0
    for bi, (region, reason, sents) in enumerate(SAMPLE_BLOCKS):
        if bi:
            parts.append("\n\n")
            pos += 2
        start = pos
        sep = "\n" if region == "references" else " "
        for si, s in enumerate(sents):
            if si:
                parts.append(sep)
                pos += 1
            line = "".join(parts).count("\n") + 1
            column = pos - ("".join(parts).rfind("\n") + 1) + 1
            sentences.append({
                "index": len(sentences), "start": pos, "end": pos + len(s), "line": line,
                "column": column, "region": region, "text": s, "is_claim": False,
                "claim_prob": None, "attributed": False, "source": "", "hedged": False,
                "hedges": [], "footnotes": [],
            })
            parts.append(s)
            pos += len(s)
        blocks.append({"index": bi, "start": start, "end": pos, "region": region,
                       "bullet": False, "reason": reason})
    return "".join(parts), blocks, sentences


def _at(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return {"start": i, "end": i + len(needle), "text": needle}


def _sentence_of(sentences: list[dict[str, Any]], offset: int) -> int:
    return next(s["index"] for s in sentences if s["start"] <= offset < s["end"])


def sample_article() -> dict[str, Any]:
    """A realistic, hand-built ``report.json`` article entry."""
    text, blocks, sentences = _build_text()

    def finding(rid: str, name: str, sev: str, needle: str, msg: str, nth: int = 0) -> dict:
        sp = _at(text, needle, nth)
        s = _sentence_of(sentences, sp["start"])
        return {"rule": name, "id": rid, "severity": sev, "line": sentences[s]["line"],
                "column": sentences[s]["column"], "start": sp["start"], "end": sp["end"],
                "text": needle, "sentence": s, "message": msg}

    q1 = _at(text, '"We will not rush a decision that shapes the waterfront for fifty years,"')
    q2 = _at(text, '"The costs may well rise again, but the risk of getting it wrong is higher."')
    q3 = _at(text, '"unhelpful"')
    okafor = _at(text, "council chair Ines Okafor")
    said = _at(text, "said", 0)
    critics = _at(text, "Critics")
    say = _at(text, "say", 0)
    critics_content = _at(text, "the delay will probably push construction past the next storm "
                                "season")
    experts = _at(text, "Some experts")
    believe = _at(text, "believe")
    experts_content = _at(text, "the barrier design is already outdated")
    review = _at(text, "the regional planning office")
    according = _at(text, "according to")
    council2 = _at(text, "the council", 0)
    called = _at(text, "called")

    def hedge(needle: str, cat: str, speaker: str = "", flagged: bool = True) -> dict:
        sp = _at(text, needle)
        return {**sp, "category": cat, "sentence": _sentence_of(sentences, sp["start"]),
                "speaker": speaker, "flagged": flagged}

    hedges = [
        hedge("may well", "epistemic", speaker="Ines Okafor", flagged=False),
        hedge("probably", "epistemic", speaker="Critics", flagged=False),
        hedge("Some experts believe", "weasel"),
        hedge("estimated", "reportative"),
        hedge("about", "approximator"),
        hedge("clearly", "booster"),
        hedge("reportedly", "reportative"),
    ]
    markers = []
    for num, needle in (("1", "[1]"), ("2", "[2]"), ("3", "[3]")):
        sp = _at(text, needle)
        s = _sentence_of(sentences, sp["start"])
        markers.append({"number": num, "start": sp["start"], "end": sp["end"], "sentence": s,
                        "scope": {"start": sentences[s]["start"], "end": sentences[s]["end"]}})
    d1 = _at(text, "[1] Westport Council minutes, 11 March 2026. "
                   "https://westport.example.org/minutes")
    d2 = _at(text, "[2] Regional Planning Office, Coastal Risk Review 2025.")
    d4 = _at(text, "[4] Interview notes, February 2026.")
    definitions = {
        "1": {"text": "Westport Council minutes, 11 March 2026.",
              "url": "https://westport.example.org/minutes", "domain": "westport.example.org",
              "start": d1["start"], "end": d1["end"]},
        "2": {"text": "Regional Planning Office, Coastal Risk Review 2025.", "url": "",
              "domain": "", "start": d2["start"], "end": d2["end"]},
        "4": {"text": "Interview notes, February 2026.", "url": "javascript:alert(1)",
              "domain": "", "start": d4["start"], "end": d4["end"]},
    }
    findings = [
        finding("ATT001", "vague-attribution", "warning", "Critics say",
                "Vague attribution: who are the critics? Name them."),
        finding("ATT001", "vague-attribution", "warning", "Some experts believe",
                "Vague attribution: name the experts or drop the claim."),
        finding("HDG001", "hedging", "suggestion", "reportedly",
                "The author hedges with 'reportedly': cite who reported it."),
        finding("HDG002", "overstated-certainty", "suggestion", "clearly",
                "'clearly' asserts certainty: what shows that residents want this?"),
        finding("CLM001", "unsourced-claim", "warning",
                "The project is estimated to cost about 48 million euros.",
                "Unsourced claim: a figure with no source (claim probability 0.93)."),
        finding("CLM001", "unsourced-claim", "warning",
                "Residents clearly want the barrier built quickly.",
                "Unsourced claim: no survey, vote or named resident (claim probability 0.81)."),
        finding("FTN001", "dangling-footnote", "error", "[3]",
                "Footnote [3] has no entry in the source list."),
        finding("FTN002", "unused-source", "suggestion",
                "[4] Interview notes, February 2026.",
                "Source [4] is listed but never cited in the text."),
    ]
    for s in sentences:
        s["footnotes"] = [m["number"] for m in markers if m["sentence"] == s["index"]]
        s["hedges"] = [h["text"] for h in hedges if h["sentence"] == s["index"]]
        s["hedged"] = bool(s["hedges"])
        if s["region"] == "body":
            s["is_claim"] = True
            s["claim_prob"] = 0.8
    sources = [
        {"name": "Westport Council minutes, 11 March 2026.", "kind": "document", "role": "",
         "cue": "footnote", "sentence": markers[0]["sentence"], "start": d1["start"],
         "end": d1["end"], "footnote": 1, "url": "https://westport.example.org/minutes",
         "domain": "westport.example.org", "rating": None, "rating_source": "",
         "rating_label": ""},
        {"name": "Ines Okafor", "kind": "person", "role": "council chair", "cue": "said",
         "sentence": _sentence_of(sentences, okafor["start"]), "start": okafor["start"],
         "end": okafor["end"], "footnote": None, "url": "", "domain": ""},
        {"name": "Ines Okafor", "kind": "person", "role": "council chair", "cue": "quote",
         "sentence": _sentence_of(sentences, q2["start"]), "start": -1, "end": -1,
         "footnote": None, "url": "", "domain": ""},
        {"name": "critics", "kind": "anonymous", "role": "", "cue": "say",
         "sentence": _sentence_of(sentences, critics["start"]), "start": critics["start"],
         "end": critics["end"], "footnote": None, "url": "", "domain": ""},
        {"name": "some experts", "kind": "anonymous", "role": "", "cue": "believe",
         "sentence": _sentence_of(sentences, experts["start"]), "start": experts["start"],
         "end": experts["end"], "footnote": None, "url": "", "domain": ""},
        {"name": "Regional Planning Office", "kind": "organisation", "role": "",
         "cue": "according to", "sentence": _sentence_of(sentences, review["start"]),
         "start": review["start"], "end": review["end"], "footnote": 2, "url": "",
         "domain": "", "rating": 0.82, "rating_source": "newsroom list 2026",
         "rating_label": "reliable", "percentile": 88.0},
        {"name": "Westport harbour council", "kind": "organisation", "role": "",
         "cue": "called", "sentence": _sentence_of(sentences, council2["start"]),
         "start": council2["start"], "end": council2["end"], "footnote": None, "url": "",
         "domain": ""},
    ]
    attributions = [
        {"source": okafor, "cue": said, "content": [
            {k: q1[k] for k in ("start", "end", "text")},
            {k: q2[k] for k in ("start", "end", "text")}],
         "source_name": "Ines Okafor", "source_kind": "person", "role": "council chair",
         "direct": True},
        {"source": critics, "cue": say, "content": [critics_content],
         "source_name": "critics", "source_kind": "anonymous", "role": "", "direct": False},
        {"source": experts, "cue": believe, "content": [experts_content],
         "source_name": "some experts", "source_kind": "anonymous", "role": "",
         "direct": False},
        {"source": review, "cue": according, "content": [experts_content],
         "source_name": "Regional Planning Office", "source_kind": "organisation", "role": "",
         "direct": False},
        {"source": council2, "cue": called, "content": [q3],
         "source_name": "Westport harbour council", "source_kind": "organisation", "role": "",
         "direct": True},
    ]
    body = [s for s in sentences if s["region"] == "body"]
    words = len(re.findall(r"\w+", " ".join(s["text"] for s in body)))
    return {
        "article": "local/harbour-barrier.md",
        "path": "/audit/local/harbour-barrier.md",
        "page": "articles/local-harbour-barrier-md.html",
        "status": "warning",
        "error": "",
        "warnings": ["decoded as cp1252"],
        "format": "markdown",
        "text": text,
        "score": 58.5,
        "grade": "D",
        "score_breakdown": [
            {"component": "unsourced claims", "points": -18.0,
             "detail": "2 of 8 claims have no source"},
            {"component": "vague attribution", "points": -10.0,
             "detail": "2 attributions to unnamed critics or experts"},
            {"component": "footnotes", "points": -8.0, "detail": "1 dangling marker, 1 unused"},
            {"component": "hedging", "points": -5.5, "detail": "2.6 author hedges per 100 words"},
        ],
        "metrics": {
            "words": words, "sentences": len(sentences), "body_sentences": len(body),
            "claims": 8, "attributed_claims": 6, "unsourced_claims": 2,
            "attribution_rate": 0.75, "hedges": 5, "hedges_per_100_words": 2.6,
            "footnote_markers": 3, "sources_listed": 3, "dangling_footnotes": 1,
            "unused_sources": 1, "named_sources": 3, "anonymous_sources": 2,
            "distinct_sources": 5, "quotes": 3, "findings": len(findings), "errors": 1,
            "warnings_count": 4, "suggestions": 3, "flesch_reading_ease": 52.3,
            "grade_level": 11.2, "hedges_epistemic": 0, "hedges_weasel": 1,
            "hedges_reportative": 2, "hedges_approximator": 1, "hedges_booster": 1,
        },
        "blocks": blocks,
        "sentences": sentences,
        "findings": findings,
        "sources": sources,
        "attributions": attributions,
        "hedges": hedges,
        "quotes": [{"start": q["start"], "end": q["end"]} for q in (q1, q2, q3)],
        "footnotes": {"markers": markers, "definitions": definitions, "dangling": ["3"],
                      "unused": ["4"]},
    }


def _clean_article() -> dict[str, Any]:
    text = ("Bus fares in Lakeside will rise by 5 percent in June, the transport authority "
            "said in a statement on Monday.\n\nThe authority's director, Tomas Berg, said the "
            "increase covers higher fuel costs.")
    sents = [(0, text.index("\n\n")), (text.index("The authority"), len(text))]
    return {
        "article": "business/bus-fares.txt", "path": "/audit/business/bus-fares.txt",
        "page": "articles/business-bus-fares-txt.html", "status": "ok", "error": "",
        "warnings": [], "format": "text", "text": text, "score": 96.0, "grade": "A",
        "score_breakdown": [{"component": "hedging", "points": -4.0, "detail": "1 hedge"}],
        "metrics": {"words": 31, "sentences": 2, "claims": 2, "attributed_claims": 2,
                    "unsourced_claims": 0, "attribution_rate": 1.0,
                    "hedges_per_100_words": 0.0, "distinct_sources": 2,
                    "anonymous_sources": 0, "dangling_footnotes": 0, "unused_sources": 0},
        "blocks": [{"index": i, "start": s, "end": e, "region": "body", "bullet": False,
                    "reason": ""} for i, (s, e) in enumerate(sents)],
        "sentences": [{"index": i, "start": s, "end": e, "line": 1 + 2 * i, "column": 1,
                       "region": "body", "text": text[s:e], "is_claim": True}
                      for i, (s, e) in enumerate(sents)],
        "findings": [], "sources": [], "attributions": [], "hedges": [], "quotes": [],
        "footnotes": {"markers": [], "definitions": {}, "dangling": [], "unused": []},
    }


def sample_report() -> dict[str, Any]:
    """Three articles: a flagged one, a clean one, and one that failed to load."""
    odd = _clean_article()
    odd.update({"article": "drafts/<b>odd</b> name.txt", "page": "../../etc/evil.html",
                "score": 71.0, "grade": "C"})
    odd["metrics"] = {**odd["metrics"], "words": 12}
    return {
        "tool": "checker", "version": "0.1.0", "generated": "2026-11-21T10:00:00Z",
        "rules": RULES,
        "articles": [
            sample_article(),
            _clean_article(),
            odd,
            {"article": "archive/broken.html", "path": "/audit/archive/broken.html",
             "page": "articles/archive-broken-html.html", "status": "error",
             "error": "could not decode file: invalid start byte 0xff at offset 12",
             "warnings": [], "format": "html", "text": "", "score": None, "grade": "",
             "score_breakdown": [], "metrics": {}, "blocks": [], "sentences": [],
             "findings": [], "sources": [], "attributions": [], "hedges": [], "quotes": [],
             "footnotes": {"markers": [], "definitions": {}, "dangling": [], "unused": []}},
        ],
    }


class _Nesting(HTMLParser):
    """Checks that every element closes in the order it opened."""

    VOID = {"meta", "br", "img", "input", "link", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


# ------------------------------------------------------------------ index and writing


def index_data(out: Path) -> dict[str, Any]:
    """``index-data.js`` read back as the JSON it assigns."""
    text = (out / "index-data.js").read_text(encoding="utf-8")
    prefix = "window.CHECKER_INDEX = JSON.parse("
    assert text.startswith(prefix) and text.endswith(");\n") and text.count("\n") == 1
    data = json.loads(json.loads(text[len(prefix) : -3]))
    rows = []
    for values in data["rows"]:
        r = dict(zip(data["columns"], values, strict=True))
        r["meta"] = {k: v for k, v in zip(data["meta"], r["meta"], strict=False) if v}
        r["page"] = f"articles/{r['page']}.html" if r["page"] else ""
        r["id"] = r["name"] if r["id"] is None else r["id"]
        rows.append(r)
    data["rows"] = rows
    return data


def test_index_page_and_data_file(tmp_path: Path) -> None:
    report = sample_report()
    write_html(report, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    parser = _Nesting()
    parser.feed(page)
    assert parser.errors == [] and parser.stack == []
    assert page.count("<svg") == 2 and "Findings per rule" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing loaded from a network
    assert "script-src 'self'" in page and "<script>" not in page  # no inline script
    assert '<script src="index-data.js"></script>' in page
    data = index_data(tmp_path)
    rows = data["rows"]
    assert [r["name"] for r in rows] == [a["article"] for a in report["articles"]]
    assert [r["page"] for r in rows] == page_names(report["articles"])
    assert rows[3]["status"] == "error" and "could not decode file" in rows[3]["error"]
    assert rows[3]["score"] is None and rows[3]["findings"] is None
    top = data["rules"][rows[0]["top"]]  # main problem: the rule with most findings
    assert (top["id"], rows[0]["top_n"]) in {("CLM001", 2), ("ATT001", 2)}
    assert rows[0]["mentions"] == 5 and rows[0]["anonymous"] == 2  # both count mentions
    assert rows[0]["footnotes"] == 2  # 1 dangling + 1 unused
    assert "<b>odd</b>" in rows[2]["name"]  # kept as text, written with textContent


def test_index_is_built_from_summary_rows_streamed_once(tmp_path: Path) -> None:
    consumed = []

    def rows():
        for i in range(120):
            consumed.append(i)
            yield {"id": f"a{i}", "article": f"desk/{i}.txt", "page": f"articles/p{i}.html",
                   "status": "ok", "score": float(i % 100), "grade": "F" if i % 100 < 60 else "A",
                   "claims": 10, "unsourced_claims": 3, "named_sources": 3,
                   "anonymous_sources": 1, "rule_counts": "CLM001:3;ATT001:1",
                   "outlet": ["Gazette", "Courier"][i % 2], "date": f"2026-{1 + i % 3:02d}-15"}

    written = write_index(rows(), tmp_path, rules=RULES, meta={"generated": "x"},
                          group_by="outlet")
    assert consumed == list(range(120))
    assert {p.name for p in written} == {"index.html", "index-data.js", "checker.css",
                                         "checker.js"}
    data = index_data(tmp_path)
    assert sorted(data["meta"]) == ["date", "outlet"] and len(data["rows"]) == 120
    assert data["rows"][0]["meta"] == {"outlet": "Gazette", "date": "2026-01-15"}
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'data-filter="m.outlet"' in page and '<option value="Courier">' in page
    groups = page[page.index('id="groups"') :]
    assert "By outlet" in groups and "<polyline" in groups  # a chart over time
    assert re.search(r'data-value="Gazette"[^>]*>Gazette</button></td><td class="n">60</td>',
                     groups)
    assert "30%" in groups and "25%" in groups  # 3 of 10 claims; 1 of 4 mentions


def test_rows_read_from_a_csv_file_work_too(tmp_path: Path) -> None:
    """Every cell a string, as csv.DictReader gives them: numbers are still numbers."""
    rows = [{"article": "a.txt", "status": "ok", "score": "55.5", "grade": "F", "claims": "4",
             "unsourced_claims": "2", "named_sources": "3", "anonymous_sources": "1",
             "rule_counts": "CLM001:2;ATT001:1", "outlet": "Gazette", "warnings": ""}]
    write_index(rows, tmp_path, rules=RULES, group_by="outlet")
    row = index_data(tmp_path)["rows"][0]
    assert row["score"] == 55.5 and row["mentions"] == 4 and row["anonymous"] == 1
    assert row["meta"] == {"outlet": "Gazette"} and row["top_n"] == 2
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "50%" in page and "25%" in page  # the group's unsourced rate and anonymous share


def test_group_by_month_and_unknown_column(tmp_path: Path) -> None:
    rows = [{"article": f"{i}", "score": 50.0 + i, "metadata": {"date": f"2025-0{1 + i % 2}-02"}}
            for i in range(4)]
    write_index(rows, tmp_path, group_by="month")
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "By month" in page and "2025-01" in page and "2025-02" in page
    assert 'data-group="m.month"' in page
    with pytest.raises(ValueError, match="cannot group by"):
        write_index(rows, tmp_path, group_by="<script>")


def test_score_bands_are_coloured_like_grades() -> None:
    hist = score_histogram([55.0, 58.0, 61.0, 75.0, 99.0])
    cls = {b["tick"]: b["cls"] for b in hist["bars"]}
    assert cls[50] == "f" and cls[60] == "d" and cls[70] == "c" and cls[80] == "b"
    assert cls[90] == "a"
    from checker.scorer import GRADES

    assert GRADE_BOUNDS == GRADES


def test_disabled_rules_are_marked_off(tmp_path: Path) -> None:
    rules = [*RULES, {"id": "HDG003", "name": "approximator", "severity": "suggestion",
                      "summary": "x", "enabled": False}]
    write_index([{"article": "a", "rule_counts": {"CLM001": 1}}], tmp_path, rules=rules)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="rulebar off" data-rule-bar="HDG003"', page)
    assert 'data-rule-bar="CLM001"' in page
    assert "HDG003 approximator (off)" in page
    # switched on by the configuration: it has findings, so it is not "off"
    write_index([{"article": "a", "rule_counts": {"HDG003": 2}}], tmp_path, rules=rules)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'class="rulebar" data-rule-bar="HDG003"' in page and "(off)" not in page


def test_genre_is_shown_and_filterable(tmp_path: Path) -> None:
    art = {**sample_article(), "genre": "opinion"}  # its page: tests/test_html_pages.py
    write_index([summary_row(art, "articles/a.html"), {"article": "b", "genre": "news"}],
                tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<select data-filter="genre">' in page and '<option value="opinion">' in page
    assert [r["genre"] for r in index_data(tmp_path)["rows"]] == ["opinion", "news"]


def test_article_pages_share_assets_and_stay_small(tmp_path: Path) -> None:
    report = sample_report()
    write_html(report, tmp_path)
    page = (tmp_path / "articles" / "local-harbour-barrier-md.html").read_text("utf-8")
    assert '<link rel="stylesheet" href="../assets/checker.css">' in page
    assert '<script src="../assets/checker.js" defer></script>' in page and "<style>" not in page
    assert len(page.encode("utf-8")) < 6_000  # the record, deflated: drawn by the script
    script = (tmp_path / "assets" / "checker.js").read_text("utf-8")
    assert script.startswith("window.CHECKER_RULES = {") and '"CLM001": {' in script
    css = (tmp_path / "assets" / "checker.css").read_text("utf-8")
    assert ".bg-CLM001{background-color:#F9C7A8}" in css
    assert "max-height" not in css  # nothing clips the findings list, on screen or on paper


def test_page_names_are_safe_and_unique() -> None:
    names = page_names([{"article": "a b", "page": "articles/x.html"},
                        {"article": "c", "page": "articles/x.html"},
                        {"article": "../../etc/passwd", "page": "../../etc/passwd"},
                        {"article": "d", "page": "/abs/path.html"}])
    assert names[:2] == ["articles/x.html", "articles/x-2.html"]
    for n in names:
        assert re.fullmatch(r"articles/[A-Za-z0-9][A-Za-z0-9._-]*\.html", n) and ".." not in n


def test_page_names_of_an_audit() -> None:
    names = page_names([{"article": a} for a in
                        ["news/A b.md", "news/a-B.md", "", "../x.md", "x" * 100]])
    assert names == ["articles/news-a-b-md.html", "articles/news-a-b-md-2.html",
                     "articles/article.html", "articles/x-md.html", f"articles/{'x' * 80}.html"]
    assert page_names([{"page": n} for n in names]) == names  # safe as they are


def test_page_names_never_collide_with_a_numbered_name() -> None:
    # "a", "a" and "a-2": the second "a" must not take the third article's page
    names = page_names([{"article": "a"}, {"article": "a"}, {"article": "a-2"}])
    assert len({n.casefold() for n in names}) == 3


def test_write_html_writes_all_pages_atomically(tmp_path: Path) -> None:
    report = sample_report()
    written = write_html(report, tmp_path)
    assert written[0] == tmp_path / "index.html"
    assert len(written) == 1 + len(report["articles"]) + 3  # data file, CSS, script
    for p in written:
        assert p.is_file() and p.resolve().is_relative_to(tmp_path.resolve())
        if p.suffix == ".html":
            assert p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "articles" / "local-harbour-barrier-md.html").is_file()
    assert not any(n.name.endswith(".tmp") for n in tmp_path.rglob("*"))
    # rewriting replaces files in place
    before = os.stat(written[0]).st_ino
    write_html(report, tmp_path)
    assert written[0].is_file() and os.stat(written[0]).st_ino != before


def test_write_html_keeps_old_files_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.core.io as mod  # reports are written through checker.core.io

    report = sample_report()
    write_html(report, tmp_path)
    old = (tmp_path / "index.html").read_text(encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(mod.os, "replace", boom)
    changed = {**report, "generated": "2027-01-01T00:00:00Z"}
    with pytest.raises(OSError):
        write_html(changed, tmp_path)
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == old
    assert not any(n.name.endswith(".tmp") for n in tmp_path.rglob("*"))


@pytest.mark.slow
def test_thousands_of_articles_render_quickly(tmp_path: Path) -> None:
    import time

    report = sample_report()
    base = report["articles"][0]
    report["articles"] = [{**base, "article": f"batch/{i:05d}.md", "page": ""}
                          for i in range(2000)]
    t0 = time.perf_counter()
    write_html(report, tmp_path)
    elapsed = time.perf_counter() - t0
    data = (tmp_path / "index-data.js").read_bytes()
    assert len(data) / 2000 < 400  # bytes per table row stays small
    assert elapsed < 60, elapsed


def test_an_audit_index_filters_only_by_real_metadata(tmp_path: Path) -> None:
    """The summary table's own columns (such as ``article_id``) are not offered as metadata
    filters; a table input's metadata columns are."""
    from checker.cli import main

    examples = Path(__file__).resolve().parents[1] / "examples"
    assert main(["audit", str(examples), "--out", str(tmp_path / "a"), "-q", "--no-cache"]) == 0
    assert "article_id" not in (tmp_path / "a" / "index-data.js").read_text(encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text('id,outlet,body\n1,Daily A,"The council met on Monday, officials said."\n',
                     encoding="utf-8")
    assert main(["audit", str(table), "--text-column", "body", "--id-column", "id",
                 "--out", str(tmp_path / "b"), "-q", "--no-cache"]) == 0  # fmt: skip
    meta = index_data(tmp_path / "b")["rows"][0]["meta"]
    assert meta == {"outlet": "Daily A"}


def test_each_page_carries_its_articles_jsonl_line(tmp_path: Path) -> None:
    """An audit's page holds its article's line of articles.jsonl, byte for byte (the line
    is made once, for both files), and is a fraction of its size."""
    import base64
    import zlib

    import checker
    from reports.html.packing import PAGE_DICT

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Title\n\nThe council said costs rose 5% in 2025. "
                                 "Officials reportedly agreed.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Prices will probably rise, experts say.\n", encoding="utf-8")
    checker.audit([corpus], out=tmp_path / "out", formats=["html", "json"], keep=False)
    lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        page = (tmp_path / "out" / json.loads(line)["page"]).read_text(encoding="utf-8")
        data = re.search(r'type="application/octet-stream">([A-Za-z0-9+/=]+)</script>', page)
        inflate = zlib.decompressobj(zdict=PAGE_DICT)  # the pages' preset dictionary
        assert data and inflate.decompress(base64.b64decode(data.group(1))).decode() == line
        assert len(page) < len(line)
