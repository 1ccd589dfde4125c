"""Who the sources are: classify each source phrase.

:func:`classify` sorts a source noun phrase into a person (with role), organisation,
outlet, document or anonymous source; ``referents.resolve`` then follows the text
(pronouns, short names, "the <role>") with it."""

from __future__ import annotations

import re
from typing import NamedTuple

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, OUTLET, PERSON
from rules.attribution.lexicon import Lexicon
from rules.attribution.names import (
    reference_names,
)
from rules.attribution.source_words import (
    BATCH_HEADS,
    DOCUMENT_NAME_ENDS,
    GENERIC_DOCUMENTS,
    MORE_DOCUMENT_HEADS,
    MORE_DOCUMENTS,
    SELF_NAMED,
    act_by_name,
    body_name,
    document_word,
    one_of_named,
    people_word,
    person_noun,
    released_records,
    unnamed_members,
    without_place,
)
from rules.attribution.vague import GROUP_WORD
from rules.attribution.words import (
    COMPANY_SUFFIXES,
    DETERMINERS,
    NP_INNER_PREPS,
    POSTMOD_ADJECTIVES,
    TIME_WORDS,
    acronym,
)

NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w’'.-]*|al-\w+|el-\w+|bin|ibn|de|van|von|der|da|di|la|le|du"
    r"|(?:de|da|di|du|la|le|van|von|mc|mac)[A-Z][\w’'.-]*)$"  # ("deSouza", "vanDyke")
)
PAREN = re.compile(r"\([^)]*\)")
SPACES = re.compile(r"\s+")

Source = tuple[str, str, str]  # (kind, name, role)

# words for a body the lexicon's organisation nouns leave out ("a firm founded in 2014")
_MORE_BODIES = frozenset(("firm", "nonprofit", "non-profit", "charity", "think-tank",
                          "startup", "start-up", "lab", "laboratory", "watchdog",
                          "regulator", "insurer", "lender", "retailer", "carrier", "chain",
                          "manufacturer", "airline", "utility", "consultancy", "practice",
                          "panel", "tribunal", "jury", "supplier", "provider",
                          "distributor", "wholesaler", "exporter", "importer", "miner",
                          "refiner", "conglomerate", "housebuilder", "brokerage", "cooperative"))
_REFLEXIVES = frozenset(("himself", "herself", "themselves", "itself"))
# participles not in -ed that open a postmodifier ("documents seen by the Herald")
_IRREGULAR_PARTICIPLES = frozenset(("seen", "given", "written", "taken", "drawn", "made",
                                    "shown", "sent", "kept", "held", "brought", "won",
                                    "put", "told", "known"))
# shares of a group: "the vast majority of voters", "half of the residents"
_GROUP_SHARES = frozenset(("majority", "minority", "half", "third", "quarter", "share",
                           "percent", "proportion", "dozens", "hundreds", "thousands"))
DEFINITE = frozenset(("the", "this", "that", "these", "those", "its", "his", "her", "their",
                       "our", "my", "your"))
_TIME_OPENERS = frozenset(("last", "this", "next", "on", "earlier", "late", "early"))
_RELATIVES = frozenset(("who", "whose"))
_GROUP_PREPS = frozenset(("within", "inside", "among", "amongst", "across", "throughout"))
_INDEFINITE = frozenset(("a", "an", "one", "another"))
def _generic_head(p: _Phrase, lex: Lexicon) -> bool:
    """Whether the head of a phrase names unnamed people: an anonymous head ("officials"),
    a generic noun for people ("a friend", "Allies"), a plural role noun with no definite
    determiner ("Top advisers"), or a lower-case trade noun ("a local pediatrician")."""
    head = p.head
    if head in lex.anonymous_heads or head in lex.generic_people:
        return True
    if p.lows[0] in DEFINITE:
        return False
    if head.endswith("s") and head in lex.people_words:
        return True
    idx = len(p.head_words) - 1
    return 0 <= idx < len(p.words) and p.words[idx][:1].islower() and person_noun(head, lex)


