"""Agentless reports and unnamed documents that the lexicon's phrase list leaves out, for
ATT001.

- any tense of "it is <reported> that" ("It was confirmed that", "it has since been
  suggested that");
- "<subject> is <suspected> to be/have" and its reduced form after a noun or a comma ("a
  man believed to be the gunman", "the ship, thought to have sunk in 1702"): who believes
  or thinks so is left unsaid; not after a pronoun or "who" ("they believed to be" is no
  passive);
- "there are fears that", "concerns have been raised that";
- an indefinite document with no author or publisher after "according to", "as per" or
  "citing" ("according to a report", "citing one recent study");
- bare figures or data opening a clause as the sayer ("Figures released on Monday show",
  "Statistics show that"), unless the next sentences name them (:func:`unnamed_data`).

Spans inside quotations are skipped (``vague_words._scan``); each pattern is tried only in
sentences that hold one of its key strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.core.regexlit import lazy_compile
from rules.attribution.vague_words import (
    _REPORT_NOUNS,
    LATER,
    _lowered,
    _scan,
    found_before,
    lazy_named_role,
    named_document_later,
)

Span = tuple[int, int]

_REPORTED = (r"(?:announced|revealed|confirmed|suggested|claimed|alleged|argued|estimated"
             r"|feared|hoped|believed|thought|understood|rumou?red|speculated|reported|said"
             r"|known|expected|suspected|presumed|assumed|noted|acknowledged|disclosed|learnt|learned"
             r"|gathered)")
# what "branded as" judges with when no article follows ("branded as racist")
_JUDGING = (r"(?:racist|sexist|bigoted|reckless|dangerous|unfair|illegal|unlawful"
            r"|irresponsible|hypocritical|dishonest|corrupt|cruel|extreme|extremist|divisive"
            r"|misleading|offensive|unacceptable|disgraceful|shameful|incompetent|naive"
            r"|traitors?|liars?|hypocrites?|cowards?|terrorists?|criminals?|elitist|arrogant"
            r"|anti-\w+|un-\w+|too\s+\w+)")
_AGENTLESS = lazy_compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|may\s+be|might\s+be)"
    r"\s+(?:widely\s+|generally\s+|now\s+|also\s+|often\s+|since\s+|later\s+)?"
    + _REPORTED + r"(?:\s+that\b|(?=(?:\s+(?!by\b)[\w-]+){1,4}?\s+that\b))"
    r"|\b(?:is|are|was|were)\s+(?:widely\s+|generally\s+|now\s+|also\s+|strongly\s+)?"
    r"(?:suspected|presumed|assumed|rumou?red|feared|alleged|reported|believed|thought"
    r"|understood|said|claimed)\s+to\s+(?:be|have)\b"
    # the reduced form: "a man believed to be", "the wreck, thought to have"
    r"|\b(?:believed|thought|suspected|rumou?red|reputed|alleged|presumed|understood"
    r"|feared)\s+to\s+(?:be|have)\b"
    r"(?!\s+been\s+(?:told|asked|warned|advised)\b)"
    r"|\bthere\s+(?:is|are|was|were|have\s+been|has\s+been)\s+(?:growing\s+|widespread\s+"
    r"|mounting\s+|renewed\s+|persistent\s+|some\s+|also\s+)?(?:fears|concerns|suggestions"
    r"|claims|allegations|reports|rumou?rs|speculation|worries)\s+that\b"
    r"|\b(?:concerns|fears|questions|doubts|claims|allegations|suggestions)\s+(?:have|had|has)"
    r"\s+(?:also\s+)?been\s+(?:raised|voiced|expressed|made)\s+that\b"
    # reports that surface: "reports emerged that", "rumours have circulated that"
    r"|\b(?:reports|rumou?rs|claims|allegations|suggestions|accounts)\s+(?:have\s+|had\s+)?"
    r"(?:also\s+)?(?:emerged|surfaced|circulated|swirled)\s+(?:\w+\s+){0,2}?that\b"
    # a judgement passive with an adverb inside, no agent: "has also been criticised for"
    r"|\b(?:has|have|had)\s+(?:also|widely|repeatedly|long|often|since|previously|already)\s+"
    r"been\s+(?:criticised|criticized|accused|condemned|described\s+as|blamed)\b(?!\s+by\b)"
    # concerns raised, no one raising them: "Concerns were raised about", "doubts were
    # voiced over" (any tense; "that" after it is the perfect form above)
    r"|\b(?:concerns|fears|questions|doubts|objections|worries)\s+(?:were|was|are|is|had"
    r"\s+been|have\s+been|has\s+been)\s+(?:(?:also|already|repeatedly|widely|quickly)\s+)?"
    r"(?:raised|voiced|expressed|aired)\s+(?:about|over|regarding|around|as\s+to)\b"
    # a judgement passive in any tense with what it judges ("was being criticized as a
    # threat", "were condemned for"), no agent in the clause
    r"|\b(?:is|are|was|were|being|been)\s+(?:(?:already|also|widely|repeatedly|increasingly"
    r"|often|long|roundly|sharply|heavily|publicly)\s+)*(?:being\s+)?(?:(?:criticised|criticized"
    r"|condemned|denounced|derided|decried)\s+(?:as|for)\b"
    # not a building condemned for demolition, cattle branded as calves, steel for export
    r"(?!\s+(?:its\s+|their\s+|the\s+)?(?:demolition|destruction|habitation|human"
    r"\s+habitation|occupancy|use|scrap|salvage)\b)"
    r"|branded\s+as\s+(?:an?(?=\s)|" + _JUDGING + r"\b))"
    # gathered, learnt: reporting in any clause ("It was gathered the bodies were buried")
    r"|\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:gathered|learnt|learned)\b(?!\s+from\b)"
    # concerns that exist, are widespread, remain: "Concerns exist that", "fears remain that"
    r"|\b(?:concerns|fears|doubts|worries|suspicions)\s+(?:exist|persist|remain|linger|abound"
    r"|are\s+widespread|are\s+growing|have\s+grown|have\s+emerged)\s+that\b"
    # a parenthesis: "The fire, it was learnt, started", "..., it is understood."
    r"|(?<=,\s)it\s+(?:is|was|has\s+been|had\s+been)\s+(?:learnt|learned|gathered|understood"
    r"|believed|reported|said|claimed|alleged|rumou?red)(?=\s*[,.;])"
)
_AGENTLESS_KEYS = ("it is ", "it was ", "it has been", "it had been", "it will be",
                   "it would be", "it may be", "it might be", " to be", " to have",
                   "there ", " been raised", " been voiced", " been expressed", " been made",
                   " exist that", " persist that", " remain that", " linger that", " abound that",
                   " widespread that", " growing that", " grown that", " emerged that",
                   " emerged", " surfaced", " circulated", " swirled", " been criticis",
                   " been criticiz", " been accused", " been condemned", " been described",
                   " been blamed", " raised ", " voiced ", " expressed ", " aired ",
                   "criticised ", "criticized ", "condemned ", "denounced ", "derided ",
                   "decried ", "branded ")
_REDUCED = ("believed", "thought", "suspected", "rumoured", "rumored", "reputed", "alleged",
            "presumed", "understood", "feared")
# words before a reduced participle that make it active or a verb of its own: "they
# believed to be", "who thought to have", "had thought to be"
_NOT_BEFORE_REDUCED = frozenset((
    "i", "you", "he", "she", "we", "they", "who", "which", "that", "it", "had", "has", "have",
    "having", "be", "been", "being", "not", "never", "once", "also", "and", "or", "but",
    "is", "are", "was", "were", "am", "do", "did", "does", "what", "whom", "whoever"))


# a view held by no one named: "the argument is that", "the thinking was that" (its own
# scan: the keys of the main pattern do not hold its nouns)
_VIEW_NOUNS = ("argument", "thinking", "reasoning", "theory", "assumption", "consensus",
               "belief", "expectation", "suspicion", "word", "rumour", "rumor", "perception",
               "feeling")
_VIEW = lazy_compile(
    r"\bthe\s+(?:prevailing\s+|general\s+|conventional\s+|common\s+|official\s+)?"
    r"(?:" + "|".join(_VIEW_NOUNS) + r")\s+(?:is|was|goes|went|remains|has\s+been)\s+that\b")
_VIEW_KEYS = (" is that", " was that", " goes that", " went that", " remains that",
              " been that")


def agentless_reports(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of agentless reporting passives beyond the lexicon's list ("It was
    confirmed that", "is suspected to have", "a man believed to be", "There are fears
    that") and of views held by no one named ("the argument is that") outside
    quotations."""
    low = _lowered(text)
    sentences = list(sentences)
    out = _scan(text, sentences, _VIEW_KEYS, _VIEW, lower=True)
    for a, b in _scan(text, sentences, _AGENTLESS_KEYS, _AGENTLESS, lower=True):
        if low.startswith(_REDUCED, a):  # the reduced form: after a noun or a comma
            before = low[max(0, a - 30):a].split()
            while before and before[-1] in ("widely", "generally", "now"):
                before.pop()
            if not before or before[-1].strip(",") in _NOT_BEFORE_REDUCED \
                    or not (before[-1][-1:].isalnum() or before[-1].endswith(",")):
                continue
        elif _JUDGED.search(low, a, b) and (
                _NAMED_LATER_IN_CLAUSE.match(text, b)
                or (not low.endswith("that", a, b) and _BY_AGENT.match(text, b))):
            continue  # "condemned for the cuts in a statement from Senator Ann Lee"
        out.append((a, b))
    return sorted(out)


