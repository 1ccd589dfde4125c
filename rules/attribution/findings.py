"""The attribution rules and their findings: ATT001 vague-attribution, ATT002 unattributed-quote.

ATT001 flags, in body sentences, relations whose source is a generic anonymous one
("officials said"), anonymous "citing ..." mentions, lexicon phrases outside
quotations: agentless passives ("is thought to") and vague attributions ("critics
say"), and the sentence scans of ``vague.py`` and ``vague_few.py`` ("Critics charge
that", "some saw it as", "was seen by some as"); :func:`vague_findings` returns them, the
rule reports them and the PolNeAR vague-source measure counts them. ATT002 flags direct
quotations of more than three words that no relation, footnote or link attributes.

The phrase scan has a fast path (:func:`phrase_hits`): one case-sensitive scan over
all sentences lower-cased, where that finds what the case-insensitive regexes find.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from checker.core.analysis import ANONYMOUS, DOCUMENT, Analysis
from checker.core.document import Sentence
from checker.core.regexlit import lazy_compile
from checker.core.rule import Rule
from checker.core.spans import FixedSpans
from rules.attribution import vague_model
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import Lexicon, PhraseRegex
from rules.attribution.sayers import Sayers, named_content, sayers_document
from rules.attribution.sources import classify
from rules.attribution.vague import (
    anonymity_asides,
    group_claims,
    vague_source,
)
from rules.attribution.vague_few import unnamed_access, unnamed_few
from rules.attribution.vague_passive import (
    agentless_reports,
    no_agentless_report,
    unnamed_data,
    unnamed_documents,
)
from rules.attribution.words import BOUNDARY_WORDS, DETERMINERS, TIME_WORDS

NAME = "attribution"

VAGUE = Rule(
    id="ATT001",
    name="vague-attribution",
    family=NAME,
    severity="warning",
    summary="Attribution to an unnamed or generic source, or an agentless passive.",
    rationale=(
        "Readers cannot weigh a claim whose source they cannot identify. 'Officials said', "
        "'critics argue' or 'the plan is thought to' hides who is speaking and lets the "
        "writer's own view pass as someone else's. Name the source, or say why it cannot be "
        "named and how many independent people confirmed it."
    ),
    bad="The new bridge is thought to be unsafe, sources said.",
    good=(
        "The new bridge fails two load tests, the county engineer, Ana Ruiz, said in her "
        "inspection report."
    ),
)
UNATTRIBUTED_QUOTE = Rule(
    id="ATT002",
    name="unattributed-quote",
    family=NAME,
    severity="warning",
    summary="A direct quotation with no identifiable speaker.",
    rationale=(
        "A quotation puts words in someone's mouth. Without a speaker the reader cannot "
        "check it or judge it, and a floating quote can be misread as the outlet's own "
        "claim. Short scare quotes of one to three words are not flagged."
    ),
    bad='Residents are angry. "We were never asked about the new road at all."',
    good='"We were never asked about the new road at all," said Tom Berg, who lives nearby.',
)

_WORD_RUN = re.compile(r"\w+")

Span = tuple[int, int]


def report_findings(analysis: Analysis, found: list[Extracted], quotes: list[Span],
                    lex: Lexicon) -> None:
    """Emit ATT001 and ATT002 for the body sentences of an analysed article."""
    body = list(analysis.body_sentences())
    if not body:
        return
    spans = [(s.start, s.end, s.index) for s in body]
    for f in vague_findings(analysis.doc.text, spans, found, quotes, lex):
        analysis.report(VAGUE, f.start, f.end, f.message, sentence=f.sentence)
    _report_unattributed_quotes(analysis, found, quotes, lex, _body_sentence_finder(spans))


class VagueFinding(NamedTuple):
    """One ATT001 finding: its span in the text, its message and its sentence's index."""

    start: int
    end: int
    message: str
    sentence: int


