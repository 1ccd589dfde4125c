"""Attribution extraction: who said what, and which quotations stand unsourced.

For every attribution relation we find, PolNeAR-style, the *source* span
("Dr. Jane Roe", "he", "officials"), the *cue* span ("said", "according to",
"told") and the *content* span(s) (what was said, thought or reported).

Pipeline (all regexes are compiled at import; one pass over the tokens):

1. tokenise the text once (``_TOKEN``); pair quotation marks into quote spans,
   across sentences and across paragraphs (a paragraph that opens with a quote
   mark and never closes it continues in the next one that opens with a quote
   mark, as in print convention);
2. find cue spans with the learned B/I/O cue tagger over every token
   (``rules/attribution/tagger.json``: multinomial logistic regression over
   hashed context templates, trained on PolNeAR ``train``), so that cues that are no
   reporting verb ("brushed off", "is a fierce critic of") are found too; agentless
   passives ("is accused of") get no source. Without the tagger file, cue candidates
   come from the cue lexicon (``rules/attribution/lexicon.json``) filtered by the
   earlier candidate classifier (``rules/attribution/cue_model.json``);
3. for each cue find its source noun phrase (left "X said", inverted "said X",
   "according to X", participial ", saying" -> clause subject), then its
   content (right of the cue, left of ", X said", both sides of a split quote,
   or a whole quotation running over several sentences/paragraphs);
4. resolve pronouns and short names to the last full name mentioned earlier and
   classify every source (person with role, organisation, outlet, document,
   anonymous).

``run(analysis)`` fills the ``Analysis`` contract and emits ATT001/ATT002.
``extract(text, sentences)`` is the plain-string API used by the evaluation.
"""

from __future__ import annotations

import bisect
import json
import math
import operator
import re
import threading
import zlib
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import numpy as np

from checker.core.analysis import (
    ANONYMOUS,
    DOCUMENT,
    ORGANISATION,
    OUTLET,
    PERSON,
    Analysis,
    Attribution,
    SourceMention,
)
from checker.core.datafiles import load_data
from checker.core.document import Span
from checker.core.rule import Rule, register

FAMILY = "attribution"
_HERE = Path(__file__).resolve().parent
LEXICON_PATH = _HERE / "lexicon.json"
MODEL_PATH = _HERE / "cue_model.json"

VAGUE = register(
    Rule(
        id="ATT001",
        name="vague-attribution",
        family=FAMILY,
        severity="warning",
        summary="Attribution to an unnamed or generic source, or an agentless passive.",
        rationale=(
            "Readers cannot weigh a claim whose source they cannot identify. 'Officials said', "
            "'critics argue' or 'the plan is thought to' hides who is speaking and lets the "
            "writer's own view pass as someone else's. Name the source, or say why it cannot be "
            "named and how many independent people confirmed it."
        ),
        bad="The new bridge is thought to be unsafe, sources said.",
        good=(
            "The new bridge fails two load tests, the county engineer, Ana Ruiz, said in her "
            "inspection report."
        ),
    )
)
UNATTRIBUTED_QUOTE = register(
    Rule(
        id="ATT002",
        name="unattributed-quote",
        family=FAMILY,
        severity="warning",
        summary="A direct quotation with no identifiable speaker.",
        rationale=(
            "A quotation puts words in someone's mouth. Without a speaker the reader cannot "
            "check it or judge it, and a floating quote can be misread as the outlet's own "
            "claim. Short scare quotes of one to three words are not flagged."
        ),
        bad='Residents are angry. "We were never asked about the new road at all."',
        good='"We were never asked about the new road at all," said Tom Berg, who lives nearby.',
    )
)


# --------------------------------------------------------------------------- lexicon

