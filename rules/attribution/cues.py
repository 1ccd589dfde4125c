"""What a tagged cue span is: its kind and head word, and spans that are no cue of their own.

The tagger marks cue spans of any words; these predicates decide how the extractor
treats one: an "according to" phrase, a headline colon or a verb cue with a head word
(:func:`span_kind`); function words only (:func:`function_only`); an agentless passive
with no source (:func:`agentless`); or a participle modifying something else
(:func:`postmodifier`).
"""

from __future__ import annotations

import bisect
import functools
import re

from rules.attribution.doc import TokenDoc, tok_index
from rules.attribution.tokens import is_word
from rules.attribution.words import AUX, BOUNDARY_WORDS, DETERMINERS, TIME_WORDS

_BE = frozenset(("is", "was", "were", "are", "been", "being", "be", "'s", "’s", "am"))
_PARTICIPLES = frozenset(
    """known seen thought said told held made given shown taken heard found felt meant
    understood written led brought caught sought taught sent kept left put read set
    drawn grown thrown chosen spoken forgotten hidden""".split()
)

_CUE_TAIL = frozenset(("out", "about", "to", "for", "on", "of", "that", "by", "with", "up",
                       "off", "in", "over", "against", "at", "from", "into"))


def span_kind(d: TokenDoc, ci: int, cj: int, extra: dict[str, str]) -> tuple[str, int]:
    """Kind ("according", "colon", "verb") and head token of a tagged cue span."""
    toks = d.toks
    lows = [toks[k].low for k in range(ci, cj + 1)]
    if "according" in lows or (len(lows) >= 2 and lows[0] in ("as", "in")
                               and lows[-1] in ("by", "of", "per")):
        return "according", ci
    if lows == [":"]:
        return "colon", ci
    for k in range(cj, ci - 1, -1):
        if toks[k].low in d.lex.cue_forms or toks[k].low in extra:
            return "verb", k
    for k in range(cj, ci - 1, -1):
        if is_word(toks[k]) and toks[k].low not in _CUE_TAIL:
            return "verb", k
    return "verb", cj


def postmodifier(d: TokenDoc, ci: int) -> bool:
    """"Echoing ..., X said" (sentence-initial participle) or "sources cited in" (a
    participle modifying a noun): not the cue of its own relation."""
    toks = d.toks
    t = toks[ci]
    s_lo = d.sent_tok[t.sent][0]
    if ci == s_lo and t.low.endswith("ing"):
        return True
    if ci - 1 >= s_lo and toks[ci - 1].low in ("the", "a", "an", "this", "its", "their", "his",
                                                 "her") \
            and not (toks[ci - 1].low == "her" and ci - 2 >= s_lo
                     and toks[ci - 2].low in ("to", "with", "for", "of", "by", "at")):
        return True  # adjectival: "the alleged motives" (not "a source close to her said")
    if t.low.endswith("ed") and ci + 1 < len(toks) and toks[ci + 1].low in ("in", "by", "at") \
            and ci - 1 >= s_lo and is_word(toks[ci - 1]) and toks[ci - 1].low not in AUX \
            and toks[ci - 1].low not in d.lex.pronouns and toks[ci - 1].low.endswith("s"):
        return True
    return False



# adverbs that mark a report without naming who made it: PolNeAR cues without a source
EVIDENTIAL_ADVERBS = frozenset(("reportedly", "allegedly", "purportedly", "supposedly",
                                "reputedly", "apparently"))


def evidential(d: TokenDoc, ci: int, cj: int) -> int:
    """The token of an evidential adverb in the span ("is reportedly"), or -1."""
    for k in range(ci, cj + 1):
        if d.toks[k].low in EVIDENTIAL_ADVERBS:
            return k
    return -1


def function_only(d: TokenDoc, ci: int, cj: int) -> bool:
    """Whether the span holds no word of its own ("completely", "has", "about")."""
    for k in range(ci, cj + 1):
        t = d.toks[k]
        low = t.low
        if is_word(t) and low not in AUX and low not in _CUE_TAIL and low not in DETERMINERS \
                and low not in BOUNDARY_WORDS and not (low.endswith("ly") and len(low) > 4) \
                and low not in d.lex.pronouns:
            return False
    return True



