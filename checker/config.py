"""Configuration: ``[tool.checker]`` in ``pyproject.toml`` (or ``.checker.toml``).

Example::

    [tool.checker]
    disable = ["hedging"]                 # rule names or ids
    enable = ["approximator"]             # rules that are off by default
    severity = { unsourced-claim = "error" }
    claim_threshold = 0.5
    claim_model = "models/our-claims.json"

    [tool.checker.lexicon.hedging]         # extra cues per category
    epistemic = ["conceivably"]

Unknown keys are an error that names the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from rules.base import SEVERITIES, Rule


class ConfigError(ValueError):
    """A configuration file or value is invalid (exit code 2)."""


@dataclass
class Config:
    disable: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    claim_threshold: float = 0.5
    claim_model: str = ""
    # extra lexicon entries per family and category, e.g. {"hedging": {"epistemic": [...]}}
    lexicon: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # categories to remove, e.g. {"hedging": ["approximator"]}
    remove: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    hedge_categories: list[str] = field(default_factory=list)  # empty = defaults
    footnote_scope: str = "auto"  # auto | sentence
    ratings: list[str] = field(default_factory=list)
    allowed_sources: list[str] = field(default_factory=list)
    fail_under: float | None = None
    fail_on: str | None = None
    max_unsourced: int | None = None
    source_file: str = ""  # where this config came from (for messages)

    def _matches(self, rule: Rule, keys: list[str]) -> bool:
        lowered = {k.lower() for k in keys}
        return bool(lowered & {rule.name.lower(), rule.id.lower(), rule.family.lower(), "all"})

    def rule_enabled(self, rule: Rule) -> bool:
        if self._matches(rule, self.disable) and not (
            rule.name in self.enable or rule.id in self.enable
        ):
            return False
        if not rule.enabled:
            return self._matches(rule, self.enable)
        return True

    def severity_for(self, rule: Rule) -> str:
        for key in (rule.name, rule.id, rule.family):
            if key in self.severity:
                return self.severity[key]
        return rule.severity

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str = "") -> Config:
        known = {f.name for f in fields(cls)} - {"source_file"}
        where = f" in {source}" if source else ""
        for key in data:
            if key not in known:
                raise ConfigError(f"unknown configuration key {key!r}{where}")
        cfg = cls(**{k: v for k, v in data.items()}, source_file=source)
        for name, sev in cfg.severity.items():
            if sev not in SEVERITIES:
                raise ConfigError(
                    f"severity for {name!r} must be one of {', '.join(SEVERITIES)}{where}"
                )
        if not 0.0 <= float(cfg.claim_threshold) <= 1.0:
            raise ConfigError(f"claim_threshold must be between 0 and 1{where}")
        return cfg


def load_config(path: str | Path) -> Config:
    """Read ``[tool.checker]`` from a pyproject.toml, or a whole ``.checker.toml``."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read configuration: {exc}") from exc
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("checker", {})
    elif "tool" in data and "checker" in data["tool"]:
        data = data["tool"]["checker"]
    return Config.from_mapping(data, source=str(p))


def find_config(start: str | Path) -> Config:
    """Walk up from ``start`` to the first ``.checker.toml`` or pyproject with [tool.checker]."""
    p = Path(start).resolve()
    for d in [p, *p.parents] if p.is_dir() else [p.parent, *p.parent.parents]:
        cand = d / ".checker.toml"
        if cand.is_file():
            return load_config(cand)
        cand = d / "pyproject.toml"
        if cand.is_file():
            try:
                data = tomllib.loads(cand.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{cand}: cannot read configuration: {exc}") from exc
            if "checker" in data.get("tool", {}):
                return Config.from_mapping(data["tool"]["checker"], source=str(cand))
    return Config()
