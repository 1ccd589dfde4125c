"""Words that say whether a source phrase names a source, and who: nouns for people, for
sources and information, a name a person gives themselves, a place after a body's name,
an act done by a name, and unnamed members of a group. Used by ``sources.classify`` and
``source_spans``; kept apart so that the classifier stays one readable module."""

from __future__ import annotations

import re

from checker.core.analysis import PERSON
from rules.attribution.lexicon import Lexicon
from rules.attribution.vague import GROUP_WORD
from rules.attribution.words import DETERMINERS

Source = tuple[str, str, str]  # (kind, name, role), as in ``sources``

# endings of nouns for people by their trade or view ("economist", "pediatrician"); long
# words only, so that "list" or "median" are no people
_PERSON_ENDINGS = ("ist", "ists", "ian", "ians")


def person_noun(word: str, lex: Lexicon) -> bool:
    """Whether a lower-case word is a common noun for people ("donors", "a pediatrician")."""
    return word in lex.people_words or (len(word) >= 8 and word.endswith(_PERSON_ENDINGS)
                                        and word.isalpha())


def people_word(word: str, lex: Lexicon) -> bool:
    """A common noun for one person or for people, singular or plural ("user", "reader",
    "man", "residents")."""
    return word.isalpha() and any(
        w in lex.people_words or w in lex.generic_people or w in lex.anonymous_heads
        for w in (word, word + "s"))


_OWNERS = frozenset(("the", "its", "his", "her", "their", "our", "your"))


def one_of_named(main: str, appos: str, lex: Lexicon) -> Source | None:
    """PERSON for one of some people named after the comma ("One of the authors of the
    report, Tom Berg", "one of his aides, Ann Lee"): the name the source, the phrase its
    role; else None."""
    words = main.lower().split()
    names = appos.split()
    if len(words) < 4 or words[:2] != ["one", "of"] or words[2] not in _OWNERS \
            or not (person_noun(words[3], lex) or words[3].rstrip("s") in lex.role_nouns):
        return None
    if not 1 <= len(names) <= 4 or any(
            not (w[:1].isupper() and w.replace(".", "").replace("-", "").replace("'", "")
                 .replace("’", "").isalpha()) or w.lower() in lex.organisation_words
            for w in names):
        return None
    return PERSON, appos, main


# words for information that a source gives, beside the lexicon's document nouns
_SOURCE_WORDS = frozenset(("statistics", "numbers", "research", "testimony", "accounts",
                           "account", "remarks", "comments", "words"))


def source_word(word: str, lex: Lexicon) -> bool:
    """Whether a lower-case word (or its plural or singular) is a word for people, bodies,
    outlets, documents or sources."""
    return any(
        w in _SOURCE_WORDS or w in lex.anonymous_heads or w in lex.generic_people
        or w in lex.people_words
        or w in lex.document_nouns or w in lex.body_nouns or w in lex.organisation_words
        or w in lex.organisation_nouns or w in lex.outlet_words or w in lex.outlet_nouns
        or w in lex.role_nouns or w in lex.titles or person_noun(w, lex)
        for w in (word, word + "s", word.removesuffix("s")))


# a person who gives a name to themselves: "a man calling himself Tom Quill", "a user who
# calls herself Ann L."
SELF_NAMED = re.compile(
    r"^(.+?)\s+(?:calling|who\s+calls|who\s+called|naming|identifying)\s+"
    r"(?:himself|herself|themselves)(?:\s+as)?\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})$")

# "The Maritime Museum in Bergen": a place after the body word of a name
_IN_PLACE = re.compile(r"^(.*\s([A-Z][\w’'-]+))\s+in\s+(?:[A-Z][\w’'.-]*)(?:\s+[A-Z][\w’'.-]*)?$")


def without_place(found: Source, lex: Lexicon) -> Source:
    """An organisation's name without the place that follows its body word ("the Holocaust
    Memorial Museum | in Washington"): the place says where the body is, not who it is."""
    kind, name, role = found
    m = _IN_PLACE.match(name)
    if m is None or m.group(2).lower() not in lex.organisation_words:
        return found
    return kind, m.group(1), role


def act_by_name(words: list[str], lows: list[str], lex: Lexicon) -> bool:
    """"The lopsided spending by super PACs", "heavy buying by Valley Foods": a lower-case
    noun for an act or a state before "by" and the names; the names do it, and the phrase
    names no source (a report, a comment or a person by someone is left to the rules)."""
    for k in range(1, len(words) - 1):
        if lows[k] != "by":
            continue
        noun = words[k - 1]
        if not noun[:1].islower() or any(w[:1].isupper() for w in words[1:k]) \
                or not any(w[:1].isupper() for w in words[k + 1:]):
            return False
        return noun.isalpha() and not source_word(lows[k - 1], lex)
    return False


# adjectives that open a phrase for unnamed members of a group ("Leading Democrats")
_GROUP_ADJECTIVES = frozenset(("leading", "prominent", "top", "senior", "junior", "other",
                               "fellow", "young", "older", "moderate", "conservative",
                               "liberal", "progressive", "centrist", "rank-and-file",
                               "ordinary", "disaffected", "frustrated", "angry", "wealthy",
                               "local", "rural", "urban", "veteran", "influential", "key"))


