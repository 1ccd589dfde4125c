"""The content of a relation: what was said, thought or reported, as character spans.

Content lies right of the cue ("said that ..."), left of it ("..., X said"), or is a
whole quotation that runs on over sentences and paragraphs. ``skip_after_cue`` steps
over what may stand between a cue and its content (a recipient, a time or medium
adverbial, a nested "citing X").
"""

from __future__ import annotations

import bisect

from rules.attribution.doc import Extracted, TokenDoc, first_hit, positions
from rules.attribution.phrases import np_right
from rules.attribution.tokens import is_cap
from rules.attribution.words import DETERMINERS, QUOTE_TOKENS, SENT_FINAL, TIME_WORDS

_MEDIUM_NOUNS = frozenset(
    """statement interview tweet post letter memo email e-mail speech report release
    conference call appearance video message remarks testimony op-ed column blog
    briefing hearing podcast broadcast filing note""".split()
)


def _trim_content(d: TokenDoc, a: int, b: int) -> tuple[int, int] | None:
    """Trim token range [a, b] to a content char span (drop edge punctuation)."""
    toks = d.toks
    while a <= b and toks[a].text in (",", ":", ";", "—", "–", "-") :
        a += 1
    while b >= a and (toks[b].text in (",", ";", ":", "—", "–", "-", "(")
                      or (toks[b].text in SENT_FINAL and toks[b].quote < 0)):
        b -= 1
    if b < a:
        return None
    start, end = toks[a].start, toks[b].end
    # a content that begins inside a quotation that opened earlier starts at the quote
    q = toks[a].quote
    if q >= 0 and d.quotes[q][0] < start and toks[a].text not in ('“', '"', "''"):
        start = d.quotes[q][0]
    q = toks[b].quote
    if q >= 0 and d.quotes[q][1] > end and toks[b].text in QUOTE_TOKENS:
        end = d.quotes[q][1]
    return (start, end)


def _quote_extend_right(d: TokenDoc, a: int) -> int:
    """If token ``a`` opens a quotation, the char end of the whole quotation."""
    t = d.toks[a]
    if t.quote >= 0 and d.quotes[t.quote][0] == t.start:
        return d.quotes[t.quote][1]
    return -1


def _recipient_end(d: TokenDoc, np: tuple[int, int]) -> int:
    """Last token of the recipient that opens noun phrase ``np`` after "told": the noun
    phrase walker runs on into the reported clause ("told reporters he planned", "told
    POLITICO he would"), so the recipient ends before a pronoun or a new determiner, and a
    name at its last capitalised word ("the Valley Herald she ...")."""
    toks = d.toks
    lex = d.lex
    a, b = np
    if toks[a].low in lex.recipients or toks[a].low in lex.pronouns:
        return a  # "told reporters", "told him"
    k = a + 1 if toks[a].low in DETERMINERS else a
    named = is_cap(toks[k]) if k <= b else False
    last = a
    while k <= b:
        t = toks[k]
        if k > a and (t.low in lex.pronouns or t.low in DETERMINERS):
            break
        if is_cap(t) or t.text in ("’s", "'s", "&", "-", "."):
            last = k
        elif named and t.low not in ("of", "for", "and"):
            break  # "POLITICO he planned": the name ends at its last capital
        elif not named:
            last = k  # "the local paper"
        k += 1
    return last


def skip_after_cue(d: TokenDoc, k: int, s_end: int, cue_low: str, rec: Extracted) -> int:
    """Skip a recipient ("told reporters"), time/medium adverbials and "citing X"."""
    toks = d.toks
    lex = d.lex
    if cue_low in ("told", "tell", "tells", "telling", "asked", "informed", "assured", "urged",
                   "warned", "advised", "reminded", "briefed"):
        np = np_right(d, k, toks[k].sent if k < s_end else -1, s_end) if k < s_end else None
        if np and (toks[np[0]].low in lex.recipients or is_cap(toks[np[0]])
                   or toks[np[0]].low in DETERMINERS):
            if toks[np[0]].low not in ("that",):
                k = _recipient_end(d, np) + 1
    changed = True
    while changed and k < s_end:
        changed = False
        t = toks[k]
        if t.low in ("on", "in", "at", "during", "last", "this", "earlier", "late", "early") \
                and k + 1 < s_end:
            m = k + 1
            while m < s_end and m - k < 7 and toks[m].text not in (",", ":", '“', '"') \
                    and (toks[m].low in TIME_WORDS or toks[m].low in DETERMINERS
                         or toks[m].low in _MEDIUM_NOUNS or toks[m].text[:1].isdigit()
                         or toks[m].low in ("an", "a", "with", "to", "news", "press", "phone",
                                            "telephone", "written", "televised", "recent",
                                            "separate", "exclusive", "joint", "brief")
                         or (is_cap(toks[m]) and toks[m].low not in ("i",))):
                m += 1
            covered = [toks[x].low for x in range(k + 1, m)]
            if m > k + 1 and (any(c in TIME_WORDS or c in _MEDIUM_NOUNS for c in covered)):
                k = m
                changed = True
                continue
        if t.text == "," and k + 1 < s_end and toks[k + 1].low in ("citing", "quoting"):
            m = k + 2
            while m < s_end and toks[m].text != "," and m - k < 12:
                m += 1
            if m < s_end:
                rec.citing = (toks[k + 2].start, toks[m - 1].end) if m > k + 2 else None
                rec.citing_text = d.text[rec.citing[0] : rec.citing[1]] if rec.citing else ""
                k = m + 1
                changed = True
                continue
        if t.text == "," and k + 1 < s_end and toks[k + 1].low in TIME_WORDS:
            k += 1
            changed = True
    return k


