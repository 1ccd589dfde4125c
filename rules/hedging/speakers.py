"""Whose hedge is it? The author's, or a quoted or attributed speaker's.

A cue inside a direct quotation, or inside content attributed to a named source, is the
speaker's hedge (recorded with ``speaker`` set and ``flagged=False``). So is a cue inside
content credited to an unnamed source ("officials fear the bridge might close"): the hedge is
the unnamed speakers', and the vague attribution itself is the attribution family's finding.
A cue after a named source's reporting verb in the same sentence ("Pyke found they may
...") is that source's too, even where the content span was not found. Every other cue is
the author's own. :class:`SpeechContext` collects, once per article, the
quotations (from attribution, ``analysis.quotes`` and a double-quote scan) and the indirect
attributed content with their speakers.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.core.analysis import ANONYMOUS, ORGANISATION, OUTLET, PERSON, Analysis, Attribution
from checker.core.document import Sentence
from checker.core.regexlit import lazy_compile
from rules.hedging.cues import quotation_spans
from rules.hedging.spans import SpanIndex, overlaps_any

# A "source" that is a lone determiner is a misreading ("the first reported case": no one
# reports anything), not a speaker.
_NO_SOURCE = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# The kinds of named source that speak: their own reporting verb is their act of speech
_SPEAKING = frozenset({PERSON, ORGANISATION, OUTLET})
# The hedge cues that are verbs of saying (not "seemed to", "may have thought")
_SAYING = lazy_compile(r"(?i:suggest|indicat|impl(?:y|ie|ying))")


@dataclass(frozen=True)
class SpeechContext:
    """One article's quoted and attributed passages, with who speaks in each."""

    direct: list[tuple[int, int, str]]  # direct quotation content: start, end, speaker
    indirect: list[tuple[int, int, str, bool]]  # + whether the speaker is named
    quotations: list[tuple[int, int]]  # every quotation span, sorted
    sentence_source: list[str]  # ``analysis.sentence_source``
    # per sentence: where each named source's reporting cue starts (-1 for a document) and
    # ends, and the source's name
    named_cues: dict[int, list[tuple[int, int, str]]]
    sentences: Sequence[Sentence] = ()  # the article's sentences (for "as X found, ...")
    text: str = ""  # the document's text (for the speaker label of a transcript's turn)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_quoted", SpanIndex(self.quotations))
        said = SpanIndex([(a, b) for a, b, _, _ in self.indirect],
                         [(n, a) for a, _, n, _ in self.indirect])
        object.__setattr__(self, "_said", said)
        spoken = SpanIndex([(a, b) for a, b, _ in self.direct], [n for *_, n in self.direct])
        object.__setattr__(self, "_spoken", spoken)

    @classmethod
    def of(cls, analysis: Analysis, cue_spans: Sequence[tuple[int, int]]) -> SpeechContext:
        """The context of ``analysis``; ``cue_spans`` are the article's hedge cues (not
        boosters), whose attributions make no speaker (see :func:`_cue_is_the_attribution`)."""
        direct: list[tuple[int, int, str]] = []
        indirect: list[tuple[int, int, str, bool]] = []
        named_cues: dict[int, list[tuple[int, int, str]]] = {}
        cues = sorted(cue_spans)
        for att in analysis.attributions:
            name = att.source_name or ""
            if _cue_is_the_attribution(att, cues) or name.lower() in _NO_SOURCE:
                continue
            if name and att.cue is not None and att.source_kind not in ("", ANONYMOUS):
                at = analysis.doc.sentence_at(att.cue.start)
                if at is not None:
                    # a document's reporting verb ("the figures suggest") is evidence the
                    # author weighs: only a speaker's verb is the speaker's (start -1)
                    start = att.cue.start if att.source_kind in _SPEAKING else -1
                    named_cues.setdefault(at.index, []).append((start, att.cue.end, name))
            for sp in att.content:
                if att.direct:
                    direct.append((sp.start, sp.end, name))
                else:
                    named = bool(name) and att.source_kind not in ("", ANONYMOUS)
                    indirect.append((sp.start, sp.end, name, named))
        quotations = sorted(
            {(q.start, q.end) for q in analysis.quotes}
            | set(quotation_spans(analysis.doc.text))
            | {(a, b) for a, b, _ in direct}
        )
        return cls(direct, indirect, quotations, analysis.sentence_source, named_cues,
                   analysis.doc.sentences, analysis.doc.text)

    def owner(self, s: int, e: int, sentence: int) -> tuple[str, bool]:
        """(speaker, flagged) of the cue at ``[s, e)``: speaker "" for the author's own."""
        if self._quoted.holds(s, e):
            return self._quoted_speaker(s, e, sentence), False
        text = self.sentences[sentence].text if 0 <= sentence < len(self.sentences) else ""
        offset = self.sentences[sentence].start if text else 0
        if self._said.holds(s, e):
            name, start = self._said.containing(s, e)[0]
            lo, at = start - offset, s - offset
            if not (text and (comment_clause(text, lo, at) or closed_relative(text, lo, at)
                              or _DASH_AND.search(text, max(lo, 0), at)
                              or opening_clause_closed(text, lo, at))):
                return name or "unnamed source", False
        said_by = self.says(s, e, sentence)
        if said_by:
            return said_by, False
        for _, cue_end, name in self.named_cues.get(sentence, ()):
            if cue_end <= s and not (
                text and (comment_clause(text, cue_end - offset, s - offset)
                          or closed_relative(text, cue_end - offset, s - offset)
                          or opening_clause_closed(text, cue_end - offset, s - offset))
            ):
                return name, False
        if 0 <= sentence < len(self.sentences):
            said = as_clause(self.sentences[sentence], s) or reported_by(
                self.sentences[sentence], s)
            if not said and text[s - offset : s - offset + 4].lower() in _REPORT_CUES:
                said = source_subject(text, s - offset)  # "the ministry indicated that"
            if said:
                return said, False
        turn = transcript_speaker(self.text, s)
        if turn:
            return turn, False
        return "", True

    def says(self, s: int, e: int, sentence: int) -> str:
        """The named source whose own verb of saying the cue at ``[s, e)`` is ("Okafor
        suggested that ...", "the professors suggest ..."): the source's act of speech, not
        the author's hedge; "" if none. (It still frames what follows as tentative: the
        sentence's uncertainty counts it, see :func:`rules.hedging.run`.)"""
        for cue_start, cue_end, name in self.named_cues.get(sentence, ()):
            if 0 <= cue_start < e and s < cue_end and _SAYING.match(self.text, s):
                return name
        return ""

    def _quoted_speaker(self, s: int, e: int, sentence: int) -> str:
        names = self._spoken.containing(s, e) + [n for n, _ in self._said.containing(s, e)]
        for name in names:
            if name:
                return name
        if 0 <= sentence < len(self.sentence_source) and self.sentence_source[sentence]:
            return self.sentence_source[sentence]
        return "unattributed quotation"


