"""Source phrases that look anonymous but point at someone the text names, for ATT001.

- **an office holder or a known set of them**, definite: "the president", "the former
  secretary of state", "the county's chief prosecutor", "the candidates": one person (or
  the people) in an office the text has named or the reader knows, not an unnamed source;
  words for sources that hide a name ("the official", "the source", "the spokesman")
  are no offices here and stay vague;
- **a document with a named author or publisher inside the phrase**: "a new poll from
  Harbour University", "calculations by Ann Lee of the Institute", "the Pollster
  average": the document is identified, whatever its determiner.

The source classifier marks these anonymous (a role noun, a document noun); they are
ATT001's false hits, so :func:`rules.attribution.vague.vague_source` asks here first.
"""

from __future__ import annotations

import re

from checker.core.regexlit import lazy_compile
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague_words import RANKS

# offices with one holder (or a known few) at a time, that a definite article points at
OFFICES = frozenset((
    "president", "vice-president", "president-elect", "judge", "justice", "candidate",
    "nominee", "governor", "mayor", "senator", "congressman", "congresswoman", "secretary",
    "minister", "premier", "chancellor", "ambassador", "chairman", "chairwoman", "chair",
    "ceo", "chief", "director", "commissioner", "prosecutor", "coach", "captain", "commander",
    "general", "admiral", "sheriff", "superintendent", "principal", "headteacher",
    "treasurer", "speaker", "founder", "king", "queen", "pope", "prince", "princess",
    "frontrunner", "front-runner", "incumbent", "challenger", "defendant", "plaintiff",
    "author", "owner", "manager", "chairperson", "dean", "rector", "bishop", "archbishop",
    "leader"))
# offices whose holders, counted together and definite, are a known few ("the candidates",
# "both senators"); not "the leaders", often an unnamed group told of before
_PLURAL_OFFICES = frozenset(("candidate", "nominee", "judge", "justice", "governor", "mayor",
                             "senator", "minister", "president", "chairman", "prosecutor",
                             "congressman", "congresswoman", "ambassador", "coach",
                             "defendant", "plaintiff", "frontrunner", "front-runner"))
_DEFINITE = frozenset(("the", "this", "that", "these", "those", "both"))
# words that end the head of a source phrase: a postmodifier starts
_POSTMOD = frozenset(("of", "for", "at", "in", "from", "on", "with", "who", "whose", "that",
                      "which", "to", "and", "or"))
_WORD = lazy_compile(r"[^\W\d_][\w'’.-]*")
# document nouns, singular and plural, beside the lexicon's
_DOCUMENTS = frozenset(("poll", "polls", "polling", "average", "averages", "data", "figures",
                        "calculations", "estimates", "statistics", "analysis", "survey",
                        "surveys", "study", "studies", "report", "reports", "projections",
                        "tally", "count", "tracker", "model", "index"))


def names_someone(source_text: str, lex: Lexicon) -> bool:
    """Whether a source phrase points at someone named or known: a definite office holder
    or a document with a named author or publisher (see the module doc)."""
    words = [w.rstrip(".,") for w in _WORD.findall(source_text)]
    if not words:
        return False
    lows = [w.lower() for w in words]
    return _office_holder(lows, lex) or _named_document(words, lows, lex) \
        or _SHARE.match(source_text.strip()) is not None


def _office_holder(lows: list[str], lex: Lexicon) -> bool:
    """"the president", "the former secretary of state", "the state's chief prosecutor",
    "the candidates"; or one person in a role told of before ("the pollster", "the
    surgeon"), singular, whose role is no word for a source that hides a name."""
    if lows[0] not in _DEFINITE and not lows[0].endswith(("'s", "’s")):
        return False
    end = next((i for i, w in enumerate(lows) if i and w in _POSTMOD), len(lows))
    head = lows[end - 1]
    if end > 1 and (head in OFFICES or (head.endswith("s") and head[:-1] in _PLURAL_OFFICES)):
        return True
    return end > 1 and lows[0] in ("the", "this", "that") and head in lex.role_nouns \
        and head not in lex.anonymous_heads and head not in lex.generic_people


