"""Citations that name a source without a reporting verb.

- author-year citations in parentheses: "(Lund 2019)", "(Lund and Berg, 2021)", "(Lund et al.
  2020; Okafor 2018)": each names a cited work (a document) and attributes the sentence up
  to it;
- "as set out in a ... report", "as described in the ... commentary": the document after
  "in" is the source of the clause before.

- a heading that names who speaks in the quotation paragraphs below it, as press releases
  write it ("Statement from Ann Lee:", "Remarks by the Mayor:"): the speaker is the source of
  those paragraphs.

All give relations of kind "citation" with an information source (the document kind for the
first two); :func:`citation_relations` finds them in sentences no relation has used yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from checker.core.analysis import DOCUMENT
from checker.core.regexlit import lazy_compile
from rules.attribution.doc import Extracted, TokenDoc, tok_index
from rules.attribution.sources import classify

_NAME = r"[A-Z][\w'’-]+"
_AUTHORS = rf"{_NAME}(?:\s+(?:et\s+al\.?|(?:and|&)\s+{_NAME}))?"
_ONE = rf"{_AUTHORS},?\s+(?:19|20)\d\d[a-z]?"
_AUTHOR_YEAR = rf"\((?:see\s+)?({_ONE}(?:\s*;\s*{_ONE})*)\)"
_AS_IN = (
    r"\bas\s+(?:(?:mapped|set|laid|spelled|spelt)\s+out|outlined|described|detailed|"
    r"documented|explained|shown|reported|noted|argued|stated|proposed|recommended)\s+in\s+"
    r"((?:an?|the|this|that|his|her|their|its)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:report|commentary|study|paper|article|review|analysis|survey|memo|letter|"
    r"statement|essay|editorial|column|book|blog\s+post|op-ed|assessment|audit|filing|"
    r"ruling|judgment|judgement|white\s+paper))\b"
)


# "Statement from Ann Lee:" alone on its line, a quotation paragraph next
_HEADING = (r"(?m)^[ \t]*(?:(?:A|The)\s+)?(?:Joint\s+)?(?:[Ss]tatement|[Rr]emarks|[Cc]omments?|"
            r"[Qq]uotes?|[Mm]essage)\s+(?:from|by|of)\s+([A-Z][^\n:]{2,80}?)[ \t]*:[ \t]*\n")
_QUOTE_OPEN = ("“", '"', "‘", "'")


@lru_cache(maxsize=1)
def _heading_pattern() -> re.Pattern[str]:
    """The speaker heading of :data:`_HEADING`, compiled on first use."""
    return lazy_compile(_HEADING)


def heading_relations(d: TokenDoc) -> list[Extracted]:
    """Relations of a speaker heading ("Statement from Ann Lee:") over the quotation
    paragraphs right below it."""
    out: list[Extracted] = []
    text = d.text
    if "tatement" not in text and "emarks" not in text and "omment" not in text \
            and "uote" not in text and "essage" not in text:
        return out
    for m in _heading_pattern().finditer(text):
        k = tok_index(d, m.start(1))
        if k >= len(d.toks) or d.used[k]:
            continue
        content = _quoted_paragraphs(text, m.end())
        if not content:
            continue
        kind, name, role = classify(m.group(1), d.lex)
        out.append(Extracted(
            source=(m.start(1), m.end(1)), cue=(m.end(1), m.end(1) + 1), content=content,
            source_text=m.group(1), source_name=name, source_kind=kind, role=role,
            direct=True, cue_text=":", kind="citation"))
    return out


def _quoted_paragraphs(text: str, at: int) -> list[tuple[int, int]]:
    """Spans of the paragraphs from offset ``at`` on that open with a quotation mark (blank
    lines between them are skipped), up to the first paragraph that does not."""
    spans: list[tuple[int, int]] = []
    pos = at
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        if pos >= len(text) or not text.startswith(_QUOTE_OPEN, pos):
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        spans.append((pos, end))
        pos = end
    return spans


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(author-year group, one author-year, "as set out in"), each compiled on first use (a
    text without parentheses never compiles the first two)."""
    return lazy_compile(_AUTHOR_YEAR), lazy_compile(_ONE), lazy_compile(_AS_IN, re.IGNORECASE)


