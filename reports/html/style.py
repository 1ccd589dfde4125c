"""Colours, labels and safe strings shared by every HTML page.

Okabe & Ito's colour-blind-safe palette: highlights use light tints of it,
charts and borders the full colours. Known rules get a fixed colour so that the
same rule looks the same in every report; unknown rules take a stable one from
the cycle. Also the region and hedge labels of the legend, and the two
sanitisers every page relies on: :func:`css_class` and :func:`safe_url`.
"""

from __future__ import annotations

import hashlib
import re

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#7A7A7A",
}

# (highlight background tint, strong colour for swatches/bars)
RULE_COLOURS: dict[str, tuple[str, str]] = {
    "CLM001": ("#F9C7A8", "#D55E00"),  # unsourced claim: vermillion
    "ATT001": ("#FBDE9A", "#E69F00"),  # vague attribution: orange
    "ATT002": ("#F2C6DE", "#CC79A7"),  # unattributed quote: purple
    "HDG001": ("#F7F09A", "#C9B800"),  # hedging: yellow
    "HDG002": ("#C3E3F7", "#56B4E9"),  # overstated certainty: sky
    "HDG003": ("#DCDCE6", "#8A8AA3"),  # approximator: grey-violet
    "FTN001": ("#A8E2CD", "#009E73"),  # dangling footnote: green
    "FTN002": ("#C9EDE0", "#4DB892"),
    "FTN003": ("#D4EAD9", "#6FA97F"),
    "FTN004": ("#B5D8EE", "#0072B2"),  # uncited statement: blue
    "FTN005": ("#E3DCCB", "#A08C5B"),
    "FTN006": ("#E6D2C3", "#9C6B4E"),
    "CRD001": ("#F4B5B5", "#B03A3A"),
    "CRD002": ("#D9CDEA", "#7B61A8"),
}
_FALLBACK = [
    ("#F9C7A8", "#D55E00"),
    ("#C3E3F7", "#56B4E9"),
    ("#A8E2CD", "#009E73"),
    ("#FBDE9A", "#E69F00"),
    ("#F2C6DE", "#CC79A7"),
    ("#B5D8EE", "#0072B2"),
    ("#F7F09A", "#C9B800"),
    ("#DCDCE6", "#8A8AA3"),
]

# Hedge categories: border colour of the cue box.
HEDGE_COLOURS: dict[str, str] = {
    "epistemic": OKABE_ITO["blue"],
    "reportative": OKABE_ITO["green"],
    "weasel": OKABE_ITO["vermillion"],
    "approximator": OKABE_ITO["purple"],
    "booster": OKABE_ITO["orange"],
}
# Category -> (plain-words name shown in the legend, examples)
HEDGE_LABELS: dict[str, tuple[str, str]] = {
    "epistemic": ("uncertain", "may, probably, could"),
    "reportative": ("hearsay", "reportedly, allegedly"),
    "weasel": ("weasel", "some say, experts believe"),
    "approximator": ("vague amount", "about, roughly, many"),
    "booster": ("overconfident", "clearly, undoubtedly"),
}

GRADE_CLASSES = {"A": "a", "B": "b", "C": "c", "D": "d", "E": "e", "F": "f"}
# the scorer's grade bounds (checker.scorer.GRADES; a test keeps the two equal), so that
# score bands are drawn in the colour of the grade they give
GRADE_BOUNDS = ((90.0, "A"), (80.0, "B"), (70.0, "C"), (60.0, "D"), (0.0, "F"))


def grade_of(score: float) -> str:
    """The letter grade of a score (as the scorer gives it)."""
    return next((g for bound, g in GRADE_BOUNDS if score >= bound), "F")


REGION_LABELS = {
    "heading": "heading",
    "byline": "byline",
    "caption": "caption",
    "boilerplate": "boilerplate",
    "references": "source list",
    "unsegmented": "not segmented",
}

_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_URL_OK = re.compile(r"^https?://", re.IGNORECASE)


def css_class(value: object) -> str:
    """A string made safe to use as (part of) a CSS class name or id."""
    return _CLASS_SAFE.sub("-", str(value)).strip("-") or "x"


def rule_colours(rule_id: str) -> tuple[str, str]:
    """(highlight tint, strong colour) of a rule, stable across reports."""
    if rule_id in RULE_COLOURS:
        return RULE_COLOURS[rule_id]
    digest = hashlib.sha1(rule_id.encode("utf-8")).digest()
    return _FALLBACK[digest[0] % len(_FALLBACK)]


def safe_url(url: object) -> str:
    """The URL if it is plain http(s), else "" (no javascript:, data:, file: links)."""
    text = str(url or "").strip()
    return text if _URL_OK.match(text) and not any(c in text for c in "\"'<> ") else ""
