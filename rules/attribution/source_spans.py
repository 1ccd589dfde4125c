"""Source spans set right before the relations are judged: a wire dateline or a time
trimmed off the source ("RIVERTON - Mayor Ann Lee", "the minister Sunday"), a nested source
named by an opening "Quoting ..." or "Citing ...", and an outlet told ("told the Valley
Journal that ...") kept as a source of the relation too. A name runs on through a middle
initial ("Anna K. | Berglund"), takes back its name before two appositives ("T.R. Holmgren,
| editor of ..., a weekly paper,") and the name a source calls itself ("a man | calling
himself Tom Quill"); a ", citing ..." phrase that names no source (a reason: "citing slow
wage growth") is dropped.

Split out of ``plausible.py`` (which decides whether a relation reports information); the
extraction runs these first, on every relation.
"""

from __future__ import annotations

import re

from checker.core.analysis import ANONYMOUS, OUTLET, PERSON
from rules.attribution.doc import Extracted, TokenDoc, tok_index
from rules.attribution.lexicon import Lexicon
from rules.attribution.phrases import np_left, np_right
from rules.attribution.source_words import source_word
from rules.attribution.sources import PAREN, SPACES, classify
from rules.attribution.tokens import is_cap
from rules.attribution.words import AUX, DETERMINERS, NP_INNER_PREPS, TIME_WORDS


def topic_not_cited(d: TokenDoc, r: Extracted) -> None:
    """", citing slow wage growth and high rents": a "citing ..." phrase that names no
    person, body, document or source gives the speaker's reasons, not a nested source."""
    if r.citing is not None and not names_a_source(r.citing_text, d.lex):
        r.citing = None
        r.citing_text = ""


def initial_citing(d: TokenDoc, r: Extracted) -> None:
    """"Quoting unidentified officials, it said ...": a sentence that opens with "Quoting"
    or "Citing" and a noun phrase up to a comma names a nested source of the relation."""
    if r.citing is not None or r.cue is None:
        return
    toks = d.toks
    sent = toks[tok_index(d, r.cue[0])].sent
    if sent < 0:
        return
    lo, hi = d.sent_tok[sent]
    if lo >= hi or toks[lo].low not in ("quoting", "citing") or toks[lo + 1].quote >= 0:
        return  # (citing a quotation names nobody)
    for k in range(lo + 1, min(hi, lo + 14)):
        if toks[k].text == ",":
            if k > lo + 1 and toks[k - 1].end <= r.cue[0]:
                r.citing = (toks[lo + 1].start, toks[k - 1].end)
                r.citing_text = d.text[r.citing[0]:r.citing[1]]
            return


_TOLD = frozenset(("told", "tells", "tell", "telling"))


def outlet_told(d: TokenDoc, r: Extracted) -> None:
    """"... told the Valley Journal that ...": an outlet (or journal) told is a source of
    the relation too (``r.recipient``)."""
    if r.cue is None or not r.informational or r.kind != "verb":
        return
    words = r.cue_text.lower().split()
    if not words or words[-1] not in _TOLD:
        return
    k = tok_index(d, r.cue[1])
    if k >= len(d.toks):
        return
    sent = d.toks[k].sent
    if sent < 0:
        return
    np = np_right(d, k, sent, d.sent_tok[sent][1])
    if np is None:
        return
    span = (d.toks[np[0]].start, d.toks[np[1]].end)
    if classify(d.text[span[0]:span[1]], d.lex)[0] == OUTLET \
            or (is_cap(d.toks[np[0]]) and d.toks[np[0]].low not in d.lex.pronouns):
        r.recipient = span  # (a name told: an outlet, or at least a carrier of the words)