def content_right(d: TokenDoc, k: int, s_end: int) -> list[tuple[int, int]]:
    """Content from token ``k`` to the sentence end, or the whole quotation opening at
    ``k`` when it runs past the sentence."""
    toks = d.toks
    while k < s_end and toks[k].text in (",", ":", "—", "–"):
        k += 1
    if k >= s_end:
        return []
    qend = _quote_extend_right(d, k)
    if qend > 0 and qend > toks[s_end - 1].end:
        return [(toks[k].start, qend)]
    span = _trim_content(d, k, own_clause_end(d, k, s_end) - 1)
    if span is None or span[1] - span[0] < 2:
        return []
    return [span]


# conjunctions that open a clause of its own after a comma ("..., and more rain was
# unlikely, officials say")
_CLAUSE_CONJUNCTIONS = frozenset(("and", "but", "while", "though", "although", "whereas",
                                  "yet"))


def own_clause_end(d: TokenDoc, k: int, s_end: int) -> int:
    """Where content that starts at token ``k`` ends: at ``s_end``, or before a clause
    opened by ", and" / ", but" / ", while" that reports on its own ("..., but officials
    said ...") or has its own source at the sentence end ("..., according to the board,
    and more rain was unlikely, officials say.").

    The scans to ``s_end`` go over positions found once per text and test each once per
    ``s_end`` (``first_hit``): many relations along one long sentence cost linear time."""
    toks = d.toks
    if toks[k].quote >= 0:
        return s_end  # a quotation runs on whole
    lows = d.tok_lows
    j = first_hit(d, "relative", _relative_marks(d), k, s_end - 2,
                  lambda j: _reports_on_its_own(d, j + 1, s_end, _EMBEDDED_VERBS))
    if j >= 0:
        return j  # "passed a plan that critics say will raise rents": theirs
    commas = comma_positions(d)
    c_lo, c_hi = bisect.bisect_left(commas, k), bisect.bisect_left(commas, s_end - 1)
    if c_lo == c_hi and lows[k] not in _CLAUSE_CONJUNCTIONS:
        return s_end
    if lows[k] in _CLAUSE_CONJUNCTIONS and _reports_on_its_own(d, k + 1, s_end):
        return k  # "..., records show, and experts say ...": nothing of the first report
    j = first_hit(d, "comma-report", commas, k, s_end - 1,
                  lambda j: _comma_opens_report(d, j, s_end))
    if j >= 0:
        return j  # "X said A, but officials said B": B is theirs; ", according to ..."
    last = s_end - 1
    while last > k and (d.tok_texts[last] in SENT_FINAL or d.tok_texts[last] in QUOTE_TOKENS):
        last -= 1
    # the last comma before ``last``, at most 8 tokens before it
    i = bisect.bisect_left(commas, min(last, s_end - 1), c_lo, c_hi) - 1
    comma = commas[i] if i >= c_lo and last - commas[i] < 9 else -1
    if comma <= k or toks[comma].quote >= 0:
        return s_end
    cue_forms = d.lex.cue_forms
    cues = [i for i in range(comma + 1, last + 1)
            if lows[i] in cue_forms and not is_cap(toks[i])]
    if not cues or not (cues[0] > comma + 1 or cues[0] < last):
        return s_end  # no ", X say" / ", says X" tail
    if lows[k] in _CLAUSE_CONJUNCTIONS and toks[k].quote < 0:
        return k
    conj = _conjunction_commas(d)
    i = bisect.bisect_right(conj, k)
    if i < len(conj) and conj[i] < comma - 1:
        return conj[i]
    if _reports_on_its_own(d, comma + 1, s_end):
        return comma  # "Residents want the toll scrapped, the mayor said": the tail's own
    return s_end


_COMMA = frozenset((",",))


def comma_positions(d: TokenDoc) -> list[int]:
    """The positions of the text's commas."""
    texts = d.tok_texts
    return positions(d, "comma", lambda j: texts[j] == ",", _COMMA)


def _relative_marks(d: TokenDoc) -> list[int]:
    """The positions of the relative pronouns that may open a clause of their own ("a plan
    that critics say ..."): lower case, outside quotations, after a word that is no cue."""
    toks, lows, cue_forms = d.toks, d.tok_lows, d.lex.cue_forms
    return positions(d, "relative", lambda j: (
        j > 0 and lows[j] in _RELATIVES and not is_cap(toks[j]) and toks[j].quote < 0
        and lows[j - 1] not in cue_forms and lows[j - 1].isalpha()), _RELATIVES)