# A transcript's turn: a line that opens with its speaker's name in capitals and a colon
# ("HOLT: I think the levy will pass."; "SEN. JANE ROE: ..."; "A: ..." in a question-and-
# answer interview). What follows the label is the speaker's, hedges included. Labels of the
# page, not of a speaker, are left out.
_TURN = lazy_compile(
    r"((?:[A-Z][A-Z'’.-]*[A-Z.][ \t]+){0,3}[A-Z][A-Z'’-]*[A-Z]|[QA])"  # the name, in capitals
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?:\s"  # "(D-Ore.)", then the colon
)
_NOT_A_TURN = frozenset({
    "update", "updated", "updates", "correction", "corrections", "clarification", "note",
    "editor's note", "editor’s note", "editors note", "breaking", "breaking news", "watch",
    "read", "read more", "more", "related", "see also", "also", "photos", "photo", "video",
    "listen", "live", "analysis", "opinion", "exclusive", "advertisement", "disclaimer",
    "file", "source", "sources", "caption", "credit", "warning", "fact check", "ps", "nb",
})

# A question-and-answer interview: "A:" opens the interviewee's answer ("Q:" the question).
_INTERVIEW = {"Q": "the interviewer", "A": "the interviewee"}


def transcript_speaker(text: str, at: int) -> str:
    """The speaker of the transcript turn holding position ``at`` of ``text`` (the capitalised
    label that opens its line, as the text writes it), or "" when the line is no turn."""
    line = text.rfind("\n", 0, at) + 1
    m = _TURN.match(text, line)
    if m is None or m.end() > at:
        return ""
    label = m.group(1)
    if label.lower() in _NOT_A_TURN:
        return ""
    return _INTERVIEW.get(label, label)


