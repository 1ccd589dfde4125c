"""Detect an article's genre from cue features: a small, explainable rule classifier.

Each genre has a prior and weighted cues (``rules/genre/cues.json``), written from general
knowledge of how each kind of text is built, not fitted to any set of articles:

- labels and structure at the head of the page ("Opinion", "Analysis", "Press release",
  "Abstract", a wire dateline "CITY (Agency) -", a question headline);
- the voice of the body (its first sentences, about :data:`BODY_CHARS` characters, with
  quoted passages left out: the genre is the author's voice, not that of the people quoted):
  first person singular and plural, second person, obligation modals, reporting verbs,
  interpretive phrases, research phrases ("we found"), questions, quotation density, and
  whether the author speaks in no one's voice (``impersonal``: reference text) or for
  themself with no one quoted (``unreported``: argument) or quotes others with no reporting
  verb (``unsaid``: a columnist quoting what others wrote, not a reporter quoting sources);
- boilerplate at the edges of the page (its first :data:`EDGE_CHARS` characters and its last
  :data:`TAIL_CHARS`): "For immediate release", "About <organisation>", media contacts,
  stock tickers, newswire credits, "This editorial...", a contributor's one-line bio,
  bulleted lists;
- a label line in the page's first :data:`EDGE_CHARS` characters (``top``), below any page
  chrome: "Analysis by <Name>", "Opinion: ...", "COMMENTARY |".

Each cue counts once per hit, or as a rate per body sentence (``per_sentence``: ten times
hits per sentence), capped so that one long article cannot run away with it. The genre with
the most points wins; its confidence is its softmax share of all points (low when two genres
score alike). News is the prior: text with no genre cues is news.

Speed (a fraction of a millisecond per article): word and phrase cues are counted from one
whitespace split of the lower-cased body (a word as a token, maybe with punctuation after
it; a phrase with ``str.count``, only when its longest word is a token); a pattern cue runs
only when one of a few words that every match holds (:func:`_key_words`) is in its text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from checker.core.datafiles import load_data
from checker.core.document import BODY, Document
from checker.core.regexlit import lazy_compile, prefilter_needles

CUES_PATH = Path(__file__).resolve().parent / "cues.json"
GENRES: tuple[str, ...] = (
    "news", "analysis", "explainer", "opinion", "press-release", "research", "reference",
)  # fmt: skip
HEAD_CHARS = 300  # the page's head: where labels such as "Opinion" sit
TAIL_CHARS = 2000  # the page's end: where "About <organisation>" and media contacts sit
BODY_CHARS = 3000  # the body sentences read: the first ones, up to about this many characters
EDGE_CHARS = 1000  # with the tail, the page's edges: where boilerplate sits
# ``top``: the page's first EDGE_CHARS characters (a label line below the page chrome)
PLACES = ("head", "body", "tail", "edges", "top")
# structural counts a cue may use instead of a pattern (``impersonal``: 1 for a body with no
# quotation, question, first or second person or reporting verb: the register of reference text)
# ``unreported``: 1 for a body with no quotation and no reporting verb (the author speaks
# for themself: argument, analysis, reference)
# ``unsaid``: 1 for a body that quotes but has no reporting verb (quotations woven into the
# author's argument: news quotes its sources with "said", "told", "according to")
COUNTS = ("quotes", "questions", "impersonal", "unreported", "unsaid")
# the words whose absence, with no quotation or question, makes a body impersonal
REPORTING = frozenset("said says told tells according".split())
PERSONAL = REPORTING | frozenset("i me my we us our you your".split())


class GenreCue(NamedTuple):
    """One weighted cue of a genre: a pattern, a set of words, or a structural count."""

    genre: str
    where: str  # one of PLACES
    weight: float
    per_sentence: bool
    cap: float
    pattern: re.Pattern[str] | None = None  # run on the lower-cased text unless ``case``
    anchored: bool = False  # the pattern can only match at the start: one ``match``
    words: tuple[str, ...] = ()
    count: str = ""  # one of COUNTS
    case: bool = False
    # strings one of which every match of ``pattern`` holds (:func:`needles`), as the cue
    # file stores them (() none; None: not stored, worked out for long texts)
    needles: tuple[str, ...] | None = None


class CueSet(NamedTuple):
    """The compiled cues and the prior of each genre."""

    priors: dict[str, float]
    cues: tuple[GenreCue, ...]
    # a body token (a cue word, maybe with punctuation after it) -> the word cues counting it
    token_cues: dict[str, tuple[int, ...]]
    # a body token (a phrase's longest word; the last word maybe with punctuation after it)
    # -> the phrases holding that word, with the index of the word cue counting each
    phrases: dict[str, tuple[tuple[int, str], ...]]


@lru_cache(maxsize=1)
def genre_cues() -> CueSet:
    """The cues of ``cues.json``, compiled once per process."""
    return compile_cues(load_data(CUES_PATH, "checker-genre-cues", (2,)))


def compile_cues(data: dict[str, Any]) -> CueSet:
    """A :class:`CueSet` from the data of a cue file (envelope removed)."""
    priors: dict[str, float] = {}
    cues: list[GenreCue] = []
    for genre, spec in data["genres"].items():
        if genre not in GENRES:
            raise ValueError(f"{CUES_PATH}: unknown genre {genre!r}")
        priors[genre] = float(spec.get("prior", 0.0))
        cues.extend(_cue(genre, raw) for raw in spec["cues"])
    token_cues: dict[str, list[int]] = {}
    phrases: dict[str, list[tuple[int, str]]] = {}
    for i, cue in enumerate(cues):
        for w in cue.words:
            parts = w.split(" ")
            if len(parts) > 1:
                k = max(range(len(parts)), key=lambda j: len(parts[j]))
                keys = [parts[k] + t for t in _TRAILING] if k == len(parts) - 1 else [parts[k]]
                for key in keys:
                    phrases.setdefault(key, []).append((i, w))
            else:
                for t in _TRAILING:
                    token_cues.setdefault(w + t, []).append(i)
    return CueSet(priors, tuple(cues), {k: tuple(v) for k, v in token_cues.items()},
                  {k: tuple(v) for k, v in phrases.items()})


def _cue(genre: str, raw: dict[str, Any]) -> GenreCue:
    where = str(raw.get("where", "body"))
    count = str(raw.get("count", ""))
    if where not in PLACES:
        raise ValueError(f"{CUES_PATH}: cue {raw!r}: 'where' must be one of {PLACES}")
    if count and count not in COUNTS:
        raise ValueError(f"{CUES_PATH}: cue {raw!r}: 'count' must be one of {COUNTS}")
    if sum(("re" in raw, "words" in raw, bool(count))) != 1:
        raise ValueError(f"{CUES_PATH}: cue {raw!r} needs exactly one of re, words, count")
    if "words" in raw and where != "body":
        raise ValueError(f"{CUES_PATH}: cue {raw!r}: words are counted in the body only")
    case = bool(raw.get("case"))
    pattern, anchored = None, False
    if "re" in raw:
        source = str(raw["re"])
        if not case:  # case-insensitive cues run case-sensitively on the lower-cased text
            source = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), source)
        flags = re.MULTILINE if raw.get("multiline") else 0
        pattern = lazy_compile(source, flags)  # compiled when a text holds one of its needles
        anchored = source.startswith("^") and not flags
    return GenreCue(
        genre=genre,
        where=where,
        weight=float(raw["weight"]),
        per_sentence=bool(raw.get("per_sentence")),
        cap=float(raw.get("cap", 1)),
        pattern=pattern,
        anchored=anchored,
        words=tuple(" ".join(str(w).lower().split()) for w in raw.get("words", ())),
        count=count,
        case=case,
        needles=tuple(raw["needles"]) if "needles" in raw else None,
    )


# A text longer than this is first searched for the strings one of which every match of a
# cue holds (:func:`needles`); a shorter one is searched with the pattern straight away,
# which is quicker than working out those strings (a draft checked on save). The cue file
# stores each pattern's strings (``needles``), so that any text is searched for them first
# and a pattern is compiled only when a text holds one of them.
PREFILTER_FROM = 1500


@lru_cache(maxsize=256)
def needles(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` holds (none: no promise), worked out
    once per pattern."""
    return _key_words(prefilter_needles(pattern.pattern, pattern.flags & re.MULTILINE))