def split_role_name(words: list[str], lex: Lexicon) -> tuple[str, str]:
    """("Iraqi analyst Mustafa Habib") -> ("Iraqi analyst", "Mustafa Habib")."""
    # the name is the trailing run of name-like tokens after the last role/title word
    k = len(words)
    while k > 0 and NAME_TOKEN.match(words[k - 1]) and words[k - 1].lower() not in lex.titles \
            and words[k - 1].lower().rstrip(".") not in lex.role_nouns:
        k -= 1
    if k == 1 and len(words) == 2 and words[0].lower() in _FIRST_NAME_TITLES \
            and words[0][:1].isupper():
        k = 0  # "Dean Ortiz": a first name, not the title of a dean
    name = " ".join(words[k:])
    role = " ".join(w for w in words[:k] if w.lower() not in ("the", "a", "an"))
    return role, name


def title_free(name: str, lex: Lexicon) -> str:
    """``name`` without parentheses and titles ("Sen. Ann Lee (D)" -> "Ann Lee")."""
    parts = PAREN.sub("", name).split()
    words = [w for w in parts if w.lower() not in lex.titles]
    if len(parts) == 2 and len(words) == 1 and parts[0].lower() in _FIRST_NAME_TITLES:
        return " ".join(parts)  # "Dean Baker": a first name, not the title of a dean
    return " ".join(words)


# a North American broadcaster's call sign ("WFMJ", "KRLD-FM", "WJZ-TV")
_CALL_SIGN = re.compile(r"^(?:[WK][A-Z]{3}(?:-(?:TV|FM|AM|DT))?|[WK][A-Z]{2}-(?:TV|FM|AM|DT))$")
# bodies whose acronyms look like call signs
_NOT_CALL_SIGNS = frozenset(("WADA", "WIPO", "WWII", "KFOR", "WTTC", "WCTU", "WRAP"))

# abbreviated ranks in a firm that open a role ("VP of Sales, Omar Quint,")
_ROLE_ABBREVIATIONS = frozenset(("vp", "svp", "evp", "avp", "md", "gm"))

# titles that are also first names: before a lone surname they are the first name
_FIRST_NAME_TITLES = frozenset(("dean", "major", "earl", "duke", "king", "prince"))


# --------------------------------------------------------------------------- classify


def classify(source_text: str, lex: Lexicon) -> Source:
    """(kind, name, role) of a source noun phrase (remembered on the lexicon: sources recur)."""
    return lex.classified.get(source_text, lambda: _classify(source_text, lex))


class _Phrase(NamedTuple):
    """A source phrase taken apart for :func:`_classify`."""

    words: list[str]  # words of the main phrase (before the first comma, no parentheses)
    lows: list[str]  # the words lower-cased, without edge dots and commas
    head_words: list[str]  # the lows before a postmodifier ("sources | cited in ...")
    head: str  # the last head word
    caps: list[str]  # the capitalised words
    main: str  # the main phrase
    appos: str  # what follows its first comma


