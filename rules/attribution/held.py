"""Content an actor holds: a wish, an intention, a commitment, a request or a belief, told
by a verb whose complement is not words or a clause.

``plausible`` rejects a relation whose cue introduces no reported content: the actor is
no information source ("Clinton wants to raise the minimum wage" cites nobody, and
"who is cited" must not list Clinton for it). Yet such a sentence is no unsourced claim of
the author's either: what it tells is what the named actor wants, plans, promises, asks
for or believes. Such a relation is marked ``held``; ``record`` then makes its content's
sentence attributed with no source named, as for a stance, and it stays out of the
sources, the attributions and ATT001.

The classes are grammatical: a verb of one of the families below with the complement its
family takes, read from the words after the verb (after times and adverbs such as "not"
or "again"):

- wanting: "wants to raise", "wants Congress to act", "wants a wall", "is hoping for a
  deal"; intending: "plans to run", "expects to win Ohio", "is eager to debate", "is
  looking to expand" (an infinitive only: "plans a rally" is an act);
- committing: "vowed to veto", "promised a wall", "threatened a shutdown", "offered to
  resign" ("offered to a charity" is no infinitive);
- asking: "urged the board to act", "called for an inquiry", "called on the mayor to
  resign", "demanded a recount", "proposed a tax cut", "pushed for a vote";
- believing: "believes in the plan", "fears a backlash", "expects a close race",
  "worries about the cost" (a bare clause after these is already reported content);
- an appearance of a report: "seemed to concede", "appears to believe" (a report or
  belief verb after the infinitive's "to"; "seemed to be tired" is the author's view).

Acts stay rejected: "approved the budget", "raised rates", "decided to close the
school", "agreed to pay a fine" (what was done), "sought to bolster his image" (an
attempt), "declined to proceed", "refused to release the returns" (what was not done),
"called a meeting", "asked the judge", "considered the bill"; and so do public positions
("endorsed the mayor", "has supported the research", "opposes the deal"): they are on
the record, the author's checkable claims. Nor does a passive hold the subject's content
("is expected to attend"), nor the writer's advice ("might want to check"), a participle
after its noun ("fishermen wanting to moor here must pay": a description inside the
author's claim) or a thing that "promises" or "threatens" ("looming retirements promise
to swell the bill": a likelihood).

Content held in a participle, a relative or a subordinate clause ("toured the quay,
urging the board to ...", "the mayor, who wants to ...", "After the union urged ...,
the mayor cancelled the meeting") is left out: the sentence asserts its main clause, the
author's claim.

Counted on PolNeAR train (docs/attribution.md, night round of 2026-12-02): of the
sentences these classes newly attribute, 316 are attributed in gold and 13 are not.
"""

from __future__ import annotations

import re

from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.words import DETERMINERS, NP_INNER_PREPS, TIME_WORDS


