"""Loading configuration with every rule family's own settings.

``checker.core.config`` parses the keys every run has; each rule family declares
the keys it owns as :class:`~checker.core.config.Setting` objects on its
``Family``. This module puts the two together, so that an unknown key, or a bad
value for a family's key, is reported by name when the file is read: the audit
and the CI check load configuration through here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rules
from checker.core.config import Config, Setting, config_file_for, read_table

__all__ = ["config_from_mapping", "find_config", "load_config", "owned_settings", "rule_keys"]


def owned_settings() -> dict[str, Setting]:
    """Every family's settings by key (a key is owned by one family only)."""
    owned: dict[str, Setting] = {}
    for family in rules.FAMILIES:
        for setting in family.settings:
            if setting.key in owned:
                raise ValueError(f"setting {setting.key!r} is declared by two families")
            owned[setting.key] = setting
    return owned


def config_from_mapping(data: dict[str, Any], source: str = "", root: str = "") -> Config:
    """A Config from a ``[tool.checker]`` table, checking every family's keys."""
    return Config.from_mapping(data, source=source, root=root, owned=owned_settings())


def load_config(path: str | Path) -> Config:
    """Read ``[tool.checker]`` from a pyproject.toml, or a whole ``.checker.toml``; every family
    checks the settings it owns (values, and files they name)."""
    p = Path(path)
    config = config_from_mapping(read_table(p), source=str(p), root=str(p.resolve().parent))
    for family in rules.FAMILIES:
        if family.validate is not None:
            family.validate(config)
    return config


def find_config(start: str | Path) -> Config:
    """Walk up from ``start`` to the first ``.checker.toml`` or pyproject with [tool.checker]."""
    found = config_file_for(start)
    return load_config(found) if found else Config(owned=owned_settings())


def rule_keys() -> set[str]:
    """Every name a configuration may use for rules: names, ids, families (lower case)."""
    return set().union(*(rule.keys for rule in rules.all_rules()))