# a judgement or concerns passive ("was condemned for", "concerns were raised about") whose
# clause goes on to name who judges: "..., with opposition leader Ann Lee calling it
# reckless", "in a statement from the Harbour Trust" (two capitalised words or more)
_JUDGED = re.compile(r"criticis|criticiz|condemned|denounced|derided|decried|branded|raised"
                     r"|voiced|expressed|aired")
# (not a vague quantifier, "by some in the Labour Party", nor a group in a body, "with
# critics in the Treasury")
_VAGUE_AGENT = (r"(?:some|many|several|few|a\s+few|most|others|all|both|various|numerous"
                r"|certain|those|these|them)\b")
_NAMED_LATER_IN_CLAUSE = re.compile(
    r"[^.;:!?]{0,100}?\b(?:from|with|including|by)\s+(?!" + _VAGUE_AGENT + r")(?:the\s+)?"
    r"(?:(?!(?:in|of|at|on|for|among|about|over|from|by)\b)[a-z][\w'’-]*\s+){0,4}?"
    r"(?:[A-Z][a-z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+")
# the agent after "by" later in the clause that names who judges or raises ("by Ann Lee",
# "by the Treasury", "by the council"): a capitalised name or "the" and a singular noun;
# not a time ("by the end", "by Monday", "by 2020", "by then"), a vague quantifier ("by
# many", "by some residents") or a bare plural ("by residents")
_BY_AGENT = re.compile(
    r"[^.;:!?]{0,80}?\bby\s+(?!" + _VAGUE_AGENT + r"|(?:Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Christmas|Easter)\b)"
    r"(?:the\s+)?(?:[A-Z][\w'’.-]*|(?<=the\s)(?!(?:end|time|start|close|middle|beginning"
    r"|turn|way|same|likes|hour|day|week|month|year|dozen|hundred|thousand)\b)"
    r"[a-z][\w-]*(?:['’]s\b|(?<![^s]s)\b(?!['’])))")


