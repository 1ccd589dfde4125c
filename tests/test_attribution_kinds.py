"""Who a source is, followed through the text: titles, roles and appositives around a name,
later short names, "the <role>" and pronouns; people, organisations, outlets, documents and
unnamed groups told apart. Our own sentences."""

from __future__ import annotations

import pytest

from checker.core.analysis import ANONYMOUS, DOCUMENT, ORGANISATION, OUTLET, PERSON
from checker.text.loader import document_from_text
from rules.attribution import names
from rules.attribution.extraction import extract
from rules.attribution.lexicon import get_lexicon
from rules.attribution.sources import classify
from tests.families import analyse_attribution as _analyse


def _sources(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in _analyse(text).sources]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a full name after a title, a role or a body's name is the person
        ("Speaker of the Assembly Rep. Tomas Berg said the session would close early.",
         "Tomas Berg", PERSON),
        ("Army Capt. Ines Moreau said the convoy left the base at dawn.", "Ines Moreau",
         PERSON),
        ("Coast Guard Lt. Pavel Duda said the crew was rescued within an hour.", "Pavel Duda",
         PERSON),
        # after a word for a body, the name is that body's
        ("According to the advocacy group Harbour Watch, the river is badly polluted.",
         "Harbour Watch", ORGANISATION),
        ("Brannock Vale, a firm founded by two engineers, said the bridge was safe.",
         "Brannock Vale", ORGANISATION),
        # members of a group with only adjectives before them name nobody
        ("Leading Republicans said the bill would fail in the upper house.",
         "Leading Republicans", ANONYMOUS),
        # one person described by a common noun; a group or a thing by one: nobody named
        ("The Labour frontrunner said the count had been fair.", "The Labour frontrunner",
         PERSON),
        ("The Harbour founders said the count had been fair.", "The Harbour founders",
         ANONYMOUS),
        # records and works are documents
        ("The affidavit says the officer saw the car leave the lot.", "The affidavit",
         DOCUMENT),
        ("A council timeline shows the alarm sounded just before noon.",
         "A council timeline", DOCUMENT),
        # a generation after a name is no acronym of a body
        ("“The drills go on,” harbour police spokesman Capt. Ron Amell III said.",
         "Ron Amell III", PERSON),
        # a title that ends in a body's word is still a title
        ("Former Secretary of State Ana Brill said the treaty was sound.", "Ana Brill",
         PERSON),
        # a name after a body's possessive is a person
        ("The Valley Post's Ines Moreau reported that the mill had closed.", "Ines Moreau",
         PERSON),
        # a body's name in a person's appositive does not make the person a body
        ("Tom Berg, a Valley University professor, said the dam was unsafe.", "Tom Berg",
         PERSON),
        # a title that is also a first name, before a lone surname, is the first name
        ("Dean Ortiz, an economist at the institute, said rents would rise.", "Dean Ortiz",
         PERSON),
        # a speaker's age and home town stay with the speaker
        ("“We came for the music,” Ana Ruiz, 31, of Tacoma, Wash., said on Friday.",
         "Ana Ruiz", PERSON),
        # records that reached the public under a law or through a body are documents, not
        # the law's or the body's name read as a person
        ("Memos released under the Harbour Access Act show the board knew of the leak.",
         "Memos released under the Harbour Access Act", DOCUMENT),
        ("Emails obtained by the Freedom of Speech Trust reveal the plan was changed.",
         "Emails obtained by the Freedom of Speech Trust", DOCUMENT),
        # a dash typed as two hyphens closes an aside before the speaker
        ("In a speech at the port -- which holds its vote on Saturday -- Ines Moreau "
         "claimed the ferry would return.", "Ines Moreau", PERSON),
        # one person among others described by a common noun, then named in apposition
        ("Another reader, Tomas Perl, wrote that the harbour had lost its charm.",
         "Tomas Perl", PERSON),
        ("One user, Ines Moreau, wrote of a ferry that never came.", "Ines Moreau", PERSON),
        ("A customer, Lena Dorsch, said the fares had doubled.", "Lena Dorsch", PERSON),
        # a body named after its yard, palace or line, or a water or rail company
        ("Scotland Yard said two men had been held overnight.", "Scotland Yard",
         ORGANISATION),
        ("Kelmscott Palace said the visit would go ahead in June.", "Kelmscott Palace",
         ORGANISATION),
        ("Brenmoor Water said the pipes under the square were being replaced.",
         "Brenmoor Water", ORGANISATION),
        ("Northern Valley Rail said the line would reopen on Monday.",
         "Northern Valley Rail", ORGANISATION),
    ],
)
def test_name_and_kind_of_a_source_phrase(text: str, name: str, kind: str) -> None:
    assert _sources(text)[:1] == [(name, kind)]