def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb lemma (say -> says, said, saying)."""
    words = lemma.split()
    head, rest = words[0], " ".join(words[1:])
    forms: list[str]
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [f"{f} {rest}".strip() for f in forms]


@dataclass(frozen=True)
class Lexicon:
    cue_forms: dict[str, str]  # form -> "speech" | "belief"
    phrase_cues: tuple[str, ...]
    source_before_phrases: frozenset[str]
    recipients: frozenset[str]
    pronouns: dict[str, str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    anonymous_heads: frozenset[str]
    vague_determiners: frozenset[str]
    outlets: frozenset[str]
    outlet_words: frozenset[str]
    outlet_nouns: frozenset[str]
    organisation_words: frozenset[str]
    organisation_nouns: frozenset[str]
    document_nouns: frozenset[str]
    agentless_re: re.Pattern[str]
    vague_re: re.Pattern[str]


def _phrase_re(phrases: Iterable[str]) -> re.Pattern[str]:
    alts = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
    pat = re.compile(rf"(?<![\w-]){_first_two_re(alts)}(?:{body})(?![\w-])", re.IGNORECASE)
    _PHRASE_PATTERNS.add(pat)
    return pat


# patterns made by _phrase_re: literal words joined by \s+ between [\w-] boundary tests, so
# no match can run over a character that is neither a space nor in a phrase (see _phrase_hits)
_PHRASE_PATTERNS: set[re.Pattern[str]] = set()


def _first_two_re(phrases: Sequence[str]) -> str:
    """A lookahead for the first two characters some phrase starts with: implied by the
    phrase alternation, it only spares the regex engine trying every phrase at most words."""
    seconds: dict[str, set[str]] = {}
    for p in phrases:
        if not p or p[0].isspace():  # a leading space matches any whitespace (\s+)
            return ""
        seconds.setdefault(p[0], set()).add(p[1:2])
    alts = []
    for first, nxt in sorted(seconds.items()):
        if "" in nxt:  # a one-character phrase
            alts.append(re.escape(first))
        else:
            chars = "".join(r"\s" if c == " " else re.escape(c) for c in sorted(nxt))
            alts.append(f"{re.escape(first)}[{chars}]")
    return f"(?={'|'.join(alts)})" if alts else ""


def build_lexicon(data: dict[str, Any], extra: dict[str, list[str]] | None = None) -> Lexicon:
    """Build a :class:`Lexicon` from the JSON data plus configuration extras."""
    data = {k: (list(v) if isinstance(v, list) else v) for k, v in data.items()}
    for key, values in (extra or {}).items():
        if isinstance(data.get(key), list):
            data[key] = data[key] + list(values)
    irregular: dict[str, list[str]] = data.get("irregular", {})
    cue_forms: dict[str, str] = {}
    for kind in ("belief_verbs", "speech_verbs"):
        label = "belief" if kind == "belief_verbs" else "speech"
        for lemma in data.get(kind, []):
            lemma = lemma.lower()
            if " " in lemma:
                continue  # multi-word verbs are phrase cues
            for form in irregular.get(lemma) or _inflect(lemma):
                cue_forms[form] = label
    return Lexicon(
        cue_forms=cue_forms,
        phrase_cues=tuple(p.lower() for p in data.get("phrase_cues", [])),
        source_before_phrases=frozenset(p.lower() for p in data.get("source_before_phrases", [])),
        recipients=frozenset(p.lower() for p in data.get("recipients_after_tell", [])),
        pronouns={k.lower(): v for k, v in data.get("pronouns", {}).items()},
        titles=frozenset(t.lower() for t in data.get("titles", [])),
        role_nouns=frozenset(t.lower() for t in data.get("role_nouns", [])),
        anonymous_heads=frozenset(t.lower() for t in data.get("anonymous_heads", [])),
        vague_determiners=frozenset(t.lower() for t in data.get("vague_determiners", [])),
        outlets=frozenset(t.lower() for t in data.get("outlets", [])),
        outlet_words=frozenset(t.lower() for t in data.get("outlet_words", [])),
        outlet_nouns=frozenset(t.lower() for t in data.get("outlet_nouns", [])),
        organisation_words=frozenset(t.lower() for t in data.get("organisation_words", [])),
        organisation_nouns=frozenset(t.lower() for t in data.get("organisation_nouns", [])),
        document_nouns=frozenset(t.lower() for t in data.get("document_nouns", [])),
        agentless_re=_phrase_re(data.get("agentless_passives", [])),
        vague_re=_phrase_re(data.get("vague_phrases", [])),
    )


@lru_cache(maxsize=1)
def _base_lexicon_data() -> dict[str, Any]:
    return load_data(LEXICON_PATH, "checker-attribution-lexicon")


@lru_cache(maxsize=8)
def _lexicon_cached(extra_key: str) -> Lexicon:
    extra = json.loads(extra_key) if extra_key else None
    return build_lexicon(_base_lexicon_data(), extra)


def get_lexicon(extra: dict[str, list[str]] | None = None) -> Lexicon:
    return _lexicon_cached(json.dumps(extra, sort_keys=True) if extra else "")


# --------------------------------------------------------------------------- learned cue model


@dataclass(frozen=True)
class CueModel:
    """Logistic regression over hashed-free sparse features, loaded from plain JSON."""

    weights: dict[str, float]
    bias: float
    threshold: float
    extra_cues: dict[str, str] = field(default_factory=dict)

    def prob(self, features: Iterable[str]) -> float:
        z = self.bias
        w = self.weights
        for f in features:
            z += w.get(f, 0.0)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=4)
def load_cue_model(path: str = str(MODEL_PATH)) -> CueModel | None:
    p = Path(path)
    if not p.is_file():
        return None
    data = load_data(p, "checker-attribution-cue-model")
    return CueModel(
        weights={k: float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data.get("threshold", 0.5)),
        extra_cues={k: str(v) for k, v in data.get("extra_cues", {}).items()},
    )


# --------------------------------------------------------------------------- tokens

_ABBREV = (
    r"Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|St|Jr|Sr|Maj|Adm|Cmdr|Brig|Inc|Corp|"
    r"Co|Ltd|No|Mt|Ft|Pres|Sec|Amb|Calif|Mass|Vt|Fla|Ill|Tenn|Ariz|Conn|Penn|Pa|Va|Ga|Wash|Ore|"
    r"Mich|Minn|Wis|Ky|La|Okla|Colo|Nev|Tex|Ala|Miss|Md|Del|Neb|Kan|Ind|Mo|N\.Y|N\.J|N\.H|"
    r"N\.C|S\.C|Ret|ret|vs|etc|approx|Dept|Gov't|Univ"
)
# For speed, equivalent to the plain form ``(?:[A-Za-z]\.){2,}|(?:{_ABBREV})\.(?=...)|...``:
# the first alternative starts with a character class (which the regex engine rejects
# quickly), and the lookahead before the abbreviations is implied by them (every one starts
# with a capital or r/v/e/a and has at most six characters before its dot); it only saves
# trying the ~90 alternatives at every other word.
_TOKEN = re.compile(
    rf"[A-Za-z]\.(?:[A-Za-z]\.)+|(?=[A-Zrvea][\w'.]{{0,5}}\.)(?:{_ABBREV})\.(?=\s|\)|,|$)|''|``|"
    r"[\w@#]+(?:[-’'.&/]\w+)*|[“”\"‘’']|[^\w\s]",
)
_WORD = re.compile(r"\w")
_WORD_RUN = re.compile(r"\w+")

_QUOTE_MARKS = frozenset(('“', '”', '"', "''", "``"))  # the marks that open or close quotes

OPEN_Q = "“"
CLOSE_Q = "”"
STRAIGHT_Q = ('"', "''", "``")

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")

_BOUNDARY_WORDS = frozenset(
    """and but or nor that which because when while as if since after before although though
    so than where whereas whether until unless once to in on by with from into about over under
    is was were are be been being am has have had do does did will would can could shall should
    may might must not also then there here this these those it its what how why yet still
    even just only however meanwhile therefore thus instead rather both either neither
    whom whose at for of against during through across between among without within upon
    like unlike near out up down off""".split()
)
_NP_INNER_PREPS = frozenset(("of", "for", "at", "in", "from", "with", "on", "to", "by"))
_DETERMINERS = frozenset(
    """the a an this that these those his her their its our my your some many several few
    one two three four five most other another each every any all both no such""".split()
)
_AUX = frozenset(
    """has have had 's ’s will would could should may might must can did does do also
    later previously repeatedly then recently once publicly privately reportedly allegedly
    often frequently again already still never not n't initially earlier further firmly
    quickly flatly simply bluntly openly loudly long since first last directly specifically
    formerly separately jointly additionally ultimately originally generally is are was were
    am be been being now already even just only widely strongly""".split()
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
_TELL = frozenset(("told", "tell", "tells", "telling", "explained", "wrote", "writes"))
_PERSON_PRONOUNS = frozenset(("he", "she", "i", "him", "her"))
_QUOTE_TOKENS = frozenset(('“', '”', '"', "''", "``", "‘", "’"))
_SENT_FINAL = frozenset((".", "!", "?"))
_CLAUSE_PUNCT = frozenset((",", ";", ":", "(", ")", "—", "–", "-", "[", "]"))
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year weekend earlier later recently
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_MEDIUM_NOUNS = frozenset(
    """statement interview tweet post letter memo email e-mail speech report release
    conference call appearance video message remarks testimony op-ed column blog
    briefing hearing podcast broadcast filing note""".split()
)


class Tok(NamedTuple):
    """One token. A tuple: made by the hundred per article, a tuple costs no Python call
    (``_toks``)."""

    start: int
    end: int
    text: str
    low: str
    sent: int  # index of the sentence containing this token (-1: none)
    quote: int = -1  # index of the quote span containing this token (-1: none)


def _toks(*fields: Iterable[Any]) -> list[Tok]:
    """Tokens from parallel field sequences (``Tok(*row)`` for each row, without the call)."""
    return list(map(tuple.__new__, repeat(Tok), zip(*fields, strict=False)))


def _token_texts(text: str) -> tuple[list[str], list[int]]:
    """Texts and start offsets of the tokens. Every non-space character is in a token and
    no token starts with a space, so each token is the first occurrence of its text after
    the previous token (cheaper than a match object per token)."""
    texts = _TOKEN.findall(text)
    starts: list[int] = []
    add = starts.append
    find = text.find
    pos = 0
    for x in texts:
        pos = find(x, pos)
        add(pos)
        pos += len(x)
    return texts, starts


def tokenize(text: str) -> list[Tok]:
    texts, starts = _token_texts(text)
    ends = map(operator.add, starts, map(len, texts))
    return _toks(starts, ends, texts, map(str.lower, texts), repeat(-1), repeat(-1))


def _is_cap(t: Tok) -> bool:
    c = t.text[0]
    return c.isupper() or (c.isdigit() and len(t.text) > 1 and t.text[-1].isalpha())


def _is_word(t: Tok) -> bool:
    return bool(_WORD.match(t.text))


def _count_words(toks: Sequence[Tok], a: int, b: int, cap: int) -> int:
    """The number of word tokens in ``toks[a:b]``, counting no further than ``cap``."""
    n = 0
    for k in range(a, b):
        if _WORD.match(toks[k].text):
            n += 1
            if n >= cap:
                break
    return n


# --------------------------------------------------------------------------- quotes


def find_quotes(text: str, toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """Pair quotation marks into spans (including the marks), across paragraphs; the spans
    come in text order and never overlap (one quotation is open at a time).

    Curly marks pair by direction; straight ``"`` and ``''`` toggle. A paragraph
    that ends with a quotation still open continues into the next paragraph when
    that paragraph opens with a quotation mark; otherwise the quotation is closed
    at the paragraph end.
    """
    para_ends = [m.start() for m in _PARA_BREAK.finditer(text)] + [len(text)]
    spans: list[tuple[int, int]] = []
    open_start = -1
    open_kind = ""
    last_end = -1
    pi = 0
    continuing = False
    for t in toks:
        if t.text not in _QUOTE_MARKS:
            continue
        while pi < len(para_ends) - 1 and t.start > para_ends[pi]:
            # paragraph boundary crossed
            if open_start >= 0:
                nxt = text[para_ends[pi] :].lstrip()
                if nxt[:1] in ('“', '"') or nxt[:2] in ("''", "``"):
                    continuing = True
                elif nxt[:1].islower():
                    pass  # a paragraph broken mid-sentence: the quotation goes on
                else:
                    spans.append((open_start, max(last_end, open_start + 1)))
                    open_start = -1
            pi += 1
        last_end = t.end
        kind = "curly" if t.text in ('“', '”') else "straight"
        if continuing:
            continuing = False
            if t.text in ('“', '"', "''", "``"):
                continue  # the continuation mark of a multi-paragraph quotation
        if open_start < 0:
            if t.text == '”':
                continue  # stray closing mark
            open_start, open_kind = t.start, kind
        else:
            if t.text == '“' and open_kind == "curly":
                # a new opening inside an open curly quote: close the old one here
                spans.append((open_start, t.start))
                open_start = t.start
                continue
            if kind == "curly" and t.text != '”' and open_kind != "curly":
                continue
            spans.append((open_start, t.end))
            open_start = -1
    if open_start >= 0:
        end = len(text)
        for pe in para_ends:
            if pe > open_start:
                end = pe
                break
        spans.append((open_start, end))
    return [s for s in spans if s[1] > s[0]]


# --------------------------------------------------------------------------- records


@dataclass
class Extracted:
    """One attribution relation, with offsets into the text."""

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: list[tuple[int, int]]
    source_text: str = ""
    source_name: str = ""
    source_kind: str = ""
    role: str = ""
    direct: bool = False
    cue_text: str = ""
    vague: bool = False
    citing: tuple[int, int] | None = None  # a nested "citing sources" mention
    citing_text: str = ""


# --------------------------------------------------------------------------- extraction


class _Doc:
    """Tokens with sentence and quote indices, for one text."""

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]], lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        # token texts and offsets first; the Tok objects are made once their sentence and
        # quotation are known (the lists stay: tok_sent and tok_quote feed the tagger)
        self.tok_texts, self.tok_starts = texts, starts = _token_texts(text)
        n = len(texts)
        ends = list(map(operator.add, starts, map(len, texts)))
        self.sents = list(sentences)
        self._starts = [s for s, _ in self.sents]
        # a sentence owns the tokens starting inside it, skipping none (token starts ascend)
        self.tok_sent = sent = [-1] * n
        self.sent_tok: list[tuple[int, int]] = []
        ti = 0
        for si, (s, e) in enumerate(self.sents):
            a = bisect.bisect_left(starts, s, ti)
            ti = bisect.bisect_left(starts, e, a)
            sent[a:ti] = [si] * (ti - a)
            self.sent_tok.append((a, ti))
        marks = [Tok(starts[k], ends[k], texts[k], texts[k], -1)
                 for k in compress(range(n), map(_QUOTE_MARKS.__contains__, texts))]
        self.quotes = quotes = find_quotes(text, marks)
        self.tok_quote = quote = [-1] * n
        # a token belongs to the quotation it starts inside (find_quotes opens one quotation
        # at a time, so its spans come in text order and do not overlap)
        prev_end = -1
        for qi, (qs, qe) in enumerate(quotes):
            a = bisect.bisect_left(starts, max(qs, prev_end))
            b = bisect.bisect_left(starts, qe)
            quote[a:b] = [qi] * (b - a)
            prev_end = qe
        self.tok_lows = lows = list(map(str.lower, texts))
        self.toks = _toks(starts, ends, texts, lows, sent, quote)
        self.used = [False] * n

    def sent_of(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        return max(i, 0)


# --------------------------------------------------------------------------- learned cue tagger
#
# A token-level B/I/O tagger for cue spans over *every* token (not only lexicon verbs):
# multinomial logistic regression over hashed feature templates. Every template combines
# small per-token attributes (lower-case word, suffix, shape, lexicon class, quote flag,
# position in the sentence) of the token and its neighbours in the same sentence; feature
# indices are computed for a whole document at once with numpy (FNV-style hashing of crc32
# attribute codes, stable across runs and platforms), and scoring is one gather-and-sum.

TAGGER_PATH = _HERE / "tagger.json"
TAG_O, TAG_B, TAG_I = 0, 1, 2
_TAGGER_LOW = 0.5  # continuation tokens need half the decision threshold
_FNV = np.uint64(1099511628211)
_DIGITS = re.compile(r"\d")
_PAD = 0x5BD1E995
_SHAPE_CODES = {"low": 1, "Cap": 2, "CAPS": 3, "num": 4, "Q": 5, ",": 6, ".": 7, ":": 8,
                "(": 9, ")": 10, "-": 11, "p": 12}
# templates: (name, ((attribute, offset), ...)); the name salts the hash
TAGGER_TEMPLATES: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("w", (("w", 0),)), ("w-1", (("w", -1),)), ("w+1", (("w", 1),)),
    ("w-2", (("w", -2),)), ("w+2", (("w", 2),)), ("w-3", (("w", -3),)), ("w+3", (("w", 3),)),
    ("s", (("s", 0),)), ("s-1", (("s", -1),)), ("s+1", (("s", 1),)),
    ("sh", (("sh", 0),)), ("sh-1", (("sh", -1),)), ("sh+1", (("sh", 1),)),
    ("sh-2", (("sh", -2),)), ("sh+2", (("sh", 2),)),
    ("lx", (("lx", 0),)), ("lx-1", (("lx", -1),)), ("lx+1", (("lx", 1),)),
    ("lx-2", (("lx", -2),)), ("lx+2", (("lx", 2),)),
    ("q", (("q", 0),)), ("pos", (("pos", 0),)),
    ("w|w+1", (("w", 0), ("w", 1))), ("w-1|w", (("w", -1), ("w", 0))),
    ("w|sh+1", (("w", 0), ("sh", 1))), ("sh-1|w", (("sh", -1), ("w", 0))),
    ("w|lx+1", (("w", 0), ("lx", 1))), ("lx-1|w", (("lx", -1), ("w", 0))),
    ("w|q", (("w", 0), ("q", 0))), ("w|pos", (("w", 0), ("pos", 0))),
    ("sh-1|sh|sh+1", (("sh", -1), ("sh", 0), ("sh", 1))),
    ("lx-1|lx|lx+1", (("lx", -1), ("lx", 0), ("lx", 1))),
    ("sh-2|sh-1|lx", (("sh", -2), ("sh", -1), ("lx", 0))),
    ("lx|sh+1|sh+2", (("lx", 0), ("sh", 1), ("sh", 2))),
    ("s|lx-1", (("s", 0), ("lx", -1))), ("s|w+1", (("s", 0), ("w", 1))),
    ("w-1|w+1", (("w", -1), ("w", 1))), ("w-2|w-1", (("w", -2), ("w", -1))),
    ("w+1|w+2", (("w", 1), ("w", 2))), ("q-1|q|q+1", (("q", -1), ("q", 0), ("q", 1))),
)


def _shape_code(t: Tok) -> int:
    return _text_shape(t.text)


def _text_shape(x: str) -> int:
    if x in _QUOTE_TOKENS:
        return _SHAPE_CODES["Q"]
    c = x[0]
    if c.isalpha():
        if x.isupper() and len(x) > 1:
            return _SHAPE_CODES["CAPS"]
        return _SHAPE_CODES["Cap"] if c.isupper() else _SHAPE_CODES["low"]
    if c.isdigit():
        return _SHAPE_CODES["num"]
    if x in (",", ";"):
        return _SHAPE_CODES[","]
    if x in _SENT_FINAL:
        return _SHAPE_CODES["."]
    if x == ":":
        return _SHAPE_CODES[":"]
    if x in ("(", "["):
        return _SHAPE_CODES["("]
    if x in (")", "]"):
        return _SHAPE_CODES[")"]
    if x in ("-", "—", "–", "--"):
        return _SHAPE_CODES["-"]
    return _SHAPE_CODES["p"]


def _lex_code(low: str, lex: Lexicon, extra: dict[str, str]) -> int:
    kind = lex.cue_forms.get(low) or extra.get(low)
    if kind:
        return 1 if kind == "speech" else 2 if kind == "belief" else 3
    if low in lex.pronouns:
        return 4
    if low in _AUX:
        return 5
    if low in _DETERMINERS:
        return 6
    if low in ("that", "whether", "if", "how", "why", "what"):
        return 7
    if low in _NP_INNER_PREPS or low in ("about", "over", "against", "into"):
        return 8
    if low in lex.role_nouns or low in lex.anonymous_heads or low in lex.titles:
        return 9
    if low in lex.organisation_nouns or low in lex.outlet_nouns or low in lex.document_nouns:
        return 10
    if low in _BOUNDARY_WORDS:
        return 11
    return 0


def _pos_code(k: int) -> int:
    return k if k < 4 else 4 if k < 7 else 5


def _word_codes(text: str, lex: Lexicon, extra: dict[str, str]) -> tuple[int, int, int, int]:
    """(word, suffix, lexicon class, shape) attribute codes of one token text."""
    low = text.lower()
    norm = _DIGITS.sub("0", low)
    return (zlib.crc32(norm.encode()), zlib.crc32(("~" + norm[-3:]).encode()),
            _lex_code(low, lex, extra), _text_shape(text))


# tagger attribute rows, ordered so that the attributes a neighbour offset needs come first
_ATTRS = ("w", "lx", "sh", "s", "q", "pos")


class _CodeTable:
    """Attribute codes of every token text seen so far, for one lexicon and extra cues: the
    codes depend on the token text only, so each text is coded once per process.

    Thread-safe: texts are added under a lock, their table columns written before their ids
    are published, and a reader takes the (ids, table) pair in one read."""

    MAX_TEXTS = 200_000  # start afresh past this many distinct texts (bounded memory)

    def __init__(self, lex: Lexicon, extra: dict[str, str]) -> None:
        self.lex = lex  # kept alive: the cache key holds its id
        self.extra = dict(extra)
        self._lock = threading.Lock()
        self._state = self._fresh()

    def _fresh(self) -> tuple[dict[str, int], np.ndarray]:
        # text -> column; rows w, lx, sh, s (the order of _ATTRS)
        return {}, np.empty((4, self.MAX_TEXTS), dtype=np.uint64)

    def _column(self, text: str) -> tuple[int, int, int, int]:
        w, suffix, lx, sh = _word_codes(text, self.lex, self.extra)
        return w, lx, sh, suffix

    def codes(self, texts: Sequence[str]) -> np.ndarray:
        """(4, n) uint64 codes (rows w, lx, sh, s) of the texts."""
        ids, table = self._state
        idx = list(map(ids.get, texts, repeat(-1)))
        if -1 in idx:
            with self._lock:
                ids, table = self._add(texts)
            if len(ids) == 0:  # more new texts than the table holds: code them directly
                cols = [self._column(x) for x in texts]
                return np.array(cols, dtype=np.uint64).reshape(-1, 4).T
            idx = list(map(ids.__getitem__, texts))
        return np.take(table, np.array(idx, dtype=np.intp), axis=1)

    def _add(self, texts: Sequence[str]) -> tuple[dict[str, int], np.ndarray]:
        ids, table = self._state
        new = [x for x in dict.fromkeys(texts) if x not in ids]
        if len(ids) + len(new) > self.MAX_TEXTS:
            ids, table = self._state = self._fresh()
            new = list(dict.fromkeys(texts))
            if len(new) > self.MAX_TEXTS:
                return ids, table
        known = len(ids)
        cols = [self._column(x) for x in new]
        table[:, known : known + len(new)] = np.array(cols, dtype=np.uint64).reshape(-1, 4).T
        ids.update(zip(new, range(known, known + len(new)), strict=True))
        return ids, table


_CODE_TABLES: dict[tuple[int, tuple[tuple[str, str], ...]], _CodeTable] = {}


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _bounded_get(cache: dict[K, V], key: K, make: Callable[[], V], limit: int = 8) -> V:
    """``cache[key]``, made by ``make()`` when missing; the cache starts afresh at ``limit``."""
    value = cache.get(key)
    if value is None:
        if len(cache) >= limit:
            cache.clear()
        value = cache[key] = make()
    return value


def _code_table(lex: Lexicon, extra: dict[str, str]) -> _CodeTable:
    key = (id(lex), tuple(sorted(extra.items())))
    return _bounded_get(_CODE_TABLES, key, lambda: _CodeTable(lex, extra))


_POS_CODES = [_pos_code(k) for k in range(512)]


def _attribute_matrix(d: _Doc, extra: dict[str, str]) -> np.ndarray:
    """(len(_ATTRS), n_tokens) uint64 attribute codes of a document's tokens."""
    n = len(d.toks)
    vals = np.empty((len(_ATTRS), n), dtype=np.uint64)
    vals[:4] = _code_table(d.lex, extra).codes(d.tok_texts)
    vals[4] = np.array(d.tok_quote) >= 0
    pos = [6] * n  # tokens outside every sentence
    for a, b in d.sent_tok:
        pos[a:b] = _POS_CODES[: b - a] if b - a <= len(_POS_CODES) else map(_pos_code, range(b - a))
    vals[5] = pos
    return vals