def citation_relations(d: TokenDoc) -> list[Extracted]:
    """Relations of author-year citations, "as set out in a report", "in a statement from
    <body>" and "data compiled by <body> show" phrases, in sentences whose tokens no
    relation has used."""
    out = _data_by(d) + _claims_from(d)
    text = d.text
    if "(" not in text and " in " not in text:
        return out
    author_year, one, as_in = _patterns()
    for m in author_year.finditer(text) if "(" in text else ():
        for part in one.finditer(text, m.start(1), m.end(1)):
            rec = _relation(d, part.start(), part.end(), m.start(), m.end(),
                            content_end=m.start())
            if rec is not None:  # one cited work per part: "(Lund 2019; Berg 2020)"
                rec.source_name = re.sub(r"\s+", " ", part.group())
                out.append(rec)
    for m in _matches_from(as_in, text, _AS_KEYS):
        rec = _relation(d, m.start(1), m.end(1), m.start(), m.start(1), content_end=m.start())
        if rec is not None:
            out.append(rec)
    out.extend(_issued_by(d))
    return out


# "Data compiled by Bloomberg show ...", "Figures released by the ministry suggest ...": the
# body that compiled the data is the source of what follows the verb
_DATA_BY = (r"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Nn]umbers|[Rr]ecords|[Ee]stimates)"
            r"(?:[ \t]+and[ \t]+[a-z]+)?[ \t]+(?:provided|compiled|released|published|"
            r"gathered|collected|analy[sz]ed)[ \t]+by[ \t]+"
            r"((?:the[ \t]+)?[A-Z][\w’'&-]*(?:[ \t]+(?:of|for|and|the|[A-Z][\w’'&-]*))*)"
            r"[ \t]+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|"
            r"indicated|illustrate|illustrates|illustrated|reveal|reveals|revealed)\b")


def _data_by(d: TokenDoc) -> list[Extracted]:
    """Relations of "Data compiled by <body> show ...": the body is the source of the rest
    of the sentence."""
    out: list[Extracted] = []
    text = d.text
    if "ed by " not in text and "ered by " not in text:
        return out  # (no participle before "by": a cheap test that spares most texts)
    for m in _matches_from(_data_pattern(), text, _DATA_KEYS):
        k = tok_index(d, m.start(1))
        if k >= len(d.toks) or d.toks[k].sent < 0 or d.used[k]:
            continue
        s_end = d.sents[d.toks[k].sent][1]
        after = text[m.end():s_end].strip()
        if len(after.split()) < 3:
            continue
        a = m.end() + text[m.end():s_end].index(after[0])
        kind, name, role = classify(m.group(1), d.lex)
        verb = m.group().rsplit(None, 1)[1]
        out.append(Extracted(
            source=(m.start(1), m.end(1)), cue=(m.end() - len(verb), m.end()),
            content=[(a, a + len(after.rstrip(".")))], source_text=m.group(1),
            source_name=name, source_kind=kind, role=role, cue_text=verb, kind="citation"))
    return out


# "comments from chief executive Ann Lee that losses would grow" (the noun capitalised too,
# opening a sentence): a nominal report whose that-clause is the speaker's
_CLAIMS_FROM = (r"\b(?:[Cc]omments?|[Rr]emarks?|[Ww]arnings?|[Cc]laims?|[Aa]ssurances?|"
                r"[Pp]redictions?|[Ss]tatements?|[Ss]uggestions?|[Aa]llegations?|[Pp]romises?|"
                r"[Aa]dmissions?)[ \t]+"
                r"(?:from|by)[ \t]+((?:[a-z-]+[ \t]+){0,3}?(?:[A-Z][\w’'.-]*[ \t]+){0,3}"
                r"[A-Z][\w’'-]*)[ \t]+that\b")


_CLAIM_STEMS = ("comment", "remark", "warning", "claim", "assurance", "prediction", "statement",
                "suggestion", "allegation", "promise", "admission")
# the strings that every match of :data:`_CLAIMS_FROM`, of :data:`_DATA_BY` and of
# :data:`_AS_IN` starts with (the last ignores case: "s" matches "S" and "ſ" too)
_AS_KEYS = tuple(a + s for a in "aA" for s in "sSſ")
_CLAIM_KEYS = tuple(w for noun in _CLAIM_STEMS for w in (noun, noun.capitalize()))
_DATA_KEYS = tuple(w for noun in ("data", "figures", "statistics", "numbers", "records",
                                  "estimates") for w in (noun, noun.capitalize()))


