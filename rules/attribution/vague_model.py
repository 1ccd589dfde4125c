"""A learned sentence-level decision for ATT001: is this sentence's attribution vague?

The ATT001 scans (``findings.py``) decide phrase by phrase. This module reads, per body
sentence, what the pipeline already knows -- the sentence's attribution relations and their
sources' kind, number and determiner, the rule's own findings and their reason, agentless
reporting passives and "reportedly"-type adverbs -- and a logistic regression
(``vague_model.json``: plain weights, trained by ``training/train_vague_model.py``, model card
in ``docs/model-card-vague.md``) turns that into one probability per sentence.

:func:`apply` makes the findings follow the decision: a sentence the model reads as vague keeps
the rule's findings, or gains one on the vague source's span when the rule had none; a
sentence it does not read as vague loses them. The weights load on first use, and
features are computed only for sentences that carry an attribution, a rule finding or a
cue word, so a text with none of these costs a dictionary lookup per sentence.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, OUTLET, PERSON
from checker.core.datafiles import load_data
from checker.core.regexlit import lazy_compile
from rules.attribution.doc import Extracted
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague import named_in_context
from rules.attribution.vague_words import LATER, blank_out, named_document_later

MODEL_PATH = Path(__file__).with_name("vague_model.json")
MODEL_FORMAT = "checker-attribution-vague-model"

Span = tuple[int, int]
F = TypeVar("F")  # an ATT001 finding: start, end, message, sentence (findings.VagueFinding)

# the feature names, in the order of the weight vector
FEATURES = (
    "rule_source", "rule_citing", "rule_agentless", "rule_phrase", "rule_aside",
    "rule_group", "rel", "src_anonymous", "src_vague_flag", "src_plural", "src_indefinite",
    "src_definite", "src_bare", "src_role", "src_capital", "src_person", "src_org",
    "src_document", "src_pronoun", "src_spokes_unnamed", "src_unflagged", "sentence_only",
    "doubted",
    "adverb", "it_passive", "people_passive", "group_verb", "quote_open",
)

# the cue-phrase features are read from word runs with set lookups, not large regexes (a
# draft check compiles nothing for them)
_ADVERBS = frozenset(("reportedly", "allegedly", "purportedly", "supposedly", "apparently",
                      "reputedly", "ostensibly"))
# "it is understood that", "it's hoped", "it was widely believed"
_IT_VERBS = frozenset(("understood", "believed", "thought", "hoped", "feared", "expected",
                       "claimed", "alleged", "said", "reported", "rumoured", "rumored",
                       "suggested", "estimated", "argued", "known", "assumed", "anticipated"))
# a source phrase naming its people elsewhere, or the outlet's own reporter: "officials
# named in the report", "our correspondent"
_NAMED_OR_OWN = frozenset(("named", "identified", "our", "my"))
_IT_REPORTS = frozenset(("said", "known", "reported", "claimed", "alleged", "suggested",
                         "argued"))  # these report only before "that" or "to"
_IT_BE = frozenset(("it's", "it’s"))
_BE = frozenset(("is", "was"))
# "residents are being warned", "people were told"
_PEOPLE_VERBS = frozenset(("warned", "urged", "advised"))  # not "told": the people told
_PLURAL_BE = frozenset(("are", "were"))
# an unnamed group before a reporting or belief verb: "experts expect", "numerous
# indicators suggest", "analysts say", "economists are concerned"
_GROUPS = frozenset((
    "expert", "experts", "analyst", "analysts", "economist", "economists", "scientist",
    "scientists", "researcher", "researchers", "observer", "observers", "critic", "critics",
    "official", "officials", "source", "sources", "insider", "insiders", "meteorologist",
    "meteorologists", "forecaster", "forecasters", "indicator", "indicators", "studies",
    "poll", "polls", "polling", "survey", "surveys", "report", "reports", "resident",
    "residents", "local", "locals", "witnesses", "protester", "protesters", "farmers"))
_GROUP_VERBS = frozenset((
    "say", "said", "says", "expect", "expects", "expected", "suggest", "suggests",
    "suggested", "believe", "believes", "believed", "warn", "warns", "warned", "claim",
    "claims", "claimed", "argue", "argues", "argued", "think", "thinks", "fear", "fears",
    "feared", "predict", "predicts", "predicted", "estimate", "estimates", "estimated",
    "worry", "worried", "told", "noted", "agree", "agreed",
    "commended", "reckon", "contend", "charge"))
_CONCERNED = frozenset(("concerned",))
_INDEFINITE = frozenset(("a", "an", "one", "some", "several", "many", "other", "another",
                         "few", "various", "numerous", "certain", "two", "three", "most"))
_DEFINITE = frozenset(("the", "this", "these", "those", "that", "its", "their", "his",
                       "her", "our"))
_SPOKES = frozenset(("spokesman", "spokeswoman", "spokesperson", "spokespeople",
                     "spokesmen", "spokeswomen", "representative", "representatives"))
# punctuation around a word (word runs are read with str.split: no regex to compile)
_PUNCT = "\"“”‘’'.,;:!?()[]{}—–-…*"


# group words for documents, which the next sentences may name ("a new poll shows ... The
# Harbour Ledger poll"): their singular
_NAMEABLE_DOCUMENTS = {"poll": "poll", "polls": "poll", "survey": "survey",
                       "surveys": "survey", "report": "report", "reports": "report"}


# A sentence's cue phrase needs one of these words (the prefilter of :func:`_may_hit`; none
# of them holds a character of _PUNCT)
_ADVERB_OR_PEOPLE = _ADVERBS | _PEOPLE_VERBS
_GROUP_VERB_WORDS = _GROUP_VERBS | _CONCERNED
_CORE_WORDS = lazy_compile(rf"[^\s{re.escape(_PUNCT)}]+")


def _may_hit(sent: str) -> bool:
    """False when ``sent`` surely holds no cue phrase of :func:`_phrase_hits` (it needs an
    adverb or a people passive's verb; a group word and a group verb; or "it" and an "it"
    passive's verb): most sentences are read no further. A word run's lower-case core
    without punctuation is one of the runs of the lower-cased sentence that hold neither
    whitespace nor punctuation."""
    return _may_hit_words(set(_CORE_WORDS.findall(sent.lower())))


def _may_hit_words(words: set[str]) -> bool:
    """:func:`_may_hit` of a sentence whose lower-case cores are ``words``."""
    return not (words.isdisjoint(_ADVERB_OR_PEOPLE)
                and ("it" not in words or words.isdisjoint(_IT_VERBS))
                and (words.isdisjoint(_GROUP_VERB_WORDS) or words.isdisjoint(_GROUPS)))


def _flat_lower(text: str) -> str | None:
    """``text`` lower-cased with every character of :data:`_PUNCT` turned into a space,
    offset for offset, so that the white-space separated words of ``_flat_lower(text)[a:b]``
    are the cores :func:`_may_hit` reads in ``text[a:b]`` (``str.split`` and the regex's
    ``\\s`` know the same white space); None where lower case changes the length ("İ")
    or depends on where a word ends (a capital sigma lowers to a final "ς" at a word's end,
    which a cut between sentences can move): then each sentence is lower-cased alone."""
    flat = text.lower()
    return blank_out(flat, _PUNCT) if len(flat) == len(text) and "Σ" not in text else None


def _word_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the whitespace-separated words of ``text``, without the
    punctuation around them."""
    out = []
    pos = 0
    for w in text.split():
        i = text.index(w, pos)
        pos = i + len(w)
        core = w.strip(_PUNCT)
        if core:
            j = i + w.index(core)
            out.append((j, j + len(core), core))
    return out


@cache
def load_model(path: Path = MODEL_PATH) -> dict[str, Any] | None:
    """The model's plain-JSON weights, or None when the file is absent (rules alone)."""
    if not path.exists():
        return None
    data = load_data(path, MODEL_FORMAT)
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{path}: feature list does not match this module's")
    return data


def _rule_reason(message: str) -> str:
    """Which ATT001 scan made a finding, read from its message."""
    if message.startswith("vague attribution: citing"):
        return "rule_citing"
    if message.startswith("vague attribution: '"):
        return "rule_source"
    if message.startswith("agentless passive"):
        return "rule_agentless"
    if message.startswith("anonymous source"):
        return "rule_aside"
    if message.endswith("name who says so"):
        return "rule_group"
    return "rule_phrase"


def _source_features(r: Extracted, text: str, lex: Lexicon, f: dict[str, float]) -> None:
    """Add the features of one informational relation with a source to ``f``."""
    f["rel"] = 1.0
    kind = r.source_kind
    words = [w for _, _, w in _word_runs(r.source_text)]
    if kind == PERSON:
        f["src_person"] = 1.0
    elif kind in (ORGANISATION, OUTLET):
        f["src_org"] = 1.0
    elif kind == DOCUMENT:
        f["src_document"] = 1.0
    if r.source_text.strip().lower() in lex.pronouns:
        f["src_pronoun"] = 1.0
    if kind != ANONYMOUS or not words:
        if any(w.lower() in _SPOKES for w in words) and not any(
                w[0].isupper() for w in words[1:]):
            f["src_spokes_unnamed"] = 1.0
        return
    f["src_anonymous"] = 1.0
    if r.vague:
        f["src_vague_flag"] = 1.0
    lows = [w.lower() for w in words]
    head = lows[-1]
    if head.endswith("s") and not head.endswith("ss"):
        f["src_plural"] = 1.0
    if lows[0] in _INDEFINITE:
        f["src_indefinite"] = 1.0
    elif lows[0] in _DEFINITE:
        f["src_definite"] = 1.0
    else:
        f["src_bare"] = 1.0
    if any(w in lex.role_nouns or w.rstrip("s") in lex.role_nouns for w in lows):
        f["src_role"] = 1.0
    if any(w[0].isupper() for w in words[1:]):
        f["src_capital"] = 1.0
    if any(w in _SPOKES for w in lows):
        f["src_spokes_unnamed"] = 1.0


def sentence_features(text: str, body: Sequence[tuple[int, int, int]],
                      found: Sequence[Extracted], lex: Lexicon, rule: Sequence[Any],
                      quotes: Sequence[Span] = ()
                      ) -> dict[int, tuple[dict[str, float], Span | None]]:
    """Per body sentence index with anything to read: its non-zero features and the span
    a finding would take when the rule has none (an unnamed source's, not the author's own
    reporter nor one named elsewhere, else a cue phrase's outside ``quotes``, the sorted
    quotations). Sentences absent from the result have all features zero."""
    starts = [b[0] for b in body]
    out: dict[int, tuple[dict[str, float], Span | None]] = {}

    spans: dict[int, Span] = {}
    blocked: list[Span] = []  # doubted sources: no cue phrase inside them either
    for fnd in rule:
        feats = out.setdefault(fnd.sentence, ({}, None))[0]
        feats[_rule_reason(fnd.message)] = 1.0
    for r in found:
        if r.sentence_only and r.cue is None and r.source is None:
            continue
        anchor = r.source or r.cue or (r.content[0] if r.content else None)
        if anchor is None:
            continue
        i = bisect.bisect_right(starts, anchor[0]) - 1
        if i < 0 or anchor[0] >= body[i][1]:
            continue
        k = body[i][2]
        feats = out.setdefault(k, ({}, None))[0]
        if r.sentence_only:
            feats["sentence_only"] = 1.0
            continue
        if r.source is not None and r.source_doubted:
            feats["doubted"] = 1.0
            blocked.append(r.source)  # no finding on it, as the scans decide
            continue
        if r.source is None or not r.informational:
            continue
        _source_features(r, text, lex, feats)
        if r.source_kind == ANONYMOUS and k not in spans and not _NAMED_OR_OWN.intersection(
                r.source_text.lower().split()):  # "analysts expect": with the cue
            a, b = r.source
            spans[k] = (a, r.cue[1] if r.cue and r.cue[0] >= b else b)
    _phrase_features(text, body, out, spans, sorted([*quotes, *blocked]))
    for feats, _ in out.values():
        if "src_anonymous" in feats and not any(name.startswith("rule_") for name in feats):
            feats["src_unflagged"] = 1.0  # the scans read the unnamed source and let it be
    return {k: (f, spans.get(k)) for k, (f, _) in out.items() if f}


def _phrase_features(text: str, body: Sequence[tuple[int, int, int]],
                     out: dict[int, tuple[dict[str, float], Span | None]],
                     spans: dict[int, Span], quotes: Sequence[Span]) -> None:
    """Add the cue-phrase features of every body sentence (none inside a quotation: the
    speaker's words)."""
    quote_starts = [q[0] for q in quotes]
    flat = _flat_lower(text)  # (one pass over the text, not a regex per sentence)
    for a, b, k in body:
        sent = text[a:b]
        if sent.lstrip()[:1] in "“\"‘":
            out.setdefault(k, ({}, None))[0]["quote_open"] = 1.0
        if not (_may_hit(sent) if flat is None else _may_hit_words(set(flat[a:b].split()))):
            continue
        runs = _word_runs(sent)
        for name, i, j in _phrase_hits([w.lower() for _, _, w in runs],
                                       [w[0].isupper() for _, _, w in runs],
                                       [sent[e:e + 1] == "," and _closes_apposition(sent, st)
                                        for st, e, _ in runs]):
            q = bisect.bisect_right(quote_starts, a + runs[i][0]) - 1
            if q >= 0 and a + runs[i][0] < quotes[q][1]:
                continue
            doc = _NAMEABLE_DOCUMENTS.get(runs[i][2].lower()) if name == "group_verb" else None
            if doc and named_document_later(doc).search(text, a + runs[j][1],
                                                        a + runs[j][1] + LATER):
                continue  # "A new poll shows ... The Acme poll found": named next
            feats = out.setdefault(k, ({}, None))[0]
            feats[name] = 1.0
            if k not in spans:
                spans[k] = (a + runs[i][0], a + runs[j][1])


# the word before a comma: "Ann Lee|,", "45|,"
_WORD_BEFORE = lazy_compile(r"([\w'’.-]+)\s*$")


def _closes_apposition(sent: str, at: int) -> bool:
    """Whether the words of ``sent`` from the comma before offset ``at`` form an appositive
    after a name: "Ann Lee, a local | resident,", "Tom Hart, 45, a | resident," (the word
    before that comma, or before the one ahead of an age, written with a capital)."""
    comma = sent.rfind(",", 0, at)
    for _ in range(2):
        if comma < 0:
            return False
        m = _WORD_BEFORE.search(sent, max(0, comma - 40), comma)
        if m is None:
            return False
        word = m.group(1)
        if not (word.isdigit() and len(word) <= 3):
            return word[:1].isupper()
        comma = sent.rfind(",", 0, m.start())  # an age: the name before it
    return False


def _phrase_hits(words: list[str], caps: list[bool], apposition: Sequence[bool] = ()
                 ) -> list[tuple[str, int, int]]:
    """(feature, first word, last word) of each cue phrase in a sentence's lower-case words
    (``caps``: which words are written with a capital; ``apposition``: which words close an
    appositive after a name, a comma after them). A group word up to three words after a
    definite determiner refers back ("the survey said", "the senior ferry official said"),
    one after a capitalised word is named ("Acme analysts say"), and one closing an
    appositive after a name is no subject ("Ann Lee, a local resident, said": the named
    person speaks)."""
    out: list[tuple[str, int, int]] = []
    n = len(words)
    for i, w in enumerate(words):
        if w in _ADVERBS:
            out.append(("adverb", i, i))
            continue
        j = i + 1
        if j < n and words[j].endswith("ly") and words[j] not in _GROUP_VERBS:
            j += 1  # "experts broadly agree", "it is widely believed"
        if w in _GROUPS and not _DEFINITE.intersection(words[max(0, i - 3):i]) and not (
                i > 1 and caps[i - 1]) and not (i < len(apposition) and apposition[i]) \
                and j < n and (words[j] in _GROUP_VERBS or (
                words[j] in _PLURAL_BE and j + 1 < n and words[j + 1] in _CONCERNED)):
            out.append(("group_verb", i, j))
        elif w in _IT_BE or (w == "it" and i + 1 < n and words[i + 1] in _BE):
            j = i + 1 if w in _IT_BE else i + 2
            if j < n and words[j].endswith("ly"):
                j += 1
            if j < n and words[j] in _IT_VERBS and (words[j] not in _IT_REPORTS or (
                    j + 1 < n and words[j + 1] in ("that", "to"))):
                out.append(("it_passive", i, j))  # not "it was said in jest"
        elif w in _PLURAL_BE:
            j = i + 1
            if j < n and words[j] == "being":
                j += 1
            if j < n and words[j] in _PEOPLE_VERBS:
                out.append(("people_passive", i, j))
    return out


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    """The model's probability that a sentence with these features is a vague attribution."""
    w = model["weights"]
    z = model["bias"] + sum(w[name] * v for name, v in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


def apply(text: str, body: Sequence[tuple[int, int, int]], found: Sequence[Extracted],
          lex: Lexicon, rule: list[F], make: Callable[[int, int, str, int], F],
          quotes: Sequence[Span] = (), model: dict[str, Any] | None = None) -> list[F]:
    """The ATT001 findings after the learned decision (``rule``: the scans' findings, kept
    as they are when there is no model file; ``make``: builds a new finding; ``quotes``:
    the sorted quotations)."""
    model = model if model is not None else load_model()
    if model is None:
        return rule
    threshold = model["threshold"]
    rows = sentence_features(text, body, found, lex, rule, quotes)
    vague = {k for k, (f, _) in rows.items() if probability(f, model) >= threshold}
    out = rule if model.get("mode") == "add" else [f for f in rule if f.sentence in vague]
    have = {f.sentence for f in out}
    named: list[Span] | None = None
    for k in sorted(vague - have):
        span = rows[k][1]
        if span is None:
            continue
        if named is None:  # sources that the words around them name ("Ann Lee and other
            # critics", "Tom Berg, 45, a local resident"): no finding on them either
            named = [r.source for r in found if r.source is not None and r.informational
                     and named_in_context(r, text)]
        if any(a < span[1] and span[0] < b for a, b in named):
            continue
        phrase = text[span[0]:span[1]].strip(" ,")
        out.append(make(span[0], span[1],
                        f"vague attribution '{phrase}': no identifiable source; name who "
                        "says so", k))
    return out
