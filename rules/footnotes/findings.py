"""The six footnote rules (FTN001-FTN006) and one check per rule.

Each ``check_*`` function returns the issues of its rule, in the order it finds them;
``find_issues`` collects them all, sorted by position and then rule name (for two issues
of one rule at one position, in the order found).
"""

from __future__ import annotations

from collections.abc import Callable

from checker.core.analysis import FootnoteDefinition, FootnoteMarker
from checker.core.document import BODY, HEADING, REFERENCES, Block
from checker.core.rule import Rule
from rules.footnotes.definitions import Entries
from rules.footnotes.lexicon import Lexicon
from rules.footnotes.links import LinkRead, url_problem
from rules.footnotes.records import FootnoteParse, Issue, LinkRef
from rules.footnotes.scan import WORDS, is_note_number
from rules.footnotes.sources import recognisable

NAME = "footnotes"

DANGLING = Rule(
    id="FTN001",
    name="dangling-footnote",
    family=NAME,
    severity="error",
    summary="A note marker points to an entry that does not exist.",
    rationale=(
        "A reader who follows the number finds nothing: the claim looks sourced but is "
        "not. It usually means an entry was deleted or the notes were renumbered."
    ),
    bad=(
        'The new quay opened in May.[1] The port handled a record 9,000 ships last year.[2]\n'
        '\n'
        'Sources:\n'
        '\n'
        '[1] Port authority, annual report 2024.\n'
    ),
    good=(
        'The new quay opened in May.[1] The port handled a record 9,000 ships last year.[2]\n'
        '\n'
        'Sources:\n'
        '\n'
        '[1] Port authority, annual report 2024.\n'
        "[2] Harbour Times, 'A record year for the port', 3 January.\n"
    ),
)
UNUSED = Rule(
    id="FTN002",
    name="unused-source",
    family=NAME,
    severity="warning",
    summary="A source entry that no marker in the text cites.",
    rationale=(
        "An entry nobody cites is either a leftover from an earlier draft or a sign that "
        "the sentence it supported lost its marker; either way the list misleads."
    ),
    bad=(
        'Ferry fares rose by 8% in May.1 The old pier closed in June.3\n'
        '\n'
        'Sources: 1City council, 2Harbour Times, 3Port authority.\n'
    ),
    good=(
        'Ferry fares rose by 8% in May.1 '
        'A new ferry entered service in July.2 The old pier closed in June.3\n'
        '\n'
        'Sources: 1City council, 2Harbour Times, 3Port authority.\n'
    ),
)
SEQUENCE = Rule(
    id="FTN003",
    name="footnote-sequence",
    family=NAME,
    severity="warning",
    summary="Notes are out of order, skip a number, or an entry number is used twice.",
    rationale=(
        "Numbered notes are read in order of first citation; a gap, a repeat or a jump "
        "backwards is the trace of a renumbering that went wrong."
    ),
    bad=(
        'Ferry fares rose by 8% in May.1 '
        'The old pier closed in June.3 A new ferry entered service in July.2\n'
        '\n'
        'Sources: 1City council, 2Harbour Times, 3Port authority.\n'
    ),
    good=(
        'Ferry fares rose by 8% in May.1 '
        'The old pier closed in June.2 A new ferry entered service in July.3\n'
        '\n'
        'Sources: 1City council, 2Port authority, 3Harbour Times.\n'
    ),
)
UNCITED = Rule(
    id="FTN004",
    name="uncited-statement",
    family=NAME,
    severity="warning",
    summary="In a section that cites with notes, a fact bullet or paragraph has none.",
    rationale=(
        "When every other fact in a list carries a note, the one without stands out as "
        "the one nobody checked."
    ),
    bad=(
        '- Ferry fares will rise by 8% from 1 May.1\n'
        '- The old pier will close for good at the end of June.\n'
        '\n'
        'Sources: 1City council.\n'
    ),
    good=(
        '- Ferry fares will rise by 8% from 1 May.1\n'
        '- The old pier will close for good at the end of June.2\n'
        '\n'
        'Sources: 1City council, 2Port authority.\n'
    ),
)
MALFORMED = Rule(
    id="FTN005",
    name="malformed-source-entry",
    family=NAME,
    severity="warning",
    summary="A source entry with no recognisable source name or URL.",
    rationale=(
        "An entry like '3. TK' or '[4] link' tells the reader nothing about where the "
        "fact comes from; placeholders must not survive into publication."
    ),
    bad=(
        'The pier will close in June.1\n'
        '\n'
        'Sources:\n'
        '\n'
        '1. TK\n'
    ),
    good=(
        'The pier will close in June.1\n'
        '\n'
        'Sources:\n'
        '\n'
        "1. Harbour Times, 'Pier to close', 2 May, https://harbourtimes.example/pier\n"
    ),
)
BROKEN_LINK = Rule(
    id="FTN006",
    name="broken-link",
    family=NAME,
    severity="warning",
    summary="A link target that is not a valid address (checked offline, by syntax).",
    rationale=(
        "A mistyped scheme, a space in the address or a missing host means readers "
        "cannot reach the source; no network access is needed to see it."
    ),
    bad="[the council's report](htps://council.example/report 2024.pdf)",
    good="[the council's report](https://council.example/report-2024.pdf)",
)
RULES = (DANGLING, UNUSED, SEQUENCE, UNCITED, MALFORMED, BROKEN_LINK)

