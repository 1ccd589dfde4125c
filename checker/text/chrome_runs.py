"""Page chrome told by a block's neighbours rather than its own words.

:mod:`checker.text.chrome` tests one block at a time; what is here looks at runs of blocks
and at the whole page, after every block has its first region:

- an **embedded post** (a tweet as a scraper flattens it): its text, then a signature line
  "— Jane Roe (@janeroe) May 3, 2024", or one block that holds both, or a
  "pic.twitter.com/..." link;
- a **list of teasers**: three or more blocks in a row cut off with "..." (the first lines
  of other stories, "GENEVA: Rights experts warned on Monday that..."), two ending the text;
- a **related-link list** after its label ("Related articles", "More from Politics",
  "Promoted articles"): the short blocks that follow it, even when they are full sentences,
  where the text ends after them or more chrome follows (a "Read more" line inside a story
  is followed by the story);
- a **headline** with no final punctuation that its byline or timestamp follows;
- the **headline and deck over the byline**: the short blocks that open the text before a
  byline or timestamp among its first blocks, full stops or not (a plain-text export prints
  "Title.", "Standfirst.", "By Jane Roe");
- an **author box**: "About the author" and the bio under it;
- a **table of contents** after its label ("In this article:", "Contents"): the short,
  unpunctuated section titles that follow it;
- a **repeated block**: a title printed twice in a row, or a photo caption that repeats a
  sentence of the story;
- a **contributor's line** by the byline ("Jane Roe covers science for the Gazette.");
- a **list of links with no label**: bullets in a row that are each a headline, or each a
  title with its date (a recent-posts widget: where the text ends with it, more chrome
  follows or its items are links; a story's dated timeline goes on to more story);
- a **site tagline** in lower case over the story ("a Northfield Media site").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.core.document import BODY, BOILERPLATE, BYLINE, CAPTION, HEADING, REFERENCES
from checker.core.regexlit import lazy_compile
from checker.text.chrome import MONTH, RawBlock, headline_shape, one_sentence, sentence_count
from checker.text.chrome_bio import beat_line, trailing_bio
from checker.text.lines import without_trailing_pictographs

_POST_DATE = (
    rf"(?i:{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\.?,?\s+\d{{4}})"
)
# "— Jane Roe (@janeroe) May 3, 2024": who posted it, their handle and the date
_SIGNATURE = (rf"[\u2014\u2013-]{{1,2}}\s*[^\n()]{{1,60}}\(@\w{{1,15}}\)\s*"
              rf"(?:on\s+)?(?:{_POST_DATE})?")
_SIGNATURE_LINE = lazy_compile(  # with no dash, a date must close it
    rf"(?:{_SIGNATURE}|[^\n()]{{1,60}}\(@\w{{1,15}}\)\s*(?:on\s+)?{_POST_DATE})\s*")
_POST_LINK = r"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)"
# A post's mark: its signature with its date (anywhere: two posts may share a block), or its
# own link closing the block (then perhaps more links, the tag a scraper left, the
# signature). A link inside a paragraph that goes on ("A video posted at pic.twitter.com/x
# shows ...") is the author's prose citing the post, not the post.
_POST_TAIL = r"(?:\s*(?:</?tweet/?>|[.\u2026]))*\s*$"  # a scraper's closing tag, a stop
_POST_END = lazy_compile(
    rf"{_POST_LINK}(?:\s*{_POST_LINK})*"
    r"(?:\s*[\u2014\u2013]\s*(?:[^\n()]{1,60}\(@\w{1,15}\)\s*(?:on\s+)?(?:" + _POST_DATE
    + r")?)?)?"  # the signature, or its dash where the page was cut off
    + _POST_TAIL
    + r"|[\u2014\u2013]\s*[^\n()]{1,60}\(@\w{1,15}\)\s+" + _POST_DATE
)
_TRUNCATED = ("...", "\u2026", "[\u2026]", "[...]")
# the label of a list of links to other stories: one that says so ("Related articles", "Read
# more", "More stories", "Recommended", "Most read")
_LIST_LABEL = lazy_compile(
    r"(?i:related(?: (?:articles?|stories|news|posts|content|coverage|links|reading|topics"
    r"|videos?))?"
    # a section or an outlet by name: "More on Politics", "Also on Northfield Gazette"
    r"|(?:more (?:from|on|in)|also on) (?-i:(?:[A-Z][\w.&'\u2019-]*\s*){1,5})"
    r"|more (?:stories|news|articles|headlines|coverage|from (?:our|this)\b[^\n]{1,40}"
    r"|like this|to read)|read (?:more|next|also|these next)|also read"
    r"|see also|other (?:news|stories)|in other news|explore more"
    r"|recommended(?: (?:for you|stories|articles|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)"
    r"|(?:latest|top|trending|popular|most (?:read|popular|viewed|shared))"
    r" (?:news|stories|articles|headlines|videos?)|trending(?: now)?|most (?:read|popular|viewed"
    r"|shared)"
    r"|(?:promoted|sponsored|partner) (?:articles|stories|content|links)"
    r"|editors?'?\u2019?s? picks?|around the web|from (?:our|the) partners|what to read next"
    r"|what (?:others|people|readers) are reading|in case you missed it"
    r"|don'?\u2019?t miss)\s*[:\u00bb>|\u2192]?\s*"
)
# the letters a list label can start with (tested against the pattern): a heading that
# starts with another (ASCII) letter is not run against it
_LIST_LABEL_FIRST = frozenset("adefilmoprstwy")
# a label that is also a story's subhead ("Latest", "More on the budget", "Also on the
# agenda"): a list only where every item looks like a link (no final stop, or headline case)
_WEAK_LABEL = lazy_compile(
    r"(?i:latest|top|popular|latest now|(?:more (?:on|from|in)|also on)\b[^\n]{1,40})"
    r"\s*[:\u00bb>|\u2192]?\s*"
)
LIST_ITEM_WORDS = 25  # an item of a related-link list (a headline, or one short sentence)
REPEAT_DISTANCE = 3  # a caption stands at most this many blocks from the text it repeats
_OPEN = (BODY, HEADING)  # a block still read as text, or as a heading of its own shape
_TERMINAL = lazy_compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")


class _Page:
    """The blocks of one text as these rules see them: each block's text (stripped, taken
    once), word count and region, which the rules relabel in place."""

    def __init__(self, text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
                 words: Sequence[int], bodies: Sequence[str],
                 links: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.links = links  # the spans of the markup's links' anchor texts
        self.raw = raw
        self.regions = regions
        self.words = words
        self.bodies = bodies
        self.n = len(raw)

    def mark(self, i: int, region: str, reason: str) -> None:
        self.regions[i] = (region, reason)

    def terminal(self, i: int) -> bool:
        """Whether block ``i`` ends a sentence (before any emoji after it)."""
        return _TERMINAL.search(without_trailing_pictographs(self.bodies[i])) is not None


def _posts(page: _Page) -> None:
    """Embedded posts: a signature line and the text before it (not the author's lead-in
    ending with a colon), or a block that a signature or the post's own link closes (a link
    inside a paragraph that goes on is the author citing the post)."""
    text = page.text
    if "(@" not in text and "t.co/" not in text and "twitter.com/" not in text:
        return
    for i, body in enumerate(page.bodies):
        if page.regions[i][0] not in _OPEN or not (
                "(@" in body or "t.co/" in body or "twitter.com/" in body):
            continue
        b = page.raw[i]
        whole = page.text[b.start : b.end].strip()  # with the dash a bullet marker took
        if "(@" in body and _SIGNATURE_LINE.fullmatch(whole):
            page.mark(i, BOILERPLATE, "embedded post")
            if (i > 0 and page.regions[i - 1][0] in _OPEN and page.words[i - 1] <= 80
                    and not page.bodies[i - 1].endswith(":")):  # the author's lead-in
                page.mark(i - 1, BOILERPLATE, "embedded post")
        elif page.words[i] <= 100 and _POST_END.search(body):
            page.mark(i, BOILERPLATE, "embedded post")


def _teasers(page: _Page) -> None:
    """Runs of three or more blocks cut off with an ellipsis (two, ending the text): other
    stories' first lines."""
    if "..." not in page.text and "\u2026" not in page.text:
        return  # no block can end with an ellipsis (every marker holds one of the two)
    run: list[int] = []
    for i in range(page.n + 1):
        if (i < page.n and page.regions[i][0] in _OPEN and page.words[i] <= 60
                and page.bodies[i].endswith(_TRUNCATED)):
            run.append(i)
            continue
        if i < page.n and run and page.regions[i][0] in (BYLINE, CAPTION, BOILERPLATE, HEADING):
            continue  # a timestamp, a credit or the next teaser's headline between two teasers
        if len(run) >= 3 or len(run) == 2 and i == page.n:
            for k in run:
                page.mark(k, BOILERPLATE, "list of teasers")
        run = []


