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
from pathlib import Path

from checker.core.document import Document, Link
from checker.text.lines import line_starts
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
        from checker.text.html_text import html_to_text  # only for HTML: its parser's imports

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
        st = os.fstat(fd)
        mode = st.st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(str(p))
        if not stat.S_ISREG(mode):
            raise LoadError(f"{_not_regular(mode)}, not a regular file; not read")
        # as much as the size says and one byte more (a read of MAX_BYTES + 1 at once made
        # a buffer of that size for every file); more only if the file holds more
        want = min(st.st_size, MAX_BYTES) + 1
        data = fh.read(want)
        if len(data) == want <= MAX_BYTES:
            data += fh.read(MAX_BYTES + 1 - want)
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


def __getattr__(name: str) -> object:
    """``html_to_text`` and ``HtmlText``, which moved to :mod:`checker.text.html_text`, still
    answer here (imported on first use, so that a draft check does not load them)."""
    if name in ("html_to_text", "HtmlText"):
        from checker.text import html_text

        return getattr(html_text, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
