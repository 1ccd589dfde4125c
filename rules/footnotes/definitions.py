"""Note definitions: the entries markers point to, and unnumbered source entries.

Read in this order, each reader skipping what an earlier one took:

1. Markdown footnote definitions ``[^1]: text`` (with indented continuation lines);
2. Markdown reference-link definitions ``[label]: url``;
3. one-line source lists ("Sources: 1Reuters, 2AP and 3CNN.", "Source: Reuters");
4. "References" / "Sources" / "Notes" sections under a heading (``1.``, ``[1]``, ``1)``,
   ``(1)``, ``^1``, ``¹`` entries, bullets, or, in HTML, a plain list numbered by position);
5. blocks the segmenter marked as references.

Entries without a URL of their own take the URL of a loader link inside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from checker.core.analysis import FootnoteDefinition
from checker.core.document import BOILERPLATE, BYLINE, CAPTION, HEADING, REFERENCES, Block, Link
from checker.core.regexlit import lazy_compile
from checker.reference.domains import url_domain
from rules.footnotes.lexicon import Lexicon
from rules.footnotes.records import LinkRef, SourceEntry
from rules.footnotes.scan import (
    BROKEN_URLISH,
    SUP_DIGITS,
    URLISH,
    WORDS,
    Taken,
    finditer_if_contains,
    line_matches,
    note_key,
    sup_to_int,
)

MD_REFDEF = lazy_compile(
    r"^[ \t]{0,3}\[(?P<label>[^\]\^\n][^\]\n]{0,99})\]:[ \t]*<?(?P<url>[^\s>]*)>?(?P<rest>[^\n]*)$",
    re.M,
)
MD_FNDEF = lazy_compile(r"^[ \t]{0,3}\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*(?P<rest>[^\n]*)$", re.M)
INLINE_LIST = lazy_compile(
    r"^[ \t]*(?:[*_]{1,2})?(?P<head>sources?|references?|notes?|citations?|footnotes?)"
    r"(?:[*_]{1,2})?[ \t]*:(?:[*_]{1,2})?[ \t]*(?P<body>\S[^\n]*)$",
    re.I | re.M,
)
HEADING_LINE = lazy_compile(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]+)?(?:[*_]{1,2})?(?P<head>[A-Za-z][A-Za-z ]{1,30}?)"
    r"(?:[*_]{1,2})?[ \t]*+:?[ \t]*+(?:[*_]{1,2})?[ \t]*+$",
    re.M,
)  # possessive: three adjacent runs of spaces made a long run of spaces cubic
_ENTRY = lazy_compile(
    r"^[ \t]*(?:[-*+\u2022][ \t]+)?"
    r"(?:\[(?P<b>\d{1,3})\]|\((?P<p>\d{1,3})\)|(?P<d>\d{1,3})[.):](?!\d)"
    rf"|\^(?P<c>\d{{1,3}})|(?P<s>[{SUP_DIGITS}]{{1,3}})|(?P<g>\d{{1,3}})(?=[^\W\d_\[\"'\u201c\u2018(])"
    r"|(?P<sp>\d{1,3})[ \t]+(?=[A-Z\"\u201c]|https?://))[ \t]*(?P<rest>[^\n]*)$"
)
_ENTRY_NUMBER_GROUPS = "b p d c s g sp".split()
_BULLET_LINE = lazy_compile(r"^[ \t]*[-*+\u2022][ \t]+(?P<rest>\S[^\n]*)$")
_LIST_NUM = lazy_compile(
    r"(?:^|(?<=[,;])[ \t]*|(?<=[ \t])(?:and|&)[ \t]+)"
    r"(?:\[(?P<b>\d{1,3})\]|(?P<n>\d{1,3})(?:[.)](?!\d))?)[ \t]?"
    r"(?=[^\W\d_]|https?://|www\.|[\"'\u201c\u2018(])",
    re.I,
)


@dataclass
class Entries:
    """The entries of one document, as the readers find them."""

    definitions: dict[str, FootnoteDefinition] = field(default_factory=dict)  # first per label
    conventions: dict[str, str] = field(default_factory=dict)  # label -> how it was written
    duplicates: list[FootnoteDefinition] = field(default_factory=list)  # later same-label ones
    all: list[FootnoteDefinition] = field(default_factory=list)  # every entry, in reading order
    unnumbered: list[SourceEntry] = field(default_factory=list)
    reference_spans: list[tuple[int, int]] = field(default_factory=list)  # sorted when done
    link_targets: dict[str, str] = field(default_factory=dict)  # reference label -> URL
    definition_links: list[LinkRef] = field(default_factory=list)  # the "[label]: url" URLs

    _covered: Taken = field(default_factory=Taken, repr=False)  # reference_spans, indexed

    def covered(self, pos: int) -> bool:
        """Whether ``pos`` lies in a reference section or entry read so far."""
        return self._covered.overlaps(pos, pos + 1)

    def add_span(self, start: int, end: int) -> None:
        """Record a reference section or entry ``[start, end)``."""
        self.reference_spans.append((start, end))
        self._covered.append((start, end))

    def add(self, label: str, entry_text: str, start: int, end: int, convention: str) -> None:
        """Record the entry ``label`` (a duplicate if the label was seen) and its URL."""
        url_m = URLISH.search(entry_text) or BROKEN_URLISH.search(entry_text)
        url = url_m.group().rstrip(".,;:") if url_m else ""
        if not url:
            md = re.search(r"\]\(([^)\s]+)\)", entry_text)
            url = md.group(1) if md else ""
        d = FootnoteDefinition(
            number=label,
            text=entry_text.strip(),
            start=start,
            end=end,
            url=url,
            domain=url_domain(url) if url else "",
        )
        self.all.append(d)
        if label in self.definitions:
            self.duplicates.append(d)
        else:
            self.definitions[label] = d
            self.conventions[label] = convention

    def add_unnumbered(self, entry_text: str, start: int, end: int) -> None:
        """Record an unnumbered source entry and the URL in it."""
        url_m = URLISH.search(entry_text)
        url = url_m.group() if url_m else ""
        self.unnumbered.append(
            SourceEntry(entry_text, start, end, url, url_domain(url) if url else "")
        )


_NOT_ANALYSED = frozenset({BOILERPLATE, BYLINE, CAPTION, HEADING})  # regions with no sources


def read_entries(
    text: str, blocks: list[Block], links: Sequence[Link], fmt: str, lex: Lexicon
) -> Entries:
    """Every entry, source list and reference section of the document (see module doc)."""
    entries = Entries()
    _read_md_footnote_definitions(text, entries)
    _read_md_reference_definitions(text, entries)
    page = _Page(
        heading_starts={b.start for b in blocks if b.region == HEADING},
        chrome=[(b.start, b.end) for b in blocks if b.region == BOILERPLATE],
        lex=lex,
    )
    # not a wire credit of the page ("Source: AFP"), nor a line of the headline's, byline's
    # or a caption's (a credit under the byline, "Source: CNN"): blocks that are not analysed
    furniture = [(b.start, b.end) for b in blocks if b.region in _NOT_ANALYSED]
    for m in line_matches(INLINE_LIST, text):
        if not entries.covered(m.start()) and not any(
                s <= m.start() < e for s, e in furniture):
            _read_inline_list(m, entries)
    for m in line_matches(HEADING_LINE, text):
        head = " ".join(m.group("head").lower().split())
        if head in lex.section_headings and not entries.covered(m.start()):
            entries.add_span(m.start(), m.end())
            _read_section(text, m.end() + 1, fmt == "html", page, entries)
    # blocks the segmenter marked as references and that nothing above read
    for b in blocks:
        if b.region == REFERENCES and not entries.covered(b.start):
            if _ENTRY.match(text[b.start : b.end]):
                _read_section(text, b.start, False, page, entries)
            entries.add_span(b.start, b.end)
    entries.reference_spans.sort()
    _take_link_urls(entries, links)
    return entries


# ------------------------------------------------------------------- Markdown


def _read_md_footnote_definitions(text: str, entries: Entries) -> None:
    """Markdown footnote definitions "[^1]: text" with their indented continuation lines."""
    for m in finditer_if_contains(MD_FNDEF, text, "[^"):
        end = _continuation_end(text, m.end())
        body = " ".join(text[m.start("rest") : end].split())
        label = m.group("label")
        label = note_key(label) or label
        entries.add(label, body, m.start(), end, "md-footnote")
        entries.add_span(m.start(), end)


def _continuation_end(text: str, end: int) -> int:
    """Where a Markdown footnote definition ending at ``end`` ends, with the indented
    non-blank lines that follow it."""
    while True:
        nxt = text.find("\n", end + 1) if end < len(text) else -1
        line_s = end + 1
        line_e = len(text) if nxt < 0 else nxt
        if (
            line_s < len(text)
            and text[line_s:line_e][:1] in (" ", "\t")
            and text[line_s:line_e].strip()
        ):
            end = line_e
        else:
            return end


def _read_md_reference_definitions(text: str, entries: Entries) -> None:
    """Markdown reference-link definitions "[label]: url": entries and link targets."""
    for m in finditer_if_contains(MD_REFDEF, text, "]:"):
        label = m.group("label").strip()
        url = m.group("url")
        rest = m.group("rest").strip().strip("\"'()")
        key = note_key(label) or label.lower()
        entries.link_targets[key] = url
        entry_text = (url + (" " + rest if rest else "")).strip()
        entries.add(key, entry_text, m.start(), m.end(), "md-reference")
        entries.add_span(m.start(), m.end())
        entries.definition_links.append(
            LinkRef(m.start("url"), m.end("url"), url, "definition", key)
        )


# ------------------------------------------------------------ one-line lists


def _read_inline_list(m: re.Match[str], entries: Entries) -> None:
    """A one-line source list ("Sources: 1Reuters, 2AP and 3CNN." or "Source: Reuters")."""
    body, offset, head = m.group("body"), m.start("body"), m.group("head")
    nums = _list_numbers(body)
    if nums and (nums[0][0] <= 2 or len(nums) >= 2):
        _add_numbered_list(body, offset, nums, entries)
    elif head.lower().startswith(("source", "reference", "citation")):
        _add_unnumbered_list(body, offset, entries)
    entries.add_span(m.start(), m.end())


def _list_numbers(body: str) -> list[tuple[int, int, int]]:
    """(number, start, end) of the entry numbers in a list body, in a plausible sequence."""
    nums: list[tuple[int, int, int]] = []
    last = 0
    for m in _LIST_NUM.finditer(body):
        n = int(m.group("b") or m.group("n"))
        if n >= 1 and (not nums or n <= max(last, len(nums)) + 10):
            ns = m.start("b") - 1 if m.group("b") else m.start("n")
            nums.append((n, ns, m.end()))
            last = max(last, n)
    return nums


def _add_numbered_list(
    body: str, offset: int, nums: list[tuple[int, int, int]], entries: Entries
) -> None:
    """One entry per number: the text up to the next number, without joining words."""
    for i, (n, s, e) in enumerate(nums):
        stop = nums[i + 1][1] if i + 1 < len(nums) else len(body)
        chunk = body[e:stop]
        chunk_clean = re.sub(r"(?:[ \t]*(?:,|;|\band\b|&))+[ \t]*$", "", chunk.rstrip())
        chunk_clean = chunk_clean.rstrip(" .") if i + 1 == len(nums) else chunk_clean
        chunk_clean = chunk_clean.rstrip(" ,;")
        entries.add(str(n), chunk_clean, offset + s, offset + e + len(chunk_clean), "source-list")


def _add_unnumbered_list(body: str, offset: int, entries: Entries) -> None:
    """Unnumbered entries separated by commas, semicolons, "and" or "&"."""
    for m in re.finditer(r"[^,;]+", body):
        part = m.group()
        for sub in re.split(r"\s+(?:and|&)\s+", part) if len(part) < 80 else [part]:
            k = part.find(sub)
            s = offset + m.start() + k
            t = sub.strip(" .")
            if t:
                lead = len(sub) - len(sub.lstrip(" "))
                entries.add_unnumbered(t, s + lead, s + lead + len(t))


# ------------------------------------------------------------------ sections


class _Page(NamedTuple):
    """What ends a notes section: headings, page chrome, another section heading."""

    heading_starts: set[int]
    chrome: list[tuple[int, int]]
    lex: Lexicon


@dataclass
class _Section:
    """The lines of one notes section read so far."""

    numbered: list[list[Any]] = field(default_factory=list)  # [label, ts, te, start, conv]
    unnumbered: list[tuple[int, int]] = field(default_factory=list)
    gap: bool = False  # a blank line since the last entry


def is_section_heading(line: str, lex: Lexicon) -> bool:
    """Whether ``line`` is a heading such as "References" or "## Notes:"."""
    m = HEADING_LINE.match(line)
    return bool(m) and " ".join(m.group("head").lower().split()) in lex.section_headings


def _read_section(
    text: str, start: int, implicit_numbers: bool, page: _Page, entries: Entries
) -> None:
    """Entries on the lines after a section heading (text offset ``start``); in HTML
    (``implicit_numbers``) a list of unnumbered lines is numbered by position."""
    sec = _Section()
    pos = start
    while pos < len(text):
        e = text.find("\n", pos)
        e = len(text) if e < 0 else e
        line = text[pos:e]
        s0 = pos
        pos = e + 1
        if not line.strip():
            sec.gap = True
            continue
        if entries.covered(s0):
            continue
        if _ends_section(line, s0, page) or not _take_line(line, s0, e, implicit_numbers, sec):
            break
    _record_section(text, sec, implicit_numbers, entries)


def _ends_section(line: str, s0: int, page: _Page) -> bool:
    """Whether the line at ``s0`` ends a notes section: page chrome ("3 Comments"),
    a heading that is not an entry, a Markdown heading, another section heading."""
    if any(cs <= s0 < ce for cs, ce in page.chrome):
        return True
    if (s0 in page.heading_starts and not _ENTRY.match(line)) or re.match(r"[ \t]{0,3}#", line):
        return True
    return is_section_heading(line, page.lex)


def _take_line(line: str, s0: int, e: int, implicit_numbers: bool, sec: _Section) -> bool:
    """Add a section line (at ``s0``..``e``) to ``sec``: a numbered entry, the continuation
    of one, or an unnumbered entry. False when it is none of those (the section ends)."""
    em = _ENTRY.match(line)
    if em:
        num = next(g for g in (em.group(k) for k in _ENTRY_NUMBER_GROUPS) if g)
        label = sup_to_int(num) if em.group("s") else str(int(num))
        indent = len(line) - len(line.lstrip())
        sec.numbered.append([label, s0 + em.start("rest"), e, s0 + indent, "section"])
        sec.gap = False
        return True
    bm = _BULLET_LINE.match(line)
    if sec.numbered and not sec.gap and not bm:
        sec.numbered[-1][2] = e  # continuation of the previous entry
        return True
    short = len(WORDS.findall(line)) <= 30
    if (
        bm
        or (short and (not sec.gap or sec.unnumbered) and not sec.numbered)
        or (implicit_numbers and short and not sec.numbered)
    ):
        rs = s0 + (bm.start("rest") if bm else len(line) - len(line.lstrip()))
        sec.unnumbered.append((rs, e))
        sec.gap = False
        return True
    return False


def _record_section(text: str, sec: _Section, implicit_numbers: bool, entries: Entries) -> None:
    """Record the entries of a section read by :func:`_read_section`."""
    if implicit_numbers and sec.unnumbered and not sec.numbered:
        for i, (s, e) in enumerate(sec.unnumbered, start=1):
            t = text[s:e].replace("\u21a9", "").replace("\u2191", "").strip()
            entries.add(str(i), t, s, s + len(text[s:e].rstrip()), "html-list")
        entries.add_span(sec.unnumbered[0][0], sec.unnumbered[-1][1])
        return
    for label, ts, te, es, conv in sec.numbered:
        body = " ".join(text[ts:te].split()).replace("\u21a9", "").strip()
        entries.add(label, body, es, te, conv)
        entries.add_span(es, te)
    for s, e in sec.unnumbered:
        entries.add_unnumbered(text[s:e].strip(), s, e)
        entries.add_span(s, e)


# ---------------------------------------------------------------- entry URLs


def _take_link_urls(entries: Entries, links: Sequence[Link]) -> None:
    """Give an entry without a URL of its own the URL of the first loader link inside it
    (fragments excluded), in ``definitions`` and in ``all``."""
    defs = entries.definitions
    for label, d in list(defs.items()):
        if not d.url:
            inner = next(
                (lk for lk in links if d.start <= lk.start < d.end and not lk.url.startswith("#")),
                None,
            )
            if inner is not None:
                defs[label] = FootnoteDefinition(
                    d.number, d.text, d.start, d.end, inner.url, url_domain(inner.url)
                )
    entries.all = [
        defs[d.number] if defs.get(d.number, d).start == d.start else d for d in entries.all
    ]