def vague_findings(text: str, body: Sequence[tuple[int, int, int]], found: list[Extracted],
                   quotes: list[Span], lex: Lexicon) -> list[VagueFinding]:
    """The ATT001 findings of a text (``body``: the (start, end, index) of the sentences
    to look at, in order; ``found``, ``quotes``: what ``extract`` returned): vague
    sources, then lexicon phrases, then the sentence scans, none overlapping an earlier
    one. The rule reports exactly these; the PolNeAR vague-source measure counts them."""
    if not body:
        return []
    body_sentence = _body_sentence_finder(body)
    flagged = _Spans()  # ATT001 spans so far: a phrase hit overlapping one is skipped
    out: list[VagueFinding] = []
    named = _vague_sources(text, found, lex, body_sentence, flagged, out)
    _vague_phrases(text, body, quotes, lex, flagged, out, named)
    _unnamed_asides(text, body, quotes, lex, flagged, out, named)
    return vague_model.apply(text, body, found, lex, out, VagueFinding, quotes)


def _body_sentence_finder(body_ranges: Sequence[tuple[int, int, int]]
                          ) -> Callable[[int], int | None]:
    """A function from a text offset to the index of the body sentence holding it
    (``body_ranges``: the body sentences' (start, end, index), in order)."""
    body_starts = [b[0] for b in body_ranges]

    def body_sentence(off: int) -> int | None:
        i = bisect.bisect_right(body_starts, off) - 1
        if i >= 0 and body_ranges[i][0] <= off < body_ranges[i][1]:
            return body_ranges[i][2]
        return None

    return body_sentence


def _vague_sources(text: str, found: list[Extracted], lex: Lexicon,
                   body_sentence: Callable[[int], int | None], flagged: _Spans,
                   out: list[VagueFinding]) -> list[Span]:
    """ATT001 for generic anonymous sources and anonymous "citing ..." mentions. Returns
    the content spans of the relations whose source is named and not anonymous ("Prices
    are expected to rise, the central bank said": the bank says the prices are expected to
    rise, so a passive inside has its sayer)."""
    named: list[Span] = []
    sayers: Sayers | None = None  # what named people say (read once, when needed)
    for r in found:
        if not r.informational:
            continue
        if r.source is not None and r.source_doubted:
            # the source verifier doubts that this phrase is a source at all: no ATT001 for
            # it, from this rule or from the phrase scans after it
            flagged.add(r.source)
            continue
        if r.source is not None and r.source_kind == DOCUMENT:
            if sayers is None:
                sayers = named_content(found, lex)
            if sayers_document(text, r.source, sayers):
                continue  # "The Herald said that, according to a survey by ...": the
                # document is the named sayer's
        if r.source is not None and vague_source(r, lex, text):
            k = body_sentence(r.source[0])
            if k is not None:
                end = r.cue[1] if r.cue and r.cue[0] >= r.source[1] else r.source[1]
                start = min(r.source[0], r.cue[0]) if r.cue else r.source[0]
                flagged.add((start, end))
                out.append(VagueFinding(
                    start, end,
                    f"vague attribution: '{text[r.source[0]:r.source[1]].strip(' ,')}' is not "
                    "an identifiable source; name who said it", k))
        elif r.source is not None and r.content \
                and classify(r.source_text, lex)[0] != ANONYMOUS:
            named.extend(r.content)
        if r.citing is not None:
            kind, _, _ = classify(r.citing_text, lex)
            k = body_sentence(r.citing[0])
            if kind == ANONYMOUS and k is not None:
                flagged.add(r.citing)
                out.append(VagueFinding(
                    r.citing[0], r.citing[1],
                    f"vague attribution: citing '{r.citing_text}' without naming them", k))
    return named


