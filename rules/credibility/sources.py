"""Rating the cited sources: each mention's domain and rating, and the article's metrics.

:func:`rate_mention` resolves a source mention to a registrable domain (from its URL, its
recorded domain, or its name through the outlet table) and rates it from the loaded rating
sets; :func:`credibility_metrics` sums up the article (mean and lowest rating, rated,
unrated and low-credibility sources, distinct named sources, anonymous share).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from checker.core.analysis import ANONYMOUS, OUTLET, PERSON, Analysis, SourceMention
from checker.reference.domains import host_of, registrable_domain
from rules.credibility.outlets import RATABLE_KINDS, OutletTable, normalise_name, resolve_name
from rules.credibility.ratings import LOW_LABELS, UNRATED, Rating, RatingSets


def name_key(name: str) -> str:
    """A source name as compared across mentions (see :func:`normalise_name`)."""
    return normalise_name(name)


def source_key(m: SourceMention) -> str:
    """What counts as one source: its domain, else its name."""
    return m.domain or name_key(m.name)


def rate_mention(m: SourceMention, table: OutletTable, sets: RatingSets) -> SourceMention:
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
        return rate_mention(replace(m, kind=OUTLET), table, sets)
    elif m.kind in RATABLE_KINDS:
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


def _mean(values: Any) -> float:
    from statistics import fmean  # only for articles with rated sources

    return fmean(values)


def credibility_metrics(analysis: Analysis, sets: RatingSets) -> dict[str, Any]:
    """The per-article credibility metrics (copied into summary.csv by the scorer)."""
    rated: dict[str, float] = {}
    low: set[str] = set()
    unrated: set[str] = set()
    for m in analysis.sources:
        if m.rating is not None and m.domain:
            rated[m.domain] = min(m.rating, rated.get(m.domain, m.rating))
            if m.rating_label in LOW_LABELS:
                low.add(m.domain)
        elif m.rating_label == UNRATED:
            unrated.add(m.domain or name_key(m.name))
    unrated -= set(rated)
    n = len(analysis.sources)
    anon = sum(1 for m in analysis.sources if m.kind == ANONYMOUS)
    named = {source_key(m) for m in analysis.sources if m.kind != ANONYMOUS}
    return {
        "distinct_named_sources": len(named),
        "anonymous_source_share": round(anon / n, 3) if n else None,
        "rated_sources": len(rated),
        "unrated_sources": len(unrated),
        "low_credibility_sources": len(low),
        "mean_credibility": round(_mean(rated.values()), 3) if rated else None,
        "min_credibility": round(min(rated.values()), 3) if rated else None,
        "rating_sets": "+".join(sets.names) if sets else "none (run: checker ratings update)",
    }
