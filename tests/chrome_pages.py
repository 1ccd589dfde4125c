"""What the page-chrome tests share: a short story of our own writing to build pages around,
and two ways to read a loaded page back (its analysed sentences, one sentence's region)."""

from __future__ import annotations

from checker.core.document import BODY, Document


def analysed(doc: Document) -> list[str]:
    """The sentences read as article text."""
    return [s.text for s in doc.sentences if s.region == BODY]


def region_of(doc: Document, line: str) -> str:
    """The region of the sentence that starts with ``line``."""
    return next(s.region for s in doc.sentences if s.text.startswith(line))


STORY = (
    "The county council approved a new budget on Tuesday after a four-hour meeting, raising "
    "spending on road repairs by 12 percent.\n\n"
    "Council leader Maya Stone said the increase was overdue after two hard winters.\n"
)
