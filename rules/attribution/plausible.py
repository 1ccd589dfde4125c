"""Information sources, not actors: drop relations whose cue reports no content or whose
"source" cannot say or publish anything.

The cue finders (the learned tagger and the lexicon candidates) see verbs; newsroom copy is
full of verbs that do things rather than report them ("The bank raised rates", "Russia
threatened to cut supplies", "The union calls for a strike"). A relation is kept when

- its cue introduces content: a quotation, a that-clause, a colon, a clause with a verb of
  its own (reported speech: "said the road was closed"), content left of an inverted or
  comma cue ("..., she said"), or a phrase cue ("according to"); a bare noun phrase or an
  infinitive after a verb that is no reporting verb is an action ("approved the budget"),
  and so is a passive agent ("proposed by the manager"), except in the report classes of
  ``cues`` (a document's finding, "a new poll shows the mayor ahead"; praise or blame,
  "accused the council of hiding the costs"; a characterisation, "called the plan
  “reckless”", "called the levy a tax grab"; a speech verb whose object is what was said,
  "bemoaned the rise in rents"; a clause after an addressee, "wrote to the board that
  ..."; a question after one, "asked the mayor whether ..."; and content that is words or
  a proposition whatever the verb: a quotation opening it, "cautioned “let us not
  ...”", a proposition noun with its clause, "rejected the notion that ...", "dismissed
  concerns that ..." -- but "rejected the budget" is an act);
- its source is something that can say or publish: a person, an organisation, an outlet,
  a document, a generic group of people, a pronoun, or a proper name; not a thing ("cars",
  "the new strains"), a time ("Friday"), the reader ("you") or the author's own "we";
- its source does not stand before a passive cue ("the variant is thought to", "the motion
  was denied"): that subject is what is talked about, not who reports it.

The relations stay in the extraction (PolNeAR annotates desires, actions and sentiments as
attributions too, and its evaluation measures them); a rejected relation is marked
``informational=False``, and the record and the findings leave it out: it names no source
and attributes no sentence -- except content the actor holds (``held.py``: "wants to raise
the fees", "urged the board to act", "called for an inquiry"), marked ``held``, whose
sentence is attributed with no source named.

Headline datelines and labels that a colon follows ("PARIS:", "CREDIT:") are no sources.
"""

from __future__ import annotations

import re

from rules.attribution.cues import (
    addressed_clause,
    asked_question,
    bare_clause,
    characterisation,
    clause_content,
    document_evidence,
    judgement,
    proposition_object,
    reported_content,
    spoken_content,
    spoken_object,
)
from rules.attribution.doc import Extracted, TokenDoc, judge_after, tok_index
from rules.attribution.held import held_content
from rules.attribution.lexicon import Lexicon
from rules.attribution.report_shapes import no_report_shape
from rules.attribution.sources import GATHERED
from rules.attribution.words import (
    BOUNDARY_WORDS,
    NP_INNER_PREPS,
    POSTMOD_ADJECTIVES,
    TIME_WORDS,
)

# verbs that report content even when it is a noun phrase ("announced a deal", "denied
# the report", "confirmed the figures")
_NP_REPORTERS = frozenset(
    """say says said tell tells told announce announces announced announcing report reports
    reported confirm confirms confirmed deny denies denied claim claims claimed predict
    predicts predicted estimate estimates estimated disclose discloses disclosed reveal
    reveals revealed describe describes described cite cites cited quote quotes quoted
    acknowledge acknowledges acknowledged admit admits admitted write writes wrote written
    tweet tweets tweeted post posts posted publish publishes published warn warns warned
    express expresses expressed voice voices voiced outline outlines outlined detail
    details detailed mention mentions mentioned highlight highlights highlighted stress
    stresses stressed criticise criticises criticised criticize criticizes criticized
    question questions questioned dispute disputes disputed brand brands branded dub dubs
    dubbed label labels labelled labeled hail hails hailed condemn condemns condemned
    denounce denounces denounced expect expects expected forecast forecasts forecasted
    echo echoes echoed refute refutes refuted rebut rebuts rebutted mock mocks mocked
    defend defends defended discuss discusses discussed praise praises praised lament
    laments lamented""".split()
)