def agentless(d: TokenDoc, ci: int, cj: int) -> bool:
    """A passive cue with no agent: "is accused of", "has been criticized for", "was
    widely seen as" (no "by ..." after it). PolNeAR gives such relations no source."""
    toks = d.toks
    be = -1
    for k in range(ci, cj + 1):
        low = toks[k].low
        if low in _BE:
            be = k
        elif be >= 0 and k > be and (low in _PARTICIPLES or (
                len(low) > 4 and low.endswith(("ed", "en")) and low not in d.lex.pronouns)):
            nxt = toks[cj + 1].low if cj + 1 < len(toks) else ""
            return nxt != "by"
    return False



# verbs by which a document, poll or data set reports a finding without a that-clause
# ("a new poll shows the mayor ahead", "the figures put the cost at $2 million")
_EVIDENCE_VERBS = frozenset(
    """show shows showed shown showing find finds found finding suggest suggests suggested
    suggesting indicate indicates indicated indicating reveal reveals revealed revealing
    put puts putting give gives gave giving estimate estimates estimated estimating
    project projects projected projecting predict predicts predicted predicting
    highlight highlights highlighted highlighting document documents documented
    documenting illustrate illustrates illustrated illustrating""".split())
# heads of a data source that PolNeAR and readers take as publishing a finding, beside the
# lexicon's document nouns ("results", "numbers", "polling")
_EVIDENCE_HEADS = frozenset(
    """results numbers polling statistics stats tallies counts returns calculations
    analyses reviews audits average averages""".split())


def document_evidence(d: TokenDoc, source: tuple[int, int], cue_text: str) -> bool:
    """Whether a verb cue reports a finding of a document, poll or data set: the source
    phrase's last word is a document noun ("The latest county poll", "Campaign records")
    and the cue ends in an evidence verb ("showed", "puts", "found"). Such a relation is a
    report even when no that-clause follows ("a new survey shows the governor ahead")."""
    words = cue_text.lower().split()
    if not words or words[-1] not in _EVIDENCE_VERBS:
        return False
    k = tok_index(d, source[1]) - 1
    while k >= 0 and d.toks[k].end > source[0] and not is_word(d.toks[k]):
        k -= 1
    if k < 0 or d.toks[k].end <= source[0]:
        return False
    a = tok_index(d, source[0])
    return _evidence_head(d, d.toks[k].low) \
        or _evidence_head(d, _head_before_postmodifier(d, a, k)) \
        or _document_subject(d, a)


# evidence verbs by which a data subject reports a finding in the present or past tense
_FINDING_VERBS = frozenset("""show shows showed suggest suggests suggested indicate indicates
    indicated reveal reveals revealed""".split())


def document_finding(d: TokenDoc, ci: int) -> bool:
    """Whether the lexicon verb at token ``ci`` reports the finding of a document or data
    set that opens its sentence ("Figures from the Harbour Trust show waits grew", "Data
    published by the board suggest ..."): the verb is a finding verb ("show", "suggested")
    and the words from the sentence start to it are a document head with its postmodifier,
    with no clause boundary between. The cue classifier, which reads only the verb's
    neighbours, often turns the present tense down after a capitalised name."""
    toks = d.toks
    if toks[ci].low not in _FINDING_VERBS:
        return False
    a, b = d.sent_tok[toks[ci].sent]
    if ci - a < 3 or ci - a > 12 or sum(is_word(toks[k]) for k in range(ci + 1, b)) < 3:
        return False  # (a finding takes more than "show nothing")
    if any(toks[k].low in _SUBJECT_STOPS or toks[k].low in d.lex.cue_forms
           for k in range(a, ci)):
        return False
    while a < ci and toks[a].low in _SUBJECT_LEADS:
        a += 1
    return a + 1 < ci and toks[a + 1].low in _POSTMODIFIER_OPENERS \
        and toks[a + 1].low not in _PLACE_OPENERS and _evidence_head(d, toks[a].low)


# postmodifier openers that need not name an author ("Figures in the painting show ...")
_PLACE_OPENERS = frozenset(("in", "of", "for"))


