"""Attribution extraction accuracy on PolNeAR ``dev`` (``python -m evaluation.attribution``).

The extractor (``rules.attribution.extraction.extract``) is run on every dev article,
segmented by the product's own segmenter (``checker.text.loader.document_from_text``), and compared
with the gold relations (one annotator per article, see ``evaluation/polnear.py``). Nothing
here is tuned on dev: the learned cue model is trained on ``train`` only
(``training/train_attribution.py``).

Printed measures (last, the tool-output misses by class, ``MISS_CLASSES``):

1. sentence level: a sentence is positive when it overlaps attributed content; measured twice:
   on the extraction layer (every relation ``extract`` returns, actions included, and the
   cue-less sentences that the sentence gate alone reads as attributed,
   ``extraction.free_relations``) and on the tool's own output, the ``attributed`` column
   of ``sentences.csv`` (the whole pipeline, where information sources and the sentence
   gate's verdicts attribute a sentence) -- the second is what a user of the tool gets;
2. attribution level: a predicted relation matches a gold one when the contents overlap by at
   least 50% of the gold content's characters and the sources overlap (or both have no
   source); one-to-one greedy matching;
3. vague-source recall: the share of gold sources of reporting relations that name no one
   which ATT001 flags, and the share of named ones it wrongly flags; and the same over every
   relation (``evaluation/vague_sources.py``);
4. span level per role (source, cue, content): exact match of the (discontinuous) span after
   stripping surrounding whitespace and ``,;:`` and token-overlap P/R/F1 (tokens of the role
   that carry the same role in gold).

Options: ``--split train`` to look at the training split, ``--no-model`` to run the lexicon
alone, ``--candidate-model`` for the earlier lexicon-candidate cue classifier instead of the
token tagger, ``--no-gate`` without the sentence gate, ``--limit N`` for a quick look,
``--json`` to print the numbers as JSON.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from checker.text.loader import document_from_text
from evaluation import f1 as f1_score
from evaluation.polnear import Article, available, load_split
from evaluation.vague_sources import VagueRecall, case_counts, count_article
from rules.attribution.candidates import CueModel, load_cue_model
from rules.attribution.doc import Extracted, TokenDoc
from rules.attribution.extraction import extract
from rules.attribution.sentence_gate import SentenceGate
from rules.attribution.tagger import CueTagger

TARGETS = {"sentence_f1": 0.90, "attribution_f1": 0.80, "source_exact_f1": 0.75,
           "cue_exact_f1": 0.75}
# Exact-span F1 on PolNeAR (CofeNet, COLING 2022): source / cue / content.
REFERENCE = {
    "feature CRF": (50.6, 53.4, 28.6),
    "BERT-CRF": (82.2, 74.9, 71.0),
    "BERT-CofeNet": (83.2, 75.3, 72.9),
}

Pieces = tuple[tuple[int, int], ...]
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class PRF:
    tp: float = 0.0
    n_pred: float = 0.0
    n_gold: float = 0.0

    @property
    def p(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.p, self.r)

    def add(self, gold: bool, pred: bool) -> None:
        """Count one item that is positive in gold and/or predicted."""
        self.tp += gold and pred
        self.n_pred += pred
        self.n_gold += gold


def _count_sentences(score: PRF, sents: list[tuple[int, int, bool]], gold: set[int]) -> None:
    """Count (start, end, predicted) sentences: positive in gold when they overlap ``gold``."""
    for a, b, pred in sents:
        score.add(any(i in gold for i in range(a, b)), pred)


def _tool_sentences(art: Article) -> list[tuple[int, int, bool]]:
    """(start, end, attributed) of each sentence as the whole tool reports it: the article
    audited as a plain-text row (``checker.article.audit_article``), read from its
    sentences' ``attributed`` (the ``sentences.csv`` column)."""
    from checker.article import audit_article
    from checker.text.tabular import ArticleInput

    item = ArticleInput(art.name, art.name, f"{art.name}.txt", art.text, "text")
    rows = audit_article(item).to_dict()["sentences"]
    return [(s["start"], s["end"], bool(s.get("attributed"))) for s in rows]


