"""One attribution relation per cue: find its source noun phrase and its content.

For a cue spanning tokens ``ci..cj`` of one sentence:

- "according to X" (and "as reported by X", "in the words of X"): the source is right of
  the cue, the content left of it or after a comma;
- a headline colon ("Name: text"): the source is the capitalised phrase opening the
  sentence, the content the rest;
- a verb cue: the source is left of it ("X has also said"), inverted right of it
  ("..., said Ann Lee, a lawyer"), or, for ", saying ...", the clause subject; the
  content is right of the cue, left of ", X said", or both sides of a split quote.

Relations are univocal: a relation whose source tokens an earlier one took is dropped,
and a relation found marks its tokens as used.
"""

from __future__ import annotations

import bisect

from rules.attribution.content import (
    comma_positions,
    content_left,
    content_right,
    free_start,
    is_direct,
    nested,
    skip_after_cue,
)
from rules.attribution.doc import Extracted, TokenDoc, mark_used, positions
from rules.attribution.judged import judged_relation
from rules.attribution.phrases import np_left, np_right
from rules.attribution.tokens import count_words, is_cap, is_word
from rules.attribution.words import (
    AUX,
    BOUNDARY_WORDS,
    DETERMINERS,
    GROUP_QUANTIFIERS,
    POLL_NOUNS,
    QUOTE_TOKENS,
    SENT_FINAL,
)

_PARTICLES: dict[str, tuple[str, ...]] = {
    w: ("for", "on") for w in ("call", "calls", "called", "calling")
}
_PARTICLES.update({w: ("to",) for w in ("refer", "refers", "referred", "referring", "point",
                                          "points", "pointed", "pointing")})
_PARTICLES.update({w: ("about",) for w in ("talk", "talks", "talked", "talking", "spoke",
                                             "speak", "speaks", "speaking", "asked", "ask",
                                             "asks", "asking", "complained", "joked", "wrote",
                                             "writes", "write", "wonder", "wondered")})
_PARTICLES.update({w: ("of",) for w in ("warn", "warns", "warned", "warning")})
_TOLD_FORMS = frozenset(("told", "tell", "tells"))
_TELL = frozenset(("told", "tell", "tells", "telling", "explained", "wrote", "writes"))

Span = tuple[int, int]
# words that open an adverbial after a reporting verb, not its content
_CUE_TAIL_WORDS = frozenset(("at", "in", "on", "during", "a", "an", "the"))
_ADVERBIAL_PREPS = frozenset(("at", "in", "on", "during"))
_CLAUSE_MARKS = frozenset(("that", "is", "are", "was", "were", "has", "have", "had", "will",
                           "would", "could", "can", "may", "might", "should", "must"))
_ACCORDING = frozenset(("according",))
# what a cue kind finds: (source token range, content char spans, last cue token)
_Found = tuple[Span, list[Span], int]

# where a verb cue's source stands
_LEFT = "left"  # "X said"
_INVERTED = "inverted"  # "said X"
_PARTICIPIAL = "participial"  # "X ..., saying": the clause subject


def relation(d: TokenDoc, ci: int, cj: int, kind: str, head: int | None = None,
             fixed: bool = False) -> Extracted | None:
    """Source and content of the cue spanning tokens ``ci..cj``. ``fixed``: the cue span
    comes from the tagger and is kept as is (no auxiliaries or particles added)."""
    toks = d.toks
    sent = toks[ci].sent
    cue_low = toks[ci if head is None else head].low
    rec = Extracted(source=None, cue=(toks[ci].start, toks[cj].end), content=[],
                    kind=kind if kind in ("according", "colon") else "verb")
    if kind == "according":
        found = _according_relation(d, ci, cj, sent)
    elif kind == "colon":
        found = _colon_relation(d, ci, cj, sent)
    else:
        found = _verb_relation(d, ci, cj, sent, cue_low, rec, fixed)
    if found is None:
        return None
    src, content, cj = found
    content = [c for c in content if c[1] > c[0]]
    if not content:
        return None
    return _complete(d, rec, src, content, ci, cj)