def _table(groups: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Verb form -> the complements it holds content with, from (forms, complements)."""
    out: dict[str, frozenset[str]] = {}
    for forms, comps in groups:
        for form in forms.split():
            out[form] = frozenset(comps.split())
    return out


# complements: "inf" ("to" + verb), "np_to" (an object, then "to" + verb), "np" (an object),
# "for", "in", "about", "on_to" ("on" + object + "to" + verb), "forward" ("forward to")
_HOLDERS = _table([
    # wanting, hoping
    ("want wants wanted wanting wish wishes wished wishing prefer prefers preferred "
     "preferring", "inf np_to np for"),
    ("hope hopes hoped hoping long longs longed longing yearn yearns yearned yearning",
     "inf for"),
    # intending
    ("plan plans planned planning intend intends intended intending aim aims aimed aiming "
     "eager keen determined", "inf"),
    ("look looks looked looking", "inf for forward"),
    # committing
    ("promise promises promised promising pledge pledges pledged pledging vow vows vowed "
     "vowing swear swears swore sworn threaten threatens threatened threatening guarantee "
     "guarantees guaranteed", "inf np"),
    ("offer offers offered offering", "inf"),
    # asking for something to be done
    ("urge urges urged urging demand demands demanded demanding request requests "
     "requested requesting propose proposes proposed proposing recommend recommends "
     "recommended recommending suggest suggests suggested suggesting",
     "inf np_to np for"),
    ("ask asks asked asking", "inf np_to for"),
    ("call calls called calling", "for on_to"),
    ("encourage encourages encouraged encouraging implore implores implored imploring beg "
     "begs begged begging invite invites invited inviting challenge challenges challenged "
     "challenging dare dares dared pressure pressures pressured pressuring press presses "
     "pressed pressing push pushes pushed pushing lobby lobbies lobbied lobbying petition "
     "petitions petitioned petitioning", "np_to for"),
    ("appeal appeals appealed appealing plead pleads pleaded pleading advocate advocates "
     "advocated advocating", "for"),
    # believing, fearing, expecting
    ("believe believes believed believing", "np_to in"),
    ("fear fears feared fearing doubt doubts doubted doubting expect expects expected "
     "expecting", "inf np_to np"),
    ("worry worries worried worrying", "about"),
])
# verbs of appearance: content only before a report or belief verb ("seemed to suggest")
_APPEARING = frozenset("seem seems seemed seeming appear appears appeared appearing".split())
# what may stand between a verb and its complement without being either
_ADJUNCTS = frozenset("""not never again also still even now once instead already really
    repeatedly publicly privately openly strongly firmly long""".split()) | TIME_WORDS
# words after "to" that open a noun phrase: "agreed to a debate", "looked to him"
_NOT_VERBS = DETERMINERS | frozenset("""him her them it us me you himself herself themselves
    itself its their his our your""".split())
# where an object ends before a clause of its own ("urged the board, which ... to")
_OBJECT_END = frozenset("""that which who whom whose when while because and but or if as
    since after before""".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,;:.!?()“”\"—–]")


def held_content(d: TokenDoc, r: Extracted) -> bool:
    """Whether the verb cue of relation ``r`` (rejected: it introduces no reported
    content) tells content its source holds: a wish, an intention, a commitment, a
    request or a belief (see the module)."""
    if r.kind != "verb" or r.cue is None or r.source is None or not r.content:
        return False
    first = r.content[0]
    if first[1] <= r.cue[0]:
        return False  # content before the cue: not a complement
    cue_words = r.cue_text.lower().split()
    k = next((i for i, w in enumerate(cue_words) if w in _HOLDERS or w in _APPEARING), -1)
    if k < 0 or _not_the_holders(d, r, cue_words, k):
        return False
    verb = cue_words[k]
    if verb in _THING_VERBS and not _holder(d, r):
        return False  # "looming retirements promise to swell costs": a likelihood
    after = cue_words[k + 1:] + _TOKEN.findall(d.text[r.cue[1]:first[1]].lower())[:16]
    after = [w.strip("'’") for w in after]
    if verb in _APPEARING:
        # "seemed to suggest that", "appears to believe": a report the author hedges
        return len(after) >= 2 and after[0] == "to" and after[1] in d.lex.cue_forms
    comp = complement(after)
    return comp in _HOLDERS[verb]


def _not_the_holders(d: TokenDoc, r: Extracted, cue_words: list[str], k: int) -> bool:
    """Whether the verb ``cue_words[k]`` tells no content of the source's, or none that
    the sentence asserts: a passive ("is expected to attend": someone else expects), the
    writer's advice ("may want to check"), a capitalised word ("Demand Progress", a name;
    a headline's "Wants To ..."), a participle ("fishermen wanting to moor here must
    pay", "toured the quay, urging the board to ...") or a relative or subordinate clause
    (:func:`_backgrounded`): a description inside the author's claim."""
    if r.cue is None or cue_words[0] == "to":
        return True  # ("one fewer rival to worry about": an infinitive names no holder)
    verb = cue_words[k]
    before = _be_form(cue_words[k - 1]) if k else ""
    if before == "not" and k > 1:
        before = _be_form(cue_words[k - 2])  # "was not expected"
    if before in _BE and verb.endswith(("ed", "en")) and verb not in _ADJECTIVES:
        return True
    if k and cue_words[k - 1] in ("may", "might") and verb in ("want", "wish"):
        return True
    start = _word_start(r.cue_text, k) + r.cue[0]
    if d.text[start:start + 1].isupper():
        return True
    if verb.endswith("ing") and not any(_be_form(w) in _BE for w in cue_words[:k]):
        return True  # a participle: "fishermen wanting to ...", "toured the quay, urging ..."
    return _backgrounded(d, r)


# words that open a subordinate clause before its subject ("After the union threatened a
# strike, the board ...")
_SUBORDINATORS = frozenset("""when after before since while as although though because if
    unless until once whereas""".split())
_RELATIVES = frozenset(("who", "whom", "which", "that"))


def _backgrounded(d: TokenDoc, r: Extracted) -> bool:
    """Whether the relation stands in a relative or subordinate clause ("The mayor, who
    wants to raise the fees, opened the terminal", "After the union threatened a strike,
    the board raised pay"): the sentence asserts its main clause, the author's."""
    if r.source is None:
        return True
    if d.text[r.source[0]:r.source[1]].strip().lower() in _RELATIVES:
        return True
    before = _LAST_WORD.search(d.text, max(0, r.source[0] - 24), r.source[0])
    return before is not None and before.group(1).lower() in _SUBORDINATORS


_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")


_BE = frozenset("is are was were be been being 's am".split())


def _be_form(word: str) -> str:
    """A cue word with a negative contraction taken off ("isn’t" -> "is")."""
    return word.replace("’", "'").removesuffix("n't")
_ADJECTIVES = frozenset(("determined",))


def _word_start(cue_text: str, k: int) -> int:
    """The offset in ``cue_text`` of its ``k``-th whitespace-separated word."""
    return [m.start() for m in re.finditer(r"\S+", cue_text)][k]


# verbs that also tell a likelihood with a thing for subject ("the plunge threatens further
# losses", "the decision promises to create a bind"): a holder must be named
_THING_VERBS = frozenset("""promise promises promised promising threaten threatens threatened
    threatening guarantee guarantees guaranteed seem seems seemed seeming appear appears
    appeared appearing""".split())
_REFLEXIVES = frozenset(("himself", "herself", "themselves", "itself"))
_QUANTITY_HEADS = frozenset(("majority", "minority", "half", "third", "quarter", "most",
                             "share", "percent", "number", "many", "some", "all", "none"))


def _holder(d: TokenDoc, r: Extracted) -> bool:
    """Whether the source can hold a wish or a view: a pronoun, a person, a group, an
    organisation, an outlet or a document noun, or a name ("looming retirements promise
    to swell costs", "a plunge in the shares threatens further losses": things)."""
    if r.source is None:
        return False
    src = d.text[r.source[0]:r.source[1]].split(",", 1)[0]
    words = [w.strip(".,'’\"“”()") for w in src.split()]
    words = [w for w in words if w and w.lower() not in _REFLEXIVES]
    cut = next((i for i, w in enumerate(words) if i and w.lower() in NP_INNER_PREPS),
               len(words))
    if cut < len(words) - 1 and words[cut].lower() == "of" \
            and words[cut - 1].lower() in _QUANTITY_HEADS:
        words = words[cut + 1:]  # "32 percent of voters": the voters hold it
        cut = next((i for i, w in enumerate(words) if i and w.lower() in NP_INNER_PREPS),
                   len(words))
    words = words[:cut]
    if not words:
        return False
    lex = d.lex
    head = re.sub(r"['’]s$", "", words[-1].lower())
    if head in lex.pronouns or any(
            h in lex.people_words or h in lex.organisation_nouns or h in lex.outlet_nouns
            or h in lex.document_nouns for h in (head, head[:-1] if head.endswith("s") else head)):
        return True
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())


