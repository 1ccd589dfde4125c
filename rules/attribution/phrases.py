"""Noun phrases around a cue: the source left of it ("the county engineer, Ana Ruiz,
said") or right of it ("said Ann Lee", "according to the ministry").

Both walkers work on token indices of a :class:`~rules.attribution.doc.TokenDoc` and
stay inside one sentence; they return inclusive token ranges.
"""

from __future__ import annotations

import re

from rules.attribution.doc import TokenDoc
from rules.attribution.lexicon import Lexicon
from rules.attribution.source_words import people_word
from rules.attribution.tokens import is_cap, is_word
from rules.attribution.vague import GROUP_WORD
from rules.attribution.words import (
    BOUNDARY_WORDS,
    COMPANY_SUFFIXES,
    DETERMINERS,
    GROUP_QUANTIFIERS,
    NP_INNER_PREPS,
    POSTMOD_ADJECTIVES,
    QUOTE_TOKENS,
    TIME_WORDS,
    acronym,
)

# determiners that open a noun phrase, unless a postmodifier's preposition precedes them
_DEFINITE = frozenset(("the", "a", "an", "this", "these", "those", "his", "her", "their",
                       "its", "our", "my", "your"))
_STOP = -1  # the next token index that ends the leftward walk


# adjectives coordinated before a noun for people: "current and former officials"
_COORDINATED = frozenset(("current", "former", "retired", "serving", "past", "present",
                          "senior", "junior", "local", "federal", "state", "national",
                          "foreign", "domestic", "active"))


def _plural_body(low: str, lex: Lexicon) -> bool:
    """Whether a word is a plural organisation or outlet noun ("businesses on the square",
    "groups in the city"): a place after it belongs to the phrase."""
    return low in ("businesses", "companies") or (
        low.endswith("s") and (low[:-1] in lex.organisation_nouns or low[:-1] in lex.outlet_nouns))


def _group_members(word: str) -> bool:
    """Whether a capitalised word names members of a group in the plural ("Canadians on
    the trip", "Democrats in the state senate"): a place after it belongs to the phrase."""
    return word.endswith("s") and bool(GROUP_WORD.match(word))


def _people_doing(d: TokenDoc, k: int, sent: int) -> bool:
    """Whether token ``k`` is an -ing participle after a plural noun for people ("medics
    working in the unit", "families living near the plant"): the place after it belongs to
    the phrase."""
    toks = d.toks
    low = toks[k].low
    return k >= 1 and low.endswith("ing") and len(low) > 5 and toks[k - 1].sent == sent \
        and toks[k - 1].low.endswith("s") and toks[k - 1].low in d.lex.people_words


# prepositions of the way a document was got or made public ("obtained under freedom of
# information laws", "released through a request", "published via the portal")
_ROUTE_PREPS = frozenset(("under", "through", "via"))
_PARTICIPLES = frozenset(("obtained", "released", "published", "seen", "gathered", "collected",
                          "compiled", "disclosed", "leaked", "filed", "provided", "shared",
                          "made", "issued", "produced", "posted", "sent", "given"))


def _after_participle(d: TokenDoc, k: int, sent: int) -> bool:
    """Whether the preposition at ``k`` follows a participle of getting or publishing a
    document, directly or after its agent ("obtained under", "obtained by the Harbour
    Herald under"): the phrase after it belongs to the document's phrase."""
    toks = d.toks
    j = k - 1
    if j >= 0 and toks[j].sent == sent and toks[j].low in _PARTICIPLES:
        return True
    # back over the agent: capitalised words, a determiner, then "by" and the participle
    while j >= 0 and k - j <= 6 and toks[j].sent == sent \
            and (is_cap(toks[j]) or toks[j].low in ("the", "a", "an")):
        j -= 1
    return j >= 1 and j < k - 1 and toks[j].low == "by" and toks[j - 1].sent == sent \
        and toks[j - 1].low in _PARTICIPLES