def tagger_attributes(d: _Doc, extra: dict[str, str] | None = None) -> dict[str, np.ndarray]:
    """Per-token attribute codes (uint64) and sentence ids of a document."""
    vals = _attribute_matrix(d, extra or {})
    attrs = {name: vals[i] for i, name in enumerate(_ATTRS)}
    attrs["sent"] = np.array(d.tok_sent, dtype=np.int64)
    return attrs


# Hashing all templates at once: the neighbour values every template part needs are rows of
# one matrix (a block of attribute rows per offset), and the templates are hashed in order
# of their number of parts, so that each later part updates a tail of the hash rows in place.
def _offset_blocks() -> list[tuple[int, int, int]]:
    """(offset, first row, number of attribute rows) of each offset block."""
    need: dict[int, int] = {}
    for _, parts in TAGGER_TEMPLATES:
        for attr, off in parts:
            need[off] = max(need.get(off, 0), _ATTRS.index(attr) + 1)
    blocks = []
    row = 0
    for off in sorted(need):
        blocks.append((off, row, need[off]))
        row += need[off]
    return blocks


_BLOCKS = _offset_blocks()
_BLOCK_ROW = {off: row for off, row, _ in _BLOCKS}
_BY_PARTS = sorted(range(len(TAGGER_TEMPLATES)), key=lambda ti: len(TAGGER_TEMPLATES[ti][1]))
_UNSORT = np.argsort(_BY_PARTS).astype(np.intp)  # back to template order
_SALTS = np.array([[zlib.crc32(TAGGER_TEMPLATES[ti][0].encode())] for ti in _BY_PARTS],
                  dtype=np.uint64)


def _part_rows(level: int) -> tuple[int, np.ndarray]:
    """(first sorted template with a part ``level``, matrix row of that part per template)."""
    parts = [TAGGER_TEMPLATES[ti][1] for ti in _BY_PARTS]
    first = next(i for i, p in enumerate(parts) if len(p) > level)
    rows = [_BLOCK_ROW[p[level][1]] + _ATTRS.index(p[level][0]) for p in parts[first:]]
    return first, np.array(rows, dtype=np.intp)


_PART_ROWS = [_part_rows(level) for level in range(max(len(p) for _, p in TAGGER_TEMPLATES))]


def _hash_rows(vals: np.ndarray, sent: np.ndarray, bits: int) -> np.ndarray:
    """(n_templates, n_tokens) hashed feature indices of an attribute matrix
    (:func:`_attribute_matrix`); see :func:`tagger_feature_indices`."""
    n = vals.shape[1]
    pad = np.uint64(_PAD)
    # near[row(offset, attribute), i]: the attribute of token i + offset if that token is
    # in the same sentence, else _PAD
    near = np.full((_BLOCKS[-1][1] + _BLOCKS[-1][2], n), pad, dtype=np.uint64)
    for off, row, k in _BLOCKS:
        if off == 0:
            near[row : row + k] = vals[:k]
        elif 0 < off < n:
            near[row : row + k, :-off] = np.where(sent[off:] == sent[:-off], vals[:k, off:], pad)
        elif 0 < -off < n:
            near[row : row + k, -off:] = np.where(sent[:off] == sent[-off:], vals[:k, :off], pad)
    h = near[_PART_ROWS[0][1]]
    h ^= _SALTS
    h *= _FNV
    for first, rows in _PART_ROWS[1:]:
        tail = h[first:]
        tail ^= near[rows]
        tail *= _FNV
    h >>= np.uint64(24)
    h &= np.uint64((1 << bits) - 1)
    return np.take(h.view(np.int64), _UNSORT, axis=0)


