"""Load article files: decode bytes, extract text from HTML, then segment.

Decoding: UTF-8 (with or without BOM), UTF-32 and UTF-16 with BOM, and a cp1252
fallback that is reported as a warning; NUL characters are reported (see
:func:`decode_bytes`). HTML is rendered to text with the standard
library's tokenizer while keeping a map from text offsets back to the source,
so findings still point at the right line and column of the original file.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from checker.core.document import Document, Link
from checker.core.regexlit import lazy_compile
from checker.text.segment import segment

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
SUPPORTED_SUFFIXES = {**TEXT_SUFFIXES, **HTML_SUFFIXES}
MAX_BYTES = 20 * 1024 * 1024

EMPTY_FILE = "empty file: no text to analyse"  # the warning for a file with no text


class LoadError(Exception):
    """An input file cannot be read as an article; the message names the problem."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings) for raw file bytes.

    UTF-8 (with or without BOM), UTF-32 and UTF-16 with BOM; anything else that is not
    UTF-8 is decoded as cp1252, with a warning. NUL bytes in the first 4 KiB mean a
    binary file (LoadError); NUL characters further on are replaced by U+FFFD (offsets
    unchanged) and reported as a warning with how many there are and where the first is.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
        return _without_nul(text, "utf-8-sig", [])
    # UTF-32 LE's BOM starts with UTF-16 LE's: test UTF-32 first
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _without_nul(data.decode(codec), codec, [])
            except UnicodeDecodeError as exc:
                where = f"{exc.reason} at byte {exc.start}"
                raise LoadError(f"invalid {codec.upper()} text: {where}") from exc
    if b"\x00" in data[:4096]:
        raise LoadError("binary file (contains NUL bytes); not a text article")
    try:
        return _without_nul(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError as exc:
        warnings = [
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "decoded as cp1252"
        ]
    return _without_nul(data.decode("cp1252", errors="replace"), "cp1252", warnings)


def _without_nul(text: str, encoding: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) with NUL characters replaced by U+FFFD and reported."""
    first = text.find("\x00")
    if first < 0:
        return text, encoding, warnings
    n = text.count("\x00")
    line = text.count("\n", 0, first) + 1
    col = first - (text.rfind("\n", 0, first) + 1) + 1
    warnings.append(
        f"{n} NUL character{'s' if n != 1 else ''} (the first at line {line}, column {col}) "
        "replaced by U+FFFD"
    )
    return text.replace("\x00", "\ufffd"), encoding, warnings


def line_starts(text: str) -> tuple[int, ...]:
    """The offset where each line of ``text`` starts (CRLF, CR and LF all end a line)."""
    starts = [0]
    if "\r" not in text:  # the common case, without a regex
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return tuple(starts)
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return tuple(starts)


def normalise_newlines(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Turn CRLF/CR into LF, returning the offset map for the removed characters."""
    if "\r" not in text:
        return text, ()
    out: list[str] = []
    mapping: list[tuple[int, int]] = [(0, 0)]
    pos = 0
    removed = 0
    for m in re.finditer(r"\r\n?", text):
        out.append(text[pos : m.start()])
        out.append("\n")
        removed += len(m.group()) - 1
        pos = m.end()
        mapping.append((pos - removed, pos))
    out.append(text[pos:])
    return "".join(out), tuple(mapping)


# --------------------------------------------------------------------------- HTML

_SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "nav", "form", "button", "iframe",
    "select", "option", "head", "canvas", "object", "embed", "menu", "dialog",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
    "figure", "figcaption", "pre", "table", "tr", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "title", "address", "caption", "td", "th",
}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr", "source"}
_CHROME_ATTR = lazy_compile(
    r"cookie|consent|newsletter|subscri|signup|sign-up|paywall|comment|share|social|related|"
    r"advert|\bads?\b|promo|sidebar|breadcrumb|navbar|site-?header|site-?footer|skip-link|"
    r"popup|modal|banner",
    re.I,
)
_MARKER_SUP = lazy_compile(r"^\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*$")


def _region_hint(tag: str, attrs: dict[str, str]) -> str:
    """The region an element suggests for its text, from its tag or its class/id/role, or ""."""
    chrome = " ".join([attrs.get("class", ""), attrs.get("id", ""), attrs.get("role", "")])
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title"):
        return "heading"
    if tag in ("figcaption", "caption"):
        return "caption"
    if tag in ("footer", "aside") or _CHROME_ATTR.search(chrome):
        return "boilerplate"
    if "byline" in chrome.lower() or "author" in chrome.lower():
        return "byline"
    return ""