# a wire dateline that opens a source span: "RIVERTON - | Mayor Ann Lee", "OSLO, May 3 -- |
# Others", or its date's end ("3 -- | Others"); one with an agency's credit, "LONDON
# (Reuters) -", is left whole (the credit would be read as an outlet the text cites)
_DATELINE_OPENING = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*(?:,[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"|\d{1,2}(?=[ \t]*(?:—|–|--)))[ \t]*(?:—|–|--| - )[ \t]*(?=\S)")


def trim_dateline(d: TokenDoc, r: Extracted) -> None:
    """A source span that a wire dateline opens ("RIVERTON - Mayor Ann Lee") loses it: the
    dateline names a place, not the sayer or the sayer's role."""
    if r.source is None:
        return
    m = _DATELINE_OPENING.match(r.source_text)
    if m is None or m.end() >= len(r.source_text.rstrip()):
        return
    start = r.source[0] + m.end()
    r.source = (start, r.source[1])
    r.source_text = d.text[start:r.source[1]]


def retarget_time_source(d: TokenDoc, r: Extracted) -> None:
    """A source ending in a time ("A security source on Friday told ...", "the minister
    Sunday said") loses it; a source that is only a time ("On Friday told") takes the noun
    phrase before it instead."""
    if r.source is None:
        return
    toks = d.toks
    a = tok_index(d, r.source[0])
    b = tok_index(d, r.source[1]) - 1
    k = b
    while k >= a and (toks[k].low in TIME_WORDS or toks[k].low in _TIME_PREPS and k < b):
        k -= 1
    if k == b:
        _trim_leading_time(d, r, a, b)
        return
    if k < a:
        k = a - 1
        if k >= 0 and toks[k].low in _TIME_PREPS:
            k -= 1
        np = np_left(d, k, toks[k].sent) if k >= 0 else None
        if np is None:
            return
        a, k = np
    r.source = (toks[a].start, toks[k].end)
    r.source_text = d.text[r.source[0]:r.source[1]]


_LEADING_TIME = frozenset(("the", "same", "that", "this", "last", "next", "on", "earlier",
                           "later", "day", "days", "early", "late", "a", "an"))


def _trim_leading_time(d: TokenDoc, r: Extracted, a: int, b: int) -> None:
    """"The vote came the same day Peru announced": a time opening the source phrase
    ("the same day", "last week") is not part of the name after it."""
    toks = d.toks
    k = a
    while k < b and (toks[k].low in _LEADING_TIME or toks[k].low in TIME_WORDS):
        k += 1
    if k == a or k > b or not toks[k].text[:1].isupper():
        return
    if not any(toks[j].low in TIME_WORDS or toks[j].low in ("day", "days")
               for j in range(a, k)):
        return
    r.source = (toks[k].start, toks[b].end)
    r.source_text = d.text[r.source[0]:r.source[1]]


_TIME_PREPS = frozenset(("on", "last", "this", "early", "late", "next", "late"))


# nouns for a group that a cue tagger may take into the cue ("The Sachs | family said")
_GROUP_NOUNS = frozenset(("family", "families", "team", "campaign", "household", "estate",
                          "camp", "side", "lawyers", "attorneys", "representatives"))


def noun_out_of_cue(d: TokenDoc, r: Extracted) -> None:
    """A cue that opens with the head noun of its source ("The Sachs | family said") gives
    that noun back to the source: "The Sachs family" said it, not "The Sachs"."""
    if r.source is None or r.cue is None or r.kind != "verb":
        return
    first, _, rest = r.cue_text.partition(" ")
    if first.lower() not in _GROUP_NOUNS or not rest or d.text[r.source[1]:r.cue[0]].strip():
        return
    end = r.cue[0] + len(first)
    r.source = (r.source[0], end)
    r.source_text = d.text[r.source[0]:end]
    start = end + (len(r.cue_text) - len(first) - len(rest))
    r.cue = (start, r.cue[1])
    r.cue_text = d.text[start:r.cue[1]]


def act_before_participle(d: TokenDoc, r: Extracted) -> None:
    """A source that runs from a name through an act up to a participle cue ("Another
    shopkeeper, Tom Reed, asked for more parking, arguing ...": "Tom Reed, asked for more
    parking,") loses the act: text between a name and a participle cue is no role. The
    source is the noun phrase before the act, with its apposition ("Another shopkeeper,
    Tom Reed")."""
    if r.source is None or r.cue is None or not r.cue_text.lower().endswith("ing"):
        return
    toks = d.toks
    a = tok_index(d, r.source[0])
    b = tok_index(d, r.source[1]) - 1
    sent = toks[a].sent
    for k in range(a + 1, b):
        if toks[k].text == "," and _opens_act(d, k + 1) and k - 1 >= a:
            np = np_left(d, k - 1, sent) or (a, k - 1)
            s_lo = d.sent_tok[sent][0]
            if np[0] - 2 >= s_lo and toks[np[0] - 1].text == ",":
                head = np_left(d, np[0] - 2, sent)
                if head is not None and head[0] == s_lo \
                        and (toks[head[1]].low in d.lex.role_nouns
                             or toks[head[1]].low in d.lex.people_words
                             or all(is_cap(toks[j]) for j in range(head[0], head[1] + 1))):
                    np = (head[0], np[1])  # the apposition ("Another shopkeeper, Tom Reed")
            start, end = toks[np[0]].start, toks[np[1]].end
            r.source = (start, end)
            r.source_text = d.text[start:end]
            return


def _opens_act(d: TokenDoc, k: int) -> bool:
    """Whether token ``k`` opens a verb phrase (a past or present verb: "asked for",
    "spoke at", "has called"), not an apposition ("a baker", "45", "owner of")."""
    t = d.toks[k]
    low = t.low
    if not low.isalpha() or t.text[:1].isupper() or low in d.lex.role_nouns \
            or low in d.lex.people_words:
        return False
    return low in AUX or low in _PAST_VERBS or (low.endswith("ed") and low not in _ED_WORDS)


# common irregular past tenses that open an act after a name ("Tom Reed, spoke at ...")
_PAST_VERBS = frozenset("""spoke went made took gave came met wrote held led left sent won
    lost ran sought brought put set paid kept stood began rose fell bought sold told""".split())
# -ed words that open an apposition, not an act ("Tom Reed, retired teacher, ...")
_ED_WORDS = frozenset("retired unemployed disabled elected appointed self-employed".split())


def name_through_initial(d: TokenDoc, r: Extracted) -> None:
    """A source cut at a middle initial's dot ("writes Anna K. | Berglund", "said J. R. |
    Lund") runs on through the initials to the surname: the dot ends no name."""
    if r.source is None:
        return
    toks = d.toks
    b = tok_index(d, r.source[1]) - 1
    if b < 0 or b + 2 >= len(toks):
        return
    sent = toks[b].sent
    k = b
    while k + 2 < len(toks) and toks[k + 2].sent == sent and _initial(toks[k].text) \
            and toks[k + 1].text == "." and toks[k + 1].start == toks[k].end \
            and is_cap(toks[k + 2]) and toks[k + 2].low.isalpha():
        k += 2  # "K" "." "Berglund": on to the capitalised word after the dot
    if k == b or (r.cue is not None and toks[k].end > r.cue[0] > r.source[1]):
        return
    r.source = (r.source[0], toks[k].end)
    r.source_text = d.text[r.source[0]:r.source[1]]


def _initial(word: str) -> bool:
    """One capital letter ("K"), or initials written as one token before it ("J.R")."""
    return len(word) == 1 and word.isupper() and word.isalpha()


def name_before_appositives(d: TokenDoc, r: Extracted) -> None:
    """"T.R. Holmgren, editor of the Valley Herald, a weekly paper, wrote": a source that
    opens with a role after a comma, the role after a name that opens the sentence (or
    its clause after a time phrase), takes the name back: the editor is Holmgren."""
    if r.source is None or r.cue is None or r.source[1] > r.cue[0]:
        return
    toks = d.toks
    a = tok_index(d, r.source[0])
    if a < 2 or toks[a - 1].text != ",":
        return
    first = a + 1 if toks[a].low in ("the", "a", "an") else a
    if first >= len(toks) or toks[first].low not in d.lex.role_nouns \
            or toks[first].text[:1].isupper():
        return
    sent = toks[a].sent
    lo = d.sent_tok[sent][0]
    k = a - 2
    while k >= lo and is_cap(toks[k]) and k > a - 6:
        k -= 1
    start = k + 1
    if start > a - 2 or (k >= lo and toks[k].text != ","):
        return  # no name right before the comma, or no clause start before the name
    if k >= lo and not (k - 1 >= lo and toks[k - 1].low in TIME_WORDS | _TIME_TAIL):
        return  # ("Last week, | T.R. Holmgren, ..."), nothing else before the comma
    name = d.text[toks[start].start:toks[a - 2].end]
    if toks[start].low in TIME_WORDS or classify(name, d.lex)[0] != PERSON:
        return
    r.source = (toks[start].start, r.source[1])
    r.source_text = d.text[r.source[0]:r.source[1]]


# time words that end an opening time phrase before a comma ("Last week, Ann Lee, ...")
_TIME_TAIL = frozenset(("week", "month", "year", "weekend", "night", "morning", "evening",
                        "afternoon", "ago", "earlier", "later", "meanwhile", "yesterday",
                        "today"))


_SELF = frozenset(("himself", "herself", "themselves"))


def self_named_source(d: TokenDoc, r: Extracted) -> None:
    """"wrote a man | calling himself Tom Quill": the name a source gives itself right after
    the source belongs to it (``sources.classify`` makes that name the source)."""
    if r.source is None:
        return
    toks = d.toks
    k = tok_index(d, r.source[1])
    if k + 2 >= len(toks) or toks[k].low not in ("calling", "naming") \
            or toks[k + 1].low not in _SELF:
        return
    sent = toks[k].sent
    j = k + 2
    while j < len(toks) and j < k + 5 and toks[j].sent == sent and is_cap(toks[j]) \
            and toks[j].low.isalpha():
        j += 1
    if j == k + 2 or (r.cue is not None and r.source[1] <= r.cue[0] < toks[j - 1].end):
        return
    r.source = (r.source[0], toks[j - 1].end)
    r.source_text = d.text[r.source[0]:r.source[1]]


def names_a_source(source_text: str, lex: Lexicon) -> bool:
    """Whether a phrase can name a source at all: anything the rules read as a named
    person, body, outlet or document, or an unnamed one whose head is a word for people,
    bodies, documents or sources ("unnamed officials", "a report", "data"). A topic cited
    as a reason ("citing | slow wage growth", "citing | weak demand in Asia") names none."""
    if classify(source_text, lex)[0] != ANONYMOUS:
        return True
    main = PAREN.sub("", SPACES.sub(" ", source_text).strip().partition(",")[0]).split()
    heads: list[str] = []
    for w in main:
        low = w.lower().strip(".,;:!?\"'’“”")
        if heads and (low in NP_INNER_PREPS or low in _AFTER_HEAD):
            break
        if w[:1].isupper() and low not in DETERMINERS:
            return True  # a name in the phrase ("citing Valley police records")
        heads.append(low)
    return not heads or any(source_word(head, lex) for head in heads)


# words that end the head of a phrase besides the inner prepositions
_AFTER_HEAD = frozenset(("who", "whose", "that", "which", "by"))