# A comment clause still open at the cue, opened after the reported content began: a
# sentential relative (", which probably reflects the recall") or an appositive about the
# reported event (", a move that could slow growth"). It is the author's comment on what was
# reported, not the source's words.
_COMMENT_CLAUSE = lazy_compile(
    r",\s+(?:which|a (?:[\w-]+ ){0,2}?(?:move|decision|step|sign|development|change|result|"
    r"shift|rise|fall|drop|increase|cut|figure|finding|outcome) (?:that|which)|"
    r"as(?:\s+(?:now|also))?(?:\s+(?:is|was|seems|seemed|appears|appeared|looks|looked))?(?=\s*$))\b"
    r"[^,;:()\"“”—–]*$"
)
# A relative clause that opens before a reporting cue and closes (a comma) before the hedge:
# "Jones, who has denied wrongdoing, is expected to ...": the cue belongs to the clause.
# A dash and a conjunction after the reported content began open the author's own addition
# when a clause with its own verb follows: "Two states confirmed cases of the strain – and
# more states are likely to follow" (not a noun phrase: "the stadium – and potential concert
# nights – could ...").
_DASH_AND = lazy_compile(
    r"\s[–—]\s+(?:and|but|though|although)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:is|are|was|were|will|would|has|have|had|seems?|appears?)\s[^–—]*$")
_OPEN_RELATIVE = lazy_compile(r",\s+(?:who|whom|whose|which)\b[^,;:()]*$")


_COMMENT_STOPS = ',;:()"“”—–'  # what the comment clause's tail may not contain
_RELATIVE_STOPS = ",;:()"  # what the open relative clause's tail may not contain


@functools.lru_cache(maxsize=64)
def _stops(text: str, chars: str) -> list[int]:
    """The offsets of ``chars`` in a sentence's ``text``, in order (remembered for the few
    sentences being read, so that many cues in one sentence scan it once)."""
    return [i for i, c in enumerate(text) if c in chars]


def _last_stop(text: str, chars: str, lo: int, end: int) -> int | None:
    """The offset of the last of ``chars`` in ``text[lo:end]``, or None."""
    stops = _stops(text, chars)
    i = bisect.bisect_left(stops, end) - 1
    return stops[i] if i >= 0 and stops[i] >= lo else None


def _but_between(text: str, lo: int, end: int) -> bool:
    """Whether ", but " occurs in a sentence's ``text[lo:end]`` (``text.find(", but ", lo,
    end) >= 0``), by the sentence's offsets of it found once: not a scan from the reporting
    verb for every cue."""
    if lo < 0 or end < 0:  # slice offsets from the end: as ``str.find`` reads them
        return text.find(", but ", lo, end) >= 0
    buts = _buts(text)
    i = bisect.bisect_left(buts, lo)
    return i < len(buts) and buts[i] + len(", but ") <= end


@functools.lru_cache(maxsize=64)
def _buts(text: str) -> list[int]:
    """The offsets of ", but " in a sentence's ``text``, in order."""
    return [m.start() for m in _BUT.finditer(text)] if ", but " in text else []


_BUT = re.compile(", but ")


def comment_clause(text: str, lo: int, cue_start: int) -> bool:
    """Whether, in a sentence's ``text``, the cue at ``cue_start`` sits in a comment clause
    (:data:`_COMMENT_CLAUSE`) that opens after ``lo`` (where the reported content starts, or
    the reporting cue ends).

    Such a clause opens at a comma and has none of :data:`_COMMENT_STOPS` after it, so only
    the last of those before the cue can open it: one match there, not a search from ``lo``
    for every cue (which made many hedges in one long sentence quadratic)."""
    lo = max(lo, 0)
    if lo >= cue_start:
        return False
    at = _last_stop(text, _COMMENT_STOPS, lo, cue_start)
    return at is not None and text[at] == "," and (
        _COMMENT_CLAUSE.match(text, at, cue_start) is not None)


def closed_relative(text: str, cue_end: int, hedge_start: int) -> bool:
    """Whether the reporting cue ending at ``cue_end`` sits in a relative clause that a comma
    closes before the hedge at ``hedge_start`` (offsets in the sentence's ``text``)."""
    if not 0 < cue_end <= hedge_start:
        return False
    at = _last_stop(text, _RELATIVE_STOPS, 0, cue_end)
    if at is None or text[at] != "," or _OPEN_RELATIVE.match(text, at, cue_end) is None:
        return False
    comma = _last_stop(text, ",", cue_end, hedge_start)
    return comma is not None