def _named_document(words: list[str], lows: list[str], lex: Lexicon) -> bool:
    """"a new poll from Harbour University", "calculations by Ann Lee", "the Pollster
    average", "Crowdpac data": a document noun and a capitalised word (after the first
    word, or the first when it is no common word) that is no group word."""
    at = next((i for i, w in enumerate(lows) if w in _DOCUMENTS or w in lex.document_nouns),
              None)
    if at is None or any(w in lex.anonymous_heads or w in lex.people_words
                         or w in lex.generic_people for w in lows[:at]):
        return False  # "officials who spoke with The Post": people, the paper a postmodifier
    caps = [w for i, w in enumerate(words) if w[:1].isupper()
            and (i or (lows[0] not in lex.vague_determiners and lows[0] not in _DEFINITE
                       and lows[0] not in _COMMON_OPENERS and lows[0] not in lex.anonymous_heads
                       and lows[0] not in lex.people_words and lows[0] not in _DOCUMENTS
                       and lows[0] not in lex.document_nouns and lows[0] not in RANKS
                       and not lows[0].endswith(_ADJECTIVE_ENDINGS)))]
    return any(not _GROUPISH.fullmatch(w) for w in caps)


# a share or a count from a poll: "28 percent of voters", "1,409 teachers", "half of the
# respondents" (the poll is the source, named or not, not the people counted)
_SHARE = lazy_compile(
    r"(?:(?:just|only|nearly|almost|about|some|roughly|over|more\s+than|less\s+than|at\s+least)"
    r"\s+)?(?:\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)|\d{1,3},\d{3}\b|\d{2,}\s+[a-z]"
    r"|(?:half|a\s+third|two-thirds|a\s+quarter|three-quarters|a\s+majority)\s+of\b"
    r"|(?:one|two|three|four|\d+)\s+(?:in|out\s+of)\s+(?:two|three|four|five|six|seven|eight"
    r"|nine|ten|\d+)\b)",
    re.IGNORECASE)
# capitalised words for members of a group, which name no author ("Democratic voters")
_GROUPISH = lazy_compile(r"(?:Democrat|Republican|Conservative|Liberal|Labour|Tory|Green)"
                         r"(?:s|ic)?|Tories|[A-Z][a-z]+(?:ans?|ese|ites)")
# endings of adjectives that open a sentence ("Anecdotal evidence", "Official figures"),
# which a name of a pollster or publisher rarely has ("Gallup data", "Crowdpac data")
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ary", "ent", "ant", "ed", "ing", "ible",
                      "able", "ful", "less", "ish", "ian")
# first words that are common words when capitalised at a sentence start
_COMMON_OPENERS = frozenset(("recent", "new", "early", "preliminary", "exit", "other", "latest",
                             "official", "internal", "leaked", "independent", "several",
                             "some", "many", "most", "two", "three", "both", "all"))


