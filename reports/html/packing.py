"""An article page's data: its ``articles.jsonl`` line, deflated with a preset dictionary,
in base64.

A page's record is small (a few KB deflated), and most of what deflate spends on it is the
first use of each key and stock phrase (``"claim_prob":``, ``"region":"body"``, a rule's
advice). :data:`PAGE_DICT`, the record's keys and common values written out once, is the
zlib preset dictionary (RFC 1950 ``FDICT``) of every page: deflate refers back into it from
the first byte, so a page's data is 10-14% smaller than without it. The dictionary
is part of the page format: ``assets/checker.js`` carries the same text
(``window.CHECKER_ZDICT``, written by :func:`reports.html.assets.script`) and inflates with
it; a page names its dictionary by its Adler-32 checksum (the zlib header's ``DICTID``),
so a page deflated with another dictionary is refused with a clear message, never
misread. Pages without a dictionary (written before it) still read.

The fragments hold no article text: keys, the values the tool itself writes (regions,
kinds, severities, rule names and ids) and the stock parts of rule messages. Later
fragments are nearer the data, so cheaper to refer to: the most frequent come last.
"""

from __future__ import annotations

import base64
import zlib

_FRAGMENTS = (
    # once per article: the record's own fields, the score breakdown, metrics, footnotes
    '{"article":"","id":"","path":"","page":"articles/.html","metadata":{},"status":"ok",'
    '"error":"","warnings":[],"format":"text","text":"',
    '"format":"markdown","format":"html","status":"warning","no article text",',
    '","score":,"grade":"","score_breakdown":[{"component":"unsourced claims","points":-,'
    '"max":45.0,"detail":" of  factual claims have no attribution"},{"component":'
    '"unattributed quotes","points":-,"max":12.0,"detail":" quotation with no identifiable '
    'speaker"},{"component":"anonymous sources","points":-,"max":10.0,"detail":" of  source '
    'mentions are anonymous"},{"component":"overstated certainty","points":-,"max":6.0,'
    '"detail":" booster overstating certainty"}],',
    '"metrics":{"words":,"sentences":,"body_sentences":,"claims":,"attributed_claims":,'
    '"unsourced_claims":,"attribution_rate":0.,"hedges":,"hedges_per_100_words":0.,'
    '"footnote_markers":0,"sources_listed":0,"dangling_footnotes":0,"unused_sources":0,'
    '"named_sources":,"anonymous_sources":,"distinct_sources":,"quotes":,"findings":,'
    '"errors":0,"warnings_count":,"suggestions":,"flesch_reading_ease":,"grade_level":,'
    '"hedges_epistemic":0,"hedges_reportative":0,"hedges_weasel":0,"hedges_approximator":0,'
    '"hedges_booster":0,"genre":"news","genre_confidence":0.,"distinct_named_sources":,'
    '"anonymous_source_share":0.,"rated_sources":0,"unrated_sources":0,'
    '"low_credibility_sources":0,"mean_credibility":null,"min_credibility":null,'
    '"rating_sets":"none (run: checker ratings update)"},',
    '"footnotes":{"markers":[],"definitions":{},"dangling":[],"unused":[]}}',
    '"genre":"opinion","genre":"analysis","genre":"explainer","genre":"press-release",',
    # sources, quotes, footnote markers
    '{"name":"","kind":"outlet","start":,"end":,"sentence":,"cue":"according to","url":"https://'
    'www.","domain":".com","rating":,"rating_source":"","rating_label":"unrated","percentile":',
    '{"name":"","kind":"anonymous","start":,"end":,"sentence":,"cue":"said","role":"',
    '"kind":"organisation","kind":"document","cue":"told","cue":"says","cue":"reported",',
    '"quotes":[{"start":,"end":},{"start":,"end":}],',
    # hedges, attributions
    '{"start":,"end":,"category":"reportative","sentence":,"speaker":"","flagged":true,'
    '"reported_with":""},"category":"weasel","category":"approximator","category":"booster"',
    '{"start":,"end":,"category":"epistemic","sentence":,"flagged":true},',
    '{"source":{"start":,"end":},"cue":{"start":,"end":},"content":[{"start":,"end":}],'
    '"source_name":"","source_kind":"organisation","role":"","direct":true},',
    '{"source":{"start":,"end":},"cue":{"start":,"end":},"content":[{"start":,"end":}],'
    '"source_name":"","source_kind":"person","direct":true},',
    # findings: the rules' names, ids and severities, and the stock parts of their messages
    '{"rule":"footnote-sequence","id":"FTN003","severity":"warning",'
    '{"rule":"dangling-footnote","id":"FTN001","severity":"error",'
    '{"rule":"unused-source","id":"FTN002","severity":"warning",'
    '{"rule":"low-credibility-source","id":"CRD001","severity":"warning",'
    '{"rule":"single-source","id":"CRD002","severity":"suggestion",'
    '{"rule":"approximator","id":"HDG003","severity":"suggestion",',
    '{"rule":"overstated-certainty","id":"HDG002","severity":"suggestion","start":,"end":,'
    '"sentence":,"message":"Overstated certainty \'\': show the evidence instead of asserting '
    'it."},',
    '{"rule":"vague-attribution","id":"ATT001","severity":"warning","start":,"end":,'
    '"sentence":,"message":"agentless passive \'\': who thinks or says so?; it also marks the '
    "claim as second-hand ('')." + '"},',
    '{"rule":"unattributed-quote","id":"ATT002","severity":"warning","start":,"end":,'
    '"sentence":,"message":"direct quotation with no identifiable speaker: say who said it"},',
    '{"rule":"hedging","id":"HDG001","severity":"suggestion","start":,"end":,"sentence":,'
    '"message":"Hedge \'\': the sentence commits less than it seems to; state what is known, '
    'or who thinks so."},',
    '{"rule":"unsourced-claim","id":"CLM001","severity":"warning","start":,"end":,"sentence":,'
    '"message":"Checkable claim (claim probability 0.) with no source: say who established '
    'it, or link or footnote the evidence."},',
    # blocks and sentences: the most frequent records
    '{"start":,"end":,"region":"heading","reason":"title"},{"start":,"end":,"region":"byline"},'
    '"region":"caption","region":"boilerplate","bullet":true,',
    '{"start":,"end":,"region":"body"},{"start":,"end":,"region":"body"},',
    '{"index":,"start":,"end":,"region":"body","is_claim":true,"claim_prob":0.,'
    '"attributed":true,"source":"","uncertainty":0.,"hedged":true,"hedges":[""],'
    '"footnotes":[""]},',
    '{"index":,"start":,"end":,"region":"body","claim_prob":0.,"uncertainty":0.},',
    '{"index":,"start":,"end":,"region":"body","is_claim":true,"claim_prob":0.,'
    '"uncertainty":0.},',
    # claim_status: the statuses that recur (rules.claims)
    '"claim_status":"sourced: attributed","claim_status":"unsourced",'
    '"claim_status":"not a claim: quotation","claim_status":"sourced: vague attribution",',
)
PAGE_DICT: bytes = "".join(_FRAGMENTS).encode("ascii")
DICT_ID = zlib.adler32(PAGE_DICT)
# zlib's level: with the dictionary, 4 costs a third less time than the default 6 (0.19 ms
# for a 20 KB line, against 0.28) for 4% more data (still a tenth less than 6 without it)
LEVEL = 4


