"""Inline suppression directives: ``<!-- checker: disable=... -->`` comments, parsed.

``parse_directives(source)`` finds every directive with its 1-based position and
resolves what it covers (the ``enable`` that closes a ``disable``, the line a
``disable-next-line`` points at); ``covers`` says whether a directive suppresses a
finding of a rule at a position. The family in ``rules/suppress/__init__.py``
applies them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from checker.core.regexlit import lazy_compile
from checker.core.rule import Rule

VERBS = ("disable", "enable", "disable-next-line")
# Directives that set something for the article rather than suppress: read by their family
# (``<!-- checker: genre=opinion -->``, rules/genre), not suppressions, never "unused".
SETTING_VERBS = ("genre",)
DIRECTIVE = lazy_compile(  # most texts have no directive: compiled on first use
    r"<!--\s*checker\s*:\s*(?P<verb>[A-Za-z][\w-]*)\s*(?:=\s*(?P<rules>[^>]*?))?\s*-->"
)
_LINE_BREAK = lazy_compile(r"\r\n|\r|\n")


@dataclass
class Directive:
    """One ``<!-- checker: ... -->`` comment: what it asks, for which rules, where it is,
    and what it covered."""

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
        if m.group("verb").lower() in SETTING_VERBS:
            continue
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


def rule_keys(rule: Rule) -> set[str]:
    """The names a directive may use for ``rule``: name, id, family, ``all`` (lower case)."""
    return set(rule.keys | {"all"})


def covers(d: Directive, rule: Rule, start: tuple[int, int], end_line: int) -> bool:
    """Does directive ``d`` suppress a finding of ``rule`` from ``start`` to ``end_line``?"""
    if not set(d.rules) & rule_keys(rule):
        return False
    if d.verb == "disable":
        if start < (d.line, d.column):
            return False
        return d.end is None or start < d.end
    if d.verb == "disable-next-line":
        return bool(d.target_line) and start[0] <= d.target_line <= end_line
    return False