# words that may open a document subject before its head ("The latest official figures")
_SUBJECT_LEADS = frozenset("""the a an new latest recent official fresh provisional final
    early these those its their his her monthly weekly annual quarterly""".split())


# words that end a walk to the left of a source phrase: a clause or list boundary
_SUBJECT_STOPS = frozenset((",", ";", ":", "(", ")", "that", "which", "who", "as", "when",
                            "while", "after", "before", "if", "because", "said", "says"))


def _document_subject(d: TokenDoc, a: int) -> bool:
    """Whether the source phrase starting at token ``a`` is the agent of a document named
    just before it in the same clause ("A poll released Sunday by | the Herald shows ...",
    "exit polls conducted by | Edison Research show ..."): the document, not its author,
    is the subject of the evidence verb. The walk goes left at most ten tokens and stops at
    a comma or a clause opener; a document head right before a postmodifier opener counts."""
    sent = d.toks[a].sent
    k = a - 1
    while k > 0 and a - k <= 10 and d.toks[k - 1].sent == sent \
            and d.toks[k - 1].low not in _SUBJECT_STOPS:
        if d.toks[k].low in _POSTMODIFIER_OPENERS and _evidence_head(d, d.toks[k - 1].low):
            return True
        k -= 1
    return False


def _evidence_head(d: TokenDoc, head: str) -> bool:
    """Whether a lower-case head noun names a document, data or a finding."""
    return head in d.lex.document_nouns or head in _EVIDENCE_HEADS \
        or (head.endswith("s") and head[:-1] in d.lex.document_nouns)


# words that open a postmodifier after a document's head noun ("Figures | released by the
# ministry", "Data | compiled by Bloomberg", "a report | from the agency")
_POSTMODIFIER_OPENERS = frozenset("""released compiled published issued gathered collected
    obtained provided prepared seen analysed analyzed conducted taken commissioned carried
    by from of in for""".split())


def _head_before_postmodifier(d: TokenDoc, a: int, b: int) -> str:
    """The word before the first postmodifier opener in tokens ``a``..``b`` ("" if none)."""
    for k in range(a + 1, b + 1):
        if d.toks[k].low in _POSTMODIFIER_OPENERS and is_word(d.toks[k - 1]):
            return d.toks[k - 1].low
        if d.toks[k].low in _POSTMODIFIER_OPENERS and d.toks[k - 1].text == "," \
                and k >= 2 and is_word(d.toks[k - 2]):
            return d.toks[k - 2].low  # "The poll, released on Wednesday by ..."
    return ""


# verbs of praise and blame: "accused the council of hiding the costs", "praised her for
# ...": the speaker's judgement of someone, whose grounds are the speaker's claim (no
# that-clause follows). Verbs with a common physical sense ("attacked", "charged",
# "hailed") are left out.
_JUDGEMENT_STEMS = (
    "accus", "blam", "critici", "prais", "slam", "blast", "denounc", "condemn", "lambast",
    "castigat", "rebuk", "chastis", "scold", "fault", "applaud", "commend", "credit",
    "decri", "decry", "deplor", "assail", "excoriat", "berat", "ridicul")
_OBJECT_STARTS = frozenset(("into", "onto", "on", "against", "through", "down", "up", "out",
                            "off", "in", "at", "from", "to", "with", "across", "over"))