def _link_lists(page: _Page) -> None:
    """The short blocks after a related-link list's label ("Related articles"); after a label
    that may be a subhead ("Latest", "More on the budget"), only blocks shaped like links. A
    run of full sentences after the label is a list only where the text ends with it: before
    a caption or a byline it is the story going on, where the page lost the list's links."""
    i = 0
    while i < page.n:
        if not (page.regions[i][0] in (BOILERPLATE, HEADING) and page.words[i] <= 6):
            i += 1
            continue
        body = page.bodies[i]
        explicit = (not (body[:1].isascii() and body[:1].lower() not in _LIST_LABEL_FIRST)
                    and _LIST_LABEL.fullmatch(body) is not None)
        if not explicit and not _WEAK_LABEL.fullmatch(page.bodies[i]):
            i += 1
            continue
        j = i + 1
        links = False  # whether an item is shaped like a link's text
        # a list's items share their shape: all bullets or none, all the markup's links or
        # none (where the page had markup): the story's prose after a list of links is no item
        bulleted = j < page.n and page.raw[j].bullet
        linked = bool(page.links) and j < page.n and _linked(page, j)
        while (j < page.n and j - i <= 15 and page.regions[j][0] in _OPEN
               and page.raw[j].bullet == bulleted
               and (not page.links or _linked(page, j) == linked)
               and page.words[j] <= LIST_ITEM_WORDS and one_sentence(page.bodies[j])
               and (explicit or _link_shaped(page, j))):
            links = links or _link_shaped(page, j)
            j += 1
        # items that are the markup's links are the list, whatever follows them
        linked = linked and j > i + 1
        # a list only where no story follows it: the text ends, or more chrome comes
        # ("Read more" in a story, then its next short paragraphs, is no list); a run of
        # full sentences only where the text ends with it (a story's short paragraphs after
        # a label whose links the page lost go on to a photo caption or a byline)
        ends = (j == page.n or links and page.regions[j][0] in (BOILERPLATE, BYLINE, CAPTION)
                or linked)
        if explicit or ends and j > i + 1:
            page.mark(i, BOILERPLATE, "related-link list")
        if ends:
            for k in range(i + 1, j):
                page.mark(k, BOILERPLATE, "related-link list")
        i = j


