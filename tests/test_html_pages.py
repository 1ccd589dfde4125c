"""Article pages, drawn in headless Chromium from the record they carry.

A page is a small file with its ``articles.jsonl`` line (deflated, base64) that the shared
``assets/checker.js`` draws; these tests open each page from ``file://`` and check what the
browser shows: the whole text, highlights and their classes, links between the text, the
findings and the footnotes, the panels, and that hostile text stays text. The sample
article is the hand-written one of ``tests/test_html_report.py``.
"""

from __future__ import annotations

import html
import json
import re
import zlib
from base64 import b64decode, b64encode
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.html import render_article, safe_url, write_assets, write_html
from reports.html.assets import script
from reports.html.packing import PAGE_DICT, pack, unpack
from reports.html.render import page_html, page_line
from scripts.screenshot import find_chromium
from tests.test_html_report import (
    INJECTION,
    RULES,
    _clean_article,
    sample_article,
    sample_report,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_chromium() is None,
                       reason="headless Chromium not installed (apt-get install -y chromium)"),
]  # fmt: skip

from tests.cdp import Browser  # noqa: E402

_N = count()
_TEXT_OF = """(function () {
  var d = document.createElement("div"), tags = {};
  CheckerReport.articleNodes(%s).forEach(function (n) { d.appendChild(n); });
  var m = d.querySelector("main.text");
  m.querySelectorAll(".why,.fl").forEach(function (e) { e.remove(); });
  m.querySelectorAll("*").forEach(function (e) { tags[e.tagName.toLowerCase()] = 1; });
  function all(sel, f) { return Array.prototype.map.call(m.querySelectorAll(sel), f); }
  return {text: all(".blk", function (b) { return b.textContent; }),
          ids: all("[id]", function (e) { return e.id; }),
          hrefs: all("[href]", function (e) { return e.getAttribute("href"); }),
          tags: Object.keys(tags).sort()};
}())"""


class Pages:
    """One browser and one report folder for every test of the module."""

    def __init__(self, folder: Path, browser: Browser) -> None:
        self.folder, self.browser = folder, browser
        write_assets(folder, RULES)
        (folder / "articles").mkdir()

    def draw(self, article: dict[str, Any], report: dict[str, Any] | None = None) -> str:
        """The page of ``article`` as the browser drew it (the DOM, serialised)."""
        path = self.folder / "articles" / f"p{next(_N)}.html"
        path.write_text(render_article(article, report or sample_report()), encoding="utf-8")
        self.open(path.as_uri())
        return self.browser.evaluate("document.documentElement.outerHTML")

    def open(self, url: str) -> None:
        self.browser.goto(url)
        assert self.browser.wait_for("document.documentElement.getAttribute('data-drawn')") == "1"

    def js(self, expression: str) -> Any:
        return self.browser.evaluate(expression)

    def text_of(self, record: dict[str, Any]) -> dict[str, Any]:
        """What the text of ``record`` shows (drawn by the script of the page open now):
        the text (without the labels of skipped blocks and the finding badges), the
        sentence anchors, and the tags used."""
        return self.js(_TEXT_OF % json.dumps(record))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pages]:
    with Browser() as browser:
        yield Pages(tmp_path_factory.mktemp("pages"), browser)


def _element(page: str, text: str) -> tuple[str, set[str]]:
    """(tag, classes) of the innermost element whose whole text is ``text``."""
    m = re.search(r'<(span|a)\b[^>]*class="([^"]*)"[^>]*>' + re.escape(html.escape(text)) + "<",
                  page)  # fmt: skip
    assert m, text
    return m.group(1), set(m.group(2).split())


def _main(page: str) -> str:
    m = re.search(r'<main class="text"[^>]*>(.*?)</main>', page, re.S)
    assert m
    return m.group(1)


def _visible_text(page: str) -> str:
    body = re.sub(r'<span class="why">.*?</span>', "", _main(page), flags=re.S)
    body = re.sub(r'<a class="fl" href="#fi-\d+">\d+</a>', "", body)  # finding badges
    return html.unescape(re.sub(r"<[^>]+>", "", body))