# an aside right after a source span that names its members: "board members — including
# chairman Ann Lee —", "officials, among them Tom Berg,"
MEMBERS_NAMED_AFTER = lazy_compile(
    r"\s*[,—–(]\s*(?:including|among\s+them|such\s+as|led\s+by)\s+(?:[a-z][\w-]*\s+){0,3}"
    + r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\b" + r"(?!\s+[a-z]+s\b)")
# a capital that names no one: a capitalised modifier of a plural noun after "including"
# ("including former Apollo astronauts": the members are still unnamed) is kept out by the
# look-ahead above


# a passive of telling between a source span and its cue's end: the span names the people
# told, not the teller ("Patients being told they must wait", "leaders weren't told")
_TOLD = lazy_compile(
    r"\b(?:be|being|been|was|were|is|are|am|get|gets|got|getting|wasn't|weren't|isn't"
    r"|aren't)\s+(?:not\s+|never\s+|also\s+|reportedly\s+|repeatedly\s+|first\s+)?(?:told"
    r"|asked|informed|advised|warned|notified|assured|reassured|reminded|promised|briefed)\b",
    re.IGNORECASE)
# cues of a wish, not a report: "residents want to know how", "parents wish the school"
_WISHES = frozenset(("want", "wants", "wanted", "wanting", "wish", "wishes", "wished",
                     # knowing states a fact, it reports no one's claim: "before many
                     # women know they are pregnant"
                     "know", "knows", "knew", "knowing"))


# a concern voiced, raised or expressed, and what it holds when it reports a claim
CONCERN_NOUN = (r"\s+(?:(?:serious|grave|growing|deep|strong|similar|their|some|new|fresh)\s+)?"
                r"(?:concerns?|alarm|fears?|doubts|worries|objections|misgivings|skepticism"
                r"|scepticism|reservations)\b")
_CONTENT = (r"\s+(?:that|about\s+(?:whether|how|what|why|if)|over\s+(?:whether|how|what|why"
            r"|if))\b|\s*:")
CONCERN_CONTENT = "(?=" + _CONTENT + ")"
# a concern with no content after the sayer: "Two board members voiced concerns over the
# budget", "Residents have expressed deep concerns." (an act, not a claim reported)
_CONCERN_ONLY = lazy_compile(
    r"\s*(?:(?:have|has|had|also|both|all)\s+)*(?:raise[sd]?|raising|voice[sd]?|voicing"
    r"|express(?:es|ed|ing)?|air(?:s|ed|ing)?)" + CONCERN_NOUN + "(?!" + _CONTENT + ")",
    re.IGNORECASE)


# a request or an order, with whom it asks and what to do: "officials asked residents to
# shelter in place", "City officials urged people to leave" (an appeal, no claim reported;
# not "told reporters that", not "warned residents to": a warning carries a claim)
_DIRECTIVE = lazy_compile(
    r"(?:asked|asks|ask|urged|urges|urge|ordered|orders|order|instructed|instructs|advised"
    r"|advises|encouraged|encourages|called\s+on|calls\s+on|begged|pleaded\s+with|told|tells)"
    r"\s+(?:(?!that\b)[\w'’.-]+,?\s+){1,14}?to\s+(?!(?:be|all|the|a|an|his|her|their|them|him"
    r"|me|us|each|every|both|its|this|that|these|those)\b)[a-z]+", re.IGNORECASE)
# a wish expressed: "expressed a desire not to vote", "voiced a willingness to talk"
_WISH_EXPRESSED = lazy_compile(
    r"(?:express|voice|state)(?:s|d|ed|ing)?\s+(?:a\s+|an\s+|their\s+|his\s+|her\s+|its\s+)?"
    r"(?:strong\s+|clear\s+)?(?:desire|wish|willingness|readiness|interest|preference|eagerness)"
    r"\b", re.IGNORECASE)


def no_report(text: str, source_end: int, cue: tuple[int, int] | None) -> bool:
    """Whether a relation's cue makes its source span no sayer: a passive of telling
    after the span ("Patients being told", "leaders weren't told"), a wish ("residents
    want to know"), knowing ("many women know they are pregnant"), a concern voiced
    with no content ("Residents voiced concerns over the budget") or a request ("officials
    asked residents to stay indoors")."""
    if cue is None or cue[1] < source_end:
        return False
    if _TOLD.search(text, source_end, cue[1]) is not None:
        return True
    if _CONCERN_ONLY.match(text, source_end) is not None \
            or _WISH_EXPRESSED.match(text, cue[0]) is not None \
            or _DIRECTIVE.match(text, cue[0]) is not None:
        return True
    words = text[cue[0]:cue[1]].lower().split()
    return bool(words) and words[0] in _WISHES


_COUNTING_KEYS = ("some ", "many ", "several ", "other ", "most ")
_CAPITAL_PLURAL = lazy_compile(r"[A-Z][a-z]+s\b")


def counted_capitals(text: str, low: str) -> set[str]:
    """The capitalised plurals a quantifier counts off in ``text`` ("many Democrats"), in
    lower case (``low``: the text lower-cased; found with ``str.find``): the group scan of
    ``vague.py`` looks at the sentences holding them."""
    out = set()
    for k in _COUNTING_KEYS:
        i = low.find(k)
        while i >= 0:
            j = i + len(k)
            if text[j:j + 1].isupper() and (i == 0 or not low[i - 1].isalpha()):
                m = _CAPITAL_PLURAL.match(text, j)
                if m is not None:
                    out.add(m.group().lower())
            i = low.find(k, j)
    return out
