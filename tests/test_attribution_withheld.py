"""Sentences that report on the reporting, and findings and clauses the rules used to miss,
through the whole tool (the ``attributed`` column of ``sentences.csv``). Our own sentences.

- a named source that declined to comment or did not answer: the sentence is no unsourced
  claim of the author's (attributed), yet the source gave no information (not a source);
- a bare plural ("companies do not disclose ...") stays a claim of the author's;
- a poll named before its author ("A poll released by the Herald shows ..."): a finding;
- a clause with no "that" after a verb of saying ("saying she favors ...");
- a report inside an agentless passive ("X, who was named ..., said ...");
- a quotation paragraph with no speaker: someone's words, not the author's claim.
"""

from __future__ import annotations

from checker.article import audit_article
from checker.text.tabular import ArticleInput


def _audit(text: str) -> tuple[dict[str, bool], list[str]]:
    """Each sentence's ``attributed`` and the source names of the whole tool's output."""
    out = audit_article(ArticleInput("t", "t", "t.txt", text, "text")).to_dict()
    attributed = {s["text"]: bool(s["attributed"]) for s in out["sentences"]}
    names = [str(s["name"]) for s in out["sources"]]
    return attributed, names


def _is_attributed(attributed: dict[str, bool], start: str) -> bool:
    return next(v for k, v in attributed.items() if k.startswith(start))


def test_a_declined_comment_frames_its_sentence_but_names_no_source() -> None:
    text = ("The harbour board raised mooring fees by a third in March. "
            "A spokeswoman for the Lakeside Sailing Club declined to comment on the rise. "
            "Councillor Ann Brody did not respond to requests for comment. "
            "The harbourmaster, Tom Reyes, said the rise was overdue.")
    attributed, names = _audit(text)
    assert any("Tom Reyes" in n for n in names)  # (a source that spoke is listed)
    assert not _is_attributed(attributed, "The harbour board raised")
    assert _is_attributed(attributed, "A spokeswoman for the Lakeside")
    assert _is_attributed(attributed, "Councillor Ann Brody did not")
    assert not any("Brody" in n or "Lakeside" in n for n in names)


def test_a_bare_plural_that_does_not_disclose_stays_the_authors_claim() -> None:
    text = ("Boat owners pay the fee each spring. "
            "Marinas generally do not disclose their mooring income to the council.")
    attributed, _ = _audit(text)
    assert not _is_attributed(attributed, "Marinas generally")


def test_a_poll_named_before_its_author_is_a_finding() -> None:
    text = ("The vote is on Thursday. A survey released on Monday by the Valley Herald "
            "shows the incumbent mayor ahead by six points among likely voters.")
    attributed, _ = _audit(text)
    assert _is_attributed(attributed, "A survey released")


def test_a_clause_without_that_after_saying_is_reported() -> None:
    text = ("The mayor opened the new ferry terminal on Friday. Brody was more cautious, "
            "saying she expects the fares to rise again next year.")
    attributed, names = _audit(text)
    assert _is_attributed(attributed, "Brody was more cautious")
    assert not _is_attributed(attributed, "The mayor opened")


def test_a_belief_with_a_contracted_clause_is_reported() -> None:
    text = ("The council cut the ferry subsidy in May. Councillor Ann Brody thinks it's "
            "unfair to the islands.")
    attributed, _ = _audit(text)
    assert _is_attributed(attributed, "Councillor Ann Brody thinks")
    assert not _is_attributed(attributed, "The council cut")


def test_a_report_inside_an_agentless_passive_keeps_its_speaker() -> None:
    text = ("The harbour board met on Monday. Shortly after the budget was declared final, "
            "Councillor Ann Brody told reporters that the mooring fees would rise again. "
            "Tom Reyes, who was named harbourmaster in May, said the rise was overdue.")
    attributed, names = _audit(text)
    assert _is_attributed(attributed, "Shortly after the budget")
    assert _is_attributed(attributed, "Tom Reyes, who was named")
    assert any("Ann Brody" in n for n in names) and any("Tom Reyes" in n for n in names)
    assert not _is_attributed(attributed, "The harbour board met")


def test_a_quotation_paragraph_is_someones_words_and_still_wants_a_speaker() -> None:
    text = ("The ferry fares rose again in May. Ann Brody runs the sailing school on the "
            "quay.\n\n“The fares have doubled in three years. Most of our pupils come by "
            "ferry from the islands. Some of them have already stopped coming.”\n\n"
            "The board meets in June.")
    out = audit_article(ArticleInput("t", "t", "t.txt", text, "text")).to_dict()
    attributed = {s["text"]: bool(s["attributed"]) for s in out["sentences"]}
    for start in ("“The fares have", "Most of our pupils", "Some of them have"):
        assert _is_attributed(attributed, start)
    assert not _is_attributed(attributed, "The board meets")
    assert not _is_attributed(attributed, "The ferry fares rose")
    # no speaker: the quotation is still flagged, and no source is invented
    assert [f["rule"] for f in out["findings"]].count("unattributed-quote") == 1
    assert out["sources"] == []
