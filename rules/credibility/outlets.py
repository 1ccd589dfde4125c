"""Cited outlets: names to domains, and outlets named in the text that no family recorded.

The alias table (``checker/reference/outlets.json``, extensible with
``[tool.checker.lexicon.credibility]``: keys are domains, values lists of names) maps
outlet and organisation names to registrable domains. :func:`resolve_name` places a cited
name; :func:`scan_outlets` finds outlets that the body text plainly cites ("..., the
broadcaster X reported") or that a source list names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from checker.core.analysis import DOCUMENT, ORGANISATION, OUTLET, Analysis, SourceMention
from checker.core.document import BODY, REFERENCES
from checker.core.regexlit import FOLDS_TO_ASCII, lazy_compile
from checker.core.spans import FixedSpans
from checker.reference.domains import host_of, outlets_data, registrable_domain

LEXICON_KEY = "credibility"  # [tool.checker.lexicon.credibility]: domain -> extra names

_POSSESSIVE = re.compile(r"'s$")
_NAME_PUNCT = re.compile(r"[\"“”()\[\],;:!?]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16_384)  # asked for every sentence's source, mostly the same few names
def normalise_name(name: str) -> str:
    """Key for alias look-ups: case-folded, no leading "the", no possessive or punctuation."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").strip()
    s = _POSSESSIVE.sub("", s)
    s = _NAME_PUNCT.sub(" ", s).strip(" .-'")
    s = _SPACES.sub(" ", s).casefold()
    return s[4:] if s.startswith("the ") else s


RATABLE_KINDS = frozenset({OUTLET, ORGANISATION, DOCUMENT})  # rated when they name an outlet
_DOMAIN_IN_NAME = lazy_compile(
    r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+[a-z]{2,24})(?![\w-])", re.I
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_FOOTNOTE_NUM = lazy_compile(r"(\d{1,3})\s*$")


_BOUNDS = r"(?<![\w@/.-]){}(?![\w-]|\.\w)"  # a name, not part of a longer word or host
_WORD_RUN = re.compile(r"\w+")


class NameIndex:
    """Literal names to find in text, each a whole name (see ``_BOUNDS``).

    :meth:`pattern` is the regex of every name, built on first use; :meth:`pattern_for`
    is a regex of only the names that occur in a given text, which finds exactly what
    the full regex finds there (a name that is not a substring of the text cannot match
    in it, and among the names that match at one place the regex takes the longest that
    ends at a boundary, whichever others it holds), at a fraction of the cost of
    compiling the full regex of hundreds of names: a draft check compiles little or
    nothing. Names are grouped by their first run of word characters, which is a whole
    word of any text they match in. Once many texts have been asked about (an audit), the
    full regex is compiled and answers for every text: one scan costs less there than
    finding each text's names.
    """

    SMALL_RUN = 64  # texts asked about before the full regex pays (a draft has a few dozen)

    def __init__(self, names: list[str]) -> None:
        self.names = tuple(dict.fromkeys(names))
        by_head: dict[str, list[str]] = {}
        for name in self.names:
            head = _WORD_RUN.match(name)
            by_head.setdefault(head.group(0) if head else "", []).append(name)
        self.by_head = {h: tuple(v) for h, v in by_head.items()}
        self._full: re.Pattern[str] | None = None
        self._asked = 0

    def __bool__(self) -> bool:
        return bool(self.names)

    def pattern(self) -> re.Pattern[str]:
        """The regex of every name (what :meth:`pattern_for` is equivalent to)."""
        if self._full is None:
            self._full = _names_regex(tuple(sorted(self.names)))
        return self._full

    def candidates(self, text: str) -> tuple[str, ...]:
        """The names that occur in ``text`` as substrings, sorted."""
        words = set(_WORD_RUN.findall(text))
        words.add("")  # names that start with punctuation are always tried
        found = [n for w in words & self.by_head.keys() for n in self.by_head[w] if n in text]
        return tuple(sorted(found))

    def pattern_for(self, text: str) -> re.Pattern[str] | None:
        """A regex that finds in ``text`` what :meth:`pattern` finds there; None when no
        name occurs in it (or the full regex itself, once it has been compiled)."""
        if self._full is not None:
            return self._full
        self._asked += 1
        if self._asked > self.SMALL_RUN:
            return self.pattern()
        found = self.candidates(text)
        return _names_regex(found) if found else None


@lru_cache(maxsize=4096)
def _names_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_BOUNDS.format(_trie_pattern(list(names))))