def judgement(d: TokenDoc, cue_text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a verb cue voices the speaker's praise or blame of someone named right
    after it ("accused Republicans of ...", "praised the mayor for ..."): a report of what
    the speaker holds, not an act on the world ("slammed into the wall" is none)."""
    words = cue_text.lower().split()
    if not words or not content:
        return False
    last = words[-1]
    if not last.startswith(_JUDGEMENT_STEMS) or last.endswith(("able", "ism", "ment")):
        return False
    first = d.text[content[0][0]:content[0][1]].split(maxsplit=1)
    return bool(first) and first[0].lower() not in _OBJECT_STARTS


# verbs that characterise someone or something, with the characterisation after the
# object: "called the suspension “arbitrary”" (a quoted word), "sees the senator as a
# uniter", "portrayed the plan as a giveaway" (an "as" phrase)
_NAMING = frozenset("""call calls called calling label labels labelled labeled labelling
    labeling brand brands branded branding dub dubs dubbed dubbing""".split())
_CHARACTERISING = frozenset("""see sees saw seen seeing view views viewed viewing regard
    regards regarded regarding consider considers considered considering cast casts
    casting portray portrays portrayed portraying describe describes described describing
    paint paints painted painting characterize characterizes characterized characterizing
    characterise characterises characterised characterising depict depicts depicted
    depicting deem deems deemed deeming""".split())
_QUOTE_MARKS = ("“", '"', "‘", "''")


def characterisation(d: TokenDoc, cue_text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a verb cue reports how its speaker characterises something: "called the
    plan “reckless”" (a quoted word after the object), "called the levy a tax grab" (an
    indefinite complement), "sees the senator as a uniter" (an "as" phrase after the
    object) or "dismissed the report as a stunt" (an "as" verdict after a verb that also
    acts) -- a report of the speaker's view, with no that-clause. ("called the police",
    "saw the film", "attacked the convoy as it crossed" are none.)"""
    words = cue_text.lower().split()
    if not words or not content:
        return False
    body = d.text[content[0][0]:content[-1][1]]
    head, _, rest = body.partition(" ")
    if not head or not rest:
        return False
    if words[-1] in _NAMING:
        return any(q in rest for q in _QUOTE_MARKS) or _named_as(body)
    if words[-1] in _CHARACTERISING:
        return " as " in f" {_object_window(rest).lower()} "
    verb = next((w for w in reversed(words) if w not in _CUE_TAIL), "")
    if verb.startswith(_AS_SPEECH_STEMS):  # ("referred to Lee as “a fraud”")
        return _AS_PHRASE.search(_object_window(rest)) is not None
    return False


# where the object of a characterising verb ends: a clause of its own ("..., which came as a
# surprise", "... after he served as a judge") or a pause ("..., as a storm of criticism grew")
_OBJECT_END = re.compile(r"[,;:()—–]|\s(?:which|when|while|after|before|because|since|until)\s",
                         re.IGNORECASE)


def _object_window(rest: str) -> str:
    """The object of a characterising verb and what may follow it as its complement: up to
    the first clause break, at most twelve words ("dismissed the plan as a stunt" keeps
    "as a stunt"; in "attacked the convoy near the border on Friday, which came as a
    surprise" and "dismissed the coach after the defeat, as a storm of criticism grew" the
    "as" is another clause's)."""
    m = _OBJECT_END.search(rest)
    head = rest[:m.start()] if m else rest
    return " ".join(head.split()[:12])


# what may open the object of a naming verb before its complement: "called him a fraud",
# "calling the levy a tax grab", "called Lee a liar"
_OBJECT_OPENERS = frozenset("""him her them it us me himself herself themselves itself
    this that these those the his its their our my your""".split())
# what follows "a"/"an" after "called the office" when the verb is no naming: "called the
# police a second time", "called him a cab", "called it a night"
_NOT_COMPLEMENTS = frozenset("""second third fourth few couple day night week month year
    dozen number half cab taxi car ambulance doctor meeting""".split())
_OBJECT_STOPS = frozenset("""to for on off in at up back out by from with about over into
    after before and but or who which that when where while because""".split())


def _named_as(body: str) -> bool:
    """Whether the content of a naming verb is an object and what it was called, an
    indefinite noun phrase: "him a fair-weather friend", "the levy a tax grab", "Lee a
    liar" ("the police a second time", "an emergency session", "Lee on Friday" are none)."""
    found = _NP_WORDS.findall(body, 0, 120)
    if len(found) < 3:
        return False
    first = found[0]
    if first.lower() not in _OBJECT_OPENERS and not first[:1].isupper():
        return False
    for i, w in enumerate(found[1:8], start=1):
        low = w.lower()
        if low in ("a", "an"):
            return i + 1 < len(found) and found[i + 1].lower() not in _NOT_COMPLEMENTS
        if not w[0].isalpha() or low in _OBJECT_STOPS or low in TIME_WORDS:
            return False
    return False


# verbs whose "as" phrase after the object is the speaker's verdict ("dismissed the mayor
# as a showman", "mocked the plan as “fantasy”", "touted the deal as a win"); they also
# act ("attacked the convoy as it crossed", "dismissed the coach as losses mounted",
# "promoted her as head of sales"), so only an "as" that opens a description counts:
# "a"/"an", "being", a hedge ("nothing but", "merely", "too") or a quotation
_AS_SPEECH_STEMS = ("dismiss", "mock", "derid", "ridicul", "tout", "hail", "attack",
                    "knock", "lampoon", "disparag", "belittl", "refer", "identif")
_AS_PHRASE = re.compile(r"\bas\s+(?:(?:a|an|being|nothing|merely|mere|just|simply|little|"
                        r"too|more|less)\b|[“\"‘]|'')", re.IGNORECASE)


def spoken_content(d: TokenDoc, content: list[tuple[int, int]]) -> bool:
    """Whether a relation's content opens with someone's words: a quotation of three or
    more words that is no title ("cautioned “let us wait for the count”",
    "chanted “save the pier”"; "promoted “Harbour Nights”", "The Long Way Home" are
    titles: every longer word capitalised)."""
    if not content:
        return False
    text = d.text
    a, b = content[0]
    while a < b and (text[a].isspace() or text[a] in ",:"):
        a += 1
    if not text.startswith(_QUOTE_MARKS, a) and not text.startswith(("''", "``"), a):
        return False
    i = bisect.bisect_right(d.quote_starts, a + 1) - 1
    if i < 0 or not d.quotes[i][0] <= a < d.quotes[i][1]:
        return False
    words = _WORDS.findall(text, d.quotes[i][0], d.quotes[i][1])
    return len(words) >= 3 and any(len(w) >= 4 and w.islower() for w in words)


_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NP_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,;:()—]")
# nouns of something said or held: "rejected the notion that ...", "dismissed concerns
# that ...", "repeated his contention that ..."
_PROPOSITION_NOUNS = frozenset("""claim claims notion idea ideas suggestion suggestions
    accusation accusations allegation allegations charge charges assertion assertions
    argument arguments report reports rumor rumors rumour rumours speculation concern
    concerns fear fears criticism criticisms view views belief beliefs theory theories
    contention contentions comment comments remark remarks statement statements warning
    warnings prediction predictions insinuation insinuations complaint complaints
    characterization characterisation premise narrative""".split())
