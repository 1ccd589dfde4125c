"""HTML reports: ``index.html`` (the audit at a glance) and one page per article.

Input is only the per-article records (``articles.jsonl`` lines) described in
``docs/output.md`` (article pages) and one summary row per article (the index:
:func:`write_index` consumes them as they come, so a streamed audit never holds all
articles); nothing from the pipeline is imported, so the pages can be rebuilt from a
saved ``articles.jsonl``.

Design choices:

* Jinja2 with autoescape on for every template: article text, names, messages
  and URLs are always escaped; no value is marked safe except our own shipped
  CSS/JS. Pages also carry a Content-Security-Policy that forbids every network
  load and inline script: only files of the report folder itself ('self') load.
* No network resources: every page links the shared ``assets/checker.css`` (and the
  index ``assets/checker.js`` with its rows in ``index-data.js``), written once per
  report folder; charts are inline SVG computed here.
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
- ``env.py``: the Jinja environment; ``assets.py``: the shared stylesheet and script;
- ``index.py``: summary rows, :class:`IndexBuilder`, :func:`write_index`; ``groups.py``:
  the group view (per outlet, author, section or month) and its chart over time;
- ``render.py``: :func:`render_article`, :func:`render_index`, :func:`write_article`,
  :func:`write_html`;
- page file names come from :mod:`reports.pages`.
"""

from __future__ import annotations

from reports.html.assets import write_assets
from reports.html.env import TEMPLATES
from reports.html.index import IndexBuilder, summary_row, write_index
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
from reports.html.render import render_article, render_index, write_article, write_html
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
    "IndexBuilder", "summary_row", "write_index", "write_article", "write_assets",
]  # fmt: skip
