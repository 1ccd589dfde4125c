"""Rule families, one module each; see docs/architecture.md.

``FAMILIES`` is the order in which the pipeline runs them: later families read
what earlier ones recorded (footnotes and attribution decide what is sourced,
hedging needs the quotations, claims need both).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from checker.core.rule import REGISTRY, Rule, get_rule, register

FAMILIES: tuple[str, ...] = (
    "footnotes", "attribution", "hedging", "claims", "credibility", "suppress"
)

_loaded: list[ModuleType] = []


def families() -> list[ModuleType]:
    """Import every family module (registering its rules) in pipeline order."""
    if not _loaded:
        _loaded.extend(importlib.import_module(f"rules.{name}") for name in FAMILIES)
        for module in _loaded:  # transitional: families that export FAMILY instead of registering
            family = getattr(module, "FAMILY", None)
            for rule in getattr(family, "rules", ()):
                register(rule)
    return _loaded


def all_rules() -> list[Rule]:
    families()
    return sorted(REGISTRY.values(), key=lambda r: r.id)


__all__ = ["FAMILIES", "REGISTRY", "Rule", "all_rules", "families", "get_rule", "register"]
