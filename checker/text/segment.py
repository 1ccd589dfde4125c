"""Segmentation: blocks (paragraphs, headings, bullets) with region kinds, then sentences.

The splitter is rule-based and offset-preserving: it never rewrites the text,
it only finds boundaries. It knows titles and initials ("Col. Kemp",
"Myles B. Caggins III", "U.S."), footnote markers glued to the sentence end
("ending it.1"), quotations that close after the full stop, bullets, and
headings without final punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.core.datafiles import packaged_data
from checker.core.document import (
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    HEADING,
    REFERENCES,
    Block,
    Document,
    Link,
    Sentence,
)
from checker.core.regexlit import PatternSet

# --------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class RegionPatterns:
    boilerplate: PatternSet
    byline: tuple[re.Pattern[str], ...]
    caption: PatternSet
    references_heading: re.Pattern[str]
    references_inline: re.Pattern[str]


@lru_cache(maxsize=1)
def region_patterns() -> RegionPatterns:
    data = packaged_data("checker.text", "lexicons/boilerplate.json", "checker-boilerplate-lexicon")
    return RegionPatterns(
        boilerplate=PatternSet(data["boilerplate"], re.I),
        byline=tuple(re.compile(p) for p in data["byline"]),
        caption=PatternSet(data["caption"], re.I),
        references_heading=re.compile(data["references_heading"], re.I),
        references_inline=re.compile(data["references_inline"], re.I),
    )


# Words after which a full stop does not end the sentence (titles, initials...).
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sr jr st mt ft col gen lt sgt capt cpt maj adm cmdr cdr brig
    rep reps sen sens gov pres supt det insp rev hon fr sec amb atty messrs mme mlle
    no nos vol vols pp fig figs ch sec approx est ret dept univ assn bros inc corp ltd co
    vs v cf al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun ave blvd rd hwy op ed eds repr e.g i.e a.m p.m u.s u.k u.n u.s.a e.u
    d.c""".split()
)
# After these abbreviations a sentence may well end ("...in the U.S. The next day").
SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    "u.s u.k u.n u.s.a e.u d.c a.m p.m etc inc co ltd corp".split()
)
SENTENCE_STARTERS = frozenset(
    """the a an in on at but and it its he she they we i this that these those there
    however meanwhile yet so still his her their our my after before when while if as
    for since although though then now today yesterday last next some many most one
    two three four five six seven eight nine ten""".split()
)

_BULLET = re.compile(r"[ \t]*(?:[-*+\u2022\u2023\u25aa\u25cf\u2013\u2014]|\d{1,3}[.)])[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+\S")
_MD_DEF = re.compile(r"[ \t]{0,3}\[(\^[^\]]+|[^\]]+)\]:[ \t]*\S")
_TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")
_COMMENT_LINE = re.compile(r"[ \t]*<!--.*?-->[ \t]*(?:<!--.*?-->[ \t]*)*$")
_TERMINAL = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019\u00bb)\]]*(?:\d{1,3}|\[\d+\])?\s*$")
_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")

_BOUNDARY = re.compile(
    r"(?:\.\.\.|[.!?\u2026]+)[\"'\u201d\u2019\u00bb)\]]*"
    r"(?:\[\d{1,3}(?:[,\u2013-]\s?\d{1,3})*\]|\^?\d{1,3}(?:,\d{1,3})*|[\u00b9\u00b2\u00b3\u2070-\u2079]+)?"
    r"(?=\s|$)"
)
_OPENERS = "\"'\u201c\u2018\u00ab([\u00bf\u00a1*_"


