"""Rules and findings: the vocabulary every layer shares.

Every rule is a :class:`Rule`: a stable id (``CLM001``), a kebab-case name, its
family, a default severity, and documentation (summary, rationale, a bad and a
good example) from which ``checker explain`` and the README rule table are
generated: one source of truth, as in ruff.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

SEVERITIES = ("suggestion", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

class ExampleContext(NamedTuple):
    """What a rule's examples need, besides their own text, to run as shown.

    ``checker explain`` prints it and a test audits both examples with it: the bad one
    must be flagged by the rule, the good one not.
    """

    ratings: str = ""  # a ratings CSV (header ``domain,score,label``) the examples run with
    config: str = ""  # ``[tool.checker]`` settings (TOML) the examples run with

    def __bool__(self) -> bool:
        return bool(self.ratings or self.config)


@dataclass(frozen=True)
class Rule:
    """One rule: its stable id and name, family, default severity, documentation and the
    examples a test runs (``bad`` must be flagged, ``good`` must not)."""

    id: str  # stable code, e.g. "CLM001"; never reused
    name: str  # kebab-case, e.g. "unsourced-claim"
    family: str  # its family, e.g. "attribution" (package rules/attribution/)
    severity: str  # default: suggestion | warning | error
    summary: str  # one line: what it flags
    rationale: str  # why an editor should care
    bad: str  # an example that is flagged
    good: str  # the same made acceptable
    enabled: bool = True  # enabled by default?
    context: ExampleContext = ExampleContext()  # what the examples need to run
    # a suppressed finding of this rule vouches for its sentence: it then counts as sourced
    sourced_when_suppressed: bool = False

    @property
    def keys(self) -> frozenset[str]:
        """The names configuration and directives may use for it: name, id, family (lower)."""
        return frozenset((self.name.lower(), self.id.lower(), self.family.lower()))

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: unknown severity {self.severity!r}")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found: where it is (offsets into the document text), how severe,
    and the message shown to the writer."""

    rule: str  # rule name
    code: str  # rule id
    severity: str
    start: int
    end: int
    message: str
    sentence: int | None = None  # sentence index, if any
    # (line, column) in the source file, for a finding about text that is not in
    # ``Document.text`` (an HTML comment); None: computed from ``start``
    position: tuple[int, int] | None = None
    excerpt: str | None = None  # the text the finding quotes; None: ``text[start:end]``
