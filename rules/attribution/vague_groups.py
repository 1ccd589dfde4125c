"""Sentence scans of ATT001: an unnamed group reporting, and anonymity asides.

- **an unnamed group with a that-clause** (:func:`group_claims`): "Critics charge that",
  "Some economists now doubt that", "..., opponents contend." -- a reporting verb the
  extractor may not know, after a plural noun for people with no name; also a group
  judging ("critics call it a tax"), voicing a concern with what it holds ("residents raised
  concerns that"; not a concern about a topic alone, "voiced concerns over the budget": an
  act), holding a stance ("Some economists are concerned that") or forecasting a figure;
  and a sentence that goes on with the account of a group that opened the one before ("They
  argue that" after "Critics, including former pilots, have blasted the plan.");
- **anonymity asides in a sentence** (:func:`anonymity_asides`): "who asked not to be
  named", "speaking on condition of anonymity", "who was not authorised to comment" mark
  the sentence's source as unnamed whatever span the extractor read for it.

Both skip quoted words and run only on sentences that hold one of their key words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from checker.core.regexlit import lazy_compile
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague_named import (
    CONCERN_CONTENT,
    CONCERN_NOUN,
    MEMBERS_NAMED_AFTER,
    counted_capitals,
)
from rules.attribution.vague_words import (
    _HIDDEN_HEADS,
    _MODIFIER,
    GROUP_WORD,
    _group_heads,
    _lowered,
    _quoted,
    _scan,
    _words,
    found_before,
    lazy_named_role,
)
from rules.attribution.words import BOUNDARY_WORDS

Span = tuple[int, int]

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
                        "blaming", "condemn", "condemns", "condemned", "condemning", "blast",
                        "blasts", "blasted", "slam", "slams", "slammed", "assail", "assails",
                        "assailed", "lambast", "lambaste", "lambasted", "deride", "derided"))
# "cast doubt on": a judgement in a verb and its object
# (not "sounded the alarm": a concern with no content, like "voiced concerns over")
_CAST_VERBS = frozenset(("cast", "casts", "casting"))
_CAST_AFTER = lazy_compile(r"\s+(?:(?:serious|new|fresh|further)\s+)?doubts?\s+(?:on|over)\b")
# verbs after which a group voices a concern: "residents raised concerns", "many voiced alarm"
_CONCERN_VERBS = frozenset(("raise", "raised", "raising", "voice", "voiced", "voicing",
                            "express", "expressed", "expressing", "air", "aired"))
# (with what the concern holds: "raised concerns that the pier is unsafe", "voiced doubts about
# whether"; a concern about a topic alone, "voiced concerns over the budget", reports no
# claim: an act, as the labelling guide reads it)
_CONCERN_AFTER = lazy_compile(CONCERN_NOUN + CONCERN_CONTENT)
# -ing forms for a group in the progressive ("critics are saying", "groups are criticizing")
# (not "questioning": "Investigators are questioning witnesses" interrogate them)
_ING_VERBS = frozenset(("saying", "arguing", "warning", "claiming", "predicting",
                        "complaining", "speculating", "suggesting", "insisting", "alleging"))
# verbs of forecasting, which report a figure: "analysts had forecast $9.4 billion"
_FORECASTS = frozenset(("forecast", "forecasted", "expected", "projected", "estimated",
                        "predicted", "expect", "project", "estimate", "predict"))
_JUDGING_VERBS = _AS_VERBS | _CALL_VERBS | _POINT_VERBS | _CRITICISE | _CONCERN_VERBS \
    | _CAST_VERBS
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
          r"|of\s+course|in\s+fact|on\s+average|in\s+general|for\s+their\s+part),)?")
_GROUP_CLAIM = lazy_compile(
    r"(?:^(?:(?:but|and|yet|so|still)\s+)?|[,;:(—–]\s*(?:" + _CONJ + r")?|\b" + _CONJ + r")"
    r"(?P<src>(?:(?:some|many|several|most|other|few|a\s+few|a\s+number\s+of)\s+)?"
    r"(?:[a-z][\w'’-]*\s+and\s+)?(?:[a-z][\w'’-]*\s+){0,2}?(?P<head>[a-z]+s)"
    # a postmodifier: "activists here", "supporters of abortion rights"
    # (and a second one: "diplomats at the talks in Istanbul")
    r"(?:\s+(?:here|there|alike)|(?:\s+(?:of|in|at|from|on|across|within)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’.-]*){1,2}"
    # "residents living in its shadow", "people working nearby"
    r"|\s+(?:living|working|based|staying)\s+(?:nearby|there|here|locally|(?:in|on|near|at"
    r"|along|around|by|under|beside)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*))?)"
    + _ASIDE +
    r"\s+(?:(?:have|had|has|do|did|are|were)\s+)?(?:(?:long|also|now|privately|publicly"
    r"|still|repeatedly|often|increasingly|widely|generally|already|even|deeply)\s+)?"
    # "were quick to", "interrupted and": a verb of manner or an act before the report
    r"(?P<lead>(?:quick|swift|eager|keen|fast|slow)\s+to\s+|[a-z]+ed\s+and\s+)?"
    r"(?P<verb>(?:" + "|".join(sorted(_CLAUSE_VERBS | _JUDGING_VERBS | _ING_VERBS | _FORECASTS
                                     | frozenset(_STANCES), key=len, reverse=True))
    + r")\b|[a-z]+(?=\s+that\b|\s*[.!?]))"
    r"(?P<after>\s+that\b|\s*[.!?][\"”’']?\s*$|\s*,(?=\s)|\s+(?=[a-z])|\s+(?=[$£€¥\d]))",
)
_QUANTIFIERS = frozenset(("some", "many", "several", "most", "other", "few", "a", "number",
                          "of"))


# words one of which a sentence must hold for a scan to run on it (most hold none)
_ASIDE_KEYS = ("anonym", "named", "identified", "authori", "quoted", "allowed", "permitted",
               "cleared")


def anonymity_asides(text: str, sentences: Iterable[Span]) -> list[Span]:
    """Spans of anonymity asides ("who asked not to be named") outside quotations."""
    return _scan(text, sentences, _ASIDE_KEYS, _ANONYMITY_ASIDE)


def group_claims(text: str, sentences: Iterable[Span], lex: Lexicon) -> list[Span]:
    """Spans of "<unnamed group> <reporting verb> that" (or a group and verb ending the
    sentence: "..., critics charge.") outside quotations."""
    out: list[Span] = []
    heads = _group_heads(lex)
    low = _lowered(text)
    words, vocab = _words(text)
    present = set(heads & vocab)
    present.update(counted_capitals(text, low))
    if not present:
        return out
    sents = list(sentences)
    for a, b in _sentences_holding(words, present, sents):
        s = text[a:b]
        for m in _GROUP_CLAIM.finditer(low[a:b]):  # the pattern is in lower case
            if (m.group("head") in heads or _counted_group(m, s)) \
                    and _a_group_claim(m, s, lex, text, a):
                out.append((a + m.start("src"), a + m.end("verb")))
    out += _continued(text, sents, heads, lex)
    return sorted(out)


# a sentence that goes on with an unnamed group's account: "They argue that", "They dismiss
# talk of", "These critics say" (the group of the sentence before: "Critics have blasted
# the plan."); the verbs, as the group scan reads them
_THEY = lazy_compile(r"(?:but\s+|and\s+|yet\s+)?(?P<src>they|these\s+[a-z]+s|those\s+[a-z]+s)"
                     r"\s+(?:(?:also|now|still|further|too|even|instead)\s+)?"
                     r"(?P<verb>[a-z]+)\b")
# the subject that opens the sentence before: an unnamed group (lower case, quantifiers,
# up to three modifiers) after an opening connective
_OPENING_GROUP = lazy_compile(
    r"(?:(?:however|but|and|meanwhile|still|yet|instead|now),?\s+)?(?:(?:some|many|several|most"
    r"|other|two|three|a\s+few|a\s+number\s+of)\s+)?(?:[a-z][\w'’-]*\s+){0,3}?"
    r"(?P<head>[a-z]+s)\b")
# what follows a group's head when its members are named: a name ("Reporters Ann Lee and
# Tom Berg"; not "analysts at Acme", whose members stay unnamed); read on the text as written
_NAMED_NEXT = lazy_compile(r"\s+[A-Z]")


def _continued(text: str, sents: list[Span], heads: frozenset[str],
               lex: Lexicon) -> list[Span]:
    """Spans of "They <reporting verb>" opening a sentence whose sentence before opens
    with an unnamed group as its subject ("Critics, including former pilots, have blasted
    the plan. They dismiss ...")."""
    out: list[Span] = []
    low = _lowered(text)
    went_on = -1  # the last sentence that went on with a group's account
    for i in range(1, len(sents)):
        a, b = sents[i]
        m = _THEY.match(low, a, b)
        if m is None or not _reports(m.group("verb"), low, m.end("verb"), lex):
            continue
        if went_on != i - 1 and not _opens_with_group(text, low, sents[i - 1], heads, lex):
            continue
        out.append((m.start("src"), m.end("verb")))
        went_on = i
    return out


# words before a group's head that make it definite, joined or owned: "The aides", "She
# and her defenders", "their members" (someone named before, or one of them named)
_NOT_BEFORE_HEAD = frozenset(("the", "these", "those", "their", "his", "her", "its", "our",
                              "and", "or", "both", "all"))


def _opens_with_group(text: str, low: str, sent: Span, heads: frozenset[str],
                      lex: Lexicon) -> bool:
    """Whether sentence ``sent`` opens with an unnamed group as its subject: indefinite,
    in lower case after its first letter, no pronoun or "and" before the head, and no
    members named right after it ("Critics, including Ana Ruiz,")."""
    g = _OPENING_GROUP.match(low, sent[0], sent[1])
    if g is None or g.group("head") not in heads:
        return False
    phrase = text[sent[0]:g.end("head")]
    if phrase[1:].lower() != phrase[1:]:
        return False  # a capital after its first letter: a name ("Acme workers")
    before = low[sent[0]:g.start("head")].replace(",", " ").split()
    if any(w in _NOT_BEFORE_HEAD or w in lex.pronouns for w in before):
        return False
    return MEMBERS_NAMED_AFTER.match(text, g.end("head"), g.end("head") + 80) is None \
        and _NAMED_NEXT.match(text, g.end("head")) is None


# verbs that report after a continuing "They": the group scan's reporting verbs and verbs
# of judging, and "dismiss"
_DISMISS = frozenset(("dismiss", "dismissed", "reject", "rejected"))


def _reports(verb: str, low: str, end: int, lex: Lexicon) -> bool:
    """Whether ``verb`` after "They" reports a claim or a judgement."""
    if verb in _STANCES and low.startswith(" that", end):
        return True
    if verb in _CLAUSE_VERBS or verb in _ING_VERBS:
        return True
    if verb in _DISMISS:
        return low.startswith((" the ", " talk", " claims", " suggestions", " fears"), end)
    return verb in _JUDGING_VERBS and _judges(verb, low, end)


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
        return s[end:end + 4].lower() in (" to ", " out")
    if verb in _CONCERN_VERBS:
        return _CONCERN_AFTER.match(s, end) is not None
    if verb in _CAST_VERBS:
        return _CAST_AFTER.match(s, end) is not None
    return verb in _CRITICISE


def _verb_reports(m: re.Match[str], s: str, lex: Lexicon) -> bool:
    """Whether the verb of a :data:`_GROUP_CLAIM` match, with what follows it, reports a
    claim, a judgement, a stance or a figure (not "were told", "insist on", "disagreed.")."""
    verbs = lex.cue_forms
    verb = m.group("verb")
    after = m.group("after").strip()
    being = _BE_BEFORE.search(s, m.end("head"), m.start("lead") if m.group("lead")
                              else m.start("verb")) is not None
    if being and (m.group("lead") or "").endswith(" to "):
        being = False  # "Experts were quick to warn": they warned
    if (being and not (verb in _STANCES or verb.endswith("ing"))) \
            or (verb in _STANCES and after != "that"):
        return False  # "Residents were told that": told, not telling; "are concerned that"
    if _NOT_A_REPORT.match(s, m.end("verb")) and verb.startswith(("insist", "agree")):
        return False  # "some officials insist on anonymity", "critics agreed to meet"
    if verb in _STANCES or verb in _ING_VERBS:
        return True
    if after == ",":
        # "..., many economists say, ...": an aside set off by commas, a reporting verb
        return s[:m.start("src")].rstrip()[-1:] in (",", "(", "—", "–") \
            and (verb in verbs or verb in _MORE_VERBS)
    if after == "that" or after[:1] in (".", "!", "?"):
        # not "Rider groups disagreed.": no content reported
        return (verb in verbs or verb in _MORE_VERBS) \
            and (after == "that" or m.start("src") != 0)
    if after == "" and s[m.end("after"):m.end("after") + 1] in "$£€¥0123456789":
        return verb in _FORECASTS  # "analysts had forecast $9 billion"; not "spent $9"
    return verb in _CLAUSE_VERBS or _judges(verb, s, m.end("verb"))


def _a_group_claim(m: re.Match[str], s: str, lex: Lexicon, text: str = "", start: int = 0
                   ) -> bool:
    """Whether a match of :data:`_GROUP_CLAIM` in a lower-cased sentence (``s``: the
    sentence as written, at ``start`` in ``text``) is an unnamed group reporting."""
    if not _verb_reports(m, s, lex):
        return False
    verbs = lex.cue_forms
    at = m.start("src")
    written = s[at:m.start("head")].split()
    lows = [w.lower() for w in written] + [m.group("head")]  # to the head
    if any(w in lex.pronouns or w in BOUNDARY_WORDS or w in verbs or w in _CLAUSE_VERBS
           for w, o in zip(lows, written, strict=False)
           if w not in _QUANTIFIERS and w != "and" and not (len(o) > 1 and o.isupper())):
        return False  # "She said leaders": no noun phrase ("US and Danish officials" is one)
    if any(w in _OWNERS for w in lows[:-1]) or (lows[0] in ("the", "these", "those") and not (
            m.group("head") in _HIDDEN_HEADS
            and not found_before(lazy_named_role(m.group("head")[:-1]), text, start))):
        return False  # "its supporters": the owner is named; "the diplomats cautioned":
        # unnamed diplomats told of before are vague
    src = s[at:m.end("src")]
    # capitalised where a sentence starts or after a colon, dash or bracket ("Update: Critics
    # charge ..."): the capital says nothing; elsewhere it marks a name ("Acme analysts")
    first_cap = src[:1].isupper() and _last_char(s, at) not in ("", ":", ";", "—", "–", "(") \
        and not _MODIFIER.match(src.split()[0].rstrip(","))  # not "US", "Danish"
    words = src.split()[1:]
    if " in " in src:  # "lawmakers in the U.S.", "residents in East Palestine": a place
        words = src[:src.index(" in ")].split()[1:]
    if words and lows[0] in _QUANTIFIERS and GROUP_WORD.match(s[m.start("head"):m.end("head")]):
        words = [w for w in words if w != s[m.start("head"):m.end("head")]]  # "many Democrats"
    if _named_lead(src, lex):
        return False  # "Acme and other carmakers warned": one of them is named
    # "some Acme analysts": named by their employer; quoted: the speaker's words
    return not (first_cap or any(w[:1].isupper() and not _MODIFIER.match(w.rstrip(","))
                                 for w in words) or _quoted(s, at))


def _last_char(s: str, at: int) -> str:
    """The last character of ``s[:at]`` that is not white space, or "" (``s[:at].rstrip()
    [-1:]`` for ``at >= 0``, without copying the sentence up to ``at`` for every match)."""
    k = min(at, len(s)) - 1
    while k >= 0 and s[k].isspace():
        k -= 1
    return s[k] if k >= 0 else ""


def _named_lead(src: str, lex: Lexicon) -> bool:
    """Whether a group phrase opens with a name joined to "other ..." ("Acme and other
    carmakers", "Ann Lee and other critics"): a capitalised first word that is no common
    word for people, no group word and no modifier ("Critics and other experts": none)."""
    pre, sep, _ = src.partition(" and other")
    words = pre.split()
    if not sep or not words or not 1 <= len(words) <= 3:
        return False
    first = words[0].rstrip(",")
    return first[:1].isupper() and first.lower() not in lex.people_words \
        and first.lower() not in _group_heads(lex) and not GROUP_WORD.match(first) \
        and not _MODIFIER.match(first)


# owners before a group's head: the group is someone's, who is named ("the DOJ and its
# supporters", "her aides")
_OWNERS = frozenset(("its", "their", "his", "her", "our", "your", "my"))
_BE_BEFORE = lazy_compile(r"\s(?:are|were|is|was|be|been|being)(?:n['’]t)?\s", re.IGNORECASE)
# what follows "insist" or "agree" when it is a demand or a consent: "insist on", "agree to"
_NOT_A_REPORT = lazy_compile(r"\s+(?:on|upon|to|with)\b")