class OutletTable(NamedTuple):
    """Names -> domains, built once per configuration."""

    by_key: dict[str, str]  # normalised unambiguous name -> domain
    exact: dict[str, str]  # ambiguous names, case-sensitive -> domain (names only)
    names: dict[str, str]  # every name as written -> domain
    also: dict[str, tuple[str, ...]]  # domain -> other domains of the same publisher
    scanned: NameIndex  # outlet names looked for in running text
    inner_names: NameIndex  # every unambiguous name, looked for inside source names
    cues: frozenset[str]
    preceders: frozenset[str]
    followers: frozenset[str]

    @property
    def scan(self) -> re.Pattern[str] | None:
        """The regex of every outlet name looked for in running text (compiled on first use;
        :func:`scan_outlets` uses the equivalent ``scanned.pattern_for(text)``)."""
        return self.scanned.pattern() if self.scanned else None

    @property
    def inner(self) -> re.Pattern[str] | None:
        """The regex of every unambiguous name (compiled on first use; :func:`resolve_name`
        uses the equivalent ``inner_names.pattern_for(name)``)."""
        return self.inner_names.pattern() if self.inner_names else None

    def domains_of(self, domain: str) -> tuple[str, ...]:
        return (domain, *self.also.get(domain, ()))


@lru_cache(maxsize=16)
def _table(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> OutletTable:
    data = outlets_data()
    outlets: dict[str, list[str]] = {d: list(v) for d, v in data["outlets"].items()}
    for dom, names in extra:
        key = dom.strip().lower()
        outlets.setdefault(key, []).extend(names)
    ambiguous = set(data["names_only"])
    organisations = set(data["organisations"])
    by_key: dict[str, str] = {}
    exact: dict[str, str] = {}
    names: dict[str, str] = {}
    scanned: list[str] = []
    inner: list[str] = []
    for dom, alias_list in outlets.items():
        for name in alias_list:
            names[name] = dom
            if name in ambiguous:
                exact[name] = dom
                continue
            by_key.setdefault(normalise_name(name), dom)
            inner.append(name)
            if dom not in organisations:
                scanned.append(name)
    return OutletTable(
        by_key=by_key,
        exact=exact,
        names=names,
        also={d: tuple(v) for d, v in data["also"].items()},
        scanned=NameIndex(scanned),
        inner_names=NameIndex(inner),
        cues=frozenset(c.lower() for c in data["citation_cues"]),
        preceders=frozenset(data["name_preceders_allowed"]),
        followers=frozenset(data["name_followers_allowed"]),
    )


def _trie_pattern(words: list[str]) -> str:
    """One regex for many literal names, factorised by common prefixes (fast to match);
    the longest name wins where one is a prefix of another."""
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie) + ")"


def outlet_table(config: Any = None) -> OutletTable:
    """The alias table, extended by ``[tool.checker.lexicon.credibility]`` if configured."""
    extra = config.lexicon_for(LEXICON_KEY) if config is not None else {}
    return _table(tuple(sorted((k, tuple(v)) for k, v in extra.items())))


def resolve_name(name: str, kind: str = OUTLET, table: OutletTable | None = None) -> str:
    """Domain of a cited outlet or organisation name ("" when unknown).

    Unambiguous aliases match case-insensitively (without "the", possessives or
    punctuation); ambiguous ones ("Reason", "Time", "Fox") only as the whole name,
    case-sensitively, when the mention was classified as an outlet; a name that
    contains a domain ("Reason.com") resolves to that domain's registrable domain.
    """
    t = table or outlet_table()
    clean = re.sub(r"[\u2019']s$", "", name.strip().strip(".,;:"))
    dom = t.by_key.get(normalise_name(clean))
    if dom:
        return dom
    if kind == OUTLET:
        bare = clean[4:] if clean.startswith(("The ", "the ")) else clean
        dom = t.exact.get(clean) or t.exact.get(bare)
        if dom:
            return dom
    m = _DOMAIN_IN_NAME.search(clean)
    if m and "." in m.group(1) and not m.group(1)[0].isdigit():
        host = host_of(m.group(1))
        if host and _looks_like_tld(host):
            known = t.by_key.get(normalise_name(host))
            return known or registrable_domain(host)
    inner = t.inner_names.pattern_for(clean) if kind in RATABLE_KINDS else None
    if inner is not None:
        # "a report by Human Rights Watch", "the editorial board of the Washington Post"
        hit = inner.search(clean)
        if hit:
            return t.names[hit.group(0)]
    return ""


_TLDS = frozenset(
    "com org net edu gov mil int info biz news tv io co me ly uk us ca au nz ie de fr es it nl "
    "be ch at se no dk fi pl cz ru ua tr il ir iq sy lb jo sa ae qa kw bh om eg ma tn dz ly in "
    "pk bd lk np cn hk tw jp kr sg my id ph th vn za ng ke gh br ar mx cl co pe ve eu ps am az "
    "ge kz uz af media press online site today report global world".split()
)


def _looks_like_tld(host: str) -> bool:
    return host.rsplit(".", 1)[-1] in _TLDS


# --------------------------------------------------------------------------- text scan


