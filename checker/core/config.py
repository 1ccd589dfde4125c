"""Configuration: ``[tool.checker]`` in ``pyproject.toml``, or a ``.checker.toml``.

``find_config`` walks up from the checked files to the first ``.checker.toml`` (whole
file, or its ``[tool.checker]`` table) or ``pyproject.toml`` with a ``[tool.checker]``
table. Example::

    [tool.checker]
    disable = ["hedging"]                 # rule names, ids or families; "all"
    enable = ["approximator"]             # rules that are off by default
    severity = { unsourced-claim = "error" }
    claim_threshold = 0.5
    claim_model = "models/our-claims.json"
    allowed_sources = ["reuters.com", "Office for National Statistics"]
    exclude = ["drafts/old/*"]            # globs, relative to this file's folder
    fail_under = 70                       # thresholds for ``checker check``
    fail_on = "error"
    max_unsourced = 3

    [tool.checker.lexicon.hedging]         # extra cues per family and category
    epistemic = ["conceivably"]

    [[tool.checker.overrides]]             # per-path settings, later tables win
    paths = ["opinion/*.md"]
    disable = ["hedging"]
    fail_under = 50

Unknown keys, and values of the wrong type, are an error that names the key.
See docs/configuration.md.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from checker.core.rule import SEVERITIES, Rule


class ConfigError(ValueError):
    """A configuration file or value is invalid (exit code 2)."""


FOOTNOTE_SCOPES = ("auto", "sentence")


@dataclass(frozen=True)
class Setting:
    """A ``[tool.checker]`` key owned by a rule family: its default and how to check a value.

    ``check(value, name)`` returns the value to store (normalised) or raises
    :class:`ConfigError` naming ``name`` and what is wrong.
    """

    key: str
    default: Any
    check: Callable[[Any, str], Any]
    summary: str = ""
    overridable: bool = True  # may appear in [[overrides]] tables


@dataclass(frozen=True)
class Override:
    """Settings that apply to files matching one of ``paths`` (globs)."""

    paths: tuple[str, ...]
    settings: dict[str, Any]


@dataclass
class Config:
    disable: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    claim_threshold: float = 0.5
    claim_model: str = ""
    # extra lexicon entries per family and category, e.g. {"hedging": {"epistemic": [...]}}
    lexicon: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # cues or whole categories to remove, e.g. {"hedging": {"approximator": "*"}}
    remove: dict[str, Any] = field(default_factory=dict)
    hedge_categories: list[str] = field(default_factory=list)  # empty = defaults
    footnote_scope: str = "auto"  # auto | sentence
    ratings: list[str] = field(default_factory=list)
    allowed_sources: list[str] = field(default_factory=list)
    fail_under: float | None = None
    fail_on: str | None = None
    max_unsourced: int | None = None
    exclude: list[str] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    source_file: str = ""  # where this config came from (for messages)
    root: str = ""  # folder that globs are relative to ("" = current directory)

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

    # ----------------------------------------------------------------- per path

    def relative(self, path: str | Path) -> str:
        """``path`` relative to the configuration's folder (posix), for glob matching."""
        base = Path(self.root or os.getcwd()).resolve()
        p = Path(path).resolve()
        try:
            return p.relative_to(base).as_posix()
        except ValueError:
            return Path(os.path.relpath(p, base)).as_posix()

    def is_excluded(self, path: str | Path) -> bool:
        return bool(self.exclude) and _glob_match(self.relative(path), self.exclude)

    def for_path(self, path: str | Path) -> Config:
        """This configuration with every matching ``[[overrides]]`` table applied in order."""
        if not self.overrides:
            return self
        rel = self.relative(path)
        cfg = self
        for ov in self.overrides:
            if _glob_match(rel, ov.paths):
                cfg = cfg.merged(ov.settings)
        return cfg

    def merged(self, settings: dict[str, Any]) -> Config:
        """A copy with ``settings`` layered on top: lists of rules and tables merge."""
        changes: dict[str, Any] = {}
        disable, enable = list(self.disable), list(self.enable)
        if "disable" in settings:
            new = list(settings["disable"])
            disable += new
            enable = [e for e in enable if e not in new]
        if "enable" in settings:
            new = list(settings["enable"])
            enable += new
            disable = [d for d in disable if d not in new]
        changes["disable"], changes["enable"] = disable, enable
        for key, value in settings.items():
            if key in ("disable", "enable"):
                continue
            if key == "severity":
                changes[key] = {**self.severity, **value}
            elif key in ("lexicon", "remove"):
                base = {fam: dict(cats) if isinstance(cats, dict) else cats
                        for fam, cats in getattr(self, key).items()}  # fmt: skip
                for fam, cats in value.items():
                    if isinstance(cats, dict) and isinstance(base.get(fam), dict):
                        merged = dict(base[fam])
                        for cat, cues in cats.items():
                            old = merged.get(cat)
                            if isinstance(old, list) and isinstance(cues, list):
                                merged[cat] = old + [c for c in cues if c not in old]
                            else:
                                merged[cat] = cues
                        base[fam] = merged
                    else:
                        base[fam] = cats
                changes[key] = base
            elif key in ("allowed_sources", "exclude"):
                old = getattr(self, key)
                changes[key] = old + [v for v in value if v not in old]
            else:
                changes[key] = value
        return replace(self, **changes)

    # ------------------------------------------------------------------ parsing

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str = "", root: str = "") -> Config:
        where = f" in {source}" if source else ""
        settings = _validate(data, where, top=True)
        overrides = []
        for i, table in enumerate(data.get("overrides", []) or []):
            ctx = f"overrides[{i}]"
            if not isinstance(table, dict):
                raise ConfigError(f"{ctx} must be a table{where}")
            if "paths" not in table:
                raise ConfigError(f"{ctx} needs a 'paths' list of globs{where}")
            paths = table["paths"]
            if isinstance(paths, str):
                paths = [paths]
            if not _is_str_list(paths) or not paths:
                raise ConfigError(f"{ctx}.paths must be a non-empty list of globs{where}")
            rest = {k: v for k, v in table.items() if k != "paths"}
            ov = _validate(rest, where, top=False, prefix=f"{ctx}.")
            overrides.append(Override(tuple(paths), ov))
        settings.pop("overrides", None)
        return cls(**settings, overrides=overrides, source_file=source, root=root)