def tagger_feature_indices(attrs: dict[str, np.ndarray], bits: int) -> np.ndarray:
    """(n_tokens, n_templates) hashed feature indices in ``[0, 2**bits)``.

    Template ``name`` over parts (attribute, offset): FNV-style hash of the crc32 of the name
    and the part values, a neighbour outside the token's sentence (or the text) being _PAD.
    """
    vals = np.stack([attrs[a] for a in _ATTRS]).astype(np.uint64, copy=False)
    return np.ascontiguousarray(_hash_rows(vals, attrs["sent"], bits).T)


@dataclass(frozen=True)
class CueTagger:
    """B/I/O cue tagger: hashed-feature weights (index -> 3 class weights) from plain JSON."""

    bits: int
    weights: np.ndarray  # (2**bits, 3) float32
    bias: np.ndarray  # (3,)
    threshold: float  # a token is in a cue when P(B) + P(I) >= threshold
    extra_cues: dict[str, str] = field(default_factory=dict)
    # optional: the weights in rows of four (the fourth 0.0), which numpy gathers faster than
    # rows of three; ``weights`` is then the view of its first three columns
    weights4: np.ndarray | None = field(default=None, repr=False, compare=False)

    def proba(self, feats: np.ndarray) -> np.ndarray:
        """(n, 3) class probabilities of (n, n_templates) feature indices."""
        return self._proba_rows(feats.T)

    def _proba_rows(self, rows: np.ndarray) -> np.ndarray:
        # the template weights are summed in template order (a sequential float32 fold, as
        # ``weights[feats].sum(axis=1)`` does), so the result is the same to the bit
        if self.weights4 is not None:
            z = np.add.reduce(np.take(self.weights4, rows, axis=0), axis=0)[:, :3] + self.bias
        else:
            z = np.add.reduce(np.take(self.weights, rows, axis=0), axis=0) + self.bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def spans(self, d: _Doc) -> list[tuple[int, int]]:
        """Token ranges (first, last) of predicted cues, in text order."""
        toks = d.toks
        if not toks:
            return []
        vals = _attribute_matrix(d, self.extra_cues)
        sent = np.array(d.tok_sent, dtype=np.int64)
        p = self._proba_rows(_hash_rows(vals, sent, self.bits))
        return decode_cue_spans(p, d.tok_sent, self.threshold)


def decode_cue_spans(p: np.ndarray, sent: Sequence[int], threshold: float,
                     low: float | None = None) -> list[tuple[int, int]]:
    """Hysteresis B/I/O decoding: runs of tokens with P(B) + P(I) >= ``low`` inside one
    sentence, split where B beats I, kept when some token reaches ``threshold``."""
    pin = p[:, TAG_B] + p[:, TAG_I]
    lo = threshold * _TAGGER_LOW if low is None else low
    out: list[tuple[int, int]] = []
    start = end = -1
    peak = 0.0
    for i in np.flatnonzero(pin >= lo).tolist():
        if start >= 0 and end == i - 1 and sent[i] == sent[start] \
                and p[i, TAG_I] >= p[i, TAG_B]:
            end = i
            peak = max(peak, float(pin[i]))
            continue
        if start >= 0 and peak >= threshold:
            out.append((start, end))
        start = end = i
        peak = float(pin[i])
    if start >= 0 and peak >= threshold:
        out.append((start, end))
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and merged[-1][1] == a - 1 and sent[a] == sent[merged[-1][0]]:
            merged[-1] = (merged[-1][0], b)  # adjacent cues are one ("widely | believed")
        else:
            merged.append((a, b))
    return [(a, b) for a, b in merged if sent[a] >= 0]


@lru_cache(maxsize=4)
def load_cue_tagger(path: str = str(TAGGER_PATH)) -> CueTagger | None:
    p = Path(path)
    if not p.is_file():
        return None
    data = load_data(p, "checker-attribution-tagger")
    bits = int(data["bits"])
    w4 = np.zeros((1 << bits, 4), dtype=np.float32)
    idx = np.asarray(data["index"], dtype=np.int64)
    if len(idx):
        w4[idx, :3] = np.asarray(data["weights"], dtype=np.float32)
    return CueTagger(bits=bits, weights=w4[:, :3], bias=np.asarray(data["bias"], dtype=np.float64),
                     threshold=float(data["threshold"]),
                     extra_cues={k: str(v) for k, v in data.get("extra_cues", {}).items()},
                     weights4=w4)


_PHRASE_CUE_STARTS = frozenset(("according", "as", "in", "pointed", "points", ":"))
_STARTERS: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[Lexicon, frozenset[str]]] = {}


def _candidate_starters(lex: Lexicon, extra: dict[str, str]) -> frozenset[str]:
    """Lower-case token texts at which :func:`_cue_candidates` can find a candidate."""
    key = (id(lex), tuple(sorted(extra.items())))
    hit = _STARTERS.get(key)
    if hit is None or hit[0] is not lex:
        if len(_STARTERS) >= 8:
            _STARTERS.clear()
        hit = _STARTERS[key] = (lex, _PHRASE_CUE_STARTS | set(lex.cue_forms) | set(extra))
    return hit[1]


def _cue_candidates(d: _Doc, model: CueModel | None) -> list[tuple[int, int, str]]:
    """(first token, last token, kind) of cue candidates, in text order."""
    lex = d.lex
    toks = d.toks
    out: list[tuple[int, int, str]] = []
    extra = model.extra_cues if model else {}
    n = len(toks)
    starters = _candidate_starters(lex, extra)
    nxt = 0  # the next token to look at: a phrase cue found skips its other tokens
    for i in compress(range(n), map(starters.__contains__, d.tok_lows)):
        if i < nxt:
            continue
        nxt = i + 1
        t = toks[i]
        if t.quote >= 0 and toks[i].text not in _QUOTE_TOKENS:
            continue
        low = t.low
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            out.append((i, i + 1, "according"))
            nxt = i + 2
            continue
        if low == "as" and i + 2 < n and toks[i + 1].low in ("provided", "reported", "quoted") \
                and toks[i + 2].low == "by":
            out.append((i, i + 2, "according"))
            nxt = i + 3
            continue
        if low == "in" and i + 3 < n and toks[i + 1].low == "the" and toks[i + 2].low == "words" \
                and toks[i + 3].low == "of":
            out.append((i, i + 3, "according"))
            nxt = i + 4
            continue
        kind = lex.cue_forms.get(low) or extra.get(low)
        if kind:
            j = i
            if low in ("pointed", "points", "point", "pointing") and i + 1 < n \
                    and toks[i + 1].low == "out":
                j = i + 1
            out.append((i, j, kind))
        elif low in ("pointed", "points") and i + 1 < n and toks[i + 1].low == "out":
            out.append((i, i + 1, "speech"))
            nxt = i + 2
        elif low == ":" and i > 0 and t.quote < 0:
            out.append((i, i, "colon"))
    return out


def cue_features(toks: Sequence[Tok], i: int, j: int) -> list[str]:
    """Context features of a cue candidate spanning tokens ``i..j`` (used by the model)."""
    t = toks[i]
    prev = toks[i - 1] if i > 0 else None
    prev2 = toks[i - 2] if i > 1 else None
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    nxt2 = toks[j + 2] if j + 2 < len(toks) else None
    same_prev = prev is not None and prev.sent == t.sent
    same_next = nxt is not None and nxt.sent == t.sent

    def shape(x: Tok | None, same: bool) -> str:
        if x is None or not same:
            return "<S>"
        if x.text in _QUOTE_TOKENS:
            return "Q"
        if not _is_word(x):
            return x.text
        if x.low in _PERSON_PRONOUNS or x.low in ("they", "we", "it", "who"):
            return "PRON"
        if _is_cap(x):
            return "Cap"
        return "low"

    w = t.low
    f = [f"w={w}", f"p={prev.low if same_prev and prev else '<S>'}",
         f"n={nxt.low if same_next and nxt else '<E>'}",
         f"ps={shape(prev, same_prev)}", f"ns={shape(nxt, same_next)}",
         f"w_ps={w}|{shape(prev, same_prev)}", f"w_ns={w}|{shape(nxt, same_next)}",
         f"pp={prev2.low if prev2 is not None and prev2.sent == t.sent else '<S>'}",
         f"nn={nxt2.low if nxt2 is not None and nxt2.sent == t.sent else '<E>'}",
         f"suf={w[-3:]}", f"w_n={w}|{nxt.low if same_next and nxt else '<E>'}",
         f"w_p={w}|{prev.low if same_prev and prev else '<S>'}"]
    if t.quote >= 0:
        f.append("inquote")
    if w == ":":
        f.append(f"colon_p={shape(prev, same_prev)}|{shape(nxt, same_next)}")
    return f


def _np_left(d: _Doc, end: int, sent: int) -> tuple[int, int] | None:
    """Token range [a, end] of the noun phrase ending at token ``end`` (inclusive)."""
    toks = d.toks
    lex = d.lex
    if end < 0 or toks[end].sent != sent:
        return None
    t = toks[end]
    if t.low in lex.pronouns:
        return (end, end)
    if t.text == ")":
        # "(D-Vt.)" after a name
        k = end - 1
        while k >= 0 and toks[k].sent == sent and toks[k].text != "(" and end - k < 8:
            k -= 1
        if k > 0 and toks[k].text == "(":
            inner = _np_left(d, k - 1, sent)
            if inner:
                return (inner[0], end)
        return None
    if t.text == ",":
        # appositive: "Name, a role of something, said"
        k = end - 1
        lim = max(end - 32, 0)
        while k >= lim and toks[k].sent == sent and toks[k].text not in (",", ";", ":") \
                and toks[k].text not in _QUOTE_TOKENS and toks[k].low not in lex.cue_forms:
            k -= 1
        if k >= lim and toks[k].text == "," and toks[k].sent == sent and k + 1 < end:
            head = _np_left(d, k - 1, sent)
            if head and _is_cap(toks[head[1]]) and toks[k + 1].low not in ("and", "but", "or"):
                return (head[0], end)
        return None
    if not _is_word(t) or t.low in _BOUNDARY_WORDS or t.low in lex.cue_forms and not _is_cap(t):
        return None
    a = end
    k = end - 1
    while k >= 0 and toks[k].sent == sent and end - k < 14:
        x = toks[k]
        lw = x.low
        if x.text in ("’s", "'s") or (x.text == "." and k > 0 and toks[k - 1].end == x.start):
            k -= 1
            continue
        if x.text == "-" or x.text == "&":
            k -= 1
            continue
        if x.text == ")" and k >= 3 and toks[k - 2].text == "(" and _is_cap(toks[k - 3]):
            # "Col. (ret.) Jane Roe"
            a = k - 3
            k -= 4
            continue
        if not _is_word(x):
            break
        if lw in _DETERMINERS:
            a = k
            k -= 1
            if lw in ("the", "a", "an", "this", "these", "those", "his", "her", "their", "its",
                      "our", "my", "your"):
                if k >= 1 and (toks[k].low in ("of", "for", "at") or (
                    toks[k].low in ("in", "by") and (toks[k - 1].low.endswith("ed")
                                                    or toks[k - 1].low in lex.document_nouns)
                )) and toks[k].sent == sent \
                        and toks[k - 1].sent == sent and _is_word(toks[k - 1]) \
                        and toks[k - 1].low not in _BOUNDARY_WORDS \
                        and toks[k - 1].low not in lex.pronouns:
                    k -= 1
                    continue
                break
            continue
        if lw in _NP_INNER_PREPS and k > 0:
            # "a spokesman for the campaign", "sources cited in the article"
            left = toks[k - 1]
            if left.sent == sent and _is_word(left) and left.low not in _BOUNDARY_WORDS \
                    and left.low not in lex.pronouns:
                k -= 1
                continue
            break
        if lw in _BOUNDARY_WORDS or lw in lex.pronouns:
            break
        if lw in lex.cue_forms and not _is_cap(x):
            # participles inside a noun phrase ("sources cited in") only before a preposition
            if k + 1 <= end and toks[k + 1].low in _NP_INNER_PREPS:
                a = k
                k -= 1
                continue
            break
        a = k
        k -= 1
    # trim a leading preposition left over
    while a < end and toks[a].low in _NP_INNER_PREPS:
        a += 1
    return (a, end)