_WORD_RUN = re.compile(r"\w+")


def stored_needles(data: dict[str, Any]) -> int:
    """Store each pattern cue's :func:`needles` beside its ``re`` in the data of a cue file
    (``python -m training.refresh_genre_cues`` after editing a pattern); the number of cues
    whose stored strings changed."""
    changed = 0
    for spec in data["genres"].values():
        for raw in spec["cues"]:
            if "re" in raw:
                bare = {k: v for k, v in raw.items() if k != "needles"}
                pattern = _cue("news", bare).pattern
                found = list(needles(pattern.compiled()))  # type: ignore[union-attr,attr-defined]
                if raw.get("needles") != found:
                    raw["needles"] = found
                    changed += 1
    return changed


def _key_words(needles: tuple[str, ...]) -> tuple[str, ...]:
    """Fewer strings to look for than ``needles``, with the same promise (a text holding a
    needle holds one of them): words of the needles, chosen greedily to cover the most
    needles each, longer words first; short, common words are not chosen when a needle has
    a longer one (each ``in`` test scans the text)."""
    left = set(needles)
    candidates = {w for n in needles for w in _rare_words(n)}
    keys: list[str] = []
    while left:
        best = max(sorted(candidates), key=lambda w: (sum(w in n for n in left), len(w)))
        covered = {n for n in left if best in n}
        if not covered:  # a needle with no word (punctuation): look for it as it is
            keys.extend(sorted(left))
            break
        keys.append(best)
        left -= covered
    return tuple(sorted(keys))


