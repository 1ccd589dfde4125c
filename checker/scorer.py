"""Per-article metrics and an explainable 0-100 attribution score.

The score starts at 100 and each component takes points off, with a cap, so the
report can list exactly which components cost how many points:

| component | points off | cap |
|---|---|---|
| unsourced claims | 45 x (unsourced claims / claims) | 45 |
| vague attribution | 3 per finding | 15 |
| unattributed quotes | 4 per quote | 12 |
| anonymous sources | 10 x (anonymous / all source mentions) | 10 |
| footnote problems | 5 per dangling marker, 2 per other footnote finding | 15 |
| hedging density | 4 per author hedge per 100 words above 1.0 | 10 |
| overstated certainty | 2 per finding | 6 |
| low-credibility sources | 5 per finding | 15 |
| no sources at all | 10 when an article with 3+ claims cites nobody | 10 |

Grades: A >= 90, B >= 80, C >= 70, D >= 60, else F.

"Unsourced claims" are the claims whose ``claim_status`` is ``unsourced``: exactly those with
an ``unsourced-claim`` finding (a suppressed or disabled one costs nothing); a claim the
claims family ties to a source in any way (``sourced: ...``) counts as attributed.

No verdict without text: an article with fewer than :data:`MIN_BODY_WORDS` words in
its body sentences (the text left once page boilerplate, headlines and headings,
bylines, captions and the reference list are set aside) has no analysable body
text. It gets no score and no grade, status ``warning`` and the warning
:data:`NO_TEXT` (see :func:`has_article_text`): an empty file, a page of
boilerplate, one word or an HTML fragment without body text is not an A.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import rules.footnotes
from checker.core.analysis import ANONYMOUS, Analysis
from checker.core.document import BODY
from checker.core.results import MIN_BODY_WORDS
from checker.core.rule import Finding, Rule
from checker.text.readability import readability as flesch
from rules.attribution import UNATTRIBUTED_QUOTE, VAGUE
from rules.claims import UNSOURCED, UNSOURCED_CLAIM
from rules.credibility import LOW_CREDIBILITY
from rules.footnotes import DANGLING
from rules.hedging import OVERSTATED_CERTAINTY
from rules.suppress import UNUSED_SUPPRESSION

GRADES = ((90.0, "A"), (80.0, "B"), (70.0, "C"), (60.0, "D"), (0.0, "F"))
# ``claim_status`` of an unsourced claim whose finding did not survive: an inline
# suppression covers it or the configuration disables the rule (no deduction either)
UNREPORTED = "unsourced: not reported (suppressed or rule disabled)"


def settle_claim_status(analysis: Analysis) -> None:
    """Mark the unsourced claims left with no ``unsourced-claim`` finding once every family
    has run (suppressions are applied last) as :data:`UNREPORTED`, so that the claims whose
    ``claim_status`` is ``unsourced`` are exactly the CLM001 findings, and the score's
    "unsourced claims" component counts those and nothing else."""
    status = analysis.claim_status
    if UNSOURCED not in status:
        return
    reported = {f.sentence for f in analysis.findings if f.rule == UNSOURCED_CLAIM.name}
    for i, st in enumerate(status):
        if st == UNSOURCED and i not in reported:
            status[i] = UNREPORTED


def has_article_text(metrics: dict[str, Any]) -> bool:
    """Whether an article has analysable body text (at least MIN_BODY_WORDS body words)."""
    return int(metrics.get("words") or 0) >= MIN_BODY_WORDS


def _count(n: int, noun: str) -> str:
    """"1 booster", "2 boosters": a count with its noun in the right number."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def grade_for(score: float) -> str:
    for bound, letter in GRADES:
        if score >= bound:
            return letter
    return "F"


def article_findings(analysis: Analysis) -> list[Finding]:
    """The findings about the article's text: not the notes on its suppression comments."""
    return [f for f in analysis.findings if f.rule != UNUSED_SUPPRESSION.name]


