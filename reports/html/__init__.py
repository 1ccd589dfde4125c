"""HTML reports: ``index.html`` (the audit at a glance) and one page per article.

Input is only the ``report.json`` dictionary described in ``docs/output.md``;
nothing from the pipeline is imported, so the pages can be rebuilt from a saved
``report.json``.

Design choices:

* Jinja2 with autoescape on for every template: article text, names, messages
  and URLs are always escaped; no value is marked safe except our own shipped
  CSS/JS. Pages also carry a Content-Security-Policy that forbids every network
  load and every script but the one (hash-pinned) sorting script of the index.
* No external resources: CSS and JS are inlined, charts are SVG computed here.
* Highlighted text is built by :func:`split_segments`, a pure function that cuts
  the text at every span boundary and labels each piece with *all* the spans
  covering it, so overlapping spans (a finding inside attributed content inside
  a quotation) never produce broken nesting.
* One compiled template per page kind (module-level environment), so thousands
  of article pages render quickly.

Modules (templates, CSS and JS are in ``reports/templates/``):

- ``style.py``: colours (Okabe & Ito), legend labels, :func:`css_class`, :func:`safe_url`;
- ``spans.py``: marks, :func:`split_segments`, paragraphs, :func:`runs_html`;
- ``panels.py``: findings/sources/footnotes/breakdown panels, metric formats, charts;
- ``render.py``: the Jinja environment, :func:`render_article`, :func:`render_index`,
  :func:`write_html`;
- page file names come from :mod:`reports.pages`.
"""

from __future__ import annotations

from reports.html.panels import (
    KEY_METRICS,
    breakdown_panel,
    findings_panel,
    fmt_metric,
    fmt_score,
    footnotes_panel,
    rule_chart,
    score_histogram,
    sources_panel,
)
from reports.html.render import TEMPLATES, render_article, render_index, write_html
from reports.html.spans import (
    Mark,
    Paragraph,
    Piece,
    Run,
    Segment,
    article_marks,
    build_paragraphs,
    runs_html,
    split_segments,
)
from reports.html.style import (
    GRADE_CLASSES,
    HEDGE_COLOURS,
    HEDGE_LABELS,
    OKABE_ITO,
    REGION_LABELS,
    RULE_COLOURS,
    css_class,
    rule_colours,
    safe_url,
)
from reports.pages import page_names

__all__ = [
    "GRADE_CLASSES", "HEDGE_COLOURS", "HEDGE_LABELS", "KEY_METRICS", "OKABE_ITO",
    "REGION_LABELS", "RULE_COLOURS", "TEMPLATES", "Mark", "Paragraph", "Piece", "Run",
    "Segment", "article_marks", "breakdown_panel", "build_paragraphs", "css_class",
    "findings_panel", "fmt_metric", "fmt_score", "footnotes_panel", "page_names",
    "render_article", "render_index", "rule_chart", "rule_colours", "runs_html",
    "safe_url", "score_histogram", "sources_panel", "split_segments", "write_html",
]  # fmt: skip
