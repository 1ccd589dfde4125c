"""``extract``: every attribution relation of a text, stage by stage.

1. tokenise the text and pair its quotation marks (:class:`~rules.attribution.doc.TokenDoc`);
2. find cue spans with the learned tagger (``tagger.py``) and merge in the lexicon cue
   candidates kept by the candidate model (``candidates.py``), or, without a tagger,
   use the candidates alone;
3. for each cue find its source and content (``relations.py``);
4. let quotations that follow a quoted relation continue it (:func:`continuations`);
5. resolve and classify the sources (``sources.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from checker.core.regexlit import lazy_compile
from rules.attribution.candidates import (
    CueModel,
    as_put_it,
    cue_candidates,
    cue_features,
    load_cue_model,
)
from rules.attribution.citations import citation_relations, heading_relations
from rules.attribution.cues import (
    agentless,
    document_finding,
    evidential,
    function_only,
    no_response,
    postmodifier,
    span_kind,
)
from rules.attribution.doc import Extracted, TokenDoc, free_tokens, tok_index
from rules.attribution.lexicon import Lexicon, get_lexicon
from rules.attribution.nominal import nominal_relations
from rules.attribution.plausible import rejection, reports_content
from rules.attribution.referents import resolve
from rules.attribution.relations import manner_according, relation, sourceless
from rules.attribution.sentence_gate import (
    SentenceGate,
    load_sentence_gate,
)
from rules.attribution.source_spans import (
    act_before_participle,
    initial_citing,
    name_before_appositives,
    name_through_initial,
    noun_out_of_cue,
    outlet_told,
    retarget_time_source,
    self_named_source,
    topic_not_cited,
    trim_dateline,
)
from rules.attribution.tokens import WORD
from rules.attribution.words import BOUNDARY_WORDS, DETERMINERS, QUOTE_TOKENS

if TYPE_CHECKING:
    from rules.attribution.tagger import CueTagger

# with the tagger, also keep the relations of lexicon candidates the tagger missed
MERGE_CANDIDATES = True


def extract(
    text: str,
    sentences: Sequence[tuple[int, int]],
    lexicon: Lexicon | None = None,
    model: CueModel | CueTagger | None | bool = True,
    gate: SentenceGate | None | bool = True,
) -> tuple[list[Extracted], list[tuple[int, int]]]:
    """Attribution relations and direct-quotation spans of ``text``.

    ``sentences`` are (start, end) character ranges in text order. ``model=True``
    loads the committed cue model; ``None``/``False`` keeps every lexicon cue.
    ``gate=True`` loads the committed sentence gate (used with the tagger only);
    ``None``/``False`` goes without.
    """
    # the tagger (and numpy) load on the first extraction, not with the rule catalogue
    from rules.attribution.tagger import CueTagger, decode_cue_spans, load_cue_tagger

    lex = lexicon or get_lexicon()
    if model is True:
        model = load_cue_tagger() or load_cue_model()
    d = TokenDoc(text, sentences, lex)
    results: list[Extracted] = []
    proba = None
    if isinstance(model, CueTagger):
        if gate is True:
            gate = load_sentence_gate()
        if gate:
            proba = model.token_proba(d)
            _tagged_relations(d, model, results,
                              decode_cue_spans(proba, d.tok_sent, model.threshold))
            recover(d, model, gate, results, proba)
        else:
            _tagged_relations(d, model, results, model.spans(d))
    else:
        candidate_relations(d, model or None, results)
    _flag(d, results)
    _rescue(d, model if isinstance(model, CueModel) else None, results,
            model.extra_cues if model else {})
    results.extend(citation_relations(d))
    nominal_relations(d, results)
    results.extend(heading_relations(d))
    continuations(d, results)
    resolve(d, results)
    if proba is not None and isinstance(gate, SentenceGate):
        free_relations(d, gate, results, proba)
    quoted_sentences(d, results)
    return results, d.quotes


def _flag(d: TokenDoc, results: list[Extracted]) -> None:
    """Trim times off sources, note "Quoting X, ..." and mark the information sources."""
    for r in results:
        trim_dateline(d, r)
        name_through_initial(d, r)
        name_before_appositives(d, r)
        self_named_source(d, r)
        act_before_participle(d, r)
        noun_out_of_cue(d, r)
        retarget_time_source(d, r)
        topic_not_cited(d, r)
        initial_citing(d, r)
        why = rejection(d, r)
        r.informational = not r.sentence_only and not why \
            and not (r.weak and not _reports(d, r) and not reports_content(d, r))
        if why in ("withheld", "content") and r.cue is not None and _named_holder(r) \
                and " be " not in f" {r.cue_text.lower()} " \
                and (why == "withheld" or no_response(d.text, r.cue)):
            _withheld(d, r)
        outlet_told(d, r)


def _named_holder(r: Extracted) -> bool:
    """Whether a relation's source is more than a bare lower-case word: "companies
    generally do not disclose ..." is a general claim, "The council declined to say" and
    "He declined to comment" are not."""
    words = r.source_text.split()
    return len(words) > 1 or (bool(words) and (words[0][:1].isupper()
                                               or words[0].lower() in _HOLDER_PRONOUNS))


_HOLDER_PRONOUNS = frozenset(("he", "she", "they", "it", "who"))


def _withheld(d: TokenDoc, r: Extracted) -> None:
    """A source that declined to comment or did not answer ("The council declined to say
    when ...", "did not respond to requests for comment") names no source of information,
    but its sentence is no unsourced claim of the author's either: it reports on the
    reporting. It is framed like a stance (``stance``: attributed, no source named); with
    no content of its own, its cue's sentence is the content."""
    si = d.sent_of(r.cue[0]) if r.cue is not None else -1
    if si >= 0 and r.source is not None and r.cue is not None:
        start, end = d.sents[si]
        if _CLAUSE_BEFORE.search(d.text, start, r.source[0]):
            # "The factory will close in March, but the owners declined to say why": the
            # first clause is the author's own claim; only the holder's clause reports on
            # the reporting, and the sentence is not framed
            r.content = [(r.source[0], end)]
            return
        if _PLAIN_OBJECT.match(d.text, r.cue[1]) \
                and not _ASKED_OBJECT.search(d.text, r.cue[1], end):
            # "Police have not released the names of the victims, who died in ...": what
            # is withheld is a thing, and the facts around it stay the author's
            return
    r.stance = True
    if not r.content and si >= 0:
        r.content = [d.sents[si]]


# a clause boundary before a withholder: the sentence's first clause is the author's own
_CLAUSE_BEFORE = lazy_compile(
    r"\w[\w'’%)]*\s*(?:,|;|\s—|\s-)\s*(?:but|though|although|while|and|yet)"
    r"\s+[^,;]*$|\w[\w'’%)]*\s+(?:but|though|although|while)\s+[^,;]*$",
    re.IGNORECASE)
# a withholding verb's object that is a plain noun phrase ("have not released the names")
_PLAIN_OBJECT = re.compile(r"\s+(?:the|a|an|its|their|his|her|any|all|further|more|details|"
                           r"names|figures|\d+)\b", re.IGNORECASE)
# ... unless that object is a request or an answer ("did not return a request for comment")
_ASKED_OBJECT = re.compile(r"\b(?:comments?|requests?|calls?|messages?|e-?mails?|inquir\w*|"
                           r"enquir\w*|questions?|queries|answers?)\b", re.IGNORECASE)


def _relative_report(d: TokenDoc, r: Extracted) -> bool:
    """Whether a relation is a report in a relative clause after an action ("Ann Lee gave
    a speech in which she promised lower taxes", "... visited the plant, where he said
    ..."): a pronoun source after "in which" / "where", with a lexicon reporting cue. The
    pronoun is resolved to the named subject later (``referents``)."""
    if r.source is None or r.cue is None or r.source_doubted:
        return False
    k = tok_index(d, r.source[0])
    toks = d.toks
    if toks[k].low not in _HOLDER_PRONOUNS or tok_index(d, r.source[1]) - k != 1 or k < 2:
        return False
    rel = toks[k - 1].low == "where" or (toks[k - 1].low == "which"
                                         and toks[k - 2].low in _RELATIVE_PREPS)
    return rel and any(w in d.lex.cue_forms for w in r.cue_text.lower().split())


_RELATIVE_PREPS = frozenset(("in", "at", "during", "on", "through"))


def _reports(d: TokenDoc, r: Extracted) -> bool:
    """Whether a relation's cue holds a lexicon reporting or belief verb (a weak cue that
    is only a stance or an action, "took aim at", "is a fierce critic of", is a PolNeAR
    attribution but names no information source), or is a colon before a quotation
    ("Ann Lee: “We played well.”")."""
    return (r.kind == "colon" and r.direct) \
        or any(w in d.lex.cue_forms for w in r.cue_text.lower().split())


def _rescue(d: TokenDoc, cue_model: CueModel | None, results: list[Extracted],
            extra_cues: dict[str, str]) -> None:
    """An action relation ("Biden spoke with the emir to discuss efforts, the White House
    said") or an agentless passive ("Lee, who was named to the board in May, said ...")
    took the tokens of the report inside it: free its tokens and keep the
    information-source relations that the lexicon candidates find there."""
    actions = [r for r in results if (not r.informational or r.source is None)
               and not r.sentence_only and r.cue is not None]
    if not actions:
        return
    # an agentless cue is read again by no candidate ("was named" would take a source)
    fixed = {k for r in actions if r.source is None and r.cue
             for k in range(bisect.bisect_left(d.tok_starts, r.cue[0]),
                            bisect.bisect_left(d.tok_starts, r.cue[1]))}
    free_tokens(d, ((bisect.bisect_left(d.tok_starts, a), bisect.bisect_left(d.tok_starts, b))
                    for r in actions
                    for a, b in [*r.content, *(s for s in (r.cue, r.source) if s)]))
    extra: list[Extracted] = []
    sents = {d.sent_of(r.cue[0]) for r in actions if r.cue}
    # the other cues first: an action's own cue, found again first, would take the
    # report's tokens once more ("X declined to renew the offer, according to Y"); then
    # the actions' cues, which may read as reports now ("..., the harbour master said")
    skip = {k for r in actions if r.cue
            for k in range(bisect.bisect_left(d.tok_starts, r.cue[0]),
                           bisect.bisect_left(d.tok_starts, r.cue[1]))}
    if cue_model is None:
        if not _any_candidate(d, extra_cues, set(), sents):
            return  # nothing for the candidate model to judge: it need not load
        cue_model = load_cue_model()
    cands = [c for c in cue_candidates(d, cue_model) if d.toks[c[0]].sent in sents]
    candidate_relations(d, cue_model, extra, skip=skip, sentences=sents, cands=cands)
    candidate_relations(d, cue_model, extra, skip=fixed, sentences=sents, cands=cands)
    _flag(d, extra)
    for r in extra:
        if not r.informational and _relative_report(d, r):
            r.informational = True
    # inside an agentless passive's content, only a sayer that names someone ("the final
    # say will fall to ..." is no report)
    passive = [span for r in actions if r.source is None for span in r.content]
    results.extend(r for r in extra if r.informational
                   and (r.cue is None or not _inside(r.cue[0], passive) or _names(d, r)))
    results.sort(key=lambda r: (r.cue or (0, 0))[0])


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies inside one of ``spans``."""
    return any(a <= offset < b for a, b in spans)


def _names(d: TokenDoc, r: Extracted) -> bool:
    """Whether a relation's source names someone: a capitalised word after its first, or
    a head that is a pronoun or a person, group, organisation or outlet noun."""
    words = r.source_text.split()
    if any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()):
        return True
    head = words[-1].lower().strip(".,;:") if words else ""
    lex = d.lex
    return head in lex.pronouns or head in lex.people_words \
        or head in lex.organisation_nouns or head in lex.outlet_nouns \
        or head.rstrip("s") in lex.people_words or head.rstrip("s") in lex.organisation_nouns


def _tagged_relations(d: TokenDoc, tagger: CueTagger, results: list[Extracted],
                      spans: list[tuple[int, int]]) -> None:
    """Relations of the tagger's cue ``spans``, then of the lexicon candidates it missed."""
    for ci, cj in spans:
        rec = _tagged_relation(d, ci, cj, tagger.extra_cues)
        if rec is not None:
            results.append(rec)
    if MERGE_CANDIDATES:
        tagged = {k for a, b in spans for k in range(a, b + 1)}
        if not _any_candidate(d, tagger.extra_cues, tagged, None):
            return  # (the candidate model is not even loaded: a short draft starts faster)
        fallback = load_cue_model()
        if fallback is not None:
            candidate_relations(d, fallback, results, skip=tagged)
            results.sort(key=lambda r: (r.cue or (0, 0))[0])


def recover(d: TokenDoc, tagger: CueTagger, gate: SentenceGate, results: list[Extracted],
            proba: Any) -> None:
    """Sentences that no relation touches, in which the tagger sees a weaker cue (its
    token probabilities ``proba`` decoded at ``gate.cue_threshold``) and which the
    sentence gate reads as attributed, keep that cue's relation."""
    from rules.attribution.tagger import decode_cue_spans

    if not len(proba):
        return
    sent = d.tok_sent
    # the sentences where a token reaches the weaker threshold (on numpy's float64 rows, the
    # same sums as on the light path's plain rows)
    if isinstance(proba, list):
        weak_toks = [i for i, r in enumerate(proba) if r[1] + r[2] >= gate.cue_threshold]
    else:
        weak_toks = (proba[:, 1] + proba[:, 2] >= gate.cue_threshold).nonzero()[0].tolist()
    weak_sents = {sent[i] for i in weak_toks}
    weak_sents.discard(-1)
    if not weak_sents:
        return
    # (content running over several sentences touches each of them)
    touched = d.covered_sentences(results)
    weak_sents -= touched
    if not weak_sents:
        return
    # decode those sentences only (decoding never joins tokens of two sentences)
    idx = [i for si in sorted(weak_sents) for i in range(*d.sent_tok[si])]
    # those tokens' rows (numpy's: decoded as an array, which turns only the tokens at the
    # lower threshold into floats, the same float64 sums as on plain rows)
    rows = [proba[i] for i in idx] if isinstance(proba, list) else proba[idx]
    weak = [(idx[a], idx[b]) for a, b in
            decode_cue_spans(rows, [sent[i] for i in idx], gate.cue_threshold)]
    _prepare_gate(d, gate, weak, touched)
    verdict: dict[int, float] = {}
    found = []
    alone: dict[int, tuple[int, int]] = {}  # sentence -> its first weak cue (no relation yet)
    for ci, cj in weak:
        si = d.tok_sent[ci]
        tok = d.toks[ci]
        if si in touched or d.used[ci] or (tok.quote >= 0 and tok.text not in QUOTE_TOKENS):
            continue  # (no relation to find there: the gate need not be asked)
        if si not in verdict:
            a, b = d.sent_tok[si]
            verdict[si] = gate.proba(d, si) if b - a >= 4 else 0.0
            alone.setdefault(si, (ci, cj))
        if verdict[si] < gate.threshold:
            continue
        rec = _tagged_relation(d, ci, cj, tagger.extra_cues)
        if rec is not None and (rec.source is None or _has_head(d, rec.source)):
            rec.weak = True
            found.append(rec)
            alone.pop(si, None)
    if gate.alone_threshold is not None:
        found.extend(_sentence_only(d, si, *cue) for si, cue in alone.items()
                     if verdict[si] >= gate.alone_threshold)
    if found:
        results.extend(found)
        results.sort(key=lambda r: (r.cue or (0, 0))[0])


def _prepare_gate(d: TokenDoc, gate: SentenceGate, weak: list[tuple[int, int]],
                  touched: set[int]) -> None:
    """Let the gate score together the sentences it may be asked about, by :func:`recover`
    (those of its ``weak`` cue spans) and by its second stage (:func:`free_relations`: the
    sentences of four or more tokens that nothing covers in the end, among those not
    ``touched`` now), in one batch: a few more than are asked; a sentence asked later
    and not scored here is scored then (the same numbers either way)."""
    if gate.stack is not None:
        gate.prepare(d, [si for si, (a, b) in enumerate(d.sent_tok)
                         if b - a >= 4 and si not in touched])
        return
    gate.prepare(d, {si for ci, _ in weak if (si := d.tok_sent[ci]) not in touched
                     and not d.used[ci] and d.sent_tok[si][1] - d.sent_tok[si][0] >= 4
                     and (d.toks[ci].quote < 0 or d.toks[ci].text in QUOTE_TOKENS)})


def free_relations(d: TokenDoc, gate: SentenceGate, results: list[Extracted],
                   proba: Any) -> None:
    """Sentences that nothing covers (not even a quotation's continuation) and that the
    gate's second stage reads as attributed content (``SentenceGate.free_sentences``, from
    the sentence probability, the tagger's token probabilities ``proba`` and the
    neighbouring sentences): cue-less ``sentence_only`` relations, never an information
    source, so that the product's sources, quotes and findings do not change (their
    sentence is ``attributed``, with no source: ``record.py``)."""
    if gate.stack is None:
        return
    covered = d.covered_sentences(results)
    # (the tagger's cue in "went according to plan" is a manner, which the rules turned
    # down: the second stage would read the sentence as a report on that cue alone)
    results.extend(_sentence_only(d, si, None, None)
                   for si in gate.free_sentences(d, covered, proba)
                   if not manner_according(d, si))


# a sentence of at least this many words, this share of whose characters lie inside
# quotations, is someone's words (chosen on PolNeAR train: 0.8 / 0.9 / 0.95 gave 83% /
# 84% / 85% of such sentences attributed in gold; the rest mostly excerpts of other
# outlets that PolNeAR leaves out)
QUOTED_MIN_WORDS = 4
QUOTED_SHARE = 0.95


def quoted_sentences(d: TokenDoc, results: list[Extracted]) -> None:
    """Sentences that nothing covers and that lie (nearly) whole inside a quotation: a
    later sentence of a long quotation whose speaker stands sentences away, a quotation
    paragraph after the speaker's own. They are someone's words, not the author's claim:
    cue-less ``sentence_only`` relations (attributed, no source named; ATT002 still asks
    for the speaker of a quotation that no relation covers)."""
    if not d.quotes:
        return
    text = d.text
    candidates = sorted({si for qa, qb in d.quotes
                         for si in range(d.sent_of(qa), d.sent_of(max(qa, qb - 1)) + 1)})
    covered = d.covered_sentences(results)
    for si in candidates:
        if si in covered or si >= len(d.sents):
            continue
        a, b = d.sents[si]
        words = text[a:b].split()
        if len(words) < QUOTED_MIN_WORDS:
            continue
        # non-space characters: the lengths of the pieces that ``split`` leaves
        chars = sum(map(len, words))
        inside = sum(len(piece) for qa, qb in d.quotes if qa < b and qb > a
                     for piece in text[max(a, qa):min(b, qb)].split())
        if chars and inside >= QUOTED_SHARE * chars:
            results.append(_sentence_only(d, si, None, None))


def _sentence_only(d: TokenDoc, si: int, ci: int | None, cj: int | None) -> Extracted:
    """A sentence that the gate reads as attributed although its weak cue ``ci..cj``
    yields no relation (or, from the second stage, with no cue: ``None``): the cue and the
    whole sentence as content, no source, never an information source
    (``Extracted.sentence_only``)."""
    a, b = d.sents[si]
    text = d.text
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    cue = (d.toks[ci].start, d.toks[cj].end) if ci is not None and cj is not None else None
    return Extracted(source=None, cue=cue, content=[(a, b)],
                     cue_text=text[cue[0]:cue[1]] if cue else "",
                     weak=True, informational=False, sentence_only=True)


def _has_head(d: TokenDoc, span: tuple[int, int]) -> bool:
    """Whether a source span holds a word that can head a noun phrase (not "The" alone,
    as a weak cue's parse leaves it)."""
    for k in range(tok_index(d, span[0]), tok_index(d, span[1])):
        low = d.tok_lows[k]
        if low in d.lex.pronouns or (WORD.match(low) and low not in DETERMINERS
                                     and low not in BOUNDARY_WORDS):
            return True
    return False


def _any_candidate(d: TokenDoc, extra: dict[str, str], skip: set[int],
                   sentences: set[int] | None) -> bool:
    """Whether a lexicon cue candidate (with the ``extra`` cue forms) stands on a token not
    in ``skip`` nor used, in ``sentences`` when given: whether the candidate pass has
    anything to do."""
    probe = CueModel(weights={}, bias=0.0, threshold=0.0, extra_cues=extra)
    toks = d.toks
    return any(
        not d.used[ci] and ci not in skip and toks[ci].sent >= 0
        and (sentences is None or toks[ci].sent in sentences)
        for ci, _, _ in cue_candidates(d, probe)
    )


def _tagged_relation(d: TokenDoc, ci: int, cj: int, extra: dict[str, str]
                     ) -> Extracted | None:
    """The relation of the tagged cue span ``ci..cj``, if it is the cue of one."""
    toks = d.toks
    if d.used[ci] or toks[ci].sent < 0:
        return None
    if toks[ci].quote >= 0 and toks[ci].text not in QUOTE_TOKENS:
        return None
    kind, head = span_kind(d, ci, cj, extra)
    if kind == "verb" and function_only(d, ci, cj):
        ev = evidential(d, ci, cj)
        if ev >= 0:  # "is reportedly spending": a report with no source named
            return sourceless(d, ev, ev, ev)
        return None  # "completely", "has", "about": no cue word of its own
    if kind == "verb" and agentless(d, ci, cj):
        return sourceless(d, ci, cj, head)
    # a lexicon verb head keeps the rule conventions (auxiliaries, particles)
    fixed = toks[head].low not in d.lex.cue_forms
    if kind == "verb" and head == ci and postmodifier(d, ci):
        return None
    return relation(d, ci, cj, kind, head=head, fixed=fixed)


def candidate_relations(d: TokenDoc, cue_model: CueModel | None, results: list[Extracted],
                        skip: set[int] | frozenset[int] = frozenset(),
                        sentences: set[int] | None = None,
                        cands: list[tuple[int, int, str]] | None = None) -> None:
    """Relations from lexicon cue candidates (``cands``, else all of the text) kept by the
    candidate classifier (in ``sentences`` only, when given)."""
    toks = d.toks
    if cands is None:
        cands = cue_candidates(d, cue_model)
    for ci, cj, kind in cands:
        if d.used[ci] or ci in skip:
            continue
        t = toks[ci]
        if t.sent < 0 or (sentences is not None and t.sent not in sentences):
            continue
        if cue_model is not None and kind != "according":
            p = cue_model.prob(cue_features(toks, ci, cj))
            if p < cue_model.threshold and not document_finding(d, ci) \
                    and not as_put_it(d, ci):
                continue
        if kind != "according" and kind != "colon" and postmodifier(d, ci):
            continue
        rec = relation(d, ci, cj, kind)
        if rec is None:
            continue
        results.append(rec)


def _finish_quotation(d: TokenDoc, r: Extracted, quote_starts: list[int]) -> None:
    """Content that ends inside a quotation running on past it ("..., because “we need a
    leader. We need one now.”") runs to the quotation's end."""
    if not r.content:
        return
    a, b = r.content[-1]
    qi = bisect.bisect_right(quote_starts, b - 1) - 1
    if qi >= 0:
        qs, qe = d.quotes[qi]
        if qs < b < qe and qs >= a - 1:
            r.content[-1] = (a, qe)


def _opens_next_sentence(d: TokenDoc, end: int, qs: int) -> bool:
    """Whether the quotation at ``qs`` opens the sentence right after the one holding
    offset ``end`` (a relation's last character): "She said the toll rises. “It has
    to.”" continues her."""
    si = d.sent_of(max(end - 1, 0))
    sj = d.sent_of(qs)
    if sj != si + 1:
        return False
    lead = d.text[d.sents[sj][0]:qs].strip(" \n\t")
    # "But “the plant can still be sold.”": a conjunction before the quote goes on too
    return lead == "" or lead.rstrip(",").lower() in _QUOTE_LEADS


_QUOTE_LEADS = frozenset(("but", "and", "yet", "still", "so", "or", "also", "however"))


def continuations(d: TokenDoc, results: list[Extracted]) -> None:
    """A quotation that follows a quoted relation with nothing but punctuation between
    (same paragraph or the next ones), or that opens the sentence after an information
    source's relation, continues that speaker: it joins the content."""
    if not results:
        return
    text = d.text
    covered = sorted(c for r in results for c in r.content)
    starts = [c[0] for c in covered]

    def is_covered(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, b) - 1
        while i >= 0 and covered[i][1] > a - 5000:
            if covered[i][0] < b and a < covered[i][1]:
                return True
            i -= 1
        return False

    results.sort(key=lambda r: r.content[0][0])
    quote_starts = [q[0] for q in d.quotes]
    for r in results:
        _finish_quotation(d, r, quote_starts)
        end = max(max(c[1] for c in r.content), r.source[1] if r.source else 0,
                  r.cue[1] if r.cue else 0)
        qi = bisect.bisect_left(quote_starts, end)
        first = True
        while qi < len(d.quotes):
            qs, qe = d.quotes[qi]
            gap = text[end:qs]
            if first and WORD.search(gap) and d.sent_of(qs) == d.sent_of(max(end - 1, 0)):
                qi += 1  # a title or scare quote later in the relation's own sentence
                continue
            if gap.count("\n\n") > 1 or is_covered(qs, qe):
                break
            follows = r.direct and not WORD.search(gap)  # "“...,” she said. “...”"
            # "She said the toll rises. “It has to.”": the quote opens the next sentence
            opens = first and r.source is not None and r.informational \
                and _opens_next_sentence(d, end, qs)
            if not (follows or opens):
                break
            r.content.append((qs, qe))
            end = qe
            qi += 1
            first = False

