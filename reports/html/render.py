"""Rendering: the article page, the index page, and writing them.

An article page is a small file carrying the article's ``articles.jsonl`` record (deflated,
base64), drawn in the browser by the shared ``assets/checker.js``; the index's values reach
its template through autoescape (:mod:`reports.html.env`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from markupsafe import escape

from checker.core.io import atomic_write_text, safe_path
from reports.compact import compact
from reports.html.assets import rule_css
from reports.html.env import render_template
from reports.html.index import IndexBuilder, summary_row, write_index
from reports.html.packing import pack, unpack
from reports.pages import page_names
from reports.stream import PER_INPUT, dumps, per_input, record_line


def _rules_by_id(report: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in report.get("rules") or []:
        if isinstance(r, Mapping) and r.get("id"):
            out[str(r["id"])] = dict(r)
    return out


_PAGE_HEAD = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src '
    "'self' 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    'script-src \'self\'">\n<meta name="referrer" content="no-referrer">\n'
)
_NOSCRIPT = (
    '<noscript><p class="errorbox">This page is drawn by <code>assets/checker.js</code>: '
    "allow JavaScript to see it. Its record is the article's line in "
    "<code>articles.jsonl</code>.</p></noscript>\n"
)


def page_html(
    line: str, name: str, report: Mapping[str, Any] | None = None, extra_css: str = ""
) -> str:
    """An article page: its ``articles.jsonl`` ``line``, deflated and in base64
    (:mod:`reports.html.packing`), that the shared ``assets/checker.js`` draws with
    ``assets/checker.css``.

    ``name`` is the page's title; ``extra_css`` the highlight classes of rules the shared
    stylesheet does not have. The page is about a third of the record's size and costs a
    compression, not a rendering; the markup it shows is built in the browser, every value
    of the record as text (never parsed as HTML).
    """
    report = report or {}
    data = pack(line)
    generator = escape(f"{report.get('tool', 'checker')} {report.get('version', '')}".strip())
    style = f"<style>{extra_css}</style>\n" if extra_css else ""
    return (
        f'{_PAGE_HEAD}<meta name="generator" content="{generator}">\n'
        f"<title>{escape(name)}: sourcing audit</title>\n"
        f'<link rel="stylesheet" href="../assets/checker.css">\n{style}'
        f'<script src="../assets/checker.js" defer></script>\n</head>\n<body>\n{_NOSCRIPT}'
        f'<script id="checker-article" type="application/octet-stream">{data}</script>\n'
        "</body>\n</html>\n"
    )


_DATA = re.compile(r'<script id="checker-article" type="application/octet-stream">'
                   r"([A-Za-z0-9+/=]*)<")


def page_line(page: str) -> str:
    """The ``articles.jsonl`` line an article page carries (:func:`page_html`'s inverse)."""
    m = _DATA.search(page)
    if m is None:
        raise ValueError("not an article page of this version: no checker-article data")
    return unpack(m.group(1))


def unknown_rule_css(article: Mapping[str, Any], rules: Mapping[str, Any]) -> str:
    """The highlight classes of the rules of ``article``'s findings missing from ``rules``."""
    ids = {str(f.get("id") or "") for f in article.get("findings") or () if isinstance(f, Mapping)}
    return rule_css(r for r in ids if r and r not in rules)


def render_article(
    article: Mapping[str, Any],
    report: Mapping[str, Any] | None = None,
    rules: Mapping[str, Mapping[str, Any]] | None = None,
    line: str | None = None,
) -> str:
    """The HTML page of one article (a ``articles.jsonl`` article entry; ``line``: that
    entry as written in ``articles.jsonl``, when the caller has it: it is not made again).

    The page links ``../assets/checker.css`` and ``../assets/checker.js`` (written by
    :func:`write_assets`), which draw it (see :func:`page_html`).
    """
    report = report or {}
    rules = rules if rules is not None else _rules_by_id(report)
    if line is None:  # as articles.jsonl has it: the per-input fields first
        line = record_line(per_input(article), dumps(compact(article, PER_INPUT)))
    name = str(article.get("article") or "")
    return page_html(line, name, report, unknown_rule_css(article, rules))


def render_index(
    report: Mapping[str, Any],
    pages: Sequence[str] | None = None,
    group_by: str | None = None,
) -> str:
    """``index.html`` of a whole ``articles.jsonl`` (its rows go to ``index-data.js``)."""
    builder = _index_builder(report, pages, group_by)
    return render_template("index.html", {"report": _report_meta(report), **builder.context()})


def _index_builder(
    report: Mapping[str, Any], pages: Sequence[str] | None, group_by: str | None
) -> IndexBuilder:
    articles = [a for a in report.get("articles") or [] if isinstance(a, Mapping)]
    pages = list(pages) if pages is not None else page_names(articles)
    builder = IndexBuilder(report.get("rules") or [], group_by)
    for a, p in zip(articles, pages, strict=True):
        builder.add(summary_row(a, p))
    return builder


def _report_meta(report: Mapping[str, Any]) -> dict[str, Any]:
    return {k: report[k] for k in ("tool", "version", "generated") if k in report}


def write_article(
    article: Mapping[str, Any],
    out_dir: Path,
    page: str,
    rules: Mapping[str, Mapping[str, Any]],
    meta: Mapping[str, Any] | None = None,
) -> Path:
    """Write one article's page (``page`` from :func:`reports.pages.page_names`)."""
    return atomic_write_text(safe_path(Path(out_dir), page), render_article(article, meta, rules))


def write_html(report: dict, out_dir: Path, group_by: str | None = None) -> list[Path]:
    """Write ``index.html`` (with ``index-data.js``), one page per article and the shared
    ``assets/``; return the paths written, ``index.html`` first, then the article pages.

    Every file is written atomically (temporary file in the same directory, then
    ``os.replace``), so a reader never sees a half-written page. The index is built from
    each article's summary row only (:func:`reports.html.index.write_index`).
    """
    out_dir = Path(out_dir)
    articles = [a for a in report.get("articles") or [] if isinstance(a, Mapping)]
    pages = page_names(articles)
    rules = _rules_by_id(report)
    meta = _report_meta(report)
    written = [
        write_article(a, out_dir, p, rules, meta) for a, p in zip(articles, pages, strict=True)
    ]
    rows = (summary_row(a, p) for a, p in zip(articles, pages, strict=True))
    index, *rest = write_index(
        rows, out_dir, rules=report.get("rules") or [], meta=meta, group_by=group_by
    )
    return [index, *written, *rest]
