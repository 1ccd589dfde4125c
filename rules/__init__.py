"""Rule families, one package each; see docs/architecture.md.

``FAMILIES`` lists them in the order the pipeline runs them: later families read
what earlier ones recorded (footnotes and attribution decide what is sourced,
hedging needs the quotations, claims need both, credibility rates the sources the
others found, and suppression reviews every finding last). Each family declares the
``Analysis`` fields it reads and writes; a test checks this order against them.

Every rule is listed here explicitly through its family: nothing registers itself
on import, so ``all_rules()`` is the same in every interpreter.
"""

from __future__ import annotations

from checker.core.analysis import Family
from checker.core.rule import Rule
from rules import attribution, claims, credibility, footnotes, genre, hedging, suppress

FAMILIES: tuple[Family, ...] = (
    genre.FAMILY,
    footnotes.FAMILY,
    attribution.FAMILY,
    hedging.FAMILY,
    claims.FAMILY,
    credibility.FAMILY,
    suppress.FAMILY,
)

RULES: dict[str, Rule] = {rule.name: rule for family in FAMILIES for rule in family.rules}


def all_rules() -> list[Rule]:
    """Every rule of every family, by id."""
    return sorted(RULES.values(), key=lambda r: r.id)


def get_rule(key: str) -> Rule:
    """A rule by name, or by id (case-insensitive); KeyError when there is none."""
    if key in RULES:
        return RULES[key]
    for rule in RULES.values():
        if rule.id.lower() == key.lower():
            return rule
    raise KeyError(key)


__all__ = ["FAMILIES", "RULES", "Rule", "all_rules", "get_rule"]