_UNNAMED_DOCUMENT = lazy_compile(
    r"\b(?:[Aa]ccording\s+to|[Aa]s\s+per|[Cc]iting|[Pp]er)\s+(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?(?:" + "|".join(sorted(_REPORT_NOUNS)) + r")\b"
    r"(?!\s+(?:in|by|from|for|of|at|with|on|published|released|commissioned)\s)",
)
_CLAUSE_END = lazy_compile(r"[.,;:!?()]")


# bare figures or data opening a clause as the sayer: "Figures released on Monday show",
# "Statistics show that", "Early results suggest" (no owner before, no publisher after)
_UNNAMED_DATA = lazy_compile(
    r"(?:^|(?<=[,;:—–]\s)|(?<=\bbut\s)|(?<=\band\s)|(?<=\bas\s)|(?<=\bwhile\s))"
    r"(?:(?:new|latest|recent|early|preliminary|provisional|fresh|official|initial)\s+)?"
    r"(?P<head>figures|data|statistics|numbers|results|estimates|findings)"
    r"(?:\s+(?:released|published|issued|out)(?:\s+(?:on|this|last|in|earlier|late)"
    r"(?:\s+[\w-]+)?|\s+(?:yesterday|today))?)?"
    r"\s+(?:have\s+|has\s+)?(?:show|shows|showed|shown|suggest|suggests|suggested|indicate"
    r"|indicates|indicated|reveal|reveals|revealed)\b",
    re.IGNORECASE)
