"""Hyperlinks: reading them from the text and the loader, and checking their syntax.

``read_links`` collects Markdown inline links ``[text](url)``, reference links
``[text][label]`` and ``[label]`` resolved through the ``[label]: url`` definitions, and the
loader's links (HTML ``<a>``), skipping links to note fragments (those are markers).
``url_problem`` says why a link target is not a valid address, offline, by syntax only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from checker.core.document import Link
from checker.core.regexlit import lazy_compile
from checker.reference.domains import IPV4
from rules.footnotes.definitions import Entries
from rules.footnotes.records import LinkRef
from rules.footnotes.scan import (
    FRAGMENT,
    MD_INLINE,
    Taken,
    finditer_if_contains,
    is_note_number,
    note_key,
)

MD_REFLINK = lazy_compile(
    r"(?<![\]\\])\[(?P<text>[^\[\]\n]{1,300})\]\[(?P<label>[^\[\]\n]{0,100})\]"
)

# ------------------------------------------------------------------ reading


@dataclass
class LinkRead:
    """The links of a document, sorted by position, and what the reference links used."""

    links: list[LinkRef] = field(default_factory=list)
    used_labels: set[str] = field(default_factory=set)  # reference labels some link uses
    undefined: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, label)


def read_links(
    text: str, loader_links: Sequence[Link], entries: Entries, taken: Taken,
    fmt: str,
) -> LinkRead:
    """Every link of the document: the ``[label]: url`` definitions, inline links,
    reference links, then loader links not already read and not taken by a marker.
    Reference links to labels with no definition are listed (Markdown only)."""
    read = LinkRead(links=list(entries.definition_links))
    seen: set[int] = set()  # anchor starts already read
    _inline_links(text, read, seen)
    _reference_links(text, entries, fmt, read, seen)
    _shortcut_reference_links(text, entries, read, seen)
    for lk in loader_links:
        if lk.start in seen or FRAGMENT.match(lk.url.strip()):
            continue
        if taken.overlaps(lk.start, lk.end):
            continue
        read.links.append(LinkRef(lk.start, lk.end, lk.url, "loader"))
        seen.add(lk.start)
    read.links.sort(key=lambda lk: lk.start)
    return read


def _inline_links(text: str, read: LinkRead, seen: set[int]) -> None:
    """Markdown inline links ``[text](url "title")``, except links to note fragments."""
    for m in finditer_if_contains(MD_INLINE, text, "]("):
        url = m.group("url").strip()
        url = re.sub(r"\s+[\"'(].*[\"')]$", "", url).strip("<>")
        if FRAGMENT.match(url) or (url.startswith("#") and m.group("label").strip().isdigit()):
            continue
        read.links.append(LinkRef(m.start("label"), m.end("label"), url, "inline"))
        seen.add(m.start("label"))


def _reference_links(
    text: str, entries: Entries, fmt: str, read: LinkRead, seen: set[int]
) -> None:
    """Markdown reference links ``[text][label]`` outside reference sections."""
    targets = entries.link_targets
    for m in finditer_if_contains(MD_REFLINK, text, "]["):
        if entries.covered(m.start()):
            continue
        label = (m.group("label") or m.group("text")).strip()
        key = note_key(label) or label.lower()
        if is_note_number(m.group("text").strip()) and is_note_number(key):
            continue  # "[1][2]": two markers
        if key in targets:
            read.used_labels.add(key)
            read.links.append(
                LinkRef(m.start("text"), m.end("text"), targets[key], "reference", key)
            )
            seen.add(m.start("text"))
        elif not is_note_number(key) and fmt == "markdown":
            read.undefined.append((m.start(), m.end(), label))


_BRACKETED = re.compile(r"(?<![\]\\])\[([^\[\]\n]{1,100})\](?![(\[:])")


def _shortcut_reference_links(text: str, entries: Entries, read: LinkRead, seen: set[int]) -> None:
    """Shortcut reference links "[label]" whose label is defined and not a number.

    One pass over the bracketed texts of the document finds the uses of every label
    without a "[" (a scan per label was quadratic in articles with many definitions);
    a label with a "[" in it is searched for on its own."""
    targets = entries.link_targets
    keys = [k for k in targets if not is_note_number(k)]
    uses: dict[str, list[tuple[int, int]]] = {k: [] for k in keys if "[" not in k}
    if uses:
        for m in finditer_if_contains(_BRACKETED, text, "["):
            found = uses.get(m.group(1).lower())
            if found is not None:
                found.append(m.span())
    for key in keys:
        spans = uses.get(key)
        if spans is None:
            pattern = r"(?<![\]\\])\[" + re.escape(key) + r"\](?![(\[:])"
            spans = [m.span() for m in re.finditer(pattern, text, re.I)]
        for start, end in spans:
            if not entries.covered(start):
                read.used_labels.add(key)
                read.links.append(LinkRef(start + 1, end - 1, targets[key], "reference", key))
                seen.add(start + 1)


# ----------------------------------------------------------------- checking

_SCHEME = lazy_compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_KNOWN_SCHEMES = frozenset(
    "http https ftp ftps sftp mailto tel sms news nntp irc ircs data file geo doi urn "
    "javascript feed magnet webcal xmpp sip skype whatsapp tg".split()
)
_HOST_LABEL = lazy_compile(r"^(?!-)(?:[^\W_]|-){1,63}(?<!-)$", re.U)
_TLD = lazy_compile(r"^(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{2,59})$", re.U)
LOOKS_LIKE_DOMAIN = lazy_compile(
    r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|info|io|co|uk|us|de|fr|"
    r"news|tv|me|ly|ca|au|in|ir|iq|sy|il|ru|cn|jp|eu|ch|nl|es|it|br|mx|za|ng|ke|tr|sa|ae)"
    r"(?:[/:?#]|$)",
    re.I,
)


def url_problem(url: str) -> str:
    """Why a link target is syntactically invalid, or ``""`` if it looks fine.

    Purely offline: checks the scheme, the host and characters, never the network.
    Relative links ("/about", "page.html") and fragments ("#fn1") are valid."""
    u = url.strip()
    if not u:
        return "the link target is empty"
    if any(c.isspace() for c in u):
        return "the link target contains a space"
    m = _SCHEME.match(u)
    if not m:
        return _schemeless_problem(u)
    scheme = m.group(1).lower()
    if scheme not in _KNOWN_SCHEMES:
        if re.match(r"^h?t+p+s?$", scheme) or scheme in ("htps", "htttp", "htp", "hhtp"):
            return f"the scheme {scheme!r} is misspelt (write 'https://')"
        if u[m.end() :].startswith("//"):
            return f"unknown scheme {scheme!r}"
        return ""  # "name:thing" could be a relative path; do not guess
    rest = u[m.end() :]
    if scheme in ("http", "https", "ftp", "ftps", "sftp"):
        return _web_address_problem(u, scheme, rest)
    if scheme == "mailto":
        addr = rest.split("?", 1)[0]
        if "@" not in addr or addr.startswith("@") or addr.endswith("@"):
            return "the e-mail address has no '@' with a name and a domain"
    if scheme == "tel" and not re.fullmatch(r"\+?[\d\-(). ]{3,}", rest):
        return "the telephone number contains characters other than digits"
    return ""


def _schemeless_problem(u: str) -> str:
    """The problem of a target with no scheme: a scheme missing its ':', or a bare domain
    that would be read as a relative link; ``""`` for real relative links."""
    low = u.lower()
    if re.match(r"^(?:https?|ftp)//", low) or re.match(r"^(?:https?|ftp)/[^/]", low):
        return "the scheme is missing its ':' (write 'https://')"
    if low.startswith("www.") or LOOKS_LIKE_DOMAIN.match(low):
        return "the address has no scheme, so it is read as a relative link (add 'https://')"
    return ""


def _web_address_problem(u: str, scheme: str, rest: str) -> str:
    """The problem of an http(s)/ftp address: no "//", a bad host or port."""
    if not rest.startswith("//"):
        return f"'{scheme}:' must be followed by '//' and a host"
    try:
        parts = urlsplit(u)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return "the address has an invalid host or port"
    if not host:
        return "the address has no host name"
    return _host_problem(host)


def _host_problem(host: str) -> str:
    """The problem of a host name: bad characters or labels, no suffix, a bad suffix."""
    if host == "localhost" or IPV4.match(host) or ":" in host:
        return ""
    if ".." in host or host.startswith(".") or host.endswith("-"):
        return f"the host {host!r} is not a valid name"
    labels = host.rstrip(".").split(".")
    if len(labels) < 2:
        return f"the host {host!r} has no domain suffix (such as '.com')"
    for label in labels:
        if not _HOST_LABEL.match(label):
            return f"the host {host!r} contains an invalid part {label!r}"
    if not _TLD.match(labels[-1]):
        return f"the host {host!r} ends in an invalid suffix {labels[-1]!r}"
    return ""
