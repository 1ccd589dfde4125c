"""Note markers: where the text cites a numbered (or named) note.

Strong markers, read wherever they are free (not in a URL, code span, tag, reference
section or another marker): Markdown footnote references ``[^1]``, bracketed ``[1]``,
``[1, 3]``, ``[1-3]``, links to ``#fn1``-style fragments, caret ``^1`` and Unicode
superscripts ``¹²``. Weak markers are digits glued to the end of a sentence or word
("ending it.1", "'a slow decline.'4", "the agency3.") or to a year ("in 2014.1"); they are
kept only with evidence from the document (an entry with that number, or a clean 1, 2,
3... sequence), and numbered strong markers need evidence too ("[538]" is a name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from checker.core.analysis import FootnoteDefinition
from checker.core.document import Link
from checker.core.regexlit import lazy_compile
from rules.footnotes.definitions import Entries
from rules.footnotes.lexicon import Lexicon
from rules.footnotes.records import Candidate
from rules.footnotes.scan import (
    CLOSERS,
    FRAGMENT,
    MD_INLINE,
    SUP_DIGITS,
    SUP_MAP,
    SUP_MINUS,
    URLISH,
    Mask,
    Taken,
    finditer_if_contains,
    is_note_number,
    line_bounds,
    note_key,
)

_CODE_SPAN = lazy_compile(r"`[^`\n]+`")
_HTML_TAG = lazy_compile(r"<[A-Za-z/!][^<>\n]{0,500}>")

# strong markers
_MD_FNREF = lazy_compile(r"\[\^(?P<label>[^\]\s]{1,40})\](?!:)")
_BRACKET = lazy_compile(r"\[(?P<body>\d{1,3}(?:[ \t]*[,;\u2013\-][ \t]*\d{1,3}){0,15})\]")
_CARET = lazy_compile(r"\^(?P<num>\d{1,3})(?![\d\w])")
SUPERSCRIPT = lazy_compile(rf"[{SUP_DIGITS}]+(?:[,{SUP_MINUS}\u2013\-][{SUP_DIGITS}]+)*")
# weak markers
# A match starts where a run of letters starts, and takes the whole run (what follows the
# word is never a letter): the lookbehind and the possessive "++" only save the engine from
# trying every position inside every word, and change no match.
AFTER_PUNCT = lazy_compile(
    rf"(?P<word>(?<![^\W\d_])[^\W\d_]++|%|\))(?P<punct>[.!?,;:]?)(?P<q>[{CLOSERS}]*)(?P<num>\d{{1,3}})"
    r"(?:,(?P<more>\d{1,3}(?:,\d{1,3})*))?(?![\w\u00b0%]|[.,:/]\d)"
)
YEAR_DOT = lazy_compile(
    r"(?<![\d.,])(?P<year>1[89]\d\d|20\d\d)(?P<punct>[.!?])(?P<num>\d{1,2})[ \t]*$", re.M
)
PUNCT_DIGIT = lazy_compile(r"[.!?]\d")  # in every YEAR_DOT match; a much faster scan
_DIGIT_RUN = lazy_compile(r"\d+")
_BEFORE_GLUED = frozenset("%).!?,;:" + CLOSERS)  # with letters: what an AFTER_PUNCT num follows
_NUMBERED_CONVENTIONS = ("bracket", "caret", "superscript")


def urls_in(text: str) -> Iterator[re.Match[str]]:
    """``URLISH.finditer(text)``, skipped when the text has neither "://" nor "www." (every URL
    has one; "W" and "w" are the only letters that fold to "w")."""
    if "://" in text or "www." in text.lower():
        return URLISH.finditer(text)
    return iter(())


def marker_mask(text: str, fmt: str) -> Mask:
    """The spans where no marker may be read: URLs, code spans, HTML tags other than
    ``<sup>`` (in text and Markdown), and the "(url)" part of Markdown links."""
    mask = Mask()
    for m in urls_in(text):
        mask.add(m.start(), m.end())
    for m in finditer_if_contains(_CODE_SPAN, text, "`"):
        mask.add(m.start(), m.end())
    if fmt != "html":
        for m in finditer_if_contains(_HTML_TAG, text, "<"):
            if not re.match(r"</?sup>", m.group(), re.I):
                mask.add(m.start(), m.end())
    for m in finditer_if_contains(MD_INLINE, text, "]("):
        mask.add(m.end("label") + 1, m.end())  # the "(url)" part
    mask.freeze()
    return mask


@dataclass
class MarkerScan:
    """The marker readers' shared state: what is masked, and the spans strong markers took."""

    text: str
    mask: Mask
    entries: Entries
    candidates: list[Candidate] = field(default_factory=list)
    taken: Taken = field(default_factory=Taken)

    def free(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` may hold a marker (not masked, not in a reference section,
        not overlapping a strong marker)."""
        return (
            not self.mask.hit(s)
            and not self.entries.covered(s)
            and not self.taken.overlaps(s, e)
        )

    def anchor_before(self, pos: int) -> int:
        """The last letter or digit before ``pos``: the end of the cited text."""
        text = self.text
        i = pos - 1
        while i > 0 and not text[i].isalnum():
            i -= 1
        return max(i, 0)

    def strong(self, number: str, s: int, e: int, convention: str) -> None:
        """Record a strong marker anchored before ``s``."""
        self.candidates.append(Candidate(number, s, e, self.anchor_before(s), True, convention))


def find_markers(
    text: str, links: Sequence[Link], mask: Mask, entries: Entries, lex: Lexicon
) -> MarkerScan:
    """Every marker with enough evidence, sorted by position (``candidates``), and the
    spans taken by strong markers (``taken``)."""
    scan = MarkerScan(text, mask, entries)
    _md_footnote_refs(scan)
    _bracketed(scan)
    _fragment_links(scan, links)
    _carets(scan)
    _superscripts(scan, entries.definitions, lex)
    weak = _glued(scan, lex) + _year_glued(scan)
    _keep_with_evidence(scan, weak, entries.definitions)
    scan.candidates.sort(key=lambda c: (c.start, int(c.number) if is_note_number(c.number) else 0))
    return scan


# ------------------------------------------------------------- strong markers


def _md_footnote_refs(scan: MarkerScan) -> None:
    """Markdown footnote references ``[^1]`` / ``[^name]``."""
    for m in finditer_if_contains(_MD_FNREF, scan.text, "["):  # "[" is found faster than "[^"
        if scan.free(m.start(), m.end()):
            label = m.group("label")
            num = note_key(label) or label
            scan.strong(num, m.start(), m.end(), "md-footnote")
            scan.taken.append((m.start(), m.end()))


def _bracketed(scan: MarkerScan) -> None:
    """Bracketed markers ``[1]``, ``[1, 3]``, ``[1-3]`` (not links or definitions)."""
    text = scan.text
    for m in finditer_if_contains(_BRACKET, text, "["):
        s, e = m.start(), m.end()
        if not scan.free(s, e) or not _bracket_is_marker(text, s, e):
            continue
        nums = expand(m.group("body"))
        if not nums or any(int(n) == 0 for n in nums):
            continue
        _bracket_candidates(scan, m, nums)
        scan.taken.append((s, e))


def _bracket_is_marker(text: str, s: int, e: int) -> bool:
    """False for "[1](url)", a definition "[1]: url", and "[text][1]" reference links."""
    after = text[e : e + 1]
    if after == "(" or (after == ":" and text[line_bounds(text, s)[0] : s].strip() == ""):
        return False  # a Markdown link "[1](url)" or a definition "[1]: url"
    before = text[s - 1 : s] if s else ""
    if before == "]":
        # "[text][1]": a reference link when [text] is not itself a marker
        j = text.rfind("[", 0, s - 1)
        if (
            j >= 0
            and not re.fullmatch(r"\[\d{1,3}(?:[^\]]*)\]", text[j:s])
            and not text[j:s].startswith("[^")
        ):
            return False
    return True


def _bracket_candidates(scan: MarkerScan, m: re.Match[str], nums: list[str]) -> None:
    """One candidate per number; numbers listed with "," or ";" get their own span."""
    s, e = m.start(), m.end()
    body = m.group("body")
    if len(nums) == 1:
        scan.strong(nums[0], s, e, "bracket")
    elif "," in body or ";" in body:
        for dm in re.finditer(r"\d{1,3}", body):
            ds, de = m.start("body") + dm.start(), m.start("body") + dm.end()
            sub = expand(body)  # ranges inside lists keep the group span
            if str(int(dm.group())) in sub:
                scan.candidates.append(
                    Candidate(str(int(dm.group())), ds, de, scan.anchor_before(s), True, "bracket")
                )
        listed = {c.number for c in scan.candidates if s <= c.start < e}
        for n in nums:
            if n not in listed:
                scan.strong(n, s, e, "bracket")
    else:
        for n in nums:
            scan.strong(n, s, e, "bracket")


def _fragment_links(scan: MarkerScan, links: Sequence[Link]) -> None:
    """Loader links to footnote fragments: ``<a href="#fn1">1</a>``."""
    for lk in links:
        fm = FRAGMENT.match(lk.url.strip())
        if fm and scan.free(lk.start, lk.end):
            anchor_txt = scan.text[lk.start : lk.end]
            digits = re.search(r"\d{1,3}", anchor_txt)
            num = str(int(digits.group())) if digits else str(int(fm.group(1)))
            scan.strong(num, lk.start, lk.end, "fragment-link")
            scan.taken.append((lk.start, lk.end))


def _carets(scan: MarkerScan) -> None:
    """Caret markers ``^1`` (not exponents: "x^2", "(a+b)^2", "10^3")."""
    text = scan.text
    for m in finditer_if_contains(_CARET, text, "^"):
        s, e = m.start(), m.end()
        prev = text[s - 1 : s]
        if not scan.free(s, e) or prev.isdigit() or prev == ")":
            continue
        wm = re.search(r"(\w+)$", text[max(0, s - 30) : s])
        if wm and len(wm.group(1)) == 1:
            continue  # "x^2"
        scan.strong(str(int(m.group("num"))), s, e, "caret")
        scan.taken.append((s, e))


def _superscripts(scan: MarkerScan, defs: dict[str, FootnoteDefinition], lex: Lexicon) -> None:
    """Unicode superscript markers ``¹``, ``²³``, ``¹⁻³`` (not units: "12 km²", "mc²")."""
    text = scan.text
    if not has_superscript_digit(text):
        return
    for m in SUPERSCRIPT.finditer(text):
        s, e = m.start(), m.end()
        if not scan.free(s, e) or s == 0:
            continue
        wm = re.search(r"([^\W\d_]+)$", text[max(0, s - 20) : s])
        prev = text[s - 1]
        if prev.isdigit() or prev.isspace():
            continue
        if wm and (wm.group(1) in lex.units or wm.group(1).lower() in lex.units):
            continue  # "12 km²", "mc²"
        nums = _superscript_numbers(m.group(), defs)
        if not nums or any(int(n) == 0 for n in nums):
            continue
        for n in nums:
            scan.strong(n, s, e, "superscript")
        scan.taken.append((s, e))


def has_superscript_digit(text: str) -> bool:
    """Whether the text holds a Unicode superscript digit (every superscript marker does).
    Ten substring tests are much faster than the superscript pattern's scan, and most
    articles have none."""
    return not text.isascii() and any(c in text for c in SUP_DIGITS)


def _superscript_numbers(sup: str, defs: dict[str, FootnoteDefinition]) -> list[str]:
    """The note numbers of a superscript run: "²³" is note 23 if there is one, else notes
    2 and 3 when those exist."""
    body = "".join(SUP_MAP.get(c, "-" if c in SUP_MINUS + "\u2013-" else ",") for c in sup)
    nums: list[str | None] = list(expand(body))
    if defs:
        nums = [
            n
            if n in defs
            or len(n) == 1
            or list(n) != sorted(set(n))
            or "0" in n
            or not all(c in defs for c in n)
            else None
            for n in expand(body)
        ]
    if None in nums:
        return [
            x
            for n, raw in zip(nums, expand(body), strict=True)
            for x in ([n] if n is not None else [str(int(c)) for c in raw])
        ]
    return [n for n in nums if n is not None]


def expand(body: str) -> list[str]:
    """'1, 3' -> [1, 3]; '1-3' -> [1, 2, 3] (ranges of at most 30)."""
    out: list[str] = []
    for part in re.split(r"\s*[,;]\s*", body.strip()):
        m = re.fullmatch(r"(\d{1,3})\s*[\u2013\-\u207b]\s*(\d{1,3})", part)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a < b <= a + 30:
                out.extend(str(i) for i in range(a, b + 1))
            else:
                out.extend([str(a), str(b)])
        elif (key := note_key(part)) is not None:
            out.append(key)
    return out


# --------------------------------------------------------------- weak markers


def glued_number_lines(text: str) -> list[tuple[int, int]]:
    """The lines (start, end) that can hold an AFTER_PUNCT match: each match lies inside one
    line, and its number follows a letter, "%", ")", punctuation or a closing quote. Scanning
    only those lines (the end of a line looks like the end of the text to its lookahead) gives
    the same matches as scanning the whole text, in a fraction of the time."""
    lines: list[tuple[int, int]] = []
    line_end = -1
    for m in _DIGIT_RUN.finditer(text):
        i = m.start()
        if i == 0 or i < line_end:
            continue
        before = text[i - 1]
        if before.isalnum() or before in _BEFORE_GLUED:
            line_end = text.find("\n", i)
            line_end = len(text) if line_end < 0 else line_end
            lines.append((text.rfind("\n", 0, i) + 1, line_end))
    return lines


def _glued(scan: MarkerScan, lex: Lexicon) -> list[Candidate]:
    """Numbers glued to a sentence end ("ending it.1", "'a slow decline.'4", "Smith,2") or
    to the last word of a sentence ("the agency3.")."""
    text = scan.text
    weak: list[Candidate] = []
    glued = [m for ls, le in glued_number_lines(text) for m in AFTER_PUNCT.finditer(text, ls, le)]
    for m in glued:
        s, e = m.start("num"), m.end()
        if not scan.free(s, e):
            continue
        punct, q = m.group("punct"), m.group("q")
        num = str(int(m.group("num")))
        if num == "0":
            continue
        if not punct and not q:
            # glued to the word: "the group1."
            if _glued_to_word(text, m, lex):
                weak.append(Candidate(num, s, e, m.end("word") - 1, False, "glued-word"))
            continue
        if punct and not _glued_after_punct(text, m, lex):
            continue
        anchor = m.start("num") - 1 - len(punct) - len(q)
        more = m.group("more")
        nums = [num, *[str(int(x)) for x in more.split(",")]] if more else [num]
        for n in nums:
            weak.append(Candidate(n, s, e, anchor, False, "glued-punct"))
    return weak


def _glued_to_word(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """Whether a number glued to a word with no punctuation ("the group1.") is a marker:
    a lowercase or title-case word of 3+ letters, a single number, followed by space or
    punctuation, not a known name ("mp3", "web3") and not inside a longer token."""
    word = m.group("word")
    e = m.end()
    follow = text[e : e + 1]
    title = word[:1].isupper() and word[1:].islower() and len(m.group("num")) <= 2
    if not ((word.islower() or title) and len(word) >= 3) or m.group("more"):
        return False
    if follow and not (follow.isspace() or follow in ".!?,;:'\"\u2019\u201d)"):
        return False
    if (word + m.group("num")).lower() in lex.glued_not_markers:
        return False
    start_word = m.start("word")
    return not (
        start_word > 0 and (text[start_word - 1].isalnum() or text[start_word - 1] in "-_/@#$")
    )


def _glued_after_punct(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """Whether a number after punctuation is a marker: not after an abbreviation ("Fig.3",
    "No.1") or a single letter ("A.1"), and after "," ";" ":" (unquoted) only before a space."""
    word, punct, q = m.group("word"), m.group("punct"), m.group("q")
    wl = word.lower()
    if wl in lex.abbreviations or (
        len(word) == 1
        and word.isalpha()
        and (m.start("word") == 0 or text[m.start("word") - 1] != ".")
    ):
        return False
    if punct in ",;:" and not q:
        # "Smith,2 which": plausible, but "Chapter one:2" less so; need a space after
        return text[m.end() : m.end() + 1] in (" ", "\n", "\t", "")
    return True


def _year_glued(scan: MarkerScan) -> list[Candidate]:
    """A note number glued to a year at a line end ("in 2014.1")."""
    weak: list[Candidate] = []
    text = scan.text
    for m in YEAR_DOT.finditer(text) if PUNCT_DIGIT.search(text) else ():
        s, e = m.start("num"), m.end("num")
        if scan.free(s, e):
            weak.append(
                Candidate(str(int(m.group("num"))), s, e, m.end("year") - 1, False, "year-glued")
            )
    return weak


# ------------------------------------------------------------------- evidence


def _keep_with_evidence(
    scan: MarkerScan, weak: list[Candidate], defs: dict[str, FootnoteDefinition]
) -> None:
    """Drop numbered strong markers far beyond the entries (or, with no entries, beyond a
    plausible count), and add the weak markers the document gives evidence for."""
    numeric_defs = [int(k) for k in defs if is_note_number(k)]
    # numbered strong markers need evidence too: "[538]" in a piece with no notes is a name
    strong_nums = [int(c.number) for c in scan.candidates if c.convention in _NUMBERED_CONVENTIONS]
    if strong_nums:
        if numeric_defs:
            limit = max(numeric_defs) + 10
        else:
            limit = len(set(strong_nums)) + 10 if min(strong_nums) == 1 else 0
        scan.candidates = [
            c
            for c in scan.candidates
            if c.convention not in _NUMBERED_CONVENTIONS or int(c.number) <= limit
        ]
    if weak:
        weak = _weak_with_evidence(weak, numeric_defs, defs)
        for c in weak:
            if not scan.taken.overlaps(c.start, c.end):
                scan.candidates.append(c)


def _weak_with_evidence(
    weak: list[Candidate], numeric_defs: list[int], defs: dict[str, FootnoteDefinition]
) -> list[Candidate]:
    """The weak markers the document supports: with entries, numbers up to 3 past the last
    one (a year-glued number only if its entry exists); without, only a clean 1, 2, 3...
    sequence of first uses (and no year-glued ones)."""
    if numeric_defs:
        top = max(numeric_defs) + 3
        return [
            c
            for c in weak
            if 1 <= int(c.number) <= top and (c.convention != "year-glued" or c.number in defs)
        ]
    weak = [c for c in weak if c.convention != "year-glued"]
    first: list[int] = []
    for c in sorted(weak, key=lambda c: c.start):
        if int(c.number) not in first:
            first.append(int(c.number))
    if not (len(first) >= 2 and first == list(range(1, len(first) + 1))):
        return []
    return weak
