"""Page chrome told by a learned line model: a logistic regression over a block's form.

The chrome rules (``segment.py``, ``chrome*.py``, ``captions.py``) decide first; this model
looks only at the blocks they leave as body text, and a block it scores at or above its
threshold becomes page boilerplate ("page chrome (line model)"): no finding, not counted as
article prose. The union is deliberate: the rules catch what their words name, the model
what a line's shape and its neighbours say (a run of dash bullets, a lone word, a bracketed
wire code, a contact line, a prompt in the second person).

Features are a line's form only (length, final punctuation, capitals, digits, brackets,
addresses, a bullet or dash, a few common verbs and prompt words, its place in the text) and
the same for the lines either side, with what the rules said of them. Weights are plain JSON
(``lexicons/line_model.json``, written by ``training/train_line_model.py``, which documents the
data and the cross-validation that chose them), read on the first text that needs them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from operator import mul
from pathlib import Path
from typing import Any

from checker.core.datafiles import packaged_data
from checker.core.document import BODY
from checker.core.regexlit import lazy_compile
from checker.text.lines import without_trailing_pictographs

MODEL_PATH = Path(__file__).with_name("lexicons") / "line_model.json"
FORMAT = "checker-line-model"
REASON = "page chrome (line model)"

_WORD = lazy_compile(r"[^\W_][\w'\u2019.-]*")
_BULLET = lazy_compile(r"\s*(?:[-*+\u2022\u2023\u25aa\u25cf\u2013\u2014>\u00bb]|\d{1,3}[.)])\s")
_TERMINAL = lazy_compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")
_URL = lazy_compile(r"https?://|www\.|\w\.(?:com|org|net|co|gov|edu)\b", re.I)
_URL_MARKS = ("@", "://", "www.", ".co", ".org", ".net", ".gov", ".edu")  # before _URL
_DOT_WORD = lazy_compile(r"\.\w")
_SENTENCE_END = lazy_compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]?[A-Z]")
# A word's capital first letter, and a word in capitals: the capital first, then the
# lookbehind "no word character or ' \u2019 . - before it" (as "(?<![\w'\u2019.-])[A-Z]" and
# "(?<![\w'\u2019.-])[A-Z]{2,}\b" say it, the same matches: a leading lookbehind would
# keep the regex engine from skipping ahead to the next capital).
# Both in one scan: a match for each capitalised word, its group the rest of the word when
# the word is in capitals ("" when it is not).
_CAPITALISED_UPPER = lazy_compile(r"[A-Z](?<![\w'\u2019.-].)([A-Z]+\b)?")
_ASCII_DIGIT = lazy_compile("[0-9]")
# brackets, double quotes and separators: which of them a line holds, found in one scan
_BRACKETS = frozenset("[]()")
_QUOTES = frozenset("\"\u201c\u201d")
_SEPARATORS = frozenset("|\u2022\u00b7\u00bb\u203a/")
_MARK = lazy_compile("[" + re.escape("".join(sorted(_BRACKETS | _QUOTES | _SEPARATORS))) + "]")
# common finite verbs: prose has them, menus, credits and headline fragments seldom
_VERBS = frozenset(
    "is are was were has have had will would can could said says say told tells added "
    "do does did be been being should may might must according".split()
)
# first words of prompts and navigation
_PROMPTS = frozenset(
    "click read sign subscribe watch follow share download join listen see get tap log "
    "register continue view more related advertisement advertising sponsored copyright "
    "photo image video picture credit contact email comments comment reply loading "
    "please enable".split()
)
_OPEN_END = frozenset(",;\u2013\u2014-")  # a line the next one carries on (a list in a sentence)
_SECOND_PERSON = frozenset("you your you're yours".split())
# English function words: running prose is full of them, names, titles and foreign credits not
_FUNCTION = frozenset(
    "the a an of to and in on for with at by from that this it as or but not its their "
    "his her they he she we".split()
)
_CODE = lazy_compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{6,}\b")
# An ASCII digit next to an ASCII letter: every _CODE match has one (its word is ASCII letters
# and digits, with both), and most lines with digits ("2016", "$4.5 million") none. Found
# from the digit: the regex engine skips ahead to the next digit, which _CODE cannot.
_LETTER_DIGIT = lazy_compile(r"[0-9](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")

OWN = (
    "log_words", "log_chars", "terminal", "colon_end", "question_end", "cap_share",
    "upper_share", "digit_share", "bracket", "bracket_start", "url_or_email", "bullet",
    "verb", "quote", "lower_start", "prompt_start", "second_person", "separator", "one_word",
    "sentences", "function_share", "code_token", "bullet_terminal", "bullet_digits",
    "open_end",
)
NEIGHBOUR = ("rule_chrome", "log_words", "terminal", "bullet", "verb", "colon_end", "missing")
FEATURES = (
    OWN
    + ("first", "last", "position", "log_index", "log_from_end", "bullet_run",
       "prev2_rule_chrome", "next2_rule_chrome", "text_chrome_share")
    + tuple(f"prev_{n}" for n in NEIGHBOUR)
    + tuple(f"next_{n}" for n in NEIGHBOUR)
)


def _email(line: str) -> bool:
    """Whether ``line`` holds an address: a run of non-space characters with an ``@`` after
    its first character and a dot and a word character at least two characters after that
    ``@`` (the regular expression ``\\S@\\S+\\.\\w``, read in linear time: that one backtracks
    from every ``@`` to the end of its run, minutes on a long run of them)."""
    for run in line.split():
        at = run.find("@", 1)  # the first such "@" is the one to try: any later one's dot is its
        if at > 0 and _DOT_WORD.search(run, at + 2):
            return True
    return False


def _url_or_email(line: str) -> bool:
    return any(map(line.__contains__, _URL_MARKS)) and (
        _URL.search(line) is not None or ("@" in line and _email(line)))


def _own(line: str) -> list[float]:
    """The form features of one line (its text, stripped), in the order of ``OWN``."""
    bullet = _BULLET.match(line)
    body = line[bullet.end():] if bullet else line
    lower = _WORD.findall(body.lower())
    n = len(lower)
    capitalised = _CAPITALISED_UPPER.findall(body)
    caps = len(capitalised)
    upper = caps - capitalised.count("")
    chars = len(body)
    digits = len(_ASCII_DIGIT.findall(body))
    tail = without_trailing_pictographs(body)  # (a sentence ends before its emoji)
    end = tail.rstrip()[-1:] if tail.strip() else ""
    terminal = _TERMINAL.search(tail) is not None
    marks = set(_MARK.findall(body))
    return [
        math.log1p(n),
        math.log1p(chars),
        1.0 if terminal else 0.0,
        1.0 if end == ":" else 0.0,
        1.0 if end == "?" else 0.0,
        caps / n if n else 0.0,
        upper / n if n else 0.0,
        digits / chars if chars else 0.0,
        0.0 if _BRACKETS.isdisjoint(marks) else 1.0,
        1.0 if body[:1] in "[(" else 0.0,
        1.0 if _url_or_email(body) else 0.0,
        1.0 if bullet else 0.0,
        0.0 if _VERBS.isdisjoint(lower) else 1.0,
        0.0 if _QUOTES.isdisjoint(marks) else 1.0,
        1.0 if body[:1].islower() else 0.0,
        1.0 if lower and lower[0].rstrip(".") in _PROMPTS else 0.0,
        0.0 if _SECOND_PERSON.isdisjoint(lower) else 1.0,
        0.0 if _SEPARATORS.isdisjoint(marks) else 1.0,
        1.0 if n == 1 else 0.0,
        float(min(len(_SENTENCE_END.findall(body)), 3)),
        sum(map(_FUNCTION.__contains__, lower)) / n if n else 0.0,
        1.0 if digits and _LETTER_DIGIT.search(body) and _CODE.search(body) else 0.0,
        1.0 if bullet and terminal else 0.0,
        digits / chars if bullet and chars else 0.0,
        1.0 if end in _OPEN_END or (lower and lower[-1] in ("and", "or")) else 0.0,
    ]


_I_WORDS, _I_TERMINAL, _I_BULLET, _I_VERB, _I_COLON = (OWN.index(k) for k in (
    "log_words", "terminal", "bullet", "verb", "colon_end"))


def _neighbour(own: list[float] | None, chrome: bool) -> list[float]:
    if own is None:
        return [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    return [1.0 if chrome else 0.0, own[_I_WORDS], own[_I_TERMINAL], own[_I_BULLET],
            own[_I_VERB], own[_I_COLON], 0.0]


def features(text: str, spans: Sequence[tuple[int, int]], chrome: Sequence[bool],
             which: Sequence[int] | None = None) -> dict[int, list[float]]:
    """The feature row (``FEATURES`` order) of each block ``i`` in ``which`` (all by default).

    ``spans`` are the blocks' ``(start, end)`` in ``text``; ``chrome[i]`` says whether the
    rules took block ``i`` for anything but body text.
    """
    n = len(spans)
    todo = range(n) if which is None else which
    cache: dict[int, list[float]] = {}

    def own(k: int) -> list[float] | None:
        if not 0 <= k < n:
            return None
        if k not in cache:
            cache[k] = _own(text[spans[k][0]:spans[k][1]].strip())
        return cache[k]

    runs: dict[int, float] = {}  # each block of a run of bullets: the run's (log) length

    def run(i: int) -> float:
        """The bullets in a row around bullet block ``i`` (log; 0 for a block no bullet)."""
        if not own(i)[_I_BULLET]:  # type: ignore[index]
            return 0.0
        if i not in runs:  # (a run is walked once: a list of 10,000 items is no 10,000 walks)
            lo = hi = i
            while lo > 0 and own(lo - 1)[_I_BULLET]:  # type: ignore[index]
                lo -= 1
            while hi < n - 1 and own(hi + 1)[_I_BULLET]:  # type: ignore[index]
                hi += 1
            runs.update(dict.fromkeys(range(lo, hi + 1), math.log1p(hi - lo + 1)))
        return runs[i]

    share = sum(chrome) / n if n else 0.0
    rows = {}
    for i in todo:
        row = list(own(i) or ())
        row += [1.0 if i == 0 else 0.0, 1.0 if i == n - 1 else 0.0,
                i / (n - 1) if n > 1 else 0.0, math.log1p(i), math.log1p(n - 1 - i),
                run(i), 1.0 if i > 1 and chrome[i - 2] else 0.0,
                1.0 if i < n - 2 and chrome[i + 2] else 0.0, share]
        row += _neighbour(own(i - 1), i > 0 and chrome[i - 1])
        row += _neighbour(own(i + 1), i < n - 1 and chrome[i + 1])
        rows[i] = row
    return rows


class LineModel:
    """Weights, intercept and threshold of the line model, checked against ``FEATURES``."""

    def __init__(self, data: dict[str, Any], where: str = "line model") -> None:
        names = data.get("features")
        if names != list(FEATURES):
            raise ValueError(f"{where}: its features do not match this version's")
        weights, means, scales = data.get("weights"), data.get("mean"), data.get("scale")
        if not all(isinstance(v, list) and len(v) == len(FEATURES)
                   for v in (weights, means, scales)):
            raise ValueError(f"{where}: weights, mean and scale need one number per feature")
        # standardisation folded into the weights: w * (x - m) / s
        self.weights = [float(w) / float(s) for w, s in zip(weights, scales, strict=True)]
        self.intercept = float(data.get("intercept", 0.0)) - sum(
            float(w) * float(m) / float(s) for w, m, s in zip(weights, means, scales, strict=True))
        self.threshold = float(data["threshold"])

    def probability(self, row: Sequence[float]) -> float:
        if len(row) != len(self.weights):
            raise ValueError("line model: a feature row of the wrong length")
        z = self.intercept + sum(map(mul, self.weights, row))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


_UNSET: Any = object()
_model: Any = _UNSET


def load(path: Path | None = None) -> LineModel:
    """The packaged model, or the one in ``path`` (plain JSON with the data files' envelope);
    ValueError naming the file when it is malformed."""
    if path is None:
        data = packaged_data("checker.text", "lexicons/line_model.json", FORMAT)
        return LineModel(data, str(MODEL_PATH))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the line model: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get(
            "format_version") != 1:
        raise ValueError(f"{path}: not a {FORMAT} file (format_version 1)")
    return LineModel(data, str(path))


def current() -> LineModel | None:
    """The packaged model, read once per process (None once ``use(None)`` turned it off)."""
    global _model
    if _model is _UNSET:
        _model = load()
    return _model  # type: ignore[no-any-return]


def use(model: LineModel | None) -> None:
    """Use ``model`` from now on in this process (None: the rules alone), for training and
    evaluation."""
    global _model
    _model = model


MIN_BLOCKS = 6  # a text of fewer blocks is no page: the rules alone decide...
MIN_BODY = 3  # ...and so they do in one with fewer body blocks (too little article to judge by)
_QUESTION_END = lazy_compile(r"\?[\"'\u201d\u2019)]*\s*$")


def decided(text: str, spans: Sequence[tuple[int, int]], chrome: Sequence[bool]) -> list[int]:
    """The blocks the model decides: those the rules left as body text, in a text of at least
    ``MIN_BLOCKS`` blocks with at least ``MIN_BODY`` body blocks, except questions (a
    rhetorical "Why?" is the author's; the rules tell question headings)."""
    if len(spans) < MIN_BLOCKS or len(chrome) - sum(chrome) < MIN_BODY:
        return []
    return [i for i, (s, e) in enumerate(spans)
            if not chrome[i] and not _QUESTION_END.search(text, s, e)]


def mark_chrome(text: str, spans: Sequence[tuple[int, int]],
                regions: list[tuple[str, str]], boilerplate: str) -> None:
    """Turn each body block of ``regions`` the model calls chrome into ``boilerplate``."""
    chrome = [region != BODY for region, _ in regions]
    body = decided(text, spans, chrome)
    if not body:
        return  # a short draft: the weights are not even read
    model = current()
    if model is None:
        return
    rows = features(text, spans, chrome, body)
    for i in body:
        if model.probability(rows[i]) >= model.threshold:
            regions[i] = (boilerplate, REASON)