def tool_attributed(sents: Sequence[tuple[int, int]], found: Sequence[Extracted]) -> list[bool]:
    """Which of ``sents`` the tool marks ``attributed`` from ``extract``'s relations
    ``found``, read as ``rules.attribution.record`` reads them (an information source's
    content and source sentences, unless it is agentless; a stance's content; a
    ``sentence_only`` verdict's sentence), without the whole audit: what training scores
    the tool's output by with models that are not shipped (a plain text has no links or
    footnote markers, the other ways a sentence is attributed)."""
    starts = [a for a, _ in sents]
    out = [False] * len(sents)

    def mark(off: int) -> None:
        k = bisect.bisect_right(starts, off) - 1
        if 0 <= k < len(out):
            out[k] = True

    for r in found:
        if r.stance:
            for a, _ in r.content:
                mark(a)
        if not r.informational:
            if r.sentence_only and r.content:
                mark(r.content[0][0])
            continue
        if r.source is None and r.cue is not None:
            continue
        for a, b in r.content:
            i = bisect.bisect_right(starts, a) - 1
            j = bisect.bisect_right(starts, max(a, b - 1)) - 1
            if i >= 0 and j >= 0:
                for k in range(i, j + 1):
                    out[k] = True
        if r.source is not None:
            mark(r.source[0])
    return out


# why the tool's output misses a gold sentence (printed below the table), tested in order
MISS_CLASSES = {
    "actor": "a relation whose source acts rather than reports (plausible.rejection)",
    "weak_action": "a gate-found weak cue that is no lexicon reporting verb",
    "agentless": "a report with no source named (\"is expected to\")",
    "stance": "the author's or reader's own stance, content in another sentence",
    "other_relation": "another relation that attributes nothing here",
    "cue_missed": "no relation; the gold cue is in the sentence",
    "continues": "no relation; the gold cue is in an earlier sentence",
    "precedes": "no relation; the gold cue is in a later sentence",
    "no_cue": "no relation; the gold relation has no cue",
}


def _miss_class(a: int, b: int, found: list[Extracted], gold: list[Rel]) -> str:
    """The ``MISS_CLASSES`` key of a gold sentence ``a..b`` that the tool does not mark
    attributed, from the relations ``extract`` found there and the gold relations' cues."""
    here = [r for r in found if any(x < b and y > a for x, y in r.content)
            or (r.cue is not None and a <= r.cue[0] < b)]
    for key, test in (("actor", lambda r: not r.informational and not r.weak
                       and not r.stance and not r.sentence_only),
                      ("weak_action", lambda r: r.weak and not r.informational
                       and not r.sentence_only),
                      ("agentless", lambda r: r.informational and r.source is None),
                      ("stance", lambda r: r.stance)):
        if any(test(r) for r in here):
            return key
    if here:
        return "other_relation"
    cues = [g.cue[0][0] for g in gold if g.cue and any(x < b and y > a for x, y in g.content)]
    if any(a <= c < b for c in cues):
        return "cue_missed"
    if any(c < a for c in cues):
        return "continues"
    return "precedes" if cues else "no_cue"


# what became of a missed gold cue (``cue_missed``), by the tagger's score on it (the
# largest B + I probability of its tokens); and whether it holds a lexicon reporting or
# belief word (counted apart, ``cue_missed_lexicon``)
CUE_MISSED_TIERS = {
    "strong": "the tagger marks it (its threshold): the relation rules build nothing there",
    "weak": "the tagger sees it weakly (gate's cue threshold up to its own): the sentence "
            "gate turns the sentence down",
    "low": "below the gate's cue threshold: the tagger does not see it",
}


@dataclass
class CueScores:
    """One article's tagger scores per token and what a missed gold cue is measured by."""

    d: TokenDoc
    sums: list[float]  # P(B) + P(I) of each token
    threshold: float  # the tagger's
    cue_threshold: float  # the sentence gate's (weak cues)

    def tier(self, cue: Pieces) -> tuple[str, bool]:
        """The ``CUE_MISSED_TIERS`` key of a gold cue and whether it holds a lexicon
        reporting or belief word."""
        d = self.d
        toks = [k for a, b in cue
                for k in range(bisect.bisect_left(d.tok_starts, a),
                               bisect.bisect_left(d.tok_starts, b))]
        score = max((self.sums[k] for k in toks), default=0.0)
        lexical = any(d.tok_lows[k] in d.lex.cue_forms for k in toks)
        tier = "strong" if score >= self.threshold else \
            "weak" if score >= self.cue_threshold else "low"
        return tier, lexical


