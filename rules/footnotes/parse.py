"""``parse_footnotes``: the pure core of the family, calling the parse steps in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.core.analysis import FootnoteDefinition, FootnoteMarker, Footnotes
from checker.core.document import Block, Sentence
from rules.footnotes.definitions import read_entries
from rules.footnotes.findings import find_issues
from rules.footnotes.lexicon import Lexicon, lexicon
from rules.footnotes.links import read_links
from rules.footnotes.markers import find_markers, marker_mask
from rules.footnotes.records import FootnoteParse
from rules.footnotes.scope import fallback_blocks, place_markers

if TYPE_CHECKING:
    from checker.core.document import Link


def parse_footnotes(
    text: str,
    blocks: tuple[Block, ...] | list[Block] | None = None,
    *,
    sentences: tuple[Sentence, ...] | list[Sentence] | None = None,
    links: tuple[Link, ...] | list[Link] = (),
    fmt: str = "text",
    scope: str = "auto",
    lex: Lexicon | None = None,
) -> FootnoteParse:
    """Read markers, entries and links of one document and check them.

    ``blocks``/``sentences`` come from the segmenter (``Document.blocks``/``.sentences``);
    without them the text is split with simple rules. ``links`` are the loader's hyperlinks
    (``Document.links``). Returns markers (with scope), definitions, dangling/unused numbers,
    links and the issues to report, without touching any pipeline state."""
    lex = lex or lexicon()
    block_list = list(blocks) if blocks else fallback_blocks(text)
    loader_links = list(links)
    mask = marker_mask(text, fmt)
    entries = read_entries(text, block_list, loader_links, fmt, lex)
    found = find_markers(text, loader_links, mask, entries, lex)
    by_start = sorted(block_list, key=lambda b: b.start)
    markers, conventions = place_markers(text, found.candidates, by_start, sentences, scope)
    link_read = read_links(text, loader_links, entries, found.taken, fmt)
    defs = entries.definitions
    res = FootnoteParse(
        footnotes=Footnotes(
            markers=markers,
            definitions=defs,
            dangling=_dangling(markers, defs),
            unused=_unused(markers, defs, link_read.used_labels),
        ),
        links=link_read.links,
        unnumbered=entries.unnumbered,
        reference_spans=entries.reference_spans,
        conventions=conventions,
        definition_conventions=entries.conventions,
        cites_with_notes=_cites_with_notes(markers, defs),
    )
    res.issues = find_issues(text, by_start, res, entries, link_read, lex)
    return res


def _dangling(markers: list[FootnoteMarker], defs: dict[str, FootnoteDefinition]) -> list[str]:
    """The numbers of markers with no entry, in order of first citation."""
    dangling: list[str] = []
    for mk in markers:
        if mk.number not in defs and mk.number not in dangling:
            dangling.append(mk.number)
    return dangling


def _unused(
    markers: list[FootnoteMarker], defs: dict[str, FootnoteDefinition], used_labels: set[str]
) -> list[str]:
    """The labels of entries no marker cites (Markdown reference-link definitions count as
    used by their links), in entry order."""
    cited = {mk.number for mk in markers}
    return [label for label in defs if label not in cited and label not in used_labels]


def _cites_with_notes(markers: list[FootnoteMarker], defs: dict[str, FootnoteDefinition]) -> bool:
    """Whether the document cites with notes: two distinct note numbers, or one with entries."""
    distinct = {mk.number for mk in markers}
    return len(distinct) >= 2 or (len(distinct) == 1 and bool(defs))