def _classify(source_text: str, lex: Lexicon) -> Source:
    """(kind, name, role) of a source phrase, uncached: :func:`classify`."""
    txt = SPACES.sub(" ", source_text).strip().strip(",").strip()
    main, _, appos = txt.partition(",")
    appos = appos.strip().strip(",").strip()
    if PAREN.sub("", appos).strip().lower().rstrip(".") in COMPANY_SUFFIXES:
        # "Acme Holdings, Inc. (NYSE: ACM)": one company name
        main, appos = f"{main} {PAREN.sub('', appos).strip()}", ""
    main_clean = PAREN.sub("", main).strip()
    words = main_clean.split()
    while len(words) > 1 and words[-1].lower() in _REFLEXIVES:
        words.pop()  # "Lund himself"
        main_clean = " ".join(words)
    if not words:
        return ANONYMOUS, txt, ""
    self_named = SELF_NAMED.match(main_clean)
    if self_named is not None and people_word(self_named.group(1).split()[-1].lower(), lex):
        # "a man calling himself Tom Quill": the name he writes under is the source
        return PERSON, self_named.group(2), self_named.group(1)
    lows = [w.lower().strip(".,") for w in words]
    if " ".join(lows) in _COLLECTIVES or " ".join(lows[1:]) in _COLLECTIVES and lows[0] == "the":
        return ANONYMOUS, main_clean, appos  # "Wall Street expects": the market, nobody named
    own = _OWN_REPORTER.search(main_clean)
    if own is not None:
        return ANONYMOUS, own.group(1), appos  # "Checks by our correspondent showed"
    # postmodifiers: "sources cited in the article", "a spokesman for the campaign"
    head_words = []
    for i, (w, orig) in enumerate(zip(lows, words, strict=True)):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in NP_INNER_PREPS or w in _RELATIVES or (w in _GROUP_PREPS and head_words) \
                or ((w.endswith("ed") or w in _IRREGULAR_PARTICIPLES) and head_words
                    and orig[:1].islower()
                    and not nxt[:1].isupper()) \
                or (w in POSTMOD_ADJECTIVES and head_words) \
                or (head_words and w in _TIME_OPENERS and nxt.lower() in TIME_WORDS):
            break  # "sources cited in ...", "a poll | last week"
        head_words.append(w)
    head = head_words[-1] if head_words else lows[-1]
    caps = [w for w in words if w[:1].isupper()]
    p = _Phrase(words, lows, head_words, head, caps, main_clean, appos)
    if head in _GROUP_SHARES and len(lows) > len(head_words) and lows[len(head_words)] == "of":
        return ANONYMOUS, main_clean, appos  # "the vast majority of Norwegians": a group
    if head in ("family", "families") and any(w[:1].isupper() for w in words[1:]):
        return PERSON, main_clean, appos  # "The Sachs family": named people, no body
    leader = _led_by(words, lex) or one_of_named(main_clean, appos, lex)
    if leader is not None:
        return leader
    found = _documents(p, lex) or _after_possessive(p, lex) or _named_holder(p, lex) \
        or _by_head_word(p, lex) or _unnamed_bodies(p, lex) or _by_name(p, lex)
    if found[0] == ORGANISATION:
        found = without_place(found, lex)
    if found[0] == PERSON and appos and all(NAME_TOKEN.match(w) for w in words):
        body = _appositive_body(appos, lex)
        if body:  # "Harbour Watch, a group founded in 2019,": the group, no person
            return body, main_clean, appos
    return found


def _documents(p: _Phrase, lex: Lexicon) -> Source | None:
    """Documents named by a batch of them or by a capitalised plural: "The next batch of
    emails shows ...", "a trove of memos"; "Memos show ...", "Emails reveal ..." (a capital
    opening a sentence or a headline word, no proper name: the kind of the word as it is
    written inside a sentence)."""
    words, lows, n_head = p.words, p.lows, len(p.head_words)
    if p.head in BATCH_HEADS and len(lows) > n_head and lows[n_head] == "of" \
            and document_word(lows[-1], lex) or released_records(lows, n_head, p.head, lex):
        return DOCUMENT, p.main, p.appos  # (or "Memos released under the ... Act")
    if (len(words) >= 3 or lows[0] == "the") and words[-1][:1].isupper() \
            and lows[-1] in DOCUMENT_NAME_ENDS and n_head == len(words):  # not "Alan Charter"
        return DOCUMENT, p.main, p.appos  # "the Clean Air Act", "the First Amendment"
    if len(words) == 1 and words[0][:1].isupper() and words[0][1:].islower() \
            and lows[0].endswith("s") and document_word(lows[0], lex):
        return _classify(lows[0], lex)[0], p.main, p.appos
    return None


_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+(.+)$")


def _after_possessive(p: _Phrase, lex: Lexicon) -> Source | None:
    """A name after a body's possessive ("the Valley Post's Ann Lee", "Harbour Watch's
    Lund") is a person, the body their role."""
    m = _POSSESSIVE.match(p.main) if "s " in p.main else None
    if m is None:
        return None
    after = m.group(2).split()
    if not 1 <= len(after) <= 3 or not all(NAME_TOKEN.match(w) and w[:1].isupper()
                                           for w in after) \
            or any(w.lower() in lex.organisation_words or w.lower() in lex.outlet_words
                   or w.lower() in lex.titles or GROUP_WORD.match(w) for w in after):
        return None
    owner = m.group(1).split()
    if len(after) == 1 and not any(w.lower() in lex.organisation_words or acronym(w)
                                   or w.lower() in lex.outlet_words for w in owner):
        return None  # ("Lund's Facebook": a person's page, no person)
    role = m.group(1) + "’s" if "’" in p.main else m.group(1) + "'s"
    return PERSON, " ".join(after), ", ".join(x for x in (role, p.appos) if x)