def _count_misses(misses: Counter[str], sents: list[tuple[int, int, bool]],
                  gold_chars: set[int], found: list[Extracted], gold: list[Rel],
                  scores: CueScores | None = None) -> None:
    """Count the gold sentences the tool's output misses, by ``_miss_class`` (and the
    ``cue_missed`` ones by ``CUE_MISSED_TIERS``, given the article's tagger ``scores``)."""
    for a, b, pred in sents:
        if not pred and any(i in gold_chars for i in range(a, b)):
            key = _miss_class(a, b, found, gold)
            misses[key] += 1
            if key == "cue_missed" and scores is not None:
                cue = next(g.cue for g in gold if g.cue and a <= g.cue[0][0] < b
                           and any(x < b and y > a for x, y in g.content))
                tier, lexical = scores.tier(cue)
                misses[f"cue_missed_{tier}"] += 1
                misses["cue_missed_lexicon"] += lexical


def _cue_scores(text: str, sents: list[tuple[int, int]], model: object,
                gate: object) -> CueScores | None:
    """The tagger's token scores on one article, when the extraction runs the committed
    tagger (``model`` True or a tagger) with a sentence gate; else None."""
    from rules.attribution.lexicon import get_lexicon
    from rules.attribution.sentence_gate import load_sentence_gate
    from rules.attribution.tagger import load_cue_tagger

    tagger = load_cue_tagger() if model is True else model
    the_gate = load_sentence_gate() if gate is True else gate
    if not isinstance(tagger, CueTagger) or not isinstance(the_gate, SentenceGate):
        return None
    d = TokenDoc(text, sents, get_lexicon())
    proba = tagger.token_proba(d)
    sums = [float(r[1] + r[2]) for r in proba]
    return CueScores(d, sums, tagger.threshold, the_gate.cue_threshold)