def _np_right(d: _Doc, start: int, sent: int, stop: int) -> tuple[int, int] | None:
    """Token range [start, b] of the noun phrase starting at ``start`` (before ``stop``)."""
    toks = d.toks
    lex = d.lex
    if start >= stop or toks[start].sent != sent:
        return None
    t = toks[start]
    if t.low in lex.pronouns:
        return (start, start)
    if not _is_word(t) or (t.low in _BOUNDARY_WORDS and t.low not in _DETERMINERS):
        return None
    b = start
    k = start + 1
    while k < stop and toks[k].sent == sent and k - start < 14:
        x = toks[k]
        lw = x.low
        if x.text in ("’s", "'s", "-", "&") or (x.text == "." and toks[k - 1].end == x.start
                                                  and k + 1 < stop and _is_word(toks[k + 1])
                                                  and toks[k + 1].start == x.end):
            b = k
            k += 1
            continue
        if x.text == "(":
            m = k + 1
            while m < stop and toks[m].text != ")" and m - k < 8:
                m += 1
            if m < stop and toks[m].text == ")":
                b = m
                k = m + 1
                continue
            break
        if not _is_word(x):
            break
        if lw in ("of", "for", "at", "by", "with", "from") and k + 1 < stop and (
            _is_cap(toks[k + 1]) or toks[k + 1].low in _DETERMINERS
        ):
            b = k
            k += 1
            continue
        if lw in _BOUNDARY_WORDS or (lw in lex.cue_forms and not _is_cap(x)):
            break
        if lw in _TIME_WORDS and not _is_cap(x):
            break
        b = k
        k += 1
    return (start, b)


def _sent_bounds(d: _Doc, sent: int) -> tuple[int, int]:
    return d.sent_tok[sent]


def _trim_content(d: _Doc, a: int, b: int) -> tuple[int, int] | None:
    """Trim token range [a, b] to a content char span (drop edge punctuation)."""
    toks = d.toks
    while a <= b and toks[a].text in (",", ":", ";", "—", "–", "-") :
        a += 1
    while b >= a and (toks[b].text in (",", ";", ":", "—", "–", "-", "(")
                      or (toks[b].text in _SENT_FINAL and toks[b].quote < 0)):
        b -= 1
    if b < a:
        return None
    start, end = toks[a].start, toks[b].end
    # a content that begins inside a quotation that opened earlier starts at the quote
    q = toks[a].quote
    if q >= 0 and d.quotes[q][0] < start and toks[a].text not in ('“', '"', "''"):
        start = d.quotes[q][0]
    q = toks[b].quote
    if q >= 0 and d.quotes[q][1] > end and toks[b].text in _QUOTE_TOKENS:
        end = d.quotes[q][1]
    return (start, end)


def _quote_extend_right(d: _Doc, a: int) -> int:
    """If token ``a`` opens a quotation, the char end of the whole quotation."""
    t = d.toks[a]
    if t.quote >= 0 and d.quotes[t.quote][0] == t.start:
        return d.quotes[t.quote][1]
    return -1


def _skip_after_cue(d: _Doc, k: int, s_end: int, cue_low: str, rec: Extracted) -> int:
    """Skip a recipient ("told reporters"), time/medium adverbials and "citing X"."""
    toks = d.toks
    lex = d.lex
    if cue_low in ("told", "tell", "tells", "telling", "asked", "informed", "assured", "urged",
                   "warned", "advised", "reminded", "briefed"):
        np = _np_right(d, k, toks[k].sent if k < s_end else -1, s_end) if k < s_end else None
        if np and (toks[np[0]].low in lex.recipients or _is_cap(toks[np[0]])
                   or toks[np[0]].low in _DETERMINERS):
            if toks[np[0]].low not in ("that",):
                k = np[1] + 1
    changed = True
    while changed and k < s_end:
        changed = False
        t = toks[k]
        if t.low in ("on", "in", "at", "during", "last", "this", "earlier", "late", "early") \
                and k + 1 < s_end:
            m = k + 1
            while m < s_end and m - k < 7 and toks[m].text not in (",", ":", '“', '"') \
                    and (toks[m].low in _TIME_WORDS or toks[m].low in _DETERMINERS
                         or toks[m].low in _MEDIUM_NOUNS or toks[m].text[:1].isdigit()
                         or toks[m].low in ("an", "a", "with", "to", "news", "press", "phone",
                                            "telephone", "written", "televised", "recent",
                                            "separate", "exclusive", "joint", "brief")
                         or (_is_cap(toks[m]) and toks[m].low not in ("i",))):
                m += 1
            covered = [toks[x].low for x in range(k + 1, m)]
            if m > k + 1 and (any(c in _TIME_WORDS or c in _MEDIUM_NOUNS for c in covered)):
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
        if t.text == "," and k + 1 < s_end and toks[k + 1].low in _TIME_WORDS:
            k += 1
            changed = True
    return k


def _content_right(d: _Doc, k: int, s_end: int) -> list[tuple[int, int]]:
    toks = d.toks
    while k < s_end and toks[k].text in (",", ":", "—", "–"):
        k += 1
    if k >= s_end:
        return []
    qend = _quote_extend_right(d, k)
    if qend > 0 and qend > toks[s_end - 1].end:
        return [(toks[k].start, qend)]
    span = _trim_content(d, k, s_end - 1)
    if span is None or span[1] - span[0] < 2:
        return []
    return [span]


def _content_left(d: _Doc, s_start: int, k: int) -> list[tuple[int, int]]:
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
    if toks[b].text in _QUOTE_TOKENS and toks[b].quote >= 0:
        q = d.quotes[toks[b].quote]
        if q[1] == toks[b].end:
            return [q]
    q = toks[b].quote
    if q >= 0 and d.quotes[q][0] < toks[s_start].start:
        start = d.quotes[q][0]
        return [(start, toks[b].end)]
    span = _trim_content(d, s_start, b)
    return [span] if span else []


def _is_discourse(t: Tok) -> bool:
    return t.low in ("but", "and", "however", "yet", "so", "still", "instead", "meanwhile")


def extract(
    text: str,
    sentences: Sequence[tuple[int, int]],
    lexicon: Lexicon | None = None,
    model: CueModel | CueTagger | None | bool = True,
) -> tuple[list[Extracted], list[tuple[int, int]]]:
    """Attribution relations and direct-quotation spans of ``text``.

    ``sentences`` are (start, end) character ranges in text order. ``model=True``
    loads the committed cue model; ``None``/``False`` keeps every lexicon cue.
    """
    lex = lexicon or get_lexicon()
    if model is True:
        model = load_cue_tagger() or load_cue_model()
    d = _Doc(text, sentences, lex)
    toks = d.toks
    results: list[Extracted] = []
    if isinstance(model, CueTagger):
        spans = model.spans(d)
        for ci, cj in spans:
            if d.used[ci] or toks[ci].sent < 0:
                continue
            if toks[ci].quote >= 0 and toks[ci].text not in _QUOTE_TOKENS:
                continue
            kind, head = _span_kind(d, ci, cj, model.extra_cues)
            if kind == "verb" and _function_only(d, ci, cj):
                continue  # "completely", "has", "about": no cue word of its own
            if kind == "verb" and _agentless(d, ci, cj):
                rec = _sourceless(d, ci, cj, head)
            else:
                # a lexicon verb head keeps the rule conventions (auxiliaries, particles)
                fixed = toks[head].low not in lex.cue_forms
                if kind == "verb" and head == ci and _postmodifier(d, ci):
                    continue
                rec = _relation(d, ci, cj, kind, head=head, fixed=fixed)
            if rec is not None:
                results.append(rec)
        if _MERGE_CANDIDATES:
            fallback = load_cue_model()
            if fallback is not None:
                tagged = {k for a, b in spans for k in range(a, b + 1)}
                _candidate_relations(d, fallback, results, skip=tagged)
                results.sort(key=lambda r: (r.cue or (0, 0))[0])
        _continuations(d, results)
        _resolve(d, results)
        return results, d.quotes
    _candidate_relations(d, model or None, results)
    _continuations(d, results)
    _resolve(d, results)
    return results, d.quotes


_MERGE_CANDIDATES = True


def _candidate_relations(d: _Doc, cue_model: CueModel | None, results: list[Extracted],
                         skip: set[int] | frozenset[int] = frozenset()) -> None:
    """Relations from lexicon cue candidates kept by the candidate classifier."""
    toks = d.toks
    cands = _cue_candidates(d, cue_model)
    for ci, cj, kind in cands:
        if d.used[ci] or ci in skip:
            continue
        t = toks[ci]
        if t.sent < 0:
            continue
        if cue_model is not None and kind != "according":
            p = cue_model.prob(cue_features(toks, ci, cj))
            if p < cue_model.threshold:
                continue
        if kind != "according" and kind != "colon" and _postmodifier(d, ci):
            continue
        rec = _relation(d, ci, cj, kind)
        if rec is None:
            continue
        results.append(rec)


_BE = frozenset(("is", "was", "were", "are", "been", "being", "be", "'s", "’s", "am"))
_PARTICIPLES = frozenset(
    """known seen thought said told held made given shown taken heard found felt meant
    understood written led brought caught sought taught sent kept left put read set
    drawn grown thrown chosen spoken forgotten hidden""".split()
)


