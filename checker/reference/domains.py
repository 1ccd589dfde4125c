"""Domain names and the outlet table: shared reference data about who publishes where.

One module for every question about hosts and domains in the tool:

- :func:`host_of`: the lower-case host of a URL or bare host name, without ``www.``;
- :func:`registrable`: the registrable domain of a bare host, given the multi-part public
  suffixes (``co.uk``...) to use; :func:`multi_part_suffixes` are the packaged ones
  (``checker/reference/domains.json``);
- :func:`registrable_domain`: ``https://english.almayadeen.net/x`` -> ``almayadeen.net``
  for any URL or host;
- :func:`url_domain`: the registrable domain of an absolute link target (``""`` for
  relative links and fragments);
- :func:`path_key`: ``host/first-path-segment`` of a URL (rating sets rate a few sections);
- :func:`outlets_data`: the outlet table ``checker/reference/outlets.json`` (outlet and
  organisation names per domain, publishers' other domains, citation cues).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from checker.core.datafiles import load_data, packaged_data

OUTLETS_PATH = Path(__file__).resolve().parent / "outlets.json"
IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


@lru_cache(maxsize=1)
def outlets_data() -> dict[str, Any]:
    """The outlet table (read once per process; do not mutate it)."""
    data: dict[str, Any] = load_data(OUTLETS_PATH, "checker-outlets")
    return data


@lru_cache(maxsize=1)
def multi_part_suffixes() -> frozenset[str]:
    """The packaged multi-part public suffixes (``co.uk``, ``com.au``...), lower case."""
    data = packaged_data("checker.reference", "domains.json", "checker-domains")
    return frozenset(s.lower() for s in data["multi_part_suffixes"])


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


def registrable(host: str, suffixes: frozenset[str] | None = None) -> str:
    """The registrable domain of a bare host name: the last two labels, or three after a
    multi-part suffix such as ``co.uk`` (``suffixes``; default the packaged ones); an IP
    address as it is."""
    if suffixes is None:
        suffixes = multi_part_suffixes()
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


def registrable_domain(url_or_host: str) -> str:
    """The registrable domain of a URL or host: ``english.almayadeen.net`` ->
    ``almayadeen.net``, ``https://www.news.bbc.co.uk/x`` -> ``bbc.co.uk`` ("" when the
    text holds no valid host)."""
    h = host_of(url_or_host)
    return registrable(h) if h else ""


def url_domain(url: str) -> str:
    """Registrable domain of an absolute URL (``""`` for relative links and fragments)."""
    u = url.strip()
    if u.lower().startswith("www."):
        u = "http://" + u
    try:
        host = urlsplit(u).hostname or ""
    except ValueError:
        return ""
    return registrable(host) if host else ""


def path_key(url: str) -> str:
    """``host/first-path-segment`` of a URL (rating sets rate a few sections this way)."""
    try:
        parts = urlsplit(url if "://" in url else "//" + url)
    except ValueError:
        return ""
    host = host_of(url)
    seg = parts.path.strip("/").split("/", 1)[0].lower()
    return f"{host}/{seg}" if host and seg else ""
