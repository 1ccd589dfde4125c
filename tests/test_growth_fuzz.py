"""Fuzzing the loaders, segmentation and the footnote parser (hypothesis, with a deadline per
example), and the linear scanners against the plain patterns they replace.

The inputs are drawn from the characters that pathological pages are made of (brackets,
comment openers, quotes, superscript digits, spaces, tags), so that hypothesis reaches the
shapes that once made a scan exponential or quadratic; the deadline fails any example
that takes long.
"""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.core.config import Config
from checker.core.document import Link
from checker.pipeline import analyse_bytes, run_rules
from checker.text import segment as seg
from checker.text.blockspans import block_hints, mark_bullets
from checker.text.loader import decode_bytes, document_from_text, inline_links
from rules.footnotes.definitions import HEADING_LINE
from rules.footnotes.scan import Taken

FUZZ = settings(
    max_examples=120,
    deadline=timedelta(seconds=4),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PIECES = [
    "[", "]", "(", ")", "[^", "[1]", "[^1]", "]:", "](", "<", ">", "<!--", "-->", "<!-- a -->",
    "<!-- checker: disable=hedging -->", "<http", "http://a.example/x", "www.", "!", "#", "*",
    "- ", "1. ", "^", "\u00b9", "\u00b2", "\u207b", "\u201c", "\u201d", "\u2018", "\u2019", '"',
    "'", ".", "...", ",", ";", ":", " ", "   ", "\t", "\n", "\n\n", "\r\n", "By ", "and", "Ab",
    "Total", "5", "12", "2024", "Sources", "Notes:", "Reuters", "said", "sources said that ",
    "The council", "word", "<div>", "</div>", "<li>", "<ol>", "<sup>1</sup>", "<p>", "<a href=",
    "<pre>", "</pre>", "&amp;", "\u00a0", "\x00",
]  # fmt: skip
pathological = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)
texts = st.one_of(pathological, st.text(max_size=300))


# ------------------------------------------------------------------------- fuzzing


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), pathological.map(lambda t: t.encode("utf-8"))),
       name=st.sampled_from(["a.txt", "a.md", "a.html", "-"]))  # fmt: skip
def test_any_bytes_give_a_result_never_an_exception(data: bytes, name: str) -> None:
    res = analyse_bytes(data, name, Config())
    assert res.status in ("ok", "warning", "error")
    assert (res.status == "error") == bool(res.error)
    if res.status == "error":
        assert res.error.startswith(f"{name}: ") and "\n" not in res.error


@FUZZ
@given(data=st.binary(max_size=400))
def test_decoding_returns_text_or_says_why_not(data: bytes) -> None:
    from checker.text.loader import LoadError

    try:
        text, encoding, warnings = decode_bytes(data)
    except (LoadError, UnicodeDecodeError):
        return
    assert "\x00" not in text and encoding
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)


@FUZZ
@given(text=texts, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_segmentation_spans_are_ordered_and_inside_the_text(text: str, fmt: str) -> None:
    doc = document_from_text(text, path=f"x.{fmt}", fmt=fmt)
    end = -1
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(doc.text) and b.start >= end
        end = b.end
    end = -1
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(doc.text) and s.start >= end
        assert s.text == doc.text[s.start : s.end] and s.text.strip() == s.text
        end = s.end
    for lk in doc.links:
        assert 0 <= lk.start <= lk.end <= len(doc.text)


@FUZZ
@given(text=texts, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_the_footnote_parser_reads_anything(text: str, fmt: str) -> None:
    doc = document_from_text(text, path=f"x.{fmt}", fmt=fmt)
    analysis = run_rules(doc, Config())
    notes = analysis.footnotes
    for m in notes.markers:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert len(m.number) <= 40
    assert len(analysis.sentence_footnotes) == len(doc.sentences)
    assert all(0 <= f.start <= f.end <= len(doc.text) for f in analysis.findings)


# --------------------------------------------- the linear scanners vs their plain form

_OLD_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_OLD_COMMENT_LINE = re.compile(r"[ \t]*<!--.*?-->[ \t]*(?:<!--.*?-->[ \t]*)*$")
_OLD_BOUNDARY = re.compile(
    r"(?:\.\.\.|[.!?\u2026]+)[\"'\u201d\u2019\u00bb)\]]*"
    r"(?:\[\d{1,3}(?:[,\u2013-]\s?\d{1,3})*\]|\^?\d{1,3}(?:,\d{1,3})*|[\u00b9\u00b2\u00b3\u2070-\u2079]+)?"
    r"(?=\s|$)"
)
_OLD_HEADING_LINE = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]+)?(?:[*_]{1,2})?(?P<head>[A-Za-z][A-Za-z ]{1,30}?)"
    r"(?:[*_]{1,2})?[ \t]*:?[ \t]*(?:[*_]{1,2})?[ \t]*$",
    re.M,
)
small = st.text(alphabet='[]()<>!" \n\tab:/.-', max_size=30)


@settings(max_examples=500, deadline=None)
@given(text=small)
def test_inline_links_are_what_the_one_regex_found(text: str) -> None:
    old = [Link(m.start(1), m.end(1), m.group(2)) for m in _OLD_MD_LINK.finditer(text)]
    assert inline_links(text) == old


@settings(max_examples=500, deadline=None)
@given(line=st.lists(st.sampled_from(["<!--", "-->", " ", "\t", "a", "-", "<!-- a -->"]),
                     max_size=8).map("".join))  # fmt: skip
