"""Source credibility: resolve who is cited to a domain and rate it (family ``credibility``).

Runs last. Every source mention recorded by earlier families (footnote entries,
links, attributions) that names an outlet, organisation or document, or carries a
URL, is resolved to a registrable domain through the alias table
``checker/reference/outlets.json`` (extensible with ``[tool.checker.lexicon.credibility]``,
keys are domains and values lists of names), and rated from the rating sets that
:mod:`rules.credibility.ratings` loads (data files, never code). Outlets that the earlier
families missed but that the body text plainly cites ("..., the broadcaster X
reported") are added as mentions with cue ``named``.

Rules:
- ``CRD001 low-credibility-source``: a claim rests on a source rated low or deprecated.
- ``CRD002 single-source``: the article's sourced factual claims all rest on one source.

Metrics (copied into summary.csv by the scorer): ``mean_credibility``,
``min_credibility``, ``rated_sources``, ``unrated_sources``,
``low_credibility_sources``, ``distinct_named_sources``, ``anonymous_source_share``,
``rating_sets``.

Modules:

- :mod:`rules.credibility.ratings`: rating sets (formats, finding and loading the files,
  the combination policy);
- :mod:`rules.credibility.outlets`: the outlet alias table, :func:`resolve_name`,
  :func:`scan_outlets`;
- :mod:`rules.credibility.sources`: each mention's domain and rating; the metrics;
- :mod:`rules.credibility.findings`: the rules CRD001 and CRD002 and their checks.
"""

from __future__ import annotations

from checker.core.analysis import Analysis, Family
from checker.core.config import Config, ConfigError
from rules.credibility.findings import (
    LOW_CREDIBILITY,
    NAME,
    SINGLE_SOURCE,
    check_single_source,
    report_low,
)
from rules.credibility.outlets import OutletTable, outlet_table, resolve_name, scan_outlets
from rules.credibility.ratings import (
    ALLOWED_SOURCES,
    LOW_LABELS,
    RATINGS,
    RatingsError,
    load_ratings,
    rating_files,
    read_ratings_once,
)
from rules.credibility.sources import credibility_metrics, name_key, rate_mention


def validate(config: Config) -> None:
    """The rating files a configuration names exist and parse (parsed once: the audit's
    loading then reuses them)."""
    for path, origin in rating_files(config):
        if origin != "config":
            continue
        try:
            read_ratings_once(path)
        except RatingsError as exc:
            where = f" in {config.source_file}" if config.source_file else ""
            raise ConfigError(f"'ratings'{where}: {exc}") from None


def run(analysis: Analysis) -> None:
    """Resolve and rate every source; add missed outlet mentions; CRD001/CRD002; metrics."""
    table = outlet_table(analysis.config)
    sets = load_ratings(analysis.config)
    taken = [(m.start, m.end) for m in analysis.sources if m.start >= 0]
    carried = [(c.start, c.end) for c in analysis.carriers]
    analysis.sources.extend(scan_outlets(analysis, table, taken, carried))
    analysis.sources[:] = [rate_mention(m, table, sets) for m in analysis.sources]
    done: set[tuple[int, str]] = set()
    low = [m for m in analysis.sources if m.rating_label in LOW_LABELS]
    if low:
        src_keys = [name_key(src) if src else "" for src in analysis.sentence_source]
        for m in low:
            report_low(analysis, m, src_keys, done)
    check_single_source(analysis)
    analysis.metrics.update(credibility_metrics(analysis, sets))


FAMILY = Family(
    name=NAME,
    rules=(LOW_CREDIBILITY, SINGLE_SOURCE),
    run=run,
    reads=frozenset({"sources", "sentence_source", "sentence_footnotes", "is_claim",
                     "carriers"}),
    writes=frozenset({"sources", "findings", "metrics"}),
    settings=(RATINGS, ALLOWED_SOURCES),
    validate=validate,
)

__all__ = ["FAMILY", "LOW_CREDIBILITY", "SINGLE_SOURCE", "OutletTable", "outlet_table",
           "resolve_name", "run", "scan_outlets"]
