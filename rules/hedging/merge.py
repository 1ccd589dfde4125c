"""One finding per phrase: an author's hedge that an attribution finding already reports.

"Reportedly", "it is thought that", "critics argue", "sources close to the minister said"
are at once a vague attribution (the attribution family's finding) and a hedge. Reporting
both would show two findings for one phrase and take points off twice. The hedging family
runs after attribution, so it folds such a hedge into the attribution finding that covers
the same words: that finding's message gains the hedge aspect, no hedging finding is made,
and the cue is recorded with ``reported_with`` set (it is not counted again in the hedging
density). When the attribution rule is disabled there is nothing to fold into, and the
hedge is reported as usual.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from checker.core.analysis import Analysis
from rules.hedging.cues import Cue
from rules.hedging.lexicon import EPISTEMIC, REPORTATIVE, WEASEL

ATTRIBUTION_FAMILY = "attribution"  # the family whose findings a hedge folds into

_ASPECT = {
    EPISTEMIC: "it also hedges the claim ({cue!r})",
    REPORTATIVE: "it also marks the claim as second-hand ({cue!r})",
    WEASEL: "it also credits the view to unnamed people ({cue!r})",
}


def hedge_aspect(category: str, cue: str) -> str:
    """The words a merged finding's message gains for a hedge of ``category``."""
    return _ASPECT.get(category, "it is also a hedge ({cue!r})").format(cue=cue)


@dataclass
class PhraseMerger:
    """The attribution findings of one article that a hedge cue can fold into."""

    analysis: Analysis
    candidates: dict[int, list[int]]  # per sentence: indexes into ``analysis.findings``
    merged: set[int] = dataclasses.field(default_factory=set)  # those that gained an aspect
    # per sentence: ``_by_start``
    _sorted: dict[int, tuple[list[int], list[int], int]] = dataclasses.field(
        default_factory=dict)

    @classmethod
    def of(cls, analysis: Analysis) -> PhraseMerger:
        rules = analysis.rules
        found: dict[int, list[int]] = {}
        for i, f in enumerate(analysis.findings):
            rule = rules.get(f.rule)
            if rule is not None and rule.family == ATTRIBUTION_FAMILY and f.sentence is not None:
                found.setdefault(f.sentence, []).append(i)
        return cls(analysis, found)

    def merge(self, cue: Cue, sentence: int) -> str:
        """Fold ``cue`` (in sentence ``sentence``) into the attribution finding over the same
        words, if there is one: return that finding's rule name (``""`` when there is none)."""
        findings = self.analysis.findings
        starts, order, longest = self._by_start(sentence)
        # only findings starting after ``cue.start - longest`` can reach into the cue
        near = order[bisect.bisect_left(starts, cue.start - longest + 1):
                     bisect.bisect_left(starts, cue.end)]
        overlap = {
            i: min(f.end, cue.end) - max(f.start, cue.start)
            for i in near
            if (f := findings[i]).start < cue.end and cue.start < f.end
        }
        if not overlap:
            return ""
        i = max(overlap, key=lambda k: (overlap[k], -k))  # the one sharing the most words
        f = findings[i]
        if i not in self.merged:  # one aspect per finding is enough
            self.merged.add(i)
            msg = f"{f.message.rstrip('. ')}; {hedge_aspect(cue.category, cue.text)}."
            findings[i] = dataclasses.replace(f, message=msg)
        return f.rule

    def _by_start(self, sentence: int) -> tuple[list[int], list[int], int]:
        """(starts, indexes) of the sentence's candidate findings in order of their start,
        and the longest one's length: a cue looks only at those that can overlap it (a
        run-on sentence of many findings and cues stays linear)."""
        found = self._sorted.get(sentence)
        if found is None:
            findings = self.analysis.findings
            order = sorted(self.candidates.get(sentence, ()), key=lambda i: findings[i].start)
            starts = [findings[i].start for i in order]
            longest = max((findings[i].end - findings[i].start for i in order), default=0)
            found = self._sorted[sentence] = (starts, order, max(longest, 0))
        return found
