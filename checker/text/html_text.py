"""HTML pages rendered to text for the loader (:func:`html_to_text`).

Its own module so that a plain-text or Markdown draft does not import the standard
library's HTML parser and entity tables (a part of a draft check's start-up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from checker.core.document import Link
from checker.core.regexlit import lazy_compile
from checker.text.lines import line_starts

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
