"""Shape tests the segmenter uses to tell headings and page chrome from article prose.

The patterns of page chrome are data (``lexicons/boilerplate.json``); what is here are the
tests that look at a block's shape and neighbours rather than its words:

- a **question heading** ("What are the new rules?") is a short question standing alone,
  followed by a longer paragraph, in a text that has at least two of them (an explainer's
  sections), or a short one in title case. A lone question paragraph in running prose
  ("Why?", "Is the party already united?") is the author's rhetoric and stays body text,
  and so do an interview's questions ("Q: ...", "RAMOS: ...") and quoted questions;
- a **leading dateline** ("date 2024-01-28", "Published: 3 March 2024 10:42") glued to
  the start of a paragraph is cut off into a block of its own (a byline);
- an **inline caption**: a sentence inside a paragraph that ends with a bracketed photo
  credit ("... in Mountain View, California.(AFP)") is a caption a scraper glued in;
- a **chrome fragment** is a short, unpunctuated block ("Fearless Valley"): the pieces a
  page's promotional banner is broken into (:func:`broken_banner`);
- a **contributor's bio** ending the text ("Jane Roe is a senior fellow at ...") is chrome
  there, and only there: inside a story the same sentence introduces a source
  (:func:`mark_trailing_chrome`).
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parser
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from checker.core.document import BODY, BOILERPLATE, BYLINE, CAPTION, HEADING, REFERENCES
from checker.core.regexlit import lazy_compile

if TYPE_CHECKING:
    from checker.core.regexlit import PatternSet

MONTH = (  # a month name or its abbreviation, lower case (use under re.I)
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "date 2024-01-28", "Published: 3 March 2024 10:42 GMT", "Updated Jan. 5, 2024": a timestamp
# glued to the start of a paragraph by a scraper that flattened the page
_LEADING_DATELINE = re.compile(
    r"(?i:date|dated|published|posted|updated|last updated|first published)\s*[:\-\u2013]?\s*"
    r"(?i:\d{4}-\d{2}-\d{2}|" + MONTH + r"\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + MONTH
    + r"\.?,?\s+\d{4})"
    r"(?:[ ,T]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"[ \t]*[|\u2013\u2014-]?[ \t]+(?=[A-Z\"\u201c])"
)
# a stock quote glued to the start of a paragraph: "NYSE: ACM 45.20 +1.35 Acme Corp said ..."
_LEADING_TICKER = re.compile(
    r"\(?(?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|TSXV|ASX|HKEX|SGX|OTC|OTCQX|OTCQB|Euronext|XETRA)"
    r"\s*:\s*[A-Z][A-Z0-9.\-]{0,6}\)?(?:\s*[-+$\u20ac\u00a3\u25b2\u25bc]?\s*\d[\d,.]*\s*%?"
    r"|\s*\(\s*[-+]?\d[\d,.]*\s*%?\s*\)){1,4}[ \t]+(?=[A-Z\"\u201c])"
)
# A photo credit closing a sentence inside a paragraph: a caption that a scraper glued into
# the text ("... at the annual conference in Mountain View.(AFP)", "(Jane Roe/Reuters)").
# A named credit says it is one (a photographer, "Photo:", "AP Photo"); a bare agency name
# ("(AP)", "(PA)") is also how prose introduces an abbreviation ("... by the Associated Press
# (AP)."), so it is a credit only glued after a sentence's end, or closing an unpunctuated one.
_AGENCIES = (r"AFP|AP|Reuters|REUTERS|EPA|Getty Images|Bloomberg|PTI|ANI|Xinhua|Anadolu|dpa|PA"
             r"|IANS")
# a word of a news outlet's or a picture desk's name
_OUTLET_WORDS = (
    r"(?:Times|Post|News|Gazette|Herald|Journal|Tribune|Ledger|Press|Chronicle|Star|Observer"
    r"|Guardian|Telegraph|Independent|Mail|Express|Mirror|Standard|Examiner|Inquirer|Sentinel"
    r"|Courier|Record|Register|Review|Bulletin|Daily|Weekly|Magazine|Today|Wire|Media|Images"
    r"|Photos?|Pictures|Photography|Staff|Network|Radio|TV|Television|Agency|Pool|Handout"
    r"|Alamy|Getty|Shutterstock|Newspapers?|Dispatch|Globe|Democrat|Republican|Enquirer)\b"
)
_CREDIT_NAMED = (
    r"\((?:(?i:(?:photo|image|picture|file photo|credit)s?(?: credit)?)\s*(?::|by)\s*[^()]{2,60}"
    rf"|(?:{_AGENCIES}|HT|File|Shutterstock)"
    r"(?: Photo(?:\s*/\s*[^()]{2,60})?|\s*/\s*[^()]{2,60})"
    r"|[A-Z][^()/]{1,40}/(?:AFP|AP|Reuters|EPA|Getty Images|Bloomberg|Shutterstock|Alamy)"
    r"[^()]{0,40}"
    # a photographer and an outlet ("(Jane Roe/Northfield Gazette)"), or a credit word before
    # the slash; not two places ("(Los Angeles/Long Beach)")
    r"|[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3}\s*/\s*(?:The )?"
    r"(?:[A-Z][\w.&'\u2019-]*(?: [A-Z&][\w.&'\u2019-]*){0,3} )?"
    rf"(?:{_OUTLET_WORDS}|[A-Z]{{2,6}}\b)(?: [A-Z&][\w.&'\u2019-]*){{0,3}}"
    r"|(?i:staff|courtesy|handout|pool|photo)\b[^()/]{0,30}/\s*[A-Z][^()]{1,50})\)"
)
_CREDIT_BARE = rf"\((?:{_AGENCIES}|File|Shutterstock)\)"
_CREDIT = f"(?:{_CREDIT_NAMED}|{_CREDIT_BARE})"
_INLINE_CREDIT = lazy_compile(
    r"(?:[.!?]\s*" + _CREDIT + r"\.?|\s" + _CREDIT_NAMED + r"\.?|\s" + _CREDIT_BARE + r")$"
)
_CREDIT_ONLY = lazy_compile(_CREDIT + r"\.?")
# the same credit glued between two sentences: "... in Mountain View.(AFP) The company ..."
_GLUED_CREDIT = lazy_compile(r"[.!?]\s*" + _CREDIT + r"(?=\s+[A-Z\"\u201c])")
# ... or opening the sentence after it: "... the theater. (Photo credit: Jane Roe) Part of ..."
_LEADING_CREDIT = lazy_compile(_CREDIT + r"(?=\s+[A-Z\"\u201c])")
# a sentence closed by a bracketed source list: "... leads in Indiana. [Courier, Gazette]"
_CITED_END = lazy_compile(r"[.!?][\"'\u201d\u2019]?\s*\[[^\[\]\n]{1,80}\]\.?\s*$")
# A contributor's bio, the last block of an opinion piece or essay ("Jane Roe is a senior
# fellow at the Institute for ..."; "... is the author of ..."): sentences that each introduce
# a writer in the present, then perhaps a contact line ("Follow her on ...", "He tweets ..."),
# with no clause that tells what the person did ("who ...", "and was ...", "; ..."). Not "I am
# a ..." or "... was ...", and no other sentence after it: a closing paragraph in the first
# person, about a past post or with a quotation or a plan after the introduction is prose.
# Only at the end of the text (:func:`mark_trailing_chrome`): within a story the same sentence
# introduces a source.
# a character of one sentence: a full stop only inside a word ("U.S"), after an initial or a
# short title ("U.S. Navy", "James M. Danko", "St. Mary's")
_BIO_CHAR = (
    r"(?:[^.!?\n]|\.(?=\w)|(?<=\b[A-Z])\.|(?<=\b(?:St|Dr|Mr|Ms|Jr|Sr|Co|No))\.|(?<=\b(?:Mrs|Inc|Ltd))\.)"
)
_BIO_SENTENCE = (  # the name and verb first: most blocks fail there, before the clause scan
    r"(?!(?:Although|Though|While|When|If|Because|Since|As|After|Before|But|And|So|Yet)\b)"
    r"(?:[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3}|the (?:author|writer)s?) "
    r"(?:is|are|has been|teaches|directs|leads|chairs|runs|writes)"
    rf"(?!{_BIO_CHAR}*?(?:\b(?:who|whom|which|when|while|after|before|until|said|says|told|had"
    r"|and (?:I|he|she|they|was|were|has|had|is)|but)\b|;))"
    r"(?: (?:a|an|the))?(?: (?:[\w,'\u2019-]|\.(?=\w))+){0,8}? "
    r"(?:professor|lecturer|fellow|author|co-author|director|founder|co-founder|president|chair|"
    r"chairman|chairwoman|member|researcher|writer|columnist|contributor|economist|analyst|"
    r"scholar|historian|editor|journalist|reporter|correspondent|campaigner|activist|"
    r"executive|chief executive|partner|consultant|adviser|advisor|attorney|lawyer|physician|"
    r"doctor|teacher|student|former|retired|emeritus|head of|dean)\b"
    rf"{_BIO_CHAR}{{0,240}}[.!?]?"
)
_BIO_CONTACT = (
    r"(?:(?:Follow|Reach|Contact|Email|E-mail) (?:her|him|them)"
    r"|(?:She|He|They) (?:tweets|can be reached|is on Twitter|are on Twitter))\b[^\n]{0,100}"
)
# "Jane Roe covers science for the Gazette.": a reporter's beat, a short object, perhaps the
# outlet and where she is based; no digit (not "Medicare Part B covers 80 percent of ...")
_BEAT_SENTENCE = (
    r"[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3} (?:covers|reports on|writes about)"
    r"(?: [^\W\d][\w,&'\u2019-]*){1,8}(?: (?:for|at) (?:the )?[A-Z][\w.&'\u2019-]*"
    r"(?: [A-Z&][\w.&'\u2019-]*){0,4})?(?:,? and is based in [A-Z][\w.'\u2019 -]{1,30})?\."
)
# the outlet describing itself at the end of a story ("The Northfield Ledger is a daily news
# site devoted to the county's politics.")
_OUTLET_BIO = lazy_compile(
    r"(?:The )?[A-Z][\w.&'\u2019-]*(?: [A-Z&][\w.&'\u2019-]*){0,5} is (?:a|an|the)"
    r"(?: [\w,'\u2019-]+){0,5}? (?:news ?(?:site|website|outlet|organi[sz]ation|service)"
    r"|newspaper|magazine|newsroom|news publication|media (?:company|outlet|organi[sz]ation))"
    r"\b[^\n]{0,300}$"
)
# what makes an outlet's line news about it: a figure (not the year it was founded) or a
# verb of an event, past or future ("laid off", "will stop printing", "after losing")
_OUTLET_NEWS = lazy_compile(
    r"(?<!founded in )(?<!established in )(?<!launched in )(?<!since )(?<!in )\b\d"
    r"|[$\u00a3\u20ac]\s*\d|\b(?:will|would|was|were|had|has (?!been\b)\w+ed|plans? to"
    r"|is set to|lost|losing|laid|lay(?:ing)? off|cut|cutting|closed|closing|shut|shutting"
    r"|sold|selling|stopped|stopping|stop|announced|filed|fired|firing|merged|merging|ceased"
    r"|suspended|acquired|bought|went|became|won|fell|rose|said|says|reported|faces|facing)\b",
    re.I,
)
_BEAT_LINE = lazy_compile(rf"{_BEAT_SENTENCE}(?:\s+{_BIO_CONTACT})?\s*")
_TRAILING_BIO = lazy_compile(
    rf"(?:{_BIO_SENTENCE}|{_BEAT_SENTENCE})(?:\s+{_BIO_SENTENCE}){{0,3}}"
    rf"(?:\s+{_BIO_CONTACT})?\s*$"
)
QUESTION_HEADING_WORDS = 12  # a question heading has at most this many words
# "Q:", "A.", "RAMOS:", "Sen. Smith:" at the start: a speaker's turn in an interview
_SPEAKER_LABEL = lazy_compile(r"[A-Z][\w.'\u2019 -]{0,30}:\s|[QA][.:)]?\s|Q\S")
_OPENING_QUOTE = "\"'\u201c\u2018\u00ab-\u2013\u2014("
_INNER_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")


class Span(Protocol):
    """A block as these tests see it: where its content starts and where it ends."""

    end: int

    @property
    def cstart(self) -> int: ...


class RawBlock(Span, Protocol):
    """A block before its region is final: also whether it is a bullet or a comment."""

    bullet: bool
    comment: bool


def short_texts(
    text: str, raw: Sequence[Span], words: Sequence[int], short_words: int
) -> tuple[str, str]:
    """The text of the blocks short enough for the short boilerplate patterns, and of those
    that could be a caption (:func:`caption_sized`): the pattern sets are narrowed to these, not
    to the whole article (fewer characters to look for their strings in)."""
    short: list[str] = []
    sized: list[str] = []
    for b, n in zip(raw, words, strict=True):
        if n <= 80:
            body = text[b.cstart : b.end]
            if n <= short_words:
                short.append(body)
            if caption_sized(body, n):
                sized.append(body)
    return "\n".join(short), "\n".join(sized)


def is_caption(
    body: str, words: int, caption: PatternSet, single: PatternSet, short_words: int
) -> bool:
    """Whether a block (``body``, ``words`` long) is a photo caption or credit: a caption
    pattern matches it, or it is one sentence of at most ``short_words`` words that names a
    pictured scene and a ``single`` pattern matches."""
    if not caption_sized(body, words):
        return False
    if caption.search(body):
        return True
    if words > short_words or not one_sentence(body) or not caption_words(body):
        return False
    return single.search(body) and caption_shape(body)


_SIDES = r"\((?:pictured|inset|left|right|center|centre|top|bottom|above|below|front|back)\)"
_AUX = (
    r"(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|shall|did|does"
    r"|do)"
)
_NOT_VERB = (  # words ending in -s that are not a verb
    r"(?!(?:towards|besides|afterwards|whereas|always|perhaps|sometimes|its|his|hers|this|thus"
    r"|plus|across|unless|ours|yours|theirs|various|nevertheless)\b)"
)
_FINITE = rf"(?:{_AUX}|said|says|told|{_NOT_VERB}(?-i:[a-z]{{2,}}ed|[a-z]+[^\Ws]s))\b"
_DATE = (
    r"(?:" + MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+"
    + MONTH + r"\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}"
    r"|(?:on|in|,) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: (?:morning|afternoon|evening|night))?"
    r"|in (?:this|a) (?:file )?(?:photo|picture|image)(?:graph)?"
    r"(?: (?:taken|released|provided|made available|obtained)\b[^\n.]{0,80})?"
    r"|file (?:photo|picture|image))"
)
_PLACE = r"(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,3}"


@cache
def _caption_shapes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The regexes of :func:`caption_shape`, compiled on first use (few texts need them)."""
    # a date closes it, then perhaps a place and a credit: "... on March 3, 2024. REUTERS/X"
    closing = (
        r"\b" + _DATE + r"(?:,?\s+(?:in|at|near|outside)\s+" + _PLACE + r"(?:,\s+" + _PLACE
        + r"){0,2})?[.!]?(?:\s*(?:\([^()\n]{2,80}\)|(?-i:[A-Z]{2,}[A-Z ]*)/[^\n]{2,60}"
        r"|(?:photo|picture|credit|image)s?\s*(?::|by)\s*[^\n]{2,60}))?\s*$"
    )
    # the mark after a subject that its finite verb follows: "The minister (pictured) has ..."
    verb_after = (
        _SIDES + r"(?:\s+(?:\w+ly\s+)?" + _FINITE + r"|,[^\n]{1,80}?,\s+(?:\w+ly\s+)?"
        + rf"(?:{_AUX}|said|says|told)\b)"
    )
    return re.compile(closing, re.I), re.compile(_SIDES, re.I), re.compile(verb_after, re.I)