def _appositive_body(appos: str, lex: Lexicon) -> str:
    """ORGANISATION or OUTLET when an appositive says what a name is by a word for a body
    ("a firm founded by two bankers", "the local news site"), and no word for a person
    ("a University of Ohio professor") comes before the clause that ends it, else ""."""
    cased = [w.strip(".,;") for w in PAREN.sub("", appos).split()[:8]]
    words = [w.lower() for w in cased]
    if not words or words[0] not in ("a", "an", "the", "one"):
        return ""
    kind = ""
    for w, c in zip(words[1:], cased[1:], strict=True):
        if c[:1].isupper():
            continue  # part of a name that modifies the head ("a Valley University ...")
        if w in _RELATIVES or (kind and w.endswith(("ed", "ing"))):
            break  # "a firm | founded in 2014", "a group | that"
        if person_noun(w, lex) or w in lex.role_nouns or w in lex.titles:
            return ""
        if not kind and w in lex.outlet_nouns:
            kind = OUTLET
        elif not kind and (w in lex.organisation_nouns or w in lex.body_nouns
                           or w in _MORE_BODIES):
            kind = ORGANISATION
    return kind


def _named_holder(p: _Phrase, lex: Lexicon) -> Source | None:
    """A pronoun, a role with the name in apposition, a named office, or an outlet name."""
    words, lows, head = p.words, p.lows, p.head
    first = lows[0]
    if first in lex.pronouns and len(words) == 1 and not acronym(words[0]):
        return lex.pronouns[first] or PERSON, words[0], ""
    appos_words = PAREN.sub("", p.appos).split()
    if appos_words and len(appos_words) <= 4 and all(NAME_TOKEN.match(w) for w in appos_words) \
            and (head in lex.role_nouns or head in lex.anonymous_heads or lows[-1] in lex.titles
                 or lows[-1] in lex.role_nouns or lows[0] in _ROLE_ABBREVIATIONS
                 or (len(p.head_words) < len(lows) and _role_word(words[0], lex))
                 or (first == "the" and len(appos_words) >= 2
                     and not any(w.lower() in lex.organisation_words for w in appos_words))):
        # "the military spokesman for the ministry, Ana Ruiz," -> Ana Ruiz, with the role
        return PERSON, title_free(" ".join(appos_words), lex), p.main
    if 2 <= len(appos_words) <= 4 and all(NAME_TOKEN.match(w) and w[:1].isupper()
                                          for w in appos_words) \
            and people_word(head, lex) and head == lows[-1] and not head.endswith("s") \
            and not any(w.lower() in lex.organisation_words or w.lower() in lex.outlet_words
                        for w in appos_words):
        # "another Twitter user, Ann Lee": the user is named, her name is the source
        return PERSON, title_free(" ".join(appos_words), lex), p.main
    n_head = len(p.head_words)
    if head in lex.role_nouns and p.head_words and n_head < len(lows) \
            and lows[n_head] in ("of", "for", "at") \
            and any(w[:1].isupper() for w in words[n_head:]):
        # "the chairman of the Joint Chiefs": an identifiable office holder (by name when
        # one ends the phrase: "Speaker of the House Rep. Ann Lee"); "a spokeswoman for Gov.
        # Ann Lee" speaks for Ann Lee, who is not the speaker
        if first in ("a", "an") and lows[n_head] == "for":
            return PERSON, p.main, p.appos
        return _role_then_full_name(p, lex) or (PERSON, p.main, p.appos)
    low = p.main.lower()
    stripped = low[4:] if low.startswith("the ") else low
    if low in lex.outlets or stripped in lex.outlets:
        return OUTLET, p.main, p.appos
    known = reference_names().get(stripped)
    if known is not None:
        return known, p.main, p.appos  # "TVNZ", "Fox Business", "Human Rights Watch"
    if len(words) == 1 and _CALL_SIGN.match(words[0]) and words[0] not in _NOT_CALL_SIGNS:
        return OUTLET, p.main, p.appos  # "WFMJ says", "KABC reported": a station
    if len(words) >= 2 and words[-1][:1].isupper() and words[0][:1].isupper() and (
            lows[-1] in COMPANY_SUFFIXES
            or ("&" in words[1:-1] and all(w[:1].isupper() or w == "&" for w in words))):
        # "Acme Corp", "Valley Foods Ltd.", "Procter & Gamble", "Johnson & Johnson"
        return ORGANISATION, p.main, p.appos
    return None


