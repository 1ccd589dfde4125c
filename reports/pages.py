"""Names of the per-article HTML pages (``articles/<name>.html``), always inside the output folder.

Two steps, both here:

- :func:`slug_page_names`: the name an audit gives each article (``checker.batch``
  stores it as the article's ``page`` in ``report.json``): a lower-case ASCII slug
  of the display name, ``-2``, ``-3``... for repeated slugs;
- :func:`page_names`: the file the HTML writer actually writes for each
  ``report.json`` article: its ``page`` when that is safe, else a slug of its
  name; unique (case-insensitively) across the report. A ``report.json`` edited
  by hand, or written by another tool, can thus never place a page outside
  ``articles/``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_SLUG = re.compile(r"[^A-Za-z0-9]+")
_PAGE_OK = re.compile(r"^articles/[A-Za-z0-9][A-Za-z0-9._-]{0,180}\.html$")
_SLUG_BAD = re.compile(r"[^A-Za-z0-9._-]+")


def slug_page_names(articles: Sequence[str]) -> list[str]:
    """Unique, safe ``articles/<slug>.html`` names (never outside the output folder)."""
    seen: dict[str, int] = {}
    out = []
    for name in articles:
        slug = _SLUG.sub("-", name).strip("-").lower()[:80] or "article"
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.append(f"articles/{slug}{'-' + str(n + 1) if n else ''}.html")
    return out


def page_names(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    """Relative page path per article: its ``page`` when safe, else a slug; unique."""
    used: set[str] = set()
    names = []
    for i, a in enumerate(articles):
        page = str(a.get("page") or "")
        if not _PAGE_OK.match(page) or ".." in page:
            slug = _SLUG_BAD.sub("-", str(a.get("article") or f"article-{i}")).strip("-.")
            page = f"articles/{slug[:150] or f'article-{i}'}.html"
        base, k = page[: -len(".html")], 2
        while page.casefold() in used:
            page = f"{base}-{k}.html"
            k += 1
        used.add(page.casefold())
        names.append(page)
    return names
