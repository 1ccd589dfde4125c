"""Where the lines of a text start: shared by the loader and the HTML renderer."""

from __future__ import annotations

import re

from checker.core.regexlit import lazy_compile

# "by Jane Roe": a byline in lower case, a line of its own under a teaser, not the rest of
# the sentence above it
_LOWER_BYLINE = lazy_compile(r"[ \t]*by [A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3}[ \t]*")
# pictographs at the end of a line: symbols and emoji (code point ranges), their modifiers
# (variation selectors, keycaps, the joiner) and the spaces between them
_PICTOGRAPH_RANGES = ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
_MODIFIERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")


def _pictograph(c: str) -> bool:
    o = ord(c)
    if o < 0x200D:  # below the first modifier and range: only a space can be one
        return c.isspace()
    return c.isspace() or c in _MODIFIERS or any(a <= o <= b for a, b in _PICTOGRAPH_RANGES)


def without_trailing_pictographs(line: str) -> str:
    """``line`` without the emoji at its end ("... on Tuesday. \U0001f6a2" ends "Tuesday.");
    read from the end, a character at a time (a pattern anchored at the end would try every
    start in a long run of them)."""
    end = len(line)
    while end and _pictograph(line[end - 1]):
        end -= 1
    return line[:end]


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


def hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a paragraph's lines (``(start, end)`` spans in ``text``) look wrapped at a
    fixed width: all but the last of similar length (35 to 100 characters), not every one
    of them ending a sentence, and the last no longer than the longest of them (a wrapped
    paragraph never has a longer last line: a short line of a stock quote or a heading over a
    long sentence is not a wrapped paragraph)."""
    if len(lines) < 2:
        return False
    body = [e - s for s, e in lines[:-1]]
    longest = max(body)
    if not (all(35 <= n <= 100 for n in body) and longest - min(body) <= 40
            and lines[-1][1] - lines[-1][0] <= longest + 12):
        return False
    # every line ending a sentence: one sentence (or teaser) a line
    return not all(text[e - 1 : e] in ".!?\u2026" for _, e in lines[:-1])


def indented_paragraphs(text: str, para: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A run of lines cut where a line is indented, when that is how the text marks its
    paragraphs (wire copy with no blank lines: each paragraph's first line indented, the
    lines wrapped under it flush left). Otherwise the run as it is."""
    if len(para) < 3 or text[para[0][0] : para[0][0] + 1] not in " \t":
        return [para]
    indented = [text[s : s + 1] in " \t" for s, _ in para]
    if sum(indented) < 2 or all(indented):
        return [para]
    out: list[list[tuple[int, int]]] = []
    for line, ind in zip(para, indented, strict=True):
        if ind or not out:
            out.append([])
        out[-1].append(line)
    return out


def lower_byline(line: str) -> bool:
    """Whether ``line`` is only a byline in lower case ("by Jane Roe")."""
    return _LOWER_BYLINE.fullmatch(line) is not None
