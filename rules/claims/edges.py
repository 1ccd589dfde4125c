"""The edges of a text that reached the body as sentences and are no claims: a title line at
its top (:func:`title_lines`, reason :data:`rules.claims.voice.HEADLINE`, like a headline in
title case) and the notes on the writer and reprint credits that close it
(:func:`closing_notes`, reason :data:`CLOSING_NOTE`).

A title line is told by its build (a headline and its subhead run together, or a dateline
after it), not by its length alone: a short lead of a draft with no title, or a lead with a
semicolon in it, keeps its verdict. A closing note opens with the writer's name, not with a
determiner or a pronoun ("The victim was a teacher ...", "His father was ..." are the
story's), or is a credit ("Reprinted with permission ...", "Copyright © 2024 ...", not
"Copyright claims rose ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.core.regexlit import CompiledOnUse

if TYPE_CHECKING:
    from checker.core.document import Sentence

CLOSING_NOTE = "note on the writer or a reprint credit"

# The roles a note on the writer names ("Ann Lee is a professor of history at Kent.").
_ROLES = (
    "professor|lecturer|fellow|author|writer|columnist|contributor|editor|correspondent|"
    "reporter|director|founder|co-founder|president|chair|chairman|chairwoman|member|"
    "researcher|economist|analyst|attorney|lawyer|physician|doctor|teacher|student|"
    "executive|partner|consultant|historian|scientist|journalist|pastor|veteran|former|"
    "retired|candidate"
)
# A writer's name opens a note: capitalised words, in that case, and not a determiner or a
# pronoun ("The victim was a teacher ...", "His father was the chairman ..." are the story's).
_NOTE_NAME = (
    r"(?-i:(?!(?:The|This|That|These|Those|His|Her|Its|Their|Our|My|Your|A|An|It|He|She|They|"
    r"We|I|One|Each|Both|All|Some|Many|Most|Another|Such|Every|No)\b)"
    r"(?:\(?[A-Z][\w.’'()-]*\s+){1,5})")


@lru_cache(maxsize=1)
def _sources() -> dict[str, str | tuple[str, int]]:
    """The patterns of a title line's build and of the notes that close a text."""
    return {
        # a headline and its subhead run together, after a line break or a wide gap:
        # "Storm closes road; \nFerries cancelled.", "Storm closes road;  Ferries cancelled"
        # (not one space: "The mayor resigned; Deputy Mayor Ann Kerr will lead ...")
        "subhead": (r";[ \t]*(?:\n|$)|;[ \t]{2,}[A-Z]"),
        # a dateline after a dash ("PORTLOE (Courier) — ..."), not a label ("UPDATE: ...")
        "dateline": (r"[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z .]+\))?\s*[-–—]\s"),
        # a note on the writer, a reprint credit: "Ann Lee is a professor of history at
        # Kent.", "From HARBOUR DAYS by Ann Lee. Copyright © 2024 by Ann Lee. Reprinted
        # with permission of Harbour Books." ("Copyright claims rose ..." is no credit)
        CLOSING_NOTE: (
            rf"{_NOTE_NAME}(?:is|was)\s+(?:a|an|the)\s+"
            rf"(?:[\w.’'(),-]+\s+){{0,6}}?(?:{_ROLES})\b|"
            r"(?:reprinted|excerpted|adapted)\s+(?:courtesy\s+of|with\s+(?:the\s+)?permission|"
            r"from)\b|©|copyright\s+(?:©|\(c\)|by\b|(?:1[89]|20)\d\d\b)|"
            r"(?-i:From\s+[A-Z][^.]{1,80}?\s+by\s+[A-Z])", re.IGNORECASE),
    }


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns by name, each compiled on first use."""
    return CompiledOnUse(_sources)


# A title line has at most this many words and sentences.
_TITLE_WORDS = 24
_TITLE_SENTENCES = 2


def title_lines(text: str, sentences: Sequence[Sentence]) -> set[int]:
    """The body sentences (by index) of a headline that reached the body as a sentence in
    sentence case: the first paragraph of ``text``, when nothing but white space comes
    before it, it has at most :data:`_TITLE_SENTENCES` sentences and :data:`_TITLE_WORDS`
    words, does not end in a colon or a question mark, more paragraphs follow, and it is
    built as a title: a headline and its subhead run together, after a line break or a
    semicolon and a wide gap ("Storm closes coastal road; \nFerries cancelled.", "Storm
    closes coastal road;  Ferries cancelled until Friday."), or the next paragraph opens
    with a dateline and a dash ("PORTLOE (Courier) — ..."). A short opening paragraph of a
    draft with no title, or a lead with a semicolon in it, keeps its verdict."""
    if not sentences or text[:sentences[0].start].strip():
        return set()
    block = sentences[0].block
    first = [s for s in sentences if s.block == block]
    if (len(first) > _TITLE_SENTENCES or len(first) == len(sentences)
            or sum(len(s.text.split()) for s in first) > _TITLE_WORDS
            or any(s.text.rstrip(" \t\"”’')").endswith((":", "?")) for s in first)):
        return set()
    p = _patterns()
    joined = any(p["subhead"].search(s.text.strip()) for s in first)
    if not joined and not p["dateline"].match(sentences[len(first)].text):
        return set()
    return {s.index for s in first}


# The notes that close a text fill at most this many paragraphs.
_CLOSING_BLOCKS = 3


def closing_notes(sentences: Sequence[Sentence]) -> set[int]:
    """The body sentences (by index) of the notes that close a text: notes on the writer
    ("Ann Lee is a professor of history at Kent.") and reprint credits ("Reprinted with
    permission of Harbour Books.", "Copyright © 2024 ..."), read back from the last
    sentence while they last, in at most :data:`_CLOSING_BLOCKS` paragraphs; only whole
    paragraphs (the last sentence of a paragraph of prose is no note), never the text's
    first paragraph."""
    note = _patterns()[CLOSING_NOTE]
    k = len(sentences)
    while k > 1 and note.match(sentences[k - 1].text.strip()):
        k -= 1
    # (back to the first note that opens its paragraph)
    while k < len(sentences) and sentences[k - 1].block == sentences[k].block:
        k += 1
    notes = sentences[k:]
    if not notes or len({s.block for s in notes}) > _CLOSING_BLOCKS:
        return set()
    return {s.index for s in notes}
