"""When a check-worthy sentence is still not an *unsourced* claim: its form and the genre.

The claim model scores what a sentence says; whether the author owes the reader a source for
it also depends on what kind of sentence it is and what kind of text it sits in:

- a question asks and an imperative tells the reader what to do: neither asserts a fact;
- a sentence that is (mostly) a direct quotation is the speaker's, not the author's (a
  quotation with no speaker is the attribution family's ``unattributed-quote``);
- photo captions and credits ("X looks on during ...", "(Photo: ...)") and fragments of
  fewer than four words (datelines, labels, list stubs) are page furniture;
- in opinion pieces and editorials, the author's argument, predictions and value judgements
  (first person, "should", "must", "will", evaluative words) are the point of the piece, not
  claims to source; factual statements there are still checked;
- in analysis and opinion pieces, the author's reading of events ("The stumbles are
  emblematic of ...", "She appeared to lose her footing", "If June was the high point, July
  was the reckoning", "The reaction was swift and angry", the "so-called" offence) is the
  point of the piece too; a figure or a dated event there is still checked;
- in research text, the authors' own methods and findings ("we found", "our results", "this
  study") are their results, not unsourced claims;
- a sentence that credits its content to an unnamed source through an agentless reporting
  passive ("X is thought to ...", "it is believed that ...", "reportedly") *is* attributed,
  vaguely: that is a vague-attribution problem (and the hedging family's cue), not an
  unsourced claim.

- agentless judgements and expectations ("is widely seen as", "are expected to", "was
  criticised as", "is billed as") are vague attributions too, unless they sit in a relative
  clause ("..., which is expected to ...") or name their judge ("criticised as ... by the
  union"), and so are concerns raised by no one ("concerns were raised that ...");
- a possibility or forecast in the main clause ("This could mean ...", "Turnout is likely to
  ...", "It's unlikely that ...", also after a short lead and a colon: "the outlook is the
  same: the levy is likely to stay") is not a checkable fact (a modal in a relative clause
  leaves the main clause a claim), nor is a forecast of a consequence ("The timetable will
  put extra pressure on the crews", "The closure is going to hurt ..."; a scheduled act,
  "The agency will open two offices", and a figure stay claims);
- what an event or document shows, read by the author ("The speech reflected ...", "The
  ruling suggests ..."), without figures, is an inference, not a fact to source, and so is
  the author's "X does not necessarily mean ...";
- the reporter's own request for comment ("did not respond to a request for comment"), a
  lead-in that only introduces a quotation or list ("One resident wrote:"), and a definition
  ("A tariff is a type of tax ...") are not claims to source.

- open questions, the author's view or signpost, hedged forecasts, hypotheticals and
  illustrations, counterfactuals, value judgements and speech acts quoted with their speaker
  assert no fact of the author's either: :mod:`rules.claims.stance` tells them.

Who is speaking (a reported speech act of the subject, the author in the first person, a
headline, an embedded post) is :mod:`rules.claims.voice`'s question.

An imperative is recognised after a leading conjunction too ("And don't ...", "So take ...").

:func:`exemption` names the reason, or returns ``""`` when the sentence may be an unsourced
claim. The patterns are compiled on first use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from checker.core.regexlit import CompiledOnUse
from rules.claims.spans import SpanIndex
from rules.claims.stance import (
    LEAD,
    NOT_MAIN,
    SPECULATION,
    Source,
    has_figure,
    stance,
    without_dates,
)
from rules.claims.voice import own_result, voice_exemption

QUESTION = "question"
IMPERATIVE = "imperative"
QUOTATION = "quotation"
CAPTION = "caption"
FRAGMENT = "fragment"
ARGUMENT = "opinion"  # argument, prediction or value judgement in an opinion piece
OWN_RESULT = "authors' own result"
VAGUE = "vaguely attributed"
NO_COMMENT = "request for comment"
LEAD_IN = "lead-in to a quotation or list"
DEFINITION = "definition"
INFERENCE = "the author's reading of events"

OPINION_GENRES = frozenset({"opinion"})
# analysis reads events for the reader: its interpretive sentences are the author's reading,
# not claims; its modals and first person are not exempted as an opinion piece's are
ANALYSIS_GENRES = frozenset({"analysis"})
_QUESTION_LINE = ("Q:", "Q.", "Q :", "Question:")
RESEARCH_GENRES = frozenset({"research"})

_CLOSERS = " \t\r\n\"'”’)]»"
_OPENERS = "\"“‘'«„"

# Base-form verbs that open an imperative addressed to the reader.
_IMPERATIVE_VERBS = (
    "ask|avoid|book|bring|call|check|choose|click|consider|contact|download|email|find|follow|"
    "get|go|imagine|join|keep|learn|listen|look|make|note|order|please|read|register|"
    "remember|see|share|shop|sign|subscribe|take|tell|try|turn|visit|watch|"
    "don't|don’t|do not|let's|let’s"
)
# Conjunctions and adverbs that may open an imperative ("And don't ...", "So, take ...").
_IMPERATIVE_OPENERS = r"(?:and|but|so|or|now|then|also|instead|first|finally)\s*,?\s+"
# Agentless reporting passives: the content is credited to someone unnamed.
_REPORTING = "thought|believed|said|reported|understood|alleged|rumou?red|claimed"
# Agentless judgements and expectations ("is widely seen as", "are expected to"): credited
# to an unnamed "everyone", like the reporting passives.
_JUDGED = (r"considered|regarded\s+as|seen\s+as|viewed\s+as|expected\s+to|estimated\s+to|"
           # a judgement credited to no one: "was widely criticised as ...", "is described as"
           r"(?:being\s+)?(?:critici[sz]ed|described|denounced|condemned|derided|decried|"
           r"hailed|praised|touted|billed|branded|dismissed)\s+as(?![^.;,]*\bby\b)"
           # (not when a clause of the author's own follows: "was billed as X, but led to Y")
           r"(?![^.;]*,\s*but\b)")
# Verbs after a speculative modal that make the sentence a possibility or a forecast:
# "could be", "might mean", "may prove".
_SPECULATIVE_VERBS = (
    "be|become|include|mean|lead|prove|spell|signal|help|hurt|make|cause|trigger|"
    "undermine|affect|change|result|end|force|push|deepen|worsen|ease|open|pave|put|leave|"
    "derail|doom|boost|cost|fuel|spark|set|see"
)
# Speech and writing verbs that end a lead-in to a quotation ("One resident wrote:").
_LEAD_IN_VERBS = (
    "said|says|say|told|tells|wrote|writes|tweeted|posted|added|adds|explained|noted|"
    "declared|stated|asked|answered|replied|responded|warned|quoted|quotes|put it|"
    "insisted|argued|continued|concluded|recalled|interrupted|announced|read|reads"
)
# Infinitives after "is said to", "was believed to"... (raising: "is thought to be"), as
# opposed to a recipient ("was reported to authorities") or a place.
_RAISING_INFINITIVES = (
    "be|have|own|hold|contain|include|earn|cost|want|plan|intend|consider|total|exceed|face|"
    "involve|live|work|make|take|lead|control|possess|suffer|support|oppose|prefer|remain|"
    "seek|know|feel|carry|die|reach|account|come|go|get|show|owe|weigh|number|pose|lie|stem|"
    "date|originate|hide|favou?r|back|harbou?r|receive|pay|lack|need|use|threaten|run|reflect"
)
# Any other infinitive: a lower-case word that is neither a determiner or recipient nor a
# plural noun, and not a plural noun's modifier ("reported to health officials").
_OTHER_INFINITIVE = (
    r"(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|police|officials|"
    r"reporters|investigators)\b)(?-i:(?![a-z]*[^s]s\b)[a-z]+\b)(?!\s+[a-z]*[^s']s\b)"
)
# "reported that evening": "that" as a demonstrative before a time word, not a content clause.
_TIME_NOUNS = (
    "morning|afternoon|evening|night|day|week|weekend|month|year|season|summer|winter|"
    "spring|autumn|fall|time|hour|moment"
)
# Finite verbs that show the word before them is a noun phrase's head, not an imperative
# verb's object ("Share prices fell", "Watch sales rose").
_FINITE = (
    "[a-z]+ed|rose|fell|grew|rise|rises|fall|falls|went|came|was|were|is|are|has|have|had|"
    "stood|hit|hits|reached|topped|jumped|dropped|soared|slumped"
)

def _may_be_vague(t: str) -> bool:
    """A cheap test before the pattern (``t`` case-folded): every match contains one of
    these words."""
    return ("said" in t or "report" in t or "thought" in t or "believed" in t or "alleged" in t
            or "understood" in t or "claimed" in t or "rumo" in t or "purported" in t
            or "raised" in t)


def _may_be_judged(t: str) -> bool:
    return ("consider" in t or "regarded" in t or " seen " in t or "viewed" in t
            or "expected" in t or "estimated" in t or " as " in t)


def _may_be_caption(t: str) -> bool:
    """A cheap test before the caption pattern: every match contains one of these."""
    return ("seen" in t or "pictured" in t or "shown" in t or "watch" in t or "look" in t
            or "pose" in t or "gesture" in t or "photo" in t or "(" in t or "getty" in t
            or "afp" in t)


def _may_speculate(t: str) -> bool:
    # (a forecast with a figure, "could cost 200 million pounds a day", is an estimate that
    # needs a source: it stays a claim; the caller checks that)
    return "could " in t or "might " in t or "may " in t or "likely" in t or "poised" in t


def _may_be_no_comment(t: str) -> bool:
    return "comment" in t or "request" in t or "reached" in t or "respond" in t or \
        "return" in t or "repl" in t


_INFERENCE_STEMS = ("reflect", "underscor", "highlight", "illustrat", "demonstrat", "signal",
                    "suggest", "indicat")


def _may_infer(t: str) -> bool:
    return any(stem in t for stem in _INFERENCE_STEMS) and not has_figure(t)


def _may_define(t: str) -> bool:
    # a definition states no fact; one with a figure carries a claim with it
    return (" is a " in t or " is an " in t or "refers to" in t or "stands for" in t or
            "defined as" in t or "short for" in t) and not has_figure(t)



def _statement_patterns() -> dict[str, Source]:
    """The patterns of sentences that state no fact to source: possibilities and forecasts,
    requests for comment, lead-ins, readings of events, definitions."""
    return {
        # a main clause's possibility or forecast: "The merger could mean ...", "Turnout is
        # likely to ...", "The party is poised to ..." ("could be heard" is an observation)
        SPECULATION: (
            r"^(?:(?:but|and|yet|so|still|however|indeed|ultimately|eventually|instead|now|"
            r"then)\s*,?\s+)?"
            rf"(?:{NOT_MAIN}[\w’'.-]+,?\s+){{0,7}}?"
            r"(?:(?:could|might|may)\s+(?:well\s+|also\s+|even\s+|yet\s+|soon\s+|"
            r"eventually\s+|ultimately\s+|still\s+)?"
            rf"(?:{_SPECULATIVE_VERBS})\b(?!\s+(?:heard|seen)\b)|"
            r"(?:is|are|was|were)\s+(?:(?:\w+ly|also|still|now)\s+)?"
            r"(?:(?:un)?likely|poised|bound)\s+to\b)|"
            # "It's unlikely that many will return", "It is likely that the vote slips"
            r"^(?:(?:but|and|yet|so|still|however|indeed)\s*,?\s+)?it\s*(?:is|’s|'s|was|"
            r"seems|looks|remains)\s+(?:(?:very|highly|quite|also|still|now|increasingly|"
            r"more|less|far|most)\s+){0,2}(?:un)?likely\s+that\b",
            re.IGNORECASE),
        # the reporter's own request for comment: "did not respond to a request for comment"
        NO_COMMENT: (
            r"\b(?:declined|refused)\s+(?:to\s+comment|(?:\w+\s+){0,2}requests?\s+(?:for|to))|"
            r"\b(?:did\s+not|didn[’']t|has\s+not|have\s+not|hasn[’']t|haven[’']t)\s+"
            r"(?:immediately\s+)?(?:respond|reply|return)\w*\s+(?:to\s+)?(?:\w+\s+){0,3}?"
            r"(?:requests?|messages?|calls?|emails?|e-mails?|inquir\w+|queries)\b|"
            r"\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b|"
            r"\b(?:was|were)\s+not\s+immediately\s+available\s+(?:for|to)\s+comment",
            re.IGNORECASE),
        # a sentence that only introduces what follows: "One resident wrote:", "Here are ...:"
        LEAD_IN: (
            rf"(?:\b(?:{_LEAD_IN_VERBS})(?:\s+[\w’'.-]+){{0,4}}|^(?:here|these|below)\s+"
            r"(?:is|are|’s|'s)\b[^:]*)\s*:\s*[\"“”']?\s*$",
            re.IGNORECASE),
        # what an event or a document shows, read by the author ("The speech reflected the
        # adviser's growing influence", "The ruling suggests the court is leaning ..."): an
        # inference, or (with a person as subject) what that person said; not a fact the
        # author owes a source for. Only without figures ("The fall reflects a 12% drop in
        # exports" stays a claim).
        INFERENCE: (
            r"^(?:(?:but|and|yet|so|still|however|indeed|instead|now|then)\s*,?\s+)?"
            rf"(?:{NOT_MAIN}[\w’'.,-]+\s+){{1,14}}?(?:(?:also|only|further|clearly|perhaps)\s+)?"
            # (also through a verb of achieving: "The vote helped underscore ...", "She
            # managed to highlight ..."; only verbs that name a reading, not an act: "managed
            # to signal the crews", "helped demonstrate the fraud to the tax office")
            r"(?:(?:managed|helped|served|went\s+on)\s+(?:to\s+)?(?:underscore|highlight|"
            r"illustrate)\b|"
            r"reflect(?:s|ed)?|underscor(?:es|ed)|highlight(?:s|ed)|illustrat(?:es|ed)|"
            r"demonstrat(?:es|ed)|signal(?:s|ed|led)|suggest(?:s|ed)|indicat(?:es|ed))\b",
            re.IGNORECASE),
        # "A levy is a type of tax ...", "The term refers to ..."
        DEFINITION: (
            r"^(?:an?|the)\s+[\w’'-]+(?:\s+[\w’'()-]+){0,5}?\s+(?:is|are)\s+(?:an?\s+)?"
            r"(?:type|kind|form|sort|term|word|name|category|class)s?\s+(?:of|for|used)\b"
            # not when a relative clause carries a claim ("a form of therapy that cut deaths")
            r"(?![^.;:]*\b(?:that|which|who|whose)\b)|"
            # what a term or an abbreviation means: "GDP stands for ...", "The term 'levy'
            # refers to ..." (not "The mayor stands for re-election")
            r"^(?:the\s+(?:term|word|phrase|name|abbreviation|acronym|initialism)\s+(?:\S+\s+)?"
            r"|(?:[“\"‘'][^”\"’']{1,40}[”\"’']|(?-i:[A-Z][A-Z0-9&.]{1,9}))\s+)"
            r"(?:refers\s+to|stands\s+for|is\s+short\s+for|is\s+defined\s+as)\b",
            re.IGNORECASE),
        # a word that opens a clause inside a sentence: what follows is not its main clause
        "clause opener": (
            r"\b(?:that|which|who|whom|whose|where|when|whether|if|because|unless|until|than|"
            r"while|after|before|so|ensur\w*|mean\w*)\b", re.IGNORECASE),
        CAPTION: (
            r"\b(?:(?:is|are) (?:seen|pictured|shown)\b|watch(?:es)? as\b|looks? on\b|"
            r"pose[sd]? (?:for|with|during)\b|gestures (?:as|during|while)\b|"
            r"photo(?:graph)?(?:ed)? by\b|\((?:photo|image|picture|credit|file)\b|"
            r"Getty Images|AP Photo|AFP via|File photo)",
            re.IGNORECASE,
        ),
    }


def _reasoning_patterns() -> dict[str, Source]:
    """The patterns of the author's reasoning that states no fact to source: forecasts of a
    consequence and "does not necessarily"."""
    return {
        # a forecast of a consequence in the main clause: "The timetable will put extra
        # pressure on the crews", "The ruling is going to hurt the smaller ports" (not a
        # scheduled act: "The agency will open two offices", "The law will take effect in May")
        "consequence": (
            r"^(?:(?:but|and|yet|so|still|however|indeed|ultimately|eventually|instead|now|"
            r"then)\s*,?\s+)?"
            rf"(?:{NOT_MAIN}[\w’'.-]+,?\s+){{0,7}}?"
            r"(?:will|is\s+going\s+to|are\s+going\s+to)\s+(?:(?:also|only|further|surely|"
            r"certainly|probably|likely|inevitably|almost\s+certainly|undoubtedly)\s+)?"
            r"(?:put\s+(?:(?:more|further|new|added|extra|even\s+more)\s+)?(?:pressure|strain)|"
            r"add\s+(?:to\s+the\s+)?(?:pressure|strain)|hurt|harm|damage|undermine|complicate|"
            r"weaken|strengthen|deepen|worsen|fuel|spark|embolden|energi[sz]e|doom|derail|"
            r"haunt|dog|test|shape|define|reshape|raise\s+(?:(?:new|more|further|fresh)\s+)?"
            r"(?:questions|doubts|concerns|fears)|make\s+it\s+(?:harder|easier|more\s+difficult))\b",
            re.IGNORECASE),
        # "X does not necessarily mean / represent / tell ...": the author's reasoning
        "not necessarily": (
            r"^(?:(?:but|and|yet|so|still|however|indeed|of\s+course)\s*,?\s+)?"
            rf"(?:{NOT_MAIN}[\w’'.-]+,?\s+){{1,10}}?"
            r"(?:do|does|did|is|are|was|were|will|would|can|could)\s*(?:n[’']t|\s+not)\s+"
            r"necessarily\b",
            re.IGNORECASE),
        # how a course of action turned out, as the author reads it: "In this case, the
        # approach seems to have backfired", "The gamble appears to have paid off"; the
        # subject names a course of action, and the outcome ends its clause or only says for
        # whom ("The cooling system seems to have failed before the blast", "Her office
        # seems to have failed to file ..." are events)
        "turned out": (
            r"^(?:(?:but|and|yet|so|still|however|indeed)\s*,?\s+)?(?:[^,;:]{1,40},\s+)?"
            r"(?:the|this|that|these|those|their|his|her|its|our)\s+(?:[\w’'-]+\s+){0,4}?"
            r"(?:approach|strategy|strategies|gamble|bet|plan|tactics?|move|gambit|ploy|"
            r"effort|attempt|bid|push|pitch|message|argument|appeal|experiment|policy|"
            r"decision|calculation|charm\s+offensive|offensive)\s+"
            # (what it was about: "The gamble on a second ferry appears to have ...")
            r"(?:(?:on|of|to|for|with|against|over)\s+(?:[\w’'-]+\s+){1,4}?)?"
            r"(?:seems?|seemed|appears?|appeared)\s+to\s+have\s+(?:backfired|misfired|"
            r"paid\s+off|worked|failed|succeeded|stalled|fizzled|fallen\s+flat)"
            r"(?:\s+(?:on|for|with|among|in)\s+[^,;:.]{1,60})?\s*(?:[,;:.!—–]|$)",
            re.IGNORECASE),
    }


def _vague_patterns() -> dict[str, Source]:
    """The patterns of content credited to no one named: agentless reporting passives,
    "reportedly", concerns raised by no one, agentless judgements."""
    return {
        VAGUE: (
            rf"\b(?:is|are|was|were|(?:has|have|had) been)\s+(?:\w+ly\s+)?(?:{_REPORTING})"
            rf"\s+(?:that\b(?!\s+(?:{_TIME_NOUNS})\b)|to\s+(?:(?:{_RAISING_INFINITIVES})\b|{_OTHER_INFINITIVE}))|"
            r"\b(?:reportedly|allegedly|purportedly)\b|"
            # concerns or questions raised by no one named: "concerns were raised that ..."
            r"\b(?:concerns?|fears?|doubts?|questions?|alarm|objections?)\s+(?:(?:have|has|had)\s+"
            r"(?:also\s+|already\s+|long\s+)?been|were|was|are|is)\s+(?:(?:\w+ly|also|already|again|now)\s+)?raised\b"
            r"(?!\s+by\b)",
            re.IGNORECASE),
        # what stands before an adverb in a clause of its own: "after he allegedly ...",
        # "a report of someone allegedly ...", "who reportedly ..."
        "subordinate before": (
            r"\b(?:of|for|after|before|since|because|when|while|who|which|that|whom|whose|"
            r"where|as|if|with)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE),
        "reporting verb": (r"\b(?:said|says|say|told|tells|according\s+to|reported|reports|"
                           r"stated|announced)\b", re.IGNORECASE),
        # not in a relative clause: "the summit, which is expected to draw ..." leaves the
        # main clause a claim
        "judged": (
            r"(?<!\bwhich\s)(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhat\s)"
            r"\b(?:is|are|was|were|(?:has|have|had) been)\s+"
            r"(?:(?:\w+ly|often|still|now|also|already|long|being)\s+){0,2}"
            rf"(?:{_JUDGED})\b",
            re.IGNORECASE),
    }


def _genre_patterns() -> dict[str, Source]:
    """The patterns of the author's reading of events (analysis and opinion pieces) and of
    the opinion writer's address to the reader."""
    return {
        # the author's reading of events in an analysis or opinion piece: what something is
        # a sign of (the main clause's predicate: "a pin that is a symbol of ..." is a fact),
        # how someone seemed to be, a limited explanation, "not good enough", how alike two
        # things are ("nearly as dismissive as")
        "reading": (
            r"^(?:(?!\b(?:that|which|who|whose|where|when|if)\b)[^;:])*?\b(?:is|are|was|were|"
            r"remains?|remained|became|becomes?)\s+(?:(?:also|just|only|not|perhaps|surely|"
            r"itself|themselves|another|yet)\s+){0,2}(?:(?:emblematic|symptomatic)\s+of|"
            r"(?:a|an|the|one)\s+(?:(?:\w+)\s+){0,2}?(?:sign|symbol|measure|reminder|"
            r"testament|hallmark)\s+of)\b|"
            # "She appeared to lose her footing": how someone seemed to be or to feel, not
            # what appeared to happen ("Video appeared to show ...")
            r"\b(?:seem|appear)(?:s|ed)?\s+to\s+(?:be\s+(?!\w+ed\b)|lack|lose\s+(?:his|her|"
            r"its|their)\s+(?:nerve|footing|grip|way|temper|cool|touch|edge)|step\s+on|"
            r"trip\s+over|want|need|believe|understand|know|enjoy|relish|prefer|care|fear|"
            r"doubt|trust|misread|forget)\b|"
            r"\b(?:only|not|n[’']t|never)\s+(?:explains?|explained|explain)\s+why\b|"
            r"\b(?:no\s+longer|not)\s+good\s+enough\b|\bjust\s+how\b|"
            r"\b(?:nearly|almost|just|every\s+bit|no\s+less|hardly)\s+as\s+"
            r"(?!(?:many|much|few|little|soon|well|long|far|often|early|late)\b)[a-z]+\s+as\b|"
            # "If March was the high point, April was the reckoning": the author's comparison
            # of two things that were (not a condition: "If the bill passes, ... is required")
            r"^if\b[^,]{0,200}?\b(?:was|were|represented|marked)\b[^,]{0,200},\s+[^,]*\b"
            r"(?:is|was|represent(?:s|ed)?|marks?|marked)\b|"
            # "The reaction was swift and angry.": a verdict in two adjectives (not two
            # participles: "The chairman was arrested and charged.")
            r"^(?:the|its|their|his|her|this|that)\s+(?:[\w’'-]+\s+){1,4}?(?:is|are|was|were)\s+"
            r"(?:\w+ly\s+)?(?![a-z]+(?:ed|en)\b)[a-z]+,?\s+and\s+(?![a-z]+(?:ed|en)\b)"
            r"[a-z]+\s*[.!]?\s*$",
            re.IGNORECASE),
        # a short quoted phrase (its figures name a remark or a slogan)
        "quoted": (r"[“\"‘][^”\"’\n]{1,60}[”\"’]"),
        # the opinion writer telling the reader what they can see or do ("you can sense the
        # mood", "On one side you have ...", "Anyone can see ..."), not "you" or "your" in a
        # statement of fact ("costs more than you pay in rent")
        # (not inside a relative clause: "what you can learn", "all that you can afford")
        "address": (r"(?<!\bwhat\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\ball\s)"
                    r"\byou\s+(?:can(?:not)?|can[’']t|could|will|would|might|may|must|"
                    r"need\s+to|have\s+to|have|get|see|hear|feel|sense|notice|know|find|"
                    r"realise|realize|wonder)\b|"
                    r"\b(?:you[’']ll|you[’']d)\b|"
                    r"\bcan\s+(?:sense|see|feel|hear|tell|imagine|understand)\b",
                    re.IGNORECASE),
    }


