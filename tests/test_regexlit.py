"""The regex literal prefilter (checker.core.regexlit) never skips a match."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.needles import NeedleIndex
from checker.core.regexlit import FOLDS_TO_ASCII, PatternSet, required_literals
from checker.text.segment import region_patterns


def test_folds_to_ascii_is_complete() -> None:
    # every non-ASCII character a case-insensitive regex matches to an ASCII character
    ascii_any = re.compile("[\x00-\x7f]", re.I)
    found = "".join(c for c in map(chr, range(128, sys.maxunicode + 1)) if ascii_any.fullmatch(c))
    assert found == FOLDS_TO_ASCII
    # and between ASCII characters, case-insensitive matching is str.lower() equality
    for a in map(chr, range(128)):
        for b in map(chr, range(128)):
            assert bool(re.fullmatch(re.escape(a), b, re.I)) == (a.lower() == b.lower())


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"seemingly", 0, {"seemingly"}),
        (r"(?:seem|seems|seemed)(?![\w-])", 0, {"seem"}),
        (r"(?:most\s+|more\s+)?(?:likely|unlikely)", 0, {"likely"}),
        (r"conceivabl[ey]", 0, {"conceivable", "conceivably"}),
        (r"\w+", 0, None),
        (r"(?:a|b)?", 0, None),
        (r"Cookies?", re.I, None),  # case-insensitive: only on request
    ],
)
def test_required_literals(pattern: str, flags: int, expected: set[str] | None) -> None:
    assert required_literals(pattern, flags) == expected


def test_required_literals_lowered() -> None:
    assert required_literals(r"\bCookies?\b", re.I, lowered=True) == {"cookie"}
    assert required_literals(r"(?i)\bCookies?\b", 0, lowered=True) == {"cookie"}
    assert required_literals(r"\b©\s*\d{4}", re.I, lowered=True) is None  # non-ASCII


def test_pattern_sets_answer_like_any_search() -> None:
    pats = region_patterns()
    texts = [
        "We use COOKIES to improve your experience. Accept",
        "\u017fubscribe to our free daily newsletter now",
        "Coo\u212aie policy: accept",
        "By continuing to use this site you agree",
        "Sign up for our daily email",
        "(Photo by J. Doe/Getty Images)",
        "Photo: Reuters",
        "Skip to main content",
        "x skip to main content",
        "12 comments",
        "\u00a9 2024 The Times",
        "The senator said the bill would pass.",
        "",
    ]
    assert pats.caption.unanchored and pats.caption.anchored  # both paths are exercised
    for pset in (pats.boilerplate, pats.boilerplate_short, pats.caption):
        for text in texts:
            assert pset.search(text) == any(p.search(text) for p in pset.patterns), text


def test_pattern_set_joins_only_safe_patterns() -> None:
    assert len(PatternSet(["^a", "^b"]).anchored) == 1
    assert len(PatternSet(["^(a)\\1", "^b"]).anchored) == 2  # a group reference
    assert len(PatternSet(["^(a)?(?(1)b|c)", "^d"]).anchored) == 2  # a conditional group
    assert len(PatternSet(["^(a)?\\\\(?(1)b|c)", "^d"]).anchored) == 2  # after an escaped backslash
    assert len(PatternSet(["^\\(?(?-i:X)", "^b"]).anchored) == 1  # an optional literal bracket
    assert len(PatternSet(["(?i)^a", "(?x)^b"], re.I).anchored) == 2  # inline global flags
    ps = PatternSet(["^a|b", "c$"], re.I)  # top-level alternation: not anchored
    assert not ps.anchored and ps.search("xB") and ps.search("C") and not ps.search("xa")


def test_lazy_pattern_compiles_on_first_use_and_answers_like_the_pattern() -> None:
    import pickle

    from checker.core.regexlit import LazyPattern, lazy_compile

    source, flags = r"(?P<num>\d+)(?:st|nd|rd|th)?", re.I
    real = re.compile(source, flags)
    lazy = lazy_compile(source, flags)
    assert isinstance(lazy, LazyPattern) and "search" not in vars(lazy)  # nothing compiled
    text = "The 1st, 22ND and 3 of 40th"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert "search" in vars(lazy)  # compiled once: the pattern's own methods from now on
    assert lazy.search(text).group("num") == "1"
    assert lazy.match(text) is None and lazy.fullmatch("7th").group(0) == "7th"
    assert lazy.sub("#", text) == real.sub("#", text)
    assert lazy.findall(text) == real.findall(text)
    assert lazy.split(text) == real.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        real.pattern, real.flags, real.groups, real.groupindex)
    assert lazy.compiled() == real  # re.compile caches: the same pattern object
    again = pickle.loads(pickle.dumps(lazy_compile(source, flags)))
    assert again.search(text).group(0) == "1st"
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018


def test_pattern_set_compiles_only_the_patterns_a_text_needs() -> None:
    from checker.core.datafiles import packaged_data

    data = packaged_data("checker.text", "lexicons/boilerplate.json", "checker-boilerplate-lexicon")
    pset = PatternSet(data["boilerplate_short"], re.I)
    assert not any("search" in vars(p) for p in pset.patterns)  # parsed, none compiled yet
    text = "The senator said the bill would pass."
    assert not pset.search(text)
    skipped = [p for p, needles in pset.unanchored
               if needles and not any(n in text.lower() for n in needles)]
    assert skipped and not any("search" in vars(p) for p in skipped)
    assert pset.search("We use cookies on this site")  # and those it needs, it compiles


def _needs_digit(items: list) -> bool:
    """Whether every match of the parsed regex ``items`` holds a ``\\d`` character."""
    import re._constants as c

    for op, av in items:
        if op is c.IN and av == [(c.CATEGORY, c.CATEGORY_DIGIT)]:
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            if _needs_digit(list(av[2])):
                return True
        elif op is c.SUBPATTERN and _needs_digit(list(av[3])):
            return True
        elif op is c.BRANCH and all(_needs_digit(list(b)) for b in av[1]):
            return True
    return False


def test_dated_byline_patterns_each_need_a_digit() -> None:
    # the segmenter tries them only on a block with a digit: that must never skip a match
    import re._parser as parser

    from checker.core.datafiles import packaged_data

    data = packaged_data("checker.text", "lexicons/boilerplate.json", "checker-boilerplate-lexicon")
    assert data["byline_dated"]
    for source in data["byline_dated"]:
        assert _needs_digit(list(parser.parse(source))), source
    assert not _needs_digit(list(parser.parse(r"(?:\d|x)+y?")))  # the check can say no
    dated = region_patterns().byline_dated
    for text in ("Updated 3 hours ago", "March 3, 2024", "2024-01-28", "Published: 5 May 2023"):
        assert any(p.match(text) for p in dated), text


def test_joined_anchored_patterns_compile_on_first_use_and_fall_back() -> None:
    ps = PatternSet(["^a", "^b"], re.I)
    (joined,) = ps.anchored
    assert "match" not in vars(joined)  # nothing compiled yet
    assert ps.search("B x") and not ps.search("c") and "match" in vars(joined)
    clash = PatternSet(["^(?P<x>a)", "^(?P<x>b)c"])  # a group name twice: cannot be joined
    assert clash.search("bc") and clash.search("a") and not clash.search("b")


def test_start_patterns_grouped_by_first_character_answer_as_the_whole_join() -> None:
    from checker.core.regexlit import _JoinedByFirstChar
    from checker.text.firstchar import first_chars

    patterns = [r"^skip to\b", r"^(?:[0-9]+|photo)\b", r"^\(?(?:nyse|nasdaq):", r"^\w+ ad\b",
                r"^(?:\u00a9|copyright)", r"^k\u00e4se", r"^\u017fs", r"^i\d", r"^(?:x)?y"]
    first = {p: first_chars(p) for p in patterns}
    grouped, whole = PatternSet(patterns, re.I, first=first), PatternSet(patterns, re.I)
    (joined,) = grouped.anchored
    assert isinstance(joined, _JoinedByFirstChar)
    texts = ["Skip to main", "skip", "2024 results", "\u0663\u0662 x", "Photo Ann", "(NYSE: X)",
             "Nasdaq: Y", "Big ad", "\u00e9t\u00e9 ad", "\u00a9 2024", "Copyright", "K\u00e4se",
             "\u212a\u00e4se", "ss", "Ss", "\u017fs", "I9", "\u0130\u0665", "\u0131\u0663", "y",
             "xy", "Y", "", " skip to", "\u201cQuote\u201d", "Zebra"]
    for text in texts:
        assert grouped.search(text) == whole.search(text) == any(
            re.match(p, text, re.I) for p in patterns), text
    fresh = PatternSet(patterns, re.I, first=first)
    assert fresh.search("Skip to content")  # compiles the patterns that can start with "s"
    (joined,) = fresh.anchored
    assert [[patterns[k] for k in group] for group in joined._by_group] == [
        [r"^skip to\b", r"^\w+ ad\b", r"^\u017fs"]]


def test_the_boilerplate_start_patterns_compile_by_first_letter() -> None:
    """A draft's blocks starting with a few letters compile a few small regexes, not the
    join of every start-of-block pattern (a sixth of a short draft's segmenting time)."""
    from checker.core.regexlit import _JoinedByFirstChar
    from checker.text.pattern_index import known_analysis, known_first_chars, known_needles

    pats = region_patterns()
    for s in (pats.boilerplate, pats.caption, pats.caption_single):
        (joined,) = s.anchored
        assert isinstance(joined, _JoinedByFirstChar)  # the shipped analysis knows them all
    sources = [p.pattern for p in pats.boilerplate.patterns]
    fresh = PatternSet(sources, re.I, known_analysis(), known_first_chars())
    (joined,) = fresh.anchored
    assert not fresh.search("Hospital admissions rose in July.")
    (group,) = joined._by_group
    assert 0 < len(group) < len(sources) / 4
    for text in ("Skip to main content", "skip to content now", "Sign up for our newsletter"):
        assert fresh.search(text) == any(re.match(p, text, re.I) for p in sources), text
    # with the strings every match holds: nothing compiled for a block that has none of them
    fresh = PatternSet(sources, re.I, known_analysis(), known_first_chars(), known_needles())
    (joined,) = fresh.anchored
    assert not fresh.search("Hospital admissions rose in July.") and not joined._by_group
    for text in ("Skip to main content", "SKIP TO CONTENT now", "Acme (NYSE: ACM) 4.5",
                 "Sk\u0130p to content", "\u212aey facts"):
        assert fresh.search(text) == any(re.match(p, text, re.I) for p in sources), text


def test_start_patterns_are_compiled_only_for_a_text_with_one_of_their_strings() -> None:
    from checker.core.regexlit import _JoinedByFirstChar
    from checker.text.firstchar import FirstCharIndex, first_chars

    patterns = [r"^skip to\b", r"^sign (?:up|in)\b", r"^s\w+ ad\b", r"^\w+ now$"]
    first = {p: first_chars(p) for p in patterns}
    needles = {p: sorted(required_literals(p, re.I, lowered=True) or ()) or None
               for p in patterns}
    assert needles[r"^\w+ now$"] == [" now"] and needles[r"^s\w+ ad\b"] == [" ad"]
    texts = ["Summer heat", "Skip to it", "SIGN UP", "Sale ad", "Stay now", "Sk\u0130p to",
             "\u017fign in", "Hospital", "", "sign-up"]
    for make in (lambda: PatternSet(patterns, re.I, first=first, start_needles=needles),
                 lambda: FirstCharIndex(patterns, known=first, needles=needles)):
        index = make()
        assert not index.match("Summer heat") if isinstance(index, FirstCharIndex) else not (
            index.search("Summer heat"))
        compiled = index._by_group if isinstance(index, FirstCharIndex) else next(
            a for a in index.anchored if isinstance(a, _JoinedByFirstChar))._by_group
        assert not compiled  # no pattern's string in the text: nothing compiled
        for text in texts:
            got = index.match(text) if isinstance(index, FirstCharIndex) else index.search(text)
            assert bool(got) == any(re.match(p, text, re.I) for p in patterns), text


_NEEDLE_CHARS = "aeiloprstyMI'’-][^\\ \u03a3\u0130"


@settings(max_examples=300, deadline=None)
@given(needles=st.lists(st.text(alphabet=_NEEDLE_CHARS, max_size=5), min_size=0, max_size=60),
       texts=st.lists(st.text(alphabet=_NEEDLE_CHARS + ".,\n3x", max_size=40), max_size=4))
def test_needle_index_finds_what_in_finds(needles: list[str], texts: list[str]) -> None:
    for index in (NeedleIndex(needles), NeedleIndex(needles, few=0)):
        for text in [*texts, *texts]:  # (the second time from the remembered runs)
            assert index.present(text) == {n for n in needles if n in text}


def test_needle_index_reads_runs_and_remembers_them() -> None:
    words = [f"{a}{b}" for a in "abcdefgh" for b in "aeiou"]  # more than a few strings
    index = NeedleIndex([*words, "may", "possib", "clear"])
    text = "It may be possible, though unclear; it may. Clearly."
    assert index.present(text) == {"may", "possib", "clear", *(w for w in words if w in text)}
    # (runs of the strings' characters: "n" is none of them, so "unclear" reads as "u clear")
    assert {"clear", "possible", "may", "u"} <= set(index._in_run)
    index.limit = 1  # a full memo starts afresh, and the answer stays the same
    assert index.present(text) == {"may", "possib", "clear", *(w for w in words if w in text)}
    assert len(index._in_run) == len(set(index._runs.findall(text)))
    few = NeedleIndex(["may", "clear"])  # few strings (or one with a space): plain ``in``
    spaced = NeedleIndex([*words, "it may"])
    assert few._plain and spaced._plain and not index._plain
    assert few.present(text) == {"may", "clear"}
    assert spaced.present(text) == {"it may", *(w for w in words if w in text)}