def test_a_lone_name_with_an_office_title_elsewhere_is_a_person() -> None:
    text = ("President Okafor's plan for the port was published on Monday. "
            "Okafor said the first ships would dock in May.")
    assert _sources(text) == [("Okafor", PERSON)]


def test_a_lone_name_with_no_sign_of_a_person_stays_a_body() -> None:
    assert _sources("Brightwater said the new line would open in May.") == [
        ("Brightwater", ORGANISATION)]


@pytest.mark.parametrize(
    ("before", "full"),
    [
        ("the plan of Ohio Gov. ", ""),  # a title, then no first name
        ("the team of Sen. Harry M. ", "Harry M."),  # initials belong to the name
        ("the head of Delta-Vance Mara ", "Mara"),  # a compound of names is no first name
        ("a speech by the Iraqi ", ""),  # a nationality is no first name
        ("the view of the Islamic ", ""),  # nor an adjective in -ic
        ("the side of Mary Ann ", "Mary Ann"),  # two first names
    ],
)
def test_the_full_name_before_a_surname(before: str, full: str) -> None:
    text = before + "Lund said so."
    got = names.name_ending_at(text, len(before), "Lund", get_lexicon())
    assert got == (f"{full} Lund" if full else "")


def test_a_short_name_takes_the_full_name_after_a_title() -> None:
    text = ("Maj. Tomas Berg of the harbour police led the search on Sunday. "
            "Berg said the divers found the wreck after two hours.")
    assert ("Tomas Berg", PERSON) in _sources(text)