# The most words a caption's subject has before "is seen" ("U.S. Senator Jane Roe, centre, and
# her aides are seen ..."): a longer stretch is a sentence of its own.
_CAPTION_SUBJECT_WORDS = 10


@lru_cache(maxsize=1)
def _sources() -> dict[str, Source]:
    return {
        **_statement_patterns(),
        **_reasoning_patterns(),
        **_vague_patterns(),
        **_genre_patterns(),
        # the verb is a whole word ("sign-ups" is not "sign"), not a noun that a finite
        # verb follows ("Share prices fell", "And visit counts doubled")
        # ("just" and "simply" only before such a verb: "Just last week, ..." is no order)
        IMPERATIVE: (rf"(?:{_IMPERATIVE_OPENERS})?(?:(?:just|simply)\s+)?"
                     rf"(?:{_IMPERATIVE_VERBS})(?![\w'’-])"
                     r"(?!\s+(?:is|are|was|were|has|had)\b)"
                     rf"(?!\s+[\w'’-]+\s+(?:{_FINITE})\b)", re.IGNORECASE),
        "words": (r"[A-Za-z]+(?:['’-][A-Za-z]+)*"),
        # at least four of those words (possessive: a word is never split to make four)
        "four words": (r"(?:[^A-Za-z]*+[A-Za-z]++(?:['’-][A-Za-z]++)*+){4}"),
        # a sentence of two or three words that tells an event, a subject and a verb in the
        # past ("They were overruled.", "He resigned."), not a label or a stub in the
        # present ("Comments are closed.", "Story continues.")
        "short clause": (
            r"^(?!All\b)[A-Z][\w’'-]*\s+(?:(?!(?:is|are|has|have)\b)[a-z][\w’'-]*\s+)?"
            r"(?:(?:was|were|had)\s+)?"
            r"(?:(?-i:[a-z]+ed)|died|quit|won|lost|fell|rose)\s*[.!]\s*$"),
        ARGUMENT: (
            r"\b(?:I|I'm|I've|I'd|I’m|I’ve|I’d|my|me|we|we're|we’re|our|us)\b|"
            r"\b(?:should|must|ought|need to|needs to|have to|has to|will|won't|won’t|would|"
            r"could|might|may|can't|can’t|cannot)\b|"
            r"\b(?:absurd|ridiculous|disgrace\w*|shameful|outrageous|foolish|reckless|"
            r"hypocri\w+|nonsense|surely|of course|downright|self-destructive|wrong|"
            r"right to|best|worst|better|worse|great|terrible|fail\w*|mess|sham|charade|"
            r"folly|cop[- ]out|monument to|for the sake of|deserv\w*)\b|"
            r"\btoo (?:often|much|many|few|little|long|late|slow|fast|far)\b",
            re.IGNORECASE,
        ),
        # judging words only as the predicate ("is sorely needed") or in the subject, not as
        # a sentence adverb ("Sadly, ...") or an aside ("..., the most important change")
        "judging predicate": (
            r"^(?:(?:(?!,)[^,;:])*?\b(?:is|are|was|were|be|been|seems?|looks?|remains?|"
            r"sounds?|feels?|appears?)\s+(?:(?:not|so|very|truly|simply|really|clearly|"
            r"deeply|sorely|hardly|utterly|just|also|still|a|an|the|most|more|less|least)"
            r"\s+){0,3}|"
            # or the sentence's subject ("The more telling sign came ...")
            r"(?:the|a|an|this|that|its|their)\s+(?:(?:more|most|less|least|very|truly|"
            r"real|only)\s+)?)"
            r"(?:good|bad|needless|pointless|necessary|unnecessary|needed|sorely|thoughtful|"
            r"telling|wasted?|wasteful|worthwhile|worthy|harmless|healthy|unhealthy|wise|"
            r"unwise|sensible|smart|stupid|silly|naive|cynic\w*|sham|charade|folly|"
            r"misguided|shortsighted|short-sighted|irresponsible|responsible|important|"
            r"crucial|vital|essential|deserv\w*|fair|unfair|welcome|laudable|commendable|"
            r"admirabl\w*|regrettabl\w*|unfortunate\w*|"
            r"tendency|prophecy|antidote)\b",
            re.IGNORECASE,
        ),
        "dated": (  # (month names capitalised: "may" is a modal)
            r"\b(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"[Yy]esterday|[Ll]ast\s+(?:year|month|week|spring|summer|autumn|fall|winter))\b"),
        OWN_RESULT: (
            r"\b(?:we|We|our|Our)\b|\b(?:this|the present|the current) "
            r"(?:study|paper|work|review|meta-analysis|analysis)\b|\bhere,? we\b",
            re.IGNORECASE,
        ),
    }


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns by name, each compiled on first use."""
    return CompiledOnUse(_sources)


def _mostly_quoted(start: int, end: int, quotes: SpanIndex) -> bool:
    return quotes.covered(start, end) >= 0.6 * max(1, end - start)


def exemption(text: str, start: int, genre: str,
              quotes: SpanIndex | Sequence[tuple[int, int]] = ()) -> str:
    """Why the sentence ``text`` (at ``start`` in the article, whose quotation spans are
    ``quotes``) is not an unsourced claim whatever its claim probability; ``""`` if none."""
    p = _patterns()
    if not isinstance(quotes, SpanIndex):
        quotes = SpanIndex(quotes)
    stripped = text.strip()
    if stripped.rstrip(_CLOSERS).endswith("?"):
        return QUESTION
    if not p["four words"].match(stripped) and not p["short clause"].match(stripped):
        return FRAGMENT
    if stripped[:1] in _OPENERS or _mostly_quoted(start, start + len(text), quotes):
        return QUOTATION
    if p[IMPERATIVE].match(stripped.lstrip(LEAD)):
        return IMPERATIVE
    folded = stripped.casefold()
    if _may_be_caption(folded) and _caption(stripped, p):
        return CAPTION
    if (_may_be_vague(folded) and _vague(stripped, p)) or (
            _may_be_judged(folded) and p["judged"].search(stripped)):
        return VAGUE
    if _may_be_no_comment(folded) and p[NO_COMMENT].search(stripped):
        return NO_COMMENT
    if stripped.rstrip(_CLOSERS).endswith(":") and p[LEAD_IN].search(stripped):
        return LEAD_IN
    if _may_define(folded) and p[DEFINITION].search(stripped):
        return DEFINITION
    if _may_speculate(folded) and not has_figure(without_dates(folded)) and (
            p[SPECULATION].match(stripped.lstrip(LEAD)) or _after_colon(stripped, p)):
        return SPECULATION
    return (_reasoning(stripped, folded, p) or stance(stripped, folded)
            or voice_exemption(stripped, folded) or _genre_exemption(stripped, genre, p))


def _reasoning(stripped: str, folded: str, p: dict[str, re.Pattern[str]]) -> str:
    """The author's reasoning in any genre: a forecast of a consequence, a reading of what
    an event shows, "does not necessarily", how a course of action turned out."""
    lead = stripped.lstrip(LEAD)
    if (" will " in folded or "going to" in folded) and not has_figure(
            without_dates(folded)) and p["consequence"].match(lead):
        return SPECULATION
    if _may_infer(folded) and p[INFERENCE].match(lead):
        return INFERENCE
    if "necessarily" in folded and p["not necessarily"].match(lead):
        return INFERENCE
    if " to have " in folded and not has_figure(folded) and p["turned out"].match(lead):
        return INFERENCE
    return ""


# The most words a lead before a colon has ("The forecast remains the same: ...") for the
# clause after it to be read as the sentence's main clause.
_COLON_LEAD_WORDS = 16


def _after_colon(stripped: str, p: dict[str, re.Pattern[str]]) -> bool:
    """A possibility or forecast after a short lead and a colon: "Whatever the outcome, the
    forecast is the same: the race is likely to end in June." (the lead announces it)."""
    lead, colon, rest = stripped.partition(": ")
    return bool(colon) and len(lead.split()) <= _COLON_LEAD_WORDS and bool(
        p[SPECULATION].match(rest.lstrip(LEAD)))