# a recent-posts widget's item: a title, then its date ("Fuel subsidy to end - May 3, 2024")
_DATED_ITEM = lazy_compile(rf".{{8,160}}\s[\u2013\u2014-]\s(?:{_POST_DATE})\s*")
LINK_BULLETS = 3  # a list of links with no label: at least this many bullets in a row
LINK_LIST = "list of links"  # the reason _link_bullets gives (a list with no label)


def _linked(page: _Page, k: int) -> bool:
    """Whether at least half of block ``k``'s text is a link's anchor text in the markup
    (a widget links its titles; the date after one may be plain text)."""
    b = page.raw[k]
    covered = sum(max(0, min(end, b.end) - max(start, b.cstart)) for start, end in page.links)
    return covered >= 0.5 * max(1, b.end - b.cstart)


def _link_bullets(page: _Page) -> None:
    """A list of links with no label: three or more bullets in a row with no final stop,
    nearly all (four in five) headlines ("- Diabetes Programme Saves Money, Study Shows"), or
    two or more that each end with a dash and their date (a recent-posts widget). A story's
    bullets are sentences, in sentence case; a story's timeline ("- Prime minister resigns -
    April 12, 2024") has the dated shape too, so a dated list is a widget only where
    :func:`_link_lists` would call a list chrome: the text ends with it or more chrome
    follows it, or its items are links in the markup."""
    bullets = [k for k, b in enumerate(page.raw) if b.bullet]
    if len(bullets) < 2:
        return
    i = bullets[0]
    while i < page.n:
        j = i
        while (j < page.n and page.raw[j].bullet and page.regions[j][0] in _OPEN
               and page.words[j] <= LIST_ITEM_WORDS):
            j += 1
        items = range(i, j)
        if j - i >= LINK_BULLETS and not any(page.terminal(k) for k in items) and sum(
                headline_shape(page.bodies[k]) for k in items) >= 0.8 * (j - i) or (
                j - i >= 2 and all(_DATED_ITEM.fullmatch(page.bodies[k]) for k in items)
                and (j == page.n or page.regions[j][0] in (BOILERPLATE, BYLINE, CAPTION)
                     or all(_linked(page, k) for k in items))):
            for k in items:
                page.mark(k, BOILERPLATE, LINK_LIST)
        i = max(j, i + 1)


