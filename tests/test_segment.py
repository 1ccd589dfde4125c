"""Segmentation: sentences, titles and initials, bullets, regions, offsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.loader import document_from_text
from checker.text.segment import region_patterns, split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_titles_and_initials_do_not_end_sentences() -> None:
    text = (
        "Col. Mara Quist spoke first. Dr. Ivo Brandt agreed with Prof. Lena Hart. "
        "The spokesman, Lt. Col. Peter J. Moss Jr. of the U.S. Army, declined to comment. "
        "Gen. Tarr arrived at 9 a.m. on Monday."
    )
    assert sents(text) == [
        "Col. Mara Quist spoke first.",
        "Dr. Ivo Brandt agreed with Prof. Lena Hart.",
        "The spokesman, Lt. Col. Peter J. Moss Jr. of the U.S. Army, declined to comment.",
        "Gen. Tarr arrived at 9 a.m. on Monday.",
    ]


def test_acronym_can_end_a_sentence_before_a_clear_starter() -> None:
    assert sents("Troops returned to the U.S. The base closed in 2021.") == [
        "Troops returned to the U.S.",
        "The base closed in 2021.",
    ]


def test_quotes_decimals_and_glued_footnote_markers() -> None:
    text = (
        "\u201cWe are ready,\u201d she said. \u201cSo are we.\u201d The rate rose 2.5 percent "
        "to 4.1 percent in 2014.3 Officials said 60 times. Nothing else."
    )
    assert sents(text) == [
        "\u201cWe are ready,\u201d she said.",
        "\u201cSo are we.\u201d",
        "The rate rose 2.5 percent to 4.1 percent in 2014.3",
        "Officials said 60 times.",
        "Nothing else.",
    ]


def test_split_quotation_with_cue_stays_one_sentence() -> None:
    text = (
        "\u201cAmong the options,\u201d Col. Vance said, \u201cwas a full withdrawal.\u201d Next."
    )
    assert sents(text)[0] == (
        "\u201cAmong the options,\u201d Col. Vance said, \u201cwas a full withdrawal.\u201d"
    )


def test_lowercase_after_period_does_not_split() -> None:
    assert len(sents("Use e.g. a comma here. Or the etc. at the end.")) == 2


def test_bullets_headings_and_regions() -> None:
    text = (
        "Harbour Talks Resume\n"
        "BY Jane Roe\n\n"
        "Facts\n"
        "- The first round of talks ended on Friday.1\n"
        "- Delegates will meet again in May.2\n"
        "Sources: 1Port Gazette, 2Harbour News.\n\n"
        "Skip to content\n"
        "No comments:\n"
    )
    doc = document_from_text(text)
    by_text = {doc.text[b.start : b.end]: b for b in doc.blocks}
    assert by_text["Harbour Talks Resume"].region == "heading"
    assert by_text["BY Jane Roe"].region == "byline"
    assert by_text["Facts"].region == "heading"
    assert by_text["- The first round of talks ended on Friday.1"].bullet
    assert by_text["Sources: 1Port Gazette, 2Harbour News."].region == "references"
    assert by_text["Skip to content"].region == "boilerplate"
    assert by_text["No comments:"].region == "boilerplate"
    body = [s.text for s in doc.sentences if s.region == "body"]
    assert body == [
        "The first round of talks ended on Friday.1",
        "Delegates will meet again in May.2",
    ]


def test_paragraph_broken_mid_sentence_by_blank_line_is_rejoined() -> None:
    text = (
        "The analyst said that the city \u201cis no longer seen\n\n"
        "as a safe harbour by investors,\u201d she added. Rents fell."
    )
    doc = document_from_text(text)
    assert [s.text for s in doc.sentences][0].endswith("she added.")
    assert len(doc.blocks) == 1


def test_markdown_headings_and_hard_wrapped_paragraphs() -> None:
    text = (
        "# Flood defences\n\n"
        "The council approved the new flood wall on\n"
        "Tuesday after a long debate. Work starts in\n"
        "June.\n"
    )
    doc = document_from_text(text, path="a.md", fmt="markdown")
    assert doc.blocks[0].region == "heading"
    body = [s.text for s in doc.sentences if s.region == "body"]
    assert body == [
        "The council approved the new flood wall on\nTuesday after a long debate.",
        "Work starts in\nJune.",
    ]


def test_caption_with_photo_credit() -> None:
    text = (
        "Crowds gather outside the stadium on Sunday. (Ana Li/Daily Post via Getty Images)\n\n"
        "The final was delayed by two hours after a power cut, officials said.\n"
    )
    doc = document_from_text(text)
    assert doc.blocks[0].region == "caption"
    assert doc.blocks[1].region == "body"


def regions(text: str, fmt: str = "text") -> list[tuple[str, str, str]]:
    doc = document_from_text(text, fmt=fmt)
    return [(doc.text[b.start : b.end], b.region, b.reason) for b in doc.blocks]


def test_question_heading_and_references_section() -> None:
    text = (
        "The council approved the harbour plan on Tuesday after a long debate among members.\n\n"
        "What Happens Next?\n\n"
        "Work on the new quay is due to start in the spring, the council said.\n\n"
        "Sources:\n\n"
        "Council minutes, 12 March.\n"
        "Harbour board report.\n"
    )
    assert [(t, r) for t, r, _ in regions(text)] == [
        ("The council approved the harbour plan on Tuesday after a long debate among members.",
         "body"),
        ("What Happens Next?", "heading"),
        ("Work on the new quay is due to start in the spring, the council said.", "body"),
        ("Sources:", "heading"),
        ("Council minutes, 12 March.", "references"),
        ("Harbour board report.", "references"),
    ]  # fmt: skip
    assert regions(text)[1][2] == "question heading"


def test_short_blocks_among_trailing_boilerplate_are_page_chrome() -> None:
    text = (
        "The council approved the harbour plan on Tuesday after a long debate among members.\n\n"
        "Power the\nFearless Valley\nNewsroom today.\n\n"
        "Share this article\n"
    )
    assert [r for _, r, _ in regions(text)] == ["body"] + ["boilerplate"] * 4
    assert [why for _, _, why in regions(text)][1:4] == ["trailing page chrome"] * 3


def test_html_region_hints() -> None:
    html = (
        '<html><body><h1>Quay vote</h1><p class="byline">By Ann Lee</p>\n'
        "<p>The council voted on Tuesday. It was close.</p>\n"
        "<figure><figcaption>The quay at dawn.</figcaption></figure>\n"
        "<ol><li>First item of the list here.</li><li>Second item.</li></ol>\n"
        "<footer>All rights reserved</footer></body></html>"
    )
    doc = document_from_text(html, fmt="html")
    assert [b.bullet for b in doc.blocks] == [False, False, False, False, True, True, False]
    assert regions(html, "html") == [
        ("Quay vote", "heading", "heading"),
        ("By Ann Lee", "byline", "byline or date"),
        ("The council voted on Tuesday. It was close.", "body", ""),
        ("The quay at dawn.", "caption", "caption / photo credit"),
        ("1. First item of the list here.", "body", ""),
        ("2. Second item.", "body", ""),
        ("All rights reserved", "boilerplate", "page chrome (<footer>)"),
    ]


words = st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=12)
sentence = st.builds(
    lambda w, p: w.strip().capitalize() + p, words, st.sampled_from([".", "!", "?", ".\u201d"])
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=6))
def test_sentences_are_ordered_disjoint_and_point_into_text(parts: list[str]) -> None:
    text = "\n".join(parts)
    doc = document_from_text(text)
    prev_end = 0
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        prev_end = s.end


@settings(max_examples=200, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=8))
def test_well_formed_sentences_split_back_exactly(items: list[str]) -> None:
    items = [i for i in items if any(c.isalpha() for c in i)]
    text = " ".join(items)
    got = sents(text)
    # every produced piece is a concatenation of consecutive input sentences
    assert " ".join(got) == text
    assert len(got) <= len(items)


def test_a_paragraph_ending_in_a_footnote_reference_is_body_text() -> None:
    # "...last year.[^1]" ends a sentence: the paragraph is prose, not a heading
    from checker.text.loader import document_from_text

    text = ("# Port\n\nThe port handled a record 9,000 ships last year.[^1]\n\n"
            "Its new quay opened in May.[^note-2]\n\n[^1]: Port authority.\n[^note-2]: Council.\n")
    doc = document_from_text(text, path="x.md", fmt="markdown")
    assert [b.region for b in doc.blocks][:3] == ["heading", "body", "body"]


_prose = st.text(alphabet="abcXYZ019 .,!?'\u2019-_\n\t*#\u00e9\u2026\"", min_size=0, max_size=120)


@settings(max_examples=300, deadline=None)
@given(st.lists(_prose, min_size=1, max_size=8), st.sampled_from(["text", "markdown"]))
def test_body_words_are_the_words_of_the_body_sentences(parts: list[str], fmt: str) -> None:
    # the segmenter hands its block word counts on; they must be what counting the body
    # sentences' words afresh gives (a document made otherwise counts them itself)
    from dataclasses import replace

    from checker.core.words import word_tokens

    doc = document_from_text("\n\n".join(parts), path="x.md" if fmt == "markdown" else "x.txt",
                             fmt=fmt)  # fmt: skip
    afresh = word_tokens(" ".join(s.text for s in doc.sentences if s.region == "body"))
    assert doc.body_words == afresh
    assert replace(doc).body_words == afresh


def test_body_words_leave_out_headings_bylines_and_chrome() -> None:
    text = ("Council Votes On Budget\n\nBy Ana Ruiz\n\nThe council approved the budget on "
            "Monday. It rose 4.5 percent.\n\nAll rights reserved.\n")
    doc = document_from_text(text)
    assert doc.body_words == ["The", "council", "approved", "the", "budget", "on", "Monday",
                              "It", "rose", "4.5", "percent"]  # fmt: skip


def test_the_boilerplate_patterns_anchored_at_the_start_run_as_one_regex() -> None:
    """A pattern whose text merely looks like a conditional group ("\\(?(?-i:...") once kept
    the twenty start-of-block chrome patterns from being joined: every block then paid
    twenty matches instead of one."""
    anchored = region_patterns().boilerplate.anchored
    assert len(anchored) == 1
    joined = anchored[0]
    re.compile(joined.pattern, joined.flags)  # compiles as one regex (no per-pattern fallback)


_CHROME_LINES = st.sampled_from([
    "Skip to main content", "Acme Corp (NYSE: ACM) 45.20 +1.35 (3.1%)", "NASDAQ: ACM 4.50",
    "Follow us on social media", "Copyright 2024 The Gazette", "Tags: courts, county",
    "The council said the road would reopen.", "Source: AFP", "Editor's note: updated",
    "(NYSE: ACM)", "Nasdaq: XYZ -0.5%", "Click here to subscribe", " ", "\u00a9 2023", "Acme",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHROME_LINES, min_size=1, max_size=4))
def test_the_joined_start_patterns_answer_as_the_patterns_one_by_one(parts: list[str]) -> None:
    line = " ".join(parts)
    pats = region_patterns().boilerplate
    one_by_one = any(p.match(line) for p in pats.patterns if p.pattern.startswith("^"))
    assert pats.search(line) == one_by_one


# prose with an emoji after its full stop: a social-media habit, and no heading for that
EMOJI_STORY = [
    "The harbour board approved four late ferry runs on Tuesday. \U0001f6a2",
    "Fares for adults will rise by a fifth from March. \U0001f62c",
    "Ferry use has grown by a third since the bridge shut. \U0001f4c8",
    "The western route gains two of the new runs. \U0001f44d\U0001f3fd",
    "Riders can buy tickets on the quay or online. \U0001f39f\ufe0f",
    "The board meets again in June. \U0001f5d3",
]


def test_a_paragraph_ending_in_an_emoji_after_its_full_stop_is_body_text() -> None:
    for text in ("\n\n".join(EMOJI_STORY), "\n\n".join(EMOJI_STORY[:3])):
        doc = document_from_text(text)
        assert [b.region for b in doc.blocks] == ["body"] * len(doc.blocks), [
            (b.region, b.reason) for b in doc.blocks]


def test_a_sentence_ending_in_an_emoji_is_audited() -> None:
    from checker.core.config import Config
    from checker.pipeline import run_rules

    text = "\n\n".join(["Flood defences \U0001f30a", *EMOJI_STORY])
    doc = document_from_text(text)
    assert doc.blocks[0].region == "heading"  # (an emoji after no punctuation: a title)
    analysis = run_rules(doc, Config())
    flagged = {doc.sentences[f.sentence].text for f in analysis.findings if f.code == "CLM001"}
    assert any(s.startswith("Fares for adults") for s in flagged)


def test_a_sentence_said_twice_with_an_emoji_is_no_repeated_title() -> None:
    line = "Fares for adults will rise by a fifth from March. \U0001f62c"
    doc = document_from_text("\n\n".join([line, line, *EMOJI_STORY[2:]]))
    assert [b.region for b in doc.blocks[:2]] == ["body", "body"]


def test_trailing_pictographs_are_read_in_linear_time() -> None:
    import time

    from checker.text.lines import without_trailing_pictographs

    assert without_trailing_pictographs("on Tuesday. \U0001f44d\U0001f3fd \ufe0f") == "on Tuesday."
    quoted = "no emoji, \u201cquoted\u201d"
    assert without_trailing_pictographs(quoted) == quoted
    start = time.perf_counter()
    without_trailing_pictographs("\U0001f525" * 100_000 + "x")
    assert time.perf_counter() - start < 1.0