_MIN_STATEMENT_WORDS = 8


def find_issues(
    text: str,
    blocks: list[Block],
    res: FootnoteParse,
    entries: Entries,
    links: LinkRead,
    lex: Lexicon,
) -> list[Issue]:
    """Every issue of one parsed document, sorted by position, then rule name.
    ``blocks`` are sorted by start; ``res`` is complete but for its issues."""
    issues = [
        *check_broken_links(res.links, links.undefined, entries.all),
        *check_dangling(res.footnotes.markers, entries.definitions),
        *check_unused(res.footnotes.unused, entries),
        *check_sequence(res, entries),
        *check_malformed(entries, lex),
    ]
    if res.cites_with_notes:
        issues += check_uncited(text, blocks, res, entries.covered)
    issues.sort(key=lambda i: (i.start, i.rule.name))
    return issues


# ------------------------------------------------------------------- FTN001


def check_dangling(
    markers: list[FootnoteMarker], defs: dict[str, FootnoteDefinition]
) -> list[Issue]:
    """FTN001 dangling-footnote: every marker whose number has no entry."""
    where = "no entry" if defs else "no source list or notes section"
    return [
        Issue(
            DANGLING,
            mk.start,
            mk.end,
            f"note {mk.number} has {where}: add the entry or remove the marker",
        )
        for mk in markers
        if mk.number not in defs
    ]


# ------------------------------------------------------------------- FTN002


def check_unused(unused: list[str], entries: Entries) -> list[Issue]:
    """FTN002 unused-source: every entry no marker cites (``unused`` labels); a Markdown
    reference-link definition is used by its links instead."""
    issues: list[Issue] = []
    for label in unused:
        d = entries.definitions[label]
        if entries.conventions.get(label) == "md-reference" and not is_note_number(label):
            message = f"link definition [{label}] is never used"
        else:
            message = f"source {label} ({_short(d.text)}) is not cited by any marker"
        issues.append(Issue(UNUSED, d.start, d.end, message))
    return issues


# ------------------------------------------------------------------- FTN003