def _taglines(page: _Page) -> None:
    """A site's tagline over the story: the text's first blocks, each line of at most ten
    words and starting with a lower-case word ("the traveller's guide to festivals", "a Northfield
    Media site"), before any body text. A brand written in lower case ("eBay", "iPhone") is a
    name, not a tagline."""
    for i in range(page.n):
        if page.regions[i][0] not in _OPEN:
            continue
        body = page.bodies[i]
        if not (body[:1].islower() and all(
                len(line.split()) <= 10 and line[:1].islower() and not line[1:2].isupper()
                for line in body.splitlines())):
            return
        page.mark(i, BOILERPLATE, "site tagline")


def _link_shaped(page: _Page, i: int) -> bool:
    """Whether block ``i`` reads as a link's text rather than a sentence of the story: no
    final stop, or a line in headline case."""
    return page.regions[i][0] == HEADING or not page.terminal(i) or headline_shape(
        page.bodies[i])


def _headlines(page: _Page) -> None:
    """A short block with no final punctuation that a byline or timestamp follows (not a
    lead-in ending with a colon: "She wrote on Monday:" before the post's date)."""
    for i in range(page.n - 1):
        if (page.regions[i + 1][0] == BYLINE and page.regions[i][0] == BODY and page.words[i] <= 20
                and not page.terminal(i) and not page.bodies[i].endswith(":")):
            page.mark(i, HEADING, "headline")


MASTHEAD_BLOCKS = 4  # a byline under the headline stands at most this far from the start
DECK_WORDS = 45  # a headline or deck (standfirst) has at most this many words...
DECK_SENTENCES = 2  # ...and sentences


def _names_writer(body: str) -> bool:
    """Whether a byline block names its writer ("By Jane Roe", "Jane Roe, Health Editor"),
    not only a date or time: a page prints a summary line over its date as well as over its
    byline, and that one is the lead's twin more often than a deck."""
    return " by " in f" {body.lower()}" or not any(c.isdigit() for c in body)


# "By Jane Roe and John Doe | Photographs by ...": a byline longer or odder than the byline
# patterns, told by its opening "By" and a capitalised name
_BY_NAME = re.compile(r"(?:[Bb]y|BY) [A-Z\u00c0-\u00de][\w.'\u2019-]+ [A-Z\u00c0-\u00de]")
# a writer's name on a line of its own: two to four capitalised words
_NAME_LINE = re.compile(
    r"[A-Z\u00c0-\u00de][\w'\u2019-]+(?: [A-Z\u00c0-\u00de][\w.'\u2019-]*){1,3}")


def _byline_at(page: _Page, i: int) -> bool:
    """Whether block ``i`` is the page's byline: a byline that names the writer, a line
    that opens "By <Name>" the byline patterns left as a heading, or a writer's name on a
    line of its own over a dated byline ("Jane Roe" / "Sunday 5 May 2024 8:00 am")."""
    region = page.regions[i][0]
    if region == BYLINE:
        return _names_writer(page.bodies[i])
    if region != HEADING or page.words[i] > 30:
        return False
    body = page.bodies[i]
    return _BY_NAME.match(body) is not None or (
        page.words[i] <= 4 and _NAME_LINE.fullmatch(body) is not None
        and i + 1 < page.n and page.regions[i + 1][0] == BYLINE
        and any(c.isdigit() for c in page.bodies[i + 1]))


def _masthead(page: _Page) -> None:
    """The headline and deck (standfirst) over the byline: where a byline that names the
    writer (:func:`_names_writer`) is one of the text's first blocks (within
    :data:`MASTHEAD_BLOCKS` of the start) and body text follows it, every block before it is
    the page's title furniture when it is short (:data:`DECK_WORDS`,
    :data:`DECK_SENTENCES`), with or without a final full stop. A story opens with its lead
    paragraph, not a byline; what a page prints over the byline is its headline, deck,
    kicker and section label."""
    k = next((i for i in range(min(page.n, MASTHEAD_BLOCKS + 1)) if _byline_at(page, i)), None)
    if not k or not any(page.regions[j][0] == BODY for j in range(k + 1, page.n)):
        return
    before = range(k)
    if any(page.raw[i].bullet or page.regions[i][0] == BODY and (
            page.words[i] > DECK_WORDS or sentence_count(page.bodies[i]) > DECK_SENTENCES)
           for i in before):
        return  # a paragraph of the story before it: a byline that is not the page's
    for i in before:
        if page.regions[i][0] == BODY:
            page.mark(i, HEADING, "headline or deck")


