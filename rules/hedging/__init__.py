"""Hedging, weasel attribution, approximators and boosters (family ``hedging``).

Cue spans come from our own lexicon (``rules/hedging/lexicon.json``): each entry is a
regular expression with optional vetoes on the text just before / after it, so that
"May" the month, "military might", "could not be reached" or "suggested a meeting" are
not taken for hedges. :func:`find_cues` works on any string; :func:`run` maps the cues of
an article to its sentences, records every cue on ``analysis.hedges`` and reports only the
author's own ones: a cue inside a direct quotation, or inside content attributed to a
named source, is the speaker's hedge (``speaker`` set, ``flagged=False``).

For the CoNLL-2010 sentence task (is this sentence uncertain?) :class:`HedgeSentenceClassifier`
combines the cue features with word n-grams in a logistic regression whose weights are
learned from data (``training/train_hedging.py``) and saved as JSON in
``rules/hedging/sentence_model.json``.
"""

from __future__ import annotations

import bisect
import math
import re
import re._constants as _sre
import re._parser as _sre_parser
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from checker.core.analysis import ANONYMOUS, Analysis, HedgeCue
from checker.core.datafiles import load_data
from checker.core.regexlit import required_literals
from checker.core.rule import Rule, register

FAMILY = "hedging"
LEXICON_PATH = Path(__file__).resolve().parent / "lexicon.json"
MODEL_PATH = Path(__file__).resolve().parent / "sentence_model.json"

EPISTEMIC = "epistemic"
REPORTATIVE = "reportative"
WEASEL = "weasel"
APPROXIMATOR = "approximator"
BOOSTER = "booster"
CATEGORIES: tuple[str, ...] = (EPISTEMIC, REPORTATIVE, WEASEL, APPROXIMATOR, BOOSTER)
# Categories recorded when the configuration does not say otherwise (approximators are
# added when the ``approximator`` rule is enabled).
DEFAULT_CATEGORIES: tuple[str, ...] = (EPISTEMIC, REPORTATIVE, WEASEL, BOOSTER)
# The categories that count as hedges (boosters are the opposite: overstated certainty).
HEDGE_CATEGORIES: frozenset[str] = frozenset({EPISTEMIC, REPORTATIVE, WEASEL, APPROXIMATOR})
# On equal length, the more specific reading wins.
_PRIORITY = {REPORTATIVE: 0, WEASEL: 1, EPISTEMIC: 2, BOOSTER: 3, APPROXIMATOR: 4}
_CATEGORY_RULE = {
    EPISTEMIC: "hedging",
    REPORTATIVE: "hedging",
    WEASEL: "hedging",
    BOOSTER: "overstated-certainty",
    APPROXIMATOR: "approximator",
}

HEDGING = register(
    Rule(
        id="HDG001",
        name="hedging",
        family=FAMILY,
        severity="suggestion",
        summary="The author's own hedge, second-hand report or weasel attribution.",
        rationale=(
            "Modal hedges (may, might, seems), second-hand markers (reportedly, is said to) "
            "and views credited to unnamed crowds (critics argue, it is thought) make copy "
            "commit less than it appears to, or hide who holds a view. Editors should check "
            "that each one is deliberate and, where possible, name the source or state what "
            "is actually known. Hedges inside quotations are the speaker's and are not flagged."
        ),
        bad="The new bridge is thought to have cost twice the budget, and critics argue it "
        "may never open.",
        good="The new bridge cost twice its budget, according to the city auditor's report; "
        "two council members, Ana Ruiz and Tom Beck, say it will not open this year.",
    )
)
OVERSTATED_CERTAINTY = register(
    Rule(
        id="HDG002",
        name="overstated-certainty",
        family=FAMILY,
        severity="suggestion",
        summary="A booster (clearly, undoubtedly, without question) asserts more certainty "
        "than the copy shows.",
        rationale=(
            "Boosters ask the reader to accept a claim on the writer's confidence instead of "
            "on evidence. Either show the evidence that makes the claim certain, or drop the "
            "booster and let the facts stand."
        ),
        bad="The tax cut clearly caused the rise in hiring.",
        good="Hiring rose by 4% in the two quarters after the tax cut, the labour ministry's "
        "figures show.",
    )
)
APPROXIMATOR_RULE = register(
    Rule(
        id="HDG003",
        name="approximator",
        family=FAMILY,
        severity="suggestion",
        summary="An approximator or shield (about, some 3,500, largely) softens a factual claim.",
        rationale=(
            "Rounded and softened figures are often fine, so this rule is off by default. "
            "Standards desks that want exact numbers, or the source of an estimate, can turn "
            "it on to see every approximate figure and shield."
        ),
        bad="Some 3,500 people were largely left without power.",
        good="3,482 households were left without power, the utility said.",
        enabled=False,
    )
)

