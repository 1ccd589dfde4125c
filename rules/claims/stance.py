"""Sentences that assert no fact by their stance: what the author wonders, thinks, supposes
or judges, and speech acts quoted with their speaker.

:mod:`rules.claims.context` asks what kind of sentence a check-worthy sentence is; this module
answers it for the author's stance:

- an open question in the author's voice ("It is unclear whether ...", "It remains to be seen
  ...", "It is too early to say ...", a sentence whose subject is a whether-clause: "Whether
  the deal survives depends on ...");
- a first-person view ("I think ...", "In my view ...") and a signpost ("Here's what we
  know.");
- a forecast hedged by the author ("The vote will likely ..."), a hypothetical ("If the bill
  passes, renters could ...", or with a forecast: "If the vote fails, the party will ...",
  "..., the mayor risks losing ..."), an illustration ("For example, if a ticket costs ...") and a
  counterfactual ("The law would never have passed without ...");
- a value judgement in the author's voice ("The leaked figures are embarrassing");
- a reported speech act with the speaker's own words in quotation marks ("The mayor called
  the plan “a reckless gamble”", or handed over by a participle: "The union walked out,
  saying “...”"): a quotation with its speaker, unless the sentence also states a figure of
  the author's own.

A figure other than a date makes a forecast, a supposition or a judgement an estimate or a
measure that needs a source. The patterns are compiled on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.core.regexlit import CompiledOnUse
from checker.text.chrome import MONTH
from rules.claims.voice import words_of

OPEN_QUESTION = "open question"
VIEW = "the author's view"
SPOKEN = "quoted speech"
JUDGEMENT = "value judgement"
SPECULATION = "possibility or prediction"

# A pattern's source: the text, or the text and its flags.
Source = str | tuple[str, int]

# What may stand before a sentence's first word: bullets, dashes, opening quotation marks.
LEAD = " \t•*-–—·>\"“‘'«„("
# Words that may stand before a main clause's modal ("But the merger could ..."); a relative
# pronoun or subordinator there makes the modal a subordinate clause's ("a mutation which
# could help ..."), and that sentence's main clause may still be a claim.
NOT_MAIN = (r"(?!(?:which|that|who|whom|whose|where|when|if|unless|because|although|though|"
            r"while|as)\b)")

_DIGIT = re.compile(r"\d")


def has_figure(t: str) -> bool:
    """Whether ``t`` holds a digit."""
    return _DIGIT.search(t) is not None


def without_dates(t: str) -> str:
    """``t`` without its years, dates and times ("the 2020 campaign", "by March 3"): those
    figures do not make a forecast an estimate that needs a source."""
    return _patterns()["time figures"].sub(" ", t) if has_figure(t) else t


_CONJ_WORDS = ("but", "and", "yet", "so", "still", "however", "indeed", "ultimately", "now")
_CONJ = rf"^(?:(?:{'|'.join(_CONJ_WORDS)})\s*,?\s+)?"
_OPEN_WORDS = ("unclear", "not clear", "uncertain", "unknown", "not known", "too early",
               "too soon", "yet known", "remains to be seen", "time will tell", "no one knows",
               "nobody knows", "whether")
# What an illustration opens with (the sentence case-folded): a cheap test before its pattern.
_ILLUSTRATING = ("for example", "for instance", "suppose", "imagine", "say ", "let's say",
                 "let’s say")
_VIEW_WORDS = ("i ", "we ", "in my ", "to me", "personally")
_HEDGED_FORECAST = ("likely", "probably", "almost certainly", "inevitably")
# Words that judge rather than describe, after a copula: "is embarrassing", "was a rough
# week", "is at stake", "remains a mystery".
_JUDGEMENT_WORDS = (
    "embarrassing|concerning|worrying|troubling|alarming|disturbing|disappointing|"
    "encouraging|heartening|impressive|admirable|shameful|disgraceful|deplorable|absurd|"
    "ridiculous|outrageous|unacceptable|inexcusable|laughable|misguided|wrong-?headed|"
    "foolish|reckless|irresponsible|scary|terrifying|frightening|baffling|puzzling|bizarre|"
    "(?:un)?surprising|refreshing|regrettable|tragic|pathetic|hypocritical|unfair|unjust|"
    "undeserved|"
    "(?:long\\s+)?overdue|mistake|disgrace|scandal|shame|travesty|farce|joke|"
    "recipe\\s+for|rough|grim|bleak|dire|at\\s+stake|mystery|far\\s+from\\s+(?:over|certain|clear)"
)
# One word of every judgement the pattern knows: a cheap test before it.
_JUDGING = frozenset(
    "embarrassing concerning worrying troubling alarming disturbing disappointing encouraging "
    "heartening impressive admirable shameful disgraceful deplorable absurd ridiculous "
    "outrageous unacceptable inexcusable laughable misguided wrongheaded headed foolish "
    "reckless irresponsible scary terrifying frightening baffling puzzling bizarre refreshing "
    "surprising unsurprising "
    "regrettable tragic pathetic hypocritical unfair unjust undeserved overdue mistake disgrace "
    "scandal shame travesty farce joke recipe rough grim bleak dire stake mystery far".split())
_MONTHS = MONTH + r"\b"
_SPEECH_STEMS = ("call", "describ", "dub", "label", "brand", "vow", "pledg", "promis", "urg",
                 "accus", "prais", "warn", "insist", "den", "tout", "hail", "decr", "slam",
                 "blast", "ask", "saying", "adding", "writing", "tweeting")


def _may_be_open(t: str) -> bool:
    return any(w in t for w in _OPEN_WORDS)


def _may_be_view(t: str) -> bool:
    """A cheap test before the view pattern (``t`` case-folded), after a leading conjunction
    as the pattern allows one ("But I think ...", "So here's what we know.")."""
    conj = re.match(_CONJ, t) if t.startswith(_CONJ_WORDS) else None
    if conj:
        t = t[conj.end():]
    return t.startswith(_VIEW_WORDS) or ", i " in t[:12] or ", we " in t[:12] or \
        t.startswith("here")


def _may_forecast(t: str) -> bool:
    return ("will " in t or "would " in t) and any(w in t for w in _HEDGED_FORECAST)


def _may_suppose(t: str) -> bool:
    return ("would" in t or "could" in t or "might" in t or "will" in t or "may " in t
            or "risk" in t) and t.startswith(
        ("if ", "unless ", "were ", "had ", "but if ", "and if ", "even if ", "still, if ",
         "so if ", "yet if "))


def _supposition_patterns() -> dict[str, Source]:
    """The patterns of what the author makes up or supposes: illustrations and
    counterfactuals."""
    return {
        # an illustration the author makes up: "For example, if a ticket costs 2 dollars
        # ...", "Suppose a family earns ...", "Say you borrow ..."
        "illustration": (
            r"(?:for\s+(?:example|instance)\s*,?\s+(?:let[’']s\s+say\s+|say\s+)?(?:if|suppose|"
            r"imagine)\b|(?:suppose|imagine)\s+(?:that\s+)?(?:you|a|an|someone|somebody)\b|"
            r"(?:let[’']s\s+)?say\s+(?:that\s+)?(?:you|someone|somebody)\b)",
            re.IGNORECASE),
        # a counterfactual: "The law would never have passed without ...", "Turnout could
        # have been higher" (what did not happen cannot be checked)
        "counterfactual": (
            _CONJ + rf"(?:{NOT_MAIN}[\w’'.-]+,?\s+){{0,10}}?(?:would|could|might)(?:n[’']t)?\s+"
            r"(?:(?:never|not|surely|certainly|likely|probably|easily|still|also)\s+)?have\s+"
            r"(?:been\s+)?(?!(?:to|a|an|the|no|some|any|more|less|had)\b)(?-i:[a-z]+)\b",
            re.IGNORECASE),
    }


def _stance_patterns() -> dict[str, Source]:
    """The patterns of open questions, the author's view or signpost, hedged forecasts,
    hypotheticals and quoted speech acts."""
    return {
        # "It is unclear whether ...", "It remains to be seen ...", "It is too early to say"
        # (not "it is clear that ...", which asserts)
        OPEN_QUESTION: (
            _CONJ + r"(?:it\s+(?:is|was|’s|'s|remains|remained|seems)\s+(?:(?:still|not|yet|also|"
            r"far|now|as\s+yet)\s+){0,2}(?:unclear|not\s+clear|uncertain|unknown|not\s+(?:yet\s+)?known|"
            r"too\s+(?:early|soon))\b|it\s+remains\s+to\s+be\s+seen\b|"
            r"(?:only\s+)?time\s+will\s+tell\b|no\s*(?:-\s*)?(?:one|body)\s+knows\b|"
            # a whether-clause as the subject: "Whether the deal survives depends on ..."
            r"whether\b(?=[^,;]{3,}?\s(?:depends|depended|hinges|hinged|turns|rests|remains|"
            r"is|was)\b))",
            re.IGNORECASE),
        # "I think ...", "In my view, ...", "Here's what we know." (a signpost to what follows)
        VIEW: (
            _CONJ + r"(?:(?:I|we)\s+(?:(?:still|also|really|do|don[’']t|do\s+not)\s+)?"
            r"(?:think|believe|suspect|doubt|hope|fear|feel|guess|suppose|reckon|wonder)\b|in\s+my\s+(?:view|"
            r"opinion|experience)\b|to\s+me\s*,|personally\s*,|here(?:[’']s|\s+is|\s+are)\s+"
            r"(?:what|how|why|where|who|everything|all\s+you|a\s+look|the\s+latest|"
            r"a\s+(?:quick\s+)?(?:guide|rundown|breakdown|recap))\b[^.;:]{0,60}[.!]?\s*$)",
            re.IGNORECASE),
        # a forecast the author hedges: "The bill will likely stall", "That would almost
        # certainly end ..." (in the main clause; without figures, like SPECULATION)
        "forecast": (
            _CONJ + rf"(?:(?:that|this)\s+)?(?:{NOT_MAIN}[\w’'.-]+,?\s+){{0,8}}?"
            r"(?:will|would)\s+(?:likely|probably|almost\s+certainly|inevitably)\b",
            re.IGNORECASE),
        # a hypothetical: "If the bill passes, renters could ...", "Had the alarm sounded, the
        # crew might have ..." (a conditional clause, then a main clause with would/could/might),
        # or a conditional forecast: "If the vote fails, the party will ...", "If turnout
        # falls short, the mayor risks losing ..."
        "hypothetical": (
            r"^(?:(?:but|and|yet|so|still|even)\s*,?\s+)?(?:if|unless|were|had)\b[^,;]{3,140},\s+"
            r"(?:[\w’'.-]+\s+){0,6}?(?:would|could|might|will|may|risks?|stands?\s+to)\b",
            re.IGNORECASE),
        **_supposition_patterns(),
        # a value judgement in the author's voice: "The leaked figures are embarrassing",
        # "It has been a rough week for the airline", "Its credibility is at stake"
        JUDGEMENT: (
            _CONJ + rf"(?:{NOT_MAIN}[\w’'.,-]+\s+){{1,10}}?(?:is|are|was|were|(?:has|have|had)\s+"
            r"been|seems?|seemed|remains?|remained|looks?|looked|(?:should|shouldn[’']t|would|"
            r"wouldn[’']t|must|can[’']t|cannot|could|couldn[’']t)\s+(?:not\s+)?(?:have\s+been|be)"
            r")\s+(?:(?:also|still|now|"
            r"particularly|especially|deeply|truly|really|very|so|quite|rather|even|more|most|"
            r"increasingly|hugely|profoundly|downright|simply|clearly|frankly|utterly|all\s+the|"
            r"nothing\s+short\s+of)\s+){0,2}(?:an?\s+)?(?:" + _JUDGEMENT_WORDS + r")\b",
            re.IGNORECASE),
        # a reported speech act with the speaker's words quoted: "X called the plan “...”",
        # "She vowed to “keep fighting”" (a verb of speech before a quotation of 3+ words)
        SPOKEN: (
            # ("called" needs an object first: "a culture called “The Old Way”" names a thing)
            r"\b(?:call(?:s|ed|ing)?\s+(?!of\b)[\w’'-]+\b|describ(?:es|ed|ing)|dub(?:s|bed|bing)|label(?:s|l?ed|l?ing)|"
            r"brand(?:s|ed|ing)|vow(?:s|ed|ing)|pledg(?:es|ed|ing)|promis(?:es|ed|ing)|"
            r"urg(?:es|ed|ing)|accus(?:es|ed|ing)|prais(?:es|ed|ing)|warn(?:s|ed|ing)|"
            r"insist(?:s|ed|ing)|den(?:y|ies|ied|ying)|tout(?:s|ed|ing)|hail(?:s|ed|ing)|"
            r"decr(?:ies|ied|ying)|slam(?:s|med|ming)|blast(?:s|ed|ing)|ask(?:s|ed|ing)|"
            # a participle that hands over to the subject's own words: "..., saying, “...”"
            # (not a title: "writing a book called “...”" is no speech)
            r"(?:(?<=,\s)|(?<=,[”\"’]\s))(?:saying|adding|writing|tweeting)"
            r"(?![^“\"”.;]{0,80}?\b(?:called|titled|entitled|named|headlined|dubbed)\s+[“\"‘]))\b"
            # (each part can match a character one way only, and the quotation is at most
            # 300 characters: time stays linear in the sentence's length, even unclosed)
            r"[^“\"”.;]{0,80}(?:[“\"][^”\"\s]+\s+[^”\"\s]+\s[^”\"]{0,300}[”\"]|"
            # or in single quotation marks (an opening one after a space; not an apostrophe)
            r"(?<!\w)‘[^’\s]+\s+[^’\s]+\s[^’]{0,300}’(?!\w))", re.IGNORECASE),
        # what else a sentence with a quoted speech act may say: further quotations, and
        # dates and times (whose figures are not claims)
        "other quotes": r"[“\"][^”\"]{0,300}[”\"]|(?<!\w)‘[^’]{0,300}’(?!\w)",
        "time figures": (
            r"\b(?:1[89]\d\d|20\d\d)s?\b|"
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"|"
            + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
            r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d\d\b",
            re.IGNORECASE),
        # where a clause before the speech act ends ("Prices rose 4%, and critics called ...")
        "clause end": (r"[;:]|,\s*(?:and|but|yet|so|while|whereas|although|though|as|after|"
                       r"since|because)\s", re.IGNORECASE),
    }

def stance(stripped: str, folded: str) -> str:
    """Why the sentence ``stripped`` (``folded``: case-folded) asserts no fact to source by
    its stance: an open question, the author's view or signpost, a hedged forecast, a
    hypothetical or counterfactual, a value judgement, a quoted speech act; ``""`` if none."""
    p = _patterns()
    lead = stripped.lstrip(LEAD)
    if _may_be_open(folded) and p[OPEN_QUESTION].match(lead):
        return OPEN_QUESTION
    if _may_be_view(lead.casefold()) and p[VIEW].match(lead):
        return VIEW
    if folded.startswith(_ILLUSTRATING) and p["illustration"].match(lead):
        return SPECULATION  # (its figures are the example's, not facts)
    forecast = _may_forecast(folded) or _may_suppose(folded)
    counterfactual = " have " in folded and (
        "would" in folded or "could" in folded or "might" in folded)
    judging = not words_of(folded).isdisjoint(_JUDGING)
    # (a figure other than a date makes any of them a claim: an estimate, a measure)
    if (forecast or counterfactual or judging) and not (
            has_figure(folded) and has_figure(without_dates(folded))):
        if forecast and (p["forecast"].match(lead) or p["hypothetical"].match(lead)):
            return SPECULATION
        if counterfactual and p["counterfactual"].match(lead):
            return SPECULATION
        if judging and p[JUDGEMENT].match(lead):
            return JUDGEMENT
    quoted = "“" in stripped or '"' in stripped or "‘" in stripped
    if quoted and any(v in folded for v in _SPEECH_STEMS):
        spoken = p[SPOKEN].search(stripped)
        if spoken and not _figure_beside(stripped, spoken, p):
            return SPOKEN
    return ""


def _figure_beside(stripped: str, spoken: re.Match[str], p: dict[str, re.Pattern[str]]) -> bool:
    """Whether the sentence with a quoted speech act also states a figure of its own: after
    the quotation ("Critics called the plan “a gamble”, but unemployment rose 40 percent"),
    or in a clause before the speech act ("Fares rose 9%, and riders called it ..."). Such a
    figure is the author's claim, not the speaker's words. Figures in quotations, in dates
    and times, and in the speaker's own clause ("Three senators called it ...") are not."""
    tail = stripped[spoken.end():]
    ends = list(p["clause end"].finditer(stripped, 0, spoken.start()))
    own = stripped[:ends[-1].start()] + " " + tail if ends else tail
    if not has_figure(own):
        return False
    return has_figure(p["time figures"].sub(" ", p["other quotes"].sub(" ", own)))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns by name, each compiled on first use."""
    return CompiledOnUse(_stance_patterns)
