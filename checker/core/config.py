"""Configuration: ``[tool.checker]`` in ``pyproject.toml``, or a ``.checker.toml``.

``config_file_for`` walks up from the checked files to the first ``.checker.toml``
(whole file, or its ``[tool.checker]`` table) or ``pyproject.toml`` with a
``[tool.checker]`` table. Example::

    [tool.checker]
    disable = ["hedging"]                 # rule names, ids or families; "all"
    enable = ["approximator"]             # rules that are off by default
    severity = { unsourced-claim = "error" }
    claim_threshold = 0.5                 # keys owned by a rule family (here: claims)
    exclude = ["drafts/old/*"]            # globs, relative to this file's folder
    fail_under = 70                       # thresholds for ``checker check``
    fail_on = "error"
    max_unsourced = 3
    time_budget = 60                      # seconds per document (0: none)
    cache_max_mb = 2048                   # result cache size, least recently used out

    [tool.checker.lexicon.hedging]         # extra cues per family and category
    epistemic = ["conceivably"]

    [[tool.checker.overrides]]             # per-path settings, later tables win
    paths = ["opinion/*.md"]
    disable = ["hedging"]
    fail_under = 50

This module knows the keys every run has (rules on and off, severities, lexicon
extensions, paths, CI thresholds). A rule family owns its own keys: it declares
each as a :class:`Setting` (default and check) on its ``Family``, and
``checker.settings`` hands those to :meth:`Config.from_mapping`, so a family's
key is validated by the family. Unknown keys, and values of the wrong type, are a
:class:`ConfigError` that names the key and the file. See docs/configuration.md.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NamedTuple

from checker.core.budget import DEFAULT_MEMORY_BUDGET, DEFAULT_TIME_BUDGET
from checker.core.rule import SEVERITIES, Rule

DEFAULT_CACHE_MAX_MB = 2048.0  # the result cache's size limit (checker.resultcache)


class ConfigError(ValueError):
    """A configuration file or value is invalid (exit code 2)."""


class Setting(NamedTuple):
    """A ``[tool.checker]`` key owned by a rule family: its default and how to check a value.

    ``check(value, name)`` returns the value to store (normalised) or raises
    :class:`ConfigError` naming ``name`` and what is wrong. A setting that
    ``accumulates`` is a list that ``[[overrides]]`` tables extend rather than replace.
    """

    key: str
    default: Any
    check: Callable[[Any, str], Any]
    summary: str = ""
    overridable: bool = True  # may appear in [[overrides]] tables
    accumulates: bool = False


class Override(NamedTuple):
    """Settings that apply to files matching one of ``paths`` (globs)."""

    paths: tuple[str, ...]
    settings: dict[str, Any]


@dataclass
class Config:
    """The ``[tool.checker]`` settings of a run: rules on and off, severities, lexicon
    extensions, excluded paths, CI thresholds and each family's own keys."""

    disable: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    # extra lexicon entries per family and category, e.g. {"hedging": {"epistemic": [...]}}
    lexicon: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # cues or whole categories to remove, e.g. {"hedging": {"approximator": "*"}}
    remove: dict[str, Any] = field(default_factory=dict)
    fail_under: float | None = None
    fail_on: str | None = None
    max_unsourced: int | None = None
    exclude: list[str] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    # seconds one document's analysis may take, and MB of memory per worker process (0: none)
    time_budget: float = DEFAULT_TIME_BUDGET
    memory_budget: float = DEFAULT_MEMORY_BUDGET
    # MB the result cache may take (least recently used entries go first; 0: no limit);
    # not part of the repr, which the cache keys hash: the limit changes no result
    cache_max_mb: float = field(default=DEFAULT_CACHE_MAX_MB, repr=False, compare=False)
    # keys owned by rule families (validated by their Setting); read with ``get``
    settings: dict[str, Any] = field(default_factory=dict)
    # the families' Setting objects by key, as given to from_mapping (for merging overrides)
    owned: Mapping[str, Setting] = field(default_factory=dict, compare=False, repr=False)
    source_file: str = ""  # where this config came from (for messages)
    root: str = ""  # folder that globs are relative to ("" = current directory)

    def get(self, setting: Setting) -> Any:
        """The configured value of a family's setting, or its default."""
        return self.settings.get(setting.key, setting.default)

    def lexicon_for(self, family: str) -> dict[str, list[str]]:
        """The extra lexicon entries configured for one family (``[tool.checker.lexicon.X]``)."""
        return dict(self.lexicon.get(family) or {})

    def resolve_path(self, path: str) -> Path:
        """A configured path, relative to the configuration file's folder (``~`` expanded)."""
        p = Path(path).expanduser()
        if not p.is_absolute() and self.source_file:
            p = Path(self.source_file).resolve().parent / p
        return p

    def with_settings(self, **values: Any) -> Config:
        """A copy with family settings set (already-checked values, e.g. from the CLI)."""
        return replace(self, settings={**self.settings, **values})

    def _matches(self, rule: Rule, keys: list[str]) -> bool:
        lowered = {k.lower() for k in keys}
        return bool(lowered & (rule.keys | {"all"}))

    def rule_enabled(self, rule: Rule) -> bool:
        if not self.disable:  # the usual case, asked for every finding: nothing to match
            return rule.enabled or self._matches(rule, self.enable)
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
        disable, enable = _rule_lists(self, settings)
        changes: dict[str, Any] = {"disable": disable, "enable": enable}
        for key, value in settings.items():
            if key in ("disable", "enable"):
                continue
            if key == "severity":
                changes[key] = {**self.severity, **value}
            elif key in ("lexicon", "remove"):
                changes[key] = _merge_tables(getattr(self, key), value)
            elif key == "exclude":
                changes[key] = _union(self.exclude, value)
            elif key == "settings":
                changes[key] = _merge_owned(self.settings, value, self.owned)
            else:
                changes[key] = value
        return replace(self, **changes)

    # ------------------------------------------------------------------ parsing

    @classmethod
    def from_mapping(
        cls,
        data: dict[str, Any],
        source: str = "",
        root: str = "",
        owned: Mapping[str, Setting] | None = None,
    ) -> Config:
        """A Config from a ``[tool.checker]`` table; ``owned`` are the families' keys."""
        where = f" in {source}" if source else ""
        owned = owned or {}
        settings = _validate(data, where, owned, top=True)
        overrides = [
            _override(i, table, where, owned) for i, table in enumerate(data.get("overrides") or [])
        ]
        settings.pop("overrides", None)
        return cls(**settings, overrides=overrides, owned=owned, source_file=source, root=root)