def _vague_phrases(text: str, body: Sequence[tuple[int, int, int]], quotes: list[Span],
                   lex: Lexicon, flagged: _Spans, out: list[VagueFinding],
                   named: Sequence[Span] = ()) -> None:
    """ATT001 for agentless passives and vague phrases outside quotations and flagged spans;
    an agentless passive or "reportedly" inside what a named, non-anonymous source says
    (``named``: those relations' content spans) has its sayer and is not flagged."""
    hits = phrase_hits([text[a:b] for a, b, _ in body], (lex.agentless_re, lex.vague_re))
    quote_starts = [q[0] for q in quotes]
    inside_named = FixedSpans(list(named))
    for (start, _, index), (agentless, vague) in zip(body, hits, strict=True):
        for spans, label in ((agentless, "agentless passive"), (vague, "vague")):
            for ma, mb in spans:
                a, b = start + ma, start + mb
                if flagged.overlaps(a, b):
                    continue
                if _inside_quote(quotes, quote_starts, a):
                    continue
                if label == "agentless passive" and (
                        _AGENT_AFTER.match(text, b) or no_agentless_report(text, a, b)
                        or (text[a:b].lower().endswith(" as")
                            and _AGENT_AFTER_COMPLEMENT.match(text, b))):
                    continue  # "is considered by many to be": the agent is read after;
                    # "has been called in", "no injuries were reported": no report; "was
                    # seen as a snub by the board": the agent after the complement
                if (label == "agentless passive" or text[a:b].lower() == "reportedly") \
                        and inside_named.encloses(a, b):
                    continue  # "Prices are expected to rise, the central bank said"
                if label == "vague" and _DEFINITE_DOCUMENTS.match(text, a) \
                        and _DEFINITE_BEFORE.search(text, max(0, a - 12), a):
                    continue  # "the reports said": the reports named before
                flagged.add((a, b))
                group = text[a:b]
                msg = (
                    f"agentless passive '{group}': who thinks or says so?"
                    if label == "agentless passive"
                    else f"vague attribution '{group}': name the source"
                )
                out.append(VagueFinding(a, b, msg, index))


# a passive's agent right after it: the passive is not agentless
_AGENT_AFTER = re.compile(r"\s+by\s")
# an agent after the complement of "seen as", "regarded as" in the same clause: "was seen as
# a snub by the board"
_AGENT_AFTER_COMPLEMENT = re.compile(r"(?:\s+[\w'’-]+){1,6}?\s+by\s")
# documents that a definite determiner before a vague phrase refers back to ("the reports
# said", "these studies show": the reports and studies named before)
_DEFINITE_DOCUMENTS = re.compile(r"(?:reports|studies|research|data)\b", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our)\s+$",
                              re.IGNORECASE)


def _unnamed_asides(text: str, body: Sequence[tuple[int, int, int]], quotes: list[Span],
                    lex: Lexicon, flagged: _Spans, out: list[VagueFinding],
                    named: Sequence[Span] = ()) -> None:
    """ATT001 for anonymity asides ("who asked not to be named"), unnamed groups before a
    that-clause ("Critics charge that"), indefinite documents ("as per a report"), bare
    figures or data ("Figures released on Monday show") and agentless reports ("It was
    confirmed that"), outside quotations and spans already flagged; the last two not inside
    what a named source says."""
    spans = [(a, b) for a, b, _ in body]
    quote_starts = [q[0] for q in quotes]
    hits = [(a, b, "aside") for a, b in anonymity_asides(text, spans)]
    hits += [(a, b, "group") for a, b in group_claims(text, spans, lex)]
    hits += [(a, b, "group") for a, b in unnamed_documents(text, spans)]
    hits += [(a, b, "data") for a, b in unnamed_data(text, spans)]
    hits += [(a, b, "group") for a, b in unnamed_few(text, spans, lex)]
    hits += [(a, b, "group") for a, b in unnamed_access(text, spans, lex)]
    hits += [(a, b, "passive") for a, b in agentless_reports(text, spans)]
    by_start = {a: k for a, _, k in body}
    starts = sorted(by_start)
    inside_named = FixedSpans(list(named))
    for a, b, label in sorted(hits):
        if flagged.overlaps(a, b) or _inside_quote(quotes, quote_starts, a):
            continue
        if label in ("passive", "data") and inside_named.encloses(a, b):
            continue  # a named source says it ("..., Tom Hart told reporters"; "Figures
            # show ..., the council said": the council's figures)
        k = by_start[starts[bisect.bisect_right(starts, a) - 1]]
        flagged.add((a, b))
        phrase = text[a:b]
        msg = {"aside": f"anonymous source '{phrase}': say why the source cannot be named "
                        "and how the claim was confirmed",
               "passive": f"agentless passive '{phrase}': who thinks or says so?",
               }.get(label, f"vague attribution '{phrase}': name who says so")
        out.append(VagueFinding(a, b, msg, k))