_MESSAGES = {
    EPISTEMIC: "Hedge {cue!r}: the sentence commits less than it seems to; state what is "
    "known, or who thinks so.",
    REPORTATIVE: "Second-hand {cue!r}: say who reported or alleges this.",
    WEASEL: "Weasel attribution {cue!r}: the view is credited to unnamed people; name them.",
    BOOSTER: "Overstated certainty {cue!r}: show the evidence instead of asserting it.",
    APPROXIMATOR: "Approximation {cue!r}: give the exact figure or the source of the estimate.",
}


class Cue(NamedTuple):
    """One cue span in a string: ``text[start:end]``, its category and lexicon key."""

    start: int
    end: int
    text: str
    category: str
    key: str


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    category: str
    pattern: re.Pattern[str]
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    lower: bool = True  # match against the lower-cased text
    # Strings of which every match contains one: when none is in the text, skip the scan.
    needles: tuple[str, ...] = ()
    # The "not inside a word" lookbehind is left out of the pattern and checked in Python by
    # :func:`_matches`: a leading lookbehind disables the engine's fast scan for the first
    # characters (kept for patterns that start with an optional part, where it pays).
    check_start: bool = False


_WINDOW = 60  # characters of context the vetoes look at
_WORD_BEFORE = r"(?<![\w'’-])"  # a cue starts a word
_WORD_CHARS_BEFORE = "_'’-"  # with str.isalnum(), what the lookbehind rejects (\w'’-)
_MAX_NEEDLES = 16  # beyond this many ``in`` checks a prefilter does not pay


def _compile(
    key: str,
    category: str,
    body: str,
    not_before: re.Pattern[str] | None = None,
    not_after: re.Pattern[str] | None = None,
    lower: bool = True,
) -> _Entry:
    pattern = rf"(?:{body})(?![\w-])"
    try:
        tree = _sre_parser.parse(pattern)
        needles = required_literals(pattern)
        first_op, first_av = tree[0]
        check_start = tree.getwidth()[0] > 0 and not (
            first_op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and first_av[0] == 0
        )
    except Exception:  # the regex engine's internals changed: no shortcuts
        needles, check_start = None, False
    return _Entry(
        key=key,
        category=category,
        pattern=re.compile(pattern if check_start else _WORD_BEFORE + pattern),
        not_before=not_before,
        not_after=not_after,
        lower=lower,
        needles=tuple(sorted(needles)) if needles and len(needles) <= _MAX_NEEDLES else (),
        check_start=check_start,
    )


def _compile_entry(category: str, raw: Mapping[str, Any]) -> _Entry:
    case = bool(raw.get("case"))
    flags = 0 if case else re.IGNORECASE
    # A space in the lexicon means "some whitespace"; " ?" means "optional whitespace".
    body = str(raw["re"]).replace(" ?", r"\s*").replace(" ", r"\s+")
    if not case:
        # Case-insensitive entries run case-sensitively on the lower-cased text (about three
        # times faster than re.IGNORECASE, which defeats the regex engine's prefix scan).
        body = re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), body)
    nb = raw.get("not_before")
    na = raw.get("not_after")
    return _compile(
        str(raw["key"]),
        category,
        body,
        not_before=re.compile(str(nb), flags) if nb else None,
        not_after=re.compile(str(na), flags) if na else None,
        lower=not case,
    )