def _by_head_word(p: _Phrase, lex: Lexicon) -> Source | None:
    """A document, an outlet, or an anonymous source, by the head word or determiner."""
    words, lows, head, caps = p.words, p.lows, p.head, p.caps
    n_head = len(p.head_words)
    if n_head >= 2 and words[n_head - 1] in lex.outlet_word_forms and lows[0] in DEFINITE:
        return OUTLET, p.main, p.appos  # "the Post", "The Journal": the paper, not a post
    extra_doc = head in MORE_DOCUMENTS and head not in lex.document_nouns
    if head in lex.document_nouns or extra_doc:
        if _research_body(p, lex):
            return ORGANISATION, p.main, p.appos  # "Halden Research said": a firm
        if (head in GENERIC_DOCUMENTS and not _ISSUED.intersection(lows[:-1])
                or head == "report" and lows[0] in ("a", "an")
                and not _IDENTIFYING.intersection(lows[1:-1])) \
                and lows[0] not in DEFINITE and len(p.head_words) == len(lows) \
                and not any(w[:1].isupper() for w in words[1:]):
            # "Reports suggest", "Recent data show", "as per a report": nobody named (no
            # author, no postmodifier such as "by the audit office")
            return ANONYMOUS, p.main, p.appos
        if not extra_doc:
            return DOCUMENT, p.main, p.appos
    if head in _RESULT_HEADS and head == lows[-1] and lows[0] in DEFINITE:
        return DOCUMENT, p.main, p.appos  # "The results showed", "Their answers suggest"
    if head in MORE_DOCUMENT_HEADS and head == lows[-1] and not (
            head.endswith("s") and lows[0] not in DEFINITE and not any(
                w[:1].isupper() for w in words[1:])):
        return DOCUMENT, p.main, p.appos  # "the affidavit", "a congressional timeline"
    if head == "authorities" and len(caps) > (1 if words[0][:1].isupper() else 0):
        return ORGANISATION, p.main, p.appos  # "the Gaza health authorities"
    if caps and caps[-1] == words[-1] and any(_outlet_word(w, lex) for w in caps) \
            and not (len(words) >= 2 and words[-2].lower() in _SERVICE_WORDS) \
            and len(caps) >= 2 and not _ends_in_name(words, lex) \
            and not (n_head < len(lows) and head in lex.people_words) \
            or head in lex.outlet_nouns:
        # (not "officials who spoke with The Valley Herald": people, the paper a postmodifier)
        return OUTLET, p.main, p.appos
    if lows[0] == "the" and head in lex.role_nouns and head == lows[-1] \
            and any(w[:1].isupper() for w in words[1:]):
        # "the United head coach", "the Metra spokesman": one identifiable office holder
        return PERSON, p.main, p.appos
    if _generic_head(p, lex) and not (words[-1][:1].isupper() and len(caps) >= 2
                                      and head != lows[-1]):
        # "officials", "a local journalist", "Iraq observers" (no proper name at the end)
        if not (NAME_TOKEN.match(words[-1]) and head != lows[-1]):
            return ANONYMOUS, p.main, p.appos
    if lows[0] in lex.vague_determiners and (
            not any(w[:1].isupper() for w in words[1:])
            or (len(words) >= 2 and head.endswith("s") and head == lows[-1]
                and lows[0] not in ("a", "an", "one"))):
        # "some analysts", "Several Democrats", "Many Republicans": an unnamed group
        return ANONYMOUS, p.main, p.appos
    if lows[0] in _INDEFINITE | {"some"} and not p.appos and len(words) >= 2 \
            and not any(w in lex.titles for w in lows) \
            and not any(w.lower() in lex.organisation_words for w in caps) \
            and not _role_and_name(words, lex):
        # "one New Hampshire Democrat", "some high-profile Republican": nobody named
        return ANONYMOUS, p.main, p.appos
    return None