def _agentless(d: _Doc, ci: int, cj: int) -> bool:
    """A passive cue with no agent: "is accused of", "has been criticized for", "was
    widely seen as" (no "by ..." after it). PolNeAR gives such relations no source."""
    toks = d.toks
    be = -1
    for k in range(ci, cj + 1):
        low = toks[k].low
        if low in _BE:
            be = k
        elif be >= 0 and k > be and (low in _PARTICIPLES or (
                len(low) > 4 and low.endswith(("ed", "en")) and low not in d.lex.pronouns)):
            nxt = toks[cj + 1].low if cj + 1 < len(toks) else ""
            return nxt != "by"
    return False


def _sourceless(d: _Doc, ci: int, cj: int, head: int) -> Extracted | None:
    """An agentless passive cue ("is accused of"): a relation without source whose content
    is the rest of the clause. (Used for every tagged cue without a source found, this
    lowered attribution precision more than it raised recall on held-out train.)"""
    toks = d.toks
    sent = toks[ci].sent
    s_lo, s_hi = d.sent_tok[sent]
    rec = Extracted(source=None, cue=(toks[ci].start, toks[cj].end), content=[])
    after = _skip_after_cue(d, cj + 1, s_hi, toks[head].low, rec)
    if _count_words(toks, after, s_hi, 2) < 2:
        return None
    content = _content_right(d, after, s_hi)
    if not content:
        return None
    rec.content = content
    rec.cue_text = d.text[rec.cue[0] : rec.cue[1]]  # type: ignore[index]
    rec.direct = any(_is_direct(d, c) for c in content)
    hi = d.sent_tok[d.sent_of(max(c[1] for c in content) - 1)][1]
    _mark_used(d, [*content, rec.cue], ci, max(hi, cj + 1))  # type: ignore[list-item]
    return rec


def _function_only(d: _Doc, ci: int, cj: int) -> bool:
    for k in range(ci, cj + 1):
        t = d.toks[k]
        low = t.low
        if _is_word(t) and low not in _AUX and low not in _CUE_TAIL and low not in _DETERMINERS \
                and low not in _BOUNDARY_WORDS and not (low.endswith("ly") and len(low) > 4) \
                and low not in d.lex.pronouns:
            return False
    return True


_CUE_TAIL = frozenset(("out", "about", "to", "for", "on", "of", "that", "by", "with", "up",
                       "off", "in", "over", "against", "at", "from", "into"))


def _span_kind(d: _Doc, ci: int, cj: int, extra: dict[str, str]) -> tuple[str, int]:
    """Kind ("according", "colon", "verb") and head token of a tagged cue span."""
    toks = d.toks
    lows = [toks[k].low for k in range(ci, cj + 1)]
    if "according" in lows or (len(lows) >= 2 and lows[0] in ("as", "in")
                               and lows[-1] in ("by", "of")):
        return "according", ci
    if lows == [":"]:
        return "colon", ci
    for k in range(cj, ci - 1, -1):
        if toks[k].low in d.lex.cue_forms or toks[k].low in extra:
            return "verb", k
    for k in range(cj, ci - 1, -1):
        if _is_word(toks[k]) and toks[k].low not in _CUE_TAIL:
            return "verb", k
    return "verb", cj


def _postmodifier(d: _Doc, ci: int) -> bool:
    """"Echoing ..., X said" (sentence-initial participle) or "sources cited in" (a
    participle modifying a noun): not the cue of its own relation."""
    toks = d.toks
    t = toks[ci]
    s_lo = d.sent_tok[t.sent][0]
    if ci == s_lo and t.low.endswith("ing"):
        return True
    if ci - 1 >= s_lo and toks[ci - 1].low in ("the", "a", "an", "this", "its", "their", "his",
                                                 "her"):
        return True  # adjectival: "the alleged motives"
    if t.low.endswith("ed") and ci + 1 < len(toks) and toks[ci + 1].low in ("in", "by", "at") \
            and ci - 1 >= s_lo and _is_word(toks[ci - 1]) and toks[ci - 1].low not in _AUX \
            and toks[ci - 1].low not in d.lex.pronouns and toks[ci - 1].low.endswith("s"):
        return True
    return False


def _mark_used(d: _Doc, spans: Iterable[tuple[int, int]], tok_lo: int, tok_hi: int) -> None:
    starts = d.tok_starts
    used = d.used
    for a, b in spans:
        # the tokens in [tok_lo, tok_hi) starting in [a, b)
        for k in range(bisect.bisect_left(starts, a, tok_lo, tok_hi),
                       bisect.bisect_left(starts, b, tok_lo, tok_hi)):
            used[k] = True


def _relation(d: _Doc, ci: int, cj: int, kind: str, head: int | None = None,
              fixed: bool = False) -> Extracted | None:
    """Source and content of the cue spanning tokens ``ci..cj``. ``fixed``: the cue span
    comes from the tagger and is kept as is (no auxiliaries or particles added)."""
    toks = d.toks
    lex = d.lex
    sent = toks[ci].sent
    s_lo, s_hi = d.sent_tok[sent]
    cue_low = toks[ci if head is None else head].low
    rec = Extracted(source=None, cue=(toks[ci].start, toks[cj].end), content=[])
    src: tuple[int, int] | None = None
    content: list[tuple[int, int]] = []

    if kind == "according":
        np = _np_right(d, cj + 1, sent, s_hi)
        if not np:
            return None
        src = np
        after = np[1] + 1
        before_end = ci - 1
        if after < s_hi and toks[after].text == "," and ci <= s_lo + 1:
            content = _content_right(d, after, s_hi)
        elif before_end >= s_lo:
            content = _content_left(d, s_lo, before_end)
            # "X, according to Y, said Z" rare; also take the rest after a comma
            if after < s_hi and toks[after].text == "," and after + 1 < s_hi - 1:
                content += _content_right(d, after, s_hi)
        else:
            content = _content_right(d, after, s_hi)
    elif kind == "colon":
        # "Name: text" (headline style) or "X said:" handled by the verb; here NP + ':'
        np = _np_left(d, ci - 1, sent)
        if not np or np[0] != s_lo or toks[np[1]].low in lex.pronouns:
            return None
        if not any(_is_cap(toks[k]) for k in range(np[0], np[1] + 1)):
            return None
        src = np
        content = _content_right(d, ci + 1, s_hi)
    else:
        # verb cue: source on the left, inverted on the right, or participial
        left_k = ci - 1
        while left_k >= s_lo and (toks[left_k].low in _AUX or (
            toks[left_k].low.endswith("ly") and not _is_cap(toks[left_k]) and left_k < ci
            and len(toks[left_k].low) > 4
        )):
            left_k -= 1
        np = _np_left(d, left_k, sent) if left_k >= s_lo else None
        if np is not None and left_k < ci - 1 and not fixed:
            # auxiliaries and adverbs belong to the cue: "has also said", "did not mention"
            rec.cue = (toks[left_k + 1].start, toks[cj].end)
        if not fixed and cj + 1 < s_hi and toks[cj + 1].low in _PARTICLES.get(cue_low, ()):
            cj += 1
            rec.cue = (rec.cue[0], toks[cj].end)
        inverted = False
        participial = False
        if np and toks[np[1]].low == "," and np[0] == np[1]:
            np = None
        appositive = np is not None and toks[np[1]].text == "," and ci - 1 == np[1]
        if np is None or (appositive and cue_low not in _TELL and not cue_low.endswith("ing")):
            # "“...,” said Smith" / "..., said the senator."
            if ci - 1 >= s_lo and toks[ci - 1].text in (",", "”", '"', "''") or ci == s_lo:
                r = _np_right(d, cj + 1, sent, s_hi)
                if r and (np is None or r[1] + 1 >= s_hi - 1 or toks[r[1] + 1].text == ","):
                    np = r
                    inverted = True
        if np is None and cue_low.endswith("ing") and ci - 1 >= s_lo \
                and toks[ci - 1].text == ",":
            # ", saying ..." -> the clause subject
            subj = _np_right(d, s_lo, sent, ci)
            while subj and toks[subj[0]].quote >= 0:
                subj = None
            if subj:
                np = subj
                participial = True
        if np is None:
            return None
        if np[1] >= ci and not inverted:
            return None
        src = np
        if participial:
            content = _content_right(d, _skip_after_cue(d, cj + 1, s_hi, cue_low, rec), s_hi)
        elif inverted:
            after = np[1] + 1
            if after + 1 < s_hi and toks[after].text == ",":
                # appositive after an inverted source: "said Ann Lee, a lawyer for the firm."
                m = after + 1
                while m < s_hi and toks[m].text not in (",", ";", "“", '"', "''") \
                        and toks[m].low not in d.lex.cue_forms and m - after < 25:
                    m += 1
                if m > after + 1 and (m >= s_hi - 1 or toks[m].text == ","):
                    last = m - 1
                    while last > after and toks[last].text in _SENT_FINAL:
                        last -= 1
                    np = (np[0], last)
                    src = np
                    after = m
            # content left of the inverted cue, plus a split continuation
            content = _content_left(d, s_lo, ci - 1)
            while after < s_hi and toks[after].text in (",",) and after + 1 < s_hi:
                more = _content_right(d, after, s_hi)
                content += more
                break
        else:
            after = _skip_after_cue(d, cj + 1, s_hi, cue_low, rec)
            rest_words = _count_words(toks, after, s_hi, 2)  # 0, 1 or "2 or more"
            src_first = np[0]
            k0 = src_first - 1
            left_has = k0 >= s_lo and toks[k0].text in (",", "”", '"', "''", "—", "–")
            left_quote = left_has and (
                toks[k0].text in ("”", '"', "''")
                or (k0 - 1 >= s_lo and toks[k0 - 1].text in ("”", '"', "''"))
            )
            starts_comma = after < s_hi and toks[after].text == ","
            if left_has and (left_quote or starts_comma or rest_words < 2):
                content = _content_left(d, s_lo, k0)
                if starts_comma and rest_words >= 2:
                    content += _content_right(d, after, s_hi)
            elif rest_words >= 1:
                content = _content_right(d, after, s_hi)
            elif s_lo > 0 and toks[s_lo - 1].quote >= 0:
                # "He said." after a quotation that ended the previous sentence
                content = [d.quotes[toks[s_lo - 1].quote]]
    content = [c for c in content if c[1] > c[0]]
    if not content or src is None:
        return None
    # univocal: do not reuse tokens of an earlier relation
    a, b = src
    if any(d.used[k] for k in range(a, b + 1)):
        return None
    rec.source = (toks[a].start, toks[b].end)
    if toks[b].text == "," and b > a:
        rec.source = (toks[a].start, toks[b].end)
    rec.source_text = d.text[rec.source[0] : rec.source[1]]
    rec.content = sorted(content)
    rec.cue_text = d.text[rec.cue[0] : rec.cue[1]] if rec.cue else ""
    rec.direct = any(_is_direct(d, c) for c in rec.content)
    lo = d.sent_tok[d.sent_of(rec.content[0][0])][0]
    hi = d.sent_tok[d.sent_of(max(c[1] for c in rec.content) - 1)][1]
    lo = min(lo, a, ci)
    hi = max(hi, b + 1, cj + 1)
    _mark_used(d, [*rec.content, rec.source, rec.cue], lo, hi)  # type: ignore[list-item]
    return rec


