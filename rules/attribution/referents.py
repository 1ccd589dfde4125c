"""Who a source phrase stands for, followed through the text.

:func:`resolve` walks the relations in text order: it classifies each source
(``sources.classify``), resolves pronouns to the person whose name opens their sentence or
the last person cited, short names to the full name written earlier, "the <role>" to the
person the text named with that role, and marks generic anonymous sources ("officials
said") as vague; the learned verifier (``verifier.py``) then drops what it takes for no
source.
"""

from __future__ import annotations

import bisect
import re

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, OUTLET, PERSON
from checker.core.regexlit import lazy_compile
from rules.attribution.doc import Extracted, TokenDoc, judge_after, tok_index
from rules.attribution.generic import is_generic_source
from rules.attribution.lexicon import Lexicon
from rules.attribution.names import (
    body_in_context,
    full_name_before,
    its_after_cue,
    no_first_name,
    person_in_context,
    role_holder_before,
)
from rules.attribution.phrases import np_left
from rules.attribution.source_words import body_name, person_noun
from rules.attribution.sources import (
    NAME_TOKEN,
    PAREN,
    Source,
    classify,
    title_free,
    unnamed_record,
)
from rules.attribution.vague import GROUP_WORD
from rules.attribution.verifier import verify
from rules.attribution.words import (
    BOUNDARY_WORDS,
    DETERMINERS,
    NP_INNER_PREPS,
    PERSON_PRONOUNS,
    TIME_WORDS,
    acronym,
)


def resolve(d: TokenDoc, results: list[Extracted]) -> None:
    """Classify sources; resolve pronouns and short names to earlier full names; then let
    the learned verifier (``verifier.py``) drop the sources it takes for no source."""
    _resolve(d, results)
    _one_kind_per_name(results)
    _definite_bodies(d, results)
    verify(d, results)


def _definite_bodies(d: TokenDoc, results: list[Extracted]) -> None:
    """"The agency said" after "the FDA said", "the department" after "the Commerce
    Department": a definite "the <body noun>" stands for the organisation last cited by
    name when the noun fits that name (:func:`_fits`), and an acronym for the name it
    abbreviates ("FDA"): one row for one source; else the name stays as written."""
    last = ""
    named: list[str] = []
    for r in sorted((x for x in results if x.source is not None and x.source_name),
                    key=lambda x: x.source[0]):  # type: ignore[index]
        if r.source_kind != ORGANISATION:
            continue
        spelled = _spelled_out(r.source_name, named)
        if spelled:
            r.source_name = last = spelled  # "FDA" after "the U.S. Food and Drug Administration"
            continue
        words = r.source_name.lower().split()
        if words[0] != "the" or not 2 <= len(words) <= 3 \
                or words[-1] not in d.lex.organisation_nouns \
                or any(w[:1].isupper() for w in r.source_name.split()[1:]):
            last = r.source_name  # a body named: "the FDA", "Eskom"
            named.append(last)
            continue
        if last and _fits(words[-1], last):
            r.source_name = last


# what a body's name ends in for each noun that refers back to it ("the agency" after "the
# Food and Drug Administration"); otherwise the noun must be in the name ("the department"
# after "the Commerce Department")
_BODY_ENDINGS = {"agency": ("administration", "agency", "commission", "bureau", "service",
                            "authority", "office", "fda", "epa", "cdc", "fbi", "cia", "nasa"),
                 "company": ("inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "plc", "llc",
                             "company", "holdings", "group")}


def _spelled_out(name: str, named: list[str]) -> str:
    """The body cited earlier whose name ``name`` abbreviates ("FDA" for "the U.S. Food and
    Drug Administration": the initials of its capitalised words), or ""."""
    short = name.strip()
    if short[:4].lower() == "the ":
        short = short[4:]
    if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
        return ""
    for full in reversed(named):
        initials = "".join(w[0] for w in full.split() if w[:1].isupper() and w.isalpha())
        if initials == short:
            return full
    return ""


def _fits(noun: str, name: str) -> bool:
    """Whether "the <noun>" can stand for the body ``name`` (see :data:`_BODY_ENDINGS`)."""
    words = name.lower().replace(",", " ").split()
    return noun in words or (bool(words) and words[-1] in _BODY_ENDINGS.get(noun, ()))