# ------------------------------------------------------------------- validation

_STR_LISTS = ("disable", "enable", "hedge_categories", "ratings", "allowed_sources", "exclude")
_NOT_IN_OVERRIDES = ("exclude", "overrides")


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _validate(data: dict[str, Any], where: str, top: bool, prefix: str = "") -> dict[str, Any]:
    """Check keys and value types; return the settings to pass to ``Config``."""
    known = {f.name for f in fields(Config)} - {"source_file", "root"}
    if not top:
        known -= set(_NOT_IN_OVERRIDES)
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key not in known:
            raise ConfigError(f"unknown configuration key {name!r}{where}")
        if key == "overrides":
            if not isinstance(value, list):
                raise ConfigError(f"{name!r} must be an array of tables{where}")
            continue
        if key in _STR_LISTS:
            if isinstance(value, str):
                value = [value]
            if not _is_str_list(value):
                raise ConfigError(f"{name!r} must be a list of strings{where}")
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{name!r} must be a table of rule = severity{where}")
            for rule, sev in value.items():
                if sev not in SEVERITIES:
                    raise ConfigError(
                        f"severity for {rule!r} ({name}) must be one of "
                        f"{', '.join(SEVERITIES)}{where}"
                    )
        elif key == "claim_threshold":
            if not _is_number(value) or not 0.0 <= float(value) <= 1.0:
                raise ConfigError(f"{name!r} must be a number between 0 and 1{where}")
            value = float(value)
        elif key == "claim_model":
            if not isinstance(value, str):
                raise ConfigError(f"{name!r} must be a path (string){where}")
        elif key == "lexicon":
            if not isinstance(value, dict) or not all(
                isinstance(cats, dict) and all(_is_str_list(c) for c in cats.values())
                for cats in value.values()
            ):
                raise ConfigError(f"{name!r} must be tables of family.category = [entries]{where}")
        elif key == "remove":
            if not isinstance(value, dict) or not all(
                _is_str_list(cats)
                or (
                    isinstance(cats, dict)
                    and all(_is_str_list(c) or c == "*" for c in cats.values())
                )
                for cats in value.values()
            ):
                raise ConfigError(
                    f"{name!r} must map a family to categories (list) or to "
                    f'category = [cues] or "*"{where}'
                )
        elif key == "footnote_scope":
            if value not in FOOTNOTE_SCOPES:
                raise ConfigError(f"{name!r} must be one of {', '.join(FOOTNOTE_SCOPES)}{where}")
        elif key == "fail_under":
            if not _is_number(value) or not 0.0 <= float(value) <= 100.0:
                raise ConfigError(f"{name!r} must be a score between 0 and 100{where}")
            value = float(value)
        elif key == "fail_on":
            if value not in SEVERITIES:
                raise ConfigError(f"{name!r} must be one of {', '.join(SEVERITIES)}{where}")
        elif key == "max_unsourced":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{name!r} must be a whole number >= 0{where}")
        out[key] = value
    return out