def unnamed_members(words: list[str]) -> bool:
    """Whether a phrase names plural members of a group and nobody in particular
    ("Leading Democrats", "some young Europeans"): a plural group word at the end, only
    determiners, numbers and common adjectives before it."""
    last = words[-1]
    if not last.endswith("s") or not GROUP_WORD.match(last) or words[0].lower() == "the":
        return False  # ("the Democrats": the party)
    for i, w in enumerate(words[:-1]):
        low = w.lower()
        if low in DETERMINERS or low in _GROUP_ADJECTIVES or low.isdigit():
            continue
        if i == 0 or not w[:1].islower():
            return False
    return True


# --------------------------------------------------------------------------- documents

# bodies of findings, plural or mass, that the lexicon's document nouns leave out
_MORE_GENERIC = ("polling", "evidence", "projections", "forecasts", "modelling", "modeling")
# documents that, plural or mass and without a definite determiner, name nobody
GENERIC_DOCUMENTS = frozenset(("reports", "studies", "data", "research", "surveys", "polls",
                               "figures", "estimates", "statistics", "findings", "analyses",
                               *_MORE_GENERIC))
# documents (and bodies of findings) the lexicon's document nouns leave out; kept here, as
# the cue tagger reads the lexicon's list (a change there would move its features)
MORE_DOCUMENTS = frozenset((*_MORE_GENERIC, "projection", "forecast"))
# document heads the lexicon's document nouns leave out: a source that is a work or a record
MORE_DOCUMENT_HEADS = frozenset(("affidavit", "affidavits", "movie", "film", "documentary",
                                  "timeline", "summary", "manifesto", "petition", "memoir",
                                  "textbook", "dossiers", "memos", "emails", "e-mails",
                                  "tweets", "letters", "transcripts", "filings", "ads",
                                  "editorial", "column", "op-ed", "podcast", "obituary",
                                  "calculations", "tallies", "spreadsheet", "slideshow",
                                  "advisory", "advisories", "notice", "bulletin",
                                  "communications", "texts", "cables", "files", "recordings",
                                  "receipts", "invoices", "logs"))
# a batch or copy of documents ("the next batch of emails", "a trove of memos", "copies of
# the filings"): the documents are the source
BATCH_HEADS = frozenset(("batch", "batches", "set", "sets", "series", "trove", "troves",
                          "cache", "caches", "tranche", "tranches", "collection", "bundle",
                          "stack", "pile", "copy", "copies", "excerpt", "excerpts", "handful",
                          "sample", "release"))


def document_word(low: str, lex: Lexicon) -> bool:
    """Whether a lower-case word is a document noun (the lexicon's or this module's)."""
    return low in lex.document_nouns or low in MORE_DOCUMENT_HEADS \
        or low in GENERIC_DOCUMENTS or low in MORE_DOCUMENTS


# last words of a firm's or an agency's name that the lexicon's organisation words leave out
# ("Harbour Digital", "Nordic Pharma", "Vale Telecom"); kept here, as the cue tagger reads
# the lexicon's list
_BODY_NAME_ENDS = frozenset(("digital", "pharma", "pharmaceuticals", "telecom", "telecoms",
                             "networks", "resources", "properties", "biotech", "therapeutics",
                             "logistics", "health", "healthcare", "aerospace", "automotive"))
_NATIONS = frozenset(("england", "scotland", "wales", "ireland"))


def body_name(words: list[str], lex: Lexicon) -> bool:
    """Whether a capitalised name of two words or more ends like a body's name: "Harbour
    Digital", "Nordic Pharma"; a nation after a body's word or an acronym ("Public Health
    Wales", "NHS England"), not after a given name ("Ann England")."""
    if len(words) < 2 or not all(w[:1].isupper() for w in words[-2:]):
        return False
    last, before = words[-1].lower().strip(".,"), words[-2].strip(".,")
    if last in _BODY_NAME_ENDS:
        return True
    return last in _NATIONS and (before.lower() in _BODY_NAME_ENDS
                                 or before.lower() in lex.organisation_words
                                 or (before.isupper() and len(before) >= 2))


# last words of the name of a law or a signed text ("the Clean Air Act", "the Water Framework
# Directive", "the First Amendment"): a document, not a person
DOCUMENT_NAME_ENDS = frozenset(("act", "acts", "directive", "accord", "accords", "charter",
                                "protocol", "amendment", "declaration", "ordinance", "statute",
                                "regulations", "treaty", "covenant"))


# participles by which records reach the public ("memos released under ...", "emails
# obtained by ...")
_RELEASED = frozenset(("released", "obtained", "disclosed", "published", "leaked", "seen",
                       "filed", "made", "handed", "given", "provided", "shared", "unsealed"))
_RELEASED_THROUGH = frozenset(("under", "through", "via", "by", "from", "to"))


def released_records(lows: list[str], n_head: int, head: str, lex: Lexicon) -> bool:
    """Whether a source phrase (lower-case words ``lows``, head word ``head`` ending its
    first ``n_head`` words) names records that reached the public under a law or through a
    body ("Memos released under the Freedom of Information Act", "Emails obtained by the
    ... Trust"): the records are the source, not the law or the body named after them."""
    return 0 < n_head < len(lows) - 1 and lows[n_head] in _RELEASED \
        and lows[n_head + 1] in _RELEASED_THROUGH and document_word(head, lex) \
        and head not in ("data", "research")