# adjectives that single out one document ("a new report", "a leaked report"): it is cited
# as a document, not vaguely as "a report"
_IDENTIFYING = frozenset(("new", "latest", "forthcoming", "annual", "internal", "confidential",
                          "leaked", "draft", "separate", "independent", "official", "final",
                          "preliminary", "interim", "damning", "detailed", "unpublished"))
# adjectives that name who issues figures or data ("official figures", "government data"):
# a published record, a document, though its issuer stays unnamed
_ISSUED = frozenset(("official", "government", "governmental", "federal", "census",
                     "ministry", "council", "police", "court", "hospital", "nhs"))
# places that stand for a market or an industry as a whole ("Wall Street expects", "the
# City was braced"): a collective nobody can name
_COLLECTIVES = frozenset(("wall street", "main street", "silicon valley", "madison avenue",
                          "fleet street", "hollywood", "the street"))
# the outlet's own unnamed reporter behind findings ("Findings by our correspondent",
# "checks by this newspaper's reporters"): an anonymous source, the reporter
_OWN_REPORTER = re.compile(
    r"\bby\s+((?:our|my|this\s+(?:newspaper|paper|site|publication)['’]s)\s+"
    r"(?:own\s+)?(?:correspondents?|reporters?|journalists?|staff|team|newsroom))$",
    re.IGNORECASE)


def unnamed_record(phrase: str) -> bool:
    """Whether a document source names its issuer by an adjective alone ("official figures",
    "government data"): a document, yet cited vaguely, as nobody identifiable issued it."""
    words = phrase.split()
    if len(words) < 2 or any(w[:1].isupper() for w in words[1:]):
        return False
    lows = [w.lower() for w in words]
    return lows[-1] in GENERIC_DOCUMENTS and all(w in _ISSUED for w in lows[:-1])


# what a poll, survey or filing returns, cited by a definite determiner ("the results
# showed", "their answers suggest"): the document of the survey or the filing
_RESULT_HEADS = frozenset(("results", "answers", "responses", "returns"))
# heads of a firm's name that are also document nouns ("Halden Research", "Acme Analytics")
_FIRM_HEADS = frozenset(("research", "analytics", "insights", "intelligence", "economics"))


def _research_body(p: _Phrase, lex: Lexicon) -> bool:
    """Whether a capitalised name ends in a document noun that names a firm ("Halden
    Research", "Global Equities Research"): two or more capitalised words and nothing after
    the head (not "ONS Research carried out in England", not "the Research")."""
    words, lows = p.words, p.lows
    if p.head not in _FIRM_HEADS or p.head != lows[-1] or len(p.head_words) != len(lows):
        return False
    named = [w for w, low in zip(words, lows, strict=True) if low not in DETERMINERS]
    return len(named) >= 2 and all(w[:1].isupper() for w in named) \
        and not any(w.lower() in lex.document_nouns for w in named[:-1])


def _maker_or_body(head: str) -> bool:
    """Whether a lower-case head word names a firm or body by its trade ("retailer",
    "smartphone-maker", "carmaker", "lender"): after "the" it refers back to a named one."""
    return head in _MORE_BODIES or (head.endswith("maker") and len(head) >= 5
                                    and head.replace("-", "") not in _MAKER_PEOPLE)


# people, not firms, that "-maker" names ("lawmakers said" is a group of people)
_MAKER_PEOPLE = frozenset(("lawmaker", "policymaker", "filmmaker", "decisionmaker",
                           "peacemaker", "troublemaker", "matchmaker", "kingmaker",
                           "homemaker", "dressmaker", "rainmaker", "playmaker",
                           "moviemaker", "dealmaker", "haymaker", "merrymaker"))