def pack(line: str) -> str:
    """The page data of an ``articles.jsonl`` line: deflated with :data:`PAGE_DICT`, base64."""
    z = zlib.compressobj(LEVEL, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, PAGE_DICT)
    return base64.b64encode(z.compress(line.encode("utf-8")) + z.flush()).decode("ascii")


def unpack(data: str | bytes) -> str:
    """The ``articles.jsonl`` line a page's data carries (:func:`pack`'s inverse; data
    deflated without a dictionary, as pages were first written, reads too).

    Raises :class:`ValueError` when the data is not a whole deflated line: cut short (the
    stream does not reach its end, so a part of the line would come out), corrupt, or
    deflated with another dictionary."""
    raw = base64.b64decode(data)
    fdict = len(raw) >= 6 and raw[1] & 0x20  # FDICT: the dictionary's Adler-32 follows
    if fdict and int.from_bytes(raw[2:6], "big") != DICT_ID:
        raise ValueError("the page's data was deflated with another dictionary than this "
                         "version's (a page of another checker version)")  # fmt: skip
    z = zlib.decompressobj(zdict=PAGE_DICT) if fdict else zlib.decompressobj()
    try:
        out = z.decompress(raw) + z.flush()
    except zlib.error as exc:
        raise ValueError(f"the page's data is corrupt ({exc})") from exc
    if not z.eof:
        raise ValueError("the page's data is cut short")
    return out.decode("utf-8")