# An adverbial clause that opens the sentence ("After the mayor said she would resign, ...",
# "When the ministry announced the cuts, ..."): a report inside it does not reach the main
# clause after its comma, whose hedges are the author's ("..., the council may choose").
_OPENING_CLAUSE = lazy_compile(
    r"\s*[\"“'‘(]?(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?(?:(?:[Jj]ust|[Ss]hortly|[Ss]oon|[Ll]ong|"
    r"(?:[\w-]+\s+)?(?:[Mm]inutes|[Hh]ours|[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears))\s+)?"
    r"(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]henever|[Oo]nce|[Ss]ince|[Bb]ecause|[Aa]lthough|"
    r"[Tt]hough|[Ee]ven\s+(?:though|if|as)|[Ww]hile|[Ww]hilst|[Uu]ntil|[Ii]f|[Uu]nless|"
    r"[Aa]s\s+soon\s+as|[Nn]ow\s+that|[Gg]iven\s+that)\s")
# what opens a phrase inside the report rather than the main clause after its comma
_NOT_MAIN_CLAUSE = lazy_compile(
    r"\s*(?:which|who|whom|whose|that|and|or|but|as|according|citing|saying|adding|in\s+a\b)\b")


def opening_clause_closed(text: str, lo: int, at: int) -> bool:
    """Whether, in a sentence's ``text``, the report that starts at ``lo`` (its cue's end or
    its content's start) sits in an adverbial clause opening the sentence that a comma closes
    before the cue at ``at``: the cue is in the main clause, not in what was reported."""
    if not 0 < lo < at or "," not in text:
        return False
    m = _OPENING_CLAUSE.match(text)
    if m is None or m.end() > lo or _last_stop(text, ",;:()", m.end(), lo) is not None:
        return False  # no such clause, or it closed before the report began
    comma = text.find(",", lo, at)
    return comma >= 0 and _NOT_MAIN_CLAUSE.match(text, comma + 1) is None


def _cue_is_the_attribution(att: Attribution, cue_spans: Sequence[tuple[int, int]]) -> bool:
    """"It is expected to / is thought to ..." is the author's hedge, not anyone's speech: an
    agentless indirect attribution (no source) whose cue is one of our cues (``cue_spans``:
    sorted, not overlapping) does not make a speaker. With a source ("critics argue the law
    could backfire", "experts say"), the content is that crowd's speech: its hedges are
    theirs, and the weasel phrase itself stays the author's (outside the content)."""
    return (
        not att.direct
        and not att.source_name
        and att.cue is not None
        and overlaps_any(cue_spans, att.cue.start, att.cue.end)
    )


# "As Pyke found, ...", "as the report notes, ...": a parenthetical attribution that opens
# its sentence (or follows a conjunction) credits the clause after its comma to its source.
_AS_CLAUSE = lazy_compile(
    r"(?:^|\b(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)[\"“'‘(]?[Aa]s\s+"
    r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*|(?:the|a|one|his|her|their|our)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:study|report|survey|analysis|paper|review|researchers?|scientists?|"
    r"experts?|authors?|data|figures|poll)|he|she|they)"
    r"\s+(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?"
    r"(?:found|finds|said|says|noted|notes|reported|reports|wrote|writes|explained|explains|"
    r"argued|argues|pointed\s+out|points\s+out|observed|observes|showed|shows|shown|warned|"
    r"warns|suggested|suggests|concluded|concludes|told\s+[\w ]{1,30}?|put\s+it|puts\s+it)"
    r"\s*,"
)

_AS_CLAUSE_AT_START = lazy_compile(r"[\s\S]{0,40}?(?:" + _AS_CLAUSE.pattern + ")")


@functools.lru_cache(maxsize=256)
def _has_as(text: str) -> bool:
    """Whether a sentence has "as " at all, found once per sentence (not once per cue of a
    long one)."""
    return "as " in text or "As " in text


def as_clause(sentence: Sentence, cue_start: int) -> str:
    """The source of an "as X found," clause that opens ``sentence`` before ``cue_start``
    (an article offset), or ""."""
    text = sentence.text
    if not _has_as(text):
        return ""
    # the clause opens the sentence: the first match starting within its first 40
    # characters (matched from there: a search would scan the whole sentence per cue)
    m = _AS_CLAUSE_AT_START.match(text, 0, max(0, cue_start - sentence.start))
    return "" if m is None else m.group("who")