def _rare_words(needle: str) -> list[str]:
    """The words of ``needle`` of four or more characters (else its longest word, else the
    needle itself): the strings worth looking for in a text."""
    words = _WORD_RUN.findall(needle)
    long = [w for w in words if len(w) >= 4]
    return long or [max(words, key=len)] if words else [needle]


@dataclass(frozen=True)
class Texts:
    """The parts of an article that the cues read, as written and lower-cased."""

    head: str
    body: str  # the body sentences without their quoted passages, one per line
    tail: str
    edges: str  # the first EDGE_CHARS and the tail (the whole text when it is short)
    n_sentences: int
    quotes: int  # quoted passages in the body
    questions: int  # body sentences that end in a question mark

    @property
    def top(self) -> str:
        """The page's first EDGE_CHARS characters (``edges`` starts with them)."""
        return self.edges[:EDGE_CHARS]

    def lowered(self, where: str) -> str:
        """The text of ``where`` in lower case (offsets may differ: only counts are read)."""
        cache = self.__dict__.setdefault("_lowered", {})
        if where not in cache:
            cache[where] = getattr(self, where).lower()
        return cache[where]

    @property
    def impersonal(self) -> int:
        """1 when the body has no quotation, question, first or second person or reporting
        verb (reference text speaks in no one's voice), else 0."""
        if self.quotes or self.questions or not self.n_sentences:
            return 0
        return int(self.tokens().keys().isdisjoint(_PERSONAL_TOKENS))

    @property
    def unreported(self) -> int:
        """1 when the body quotes no one and has no reporting verb, else 0."""
        if self.quotes or not self.n_sentences:
            return 0
        return int(self.tokens().keys().isdisjoint(_REPORTING_TOKENS))

    @property
    def unsaid(self) -> int:
        """1 when the body quotes someone but has no reporting verb, else 0."""
        if not self.quotes or not self.n_sentences:
            return 0
        return int(self.tokens().keys().isdisjoint(_REPORTING_TOKENS))

    def tokens(self) -> dict[str, int]:
        """The lower-cased body's whitespace-separated tokens (punctuation attached), counted."""
        cache = self.__dict__.setdefault("_lowered", {})
        if " tokens" not in cache:
            cache[" tokens"] = Counter(self.lowered("body").split())
        return cache[" tokens"]


# A word cue counts its word with any of these after it (tokens are split at whitespace).
_TRAILING = ("", ",", ".", ";", ":", "?", "!", ")", "\u2019s", "'s")


# the body tokens (a word with punctuation after it, as split at whitespace) of those words
_REPORTING_TOKENS = frozenset(w + t for w in REPORTING for t in (*_TRAILING, "\u201d", "\""))
_PERSONAL_TOKENS = frozenset(w + t for w in PERSONAL for t in (*_TRAILING, "\u201d", "\""))


