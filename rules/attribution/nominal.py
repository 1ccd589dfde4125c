"""Nominal cues with their clause (issue 13): a noun of something said or held whose
holder is named and whose that-clause follows -- "his insistence that turnout will be
high", "the union's accusation that the figures were misleading", "complaints from Ana
Ruiz that the fares are too high", "Lee's argument is that the levy pays for itself".

The cue introduces content (the clause is what the holder said or holds), so the sentence
is no unsourced claim of the author's. The tagger and the lexicon candidates look for
verbs and miss most of these nouns; where they found the noun as a cue but read a wrong
source ("the minister's" rejected as no sayer), the relation is set right here.

- A named holder (a possessive name or noun of people or a body, "the minister's",
  "Exxon's", or a name after "from"/"by") is an information source.
- A possessive pronoun ("his", "her", "their", "its") is kept as the relation's source
  for PolNeAR but names no one by itself: the sentence is framed (``stance``: attributed,
  no source named), as for a belief whose holder we cannot name.
- No holder ("speculation that ...", "the idea is that ...") is no cue here: an unsourced
  rumour or idea stays the author's claim.
- A parenthetical "in <holder's> view" ("In their view, ...", "The levy, in Ana Ruiz's
  opinion, is ...", "In the mayor's words, ...") frames the rest of the sentence as the
  holder's view or words, like "according to"; with no comma after it it is a topic ("in
  his estimation of the market"), inside a clause an adverbial ("tears in their eyes").
- The clause must be a content clause: "that" followed by its verb is a relative clause
  ("the claims that were filed"), and so is a clause whose verb takes the noun as its
  object ("the statement that she issued on Monday", "the promise that he made").
"""

from __future__ import annotations

import re
from itertools import compress

from rules.attribution.cues import _PROPOSITION_NOUNS, opens_subject
from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.tokens import is_cap, is_word

# nouns of something said or held that take a that-clause, beyond ``cues``'s proposition
# nouns ("rejected the notion that ...")
NOMINAL_CUES = _PROPOSITION_NOUNS | frozenset(
    """insistence assurance assurances promise promises pledge pledges vow vows assumption
    assumptions position finding findings conclusion conclusions suspicion suspicions
    expectation expectations denial denials admission admissions explanation message
    case proposition""".split())
# "in <holder's> view," frames the rest of the sentence as the holder's view or words
_VIEW_NOUNS = frozenset(("view", "opinion", "words", "estimation", "judgment", "judgement",
                         "assessment", "reckoning"))
_NOUNS = NOMINAL_CUES | _VIEW_NOUNS
# possessive pronouns naming the holder ("our", "my", "your" are the author's or the
# reader's own)
_POSSESSIVE_PRONOUNS = frozenset(("his", "her", "their", "its"))
# verbs that take the noun as their object in a relative clause ("the statement that she
# issued", "the promise that he has made"): no content clause
_OBJECT_VERBS = frozenset(
    """made make makes making gave give gives given issued issues released releases
    delivered delivers offered offers put sent sends wrote writes written posted posts
    published publishes heard hears read reads received receives repeated repeats cited
    cites mentioned mentions voiced voices raised raises expressed expresses dismissed
    rejected rejects denied kept keeps broke broken reached reaches pushed pushes pressed
    presses pursued pursues outlined laid laying lays""".split())
# what opens the object of such a verb in a content clause ("that he would make it ...")
_OBJECT_OPENERS = frozenset(
    """it them him her us me the a an this his their its our any no some every all
    sure clear""".split())
# words that may stand between the subject of a content clause and its verb
_BEFORE_VERB = frozenset(
    """has have had will would can could may might must should shall do does did not
    never also later just already once then still is are was were been be""".split())
# a noun between the possessive and the cue ("his repeated contention", "her fundamental
# argument"): lower-case words, no function words
_MODIFIER_STOPS = frozenset(
    """the a an and or of to in on for with by from at as that this these those""".split())
_POSSESSIVE_S = re.compile(r"['’]s$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_STOP = re.compile(r"[,;)—]")


def nominal_relations(d: TokenDoc, results: list[Extracted]) -> None:
    """Add (or set right) the relations of nominal cues with a named holder and a content
    clause (see the module)."""
    toks = d.toks
    n = len(toks)
    added = False
    for i in compress(range(n), map(_NOUNS.__contains__, d.tok_lows)):
        t = toks[i]
        if t.quote >= 0 or t.sent < 0:
            continue
        view = _view_phrase(d, i)
        if view is not None:
            added |= _put(d, results, *view)
            continue
        that = _clause_start(d, i)
        if that < 0:
            continue
        holder = _holder(d, i)
        if holder is None:
            continue
        content = _clause(d, that)
        if content is not None:
            added |= _put(d, results, (t.start, t.end), holder, [content])
    if added:
        results.sort(key=lambda r: (r.cue or (0, 0))[0])


