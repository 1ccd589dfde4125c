"""What the attribution family records on the Analysis for the families after it.

``quotes`` (direct quotation spans), ``attributions`` (one per relation), ``sources``
(one mention per relation with a source, and per nested "citing ..." mention),
``attributed`` and ``sentence_source`` per sentence: a sentence is attributed when it
holds content or the source of a sourced relation, a footnote marker or a link, or when
the sentence gate alone reads it as reported speech or thought (``sentence_only``, no
source named then); the content of a stance or of content an actor holds (``held``:
"wants to raise the fees") is attributed with no source named.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from pathlib import Path

from checker.core.analysis import ANONYMOUS, OUTLET, Analysis, Attribution, SourceMention
from checker.core.document import BODY, Document, Span
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import Lexicon
from rules.attribution.sources import classify

SentenceOf = Callable[[int], int | None]  # text offset -> sentence index
# the learned "who is cited" row model (``rows.py``); without the file (none is shipped:
# docs/model-card-source-rows.md) the rules' rows stand
ROWS_PATH = Path(__file__).resolve().parent / "source_rows.json"


def analysed_only(doc: Document, found: list[Extracted], quotes: list[tuple[int, int]]
                  ) -> tuple[list[Extracted], list[tuple[int, int]]]:
    """The relations and quotations of analysed (body) sentences: headlines, standfirsts,
    captions and page chrome are shown as not analysed and give no source, attribution or
    quotation. A relation belongs where its cue (else its source, else its content) is;
    its content keeps the spans that start in body sentences."""
    body = [s.region == BODY for s in doc.sentences]
    sent_index = _sentence_finder(doc)

    def in_body(off: int) -> bool:
        k = sent_index(off)
        return k is not None and body[k] and off < doc.sentences[k].end

    kept = []
    for r in found:
        anchor = (r.cue or r.source or r.content[0])[0]
        if not in_body(anchor):
            continue
        r.content = [c for c in r.content if in_body(c[0])]
        if r.content:
            kept.append(r)
    return kept, [q for q in quotes if in_body(q[0])]


def record(analysis: Analysis, found: list[Extracted], quotes: list[tuple[int, int]],
           lex: Lexicon) -> None:
    """Fill quotes, attributions, sources, attributed and sentence_source from the
    informational relations (an actor doing something is no source: ``plausible.py``);
    the row model, when shipped, then keeps or drops each "who is cited" row and gives
    its kind (``rows.py``)."""
    analysis.quotes.extend(Span(a, b) for a, b in quotes)
    sent_index = _sentence_finder(analysis.doc)
    scores: dict[int, float] = {}  # id of a relation's source mention -> verifier score
    for r in found:
        if r.stance or r.held:
            _mark_stance(analysis, r, sent_index)
        if not r.informational:
            if r.sentence_only:
                _mark_gate_verdict(analysis, r, sent_index)
            continue
        analysis.attributions.append(_attribution(r))
        _record_sources(analysis, r, lex, sent_index, scores)
        _mark_attributed(analysis, r, sent_index)
    if analysis.sources and ROWS_PATH.is_file():
        from rules.attribution.rows import apply_row_model  # imported once it can apply

        apply_row_model(analysis, lex, ROWS_PATH, scores)
    # footnote markers and hyperlinks attribute their sentence
    for s in analysis.doc.sentences:
        if analysis.sentence_footnotes and analysis.sentence_footnotes[s.index]:
            analysis.attributed[s.index] = True
    for link in analysis.doc.links:
        k = sent_index(link.start)
        if k is not None:
            analysis.attributed[k] = True


def _sentence_finder(doc: Document) -> SentenceOf:
    """A function from a text offset to the index of the sentence starting last before it."""
    n = len(doc.sentences)
    starts = [s.start for s in doc.sentences]

    def sent_index(off: int) -> int | None:
        i = bisect.bisect_right(starts, off) - 1
        return i if 0 <= i < n else None

    return sent_index


def _attribution(r: Extracted) -> Attribution:
    """The Analysis record of a relation."""
    return Attribution(
        source=Span(*r.source) if r.source else None,
        cue=Span(*r.cue) if r.cue else None,
        content=tuple(Span(a, b) for a, b in r.content),
        source_name=r.source_name,
        source_kind=r.source_kind,
        role=r.role if r.role != "continuation" else "",
        direct=r.direct,
    )


def _record_sources(analysis: Analysis, r: Extracted, lex: Lexicon,
                    sent_index: SentenceOf, scores: dict[int, float]) -> None:
    """The source mentions of a relation: its source, an outlet told (for an unnamed
    speaker) and a "citing ..." mention (``scores``: the source mention's verifier score,
    by the mention's id)."""
    if r.source is not None and r.source_name.lower() not in lex.pronouns \
            and not r.source_doubted:
        # an unresolved pronoun ("he said" with nobody named before) names nobody
        mention = SourceMention(
            name=r.source_name or r.source_text,
            kind=r.source_kind or ANONYMOUS,
            start=r.source[0],
            end=r.source[1],
            sentence=sent_index(r.source[0]),
            cue=r.cue_text.lower(),
            role=r.role,
        )
        analysis.sources.append(mention)
        scores[id(mention)] = r.source_score
    if r.recipient is not None and (r.source_kind or ANONYMOUS) != ANONYMOUS:
        analysis.carriers.append(Span(r.recipient[0], r.recipient[1]))
    elif r.recipient is not None and (told := classify(
            analysis.doc.text[r.recipient[0]:r.recipient[1]], lex))[0] == OUTLET:
        # an outlet told vouches for an unnamed speaker ("A senior official told the Valley
        # Journal"); a named one is the source ("Energy Minister Ana Ruiz told the Journal":
        # the outlet only carried the interview)
        kind, name, role = told
        analysis.sources.append(
            SourceMention(name=name, kind=kind, start=r.recipient[0], end=r.recipient[1],
                          sentence=sent_index(r.recipient[0]), cue="told", role=role)
        )
    if r.citing is not None:
        kind, name, role = classify(r.citing_text, lex)
        analysis.sources.append(
            SourceMention(name=name, kind=kind, start=r.citing[0], end=r.citing[1],
                          sentence=sent_index(r.citing[0]), cue="citing", role=role)
        )


def _mark_attributed(analysis: Analysis, r: Extracted, sent_index: SentenceOf) -> None:
    """Mark the sentences of a relation's content and source as attributed to its source."""
    if r.source is None and r.cue is not None:
        return  # agentless ("it is widely believed that"): the content stays unsourced
    for a, b in r.content:
        i = sent_index(a)
        j = sent_index(max(a, b - 1))
        if i is None or j is None:
            continue
        for k in range(i, j + 1):
            _attribute(analysis, k, r.source_name)
    if r.source is not None:
        k = sent_index(r.source[0])
        if k is not None:
            _attribute(analysis, k, r.source_name)


def _mark_stance(analysis: Analysis, r: Extracted, sent_index: SentenceOf) -> None:
    """The sentences of the author's or reader's own stance ("We understand that ...") or
    of content an actor holds ("The mayor wants to raise the fees") are no unsourced
    factual assertion of the author's: attributed, with no source named."""
    for a, _ in r.content:
        k = sent_index(a)
        if k is not None:
            analysis.attributed[k] = True


def _mark_gate_verdict(analysis: Analysis, r: Extracted, sent_index: SentenceOf) -> None:
    """The sentence of a ``sentence_only`` relation: the sentence gate reads it as reporting
    what someone said or thinks (a later sentence of a quotation, "Adding, ..."), though no
    source or content boundary could be read. It is no unsourced assertion of the author's:
    attributed, with no source named. (A weak relation whose cue is no lexicon reporting
    verb stays unattributed: the gate also lets in actions, "sued the ministry", which
    are the author's claims.)"""
    k = sent_index(r.content[0][0])
    if k is not None:
        analysis.attributed[k] = True


def _attribute(analysis: Analysis, k: int, source_name: str) -> None:
    """Sentence ``k`` is attributed; its source is the first one recorded for it."""
    analysis.attributed[k] = True
    if not analysis.sentence_source[k]:
        analysis.sentence_source[k] = source_name