def caption_shape(body: str) -> bool:
    """Whether a one-sentence block is shaped like a caption rather than a sentence of prose
    that shares a caption's words: it has no final full stop ("Jane Roe speaks in Leeds"), a
    date or credit closes it ("... in Leeds on March 3, 2024."), or it marks a side of the
    picture ("Jane Roe (left) and ...") with no finite verb after the mark ("The minister
    (pictured) has promised ..." and "... visits the towns on Monday to meet residents." are
    prose)."""
    if body.rstrip()[-1:].isalnum():
        return True
    closing, side, verb_after = _caption_shapes()
    if closing.search(body):
        return True
    return bool(side.search(body)) and not verb_after.search(body)


def mark_trailing_chrome(
    text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]], terminal: re.Pattern[str]
) -> None:
    """Relabel as boilerplate the page chrome at the end of the text, in place.

    Walking back from the end: a contributor's bio (:data:`_TRAILING_BIO`); short or
    unpunctuated blocks (no ``terminal`` punctuation)
    that sit among boilerplate ("Power the / Fearless Valley / Newsroom today."); bylines,
    captions and references are passed over; a bullet or body text stops the walk.
    """
    seen_chrome = False
    for i in range(len(raw) - 1, -1, -1):
        r, _ = regions[i]
        if r == BOILERPLATE:
            seen_chrome = seen_chrome or not raw[i].comment
            continue
        if raw[i].bullet:
            break
        blk_text = text[raw[i].cstart : raw[i].end]
        nwords = len(_WORD.findall(blk_text))
        unpunctuated = not terminal.search(blk_text)
        if r == BODY and nwords <= 60 and (_TRAILING_BIO.match(blk_text)
                                           or outlet_bio(blk_text)):
            regions[i] = (BOILERPLATE, "contributor bio")
            seen_chrome = True
            continue
        if (
            r in (BODY, HEADING)
            and nwords <= 8
            and (
                unpunctuated
                and (seen_chrome or nwords <= 3)
                or seen_chrome and nwords <= 6 and broken_banner(text, raw, i)
            )
        ):
            regions[i] = (BOILERPLATE, "trailing page chrome")
        elif r == HEADING and seen_chrome:
            regions[i] = (BOILERPLATE, "trailing page chrome")
        elif r in (BYLINE, CAPTION, REFERENCES):
            continue
        else:
            break


