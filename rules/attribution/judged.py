"""Passives of praise and blame that name their judge after "by" ("The plan was applauded
by the unions", "has been criticised by Mayor Lee"): the judge is the source, the subject and
what follows the agent the content (``relations._verb_relation``)."""

from __future__ import annotations

from rules.attribution.content import content_right
from rules.attribution.doc import TokenDoc
from rules.attribution.phrases import np_right
from rules.attribution.tokens import is_cap, is_word
from rules.attribution.words import JUDGED_BY

_GROUNDS = frozenset(("for", "as", "over"))
_BE_FORMS = frozenset(("is", "are", "was", "were", "be", "been", "being", "'s", "’s"))


def judged_by(d: TokenDoc, cj: int, sent: int, s_hi: int) -> tuple[int, int] | None:
    """The agent of a passive judgement cue ending at token ``cj`` ("was applauded | by the
    unions"): the noun phrase after "by" when the cue ends in a participle of :data:`JUDGED_BY` with
    a form of "be" before it (in the cue or right before it, an adverb between allowed),
    else None."""
    toks = d.toks
    if toks[cj].low not in JUDGED_BY or cj + 2 >= s_hi or toks[cj + 1].low != "by":
        return None
    k = cj - 1
    while k >= 0 and toks[k].sent == sent and toks[k].low.endswith("ly") and cj - k <= 2:
        k -= 1
    if k < 0 or toks[k].sent != sent or toks[k].low not in _BE_FORMS:
        return None
    agent = np_right(d, cj + 2, sent, s_hi)
    if agent is None or not any(is_word(toks[m]) for m in range(agent[0], agent[1] + 1)):
        return None
    for m in range(agent[0] + 1, agent[1] + 1):
        # the grounds of the judgement end the judge: "by residents | for the delays",
        # "by critics | as a failure", "by police | of the theft" (not "the Bank of England")
        if toks[m].low in _GROUNDS or (toks[m].low == "of" and m + 1 <= agent[1]
                                       and not is_cap(toks[m + 1])
                                       and toks[cj].low == "accused"):
            return agent[0], m - 1
    return agent


def judged_relation(d: TokenDoc, subject: tuple[int, int] | None, cj: int, sent: int,
                    s_hi: int) -> tuple[tuple[int, int], list[tuple[int, int]], int] | None:
    """(source, content, last cue token) of a passive judgement with its subject (token
    range) left of the cue: the judge after "by" is the source, the subject (characters)
    and what follows the agent the content; None when the cue is none such."""
    if subject is None:
        return None
    agent = judged_by(d, cj, sent, s_hi)
    if agent is None:
        return None
    toks = d.toks
    k = agent[1] + 1
    if k + 2 < s_hi and toks[k].text == "," and toks[k + 1].low == "including":
        # "by Wall Street critics, including economist Ann Lee": the one named is cited
        named = np_right(d, k + 2, sent, s_hi)
        if named is not None and any(is_cap(toks[m]) for m in range(named[0], named[1] + 1)):
            agent = named
    return agent, [(toks[subject[0]].start, toks[subject[1]].end),
                   *content_right(d, agent[1] + 1, s_hi)], cj