def _plural_of_phrase(d: TokenDoc, k: int, sent: int) -> bool:
    """Whether token ``k`` is a plural common noun inside an of-phrase ("the mayors of the
    largest towns in the nation"): the place after it belongs to the phrase, which goes on
    to its head ("mayors"); "the nation" alone is no subject after "in"."""
    toks = d.toks
    x = toks[k]
    if not (x.text.isalpha() and x.text.islower() and len(x.low) > 3 and x.low.endswith("s")
            and not x.low.endswith("ss")):
        return False
    # "of" within a few words before it: "of the ten largest towns", "of towns"
    j = k - 1
    while j >= 0 and k - j <= 4 and toks[j].sent == sent and is_word(toks[j]) \
            and toks[j].low != "of":
        j -= 1
    return j >= 0 and toks[j].sent == sent and toks[j].low == "of"


def np_left(d: TokenDoc, end: int, sent: int) -> tuple[int, int] | None:
    """Token range [a, end] of the noun phrase ending at token ``end`` (inclusive)."""
    toks = d.toks
    lex = d.lex
    if end < 0 or toks[end].sent != sent:
        return None
    t = toks[end]
    if t.low in lex.pronouns and not acronym(t.text):
        if end >= 3 and toks[end - 1].low in ("to", "with") \
                and toks[end - 2].low in POSTMOD_ADJECTIVES and toks[end - 3].sent == sent:
            # "a source close to him", "people familiar with her thinking"
            head = np_left(d, end - 3, sent)
            if head is not None and toks[head[1]].low not in lex.pronouns:
                return (head[0], end)
        return (end, end)
    if t.text == ")":
        return _np_left_parenthesis(d, end, sent)
    if t.text == ",":
        return _np_left_appositive(d, end, sent)
    if not is_word(t) or t.low in BOUNDARY_WORDS or t.low in lex.cue_forms and not is_cap(t):
        return None
    a = _np_left_start(d, end, sent)
    # trim a leading preposition left over
    while a < end and toks[a].low in NP_INNER_PREPS:
        a += 1
    while a + 2 <= end and toks[a + 1].low in NP_INNER_PREPS and not is_cap(toks[a]) \
            and (toks[a].low in lex.cue_forms or toks[a].low.endswith("ed")):
        a += 2  # "criticised by teachers, who say": the participle has no noun to modify
    if a >= 2 and toks[a].low in _COORDINATED and toks[a - 1].low in ("and", "or") \
            and toks[a - 2].low in _COORDINATED and toks[a - 2].sent == sent:
        a -= 2  # "Current and former officials"
        if a >= 1 and toks[a - 1].low in DETERMINERS and toks[a - 1].sent == sent:
            a -= 1
    a = _past_reduced_relative(d, a, end)
    return _np_left_before(d, a, end, sent)


def _np_left_before(d: TokenDoc, a: int, end: int, sent: int) -> tuple[int, int]:
    """The phrase [a, end], or a longer one when what stands before ``a`` belongs to it: the
    name before "and colleagues", or before a company suffix ("Acme Holdings, Inc.")."""
    toks = d.toks
    if a >= 2 and toks[a - 1].low == "and" and toks[a - 2].sent == sent:
        named = _named_before_and(d, a, end, sent)
        if named is not None:
            return named
    if toks[a].low.rstrip(".") in COMPANY_SUFFIXES and a >= 2 and toks[a - 1].text == ",":
        # "Acme Holdings, Inc. said": the suffix belongs to the name before the comma
        name = np_left(d, a - 2, sent)
        if name and is_cap(toks[name[1]]):
            first = name[0]
            while first < a - 2 and "\n" in d.text[toks[first].end:toks[a - 1].start]:
                first += 1  # not over a line break (a headline run into the sentence)
            return (first, end)
    return (a, end)


_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "ee")

# the people who work with a named person: "Ann Lee and colleagues said" cites Ann Lee
_COMPANIONS = frozenset(("colleagues", "co-authors", "coauthors", "collaborators",
                         "co-workers", "team", "teammates", "others", "associates"))
# what a speaker is also called after "and" in an appositive: "Ann Lee, plant manager and
# a Denver native, said", "Ann Lee, a nurse and mother of two, said"
_ALSO_OPENERS = frozenset(("a", "an", "the", "mother", "father", "herself", "himself"))