def word_hits(cues: CueSet, texts: Texts) -> dict[int, int]:
    """Per word cue (by index): occurrences of its words and phrases in the lower-cased body.

    A single word is one of the body's whitespace-separated tokens, maybe with punctuation
    after it; a phrase is counted where a space (each body line starts with one) comes
    before it, and only when its longest word is one of the body's tokens."""
    tokens = texts.tokens()
    hits: dict[int, int] = {}
    for token in tokens.keys() & cues.token_cues.keys():
        for i in cues.token_cues[token]:
            hits[i] = hits.get(i, 0) + tokens[token]
    body = texts.lowered("body")
    candidates = {p for key in tokens.keys() & cues.phrases.keys() for p in cues.phrases[key]}
    for i, phrase in candidates:
        if n := body.count(" " + phrase):
            hits[i] = hits.get(i, 0) + n
    return hits


def cue_hits(cue: GenreCue, texts: Texts) -> float:
    """How often the pattern or structural count ``cue`` is found in ``texts`` (word cues:
    :func:`word_hits`)."""
    if cue.pattern is not None:
        subject = getattr(texts, cue.where) if cue.case else texts.lowered(cue.where)
        keys = cue.needles
        if keys is None and not cue.anchored and len(subject) > PREFILTER_FROM:
            keys = needles(cue.pattern)
        if keys:  # every match holds one of them: none there, no match
            for n in keys:
                if n in subject:
                    break
            else:
                return 0.0
        if cue.anchored:
            return 1.0 if cue.pattern.match(subject) else 0.0
        return float(len(cue.pattern.findall(subject)))
    return float(getattr(texts, cue.count)) if cue.count else 0.0


def genre_scores_of(texts: Texts, cues: CueSet | None = None) -> dict[str, float]:
    """Points per genre for the parts of one article."""
    cues = cues or genre_cues()
    scores = dict(cues.priors)
    n = max(1, texts.n_sentences)
    words = word_hits(cues, texts)
    for i, cue in enumerate(cues.cues):
        found = words.get(i, 0) if cue.words else cue_hits(cue, texts)
        if not found:
            continue
        amount = 10.0 * found / n if cue.per_sentence else found
        scores[cue.genre] += cue.weight * min(amount, cue.cap)
    return scores


def genre_scores(head: str, body: str, n_sentences: int, tail: str = "") -> dict[str, float]:
    """Points per genre for a page head, its body text of ``n_sentences`` sentences, and its
    end (``tail``)."""
    return genre_scores_of(texts_of(head, [body] if body else [], tail,
                                    head + "\n" + tail, n_sentences))


def classify(scores: dict[str, float]) -> tuple[str, float]:
    """The best genre and its softmax share (ties go to the earlier genre in ``GENRES``)."""
    best = max(GENRES, key=lambda g: (scores.get(g, float("-inf")), -GENRES.index(g)))
    top = scores[best]
    total = sum(math.exp(v - top) for v in scores.values())
    return best, 1.0 / total


# Double-quoted passages: the voice of the people quoted, not the author's.
_QUOTED = re.compile(r"“[^”\n]{0,1500}”|\"[^\"\n]{0,1500}\"|«[^»\n]{0,1500}»")
_CLOSERS = " \t\r\n\"'”’)]»"


def author_voice(text: str) -> str:
    """``text`` without its double-quoted passages (a quoted "I think" is not the author's)."""
    return _QUOTED.sub(" ", text)


def texts_of(head: str, body: list[str], tail: str, edges: str,
             n_sentences: int | None = None) -> Texts:
    """The :class:`Texts` of an article from its head, body sentences, tail and edges."""
    joined, quotes = _QUOTED.subn(" ", " " + "\n ".join(body))
    questions = sum(s.rstrip(_CLOSERS).endswith("?") for s in body)
    n = len(body) if n_sentences is None else n_sentences
    return Texts(head, joined, tail, edges, n, quotes, questions)


def detect(doc: Document) -> tuple[str, float]:
    """The genre of ``doc`` and the confidence in it (0-1), from the author's own words."""
    body: list[str] = []
    size = 0
    for s in doc.sentences:
        if s.region == BODY:
            body.append(s.text)
            size += len(s.text)
            if size >= BODY_CHARS:
                break
    text = doc.text
    if len(text) > EDGE_CHARS + TAIL_CHARS:
        edges = text[:EDGE_CHARS] + "\n" + text[-TAIL_CHARS:]
    else:
        edges = text
    texts = texts_of(text[:HEAD_CHARS], body, text[-TAIL_CHARS:], edges)
    return classify(genre_scores_of(texts))