# verbs that answer what someone said: with a proposition noun as their object they
# report a stance on words ("rejected the mayor's claim", "dismissed the comment")
_RESPONSE_STEMS = ("reject", "dismiss", "deni", "deny", "disput", "challeng", "contest",
                   "refut", "rebut", "counter", "derid", "mock", "ridicul", "scoff",
                   "repeat", "reiterat", "echo")
_NP_STOPS = frozenset("""of for in on at from with by about over into after before to
    and but or which who whom whose when where as than""".split())
# what opens no that-clause's subject (a relative "that" is followed by its verb: "the
# claims that were filed", "the reports that arrived")
_NOT_SUBJECT = frozenset("""is are was were be been has have had will would can could may
    might must should shall do does did""".split())
_CONTRACTION = re.compile(r"['’](?:s|re|ll|d|ve)$")


def opens_subject(word: str) -> bool:
    """Whether a lower-case word right after "that" or "whether" may open the subject of a
    content clause: no auxiliary and no -ed verb, which open a relative clause's predicate
    ("the claims that were filed", "the reports that arrived"); a contraction is read as
    its pronoun ("she's", "they'd")."""
    word = _CONTRACTION.sub("", word)
    return word not in _NOT_SUBJECT and not word.endswith("ed")


def proposition_object(d: TokenDoc, cue_text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a verb cue's object is something said or held: a proposition noun with its
    that-clause ("rejected the notion that the plan was rushed", "repeated his contention
    that ...", "dismissed concerns that ...") after any verb, or a proposition noun after
    a verb that answers it ("rejected the mayor's claim", "dismissed the comment"). "paid
    the claims that were filed" (a relative clause) and "approved the plan" are none."""
    words = cue_text.lower().split()
    if not words or not content:
        return False
    found = _NP_WORDS.findall(d.text, content[0][0], min(content[0][1], content[0][0] + 160))
    low = [w.lower() for w in found]
    k = 0
    while k < len(low) - 1 and (low[k] in TIME_WORDS
                                or (low[k] == "to" and "to" not in low[:k])):
        k += 1  # "responded Sunday to accusations that ..."
    for i in range(k, min(len(low), k + 6)):
        w = low[i]
        if w in _PROPOSITION_NOUNS:
            if i + 2 < len(low) and low[i + 1] in ("that", "whether"):
                return opens_subject(low[i + 2])
            return words[-1].startswith(_RESPONSE_STEMS)
        if w in _NP_STOPS or w == "that" or not w[0].isalpha():
            return False
    return False


# speech verbs whose object is what was said ("bemoaned the climate in which ...",
# "touted his endorsement", "reiterated its support"): none has a common sense that is no
# speech ("recalled", "repeated", "dismissed", "boasts a lead", "conceded the race", the
# noun "note" and the verb "noted", which also means noticed or wrote down: "noted the
# readings in her log", have one and are left out; "noted" with an object was 8 of
# PolNeAR train's 20,866 gold sentences)
_SPEECH_OBJECT_STEMS = (
    "reiterat", "emphasi", "stress", "bemoan", "lament", "decri",
    "decry", "tout", "recount", "explain", "acknowledg", "mention")


def spoken_object(cue_text: str) -> bool:
    """Whether a verb cue is a speech verb whose object is what was said ("bemoaned the
    attacks", "touted the deal"): a report, although no clause follows."""
    words = cue_text.lower().split()
    if not words:
        return False
    last = words[-1]
    return last.startswith(_SPEECH_OBJECT_STEMS) and not last.endswith(
        ("able", "ment", "ation", "ness", "book", "books", "worthy"))


_CLAUSE_OPENERS = frozenset(("that", "whether", "how", "why", "what", "when", "where", "who"))


def _addressee(d: TokenDoc, start: int) -> bool:
    """Whether the word after "to" at ``start`` opens a noun phrase for whom it was said
    (a name, a determiner, a pronoun, people): "to see whether" is an infinitive."""
    words = d.text[start:start + 40].split()
    if len(words) < 2:
        return False
    w = words[1].strip(",.")
    low = w.lower()
    return w[:1].isupper() or low in ("the", "a", "an", "his", "her", "their", "its", "our",
                                      "my", "your", "this", "that", "these", "those") \
        or low in d.lex.pronouns or low in d.lex.people_words


def addressed_clause(d: TokenDoc, cue_text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a reporting verb's content is "to <addressee> that ...": "wrote to the board
    that it would not accept the offer", "admitted to reporters that ..." -- the clause
    after the addressee is the report (no infinitive: "wrote to ask" is none)."""
    words = cue_text.lower().split()
    if not words or words[-1] not in d.lex.cue_forms or not content:
        return False
    body = d.text[content[0][0]:content[-1][1]].lower().split()
    if len(body) < 3 or body[0] != "to" or not _addressee(d, content[0][0]):
        return False
    for w in body[2:8]:  # (an addressee is a noun phrase: no comma, no infinitive)
        if w in _CLAUSE_OPENERS:
            return True
        if w.endswith(",") or w in ("to", "of"):
            return False
    return False


# a source that did not answer: "did not respond to requests for comment", "has not
# returned calls", "could not immediately be reached for comment"
@functools.cache
def _no_response() -> re.Pattern[str]:
    """The pattern of a source that did not answer (compiled on first use: a short draft's
    start-up does not pay for it)."""
    return re.compile(
        r"(?:\b(?:not|never)|n['’]t)\s+(?:\w+\s+){0,2}?(?:respond(?:ed)?|returned?|"
        r"answer(?:ed)?)\s+(?:to\s+)?(?:\w+\s+){0,3}?(?:requests?|messages?|e-?mails?|"
        r"calls?|inquir\w+|queries|questions|phone)\b"
        r"|\b(?:not|n['’]t)\s+(?:\w+\s+){0,2}?be\s+reached\b", re.IGNORECASE)


def no_response(text: str, cue: tuple[int, int]) -> bool:
    """Whether a cue at ``cue`` (character offsets) and the words right after it say that
    the source did not answer ("did not respond to requests for comment", "could not be
    reached"): a report on the reporting, no claim of the author's."""
    return bool(_no_response().search(text, max(0, cue[0] - 12), cue[1] + 60))


# a subject pronoun opening a clause with no "that" after a verb of saying ("saying she
# favors ...", "suggested they tweet ...")
_SUBJECTS = frozenset(("he", "she", "they", "we", "i", "there"))
_CLAUSE_REPORTERS = frozenset(
    """say says said saying suggest suggests suggested suggesting note notes noted noting
    add adds added adding argue argues argued arguing insist insists insisted insisting
    claim claims claimed claiming explain explains explained explaining write writes wrote
    writing acknowledge acknowledges acknowledged admit admits admitted contend contends
    contended maintain maintains maintained predict predicts predicted think thinks
    believe believes believed fear fears feared""".split())
# a pronoun's contraction opens a clause too ("said it's over", "thinks they're wrong")
_CONTRACTED = re.compile(r"(?:it|he|she|they|we|i|that|there|you)['’](?:s|re|ll|d|ve|m)")


def bare_clause(first_word: str, cue_head: str) -> bool:
    """Whether content opening with ``first_word`` (lower case) after a verb of saying
    ``cue_head`` is a clause with no "that" ("saying she favors ...", "suggested they
    tweet ...", "thinks it's un-American"): a subject pronoun or its contraction first."""
    return cue_head in _CLAUSE_REPORTERS \
        and (first_word in _SUBJECTS or bool(_CONTRACTED.fullmatch(first_word)))


def clause_content(d: TokenDoc, content: list[tuple[int, int]]) -> bool:
    """Whether a relation's content opens with a that- or whether-clause ("is betting that
    voters will ...", "raised questions about whether ..."): "that" followed by a verb is
    a relative clause or a pronoun ("that was", "that worked"), no content clause."""
    if not content:
        return False
    found = _WORDS.findall(d.text, content[0][0], min(content[0][1], content[0][0] + 60))
    if len(found) < 2 or found[0].lower() not in ("that", "whether"):
        return False
    if not opens_subject(found[1].lower()):
        return False
    # "used that victory to ...", "brought that down to ...": a demonstrative "that"
    return found[0].lower() == "whether" or len(found) < 3 or found[1][:1].isupper() \
        or found[2].lower() not in _OBJECT_STOPS


def reported_content(d: TokenDoc, cue_text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a relation's content is what someone said or holds, whatever its cue: a
    quotation (:func:`spoken_content`), a that- or whether-clause (:func:`clause_content`)
    or a proposition object (:func:`proposition_object`). A weak cue that the sentence
    gate found ("fumed", "is betting", "made charges") reports with such content; with a
    plain object ("sued the board", "blocked the law") it stays an action."""
    return spoken_content(d, content) or clause_content(d, content) \
        or proposition_object(d, cue_text, content)


# verbs of asking: the question after the addressee is what was said ("asked the mayor
# whether ...", "asking voters if ...")
_ASKING = frozenset("""ask asks asked asking""".split())
_QUESTION_OPENERS = frozenset(("whether", "if", "why", "how", "what", "when", "where",
                               "who"))


def asked_question(d: TokenDoc, cue_text: str, content: list[tuple[int, int]]) -> bool:
    """Whether an asking verb reports its question: an addressee, then a whether-, if- or
    wh-clause or a quotation ("asked the board whether the ferry would run", "asked
    them “please be patient”"). "asked the council to vote" (a request) and "asked for a
    recount" are none."""
    words = cue_text.lower().split()
    if not words or words[-1] not in _ASKING or not content:
        return False
    a, b = content[0]
    found = _NP_WORDS.findall(d.text, a, min(b, a + 120))
    for i, w in enumerate(found[:7]):
        low = w.lower()
        if i and low in _QUESTION_OPENERS:
            return True
        if not w[0].isalpha() or low in _NP_STOPS or low == "that":
            return False
    return False
