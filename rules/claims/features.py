"""The claim model's sentence features: :class:`ClaimAnalyzer` (word n-grams over
digit-folded text, cue and shape tokens) and the word classes behind the shape tokens.

Both prediction paths use it: scikit-learn's ``HashingVectorizer`` through
:class:`rules.claims.model.ClaimClassifier`, and :class:`rules.claims.scorer.ClaimScorer`,
which hashes the same strings itself (through :meth:`ClaimAnalyzer.parts`).
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

# One C-level pass normalises a sentence for the word features: digits fold to "0"
# (so "5,000" and "12,500" share the shape "0 000"), apostrophes vanish ("don't" ->
# "dont"), currency and percent signs become tokens, other punctuation becomes space.
_FOLD: dict[int, str | None] = {ord(c): " " for c in string.punctuation}
_FOLD.update({ord(c): "0" for c in string.digits})
_FOLD.update({ord(c): f" {c} " for c in "%$€£"})
_FOLD.update({ord(c): None for c in "'’"})
_FOLD.update({ord(c): " " for c in "‘“”«»—–…•·"})
# The same fold, quicker: ``str.translate`` walks a dict per character unless every mapped
# value is one character and the text is ASCII (news copy has curly quotes), about 17 µs a
# sentence. :func:`fold` instead widens the four signs and replaces the few non-ASCII
# characters of the table with ``str.replace`` (only those present), then maps the ASCII
# characters byte for byte with ``bytes.translate`` (other bytes, UTF-8 of the rest, stay).
_SIGNS = tuple((chr(k), v) for k, v in _FOLD.items() if v is not None and len(v) > 1)
_WIDE = tuple((chr(k), v or "") for k, v in _FOLD.items()
              if k > 127 and (v is None or len(v) == 1))
_ASCII = bytes(k if k > 127 or k not in _FOLD or _FOLD[k] is None or len(_FOLD[k] or "") > 1
               else ord(_FOLD[k] or "") for k in range(256))
_DELETE = bytes(k for k, v in _FOLD.items() if k < 128 and v is None)


def fold(text: str) -> str:
    """``text.lower().translate(_FOLD)``, the same string (a test compares every character)."""
    low = text.lower()
    for c, wide in _SIGNS:
        if c in low:
            low = low.replace(c, wide)
    if low.isascii():
        return low.encode("ascii").translate(_ASCII, _DELETE).decode("ascii")
    for c, v in _WIDE:
        if c in low:
            low = low.replace(c, v)
    return low.encode("utf-8", "surrogatepass").translate(_ASCII, _DELETE).decode(
        "utf-8", "surrogatepass")
_CLOSERS = " \t\r\n\"'”’)]»"
# A capitalised word after a space, "(" or an opening quote. The capital comes first and the
# lookbehind (over it and the character before) second: the same matches as
# ``(?<=[\s(\"“])[A-Z][a-z]*[A-Za-z]``, but the engine skips ahead to capitals.
_CAPWORD = re.compile(r"[A-Z](?<=[\s(\"“][A-Z])[a-z]*[A-Za-z]")
# Shape cues (``shapes=True``): word classes whose members share one weight, so that what a
# model learns from "March" or "we" carries over to "October" or "our" (words seen in only
# one source). Looked up on the folded words, so they cost one set intersection each.
_SHAPE_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("_month", frozenset("january february march april may june july august september october "
                         "november december jan feb mar apr jun jul aug sep sept oct nov dec "
                         "monday tuesday wednesday thursday friday saturday sunday yesterday "
                         "today".split())),
    ("_first", frozenset("i we me us my our mine ours myself ourselves im ive id".split())),
    ("_you", frozenset("you your yours yourself yourselves youre".split())),
    ("_modal", frozenset("could might may should must would can ought cannot cant couldnt "
                         "shouldnt wouldnt".split())),
    ("_future", frozenset("will wont shall going".split())),
    ("_past", frozenset("was were had did been said reported found rose fell grew dropped "
                        "increased decreased killed died won lost announced became".split())),
    ("_unit", frozenset("% $ € £ percent per cent million billion trillion thousand hundred "
                        "dollars pounds euros miles kilometres km metres tons tonnes".split())),
    ("_opinion", frozenset("think believe feel hope want wish love hate great terrible "
                           "wonderful awful best worst beautiful disgrace shame".split())),
    # added with analyzer version 4: general cues chosen for carrying across sources
    ("_compar", frozenset("more less fewer higher lower larger smaller largest smallest biggest "
                          "highest lowest most least than double doubled twice half "
                          "tripled".split())),
    ("_stat", frozenset("rate rates average total number numbers majority share data survey "
                        "poll polls record percentage median statistics figures".split())),
    ("_say", frozenset("said says told according announced stated claimed".split())),
    ("_hedge", frozenset("perhaps maybe probably possibly likely unlikely seems "
                         "appears".split())),
    ("_neg", frozenset("not no never nothing none nobody neither nor".split())),
    ("_present", frozenset("is are has have does am".split())),
    ("_interj", frozenset("thank thanks applause laughter ok okay yes well hello please sir "
                          "folks".split())),
    ("_eval", frozenset("good bad wrong right important serious strong weak fair unfair "
                        "ridiculous incredible tremendous amazing horrible disaster failed "
                        "failure".split())),
)
# A first word that makes an imperative (or an address to the listener) likely.
_IMPERATIVE_START = frozenset("let take make please go look think imagine remember consider "
                              "join vote check watch read see try stop help keep get give tell "
                              "ask be dont do".split())
# word -> the shape cue tokens it raises (a word such as "may" can be in two classes)
_SHAPE_OF: dict[str, tuple[str, ...]] = {}
for _name, _members in _SHAPE_CLASSES:
    for _word in _members:
        _SHAPE_OF[_word] = (*_SHAPE_OF.get(_word, ()), _name)
_SHAPE_WORDS = frozenset(_SHAPE_OF)
_NUMBER = re.compile(r"\d")
_FIGURES = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")


class ClaimAnalyzer:
    """Turn one sentence into hashed-feature strings (deterministic, picklable).

    Produces lower-cased word n-grams (1 to ``ngram_max``) over digit-folded
    text, and, when ``cues`` is on, tokens that words alone miss: ``_cap`` once per
    capitalised word after the first token (named entities, up to 3),
    ``_q`` for a question, ``_len<k>`` for the length bucket. With
    ``split_questions`` every feature of a question is prefixed with ``?``, so that
    questions get their own weights (a number inside a question is not a claim).
    With ``shapes``, word-class tokens too: ``_num`` (a figure), ``_year``, and one token
    per class in :data:`_SHAPE_CLASSES` present (dates, first person, second person,
    modals, future, past-tense reporting verbs, units, opinion words; since analyzer
    version 4 also comparatives, statistics words, reporting verbs, hedges, negation,
    present tense, interjections, evaluative words, an imperative first word, quotation
    marks, an exclamation, two or more figures), and ``_cap2``/``_cap3`` for two or three
    capitalised words.

    ``general_weight`` (k) emits every cue and shape token k times under distinct names
    (``_num``, ``_num~1``, ...): with an L2-penalised linear model that is the same as
    scaling those features by sqrt(k), i.e. regularising them k times less than the word
    n-grams. So one ``C`` and one k give a two-part model, general features against topic
    words, whose balance is chosen by cross-source validation; the scorer needs nothing new.
    """

    def __init__(self, ngram_max: int = 2, cues: bool = True,
                 split_questions: bool = True, shapes: bool = False,
                 general_weight: int = 1) -> None:
        self.ngram_max = ngram_max
        self.cues = cues
        self.split_questions = split_questions
        self.shapes = shapes
        self.general_weight = general_weight

    def __call__(self, text: str) -> list[str]:
        feats, general, question = self.parts(text)
        if self.general_weight > 1:
            copies = _copies
            k = self.general_weight
            general += [c for t in general for c in copies(t, k)]
        if question and self.split_questions:
            return ["?" + f for f in feats] + [
                f if f == "_q" or f.startswith("_q~") else "?" + f for f in general]
        feats += general
        return feats

    def parts(self, text: str) -> tuple[list[str], list[str], bool]:
        """The pieces :meth:`__call__` joins: the word n-grams, the general (cue and shape)
        tokens once each, without copies or question prefixes, and whether the sentence is
        a question. The scorer maps each general token straight to the columns of all its
        copies (:func:`general_columns`) instead of naming and looking up every copy."""
        words = fold(text).split()
        feats = list(words)
        if self.ngram_max >= 2:
            feats += map(" ".join, zip(words, words[1:]))  # noqa: B905 - ragged on purpose
        if self.ngram_max >= 3:
            feats += map(" ".join, zip(words, words[1:], words[2:]))  # noqa: B905
        general: list[str] = []
        if self.cues:
            caps = len(_CAPWORD.findall(text))
            if caps:
                general += ("_cap", "_cap2", "_cap3")[: min(caps, 3)]
            n = len(words)
            general.append(
                "_len0" if n < 6 else "_len1" if n < 12 else "_len2" if n < 25 else "_len3"
            )
        if self.shapes:
            general += _shape_tokens(text, words)
        question = text.rstrip(_CLOSERS).endswith("?")
        if question and self.cues:
            general.append("_q")
        return feats, general, question


@lru_cache(maxsize=4096)
def _copies(token: str, k: int) -> tuple[str, ...]:
    """The k - 1 extra names of a general token (``_num~1`` ... ``_num~{k-1}``)."""
    return tuple(f"{token}~{i}" for i in range(1, k))


def _shape_tokens(text: str, words: list[str]) -> list[str]:
    """The shape cue tokens of one sentence (see :class:`ClaimAnalyzer`)."""
    out = []
    if _NUMBER.search(text):
        out.append("_num")
        if _YEAR.search(text):
            out.append("_year")
        if len(_FIGURES.findall(text)) > 1:
            out.append("_num2")
    if words and words[0] in _IMPERATIVE_START:
        out.append("_imper")
    # (three scans in C: quicker than a set test per character of the sentence)
    if '"' in text or "“" in text or "”" in text:
        out.append("_quote")
    if text.rstrip(_CLOSERS).endswith("!"):
        out.append("_excl")
    hits = _SHAPE_WORDS.intersection(words)
    if hits:
        out += sorted({name for word in hits for name in _SHAPE_OF[word]})
    return out