def _leading_source_line(page: _Page) -> None:
    """A "Source: <outlet>" line over the story's first paragraph is the page's credit for
    where the copy came from, not the story's list of sources (which closes it)."""
    for i in range(page.n):
        region, reason = page.regions[i]
        if region == BODY:
            return
        if region == REFERENCES and reason == "source list" and page.words[i] <= 6:
            page.mark(i, BYLINE, "credit line")


# the label of a table of contents: "In this article:", "Contents", "Jump to"
_CONTENTS_LABEL = lazy_compile(
    r"(?i:in this (?:article|story|guide|explainer|piece|report|post)|(?:table of )?contents"
    r"|on this page|(?:jump|skip) to(?: a)? (?:section|topic)s?|jump to"
    r"|what(?:'|\u2019)s in this (?:article|story|guide|explainer))\s*[:\u00bb>|\u2192]?\s*"
)
CONTENTS_ITEM_WORDS = 12  # a section's title in a table of contents


def _contents(page: _Page) -> None:
    """A table of contents: its label (:data:`_CONTENTS_LABEL`) and the section titles after
    it, short blocks (:data:`CONTENTS_ITEM_WORDS`) with no final punctuation."""
    i = 0
    while i < page.n - 1:
        if not (page.words[i] <= 6 and page.regions[i][0] in (*_OPEN, BOILERPLATE)
                and _CONTENTS_LABEL.fullmatch(page.bodies[i])):
            i += 1
            continue
        j = i + 1
        while (j < page.n and page.regions[j][0] in (*_OPEN, BOILERPLATE)
               and page.words[j] <= CONTENTS_ITEM_WORDS and not page.terminal(j)):
            j += 1
        if j > i + 1:
            for k in range(i, j):
                page.mark(k, BOILERPLATE, "table of contents")
        i = j


# the heading of an author box: "About the author", "Author bio", "Meet the writers"
_ABOUT_AUTHOR = lazy_compile(
    r"(?i:about (?:the |this )?(?:authors?|writers?|contributors?|reporters?|columnists?)"
    r"|(?:the )?(?:authors?|writers?|contributors?)(?:'|\u2019)?s? (?:bio(?:graphy)?|info)"
    r"|meet the (?:authors?|writers?|reporters?))\s*:?\s*"
)
AUTHOR_BOX_WORDS = 80  # the bio under an author box's heading


def _author_box(page: _Page) -> None:
    """An author box: its heading ("About the author") and the paragraph under it, a bio
    of at most :data:`AUTHOR_BOX_WORDS` words that opens with a name."""
    for i in range(page.n - 1):
        if page.words[i] <= 5 and _ABOUT_AUTHOR.fullmatch(page.bodies[i]):
            page.mark(i, BOILERPLATE, "contributor bio")
            j = i + 1
            if (page.regions[j][0] in _OPEN and not page.raw[j].bullet
                    and page.words[j] <= AUTHOR_BOX_WORDS and _NAME_START.match(page.bodies[j])):
                page.mark(j, BOILERPLATE, "contributor bio")


_NAME_START = re.compile(r"(?:[A-Z][\w.'\u2019-]+ ){1,3}(?:is|was|has|covers|writes|reports"
                         r"|joined|teaches|leads|runs)\b")


def _title_case_headlines(page: _Page) -> None:
    """A line in headline case ("Work Rules Exempt the Frail. Deciding Who Qualifies Is
    Hard."), read as body text for its full stops, with no body text next to it (a list of
    names in a story, "Trump has won Georgia, Virginia, Alabama", is not one). The text's
    first block is its title when it is one sentence in headline case, whatever follows it
    ("Senator Says Voters' Anger Appeals to 'Bad Angels of Our Nature.'" over the lead): a
    story never opens with one. Not a line that ends with a colon ("Remarks by Mayor Carla
    Mendes:"), which introduces what follows it."""
    last = page.n - 1
    for i, b in enumerate(page.raw):
        if (page.regions[i][0] == BODY and not b.bullet and page.words[i] <= 20
                and (i == 0 or page.regions[i - 1][0] != BODY)
                and (i == last or page.regions[i + 1][0] != BODY
                     or i == 0 and one_sentence(page.bodies[i])
                     and not page.bodies[i].endswith(":"))
                and headline_shape(page.bodies[i])):
            page.mark(i, HEADING, "headline")


