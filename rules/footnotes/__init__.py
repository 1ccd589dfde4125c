"""Footnotes, references and links: who each numbered note cites, and what is left uncited.

Reads every common way a draft cites with notes and maps each marker to its entry:

- markers glued to the sentence end after punctuation or a closing quote ("ending it.1",
  "'a slow decline.'4"), or to the last word before punctuation ("the agency3.");
- bracketed ``[1]``, ``[1, 3]``, ``[1-3]``, ``[1][2]`` (HTML ``<sup>1</sup>`` is rendered as
  ``[1]`` by the loader); caret ``^1``; Unicode superscripts ``¹²``; links to ``#fn1``-style
  fragments; Markdown footnotes ``[^1]`` / ``[^name]``;
- entries: one-line source lists ("Sources: 1Reuters, 2AP and 3CNN."), "References" /
  "Sources" / "Notes" sections with ``1.``, ``[1]``, ``1)``, ``(1)``, ``^1``, ``¹`` entries,
  Markdown footnote definitions and Markdown reference-link definitions;
- inline hyperlinks (Markdown and HTML) as attribution of their sentence, with their domain.

Numbers that are not markers ("2.5K", "in 2014.", "COVID-19", "F-35", "G7", "Part 2",
ordinals, dates, money) are not read as markers: glued markers are accepted only with
evidence from the document (an entry with that number, or a clean 1, 2, 3... sequence).

``parse_footnotes(text, blocks)`` is the pure core; ``run(analysis)`` is the pipeline step.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from checker.core.analysis import (
    DOCUMENT,
    ORGANISATION,
    OUTLET,
    PERSON,
    Analysis,
    FootnoteDefinition,
    FootnoteMarker,
    Footnotes,
    SourceMention,
)
from checker.core.datafiles import packaged_data
from checker.core.document import BODY, BOILERPLATE, HEADING, REFERENCES, Block, Sentence, Span
from checker.core.rule import Rule, register

if TYPE_CHECKING:
    from checker.core.document import Document, Link

FAMILY = "footnotes"

# ------------------------------------------------------------------------- rules

DANGLING = register(
    Rule(
        id="FTN001",
        name="dangling-footnote",
        family=FAMILY,
        severity="error",
        summary="A note marker points to an entry that does not exist.",
        rationale=(
            "A reader who follows the number finds nothing: the claim looks sourced but is "
            "not. It usually means an entry was deleted or the notes were renumbered."
        ),
        bad="The port handled a record 9,000 ships last year.[4]  (entries stop at [3])",
        good="The port handled a record 9,000 ships last year.[4]  ...  [4] Port authority.",
    )
)
UNUSED = register(
    Rule(
        id="FTN002",
        name="unused-source",
        family=FAMILY,
        severity="warning",
        summary="A source entry that no marker in the text cites.",
        rationale=(
            "An entry nobody cites is either a leftover from an earlier draft or a sign that "
            "the sentence it supported lost its marker; either way the list misleads."
        ),
        bad="Sources: 1City council, 2Harbour Times, 3Port authority.  (no marker 2)",
        good="Every entry in the list is cited by at least one marker in the text.",
    )
)
SEQUENCE = register(
    Rule(
        id="FTN003",
        name="footnote-sequence",
        family=FAMILY,
        severity="warning",
        summary="Notes are out of order, skip a number, or an entry number is used twice.",
        rationale=(
            "Numbered notes are read in order of first citation; a gap, a repeat or a jump "
            "backwards is the trace of a renumbering that went wrong."
        ),
        bad="...first claim.1 ...second claim.3 ...third claim.2",
        good="...first claim.1 ...second claim.2 ...third claim.3",
    )
)
UNCITED = register(
    Rule(
        id="FTN004",
        name="uncited-statement",
        family=FAMILY,
        severity="warning",
        summary="In a section that cites with notes, a fact bullet or paragraph has none.",
        rationale=(
            "When every other fact in a list carries a note, the one without stands out as "
            "the one nobody checked."
        ),
        bad="- Ferry fares rise by 8% in May.2\n- The old pier will close for good.",
        good="- Ferry fares rise by 8% in May.2\n- The old pier will close for good.3",
    )
)
MALFORMED = register(
    Rule(
        id="FTN005",
        name="malformed-source-entry",
        family=FAMILY,
        severity="warning",
        summary="A source entry with no recognisable source name or URL.",
        rationale=(
            "An entry like '3. TK' or '[4] link' tells the reader nothing about where the "
            "fact comes from; placeholders must not survive into publication."
        ),
        bad="3. TK",
        good="3. Harbour Times, 'Pier to close', 2 May, https://harbourtimes.example/pier",
    )
)
BROKEN_LINK = register(
    Rule(
        id="FTN006",
        name="broken-link",
        family=FAMILY,
        severity="warning",
        summary="A link target that is not a valid address (checked offline, by syntax).",
        rationale=(
            "A mistyped scheme, a space in the address or a missing host means readers "
            "cannot reach the source; no network access is needed to see it."
        ),
        bad="[the council's report](htps://council.example/report 2024.pdf)",
        good="[the council's report](https://council.example/report-2024.pdf)",
    )
)

# ----------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    section_headings: frozenset[str]
    abbreviations: frozenset[str]
    glued_not_markers: frozenset[str]
    units: frozenset[str]
    placeholders: frozenset[str]
    ibid: frozenset[str]
    organisation_words: tuple[str, ...]
    outlet_words: frozenset[str]
    document_words: tuple[str, ...]
    outlets: dict[str, str]  # name -> domain
    outlet_names_lower: dict[str, str]  # lower name -> canonical name
    domain_names: dict[str, str]  # registrable domain -> outlet name
    social_domains: frozenset[str]
    suffixes: frozenset[str]


def _build_lexicon(data: dict[str, Any]) -> Lexicon:
    outlets: dict[str, str] = dict(data.get("outlets", {}))
    suffixes = frozenset(s.lower() for s in data["multi_part_suffixes"])
    domain_names: dict[str, str] = {}
    for name, dom in outlets.items():
        if dom:
            reg = _registrable(dom, suffixes)
            # prefer the longest (most explicit) name per domain
            if reg not in domain_names or len(name) > len(domain_names[reg]):
                domain_names[reg] = name
    return Lexicon(
        section_headings=frozenset(s.lower() for s in data["section_headings"]),
        abbreviations=frozenset(s.lower() for s in data["abbreviations_before_number"]),
        glued_not_markers=frozenset(s.lower() for s in data["glued_words_not_markers"]),
        units=frozenset(data["units_before_superscript"]),
        placeholders=frozenset(s.lower() for s in data["placeholders"]),
        ibid=frozenset(s.lower() for s in data["ibid"]),
        organisation_words=tuple(s.lower() for s in data["organisation_words"]),
        outlet_words=frozenset(s.lower() for s in data["outlet_words"]),
        document_words=tuple(s.lower() for s in data["document_words"]),
        outlets=outlets,
        outlet_names_lower={n.lower(): n for n in outlets},
        domain_names=domain_names,
        social_domains=frozenset(s.lower() for s in data["social_domains"]),
        suffixes=suffixes,
    )


_RAW_LEXICON: dict[str, Any] = packaged_data("rules.footnotes", "lexicon.json",
                                              "checker-footnotes-lexicon")


@lru_cache(maxsize=16)
def _lexicon_for(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    data = {
        k: (dict(v) if isinstance(v, dict) else list(v))
        for k, v in _RAW_LEXICON.items()
        if not k.startswith("_")
    }
    for key, values in extra:
        if key == "outlets":
            for v in values:
                name, _, dom = v.partition("=")
                data["outlets"][name.strip()] = dom.strip()
        elif key in data and isinstance(data[key], list):
            data[key].extend(values)
    return _build_lexicon(data)


def lexicon(config: Any = None) -> Lexicon:
    """The footnote lexicon, extended by ``[tool.checker.lexicon.footnotes]`` if configured."""
    extra: dict[str, list[str]] = {}
    if config is not None:
        extra = (getattr(config, "lexicon", {}) or {}).get(FAMILY, {}) or {}
    key = tuple(sorted((k, tuple(v)) for k, v in extra.items()))
    return _lexicon_for(key)


# ------------------------------------------------------------------------ domains

_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


def _registrable(host: str, suffixes: frozenset[str]) -> str:
    host = host.strip().lower().rstrip(".")
    if "@" in host:
        host = host.rsplit("@", 1)[1]
    if host.startswith("[") or _IPV4.match(host.split(":")[0]):
        return host.split("]")[0].lstrip("[") if host.startswith("[") else host.split(":")[0]
    host = host.split(":")[0]
    labels = [p for p in host.split(".") if p]
    if len(labels) <= 2:
        return ".".join(labels)
    last2 = ".".join(labels[-2:])
    if last2 in suffixes:
        return ".".join(labels[-3:])
    return last2


def registrable_domain(host: str) -> str:
    """The registrable domain of a host name or URL: ``english.almayadeen.net`` ->
    ``almayadeen.net``, ``news.bbc.co.uk`` -> ``bbc.co.uk``; IP addresses are returned as is.
    Multi-part public suffixes (``co.uk``, ``com.au``...) come from the lexicon."""
    if "/" in host:
        host = urlsplit(host if "//" in host else "//" + host).hostname or ""
    return _registrable(host, lexicon().suffixes)


def url_domain(url: str) -> str:
    """Registrable domain of an absolute URL (``""`` for relative links and fragments)."""
    u = url.strip()
    if u.lower().startswith("www."):
        u = "http://" + u
    try:
        host = urlsplit(u).hostname or ""
    except ValueError:
        return ""
    return _registrable(host, lexicon().suffixes) if host else ""


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_KNOWN_SCHEMES = frozenset(
    "http https ftp ftps sftp mailto tel sms news nntp irc ircs data file geo doi urn "
    "javascript feed magnet webcal xmpp sip skype whatsapp tg".split()
)
_HOST_LABEL = re.compile(r"^(?!-)(?:[^\W_]|-){1,63}(?<!-)$", re.U)
_TLD = re.compile(r"^(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{2,59})$", re.U)
_LOOKS_LIKE_DOMAIN = re.compile(
    r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|info|io|co|uk|us|de|fr|"
    r"news|tv|me|ly|ca|au|in|ir|iq|sy|il|ru|cn|jp|eu|ch|nl|es|it|br|mx|za|ng|ke|tr|sa|ae)"
    r"(?:[/:?#]|$)",
    re.I,
)


def url_problem(url: str) -> str:
    """Why a link target is syntactically invalid, or ``""`` if it looks fine.

    Purely offline: checks the scheme, the host and characters, never the network.
    Relative links ("/about", "page.html") and fragments ("#fn1") are valid."""
    u = url.strip()
    if not u:
        return "the link target is empty"
    if any(c.isspace() for c in u):
        return "the link target contains a space"
    m = _SCHEME.match(u)
    if not m:
        low = u.lower()
        if re.match(r"^(?:https?|ftp)//", low) or re.match(r"^(?:https?|ftp)/[^/]", low):
            return "the scheme is missing its ':' (write 'https://')"
        if low.startswith("www.") or _LOOKS_LIKE_DOMAIN.match(low):
            return "the address has no scheme, so it is read as a relative link (add 'https://')"
        return ""
    scheme = m.group(1).lower()
    if scheme not in _KNOWN_SCHEMES:
        if re.match(r"^h?t+p+s?$", scheme) or scheme in ("htps", "htttp", "htp", "hhtp"):
            return f"the scheme {scheme!r} is misspelt (write 'https://')"
        if u[m.end() :].startswith("//"):
            return f"unknown scheme {scheme!r}"
        return ""  # "name:thing" could be a relative path; do not guess
    rest = u[m.end() :]
    if scheme in ("http", "https", "ftp", "ftps", "sftp"):
        if not rest.startswith("//"):
            return f"'{scheme}:' must be followed by '//' and a host"
        try:
            parts = urlsplit(u)
            host = parts.hostname or ""
            _ = parts.port  # raises ValueError on a bad port
        except ValueError:
            return "the address has an invalid host or port"
        if not host:
            return "the address has no host name"
        return _host_problem(host)
    if scheme == "mailto":
        addr = rest.split("?", 1)[0]
        if "@" not in addr or addr.startswith("@") or addr.endswith("@"):
            return "the e-mail address has no '@' with a name and a domain"
    if scheme == "tel" and not re.fullmatch(r"\+?[\d\-(). ]{3,}", rest):
        return "the telephone number contains characters other than digits"
    return ""


def _host_problem(host: str) -> str:
    if host == "localhost" or _IPV4.match(host) or ":" in host:
        return ""
    if ".." in host or host.startswith(".") or host.endswith("-"):
        return f"the host {host!r} is not a valid name"
    labels = host.rstrip(".").split(".")
    if len(labels) < 2:
        return f"the host {host!r} has no domain suffix (such as '.com')"
    for label in labels:
        if not _HOST_LABEL.match(label):
            return f"the host {host!r} contains an invalid part {label!r}"
    if not _TLD.match(labels[-1]):
        return f"the host {host!r} ends in an invalid suffix {labels[-1]!r}"
    return ""


# ------------------------------------------------------------------- data records


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding produced by the pure parser (rule name, span, message)."""

    rule: str
    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class LinkRef:
    """A hyperlink found in the text or given by the loader."""

    start: int  # anchor text
    end: int
    url: str
    kind: str = "inline"  # inline | reference | definition | loader
    label: str = ""  # reference label for "[text][label]"


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """An unnumbered entry of a source list ("Source: Reuters")."""

    text: str
    start: int
    end: int
    url: str = ""
    domain: str = ""


