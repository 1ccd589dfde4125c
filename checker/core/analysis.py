"""The per-article analysis record that rule families fill in, and its annotation types.

A *rule family* is a package in ``rules/`` that exports a :class:`Family`: its
rules, its ``run(analysis)``, the fields of :class:`Analysis` it reads and writes,
and the settings it owns. The pipeline calls the families in the order of
``rules.FAMILIES``; each one reads what earlier families recorded on the
:class:`Analysis` and appends its own annotations and findings.
``Analysis.report`` is the only way to emit a finding, so configuration (rules
on/off, severities) and inline suppressions apply uniformly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.core.document import Document, Sentence, Span
from checker.core.rule import Finding, Rule

if TYPE_CHECKING:
    from checker.core.config import Config, Setting

# Source kinds used everywhere (sources.csv, attribution, credibility).
PERSON = "person"
ORGANISATION = "organisation"
OUTLET = "outlet"
DOCUMENT = "document"
ANONYMOUS = "anonymous"
SOURCE_KINDS = (PERSON, ORGANISATION, OUTLET, DOCUMENT, ANONYMOUS)


@dataclass(frozen=True, slots=True)
class SourceMention:
    """Someone or something the article cites."""

    name: str  # resolved name ("Mustafa Habib", "Reuters", "sources")
    kind: str  # one of SOURCE_KINDS
    start: int  # span of the mention in the text (-1 when implicit)
    end: int
    sentence: int | None
    cue: str = ""  # "said", "according to", "told", "footnote", "link"...
    role: str = ""  # title/role when given ("Iraqi analyst", "coalition spokesman")
    footnote: int | None = None
    url: str = ""
    domain: str = ""
    # filled by the credibility family (rules/credibility/)
    rating: float | None = None  # 0 (worst) .. 1 (best)
    rating_source: str = ""  # which rating set the rating came from
    rating_label: str = ""  # e.g. "high", "low", "deprecated", "unrated"
    percentile: float | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A PolNeAR-style attribution relation: source, cue, content."""

    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    source_name: str = ""
    source_kind: str = ""
    role: str = ""
    direct: bool = False  # content is a direct quotation


@dataclass(frozen=True, slots=True)
class HedgeCue:
    """A hedge or booster word found in a sentence, with its category and, inside quoted or
    attributed content, whose it is."""

    start: int
    end: int
    text: str
    category: str  # epistemic | reportative | weasel | approximator | booster
    sentence: int | None
    speaker: str = ""  # non-empty when the cue is inside attributed content
    flagged: bool = True  # False when recorded but not the author's hedge
    # the rule whose finding reports this cue too (one finding per phrase: a hedge that is
    # also a vague attribution is reported once, by that rule, and not counted again)
    reported_with: str = ""


@dataclass(frozen=True, slots=True)
class FootnoteMarker:
    """A footnote marker in the text ("[1]", "¹", "[^note]") and the text it covers."""

    number: str  # "1", "note"...
    start: int
    end: int
    sentence: int | None
    scope: Span | None = None  # text the marker covers (sentence, bullet, paragraph)


@dataclass(frozen=True, slots=True)
class FootnoteDefinition:
    """A note or source-list entry: its label, text, place and the link it gives."""

    number: str
    text: str
    start: int
    end: int
    url: str = ""
    domain: str = ""


