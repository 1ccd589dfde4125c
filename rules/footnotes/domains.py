"""Registrable domains of host names and URLs (``news.bbc.co.uk`` -> ``bbc.co.uk``).

Self-contained on purpose (it reads only the multi-part suffix list of the footnote
lexicon and imports nothing else from the family), so that it can move to a shared
reference module as it is. ``registrable`` takes the suffixes to use (a lexicon extended
by configuration has its own); ``registrable_domain`` and ``url_domain`` use the packaged
suffixes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from checker.core.datafiles import packaged_data

IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


@lru_cache(maxsize=1)
def packaged_suffixes() -> frozenset[str]:
    """The multi-part public suffixes (``co.uk``, ``com.au``...) of the packaged lexicon."""
    data = packaged_data("rules.footnotes", "lexicon.json", "checker-footnotes-lexicon")
    return frozenset(s.lower() for s in data["multi_part_suffixes"])


def registrable(host: str, suffixes: frozenset[str]) -> str:
    """The registrable domain of a bare host name, given the multi-part public suffixes:
    the last two labels, or three after a suffix such as ``co.uk``; IP addresses as is."""
    host = host.strip().lower().rstrip(".")
    if "@" in host:
        host = host.rsplit("@", 1)[1]
    if host.startswith("[") or IPV4.match(host.split(":")[0]):
        return host.split("]")[0].lstrip("[") if host.startswith("[") else host.split(":")[0]
    host = host.split(":")[0]
    labels = [p for p in host.split(".") if p]
    if len(labels) <= 2:
        return ".".join(labels)
    last2 = ".".join(labels[-2:])
    if last2 in suffixes:
        return ".".join(labels[-3:])
    return last2


def registrable_domain(host: str) -> str:
    """The registrable domain of a host name or URL: ``english.almayadeen.net`` ->
    ``almayadeen.net``, ``news.bbc.co.uk`` -> ``bbc.co.uk``; IP addresses are returned as is.
    Multi-part public suffixes (``co.uk``, ``com.au``...) come from the lexicon."""
    if "/" in host:
        host = urlsplit(host if "//" in host else "//" + host).hostname or ""
    return registrable(host, packaged_suffixes())


def url_domain(url: str) -> str:
    """Registrable domain of an absolute URL (``""`` for relative links and fragments)."""
    u = url.strip()
    if u.lower().startswith("www."):
        u = "http://" + u
    try:
        host = urlsplit(u).hostname or ""
    except ValueError:
        return ""
    return registrable(host, packaged_suffixes()) if host else ""