@dataclass
class FootnoteParse:
    markers: list[FootnoteMarker] = field(default_factory=list)
    definitions: dict[str, FootnoteDefinition] = field(default_factory=dict)
    dangling: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    unnumbered: list[SourceEntry] = field(default_factory=list)
    reference_spans: list[tuple[int, int]] = field(default_factory=list)
    conventions: dict[str, str] = field(default_factory=dict)  # marker number -> convention
    definition_conventions: dict[str, str] = field(default_factory=dict)
    cites_with_notes: bool = False

    def to_footnotes(self) -> Footnotes:
        return Footnotes(
            markers=list(self.markers),
            definitions=dict(self.definitions),
            dangling=list(self.dangling),
            unused=list(self.unused),
        )


# --------------------------------------------------------------------- patterns

_SUP_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_SUP_MAP = {c: str(i) for i, c in enumerate(_SUP_DIGITS)}
_SUP_MINUS = "\u207b"
_CLOSERS = "'\"\u2019\u201d\u00bb)"
_CLOSERS_CLS = "'\"\u2019\u201d\u00bb)\\]"

_URLISH = re.compile(r"(?:https?|ftp)://[^\s<>\"'\])]+|\bwww\.[^\s<>\"'\])]+", re.I)
_BROKEN_URLISH = re.compile(
    r"\b(?:h+t+p+s?|ftp)(?::/{0,1}(?!/)|/{1,3}|:/{3,})[\w.\-]+\.[a-z]{2,}[^\s<>\"']*", re.I
)
_MD_INLINE = re.compile(
    r"(?<![!\\])\[(?P<label>[^\[\]\n]{1,300})\]\((?P<url>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)"
)
_MD_REFLINK = re.compile(
    r"(?<![\]\\])\[(?P<text>[^\[\]\n]{1,300})\]\[(?P<label>[^\[\]\n]{0,100})\]"
)
_MD_REFDEF = re.compile(
    r"^[ \t]{0,3}\[(?P<label>[^\]\^\n][^\]\n]{0,99})\]:[ \t]*<?(?P<url>[^\s>]*)>?(?P<rest>[^\n]*)$",
    re.M,
)
_MD_FNDEF = re.compile(r"^[ \t]{0,3}\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*(?P<rest>[^\n]*)$", re.M)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_HTML_TAG = re.compile(r"<[A-Za-z/!][^<>\n]{0,500}>")