def compute_metrics(analysis: Analysis, *, readability: bool = True) -> dict[str, Any]:
    """The article's counts and rates (summary.csv's columns); ``readability=False`` leaves
    out ``flesch_reading_ease`` and ``grade_level``, which nothing in the score uses (the CI
    check, which never shows them, skips loading the hyphenation dictionary they need)."""
    doc = analysis.doc
    findings = article_findings(analysis)
    body = [s for s in doc.sentences if s.region == BODY]
    body_words = doc.body_words  # the body sentences' words, counted once by the segmenter
    words = len(body_words)
    claims = [s for s in body if analysis.is_claim[s.index]]
    # what the claims family decided per claim (settled against the findings that survived
    # suppression, see settle_claim_status): "unsourced" claims are the CLM001 findings;
    # "sourced: ..." ones are tied to a source by attribution (named or vague: a vague
    # attribution's own finding is then its one deduction), a footnote, a link, a speech
    # act of the sentence's subject or an account it continues
    status = analysis.claim_status
    unsourced = sum(1 for s in claims if status[s.index] == UNSOURCED)
    attributed_claims = sum(1 for s in claims if status[s.index].startswith("sourced"))
    author_hedges = [h for h in analysis.hedges if h.flagged and h.category != "booster"]
    by_cat = Counter(h.category for h in analysis.hedges if h.flagged)
    sev = Counter(f.severity for f in findings)
    kinds = Counter(m.kind for m in analysis.sources)
    named = sum(n for k, n in kinds.items() if k != ANONYMOUS)
    distinct = len({(m.name.lower(), m.kind) for m in analysis.sources if m.kind != ANONYMOUS})
    fn = analysis.footnotes
    metrics: dict[str, Any] = {
        "words": words,
        "sentences": len(doc.sentences),
        "body_sentences": len(body),
        "claims": len(claims),
        "attributed_claims": attributed_claims,
        "unsourced_claims": unsourced,
        "attribution_rate": round(attributed_claims / len(claims), 3) if claims else None,
        "hedges": len(author_hedges),
        "hedges_per_100_words": round(100 * len(author_hedges) / words, 2) if words else 0.0,
        "footnote_markers": len(fn.markers),
        "sources_listed": len(fn.definitions),
        "dangling_footnotes": len(fn.dangling),
        "unused_sources": len(fn.unused),
        "named_sources": named,
        "anonymous_sources": kinds.get(ANONYMOUS, 0),
        "distinct_sources": distinct,
        "quotes": len(analysis.quotes),
        "findings": len(findings),
        "errors": sev.get("error", 0),
        "warnings_count": sev.get("warning", 0),
        "suggestions": sev.get("suggestion", 0),
    }
    if readability:
        metrics["flesch_reading_ease"], metrics["grade_level"] = flesch(body_words, len(body))
    for cat in ("epistemic", "reportative", "weasel", "approximator", "booster"):
        metrics[f"hedges_{cat}"] = by_cat.get(cat, 0)
    metrics.update(analysis.metrics)
    return metrics


def footnote_rules() -> tuple[Rule, ...]:
    """The footnotes family's rules (each counts towards "footnote problems")."""
    return rules.footnotes.FAMILY.rules


def score_analysis(
    analysis: Analysis, *, readability: bool = True
) -> tuple[float, str, list[dict[str, Any]], dict[str, Any]]:
    """Return (score, grade, breakdown, metrics) for an analysed article (``readability``:
    see :func:`compute_metrics`; the score never depends on it)."""
    m = compute_metrics(analysis, readability=readability)
    counts = Counter(f.rule for f in article_findings(analysis))

    def count(*of: Rule) -> int:
        return sum(counts.get(r.name, 0) for r in of)

    parts: list[dict[str, Any]] = []

    def take(component: str, points: float, cap: float, detail: str) -> None:
        pts = round(min(points, cap), 1)
        if pts > 0:
            parts.append({"component": component, "points": -pts, "max": cap, "detail": detail})

    if m["claims"]:
        take(
            "unsourced claims",
            45.0 * m["unsourced_claims"] / m["claims"],
            45.0,
            f"{m['unsourced_claims']} of {m['claims']} factual claims have no attribution",
        )
    n = count(VAGUE)
    take("vague attribution", 3.0 * n, 15.0, _count(n, "vague or anonymous attribution"))
    n = count(UNATTRIBUTED_QUOTE)
    speakerless = f"{_count(n, 'quotation')} with no identifiable speaker"
    take("unattributed quotes", 4.0 * n, 12.0, speakerless)
    total_sources = m["named_sources"] + m["anonymous_sources"]
    if total_sources:
        share = m["anonymous_sources"] / total_sources
        take(
            "anonymous sources",
            10.0 * share,
            10.0,
            f"{m['anonymous_sources']} of {total_sources} source mentions are anonymous",
        )
    dangling = count(DANGLING)
    other_fn = count(*footnote_rules()) - dangling
    take(
        "footnote problems",
        5.0 * dangling + 2.0 * other_fn,
        15.0,
        f"{_count(dangling, 'dangling marker')}, "
        f"{_count(other_fn, 'other footnote/link problem')}",
    )
    excess = m["hedges_per_100_words"] - 1.0
    if excess > 0:
        take(
            "hedging density",
            4.0 * excess,
            10.0,
            f"{m['hedges_per_100_words']} author hedges per 100 words (1.0 allowed)",
        )
    n = count(OVERSTATED_CERTAINTY)
    take("overstated certainty", 2.0 * n, 6.0, f"{_count(n, 'booster')} overstating certainty")
    n = count(LOW_CREDIBILITY)
    low = f"{_count(n, 'claim')} resting on low-rated sources"
    take("low-credibility sources", 5.0 * n, 15.0, low)
    if m["claims"] >= 3 and total_sources == 0 and not m["footnote_markers"]:
        take("no sources", 10.0, 10.0, "the article makes claims but cites nobody")
    score = round(max(0.0, 100.0 + sum(p["points"] for p in parts)), 1)
    return score, grade_for(score), parts, m