def _conjunction_commas(d: TokenDoc) -> list[int]:
    """The positions of the commas before a conjunction outside quotations (", and")."""
    toks, texts, lows = d.toks, d.tok_texts, d.tok_lows
    n = len(toks)
    return positions(d, "comma-conjunction", lambda j: (
        texts[j] == "," and j + 1 < n and lows[j + 1] in _CLAUSE_CONJUNCTIONS
        and toks[j + 1].quote < 0), _COMMA)


def _comma_opens_report(d: TokenDoc, j: int, s_end: int) -> bool:
    """Whether the comma at ``j`` opens a report of its own before ``s_end``: ", but
    officials said ..." or ", according to ..."."""
    lows = d.tok_lows
    if j + 2 < s_end and lows[j + 1] in _CLAUSE_CONJUNCTIONS and d.toks[j + 1].quote < 0 \
            and _reports_on_its_own(d, j + 2, s_end):
        return True
    return j + 3 < s_end and lows[j + 1] == "according" and lows[j + 2] == "to"


_RELATIVES = frozenset(("that", "which", "who"))
# verbs of saying and believing that a relative clause embeds ("a plan that critics say
# will raise rents", "the man who police believe fired the shot")
_EMBEDDED_VERBS = frozenset("""say says said believe believes believed claim claims claimed
    argue argues argued contend contends allege alleges alleged estimate estimates estimated
    think thinks thought expect expects suspect suspects fear fears warn warns""".split())


def _reports_on_its_own(d: TokenDoc, a: int, s_end: int,
                        verbs: frozenset[str] | None = None) -> bool:
    """Whether a clause opening at token ``a`` is a report of its own: a subject noun
    phrase then a reporting verb ("officials said", "some families say", "he told")."""
    toks = d.toks
    if a >= s_end:
        return False
    np = np_right(d, a, toks[a].sent, s_end)
    if np is None or np[1] - np[0] > 8:
        return False
    v = np[1] + 1
    while v < s_end and toks[v].low in _AUX_BEFORE_CUE:
        v += 1
    return v < s_end and toks[v].low in (d.lex.cue_forms if verbs is None else verbs) \
        and not is_cap(toks[v]) and not toks[v].low.endswith("ing")


_AUX_BEFORE_CUE = frozenset(("have", "has", "had", "also", "later", "now", "still", "did",
                             "do", "does", "will", "would", "repeatedly"))


def free_start(d: TokenDoc, s_start: int, k: int) -> int:
    """The first token from ``s_start`` that no earlier relation took, after a conjunction
    that opens the free part ("[taken], and more rain was unlikely"): where content left
    of a cue at ``k`` starts."""
    toks = d.toks
    lo = s_start
    for i in range(k - 1, s_start - 1, -1):
        if d.used[i]:
            lo = i + 1
            break
    if lo == s_start:
        return s_start
    for i in range(lo, k):  # past an adverbial left of the conjunction ("said on Monday, and")
        if toks[i].low in _CLAUSE_CONJUNCTIONS and (i == lo or toks[i - 1].text == ","):
            return i + 1
    while lo < k and toks[lo].text == ",":
        lo += 1
    return lo


def content_left(d: TokenDoc, s_start: int, k: int) -> list[tuple[int, int]]:
    """Content ending at token ``k`` (inclusive), from the sentence or quotation start."""
    toks = d.toks
    if k < s_start:
        return []
    # if the token before the comma closes a quotation, take the whole quotation
    b = k
    while b >= s_start and toks[b].text in (",", "—", "–"):
        b -= 1
    if b < s_start:
        return []
    if toks[b].text in QUOTE_TOKENS and toks[b].quote >= 0:
        q = d.quotes[toks[b].quote]
        if q[1] == toks[b].end:
            return [q]
    q = toks[b].quote
    if q >= 0 and d.quotes[q][0] < toks[s_start].start:
        start = d.quotes[q][0]
        return [(start, toks[b].end)]
    span = _trim_content(d, s_start, b)
    return [span] if span else []

def nested(d: TokenDoc, s_start: int, k: int, rest_words: int) -> list[tuple[int, int]]:
    """Content of a speech tag ending the sentence after a comma at token ``k`` when an
    earlier relation took all of the clause before it: "Residents want the toll scrapped,
    the mayor said." (the clause holds a relation of its own, a wish or a fear, which the
    tag reports whole); nothing when words follow the tag or no comma precedes it."""
    if rest_words or k < s_start or d.toks[k].text != ",":
        return []
    return content_left(d, s_start, k)


def is_direct(d: TokenDoc, span: tuple[int, int]) -> bool:
    """Whether a quotation covers at least half of ``span`` (quotations are sorted and
    disjoint: only those from the one holding the span's start onwards can)."""
    quotes = d.quotes
    need = span[1] - span[0]
    for i in range(max(0, bisect.bisect_right(d.quote_starts, span[0]) - 1), len(quotes)):
        qs, qe = quotes[i]
        if qs >= span[1]:
            break
        if (min(qe, span[1]) - max(qs, span[0])) * 2 >= need:
            return True
    return False