def _np_reporter(word: str) -> bool:
    """Whether a cue word is a verb of :data:`_NP_REPORTERS` or one of its participles that
    report ("telling", "citing", "reporting")."""
    return word in _NP_REPORTERS or word in _ING_REPORTERS


def _points_out(cue_words: list[str]) -> bool:
    """Whether a cue is "point(s/ed/ing) out" or "point(s/ed/ing) to": a speaker citing
    something ("pointed to the ruling", "also points out another bill"); "pointed a torch
    at" is no report."""
    return any(w in _POINT for w in cue_words) and ("out" in cue_words or "to" in cue_words)


_POINT = frozenset(("point", "points", "pointed", "pointing"))
# nouns of wanting: "expressed a desire not to vote" is a wish, not a report
_WANTS = frozenset(("desire", "wish", "intention", "willingness", "interest", "hope", "plan",
                    "preference", "readiness", "eagerness", "reluctance"))
_ING_REPORTERS = frozenset("""noting saying telling citing quoting reporting announcing confirming
    claiming warning revealing disclosing describing writing posting tweeting denying
    acknowledging admitting predicting estimating""".split())
# verbs after which an infinitive is reported content ("said to be", "claimed to have")
_INF_REPORTERS = frozenset("say says said claim claims claimed".split())
# verbs of belief or forecast whose object and infinitive are the content ("expect prices
# to rise", "believe the deal to be close"), unlike verbs of wanting or urging
_ECM_REPORTERS = frozenset(
    """expect expects expected expecting believe believes believed believing predict predicts
    predicted predicting forecast forecasts forecasted forecasting estimate estimates
    estimated estimating consider considers considered assume assumes assumed""".split()
)
_BE = frozenset("is are was were be been being 's ’s".split())
# words that show a clause (a verb of its own) in the content
_CLAUSE_WORDS = frozenset(
    """that is are was were be been has have had will would can could may might must should
    shall do does did won't can't isn't aren't wasn't weren't hasn't haven't didn't doesn't
    grew fell rose went came made took gave got found left became began saw knew thought
    told said won lost ran held kept paid sent spent built brought cut put set hit led met
    sold bought fled flew drew wrote spoke broke chose fought stood struck swept""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# who cannot be a source outside a quotation: the reader, the author
_NOT_SOURCES = frozenset(("you", "we", "us", "i", "me", "your", "our", "my"))
# heads that are things, never sayers, even capitalised ("the Brazil variant")
_THING_SUFFIX = ("n't", "n’t")


def rejection(d: TokenDoc, r: Extracted) -> str:
    """Why relation ``r`` reports no information from a source ("" when it does):
    "label", "passive", "author" (the writer's or reader's own stance: ``r.stance`` is
    set), "sayer", "withheld" (a negated or declined disclosure: "has not released any
    details", "declined to tell reporters") or "content" (see the module; ``r.held`` is
    set when that content is the actor's own wish, intention, commitment, request or
    belief: ``held.py``). A cue with no content of its own is still a report in the
    classes of :mod:`rules.attribution.cues` (a document's finding, praise or blame, a
    characterisation, a spoken object, a clause after an addressee)."""
    why = _rejection(d, r)
    if why == "content" and (_reports_without_clause(d, r)
                             or r.cue_text.lower().endswith(("put it", "puts it"))):
        why = ""  # ("as the mayor put it, ...": the words that follow are the mayor's)
    # ("wants to raise the wage", "endorsed the mayor": no source, but the actor's content)
    r.held = why == "content" and held_content(d, r)
    return why


def reports_content(d: TokenDoc, r: Extracted) -> bool:
    """Whether a relation's content is someone's words or view, whatever its cue: a
    quotation, a that- or whether-clause, a proposition object (``cues.reported_content``)
    or one of the report classes of ``cues`` ("castigated the mayor for ...", "casts the
    senator as a liberal", "touts the deal"). A weak cue the sentence gate found ("fumed",
    "is betting that", "needled") is an information source with such content; with a
    plain object ("sued the board", "passed a budget") it stays an action."""
    return reported_content(d, r.cue_text, r.content) or _reports_without_clause(d, r)


def _reports_without_clause(d: TokenDoc, r: Extracted) -> bool:
    """Whether a relation whose cue introduces no content is a report all the same: "a new
    poll shows the mayor ahead" (a finding), "accused the council of hiding the costs",
    "called the plan “reckless”", "sees the senator as a uniter", "bemoaned the rise in
    rents", "wrote to the board that ..." (the speaker's claim, view or words)."""
    if r.source is not None and document_evidence(d, r.source, r.cue_text):
        return True
    return r.kind == "verb" and (
        judgement(d, r.cue_text, r.content)
        or characterisation(d, r.cue_text, r.content)
        or spoken_object(r.cue_text)
        or addressed_clause(d, r.cue_text, r.content)
        or spoken_content(d, r.content)
        or proposition_object(d, r.cue_text, r.content)
        or asked_question(d, r.cue_text, r.content))


def _rejection(d: TokenDoc, r: Extracted) -> str:
    """:func:`rejection` before the report classes of ``cues``."""
    if r.cue is None or r.source is None:
        return ""
    lex = d.lex
    src = r.source_text.strip(" ,")
    words = src.split()
    if not words:
        return "sayer"
    if r.kind == "colon":
        # "PARIS: ...", "CREDIT: ...", "OP-ED: ...": datelines and labels; a headline or a
        # column's title ("Monday's Morning Briefing: ..."); "Headline - Ann Lee: ..." is
        # Ann Lee's
        src, words = _colon_source(d, r, src)
        return "label" if _colon_label(src, words, lex) else ""
    if src.isupper() and len(src) > 3 and _DATELINE_DASH.match(d.text, r.source[1]):
        return "label"  # "WASHINGTON — Sen. Ann Lee said ...": a dateline, not the sayer
    if (_passive_cue(r.cue_text) and not judge_after(r)) or _suspect_participle(d, r) \
            or _coordinated_passive(d, r):
        return "passive"
    shape = no_report_shape(d, r, words)
    if shape:
        return shape
    if len(words) == 1 and words[0].lower() in _NOT_SOURCES \
            and d.toks[tok_index(d, r.source[0])].quote < 0:
        r.stance = True
        return "author"  # "We understand that ...", "you might want to ..."
    if r.cue_text.lower().startswith("to "):
        if _purpose_report(d, r):
            r.stance = True
        return "content"  # "spoke with the emir to discuss ...": a purpose, not a report
    if _cue_head(r) in _NO_REPORT:
        return "content"  # "the state seems stable": a look, not a report
    if not _sayer(d, r, src, words, lex):
        if _cue_head(r) in lex.cue_forms and not _bare_participle(r) \
                and (r.kind != "verb" or _introduces_content(d, r)):
            # a report or belief whose holder we cannot name ("the way the data were
            # read suggests that ..."): the sentence is framed as one, not asserted
            r.stance = True
        return "sayer"
    if r.kind != "verb" or _introduces_content(d, r):
        return ""
    return "content"


def _purpose_report(d: TokenDoc, r: Extracted) -> bool:
    """Whether an infinitive cue of a lexicon reporting or belief verb introduces a clause
    or a quotation ("used the speech to argue that the Fed ...", "led some to speculate
    that ...", "leaving many to wonder whether ..."): the sentence reports what someone
    said or thought, though the phrase before the infinitive is no sayer. It is framed,
    not asserted (``stance``: attributed, no source named); "spoke with the emir to
    discuss the deal" stays the author's account of an act."""
    words = r.cue_text.lower().split()
    return len(words) >= 2 and words[1] in d.lex.cue_forms \
        and (clause_content(d, r.content) or spoken_content(d, r.content))


_HEADLINE_DASH = re.compile(r"\s(?:-|–|—|--)\s")
# what a number before a sayer counts: a share of people ("21 percent said")
_SHARE_WORDS = frozenset(("percent", "per", "%", "pc", "of", "in", "out"))

def _colon_source(d: TokenDoc, r: Extracted, src: str) -> tuple[str, list[str]]:
    """The source of a headline colon after a headline and a dash ("Rates rise again -
    Ann Lee: ..." is Ann Lee's): the part after the last dash becomes the source span."""
    parts = _HEADLINE_DASH.split(src)
    if len(parts) > 1 and parts[-1].strip() and r.source is not None:
        tail = parts[-1].strip()
        start = r.source[0] + src.rfind(tail)
        r.source = (start, start + len(tail))
        r.source_text = d.text[r.source[0]:r.source[1]]
        src = tail
    return src, src.split()


def _colon_label(src: str, words: list[str], lex: Lexicon) -> bool:
    """Whether the phrase before a headline colon is a label, a headline or a title, not
    who speaks: all capitals, more than six words, a day's name first ("Monday's"), or a
    capitalised title ending in a document noun ("The Morning Briefing", "Culture Report")."""
    if src.isupper() or len(words) > 6:
        return True
    first = re.sub(r"['’]s$", "", words[0]).lower()
    if first.strip(".,") in _LABEL_WORDS:
        return True  # "Published:", "Source: ...", "Quoting Management:"
    if first in TIME_WORDS:
        return True
    last = words[-1].lower().strip(".,")
    return len(words) >= 2 and all(w[:1].isupper() for w in words) \
        and (last in lex.document_nouns or last in _TITLE_NOUNS)


# a page's labels and a lead-in before a quotation ("Published: | Updated:", "Source: ...",
# "Photo: ...", "Quoting Management: ..."): no speaker
_LABEL_WORDS = frozenset("""published updated posted source sources credit credits photo
    photos image images caption editor note correction disclaimer related tags topics filed
    quoting citing""".split())
# the last words of a column's or newsletter's title ("Morning Briefing", "Weekly Digest")
_TITLE_NOUNS = frozenset(("briefing", "digest", "roundup", "round-up", "update", "brief",
                          "edition", "wrap", "dispatch", "playbook", "newsletter", "email"))


_DATELINE_DASH = re.compile(r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?:—|–|--| - )")


def _passive_cue(cue_text: str) -> bool:
    """Whether a verb cue is a passive ("is thought", "was found", "were denied")."""
    words = cue_text.lower().split()
    if len(words) >= 3 and words[0] in _PERFECT_OR_MODAL and words[1] in ("been", "be"):
        words = words[1:]  # "had been warned", "will be told"
    return len(words) >= 2 and words[0] in _BE and words[-1].endswith(("ed", "en", "wn",
                                                                      "ght", "id", "nd"))


# a passive participle and a conjunction right before a bare participle cue: "were mocked and
# criticized", "is praised, quoted and cited": the cue shares the passive (its subject is
# who is talked about)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:\w+ly\s+)?"
    r"\w+(?:ed|en|wn|ght|id|nd)(?:\s*,\s*(?:\w+ly\s+)?\w+(?:ed|en|wn|ght|id|nd))*"
    r"\s*,?\s+(?:and|or)\s+(?:(?:then|later|also|\w+ly)\s+)?$", re.I)


