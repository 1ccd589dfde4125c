"""The attribution lexicon: cue verbs and their inflections, source words, phrase regexes.

``get_lexicon(extra)`` builds, once per configuration, a :class:`Lexicon` from
``rules/attribution/lexicon.json`` plus the ``lexicon.attribution`` extras of the
configuration. What later stages derive from a lexicon and memoise lives on the
Lexicon itself: the phrase regexes with their case-sensitive twins
(:class:`PhraseRegex`), the people words of the vagueness test, and bounded caches of
classified sources, candidate starters and tagger code tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.core.cache import BoundedCache
from checker.core.datafiles import load_data

LEXICON_PATH = Path(__file__).resolve().parent / "lexicon.json"

# the sorted items of a cue model's extra cue forms: the key of the per-model caches
ExtraKey = tuple[tuple[str, str], ...]


def extra_key(extra: dict[str, str]) -> ExtraKey:
    """Cache key of a cue model's extra cue forms (``form -> kind``)."""
    if not extra:
        return ()  # (the shipped models have none: asked a few times per relation)
    return tuple(sorted(extra.items()))


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb lemma (say -> says, said, saying)."""
    words = lemma.split()
    head, rest = words[0], " ".join(words[1:])
    forms: list[str]
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [f"{f} {rest}".strip() for f in forms]


class PhraseRegex:
    """A case-insensitive regex of lexicon phrases, made by :func:`phrase_regex`.

    Its matches are literal words joined by ``\\s+`` between ``[\\w-]`` boundary tests, so
    no match runs over a character that is neither a space nor in a phrase. ``twin`` is the
    same regex without IGNORECASE, for lower-cased text (``findings.phrase_hits``): set
    when the pattern is ASCII and lower-case (and holds no NUL, the separator of that
    scan), else None. Both compile on first use: the alternations are large, and most
    texts need only the twin.
    """

    __slots__ = ("pattern", "index", "word_scans", "_regex", "_twin")

    def __init__(self, pattern: str, index: dict[str, list[tuple[str, ...]]] | None = None
                 ) -> None:
        self.pattern = pattern
        # when every phrase is lower-case ASCII words joined by single spaces: first word ->
        # the phrases' words, longest phrase first (as in the alternation), else None
        self.index = index
        self.word_scans = 0  # texts scanned word by word so far (``findings.phrase_hits``)
        self._regex: re.Pattern[str] | None = None
        self._twin: re.Pattern[str] | None | bool = False  # False: not compiled yet

    @property
    def compiled(self) -> bool:
        """Whether a regex of this pattern was compiled already."""
        return self._regex is not None or self._twin is not False

    @property
    def regex(self) -> re.Pattern[str]:
        """The case-insensitive regex."""
        if self._regex is None:
            self._regex = re.compile(self.pattern, re.IGNORECASE)
        return self._regex

    @property
    def twin(self) -> re.Pattern[str] | None:
        """The same regex without IGNORECASE, when the pattern allows it (see the class)."""
        if self._twin is False:
            self._twin = _case_sensitive_twin(self.pattern)
        return self._twin  # type: ignore[return-value]


def phrase_regex(phrases: Iterable[str]) -> PhraseRegex:
    """The :class:`PhraseRegex` matching any of ``phrases`` as whole words, ignoring case."""
    alts = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
    index: dict[str, list[tuple[str, ...]]] | None = None
    if all(_PURE_WORDS.fullmatch(p) for p in alts):
        index = {}
        for p in alts:
            words = tuple(p.split(" "))
            index.setdefault(words[0], []).append(words)
    grouped = _by_first_char(alts)
    if grouped is not None:
        return PhraseRegex(rf"(?:{grouped})(?![\w-])", index)
    return PhraseRegex(rf"(?<![\w-]){_first_two_re(alts)}(?:{body})(?![\w-])", index)


def _by_first_char(phrases: Sequence[str]) -> str | None:
    r"""``(?<![\w-])(?:p1|p2|...)`` (the escaped ``phrases``, in order) as one branch per
    first character, ``c(?<![\w-]c)`` and the rests of its phrases in their order: the
    same matches, but a pattern that opens with literal characters, which the regex engine
    looks for before it tries a phrase (an opening lookbehind has it try every offset).
    None when a phrase is empty or opens with whitespace."""
    groups: dict[str, list[str]] = {}
    for p in phrases:
        if not p or p[0].isspace():
            return None
        groups.setdefault(p[0], []).append(p[1:])
    branches = []
    for first, rests in groups.items():
        c = re.escape(first)
        seconds = sorted({r[:1] for r in rests})
        # the characters a rest can open with (implied: it spares trying each rest)
        ahead = "" if "" in seconds else "(?=[{}])".format(
            "".join(r"\s" if x == " " else re.escape(x) for x in seconds))
        body = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in rests)
        branches.append(f"{c}(?<![\\w-]{c}){ahead}(?:{body})")
    return "|".join(branches)


_PURE_WORDS = re.compile(r"[a-z]+(?: [a-z]+)*")


def _case_sensitive_twin(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` compiled without IGNORECASE, if it is ASCII, lower-case and without NUL."""
    if not pattern.isascii() or pattern != pattern.lower() or "\0" in pattern:
        return None
    return re.compile(pattern)


def _first_two_re(phrases: Sequence[str]) -> str:
    """A lookahead for the first two characters some phrase starts with: implied by the
    phrase alternation, it only spares the regex engine trying every phrase at most words."""
    seconds: dict[str, set[str]] = {}
    for p in phrases:
        if not p or p[0].isspace():  # a leading space matches any whitespace (\s+)
            return ""
        seconds.setdefault(p[0], set()).add(p[1:2])
    alts = []
    for first, nxt in sorted(seconds.items()):
        if "" in nxt:  # a one-character phrase
            alts.append(re.escape(first))
        else:
            chars = "".join(r"\s" if c == " " else re.escape(c) for c in sorted(nxt))
            alts.append(f"{re.escape(first)}[{chars}]")
    return f"(?={'|'.join(alts)})" if alts else ""


