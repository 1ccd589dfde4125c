"""Attribution extraction: who said what, and which quotations stand unsourced.

For every attribution relation we find, PolNeAR-style, the *source* span
("Dr. Jane Roe", "he", "officials"), the *cue* span ("said", "according to",
"told") and the *content* span(s) (what was said, thought or reported).

Stages, one module each (one pass over the tokens; the large phrase regexes compile on
first use):

- ``lexicon.py``: the cue and source lexicon (``lexicon.json``), its phrase regexes and
  the memo tables kept on it; ``words.py``: closed word classes the stages share;
- ``tokens.py``: tokenise the text once and pair quotation marks into quote spans, across
  sentences and paragraphs (a paragraph that opens with a quote mark and never closes
  it continues in the next one that opens with a quote mark, as in print convention);
  ``doc.py``: the tokens with their sentence and quotation, and the relation record;
- ``tagger.py``: find cue spans with the learned B/I/O cue tagger over every token
  (``tagger.json``: multinomial logistic regression over hashed context templates,
  trained on PolNeAR ``train``), so that cues that are no reporting verb ("brushed
  off", "is a fierce critic of") are found too; ``cues.py``: what a tagged span is
  (agentless passives such as "is accused of" get no source); ``candidates.py``: cue
  candidates from the lexicon filtered by the earlier candidate classifier
  (``cue_model.json``), merged in, or used alone without the tagger file;
  ``sentence_gate.py``: a sentence-level model (``sentence_gate.json``, trained on PolNeAR
  ``train``) that keeps the tagger's weaker cues in sentences no relation covers when it
  reads the sentence as attributed (such a weak cue names an information source only when
  it holds a lexicon reporting or belief verb); where the gate is surer still
  (``alone_threshold``) and the weak cue yields no relation, the sentence is kept as a
  source-less ``sentence_only`` relation that counts for PolNeAR, is never an
  information source and makes its sentence ``attributed`` with no source; last, the
  gate's second stage may read a sentence that nothing covers as attributed
  (``extraction.free_relations``: a cue-less ``sentence_only`` relation);
- ``relations.py``, ``phrases.py``, ``content.py``: for each cue its source noun phrase
  (left "X said", inverted "said X", "according to X" / "as per X" / "per X,", a poll
  cited with "in", participial ", saying" -> clause subject), then its content (right of
  the cue, left of ", X said", both sides of a split quote, or a whole quotation running
  over several sentences/paragraphs);
- ``plausible.py``: information sources, not actors: a relation whose cue introduces no
  content ("raised rates", "calls for a strike") or whose source cannot say anything
  ("the new strains", "you") is kept for PolNeAR but marked ``informational=False``;
  ``held.py``: of those, a wish, intention, commitment, request or belief told without a
  clause ("wants to raise the fees", "urged the board to act") is marked ``held``: its
  sentence is attributed, with no source named;
  ``citations.py``: author-year citations and "as set out in a ... report";
- ``sources.py``: resolve pronouns and short names to the last full name mentioned
  earlier and classify every source (person with role, organisation, outlet, document,
  anonymous); ``extraction.py`` runs these stages (``extract``);
- ``record.py`` keeps the relations of analysed (body) sentences and fills the
  ``Analysis`` contract from the informational ones; ``rows.py`` (when
  ``source_rows.json`` is shipped) applies the "who is cited" row model learned from
  news-convention labels (keep a row, its kind) over ``row_features.py``;
  ``findings.py`` holds the rules and emits ATT001/ATT002.

``run(analysis)`` is the pipeline step. ``extraction.extract(text, sentences)`` is the
plain-string API used by the evaluation.
"""

from __future__ import annotations

from checker.core.analysis import Analysis, Family
from rules.attribution.extraction import extract
from rules.attribution.findings import NAME, UNATTRIBUTED_QUOTE, VAGUE, report_findings
from rules.attribution.lexicon import get_lexicon
from rules.attribution.record import analysed_only, record


def _config_extra(analysis: Analysis) -> dict[str, list[str]] | None:
    """The configuration's extra lexicon words for this family, if any."""
    return analysis.config.lexicon_for(NAME) or None


def run(analysis: Analysis) -> None:
    """Fill quotes, attributions, sources, attributed/sentence_source; emit ATT001/ATT002."""
    doc = analysis.doc
    lex = get_lexicon(_config_extra(analysis))
    found, quotes = extract(doc.text, [(s.start, s.end) for s in doc.sentences], lex)
    found, quotes = analysed_only(doc, found, quotes)
    record(analysis, found, quotes, lex)
    report_findings(analysis, found, quotes, lex)


FAMILY = Family(
    name=NAME,
    rules=(VAGUE, UNATTRIBUTED_QUOTE),
    run=run,
    reads=frozenset({"sentence_footnotes"}),
    writes=frozenset({"quotes", "attributions", "sources", "attributed", "sentence_source",
                      "findings", "carriers"}),
)

__all__ = ["FAMILY", "UNATTRIBUTED_QUOTE", "VAGUE", "run"]
