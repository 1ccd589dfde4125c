"""Relations whose shape reports nothing, whatever their verb: a function word read as the
source ("despite | reporting a loss"), a negated or declined disclosure ("Police have not
released any details", "Neither Burr nor Warner revealed ..."), a verb and its object read as
source and cue ("The minister faced | questions"), a noun read as the cue ("an analyst note",
"One joke going around", "the revenue forecast for the quarter"), a verb after a modal read
as the source ("Blood Test May | Help Predict"), an idiom ("All told"), and a participle that
shows or offers something after an act ("..., showing that ..."): the writer's inference.

``plausible.rejection`` consults :func:`no_report_shape` before it asks whether the source
can say anything.
"""

from __future__ import annotations

import re

from rules.attribution.cues import document_evidence
from rules.attribution.doc import Extracted, TokenDoc, tok_index

# words that open no noun phrase: a walk to the left of a cue that stops at one found none
_FUNCTION_WORDS = frozenset("""despite although though while after before since because
    unless until without upon amid including and but or nor so yet if whether than""".split())
# verbs of making something known; negated ("has not released any details", "did not say
# whether") they report nothing from their subject
_DISCLOSE = frozenset("""release released releasing disclose disclosed reveal revealed identify
    identified name named confirm confirmed provide provided give given gave share shared
    specify specified publish published say said elaborate elaborated comment commented
    divulge divulged""".split())
_NEGATIONS = frozenset(("not", "n't", "n’t", "never", "cannot"))


def no_report_shape(d: TokenDoc, r: Extracted, words: list[str]) -> str:
    """Why the relation's shape reports nothing, else "": "sayer" for a preposition read as
    the source ("despite reporting a loss"), the quoted speaker's own "our ...", a verb and
    its object ("The minister faced questions about"), a noun read as the cue ("an analyst
    note", "One joke going around"), a verb after a modal or an idiom; "withheld" for a
    negated or declined disclosure ("Police have not released any details", "Neither X nor
    Y revealed"); "content" for a participle that shows after an act; "passive" for a
    headline's participle ("... Reported in Ohio")."""
    if len(words) == 1 and words[0].lower() in _FUNCTION_WORDS:
        return "sayer"
    if _withheld_report(d, r) or _negated_subject(d, r):
        return "withheld"
    if own_in_quotation(d, r, words):
        return "sayer"
    if _verb_then_object(r, words) or _noun_compound(d, r, words) \
            or _noun_cue(d, r, words) or _after_modal(d, r):
        return "sayer"
    if (words[0].lower(), r.cue_text.lower()) in _IDIOMS:
        return "sayer"  # "All told, the city spent ...": an idiom, nobody told anything
    if _shown_by_actor(d, r):
        return "content"
    if _headline_participle(d, r):
        return "passive"  # "First Death From the Fever Reported in Ohio": a headline's passive
    return ""


# a sayer and a cue that together are an idiom, not a report
_IDIOMS = frozenset((("all", "told"), ("truth", "be told")))
# singular openers a finite verb would agree with ("One says", "A report shows")
_SINGULAR = frozenset(("one", "a", "an", "each", "every", "another", "this", "that"))
_IRREGULAR_PAST = frozenset("""said told wrote thought knew saw found felt spoke held made gave
    put read heard meant sent taught""".split())
# participles that show or offer something: the writer's inference from an act ("Analysts
# reconfirmed their target, showing that ...", "..., offering clues about ..."), not a report
_SHOWING = frozenset(("showing", "offering", "demonstrating", "proving", "reflecting",
                      "illustrating", "underscoring", "underlining", "signalling",
                      "signaling", "giving", "providing"))
_CUE_ADVERBS = frozenset(("once", "again", "also", "still", "further", "thereby", "thus",
                          "clearly", "perhaps"))
_MODALS = frozenset(("may", "might", "can", "could", "will", "would", "should", "must",
                     "shall"))
_PLACE_PREPS = frozenset(("in", "on", "by", "since", "until", "of", "from", "through"))


