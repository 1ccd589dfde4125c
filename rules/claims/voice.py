"""Whose voice a sentence is in, when that voice makes it no unsourced claim.

:mod:`rules.claims.context` asks what a sentence does (asks, tells, supposes, quotes); this
module asks who is speaking, for kinds of sentence that a claim model scores highly because
they are full of names, dates and events:

- a reported speech act whose speaker is the sentence's subject ("The governor vowed to veto
  the bill", "Two senators urged the agency to ...", "The driver was told by a nurse that
  ..."): the content is what that speaker said, and the speaker is named right there, so it
  is sourced, not unsourced. The verbs are those that report communication and nothing
  else ("promised", "urged", "apologised", "accused", "warned", "was asked"); verbs that
  also name an act ("agreed to pay", "declared an emergency", "admitted to hospital") are
  left out; the same for a speech act worded as a light verb and a speech noun ("The museum
  issued a statement of concern", "Residents raised concerns that ...", "She took several
  shots at her rival", "He offered a spirited defence of ...", "The governor unveiled a road
  plan"), also after an opening phrase ("At a rally on Friday, ...");
- a document that the sentence says holds what it tells ("The charge is set out in an
  affidavit filed by ..."), or tallies credited with who compiled them ("..., tallies by the
  election office and two trackers show.");
- the author speaking in the first person outside quotation marks ("We visited the site in
  May", "I have covered the court for ten years", "our analysis of the filings shows ...",
  "Few of us remember ..."): the author's own view, experience or result, not a fact that
  owes the reader a source (a name such as "Our Principles PAC" is not the first person,
  nor is everyone's "our planet", "cells like ours", "most of us");
- a headline or a subhead that reached the body as a sentence: every long word capitalised
  ("Senate Leader Rejects Budget Deal."), or capitals throughout ("FLOODS CLOSE MAIN
  ROAD.");
- an embedded social-media post: text with hashtags or @-handles ("Two hours to clear the
  square #cityhall @metro_police"), or the credit line under such a post ("— A. Reader
  (@areader) May 3, 2021").

- a sentence that goes on with the account of an attributed sentence just before it in the
  same paragraph ("The study also found ...", "In addition, ...", "Similarly, ...", also
  across a paragraph break: :func:`continues_account`; a bare "This ..." or "He also ..." is
  not such a continuation, nor is the next step of a story, "He then ...", "She is being
  held ...", which news writers use for their own facts as often as for the source's, and
  one that brings a figure of its own is the author's claim), or one that the next sentence
  goes on with and credits to its teller ("He swerved. This caused him to flip the van,
  said Sgt. Lee.": :func:`told_after`);
- an estimate or a forecast of the sentence's subject ("Analysts had estimated earnings of
  ...", "The company provided guidance of ..."): like a speech act, sourced by its subject;
- research writing: authors who report their own methods and results in the first person
  plural in at least two sentences (:func:`research_voice`), whose passive results ("were
  included", "was associated with") are theirs (:func:`own_result`).

:func:`voice_exemption` names the reason for the first person, headlines and embedded posts, or
returns ``""``; a reported speech act stays a claim (what was said is checkable) that
:func:`names_its_speaker` marks as sourced. The patterns are compiled on first use, and each
sits behind a cheap test of the sentence's letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from checker.core.regexlit import CompiledOnUse

SPEECH_ACT = "reported speech act"
OWN_VOICE = "the author's own voice"
HEADLINE = "headline"
EMBEDDED_POST = "embedded post"

# Verbs that report communication only, in forms that are not also plural nouns ("promises",
# "calls", "claims", "recalls" are left out: "Insurance claims rose" has no speaker).
_SPEECH_VERBS = (
    "promised(?!\\s+to\\s+be\\b)|vowed|pledged(?!\\s+delegates?\\b)|urged|apologi[sz]ed|apologi[sz]es|accused|"
    "accuses|critici[sz]ed|critici[sz]es|praised|denied(?!\\s+(?:bail|parole|entry|access)\\b)|denies|acknowledged|acknowledges|"
    "conceded|concedes|argued|argues|insisted|insists|called\\s+(?:for|on)\\b|warned|warns|"
    "recalled|lamented|complained|condemned|condemns|decried|decries|slammed|blasted|mocked|"
    "touted|hailed|reiterated|reiterates|stressed|announced|announces|joked|quipped|tweeted|"
    "wrote|writes|asked|told|tells|said|says|testified|testifies|alleged|alleges|claimed|"
    "pleaded\\s+with|appealed\\s+to|implored|thanked|congratulated|expressed|voiced"
)
# Cheap test before the document clause pattern.
_DOCUMENT_WORDS = (" show", " suggest", " indicat", " list", " put", " reveal", " record",
                   " count", " give", " gave")
# Whole words that every match of a pattern contains, for a cheap test before it (one set
# operation on the sentence's words, :func:`words_of`).
_SPEECH_WORDS = frozenset(
    "promised vowed pledged urged apologised apologized apologises apologizes accused accuses "
    "criticised criticized criticises criticizes praised denied denies acknowledged "
    "acknowledges conceded concedes argued argues insisted insists called calls warned warns "
    "recalled lamented complained condemned condemns decried decries slammed blasted mocked "
    "touted hailed reiterated reiterates stressed announced announces joked quipped tweeted "
    "wrote writes asked told tells said says testified testifies alleged alleges claimed "
    "pleaded appealed implored thanked congratulated expressed voiced".split())
# Whole words one of which every light-verb speech act ("issued a statement") contains.
_LIGHT_VERBS = frozenset("issued released put raised took offered unveiled".split())
# Whole words one of which every document-passive match ("is detailed in a report") contains.
_DOCUMENT_PASSIVE_WORDS = frozenset(
    "explained detailed described outlined documented set laid spelled spelt recorded "
    "listed".split())
# Whole words one of which every authored-work match ("Ann Lee's book documents") contains.
_WORKS = frozenset(
    "book memoir report study memo letter paper column essay op article audit "
    "biography".split())
# Whole words one of which every forecast act contains.
_FORECAST_WORDS = frozenset(
    "estimated forecast forecasted predicted projected anticipated expected guidance outlook "
    "estimate estimates forecasts projection projections target targets".split())
_FIRST_PERSON = frozenset("we us our ours ourselves me my myself i".split())
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=16)
def words_of(folded: str) -> frozenset[str]:
    """The words (letters only) of a case-folded sentence, remembered for the few sentences
    the checks of one sentence ask about."""
    return frozenset(_WORD.findall(folded))


# Words that open a subordinate clause: a speech verb after one of these is not the main
# clause's ("Officials who warned of the flood were ...", "After she denied the charge, the
# firm fell 9%").
_NOT_MAIN = (r"(?!(?:which|that|who|whom|whose|where|when|if|unless|because|although|though|"
             r"while|as|after|before|since|once|until|despite|with|without)\b)")
# Short words a headline writer leaves in lower case.
_MINOR = frozenset(
    "a an the and or but nor of to in on at by for from with as into over amid than per via "
    "vs is are be".split()
)


@lru_cache(maxsize=1)
def _sources() -> dict[str, str | tuple[str, int]]:
    return {
        SPEECH_ACT: (
            r"^(?:(?:but|and|yet|so|still|meanwhile|instead|now|then|later|earlier|also)\s*,?\s+)?"
            rf"(?:{_NOT_MAIN}[\w’'.()&-]+,?\s+){{1,8}}?"
            r"(?:(?:has|have|had)\s+)?(?:(?:(?:has|have|had)\s+been|was|were|is|are)\s+)?"
            r"(?:(?:also|again|repeatedly|publicly|privately|openly|since|already|long|recently|"
            r"previously|once|even|just|quickly|then|strongly|sharply|formally|first|later)\s+)?"
            # not a participle after a determiner ("The accused was taken to ...")
            r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)"
            r"(?<!\btheir\s)(?<!\bthis\s)(?<!\bthat\s)"
            rf"(?P<verb>{_SPEECH_VERBS})\b",
            re.IGNORECASE),
        # what makes a speech verb report speech when a phrase follows it directly: a
        # that-clause, a to-infinitive, a quotation or a colon ("said in a statement that")
        "complement": (r"\bthat\b|\bto\s+[a-z]|[“\"‘:]", re.IGNORECASE),
        # an opening conjunction and its comma ("But, ...") before the subject
        "opener": (r"^(?:but|and|yet|so|still|meanwhile|instead|now|then|later|earlier|also)"
                   r"\s*,", re.IGNORECASE),
        # a past participle or a preposition straight after the verb: "announced in 2021",
        # "accused of arson", "touted as a boon", "expressed in 2020 dollars"
        "participle use": (r"\s+(?:of|as|in|by|at|with|from|during|since|under)\b",
                           re.IGNORECASE),
        # an auxiliary before the verb: a finite passive ("is accused of", "was hailed as")
        "auxiliary": (r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+(?:\w+ly\s+)?$",
                      re.IGNORECASE),
        **_source_patterns(),
        **_act_patterns(),
        # first person outside quotations: lower-case "we", "us", "our", "me", "my", or
        # "I"; "We", "Our", "My" opening a clause unless a capitalised name follows
        OWN_VOICE: (
            r"(?<![\w’'-])(?:we|us|our|ours|ourselves|me|my|myself)(?![\w’'-])|"
            r"(?<![\w(’'-])I(?:[’']m|[’']ve|[’']d|[’']ll)?(?![\w)’'.-])(?<!War I)|"
            r"(?:^|[.;:,—–]\s*)(?:We|Our|My)\b(?!\s+[A-Z])"),
        # the first person of everyone, not the author's: "our planet", "cells like ours"
        "generic we": (
            r"\b(?:our|us)\s+(?:(?:own|whole|entire)\s+)?(?:planet|world|earth|species|"
            r"bod(?:y|ies)|brains?|cells?|genes|galaxy|universe|solar\s+system|ancestors|"
            r"oceans?|atmosphere|lifetimes?|history|civili[sz]ation)\b|\blike\s+(?:ours|us)\b|"
            # a place or community the reader shares ("crime in our city rose 30 percent"):
            # a fact about it, not the author's own experience
            r"\bour\s+(?:(?:own|whole|entire|great|fair|local|beloved)\s+)?(?:city|cities|"
            r"towns?|county|counties|state|states|communit(?:y|ies)|region|schools?|"
            r"countr(?:y|ies)|nation|neighbou?rhoods?|village|district|province|streets|"
            r"hospitals|economy|society|children|kids|borough|parish|island|capital)\b|"
            r"\b(?:all|each|every\s+one|most|many|some)\s+of\s+us\b", re.IGNORECASE),
        "quoted": (r"[“\"][^”\"]*(?:[”\"]|$)|(?<!\w)‘[^’]*(?:’(?!\w)|$)"),
        "post credit": (
            r"^(?:[—–-]\s*)?[^()\n]{1,80}\(@\w{1,30}\)\s*(?:on\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+"
            r"\d{4}\s*$"),
        # a post's text ends with a hashtag, a handle or a picture link; prose that names
        # an account or a hashtag ("known as @cityhall", "the #MeToo hashtag") does not
        "post end": (
            r"(?:(?<![\w&/])#[A-Za-z]\w{1,60}|(?<![\w.@/])@\w{2,30}|pic\.twitter\.com/\w+)"
            r"[\s\W]{0,3}$|pic\.twitter\.com/"),
        "post words": (r"\b(?:hashtags?|accounts?|handles?|users?|named|called)\b",
                                 re.IGNORECASE),
        **_account_patterns(),
    }


def _source_patterns() -> dict[str, str | tuple[str, int]]:
    """The patterns of a source named as the subject or in a clause of its own: documents
    and estimates."""
    return {
        # a document credited in a reporting clause of its own: "..., latest government
        # figures show, ...", "..., the county's records showed.", also with who compiled
        # it: "..., tallies by the state's election office and two trackers show."
        "document clause": (
            r"[,—–(]\s*(?:[\w’'-]+\s+){0,5}?(?:figures|data|statistics|records|numbers|polls?|"
            r"surveys?|documents|filings|estimates|tallies)\s+"
            r"(?:(?:by|from|of|compiled\s+by|kept\s+by)\s+(?:[\w’'&.-]+\s+){1,9}?)?"
            r"(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated)"
            r"\s*(?:[,.;)]|$)",
            re.IGNORECASE),
        # a document as the subject of what it shows: "Daily fire briefings showed ...",
        # "Federal incident summaries listed the blaze at ...", "County records show ..."
        "document subject": (
            rf"^(?:(?:but|and|yet|so|still|meanwhile|now|then|later|earlier)\s*,?\s+)?"
            # (named: "County records", not just "The figures" or "These data")
            rf"(?:{_NOT_MAIN}[\w’'.()&-]+\s+){{1,8}}?(?<!\bthe\s)(?<!\bThe\s)(?<!\bthese\s)"
            r"(?<!\bThese\s)(?<!\bthose\s)(?<!\bThose\s)(?<!\bits\s)(?<!\bIts\s)(?<!\btheir\s)"
            r"(?<!\bTheir\s)(?:briefings|records|figures|data|"
            r"statistics|documents|filings|summaries|logs|minutes|surveys?|polls?|estimates|"
            r"census|tallies|tally|database|dashboard|spreadsheet)\s+(?:(?:released|published|"
            r"posted|issued)\s+(?:\w+\s+){0,3})?(?:show|shows|showed|list|lists|listed|put|puts|"
            r"indicate|indicates|indicated|reveal|reveals|revealed|record|records|recorded|"
            r"count|counts|counted|give|gives|gave|suggest|suggests|suggested)\b"),
        # an estimate or forecast of the sentence's subject, in the active voice: "Analysts
        # had estimated earnings of $1.34 a share", "The firm forecast revenue of ...",
        # "Analysts at the bank lowered their estimates", "The company provided guidance
        # of ..." (the passive, "Revenue is forecast to rise", credits no one; a participle,
        # "A storm expected to reach ...", "damage estimated at ...", is no act)
        "forecast act": (
            r"^(?:(?:but|and|yet|so|still|meanwhile|however|instead|now|then|later|earlier|"
            r"also)\s*,?\s+)?"
            rf"(?:{_NOT_MAIN}(?!(?:than|is|are|was|were|be|been|being)\b)[\w’'.()&-]+,?\s+){{1,8}}?"
            r"(?:(?:has|have|had)\s+)?(?:(?:also|again|previously|already|now|recently|"
            r"on\s+average,?)\s+)?"
            r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)"
            r"(?:(?:estimated|forecast|forecasted|predicted|projected|anticipated|expected)\b"
            r"(?!\s*,|\s+(?:to|at|by|in|for|on|of|as|that)\b)|(?:provided|issued|gave|raised|"
            r"lowered|cut|reiterated|reaffirmed|maintained|trimmed|lifted)\s+(?:(?:its|their|"
            r"his|her|the)\s+)?(?:[\w-]+\s+){0,3}?(?:guidance|forecasts?|outlook|estimates?|"
            r"projections?|(?:price\s+)?targets?)\b)",
            re.IGNORECASE),
    }


def _act_patterns() -> dict[str, str | tuple[str, int]]:
    """The patterns of a source named in the sentence by what it did or holds: speech acts
    worded as a light verb and a speech noun, documents that hold the claim, a named
    author's work."""
    return {
        # a document that the sentence says holds what it tells: "The charge is set out in an
        # affidavit filed by ...", "The terms are detailed in the company's annual report."
        "document passive": (
            r"\b(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:(?:also|further|fully)\s+)?"
            r"(?:explained|detailed|described|outlined|documented|set\s+out|laid\s+out|"
            r"spelled\s+out|spelt\s+out|recorded|listed)\s+in\s+(?:an?|the|his|her|its|their|"
            r"[\w’'.-]+[’']s?)\s+(?:[\w’'-]+\s+){0,3}?(?:affidavit|report|filing|complaint|"
            r"memo|memorandum|letter|lawsuit|indictment|document|study|court\s+papers|"
            r"records|audit|ruling|minutes|transcript|statement)s?\b",
            re.IGNORECASE),
        # a speech act worded as a light verb and a speech noun, of the sentence's subject
        # (after an opening phrase and its comma): "The museum issued a statement of
        # concern about ...", "Residents raised concerns that ...", "She took several
        # shots at her rival", "He offered a spirited defence of the plan", "The governor
        # unveiled a $2 billion road plan" (unveiling a plan, not a statue, is telling)
        "light speech act": (
            r"^(?:(?:(?:days|hours|weeks|months|minutes|moments|shortly|soon|just)\s+)?"
            r"(?:in|at|on|during|as|after|before|with|from|by|when|while|amid)\b[^;:.]{1,100}?,"
            r"[”\"’]?\s+)?"
            r"(?:(?:but|and|yet|so|still|meanwhile|instead|now|then|later|earlier|also)\s*,?\s+)?"
            rf"(?:{_NOT_MAIN}[\w’'.()&-]+,?\s+){{1,8}}?"
            r"(?:(?:has|have|had)\s+)?(?:(?:also|again|repeatedly|publicly|quickly|swiftly|"
            r"later|then|already|first|once\s+again)\s+)?"
            r"(?:(?:issued|released|put\s+out)\s+(?:(?:an?|the|its|their|his|her)\s+)?"
            r"(?:[\w’'-]+\s+){0,2}?statements?\b|"
            r"raised\s+(?:(?:new|fresh|serious|grave|further|similar|the\s+same)\s+)?"
            r"(?:concerns?|alarm|objections?|doubts?)\s+(?:that|about|over)\b|"
            r"took\s+(?:(?:some|several|a\s+few|repeated|a|another|more|fresh|pointed)\s+)?"
            r"(?:shots?|swipes?|jabs?|aim)\s+at\b|"
            r"offered\s+(?:(?:an?|the|his|her|its|their)\s+)?(?:[\w’'-]+\s+){0,2}?"
            r"(?:defen[cs]es?|apolog(?:y|ies)|assurances?|condolences|explanations?)\b|"
            r"unveiled\s+(?:(?:an?|the|his|her|its|their)\s+)?(?:[\w’'$.,-]+\s+){0,4}?"
            r"(?:plan|proposal|policy|strategy|agenda|platform|framework|blueprint)s?\b)",
            re.IGNORECASE),
        # a named author's work as the subject of what it tells: "Ann Lee's new book
        # documents ...", "Pew's latest study found ..." (a title may stand between)
        "authored work": (
            r"^(?:(?:but|and|yet|so|still|meanwhile|now|then|later|earlier)\s*,?\s+)?"
            r"(?:[A-Z][\w.’'-]*\s+){0,4}?[A-Z][\w.-]*[’']s?\s+"
            r"(?:(?:new|latest|recent|forthcoming|own|\d{4})\s+){0,2}"
            r"(?:book|memoir|report|study|memo|letter|paper|column|essay|op-ed|article|audit|"
            r"biography)\b(?:\s+[A-Z“\"‘][^.;]{0,90}?)?\s+(?:documents|details|chronicles|describes|recounts|"
            r"argues|argued|finds|found|shows|showed|reveals|revealed|concludes|concluded|"
            r"traces|traced)\b"),
    }