@dataclass
class HtmlText:
    """An HTML page rendered to text, with what the renderer learnt about it."""

    text: str
    offsets: list[tuple[int, int]]  # (text offset, source offset) breakpoints
    links: list[Link]
    hints: list[tuple[int, int, str, str]]  # (start, end, region, reason)
    bullets: list[tuple[int, int]] = field(default_factory=list)


class _HtmlToText(HTMLParser):
    """Renders HTML to plain text: one block per line, skipped chrome tags, links,
    region hints and list items recorded by text offset, and a map back to the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = line_starts(source)
        self.parts: list[str] = []
        self.length = 0
        self.offsets: list[tuple[int, int]] = []
        self.links: list[Link] = []
        self.hints: list[tuple[int, int, str, str]] = []
        self.bullets: list[tuple[int, int]] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, int, str]] = []  # (tag, text start, hint)
        self.link_stack: list[tuple[int, str]] = []
        self.sup_start: int | None = None
        self.list_counters: list[int] = []  # per open list: items so far (-1 for <ul>)
        self.open_pre = 0  # how many <pre> elements are open (kept with the stack)
        self.open_tags: dict[str, int] = {}  # open elements per tag name, on the stack

    # position of the current token in the source
    def _src(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def _emit(self, s: str, src: int) -> None:
        """Append ``s`` to the text, noting that it comes from source offset ``src``."""
        if not s:
            return
        self.offsets.append((self.length, src))
        self.parts.append(s)
        self.length += len(s)

    def _break(self, n: int = 2) -> None:
        """End the current line (``n=1``) or paragraph (``n=2``) unless the text already does."""
        tail = "".join(self.parts[-2:])[-2:] if self.parts else "\n\n"
        need = n - (len(tail) - len(tail.rstrip("\n")))
        if self.length and need > 0:
            self._emit("\n" * need, self._src())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open ``tag``: skip it, break the line, number a list item, or start a link."""
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not self.skip_depth:
                self._break(1 if tag == "br" else 2)
            return
        if self.skip_depth or tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        a = {k: (v or "") for k, v in attrs}
        hint = _region_hint(tag, a)
        if tag in _BLOCK_TAGS:
            self._break(2 if tag != "li" else 1)
        if tag in ("ol", "ul"):
            start = a.get("start", "1").strip()
            # ASCII digits only ('²'.isdigit() is true, int('²') fails), and a bounded count
            ok = tag == "ol" and start.isascii() and start.isdigit() and len(start) <= 6
            first = int(start) - 1 if ok else 0
            self.list_counters.append(first if tag == "ol" else -1)
        if tag == "li" and self.list_counters and self.list_counters[-1] >= 0:
            # number ordered-list items so notes lists read "1. Source ..." as in the page
            self.list_counters[-1] += 1
            self._emit(f"{self.list_counters[-1]}. ", self._src())
        if tag == "a":
            self.link_stack.append((self.length, a.get("href", "")))
        if tag == "sup":
            self.sup_start = self.length
        self.stack.append((tag, self.length, hint))
        self.open_pre += tag == "pre"
        self.open_tags[tag] = self.open_tags.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        """Close ``tag``: record its link, hint or list item span; mark footnote numbers."""
        if tag in _VOID_TAGS:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        # pop to the matching tag (tolerate unclosed tags); a stray end tag is ignored
        # without searching the stack for it (that made deep pages quadratic)
        if not self.open_tags.get(tag):
            return
        i = len(self.stack) - 1
        while self.stack[i][0] != tag:
            i -= 1
        _, start, hint = self.stack[i]
        for t, _, _ in self.stack[i:]:
            self.open_tags[t] -= 1
            self.open_pre -= t == "pre"
        del self.stack[i:]
        if tag in ("ol", "ul") and self.list_counters:
            self.list_counters.pop()
        if tag == "a" and self.link_stack:
            lstart, href = self.link_stack.pop()
            if href and self.length > lstart:
                self.links.append(Link(lstart, self.length, href))
        if tag == "sup" and self.sup_start is not None:
            inner = self._tail(self.sup_start) if self.length - self.sup_start < 20 else ""
            if inner and _MARKER_SUP.match(inner):
                # render <sup>3</sup> as "[3]" so the footnote reader sees a marker
                self._wrap_marker(self.sup_start)
            self.sup_start = None
        if hint and self.length > start:
            self.hints.append((start, self.length, hint, f"<{tag}>"))
        if tag == "li" and self.length > start:
            self.bullets.append((start, self.length))
        if tag in _BLOCK_TAGS:
            self._break(2 if tag != "li" else 1)

    def _tail(self, start: int) -> str:
        """The text from offset ``start`` on (a short tail: joins only the parts it spans)."""
        k, size = len(self.parts), self.length
        while k and size > start:
            k -= 1
            size -= len(self.parts[k])
        return "".join(self.parts[k:])[start - size :]

    def _wrap_marker(self, start: int) -> None:
        """Replace the text from ``start`` (a superscript's content) by ``[content]``.

        Only the parts and offsets after ``start`` are rebuilt (the tail is short), so a
        page of many superscripts costs linear time."""
        k, size = len(self.parts), self.length
        while k and size > start:
            k -= 1
            size -= len(self.parts[k])
        tail = "".join(self.parts[k:])
        inner = tail[start - size :].strip()
        src = self._src()
        del self.parts[k:]
        if start > size:
            self.parts.append(tail[: start - size])
        self.length = start
        while self.offsets and self.offsets[-1][0] >= start:
            self.offsets.pop()
        self._emit("[" + inner + "]", src)

    def handle_data(self, data: str) -> None:
        """Emit text, collapsing whitespace outside ``<pre>``."""
        if self.skip_depth:
            return
        src = self._src()
        if not self.open_pre:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
            if self.parts and self.parts[-1].endswith(("\n", " ")) and data.startswith(" "):
                data = data[1:]
            if not self.parts and data.startswith(" "):
                data = data[1:]
        self._emit(data, src)

    def handle_entityref(self, name: str) -> None:
        self.handle_data_raw(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.handle_data_raw(unescape(f"&#{name};"))

    def handle_data_raw(self, s: str) -> None:
        """Emit a decoded character reference as it is (no-break space as a space)."""
        if not self.skip_depth:
            self._emit(s.replace("\xa0", " "), self._src())


def html_to_text(source: str) -> HtmlText:
    """Render an HTML page to text (see ``_HtmlToText``)."""
    parser = _HtmlToText(source)
    parser.feed(source)
    parser.close()
    text = "".join(parser.parts)
    # trim spaces at line ends/starts without moving offsets: replace with nothing is
    # unsafe for the map, so keep text as is apart from trailing whitespace.
    return HtmlText(text, parser.offsets, parser.links, parser.hints, parser.bullets)


# ----------------------------------------------------------------------- Markdown

# An inline link "[text](url "title")" is found by a scanner: from a "[" (not after "!"),
# the text runs to the first "]" or line end; the link is the "(url ...)" after that "]":
# the URL is the run of characters _MD_LINK_URL takes, and _MD_LINK_END must follow it
# (the URL cannot give characters back: none of them can start _MD_LINK_END). What the one
# regex "(?<!!)\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)" found, without
# its quadratic cases: every "[" of a run of them scanning to the same "]", and every "]("
# inside an unfinished URL scanning to the same end.
_MD_LINK_URL = re.compile(r"\]\(\s*<?([^)\s>]+)")
_MD_LINK_END = re.compile(r">?(?:\s+\"[^\"]*\")?\s*\)")
_MD_LINK_STOP = re.compile(r"[\]\n]")
# "<https://...>" autolinks, found by a scanner with the matches of the regex
# "<(https?://[^>\s]+)>": every "<http" inside one unfinished autolink ends at the same
# space or end of text, so they are skipped together (quadratic on "<http://a<http://a...").
_MD_AUTOLINK_START = re.compile(r"<(?=https?://)")
_MD_AUTOLINK_STOP = re.compile(r"[>\s]")
_BARE_URL = re.compile(r"(?<![(<\[\"'=])\bhttps?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")


def inline_links(text: str) -> list[Link]:
    """Inline ``[text](url)`` links (the link's span is its text), in text order.

    Every "[" between one "[" and the first "]" or newline after it reaches that same
    "]", so it fails or succeeds with it; and a "](" whose URL starts inside the URL of a
    failed link ends at the same place, so it fails too. Each character is scanned a
    bounded number of times.
    """
    links: list[Link] = []
    pos = 0
    failed_url = (0, 0)  # the URL span of the last link that failed after its URL
    while True:
        p = text.find("[", pos)
        if p < 0:
            return links
        if p and text[p - 1] == "!":  # an image
            pos = p + 1
            continue
        stop = _MD_LINK_STOP.search(text, p + 1)
        if stop is None:
            return links
        c = stop.start()
        url = None
        if text[c] == "]" and c > p + 1 and not failed_url[0] < c < failed_url[1] - 2:
            url = _MD_LINK_URL.match(text, c)
        end = _MD_LINK_END.match(text, url.end()) if url else None
        if url is None or end is None:
            if url is not None:
                failed_url = url.span(1)
            pos = c + 1 if c > p + 1 else p + 1
            continue
        links.append(Link(p + 1, c, url.group(1)))
        pos = end.end()


def autolinks(text: str) -> list[Link]:
    """``<https://...>`` autolinks (the span is the URL, without the angle brackets)."""
    links: list[Link] = []
    pos = 0
    while True:
        m = _MD_AUTOLINK_START.search(text, pos)
        if m is None:
            return links
        url = m.end()
        body = text.find("//", url) + 2  # after the scheme's "://"
        stop = _MD_AUTOLINK_STOP.search(text, body)
        end = stop.start() if stop else len(text)
        if end > body and stop is not None and text[end] == ">":
            links.append(Link(url, end, text[url:end]))
            pos = end + 1
        else:
            pos = max(end, m.start() + 1)


def markdown_links(text: str) -> list[Link]:
    """Inline ``[text](url)`` links and ``<https://...>`` autolinks, in text order."""
    links = inline_links(text)
    links += autolinks(text)
    return sorted(links, key=lambda link: link.start)


def bare_urls(text: str) -> list[Link]:
    """URLs written out in the text (not inside Markdown link syntax or quotes)."""
    if "http" not in text:  # in every match; most articles have no bare URL
        return []
    return [Link(m.start(), m.end(), m.group()) for m in _BARE_URL.finditer(text)]


# ------------------------------------------------------------------------- loading


def detect_format(path: Path) -> str:
    """The format ("text", "markdown" or "html") named by the file suffix; LoadError if none."""
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise LoadError(
            f"unsupported file type {path.suffix or '(none)'!r}; "
            f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    return fmt


def document_from_text(
    text: str, path: str = "<text>", fmt: str = "text", encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
) -> Document:  # fmt: skip
    """Build a segmented Document from decoded text (the pure core of loading)."""
    src_starts = line_starts(text)
    if fmt == "html":
        ht = html_to_text(text)
        return segment(
            ht.text, path=path, fmt=fmt, links=ht.links + bare_urls(ht.text), hints=ht.hints,
            bullets=ht.bullets, source_offsets=tuple(ht.offsets), source_line_starts=src_starts,
            encoding=encoding, warnings=warnings, source=text,
        )  # fmt: skip
    norm, offsets = normalise_newlines(text)
    links = markdown_links(norm) if fmt == "markdown" else []
    taken = [(lk.start, lk.end) for lk in links]
    for lk in bare_urls(norm):
        if not any(s <= lk.start < e for s, e in taken):
            links.append(lk)
    return segment(
        norm, path=path, fmt=fmt, links=sorted(links, key=lambda lk: lk.start),
        source_offsets=offsets, source_line_starts=src_starts, encoding=encoding,
        warnings=warnings,
    )  # fmt: skip


def _not_regular(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_limited(p: Path) -> bytes:
    """The bytes of regular file ``p``, at most MAX_BYTES; LoadError for anything else.

    Never blocks and never reads without limit: the file is opened without waiting (a
    FIFO would wait for a writer), must be a regular file (not a FIFO or a device such
    as /dev/zero, whose size says 0), and at most MAX_BYTES + 1 bytes are read, whatever
    its size claims.
    """
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(str(p))
        if not stat.S_ISREG(mode):
            raise LoadError(f"{_not_regular(mode)}, not a regular file; not read")
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        size = max(os.stat(p).st_size, len(data))
        raise LoadError(f"file is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")
    return data


def load_document(path: str | Path, display: str | None = None) -> Document:
    """Read, decode and segment one article file. Raises LoadError with a clear reason."""
    p = Path(path)
    fmt = detect_format(p)
    try:
        data = read_limited(p)
    except FileNotFoundError as exc:
        raise LoadError("file not found") from exc
    except IsADirectoryError as exc:
        raise LoadError("is a directory") from exc
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    try:
        text, encoding, warnings = decode_bytes(data)
    except UnicodeDecodeError as exc:
        raise LoadError(f"cannot decode text: {exc.reason}") from exc
    if not text.strip():
        warnings.append(EMPTY_FILE)
    return document_from_text(
        text, path=display or str(p), fmt=fmt, encoding=encoding, warnings=tuple(warnings)
    )