def _literal_entry(category: str, phrase: str) -> _Entry:
    words = [re.escape(w) for w in phrase.split()]
    if not words:
        raise ValueError(f"empty {category} cue in configuration")
    return _compile(phrase.lower(), category, r"\s+".join(words).lower())


def _matches(entry: _Entry, subject: str) -> Iterator[tuple[int, int]]:
    """Spans of ``entry.pattern`` in ``subject`` (as ``finditer`` with the word-start
    lookbehind would give them)."""
    if not entry.check_start:
        for m in entry.pattern.finditer(subject):
            yield m.span()
        return
    search = entry.pattern.search
    pos = 0
    while (m := search(subject, pos)) is not None:
        s = m.start()
        if s and (subject[s - 1].isalnum() or subject[s - 1] in _WORD_CHARS_BEFORE):
            pos = s + 1  # inside a word: the lookbehind would have failed here
            continue
        pos = m.end()  # matches are never empty (checked when compiled)
        yield s, pos


def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, list[dict[str, Any]]]:
    """The raw lexicon: category -> list of entries (``key``, ``re``, vetoes)."""
    data = load_data(path, "checker-hedging-lexicon")
    return {cat: list(spec["entries"]) for cat, spec in data["categories"].items()}


@lru_cache(maxsize=1)
def _base_entries() -> tuple[_Entry, ...]:
    lex = load_lexicon()
    return tuple(_compile_entry(cat, raw) for cat in CATEGORIES for raw in lex.get(cat, ()))


