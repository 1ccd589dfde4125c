"""The files every page shares: ``assets/checker.css`` and ``assets/checker.js``.

Written once per report folder instead of being carried by each page. The script is
``templates/checker.js`` after one line naming the audit's rules
(``window.CHECKER_RULES``: id -> name, severity, summary), which article pages show in
their legend, and one holding the pages' deflate dictionary (``window.CHECKER_ZDICT``:
:data:`reports.html.packing.PAGE_DICT`). The stylesheet is
``templates/checker.css`` followed by the highlight classes of each rule (``r-<id>`` and
``bg-<id>``: its tint, and the swatch with its strong colour), for every rule the audit
knows; a page whose findings name a rule that is not in the list (a hand-edited
``articles.jsonl``) adds that rule's classes in its own ``<style>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.core.io import atomic_write_text, safe_path
from reports.html.packing import PAGE_DICT
from reports.html.style import css_class, rule_colours

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CSS = "assets/checker.css"
JS = "assets/checker.js"


@lru_cache(maxsize=4)
def _read(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def rule_css(rule_ids: Iterable[str]) -> str:
    """The highlight classes of these rules (tint as background, swatch with its colour)."""
    rules = sorted(set(rule_ids))
    # a highlight covered by one rule has its class r-<id> only; where several overlap,
    # bg-<id> names the one whose colour wins: the bg- classes come last, so they win
    tints = [(css_class(rid), *rule_colours(rid)) for rid in rules]
    out = [f".r-{cls}{{background-color:{tint}}}" for cls, tint, _ in tints]
    out += [f".bg-{cls}{{background-color:{tint}}}"
            f".sw.bg-{cls}{{background-color:{tint};box-shadow:inset 0 0 0 1.5px {strong}}}"
            for cls, tint, strong in tints]  # fmt: skip
    return "\n".join(out)


def stylesheet(rules: Iterable[Mapping[str, Any]]) -> str:
    """``assets/checker.css``: the shared style plus every known rule's classes."""
    ids = [str(r.get("id")) for r in rules if isinstance(r, Mapping) and r.get("id")]
    return _read("checker.css") + "\n/* rule highlights */\n" + rule_css(ids) + "\n"


def script(rules: Iterable[Mapping[str, Any]]) -> str:
    """``assets/checker.js``: the rules of the audit (as JSON, every character outside ASCII
    escaped), then the shared script."""
    known = {str(r["id"]): {k: str(r.get(k) or "") for k in ("name", "severity", "summary")}
             for r in rules if isinstance(r, Mapping) and r.get("id")}  # fmt: skip
    return (f"window.CHECKER_RULES = {json.dumps(known, sort_keys=True)};\n"
            f"window.CHECKER_ZDICT = {json.dumps(PAGE_DICT.decode('ascii'))};\n"
            + _read("checker.js"))  # fmt: skip


def write_assets(out_dir: Path, rules: Iterable[Mapping[str, Any]] = ()) -> list[Path]:
    """Write the shared stylesheet and script into ``out_dir/assets``; return their paths."""
    out_dir = Path(out_dir)
    rules = list(rules)
    return [
        atomic_write_text(safe_path(out_dir, CSS), stylesheet(rules)),
        atomic_write_text(safe_path(out_dir, JS), script(rules)),
    ]