def test_full_names_are_indexed_once_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many sentences that all cite one surname scan the text for its full name once, not
    once per sentence (which made long texts quadratic)."""
    calls = []
    real = names._occurrences
    reads = []
    real_read = names.name_ending_at

    def counting(text: str, short: str) -> tuple[list[int], list[str]]:
        calls.append(short)
        return real(text, short)

    def reading(text: str, pos: int, short: str, lex: object) -> str:
        reads.append(pos)
        return real_read(text, pos, short, lex)  # type: ignore[arg-type]

    monkeypatch.setattr(names, "_occurrences", counting)
    monkeypatch.setattr(names, "name_ending_at", reading)
    text = "Nora Vance opened the meeting. " + " ".join(["Vance said the bridge would close."]
                                                         * 200)
    found = _sources(text)
    assert found and all(f == ("Nora Vance", PERSON) for f in found)
    assert calls == ["Vance"]
    assert len(reads) == len(set(reads))  # each place read once at most


def test_the_role_after_a_titled_name_is_that_person_and_not_vague() -> None:
    an = _analyse("Gov. Mara Lund opened the new bridge on Monday. "
                  "The governor said the repairs had cost three million dollars.")
    assert [(s.name, s.kind) for s in an.sources] == [("Mara Lund", PERSON)]
    assert not [f for f in an.findings if f.rule == "vague-attribution"]


def test_the_role_is_not_given_to_someone_cited_since() -> None:
    found = _sources("Gov. Mara Lund opened the new bridge on Monday. "
                     "Engineer Tom Berg said the deck was safe. "
                     "The governor said the repairs had cost three million dollars.")
    assert found[0] == ("Tom Berg", PERSON)
    assert found[1][0] != "Tom Berg" and found[1][0] != "Mara Lund"


def test_a_pronoun_is_the_person_who_opens_the_sentences_before_it() -> None:
    found = _sources("Defence lawyer Tom Berg said the trial had been unfair. "
                     "The prosecutor, Nadia Orlov, left the room quickly. "
                     "She did not look back. Later, she said the case was closed.")
    assert found == [("Tom Berg", PERSON), ("Nadia Orlov", PERSON)]


def test_a_pronoun_after_a_subject_in_its_own_sentence() -> None:
    found = _sources("Harbour master Ida Kron said the quay would reopen. "
                     "Sven Aalto has worked the strait for years, and he said delays "
                     "were likely.")
    assert found[-1] == ("Sven Aalto", PERSON)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Mr. Tom Hart opened the new ferry terminal. The harbour's director, Ann Ross, has "
         "been criticised by traders for the delays. She said the quay would reopen soon.",
         "Ann Ross"),
        ("Ann Ross was praised by Mayor Ivo Lee as fair. She said the quay would reopen soon.",
         "Ann Ross"),
    ],
)
def test_the_person_a_judgement_passive_judges_stays_the_antecedent(text: str,
                                                                     subject: str) -> None:
    assert _sources(text)[-1] == (subject, PERSON)


def test_a_title_tells_which_pronoun_may_stand_for_a_person() -> None:
    found = _sources("Mr. Tom Hart said the ferry terminal was ready. The quay was praised by "
                     "traders. She said the quay would reopen soon.")
    assert ("Tom Hart", PERSON) in found and found.count(("Tom Hart", PERSON)) == 1


def test_a_surname_alone_keeps_the_pronoun_its_full_name_has() -> None:
    found = _sources("Hart says the ferry will run. Mr. Tom Hart said the terminal was "
                     "ready. The quay was praised by traders. She said the quay would reopen "
                     "soon.")
    assert [f for f in found if f[1] == PERSON] == [("Hart", PERSON), ("Tom Hart", PERSON)]


def test_one_of_some_people_named_after_the_comma_is_that_person() -> None:
    assert _sources("One of the authors of the harbour report, Tom Berg, said the data were "
                    "weak.") == [("Tom Berg", PERSON)]
    assert _sources("One of his aides, Ann Lee, said the quay would reopen.") \
        == [("Ann Lee", PERSON)]


def test_he_is_not_a_person_that_she_named() -> None:
    found = _sources("Ana Ruiz said the port would close. “We have no choice,” she said. "
                     "Officials met later in the day. He said the vote was final.")
    assert ("Ana Ruiz", PERSON) in found
    assert len([f for f in found if f == ("Ana Ruiz", PERSON)]) == 2


def _relations(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.cue) for s in _analyse(text).sources]


def _colon_sources(text: str) -> list[tuple[str, bool]]:
    """(source text, informational) of the headline-colon relations the extractor finds."""
    doc = document_from_text(text, path="t.txt", fmt="text")
    found, _ = extract(doc.text, [(s.start, s.end) for s in doc.sentences])
    return [(r.source_text, r.informational) for r in found if r.kind == "colon"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Monday’s Harbour Briefing: Ferry fares rise for the third time this year.", []),
        ("Valley Culture Report: The old pier will close in May after a storm.", []),
        ("HARBOUR FARES RISE AGAIN: The operator raised fares by a tenth.", []),
        ("Lund: The operator must explain why fares rose again.", ["Lund"]),
    ],
)
def test_a_title_before_a_colon_is_no_source(text: str, kept: list[str]) -> None:
    assert [src for src, ok in _colon_sources(text) if ok] == kept


def test_a_suspect_is_not_a_reporter() -> None:
    found = _relations("The man accused of stealing the painting will stay in custody, "
                       "a judge said on Friday.")
    assert not [n for n, cue in found if cue.startswith("accused")]
    assert ("a judge", "said") in found


def test_who_was_told_is_not_the_speaker() -> None:
    text = ("“We will not give up the harbour,” Mara Lund, who has not endorsed either plan, "
            "told reporters in the port.")
    assert _sources(text) == [("Mara Lund", PERSON)]



def test_a_pronoun_in_a_contraction_is_resolved() -> None:
    found = _sources("Mara Lund said the port would close. "
                     "She’s not saying the workers will lose their jobs.")
    assert found == [("Mara Lund", PERSON), ("Mara Lund", PERSON)]


@pytest.mark.parametrize(
    "text",
    ["That’s not to suggest that the ferry is unsafe.",
     "Whenever asked about the ferry, the crews change the subject."],
)
def test_function_words_are_no_sources(text: str) -> None:
    assert _sources(text) == [] or all(n not in ("That’s", "Whenever") for n, _ in
                                       _sources(text))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # figures whose issuer an adjective gives are a published record
        ("Hospital admissions rose by a fifth in January, official figures show.",
         "official figures", DOCUMENT),
        ("The jobless rate climbed to 6 per cent, government data showed on Friday.",
         "government data", DOCUMENT),
        # the outlet's own reporter behind findings: the reporter, unnamed
        ("Checks by our correspondent showed that most bakeries had raised prices.",
         "our correspondent", ANONYMOUS),
    ],
)
def test_collectives_records_and_own_reporters(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _sources(text)


def test_recent_figures_name_no_issuer() -> None:
    assert ("recent figures", ANONYMOUS) in _sources(
        "Rents rose by a tenth last year, recent figures suggest.")


def test_records_named_by_their_issuer_stay_vague_but_own_reporters_do_not() -> None:
    vague = [f for f in _analyse("Hospital admissions rose by a fifth in January, official "
                                 "figures show.").findings if f.rule == "vague-attribution"]
    assert vague
    own = [f for f in _analyse("Checks by our correspondent showed that most bakeries had "
                               "raised prices.").findings if f.rule == "vague-attribution"]
    assert not own


def test_the_team_after_a_team_led_by_someone_is_that_person() -> None:
    text = ("Seedlings grow faster in blue light, according to researchers led by Ines Moreau "
            "at Lund University. The effect doubled in cold rooms, the researchers said.")
    assert _sources(text) == [("Ines Moreau", PERSON), ("Ines Moreau", PERSON)]


def test_the_team_with_no_leader_named_stays_unnamed() -> None:
    text = ("Seedlings grow faster in blue light, according to researchers at Lund "
            "University. The effect doubled in cold rooms, the researchers said.")
    assert ("the researchers", ANONYMOUS) in _sources(text)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [("Wall Street", ANONYMOUS), ("the Street", ANONYMOUS), ("Silicon Valley", ANONYMOUS),
     ("Street", PERSON),  # a surname alone
     ("the Wall Street Journal", OUTLET)],
)
def test_a_market_named_by_its_place_is_a_collective(phrase: str, kind: str) -> None:
    assert classify(phrase, get_lexicon())[0] == kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a one-word name after a word for a body is that body, not a person
        ("Tablet sales fell by a third, according to research firm Quillmetric.",
         "Quillmetric", ORGANISATION),
        # a definite panel is the body named before it
        ("An inquiry panel reviewed the ward. The panel says the rota was too thin.",
         "The panel", ORGANISATION),
        # a definite description of a maker refers to a firm
        ("The country's largest bicycle maker said its orders doubled in May.",
         "The country's largest bicycle maker", ORGANISATION),
    ],
)
def test_bodies_described_by_their_trade(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _sources(text)


@pytest.mark.parametrize(
    "text",
    ["Ivo Long, an analyst at a bank, cut his target. The slump may last into spring, "
     "Long said.",
     "Ivo Long, an analyst at a bank, cut his target. Long said the slump may last into "
     "spring."],
)
def test_a_surname_that_is_also_an_adverb_is_the_speaker(text: str) -> None:
    assert _sources(text) == [("Ivo Long", PERSON)]


def test_an_adverb_before_the_cue_is_still_no_speaker() -> None:
    text = "The slump, she has long said, may last into spring."
    found, _ = extract(text, [(0, len(text))], get_lexicon())
    assert [r.source_text for r in found] == ["she"]


@pytest.mark.parametrize("party", ["D-Calif.", "R-Maine", "D-N.Y."])
def test_a_titled_name_with_party_and_relative_clause_is_the_speaker(party: str) -> None:
    text = f"Rep. Ines Moreau, {party}, who chairs the panel, said the vote would come soon."
    assert _sources(text) == [("Ines Moreau", PERSON)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a batch or copy of documents is a document
        ("The latest batch of memos shows that the harbour board knew of the leak.", DOCUMENT),
        ("A trove of emails reveals that the trustees met the builder twice.", DOCUMENT),
        ("Copies of the invoices show the council paid the builder twice.", DOCUMENT),
        # documents held by someone ("her texts", "their communications") are documents
        ("Their communications suggest that the trustees met the builder twice.", DOCUMENT),
        ("His texts show that the trustee met the builder twice.", DOCUMENT),
        # a plural document word opening a sentence is no person or body, but the bare
        # plural it is inside a sentence ("reports suggest"): nobody named
        ("Memos show that the harbour board knew of the leak.", ANONYMOUS),
        ("Emails reveal that the trustees met the builder twice.", ANONYMOUS),
        # a batch of people is still people
        ("A handful of residents said the ferry ran late all winter.", ANONYMOUS),
    ],
)
def test_batches_and_holders_of_documents_are_documents(text: str, kind: str) -> None:
    assert [k for _, k in _sources(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a firm's or an agency's name by its last word, not a person's
        ("Harbour Digital said the waiting figures were wrong.", "Harbour Digital",
         ORGANISATION),
        ("Nordic Pharma said the trial would resume in May.", "Nordic Pharma", ORGANISATION),
        ("Public Health Wales said cases of the fever were rising.", "Public Health Wales",
         ORGANISATION),
        # a nation after a given name is a surname
        ("Ann England said the ferry would run on Sunday.", "Ann England", PERSON),
        # a surname that ends like a body's name, with signs of a person: her age, "she",
        # a first-person quotation, a noun for a person after the name
        ("Greta Health, 61, said she would sell the bakery in March.", "Greta Health", PERSON),
        ("\u201cI will sell the bakery,\u201d Greta Health said.", "Greta Health", PERSON),
        ("Tomas Networks said he had never seen the ferry so full.", "Tomas Networks", PERSON),
        ("Ivo Digital, a pharmacist, said the stock had run out.", "Ivo Digital", PERSON),
        ("Harbour Health said it would sell the bakery in March.", "Harbour Health",
         ORGANISATION),
        # the lexicon's own body words ("Water", "Palace", "Rail") after a given name: a
        # person when an age, a noun for a person or "I" shows one
        ("Greta Water, 61, said she would sell the bakery in March.", "Greta Water", PERSON),
        ("Jo Palace, a nurse, said the ward had run out of beds.", "Jo Palace", PERSON),
        ("\u201cI will sell the bakery,\u201d Kai Rail said.", "Kai Rail", PERSON),
        ("Severn Water said its pipes were old.", "Severn Water", ORGANISATION),
        ("Scotland Yard said he was arrested on Monday.", "Scotland Yard", ORGANISATION),
        # the end of a law's name after a given name alone: a surname, not a document
        ("Alan Charter said the ferry would run on Sunday.", "Alan Charter", PERSON),
        ("Greta Protocol said the ferry would run on Sunday.", "Greta Protocol", PERSON),
        ("The Act says every ferry must carry a raft.", "The Act", DOCUMENT),
        ("The Harbour Safety Act says every ferry must carry a raft.",
         "The Harbour Safety Act", DOCUMENT),
    ],
)
def test_bodies_named_by_their_last_word(text: str, name: str, kind: str) -> None:
    assert _sources(text) == [(name, kind)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Figures obtained under freedom of information laws show that ferry waits grew.",
         "Figures obtained under freedom of information laws"),
        ("Data obtained through a records request shows that ferry waits grew.",
         "Data obtained through a records request"),
        ("Figures obtained by the Harbour Herald under freedom of information laws show "
         "that ferry waits grew.",
         "Figures obtained by the Harbour Herald under freedom of information laws"),
        ("Documents released under the Freedom of Information Act show that the trustee "
         "knew.", "Documents released under the Freedom of Information Act"),
    ],
)
def test_the_route_of_a_document_belongs_to_its_phrase(text: str, name: str) -> None:
    assert _sources(text) == [(name, DOCUMENT)]


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Records Act says that every ferry log must be kept for ten years.",
        "The Ferry Safety Amendment says that every ferry must carry a raft.",
    ],
)
def test_a_named_law_or_signed_text_is_a_document(text: str) -> None:
    assert [k for _, k in _sources(text)] == [DOCUMENT]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Harbour Water, the region's biggest supplier, said the pipes were safe.",
         "Harbour Water", ORGANISATION),
        ("Vale Metals, the country's largest exporter, said sales fell in May.",
         "Vale Metals", ORGANISATION),
        ("Ann Lee, a crane operator, said the cranes were safe.", "Ann Lee", PERSON),
    ],
)
def test_an_appositive_naming_a_trade_makes_the_name_a_body(text: str, name: str,
                                                             kind: str) -> None:
    assert _sources(text) == [(name, kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“I am not running for the harbour board,” Okafor said.", PERSON),
        ("“My ferry will run on Sunday,” Okafor said.", PERSON),
        # no first person singular: one word with no title stays a body
        ("“The ferry will run on Sunday,” Metra said.", ORGANISATION),
        ("“We will run the ferry on Sunday,” Metra said.", ORGANISATION),
    ],
)
def test_a_one_word_speaker_of_a_quotation_in_the_first_person_is_a_person(
        text: str, kind: str) -> None:
    assert [k for _, k in _sources(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee MP said the clinic on the quay was full.",
        "Ivo Berg KC said the appeal over the pier would fail.",
        "The Rt Rev Ivo Berg said the harbour church would reopen.",
    ],
)
def test_letters_after_a_name_and_titles_without_a_dot_leave_a_person(text: str) -> None:
    assert [k for _, k in _sources(text)] == [PERSON]
