"""The sentence splitter: state abbreviations in datelines and addresses, titles after a
hyphen, and full stops that lost the space after them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.sentences import ABBREVIATIONS, STATE_ABBREVIATIONS, split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def _styled(abbr: str) -> str:
    """A state abbreviation as a paper prints it: "Calif", "N.Y", "W.Va"."""
    return ".".join(p[:1].upper() + p[1:] for p in abbr.split("."))


STATES = st.sampled_from(sorted(STATE_ABBREVIATIONS)).map(_styled)
PLACES = st.sampled_from(["Ruston", "Fort Mill", "Lake Orvane", "Bexley", "Dunmore"])
CAP_WORDS = st.sampled_from(["The", "Officials", "Mrs.", "Inside", "Harmony", "Workers", "Its"])


def test_a_sentence_ends_after_a_place_and_its_state() -> None:
    assert sents("He moved the line to Shreveport, La. The plant closed in 2019.") == [
        "He moved the line to Shreveport, La.",
        "The plant closed in 2019.",
    ]
    assert sents("She spoke at a school in Dunmore, N.Y. Mrs. Pell listened.") == [
        "She spoke at a school in Dunmore, N.Y.",
        "Mrs. Pell listened.",
    ]
    assert sents('It was a fine day, said Ann Vole, R-Ark. "We won."') == [
        "It was a fine day, said Ann Vole, R-Ark.",
        '"We won."',
    ]


def test_a_state_inside_a_sentence_does_not_end_it() -> None:
    for text in (
        "The Ruston, La., plant will close in March.",
        "Monroe, La. officials said the road would reopen.",
        "She beat former Fla. Gov. Tom Pike in the primary.",
        "The rally drew a crowd, said ex-Sen. Ray Colt of Ohio.",
        "Voters cheered then-Gov. Ida Marsh at the fair.",
        "U.S. Prices Rise Again as Mills Slow.",
        "He wrote for the (Bexley, N.J.) Courier for ten years.",
    ):
        assert sents(text) == [text]


def test_a_dateline_with_a_wire_credit_stays_with_its_story() -> None:
    text = "Ends here.\n\nDUNMORE, Nev. (Wire) — The count went on all night."
    assert sents(text) == ["Ends here.", "DUNMORE, Nev. (Wire) — The count went on all night."]


def test_a_requiem_mass_still_ends_a_sentence() -> None:
    assert sents("They held a requiem Mass. Bishop Hale led it.") == [
        "They held a requiem Mass.",
        "Bishop Hale led it.",
    ]


def test_a_lost_space_after_a_full_stop_still_breaks() -> None:
    assert sents("Prices rose 5%.The council met on Monday.") == [
        "Prices rose 5%.",
        "The council met on Monday.",
    ]
    assert sents("The panel said so.Here we go again.") == [
        "The panel said so.",
        "Here we go again.",
    ]
    assert sents("The total came to 1200.Watch the video below.") == [
        "The total came to 1200.",
        "Watch the video below.",
    ]


def test_a_glued_dot_that_is_not_a_sentence_end_stays() -> None:
    for text in (
        "See www.example.com for the forms.",
        "The rate was 2.5 percent in St.Albans last year.",
        "Ask Gov.Ames about it.",
        "Troops went to the U.S.Army base.",
    ):
        assert sents(text) == [text]


@settings(max_examples=150, deadline=None)
@given(PLACES, STATES, CAP_WORDS)
def test_place_state_then_a_capitalised_word_splits(place: str, state: str, word: str) -> None:
    first = f"The firm built its plant in {place}, {state}."
    second = f"{word} rest of it came later."
    assert sents(f"{first} {second}") == [first, second]


@settings(max_examples=150, deadline=None)
@given(PLACES, STATES, st.sampled_from([",", " officials", " plant", " (Wire) —"]))
def test_place_state_inside_a_sentence_never_splits(place: str, state: str, tail: str) -> None:
    text = f"The {place}, {state}.{tail} said it would close."
    assert sents(text) == [text]


# Plain lower-case words; not titles or other abbreviations, after which a full stop
# rightly does not end the sentence ("Then we met dr.Later" is "Dr. Later").
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(
    lambda w: w not in ABBREVIATIONS and w not in STATE_ABBREVIATIONS)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=2, max_size=5), st.lists(WORDS, min_size=1, max_size=5))
def test_glued_sentences_split_at_the_dot(first: list[str], second: list[str]) -> None:
    a = "Then " + " ".join(first) + "."
    b = "Later " + " ".join(second) + "."
    spans = split_sentences(a + b)
    assert spans == [(0, len(a)), (len(a), len(a) + len(b))]


def test_a_quotation_ending_in_a_question_keeps_its_named_speaker() -> None:
    assert sents('"Who pays for the bridge?" Dana Ruiz asked. Nobody answered.') == [
        '"Who pays for the bridge?" Dana Ruiz asked.',
        "Nobody answered.",
    ]
    assert sents("''We won!'' Mr. Pell wrote on his page.") == [
        "''We won!'' Mr. Pell wrote on his page."
    ]


def test_a_new_sentence_after_a_quoted_question_still_splits() -> None:
    assert sents('"Stay!" She left the room.') == ['"Stay!"', "She left the room."]
    assert sents('"Why now?" The answer came later.') == ['"Why now?"', "The answer came later."]
    assert sents("Was it fair? Ruiz said no.") == ["Was it fair?", "Ruiz said no."]