def _named_before_and(d: TokenDoc, a: int, end: int, sent: int) -> tuple[int, int] | None:
    """The named speaker of a phrase that the walk cut at "and": "Ann Lee and colleagues"
    -> "Ann Lee"; "Ann Lee, Plant Manager and a Denver native" -> the whole appositive,
    which opens with the name. None when no capitalised name stands there."""
    toks = d.toks
    lex = d.lex
    if is_cap(toks[a]) and is_cap(toks[a - 2]) and toks[end].low in lex.organisation_words \
            and toks[a - 2].low not in lex.pronouns:
        # "the Securities and Exchange Commission", "Health and Human Services": one name
        left = np_left(d, a - 2, sent)
        return (left[0], end) if left is not None else None
    if a == end and toks[end].low in _COMPANIONS or (
            end == a + 1 and toks[a].low in ("his", "her", "their")
            and toks[end].low in _COMPANIONS):
        name = np_left(d, a - 2, sent)
        if name is not None and is_cap(toks[name[1]]) and toks[name[1]].low not in lex.pronouns \
                and (is_cap(toks[name[0]]) or is_cap(toks[name[1] - 1])) \
                and toks[name[1]].low not in lex.organisation_words:
            return name
        return None
    if toks[a].low not in _ALSO_OPENERS:
        return None
    role = np_left(d, a - 2, sent)
    if role is None or role[0] < 2 or toks[role[0] - 1].text != "," \
            or not _role_word_at(d, role[1]):
        return None
    name = np_left(d, role[0] - 2, sent)
    if name is None or not is_cap(toks[name[1]]) or not is_cap(toks[name[0]]) \
            or toks[name[1]].low in lex.pronouns:
        return None
    s_lo = d.sent_tok[sent][0]
    if name[0] > s_lo and toks[name[0] - 1].text not in (",", "”", '"', "''", ";", "—"):
        return None  # the name opens the sentence or a clause: it is the subject
    return (name[0], end)


def _role_word_at(d: TokenDoc, k: int) -> bool:
    """Whether token ``k`` is a role noun or a title ("Manager", "director", "Capt.")."""
    low = d.toks[k].low.rstrip(".")
    lex = d.lex
    return low in lex.role_nouns or low in lex.titles or low.rstrip("s") in lex.role_nouns


def _past_reduced_relative(d: TokenDoc, a: int, end: int) -> int:
    """The start of the subject of a reduced relative clause that the leftward walk ran
    past: "the phrase Grassley (cited)", "a decision students (said would ...)": a noun
    for no person, then a name or a plural noun for people (after "a"/"an", which a plural
    cannot follow). Roles before a name stay ("spokesman Ned Price")."""
    toks = d.toks
    lex = d.lex
    if end - a < 2 or toks[a].low not in DETERMINERS:
        return a
    m = end
    while m > a + 1 and is_cap(toks[m]) and end - m < 3:
        m -= 1
    if any(toks[i].low in NP_INNER_PREPS for i in range(a + 1, m)):
        return a  # "a leader in northern | England": the name is in a postmodifier
    if m < end and not is_cap(toks[m]):
        noun = toks[m].low
        if noun.isalpha() and noun not in lex.people_words and noun not in lex.titles \
                and noun not in BOUNDARY_WORDS and noun not in DETERMINERS \
                and noun not in NP_INNER_PREPS and noun not in lex.role_nouns \
                and noun not in lex.organisation_nouns \
                and not noun.endswith(_PERSON_SUFFIXES) and not noun.endswith("s"):
            return m + 1  # "the phrase | Grassley"
        return a
    last = toks[end].low
    if toks[a].low in ("a", "an") and last.endswith("s") and last in lex.people_words \
            and not is_cap(toks[end - 1]) and toks[end - 1].low not in lex.people_words \
            and toks[end - 1].low not in BOUNDARY_WORDS and toks[end - 1].low not in DETERMINERS \
            and is_word(toks[end - 1]) and not toks[end - 1].low.endswith("s"):
        return end  # "a decision | students"
    return a


def _np_left_parenthesis(d: TokenDoc, end: int, sent: int) -> tuple[int, int] | None:
    """A name followed by a parenthesis ending at ``end``: "Sen. Ann Lee (D-Vt.)"."""
    toks = d.toks
    k = end - 1
    while k >= 0 and toks[k].sent == sent and toks[k].text != "(" and end - k < 8:
        k -= 1
    if k > 0 and toks[k].text == "(":
        inner = np_left(d, k - 1, sent)
        if inner:
            return (inner[0], end)
    return None