# What attribution may have missed: a reporting verb before the cue in the same sentence and
# clause ("the study uses genetic data to claim that the virus may ...", "with economists
# forecasting that it may ...", "the court didn't say the state could ..."), or a reporting
# clause that closes the sentence ("This suggests the spread likely began early, the
# researchers wrote."). The cue is inside what that subject said or wrote, not the author's
# own hedge. First-person subjects ("we found that ... may") stay the author's.
_VERBS_THAT = (
    r"claim|claims|claimed|claiming|argue|argues|argued|arguing|contend|contends|contended|"
    r"insist|insists|insisted|forecast|forecasts|forecasting|predict|predicts|predicted|"
    r"predicting|warn|warns|warned|warning|believe|believes|believed|believing|think|thinks|"
    r"fear|fears|feared|conclude|concludes|concluded|concluding|estimate|estimates|estimated|"
    r"estimating|found|finds|reported|wrote|writes|noted|notes|noting|acknowledged|"
    r"acknowledges|admitted|admits|conceded|concedes|maintain|maintains|maintained|asserted|"
    r"asserts|alleged|alleges|alleging|suggest|suggests|suggested|indicate|indicates|"
    r"indicated|show|shows|showed"
)
_VERBS_BARE = (
    r"estimate|estimates|estimated|believe|believes|believed|expect|expects|predict|predicts|"
    r"predicted|fear|fears|feared|think|thinks|reckon|reckons|warn|warns|warned"
)
_BARE_NEEDLES = ("estimat", "believ", "expect", "predict", "fear", "think", "reckon", "warn",
                 "sugg", "indicat", "show")
# "say" without "that" reports a clause, unless an object follows ("say so", "says something")
_REPORTING_VERB = lazy_compile(
    r"\b(?:(?:say|says|said|saying)\b(?!\s+(?:so|nothing|something|anything|much|little|more|"
    r"less|no|yes|otherwise|about|goodbye|hello|sorry|thanks|to\s+(?:be|have))\b)"
    r"(?:\s+that\b)?|"
    r"told\s+[\w’'-]+|(?:" + _VERBS_THAT + r")\s+that\b|"
    # a study's or report's finding with no "that" ("a large study suggests coffee may
    # ...": kept only where the subject is a study or report, see _reported_clauses)
    r"(?P<bare>suggest|suggests|suggested|indicate|indicates|indicated|show|shows|showed)"
    r"(?=\s+[\w’'-])|"
    # a verb of estimating or believing whose clause opens without "that" ("the agency
    # estimates it could ...", "analysts expect the rate may ...")
    r"(?:" + _VERBS_BARE + r")(?=\s+(?:it|he|she|they|we|there|the|this|these|those|its|"
    r"their|his|her)\s))"
)
# the subject words just before a reporting verb (and its auxiliaries), matched backwards
# from the verb over a short window
_SUBJECT_BEFORE = lazy_compile(
    r"(?P<who>(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)\s+"
    r"(?:(?:also|now|had|has|have|did\s+not|didn[’']t|does\s+not|doesn[’']t|to)\s+){0,2}$"
)
_TAIL_WINDOW = 200  # characters at a sentence's end where a closing reporting clause is sought
_TAIL_VERBS = (
    r"says|said|say|wrote|writes|write|added|adds|reported|reports|noted|notes|explained|"
    r"explains|concluded|concludes|argued|argues|argue|estimated|estimate|estimates|believe|"
    r"believes|speculate|speculates|speculated|warn|warns|warned|caution|cautions|cautioned|"
    r"predict|predicts|predicted|told\s+[^,;:“”\"]{1,40}?"
)
_TAIL = lazy_compile(
    r"[,”\"’]\s*(?:(?:says|said|say|wrote|writes|added|adds|reported|reports|noted|notes|"
    r"explained|concluded|argued|argues|estimated)\s+(?P<who1>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)|"
    r"(?P<who2>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+?)\s+(?:(?:also|had|has|have)\s+)?"
    r"(?:" + _TAIL_VERBS + r"))"
    r"(?:\s+(?:on|in|at|during|last|this|earlier|later|after|before|to|from)\b[^,;:“”\"]{0,60})?"
    r"\s*[.!]?\s*[”\"’]?\s*$"
)
_FIRST_PERSON = frozenset({"i", "we"})
_NOT_A_SUBJECT = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# "there is good reason to think that ...", "grounds to believe": the author's own stance
_STANCE_NOUNS = frozenset({"reason", "reasons", "grounds", "cause", "evidence", "room"})
# the author's own evidence, whose reading ("these figures suggest that ...") is the author's
# inference, not a source's report (a study, a survey or a poll is a source)
_EVIDENCE = frozenset({
    "it", "this", "that", "which", "data", "figures", "numbers", "results", "findings",
    "signs", "trends", "evidence", "statistics", "readings", "counts", "totals"})