def _one_kind_per_name(results: list[Extracted]) -> None:
    """One name, one kind: a one-word name read as a body where the text gave no sign
    ("according to Schiff") and as a person where it did ("Schiff said he ...") is the
    person in every row."""
    people = {r.source_name for r in results if r.source_kind == PERSON and r.source_name
              and " " not in r.source_name.strip()}
    for r in results:
        if r.source_kind == ORGANISATION and r.source_name in people:
            r.source_kind = PERSON


def _resolve(d: TokenDoc, results: list[Extracted]) -> None:
    """Classify sources; resolve pronouns and short names to earlier full names."""
    lex = d.lex
    people: list[tuple[int, str, str]] = []  # (offset, full name, role)
    genders: dict[str, str] = {}  # full name -> "he" or "she", once a pronoun named it
    last_group = ("", "", "")
    last_direct_speaker: Extracted | None = None
    plurals: dict[str, bool] = {}  # one-word plural source -> the text writes it as a noun
    for r in sorted(results, key=lambda x: (x.source or x.content[0])[0]):
        if r.source is None:
            # continuation of the previous quoted speaker (a cue without source has none)
            if r.cue is None and last_direct_speaker is not None:
                r.source_name = last_direct_speaker.source_name
                r.source_kind = last_direct_speaker.source_kind
                r.role = last_direct_speaker.role
            continue
        if r.kind == "citation":
            continue  # named and classified where found (``citations.py``)
        kind, name, role = _named_like_a_body(d, r, classify(r.source_text, lex))
        # "He's (not saying)": the pronoun in a contraction
        low = _CONTRACTION.sub(r"\1", r.source_text.strip().lower())
        if acronym(r.source_text.strip()):
            low = r.source_text.strip()  # "WHO said": the organisation, not the pronoun
        plural = low not in lex.pronouns and _common_plural(d, r.source, name, role, plurals)
        if low in lex.pronouns:
            kind, name, role = _pronoun_referent(d, r.source[0], low, (people, genders),
                                                 last_group, (kind, name, role))
        elif plural:
            kind = ANONYMOUS  # "Rabbis say": capitalised by its place alone, names no one
        elif kind == PERSON and all(NAME_TOKEN.match(w) for w in PAREN.sub("", name).split()):
            name, role = _full_name(d, r.source[0], name, role, people)
            kind = _person_or_body(r.source_text, name, role, lex)
            if kind == ORGANISATION and " " not in name \
                    and (person_in_context(d, r, name) or _speaks_as_i(d, r)):
                # "Okafor said he ...", "Ms. Okafor" elsewhere in the text, "“I ...,” Okafor
                # said": a person
                kind = PERSON
            elif kind == PERSON and not role and " " in name \
                    and name == r.source_text.strip() \
                    and (its_after_cue(d, r) or body_in_context(d, name)):
                # "Kaiser Permanente said its hospitals were full", "Anglian Water, which"
                kind = ORGANISATION
        elif kind == ANONYMOUS or low.startswith("the "):
            # ("The Arkansas senator said" after "Sen. Tom Cotton": a person, named)
            kind, name, role = _anonymous_referent(d, r.source[0], low, (kind, name, role),
                                                   people)
        if kind == PERSON and name and low != "who":
            _add_person(people, genders, r.source[0], name, role)
        elif kind in (ORGANISATION, OUTLET, ANONYMOUS, DOCUMENT) and (
                r.informational or kind in (ORGANISATION, OUTLET)
                or (kind == ANONYMOUS and name.lower().endswith(("s", "people", "staff"))
                    and is_generic_source(name, lex))):
            # (an actor's phrase is a group only when it names a body or people: "The police
            # arrested ...", not "a challenge to us")
            last_group = (name, kind, role)
        _judged_person(d, r, people, genders)
        r.source_kind, r.source_name, r.role = kind, name, role
        said_by = name if low == "who" else r.source_text  # "teachers, who say": teachers
        r.vague = kind == ANONYMOUS and (plural or is_generic_source(said_by, lex)) \
            and not name.lower().startswith(_OWN_STAFF) \
            or kind == DOCUMENT and unnamed_record(name)  # "official figures show"
        if r.direct:
            last_direct_speaker = r


# titles that tell a person's sex: a pronoun of the other sex does not stand for them
_TITLE_GENDER = {"mr": "he", "mr.": "he", "ms": "she", "ms.": "she", "mrs": "she",
                 "mrs.": "she", "miss": "she"}


