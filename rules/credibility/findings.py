"""The credibility family's rules and their checks.

- ``CRD001 low-credibility-source``: a claim rests on a source rated low or deprecated;
- ``CRD002 single-source``: the article's sourced factual claims all rest on one source.
"""

from __future__ import annotations

from checker.core.analysis import ANONYMOUS, Analysis, SourceMention
from checker.core.document import BODY
from checker.core.rule import ExampleContext, Rule
from rules.credibility.sources import name_key, source_key

NAME = "credibility"

LOW_CREDIBILITY = Rule(
    id="CRD001",
    name="low-credibility-source",
    family=NAME,
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
    context=ExampleContext(
        ratings="domain,score,label\ndailyexample.test,0.1,deprecated\n",
        config='lexicon.credibility = { "dailyexample.test" = ["Daily Example"] }\n',
    ),
)
SINGLE_SOURCE = Rule(
    id="CRD002",
    name="single-source",
    family=NAME,
    severity="suggestion",
    summary="Every sourced factual claim in the article rests on the same single source.",
    rationale="A story told by one source has no cross-check: one error, one interest or "
    "one misquotation carries straight through to the reader. Standards desks ask for "
    "at least one independent source on contested facts.",
    bad="The mill will close on 31 March, the company said. About 400 jobs will go by June, "
    "the company said. Production moves to Poland in 2026, the company added.",
    good="The mill will close on 31 March, the company said. About 400 jobs will go by June, "
    "the union confirmed. Production moves to Poland in 2026, customs filings show.",
)


def _supported_sentences(analysis: Analysis, m: SourceMention, src_keys: list[str]) -> list[int]:
    """Sentences whose content the mention's source supports (``src_keys``: the
    normalised ``sentence_source`` of every sentence)."""
    out: list[int] = []
    if m.footnote is not None:
        num = str(m.footnote)
        out += [i for i, fns in enumerate(analysis.sentence_footnotes) if num in fns]
    key = name_key(m.name)
    if key:
        out += [i for i, src in enumerate(src_keys) if src == key]
    if m.sentence is not None and m.cue not in ("footnote", "source list"):
        out.append(m.sentence)
    sents = analysis.doc.sentences
    return sorted({i for i in out if 0 <= i < len(sents) and sents[i].region == BODY})


def _fmt_pct(p: float | None) -> str:
    return "" if p is None else f", percentile {p:.0f} of that set"


def report_low(
    analysis: Analysis, m: SourceMention, src_keys: list[str], done: set[tuple[int, str]]
) -> None:
    """CRD001 for a low-rated mention: on each claim it supports, else once on the mention
    (``done``: the (sentence, domain) pairs reported so far, shared across mentions)."""
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
            LOW_CREDIBILITY, m.start, m.end,
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
            LOW_CREDIBILITY, s.start, s.end,
            f"This claim rests on {what}; corroborate it with a better-rated source or "
            "present it as that outlet's claim.",
            sentence=i,
        )  # fmt: skip


def _claim_support(
    analysis: Analysis, claims: list[int], named: list[SourceMention]
) -> dict[int, set[str]]:
    """The sources (:func:`source_key`) each claim rests on, for the claims that have any:
    its attributed source, its footnotes' sources, and sources named in the sentence."""
    by_name = {name_key(m.name): m for m in named}
    by_footnote = {str(m.footnote): m for m in named if m.footnote is not None}
    anonymous = {name_key(m.name) for m in analysis.sources if m.kind == ANONYMOUS}
    in_sentence: dict[int, set[str]] = {}  # sources named in each sentence (not by a link)
    for m in named:
        if m.sentence is not None and m.cue != "link":
            in_sentence.setdefault(m.sentence, set()).add(source_key(m))
    support: dict[int, set[str]] = {}
    for i in claims:
        keys: set[str] = set()
        src = name_key(analysis.sentence_source[i])
        if src and src not in anonymous:
            keys.add(source_key(by_name[src]) if src in by_name else src)
        for fn in analysis.sentence_footnotes[i]:
            if fn in by_footnote:
                keys.add(source_key(by_footnote[fn]))
        keys |= in_sentence.get(i, set())
        if keys:
            support[i] = keys
    return support


def check_single_source(analysis: Analysis) -> None:
    """CRD002: at least two sourced claims (of three or more) and all rest on one source."""
    body = [s.index for s in analysis.body_sentences()]
    claims = [i for i in body if analysis.is_claim[i]]
    if len(claims) < 3:
        return
    named = [m for m in analysis.sources if m.kind != ANONYMOUS]
    support = _claim_support(analysis, claims, named)
    every = set().union(*support.values()) if support else set()
    if len(support) < 2 or len(every) != 1:
        return
    (only,) = every
    first = next((m for m in named if source_key(m) == only and m.start >= 0), None)
    if first is not None:
        start, end, sent = first.start, first.end, first.sentence
    else:
        s = analysis.doc.sentences[min(support)]
        start, end, sent = s.start, s.end, s.index
    label = first.name if first is not None else only
    analysis.report(
        SINGLE_SOURCE, start, end,
        f"All {len(support)} sourced claims rest on one source ({label}); add an independent "
        "source that can confirm the key facts.",
        sentence=sent,
    )  # fmt: skip
