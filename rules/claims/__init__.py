"""Claims family: score each body sentence for check-worthiness; flag unsourced claims.

Runs after footnotes, attribution and hedging. For every body sentence it records
``analysis.claim_prob[i]`` (calibrated probability from the claim model,
:mod:`rules.claims.scorer`) and ``analysis.is_claim[i]`` (probability at or above
``config.claim_threshold`` and not exempt by its context), and reports
``unsourced-claim`` for a claim that no earlier family has tied to a source: not
attributed, no footnote marker, no hyperlink inside the sentence, and not a speech act
of its own subject ("The governor vowed to veto the bill":
:func:`rules.claims.voice.names_its_speaker`). ``analysis.claim_status[i]`` says which of
these holds for every sentence at or above the threshold (``unsourced``, ``sourced: ...``
by how, or ``not a claim: ...`` with the exemption's reason): sentences.csv's
``claim_status``, so that ``is_claim`` and the CLM001 findings never need explaining.

The model is the committed ``rules/claims/model.json`` unless
``[tool.checker] claim_model`` names another JSON model (relative paths are
resolved against the configuration file's folder). All body sentences of a
document are scored in one batch.

Modules:

- :mod:`rules.claims.context`: when a check-worthy sentence is still not an unsourced claim
  (questions, imperatives, quotations, captions; the genre's argument or own results);
- :mod:`rules.claims.voice`: whose voice a sentence is in (a speech act of its subject or a
  named document sources it; the author's first person, headlines and embedded posts are
  no claims; continued attribution; research writing in the first person plural);
- :mod:`rules.claims.edges`: a title line at the top of a text and the notes on the writer and
  reprint credits that close it, no claims;
- :mod:`rules.claims.scorer`: the claim model's features, prediction and loading, with
  numpy alone (what the audit uses; :mod:`rules.claims.murmur` is its feature hash);
- :mod:`rules.claims.model`: the scikit-learn estimator that fits the model (training only);
- :mod:`rules.claims.fitting`: fitting its weights (training only);
- :mod:`rules.claims.training`: ``checker train-claims``, cross-validation, metrics.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.core.analysis import Analysis, Family
from checker.core.config import Config, ConfigError, Setting, fraction, one_of, path_string
from checker.core.rule import Rule
from rules.claims.context import (
    CAPTION,
    FRAGMENT,
    IMPERATIVE,
    OPINION_GENRES,
    QUESTION,
    QUOTATION,
    RESEARCH_GENRES,
    SpanIndex,
    exemption,
)
from rules.claims.context import VAGUE as VAGUE_WORDING
from rules.claims.edges import CLOSING_NOTE, closing_notes, title_lines
from rules.claims.voice import (
    HEADLINE,
    OWN_VOICE,
    continues_account,
    names_its_speaker,
    research_voice,
    told_after,
)

if TYPE_CHECKING:
    from checker.core.document import Sentence
    from rules.claims.scorer import ClaimScorer

NAME = "claims"
# the rule id of a vague attribution (the attribution family's ATT001), read from findings
VAGUE_CODE = "ATT001"

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


# Named thresholds: the use a threshold was chosen for, recorded in the model file's metadata
# as ``<use>_threshold`` ("news": whole-tool audits of real news; "transcript": 5-fold CV on
# CheckThat! 2024 train, debate transcripts). See docs/model-card-claims.md.
THRESHOLD_USES = ("news", "transcript")


def threshold_or_use(value: Any, name: str) -> float | str:
    """Check a ``claim_threshold``: a number between 0 and 1, or the name of a use whose
    threshold the model file records (``"news"``, ``"transcript"``)."""
    if isinstance(value, str):
        if value not in THRESHOLD_USES:
            raise ConfigError(f"{name!r} must be a number between 0 and 1 or one of "
                              f"{', '.join(repr(u) for u in THRESHOLD_USES)}")
        return value
    return fraction(value, name)


CLAIM_THRESHOLD = Setting(
    "claim_threshold", 0.5, threshold_or_use,
    "claim probability from which a body sentence counts as a factual claim: a number, or "
    "\"news\" / \"transcript\" for the threshold the model file records for that use",
)  # fmt: skip
CLAIM_DECISION = Setting(
    "claim_decision", "model", one_of("rules", "model"),
    "who decides which body sentences are unsourced claims: \"rules\" (the claim rules' "
    "verdict) or \"model\" (the learned decision over what the rules and the pipeline "
    "saw, rules/claims/decision.json)",
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


def threshold_for(config: Config, model: ClaimScorer) -> float:
    """The configured ``claim_threshold`` as a number: a named use (``"news"``,
    ``"transcript"``) is the threshold ``model``'s file records for it. Raises
    :class:`ConfigError` when the model file records none for that use."""
    value = config.get(CLAIM_THRESHOLD)
    if not isinstance(value, str):
        return float(value)
    recorded = model.metadata_.get(f"{value}_threshold")
    if not isinstance(recorded, int | float) or not 0.0 <= float(recorded) <= 1.0:
        raise ConfigError(f"'claim_threshold' = {value!r}: the claim model records no "
                          f"{value} threshold ({value}_threshold in its metadata); give a "
                          "number instead")
    return float(recorded)


def _scopes(config: Config) -> list[tuple[str, str | None, Any]]:
    """``(where, claim_model, claim_threshold)`` of the top level and each ``[[overrides]]``
    table (an override without its own value inherits the top level's)."""
    model_key, threshold_key = CLAIM_MODEL.key, CLAIM_THRESHOLD.key
    top_model = config.settings.get(model_key)
    top_threshold = config.settings.get(threshold_key)
    out = [("", top_model, top_threshold)]
    for i, ov in enumerate(config.overrides):
        own = ov.settings.get("settings") or {}
        out.append((f"overrides[{i}].", own.get(model_key, top_model),
                    own.get(threshold_key, top_threshold)))
    return out


def validate(config: Config) -> None:
    """Every claim model the configuration names (top level and ``[[overrides]]``) loads
    and is well-formed, and a named ``claim_threshold`` ("news", "transcript") is recorded
    in the model it applies to, so a bad one stops the run before any article (exit 2)."""
    from checker.core.datafiles import DataFileError
    from rules.claims.scorer import load_scorer

    where = f" in {config.source_file}" if config.source_file else ""
    for scope, model_value, threshold in _scopes(config):
        if not model_value and not isinstance(threshold, str):
            continue
        try:
            model = load_scorer(config.resolve_path(model_value) if model_value else None)
        except DataFileError as exc:
            raise ConfigError(f"'{scope}{CLAIM_MODEL.key}'{where}: {exc}") from None
        if isinstance(threshold, str):
            try:
                threshold_for(config.with_settings(**{CLAIM_THRESHOLD.key: threshold}), model)
            except ConfigError as exc:
                raise ConfigError(f"{scope}{exc}{where}") from None


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


# How sure the genre detector must be of news for the claim rules never to read the article
# as research, and how many first-person method or result sentences make research writing.
_CONFIDENT_NEWS = 0.5
_RESEARCH_SENTENCES = 2


def claim_genre(analysis: Analysis, quotes: SpanIndex) -> str:
    """The genre the context rules read the article as: its detected genre, or ``research``
    when its authors report their own research in the first person plural outside
    quotations and attribution in at least two sentences
    (:func:`rules.claims.voice.research_voice`) and the detector is not confident it is news
    (an opinion piece stays one)."""
    genre = analysis.genre
    if genre in RESEARCH_GENRES or genre in OPINION_GENRES:
        return genre
    # a confident news genre stays news: a reporter's "We reviewed 300 inspection reports
    # for this story" does not make the story's passive findings the authors' research
    if genre == "news" and (analysis.genre_confidence or 0.0) >= _CONFIDENT_NEWS:
        return genre
    own = (s.text for s in analysis.body_sentences()
           if ("we " in s.text or "We " in s.text or "our " in s.text or "Our " in s.text)
           and not analysis.attributed[s.index] and not quotes.touches(s.start, s.end))
    return "research" if research_voice(own, at_least=_RESEARCH_SENTENCES) else genre


def _continued(analysis: Analysis, i: int, start: int, end: int, text: str,
               told: set[int]) -> bool:
    """Whether sentence ``i`` is part of an account told in the same paragraph: it goes on
    with the told sentence just before it ("..., the study found. These events are ...";
    ``told`` holds the sentences that are attributed, continue an account, or report the
    author's own observation), or the next sentence goes on with it and names its teller at
    its end ("He swerved. This caused him to flip the van, said Sgt. Lee.")."""
    sentences, whole = analysis.doc.sentences, analysis.doc.text
    if i > 0 and i - 1 in told:
        before = sentences[i - 1]
        # (across a paragraph break only an opener that adds to the account: "Similarly, ...")
        across = "\n" in whole[before.end:start]
        if continues_account(text, before.text, across_paragraphs=across):
            return True
    if i + 1 < len(sentences) and analysis.attributed[i + 1]:
        after = sentences[i + 1]
        return "\n" not in whole[end:after.start] and told_after(text, after.text)
    return False


def vaguely_attributed(analysis: Analysis) -> set[int]:
    """The sentences a vague-attribution finding (ATT001) credits to an unnamed source
    ("Parents are worried that ..."): attributed, vaguely, so that finding is the one
    finding of the sentence and it is no unsourced claim as well."""
    return {f.sentence for f in analysis.findings
            if f.code == VAGUE_CODE and f.sentence is not None}


class Seen(NamedTuple):
    """What the claims family worked out about one body sentence before deciding (the
    learned decision's input, :mod:`rules.claims.decision`)."""

    prob: float
    threshold: float
    reason: str  # the exemption's reason, "" when none (worked out whatever the probability)
    tie: str  # the "sourced: ..." status that ties it to a source, "" when none
    rule_flag: bool  # whether the rules alone report it as an unsourced claim
    told_prev: bool  # the previous sentence tells an account this one may go on with
    vague: bool  # an ATT001 finding credits it to an unnamed source
    quoted: float  # share of its characters inside quotations


# what ``claim_status`` says of a claim tied to a source, by how it is tied (sentences.csv)
ATTRIBUTED = "sourced: attributed"
VAGUELY = "sourced: vague attribution"
FOOTNOTED = "sourced: footnote"
SOURCE_LISTED = "sourced: source list"
LINKED = "sourced: link"
SPEAKER = "sourced: said or estimated by its subject"
CONTINUED = "sourced: part of an attributed account"
UNSOURCED = "unsourced"
NOT_A_CLAIM = "not a claim: "  # followed by the exemption's reason ("question", ...)


def claim_source(analysis: Analysis, i: int, start: int, end: int, text: str,
                 links: SpanIndex, vague: set[int], told: set[int]) -> str:
    """How a claim is tied to a source (one of the ``sourced: ...`` statuses), or ``""``
    if it is not: attributed (named or vaguely), footnoted, listed with a source, linked,
    a speech act or an estimate of its own subject, or part of a told account
    (:func:`_continued`) -- the first that holds."""
    if analysis.attributed[i]:
        return ATTRIBUTED
    if i in vague:
        return VAGUELY
    if analysis.sentence_footnotes[i]:
        return FOOTNOTED
    if analysis.sentence_source[i]:
        return SOURCE_LISTED
    if links.touches(start, end):
        return LINKED
    if names_its_speaker(text):
        return SPEAKER
    if _continued(analysis, i, start, end, text, told):
        return CONTINUED
    return ""


def _tells(analysis: Analysis, i: int, text: str, vague: set[int], reason: str) -> bool:
    """Whether sentence ``i`` tells an account that the next sentence may go on with: it is
    attributed (named or vaguely), a speech act of its subject, or the author's own
    observation ("Our correspondent saw long queues at ...")."""
    return (analysis.attributed[i] or i in vague or reason == OWN_VOICE
            or names_its_speaker(text))


def rule_pass(analysis: Analysis) -> tuple[list[Sentence], list[Seen], list[str], list[bool]]:
    """The rules' verdict on every body sentence: the sentences, what was seen of each
    (:class:`Seen`, the learned decision's input), its
    ``claim_status`` and ``is_claim`` by the rules. Records ``claim_prob`` and the
    ``claims_genre`` metric."""
    # the genre the claim rules read the article as, beside the detected ``genre`` in
    # summary.csv: they differ only where first-person research writing overrode it
    analysis.metrics["claims_genre"] = analysis.genre
    n = len(analysis.doc.sentences)
    sentences = [s for s in analysis.body_sentences() if s.index < n]
    if not sentences:
        return [], [], [], []
    model = get_model(analysis)
    probs = model.probabilities([s.text for s in sentences])
    threshold = threshold_for(analysis.config, model)
    quotes = quotation_spans(analysis)
    links = SpanIndex((link.start, link.end) for link in analysis.doc.links)
    genre = claim_genre(analysis, quotes)
    analysis.metrics["claims_genre"] = genre
    vague = vaguely_attributed(analysis)
    titles = title_lines(analysis.doc.text, sentences)
    notes = closing_notes(sentences)
    told: set[int] = set()  # sentences that tell an account the next one may go on with
    seen: list[Seen] = []
    statuses: list[str] = []
    claims: list[bool] = []
    for s, prob in zip(sentences, probs, strict=True):
        i = s.index
        analysis.claim_prob[i] = prob
        # (the reason and the tie are worked out below the threshold too: the learned
        # decision reads them; the rules' verdict does not)
        any_reason = (HEADLINE if i in titles else CLOSING_NOTE if i in notes
                      else exemption(s.text, s.start, genre, quotes))
        reason = any_reason if prob >= threshold else ""
        # worded as someone's unnamed view ("is expected to", "reportedly"): a claim,
        # vaguely attributed (ATT001 asks who), like one an unnamed group voices
        worded_vaguely = reason == VAGUE_WORDING
        claim = prob >= threshold and (not reason or worded_vaguely)
        status = NOT_A_CLAIM + reason if reason and not worded_vaguely else ""
        tie = claim_source(analysis, i, s.start, s.end, s.text, links, vague, told)
        tied = tie if claim else ""
        if claim:
            status = tied or (VAGUELY if worded_vaguely else UNSOURCED)
        told_prev = i - 1 in told
        if tied or _tells(analysis, i, s.text, vague, reason):
            told.add(i)
        quoted = quotes.covered(s.start, s.end) / max(1, s.end - s.start)
        seen.append(Seen(prob=prob, threshold=threshold, reason=any_reason, tie=tie,
                         rule_flag=status == UNSOURCED, told_prev=told_prev,
                         vague=i in vague, quoted=min(1.0, quoted)))
        statuses.append(status)
        claims.append(claim)
    return sentences, seen, statuses, claims


def run(analysis: Analysis) -> None:
    """Score every body sentence; report the claims that no earlier family sourced.

    A sentence that is a question, an imperative, a quotation, a caption or a fragment, or,
    by the article's genre, the author's argument (opinion) or own result (research), is
    not a claim whatever its probability (:func:`rules.claims.context.exemption`). With
    ``claim_decision = "model"`` the learned decision (:mod:`rules.claims.decision`) has
    the last word on which sentences are unsourced claims (:func:`decide`)."""
    sentences, seen, statuses, claims = rule_pass(analysis)
    if not sentences:
        return
    if analysis.config.get(CLAIM_DECISION) == "model":
        decide(analysis, sentences, seen, statuses, claims)
    for s, v, status, claim in zip(sentences, seen, statuses, claims, strict=True):
        i = s.index
        analysis.is_claim[i] = claim
        analysis.claim_status[i] = status
        if status != UNSOURCED:
            continue
        analysis.report(
            UNSOURCED_CLAIM,
            s.start,
            s.end,
            f"Checkable claim (claim probability {v.prob:.2f}) with no source: say who "
            "established it, or link or footnote the evidence.",
            sentence=i,
        )


# what is never an unsourced claim, whatever the learned decision says: someone else's
# words, a question, an instruction, a caption or a fragment asserts nothing of the
# author's; and a sentence ATT001 flags as vaguely attributed carries that finding only
# (one finding per phrase)
HARD_EXEMPTIONS = frozenset({QUESTION, IMPERATIVE, QUOTATION, CAPTION, FRAGMENT})


def _never_unsourced(seen: Seen) -> bool:
    """Whether the rules rule out an unsourced claim whatever the learned decision says
    (:data:`HARD_EXEMPTIONS`, or the sentence is vaguely attributed)."""
    return seen.reason in HARD_EXEMPTIONS or seen.vague


def decide(analysis: Analysis, sentences: list[Sentence], seen: list[Seen],
           statuses: list[str], claims: list[bool]) -> None:
    """Let the learned decision settle ``statuses`` and ``claims`` in place: a sentence it
    calls an unsourced claim is one (``unsourced``, a claim) unless the rules rule that out
    (:func:`_never_unsourced`: quotations, questions, imperatives, captions, fragments and
    vaguely attributed sentences keep the rules' verdict); one it does not keeps the
    rules' reason (``not a claim: ...``, ``sourced: ...``), and where the rules had none,
    says what argued most against it (``not a claim: learned decision (...)``)."""
    from rules.claims.decision import load_decision, sentence_features

    model = load_decision()
    # (the decision changes nothing where the rules rule an unsourced claim out and did not
    # call the sentence one: its row is not worked out)
    wanted = [not _never_unsourced(v) or status == UNSOURCED
              for v, status in zip(seen, statuses, strict=True)]
    rows = sentence_features(analysis, sentences, seen, analysis.metrics["claims_genre"],
                             wanted)
    for k, (row, status) in enumerate(zip(rows, statuses, strict=True)):
        if not wanted[k]:
            continue
        if model.probability(row) >= model.threshold and not _never_unsourced(seen[k]):
            statuses[k], claims[k] = UNSOURCED, True
        elif status == UNSOURCED:
            statuses[k] = f"{NOT_A_CLAIM}learned decision ({model.strongest_against(row)})"
            claims[k] = False


FAMILY = Family(
    name=NAME,
    rules=(UNSOURCED_CLAIM,),
    run=run,
    reads=frozenset(
        {"attributed", "sentence_footnotes", "sentence_source", "quotes", "genre",
         "findings", "genre_confidence", "uncertainty", "hedged", "attributions"}
    ),
    writes=frozenset({"claim_prob", "is_claim", "claim_status", "findings", "metrics"}),
    settings=(CLAIM_THRESHOLD, CLAIM_MODEL, CLAIM_DECISION),
    validate=validate,
)
