"""Page chrome is not analysed; article prose always is. Our own examples, written in the
styles of many publishing systems (none copied from any page)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.document import BODY
from checker.core.words import word_tokens
from checker.text.loader import document_from_text

LEAD = (
    "The county council approved a new budget on Tuesday after a four-hour meeting, "
    "raising spending on road repairs by 12 percent."
)
TAIL = "The budget takes effect in July, and the council will review it again in January."


def region_of(line: str, before: str = LEAD, after: str = TAIL) -> str:
    """The region of ``line`` when it stands as its own paragraph between two of prose (or
    after them, the text's last paragraph, when ``after`` is empty)."""
    doc = document_from_text("\n\n".join(p for p in (before, line, after) if p) + "\n")
    start = doc.text.index(line)
    block = next(b for b in doc.blocks if b.start <= start < b.end)
    return block.region


CHROME = [
    # consent and cookie banners
    "We and our partners use cookies to personalise content and measure ad performance.",
    "This website uses cookies to improve your experience. Accept all | Manage preferences",
    "We value your privacy. Click to accept or manage your consent choices.",
    # subscription prompts and paywalls
    "Sign up for our free morning briefing, delivered straight to your inbox.",
    "Get the latest headlines every weekday with our Daily Digest newsletter.",
    "Already a subscriber? Log in to continue reading.",
    "You have reached your free article limit for this month.",
    "Subscribe now to keep reading and get unlimited access.",
    # advertising
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Hide Ad",
    "Sponsored Content",
    # related links and navigation
    "Read more: Council delays vote on new bike lanes",
    "RELATED: Five things to know about the new budget",
    "See also: How the levy compares with neighbouring towns",
    "Most Read",
    "More in Local News",
    "Previous article",
    "Back to top",
    "Continue reading",
    # sharing
    "Share this article",
    "Facebook Twitter LinkedIn Email",
    "Share on WhatsApp",
    # comment forms, contact lines, reporting credits and reader-funding prompts
    "Your email address will not be published.",
    "Ana Ruiz can be reached at ana.ruiz@example.com or 555-0142.",
    "Associated Press writer Tom Lindqvist in Oslo contributed to this report.",
    "Staff writers Dana Whitfield and Omar Haddad contributed reporting from Leeds.",
    "Want to read more? Subscribe for 1 dollar a week.",
    "Our journalism is free to read and always will be.",
    "The Northfield Ledger is an independent, nonprofit newsroom.",
    "Share and comment below.",
    "Comments are closed.",
    "Audio is not supported on your browser.",
    "A general view of the flooded high street in Northfield.",
    "File photo of the old pier at Northfield.",
    "Image for representation purposes only.",
    "The old Northfield bridge, pictured in 2019.",
    "Police officers stand guard near the scene of the shooting on Tuesday.",
    "Supporters of the mayor celebrate outside city hall in Northfield on Tuesday night.",
    "Smoke rises from a warehouse after the explosion in Northfield, March 5, 2024.",
    "Volunteers search the flooded fields near Northfield on Sunday.",
    "Hundreds of residents gather outside the town hall in Northfield to mark the anniversary, "
    "Aug. 2, 2024.",
    "Maria Santos, photographed at her studio in Lisbon.",
    "A general view of the stadium packed with fans before the final.",
    "A general view of the houses destroyed in the storm at Northfield.",
    "Reuters reporter Ana Ruiz in Madrid also contributed.",
    # a press release's contact lines, wire footer and legal notice
    "Media contact: Ana Ruiz, 555-0142, press@example.com",
    "Investor Relations Contacts",
    "SOURCE Northfield Widgets, Inc.",
    "- ENDS -",
    "###",
    "For more information, visit www.example.com.",
    "To learn more, please contact the events team at 555-0142.",
    "This press release contains forward-looking statements that involve risks and "
    "uncertainties, and actual results may differ materially.",
    # a scene with its date, the caption's shape
    "Rescue workers search through rubble after the earthquake in Northfield, March 7, 2023.",
    # timestamps and datelines
    "Published: 14 March 2024, 09:12 GMT",
    "Updated March 14, 2024 at 6:05 p.m. EDT",
    "Last updated 3 hours ago",
    "date 2023-10-05",
    "5 min read",
    "Estimated reading time: 4 minutes",
    # bylines and credits
    "By Maria Okafor and Tom Lindqvist",
    "By Priya Raman | Staff Writer",
    "By April Jones, Health Reporter",
    "Words by Ellen Marsh",
    "The Associated Press",
    "Reporting by Jun Park; Editing by Helen Moss",
    "Dana Whitfield contributed reporting.",
    # captions and photo credits
    "The mayor speaks to reporters on March 3, 2024. (Photo: Lee Carver/City Times)",
    "Photograph: Sam Ortega/The Daily Ledger",
    "Image source, Getty Images",
    "Volunteers gather sandbags near the river in this file photo.",
    "Residents queue outside the new clinic (pictured) in Northfield.",
    "(Jordan Bell/Reuters)",
    "Jane Roe (left) speaks with residents in Northfield on Monday.",
    "Jane Roe (left) and Tom Tull (right) shake hands at the summit",
    "Oil tankers are seen at anchor off the coast near Fujairah on March 3, 2024.",
    "A woman is pictured outside the courthouse in Northfield",
    "Firefighters are shown tackling the blaze in this photo released by the fire service.",
    "The minister arrives for a cabinet meeting in Downing Street on Tuesday.",
    "Crowds gather at the harvest fair in Northfield (File photo)",
    # publication notes, bios, copyright
    "This article originally appeared in The Valley Courier.",
    "This story has been updated with a comment from the mayor's office.",
    "This interview has been edited for length and clarity.",
    "This article was amended on 4 June 2024 to correct the date of the vote.",
    "This content was paid for by Northfield Energy.",
    "This editorial is the opinion of the Courier's editorial board.",
    "The day's top stories, straight to your inbox.",
    "By continuing to use this site, you agree to our use of cookies.",
    "We use cookies as described in our cookie policy.",
    "More: Council delays vote on new bike lanes",
    "Watch \u2014 Council leader answers your questions",
    "The views expressed in this column are the author's own.",
    "Editor's note: This piece is part of our series on housing.",
    "Follow her on Twitter @jdoe_reports",
    "Contact the reporter at news@example.com",
    "Copyright 2024 The Northfield Gazette. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    # reporters' and contributors' one-line bios at the foot of a story
    "Dana Whitfield is a health reporter at the Tri-County Courier covering hospitals and care.",
    "Omar Haddad covers city hall for the Riverside Ledger. Reach him at ohaddad@example.org.",
    "Lucia Moreno is a freelance writer based in Valencia.",
    "Ken Abara is a senior correspondent for the Harbour Herald based in Lagos.",
    # corrections footers, tips and reader-funding appeals
    "Corrections: An earlier version of this article gave the wrong date for the hearing.",
    "Correction, June 2: An earlier version of this story misspelled the councillor's name.",
    "An earlier version of this story misstated the size of the grant.",
    "Have a tip? Send it to our newsroom securely at tips@example.org.",
    "Our journalism is funded by readers like you. Please consider donating.",
    "If you value this reporting, please consider becoming a member.",
    "Support independent local journalism for as little as a dollar a week.",
    "Don't miss out on the latest headlines from Sport. Followed topics will be added to My Feed.",
    "Read the original article.",
    "Originally published at example.org on 2 May 2024.",
    # handout-picture captions, developing-story notes, letters and feedback prompts
    "This photo provided by the state police shows the overturned lorry.",
    "In this image taken from video, smoke rises above the refinery on Sunday.",
    "This story is developing and will be updated as we learn more.",
    "This story is being updated. Please check back for updates.",
    "Send your letters to letters@example.org.",
    "Was this article helpful?",
    "We want to hear from you. Tell us your story.",
    "Our Standards: The Newsroom Ethics Principles.",
    "Kai Brandt is the Chronicle's Berlin bureau chief.",
    "The author is a retired headteacher.",
    # picture positions, "watch above", coverage links, embeds, sign-up confirmations, appeals
    "Above: The flooded underpass on Station Road last winter.",
    "Main image: Campaigners outside the town hall before the vote.",
    "Watch the full interview above.",
    "Read our full coverage of the by-election here.",
    "For more on this story, see our live blog.",
    "Want more stories like this? Follow us on Facebook.",
    "This content is not available due to your privacy preferences.",
    "Something went wrong. Please try again later.",
    "Thanks for signing up!",
    "You're now subscribed.",
    "Your support helps keep our journalism free to read.",
    "Help us keep reporting by making a donation.",
    # a shop's sidebar on a sponsored page
    "Regular price: $59.00",
    "Coupon Price:",
    # one-word calls to action, AI-narration notes
    "Subscribe now.",
    "Donate today!",
    "Sign up for free.",
    "Register here.",
    "This article is narrated by an AI voice.",
    "Listen to this story. Audio generated with a synthetic voice.",
    # comments and tags
    "12 Comments",
    "485  0 Kommentare",
    "Leave a comment",
    "Tags: budget, council, roads",
    "Filed under: Local government",
    "Photo 3 of 12",
]

PROSE = [
    "Share prices fell 3 percent in early trading before recovering by noon.",
    "Search teams found the missing hiker late on Sunday, the police said.",
    "The company said it would sign up 2,000 new customers for updates to its billing system.",
    "Bakers said the price of butter for cookies and cakes had risen sharply this year.",
    "The senator is seen as a likely candidate for the party's nomination.",
    "Republicans (R) and Democrats (D) split evenly on the measure.",
    "Most residents said they had never been asked about the plan.",
    "Related charges were dropped against two of the men in March.",
    "The governor signed the bill on May 2, 2024, after months of debate.",
    "Protesters marched through the city centre on Saturday, police said.",
    "The report was published on March 3, 2024, and found that waiting times had doubled.",
    "Copyright lawyers say the ruling could affect thousands of pending cases.",
    "Updated figures released on Monday showed unemployment at 4.1 percent.",
    "He said the council's newsletter had misstated the figures.",
    "This article of the constitution has been amended only twice.",
    "Tags on the crates showed they had come from a warehouse in Rotterdam.",
]

# Ordinary news sentences that share a word or a shape with chrome: each stays body text.
# (A reviewer's examples, then variants of each kind written for these tests.)
PROSE_LIKE_CHROME = [
    # "(pictured)" after a subject that a finite verb follows: UK body copy, not a caption
    "The prime minister (pictured) has promised an emergency fund for the worst-hit towns.",
    "The new chief executive (pictured) said the plant would stay open.",
    "The striker (left), who joined in May, has scored twice this season.",
    "The bridge (pictured) will close for repairs in the spring.",
    "The bridge (pictured) closes for repairs in the spring.",
    # "is seen" + -ing: a forecast (the news-agency style), not a photo
    "The central bank is seen raising interest rates by a quarter point on Thursday.",
    "Oil prices are seen falling further next week.",
    "Gold is seen climbing above its record high by the end of the year.",
    "The euro is seen weakening against the dollar on Friday.",
    # a present-tense sentence without a caption's shape (no closing date or credit)
    "The prime minister visits the flooded towns on Wednesday to meet residents.",
    "The regional governor is pictured in the club's accounts as a director.",
    "The health secretary visits the new hospital on Monday to announce extra funding.",
    "The company is pictured in its own filings as a small family business.",
    "Jobs growth is shown in the chart as a steady rise.",
    # "to your inbox" in reported speech
    "Fraudsters are sending fake flood grant offers straight to your inbox, police warned.",
    "Criminals are sending fake parcel notices to your inbox, the bank warned.",
    "Police said fake parcel notices were being sent straight to your inbox.",
    # "This report / feature / interview / content ..." as the subject of a news sentence
    "This report was commissioned after the floods of 2019 and found that the barriers were "
    "never finished.",
    "This report was drafted by the council's auditors and found repeated overspending.",
    "This feature of the scheme was criticised by landlords.",
    "This interview took place in the minister's office in May.",
    "This content was removed from the council website after complaints.",
    # a bracketed file number is not a file photo
    "The contract was cancelled last year (file 2023-114).",
    "Officers reopened the inquiry last month (file 88/2021).",
    # "By continuing to ...", "More \u2014 ...", "Watch \u2014 ..." opening a sentence
    "By continuing to hold rates this high, the bank risks pushing the economy into recession.",
    "By continuing to ignore the warnings, the council has put residents at risk.",
    "More \u2014 and cheaper \u2014 homes are needed in the south-east.",
    "More \u2013 and better-paid \u2013 nurses are needed, the union said.",
    "Watch \u2014 and wait \u2014 was the advice from the coastguard.",
    # "By" + a day, month or feast and a comma: a time, not a byline
    "By Friday, the club had sold every ticket for the derby.",
    "By March, the river had risen above its banks.",
    "By Christmas, every household will have received the letter.",
    "By May 2025, the scheme had paid out more than 4 million pounds.",
    # a person who is a journalist, in the story: a clause follows, not a bio
    "Rosa Vance is a former reporter who now runs a bakery on Mill Street.",
    "Ivan Petrov is a correspondent for the Eastern Post, and he was detained at the border.",
    "Mei Lin covers the legislature for the Herald and was among those barred from the session.",
    # "please consider donating", "an earlier version", "regular price" in a news sentence
    "The charity urged residents to please consider donating blood before the holidays.",
    "An earlier version of the bill would have banned the practice outright.",
    "The regular price of the heater is almost double what the shop charged last winter.",
    "Detectives said they had a tip about the shipment two days before the raid.",
    # "write a letter", "the author ... who", a past-tense scene: prose
    "Write a letter to your MP, the campaign urges its supporters.",
    "The author is a retired judge who spent three decades on the bench.",
    "Firefighters battled the blaze at a warehouse in Salford on Monday.",
    "Police search the area every weekend, officials said on Sunday.",
    # "Thank you for your support", "For more than", "Help us" in a news sentence
    "Thank you for your support, the mayor told volunteers on Friday before the count began.",
    "For more than a decade, the plant has been the town's biggest employer.",
    "Help us find the missing dog, the family pleaded in a post shared 4,000 times.",
    # a sign-up word opening a short news sentence that ends in a full stop
    "Share prices slid on Monday.",
    "Search crews set out at first light.",
    "Print revenue fell once more.",
    "Menu prices went up by 5%.",
    "Share prices fell today.",
    # an AI voice, a donation plea, reader funding or a failure inside a news story
    "The fraudsters used an AI voice to imitate the finance director, police said on "
    "Wednesday after three arrests.",
    "The con relied on a synthetic voice that mimicked the bank manager.",
    "\u201cPlease consider donating to the relief appeal,\u201d the bishop told the "
    "congregation at the service on Sunday.",
    "Please consider donating to the relief appeal, the bishop told the congregation.",
    "Regional journalism is now more often funded by foundations than by subscribers, "
    "researchers found.",
    "Regional journalism is now more often funded by foundations than by subscribers.",
    "Something went wrong with the signalling, engineers said.",
    "Something went wrong in the second half.",
    # a journalist who is a source of the story, or was one
    "Nadia Okoro is a former reporter for the Evening Post.",
    "Paul Grant was a columnist for the Ledger until 2015.",
    # cookies near "police", not a cookie policy
    "Bakers handed out cookies to police stations across the county, and officers thanked them.",
    "The cookie jar was taken to the police station as evidence.",
    # contact, credit, funding and newsroom words inside news sentences
    "The mayor can be reached at city hall on weekdays, her office said.",
    "Dozens of volunteers contributed reporting tips that led to the arrests.",
    "Our reporting is independent of the council, the editor told the inquiry.",
    "Want to see more of the plans? The council has published them online.",
    "The Ledger is a nonprofit newsroom that sued the city over the records.",
    "Rescue workers search the rubble for a second day, and the death toll rose to 40.",
    "A general view of the budget is that it favours the suburbs.",
    "A file photo of the suspect was shown to witnesses at the trial.",
    "The comments were closed after abusive posts, the paper said.",
    "Press contacts at the ministry said the minister was unwell.",
    "The mayor, pictured in 2019, has since resigned.",
    "Police officers stand guard outside the court every day.",
    "Prices rise when the harvest is poor.",
    "Sources close to the club said the deal was done.",
    "For more than a year, the firm made no forward-looking statements at all.",
    "To learn more about the flood, engineers drilled into the embankment.",
    # an agency named with its abbreviation, closing a sentence
    "Shares in the firm rose sharply after the results were first published by the Associated "
    "Press (AP).",
    "The ruling was first reported by Agence France-Presse (AFP).",
    # a plural subject and a present-tense scene verb closed by a day: a caption only when it
    # is short (at most 13 words) and no clause follows the verb
    "Divers search for the missing fisherman along the rocky northern coast on Friday morning.",
    "Democrats hold a slim lead in the Senate, and the budget vote comes on Wednesday.",
    "Residents gather firewood as the blackout drags into a second week on Monday.",
    "Pilots walk out because talks over pay collapse on Friday.",
    # ", photographed at ..." after a clause, not after a name
    "He was questioned for hours, photographed at the custody suite and sent home.",
    "The driver was stopped, photographed at the roadside and fined.",
    # "A general view of ..." as the subject of a finite past-tense verb
    "A general view of the deal formed among investors after the bank's statement.",
    "A general view of the risks took hold across the trading floor.",
    # "also contributed" after a subject that is not a list of names
    "Her cousin, a baker in York, also contributed from Lisbon.",
    "Every family on the street also contributed.",
]


@pytest.mark.parametrize("line", CHROME)
def test_page_chrome_is_not_analysed(line: str) -> None:
    assert region_of(line) != BODY, line


@pytest.mark.parametrize("line", PROSE + PROSE_LIKE_CHROME)
def test_article_prose_is_analysed(line: str) -> None:
    assert region_of(line) == BODY, line


def test_an_agency_abbreviation_closing_a_sentence_is_not_a_glued_caption() -> None:
    para = (
        "Shares in the firm rose sharply. The figures were first published by the Associated "
        "Press (AP). Turnout was high in the north-east (PA) and lower elsewhere. The firm "
        "declined to comment."
    )
    doc = document_from_text(f"{LEAD}\n\n{para}\n\n{TAIL}\n")
    assert {s.region for s in doc.sentences} == {BODY}
    # the same abbreviation glued after a sentence's end, or named as a photo credit, is one
    glued = (
        f"{LEAD} Crews clear the road near Northfield.(AP) {TAIL} Volunteers fill sandbags "
        f"by the river (AP Photo/Jane Roe). {TAIL}"
    )
    doc = document_from_text(glued + "\n")
    captions = [s.text for s in doc.sentences if s.region != BODY]
    assert captions == [
        "Crews clear the road near Northfield.(AP)",
        "Volunteers fill sandbags by the river (AP Photo/Jane Roe).",
    ]


def test_a_long_paragraph_that_mentions_a_newsletter_is_prose() -> None:
    para = (
        "Subscribers to the council's weekly newsletter were told in January that the road "
        "budget would rise, but the figure they were given, 8 percent, was lower than the one "
        "the council approved, and several residents complained at the meeting that they had "
        "not been consulted about the change or the way it was decided."
    )
    assert region_of(para) == BODY


def test_question_headings_in_an_explainer_but_not_a_lone_rhetorical_question() -> None:
    explainer = (
        f"{LEAD}\n\nWhat changes for drivers?\n\n{TAIL} Speed limits fall on three roads.\n\n"
        f"When do the new rules start?\n\n{TAIL} Signs go up in June.\n"
    )
    doc = document_from_text(explainer)
    heads = [doc.text[b.start : b.end] for b in doc.blocks if b.region != BODY]
    assert heads == ["What changes for drivers?", "When do the new rules start?"]
    lone = f"{LEAD}\n\nIs the council finally listening?\n\n{TAIL}\n"
    assert all(b.region == BODY for b in document_from_text(lone).blocks)


def test_interview_questions_stay_prose() -> None:
    text = (
        f"{LEAD}\n\nQ: Why did the council wait so long?\n\n{TAIL}\n\n"
        f"Q: What happens next?\n\n{TAIL}\n"
    )
    assert all(b.region == BODY for b in document_from_text(text).blocks)


def test_a_short_last_sentence_before_a_follow_line_is_prose() -> None:
    text = f"{LEAD}\n\nNot a bad result.\n\nFollow Jane Doe on Twitter @janedoe.\n"
    doc = document_from_text(text)
    regions = {doc.text[b.start : b.end]: b.region for b in doc.blocks}
    assert regions["Not a bad result."] == BODY
    assert regions["Follow Jane Doe on Twitter @janedoe."] != BODY


def test_a_timestamp_glued_to_the_first_paragraph_is_cut_off() -> None:
    text = f"date 2024-02-01 {LEAD}\n\nPublished: 3 March 2024 10:42 GMT {TAIL}\n"
    doc = document_from_text(text)
    regions = [(doc.text[b.start : b.end], b.region) for b in doc.blocks]
    assert regions == [
        ("date 2024-02-01", "byline"),
        (LEAD, BODY),
        ("Published: 3 March 2024 10:42 GMT", "byline"),
        (TAIL, BODY),
    ]
    assert doc.sentences[1].text == LEAD


def test_a_caption_glued_into_a_paragraph_is_not_analysed() -> None:
    text = (
        f"{LEAD} The mayor cuts a ribbon at the new depot in Northfield.(AFP) {TAIL}\n\n"
        f"{LEAD} {TAIL} {LEAD} {TAIL} Crews repaint the lines on Main Street (Lee Carver/Reuters)"
        "\n\nThe depot opened in May. (AFP/Getty Images)\n"
    )
    doc = document_from_text(text)
    regions = [(s.text, s.region) for s in doc.sentences]
    assert ("The mayor cuts a ribbon at the new depot in Northfield.(AFP)", "caption") in regions
    assert ("Crews repaint the lines on Main Street (Lee Carver/Reuters)", "caption") in regions
    assert ("The depot opened in May. (AFP/Getty Images)", "caption") in regions  # a block
    assert {r for t, r in regions if t in (LEAD, TAIL)} == {BODY}
    # the word count (and readability) is the body sentences' words: captions left out
    afresh = word_tokens(" ".join(s.text for s in doc.sentences if s.region == BODY))
    assert doc.body_words == afresh
    assert "ribbon" not in afresh and "repaint" not in afresh


def test_a_roundup_item_that_cites_its_sources_in_brackets_is_prose() -> None:
    item = "- The county's jobless rate fell to 3.9 percent in May. [Labor Department, Courier]"
    assert region_of(item) == BODY


PROMPT_ALPHABET = "abcdefghiklmnoprstuvwy SRAFC0123456789:|@()'\u00a9\u0130\u0663\u017f\u212a.-"


# no deadline: the first example compiles every pattern of the lexicon, which a busy
# machine can make take longer than hypothesis's default 200 ms
@settings(deadline=None)
@given(
    st.text(alphabet=PROMPT_ALPHABET, max_size=40),
    st.sampled_from(CHROME + PROSE + PROSE_LIKE_CHROME),
)
def test_the_first_character_index_answers_like_trying_every_pattern(noise: str, line: str) -> None:
    from checker.core.datafiles import packaged_data
    from checker.text.chrome import FirstCharIndex

    data = packaged_data("checker.text", "lexicons/boilerplate.json", "checker-boilerplate-lexicon")
    anchored = [p for p in data["boilerplate"] + data["boilerplate_short"] if p.startswith("^")]
    index = FirstCharIndex(anchored)
    plain = [re.compile(p, re.I) for p in anchored]
    for text in (noise, line, noise + line, line[:1] + noise):
        assert index.match(text) == any(p.match(text) for p in plain), text


@pytest.mark.parametrize(
    "bio",
    [
        "Ines Duarte is an associate professor of history at Northfield University.",
        "Theo Banks is a senior fellow at the Centre for Housing Policy.",
        "Dr Asha Rao is a consultant physician in Bristol and the author of two books.",
        "The author is a former diplomat.",
        "Jo Park is a columnist for the Daily Ledger. Follow her on X @jopark.",
        "Rafael Ortiz is a visiting fellow at the U.S. Institute of Peace.",
        "Hana Sato is an economist at Eastbrook College. She tweets @hanasato.",
        "Leo Grant is founder of the Open Streets Trust. Amira Nasser is director of the "
        "Tenants' Law Centre.",
    ],
)
def test_a_contributor_bio_ending_the_text_is_not_analysed(bio: str) -> None:
    assert region_of(bio, before=f"{LEAD}\n\n{TAIL}", after="") != BODY


@pytest.mark.parametrize(
    "last",
    [
        "Ines Duarte, who is a professor at Northfield University, said the cuts were rash.",
        "Ines Duarte is a professor at Northfield University and was among the protesters.",
        "\u201cWe will appeal,\u201d said Theo Banks, a senior fellow at the centre.",
        "Theo Banks is the director of the campaign, and he said it would appeal.",
        # the first person, a past post, a second sentence, a semicolon: a closing paragraph
        "I am a doctor, and I have watched families sell their homes to pay for care.",
        "I am a student at the academy and the new fees will force me to leave.",
        "Peter Lund was chairman of the dockers' union from 1988 to 1994.",
        "Sara Odum is a teacher at St Mary's Hospital. \u201cWe were never warned about the "
        "cuts,\u201d she said.",
        "Ben Cole is the chairman of the tenants' association. He intends to appeal.",
        "Lena Fox is a lawyer in Leeds; her firm represents eleven of the families.",
        "Omar Said is 34. He is a teacher at the primary school.",
        "Rosa Diaz is a lawyer in Leeds. Omar Khan is a teacher at Hill School. Both plan to "
        "appeal.",
    ],
)
def test_a_last_paragraph_that_introduces_a_source_is_prose(last: str) -> None:
    assert region_of(last, before=f"{LEAD}\n\n{TAIL}", after="") == BODY


def test_a_headline_is_not_joined_to_a_paragraph_that_opens_with_a_lower_case_brand() -> None:
    text = (
        "Acme Widgets Reports Record Third Quarter Sales and Raises Yearly Outlook\n\n"
        "eVolt Systems, the parent company of Acme Widgets, today reported sales of 40 million "
        "dollars for the quarter, up 12 percent from a year earlier.\n"
    )
    doc = document_from_text(text)
    regions = {doc.text[b.start : b.end]: b.region for b in doc.blocks}
    assert regions[text.split("\n\n")[0]] != BODY
    assert regions[text.split("\n\n")[1].strip()] == BODY


def test_a_prose_sentence_broken_by_a_blank_line_is_still_joined() -> None:
    text = (
        f"{LEAD}\n\nThe agreement between the Federal Reserve Bank of New York and the\n\n"
        "central banks of Canada and Japan was signed on Friday after two years of talks.\n"
    )
    doc = document_from_text(text)
    body = [s.text for s in doc.sentences if s.region == BODY]
    assert any(s.startswith("The agreement") and s.endswith("talks.") for s in body)


def test_an_explainer_question_heading_with_only_chrome_after_it_is_not_analysed() -> None:
    text = (
        f"{LEAD}\n\nWhat changes for drivers?\n\n{TAIL}\n\nWhen do the new rules start?\n\n"
        f"{TAIL}\n\nHow much will the fines be?\n\nAdvertisement\n"
    )
    doc = document_from_text(text)
    regions = {doc.text[b.start : b.end]: b.region for b in doc.blocks}
    assert regions["How much will the fines be?"] != BODY
    assert regions[LEAD] == BODY


def test_a_closing_question_of_an_article_without_question_headings_is_prose() -> None:
    text = f"{LEAD}\n\n{TAIL}\n\nWill the council keep its promise this time?\n\nAdvertisement\n"
    doc = document_from_text(text)
    regions = {doc.text[b.start : b.end]: b.region for b in doc.blocks}
    assert regions["Will the council keep its promise this time?"] == BODY


@pytest.mark.parametrize("block", [
    "Dana Whitfield is a senior fellow at the Lakeside Institute.",
    "Omar Reyes teaches history at Pine Valley College.",
    "Lena Ford has been a columnist for the paper since 2010.",
    "Priya Nand writes about farming and is the author of two books.",
    "Tom Hale covers city hall for the Ridge Courier.",
    "Ana Ruiz reports on schools for the Ledger.",
    "Kim Lowe writes about housing for the Northfield Post.",
    "The authors are researchers at the university's climate lab.",
    "Hospital admissions rose 40 percent in the first week of July.",
    "Dana Whitfield\tis a senior fellow at the Lakeside Institute.",
])
def test_the_bio_verb_test_before_the_bio_pattern_changes_no_answer(block: str) -> None:
    """A block is tried against the long bio pattern only when a bio verb stands between
    spaces in it; every bio has one, so the answer is the pattern's."""
    from checker.text import chrome_bio

    assert chrome_bio.trailing_bio(block) == bool(chrome_bio._TRAILING_BIO.match(block))


def test_every_bio_verb_is_in_the_bio_verb_test() -> None:
    from checker.text import chrome_bio

    verbs = re.findall(r"\(\?:((?:is|are|covers)\|[^)]*)\)", chrome_bio._TRAILING_BIO.pattern)
    assert verbs  # the pattern's verb alternations, found
    for group in verbs:
        for verb in group.split("|"):
            assert chrome_bio._BIO_VERB.search(f"Ann Lee {verb} a"), verb


def test_the_list_label_first_letters_are_the_pattern_s() -> None:
    from checker.text import chrome_runs
    from checker.text.firstchar import first_chars

    assert set(first_chars(chrome_runs._LIST_LABEL.pattern, 0)) == chrome_runs._LIST_LABEL_FIRST


@pytest.mark.parametrize("block", [
    "Updated Jan. 5, 2024 The council met on Monday.",
    "LAST UPDATED: 2024-01-28 | The mayor said on Tuesday.",
    "first published 3 March 2024 10:42 GMT The port reopened.",
    "F\u0130rst published 3 March 2024 The port reopened.",
    "Dated 2024-01-28 \u201cWe are ready,\u201d she said.",
    "(NYSE: ACM) 45.20 +1.35 Acme Corp said it would hire.",
    "NASDAQ: XYZ -0.5% Shares of Xyz fell.",
    "TSXV: ABC 1.20 The miner said.",
    "ORCL,\nshares fell after the report.",
    "Hospital admissions rose 40 percent in July.",
    "Datelines are not timestamps, the editor said.",
    "",
])
def test_the_leading_dateline_tests_change_no_answer(block: str) -> None:
    from checker.text import chrome

    text = f"Intro.\n\n{block}"
    start, end = len("Intro.\n\n"), len(text)
    m = (chrome._LEADING_DATELINE.match(text, start, end)
         or chrome._LEADING_TICKER.match(text, start, end)
         or chrome._TICKER_LINE.match(text, start, end))
    assert chrome.leading_dateline(text, start, end) == (m.end() if m and m.end() < end else -1)


@pytest.mark.parametrize("block", [
    "The Northfield Ledger is a daily news site covering the county.",
    "Acme Wire is an independent newsroom based in Ohio.",
    "The Ridge Courier was a weekly newspaper.",
    "Hospital admissions rose 40 percent in July.",
])
def test_the_outlet_bio_verb_test_changes_no_answer(block: str) -> None:
    from checker.text import chrome_bio

    m = chrome_bio._OUTLET_BIO.match(block)
    assert chrome_bio.outlet_bio(block) == (
        bool(m) and not chrome_bio._OUTLET_NEWS.search(block, m.start()))