def _report_unattributed_quotes(analysis: Analysis, found: list[Extracted],
                                quotes: list[Span], lex: Lexicon,
                                body_sentence: Callable[[int], int | None]) -> None:
    """ATT002 for quotations of four or more words that nothing attributes and whose
    speaker is not named in their sentence, nor in the body sentence before them (which
    skips page chrome between: a consent banner, a "Read more" line), the sentence that
    the quotation's paragraph continues."""
    doc = analysis.doc
    text = doc.text
    covered = FixedSpans([c for r in found
                           if (r.source is not None or r.cue is None) and not r.sentence_only
                           for c in r.content])
    linked = FixedSpans([(link.start, link.end) for link in doc.links])
    speaking = {k for r in found if r.source is not None and r.informational
                for k in (body_sentence(r.source[0]),) if k is not None}
    previous_body = _previous_body(analysis)
    spoken: set[int] = set()  # sentences whose quotation has a speaker: a run goes on
    # per sentence, decided once (a sentence with many quotations is not scanned again for
    # each): its speech verbs' offsets, whether it opens with a named subject, whether it is
    # a quotation and nothing else
    speech = cache(lambda j: _speech_offsets(doc.sentences[j], lex))
    named_subject = cache(lambda j: _named_subject(doc.sentences[j].text, lex))
    quote_only = cache(lambda j: _quote_only(doc.sentences[j].text))

    def names_speaker(j: int, quote: Span | None) -> bool:
        """Whether sentence ``j`` has a speaking verb outside ``quote`` (see
        :func:`_speech_offsets`)."""
        offs = speech(j)
        if quote is None:
            return bool(offs)
        inside = bisect.bisect_left(offs, quote[1]) - bisect.bisect_left(offs, quote[0])
        return inside < len(offs)

    for qs, qe in quotes:
        k = body_sentence(qs)
        if k is None:
            continue
        inner = text[qs:qe].strip("“”\"' \n")
        if covered.overlaps(qs, qe) \
                or (analysis.sentence_footnotes and analysis.sentence_footnotes[k]) \
                or linked.overlaps(qs, qe):
            spoken.add(k)  # attributed another way: a run of quotes after it goes on
            continue
        prev = previous_body.get(k)
        if k in speaking or prev in speaking or names_speaker(k, (qs, qe)) \
                or (prev is not None and (names_speaker(prev, None) or named_subject(prev)
                                          or (prev in spoken and quote_only(prev)))):
            spoken.add(k)
            continue
        if len(_WORD_RUN.findall(inner)) <= 3:
            continue  # too short to flag; with no speaker, no excuse for the quote after it
        analysis.report(
            UNATTRIBUTED_QUOTE, qs, qe,
            "direct quotation with no identifiable speaker: say who said it",
            sentence=k,
        )


# a sentence whose subject is a named person or a personal pronoun, before a verb or an
# appositive: "Ann Holm was blunt.", "Lewis, the head of the port authority, was clear."
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+"
_NAME_WORD = r"[A-Z][\w’'-]+"
_PRONOUN_SUBJECT = re.compile(r"(?:He|She)\s")
# name, appositive opener and the appositive's first three words (this and the next
# compiled on first use: only an unattributed quotation reaches them)
_APPOSITIVE = lazy_compile(
    rf"({_TITLE})?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s*,\s+(a|an|the|who|whose)\s"
    r"(?:\s*([\w’'-]+))?(?:\s+([\w’'-]+))?(?:\s+([\w’'-]+))?")
_SUBJECT_VERB = lazy_compile(
    rf"(?:{_TITLE}{_NAME_WORD}|{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\s+(?:was|is|had|has"
    r"|seemed|sounded|remained|appeared|looked|became|grew|stayed|spoke|went|turned)\s")
_QUOTE_MARK_CHARS = "“”\"‘’'"