# strong markers
_MD_FNREF = re.compile(r"\[\^(?P<label>[^\]\s]{1,40})\](?!:)")
_BRACKET = re.compile(r"\[(?P<body>\d{1,3}(?:[ \t]*[,;\u2013\-][ \t]*\d{1,3}){0,15})\]")
_CARET = re.compile(r"\^(?P<num>\d{1,3})(?![\d\w])")
_SUPERSCRIPT = re.compile(rf"[{_SUP_DIGITS}]+(?:[,{_SUP_MINUS}\u2013\-][{_SUP_DIGITS}]+)*")
# weak markers
# A match starts where a run of letters starts, and takes the whole run (what follows the
# word is never a letter): the lookbehind and the possessive "++" only save the engine from
# trying every position inside every word, and change no match.
_AFTER_PUNCT = re.compile(
    rf"(?P<word>(?<![^\W\d_])[^\W\d_]++|%|\))(?P<punct>[.!?,;:]?)(?P<q>[{_CLOSERS}]*)(?P<num>\d{{1,3}})"
    r"(?:,(?P<more>\d{1,3}(?:,\d{1,3})*))?(?![\w\u00b0%]|[.,:/]\d)"
)
_YEAR_DOT = re.compile(
    r"(?<![\d.,])(?P<year>1[89]\d\d|20\d\d)(?P<punct>[.!?])(?P<num>\d{1,2})[ \t]*$", re.M
)
_PUNCT_DIGIT = re.compile(r"[.!?]\d")  # in every _YEAR_DOT match; a much faster scan
_DIGIT_RUN = re.compile(r"\d+")
_BEFORE_GLUED = frozenset("%).!?,;:" + _CLOSERS)  # with letters: what an _AFTER_PUNCT num follows

_INLINE_LIST = re.compile(
    r"^[ \t]*(?:[*_]{1,2})?(?P<head>sources?|references?|notes?|citations?|footnotes?)"
    r"(?:[*_]{1,2})?[ \t]*:(?:[*_]{1,2})?[ \t]*(?P<body>\S[^\n]*)$",
    re.I | re.M,
)
_HEADING_LINE = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]+)?(?:[*_]{1,2})?(?P<head>[A-Za-z][A-Za-z ]{1,30}?)"
    r"(?:[*_]{1,2})?[ \t]*:?[ \t]*(?:[*_]{1,2})?[ \t]*$",
    re.M,
)
_ENTRY = re.compile(
    r"^[ \t]*(?:[-*+\u2022][ \t]+)?"
    r"(?:\[(?P<b>\d{1,3})\]|\((?P<p>\d{1,3})\)|(?P<d>\d{1,3})[.):](?!\d)"
    rf"|\^(?P<c>\d{{1,3}})|(?P<s>[{_SUP_DIGITS}]{{1,3}})|(?P<g>\d{{1,3}})(?=[^\W\d_\[\"'\u201c\u2018(])"
    r"|(?P<sp>\d{1,3})[ \t]+(?=[A-Z\"\u201c]|https?://))[ \t]*(?P<rest>[^\n]*)$"
)
_BULLET_LINE = re.compile(r"^[ \t]*[-*+\u2022][ \t]+(?P<rest>\S[^\n]*)$")
_LIST_NUM = re.compile(
    r"(?:^|(?<=[,;])[ \t]*|(?<=[ \t])(?:and|&)[ \t]+)"
    r"(?:\[(?P<b>\d{1,3})\]|(?P<n>\d{1,3})(?:[.)](?!\d))?)[ \t]?"
    r"(?=[^\W\d_]|https?://|www\.|[\"'\u201c\u2018(])",
    re.I,
)
_FRAGMENT = re.compile(
    r"^#(?:fn|footnote|note|endnote|cite[_-]note|ref|reference|source|en|n)[\w\-:.]*?(\d{1,3})$",
    re.I,
)
_SENT_END = re.compile(
    rf"[.!?\u2026][{_CLOSERS_CLS}]*(?:\d{{1,3}}|\[\d{{1,3}}[^\]]*\]|[{_SUP_DIGITS}]+)?\s+"
    rf"(?=[A-Z\d\"'\u201c\u2018(\[])"
)
_WORDS = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


# ------------------------------------------------------------------------- helpers


class _Mask:
    """Sorted, non-overlapping spans where no marker may be read (URLs, code, tags)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, s: int, e: int) -> None:
        if e > s:
            self.spans.append((s, e))

    def freeze(self) -> None:
        merged: list[tuple[int, int]] = []
        for s, e in sorted(self.spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.spans = merged
        self._starts = [s for s, _ in merged]

    def hit(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]


def _finditer(pattern: re.Pattern[str], text: str, literal: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when ``literal``, which every match of ``pattern``
    contains, is not in the text (most articles have no Markdown, notes or links)."""
    return pattern.finditer(text) if literal in text else iter(())


def _line_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a MULTILINE pattern whose matches start at a line start
    ("^") and hold no newline (_INLINE_LIST, _HEADING_LINE): tried at line starts only."""
    pos = 0
    while True:
        m = pattern.match(text, pos)
        if m is not None:
            yield m
        pos = text.find("\n", pos) + 1
        if pos == 0:
            return


def _glued_number_lines(text: str) -> list[tuple[int, int]]:
    """The lines (start, end) that can hold an _AFTER_PUNCT match: each match lies inside one
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


def _sup_to_int(s: str) -> str:
    return "".join(_SUP_MAP.get(c, "") for c in s)