def word_tokens(text: str) -> list[str]:
    """The words of ``text`` as the tool counts them (letters/digits, inner ' ’ . -)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(word_tokens(text))


# --------------------------------------------------------------------- sentences


def _token_before(text: str, pos: int) -> str:
    """The token ending just before ``pos`` (the position of the terminal dot)."""
    i = pos
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".'\u2019-"):
        i -= 1
    return text[i:pos]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` inside ``text[start:end]`` (whitespace trimmed)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        b = m.end()
        # what follows?
        j = b
        while j < end and text[j].isspace():
            j += 1
        if j < end:
            nxt = text[j]
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                continue
        punct_pos = m.start()
        if text[punct_pos] == ".":
            tok = _token_before(text, punct_pos)
            low = tok.lower().rstrip(".")
            after = text[m.start() + 1 : m.end()]
            if tok and tok[-1].isdigit() and after[:1].isdigit():
                year_marker = len(tok) == 4 and tok.isdigit() and len(after) <= 2
                if not (year_marker and j < end and text[j].isupper()):
                    continue  # decimal number "2.5" (but "in 2014.3 Next" ends a sentence)
            if len(tok) == 1 and tok.isupper() and j < end:
                continue  # initial: "Myles B. Caggins"
            if low in ABBREVIATIONS and j < end:
                if low in SENTENCE_FINAL_ABBREVIATIONS:
                    nxt_word = _WORD.match(text, j)
                    if not (nxt_word and nxt_word.group().lower() in SENTENCE_STARTERS):
                        continue
                else:
                    continue
            if "." in tok.strip(".") and len(tok) <= 6 and j < end:
                # other dotted abbreviations ("a.k.a."): split only before a clear starter
                nxt_word = _WORD.match(text, j)
                if not (nxt_word and nxt_word.group().lower() in SENTENCE_STARTERS):
                    continue
        seg_end = b
        s, e = _trim(text, cur, seg_end)
        if e > s:
            spans.append((s, e))
        cur = seg_end
    s, e = _trim(text, cur, end)
    if e > s:
        spans.append((s, e))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# ------------------------------------------------------------------------ blocks


@dataclass
class _RawBlock:
    start: int
    end: int
    bullet: bool = False
    heading_mark: bool = False  # markdown "#"
    definition: bool = False  # markdown "[^1]: ..." / "[x]: url"
    hint: str = ""
    reason: str = ""
    content_start: int = -1  # after the bullet/heading marker
    comment: bool = False  # a line that is only an HTML comment (e.g. a checker directive)

    @property
    def cstart(self) -> int:
        return self.content_start if self.content_start >= 0 else self.start


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 2:
        return False
    body = [e - s for s, e in lines[:-1]]
    return all(35 <= n <= 100 for n in body) and max(body) - min(body) <= 40


def split_blocks(text: str, fmt: str) -> list[_RawBlock]:
    """Group lines into blocks: paragraphs, bullets, headings, definitions."""
    paragraphs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    in_fence = False
    for s, e in _lines(text):
        line = text[s:e]
        if fmt == "markdown" and line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not line.strip() and not in_fence:
            if cur:
                paragraphs.append(cur)
                cur = []
            continue
        cur.append((s, e))
    if cur:
        paragraphs.append(cur)

    blocks: list[_RawBlock] = []
    for para in paragraphs:
        if fmt == "html":
            # the HTML renderer already put one block per line: never join lines
            for s, e in para:
                blk = _RawBlock(s, e)
                bullet = _BULLET.match(text, s, e)
                if bullet:
                    blk.bullet, blk.content_start = True, bullet.end()
                blocks.append(blk)
            continue
        wrapped = fmt == "markdown" or _is_hard_wrapped(text, para)
        blk: _RawBlock | None = None
        for s, e in para:
            line = text[s:e]
            bullet = _BULLET.match(line)
            heading = fmt == "markdown" and _MD_HEADING.match(line)
            mdef = _MD_DEF.match(line)
            table = fmt == "markdown" and _TABLE_ROW.match(line)
            comment = _COMMENT_LINE.match(line)
            starts_new = bool(bullet or heading or mdef or table or comment) or blk is None
            if not starts_new and blk is not None:
                prev = text[blk.start : blk.end]
                first = line.lstrip()[:1]
                cont = (
                    wrapped
                    or first.islower()
                    or prev.rstrip().endswith((",", ";", "-", "\u2013", "\u2014", "\u201c"))
                    or (blk.bullet and line[:1] in " \t")
                )
                if blk.heading_mark or blk.comment or blk.definition and line[:1] not in " \t":
                    cont = False
                if cont:
                    blk.end = e
                    continue
            blk = _RawBlock(s, e)
            if bullet:
                blk.bullet = True
                blk.content_start = s + bullet.end()
            elif heading:
                blk.heading_mark = True
                blk.content_start = s + len(line) - len(line.lstrip(" \t#"))
            elif mdef:
                blk.definition = True
            elif comment:
                blk.comment = True
            blocks.append(blk)
    # trim trailing whitespace inside blocks
    for b in blocks:
        b.start, b.end = _trim(text, b.start, b.end)
    # a sentence broken by a blank line: "... is no longer perceived\n\nin the Middle East"
    merged: list[_RawBlock] = []
    for b in blocks:
        if merged:
            prev = merged[-1]
            prev_text = text[prev.start : prev.end]
            first = text[b.cstart : b.cstart + 1]
            if (
                not b.bullet
                and not b.heading_mark
                and not prev.heading_mark
                and not prev.comment
                and first.islower()
                and not _TERMINAL.search(prev_text)
                and word_count(prev_text) >= 8
            ):
                prev.end = b.end
                continue
        merged.append(b)
    return merged


def _is_title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if not words:
        return True
    return sum(w[0].isupper() or w[0].isdigit() for w in words) / len(words) >= 0.6


def classify_blocks(
    text: str,
    raw: list[_RawBlock],
    fmt: str,
    hints: list[tuple[int, int, str, str]] | None = None,
) -> list[Block]:
    pats = region_patterns()
    boilerplate, caption = pats.boilerplate.within(text), pats.caption.within(text)
    n = len(raw)
    regions: list[tuple[str, str]] = []
    in_refs = False
    for i, b in enumerate(raw):
        body = text[b.cstart : b.end].strip()
        hint = ""
        for hs, he, hkind, hreason in hints or ():
            if (
                hs <= b.start
                and b.end <= he
                or (b.start <= hs < b.end and he - hs >= (b.end - b.start) * 0.8)
            ):
                hint, b.reason = hkind, hreason
        words = word_count(body)
        terminal = bool(_TERMINAL.search(body))
        region, reason = BODY, ""
        if b.comment:
            region, reason = BOILERPLATE, "directive"
        elif hint == "boilerplate":
            region, reason = BOILERPLATE, f"page chrome ({b.reason})"
        elif boilerplate.search(body):
            region, reason = BOILERPLATE, "page boilerplate"
        elif b.definition:
            region, reason = REFERENCES, "link or footnote definition"
        elif b.heading_mark or hint == "heading":
            region, reason = HEADING, "heading"
            in_refs = bool(pats.references_heading.match(body))
        elif pats.references_heading.match(body) and words <= 4:
            region, reason = HEADING, "references heading"
            in_refs = True
        elif pats.references_inline.match(body):
            region, reason = REFERENCES, "source list"
        elif in_refs:
            region, reason = REFERENCES, "in references section"
        elif hint == "caption" or caption.search(body):
            region, reason = CAPTION, "caption / photo credit"
        elif hint == "byline" or (words <= 12 and any(p.match(body) for p in pats.byline)):
            region, reason = BYLINE, "byline or date"
        elif not b.bullet and fmt != "html" or (fmt == "html" and not b.bullet):
            last = i == n - 1
            question_heading = (
                body.endswith("?") and words <= 8 and _is_title_case(body[:-1]) is not None
            )
            if (
                question_heading
                and not last
                and i + 1 < n
                and word_count(text[raw[i + 1].cstart : raw[i + 1].end]) > words
            ):
                region, reason = HEADING, "question heading"
            elif not terminal and words <= 30 and not (last and words > 8):
                if words <= 14 or i < 4 or _is_title_case(body):
                    region, reason = HEADING, "title or heading (no final punctuation)"
        regions.append((region, reason))

    # trailing page chrome: walking back from the end, short or unpunctuated blocks that
    # sit among boilerplate ("Invest in the / Trusted Mideast / News source.")
    seen_chrome = False
    for i in range(n - 1, -1, -1):
        r, _ = regions[i]
        blk_text = text[raw[i].cstart : raw[i].end]
        if r == BOILERPLATE:
            seen_chrome = seen_chrome or not raw[i].comment
            continue
        nwords = word_count(blk_text)
        unpunctuated = not _TERMINAL.search(blk_text)
        if raw[i].bullet:
            break
        if (
            r in (BODY, HEADING)
            and nwords <= 8
            and (unpunctuated and (seen_chrome or nwords <= 3) or seen_chrome and nwords <= 6)
        ):
            regions[i] = (BOILERPLATE, "trailing page chrome")
        elif r == HEADING and seen_chrome:
            regions[i] = (BOILERPLATE, "trailing page chrome")
        elif r in (BYLINE, CAPTION, REFERENCES):
            continue
        else:
            break
    return [
        Block(i, b.start, b.end, region, b.bullet, reason)
        for i, (b, (region, reason)) in enumerate(zip(raw, regions, strict=True))
    ]


# ------------------------------------------------------------------------ public


def segment(
    text: str,
    path: str = "<text>",
    fmt: str = "text",
    links: list[Link] | None = None,
    hints: list[tuple[int, int, str, str]] | None = None,
    bullets: list[tuple[int, int]] | None = None,
    source_offsets: tuple[tuple[int, int], ...] = (),
    source_line_starts: tuple[int, ...] = (0,),
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
    source: str = "",
) -> Document:
    raw = split_blocks(text, fmt)
    for b in raw:
        for bs, be in bullets or ():
            if bs <= b.start < be:
                b.bullet = True
    blocks = classify_blocks(text, raw, fmt, hints)
    doc = Document(
        path=path,
        text=text,
        format=fmt,
        blocks=tuple(blocks),
        links=tuple(links or ()),
        warnings=tuple(warnings),
        encoding=encoding,
        source_offsets=source_offsets,
        source_line_starts=source_line_starts,
        source=source,
    )
    sentences: list[Sentence] = []
    for blk, rb in zip(blocks, raw, strict=True):
        if blk.region in (HEADING, BYLINE, CAPTION, BOILERPLATE) or rb.definition:
            spans = [_trim(text, rb.cstart, blk.end)]
        else:
            spans = split_sentences(text, rb.cstart, blk.end)
        for s, e in spans:
            if e <= s:
                continue
            line, col = doc.line_col(s)
            sentences.append(
                Sentence(len(sentences), s, e, text[s:e], blk.index, blk.region, line, col)
            )
    return replace(doc, sentences=tuple(sentences))


def segment_text(text: str, path: str = "<text>", fmt: str = "text") -> Document:
    """Segment already-decoded text (HTML is rendered first); convenience for tests and API."""
    from checker.text.loader import document_from_text

    return document_from_text(text, path=path, fmt=fmt)
