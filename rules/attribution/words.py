"""Closed word classes and punctuation sets that several attribution stages share.

Stage-specific lists live with their stage (reporting-verb particles in ``relations.py``,
medium nouns in ``content.py``); these are the ones the tokenizer predicates, the tagger's
lexicon codes, the noun-phrase walker and the source classifier all consult.
"""

from __future__ import annotations

BOUNDARY_WORDS = frozenset(
    """and but or nor that which because when while as if since after before although though
    so than where whereas whether until unless once to in on by with from into about over under
    is was were are be been being am has have had do does did will would can could shall should
    may might must not also then there here this these those it its what how why yet still
    even just only however meanwhile therefore thus instead rather both either neither
    whom whose at for of against during through across between among without within upon
    like unlike near out up down off""".split()
)
NP_INNER_PREPS = frozenset(("of", "for", "at", "in", "from", "with", "on", "to", "by"))
DETERMINERS = frozenset(
    """the a an this that these those his her their its our my your some many several few
    one two three four five most other another each every any all both no such""".split()
)
AUX = frozenset(
    """has have had 's ’s will would could should may might must can did does do also
    later previously repeatedly then recently once publicly privately reportedly allegedly
    often frequently again already still never not n't initially earlier further firmly
    quickly flatly simply bluntly openly loudly long since first last directly specifically
    formerly separately jointly additionally ultimately originally generally is are was were
    am be been being now already even just only widely strongly""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year weekend earlier later recently
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# adjectives that open a postmodifier of a source phrase: "people familiar with the matter",
# "officials close to the talks", "sources privy to the talks", "people briefed on the plan"
POSTMOD_ADJECTIVES = frozenset(("close", "familiar", "near", "loyal", "linked", "allied",
                                "related", "privy", "knowledgeable", "briefed", "involved"))
# legal-form suffixes of company names, often written after a comma ("Acme Holdings, Inc.")
COMPANY_SUFFIXES = frozenset(("inc", "ltd", "llc", "llp", "corp", "plc", "co", "limited",
                              "gmbh", "nv", "lp"))
# polls cited with "in": "in the latest Harbour Research poll"
POLL_NOUNS = frozenset(("poll", "polls", "survey", "surveys"))
# quantifiers that head a group of people: "some in the party", "those who live near the
# airport", "many at the meeting" (phrases, relations and sources all read them so)
GROUP_QUANTIFIERS = frozenset(("some", "many", "most", "few", "several", "those", "others",
                               "all"))
PERSON_PRONOUNS = frozenset(("he", "she", "i", "him", "her"))
QUOTE_TOKENS = frozenset(('“', '”', '"', "''", "``", "‘", "’"))
SENT_FINAL = frozenset((".", "!", "?"))


def acronym(text: str) -> bool:
    """Whether a word is written as an acronym ("WHO", "US", "IT"): never the pronoun or
    function word of the same letters."""
    return len(text) > 1 and text.isupper() and text.isalpha()


# participles of praise and blame whose passive names the judge after "by" ("was applauded
# by the unions", "has been criticised by Mayor Lee"): the judge is the source, the subject
# what is judged. Acts that share the form ("was rejected by the Senate", "was welcomed by
# the mayor", "was questioned by police") and verbs with a physical sense ("was slammed by
# waves", "blasted by a jet of water") are left out.
JUDGED_BY = frozenset("""praised applauded hailed lauded commended criticized criticised
    condemned denounced decried deplored lambasted rebuked mocked derided
    ridiculed accused""".split())  # (not "disputed": "a territory disputed by two states")