def test_comment_lines_are_what_the_lazy_pattern_found(line: str) -> None:
    assert bool(seg._COMMENT_LINE.match(line)) == bool(_OLD_COMMENT_LINE.match(line))


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=".!?\u2026\"')] 1,[\u00b9aA^\n", max_size=25))
def test_sentence_boundaries_are_what_the_plain_pattern_found(text: str) -> None:
    new = [(m.start(), m.end()) for m in seg._BOUNDARY.finditer(text)]
    assert new == [(m.start(), m.end()) for m in _OLD_BOUNDARY.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(line=st.lists(st.sampled_from(["Sources", "Further", " ", "\t", ":", "*", "#", "_", "a"]),
                     max_size=10).map("".join))  # fmt: skip
def test_heading_lines_are_what_the_plain_pattern_found(line: str) -> None:
    new, old = HEADING_LINE.match(line), _OLD_HEADING_LINE.match(line)
    assert (new and new.group("head")) == (old and old.group("head"))


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=25).map(
    lambda xs: [(s, s + n) for s, n in xs]
)


@settings(max_examples=300, deadline=None)
@given(taken=spans, queries=spans)
def test_taken_spans_answer_like_a_scan_of_all_of_them(
    taken: list[tuple[int, int]], queries: list[tuple[int, int]]
) -> None:
    index = Taken()
    for span in taken:
        index.append(span)
    assert list(index) == taken
    for s, e in queries:
        assert index.overlaps(s, e) == any(a < e and s < b for a, b in taken)


def _blocks(cuts: list[int]) -> list[seg._RawBlock]:
    """Non-overlapping blocks in text order from sorted cut points."""
    pts = sorted(set(cuts))
    return [seg._RawBlock(a, b) for a, b in zip(pts[::2], pts[1::2], strict=False) if b > a]


@settings(max_examples=300, deadline=None)
@given(cuts=st.lists(st.integers(0, 80), max_size=16), hints=spans)
def test_block_hints_and_bullets_are_what_a_scan_of_every_hint_finds(
    cuts: list[int], hints: list[tuple[int, int]]
) -> None:
    raw = _blocks(cuts)
    full = [(s, e, f"kind{i}", f"<h{i}>") for i, (s, e) in enumerate(hints)]
    got = block_hints(raw, full)
    for b, h in zip(raw, got, strict=True):
        want = -1
        for i, (hs, he, _, _) in enumerate(full):
            if hs <= b.start and b.end <= he or (
                b.start <= hs < b.end and he - hs >= (b.end - b.start) * 0.8
            ):
                want = i
        assert h == want
    mark_bullets(raw, hints)
    for b in raw:
        assert b.bullet == any(bs <= b.start < be for bs, be in hints)


def test_pathological_lines_are_read_quickly() -> None:
    """A few shapes from the growth issue at a size where the old scans took minutes."""
    import time

    cases = {
        "text": ["By Ab" + "andAb" * 60 + "!", "Total" + " " * 20_000 + "5", "a" + " " * 20_000],
        "markdown": ["<!-- a -->" * 40 + " word", "[" * 50_000, "[text](" * 10_000],
        "html": ["<div>" * 20_000 + "x", "Fact.<sup>1</sup>" * 5_000],
    }
    for fmt, inputs in cases.items():
        for text in inputs:
            t0 = time.perf_counter()
            doc = document_from_text(text, path=f"x.{fmt}", fmt=fmt)
            run_rules(doc, Config())
            assert time.perf_counter() - t0 < 10, text[:40]


def _shortcut_links_by_scan_per_label(text: str, targets: dict[str, str]) -> list[tuple]:
    """The shortcut-reference reader as it was: one regex search of the text per label."""
    from rules.footnotes.scan import is_note_number

    out = []
    for key in targets:
        if is_note_number(key):
            continue
        for m in re.finditer(r"(?<![\]\\])\[" + re.escape(key) + r"\](?![(\[:])", text, re.I):
            out.append((m.start() + 1, m.end() - 1, targets[key], key))
    return out


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(st.sampled_from(["[", "]", "a", "B", "b", "1", "(", ":", " ", "\n", "\\", "[a]",
                                   "[ab]", "[A b]"]), max_size=25).map("".join),
    labels=st.lists(st.sampled_from(["a", "ab", "a b", "1", "b[a", "x"]), max_size=4, unique=True),
)  # fmt: skip
def test_shortcut_reference_links_are_what_a_scan_per_label_found(
    text: str, labels: list[str]
) -> None:
    from rules.footnotes.definitions import Entries
    from rules.footnotes.links import LinkRead, _shortcut_reference_links

    entries = Entries()
    entries.link_targets = {k: f"https://example.com/{i}" for i, k in enumerate(labels)}
    read = LinkRead()
    _shortcut_reference_links(text, entries, read, set())
    got = [(lk.start, lk.end, lk.url, lk.label) for lk in read.links]
    assert got == _shortcut_links_by_scan_per_label(text, entries.link_targets)


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(["<", ">", "http", "https", "://", "a", " ", "\n", "/", ":"]),
                     max_size=20).map("".join))  # fmt: skip
def test_autolinks_are_what_the_one_regex_found(text: str) -> None:
    from checker.text.loader import autolinks

    old = re.compile(r"<(https?://[^>\s]+)>")
    assert autolinks(text) == [Link(m.start(1), m.end(1), m.group(1)) for m in old.finditer(text)]