def _judged_person(d: TokenDoc, r: Extracted, people: list[tuple[int, str, str]],
                   genders: dict[str, str]) -> None:
    """"Ann Ross was praised by Mayor Lee. She said": the person judged, the subject of a
    judgement passive whose judge is its source, stays the antecedent nearest at hand."""
    if judge_after(r) and r.content and r.cue is not None and r.source is not None \
            and d.text[r.cue[1]:r.source[0]].strip().lower() == "by":
        a, b = r.content[0]
        kind, name, role = classify(d.text[a:b], d.lex)
        if kind == PERSON and name and all(NAME_TOKEN.match(w) for w in name.split()):
            _add_person(people, genders, a, *_full_name(d, a, name, role, people))


def _add_person(people: list[tuple[int, str, str]], genders: dict[str, str], at: int,
                name: str, role: str) -> None:
    """Record a person cited at offset ``at``; "Mr."/"Ms." in the role ("Mr. Tom Hart")
    sets the pronoun that may stand for them."""
    people.append((at, name, role))
    words = role.lower().split()
    if words and words[-1] in _TITLE_GENDER:
        genders.setdefault(name, _TITLE_GENDER[words[-1]])


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Mm]e|[Mm]yself)\b")


def _named_like_a_body(d: TokenDoc, r: Extracted, found: Source) -> Source:
    """A person for a name read as a body's by its last word when the text shows a person:
    "Greta Health, 61, said she ...", "“I ...,” Greta Health said", "Ivo Digital, a
    pharmacist, said"; else ``found``."""
    kind, name, role = found
    if kind != ORGANISATION:
        return found
    words = name.split()
    if body_name(words, d.lex) and (person_in_context(d, r, name) or _speaks_as_i(d, r)
                                    or _person_appositive(role, d.lex)):
        return PERSON, name, role
    if len(words) == 2 and words[1].lower() in d.lex.organisation_words \
            and NAME_TOKEN.match(words[0]) and not no_first_name(words[0], d.lex) \
            and (_speaks_as_i(d, r) or _person_appositive(role, d.lex)):
        return PERSON, name, role  # "Greta Water, 61,", "Jo Palace, a nurse,": the lexicon's
        # body words, where only an age, a person's noun or "I" shows the person
    return found


def _person_appositive(role: str, lex: Lexicon) -> bool:
    """Whether the aside after a name gives a person's age or a noun for a person ("Jo
    Digital, 54,", "Jo Digital, a nurse,")."""
    words = role.split(",")[0].split()
    return bool(words) and (words[0].isdigit() or person_noun(words[-1].lower(), lex))


def _speaks_as_i(d: TokenDoc, r: Extracted) -> bool:
    """Whether a relation's content is a direct quotation in the first person singular
    ("“I am not running,” Okafor said"): its speaker is a person, not a body."""
    return r.direct and any(_FIRST_PERSON.search(d.text, a, b) for a, b in r.content)


def _common_plural(d: TokenDoc, span: tuple[int, int], name: str, role: str,
                   memo: dict[str, bool]) -> bool:
    """Whether a one-word source is a plural common noun capitalised only because it opens
    its sentence ("Immigrants say", "Billionaires themselves disagree"): it stands at the
    sentence start, ends in -s, is a noun for people or written in lower case elsewhere in
    the text, and the text never writes it capitalised inside a sentence ("Bernie Sanders").
    ``memo`` keeps what the text says of each word, for the next source of the same text."""
    word = name.strip()
    if role or " " in word or len(word) < 5 or not word.endswith("s") or not word.isalpha() \
            or not word[0].isupper() or word[1:].lower() != word[1:]:
        return False
    k = d.sent_of(span[0])
    if d.text[d.sents[k][0]:span[0]].strip(" \t\n\"“‘'(-—"):
        return False
    if word not in memo:  # (read from the whole text once per word, not once per sentence)
        memo[word] = _common_noun_in_text(d, word)
    return memo[word]


def _common_noun_in_text(d: TokenDoc, word: str) -> bool:
    """Whether the text writes ``word`` as a common noun: a noun for people or written in
    lower case somewhere, and never capitalised inside a sentence."""
    low = word.lower()
    if low in d.lex.outlets or low in d.lex.organisation_words \
            or not (low in d.lex.people_words or re.search(rf"\b{low}\b", d.text)):
        return False  # no sign that it is a common noun ("Democrats" is never lower-case)
    for m in re.finditer(rf"\b{word}\b", d.text):
        before = d.text[max(0, m.start() - 40):m.start()].rstrip(" \"“‘'(")
        if before and before[-1] not in ".!?:\n—-" and not before.endswith("\n"):
            return False  # written capitalised inside a sentence: a name
    return True