def _is_direct(d: _Doc, span: tuple[int, int]) -> bool:
    for qs, qe in d.quotes:
        if qs >= span[1]:
            break
        if qs < span[1] and span[0] < qe and (min(qe, span[1]) - max(qs, span[0])) * 2 >= (
            span[1] - span[0]
        ):
            return True
    return False


def _continuations(d: _Doc, results: list[Extracted]) -> None:
    """A quotation that follows a quoted relation with nothing but punctuation between
    (same paragraph or the next ones) continues that speaker: it joins the content."""
    if not results:
        return
    text = d.text
    covered = sorted(c for r in results for c in r.content)
    starts = [c[0] for c in covered]

    def is_covered(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, b) - 1
        while i >= 0 and i >= len(starts) - len(starts) and covered[i][1] > a - 5000:
            if covered[i][0] < b and a < covered[i][1]:
                return True
            i -= 1
        return False

    results.sort(key=lambda r: r.content[0][0])
    quote_starts = [q[0] for q in d.quotes]
    for r in results:
        if not r.direct:
            continue
        end = max(max(c[1] for c in r.content), r.source[1] if r.source else 0,
                  r.cue[1] if r.cue else 0)
        qi = bisect.bisect_left(quote_starts, end)
        while qi < len(d.quotes):
            qs, qe = d.quotes[qi]
            gap = text[end:qs]
            if _WORD.search(gap) or gap.count("\n\n") > 1 or is_covered(qs, qe):
                break
            r.content.append((qs, qe))
            end = qe
            qi += 1


# --------------------------------------------------------------------------- sources

_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w’'.-]*|al-\w+|el-\w+|bin|ibn|de|van|von|der|da|di|la|le|du)$"
)
_PAREN = re.compile(r"\([^)]*\)")
_SPACES = re.compile(r"\s+")


def _split_role_name(words: list[str], lex: Lexicon) -> tuple[str, str]:
    """("Iraqi analyst Mustafa Habib") -> ("Iraqi analyst", "Mustafa Habib")."""
    # the name is the trailing run of name-like tokens after the last role/title word
    k = len(words)
    while k > 0 and _NAME_TOKEN.match(words[k - 1]) and words[k - 1].lower() not in lex.titles \
            and words[k - 1].lower().rstrip(".") not in lex.role_nouns:
        k -= 1
    name = " ".join(words[k:])
    role = " ".join(w for w in words[:k] if w.lower() not in ("the", "a", "an"))
    return role, name


_CLASSIFIED: dict[int, tuple[Lexicon, dict[str, tuple[str, str, str]]]] = {}


def classify(source_text: str, lex: Lexicon) -> tuple[str, str, str]:
    """(kind, name, role) of a source noun phrase (remembered per lexicon: sources recur)."""
    # the entry keeps ``lex`` alive, so no other lexicon can take its id while it is cached
    known = _bounded_get(_CLASSIFIED, id(lex), lambda: (lex, {}))[1]
    return _bounded_get(known, source_text, lambda: _classify(source_text, lex), limit=100_000)


def _classify(source_text: str, lex: Lexicon) -> tuple[str, str, str]:
    txt = _SPACES.sub(" ", source_text).strip().strip(",").strip()
    main, _, appos = txt.partition(",")
    appos = appos.strip().strip(",").strip()
    main_clean = _PAREN.sub("", main).strip()
    words = main_clean.split()
    if not words:
        return ANONYMOUS, txt, ""
    low = main_clean.lower()
    lows = [w.lower().strip(".,") for w in words]
    first = lows[0]
    # postmodifiers: "sources cited in the article", "a spokesman for the campaign"
    head_words = []
    for w, orig in zip(lows, words, strict=True):
        if w in _NP_INNER_PREPS or (w.endswith("ed") and head_words and orig[:1].islower()):
            break
        head_words.append(w)
    head = head_words[-1] if head_words else lows[-1]
    if first in lex.pronouns and len(words) == 1:
        return lex.pronouns[first] or PERSON, words[0], ""
    appos_words = _PAREN.sub("", appos).split()
    if appos_words and len(appos_words) <= 4 and all(_NAME_TOKEN.match(w) for w in appos_words) \
            and (head in lex.role_nouns or head in lex.anonymous_heads or lows[-1] in lex.titles
                 or lows[-1] in lex.role_nouns):
        # "the military spokesman for the ministry, Ana Ruiz," -> Ana Ruiz, with the role
        return PERSON, _title_free(" ".join(appos_words), lex), main_clean
    if head in lex.role_nouns and head_words and len(head_words) < len(lows) \
            and lows[len(head_words)] in ("of", "for", "at") \
            and any(w[:1].isupper() for w in words[len(head_words):]):
        # "the chairman of the Joint Chiefs": an identifiable office holder
        return PERSON, main_clean, appos
    stripped = low[4:] if low.startswith("the ") else low
    if low in lex.outlets or stripped in lex.outlets:
        return OUTLET, main_clean, appos
    caps = [w for w in words if w[:1].isupper()]
    has_name = len(caps) >= 1 and any(w[:1].isupper() for w in words[1:] + words[:1])
    if head in lex.document_nouns and not (
        words[-1][:1].isupper() and head != lows[-1] and False
    ):
        return DOCUMENT, main_clean, appos
    if any(w.lower() in lex.outlet_words for w in caps) and len(caps) >= 2 or \
            head in lex.outlet_nouns:
        return OUTLET, main_clean, appos
    if head in lex.anonymous_heads and not (words[-1][:1].isupper() and len(caps) >= 2
                                            and head != lows[-1]):
        # "officials", "a local journalist", "Iraq observers" (no proper name at the end)
        if not (_NAME_TOKEN.match(words[-1]) and head != lows[-1]):
            return ANONYMOUS, main_clean, appos
    if first in lex.vague_determiners and not any(w[:1].isupper() for w in words[1:]):
        return ANONYMOUS, main_clean, appos
    for cut, w in enumerate(words):
        if cut and w in ("of", "at", "from", "with"):
            role, name = _split_role_name(words[:cut], lex)
            if len(name.split()) >= 2:
                return PERSON, name, " ".join([role, *words[cut:]]).strip()
            break
    if head in lex.organisation_nouns or any(w.lower() in lex.organisation_words for w in caps):
        # a named person may still end the phrase: "State Department spokesman Ned Price"
        role, name = _split_role_name(words, lex)
        if name and len(name.split()) >= 2 and role and \
                role.split()[-1].lower().rstrip(".") in lex.role_nouns | lex.titles:
            return PERSON, name, ", ".join(x for x in (role, appos) if x)
        return ORGANISATION, main_clean, appos
    if main_clean.isupper() and len(main_clean) <= 6:
        return ORGANISATION, main_clean, appos
    if has_name and _NAME_TOKEN.match(words[-1]):
        role, name = _split_role_name(words, lex)
        if not name:
            return ANONYMOUS if head in lex.anonymous_heads else PERSON, main_clean, appos
        role_full = ", ".join(x for x in (role, appos) if x)
        return PERSON, name, role_full
    if head in lex.role_nouns or head in lex.anonymous_heads:
        return ANONYMOUS, main_clean, appos
    return ANONYMOUS if not caps else PERSON, main_clean, appos


def _is_generic_source(source_text: str, lex: Lexicon) -> bool:
    """Whether an anonymous source names a generic *who* ("officials", "a nurse", "many").

    A phrase the extractor could not classify ("the lower valley", "less") is not a
    vague attribution: flagging it would blame the author for our own parse.
    """
    words = [w.lower().strip(".,'’") for w in _SPACES.split(source_text) if w]
    people = _people_words(lex)
    return any(w in people for w in words) or (
        len(words) == 1 and words[0] in ("some", "many", "others", "several", "most")
    )


_PEOPLE_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _people_words(lex: Lexicon) -> frozenset[str]:
    """Anonymous heads, role nouns and their plurals (built once per lexicon)."""
    hit = _PEOPLE_WORDS.get(id(lex))
    if hit is None or hit[0] is not lex:
        if len(_PEOPLE_WORDS) >= 8:
            _PEOPLE_WORDS.clear()
        people = lex.anonymous_heads | lex.role_nouns | {w + "s" for w in lex.role_nouns}
        hit = _PEOPLE_WORDS[id(lex)] = (lex, people)
    return hit[1]


def _title_free(name: str, lex: Lexicon) -> str:
    words = [w for w in _PAREN.sub("", name).split() if w.lower() not in lex.titles]
    return " ".join(words)


def _resolve(d: _Doc, results: list[Extracted]) -> None:
    """Classify sources; resolve pronouns and short names to earlier full names."""
    lex = d.lex
    people: list[tuple[int, str, str]] = []  # (offset, full name, role)
    last_person = ("", "")
    last_group = ("", "", "")
    last_direct_speaker: Extracted | None = None
    for r in sorted(results, key=lambda x: (x.source or x.content[0])[0]):
        if r.source is None:
            # continuation of the previous quoted speaker (a cue without source has none)
            if r.cue is None and last_direct_speaker is not None:
                r.source_name = last_direct_speaker.source_name
                r.source_kind = last_direct_speaker.source_kind
                r.role = last_direct_speaker.role
            continue
        kind, name, role = classify(r.source_text, lex)
        low = r.source_text.strip().lower()
        if low in lex.pronouns:
            if low in _PERSON_PRONOUNS and last_person[0]:
                name, role, kind = last_person[0], last_person[1], PERSON
            elif low in ("they", "it", "we") and last_group[0]:
                name, kind, role = last_group
            elif low == "who":
                # relative pronoun: the noun phrase right before it
                prev_np = _np_left(d, _tok_index(d, r.source[0]) - 2, d.sent_of(r.source[0]))
                if prev_np:
                    txt = d.text[d.toks[prev_np[0]].start : d.toks[prev_np[1]].end]
                    kind, name, role = classify(txt, lex)
        elif kind == PERSON and all(_NAME_TOKEN.match(w) for w in _PAREN.sub("", name).split()):
            bare = _title_free(name, lex)
            parts = bare.split()
            if len(parts) == 1:
                for _, full, frole in reversed(people):
                    if full.split()[-1] == parts[0]:
                        name, role = full, role or frole
                        break
                else:
                    full = _earlier_full_name(d.text, r.source[0], parts[0], lex)
                    if full:
                        name = full
            elif len(parts) >= 2:
                name = bare
        if kind == PERSON and name and low != "who":
            people.append((r.source[0], name, role))
            last_person = (name, role)
        elif kind in (ORGANISATION, OUTLET, ANONYMOUS, DOCUMENT):
            last_group = (name, kind, role)
        r.source_kind, r.source_name, r.role = kind, name, role
        r.vague = kind == ANONYMOUS and _is_generic_source(r.source_text, lex)
        if r.direct:
            last_direct_speaker = r
    # names mentioned anywhere earlier help short names that were never a source before
    return


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'.-]*\s+(?:\([^)]{1,12}\)\s+)?){1,3})$")


