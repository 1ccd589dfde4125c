"""Features of one "who is cited" row: a source name as the article lists it.

A row is what a reader sees in "Who is cited": one name per article, with the kind and cue
of its first mention. The features describe the row without naming anything a training text
names: the rules' kind and how the name was read, the cue (reporting verb, phrase cue,
"told", a colon), the shape of the name (words, capitals, an acronym, digits, a leading
determiner), its lower-case head word and ending (common nouns only: a proper name is a
shape), the lexicon classes of its words (titles, role nouns, anonymous heads, bodies,
outlets, documents, time words, company suffixes), whether the row was resolved from a
pronoun or a short form, a role, how often the article cites it and with how many cues,
and the learned source verifier's score for its first relation, in bands.

``training/train_source_rows.py`` reads these to learn the news-level row decision and the
row's kind; ``rows.py`` applies the shipped model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.core.analysis import SourceMention
from rules.attribution.lexicon import Lexicon
from rules.attribution.words import COMPANY_SUFFIXES, DETERMINERS, TIME_WORDS

# the cues of mentions no attribution relation made (a footnote, a source list, a link, an
# outlet named by the credibility family): not judged
UNJUDGED_CUES = frozenset(("footnote", "link", "source list", "named"))
_WORD = re.compile(r"[\w’'&.-]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z&.-]{1,7}s?$")


def row_key(name: str) -> str:
    """The key under which two mentions are one row: lower case, no leading article, no
    possessive, words only (as a reader would merge them)."""
    low = name.lower().replace("’", "'").strip()
    low = re.sub(r"^(?:the|a|an)\s+", "", low)
    low = re.sub(r"'s\b", "", low)
    return " ".join(re.findall(r"[a-z0-9]+", low))


def _shape(word: str) -> str:
    if _ACRONYM.match(word):
        return "A"
    if word[:1].isupper():
        return "X"
    if word[:1].isdigit():
        return "9"
    return "x"


def _classes(low: str, lex: Lexicon) -> list[str]:
    out = []
    for cls, words in (("title", lex.titles), ("role", lex.role_nouns),
                       ("anon", lex.anonymous_heads), ("generic", lex.generic_people),
                       ("body", lex.body_nouns), ("outletw", lex.outlet_words),
                       ("outletn", lex.outlet_nouns), ("orgw", lex.organisation_words),
                       ("orgn", lex.organisation_nouns), ("doc", lex.document_nouns),
                       ("pron", lex.pronouns), ("time", TIME_WORDS),
                       ("company", COMPANY_SUFFIXES), ("people", lex.people_words)):
        if low in words:
            out.append(cls)
    return out


def row_features(first: SourceMention, mentions: Sequence[SourceMention], text: str,
                 lex: Lexicon, score: float = -1.0) -> list[str]:
    """Binary features of the row whose first mention is ``first`` (``mentions``: all of
    the row's mentions in the article, in order; ``score``: the source verifier's
    probability for the first mention's relation, -1 when it judged none)."""
    f = [f"kind={first.kind}", _verifier_bucket(score)]
    _name_features(first.name.strip(), lex, f)
    _cue_features(first.cue.lower().strip(), lex, f)
    if first.role:
        f.append("role")
        f.append(f"rolehead={first.role.split()[-1].lower()}")
    if first.start >= 0:
        span = text[first.start:first.end]
        if span.lower().strip() in lex.pronouns:
            f.append("from_pronoun")
        elif row_key(first.name) not in row_key(span):
            f.append("resolved")  # named elsewhere: a short name, "the <role>"
        before = text[max(0, first.start - 2):first.start].strip()
        if before:
            f.append(f"before={before[-1]}")
    f.append(f"mentions={min(len(mentions), 3)}")
    f.append(f"cues={min(len({m.cue.lower() for m in mentions}), 3)}")
    if len({m.kind for m in mentions}) > 1:
        f.append("mixed_kinds")
    if not first.role and any(m.role for m in mentions):
        f.append("role_later")
    return f


def _verifier_bucket(score: float) -> str:
    """The source verifier's score, in bands (it judges verb cues only)."""
    if score < 0:
        return "ver=none"
    for edge in (0.7, 0.85, 0.95):
        if score < edge:
            return f"ver<{edge}"
    return "ver>=0.95"


def _name_features(name: str, lex: Lexicon, f: list[str]) -> None:
    """The name's shape, its lower-case head and ending, its words' lexicon classes."""
    words = _WORD.findall(name) or [name]
    low = [w.lower().rstrip(".") for w in words]
    f.append(f"nwords={min(len(words), 5)}")
    f.append("shape=" + "".join(_shape(w) for w in words[:4]))
    head, head_low = words[-1], low[-1]
    if head[:1].islower():
        f.append(f"head={head_low}")
        f.append(f"suf={head_low[-3:]}")
    elif len(head_low) > 4:
        f.append(f"capsuf={head_low[-3:]}")  # "-ity", "-ent", "-ion": bodies, not people
    if words[0][:1].islower() or low[0] in DETERMINERS:
        f.append(f"first={low[0]}")
    f.extend(f"headcls={cls}" for cls in _classes(head_low, lex))
    f.extend(sorted(f"cls={c}" for c in {c for w in low[:-1] for c in _classes(w, lex)}))
    if name.lower() in lex.outlets or row_key(name) in lex.outlets:
        f.append("outlet_name")
    if any(ch.isdigit() for ch in name):
        f.append("digits")
    if len(words) == 1 and _ACRONYM.match(words[0]):
        f.append("acronym")


def _cue_features(cue: str, lex: Lexicon, f: list[str]) -> None:
    """The cue: its lexicon class (speech, belief), a mark (a colon), or another word."""
    cue_words = cue.split()
    if cue in lex.cue_forms:
        f.append(f"cueclass={lex.cue_forms[cue]}")
    elif cue_words and cue_words[-1] in lex.cue_forms:
        f.append(f"cueclass={lex.cue_forms[cue_words[-1]]}")
    elif not cue or not cue[:1].isalpha():
        f.append("cueclass=mark")
    else:
        f.append("cueclass=other")
    if len(cue_words) <= 3:
        f.append(f"cue={cue}")


def rows_of(mentions: Sequence[SourceMention]) -> dict[str, list[SourceMention]]:
    """The judged mentions grouped into rows by :func:`row_key`, in first-mention order."""
    rows: dict[str, list[SourceMention]] = {}
    for m in mentions:
        if m.cue in UNJUDGED_CUES:
            continue
        key = row_key(m.name)
        if key:
            rows.setdefault(key, []).append(m)
    return rows
