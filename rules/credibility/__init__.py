"""Source credibility: resolve who is cited to a domain and rate it (family ``credibility``).

Runs last. Every source mention recorded by earlier families (footnote entries,
links, attributions) that names an outlet, organisation or document, or carries a
URL, is resolved to a registrable domain through the alias table
``checker/reference/outlets.json`` (extensible with ``[tool.checker.lexicon.credibility]``,
keys are domains and values lists of names), and rated from the rating sets that
``checker.ratings`` loads (data files, never code). Outlets that the earlier
families missed but that the body text plainly cites ("..., the broadcaster X
reported") are added as mentions with cue ``named``.

Rules:
- ``CRD001 low-credibility-source``: a claim rests on a source rated low or deprecated.
- ``CRD002 single-source``: the article's sourced factual claims all rest on one source.

Metrics (copied into summary.csv by the scorer): ``mean_credibility``,
``min_credibility``, ``rated_sources``, ``unrated_sources``,
``low_credibility_sources``, ``distinct_named_sources``, ``anonymous_source_share``,
``rating_sets``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import fmean
from typing import Any

from checker.core.analysis import (
    ANONYMOUS,
    DOCUMENT,
    ORGANISATION,
    OUTLET,
    PERSON,
    Analysis,
    SourceMention,
)
from checker.core.datafiles import load_data
from checker.core.document import BODY, REFERENCES
from checker.core.rule import Rule, register
from checker.ratings import (
    LOW_LABELS,
    OUTLETS_PATH,
    UNRATED,
    Rating,
    RatingSets,
    host_of,
    load_ratings,
    normalise_name,
    registrable_domain,
)

FAMILY = "credibility"

LOW_CREDIBILITY = register(
    Rule(
        id="CRD001",
        name="low-credibility-source",
        family=FAMILY,
        severity="warning",
        summary="A claim rests on a source that rating sets list as low-credibility or "
        "deprecated.",
        rationale="Readers extend the trust they have in the article to whatever it cites. "
        "When a statement of fact is carried only by an outlet that independent reviewers "
        "rate as unreliable or deprecated (for publishing fabrications, propaganda or "
        "uncorrected errors), the article launders that outlet's claim. Corroborate it with "
        "a better-rated source, or present it explicitly as that outlet's claim.",
        bad="A fuel depot near the border was struck overnight, according to the Daily "
        "Example, a site that rating sets list as deprecated.",
        good="A fuel depot near the border was struck overnight, the regional governor's "
        "office said and two wire agencies confirmed from satellite images.",
    )
)
SINGLE_SOURCE = register(
    Rule(
        id="CRD002",
        name="single-source",
        family=FAMILY,
        severity="suggestion",
        summary="Every sourced factual claim in the article rests on the same single source.",
        rationale="A story told by one source has no cross-check: one error, one interest or "
        "one misquotation carries straight through to the reader. Standards desks ask for "
        "at least one independent source on contested facts.",
        bad="The mill will close in March, the company said. About 400 jobs will go, the "
        "company said. Production moves abroad next year, the company added.",
        good="The mill will close in March, the company said. The union confirmed that "
        "about 400 jobs will go, and customs filings show production moving abroad.",
    )
)

_RATABLE_KINDS = frozenset({OUTLET, ORGANISATION, DOCUMENT})
_DOMAIN_IN_NAME = re.compile(
    r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+[a-z]{2,24})(?![\w-])", re.I
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_FOOTNOTE_NUM = re.compile(r"(\d{1,3})\s*$")


# --------------------------------------------------------------------------- alias table


@dataclass(frozen=True)
class OutletTable:
    """Names -> domains, compiled once per configuration."""

    by_key: dict[str, str]  # normalised unambiguous name -> domain
    exact: dict[str, str]  # ambiguous names, case-sensitive -> domain (names only)
    names: dict[str, str]  # every name as written -> domain
    also: dict[str, tuple[str, ...]]  # domain -> other domains of the same publisher
    scan: re.Pattern[str] | None  # outlet names looked for in running text
    inner: re.Pattern[str] | None  # every unambiguous name, looked for inside source names
    cues: frozenset[str]
    preceders: frozenset[str]
    followers: frozenset[str]

    def domains_of(self, domain: str) -> tuple[str, ...]:
        return (domain, *self.also.get(domain, ()))


@lru_cache(maxsize=1)
def _raw_outlets() -> dict[str, Any]:
    data: dict[str, Any] = load_data(OUTLETS_PATH, "checker-outlets")
    return data


@lru_cache(maxsize=16)
def _table(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> OutletTable:
    data = _raw_outlets()
    outlets: dict[str, list[str]] = {d: list(v) for d, v in data["outlets"].items()}
    for dom, names in extra:
        key = dom.strip().lower()
        outlets.setdefault(key, []).extend(names)
    ambiguous = set(data["names_only"])
    organisations = set(data["organisations"])
    by_key: dict[str, str] = {}
    exact: dict[str, str] = {}
    names: dict[str, str] = {}
    scanned: list[str] = []
    inner: list[str] = []
    for dom, alias_list in outlets.items():
        for name in alias_list:
            names[name] = dom
            if name in ambiguous:
                exact[name] = dom
                continue
            by_key.setdefault(normalise_name(name), dom)
            inner.append(name)
            if dom not in organisations:
                scanned.append(name)
    bounds = r"(?<![\w@/.-]){}(?![\w-]|\.\w)"
    scan = re.compile(bounds.format(_trie_pattern(scanned))) if scanned else None
    return OutletTable(
        by_key=by_key,
        exact=exact,
        names=names,
        also={d: tuple(v) for d, v in data["also"].items()},
        scan=scan,
        inner=re.compile(bounds.format(_trie_pattern(inner))) if inner else None,
        cues=frozenset(c.lower() for c in data["citation_cues"]),
        preceders=frozenset(data["name_preceders_allowed"]),
        followers=frozenset(data["name_followers_allowed"]),
    )


def _trie_pattern(words: list[str]) -> str:
    """One regex for many literal names, factorised by common prefixes (fast to match);
    the longest name wins where one is a prefix of another."""
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie) + ")"


def outlet_table(config: Any = None) -> OutletTable:
    """The alias table, extended by ``[tool.checker.lexicon.credibility]`` if configured."""
    extra: dict[str, list[str]] = {}
    if config is not None:
        extra = (getattr(config, "lexicon", {}) or {}).get(FAMILY, {}) or {}
    return _table(tuple(sorted((k, tuple(v)) for k, v in extra.items())))


def resolve_name(name: str, kind: str = OUTLET, table: OutletTable | None = None) -> str:
    """Domain of a cited outlet or organisation name ("" when unknown).

    Unambiguous aliases match case-insensitively (without "the", possessives or
    punctuation); ambiguous ones ("Reason", "Time", "Fox") only as the whole name,
    case-sensitively, when the mention was classified as an outlet; a name that
    contains a domain ("Reason.com") resolves to that domain's registrable domain.
    """
    t = table or outlet_table()
    clean = re.sub(r"[\u2019']s$", "", name.strip().strip(".,;:"))
    dom = t.by_key.get(normalise_name(clean))
    if dom:
        return dom
    if kind == OUTLET:
        bare = clean[4:] if clean.startswith(("The ", "the ")) else clean
        dom = t.exact.get(clean) or t.exact.get(bare)
        if dom:
            return dom
    m = _DOMAIN_IN_NAME.search(clean)
    if m and "." in m.group(1) and not m.group(1)[0].isdigit():
        host = host_of(m.group(1))
        if host and _looks_like_tld(host):
            known = t.by_key.get(normalise_name(host))
            return known or registrable_domain(host)
    if kind in _RATABLE_KINDS and t.inner is not None:
        # "a report by Human Rights Watch", "the editorial board of the Washington Post"
        hit = t.inner.search(clean)
        if hit:
            return t.names[hit.group(0)]
    return ""


_TLDS = frozenset(
    "com org net edu gov mil int info biz news tv io co me ly uk us ca au nz ie de fr es it nl "
    "be ch at se no dk fi pl cz ru ua tr il ir iq sy lb jo sa ae qa kw bh om eg ma tn dz ly in "
    "pk bd lk np cn hk tw jp kr sg my id ph th vn za ng ke gh br ar mx cl co pe ve eu ps am az "
    "ge kz uz af media press online site today report global world".split()
)


def _looks_like_tld(host: str) -> bool:
    return host.rsplit(".", 1)[-1] in _TLDS


# --------------------------------------------------------------------------- text scan


def _context_ok(text: str, start: int, end: int, table: OutletTable) -> bool:
    """False when the match is part of a longer proper name ("Animal Politico",
    "Michael Bloomberg", "Bloomberg Philanthropies")."""
    before = text[max(0, start - 40) : start]
    m = re.search(r"([A-Z][\w.'-]*)\s+$", before)
    if m and m.group(1) not in table.preceders and not before.rstrip().endswith((",", ":")):
        return False
    after = text[end : end + 40]
    m = re.match(r"\s+([A-Z][\w'-]*)", after)
    return not (m and m.group(1) not in table.followers)


def scan_outlets(
    analysis: Analysis, table: OutletTable, taken: list[tuple[int, int]]
) -> list[SourceMention]:
    """Outlets named in citing sentences (body) or listed in source lists (references)
    that no earlier family recorded."""
    if table.scan is None:
        return []
    doc = analysis.doc
    text = doc.text
    found: list[SourceMention] = []
    for s in doc.sentences:
        if s.region not in (BODY, REFERENCES):
            continue
        chunk = text[s.start : s.end]
        if s.region == BODY:
            words = {w.lower() for w in _WORD.findall(chunk)}
            if not words & table.cues:
                continue
        for m in table.scan.finditer(chunk):
            a, b = s.start + m.start(), s.start + m.end()
            if any(x < b and a < y for x, y in taken):
                continue
            if s.region == BODY and not _context_ok(text, a, b, table):
                continue
            footnote = None
            if s.region == REFERENCES:
                num = _FOOTNOTE_NUM.search(text[max(s.start, a - 4) : a])
                footnote = int(num.group(1)) if num else None
            name = m.group(0)
            found.append(
                SourceMention(
                    name=name, kind=OUTLET, start=a, end=b, sentence=s.index,
                    cue="named" if s.region == BODY else "source list", footnote=footnote,
                    domain=table.names[name],
                )
            )  # fmt: skip
            taken.append((a, b))
    return found


# --------------------------------------------------------------------------- rating


def _apply(m: SourceMention, table: OutletTable, sets: RatingSets) -> SourceMention:
    """The mention with its domain and rating filled in (unchanged for people)."""
    domain = ""
    domains: tuple[str, ...] = ()
    host = host_of(m.url) if m.url else ""
    if host:
        domain = registrable_domain(host)
        # "english.almayadeen.net": the host's own entry first, then the publisher's
        domains = tuple(dict.fromkeys((host, domain, *table.also.get(domain, ()))))
    elif m.domain:
        host = host_of(m.domain)
        domain = registrable_domain(host) or m.domain
        domains = tuple(dict.fromkeys((host, domain, *table.also.get(domain, ()))))
    elif m.kind == PERSON and normalise_name(m.name) in table.by_key:
        # a "person" whose whole name is a known outlet ("Animal Politico reported")
        return _apply(replace(m, kind=OUTLET), table, sets)
    elif m.kind in _RATABLE_KINDS:
        alias = resolve_name(m.name, m.kind, table)
        if alias:
            domain = registrable_domain(alias) or alias
            domains = tuple(dict.fromkeys((*table.domains_of(alias), domain)))
    if not domain:
        # an outlet we cannot place is unrated; people, offices and documents are not rated
        return replace(m, rating_label=UNRATED) if m.kind == OUTLET else m
    rating: Rating | None = sets.lookup(domains, m.url) if sets else None
    if rating is None:
        return replace(
            m, domain=domain, rating=None, rating_source="", rating_label=UNRATED, percentile=None
        )
    return replace(
        m,
        domain=domain,
        rating=round(rating.score, 4),
        rating_source=rating.source,
        rating_label=rating.label,
        percentile=rating.percentile,
    )


def _name_key(name: str) -> str:
    return normalise_name(name)


def _supported_sentences(analysis: Analysis, m: SourceMention, src_keys: list[str]) -> list[int]:
    """Sentences whose content the mention's source supports (``src_keys``: the
    normalised ``sentence_source`` of every sentence)."""
    out: list[int] = []
    if m.footnote is not None:
        num = str(m.footnote)
        out += [i for i, fns in enumerate(analysis.sentence_footnotes) if num in fns]
    key = _name_key(m.name)
    if key:
        out += [i for i, src in enumerate(src_keys) if src == key]
    if m.sentence is not None and m.cue not in ("footnote", "source list"):
        out.append(m.sentence)
    sents = analysis.doc.sentences
    return sorted({i for i in out if 0 <= i < len(sents) and sents[i].region == BODY})


def _fmt_pct(p: float | None) -> str:
    return "" if p is None else f", percentile {p:.0f} of that set"


def _report_low(
    analysis: Analysis, m: SourceMention, src_keys: list[str], done: set[tuple[int, str]]
) -> None:
    sentences = _supported_sentences(analysis, m, src_keys)
    claims = [i for i in sentences if analysis.is_claim[i]]
    what = (
        f"{m.name} ({m.domain}), rated {m.rating_label} by {m.rating_source}"
        f"{_fmt_pct(m.percentile)}"
    )
    if not claims:
        if any(d == m.domain for _, d in done):
            return  # already reported for this outlet
        done.add((-1 - m.start, m.domain))
        analysis.report(
            LOW_CREDIBILITY.name, m.start, m.end,
            f"Cites a low-credibility source: {what}; corroborate anything it supports with "
            "a better-rated source.",
            sentence=m.sentence,
        )  # fmt: skip
        return
    for i in claims:
        if (i, m.domain) in done:
            continue
        done.add((i, m.domain))
        s = analysis.doc.sentences[i]
        analysis.report(
            LOW_CREDIBILITY.name, s.start, s.end,
            f"This claim rests on {what}; corroborate it with a better-rated source or "
            "present it as that outlet's claim.",
            sentence=i,
        )  # fmt: skip


def _source_key(m: SourceMention) -> str:
    return m.domain or _name_key(m.name)


def _check_single_source(analysis: Analysis) -> None:
    """CRD002: at least two sourced claims (of three or more) and all rest on one source."""
    body = [s.index for s in analysis.body_sentences()]
    claims = [i for i in body if analysis.is_claim[i]]
    if len(claims) < 3:
        return
    named = [m for m in analysis.sources if m.kind != ANONYMOUS]
    by_name = {_name_key(m.name): m for m in named}
    by_footnote = {str(m.footnote): m for m in named if m.footnote is not None}
    anonymous = {_name_key(m.name) for m in analysis.sources if m.kind == ANONYMOUS}
    support: dict[int, set[str]] = {}
    for i in claims:
        keys: set[str] = set()
        src = _name_key(analysis.sentence_source[i])
        if src and src not in anonymous:
            keys.add(_source_key(by_name[src]) if src in by_name else src)
        for fn in analysis.sentence_footnotes[i]:
            if fn in by_footnote:
                keys.add(_source_key(by_footnote[fn]))
        keys |= {_source_key(m) for m in named if m.sentence == i and m.cue != "link"}
        if keys:
            support[i] = keys
    every = set().union(*support.values()) if support else set()
    if len(support) < 2 or len(every) != 1:
        return
    (only,) = every
    first = next((m for m in named if _source_key(m) == only and m.start >= 0), None)
    if first is not None:
        start, end, sent = first.start, first.end, first.sentence
    else:
        s = analysis.doc.sentences[min(support)]
        start, end, sent = s.start, s.end, s.index
    label = first.name if first is not None else only
    analysis.report(
        SINGLE_SOURCE.name, start, end,
        f"All {len(support)} sourced claims rest on one source ({label}); add an independent "
        "source that can confirm the key facts.",
        sentence=sent,
    )  # fmt: skip


def _metrics(analysis: Analysis, sets: RatingSets) -> dict[str, Any]:
    rated: dict[str, float] = {}
    low: set[str] = set()
    unrated: set[str] = set()
    for m in analysis.sources:
        if m.rating is not None and m.domain:
            rated[m.domain] = min(m.rating, rated.get(m.domain, m.rating))
            if m.rating_label in LOW_LABELS:
                low.add(m.domain)
        elif m.rating_label == UNRATED:
            unrated.add(m.domain or _name_key(m.name))
    unrated -= set(rated)
    n = len(analysis.sources)
    anon = sum(1 for m in analysis.sources if m.kind == ANONYMOUS)
    named = {_source_key(m) for m in analysis.sources if m.kind != ANONYMOUS}
    return {
        "distinct_named_sources": len(named),
        "anonymous_source_share": round(anon / n, 3) if n else None,
        "rated_sources": len(rated),
        "unrated_sources": len(unrated),
        "low_credibility_sources": len(low),
        "mean_credibility": round(fmean(rated.values()), 3) if rated else None,
        "min_credibility": round(min(rated.values()), 3) if rated else None,
        "rating_sets": "+".join(sets.names) if sets else "none (run: checker ratings update)",
    }


def run(analysis: Analysis) -> None:
    """Resolve and rate every source; add missed outlet mentions; CRD001/CRD002; metrics."""
    table = outlet_table(analysis.config)
    sets = load_ratings(analysis.config)
    taken = [(m.start, m.end) for m in analysis.sources if m.start >= 0]
    analysis.sources.extend(scan_outlets(analysis, table, taken))
    analysis.sources[:] = [_apply(m, table, sets) for m in analysis.sources]
    done: set[tuple[int, str]] = set()
    low = [m for m in analysis.sources if m.rating_label in LOW_LABELS]
    if low:
        src_keys = [_name_key(src) if src else "" for src in analysis.sentence_source]
        for m in low:
            _report_low(analysis, m, src_keys, done)
    _check_single_source(analysis)
    analysis.extra.setdefault("metrics", {}).update(_metrics(analysis, sets))