def _np_left_appositive(d: TokenDoc, end: int, sent: int) -> tuple[int, int] | None:
    """An appositive ending at the comma ``end``: "Name, a role of something, said"."""
    toks = d.toks
    cue_forms = d.lex.cue_forms
    k = end - 1
    lim = max(end - 32, 0)
    while k >= lim and toks[k].sent == sent and (
            toks[k].text not in (",", ";", ":") or _digit_comma(d, k)) \
            and toks[k].text not in QUOTE_TOKENS and (toks[k].low not in cue_forms
                                                      or toks[k - 1].text == ","
                                                      or _in_relative_clause(d, k)):
        k -= 1
    if k >= lim and toks[k].text == "," and toks[k].sent == sent and k + 1 < end:
        last = k - 1
        if last > lim and toks[last].text == "." and toks[last - 1].end == toks[last].start:
            last -= 1  # "Ann Lee, D-Calif., who chairs the panel,": an abbreviation's dot
        head = np_left(d, last, sent)
        if head and toks[k + 1].low not in ("and", "but", "or") and (
                is_cap(toks[head[1]]) or _role_then_name(d, head, k + 1, end)
                or _subject_aside(d, head, k + 1, sent)):
            return (_place_of_origin(d, head[0], sent), end)
        described = _described_by_relative(d, k, end, sent)
        if described is not None:
            return described
    return None


def _described_by_relative(d: TokenDoc, comma: int, end: int,
                           sent: int) -> tuple[int, int] | None:
    """"A resident who spoke at the meeting, Maria Diaz," (the commas at ``comma`` and
    ``end``): a noun phrase with a relative clause, then the name in apposition; the span
    from the noun phrase to ``end``. None when no name stands between the commas."""
    toks = d.toks
    if not 1 <= end - comma - 1 <= 4 or not all(
            is_cap(toks[j]) or toks[j].text == "." for j in range(comma + 1, end)):
        return None
    s_lo = d.sent_tok[sent][0]
    for w in range(comma - 1, max(s_lo, comma - 12) - 1, -1):
        if toks[w].low in ("who", "whose") and w > s_lo:
            noun = np_left(d, w - 1, sent)
            if noun is not None and noun[0] == s_lo:
                return (noun[0], end)
            return None
        if not is_word(toks[w]):
            return None
    return None


def _place_of_origin(d: TokenDoc, a: int, sent: int) -> int:
    """The start of a speaker's phrase whose place of origin the walk reached first: "Ann
    Lee, 22, of Flint, Mich., said" starts at "Ann", not at "Flint"."""
    toks = d.toks
    if a >= 2 and toks[a - 1].text == "," and toks[a - 2].sent == sent and _party_tag(d, a):
        # "Sen. Ada Kohl, R-Maine, who serves on the panel, said": the tag names no one
        name = np_left(d, a - 2, sent)
        if name is not None and is_cap(toks[name[1]]):
            return name[0]
    if a >= 2 and toks[a - 1].low in ("of", "from") and toks[a - 2].text == "," \
            and toks[a - 2].sent == sent:
        outer = np_left(d, a - 2, sent)
        if outer is not None and is_cap(toks[outer[0]]):
            return outer[0]
    return a


# a legislator's party and state: "R-Maine", "D-Calif.", "R-N.C.", "I-Vt."
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _party_tag(d: TokenDoc, a: int) -> bool:
    """Whether the phrase at token ``a`` is a party-and-state tag ("R-Maine", "D-Calif.")."""
    toks = d.toks
    end = a
    while end + 1 < len(toks) and toks[end + 1].start == toks[end].end \
            and toks[end + 1].text not in (",", ")"):
        end += 1
    return _PARTY_TAG.fullmatch(d.text[toks[a].start:toks[end].end]) is not None


_RELATIVE = frozenset(("who", "which", "that"))