def _complete(d: TokenDoc, rec: Extracted, src: Span, content: list[Span], ci: int,
              cj: int) -> Extracted | None:
    """Fill ``rec`` with its source and content and mark their tokens used; None when an
    earlier relation took a token of the source."""
    toks = d.toks
    a, b = src
    if any(d.used[k] for k in range(a, b + 1)):
        return None
    rec.source = (toks[a].start, toks[b].end)
    rec.source_text = d.text[rec.source[0] : rec.source[1]]
    rec.content = sorted(content)
    rec.cue_text = d.text[rec.cue[0] : rec.cue[1]] if rec.cue else ""
    rec.direct = any(is_direct(d, c) for c in rec.content)
    lo = d.sent_tok[d.sent_of(rec.content[0][0])][0]
    hi = d.sent_tok[d.sent_of(max(c[1] for c in rec.content) - 1)][1]
    lo = min(lo, a, ci)
    hi = max(hi, b + 1, cj + 1)
    mark_used(d, [*rec.content, rec.source, rec.cue], lo, hi)  # type: ignore[list-item]
    return rec


# "according to" of a manner, not of a source: "went according to plan", "according to
# tradition", "sorted according to size"
_MANNER_NOUNS = frozenset((
    "plan", "plans", "schedule", "script", "tradition", "custom", "legend", "expectations",
    "size", "age", "height", "weight", "need", "needs", "wishes", "taste", "season", "rank",
    "merit", "preference", "protocol",
))


def _manner(d: TokenDoc, j: int, s_hi: int) -> bool:
    """Whether the words from token ``j`` on (after "according to") name a manner: a manner
    noun (after at most a determiner) that ends its phrase."""
    lows = d.tok_lows
    if j < s_hi and lows[j] in DETERMINERS:
        j += 1
    return j < s_hi and lows[j] in _MANNER_NOUNS and (
        j + 1 >= s_hi or not lows[j + 1][:1].isalpha() or lows[j + 1] in _PHRASE_ENDS)


def manner_according(d: TokenDoc, sent: int) -> bool:
    """Whether sentence ``sent`` holds an "according to" of a manner ("went according to
    plan"): a cue word that reports nothing."""
    lows = d.tok_lows
    s_lo, s_hi = d.sent_tok[sent]
    return any(lows[k] == "according" and lows[k + 1] == "to" and _manner(d, k + 2, s_hi)
               for k in range(s_lo, s_hi - 1))


_PHRASE_ENDS = frozenset(("and", "or", "but", "before", "after", "in", "on", "at", "by", "for",
                          "with", "from", "to", "as", "when", "while", "until", "so"))


def _according_relation(d: TokenDoc, ci: int, cj: int, sent: int) -> _Found | None:
    """"According to X": the source right of the cue, the content before it or after a
    comma."""
    toks = d.toks
    s_lo, s_hi = d.sent_tok[sent]
    if _manner(d, cj + 1, s_hi):
        return None
    np = np_right(d, cj + 1, sent, s_hi)
    if not np:
        return None
    if toks[ci].low == "in":  # "in a Daily Post survey released Monday": up to the poll
        end = max((k for k in range(np[0], np[1] + 1) if toks[k].low in POLL_NOUNS),
                  default=np[1])
        np = (np[0], end)
    after = np[1] + 1
    before_end = ci - 1
    if after < s_hi and toks[after].text == "," and ci <= s_lo + 1:
        content = content_right(d, after, s_hi)
    elif before_end >= s_lo:
        content = content_left(d, _after_earlier_according(d, s_lo, ci, s_hi), before_end)
        # "X, according to Y, said Z" rare; also take the rest after a comma
        if after < s_hi and toks[after].text == "," and after + 1 < s_hi - 1:
            content += content_right(d, after, s_hi)
    else:
        content = content_right(d, after, s_hi)
    return np, content, cj


def _after_earlier_according(d: TokenDoc, s_lo: int, ci: int, s_hi: int) -> int:
    """Where the content left of an "according to" cue at ``ci`` starts: after the comma
    that closes an earlier "according to X," of the sentence ("Prices rose, according to
    analysts, and costs fell, according to officials": the officials' content is "and
    costs fell", not the analysts' report with it), else at the sentence start ``s_lo``."""
    lows = d.tok_lows
    marks = positions(d, "according-to", lambda k: lows[k] == "according"
                      and k + 1 < len(lows) and lows[k + 1] == "to", _ACCORDING)
    i = bisect.bisect_left(marks, ci) - 1
    if i < 0 or marks[i] < s_lo or _manner(d, marks[i] + 2, s_hi):
        return s_lo
    commas = comma_positions(d)
    j = bisect.bisect_left(commas, marks[i] + 2)
    return commas[j] + 1 if j < len(commas) and commas[j] < ci else s_lo


