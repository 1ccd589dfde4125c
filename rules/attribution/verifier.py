"""The learned source verifier: is a relation's source an information source?

The rules of ``plausible.py`` drop actors and things they recognise; what they miss
("Saturday", "the world", "Grass fires", "less") is what a newsroom reader sees as noise in
"Who is cited". The verifier is a logistic regression over features of one relation that
do not depend on the outlet or the topic: the cue (its head word, whether it is a lexicon
reporting or belief verb, how it was found), the shape of the content (a quotation, a
that-clause, a colon, content before the cue), and the source phrase itself (its head word
and word classes, capitalisation, titles, pronouns, its kind, its place in the sentence,
whether it stands inside a quotation, whether the text names it elsewhere).

It is trained on PolNeAR ``train`` by ``training/train_source_verifier.py`` and shipped
as plain JSON (``source_verifier.json``, model card in ``docs/model-card-source-verifier.md``),
loaded on the first extraction. :func:`verify` marks a relation ``source_doubted`` when
the model's probability that its source is a source falls below the shipped threshold:
its phrase is then not listed among the sources (nor flagged as a vague source), but its
sentence stays attributed, because on PolNeAR most such phrases are misread spans in
sentences that do report ("said in his formal statement"). Actors that report nothing are
the rules' business (``plausible.py``); the relation stays in the extraction either way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from checker.core.datafiles import (
    DataFileError,
    all_finite,
    finite_number,
    load_data,
    mapping,
)
from rules.attribution.doc import Extracted, TokenDoc, judge_after, tok_index
from rules.attribution.words import DETERMINERS, NP_INNER_PREPS, TIME_WORDS

VERIFIER_PATH = Path(__file__).resolve().parent / "source_verifier.json"
VERIFIER_FORMAT = "checker-attribution-source-verifier"
VERIFIER_FORMAT_VERSION = 1

_PARTICLES = frozenset(("about", "of", "for", "on", "to", "that", ":", "with", "by", "as"))
_OPENERS = frozenset(("that", "whether", "if", "how", "why", "what", "when", "where", "who"))
_QUOTES = frozenset('“”"‘’\'')
_SUFFIXES = ("ist", "ian", "er", "or", "ent", "ant", "ment", "ion", "ity", "ing", "ness", "s")


# set by :func:`switched_off` (training reads the rules' own output)
_SWITCHED_OFF: list[bool] = []


@contextmanager
def switched_off() -> Iterator[None]:
    """Within this block the extractor runs without the shipped verifier (training and
    before/after figures read the rules' own relations)."""
    _SWITCHED_OFF.append(True)
    try:
        yield
    finally:
        _SWITCHED_OFF.pop()


@dataclass(frozen=True)
class SourceVerifier:
    """A logistic regression over the binary features of :func:`source_features`."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def proba(self, features: Iterable[str]) -> float:
        """P(the relation's source is an information source) given its features."""
        w = self.weights
        z = self.bias + sum(map(w.get, features, repeat(0.0)))
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=4)
def load_source_verifier(path: str = str(VERIFIER_PATH)) -> SourceVerifier | None:
    """The verifier at ``path`` (None when there is no such file); a bad file is a
    :class:`~checker.core.datafiles.DataFileError` naming it."""
    p = Path(path)
    if not p.is_file():
        return None
    data = load_data(p, VERIFIER_FORMAT, versions=(VERIFIER_FORMAT_VERSION,))
    where = str(p)
    weights = mapping(data, "weights", where, float)
    if not all_finite(list(weights.values())):
        raise DataFileError(f"{p}: a source-verifier weight is not finite")
    return SourceVerifier(
        weights=weights,
        bias=finite_number(data, "bias", where),
        threshold=finite_number(data, "threshold", where, 0.0, 1.0),
    )


def candidates(results: Iterable[Extracted]) -> list[Extracted]:
    """The relations the verifier judges: informational ones whose cue is a verb and
    that have a source of their own. A verb is where an actor passes for a source ("The
    bank raised rates"); a phrase cue ("according to", "as per", "in a poll"), a colon or a
    bracketed citation names its source by its construction, and PolNeAR, which the
    verifier learns from, annotates few of the newsroom phrase cues the rules read; a
    passive judgement names its judge after "by" ("was applauded by the unions"), which the
    verifier, fitted on sources before their verb, cannot read, and "as Ann Lee put it"
    names its speaker (found only in that construction: ``candidates.as_put_it``)."""
    return [r for r in results if r.informational and r.source is not None and r.cue is not None
            and r.kind == "verb" and not r.sentence_only and not judge_after(r)
            and not r.cue_text.lower().endswith(("put it", "puts it"))]


def verify(d: TokenDoc, results: list[Extracted],
           model: SourceVerifier | None | bool = True) -> None:
    """Mark the relations whose source the verifier does not take for an information source
    ``source_doubted`` (``model=True``: the shipped one; None/False: do nothing)."""
    judged = candidates(results)
    if not judged:
        return  # (a short draft with no reporting verb never reads the model file)
    for r in judged:
        if hypothetical_speaker(d, r):
            r.source_doubted = True
            r.vague = False
    if model is True:
        model = load_source_verifier() if not _SWITCHED_OFF else None
    if not model:
        return
    for r in judged:
        r.source_score = model.proba(source_features(d, r))
        if r.source_score < model.threshold:
            r.source_doubted = True
            r.vague = False


# subordinators that make a present-tense report a case, not an event ("when a leader says")
_IF_OR_WHEN = frozenset(("when", "whenever", "if", "unless", "once"))


def hypothetical_speaker(d: TokenDoc, r: Extracted) -> bool:
    """"It is striking when a leader says ...", "If a doctor tells you ...": one
    unnamed person ("a"/"an" and a lower-case noun) after "when" or "if", with a present-tense
    cue, is anyone who might say it, no source the text cites."""
    if r.source is None or r.cue is None:
        return False
    words = r.source_text.split()
    cue = r.cue_text.split()
    if not 2 <= len(words) <= 3 or words[0].lower() not in ("a", "an") \
            or not all(w.isalpha() and w.islower() for w in words[1:]) \
            or not cue or not cue[0].isalpha() or not cue[0].endswith("s") \
            or cue[0].endswith("ss") or r.cue[0] < r.source[1]:
        return False
    k = tok_index(d, r.source[0]) - 1
    return k >= 0 and d.toks[k].low in _IF_OR_WHEN \
        and d.toks[k].sent == d.toks[k + 1].sent


# --------------------------------------------------------------------------- features


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The first edge ``n`` does not exceed, as text ("<=3"), or ">last"."""
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _shape(word: str) -> str:
    """A word's shape: "X" (all capitals), "Xx" (capitalised), "x", "d" (digits), "p"."""
    if not word[:1].isalnum():
        return "p"
    if word[:1].isdigit():
        return "d"
    if word.isupper() and len(word) > 1:
        return "X"
    return "Xx" if word[:1].isupper() else "x"


def _word_class(low: str, d: TokenDoc) -> str:
    """The lexicon class of a lower-case word ("" for none)."""
    lex = d.lex
    if low in lex.pronouns:
        return "pron"
    if low in lex.titles:
        return "title"
    if low in lex.anonymous_heads:
        return "anon"
    if low in lex.role_nouns or low in lex.people_words:
        return "people"
    if low in lex.organisation_words or low in lex.organisation_nouns or low in lex.body_nouns:
        return "org"
    if low in lex.outlet_words or low in lex.outlet_nouns:
        return "outlet"
    if low in lex.document_nouns:
        return "doc"
    if low in TIME_WORDS:
        return "time"
    if low in DETERMINERS:
        return "det"
    return ""


def _head(words: list[str]) -> tuple[int, str]:
    """(index, word) of the head of a source phrase: the last word before a comma, a
    parenthesis or a postmodifying preposition."""
    k = 0
    for i, w in enumerate(words):
        low = w.lower()
        if i and (low in NP_INNER_PREPS or low in ("who", "which", "whose")):
            break
        if w.startswith(("(", ",")):
            break
        k = i
        if w.endswith(","):
            break
    return k, words[k].strip(",.") if words else ""


def source_features(d: TokenDoc, r: Extracted) -> list[str]:
    """Binary features of relation ``r``'s source, cue and content (see the module)."""
    return [*_cue_features(d, r), *_source_features(d, r), *_place_features(d, r)]


def _cue_features(d: TokenDoc, r: Extracted) -> list[str]:
    """The cue's head word and class, how it was found, and the content's shape."""
    words = [w.strip(":,").lower() for w in r.cue_text.split()]
    heads = [w for w in words if w and w not in _PARTICLES]
    head = heads[-1] if heads else (words[-1] if words else "")
    cls = d.lex.cue_forms.get(head, "none")
    out = [f"cue={head}", f"cuecls={cls}", f"cuelen={_bucket(len(words), (1, 2, 3))}",
           f"direct={r.direct}", f"weak={r.weak}"]
    if not r.content:
        return [*out, "content=none"]
    first = r.content[0]
    cue = r.cue or (0, 0)
    if first[1] <= cue[0]:
        out.append("content=left")
        return out
    between = d.text[cue[1]:first[0]]
    body = d.text[first[0]:min(first[1], first[0] + 80)].lstrip()
    low = body.lower().split(" ", 1)[0].strip(",.:;\"“”")
    out.append(f"between={'colon' if ':' in between else 'comma' if ',' in between else 'x'}")
    if body[:1] in _QUOTES:
        out.append("content=quote")
    elif low in _OPENERS:
        out.append(f"content={low}")
    elif low == "to":
        out.append(f"content=to|{cls}")
    else:
        out.append(f"content=np|{cls}")
    n = sum(b - a for a, b in r.content)
    out.append(f"clen={_bucket(n // 20, (1, 3, 6, 12))}")
    return out


def _source_features(d: TokenDoc, r: Extracted) -> list[str]:
    """The source phrase: head word and class, shape, titles, pronouns, its kind."""
    text = r.source_text.strip(" ,")
    words = text.split()
    if not words:
        return ["src=empty"]
    lows = [w.lower().strip(".,'’") for w in words]
    k, head = _head(words)
    hlow = head.lower()
    hcls = _word_class(hlow, d)
    # the head word itself only when lower case: a common noun or a pronoun generalises,
    # a proper name ("Okafor") would be remembered from the training articles
    out = [f"head={hlow if head[:1].islower() or hcls == 'pron' else 'Name'}",
           f"headcls={hcls}", f"headshape={_shape(head)}",
           f"first={_word_class(lows[0], d) or _shape(words[0])}",
           f"nwords={_bucket(len(words), (1, 2, 3, 5, 8))}",
           f"srckind={r.source_kind or 'none'}",
           f"kindcls={r.source_kind or 'none'}|{hcls}",
           f"caps={_bucket(sum(w[:1].isupper() for w in words), (0, 1, 2, 3))}"]
    out.extend(f"has={c}" for c in sorted({_word_class(w, d) for w in lows} - {""}))
    if hlow.endswith(_SUFFIXES):
        out.append(f"suffix={next(s for s in _SUFFIXES if hlow.endswith(s))}")
    if len(words) == 1 and hlow in d.lex.pronouns:
        out.append(f"pron={hlow}")
    if r.source_name and r.source_name != text:
        out.append("resolved")
    if k + 1 < len(words):
        out.append("postmod")
    if any(c.isdigit() for c in text):
        out.append("digit")
    if len(words) == 1 and words[0][:1].isupper():
        name = words[0].strip(",.")
        n = d.name_counts.get(name)
        if n is None:  # counted once per text, not once per relation naming it
            n = d.name_counts[name] = d.text.count(name)
        out.append(f"elsewhere={_bucket(n, (1, 2, 4))}")
    return out


def _place_features(d: TokenDoc, r: Extracted) -> list[str]:
    """Where the source stands: sentence start, after its cue, distance, in a quotation."""
    src, cue = r.source, r.cue
    assert src is not None and cue is not None
    si = tok_index(d, src[0])
    ci = tok_index(d, cue[0])
    sent = d.sent_of(src[0])
    lead = d.text[d.sents[sent][0]:src[0]].strip(" \t\n\"“‘'(-—")
    out = [f"start={not lead}", f"after={src[0] > cue[0]}",
           f"gap={_bucket(abs(ci - si), (1, 2, 4, 8, 16))}",
           f"inquote={d.toks[si].quote >= 0}"]
    if lead:
        # the last word by rsplit, not split: a list of the sentence's words per relation
        # made a run-on sentence of many reports quadratic (bench/growth.py say-and-run-on)
        last = lead[-1] if not lead[-1].isalnum() else _shape(lead.rsplit(None, 1)[-1])
        out.append(f"prev={last}")
    return out
