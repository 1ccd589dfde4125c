"""The hedging family's rules, their messages, and which cue categories a configuration asks for.

- ``HDG001 hedging``: the author's own epistemic hedge, second-hand report or weasel attribution;
- ``HDG002 overstated-certainty``: a booster;
- ``HDG003 approximator``: an approximator or shield (off by default).
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.core.analysis import Analysis
from checker.core.config import ConfigError, Setting, str_list
from checker.core.rule import Rule
from rules.hedging.lexicon import (
    APPROXIMATOR,
    BOOSTER,
    CATEGORIES,
    DEFAULT_CATEGORIES,
    EPISTEMIC,
    REPORTATIVE,
    WEASEL,
    as_list,
)

NAME = "hedging"

HEDGING = Rule(
    id="HDG001",
    name="hedging",
    family=NAME,
    severity="suggestion",
    summary="The author's own hedge, second-hand report or weasel attribution.",
    rationale=(
        "Modal hedges (may, might, seems), second-hand markers (reportedly, is said to) "
        "and views credited to unnamed crowds (critics argue, it is thought) make copy "
        "commit less than it appears to, or hide who holds a view. Editors should check "
        "that each one is deliberate and, where possible, name the source or state what "
        "is actually known. Hedges inside quotations or attributed speech are the "
        "speaker's and are not flagged; nor are modals in questions, comparatives (less "
        "likely) or purpose clauses (so that rescuers may reach them). A phrase that is "
        "also a vague attribution (reportedly, critics argue) is reported once, by "
        "vague-attribution, with the hedge named in its message."
    ),
    bad="The new bridge may never open, and its cost seems to have doubled.",
    good="The new bridge will not open this year, and its cost doubled to 40 million, "
    "according to the city auditor's report.",
)
OVERSTATED_CERTAINTY = Rule(
    id="HDG002",
    name="overstated-certainty",
    family=NAME,
    severity="suggestion",
    summary="A booster (clearly, undoubtedly, without question) asserts more certainty "
    "than the copy shows.",
    rationale=(
        "Boosters ask the reader to accept a claim on the writer's confidence instead of "
        "on evidence. Either show the evidence that makes the claim certain, or drop the "
        "booster and let the facts stand."
    ),
    bad="The tax cut clearly caused the rise in hiring.",
    good="Hiring rose by 4% in the two quarters after the tax cut, the labour ministry's "
    "figures show.",
)
APPROXIMATOR_RULE = Rule(
    id="HDG003",
    name="approximator",
    family=NAME,
    severity="suggestion",
    summary="An approximator or shield (about, some 3,500, largely) softens a factual claim.",
    rationale=(
        "Rounded and softened figures are often fine, so this rule is off by default. "
        "Standards desks that want exact numbers, or the source of an estimate, can turn "
        "it on to see every approximate figure and shield."
    ),
    bad="Some 3,500 people were largely left without power.",
    good="3,482 households were left without power, the utility said.",
    enabled=False,
)

# The rule that reports a cue of each category.
CATEGORY_RULE: dict[str, Rule] = {
    EPISTEMIC: HEDGING,
    REPORTATIVE: HEDGING,
    WEASEL: HEDGING,
    BOOSTER: OVERSTATED_CERTAINTY,
    APPROXIMATOR: APPROXIMATOR_RULE,
}

_MESSAGES = {
    EPISTEMIC: "Hedge {cue!r}: the sentence commits less than it seems to; state what is "
    "known, or who thinks so.",
    REPORTATIVE: "Second-hand {cue!r}: say who reported or alleges this.",
    WEASEL: "Weasel attribution {cue!r}: the view is credited to unnamed people; name them.",
    BOOSTER: "Overstated certainty {cue!r}: show the evidence instead of asserting it.",
    APPROXIMATOR: "Approximation {cue!r}: give the exact figure or the source of the estimate.",
}


def message(category: str, cue: str) -> str:
    """The finding message for a cue of ``category`` reading ``cue``."""
    return _MESSAGES[category].format(cue=cue)


def _categories(value: object, name: str) -> list[str]:
    """A list of known cue categories."""
    chosen = str_list(value, name)
    unknown = [c for c in chosen if c not in CATEGORIES]
    if unknown:
        raise ConfigError(
            f"{name!r} names unknown categor{'y' if len(unknown) == 1 else 'ies'} "
            f"{', '.join(map(repr, unknown))}; choose from {', '.join(CATEGORIES)}"
        )
    return chosen


CATEGORIES_SETTING = Setting(
    "hedge_categories", [], _categories,
    "the cue categories to look for (default: all but approximator, which its rule enables)",
)  # fmt: skip


def active_categories(analysis: Analysis) -> tuple[list[str], dict[str, list[str]]]:
    """The cue categories to look for, and the cues removed per category, from the
    configuration (``hedge_categories``, ``[tool.checker.remove.hedging]``, and whether
    the approximator rule is enabled)."""
    cfg = analysis.config
    remove_cfg = cfg.remove.get(NAME, {}) if isinstance(cfg.remove, Mapping) else {}
    removed_categories: set[str] = set()
    remove_cues: dict[str, list[str]] = {}
    if isinstance(remove_cfg, Mapping):
        for cat, vals in remove_cfg.items():
            if vals in ("*", ["*"]):
                removed_categories.add(cat)
            else:
                remove_cues[cat] = as_list(vals)
    else:  # a plain list of categories to remove
        removed_categories.update(str(v) for v in remove_cfg)
    if chosen := cfg.get(CATEGORIES_SETTING):
        cats = [c for c in chosen if c in CATEGORIES]
    else:
        cats = list(DEFAULT_CATEGORIES)
        if analysis.rule_enabled(APPROXIMATOR_RULE):
            cats.append(APPROXIMATOR)
    return [c for c in cats if c not in removed_categories], remove_cues