def _colon_relation(d: TokenDoc, ci: int, cj: int, sent: int) -> _Found | None:
    """"Name: text" (headline style; "X said:" is handled by the verb): the capitalised
    noun phrase opening the sentence, and the rest of it."""
    toks = d.toks
    s_lo, s_hi = d.sent_tok[sent]
    np = np_left(d, ci - 1, sent)
    if not np or np[0] != s_lo or toks[np[1]].low in d.lex.pronouns:
        return None
    if not any(is_cap(toks[k]) for k in range(np[0], np[1] + 1)):
        return None
    return np, content_right(d, ci + 1, s_hi), cj


def _verb_relation(d: TokenDoc, ci: int, cj: int, sent: int, cue_low: str, rec: Extracted,
                   fixed: bool) -> _Found | None:
    """A verb cue: its source on the left, inverted on the right, or participial, and the
    content that goes with where the source stands."""
    s_lo, s_hi = d.sent_tok[sent]
    np, cj = _verb_left_source(d, ci, cj, sent, cue_low, rec, fixed)
    if (judged := judged_relation(d, np, cj, sent, s_hi)) is not None:
        return judged  # "The plan was applauded by the unions as overdue"
    np, where = _verb_other_source(d, ci, cj, sent, cue_low, np)
    if np is None:
        return None
    if np[1] >= ci and where != _INVERTED:
        return None
    if where == _PARTICIPIAL:
        content = content_right(d, skip_after_cue(d, cj + 1, s_hi, cue_low, rec), s_hi)
    elif where == _INVERTED:
        np, content = _inverted_content(d, ci, np, s_lo, s_hi)
    else:
        content = _left_source_content(d, np, cj, s_lo, s_hi, cue_low, rec)
    return np, content, cj


def _verb_left_source(d: TokenDoc, ci: int, cj: int, sent: int, cue_low: str,
                      rec: Extracted, fixed: bool) -> tuple[Span | None, int]:
    """(the noun phrase left of a verb cue, last cue token). Unless ``fixed``, the cue
    takes the auxiliaries and adverbs before it ("has also said", "did not mention") and
    the particle after it ("called for")."""
    toks = d.toks
    s_lo, s_hi = d.sent_tok[sent]
    left_k = _left_of_auxiliaries(d, ci, s_lo)
    np = np_left(d, left_k, sent) if left_k >= s_lo \
        and toks[left_k].low not in ("all", "both", "each") else None  # "CNN all said"
    if np is None and left_k > s_lo:
        np = _np_before_floating(d, left_k, s_lo, sent) or _np_before_dashes(d, left_k, s_lo,
                                                                              sent)
    if np is not None and left_k < ci - 1 and not fixed:
        rec.cue = (toks[left_k + 1].start, toks[cj].end)
    if not fixed and cj + 1 < s_hi and toks[cj + 1].low in _PARTICLES.get(cue_low, ()):
        cj += 1
        rec.cue = (rec.cue[0], toks[cj].end)  # type: ignore[index]
    if np and toks[np[1]].low == "," and np[0] == np[1]:
        np = None
    if np is not None:
        np = _subject_before_medium(d, np, s_lo, sent)
    return _with_relative_clause(d, np, s_lo, sent), cj


# what a source speaks through in "Acme in a statement said", "the mayor in an interview
# with the Post said": the phrase names the medium, the subject before it the source
_MEDIUMS = frozenset("""statement statements interview letter post release note email e-mail
    memo filing tweet video speech op-ed message briefing call conference appearance
    broadcast podcast report submission""".split())


