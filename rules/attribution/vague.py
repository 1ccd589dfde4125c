"""Which sources name no one: the vagueness test of ATT001 beyond the source classifier.

:func:`rules.attribution.sources.resolve` marks a relation ``vague`` when its source is an
anonymous generic *who* ("officials", "a nurse"). Three classes of unnamed sources slip
through that test, and this module catches them:

- **source phrases that say they hide a name** (:func:`vague_source`): descriptive
  anonymity ("a harbour pilot, who was not cleared to brief the press", "one councillor
  familiar with the discussion", "a person with knowledge of the talks"), one or a few
  unnamed members of a group written with a capital ("a Nevada Democrat", "another Ohio
  Republican", "other Republicans", "a handful of Democrats"), unnamed bodies with a clause
  ("progressive organisations that have endorsed him") and "the source(s)" told of before;
- **anonymity asides in a sentence** (:func:`anonymity_asides`): "who asked not to be
  named", "speaking on condition of anonymity", "who was not authorised to comment" mark
  the sentence's source as unnamed whatever span the extractor read for it;
- **an unnamed group with a that-clause** (:func:`group_claims`): "Critics charge that",
  "Some economists now doubt that", "..., opponents contend." -- a reporting verb the
  extractor may not know, after a plural noun for people with no name.

``vague_few.py`` holds the scans for an unnamed few as the sayer ("some saw it as"), an
unnamed passive agent ("seen by some as") and relative naming ("what investigators
called").

A source resolved to a person ("the chief" after "Police Chief Ana Ruiz"), an
organisation or an outlet is never vague here; only sources the classifier left anonymous
are looked at again, and the scans skip quoted words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from checker.core.analysis import ANONYMOUS, ORGANISATION, PERSON
from checker.core.regexlit import lazy_compile
from checker.text.lowercase import lowered
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague_named import MEMBERS_NAMED_AFTER as _MEMBERS_AFTER
from rules.attribution.vague_named import counted_capitals, names_someone, no_report
from rules.attribution.words import BOUNDARY_WORDS

Span = tuple[int, int]

# descriptive anonymity inside a source phrase
_ANONYMITY_IN_PHRASE = lazy_compile(
    r"\b(?:familiar\s+with|close\s+to|with\s+(?:direct\s+|detailed\s+)?knowledge\s+of"
    r"|briefed\s+on|privy\s+to|involved\s+in|unnamed|unidentified|anonymous|anonymity"
    r"|not\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to"
    r"|not\s+to\s+be\s+(?:named|identified|quoted)|declined\s+to\s+be\s+(?:named|identified))\b",
    re.IGNORECASE,
)
# asides that mark a sentence's source as unnamed wherever it stands
_ANONYMITY_ASIDE = lazy_compile(
    r"\b(?:(?:who|because\s+(?:he|she|they))\s+(?:asked|requested|wished|wanted|preferred)"
    r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|anonymity|to\s+remain\s+anonymous)"
    r"|(?:speaking|spoke|speak|talking|talked)\s+(?:on|under)\s+(?:the\s+)?condition"
    r"\s+(?:of|that\s+(?:he|she|they)\s+not\s+be\s+named)(?:\s+anonymity)?"
    r"|on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|(?:speaking|spoke|speak)\s+anonymously"
    r"|(?:who|as\s+(?:he|she|they))\s+(?:was|were|is|are)\s+not\s+(?:authori[sz]ed|allowed"
    r"|permitted|cleared)\s+to\s+(?:speak|comment|talk|discuss|be\s+(?:named|quoted))"
    r"|(?:who|and)\s+(?:declined|refused)\s+to\s+be\s+(?:named|identified)"
    r"|who\s+(?:did|does|do)\s+not\s+(?:want|wish)\s+to\s+be\s+(?:named|identified)"
    r"|(?:was|were)\s+granted\s+anonymity|requested\s+anonymity|insisted\s+on\s+anonymity)\b",
    re.IGNORECASE,
)
# determiners that count off unnamed members of a group: "a Nevada Democrat", "other
# Republicans", "a handful of Democrats"
_COUNTING = frozenset(("a", "an", "one", "another", "some", "several", "many",
                       "two", "three", "four", "five", "few", "various", "numerous",
                       "multiple", "certain"))
_COUNTING_PHRASES = ("a handful of", "a number of", "a group of", "a couple of",
                     "a significant number of", "a majority of", "a few")
_WORD = lazy_compile(r"[^\W\d_][\w'’.-]*")
# nationalities and residents whose endings are as common in surnames and places ("-is":
# Lewis, Davis, Paris; "-ers": Sanders, Myers, Powers): named one by one
_LISTED_MEMBERS = (
    "Israelis", "Pakistanis", "Iraqis", "Saudis", "Somalis", "Yemenis", "Kuwaitis", "Omanis",
    "Qataris", "Bahrainis", "Emiratis", "Bangladeshis", "Nepalis", "Azeris", "Punjabis",
    "Kashmiris", "Londoners", "Northerners", "Southerners", "Westerners", "Easterners",
    "Islanders", "Highlanders", "Lowlanders", "Midlanders", "Yorkers", "Icelanders",
    "Netherlanders", "Newfoundlanders", "Marylanders",
)
# capitalised words for members of a group: party members, nationalities and residents
# ("a Nevada Democrat", "several Canadians", "two Texans"); not a surname ("a teary-eyed Bush",
# "Sanders") nor a place ("Paris"): an ending alone counts only where surnames rarely have it
GROUP_WORD = lazy_compile(
    r"^(?:(?:Democrat|Republican|Conservative|Liberal|Tory|Socialist|Libertarian|Progressive"
    r"|Independent|Green|Labourite|Unionist|Nationalist|Loyalist|Separatist|Muslim|Christian"
    r"|Catholic|Protestant|Jew|Sunni|Shiite|Evangelical)s?|Tories|"
    # the listed "-is" plurals and their singulars ("Israeli", "Kashmiri")
    + "|".join(w[:-1] for w in _LISTED_MEMBERS if w.endswith("is")) + "|"
    + "|".join(_LISTED_MEMBERS)
    + r"|[A-Z][a-z]+(?:ians?|eans?|ans|ese|ites))$")
# plural bodies that an unnamed group can be ("organisations that endorsed him")
_GROUP_BODIES = frozenset(("groups", "organizations", "organisations", "companies",
                           "businesses", "firms", "outlets", "agencies", "charities",
                           "unions", "campaigns"))
# words after a capitalised group word that show a name follows or the group is a body
_NOT_GROUP = frozenset(("party", "campaign", "committee", "administration", "department",
                        "office", "government", "ministry", "council", "board"))


# a source phrase that names its members or itself: "officials, including Gov. Ann Lee",
# "a man calling himself Tom", "a news site called The Local"
_NAMES_ITSELF = lazy_compile(
    r"\b(?:including|led\s+by|such\s+as|among\s+them|called|named|known\s+as|dubbed"
    r"|calling\s+(?:himself|herself|themselves|itself))\s+[“\"‘']?(?:[a-z][\w-]*\s+){0,3}[A-Z]")


# a postmodifier right after a source span that names its author or publisher: "a report
# | in the Valley Ledger", "a spokesman | for Acme"
_NAMED_AFTER = lazy_compile(r"\s+(?:in|by|from|for|at|of|with)\s+(?:the\s+)?[A-Z]")


# a name joined to a source span before it: "Ana Ruiz and | others" (not a clause joined
# after a comma: "..., in Colorado, and | a former official said")
_NAMED_BEFORE = lazy_compile(r"([A-Z][\w'’-]*)\.?\s+(?:and|or)\s+$")


# a name right before a relative "who": "Ana Ruiz, | who"
_NAME_BEFORE_WHO = lazy_compile(r"([A-Z][\w'’-]*)\.?\s*[,(]?\s*$")


def vague_source(r: Extracted, lex: Lexicon, text: str = "") -> bool:
    """Whether ATT001 reports the informational relation ``r`` as a vague source: the
    classifier's verdict (``r.vague``), or an anonymous source phrase of one of the classes
    in the module doc; never a phrase that names its members ("officials, including Gov.
    Ann Lee") or itself ("a news site called The Local"), nor (``text``: the document's
    text) one that a named postmodifier follows ("a report | in the Valley Ledger"), one
    that points at someone named or known ("the president", "a poll by Acme",
    ``vague_named.py``), nor the people told or a wish ("Patients being told")."""
    return _unnamed_source(r, lex, text) and not (
        names_someone(r.source_text, lex)
        or (text and r.source is not None and no_report(text, r.source[1], r.cue)))


def _unnamed_source(r: Extracted, lex: Lexicon, text: str) -> bool:
    """:func:`vague_source` but for the phrases ``vague_named.py`` finds named."""
    if r.source is not None and (_NAMES_ITSELF.search(r.source_text) or (
            text and _MEMBERS_AFTER.match(text, r.source[1], r.source[1] + 80))):
        return False  # "a news site called The Local", "board members — including Ann Lee"
    joined = _NAMED_BEFORE.search(text, max(0, r.source[0] - 80), r.source[0]) \
        if text and r.source is not None \
        and text[max(0, r.source[0] - 5):r.source[0]].rstrip().endswith((" and", " or")) \
        else None
    if joined is not None and not GROUP_WORD.match(joined.group(1)):
        return False  # "Ana Ruiz and others said": one of them is named
    if text and r.source is not None and r.source_text.strip().lower() in ("who", "whom"):
        named = _NAME_BEFORE_WHO.search(text, max(0, r.source[0] - 80), r.source[0])
        if named is not None and not GROUP_WORD.match(named.group(1)):
            return False  # "Labor Secretary Ana Ruiz, who said": the relative names her
    if r.vague:
        return True
    if r.source is None or not r.informational:
        return False
    if text and _NAMED_AFTER.match(text, r.source[1], r.source[1] + 80):
        return False
    if r.source_kind == ANONYMOUS:
        return unnamed_phrase(r.source_text, lex)
    if r.source_kind in (PERSON, ORGANISATION):
        # capitalised, so read as a name: "Several Canadians on the trip", "A Leeds Tory"
        words = [w.rstrip(".") for w in _WORD.findall(r.source_text)]
        lows = [w.lower() for w in words]
        if text and (_counted_before(text, r.source[0], words)
                     or _common_first_word(text, r.source[0], words, lows, lex)):
            return True
        if len(words) < 2 or lows[0] not in _COUNTING:
            return False
        head_at = _head_index(words[1:], lows[1:])
        return head_at is not None and bool(GROUP_WORD.match(words[1 + head_at])) \
            and _counted_members(words, lows, lex)
    return False


# a counting word and lower-case modifiers right before a source span
_COUNTED_BEFORE = lazy_compile(
    r"\b(?:[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Nn]umerous|[Vv]arious)\s+(?:[a-z][\w-]*\s+)"
    r"{0,2}$")


def _counted_before(text: str, at: int, words: list[str]) -> bool:
    """"Many liberal | Democrats have warned": a source span of one group word ("Democrats")
    that a counting word before it counts off."""
    return len(words) == 1 and bool(GROUP_WORD.match(words[0])) \
        and words[0].endswith("s") \
        and _COUNTED_BEFORE.search(text, max(0, at - 60), at) is not None


def _common_first_word(text: str, at: int, words: list[str], lows: list[str],
                       lex: Lexicon) -> bool:
    """"Protest groups say", "Nuclear proliferation experts have speculated": a plural group
    noun whose only capital is a sentence's first letter, where the first word is a common
    word (the text writes it in lower case elsewhere), not a name ("Acme workers")."""
    if len(words) < 2 or not lows[-1].endswith("s") or lows[0] in _COUNTING \
            or any(w[:1].isupper() for w in words[1:]):
        return False
    before = text[max(0, at - 3):at].strip()
    if before and before[-1] not in ".!?:;\"“”'‘’(—–-\n":
        return False  # a capital inside a sentence: a name
    return lows[-1] in _group_heads(lex) \
        and re.search(rf"(?<![\w-]){re.escape(lows[0])}(?![\w-])", text) is not None


def unnamed_phrase(text: str, lex: Lexicon) -> bool:
    """Whether a source phrase the classifier left anonymous says it names no one."""
    words = [w.rstrip(".") for w in _WORD.findall(text)]
    if not words or re.match(r"[A-Z]\.", text.strip()):
        return False  # "A. Baker": an initial, not the article
    lows = [w.lower() for w in words]
    if lows[0] in lex.pronouns and len(lows) == 1:
        return False
    if _ANONYMITY_IN_PHRASE.search(text):
        return True
    if lows[0] in ("the", "these", "this", "those") and len(lows) == 2 \
            and lows[1] in ("source", "sources", "insider", "insiders", "official",
                            "officials"):
        return True  # "the sources said": the unnamed sources told of before
    return _counted_members(words, lows, lex) or _unnamed_bodies(lows) \
        or _unnamed_document(words, lows, lex) or _quoted_elsewhere(words, lows, lex)


# participles after which unnamed people stay unnamed ("sources cited in the memo"); not
# "named" ("officials named in the report" are named there)
_QUOTED_PARTICIPLES = frozenset(("cited", "quoted", "mentioned", "interviewed", "contacted",
                                 "consulted", "polled", "surveyed"))


def _quoted_elsewhere(words: list[str], lows: list[str], lex: Lexicon) -> bool:
    """"Sources cited in the memo", "several officials quoted in the report": people for
    whom a document or an outlet is the only name given, with nothing capitalised."""
    at = 1 if lows[0] in _COUNTING or lows[0] == "other" else 0
    if len(lows) < at + 3 or any(w[:1].isupper() for w in words[1:]):
        return False
    return lows[at] in lex.anonymous_heads and lows[at + 1] in _QUOTED_PARTICIPLES \
        and lows[at + 2] in ("in", "by")


# documents that, indefinite and with no author or publisher named, name no source (as a
# source phrase, and after "according to" / "as per" / "citing" in ``vague_passive.py``)
_REPORT_NOUNS = frozenset(("report", "study", "survey", "analysis", "memo", "document",
                           "poll", "paper", "briefing", "assessment", "estimate", "review",
                           "account", "dossier", "leak", "note", "letter", "filing"))


def _unnamed_document(words: list[str], lows: list[str], lex: Lexicon) -> bool:
    """"a report", "one recent study", "a report in a trade magazine": an indefinite
    document with nothing capitalised after its determiner (no author, no outlet)."""
    if lows[0] not in ("a", "an", "one", "another") or len(lows) > 8:
        return False
    if any(w[:1].isupper() for w in words[1:]):
        return False  # "a report by Amnesty", "a study in The Lancet"
    at = _head_index(words[1:], lows[1:])
    head = lows[at + 1] if at is not None else ""
    return head in _REPORT_NOUNS or (head in lex.document_nouns and head.isalpha()
                                     and not head.endswith("s"))


def _counted_members(words: list[str], lows: list[str], lex: Lexicon) -> bool:
    """"a Nevada Democrat", "another Ohio Republican", "other Republicans", "a handful of
    Democrats who point": a counting determiner, then a head noun for people or a
    capitalised group word (a party member, a nationality) and no name after it."""
    start = 1
    joined = " ".join(lows)
    for phrase in _COUNTING_PHRASES:
        if joined.startswith(phrase + " "):
            start = len(phrase.split())
            break
    else:
        if lows[0] not in _COUNTING:
            return False
    body = words[start:]
    head_at = _head_index(body, lows[start:])
    if head_at is None:
        return False
    head = body[head_at]
    low = head.lower()
    if any(w.lower() in _NOT_GROUP or w.lower() in lex.organisation_words for w in body):
        return False
    if head[:1].isupper():
        # a group word ("Democrat", "Republicans", "Texans"), not a name
        return bool(GROUP_WORD.match(head)) and low not in lex.outlets
    return low in lex.people_words or low in lex.anonymous_heads or low in lex.generic_people


def _head_index(body: list[str], lows: list[str]) -> int | None:
    """Index of the head noun of ``body``: the last word before a postmodifier ("who",
    "familiar", "in", a past participle), if no capitalised word follows it."""
    if not body:
        return None
    end = len(body)
    for i, w in enumerate(lows):
        if i and (w in ("who", "that", "whose", "of", "in", "at", "from", "on", "with",
                        "for", "familiar", "close", "involved", "speaking")
                  or w.endswith("ed")):
            end = i
            break
    if any(w[:1].isupper() for w in body[end:]):
        return None  # "a Democrat from Ohio named Ann Lee": a name after the head
    return end - 1


def _unnamed_bodies(lows: list[str]) -> bool:
    """"progressive organisations that have endorsed him": plural bodies, no determiner,
    defined by a clause rather than a name."""
    for i, w in enumerate(lows):
        if w in _GROUP_BODIES and 0 < i + 1 < len(lows) and lows[i + 1] in ("that", "who"):
            return lows[0] not in ("the", "these", "those", "its", "their", "his", "her")
    return False


# ------------------------------------------------------------------ sentence scans

# plural nouns for unnamed people that a that-clause after a reporting verb makes a source
_GROUP_HEADS = frozenset((
    "critics", "experts", "officials", "analysts", "observers", "opponents", "supporters",
    "proponents", "detractors", "skeptics", "sceptics", "economists", "scientists", "researchers",
    "historians", "commentators", "pundits", "insiders", "sources", "activists", "campaigners",
    "advocates", "residents", "locals", "witnesses", "doctors", "lawyers", "investigators",
    "diplomats", "lawmakers", "legislators", "strategists", "academics", "scholars", "specialists",
    "parents", "teachers", "neighbours", "neighbors", "executives", "investors", "traders",
    "bankers", "officers", "authorities", "aides", "allies", "rivals", "environmentalists",
    "conservationists", "physicians", "nurses", "clinicians", "epidemiologists", "bosses",
    "chiefs", "managers",
)) | _GROUP_BODIES
# reporting verbs the cue lexicon leaves out, as news copy uses them after a group
_MORE_VERBS = frozenset(("charge", "charged", "contend", "contended", "fear", "feared",
                         "caution", "cautioned", "doubt", "doubted",
                         "suspect", "suspected", "complain", "complained", "counter",
                         "countered", "worry", "worried"))
# verbs after which a group reports a clause or an object even without "that"
# ("Doctors say the wait has doubled", "officials told reporters", "critics warned of"):
# the verbs above and the common reporting verbs
_CLAUSE_VERBS = _MORE_VERBS | frozenset((
    "say", "says", "said", "told", "tell", "argue", "argued", "warn", "warned", "believe",
    "believed", "think", "thought", "insist", "insisted", "claim", "claimed", "estimate",
    "estimated", "predict", "predicted", "agree", "agreed", "note", "noted", "acknowledge",
    "acknowledged", "concede", "conceded", "maintain", "maintained", "allege", "alleged",
    "report", "reported", "confirm", "confirmed", "explain", "explained", "stress", "stressed",
    "suggest", "suggested"))
# verbs of judging after a group, each with what must follow it: "party leaders see him
# as", "critics call it a tax", "critics point to", "business groups criticise the move"
_AS_VERBS = frozenset(("see", "sees", "saw", "view", "views", "viewed", "regard", "regards",
                       "regarded", "describe", "describes", "described"))
_CALL_VERBS = frozenset(("call", "calls", "called"))
_POINT_VERBS = frozenset(("point", "points", "pointed"))
_CRITICISE = frozenset(("criticize", "criticizes", "criticized", "criticise", "criticises",
                        "criticised", "criticizing", "criticising", "lament", "laments",
                        "lamented", "lamenting", "decry", "decries", "decried", "decrying",
                        "denounce", "denounces", "denounced", "denouncing", "blame", "blamed",
                        "blaming", "condemn", "condemns", "condemned", "condemning"))
# verbs after which a group voices a concern: "residents raised concerns", "many voiced alarm"
_CONCERN_VERBS = frozenset(("raise", "raised", "raising", "voice", "voiced", "voicing",
                            "express", "expressed", "expressing", "air", "aired"))
_CONCERN_AFTER = lazy_compile(r"\s+(?:(?:serious|grave|growing|deep|strong|similar|their|some"
                              r"|new|fresh)\s+)?(?:concerns?|alarm|fears?|doubts|worries"
                              r"|objections|misgivings|skepticism|scepticism|reservations)\b")
# -ing forms for a group in the progressive ("critics are saying", "groups are criticizing")
# (not "questioning": "Investigators are questioning witnesses" interrogate them)
_ING_VERBS = frozenset(("saying", "arguing", "warning", "claiming", "predicting",
                        "complaining", "speculating", "suggesting", "insisting", "alleging"))
_JUDGING_VERBS = _AS_VERBS | _CALL_VERBS | _POINT_VERBS | _CRITICISE | _CONCERN_VERBS
# a stance after "are": "Some economists are concerned that", "residents were worried that"
_STANCES = ("concerned", "worried", "convinced", "alarmed", "adamant", "confident",
            "skeptical", "sceptical", "fearful", "certain")
_AS_AFTER = lazy_compile(r"(?:\s+[\w'’-]+){1,6}?\s+as\b")
_CALL_AFTER = lazy_compile(
    r"\s+(?:it|them|him|her|this|these|those)\s+(?!(?:on|back|to|at|in|after|before|last"
    r"|and|or|for|up|out|off|about|with|from|by|when|while|every|each|twice|again)\b)"
    r"[a-z“\"‘']")
_CONJ = r"(?:but|while|although|though|as|because|since|where|whereas)\s+"
# a parenthetical between a group and its verb: "Cement makers, for instance, argue"
_ASIDE = (r"(?:,\s+(?:for\s+instance|for\s+example|on\s+the\s+other\s+hand|meanwhile|however"
          r"|though|in\s+turn|in\s+particular|too|instead|by\s+contrast|in\s+contrast"
          r"|of\s+course|in\s+fact),)?")
_GROUP_CLAIM = lazy_compile(
    r"(?:^|[,;:(—–]\s*(?:" + _CONJ + r")?|\b" + _CONJ + r")"
    r"(?P<src>(?:(?:some|many|several|most|other|few|a\s+few|a\s+number\s+of)\s+)?"
    r"(?:[a-z][\w'’-]*\s+and\s+)?(?:[a-z][\w'’-]*\s+){0,2}?(?P<head>[a-z]+s)"
    # a postmodifier: "activists here", "supporters of abortion rights"
    r"(?:\s+(?:here|there|alike)|\s+(?:of|in|at|from|on|across|within)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’.-]*"
    # "residents living in its shadow", "people working nearby"
    r"|\s+(?:living|working|based|staying)\s+(?:nearby|there|here|locally|(?:in|on|near|at"
    r"|along|around|by|under|beside)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*))?)"
    + _ASIDE +
    r"\s+(?:(?:have|had|has|do|did|are|were)\s+)?(?:(?:long|also|now|privately|publicly"
    r"|still|repeatedly|often|increasingly|widely|generally|already|even|deeply)\s+)?"
    r"(?P<verb>(?:" + "|".join(sorted(_CLAUSE_VERBS | _JUDGING_VERBS | _ING_VERBS
                                     | frozenset(_STANCES), key=len, reverse=True))
    + r")\b|[a-z]+(?=\s+that\b|\s*[.!?]))"
    r"(?P<after>\s+that\b|\s*[.!?][\"”’']?\s*$|\s*,(?=\s)|\s+(?=[a-z]))",
)
_QUOTE_CHARS = "\"“”"
_QUANTIFIERS = frozenset(("some", "many", "several", "most", "other", "few", "a", "number",
                          "of"))


# words one of which a sentence must hold for a scan to run on it (most hold none)
_ASIDE_KEYS = ("anonym", "named", "identified", "authori", "quoted", "allowed", "permitted",
               "cleared")
_PUNCT_CHARS = ".,;:!?()\"“”‘’'—–"


# the last text lowered and its lower case, one tuple (read and replaced whole, so threads
# never see a text with another's lower case): the scans of one text share it
_last_lowered: tuple[str, str] = ("", "")


def _lowered(text: str) -> str:
    """``text`` in lower case, offset for offset (:func:`checker.text.lowercase.lowered`),
    remembered for the last text."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    low = lowered(text)
    _last_lowered = (text, low)
    return low