def _in_relative_clause(d: TokenDoc, k: int) -> bool:
    """Whether token ``k`` is the verb of a relative clause that opens at most four tokens
    before it ("who said", "who has not endorsed"): an aside, not the main verb."""
    toks = d.toks
    for j in range(k - 1, max(k - 5, -1), -1):
        if toks[j].low in _RELATIVE:
            return True
        if not is_word(toks[j]) or toks[j].low not in AUX_WORDS:
            return False
    return False


# auxiliaries and adverbs between a relative pronoun and its verb ("who has not endorsed")
AUX_WORDS = frozenset(("has", "have", "had", "is", "was", "were", "are", "not", "never",
                       "also", "long", "since", "been", "repeatedly", "already", "once",
                       "previously", "publicly", "recently", "n't", "did", "does", "do"))


def _digit_comma(d: TokenDoc, k: int) -> bool:
    """Whether the comma at token ``k`` separates thousands ("3,000")."""
    toks = d.toks
    return toks[k].text == "," and 0 < k < len(toks) - 1 \
        and toks[k - 1].end == toks[k].start and toks[k + 1].start == toks[k].end \
        and toks[k - 1].text.isdigit() and toks[k + 1].text.isdigit()


# words that open an aside between a subject and its verb: a relative clause ("The senator,
# who has many followers, said"), an apposition ("The mayor, a former teacher, said") or a
# participle ("A senior official, speaking on condition of anonymity, said")
_ASIDE_OPENERS = frozenset(("who", "whose", "which", "a", "an", "one", "himself", "herself",
                            "themselves", "itself", "both", "all", "each", "like", "many",
                            "some", "most", "among", "including", "in", "at", "after",
                            "along", "together", "as", "then", "now", "once", "already",
                            "by", "from"))


def _subject_aside(d: TokenDoc, head: tuple[int, int], a: int, sent: int) -> bool:
    """Whether the aside opening at token ``a`` stands between the subject ``head`` and its
    verb: the head opens the sentence (or a clause after a comma, quotation or conjunction)
    and the aside opens with a relative pronoun, an article or a participle ("asked about
    the delay", "speaking on condition of anonymity")."""
    toks = d.toks
    s_lo = d.sent_tok[sent][0]
    first = head[0]
    if toks[head[1]].low in d.lex.pronouns:
        return False
    if first > s_lo and toks[first - 1].text not in (",", "”", '"', "''", ";", "—") \
            and toks[first - 1].low not in ("and", "but"):
        return False
    low = toks[a].low
    return low in _ASIDE_OPENERS or (not is_cap(toks[a]) and low.endswith(("ing", "ed"))
                                     and len(low) > 4 and low not in BOUNDARY_WORDS)


# determiners of one person among others: "Another reader, Tom Berg,", "One user, Ana Ruiz,"
_ONE_OF = frozenset(("a", "an", "another", "one"))


def _role_then_name(d: TokenDoc, role: tuple[int, int], a: int, b: int) -> bool:
    """Whether "<role>, <Name Name>," stands here: the role phrase ``role`` ends in a role
    noun, opens with "the" ("the city engineer, Ana Ruiz,", "the harbour master, Tom
    Berg,") or is one person described by a common noun ("Another reader, Tom Berg,", "One
    user, Ana Ruiz,"), and tokens ``a``..``b - 1`` are a capitalised name."""
    toks = d.toks
    low = toks[role[1]].low
    roles = d.lex.role_nouns
    return (low in roles or low.rstrip("s") in roles or toks[role[0]].low == "the"
            or toks[role[0]].low in _ONE_OF and people_word(low, d.lex)) \
        and 1 <= b - a <= 4 \
        and all(is_cap(toks[k]) or toks[k].text == "." for k in range(a, b))


def _np_left_start(d: TokenDoc, end: int, sent: int) -> int:
    """First token of the noun phrase ending at the word token ``end``: walk left over at
    most 13 tokens of the sentence while :func:`_np_left_step` goes on."""
    toks = d.toks
    a = end
    k = end - 1
    while k >= 0 and toks[k].sent == sent and end - k < 14:
        a, k = _np_left_step(d, a, k, end, sent)
    return a