def _subject_before_medium(d: TokenDoc, np: Span, s_lo: int, sent: int) -> Span:
    """The subject before "in a statement (on its website)" when the walk left of the cue
    stopped inside that phrase ("St. Michael | in a statement on its website | said"), else
    ``np``."""
    toks = d.toks
    for m in range(np[1] - 2, max(s_lo, np[0] - 9), -1):
        if m < np[0] and not is_word(toks[m]) and toks[m].text not in ("’s", "'s"):
            return np
        if toks[m].low != "in" or toks[m + 1].low not in _MEDIUM_DETERMINERS:
            continue
        if m >= np[0] and (toks[m + 1].low not in ("a", "an")
                           or toks[m - 1].low.endswith("ed") or not is_word(toks[m - 1])):
            continue  # inside the phrase only "<subject> in an interview with ...", not
            # "Officials named in the report"
        noun = m + 2 if toks[m + 2].low in _MEDIUMS else m + 3
        if noun > np[1] + 3 or toks[noun].low not in _MEDIUMS:
            return np
        subject = np_left(d, m - 1, sent)
        if subject is not None and subject[1] == m - 1 and is_word(toks[m - 1]) \
                and (m < np[0] or subject[0] == np[0]):
            return subject
        return np
    return np


_MEDIUM_DETERMINERS = frozenset(("a", "an", "the", "its", "his", "her", "their", "our"))


def _with_relative_clause(d: TokenDoc, np: Span | None, s_lo: int, sent: int) -> Span | None:
    """The whole "people who have lost a job" when the phrase before the cue ends a relative
    clause on a noun for people ("lawmakers who are open to reform disagree"): the walk to
    the left stops at the clause's verb, which left only its tail ("open to reform")."""
    if np is None:
        return None
    toks = d.toks
    w = np[0] - 1
    while w > s_lo and np[0] - w < 8 and toks[w].low not in ("who", "that") \
            and is_word(toks[w]):
        w -= 1
    if w <= s_lo or toks[w].low not in ("who", "that"):
        return np
    before = toks[w - 1].low
    if before not in d.lex.people_words and before not in GROUP_QUANTIFIERS \
            and not (toks[w].low == "that" and before.endswith("s")
                     and before[:-1] in d.lex.organisation_nouns):
        return np  # ("groups that have backed the plan say": plural bodies take "that")
    head = np_left(d, w - 1, sent)
    if head is None and toks[w - 1].low in GROUP_QUANTIFIERS:
        head = (w - 1, w - 1)  # "Those who live near the airport say"
    return (head[0], np[1]) if head else np


# words floating between a subject and its verb ("Lee and Ruiz both said", "Officials there said")
_FLOATING = frozenset(("however", "both", "all", "each", "too", "though", "themselves", "himself",
                       "herself", "instead", "meanwhile", "therefore", "there", "here"))


def _np_before_floating(d: TokenDoc, k: int, s_lo: int, sent: int) -> Span | None:
    """The noun phrase before floating words ending at token ``k`` (None when there are
    none, or no noun phrase before them)."""
    toks = d.toks
    j = k
    if toks[j].text == "," and j - 2 >= s_lo and toks[j - 1].low in _FLOATING \
            and toks[j - 2].text == ",":
        j -= 3  # ", however,"
    else:
        while j >= s_lo and toks[j].low in _FLOATING:
            j -= 1
    if j == k or j < s_lo:
        return None
    return np_left(d, j, sent)


_DASHES = frozenset(("—", "–", "--"))


def _np_before_dashes(d: TokenDoc, k: int, s_lo: int, sent: int) -> Span | None:
    """The noun phrase before an aside between dashes that ends at token ``k`` ("Many
    speakers — including two bishops — said"): the phrase without its aside."""
    toks = d.toks
    if toks[k].text not in _DASHES:
        return None
    j = k - 1
    while j > s_lo and toks[j].text not in _DASHES and k - j < 40:
        j -= 1
    if j <= s_lo or toks[j].text not in _DASHES:
        return None
    head = np_left(d, j - 1, sent)
    if head is None or toks[head[0]].quote >= 0:
        return None
    return head


def _left_of_auxiliaries(d: TokenDoc, ci: int, s_lo: int) -> int:
    """The token before the auxiliaries and -ly adverbs right before the cue at ``ci``."""
    toks = d.toks
    left_k = ci - 1
    if left_k >= s_lo and _surname_not_adverb(d, left_k, s_lo):
        return left_k  # ", Long said", "Still said": a surname that is also an adverb
    while left_k >= s_lo and (toks[left_k].low in AUX or (
        toks[left_k].low.endswith("ly") and not is_cap(toks[left_k]) and left_k < ci
        and len(toks[left_k].low) > 4
    )):
        left_k -= 1
    return left_k