def _context_ok(text: str, start: int, end: int, table: OutletTable) -> bool:
    """False when the match is part of a longer proper name ("Animal Politico",
    "Michael Bloomberg", "Bloomberg Philanthropies")."""
    before = text[max(0, start - 40) : start]
    m = re.search(r"([A-Z][\w.'-]*)\s+$", before)
    if m and m.group(1) not in table.preceders and not before.rstrip().endswith((",", ":")):
        return False
    after = text[end : end + 40]
    if _MEDIUM_AFTER.match(after) or _NOT_CITED_AFTER.match(after) \
            or (before.endswith("(") and after.startswith(")")):
        # "in a Fox News appearance": where someone spoke; "Washington (CNN)": the credit;
        # "CNN's request for comment", "former CBS reporter": no source
        return False
    m = re.match(r"\s+([A-Z][\w'-]*)", after)
    return not (m and m.group(1) not in table.followers)


# what after an outlet's name makes it no source: its request, its staff
_NOT_CITED_AFTER = lazy_compile(
    r"(?:['’]s\s+(?:request|requests|inquiry|inquiries|question|questions|email|emails|"
    r"call|calls|message|messages)|\s+(?:reporter|correspondent|anchor|host|journalist|"
    r"columnist|producer|contributor)s?)\b")
# An outlet named in a body sentence is cited only when it stands in a citing relation to
# the sentence's words, not merely when a citing word is somewhere in the sentence ("in an
# interview with X, she said", "the debate on X", "on staff at X", a list of names): it
# reports, finds or tells something itself ("X reported", "which X discovered"), its
# document is named ("X's tally", "a new X poll", "the X/Y survey"), or it publishes,
# conducts or receives what is cited ("according to a report in X", "obtained by X",
# "a poll conducted for X", "told X").
_DOC_NOUNS = (
    r"reports?|reporting|stor(?:y|ies)|articles?|analys[ie]s|investigations?|reviews?|"
    r"surveys?|polls?|polling|exit\s+polls?|count|tally|data|estimates?|figures|editorials?|"
    r"headlines?|documents?|statements?|footage|projections?|calculations?|"
    r"fact[- ]?check(?:er|s)?|database|records?|transcripts?|findings")
_CITING_AFTER = lazy_compile(
    r"(?:['\u2019]s?)?(?:\s*/\s*[\w.&'\u2019 -]{1,40}?)?"  # "X's", "X/Y"
    r"(?P<aside>\s*,[^,]{1,40},)?"  # an aside: "CNN, the mayor said, reported"
    r"(?:\s+(?:also|first|later|previously|recently|earlier|initially|has|have|had|was|were|"
    r"is|last\s+\w+|on\s+\w+day|this\s+(?:week|month|year)|\w+ly|new|own|"
    r"latest|all|both|\w+day))*"
    r"\s+(?:reported|reports|reporting|report|said|says|found|finds|discovered|discovers|"
    r"revealed|reveals|confirmed|confirms|learned|learns|obtained|published|publishes|noted|"
    r"notes|wrote|writes|estimated|estimates|surveyed|counted|tallied|analy[sz]ed|"
    r"documented|recorded|broadcast|aired|cited|cites|quoted|quotes|claimed|claims|alleged|"
    r"stated|tweeted|posted|announced|understands|projected|projects|calculated|"
    r"(?:" + _DOC_NOUNS + r"))\b"
    # (after an aside, not another speaker's inverted verb: "She left CNN, the network she
    # joined in 2001, said a spokesman.")
    r"(?(aside)(?!(?:(?<=said)|(?<=says)|(?<=added)|(?<=told))\s+(?:an?|the|his|her|its"
    r"|their)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?\s*[.,;]))",
    re.I)
_CITING_BEFORE = lazy_compile(
    r"(?:\baccording\s+to|\b(?:" + _DOC_NOUNS + r")(?:\s+[\w'\u2019-]+){0,3}?\s+"
    r"(?:in|by|from|for|of|at)|"
    r"\b(?:obtained|released|published|conducted|commissioned|reported|cited|quoted|aired|"
    r"broadcast|posted|provided|compiled|analy[sz]ed|reviewed|seen|estimated|counted|"
    r"surveyed|tallied|projected|calculated|confirmed|revealed)"
    r"(?:\s+[\w'\u2019-]+){0,2}?\s+(?:by|for|in|on)|"
    r"\b(?:told|tells|tell|telling|per|via)|\bas\s+(?:first\s+)?reported\s+(?:by|in)|"
    r",\s*(?:reported|reports|said|says|wrote|writes))"  # "..., reported the Examiner"
    r"\s+(?:(?:a|an|the|this|that|its|new|recent|latest)\s+)*$",
    re.I)
_AND_BEFORE = re.compile(r"^\s*(?:,\s*)?(?:and|&|/|,)\s*(?:the\s+)?$", re.I)