def _caption(stripped: str, p: dict[str, re.Pattern[str]]) -> bool:
    """A photo caption or credit. "X is seen / pictured / shown ..." describes a picture only
    as the main clause after a short subject ("Rescuers are seen outside the school"), not
    inside a clause of a longer sentence ("No trust ensured that 92 percent of patients are
    seen within the target")."""
    for m in p[CAPTION].finditer(stripped):
        if not m.group().casefold().startswith(("is ", "are ")):
            return True
        # (the subject after an opening phrase: "In the video, a man is seen ...")
        before = stripped[:m.start()].rsplit(",", 1)[-1]
        if len(before.split()) <= _CAPTION_SUBJECT_WORDS and not p["clause opener"].search(
                before):
            return True
    return False


def _vague(stripped: str, p: dict[str, re.Pattern[str]]) -> bool:
    """An agentless reporting passive, or "reportedly" / "allegedly" in the main clause: in
    a clause of its own ("Police were called after a report of someone allegedly cutting
    the flags", "A man was arrested after he allegedly crashed ...") the adverb hedges that
    clause, and the main clause is still a claim."""
    for m in p[VAGUE].finditer(stripped):
        if not m.group().endswith("ly") or not p["subordinate before"].search(
                stripped, max(0, m.start() - 40), m.start()):
            return True
        # with a reporting verb as well ("..., after he allegedly crashed ..., police
        # said"), the sentence is attributed: leave it to the attribution family
        if p["reporting verb"].search(stripped):
            return True
    return False


def _genre_exemption(stripped: str, genre: str, p: dict[str, re.Pattern[str]]) -> str:
    """The author's argument in an opinion piece, the author's reading of events in an
    analysis or opinion piece, the authors' own result in research."""
    # (a figure or a dated event, "cut it by 40 percent", "died in March", is a fact an
    # opinion piece owes a source, argue as it may; one inside quotation marks names what
    # someone said, "the '47 percent' remark")
    if (genre in OPINION_GENRES or genre in ANALYSIS_GENRES) and not has_figure(
            p["quoted"].sub(" ", stripped)) and not p["dated"].search(stripped):
        # (argument, judging words, address: an opinion piece's; in an analysis, "The
        # contractor was responsible for ..." is a fact)
        if genre in OPINION_GENRES and (
                p[ARGUMENT].search(stripped) or p["judging predicate"].search(stripped)
                # (an interviewer's line, "Q: You ran the harbour board ...", is no address)
                or (p["address"].search(stripped) and not stripped.startswith(_QUESTION_LINE))):
            return ARGUMENT
        if p["reading"].search(stripped):
            return INFERENCE
    if genre in RESEARCH_GENRES and (p[OWN_RESULT].search(stripped) or own_result(stripped)):
        return OWN_RESULT
    return ""