# adverbs in :data:`AUX` that are also surnames ("Long said", "Still said")
_SURNAME_ADVERBS = frozenset(("long", "still", "first", "last", "even", "now", "once"))


def _surname_not_adverb(d: TokenDoc, k: int, s_lo: int) -> bool:
    """Whether the capitalised token ``k`` right before a cue is a surname, not an adverb:
    a surname-like word of :data:`AUX` inside its sentence ("..., Long said"), or opening it
    when it is one of those words that never open a clause as adverbs ("Long said")."""
    t = d.toks[k]
    if t.low not in _SURNAME_ADVERBS or not t.text[:1].isupper() or t.text.isupper():
        return False
    return k > s_lo or t.low in ("long", "still")


def _verb_other_source(d: TokenDoc, ci: int, cj: int, sent: int, cue_low: str,
                       np: Span | None) -> tuple[Span | None, str]:
    """(source, where it stands): the inverted source right of the cue ("“...,” said
    Smith", "..., said the senator.") when there is none on the left (or only an
    appositive), else for ", saying ..." the clause subject, else ``np`` itself."""
    toks = d.toks
    s_lo, s_hi = d.sent_tok[sent]
    appositive = np is not None and toks[np[1]].text == "," and ci - 1 == np[1]
    if appositive and np is not None and toks[np[0]].quote < 0 and (
            np[0] == s_lo or toks[np[0] - 1].text in (",", "”", '"', "''")):
        # "The health secretary, Steve Barclay, confirmed ...", "..., the city engineer,
        # Ana Ruiz, said at a briefing": the subject, not an aside
        return np, _LEFT
    if np is None or (appositive and cue_low not in _TELL and not cue_low.endswith("ing")):
        if (ci - 1 >= s_lo and toks[ci - 1].text in (",", "”", '"', "''") or ci == s_lo) \
                and toks[cj].low not in _CUE_PARTICLES and not cue_low.endswith("ing") \
                and cue_low not in _TOLD_FORMS:
            # (after "told" stands who was told: "..., told reporters" has no inverted source)
            r = np_right(d, cj + 1, sent, s_hi)
            if r and (np is None or r[1] + 1 >= s_hi - 1 or toks[r[1] + 1].text == ",") \
                    and not _opens_clause(d, r, s_hi) and not _named_as(d, cue_low, r, s_hi):
                return r, _INVERTED
    if np is None and not cue_low.endswith("ing"):
        k = _left_of_auxiliaries(d, ci, s_lo)
        if k > s_lo and toks[k].low in ("and", "but"):
            # "Ali converted ... and refused to fight": the clause subject
            subj = _clause_subject(d, s_lo, k, sent)
            if subj is not None:
                return subj, _PARTICIPIAL
    if np is None and cue_low.endswith("ing") and ci - 1 >= s_lo \
            and toks[ci - 1].text == ",":
        # ", saying ..." -> the clause subject ("The mayor spoke ..., telling": the mayor)
        subj = _clause_subject(d, s_lo, ci, sent) or _last_clause_subject(d, s_lo, ci, sent) \
            or np_right(d, s_lo, sent, ci)
        if subj and toks[subj[0]].quote < 0:
            return subj, _PARTICIPIAL
    return np, _LEFT


# a cue that ends in its particle ("asked about", "called for") has its object after it,
# never an inverted source (nor has a participle: ", claiming X" / ", citing X" / ", telling
# the crowd" report the clause subject's words, or nest a mention in the relation before)
_CUE_PARTICLES = frozenset(("about", "for", "on", "to", "of", "with"))


# naming verbs take an object and its name ("called the law 'much better'"), no inverted source
_NAMING_VERBS = frozenset(("called", "call", "calls", "described", "describes", "describe",
                           "labelled", "labeled", "dubbed", "branded", "termed"))


def _named_as(d: TokenDoc, cue_low: str, r: Span, s_hi: int) -> bool:
    """Whether a verb of naming takes ``r`` as its object and a quoted name or verdict
    after it ("called the new law “much better”"): no inverted source."""
    nxt = r[1] + 1
    return cue_low in _NAMING_VERBS and nxt < s_hi and d.toks[nxt].text in QUOTE_TOKENS


