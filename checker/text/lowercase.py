"""Lower case that keeps offsets: one character in, one character out.

``str.lower`` may lengthen a text ("İ", U+0130, lowers to "i" and a combining dot), after
which an offset found in the lower case no longer points at the same character of the
original. Rules that search a lower-cased copy and report spans in the original use
:func:`lowered` instead.
"""

from __future__ import annotations


def lowered(text: str) -> str:
    """``text`` in lower case, offset for offset: ``len(lowered(text)) == len(text)``, and a
    character whose lower case is longer than one character keeps the first character of
    it ("İ" -> "i"), so that a lower-case pattern still finds "İt is said" as "it is said".

    Equal to ``text.lower()`` whenever that keeps the length (the usual case, and the only
    one where the whole-text lower case is context-dependent: Greek final sigma)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] or c for c in text)