def _led_by(words: list[str], lex: Lexicon) -> Source | None:
    """The person who leads the group a phrase names ("Researchers led by Dr. Mia Chen at
    Stanford", "a team led by Ann Lee"): PERSON with the phrase as role, else None."""
    for i in range(1, len(words) - 2):
        if words[i].lower() == "led" and words[i + 1].lower() == "by":
            rest = words[i + 2:]
            cut = next((k for k, w in enumerate(rest) if w.lower() in NP_INNER_PREPS), len(rest))
            _, name = split_role_name(rest[:cut], lex)
            name = title_free(name, lex)
            if len(name.split()) >= 2 and not any(w.lower() in lex.organisation_words
                                                   for w in name.split()):
                return PERSON, name, " ".join(words)
            return None
        if words[i].lower() in GATHERED and words[i + 1].lower() == "by" \
                and (words[i + 2][:1].isupper() or words[i + 2].lower() == "the"):
            # "Data compiled by Bloomberg", "Analysts surveyed by FactSet": who gathered it
            kind, name, _ = classify(" ".join(words[i + 2:]), lex)
            return (ORGANISATION if kind == ANONYMOUS else kind), name, " ".join(words)
    return None


# participles of gathering that name, after "by", whoever stands behind figures or a panel
GATHERED = frozenset(("compiled", "surveyed", "polled", "gathered", "collected", "analysed",
                       "analyzed", "tracked", "conducted", "commissioned"))


def _unnamed_bodies(p: _Phrase, lex: Lexicon) -> Source | None:
    """ANONYMOUS for plural bodies with no name and no definite determiner ("Local
    businesses say", "Two charities said"): nobody the reader can identify."""
    head = p.head
    if head.endswith("s") and p.lows[0] not in DEFINITE and head == p.lows[-1] \
            and (head[:-1] in lex.organisation_nouns or head in ("businesses", "companies")) \
            and not any(w[:1].isupper() for w in p.words[1:]):
        return ANONYMOUS, p.main, p.appos
    return None


def _role_and_name(words: list[str], lex: Lexicon) -> bool:
    """Whether a phrase ends in a full name after a role noun ("A Plus reporter Isaac Saul")."""
    role, name = split_role_name(words, lex)
    return len(name.split()) >= 2 and bool(role) and _role_word(role.split()[-1], lex)


def _role_word(word: str, lex: Lexicon) -> bool:
    """Whether a word is a role noun or a title, with or without its dot ("spokesman",
    "Capt.", "Lt.", "Gov")."""
    low = word.lower()
    return low in lex.titles or low.rstrip(".") in lex.role_nouns \
        or low.rstrip(".") in lex.titles or low + "." in lex.titles


def _ends_in_name(words: list[str], lex: Lexicon) -> bool:
    """Whether the phrase ends in a person's name after an outlet-like word ("Minister for
    Culture and Media Jane Doe"): the outlet word is not its last."""
    return not _outlet_word(words[-1], lex) and len(words) >= 2 \
        and not any(_outlet_word(w, lex) for w in words[-2:])


# words of a public service before an outlet-like last word ("Police Dispatch", "Fire
# Dispatch"): a service, not a paper
_SERVICE_WORDS = frozenset(("police", "fire", "sheriff", "emergency", "ambulance", "county"))


def _outlet_word(word: str, lex: Lexicon) -> bool:
    """Whether a word, or the last part of a hyphenated name ("Spokesman-Review",
    "Post-Gazette"), is a word of outlet names ("Times", "Review", "Gazette")."""
    low = word.lower()
    return low in lex.outlet_words or ("-" in low and word[:1].isupper()
                                       and low.rsplit("-", 1)[1] in lex.outlet_words)


def _role_then_full_name(p: _Phrase, lex: Lexicon) -> Source | None:
    """A full name after a title or role ("Speaker of the House Rep. Ann Lee", "former
    secretary of state Ann Lee") is a person; after a word for a body ("the activist group
    Harbour Watch", "the news site Valley Wire") it is that body."""
    words = p.words
    if len(words) < 3 or not (words[-1][:1].isupper() and words[-2][:1].isupper()):
        return None  # (no role and full name: the last two words are no name)
    role, name = split_role_name(words, lex)
    if len(name.split()) < 2 or not role or any(w.lower() in lex.organisation_words
                                                 for w in name.split()):
        return None
    last = role.split()[-1]
    low = last.lower()
    full_role = ", ".join(x for x in (role, p.appos) if x)
    if _role_word(last, lex):  # ("Secretary of State Ann Lee": "State" ends a title)
        return PERSON, name, full_role
    if low in lex.organisation_nouns or low in lex.body_nouns or low == "firm":
        return ORGANISATION, name, full_role
    if low in lex.outlet_nouns:
        return OUTLET, name, full_role
    return None