def _np_left_step(d: TokenDoc, a: int, k: int, end: int, sent: int) -> tuple[int, int]:
    """One step of the leftward walk at token ``k``: (first token of the phrase so far,
    next token to look at), the latter :data:`_STOP` when the phrase ends."""
    toks = d.toks
    lex = d.lex
    x = toks[k]
    lw = x.low
    if x.text in ("’s", "'s") or (x.text == "." and k > 0 and toks[k - 1].end == x.start):
        return a, k - 1
    if x.text == "-" and k > 0 and toks[k - 1].text == "-" and toks[k - 1].end == x.start:
        return a, _STOP  # a dash typed as two hyphens ("Wyoming -- which holds a caucus --")
    if x.text == "-" or x.text == "&":
        return a, k - 1
    if x.text == ")" and k >= 3 and toks[k - 2].text == "(" and is_cap(toks[k - 3]):
        return k - 3, k - 4  # "Col. (ret.) Jane Roe"
    if not is_word(x) or lw in ("p.m", "a.m", "p.m.", "a.m."):
        return a, _STOP  # (a clock time ends a sentence the splitter ran on: "4 p.m. Staff")
    if lw == "that" and k + 1 <= end and (toks[k + 1].low.endswith("s") or is_cap(toks[k + 1])):
        return a, _STOP  # "a plan that critics say": a relative pronoun, no determiner
    if lw in DETERMINERS:
        return k, _left_of_determiner(d, k, sent)
    if lw in _ROUTE_PREPS and _after_participle(d, k, sent):
        return a, k - 1  # "figures obtained (by the Herald) under freedom of information laws"
    if lw in NP_INNER_PREPS and k > 1 and toks[k - 1].low in ("out", "up") \
            and toks[k - 2].low.endswith("ed") and toks[k - 2].sent == sent:
        return a, k - 2  # "research carried out in England", "a panel set up by"
    if lw in NP_INNER_PREPS and k > 0:
        # "a spokesman for the campaign", "sources cited in the article"
        left = toks[k - 1]
        if left.sent == sent and is_word(left) and left.low not in BOUNDARY_WORDS \
                and left.low not in lex.pronouns:
            return a, k - 1
        return a, _STOP
    if (lw in BOUNDARY_WORDS or lw in lex.pronouns) and not acronym(x.text):
        return a, _STOP
    if lw in lex.cue_forms and not is_cap(x):
        # participles inside a noun phrase ("sources cited in") only before a preposition
        if k + 1 <= end and toks[k + 1].low in NP_INNER_PREPS:
            return k, k - 1
        return a, _STOP
    return k, k - 1


# prepositions that place people in a group or a place ("advocates in the farming
# community", "sources inside the ministry", "critics among the trustees")
_GROUP_PREPS = frozenset(("in", "on", "with", "from", "within", "inside", "among", "amongst",
                          "across", "throughout"))


def _left_of_determiner(d: TokenDoc, k: int, sent: int) -> int:
    """The next token to look at left of the determiner at ``k``: a definite or possessive
    determiner ends the phrase (:data:`_STOP`) unless a preposition of a postmodifier
    precedes it ("a spokesman for the campaign", "sources cited in the report")."""
    toks = d.toks
    lex = d.lex
    lw = toks[k].low
    k -= 1
    if lw not in _DEFINITE:
        return k
    if k >= 2 and toks[k].low in ("to", "with", "on", "about", "in") \
            and toks[k - 1].low in POSTMOD_ADJECTIVES \
            and toks[k - 1].sent == sent and toks[k - 2].sent == sent and is_word(toks[k - 2]):
        return k - 2  # "officials close to the talks", "people familiar with the matter"
    if k >= 1 and toks[k].low in _ROUTE_PREPS and _after_participle(d, k, sent):
        return k - 1  # "documents released under the Freedom of Information Act"
    if k >= 1 and (toks[k].low in ("of", "for", "at") or (
        toks[k].low in ("in", "by", "from") and (toks[k - 1].low.endswith("ed")
                                                or toks[k - 1].low in lex.document_nouns)
    ) or (toks[k].low == "with" and toks[k - 1].low in lex.document_nouns
    ) or (toks[k].low in _GROUP_PREPS and (toks[k - 1].low in lex.people_words
                                           or toks[k - 1].low in GROUP_QUANTIFIERS
                                           or _plural_body(toks[k - 1].low, lex)
                                           or _group_members(toks[k - 1].text)
                                           or _people_doing(d, k - 1, sent)
                                           or _plural_of_phrase(d, k - 1, sent)))
    ) and toks[k].sent == sent \
            and toks[k - 1].sent == sent and is_word(toks[k - 1]) \
            and toks[k - 1].low not in BOUNDARY_WORDS \
            and toks[k - 1].low not in lex.pronouns:
        return k - 1
    return _STOP


