"""The regex literal prefilter (checker.core.regexlit) never skips a match."""

from __future__ import annotations

import re
import sys

import pytest

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