def _freeze(m: Mapping[str, Iterable[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not m:
        return ()
    return tuple(sorted((str(k), tuple(_as_list(vs))) for k, vs in m.items()))


def _as_list(values: Iterable[str] | str) -> list[str]:
    """A configuration value given as one string or as a list of strings."""
    return [values] if isinstance(values, str) else [str(v) for v in values]


@lru_cache(maxsize=32)
def _entries(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[_Entry, ...]:
    added = []
    for cat, phrases in extra:
        if cat not in CATEGORIES:
            raise ValueError(f"unknown hedge category {cat!r} (known: {', '.join(CATEGORIES)})")
        added.extend(_literal_entry(cat, p) for p in phrases)
    return _base_entries() + tuple(added)


def find_cues(
    text: str,
    categories: Iterable[str] = DEFAULT_CATEGORIES,
    extra: Mapping[str, Iterable[str]] | None = None,
    remove: Mapping[str, Iterable[str]] | None = None,
) -> list[Cue]:
    """All hedge/booster cue spans in ``text``, sorted by offset, non-overlapping.

    ``categories`` selects what to look for (approximators are off unless asked for);
    ``extra`` adds literal cue phrases per category; ``remove`` drops cues per category,
    by lexicon key or by the matched text (case-insensitive).
    """
    wanted = set(categories)
    removed: dict[str, set[str]] = {
        cat: {v.lower() for v in _as_list(vs)} for cat, vs in (remove or {}).items()
    }
    found: list[Cue] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # rare characters whose lower case is longer
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for entry in _entries(_freeze(extra)):
        if entry.category not in wanted:
            continue
        subject = lowered if entry.lower else text
        if entry.needles and not any(n in subject for n in entry.needles):
            continue  # none of the strings every match contains: no match
        for s, e in _matches(entry, subject):
            if entry.not_before is not None and entry.not_before.search(
                text, max(0, s - _WINDOW), s
            ):
                continue
            if entry.not_after is not None and entry.not_after.match(text[e : e + _WINDOW]):
                continue
            found.append(Cue(s, e, text[s:e], entry.category, entry.key))
    if removed:
        found = [
            c
            for c in found
            if not (
                c.category in removed
                and (c.key.lower() in removed[c.category] or c.text.lower() in removed[c.category])
            )
        ]
    # Longest match wins; on ties the more specific category.
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.category], c.start))
    taken: list[tuple[int, int]] = []
    kept: list[Cue] = []
    for c in found:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


# ---------------------------------------------------------------------------
# Quotations and speakers

# Double quotation marks within one paragraph: “...”, "...", „...“, «...», ``...''.
_QUOTE_RE = re.compile(
    r"“[^”\n]{1,1500}”|\"[^\"\n]{1,1500}\"|„[^“”\n]{1,1500}[“”]|«[^»\n]{1,1500}»|``[^'\n]{1,1500}''"
)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages (a fallback when attribution found none)."""
    return [m.span() for m in _QUOTE_RE.finditer(text)]


def _inside(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    """Whether some span in ``spans`` contains ``[s, e)`` (articles have few quotes)."""
    return any(a <= s and e <= b for a, b in spans)


def author_cues(
    text: str,
    categories: Iterable[str] = DEFAULT_CATEGORIES,
    extra: Mapping[str, Iterable[str]] | None = None,
    remove: Mapping[str, Iterable[str]] | None = None,
) -> list[Cue]:
    """:func:`find_cues` without the cues that sit inside double quotation marks."""
    quotes = quotation_spans(text)
    cues = find_cues(text, categories, extra, remove)
    return [c for c in cues if not _inside(quotes, c.start, c.end)]


def _active_categories(analysis: Analysis) -> tuple[list[str], dict[str, list[str]]]:
    cfg = analysis.config
    remove_cfg = cfg.remove.get(FAMILY, {}) if isinstance(cfg.remove, Mapping) else {}
    removed_categories: set[str] = set()
    remove_cues: dict[str, list[str]] = {}
    if isinstance(remove_cfg, Mapping):
        for cat, vals in remove_cfg.items():
            if vals in ("*", ["*"]):
                removed_categories.add(cat)
            else:
                remove_cues[cat] = _as_list(vals)
    else:  # a plain list of categories to remove
        removed_categories.update(str(v) for v in remove_cfg)
    if cfg.hedge_categories:
        cats = [c for c in cfg.hedge_categories if c in CATEGORIES]
    else:
        cats = list(DEFAULT_CATEGORIES)
        if analysis.rule_enabled(APPROXIMATOR_RULE.name):
            cats.append(APPROXIMATOR)
    return [c for c in cats if c not in removed_categories], remove_cues


_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def run(analysis: Analysis) -> None:
    """Record every cue of the article's body sentences; report the author's own ones."""
    doc = analysis.doc
    text = doc.text
    categories, remove_cues = _active_categories(analysis)
    extra = analysis.config.lexicon.get(FAMILY, {})
    body = [s for s in doc.sentences if s.region == "body"]
    n_words = sum(len(_WORD_RE.findall(s.text)) for s in body)
    if not body or not categories:
        analysis.extra[FAMILY] = summarise([], n_words)
        return
    # One scan over the stretch of text that holds the body, then keep the cues that lie
    # inside a body sentence.
    lo, hi = body[0].start, max(s.end for s in body)
    starts = [s.start for s in body]
    located: list[tuple[Cue, int]] = []
    for cue in find_cues(text[lo:hi], categories, extra, remove_cues):
        s, e = lo + cue.start, lo + cue.end
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and e <= body[i].end:
            located.append((cue._replace(start=s, end=e), body[i].index))
    cue_spans = [(c.start, c.end) for c, _ in located if c.category != BOOSTER]

    # Quotation spans (direct speech) with speakers, and indirect attributed content.
    direct: list[tuple[int, int, str]] = []
    indirect: list[tuple[int, int, str, bool]] = []  # + whether the speaker is named
    for att in analysis.attributions:
        name = att.source_name or ""
        # "X is expected to / is thought to ..." is the author's hedge, not X's speech: an
        # indirect attribution whose cue is one of our cues does not make a speaker.
        if (
            not att.direct
            and att.cue is not None
            and any(a < att.cue.end and att.cue.start < b for a, b in cue_spans)
        ):
            continue
        for sp in att.content:
            if att.direct:
                direct.append((sp.start, sp.end, name))
            else:
                named = bool(name) and att.source_kind not in ("", ANONYMOUS)
                indirect.append((sp.start, sp.end, name, named))
    qspans = sorted(
        {(q.start, q.end) for q in analysis.quotes}
        | set(quotation_spans(text))
        | {(a, b) for a, b, _ in direct}
    )

    def speaker_for(s: int, e: int, sentence: int) -> str:
        for a, b, name in direct:
            if a <= s and e <= b and name:
                return name
        for a, b, name, _ in indirect:
            if a <= s and e <= b and name:
                return name
        if 0 <= sentence < len(analysis.sentence_source) and analysis.sentence_source[sentence]:
            return analysis.sentence_source[sentence]
        return "unattributed quotation"

    for cue, sentence in located:
        s, e = cue.start, cue.end
        speaker = ""
        flagged = True
        if _inside(qspans, s, e):
            speaker = speaker_for(s, e, sentence)
            flagged = False
        else:
            for a, b, name, named in indirect:
                if a <= s and e <= b:
                    speaker = name or "unnamed source"
                    flagged = not named
                    break
        analysis.hedges.append(
            HedgeCue(
                start=s,
                end=e,
                text=cue.text,
                category=cue.category,
                sentence=sentence,
                speaker=speaker,
                flagged=flagged,
            )
        )
        if flagged:
            analysis.report(
                _CATEGORY_RULE[cue.category],
                s,
                e,
                _MESSAGES[cue.category].format(cue=cue.text),
                sentence=sentence,
            )
    analysis.extra[FAMILY] = summarise(analysis.hedges, n_words)


def summarise(hedges: Sequence[HedgeCue], n_words: int) -> dict[str, Any]:
    """Per-article figures: author's hedges, hedges per 100 words, per category, boosters."""
    own = [h for h in hedges if h.flagged]
    own_hedges = [h for h in own if h.category in HEDGE_CATEGORIES]
    by_cat = Counter(h.category for h in own)
    sentences: dict[int, list[str]] = {}
    for h in own:
        if h.sentence is not None:
            sentences.setdefault(h.sentence, []).append(h.text)
    return {
        "words": n_words,
        "hedges": len(own_hedges),
        "hedges_per_100_words": round(100.0 * len(own_hedges) / n_words, 3) if n_words else 0.0,
        "by_category": {c: by_cat.get(c, 0) for c in CATEGORIES},
        "boosters": by_cat.get(BOOSTER, 0),
        "speaker_hedges": sum(1 for h in hedges if not h.flagged),
        "sentences": sentences,
    }


# ---------------------------------------------------------------------------
# Sentence-level uncertainty classifier (CoNLL-2010 task 1 style)

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def sentence_features(text: str) -> list[str]:
    """Sparse binary features of one sentence: word uni/bigrams and lexicon cues."""
    toks = _TOKEN_RE.findall(text.lower())
    feats = {"w=" + t for t in toks}
    feats.update("b=" + a + "_" + b for a, b in zip(toks, toks[1:], strict=False))
    cues = find_cues(text, CATEGORIES)
    for c in cues:
        feats.add("c=" + c.key)
        feats.add("k=" + c.category)
    n = sum(1 for c in cues if c.category in (EPISTEMIC, REPORTATIVE, WEASEL))
    feats.add(f"n={min(n, 3)}")
    return sorted(feats)


class HedgeSentenceClassifier:
    """Logistic regression over :func:`sentence_features` (scikit-learn estimator API).

    After ``fit`` the state is plain data (``vocabulary_``, ``coef_``, ``intercept_``) and
    round-trips through :meth:`to_json` / :meth:`from_json`.
    """

    def __init__(
        self, C: float = 1.0, min_df: int = 2, threshold: float = 0.5, class_weight: Any = None
    ) -> None:
        self.C = C
        self.min_df = min_df
        self.threshold = threshold
        self.class_weight = class_weight

    # sklearn's clone() needs these two
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {
            "C": self.C,
            "min_df": self.min_df,
            "threshold": self.threshold,
            "class_weight": self.class_weight,
        }

    def set_params(self, **params: Any) -> HedgeSentenceClassifier:
        for k, v in params.items():
            setattr(self, k, v)
        return self

    def _matrix(self, feats: Sequence[Sequence[str]]) -> Any:
        import numpy as np
        from scipy.sparse import csr_matrix

        rows, cols = [], []
        for i, fs in enumerate(feats):
            for f in fs:
                j = self.vocabulary_.get(f)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        data = np.ones(len(rows), dtype=float)
        return csr_matrix((data, (rows, cols)), shape=(len(feats), len(self.vocabulary_)))

    def fit(
        self, X: Sequence[str], y: Sequence[int], features: Sequence[Sequence[str]] | None = None
    ) -> HedgeSentenceClassifier:
        from sklearn.linear_model import LogisticRegression

        feats = features if features is not None else [sentence_features(t) for t in X]
        df = Counter(f for fs in feats for f in set(fs))
        vocab = sorted(f for f, n in df.items() if n >= self.min_df)
        self.vocabulary_ = {f: i for i, f in enumerate(vocab)}
        lr = LogisticRegression(
            C=self.C,
            max_iter=2000,
            class_weight=self.class_weight,
            solver="liblinear",
            random_state=0,
        )
        lr.fit(self._matrix(feats), list(y))
        self.coef_ = [float(v) for v in lr.coef_[0]]
        self.intercept_ = float(lr.intercept_[0])
        self.classes_ = [0, 1]
        return self

    def decision_function(
        self, X: Sequence[str], features: Sequence[Sequence[str]] | None = None
    ) -> list[float]:
        feats = features if features is not None else [sentence_features(t) for t in X]
        out = []
        for fs in feats:
            z = self.intercept_
            for f in fs:
                j = self.vocabulary_.get(f)
                if j is not None:
                    z += self.coef_[j]
            out.append(z)
        return out

    def predict_proba(
        self, X: Sequence[str], features: Sequence[Sequence[str]] | None = None
    ) -> list[list[float]]:
        probs = []
        for z in self.decision_function(X, features):
            p = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
            probs.append([1.0 - p, p])
        return probs

    def predict(
        self, X: Sequence[str], features: Sequence[Sequence[str]] | None = None
    ) -> list[int]:
        return [int(p[1] >= self.threshold) for p in self.predict_proba(X, features)]

    def to_json(self, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Plain-data model: non-zero weights by feature name, plus metadata."""
        weights = {
            f: round(self.coef_[j], 5)
            for f, j in self.vocabulary_.items()
            if abs(self.coef_[j]) >= 1e-4
        }
        return {
            "model": "HedgeSentenceClassifier",
            "features": "sentence_features: w= unigram, b= bigram, c= cue key, k= category, "
            "n= cue count (binary)",
            "params": self.get_params(),
            "threshold": self.threshold,
            "intercept": self.intercept_,
            "weights": dict(sorted(weights.items())),
            **(dict(meta) if meta else {}),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HedgeSentenceClassifier:
        params = dict(data.get("params", {}))
        params["threshold"] = float(data.get("threshold", params.get("threshold", 0.5)))
        model = cls(**params)
        names = list(data["weights"])
        model.vocabulary_ = {f: i for i, f in enumerate(names)}
        model.coef_ = [float(data["weights"][f]) for f in names]
        model.intercept_ = float(data["intercept"])
        model.classes_ = [0, 1]
        return model


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> HedgeSentenceClassifier:
    """The trained sentence classifier shipped in ``rules/hedging/sentence_model.json``."""
    return HedgeSentenceClassifier.from_json(load_data(path, "checker-hedge-sentence-model"))


def sentence_uncertainty(texts: Sequence[str]) -> list[float]:
    """Probability that each sentence is uncertain (hedged or weaselly), per the model."""
    return [p[1] for p in load_model().predict_proba(texts)]