def _by_name(p: _Phrase, lex: Lexicon) -> Source:
    """A person named in the phrase, an organisation, or else by capitalisation."""
    words, head, caps = p.words, p.head, p.caps
    n_head = len(p.head_words)
    if 0 < n_head < len(words) and not any(w[:1].isupper() for w in words[1:n_head]) \
            and (words[n_head - 1][:1].islower() or (n_head == 1 and head in lex.people_words)) \
            or act_by_name(p.words, p.lows, lex):
        # a common noun before a postmodifier that holds the names: "the latest polling in
        # Ohio", "Residents of Ohio", "Doctors at St. Mary Hospital", "spending by super
        # PACs": no person named
        return ANONYMOUS, p.main, p.appos
    named = _role_then_full_name(p, lex)
    if named is not None:
        return named
    for cut, w in enumerate(words):
        if cut and w in ("of", "at", "from", "with"):
            role, name = split_role_name(words[:cut], lex)
            if any(x.lower() in lex.organisation_words for x in name.split()):
                # "the National Association of Retired Postal Workers"
                return ORGANISATION, p.main, p.appos
            if len(name.split()) >= 2:
                return PERSON, name, " ".join([role, *words[cut:]]).strip()
            break
    if head in lex.organisation_nouns or any(w.lower() in lex.organisation_words for w in caps) \
            or (p.main.isupper() and (len(p.main) <= 6 or len(words) >= 2)) \
            or body_name(words, lex):
        # (a named person after the body's name, "State Department spokesman Ned Price", is
        # :func:`_role_then_full_name`'s); an acronym, an all-capitals heading
        return ORGANISATION, p.main, p.appos
    if caps == [words[0]] and len(words) > 1 and words[0].lower().endswith("s") \
            and not NAME_TOKEN.match(words[-1]) or len(words) >= 2 and unnamed_members(words):
        # "Partisans on both sides": sentence-initial; "Leading Democrats"
        return ANONYMOUS, p.main, p.appos
    if len(words) == 1 and p.lows[0].endswith("ing") and len(p.lows[0]) > 5:
        return ANONYMOUS, p.main, p.appos  # "Having (announced ...)": a participle
    if caps and NAME_TOKEN.match(words[-1]):
        role, name = split_role_name(words, lex)
        if not name:
            return ANONYMOUS if head in lex.anonymous_heads else PERSON, p.main, p.appos
        role_full = ", ".join(x for x in (role, p.appos) if x)
        return PERSON, name, role_full
    if head in lex.role_nouns or head in lex.anonymous_heads:
        return ANONYMOUS, p.main, p.appos
    if (head in lex.organisation_nouns or head in lex.body_nouns) and head == p.lows[-1]:
        return ORGANISATION, p.main, p.appos  # "The city", "Each faction"
    if p.lows[0] in DEFINITE and head == p.lows[-1] and _maker_or_body(head):
        return ORGANISATION, p.main, p.appos  # "the retailer", "the smartphone-maker"
    return _by_capitals(p), p.main, p.appos


def _by_capitals(p: _Phrase) -> str:
    """PERSON when a phrase nothing else classified holds a capitalised word past its
    determiner and ends in one; else ANONYMOUS ("its Harbour office", "the Lund family's
    lawyers": a common noun heads it)."""
    words, caps = p.words, p.caps
    names = caps[1:] if caps and caps[0] == words[0] and p.lows[0] in DETERMINERS else caps
    head = p.lows[-1]
    if words[-1][:1].islower() and words[-1].isalpha():
        # "the Democratic frontrunner": one person described, named elsewhere
        one = p.lows[0] == "the" and not head.endswith("s") and head.endswith(_PERSON_NOUN)
        return PERSON if names and one else ANONYMOUS
    return PERSON if names else ANONYMOUS


# endings of singular nouns for a person ("frontrunner", "businessman", "nominee")
_PERSON_NOUN = ("er", "or", "ist", "ian", "man", "woman", "ent", "ant", "ee")
