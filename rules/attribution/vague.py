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
- **anonymity asides in a sentence** (:func:`anonymity_asides`, in ``vague_groups.py``):
  "who asked not to be named", "speaking on condition of anonymity" mark the sentence's
  source as unnamed whatever span the extractor read for it;
- **an unnamed group with a that-clause** (:func:`group_claims`, in ``vague_groups.py``):
  "Critics charge that", "..., opponents contend." -- a reporting verb the extractor may not
  know, after a plural noun for people with no name.

Both scans are importable from here too. ``vague_words.py`` holds the word lists and text
helpers the scans share; ``vague_few.py`` the scans for an unnamed few as the sayer ("some
saw it as"), an unnamed passive agent ("seen by some as") and relative naming ("what
investigators called").

A source resolved to a person ("the chief" after "Police Chief Ana Ruiz"), an
organisation or an outlet is never vague here; only sources the classifier left anonymous
are looked at again, and the scans skip quoted words.
"""

from __future__ import annotations

import re

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, PERSON
from checker.core.regexlit import lazy_compile
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague_groups import anonymity_asides, group_claims
from rules.attribution.vague_named import MEMBERS_NAMED_AFTER as _MEMBERS_AFTER
from rules.attribution.vague_named import names_someone, no_report
from rules.attribution.vague_words import (
    _GROUP_BODIES,
    _HIDDEN_HEADS,
    _MODIFIER,
    _REPORT_NOUNS,
    GROUP_WORD,
    LATER,
    RANKS,
    _group_heads,
    found_before,
    lazy_named_role,
    named_document_later,
)

__all__ = ["GROUP_WORD", "anonymity_asides", "group_claims", "named_in_context", "unnamed_phrase",
           "vague_source"]

Span = tuple[int, int]

# descriptive anonymity inside a source phrase
_ANONYMITY_IN_PHRASE = lazy_compile(
    r"\b(?:familiar\s+with|close\s+to|with\s+(?:direct\s+|detailed\s+)?knowledge\s+of"
    r"|briefed\s+on|privy\s+to|involved\s+in|unnamed|unidentified|anonymous|anonymity"
    r"|not\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to"
    r"|not\s+to\s+be\s+(?:named|identified|quoted)|declined\s+to\s+be\s+(?:named|identified))\b",
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
# words after a capitalised group word that show a name follows or the group is a body
_NOT_GROUP = frozenset(("party", "campaign", "committee", "administration", "department",
                        "office", "government", "ministry", "council", "board"))


# a source phrase that names its members or itself: "officials, including Gov. Ann Lee",
# "a man calling himself Tom", "a news site called The Local"
_NAMES_ITSELF = lazy_compile(
    r"\b(?:including|led\s+by|such\s+as|among\s+them|called|named|known\s+as|dubbed"
    r"|calling\s+(?:himself|herself|themselves|itself))\s+[“\"‘']?(?:[a-z][\w-]*\s+){0,3}"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\b(?!\s+[a-z]+s\b)")  # not "Apollo astronauts"


# a postmodifier right after a source span that names its author or publisher: "a report
# | in the Valley Ledger", "a spokesman | for Acme"
_NAMED_AFTER = lazy_compile(r"\s+(?:in|by|from|for|at|of|with)\s+(?:the\s+)?[A-Z]")


# people who speak for a body, which a postmodifier names ("a spokeswoman for Acme")
_SPOKESPERSON = lazy_compile(r"\b(?:spokes(?:man|woman|person|people|men|women)|representatives?"
                             r"|press\s+officers?)$", re.IGNORECASE)


# a spokesperson with a capitalised body before the word: "a Harbour Council spokesperson",
# "a White House spokesman"
_BODY_SPOKESPERSON = lazy_compile(
    r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?P<body>(?:[A-Z][\w'’.&-]*\s+){1,4})(?:spokes(?:man|woman"
    r"|person)|press\s+(?:officer|secretary)|representative)$")


def _body_spokesperson(source: str) -> bool:
    """"A Harbour Council spokesperson", "a White House spokesman": a spokesperson for a
    body the capitalised words before it name (not only a nation's adjective or a group
    word: "a Turkish spokesman", "a Republican spokesman" name no body)."""
    m = _BODY_SPOKESPERSON.match(source.strip())
    return m is not None and not all(
        _MODIFIER.match(w.rstrip(".")) or GROUP_WORD.match(w) for w in m.group("body").split())


# a name joined to a source span before it: "Ana Ruiz and | others" (not a clause joined
# after a comma: "..., in Colorado, and | a former official said")
_NAMED_BEFORE = lazy_compile(r"([A-Z][\w'’-]*)\.?\s+(?:and|or)\s+$")


# an age opening an appositive, and the name before it: "Ann Lee, | 45, a nurse,"
_AGE_FIRST = lazy_compile(r"\s*\(?\d{1,3}\)?\s*,")
_NAME_BEFORE_COMMA = lazy_compile(r"[A-Z][\w'’-]*\.?\s*,\s*$")


# a definite group right before a relative "who": "the residents, | who", "its members |
# who" (not "the officials, who": unnamed officials stay vague)
_DEFINITE_BEFORE_WHO = lazy_compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+(?:[a-z][\w-]*\s+)"
    r"{0,2}(?P<head>[a-z]+s)\s*,?\s*$")


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


def named_in_context(r: Extracted, text: str) -> bool:
    """Whether the words of the source phrase or around it (``text``: the document's text)
    name its people: the phrase names itself or its members, an age appositive or a
    relative "who" after a name, a name joined by "and", a body a spokesperson speaks for,
    a group named before."""
    if r.source is not None and (_NAMES_ITSELF.search(r.source_text) or (
            text and _MEMBERS_AFTER.match(text, r.source[1], r.source[1] + 80))):
        return True  # "a news site called The Local", "board members — including Ann Lee"
    if r.source is not None and (_NAME_LAST.search(r.source_text.rstrip(" ,"))
                                 or _LED_BY_NAME.match(r.source_text.strip())):
        # "his best friend at Lehigh, Tom Berg": the appositive names him; "run by Ann
        # Lee, a professor": a span that opens with the person it names
        return True
    if r.source is not None and _name_and_others(r.source_text, text):
        return True  # "Ann Hawkins and others who oppose the ban said": a name leads them
    if text and r.source is not None and _AGE_FIRST.match(r.source_text) \
            and _NAME_BEFORE_COMMA.search(text, max(0, r.source[0] - 60), r.source[0]):
        return True  # "Ann Lee, | 45, a local resident, said": the appositive of a name
    joined = _NAMED_BEFORE.search(text, max(0, r.source[0] - 80), r.source[0]) \
        if text and r.source is not None \
        and text[max(0, r.source[0] - 5):r.source[0]].rstrip().endswith((" and", " or")) \
        else None
    if joined is not None and not GROUP_WORD.match(joined.group(1)) and not (
            _MODIFIER.match(joined.group(1))
            and r.source_text.split()[:1] != [] and r.source_text.split()[0].lower()
            not in _JOINED_DETERMINERS):
        # "Ana Ruiz and others said", "the DOJ and its supporters": one of them is named
        # (not "Senior U.S. and Iranian officials": two modifiers of one head)
        return True
    if text and r.source is not None and r.source_text.strip().lower() in ("who", "whom"):
        named = _NAME_BEFORE_WHO.search(text, max(0, r.source[0] - 80), r.source[0])
        if named is not None and not GROUP_WORD.match(named.group(1)):
            return True  # "Labor Secretary Ana Ruiz, who said": the relative names her
        definite = _DEFINITE_BEFORE_WHO.search(text, max(0, r.source[0] - 60), r.source[0])
        if definite is not None and definite.group("head") not in _HIDDEN_HEADS:
            return True  # "the residents, who noted": a group told of before
    if r.source is not None and _body_spokesperson(r.source_text):
        return True  # "a Harbour Council spokesperson": the body speaks through them
    if text and r.source is not None and _SPOKESPERSON.search(r.source_text) \
            and _NAMED_AFTER.match(text, r.source[1], r.source[1] + 80):
        return True  # "a spokesman for the Federal Reserve": the body speaks through them
    if text and r.source is not None and _group_named_before(r.source_text, text, r.source[0]):
        return True  # "the researchers" after "researchers led by Ana Ruiz"
    return False


# a full name closing a source phrase as its appositive: "his best friend at Lehigh, Tom
# Berg", "a neighbour, Dr. Ann Lee" (not a place: "officials in Leeds, West Yorkshire")
_NAME_LAST = lazy_compile(
    r",\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?!(?:North|South|East|West|New|Northern|Southern"
    r"|Eastern|Western|Central|Upper|Lower|Greater|Saint|San|Santa|Los|Las|El|United|Great"
    r"|Old|Little|Lake|Mount|Port|Fort|Cape)\s)[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?"
    r"\s+[A-Z][a-z][\w'’-]*$")
# a source span that opens with a participle and the person it names: "run by Ann Lee, a
# professor at ...,"
_LED_BY_NAME = lazy_compile(r"(?:run|led|headed|founded|chaired|written|edited|directed"
                            r"|organi[sz]ed|hosted)\s+by\s+(?:[A-Z]\w*\.?\s+)?[A-Z][a-z]")


# a name, then "and others": "Ann Hawkins and others", "Hawkins and several others"
_AND_OTHERS = lazy_compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:and|or)"
                           r"\s+(?:(?:many|several|some|a\s+few)\s+)?others?\b")


def _name_and_others(source: str, text: str) -> bool:
    """Whether a source phrase opens with a name joined to "others" ("Ann Hawkins and
    others", "Hawkins and others who oppose the ban"): a capitalised phrase that is no
    group word ("Democrats and others") and, one word long, is written with a capital
    everywhere in the text ("Rabbis and others" where the text has "rabbis": a common
    word)."""
    m = _AND_OTHERS.match(source.strip())
    if m is None:
        return False
    words = m.group("name").split()
    if GROUP_WORD.match(words[-1].rstrip(".")):
        return False
    low = words[0].lower()
    return len(words) > 1 or not text \
        or re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is None


def _unnamed_source(r: Extracted, lex: Lexicon, text: str) -> bool:
    """:func:`vague_source` but for the phrases ``vague_named.py`` finds named."""
    if r.source is not None and named_in_context(r, text):
        return False
    if r.vague:
        return True
    if r.source is None or not r.informational:
        return False
    if text and _NAMED_AFTER.match(text, r.source[1], r.source[1] + 80):
        return False
    if r.source_kind == ANONYMOUS:
        return unnamed_phrase(r.source_text, lex)
    if r.source_kind == DOCUMENT:
        # "A recent study found", "One survey suggests": no author, no publisher; "Senior
        # government figures believe": people, read as numbers
        words = [w.rstrip(".") for w in _WORD.findall(r.source_text)]
        lows = [w.lower() for w in words]
        if _ranked_group(words, lows):
            return True
        head = _unnamed_finding(words, lows, lex)
        return head is not None and not (text and _document_named(r, text, head))
    if r.source_kind == PERSON and text and _definite_hidden(r.source_text, text, r.source[0]):
        return True  # "the Iranian official said": the unnamed official told of before
    if r.source_kind in (PERSON, ORGANISATION):
        # capitalised, so read as a name: "Several Canadians on the trip", "A Leeds Tory";
        # the main phrase only ("The union, which represents ferry workers,": the union)
        words = [w.rstrip(".") for w in _WORD.findall(r.source_text.split(",", 1)[0])]
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


# first words of a source joined after "and" that start a noun phrase of its own
_JOINED_DETERMINERS = frozenset(("its", "their", "his", "her", "the", "other", "others",
                                 "some", "many", "several", "a", "an", "one", "two", "these",
                                 "those", "our", "all", "both"))
_HIDDEN_PHRASE = lazy_compile(
    r"^(?:[Tt]he|[Tt]hat|[Tt]hose|[Tt]hese)\s+(?:(?:[a-z][\w-]*|(?:[A-Z]\.){1,3}|[A-Z]{2,4}"
    r"|[A-Z][a-z]+)\s+){1,4}(?P<head>[a-z]+)$")


def _definite_hidden(source: str, text: str, at: int) -> bool:
    """"the Iranian official", "the senior State Department official", "the two diplomats": a
    definite phrase of modifiers (lower-case words, abbreviations, capitalised words) before a
    word for a source that withholds a name, with no one named by that word before it in
    the text ("Iranian official Ali Rahimi ... the Iranian official": named)."""
    m = _HIDDEN_PHRASE.match(source.strip())
    if m is None or m.group("head") not in _HIDDEN_HEADS:
        return False
    head = m.group("head").rstrip("s")
    return not found_before(lazy_named_role(head), text, at)


# a definite plural group: "the researchers", "the study's authors", "the scientists"
_DEFINITE_GROUP = lazy_compile(r"^(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:[a-z][\w'’-]*\s+){0,2}"
                               r"(?P<head>[a-z]+s)$")


def _group_named_before(source: str, text: str, at: int) -> bool:
    """Whether a definite plural group ("the researchers", "the authors") points back at
    a group the text named before it: "researchers led by Ana Ruiz", "Ann Lee, one of the
    authors" (not "researchers at Harbour University": its members stay unnamed)."""
    m = _DEFINITE_GROUP.match(source.strip())
    if m is None:
        return False
    head = m.group("head")
    if head in _HIDDEN_HEADS:
        return found_before(lazy_named_role(head.rstrip("s")), text, at)
    named = _GROUP_NAMED.get(head)
    if named is None:
        named = re.compile(
            rf"\b{head}\s+(?:led\s+by|headed\s+by|including|such\s+as|among\s+them)\s+"
            rf"(?:[a-z][\w-]*\s+){{0,3}}[A-Z]"
            rf"|[A-Z][\w'’-]+,\s+(?:one|two|some)\s+of\s+the\s+(?:[\w'’-]+\s+){{0,2}}?"
            rf"{head}\b")
        if len(_GROUP_NAMED) > 256:
            _GROUP_NAMED.clear()
        _GROUP_NAMED[head] = named
    return found_before(named, text, at)


_GROUP_NAMED: dict[str, re.Pattern[str]] = {}


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
        or _unnamed_document(words, lows, lex) or _quoted_elsewhere(words, lows, lex) \
        or _ranked_group(words, lows)


# documents whose findings, with no author or publisher named, come from no one the reader
# can weigh: "a recent study found", "one survey suggests" (not "a letter said", "a
# statement said", "a court document says": whose letter, statement or filing the
# sentences around it usually say)
_FINDING_DOCUMENTS = frozenset(("report", "study", "survey", "poll", "analysis", "paper",
                                "assessment", "estimate", "review", "dossier"))
# a document's author or publisher after it: "a 2013 study | by economists Ann Lee and",
# "a poll | conducted by the Valley Ledger", "a survey | of voters published by Acme"
_AUTHOR_AFTER = lazy_compile(
    r"[^.;:!?]{0,60}?\b(?:by|from)\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){0,2}[A-Z]")
# "in" right before a document: "In a poll of voters, Acme found": the document is where a
# sayer named after it found something
_IN_BEFORE = lazy_compile(r"\b[Ii]n\s+$")


def _document_named(r: Extracted, text: str, head: str) -> bool:
    """Whether the text names the author or publisher of the document source of ``r``
    (``head``: its head noun) right after it or in the next sentences ("a new poll shows
    ... | The Harbour Ledger poll found": the lede's document, named next), or reads the
    document as where someone else found something."""
    assert r.source is not None
    a, b = r.source
    return _AUTHOR_AFTER.match(text, b, b + 100) is not None \
        or _IN_BEFORE.search(text, max(0, a - 4), a) is not None \
        or named_document_later(head).search(text, b, b + LATER) is not None


def _unnamed_finding(words: list[str], lows: list[str], lex: Lexicon) -> str | None:
    """The head noun of an :func:`_unnamed_document` that is a document of findings (a
    study, a survey, a report), not a letter or a statement; else None."""
    if not words or not _unnamed_document(words, lows, lex):
        return None
    at = _head_index(words[1:], lows[1:])
    return lows[at + 1] if at is not None and lows[at + 1] in _FINDING_DOCUMENTS else None


def _ranked_group(words: list[str], lows: list[str]) -> bool:
    """"Senior Tories", "Leading Democrats", "senior Labour figures", "top government
    figures": a rank word, then a capitalised plural group word or "figures" as the head
    (with at most two modifiers between), and nothing after the head (no name, no
    postmodifier: "senior Tories such as Ann Lee" names one)."""
    if not 2 <= len(words) <= 4 or lows[0] not in RANKS:
        return False
    head = words[-1]
    if lows[-1] == "figures":
        return True
    return head[:1].isupper() and head.endswith("s") and bool(GROUP_WORD.match(head))


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


# people counted off as the source but not read as sources after "his"/"the" (which refer
# to someone named: "his mother said"): "a mother of two said", "one passenger said"
_COUNTED_PEOPLE = frozenset((
    "mother", "father", "parent", "parents", "mum", "dad", "grandmother", "grandfather",
    "grandparent", "widow", "widower", "pensioner", "pensioners", "passenger", "passengers",
    "motorist", "motorists", "commuter", "commuters", "shopper", "shoppers", "customer",
    "customers", "patient", "patients", "fan", "fans", "survivor", "survivors", "teenager",
    "teenagers", "pupil", "pupils", "student", "students", "tenant", "tenants", "driver",
    "drivers", "farmer", "farmers", "villager", "villagers", "homeowner", "homeowners"))


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
    return low in lex.people_words or low in lex.anonymous_heads or low in lex.generic_people \
        or low in _COUNTED_PEOPLE


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


