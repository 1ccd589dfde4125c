"""Whether an anonymous source is a generic *who* ("officials", "a nurse", "an outside
group"): the vague attributions ATT001 flags, as opposed to a phrase the extractor could not
classify. Split out of ``sources.py`` (which classifies every source phrase).
"""

from __future__ import annotations

from rules.attribution.lexicon import Lexicon
from rules.attribution.sources import DEFINITE, GENERIC_DOCUMENTS, SPACES, person_noun
from rules.attribution.words import GROUP_QUANTIFIERS, POSTMOD_ADJECTIVES


def is_generic_source(source_text: str, lex: Lexicon) -> bool:
    """Whether an anonymous source names a generic *who* ("officials", "a nurse", "many").

    A phrase the extractor could not classify ("the lower valley", "less") is not a
    vague attribution: flagging it would blame the author for our own parse.
    """
    words = [w.lower().strip(".,'’") for w in SPACES.split(source_text) if w]
    if any(w in ("in", "on", "from") and words[i + 1] in DEFINITE
           and words[i + 2] in lex.document_nouns and (i == 0 or words[i - 1] not in
                                                       POSTMOD_ADJECTIVES)
           for i, w in enumerate(words[:-2])):
        return False  # "people in the study": the group that the study identifies
    return any(person_noun(w, lex) or w in GENERIC_DOCUMENTS for w in words) \
        or "former" in words or _unnamed_body(words, lex) or (
        len(words) == 1 and words[0] in ("some", "many", "others", "several", "most")
    ) or (len(words) >= 2 and words[0] == "those" and words[1] in POSTMOD_ADJECTIVES) \
        or (len(words) >= 3 and words[0] in GROUP_QUANTIFIERS and words[1] == "who")
    # ("those close to the talks", "those familiar with her thinking", "those who live
    # near the airport")


def _unnamed_body(words: list[str], lex: Lexicon) -> bool:
    """Whether lower-case words name an organisation or outlet nobody can identify:
    an indefinite or counted one ("an outside group", "multiple outlets", "two businesses"),
    never a definite one ("the company", which refers back to a name)."""
    if not words or words[0] in DEFINITE or any(w in lex.pronouns for w in words) \
            or any(w in ("called", "named", "dubbed") for w in words):
        return False  # "a news site called The Local" names it
    bodies = lex.organisation_nouns | lex.body_nouns | lex.outlet_nouns \
        | {"businesses", "companies"}
    return any(w in bodies or (w.endswith("s") and w[:-1] in bodies) for w in words)