def _noun_cue(d: TokenDoc, r: Extracted, words: list[str]) -> bool:
    """Whether the cue is a noun, not a verb: after a bare singular opener, a base form
    that could not agree with it ("One joke going around is ..."), or a noun for what is
    said with "for" or "of" after it ("the company's revenue forecast for the quarter")."""
    if r.kind != "verb" or r.cue is None:
        return False
    cue = r.cue_text.lower().split()
    if len(cue) == 1:
        cue += d.text[r.cue[1]:r.cue[1] + 6].lower().split()[:1]  # the word after it
    if len(cue) == 2 and cue[0] in _NOUN_CUES and cue[1] in ("for", "of"):
        return True
    cue = cue[:1] if len(r.cue_text.split()) == 1 else cue
    if len(cue) <= 2 and cue[-1].removesuffix("s") in _NOUN_CUES and _object_position(d, r):
        return True  # "We've gathered | the latest | forecasts": a noun phrase, an object
    if len(words) != 1 or words[0].lower() not in _SINGULAR or len(cue) != 1:
        return False
    w = cue[0]
    return not w.endswith(("s", "ed")) and w not in _IRREGULAR_PAST \
        and not d.text[r.source[1]:r.cue[0]].strip() if r.source else False  # type: ignore[index]


def _object_position(d: TokenDoc, r: Extracted) -> bool:
    """Whether the "source" stands where an object does: right after a preposition, a
    verb's past participle or a form of "have" ("in | analyst notes", "gathered | the latest
    forecasts"), in lower case."""
    if r.source is None:
        return False
    k = tok_index(d, r.source[0])
    toks = d.toks
    if k < 1 or toks[k - 1].sent != toks[k].sent or not toks[k - 1].text.islower():
        return False
    prev = toks[k - 1].low
    return prev in _OBJECT_PREPS or (prev.endswith("ed") and len(prev) > 4) \
        or prev in ("have", "has", "had", "’ve", "'ve")


_OBJECT_PREPS = frozenset(("in", "of", "with", "from", "to", "by", "for", "on", "at"))
# what a quoted speaker calls their own ("Our analysis suggests ...", inside the quotation):
# the speaker's words, not a second source
_OWN = frozenset(("our", "my"))


def own_in_quotation(d: TokenDoc, r: Extracted, words: list[str]) -> bool:
    """Whether the source is the quoted speaker's own ("“Our preliminary analysis suggests
    ...,” said the chief executive"): inside a quotation, opened by "our" or "my"."""
    if r.source is None or words[0].lower() not in _OWN:
        return False
    return d.toks[tok_index(d, r.source[0])].quote >= 0


def _after_modal(d: TokenDoc, r: Extracted) -> bool:
    """Whether the "source" follows a modal ("Blood Test May | Help Predict ..."): a verb,
    not a noun phrase ("In May Ann Lee said" is a
    month)."""
    if r.source is None:
        return False
    k = tok_index(d, r.source[0])
    toks = d.toks
    if k < 1 or toks[k - 1].sent != toks[k].sent or toks[k - 1].low not in _MODALS:
        return False
    if toks[k - 1].text == "May":
        return not (k >= 2 and toks[k - 2].low in _PLACE_PREPS)
    return True


def _negated_subject(d: TokenDoc, r: Extracted) -> bool:
    """Whether a disclosure's subject is negated ("Neither Burr nor Warner revealed any
    conclusions", "No official confirmed ..."): nobody made anything known."""
    if r.source is None or not any(w in _DISCLOSE for w in r.cue_text.lower().split()):
        return False
    k = tok_index(d, r.source[0])
    toks = d.toks
    first = toks[k].low
    before = toks[k - 1].low if k >= 1 and toks[k - 1].sent == toks[k].sent else ""
    return first in ("neither", "no", "none") or before in ("nor", "neither")