def check_sequence(res: FootnoteParse, entries: Entries) -> list[Issue]:
    """FTN003 footnote-sequence: entries defined twice, notes first cited out of order or
    after a gap, a note repeated in one citation, and gaps in the entry numbers."""
    markers = res.footnotes.markers
    defs = entries.definitions
    issues = [
        Issue(
            SEQUENCE,
            d.start,
            d.end,
            f"entry {d.number} is defined twice (also {_short(defs[d.number].text)!r})",
        )
        for d in entries.duplicates
    ]
    # order of first use, gaps (numbered conventions only; Markdown footnotes renumber)
    numbered = [
        mk
        for mk in markers
        if is_note_number(mk.number) and res.conventions.get(mk.number) != "md-footnote"
    ]
    issues += _citation_order(numbered, defs)
    issues += [
        Issue(SEQUENCE, mk.start, mk.end, f"note {mk.number} is repeated in the same citation")
        for mk in _same_group_duplicates(markers)
    ]
    issues += _entry_gaps(markers, defs)
    return issues


def _citation_order(
    numbered: list[FootnoteMarker], defs: dict[str, FootnoteDefinition]
) -> list[Issue]:
    """Notes first cited after a higher one, or after skipping numbers never cited and
    with no entry."""
    issues: list[Issue] = []
    first_use: list[FootnoteMarker] = []
    seen_n: set[str] = set()
    for mk in numbered:
        if mk.number not in seen_n:
            seen_n.add(mk.number)
            first_use.append(mk)
    later = {int(mk.number) for mk in first_use}
    max_seen = 0
    for mk in first_use:
        n = int(mk.number)
        later.discard(n)
        if n < max_seen:
            issues.append(
                Issue(
                    SEQUENCE,
                    mk.start,
                    mk.end,
                    f"note {n} is first cited after note {max_seen}: "
                    "number notes in order of first citation",
                )
            )
        elif n > max_seen + 1:
            missing = [k for k in range(max_seen + 1, n) if k not in later and str(k) not in defs]
            if missing:
                after = f"follows note {max_seen}" if max_seen else "is the first note cited"
                issues.append(
                    Issue(SEQUENCE, mk.start, mk.end,
                          f"note {n} {after}; {_numlist(missing)} never cited")
                )  # fmt: skip
        max_seen = max(max_seen, n)
    return issues


def _same_group_duplicates(markers: list[FootnoteMarker]) -> list[FootnoteMarker]:
    """Markers repeating the number of the marker just before them ("[1][1]", "1,1")."""
    out = []
    for a, b in zip(markers, markers[1:], strict=False):
        if a.number == b.number and (a.start == b.start or 0 <= b.start - a.end <= 1):
            out.append(b)
    return out


def _entry_gaps(
    markers: list[FootnoteMarker], defs: dict[str, FootnoteDefinition]
) -> list[Issue]:
    """Gaps in the entry numbers not explained by a (dangling) marker."""
    numeric_defs = [int(k) for k in defs if is_note_number(k)]
    if not numeric_defs:
        return []
    cited = {mk.number for mk in markers}
    issues: list[Issue] = []
    nums = sorted(set(numeric_defs))
    for a, b in zip(nums, nums[1:], strict=False):
        if b > a + 1:
            missing = [k for k in range(a + 1, b) if str(k) not in cited]
            if missing:
                d = defs[str(b)]
                issues.append(
                    Issue(
                        SEQUENCE,
                        d.start,
                        d.end,
                        f"entries jump from {a} to {b}: no entry {_numlist(missing, bare=True)}",
                    )
                )
    return issues


# ------------------------------------------------------------------- FTN004


def check_uncited(
    text: str, blocks: list[Block], res: FootnoteParse, in_refs: Callable[[int], bool]
) -> list[Issue]:
    """FTN004 uncited-statement: bullets/paragraphs without a note or link in sections
    where most of them have one (for documents that cite with notes)."""
    marker_pos = [(mk.start, mk.scope) for mk in res.footnotes.markers]
    link_pos = [lk.start for lk in res.links if lk.kind != "definition"]
    out: list[Issue] = []
    for sec in _statement_sections(text, blocks, in_refs):
        if len(sec) < 2:
            continue
        flags = []
        for b in sec:
            has = any(
                b.start <= p < b.end or (sc is not None and sc.start < b.end and b.start < sc.end)
                for p, sc in marker_pos
            ) or any(b.start <= p < b.end for p in link_pos)
            flags.append(has)
        if sum(flags) * 2 < len(sec) or sum(flags) == 0:
            continue
        for b, has in zip(sec, flags, strict=True):
            if not has:
                what = "bullet" if b.bullet else "paragraph"
                first = text[b.start : b.end].split("\n", 1)[0]
                e = b.start + len(first.rstrip())
                out.append(
                    Issue(
                        UNCITED,
                        b.start,
                        e,
                        f"this {what} has no note while the others in its section do",
                    )
                )
    return out