_EVIDENTIAL_VERBS = ("sugg", "ind", "show")
_CLAUSE_STOPS = ";:—–"
# A source as the subject of "suggests", "indicates" or "implies" (the verb is the hedge cue):
# a study or report (what it suggests is its finding), or an organisation or official (what
# it indicates is its statement), named by the subject's head noun. The author's own
# evidence (_EVIDENCE: "these figures suggest") is not one.
_STUDIES = frozenset({
    "study", "studies", "report", "reports", "survey", "surveys", "analysis", "analyses",
    "paper", "papers", "review", "trial", "trials", "research", "poll", "polls", "audit",
    "investigation", "inquiry", "assessment", "evaluation", "experiment", "experiments",
    "census", "forecast", "projections", "journal", "article", "memo", "filing", "filings",
    "document", "documents", "records", "ruling", "verdict"})
_SOURCES = _STUDIES | frozenset({
    "ministry", "department", "agency", "government", "council", "committee", "commission",
    "court", "company", "firm", "bank", "board", "office", "authority", "authorities",
    "police", "official", "officials", "spokesperson", "spokesman", "spokeswoman",
    "minister", "ministers", "secretary", "president", "mayor", "governor", "regulator",
    "regulators", "administration", "union", "party", "federation", "association",
    "institute", "university", "hospital", "group", "organisation", "organization",
    "researchers", "scientists", "experts", "analysts", "economists", "prosecutors",
    "investigators", "lawyers", "leaders", "management", "executives", "cabinet",
    "parliament", "senate", "congress", "military", "army", "team", "club", "school",
    "district", "city", "county", "state", "prosecutor", "chief", "director", "chair",
    "chairman", "chairwoman", "ceo", "judge", "coach", "manager", "owner", "owners"})
# a study or report named by what it was of or who made it ("a study of 4,000 adults
# published in ... suggests")
_STUDY_PHRASE = lazy_compile(
    r"(?:\b(?:the|a|an|one|this|that|its|their|his|her|our)\s+(?:[\w’'-]+\s+){0,2}?)?"
    r"\b(?:" + "|".join(sorted(_STUDIES)) + r")\s+(?:of|by|from|in|on|for|into|published"
    r"|released|conducted|led|commissioned|carried)\b(?:[^,;:()]|(?<=\d),(?=\d)){0,80}$",
    re.IGNORECASE)
_REPORT_CUES = frozenset({"sugg", "indi", "impl", "spec"})  # ... implies, speculate
_NOT_A_NAME = frozenset({"it", "this", "that", "these", "those", "which", "there", "such",
                         "what", "all", "both", "each", "one", "some", "many", "most"})
_BEFORE_A_NOUN = frozenset({
    "a", "an", "the", "this", "these", "those", "such", "his", "her", "their", "its", "our",
    "my", "your", "of", "over", "amid", "about", "despite", "against", "from", "by", "for",
    "on", "in", "with", "without", "after", "before", "among", "new", "recent", "earlier",
    "unconfirmed", "false", "similar", "many", "some", "any", "no", "that",
    # a conjunction before the verb: "that said, ...", "when told ..."
    "when", "if", "once", "unless", "while", "as", "than",
    # adjectives of the noun "say" ("the final say", "more say in")
    "final", "last", "greater", "bigger", "equal", "real", "little", "much", "more", "full"})
_LEADING = lazy_compile(r"^(?:(?:with|and|but|as|while|so|then|also)\s+)+", re.IGNORECASE)


def _speaker_words(who: str) -> str:
    """The subject words before a reporting verb, without a leading conjunction."""
    return _LEADING.sub("", who.strip()).strip(" .!?")


@dataclass(frozen=True)
class _Reports:
    """The reporting clauses of one sentence: the closing one (its start and speaker, or -1)
    and the reporting verbs with their subjects, by the verb's end (sorted)."""

    tail_start: int
    tail_who: str
    ends: list[int]
    whos: list[str]


