"""Claims family: score each body sentence for check-worthiness; flag unsourced claims.

Runs after footnotes, attribution and hedging. For every body sentence it records
``analysis.claim_prob[i]`` (calibrated probability from the claim model,
:mod:`rules.claims.scorer`) and ``analysis.is_claim[i]`` (probability at or above
``config.claim_threshold``), and reports ``unsourced-claim`` for a claim that no
earlier family has tied to a source: not attributed, no footnote marker, no
hyperlink inside the sentence.

The model is the committed ``rules/claims/model.json`` unless
``[tool.checker] claim_model`` names another JSON model (relative paths are
resolved against the configuration file's folder). All body sentences of a
document are scored in one batch.

Modules:

- :mod:`rules.claims.context`: when a check-worthy sentence is still not an unsourced claim
  (questions, imperatives, quotations, captions; the genre's argument or own results);
- :mod:`rules.claims.scorer`: the claim model's features, prediction and loading, with
  numpy alone (what the audit uses; :mod:`rules.claims.murmur` is its feature hash);
- :mod:`rules.claims.model`: the scikit-learn estimator that fits the model (training only);
- :mod:`rules.claims.fitting`: fitting its weights (training only);
- :mod:`rules.claims.training`: ``checker train-claims``, cross-validation, metrics.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from checker.core.analysis import Analysis, Family
from checker.core.config import Config, ConfigError, Setting, fraction, path_string
from checker.core.rule import Rule
from rules.claims.context import SpanIndex, exemption

if TYPE_CHECKING:
    from rules.claims.scorer import ClaimScorer

NAME = "claims"

UNSOURCED_CLAIM = Rule(
    id="CLM001",
    name="unsourced-claim",
    family=NAME,
    severity="warning",
    summary="A checkable factual claim with no source, attribution, footnote or link.",
    rationale=(
        "Figures, events and statements of fact are what readers and fact-checkers "
        "verify first. A claim that names no source asks the reader to take the "
        "article's word for it, and leaves the desk unable to check it quickly. "
        "Say who established the fact (an agency, a report, a named person), or "
        "link or footnote the document."
    ),
    bad="Unemployment in the county fell to 3.1 percent last year.",
    good=(
        "Unemployment in the county fell to 3.1 percent last year, according to "
        "the state labour department's annual figures."
    ),
    sourced_when_suppressed=True,
)


CLAIM_THRESHOLD = Setting(
    "claim_threshold", 0.55, fraction,
    "claim probability from which a body sentence counts as a factual claim",
)  # fmt: skip
CLAIM_MODEL = Setting(
    "claim_model", "", path_string,
    "a claim model JSON file to use instead of the shipped one (relative to the config file)",
)  # fmt: skip


# Double quotation marks within one paragraph: “...”, "...", „...“, «...».
_QUOTE_RE = re.compile(
    r"“[^”\n]{1,1500}”|\"[^\"\n]{1,1500}\"|„[^“”\n]{1,1500}[“”]|«[^»\n]{1,1500}»"
)


# A paragraph that opens with a quotation mark and does not close it: by news convention a
# quotation that runs on into the next paragraph (which reopens it). The whole paragraph is
# the speaker's.
_OPEN_QUOTE_PARAGRAPH_RE = re.compile(r"(?m)^[ \t]*[“\"„«][^\n]*")
_CLOSERS_OF = {"“": "”", "„": "“”", "«": "»"}


def _unclosed(paragraph: str) -> bool:
    """Whether the quotation that opens ``paragraph`` (stripped) is still open at its end."""
    opener = paragraph[0]
    if opener == '"':
        return paragraph.count('"') % 2 == 1
    closers = _CLOSERS_OF[opener]
    return not any(c in paragraph[1:] for c in closers)


def model_path(analysis: Analysis) -> Path | None:
    """The configured claim model file, or ``None`` for the committed default."""
    configured = analysis.config.get(CLAIM_MODEL) or ""
    if not configured:
        return None
    return analysis.config.resolve_path(configured)


def get_model(analysis: Analysis) -> ClaimScorer:
    """The claim model the configuration asks for, for prediction (loaded once per process)."""
    from rules.claims.scorer import load_scorer  # numpy only for large batches

    return load_scorer(model_path(analysis))


def validate(config: Config) -> None:
    """Every claim model the configuration names (top level and ``[[overrides]]``) loads
    and is well-formed, so a bad one stops the run before any article (exit code 2)."""
    from checker.core.datafiles import DataFileError
    from rules.claims.scorer import load_scorer

    key = CLAIM_MODEL.key
    named = [(key, config.settings.get(key))]
    named += [(f"overrides[{i}].{key}", (ov.settings.get("settings") or {}).get(key))
              for i, ov in enumerate(config.overrides)]
    for name, value in named:
        if not value:
            continue
        try:
            load_scorer(config.resolve_path(value))
        except DataFileError as exc:
            where = f" in {config.source_file}" if config.source_file else ""
            raise ConfigError(f"{name!r}{where}: {exc}") from None


def quotation_spans(analysis: Analysis) -> SpanIndex:
    """Direct quotations: those attribution found, double-quoted passages, and paragraphs
    that open a quotation without closing it (a quotation running on into the next one)."""
    text = analysis.doc.text
    spans = {(q.start, q.end) for q in analysis.quotes}
    spans.update(m.span() for m in _QUOTE_RE.finditer(text))
    for m in _OPEN_QUOTE_PARAGRAPH_RE.finditer(text):
        if _unclosed(m.group().lstrip(" \t")):
            spans.add(m.span())
    return SpanIndex(spans)


def run(analysis: Analysis) -> None:
    """Score every body sentence; report the claims that no earlier family sourced.

    A sentence that is a question, an imperative, a quotation, a caption or a fragment, or,
    by the article's genre, the author's argument (opinion) or own result (research), is
    not a claim whatever its probability (:func:`rules.claims.context.exemption`)."""
    sentences = list(analysis.body_sentences())
    if not sentences:
        return
    model = get_model(analysis)
    probs = model.probabilities([s.text for s in sentences])
    threshold = float(analysis.config.get(CLAIM_THRESHOLD))
    n = len(analysis.doc.sentences)
    quotes = quotation_spans(analysis)
    links = SpanIndex((link.start, link.end) for link in analysis.doc.links)
    for s, prob in zip(sentences, probs, strict=True):
        i = s.index
        if i >= n:
            continue
        analysis.claim_prob[i] = prob
        claim = prob >= threshold and not exemption(s.text, s.start, analysis.genre, quotes)
        analysis.is_claim[i] = claim
        if not claim:
            continue
        sourced = (
            analysis.attributed[i]
            or bool(analysis.sentence_footnotes[i])
            or bool(analysis.sentence_source[i])
            or links.touches(s.start, s.end)
        )
        if sourced:
            continue
        analysis.report(
            UNSOURCED_CLAIM,
            s.start,
            s.end,
            f"Checkable claim (claim probability {prob:.2f}) with no source: say who "
            "established it, or link or footnote the evidence.",
            sentence=i,
        )


FAMILY = Family(
    name=NAME,
    rules=(UNSOURCED_CLAIM,),
    run=run,
    reads=frozenset(
        {"attributed", "sentence_footnotes", "sentence_source", "quotes", "genre"}
    ),
    writes=frozenset({"claim_prob", "is_claim", "findings"}),
    settings=(CLAIM_THRESHOLD, CLAIM_MODEL),
    validate=validate,
)
