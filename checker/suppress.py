"""Inline suppressions: HTML comments that switch rules off for part of an article.

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

Directives are read from the file's source (for HTML the loader drops comments
from ``Document.text``), and positions are 1-based (line, column) in that file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.core.analysis import Analysis
from checker.core.document import Document
from checker.core.rule import REGISTRY, Finding, Rule, register

UNUSED_SUPPRESSION = register(
    Rule(
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
        bad="<!-- checker: disable-next-line=unsourced-claim -->\nThe council met on Tuesday.",
        good="The council met on Tuesday.",
    )
)

VERBS = ("disable", "enable", "disable-next-line")
DIRECTIVE = re.compile(
    r"<!--\s*checker\s*:\s*(?P<verb>[A-Za-z][\w-]*)\s*(?:=\s*(?P<rules>[^>]*?))?\s*-->"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Directive:
    verb: str  # disable | enable | disable-next-line (or an unknown word, reported)
    rules: tuple[str, ...]  # lower-cased keys; ("all",) when none given
    line: int  # 1-based position of the comment in the source
    column: int
    offset: int  # offset of the comment in the source text it was parsed from
    text: str
    used: int = 0
    target_line: int = 0  # disable-next-line: the covered line
    end: tuple[int, int] | None = None  # disable: (line, column) of the closing enable
    closes: list[Directive] = field(default_factory=list)  # enable: the disables it ends


def parse_directives(source: str) -> list[Directive]:
    """Every ``<!-- checker: ... -->`` comment in ``source``, in order, with positions."""
    if "checker" not in source:
        return []
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(source)]
    out = []
    for m in DIRECTIVE.finditer(source):
        i = bisect.bisect_right(starts, m.start()) - 1
        names = tuple(n.strip().lower() for n in (m.group("rules") or "").split(",") if n.strip())
        out.append(
            Directive(
                verb=m.group("verb").lower(),
                rules=names or ("all",),
                line=i + 1,
                column=m.start() - starts[i] + 1,
                offset=m.start(),
                text=m.group(),
            )
        )
    _resolve(out, source, starts)
    return out


def _resolve(directives: list[Directive], source: str, starts: list[int]) -> None:
    """Pair disables with the enables that close them; find next-line targets."""
    lines = _LINE_BREAK.split(source)
    open_: list[Directive] = []
    for d in directives:
        if d.verb == "disable":
            open_.append(d)
        elif d.verb == "enable":
            for o in open_:
                if o.end is None and (
                    "all" in d.rules or "all" in o.rules or set(o.rules) & set(d.rules)
                ):
                    if "all" in o.rules and "all" not in d.rules:
                        continue  # "enable=x" does not end a blanket "disable"
                    o.end = (d.line, d.column)
                    d.closes.append(o)
        elif d.verb == "disable-next-line":
            j = d.line  # 0-based index of the following line
            while j < len(lines) and not lines[j].strip():
                j += 1
            d.target_line = j + 1 if j < len(lines) else 0


def _keys(rule: Rule) -> set[str]:
    return {rule.name.lower(), rule.id.lower(), rule.family.lower(), "all"}


def _known_keys() -> set[str]:
    keys = {"all"}
    for r in REGISTRY.values():
        keys |= _keys(r)
    return keys


def covers(d: Directive, rule: Rule, start: tuple[int, int], end_line: int) -> bool:
    """Does directive ``d`` suppress a finding of ``rule`` from ``start`` to ``end_line``?"""
    if not set(d.rules) & _keys(rule):
        return False
    if d.verb == "disable":
        if start < (d.line, d.column):
            return False
        return d.end is None or start < d.end
    if d.verb == "disable-next-line":
        return bool(d.target_line) and start[0] <= d.target_line <= end_line
    return False


def source_for(doc: Document) -> str:
    """The text directives are parsed from: ``doc.text``, or for HTML the file itself."""
    if doc.format != "html":
        return doc.text
    from checker.text.loader import decode_bytes

    try:
        return decode_bytes(Path(doc.path).read_bytes())[0]
    except (OSError, ValueError):
        return ""


def apply_suppressions(analysis: Analysis, source: str | None = None) -> None:
    """Drop suppressed findings from ``analysis``; record unused directives.

    Suppressed ``unsourced-claim`` findings also mark their sentence as sourced
    ("suppressed"), so the score and the unsourced-claim count agree with the
    findings. Unused directives become ``unused-suppression`` finding dicts in
    ``analysis.extra["suppression_findings"]`` (they may point at HTML comments,
    which have no offset in ``Document.text``); the count of suppressed findings
    is in ``analysis.extra["suppressed"]`` (and the ``suppressed`` metric).
    """
    doc = analysis.doc
    text = source if source is not None else source_for(doc)
    directives = parse_directives(text)
    if not directives:
        return
    kept: list[Finding] = []
    suppressed = 0
    for f in analysis.findings:
        rule = REGISTRY.get(f.rule)
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
        if f.rule == "unsourced-claim" and f.sentence is not None:
            analysis.attributed[f.sentence] = True
            analysis.sentence_source[f.sentence] = "(suppressed)"
    analysis.findings[:] = kept
    analysis.extra["suppressed"] = suppressed
    analysis.extra.setdefault("metrics", {})["suppressed"] = suppressed
    if not analysis.config.rule_enabled(UNUSED_SUPPRESSION):
        return
    severity = analysis.config.severity_for(UNUSED_SUPPRESSION)
    known = _known_keys()
    out: list[dict[str, Any]] = []
    for d in directives:
        unknown = [r for r in d.rules if r not in known]
        if d.verb not in VERBS:
            msg = f"Unknown directive 'checker: {d.verb}'; use {', '.join(VERBS)}."
        elif unknown:
            msg = (
                f"Suppression names unknown rule {', '.join(unknown)}; "
                "see 'checker rules' for names and ids."
            )
        elif d.verb == "enable":
            if d.closes:
                continue
            msg = f"'checker: enable={','.join(d.rules)}' closes no earlier disable."
        elif d.used:
            continue
        elif d.verb == "disable-next-line" and not d.target_line:
            msg = "'disable-next-line' at the end of the file covers no line."
        else:
            msg = f"Unused suppression: no {', '.join(d.rules)} finding here to suppress."
        off = _text_offset(doc, d.offset)
        out.append(
            {
                "rule": UNUSED_SUPPRESSION.name,
                "id": UNUSED_SUPPRESSION.id,
                "severity": severity,
                "line": d.line,
                "column": d.column,
                "start": off,
                "end": off + (len(d.text) if doc.format != "html" else 0),
                "text": d.text,
                "sentence": None,
                "message": msg,
            }
        )
    analysis.extra["suppression_findings"] = out


def _text_offset(doc: Document, src_offset: int) -> int:
    """A ``Document.text`` offset for a directive (nearest text for a dropped HTML comment)."""
    if doc.format != "html":
        return src_offset  # parsed from doc.text itself
    pairs = sorted((s, t) for t, s in doc.source_offsets)
    i = bisect.bisect_right([s for s, _ in pairs], src_offset) - 1
    return min(pairs[i][1], len(doc.text)) if i >= 0 else 0