@dataclass
class Footnotes:
    """An article's footnote markers and definitions, and which of them do not pair up."""

    markers: list[FootnoteMarker] = field(default_factory=list)
    definitions: dict[str, FootnoteDefinition] = field(default_factory=dict)
    dangling: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (the ``footnotes`` entry of articles.jsonl)."""
        return {
            "markers": [
                {
                    "number": m.number,
                    "start": m.start,
                    "end": m.end,
                    "sentence": m.sentence,
                    "scope": None
                    if m.scope is None
                    else {"start": m.scope.start, "end": m.scope.end},
                }
                for m in self.markers
            ],
            "definitions": {
                k: {
                    "text": d.text,
                    "url": d.url,
                    "domain": d.domain,
                    "start": d.start,
                    "end": d.end,
                }
                for k, d in self.definitions.items()
            },
            "dangling": list(self.dangling),
            "unused": list(self.unused),
        }


@dataclass
class Analysis:
    """Mutable record of one article's analysis, filled in by rule families.

    Per-sentence lists are indexed by ``Sentence.index`` and created by the
    pipeline before the first family runs.
    """

    doc: Document
    config: Config
    rules: Mapping[str, Rule] = field(default_factory=dict)  # every rule of the run, by name
    findings: list[Finding] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[SourceMention] = field(default_factory=list)
    hedges: list[HedgeCue] = field(default_factory=list)
    footnotes: Footnotes = field(default_factory=Footnotes)
    quotes: list[Span] = field(default_factory=list)  # direct quotation spans
    # outlets that only carried a named speaker's words ("Ana Ruiz told the Herald"): no
    # source of their own, so no later family records them as one
    carriers: list[Span] = field(default_factory=list)
    # per sentence
    attributed: list[bool] = field(default_factory=list)
    sentence_source: list[str] = field(default_factory=list)
    sentence_footnotes: list[list[str]] = field(default_factory=list)
    is_claim: list[bool] = field(default_factory=list)
    claim_prob: list[float | None] = field(default_factory=list)
    # why a sentence scored as check-worthy is or is not an unsourced claim ("unsourced",
    # "sourced: <how>", "not a claim: <why>"; "" below the threshold or outside the body)
    claim_status: list[str] = field(default_factory=list)
    # the sentence's one uncertainty judgement: the learned probability and the verdict that
    # combines it with the author's hedge cues (written by the hedging family)
    uncertainty: list[float | None] = field(default_factory=list)
    hedged: list[bool] = field(default_factory=list)
    # per article: what kind of text it is (news, analysis, opinion, press-release,
    # research, reference) and how sure the genre family is (0-1)
    genre: str = ""
    genre_confidence: float | None = None
    # per article: figures a family adds to the article's metrics (summary.csv columns)
    metrics: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.doc.sentences)
        if not self.attributed:
            self.attributed = [False] * n
            self.sentence_source = [""] * n
            self.sentence_footnotes = [[] for _ in range(n)]
            self.is_claim = [False] * n
            self.claim_prob = [None] * n
            self.claim_status = [""] * n
        if not self.hedged:
            self.uncertainty = [None] * n
            self.hedged = [False] * n

    def rule_enabled(self, rule: Rule) -> bool:
        return self.config.rule_enabled(rule)

    def report(
        self,
        rule: Rule,
        start: int,
        end: int,
        message: str,
        sentence: int | None = None,
        *,
        position: tuple[int, int] | None = None,
        excerpt: str | None = None,
    ) -> Finding | None:
        """Emit a finding for ``rule`` unless it is disabled (suppressions apply later).

        ``sentence`` defaults to the sentence at ``start``. A finding about the file's
        source rather than its text (``position`` = line and column there, ``excerpt`` =
        what it quotes) belongs to no sentence.
        """
        if not self.config.rule_enabled(rule):
            return None
        if sentence is None and position is None:
            s = self.doc.sentence_at(start)
            sentence = s.index if s else None
        finding = Finding(
            rule=rule.name,
            code=rule.id,
            severity=self.config.severity_for(rule),
            start=start,
            end=end,
            message=message,
            sentence=sentence,
            position=position,
            excerpt=excerpt,
        )
        self.findings.append(finding)
        return finding

    def body_sentences(self) -> Iterator[Sentence]:
        """Sentences in analysed regions (body text, not headings/boilerplate)."""
        return iter(self.doc.body_sentences)


@dataclass(frozen=True)
class Family:
    """A rule family: its rules, how to run it, and its contract with the other families.

    ``reads`` and ``writes`` name fields of :class:`Analysis` (``doc`` and ``config``
    are always there). The pipeline runs families in the order of ``rules.FAMILIES``,
    and a test checks that every field a family reads is written by an earlier one.
    ``settings`` are the ``[tool.checker]`` keys the family owns (validated by it).
    """

    name: str
    rules: tuple[Rule, ...]
    run: Callable[[Analysis], None]
    reads: frozenset[str] = frozenset()
    writes: frozenset[str] = frozenset()
    settings: tuple[Setting, ...] = ()
    # checks a loaded configuration beyond single values (e.g. that configured files are
    # usable); raises ConfigError naming the key and the file
    validate: Callable[[Config], None] | None = None
