"""Photo captions and credits, told from article prose by their shape and words.

The segmenter uses these tests on blocks (:func:`is_caption`: a caption pattern, or one short
sentence that names a pictured scene and is shaped like a caption) and on the sentences of body
paragraphs (:func:`glued_captions`: a caption or a photo credit a scraper glued into the text,
"... in Mountain View.(AFP)"); a wire story's reporting credit closing a paragraph is one too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from checker.core.regexlit import lazy_compile
from checker.text.chrome import MONTH, Span, one_sentence

if TYPE_CHECKING:
    from checker.core.regexlit import PatternSet

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
            if caption_sized(n):
                sized.append(body)
    return "\n".join(short), "\n".join(sized)


def is_caption(
    body: str, words: int, caption: PatternSet, single: PatternSet, short_words: int
) -> bool:
    """Whether a block (``body``, ``words`` long) is a photo caption or credit: a caption
    pattern matches it, or it is one sentence of at most ``short_words`` words that names a
    pictured scene and a ``single`` pattern matches."""
    if not caption_sized(words):
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


def caption_sized(words: int) -> bool:
    """Whether a block could be a caption as a whole: at most 80 words (a longer paragraph
    that ends in a credit is prose with a caption glued to it: :func:`glued_captions` marks
    that caption's sentence)."""
    return words <= 80
