"""Who an entry or link cites: source names, kinds, and the SourceMention records.

``clean_source_name`` cuts an entry down to its source's name ("Reuters" from
'Reuters, "Talks begin", 12 May, https://...'), ``guess_kind`` says whether that is an
outlet, organisation, document or person, ``recognisable`` whether an entry names a source
at all (not "TK" or "link"), and ``source_mentions`` builds the mentions of the numbered
entries, unnumbered source-list entries and links of one document.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from checker.core.analysis import (
    DOCUMENT,
    ORGANISATION,
    OUTLET,
    PERSON,
    FootnoteDefinition,
    SourceMention,
)
from checker.core.document import BOILERPLATE, BYLINE, CAPTION, HEADING
from checker.core.regexlit import lazy_compile
from checker.reference.domains import registrable, url_domain
from rules.footnotes.lexicon import Lexicon, lexicon
from rules.footnotes.links import LOOKS_LIKE_DOMAIN
from rules.footnotes.records import FootnoteParse, SourceEntry
from rules.footnotes.scan import BROKEN_URLISH, URLISH, WORDS, Taken, is_note_number

if TYPE_CHECKING:
    from checker.core.document import Document

_NAME_CUT = lazy_compile(r"\s+[\u2013\u2014\-|]\s+|[,:;(\[]|\s+[\"\u201c\u2018]|\s+'|\.\s|\.$")
_GENERIC = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday the a an of on in at by and or with from to for press release "
    "interview statement source sources link note see accessed retrieved available online "
    "news article page website site web post ibid".split()
)


# ------------------------------------------------------------------- names


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
    words = set(WORDS.findall(low)) if low != domain else set()
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


@lru_cache(maxsize=8)
def _by_length(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words``, longest first."""
    return tuple(sorted(words, key=len, reverse=True))


def clean_source_name(entry: str, url: str = "", lex: Lexicon | None = None) -> str:
    """The source's name from an entry: 'Associated Press', 'Reuters' from
    'Reuters, "Talks begin", 12 May, https://...', the outlet for a bare URL."""
    lex = lex or lexicon()
    s = BROKEN_URLISH.sub(" ", URLISH.sub(" ", entry))
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
    return _without_document_words(name, lex)


def _without_document_words(name: str, lex: Lexicon) -> str:
    """"Lowland Farmers Union statement" -> "Lowland Farmers Union" (lowercase document
    words at the end are not part of a name; a possessive "'s" goes with them)."""
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
            return name
        name = re.sub(r"['\u2019]s$", "", name[: -len(cut) - 1].rstrip(" ,")).rstrip()


def recognisable(entry: str, url: str, lex: Lexicon, has_previous: bool) -> bool:
    """Whether an entry names a source or gives a URL (not "TK", "link", "Press release,
    3 April"); "Ibid." only counts after another entry (``has_previous``)."""
    if (
        url
        or URLISH.search(entry)
        or BROKEN_URLISH.search(entry)
        or LOOKS_LIKE_DOMAIN.search(entry.strip().lower())
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
    words = WORDS.findall(s)
    named = [w for w in words if w[:1].isupper() and w.lower() not in generic]
    described = [w for w in words if w.lower() not in generic and not w.isdigit()]
    return bool(named) or len(described) >= 3


# ---------------------------------------------------------------- mentions


def source_mentions(doc: Document, res: FootnoteParse, lex: Lexicon) -> list[SourceMention]:
    """The sources a document cites through its entries and links, in this order: numbered
    entries, unnumbered source-list entries, links outside the reference sections."""
    mentions: list[SourceMention] = []
    for label, d in res.footnotes.definitions.items():
        if res.definition_conventions.get(label) == "md-reference" and not is_note_number(label):
            continue  # "[label]: url" is a link target; its uses are recorded as links
        name = clean_source_name(d.text, d.url, lex)
        if not name or not recognisable(d.text, d.url, lex, True):
            continue
        footnote = int(label) if is_note_number(label) else None
        domain = d.domain or _outlet_domain(name, lex)
        mentions.append(_entry_mention(doc, lex, d, name, "footnote", domain, footnote))
    for u in res.unnumbered:
        name = clean_source_name(u.text, u.url, lex)
        if name:
            mentions.append(_entry_mention(doc, lex, u, name, "source list", u.domain))
    mentions.extend(_link_mentions(doc, res, lex))
    return mentions


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


# the regions that are not analysed and cite nothing: a link in a headline, a byline, a
# caption's credit or the page's chrome ("Read more: <link>", a share button) is navigation
_UNCITED_REGIONS = frozenset({HEADING, BYLINE, CAPTION, BOILERPLATE})


def _link_mentions(doc: Document, res: FootnoteParse, lex: Lexicon) -> list[SourceMention]:
    """A mention per absolute link outside the reference sections and the text's
    non-analysed blocks (:data:`_UNCITED_REGIONS`), named by its outlet (or its domain)."""
    mentions: list[SourceMention] = []
    in_references = Taken()
    for span in sorted(res.reference_spans):
        in_references.append(span)
    for lk in res.links:
        if lk.kind == "definition" or in_references.overlaps(lk.start, lk.start + 1):
            continue
        domain = link_domain(lk.url, lex)
        if not domain:
            continue  # relative links, fragments and anyone's short links name no source
        s = doc.sentence_at(lk.start)
        if s is not None and s.region in _UNCITED_REGIONS:
            continue
        name = lex.domain_names.get(domain, domain)
        mentions.append(
            SourceMention(
                name=name,
                kind=guess_kind(name if domain in lex.domain_names else "",
                                lk.url if domain == url_domain(lk.url) else f"https://{domain}/",
                                lex),
                start=lk.start,
                end=lk.end,
                sentence=s.index if s else None,
                cue="link",
                url=lk.url,
                domain=domain,
            )
        )
    return mentions


def link_domain(url: str, lex: Lexicon) -> str:
    """The registrable domain a link cites: an outlet's own short link stands for the
    outlet's domain (``nyti.ms/..`` -> ``nytimes.com``); a link through anyone's shortener
    (``bit.ly``, ``t.co``...) hides its target and names no source (""), nor does a relative
    link or a fragment."""
    domain = url_domain(url)
    if domain in lex.generic_shorteners:
        return ""
    return lex.outlet_shorteners.get(domain, domain)


def _outlet_domain(name: str, lex: Lexicon) -> str:
    """The registrable domain of a well-known outlet named without a URL ("CNN" -> cnn.com)."""
    canonical = lex.outlet_names_lower.get(name.lower())
    dom = lex.outlets.get(canonical, "") if canonical else ""
    return registrable(dom, lex.suffixes) if dom else ""