def np_right(d: TokenDoc, start: int, sent: int, stop: int) -> tuple[int, int] | None:
    """Token range [start, b] of the noun phrase starting at ``start`` (before ``stop``)."""
    toks = d.toks
    lex = d.lex
    if start >= stop or toks[start].sent != sent:
        return None
    t = toks[start]
    if t.low in lex.pronouns and not acronym(t.text):
        return (start, start)
    if not is_word(t) or (t.low in BOUNDARY_WORDS and t.low not in DETERMINERS):
        return None
    b = start
    k = start + 1
    while k < stop and toks[k].sent == sent and k - start < 14:
        x = toks[k]
        lw = x.low
        if x.text in ("’s", "'s", "-", "&") or (x.text == "." and toks[k - 1].end == x.start
                                                  and k + 1 < stop and is_word(toks[k + 1])
                                                  and toks[k + 1].start == x.end):
            b = k
            k += 1
            continue
        if x.text == "(":
            m = k + 1
            while m < stop and toks[m].text != ")" and m - k < 8:
                m += 1
            if m < stop and toks[m].text == ")":
                b = m
                k = m + 1
                continue
            break
        if not is_word(x):
            break
        if lw in ("of", "for", "at", "by", "with", "from") and k + 1 < stop and (
            is_cap(toks[k + 1]) or toks[k + 1].low in DETERMINERS
            # "a tally of official figures", "an analysis of census data"
            or (lw == "of" and toks[b].low in lex.document_nouns and is_word(toks[k + 1])
                and toks[k + 1].low not in BOUNDARY_WORDS)
        ):
            b = k
            k += 1
            continue
        if lw in BOUNDARY_WORDS and (_inside_name(d, k, stop)
                                     or _roles_before_name(d, start, k, stop)):
            b = k  # "NASA Near Earth Object ...", "astronomer and former astronaut X"
            k += 1
            continue
        if lw in BOUNDARY_WORDS or (lw in lex.cue_forms and not is_cap(x)) \
                or (lw in ("who", "whose", "which") and is_word(toks[k - 1])):
            break  # (a relative clause is no part of the name: "academics | who suspect")
        if lw in TIME_WORDS and not is_cap(x):
            break
        b = k
        k += 1
    return (start, b)



def _inside_name(d: TokenDoc, k: int, stop: int) -> bool:
    """Whether token ``k`` is a capitalised word between two others of a name ("NASA Near
    Earth Object program manager"): a word such as "Near" or "By" is then part of it."""
    toks = d.toks
    return 0 < k < stop - 1 and is_cap(toks[k]) and is_cap(toks[k - 1]) \
        and is_cap(toks[k + 1]) and toks[k + 1].sent == toks[k].sent


def _roles_before_name(d: TokenDoc, start: int, k: int, stop: int) -> bool:
    """Whether "and" at ``k`` joins two roles before a name ("said astronomer and former
    astronaut John Grunsfeld"): lower-case role words on both sides, then a capitalised name."""
    toks = d.toks
    lex = d.lex
    if toks[k].low != "and" or is_cap(toks[start]) or k - start > 3:
        return False
    if not any(_role_like(toks[i].low, lex) for i in range(start, k)):
        return False
    m = k + 1
    while m < stop and m - k <= 4 and not is_cap(toks[m]) and is_word(toks[m]) \
            and toks[m].low not in BOUNDARY_WORDS:
        m += 1
    return m < stop and m > k + 1 and is_cap(toks[m])


def _role_like(low: str, lex: Lexicon) -> bool:
    """Whether a lower-case word names a role or a trade ("astronomer", "astronaut")."""
    return low in lex.role_nouns or low in lex.people_words \
        or low.endswith(_PERSON_SUFFIXES + ("naut",))