def _memo(limit: int) -> Any:
    """A dataclass field holding a fresh :class:`BoundedCache` (not compared, not shown)."""
    return field(default_factory=lambda: BoundedCache(limit), repr=False, compare=False)


@dataclass(frozen=True)
class Lexicon:
    """Word lists and phrase regexes of the attribution family, with their memo tables."""

    cue_forms: dict[str, str]  # form -> "speech" | "belief"
    phrase_cues: tuple[str, ...]
    source_before_phrases: frozenset[str]
    recipients: frozenset[str]
    pronouns: dict[str, str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    anonymous_heads: frozenset[str]
    # common nouns for people or groups of people that name nobody ("a friend", "donors");
    # read only when sorting a source phrase (``sources.py``), not by the cue tagger
    generic_people: frozenset[str]
    # bodies that speak for a place or a group ("the city", "the federation"): organisations
    # when sorting a source phrase; like ``generic_people``, never read by the cue tagger
    body_nouns: frozenset[str]
    vague_determiners: frozenset[str]
    outlets: frozenset[str]
    outlet_words: frozenset[str]
    outlet_nouns: frozenset[str]
    organisation_words: frozenset[str]
    organisation_nouns: frozenset[str]
    document_nouns: frozenset[str]
    agentless_re: PhraseRegex
    vague_re: PhraseRegex
    # anonymous heads, role nouns and their plurals: words naming a generic *who*
    people_words: frozenset[str] = field(init=False, repr=False, compare=False)
    # outlet words as written ("Post", "Journal"): a capitalised one heads a paper's name
    outlet_word_forms: frozenset[str] = field(init=False, repr=False, compare=False)
    # source text -> (kind, name, role) (``sources.classify``: sources recur)
    classified: BoundedCache[str, tuple[str, str, str]] = _memo(100_000)
    # extra cue forms -> token texts that can start a cue candidate (``candidates``)
    starters: BoundedCache[ExtraKey, frozenset[str]] = _memo(8)
    # extra cue forms -> ``tagger.CodeTable`` (attribute codes per token text)
    code_tables: BoundedCache[ExtraKey, Any] = _memo(8)

    def __post_init__(self) -> None:
        people = self.anonymous_heads | self.generic_people | self.role_nouns \
            | {w + "s" for w in self.role_nouns}
        object.__setattr__(self, "people_words", people)
        object.__setattr__(self, "outlet_word_forms",
                           frozenset(w[:1].upper() + w[1:] for w in self.outlet_words))


def build_lexicon(data: dict[str, Any], extra: dict[str, list[str]] | None = None) -> Lexicon:
    """Build a :class:`Lexicon` from the JSON data plus configuration extras."""
    data = {k: (list(v) if isinstance(v, list) else v) for k, v in data.items()}
    for key, values in (extra or {}).items():
        if isinstance(data.get(key), list):
            data[key] = data[key] + list(values)

    def lower_set(key: str) -> frozenset[str]:
        return frozenset(t.lower() for t in data.get(key, []))

    return Lexicon(
        cue_forms=_cue_forms(data),
        phrase_cues=tuple(p.lower() for p in data.get("phrase_cues", [])),
        source_before_phrases=lower_set("source_before_phrases"),
        recipients=lower_set("recipients_after_tell"),
        pronouns={k.lower(): v for k, v in data.get("pronouns", {}).items()},
        titles=lower_set("titles"),
        role_nouns=lower_set("role_nouns"),
        anonymous_heads=lower_set("anonymous_heads"),
        generic_people=lower_set("generic_people"),
        body_nouns=lower_set("body_nouns"),
        vague_determiners=lower_set("vague_determiners"),
        outlets=lower_set("outlets"),
        outlet_words=lower_set("outlet_words"),
        outlet_nouns=lower_set("outlet_nouns"),
        organisation_words=lower_set("organisation_words"),
        organisation_nouns=lower_set("organisation_nouns"),
        document_nouns=lower_set("document_nouns"),
        agentless_re=phrase_regex(data.get("agentless_passives", [])),
        vague_re=phrase_regex(data.get("vague_phrases", [])),
    )


def _cue_forms(data: dict[str, Any]) -> dict[str, str]:
    """Every inflected form of the one-word belief and speech verbs -> "belief" | "speech"."""
    irregular: dict[str, list[str]] = data.get("irregular", {})
    cue_forms: dict[str, str] = {}
    for kind in ("belief_verbs", "speech_verbs"):
        label = "belief" if kind == "belief_verbs" else "speech"
        for lemma in data.get(kind, []):
            lemma = lemma.lower()
            if " " in lemma:
                continue  # multi-word verbs are phrase cues
            for form in irregular.get(lemma) or _inflect(lemma):
                cue_forms[form] = label
    return cue_forms


@lru_cache(maxsize=1)
def base_lexicon_data() -> dict[str, Any]:
    """The committed ``lexicon.json`` (without configuration extras)."""
    return load_data(LEXICON_PATH, "checker-attribution-lexicon")


@lru_cache(maxsize=8)
def _lexicon_cached(extra_json: str) -> Lexicon:
    extra = json.loads(extra_json) if extra_json else None
    return build_lexicon(base_lexicon_data(), extra)


def get_lexicon(extra: dict[str, list[str]] | None = None) -> Lexicon:
    """The lexicon with configuration ``extra`` words (built once per distinct ``extra``)."""
    return _lexicon_cached(json.dumps(extra, sort_keys=True) if extra else "")
