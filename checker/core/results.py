"""Result records of ``checker check`` (and ``checker baseline``), shared by every layer.

The CI check (:mod:`checker.check`) fills these records; the writers in
:mod:`reports` (text, JSON, GitHub annotations, SARIF, rdjson, JUnit) only read
them. Keeping them here, in the core, lets the reports layer render a check
without importing the application layer that runs it.

- :class:`Thresholds`: the bar one file is held to;
- :class:`Failure`: one reason a file fails the bar;
- :class:`CheckedFile`: one checked file, with its findings and failures;
- :class:`CheckResult`: the whole check, with its exit code and summary line;
- :data:`FILE_RULES`: the file-level failures described as rules (for SARIF,
  rdjson and JUnit).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from checker.core.rule import SEVERITIES

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
# An error of checker itself, not of any one input (sysexits EX_SOFTWARE); and a report
# or output file that cannot be written: disk full, permission denied (EX_IOERR).
EXIT_INTERNAL, EXIT_WRITE = 70, 74
DEFAULT_FAIL_ON = "error"
# The default score bar: a draft graded F (score below 60) fails unless ``fail_under``
# (or ``--fail-under``) says otherwise; ``fail_under = 0`` turns the score bar off.
DEFAULT_FAIL_UNDER = 60.0
# No verdict without text (checker.scorer decides, every output shows it): an article
# with fewer body words than this gets no score or grade, and the warning NO_TEXT.
MIN_BODY_WORDS = 5
NO_TEXT = "no article text"


class Thresholds(NamedTuple):
    """The bar a file is held to; ``None`` (or an empty ``fail_on``) means no such bar."""

    fail_under: float | None = DEFAULT_FAIL_UNDER
    fail_on: str | None = DEFAULT_FAIL_ON
    max_unsourced: int | None = None

    def describe(self) -> str:
        """The bar in words, e.g. "no error-level findings, score >= 60"."""
        parts = []
        if self.fail_on:
            parts.append(f"no {self.fail_on}-level findings")
        if self.fail_under:  # fail_under 0 cannot fail: no score bar
            parts.append(f"score >= {self.fail_under:g}")
        if self.max_unsourced is not None:
            parts.append(f"at most {self.max_unsourced} unsourced claims")
        return ", ".join(parts) or "none"


class Failure(NamedTuple):
    """Why a file fails the bar (file-level; findings carry their own lines)."""

    kind: str  # fail-on | fail-under | max-unsourced | no-text | error
    message: str


# File-level failures as rules, so that SARIF/rdjson/JUnit can show them like findings.
FILE_RULES: dict[str, dict[str, str]] = {
    "fail-under": {
        "id": "CHK001",
        "name": "score-below-bar",
        "summary": "The article's attribution score is below the configured fail_under.",
        "help": "Raise the score: source the flagged claims, name vague sources, fix footnotes. "
        "See the other findings in this file; 'checker audit' shows the score breakdown.",
    },
    "max-unsourced": {
        "id": "CHK002",
        "name": "too-many-unsourced-claims",
        "summary": "The article has more unsourced claims than the configured max_unsourced.",
        "help": "Attribute, link or footnote the claims flagged as unsourced-claim (CLM001).",
    },
    "no-text": {
        "id": "CHK004",
        "name": "no-article-text",
        "summary": "The file has no analysable body text, so it has no score and cannot pass.",
        "help": "Write the article's body (at least a sentence of five words or more), or "
        "exclude the file ([tool.checker] exclude, .gitignore). Headlines, page "
        "boilerplate, captions and reference lists are not body text.",
    },
    "error": {
        "id": "CHK003",
        "name": "unreadable-article",
        "summary": "The file could not be read as an article, so it was not checked.",
        "help": "Fix the encoding or file type; checker reads .txt, .md and .html files.",
    },
}


@dataclass
class CheckedFile:
    """One checked file: its score, the findings shown, the ones hidden, and its failures."""

    path: str  # as the user addressed it (for text output)
    uri: str  # relative to the git top-level folder, else the current folder (posix)
    thresholds: Thresholds = field(default_factory=Thresholds)
    format: str = ""
    score: float | None = None
    grade: str = ""
    unsourced: int | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)  # reported ones
    known: int = 0  # hidden because recorded in the baseline
    unchanged: int = 0  # hidden because not on a changed line
    suppressed: int = 0  # suppressed by inline comments
    failures: list[Failure] = field(default_factory=list)
    error: str = ""
    no_text: bool = False  # no analysable body text: no score, never a pass
    all_findings: list[dict[str, Any]] = field(default_factory=list)  # for baselines

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class CheckResult:
    """Every checked file of one ``checker check`` run."""

    files: list[CheckedFile]
    root: str  # folder that ``uri``s are relative to
    changed_since: str = ""
    baseline: str = ""

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.files)

    @property
    def exit_code(self) -> int:
        if any(f.error for f in self.files):
            return EXIT_USAGE
        return EXIT_OK if self.passed else EXIT_FAIL

    def findings(self) -> list[tuple[CheckedFile, dict[str, Any]]]:
        return [(cf, f) for cf in self.files for f in cf.findings]

    def summary(self) -> str:
        sev = Counter(f["severity"] for _, f in self.findings())
        n = sum(sev.values())
        parts = [f"{sev[s]} {s}{'s' if sev[s] != 1 else ''}" for s in reversed(SEVERITIES)]
        failed = [f for f in self.files if not f.passed]
        text = (
            f"{n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in "
            f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        )
        hidden = []
        known = sum(f.known for f in self.files)
        unchanged = sum(f.unchanged for f in self.files)
        suppressed = sum(f.suppressed for f in self.files)
        if known:
            hidden.append(f"{known} in the baseline")
        if unchanged:
            hidden.append(f"{unchanged} on unchanged lines")
        if suppressed:
            hidden.append(f"{suppressed} suppressed inline")
        if hidden:
            text += f"; not shown: {', '.join(hidden)}"
        if failed:
            text += f". {len(failed)} of {len(self.files)} below the bar"
        else:
            text += ". All files meet the bar"
        no_text = sum(f.no_text for f in self.files)
        if no_text:
            text += f"; {no_text} with no article text"
        return f"{text} ({self.bar()})."

    def bar(self) -> str:
        """The bar the files were held to, e.g. "bar: no error-level findings, score >= 60"."""
        bars = sorted({f.thresholds.describe() for f in self.files if not f.error})
        if not bars:
            return f"bar: {Thresholds().describe()}"
        if len(bars) == 1:
            return f"bar: {bars[0]}"
        return "bar varies by file: " + " | ".join(bars)
