"""Names in context: whether a one-word source is a person or a body, read off the text
around it; the full name a surname stands for and the person a "the <role>" stands for,
each looked up in an index built once per text and name; and the outlet and organisation
names of the project's outlet table.

A lone name ("Okafor said") is a person when the text gives it a personal title or a first
name anywhere, or a personal pronoun follows it; a two-word name written out in place
that speaks of "its" own is an organisation; known outlets and organisations keep their
kind (``checker/reference/outlets.json``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from checker.core.analysis import ORGANISATION, OUTLET
from checker.core.regexlit import lazy_compile
from checker.reference.domains import outlets_data
from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague import GROUP_WORD
from rules.attribution.words import AUX, BOUNDARY_WORDS, DETERMINERS, TIME_WORDS, acronym

_PERSONAL = frozenset(("he", "she", "his", "her", "him", "himself", "herself"))
_IMPERSONAL = frozenset(("it", "its", "itself", "they", "their", "them", "we", "our"))
# first words of place names ("South Korea", "New Jersey"): no first name
_PLACE_FIRST = frozenset(("north", "south", "east", "west", "new", "northern", "southern",
                          "eastern", "western", "central", "upper", "lower", "greater", "saint",
                          "san", "santa", "los", "las", "el", "united", "great", "old",
                          "little", "lake", "mount", "port", "fort", "cape", "sierra"))
_PERSON_TITLES = frozenset(("mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov",
                            "sir", "dame", "lord", "lady", "rev"))
# titles that only a person bears, whatever follows the name ("President Okafor's plan",
# "Judge Okafor, who"): a lone name after one of them anywhere in the text is a person
_OFFICE_TITLES = frozenset(("president", "senator", "governor", "mayor", "judge", "justice",
                            "minister", "secretary", "chairman", "chairwoman", "professor",
                            "ambassador", "sheriff", "commissioner", "superintendent",
                            "detective", "sergeant", "captain", "colonel", "admiral",
                            "rabbi", "imam", "pastor", "bishop", "cardinal", "pope", "king",
                            "queen", "prince", "princess", "sheikh", "emir", "reverend",
                            "congressman", "congresswoman", "councilman", "councilwoman"))


_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]{1,14})(\.?)[ \t]+$")
_AFTER_NAME = re.compile(r"[,;:.]|\s*\(|\s+(\w+)")


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
# "Anglian Water's chief executive"; the short form of a hospital's or college's full name
# ("St. Michael" after "St. Michael Medical Center")
_BODY_AFTER = r"(?:,\s+which\b|['’]s\s+(?:spokes\w+|chief\s+executive|board|shareholders|" \
    r"employees|staff|website|annual\s+report|headquarters|press\s+office|subsidiary)\b|" \
    r"\s+(?:Medical\s+Cent(?:er|re)|Hospital|Health\s+System|University|College|Clinic|" \
    r"Foundation|Institute)\b)"
_BODY_BEFORE = r"(?:\bspokes\w+|\bchief\s+executive|\bboard|\bstatement)\s+(?:for|of|from)\s+" \
    r"(?:the\s+)?$"
_BODY_AFTER_RE = lazy_compile(_BODY_AFTER)
_BODY_BEFORE_RE = lazy_compile(_BODY_BEFORE)


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
        if m is None:
            continue
        first = m.group(1)
        low = first.lower()
        if (low in _PERSON_TITLES or low in _OFFICE_TITLES) and not group:
            return True  # "Ms. Okafor's office", "President Okafor, who": a person's title
        if after is None:
            continue
        nxt = (after.group(1) or "").lower()
        if nxt and nxt not in lex.cue_forms and nxt not in AUX and nxt not in ("who", "and"):
            continue  # "Wilayat Twitter account": no name in a subject's place
        if low + m.group(2) in lex.titles or low in lex.titles:
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


# ----------------------------------------------------------------- full names in the text

_NAME_BEFORE = lazy_compile(r"((?:[A-Z][\w’'.-]*\s+(?:\([^)]{1,12}\)\s+)?){1,3})$")
_INITIAL = re.compile(r"^[A-Z]\.$")


def full_name_before(d: TokenDoc, before: int, short: str) -> str:
    """The last "First Last" name ending in the one-word name ``short`` before offset
    ``before`` ("Ada Okafor" for "Okafor"), or "". The places the text writes ``short``
    are found once per distinct short name (``TokenDoc.full_names``), and each is read at
    most once, as far as the questions reach: a later question is a binary search."""
    found = d.full_names.get(short)
    if found is None:
        found = d.full_names[short] = _occurrences(d.text, short)
    spots, names = found
    i = bisect.bisect_left(spots, before) - 1
    while len(names) <= i:  # read the places up to the one asked about, once each
        k = len(names)
        name = name_ending_at(d.text, spots[k], short, d.lex) if _after_a_capital(
            d.text, spots[k]) else ""
        names.append(name or (names[-1] if names else ""))
    return names[i] if i >= 0 else ""


def _occurrences(text: str, short: str) -> tuple[list[int], list[str]]:
    """(offsets of ``short`` in ``text`` after its first character, no names read yet)."""
    spots: list[int] = []
    if short:
        pos = text.find(short, 1)
        while pos > 0:
            spots.append(pos)
            pos = text.find(short, pos + 1)
    return spots, []


def _after_a_capital(text: str, pos: int) -> bool:
    """Whether the word before offset ``pos`` (past one space) is capitalised: the cheap
    test before a full name is looked for there."""
    if pos < 2 or text[pos - 1] not in " \u00a0":
        return False
    j = max(text.rfind(" ", max(0, pos - 40), pos - 1), text.rfind("\n", max(0, pos - 40),
                                                                      pos - 1))
    return text[j + 1:j + 2].isupper()


def _is_title(word: str, lex: Lexicon) -> bool:
    """Whether a capitalised word is a title ("Gov.", "Maj.", "Senator", "Chief")."""
    low = word.lower()
    return low in lex.titles or low.rstrip(".") in _PERSON_TITLES or low + "." in lex.titles


def no_first_name(word: str, lex: Lexicon) -> bool:
    """Whether a capitalised word before a surname cannot be a first name: a place's first
    word, a group or nationality ("Iraqi"), an organisation or outlet word, an acronym, a
    possessive, a day or month, a compound of names ("Hewlett-Packard") or an adjective in
    "-ic" ("Islamic")."""
    low = word.lower()
    return low in _PLACE_FIRST or bool(GROUP_WORD.match(word)) \
        or low in lex.organisation_words or low in lex.outlet_words \
        or (acronym(word.strip(".")) and len(word.strip(".")) > 1) \
        or word.endswith(("’s", "'s")) or low in TIME_WORDS \
        or bool(re.search(r"-[A-Z]", word)) or (len(low) >= 6 and low.endswith("ic"))


def name_ending_at(text: str, pos: int, short: str, lex: Lexicon) -> str:
    """The "First Last" name whose last word ``short`` stands at ``pos``, or "": at most
    two first names (more when initials: "Harry M. Reid"), after any title ("Ohio Gov.
    Lund" has none); capitalised function words before it ("For Sanders", "But Lee") and
    words no first name can be (:func:`no_first_name`) are no part of it."""
    after = text[pos + len(short) : pos + len(short) + 1]
    if after.isalnum() or (pos > 0 and text[pos - 1].isalnum()):
        return ""
    m = _NAME_BEFORE.search(text, max(0, pos - 60), pos)
    if not m:
        return ""
    words = m.group(1).split()
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w.endswith(".") and len(w) > 3 and w not in lex.titles and w.lower() not in lex.titles:
            words = words[i + 1:]  # "Sunday. Gore": the sentence before ended there
            break
        if _is_title(w, lex):
            words = words[i + 1:]  # "Ohio Gov. Lund", "Maj. Tomas Berg": after the title
            break
    while words and (words[0].lower() in BOUNDARY_WORDS or words[0].lower() in DETERMINERS):
        words.pop(0)
    first: list[str] = []
    for w in reversed(words):
        if w.startswith("(") or w.endswith(")"):
            continue
        if no_first_name(w, lex) or (first and len(first) >= 2 and not _INITIAL.match(
                first[0])):
            break
        first.insert(0, w)
    if not first or _INITIAL.match(first[0]):
        return ""
    return " ".join([*first, short])


# ------------------------------------------------------------ who "the <role>" is

# role nouns and their abbreviated titles ("Gov. Ann Lee" is the governor)
_ROLE_ABBREVIATIONS = {"governor": "gov", "senator": "sen", "representative": "rep",
                       "president": "pres", "secretary": "sec", "professor": "prof",
                       "general": "gen", "captain": "capt", "colonel": "col",
                       "lieutenant": "lt", "sergeant": "sgt", "admiral": "adm",
                       "commander": "cmdr", "doctor": "dr", "detective": "det"}
_CAP_WORD = r"[A-Z][\w’'-]+"


@lru_cache(maxsize=256)
def _role_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(title before a name, name before an appositive role) for one role noun: "Police
    Chief Ann Lee", "Gov. Ann Lee", "the chief, Ann Lee"; "Ann Lee, the county's chief"."""
    abbr = _ROLE_ABBREVIATIONS.get(noun)
    forms = noun + (f"|{abbr}\\." if abbr else "")
    title = re.compile(rf"(?i:{forms}),?\s+((?:{_CAP_WORD}\s+|[A-Z]\.\s+){{0,2}}{_CAP_WORD})")
    appos = re.compile(rf"((?:{_CAP_WORD}\s+|[A-Z]\.\s+){{1,2}}{_CAP_WORD}),\s+(?:the|a|an)"
                       rf"\s+(?:[\w’'-]+\s+){{0,4}}?(?i:{noun})\b")
    return title, appos


def role_holder_before(d: TokenDoc, before: int, noun: str) -> str:
    """The person the text last named with the role ``noun`` before offset ``before``
    ("Ann Lee" for "the chief" after "Fire Chief Ann Lee" or "Ann Lee, the county's
    chief"), or "". The text is scanned once per role noun (``TokenDoc.role_names``)."""
    found = d.role_names.get(noun)
    if found is None:
        found = d.role_names[noun] = _role_holders(d, noun)
    ends, names = found
    i = bisect.bisect_left(ends, before)
    return names[i - 1] if i else ""


def _role_holders(d: TokenDoc, noun: str) -> tuple[list[int], list[str]]:
    """(offsets, names) of the people ``d``'s text names with the role ``noun``: each place
    the text writes the noun (or its abbreviated title) is read once."""
    text = d.text
    low = text.lower()
    if noun not in low:
        return [], []
    title, appos = _role_patterns(noun)
    abbr = _ROLE_ABBREVIATIONS.get(noun)
    hits: list[tuple[int, str]] = []
    as_title = abbr is not None or noun in d.lex.titles  # ("Official Ann Lee": no title)
    for form in (noun, f"{abbr}.") if abbr else (noun,):
        pos = low.find(form)
        while pos >= 0:
            if pos == 0 or not low[pos - 1].isalnum():
                m = title.match(text, pos) if as_title else None
                if m:
                    _title_hit(d, m, hits)
                if form == noun and text.find(", ", max(0, pos - 60), pos) >= 0:
                    m = appos.search(text, max(0, pos - 120), pos + len(noun))
                    if m and m.end() == pos + len(noun):
                        _appos_hit(d, m, hits)
            pos = low.find(form, pos + 1)
    hits.sort()
    return [h[0] for h in hits], [h[1] for h in hits]


def _title_hit(d: TokenDoc, m: re.Match[str], hits: list[tuple[int, str]]) -> None:
    """Note the name after a role used as a title ("Fire Chief Ann Lee")."""
    words = m.group(1).split()
    if any(no_first_name(w, d.lex) and w not in words[-1:] for w in words) \
            or words[-1].lower() in BOUNDARY_WORDS or words[-1].lower() in d.lex.titles:
        return
    name = " ".join(words)
    if len(words) == 1:
        name = full_name_before(d, m.start(1), words[0]) or name
    hits.append((m.start(1), name))


def _appos_hit(d: TokenDoc, m: re.Match[str], hits: list[tuple[int, str]]) -> None:
    """Note the name before an appositive role ("Ann Lee, the county's chief")."""
    words = m.group(1).split()
    while words and (words[0].lower() in BOUNDARY_WORDS or no_first_name(words[0], d.lex)
                     or words[0].lower() in DETERMINERS):
        words.pop(0)
    if len(words) >= 2:
        hits.append((m.start(1), " ".join(words)))