def _account_patterns() -> dict[str, str | tuple[str, int]]:
    """The patterns of continued attribution and of research writing."""
    return {
        # what opens a sentence that goes on with the account before it: "These results
        # ...", "In addition, ...", "The study also ..."
        # (a bare "This" or "These" before a verb, "This comes after ...", "This is the
        # third time ...", and "He also ..." go on with the story, not with the account)
        "continuation": (
            r"^(?:(?:These|This|Those)\s+(?!(?:year|week|month|morning|afternoon|evening|"
            r"time|season|summer|winter|spring|autumn|fall|is|was|are|were|comes|came|come|"
            r"has|have|had|means|meant|follows|followed|marks|marked|would|will|could|can|"
            r"may|might|should|must|also|includes|included|led|leads|happened|occurred|"
            r"remains|makes|made|puts|put|raises|raised|brings|brought|adds|added|did|does|"
            r"do|is|came)\b)[a-z]+|(?:In\s+addition|Additionally|Furthermore|Moreover|Similarly|"
            r"Likewise)\b|Also\s*,|"
            r"(?:They|The\s+(?:study|report|survey|data|figures|researchers|analysis|statement|"
            r"review|paper|ruling|filing|complaint|indictment))\s+(?:also|further|"
            r"additionally)\b)"),
        # the openers that add to an account across a paragraph break as well
        "additive": (r"^(?:In\s+addition\s*,|(?:Additionally|Furthermore|Moreover|Similarly|"
                     r"Likewise)\b|Also\s*,)"),
        # a sentence that goes on with the one before and names its teller at its end:
        # "This caused him to swerve, said Sgt. Lee.", "That is when police arrived, she said."
        "told after": (
            r"^(?:This|That)\b[^“\"”]*,\s*(?:(?:said|says|added)\s+(?:[\w’'.-]+\s+){0,6}?"
            r"[\w’'.-]+|(?:[\w’'.-]+\s+){0,6}?(?:said|says|added))\s*\.?\s*$"),
        # a continuation that names its source: "The study also ..."
        "named continuation": (
            r"^The\s+(?:study|report|survey|data|figures|researchers|analysis|statement|"
            r"review|paper|ruling|filing|complaint|indictment)\s+(?:also|further|"
            r"additionally)\b"),
        # the figures of a sentence but its years ("since 1998" dates the account it goes
        # on with), to tell a figure a continuation brings of its own
        "facts": (r"(?<![\d.,])(?!(?:1[89]|20)\d\d(?![\d.,]\d))\d[\d.,]*(?<![.,])"),
        # the authors' own research in the first person plural: "we reviewed", "Here we
        # show", "our analysis found"
        "research voice": (
            r"\b(?:[Ww]e|[Hh]ere,?\s+we)\s+(?:(?:also|then|first|further|systematically)\s+)?"
            r"(?:reviewed|analy[sz]ed|surveyed|measured|examined|investigated|assessed|"
            r"evaluated|compared|conducted|performed|recruited|enrolled|included|identified|"
            r"used|found|show|report|estimated|modelled|modeled|tested|sequenced|collected)\b|"
            r"\b[Oo]ur\s+(?:study|analysis|review|meta-analysis|results|findings|data|model|"
            r"sample|survey|trial)\b"),
        # a result or method stated in the passive, as research writing does: "X was
        # associated with Y", "Fifteen trials were included", "no significant difference"
        "research result": (
            r"\b(?:was|were|is|are)\s+(?:(?:not|also|significantly|positively|negatively|"
            r"strongly|weakly|independently|inversely)\s+){0,2}(?:associated|correlated|"
            r"included|excluded|enrolled|recruited|randomi[sz]ed|analy[sz]ed|assessed|"
            r"measured|identified|observed|linked)\b|\b(?:insufficient|limited|no|little|"
            r"weak|strong|moderate)\s+evidence\b|\bno\s+(?:statistically\s+)?significant\b|"
            r"\bstatistically\s+significant\b"),
    }


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns by name, each compiled on first use."""
    return CompiledOnUse(_sources)


def _headline(stripped: str) -> bool:
    """Every long word capitalised ("Senate Leader Rejects Budget Deal.") or all letters
    capitals ("FLOODS CLOSE MAIN ROAD."): at least four words, no lower-case word of more
    than three letters but the few a headline writer leaves in lower case. Stops at the
    first such word, which ordinary prose reaches within a few words."""
    # the first few words decide almost every sentence
    for token in stripped.split(maxsplit=6)[:6]:
        word = token.strip("\"“”‘’'()[],.;:!?—–-")
        if word and word[0].islower() and word.casefold() not in _MINOR:
            return False
    words = 0
    for token in stripped.split():
        word = token.strip("\"“”‘’'()[],.;:!?—–-")
        if not word or not word[0].isalpha():
            continue
        if word[0].islower() and word.casefold() not in _MINOR:
            return False
        words += 1
    return words >= 4


def _first_person(stripped: str, folded: str, p: dict[str, re.Pattern[str]]) -> bool:
    if words_of(folded).isdisjoint(_FIRST_PERSON):
        return False
    own = p["generic we"].sub(" ", p["quoted"].sub(" ", stripped))
    return bool(p[OWN_VOICE].search(own))


def voice_exemption(stripped: str, folded: str) -> str:
    """Why the sentence ``stripped`` (``folded`` is it case-folded) is, by its voice, not an
    unsourced claim: the author's own voice, a headline or an embedded post; ``""`` if none.
    A reported speech act is a claim, sourced by its subject: :func:`names_its_speaker`."""
    p = _patterns()
    if ("#" in stripped or "@" in stripped or "pic." in stripped) and (
            p["post credit"].match(stripped) or (
                p["post end"].search(stripped) and not p["post words"].search(stripped))):
        return EMBEDDED_POST
    if _headline(stripped):
        return HEADLINE
    if _first_person(stripped, folded, p):
        return OWN_VOICE
    return ""


def continues_account(text: str, before: str = "", across_paragraphs: bool = False) -> bool:
    """Whether ``text`` opens by going on with the account of the sentence ``before`` it
    ("These events are ...", "In addition, patients ...", "Similarly, ...", "The study also
    ..."): after an attributed sentence of the same paragraph it is continued attribution,
    not a new unsourced claim (``across_paragraphs``: ``before`` ends the
    paragraph before, and only an opener that adds to it, "In addition", "Similarly", "Also,",
    goes on with it). One that brings a figure or a date of its own
    outside quotation marks ("In addition, the county borrowed $12 million in 2023") is the
    author's claim, unless it names its source ("The study also found 40 percent ...")."""
    p = _patterns()
    opening = text.strip().lstrip("\"“‘'(")
    if across_paragraphs:
        if not p["additive"].match(opening):
            return False
    elif not p["continuation"].match(opening):
        return False
    if p["named continuation"].match(opening):
        return True
    known = {f.casefold() for f in p["facts"].findall(before)}
    own = p["facts"].findall(p["quoted"].sub(" ", text))
    return all(f.casefold() in known for f in own)


def told_after(text: str, after: str) -> bool:
    """Whether the sentence ``after``, next in the same paragraph, goes on with the account
    of ``text`` and names its teller at its end ("He swerved into a truck. This caused him
    to flip the van, said Sgt. Lee."): then ``text`` is part of that told account. One that
    brings a figure of its own ("Four people were hurt.") stays the writer's claim."""
    p = _patterns()
    if not p["told after"].match(after.strip()):
        return False
    return not p["facts"].findall(p["quoted"].sub(" ", text))


def research_voice(texts: Iterable[str], at_least: int = 1) -> bool:
    """Whether the authors of a text report their own research in the first person plural
    ("we reviewed ...", "our analysis ...") outside quotation marks, in ``at_least`` of the
    sentences ``texts``: then it is research writing, and its passive results and methods
    are the authors' own (:func:`own_result`). One such sentence is a reporter's note on
    method ("We reviewed 300 reports for this story"), not a research paper."""
    p = _patterns()
    voice, quoted = p["research voice"], p["quoted"]
    found = 0
    for text in texts:
        if voice.search(text) and voice.search(quoted.sub(" ", text)):
            found += 1
            if found >= at_least:
                return True
    return False


def own_result(text: str) -> bool:
    """A result or method stated as research writing states it ("Fifteen trials were
    included", "X was associated with Y", "there was insufficient evidence ...")."""
    return bool(_patterns()["research result"].search(text))


# Speech verbs whose past form is also a participle that modifies a noun ("The project,
# announced in 2021, ...", "A man accused of arson ..."): transitive ones; say, tell and
# write are left out ("said in a statement the ..." is the speech act), and so are verbs
# without an object ("argued in court", "testified in May").
_PARTICIPLES = frozenset(
    "accused announced touted hailed expressed praised criticised criticized condemned "
    "alleged claimed denied acknowledged mocked slammed blasted decried promised pledged "
    "voiced reiterated stressed recalled thanked congratulated asked warned urged".split())


def _speech_act(stripped: str, spoken: re.Match[str], p: dict[str, re.Pattern[str]]) -> bool:
    """Whether the speech verb that ``spoken`` found is the finite verb of the sentence's
    subject with what it reports, not a participle: not in an appositive after a comma ("The
    stadium, touted as a boon, lost ..."), not a reduced relative after a bare noun ("A man
    accused of arson was arrested"; a phrase straight after the verb needs a that-clause, a
    to-infinitive or a quotation later), and "called on" with someone "to" do something
    ("called on a $2 billion credit line" is no speech)."""
    before = stripped[:spoken.start("verb")]
    subject = p["opener"].sub("", before)
    # (an opening phrase and its comma before the subject, "In a letter, the mayor urged",
    # or an appositive closed by a second comma, "The mayor, a Democrat, said", are fine)
    if subject.count(",") % 2 == 1 and subject.rstrip().endswith(","):
        return False
    verb = spoken.group("verb").casefold()
    rest = stripped[spoken.end():]
    if verb.startswith("called") and verb.endswith("on"):
        return bool(re.search(r"\bto\s+[a-z]", rest, re.IGNORECASE))
    if verb not in _PARTICIPLES or p["auxiliary"].search(before) or not p[
            "participle use"].match(rest):
        return True
    return bool(p["complement"].search(rest))


# (a sentence's claim source and whether it tells an account both ask: worked out once;
# the answer depends on the text alone)
@lru_cache(maxsize=256)
def names_its_speaker(text: str) -> bool:
    """Whether ``text`` is a reported speech act of its subject ("The governor vowed to veto
    the bill", "She was told by a nurse that ...") or credits a document, in a reporting
    clause of its own ("..., latest hospital figures show.") or as the subject of what it
    shows ("Daily fire briefings listed ...", "County records show ..."): the source is named in the
    sentence, so the claim is sourced (it stays a claim: what was said is checkable)."""
    stripped = text.strip()
    folded = stripped.casefold()
    p = _patterns()
    if not words_of(folded).isdisjoint(_SPEECH_WORDS):
        spoken = p[SPEECH_ACT].match(stripped)
        if spoken and _speech_act(stripped, spoken, p):
            return True
    if not words_of(folded).isdisjoint(_FORECAST_WORDS) and p["forecast act"].match(stripped):
        return True
    if not words_of(folded).isdisjoint(_LIGHT_VERBS) and p["light speech act"].match(stripped):
        return True
    if " in " in folded and not words_of(folded).isdisjoint(_DOCUMENT_PASSIVE_WORDS) and p[
            "document passive"].search(stripped):
        return True
    if ("’s " in stripped or "'s " in stripped) and not words_of(folded).isdisjoint(
            _WORKS) and p["authored work"].match(stripped):
        return True
    if not any(w in folded for w in _DOCUMENT_WORDS):
        return False
    return bool(p["document clause"].search(stripped) or p["document subject"].match(stripped))