def _put(d: TokenDoc, results: list[Extracted], cue: tuple[int, int],
         holder: tuple[tuple[int, int], bool], content: list[tuple[int, int]]) -> bool:
    """Record a nominal relation (cue, holder and whether it is a pronoun, content);
    whether a relation was added (a relation the tagger found on the same cue with a
    misread source is set right instead; one that already reports is left alone)."""
    old = next((r for r in results if r.cue is not None
                and r.cue[0] < cue[1] and cue[0] < r.cue[1]), None)
    if old is not None and (old.informational or old.stance or old.sentence_only):
        return False
    rec = old or Extracted(source=None, cue=None, content=[])
    src, pronoun = holder
    rec.source = src
    rec.source_text = d.text[src[0]:src[1]]
    rec.cue = cue
    rec.cue_text = d.text[cue[0]:cue[1]]
    rec.content = content
    rec.kind = "verb"
    rec.direct = False
    rec.weak = False
    rec.informational = not pronoun
    rec.stance = pronoun
    if old is None:
        results.append(rec)
    return old is None


def _view_phrase(d: TokenDoc, i: int) -> tuple[tuple[int, int], tuple[tuple[int, int], bool],
                                               list[tuple[int, int]]] | None:
    """A parenthetical "in <holder's> view" at the view noun ``i`` ("In their view, the
    levy ...", "The fix, in Professor Lee's view, would be ...", "in the mayor's words,"):
    (cue span, (holder span, pronoun), the rest of the sentence as content), or None.
    "in his estimation of the market" (no comma after it) is a topic, not a frame."""
    if d.tok_lows[i] not in _VIEW_NOUNS:
        return None
    toks = d.toks
    sent = toks[i].sent
    lo, hi = d.sent_tok[sent]
    if i + 1 >= hi or toks[i + 1].text not in (",", "—"):
        return None
    k = i - 1
    if k >= lo and toks[k].low == "own":
        k -= 1
    start = k
    while start > lo and toks[start - 1].low != "in" and k - start < 5:
        start -= 1
    if start <= lo or toks[start - 1].low != "in" or start > k:
        return None
    at = start - 1  # the "in"
    if at > lo and toks[at - 1].text not in (",", "—"):
        return None  # an adverbial inside a clause ("tears in their eyes")
    poss = toks[k]
    if start == k and poss.low in _POSSESSIVE_PRONOUNS:
        holder = ((poss.start, poss.end), True)
    elif _POSSESSIVE_S.search(poss.text) and len(poss.text) > 2:
        head = poss.low[:-2]
        words = [toks[m] for m in range(start, k + 1)]
        if not (is_cap(poss) or head in d.lex.people_words
                or head in d.lex.organisation_nouns) \
                or any(w.quote >= 0 or not (is_word(w) or w.text == ".") for w in words):
            return None
        holder = ((toks[start].start, poss.end - 2), False)
    else:
        return None
    text = d.text
    a, b = d.sents[sent]
    end = toks[i + 1].end
    content = [(x, y) for x, y in ((a, toks[at].start), (end, b))
               if text[x:y].strip(" ,.—\n")]
    if not content:
        return None
    content = [(x + len(text[x:y]) - len(text[x:y].lstrip(" ,—\n")),
                y - (len(text[x:y]) - len(text[x:y].rstrip(" ,.—\n")))) for x, y in content]
    return (toks[at].start, toks[i].end), holder, content


def _clause_start(d: TokenDoc, i: int) -> int:
    """The index of the "that" opening a content clause after the noun at token ``i``
    ("claim that ...", "argument is that ...", "complaints from Ana Ruiz that ...",
    "a demand, by Nancy Lee, that ..."), or -1."""
    toks = d.toks
    sent = toks[i].sent
    n = len(toks)
    j = i + 1
    if j < n and toks[j].low in ("is", "was") and toks[j].sent == sent:
        j += 1  # "Lee's argument is that ..."
    elif j + 1 < n and toks[j].low in ("from", "by") or (
            j + 2 < n and toks[j].text == "," and toks[j + 1].low in ("from", "by")):
        # a holder after the noun: a name, then "that"
        k = j + (toks[j].text == ",") + 1
        start = k
        while k < n and toks[k].sent == sent and (is_cap(toks[k]) or toks[k].text == "."):
            k += 1
        if k == start or k - start > 5:
            return -1
        if k < n and toks[k].text == ",":
            k += 1
        j = k
    if j + 2 >= n or toks[j].low != "that" or toks[j].sent != sent:
        return -1
    return j if _content_clause(d, j) else -1


