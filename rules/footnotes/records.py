"""Records the parse steps pass along and ``parse_footnotes`` returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.core.analysis import Footnotes
from checker.core.rule import Rule


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding produced by the pure parser (rule, span, message)."""

    rule: Rule
    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class LinkRef:
    """A hyperlink found in the text or given by the loader."""

    start: int  # anchor text
    end: int
    url: str
    kind: str = "inline"  # inline | reference | definition | loader
    label: str = ""  # reference label for "[text][label]"


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """An unnumbered entry of a source list ("Source: Reuters")."""

    text: str
    start: int
    end: int
    url: str = ""
    domain: str = ""


@dataclass
class Candidate:
    """A marker the marker readers found, before evidence filtering and placement."""

    number: str
    start: int
    end: int
    anchor: int  # last character of the cited text (for sentence assignment)
    strong: bool
    convention: str


@dataclass
class FootnoteParse:
    """What ``parse_footnotes`` read and found in one document.

    ``footnotes`` is the record the pipeline keeps (markers with their scope, definitions,
    dangling and unused numbers); the rest is what the pipeline step and the checks need
    besides: the issues to report, the links, unnumbered source entries, the spans of the
    reference sections and how each number was written."""

    footnotes: Footnotes = field(default_factory=Footnotes)
    issues: list[Issue] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    unnumbered: list[SourceEntry] = field(default_factory=list)
    reference_spans: list[tuple[int, int]] = field(default_factory=list)
    conventions: dict[str, str] = field(default_factory=dict)  # marker number -> convention
    definition_conventions: dict[str, str] = field(default_factory=dict)
    cites_with_notes: bool = False