def complement(words: list[str]) -> str:
    """The complement a verb takes, from the lower-case words after it: "inf", "np_to",
    "np", a preposition ("for", "in", "about"), "on_to", "forward", or "" (none)."""
    i = 0
    while i < len(words) - 1 and words[i] in _ADJUNCTS:
        i += 1
    words = words[i:]
    if not words or not words[0][:1].isalpha():
        return ""
    head = words[0]
    if head == "to":
        return "inf" if len(words) > 1 and _verb_after_to(words[1]) else "to"
    if head == "forward" and len(words) > 1 and words[1] == "to":
        return "forward"
    if head == "on":
        return "on_to" if _object_then_to(words[1:]) else "on"
    if head in ("for", "in", "about", "with", "at", "against", "over", "from", "by"):
        return head
    return "np_to" if _object_then_to(words) else "np"


def _verb_after_to(word: str) -> bool:
    """Whether the word after "to" may be a verb (not a determiner, a pronoun, a number)."""
    return word[:1].isalpha() and word not in _NOT_VERBS


def _object_then_to(words: list[str]) -> bool:
    """Whether an object of up to six words is followed by "to" and a verb ("the board to
    act"), with no clause or punctuation between."""
    for i, w in enumerate(words[:7]):
        if w == "to":
            return i > 0 and i + 1 < len(words) and _verb_after_to(words[i + 1])
        if not w[:1].isalpha() or w in _OBJECT_END:
            return False
    return False