def _opens_clause(d: TokenDoc, r: Span, s_hi: int) -> bool:
    """Whether the noun phrase ``r`` right of a cue is the subject of the reported clause
    ("said the bill was dead"), not an inverted source ("said the mayor")."""
    nxt = r[1] + 1
    return nxt < s_hi and d.toks[nxt].low in _CLAUSE_MARKS


def _last_clause_subject(d: TokenDoc, s_lo: int, ci: int, sent: int) -> Span | None:
    """The subject of the last clause before a participle at ``ci`` that a coordinating
    ", and" / ", but" opens ("..., and she became upset, shouting ...": she)."""
    toks = d.toks
    for k in range(ci - 2, s_lo + 1, -1):
        if toks[k].low in ("and", "but") and toks[k - 1].text in (",", ";"):
            return _clause_subject(d, k + 1, ci, sent)
    return None


def _clause_subject(d: TokenDoc, s_lo: int, stop: int, sent: int) -> Span | None:
    """The subject opening the sentence (after an opening adverbial up to a comma: "By
    noon, Mr. Lee ..."), when a noun phrase with a capital, determiner or pronoun."""
    toks = d.toks
    start = s_lo
    if toks[s_lo].low in BOUNDARY_WORDS and toks[s_lo].low not in DETERMINERS:
        comma = next((k for k in range(s_lo, stop) if toks[k].text == ","), -1)
        if comma < 0:
            return None
        start = comma + 1
    subj = np_right(d, start, sent, stop)
    if subj is None or toks[subj[0]].quote >= 0:
        return None
    # the noun phrase walker knows no verbs ("The company cut 300 jobs"): keep the names,
    # determiners and nouns of the lexicon, up to the first other word
    lex = d.lex
    last = -1
    for k in range(subj[0], subj[1] + 1):
        t = toks[k]
        if t.low in DETERMINERS:
            continue
        if t.low in lex.pronouns or is_cap(t) or t.low in lex.role_nouns \
                or t.low in lex.anonymous_heads or t.low in lex.organisation_nouns \
                or t.low in lex.outlet_nouns or t.low in lex.document_nouns:
            last = k
        elif t.text not in ("’s", "'s", ".", "-", "&"):
            break
    if last < 0 or last + 1 >= stop:
        return None
    after = toks[last + 1]
    low = toks[last].low
    lexicon_head = low in lex.pronouns or low in lex.people_words or low in lex.organisation_nouns \
        or low in lex.outlet_nouns or low in lex.document_nouns \
        or (toks[subj[0]].low not in DETERMINERS and after.low[:1].isalpha()
            and all(is_cap(toks[k]) for k in range(subj[0], last + 1)))
    # (a bare name: "Ana Ruiz won the primary, saying ...")
    # ("The company cut 300 jobs and warned ...": a lexicon noun heads its phrase)
    if last < subj[1] and not lexicon_head \
            and not (after.low in AUX or after.low.endswith(("ed", "s"))):
        return None  # cut before a word that may be the head noun ("the South African variant")
    if any(toks[k].text == "," for k in range(last + 1, stop - 1)):
        return None  # an aside between subject and conjunction ("X, found in May and ...")
    return (subj[0], last)


def _inverted_content(d: TokenDoc, ci: int, np: Span, s_lo: int, s_hi: int
                      ) -> tuple[Span, list[Span]]:
    """(source, content) of an inverted cue: the source takes an appositive after it
    ("said Ann Lee, a lawyer for the firm."); the content is left of the cue, plus a
    split continuation after a comma."""
    toks = d.toks
    after = np[1] + 1
    if after + 1 < s_hi and toks[after].text == ",":
        np, after = _inverted_appositive(d, np, after, s_hi)
    content = content_left(d, free_start(d, s_lo, ci - 1), ci - 1)
    if after < s_hi and toks[after].text == "," and after + 1 < s_hi:
        content += content_right(d, after, s_hi)
    return np, content


