"""The Jinja environment of the HTML pages: autoescape on, filters, one compile per template.

One compiled template per page kind (module-level environment, cached). Every value
reaches the templates through autoescape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reports.html.panels import as_number, fmt_metric, fmt_score
from reports.html.style import GRADE_CLASSES, css_class, grade_of

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DATA_FILE = "index-data.js"
_INDENT = re.compile(r"\n[ \t]+")


class _Loader(FileSystemLoader):
    """The package's templates without the indentation of their lines: it is there for
    whoever edits a template, and thousands of pages would carry it (no template holds
    text whose leading spaces matter)."""

    def get_source(self, environment: Environment, template: str) -> Any:
        source, filename, uptodate = super().get_source(environment, template)
        return _INDENT.sub("\n", source), filename, uptodate


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=_Loader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        undefined=StrictUndefined,
        auto_reload=False,  # templates are package data; compile each once per process
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["score"] = fmt_score
    env.filters["score1"] = lambda v: "—" if as_number(v) is None else f"{v:.1f}"
    env.filters["metric"] = fmt_metric
    env.filters["cls"] = css_class
    env.globals["grade_class"] = lambda g: GRADE_CLASSES.get(str(g or "").upper()[:1], "none")
    env.globals["grade_of"] = grade_of
    return env


def render_template(name: str, ctx: Mapping[str, Any]) -> str:
    """Render one of the package's templates (autoescaped) with ``ctx``."""
    return _env().get_template(name).render({"root": "", "data_file": DATA_FILE, **ctx})
