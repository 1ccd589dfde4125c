"""Inline suppressions (family ``suppress``): comments that switch rules off for part of an article.

The same syntax works in Markdown, HTML and plain text (an HTML comment is
invisible when Markdown or HTML is rendered)::

    <!-- checker: disable=hedging -->            rules off from here ...
    <!-- checker: enable=hedging -->             ... to here (or to the end of the file)
    <!-- checker: disable-next-line=unsourced-claim -->
    <!-- checker: disable -->                    every rule (also ``disable=all``)

Rules are named by name (``unsourced-claim``), id (``CLM001``) or family
(``hedging``), comma-separated. ``disable-next-line`` covers the next non-blank
line: a finding is suppressed when its text touches that line. A directive that
suppresses nothing, an ``enable`` that closes no ``disable``, and a directive that
names an unknown rule are reported as ``unused-suppression`` (SUP001), like
ruff's unused ``noqa``.

This family runs last, over the findings of all the others: it puts them in text
order (the order every report shows), drops the suppressed ones, and then reports
unused directives. Directives are read from the file's source (for HTML,
``Document.source``: the loader drops comments from ``Document.text``), and their
positions are 1-based (line, column) in that file.

Modules: ``directives.py`` parses directives and says what each one covers.
"""

from __future__ import annotations

import bisect

from checker.core.analysis import Analysis, Family
from checker.core.document import Document
from checker.core.rule import Finding, Rule
from rules.suppress.directives import (
    VERBS,
    Directive,
    covers,
    parse_directives,
    rule_keys,
)

UNUSED_SUPPRESSION = Rule(
    id="SUP001",
    name="unused-suppression",
    family="suppress",
    severity="warning",
    summary="An inline 'checker: disable' comment that suppresses nothing or names no rule.",
    rationale=(
        "A suppression that no longer matches a finding hides the next real problem "
        "on that line, and one that names a misspelt rule silences nothing while "
        "looking as if it does. Remove it, or fix the rule name."
    ),
    bad="<!-- checker: disable-next-line=unsourced-claim -->\nDid the council meet on Tuesday?",
    good="Did the council meet on Tuesday?",
)


def source_for(doc: Document) -> str:
    """The text directives are parsed from: the HTML source, or ``doc.text`` itself."""
    return doc.source if doc.format == "html" else doc.text


def run(analysis: Analysis) -> None:
    """Order the findings, drop the suppressed ones, report unused directives.

    A suppressed finding of a rule that is ``sourced_when_suppressed`` (unsourced-claim)
    also marks its sentence as sourced ("(suppressed)"), so the score and the
    unsourced-claim count agree with the findings; the number suppressed is the
    ``suppressed`` metric.
    """
    analysis.findings.sort(key=lambda f: (f.start, f.code))
    directives = parse_directives(source_for(analysis.doc))
    if not directives:
        return
    analysis.metrics["suppressed"] = _apply(analysis, directives)
    if analysis.rule_enabled(UNUSED_SUPPRESSION):
        _report_unused(analysis, directives)


def _apply(analysis: Analysis, directives: list[Directive]) -> int:
    """Drop the findings that a directive covers; count uses per directive."""
    doc = analysis.doc
    kept: list[Finding] = []
    suppressed = 0
    for f in analysis.findings:
        rule = analysis.rules.get(f.rule)
        if rule is None:
            kept.append(f)
            continue
        start = doc.line_col(f.start)
        end_line = doc.line_col(max(f.start, f.end - 1))[0]
        hit = [d for d in directives if covers(d, rule, start, end_line)]
        if not hit:
            kept.append(f)
            continue
        suppressed += 1
        for d in hit:
            d.used += 1
        if rule.sourced_when_suppressed and f.sentence is not None:
            analysis.attributed[f.sentence] = True
            analysis.sentence_source[f.sentence] = "(suppressed)"
    analysis.findings[:] = kept
    return suppressed


def _unused_message(d: Directive, known: set[str]) -> str | None:
    """Why directive ``d`` is reported as unused, or None when it did its job."""
    unknown = [r for r in d.rules if r not in known]
    if d.verb not in VERBS:
        return f"Unknown directive 'checker: {d.verb}'; use {', '.join(VERBS)}."
    if unknown:
        return (
            f"Suppression names unknown rule {', '.join(unknown)}; "
            "see 'checker rules' for names and ids."
        )
    if d.verb == "enable":
        if d.closes:
            return None
        return f"'checker: enable={','.join(d.rules)}' closes no earlier disable."
    if d.used:
        return None
    if d.verb == "disable-next-line" and not d.target_line:
        return "'disable-next-line' at the end of the file covers no line."
    return f"Unused suppression: no {', '.join(d.rules)} finding here to suppress."


def _report_unused(analysis: Analysis, directives: list[Directive]) -> None:
    """One SUP001 finding per directive that names no rule, closes nothing or went unused."""
    doc = analysis.doc
    known = {"all"}.union(*(rule_keys(r) for r in analysis.rules.values()))
    for d in directives:
        msg = _unused_message(d, known)
        if msg is None:
            continue
        off = _text_offset(doc, d.offset)
        end = off + (len(d.text) if doc.format != "html" else 0)
        analysis.report(
            UNUSED_SUPPRESSION, off, end, msg, position=(d.line, d.column), excerpt=d.text
        )


def _text_offset(doc: Document, src_offset: int) -> int:
    """A ``Document.text`` offset for a directive (nearest text for a dropped HTML comment)."""
    if doc.format != "html":
        return src_offset  # parsed from doc.text itself
    pairs = sorted((s, t) for t, s in doc.source_offsets)
    i = bisect.bisect_right([s for s, _ in pairs], src_offset) - 1
    return min(pairs[i][1], len(doc.text)) if i >= 0 else 0


FAMILY = Family(
    name="suppress",
    rules=(UNUSED_SUPPRESSION,),
    run=run,
    reads=frozenset({"findings", "attributed", "sentence_source"}),
    writes=frozenset({"findings", "attributed", "sentence_source", "metrics"}),
)
