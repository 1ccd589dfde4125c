"""Footnotes, references and links: who each numbered note cites, and what is left uncited.

Reads every common way a draft cites with notes and maps each marker to its entry:

- markers glued to the sentence end after punctuation or a closing quote ("ending it.1",
  "'a slow decline.'4"), or to the last word before punctuation ("the agency3.");
- bracketed ``[1]``, ``[1, 3]``, ``[1-3]``, ``[1][2]`` (HTML ``<sup>1</sup>`` is rendered as
  ``[1]`` by the loader); caret ``^1``; Unicode superscripts ``¹²``; links to ``#fn1``-style
  fragments; Markdown footnotes ``[^1]`` / ``[^name]``;
- entries: one-line source lists ("Sources: 1Reuters, 2AP and 3CNN."), "References" /
  "Sources" / "Notes" sections with ``1.``, ``[1]``, ``1)``, ``(1)``, ``^1``, ``¹`` entries,
  Markdown footnote definitions and Markdown reference-link definitions;
- inline hyperlinks (Markdown and HTML) as attribution of their sentence, with their domain.

Numbers that are not markers ("2.5K", "in 2014.", "COVID-19", "F-35", "G7", "Part 2",
ordinals, dates, money) are not read as markers: glued markers are accepted only with
evidence from the document (an entry with that number, or a clean 1, 2, 3... sequence).

``parse_footnotes(text, blocks)`` is the pure core; ``run(analysis)`` is the pipeline step.

Modules, in the order of the parse steps:

- ``lexicon``: the footnote lexicon (section headings, outlets...), extended by config;
- ``scan``: shared patterns and fast scanning helpers (prefilters, line-start scans, masks);
- ``records``: the records passed between steps (``FootnoteParse``, ``Issue``, links...);
- ``definitions``: note definitions, one-line source lists and reference sections;
- ``markers``: note markers (caret, bracketed, superscript, glued digits, HTML notes...)
  and the evidence they need;
- ``scope``: the sentence and scope of each marker (and blocks when no segmenter ran);
- ``links``: hyperlinks in the text and from the loader, and their syntax check;
- ``sources``: source names and kinds, and the SourceMention records of entries and links;
- ``findings``: the rules FTN001-FTN006, one check per rule;
- ``parse``: ``parse_footnotes``, which calls the steps in order.
"""

from __future__ import annotations

from checker.core.analysis import Analysis, Family
from rules.footnotes.findings import (
    BROKEN_LINK,
    DANGLING,
    MALFORMED,
    NAME,
    RULES,
    SEQUENCE,
    UNCITED,
    UNUSED,
)
from rules.footnotes.lexicon import lexicon as footnote_lexicon
from rules.footnotes.parse import parse_footnotes
from rules.footnotes.scope import FOOTNOTE_SCOPE, record_sentence_footnotes
from rules.footnotes.sources import source_mentions


def run(analysis: Analysis) -> None:
    """Fill ``analysis.footnotes``, ``sentence_footnotes`` and ``sources``; report findings."""
    doc = analysis.doc
    scope = analysis.config.get(FOOTNOTE_SCOPE) or "auto"
    lex = footnote_lexicon(analysis.config)
    res = parse_footnotes(
        doc.text,
        doc.blocks,
        sentences=doc.sentences,
        links=doc.links,
        fmt=doc.format,
        scope=scope,
        lex=lex,
    )
    analysis.footnotes = res.footnotes
    record_sentence_footnotes(doc.sentences, res.footnotes.markers, analysis.sentence_footnotes)
    analysis.sources.extend(source_mentions(doc, res, lex))
    for issue in res.issues:
        analysis.report(issue.rule, issue.start, issue.end, issue.message)


FAMILY = Family(
    name=NAME,
    rules=RULES,
    run=run,
    reads=frozenset(),
    writes=frozenset({"footnotes", "sentence_footnotes", "sources", "findings"}),
    settings=(FOOTNOTE_SCOPE,),
)

__all__ = [
    "BROKEN_LINK",
    "DANGLING",
    "FAMILY",
    "MALFORMED",
    "SEQUENCE",
    "UNCITED",
    "UNUSED",
    "parse_footnotes",
    "run",
]