def _rule_lists(cfg: Config, settings: dict[str, Any]) -> tuple[list[str], list[str]]:
    """``disable`` and ``enable`` after an override: a later table's word wins."""
    disable, enable = list(cfg.disable), list(cfg.enable)
    if "disable" in settings:
        new = list(settings["disable"])
        disable += new
        enable = [e for e in enable if e not in new]
    if "enable" in settings:
        new = list(settings["enable"])
        enable += new
        disable = [d for d in disable if d not in new]
    return disable, enable


def _union(old: list[Any], new: list[Any]) -> list[Any]:
    return old + [v for v in new if v not in old]


def _merge_tables(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``lexicon``/``remove`` tables: per family and category, lists extend."""
    base = {fam: dict(cats) if isinstance(cats, dict) else cats for fam, cats in old.items()}
    for fam, cats in new.items():
        if isinstance(cats, dict) and isinstance(base.get(fam), dict):
            merged = dict(base[fam])
            for cat, cues in cats.items():
                prev = merged.get(cat)
                if isinstance(prev, list) and isinstance(cues, list):
                    merged[cat] = _union(prev, cues)
                else:
                    merged[cat] = cues
            base[fam] = merged
        else:
            base[fam] = cats
    return base


def _merge_owned(
    old: dict[str, Any], new: dict[str, Any], owned: Mapping[str, Setting]
) -> dict[str, Any]:
    """Family settings after an override: accumulating lists extend, the rest replace."""
    out = dict(old)
    for key, value in new.items():
        setting = owned.get(key)
        if setting is not None and setting.accumulates:
            out[key] = _union(old.get(key, setting.default), value)
        else:
            out[key] = value
    return out


def _override(i: int, table: Any, where: str, owned: Mapping[str, Setting]) -> Override:
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
    return Override(tuple(paths), _validate(rest, where, owned, top=False, prefix=f"{ctx}."))


# ------------------------------------------------------------------- validation

_CORE_KEYS = {f.name for f in fields(Config)} - {"source_file", "root", "settings", "owned"}
_STR_LISTS = ("disable", "enable", "exclude")
_NOT_IN_OVERRIDES = ("exclude", "overrides", "cache_max_mb")


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def str_list(value: Any, name: str) -> list[str]:
    """Check for a list of strings (a lone string counts as a list of one)."""
    if isinstance(value, str):
        value = [value]
    if not _is_str_list(value):
        raise ConfigError(f"{name!r} must be a list of strings")
    return list(value)


def fraction(value: Any, name: str) -> float:
    """Check for a number between 0 and 1."""
    if not _is_number(value) or not 0.0 <= float(value) <= 1.0:
        raise ConfigError(f"{name!r} must be a number between 0 and 1")
    return float(value)


def path_string(value: Any, name: str) -> str:
    """Check for a path given as a string."""
    if not isinstance(value, str):
        raise ConfigError(f"{name!r} must be a path (string)")
    return value


@dataclass(frozen=True)
class _OneOf:
    """A check that accepts one of ``choices`` (a class, not a closure: configurations
    are pickled to the worker processes of ``checker audit --jobs N``)."""

    choices: tuple[str, ...]

    def __call__(self, value: Any, name: str) -> str:
        if value not in self.choices:
            raise ConfigError(f"{name!r} must be one of {', '.join(self.choices)}")
        return str(value)


def one_of(*choices: str) -> Callable[[Any, str], str]:
    """A check that accepts one of ``choices``."""
    return _OneOf(tuple(choices))


def _check_severity(value: Any, name: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{name!r} must be a table of rule = severity")
    for rule, sev in value.items():
        if sev not in SEVERITIES:
            raise ConfigError(
                f"severity for {rule!r} ({name}) must be one of {', '.join(SEVERITIES)}"
            )
    return value


def _check_lexicon(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(
        isinstance(cats, dict) and all(_is_str_list(c) for c in cats.values())
        for cats in value.values()
    ):
        raise ConfigError(f"{name!r} must be tables of family.category = [entries]")
    return value


def _check_remove(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(
        _is_str_list(cats)
        or (isinstance(cats, dict) and all(_is_str_list(c) or c == "*" for c in cats.values()))
        for cats in value.values()
    ):
        raise ConfigError(
            f"{name!r} must map a family to categories (list) or to "
            f'category = [cues] or "*"'
        )
    return value


def _check_fail_under(value: Any, name: str) -> float:
    if not _is_number(value) or not 0.0 <= float(value) <= 100.0:
        raise ConfigError(f"{name!r} must be a score between 0 and 100")
    return float(value)


def _check_count(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{name!r} must be a whole number >= 0")
    return value


def _check_budget(value: Any, name: str) -> float:
    if not _is_number(value) or not 0.0 <= float(value) <= 1e6:
        raise ConfigError(f"{name!r} must be a number >= 0 (0 means no limit)")
    return float(value)


_CORE_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "disable": str_list,
    "enable": str_list,
    "exclude": str_list,
    "severity": _check_severity,
    "lexicon": _check_lexicon,
    "remove": _check_remove,
    "fail_under": _check_fail_under,
    "fail_on": one_of(*SEVERITIES),
    "max_unsourced": _check_count,
    "time_budget": _check_budget,
    "memory_budget": _check_budget,
    "cache_max_mb": _check_budget,
}


def _validate(
    data: dict[str, Any],
    where: str,
    owned: Mapping[str, Setting],
    top: bool,
    prefix: str = "",
) -> dict[str, Any]:
    """Check keys and values; return the keyword arguments for ``Config``."""
    out: dict[str, Any] = {}
    family_values: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        core = key in _CORE_KEYS and (top or key not in _NOT_IN_OVERRIDES)
        setting = owned.get(key)
        if setting is not None and not (top or setting.overridable):
            setting = None
        if not core and setting is None:
            raise ConfigError(f"unknown configuration key {name!r}{where}")
        if key == "overrides":
            if not isinstance(value, list):
                raise ConfigError(f"{name!r} must be an array of tables{where}")
            continue
        check = _CORE_CHECKS[key] if core else setting.check  # type: ignore[union-attr]
        try:
            checked = check(value, name)
        except ConfigError as exc:
            raise ConfigError(f"{exc}{where}") from None
        if core:
            out[key] = checked
        else:
            family_values[key] = checked
    if family_values:
        out["settings"] = family_values
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


def _table(data: dict[str, Any], is_pyproject: bool, path: Path | None = None
           ) -> dict[str, Any] | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and "checker" in tool:
        table = tool["checker"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: 'tool.checker' must be a table ([tool.checker])")
        return table
    return None if is_pyproject else data


MAX_CONFIG_BYTES = 4 * 1024 * 1024


def parse_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data; any problem is a one-line :class:`ConfigError` naming the file.

    TOML is UTF-8 by definition: another encoding is refused with the line of the first
    byte that is not UTF-8. Numbers too long to convert and nesting too deep for the
    parser are refused too, as is a file that is not a regular file or is too large."""
    def fail(reason: str) -> ConfigError:
        return ConfigError(f"{path}: cannot read configuration: {reason}")

    try:
        if not path.is_file():
            raise fail("no such file" if not path.exists() else "not a regular file")
        with path.open("rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise fail(str(exc.strerror or exc)) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise fail(f"larger than {MAX_CONFIG_BYTES // (1024 * 1024)} MB")
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark that some editors add is dropped
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise fail(f"not UTF-8 (byte {raw[exc.start]:#04x} on line {line}); TOML files "
                   "must be saved as UTF-8") from None
    import tomllib  # only where a configuration file exists: a draft check often has none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise fail(str(exc)) from None
    except RecursionError:
        raise fail("arrays or tables nested too deeply") from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        reason = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise fail(reason) from None


def read_table(path: str | Path) -> dict[str, Any]:
    """The ``[tool.checker]`` table of a pyproject.toml, or a whole ``.checker.toml``."""
    p = Path(path)
    return _table(parse_toml(p), p.name == "pyproject.toml", p) or {}


def config_file_for(start: str | Path) -> Path | None:
    """The configuration file that applies to ``start`` (a file or folder), if any."""
    p = Path(start).resolve()
    for d in [p, *p.parents] if p.is_dir() else [p.parent, *p.parent.parents]:
        cand = d / ".checker.toml"
        if cand.is_file():
            return cand
        cand = d / "pyproject.toml"
        if cand.is_file() and _table(parse_toml(cand), True, cand) is not None:
            return cand
    return None