def _statement_sections(
    text: str, blocks: list[Block], in_refs: Callable[[int], bool]
) -> list[list[Block]]:
    """The body blocks of at least eight words that are not questions, grouped into the
    sections between headings and reference sections."""
    sections: list[list[Block]] = [[]]
    for b in blocks:
        if b.region == HEADING or b.region == REFERENCES or in_refs(b.start):
            if sections[-1]:
                sections.append([])
            continue
        if b.region != BODY:
            continue
        seg = text[b.start : b.end]
        if len(WORDS.findall(seg)) < _MIN_STATEMENT_WORDS or seg.rstrip().endswith("?"):
            continue
        sections[-1].append(b)
    return sections


# ------------------------------------------------------------------- FTN005


def check_malformed(entries: Entries, lex: Lexicon) -> list[Issue]:
    """FTN005 malformed-source-entry: entries that name no source and give no URL
    (Markdown reference-link definitions are checked as links instead)."""
    defs = entries.definitions
    issues: list[Issue] = []
    prev = False
    for d in sorted(entries.all, key=lambda d: d.start):
        if entries.conventions.get(d.number) == "md-reference" and (
            d.start == defs.get(d.number, d).start
        ):
            prev = True
            continue  # a reference-link definition is just a URL: checked as a link
        if not recognisable(d.text, d.url, lex, prev):
            issues.append(
                Issue(
                    MALFORMED,
                    d.start,
                    d.end,
                    f"entry {d.number} ({_short(d.text) or 'empty'!r}) names no "
                    "source and gives no URL",
                )
            )
        prev = True
    for u in entries.unnumbered:
        if not recognisable(u.text, u.url, lex, True):
            issues.append(
                Issue(
                    MALFORMED,
                    u.start,
                    u.end,
                    f"source entry {_short(u.text)!r} names no source and gives no URL",
                )
            )
    return issues


# ------------------------------------------------------------------- FTN006


def check_broken_links(
    links: list[LinkRef],
    undefined: list[tuple[int, int, str]],
    all_entries: list[FootnoteDefinition],
) -> list[Issue]:
    """FTN006 broken-link: reference links with no definition, link targets that are not
    valid addresses, and invalid URLs of entries that no link repeats."""
    issues = [
        Issue(
            BROKEN_LINK,
            start,
            end,
            f"reference link [{label}] has no definition ('[{label}]: https://...')",
        )
        for start, end, label in undefined
    ]
    for lk in links:
        problem = url_problem(lk.url)
        if problem:
            message = f"link to {_short(lk.url, 60)!r}: {problem}"
            issues.append(Issue(BROKEN_LINK, lk.start, lk.end, message))
    link_urls = {lk.url for lk in links}
    for d in all_entries:
        if d.url and d.url not in link_urls:
            problem = url_problem(d.url)
            if problem:
                message = f"entry {d.number} URL {_short(d.url, 60)!r}: {problem}"
                issues.append(Issue(BROKEN_LINK, d.start, d.end, message))
    return issues


# ------------------------------------------------------------------ messages


def _numlist(nums: list[int], bare: bool = False) -> str:
    """"note 3 is" / "notes 3, 4 are" (or just "3, 4" when ``bare``)."""
    s = ", ".join(str(n) for n in nums)
    if bare:
        return s
    return f"note {s} is" if len(nums) == 1 else f"notes {s} are"


def _short(s: str, n: int = 40) -> str:
    """``s`` on one line, cut to ``n`` characters with an ellipsis."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"