def _glob_match(rel: str, patterns: Any) -> bool:
    """fnmatch on the relative path (``*`` crosses folders) or on the file name."""
    name = rel.rsplit("/", 1)[-1]
    for pat in patterns:
        pat = pat.removeprefix("./")
        if fnmatch.fnmatch(rel, pat) or ("/" not in pat and fnmatch.fnmatch(name, pat)):
            return True
        if pat.endswith("/") and rel.startswith(pat):
            return True
        if pat.endswith("/**") and rel.startswith(pat[:-2]):
            return True
    return False


def check_rule_names(config: Config, names: set[str]) -> None:
    """Raise ``ConfigError`` for a rule name in disable/enable/severity that does not exist.

    ``names`` holds every valid key (rule names, ids, families, in lower case).
    """
    where = f" in {config.source_file}" if config.source_file else ""
    tables: list[tuple[str, dict[str, Any]]] = [
        ("", {"disable": config.disable, "enable": config.enable, "severity": config.severity})
    ]
    tables += [(f"overrides[{i}].", ov.settings) for i, ov in enumerate(config.overrides)]
    for prefix, settings in tables:
        for key in ("disable", "enable", "severity"):
            for rule in settings.get(key, []) or []:
                if rule.lower() not in names and rule.lower() != "all":
                    raise ConfigError(
                        f"unknown rule {rule!r} in {prefix}{key}{where}; see 'checker rules'"
                    )


# --------------------------------------------------------------------- loading


def _table(data: dict[str, Any], is_pyproject: bool) -> dict[str, Any] | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and "checker" in tool:
        table = tool["checker"]
        return table if isinstance(table, dict) else {}
    return None if is_pyproject else data


def load_config(path: str | Path) -> Config:
    """Read ``[tool.checker]`` from a pyproject.toml, or a whole ``.checker.toml``."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read configuration: {exc}") from exc
    table = _table(data, p.name == "pyproject.toml") or {}
    return Config.from_mapping(table, source=str(p), root=str(p.resolve().parent))


def config_file_for(start: str | Path) -> Path | None:
    """The configuration file that applies to ``start`` (a file or folder), if any."""
    p = Path(start).resolve()
    for d in [p, *p.parents] if p.is_dir() else [p.parent, *p.parent.parents]:
        cand = d / ".checker.toml"
        if cand.is_file():
            return cand
        cand = d / "pyproject.toml"
        if cand.is_file():
            try:
                data = tomllib.loads(cand.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{cand}: cannot read configuration: {exc}") from exc
            if _table(data, True) is not None:
                return cand
    return None


def find_config(start: str | Path) -> Config:
    """Walk up from ``start`` to the first ``.checker.toml`` or pyproject with [tool.checker]."""
    found = config_file_for(start)
    return load_config(found) if found else Config()
