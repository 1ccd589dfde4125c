"""A fixture of news pages of our own writing, each line marked as page chrome or article
prose, in the shapes newsrooms' publishing systems print them: UK, US, Australian and wire
copy, as plain text, Markdown and HTML. None is copied from any page.

Each page is a list of ``(kind, line)``: ``C`` a line that is not article prose (headline,
deck, byline, dateline, caption, credit, prompt, note, bio, copyright...), ``P`` article prose,
``L`` article prose that looks like chrome (a one-line quote, "By the end of ...", a sentence
about a photo) and must stay analysed. :func:`render` writes a page in one format;
:func:`measure` runs the whole audit over every page and counts, for the chrome lines, how
many are read as article text and how many carry a finding, a source or an attribution, and
for the prose lines how many are not analysed. ``python -m tests.chrome_fixture`` prints it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

Page = tuple[str, list[tuple[str, str]]]  # (format, [(kind, line)])

# ------------------------------------------------------------------ plain text pages

_T1: list[tuple[str, str]] = [  # a UK broadsheet, copied from the browser
    ("C", "Councils warn of bin collection cuts as budgets tighten"),
    ("C", "Local authorities in England say weekly rounds are under threat after a decade of "
          "squeezed funding"),
    ("C", "By Harriet Lowe and Tom Ainsley"),
    ("C", "Sun 14 Apr 2024 06.00 BST"),
    ("C", "Last modified on Sun 14 Apr 2024 11.12 BST"),
    ("P", "Weekly bin collections in dozens of English towns will end next year, council "
          "leaders have warned, as the cost of running depots has risen by a third since 2019."),
    ("C", "A refuse lorry on its round in Leeds. Photograph: Chris North/Alamy"),
    ("P", "The Local Government Association said 41 councils had drawn up plans to move to "
          "fortnightly rounds, and that several more were consulting residents."),
    ("L", "\u201cWe have cut everything else,\u201d said Ann Price, who leads Barnet council."),
    ("P", "Rising fuel prices have added about \u00a3180m a year to collection costs across "
          "the country."),
    ("C", "Related: Recycling rates in England fall for third year running"),
    ("P", "Ministers have promised a review of how councils are funded, but it will not report "
          "until after the election."),
    ("L", "By the end of the decade, every household will need three separate bins."),
    ("C", "This article was amended on 15 April 2024 to correct the number of councils "
          "consulting residents."),
    ("C", "Explore more on these topics"),
    ("C", "Local government"),
    ("C", "Share"),
    ("C", "Reuse this content"),
]

_T2: list[tuple[str, str]] = [  # a wire story as a plain-text export, title and deck first
    ("C", "EU agrees to extend gas price cap for another year."),
    ("C", "Ministers back the measure despite objections from two member states."),
    ("C", "By Paul Wexler and Ines Moreau"),
    ("C", "BRUSSELS, March 4 (Reuters) -"),
    ("P", "European Union energy ministers agreed on Monday to keep a cap on wholesale gas "
          "prices for another year, the bloc's rotating presidency said."),
    ("P", "The cap, introduced after prices surged in 2022, has never been triggered, but "
          "supporters say it has calmed the market."),
    ("L", "Germany and the Netherlands abstained."),
    ("P", "Gas prices have fallen by more than 80 percent from their peak and storage sites "
          "are close to full."),
    ("C", "Reporting by Paul Wexler; Additional reporting by Ines Moreau in Paris; Editing by "
          "Jane Merriman"),
    ("C", "Our Standards: The Thomson Reuters Trust Principles."),
]

_T3: list[tuple[str, str]] = [  # a US metro daily, plain text with its page furniture
    ("C", "City Council OKs $2B Transit Plan After Marathon Session"),
    ("C", "The vote caps two years of wrangling over bus lanes and a new light rail spur"),
    ("C", "Maria Delgado, City Hall Reporter"),
    ("C", "Updated 3:42 p.m. ET Oct. 9, 2023"),
    ("C", "Published 11:05 a.m. ET Oct. 9, 2023"),
    ("P", "The City Council approved a $2 billion transit plan on Monday night, ending a "
          "fight that split the council for two years."),
    ("C", "Council member Rosa Vega speaks during Monday's meeting. (Photo: Dan Ruiz/The "
          "Herald)"),
    ("P", "The plan adds 14 miles of bus lanes and a light rail spur to the airport, and it "
          "will be paid for with a half-cent sales tax."),
    ("C", "Advertisement"),
    ("P", "Opponents argued the tax would hit low-income residents hardest, and that ridership "
          "has not recovered since the pandemic."),
    ("C", "Read more: What the transit tax means for your commute"),
    ("L", "Photos of the packed chamber spread quickly on social media."),
    ("P", "Construction on the first bus lanes is due to start in the spring."),
    ("C", "Maria Delgado covers City Hall. Contact her at mdelgado@herald-example.com or "
          "follow her on X @mdelgado."),
    ("C", "Copyright 2023 The Herald. All rights reserved."),
]

_T4: list[tuple[str, str]] = [  # an Australian site, plain text
    ("C", "Bushfire crews brace for catastrophic conditions in NSW"),
    ("C", "Fire authorities have warned residents to leave early as temperatures soar"),
    ("C", "Sarah Nguyen"),
    ("C", "Posted Tue 12 Nov 2019 at 5:04am, updated Tue 12 Nov 2019 at 9:40am"),
    ("P", "Firefighters across New South Wales are preparing for the worst fire danger the state "
          "has faced, with catastrophic conditions forecast for Sydney for the first time."),
    ("C", "Image source, AAP"),
    ("C", "Image caption, Crews at a fire near Taree on Monday"),
    ("P", "More than 600 schools will close on Tuesday and total fire bans are in place across "
          "the state."),
    ("C", "Key points:"),
    ("C", "Catastrophic fire danger has been declared for Sydney"),
    ("C", "More than 600 schools are closed"),
    ("P", "Residents in high-risk areas have been told to leave by the morning."),
    ("L", "\u201cThis is as bad as it gets,\u201d the commissioner said."),
    ("C", "Follow our live coverage of the fires"),
    ("C", "Topics: bushfire, emergency-incidents, nsw"),
    ("C", "First posted Tue 12 Nov 2019 at 5:04am"),
]

_T5: list[tuple[str, str]] = [  # a live blog copied as text
    ("C", "Election results live: counting under way in key marginals"),
    ("C", "Key events"),
    ("C", "Show key events only"),
    ("C", "11.42pm BST"),
    ("P", "The first result of the night has come in from Sunderland South, where turnout fell "
          "by six points on the last election."),
    ("C", "11.15pm BST"),
    ("P", "The exit poll suggests the government will lose about 90 seats, a swing bigger than "
          "the polls had shown."),
    ("C", "Updated at 11.20pm BST"),
    ("C", "Share"),
    ("C", "10.58pm BST"),
    ("P", "Polling stations closed at 10pm and the counts have begun in more than 600 "
          "constituencies."),
    ("C", "Andrew Sparrow (now) and Jessica Elgot (earlier)"),
    ("C", "Fri 5 Jul 2024 00.12 BST"),
]

_T6: list[tuple[str, str]] = [  # an opinion piece and its bio, plain text
    ("C", "Opinion"),
    ("C", "Why the four-day week is not a fantasy"),
    ("C", "Trials show productivity holds up. Employers should take note"),
    ("C", "Guest Essay by Laura Kim"),
    ("C", "Ms. Kim is an economist at the Brookings Institution."),
    ("P", "When 61 British companies tried a four-day week in 2022, all but three kept it, and "
          "revenue barely moved."),
    ("P", "Staff took fewer sick days, and resignations fell by more than half."),
    ("L", "By the end of the trial, most managers had become converts."),
    ("P", "Critics point out that the firms volunteered, so they were likely to be suited to it."),
    ("C", "Laura Kim is a senior fellow at the Brookings Institution and the author of \u201cTime "
          "Poor.\u201d"),
    ("C", "The Times is committed to publishing a diversity of letters to the editor. We\u2019d "
          "like to hear what you think about this or any of our articles."),
    ("C", "Follow the Opinion section on Facebook, Instagram and Threads."),
]

_T7: list[tuple[str, str]] = [  # a wire story with the agency tag and an AP-style byline
    ("C", "Storm knocks out power to 200,000 in Texas"),
    ("C", "By JAMES OKAFOR Associated Press"),
    ("C", "HOUSTON (AP) \u2014"),
    ("P", "A line of severe thunderstorms knocked out power to more than 200,000 homes and "
          "businesses in the Houston area on Thursday."),
    ("P", "Winds of up to 80 mph tore roofs from buildings and brought down power lines."),
    ("C", "FILE - Utility workers repair a power line in Houston, May 17, 2024. (AP Photo/David "
          "J. Phillip, File)"),
    ("P", "Schools in several districts closed for the day."),
    ("C", "___"),
    ("C", "Associated Press writer Maria Chen in Dallas contributed to this report."),
    ("C", "Copyright 2024 The Associated Press. All rights reserved. This material may not be "
          "published, broadcast, rewritten or redistributed."),
]

_T8: list[tuple[str, str]] = [  # a magazine feature with its credits and corrections
    ("C", "The Last Lighthouse Keepers"),
    ("C", "On a windswept rock off the Cornish coast, two men keep an old job alive"),
    ("C", "Words by Ellen Marsh"),
    ("C", "Photographs by Joe Tanner"),
    ("C", "12 min read"),
    ("P", "The lighthouse at Longships was automated in 1988, and the last keepers left that "
          "summer."),
    ("C", "Keeper Tom Reed pictured in 2019"),
    ("P", "Today two volunteers visit once a month to check the lamp and the fog signal."),
    ("C", "Clarification: An earlier version of this article misstated the year the "
          "lighthouse was automated."),
    ("C", "Editor\u2019s note: Names of some volunteers have been changed at their request."),
    ("C", "Ellen Marsh is a writer based in Penzance. Her book on Cornish lighthouses is "
          "published next year."),
    ("C", "This story appears in the May 2024 issue."),
    ("C", "Subscribe to the magazine"),
]

_T9: list[tuple[str, str]] = [  # a plain-text export: title and deck ending in full stops
    ("C", "Water bills to rise by average of 21 percent."),
    ("C", "Regulator approves increase to fund sewage upgrades."),
    ("C", "By Ruth Adeyemi, Environment Correspondent."),
    ("C", "Published: 19 December 2024."),
    ("P", "Household water bills in England and Wales will rise by an average of 21 percent "
          "over five years after the regulator approved most of the companies' plans."),
    ("P", "The money will pay for upgrades to stop sewage spilling into rivers and the sea."),
    ("C", "Pictured: A sewage outfall on the River Wye."),
    ("P", "Campaigners said customers were paying for decades of underinvestment."),
    ("C", "Additional reporting by Sam Ortiz."),
    ("C", "Sign up to our free environment newsletter."),
]

# ------------------------------------------------------------------ Markdown pages

_M1: list[tuple[str, str]] = [  # a CMS exported to Markdown
    ("C", "Hospital waiting lists fall for first time in a year"),
    ("C", "*The number of patients waiting more than 18 weeks dropped in March*"),
    ("C", "**By Claire Hobbs, Health Editor**"),
    ("C", "_Published 11 April 2024, 09:30_"),
    ("P", "The waiting list for hospital treatment in England fell in March for the first time "
          "in a year, to 7.5 million cases."),
    ("C", "![Nurses on a ward](https://example.com/ward.jpg)"),
    ("C", "*Nurses on a ward at St Thomas' Hospital in London. (Getty Images)*"),
    ("P", "The number waiting more than a year also fell, by about 8,000."),
    ("C", "**Read more:** [Junior doctors vote for new strikes](https://example.com/strikes)"),
    ("P", "Hospital leaders warned that strikes could reverse the gains."),
    ("L", "\u201cOne month is not a trend,\u201d the chief executive said."),
    ("C", "*Clare Hobbs is the health editor. Email her at health@example.com.*"),
    ("C", "\u00a9 2024 Example News Ltd"),
]

_M2: list[tuple[str, str]] = [  # a newsletter-style Markdown post
    ("C", "Why Britain's Trains Keep Running Late"),
    ("C", "Kit Rowe, Transport Correspondent"),
    ("C", "April 3, 2024 \u00b7 6 min read"),
    ("C", "In this article:"),
    ("C", "1. The timetable problem"),
    ("C", "2. Signals and staff"),
    ("C", "3. What happens next"),
    ("P", "Only 64 percent of trains in Britain arrived on time last year, the lowest figure "
          "since records began."),
    ("C", "Thanks for reading! Subscribe for free to receive new posts and support my work."),
    ("P", "Signal failures caused about a fifth of all delays, and staff shortages another "
          "tenth."),
    ("C", "Share this post"),
    ("C", "Leave a comment"),
    ("P", "The government has promised a new timetable by 2026."),
    ("C", "Kit Rowe writes about transport. He was previously a reporter at the Yorkshire "
          "Post."),
]

_M3: list[tuple[str, str]] = [  # an Australian explainer in Markdown
    ("C", "# Interest rates held at 4.35 per cent"),
    ("C", "The Reserve Bank has left rates on hold for a seventh straight meeting."),
    ("C", "By **Ben Cho** and **Lily Park**"),
    ("C", "Updated 2 hours ago"),
    ("P", "The Reserve Bank of Australia kept its cash rate at 4.35 per cent on Tuesday, as "
          "inflation eased to 3.6 per cent."),
    ("C", "*Image: The Reserve Bank building in Sydney. Picture: Supplied*"),
    ("P", "Economists expect the first cut in early 2025."),
    ("C", "**Loading...**"),
    ("C", "Listen to this article"),
    ("C", "Posted 5h ago"),
    ("C", "*With AAP*"),
]

# ------------------------------------------------------------------ HTML pages (all <p>)

_H1: list[tuple[str, str]] = [  # a US site whose CMS puts every line in a paragraph
    ("C", "Senate Passes Stopgap Bill to Avert Shutdown"),
    ("C", "The measure funds the government through mid-December"),
    ("C", "By Nina Patel and Carlos Ruiz"),
    ("C", "Nov. 16, 2023 at 9:02 p.m. EST"),
    ("P", "The Senate passed a stopgap spending bill on Wednesday night, sending it to the "
          "president hours before a shutdown deadline."),
    ("C", "Senate Majority Leader Chuck Schumer (D-N.Y.) walks to the chamber on Wednesday. "
          "(Kent Nishimura/Getty Images)"),
    ("P", "The bill passed 87 to 11 and keeps spending at current levels."),
    ("C", "Story continues below advertisement"),
    ("P", "Both parties now have until December to agree on full-year budgets."),
    ("C", "Sign up for our politics newsletter"),
    ("L", "Photographs from the floor showed senators crowding around the clerk."),
    ("C", "Nina Patel is a congressional reporter. She joined the paper in 2019."),
    ("C", "Comments"),
    ("C", "Gift this article"),
]

_H2: list[tuple[str, str]] = [  # a UK tabloid page
    ("C", "EXCLUSIVE: Pub landlord's fury as brewery doubles rent"),
    ("C", "By JAMES HOLT FOR MAILONLINE"),
    ("C", "PUBLISHED: 10:14 BST, 2 May 2024 | UPDATED: 12:40 BST, 2 May 2024"),
    ("C", "View comments"),
    ("P", "A pub landlord has been told his rent will double next year, and he says he will have "
          "to close if it goes ahead."),
    ("C", "Landlord Dave Moss, 58, outside the Red Lion in Stockport"),
    ("P", "The brewery says the new rent reflects the market value of the building."),
    ("C", "RELATED ARTICLES"),
    ("C", "Share or comment on this article:"),
    ("C", "Do you have a story? Email tips@example.co.uk"),
    ("L", "\u201cI\u2019ve given this place twenty years,\u201d he said."),
]

_H3: list[tuple[str, str]] = [  # a broadcaster's page
    ("C", "Flooding: Hundreds evacuated as river bursts banks"),
    ("C", "Published 6 hours ago"),
    ("C", "Share"),
    ("C", "Image source, Getty Images"),
    ("C", "Image caption, Rescue teams used boats to reach stranded residents"),
    ("P", "Hundreds of people have been evacuated from their homes after the River Severn burst "
          "its banks."),
    ("P", "The Environment Agency has issued 12 severe flood warnings, meaning there is a "
          "danger to life."),
    ("C", "Related Topics"),
    ("C", "More on this story"),
    ("C", "Get in touch"),
    ("C", "Have you been affected by the flooding? Share your experiences."),
]

_H4: list[tuple[str, str]] = [  # a business site with timestamps and tags
    ("C", "Retailer Cuts 2,000 Jobs as Sales Slump"),
    ("C", "Shares fell 8% in early trading"),
    ("C", "Written by Omar Farouk"),
    ("C", "Reviewed by Sue Lin"),
    ("C", "Last Updated: January 9, 2024 | 4 min read"),
    ("P", "The retailer said on Tuesday it would cut 2,000 jobs and close 40 stores after sales "
          "fell for a fourth quarter."),
    ("P", "Online sales rose, but not enough to make up for falling footfall."),
    ("C", "Contact the author at ofarouk@example.com"),
    ("C", "Tags: retail, jobs, high street"),
    ("C", "Disclosure: The author holds no position in the stocks mentioned."),
    ("C", "Editing by Sue Lin"),
    ("C", "\u00a9 2024 Example Media Group"),
]

_T10: list[tuple[str, str]] = [  # an agency roundup with a pull quote and a timeline
    ("C", "Ceasefire talks resume in Cairo"),
    ("C", "AFP"),
    ("C", "CAIRO, Egypt \u2014"),
    ("P", "Negotiators met in Cairo on Sunday for a new round of ceasefire talks, officials "
          "from two delegations said."),
    ("C", "\u2018We are closer than we have ever been\u2019"),
    ("P", "The talks stalled last month over the timing of a prisoner exchange."),
    ("C", "Timeline: How the talks unfolded"),
    ("C", "Watch: Crowds gather in the capital"),
    ("P", "Mediators said the two sides had agreed on most of the text."),
    ("C", "\u2014 With reporting by Sami Aziz in Cairo and Rachel Green in Jerusalem"),
    ("C", "This story has been updated with additional information."),
    ("C", "Correction: An earlier version of this story gave the wrong date for the talks."),
]

_T11: list[tuple[str, str]] = [  # a regional US paper
    ("C", "School board approves later start times"),
    ("C", "Posted Sep 3, 2023"),
    ("C", "By Emily Carter | ecarter@example.com"),
    ("C", "The Valley Tribune"),
    ("P", "High schools in the district will start at 8:30 a.m. from next fall, an hour later "
          "than now."),
    ("C", "Students board a bus outside Lincoln High School in 2022. File photo"),
    ("P", "Research has linked early start times with poor sleep among teenagers."),
    ("C", "Emily Carter is a staff writer covering education for The Valley Tribune."),
    ("C", "Have a news tip? Call 555-0142 or email news@example.com."),
    ("C", "Get Breaking News delivered to your inbox"),
    ("C", "Print this article"),
]

# ------------------------------------------------------------------ a second set, written
# after the rules of 2026-12-02's night round and measured before any change for it

_B1: list[tuple[str, str]] = [  # a US cable network's site, plain text
    ("C", "Supreme Court to hear challenge to state abortion pill limits"),
    ("C", "By Devan Cole and Ariane de Vogue, CNN"),
    ("C", "Updated 6:15 PM EDT, Fri April 12, 2024"),
    ("C", "Source: CNN"),
    ("P", "The Supreme Court agreed on Friday to decide whether states can restrict access to a "
          "widely used abortion pill, setting up a ruling before the summer."),
    ("L", "The justices did not explain their order."),
    ("P", "Lower courts had split on the question, and the pill is used in more than half of all "
          "abortions in the country."),
    ("C", "Demonstrators gather outside the Supreme Court in Washington, DC, on March 26, 2024."),
    ("C", "Kevin Dietsch/Getty Images"),
    ("P", "Arguments are expected in the autumn."),
    ("C", "CNN\u2019s Tierney Sneed contributed to this report."),
    ("C", "Get Our Free Politics Newsletter"),
]

_B2: list[tuple[str, str]] = [  # a UK regional site, Markdown
    ("C", "Man, 34, charged after crash that closed the A38 for six hours"),
    ("C", "Police say a second driver is recovering in hospital"),
    ("C", "[Sam Holt](https://example.com/authors/sam-holt)"),
    ("C", "Crime Reporter"),
    ("C", "08:14, 22 Feb 2024"),
    ("P", "A man has been charged with dangerous driving after a crash that closed the A38 near "
          "Bodmin for six hours on Tuesday."),
    ("C", "*The scene on the A38 on Tuesday afternoon (Image: Cornwall Live)*"),
    ("P", "Devon and Cornwall Police said the 34-year-old would appear before magistrates next "
          "month."),
    ("C", "**READ NEXT:**"),
    ("C", "- [Village pub saved by locals reopens its doors](https://example.com/pub)"),
    ("C", "- [Council approves 300 homes on edge of town](https://example.com/homes)"),
    ("P", "A second driver was taken to Derriford Hospital with injuries that are not thought to "
          "be life-threatening."),
    ("L", "Anyone with dashcam footage has been asked to call 101."),
    ("C", "*Want more stories like this? Sign up to our daily newsletter.*"),
]

_B3: list[tuple[str, str]] = [  # an Australian broadsheet, HTML all in paragraphs
    ("C", "Treasurer flags tax relief in May budget"),
    ("C", "Jim Chalmers says cost-of-living help will be targeted."),
    ("C", "Shane Wright"),
    ("C", "Senior economics correspondent"),
    ("C", "April 21, 2024 \u2014 5.00am"),
    ("P", "Treasurer Jim Chalmers will use next month's budget to offer more cost-of-living "
          "relief, while insisting it will not add to inflation."),
    ("C", "Treasurer Jim Chalmers in Canberra last week. Credit: Alex Ellinghausen"),
    ("P", "Inflation fell to 4.1 per cent in the December quarter, its lowest level in two years."),
    ("C", "Save"),
    ("C", "Log in, register or subscribe to save articles for later."),
    ("P", "Economists expect a small surplus for a second year."),
    ("C", "License this article"),
    ("C", "Shane Wright is a senior economics correspondent for The Age and The Sydney Morning "
          "Herald."),
]

_B4: list[tuple[str, str]] = [  # a public broadcaster, plain text, a plain-text export
    ("C", "Teachers in Scotland vote to strike over pay."),
    ("C", "By Jamie McIvor, BBC Scotland education correspondent."),
    ("P", "Teachers in Scotland have voted to strike over pay after rejecting an offer worth "
          "5 percent this year."),
    ("C", "Image caption: Teachers on a picket line in Glasgow last year."),
    ("P", "The largest union said 94 percent of members who voted backed action."),
    ("L", "\u201cWe did not want this,\u201d one headteacher said."),
    ("P", "The Scottish government said the offer was fair and affordable."),
    ("C", "More on this story"),
    ("C", "Teachers' union rejects latest pay offer"),
    ("C", "Published 3 days ago"),
]

_B5: list[tuple[str, str]] = [  # a US magazine, HTML
    ("C", "POLITICS"),
    ("C", "The Quiet Collapse of the Farm-State Democrat"),
    ("C", "Rural voters have abandoned the party. Can anyone win them back?"),
    ("C", "By Elaine Godfrey"),
    ("C", "Illustration by Paul Spella / The Atlantic. Sources: Getty."),
    ("C", "June 3, 2024, 7 AM ET"),
    ("C", "Share"),
    ("C", "Save"),
    ("P", "In 2008, Democrats held 11 Senate seats in states where farming drives the economy. "
          "Today they hold three."),
    ("P", "Party strategists blame a message that speaks to cities and suburbs, not small towns."),
    ("L", "By then, most of the county's farms had been sold to larger operators."),
    ("C", "Elaine Godfrey is a staff writer at The Atlantic."),
]

_B6: list[tuple[str, str]] = [  # a wire story in Markdown with a fact box and timeline
    ("C", "## Japan's economy shrinks as consumers cut back"),
    ("C", "*TOKYO, Feb 15 (Kyodo) --*"),
    ("P", "Japan's economy contracted at an annualised rate of 0.4 percent in the last quarter "
          "of 2023, government data showed on Thursday."),
    ("P", "Private consumption, which makes up more than half of output, fell for a third "
          "quarter in a row."),
    ("C", "**FACTBOX**"),
    ("P", "The weak data make it less likely that the central bank will raise rates in March."),
    ("C", "*(Editing by Kim Coghill)*"),
    ("C", "Kyodo News"),
]

_B7: list[tuple[str, str]] = [  # a live page of a UK tabloid, plain text
    ("C", "Storm Henk LIVE: Amber warning as 80mph winds batter south"),
    ("C", "Follow below for the latest updates"),
    ("C", "Jack Wright"),
    ("C", "11:02, 2 Jan 2024"),
    ("C", "Updated 14:35, 2 Jan 2024"),
    ("C", "14:30"),
    ("C", "Trains cancelled across the South West"),
    ("P", "Great Western Railway has cancelled all services west of Exeter because of fallen "
          "trees."),
    ("C", "13:55"),
    ("C", "Flood warnings rise to 40"),
    ("P", "The Environment Agency now has 40 flood warnings in force across England."),
    ("C", "Key Events"),
    ("C", "Our live coverage has now ended. Thanks for following."),
]

_B8: list[tuple[str, str]] = [  # a think-tank blog post in Markdown with its author box
    ("C", "# What the new housing target really means"),
    ("C", "Posted on 9 March 2024 by Priya Shah"),
    ("C", "Estimated reading time: 5 minutes"),
    ("P", "The government wants 1.5 million new homes built in England by the end of this "
          "parliament."),
    ("P", "That means building about 300,000 homes a year, a rate last reached in the 1960s."),
    ("L", "Pictures of half-finished estates have become a symbol of the shortfall."),
    ("C", "### About the author"),
    ("C", "Priya Shah is a senior researcher at the Centre for Cities. She previously worked at "
          "the Treasury."),
    ("C", "### Share this:"),
    ("C", "- [Twitter](https://example.com/share/tw)"),
    ("C", "- [LinkedIn](https://example.com/share/li)"),
    ("C", "*The views expressed are those of the author and not necessarily those of the "
          "Centre.*"),
]

_B9: list[tuple[str, str]] = [  # a US local TV station's page, HTML
    ("C", "Water main break floods downtown streets"),
    ("C", "Crews expect repairs to last into Thursday."),
    ("C", "Author: KARE 11 Staff"),
    ("C", "Published: 4:56 PM CST January 16, 2024"),
    ("C", "Updated: 7:10 PM CST January 16, 2024"),
    ("P", "A water main break flooded several downtown streets on Tuesday afternoon and left "
          "about 200 buildings without water."),
    ("P", "City crews shut off the main within two hours."),
    ("C", "Watch the latest news from KARE 11 on YouTube"),
    ("C", "Download the KARE 11 app"),
    ("C", "Copyright 2024 KARE. All Rights Reserved."),
]

_B10: list[tuple[str, str]] = [  # an Irish paper, plain text
    ("C", "Housing"),
    ("C", "Rents rise 8% as supply of homes hits new low"),
    ("C", "Report says just 1,200 homes were available to rent nationwide on May 1st"),
    ("C", "Sat May 18 2024 - 06:00"),
    ("P", "Rents nationally rose by 8 per cent in the year to March, according to the latest "
          "report from the property website Daft.ie."),
    ("P", "Just 1,200 homes were available to rent across the country on May 1st."),
    ("C", "Listen | 4:12"),
    ("L", "In Dublin, the average rent is now more than \u20ac2,300 a month."),
    ("C", "Sign up for push alerts and have the best news, analysis and comment delivered "
          "directly to your phone"),
    ("C", "Find The Irish Times on WhatsApp and stay up to date"),
    ("C", "Our Irish Times Inside Politics podcast is available wherever you listen"),
]

UNSEEN: list[Page] = [
    ("text", _B1), ("markdown", _B2), ("html", _B3), ("text", _B4), ("html", _B5),
    ("markdown", _B6), ("text", _B7), ("markdown", _B8), ("html", _B9), ("text", _B10),
]

# ------------------------------------------------------------------ a third set, written
# after the second pass and measured before any change for it

_C1: list[tuple[str, str]] = [  # a US newspaper's app export, plain text
    ("C", "NATIONAL"),
    ("C", "Drought Forces Farmers to Sell Herds Early"),
    ("C", "Ranchers across the Plains say hay prices have doubled since spring."),
    ("C", "By Mitch Keller and Anna Ruiz | Photographs by Leo Park for The Daily"),
    ("C", "Aug. 14, 2023, 5:00 a.m. ET"),
    ("P", "Cattle ranchers across the southern Plains are selling their herds months early, as a "
          "second year of drought has doubled the price of hay."),
    ("C", "A rancher moves cattle near Dodge City, Kan., last month. Prices for hay have doubled."),
    ("P", "Beef cow numbers in the United States are at their lowest since 1962, according to "
          "the Agriculture Department."),
    ("L", "Photographs taken from the air show fields that should be green turned brown."),
    ("P", "Economists expect beef prices in shops to rise by about 8 percent next year."),
    ("C", "A version of this article appears in print on Aug. 15, 2023, Section A, Page 1 of the "
          "New York edition with the headline: Drought Forces Farmers to Sell Herds Early."),
    ("C", "Order Reprints | Today\u2019s Paper | Subscribe"),
]

_C2: list[tuple[str, str]] = [  # a UK broadcaster's live page, HTML
    ("C", "Budget 2024: Chancellor cuts national insurance by 2p"),
    ("C", "Live Reporting"),
    ("C", "Edited by Sophie Grant"),
    ("C", "All times stated are UK"),
    ("C", "Posted at 13:41"),
    ("C", "What we know so far"),
    ("P", "The chancellor has cut employee national insurance by two percentage points, saving a "
          "typical worker about \u00a3450 a year."),
    ("C", "Posted at 13:20"),
    ("C", "Analysis: A pre-election giveaway, but a modest one"),
    ("C", "Faisal Islam"),
    ("C", "Economics editor"),
    ("P", "The tax cut is funded largely by higher borrowing in the early years of the forecast."),
    ("L", "By the time of the election, the tax burden will still be near a 70-year high."),
    ("C", "Image source, PA Media"),
    ("C", "Get in touch with us"),
]

_C3: list[tuple[str, str]] = [  # an Australian tabloid, Markdown
    ("C", "# \u2018Absolute carnage\u2019: Commuters stranded as Sydney trains halt"),
    ("C", "Thousands of commuters were left stranded after a signal failure brought Sydney's "
          "train network to a standstill."),
    ("C", "*Staff writers*"),
    ("C", "*3 min read*"),
    ("C", "*April 8, 2024 - 7:42AM*"),
    ("P", "A signal failure at Central station halted every train line in Sydney for more than "
          "two hours on Monday morning."),
    ("C", "*Commuters wait at Central station on Monday. Picture: NewsWire / Gaye Gerard*"),
    ("P", "Transport for NSW said services were resuming but delays would continue until the "
          "afternoon."),
    ("C", "**MORE NEWS**"),
    ("C", "[Man charged over Bondi crash](https://example.com/bondi)"),
    ("C", "[Heatwave warning for western suburbs](https://example.com/heat)"),
    ("P", "It is the third major failure on the network this year."),
    ("C", "*Originally published as \u2018Absolute carnage\u2019: Commuters stranded as Sydney "
          "trains halt*"),
]

_C4: list[tuple[str, str]] = [  # a wire story with a pull quote and an editor's tag
    ("C", "Kenya\u2019s parliament passes finance bill amid protests"),
    ("C", "Updated 2:05 PM GMT+3, June 25, 2024"),
    ("C", "NAIROBI, Kenya (AP) \u2014"),
    ("P", "Kenya's parliament passed a finance bill with new taxes on Tuesday as thousands of "
          "protesters gathered outside."),
    ("P", "Police fired tear gas at crowds who tried to break through barriers."),
    ("C", "\u201cWe will not be silenced,\u201d"),
    ("P", "The bill now goes to the president, who has two weeks to sign it."),
    ("C", "___"),
    ("C", "Follow AP's Africa coverage at https://apnews.com/hub/africa"),
    ("C", "Evelyne Musambi, The Associated Press"),
]

_C5: list[tuple[str, str]] = [  # a tech site, HTML
    ("C", "Tech"),
    ("C", "Chipmaker\u2019s profit triples on AI demand"),
    ("C", "The company now expects revenue of $28 billion in the current quarter."),
    ("C", "Written by Priya Raman, Senior Reporter"),
    ("C", "May 22, 2024 at 4:30 p.m. PT"),
    ("C", "Comments (124)"),
    ("P", "The chipmaker said on Wednesday that its quarterly profit more than tripled, as "
          "companies raced to buy processors for artificial intelligence."),
    ("C", "Image: Example Corp"),
    ("P", "Revenue in its data centre business rose fivefold from a year earlier."),
    ("C", "Most Popular"),
    ("C", "Disclosure: Example Media has a commercial partnership with one of the companies "
          "mentioned."),
    ("C", "Priya Raman is a senior reporter covering semiconductors. Send tips to "
          "priya@example.com."),
]

_C6: list[tuple[str, str]] = [  # an Irish/UK regional, plain text with social prompts
    ("C", "Galway hospital declares major incident over trolley numbers"),
    ("C", "Sinead Walsh"),
    ("C", "Wed, 10 Jan, 2024 - 18:30"),
    ("P", "University Hospital Galway has declared a major incident after 62 patients were "
          "left waiting on trolleys."),
    ("P", "The hospital asked people to attend their GP or a pharmacy unless they were "
          "seriously ill."),
    ("C", "Read More"),
    ("C", "Related Articles"),
    ("C", "Emergency department wait times at record high"),
    ("C", "More in this section"),
    ("C", "Join our WhatsApp channel for the latest news"),
    ("C", "\u00a9 Irish Examiner Ltd"),
]

_C7: list[tuple[str, str]] = [  # an opinion column with standfirst and ending note, Markdown
    ("C", "COMMENT"),
    ("C", "## The housing crisis will not be solved by planning reform alone."),
    ("C", "Building more homes needs builders, and we are short of 200,000 of them."),
    ("C", "**Jonathan Reed**"),
    ("C", "Sunday 5 May 2024 8:00 am"),
    ("P", "Every government since 2010 has promised to fix the planning system, and every one "
          "has found that permission is not the same as a finished home."),
    ("L", "\u201cWe have the land,\u201d one builder told me. \u201cWe don\u2019t have the "
          "bricklayers.\u201d"),
    ("P", "The construction industry has lost a quarter of its workforce since 2008."),
    ("C", "*Jonathan Reed is a former housing minister.*"),
    ("C", "*Do you agree? Have your say in the comments below.*"),
]

_C8: list[tuple[str, str]] = [  # a science news site, plain text
    ("C", "Scientists find water ice near Moon\u2019s south pole"),
    ("C", "New measurements suggest deposits are larger than thought."),
    ("C", "By Rachel Moss"),
    ("C", "Science Correspondent"),
    ("C", "5 March 2024"),
    ("P", "Deposits of water ice near the Moon's south pole may be several times larger than "
          "earlier estimates, a study published on Tuesday suggests."),
    ("C", "An artist\u2019s impression of the lunar south pole. Credit: ESA"),
    ("P", "The findings could make it easier to supply a crewed base."),
    ("C", "Journal reference: Nature Astronomy, DOI: 10.1038/s41550-024-00000-0"),
    ("C", "Topics:"),
    ("C", "Moon"),
    ("C", "Space exploration"),
]

THIRD: list[Page] = [
    ("text", _C1), ("html", _C2), ("markdown", _C3), ("text", _C4), ("html", _C5),
    ("text", _C6), ("markdown", _C7), ("text", _C8),
]

PAGES: list[Page] = [
    ("text", _T1), ("text", _T2), ("text", _T3), ("text", _T4), ("text", _T5),
    ("text", _T6), ("text", _T7), ("text", _T8), ("text", _T9), ("text", _T10),
    ("text", _T11),
    ("markdown", _M1), ("markdown", _M2), ("markdown", _M3),
    ("html", _H1), ("html", _H2), ("html", _H3), ("html", _H4),
    # the same pages in the other formats: a page's shape, not its markup, tells its chrome
    ("html", _T1), ("html", _T3), ("html", _T7), ("markdown", _T2), ("markdown", _T6),
    ("text", _H1), ("text", _H2), ("text", _H4),
]

_SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}


def render(fmt: str, lines: list[tuple[str, str]]) -> str:
    """The page in ``fmt``: paragraphs between blank lines (text, Markdown), or every line in
    a ``<p>`` of an ``<article>`` (HTML, as many publishing systems export a story)."""
    if fmt != "html":
        return "\n\n".join(line for _, line in lines) + "\n"
    body = "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for _, line in lines)
    return f"<html><body><article>\n{body}\n</article></body></html>\n"


def _visible(fmt: str, line: str) -> str:
    """The part of ``line`` that a loaded page's text holds (Markdown marks are dropped by
    the loader: the longest run of plain words is searched for)."""
    if fmt != "markdown":
        return line
    parts = [p for p in line.replace("**", "\0").replace("*", "\0").replace("_", "\0")
             .replace("![", "\0").replace("](", "\0").replace("[", "\0").replace("#", "\0")
             .split("\0")]
    return max(parts, key=len).strip()


@dataclass
class Tally:
    """What :func:`measure` counts."""

    chrome: int = 0
    chrome_analysed: list[str] = field(default_factory=list)
    chrome_found: list[str] = field(default_factory=list)  # a finding, source or attribution
    prose: int = 0
    prose_skipped: list[str] = field(default_factory=list)


def measure(pages: list[Page] = PAGES) -> Tally:
    """Audit every page (the whole pipeline, default configuration) and count."""
    from checker.core.document import BODY
    from checker.pipeline import analyse_text

    t = Tally()
    for n, (fmt, lines) in enumerate(pages):
        result = analyse_text(render(fmt, lines), f"page{n}{_SUFFIX[fmt]}", fmt=fmt)
        text = result.text
        sents = result.sentences
        spans = [(f["start"], f["end"]) for f in result.findings]
        spans += [(src["start"], src["end"]) for src in result.sources]
        for rec in result.attributions:
            parts = [rec.get("source"), rec.get("cue"), *(rec.get("content") or ())]
            spans += [(sp["start"], sp["end"]) for sp in parts if sp]
        pos = 0
        for kind, line in lines:
            needle = _visible(fmt, html.unescape(line))
            i = text.find(needle, pos)
            if i < 0:
                raise AssertionError(f"page {n} ({fmt}): {needle!r} not in the loaded text")
            s, e = i, i + len(needle)
            pos = e
            analysed = any(x["region"] == BODY and x["start"] < e and s < x["end"]
                           for x in sents)
            tag = f"{n}/{fmt}: {line[:70]}"
            if kind == "C":
                t.chrome += 1
                if analysed:
                    t.chrome_analysed.append(tag)
                if any(a < e and s < b for a, b in spans):
                    t.chrome_found.append(tag)
            else:
                t.prose += 1
                if not analysed:
                    t.prose_skipped.append(tag)
    return t


if __name__ == "__main__":
    import sys

    tally = measure(THIRD if "--third" in sys.argv else UNSEEN if "--unseen" in sys.argv
                    else PAGES)
    print(f"chrome lines read as article text: {len(tally.chrome_analysed)} of {tally.chrome}")
    for tag in tally.chrome_analysed:
        print("  analysed ", tag)
    print(f"chrome lines with a finding, source or attribution: {len(tally.chrome_found)} of "
          f"{tally.chrome}")
    for tag in tally.chrome_found:
        print("  found    ", tag)
    print(f"prose lines not analysed: {len(tally.prose_skipped)} of {tally.prose}")
    for tag in tally.prose_skipped:
        print("  skipped  ", tag)
