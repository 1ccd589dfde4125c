"""HTML reports: ``index.html`` (the audit at a glance) and one page per article.

Input is only the per-article records (``articles.jsonl`` lines) described in
``docs/output.md`` (article pages) and one summary row per article (the index:
:func:`write_index` consumes them as they come, so a streamed audit never holds all
articles); nothing from the pipeline is imported, so the pages can be rebuilt from a
saved ``articles.jsonl``.

Design choices:

* An article page is a small file that carries the article's ``articles.jsonl`` line
  (deflated, base64: about a third of the line) and is drawn in the browser by the
  shared ``assets/checker.js``: writing a page costs a compression, not a rendering,
  and the record is serialised once for both files. The script builds every element
  with the DOM (values as text nodes and attribute values, never parsed as markup);
  highlighted text is cut at every span boundary, each piece labelled with *all* the
  spans covering it, so overlapping spans (a finding inside attributed content inside
  a quotation) never produce broken nesting.
* The index: Jinja2 with autoescape on for every template; its rows are in
  ``index-data.js``, written by the index script with ``textContent`` only.
* Every page carries a Content-Security-Policy that forbids every network load and
  inline script: only files of the report folder itself ('self') load; no network
  resources; charts are inline SVG computed here.

Modules (templates, CSS and JS are in ``reports/templates/``):

- ``style.py``: colours (Okabe & Ito), legend labels, :func:`css_class`, :func:`safe_url`;
- ``panels.py``: metric formats, the index charts;
- ``env.py``: the Jinja environment; ``assets.py``: the shared stylesheet and script;
- ``index.py``: summary rows, :class:`IndexBuilder`, :func:`write_index`; ``groups.py``:
  the group view (per outlet, author, section or month) and its chart over time;
- ``render.py``: :func:`page_html`, :func:`render_article`, :func:`render_index`,
  :func:`write_article`, :func:`write_html`;
- page file names come from :mod:`reports.pages`.
"""

from __future__ import annotations

from reports.html.assets import write_assets
from reports.html.env import TEMPLATES
from reports.html.index import IndexBuilder, summary_row, write_index
from reports.html.panels import fmt_metric, fmt_score, rule_chart, score_histogram
from reports.html.render import (
    page_html,
    page_line,
    render_article,
    render_index,
    write_article,
    write_html,
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
    "GRADE_CLASSES", "HEDGE_COLOURS", "HEDGE_LABELS", "OKABE_ITO", "REGION_LABELS",
    "RULE_COLOURS", "TEMPLATES", "css_class", "fmt_metric", "fmt_score", "page_html", "page_line",
    "page_names", "render_article", "render_index", "rule_chart", "rule_colours", "safe_url",
    "score_histogram", "write_html", "IndexBuilder", "summary_row", "write_index",
    "write_article", "write_assets",
]  # fmt: skip