def _norm(text: str, pieces: Sequence[tuple[int, int]]) -> Pieces:
    out = []
    for a, b in sorted(pieces):
        while a < b and (text[a].isspace() or text[a] in ",;:"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
            b -= 1
        if b > a:
            if out and not text[out[-1][1] : a].strip():
                out[-1] = (out[-1][0], b)  # pieces separated by whitespace only: one span
            else:
                out.append((a, b))
    return tuple(out)


def _chars(pieces: Sequence[tuple[int, int]]) -> set[int]:
    s: set[int] = set()
    for a, b in pieces:
        s.update(range(a, b))
    return s


def _tokens(text: str, pieces: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    out = set()
    for a, b in pieces:
        for m in _TOKEN.finditer(text, a, b):
            out.add((m.start(), m.end()))
    return out


@dataclass
class Rel:
    source: Pieces
    cue: Pieces
    content: Pieces


def _pred_rels(text: str, found: list[Extracted], with_continuations: bool) -> list[Rel]:
    rels = []
    for r in found:
        if r.cue is None and not with_continuations:
            continue
        rels.append(
            Rel(
                source=_norm(text, [r.source] if r.source else []),
                cue=_norm(text, [r.cue] if r.cue else []),
                content=_norm(text, r.content),
            )
        )
    return rels


def _gold_rels(art: Article) -> list[Rel]:
    return [
        Rel(_norm(art.text, g.source), _norm(art.text, g.cue), _norm(art.text, g.content))
        for g in art.attributions
    ]


def evaluate(
    articles: list[Article],
    model: CueModel | CueTagger | bool | None = True,
    with_continuations: bool = False,
    gate: SentenceGate | bool | None = True,
    whole_tool: bool = True,
) -> dict[str, float]:
    """Scores of ``extract`` on ``articles`` (``model``: True = committed cue tagger;
    ``gate``: True = committed sentence gate, None = none); with ``whole_tool``, also the
    sentence score of the tool's own ``attributed`` output (``tool_sentence_*``)."""
    sent = PRF()
    tool = PRF() if whole_tool else None
    misses: Counter[str] = Counter()
    att = PRF()
    exact = {k: PRF() for k in ("source", "cue", "content")}
    overlap = {k: PRF() for k in ("source", "cue", "content")}
    words = 0
    t_extract = 0.0
    vague = VagueRecall()
    counts = case_counts(a.text for a in articles)
    for art in articles:
        text = art.text
        doc = document_from_text(text, path=f"{art.name}.txt", fmt="text")
        sents = [(s.start, s.end) for s in doc.sentences]
        words += len(text.split())
        t0 = time.perf_counter()
        found, quotes = extract(text, sents, model=model, gate=gate)
        t_extract += time.perf_counter() - t0
        pred = _pred_rels(text, found, with_continuations)
        gold = _gold_rels(art)
        count_article(text, [g.source for g in art.attributions], found, counts, vague,
                      sentences=sents, quotes=quotes,
                      cues=[" ".join(text[a:b] for a, b in g.cue) for g in art.attributions])
        # 1. sentences
        gold_chars = _chars([p for g in gold for p in g.content])
        # (a cue-less sentence the gate alone reads as attributed counts here only: it is a
        # verdict on the sentence, not a relation)
        pred_chars = _chars([p for r in pred for p in r.content]
                            + [p for r in found if r.sentence_only and r.cue is None
                               for p in _norm(text, r.content)])
        _count_sentences(sent, [(a, b, any(i in pred_chars for i in range(a, b)))
                                for a, b in sents], gold_chars)
        if tool is not None:
            tool_sents = _tool_sentences(art)
            _count_sentences(tool, tool_sents, gold_chars)
            _count_misses(misses, tool_sents, gold_chars, found, gold,
                          _cue_scores(text, sents, model, gate))
        # 2. relations
        att.n_pred += len(pred)
        att.n_gold += len(gold)
        used: set[int] = set()
        gold_sets = [(_chars(g.content), _chars(g.source)) for g in gold]
        for r in pred:
            rc, rs = _chars(r.content), _chars(r.source)
            for gi, (gc, gs) in enumerate(gold_sets):
                if gi in used or not gc:
                    continue
                if len(rc & gc) * 2 < len(gc):
                    continue
                if (gs or rs) and not (gs & rs):
                    continue
                used.add(gi)
                att.tp += 1
                break
        # 3. spans per role
        for role in ("source", "cue", "content"):
            g_spans = [getattr(g, role) for g in gold if getattr(g, role)]
            p_spans = [getattr(r, role) for r in pred if getattr(r, role)]
            remaining = list(g_spans)
            tp = 0
            for ps in p_spans:
                if ps in remaining:
                    remaining.remove(ps)
                    tp += 1
            exact[role].tp += tp
            exact[role].n_pred += len(p_spans)
            exact[role].n_gold += len(g_spans)
            g_tok = _tokens(text, [p for s in g_spans for p in s])
            p_tok = _tokens(text, [p for s in p_spans for p in s])
            overlap[role].tp += len(g_tok & p_tok)
            overlap[role].n_pred += len(p_tok)
            overlap[role].n_gold += len(g_tok)
    out: dict[str, float] = {
        "articles": len(articles),
        "words": words,
        "extract_words_per_s": words / t_extract if t_extract else 0.0,
        "vague_sources": vague.vague,
        "vague_source_recall": vague.recall,
        "named_sources": vague.named,
        "named_flagged_vague": vague.false_rate,
        "vague_sources_all": vague.vague_all,
        "vague_source_recall_all": vague.recall_all,
        "named_flagged_vague_all": vague.false_rate_all,
    }
    out.update({f"tool_miss_{k}": v for k, v in misses.items()})
    scored = [("sentence", sent), ("attribution", att)]
    if tool is not None:
        scored.append(("tool_sentence", tool))
    for name, m in scored:
        out.update({f"{name}_p": m.p, f"{name}_r": m.r, f"{name}_f1": m.f1})
    if tool is not None:
        out["tool_sentence_n_gold"] = tool.n_gold
    for role in exact:
        e, o = exact[role], overlap[role]
        out.update({f"{role}_exact_p": e.p, f"{role}_exact_r": e.r, f"{role}_exact_f1": e.f1,
                    f"{role}_token_p": o.p, f"{role}_token_r": o.r, f"{role}_token_f1": o.f1})
    return out


def format_table(m: dict[str, float], split: str) -> str:
    def row(label: str, key: str, ref: str = "", target: float | None = None) -> str:
        p, r, f = m[f"{key}_p"], m[f"{key}_r"], m[f"{key}_f1"]
        tgt = f">= {target:.2f} {'met' if f >= target else 'NOT met'}" if target else ""
        return f"{label:<26}{p:7.3f}{r:7.3f}{f:7.3f}   {tgt:<18}{ref}"

    crf, bert, cofe = REFERENCE["feature CRF"], REFERENCE["BERT-CRF"], REFERENCE["BERT-CofeNet"]

    def ref(i: int) -> str:
        return f"CRF {crf[i]} / BERT-CRF {bert[i]} / CofeNet {cofe[i]}"

    lines = [
        f"PolNeAR {split}: {int(m['articles'])} articles, {int(m['words'])} words; "
        f"extraction {m['extract_words_per_s']:,.0f} words/s",
        f"{'measure':<26}{'P':>7}{'R':>7}{'F1':>7}   {'target':<18}published (exact F1 %)",
        row("sentence (in content)", "sentence", "", TARGETS["sentence_f1"]),
        *([row("sentence, tool's output", "tool_sentence", "sentences.csv `attributed`")]
          if "tool_sentence_f1" in m else []),
        row("attribution (50% + src)", "attribution", "", TARGETS["attribution_f1"]),
        row("source exact", "source_exact", ref(0), TARGETS["source_exact_f1"]),
        row("cue exact", "cue_exact", ref(1), TARGETS["cue_exact_f1"]),
        row("content exact", "content_exact", ref(2)),
        row("source token overlap", "source_token"),
        row("cue token overlap", "cue_token"),
        row("content token overlap", "content_token"),
        *_miss_lines(m),
        f"vague sources of reporting relations flagged ATT001 (recall) "
        f"{m['vague_source_recall']:.3f} of {int(m['vague_sources'])}; named sources flagged "
        f"{m['named_flagged_vague']:.4f} of {int(m['named_sources'])} "
        "(evaluation/vague_sources.py)",
        f"  every relation (actions and wishes too): {m['vague_source_recall_all']:.3f} of "
        f"{int(m['vague_sources_all'])}; named flagged {m['named_flagged_vague_all']:.4f}",
    ]
    return "\n".join(lines)


def _miss_lines(m: dict[str, float]) -> list[str]:
    """The tool-output misses by class, as shares of the gold sentences."""
    gold = m.get("tool_sentence_n_gold", 0)
    keys = [k for k in MISS_CLASSES if f"tool_miss_{k}" in m]
    if not gold or not keys:
        return []
    lines = ["tool-output misses by class (share of gold sentences):"]
    for k in keys:
        lines.append(f"  {m[f'tool_miss_{k}'] / gold:6.3f}  {k:<15}{MISS_CLASSES[k]}")
        if k != "cue_missed":
            continue
        lines += [f"  {m.get(f'tool_miss_cue_missed_{t}', 0) / gold:6.3f}    {t:<13}{why}"
                  for t, why in CUE_MISSED_TIERS.items() if f"tool_miss_cue_missed_{t}" in m]
        if "tool_miss_cue_missed_lexicon" in m:
            lines.append(f"  {m['tool_miss_cue_missed_lexicon'] / gold:6.3f}    (of which the "
                         "cue holds a lexicon reporting or belief word)")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--no-model", action="store_true", help="lexicon cues only")
    ap.add_argument("--candidate-model", action="store_true",
                    help="the earlier lexicon-candidate cue classifier instead of the tagger")
    ap.add_argument("--no-gate", action="store_true",
                    help="without the sentence gate (the tagger's own cues only)")
    ap.add_argument("--continuations", action="store_true",
                    help="also score cue-less quote continuations as relations")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--extraction-only", action="store_true",
                    help="skip the whole-tool sentence score (no full audit of each article)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not available():
        print("PolNeAR not found under ../shared/data/attribution/polnear; nothing to evaluate",
              file=sys.stderr)
        return 2
    arts = load_split(args.split)
    if args.limit:
        arts = arts[: args.limit]
    model: CueModel | bool | None = True
    if args.no_model:
        model = None
    elif args.candidate_model:
        model = load_cue_model()
    m = evaluate(arts, model=model, with_continuations=args.continuations,
                 gate=None if args.no_gate else True, whole_tool=not args.extraction_only)
    if args.json:
        print(json.dumps(m, indent=2))
    else:
        print(format_table(m, args.split))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