def _expand(body: str) -> list[str]:
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
        elif part.isdigit():
            out.append(str(int(part)))
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _fallback_blocks(text: str) -> list[Block]:
    """Blocks when no segmenter is available: blank-line paragraphs, or one block per line
    for texts written one paragraph per line; bullets and Markdown headings start blocks."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    nonblank = [ln for ln in lines if text[ln[0] : ln[1]].strip()]
    blank = len(lines) - len(nonblank)
    per_line = blank < max(1, len(nonblank) // 4)
    blocks: list[Block] = []
    cur: list[int] | None = None
    bullet = False

    def close() -> None:
        nonlocal cur
        if cur is not None:
            s, e = cur
            seg = text[s:e]
            region = BODY
            stripped = seg.strip()
            if stripped.startswith("#") or (
                not bullet
                and len(stripped) < 80
                and not re.search(r"[.!?:;,\"'\u201d]\s*$", stripped)
                and "\n" not in stripped
                and len(_WORDS.findall(stripped)) <= 10
            ):
                region = HEADING
            blocks.append(Block(len(blocks), s, e, region, bullet))
        cur = None

    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            close()
            continue
        starts = bool(
            re.match(r"[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+\S|[ \t]{0,3}#|[ \t]{0,3}\[", line)
        )
        if cur is None or per_line or starts:
            close()
            lstrip = len(line) - len(line.lstrip())
            cur = [s + lstrip, e]
            bullet = bool(re.match(r"[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+\S", line))
        else:
            cur[1] = e
    close()
    return blocks


def _is_section_heading(text: str, lex: Lexicon) -> bool:
    m = _HEADING_LINE.match(text)
    return bool(m) and " ".join(m.group("head").lower().split()) in lex.section_headings


# ----------------------------------------------------------------- source names


def guess_kind(name: str, url: str = "", lex: Lexicon | None = None) -> str:
    """outlet / organisation / document / person for a cited source."""
    lex = lex or lexicon()
    low = name.lower().strip()
    domain = url_domain(url) if url else ""
    if low in lex.outlet_names_lower or (domain and domain in lex.domain_names and not low):
        return OUTLET
    path = urlsplit(url).path.lower() if url else ""
    if path.endswith((".pdf", ".doc", ".docx", ".xls", ".xlsx", ".csv")) or "doi.org" in domain:
        return DOCUMENT
    words = set(_WORDS.findall(low)) if low != domain else set()
    if any((w in words) if " " not in w else (w in low) for w in lex.document_words):
        return DOCUMENT
    if any(" " in w and w in low for w in lex.organisation_words):
        return ORGANISATION
    if words & lex.outlet_words:
        return OUTLET
    if any((w in words) if " " not in w else (w in low) for w in lex.organisation_words):
        return ORGANISATION
    if domain and (
        re.search(r"(?:^|\.)(?:gov|gouv|gob|govt|mil|int|edu|ac)(?:\.|$)", domain)
        or domain.endswith((".gov", ".mil", ".int", ".edu"))
    ):
        return ORGANISATION
    if domain in lex.social_domains:
        return PERSON
    if domain and domain in lex.domain_names:
        return OUTLET
    toks = name.split()
    if re.fullmatch(r"[A-Z][\w'\u2019\-]+,\s*(?:[A-Z]\.\s*){1,3}", name.strip()) or (
        2 <= len(toks) <= 3
        and all(re.fullmatch(r"[A-Z][a-z'\u2019\-]+|[A-Z]\.", t) for t in toks)
        and not domain
        and len(toks[-1]) > 2
        and low not in lex.outlet_names_lower
    ):
        return PERSON
    return OUTLET


_NAME_CUT = re.compile(r"\s+[\u2013\u2014\-|]\s+|[,:;(\[]|\s+[\"\u201c\u2018]|\s+'|\.\s|\.$")


@lru_cache(maxsize=8)
def _by_length(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def clean_source_name(entry: str, url: str = "", lex: Lexicon | None = None) -> str:
    """The source's name from an entry: 'Associated Press', 'Reuters' from
    'Reuters, "Talks begin", 12 May, https://...', the outlet for a bare URL."""
    lex = lex or lexicon()
    s = _BROKEN_URLISH.sub(" ", _URLISH.sub(" ", entry))
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # markdown link -> its text
    s = re.sub(r"^\s*(?:via|see|from|according to|source:)\s+", "", s, flags=re.I)
    s = s.strip(" \t.,;:-\u2013\u2014*_\"'\u201c\u201d")
    low = s.lower()
    for known_low, canonical in lex.outlet_names_lower.items():
        if (
            low == known_low
            or (low.startswith(known_low + " ") and len(known_low) > 3)
            or (low.startswith(known_low + ","))
        ):
            return canonical
    person = re.match(r"([A-Z][\w'\u2019\-]+),\s*((?:[A-Z]\.\s*){1,3})", s)
    if person:
        return f"{person.group(1)}, {person.group(2).strip()}"
    m = _NAME_CUT.search(s)
    name = (s[: m.start()] if m and m.start() > 0 else s).strip(" .,;:\"'\u201c\u201d*_")
    if not name and url:
        dom = url_domain(url)
        name = lex.domain_names.get(dom, dom)
    by = re.search(
        r"\b(?:published|issued|released|compiled|produced|written|reported|"
        r"provided|supplied) by (?:the )?(.+)$",
        name,
        re.I,
    )
    if by:
        name = by.group(1).strip()
    # "Lowland Farmers Union statement" -> "Lowland Farmers Union"
    while True:
        low = name.lower()
        cut = next(
            (
                w
                for w in _by_length(lex.document_words)
                if low.endswith(" " + w)
                and name[-len(w) :] == w  # lowercase in the entry: not part of a name
                and low[: -len(w) - 1].strip()
            ),
            None,
        )
        if cut is None:
            break
        name = re.sub(r"['\u2019]s$", "", name[: -len(cut) - 1].rstrip(" ,")).rstrip()
    return name


_GENERIC = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday the a an of on in at by and or with from to for press release "
    "interview statement source sources link note see accessed retrieved available online "
    "news article page website site web post ibid".split()
)


def _recognisable(entry: str, url: str, lex: Lexicon, has_previous: bool) -> bool:
    if (
        url
        or _URLISH.search(entry)
        or _BROKEN_URLISH.search(entry)
        or _LOOKS_LIKE_DOMAIN.search(entry.strip().lower())
    ):
        return True
    s = entry.strip(" \t.,;:-\u2013\u2014*_\"'\u201c\u201d()[]")
    low = " ".join(s.lower().split())
    if not low or low in lex.placeholders:
        return False
    if low in lex.ibid or low.rstrip(".") in {i.rstrip(".") for i in lex.ibid}:
        return has_previous
    if re.fullmatch(r"(?:tk)+|x{2,}|\?+|_+|\.+|-+|(?:lorem ipsum).*", low):
        return False
    if low in lex.outlet_names_lower:
        return True
    # a capitalised word that is not generic ("Press release, 3 April" names no one),
    # or a description long enough to identify the source
    generic = _GENERIC | set(lex.document_words)
    words = _WORDS.findall(s)
    named = [w for w in words if w[:1].isupper() and w.lower() not in generic]
    described = [w for w in words if w.lower() not in generic and not w.isdigit()]
    return bool(named) or len(described) >= 3


# ------------------------------------------------------------------ the parser


@dataclass
class _Cand:
    number: str
    start: int
    end: int
    anchor: int  # last character of the cited text (for sentence assignment)
    strong: bool
    convention: str


def parse_footnotes(
    text: str,
    blocks: tuple[Block, ...] | list[Block] | None = None,
    *,
    sentences: tuple[Sentence, ...] | list[Sentence] | None = None,
    links: tuple[Link, ...] | list[Link] = (),
    fmt: str = "text",
    scope: str = "auto",
    lex: Lexicon | None = None,
) -> FootnoteParse:
    """Read markers, entries and links of one document and check them.

    ``blocks``/``sentences`` come from the segmenter (``Document.blocks``/``.sentences``);
    without them the text is split with simple rules. ``links`` are the loader's hyperlinks
    (``Document.links``). Returns markers (with scope), definitions, dangling/unused numbers,
    links and the issues to report, without touching any pipeline state."""
    lex = lex or lexicon()
    blocks = list(blocks) if blocks else _fallback_blocks(text)
    res = FootnoteParse()
    mask = _Mask()
    # every URL has "://" or "www." ("W" and "w" are the only letters that fold to "w")
    if "://" in text or "www." in text.lower():
        for m in _URLISH.finditer(text):
            mask.add(m.start(), m.end())
    for m in _CODE_SPAN.finditer(text):
        mask.add(m.start(), m.end())
    if fmt != "html":
        for m in _HTML_TAG.finditer(text):
            if not re.match(r"</?sup>", m.group(), re.I):
                mask.add(m.start(), m.end())
    for m in _finditer(_MD_INLINE, text, "]("):
        mask.add(m.end("label") + 1, m.end())  # the "(url)" part
    mask.freeze()

    ref_spans: list[tuple[int, int]] = []
    defs: dict[str, FootnoteDefinition] = {}
    def_conv: dict[str, str] = {}
    dupes: list[FootnoteDefinition] = []
    all_entries: list[FootnoteDefinition] = []

    def add_def(label: str, entry_text: str, start: int, end: int, convention: str) -> None:
        url_m = _URLISH.search(entry_text) or _BROKEN_URLISH.search(entry_text)
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
        all_entries.append(d)
        if label in defs:
            dupes.append(d)
        else:
            defs[label] = d
            def_conv[label] = convention

    # 1. Markdown footnote definitions "[^1]: text" (with indented continuation lines)
    for m in _finditer(_MD_FNDEF, text, "[^"):
        end = m.end()
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
                break
        body = " ".join(text[m.start("rest") : end].split())
        label = m.group("label")
        add_def(str(int(label)) if label.isdigit() else label, body, m.start(), end, "md-footnote")
        ref_spans.append((m.start(), end))

    # 2. Markdown reference-link definitions "[label]: url"
    refdefs: dict[str, str] = {}
    for m in _finditer(_MD_REFDEF, text, "]:"):
        label = m.group("label").strip()
        url = m.group("url")
        rest = m.group("rest").strip().strip("\"'()")
        key = str(int(label)) if label.isdigit() else label.lower()
        refdefs[key] = url
        entry_text = (url + (" " + rest if rest else "")).strip()
        add_def(key, entry_text, m.start(), m.end(), "md-reference")
        ref_spans.append((m.start(), m.end()))
        res.links.append(LinkRef(m.start("url"), m.end("url"), url, "definition", key))

    # 3. reference sections and one-line source lists
    heading_starts = {b.start for b in blocks if b.region == HEADING}
    chrome = [(b.start, b.end) for b in blocks if b.region == BOILERPLATE]
    covered = lambda pos: any(s <= pos < e for s, e in ref_spans)  # noqa: E731

    def parse_list_body(body: str, offset: int, head: str, line_s: int, line_e: int) -> None:
        nums = []
        last = 0
        for m in _LIST_NUM.finditer(body):
            n = int(m.group("b") or m.group("n"))
            if n >= 1 and (not nums or n <= max(last, len(nums)) + 10):
                ns = m.start("b") - 1 if m.group("b") else m.start("n")
                nums.append((n, ns, m.end()))
                last = max(last, n)
        if nums and (nums[0][0] <= 2 or len(nums) >= 2):
            for i, (n, s, e) in enumerate(nums):
                stop = nums[i + 1][1] if i + 1 < len(nums) else len(body)
                chunk = body[e:stop]
                chunk_clean = re.sub(r"(?:[ \t]*(?:,|;|\band\b|&))+[ \t]*$", "", chunk.rstrip())
                chunk_clean = chunk_clean.rstrip(" .") if i + 1 == len(nums) else chunk_clean
                chunk_clean = chunk_clean.rstrip(" ,;")
                add_def(
                    str(n), chunk_clean, offset + s, offset + e + len(chunk_clean), "source-list"
                )
        elif head.lower().startswith(("source", "reference", "citation")):
            for m in re.finditer(r"[^,;]+", body):
                part = m.group()
                for sub in re.split(r"\s+(?:and|&)\s+", part) if len(part) < 80 else [part]:
                    k = part.find(sub)
                    s = offset + m.start() + k
                    t = sub.strip(" .")
                    if t:
                        lead = len(sub) - len(sub.lstrip(" "))
                        url_m = _URLISH.search(t)
                        url = url_m.group() if url_m else ""
                        res.unnumbered.append(
                            SourceEntry(
                                t, s + lead, s + lead + len(t), url, url_domain(url) if url else ""
                            )
                        )
        ref_spans.append((line_s, line_e))

    for m in _line_matches(_INLINE_LIST, text):
        if covered(m.start()):
            continue
        parse_list_body(m.group("body"), m.start("body"), m.group("head"), m.start(), m.end())

    def parse_section(start: int, implicit_numbers: bool) -> None:
        """Entries on the lines after a section heading (text offset ``start``)."""
        pos = start
        entries: list[list[Any]] = []  # [label, text_start, text_end, entry_start, conv]
        unnumbered: list[tuple[int, int]] = []
        gap = False
        n_lines = 0
        while pos < len(text):
            e = text.find("\n", pos)
            e = len(text) if e < 0 else e
            line = text[pos:e]
            s0 = pos
            pos = e + 1
            if not line.strip():
                gap = True
                continue
            n_lines += 1
            if covered(s0):
                continue
            if any(cs <= s0 < ce for cs, ce in chrome):
                break  # page chrome ("3 Comments") ends a notes section
            if (s0 in heading_starts and not _ENTRY.match(line)) or re.match(r"[ \t]{0,3}#", line):
                break
            if _is_section_heading(line, lex):
                break
            em = _ENTRY.match(line)
            if em:
                num = next(g for g in (em.group(k) for k in "b p d c s g sp".split()) if g)
                label = _sup_to_int(num) if em.group("s") else str(int(num))
                entries.append(
                    [
                        label,
                        s0 + em.start("rest"),
                        e,
                        s0 + len(line) - len(line.lstrip()),
                        "section",
                    ]
                )
                gap = False
                continue
            bm = _BULLET_LINE.match(line)
            if entries and not gap and not bm:
                entries[-1][2] = e  # continuation of the previous entry
                continue
            short = len(_WORDS.findall(line)) <= 30
            if (
                bm
                or (short and (not gap or unnumbered) and not entries)
                or (implicit_numbers and short and not entries)
            ):
                rs = s0 + (bm.start("rest") if bm else len(line) - len(line.lstrip()))
                unnumbered.append((rs, e))
                gap = False
                continue
            break
        if implicit_numbers and unnumbered and not entries:
            for i, (s, e) in enumerate(unnumbered, start=1):
                t = text[s:e].replace("\u21a9", "").replace("\u2191", "").strip()
                add_def(str(i), t, s, s + len(text[s:e].rstrip()), "html-list")
            ref_spans.append((unnumbered[0][0], unnumbered[-1][1]))
            return
        for label, ts, te, es, conv in entries:
            body = " ".join(text[ts:te].split()).replace("\u21a9", "").strip()
            add_def(label, body, es, te, conv)
            ref_spans.append((es, te))
        for s, e in unnumbered:
            t = text[s:e].strip()
            url_m = _URLISH.search(t)
            url = url_m.group() if url_m else ""
            res.unnumbered.append(SourceEntry(t, s, e, url, url_domain(url) if url else ""))
            ref_spans.append((s, e))

    for m in _line_matches(_HEADING_LINE, text):
        head = " ".join(m.group("head").lower().split())
        if head in lex.section_headings and not covered(m.start()):
            ref_spans.append((m.start(), m.end()))
            parse_section(m.end() + 1, implicit_numbers=fmt == "html")

    # blocks the segmenter marked as references and that nothing above read
    for b in blocks:
        if b.region == REFERENCES and not covered(b.start):
            seg = text[b.start : b.end]
            if _ENTRY.match(seg):
                parse_section(b.start, implicit_numbers=False)
            ref_spans.append((b.start, b.end))

    ref_spans.sort()
    res.reference_spans = ref_spans
    in_refs = covered

    # 4. markers
    cands: list[_Cand] = []
    link_list = list(links)
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not mask.hit(s) and not in_refs(s) and not any(a < e and s < b for a, b in taken)

    def anchor_before(pos: int) -> int:
        i = pos - 1
        while i > 0 and not text[i].isalnum():
            i -= 1
        return max(i, 0)

    for m in _MD_FNREF.finditer(text):
        if free(m.start(), m.end()):
            label = m.group("label")
            num = str(int(label)) if label.isdigit() else label
            cands.append(
                _Cand(num, m.start(), m.end(), anchor_before(m.start()), True, "md-footnote")
            )
            taken.append((m.start(), m.end()))
    for m in _BRACKET.finditer(text):
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        after = text[e : e + 1]
        if after == "(" or (after == ":" and text[_line_bounds(text, s)[0] : s].strip() == ""):
            continue  # a Markdown link "[1](url)" or a definition "[1]: url"
        before = text[s - 1 : s] if s else ""
        if before == "]":
            # "[text][1]": a reference link when [text] is not itself a marker
            j = text.rfind("[", 0, s - 1)
            if (
                j >= 0
                and not re.fullmatch(r"\[\d{1,3}(?:[^\]]*)\]", text[j:s])
                and not text[j:s].startswith("[^")
            ):
                continue
        nums = _expand(m.group("body"))
        if not nums or any(int(n) == 0 for n in nums):
            continue
        conv = "bracket"
        if len(nums) == 1:
            cands.append(_Cand(nums[0], s, e, anchor_before(s), True, conv))
        elif "," in m.group("body") or ";" in m.group("body"):
            for dm in re.finditer(r"\d{1,3}", m.group("body")):
                ds, de = m.start("body") + dm.start(), m.start("body") + dm.end()
                sub = _expand(m.group("body"))  # ranges inside lists keep the group span
                if str(int(dm.group())) in sub:
                    cands.append(_Cand(str(int(dm.group())), ds, de, anchor_before(s), True, conv))
            listed = {c.number for c in cands if s <= c.start < e}
            for n in nums:
                if n not in listed:
                    cands.append(_Cand(n, s, e, anchor_before(s), True, conv))
        else:
            for n in nums:
                cands.append(_Cand(n, s, e, anchor_before(s), True, conv))
        taken.append((s, e))
    # links to footnote fragments: <a href="#fn1">1</a>
    for lk in link_list:
        fm = _FRAGMENT.match(lk.url.strip())
        if fm and free(lk.start, lk.end):
            anchor_txt = text[lk.start : lk.end]
            digits = re.search(r"\d{1,3}", anchor_txt)
            num = str(int(digits.group())) if digits else str(int(fm.group(1)))
            cands.append(
                _Cand(num, lk.start, lk.end, anchor_before(lk.start), True, "fragment-link")
            )
            taken.append((lk.start, lk.end))
    for m in _CARET.finditer(text):
        s, e = m.start(), m.end()
        prev = text[s - 1 : s]
        if not free(s, e) or prev.isdigit() or prev == ")":
            continue
        wm = re.search(r"(\w+)$", text[max(0, s - 30) : s])
        if wm and len(wm.group(1)) == 1:
            continue  # "x^2"
        cands.append(_Cand(str(int(m.group("num"))), s, e, anchor_before(s), True, "caret"))
        taken.append((s, e))
    for m in _SUPERSCRIPT.finditer(text):
        s, e = m.start(), m.end()
        if not free(s, e) or s == 0:
            continue
        wm = re.search(r"([^\W\d_]+)$", text[max(0, s - 20) : s])
        prev = text[s - 1]
        if prev.isdigit() or prev.isspace():
            continue
        if wm and (wm.group(1) in lex.units or wm.group(1).lower() in lex.units):
            continue  # "12 km²", "mc²"
        body = "".join(
            _SUP_MAP.get(c, "-" if c in _SUP_MINUS + "\u2013-" else ",") for c in m.group()
        )
        nums = _expand(body)
        # "²³": note 23 if there is one, else notes 2 and 3 when those exist
        nums = (
            [
                n
                if n in defs
                or len(n) == 1
                or list(n) != sorted(set(n))
                or "0" in n
                or not all(c in defs for c in n)
                else None
                for n in nums
            ]
            if defs
            else nums
        )
        if None in nums:
            nums = [
                x
                for n, raw in zip(nums, _expand(body), strict=True)
                for x in ([n] if n is not None else [str(int(c)) for c in raw])
            ]
        if not nums or any(int(n) == 0 for n in nums):
            continue
        for n in nums:
            cands.append(_Cand(n, s, e, anchor_before(s), True, "superscript"))
        taken.append((s, e))

    weak: list[_Cand] = []
    glued = [m for ls, le in _glued_number_lines(text) for m in _AFTER_PUNCT.finditer(text, ls, le)]
    for m in glued:
        s, e = m.start("num"), m.end()
        if not free(s, e):
            continue
        word, punct, q = m.group("word"), m.group("punct"), m.group("q")
        num = str(int(m.group("num")))
        if num == "0":
            continue
        if not punct and not q:
            # glued to the word: "the group1."
            follow = text[e : e + 1]
            title = word[:1].isupper() and word[1:].islower() and len(m.group("num")) <= 2
            if not ((word.islower() or title) and len(word) >= 3) or m.group("more"):
                continue
            if follow and not (follow.isspace() or follow in ".!?,;:'\"\u2019\u201d)"):
                continue
            if (word + m.group("num")).lower() in lex.glued_not_markers:
                continue
            start_word = m.start("word")
            if start_word > 0 and (
                text[start_word - 1].isalnum() or text[start_word - 1] in "-_/@#$"
            ):
                continue
            weak.append(_Cand(num, s, e, m.end("word") - 1, False, "glued-word"))
            continue
        if punct:
            wl = word.lower()
            if wl in lex.abbreviations or (
                len(word) == 1
                and word.isalpha()
                and (m.start("word") == 0 or text[m.start("word") - 1] != ".")
            ):
                continue
            if punct in ",;:" and not q:
                # "Smith,2 which": plausible, but "Chapter one:2" less so; need a space after
                if text[e : e + 1] not in (" ", "\n", "\t", ""):
                    continue
        if m.group("more"):
            nums = [num, *[str(int(x)) for x in m.group("more").split(",")]]
            for k, n in enumerate(nums):
                weak.append(
                    _Cand(n, s, e, m.start("num") - 1 - len(punct) - len(q), False, "glued-punct")
                )
                del k
        else:
            weak.append(
                _Cand(num, s, e, m.start("num") - 1 - len(punct) - len(q), False, "glued-punct")
            )
    for m in _YEAR_DOT.finditer(text) if _PUNCT_DIGIT.search(text) else ():
        s, e = m.start("num"), m.end("num")
        if free(s, e):
            weak.append(
                _Cand(str(int(m.group("num"))), s, e, m.end("year") - 1, False, "year-glued")
            )

    numeric_defs = [int(k) for k in defs if k.isdigit()]
    # numbered strong markers need evidence too: "[538]" in a piece with no notes is a name
    numbered_conv = ("bracket", "caret", "superscript")
    strong_nums = [int(c.number) for c in cands if c.convention in numbered_conv]
    if strong_nums:
        if numeric_defs:
            limit = max(numeric_defs) + 10
        else:
            limit = len(set(strong_nums)) + 10 if min(strong_nums) == 1 else 0
        cands = [c for c in cands if c.convention not in numbered_conv or int(c.number) <= limit]
    if weak:
        if numeric_defs:
            top = max(numeric_defs) + 3
            weak = [
                c
                for c in weak
                if 1 <= int(c.number) <= top and (c.convention != "year-glued" or c.number in defs)
            ]
        else:
            weak = [c for c in weak if c.convention != "year-glued"]
            first: list[int] = []
            for c in sorted(weak, key=lambda c: c.start):
                if int(c.number) not in first:
                    first.append(int(c.number))
            if not (len(first) >= 2 and first == list(range(1, len(first) + 1))):
                weak = []
        for c in weak:
            if not any(a < c.end and c.start < b for a, b in taken):
                cands.append(c)
    cands.sort(key=lambda c: (c.start, int(c.number) if c.number.isdigit() else 0))

    # 5. scope and sentences
    block_list = sorted(blocks, key=lambda b: b.start)
    block_starts = [b.start for b in block_list]
    sent_list = sorted(sentences or (), key=lambda s: s.start)
    sent_starts = [s.start for s in sent_list]

    def block_of(pos: int) -> Block | None:
        i = bisect.bisect_right(block_starts, pos) - 1
        if i >= 0 and block_list[i].start <= pos < max(block_list[i].end, block_list[i].start + 1):
            return block_list[i]
        return None

    def sentence_of(pos: int) -> Sentence | None:
        i = bisect.bisect_right(sent_starts, pos) - 1
        if i >= 0 and sent_list[i].start <= pos < max(sent_list[i].end, sent_list[i].start + 1):
            return sent_list[i]
        return None

    def simple_sentence(pos: int, blk: Block | None) -> tuple[int, int]:
        lo, hi = (blk.start, blk.end) if blk else _line_bounds(text, pos)
        s = lo
        for m in _SENT_END.finditer(text, lo, hi):
            if m.end() <= pos:
                s = m.end()
            else:
                return s, m.end() - len(m.group()) + len(m.group().rstrip())
        return s, hi

    boundary_ends = sorted(
        c.end
        for c in cands
        if re.match(r"\s+[A-Z\"'\u201c\u2018(]", text[c.end : c.end + 3])
        and re.search(rf"[.!?\u2026][{_CLOSERS_CLS}]*$", text[max(0, c.start - 4) : c.start])
    )
    for c in cands:
        blk = block_of(c.anchor) or block_of(c.start)
        sent = sentence_of(c.anchor) or sentence_of(c.start)
        if sent is not None:
            lo, hi = sent.start, max(sent.end, c.end)
            # a marker that ends a sentence the segmenter did not split ("...week.^2 The")
            for b_end in boundary_ends:
                if lo < b_end <= c.anchor:
                    lo = b_end
                elif c.end <= b_end < hi and b_end == c.end:
                    hi = b_end
            while lo < hi and text[lo].isspace():
                lo += 1
            sspan = (lo, hi)
        else:
            sspan = simple_sentence(c.anchor, blk)
            sspan = (sspan[0], max(sspan[1], c.end))
        span = Span(*sspan)
        if scope == "auto" and blk is not None:
            tail = text[c.end : blk.end]
            if not re.sub(rf"[\s.!?,;:{_CLOSERS_CLS}\[\]\d{_SUP_DIGITS}^]|\[\^[^\]]*\]", "", tail):
                span = Span(blk.start, blk.end)
        res.markers.append(
            FootnoteMarker(
                number=c.number,
                start=c.start,
                end=c.end,
                sentence=sent.index if sent else None,
                scope=span,
            )
        )
        res.conventions.setdefault(c.number, c.convention)

    for label, d in list(defs.items()):
        if not d.url:
            inner = next(
                (
                    lk
                    for lk in link_list
                    if d.start <= lk.start < d.end and not lk.url.startswith("#")
                ),
                None,
            )
            if inner is not None:
                defs[label] = FootnoteDefinition(
                    d.number, d.text, d.start, d.end, inner.url, url_domain(inner.url)
                )
    all_entries = [
        defs[d.number] if defs.get(d.number, d).start == d.start else d for d in all_entries
    ]
    res.definitions = defs
    res.definition_conventions = def_conv

    # 6. links: Markdown inline links in the text, reference links, loader links
    seen_link: set[int] = set()
    for m in _finditer(_MD_INLINE, text, "]("):
        url = m.group("url").strip()
        url = re.sub(r"\s+[\"'(].*[\"')]$", "", url).strip("<>")
        if _FRAGMENT.match(url) or (url.startswith("#") and m.group("label").strip().isdigit()):
            continue
        res.links.append(LinkRef(m.start("label"), m.end("label"), url, "inline"))
        seen_link.add(m.start("label"))
    used_labels: set[str] = set()
    for m in _finditer(_MD_REFLINK, text, "]["):
        if in_refs(m.start()):
            continue
        label = (m.group("label") or m.group("text")).strip()
        key = str(int(label)) if label.isdigit() else label.lower()
        if m.group("text").strip().isdigit() and key.isdigit():
            continue  # "[1][2]": two markers
        if key in refdefs:
            used_labels.add(key)
            res.links.append(
                LinkRef(m.start("text"), m.end("text"), refdefs[key], "reference", key)
            )
            seen_link.add(m.start("text"))
        elif not key.isdigit() and fmt == "markdown":
            res.issues.append(
                Issue(
                    BROKEN_LINK.name,
                    m.start(),
                    m.end(),
                    f"reference link [{label}] has no definition ('[{label}]: https://...')",
                )
            )
    # shortcut reference links "[label]" whose label is defined and non-numeric
    for key in refdefs:
        if key.isdigit():
            continue
        for m in re.finditer(r"(?<![\]\\])\[" + re.escape(key) + r"\](?![(\[:])", text, re.I):
            if not in_refs(m.start()):
                used_labels.add(key)
                res.links.append(
                    LinkRef(m.start() + 1, m.end() - 1, refdefs[key], "reference", key)
                )
                seen_link.add(m.start() + 1)
    for lk in link_list:
        if lk.start in seen_link or _FRAGMENT.match(lk.url.strip()):
            continue
        if any(a < lk.end and lk.start < b for a, b in taken):
            continue
        res.links.append(LinkRef(lk.start, lk.end, lk.url, "loader"))
        seen_link.add(lk.start)
    res.links.sort(key=lambda lk: lk.start)

    # 7. checks
    issues = res.issues
    cited: dict[str, list[FootnoteMarker]] = {}
    for mk in res.markers:
        cited.setdefault(mk.number, []).append(mk)
    # dangling
    for mk in res.markers:
        if mk.number not in defs:
            if mk.number not in res.dangling:
                res.dangling.append(mk.number)
            where = "no entry" if defs else "no source list or notes section"
            issues.append(
                Issue(
                    DANGLING.name,
                    mk.start,
                    mk.end,
                    f"note {mk.number} has {where}: add the entry or remove the marker",
                )
            )
    # unused (Markdown reference-link definitions count as used by their links)
    for label, d in defs.items():
        if label in cited or label in used_labels:
            continue
        if def_conv.get(label) == "md-reference" and not label.isdigit():
            res.unused.append(label)
            issues.append(
                Issue(UNUSED.name, d.start, d.end, f"link definition [{label}] is never used")
            )
            continue
        res.unused.append(label)
        issues.append(
            Issue(
                UNUSED.name,
                d.start,
                d.end,
                f"source {label} ({_short(d.text)}) is not cited by any marker",
            )
        )
    # duplicates
    for d in dupes:
        first = defs[d.number]
        issues.append(
            Issue(
                SEQUENCE.name,
                d.start,
                d.end,
                f"entry {d.number} is defined twice (also {_short(first.text)!r})",
            )
        )
    # order of first use, gaps (numbered conventions only; Markdown footnotes renumber)
    numbered = [
        mk
        for mk in res.markers
        if mk.number.isdigit() and res.conventions.get(mk.number) != "md-footnote"
    ]
    first_use: list[FootnoteMarker] = []
    seen_n: set[str] = set()
    for mk in numbered:
        if mk.number not in seen_n:
            seen_n.add(mk.number)
            first_use.append(mk)
    later = {int(mk.number) for mk in first_use}
    max_seen = 0
    pending: set[int] = set()
    for mk in first_use:
        n = int(mk.number)
        later.discard(n)
        if n < max_seen:
            issues.append(
                Issue(
                    SEQUENCE.name,
                    mk.start,
                    mk.end,
                    f"note {n} is first cited after note {max_seen}: "
                    "number notes in order of first citation",
                )
            )
        elif n > max_seen + 1:
            missing = [k for k in range(max_seen + 1, n) if k not in later and str(k) not in defs]
            if missing:
                what = _numlist(missing)
                issues.append(
                    Issue(
                        SEQUENCE.name,
                        mk.start,
                        mk.end,
                        f"note {n} follows note {max_seen or 'none'}: {what} never cited",
                    )
                )
        max_seen = max(max_seen, n)
        pending.discard(n)
    for mk_group in _same_group_duplicates(res.markers):
        issues.append(
            Issue(
                SEQUENCE.name,
                mk_group.start,
                mk_group.end,
                f"note {mk_group.number} is repeated in the same citation",
            )
        )
    # gaps in entry numbering not explained by a dangling marker
    if numeric_defs:
        nums = sorted(set(numeric_defs))
        for a, b in zip(nums, nums[1:], strict=False):
            if b > a + 1:
                missing = [k for k in range(a + 1, b) if str(k) not in cited]
                if missing:
                    d = defs[str(b)]
                    issues.append(
                        Issue(
                            SEQUENCE.name,
                            d.start,
                            d.end,
                            f"entries jump from {a} to {b}: no entry "
                            f"{_numlist(missing, bare=True)}",
                        )
                    )
    # malformed entries
    prev = False
    for d in sorted(all_entries, key=lambda d: d.start):
        if def_conv.get(d.number) == "md-reference" and d.start == defs.get(d.number, d).start:
            prev = True
            continue  # a reference-link definition is just a URL: checked as a link
        if not _recognisable(d.text, d.url, lex, prev):
            issues.append(
                Issue(
                    MALFORMED.name,
                    d.start,
                    d.end,
                    f"entry {d.number} ({_short(d.text) or 'empty'!r}) names no "
                    "source and gives no URL",
                )
            )
        prev = True
    for u in res.unnumbered:
        if not _recognisable(u.text, u.url, lex, True):
            issues.append(
                Issue(
                    MALFORMED.name,
                    u.start,
                    u.end,
                    f"source entry {_short(u.text)!r} names no source and gives no URL",
                )
            )
    # broken links
    for lk in res.links:
        problem = url_problem(lk.url)
        if problem:
            s, e = (lk.start, lk.end)
            issues.append(
                Issue(BROKEN_LINK.name, s, e, f"link to {_short(lk.url, 60)!r}: {problem}")
            )
    for d in all_entries:
        if d.url and not any(lk.url == d.url for lk in res.links):
            problem = url_problem(d.url)
            if problem:
                issues.append(
                    Issue(
                        BROKEN_LINK.name,
                        d.start,
                        d.end,
                        f"entry {d.number} URL {_short(d.url, 60)!r}: {problem}",
                    )
                )

    # uncited statements
    distinct = {mk.number for mk in res.markers}
    res.cites_with_notes = len(distinct) >= 2 or (len(distinct) == 1 and bool(defs))
    if res.cites_with_notes:
        issues.extend(_uncited(text, block_list, res, in_refs))
    issues.sort(key=lambda i: (i.start, i.rule))
    return res


def _same_group_duplicates(markers: list[FootnoteMarker]) -> list[FootnoteMarker]:
    out = []
    for a, b in zip(markers, markers[1:], strict=False):
        if a.number == b.number and (a.start == b.start or 0 <= b.start - a.end <= 1):
            out.append(b)
    return out


def _numlist(nums: list[int], bare: bool = False) -> str:
    s = ", ".join(str(n) for n in nums)
    if bare:
        return s
    return f"note {s} is" if len(nums) == 1 else f"notes {s} are"


def _short(s: str, n: int = 40) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


_MIN_STATEMENT_WORDS = 8


def _uncited(text: str, blocks: list[Block], res: FootnoteParse, in_refs: Any) -> list[Issue]:
    """Bullets/paragraphs without a note or link in sections where most of them have one."""
    marker_pos = [(mk.start, mk.scope) for mk in res.markers]
    link_pos = [lk.start for lk in res.links if lk.kind != "definition"]
    sections: list[list[Block]] = [[]]
    for b in blocks:
        if b.region == HEADING or b.region == REFERENCES or in_refs(b.start):
            if sections[-1]:
                sections.append([])
            continue
        if b.region != BODY:
            continue
        seg = text[b.start : b.end]
        if len(_WORDS.findall(seg)) < _MIN_STATEMENT_WORDS or seg.rstrip().endswith("?"):
            continue
        sections[-1].append(b)
    out: list[Issue] = []
    for sec in sections:
        if len(sec) < 2:
            continue
        flags = []
        for b in sec:
            has = any(
                b.start <= p < b.end or (sc is not None and sc.start < b.end and b.start < sc.end)
                for p, sc in marker_pos
            ) or any(b.start <= p < b.end for p in link_pos)
            flags.append(has)
        if sum(flags) * 2 < len(sec) or sum(flags) == 0:
            continue
        for b, has in zip(sec, flags, strict=True):
            if not has:
                what = "bullet" if b.bullet else "paragraph"
                first = text[b.start : b.end].split("\n", 1)[0]
                e = b.start + len(first.rstrip())
                out.append(
                    Issue(
                        UNCITED.name,
                        b.start,
                        e,
                        f"this {what} has no note while the others in its section do",
                    )
                )
    return out


# -------------------------------------------------------------------- the step



def _entry_mention(
    doc: Document,
    lex: Lexicon,
    entry: FootnoteDefinition | SourceEntry,
    name: str,
    cue: str,
    domain: str,
    footnote: int | None = None,
) -> SourceMention:
    """The source mention of one entry of the article's source list."""
    s = doc.sentence_at(entry.start)
    return SourceMention(
        name=name,
        kind=guess_kind(name, entry.url, lex),
        start=entry.start,
        end=entry.end,
        sentence=s.index if s else None,
        cue=cue,
        footnote=footnote,
        url=entry.url,
        domain=domain,
    )