def _repeats(page: _Page) -> None:
    """A title printed twice in a row (with no final full stop), and a caption that repeats
    a sentence of the story nearby: the copy standing alone as a block, where the other is
    inside a longer paragraph (two copies standing alone, apart, are left as they are: a
    refrain)."""
    bodies = page.bodies
    for i in range(page.n):
        if not (page.regions[i][0] in _OPEN and 4 <= page.words[i] <= 60) or page.raw[i].bullet:
            continue
        body = bodies[i]
        # (a sentence said twice is not a title, an emoji after its full stop or not)
        if (i + 1 < page.n and bodies[i + 1] == body and page.regions[i + 1][0] in _OPEN
                and not without_trailing_pictographs(body).endswith(".")):
            page.mark(i, HEADING, "repeated title")
            page.mark(i + 1, HEADING, "repeated title")
            continue
        lo, hi = max(0, i - REPEAT_DISTANCE), min(page.n, i + REPEAT_DISTANCE + 1)
        if page.regions[i][0] != BODY or page.text.count(
                body, page.raw[lo].cstart, page.raw[hi - 1].end) < 2:
            continue  # one count over the neighbourhood; most blocks stop here
        for j in range(lo, hi):
            if (j != i and len(bodies[j]) > len(body) and body in bodies[j]
                    and page.regions[j][0] == BODY and one_sentence(body)):
                page.mark(i, CAPTION, "caption repeating the text")
                break


def _contributor_lines(page: _Page) -> None:
    """A contributor's bio next to the byline, before the story's first paragraph."""
    for i in range(page.n):
        if page.regions[i][0] != BODY or page.words[i] > 60:
            continue
        for k in (i - 1, i + 1):
            if 0 <= k < page.n and page.regions[k][0] == BYLINE and byline_bio(
                    page.bodies[i], page.bodies[k]):
                page.mark(i, BOILERPLATE, "contributor bio")
                break


_NAME_WORD = re.compile(r"[A-Z][\w'\u2019-]+")
_FOR_OUTLET = re.compile(r" (?:for|at) (?:the )?[A-Z]")


def byline_bio(body: str, byline: str) -> bool:
    """Whether ``body`` (a whole block next to the byline ``byline``) is the contributor's
    line: a beat ("Jane Roe covers science for the Gazette."), or a bio whose subject shares
    a name with the byline ("By Jane Roe" then "Jane Roe is a senior fellow at ..."). A bio of
    anyone else there is a profile's first paragraph ("Ada Kohl is a retired teacher ...")."""
    beat = beat_line(body)
    if not beat and not trailing_bio(body):
        return False
    subject = re.split(r" (?:is|are|has been|covers|reports on|writes about) ", body, maxsplit=1)[0]
    if subject.lower() in ("the author", "the authors", "the writer", "the writers"):
        return True
    names = {w for w in _NAME_WORD.findall(subject) if len(w) > 2}
    if names & set(_NAME_WORD.findall(byline)):
        return True
    # a beat that names its outlet ("... covers housing for the Courier") needs no name
    return beat and _FOR_OUTLET.search(body) is not None


def mark_runs(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
              words: Sequence[int], bodies: Sequence[str],
              links: Sequence[tuple[int, int]] = ()) -> None:
    """Relabel, in place, the page chrome told by its neighbours (see the module's doc).
    ``words`` and ``bodies`` are each block's word count and stripped text; ``links`` the
    ``(start, end)`` spans of the markup's links' anchor texts, where the page had markup."""
    if len(raw) < 2:
        return
    page = _Page(text, raw, regions, words, bodies, links)
    _posts(page)
    _teasers(page)
    _link_lists(page)
    _link_bullets(page)
    _taglines(page)
    _repeats(page)
    _headlines(page)
    _masthead(page)
    _leading_source_line(page)
    _contents(page)
    _author_box(page)
    _title_case_headlines(page)
    _contributor_lines(page)