def _person_or_body(source_text: str, name: str, role: str, lex: Lexicon) -> str:
    """PERSON, or ORGANISATION for a "person" that is one word with no title or role and no
    earlier full name ("Metra says", "the Fed announced", "China said"), or a name holding
    an acronym ("NHS Digital")."""
    parts = title_free(name, lex).split()
    words = source_text.split()
    titled = any(w.lower() in lex.titles or w.lower().rstrip(".") in _MORE_TITLES for w in words)
    if len(words) == 2 and words[0].lower() == "the" and _office(words[1], lex):
        return PERSON  # "The Secretary-General reiterates": one office holder
    if source_text.lower().startswith("the ") and not titled and not role:
        return ORGANISATION  # "The Tennessean reported": a name with "the" is no person
    if len(parts) == 1 and not titled and not role:
        return ORGANISATION
    if len(parts) == 1 and not titled and _body_role(role, lex):
        return ORGANISATION  # "research firm Gartner", "the carmaker Tesla": the firm
    if len(parts) >= 2 and any(acronym(w) and not _ROMAN.match(w) and w not in _POST_NOMINALS
                               for w in parts) \
            and not all(w.isupper() for w in parts):
        return ORGANISATION
    return PERSON


def _body_role(role: str, lex: Lexicon) -> bool:
    """Whether the role before a one-word name is a word for a body ("research firm",
    "the carmaker", "the advocacy group"), not for a person."""
    words = role.split(",")[0].split()
    if not words:
        return False
    last = words[-1].lower().strip(".")
    return last in lex.organisation_nouns or last in lex.body_nouns \
        or last in ("firm", "carmaker", "automaker", "retailer", "lender", "insurer")


def _anonymous_referent(d: TokenDoc, at: int, low: str, found: Source,
                        people: list[tuple[int, str, str]]) -> Source:
    """Who an anonymous-looking source stands for: the person cited earlier whose surname
    it is ("Redding wrote" after "Jen Redding said"), the person named with that role ("the
    chief" after "Police Chief Ann Lee"), or nobody named (``found`` unchanged)."""
    kind, name, role = found
    if _cited_surname(name, people):
        name, role = _full_name(d, at, name, role, people)
        return PERSON, name, role
    return _named_role(d, at, low, people) or _group_leader(low, people) or found


# how a text names its own outlet's reporters ("our correspondent", "this paper's
# reporters"): the outlet vouches for them, they are no vague source
_OWN_STAFF = ("our ", "my ", "this newspaper", "this paper", "this site", "this publication")
# plural nouns for a research or reporting team that "the <noun>" refers back to
_TEAM_NOUNS = frozenset(("researchers", "scientists", "authors", "investigators", "scholars",
                         "economists", "analysts", "engineers", "doctors", "experts"))


def _group_leader(low: str, people: list[tuple[int, str, str]]) -> Source | None:
    """"The researchers said" after "researchers led by Ada Kohl": the person who leads
    the team cited before, named (the last such source, among the last 20 cited)."""
    words = low.split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _TEAM_NOUNS:
        return None
    for _, full, role in reversed(people[-20:]):
        if re.match(rf"{words[1]}\s+(?:led|headed)\s+by\b", role.lower()):
            return PERSON, full, role
    return None


def _cited_surname(name: str, people: list[tuple[int, str, str]]) -> bool:
    """Whether a one-word capitalised source is the surname of a person cited earlier with
    a full name (which the classifier, knowing no context, may take for something else:
    "Redding" ends like a participle)."""
    word = name.strip()
    return " " not in word and bool(NAME_TOKEN.match(word)) and word[:1].isupper() \
        and not word.isupper() and any(" " in full and full.split()[-1] == word
                                       for _, full, _ in people)


def _office(word: str, lex: Lexicon) -> bool:
    """Whether a capitalised word names an office held by one person ("President",
    "Secretary-General", "Attorney-General"): a title or role noun, or a hyphenated one."""
    low = word.lower().strip(".,")
    parts = low.split("-")
    return low not in lex.outlets and (low in lex.titles or low in lex.role_nouns or (
        len(parts) == 2 and (parts[0] in lex.titles or parts[0] in lex.role_nouns)
        and parts[1] in ("general", "elect", "in-chief")))