def _matches_from(pattern: re.Pattern[str], text: str, keys: Iterable[str]
                  ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts with one of
    ``keys``: the pattern is tried only where a key starts (found with ``str.find``, far
    faster than the regex engine trying a pattern that opens with ``\\b`` and character
    classes at every offset), left to right, from the end of the last match on."""
    starts: set[int] = set()
    for key in keys:
        i = text.find(key)
        while i >= 0:
            starts.add(i)
            i = text.find(key, i + 1)
    end = 0
    for i in sorted(starts):
        if i >= end and (m := pattern.match(text, i)) is not None:
            end = m.end()
            yield m


def _claims_from(d: TokenDoc) -> list[Extracted]:
    """Relations of "comments from <speaker> that <clause>": the speaker is the source of
    the clause (up to the next comma or the sentence end)."""
    out: list[Extracted] = []
    text = d.text
    if " that " not in text:
        return out
    for m in _matches_from(_claims_pattern(), text, _CLAIM_KEYS):
        k = tok_index(d, m.start(1))
        if k >= len(d.toks) or d.toks[k].sent < 0:
            continue  # (the clause may sit in another relation's content: it is still hers)
        s_end = d.sents[d.toks[k].sent][1]
        clause = re.split(r"[,;]", text[m.end():s_end], maxsplit=1)[0].rstrip(" .")
        if len(clause.split()) < 3:
            continue
        kind, name, role = classify(m.group(1), d.lex)
        out.append(Extracted(
            source=(m.start(1), m.end(1)), cue=(m.start(), m.start(1)),
            content=[(m.end() + 1, m.end() + len(clause))], source_text=m.group(1),
            source_name=name, source_kind=kind, role=role,
            cue_text=text[m.start():m.start(1)].strip(), kind="citation"))
    return out


@lru_cache(maxsize=1)
def _claims_pattern() -> re.Pattern[str]:
    """:data:`_CLAIMS_FROM`, compiled on first use."""
    return lazy_compile(_CLAIMS_FROM)


@lru_cache(maxsize=1)
def _data_pattern() -> re.Pattern[str]:
    """:data:`_DATA_BY`, compiled on first use."""
    return lazy_compile(_DATA_BY)


# "(was announced) in a statement from the health district": who issued the document
# ("in" not preceded by a word character, as ``\bin``, but written so that the regex engine
# looks for its matches where "in" occurs only)
_ISSUED = (r"in(?<!\win)\s+(?:a|an|the|its|their|a\s+joint)\s+(?:[a-z-]+\s+)?"
           r"(?:statement|report|release|letter|filing|memo|notice|bulletin|update)\s+"
           r"(?:from|by|issued\s+by|released\s+by)\s+"
           r"((?:the[ \t]+)?[A-Z][\w’'&-]*(?:[ \t]+(?:of|for|and|the|[A-Z][\w’'&-]*))*)")
_CONJUNCT = re.compile(r"\s+and\s+(?=(?:the\s+)?[A-Z])")


def _issued_by(d: TokenDoc) -> list[Extracted]:
    """Relations of "in a statement from <body>" in a sentence no relation has used: each
    body named (split at "and") is a source of the sentence up to the phrase."""
    out: list[Extracted] = []
    text = d.text
    if " in " not in text:
        return out
    for m in _issued_pattern().finditer(text):
        names = m.group(1).rstrip()
        while names.split()[-1] in ("of", "for", "and", "the"):
            names = names.rsplit(None, 1)[0]
        at = m.start(1)
        for part in _CONJUNCT.split(names):
            a = text.index(part, at)
            cue_end = m.start() + len(text[m.start():m.start(1)].rstrip())
            # (a sourceless cue, "was reported on Friday in", may have used the tokens)
            rec = _relation(d, a, a + len(part), m.start(), cue_end, content_end=m.start(),
                            check_used=False)
            at = a + len(part)
            if rec is not None:
                kind, name, role = classify(part, d.lex)
                rec.source_kind, rec.source_name, rec.role = kind, name, role
                out.append(rec)
    return out


@lru_cache(maxsize=1)
def _issued_pattern() -> re.Pattern[str]:
    """:data:`_ISSUED`, compiled on first use."""
    return lazy_compile(_ISSUED)


def _relation(d: TokenDoc, src_a: int, src_b: int, cue_a: int, cue_b: int,
              content_end: int, check_used: bool = True) -> Extracted | None:
    """A citation relation: the source span, its cue, and the sentence up to the cue; None
    when (``check_used``) a relation has used the cue's first token."""
    k = tok_index(d, cue_a)
    if k >= len(d.toks) or (check_used and d.used[k]) or d.toks[k].sent < 0:
        return None
    s_start = d.sents[d.toks[k].sent][0]
    body = d.text[s_start:content_end].rstrip(" ,;")
    if len(body.split()) < 3:
        return None
    return Extracted(
        source=(src_a, src_b), cue=(cue_a, cue_b), content=[(s_start, s_start + len(body))],
        source_text=d.text[src_a:src_b], source_name=d.text[src_a:src_b],
        source_kind=DOCUMENT, cue_text=d.text[cue_a:cue_b], kind="citation",
    )
