"""The per-sentence offset tables that keep run-on sentences linear (growth families
``say-and-run-on``, ``relative-say-run-on``, ``comment-clause-hedges``, ``byline-and``,
``superscript-digits``) answer exactly what the per-phrase scans they replace answered:
quotes counted from the sentence's start, ", but " searched from the reporting verb,
"whether" searched back from the cue, the white space stripped before a phrase, and the
hyphenation trie walked on a copy of the word from each place."""

from __future__ import annotations

import pytest

from checker.text.readability import _trie, hyphenation_points
from rules.attribution.vague_groups import _last_char
from rules.attribution.vague_words import _QUOTE_CHARS, _quoted
from rules.hedging import _WH_ASKED, _WH_WINDOW, _WHETHER, _in_indirect_question
from rules.hedging.speakers import _but_between

SENTENCES = [
    'The plan, critics say, will fail, and officials say "it may, but need not, work" soon.',
    "Whether the bridge opens is unclear, but whether it could close, nobody knows how.",
    "\u201cIt could\u201d, she said \u201cbe late\u201d, but \u201cnot by much, but some\u201d.",
    'Officials said that the plan, which probably could fail, but whether "it" may is open.',
    "Experts  \t asked why it might fail;  but, but , but the board wondered whether it would.",
    "",
    '"',
]


def _offsets(s: str) -> range:
    return range(-3, len(s) + 3)


@pytest.mark.parametrize("s", SENTENCES)
def test_quoted_counts_as_the_scan_from_the_start(s: str) -> None:
    for at in _offsets(s):
        plain = sum(s.count(q, 0, at) for q in _QUOTE_CHARS) % 2 == 1
        assert _quoted(s, at) == plain, at
        for lo in range(0, max(at, 0) + 1, 3):  # the sentence ``s[lo:]``, offsets in ``s``
            sub = s[lo:at]
            assert _quoted(s, at, lo) == _quoted(sub, len(sub)), (lo, at)


@pytest.mark.parametrize("s", SENTENCES)
def test_but_between_finds_as_str_find(s: str) -> None:
    for lo in _offsets(s):
        if lo < 0:
            continue
        for end in _offsets(s):
            assert _but_between(s, lo, end) == (s.find(", but ", lo, end) >= 0), (lo, end)


def _indirect_question_by_scan(text: str, at: int) -> bool:
    """The search that ``_in_indirect_question`` made for every cue before its table."""
    if "hether" in text:
        i = max(text.rfind("whether", 0, at), text.rfind("Whether", 0, at))
        if i >= 0 and _WHETHER.match(text, i, at) is not None:
            return True
    low = text.lower()
    return ("wh" in low or "how" in low) and (
        _WH_ASKED.search(text, max(0, at - _WH_WINDOW), at) is not None)


@pytest.mark.parametrize("s", SENTENCES)
def test_indirect_question_as_the_scan_back(s: str) -> None:
    for at in range(len(s) + 1):
        assert _in_indirect_question(s, at) == _indirect_question_by_scan(s, at), at


@pytest.mark.parametrize("s", SENTENCES)
def test_last_char_as_rstrip(s: str) -> None:
    for at in range(len(s) + 3):
        assert _last_char(s, at) == s[:at].rstrip()[-1:], at


def _points_on_copies(word: str) -> int:
    """Liang's walk as it was: the trie walked on ``pointed[i:]``, a copy per place."""
    if len(word) < 4:
        return 0
    trie, pointed = _trie(), f".{word}."
    n = len(pointed)
    refs = [0] * (n + 1)
    for i in range(n - 2):
        node, deepest = trie, None
        for ch in pointed[i:]:
            node = node.get(ch)
            if node is None:
                break
            deepest = node
        values = deepest.get("") if deepest is not None else None
        for k, v in enumerate((values or ())[: n + 1 - i], i):
            refs[k] = max(refs[k], v)
    return sum(1 for idx in range(3, len(word)) if refs[idx] % 2)


@pytest.mark.parametrize("word", [
    "hyphenation", "andabandab" * 30, "responsibilities", "abc", "information",
    "\u00b2" * 50, "counterrevolutionary"])
def test_hyphenation_points_as_the_walk_on_copies(word: str) -> None:
    assert hyphenation_points(word) == _points_on_copies(word)


def test_a_long_word_is_hyphenated_in_linear_time() -> None:
    """The byline of 'andAb' repeated (one word of a million characters) was quadratic."""
    import time

    def seconds(n: int) -> float:
        word = "andab" * (n // 5)
        t0 = time.perf_counter()
        hyphenation_points(word)
        return time.perf_counter() - t0

    hyphenation_points("warm")  # the trie is built on first use
    small, large = seconds(62_500), seconds(500_000)
    assert large <= max(16 * small, 0.15), (small, large)  # linear: 8x; it was about 25x


NAMED_TEXTS = [
    "The officials said so. Later official Ana Ruiz spoke. The official said: yes.",
    "Ana Ruiz, a senior official, spoke. The officials cautioned that. The aide said it.",
    "official Ana Ruiz-Lee's officialdom; the officials' aide-de-camp official's Bo Li",
    "The researchers led by Ana Ruiz said so; Bo Li, one of the researchers, agreed.",
    "Nothing to see. The officials said. The officials said.",
    "",
]


@pytest.mark.parametrize("text", NAMED_TEXTS)
def test_found_before_as_the_search_from_the_start(text: str) -> None:
    """The bisection over the places no match can end finds what a search of ``text[:at]``
    finds, at every offset (mid-word ones too)."""
    from rules.attribution.vague import _GROUP_NAMED, _group_named_before
    from rules.attribution.vague_words import found_before, lazy_named_role

    _group_named_before("the researchers", text, len(text))  # builds the group pattern
    patterns = [lazy_named_role(h) for h in ("official", "aide", "researcher")]
    patterns += [_GROUP_NAMED["researchers"]]
    for pattern in patterns:
        for at in range(-2, len(text) + 3):
            assert found_before(pattern, text, at) == (
                pattern.search(text, 0, at) is not None), (pattern.pattern[:20], at)