def _earlier_full_name(text: str, before: int, short: str, lex: Lexicon) -> str:
    """The last "First Last" (or longer) name ending in ``short`` before ``before``."""
    lo = max(0, before - 20000)
    pos = text.rfind(short, lo, before)
    while pos > lo:
        after = text[pos + len(short) : pos + len(short) + 1]
        if not (after.isalnum()):
            m = _NAME_BEFORE.search(text, max(0, pos - 60), pos)
            if m:
                name = _title_free(m.group(1) + short, lex)
                if len(name.split()) >= 2:
                    return name
        pos = text.rfind(short, lo, pos)
    return ""


def _tok_index(d: _Doc, offset: int) -> int:
    lo, hi = 0, len(d.toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if d.toks[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


# --------------------------------------------------------------------------- pipeline entry


def _config_extra(analysis: Analysis) -> dict[str, list[str]] | None:
    cfg = getattr(analysis.config, "lexicon", {}) or {}
    extra = cfg.get(FAMILY)
    return dict(extra) if extra else None


def run(analysis: Analysis) -> None:
    """Fill quotes, attributions, sources, attributed/sentence_source; emit ATT001/ATT002."""
    doc = analysis.doc
    text = doc.text
    lex = get_lexicon(_config_extra(analysis))
    sents = [(s.start, s.end) for s in doc.sentences]
    found, quotes = extract(text, sents, lex)
    analysis.quotes.extend(Span(a, b) for a, b in quotes)
    n = len(doc.sentences)
    starts = [s.start for s in doc.sentences]

    def sent_index(off: int) -> int | None:
        i = bisect.bisect_right(starts, off) - 1
        return i if 0 <= i < n else None

    for r in found:
        analysis.attributions.append(
            Attribution(
                source=Span(*r.source) if r.source else None,
                cue=Span(*r.cue) if r.cue else None,
                content=tuple(Span(a, b) for a, b in r.content),
                source_name=r.source_name,
                source_kind=r.source_kind,
                role=r.role if r.role != "continuation" else "",
                direct=r.direct,
            )
        )
        if r.source is not None:
            analysis.sources.append(
                SourceMention(
                    name=r.source_name or r.source_text,
                    kind=r.source_kind or ANONYMOUS,
                    start=r.source[0],
                    end=r.source[1],
                    sentence=sent_index(r.source[0]),
                    cue=r.cue_text.lower(),
                    role=r.role,
                )
            )
        if r.citing is not None:
            kind, name, role = classify(r.citing_text, lex)
            analysis.sources.append(
                SourceMention(name=name, kind=kind, start=r.citing[0], end=r.citing[1],
                              sentence=sent_index(r.citing[0]), cue="citing", role=role)
            )
        if r.source is None and r.cue is not None:
            continue  # agentless ("it is widely believed that"): the content stays unsourced
        for a, b in r.content:
            i = sent_index(a)
            j = sent_index(max(a, b - 1))
            if i is None or j is None:
                continue
            for k in range(i, j + 1):
                analysis.attributed[k] = True
                if not analysis.sentence_source[k]:
                    analysis.sentence_source[k] = r.source_name
        if r.source is not None:
            k = sent_index(r.source[0])
            if k is not None:
                analysis.attributed[k] = True
                if not analysis.sentence_source[k]:
                    analysis.sentence_source[k] = r.source_name
    # footnote markers and hyperlinks attribute their sentence
    for s in doc.sentences:
        if analysis.sentence_footnotes and analysis.sentence_footnotes[s.index]:
            analysis.attributed[s.index] = True
    for link in doc.links:
        k = sent_index(link.start)
        if k is not None:
            analysis.attributed[k] = True
    _findings(analysis, found, quotes, lex)


def _findings(
    analysis: Analysis,
    found: list[Extracted],
    quotes: list[tuple[int, int]],
    lex: Lexicon,
) -> None:
    doc = analysis.doc
    text = doc.text
    body = list(analysis.body_sentences())
    body_ranges = [(s.start, s.end, s.index) for s in body]
    if not body_ranges:
        return
    body_starts = [b[0] for b in body_ranges]

    def body_sentence(off: int) -> int | None:
        i = bisect.bisect_right(body_starts, off) - 1
        if i >= 0 and body_ranges[i][0] <= off < body_ranges[i][1]:
            return body_ranges[i][2]
        return None

    flagged: set[tuple[int, int]] = set()
    for r in found:
        if r.source is not None and r.vague:
            k = body_sentence(r.source[0])
            if k is not None:
                end = r.cue[1] if r.cue and r.cue[0] >= r.source[1] else r.source[1]
                start = min(r.source[0], r.cue[0]) if r.cue else r.source[0]
                flagged.add((start, end))
                analysis.report(
                    VAGUE.name, start, end,
                    f"vague attribution: '{text[r.source[0]:r.source[1]].strip(' ,')}' is not "
                    "an identifiable source; name who said it",
                    sentence=k,
                )
        if r.citing is not None:
            kind, _, _ = classify(r.citing_text, lex)
            k = body_sentence(r.citing[0])
            if kind == ANONYMOUS and k is not None:
                flagged.add(r.citing)
                analysis.report(
                    VAGUE.name, r.citing[0], r.citing[1],
                    f"vague attribution: citing '{r.citing_text}' without naming them",
                    sentence=k,
                )
    hits = _phrase_hits([s.text for s in body], (lex.agentless_re, lex.vague_re))
    for s, (agentless, vague) in zip(body, hits, strict=True):
        for spans, label in ((agentless, "agentless passive"), (vague, "vague")):
            for ma, mb in spans:
                a, b = s.start + ma, s.start + mb
                if any(fa < b and a < fb for fa, fb in flagged):
                    continue
                if _inside_quote(quotes, a):
                    continue
                flagged.add((a, b))
                group = s.text[ma:mb]
                msg = (
                    f"agentless passive '{group}': who thinks or says so?"
                    if label == "agentless passive"
                    else f"vague attribution '{group}': name the source"
                )
                analysis.report(VAGUE.name, a, b, msg, sentence=s.index)
    # unattributed quotations
    covered = sorted(c for r in found if r.source is not None or r.cue is None
                     for c in r.content)
    for qs, qe in quotes:
        inner = text[qs:qe].strip("“”\"' \n")
        if len(_WORD_RUN.findall(inner)) <= 3:
            continue
        if any(a < qe and qs < b for a, b in covered):
            continue
        k = body_sentence(qs)
        if k is None:
            continue
        if analysis.sentence_footnotes and analysis.sentence_footnotes[k]:
            continue
        if any(link.start < qe and qs < link.end for link in doc.links):
            continue
        analysis.report(
            UNATTRIBUTED_QUOTE.name, qs, qe,
            "direct quotation with no identifiable speaker: say who said it",
            sentence=k,
        )


def _inside_quote(quotes: list[tuple[int, int]], off: int) -> bool:
    i = bisect.bisect_right([q[0] for q in quotes], off) - 1
    return i >= 0 and quotes[i][0] <= off < quotes[i][1]


# Lexicon phrase regexes are case-insensitive, which makes the regex engine slow: every
# word start tries every phrase. Run without IGNORECASE over the lower-cased text instead,
# which finds the same spans when the phrases are ASCII and every non-ASCII character of the
# text is "safe": it can match no ASCII character ignoring case and its lower-case form is
# one character that agrees on the other character tests of the phrase regexes (\s, [\w-]).
_ASCII_I = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
_CHAR_TESTS = ((re.compile(r"[\w-]", re.IGNORECASE), re.compile(r"[\w-]")),
               (re.compile(r"\s", re.IGNORECASE), re.compile(r"\s")))


@lru_cache(maxsize=4096)
def _char_lowers_safely(c: str) -> bool:
    low = c.lower()
    return (len(low) == 1 and c != "Σ" and low != "ς" and not _ASCII_I.match(c)
            and all(bool(ti.match(c)) == bool(t.match(low)) for ti, t in _CHAR_TESTS))


def _lowers_safely(text: str) -> bool:
    return text.isascii() or all(
        _char_lowers_safely(c) for c in set(text) if not c.isascii()
    )


@lru_cache(maxsize=16)
def _case_sensitive_twin(pat: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pat`` without IGNORECASE, if it is an ASCII, lower-case, case-insensitive pattern."""
    if not pat.flags & re.IGNORECASE or not pat.pattern.isascii() \
            or pat.pattern != pat.pattern.lower():
        return None
    return re.compile(pat.pattern, pat.flags & ~re.IGNORECASE)


def _phrase_hits(texts: Sequence[str], pats: Sequence[re.Pattern[str]]
                 ) -> list[list[list[tuple[int, int]]]]:
    """``[[m.span() for m in pat.finditer(text)] for pat in pats] for text in texts]``.

    Over the lower-cased texts with the case-sensitive twins where :func:`_lowers_safely`;
    a :func:`_phrase_re` pattern then scans all texts at once, joined by NUL characters
    (which no such match can include, and which pass its boundary tests like a text end)."""
    out: list[list[list[tuple[int, int]]]] = [[[] for _ in pats] for _ in texts]
    whole = "\0".join(texts)
    lows: list[str] | None = None
    if _lowers_safely(whole):
        lows = [t.lower() for t in texts]
        if any(len(low) != len(t) for low, t in zip(lows, texts, strict=True)):
            lows = None
    for pi, pat in enumerate(pats):
        twin = _case_sensitive_twin(pat)
        if lows is None or twin is None:
            for ti, t in enumerate(texts):
                out[ti][pi] = [m.span() for m in pat.finditer(t)]
        elif pat in _PHRASE_PATTERNS and "\0" not in pat.pattern \
                and whole.count("\0") == len(texts) - 1:
            bases = []
            base = 0
            for low in lows:
                bases.append(base)
                base += len(low) + 1
            for m in twin.finditer("\0".join(lows)):
                a, b = m.span()
                ti = bisect.bisect_right(bases, a) - 1
                out[ti][pi].append((a - bases[ti], b - bases[ti]))
        else:
            for ti, low in enumerate(lows):
                out[ti][pi] = [m.span() for m in twin.finditer(low)]
    return out
