"""Loading configuration with every rule family's own settings.

``checker.core.config`` parses the keys every run has; each rule family declares
the keys it owns as :class:`~checker.core.config.Setting` objects on its
``Family``. This module puts the two together, so that an unknown key, or a bad
value for a family's key, is reported by name when the file is read: the audit
and the CI check load configuration through here, so both refuse the same files:
unknown rule names (in ``disable``, ``enable``, ``severity``), lexicon tables for a
family or list that does not exist, removals of unknown hedge categories, and files
the families find unusable (a claim model, a ratings file).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

import rules
from checker.core.config import (
    Config,
    ConfigError,
    Setting,
    check_rule_names,
    config_file_for,
    read_table,
)

__all__ = ["check_names", "config_from_mapping", "find_config", "load_config",
           "owned_settings", "rule_keys"]


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
    check_names(config)
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


# ----------------------------------------------------------- names in tables


def _hedging_lists() -> Collection[str]:
    from rules.hedging.lexicon import CATEGORIES

    return CATEGORIES


def _attribution_lists() -> Collection[str]:
    from rules.attribution.lexicon import base_lexicon_data

    return sorted(k for k, v in base_lexicon_data().items() if isinstance(v, list))


def _footnotes_lists() -> Collection[str]:
    from checker.core.datafiles import packaged_data

    data = packaged_data("rules.footnotes", "lexicon.json", "checker-footnotes-lexicon")
    keys = {k for k, v in data.items() if isinstance(v, list) and not k.startswith("_")}
    return sorted(keys | {"outlets", "multi_part_suffixes"})


# What ``[tool.checker.lexicon.<family>]`` may extend, per family (the lists each family
# reads with ``Config.lexicon_for``); None: any key (credibility's keys are domains).
LEXICON_LISTS: dict[str, Callable[[], Collection[str]] | None] = {
    "attribution": _attribution_lists,
    "credibility": None,
    "footnotes": _footnotes_lists,
    "hedging": _hedging_lists,
}
REMOVABLE = {"hedging": _hedging_lists}  # what [tool.checker.remove.<family>] may name


def _tables(config: Config, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name for messages, table) of ``key`` at the top level and in each override."""
    yield key, getattr(config, key)
    for i, ov in enumerate(config.overrides):
        if key in ov.settings:
            yield f"overrides[{i}].{key}", ov.settings[key]


def _check_lists(name: str, family: str, keys: Collection[str], known: Collection[str],
                 what: str, where: str) -> None:
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise ConfigError(
            f"{name}.{family} names unknown {what} {', '.join(map(repr, unknown))}{where};"
            f" choose from {', '.join(known)}"
        )


def check_names(config: Config) -> None:
    """Refuse names that no rule, family or lexicon list answers to (``ConfigError``
    naming the key and the file): what ``checker check`` and ``checker audit`` both run."""
    check_rule_names(config, rule_keys())
    where = f" in {config.source_file}" if config.source_file else ""
    for name, table in _tables(config, "lexicon"):
        for family, lists in table.items():
            if family not in LEXICON_LISTS:
                raise ConfigError(
                    f"{name}.{family}{where}: no such family with a lexicon to extend;"
                    f" choose from {', '.join(LEXICON_LISTS)}"
                )
            known = LEXICON_LISTS[family]
            if known is not None:
                what = "category" if family == "hedging" else "list"
                _check_lists(name, family, lists, known(), what, where)
            if family == "hedging":
                _check_hedge_cues(name, lists, where)
    for name, table in _tables(config, "remove"):
        for family, cats in table.items():
            if family not in REMOVABLE:
                raise ConfigError(f"{name}.{family}{where}: only cues of"
                                  f" {', '.join(REMOVABLE)} can be removed")
            _check_lists(name, family, cats, REMOVABLE[family](), "category", where)


def _check_hedge_cues(name: str, lists: dict[str, list[str]], where: str) -> None:
    """No configured hedge cue is empty (the hedging family could not compile it)."""
    for cat, phrases in lists.items():
        if any(not phrase.split() for phrase in phrases):
            raise ConfigError(f"{name}.hedging.{cat}{where}: an empty cue phrase")
