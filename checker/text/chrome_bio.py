"""Page chrome at the end of a text: a contributor's bio, the outlet's blurb, banner pieces.

A contributor's bio ending the text ("Jane Roe is a senior fellow at ...") is chrome there, and
only there: inside a story the same sentence introduces a source (:func:`mark_trailing_chrome`).
A reporter's beat ("Jane Roe covers science for the Gazette.") and the outlet describing itself
("The Northfield Ledger is a daily news site ...") are told the same way; the neighbour rules
(:mod:`checker.text.chrome_runs`) use the beat and bio tests by the byline too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.core.document import BODY, BOILERPLATE, BYLINE, CAPTION, HEADING, REFERENCES
from checker.core.regexlit import lazy_compile
from checker.text.chrome import WORD, RawBlock, broken_banner, without_emphasis

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
    r"doctor|teacher|student|former|retired|emeritus|head of|dean|resident)\b"
    rf"{_BIO_CHAR}{{0,240}}[.!?]?[\"'\u201d\u2019)]*"  # a title in quotes may close it
)
_BIO_CONTACT = (
    r"(?:(?:Follow|Reach|Contact|Email|E-mail) (?:her|him|them)"
    r"|(?:She|He|They) (?:tweets|can be reached|is on Twitter|are on Twitter)"
    r"|Send (?:her |him |them )?(?:news )?(?:tips|story ideas|feedback))\b[^\n]{0,100}"
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
# what a bio goes on to say of the writer, in the pronoun after the first sentence ("She was
# previously a reporter at ...", "He joined the paper in 2019.", "Her book on ... is published
# next year."): only after a bio or beat sentence, and only where the bio ends the text
_BIO_MORE = (
    r"(?:(?:She|He|They) (?:was previously|were previously|previously (?:worked|wrote"
    r"|reported|served|covered)|has (?:also )?(?:written|worked|reported|covered|contributed)"
    r"|have (?:also )?(?:written|worked|reported)|joined|lives|live|is based|are based"
    r"|was born|tweets|can be reached|holds|also writes|writes|is the author|is working on)"
    r"|(?:Her|His|Their) (?:latest |new |first |most recent |forthcoming |next )?(?:book|novel"
    r"|memoir|podcast|newsletter|collection|documentary)s?)\b"
    rf"{_BIO_CHAR}{{0,200}}[.!?]"
)
_BEAT_LINE = lazy_compile(rf"{_BEAT_SENTENCE}(?:\s+{_BIO_CONTACT})?\s*")
_TRAILING_BIO = lazy_compile(
    rf"(?:{_BIO_SENTENCE}|{_BEAT_SENTENCE})(?:\s+(?:{_BIO_SENTENCE}|{_BIO_MORE})){{0,3}}"
    rf"(?:\s+{_BIO_CONTACT})?\s*$"
)


def mark_trailing_chrome(
    text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]], terminal: re.Pattern[str]
) -> None:
    """Relabel as boilerplate the page chrome at the end of the text, in place.

    Walking back from the end: a contributor's bio (:data:`_TRAILING_BIO`); short or
    unpunctuated blocks (no ``terminal`` punctuation)
    that sit among boilerplate ("Power the / Fearless Valley / Newsroom today."; not a
    sentence after a photo's credit, "Jane Roe/Getty Images", which is no banner's piece);
    headings, bylines,
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
        blk_text = without_emphasis(text[raw[i].cstart : raw[i].end])
        nwords = len(WORD.findall(blk_text))
        unpunctuated = not terminal.search(blk_text)
        if r == BODY and nwords <= 60 and (
                trailing_bio(blk_text) and not _named_before(text, raw, regions, i)
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
                and not (i > 0 and regions[i - 1][0] in (CAPTION, BYLINE))
            )
        ):
            regions[i] = (BOILERPLATE, "trailing page chrome")
        elif r == HEADING and seen_chrome:
            regions[i] = (BOILERPLATE, "trailing page chrome")
        elif r in (BYLINE, CAPTION, REFERENCES, HEADING):  # a heading ending the text heads nothing
            continue
        else:
            break


_BIO_VERB = re.compile(r" (?:is|are|has been|teaches|directs|leads|chairs|runs|writes|covers"
                       r"|reports on|writes about) ")
_NAME = re.compile(r"[A-Z][\w'\u2019-]{2,}")


def _named_before(text: str, raw: Sequence[RawBlock], regions: list[tuple[str, str]],
                  i: int) -> bool:
    """Whether the person block ``i`` introduces ("Ada Kohl is the senior captain of ...") is
    named, by surname, in the story's body text before it: a source the story quoted,
    described in its closing paragraph (or an excerpt cut there). A contributor's bio names
    the writer, whom the story does not name."""
    body = without_emphasis(text[raw[i].cstart : raw[i].end])
    subject = _BIO_VERB.split(body, maxsplit=1)[0]
    names = _NAME.findall(subject)
    if not names or subject.lower().startswith("the "):
        return False
    surname = re.compile(rf"\b{re.escape(names[-1])}\b")
    return any(regions[k][0] == BODY and surname.search(text, raw[k].cstart, raw[k].end)
               for k in range(i))


def outlet_bio(body: str) -> bool:
    """Whether ``body`` is an outlet describing itself (:data:`_OUTLET_BIO`), not news about it."""
    m = _OUTLET_BIO.match(body) if " is " in body else None  # the pattern's verb
    return bool(m) and not _OUTLET_NEWS.search(body, m.start())


def trailing_bio(body: str) -> bool:
    """Whether ``body`` (a whole block) is a contributor's bio (:data:`_TRAILING_BIO`).

    Every bio or beat sentence has its verb between spaces (:data:`_BIO_VERB`): a block
    without one is not tried against the long pattern (nor compiles it)."""
    return _BIO_VERB.search(body) is not None and _TRAILING_BIO.match(body) is not None


def beat_line(body: str) -> bool:
    """Whether ``body`` (a whole block) is a reporter's beat (:data:`_BEAT_SENTENCE`)."""
    return bool(_BEAT_LINE.fullmatch(body))
