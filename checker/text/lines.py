"""Where the lines of a text start: shared by the loader and the HTML renderer."""

from __future__ import annotations

import re


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