def _headline_participle(d: TokenDoc, r: Extracted) -> bool:
    """Whether the cue is a capitalised participle in a headline with a preposition after
    it ("... Death From Bird Flu Reported in Ohio"): a passive with its "was" left out."""
    if r.cue is None or r.kind != "verb":
        return False
    cue = r.cue_text.split()
    if len(cue) != 1 or not cue[0][:1].isupper() or not cue[0].endswith("ed"):
        return False
    k = tok_index(d, r.cue[0])
    toks = d.toks
    if k == 0 or toks[k - 1].sent != toks[k].sent or k + 1 >= len(toks):
        return False
    return toks[k + 1].low in ("in", "at", "on", "by", "as", "for", "after")


def _shown_by_actor(d: TokenDoc, r: Extracted) -> bool:
    """Whether a participle that shows or offers something follows an act ("Analysts
    reconfirmed their target, showing that ...", "Starc, once again showing that he can
    bat"): the writer's reading of the act; a document that shows is a report."""
    cue = [w for w in r.cue_text.lower().split() if w not in _CUE_ADVERBS]
    if r.kind != "verb" or not cue or cue[0] not in _SHOWING or r.source is None:
        return False  # ("once again showing that ...": the participle after its adverbs)
    return not document_evidence(d, r.source, r.cue_text)


def _verb_then_object(r: Extracted, words: list[str]) -> bool:
    """Whether the "source" ends in a past-tense verb and the "cue" is its plural object
    ("The minister faced | questions about the delay"): a subject that acts, no report.
    ("Residents surveyed | say" keeps its -s-less verb; "says" after a participle stays.)"""
    cue = r.cue_text.split()
    if len(words) < 2 or not cue or r.kind != "verb":
        return False
    last, first = words[-1], cue[0].lower()
    return last.islower() and last.endswith("ed") and len(last) > 4 \
        and first.endswith("s") and not first.endswith("ss") \
        and first not in ("says", "tells", "adds", "notes", "writes", "argues", "claims")


def _withheld_report(d: TokenDoc, r: Extracted) -> bool:
    """Whether a relation's cue withholds what it would report: a negated or declined verb
    of disclosure, in the cue or, after a cue that is only "declined", right after it
    ("declined | to tell reporters where ...")."""
    if _withheld(r.cue_text):
        return True
    if r.cue is None or not any(w in _DECLINED for w in r.cue_text.lower().split()):
        return False
    after = d.text[r.cue[1]:r.cue[1] + 24].split(",")[0]
    return _withheld(f"{r.cue_text} {after}")


def _withheld(cue_text: str) -> bool:
    """Whether a cue is a negated or declined verb of disclosure ("have not released", "did
    not say", "has never disclosed", "declined to tell"): its subject made nothing known."""
    words = re.findall(r"[\w’']+", cue_text.lower().replace("n't", " n't").replace("n’t", " n’t"))
    negated = any(w in _NEGATIONS for w in words) or " yet to " in f" {' '.join(words)} "
    return (negated and any(w in _DISCLOSE for w in words)) \
        or (any(w in _DECLINED for w in words)
            and any(w in _DISCLOSE or w in ("tell", "discuss") for w in words))


_DECLINED = frozenset(("declined", "declines", "declining", "refused", "refuses", "refusing"))


# cue words that are also nouns for what is said or written ("an analyst note")
_NOUN_CUES = frozenset("""note report estimate forecast comment claim tweet post survey study
    review count release poll memo warning""".split())


def _noun_compound(d: TokenDoc, r: Extracted, words: list[str]) -> bool:
    """Whether a one-word base-form cue right after a singular indefinite phrase is the
    head noun of a compound ("an analyst note", "a company statement", "a police report"):
    a singular subject would take "notes", "states", "reports"."""
    if r.kind != "verb" or len(words) < 2 or words[0].lower() not in ("a", "an"):
        return False
    cue = r.cue_text.strip()
    last = words[-1].lower()
    if cue not in _NOUN_CUES:
        return False
    if last.endswith("s") or r.source is None or r.cue is None:
        return False
    between = d.text[r.source[1]:r.cue[0]]
    return not between.strip()