def _named_role(d: TokenDoc, at: int, low: str,
                people: list[tuple[int, str, str]]) -> Source | None:
    """"The chief said" after "Police Chief Rick Mathwig": the last person named with the
    role noun of a definite "the <role>" source before it, as a named person: a source
    whose role holds the noun, or a name the text gives that role ("Gov. Ann Lee", "Ann
    Lee, the county's chief"), whichever comes later."""
    words = low.split()
    if len(words) < 2 or words[0] != "the" or words[-1] not in d.lex.role_nouns \
            or any(w in NP_INNER_PREPS for w in words):
        return None
    noun = words[-1]
    held: tuple[int, str, str] | None = None
    for off, full, frole in reversed(people[-20:]):
        if noun in frole.lower().replace(",", " ").split():
            held = (off, full, frole)
            break
    named = role_holder_before(d, at, noun)
    if named and " " in named:
        # a holder named in the text, not as a source, only when no person was cited
        # since: "Ann Lee, the chief, ... Ruiz said ... the chief said" stays unresolved
        ends = d.role_names[noun][0]
        since = ends[bisect.bisect_left(ends, at) - 1]
        if not people or since > people[-1][0] or people[-1][1] == named:
            return PERSON, named, " ".join(words[1:])
    if held is not None:
        return PERSON, held[1], held[2]
    return None


def _pronoun_referent(d: TokenDoc, at: int, low: str,
                      cited: tuple[list[tuple[int, str, str]], dict[str, str]],
                      last_group: tuple[str, str, str], own: Source) -> Source:
    """(kind, name, role) the pronoun source at offset ``at`` stands for: the person named
    as the subject that opens its sentence or a chain of sentences before it ("The
    prosecutor, Ann Lee, left. She said ...") when no source was cited since, else the last
    person cited ("he", "she"); the last group ("they", "it", "we"), the noun phrase before
    "who"; else ``own``. A person that "he" named is not "she" and the other way round
    (``cited``: the people cited so far, and the pronoun each was named by)."""
    people, genders = cited
    if low in ("he", "she"):
        subject = _subject_before(d, at, people[-1][0] if people else -1)
        if subject is not None and (not people or subject[0] > people[-1][0]) \
                and _may_be(genders, subject[1], low):
            genders[subject[1]] = low
            return PERSON, subject[1], ""
        for _, full, frole in reversed(people):
            if _may_be(genders, full, low):
                genders[full] = low
                return PERSON, full, frole
        return own  # nobody cited whom the pronoun can stand for
    if low in PERSON_PRONOUNS and people:
        return PERSON, people[-1][1], people[-1][2]
    if low in ("they", "it", "we") and last_group[0]:
        name, kind, role = last_group
        return kind, name, role
    if low == "who":
        # relative pronoun: the noun phrase right before it
        k = tok_index(d, at)
        sent = d.sent_of(at)
        # "Tom Reid, chairman of the trust, who said": the name the appositive describes
        prev_np = (np_left(d, k - 1, sent) if k >= 1 and d.toks[k - 1].text == "," else None) \
            or np_left(d, k - 2, sent)
        for _ in range(3):  # "Sen. Ann Lee, R-Maine, who serves on the panel, who said"
            if not prev_np or prev_np[0] < 1 or d.toks[prev_np[0] - 1].text != ",":
                break
            outer = np_left(d, prev_np[0] - 1, sent)
            if outer is None or outer[0] >= prev_np[0]:
                outer = np_left(d, prev_np[0] - 2, sent)  # the name before the comma
                if outer is None or not d.toks[outer[1]].text[:1].isupper():
                    break
            prev_np = (outer[0], prev_np[1])
        if prev_np:
            txt = d.text[d.toks[prev_np[0]].start : d.toks[prev_np[1]].end]
            return classify(txt, d.lex)
    return own


def _may_be(genders: dict[str, str], name: str, pronoun: str) -> bool:
    """Whether "he" or "she" (``pronoun``) may stand for ``name``: no other pronoun named
    it, nor, for a surname alone ("Trump" in a headline), a full name it ends ("Mr.
    Donald J. Trump")."""
    if genders.get(name, pronoun) != pronoun:
        return False
    return " " in name or all(g == pronoun for full, g in genders.items()
                              if full.rsplit(" ", 1)[-1] == name)