def run(analysis: Analysis) -> None:
    """Fill ``analysis.footnotes``, ``sentence_footnotes`` and ``sources``; report findings."""
    doc = analysis.doc
    scope = getattr(analysis.config, "footnote_scope", "auto") or "auto"
    lex = lexicon(analysis.config)
    res = parse_footnotes(
        doc.text,
        doc.blocks,
        sentences=doc.sentences,
        links=doc.links,
        fmt=doc.format,
        scope=scope,
        lex=lex,
    )
    analysis.footnotes = res.to_footnotes()
    sents = doc.sentences
    starts = [s.start for s in sents]

    for mk in res.markers:
        sc = mk.scope or Span(mk.start, mk.end)
        i = max(0, bisect.bisect_right(starts, sc.start) - 1)
        while i < len(sents) and sents[i].start < sc.end:
            s = sents[i]
            if s.end > sc.start and mk.number not in analysis.sentence_footnotes[s.index]:
                analysis.sentence_footnotes[s.index].append(mk.number)
            i += 1
        if mk.sentence is not None and mk.number not in analysis.sentence_footnotes[mk.sentence]:
            analysis.sentence_footnotes[mk.sentence].append(mk.number)

    for label, d in res.definitions.items():
        if res.definition_conventions.get(label) == "md-reference" and not label.isdigit():
            continue  # "[label]: url" is a link target; its uses are recorded as links
        name = clean_source_name(d.text, d.url, lex)
        if not name or not _recognisable(d.text, d.url, lex, True):
            continue
        footnote = int(label) if label.isdigit() else None
        domain = d.domain or _outlet_domain(name, lex)
        analysis.sources.append(_entry_mention(doc, lex, d, name, "footnote", domain, footnote))
    for u in res.unnumbered:
        name = clean_source_name(u.text, u.url, lex)
        if name:
            analysis.sources.append(_entry_mention(doc, lex, u, name, "source list", u.domain))
    for lk in res.links:
        if lk.kind == "definition" or any(a <= lk.start < b for a, b in res.reference_spans):
            continue
        domain = url_domain(lk.url)
        if not domain:
            continue  # relative links and fragments name no source
        s = doc.sentence_at(lk.start)
        name = lex.domain_names.get(domain, domain)
        analysis.sources.append(
            SourceMention(
                name=name,
                kind=guess_kind(name if domain in lex.domain_names else "", lk.url, lex),
                start=lk.start,
                end=lk.end,
                sentence=s.index if s else None,
                cue="link",
                url=lk.url,
                domain=domain,
            )
        )

    for issue in res.issues:
        analysis.report(issue.rule, issue.start, issue.end, issue.message)


def _outlet_domain(name: str, lex: Lexicon) -> str:
    """The registrable domain of a well-known outlet named without a URL ("CNN" -> cnn.com)."""
    canonical = lex.outlet_names_lower.get(name.lower())
    dom = lex.outlets.get(canonical, "") if canonical else ""
    return _registrable(dom, lex.suffixes) if dom else ""