def _coordinated_passive(d: TokenDoc, r: Extracted) -> bool:
    """Whether a one-word cue is the second participle of a passive ("Officials were mocked
    and criticized online"): the source before it is what is talked about."""
    if r.cue is None or r.kind != "verb" or " " in r.cue_text.strip():
        return False
    if _PASSIVE_BEFORE.search(d.text, max(0, r.cue[0] - 80), r.cue[0]) is None:
        return False
    # "was interrupted, and said the ferry would run": a finite verb with its content; a
    # passive participle ends its clause or takes a phrase ("criticized by", "on", "."). With
    # content read ("was released and said on Tuesday he was innocent") only a by-agent right
    # after the cue makes it passive ("was briefed and warned by aides that ..."), not "by
    # phone"
    if _clausal(d.text, r.content):
        return _BY_AGENT_AFTER.match(d.text, r.cue[1]) is not None
    return _PASSIVE_AFTER.match(d.text, r.cue[1]) is not None


_PASSIVE_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\u2014\u2013-]|$|(?:\w+ly\s+)?(?:by|on|in|at|for|as|over|after|during|"
    r"from|across|online|throughout|alike|again|too|widely|publicly)\b)", re.I)
def _clausal(text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a relation's content reads as a clause ("she was innocent", "that it would
    run", "in court that she was innocent"), not a phrase of the participle ("online",
    "across the region")."""
    if not content:
        return False
    first = text[content[0][0] : content[0][1]]
    return len(first.split()) >= 2 and (_PASSIVE_AFTER.match(first) is None
                                        or _THAT.search(first) is not None)


_THAT = re.compile(r"\bthat\b", re.I)


_BY_AGENT_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?by\s+(?!(?:phone|telephone|email|e-mail|text|letter|video|"
    r"videolink|satellite|mail|post|fax|radio|zoom|skype)\b)", re.I)


# participles that describe a suspect, never report ("the man accused of ..."): with their
# preposition right after them, no object between, they are passive
_SUSPECT = frozenset(("accused", "suspected", "convicted", "charged", "indicted", "arrested",
                      "jailed", "sentenced", "acquitted", "cleared", "alleged"))


def _suspect_participle(d: TokenDoc, r: Extracted) -> bool:
    """Whether a cue is a participle with its preposition ("accused of", "charged with"):
    "The man accused of fraud" describes the man, who reports nothing."""
    words = r.cue_text.lower().split()
    if len(words) == 1 and r.cue is not None:
        words += d.text[r.cue[1]:r.cue[1] + 8].lower().split()[:1]  # the word after it
    return len(words) == 2 and words[0] in _SUSPECT and words[1] in ("of", "with", "in",
                                                                     "for", "on")


_PERFECT_OR_MODAL = frozenset(
    "has have had will would could can may might should must".split())


def _sayer(d: TokenDoc, r: Extracted, src: str, words: list[str], lex: Lexicon) -> bool:
    """Whether the source phrase names something that can say or publish (its main phrase
    decides: "Ann Lee, 66,", "Ann Lee, who runs the shelter," are Ann Lee)."""
    main = src.split(",", 1)[0].split()
    if main and len(main) < len(words):
        words = main
        src = " ".join(main)
    # "Rep. Ann Lee (D-Vt.)", "Lee herself": the bracket and the reflexive add no head
    words = [w for w in _PAREN.sub(" ", src).split() if w.lower() not in _REFLEXIVES] or words
    low_words = [w.lower().strip(".,'’\"“”()") for w in words]
    # the head stands before a postmodifier: "doctors | at the hospitals"
    cut = next((i for i, w in enumerate(low_words) if i and (
        w in NP_INNER_PREPS or w in POSTMOD_ADJECTIVES
        or (w.endswith("ed") and words[i][:1].islower()))),
        len(low_words))
    if cut < len(low_words) - 1 and low_words[cut - 1] in _QUANTITY_HEADS \
            and low_words[cut] == "of":
        # "the vast majority of Americans": the group after "of" is the head
        rest = low_words[cut + 1:]
        cut += 1 + next((i for i, w in enumerate(rest) if i and (
            w in NP_INNER_PREPS or w in POSTMOD_ADJECTIVES)), len(rest))
    head = low_words[cut - 1]
    inside_quote = d.toks[tok_index(d, r.source[0])].quote >= 0 if r.source else False
    if len(words) == 1 and head in _NOT_SOURCES and not inside_quote:
        return False
    if _no_noun(d, r, words, low_words, head):
        return False
    if len(words) >= 2 and src.isupper() and r.kind == "verb" \
            and any(len(w.strip(".,")) > 4 for w in words):
        return False  # "NEW HAMPSHIRE SHOWS ...": a headline in capitals ("BFM TV" a name)
    if any(w.endswith(_THING_SUFFIX) for w in low_words):
        return False
    if all(w in TIME_WORDS or w in _TIME_OPENERS or not w for w in low_words):
        return False  # "Friday", "Last (week's footage)"
    if r.kind == "according" or any(w in GATHERED and v == "by"
                                    for w, v in zip(low_words, low_words[1:], strict=False)):
        return True  # "according to the latest polling average", "Brokers polled by X"
    if head in lex.pronouns or head in lex.people_words or head in lex.organisation_nouns \
            or head in lex.document_nouns or head in lex.outlet_nouns \
            or (head.endswith("s") and (head[:-1] in lex.document_nouns
                                        or head[:-1] in lex.organisation_nouns)):
        return True  # (plural bodies too: "Environmental groups criticised ...")
    if low_words[0].replace(",", "").replace(".", "").isdigit() and r.kind == "verb" \
            and len(low_words) >= 2 and low_words[1] not in _SHARE_WORDS:
        return False  # "30 positive (confirmed cases)": a count of things, no sayer
    # (the capital of a sentence's first word names nothing: "The billionaire investor")
    first = 1 if len(words) > 1 and _opens_sentence(d, r.source) else 0
    if any(w[:1].isupper() for w in words[first:cut]):
        # a proper name; but a capitalised modifier of a common thing is no name, unless
        # the verb is one of speaking ("The NFL legend said", "her Twitter account posted")
        return words[cut - 1][:1].isupper() or _cue_head(r) in _SPEAKING
    # a lower-case head that is no person, group, organisation, outlet or document: only
    # a lexicon reporting or belief verb makes it one ("the head coach said", "the numbers
    # show", "the regulator believes"); after a sentence's capitalised first word, a
    # finite one ("The amber warning came into force": a noun, not a report)
    cue = _cue_head(r)
    if first and cue.endswith("ing"):
        return False
    kind = lex.cue_forms.get(cue)
    # "many progressives believed": a belief held by an unnamed group of people
    return head in _GENERIC_SAYERS or kind == "speech" \
        or (kind == "belief" and low_words[0] in lex.vague_determiners and head.endswith("s"))


def _no_noun(d: TokenDoc, r: Extracted, words: list[str], low_words: list[str],
             head: str) -> bool:
    """Whether a source phrase is no noun phrase at all: a function word, a participle or an
    adverb opening the sentence, or a clause."""
    if len(words) == 1 and head not in d.lex.pronouns \
            and (re.sub(r"['’]s$", "", head) in BOUNDARY_WORDS or head.endswith("ever")):
        return True  # "That's (not to suggest)", "Whenever (asked about)": no noun
    if len(words) == 1 and head.endswith("ing") and not head.endswith("thing") \
            and (_opens_sentence(d, r.source) or words[0][:1].islower()):
        return True  # "Having announced that ..., the judge", "..., attending shows": nobody
    if re.sub(r"['’]s$", "", low_words[0]) in _CLAUSE_OPENERS:
        return True  # "that the turmoil", "what's driving it": a clause, not a noun phrase
    if len(words) == 1 and head.endswith(_ADVERB_ENDINGS) and len(head) > 6 \
            and _opens_sentence(d, r.source):
        return True  # "Scientifically, an asteroid is ...": an adverb, nobody
    return False


# endings of sentence adverbs ("Scientifically,", "Separately,"), not of names ("Kelly")
_ADVERB_ENDINGS = ("ally", "ously", "ively", "ently", "antly", "edly", "ingly", "fully",
                   "lessly", "ately", "arly")
_PAREN = re.compile(r"\([^()]*\)")
_TIME_OPENERS = frozenset(("last", "next", "earlier", "later"))
_QUOTE_AFTER_PUNCT = re.compile(r"[,:]\s*[“\"]\s*\w")
_REFLEXIVES = frozenset(("himself", "herself", "themselves", "itself"))
# verbs only a speaker or writer does
_SPEAKING = frozenset("""say says said tell tells told add adds added note notes noted stress
    stresses stressed insist insists insisted argue argues argued write writes wrote post
    posts posted tweet tweets tweeted claim claims claimed explain explains explained
    confirm confirms confirmed announce announces announced acknowledge acknowledges
    acknowledged report reports reported reporting""".split())
_QUANTITY_HEADS = frozenset(("majority", "minority", "half", "third", "quarter", "most",
                             "share", "percent", "proportion", "number", "many", "some",
                             "all", "none", "dozens", "hundreds", "thousands", "millions"))


def _bare_participle(r: Extracted) -> bool:
    """Whether a verb cue is one -ing word with no auxiliary ("The amber warning came into
    force": a noun, read as a cue)."""
    words = r.cue_text.split()
    return r.kind == "verb" and len(words) == 1 and words[0].lower().endswith("ing")


def _opens_sentence(d: TokenDoc, span: tuple[int, int] | None) -> bool:
    """Whether the source span ``span`` starts its sentence."""
    if span is None:
        return False
    k = tok_index(d, span[0])
    sent = d.toks[k].sent
    return sent >= 0 and d.sent_tok[sent][0] == k


_NO_REPORT = frozenset("""seem seems seemed appear appears appeared look looks looked remain
    remains remained become becomes became""".split())
_CLAUSE_OPENERS = frozenset("""that which whether if because although though while when what
    how why where
    as since unless including""".split())
_GENERIC_SAYERS = frozenset(
    """who which everyone everybody someone somebody anyone nobody none one they others
    family families residents neighbours neighbors voters parents patients doctors nurses
    scientists researchers economists investors traders workers staff employees members
    leaders authorities police prosecutors officers lawyers judges witnesses victims
    students teachers owners users customers fans players coaches campaigners activists
    protesters survivors locals readers viewers listeners respondents participants""".split()
)


def _cue_head(r: Extracted) -> str:
    """The last word of the cue that is no particle ("warned about" -> "warned")."""
    words = [w for w in r.cue_text.lower().split() if w not in ("about", "of", "for", "on",
                                                                 "to", "that", ":")]
    return words[-1].strip(":,") if words else ""


def _introduces_content(d: TokenDoc, r: Extracted) -> bool:
    """Whether the verb cue of ``r`` introduces reported content (see module)."""
    text = d.text
    if r.direct:
        return True
    content = r.content
    if not content:
        return False
    first = content[0]
    if first[1] <= r.cue[0]:  # type: ignore[index]
        return True  # "..., she said": content left of the cue is a clause
    cue_words = r.cue_text.lower().split()
    last_cue = cue_words[-1] if cue_words else ""
    between = text[r.cue[1]:first[0]]  # type: ignore[index]
    if ":" in between:
        return True
    # a semicolon ends the cue's clause: "have endorsed her; last month, the campaign ..."
    body = text[first[0]:first[1]].split(";", 1)[0]
    found = _WORD.findall(body)
    lead = _leading_adjuncts(found)
    found = found[lead:]
    words = [w.lower() for w in found]
    if not words:
        return False
    if words[0] in ("by",):
        return False
    if _QUOTE_AFTER_PUNCT.search(body):
        return True  # "wrote to his followers, “It is time ...”": a quotation follows
    if words[0] == "to" or (not lead and (between.strip().lower().endswith(" to")
                                          or between.strip() == "to")):
        # ("warned the Fed not to act": a warning; "expressed a desire not to vote": none)
        return last_cue in _INF_REPORTERS or (
            lead > 0 and last_cue not in _WANTS and any(_np_reporter(w) for w in cue_words))
    if words[0] in ("that", "whether", "if", "how", "why", "what", "when", "where", "who"):
        return True
    if last_cue in _ECM_REPORTERS and "to" in words[1:5]:
        return True  # "Analysts expect the bank to cut rates": a forecast, not an act
    if bare_clause(words[0], last_cue):
        return True  # "saying she favors ...": a clause with no "that"
    if _points_out(cue_words) or any(_np_reporter(w) or w in _CLAUSE_TAKERS for w in cue_words):
        return any(w in _CLAUSE_WORDS or (i and w.endswith("ed") and len(w) > 4
                                          and (i + 1 == len(words) or words[i + 1] != "by"))
                   for i, w in enumerate(words)) or _points_out(cue_words) \
            or any(_np_reporter(w) for w in cue_words)
    return _object_clause(d, found, words)


# what may stand between a cue and its content without being either: "agreed Tuesday to",
# "expressed a desire not to", "said again that"
_ADJUNCTS = frozenset(("not", "never", "again", "also", "instead", "once", "still"))
# verbs whose bare object clause is their content ("argued the plan would fail"), beyond
# the verbs that report a noun phrase too
_CLAUSE_TAKERS = frozenset(
    """argue argues argued arguing think thinks thought believe believes believed believing
    insist insists insisted suggest suggests suggested fear fears feared hope hopes hoped
    feel feels felt know knows knew find finds found conclude concludes concluded assert
    asserts asserted contend contends contended maintain maintains maintained note notes
    noted add adds added explain explains explained agree agrees agreed indicate indicates
    indicated show shows showed shown suspect suspects suspected worry worries worried
    recall recalls recalled complain complains complained concede concedes conceded
    acknowledged observe observes observed testify testifies testified""".split()
    + list(_ECM_REPORTERS))
# words after which a verb belongs to a postmodifier of the object, not to a content clause:
# "approved a plan that would ...", "asked for the support of those who did ...",
# "delivered a profit and missed ...", "accepted the offer to send ... how the UN can ..."
_OBJECT_STOPS = frozenset("""that which who whom whose where when how why what whether if
    and but or to of for in on at from with by about over into after before""".split())


def _leading_adjuncts(found: list[str]) -> int:
    """How many words open the content without belonging to it: times ("Tuesday",
    "Wednesday night") and adverbs ("not", "again"): "agreed Tuesday to earmark the funds"
    is an infinitive after "agreed", not a clause."""
    k = 0
    while k < len(found) - 1 and (found[k].lower() in TIME_WORDS or found[k].lower() in _ADJUNCTS):
        k += 1
    return k


def _object_clause(d: TokenDoc, found: list[str], words: list[str]) -> bool:
    """Whether the content after a verb that is no reporting verb ("approved", "asked
    for", "delivered") is a clause of its own: a finite verb before anything that opens a
    postmodifier of an object ("approved a plan that would put money into roads" is an
    act; "persuaded the board that the plan works" is a report, the board being people)."""
    lex = d.lex
    for i, w in enumerate(words):
        if i and w in _OBJECT_STOPS:
            prev = words[i - 1]
            return w == "that" and (prev in lex.pronouns or prev in lex.people_words
                                    or found[i - 1][:1].isupper())
        if w in _CLAUSE_WORDS or (i and w.endswith("ed") and len(w) > 4
                                  and (i + 1 == len(words) or words[i + 1] != "by")):
            return True  # ("the budget proposed by the manager": a participle)
    return False
