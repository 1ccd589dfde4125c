"""Names of the per-article HTML pages (``articles/<name>.html``), always inside the output folder.

One function, :func:`page_names`, for both the audit (which stores each article's page
in ``report.json`` as ``page``) and the HTML writer (which writes that file). An
article keeps the ``page`` it has when that is a safe name; otherwise it gets a
lower-case ASCII slug of its name. Names are unique across the report, compared
case-insensitively (``-2``, ``-3``... are added), so two articles never share a
page, and a ``report.json`` edited by hand, or written by another tool, can never
place a page outside ``articles/``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_SLUG = re.compile(r"[^A-Za-z0-9]+")
_PAGE_OK = re.compile(r"^articles/[A-Za-z0-9][A-Za-z0-9._-]{0,180}\.html$")


def slug(name: str) -> str:
    """``news/A b.md`` -> ``news-a-b-md``: lower-case letters, digits and dashes, 80 at most."""
    return _SLUG.sub("-", name).strip("-").lower()[:80] or "article"


def page_names(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    """Relative page path per article: its ``page`` when safe, else a slug of its name; unique."""
    used: set[str] = set()
    names = []
    for a in articles:
        page = str(a.get("page") or "")
        if not _PAGE_OK.match(page) or ".." in page:
            page = f"articles/{slug(str(a.get('article') or ''))}.html"
        base, k = page[: -len(".html")], 2
        while page.casefold() in used:
            page = f"{base}-{k}.html"
            k += 1
        used.add(page.casefold())
        names.append(page)
    return names
