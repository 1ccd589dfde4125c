"""Names in context: whether a one-word source is a person or a body, read off the text
around it, and the outlet and organisation names of the project's outlet table.

A lone name ("Okafor said") is a person when the text gives it a personal title or a first
name anywhere, or a personal pronoun follows it; a two-word name written out in place
that speaks of "its" own is an organisation; known outlets and organisations keep their
kind (``checker/reference/outlets.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.core.analysis import ORGANISATION, OUTLET
from checker.reference.domains import outlets_data
from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.words import AUX, BOUNDARY_WORDS, DETERMINERS, TIME_WORDS

_PERSONAL = frozenset(("he", "she", "his", "her", "him", "himself", "herself"))
_IMPERSONAL = frozenset(("it", "its", "itself", "they", "their", "them", "we", "our"))
# first words of place names ("South Korea", "New Jersey"): no first name
_PLACE_FIRST = frozenset(("north", "south", "east", "west", "new", "northern", "southern",
                          "eastern", "western", "central", "upper", "lower", "greater", "saint",
                          "san", "santa", "los", "las", "el", "united", "great", "old",
                          "little", "lake", "mount", "port", "fort", "cape", "sierra"))
_PERSON_TITLES = frozenset(("mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov",
                            "sir", "dame", "lord", "lady", "rev"))


_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]{1,14})(\.?)[ \t]+$")
_AFTER_NAME = re.compile(r"[,;:.]|\s+(\w+)")


def person_in_context(d: TokenDoc, r: Extracted, word: str) -> bool:
    """Whether the text shows a one-word source ("Okafor said") to be a person: a personal
    title or a first name before the word anywhere ("Ms. Okafor", "Ada Okafor", also after
    it), or a personal pronoun ("he", "her") before any impersonal one ("it", "its",
    "they") in the rest of its sentence, or one opening the next sentence ("Okafor said he
    ...", "Okafor said so. She added ...")."""
    if not word.strip() or not word[:1].isalpha():
        return False  # (nothing to look for: a name made of marks or nothing at all)
    named = d.person_names.get(word)
    if named is None:
        named = d.person_names[word] = _named_in_text(d, word)
    if named:
        return True
    if r.source is None:
        return False
    text = d.text
    k = d.sent_of(r.source[0])
    lo = r.source[1]
    for t in re.finditer(r"[A-Za-z]+", text[lo:min(d.sents[k][1], lo + 400)]):
        low = t.group().lower()
        if low in _PERSONAL:
            return True
        if low in _IMPERSONAL:
            return False
    if k + 1 < len(d.sents):
        first = re.match(r"\W*([A-Za-z]+)", text[d.sents[k + 1][0]:d.sents[k + 1][1]])
        return bool(first) and first.group(1) in ("He", "She", "His", "Her")
    return False


def its_after_cue(d: TokenDoc, r: Extracted) -> bool:
    """Whether "its" opens what a source says ("Kaiser Permanente said its ..."): the
    source speaks of itself as a thing, an organisation."""
    if r.cue is None or r.source is None or r.cue[0] < r.source[1]:
        return False
    after = d.text[r.cue[1]:r.cue[1] + 30].split()[:3]
    return any(w.strip(",.“\"").lower() in ("its", "itself") for w in after)


# what only a body has: "Anglian Water, which ...", "a spokesperson for Anglian Water",
# "Anglian Water's chief executive"
_BODY_AFTER = r"(?:,\s+which\b|['’]s\s+(?:spokes\w+|chief\s+executive|board|shareholders|" \
    r"employees|staff|website|annual\s+report|headquarters|press\s+office|subsidiary)\b)"
_BODY_BEFORE = r"(?:\bspokes\w+|\bchief\s+executive|\bboard|\bstatement)\s+(?:for|of|from)\s+" \
    r"(?:the\s+)?$"
_BODY_AFTER_RE = re.compile(_BODY_AFTER)
_BODY_BEFORE_RE = re.compile(_BODY_BEFORE)


def body_in_context(d: TokenDoc, name: str) -> bool:
    """Whether the text treats a name written like a person's ("Anglian Water") as a body:
    "Anglian Water, which ...", "a spokesperson for Anglian Water", "Anglian Water's chief
    executive". A personal pronoun or title for it elsewhere (:func:`person_in_context`)
    is not looked for here: the caller asks only about names with no title or role.
    The verdict is kept per name on ``d``: the text is scanned once for each distinct name."""
    if not name or len(name) > 80:
        return False
    known = d.body_names.get(name)
    if known is None:
        known = d.body_names[name] = _body_in_text(d.text, name)
    return known


def _body_in_text(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` in a shape only a body takes (see
    :func:`body_in_context`)."""
    pos = text.find(name)
    while pos >= 0:  # every start, overlapping too, as a search for name + after would try
        if _BODY_AFTER_RE.match(text, pos + len(name)):
            return True
        pos = text.find(name, pos + 1)
    pos = text.find(name)
    while pos >= 0:  # the non-overlapping occurrences, left to right
        if _BODY_BEFORE_RE.search(text[max(0, pos - 40):pos]):
            return True
        pos = text.find(name, pos + len(name))
    return False


def _named_in_text(d: TokenDoc, word: str) -> bool:
    """Whether the text writes ``word`` after a personal title or a first name, in a
    subject's place ("Ms. Okafor said", "Ada Okafor, a nurse,"): see
    :func:`person_in_context`."""
    text = d.text
    lex = d.lex
    group = word.endswith(("ans", "ats", "ists", "ites")) or not word[1:].islower()
    if not word:
        return False
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)  # (> pos: the search moves on)
        m = None
        if pos and not text[pos - 1].isalnum() and (end >= len(text) or not text[end].isalnum()):
            m = _WORD_BEFORE.search(text, max(0, pos - 20), pos)
        after = _AFTER_NAME.match(text, end) if m else None
        pos = text.find(word, end)
        if m is None or after is None:
            continue
        nxt = (after.group(1) or "").lower()
        if nxt and nxt not in lex.cue_forms and nxt not in AUX and nxt not in ("who", "and"):
            continue  # "Wilayat Twitter account": no name in a subject's place
        first = m.group(1)
        low = first.lower()
        if low in _PERSON_TITLES or low + m.group(2) in lex.titles or low in lex.titles:
            return True  # "Ms. Okafor", "Senator Okafor"
        if not group and not m.group(2) and low not in BOUNDARY_WORDS \
                and low not in DETERMINERS and low not in TIME_WORDS \
                and first not in lex.organisation_words and low not in _PLACE_FIRST \
                and low not in lex.pronouns \
                and not re.search(rf"\b{low}\b", text):
            return True  # "Ada Okafor" elsewhere (a first name is never written lower-case)
    return False


@lru_cache(maxsize=1)
def reference_names() -> dict[str, str]:
    """Outlet and organisation names of the project's outlet table (lower case, without
    "the") -> OUTLET or ORGANISATION; names too ambiguous for running text are left out."""
    data = outlets_data()
    ambiguous = {n.lower() for n in data.get("names_only", [])}
    organisations = set(data.get("organisations", []))
    names: dict[str, str] = {}
    for domain, aliases in data.get("outlets", {}).items():
        kind = ORGANISATION if domain in organisations else OUTLET
        for alias in aliases:
            low = alias.lower()
            low = low[4:] if low.startswith("the ") else low
            if low not in ambiguous and len(low) > 2:
                names.setdefault(low, kind)
    return names
