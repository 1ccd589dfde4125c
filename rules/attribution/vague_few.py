"""Unnamed sources that no source span holds: an unnamed few as the sayer, an unnamed group
as a passive's agent, an unnamed group naming or judging in a relative clause.

- **an unnamed few** (:func:`unnamed_few`): "some saw it as", "many would likely point
  out", "others have long argued", "some of them fear", "led some to speculate"; not a
  noun after the quantifier ("some views on", "causing some worry at"), nor "Ana Ruiz and
  others" (one of them is named);
- **a passive's unnamed agent**: "was seen by some as", "criticised by local economists",
  "known by some Republicans as"; not a named agent ("by the council");
- **relative naming**: "what investigators called", "the level that economists consider
  fair"; not "called her" (phoned);
- **"there are those who"**: "there are those who believe", "there are some economists
  who think".

Each pattern is tried only where its key word starts (``str.find`` over the lower case),
and spans inside quotations are skipped. ATT001 reports these spans
(``rules/attribution/findings.py``) beside the scans of ``vague.py``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from checker.core.regexlit import lazy_compile
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague import _NAMED_AFTER
from rules.attribution.vague_groups import _CONCERN_AFTER, _CONCERN_VERBS
from rules.attribution.vague_words import GROUP_WORD, _group_heads, _lowered, _quoted
from rules.attribution.words import BOUNDARY_WORDS

Span = tuple[int, int]


# reporting, belief and naming verbs (their forms) that an unnamed "some", "many" or
# "others" can hold, and that a passive agent "by some" can follow
_OPINION_VERBS = (
    "say|says|said|saying|argue|argues|argued|believe|believes|believed|think|thinks|thought"
    "|fear|fears|feared|worry|worries|worried|see|sees|saw|view|views|viewed|regard|regards"
    "|regarded|call|calls|called|describe|describes|described|claim|claims|claimed|suggest"
    "|suggests|suggested|contend|contends|contended|insist|insists|insisted|warn|warns|warned"
    "|predict|predicts|predicted|doubt|doubts|doubted|question|questions|questioned|wonder"
    "|wonders|wondered|speculate|speculates|speculated|criticize|criticizes|criticized"
    r"|criticise|criticises|criticised|complain|complains|complained|point\s+out|points\s+out"
    r"|pointed\s+out|note|notes|noted|accuse|accuses|accused|blame|blames|blamed|charge"
    "|charges|charged|allege|alleges|alleged|consider|considers|considered|suspect|suspects"
    "|suspected|maintain|maintains|maintained|dismiss|dismisses|dismissed|deride|derides"
    "|derided|dub|dubs|dubbed|label|labels|labeled|labelled|brand|brands|branded|hail|hails"
    "|hailed|praise|praises|praised|deem|deems|deemed|expect|expects|expected|assume"
    "|assumes|assumed|raised|voiced|expressed")
_ADVERBS = (r"(?:(?:also|long|still|now|even|privately|publicly|likely|erroneously|already"
            r"|often|openly|quietly|wrongly|rightly|widely|derisively|increasingly|repeatedly"
            r"|would\s+likely|have\s+long)\s+)*")
_OPINION_FORMS = _OPINION_VERBS.split("|")
# the forms a plural subject takes (no "says", "calls", "views": after "some" or "many"
# such a form is a noun, "some views on", "few calls for")
_PLURAL_FORMS = "|".join(
    v for v in _OPINION_FORMS
    if not (v.endswith("s") and (v[:-1] in _OPINION_FORMS or v[:-2] in _OPINION_FORMS
                                 or v[:-3] + "y" in _OPINION_FORMS))
    and not v.startswith(r"points"))
# verbs that are nouns too ("causing some worry", "with some fear"): after an unnamed
# few only when an object or a clause follows ("some fear that", "what some call the")
_NOUN_TOO = frozenset(("worry", "fear", "doubt", "question", "call", "view", "note", "claim",
                       "charge", "label", "brand", "hail", "praise", "blame", "dub"))
_OBJECT_NEXT = lazy_compile(
    r"\s+(?:that|it|him|her|them|this|these|those|the|a|an|he|she|they|his|their|its"
    r"|whether|if|[A-Z])\b")
# "some say", "many would likely point out", "others have long argued", "some of them
# fear" (an unnamed few as the sayer); in lower case, matched where the quantifier starts
_FEW_AT = lazy_compile(
    r"(?P<src>(?:some|many|others|few)(?:\s+of\s+(?:them|those|us|these"
    r"|the\s+[a-z]+))?)\s+(?:(?:have|had|would|will|may|might|could|are|were"
    r"|do|did|must)\s+)?" + _ADVERBS + r"(?:been\s+)?(?P<verb>" + _PLURAL_FORMS + r")\b"
)
# "led some to speculate", "leaving many to wonder": matched where the quantifier starts,
# the causing verb read before it
_CAUSED_AT = lazy_compile(
    r"(?P<src>some|many|others)\s+to\s+(?P<verb>" + _PLURAL_FORMS + r")\b")
_CAUSE_BEFORE = lazy_compile(
    r"\b(?:led|leading|leads|lead|leave|leaves|leaving|left|caused|causing|causes|prompted"
    r"|prompting|prompts|encouraged|forcing|forced)\s+$")
# "caused residents to fear", "leading some allies to worry": a plural group noun made to
# believe or say; in lower case, matched where the causing verb starts
_CAUSED_GROUP_AT = lazy_compile(
    r"(?:led|leading|leads|lead|leave|leaves|leaving|left|caused|causing|causes|cause"
    r"|prompted|prompting|prompts|prompt)\s+(?P<src>(?:(?:some|many|several|other|most)\s+)?"
    r"(?:[a-z][\w'’-]*\s+){0,2}?(?P<head>[a-z]+s))\s+to\s+(?:" + _PLURAL_FORMS + r")\b")
# the causing verbs, read back from a plural noun before " to " (the scan's key)
_CAUSE_BACK = lazy_compile(r"\b(?:led|leading|leads|lead|leave|leaves|leaving|left|caused"
                           r"|causing|causes|cause|prompted|prompting|prompts|prompt)\s")
# "(is) seen by some as", "was criticized by libertarians", "known by some Republicans
# as": an unnamed group as the agent of a passive reporting or opinion verb; in lower case,
# matched where "by" starts, the verb read before it
_BY_AT = lazy_compile(
    r"by\s+(?P<src>(?:some|many|others|few)\b(?!\s+of\b)|(?:(?:some|many|several|other"
    r"|a\s+few|various|numerous|a\s+number\s+of|multiple|a\s+handful\s+of)\s+)?"
    r"(?:[a-z][\w'’-]*\s+){0,2}?(?P<head>[a-z]+s)\b)"
)
# the verbs a passive's unnamed agent can follow ("seen by some"), and the adverbs between
_PASSIVE_FORMS = frozenset(_OPINION_FORMS) | frozenset((
    "known", "seen", "declared", "disputed", "challenged", "cited", "quoted", "rejected",
    "condemned", "denounced", "mocked", "ridiculed", "critiqued", "panned", "slammed",
    "blasted", "hailed"))
_ADVERB_WORDS = frozenset(re.findall(r"[a-z]+", _ADVERBS)) - {"would", "have", "s"}
# "what officials called a hate crime", "a bill that critics called unfair", "the limit
# that economists generally consider safe": an unnamed group naming or judging; lower case
_GROUP_CALLS = lazy_compile(
    r"(?:what|which|that)\s+(?P<src>(?:(?:some|many|several|other|most)\s+)?"
    r"(?:[a-z][\w'’-]*\s+)?(?P<head>[a-z]+s))\s+(?:(?:have|had|would|might|may)\s+)?"
    r"(?:(?:long|often|also|generally|widely|once|now|still|privately|derisively)\s+)?"
    r"(?:call|called|describe|described|dub|dubbed|label|labeled|labelled|term|termed"
    r"|consider|considered|deem|deemed|regard\s+as|regarded\s+as|see\s+as|saw\s+as)\b"
    r"(?!\s+(?:her|him|them|me|us|you|for|on|off|up|back|in|out)\b)"  # "called her": phoned
)
# "there are those who believe", "there are some economists who think": in lower case,
# matched where "there" starts
_THERE_ARE_AT = lazy_compile(
    r"there\s+(?:are|were|have\s+been)\s+(?P<src>(?:(?:some|many|several|plenty\s+of|a\s+few"
    r"|those|others|people)\b)(?:\s+[a-z][\w'’-]*){0,3}?)\s+who\s+(?:(?:also|still|now"
    r"|even|privately|publicly)\s+)?(?P<verb>" + _PLURAL_FORMS + r")\b"
)
# verbs of seeing, which report a view only with an "as" ("some saw it as a tax", "seen by
# many as") or a that-clause, not with a thing seen ("many saw the parade", "seen by many
# in its first week", "some saw the comet as it passed")
_SEEING = frozenset(("see", "saw", "seen", "view", "viewed"))
_VIEW_FOLLOWS = lazy_compile(
    r"\s+that\b|(?:\s+[\w'’-]+){0,6}?\s+as\s+(?!(?:it|he|she|they|we|i|you|soon|well|long"
    r"|far|though|if|usual|always|expected|planned|scheduled)\b)[\w“\"‘']")
# "call" names or judges only with what it calls something ("some called it a tax", "many
# called him “reckless”"), a demand ("others called for a recount") or in a relative
# clause ("what some call a tax"); not phoning or an idiom ("some called the hotline",
# "many called him back", "others called it a night", "some called in sick")
_CALLING = frozenset(("call", "called"))
_CALL_JUDGED = lazy_compile(
    r"\s+(?:for\b|[“\"‘']|(?:it|them|him|her|this|these|those)\s+(?!(?:a\s+(?:day|night)\b"
    r"|quits\b|on\b|back\b|to\b|at\b|in\b|after\b|before\b|last\b|and\b|or\b|for\b|up\b"
    r"|out\b|off\b|about\b|with\b|from\b|by\b|when\b|while\b|every\b|each\b|twice\b"
    r"|again\b|today\b|yesterday\b|later\b|[.,;!?]))[\w“\"‘'])")
_FEW_KEYS = ("some ", "many ", "others ", "few ")
_NOT_BEFORE_FEW = frozenset(("and", "or", "the", "how", "too"))


def unnamed_few(text: str, sentences: Iterable[Span], lex: Lexicon) -> list[Span]:
    """Spans of an unnamed "some", "many" or "others" reporting or believing ("some saw
    it as", "many would likely point out", "led some to speculate"), of an unnamed group
    as the agent of a passive ("was seen by some as", "criticized by libertarians") and of
    one naming or judging in a relative clause ("what investigators called"), outside
    quotations; never after "and"/"or" ("Ann Lee and others said": one is named).

    Each pattern is tried only where its key word starts (``str.find`` over the lower
    case), not over whole sentences."""
    heads = _group_heads(lex)
    low = _lowered(text)

    def few(off: int) -> Span | None:
        before = low[max(0, off - 16):off]
        m = _FEW_AT.match(low, off)
        if m is not None:
            return m.span() if _few_reports(text, low, m, before.split()) else None
        m = _CAUSED_AT.match(low, off)
        if m is not None:
            cause = _CAUSE_BEFORE.search(before)
            if cause is not None:
                return off - len(before) + cause.start(), m.end()
        return None

    def by(off: int) -> Span | None:
        words = low[max(0, off - 60):off].split()
        while words and words[-1] in _ADVERB_WORDS:
            words.pop()
        if not words or words[-1] not in _PASSIVE_FORMS:
            return None
        m = _BY_AT.match(low, off + 1)
        if m is None or not _unnamed_agent(text, m, heads, lex):
            return None
        if words[-1] in _SEEING and not _VIEW_FOLLOWS.match(low, m.end(), m.end() + 80):
            return None  # "seen by many in its first week": seen, not judged
        return low.rfind(words[-1], 0, off), m.end()

    def caused(off: int) -> Span | None:
        # keyed on " to ": a plural noun before it, a causing verb a few words before that
        if low[off - 1:off] != "s":
            return None
        for c in _CAUSE_BACK.finditer(low, max(0, off - 70), off):
            m = _CAUSED_GROUP_AT.match(low, c.start())
            if m is not None and m.end("head") == off:
                return m.span() if _unnamed_agent(text, m, heads, lex) else None
        return None

    def calls(off: int) -> Span | None:
        m = _GROUP_CALLS.match(low, off)
        return m.span() if m is not None and _unnamed_agent(text, m, heads, lex) else None

    sents = list(sentences)
    st = [a for a, _ in sents]
    out = _matches_at(text, low, sents, _FEW_KEYS, few, st)
    out += _matches_at(text, low, sents, (" by ",), by, st)
    out += _matches_at(text, low, sents, (" to ",), caused, st)
    out += _matches_at(text, low, sents, ("what ", "which ", "that "), calls, st)
    out += _matches_at(text, low, sents, ("who ",),
                       lambda off: _who_says(text, low, off, heads, lex), st)
    out += _matches_at(text, low, sents, ("there ",), lambda off: _there_are(text, low, off,
                                                                            heads, lex))
    return sorted(out)


# quantifiers before "others": "and several others", "and many others"
_QUANTIFIERS_BEFORE = frozenset(("several", "many", "some", "few", "numerous", "various"))


def _few_reports(text: str, low: str, m: re.Match[str], words: list[str]) -> bool:
    """Whether a :data:`_FEW_AT` match reports a view (``words``: the words before it):
    not after "and"/"or", nor a noun ("causing some worry at"), a thing seen ("many saw
    the parade"), a raised hand ("many raised their hands") or a phone call ("some called
    the hotline")."""
    verb = m.group("verb")
    if words and words[-1] in _QUANTIFIERS_BEFORE:
        words = words[:-1]  # "Ann Lee and several | others said"
    if words and words[-1] in _NOT_BEFORE_FEW:
        return False
    if verb in _NOUN_TOO and not _OBJECT_NEXT.match(text, m.end()):
        return False
    if verb in _SEEING and not _VIEW_FOLLOWS.match(low, m.end(), m.end() + 80):
        return False
    if verb in _CONCERN_VERBS and not _CONCERN_AFTER.match(low, m.end()):
        return False
    return not (verb in _CALLING and not _CALL_JUDGED.match(low, m.end())
                and not (words and words[-1] in ("what", "which", "that")))


# "various groups who claim", "legal experts, who worry that": an unnamed group as the
# sayer of its relative clause; in lower case, matched where "who" starts, the group read
# before it
_WHO_SAYS = lazy_compile(
    r"who\s+(?:(?:have|had|also|long|still|now|often|publicly|privately)\s+){0,2}"
    r"(?:say|said|claim|claimed|argue|argued|believe|believed|warn|warned|contend|contended"
    r"|insist|insisted|fear|feared|worry|worried|maintain|maintained|allege|alleged"
    r"|predict|predicted|suspect|suspected|suggest|suggested|speculate|speculated"
    r"|note|noted|point\s+out|pointed\s+out)\b")
_GROUP_BEFORE_WHO = lazy_compile(
    r"(?:^|[\s(])(?P<src>(?:(?:some|many|several|other|various|numerous|most|a\s+few)\s+)?"
    r"(?:[a-z][\w'’-]*\s+){0,2}?(?P<head>[a-z]+s))\s*,?\s*$")


def _who_says(text: str, low: str, off: int, heads: frozenset[str], lex: Lexicon
              ) -> Span | None:
    """"various groups who claim it", "experts, who warn that": the group before a
    relative "who" and its reporting verb, unnamed (a plural group noun, nothing
    capitalised, no determiner that refers back)."""
    m = _WHO_SAYS.match(low, off)
    if m is None:
        return None
    g = _GROUP_BEFORE_WHO.search(low, max(0, off - 50), off)
    if g is None or g.group("head") not in heads or not _unnamed_agent(text, g, heads, lex):
        return None
    start = g.start("src")
    for w in low[start:g.start("head")].split():
        if w in ("and", "or", "nor"):
            return None  # "Ana Ruiz and other tenants who say": one of them is named
        if w in BOUNDARY_WORDS or w in lex.cue_forms or w.endswith("ed"):
            start = low.index(w, start) + len(w)  # "from | various groups", "alarmed | experts"
    while start < off and low[start].isspace():
        start += 1
    return start, m.end()


def _there_are(text: str, low: str, off: int, heads: frozenset[str], lex: Lexicon
               ) -> Span | None:
    """"There are those who believe", "there are some economists who think": the unnamed
    people the sentence introduces, and their verb; the group, if named, is a plural group
    noun with nothing capitalised."""
    m = _THERE_ARE_AT.match(low, off)
    if m is None:
        return None
    words = text[m.start("src"):m.end("src")].split()
    last = words[-1].lower()
    if len(words) > 1 and last not in ("people", "others", "those") and last not in heads:
        return None
    if any(w[:1].isupper() for w in words) or any(w.lower() in lex.pronouns for w in words[1:]):
        return None
    return m.start("src"), m.end("verb")


def _matches_at(text: str, low: str, sents: list[Span], keys: tuple[str, ...],
                match: Callable[[int], Span | None], starts: list[int] | None = None
                ) -> list[Span]:
    """The spans ``match`` finds at the offsets of ``keys`` in ``low`` (each a word start,
    or, for a key opening with a space, that space), inside one sentence of ``sents`` and
    outside quotations (``starts``: the sentences' starts, if the caller has them)."""
    if starts is None:
        starts = [a for a, _ in sents]
    out: list[Span] = []
    for k in keys:
        i = low.find(k)
        while i >= 0:
            if k[0] == " " or i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "'’-_"):
                span = match(i)
                if span is not None:
                    j = bisect.bisect_right(starts, span[0]) - 1
                    if j >= 0 and span[1] <= sents[j][1] \
                            and not _quoted(text, span[0], sents[j][0]):
                        out.append(span)
            i = low.find(k, i + 1)
    return out


def _unnamed_agent(text: str, m: re.Match[str], heads: frozenset[str], lex: Lexicon) -> bool:
    """Whether the passive agent of a :data:`_BY_AT` match (or the sayer of a
    :data:`_GROUP_CALLS` one) names no one: "some",
    "many", "others", or a plural group noun ("critics", "some Republicans") with nothing
    capitalised but a group word and no name after it ("by officials at Acme")."""
    head = m.group("head")
    if head is None:
        return True  # "by some", "by many"
    src = text[m.start("src"):m.end("src")].split()
    if head not in heads and not GROUP_WORD.match(src[-1]):
        return False
    if any(w[:1].isupper() for w in src[:-1]) or (src[-1][:1].isupper()
                                                 and not GROUP_WORD.match(src[-1])):
        return False
    if any(w.lower() in lex.pronouns or w.lower() in ("the", "his", "her", "their", "its")
           for w in src):
        return False
    return not _NAMED_AFTER.match(text, m.end("src"), m.end("src") + 80)


# unnamed people described by their access: "people briefed on the plan", "a person close
# to the talks", "two sources with direct knowledge of"; in lower case, matched in the
# words before the access phrase (the window ends where the phrase starts)
_ACCESS_WHO = lazy_compile(
    r"\b(?:(?:a|an|one|two|three|four|five|several|some|many|multiple|other|the|these"
    r"|those)\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:people|person|sources?|officials?|insiders?"
    r"|individuals?|someone|executives?|aides?|advisers?|advisors?|staffers?|employees?"
    r"|bankers?|diplomats?)\s+(?:directly\s+|closely\s+)?$")
_ACCESS = lazy_compile(r"(?:familiar\s+with|briefed\s+on|close\s+to|knowledge\s+of"
                       r"|privy\s+to)\b")
_WITH_BEFORE = lazy_compile(r"\bwith\s+(?:direct\s+|detailed\s+|first-?hand\s+|inside\s+)?$")
_ACCESS_KEYS = ("familiar with", "briefed on", "close to", "knowledge of", "privy to")
_WORDS = lazy_compile(r"[a-z]+")
_ACCESS_LEAD = lazy_compile(r"([a-z][\w-]*)\s+")


def unnamed_access(text: str, sentences: Iterable[Span], lex: Lexicon) -> list[Span]:
    """Spans of unnamed people described by their access ("people briefed on the plan
    said", "according to a person close to the talks") outside quotations: a reporting
    verb in the next twelve words, or "according to" / "citing" right before, makes them
    a source ("people close to the river were evacuated" are none)."""
    low = _lowered(text)

    def access(off: int) -> Span | None:
        m = _ACCESS.match(low, off)
        if m is None:
            return None
        if low.startswith("knowledge", off):  # "with (direct) knowledge of": from "with"
            w = _WITH_BEFORE.search(low, max(0, off - 30), off)
            if w is None:
                return None
            off = w.start()
        who = _ACCESS_WHO.search(low, max(0, off - 60), off)
        return (who.start(), m.end()) if who is not None else None

    out = []
    spans = _matches_at(text, low, list(sentences), _ACCESS_KEYS, access)
    for a, b in spans:
        lead = _ACCESS_LEAD.match(low, a)
        while lead is not None and lead.end() < b and (
                lead.group(1) in lex.cue_forms or lead.group(1) in BOUNDARY_WORDS):
            a = lead.end()  # "reported that | people close to": not the source's words
            lead = _ACCESS_LEAD.match(low, a)
        words = _WORDS.findall(low, b, b + 120)[:12]
        before = low[max(0, a - 16):a]
        if any(w in lex.cue_forms for w in words) \
                or before.rstrip().endswith(("according to", "citing")):
            out.append((a, b))
    return out