def _named_subject(sentence: str, lex: Lexicon) -> bool:
    """Whether a sentence opens with a named person or "He"/"She" as its subject (the quote
    that follows it is that person's): "Ann Holm was blunt.", "Lewis, the head of the port
    authority, was clear."; not a sentence that opens with "The ..." or a plural noun, nor
    an opening phrase set off by a comma ("Yesterday, the council ...", "In Paris, the
    ..."): a single capitalised word before an appositive names a person only when the
    appositive gives a role ("the head of ...") or opens with "who"."""
    s = sentence.strip().lstrip(_QUOTE_MARK_CHARS)
    if _PRONOUN_SUBJECT.match(s):
        return True
    if s.startswith(("The ", "This ", "These ", "A ", "An ")):
        return False
    m = _APPOSITIVE.match(s)
    if m is not None:
        words = m.group(2).split()
        lows = [w.lower() for w in words]
        if lows[0] not in BOUNDARY_WORDS and lows[0] not in DETERMINERS \
                and lows[0] not in lex.pronouns and not any(w in TIME_WORDS for w in lows):
            if m.group(1) or len(words) > 1 or m.group(3) in ("who", "whose"):
                return True  # "Dr Lewis, the ...", "Ann Lewis, a ...", "Lewis, who ..."
            role = [w.lower() for w in m.group(4, 5, 6) if w]
            if any(w in lex.role_nouns or w in lex.titles for w in role):
                return True  # "Lewis, the head of the port authority, ..."
    return _SUBJECT_VERB.match(s) is not None


def _quote_only(sentence: str) -> bool:
    """Whether a sentence is a quotation and nothing else ("“We were never asked.”"): the
    next quote paragraph continues the same speaker's words."""
    t = sentence.strip()
    return len(t) > 2 and t[0] in _QUOTE_MARK_CHARS and (
        t[-1] in _QUOTE_MARK_CHARS or t[-2] in _QUOTE_MARK_CHARS or t[-1] in ".!?")


def _previous_body(analysis: Analysis) -> dict[int, int]:
    """Each body sentence's index -> the index of the body sentence before it."""
    out: dict[int, int] = {}
    last = None
    for s in analysis.body_sentences():
        if last is not None:
            out[s.index] = last
        last = s.index
    return out


_CUE_WORD = re.compile(r"[A-Za-z]+")


def _speech_offsets(s: Sentence, lex: Lexicon) -> list[int]:
    """Offsets (in the text, ascending) of the speaking verbs of sentence ``s`` ("she
    said", "Lewis also noted", "added the mayor"): one outside a quotation says that the
    quotation, or the next one, has a speaker."""
    forms = lex.cue_forms
    return [s.start + m.start() for m in _CUE_WORD.finditer(s.text)
            if forms.get(m.group().lower()) == "speech"]


def _inside_quote(quotes: list[Span], starts: list[int], off: int) -> bool:
    """Whether offset ``off`` lies inside one of the (sorted, disjoint) quotations
    (``starts``: their start offsets)."""
    i = bisect.bisect_right(starts, off) - 1
    return i >= 0 and quotes[i][0] <= off < quotes[i][1]


class _Spans:
    """Character spans, with an overlap test in logarithmic time (sorted by start; the
    longest span bounds how far back an overlapping one can start)."""

    def __init__(self) -> None:
        self._spans: list[Span] = []
        self._longest = 0

    def add(self, span: Span) -> None:
        bisect.insort(self._spans, span)
        self._longest = max(self._longest, span[1] - span[0])

    def overlaps(self, a: int, b: int) -> bool:
        spans = self._spans
        i = bisect.bisect_left(spans, (b, -1)) - 1  # the last span starting before b
        lo = a - self._longest
        while i >= 0 and spans[i][0] > lo - 1:
            if spans[i][1] > a:
                return True
            i -= 1
        return False


# --------------------------------------------------------------------------- phrase hits
#
# Lexicon phrase regexes are case-insensitive, which makes the regex engine slow: every
# word start tries every phrase. Run without IGNORECASE over the lower-cased text instead,
# which finds the same spans when the phrases are ASCII and every non-ASCII character of the
# text is "safe": it can match no ASCII character ignoring case and its lower-case form is
# one character that agrees on the other character tests of the phrase regexes (\s, [\w-]).

_ASCII_I = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
_CHAR_TESTS = ((re.compile(r"[\w-]", re.IGNORECASE), re.compile(r"[\w-]")),
               (re.compile(r"\s", re.IGNORECASE), re.compile(r"\s")))