def _cited_here(chunk: str, start: int, end: int) -> bool:
    """Whether the outlet at ``chunk[start:end]`` (one sentence) stands in a citing relation
    to the sentence: see ``_CITING_AFTER`` and ``_CITING_BEFORE``."""
    if _CITING_AFTER.match(chunk, end):
        return True
    return _CITING_BEFORE.search(chunk[max(0, start - 80) : start]) is not None


def _cited_runs(
    chunk: str, ms: list[re.Match[str]], held: list[bool], carried: list[bool],
    ok: list[bool],
) -> list[bool]:
    """For each outlet named in one body sentence, whether it is cited: outlets listed
    together ("a poll by X and Y", "according to X and Y", "X, Y and Z all reported") are
    cited together when one of them is cited itself or already recorded as a source
    (``held``); one that only carries words to or from someone ("told CNN and Fox News
    that", ``carried``) cites none of its neighbours, nor does one that is part of a longer
    name (not ``ok``: :func:`_context_ok`)."""
    cited = [False] * len(ms)
    k = 0
    while k < len(ms):
        j = k
        while j + 1 < len(ms) and _AND_BEFORE.match(chunk[ms[j].end() : ms[j + 1].start()]):
            j += 1
        run = range(k, j + 1)
        if any(held[i] or (not carried[i] and ok[i]
                           and _cited_here(chunk, ms[i].start(), ms[i].end()))
               for i in run):  # fmt: skip
            for i in run:
                cited[i] = True
        k = j + 1
    return cited


# nouns after an outlet's name that make it the medium of someone's words
_MEDIUM_AFTER = re.compile(
    r"\s+(?:appearance|interview|town\s+hall|debate|broadcast|podcast|segment|documentary|"
    r"special|show|programme|program)s?\b")


def scan_outlets(
    analysis: Analysis, table: OutletTable, taken: list[tuple[int, int]],
    carried: list[tuple[int, int]] | None = None,
) -> list[SourceMention]:
    """Outlets named in citing sentences (body) or listed in source lists (references)
    that no earlier family recorded (``taken``: the sources' spans) and that carry no one's
    words (``carried``: the addressees and media of relations, "told CNN")."""
    if not table.scanned:
        return []
    doc = analysis.doc
    text = doc.text
    found: list[SourceMention] = []
    # the text lower-cased once, when none of its letters lower-cases to ASCII (the Kelvin
    # sign's lower case is "k", and "İ" lengthens): then its words in a sentence's span are
    # those of the sentence lower-cased (no other letter's lower case is ASCII or longer)
    low = None
    if text.isascii() or not any(ch in text for ch in FOLDS_TO_ASCII):
        low = text.lower()
    # the spans taken before this scan (what this scan adds lies in earlier sentences or
    # apart in this one: no later outlet overlaps it)
    before = FixedSpans(taken)
    carriers = FixedSpans(carried or [])
    for s in doc.sentences:
        if s.region not in (BODY, REFERENCES):
            continue
        chunk = text[s.start : s.end]
        if s.region == BODY:
            if low is not None:
                words = set(_WORD.findall(low, s.start, s.end))
            else:
                # the sentence lower-cased first gives the same words, unless it holds one
                # of the letters whose lower case is ASCII
                folds = not chunk.isascii() and any(ch in chunk for ch in FOLDS_TO_ASCII)
                words = ({w.lower() for w in _WORD.findall(chunk)} if folds
                         else set(_WORD.findall(chunk.lower())))  # fmt: skip
            if words.isdisjoint(table.cues):
                continue
        scan = table.scanned.pattern_for(chunk)
        if scan is None:
            continue
        ms = list(scan.finditer(chunk))
        held = [before.overlaps(s.start + m.start(), s.start + m.end()) for m in ms]
        blocked = [carriers.overlaps(s.start + m.start(), s.start + m.end()) for m in ms]
        if s.region == BODY:
            ok = [_context_ok(text, s.start + m.start(), s.start + m.end(), table) for m in ms]
            cited = _cited_runs(chunk, ms, held, blocked, ok)
        for k, m in enumerate(ms):
            a, b = s.start + m.start(), s.start + m.end()
            if held[k] or blocked[k]:
                continue
            if s.region == BODY and not (cited[k] and ok[k]):
                continue
            footnote = None
            if s.region == REFERENCES:
                num = _FOOTNOTE_NUM.search(text[max(s.start, a - 4) : a])
                footnote = int(num.group(1)) if num else None
            name = m.group(0)
            found.append(
                SourceMention(
                    name=name, kind=OUTLET, start=a, end=b, sentence=s.index,
                    cue="named" if s.region == BODY else "source list", footnote=footnote,
                    domain=table.names[name],
                )
            )  # fmt: skip
            taken.append((a, b))
    return found
