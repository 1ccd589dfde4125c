"""Content an actor holds (``rules/attribution/held.py``), through the whole tool: a wish,
an intention, a commitment, a request or a belief told without a clause makes its sentence
attributed (no unsourced claim of the author's), yet the actor is no information source
(no "who is cited" row, no ATT001). Acts, decisions, attempts, public positions, passives,
the writer's advice, things that "promise", and a holder's content in a participle, a
relative or a subordinate clause (the main clause is the author's) stay unattributed. Our
own sentences, one class each.
"""

from __future__ import annotations

import pytest

from checker.article import audit_article
from checker.text.tabular import ArticleInput
from rules.attribution.held import complement

_LEAD = "The harbour board met on Monday in the old customs house. "


def _audit(sentence: str) -> tuple[bool, list[str], list[str]]:
    """The last sentence's ``attributed``, the source names and the rules that fired, for
    ``sentence`` after a neutral first sentence."""
    out = audit_article(ArticleInput("t", "t", "t.txt", _LEAD + sentence, "text")).to_dict()
    last = out["sentences"][-1]
    assert last["text"].startswith(sentence[:20])
    return (bool(last["attributed"]), [str(s["name"]) for s in out["sources"]],
            [str(f["rule"]) for f in out["findings"]])


@pytest.mark.parametrize(
    "sentence",
    [
        # wanting, hoping (an infinitive, an object and an infinitive, "for")
        "Councillor Ann Brody wants to raise the mooring fees next spring.",
        "Ann Brody wants the board to raise the mooring fees next spring.",
        "Ann Brody hopes to open a second sailing school on the quay.",
        # intending, expecting
        "Ann Brody is eager to debate the mayor before the vote.",
        "Councillor Ann Brody expects to win the seat again.",
        # committing (an infinitive or an object)
        "Mayor Tom Reyes vowed to keep the library open through the winter.",
        "Mayor Tom Reyes has promised a new ferry terminal.",
        "The union threatened a strike over the fees.",
        "The ferry company offered to cut the fares for pupils.",
        # asking for something to be done
        "The teachers' union urged the board to delay the vote.",
        "The ferry company has called for an inquiry into the closure.",
        "Several councillors called on the mayor to resign over the fees.",
        "The mayor's office asked residents to report blocked drains.",
        "The mayor asked the council to vote on the levy.",
        "The dock workers' union calls for a strike over the new rosters.",
        "Ann Brody has proposed a levy on second homes.",
        # believing in something; a report the writer hedges
        "Ann Brody believes in the plan.",
        "The mayor seemed to concede the point.",
    ],
)
def test_content_an_actor_holds_is_attributed_with_no_source_row(sentence: str) -> None:
    attributed, names, rules = _audit(sentence)
    assert attributed
    assert names == []
    assert "vague-attribution" not in rules


@pytest.mark.parametrize(
    "sentence",
    [
        # an agreement, an attempt, a refusal: what was (not) done
        "The ferry company agreed to pay a fine of two million pounds.",
        "Councillor Ann Brody sought to bolster her standing with the fishermen.",
        "The ferry company declined to renew the lease on the quay.",
        # a public position is on the record: the author's checkable claim
        "Ann Brody endorsed the mayor on Friday.",
        # a thing that "promises": a likelihood, no holder
        "Looming retirements promise to swell the pension bill.",
        # a passive: someone else expects
        "Tom Reyes isn't expected to attend the meeting.",
        # the writer's advice
        "Ann Brody might want to check the timetable.",
        # a participle, a relative or a subordinate clause: the main clause is the author's
        "Fishermen wanting to moor at the quay must pay the new fee.",
        "Ann Brody toured the quay on Friday, urging the board to delay the vote.",
        "The mayor, who wants to raise the fees, opened the new ferry terminal on Friday.",
        "After the union urged the board to delay the vote, the mayor cancelled the meeting.",
        # an appearance with no report in it: the writer's impression
        "The mayor seemed to be in a hurry after the vote.",
        "Ann Brody appeared to lose her temper with the harbour board.",
    ],
)
def test_acts_and_look_alikes_stay_unattributed(sentence: str) -> None:
    attributed, names, _ = _audit(sentence)
    assert not attributed
    assert names == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("to raise the fees", "inf"),
        ("not to vote on the budget", "inf"),
        ("tuesday to earmark the funds", "inf"),
        ("to a debate in may", "to"),
        ("the board to delay the vote", "np_to"),
        ("the board , which meets in may , to act", "np"),
        ("for an inquiry into the closure", "for"),
        ("on the mayor to resign", "on_to"),
        ("on the ferry", "on"),
        ("forward to the debate", "forward"),
        ("a new ferry terminal", "np"),
        (", then", ""),
    ],
)
def test_the_complement_after_a_verb(words: str, expected: str) -> None:
    assert complement(words.split()) == expected
