"""Vague-source recall on PolNeAR: how many gold sources that name no one ATT001 would flag.

PolNeAR marks every attribution's source span but says nothing about vagueness, so the gold
side is read off the span's words by a fixed rule that does not use the tool's lexicon:

- **vague**: a party member counted off ("a Nevada Democrat"); else no capitalised word
  after the first, the first word a common word (inside a
  sentence written in lower case; opening one, its lower-case form is, in the corpus, more
  frequent than its capitalised form), no pronoun or possessive ("he", "his aides"), and
  no definite description ("the company", "the officials", which refer back to someone
  named); e.g. "officials", "a senior aide", "people familiar with the matter", "critics",
  "one analyst", and "some" in "is seen by some as" (a leading "by" of a passive agent is
  dropped).
- **named**: a capitalised head word ("Hillary Clinton", "the Pentagon"; a first word only
  when it is a proper name: capitalised inside a sentence, "..., Will wrote", or opening a
  sentence and more often capitalised in the corpus), or a personal pronoun (which refers
  to someone, usually named earlier).
- everything else is left out: definite descriptions and possessives (whether they name
  someone depends on the text before them), unnamed members of a named group ("Florida
  election officials": the group is named, the people are not), poll shares ("47 percent",
  "most voters": the poll is the source) and documents ("a new poll", "emails"), and
  "one"/"another" (which count off people named before); relative pronouns ("who",
  which stand for a named or an unnamed antecedent); bare "police" (the force, like
  "the police"); and spans that are no noun phrase (a lone letter, "A:" of a Q&A, or a
  span opening with a preposition or a verb, "From", "According to", "asked").

Only **reporting relations** count (:data:`REPORTING_CUE`): PolNeAR attributes actions,
wishes and stances too ("voters have gravitated to", "progressives to accept", "male troops
backed"), and a group that acts or wants something is not a source left unnamed. A gold
relation counts when its cue holds a verb of saying, writing, showing or believing ("said",
"according to", "argue", "fear", "shows", "see ... as") or is a speaker's colon; the list
is fixed here, apart from the tool's lexicon. :class:`VagueRecall` keeps every relation's
counts too (``vague_all``: the measure before this restriction).

A vague gold source counts as found when a span that ATT001 reports overlaps it: with the
article's sentences, every finding of the rule (``rules.attribution.findings.vague_findings``,
all sentences read as body); without them, the vague sources of relations alone. A named
one counts as a false vague flag the same way.
The rule reads each article's own text for the capitalisation test; nothing is tuned here.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.core.analysis import ANONYMOUS
from rules.attribution.doc import Extracted
from rules.attribution.findings import vague_findings
from rules.attribution.lexicon import Lexicon, get_lexicon
from rules.attribution.sources import classify
from rules.attribution.vague import vague_source

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "who", "which", "that",
                      "him", "her", "them", "us", "me", "one's", "whom"))
# relative pronouns stand for their antecedent, named ("Ann Lee, who said") or not ("some
# analysts, who said"): left out
_RELATIVES = frozenset(("who", "which", "that", "whom"))
# a party's member, counted off with "a"/"an"/"another": "a Nevada Democrat" names no one
_MEMBERS = frozenset(("democrat", "republican", "tory", "conservative", "liberal",
                      "independent", "socialist", "libertarian"))
_POSSESSIVES = frozenset(("his", "her", "its", "their", "our", "my", "your", "whose"))
_DEFINITE = frozenset(("the", "this", "that", "these", "those", "such", "both", "each",
                       "either", "neither", "said"))
_SHARES = frozenset(("one", "another", "others", "everyone", "everybody", "self", "most", "half",
                     "third", "thirds", "quarter", "quarters", "percent", "majority",
                     "majorities", "minority", "plurality", "all", "none", "each", "t",
                     "both", "dozen", "dozens", "hundreds", "thousands", "millions", "few",
                     "fewer", "more", "less", "number", "numbers"))
_QUANTIFIERS = frozenset(("some", "many", "several", "few", "various", "numerous", "multiple"))
_POSTMOD_START = frozenset(("of", "at", "from", "in", "with", "for", "on", "who", "that",
                            "close", "familiar", "involved", "to", "within", "inside",
                            "across", "around", "near", "by", "among", "speaking"))
# documents and records are sources of their own kind, not people left unnamed
_DOCUMENT_HEADS = frozenset(("poll", "polls", "survey", "surveys", "report", "reports", "study",
                             "studies", "data", "law", "laws", "transcript", "results",
                             "documents", "document", "filings", "filing", "emails", "email",
                             "calls", "records", "tweet", "tweets", "message", "messages",
                             "statement", "statements", "signs", "figures", "estimates",
                             "analysis", "research", "article", "story", "letter", "video",
                             "memo", "ruling", "complaint", "lawsuit", "indictment",
                             "budget", "plan", "bill", "website", "post", "posts"))
# the first words of spans that are no noun phrase: a preposition or a verb ("From",
# "According to", "asked"); "by" opens a passive agent and is dropped instead
_NOT_A_PHRASE = frozenset(("from", "according", "asked", "at", "among", "in", "on", "to",
                           "for", "with", "of", "about", "as", "than", "after", "before"))
# institutions named by their common noun, like "the police"
_INSTITUTIONS = frozenset(("police",))
# cues of reporting relations: verbs of saying, writing, showing and believing (the
# beginnings of their forms), "according to", a speaker's colon; not "ask" (a question
# reports nothing)
REPORTING_CUE = re.compile(
    r"^:$|\b(?:sa(?:y|id)|tell|told|writ|wrote|report|announc|claim|argu|contend|insist|assert"
    r"|maintain|stat(?:e|ed|es|ing|ement)\b|declar|note|add(?:s|ed|ing)?\b|explain|warn"
    r"|caution|predict|forecast|estimat|suggest|indicat|show|found\b|find|conclud|reveal"
    r"|confirm|acknowledg|admit|conced|den(?:y|ie)|accus|charg|alleg|complain|critici"
    r"|call|describ|quot|cit(?:e|ed|es|ing)\b|according|tweet|question|wonder|urg"
    r"|recommend|believ|think|thought|feel|felt|fear|worr|doubt|suspect|expect|hope|know"
    r"|knew|se(?:e|es|en|eing)\b|saw\b|view|consider|regard|agree|speculat|point|stress|emphasi|assum"
    r"|presum|reckon|understand|understood|convinced|skeptic|sceptic|adamant|rumou?r"
    r"|chant|shout|yell|remark|comment|respond|repl|testif|inform|advis|brief|proclaim"
    r"|signal|hint|impl(?:y|ie)|decr(?:y|ie)|prais|blam|dismiss|recall|recount|insinuat"
    r"|calculat|concern|made\s+clear)",
    re.IGNORECASE,
)
_THOSE_OK = frozenset(("close", "familiar", "involved", "who", "with", "in", "at", "who've"))


@dataclass
class VagueRecall:
    """Counts of the vague-source measure over a set of articles."""

    vague: int = 0
    vague_found: int = 0
    named: int = 0
    named_flagged: int = 0
    # every gold relation, reporting or not (the measure before REPORTING_CUE)
    vague_all: int = 0
    vague_all_found: int = 0
    named_all: int = 0
    named_all_flagged: int = 0

    @property
    def recall(self) -> float:
        return self.vague_found / self.vague if self.vague else 0.0

    @property
    def false_rate(self) -> float:
        return self.named_flagged / self.named if self.named else 0.0

    @property
    def recall_all(self) -> float:
        return self.vague_all_found / self.vague_all if self.vague_all else 0.0

    @property
    def false_rate_all(self) -> float:
        return self.named_all_flagged / self.named_all if self.named_all else 0.0


def case_counts(texts: Iterable[str]) -> Counter[str]:
    """Counts of each word form not at a sentence start (``"x"`` vs ``"X"``): the evidence
    that a capitalised first word is a common word."""
    c: Counter[str] = Counter()
    for t in texts:
        prev = "."
        for m in _WORD.finditer(t):
            # a closing bracket or quote after a sentence's end: the next sentence starts
            before = t[max(0, m.start() - 4) : m.start()].strip().rstrip(")]\"”’'")
            if before and before[-1] not in ".!?\"“”'‘’:(—–-" and prev != ".":
                c[m.group()] += 1
            prev = m.group()
    return c


def _title_case(line: str) -> bool:
    """Whether a line is written in title case (a headline: "Critics Charge Plan Was
    Rushed"), where a capital says nothing about a name: over half its words capitalised."""
    words = _WORD.findall(line)
    return len(words) > 2 and sum(w[:1].isupper() for w in words) * 2 > len(words)


def gold_kind(span: str, counts: Counter[str], inside: bool = False,
              own: Counter[str] | None = None) -> str:
    """``vague``, ``named`` or ``other`` for a gold source span (rule in the module doc;
    ``inside``: the span starts inside a sentence, not at its start; ``own``: the case
    counts of the span's own article, but for its title-case lines, where a first word
    written capitalised inside a sentence is a name: "Day said" after "Judge Ana Day",
    "State" after "the State Department")."""
    words = _WORD.findall(span)
    if words and words[0].lower() == "by" and len(words) > 1:
        words, inside = words[1:], True  # "seen by some as": the passive agent
    if not words or any(c.isdigit() for c in span):
        return "other"
    lows = [w.lower() for w in words]
    first_base = re.split(r"['’]", lows[0])[0]  # "we’ve" -> "we"
    if len(words) == 1 and lows[0] in _RELATIVES:
        return "other"
    if len(words) == 1 and (lows[0] in PRONOUNS or first_base in PRONOUNS):
        return "named"
    if any(w in _POSSESSIVES or w.endswith(("'s", "’s", "s'", "s’")) for w in lows) \
            or lows[0] in PRONOUNS or first_base in PRONOUNS or any(w in _SHARES for w in lows):
        return "other"  # "his aides", "Sanders' aides"; poll shares ("half", "most voters")
    if (len(words) == 1 and len(words[0]) == 1) or lows[0] in _NOT_A_PHRASE \
            or (len(lows) == 1 and lows[0] in _INSTITUTIONS):
        return "other"  # "A" of a Q&A, "From", "According to"; "police" (the force)
    head = _head(words)
    first = words[0]
    proper_first = first[:1].isupper() and (inside or counts[first.lower()] <= counts[first]
                                            or (own is not None and own[first] > 0))
    if head[:1].isupper() and (head is not first or proper_first):
        if lows[0] in _QUANTIFIERS and head.endswith("s"):
            return "vague"  # "some Democrats", "many Germans": unnamed members of a group
        if lows[0] in ("a", "an", "another") and head.lower() in _MEMBERS:
            return "vague"  # "a Nevada Democrat"
        return "named"  # "Hillary Clinton", "the Pentagon", "Obama"
    if any(w[:1].isupper() for w in words[1:]) or proper_first \
            or lows[-1] in _DOCUMENT_HEADS or _head(lows) in _DOCUMENT_HEADS:
        return "other"  # "Florida election officials": unnamed people of a named group
    if lows[0] in _DEFINITE and not (lows[0] == "those" and len(lows) > 1
                                     and lows[1] in _THOSE_OK):
        return "other"
    return "vague"


def reporting(cue: str) -> bool:
    """Whether a gold cue introduces something said, written, shown or believed
    (:data:`REPORTING_CUE`)."""
    return bool(REPORTING_CUE.search(cue.strip()))


def _head(words: list[str]) -> str:
    """The last word before a postmodifier ("officials | at the ministry")."""
    for i, w in enumerate(words):
        if i and w.lower() in _POSTMOD_START:
            return words[i - 1]
    return words[-1]


def _overlaps(a: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in pieces)


def count_article(text: str, gold_sources: list[tuple[tuple[int, int], ...]],
                  found: list[Extracted], counts: Counter[str], acc: VagueRecall,
                  misses: list[str] | None = None,
                  sentences: Sequence[tuple[int, int]] | None = None,
                  quotes: Sequence[tuple[int, int]] = (),
                  cues: Sequence[str] | None = None,
                  false_hits: list[str] | None = None) -> None:
    """Add one article's vague-source counts to ``acc`` (``misses``: reporting gold spans
    not found, each as "span<TAB>cue<TAB>sentence").

    With ``sentences`` (the article's sentence spans) and ``quotes`` (the quotations
    ``extract`` returned), a gold source is found by any ATT001 finding over it
    (``findings.vague_findings``); without them, by a relation's vague source only.
    ``cues``: each gold relation's cue text (a relation counts as reporting when its cue
    is, :func:`reporting`; without ``cues``, every relation does). ``false_hits``: filled
    like ``misses`` with the named sources of reporting relations flagged."""
    lex = get_lexicon()
    flagged = _flagged(text, found, lex, sentences, quotes)
    starts = sorted(a for a, _ in sentences or ())
    own = case_counts(line for line in text.splitlines() if not _title_case(line))
    for i, pieces in enumerate(gold_sources):
        if not pieces:
            continue
        span = " ".join(text[a:b] for a, b in pieces)
        kind = gold_kind(span, counts, _inside(text, pieces[0][0], starts), own)
        hit = any(_overlaps(f, pieces) for f in flagged)
        counted = cues is None or reporting(cues[i])
        if kind == "vague":
            acc.vague_all += 1
            acc.vague_all_found += hit
            if counted:
                acc.vague += 1
                acc.vague_found += hit
                if not hit and misses is not None:
                    misses.append("\t".join((span, cues[i] if cues is not None else "",
                                              _sentence_of(text, pieces[0][0], starts))))
        elif kind == "named":
            acc.named_all += 1
            acc.named_all_flagged += hit
            if counted:
                acc.named += 1
                acc.named_flagged += hit
                if hit and false_hits is not None:
                    false_hits.append("\t".join((span, cues[i] if cues is not None else "",
                                                  _sentence_of(text, pieces[0][0], starts))))


def _flagged(text: str, found: list[Extracted], lex: Lexicon,
             sentences: Sequence[tuple[int, int]] | None,
             quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans ATT001 flags in ``text`` (see :func:`count_article`)."""
    if sentences is not None:
        body = [(a, b, k) for k, (a, b) in enumerate(sentences)]
        return [(f.start, f.end) for f in vague_findings(text, body, found, list(quotes), lex)]
    out = [r.source for r in found
           if r.source is not None and r.informational and vague_source(r, lex, text)]
    out += [r.citing for r in found if r.citing is not None
            and classify(r.citing_text, lex)[0] == ANONYMOUS]
    return out


def _sentence_of(text: str, at: int, starts: Sequence[int]) -> str:
    """The text of the sentence holding offset ``at`` (``starts``: the sentence starts,
    sorted; without them, its line), on one line: the context of a listed miss."""
    i = bisect.bisect_right(starts, at) - 1
    begin = starts[i] if i >= 0 else text.rfind("\n", 0, at) + 1
    end = starts[i + 1] if 0 <= i < len(starts) - 1 else text.find("\n", at)
    return " ".join(text[begin:end if end >= 0 else len(text)].split())


def _inside(text: str, at: int, starts: Sequence[int]) -> bool:
    """Whether offset ``at`` lies inside a sentence, after a word of it (``starts``: the
    sentence starts, sorted; without them, after a word on the same line that ends no
    sentence)."""
    i = bisect.bisect_right(starts, at) - 1
    line_start = text.rfind("\n", 0, at) + 1
    begin = max(starts[i] if i >= 0 else 0, line_start)
    before = text[begin:at].strip(" \t\"“”‘’'(—–-")
    return bool(before) and before[-1] not in ".!?:"


def measure(split: str, misses: list[str] | None = None, limit: int = 0,
            false_hits: list[str] | None = None) -> VagueRecall:
    """The vague-source counts of a PolNeAR split (``misses``: filled with the reporting
    vague gold sources not flagged, each with its cue and sentence; ``false_hits``: the
    named ones flagged, likewise)."""
    from checker.text.loader import document_from_text
    from evaluation.polnear import load_split
    from rules.attribution.extraction import extract

    articles = load_split(split)[: limit or None]
    counts = case_counts(a.text for a in articles)
    acc = VagueRecall()
    for art in articles:
        doc = document_from_text(art.text, path=f"{art.name}.txt", fmt="text")
        sents = [(s.start, s.end) for s in doc.sentences]
        found, quotes = extract(art.text, sents)
        missed: list[str] | None = [] if misses is not None else None
        wrong: list[str] | None = [] if false_hits is not None else None
        count_article(art.text, [g.source for g in art.attributions], found, counts, acc,
                      missed, sentences=sents, quotes=quotes,
                      cues=[" ".join(art.text[a:b] for a, b in g.cue)
                            for g in art.attributions], false_hits=wrong)
        if misses is not None and missed:
            misses.extend(f"{art.name}\t{m}" for m in missed)
        if false_hits is not None and wrong:
            false_hits.extend(f"{art.name}\tNAMED\t{m}" for m in wrong)
    return acc


def main(argv: list[str] | None = None) -> int:
    """Print the vague-source recall of a PolNeAR split (``--misses``: and, on ``train``
    only, the gold sources missed)."""
    import argparse
    import sys

    from evaluation.polnear import available

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--misses", action="store_true",
                    help="list the vague gold sources not flagged (train only)")
    ap.add_argument("--false-hits", action="store_true",
                    help="list the named gold sources flagged (train only)")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if not available():
        print("PolNeAR not found under ../shared/data/attribution/polnear; nothing to measure",
              file=sys.stderr)
        return 2
    if (args.misses or args.false_hits) and args.split != "train":
        print("--misses and --false-hits list train errors only (dev is for reporting)",
              file=sys.stderr)
        return 2
    misses: list[str] | None = [] if args.misses else None
    false_hits: list[str] | None = [] if args.false_hits else None
    acc = measure(args.split, misses, args.limit, false_hits)
    print(f"PolNeAR {args.split}: vague gold sources of reporting relations flagged by "
          f"ATT001 {acc.recall:.3f} of {acc.vague}; named flagged {acc.false_rate:.4f} of "
          f"{acc.named}")
    print(f"  every relation (actions and wishes too): {acc.recall_all:.3f} of "
          f"{acc.vague_all}; named flagged {acc.false_rate_all:.4f} of {acc.named_all}")
    for m in (misses or []) + (false_hits or []):
        print(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