def _full_name(d: TokenDoc, at: int, name: str, role: str,
               people: list[tuple[int, str, str]]) -> tuple[str, str]:
    """(name, role) of the person source at offset ``at``: a surname alone becomes the last
    earlier source (or name in the text) with that surname; a longer name loses titles."""
    lex = d.lex
    bare = title_free(name, lex)
    parts = bare.split()
    if len(parts) == 1:
        for _, full, frole in reversed(people):
            if full.split()[-1] == parts[0]:
                return full, role or frole
        full = full_name_before(d, at, parts[0])
        return (full or name), role
    if len(parts) >= 2:
        return bare, role
    return name, role


# what may stand before the name that opens a sentence: "The prosecutor, Ann Lee,",
# "Pollster Ann Lee", "Former Secretary of State Ann Lee"
_OPENING = lazy_compile(
    r"\W*((?:(?:[Tt]he|[Aa]n?|[Ff]ormer|[a-z-]+,?|[A-Z][\w’'.-]*|of),?\s+){0,6}?)"
    r"(?!(?:The|An?|This|That|These|Those|His|Her|Its|Their|Former)\b)"
    r"([A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){0,2})\b")


def _subject_before(d: TokenDoc, at: int, cited: int) -> tuple[int, str] | None:
    """(offset, full name) of the person whose name opens the sentence of the pronoun at
    ``at`` (before it), or, while the sentences before open with "He"/"She", of the first
    one that opens with a name; at most three sentences back, and none before the
    sentence of the last person cited (at ``cited``), who is nearer."""
    k = d.sent_of(at)
    floor = d.sent_of(cited) if cited >= 0 else -1
    for j in range(k, max(-1, k - 3, floor - 1), -1):
        a, b = d.sents[j]
        seg = d.text[a:min(at if j == k else b, a + 160)]  # (a name opens it, if any)
        found = _opening_name(d, a, seg)
        if found is not None:
            return found
        first = re.match(r"\W*([A-Za-z]+)", seg)
        if j < k and (first is None or first.group(1) not in ("He", "She")):
            return None
    return None


def _opening_name(d: TokenDoc, a: int, seg: str) -> tuple[int, str] | None:
    """(offset, full name) of a person's name that opens the sentence text ``seg`` (at
    offset ``a``) after at most a role ("The prosecutor, Ann Lee, ..."), or None."""
    m = _OPENING.match(seg)
    if m is None:
        return None
    lex = d.lex
    lead = m.group(1).replace(",", " ").split()
    if any(w[:1].islower() and w not in DETERMINERS and w != "of" and w not in lex.titles
           and w not in lex.role_nouns and w != "former" for w in lead):
        return None  # "After meeting Ann Lee, she said": no subject
    words = m.group(2).split()
    while len(words) > 1 and (words[0].lower() in lex.titles or words[0].lower().rstrip(".")
                              in lex.role_nouns):
        words.pop(0)  # "Pollster Ann Lee": the name after the role
    if words[0].lower() in BOUNDARY_WORDS or words[0].lower() in DETERMINERS \
            or words[0].lower() in lex.pronouns \
            or any(w.lower() in lex.organisation_words or w.lower() in lex.outlet_words
                   or w.lower() in TIME_WORDS for w in words):
        return None  # (nor a time: "Last Monday, when ..., he revealed")
    start = a + m.start(2)
    if len(words) == 1:
        full = full_name_before(d, start + 1, words[0]) if start else ""
        return (start, full) if full else None
    if len(words) > 2 and not _INITIAL_WORD.match(words[-2]):
        start += m.group(2).find(words[-2])  # "Pilot Ann Lee": the last two words
        words = words[-2:]
    if no_first_name(words[0], lex) or GROUP_WORD.match(words[-1]):
        return None
    return start, " ".join(words)


_CONTRACTION = re.compile(r"^(he|she|they|it|we)['’](?:s|re|ll|d|ve)$")
_INITIAL_WORD = re.compile(r"^[A-Z]\.$")
# a generation after a name ("Ann Lee III") is no acronym
_ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII)$")
# letters after a person's name ("Ann Lee MP", "Ivo Berg KC"): no acronym of a body
_POST_NOMINALS = frozenset(("MP", "MPs", "MSP", "MS", "AM", "MLA", "MEP", "TD", "QC", "KC",
                            "OBE", "MBE", "CBE", "KBE", "DBE", "PhD", "MD", "FRS", "Jr", "Sr"))
# titles written without a dot that the lexicon's titles leave out ("The Rt Rev Ivo Berg",
# "Cllr Ann Lee")
_MORE_TITLES = frozenset(("rev", "revd", "rt", "dr", "prof", "cllr", "supt", "insp", "det",
                          "sgt", "hon", "fr"))