def _scan(text: str, sentences: Iterable[Span], keys: tuple[str, ...],
          pattern: re.Pattern[str], lower: bool = False) -> list[Span]:
    """Spans of ``pattern`` outside quotations in the sentences that hold one of ``keys``
    (lower case; found with ``str.find``, much faster than a regex over the text)."""
    low = _lowered(text)
    offsets = []
    for k in keys:
        i = low.find(k)
        while i >= 0:
            offsets.append(i)
            i = low.find(k, i + 1)
    if not offsets:
        return []
    offsets.sort()
    sents = list(sentences)
    starts = [a for a, _ in sents]
    seen: set[int] = set()
    out: list[Span] = []
    for off in offsets:
        i = bisect.bisect_right(starts, off) - 1
        if i < 0 or i in seen or off >= sents[i][1]:
            continue
        seen.add(i)
        a, b = sents[i]
        s = text[a:b]
        for m in pattern.finditer(low[a:b] if lower else s):  # ``lower``: a lower-case pattern
            if not _quoted(s, m.start()):
                out.append((a + m.start(), a + m.end()))
    return sorted(out)


def anonymity_asides(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of anonymity asides ("who asked not to be named") outside quotations."""
    return _scan(text, sentences, _ASIDE_KEYS, _ANONYMITY_ASIDE)


def group_claims(text: str, sentences: Iterable[Span], lex: Lexicon) -> list[Span]:
    """Spans of "<unnamed group> <reporting verb> that" (or a group and verb ending the
    sentence: "..., critics charge.") outside quotations."""
    out: list[Span] = []
    heads = _group_heads(lex)
    low = _lowered(text)
    words = low
    for c in _PUNCT_CHARS:
        if c in words:
            words = words.replace(c, " ")
    present = set(heads.intersection(words.split()))
    present.update(counted_capitals(text, low))
    if not present:
        return out
    for a, b in _sentences_holding(words, present, sentences):
        s = text[a:b]
        for m in _GROUP_CLAIM.finditer(low[a:b]):  # the pattern is in lower case
            if (m.group("head") in heads or _counted_group(m, s)) \
                    and _a_group_claim(m, s, lex):
                out.append((a + m.start("src"), a + m.end("verb")))
    return out


def _counted_group(m: re.Match[str], s: str) -> bool:
    """"many Democrats", "some Texans": a capitalised group word (:data:`GROUP_WORD`)
    that a quantifier counts off, as the head of a :data:`_GROUP_CLAIM` match."""
    return s[m.start("src"):m.start("head")].lower().split()[:1] \
        in (["some"], ["many"], ["several"], ["other"], ["most"]) \
        and GROUP_WORD.match(s[m.start("head"):m.end("head")]) is not None


def _sentences_holding(words: str, present: Iterable[str], sentences: Iterable[Span]
                       ) -> list[Span]:
    """The sentences in which one of the words ``present`` occurs as a whole word of
    ``words`` (the text lower-cased, punctuation turned into spaces), in order."""
    sents = list(sentences)
    starts = [a for a, _ in sents]
    todo: set[int] = set()
    n = len(words)
    for w in present:
        i = words.find(w)
        while i >= 0:
            end = i + len(w)
            if (i == 0 or words[i - 1].isspace()) and (end == n or words[end].isspace()):
                j = bisect.bisect_right(starts, i) - 1
                if j >= 0 and i < sents[j][1]:
                    todo.add(j)
            i = words.find(w, end)
    return [sents[j] for j in sorted(todo)]


def _judges(verb: str, s: str, end: int) -> bool:
    """Whether a verb of judging (:data:`_JUDGING_VERBS`) ending at ``end`` of sentence
    ``s`` reports a judgement: "see him as", "call it a tax", "point to", "criticise"."""
    if verb in _AS_VERBS:
        return _AS_AFTER.match(s, end, end + 80) is not None
    if verb in _CALL_VERBS:
        return _CALL_AFTER.match(s, end) is not None
    if verb in _POINT_VERBS:
        return s[end:end + 4].lower() == " to "
    if verb in _CONCERN_VERBS:
        return _CONCERN_AFTER.match(s, end) is not None
    return verb in _CRITICISE


def _a_group_claim(m: re.Match[str], s: str, lex: Lexicon) -> bool:
    """Whether a match of :data:`_GROUP_CLAIM` in a lower-cased sentence (``s``: the
    sentence as written) is an unnamed group reporting."""
    verbs = lex.cue_forms
    verb = m.group("verb")
    after = m.group("after").strip()
    at = m.start("src")
    being = _BE_BEFORE.search(s, m.end("head"), m.start("verb")) is not None
    if (being and not (verb in _STANCES or verb.endswith("ing"))) \
            or (verb in _STANCES and after != "that"):
        return False  # "Residents were told that": told, not telling; "are concerned that"
    if _NOT_A_REPORT.match(s, m.end("verb")) and verb.startswith(("insist", "agree")):
        return False  # "some officials insist on anonymity", "critics agreed to meet"
    if verb in _STANCES or verb in _ING_VERBS:
        pass
    elif after == ",":
        # "..., many economists say, ...": an aside set off by commas, a reporting verb
        if s[:at].rstrip()[-1:] not in (",", "(", "—", "–") \
                or not (verb in verbs or verb in _MORE_VERBS):
            return False
    elif after == "that" or after[:1] in (".", "!", "?"):
        if not (verb in verbs or verb in _MORE_VERBS) \
                or (after != "that" and m.start("src") == 0):
            return False  # "Rider groups disagreed.": no content reported
    elif verb not in _CLAUSE_VERBS and not _judges(verb, s, m.end("verb")):
        return False
    lows = s[at:m.start("head")].lower().split() + [m.group("head")]  # to the head
    if any(w in lex.pronouns or w in BOUNDARY_WORDS or w in verbs or w in _CLAUSE_VERBS
           for w in lows[:-1] if w not in _QUANTIFIERS and w != "and"):
        return False  # "She said leaders": no noun phrase
    if lows[0] in ("the", "these", "those", "their", "his", "her"):
        return False
    src = s[at:m.end("src")]
    # capitalised where a sentence starts or after a colon, dash or bracket ("Update: Critics
    # charge ..."): the capital says nothing; elsewhere it marks a name ("Acme analysts")
    first_cap = src[:1].isupper() and s[:at].rstrip()[-1:] not in ("", ":", ";", "—", "–",
                                                                  "(")
    words = src.split()[1:]
    if " in " in src:  # "lawmakers in the U.S.", "residents in East Palestine": a place
        words = src[:src.index(" in ")].split()[1:]
    if words and lows[0] in _QUANTIFIERS and GROUP_WORD.match(s[m.start("head"):m.end("head")]):
        words = [w for w in words if w != s[m.start("head"):m.end("head")]]  # "many Democrats"
    # "some Acme analysts": named by their employer; quoted: the speaker's words
    return not (first_cap or any(w[:1].isupper() for w in words) or _quoted(s, at))


_BE_BEFORE = lazy_compile(r"\s(?:are|were|is|was|be|been|being)(?:n['’]t)?\s", re.IGNORECASE)
# what follows "insist" or "agree" when it is a demand or a consent: "insist on", "agree to"
_NOT_A_REPORT = lazy_compile(r"\s+(?:on|upon|to|with)\b")


_HEADS_OF: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _group_heads(lex: Lexicon) -> frozenset[str]:
    """Lower-case plural nouns for unnamed groups of people ("critics", "paramedics",
    "farmers"): the scan's own list and the lexicon's plural anonymous heads and generic
    people (kept per lexicon)."""
    got = _HEADS_OF.get(id(lex))
    if got is None or got[0] is not lex:
        more = {w for w in lex.anonymous_heads | lex.generic_people
                if w.endswith("s") and " " not in w and w not in ("others", "some")}
        got = (lex, _GROUP_HEADS | frozenset(more))
        if len(_HEADS_OF) > 8:
            _HEADS_OF.clear()
        _HEADS_OF[id(lex)] = got
    return got[1]


def _quoted(s: str, at: int) -> bool:
    """Whether offset ``at`` of sentence ``s`` lies inside a quotation (an odd number of
    straight or curly double quotes before it)."""
    return sum(s.count(q, 0, at) for q in _QUOTE_CHARS) % 2 == 1
