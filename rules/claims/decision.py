"""The learned final decision: is a body sentence an unsourced claim?

The claims family's rules (:mod:`rules.claims.context`, :mod:`rules.claims.voice`, the
sources :func:`rules.claims.claim_source` finds) each answer one question about a sentence.
Their verdict was fitted by hand to the copy it was read against and carried poorly to copy
nobody had read; this module weighs what the pipeline knows about a sentence instead, with a
logistic regression fitted by ``training/train_claim_decision.py`` on hand-labelled news
(docs/model-card-claim-decision.md):

- the claim model's probability and whether it clears ``claim_threshold``;
- what the rules said: the exemption's reason by kind (question, quotation, caption,
  opinion, judgement...), how a claim is tied to a source (attributed, vaguely, footnote,
  link, speech act of its subject, continued account), whether CLM001 would fire;
- attribution around it: the previous and next sentence, the paragraph;
- how much of it is quoted; the article's genre and the detector's confidence;
- its position in the article and the paragraph, its length; figures, dates, names; first and
  second person, modals and the future; whether it ends like a sentence (page chrome often
  does not), and the hedging family's uncertainty.

:func:`sentence_features` builds one row per sentence (:data:`FEATURES` names the columns);
:class:`Decision` is the fitted model read from plain JSON (``decision.json`` beside this
module: scaling, coefficients, intercept and threshold, no text), scored in plain Python.
It is read on first use only.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from functools import lru_cache, reduce
from itertools import chain, compress, repeat
from operator import itemgetter, or_
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.cache import Memo
from checker.core.datafiles import DataFileError, field, finite_number, load_data

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from checker.core.analysis import Analysis
    from checker.core.document import Sentence
    from rules.claims import Seen

FORMAT = "checker-claim-decision"
DEFAULT_PATH = Path(__file__).resolve().parent / "decision.json"

# the exemption reasons of rules.claims.context / stance / voice, grouped by kind
REASON_GROUPS: dict[str, str] = {
    "question": "question", "open question": "question",
    "imperative": "imperative",
    "quotation": "quotation", "quoted speech": "quotation",
    "caption": "chrome", "fragment": "chrome", "headline": "chrome", "embedded post": "chrome",
    "lead-in to a quotation or list": "chrome", "request for comment": "chrome",
    "note on the writer or a reprint credit": "chrome",
    "opinion": "argument", "the author's view": "argument", "value judgement": "argument",
    "the author's reading of events": "argument",
    "possibility or prediction": "forecast",
    "authors' own result": "own", "the author's own voice": "own",
    "definition": "definition",
    "vaguely attributed": "vague",
}
_REASON_KINDS = ("question", "imperative", "quotation", "chrome", "argument", "forecast", "own",
                 "definition", "vague", "other")
# how the rules tie a claim to a source (the ``sourced: ...`` statuses, without the prefix)
_TIES = ("attributed", "vague attribution", "footnote", "source list", "link",
         "said or estimated by its subject", "part of an attributed account")
_SOURCE_KINDS = ("person", "organisation", "outlet", "document", "anonymous")
# the cues that report speech or writing and nothing else ("said", "told", "according to");
# a relation on another cue ("announced", "rejected", "posted") is more often an actor's act
CORE_CUES = frozenset(
    "said says say saying told tells tell added adds explained explains noted notes wrote "
    "writes stated states asked quoted according".split())
# features weighed separately where the rules call a sentence an unsourced claim: what makes
# their verdict more or less likely to hold
_WITH_RULE = ("modal", "future", "judging_words", "no_end_punct", "address_or_handle",
              "relation_other_cue", "past_tense", "has_figure", "names", "short",
              "pronoun_subject", "quoted_share", "first_body_sentence", "title_case_share",
              "told_prev", "attributed_prev", "claim_logit")
_GENRES = ("news", "analysis", "opinion", "press-release", "research", "reference")
# what the sentence's own words show (:func:`text_features`), one run of columns in FEATURES
_TEXT_FEATURES = (
    "words_log", "short", "has_digit", "has_figure", "has_percent_or_money", "has_date_word",
    "names", "first_person_singular", "first_person_plural", "second_person", "modal", "future",
    "judging_words", "ly_adverbs", "past_tense", "pronoun_subject", "no_end_punct",
    "ends_with_colon", "address_or_handle", "title_case_share",
)

FEATURES: tuple[str, ...] = (
    "claim_prob", "claim_logit", "above_threshold", "rule_unsourced",
    *(f"reason:{k}" for k in _REASON_KINDS),
    *(f"tie:{t}" for t in _TIES),
    "attributed_prev", "attributed_next", "attributed_no_relation", "relation_core_cue",
    "relation_other_cue", "attributed_other_cue_only", "relation_direct", "relation_content_share",
    *(f"source:{k}" for k in _SOURCE_KINDS), "told_prev", "paragraph_attributed_share",
    "vague_finding", "quoted_share",
    *(f"genre:{g}" for g in _GENRES), "genre_confidence", "claims_genre_differs",
    "position_in_article", "first_body_sentence", "first_in_paragraph", "paragraph_sentences_1",
    "bullet", *_TEXT_FEATURES,
    "uncertainty", "hedged",
    *(f"rule_unsourced*{name}" for name in _WITH_RULE),
)
INDEX = {name: i for i, name in enumerate(FEATURES)}
_TEXT_START = INDEX[_TEXT_FEATURES[0]]
_TEXT_END = _TEXT_START + len(_TEXT_FEATURES)
# the columns :func:`sentence_features` writes for every sentence, looked up once here
(_CLAIM_PROB, _CLAIM_LOGIT, _ABOVE, _RULE, _ATTR_PREV, _ATTR_NEXT, _TOLD_PREV, _VAGUE, _QUOTED,
 _GENRE_CONFIDENCE, _GENRE_DIFFERS, _POSITION, _FIRST_BODY, _UNCERTAINTY, _HEDGED,
 _OTHER_CUE_ONLY, _NO_RELATION, _PARAGRAPH_SHARE, _FIRST_IN_PARAGRAPH, _PARAGRAPH_1,
 _BULLET) = (INDEX[name] for name in (
    "claim_prob", "claim_logit", "above_threshold", "rule_unsourced", "attributed_prev",
    "attributed_next", "told_prev", "vague_finding", "quoted_share", "genre_confidence",
    "claims_genre_differs", "position_in_article", "first_body_sentence", "uncertainty",
    "hedged", "attributed_other_cue_only", "attributed_no_relation",
    "paragraph_attributed_share", "first_in_paragraph", "paragraph_sentences_1", "bullet"))
# an exemption's reason and a tie (with or without its "sourced: ") -> their column; any
# other is looked up by name, as it always was
_REASON_AT = {reason: INDEX[f"reason:{group}"] for reason, group in REASON_GROUPS.items()}
_TIE_AT = {f"sourced: {t}": INDEX[f"tie:{t}"] for t in _TIES} | {
    t: INDEX[f"tie:{t}"] for t in _TIES}
# (column of ``rule_unsourced*name``, column of ``name``) for each name of _WITH_RULE
_WITH_RULE_AT = tuple((INDEX[f"rule_unsourced*{name}"], INDEX[name]) for name in _WITH_RULE)

# (string tests, no regular expressions: a draft check compiles nothing for the decision)
_STRIP = "\"'“”‘’()[]{}<>.,;:!?…–—*•/"
_MONEY_SIGNS = ("%", "$", "£", "€", "¥", "per cent")
_MONEY_WORDS = frozenset("percent million billion trillion".split())
_DATE_WORDS = frozenset(
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday yesterday today".split())
_LAST = ("last year", "last month", "last week")
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i’m", "i've", "i’ve",
                             "i'd", "i’d"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we’re"})
_SECOND = frozenset({"you", "your", "yours", "yourself", "you're", "you’re"})
_MODALS = frozenset({"could", "might", "may", "would", "should", "must", "can", "cannot"})
_FUTURE = frozenset({"will", "won't", "won’t", "shall"})
# words that judge or intensify rather than describe (an opinion's or a narrative's voice)
_JUDGING = frozenset(
    "very extremely incredibly remarkably stunning shocking horribly terribly unprecedented "
    "dramatic dramatically certainly surely clearly obviously undoubtedly simply truly "
    "embarrassing worrying troubling alarming disturbing disappointing encouraging impressive "
    "shameful disgraceful absurd ridiculous outrageous unacceptable foolish reckless "
    "irresponsible scary terrifying bizarre tragic unfair unjust mistake disgrace scandal "
    "shame farce grim bleak dire mystery unimaginable".split())
_PAST = frozenset("was were had did".split())
_PRONOUN_SUBJECTS = frozenset("he she it they this these that those".split())
_ADDRESS = ("@", "http:", "https:", "www.", ".com", "©", "|")
_ENDS = ".!?\"'”’)]…:"


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("18", "19", "20")


# (per-token facts, :class:`_WordFacts`: bits that say what a sentence's words hold, and
# counts packed into one int, _COUNT_BITS bits each, so that a sentence's counts are one sum)
_COUNT_BITS = 48
_WORD, _CAP, _LONG, _LONG_CAP, _LY, _ED = (1 << (_COUNT_BITS * k) for k in range(6))
_COUNT_MASK = (1 << _COUNT_BITS) - 1
# the word sets tested on a sentence's lower-case words, one bit each
_WORD_SETS = (_MONEY_WORDS, _DATE_WORDS, _FIRST_SINGULAR, _FIRST_PLURAL, _SECOND, _MODALS,
              _FUTURE, _JUDGING, _PAST)
(_IN_MONEY, _IN_DATE, _IN_FIRST_SINGULAR, _IN_FIRST_PLURAL, _IN_SECOND, _IN_MODALS,
 _IN_FUTURE, _IN_JUDGING, _IN_PAST) = (1 << k for k in range(len(_WORD_SETS)))
_PRONOUN = 1 << len(_WORD_SETS)  # a pronoun subject (read on the first word only)
_NUMERIC = _PRONOUN << 1  # a token with a digit that is not all letters
_NOT_YEAR = _NUMERIC << 1  # ... and not a year


class _WordFacts(Memo[str, tuple[int, int]]):
    """A whitespace token with the punctuation stripped (:data:`_STRIP`) -> (bits, packed
    counts) of what :func:`text_features` reads in it: whether it is a word (its first
    character a letter), capitalised, longer than three characters, an -ly adverb or an -ed
    form (of its lower case, longer than four), in which word sets its lower case is, a
    pronoun; whether it holds a figure that is not a year. Remembered per process."""

    limit = 200_000

    def compute(self, token: str) -> tuple[int, int]:
        bits = counts = 0
        if token[:1].isalpha():
            low = token.lower()
            cap = token[0].isupper()
            long = len(token) > 3
            counts = _WORD | (_CAP if cap else 0) | (_LONG if long else 0) \
                | (_LONG_CAP if long and cap else 0) \
                | (_LY if low.endswith("ly") and len(low) > 4 else 0) \
                | (_ED if low.endswith("ed") and len(low) > 4 else 0)
            bits = sum(1 << k for k, words in enumerate(_WORD_SETS) if low in words)
            if low in _PRONOUN_SUBJECTS:
                bits |= _PRONOUN
        if not token.isalpha() and any(map(str.isdigit, token)):
            bits |= _NUMERIC | (0 if _is_year(token) else _NOT_YEAR)
        return bits, counts


_WORD_FACTS = _WordFacts()


def text_features(texts: Sequence[str]) -> list[list[float]]:
    """The values of :data:`_TEXT_FEATURES`, in that order, for each of ``texts``. The
    tokens of all the texts are read in one pass (each through :class:`_WordFacts`); per
    text, its tokens' bits are joined and their counts summed."""
    splits = list(map(str.split, texts))
    tokens = list(map(str.strip, chain.from_iterable(splits), repeat(_STRIP)))
    facts = list(map(_WORD_FACTS.__getitem__, tokens))
    flags = list(map(itemgetter(0), facts))
    counts = list(map(itemgetter(1), facts))
    rows = []
    a = 0
    for text, split in zip(texts, splits, strict=True):
        b = a + len(split)
        bits = reduce(or_, flags[a:b], 0)
        total = sum(counts[a:b])
        # the first word: its capital and -ed form do not count, its pronoun does
        first_bits = first_counts = 0
        for k in range(a, b):
            if counts[k] & _WORD:
                first_bits, first_counts = flags[k], counts[k]
                break
        a = b
        n = total & _COUNT_MASK
        caps = (total // _CAP & _COUNT_MASK) - bool(first_counts & _CAP)
        long = total // _LONG & _COUNT_MASK
        low = text.lower()
        stripped = text.rstrip()
        rows.append([
            math.log1p(n),  # words_log
            float(n < 6),  # short
            float(bool(bits & _NUMERIC)),  # has_digit
            float(bool(bits & _NOT_YEAR)),  # has_figure
            float(any(map(low.__contains__, _MONEY_SIGNS))  # has_percent_or_money
                  or bool(bits & _IN_MONEY)),
            float(bool(bits & _IN_DATE)  # has_date_word
                  or any(map(low.__contains__, _LAST))),
            min(caps, 6) / 6.0,  # names
            float(bool(bits & _IN_FIRST_SINGULAR)),  # first_person_singular
            float(bool(bits & _IN_FIRST_PLURAL)),  # first_person_plural
            float(bool(bits & _IN_SECOND)),  # second_person
            float(bool(bits & _IN_MODALS)),  # modal
            float(bool(bits & _IN_FUTURE) or "’ll " in text or "'ll " in text),  # future
            float(bool(bits & _IN_JUDGING)),  # judging_words
            min(3, total // _LY & _COUNT_MASK) / 3,  # ly_adverbs
            float(bool(bits & _IN_PAST)  # past_tense
                  or (total // _ED & _COUNT_MASK) > bool(first_counts & _ED)),
            float(bool(first_bits & _PRONOUN)),  # pronoun_subject
            float(not stripped or stripped[-1] not in _ENDS),  # no_end_punct
            float(stripped.endswith(":")),  # ends_with_colon
            float(any(map(low.__contains__, _ADDRESS))),  # address_or_handle
            (total // _LONG_CAP & _COUNT_MASK) / long if long else 0.0,  # title_case_share
        ])
    return rows


def _relations(analysis: Analysis, sentences: list[Sentence]) -> dict[int, dict[str, float]]:
    """Per body sentence (by index), what the attribution relations touching it are like:
    cue kind, direct quotation, share of it that is content, the source's kind."""
    text = analysis.doc.text
    starts = [s.start for s in sentences]
    out: dict[int, dict[str, float]] = {}

    def at(offset: int) -> Sentence | None:
        k = bisect_right(starts, offset) - 1
        return sentences[k] if k >= 0 and offset < sentences[k].end else None

    for r in analysis.attributions:
        touched: dict[int, float] = {}
        for c in r.content:
            k = max(0, bisect_right(starts, c.start) - 1)
            while k < len(sentences) and (s := sentences[k]).start < c.end:
                k += 1
                share = max(0, min(s.end, c.end) - max(s.start, c.start)) / max(1, s.end - s.start)
                touched[s.index] = touched.get(s.index, 0.0) + share
        for span in (r.cue, r.source):
            s = at(span.start) if span is not None else None
            if s is not None:
                touched.setdefault(s.index, 0.0)
        cue = text[r.cue.start:r.cue.end].lower().split() if r.cue is not None else []
        core = bool(cue) and cue[0].strip(",:") in CORE_CUES
        for i, share in touched.items():
            f = out.setdefault(i, {})
            f["relation_core_cue" if core else "relation_other_cue"] = 1.0
            if r.direct:
                f["relation_direct"] = 1.0
            f["relation_content_share"] = min(1.0, max(f.get("relation_content_share", 0.0),
                                                       share))
            if r.source_kind in _SOURCE_KINDS:
                f[f"source:{r.source_kind}"] = 1.0
    return out


def _paragraphs(attributed: list[bool], sentences: list[Sentence]
                ) -> tuple[dict[int, list[int]], dict[int, int]]:
    """The sentences of each paragraph (block), and how many of them are attributed, counted
    once per paragraph (not once per sentence: a paragraph of thousands of sentences, a
    transcript's, would take minutes)."""
    n_all = len(attributed)
    by_block: dict[int, list[int]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s.index)
    return by_block, {b: sum(1 for j in mates if j < n_all and attributed[j])
                      for b, mates in by_block.items()}


def sentence_features(analysis: Analysis, sentences: list[Sentence], seen: list[Seen],
                      claims_genre: str, wanted: Sequence[bool] | None = None
                      ) -> list[list[float]]:
    """One row of :data:`FEATURES` per body sentence (``seen[k]`` belongs to
    ``sentences[k]``); with ``wanted``, an empty row for each sentence whose ``wanted[k]``
    is false (its row is not worked out; the others' do not change)."""
    attributed = analysis.attributed
    n_all = len(attributed)
    by_block, block_attributed = _paragraphs(attributed, sentences)
    blocks = analysis.doc.blocks
    genre = analysis.genre or ""
    confidence = float(analysis.genre_confidence or 0.0)
    n = len(sentences)
    relations = _relations(analysis, sentences)
    at = INDEX
    width = len(FEATURES)
    genre_at = at[f"genre:{genre}"] if genre in _GENRES else -1
    differs = float(claims_genre != genre)
    uncertainty, hedged = analysis.uncertainty, analysis.hedged
    if wanted is None:
        wanted = [True] * n
    words = iter(text_features([s.text for s, w in zip(sentences, wanted, strict=True) if w]))
    rows: list[list[float]] = []
    for k, (s, v, w) in enumerate(zip(sentences, seen, wanted, strict=True)):
        if not w:
            rows.append([])
            continue
        i = s.index
        inside = i < n_all
        # (each value written straight to its column; a column nobody writes stays 0.0)
        row = [0.0] * width
        prob = min(max(v.prob, 1e-4), 1 - 1e-4)
        row[_CLAIM_PROB] = v.prob
        row[_CLAIM_LOGIT] = math.log(prob / (1 - prob))
        row[_ABOVE] = float(v.prob >= v.threshold)
        row[_RULE] = float(v.rule_flag)
        row[_ATTR_PREV] = float(i > 0 and attributed[i - 1])
        row[_ATTR_NEXT] = float(i + 1 < n_all and attributed[i + 1])
        row[_TOLD_PREV] = float(v.told_prev)
        row[_VAGUE] = float(v.vague)
        row[_QUOTED] = v.quoted
        row[_GENRE_CONFIDENCE] = confidence
        row[_GENRE_DIFFERS] = differs
        row[_POSITION] = k / max(1, n - 1)
        row[_FIRST_BODY] = float(k == 0)
        row[_UNCERTAINTY] = float(uncertainty[i] or 0.0) if inside else 0.0
        row[_HEDGED] = float(hedged[i]) if inside else 0.0
        found = relations.get(i)
        if found:
            for name, value in found.items():
                row[at[name]] = value
            if attributed[i] and "relation_core_cue" not in found:
                row[_OTHER_CUE_ONLY] = 1.0
        elif inside and attributed[i]:
            row[_NO_RELATION] = 1.0
        if v.reason:
            reason_at = _REASON_AT.get(v.reason)
            row[reason_at if reason_at is not None else at["reason:other"]] = 1.0
        if v.tie:
            tie_at = _TIE_AT.get(v.tie)
            row[tie_at if tie_at is not None
                else at[f"tie:{v.tie.removeprefix('sourced: ')}"]] = 1.0
        if genre_at >= 0:
            row[genre_at] = 1.0
        mates = by_block.get(s.block, [i])
        others = len(mates) - 1  # (the sentence is one of its paragraph's)
        attributed_others = block_attributed.get(s.block, 0) - bool(inside and attributed[i])
        row[_PARAGRAPH_SHARE] = attributed_others / others if others else 0.0
        row[_FIRST_IN_PARAGRAPH] = float(mates[0] == i)
        row[_PARAGRAPH_1] = float(len(mates) == 1)
        row[_BULLET] = float(s.block < len(blocks) and blocks[s.block].bullet)
        row[_TEXT_START:_TEXT_END] = next(words)
        if v.rule_flag:
            for to, of in _WITH_RULE_AT:
                row[to] = row[of]
        rows.append(row)
    return rows


class Decision:
    """A fitted logistic regression over standardised :data:`FEATURES`."""

    __slots__ = ("_at_zero", "_at_zero_sum", "coef", "intercept", "mean", "metadata", "scale",
                 "threshold")

    def __init__(self, mean: tuple[float, ...], scale: tuple[float, ...],
                 coef: tuple[float, ...], intercept: float, threshold: float,
                 metadata: dict[str, Any]) -> None:
        self.mean, self.scale, self.coef = mean, scale, coef
        self.intercept, self.threshold, self.metadata = intercept, threshold, metadata
        # each feature's contribution when its value is 0.0 (most of a row's values), and
        # their sum held exactly as a few floats (see :meth:`probability`); ``None`` where a
        # contribution is not finite and the sparse sum would not be exact
        at_zero = tuple(c * (0.0 - m) / s for m, s, c in zip(mean, scale, coef, strict=True))
        partials = _exact_partials(at_zero)
        finite = all(map(math.isfinite, at_zero)) and all(map(math.isfinite, partials))
        self._at_zero = at_zero if finite else None
        self._at_zero_sum = partials if finite else []

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str) -> Decision:
        names = field(data, "features", where, list)
        if tuple(names) != FEATURES:
            raise DataFileError(f"{where}: 'features' differ from the features this version "
                                "computes (retrain the decision)")
        arrays = []
        for key in ("mean", "scale", "coef"):
            values = field(data, key, where, list)
            if len(values) != len(FEATURES) or not all(
                    isinstance(x, int | float) and not isinstance(x, bool) for x in values):
                raise DataFileError(f"{where}: {key!r} must be {len(FEATURES)} numbers")
            arrays.append(tuple(float(x) for x in values))
        if any(x <= 0 for x in arrays[1]):
            raise DataFileError(f"{where}: 'scale' must be positive")
        return cls(mean=arrays[0], scale=arrays[1], coef=arrays[2],
                   intercept=finite_number(data, "intercept", where),
                   threshold=finite_number(data, "threshold", where, 0.0, 1.0),
                   metadata=field(data, "metadata", where, dict, {}))

    def contributions(self, row: list[float]) -> list[float]:
        """Each feature's share of the decision's log-odds for ``row``."""
        return [c * (x - m) / s for x, m, s, c in zip(row, self.mean, self.scale, self.coef,
                                                     strict=True)]

    def probability(self, row: list[float]) -> float:
        """The logistic of ``intercept + fsum(contributions(row))``. ``fsum`` rounds the exact
        sum of its terms once, so the sum is taken from the exact sum of the contributions at
        0.0 (:attr:`_at_zero_sum`), plus the contributions of the row's non-zero values, minus
        those values' contributions at 0.0: the same exact sum, so the same float, with the
        arithmetic done for the non-zero values only."""
        at_zero = self._at_zero
        if at_zero is None or len(row) != len(at_zero):
            z = self.intercept + math.fsum(self.contributions(row))
        else:
            mean, scale, coef = self.mean, self.scale, self.coef
            nonzero = list(compress(range(len(row)), row))
            z = self.intercept + math.fsum(
                [*self._at_zero_sum,
                 *[coef[k] * (row[k] - mean[k]) / scale[k] for k in nonzero],
                 *[-at_zero[k] for k in nonzero]])
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def strongest_against(self, row: list[float]) -> str:
        """The feature that argues most against a claim in ``row`` (for ``claim_status``)."""
        parts = self.contributions(row)
        k = min(range(len(parts)), key=parts.__getitem__)
        return FEATURES[k]


def _exact_partials(values: Iterable[float]) -> list[float]:
    """Floats whose exact sum is the exact sum of ``values`` (finite ones), non-overlapping:
    Shewchuk's running partials, as ``math.fsum`` keeps them before it rounds once."""
    partials: list[float] = []
    for x in values:
        i = 0
        for y in partials:
            if abs(x) < abs(y):
                x, y = y, x
            high = x + y
            low = y - (high - x)
            if low:
                partials[i] = low
                i += 1
            x = high
        partials[i:] = [x]
    return partials


def read_decision(path: str | Path) -> Decision:
    """Read a decision model file (``DataFileError`` names the file and the problem)."""
    return Decision.from_dict(load_data(path, FORMAT, (1,)), where=str(path))


@lru_cache(maxsize=4)
def load_decision(path: str = "") -> Decision:
    """The decision model at ``path`` (default: the shipped one), read once per process."""
    return read_decision(path or DEFAULT_PATH)