@lru_cache(maxsize=4096)
def _char_lowers_safely(c: str) -> bool:
    """Whether the non-ASCII character ``c`` is safe (see above)."""
    low = c.lower()
    return (len(low) == 1 and c != "Σ" and low != "ς" and not _ASCII_I.match(c)
            and all(bool(ti.match(c)) == bool(t.match(low)) for ti, t in _CHAR_TESTS))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _lowers_safely(text: str) -> bool:
    """Whether every character of ``text`` is ASCII or safe (the non-ASCII ones found by a
    regex: faster than a set of every character)."""
    return text.isascii() or all(map(_char_lowers_safely, set(_NON_ASCII.findall(text))))


def _safe_lowers(texts: Sequence[str], whole: str) -> list[str] | None:
    """The lower-cased texts, if the case-sensitive scan over them may stand in for the
    case-insensitive one (``whole``: the texts joined by NUL), else None."""
    if not _lowers_safely(whole):
        return None
    lows = [t.lower() for t in texts]
    if any(len(low) != len(t) for low, t in zip(lows, texts, strict=True)):
        return None
    return lows


# texts shorter than this (in all) are scanned word by word, in the first calls of a
# process, while the phrase regexes are still uncompiled: a short draft then spends no time
# compiling them
WORD_SCAN_LIMIT = 20_000
WORD_SCANS = 8  # calls of ``phrase_hits`` before the regexes are compiled
_RUN = re.compile(r"[\w-]+")


def _word_hits(low: str, index: dict[str, list[tuple[str, ...]]]) -> list[Span]:
    """The spans a phrase regex of pure-word phrases finds in the lower-cased ``low``.

    Its matches start and end at the edges of runs of ``[\\w-]`` characters and join the
    phrase words by whitespace, so a match is a sequence of whole runs equal to the phrase
    words with only whitespace between; like the regex, the longest phrase (listed first
    in ``index``) wins at a start, and the scan goes on after the match."""
    runs = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(low)]
    out: list[Span] = []
    i, n = 0, len(runs)
    while i < n:
        step = 1
        for words in index.get(runs[i][2], ()):
            m = len(words)
            if i + m <= n and all(
                runs[i + k][2] == words[k]
                and low[runs[i + k - 1][1]:runs[i + k][0]].isspace()
                for k in range(1, m)
            ):
                out.append((runs[i][0], runs[i + m - 1][1]))
                step = m
                break
        i += step
    return out


def phrase_hits(texts: Sequence[str], pats: Sequence[PhraseRegex]
                ) -> list[list[list[Span]]]:
    """``[[m.span() for m in pat.regex.finditer(text)] for pat in pats] for text in texts]``.

    Where :func:`_safe_lowers` allows and a pattern has a case-sensitive twin, the twin
    scans all lower-cased texts at once, joined by NUL characters (which no phrase match
    can include, and which pass its boundary tests like a text end); texts that hold a
    NUL themselves are scanned one by one with the case-insensitive regex."""
    out: list[list[list[Span]]] = [[[] for _ in pats] for _ in texts]
    whole = "\0".join(texts)
    lows = _safe_lowers(texts, whole)
    joinable = lows is not None and whole.count("\0") == len(texts) - 1
    words_first = lows is not None and len(whole) < WORD_SCAN_LIMIT
    joined: tuple[str, list[int]] | None = None  # the lower-cased texts joined, their bases
    for pi, pat in enumerate(pats):
        if words_first and not pat.compiled and pat.index is not None \
                and pat.word_scans < WORD_SCANS:
            # the first short texts of a process: match word runs instead of compiling the
            # large alternations (the same spans: see ``_word_hits``); a batch goes on to
            # the compiled regex, which is faster per text
            pat.word_scans += 1
            for ti, low in enumerate(lows):  # type: ignore[arg-type]
                out[ti][pi] = _word_hits(low, pat.index)
            continue
        if lows is None or pat.twin is None or not joinable:
            for ti, t in enumerate(texts):
                out[ti][pi] = [m.span() for m in pat.regex.finditer(t)]
            continue
        if joined is None:  # (once for all the patterns)
            bases = []
            base = 0
            for low in lows:
                bases.append(base)
                base += len(low) + 1
            joined = ("\0".join(lows), bases)
        bases = joined[1]
        for m in pat.twin.finditer(joined[0]):
            a, b = m.span()
            ti = bisect.bisect_right(bases, a) - 1
            out[ti][pi].append((a - bases[ti], b - bases[ti]))
    return out