@functools.lru_cache(maxsize=256)
def _reported_clauses(text: str) -> _Reports:
    """The reporting verbs with their clause in a sentence's ``text``, and a reporting clause
    that closes it: worked out once per sentence."""
    tail_start, tail_who = -1, ""
    tail = _TAIL.search(text, max(0, len(text) - _TAIL_WINDOW))
    if tail is not None:
        who = _speaker_words(tail.group("who1") or tail.group("who2") or "")
        last = who.split()[-1].lower() if who else ""
        if who and last not in _FIRST_PERSON and last not in _NOT_A_SUBJECT:
            tail_start, tail_who = tail.start(), who
    ends: list[int] = []
    whos: list[str] = []
    if "sa" in text or "that" in text or "told" in text or any(
            n in text for n in _BARE_NEEDLES):  # else no verb of the list occurs
        for m in _REPORTING_VERB.finditer(text):
            w = _SUBJECT_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if w is None:
                continue
            who = _speaker_words(w.group("who"))
            words = who.lower().split()
            # a determiner or preposition before the verb makes it a noun ("over claims
            # that"), a copula a passive ("are said to be divided": the reportative cue, no
            # one's report)
            if m.group("bare") and not _study_subject(who):
                continue  # "the data show", "he showed the way": no study's report
            if words and words[-1] not in _FIRST_PERSON and words[-1] not in _BEFORE_A_NOUN \
                    and words[-1] not in _NOT_A_SUBJECT and words[-1] not in _STANCE_NOUNS \
                    and not (words[-1] in _EVIDENCE and m.group(0).lower().startswith(
                        _EVIDENTIAL_VERBS)):
                ends.append(m.end())
                whos.append(who)
    return _Reports(tail_start, tail_who, ends, whos)


def _study_subject(who: str) -> bool:
    """Whether the subject words ``who`` before a verb name a study or report."""
    words = who.lower().split()
    return bool(words) and (words[-1] in _STUDIES or _STUDY_PHRASE.search(who) is not None)


def source_subject(text: str, at: int) -> str:
    """The subject of the report verb at ``at`` in a sentence's ``text`` ("suggests",
    "indicated that") when it is a source: a study or report, an organisation or an official
    by its head noun, or one by its name ("Acme", "NASA"); "" when it is anything else (the
    author's own evidence, a pronoun, no subject)."""
    w = _SUBJECT_BEFORE.search(text, max(0, at - 120), at)
    if w is None:
        return ""
    who = _speaker_words(w.group("who"))
    words = who.split()
    if not words:
        return ""
    head = words[-1]
    low = head.lower()
    if low in _EVIDENCE or low in _NOT_A_NAME or low in _FIRST_PERSON:
        return ""
    if low in _SOURCES:
        return who
    study = _STUDY_PHRASE.search(text, max(0, at - 120), at)
    if study is not None:
        return study.group(0).strip()
    # a name: an organisation by its name or initials, not a capitalised first word alone
    # of a longer subject ("Higher rents suggest ...")
    if head[:1].isupper() and (len(words) == 1 or words[-2][:1].isupper()) and not (
            len(words) == 1 and low in _BEFORE_A_NOUN):
        return who
    return ""


def reported_by(sentence: Sentence, cue_start: int) -> str:
    """Who says the clause that holds the cue at ``cue_start`` (an article offset): the subject
    of the nearest reporting verb before it in the same clause, or of a reporting clause that
    closes the sentence after it; "" when neither. Logarithmic per cue (a run-on sentence of
    many reports and cues stays linear)."""
    text = sentence.text
    at = cue_start - sentence.start
    found = _reported_clauses(text)
    # a closing reporting clause covers what comes before it, back to a colon or semicolon
    # (what precedes "...: 'quote,' he said." is the author's)
    if 0 <= at < found.tail_start and _last_stop(text, ";:", at, found.tail_start) is None:
        return found.tail_who
    i = bisect.bisect_right(found.ends, at) - 1
    if i < 0:
        return ""
    end = found.ends[i]
    if _last_stop(text, _CLAUSE_STOPS, end, at) is not None or _but_between(text, end, at):
        return ""
    if comment_clause(text, end, at) or closed_relative(text, end, at) \
            or opening_clause_closed(text, end, at):
        return ""
    return found.whos[i]
