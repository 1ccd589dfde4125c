"""Domain names and the outlet table: shared reference data about who publishes where.

- :func:`host_of`: the lower-case host of a URL or bare host name, without ``www.``;
- :func:`registrable_domain`: ``english.almayadeen.net`` -> ``almayadeen.net``;
- :func:`path_key`: ``host/first-path-segment`` of a URL (rating sets rate a few sections);
- :func:`outlets_data`: the outlet table ``checker/reference/outlets.json`` (outlet and
  organisation names per domain, publishers' other domains, citation cues), as loaded by
  :func:`checker.core.datafiles.load_data`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from checker.core.datafiles import load_data

OUTLETS_PATH = Path(__file__).resolve().parent / "outlets.json"


@lru_cache(maxsize=1)
def outlets_data() -> dict[str, Any]:
    """The outlet table (read once per process; do not mutate it)."""
    data: dict[str, Any] = load_data(OUTLETS_PATH, "checker-outlets")
    return data


_HOST_OK = re.compile(r"^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?$")


def host_of(url_or_host: str) -> str:
    """Lower-case host name of a URL or bare host ("" when there is none); drops ``www.``."""
    s = url_or_host.strip()
    if not s:
        return ""
    if "://" not in s and not s.startswith("//"):
        s = "//" + s
    try:
        host = urlsplit(s).hostname or ""
    except ValueError:
        return ""
    host = host.strip(".").lower()
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return ""
    while host.startswith("www.") or re.match(r"^www\d\.", host):
        host = host.split(".", 1)[1]
    return host if _HOST_OK.match(host) and "." in host else ""


def registrable_domain(host: str) -> str:
    """The registrable domain of a host or URL: ``english.almayadeen.net`` -> ``almayadeen.net``.

    One implementation for the whole tool: this delegates to
    ``rules.footnotes.registrable_domain`` (multi-part suffixes such as ``co.uk`` and
    hosting platforms such as ``blogspot.com`` come from its lexicon).
    """
    # Transitional, and against the layering (reference data importing a rule family):
    # the footnotes implementation and its suffix lexicon are to move here.
    from rules.footnotes import registrable_domain as _registrable

    h = host_of(host)
    return _registrable(h) if h else ""


def path_key(url: str) -> str:
    """``host/first-path-segment`` of a URL (rating sets rate a few sections this way)."""
    try:
        parts = urlsplit(url if "://" in url else "//" + url)
    except ValueError:
        return ""
    host = host_of(url)
    seg = parts.path.strip("/").split("/", 1)[0].lower()
    return f"{host}/{seg}" if host and seg else ""