# ------------------------------------------------------------------ the page file


def test_a_page_carries_its_record_line_and_the_shared_files_only(tmp_path: Path) -> None:
    art = sample_article()
    line = json.dumps({"article": "a.md", "text": "x"})
    page = page_html(line, "<b>a</b>.md", {"tool": "checker", "version": "9"})
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="../assets/checker.js" defer>',
                       '<script id="checker-article" type="application/octet-stream">']
    data = re.search(r'type="application/octet-stream">([A-Za-z0-9+/=]+)</script>', page)
    # deflated with the pages' preset dictionary, which the shared script carries too
    inflate = zlib.decompressobj(zdict=PAGE_DICT)
    assert data and inflate.decompress(b64decode(data.group(1))).decode() == line
    assert page_line(page) == line
    assert json.dumps(PAGE_DICT.decode("ascii")) in script([])
    # a page deflated as pages were first written (no dictionary) reads too; one deflated
    # with another dictionary is refused, not misread
    assert unpack(b64encode(zlib.compress(line.encode()))) == line
    other = zlib.compressobj(zdict=b'"text":"x"}')
    with pytest.raises(ValueError, match="another dictionary"):
        unpack(b64encode(other.compress(line.encode()) + other.flush()))
    assert len(pack(line * 20)) < len(b64encode(zlib.compress((line * 20).encode(), 6)))
    # data cut short (half a page's data, with or without the dictionary) is refused, not
    # read as the first part of the line
    long_line = json.dumps({"article": "a.md", "text": "harbour barrier " * 400})
    for whole in (b64decode(pack(long_line)), zlib.compress(long_line.encode())):
        with pytest.raises(ValueError, match="cut short"):
            unpack(b64encode(whole[: len(whole) // 2]))
        with pytest.raises(ValueError, match="corrupt"):
            unpack(b64encode(whole[:6] + bytes(b ^ 0x55 for b in whole[6:])))
    assert "<title>&lt;b&gt;a&lt;/b&gt;.md: sourcing audit</title>" in page
    assert "<noscript>" in page and "articles.jsonl" in page
    # the sample article's page is a small fraction of its record
    write_html(sample_report(), tmp_path)
    size = (tmp_path / "articles" / "local-harbour-barrier-md.html").stat().st_size
    assert size < len(json.dumps(art)) / 2


# ------------------------------------------------------------------ the drawn page


def test_article_page_shows_the_whole_text(pages: Pages) -> None:
    art = sample_article()
    page = pages.draw(art)
    shown = _visible_text(page)
    for block in art["blocks"]:
        assert art["text"][block["start"]:block["end"]] in shown
    assert pages.js("document.title") == "local/harbour-barrier.md: sourcing audit"
    assert "Generated by checker" in page


def test_article_text_is_escaped(pages: Pages) -> None:
    page = pages.draw(sample_article())
    assert INJECTION not in page and "&lt;script&gt;document.title=" in page
    assert pages.js("document.querySelectorAll('main script, main img').length") == 0
    assert "PWNED" not in pages.js("document.title")


def test_unsafe_urls_are_not_links(pages: Pages) -> None:
    page = pages.draw(sample_article())
    assert 'href="javascript:' not in page
    assert 'href="https://westport.example.org/minutes"' in page
    assert safe_url("JAVASCRIPT:alert(1)") == "" and safe_url("http://a.b/c") == "http://a.b/c"


def test_findings_panel_jumps_to_sentences_and_highlights_carry_rule_classes(
    pages: Pages,
) -> None:
    art = sample_article()
    page = pages.draw(art)
    for f in art["findings"]:
        assert f'href="#s-{f["sentence"]}"' in page
        assert f'id="s-{f["sentence"]}"' in page
    for f in art["findings"]:  # each rule's highlight class is on the text it flags
        assert re.search(r'<(span|a)\b[^>]*class="([^"]*\br-' + f["id"] + r'\b[^"]*)"', page)
    # the legend lists the rules that fired, with their colour class and summary
    assert page.count('class="sw bg-CLM001"') >= 1 and "vague-attribution" in page
    assert 'title="A factual claim with no attribution, footnote or link."' in page


def test_attribution_hedge_and_quote_styles(pages: Pages) -> None:
    page = pages.draw(sample_article())
    assert _element(page, "council chair Ines Okafor")[1] == {"a-src"}
    assert _element(page, "said")[1] == {"a-cue"}
    # a speaker's hedge inside a quotation is marked differently from the author's
    assert _element(page, "may well")[1] == {"q", "a-con", "h", "h-epistemic", "h-spk"}
    # a finding inside a finding: both rules' classes, the inner one paints the background
    assert _element(page, "clearly")[1] == {
        "h", "h-booster", "f", "r-HDG002", "r-CLM001", "bg-HDG002", "f-multi"}
    # one rule: its class r-CLM001 paints it (bg-<id> only names the winner of an overlap)
    assert "r-CLM001" in _element(page, "Residents ")[1]
    assert "quoted speaker" in page


def test_footnote_markers_link_to_sources_and_back(pages: Pages) -> None:
    page = pages.draw(sample_article())
    assert re.search(r'<a href="#fn-1" class="fn"[^>]*>\[1\]</a>', page)
    assert 'id="fn-1"' in page and 'href="#fnref-1-1"' in page and 'id="fnref-1-1"' in page
    assert 'id="fn-2"' in page and 'href="#fnref-2-1"' in page
    # dangling marker [3] is marked and listed; unused source [4] says so
    assert _element(page, "[3]") == ("a", {"f", "r-FTN001", "sev-error", "fn", "fn-dangling"})
    assert "cited in the text but no source is listed" in page
    assert "never cited in the text" in page


def test_skipped_regions_are_greyed_with_reason(pages: Pages) -> None:
    page = pages.draw(sample_article())
    for region, reason in (("heading", "title"), ("caption", "photo caption"),
                           ("boilerplate", "newsletter prompt")):  # fmt: skip
        assert re.search(
            rf'class="blk region-{region} skipped"><span class="why">Not analysed · '
            rf"{region} · <b>{reason}</b>", page), region  # fmt: skip
    # a reason that only repeats the region is not shown twice
    why = '<span class="why">Not analysed · '
    assert f'class="blk region-byline skipped">{why}byline</span>' in page
    assert f'class="blk region-references skipped">{why}source list</span>' in page
    assert '<div class="blk">' in page and "region-body" not in page  # body text not greyed


def test_sources_panel_counts_kind_role_and_rating(pages: Pages) -> None:
    page = pages.draw(sample_article())
    sources = page[page.index('id="sources"'):page.index('id="footnotes"')]
    row = sources[sources.index("Ines Okafor"):]
    row = row[:row.index("</tr>")]
    assert "council chair" in row and ">person<" in row and '<td class="n">2</td>' in row
    assert "reliable" in sources and "newsroom list 2026" in sources
    assert "88th percentile" in sources


def test_error_article_page(pages: Pages) -> None:
    report = sample_report()
    page = pages.draw(report["articles"][3], report)
    assert "could not be analysed" in page and "invalid start byte" in page
    assert 'id="sources"' not in page  # no empty panels for a file that was not read


def test_score_breakdown_starts_from_100_when_points_are_deductions(pages: Pages) -> None:
    page = pages.draw(sample_article())
    panel = page[page.index('id="score"'):page.index('id="sources"')]
    assert "Starting score" in panel and '<td class="n">100</td>' in panel
    assert '<td class="n">-18.0</td>' in panel and '<td class="n">58.5</td>' in panel
    odd = {**sample_article(), "score": 70.0}  # points do not add up: no made-up base row
    assert "Starting score" not in pages.draw(odd)


def test_minimal_and_odd_entries_still_render(pages: Pages) -> None:
    """Missing keys, null spans and unknown rules do not break a page."""
    art = {"article": "x.txt", "text": "One line. Two line.",
           "findings": [{"id": "ZZZ999", "rule": "new-rule", "start": None, "end": None,
                         "message": "document-level"},
                        {"id": "ZZZ999", "start": 0, "end": 3, "sentence": None}],
           "hedges": [{"start": 4, "end": 8, "category": "novel"}],
           "sources": [{"name": "A", "start": -1, "end": -1, "sentence": None}]}  # fmt: skip
    page = pages.draw(art, {"articles": [art]})
    assert "document-level" in page and 'href="#f-1"' in page and 'id="f-1"' in page
    assert "bg-ZZZ999" in page and "h-novel" in page
    assert ".bg-ZZZ999{" in page  # an unknown rule's colour comes with its page
    assert pages.js("getComputedStyle(document.querySelector('.f.r-ZZZ999')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"


def test_markdown_is_rendered_not_shown_as_syntax(pages: Pages) -> None:
    parts = ["# Big title", "A **bold** claim and *some emphasis*, said Ana.",
             "- first item [here](https://example.org/a) and [there](javascript:alert`1`)"]
    text = "\n\n".join(parts)
    starts = [text.index(p) for p in parts]
    regions = ["heading", "body", "body"]
    blocks = [{"start": s, "end": s + len(p), "region": r, "bullet": i == 2}
              for i, (s, p, r) in enumerate(zip(starts, parts, regions, strict=True))]
    art = {"article": "m.md", "format": "markdown", "text": text, "blocks": blocks,
           "sentences": [{"index": 0, "start": starts[1], "end": starts[1] + len(parts[1])}]}
    page = pages.draw(art, {})
    assert "md-h1" in page
    assert '<span class="md">**</span><span class="md-b">bold</span><span class="md">**</span>' \
        in page
    assert '<span class="md-i">some emphasis</span>' in page
    assert '<span class="md">- </span>first item ' in page
    assert '<a href="https://example.org/a" class="md-a" title="https://example.org/a">here</a>' \
        in page
    assert 'href="javascript:' not in page and 'title="javascript:' not in page
    assert '<span class="md-a">there</span>' in page
    # as the reader sees it: no markup characters, a bold word, a real heading
    assert pages.js("document.querySelector('main.text').innerText.indexOf('**')") == -1
    assert pages.js("getComputedStyle(document.querySelector('.md-b')).fontWeight") == "700"
    assert pages.js("parseFloat(getComputedStyle(document.querySelector('.md-h1')).fontSize)") \
        > pages.js("parseFloat(getComputedStyle(document.querySelector('.md-i')).fontSize)")


def test_sentences_link_back_to_their_findings_and_are_called_sentences(pages: Pages) -> None:
    art = sample_article()
    page = pages.draw(art)
    assert "¶" not in page and "sentence " in page
    for n in range(1, len(art["findings"]) + 1):
        assert f'<li id="fi-{n}">' in page
    with_sentence = {f["sentence"] for f in art["findings"]}
    badges = re.findall(r'<a class="fl" href="#fi-(\d+)">\d+</a>', page)
    assert len(badges) == len(art["findings"]) and len(with_sentence) < len(badges)


def test_a_link_to_a_finding_opens_on_it(pages: Pages) -> None:
    """``page.html#fi-3`` (or ``#s-4``): the element exists only once the page is drawn;
    the page goes to it then, and CSS :target marks it."""
    art = sample_article()
    pages.draw(art)
    url = pages.js("location.href")
    pages.open(url + "#fi-5")
    assert pages.js("document.querySelector(':target') && document.querySelector(':target').id") \
        == "fi-5"
    assert pages.js("window.scrollY") > 0


def test_one_wording_for_unrated_sources(pages: Pages) -> None:
    art = sample_article()
    art["sources"][0]["rating_label"] = "unrated"
    page = pages.draw(art)
    sources = page[page.index('id="sources"'):page.index('id="footnotes"')]
    assert "<small>unrated</small>" in sources and "not rated" not in sources
    assert "<b>unrated</b>: an outlet or website that no installed set lists" in page


def test_source_counts_each_mean_one_thing(pages: Pages) -> None:
    page = pages.draw(sample_article())
    # 7 mentions of 6 sources: Okafor twice; critics and experts are the anonymous ones
    assert "Who is cited <small>(6 sources, 7 mentions)</small>" in page
    assert re.search(r"<b>6</b><span>Sources cited<br><small>4 named, 2 anonymous</small>", page)
    assert re.search(r"<b>7</b><span>Source mentions<br><small>5 named, 2 anonymous</small>",
                     page)  # fmt: skip
    assert "Distinct sources" not in page and "Named sources" not in page


def test_header_shows_genre_grade_and_warnings(pages: Pages) -> None:
    art = {**sample_article(), "genre": "opinion", "warnings": ["decoded as cp1252"]}
    page = pages.draw(art)
    assert "genre: opinion" in page and "⚠ decoded as cp1252" in page
    assert '<span class="g g-d">D</span>' in page and '<div class="num">58.5</div>' in page
    clean = pages.draw(_clean_article())
    assert "No findings." in clean and "No footnotes." in clean
    empty = {"article": "e.txt", "status": "warning", "warnings": ["no article text"],
             "score": None, "grade": "", "text": "", "metrics": {"words": 0}}
    page = pages.draw(empty)
    assert "No score and no grade: no article text" in page and "⚠ no article text" in page
    assert '<span class="g g-none">—</span>' in page


def test_characters_beyond_the_basic_plane_keep_highlights_in_place(pages: Pages) -> None:
    """Offsets count characters (code points); the browser counts UTF-16 units."""
    text = "😀 Fares 🚀 rose 5% last year. Officials said so."
    start = text.index("Fares")
    end = text.index(".") + 1
    art = {"article": "e.txt", "text": text,
           "sentences": [{"index": 0, "start": 0, "end": end},
                         {"index": 1, "start": end + 1, "end": len(text)}],
           "findings": [{"id": "CLM001", "rule": "unsourced-claim", "severity": "warning",
                         "start": start, "end": end, "sentence": 0, "message": "m"}]}  # fmt: skip
    page = pages.draw(art, {})
    assert _element(page, "Fares 🚀 rose 5% last year.")[1] == {"f", "r-CLM001"}
    assert "line 1" in page and "“Fares 🚀 rose 5% last year.”" in page


# ------------------------------------------------------------------ the drawing, property-tested


def test_paragraphs_tolerate_gaps_and_overlapping_sentences(pages: Pages) -> None:
    pages.draw(_clean_article())
    text = "Alpha beta. Gamma delta.\n\nLoose tail"
    art = {"text": text, "blocks": [{"start": 0, "end": 24, "region": "body"}],
           "sentences": [{"index": 0, "start": 0, "end": 15}, {"index": 1, "start": 12, "end": 24}],
           "findings": [{"id": "X1", "start": 6, "end": 18, "sentence": 0},
                        {"id": "X1", "start": 12, "end": 14, "sentence": 1}]}  # fmt: skip
    shown = pages.text_of(art)
    assert shown["text"] == ["Alpha beta. Gamma delta.", "Loose tail"]
    assert shown["ids"] == ["s-0", "s-1"]


span_lists = st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70)), max_size=8)


@given(text=st.text(alphabet="ab .\n😀", max_size=60), blocks=span_lists,
       sentences=span_lists, marks=span_lists)  # fmt: skip
@settings(max_examples=150, deadline=None)
def test_paragraphs_show_every_character_once_whatever_the_offsets(
    pages: Pages, text: str, blocks: list[tuple[int, int]], sentences: list[tuple[int, int]],
    marks: list[tuple[int, int]],
) -> None:  # fmt: skip
    """Inconsistent blocks, sentences and findings never lose, repeat or reorder text, nor
    repeat ids."""
    if pages.js("typeof CheckerReport") != "object":
        pages.draw(_clean_article())
    art = {"text": text,
           "blocks": [{"start": a, "end": b, "region": "body"} for a, b in blocks],
           "sentences": [{"index": i, "start": a, "end": b} for i, (a, b) in enumerate(sentences)],
           "findings": [{"id": "X1", "start": a, "end": b, "sentence": i % 3}
                        for i, (a, b) in enumerate(marks)]}  # fmt: skip
    shown = pages.text_of(art)
    assert "".join("".join(shown["text"]).split()) == "".join(text.split())
    assert len(shown["ids"]) == len(set(shown["ids"]))


@given(text=st.text(alphabet="ab *_#-[]()\n:h/.<>&\"'", max_size=80))
@settings(max_examples=150, deadline=None)
def test_markdown_of_any_text_shows_the_text_and_only_safe_links(pages: Pages, text: str) -> None:
    if pages.js("typeof CheckerReport") != "object":
        pages.draw(_clean_article())
    shown = pages.text_of({"article": "x.md", "format": "markdown", "text": text})
    assert "".join("".join(shown["text"]).split()) == "".join(text.split())
    assert set(shown["tags"]) <= {"div", "span", "a", "p"}  # none made from the text
    assert all(h.startswith(("http://", "https://")) for h in shown["hrefs"])


# The Markdown marks as the script found them with lookbehind regexes (which Safari before
# 16.4 cannot parse; see tests/test_html_script.py): the reference its code must agree with.
_LOOKBEHIND_MARKS = r"""(function (text) {
  var out = [];
  function each(rx, fn) { rx.lastIndex = 0; var m;
    while ((m = rx.exec(text)) !== null) { fn(m); if (m[0] === "") { rx.lastIndex++; } } }
  function mark(s, e, c) { out.push([s, e, c]); }
  [/^(#{1,6})[ \t]+/gm, /^[ \t]*([-*+])[ \t]+(?=\S)/gm].forEach(function (rx) {
    each(rx, function (m) { mark(m.index, m.index + m[0].length, "md"); });
  });
  each(/(?<!!)\[([^[\]\n]{1,300})\]\(([^()\s]{1,2000})\)/g, function (m) {
    var s = m.index + 1, e = s + m[1].length;
    mark(s, e, "md-a"); mark(m.index, s, "md"); mark(e, m.index + m[0].length, "md");
  });
  var taken = [];
  [[/(?<![*\p{L}\p{N}_])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![*\p{L}\p{N}_])/gu, "md-b"],
   [/(?<![*\p{L}\p{N}_])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\p{L}\p{N}_])/gu, "md-i"]
  ].forEach(function (pair) {
    each(pair[0], function (m) {
      var s = m.index, e = s + m[0].length, d = m[1].length;
      if (taken.some(function (t) { return t[0] < e && s < t[1]; })) { return; }
      taken.push([s, e]);
      mark(s + d, e - d, pair[1]); mark(s, s + d, "md"); mark(e - d, e, "md");
    });
  });
  return out;
}(%s))"""
_MARKS = """CheckerReport.markdownMarks(%s).map(function (m) {
  return [m.s, m.e, m.classes.join(" ")]; })"""


_MD_PIECES = [*"ab1é *_[]()!#-\n\r\t\u2028\u00a0", "\U0001d400", "**", "__", "](h)"]


@given(text=st.lists(st.sampled_from(_MD_PIECES), max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_markdown_marks_are_those_of_the_lookbehind_patterns(pages: Pages, text: str) -> None:
    """Headings, list bullets, links, bold and italic: the script's own scanning finds what
    the lookbehind regexes found, in the same order (letters and digits beyond ASCII and
    beyond U+FFFF, line ends of every kind, images "![a](b)" that are not links)."""
    if pages.js("typeof CheckerReport") != "object":
        pages.draw(_clean_article())
    arg = json.dumps(text)
    assert pages.js(_MARKS % arg) == pages.js(_LOOKBEHIND_MARKS % arg)


def test_markdown_marks_of_chosen_texts(pages: Pages) -> None:
    if pages.js("typeof CheckerReport") != "object":
        pages.draw(_clean_article())

    def shown(text: str, cls: str) -> list[str]:
        units = text.encode("utf-16-le")  # the script's offsets are in UTF-16 units
        return [units[2 * s : 2 * e].decode("utf-16-le")
                for s, e, c in pages.js(_MARKS % json.dumps(text)) if c == cls]  # fmt: skip

    assert shown("a **b** and __c d__ e", "md-b") == ["b", "c d"]
    assert shown("snake_case_name and 2*3*4 stay", "md-i") == []
    assert shown("*a* _b_ *c d*. (_e_)", "md-i") == ["a", "b", "c d", "e"]
    assert shown("*not\nacross lines*", "md-i") == []
    assert shown("**bold with *italic* inside**", "md-i") == []
    assert shown("![img](a.png) and [link](https://x.org)", "md-a") == ["link"]
    assert shown("\U0001d400_x_ and é*y* stay; 1_z_", "md-i") == []


def test_a_very_long_markdown_line_is_drawn_with_its_emphasis(pages: Pages) -> None:
    """A line of 60,000 characters full of unclosed "_x" (each a would-be italic) and one of
    "*a" is drawn whole; emphasis on it and on the lines around it still shows."""
    unclosed = " _x" * 20_000
    stars = "*a " * 20_000 + "and **strong** end"
    text = f"A *short* line.\n\n{unclosed}\n\n{stars}\n\nThe __last__ line."
    art = {"article": "long.md", "format": "markdown", "text": text}
    page = pages.draw(art, {})
    assert _element(page, "short") == ("span", {"md-i"})
    assert _element(page, "strong") == ("span", {"md-b"})
    assert _element(page, "last") == ("span", {"md-b"})
    shown = pages.text_of(art)
    assert "".join("".join(shown["text"]).split()) == "".join(text.split())
    assert pages.js("document.querySelectorAll('main.text .md-i').length") == 1


@given(text=st.text(max_size=50), spans=span_lists)
@settings(max_examples=150, deadline=None)
def test_segments_concatenate_to_text_and_carry_exactly_covering_spans(
    pages: Pages, text: str, spans: list[tuple[int, int]]
) -> None:
    """The script's cutting of a text at span boundaries (offsets in UTF-16 units here)."""
    if pages.js("typeof CheckerReport") != "object":
        pages.draw(_clean_article())
    n = len(text.encode("utf-16-le")) // 2
    segments = pages.js(f"CheckerReport.splitSegments({n}, {json.dumps(spans)})")
    pos = 0
    for seg in segments:
        assert seg["s"] == pos and seg["e"] > seg["s"]
        pos = seg["e"]
        expected = [i for i, (a, b) in enumerate(spans) if a <= seg["s"] and seg["e"] <= b]
        assert seg["covers"] == expected
        for a, b in spans:  # no (non-empty) span starts or ends strictly inside a segment
            if a < b:
                assert not seg["s"] < a < seg["e"] and not seg["s"] < b < seg["e"]
    assert pos == n


def test_overlapping_spans_finding_inside_content_inside_quote(pages: Pages) -> None:
    pages.draw(_clean_article())
    text = 'He said "prices will surely rise soon" today.'
    quote = (text.index('"'), text.rindex('"') + 1)
    content = (quote[0] + 1, quote[1] - 1)
    finding = (text.index("surely"), text.index("surely") + len("surely rise"))
    segs = pages.js(f"CheckerReport.splitSegments({len(text)}, "
                    f"{json.dumps([quote, content, finding])})")  # fmt: skip
    by_text = {text[s["s"]:s["e"]]: s["covers"] for s in segs}
    assert by_text["surely rise"] == [0, 1, 2]
    assert by_text['"'] == [0]
    assert by_text["prices will "] == [0, 1]


def test_a_page_is_drawn_before_it_has_loaded_and_says_when_its_data_is_damaged(
    pages: Pages,
) -> None:
    art = sample_article()
    page = render_article(art, sample_report())
    path = pages.folder / "articles" / "loaded.html"
    path.write_text(page, encoding="utf-8")
    pages.browser.goto(path.as_uri())  # returns at the load event: no waiting for a redraw
    assert pages.js("document.documentElement.getAttribute('data-drawn')") == "1"
    data = re.search(r'octet-stream">([^<]+)<', page)
    assert data
    broken = path.with_name("broken.html")
    broken.write_text(page.replace(data.group(1), data.group(1)[: len(data.group(1)) // 2]),
                      encoding="utf-8")  # fmt: skip
    pages.browser.goto(broken.as_uri())
    assert pages.js("document.documentElement.getAttribute('data-drawn')") == "error"
    assert "This page could not be drawn: its data is damaged" in pages.js(
        "document.body.textContent")


def test_a_page_saved_from_the_browser_is_not_drawn_twice(pages: Pages) -> None:
    page = pages.draw(sample_article())  # the DOM as "save page" writes it: drawn already
    saved = pages.folder / "articles" / "saved.html"
    saved.write_text("<!DOCTYPE html>\n" + page, encoding="utf-8")
    pages.browser.goto(saved.as_uri())
    assert pages.js("document.querySelectorAll('main.text').length") == 1


def test_names_of_javascript_objects_in_a_record_are_plain_text(pages: Pages) -> None:
    """Rule ids, categories, regions and footnote numbers such as ``__proto__`` or
    ``constructor`` are values like any other."""
    text = "Costs rose 5% in 2025.[1] They may fall.\n\n[1] A note."
    art = {"article": "p.txt", "text": text,
           "blocks": [{"start": 0, "end": 40, "region": "constructor"},
                      {"start": 42, "end": len(text), "region": "body"}],
           "sentences": [{"index": 0, "start": 0, "end": 25}],
           "findings": [{"id": "__proto__", "rule": "odd", "start": 0, "end": 5, "sentence": 0,
                         "severity": "warning", "message": "m"},
                        {"id": "constructor", "start": 6, "end": 10, "sentence": 0}],
           "hedges": [{"start": 30, "end": 33, "category": "toString", "flagged": True}],
           "footnotes": {"markers": [{"number": "__proto__", "start": 22, "end": 25,
                                      "sentence": 0}],
                         "definitions": {"constructor": {"text": "A note.", "start": 42,
                                                         "end": len(text)}}}}  # fmt: skip
    page = pages.draw(art, {})
    assert "function" not in pages.js("document.body.innerText")
    assert "<code>__proto__</code> odd" in page and "<code>constructor</code>" in page
    assert "Not analysed · constructor" in page and "cited in the text but no source" in page


def test_a_bad_place_in_the_address_is_ignored(pages: Pages) -> None:
    """``page.html#%E0`` is no escape decodeURIComponent reads: the page is drawn all the
    same, at its top."""
    pages.draw(sample_article())
    url = pages.js("location.href.split('#')[0]")
    for bad in ("#%E0", "#%", "#s-%ZZ"):
        pages.browser.goto(url + bad)
        assert pages.js("location.hash") == bad
        assert pages.js("document.documentElement.getAttribute('data-drawn')") == "1"
        assert pages.js("document.querySelectorAll('main.text .blk').length") > 3
        assert pages.js("document.querySelectorAll('.errorbox').length") == 0


def test_a_record_the_script_cannot_draw_shows_the_error_box(pages: Pages) -> None:
    """A page whose data inflates to JSON that is no article (``null``): the drawing fails,
    and the page says so instead of staying blank (a bad place in its address too)."""
    path = pages.folder / "articles" / "undrawable.html"
    path.write_text(page_html("null", "odd.md"), encoding="utf-8")
    pages.browser.goto(path.as_uri() + "#%E0")
    assert pages.js("document.documentElement.getAttribute('data-drawn')") == "error"
    body = pages.js("document.body.textContent")
    assert "This page could not be drawn: the script failed on its record (" in body
    assert "articles.jsonl" in body
    assert pages.js("document.querySelectorAll('main, header.top').length") == 0
