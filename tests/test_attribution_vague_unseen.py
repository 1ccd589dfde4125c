"""ATT001 on classes of unnamed sources found in error analysis for issue 13 (past-tense and
adverb agentless passives, indefinite documents of findings, ranked unnamed groups, "as per
sources"), and never on a named person whose appositive holds a group word ("Ann Lee, a local
resident, said") nor on a name leading "others". Our own sentences."""

from __future__ import annotations

import pytest

from rules.attribution.vague_model import _phrase_hits
from tests.families import analyse_attribution


def _vague(text: str) -> list[str]:
    an = analyse_attribution(text)
    return [text[f.start:f.end] for f in an.findings if f.rule == "vague-attribution"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # agentless passives in the past tense or with "widely"
        ("It was thought the ferry had left early.", "It was thought"),
        ("It was believed that the mill would reopen.", "It was believed"),
        ("It was widely reported that the depot would close.", "It was widely reported"),
        ("The vote was widely seen as a rebuke to the council.", "was widely seen as"),
        ("The new stand was regarded as the best in the league.", "was regarded as"),
        ("The fare rise has been widely criticised.", "has been widely criticised"),
        ("The mayor was widely expected to resign.", "was widely expected to"),
        ("Three crew members are feared dead after the ferry capsized.", "are feared dead"),
        ("It is learnt that the ministry has cleared the file.", "It is learnt"),
        ("The striker is tipped to join a rival club.", "is tipped to"),
        # a family or everyday noun counted off
        ("A mother of two said the school gates were never locked.", "A mother of two"),
        ("One passenger said the train stopped without warning.", "One passenger"),
        # a trade or industry, unnamed
        ("Cement makers argue that imports have doubled.", "Cement makers argue"),
        ("Manufacturers say the levy will cost jobs.", "Manufacturers say"),
        ("Insurers warned that premiums would rise.", "Insurers warned"),
        # "other ..." with no name before
        ("Critics and other experts warned that the dam could fail.",
         "Critics and other experts warned"),
        # an unnamed group as the sayer of its relative clause, with more verbs
        ("The speech echoed some commentators who have suggested that the levy is unfair.",
         "some commentators who have suggested"),
        ("The plan was backed by economists who pointed out that the levy was small.",
         "economists who pointed out"),
        ("Those in the know say the depot will close in May.", "Those in the know"),
        # a vague phrase with "as per"
        ("As per sources, the mayor will resign on Friday.", "As per sources"),
        # a spokesperson of no named body
        ("A Turkish spokesman said the talks had stalled.", "A Turkish spokesman"),
        ("A government spokeswoman said the talks had stalled.", "A government spokeswoman"),
        # "others" led by no name
        ("Several others said the count had been chaotic.", "Several others said"),
        # an indefinite document of findings, with no author or publisher
        ("A recent study found that cyclists sleep longer.", "A recent study found"),
        ("One survey suggests that most tenants back the levy.", "One survey suggests"),
        ("A new report found that the canal is badly polluted.", "A new report found"),
        ("A poll of 900 voters showed the mayor ahead.", "A poll of 900 voters showed"),
        # bare figures or data as the sayer, opening a clause
        ("Figures released on Monday show that bus use fell.",
         "Figures released on Monday show"),
        ("Statistics show that burglaries have halved.", "Statistics show"),
        # ... after another sentence too (not only as the text's first words)
        ("Bus fares rose in May. Figures released on Monday show that bus use fell.",
         "Figures released on Monday show"),
        ("Fares rose, but early results suggest that bus use held up.",
         "early results suggest"),
        # a rank word before an unnamed group written with a capital
        ("Senior Tories believe the leader must go before spring.", "Senior Tories"),
        ("Prominent Republicans say the bill will pass.", "Prominent Republicans"),
        ("Senior government figures believe the levy will fail.",
         "Senior government figures"),
    ],
)
def test_unnamed_sources_are_flagged(text: str, flagged: str) -> None:
    found = _vague(text)
    assert any(f.startswith(flagged) or flagged in f for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a named person with an appositive that holds a group word, an age before it
        "Tom Berg, a local resident, said the noise was unbearable.",
        "Tom Berg, 45, a local resident, said the noise was unbearable.",
        "Ann Lee and Tom Berg, both residents, said the road was dangerous.",
        "Ruth Amos, a critic of the scheme, said the levy was unfair.",
        # a passive with its agent, a sight rather than a view
        "The vote was widely seen as a rebuke by the council's own members.",
        "The mayor was seen leaving the town hall at noon.",
        # a document with its publisher or author, a letter or statement (its writer told
        # of around it), a document the text names before
        "A recent study by Harbour University found that cyclists sleep longer.",
        "A survey published in the Valley Ledger found that most tenants back the levy.",
        "The club wrote to fans on Monday. A letter said the stand would close.",
        "Harbour University published a study on Monday. The study found that cyclists "
        "sleep longer.",
        # the lede's document, named in the next sentence; a document as where a named
        # sayer found something; its author after it
        "A new poll shows the mayor ahead. The Valley Ledger poll of 900 voters gave her "
        "a lead of six points.",
        "A recent survey suggests tenants back the levy. The survey, released on Monday by "
        "the Harbour Institute, asked 2,000 tenants.",
        "In a poll of 900 voters, the Valley Ledger found that the mayor was ahead.",
        "The Valley Ledger reported that, according to an analysis of council records, most "
        "meetings were private.",
        "According to a 2019 study by economists Ann Lee and Tom Berg, the levy cut traffic.",
        # a spokesperson of a body named before the word, as "a spokesperson for ..."
        "A Harbour Council spokesperson said the road would reopen on Monday.",
        "The ferry will run again, a Valley Rail spokesman said.",
        # a full name as the source phrase's appositive, or the person a span opens with
        "The pier was never safe, said his oldest friend at Harbour School, Tom Berg.",
        "One of her advisers, Ruth Amos, told reporters that the levy would stay.",
        "The project's website, run by Ann Lee, a lecturer at Harbour College, said turnout "
        "was high.",
        # a family noun after a possessive or named in an appositive
        "Tom Berg was hurt in the crash. His mother said he was recovering.",
        "A mother of two, Ann Lee, said the school gates were never locked.",
        # a relative "who" after a definite or owned group told of before
        "Harbour Trust tenants met on Monday. The levy angered the tenants, who noted that the "
        "shops were closing.",
        "The levy angered its members, who said that the shops were closing.",
        # a name leading "other ..." (the scans and the learned decision)
        "Acme and other carmakers warned that prices would rise.",
        "Ann Lee and other critics warned that the dam could fail.",
        # a trade named by its members
        "Carmakers such as Acme warn that prices will rise.",
        # a name leading "others"
        "Berg and others who oppose the levy said the vote was unfair.",
        "Ann Berg and several others said the vote was unfair.",
        # "as per" a named rule book
        "As per the club's rules, the vote was void.",
        # figures with their publisher, owned, definite, named next, or a named source's
        "Figures released by Harbour Council show that bus use fell.",
        "Harbour Council figures show that bus use fell.",
        "Its figures show that bus use fell.",
        "Figures released on Monday show that bus use fell. The Harbour Council figures "
        "cover every route.",
        "Figures show crime has fallen, the Harbour Council said.",
        # a rank word before a group that names its members
        "Senior Tories such as Ann Lee say the leader must go.",
        # "the chief" after the named chief
        "Police Chief Rick Dahl said the road was shut. The chief said crews were still "
        "clearing debris.",
    ],
)
def test_named_sources_are_not_flagged(text: str) -> None:
    assert _vague(text) == []


def test_a_group_word_closing_an_appositive_after_a_name_is_no_group_subject() -> None:
    words = ["ann", "lee", "a", "local", "resident", "said", "so"]
    caps = [True, True, False, False, False, False, False]
    assert _phrase_hits(words, caps) == [("group_verb", 4, 5)]
    closes = [False, True, False, False, True, False, False]
    assert _phrase_hits(words, caps, closes) == []