_DATA_KEYS = ("figures", "data", "statistics", "numbers", "results", "estimates", "findings")


def unnamed_data(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of bare figures or data as the sayer ("Figures released on Monday show",
    "Statistics show that") outside quotations, unless the next sentences name them ("...
    The Harbour Council figures also show")."""
    out = []
    for a, b in _scan(text, sentences, _DATA_KEYS, _UNNAMED_DATA):
        # (on the span alone: the pattern opens with ``^``, which a match from an offset
        # into the whole text would never meet past its first sentence)
        m = _UNNAMED_DATA.match(text[a:b])
        head = m.group("head").lower() if m is not None else ""
        if head and named_document_later(head[:-1] if head.endswith("s") else head).search(
                text, b, b + LATER) is None:
            out.append((a, b))
    return out


def unnamed_documents(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of "according to a report", "as per one study" (an indefinite document, no
    author or publisher after it) and of an unnamed person an outlet cites or quotes
    ("citing a senior official", "quoted an unnamed diplomat as saying") outside
    quotations."""
    sents = list(sentences)
    out = _cited_unnamed(text, sents) + _unnamed_media(text, sents) \
        + _definite_hidden_says(text, sents)
    for a, b in _scan(text, sents, _DOCUMENT_KEYS, _UNNAMED_DOCUMENT):
        end = _CLAUSE_END.search(text, b, b + 200)
        rest = text[b:end.start() if end else b + 200].split()
        if not any(w[:1].isupper() for w in rest):
            out.append((a, b))  # no author or publisher later in the clause either
    return sorted(out)


_DOCUMENT_KEYS = ("according to", "as per", "citing", "per ")

# words for a person who is a source and whose name an indefinite phrase withholds
_HIDDEN = (r"officials?|sources?|insiders?|diplomats?|aides?|negotiators?|staffers?|persons?"
           r"|people|employees?|officers?|executives?|envoys?|lawmakers?|ministers?|advisers?"
           r"|advisors?|spokes(?:man|woman|person)")
# an outlet or a document citing or quoting such a person: "citing a senior official",
# "quoted an unnamed diplomat as saying", "quoting two people briefed on the talks"
_CITED_UNNAMED = lazy_compile(
    r"\b(?:citing|quoting|quoted|quotes|cited)\s+(?:(?:an?|one|two|three|four|several|some"
    r"|other|unnamed|anonymous)\s+[\"“‘']?(?:[\w.'’-]+\s+){0,4}?(?:" + _HIDDEN + r")\b"
    # a bare plural with what describes it: "citing people involved in the talks"
    r"|(?:people|officials|sources|insiders|diplomats|executives)(?=\s+(?:involved|familiar"
    r"|close|briefed|with\s+knowledge|who|in\s+the\s+know)\b))"
    r"(?!(?-i:\s*,\s+[A-Z]|\s+(?:named|called)\b|\s+[A-Z][a-z]))",
    re.IGNORECASE)
_CITED_KEYS = ("citing", "quoting", "quoted", "quotes", "cited")


def _cited_unnamed(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of an unnamed person that an outlet or a document cites or quotes: an
    indefinite phrase ("a", "two", "unnamed") whose head is a word for a source that
    withholds a name, not followed by the name ("citing an official, Ana Ruiz,")."""
    return _scan(text, sentences, _CITED_KEYS, _CITED_UNNAMED, lower=False)


# the media of a place or a kind, no outlet named: "Italian media said", "local media
# reported", "according to state media"
_MEDIA = lazy_compile(
    r"\b(?:(?:[Aa]ccording\s+to|[Cc]iting|[Qq]uoting)\s+(?:(?:[A-Z][a-z]+|local|state|national"
    r"|regional|foreign|international|social|news|official|government|domestic|western)\s+)+"
    r"media\b(?!\s+(?:outlets?\s+)?(?:such\s+as|including|like)\b)"
    r"|(?<![\w-])(?:[A-Z][a-z]+|[Ll]ocal|[Ss]tate|[Nn]ational|[Rr]egional|[Ff]oreign|[Ss]ocial"
    r"|[Nn]ews|[Gg]overnment|[Dd]omestic|[Ww]estern)\s+(?:(?:state|news|broadcast|local)\s+)?media"
    r"\s+(?:outlets\s+|reports\s+)?(?:have\s+|has\s+|had\s+)?(?:also\s+)?(?:said|say|says"
    r"|reported|report|reports|quoted|cited|claimed|suggested|showed))\b")
_MEDIA_KEYS = ("media",)


def _unnamed_media(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of "Italian media said", "according to local media": media of a place or a
    kind, no outlet named (not "media outlets such as The Ledger")."""
    return _scan(text, sentences, _MEDIA_KEYS, _MEDIA)


# an unnamed person told of before, as the subject of a reporting verb: "the official says
# that", "the senior U.S. official also said" (the relation extractor may read another
# source in a long sentence); not when someone was named with that role before
_DEFINITE_HIDDEN = lazy_compile(
    r"\b[Tt]he\s+(?:(?:[a-z][\w-]*|(?:[A-Z]\.){1,3}|[A-Z][a-z]+)\s+){0,3}?(?P<head>official"
    r"|source|insider|diplomat|aide|envoy|negotiator)\s+(?:also\s+|later\s+|then\s+)?"
    r"(?:said|says|told|added|noted|confirmed|explained|insisted|cautioned|warned|stressed"
    r"|acknowledged|pointed\s+out)\b")
_DEFINITE_KEYS = (" official ", " source ", " insider ", " diplomat ", " aide ", " envoy ",
                  " negotiator ")


def _definite_hidden_says(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of "the official says", "the senior U.S. official also said" where no one was
    named with that role before ("official Ana Ruiz", "Ana Ruiz, a senior official")."""
    out = []
    for a, b in _scan(text, sentences, _DEFINITE_KEYS, _DEFINITE_HIDDEN):
        m = _DEFINITE_HIDDEN.match(text, a, b)
        if m is not None and not found_before(lazy_named_role(m.group("head")), text, a):
            out.append((a, b))
    return out


# what makes a lexicon phrase hit no report: a phrasal verb after "been called" ("the army
# has been called in": summoned), a negated subject before "been reported" ("no deaths
# have been reported": nothing happened, nobody is cited)
_CALLED_PARTICLE = lazy_compile(r"\s+(?:in|out|up|off|back|upon|on|for|to\s+(?!be\b))\b")
_NO_SUBJECT = lazy_compile(r"\b(?:[Nn]o|[Nn]either|[Nn]one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}$")


def no_agentless_report(text: str, start: int, end: int) -> bool:
    """Whether the agentless-passive phrase ``text[start:end]`` (a lexicon hit) reports
    nothing: "have been called in", "no injuries were reported"."""
    phrase = text[start:end].lower()
    if phrase.endswith("called"):
        return _CALLED_PARTICLE.match(text, end) is not None
    if phrase.endswith("reported") and not phrase.startswith("it "):
        head = text[max(0, start - 60):start]
        cut = max(head.rfind(c) for c in ".;:!?")
        return _NO_SUBJECT.search(head[cut + 1:]) is not None
    return False