def _content_clause(d: TokenDoc, j: int) -> bool:
    """Whether "that" at token ``j`` opens a content clause: a subject first (not a verb:
    "the claims that were filed"), then a verb that is not one taking the noun as its
    object ("the statement that she issued"), and four or more words."""
    toks = d.toks
    end = d.sents[toks[j].sent][1]
    stop = _CLAUSE_STOP.search(d.text, toks[j].end, end)
    words = [_POSSESSIVE_S.sub("", w.lower().replace("’", "'")) for w in
             _WORDS.findall(d.text, toks[j].end, stop.start() if stop else end)[:8]]
    if len(words) < 4:
        return False
    # (a contraction is one word: "he wouldn't make it")
    if not opens_subject(words[0]):
        return False
    # the subject's words, then any auxiliaries and adverbs, then the verb
    for k, w in enumerate(words[1:4], 1):
        if w in _BEFORE_VERB or w.endswith(("ly", "n't")):
            continue
        if w in _OBJECT_VERBS:
            # the verb's own object follows in a content clause ("that he would make it
            # out of Iowa"); in a relative clause the noun is its object ("the promise
            # that he made to voters", "the statement that she issued on Monday")
            return k + 1 < len(words) and words[k + 1] in _OBJECT_OPENERS
    return True


def _holder(d: TokenDoc, i: int) -> tuple[tuple[int, int], bool] | None:
    """The holder of the nominal cue at token ``i``: its character span and whether it is
    a possessive pronoun; None when no holder is named (or only the author's "our")."""
    toks = d.toks
    sent = toks[i].sent
    n = len(toks)
    # after the noun: "complaints from Ana Ruiz that", "a demand, by Nancy Lee, that"
    j = i + 1 + (i + 1 < n and toks[i + 1].text == ",")
    if j + 1 < n and toks[j].low in ("from", "by") and is_cap(toks[j + 1]) \
            and toks[j + 1].sent == sent:
        k = j + 1
        while k + 1 < n and toks[k + 1].sent == sent and (is_cap(toks[k + 1])
                                                          or toks[k + 1].text == "."):
            k += 1
        return (toks[j + 1].start, toks[k].end), False
    # before the noun, over up to two lower-case modifiers ("his repeated contention")
    k = i - 1
    for _ in range(2):
        if k >= 0 and toks[k].sent == sent and toks[k].text.isalpha() \
                and toks[k].text.islower() and toks[k].low not in _MODIFIER_STOPS \
                and toks[k].low not in _POSSESSIVE_PRONOUNS:
            k -= 1
    if k < 0 or toks[k].sent != sent:
        return None
    t = toks[k]
    if t.low in _POSSESSIVE_PRONOUNS:
        return (t.start, t.end), True
    if _POSSESSIVE_S.search(t.text) and len(t.text) > 2:
        end = t.end - 2  # the holder without its "'s"
        head = t.low[:-2]
    elif t.text in ("'", "’") and k >= 1 and toks[k - 1].sent == sent \
            and toks[k - 1].low.endswith("s") and is_word(toks[k - 1]):
        k -= 1  # "the unions’ complaint": a plural possessive
        t = toks[k]
        end = t.end
        head = t.low
    else:
        return None
    start = t.start
    if is_cap(t):
        # a name: its capitalised words ("Sen. Ann Lee's", "Exxon's")
        while k >= 1 and toks[k - 1].sent == sent and (is_cap(toks[k - 1])
                                                       or toks[k - 1].text == "."):
            k -= 1
            start = toks[k].start
        return (start, end), False
    lex = d.lex
    if not (head in lex.people_words or head in lex.organisation_nouns
            or head in lex.outlet_nouns or head.rstrip("s") in lex.people_words
            or head.rstrip("s") in lex.organisation_nouns):
        return None  # "the plan's premise": a thing holds no view
    # a determiner and modifiers before a common noun ("the health minister's")
    m = k
    while m >= 1 and toks[m - 1].sent == sent and toks[m - 1].text.isalpha() \
            and m > k - 3:
        m -= 1
        if toks[m].low in ("the", "a", "an"):
            start = toks[m].start
            break
        if toks[m].low in _MODIFIER_STOPS or not toks[m].text.islower():
            break
        start = toks[m].start
    return (start, end), False


def _clause(d: TokenDoc, that: int) -> tuple[int, int] | None:
    """The content clause from "that" at token ``that`` to its end: the sentence's end, a
    semicolon, a dash or a closing bracket."""
    toks = d.toks
    sent = toks[that].sent
    k = that + 1
    last = that
    while k < len(toks) and toks[k].sent == sent:
        if toks[k].text in (";", "—", ")"):
            break
        if is_word(toks[k]) or toks[k].text not in (".", "!", "?"):
            last = k
        k += 1
    if last == that:
        return None
    return toks[that].start, toks[last].end