def _inverted_appositive(d: TokenDoc, np: Span, after: int, s_hi: int) -> tuple[Span, int]:
    """(source, token after it): the inverted source ``np`` with the appositive that
    follows its comma at ``after``, when the appositive ends the sentence or a clause."""
    toks = d.toks
    m = after + 1
    if toks[m].low in _CLAUSE_MARKS:
        return np, after  # "The bridge, said the minister, would open": the clause goes on
    while m < s_hi and toks[m].text not in (",", ";", "“", '"', "''") \
            and toks[m].low not in d.lex.cue_forms and m - after < 25:
        m += 1
    if m > after + 1 and (m >= s_hi - 1 or toks[m].text == ","):
        last = m - 1
        while last > after and toks[last].text in SENT_FINAL:
            last -= 1
        return (np[0], last), m
    return np, after


def _left_source_content(d: TokenDoc, np: Span, cj: int, s_lo: int, s_hi: int,
                         cue_low: str, rec: Extracted) -> list[Span]:
    """Content of "X said ...": right of the cue, or left of the source after a quotation
    or comma ("“...,” X said"), or the quotation ending the previous sentence ("He said.")."""
    toks = d.toks
    after = skip_after_cue(d, cj + 1, s_hi, cue_low, rec)
    rest_words = count_words(toks, after, s_hi, 2)  # 0, 1 or "2 or more"
    k0 = np[0] - 1
    left_has = k0 >= s_lo and toks[k0].text in (",", "”", '"', "''", "—", "–")
    left_quote = left_has and (
        toks[k0].text in ("”", '"', "''")
        or (k0 - 1 >= s_lo and toks[k0 - 1].text in ("”", '"', "''"))
    )
    starts_comma = after < s_hi and toks[after].text == ","
    # "..., Ana Ruiz, said at a press conference.": an adverbial, not content
    adverbial = after < s_hi and (toks[cj].low in _CUE_TAIL_WORDS or (
        toks[after].low in _ADVERBIAL_PREPS and not _any_at(_clause_marks(d), after, s_hi)))
    if left_has and (left_quote or starts_comma or rest_words < 2 or adverbial):
        content = content_left(d, free_start(d, s_lo, k0), k0) or nested(d, s_lo, k0, rest_words)
        if starts_comma and rest_words >= 2:
            content += content_right(d, after, s_hi)
        return content
    if rest_words >= 1:
        if k0 >= s_lo and toks[k0].low in ("which", "who", "that") and not left_has:
            # "The mill, which officials say employs 300 people, will close": the aside
            commas = comma_positions(d)
            i = bisect.bisect_left(commas, after + 1)
            end = commas[i] if i < len(commas) and commas[i] < s_hi else s_hi
            return content_right(d, after, end)
        return content_right(d, after, s_hi)
    if s_lo > 0 and toks[s_lo - 1].quote >= 0:
        # "He said." after a quotation that ended the previous sentence
        return [d.quotes[toks[s_lo - 1].quote]]
    return []


def _clause_marks(d: TokenDoc) -> list[int]:
    """The positions of the words that mark a clause (a verb, "that")."""
    return positions(d, "clause-mark", lambda k: True, _CLAUSE_MARKS)


def _any_at(found: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted positions ``found`` lies in ``[lo, hi)``."""
    i = bisect.bisect_left(found, lo)
    return i < len(found) and found[i] < hi


def sourceless(d: TokenDoc, ci: int, cj: int, head: int) -> Extracted | None:
    """An agentless passive cue ("is accused of"): a relation without source whose content
    is the rest of the clause. (Used for every tagged cue without a source found, this
    lowered attribution precision more than it raised recall on held-out train.)"""
    toks = d.toks
    sent = toks[ci].sent
    s_lo, s_hi = d.sent_tok[sent]
    rec = Extracted(source=None, cue=(toks[ci].start, toks[cj].end), content=[])
    after = skip_after_cue(d, cj + 1, s_hi, toks[head].low, rec)
    if count_words(toks, after, s_hi, 2) < 2:
        return None
    content = content_right(d, after, s_hi)
    if not content:
        return None
    rec.content = content
    rec.cue_text = d.text[rec.cue[0] : rec.cue[1]]  # type: ignore[index]
    rec.direct = any(is_direct(d, c) for c in content)
    hi = d.sent_tok[d.sent_of(max(c[1] for c in content) - 1)][1]
    mark_used(d, [*content, rec.cue], ci, max(hi, cj + 1))  # type: ignore[list-item]
    return rec
