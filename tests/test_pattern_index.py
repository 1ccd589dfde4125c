"""The boilerplate patterns' analysis shipped ahead of time (checker/text/pattern_index.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from checker.core.regexlit import PatternSet
from checker.text import pattern_index
from checker.text.segment import region_patterns

HERE = Path(pattern_index.__file__).resolve().parent


def test_the_shipped_analysis_is_the_lexicon_s() -> None:
    lexicon = json.loads((HERE / pattern_index.LEXICON).read_text(encoding="utf-8"))
    shipped = json.loads((HERE / pattern_index.ANALYSIS).read_text(encoding="utf-8"))
    assert shipped == pattern_index.build(lexicon), (
        "boilerplate.json changed: run `python -m checker.text.pattern_index`")


def test_a_set_built_from_the_analysis_runs_like_one_that_parses() -> None:
    patterns = [r"^read more\b", r"\bphoto(graph)?: \w+", r"all rights reserved", r"(?i)x{2,}"]
    known = {p: list(pattern_index.build({"boilerplate": patterns, "boilerplate_short": [],
                                          "caption": [], "caption_single": []})
                     ["patterns"][p]) for p in patterns}
    ahead, parsed = PatternSet(patterns, re.I, known), PatternSet(patterns, re.I)
    assert [(q.pattern, n) for q, n in ahead.unanchored] == [
        (q.pattern, n) for q, n in parsed.unanchored]
    assert [a.pattern for a in ahead.anchored] == [a.pattern for a in parsed.anchored]
    for text in ("Read more about it", "Photograph: Ann Lee", "© 2024 All Rights Reserved",
                 "XXX marks", "Nothing here to see."):
        assert ahead.search(text) == parsed.search(text)


def test_a_pattern_the_analysis_does_not_know_is_parsed_at_start_up() -> None:
    known = {r"\bnever used\b": ["unanchored", 34, ["never used"]]}
    s = PatternSet([r"\bsubscribe now\b"], re.I, known)
    assert s.search("Please subscribe now.") and not s.search("Please read on.")
    assert [n for _, n in s.unanchored] == [("subscribe now",)]


def test_the_segmenter_uses_the_shipped_analysis() -> None:
    known = pattern_index.known_analysis()
    rp = region_patterns()
    assert known and set(pattern_index.set_patterns(json.loads(
        (HERE / pattern_index.LEXICON).read_text(encoding="utf-8")))) <= set(known)
    assert rp.boilerplate.search("All rights reserved.") or rp.boilerplate_short.search(
        "All rights reserved.")


def test_a_first_char_index_built_from_the_analysis_runs_like_one_that_parses() -> None:
    from checker.text.chrome import FirstCharIndex

    lexicon = json.loads((HERE / pattern_index.LEXICON).read_text(encoding="utf-8"))
    patterns = pattern_index.first_char_patterns(lexicon) + [r"^\w+ wrote\b"]  # one any-char
    known = pattern_index.known_first_chars()
    assert set(patterns) - set(known) == {r"^\w+ wrote\b"}  # unknown: parsed at start-up
    ahead, parsed = FirstCharIndex(patterns, known=known), FirstCharIndex(patterns)
    assert (ahead.by_char, ahead.any) == (parsed.by_char, parsed.any) and ahead.any
    for text in ("Read more", "Skip to main content", "7 comments", "9 Comments", "Ann wrote",
                 "© 2024", "Nothing here", "", "\u0663 shares"):
        assert ahead.match(text) == parsed.match(text), text
    # the ten digits share one compiled regex
    assert ahead._regex("1") is ahead._regex("7")