def headline_shape(body: str) -> bool:
    """Whether ``body`` is one line in headline case: nearly every word of more than three
    letters capitalised (all but one in ten; "Acme Reports Fourth Quarter Results and Raises
    Outlook"). A line of prose broken by a blank line has lower-case words among its names
    ("The agreement between the Federal Reserve Bank of New York and the")."""
    if "\n" in body.strip():
        return False
    words = [w for w in _WORD.findall(body) if len(w) > 3 and not w[0].isdigit()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def leading_dateline(text: str, start: int, end: int) -> int:
    """Where the text of a block ``text[start:end]`` starts after a timestamp or a stock quote
    glued to its start ("date 2024-01-28 PARIS: The ...", "NYSE: ACM 45.20 +1.35 Acme ..."),
    or -1 when it does not start with one."""
    m = _LEADING_DATELINE.match(text, start, end) or _LEADING_TICKER.match(text, start, end)
    return m.end() if m and m.end() < end else -1


def outlet_bio(body: str) -> bool:
    """Whether ``body`` is an outlet describing itself (:data:`_OUTLET_BIO`), not news about it."""
    m = _OUTLET_BIO.match(body)
    return bool(m) and not _OUTLET_NEWS.search(body, m.start())


def trailing_bio(body: str) -> bool:
    """Whether ``body`` (a whole block) is a contributor's bio (:data:`_TRAILING_BIO`)."""
    return bool(_TRAILING_BIO.match(body))


def beat_line(body: str) -> bool:
    """Whether ``body`` (a whole block) is a reporter's beat (:data:`_BEAT_SENTENCE`)."""
    return bool(_BEAT_LINE.fullmatch(body))


# a wire story's credit closing its last paragraph: "(Reporting by Jane Roe; Editing by ...)"
_WIRE_CREDIT = lazy_compile(r"\((?:additional )?(?:reporting|writing|editing|compiled) by\b",
                            re.I)


def inline_caption(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` of a body paragraph is a photo caption glued
    into it: it ends with a bracketed photo credit; or a wire story's reporting credit."""
    if text.startswith("(", start) and _WIRE_CREDIT.match(text, start, end):
        return True
    if not (text.endswith(")", start, end) or text.endswith(").", start, end)):
        return False
    if text.startswith("(", start):
        return bool(_CREDIT_ONLY.fullmatch(text, start, end))
    return bool(_INLINE_CREDIT.search(text, start, end))


def glued_captions(
    text: str, spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int, bool]]:
    """The sentence spans of a body paragraph, each with whether it is a glued-in caption; a
    span holding a credit glued to the next sentence ("...View.(AFP) The company") is cut
    after the credit."""
    out: list[tuple[int, int, bool]] = []
    for s, e in spans:
        if text.find("(", s, e) >= 0:
            lead = _LEADING_CREDIT.match(text, s, e) if text.startswith("(", s) else None
            if lead:
                out.append((s, lead.end(), True))
                s = lead.end()
                while s < e and text[s].isspace():
                    s += 1
            for m in _GLUED_CREDIT.finditer(text, s, e):
                out.append((s, m.end(), True))
                s = m.end()
                while s < e and text[s].isspace():
                    s += 1
        out.append((s, e, inline_caption(text, s, e)))
    return out


# a caption told by its wording names the scene's action or the picture itself; a block with
# none of these words is not tried against those (slow) patterns
CAPTION_WORDS = frozenset(
    """speaks speak searches search works carries carry clears clear inspect visit ride
    stand walk sit wait hold march protest attend watch cheer prepares rises looks look gestures
    gesture poses pose waves arrives arrive listens listen
    attends watches walks stands sits delivers addresses gathers gather reacts react celebrates
    celebrate holds marches protests prays pray queues waits takes take shakes shake greets
    greet hugs hug embraces embrace leaves enters visits inspects rides plays sings kneels
    kneel mourns mourn cheers salutes salute pictured seen shown displayed (pictured) (left)
    (right) (center) (centre) (top) (bottom) (above) (below) (front) (back) (inset)""".split()
)


def caption_words(body: str) -> bool:
    """Whether ``body`` holds one of :data:`CAPTION_WORDS` (as written: a caption's verb is
    in lower case, mid-sentence)."""
    return not CAPTION_WORDS.isdisjoint(body.split())


def one_sentence(body: str) -> bool:
    """Whether ``body`` holds no sentence end before its last one."""
    return not _INNER_END.search(body)


def caption_sized(body: str, words: int) -> bool:
    """Whether a block could be a caption as a whole: at most 80 words (a longer paragraph
    that ends in a credit is prose with a caption glued to it: :func:`glued_captions` marks
    that caption's sentence)."""
    return words <= 80


def cited_sentence_end(body: str) -> bool:
    """Whether ``body`` ends with a full sentence followed by a bracketed list of its
    sources (a roundup's item, not a heading without final punctuation)."""
    return body.endswith(("]", "].")) and bool(_CITED_END.search(body))


def question_shape(body: str, words: int) -> bool:
    """Whether ``body`` (a whole block) could be a question heading by its own shape: one
    short question, not a quotation and not an interview turn."""
    if not body.endswith("?") or not 1 <= words <= QUESTION_HEADING_WORDS:
        return False
    if body[0] in _OPENING_QUOTE or _SPEAKER_LABEL.match(body):
        return False
    return not _INNER_END.search(body)


def question_blocks(text: str, raw: Sequence[Span]) -> int:
    """How many blocks of ``text`` are a question of heading shape."""
    n = 0
    for b in raw:
        if text[b.end - 1 : b.end] == "?":
            body = text[b.cstart : b.end].strip()
            n += question_shape(body, len(_WORD.findall(body)))
    return n


def next_long_words(text: str, raw: Sequence[Span]) -> list[int | None]:
    """For each block of ``text``, the word count of the next later block of more than three
    words (short page chrome such as "Hide Ad" passed over), or None when no such block
    follows. Computed once per document, walking back from the end, so the question-heading
    checks below take constant time per block."""
    out: list[int | None] = [None] * len(raw)
    nxt: int | None = None
    for i in range(len(raw) - 1, -1, -1):
        out[i] = nxt
        b = raw[i]
        n = len(_WORD.findall(text[b.cstart : b.end]))
        if n > 3:
            nxt = n
    return out


def followed_by_longer(next_long: Sequence[int | None], i: int, words: int) -> bool:
    """Whether the next block of more than three words after block ``i`` (``next_long``
    from :func:`next_long_words`) has more words than block ``i``'s ``words``."""
    n = next_long[i]
    return n is not None and n > words


def nothing_longer_after(next_long: Sequence[int | None], i: int) -> bool:
    """Whether only short page chrome ("Hide Ad", "Advertisement") follows block ``i``: no
    later block has more than three words (``next_long`` from :func:`next_long_words`). In
    an explainer of question headings, a question there is the heading of a section the page
    cut off, not the author's closing question."""
    return next_long[i] is None


def chrome_fragment(text: str, start: int, end: int, max_words: int = 4) -> bool:
    """Whether ``text[start:end]`` is a short piece of a banner: at most ``max_words`` words,
    no final punctuation."""
    body = text[start:end].rstrip()
    return len(_WORD.findall(body)) <= max_words and body[-1:] not in ".!?:;\"'\u201d\u2019)"


def broken_banner(text: str, raw: Sequence[Span], i: int) -> bool:
    """Whether block ``i`` is the end of a banner broken into pieces ("Fearless Valley" /
    "Newsroom today."): the block before it is a chrome fragment, or its own first line is one
    and more lines follow ("We are on the" / "front lines."). A short sentence after a
    paragraph of prose ("Pure propaganda.") is not."""
    blk = raw[i]
    line_end = text.find("\n", blk.cstart, blk.end)
    if line_end >= 0 and chrome_fragment(text, blk.cstart, line_end):
        return True
    return i > 0 and chrome_fragment(text, raw[i - 1].cstart, raw[i - 1].end)


# ------------------------------------------------------------------ first-character index

_MAX_RANGE = 40  # a character class wider than this tells nothing about the first character


def _class_chars(members: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The lower-cased characters of a parsed character class, or None when it is too wide
    or holds a category other than the digits."""
    chars: set[str] = set()
    for cop, cav in members:
        if cop is _sre.LITERAL:
            chars.add(chr(cav).lower())
        elif cop is _sre.RANGE and cav[1] - cav[0] <= _MAX_RANGE:
            chars.update(chr(c).lower() for c in range(cav[0], cav[1] + 1))
        elif cop is _sre.CATEGORY and cav is _sre.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None
    return frozenset(chars)


def _first_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The lower-cased characters a match of the parsed sequence ``items`` can start with,
    or None when any character (or none) can."""
    for k, (op, av) in enumerate(items):
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: the next item decides
        if op is _sre.LITERAL:
            return frozenset(chr(av).lower())
        if op is _sre.IN:
            return _class_chars(av)
        if op is _sre.SUBPATTERN:
            return _first_chars([*av[3], *items[k + 1 :]])
        if op is _sre.BRANCH:
            found: set[str] = set()
            for alt in av[1]:
                sub = _first_chars([*alt, *items[k + 1 :]])
                if sub is None:
                    return None
                found |= sub
            return frozenset(found)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            lo, _, body = av
            head = _first_chars(list(body))
            if head is None:
                return None
            if lo:
                return head
            rest = _first_chars(items[k + 1 :])
            return None if rest is None else head | rest
        return None
    return None


def first_chars(pattern: str, flags: int = re.IGNORECASE) -> list[str] | None:
    """The lower-cased characters a match of ``pattern`` can start with, sorted, or None
    when it can start with any character (what :class:`FirstCharIndex` groups it by)."""
    chars = _first_chars(list(_sre_parser.parse(pattern, flags)))
    return None if chars is None else sorted(chars)


class FirstCharIndex:
    """Patterns anchored at the start of a block, asked whether any matches it, grouped by
    the characters a match can start with: a block is tried only against the patterns that
    can start with its first character (joined into one regex per character, compiled on
    first use and shared by the characters with the same patterns, such as the ten digits),
    not against all of them in turn.

    ``known`` maps a pattern to its :func:`first_chars`, worked out ahead (with these
    ``flags``): such a pattern is not parsed again here."""

    def __init__(self, patterns: Sequence[str], flags: int = re.IGNORECASE,
                 known: Mapping[str, list[str] | None] | None = None) -> None:
        self.flags = flags
        self.any: list[str] = []  # patterns that can start with any character
        self.by_char: dict[str, list[str]] = {}
        for p in patterns:
            chars = known[p] if known and p in known else first_chars(p, flags)
            if chars is None:
                self.any.append(p)
            else:
                for ch in chars:
                    self.by_char.setdefault(ch, []).append(p)
        self._joined: dict[str, re.Pattern[str] | None] = {}
        self._by_group: dict[tuple[str, ...], re.Pattern[str]] = {}

    def _regex(self, ch: str) -> re.Pattern[str] | None:
        if ch not in self._joined:
            group = (*self.by_char.get(ch, ()), *self.any)
            regex = self._by_group.get(group)
            if regex is None and group:
                source = "|".join(f"(?:{p})" for p in group)
                regex = self._by_group[group] = re.compile(source, self.flags)
            self._joined[ch] = regex
        return self._joined[ch]

    def match(self, body: str) -> bool:
        """Whether one of the patterns matches at the start of ``body``."""
        key = body[:1].casefold()[:1]
        if key.isdigit() and not key.isascii():
            key = "0"  # another script's digit: the patterns that start with any digit
        regex = self._regex(key)
        return bool(regex and regex.match(body))
